"""Table cells for trend, slogan-trend and diff records: formatting only (numbers to short
strings, bars scaled to the block), the same in a rich table and in plain text."""
from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from speechkit.lexicons.typed import DisplayLexicon

Record = dict[str, Any]

BAR_WIDTH = 20
SPARKS = "▁▂▃▄▅▆▇█"


@lru_cache(maxsize=1)
def display_lexicon() -> "DisplayLexicon":
    """How figures are shown to a reader (lexicons/display.yaml): names, units, qualifier marks."""
    from speechkit import lexicons
    from speechkit.lexicons.typed import DisplayLexicon

    return DisplayLexicon.of(lexicons.packaged("display"))


def _n(v: float) -> str:
    if abs(v) >= 1e8:
        return f"{v / 1e8:g}亿"
    if abs(v) >= 1e4:
        return f"{v / 1e4:g}万"
    return f"{v:g}"


def figure(value: Any, value_max: Any, growth: Any, growth_max: Any, unit: Any, qualifier: Any) -> str:
    """+6.5–7% · 1100万 person 以上 · 3 percent 左右; '' when nothing was found."""
    mark = display_lexicon().qualifier_marks.get(qualifier or "", "")
    if growth is not None:
        rng = f"–{growth_max:g}" if growth_max is not None else ""
        return f"{growth:+g}{rng}%{mark}"
    if value is not None:
        rng = f"–{_n(value_max)}" if value_max is not None else ""
        unit_ = "%" if unit == "percent" else f" {unit}" if unit else ""
        return f"{_n(value)}{rng}{unit_}{mark}"
    return ""


def _measure(r: Record, prefix: str = "") -> tuple[str, float, float] | None:
    """(scale, low, high): "percent" for growth rates, else the value's unit — a bar never puts
    a percent and an amount in yuan on one scale."""
    g, gm = r.get(prefix + "growth"), r.get(prefix + "growth_max")
    if g is not None:
        return "percent", abs(g), abs(gm if gm is not None else g)
    v, vm = r.get(prefix + "value"), r.get(prefix + "value_max")
    if v is not None:
        return str(r.get(prefix + "unit") or ""), abs(v), abs(vm if vm is not None else v)
    return None


def bar(target: tuple[float, float] | None, actual: tuple[float, float] | None, top: float) -> str:
    """█ up to the target, ▒ over its range, ◆ where the achieved figure falls."""
    if top <= 0:
        return ""
    cells = [" "] * BAR_WIDTH
    scale = (BAR_WIDTH - 1) / top
    if target is not None:
        low, high = round(target[0] * scale), round(target[1] * scale)
        for i in range(min(high, BAR_WIDTH - 1) + 1):
            cells[i] = "█" if i <= low else "▒"
    if actual is not None:
        cells[min(round(actual[0] * scale), BAR_WIDTH - 1)] = "◆"
    return "".join(cells).rstrip()


def _bar_cell(target_m: tuple[str, float, float] | None, actual_m: tuple[str, float, float] | None,
              scale: str, top: float) -> str:
    """The row's bar on the block's one scale; a figure on another scale is left out of it."""
    t = target_m[1:] if target_m and target_m[0] == scale else None
    a = actual_m[1:] if actual_m and actual_m[0] == scale else None
    return bar(t, a, top) if t or a else ""


def _scale(rows: list[Record]) -> tuple[str, float]:
    """The block's scale (the one most of its figures use; percent on a tie) and its top."""
    measures = [m for r in rows for m in (_measure(r), _measure(r, "actual_")) if m is not None]
    kinds = [m[0] for m in measures]
    scale = max(sorted(set(kinds), key=lambda k: k != "percent"), key=kinds.count, default="percent")
    return scale, max((m[2] for m in measures if m[0] == scale), default=0.0)


def trend_blocks(records: list[Record]) -> list[tuple[str, list[tuple[str, ...]]]]:
    """(indicator, rows) per indicator, in the records' order."""
    blocks: dict[str, list[Record]] = {}
    for r in records:
        blocks.setdefault(r["indicator"], []).append(r)
    out = []
    for indicator, rows in blocks.items():
        scale, top = _scale(rows)
        cells = []
        for r in rows:
            target = figure(r["value"], r["value_max"], r["growth"], r["growth_max"], r["unit"], r["qualifier"])
            actual = figure(r["actual_value"], r["actual_value_max"], r["actual_growth"], r["actual_growth_max"],
                            r["actual_unit"], None)
            if r["actual_growth"] is not None and r["growth"] is None and r["value"] is not None:
                actual = figure(r["actual_value"], None, None, None, r["actual_unit"], None)
            target_m = _measure(r) if r["growth"] is not None or r["value"] is not None else None
            source = f"{r['file']}:{r['line']}" if target else f"{r['actual_file']}:{r['actual_line']}"
            cells.append((str(r["period"] or "?"), target or "—", actual or "—",
                          _bar_cell(target_m, _measure(r, "actual_"), scale, top), source))
        out.append((indicator, cells))
    return out


def sparkline(values: list[float]) -> str:
    top = max(values, default=0)
    if top <= 0:
        return SPARKS[0] * len(values)
    return "".join(" " if v == 0 else SPARKS[min(len(SPARKS) - 1, int(v / top * (len(SPARKS) - 1) + 0.5))]
                   for v in values)


def slogan_trend_rows(records: list[Record]) -> tuple[str, list[tuple[str, ...]]]:
    """(periods label, one row per slogan with a sparkline of its rate per period)."""
    series: dict[str, list[Record]] = {}
    for r in records:
        series.setdefault(r["slogan"], []).append(r)
    periods = [str(r["period"] or "?") for r in next(iter(series.values()), [])]
    label = f"{periods[0]}–{periods[-1]}" if periods else "none"
    rows = []
    for name, rs in series.items():
        rates = [r["per_10k"] for r in rs]
        rows.append((name, rs[0]["type"], str(rs[0]["total"]), str(rs[0]["first"]), str(rs[0]["last"]),
                     sparkline(rates), " ".join(f"{v:.1f}" for v in rates)))
    return label, rows


def _side(v: Any, text: Any) -> str:
    if text:
        return str(text)
    return "" if v is None else f"{v:g}" if isinstance(v, float) else str(v)


def diff_rows(records: list[Record]) -> list[tuple[str, ...]]:
    return [(r["section"], r["change"], r["item"], _side(r["before"], r["before_text"]),
             _side(r["after"], r["after_text"])) for r in records]


def panel_rows(records: list[Record]) -> list[tuple[str, ...]]:
    """Cells of panel rows: jurisdiction, year, indicator, status, target, achieved, difference, source."""
    out = []
    for r in records:
        side = {k: r.get(f"target_{k}") for k in ("value", "value_max", "growth", "growth_max", "unit", "qualifier")}
        target = figure(**side) or (r.get("target_text") or "" if r["status"] in ("qualitative", "absent") else "")
        achieved = figure(*(r.get(f"achieved_{k}") for k in ("value", "value_max", "growth", "growth_max", "unit",
                                                             "qualifier")))
        diff = f"{r['difference']:+g}" if r.get("difference") is not None else ""
        where = f"{r['file']}:{r['line']}" if r.get("file") else ""
        out.append((r.get("jurisdiction_name") or "?", str(r["year"]), r["indicator"], r["status"], target or "—",
                    achieved or "—", diff, where))
    return out
