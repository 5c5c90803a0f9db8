"""Speed-ups of `targets` that must not change a single record: first-character gates on the
cue regexes (extractors/gate.py) and an outline handed in by the caller."""
from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import speechkit
from speechkit.api import outline, targets
from speechkit.config import Config
from speechkit.extractors.target_rules import compile_rules
from speechkit.extractors.gate import gated
from tests.conftest import SAMPLES

CUE_KEYS = ["qual_before", "growth", "ratio", "delta", "modality", "kind", "other", "weak", "period",
            "skip_after", "distribute"]


def spans(rx: re.Pattern, text: str, pos: int = 0, endpos: int | None = None) -> list:
    end = len(text) if endpos is None else endpos
    return [(m.span(), m.lastgroup, m.groupdict()) for m in rx.finditer(text, pos, end)]


@pytest.fixture(scope="module")
def compiled():
    return Config().compiled("targets", compile_rules)


def test_gated_cue_regexes_match_as_the_plain_ones_on_the_samples(compiled):
    norms = [speechkit.load(str(p)).norm for p in SAMPLES]
    for key in CUE_KEYS:
        rx = getattr(compiled, key)
        plain = re.compile(rx.pattern.split("])(?:", 1)[1][:-1]) if rx.pattern.startswith("(?=[") else rx
        for text in norms:
            assert spans(rx, text) == spans(plain, text), key


CUE_CHARS = "今年明去上比较到至要求将近主预期目标力争确保增长下降约超过以内左右2019120五十“”，：。实现完成达3%亿元"


@settings(max_examples=200, deadline=None)
@given(text=st.text(alphabet=CUE_CHARS, max_size=40), cut=st.integers(0, 40))
def test_gated_equals_plain_on_any_window(text, cut):
    compiled = Config().compiled("targets", compile_rules)
    for key in ("kind", "period", "modality", "growth", "qual_before"):
        rx = getattr(compiled, key)
        plain = re.compile(rx.pattern.split("])(?:", 1)[1][:-1])
        lo, hi = min(cut, len(text)), len(text)
        assert spans(rx, text, lo // 2, hi) == spans(plain, text, lo // 2, hi), key
        assert spans(rx, text, 0, lo) == spans(plain, text, 0, lo), key


@pytest.mark.parametrize("pattern", [
    "a?b?",            # may match empty: no gate possible
    "(?i)(?<!x)abc",   # flags
    "(?<!x)[^ab]c",    # negated class
    "(a)\\1",          # starts with a literal: the engine skips ahead already
    "今年|明年",        # every branch starts with a literal: likewise
])
def test_no_gate_where_it_cannot_or_need_not_be_built(pattern):
    assert gated(pattern).pattern == pattern


@pytest.mark.parametrize("pattern,first", [
    ("(?<![比较])去年|今年", "[今去]"),
    ("(?P<a>到|至)?(?:19|20)\\d\\d", "[12到至]"),
    ("(?<!x)\\d{1,2}年内|[一二]年", "[\\d一二]"),
])
def test_gate_lists_every_possible_first_character(pattern, first):
    assert gated(pattern).pattern == f"(?={first})(?:{pattern})"


def test_an_outline_passed_in_gives_the_same_records(sample):
    doc = speechkit.load(str(sample))
    assert targets(doc) == targets(doc, outline=outline(doc))
