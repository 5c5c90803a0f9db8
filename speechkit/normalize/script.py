"""Traditional/Simplified: detection and length-preserving conversion. The only OpenCC import.

Two conversion backends give the same ``norm`` layer: opencc-python-reimplemented (the
default, pure Python, about 1 MB/s) and, when the ``speechkit-zh[fast]`` extra is installed,
opencc-pyo3 (the OpenCC lexicons in Rust, ~70x faster). ``SPEECHKIT_OPENCC=python`` forces
the default.
"""
from __future__ import annotations

import os
from collections import Counter
from functools import lru_cache
from typing import Callable

from opencc import OpenCC

from speechkit import lexicons
from speechkit.lexicons.typed import ScriptLexicon

BACKENDS = ("pyo3", "python")
# opencc-pyo3 takes ~80 ms to load its lexicons, the time the pure-Python backend needs for
# ~120,000 characters (measured by benchmarks/bench_outline.py): below this size, stay pure.
FAST_MIN_CHARS = 120_000


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
def _tables() -> tuple[frozenset[str], frozenset[str], dict[int, str]]:
    trad_only = frozenset(_one_way_chars("TSCharacters.txt"))
    simp_only = frozenset(_one_way_chars("STCharacters.txt"))
    char_map = {ord(k): vs[0] for k, vs in _dictionary("TSCharacters.txt") if len(k) == 1 and len(vs[0]) == 1}
    return trad_only, simp_only, char_map


# Characters converted per OpenCC call: bounds its working memory (it splits its input into
# a list of phrases) without measurable cost in speed.
CONVERT_CHUNK = 1 << 20


@lru_cache(maxsize=None)
def _converter(name: str, backend: str | None = None) -> Callable[[str], str]:
    """``convert`` of the fastest available backend (or the one named)."""
    backend = backend or os.environ.get("SPEECHKIT_OPENCC") or available_backends()[0]
    if backend == "pyo3":
        import opencc_pyo3

        return opencc_pyo3.OpenCC(name).convert
    return OpenCC(name).convert


@lru_cache(maxsize=None)
def available_backends() -> tuple[str, ...]:
    try:
        import opencc_pyo3  # noqa: F401
    except ImportError:
        return ("python",)
    return BACKENDS


def script_of(text: str) -> tuple[str, bool]:
    """(``simplified`` | ``traditional`` | ``mixed``, whether any Traditional-only character
    occurs). Without one, t2s would change nothing, so the text is never converted: the
    common case, and conversion is the slow step. Set operations keep this at C speed."""
    trad_only, simp_only, _ = _tables()
    chars = set(text)
    if chars.isdisjoint(trad_only):
        return "simplified", False
    counts = Counter(ch for ch in text if ch in trad_only or ch in simp_only)
    n_trad = sum(n for ch, n in counts.items() if ch in trad_only)
    n_simp = sum(n for ch, n in counts.items() if ch in simp_only)
    ratio = _lexicon().mixed_ratio
    if n_simp and min(n_trad, n_simp) >= ratio * max(n_trad, n_simp):
        return "mixed", True
    return ("traditional" if n_trad >= n_simp else "simplified"), True


@lru_cache(maxsize=1)
def _lexicon() -> ScriptLexicon:
    return ScriptLexicon.of(lexicons.packaged("script"))


def has_traditional(text: str) -> bool:
    return script_of(text)[1]


def _fix_phrases(text: str) -> str:
    for wrong, right in _lexicon().t2s_fixes.items():
        if wrong in text:
            text = text.replace(wrong, right)
    return text


def _chunks(text: str, size: int) -> list[str]:
    """``text`` cut after line breaks into pieces of about ``size`` characters."""
    out, start = [], 0
    while start < len(text):
        end = text.find("\n", start + size)
        end = len(text) if end < 0 else end + 1
        out.append(text[start:end])
        start = end
    return out


def to_simplified(text: str, backend: str | None = None) -> str:
    """OpenCC t2s, guaranteed to keep ``len(text)`` and every line's length.

    OpenCC converts whole phrases and a phrase may change length; where a line's length
    changed, that line is converted character by character instead. Converted a chunk at a
    time, so OpenCC's per-phrase lists stay small on a 100 MB input.
    """
    if backend is None and len(text) < FAST_MIN_CHARS:
        backend = os.environ.get("SPEECHKIT_OPENCC") or "python"  # pyo3's start-up costs more
    convert = _converter("t2s", backend)
    parts = []
    for chunk in _chunks(text, CONVERT_CHUNK):
        out = convert(chunk)
        if len(out) != len(chunk):
            _, _, char_map = _tables()
            out = "\n".join(d if len(d := convert(s)) == len(s) else s.translate(char_map)
                            for s in chunk.split("\n"))
        parts.append(out)
    return _fix_phrases("".join(parts))


def to_traditional(text: str) -> str:
    """For display only (``--script traditional``): OpenCC s2t."""
    return _converter("s2t")(text)
