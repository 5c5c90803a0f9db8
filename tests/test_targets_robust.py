"""`targets` stays linear and sane on hostile input: huge numbers, no punctuation, a million
numbers in one sentence, and every text of the real corpora in tests/data."""
from __future__ import annotations

import time

import pytest

import speechkit
from speechkit.api import targets
from speechkit.records import target_records


def run(text: str) -> list[dict]:
    doc = speechkit.load(text=text)
    return target_records(doc, targets(doc))


@pytest.mark.parametrize("make", [
    lambda n: "9" * n,
    lambda n: "百分之" + "八" * n,
    lambda n: "3—" * (n // 2) + "3",
    lambda n: "增长3%，" * (n // 6),  # one sentence, a hundred thousand numbers
    lambda n: "生产总值3亿元" * (n // 7),  # no punctuation at all
    lambda n: "“" + "1个" * (n // 2),  # an unclosed quote
    lambda n: "主要预期目标是：" + "国内生产总值增长8%；" * (n // 12),
])
def test_linear_time(make):
    def timed(n: int) -> float:
        text = make(n)
        t = time.perf_counter()
        run(text)
        return time.perf_counter() - t

    small, big = timed(40_000), timed(80_000)
    assert big < max(3.5 * small, 0.2), (small, big)


def test_two_million_digits_and_a_huge_sentence():
    t = time.perf_counter()
    assert run("9" * 2_000_000 + "元") == []
    recs = run("今年主要预期目标是：" + "财政收入增长5%，" * 20_000)
    assert len(recs) == 20_000 and all(r["kind"] == "target" for r in recs[:10])
    assert max(len(r["sentence"]) for r in recs) < 1_000  # a record never carries a megabyte sentence
    assert time.perf_counter() - t < 20


def test_absurd_values_are_not_reported():
    recs = run("全区生产总值12345678901234567890亿元。财政收入99999999999999万亿元。")
    assert all(r["value"] is None or r["value"] < 1e16 for r in recs)


@pytest.mark.parametrize("text", ["", "，", "甲，乙。丙；丁\n戊，，己：", "无标点", "。。\n\n，"])
def test_break_positions_are_where_the_characters_are(text):
    """targets._positions (split and summed lengths) finds each break character where a scan
    of the text finds it."""
    from speechkit.extractors.targets import _positions

    for chars in ("，,：:", "；;", "。！？!?", "\n"):
        assert _positions(text, chars) == [i for i, c in enumerate(text) if c in chars]
