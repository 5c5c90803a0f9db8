"""The outline's one-pass scan (extractors/outline.py ``_lead``) must find exactly what a
``finditer`` of each heading scan finds: same matches, same order, on any text."""
from __future__ import annotations

import dataclasses
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import speechkit
from speechkit.config import Config
from speechkit.extractors import outline as O
from speechkit.extractors.gate import first_class
from tests.conftest import SAMPLES


@pytest.fixture(scope="module")
def rules():
    return Config().compiled("outline", O._compile)


def found(text: str, comp: O.OutlineRules) -> list:
    return [(m.span(), m.groupdict(), m.lastgroup, only) for m, only in O._scan_matches(text, comp)]


def per_scan(text: str, comp: O.OutlineRules) -> list:
    return found(text, dataclasses.replace(comp, lead=None))


def test_the_default_lexicon_gets_a_one_pass_scan(rules):
    assert rules.lead is not None and rules.lead.rx.groups == 0


def test_one_pass_equals_each_scan_on_the_samples(rules):
    for path in SAMPLES:
        text = speechkit.load(str(path)).norm
        assert found(text, rules) == per_scan(text, rules), path.name


# markers that overlap (第一、 holds 一、; 二十一、 holds 十一、 and 一、), share a first character
# (（一） and （1）), or nearly match (1.5 is no heading)
PIECES = ["一", "二", "十", "、", "是", "要", "第", "（", "）", "(", ")", "1", "2", "0", ".", "．", "①",
          "⒈", "首先", "其次", "最后", "，", "。", "：", "\n", " ", "我们", "今年"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=40))
def test_one_pass_equals_each_scan_on_any_text(pieces):
    comp = Config().compiled("outline", O._compile)
    text = "".join(pieces)
    assert found(text, comp) == per_scan(text, comp)


def test_candidates_are_the_same_either_way(rules):
    text = "第一、总体要求\n二十一、加强领导。（一）抓落实；（1）建机制；一是要早，二是要实。1.5亿元\n首先，要学。其次，要干。"
    fast = O._candidates(text, rules)
    slow = O._candidates(text, dataclasses.replace(rules, lead=None))
    assert fast == slow and {c.style for c in fast} >= {"ordinal", "cn_dun", "cn_paren", "arabic_paren", "yi_shi"}


@pytest.mark.parametrize("pattern, first", [
    ("(?P<num>[一二]{1,3})、", "一二"),
    ("(?:首先|其次)(?=，)", "其首"),
    ("(?<!x)第", "第"),
    ("a?b?", None),         # may match empty
    ("(?i)abc", None),      # flags
    ("[^ab]c", None),       # negated class
])
def test_first_class(pattern, first):
    assert first_class(pattern) == first


def test_no_one_pass_scan_when_a_group_is_referred_back_to():
    scans = ((re.compile(r"(?P<num>[一二])(?P=num)、"), "x"),)
    assert O._lead(scans) is None
