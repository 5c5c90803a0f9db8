"""The number reader: quantities (number + magnitude + unit) as speeches write them.

Numbers themselves are read by ``speechkit/numerals.py`` (``parse_number``: ``49.4``, ``1,200``,
``8 .8``, ``19·5``, ``四十九点四``, ``两万``, ``1.3万亿``); ``scan_quantities`` finds every
quantity with a unit in a text (``49.4亿元``, ``百分之八至九``, ``三分之一``, ``一半``, ``三成``, ``2万多人``,
``近百个``, ``3—5个``, ``6%－6.5%``, masked ``40.*亿元``) and returns its span and value in
base units. Numbers are read where they stand; the text is never rewritten. Units and
magnitudes come from ``lexicons/units.yaml``, numerals from ``lexicons/numerals.yaml``.

Every pattern is bounded (no unbounded repeats, no nested repeats), and a digit run only
starts a match at its first character, so scanning is linear in the text length even for
a two-million-digit number.
"""
from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Iterator

from speechkit.config import Config
from speechkit.numerals import (CHARS, DIGITS, MAGNITUDES, MASK_LETTERS, MASKS, POINT, POINT_DIGITS, SECTIONS, UNITS,
                                ZEROS,
                                parse_arabic, parse_chinese, parse_number)

MASK_CHARS = MASKS + MASK_LETTERS
_MK = re.escape(MASKS)  # mask symbols, escaped for a character class
_MC = re.escape(MASK_CHARS)
# At most this many line ends (a blank line) between a number and its magnitude.
LINE_BREAK = r"\n{1,3}"

# A value above this (in base units) is not a figure any speech states; reject as absurd.
# (The largest in the corpora is ~1.3e14 CNY, 134.9万亿元.)
MAX_VALUE = 1e16
# A Chinese-numeral count before a measure word (两个, 三项) is part of a phrase or a formula
# (两个一百年, 三个代表, 六个专项整治) below this value; the samples' only Chinese counts that
# are quantities are magnitudes (近百个, 超百个).
MIN_CN_COUNT = 100

# Character classes from the numeral table (lexicons/numerals.yaml): every numeral, the
# digits read after 点, the nonzero digits, and the magnitudes written after a number.
_NONZERO = "".join(c for c in DIGITS if c not in ZEROS)
_MAG_CN = "|".join(sorted(MAGNITUDES, key=lambda m: (-len(m), -MAGNITUDES[m])))
# Letter-spaced digits (5 3 . 8亿元: a page that spaced every character) are one number: each
# digit then stands alone between single spaces.
_AR = (rf"(?:[0-9{_MC}](?: [0-9{_MC}]){{1,15}}(?![0-9{_MC}])|[0-9{_MC}]{{1,16}})(?:,[0-9]{{3}}){{0,4}}"
       rf"(?: ?[.·] ?(?:[0-9{_MC}](?: [0-9{_MC}]){{1,7}}(?![0-9{_MC}])|[0-9{_MC}]{{1,8}}))?")
_CN = rf"[{CHARS}]{{1,12}}(?:{POINT}[{POINT_DIGITS}]{{1,8}}(?:{_MAG_CN})?)?"
# An Arabic number starts at the start of its run, not after a letter (G20, PM2.5) — except
# right after GDP, which pages glue to its figure (GDP19.92亿元).
_NB_AR = rf"(?:(?<![0-9A-Za-z.{_MK}·])|(?<=GDP)|(?<=gdp))"
_NB_CN = rf"(?<![{CHARS}{POINT}第])"
_END_AR = rf"(?![0-9{_MK}])"
_END_CN = rf"(?![{CHARS}{POINT}])"
# A fraction: a denominator of nonzero digits, units and 万 (三分之一, 千分之五), a numerator
# of digits below 十 or 十 itself, never 两 (百分之两 is no number).
_FRAC_DEN = _NONZERO + "".join(UNITS) + min(SECTIONS, key=SECTIONS.get)
_FRAC_NUM = "".join(c for c in POINT_DIGITS if c not in ZEROS) + min(UNITS, key=UNITS.get)
# Where a quantity can start: the first character of an Arabic or a Chinese number (under
# the same look-behinds as ``_NB_AR``/``_NB_CN``) or the 百 of 百分之. The reader's own regex
# starts with look-behinds, which keep the regex engine from skipping ahead by its first
# character; this one starts with a character class, so the engine skips the ~97% of a
# speech that cannot start a number in C, and the reader is tried only where it can match.
# A Chinese number must also be followed, within the reader's 12 numerals, by a character
# that can come after one in a quantity (``_after_cn``: 多, 点, 分 of 分之, a unit, a range
# separator …): 一步, 一切, 五年 are most of the numerals of a speech and never start one.
_START = (
    r"[0-9{mc}{chars}]"
    r"(?:(?<=[0-9{mc}])(?:(?<![0-9A-Za-z.{mk}·].)|(?<=GDP.)|(?<=gdp.))"
    r"|(?<=[{chars}])(?<![{chars}{point}第].)(?=[{chars}]{{0,11}}[{after}])"
    r"|(?<=百)(?=分之))"
)


def _after_cn(units: Any, mags: Any, implicit: Any, seps: str) -> str:
    """Every character that can follow the numerals of a Chinese number in a match of the
    reader (a class body): 多/余, the decimal point, the 分 of 分之 and 半 of 一半, a space or
    line break before the magnitude, the first character of a magnitude, unit, implicit-unit
    noun or range separator."""
    chars = set("多余分半 \n") | set(POINT) | set(seps)
    chars |= {w[0] for w in (*units, *mags, *implicit)}
    return "".join(re.escape(c) for c in sorted(chars - set(CHARS)))


@dataclass(frozen=True)
class Quantity:
    """One quantity found in a text: ``start``/``end`` span the number through its unit and
    any attached qualifier; ``value``/``value_max`` are in base units (null when masked)."""

    start: int
    end: int
    value: float | None
    value_max: float | None
    unit: str | None
    masked: bool
    qualifier: str | None  # from the number itself: 多/余/左右/以上/以内 … (None if none)
    classifier: bool  # the unit is a counting measure word (个, 项 …)
    chinese: bool  # written in Chinese numerals
    share: bool = False  # a fraction (三分之一, 一半, 三成): a part of a whole, never a growth rate


# Most number strings the reader remembers (``ReaderRules.read``) before it starts afresh: a
# batch of ten thousand reports stays within a few MB.
READ_CACHE_MAX = 20_000


def _alt(words: Any) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@dataclass(frozen=True)
class ReaderRules:
    """The number reader as compiled for one run from units.yaml (``compile_reader``)."""
    rx: re.Pattern[str]  # a number, its magnitude, unit and qualifier (see ``compile_reader``)
    start: re.Pattern[str]  # where ``rx`` can match (``_START``)
    units: Mapping[str, Any]  # unit word -> its spec (unit, factor, classifier)
    mags: Mapping[str, int]  # magnitude word -> its factor (万 10^4)
    mag_rx: re.Pattern[str]  # the magnitude (and 多/余) a number ends with
    compound_rx: re.Pattern[str]  # a magnitude with digits after it: a figure in parts (2万5千)
    part_rx: re.Pattern[str]  # one part of it: digits and their magnitude
    implicit: Mapping[str, str]  # a noun that implies a unit (户 -> households)
    cheng_not: frozenset[str]  # 成 before one of these is no share (成为, 成果)
    post: Mapping[str, str]  # qualifier word after a number -> qualifier (左右 -> approx)
    # each number string read so far -> what ``_read_one`` made of it: a text repeats its
    # numbers (一, 10, 2.5万) and reading one is the reader's dearest Python step
    read: dict[str, tuple[float | None, bool, bool, bool]] = field(default_factory=dict, compare=False,
                                                                   repr=False)


def compile_reader(config: Config) -> ReaderRules:
    lex = config.lexicon("units")
    units, mags = lex["units"], lex["magnitudes"]
    seps = re.escape(lex["range_separators"])  # between the two ends of a range
    unit_alt = _alt(units)
    implicit_alt = _alt(lex.get("implicit_units") or {"\uffff": ""})
    mag_alt = _alt(mags)
    # A line break may stand between a number and its magnitude: a sentence broken across lines
    # (国内生产总值达到74.4⏎⏎万亿元, 2017 work report). Only before a magnitude, which cannot
    # start a line of its own; a unit must still follow.
    # 多/余 may also stand before the magnitude (1270多万人), and a page may put a space or two
    # between a number and its magnitude (10.43 亿元: PDF text).
    mag = rf"(?:{LINE_BREAK}| {{1,2}})?(?:{mag_alt})"
    # An Arabic figure may be written in parts, each with its magnitude (2万5千, 1亿5000万):
    # up to two more digit groups with theirs; ``_compound`` reads them, and keeps the figure
    # only if each part is below the magnitude before it.
    parts = rf"(?:[0-9]{{1,4}}(?:{mag_alt})){{0,2}}"
    one = (rf"(?:{_NB_AR}{_AR}{_END_AR}(?:多|余)?(?:{mag}{parts})?"
           rf"|{_NB_CN}{_CN}{_END_CN}(?:多|余)?(?:{mag})?)(?:多|余)?")
    qty = (
        rf"(?P<pct>百分之(?P<p1>{_AR}|{_CN})(?:[{seps}](?:百分之)?(?P<p2>{_AR}|{_CN}))?)"
        rf"|(?P<frac>{_NB_CN}(?P<fd>[{_FRAC_DEN}]{{1,4}})分之(?P<fn>[{_FRAC_NUM}]{{1,3}}))"
        rf"|(?P<half>{_NB_CN}一半)"
        rf"|(?P<n1>{one}) ?(?P<u1>{unit_alt})?"
        rf"(?:(?P<sep> ?[{seps}] ?)(?P<n2>{one}) ?(?P<u2>{unit_alt})?)?"
        rf"(?(u1)|(?(u2)|(?={implicit_alt})))"  # a unit somewhere, or a noun that implies one
    )
    tail = rf"(?P<duo>多|余)?(?P<post>{_alt(lex['qualifiers_after'])})?"
    after = _after_cn(units, mags, lex.get("implicit_units") or {}, lex["range_separators"])
    return ReaderRules(
        rx=re.compile(rf"(?:{qty}){tail}"),
        start=re.compile(_START.format(mc=_MC, mk=_MK, chars=CHARS, point=POINT, after=after)),
        units=units,
        mags=mags,
        mag_rx=re.compile(rf"({mag_alt})?(多|余)?$"),
        compound_rx=re.compile(rf"(?:{mag_alt})[0-9]"),
        part_rx=re.compile(rf"([0-9.,·]+)(?:多|余)?((?:{LINE_BREAK}| {{1,2}})?(?:{mag_alt}))"),
        implicit=lex.get("implicit_units") or {},
        cheng_not=frozenset(lex["share_not_before"]),
        post=lex["qualifiers_after"],
    )


def _read_one(s: str, comp: ReaderRules) -> tuple[float | None, bool, bool, bool]:
    """(value, masked, chinese, bare magnitude) of one number with its magnitude/多."""
    found = comp.read.get(s)
    if found is None:
        if len(comp.read) >= READ_CACHE_MAX:
            comp.read.clear()
        found = comp.read[s] = _read_new(s, comp)
    return found


def _read_new(s: str, comp: ReaderRules) -> tuple[float | None, bool, bool, bool]:
    if s[0] in "0123456789" or s[0] in MASK_CHARS:
        if comp.compound_rx.search(s) and not any(c in MASK_CHARS for c in s):
            return _compound(s, comp), False, False, False
        m = comp.mag_rx.search(s)
        core = (s[: m.start()] if m else s).rstrip("\n 多余")
        mag = comp.mags.get(m.group(1), 1) if m and m.group(1) else 1
        masked = any(c in MASK_CHARS for c in core)
        v = parse_arabic(core)
        return (None if v is None else v * mag), masked, False, False
    core = s.rstrip("多余")
    bare = all(c in UNITS or c in SECTIONS for c in core)
    v = parse_chinese(core)
    return v, False, True, bare


def _compound(s: str, comp: ReaderRules) -> float | None:
    """2万5千 -> 25000, 1亿5000万 -> 150000000: the sum of the parts, each a number and its
    magnitude; None unless each part is below the magnitude before it (5万10万 is no figure)."""
    total, above = 0.0, None
    for m in comp.part_rx.finditer(s.rstrip("多余")):
        v = parse_arabic(m.group(1))
        factor = comp.mags[m.group(2).strip()]
        if v is None or (above is not None and v * factor >= above):
            return None
        total, above = total + v * factor, factor
    return total


def _qualifier(m: re.Match, comp: ReaderRules) -> str | None:
    if m.group("post"):
        return comp.post[m.group("post")]
    if m.group("duo") or any(c in "多余" for c in (m.group("n2") or m.group("n1") or "")):
        return "at_least"
    return None


def _percent_forms(m: re.Match) -> tuple[float | None, float | None] | None:
    if m.group("pct"):
        a, b = (parse_number(m.group(g)) if m.group(g) else None for g in ("p1", "p2"))
        return (a, b) if a is not None else None
    if m.group("frac"):
        d, n = parse_chinese(m.group("fd")), parse_chinese(m.group("fn"))
        if not d or n is None or n > d:
            return None
        return round(100 * n / d, 2), None
    if m.group("half"):
        return 50.0, None
    return None


def scan_quantities(text: str, comp: ReaderRules, bare_prefixes: tuple[str, ...] = ()) -> Iterator[Quantity]:
    """Every quantity with a unit in ``text``, left to right."""
    units = comp.units
    for m in _matches(text, comp):
        if m.group("pct") or m.group("frac") or m.group("half"):
            pv = _percent_forms(m)
            if pv is not None:
                yield Quantity(m.start(), m.end(), pv[0], pv[1], "percent", False, _qualifier(m, comp), False, True,
                               share=not m.group("pct"))
            continue
        q = _quantity(text, m, comp, units, bare_prefixes)
        if q is not None:
            yield q


def _matches(text: str, comp: ReaderRules) -> Iterator[re.Match]:
    """The reader's matches, exactly as ``comp.rx.finditer(text)`` finds them: every match
    starts where ``_START`` matches, so trying the reader only there finds the same leftmost
    matches (look-behinds see the text before ``pos``)."""
    match = comp.rx.match
    pos = 0
    for s in comp.start.finditer(text):
        p = s.start()
        if p < pos:
            continue
        m = match(text, p)
        if m is not None:
            yield m
            pos = m.end()


def _quantity(text: str, m: re.Match, comp: ReaderRules, units: dict[str, Any],
              bare_prefixes: tuple[str, ...]) -> Quantity | None:
    u_s = m.group("u2") or m.group("u1")
    end = m.end()
    v1, masked1, cn1, bare1 = _read_one(m.group("n1"), comp)
    implicit = None
    if u_s is None:
        implicit = _implicit_unit(text, end, m, comp)
        if implicit is None:  # no unit: a date, a duration, a code, a name
            return None
    if u_s == "成" and (text[end:end + 1] in comp.cheng_not or m.group("n2")):
        return None  # 一成不变, 三成为 … are words, not shares
    if m.group("n2") and m.group("u1") and m.group("u2") and m.group("u1") != m.group("u2"):
        # "5亿元至6万人": two quantities, not a range; keep the first
        end = m.start("sep")
        u_s = m.group("u1")
    spec = units.get(u_s, {}) if u_s else {}
    unit = spec.get("unit", implicit)
    factor = spec.get("factor", 1)
    classifier = bool(spec.get("classifier"))
    if cn1 and bare1 and not text.endswith(bare_prefixes, 0, m.start()):
        return None
    v2 = None
    masked2 = False
    if m.group("n2") and end > m.start("sep"):
        v2, masked2, _, _ = _read_one(m.group("n2"), comp)
        if v2 is None and not masked2:
            return None
        mag2 = _mag_of(m.group("n2"), comp)
        if m.group("u1") is None and v1 is not None and mag2 and not _mag_of(m.group("n1"), comp):
            v1 *= mag2  # 3至5万人: the magnitude is written once, on the upper bound
    if cn1 and classifier and (v1 is None or v1 < MIN_CN_COUNT):
        return None
    masked = masked1 or masked2
    if v1 is None and not masked:
        return None
    if masked and classifier and not any(c in "0123456789" for c in m.group("n1")):
        return None  # *人民, X个: a masked name, not a masked count
    value = None if masked or v1 is None else v1 * factor
    value_max = None if masked or v2 is None else v2 * factor
    if value is not None and (value > MAX_VALUE or (value_max is not None and value_max < value)):
        return None
    return Quantity(m.start(), end, value, value_max, unit, masked, _qualifier(m, comp), classifier, cn1,
                    share=u_s == "成")


def _mag_of(s: str, comp: ReaderRules) -> int:
    """The magnitude written at the end of a number (万 in 5万, 五万, 5万多), else 0."""
    if s[0] not in "0123456789" and s[0] not in MASK_CHARS:
        core = s.rstrip("多余")
        return SECTIONS.get(core[-1:], 0) if len(core) > 1 else 0
    mm = comp.mag_rx.search(s)
    return comp.mags.get(mm.group(1), 0) if mm and mm.group(1) else 0


def _implicit_unit(text: str, end: int, m: re.Match, comp: ReaderRules) -> str | None:
    """5.8万亿资金: a magnitude with no unit, followed by a noun that says what it counts."""
    if not _mag_of(m.group("n2") or m.group("n1"), comp):
        return None
    for noun, unit in comp.implicit.items():
        if text.startswith(noun, end):
            return unit
    return None

