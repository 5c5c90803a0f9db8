"""Traditional/Simplified: detection and length-preserving conversion. The only OpenCC import."""
from __future__ import annotations

import os
import re
from functools import lru_cache

from opencc import OpenCC

from speechkit import lexicons


def _dictionary(name: str) -> list[tuple[str, list[str]]]:
    import opencc as _pkg

    path = os.path.join(os.path.dirname(_pkg.__file__), "dictionary", name)
    rows = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            key, _, values = line.rstrip("\n").partition("\t")
            if key and values:
                rows.append((key, values.split(" ")))
    return rows


def _one_way_chars(name: str) -> str:
    """Characters that the table always converts to something else (never to themselves)."""
    return "".join(k for k, vs in _dictionary(name) if len(k) == 1 and k not in vs)


@lru_cache(maxsize=None)
def _tables() -> tuple[re.Pattern[str], re.Pattern[str], dict[int, str]]:
    trad_only = _one_way_chars("TSCharacters.txt")
    simp_only = _one_way_chars("STCharacters.txt")
    char_map = {ord(k): vs[0] for k, vs in _dictionary("TSCharacters.txt") if len(k) == 1 and len(vs[0]) == 1}
    cls = lambda chars: re.compile("[" + "".join(re.escape(c) for c in chars) + "]")  # noqa: E731
    return cls(trad_only), cls(simp_only), char_map


@lru_cache(maxsize=None)
def _converter(name: str) -> OpenCC:
    return OpenCC(name)


def has_traditional(text: str) -> bool:
    """Whether any Traditional-only character occurs (if not, t2s would change nothing)."""
    return _tables()[0].search(text) is not None


def detect_script(text: str) -> str:
    """``simplified``, ``traditional`` or ``mixed``, by counting one-way characters."""
    trad_re, simp_re, _ = _tables()
    if not trad_re.search(text):
        return "simplified"
    n_trad = len(trad_re.findall(text))
    n_simp = len(simp_re.findall(text))
    ratio = lexicons.packaged("script")["mixed_ratio"]
    if n_simp and min(n_trad, n_simp) >= ratio * max(n_trad, n_simp):
        return "mixed"
    return "traditional" if n_trad >= n_simp else "simplified"


def _fix_phrases(text: str) -> str:
    for wrong, right in lexicons.packaged("script")["t2s_fixes"].items():
        if wrong in text:
            text = text.replace(wrong, right)
    return text


def to_simplified(text: str) -> str:
    """OpenCC t2s, guaranteed to keep ``len(text)`` and every line's length.

    OpenCC converts whole phrases and a phrase may change length; where a line's length
    changed, that line is converted character by character instead.
    """
    convert = _converter("t2s").convert
    out = convert(text)
    if len(out) != len(text):
        _, _, char_map = _tables()
        out = "\n".join(d if len(d := convert(s)) == len(s) else s.translate(char_map)
                        for s in text.split("\n"))
    return _fix_phrases(out)


def to_traditional(text: str) -> str:
    """For display only (``--script traditional``): OpenCC s2t."""
    return _converter("s2t").convert(text)
