"""One-pass scans (speechkit/regex_lead.py) must find exactly what each regex's own
``finditer`` finds: same matches, same order, on any text; a WordScan exactly the words
``word in text`` finds. Used by the outline's heading scans and by the cleaning rules."""
from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import speechkit
from speechkit.config import Config
from speechkit.extractors import outline as O
from speechkit.normalize import clean
from speechkit.regex_lead import Lead, WordScan, first_class
from tests.conftest import SAMPLES


def each(regexes, text):
    """The reference: every regex's own finditer, merged in text order, ties in list order."""
    found = [(m.start(), i, m) for i, rx in enumerate(regexes) for m in rx.finditer(text)]
    return [(i, m.span(), m.groupdict(), m.lastgroup) for _, i, m in sorted(found, key=lambda f: f[:2])]


def via(lead, text):
    return [(i, m.span(), m.groupdict(), m.lastgroup) for i, m in lead.finditer(text)]


@pytest.fixture(scope="module")
def outline_rules():
    return Config().compiled("outline", O._compile)


def test_the_outline_scans_get_a_lead(outline_rules):
    assert outline_rules.lead.rx is not None and outline_rules.lead.rx.groups == 0


def test_outline_lead_equals_each_scan_on_the_samples(outline_rules):
    regexes = outline_rules.lead.regexes
    for path in SAMPLES:
        text = speechkit.load(str(path)).norm
        assert via(outline_rules.lead, text) == each(regexes, text), path.name


# markers that overlap (第一、 holds 一、; 二十一、 holds 十一、 and 一、), share a first character
# (（一） and （1）), or nearly match (1.5 is no heading)
PIECES = ["一", "二", "十", "、", "是", "要", "第", "（", "）", "(", ")", "1", "2", "0", ".", "．", "①",
          "⒈", "首先", "其次", "最后", "，", "。", "：", "\n", " ", "我们", "今年"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=40))
def test_outline_lead_equals_each_scan_on_any_text(pieces):
    lead = Config().compiled("outline", O._compile).lead
    text = "".join(pieces)
    assert via(lead, text) == each(lead.regexes, text)


def test_outline_candidates_of_overlapping_markers(outline_rules):
    text = "第一、总体要求\n二十一、加强领导。（一）抓落实；（1）建机制；一是要早，二是要实。1.5亿元\n首先，要学。其次，要干。"
    styles = {c.style for c in O._candidates(text, outline_rules)}
    assert styles >= {"ordinal", "cn_dun", "cn_paren", "arabic_paren", "yi_shi", "shouxian"}


# runs, overlaps and near-misses for some hand-made regexes
SPAN_RXS = [re.compile(r"[…\.]{0,3}[ \t]*[(（]略\d{1,3}字[)）]"), re.compile(r"[ab]+|c(?=d)"),
            re.compile(r"(?P<x>\d{1,2})(?:(?P<dot>\.)|(?P<dun>、))"), re.compile(r"a{1,2}b", re.M)]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["…", ".", " ", "(", "（", ")", "）", "略", "1", "2", "字", "a", "b", "c", "d",
                                 "、", "\n"]), max_size=30))
def test_lead_equals_finditer_on_any_text(pieces):
    text = "".join(pieces)
    for rx in SPAN_RXS:
        lead = Lead([rx])
        assert lead.rx is not None
        assert via(lead, text) == each([rx], text), rx.pattern
    lead = Lead(SPAN_RXS[:3])
    assert via(lead, text) == each(SPAN_RXS[:3], text)


def test_no_lead_without_first_characters_or_with_back_references():
    assert Lead([re.compile("a?b?")]).rx is None                     # may match empty
    assert Lead([re.compile(r"(?P<n>[ab])(?P=n)")]).rx is None       # a back reference
    assert Lead([re.compile("a"), re.compile("b", re.M)]).rx is None  # different flags
    plain = Lead([re.compile("a?b?")])
    assert via(plain, "abb") == each([re.compile("a?b?")], "abb")     # then each regex's own finditer


@pytest.mark.parametrize("pattern, first", [
    ("(?P<num>[一二]{1,3})、", "一二"),
    ("(?:首先|其次)(?=，)", "其首"),
    ("(?<!x)第", "第"),
    (r"[…\.]{0,6}x", r"\.x…"),
    ("a?b?", None),         # may match empty
    ("(?i)abc", None),      # flags
    ("[^ab]c", None),       # negated class
])
def test_first_class(pattern, first):
    assert first_class(pattern) == first


WORDS = ["小编", "编辑", "编", "大 中 小", "大", "(", "下载", "下载后", "VIP", "中 小", "辑\n下"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["小", "编", "辑", "大", " ", "中", "(", "下", "载", "后", "V", "I", "P", "x", "\n"]),
                max_size=25))
def test_word_scan_equals_in(pieces):
    text = "".join(pieces)
    # `frequent` moves the anchors (小编 by 编 or by 小, 大 中 小 by its last 小), never the answer
    for frequent in ("", " 大中小下编", "编辑载后小"):
        assert WordScan(WORDS, frequent).present(text) == {w for w in WORDS if w in text}, frequent


def test_word_scan_of_the_cleaning_rules_equals_in():
    rules = Config().compiled("cleaning", clean._compile)
    words = rules.words.words
    for path in SAMPLES:
        text = path.read_text(encoding="utf-8")
        assert rules.words.present(text) == {w for w in words if w in text}, path.name


def test_word_scan_of_no_words():
    assert WordScan([]).present("任何文字") == set()
