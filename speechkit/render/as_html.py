"""`speechkit report`: one self-contained HTML page (no network when viewed).

Charts are plotly.js figures: plotly's Python package ships the minified plotly.js, which is
inlined once into the page, and its ``to_html`` writes each figure's div and script. The data
comes ready from ``analysis/trend.report_data``; this module only lays it out.
"""
from __future__ import annotations

import html
from typing import IO, TYPE_CHECKING, Any

if TYPE_CHECKING:
    from speechkit.lexicons.typed import DisplayLexicon

Record = dict[str, Any]

# Chinese first: without a CJK font named, some systems pick a Japanese face for 汉字.
FONT = ('"Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", '
        '"WenQuanYi Micro Hei", system-ui, sans-serif')
TARGET_COLOR, ACTUAL_COLOR = "#4c78a8", "#e45756"
CHART_HEIGHT = 320
# plotly's chart bar (zoom, pan, PNG download) without the plotly link and logo
PLOTLY_CONFIG = {"displaylogo": False, "responsive": True}

CSS = f"""
body {{ font-family: {FONT}; margin: 0 auto; max-width: 1100px; padding: 1.5em; color: #222; }}
h1 {{ font-size: 1.6em; margin-bottom: .2em; }} h2 {{ border-bottom: 1px solid #ddd; padding-bottom: .2em; }}
.sub {{ color: #666; margin-top: 0; }} .charts {{ display: grid; grid-template-columns: 1fr 1fr; gap: 1em; }}
.chart {{ border: 1px solid #eee; border-radius: 6px; }}
table {{ border-collapse: collapse; width: 100%; font-size: .9em; margin: .5em 0 1em; }}
th, td {{ border-bottom: 1px solid #eee; padding: .3em .5em; text-align: left; vertical-align: top; }}
th {{ background: #f6f6f6; }} td.num {{ text-align: right; white-space: nowrap; }}
details {{ margin: .4em 0; }} summary {{ cursor: pointer; font-weight: 600; }}
ul.outline {{ list-style: none; padding-left: 1.2em; margin: .2em 0; }} .line {{ color: #999; font-size: .8em; }}
.errors {{ color: #b00; }}
"""


def _e(v: Any) -> str:
    return html.escape("" if v is None else str(v))


def _x(periods: list[Any]) -> list[str]:
    return [str(p) if p is not None else "?" for p in periods]


def _figure_html(fig: Record, div_id: str, first: bool) -> str:
    import plotly.io as pio

    fig["layout"] = {"font": {"family": FONT}, "height": CHART_HEIGHT, "margin": {"l": 50, "r": 20, "t": 50, "b": 40},
                     "legend": {"orientation": "h", "y": -0.2}, "xaxis": {"type": "category"}, **fig["layout"]}
    return pio.to_html(fig, include_plotlyjs=first, full_html=False, div_id=div_id, config=PLOTLY_CONFIG,
                       include_mathjax=False)


def _display() -> DisplayLexicon:
    from speechkit.render.trend_cells import display_lexicon

    return display_lexicon()


def _scaled(values: list[Any], divisor: int) -> list[Any]:
    return [None if v is None else v / divisor for v in values]


def trend_figure(indicator: str, s: Record, display: DisplayLexicon | None = None) -> Record:
    """A chart titled in words: 国内生产总值 · 增长 %, 财政收入 · 亿元 (amounts scaled to the unit shown)."""
    from speechkit.lexicons.typed import DisplayUnit

    display = display or _display()
    measure = s["measure"] or ""
    base = measure.replace("value:", "")
    unit = display.units.get(base, DisplayUnit(base, 1))
    label, divisor = (display.growth, 1) if measure == "growth" else (unit.label, unit.divisor)
    name = display.indicators.get(indicator, indicator)
    x = _x(s["periods"])
    target = {"type": "bar", "name": "目标 target", "x": x, "y": _scaled(s["target_low"], divisor),
              "marker": {"color": TARGET_COLOR},
              "error_y": {"type": "data", "symmetric": False, "array": _scaled(s["target_range"], divisor),
                          "arrayminus": [0] * len(x)},
              "customdata": s["target_text"], "hovertemplate": "%{x}: %{customdata}<extra>目标</extra>"}
    actual = {"type": "scatter", "mode": "lines+markers", "name": "实际 achieved", "x": x,
              "y": _scaled(s["actual"], divisor), "line": {"color": ACTUAL_COLOR}, "customdata": s["actual_text"],
              "hovertemplate": f"%{{x}}: %{{customdata}} (%{{y}} {html.escape(label)})<extra>实际</extra>"}
    return {"data": [target, actual], "layout": {"title": {"text": f"{name} · {label}"},
                                                 "yaxis": {"title": {"text": label}}}}


def slogan_figure(s: Record) -> Record:
    x = _x(s["periods"])
    data = [{"type": "scatter", "mode": "lines+markers", "name": sl["slogan"], "x": x, "y": sl["per_10k"],
             "hovertemplate": f"{html.escape(sl['slogan'])} %{{x}}: %{{y}} / 10k<extra></extra>"}
            for sl in s["series"]]
    return {"data": data, "layout": {"title": {"text": "slogans 口号 · per 10,000 characters"}}}


def _charts(data: Record) -> str:
    parts, first = [], True
    display = _display()
    for i, (name, series) in enumerate(data["trend_series"].items()):
        fig = trend_figure(name, series, display)
        parts.append(f'<div class="chart">{_figure_html(fig, f"trend-{i}", first)}</div>')
        first = False
    trend = f'<h2>Trends 趋势</h2><div class="charts">{"".join(parts)}</div>' if parts else ""
    slogans = ""
    if data["slogan_series"]["series"]:
        fig = slogan_figure(data["slogan_series"])
        fig["layout"]["height"] = 420
        slogans = f'<h2>Slogans 口号</h2><div class="chart">{_figure_html(fig, "slogans", first)}</div>'
    return trend + slogans


def _amount(r: Record) -> str:
    from speechkit.render.trend_cells import figure

    return figure(r["value"], r["value_max"], r["growth"], r["growth_max"], r["unit"], r["qualifier"])


def _targets_table(f: Record) -> str:
    rows = "".join(f'<tr><td class="num">{r["line"]}</td><td>{_e(r["indicator"])}</td>'
                   f'<td class="num">{_e(_amount(r))}</td><td>{_e(r["modality"])}</td>'
                   f'<td>{_e(r["period_text"])}</td><td>{_e(r["text"])}</td></tr>' for r in f["targets"])
    head = "<tr><th>line</th><th>indicator</th><th>figure</th><th>modality</th><th>period</th><th>text</th></tr>"
    body = f"<table>{head}{rows}</table>" if rows else "<p>no targets found</p>"
    return f'<details><summary>{_e(speech_title(f))} · {len(f["targets"])} targets</summary>{body}</details>'


def _outline_tree(f: Record) -> str:
    children: dict[Any, list[Record]] = {}
    for h in f["outline"]:
        children.setdefault(h["parent"], []).append(h)

    def branch(parent: Any) -> str:
        items = "".join(f'<li>{_e(h["marker"])}{_e(h["title"])} <span class="line">line {h["line"]}</span>'
                        f'{branch(h["id"])}</li>' for h in children.get(parent, []))
        return f'<ul class="outline">{items}</ul>' if items else ""

    body = branch(None) or "<p>no headings found</p>"
    return f'<details><summary>{_e(speech_title(f))} · {len(f["outline"])} headings</summary>{body}</details>'


def speech_title(f: Record) -> str:
    """Every speech has a title: its meta title, else its file name without folder and suffix."""
    from pathlib import PurePath

    return f.get("title") or PurePath(f["file"]).stem


def _files_table(files: list[Record]) -> str:
    rows = "".join(f'<tr><td class="num">{_e(f["year"] if f["year"] is not None else "")}</td>'
                   f'<td>{_e(speech_title(f))}</td><td>{_e(f["file"])}</td>'
                   f'<td class="num">{f["chars"]:,}</td></tr>' for f in files)
    return f"<table><tr><th>年份 year</th><th>标题 title</th><th>file</th><th>字数 characters</th></tr>{rows}</table>"


def render_page(data: Record | None, errors: list[tuple[str, str]]) -> str:
    data = data or {"files": [], "trend_series": {}, "slogan_series": {"series": []}}
    files = data["files"]
    years = [f["year"] for f in files if f["year"] is not None]
    span = f"{min(years)}–{max(years)}" if years else "no dated speeches"
    errs = "".join(f"<li>{_e(f)}: {_e(m)}</li>" for f, m in errors)
    return f"""<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>speechkit report · {_e(span)}</title><style>{CSS}</style></head><body>
<h1>speechkit report</h1><p class="sub">{len(files)} speeches · {_e(span)}</p>
{f'<ul class="errors">{errs}</ul>' if errs else ''}
{_files_table(files)}
{_charts(data)}
<h2>Targets 目标</h2>{"".join(_targets_table(f) for f in files)}
<h2>Outline 提纲</h2>{"".join(_outline_tree(f) for f in files)}
</body></html>
"""


class HtmlRenderer:
    def __init__(self, out: IO[str], command: str, options: dict[str, Any]):
        self.out = out
        self.data: Record | None = None
        self.errors: list[tuple[str, str]] = []

    def add(self, file: str, encoding: str, records: list[Record]) -> None:
        self.data = records[0] if records else None

    def error(self, file: str, message: str) -> None:
        self.errors.append((file, message))

    def end(self) -> None:
        self.out.write(render_page(self.data, self.errors))
