"""Which government or party body a text speaks for (issue 13): name as written, canonical
name, level, parent and 6-digit administrative division code.

Names and codes come from ``speechkit/data/divisions.tsv`` (province, prefecture and county
levels). Evidence, strongest first: the title and the header lines above the body (a city page
republishing its province's report carries the province's name in the title); the opening
代表XX人民政府; then the body, where a name counts only if it occurs ``body_min`` times and its
level agrees with how the text speaks of itself (全区, 我县, 区委). A single passing mention
never decides. A text that names no government may still tell its level (全镇 … 我镇 …).
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from speechkit.lexicons.typed import MetaLexicon
from speechkit.model import Jurisdiction
from speechkit.regex_lead import trie_pattern

LEVEL_ORDER = ("national", "province", "prefecture", "county", "township")
# What _body says when two governments are named about as often: name none.
AMBIGUOUS: Any = object()
# How far into the body the opening reaches (我代表国务院 …, 我代表山东省人民政府 …).
OPENING_CHARS = 400


@dataclass(frozen=True)
class Division:
    code: str
    name: str
    level: str
    parent: str | None  # code


@lru_cache(maxsize=1)
def divisions() -> dict[str, Division]:
    """code -> Division, from the packaged code list."""
    text = resources.files("speechkit.data").joinpath("divisions.tsv").read_text(encoding="utf-8")
    rows = [line.split("\t") for line in text.splitlines() if line and not line.startswith("#")]
    codes = {c for c, _ in rows}
    out = {}
    for code, name in rows:
        if code.endswith("0000"):
            level, parent = "province", None
        elif code.endswith("00"):
            level, parent = "prefecture", code[:2] + "0000"
        else:
            level = "county"
            parent = code[:4] + "00" if code[:4] + "00" in codes else code[:2] + "0000"
        out[code] = Division(code, name, level, parent)
    return out


def short_name(name: str, lex: MetaLexicon) -> str | None:
    """山东省 -> 山东, 广西壮族自治区 -> 广西, 延边朝鲜族自治州 -> 延边; None when under 2 characters."""
    for suffix in lex.name_suffixes:
        if name.endswith(suffix) and len(name) > len(suffix):
            name = name[:-len(suffix)]
            break
    else:
        return None
    changed = True
    while changed:
        changed = False
        for people in lex.peoples:
            if name.endswith(people) and len(name) - len(people) >= 2:
                name, changed = name[:-len(people)], True
    return name if len(name) >= 2 else None


@dataclass(frozen=True)
class PlaceNames:
    """Every division's full and short name, compiled once a run (``Config.compiled``)."""
    rx: re.Pattern[str]  # one alternation of all names, longest first (a trie)
    index: Mapping[str, list[str]]  # name -> the codes of the divisions it may name
    automaton: Any = None  # (words, ahocorasick_rs.AhoCorasick) with the fast extra, else None


def compile_names(lex: MetaLexicon) -> PlaceNames:
    """One alternation of every full and short name, longest first, and name -> codes."""
    index: dict[str, list[str]] = {}
    for d in divisions().values():
        index.setdefault(d.name, []).append(d.code)
        short = short_name(d.name, lex)
        if short:
            index.setdefault(short, []).append(d.code)
    return PlaceNames(re.compile(trie_pattern(index)), index, _automaton(list(index)))


def _automaton(words: list[str]) -> Any:
    """With the ``fast`` extra, an Aho-Corasick automaton of ``words`` (ahocorasick-rs), whose
    leftmost-longest matches are the trie regex's (the longest name starting at the first
    place one starts, then on after it) found ~50x faster: Python's re tries the trie's
    ~1,000 first characters one after another at every character that starts a name."""
    try:
        import ahocorasick_rs
    except ImportError:
        return None
    return words, ahocorasick_rs.AhoCorasick(words, matchkind=ahocorasick_rs.MatchKind.LeftmostLongest)


def canonical(d: Division) -> str:
    """山东省; 济南市; 吉安市渝水区 (a county with its prefecture; a municipality's district with the
    municipality)."""
    if d.level == "county" and d.parent:
        return divisions()[d.parent].name + d.name
    return d.name


def as_jurisdiction(d: Division, written: str, span: tuple[int, int] | None) -> Jurisdiction:
    parent = divisions().get(d.parent) if d.parent else None
    return Jurisdiction(text=written, name=canonical(d), level=d.level,
                        parent=canonical(parent) if parent else None, code=d.code, span=span)


def self_level(text: str, lex: MetaLexicon) -> tuple[str | None, Counter[str]]:
    """The level word the text uses for itself (区 for 全区 … 我区 … 区委), if it dominates."""
    counts: Counter[str] = Counter()
    for word in lex.level_words:
        for pat in lex.self_patterns:
            counts[word] += len(re.findall(pat.replace("{w}", word), text))
    total = sum(counts.values())
    if not total:
        return None, counts
    word, n = counts.most_common(1)[0]
    ok = n >= lex.self_min and n > lex.self_share * total
    return (word if ok else None), counts


def _mentions(text: str, lo: int, hi: int, names: PlaceNames) -> list[tuple[str, int, int]]:
    """(name, start, end) of every name in text[lo:hi], left to right, each the longest one
    starting where it starts. The whole text's are found once (``_Mentions``)."""
    if isinstance(text, _Mentions):
        if lo == 0 and hi == len(text):
            if text.found is None:
                text.found = _find(str(text), 0, hi, names)
            return text.found
        text = str(text)
    return _find(text, lo, hi, names)


def _find(text: str, lo: int, hi: int, names: PlaceNames) -> list[tuple[str, int, int]]:
    lo, hi = max(lo, 0), min(hi, len(text))  # as finditer takes pos and endpos
    if names.automaton is not None:
        words, automaton = names.automaton
        return [(words[i], lo + s, lo + e) for i, s, e in automaton.find_matches_as_indexes(text[lo:hi])]
    return [(m.group(), m.start(), m.end()) for m in names.rx.finditer(text, lo, hi)]


class _Mentions(str):
    """The text, carrying the names found in all of it, so that the evidence steps that read
    the whole text (context, body, township) find them once."""

    found: list[tuple[str, int, int]] | None = None


def _pick(codes: list[str], context: set[str]) -> Division | None:
    """One division for a name: the only one, or the one whose parent is named in the text."""
    table = divisions()
    if len(codes) == 1:
        return table[codes[0]]
    near = [c for c in codes if table[c].parent in context or
            (table[c].parent and table[table[c].parent].parent in context)]
    return table[near[0]] if len(near) == 1 else None


def _lowest(found: list[tuple[Division, str, tuple[int, int]]]) -> tuple[Division, str, tuple[int, int]] | None:
    """Of the names in one line (吉安市渝水区), the lowest level one."""
    return max(found, key=lambda f: LEVEL_ORDER.index(f[0].level), default=None)


def _in_span(text: str, lo: int, hi: int, names: PlaceNames, context: set[str],
             lex: MetaLexicon, strict: bool) -> tuple[Division, str, tuple[int, int]] | None:
    """The lowest-level government named in text[lo:hi]; with ``strict`` a short name counts only
    when an institution word follows it (渝水区委, 山东省政府; not 山东人 in a header)."""
    found = []
    for name, s, e in _mentions(text, lo, hi, names):
        d = _pick(names.index[name], context)
        if d is None:
            continue
        if strict and _bare(name, d, names) and not _institution(text, s, e, lex):
            continue
        found.append((d, name, (s, e)))
    return _lowest(found)


def _bare(name: str, d: Division, names: PlaceNames) -> bool:
    """A name that needs an institution word after it to count: a short name (渝水), a full
    name shared by several divisions (新城区, also a common word) or of two characters (和县,
    also 乡镇和县直单位)."""
    return name != d.name or len(names.index[name]) > 1 or len(name) <= 2


def _institution(text: str, start: int, end: int, lex: MetaLexicon) -> bool:
    """An institution word right after a name (渝水区委, 和县人民政府), and a name not joined to
    the word before it by 和/与/及 (乡镇和县委 is no 和县)."""
    if start > 0 and text[start - 1] in "和与及、":
        return False
    return re.match(lex.institution_pattern, text[end:end + 8]) is not None


def _agrees(d: Division, word: str | None) -> bool:
    """渝水区 agrees with 全区, 张家港市 and 北京市 with 全市, 广西壮族自治区 with 全区."""
    return word is None or d.name.endswith(word)


def _body(text: str, lo: int, names: PlaceNames, context: set[str], word: str | None,
          lex: MetaLexicon) -> Any:
    """The government the body names most often, at least ``body_min`` times, in agreement
    with the text's own level word (``body_min_unanchored`` times when it has none)."""
    need = lex.body_min if word is not None else lex.body_min_unanchored
    seen: Counter[str] = Counter()
    first: dict[str, tuple[str, tuple[int, int]]] = {}
    for name, s, e in _mentions(text, 0, len(text), names):  # header lines are mentions too
        d = _pick(names.index[name], context)
        if d is not None and _bare(name, d, names) and not _institution(text, s, e, lex):
            continue  # a short name alone may be a common word (解放思想, 建设新城区)
        if d is not None and _agrees(d, word):
            seen[d.code] += 1
            first.setdefault(d.code, (name, (s, e)))
    ranked = [c for c, n in seen.most_common() if n >= need]
    if not ranked:
        return None
    counts = [n for _c, n in seen.most_common(2)]
    if len(counts) > 1 and counts[1] * 2 > counts[0]:
        return AMBIGUOUS  # two governments named alike often (a report on two counties)
    code = ranked[0]
    return divisions()[code], first[code][0], first[code][1]


def _context(text: str, names: PlaceNames) -> set[str]:
    """Codes (and their ancestors) of every name in the text that means one division only."""
    table, out = divisions(), set()
    for name in set(name for name, _s, _e in _mentions(text, 0, len(text), names)):
        codes = names.index[name]
        if len(codes) == 1:
            d = table[codes[0]]
            while d is not None:
                out.add(d.code)
                d = table.get(d.parent) if d.parent else None
    return out


def _township(text: str, lo: int, hi: int, names: PlaceNames, context: set[str],
              lex: MetaLexicon) -> Jurisdiction | None:
    """A town named in the title or header (大店镇2022年政府工作报告), under the county written
    right before it (莒南县大店镇) where the text gives one. Towns have no 6-digit code."""
    m = re.search(lex.township_pattern, text[lo:hi])
    if m is None:
        return None
    town, s = m.group("name"), lo + m.start("name")
    county = next((d for d, name, (a, b) in [_in_span(text, s - 12, s, names, context, lex, False) or
                                            (None, "", (0, 0))] if d is not None and b == s), None)
    if county is None:  # the same town under its county anywhere in the text (莒南县大店镇)
        for name, a, b in _mentions(text, 0, len(text), names):
            d = _pick(names.index[name], context)
            if d is not None and d.level == "county" and text.startswith(town, b):
                county = d
                break
    parent = canonical(county) if county else None
    return Jurisdiction(text=town, name=(parent or "") + town, level="township", parent=parent, code=None,
                        span=(s, s + len(town)))


def _level_only(word: str | None, lex: MetaLexicon) -> Jurisdiction | None:
    level = lex.level_words.get(word) if word else None
    return Jurisdiction(text=None, name=None, level=level, parent=None, code=None, span=None) if level else None


def extract_jurisdiction(text: str, lo: int, title_span: tuple[int, int] | None, role: str | None,
                         lex: MetaLexicon, names: PlaceNames) -> Jurisdiction | None:
    """``text`` is the folded ``norm`` layer; ``lo`` where its body starts."""
    text = _Mentions(text)
    opening = text[:lo + OPENING_CHARS]
    title = text[title_span[0]:title_span[1]] if title_span else ""
    if any(w in title or w in opening for w in lex.national_markers):
        return Jurisdiction(text="国务院", name=lex.national_name, level="national", parent=None,
                            code=None, span=None)
    context = _context(text, names)
    word, _ = self_level(text, lex)  # the title's 全县 counts too
    if word is None and role and role[0] in lex.level_words:
        word = role[0]  # 区委书记 speaks for a 区
    if title_span:
        found = _in_span(text, *title_span, names, context, lex, True)
        town = _township(text, *title_span, names, context, lex)
        if town is not None and (found is None or found[0].level == "county"):
            return town
        if found is not None:
            return as_jurisdiction(*found)
    m = re.search(lex.represent_pattern, opening)
    if m and (found := _in_span(text, m.start("name"), m.end("name"), names, context, lex, False)):
        return as_jurisdiction(*found)
    found = _body(text, lo, names, context, word, lex)
    if found is AMBIGUOUS:
        return _level_only(word, lex)
    if found is not None:
        return as_jurisdiction(*found)
    found = _in_span(text, 0, lo, names, context, lex, True)
    if found is not None and word is not None and _agrees(found[0], word):
        return as_jurisdiction(*found)
    if word in ("镇", "乡") and (town := _township(text, 0, lo, names, context, lex)) is not None:
        return town
    return _level_only(word, lex)
