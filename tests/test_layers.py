"""The three text layers (docs/records.md "Text layers"): cleaning rules, script conversion, and offset maps."""
from __future__ import annotations

import importlib

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import speechkit
from tests.conftest import SAMPLES

FOLD = str.maketrans("０１２３４５６７８９％．ＡＺａｚ", "0123456789%.AZaz")


@pytest.mark.parametrize("raw,clean", [
    ("區(qū)長(zhǎng)在會議上", "區長在會議上"),
    ("發(fā)展", "發展"),
    ("以?shī)^發(fā)有為", "以發有為"),  # corrupted annotation: the debris goes
    ("生产总值(GDP)增长", "生产总值(GDP)增长"),  # Latin without tone marks stays
    ("增长１２．４％", "增长12.4%"),
    ("李\u3000强讲话", "李强讲话"),
    ("零\u200b宽\ufeff字符", "零宽字符"),
    ("第一行\r\n第二行", "第一行\n第二行"),
    ("正文。\n---此处隐藏6172字,下载后查看---\n四、标题", "正文。\n\n四、标题"),
    ("前文……(省略833字…)后文", "前文后文"),
    ("正文【更多精彩内容请点击】结束", "正文结束"),
])
def test_cleaning_rules(raw, clean):
    assert speechkit.load(text=raw).clean == clean


@pytest.mark.parametrize("line", [
    "時間:2022-05-30 09:13:00",
    "发布时间: 2015-03-30 来源:区委办公室",
    "導語:區委書記全區工作會議講話稿一文來源于網友上傳,不代表本站觀點",
    "来源:区委办公室",
    "您所在的位置:",
    "首页  >  渝水要闻  >  领导讲话  >",
    "- 上一篇:區長在人口和計劃生育工作兌現表彰大會上的講話",
    "- 下一篇:我國少年司法制度研究論文",
    "责任编辑:张三",
    "【打印】【关闭】",
    "打印本页 关闭窗口",
])
def test_boilerplate_lines_are_removed_but_line_breaks_kept(line):
    doc = speechkit.load(text=f"标题\n{line}\n一、正文")
    assert doc.clean == "标题\n\n一、正文"
    assert doc.noise_removed


@pytest.mark.parametrize("line", [
    "时间就是生命，效率就是金钱。",  # a sentence that starts with 时间, not a banner
    "来源于群众，服务于群众，这是我们工作的出发点和落脚点，必须始终坚持。",
])
def test_body_lines_that_look_like_banners_are_kept(line):
    assert speechkit.load(text=line).clean == line


def test_norm_is_simplified_and_same_length():
    doc = speechkit.load(text="區長在經濟工作會議上講話，著力發展，隨著改革")
    assert doc.script == "traditional"
    assert doc.norm == "区长在经济工作会议上讲话，着力发展，随着改革"
    assert len(doc.norm) == len(doc.clean)


def test_simplified_text_is_not_converted(monkeypatch):
    script = importlib.import_module("speechkit.normalize.script")
    called = []
    monkeypatch.setattr(script, "to_simplified", lambda t: called.append(t) or t)
    normalize = importlib.import_module("speechkit.normalize")
    monkeypatch.setattr(normalize, "to_simplified", script.to_simplified)
    doc = speechkit.load(str(SAMPLES[-1]))  # three-level-cadres-2015.simp
    assert doc.script == "simplified" and doc.norm is doc.clean and not called


@pytest.mark.parametrize("text,script", [
    ("我们要坚持发展经济", "simplified"),
    ("我們要堅持發展經濟", "traditional"),
    ("我們要堅持發展經濟，我们要坚持发展经济", "mixed"),
])
def test_script_detection(text, script):
    assert speechkit.load(text=text).script == script


def _check_alignment(doc):
    fold = lambda s: s.translate(FOLD)  # noqa: E731
    for i, ch in enumerate(doc.clean):
        assert fold(doc.raw[doc.clean_map.to_origin(i)]) == ch


def test_every_clean_character_maps_to_its_raw_character(sample):
    doc = speechkit.load(str(sample))
    _check_alignment(doc)
    assert len(doc.norm) == len(doc.clean)


NOISE = st.sampled_from(["(qū)", "\u3000", "\u200b", "\r", "１", "％", "\n时间:2020-01-01\n",
                         "---此处隐藏12字---", "一、", "（二）", "区", "，", "。", "a", " "])


@settings(max_examples=200, deadline=None)
@given(st.lists(st.one_of(NOISE, st.text(max_size=5)), max_size=40))
def test_alignment_holds_for_any_mix_of_noise(parts):
    doc = speechkit.load(text="".join(parts))
    _check_alignment(doc)
    for h in speechkit.outline(doc):
        s, e = doc.raw_span(*h.marker_span)
        assert 0 <= s < e <= len(doc.raw)


def test_heading_offsets_point_at_the_marker_in_raw(sample):
    doc = speechkit.load(str(sample))
    to_simp = importlib.import_module("speechkit.normalize.script").to_simplified
    for h in speechkit.outline(doc):
        s, e = doc.raw_span(*h.marker_span)
        marker = doc.norm[slice(*h.marker_span)]
        assert to_simp(doc.raw[s:e].translate(FOLD)) == marker
        assert doc.line_of(s) == doc.raw.count("\n", 0, s) + 1


def test_html_page_is_read_as_the_text_a_reader_sees():
    """A web page is read into text before cleaning (speechkit/readers/html.py): raw is that
    text, so offsets and lines count in what a reader of the page sees."""
    page = ("<!DOCTYPE html><html><head><title>区长讲话</title><style>p{color:red}</style></head>"
            "<body><div>一、加强领导&nbsp;狠抓落实</div><p>一是要学习。二是要落实&amp;推进。</p>"
            "<script>var x=\"三、\";</script><!-- 四、 --></body></html>")
    doc = speechkit.load(text=page)
    assert doc.clean.split() == ["区长讲话", "一、加强领导狠抓落实", "一是要学习。二是要落实&推进。"]
    heads = speechkit.outline(doc)
    assert [(h.style, h.number, h.level) for h in heads] == [("cn_dun", 1, 1), ("yi_shi", 1, 2), ("yi_shi", 2, 2)]
    for h in heads:
        s, e = doc.raw_span(*h.marker_span)
        assert doc.raw[s:e] == doc.norm[slice(*h.marker_span)]
    assert "<" not in doc.raw and "三、" not in doc.raw and "四、" not in doc.raw


def test_plain_text_with_angle_brackets_is_not_treated_as_html():
    text = "一、关于<<条例>>的说明\n二、其他"
    assert speechkit.load(text=text).clean == text


@pytest.mark.parametrize("backend", ["python", "pyo3"])
def test_conversion_backends_give_the_same_norm(backend):
    """speechkit-zh[fast] (opencc-pyo3) must not change any result: same norm on every sample."""
    script = importlib.import_module("speechkit.normalize.script")
    if backend not in script.available_backends():
        pytest.fail("the fast extra is not installed: pip install -e '.[fast]' (.ci/run installs it)")
    for sample in SAMPLES:
        clean = speechkit.load(str(sample)).clean
        assert script.to_simplified(clean, backend) == script.to_simplified(clean, "python"), sample.name


def test_a_long_line_is_never_removed_as_boilerplate():
    """A page whose line breaks were lost starts with its breadcrumb: the speech must stay."""
    text = "您所在的位置:首页>领导讲话 一、加强领导。" + "正文内容。" * 200
    doc = speechkit.load(text=text)
    assert doc.clean == text
