"""What changed between two speeches (``speechkit diff A B``): targets raised, lowered, added
and dropped; slogans new, gone, rising and falling; outline sections added, removed and
renamed. Pure functions over two file summaries (see ``analysis/trend.py``)."""
from __future__ import annotations

import re
from difflib import SequenceMatcher
from typing import Any

from speechkit.analysis.trend import RATE_CHARS, headline_target, indicator_measure

Record = dict[str, Any]

# A slogan is rising (falling) when its rate per 10,000 characters grows (shrinks) by at least
# this factor AND its count changes by at least MIN_COUNT_CHANGE: one more mention of a rare
# slogan in a shorter speech is not a trend.
RISE_FACTOR = 1.5
MIN_COUNT_CHANGE = 2
# Outline headings down to this level are compared (一、 and （一） in a work report).
OUTLINE_LEVELS = 2
# Two headings are the same section when their titles, with numbers folded (2014年工作回顾 ~
# 2015年工作回顾), are at least this similar (difflib ratio). Looked at on the top sections of
# consecutive national work reports 2014-2025: a continued section scores 0.7-1.0 (2016年重点工作
# ~ 2017年重点工作任务 0.86), different ones mostly under 0.6; the one higher pair seen
# (重点工作 ~ 工作回顾, 0.67) is kept apart by matching best pairs first, one to one.
TITLE_MATCH = 0.6
TARGET_ORDER = ("raised", "lowered", "changed", "added", "dropped", "unchanged")
SLOGAN_ORDER = ("new", "gone", "rising", "falling")
OUTLINE_ORDER = ("added", "removed", "renamed")


def _record(section: str, change: str, item: str, a: Record | None, b: Record | None, **fields: Any) -> Record:
    anchor = b or a
    rec: Record = {k: anchor.get(k) for k in ("file", "start", "end", "line", "text")}
    rec.update(section=section, change=change, item=item, before=None, after=None,
               before_text=(a or {}).get("text"), after_text=(b or {}).get("text"),
               before_line=(a or {}).get("line"), after_line=(b or {}).get("line"), similarity=None)
    rec.update(fields)
    return rec


def _target_change(a: Record, b: Record) -> str:
    ma, mb = indicator_measure(a), indicator_measure(b)
    if ma is None or mb is None or ma[0] != mb[0]:
        return "changed"
    mid_a, mid_b = (ma[1] + ma[2]) / 2, (mb[1] + mb[2]) / 2
    if mid_b > mid_a:
        return "raised"
    if mid_b < mid_a:
        return "lowered"
    return "unchanged" if (ma, a.get("qualifier")) == (mb, b.get("qualifier")) else "changed"


def diff_targets(a: Record, b: Record) -> list[Record]:
    """Headline targets per indicator (what each speech sets for its own year), compared by
    the middle of their range: growth with growth, amounts with amounts of the same unit."""
    names = {r["indicator"] for s in (a, b) for r in s["targets"] if r["indicator"] != "other"}
    out = []
    for name in sorted(names):
        ta, tb = headline_target(a["targets"], name, a["year"]), headline_target(b["targets"], name, b["year"])
        if ta is None and tb is None:
            continue
        change = "added" if ta is None else "dropped" if tb is None else _target_change(ta, tb)
        ma, mb = (indicator_measure(t) if t else None for t in (ta, tb))
        out.append(_record("targets", change, name, ta, tb, before=ma[1] if ma else None,
                           after=mb[1] if mb else None))
    return sorted(out, key=lambda r: TARGET_ORDER.index(r["change"]))


def _rates(summary: Record) -> dict[str, tuple[Record, float]]:
    chars = summary["chars"] or 1
    return {r["slogan"]: (r, r["count"] * RATE_CHARS / chars) for r in summary["slogans"]}


def _slogan_change(ca: int, cb: int, ra: float, rb: float) -> str | None:
    if ca == 0:
        return "new"
    if cb == 0:
        return "gone"
    if abs(cb - ca) < MIN_COUNT_CHANGE:
        return None
    if rb >= ra * RISE_FACTOR:
        return "rising"
    if ra >= rb * RISE_FACTOR:
        return "falling"
    return None


def diff_slogans(a: Record, b: Record) -> list[Record]:
    """Slogans by rate per 10,000 characters: new, gone, rising, falling (most frequent first)."""
    ra, rb = _rates(a), _rates(b)
    out = []
    for name in set(ra) | set(rb):
        (sa, rate_a), (sb, rate_b) = ra.get(name, (None, 0.0)), rb.get(name, (None, 0.0))
        ca, cb = (sa or {}).get("count", 0), (sb or {}).get("count", 0)
        change = _slogan_change(ca, cb, rate_a, rate_b)
        if change is not None:
            out.append(_record("slogans", change, name, sa, sb, before=round(rate_a, 3), after=round(rate_b, 3),
                               before_text=f"{ca}×" if sa else None, after_text=f"{cb}×" if sb else None))
    return sorted(out, key=lambda r: (SLOGAN_ORDER.index(r["change"]), -max(
        int((r["before_text"] or "0×")[:-1]), int((r["after_text"] or "0×")[:-1])), r["item"]))


def _folded(title: str) -> str:
    return re.sub(r"\d+", "#", title)


def title_similarity(x: str, y: str) -> float:
    return SequenceMatcher(None, _folded(x), _folded(y)).ratio()


def _match_headings(ha: list[Record], hb: list[Record]) -> list[tuple[int, int, float]]:
    """One-to-one pairs (index in ha, index in hb, similarity), best pairs first, same level."""
    scored = sorted(((title_similarity(x["title"], y["title"]), i, j) for i, x in enumerate(ha)
                     for j, y in enumerate(hb) if x["level"] == y["level"]), reverse=True)
    used_a: set[int] = set()
    used_b: set[int] = set()
    pairs = []
    for score, i, j in scored:
        if score < TITLE_MATCH:
            break
        if i not in used_a and j not in used_b:
            used_a.add(i)
            used_b.add(j)
            pairs.append((i, j, score))
    return pairs


def diff_outline(a: Record, b: Record, levels: int = OUTLINE_LEVELS) -> list[Record]:
    """Sections added, removed, or renamed (matched, but the title changed beyond numbers)."""
    ha = [h for h in a["outline"] if h["level"] <= levels]
    hb = [h for h in b["outline"] if h["level"] <= levels]
    pairs = _match_headings(ha, hb)
    out = [_record("outline", "removed", h["title"], h, None, before_text=h["title"])
           for i, h in enumerate(ha) if i not in {p[0] for p in pairs}]
    out += [_record("outline", "added", h["title"], None, h, after_text=h["title"])
            for j, h in enumerate(hb) if j not in {p[1] for p in pairs}]
    out += [_record("outline", "renamed", hb[j]["title"], ha[i], hb[j], similarity=round(score, 3),
                    before_text=ha[i]["title"], after_text=hb[j]["title"])
            for i, j, score in pairs if _folded(ha[i]["title"]) != _folded(hb[j]["title"])]
    return sorted(out, key=lambda r: (OUTLINE_ORDER.index(r["change"]), r["line"] or 0))


def diff(a: Record, b: Record) -> list[Record]:
    """Every change from speech ``a`` to speech ``b``: targets, then slogans, then outline."""
    return diff_targets(a, b) + diff_slogans(a, b) + diff_outline(a, b)
