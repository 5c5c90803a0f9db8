"""Rules learnt from real web texts (issue #10), one table each, with short invented
examples: a growth rate joins its amount, plan-completion shares, thresholds that name a
class, numbers as pages write them, indicators written around a verb."""
from __future__ import annotations

import pytest

import speechkit
from speechkit.api import targets
from speechkit.records import target_records


def recs(text: str, year: int | None = 2015) -> list[dict]:
    doc = speechkit.load(text=text)
    return target_records(doc, targets(doc, year=year), "simplified")


def pick(rs: list[dict], **want) -> list[dict]:
    return [r for r in rs if all(r.get(k) == v for k, v in want.items())]


# (text, indicator, value, growth, change): the one record that carries the growth
@pytest.mark.parametrize("text,indicator,value,growth,change", [
    # 增加值 is an indicator, not 增加 (an increment)
    ("全镇工业增加值3.2亿元，增长9.5%。", "industrial_value_added", 3.2e8, 9.5, None),
    # an unnamed amount of money takes the growth rate after it
    ("乡镇企业营业收入860万元，增长12%。", "other", 8.6e6, 12, None),
    # a multiple between amount and rate compares; the rate is the amount's
    ("全县生产总值80亿元，是上年的1.5倍，年均增长9%。", "gdp", 8e9, 9, None),
    # 比增 and a bare 增 are growth words; a bare 增 before an amount is its change
    ("全年财政收入3亿元，比增8.5%。", "fiscal_revenue", 3e8, 8.5, None),
    ("全乡播种面积12000亩，比上年增300亩，增2.5%。", "other", 12000, 2.5, 300),
])
def test_growth_joins_its_amount(text, indicator, value, growth, change):
    rs = recs(text)
    got = pick(rs, growth=growth)
    assert len(got) == 1, [(r["text"], r["growth"]) for r in rs]
    r = got[0]
    assert (r["indicator"], r["value"], r["change"]) == (indicator, value, change)
    assert not [x for x in rs if x["unit"] == "percent" and x["growth"] is None and x["value"] == growth]


@pytest.mark.parametrize("text", [
    "全县甘薯产量达到50万吨，花生产量增长8%。",  # the rate's clause names its own subject
    "12个乡镇的办公经费减少5%。",  # a count of units does not take the rate of what they spend
])
def test_a_rate_with_its_own_subject_stays_apart(text):
    rs = recs(text)
    assert [r["growth"] for r in rs if r["value"] is not None] == [None], [(r["text"], r["growth"]) for r in rs]


# (text, the plan share's value): a percentage of a plan is a share, the statement an achievement,
# and the growth rate after it is the amount's
@pytest.mark.parametrize("text,share", [
    ("全镇税收收入完成860万元，完成年度任务的96.5%，同比增长7.2%。", 96.5),
    ("全区工业总产值12.5亿元，占年度计划31%，同比增长15%。", 31),
    ("5个重点项目完成投资3.1亿元，完成年度投资计划的88%。", 88),
])
def test_plan_completion_is_a_share(text, share):
    rs = recs(text)
    assert {r["kind"] for r in rs} == {"actual"}, [(r["text"], r["kind"], r["cue"]) for r in rs]
    s = pick(rs, value=share)
    assert len(s) == 1 and s[0]["growth"] is None and s[0]["unit"] == "percent"
    amount = [r for r in rs if r["unit"] == "CNY"]
    assert len(amount) == 1 and not pick(rs, value=None, unit=None)


@pytest.mark.parametrize("text,indicator", [
    ("全市规模以上工业企业完成增加值56亿元，增长8%。", "industrial_value_added"),
    ("全县工业实现总产值120亿元。", "industrial_output"),
    ("38家规模以上工业企业实现总产值9.6亿元。", "industrial_output"),
])
def test_a_verb_inside_the_name(text, indicator):
    rs = [r for r in recs(text) if r["unit"] == "CNY"]
    assert [r["indicator"] for r in rs] == [indicator], [(r["text"], r["indicator"]) for r in rs]


@pytest.mark.parametrize("text,kind", [
    ("截至9月底，全县今年新签约项目28个，签约资金46亿元。", "actual"),
    ("今年全镇经济稳中有进，上半年工业总产值38亿元，增长6%。", "actual"),
    ("去年财政收入8亿元，今年财政收入达到9亿元。", None),  # 去年 does not put 今年 in the past
    ("力争上半年工业总产值达到38亿元。", "target"),
])
def test_a_plain_this_year_after_a_part_of_the_year(text, kind):
    rs = recs(text)
    if kind is None:
        assert [r["kind"] for r in rs] == ["actual", "target"], [(r["text"], r["kind"]) for r in rs]
    else:
        assert {r["kind"] for r in rs} == {kind}, [(r["text"], r["kind"], r["cue"]) for r in rs]


def test_a_sentence_lead_comes_before_a_colon_sentences_back():
    text = "书记还要讲话，我先讲三点意见：一、肯定成绩。1-9月份，全县经济平稳；财政收入2.1亿元，税收1.5亿元。"
    rs = recs(text)
    assert [r["kind"] for r in rs if r["unit"] == "CNY"] == ["actual", "actual"], [(r["text"], r["cue"]) for r in rs]


# numbers as pages write them: (text, value, unit, qualifier, masked)
@pytest.mark.parametrize("text,value,unit,qualifier,masked", [
    ("城镇新增就业年均1100多万人。", 11_000_000, "person", "at_least", False),  # 多 before the magnitude
    ("粮食产量62.5 亿斤。", 6_250_000_000, "jin", "exact", False),  # a space before the magnitude
    ("财政收入完成  830.5 万元。", 8_305_000, "CNY", "exact", False),
    ("全年GDP20.5亿元。", 2_050_000_000, "CNY", "exact", False),  # digits glued to GDP
    ("全市GDPxx.x亿元。", None, "CNY", "exact", True),
    ("經濟總量達到3兆元。", 3e12, "CNY", "exact", False),  # 兆 = 10^12 in Traditional texts
    ("新增装机容量100兆瓦。", 100_000, "kW", "exact", False),  # 兆瓦 stays a unit
])
def test_numbers_as_pages_write_them(text, value, unit, qualifier, masked):
    rs = recs(text)
    assert len(rs) == 1, [r["text"] for r in rs]
    r = rs[0]
    assert (r["unit"], r["qualifier"], r["masked"]) == (unit, qualifier, masked)
    assert r["value"] == (None if value is None else pytest.approx(value))


@pytest.mark.parametrize("text", ["G20峰会", "PM2.5浓度", "第 7 位"])
def test_letters_before_digits_still_make_no_number(text):
    assert [r for r in recs(text) if r["unit"] != "count"] == []


# (text, indicator, value, from_value, growth)
@pytest.mark.parametrize("text,indicator,value,from_value,growth", [
    ("全县生产总值由上年的50亿元提高到58亿元。", "gdp", 5.8e9, 5e9, None),
    ("财政收入从3.2亿元增加到4.1亿元，年均增长9%。", "fiscal_revenue", 4.1e8, 3.2e8, 9),
    ("城镇化率由45%提高到52%。", "urbanization_rate", 52, 45, None),
    ("全市生产总值增加到820亿元，年均增长7.5%。", "gdp", 8.2e10, None, 7.5),  # 增加到 is a level
])
def test_from_x_to_y_is_one_record_at_y(text, indicator, value, from_value, growth):
    rs = recs(text)
    assert len(rs) == 1, [(r["text"], r["value"]) for r in rs]
    r = rs[0]
    assert (r["indicator"], r["from_value"], r["growth"]) == (indicator, from_value, growth)
    assert r["value"] == pytest.approx(value) and r["change"] is None


def test_from_x_to_y_keeps_a_qualifier_of_y():
    r = one_of(recs("全县生产总值从不到40亿元增加到超过60亿元。"))
    assert (r["value"], r["from_value"], r["qualifier"]) == (6e9, 4e9, "at_least")


def one_of(rs: list[dict]) -> dict:
    assert len(rs) == 1, [(r["text"], r["value"]) for r in rs]
    return rs[0]


@pytest.mark.parametrize("text,values", [
    ("全县销售收入超亿元企业达到12家。", [12]),
    ("其中财政收入超千万元乡镇8个，超亿元3个。", [8, 3]),
    ("上亿元企 业达15家。", [15]),
    ("全县财政收入超过5亿元，增长8%。", [5e8]),  # a figure, not a class
])
def test_a_size_before_a_noun_names_a_class(text, values):
    assert [r["value"] for r in recs(text)] == values


@pytest.mark.parametrize("text,kinds", [
    ("会上，8个单位作了交流发言。", ["other"]),
    ("共有30多人参加了会议。", ["other"]),
    ("全县规模以上工业增加值连续18个月保持两位数增长。", []),  # a duration is no figure
    ("全县新建成8个村级服务中心。", ["actual"]),
    ("企业开办时间压缩至3个工作日以内。", ["actual"]),  # a time a reform cut is a figure
])
def test_counts_of_the_meeting_and_durations_are_not_figures(text, kinds):
    assert [r["kind"] for r in recs(text)] == kinds


# (text, indicator, value, qualifier, masked): a threshold crossed is the figure's lower bound,
# and a number a page masked with any mask symbol is a masked record, not dropped
@pytest.mark.parametrize("text,indicator,value,qualifier,masked", [
    ("去年全县生产总值突破300亿元。", "gdp", 3e10, "at_least", False),
    ("今年力争地区生产总值跨越500亿元大关。", "gdp", 5e10, "at_least", False),
    ("去年全区财政收入首次迈过20亿元。", "fiscal_revenue", 2e9, "at_least", False),
    ("今年全社会固定资产投资##亿元，增长10%。", "fixed_asset_investment", None, "exact", True),
    ("今年地区生产总值达到☆☆亿元左右。", "gdp", None, "approx", True),
    ("今年地区生产总值达到＃＃．＃亿元。", "gdp", None, "exact", True),
])
def test_thresholds_and_mask_symbols(text, indicator, value, qualifier, masked):
    got = pick(recs(text), indicator=indicator)
    assert len(got) == 1, [(r["text"], r["indicator"]) for r in recs(text)]
    assert (got[0]["value"], got[0]["qualifier"], got[0]["masked"]) == (value, qualifier, masked)


def test_a_hash_sign_alone_is_no_number():
    assert recs("本文标签：#经济工作# #政府工作报告#") == []
    # a hash before words is a tag, not a mask: the only number read is the count after it
    assert [(r["value"], r["masked"]) for r in recs("话题：#乡村振兴#，共3条评论")] == [(3, False)]


def test_people_a_speech_speaks_for_are_no_figure():
    assert recs("我们要团结带领全省6000万人民，埋头苦干。") == []
    # a count of people that is reported stays, and 人民币 is money
    assert [r["value"] for r in recs("去年全市常住人口达到520万人。")] == [5.2e6]
    assert [r["unit"] for r in recs("去年全县财政收入12亿元人民币。")] == ["CNY"]


@pytest.mark.parametrize("text,indicator,value,growth", [
    # a sentence that opens with its figure takes the one indicator of the short sentence before
    ("三是城镇居民收入稳步增长。达到32000元，增长6%。", "urban_income", 32000, 6),
    ("二是财政收入较快增长。全年达到8亿元，增长9%。", "fiscal_revenue", 8e8, 9),
])
def test_indicator_named_in_the_sentence_before(text, indicator, value, growth):
    got = pick(recs(text), value=value)
    assert [(r["indicator"], r["growth"]) for r in got] == [(indicator, growth)]


def test_sentence_before_naming_two_indicators_gives_none():
    got = recs("去年财政收入和生产总值都较快增长。达到10亿元，增长5%。")
    assert [r["indicator"] for r in got if r["value"] == 1e9] == ["other"]


@pytest.mark.parametrize("text,value,growth", [
    ("去年全县生产总值 5 3 . 8 亿元，增长 6 . 5 %。", 5.38e9, 6.5),
    ("去年全县生产总值1 2 0亿元。", 1.2e10, None),
])
def test_letter_spaced_digits_are_one_number(text, value, growth):
    got = pick(recs(text), indicator="gdp")
    assert [(r["value"], r["growth"]) for r in got] == [(value, growth)]


def test_a_hard_wrap_inside_an_indicator_name():
    # a long line cut at a fixed width between two Han characters runs on into the next
    text = ("今年，全县经济工作要坚持稳中求进，统筹抓好各项重点任务，全社会固定资产投\n"
            "资增长12%左右，社会消费品零售总额增长8%。")
    got = {r["indicator"]: (r["growth"], r["qualifier"]) for r in recs(text)}
    assert got == {"fixed_asset_investment": (12, "approx"), "retail_sales": (8, "exact")}
    # a short line (a heading) is a line of its own: its words name nothing after the break
    short = recs("一、固定资产投\n资增长12%。")
    assert [r["indicator"] for r in short] == ["other"]


# A rate alias (服务业, 第三产业) names its indicator before a percentage only; a count after it
# is of other things. 地区增加值 is the region's GDP.
@pytest.mark.parametrize("text,unit,indicator", [
    ("全县第三产业增长9.5%。", None, "services_value_added"),  # a growth rate: no unit of its own
    ("今年服务业增长11%，工业增长8%。", None, "services_value_added"),
    ("新引进服务业项目12个。", "count", "other"),
    ("培育第三产业企业30家。", "count", "other"),
    ("全区实现地区增加值35亿元。", "CNY", "gdp"),
])
def test_rate_aliases_name_only_percentages(text, unit, indicator):
    rs = recs(text)
    assert rs and rs[0]["unit"] == unit and rs[0]["indicator"] == indicator, rs


# Kind: a 其中 sentence breaks down the figure before it; the time of 从X提高到Y's X is not Y's;
# a cue word inside “…” is part of a name; 实现目标 reports a goal reached.
@pytest.mark.parametrize("text,value,kind", [
    ("今年拟安排专项资金800亿元，比去年增加50亿元。其中，省级资金300亿元。", 3e10, "target"),
    ("今年城乡低保标准拟从去年的每月600元提高到650元。", 650, "target"),
    ("为落实“三个确保”，上年全省投入资金60亿元。", 6e9, "actual"),
    ("全县已有12个乡镇实现目标，覆盖率由上年的70%提高到85%。", 85, "actual"),
])
def test_kind_rules(text, value, kind):
    rs = recs(text)
    got = pick(rs, value=value)
    assert len(got) == 1 and got[0]["kind"] == kind, [(r["text"], r["value"], r["kind"], r["cue"]) for r in rs]


# A number after 每 is the unit of a rate or a what-if, not a figure; X与Y之比 is a share.
@pytest.mark.parametrize("text,absent", [
    ("每千人口拥有执业医师3.2人。", "千人"),
    ("每1元财政资金带动社会投资6元。", "1元"),
    ("生产总值每增长1个百分点可带动就业150万人。", "1个百分点"),
])
def test_per_unit_numbers_are_no_figures(text, absent):
    rs = recs(text)
    assert rs and all(r["text"] != absent and not r["text"].startswith(absent) for r in rs), [r["text"] for r in rs]


def test_a_ratio_to_gdp_is_a_share():
    rs = recs("全社会研发经费支出与地区生产总值之比达到2.6%。")
    assert [(r["indicator"], r["value"], r["growth"]) for r in rs] == [("share", 2.6, None)]


# A measure the clause names with no alias (覆盖率, 产量) takes nothing from the clause before;
# a figure listed after a falling one (下降12%、9%) falls too.
@pytest.mark.parametrize("text,value,growth,indicator", [
    ("全县单位生产总值能耗下降4%，湿地保护率达到52%。", 52, None, "other"),
    ("粮食产量达到80万吨，油料产量达到6万吨。", 6e4, None, "other"),
    ("二氧化硫、氮氧化物排放量分别下降12%、9%。", None, -9, "other"),
    ("全市森林覆盖率达到41.5%。", 41.5, None, "forest_coverage"),
    ("城乡居民储蓄存款余额达到560亿元。", 5.6e10, None, "household_savings"),
    ("全县工农业总产值达到30亿元。", 3e9, None, "agri_industrial_output"),
])
def test_own_measures_and_list_signs(text, value, growth, indicator):
    rs = recs(text)
    got = [r for r in rs if r["value"] == value and r["growth"] == growth]
    assert len(got) == 1 and got[0]["indicator"] == indicator, [(r["text"], r["indicator"], r["value"], r["growth"]) for r in rs]
