"""A research panel over many texts (``speechkit panel FILES``): one row per (jurisdiction,
year, indicator) with the target the year's text sets, the figure reported as achieved for
that year, their difference and where both were read; ``status`` says what the texts say:

- ``found``: a numeric target;
- ``qualitative``: a target without a figure (居民收入增长和经济增长同步, 完成省下达的任务);
- ``absent``: the text says it sets no target for it (没有提出全年经济增速具体目标);
- ``not_found``: the year's texts say nothing of it (or there is no text of that year).

Pure functions over per-file summaries (see ``analysis/trend.py``), as trend and diff are;
``panel_summary`` builds one in the worker, where the text is at hand.
"""
from __future__ import annotations

import re
from typing import Any

from speechkit.analysis.trend import (_clause_of, headline_actual, headline_target, indicator_measure, is_average,
                                        is_share)
from speechkit.extractors.year import YEAR, speech_year
from speechkit.lexicons.typed import IndicatorsLexicon, PanelLexicon

Record = dict[str, Any]

STATUSES = ("found", "qualitative", "absent", "not_found")
JURISDICTION = ("jurisdiction_name", "jurisdiction_level", "jurisdiction_code")
_CLAUSE = re.compile(r"[^，,；;。！？\n]+")
_SENTENCE = re.compile(r"[^。！？；;\n]+[。！？；;]?")
# 比2002年增长65.5%: growth over a base year, which is one year's growth only when the base is
# the year before
_BASE_YEAR = re.compile(rf"比(?P<y>{YEAR})年")


def _alias_index(config: Any) -> list[tuple[str, str]]:
    """(alias, indicator id), longest alias first, so 人均生产总值 wins over 生产总值."""
    table = IndicatorsLexicon.of(config.lexicon("indicators")).indicators
    pairs = [(a, ind) for ind, spec in table.items() for a in spec.aliases]
    return sorted(pairs, key=lambda p: -len(p[0]))


def _first_indicator(clause: str, aliases: list[tuple[str, str]]) -> str | None:
    """The indicator named first in the clause (居民收入增长和经济增长同步 -> disposable_income)."""
    best = None
    for alias, ind in aliases:
        i = clause.find(alias)
        if i >= 0 and (best is None or i < best[0]):
            best = (i, ind)
    return best[1] if best else None


def statements(doc: Any, config: Any) -> list[Record]:
    """Statements about a target that carry no figure: ``qualitative`` and ``absent`` ones,
    each with its indicator, the raw span of the clause and the sentence."""
    from speechkit.records import base

    lex = PanelLexicon.of(config.lexicon("panel"))
    aliases = _alias_index(config)
    absent = [re.compile(p) for p in lex.absent_patterns]
    qualitative = [re.compile(p) for p in lex.qualitative_patterns]
    out = []
    for sm in _SENTENCE.finditer(doc.norm):
        sentence = sm.group()
        for cm in _CLAUSE.finditer(sentence):
            clause = cm.group()
            if any(rx.search(clause) for rx in absent):
                status = "absent"
            elif any(rx.search(clause) for rx in qualitative) and any(c in sentence for c in lex.target_cues):
                status = "qualitative"
            else:
                continue
            ind = _first_indicator(clause, aliases)
            if ind is None:
                continue
            s = sm.start() + cm.start()
            rec = base(doc, s, s + len(clause), "original")
            rec.update(indicator=ind, status=status, sentence=doc.clean[sm.start():sm.end()].strip())
            out.append(rec)
    return out


def panel_summary(doc: Any, config: Any, script: str = "original") -> Record:
    """One file's summary for the panel: targets, meta (jurisdiction, year) and statements.
    ``year`` is the year the text speaks from (meta.year), else trend's speech year."""
    from speechkit.api import file_summary

    summary = file_summary(doc, config, ("targets", "meta"), script)
    meta = summary["meta"]
    if meta.get("year") is not None:
        summary["year"] = meta["year"]
    elif summary["year"] is None:
        summary["year"] = speech_year(None, doc.source.name)
    summary["statements"] = statements(doc, config)
    return summary


def _point(low: float | None, high: float | None) -> float | None:
    """A range's midpoint (6–6.5% -> 6.25), else the figure itself."""
    if low is None:
        return None
    return (low + high) / 2 if high is not None else low


def _side(prefix: str, rec: Record | None) -> Record:
    rec = rec or {}
    out = {f"{prefix}_{k}": rec.get(k) for k in ("value", "value_max", "growth", "growth_max", "unit", "qualifier",
                                                  "text", "file", "start", "end", "line", "sentence")}
    return out


def difference(target: Record | None, achieved: Record | None) -> float | None:
    """Achieved minus target in the target's measure (growth points, or the unit's amount),
    the target taken at its midpoint when it is a range; None when they do not compare."""
    if target is None or achieved is None:
        return None
    t, a = indicator_measure(target), indicator_measure(achieved)
    if t is None or a is None or t[0] != a[0]:
        return None
    return round(_point(a[1], a[2] if a[2] != a[1] else None) - _point(t[1], t[2] if t[2] != t[1] else None), 6)


def _multi_year(rec: Record, year: int) -> bool:
    """A growth over a base year other than the year before ``year`` (a 2007 figure 比2002年增长)."""
    if rec.get("growth") is None:
        return False
    m = _BASE_YEAR.search(_clause_of(rec.get("sentence") or "", rec["growth"]))
    return m is not None and int(m.group("y")) != year - 1


def achieved_in_review(records: list[Record], indicator: str, year: int, measure: str | None) -> Record | None:
    """The figure a text of ``year + 1`` reports as achieved in ``year``: trend's headline
    achieved figure, growth over an older base year left out; else the first figure of the
    indicator the text dates to ``year`` whatever its kind (a figure for a past year is
    reported, not set)."""
    single = [r for r in records if not _multi_year(r, year)]
    found = headline_actual(single, indicator, year + 1, measure)
    if found is not None:
        return found
    for rec in single:
        m = indicator_measure(rec)
        if rec["indicator"] == indicator and rec.get("period") == year and m is not None \
                and (measure is None or m[0] == measure) and not rec.get("masked") \
                and not is_share(rec) and not is_average(rec):
            return rec
    return None


def _same_year_actual(summaries: list[Record], indicator: str, year: int, measure: str | None) -> Record | None:
    """An achieved figure a text of ``year`` dates to that very year (a year-end review)."""
    for s in summaries:
        for rec in s["targets"]:
            if rec["indicator"] == indicator and rec["kind"] == "actual" and rec.get("period") == year:
                found = indicator_measure(rec)
                if found is not None and (measure is None or found[0] == measure):
                    return rec
    return None


def _status(target: Record | None, notes: list[Record]) -> tuple[str, Record | None]:
    if target is not None:
        return "found", None
    for status in ("absent", "qualitative"):
        note = next((n for n in notes if n["status"] == status), None)
        if note is not None:
            return status, note
    return "not_found", None


def _group_key(s: Record) -> tuple[Any, ...]:
    meta = s.get("meta") or {}
    return tuple(meta.get(k) for k in JURISDICTION)


def panel_rows(summaries: list[Record], indicators: list[str]) -> list[Record]:
    """Rows per (jurisdiction, year, indicator), ordered by jurisdiction, indicator and year.
    A year has a row when a text of it, or the next year's review, is among the files."""
    groups: dict[tuple[Any, ...], list[Record]] = {}
    for s in summaries:
        groups.setdefault(_group_key(s), []).append(s)
    rows = []
    for key, group in groups.items():
        by_year: dict[int, list[Record]] = {}
        for s in group:
            if s["year"] is not None:
                by_year.setdefault(s["year"], []).append(s)
        years = sorted(set(by_year) | {y - 1 for y in by_year})
        for ind in indicators:
            rows += _indicator_rows(key, by_year, years, ind)
    return rows


def _indicator_rows(key: tuple[Any, ...], by_year: dict[int, list[Record]], years: list[int],
                    indicator: str) -> list[Record]:
    rows = []
    for year in years:
        texts, reviews = by_year.get(year, []), by_year.get(year + 1, [])
        target = next((t for s in texts if (t := headline_target(s["targets"], indicator, year))), None)
        measure = indicator_measure(target)[0] if target else None
        achieved = next((a for s in reviews if (a := achieved_in_review(s["targets"], indicator, year, measure))),
                        None) or _same_year_actual(texts, indicator, year, measure)
        if not texts and achieved is None:
            continue
        status, note = _status(target, [n for s in texts for n in s.get("statements", [])
                                        if n["indicator"] == indicator])
        rows.append(_row(key, year, indicator, status, target or note, achieved, difference(target, achieved)))
    return rows


def _row(key: tuple[Any, ...], year: int, indicator: str, status: str, target: Record | None,
         achieved: Record | None, diff: float | None) -> Record:
    anchor = target or achieved or {}
    row: Record = {k: anchor.get(k) for k in ("file", "start", "end", "line", "text")}
    row.update(dict(zip(JURISDICTION, key)), year=year, indicator=indicator, status=status)
    row.update(_side("target", target))
    row.update(_side("achieved", achieved))
    row["difference"] = diff
    return row
