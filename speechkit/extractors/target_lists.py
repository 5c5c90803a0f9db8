"""One record per indicator in coordinated statements (SPEC §3 "Target"): 分别 and 均
distribute figures over the indicators named before them. Split from targets.py.

- ``A和B分别达到x和y`` → A x, B y: the k-th figure after 分别 belongs to the k-th name before it;
- ``A x，其中B y，分别增长a%和b%`` → the k-th growth rate joins the k-th amount before it;
- ``A和B均增长a%`` → one record for each of A and B;
- ``A x、比上年增加y`` / ``A率x%、提高1个百分点`` → one record of A at x with ``change`` y: an
  increment is a field of the level's record, never a second record of the indicator.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import replace
from typing import Any

from speechkit.extractors.target_rules import TargetRules

# How far before X the 从/由 of 从X提高到Y is looked for.
FROM_REACH = 24
# Words that join coordinated indicator names (城镇居民和农村居民人均可支配收入, A、B和C).
_JOIN = re.compile(r"[和、与及,，\s]*")


def distribute(stmts: list[Any], text: str, comp: TargetRules, bounds: Any) -> list[Any]:
    """``stmts`` with 分别/均 statements given their own indicators (see the module doc)."""
    drop: set[int] = set()
    out = list(stmts)
    starts = [st.q.start for st in stmts]  # in text order: the statements of a clause by bisection
    for m in comp.distribute.finditer(text):
        clause_end = bounds.first_break("clause", m.end())
        group = [i for i in range(bisect_left(starts, m.end()), bisect_left(starts, clause_end)) if i not in drop]
        if not group:
            continue
        seg = bounds.around("segment", m.start(), m.start())[0]
        names = _names(text, seg, m.start(), comp)
        if m.group().startswith("均"):
            if len(group) == 1 and len(names) >= 2:
                out[group[0]] = [_named(out[group[0]], n, comp) for n in names]
            continue
        if len(group) < 2:
            continue
        growths = all(out[i].growth is not None and out[i].value is None for i in group)
        amounts = [i for i in range(group[0]) if i not in drop and _open_amount(out[i], out[group[0]])]
        if growths and len(amounts) >= len(group) and not any(out[i].own_indicator for i in group):
            for k, i in zip(amounts[-len(group):], group):
                out[k] = replace(out[k], growth=out[i].growth, growth_max=out[i].growth_max)
                drop.add(i)
        elif len(names) == len(group):
            for n, i in zip(names, group):
                out[i] = _named(out[i], n, comp)
    flat: list[Any] = []
    for i, st in enumerate(out):
        if i not in drop:
            flat.extend(st if isinstance(st, list) else [st])
    return flat


def _open_amount(st: Any, first: Any) -> bool:
    """An amount of the same sentence with no growth rate yet."""
    return st.sentence[0] == first.sentence[0] and st.value is not None and st.growth is None and not st.delta


def _names(text: str, start: int, end: int, comp: TargetRules) -> list[re.Match]:
    """The coordinated indicator names ending right before ``end`` (A和B, A、B和C): aliases
    joined only by 和、与及 or a comma."""
    found = list(comp.alias.finditer(text, start, end))
    names: list[re.Match] = []
    for m in reversed(found):
        gap_end = names[0].start() if names else end
        gap = text[m.end():gap_end]
        if names and not _JOIN.fullmatch(gap):
            break
        if not names and len(gap) > 4:  # the last name stands right before 分别 (…收入分别)
            break
        names.insert(0, m)
    if len(names) == 1:
        names = _shared_head(text, start, names[0], comp) + names
    return names if len(names) >= 2 else []


def _shared_head(text: str, start: int, m: re.Match, comp: TargetRules) -> list[Any]:
    """Names written before ``m`` that share its head (城镇居民和农村居民人均可支配收入: 城镇居民
    + 人均可支配收入), as (indicator id, span) stand-ins for alias matches."""
    head = text[start:m.start()]
    cut = max(head.rfind(c) for c in "，,：:；") + 1
    parts = re.split(r"[和、与及]", head[cut:])
    if len(parts) < 2 or parts[-1]:
        return []
    out, pos = [], start + cut
    for part in parts[:-1]:  # the shortest head, the longest name (今年城镇居民: 城镇居民 + head)
        found = next(((part[j:] + m.group()[k:], j) for k in range(1, len(m.group())) for j in range(len(part))
                      if part[j:] + m.group()[k:] in comp.alias_to_id), None)
        if found is not None:
            out.append(_Name(found[0], (pos + found[1], pos + len(part))))
        pos += len(part) + 1
    return out if len(out) == len(parts) - 1 else []


class _Name:
    """An indicator name assembled from a shared head; quacks like the alias matches."""

    def __init__(self, name: str, span: tuple[int, int]):
        self.name, self._span = name, span

    def group(self) -> str:
        return self.name

    def span(self) -> tuple[int, int]:
        return self._span

    def start(self) -> int:
        return self._span[0]


def _named(st: Any, m: re.Match, comp: TargetRules) -> Any:
    return replace(st, indicator=comp.alias_to_id[m.group()], ind_span=m.span(), own_indicator=True)


def fold_from_to(stmts: list[Any], text: str, comp: TargetRules) -> list[Any]:
    """由X提高到Y / 从X增加到Y: one record at Y, of X's indicator, with X as ``from_value``."""
    out: list[Any] = []
    for st in stmts:
        prev = out[-1] if out else None
        if prev is not None and _is_from_to(prev, st, text, comp):
            ind = (st.indicator, st.ind_span) if st.own_indicator and st.indicator != "other" else (prev.indicator, prev.ind_span)
            level = {}
            if st.value is None and st.growth is not None:  # 从45%提高到52%: 52% is the level
                level = dict(value=st.q.value, value_max=st.q.value_max, growth=None, growth_max=None)
            out[-1] = replace(st, indicator=ind[0], ind_span=ind[1], own_indicator=prev.own_indicator or st.own_indicator,
                              from_value=prev.value, delta=False, kind=prev.kind if st.cue is None else st.kind, **level)
            continue
        out.append(st)
    return out


def _is_from_to(prev: Any, st: Any, text: str, comp: TargetRules) -> bool:
    win = from_window(prev, st.q.unit, st.sentence[0], st.q.start, text, comp)
    return win is not None and prev.from_value is None and comp.from_word.search(text, *win) is not None


def from_window(prev: Any, unit: str | None, sent_start: int, start: int, text: str, comp: TargetRules
                ) -> tuple[int, int] | None:
    """Where 从/由 is looked for before ``prev`` when the figure at ``start`` (of ``unit``, in
    the sentence from ``sent_start``) may be the Y of 从X提高到Y with ``prev`` its X: same unit,
    same sentence, only 提高到 (and the like) between them; else None."""
    if unit != prev.q.unit or sent_start != prev.sentence[0] or not comp.to_gap.fullmatch(text, prev.q.end, start):
        return None
    return max(prev.clause, prev.q.start - FROM_REACH), prev.q.start


def fold_changes(stmts: list[Any], text: str, comp: TargetRules) -> list[Any]:
    """An increment with no indicator of its own (比上年增加1800亿元, 提高1个百分点) right after a
    level of the same indicator in its sentence becomes that record's ``change``; so does one
    that names the indicator again after a comparison base (``_restated_base``)."""
    out: list[Any] = []
    for st in stmts:
        prev = out[-1] if out else None
        k = len(out) - 1 if prev is not None and _is_change_of(st, prev) else _restated_base(st, out, text, comp)
        if k is not None:
            prev = out[k]
            since = out[-1].q.end
            sign = -1 if comp.delta_down.search(text, since, st.q.start) and st.q.unit != "percentage_point" else 1
            out[k] = replace(prev, change=None if st.value is None else sign * st.value, change_unit=st.q.unit)
            continue
        out.append(st)
    return out


def _restated_base(st: Any, out: list[Any], text: str, comp: TargetRules) -> int | None:
    """An increment that names its indicator again after a comparison base since the statement
    before (赤字规模比上年预算减少1500亿元, 比去年预算赤字减少650亿元): the index of the first level
    of that indicator in the sentence, whose ``change`` it is (None: not such an increment)."""
    if not (out and st.own_indicator and st.delta and st.growth is None and st.value is not None):
        return None
    since = out[-1].q.end if out[-1].sentence[0] == st.sentence[0] else st.sentence[0]
    if not comp.change_base.search(text, since, st.q.start):
        return None
    return next((i for i, lv in enumerate(out) if lv.indicator == st.indicator and lv.sentence[0] == st.sentence[0]
                 and lv.value is not None and not lv.delta and lv.change_unit is None and lv.q.unit == st.q.unit),
                None)


def _is_change_of(st: Any, prev: Any) -> bool:
    if st.own_indicator or st.indicator != prev.indicator or st.sentence[0] != prev.sentence[0]:
        return False
    if prev.delta or prev.value is None or prev.change_unit is not None:
        return False
    if st.q.unit == "percentage_point":
        return prev.q.unit == "percent"
    return st.delta and st.q.unit == prev.q.unit and st.growth is None
