"""Rules of the targets extractor, one table each: qualifiers, growth signs, kind, modality,
period, indicators, one record per statement; then the record schema and the CLI."""
from __future__ import annotations

import csv
import io
import json

import pytest

import speechkit
from speechkit.api import targets
from speechkit.cli import cli
from speechkit.records import FIELDS, table_fields, target_records
from tests.conftest import SAMPLES


def recs(text: str, year: int | None = 2015) -> list[dict]:
    doc = speechkit.load(text=text)
    return target_records(doc, targets(doc, year=year), "simplified")


def one(text: str, year: int | None = 2015) -> dict:
    got = recs(text, year)
    assert len(got) == 1, [r["text"] for r in got]
    return got[0]


@pytest.mark.parametrize("text,qualifier", [
    ("今年国内生产总值增长7.5%左右。", "approx"),
    ("全年财政收入约3亿元。", "approx"),
    ("预期规划面积近100万平方米。", "approx"),
    ("城镇新增就业1200万人以上。", "at_least"),
    ("今年进出口总额突破4万亿美元。", "at_least"),
    ("实际利用外资增长不低于30%。", "at_least"),
    ("力争全年引进投资项目超百个。", "at_least"),
    ("动用了2万多人。", "at_least"),
    ("城镇登记失业率控制在4.6%以内。", "at_most"),
    ("赤字率不超过3%。", "at_most"),
    ("城镇登记失业率4.5%以下。", "at_most"),
    ("农民人均纯收入不足全国平均水平的一半。", "at_most"),
    ("全区生产总值49.4亿元。", "exact"),
])
def test_qualifier(text, qualifier):
    assert one(text)["qualifier"] == qualifier


@pytest.mark.parametrize("text,growth", [
    ("国内生产总值增长8%。", 8),
    ("居民消费价格涨幅3%左右。", 3),
    ("财政收入比上年提高12%。", 12),
    ("生产总值增速为13.5%。", 13.5),
    ("物价上涨幅度控制在百分之十五左右。", 15),
    ("单位国内生产总值能耗下降3.9%。", -3.9),
    ("单位国内生产总值能耗降低4%左右。", -4),
    ("主要污染物排放量减少10%。", -10),
    ("居民消费价格涨幅回落到2%。", -2),
    ("生产总值8%。", 8),  # an amount-type indicator: a bare percentage is its growth
])
def test_growth_sign(text, growth):
    r = one(text)
    assert r["growth"] == growth and r["value"] is None and r["unit"] is None


@pytest.mark.parametrize("text,value,unit", [
    ("城镇登记失业率4.6%。", 4.6, "percent"),  # a rate: the percentage is the value
    ("服务业增加值占国内生产总值比重达到50.5%。", 50.5, "percent"),  # a share, not growth
    ("力争新引进重大工业项目100%进入园区。", 100, "percent"),
    ("城镇登记失业率下降0.3个百分点。", -0.3, "percentage_point"),
])
def test_value_not_growth(text, value, unit):
    r = one(text)
    assert (r["value"], r["unit"], r["growth"]) == (value, unit, None)


@pytest.mark.parametrize("text,kind", [
    ("今年经济社会发展的主要预期目标是：国内生产总值增长7%左右。", "target"),
    ("力争全年财政收入达到3亿元。", "target"),
    ("确保新增绿化面积30公顷。", "target"),
    ("到2020年，国内生产总值达到100万亿元。", "target"),
    ("今年要完成投资10.38亿元。", "target"),
    ("明年粮食产量保持在1.3万亿斤以上。", "target"),
    ("在五年内实现100%的乡镇通油路。", "target"),
    ("去年国内生产总值增长7.7%。", "actual"),
    ("2014年，全区实现生产总值196.72亿元。", "actual"),
    ("截至2014年底，全区规模以上工业企业达103户。", "actual"),
    ("12亿元企业债券已经获得批准。", "actual"),
    ("全区*0%的村支部达到了“五个好”标准。", "actual"),
    ("全区实现生产总值43.95亿元。", "actual"),
    ("我区人均生产总值比全省平均水平低1344元。", "other"),
    ("与全国平均水平相差高达6445元。", "other"),
    ("从2014年开始每年有1000万元的资金支持。", "other"),
])
def test_kind(text, kind):
    assert one(text)["kind"] == kind


def test_a_target_compared_with_last_year_stays_a_target():
    """比上年/较去年 is a comparison base, in plans as in results: not a cue for actual."""
    assert one("今年主要预期目标是：国内生产总值比上年增长8%左右。")["kind"] == "target"


@pytest.mark.parametrize("text,modality", [
    ("力争全年引进投资项目超百个。", "力争"),
    ("确保新增绿化面积30公顷。", "确保"),
    ("争取1997年粮食产量达到4.75亿吨。", "争取"),
    ("今年发展主要预期目标是：国内生产总值增长5%左右。", "预期"),
    ("今年要完成投资10.38亿元。", "要"),
    ("去年国内生产总值增长7.7%。", None),
    ("主要污染物排放量减少10%。", None),  # 主要 is not 要
])
def test_modality(text, modality):
    assert one(text)["modality"] == modality


@pytest.mark.parametrize("text,year,period,period_text", [
    ("今年国内生产总值增长8%。", 2015, 2015, "今年"),
    ("去年国内生产总值增长7.7%。", 2015, 2014, "去年"),
    ("明年国内生产总值增长7%。", 2015, 2016, "明年"),
    ("截至2014年底，全区规模以上工业企业达103户。", 2015, 2014, "2014年底"),
    ("20*年，全区实现生产总值43.95亿元。", None, None, "20*年"),
    ("今年国内生产总值增长8%。", None, None, "今年"),
    ("国内生产总值比去年增长8%。", 2015, None, None),
])
def test_period(text, year, period, period_text):
    r = one(text, year)
    assert (r["period"], r["period_text"]) == (period, period_text)


@pytest.mark.parametrize("text,indicator", [
    ("全区生产总值49.4亿元。", "gdp"),
    ("人均生产总值2万元。", "gdp_per_capita"),
    ("大口径财政收入3亿元。", "fiscal_revenue"),
    ("全社会固定资产投资增长6%。", "fixed_asset_investment"),
    ("社会消费品零售总额121.74亿元。", "retail_sales"),
    ("规模以上工业增加值56亿元。", "industrial_value_added"),
    ("城镇居民人均可支配收入7274元。", "urban_income"),
    ("农民人均纯收入3000元。", "rural_income"),
    ("城镇新增就业1200万人以上。", "new_urban_jobs"),
    ("粮食产量1.3万亿斤以上。", "grain_output"),
    ("实际利用外资增长30%以上。", "fdi"),
    ("今年实施36项重点项目。", "key_projects"),
    ("完成8个绿地建设项目。", "other"),
    ("GDP达到30亿元。", "gdp"),
])
def test_indicator(text, indicator):
    assert one(text)["indicator"] == indicator


def test_amount_and_growth_make_one_record():
    r = one("主要预期目标是：全区生产总值49.4亿元，增长12.4%；")
    assert (r["indicator"], r["value"], r["growth"], r["unit"]) == ("gdp", 4940000000, 12.4, "CNY")


def test_growth_goes_to_the_level_not_to_the_change():
    """The increment is the level's ``change`` (issue 10), the growth rate still the level's."""
    got = recs("大口径财政收入2.63亿元，较上年净增6200万元，增长30.7%。")
    assert [(r["value"], r["growth"], r["change"], r["change_unit"]) for r in got] == [(263000000, 30.7, 62000000, "CNY")]


def test_a_masked_amount_keeps_its_growth():
    r = one("固定资产投资40.*亿元，增长30%。")
    assert (r["masked"], r["value"], r["growth"], r["unit"]) == (True, None, 30, "CNY")


def test_numbers_continue_the_statement_they_follow():
    got = recs("今年确定实施36项重点项目，新建25个，续建11个。")
    assert [(r["indicator"], r["value"]) for r in got] == [("key_projects", 36), ("key_projects", 25), ("key_projects", 11)]


@pytest.mark.parametrize("text", [
    "力争全年引进500万元以上投资项目。",  # a class threshold
    "财政收入在全省100个县(市、区)中排名靠前。",  # a ranking pool
    "提升“10强50户”骨干企业发展水平。",  # a quoted name
    "第一批项目今年开工。",
    "两个一百年奋斗目标。",
])
def test_not_statements(text):
    assert recs(text) == []


def test_record_fields_and_offsets():
    text = "前言。\n今年主要预期目标是：全区生产总值49.4亿元，增长12.4%。"
    doc = speechkit.load(text=text)
    (r,) = target_records(doc, targets(doc))
    assert list(r) == FIELDS["targets"]
    assert r["line"] == 2 and doc.raw[r["start"]:r["end"]] == "生产总值49.4亿元" == r["text"]
    assert r["value_text"] == "49.4亿元" and r["indicator_text"] == "生产总值"
    assert r["sentence"] == "今年主要预期目标是：全区生产总值49.4亿元，增长12.4%。"


def test_offsets_map_to_raw_through_cleaning():
    """Spans come from the alignment (pinyin and full-width digits in raw), not from text.find."""
    text = "今年預期目標：生產(shēng)總值增長８％。"
    doc = speechkit.load(text=text)
    (r,) = target_records(doc, targets(doc, year=2015))
    assert r["growth"] == 8 and r["indicator"] == "gdp"
    assert doc.raw[r["start"]:r["end"]] == "生產(shēng)總值增長８％"


def test_traditional_script_shown_as_asked():
    doc = speechkit.load(text="今年預期目標：財政收入達到3億元。")
    (orig,) = target_records(doc, targets(doc), "original")
    (simp,) = target_records(doc, targets(doc), "simplified")
    assert orig["indicator_text"] == "財政收入" and simp["indicator_text"] == "财政收入"


def test_no_numbers_no_records():
    assert recs("") == [] and recs("没有数字的讲话。") == []


# --- CLI ---------------------------------------------------------------------------------

SAMPLE = next(p for p in SAMPLES if p.name.startswith("district"))


@pytest.mark.parametrize("args,check", [
    ([], lambda rs: {r["kind"] for r in rs} == {"target"}),
    (["--all"], lambda rs: {r["kind"] for r in rs} == {"target", "actual", "other"}),
    (["--kind", "actual,other"], lambda rs: {r["kind"] for r in rs} == {"actual", "other"}),
    (["--all", "--indicator", "gdp,fiscal_revenue"], lambda rs: {r["indicator"] for r in rs} == {"gdp", "fiscal_revenue"}),
    (["--indicator", "cpi"], lambda rs: rs == []),
])
def test_cli_filters(runner, args, check):
    r = runner.invoke(cli, ["targets", "--jsonl", str(SAMPLE), *args])
    assert r.exit_code == 0, r.output
    assert check([json.loads(x) for x in r.stdout.splitlines()])


def test_cli_bad_kind_is_a_usage_error(runner):
    r = runner.invoke(cli, ["targets", "--kind", "goal", str(SAMPLE)])
    assert r.exit_code == 2 and "unknown kind 'goal'" in r.stderr and r.stdout == ""


def test_cli_csv_has_the_fixed_header(runner):
    r = runner.invoke(cli, ["targets", "--all", "--csv", str(SAMPLE)])
    rows = list(csv.reader(io.StringIO(r.stdout)))
    assert rows[0] == table_fields("targets") and len(rows) > 10


def test_cli_json_document(runner):
    r = runner.invoke(cli, ["targets", "--json", str(SAMPLE)])
    doc = json.loads(r.stdout)
    assert doc["command"] == "targets" and doc["files"][0]["records"]


def test_cli_plain_text_when_piped(runner):
    r = runner.invoke(cli, ["targets", str(SAMPLE), "--script", "simplified"])
    assert r.exit_code == 0 and "\x1b[" not in r.stdout
    header, first = (line.split("\t") for line in r.stdout.splitlines()[:2])
    assert header[:4] == ["file", "line", "kind", "indicator"]
    assert first[1:4] == ["35", "target", "gdp"] and "+12.4%" in first[4]


def test_cli_help_has_an_example(runner):
    r = runner.invoke(cli, ["targets", "--help"])
    assert r.exit_code == 0 and "speechkit targets --all" in r.stdout and "--indicator" in r.stdout


def test_cli_missing_file(runner, tmp_path):
    r = runner.invoke(cli, ["targets", str(tmp_path / "nope.txt")])
    assert r.exit_code == 1 and "nope.txt" in r.stderr and "Traceback" not in r.output
