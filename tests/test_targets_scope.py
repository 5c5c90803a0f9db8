"""Issue 10 rules, one table each, on short examples written for these tests: the scope of a
lead-in (a list's items, bullet lines under a title line), the time frame from the words (the
speech's own year, achieved periods, 预计), one record per statement (分别, 均, shared heads,
increments as a ``change``), series kept apart, and how sure a kind is (``cue``, ``confidence``)."""
from __future__ import annotations

import pytest

import speechkit
from speechkit.api import targets
from speechkit.records import target_records


def recs(text: str, year: int | None = 2015) -> list[dict]:
    doc = speechkit.load(text=text)
    return target_records(doc, targets(doc, year=year), "simplified")


@pytest.mark.parametrize("text,kinds", [
    # a lead-in in the sentence's first segment governs every ；-item after it
    ("今年县里确定的预期目标，就是生产总值达到80亿元，增长9%；财政收入达到6亿元；农民人均纯收入达到9000元。",
     ["target", "target", "target"]),
    # a title line over bullet lines governs them all
    ("今年主要目标\n■生产总值增长7%，财政收入增长6%\n■城镇登记失业率控制在4%以内\n■粮食产量稳定在50万吨",
     ["target", "target", "target", "target"]),
    # a cue inside one item governs that item only
    ("去年粮食产量达到40万吨；力争引进资金5亿元；新建道路达到12公里。", ["actual", "target", "actual"]),
    # a review lead-in governs its list as achieved
    ("一年来，全县生产总值完成60亿元；财政收入完成5亿元；城镇居民人均可支配收入完成25000元。",
     ["actual", "actual", "actual"]),
])
def test_a_lead_in_governs_its_list(text, kinds):
    assert [r["kind"] for r in recs(text)] == kinds


@pytest.mark.parametrize("text,kind", [
    ("2015年，全市农民人均纯收入达到1.2万元。", "actual"),  # the speech's own year decides nothing; 达到 does
    ("2016年，全市生产总值增长8%左右。", "target"),  # a later year is a plan
    ("2014年，全市生产总值增长9%。", "actual"),
    ("今年1-8月，全区完成生产总值60亿元。", "actual"),
    ("今年上半年，全县实现财政收入2亿元。", "actual"),
    ("一季度全市固定资产投资完成30亿元。", "actual"),
    ("今年以来，全区社会消费品零售总额完成15亿元。", "actual"),
    ("预计全年地区生产总值完成85亿元。", "actual"),  # an estimate of the year just finished
    ("力争上半年完成固定资产投资40亿元。", "target"),  # a plan word before the period
    ("今年全区生产总值增长8%。", "target"),
])
def test_time_frame_from_the_words(text, kind):
    assert [r["kind"] for r in recs(text)] == [kind]


@pytest.mark.parametrize("text,want", [
    ("去年农民人均纯收入和城镇居民人均可支配收入分别达到9000元和21000元，分别增长10%和8%。",
     [("rural_income", 9000, 10), ("urban_income", 21000, 8)]),
    ("去年完成财政总收入30亿元，其中一般预算收入12亿元，分别增长15%和11%。",
     [("fiscal_revenue", 3e9, 15), ("fiscal_revenue", 1.2e9, 11)]),
    ("今年城镇居民和农村居民人均可支配收入分别增长6%左右、8%左右。",
     [("urban_income", None, 6), ("rural_income", None, 8)]),
    ("今年规模以上工业增加值和社会消费品零售总额均增长10%左右。",
     [("industrial_value_added", None, 10), ("retail_sales", None, 10)]),
])
def test_figures_distribute_over_coordinated_indicators(text, want):
    assert [(r["indicator"], r["value"], r["growth"]) for r in recs(text)] == want


@pytest.mark.parametrize("text,want", [
    ("今年赤字率拟按3.2%左右安排、比上年提高0.4个百分点。", [("deficit_ratio", 3.2, 0.4, "percentage_point")]),
    ("赤字规模3.8万亿元，比上年增加2000亿元。", [("deficit", 3.8e12, 2e11, "CNY")]),
    ("拟安排地方政府专项债券3.5万亿元、比上年增加1500亿元。", [("special_bonds", 3.5e12, 1.5e11, "CNY")]),
    ("今年财政收入8亿元，比上年减少5000万元。", [("fiscal_revenue", 8e8, -5e7, "CNY")]),
])
def test_an_increment_is_a_field_of_the_level(text, want):
    assert [(r["indicator"], r["value"], r["change"], r["change_unit"]) for r in recs(text)] == want


@pytest.mark.parametrize("text,indicator", [
    ("中央预算内投资拟安排6000亿元。", "central_budget_investment"),
    ("全社会固定资产投资增长8%。", "fixed_asset_investment"),
    ("拟安排地方政府专项债券3万亿元。", "special_bonds"),
    ("拟发行超长期特别国债8000亿元。", "special_treasury_bonds"),
    ("全年一般公共预算支出25万亿元。", "fiscal_expenditure"),
    ("地方级收入完成3亿元。", "fiscal_revenue"),
    ("公共财政预算收入完成4亿元。", "fiscal_revenue"),
    ("农民人均现金收入达到5000元。", "rural_income"),
    ("社会商品零售总额达到9000万元。", "retail_sales"),
    ("规上工业增加值增长9%。", "industrial_value_added"),
    ("城镇新就业2万人。", "new_urban_jobs"),
    ("人均gdp超过1万美元。", "gdp_per_capita"),
])
def test_series_stay_apart(text, indicator):
    assert [r["indicator"] for r in recs(text)] == [indicator]


@pytest.mark.parametrize("text,cue,confidence", [
    ("力争全年财政收入达到3亿元。", "力争", "high"),
    ("今年主要预期目标是：生产总值增长7%。", "主要预期目标", "high"),
    ("全区实现生产总值43亿元。", "实现", "high"),
    ("全区生产总值43亿元。", None, "low"),  # nothing decided: actual by default, to be checked
])
def test_confidence_says_what_decided_the_kind(text, cue, confidence):
    (r,) = recs(text)
    assert (r["cue"], r["confidence"]) == (cue, confidence)


@pytest.mark.parametrize("text,want", [
    ("去年财政总收入xx.x亿元。", [("fiscal_revenue", None, None, True)]),  # a mask of any length
    ("去年一般公共预算收入XX.X亿元。", [("fiscal_revenue", None, None, True)]),
    # a masked growth rate joins its amount: one record, masked, the readable value kept
    ("去年地区生产总值xxx亿元，增长x.x%。", [("gdp", None, None, True)]),
    ("全镇实现生产总值19.9亿元，增长xx.9%。", [("gdp", 1.99e9, None, True)]),
])
def test_masks_of_any_length(text, want):
    assert [(r["indicator"], r["value"], r["growth"], r["masked"]) for r in recs(text)] == want
