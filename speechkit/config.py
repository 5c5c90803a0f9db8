"""User configuration: a YAML file whose top-level keys extend the packaged lexicons."""
from __future__ import annotations

import os
import stat
from typing import Any, Callable, TypeVar

import yaml

from speechkit import lexicons
from speechkit.errors import ConfigError

DEFAULT_CONFIG_NAME = "speechkit.yaml"
T = TypeVar("T")


class Config:
    """Lexicons as used in one run: packaged defaults laid under the user's extensions.

    Also caches what is compiled from them (regexes, tables), so every document of a batch
    shares one compilation.
    """

    def __init__(self, extensions: dict[str, dict[str, Any]] | None = None, file: str | None = None):
        self.extensions = extensions or {}
        self.file = file
        self._lexicons: dict[str, dict[str, Any]] = {}
        self._compiled: dict[str, Any] = {}

    def lexicon(self, name: str) -> dict[str, Any]:
        if name not in self._lexicons:
            self._lexicons[name] = lexicons.merged(lexicons.packaged(name), self.extensions.get(name))
        return self._lexicons[name]

    def compiled(self, key: str, build: Callable[["Config"], T]) -> T:
        """``build(self)``, built once per ``key`` (an extractor's rules dataclass, say)."""
        if key not in self._compiled:
            self._compiled[key] = build(self)
        return self._compiled[key]


# A config is a page of YAML; anything far larger is not one.
MAX_CONFIG_BYTES = 4 * 1024 * 1024


def _check_file(path: str) -> None:
    """A config must be a regular file: opening a FIFO would block until someone writes."""
    try:
        st = os.stat(path)
    except OSError as exc:
        raise ConfigError(path, "", f"cannot read config file: {exc.strerror or exc}") from None
    if not stat.S_ISREG(st.st_mode):
        raise ConfigError(path, "", "config is not a regular file (a FIFO, device or directory?)")


def load_config(path: str | None = None) -> Config:
    """Read ``path`` (or ``speechkit.yaml`` in the working directory, if present)."""
    if path is None:
        if not os.path.isfile(DEFAULT_CONFIG_NAME):
            return Config()
        path = DEFAULT_CONFIG_NAME
    _check_file(path)
    try:
        with open(path, encoding="utf-8") as fh:
            text = fh.read(MAX_CONFIG_BYTES + 1)
        if len(text) > MAX_CONFIG_BYTES:
            raise ConfigError(path, "", f"config file is larger than {MAX_CONFIG_BYTES // 2**20} MB")
        data = yaml.safe_load(text)
    except RecursionError:
        raise ConfigError(path, "", "config is nested too deeply to read") from None
    except OSError as exc:
        raise ConfigError(path, "", f"cannot read config file: {exc.strerror or exc}") from None
    except UnicodeDecodeError:
        raise ConfigError(path, "", "config file is not UTF-8 text") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" (line {mark.line + 1})" if mark is not None else ""
        raise ConfigError(path, "", f"not valid YAML{where}: {getattr(exc, 'problem', exc)}") from None
    if data is None:
        return Config(file=path)
    if not isinstance(data, dict):
        raise ConfigError(path, "", "expected a mapping of lexicon names (e.g. 'cleaning:', 'outline:')")
    for name, ext in data.items():
        if name not in lexicons.SCHEMAS:
            raise ConfigError(path, str(name), f"unknown section (expected one of: {', '.join(lexicons.SCHEMAS)})")
        if name in lexicons.FIXED:
            raise ConfigError(path, str(name), "this lexicon is fixed language data and cannot be extended by a config")
        lexicons.validate(name, ext, path, partial=True)
    return Config(data, path)
