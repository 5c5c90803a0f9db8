"""`speechkit trend` over the national government work reports 2014-2025 (tests/data/reports and
tests/data/corpora/gwr-00-2025.txt, copied from ../shared/corpora). Every expected figure below
was read off the report text (the line is in each comment's file)."""
from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from speechkit.cli import cli
from speechkit.analysis.trend import slogan_trend, trend_rows
from speechkit.extractors.year import speech_year
from speechkit.records import FIELDS

DATA = Path(__file__).resolve().parent / "data"
REPORTS = sorted(str(p) for p in (DATA / "reports").glob("gwr-*.txt")) + [str(DATA / "corpora" / "gwr-00-2025.txt")]

# period: (target growth, growth_max, qualifier) as set in that year's report ("今年…国内生产总值
# 增长7%左右"), and the growth reported as achieved for that year by the next year's report.
# None: the texts give none we can read. 2019: no 2020 report in the corpus; 2020: the 2020
# report set no GDP target. 2016 actual 6.7%: the 2017 text breaks the number across lines
# ("国内生产总值达到74.4\n\u200b\n万亿元，增长6.7%"). 2020 actual 2.3%: "经济恢复好于预期，全年
# 国内生产总值增长2.3%" (2021) — 好于预期 is no target cue.
GDP = {
    2013: (None, None, None, 7.7),   # 2014: 国内生产总值达到56.9万亿元，比上年增长7.7%
    2014: (7.5, None, "approx", 7.4),
    2015: (7, None, "approx", 6.9),
    2016: (6.5, 7, "exact", 6.7),    # 2016: 国内生产总值增长6.5%－7%
    2017: (6.5, None, "approx", 6.9),  # 2018: 国内生产总值增长6.9% (not 年均增长7.1% of five years)
    2018: (6.5, None, "approx", 6.6),
    2019: (6, 6.5, "exact", None),
    2020: (None, None, None, 2.3),
    2021: (6, None, "at_least", 8.1),  # 2021: 国内生产总值增长6%以上
    2022: (5.5, None, "approx", 3),
    2023: (5, None, "approx", 5.2),  # 2024: 国内生产总值超过126万亿元，增长5.2%
    2024: (5, None, "approx", 5),
    2025: (5, None, "approx", None),
}
# 城镇新增就业: targets in persons (1000万人以上 …) and achieved counts. 2017's is 1351万人, not the
# five-year total (五年来…城镇新增就业6600万人以上) the 2018 report opens with.
JOBS_TARGET = {2014: (1e7, "at_least"), 2015: (1e7, "at_least"), 2016: (1e7, "at_least"),
               2017: (1.1e7, "at_least"), 2018: (1.1e7, "at_least"), 2019: (1.1e7, "at_least"),
               2021: (1.1e7, "at_least"), 2022: (1.1e7, "at_least"), 2023: (1.2e7, "approx"),
               2024: (1.2e7, "at_least"), 2025: (1.2e7, "at_least")}
JOBS_ACTUAL = {2013: 1310e4, 2014: 1322e4, 2015: 1312e4, 2016: 1314e4, 2017: 1351e4, 2018: 1361e4, 2020: 1186e4,
               2021: 1269e4, 2022: 1206e4, 2023: 1244e4, 2024: 1256e4}


def invoke(runner, *args):
    r = runner.invoke(cli, list(args), catch_exceptions=False)
    return r.exit_code, r.stdout, r.stderr


@pytest.fixture(scope="module")
def summaries():
    from speechkit import api
    from speechkit.config import Config
    from speechkit.api import file_summary

    config = Config()
    return [file_summary(api.load(p), config, ("targets", "slogans")) for p in REPORTS]


def test_speech_year_from_date_name_or_periods():
    assert speech_year("2017-03-05", "x/gwr-2016.txt") == 2017
    assert speech_year(None, "corpora/gwr-00-2025.txt") == 2025
    assert speech_year(None, "speech.txt", [2020, 2021, 2021, None]) == 2021
    assert speech_year(None, "speech-12345.txt") is None


def test_years_of_the_reports(summaries):
    assert [s["year"] for s in summaries] == [2014, 2015, 2016, 2017, 2018, 2019, 2021, 2022, 2023, 2024, 2025]


def test_gdp_trend_rows_match_the_texts(summaries):
    rows = trend_rows(summaries, "gdp")
    got = {r["period"]: (r["growth"], r["growth_max"], r["qualifier"], r["actual_growth"]) for r in rows}
    assert got == GDP
    assert [r["period"] for r in rows] == sorted(GDP)
    row = next(r for r in rows if r["period"] == 2017)
    assert row["file"].endswith("gwr-2017.txt") and row["text"] == "国内生产总值增长6.5%左右"
    assert row["actual_file"].endswith("gwr-2018.txt") and row["actual_text"] == "国内生产总值增长6.9%"


def test_jobs_trend_rows_match_the_texts(summaries):
    rows = {r["period"]: r for r in trend_rows(summaries, "new_urban_jobs")}
    assert {p: (r["value"], r["qualifier"]) for p, r in rows.items() if r["value"] is not None} == JOBS_TARGET
    assert all(r["unit"] == "person" for r in rows.values() if r["value"] is not None)
    actual = {p: r["actual_value"] for p, r in rows.items() if r["actual_value"] is not None}
    assert actual == JOBS_ACTUAL


def test_slogan_trend_counts_rates_and_span(summaries):
    rows = slogan_trend(summaries, top=5)
    names = list(dict.fromkeys(r["slogan"] for r in rows))
    assert len(names) == 5 and names[0] == "一带一路"
    series = [r for r in rows if r["slogan"] == "一带一路"]
    assert [r["period"] for r in series] == [s["year"] for s in summaries]  # every period, zeros too
    assert series[0]["count"] == 0 and series[0]["first"] == 2015 and series[0]["last"] == 2025
    texts = {p: Path(p).read_text(encoding="utf-8") for p in REPORTS}
    for r, s in zip(series, summaries):
        assert r["count"] == texts[s["file"]].count("一带一路"), s["file"]
        assert r["per_10k"] == round(r["count"] * 10_000 / s["chars"], 3)
    plan = [r for r in rows if r["slogan"] == "十三五"]
    assert plan and (plan[0]["first"], plan[0]["last"]) == (2015, 2021)


def test_cli_gdp_json_and_csv(runner):
    code, out, err = invoke(runner, "trend", *REPORTS, "--indicator", "gdp", "--json")
    doc = json.loads(out)
    assert code == 0 and err == "" and doc["command"] == "trend"
    rows = doc["files"][0]["records"]
    assert [r["period"] for r in rows] == sorted(GDP) and {r["indicator"] for r in rows} == {"gdp"}
    code, out, _ = invoke(runner, "trend", *REPORTS[-3:], "--indicator", "gdp", "--csv")
    table = list(csv.reader(io.StringIO(out)))
    assert code == 0 and table[0] == FIELDS["trend"]
    assert [r[table[0].index("period")] for r in table[1:]] == ["2022", "2023", "2024", "2025"]


def test_cli_plain_table_with_bars(runner):
    code, out, _ = invoke(runner, "trend", *REPORTS[-2:], "--indicator", "gdp")
    lines = out.splitlines()
    assert code == 0 and lines[0] == "== gdp"
    period, target, achieved, bar, source = lines[1].split("\t")
    assert (period, target, achieved) == ("2023", "—", "+5.2%") and bar.strip() == "◆"
    period, target, achieved, bar, source = lines[2].split("\t")
    assert (period, target, achieved) == ("2024", "+5%左右", "+5%") and "█" in bar and "◆" in bar
    assert source.endswith("gwr-2024.txt:75")


def test_cli_default_blocks_are_the_common_indicators(runner):
    code, out, _ = invoke(runner, "trend", *REPORTS, "--jsonl")
    indicators = list(dict.fromkeys(json.loads(line)["indicator"] for line in out.splitlines()))
    assert code == 0 and {"gdp", "cpi", "new_urban_jobs", "unemployment_rate"} <= set(indicators)


def test_cli_slogans(runner):
    code, out, _ = invoke(runner, "trend", *REPORTS, "--slogans", "--top", "3", "--jsonl")
    rows = [json.loads(line) for line in out.splitlines()]
    assert code == 0 and len(rows) == 3 * len(REPORTS) and set(FIELDS["trend_slogans"]) == set(rows[0])
    code, out, _ = invoke(runner, "trend", *REPORTS, "--slogans", "--top", "3")
    assert out.splitlines()[0].startswith("== per 10,000 characters, periods 2014–2025")
    assert out.splitlines()[1].split("\t")[:5] == ["一带一路", "formula", "40", "2015", "2025"]


def test_errors_and_usage(runner, tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    code, out, err = invoke(runner, "trend", REPORTS[-1], str(tmp_path / "missing.txt"), str(empty),
                            "--indicator", "gdp", "--jsonl")
    assert code == 1 and len(err.strip().splitlines()) == 2 and "missing.txt" in err and "Traceback" not in err
    assert [json.loads(line)["period"] for line in out.splitlines()] == [2024, 2025]
    code, _, err = invoke(runner, "trend", REPORTS[-1], "--indicator", "gpd")
    assert code == 2 and "unknown indicator 'gpd'" in err
    code, _, err = invoke(runner, "trend", REPORTS[-1], "--indicator", "gdp", "--slogans")
    assert code == 2
