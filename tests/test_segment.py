"""Segmentation backends: the fast one (rjieba, `speechkit-zh[fast]`) must give jieba's tokens
exactly, so every keyword record stays the same. Missing the extra fails these tests (CI
installs `.[test,fast]`): a skipped equality test would hide a slow or a different backend."""
from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import speechkit
from speechkit import segment
from speechkit.config import Config
from tests.conftest import ROOT, SAMPLES


@pytest.fixture(scope="module")
def config() -> Config:
    if "rjieba" not in segment.available_backends():
        pytest.fail("the fast extra is not installed: pip install -e '.[fast]' (.ci/run installs it)")
    return Config()


def both(text: str, config: Config) -> tuple[list, list]:
    return list(segment.tokens(text, config, "jieba")), list(segment.tokens(text, config, "rjieba"))


def test_fast_tokens_equal_jieba_on_every_sample(config):
    for sample in SAMPLES:
        slow, fast = both(speechkit.load(str(sample)).norm, config)
        assert fast == slow, sample.name


def test_fast_keywords_equal_jieba_on_every_sample(config, monkeypatch):
    for sample in SAMPLES:
        doc = speechkit.load(str(sample))
        monkeypatch.setenv("SPEECHKIT_JIEBA", "jieba")
        slow = speechkit.api.keywords(doc, config, top=None)
        monkeypatch.setenv("SPEECHKIT_JIEBA", "rjieba")
        fast = speechkit.api.keywords(doc, config, top=None)
        assert fast == slow, sample.name


@pytest.mark.parametrize("sep", list(segment.SEPARATORS))
def test_separators_are_tokens_of_their_own_in_both(config, sep):
    text = f"中国{sep}人民{sep}{sep}高质量发展规划{sep}2011-2020年{sep}"
    slow, fast = both(text, config)
    assert fast == slow


@pytest.mark.parametrize("text", [
    "颁布实施2011-2020年中国妇女发展纲要",      # rjieba alone keeps 2011-2020 whole
    "在1983-199210年间",
    "二〇一五年，ＧＤＰ增长７％，B超检查，x光",
    "㐀中国\ue000人民\ue001鿖豈",               # outside jieba's Han range, private use
    "实现一季度经济工作开门红，坚持三个代表，五位一体，招商引资",  # user words already in the dictionary
    "", "1", "中国", "。。", "abc中国2", "\r\n中国\r\n",
])
def test_fast_tokens_equal_jieba_on_hard_cases(config, text):
    slow, fast = both(text, config)
    assert fast == slow


@settings(max_examples=150, deadline=None)
@given(text=st.text(alphabet="中国人民经济发展增长工作实现年月日一二〇三五十亿元开门红高质量0123456789.-%abcX，。 \n、（）“”㐀", max_size=60))
def test_fast_tokens_equal_jieba_on_any_mix(text):
    config = Config()
    if "rjieba" not in segment.available_backends():
        pytest.fail("the fast extra is not installed")
    slow, fast = both(text, config)
    assert fast == slow


@settings(max_examples=150, deadline=None)
@given(text=st.text(alphabet="中国人民经济发展增长工作实现年月日一二〇三五十亿元开门红高质量0123456789.-%abcX，。 \n、（）“”㐀", max_size=60))
def test_words_are_the_words_of_tokens_in_both_backends(text):
    config = Config()
    for backend in segment.available_backends():
        assert segment.words(text, config, backend) == [w for w, _s, _e in segment.tokens(text, config, backend)]


def test_words_are_the_words_of_tokens_on_every_sample(config):
    for sample in SAMPLES:
        text = speechkit.load(str(sample)).norm
        for backend in segment.available_backends():
            assert segment.words(text, config, backend) == [w for w, _s, _e in segment.tokens(text, config, backend)]


def test_only_segment_imports_jieba_or_rjieba():
    importers = [p.relative_to(ROOT).as_posix() for p in (ROOT / "speechkit").rglob("*.py")
                 if re.search(r"^\s*(import|from) r?jieba\b", p.read_text(encoding="utf-8"), re.M)]
    assert importers == ["speechkit/segment.py"]


def test_jieba_forced_by_environment(monkeypatch):
    monkeypatch.setenv("SPEECHKIT_JIEBA", "jieba")
    assert segment.backend_name() == "jieba"
    monkeypatch.delenv("SPEECHKIT_JIEBA")
    assert segment.backend_name() == segment.available_backends()[0]
