"""Extraction errors `speechkit trend` exposed on the national government work reports, each
pinned by the record now produced from the report text (tests/data/reports, copied from
../shared/corpora; the line is the report's line). Expected records were written by reading
the texts; then the rules behind each fix, in small tables."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import pytest

import speechkit
from speechkit.api import targets
from speechkit.config import Config
from speechkit.extractors.numbers import compile_reader, scan_quantities
from speechkit.records import target_records

REPORTS = Path(__file__).resolve().parent / "data" / "reports"
FIELDS = ("indicator", "value", "unit", "growth", "qualifier", "modality", "kind", "period", "period_text")


@lru_cache(maxsize=None)
def report(year: int) -> tuple[dict, ...]:
    doc = speechkit.load(str(REPORTS / f"gwr-{year}.txt"))
    return tuple(target_records(doc, targets(doc), "simplified"))


def record(year: int, line: int, text: str) -> dict:
    found = [r for r in report(year) if r["line"] == line and r["text"].replace("\n", "") == text]
    assert len(found) == 1, [r["text"] for r in report(year) if r["line"] == line]
    return {k: found[0][k] for k in FIELDS}


def recs(text: str, year: int | None = 2021) -> list[dict]:
    doc = speechkit.load(text=text)
    return target_records(doc, targets(doc, year=year), "simplified")


# 1. 2021 report, 回顾: "经过艰苦努力，我们率先实现复工复产，经济恢复好于预期，全年国内生产总值增长2.3%" —
# 好于预期 measures the outcome against expectations; it sets nothing. 全年 says no year: the
# section's 2020年 does (issue 10).
def test_2021_gdp_achieved_in_2020_is_actual():
    assert record(2021, 42, "国内生产总值增长2.3%") == dict(
        indicator="gdp", value=None, unit=None, growth=2.3, qualifier="exact", modality=None, kind="actual",
        period=2020, period_text="2020年")


# 2. 2018 report: the paragraph "五年来，经济实力跃上新台阶。…城镇新增就业6600万人以上" is a five-year
# total (no year); "刚刚过去的2017年，…城镇新增就业1351万人" is 2017's figure.
def test_2018_five_year_total_has_no_year_and_2017_jobs_are_actual():
    assert record(2018, 12, "城镇新增就业6600万人以上") == dict(
        indicator="new_urban_jobs", value=66e6, unit="person", growth=None, qualifier="at_least", modality=None,
        kind="actual", period=None, period_text="五年来")
    assert record(2018, 24, "城镇新增就业1351万人") == dict(
        indicator="new_urban_jobs", value=13.51e6, unit="person", growth=None, qualifier="exact", modality=None,
        kind="actual", period=2017, period_text="2017年")


# 3. 赤字率拟按…安排 with no 今年 in its sentence: the year comes from the section heading
# (2024: "二、2024年经济社会发展总体要求和政策取向"; 2023: "二、对今年政府工作的建议").
@pytest.mark.parametrize("year,line,period_text", [(2024, 81, "2024年"), (2023, 173, "今年")])
def test_deficit_ratio_target_written_with_ni_an_anpai(year, line, period_text):
    assert record(year, line, "赤字率拟按3%") == dict(
        indicator="deficit_ratio", value=3, unit="percent", growth=None, qualifier="exact", modality="拟",
        kind="target", period=year, period_text=period_text)


# 4. Shares of GDP and contributions to growth are not GDP.
@pytest.mark.parametrize("year,line,text,value,kind", [
    (2017, 48, "国内生产总值比重上升到51.6%", 51.6, "actual"),  # 服务业增加值占国内生产总值比重上升到51.6%
    (2016, 16, "经济增长的贡献率达到66.4%", 66.4, "actual"),  # 消费对经济增长的贡献率达到66.4%
    (2019, 196, "国内生产总值比例继续保持在4%以上", 4, "target"),  # 财政性教育经费占国内生产总值比例…
])
def test_shares_of_gdp_are_shares(year, line, text, value, kind):
    got = record(year, line, text)
    assert (got["indicator"], got["value"], got["unit"], got["growth"], got["kind"]) == \
        ("share", value, "percent", None, kind)


@pytest.mark.parametrize("year", [2014, 2015, 2016, 2017, 2018, 2019, 2021, 2022, 2023, 2024])
def test_no_gdp_record_is_a_share(year):
    for r in report(year):
        if r["indicator"] == "gdp":
            assert not any(w in r["text"] for w in ("比重", "比例", "贡献率", "占比")), r["text"]


# 5. 2017 report: "国内生产总值达到74.4⏎\u200b⏎万亿元，增长6.7%" — the number is broken across lines.
def test_2017_gdp_broken_across_lines_is_one_record():
    got = record(2017, 36, "国内生产总值达到74.4万亿元")
    assert got == dict(indicator="gdp", value=74.4e12, unit="CNY", growth=6.7, qualifier="exact", modality=None,
                       kind="actual", period=2016, period_text="2016年")


# The rules behind the fixes.
@pytest.mark.parametrize("text,kind,modality", [
    ("经济恢复好于预期，全年国内生产总值增长2.3%。", "actual", None),
    ("经济运行超出预期，去年国内生产总值增长8.1%。", "actual", None),
    ("主要指标符合预期，全年居民消费价格上涨2%。", "actual", None),
    ("预期增长13%左右。", "target", "预期"),
    ("今年发展主要预期目标是：国内生产总值增长5%左右。", "target", "预期"),
])
def test_outcome_against_expectation_is_no_cue(text, kind, modality):
    [r] = recs(text)
    assert (r["kind"], r["modality"]) == (kind, modality)


@pytest.mark.parametrize("text,period,period_text", [
    ("五年来，经济实力跃上新台阶。城镇新增就业6600万人以上。", None, "五年来"),
    ("过去五年，我们砥砺前行。城镇新增就业6600万人以上。", None, "过去五年"),
    ("刚刚过去的2017年，经济平稳。城镇新增就业1351万人。", 2017, "2017年"),
    ("过去一年，经济平稳。城镇新增就业1269万人。", 2020, "过去一年"),
    ("经济平稳。城镇新增就业1269万人。", None, None),
])
def test_period_from_the_paragraph_lead(text, period, period_text):
    [r] = recs(text)
    assert (r["period"], r["period_text"]) == (period, period_text)


def test_a_sentence_period_beats_the_paragraph_lead():
    [r] = recs("五年来，成就显著。去年城镇新增就业1186万人。")
    assert (r["period"], r["period_text"]) == (2020, "去年")


@pytest.mark.parametrize("text,indicator,value,growth", [
    ("服务业增加值占国内生产总值比重达到54.5%。", "share", 54.5, None),
    ("消费对经济增长的贡献率超过60%。", "share", 60, None),
    ("国内生产总值增长6.5%。", "gdp", None, 6.5),
])
def test_share_is_its_own_indicator(text, indicator, value, growth):
    [r] = recs(text)
    assert (r["indicator"], r["value"], r["growth"]) == (indicator, value, growth)


@pytest.fixture(scope="module")
def reader():
    return compile_reader(Config())


@pytest.mark.parametrize("text,values", [
    ("国内生产总值达到74.4\n\n万亿元，增长6.7%", [(74.4e12, "CNY"), (6.7, "percent")]),
    ("大众创业2015\n\n万众创新", []),  # a line starting with 万 but no unit after it
    ("三\n\n\n人民公社制度", []),  # a heading numeral, then a paragraph
    ("去年完成投资100\n亿元", [(100e8, "CNY")]),
    ("完成投资100\n\n\n\n亿元", []),  # more than a blank line between: not one number
])
def test_number_broken_before_its_magnitude(reader, text, values):
    assert [(q.value, q.unit) for q in scan_quantities(text, reader)] == values


def test_a_line_without_a_full_stop_still_ends_a_sentence():
    """Only a break inside a number is tolerated: a heading line (no 。) stays out of the
    sentence that follows it."""
    [r] = recs("一、2020年工作回顾\n国内生产总值增长2.3%。")
    assert r["sentence"] == "国内生产总值增长2.3%。"
