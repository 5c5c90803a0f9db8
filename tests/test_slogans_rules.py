"""Slogan rules, one table per rule: what is and is not a slogan, members, counts."""
from __future__ import annotations

import time

import pytest

import speechkit


def found(text: str) -> dict[str, object]:
    doc = speechkit.load(text=text)
    return {s.slogan: s for s in speechkit.api.slogans(doc)}


BODY = "同志们：\n"


@pytest.mark.parametrize("text,slogan,type_", [
    ("要树立“一盘棋”的思想。", "一盘棋", "quoted"),
    ("坚持以“三个代表”重要思想为指导。", "三个代表", "formula"),
    ("解决好“三农”问题。", "三农", "formula"),
    ("实现“双三”目标。", "双三", "formula"),
    ("落实「两免一补」政策。", "两免一补", "formula"),
    ("持续推进“一村一品”。", "一村一品", "formula"),
    ("一河一江一渠治污任务重。", "一河一江一渠", "formula"),
    ("贯彻“扩内需、保增长、调结构”的要求。", "扩内需、保增长、调结构", "quoted"),
    ("做到早动手、早安排、早启动，采取措施。", "早动手、早安排、早启动", "parallel"),
    ("积极推进人防、物防、技防各项措施。", "人防、物防、技防", "parallel"),
    ("坚持说实话、鼓实劲、出实招、办实事、求实效，使各项工作落实。", "说实话、鼓实劲、出实招、办实事、求实效", "parallel"),
    ("继续掀起大拆、大建、大招商的建设热潮。", "大拆、大建、大招商", "parallel"),
    ("大力倡导八个方面良好风气。", "八个方面良好风气", "formula"),
])
def test_found(text, slogan, type_):
    got = found(BODY + text)
    assert slogan in got, sorted(got)
    assert got[slogan].type == type_


@pytest.mark.parametrize("text", [
    "认真学习《关于加强党的建设的决定》。",            # a book title is a document
    "围绕“中心”抓党建。",                              # a two-character ordinary word
    "他说：“我们一定要把工作做好。”",                  # a quoted sentence
    "我们要一心一意谋发展，千方百计抓落实。",          # idioms of the formula shape
    "增强凝聚力、战斗力、号召力。",                    # things of a kind, not a watchword
    "养殖区、禁建区、保护区等区域。",
    "新技术、新产业、新业态蓬勃发展。",
    "每个季度、每个月、每个项目都要分解。",
    "一是一季度经济是全年经济的风向标。",
    "依托经济开发区、工业基地两大工业园区。",          # a count of places, no shared name
])
def test_not_a_slogan(text):
    assert found(BODY + text) == {}


def test_quoted_run_naming_a_formula_gives_both_with_members():
    got = found(BODY + "全力实施“工业强区、产业富民、商贸兴埠、旅游拉动、城市带动”五大战略。")
    members = ("工业强区", "产业富民", "商贸兴埠", "旅游拉动", "城市带动")
    assert got["五大战略"].members == members and got["五大战略"].type == "formula"
    assert got["工业强区、产业富民、商贸兴埠、旅游拉动、城市带动"].members == members


def test_members_in_brackets_and_after_a_colon():
    got = found(BODY + "提出“六个进一步（进一步提升质量、进一步深化改革、进一步夯实基础、"
                "进一步推进法治、进一步改善民生、进一步强化党建）”的战略。实施“六个专项整治”：即违章建筑、"
                "犬类治理、户外广告、围墙美化、亮化、停车场的专项整治。")
    assert len(got["六个进一步"].members) == 6
    assert got["六个专项整治"].members[:2] == ("违章建筑", "犬类治理")


def test_list_before_a_formula_is_its_members():
    got = found(BODY + "我们要着力增强机遇意识、挑战意识、责任意识三种意识，勇于挑战。")
    assert got["三种意识"].members == ("机遇意识", "挑战意识", "责任意识")
    assert "机遇意识、挑战意识、责任意识" not in got


def test_registry_gives_known_members():
    got = found(BODY + "坚持以“三个代表”重要思想为指导，落实八项规定精神。")
    assert got["三个代表"].known and len(got["三个代表"].members) == 3
    assert got["八项规定"].known and len(got["八项规定"].members) == 8


def test_counts_cover_the_body_quoted_or_not_and_skip_longer_slogans():
    got = found("主攻工业讲话\n同志们：\n从“主攻农业”向“主攻工业”转变。再向“主攻工业和城市”转变。"
                "在主攻工业的基础上，继续“主攻工业和城市”。")
    assert got["主攻工业"].count == 2          # the title line and the longer slogan do not count
    assert got["主攻工业和城市"].count == 2


def test_member_inside_a_longer_slogan_is_counted():
    got = found(BODY + "按照“发展抓项目、改革抓创新、和谐抓民生”的总要求。提出“和谐抓民生”。")
    assert got["和谐抓民生"].count == 2


def test_quote_tail_joins_the_longer_quoted_slogan():
    got = found(BODY + "开展“争创*首善之区”活动。为争创“*首善之区”提供保证。")
    assert got["争创*首善之区"].count == 2 and "*首善之区" not in got


def test_recurring_unframed_run():
    got = found(BODY + "一、牢固树立抢抓机遇、乘势而上、提速发展的意识\n要增强抢抓机遇、乘势而上、提速发展的责任感。\n"
                "二、加强领导\n正文。")
    assert got["抢抓机遇、乘势而上、提速发展"].count == 2


def test_heading_internal_parallels_are_headings():
    got = found(BODY + "一、坚持早动手、早安排、早启动\n二、加强领导\n正文。")
    assert got == {}


@pytest.mark.parametrize("text", [
    "“" * 300_000,
    "、" * 300_000,
    ("早动手、" * 100_000) + "。",
    "甲" * 10_000_000,
    ("一村一品" + "，" * 50) * 20_000,
])
def test_adversarial_input_stays_linear(text):
    t = time.perf_counter()
    speechkit.api.slogans(speechkit.load(text=text))
    assert time.perf_counter() - t < 30


def test_slogans_reuse_a_given_outline(monkeypatch):
    """analysis_records works the outline out once; slogans given it give the same records."""
    from speechkit import api
    from speechkit.extractors import outline as outline_mod
    from tests.conftest import SAMPLES

    doc = api.load(str(SAMPLES[0]))
    heads = api.outline(doc)
    assert api.slogans(doc, outline=heads) == api.slogans(doc)
    calls = []
    real = outline_mod.extract_outline
    monkeypatch.setattr(outline_mod, "extract_outline", lambda *a, **k: calls.append(1) or real(*a, **k))
    api.analysis_records(doc)
    assert len(calls) == 1


@pytest.mark.parametrize("text,run", [
    ("以改革创新为动力,抓经济、促发展、惠民生,持续推动发展。", "抓经济、促发展、惠民生"),
    ("统筹稳增长、促改革、调结构、惠民生、防风险,保持经济运行。", "稳增长、促改革、调结构、惠民生、防风险"),
])
def test_unframed_verb_object_runs(text, run):
    got = found(BODY + text)
    assert got[run].type == "parallel" and len(got[run].members) == run.count("、") + 1


@pytest.mark.parametrize("text", [
    "建设图书馆、博物馆、科技馆,方便群众。",      # nouns, no watchword verb
    "学习孔繁森、马恩华、李国安,争当先进。",      # names
    "抓经济、抓发展、抓民生,一个都不能少。",     # one verb: a frame, found (if at all) as framed
    "抓经济、促发展、惠民生工作,持续推动。",     # the last part runs on: not a run of three
    "小政府、大社会、活市场,优化环境。",         # 小/大 lead adjectives, not actions
])
def test_no_verb_object_run(text):
    assert not [k for k, s in found(BODY + text).items() if s.type == "parallel" and k.count("、") >= 2
                and len({m[:1] for m in s.members}) == len(s.members)]


def test_formula_members_quoted_one_by_one_later():
    text = ("要从解决“三心”问题出发。要解决好经济建设的“中心”问题;要解决好党的宗旨的“民心”问题;"
            "要解决好高度负责的“用心”问题。")
    assert found(BODY + text)["三心"].members == ("中心", "民心", "用心")
    # two quotes for three: no members rather than a wrong list
    assert found(BODY + text.replace("“用心”", "用心"))["三心"].members == ()


def test_runs_later_in_a_long_run_in_heading_are_slogans():
    """A run in a heading's own words is the heading; one further into a long run-in title
    (its later clauses are body text) is a slogan."""
    text = ("一、总体要求\n"
            "一要 压实工作责任，以敢担当、善作为、勇创新的精神，推动工作提档、提速、提效。\n"
            "二要 抓项目、促投资、稳增长\n")
    doc = speechkit.load(text=text)
    found = {s.slogan for s in speechkit.slogans(doc)}
    assert "提档、提速、提效" in found
    assert "抓项目、促投资、稳增长" not in found
