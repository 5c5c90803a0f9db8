"""What a speech says about itself (docs/records.md "Meta"): title, speaker, role, date, venue, source.

Read from the header — the lines above the first body line. Title, speaker and venue come
from the ``clean``/``norm`` lines (pinyin removed, Simplified for matching); date and source
from the ``raw`` header, because cleaning removes the 时间:/来源: banners that hold them.
A pure function of the Document.
"""
from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from speechkit.config import Config
from speechkit.extractors.year import YearRules, body_year, own_year, text_year
from speechkit.lexicons.typed import MetaLexicon
from speechkit.model import Document, Meta
from speechkit.normalize.width import fold

if TYPE_CHECKING:
    from speechkit.extractors.jurisdiction import PlaceNames

_SPACES = re.compile(r"[ \t\u3000\u00a0]+")


@dataclass(frozen=True)
class MetaRules:
    """The meta lexicon as compiled for one run (``Config.compiled``)."""
    lex: MetaLexicon
    roles: tuple[str, ...]  # longest first
    titles: tuple[re.Pattern[str], ...]  # title patterns, {roles} filled in
    venues: tuple[re.Pattern[str], ...]
    name: re.Pattern[str]
    dates: tuple[re.Pattern[str], ...]  # the first is a page's publication banner (own_date)
    sources: tuple[re.Pattern[str], ...]
    doc_types: Mapping[str, tuple[re.Pattern[str], ...]]
    doc_type_openings: Mapping[str, tuple[re.Pattern[str], ...]]
    year: YearRules  # how the text's own year is read (extractors/year.text_year)


def _compile(config: Config) -> MetaRules:
    lex = MetaLexicon.of(config.lexicon("meta"))
    roles = tuple(sorted(lex.roles, key=len, reverse=True))
    alt = "|".join(map(re.escape, roles))
    return MetaRules(
        lex=lex,
        roles=roles,
        titles=tuple(re.compile(p.replace("{roles}", alt)) for p in lex.title_patterns),
        venues=tuple(re.compile(p, re.M) for p in lex.venue_patterns),
        name=re.compile(lex.name_pattern),
        dates=tuple(re.compile(p) for p in lex.date_patterns),
        sources=tuple(re.compile(p) for p in lex.source_patterns),
        doc_types={t: tuple(re.compile(p) for p in ps) for t, ps in lex.doc_types.items()},
        doc_type_openings={t: tuple(re.compile(p) for p in ps) for t, ps in lex.doc_type_openings.items()},
        year=YearRules(title=re.compile(lex.year_title), review=re.compile(lex.year_review),
                       plan_heading=re.compile(lex.year_plan_heading), statement=re.compile(lex.year_statement),
                       statement_reach=lex.year_statement_reach, statement_this=lex.year_statement_this,
                       statement_last=lex.year_statement_last),
    )


# A title broken before its last character or two (政府工作报⏎告 in the 2021 work report)
# is joined with that tail line.
TITLE_TAIL_MAX = 2
_HAN_ONLY = re.compile(r"[\u4e00-\u9fff]+")


def _lines(text: str, lo: int, hi: int) -> list[tuple[int, int]]:
    out, s = [], lo
    while s < hi:
        e = text.find("\n", s, hi)
        e = hi if e < 0 else e
        out.append((s, e))
        s = e + 1
    return out


def _name(line: str, comp: MetaRules) -> str | None:
    m = comp.name.match(line)
    if m is None:
        return None
    name = _SPACES.sub("", m.group("name"))
    lex = comp.lex
    if name in lex.not_names or name in comp.roles or any(w in name for w in lex.speech_words):
        return None
    return name


def _role_line(line: str, comp: MetaRules) -> str | None:
    """国务院总理 (a line of its own under the title) -> 总理."""
    line = _SPACES.sub("", line)
    if not line or len(line) > comp.lex.role_line_max:
        return None
    return next((r for r in comp.roles if line.endswith(r)), None)


def _speaker_role(who: str | None, comp: MetaRules) -> tuple[str | None, str | None]:
    """区长 -> (None, 区长); 王强区长 -> (王强, 区长); 徐文泊 -> (徐文泊, None)."""
    if not who:
        return None, None
    who = _SPACES.sub("", who).removesuffix("同志")
    role = next((r for r in comp.roles if who.endswith(r)), None)
    name = who[:len(who) - len(role)] if role else who
    return (name if 2 <= len(name) <= 4 else None), role


def _title(doc: Document, lines: list[tuple[int, int]], comp: MetaRules) -> tuple[int, int] | None:
    lex = comp.lex
    for i, (s, e) in enumerate(lines):
        line = doc.norm[s:e].strip()
        if not line or len(line) > lex.title_max or any(c in line for c in lex.not_title_marks):
            continue
        if _name(line, comp) is not None:
            continue
        lead = len(doc.norm[s:e]) - len(doc.norm[s:e].lstrip())
        end = s + lead + len(line)
        tail = doc.norm[lines[i + 1][0]:lines[i + 1][1]].strip() if i + 1 < len(lines) else ""
        if 0 < len(tail) <= TITLE_TAIL_MAX and _HAN_ONLY.fullmatch(tail):
            end = doc.norm.find(tail, lines[i + 1][0]) + len(tail)  # 政府工作报⏎告: one title
        return s + lead, end
    return None


def _date(header: str, comp: MetaRules) -> str | None:
    best = None
    for rx in comp.dates:
        m = rx.search(header)
        if m and (best is None or m.start() < best.start()):
            best = m
    if best is None:
        return None
    y, mo, d = int(best.group("y")), int(best.group("m")), best.group("d")
    if not 1 <= mo <= 12 or (d is not None and not 1 <= int(d) <= 31):
        return None
    return f"{y:04d}-{mo:02d}" + (f"-{int(d):02d}" if d else "")


# How far into the body the opening reaches (各位代表：现在，我代表…人民政府，向大会报告…),
# for the type and year of a text whose title does not tell.
OPENING_CHARS = 400


def doc_type(title: str, opening: str, comp: MetaRules) -> str:
    """work_report | speech | plan | news_summary | other: from the title, else the opening."""
    for where, table in ((title, comp.doc_types), (opening, comp.doc_type_openings)):
        for kind, rxs in table.items():
            if where and any(rx.search(where) for rx in rxs):
                return kind
    return "other"


def own_date(raw_header: str, comp: MetaRules) -> str | None:
    """A date the text itself gives (——2024年3月5日在…, （2022年10月16日）), not a page's
    publication banner (时间：/发布时间：): a 2007 speech put online in 2022 does not speak from 2022."""
    banner = comp.dates[0]
    return _date(banner.sub("", raw_header), replace(comp, dates=comp.dates[1:]))


def _names(config: Config) -> PlaceNames:
    from speechkit.extractors.jurisdiction import compile_names

    return compile_names(config.compiled("meta", _compile).lex)


def extract_meta(doc: Document, config: Config) -> Meta:
    comp = config.compiled("meta", _compile)
    text = fold(doc.norm)
    lo = doc.body_start
    lines = _lines(text, 0, lo)
    span = _title(doc, lines, comp)
    title = doc.clean[span[0]:span[1]].replace("\n", "") if span else None
    speaker = role = venue = None
    if span:
        head = text[span[0]:span[1]]
        m = next((m for rx in comp.titles if (m := rx.search(head))), None)
        if m:
            groups = m.groupdict()
            speaker, role = _speaker_role(groups.get("speaker"), comp)
            venue = groups.get("venue")
    if speaker is None:
        speaker = next((n for s, e in lines if (n := _name(text[s:e], comp))), None)
    if role is None:
        role = next((r for s, e in lines if (r := _role_line(text[s:e], comp))), None)
    if venue is None:
        venue = next((m.group("venue") for rx in comp.venues if (m := rx.search(text, 0, lo))), None)
    raw_header = fold(doc.raw[:doc.clean_map.to_origin(lo)] if lo else "")
    source = next((m.group("source") for rx in comp.sources if (m := rx.search(raw_header))), None)
    from speechkit.extractors.jurisdiction import extract_jurisdiction

    date = _date(raw_header, comp)
    head = text[span[0]:span[1]] if span else ""
    opening = text[lo:lo + OPENING_CHARS].lstrip()
    where = extract_jurisdiction(text, lo, span, role, comp.lex, config.compiled("meta_names", _names))
    return Meta(title=title, speaker=speaker, role=role, date=date, venue=venue, source=source,
                title_span=span, jurisdiction=where, year=text_year(head, text, own_date(raw_header, comp), comp.year),
                doc_type=doc_type(head, opening, comp))


def extract_year(doc: Document, config: Config) -> int | None:
    """``extract_meta(doc, config).year`` alone (what ``targets`` needs of the meta), without
    the speaker, jurisdiction and type: the same title, own date and text, so the same year.
    The body is folded only when the header tells no year (most texts date themselves)."""
    comp = config.compiled("meta", _compile)
    lo = doc.body_start
    span = _title(doc, _lines(doc.norm, 0, lo), comp)  # line ends: folding keeps every offset
    raw_header = fold(doc.raw[:doc.clean_map.to_origin(lo)] if lo else "")
    year = own_year(fold(doc.norm[span[0]:span[1]]) if span else "", own_date(raw_header, comp), comp.year)
    return year if year is not None else body_year(fold(doc.norm), comp.year)
