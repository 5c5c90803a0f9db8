"""Traditional/Simplified: detection and length-preserving conversion. The only OpenCC import.

Two conversion backends give the same ``norm`` layer: opencc-python-reimplemented (the
default, pure Python, about 1 MB/s) and, when the ``speechkit-zh[fast]`` extra is installed,
opencc-pyo3 (the OpenCC lexicons in Rust, ~70x faster). ``SPEECHKIT_OPENCC=python`` forces
the default.
"""
from __future__ import annotations

import os
import re
from functools import lru_cache
from typing import Any, Callable

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


# Characters counted per step by _Chars.count.
COUNT_PIECE = 1 << 16
_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


class _Chars:
    """A set of characters searched for at C speed. One regex class of them all would be
    slow: Python's re checks the characters above U+FFFF of a class one by one, for every
    character of the text. So the class holds the others and all of those as one range,
    and a hit above U+FFFF (rare in any text) is checked against the set."""

    def __init__(self, chars: "set[str] | frozenset[str]") -> None:
        bmp = "".join(re.escape(c) for c in sorted(chars) if c < "\U00010000")
        self.astral = frozenset(c for c in chars if c >= "\U00010000")
        self.bmp = re.compile(f"[{bmp}]" if bmp else "(?!)")
        self.any = re.compile(f"[{bmp}\U00010000-\U0010ffff]")

    def search(self, text: str, pos: int = 0, end: int | None = None) -> int | None:
        """Offset of the first of the characters in text[pos:end], or None."""
        end = len(text) if end is None else end
        while (m := self.any.search(text, pos, end)) is not None:
            if m.group() < "\U00010000" or m.group() in self.astral:
                return m.start()
            pos = m.end()
        return None

    def count(self, text: str, cap: int) -> int:
        """How many of the characters ``text`` holds, counted a piece at a time up to the
        first piece that takes the count past ``cap`` (the count is then > cap, not exact)."""
        n = 0
        for start in range(0, len(text), COUNT_PIECE):
            n += len(self.findall(text[start:start + COUNT_PIECE]))
            if n > cap:
                break
        return n

    def findall(self, text: str) -> list[str]:
        """Every occurrence of the characters in ``text`` (those above U+FFFF last)."""
        found = self.bmp.findall(text)
        if self.astral:
            found += [c for c in _ASTRAL.findall(text) if c in self.astral]
        return found


@lru_cache(maxsize=None)
def _script_chars(which: int) -> _Chars:
    """Traditional-only (0) or Simplified-only (1) characters, for ``script_of``: every load
    needs the first, only a text holding one of them the second (and the tables of
    ``_scanners`` only a text that is converted). Compiled when first needed: start-up."""
    return _Chars(_tables()[which])


@lru_cache(maxsize=None)
def _scanners() -> dict[str, Any]:
    """Searches over the character tables: they run at C speed and make no string per
    character, as ``set(text)`` or a Python loop would.

    ``changes``: every character t2s may change. A character the table converts standing
    alone (its first reading is another character), and a character where a phrase that
    t2s rewrites differs from its conversion (the 覆 of 反覆 -> 反复; every character of a
    phrase whose length changes). A line without any of them comes out of t2s as it went
    in: each piece OpenCC cuts it into is a character or phrase that converts to itself.
    ``phrases``: for a character that changes only inside phrases, those phrases; a line
    holding it but none of them is unchanged too."""
    alone = {k for k, vs in _dictionary("TSCharacters.txt") if len(k) == 1 and vs[0] != k}
    phrases: dict[str, list[str]] = {}
    for key, values in _dictionary("TSPhrases.txt"):
        out = values[0]
        if out == key:
            continue
        differ = {a for a, b in zip(key, out) if a != b} if len(out) == len(key) else set(key)
        for ch in differ - alone:
            phrases.setdefault(ch, []).append(key)
    return {"changes": _Chars(alone | set(phrases)), "alone": _Chars(alone), "alone_set": frozenset(alone), "phrases": phrases}


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
    common case, and conversion is the slow step. Regex searches keep this at C speed."""
    trad = _script_chars(0)
    if trad.search(text) is None:
        return "simplified", False
    n_trad = len(trad.findall(text))
    ratio = _lexicon().mixed_ratio
    # past this many Simplified-only characters the answer is the same for any count (the
    # text is simplified, or mixed when ratio <= 0): a Simplified file with a few Traditional
    # characters is not counted through
    cap = max(n_trad, int(n_trad / ratio)) + 1 if ratio > 0 else 1
    n_simp = _script_chars(1).count(text, cap)
    if n_simp and min(n_trad, n_simp) >= ratio * max(n_trad, n_simp):
        return "mixed", True
    return ("traditional" if n_trad >= n_simp else "simplified"), True


@lru_cache(maxsize=1)
def _lexicon() -> ScriptLexicon:
    return ScriptLexicon.of(lexicons.packaged("script"))


def has_traditional(text: str) -> bool:
    return script_of(text)[1]


@lru_cache(maxsize=None)
def _fixes_rx() -> re.Pattern[str]:
    return re.compile("|".join(re.escape(w) for w in _lexicon().t2s_fixes))


def _fix_phrases(text: str) -> str:
    """Each fix in turn, ``text.replace(wrong, right)``, but on the lines that hold a wrong
    phrase only. No phrase holds a line break, so a replace works line by line; and a line
    none of them is in stays as it is through every replace (one changes a line only where
    its phrase is). One C-speed scan finds those lines, where an `in` and a replace per
    phrase read a 10 MB text 40 times over."""
    lines: dict[tuple[int, int], None] = {}
    for m in _fixes_rx().finditer(text):
        start = text.rfind("\n", 0, m.start()) + 1
        if lines and start < next(reversed(lines))[1]:
            continue  # the same line as the last match
        end = text.find("\n", m.end())
        lines[(start, len(text) if end < 0 else end)] = None
    if not lines:
        return text
    fixes = _lexicon().t2s_fixes.items()
    parts, pos = [], 0
    for start, end in lines:
        line = text[start:end]
        for wrong, right in fixes:
            if wrong in line:
                line = line.replace(wrong, right)
        parts += [text[pos:start], line]
        pos = end
    parts.append(text[pos:])
    return "".join(parts)


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
    """OpenCC t2s of the whole of ``text``, guaranteed to keep ``len(text)`` and every line's
    length (``to_simplified_lines`` gives the same, converting only the lines that change).

    OpenCC converts whole phrases and a phrase may change length; where a line's length
    changed, that line is converted character by character instead. Converted a chunk at a
    time, so OpenCC's per-phrase lists stay small on a 100 MB input.
    """
    return _fix_phrases(_convert(text, backend))


def _convert(text: str, backend: str | None) -> str:
    convert = _converter("t2s", _backend(text, backend))
    parts = []
    for chunk in _chunks(text, CONVERT_CHUNK):
        out = convert(chunk)
        if len(out) != len(chunk):
            _, _, char_map = _tables()
            out = "\n".join(d if len(d := convert(s)) == len(s) else s.translate(char_map)
                            for s in chunk.split("\n"))
        parts.append(out)
    return "".join(parts)


def _backend(text: str, backend: str | None) -> str:
    """The backend that converts ``text``: the one named, else pure Python below
    FAST_MIN_CHARS (pyo3's start-up costs more), else the fastest available."""
    if backend is None and len(text) < FAST_MIN_CHARS:
        return os.environ.get("SPEECHKIT_OPENCC") or "python"
    return backend or os.environ.get("SPEECHKIT_OPENCC") or available_backends()[0]


@lru_cache(maxsize=None)
def _pyo3_changes() -> _Chars:
    """What opencc-pyo3 may change: its tables are larger than the pure-Python package's,
    which ``_scanners`` reads. Every character it converts standing alone (each CJK
    character put through it once, ~50 ms), every character the pure-Python tables change,
    and every character they change inside a phrase (a line holding one is converted).
    Not a proof as for the default backend (pyo3's phrases cannot be listed), so
    tests/test_script_lines.py checks it on every corpus text and the whole corpus."""
    scan = _scanners()
    chars = [chr(c) for lo, hi in ((0x3400, 0x9FFF), (0xF900, 0xFAFF), (0x20000, 0x3134F))
             for c in range(lo, hi + 1)]
    out = _converter("t2s", "pyo3")("\n".join(chars)).split("\n")
    alone = {c for c, d in zip(chars, out) if d != c} if len(out) == len(chars) else set(chars)
    return _Chars(alone | set(scan["alone_set"]) | set(scan["phrases"]))


def _lines_to_convert(text: str, backend: str = "python") -> list[tuple[int, int]]:
    """(start, end) of each line of ``text`` that t2s may change (see ``_scanners``), in order."""
    scan = _scanners()
    alone, phrases = (scan["alone"], scan["phrases"]) if backend != "pyo3" else (_pyo3_changes(), {})
    out: list[tuple[int, int]] = []
    changes, pos = scan["changes"] if backend != "pyo3" else alone, 0
    while (hit := changes.search(text, pos)) is not None:
        start = text.rfind("\n", 0, hit) + 1
        end = text.find("\n", hit)
        end = pos = len(text) if end < 0 else end
        if alone.search(text, start, end) is not None:
            out.append((start, end))
            continue
        line = text[start:end]
        if any(p in line for ch in set(changes.findall(line)) for p in phrases[ch]):
            out.append((start, end))
    return out


def to_simplified_lines(text: str, backend: str | None = None) -> str:
    """``to_simplified(text)``, the same string, for the price of the lines t2s may change:
    a Simplified file with a few Traditional characters converts those lines only. The
    backend is chosen by the whole text's size, as for ``to_simplified``. Lines are converted
    together (OpenCC never joins text across a line break), then the phrase fixes run over
    the whole, as they do after a whole-text conversion."""
    backend = _backend(text, backend)
    spans = _lines_to_convert(text, backend)
    if not spans:
        return _fix_phrases(text)
    converted = _convert("\n".join(text[s:e] for s, e in spans), backend).split("\n")
    parts, pos = [], 0
    for (s, e), line in zip(spans, converted):
        parts.append(text[pos:s])
        parts.append(line)
        pos = e
    parts.append(text[pos:])
    return _fix_phrases("".join(parts))


def to_traditional(text: str) -> str:
    """For display only (``--script traditional``): OpenCC s2t."""
    return _converter("s2t")(text)
