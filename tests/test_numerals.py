"""The one numeral reader and writer (speechkit/numerals.py over lexicons/numerals.yaml)."""
from __future__ import annotations

import pytest

from speechkit.numerals import (BRANCHES, STEMS, count, fold, parse_chinese, parse_int, parse_number, write,
                                write_cyclic, write_digits)


@pytest.mark.parametrize("written,value", [
    ("〇", 0), ("零", 0), ("七", 7), ("两", 2), ("十", 10), ("十一", 11), ("二十", 20), ("一十五", 15),
    ("九十九", 99), ("一百", 100), ("一百零五", 105), ("一百一十", 110), ("一百五", 150),
    ("三千零五", 3005), ("两千", 2000), ("三万五千", 35000), ("两万五", 25000), ("十万", 100000),
    ("一亿零五百万", 105_000_000), ("万", 10000), ("二〇二六", 2026),
    ("12", 12), ("0", 0), ("１２", 12),
    # Traditional and financial forms fold to the Simplified ones
    ("兩萬", 20000), ("三萬五千", 35000), ("一億", 100_000_000), ("壹佰零伍", 105), ("贰拾叁", 23),
    ("陸", 6),
])
def test_parse_int(written, value):
    assert parse_int(written) == value


@pytest.mark.parametrize("written", [
    "", "一二", "八八八", "十十", "二十十", "百零", "千百", "一二十", "三点五", "十二a", "x", "兆",
    "²", "①",  # digits, but not decimal ones (no regex digit class matches them)
    "一九九八",  # digit by digit only with a 〇/零 in it: a run like 八八八 is no number
])
def test_parse_int_refuses(written):
    assert parse_int(written) is None


@pytest.mark.parametrize("written,value", [
    ("四十九点四", 49.4), ("十二点五亿", 1.25e9), ("零点五", 0.5), ("一点二万亿", 1.2e12), ("兩萬點五", 20000.5),
    ("三点两", None), ("点五", None), ("四十九點四", 49.4),
])
def test_parse_chinese(written, value):
    assert parse_chinese(written) == (pytest.approx(value) if value is not None else None)


@pytest.mark.parametrize("written,value", [
    ("1.5万", 15000), ("1.3万亿", 1.3e12), ("2亿", 2e8), ("1,200", 1200), ("8 .8", 8.8), ("19·5", 19.5),
    ("1.5萬", 15000), ("两万", 20000), ("49.4", 49.4),
])
def test_parse_number(written, value):
    assert parse_number(written) == pytest.approx(value)


@pytest.mark.parametrize("written", ["1.5", "3.", "1x万", "0012", "1234567890123"])
def test_parse_number_is_exact_or_refuses(written):
    v = parse_number(written)
    assert v is None or v == float(written)


@pytest.mark.parametrize("numeral,n", [
    ("五", 5), ("两", 2), ("双", 2), ("十", 10), ("8", 8), ("12", 12),
    ("百", None), ("千", None), ("十二", None), ("〇", None), ("大", None),
])
def test_formula_member_count(numeral, n):
    assert count(numeral) == n


@pytest.mark.parametrize("n,plain,financial", [
    (1, "一", "壹"), (10, "十", "壹拾"), (11, "十一", "壹拾壹"), (20, "二十", "贰拾"),
    (105, "一百零五", "壹佰零伍"), (1010, "一千零一十", "壹仟零壹拾"), (2000, "二千", "贰仟"),
    (0, "0", "0"), (10000, "10000", "10000"),
])
def test_write(n, plain, financial):
    assert write(n) == plain and write(n, financial=True) == financial


@pytest.mark.parametrize("n", [1, 9, 10, 11, 19, 20, 99, 100, 101, 110, 999, 1000, 1001, 9999])
def test_write_reads_back(n):
    assert parse_int(write(n)) == n and parse_int(write(n, financial=True)) == n


def test_write_digits_and_fold():
    assert write_digits(2015) == "二〇一五" and parse_int(write_digits(2015)) == 2015
    assert fold("壹萬兩千") == "一万两千"


@pytest.mark.parametrize("n,stem,branch", [(1, "甲", "子"), (2, "乙", "丑"), (10, "癸", "酉"), (12, "12", "亥"),
                                           (13, "13", "13"), (0, "0", "0")])
def test_write_cyclic(n, stem, branch):
    assert write_cyclic(n, STEMS) == stem and write_cyclic(n, BRANCHES) == branch
