"""Issue 18 rules, one table each (examples written for these tests, in the style of official
prose): formula members after / before the formula and inside quoted runs, with the count
checked against the numeral; quotes broken by a line break; no fragment beside the whole."""
from __future__ import annotations

import pytest

import speechkit


def slogans(text: str) -> dict:
    doc = speechkit.load(text=text)
    return {s.slogan: s for s in speechkit.api.slogans(doc)}


AFTER = [  # members listed after the formula: ：/ 即 / 就是 / 是指 / 一是… / （…）
    ("要做到“两个确保”，即确保粮食稳产，确保农民增收。", "两个确保", ("确保粮食稳产", "确保农民增收"), False),
    ("全力实施“三个提升”：城市品质提升；产业层次提升；服务效能提升。", "三个提升",
     ("城市品质提升", "产业层次提升", "服务效能提升"), False),
    ("今年突出“四大行动”：一是园区扩容行动，加快建设。二是招商引资行动。三是项目攻坚行动。四是环境优化行动。",
     "四大行动", ("园区扩容行动", "招商引资行动", "项目攻坚行动", "环境优化行动"), False),
    ("坚持三项基本方针，即依法行政，勤俭办事，公开透明，是政府的立身之本。", "三项基本方针",
     ("依法行政", "勤俭办事", "公开透明"), False),
    ("落实“两个覆盖”（即组织覆盖和工作覆盖）要求。", "两个覆盖", ("组织覆盖", "工作覆盖"), False),
    ("推进“五个增长”：工业产值增长12%；税收增长9%；出口增长6%。", "五个增长",
     ("工业产值增长12%", "税收增长9%", "出口增长6%"), True),
]


@pytest.mark.parametrize("text,formula,members,mismatch", AFTER)
def test_members_after_the_formula(text, formula, members, mismatch):
    s = slogans("标题\n" + text)[formula]
    assert (s.type, s.members, s.members_mismatch) == ("formula", members, mismatch)


BEFORE = [  # members listed before the formula
    ("扎实推进“强产业、优环境、惠民生”三大任务。", "三大任务", ("强产业", "优环境", "惠民生"), False),
    ("围绕“稳、进、好”三个字下功夫。", "三个字", ("稳", "进", "好"), False),
    ("聚焦“抓项目、促投资、保增长”这三件大事。", "三件大事", ("抓项目", "促投资", "保增长"), False),
    ("守住财政平衡、债务安全和民生兜底三条底线。", "三条底线", ("财政平衡", "债务安全", "民生兜底"), False),
    ("打好园区提质、城乡融合等五大攻坚战，奋力争先。", "五大攻坚战", ("园区提质", "城乡融合"), True),
    ("完成推进产业升级、完成城市更新、维护社会稳定这三大历史任务。", "三大历史任务",
     ("推进产业升级", "完成城市更新", "维护社会稳定"), False),
]


@pytest.mark.parametrize("text,formula,members,mismatch", BEFORE)
def test_members_before_the_formula(text, formula, members, mismatch):
    s = slogans("标题\n" + text)[formula]
    assert (s.type, s.members, s.members_mismatch) == ("formula", members, mismatch)


RUNS = [  # a 、-joined quoted run of formulas: each formula on its own as well as the run
    ("坚持“一个中心、两个支点、三大板块”发展思路。", ["一个中心", "两个支点", "三大板块"]),
    ("围绕“深化三项改革、建设四个园区”目标。", ["三项改革", "四个园区"]),
    ("落实“两手抓、两不误”要求。", ["两手抓", "两不误"]),
]


@pytest.mark.parametrize("text,parts", RUNS)
def test_each_formula_of_a_quoted_run(text, parts):
    found = slogans("标题\n" + text)
    assert all(found[p].type == "formula" for p in parts)
    assert any(set(parts) <= set(s.members) or all(p in s.slogan for p in parts) for s in found.values()
               if s.slogan not in parts)


NOT_PARTS = [  # a comma-joined couplet, ranks and a couplet of a number and a verb phrase are not split
    ("打造“三区联动，一城崛起”格局。", "三区联动"),
    ("实现“一个第一、两个第二”的好成绩。", "一个第一"),
    ("坚持“一要发展、二要稳定”方针。", "二要稳定"),
]


@pytest.mark.parametrize("text,part", NOT_PARTS)
def test_not_each_part(text, part):
    assert part not in slogans("标题\n" + text)


NOT_FORMULAS = [  # counts that organise a text, and lists of names, are not formulas
    ("今年要抓好三项工作：一是稳就业。二是保民生。三是防风险。", "三项工作"),
    ("要办好两项重大措施：一是扩大招生。二是提高补助。", "两项重大措施"),
    ("报告分为四个部分：回顾、目标、任务、要求。", "四个部分"),
    ("依托高新区、物流园两大产业园区发展。", "两大产业"),
]


@pytest.mark.parametrize("text,name", NOT_FORMULAS)
def test_not_a_formula(text, name):
    assert name not in slogans("标题\n" + text)


BROKEN = [  # a hard line break inside a quote
    ("今年要稳字当头，当好经济发展的“稳定\n器”，持续发力。", "稳定器"),
    ("改革要有新突破，坚持“先行\n先试”原则，大胆探索。", "先行先试"),
]


@pytest.mark.parametrize("text,watchword", BROKEN)
def test_quote_broken_by_a_line_break(text, watchword):
    found = slogans("标题\n" + text)
    assert watchword in found and found[watchword].type == "quoted"


def test_unbalanced_quotes_over_lines_are_not_joined():
    found = slogans("标题\n他说“要加快\n发展\n步伐，务求实效。")
    assert not any("发展" in k for k in found)


FRAGMENTS = [  # no shorter formula reported beside the quoted one that holds it
    ("推进“三改一拆一提升”工作，全面落实。", "三改一拆一提升", "三改一拆"),
    ("建好“两中心一平台”，服务群众。", "两中心一平台", "两中心一"),
]


@pytest.mark.parametrize("text,whole,fragment", FRAGMENTS)
def test_no_fragment_beside_the_whole(text, whole, fragment):
    found = slogans("标题\n" + text)
    assert found[whole].type == "formula" and fragment not in found


COMPACT = [  # 双X双Y outside quotes, as 两X一Y
    ("实现防汛抗旱双战双胜。", "双战双胜"),
]


@pytest.mark.parametrize("text,formula", COMPACT)
def test_compact_formulas(text, formula):
    assert slogans("标题\n" + text)[formula].type == "formula"


VERB_RUNS = [
    ("要强根基、蓄动能、利长远，统筹推进。", "强根基、蓄动能、利长远"),
    ("谋划一批强根基、蓄动能、利长远的重大项目。", "强根基、蓄动能、利长远"),
]


@pytest.mark.parametrize("text,run", VERB_RUNS)
def test_verb_object_runs(text, run):
    found = slogans("标题\n" + text)
    assert found[run].type == "parallel"
