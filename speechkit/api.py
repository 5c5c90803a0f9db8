"""The library entry point: load texts into Documents and run extractors. No click, no rich."""
from __future__ import annotations

from speechkit.config import Config
from speechkit.errors import LoadError
from speechkit.load import Input, load_text
from speechkit.model import Document, Heading, Source, Target
from speechkit.normalize import build_document

_DEFAULT: Config | None = None


def _config(config: Config | None) -> Config:
    global _DEFAULT
    if config is not None:
        return config
    if _DEFAULT is None:
        _DEFAULT = Config()
    return _DEFAULT


def load_input(item: Input, encoding: str | None = None, config: Config | None = None) -> Document:
    text, enc = load_text(item, encoding)
    return build_document(text, Source(item.name, enc), _config(config))


def load(path: str | None = None, *, text: str | None = None, encoding: str | None = None,
         config: Config | None = None) -> Document:
    """A Document from a file path, or from ``text`` (named ``<text>``)."""
    if text is not None:
        if not isinstance(text, str):
            raise LoadError("<text>", "text must be a str")
        return build_document(text, Source("<text>", "str"), _config(config))
    if path is None:
        raise LoadError("<none>", "give a path or text=")
    return load_input(Input(path, path), encoding, config)


def outline(doc: Document, config: Config | None = None) -> list[Heading]:
    from speechkit.extractors.outline import extract_outline

    return extract_outline(doc, _config(config))


def targets(doc: Document, config: Config | None = None, year: int | None = None) -> list[Target]:
    """Numeric statements of all kinds (target, actual, other); ``year`` is the year the
    speech speaks from (今年), inferred from the text when not given."""
    from speechkit.extractors.targets import extract_targets

    return extract_targets(doc, _config(config), year)
