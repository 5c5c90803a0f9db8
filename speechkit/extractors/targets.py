"""Numeric statements (docs/records.md "Target"): every quantity with a unit, attached to the
indicator it measures, read as a target, an achievement or neither. A pure function of the
Document: quantities come from the number reader (numbers.py), words from the lexicons
``indicators``, ``units`` and ``targets``.

The text is cut into clauses (，：), segments (；) and sentences (。！？). A statement's
indicator is the lexicon alias nearest before its number in its clause (or, for counted
things, the noun after it: 36项重点项目); a number with no indicator of its own continues
the previous statement of its segment (新建25个, 增长12.4%) — a growth rate right after an
amount is merged into it, so ``生产总值49.4亿元，增长12.4%`` is one record. Kind, modality
and period come from the cues around the number (target_cues.py). A line break inside a
quantity (a sentence broken across lines) is no break.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from itertools import accumulate, repeat
from operator import add
from dataclasses import dataclass, replace
from typing import Callable

from speechkit.config import Config
from speechkit.extractors import target_cues as cues
from speechkit.extractors import target_lists
from speechkit.extractors.numbers import Quantity, scan_quantities
from speechkit.extractors.target_rules import TargetContext, TargetRules, compile_rules
from speechkit.model import Document, Heading, Target
from speechkit.punctuation import CLAUSE_END as CLAUSE_BREAKS  # lexicons/punctuation.yaml
from speechkit.punctuation import SEGMENT_END as SEGMENT_BREAKS
from speechkit.punctuation import SENTENCE_END as SENTENCE_BREAKS
from speechkit.spans import outside

# Boundary levels, finest first (each level's characters are among the level before's). The
# breaks of a level are those of the next coarser level plus the characters only it has
# (，： for clauses), found by one C-speed scan and merged in (sorting two sorted runs is a
# merge): every break is found once, not once per level it belongs to.
_LEVELS = (("clause", CLAUSE_BREAKS), ("segment", SEGMENT_BREAKS), ("sentence", SENTENCE_BREAKS),
           ("paragraph", "\n"))
_OWN = {name: "".join(c for c in chars if c not in coarser)
        for (name, chars), (_, coarser) in zip(_LEVELS, _LEVELS[1:])}
# Text shown as indicator_text when no alias is found: at most this many characters next to
# the number (the gold's hand-written indicator phrases are all shorter).
PHRASE_MAX = 16
# An indicator named in an earlier clause of the segment is used only when the number's own
# clause has at most this many characters before it (固定资产投资继续保持高位增长，达到31.36亿元;
# 物价上涨幅度…，力争控制在百分之十五左右):
# a longer lead-in names something of its own (年平均稻谷亩产…的3倍多).
LOOKBACK_GAP_MAX = 6
# The year a speech speaks from is the most-mentioned year or the one after it (a report
# reviews year N and plans year N+1); calibrated on the national reports 1980-2025, where
# it gives the report's year for every report that names years.
YEAR_LOOKAHEAD = 1
WINDOW_MAX = cues.WINDOW_MAX  # how far from a number cues are looked for (target_cues.py)
# Indicator measures whose percentage is the value itself, never a growth rate: a rate
# (失业率5.5%) or a share of another indicator (占国内生产总值比重51.6%).
VALUE_MEASURES = ("rate", "share")
# How far before a number its 每 is looked for (每 and a two-character verb).
PER_UNIT_REACH = 3
# A growth rate joins an amount at most this many statements back (生产总值49.4亿元，较上年
# 净增…，增长12.4%: two back).
MERGE_LOOKBACK = 4


@dataclass
class _Stmt:
    q: Quantity
    indicator: str
    ind_span: tuple[int, int] | None
    own_indicator: bool
    measure: str | None
    value: float | None
    value_max: float | None
    growth: float | None
    growth_max: float | None
    qualifier: str
    modality: str | None
    kind: str
    cue: str | None
    confidence: str
    cue_at: int
    period: int | None
    period_span: tuple[int, int] | None
    segment: int
    sentence: tuple[int, int]
    delta: bool
    clause: int = 0
    plan_share: bool = False  # 完成年度计划的90%: a share of the plan, beside the statement
    change: float | None = None
    change_unit: str | None = None
    from_value: float | None = None


def infer_year(text: str, comp: TargetRules) -> int | None:
    """The year the speech speaks from (今年), when the text names years; else None."""
    years = Counter(int(y) for y in comp.year_rx.findall(text))
    if not years:
        return None
    mode = max(years, key=lambda y: (years[y], y))
    return max(y for y in years if mode <= y <= mode + YEAR_LOOKAHEAD)


class _Bounds:
    """Clause, segment and sentence boundaries of a text, found once, looked up by bisection."""

    def __init__(self, text: str, comp: TargetRules, quantities: list[Quantity] = ()):
        self.text = text
        pos = _positions(text, "\n")
        self.pos = {"paragraph": pos}
        for name, chars in reversed(_OWN.items()):  # sentence, segment, clause
            pos = self.pos[name] = sorted(pos + _positions(text, chars))
        inside = [(q.start, q.end) for q in quantities if "\n" in text[q.start:q.end]]
        # a hard wrap inside a word (…固定资产投⏎资增长…: a long line cut between two Han
        # characters, its end no punctuation) breaks nothing either
        inside += [(m.start() - 1, m.start() + 1) for m in comp.wrap.finditer(text)]
        inside.sort()
        if inside:  # a line break within a quantity (74.4⏎⏎万亿元) breaks nothing
            self.pos = {name: outside(ps, inside) for name, ps in self.pos.items()}

    def around(self, name: str, start: int, end: int) -> tuple[int, int]:
        """(first char after the break before ``start``, the break at/after ``end``)."""
        p = self.pos[name]
        i = bisect_left(p, start)
        s = p[i - 1] + 1 if i else 0
        j = bisect_left(p, end)
        return s, (p[j] if j < len(p) else len(self.text))

    def first_break(self, name: str, start: int) -> int:
        p = self.pos[name]
        j = bisect_left(p, start)
        return p[j] if j < len(p) else len(self.text)


def _positions(text: str, chars: str) -> list[int]:
    """Where each of ``chars`` is in ``text``, in order. Split at one character at a time and
    summed lengths: all in C, twice as fast as a character class's ``finditer`` and the
    ``start()`` of each match."""
    out: list[int] = []
    for c in chars:
        if c in text:
            # the k-th break is at the length of the k pieces before it plus the k-1 breaks
            out += list(accumulate(map(add, map(len, text.split(c)), repeat(1)), initial=-1))[1:-1]
    out.sort()
    return out


def extract_targets(doc: Document, config: Config, year: int | None,
                    outline: "list[Heading] | Callable[[], list[Heading]]") -> list[Target]:
    """Every numeric statement of ``doc`` (all kinds), in text order. ``outline`` is the doc's
    headings, or a function that works them out (``api.targets`` hands one in): it is then
    called only if some statement's kind is left to its section heading (that is ~a third of
    the time ``targets`` takes)."""
    comp = config.compiled("targets", compile_rules)
    text = doc.norm
    quantities = list(scan_quantities(text, comp.reader, comp.bare))
    if not quantities:
        return []
    bounds = _Bounds(text, comp, quantities)
    ctx = TargetContext(doc=doc, config=config, year=year if year is not None else infer_year(text, comp),
                        outline=outline)
    stmts: list[_Stmt] = []
    prev_end = 0
    for q in quantities:
        st = _statement(text, q, prev_end, bounds, comp, ctx, stmts)
        prev_end = q.end
        if st is not None:
            stmts.append(st)
    stmts = target_lists.distribute(stmts, text, comp, bounds)
    stmts = target_lists.fold_changes(target_lists.fold_from_to(stmts, text, comp), text, comp)
    return [_to_target(s, bounds) for s in _merge_growth(stmts, text, comp)]


def _skip(text: str, q: Quantity, ss: int, ce: int, comp: TargetRules) -> bool:
    if q.start and text[q.start - 1] in comp.skip_before:
        return True
    if comp.per_unit_before.search(text, max(0, q.start - PER_UNIT_REACH), q.start):
        return True  # 每千人口, 每增长1个百分点: the unit of a rate, a what-if
    if cues.quoted(text, ss, q.start):
        return True  # inside “…”: part of a name or a slogan (“10强50户”)
    nxt = text[q.end:q.end + 1]
    if text.endswith(("以上", "以下"), 0, q.end) and nxt and (nxt == "的" or "\u4e00" <= nxt <= "\u9fff"):
        return True  # 500万元以上投资项目: a class threshold, not a statement
    if (q.classifier and text.startswith(comp.duration_after, q.end)
            and text.endswith(comp.duration_before, 0, q.start)):
        return True  # 连续36个月: a duration
    if text.endswith(comp.class_before, 0, q.start) and comp.class_after.match(text, q.end):
        return True  # 超千万元乡镇12个, 上亿元企业41家: the size names a class
    if q.unit == "person" and comp.population_after.match(text, q.end):
        return True  # 14亿人民: the people a speech speaks for, not a count it reports
    return bool(comp.skip_after.search(text, q.end, ce))


def _statement(text: str, q: Quantity, prev_end: int, bounds: _Bounds, comp: TargetRules,
               ctx: TargetContext, stmts: list[_Stmt]) -> _Stmt | None:
    cs, ce = bounds.around("clause", q.start, q.end)
    cs, ce = max(cs, q.start - WINDOW_MAX), min(ce, q.end + WINDOW_MAX)
    seg, _ = bounds.around("segment", q.start, q.end)
    ss = max(seg, q.start - WINDOW_MAX)
    if _skip(text, q, ss, ce, comp):
        return None
    sent = bounds.around("sentence", q.start, q.end)
    if sent[1] < len(text) and text[sent[1]] != "\n":
        sent = (sent[0], sent[1] + 1)  # the sentence keeps its 。
    sent = (max(sent[0], q.start - WINDOW_MAX), min(sent[1], q.end + WINDOW_MAX))
    bs = max(cs, prev_end)
    ind, ind_span, own = _indicator(text, q, bs, max(ss, prev_end), ce, comp)
    if ind is None:
        ind, ind_span, own = _named_before(text, q, sent[0], bounds, comp)
    if ind is None:
        # 森林覆盖率达到23%: a rate the clause names (no lexicon alias) continues nothing
        ind, ind_span = ("other", None) if comp.rate_name.search(text, bs, q.start) else _inherit(q, seg, stmts, text, comp)
    ind_end = ind_span[1] if own and ind_span and ind_span[1] <= q.start else bs
    measure = comp.measure.get(ind)
    value, value_max, growth, growth_max = _value_or_growth(text, q, ind_end, cs, measure, comp)
    if (stmts and not own and stmts[-1].growth is not None and q.unit == stmts[-1].q.unit == "percent"
            and comp.list_join.fullmatch(text, stmts[-1].q.end, q.start)):
        # 分别下降15%、18%: a rate listed after a growth rate is one too, with its direction
        sign = -1 if stmts[-1].growth < 0 else 1
        if growth is None and value is not None and not q.share:
            value, value_max, growth, growth_max = None, None, value, value_max
        if growth is not None and growth > 0:
            growth, growth_max = sign * growth, None if growth_max is None else sign * growth_max
    windows = cues.windows(text, q.start, q.end, ss, sent, ce, bounds)
    lead_end = _from_phrase_start(text, q, sent, stmts, comp)
    if lead_end is not None:  # 赤字率从去年的2.1%提高到2.3%: 去年 is the period of 2.1%, not of 2.3%
        windows[0] = (windows[0][0], max(windows[0][0], lead_end))
    period, period_span = cues.period(text, windows, q.start, sent[0], bounds, comp, ctx)
    decided = cues.kind(text, q.start, cs, ce, windows, comp, ctx, _list_kind(text, q, stmts, bounds, comp))
    return _Stmt(q, ind, ind_span, own, measure, value, value_max, growth, growth_max,
                 _qualifier(text, q, ind_end, comp), cues.first(comp.modality, text, windows),
                 decided.kind, decided.cue, decided.confidence, decided.at, period, period_span, seg, sent,
                 bool(comp.delta.search(text, bs, q.start)), cs,
                 q.unit == "percent" and bool(comp.plan_share.search(text, cs, q.start)))


def _from_phrase_start(text: str, q: Quantity, sent: tuple[int, int], stmts: list[_Stmt],
                       comp: TargetRules) -> int | None:
    """Where the from-phrase starts when ``q`` is the Y of 从X提高到Y (the cues in 从…X name X's
    time, not Y's: target_lists.fold_from_to makes the two one record at Y)."""
    win = target_lists.from_window(stmts[-1], q.unit, sent[0], q.start, text, comp) if stmts else None
    m = cues.last(comp.from_word, text, win) if win is not None else None
    return m.start() if m is not None else None


def _list_kind(text: str, q: Quantity, stmts: list[_Stmt], bounds: _Bounds, comp: TargetRules
               ) -> cues.Decision | None:
    """The kind of the list ``q`` is an item of, when a lead-in before the list's first item
    decided it: the previous statement's, in the same sentence with its cue in the sentence's
    first ``；`` segment (主要预期目标是，…增长6%；…增长5%；…), in the sentence before one that
    breaks its figure down (…。其中，…), or in the bullet lines just
    before with its cue above them (今年预期目标⏎■…⏎■…). A cue inside one item governs that item."""
    if not stmts or stmts[-1].cue_at < 0 or stmts[-1].kind == "other":
        return None
    prev = stmts[-1]
    sent = bounds.around("sentence", q.start, q.start)[0]
    prev_sent = bounds.around("sentence", prev.q.start, prev.q.start)[0]
    if prev_sent == sent:
        ok = prev.cue_at < bounds.first_break("segment", sent)
    elif text.startswith(comp.breakdown_lead, sent) and sent > 1 and bounds.around("sentence", sent - 2, sent - 1)[0] == prev_sent:
        ok = True  # 今年拟安排财政赤字2.18万亿元。其中，中央财政赤字1.4万亿元: a part of the figure before
    else:
        ok = (prev.cue_at < bounds.around("paragraph", prev.q.start, prev.q.start)[0]
              and cues.in_bullet_list(text, prev.q.start, q.start, bounds, comp.bullets))
    return cues.Decision(prev.kind, prev.cue, prev.confidence, prev.cue_at) if ok else None


def _indicator(text: str, q: Quantity, bs: int, lb: int, ce: int, comp: TargetRules
               ) -> tuple[str | None, tuple[int, int] | None, bool]:
    """(id, span, written here) — an alias before the number, or the counted noun after it."""
    rate = q.unit in ("percent", "percentage_point")
    best = _last_name(text, bs, q.start, rate, comp)
    noun = _after_noun(text, q, ce) if not rate else None
    after = comp.alias.search(text, *noun) if noun else None
    if after is not None and after.group() in comp.rate_only:
        after = None  # 12个服务业项目: projects, not services' value added
    m = after if after and (q.classifier or best is None) else best
    if (m is None and (noun is None or not q.classifier) and q.start - bs <= LOOKBACK_GAP_MAX
            and not comp.rate_name.search(text, bs, q.start)):
        m = _last_name(text, lb, q.start, rate, comp)  # 固定资产投资继续保持高位增长，达到31.36亿元: named in an earlier clause
    if m is None and (noun is None or not q.classifier):
        split = _split_name(text, bs, q.start, comp)
        if split is not None:
            return split
    if m is not None:
        ind = comp.alias_to_id[m.group()]
        whole = _last_name(text, bs, m.start(), True, comp) if comp.measure[ind] == "share" else None
        return ind, (whole.start() if whole else m.start(), m.end()), True
    if noun is not None:
        return "other", noun, True
    return None, None, False


def _last_name(text: str, start: int, end: int, rate: bool, comp: TargetRules) -> re.Match | None:
    """The last alias in text[start:end] that can name a figure of this kind (``rate``: a
    percentage; a rate alias such as 服务业 names only those). Also the whole a share is of
    (国内生产总值 in …比重): any alias."""
    best = None
    for m in comp.alias.finditer(text, start, end):
        if rate or m.group() not in comp.rate_only:
            best = m
    return best


def _named_before(text: str, q: Quantity, sent_start: int, bounds: _Bounds, comp: TargetRules
                  ) -> tuple[str | None, tuple[int, int] | None, bool]:
    """A sentence that opens with its figure (达到3000元) takes the one indicator a short
    sentence right before it names (二是农民收入较快增长。达到3000元，增长8%)."""
    if sent_start < 2 or not comp.prev_sentence_lead.match(text[sent_start:q.start]):
        return None, None, False
    ps, _ = bounds.around("sentence", sent_start - 2, sent_start - 1)
    if sent_start - ps > comp.prev_sentence_max or "\n" in text[ps:sent_start - 1].strip("\n"):
        return None, None, False
    found = list(comp.alias.finditer(text, ps, sent_start))
    if len({comp.alias_to_id[m.group()] for m in found}) != 1:
        return None, None, False
    return comp.alias_to_id[found[-1].group()], found[-1].span(), True


def _split_name(text: str, bs: int, end: int, comp: TargetRules
                ) -> tuple[str, tuple[int, int], bool] | None:
    """An indicator whose name a verb cuts in two (规模以上工业企业完成增加值: 工业 + 增加值)."""
    v = cues.last(comp.split_verb, text, (bs, end))
    if v is None:
        return None
    for head, alias in comp.by_suffix.get(text[v.end():end].strip(), ()):
        h = text.rfind(head, bs, v.start())
        if h >= 0 and v.start() - (h + len(head)) <= comp.split_gap:
            return comp.alias_to_id[alias], (h, end), True
    return None


def _after_noun(text: str, q: Quantity, ce: int) -> tuple[int, int] | None:
    """The counted thing written after a quantity (8个绿地建设项目), if any."""
    s = q.end + (text[q.end:q.end + 1] == "的")
    e = min(ce, s + PHRASE_MAX)
    for i in range(s, e):
        if not ("\u4e00" <= text[i] <= "\u9fff" or text[i] in "“”\"" or text[i].isascii() and text[i].isalpha()):
            e = i
            break
    return (s, e) if e - s >= 2 else None


def _inherit(q: Quantity, ss: int, stmts: list[_Stmt], text: str, comp: TargetRules
             ) -> tuple[str, tuple[int, int] | None]:
    """No indicator written: continue the previous statement of the segment (新建25个 after
    36项重点项目; 增长12.4% after 生产总值49.4亿元), if its unit allows."""
    back = [st for st in stmts[-MERGE_LOOKBACK:] if st.segment == ss]
    if back and q.unit not in comp.compare_units:  # a multiple (2.4倍) hands nothing on
        back = [st for st in back if st.q.unit not in comp.compare_units and not st.plan_share] or back[-1:]
    if back:
        prev = back[-1]
        if prev.q.unit == q.unit or q.unit in ("percent", "percentage_point") or prev.q.unit is None:
            return prev.indicator, prev.ind_span
    return "other", None


def _value_or_growth(text: str, q: Quantity, ind_end: int, cs: int, measure: str | None,
                     comp: TargetRules) -> tuple[float | None, float | None, float | None, float | None]:
    """A percentage is a growth rate after a growth word, or after an amount-type indicator
    (生产总值8%), unless a share word says it is a ratio (占…比重50%)."""
    g = cues.last(comp.growth, text, (max(ind_end, cs), q.start))
    if g is None:  # 物价上涨幅度比去年有明显回落，力争控制在百分之十五左右: the word right after the name
        g = comp.growth.match(text, ind_end) if ind_end < q.start else None
    sign = -1 if g is not None and g.group("down") else 1
    if q.unit == "percentage_point":
        signed = None if q.value is None else sign * q.value
        return signed, None if q.value_max is None else sign * q.value_max, None, None
    if q.unit != "percent" or q.share or comp.plan_share.search(text, cs, q.start):
        return q.value, q.value_max, None, None
    ratio = comp.ratio.search(text, g.end() if g else ind_end, q.start)
    is_growth = g is not None or (measure == "level" and ratio is None)
    if measure in VALUE_MEASURES or not is_growth:
        return q.value, q.value_max, None, None
    return None, None, _signed(q.value, sign), _signed(q.value_max, sign)


def _signed(v: float | None, sign: int) -> float | None:
    return None if v is None else sign * v


def _qualifier(text: str, q: Quantity, ind_end: int, comp: TargetRules) -> str:
    if q.qualifier:
        return q.qualifier
    after = text[q.end:q.end + 2]
    for name, rx in comp.qual_after.items():
        if rx.match(after):
            return name
    best = None
    for best in comp.qual_before.finditer(text, ind_end, q.start):
        pass
    return best.lastgroup if best is not None else "exact"


def _merge_growth(stmts: list[_Stmt], text: str, comp: TargetRules) -> list[_Stmt]:
    """A growth rate with no indicator of its own joins the amount it follows in its segment
    (生产总值49.4亿元，增长12.4%), skipping changes (净增6200万元) in between."""
    out: list[_Stmt] = []
    for st in stmts:
        k = _merge_target(out, st, text, comp)
        if k is None:
            out.append(st)
            continue
        target = out[k]
        qual = target.qualifier if target.qualifier != "exact" else st.qualifier
        q = replace(target.q, masked=True) if st.q.masked else target.q  # GDP19.92亿元，增长xx.x%
        out[k] = replace(target, q=q, growth=st.growth, growth_max=st.growth_max, qualifier=qual)
    return out


def _merge_target(out: list[_Stmt], st: _Stmt, text: str, comp: TargetRules) -> int | None:
    masked_growth = (st.q.masked and st.q.unit == "percent" and st.value is None
                     and comp.growth.search(text, max(st.segment, st.q.start - 8), st.q.start))
    if not (masked_growth or (st.growth is not None and not st.q.masked)) or st.value is not None or st.own_indicator:
        return None
    if comp.distribute.search(text, max(st.segment, st.q.start - WINDOW_MAX), st.q.start):
        return None  # 总数、总产值…分别增加540多家、增长299.3%: two statements
    for k in range(len(out) - 1, max(-1, len(out) - 1 - MERGE_LOOKBACK), -1):
        prev = out[k]
        if prev.segment != st.segment:
            return None
        if prev.q.unit in comp.compare_units or prev.plan_share:
            continue  # 95亿元，是上年的2.4倍 / 完成计划的98%，年均增长19%: the rate is the amount's
        if prev.indicator != st.indicator:
            return None
        if prev.delta:
            continue
        if prev.growth is not None or not _is_amount(prev):
            return None
        return k if prev.indicator != "other" or _bare_rate(st, text, comp) else None
    return None


def _bare_rate(st: _Stmt, text: str, comp: TargetRules) -> bool:
    """The rate's clause names nothing before its growth word (，同比增长12%)."""
    g = cues.last(comp.growth, text, (st.clause, st.q.start))
    if g is None:
        return False
    m = comp.growth_lead.match(text, st.clause, g.start())
    return m is not None and m.end() == g.start()


def _is_amount(st: _Stmt) -> bool:
    """A level a growth rate can join: an indicator's, or an unnamed amount of money or
    goods (乡镇企业营业收入860万元，增长12%) — not a bare percentage, nor a count of things
    (31个省份…减少26%: the rate is of what they spend, not of the provinces)."""
    if st.indicator != "other":
        return True
    return ((st.value is not None or st.q.masked) and not st.q.classifier
            and st.q.unit not in ("percent", "percentage_point"))


def _to_target(s: _Stmt, bounds: _Bounds) -> Target:
    start = s.ind_span[0] if s.own_indicator and s.ind_span and s.ind_span[0] < s.q.start else s.q.start
    end = s.q.end if not s.ind_span or s.ind_span[1] <= s.q.end else s.ind_span[1]
    growth_only = s.value is None and not s.q.masked and s.growth is not None
    return Target(span=(start, end), value_span=(s.q.start, s.q.end), indicator=s.indicator,
                  indicator_span=s.ind_span, value=s.value, value_max=s.value_max,
                  unit=None if growth_only else s.q.unit,
                  growth=s.growth, growth_max=s.growth_max, qualifier=s.qualifier, modality=s.modality,
                  kind=s.kind, change=s.change, change_unit=s.change_unit, from_value=s.from_value, cue=s.cue, confidence=s.confidence, period=s.period, period_span=s.period_span, masked=s.q.masked,
                  sentence_span=s.sentence)
