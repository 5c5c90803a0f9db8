"""The number reader (speechkit/extractors/numbers.py): every written form of issue 3, the
non-quantities it must leave alone, masked digits, and linear time on adversarial input."""
from __future__ import annotations

import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from speechkit.config import Config
from speechkit.extractors.numbers import _matches, compile_reader, parse_number, scan_quantities
from tests.conftest import ROOT, SAMPLES

COMP = compile_reader(Config())
BARE = tuple(Config().lexicon("targets")["bare_magnitude_prefix"])


def scan(text: str) -> list[tuple]:
    return [(text[q.start:q.end], q.value, q.value_max, q.unit, q.masked, q.qualifier)
            for q in scan_quantities(text, COMP, BARE)]


@pytest.mark.parametrize("written,value", [
    ("49.4", 49.4), ("1,200", 1200), ("12,345,678", 12345678), ("8 .8", 8.8), ("19·5", 19.5),
    ("0.5", 0.5), ("2015", 2015),
    ("一", 1), ("两", 2), ("十", 10), ("十二", 12), ("二十", 20), ("四十九", 49), ("一百零五", 105),
    ("一百五", 150), ("三千零五", 3005), ("两万", 20000), ("两万五", 25000), ("一千二百万", 12_000_000),
    ("四十九点四", 49.4), ("十二点五亿", 1.25e9), ("二〇一五", 2015), ("〇", 0), ("零", 0),
    ("九千九百九十九万九千九百九十九", 99_999_999), ("十亿", 1e9), ("三万亿", 3e12),
    ("1.3万亿", 1.3e12), ("2万", 20000), ("56.9万亿", 56.9e12),
])
def test_parse_number(written, value):
    assert parse_number(written) == pytest.approx(value)


@pytest.mark.parametrize("written", ["", "abc", "八八八", "十四五", "40.*", "17*9", "XX", "1.2.3", "3—5",
                                     "1234567890123", "007", "百零", "十十", "点五"])
def test_parse_number_refuses(written):
    assert parse_number(written) is None


@pytest.mark.parametrize("text,found", [
    # Arabic, decimals, thousands separators, folded full-width and spaced digits, middle dot
    ("49.4亿元", ("49.4亿元", 4.94e9, None, "CNY", False, None)),
    ("12.4%", ("12.4%", 12.4, None, "percent", False, None)),
    ("8 .8 %", ("8 .8 %", 8.8, None, "percent", False, None)),
    ("19·5%", ("19·5%", 19.5, None, "percent", False, None)),
    ("1,200万元", ("1,200万元", 1.2e7, None, "CNY", False, None)),
    ("4.75亿吨", ("4.75亿吨", 4.75e8, None, "tonne", False, None)),
    # Chinese numerals with 两/〇/十/百/千/万/亿 and 点
    ("四十九点四亿元", ("四十九点四亿元", 4.94e9, None, "CNY", False, None)),
    ("十二点五亿元", ("十二点五亿元", 1.25e9, None, "CNY", False, None)),
    ("两万人", ("两万人", 20000, None, "person", False, None)),
    ("两千五百万人", ("两千五百万人", 2.5e7, None, "person", False, None)),
    # shares: 百分之…, 分之, 一半, 成
    ("百分之八至九", ("百分之八至九", 8, 9, "percent", False, None)),
    ("百分之三点五", ("百分之三点五", 3.5, None, "percent", False, None)),
    ("百分之十五左右", ("百分之十五左右", 15, None, "percent", False, "approx")),
    ("三分之一", ("三分之一", 33.33, None, "percent", False, None)),
    ("三分之一多", ("三分之一多", 33.33, None, "percent", False, "at_least")),
    ("一半", ("一半", 50, None, "percent", False, None)),
    ("三成", ("三成", 30, None, "percent", False, None)),
    ("八成以上", ("八成以上", 80, None, "percent", False, "at_least")),
    # magnitudes on Arabic numbers
    ("1.3万亿斤", ("1.3万亿斤", 1.3e12, None, "jin", False, None)),
    ("5.8万亿资金", ("5.8万亿", 5.8e12, None, "CNY", False, None)),
    # approximate forms
    ("2万多人", ("2万多人", 20000, None, "person", False, "at_least")),
    ("540多家", ("540多家", 540, None, "count", False, "at_least")),
    ("3倍多", ("3倍多", 3, None, "times", False, "at_least")),
    ("近百个", ("百个", 100, None, "count", False, None)),
    ("超百个", ("百个", 100, None, "count", False, None)),
    ("一百多个", ("一百多个", 100, None, "count", False, "at_least")),
    ("7.5%左右", ("7.5%左右", 7.5, None, "percent", False, "approx")),
    ("1200万人以上", ("1200万人以上", 1.2e7, None, "person", False, "at_least")),
    ("4.6%以内", ("4.6%以内", 4.6, None, "percent", False, "at_most")),
    # ranges with —/–/－/-/～/~/至/到
    ("3—5个", ("3—5个", 3, 5, "count", False, None)),
    ("3–5个", ("3–5个", 3, 5, "count", False, None)),
    ("6%－6.5%", ("6%－6.5%", 6, 6.5, "percent", False, None)),
    ("6.5%-7%", ("6.5%-7%", 6.5, 7, "percent", False, None)),
    ("8%～9%", ("8%～9%", 8, 9, "percent", False, None)),
    ("8~9%", ("8~9%", 8, 9, "percent", False, None)),
    ("3至5万人", ("3至5万人", 30000, 50000, "person", False, None)),
    ("三至五万人", ("三至五万人", 30000, 50000, "person", False, None)),
    ("10到20公顷", ("10到20公顷", 10, 20, "hectare", False, None)),
    # units with base multipliers
    ("30公顷", ("30公顷", 30, None, "hectare", False, None)),
    ("3.48万亩", ("3.48万亩", 34800, None, "mu", False, None)),
    ("20万平方米", ("20万平方米", 200000, None, "m2", False, None)),
    ("45.5万株", ("45.5万株", 455000, None, "count", False, None)),
    ("4万亿美元", ("4万亿美元", 4e12, None, "USD", False, None)),
    ("500公斤", ("500公斤", 1000, None, "jin", False, None)),
    ("0.5个百分点", ("0.5个百分点", 0.5, None, "percentage_point", False, None)),
    # masked digits: value null, masked true
    ("40.*亿元", ("40.*亿元", None, None, "CNY", True, None)),
    ("17*9元", ("17*9元", None, None, "CNY", True, None)),
    ("13*4元", ("13*4元", None, None, "CNY", True, None)),
    ("*445元", ("*445元", None, None, "CNY", True, None)),
    ("*0%", ("*0%", None, None, "percent", True, None)),
    ("XX%", ("XX%", None, None, "percent", True, None)),
    ("××亿元", ("××亿元", None, None, "CNY", True, None)),
    # a figure written in parts, each with its magnitude
    ("3万2千吨", ("3万2千吨", 32000, None, "tonne", False, None)),
    ("4亿6000万元", ("4亿6000万元", 4.6e8, None, "CNY", False, None)),
    ("7千3百多人", ("7千3百多人", 7300, None, "person", False, "at_least")),
    ("2亿3千万元", ("2亿3千万元", 2.3e8, None, "CNY", False, None)),
])
def test_scan_reads_every_form(text, found):
    got = scan(text)
    assert len(got) == 1, got
    g, want = got[0], found
    assert g[0] == want[0] and g[3:] == want[3:]
    for a, b in ((g[1], want[1]), (g[2], want[2])):
        assert (a is None and b is None) or a == pytest.approx(b)


@pytest.mark.parametrize("text", [
    "两个一百年", "一是", "第一", "一季度", "十四五", "两会", "一带一路", "三个代表", "六个专项整治",
    "一个活动", "两个工业园区", "第一批", "2014年", "20*年", "3月中旬", "7月1日", "1—2年", "经过1—2年",
    "1983-199210年间", "国发〔201462号", "450高炉", "万亩优质苹果基地", "千万元以上", "百村带动",
    "一成不变", "*区", "*人民", "千方百计", "万众一心", "百分之八八八八八八八八八八八八", "4:6", "十六届六中全会",
    "中央1号文件", "二〇一五年", "6万12千吨",
])
def test_non_quantities_are_left_alone(text):
    assert scan(text) == []


def test_numbers_stop_at_their_unit():
    """Run-together digits from lost formatting: 50%2014年 is 50% and a year, not 502014."""
    assert [g[0] for g in scan("最高时达50%2014年增幅仅为11.8%")] == ["50%", "11.8%"]


def test_run_together_digits_give_no_absurd_value():
    assert scan("12345678901234567890元") == []
    assert all(g[1] is None or g[1] < 1e16 for g in scan("9999999999999亿元"))


@pytest.mark.parametrize("make", [
    lambda n: "1" * n + "%",
    lambda n: "百分之" + "八" * n,
    lambda n: "3—" * (n // 2) + "3个",
    lambda n: "1." * (n // 2) + "%",
    lambda n: "*" * n + "元",
    lambda n: "万" * n + "人",
])
def test_linear_time_on_adversarial_input(make):
    """Twice the input must not take much more than twice the time (quadratic would be 4x)."""
    def timed(n: int) -> float:
        text = make(n)
        t = time.perf_counter()
        list(scan_quantities(text, COMP, BARE))
        return time.perf_counter() - t

    small, big = timed(200_000), timed(400_000)
    assert big < max(4 * small, 0.05), (small, big)


def test_two_million_digits():
    t = time.perf_counter()
    assert scan("9" * 2_000_000 + "元") == []
    assert time.perf_counter() - t < 5


# The scanner tries the reader only where a number can start (numbers._START); it must find
# exactly what the reader's regex finds scanning every position.
_NUMBERY = st.text(alphabet="0123456789.,·*＊×Xx#☆零〇一二两三四五六七八九十百千万亿点分之半成第—-～至到%元个人亿万多余左右以上 ，。增长a", max_size=60)


@settings(max_examples=300, deadline=None)
@given(text=_NUMBERY)
def test_scanner_finds_what_the_reader_regex_finds(text):
    comp = compile_reader(Config())
    assert [m.span() for m in _matches(text, comp)] == [m.span() for m in comp.rx.finditer(text)]


def test_scanner_equals_reader_regex_on_the_samples():
    comp = compile_reader(Config())
    for path in SAMPLES:
        text = path.read_text(encoding="utf-8")
        assert [m.span() for m in _matches(text, comp)] == [m.span() for m in comp.rx.finditer(text)]


def test_scanner_equals_reader_regex_on_the_corpus_copies():
    """The start scan (with its look-ahead past a Chinese number's numerals) skips no match of
    the reader on any corpus text kept in the repository."""
    comp = compile_reader(Config())
    for path in sorted((ROOT / "tests" / "data" / "corpora").glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        assert [m.span() for m in _matches(text, comp)] == [m.span() for m in comp.rx.finditer(text)], path.name


def test_reading_cache_gives_what_a_fresh_read_gives(monkeypatch):
    """``ReaderRules.read`` remembers each number string; a full cache starts afresh and
    the quantities stay the same."""
    import speechkit.extractors.numbers as numbers

    text = "投资五千万元，增长8.5%；新增两万人，达到1,200亿元，约三成，五千万元以上。" * 3
    fresh = compile_reader(Config())
    expected = [(q.start, q.end, q.value, q.value_max, q.unit) for q in scan_quantities(text, fresh, BARE)]
    assert expected and fresh.read  # read once, remembered
    monkeypatch.setattr(numbers, "READ_CACHE_MAX", 2)  # cleared again and again
    small = compile_reader(Config())
    again = [(q.start, q.end, q.value, q.value_max, q.unit) for q in scan_quantities(text, small, BARE)]
    assert again == expected and len(small.read) <= 2
    assert [(q.start, q.value) for q in scan_quantities(text, fresh, BARE)] == [(s, v) for s, _, v, _, _ in expected]
