"""`speechkit report`: the data it shows (pure functions), the self-contained HTML page, and the
page opened in headless Chromium (Debian's chromium, installed by .ci/run): it renders every
chart as SVG and logs nothing to the console."""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from speechkit.cli import cli

DATA = Path(__file__).resolve().parent / "data"
REPORTS = [str(DATA / "reports" / f"gwr-{y}.txt") for y in (2021, 2022, 2023, 2024)] + \
    [str(DATA / "corpora" / "gwr-00-2025.txt")]
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync",
                  "--enable-logging=stderr", "--v=0", "--virtual-time-budget=10000"]


@pytest.fixture(scope="module")
def page(tmp_path_factory):
    from click.testing import CliRunner

    out = tmp_path_factory.mktemp("report") / "report.html"
    r = CliRunner().invoke(cli, ["report", *REPORTS, "--indicator", "gdp,cpi,new_urban_jobs", "-o", str(out)],
                           catch_exceptions=False)
    assert r.exit_code == 0 and r.stdout == "" and r.stderr == ""
    return out


def test_report_data_series(runner):
    r = runner.invoke(cli, ["report", *REPORTS, "--indicator", "gdp", "--top", "3", "--json"], catch_exceptions=False)
    data = json.loads(r.stdout)["files"][0]["records"][0]
    gdp = data["trend_series"]["gdp"]
    # achieved 2.3 (2020: the 2021 report's 全年国内生产总值增长2.3%, no target that year);
    # targets 6%以上 (2021), 5.5%左右, 5%左右, 5%左右, 5%左右; achieved 8.1 (2021), 3, 5.2, 5 (2024)
    assert gdp["measure"] == "growth" and gdp["periods"] == [2020, 2021, 2022, 2023, 2024, 2025]
    assert gdp["target_low"] == [None, 6, 5.5, 5, 5, 5] and gdp["target_range"] == [None] * 6
    assert gdp["actual"] == [2.3, 8.1, 3, 5.2, 5, None]
    slogans = data["slogan_series"]
    assert slogans["periods"] == [2021, 2022, 2023, 2024, 2025] and len(slogans["series"]) == 3
    assert [f["year"] for f in data["files"]] == [2021, 2022, 2023, 2024, 2025]
    assert r.exit_code == 0


def test_report_usage_errors(runner):
    r = runner.invoke(cli, ["report", REPORTS[0], "--csv"])  # report takes no --csv at all
    assert r.exit_code == 2 and "--csv" in r.stderr
    r = runner.invoke(cli, ["report", REPORTS[0], "--indicator", "gpd"])
    assert r.exit_code == 2


def test_page_is_self_contained_utf8(page):
    text = page.read_text(encoding="utf-8")
    assert text.startswith("<!DOCTYPE html>") and '<meta charset="utf-8">' in text
    assert not re.search(r"<script[^>]+src=|<link[^>]+href=|@import|url\(\s*['\"]?https?:", text)
    assert "Plotly.newPlot" in text and text.count("Plotly.newPlot") == 4  # 3 trends + slogans
    assert "国内生产总值增长5.5%左右" in text  # the 2022 target in the targets table
    assert "2024年经济社会发展总体要求和政策取向" in text  # an outline heading


@pytest.mark.skipif(not os.path.exists(CHROMIUM) and not os.environ.get("CI"),
                    reason="chromium not installed (.ci/run installs it)")
def test_page_renders_in_chromium_without_console_errors(page, tmp_path):
    run = subprocess.run([CHROMIUM, *CHROMIUM_FLAGS, f"--user-data-dir={tmp_path / 'profile'}", "--dump-dom",
                          page.as_uri()], capture_output=True, text=True, timeout=120)
    dom, log = run.stdout, run.stderr
    assert run.returncode == 0, log[-2000:]
    console = [line for line in log.splitlines() if ":CONSOLE" in line]
    assert console == []
    for div in ("trend-0", "trend-1", "trend-2", "slogans"):
        graph = re.search(rf'<div id="{div}" class="plotly-graph-div js-plotly-plot".*?</div></div></div>', dom, re.S)
        assert graph and 'class="main-svg"' in graph.group(0), div
    assert len(re.findall(r'class="trace bars"', dom)) == 3  # the target bars of each trend chart
    assert len(re.findall(r'class="trace scatter', dom)) >= 3 + 10 - 7  # achieved lines + slogan lines
    assert "国内生产总值 · 增长 %" in dom  # chart titles drawn as SVG text, in words


def test_chart_titles_and_units_in_words():
    from speechkit.render.as_html import trend_figure

    series = {"measure": "value:CNY", "periods": [2023, 2024], "target_low": [4.94e9, 5e9],
              "target_range": [None, 1e8], "actual": [5.1e9, None], "target_text": ["", ""], "actual_text": ["", ""]}
    fig = trend_figure("fiscal_revenue", series)
    assert fig["layout"]["title"]["text"] == "财政收入 · 亿元"
    assert fig["data"][0]["y"] == [49.4, 50] and fig["data"][1]["y"] == [51, None]
    jobs = trend_figure("new_urban_jobs", {**series, "measure": "value:person", "target_low": [1.2e7, 1.1e7]})
    assert jobs["layout"]["title"]["text"] == "城镇新增就业 · 万人" and jobs["data"][0]["y"] == [1200, 1100]
    assert trend_figure("gdp", {**series, "measure": "growth"})["layout"]["title"]["text"] == "国内生产总值 · 增长 %"


def test_every_indicator_has_a_display_name():
    from speechkit import lexicons

    names = lexicons.packaged("display")["indicators"]
    assert set(lexicons.packaged("indicators")["indicators"]) | {"other"} <= set(names)


def test_every_speech_has_a_title_and_a_numeric_period(page):
    text = page.read_text(encoding="utf-8")
    rows = re.findall(r'<tr><td class="num">(\d{4})</td><td>([^<]+)</td><td>([^<]+)</td>', text)
    assert len(rows) == len(REPORTS) and all(title.strip() for _, title, _ in rows)
    from speechkit.render.as_html import speech_title

    assert speech_title({"title": None, "file": "reports/gwr-2021.txt"}) == "gwr-2021"
    assert speech_title({"title": "政府工作报告", "file": "x.txt"}) == "政府工作报告"
