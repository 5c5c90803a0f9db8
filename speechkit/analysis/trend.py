"""Across speeches: indicator trends and slogan trends over a corpus (issue 7).

Pure functions over the flat record dicts of ``speechkit/records.py`` — what crosses the worker
boundary of a batch — so ``trend``, ``diff`` and ``report`` share one comparison logic and
renderers compute nothing. A *file summary* is the dict ``api.file_summary`` builds per file:
``{"file", "year", "chars", "targets": [...], "slogans": [...], "outline": [...]}``.
"""
from __future__ import annotations

import re
from collections import Counter
from typing import Any

# THIS_YEAR_WORDS mean "the year the speech is given" whatever year the extractor inferred;
# LAST_YEAR_WORDS, of an achieved figure, "the year before the speech" (lexicons/years.yaml).
from speechkit.extractors.year import LAST_YEAR_WORDS, THIS_YEAR_WORDS
from speechkit.lexicons import packaged

Record = dict[str, Any]

# Words of a multi-year average (年均) and of a share of an indicator (比重): lexicons/trend.yaml.
AVERAGE_WORDS = tuple(packaged("trend")["average_words"])
SHARE_WORDS = tuple(packaged("trend")["share_words"])
# Without --indicator, an indicator gets a block when it has a target or an achieved figure
# in at least this share of the files (and at least two files); at most this many blocks.
COMMON_SHARE = 0.5
COMMON_MAX = 8
# Slogan trends: how many slogans by default, and the unit of the rate (per 10,000 characters,
# so a 5,000-character speech and a 50,000-character report compare).
SLOGAN_TOP = 10
RATE_CHARS = 10_000

TARGET_FIELDS = ("value", "value_max", "growth", "growth_max", "unit", "qualifier", "modality")


def _clause_of(sentence: str, growth: float) -> str:
    """The clause (between ，；。) of ``sentence`` that states ``growth``, or ''."""
    num = f"{growth:g}"
    for clause in re.split(r"[，,；;。]", sentence):
        if re.search(rf"(?<![\d.]){re.escape(num)}(?:\.0+)?%", clause):
            return clause
    return ""


def is_average(rec: Record) -> bool:
    """True when the record's growth is a multi-year average (年均增长7.1%)."""
    if rec.get("growth") is None:
        return False
    clause = _clause_of(rec.get("sentence") or "", rec["growth"])
    return any(w in clause for w in AVERAGE_WORDS)


def is_share(rec: Record) -> bool:
    """True when the record is a share of its indicator or a contribution to it (占GDP比重)."""
    growth = rec.get("growth")
    clause = _clause_of(rec.get("sentence") or "", growth) if growth is not None else ""
    return any(w in (rec.get("text") or "") or w in clause for w in SHARE_WORDS)


def _measured(rec: Record) -> bool:
    """A readable figure of the indicator itself: not masked, not a share of it."""
    return not rec.get("masked") and (rec.get("growth") is not None or rec.get("value") is not None) \
        and not is_share(rec)


def _for_year(rec: Record, year: int | None, words: tuple[str, ...], offset: int) -> bool:
    text = rec.get("period_text") or ""
    if any(w in text for w in words):
        return True
    return year is not None and rec.get("period") == year + offset


def headline_target(records: list[Record], indicator: str, year: int | None) -> Record | None:
    """The target a speech of ``year`` sets for that year: the first target record of the
    indicator whose period is 今年 or ``year``; None when the speech sets none."""
    for rec in records:
        if rec["indicator"] == indicator and rec["kind"] == "target" and _measured(rec) \
                and _for_year(rec, year, THIS_YEAR_WORDS, 0):
            return rec
    return None


def headline_actual(records: list[Record], indicator: str, year: int | None,
                    measure: str | None = None) -> Record | None:
    """The figure a speech of ``year`` reports as achieved the year before: the first actual
    record of the indicator for 去年/全年/``year - 1`` or with no period (the review opens a
    work report), of the same ``measure`` as the targets where given, never a multi-year
    average."""
    for rec in records:
        if rec["indicator"] != indicator or rec["kind"] != "actual" or not _measured(rec) or is_average(rec):
            continue
        undated = rec.get("period") is None and not rec.get("period_text")
        if not (undated or _for_year(rec, year, LAST_YEAR_WORDS, -1)):
            continue
        found = indicator_measure(rec)
        if found is not None and (measure is None or found[0] == measure):
            return rec
    return None


def indicator_measure(rec: Record) -> tuple[str, float, float] | None:
    """What a record measures, comparably: ("growth", low, high) for a rate of change, else
    ("value:<unit>", low, high) for an amount. Shares and levels in percent without a growth
    (占GDP比重50.5%) are amounts in percent, so they never compare with a growth rate."""
    if rec.get("growth") is not None:
        high = rec["growth_max"] if rec.get("growth_max") is not None else rec["growth"]
        return "growth", rec["growth"], high
    if rec.get("value") is not None:
        high = rec["value_max"] if rec.get("value_max") is not None else rec["value"]
        return f"value:{rec.get('unit')}", rec["value"], high
    return None


def _row(period: int | None, indicator: str, target: Record | None, actual: Record | None) -> Record:
    anchor = target or actual
    row: Record = {k: anchor.get(k) for k in ("file", "start", "end", "line", "text")}
    row.update(period=period, indicator=indicator)
    row.update({k: (target or {}).get(k) for k in TARGET_FIELDS})
    row["sentence"] = (target or {}).get("sentence")
    act = actual or {}
    row.update(actual_value=act.get("value"), actual_value_max=act.get("value_max"),
               actual_growth=act.get("growth"), actual_growth_max=act.get("growth_max"),
               actual_unit=act.get("unit"), actual_qualifier=act.get("qualifier"),
               actual_text=act.get("text"), actual_file=act.get("file"), actual_line=act.get("line"))
    return row


def _period_key(period: int | None, file: str) -> tuple[bool, int, str]:
    return period is None, period or 0, file


def trend_rows(summaries: list[Record], indicator: str) -> list[Record]:
    """One row per period: the target each speech sets for its year, with the achieved figure
    for that year where a speech (usually the next year's) reports it. Ordered by period."""
    targets: dict[int | None, list[Record]] = {}
    for s in summaries:
        t = headline_target(s["targets"], indicator, s["year"])
        if t is not None:
            targets.setdefault(s["year"], []).append(t)
    measures = Counter(indicator_measure(t)[0] for ts in targets.values() for t in ts)
    measure = measures.most_common(1)[0][0] if measures else None
    actuals: dict[int, Record] = {}
    for s in summaries:
        a = headline_actual(s["targets"], indicator, s["year"], measure)
        if a is not None and s["year"] is not None:
            actuals.setdefault(s["year"] - 1, a)
    rows = [_row(p, indicator, t, actuals.get(p) if p is not None else None)
            for p, ts in targets.items() for t in ts]
    rows += [_row(p, indicator, None, a) for p, a in actuals.items() if p not in targets]
    return sorted(rows, key=lambda r: _period_key(r["period"], r["file"]))


def common_indicators(summaries: list[Record], share: float = COMMON_SHARE,
                      limit: int = COMMON_MAX) -> list[str]:
    """Known indicators with a headline target or achieved figure in the most files, most first."""
    seen: Counter[str] = Counter()
    for s in summaries:
        names = {r["indicator"] for r in s["targets"] if r["indicator"] != "other"}
        seen.update(n for n in names if headline_target(s["targets"], n, s["year"])
                    or headline_actual(s["targets"], n, s["year"]))
    need = max(2 if len(summaries) > 1 else 1, share * len(summaries))
    ranked = sorted((n for n, c in seen.items() if c >= need), key=lambda n: (-seen[n], n))
    return ranked[:limit]


def slogan_trend(summaries: list[Record], top: int = SLOGAN_TOP) -> list[Record]:
    """Rows (slogan, period): count and rate per 10,000 characters for the ``top`` slogans of
    the corpus (by total count), every period present so series are complete; ``first`` and
    ``last`` are the periods where the slogan appears first and last."""
    periods: dict[int | None, dict[str, Any]] = {}
    for s in sorted(summaries, key=lambda s: _period_key(s["year"], s["file"])):
        p = periods.setdefault(s["year"], {"chars": 0, "files": [], "slogans": {}})
        p["chars"] += s["chars"]
        p["files"].append(s["file"])
        for r in s["slogans"]:
            cur = p["slogans"].get(r["slogan"])
            p["slogans"][r["slogan"]] = dict(r) if cur is None else dict(cur, count=cur["count"] + r["count"])
    totals: Counter[str] = Counter()
    types: dict[str, str] = {}
    for p in periods.values():
        for name, r in p["slogans"].items():
            totals[name] += r["count"]
            types.setdefault(name, r["type"])
    chosen = sorted(totals, key=lambda n: (-totals[n], n))[:top]
    return [row for name in chosen for row in _slogan_series(name, types[name], totals[name], periods)]


def _slogan_series(name: str, type_: str, total: int, periods: dict[int | None, dict[str, Any]]) -> list[Record]:
    present = [p for p, d in periods.items() if name in d["slogans"]]
    rows = []
    for period, d in periods.items():
        r = d["slogans"].get(name, {})
        count = r.get("count", 0)
        rows.append({"file": r.get("file", d["files"][0]), "start": r.get("start"), "end": r.get("end"),
                     "line": r.get("line"), "text": r.get("text", ""), "slogan": name, "type": type_,
                     "period": period, "count": count, "chars": d["chars"],
                     "per_10k": round(count * RATE_CHARS / d["chars"], 3) if d["chars"] else 0.0,
                     "total": total, "first": present[0], "last": present[-1]})
    return rows


def report_data(summaries: list[Record], indicators: tuple[str, ...] | None = None,
                top: int = SLOGAN_TOP) -> Record:
    """Everything ``speechkit report`` shows, computed here so the HTML renderer only lays it
    out: per file (in period order) its meta, outline and targets; a trend block per indicator
    (given, or the common ones); the slogan trend."""
    ordered = sorted(summaries, key=lambda s: _period_key(s["year"], s["file"]))
    files = [{"file": s["file"], "year": s["year"], "chars": s["chars"], "title": (s.get("meta") or {}).get("title"),
              "outline": s.get("outline", []), "targets": [r for r in s["targets"] if r["kind"] == "target"]}
             for s in ordered]
    names = list(indicators) if indicators else common_indicators(summaries)
    trends = {name: rows for name in names if (rows := trend_rows(summaries, name))}
    slogans = slogan_trend(summaries, top)
    return {"files": files, "trends": trends, "slogans": slogans,
            "trend_series": {name: trend_series(rows) for name, rows in trends.items()},
            "slogan_series": slogan_series(slogans)}


def _low_high(rec: Record, prefix: str, measure: str | None) -> tuple[float | None, float | None]:
    found = indicator_measure({k[len(prefix):]: v for k, v in rec.items() if k.startswith(prefix)})
    if found is None or (measure is not None and found[0] != measure):
        return None, None
    return found[1], found[2]


def trend_series(rows: list[Record]) -> Record:
    """A trend block as chart series: per period the target's low and high end (and the range
    between them, None for a single figure) and the achieved figure, all in the block's main measure (growth, or an amount in one unit); a row in
    another measure is left out of the chart (it stays in the table)."""
    measures = Counter(m[0] for r in rows if (m := indicator_measure(r)) is not None)
    measure = measures.most_common(1)[0][0] if measures else None
    series: Record = {"measure": measure, "periods": [], "target_low": [], "target_high": [], "target_range": [],
                      "actual": [], "target_text": [], "actual_text": []}
    for r in rows:
        low, high = _low_high(r, "", measure)
        actual, _ = _low_high(r, "actual_", measure)
        series["periods"].append(r["period"])
        series["target_low"].append(low)
        series["target_high"].append(high)
        series["target_range"].append(high - low if low is not None and high != low else None)
        series["actual"].append(actual)
        series["target_text"].append(r["text"] if low is not None else None)
        series["actual_text"].append(r["actual_text"] if actual is not None else None)
    return series


def slogan_series(rows: list[Record]) -> Record:
    """Slogan trend rows as chart series: the periods, and per slogan its rate per period."""
    by_name: dict[str, list[Record]] = {}
    for r in rows:
        by_name.setdefault(r["slogan"], []).append(r)
    periods = [r["period"] for r in next(iter(by_name.values()), [])]
    return {"periods": periods, "series": [{"slogan": name, "type": rs[0]["type"], "total": rs[0]["total"],
                                            "per_10k": [r["per_10k"] for r in rs]} for name, rs in by_name.items()]}
