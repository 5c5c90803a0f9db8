"""Kind, modality and period of a numeric statement (docs/records.md "Target"), from the cue words of
the ``targets`` lexicon around its number. Split from targets.py, which finds the statements.

Cues are looked for in *windows*, nearest first: the number's ``；`` segment up to the number,
the rest of its clause, the lead-in before a ``：`` (主要预期目标是：…), the first clause of its
sentence. A period no window names comes from the lead of its paragraph (五年来，…; 刚刚过去的
2017年，…), then from its section heading (二、2024年经济社会发展总体要求和政策取向);
a kind none decides, from the section heading's words (回顾 → actual).
"""
from __future__ import annotations

import re
from bisect import bisect_right
from typing import NamedTuple, Protocol

from speechkit.extractors.target_rules import TargetContext, TargetRules
from speechkit.extractors.year import WHOLE_YEAR, YEAR
from speechkit.model import Heading
from speechkit.punctuation import TITLE_LINE_STOPS

_COLON = re.compile(r"：|:(?!\d)")  # a lead-in colon, not a ratio (4:6)
_BLANK = " \t\n\u3000"
# Cues, quotes and lead-ins are looked for at most this far from a number, so a text with no
# punctuation (or a million numbers in one sentence) stays linear. Calibrated on the gold
# samples and the report excerpts in tests/data: 200 keeps every deciding cue (力争 … 3—5个 on
# line 41 of district-work-conference is ~150 characters away); 120 loses a report headline.
WINDOW_MAX = 200
# A line at most this long with no sentence punctuation is a title over the lines after it.
TITLE_MAX = 30


class Decision(NamedTuple):
    """How a statement's kind was decided: the kind, the words that decided it (None: nothing
    did) and ``high`` (a cue, a lead-in, a list, a section) or ``low`` (the default)."""

    kind: str
    cue: str | None
    confidence: str
    at: int = -1  # where the cue is in the text (-1: not a place in the text, a heading)


class Bounds(Protocol):
    def around(self, name: str, start: int, end: int) -> tuple[int, int]: ...

    def first_break(self, name: str, start: int) -> int: ...


def windows(text: str, q_start: int, q_end: int, ss: int, sent: tuple[int, int], ce: int,
            bounds: Bounds) -> list[tuple[int, int]]:
    """Where cues for a number are looked for, nearest first: its segment up to the number,
    the rest of its clause, the lead-in before a ： in its paragraph (or a paragraph of its
    own ending in ：, as in 今年…主要预期目标是：¶国内生产总值增长7.5%…), the first clause of
    the sentence."""
    wins = [(ss, q_start), (q_end, ce)]
    para = bounds.around("paragraph", ss, ss)[0]
    colon = last(_COLON, text, (max(para, ss - WINDOW_MAX), ss))
    lead = None
    if colon is not None:
        lead = colon.start()
    elif para:
        before = max(0, para - WINDOW_MAX)
        prev = text[before:para].rstrip(_BLANK)
        if prev.endswith(("：", ":")):
            lead = before + len(prev) - 1
        elif prev and _title_like(prev[prev.rfind("\n") + 1:]):  # 今年预期目标⏎■…: a title line
            lead = before + len(prev)
    first = (sent[0], min(bounds.first_break("clause", sent[0]), sent[0] + WINDOW_MAX)) if ss > sent[0] else None
    if first is not None and lead is not None and lead < sent[0]:
        wins.append(first)  # a sentence's own lead (1-9月份，…) comes before a colon sentences back
        first = None
    if lead is not None:  # the sentence that ends in the colon, not the whole paragraph
        wins.append((max(bounds.around("sentence", lead, lead)[0], lead - WINDOW_MAX), lead))
    if first is not None:
        wins.append(first)
    return wins


def in_bullet_list(text: str, prev: int, pos: int, bounds: Bounds, item: re.Pattern) -> bool:
    """Whether ``pos`` is in a list item line (● ◆ ■ —— · 1. (1) …) and every line from the one
    of ``prev`` to it is an item of the same list (or blank)."""
    para = bounds.around("paragraph", pos, pos)[0]
    if not item.match(text, para):
        return False
    first = bounds.around("paragraph", prev, prev)[0]
    while para > first:
        para = bounds.around("paragraph", para - 1, para - 1)[0]
        line = text[para:bounds.first_break("paragraph", para)]
        if line.strip(_BLANK) and para > first and not item.match(text, para):
            return False
    return True


def _title_like(line: str) -> bool:
    """A short line with no sentence end: a title over the lines that follow."""
    line = line.strip(_BLANK)
    return 0 < len(line) <= TITLE_MAX and not any(c in line for c in TITLE_LINE_STOPS)


def last(rx: re.Pattern, text: str, win: tuple[int, int]) -> re.Match | None:
    """The last of ``rx.finditer(text, *win)`` (searched on from each match's end: most
    windows hold none or one, and a ``search`` costs less than an iterator)."""
    search, end = rx.search, win[1]
    m = search(text, *win)
    while m is not None:
        if m.end() == m.start():  # an empty match: finditer's own rule for going on
            for m in rx.finditer(text, m.start(), end):
                pass
            return m
        n = search(text, m.end(), end)
        if n is None:
            return m
        m = n
    return None


def first(rx: re.Pattern, text: str, wins: list[tuple[int, int]]) -> str | None:
    """The cue nearest before the number in the first window that has one (not after it)."""
    for i, win in enumerate(wins):
        if i == 1:
            continue
        m = last(rx, text, win)
        if m is not None:
            return m.group()
    return None


def kind(text: str, q_start: int, cs: int, ce: int, wins: list[tuple[int, int]],
         comp: TargetRules, ctx: TargetContext, inherited: Decision | None = None) -> Decision:
    """(kind, the cue that decided it, confidence), nearest first: the number's own words,
    the kind of the list it is an item of (``inherited``: the previous item's, when that was
    decided by a cue), the lead-ins of its sentence or paragraph, its section heading, a
    weak verb of its own; else ``actual`` with low confidence."""
    m = comp.other.search(text, cs, ce)
    if m is not None:
        return Decision("other", m.group(), "high")
    found = _strong(text, wins[:2], comp, ctx)
    if found is not None:
        return found
    if inherited is not None:
        return inherited
    found = _strong(text, wins[2:], comp, ctx)
    if found is not None:
        return found
    found = _section_kind(q_start, comp, ctx)
    if found is not None:
        return found
    for win in wins[:2]:
        m = last(comp.weak, text, win)
        if m is not None:
            return Decision("actual", m.group(), "high")
    return Decision("actual", None, "low")


def _strong(text: str, wins: list[tuple[int, int]], comp: TargetRules, ctx: TargetContext
            ) -> Decision | None:
    """The kind the nearest strong cue of the first window that has one gives. A year says
    nothing when it is the speech's own (2024年，全市生产总值… in a 2024 speech is a review or a
    plan: other words decide); an achieved period (上半年, 1—8月, 今年以来) is a review unless a
    plan word comes before it in its window (力争上半年…)."""
    for win in wins:
        m = last(comp.kind, text, win)
        while m is not None and (m.group("plan") or m.group("year") is not None and not _year_decides(m, ctx)
                                 or quoted(text, win[0], m.start())):
            m = last(comp.kind, text, (win[0], m.start()))  # 完成年度计划的… decides nothing
        if m is None:
            continue
        if m.group("year") is not None:
            return Decision("actual" if int(m.group("year")) < (ctx.year or 0) else "target", m.group(), "high",
                            m.start())
        if m.group("part"):
            plan = _last_group(comp.kind, text, (_clause_start(text, win[0], m.start()), m.start()), "target")
            if plan is not None and not comp.soft_target.fullmatch(plan.group()):
                return Decision("target", plan.group(), "high", plan.start())
            return Decision("actual", m.group(), "high", m.start())
        if m.group("target") and comp.soft_target.fullmatch(m.group()):
            done = _before(comp, text, (win[0], m.start()))  # 截至10月底，全市今年新签约…
            if done is not None:
                return Decision("actual", done.group(), "high", done.start())
        return Decision("target" if m.group("target") else "actual", m.group(), "high", m.start())
    return None


def quoted(text: str, start: int, pos: int) -> bool:
    """Whether ``pos`` is inside “…” opened after ``start``: a cue word or a number there is
    part of a name (“两个确保”, “10强50户”), not a word of the statement."""
    return text.count("“", start, pos) > text.count("”", start, pos)


def _clause_start(text: str, start: int, end: int) -> int:
    """The start of the clause ``end`` is in, not before ``start``."""
    return max([start] + [text.rfind(c, start, end) + 1 for c in "，,；;：:。！？!?\n"])


def _before(comp: TargetRules, text: str, win: tuple[int, int]) -> re.Match | None:
    """The nearest achieved period or so-far word (截至, 上半年) in ``win``: it puts a plain 今年
    after it in the past (截至10月底，今年…). A past year does not (去年…，今年…达到 plans)."""
    found = last(comp.so_far, text, win)
    for m in comp.kind.finditer(text, found.end() if found else win[0], win[1]):
        if m.group("part"):
            found = m
    return found


def _year_decides(m: re.Match, ctx: TargetContext) -> bool:
    year = int(m.group("year"))
    if ctx.year is None:
        return bool(m.group("to"))  # 到2020年, with no idea of the speech's own year
    return year != ctx.year or bool(m.group("to"))


def _last_group(rx: re.Pattern, text: str, win: tuple[int, int], group: str) -> re.Match | None:
    found = None
    for m in rx.finditer(text, *win):
        if m.group(group):
            found = m
    return found


def _section_heads(pos: int, ctx: TargetContext) -> list[Heading]:
    """The heading of the section ``pos`` is in, then its ancestors (the outline is worked out
    on first use)."""
    heads, starts, by_id = ctx.sections  # worked out on first use (api may hand in a function)
    i = bisect_right(starts, pos) - 1
    h = heads[i] if i >= 0 else None
    out = []
    while h is not None:
        out.append(h)
        h = by_id.get(h.parent) if h.parent is not None else None
    return out


def _section_kind(pos: int, comp: TargetRules, ctx: TargetContext) -> Decision | None:
    """The kind a section's heading gives (回顾 → actual, 目标/任务 → target), if any."""
    text = ctx.doc.norm
    for h in _section_heads(pos, ctx):
        title = text[h.title_span[0]:h.title_span[1]]
        for name, rx in comp.section.items():
            m = rx.search(title)
            if m:
                return Decision(name, m.group(), "high")
    return None


def period(text: str, wins: list[tuple[int, int]], q_start: int, sent_start: int, bounds: Bounds,
           comp: TargetRules, ctx: TargetContext) -> tuple[int | None, tuple[int, int] | None]:
    """(year or None, span of the words that tell it): the windows, then the paragraph's lead
    clause, then a year in the section heading."""
    for i, win in enumerate(wins):
        if i == 1:
            continue
        found = _period_in(text, win, comp, ctx)
        if found is not None:
            return found
    para = bounds.around("paragraph", q_start, q_start)[0]
    if para < sent_start:  # else the lead is the sentence's own first clause, already searched
        lead = (para, min(bounds.first_break("clause", para), para + WINDOW_MAX, q_start))
        found = _period_in(text, lead, comp, ctx)
        if found is not None:
            return found
    return _section_period(text, q_start, comp, ctx)


def _section_period(text: str, pos: int, comp: TargetRules, ctx: TargetContext
                    ) -> tuple[int | None, tuple[int, int] | None]:
    """The period the nearest heading above ``pos`` that names one gives (cached per section:
    most statements of a report ask)."""
    heads = _section_heads(pos, ctx)
    cache = ctx.section_periods
    key = heads[0].id if heads else None
    if key not in cache:
        cache[key] = next((f for h in heads if (f := _heading_period(text, h, comp, ctx)) is not None),
                          (None, None))
    return cache[key]


def _heading_period(text: str, h: Heading, comp: TargetRules, ctx: TargetContext
                    ) -> tuple[int | None, tuple[int, int]] | None:
    """The period a heading names (2024年政府工作任务, 对今年政府工作的建议), when it names one:
    a heading with two (“十三五”时期发展成就和“十四五”时期主要目标任务) tells nothing."""
    found = list(comp.period.finditer(text, *h.title_span))
    if len(found) != 1:
        return None
    return _period_in(text, found[0].span(), comp, ctx)


def _period_in(text: str, win: tuple[int, int], comp: TargetRules, ctx: TargetContext
               ) -> tuple[int | None, tuple[int, int]] | None:
    m = last(comp.period, text, win)
    if m is None:
        return None
    word = m.group()
    digits = re.match(YEAR, word)
    if digits:
        return int(digits.group()), m.span()
    rel = next((v for k, v in comp.relative.items() if k in word), None)
    if rel is None and word == WHOLE_YEAR:
        return None  # 全年 says the whole year, not which: 今年…全年 / 去年全年 elsewhere tell
    year = None if rel is None or ctx.year is None else ctx.year + rel
    return year, m.span()
