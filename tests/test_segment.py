"""Segmentation backends: the fast one (rjieba, a default dependency) must give jieba's tokens
exactly, so every keyword record stays the same. Missing rjieba fails these tests (it is a
default dependency): a skipped equality test would hide a slow or a different backend."""
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
        pytest.fail("rjieba (a default dependency) is not installed: pip install -e .")
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
    # digits glued to Han, single characters of the route on both sides of a number
    "第14个五年规划", "增长7.5%左右", "的2的", "我和2你", "在2020年和2021年间", "12亿元人民币", "年3月",
    # dictionary words with ASCII: whole, cut, half in a longer run, next to a separator
    "A股市场", "AA股", "买T恤衫", "X光检查", "x光", "阿Q精神", "小S和大S", "江南style", "1号店", "21号店",
    "4S店", "C++语言", "c#程序", "AT&T公司", "IC卡", "N年", "PC机，CD机", "Q版的QQ号",
    "2.1号店", "阿Q.5倍", "5%A股", "A.5A股", "小S.5",  # a word cuts a run finalseg.re_skip takes whole
    # percent and decimals jieba's HMM step cuts up
    "%", "50%%的", "5%的", "%5", "3.14.15元", "1.5倍", ".5倍", "5.倍", "a.b", "1.2.3%", "12a.5b",
    # other ASCII of jieba's blocks
    "-", "--", "a-b组", "2016-2020年", "C#", "a_b", "A+B", "R&D经费", "#1号",
    # full-width and other non-block characters glued to Han and ASCII
    "ＧＤＰ增长７％", "２０２０年", "增长５.５%", "第三Ｑ季度", "é中国", "中\u00a0国", "中国\u200b人民",
    # rjieba's CJK beyond jieba's (extension A, compatibility, extension B), also inside numbers
    "中㐀国", "5㐀5", "鿖中国", "豈中国", "中\U00020000国", "增长5%\U0002a700",
    # three alike: two routes of the same weight, which rjieba's sums break otherwise
    "长长长和", "小小小二", "长长长b", "现小小小发01号", "五五五9", "人人人人民", "1000元",
])
def test_fast_tokens_equal_jieba_on_hard_cases(config, text):
    slow, fast = both(text, config)
    assert fast == slow
    assert segment.words(text, config, "rjieba") == [w for w, _s, _e in slow]


def test_rjieba_blocks_are_jiebas_but_for_the_cjk_sent_to_jieba():
    """Which characters each backend puts in its blocks: jieba's regex says it for jieba;
    rjieba's are measured, a character a time, with a dictionary word ``甲?乙`` (whole only if
    the character is in a block). They must differ only on ``segment._RJIEBA_ONLY``."""
    import jieba
    import rjieba

    astral = [c for lo, hi in [(0x1FFFF, 0x20001), (0x2A6DE, 0x2A701), (0x2EBEE, 0x2EBF1), (0x2F7FF, 0x2F801),
                               (0x2FA1E, 0x2FA21), (0x30000, 0x30001), (0x10FFFF, 0x10FFFF)] for c in range(lo, hi + 1)]
    chars = [chr(c) for c in [*range(0x21, 0xD800), *range(0xE000, 0x10000), *range(0x10000, 0x110000, 997), *astral]
             if chr(c) not in segment.SEPARATORS]
    fast = rjieba.Jieba()
    for c in chars:
        fast.add_word(f"甲{c}乙", 100000, None)
    cut = set(fast.cut("，".join(f"甲{c}乙" for c in chars)))
    differ = [c for c in chars if (f"甲{c}乙" in cut) != bool(jieba.re_han_default.fullmatch(c))]
    assert differ and all(segment._RJIEBA_ONLY.fullmatch(c) for c in differ)
    assert not [c for c in chars if segment._RJIEBA_ONLY.fullmatch(c) and c not in differ]


def test_jiebas_blocks_and_hmm_step_are_those_segment_assumes():
    import jieba
    import jieba.finalseg

    assert jieba.re_han_default.pattern == "([\u4E00-\u9FD5a-zA-Z0-9+#&\\._%\\-]+)"
    assert jieba.finalseg.re_han.pattern == "([\u4E00-\u9FD5]+)"
    assert jieba.finalseg.re_skip.pattern == "([a-zA-Z0-9]+(?:\\.\\d+)?%?)"


@pytest.mark.parametrize("word", ["A股", "T恤", "阿Q", "江南Style", "C++", "AT&T", "1号店"])
def test_ascii_words_found_where_they_occur(config, word):
    pattern = segment._ascii_words(segment.keyword_lexicon(config).user_words)
    text = f"中国{word}人民"
    assert [m.start() for m in pattern.finditer(text)] == [2 + min(i for i, c in enumerate(word) if c.isascii())]
    assert not pattern.search("中国A人民股T，恤")


ASCII_MIX = "中国人民经济发展增长工作实现年月日一二三五十亿元股恤光阿小大号店卡0123456789.-%+#&_abcAQSTX，。 、（）ＧＤＰ７．％㐀"


@settings(max_examples=300, deadline=None)
@given(text=st.text(alphabet=ASCII_MIX, max_size=40))
def test_fast_words_equal_jieba_on_any_ascii_mix(text):
    config = Config()
    if "rjieba" not in segment.available_backends():
        pytest.fail("rjieba (a default dependency) is not installed")
    assert segment.words(text, config, "rjieba") == segment.words(text, config, "jieba")


@settings(max_examples=200, deadline=None)
@given(parts=st.lists(st.tuples(st.text(alphabet="中国人民经济发展增长的和在年个", min_size=1, max_size=6),
                                st.from_regex(r"[a-zA-Z0-9]{1,4}(\.[0-9]{1,3})?%?", fullmatch=True)), max_size=6))
def test_whole_runs_between_han_go_to_rjieba_and_equal_jieba(parts):
    """Runs finalseg.re_skip takes whole, between Han: no chunk is sent to jieba (unless a
    dictionary word with ASCII or three Han alike occur), and rjieba's words are jieba's."""
    config = Config()
    text = "".join(h + a for h, a in parts)
    words = segment.keyword_lexicon(config).user_words
    if not segment._ascii_words(words).search(text) and not re.search(r"([\u4e00-\u9fd5])\1\1", text):
        assert segment._differ_at(text, segment._ascii_words(words)) == []
    assert segment.words(text, config, "rjieba") == segment.words(text, config, "jieba")


def test_fast_cut_equals_jieba_on_every_corpus_text(config):
    for path in sorted((ROOT / "tests" / "data" / "corpora").glob("*.txt")):
        for text in (path.read_text(encoding="utf-8"), speechkit.load(str(path)).norm):
            slow = segment.words(text, config, "jieba")
            assert segment.words(text, config, "rjieba") == slow, path.name
            assert [w for w, _s, _e in segment.tokens(text, config, "rjieba")] == slow, path.name


@settings(max_examples=150, deadline=None)
@given(text=st.text(alphabet="中国人民经济发展增长工作实现年月日一二〇三五十亿元开门红高质量0123456789.-%abcX，。 \n、（）“”㐀", max_size=60))
def test_fast_tokens_equal_jieba_on_any_mix(text):
    config = Config()
    if "rjieba" not in segment.available_backends():
        pytest.fail("rjieba (a default dependency) is not installed")
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


def test_user_words_with_ascii_keep_the_fast_cut_jiebas():
    """A user word with ASCII (5G网络, GDP) is a dictionary word with ASCII: the chunks it
    occurs in go to jieba, and the words stay jieba's."""
    words = ("5G网络", "GDP", "十四五")
    fast, slow, ascii_words = segment._build_fast(words), segment._build(words)[0], segment._ascii_words(words)
    assert ascii_words.search("建设5G网络") and ascii_words.search("GDP增长")
    for text in ["建设5G网络，GDP增长5.5%", "15G网络和GDPR", "十四五时期5G网络覆盖", "A5G网络", "GDP"]:
        assert segment._fast_words(text, fast, slow, ascii_words) == slow.lcut(text), text
        assert [w for w, _s, _e in segment._fast_tokens(text, fast, slow, ascii_words)] == slow.lcut(text), text


@pytest.mark.xfail(strict=True, reason="rjieba's HMM weighs 常在 (B E) a hair above 常/在 (S S), jieba "
                   "the other way (-19.8584844 vs -19.8584843): a near tie no check here sees")
def test_known_difference_hmm_near_tie(config):
    """Known and not guarded: a run of single characters of the route that jieba's HMM and
    rjieba's cut differently because their Viterbi sums differ by ~1e-7 (rjieba's model is
    not bit for bit jieba's). Never seen in the corpora; strict, so a fixed rjieba shows."""
    assert segment.words("常在月", config, "rjieba") == segment.words("常在月", config, "jieba")
