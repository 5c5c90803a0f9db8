"""Outline on real web pages (issue 11): lone headings, chunk numbering, previews inside one
sentence, runs that lost their first item, hard-wrapped titles. Examples written for these tests."""
from __future__ import annotations

import pytest

import speechkit

from speechkit.records import heading_records


def heads(text: str) -> list[tuple]:
    doc = speechkit.load(text=text)
    return [(r["style"], r["number"], r["level"], r["title"]) for r in
            heading_records(doc, speechkit.outline(doc), "simplified")]


def shape(text: str) -> list[tuple]:
    return [h[:3] for h in heads(text)]


BODY = "全镇上下围绕目标任务，狠抓工作落实，各项事业取得新的进展。"


@pytest.mark.parametrize("text,expected", [
    # a ranked marker alone at a paragraph start: the page lost its siblings
    ("一、坚定信心\n" + BODY, [("cn_dun", 1, 1)]),
    ("（一）坚定信心\n" + BODY, [("cn_paren", 1, 1)]),
    ("1.坚定信心\n" + BODY, [("arabic_dot", 1, 1)]),
    ("2、坚定信心\n" + BODY, [("arabic_dun", 2, 1)]),
    ("（3）坚定信心\n" + BODY, [("arabic_paren", 3, 1)]),
    ("⒈坚定信心\n" + BODY, [("full_stop_num", 1, 1)]),
    ("第一、坚定信心\n" + BODY, [("ordinal", 1, 1)]),
    # inline after 。 ： ！ ？, run into its body or not
    ("下面我讲几点意见：一、坚定信心，鼓足干劲" + BODY, [("cn_dun", 1, 1)]),
    ("会议开得很好。一、坚定信心。" + BODY, [("cn_dun", 1, 1)]),
    ("会议开得很好！（二）坚定信心。" + BODY, [("cn_paren", 2, 1)]),
    ("提出意见。一、十三五时期工作回顾。" + BODY, [("cn_dun", 1, 1)]),   # 十 does not follow 一
    # a lone parent keeps its level above the headings under it
    ("讲两点意见：一、认清形势。（一）成绩来之不易。一是产业升级。二是民生改善。",
     [("cn_dun", 1, 1), ("cn_paren", 1, 2), ("yi_shi", 1, 3), ("yi_shi", 2, 3)]),
    ("一、认清形势\n（一）成绩来之不易\n1.产业升级\n" + BODY,
     [("cn_dun", 1, 1), ("cn_paren", 1, 2), ("arabic_dot", 1, 3)]),
])
def test_lone_headings(text, expected):
    assert shape(text) == expected


@pytest.mark.parametrize("text", [
    "今年一、二季度增长较快。",                        # 一、二 is a range of numbers
    "主要指标：一、二产业占比上升。",                   # the same after a colon
    "工期安排。三、四月份完成主体工程。",               # 三、四 is a range too
    "各项工作稳步推进；一、坚定信心。" + BODY,           # after ；: a clause of a list, not a heading
    "各项工作稳步推进，一、坚定信心。" + BODY,           # after ，
    "会议开得很好。1、坚定信心。" + BODY,               # inline arabic numbers need a sibling
    "坚持统一、规范、高效的原则。",
    "第一，坚定信心。" + BODY,                          # 第一， alone opens a point, needs 第二，
    "这是第一、也是唯一的选择。",                       # 第一、 not at a heading position
])
def test_lone_marker_that_is_not_a_heading(text):
    assert shape(text) == []


def test_preview_of_parts_in_one_sentence_is_not_the_outline():
    text = "报告共分三个部分：一、过去一年工作回顾；二、今年主要任务；三、加强自身建设。" + BODY
    assert shape(text) == []
    # inline headings each followed by sentences of their own are an outline
    text = "一、过去一年工作回顾。" + BODY + "二、今年主要任务。" + BODY
    assert shape(text) == [("cn_dun", 1, 1), ("cn_dun", 2, 1)]


LONG = "按照县委的统一部署，全县各级各部门认真落实各项工作任务，" * 6  # ~170 chars, no sentence end


def test_document_site_chunk_numbers_are_not_headings():
    """1、 2、 3、 put before chunks that start mid-sentence: the line before each runs on."""
    text = f"1、在全县工作会议上的讲话 同志们：{LONG}\n2、加快推进{LONG}\n3、项目建设{LONG}"
    assert shape(text) == []


def test_numbered_lines_after_finished_sentences_are_headings():
    text = f"1、加快推进项目建设\n{LONG}完成。\n2、持续改善民生\n{LONG}完成。"
    assert shape(text) == [("arabic_dun", 1, 1), ("arabic_dun", 2, 1)]


@pytest.mark.parametrize("text,expected", [
    # the page lost the line with 一是: 二是, 三是 still read as a list
    ("成效明显：\n二是产业结构优化。正文。\n三是民生持续改善。正文。", [("yi_shi", 2, 1), ("yi_shi", 3, 1)]),
    ("其次，要抓好项目。最后，要改进作风。", [("shouxian", 2, 1), ("shouxian", 3, 1)]),
    # circled numbers after full stops are note references, not a list that lost ①
    ("这是一个重要论断。②这一点已被实践证明。③后面还要讲到。", []),
    # a lone 二是 stays rejected
    ("成效明显：二是产业结构优化。", []),
])
def test_runs_that_lost_their_first_item(text, expected):
    assert shape(text) == expected


def test_quoted_heading_then_a_space_is_a_boundary():
    """Pages that flatten line breaks into spaces: 第一件事是“…” 一是…"""
    text = "今年要办好两件事 第一件事是“稳增长” 一是抓项目建设。正文。 二是抓招商引资。正文。"
    assert [h[:2] for h in shape(text)] == [("yi_shi", 1), ("yi_shi", 2)]


def test_sub_list_does_not_break_the_run_around_it():
    text = ("一、总体情况\n（一）工业发展\n第一，产业升级。\n正文。\n一、技术改造。\n二、品牌建设。\n"
            "第二，招商引资。\n正文。\n二、存在问题\n")
    assert shape(text) == [("cn_dun", 1, 1), ("cn_paren", 1, 2), ("ordinal", 1, 3), ("cn_dun", 1, 4),
                           ("cn_dun", 2, 4), ("ordinal", 2, 3), ("cn_dun", 2, 1)]


def test_hard_wrapped_inline_title_is_read_whole():
    text = ("今年以来全县经济运行总体平稳，各项指标稳中\n"
            "有进，成绩来之不易。一是工业经济持续向好发\n"
            "展，规模以上企业产值稳步增长。二是农业生产\n"
            "形势良好，粮食播种面积保持稳定，产量增加。\n")
    titles = [h[3] for h in heads(text)]
    assert titles[0].startswith("工业经济持续向好发展") and "\n" not in titles[0]
    assert titles[1] == "农业生产形势良好，粮食播种面积保持稳定，产量增加"


def test_title_line_that_is_not_wrapped_stays_one_line():
    text = "我讲三点意见：一、统一思想\n全县上下要把思想和行动统一到县委的决策部署上来，扎实做好各项工作。\n"
    assert heads(text)[0][3] == "统一思想"


def test_strong_body_cue_ends_a_run_in_title_before_a_weak_one():
    text = ("讲三点意见：一、总结经验，查找差距，增强做好今年工作的紧迫感今年以来，全县上下围绕年初确定的"
            "目标任务，攻坚克难，主要经济指标保持较快增长，发展质量稳步提升")
    assert heads(text)[0][3] == "总结经验，查找差距，增强做好今年工作的紧迫感"
