"""Issue 10, national reports: the year a work report speaks from (the year it plans for) comes
from its own words, and ``targets`` run without a year uses it; the plan part of a report
(总体要求和政策取向) makes a cue-less budget figure a target. Short texts written for these tests."""
from __future__ import annotations

import pytest

import speechkit
from speechkit.api import meta, targets
from speechkit.records import target_records

OPEN = "各位代表：\n现在，我代表国务院，向大会报告政府工作，请予审议。\n"


@pytest.mark.parametrize("body,year", [
    ("一、2029年工作回顾\n过去一年，经济平稳。\n", 2030),  # the review looks back on the year before
    ("一、2029年国内工作的回顾\n经济平稳。\n", 2030),  # older reports: 国内工作的回顾
    ("一、过去五年工作回顾\n五年来，经济平稳。\n二、2030年经济社会发展总体要求和政策取向\n今年要稳中求进。\n", 2030),
    ("一、过去五年的工作\n五年来，经济平稳。\n三、对2030年政府工作的建议\n今年要稳中求进。\n", 2030),
    ("一、“十五”时期的回顾\n五年来，经济平稳。\n三、2030年的工作\n今年要稳中求进。\n", 2030),
    # a statement "YYYY年是…": the year its paragraph calls 今年, or the year after the one it calls 去年
    ("各位代表！\n2030年是实施新规划的第一年。做好今年的工作，意义重大。\n", 2030),
    ("2029年是极不平凡的一年。去年这个时候，形势严峻。\n", 2030),
    ("一、关于过去五年的政府工作\n五年来，经济平稳。\n二、关于2 0 3 0 年政府工作的建议\n", 2030),  # letter-spaced
    # a year the report only looks ahead to is not the year it speaks from
    ("一、过去五年的工作\n到2035年基本实现现代化，2035年远景目标已经确定。\n", None),
])
def test_the_year_a_report_speaks_from(body, year):
    assert meta(speechkit.load(text=OPEN + body)).year == year


def test_targets_without_a_year_use_the_reports_own_year():
    # the text names 2035 most often; the plan heading says which year 今年 is
    text = (OPEN + "一、过去五年工作回顾\n到2035年，2035年远景目标，2035年基本实现。\n"
            "二、2030年经济社会发展总体要求和政策取向\n今年发展主要预期目标是：国内生产总值增长5%左右；"
            "城镇新增就业1200万人以上。\n")
    doc = speechkit.load(text=text)
    got = [(r["indicator"], r["kind"], r["period"]) for r in target_records(doc, targets(doc), "simplified")
           if r["indicator"] in ("gdp", "new_urban_jobs")]
    assert got == [("gdp", "target", 2030), ("new_urban_jobs", "target", 2030)]


@pytest.mark.parametrize("heading,kind", [
    ("二、2030年经济社会发展总体要求和政策取向", "target"),  # the plan part of the report
    ("一、2029年工作回顾", "actual"),  # the review
])
def test_a_budget_figure_takes_the_kind_of_its_part_of_the_report(heading, kind):
    text = OPEN + f"{heading}\n\n实施积极的财政政策。一般公共预算支出规模31.2万亿元、比上年增加1.5万亿元。\n"
    doc = speechkit.load(text=text)
    got = [r for r in target_records(doc, targets(doc), "simplified") if r["indicator"] == "fiscal_expenditure"]
    assert [(r["kind"], r["value"], r["change"]) for r in got] == [(kind, 31.2e12, 1.5e12)]


def test_a_file_named_without_a_year_gets_the_year_its_text_gives(tmp_path):
    from speechkit.api import file_summary, load

    path = tmp_path / "report.txt"
    path.write_text(OPEN + "一、2029年工作回顾\n去年国内生产总值增长5.2%。\n二、2030年经济社会发展总体要求和政策取向\n"
                    "今年发展主要预期目标是：国内生产总值增长5%左右。\n", encoding="utf-8")
    got = file_summary(load(path), None, ("targets",))
    assert got["year"] == 2030
    assert [(r["kind"], r["period"], r["growth"]) for r in got["targets"] if r["indicator"] == "gdp"] == [
        ("actual", 2029, 5.2), ("target", 2030, 5)]


@pytest.mark.parametrize("text,want", [
    # the increment names its indicator again after the base: the change of the sentence's first level
    ("今年拟安排财政赤字5200亿元，其中中央财政赤字3600亿元，赤字规模比上年预算减少 800亿元。",
     [(5.2e11, -8e10), (3.6e11, None)]),
    ("今年中央财政赤字拟安排1900亿元，比去年预算赤字减少300亿元；拟安排国债投资200亿元。", [(1.9e11, -3e10)]),
    # no base: an amount of its own (a second figure of the series, as written)
    ("今年财政赤字拟安排1900亿元，地方财政赤字增加300亿元。", [(1.9e11, None), (3e10, None)]),
])
def test_an_increment_that_names_its_indicator_again_is_a_change(text, want):
    doc = speechkit.load(text=text)
    got = [(r["value"], r["change"]) for r in target_records(doc, targets(doc, year=2030), "simplified")
           if r["indicator"] == "deficit"]
    assert got == want


def test_the_2002_report_names_its_year_only_in_a_statement():
    # no year heading, no date: 2002年是…。做好今年各项工作 (tests/data/corpora, a corpus copy)
    from pathlib import Path

    path = Path(__file__).parent / "data" / "corpora" / "gwr-41-2002.txt"
    assert meta(speechkit.load(text=path.read_text(encoding="utf-8"))).year == 2002
