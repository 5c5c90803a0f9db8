"""Outline rules, one small text each: what is a heading, its number, level, parent and title."""
from __future__ import annotations

import pytest

import speechkit


def heads(text: str) -> list[tuple]:
    doc = speechkit.load(text=text)
    return [(h.style, h.number, h.level, h.parent, h.inline, doc.norm[slice(*h.title_span)])
            for h in speechkit.outline(doc)]


def shape(text: str) -> list[tuple]:
    return [h[:5] for h in heads(text)]


@pytest.mark.parametrize("text,expected", [
    # every style, at a paragraph start
    ("一、总体要求\n二、主要任务", [("cn_dun", 1, 1, None, False), ("cn_dun", 2, 1, None, False)]),
    ("（一）甲\n（二）乙", [("cn_paren", 1, 1, None, False), ("cn_paren", 2, 1, None, False)]),
    ("(一)甲\n(二)乙", [("cn_paren", 1, 1, None, False), ("cn_paren", 2, 1, None, False)]),
    ("1.甲\n2.乙", [("arabic_dot", 1, 1, None, False), ("arabic_dot", 2, 1, None, False)]),
    ("１．甲\n２．乙", [("arabic_dot", 1, 1, None, False), ("arabic_dot", 2, 1, None, False)]),
    ("1、甲\n2、乙", [("arabic_dun", 1, 1, None, False), ("arabic_dun", 2, 1, None, False)]),
    ("（1）甲\n（2）乙", [("arabic_paren", 1, 1, None, False), ("arabic_paren", 2, 1, None, False)]),
    ("①甲\n②乙", [("circled", 1, 1, None, False), ("circled", 2, 1, None, False)]),
    ("第一，甲。\n第二，乙。", [("ordinal", 1, 1, None, False), ("ordinal", 2, 1, None, False)]),
    ("一是甲。二是乙。", [("yi_shi", 1, 1, None, False), ("yi_shi", 2, 1, None, True)]),
    ("一要甲。二要乙。三要丙。", [("yi_yao", 1, 1, None, False), ("yi_yao", 2, 1, None, True),
                          ("yi_yao", 3, 1, None, True)]),
    ("首先，甲。其次，乙。最后，丙。", [("shouxian", 1, 1, None, False), ("shouxian", 2, 1, None, True),
                              ("shouxian", 3, 1, None, True)]),
    # multi-character numerals
    ("九、甲\n十、乙\n十一、丙", [("cn_dun", 9, 1, None, False), ("cn_dun", 10, 1, None, False),
                         ("cn_dun", 11, 1, None, False)]),
    # GB/T order nests; other styles nest under the heading they appear in
    ("一、甲\n（一）乙\n1.丙\n（1）丁\n一是戊。二是己。",
     [("cn_dun", 1, 1, None, False), ("cn_paren", 1, 2, 1, False), ("arabic_dot", 1, 3, 2, False),
      ("arabic_paren", 1, 4, 3, False), ("yi_shi", 1, 5, 4, False), ("yi_shi", 2, 5, 4, True)]),
    # headings after ：；, and (soft styles) after ，
    ("主要有：一是甲；二是乙，三是丙。", [("yi_shi", 1, 1, None, True), ("yi_shi", 2, 1, None, True),
                              ("yi_shi", 3, 1, None, True)]),
])
def test_styles_levels_parents(text, expected):
    assert shape(text) == expected


@pytest.mark.parametrize("text", [
    "坚持统一、规范的原则。",                  # 统一、 is not at a heading position
    "要做到一是一非分明，不含糊。",             # 一是 with no 二是
    "发展是第一要务，稳定是第一责任。",         # 第一要务: 一要 after 第, not a heading position
    "今年是最后一年，也是关键一年。",           # 最后 with no 首先 before it
    "增长1.5%。2.3亿元投资到位。",            # decimals are not 1. / 2. headings
    "这是第一步，也是第二步。",               # 第一步 is not 第一，
    "《条例》第一、二章。",                    # not after a boundary
    "一是加强学习。\n\n" + "正文。" * 2000 + "二是改进作风。",  # siblings too far apart
])
def test_not_headings(text):
    assert shape(text) == []


def test_excerpt_starting_at_four_keeps_its_number():
    assert shape("区长讲话\n四、做好今年工作的几点要求\n一要强化责任意识。\n二要强化作风建设。") == [
        ("cn_dun", 4, 1, None, False), ("yi_yao", 1, 2, 1, False), ("yi_yao", 2, 2, 1, False)]


def test_run_in_heading_title_ends_at_stop_or_body_start():
    h = heads("三、加强领导,狠抓落实,确保全年各项工作任务顺利完成今年全区工作的总体要求和部署十分明确,"
              "各项目标任务和工作重点已经确定,我们要一以贯之地抓好落实,确保各项工作有序推进并取得实效。")
    assert h[0][5] == "加强领导,狠抓落实,确保全年各项工作任务顺利完成"
    assert heads("（一）把握经济风向，锚定全年目标。一是甲。二是乙。")[0][5] == "把握经济风向，锚定全年目标"
    assert heads("首先，要切实抓好招商引资，提高质量。其次，要积极争资。")[0][5] == "要切实抓好招商引资"


def test_run_in_heading_does_not_hold_later_paragraphs():
    """(5) is a one-paragraph point; the 一要 sequence of the next paragraph is 一、's, not (5)'s."""
    text = "一、认清形势\n（1）经济增长。正文。\n（2）城乡建设。正文。\n一要强化忧患意识。正文。\n二要强化机遇意识。"
    assert shape(text)[3:] == [("yi_yao", 1, 2, 1, False), ("yi_yao", 2, 2, 1, False)]


def test_standalone_heading_holds_later_paragraphs():
    text = "三、加强领导\n1、紧扣发展抓党建\n一是思想保证。正文。\n二是组织保证。正文。"
    assert shape(text)[2:] == [("yi_shi", 1, 3, 2, False), ("yi_shi", 2, 3, 2, False)]


def test_restarted_sequence_is_a_sibling_not_a_child():
    text = "一、回顾\n一是甲。\n二是乙。\n引出下文。\n一是丙。\n二是丁。"
    assert [h[2:4] for h in shape(text)] == [(1, None), (2, 1), (2, 1), (2, 1), (2, 1)]


def test_marker_alone_on_its_line_takes_the_next_line_as_title():
    h = heads("一是\n　　\n按照法制统一的原则，完善法律法规。\n二是\n扩大开放领域。")
    assert [(x[0], x[1], x[5]) for x in h] == [("yi_shi", 1, "按照法制统一的原则，完善法律法规"),
                                               ("yi_shi", 2, "扩大开放领域")]


def test_preview_list_is_not_the_outline():
    text = ("报告分三个部分：一、回顾过去；二、今年任务；三、政府建设。\n"
            "一、回顾过去\n正文。\n二、今年任务\n正文。\n三、政府建设\n正文。")
    assert [(h[1], h[4]) for h in heads(text)] == [(1, False), (2, False), (3, False)]


def test_restarted_ranked_list_nests_inside_its_section():
    text = "一、甲\n二、乙\n（一）问题\n一、第一点，正文。\n二、第二点，正文。\n三、第三点，正文。\n三、丙\n"
    assert shape(text) == [("cn_dun", 1, 1, None, False), ("cn_dun", 2, 1, None, False),
                           ("cn_paren", 1, 2, 2, False), ("cn_dun", 1, 3, 3, False),
                           ("cn_dun", 2, 3, 3, False), ("cn_dun", 3, 3, 3, False),
                           ("cn_dun", 3, 1, None, False)]


def test_endnotes_are_not_headings():
    text = ("正文。①\n①列宁：《全俄中央执行委员会会议》，《列宁全集》第26卷，第269页。\n"
            "②毛泽东：《实践论》，《毛泽东选集》第1卷，第285页。")
    assert shape(text) == []


def test_titles_lose_trailing_punctuation():
    assert heads("一、加强领导。\n二、狠抓落实；")[0][5] == "加强领导"
    assert heads("第一，抓好工业。\n第二，抓好农业。")[1][5] == "抓好农业"
