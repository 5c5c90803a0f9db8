"""Numeric statements (SPEC §3 "Target"): every quantity with a unit, attached to the
indicator it measures, read as a target, an achievement or neither. A pure function of the
Document: quantities come from the number reader (numbers.py), words from the lexicons
``indicators``, ``units`` and ``targets``.

The text is cut into clauses (，：), segments (；) and sentences (。！？). A statement's
indicator is the lexicon alias nearest before its number in its clause (or, for counted
things, the noun after it: 36项重点项目); a number with no indicator of its own continues
the previous statement of its segment (新建25个, 增长12.4%) — a growth rate right after an
amount is merged into it, so ``生产总值49.4亿元，增长12.4%`` is one record. Kind, modality
and period come from the nearest cue before the number: in its segment, then the lead-in
before a ``：`` (主要预期目标是：…), then the first clause of the sentence, then the section
heading.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import dataclass, replace
from typing import Any

from speechkit.config import Config
from speechkit.extractors.gate import gated
from speechkit.extractors.numbers import Quantity, compile_reader, scan_quantities
from speechkit.model import Document, Heading, Target

_COLON = re.compile(r"：|:(?!\d)")  # a lead-in colon, not a ratio (4:6)
_BLANK = " \t\n\u3000"
CLAUSE_BREAKS = "，,：:；;。！？!?\n"
SEGMENT_BREAKS = "；;。！？!?\n"
SENTENCE_BREAKS = "。！？!?\n"
_LEVELS = (("clause", CLAUSE_BREAKS), ("segment", SEGMENT_BREAKS), ("sentence", SENTENCE_BREAKS),
           ("paragraph", "\n"))
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
# Cues, quotes and lead-ins are looked for at most this far from a number, so a text with no
# punctuation (or a million numbers in one sentence) stays linear. Calibrated on the gold
# samples and the report excerpts in tests/data: 200 keeps every deciding cue (力争 … 3—5个 on
# line 41 of district-work-conference is ~150 characters away); 120 loses a report headline.
WINDOW_MAX = 200
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
    period: int | None
    period_span: tuple[int, int] | None
    segment: int
    sentence: tuple[int, int]
    delta: bool


def _alt(patterns: Any) -> str:
    return "|".join(sorted(patterns, key=len, reverse=True))


def _compile(config: Config) -> dict[str, Any]:
    lex = config.lexicon("targets")
    inds = config.lexicon("indicators")["indicators"]
    alias_to_id = {a: i for i, spec in inds.items() for a in spec["aliases"]}
    quals = lex["qualifiers"]
    kind = lex["kind"]
    year = r"(?P<to>到|至)?(?P<year>(?:19|20)\d\d)(?=年|[,，])"
    return {
        "reader": compile_reader(config),
        "bare": tuple(lex["bare_magnitude_prefix"]),
        "alias": re.compile(_alt(re.escape(a) for a in alias_to_id)),
        "alias_to_id": alias_to_id,
        "measure": {i: spec["measure"] for i, spec in inds.items()},
        "qual_before": gated("|".join(f"(?P<{k}>{_alt(v['before'])})" for k, v in quals.items())),
        "qual_after": {k: re.compile(_alt(v["after"])) for k, v in quals.items()},
        "growth": gated(f"(?P<up>{_alt(lex['growth']['up'])})|(?P<down>{_alt(lex['growth']['down'])})"),
        "ratio": gated(_alt(lex["ratio"])),
        "delta": gated(_alt(lex["delta"])),
        "modality": gated(_alt(lex["modality"])),
        "kind": gated(f"{year}|(?P<target>{_alt(kind['target'])})|(?P<actual>{_alt(kind['actual'])})"),
        "other": gated(_alt(kind["other"])),
        "weak": gated(_alt(kind["weak_actual"])),
        "period": gated(_alt(lex["period"])),
        "relative": lex["relative_years"],
        "section": {k: re.compile(_alt(v)) for k, v in lex["section"].items()},
        "skip_after": gated(_alt(lex["skip_after"])),
        "skip_before": lex["skip_before"],
        "distribute": gated(_alt(lex["distribute"])),
        # the look-behind after the digits, so the regex starts with a literal 1/2 the engine can skip to
        "year_rx": re.compile(r"((?:19|20)\d\d)(?<![到至\d].{4})年"),
        "breaks": {name: re.compile(f"[{re.escape(chars)}]") for name, chars in _LEVELS},
    }


def infer_year(text: str, comp: dict[str, Any]) -> int | None:
    """The year the speech speaks from (今年), when the text names years; else None."""
    years = Counter(int(y) for y in comp["year_rx"].findall(text))
    if not years:
        return None
    mode = max(years, key=lambda y: (years[y], y))
    return max(y for y in years if mode <= y <= mode + YEAR_LOOKAHEAD)


class _Bounds:
    """Clause, segment and sentence boundaries of a text, found once, looked up by bisection."""

    def __init__(self, text: str, comp: dict[str, Any]):
        self.text = text
        self.pos = {name: [m.start() for m in rx.finditer(text)] for name, rx in comp["breaks"].items()}

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


def extract_targets(doc: Document, config: Config, year: int | None = None,
                    outline: list[Heading] | None = None) -> list[Target]:
    """Every numeric statement of ``doc`` (all kinds), in text order. Pass ``outline`` when
    the caller has it: otherwise it is worked out here, and only if some statement's kind is
    left to its section heading (that is ~a third of the time ``targets`` takes)."""
    comp = config.compiled("targets", _compile)
    text = doc.norm
    quantities = list(scan_quantities(text, comp["reader"], comp["bare"]))
    if not quantities:
        return []
    bounds = _Bounds(text, comp)
    ctx = {"year": year if year is not None else infer_year(text, comp), "doc": doc, "config": config,
           "sections": None if outline is None else _sections(outline)}
    stmts: list[_Stmt] = []
    prev_end = 0
    for q in quantities:
        st = _statement(text, q, prev_end, bounds, comp, ctx, stmts)
        prev_end = q.end
        if st is not None:
            stmts.append(st)
    return [_to_target(s, bounds) for s in _merge_growth(stmts, text, comp)]


def _skip(text: str, q: Quantity, ss: int, ce: int, comp: dict[str, Any]) -> bool:
    if q.start and text[q.start - 1] in comp["skip_before"]:
        return True
    if text.count("“", ss, q.start) > text.count("”", ss, q.start):
        return True  # inside “…”: part of a name or a slogan (“10强50户”)
    nxt = text[q.end:q.end + 1]
    if text.endswith(("以上", "以下"), 0, q.end) and nxt and (nxt == "的" or "\u4e00" <= nxt <= "\u9fff"):
        return True  # 500万元以上投资项目: a class threshold, not a statement
    return bool(comp["skip_after"].search(text, q.end, ce))


def _statement(text: str, q: Quantity, prev_end: int, bounds: _Bounds, comp: dict[str, Any],
               ctx: dict[str, Any], stmts: list[_Stmt]) -> _Stmt | None:
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
        ind, ind_span = _inherit(q, seg, stmts, text, comp)
    ind_end = ind_span[1] if own and ind_span and ind_span[1] <= q.start else bs
    measure = comp["measure"].get(ind)
    value, value_max, growth, growth_max = _value_or_growth(text, q, ind_end, cs, measure, comp)
    windows = _windows(text, q, ss, sent, ce, bounds)
    period, period_span = _period(text, windows, comp, ctx)
    return _Stmt(q, ind, ind_span, own, measure, value, value_max, growth, growth_max,
                 _qualifier(text, q, ind_end, comp), _first(comp["modality"], text, windows),
                 _kind(text, q, cs, ce, windows, comp, ctx), period, period_span, seg, sent,
                 bool(comp["delta"].search(text, bs, q.start)))


def _indicator(text: str, q: Quantity, bs: int, lb: int, ce: int, comp: dict[str, Any]
               ) -> tuple[str | None, tuple[int, int] | None, bool]:
    """(id, span, written here) — an alias before the number, or the counted noun after it."""
    best = None
    for best in comp["alias"].finditer(text, bs, q.start):
        pass
    noun = _after_noun(text, q, ce) if q.unit not in ("percent", "percentage_point") else None
    after = comp["alias"].search(text, *noun) if noun else None
    m = after if after and (q.classifier or best is None) else best
    if m is None and (noun is None or not q.classifier) and q.start - bs <= LOOKBACK_GAP_MAX:
        for m in comp["alias"].finditer(text, lb, q.start):
            pass  # 固定资产投资继续保持高位增长，达到31.36亿元: named in an earlier clause
    if m is not None:
        return comp["alias_to_id"][m.group()], m.span(), True
    if noun is not None:
        return "other", noun, True
    return None, None, False


def _after_noun(text: str, q: Quantity, ce: int) -> tuple[int, int] | None:
    """The counted thing written after a quantity (8个绿地建设项目), if any."""
    s = q.end + (text[q.end:q.end + 1] == "的")
    e = min(ce, s + PHRASE_MAX)
    for i in range(s, e):
        if not ("\u4e00" <= text[i] <= "\u9fff" or text[i] in "“”\"" or text[i].isascii() and text[i].isalpha()):
            e = i
            break
    return (s, e) if e - s >= 2 else None


def _inherit(q: Quantity, ss: int, stmts: list[_Stmt], text: str, comp: dict[str, Any]
             ) -> tuple[str, tuple[int, int] | None]:
    """No indicator written: continue the previous statement of the segment (新建25个 after
    36项重点项目; 增长12.4% after 生产总值49.4亿元), if its unit allows."""
    if stmts and stmts[-1].segment == ss:
        prev = stmts[-1]
        if prev.q.unit == q.unit or q.unit in ("percent", "percentage_point") or prev.q.unit is None:
            return prev.indicator, prev.ind_span
    return "other", None


def _value_or_growth(text: str, q: Quantity, ind_end: int, cs: int, measure: str | None,
                     comp: dict[str, Any]) -> tuple[float | None, float | None, float | None, float | None]:
    """A percentage is a growth rate after a growth word, or after an amount-type indicator
    (生产总值8%), unless a share word says it is a ratio (占…比重50%)."""
    g = _last(comp["growth"], text, (max(ind_end, cs), q.start))
    if g is None:  # 物价上涨幅度比去年有明显回落，力争控制在百分之十五左右: the word right after the name
        g = comp["growth"].match(text, ind_end) if ind_end < q.start else None
    sign = -1 if g is not None and g.group("down") else 1
    if q.unit == "percentage_point":
        signed = None if q.value is None else sign * q.value
        return signed, None if q.value_max is None else sign * q.value_max, None, None
    if q.unit != "percent" or q.share:
        return q.value, q.value_max, None, None
    ratio = comp["ratio"].search(text, g.end() if g else ind_end, q.start)
    is_growth = g is not None or (measure == "level" and ratio is None)
    if measure == "rate" or not is_growth:
        return q.value, q.value_max, None, None
    return None, None, _signed(q.value, sign), _signed(q.value_max, sign)


def _signed(v: float | None, sign: int) -> float | None:
    return None if v is None else sign * v


def _qualifier(text: str, q: Quantity, ind_end: int, comp: dict[str, Any]) -> str:
    if q.qualifier:
        return q.qualifier
    after = text[q.end:q.end + 2]
    for name, rx in comp["qual_after"].items():
        if rx.match(after):
            return name
    best = None
    for best in comp["qual_before"].finditer(text, ind_end, q.start):
        pass
    return best.lastgroup if best is not None else "exact"


def _windows(text: str, q: Quantity, ss: int, sent: tuple[int, int], ce: int, bounds: _Bounds
             ) -> list[tuple[int, int]]:
    """Where cues for a number are looked for, nearest first: its segment up to the number,
    the rest of its clause, the lead-in before a ： in its paragraph (or a paragraph of its
    own ending in ：, as in 今年…主要预期目标是：¶国内生产总值增长7.5%…), the first clause of
    the sentence."""
    wins = [(ss, q.start), (q.end, ce)]
    para = bounds.around("paragraph", ss, ss)[0]
    colon = _last(_COLON, text, (max(para, ss - WINDOW_MAX), ss))
    lead = None
    if colon is not None:
        lead = colon.start()
    elif para:
        before = max(0, para - WINDOW_MAX)
        prev = text[before:para].rstrip(_BLANK)
        if prev.endswith(("：", ":")):
            lead = before + len(prev) - 1
    if lead is not None:  # the sentence that ends in the colon, not the whole paragraph
        wins.append((max(bounds.around("sentence", lead, lead)[0], lead - WINDOW_MAX), lead))
    if ss > sent[0]:
        wins.append((sent[0], min(bounds.first_break("clause", sent[0]), sent[0] + WINDOW_MAX)))
    return wins


def _last(rx: re.Pattern, text: str, win: tuple[int, int]) -> re.Match | None:
    m = None
    for m in rx.finditer(text, *win):
        pass
    return m


def _first(rx: re.Pattern, text: str, windows: list[tuple[int, int]]) -> str | None:
    """The cue nearest before the number in the first window that has one (not after it)."""
    for i, win in enumerate(windows):
        if i == 1:
            continue
        m = _last(rx, text, win)
        if m is not None:
            return m.group()
    return None


def _kind(text: str, q: Quantity, cs: int, ce: int, windows: list[tuple[int, int]],
          comp: dict[str, Any], ctx: dict[str, Any]) -> str:
    if comp["other"].search(text, cs, ce):
        return "other"
    for win in windows:
        m = _last(comp["kind"], text, win)
        if m is None:
            continue
        if m.group("year") is None:
            return "target" if m.group("target") else "actual"
        if ctx["year"] is not None:
            return "actual" if int(m.group("year")) < ctx["year"] else "target"
        if m.group("to"):
            return "target"  # 到2020年, with no idea of the speech's own year
    for win in windows[:2]:
        if comp["weak"].search(text, *win):
            return "actual"
    return _section_kind(q.start, comp, ctx) or "actual"


def _section_kind(pos: int, comp: dict[str, Any], ctx: dict[str, Any]) -> str | None:
    """The kind a section's heading gives (回顾 → actual, 目标/任务 → target), if any."""
    if ctx["sections"] is None:
        from speechkit.extractors.outline import extract_outline

        ctx["sections"] = _sections(extract_outline(ctx["doc"], ctx["config"]))
    heads, starts, by_id = ctx["sections"]
    i = bisect_right(starts, pos) - 1
    h = heads[i] if i >= 0 else None
    text = ctx["doc"].norm
    while h is not None:
        title = text[h.title_span[0]:h.title_span[1]]
        for kind, rx in comp["section"].items():
            if rx.search(title):
                return kind
        h = by_id.get(h.parent) if h.parent is not None else None
    return None


def _sections(heads: list[Heading]) -> tuple[list[Heading], list[int], dict[int, Heading]]:
    return heads, [h.marker_span[0] for h in heads], {h.id: h for h in heads}


def _period(text: str, windows: list[tuple[int, int]], comp: dict[str, Any], ctx: dict[str, Any]
            ) -> tuple[int | None, tuple[int, int] | None]:
    for i, win in enumerate(windows):
        if i == 1:
            continue
        m = _last(comp["period"], text, win)
        if m is None:
            continue
        word = m.group()
        digits = re.match(r"(?:19|20)\d\d", word)
        if digits:
            return int(digits.group()), m.span()
        rel = next((v for k, v in comp["relative"].items() if k in word), None)
        year = None if rel is None or ctx["year"] is None else ctx["year"] + rel
        return year, m.span()
    return None, None


def _merge_growth(stmts: list[_Stmt], text: str, comp: dict[str, Any]) -> list[_Stmt]:
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
        out[k] = replace(target, growth=st.growth, growth_max=st.growth_max, qualifier=qual)
    return out


def _merge_target(out: list[_Stmt], st: _Stmt, text: str, comp: dict[str, Any]) -> int | None:
    if st.growth is None or st.value is not None or st.q.masked or st.own_indicator:
        return None
    if comp["distribute"].search(text, max(st.segment, st.q.start - WINDOW_MAX), st.q.start):
        return None  # 总数、总产值…分别增加540多家、增长299.3%: two statements
    for k in range(len(out) - 1, max(-1, len(out) - 1 - MERGE_LOOKBACK), -1):
        prev = out[k]
        if prev.segment != st.segment or prev.indicator != st.indicator:
            return None
        if prev.delta:
            continue
        return k if prev.growth is None and prev.indicator != "other" else None
    return None


def _to_target(s: _Stmt, bounds: _Bounds) -> Target:
    start = s.ind_span[0] if s.own_indicator and s.ind_span and s.ind_span[0] < s.q.start else s.q.start
    end = s.q.end if not s.ind_span or s.ind_span[1] <= s.q.end else s.ind_span[1]
    growth_only = s.value is None and not s.q.masked and s.growth is not None
    return Target(span=(start, end), value_span=(s.q.start, s.q.end), indicator=s.indicator,
                  indicator_span=s.ind_span, value=s.value, value_max=s.value_max,
                  unit=None if growth_only else s.q.unit,
                  growth=s.growth, growth_max=s.growth_max, qualifier=s.qualifier, modality=s.modality,
                  kind=s.kind, period=s.period, period_span=s.period_span, masked=s.q.masked,
                  sentence_span=s.sentence)
