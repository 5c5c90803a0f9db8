"""Numbers as Chinese speeches write them: the one reader (and writer) of numerals.

Every extractor that reads a number reads it here, from the one table in
``lexicons/numerals.yaml``: ``parse_int`` (十一 -> 11, 一百零五 -> 105, 三万五千 -> 35000,
``12`` -> 12), ``parse_chinese`` (四十九点四 -> 49.4, 两万五 -> 25000), ``parse_arabic`` (1,200,
8 .8, 19·5), ``parse_number`` (either, with a trailing magnitude: 1.3万亿), ``count`` (the
member count a formula's numeral gives: 五大 -> 5, 双 -> 2) and ``write``, ``write_digits``,
``write_cyclic`` (11 -> 十一, 2015 -> 二〇一五, 2 -> 乙: the numbering a Word list shows). Traditional and financial forms (萬, 兩, 壹, 拾) are folded to
the Simplified forms before reading.
"""
from __future__ import annotations

import re

from speechkit.lexicons import packaged

_LEX = packaged("numerals")
DIGITS: dict[str, int] = _LEX["digits"]
UNITS: dict[str, int] = _LEX["units"]
SECTIONS: dict[str, int] = _LEX["sections"]
POINT: str = _LEX["point"]
COUNT_WORDS: dict[str, int] = _LEX["count_words"]
STEMS: str = _LEX["stems"]  # 甲乙丙…: the n-th is STEMS[n - 1]
BRANCHES: str = _LEX["branches"]  # 子丑寅…
ITEM_MARKERS: tuple[str, ...] = tuple(_LEX["item_markers"])  # {} is the numeral: 一是, （一）
MASKS: str = _LEX["masks"]  # symbols a page writes for hidden digits (*, ×, #, ☆ …)
MASK_LETTERS: str = _LEX["mask_letters"]  # letters it writes for them (X, x)
ZEROS = "".join(c for c, v in DIGITS.items() if v == 0)
# Every Chinese numeral character a number is written with (a regex class body, too).
CHARS = "".join(DIGITS) + "".join(UNITS) + "".join(SECTIONS)
# Digits read one by one after the point (四十九点四).
POINT_DIGITS = "".join(c for c in DIGITS if c not in _LEX["not_after_point"])
# Magnitudes written after a number (1.3万亿, 2万): each section, and 万亿 (= 万 × 亿).
MAGNITUDES: dict[str, int] = {**SECTIONS, **{a + b: SECTIONS[a] * SECTIONS[b] for a in SECTIONS
                                               for b in SECTIONS if SECTIONS[a] < SECTIONS[b]}}
_FOLD = str.maketrans({**_LEX["financial"], **_LEX["traditional"]})
_FINANCIAL = {v: k for k, v in _LEX["financial"].items()}  # 一 -> 壹
_BY_LENGTH = sorted(MAGNITUDES, key=len, reverse=True)

# An Arabic integer part longer than this is run-together digits from lost formatting
# (e.g. "198527" = 1985 + 27), not a quantity; the largest figure in the national reports
# written without a magnitude word has 10 digits.
MAX_INT_DIGITS = 12
_PLAIN = re.compile(r"[0-9]{1,40}(?:\.[0-9]{1,12})?")


def fold(s: str) -> str:
    """Traditional and financial numerals to the Simplified forms: 壹萬兩千 -> 一万两千."""
    return s.translate(_FOLD)


def _positional(s: str) -> int | None:
    """二〇一五 -> 2015 (digit by digit); only with a 〇/零, else a run like 八八八 is noise."""
    if len(s) == 1:
        return DIGITS[s]
    if any(c in ZEROS for c in s) and s[0] not in ZEROS:
        return int("".join(str(DIGITS[c]) for c in s))
    return None


def _below_section(s: str) -> int | None:
    """A Chinese integer below 10 000: 三千零五, 四十九, 十二, 一百五 (= 150)."""
    if not s:
        return 0
    if all(c in DIGITS for c in s):
        return _positional(s.lstrip(ZEROS) or ZEROS[0])
    total, num, prev_unit, zero = 0, None, 10_000, False
    for c in s:
        if c in ZEROS:
            if num is not None:
                return None
            zero = True
        elif c in DIGITS:
            if num is not None:
                return None
            num = DIGITS[c]
        else:
            u = UNITS[c]
            if u >= prev_unit:
                return None
            if num is None:
                if total or zero:  # only a leading 十/百/千 stands for one of it
                    return None
                num = 1
            total, num, prev_unit, zero = total + num * u, None, u, False
    if zero and num is None:
        return None  # 百零: a dangling 零
    if num is not None:  # trailing digit: units after 零 or 十, else the colloquial 一百五
        total += num if zero or prev_unit in (10, 10_000) else num * prev_unit // 10
    return total


def _cn_int(s: str) -> int | None:
    """A Chinese integer with 万/亿 sections; a bare magnitude (万) is 1 × it."""
    for big, mult in sorted(SECTIONS.items(), key=lambda kv: -kv[1]):
        if big in s:
            hi, _, lo = s.partition(big)
            hv = _cn_int(hi) if hi else 1
            if hv is None:
                return None
            if len(lo) == 1 and lo in DIGITS and lo not in ZEROS:
                lv = DIGITS[lo] * mult // 10  # 两万五 = 25 000
            else:
                lv = _cn_int(lo.lstrip(ZEROS)) if lo else 0
            if lv is None or lv >= mult:
                return None
            return hv * mult + lv
    return _below_section(s)


def parse_chinese(s: str) -> float | None:
    """四十九点四 -> 49.4, 十二点五亿 -> 1.25e9, 两万 -> 20000, 〇 -> 0; None if malformed."""
    s = fold(s)
    if not s or any(c not in CHARS and c != POINT for c in s):
        return None
    whole, dot, frac = s.partition(POINT)
    mag = 1
    if dot and not whole:
        return None
    if dot:
        for m in _BY_LENGTH:
            if frac.endswith(m):
                frac, mag = frac[: -len(m)], MAGNITUDES[m]
                break
        if not frac or any(c not in POINT_DIGITS for c in frac):
            return None
    iv = _cn_int(whole)
    if iv is None:
        return None
    value = float(iv)
    if frac:
        value += float("0." + "".join(str(DIGITS[c]) for c in frac))
    return value * mag


def parse_int(s: str) -> int | None:
    """An integer in decimal digits or Chinese numerals: 12, 十一, 一百零五, 三万五千, 〇; None
    when it is no integer (一二, 十十, 三点五, 12a, ²). Any script's decimal digits count, as
    for a regex digit class in a pattern (outline markers match them with one)."""
    if s.isdecimal():
        return int(s)
    s = fold(s)
    if not s or any(c not in CHARS for c in s):
        return None
    return _cn_int(s)


def count(s: str) -> int | None:
    """How many members a formula's numeral counts: 五 (五大战略) -> 5, 双 -> 2, 12 -> 12; one
    Chinese character from 一 to 十, else None (百, 十二: not a member count)."""
    if s.isdecimal():
        return int(s)
    if s in COUNT_WORDS:
        return COUNT_WORDS[s]
    v = parse_int(s) if len(s) == 1 else None
    return v if v is not None and 1 <= v <= 10 else None


def parse_arabic(s: str) -> float | None:
    """49.4, 1,200, 8 .8, 19·5 -> float; None when masked or run-together."""
    t = s.replace(" ", "").replace(",", "").replace("·", ".")
    if not _PLAIN.fullmatch(t):
        return None
    whole = t.split(".")[0]
    if len(whole) > MAX_INT_DIGITS or (len(whole) > 1 and whole[0] == "0"):
        return None
    return float(t)


def parse_number(s: str, magnitudes: dict[str, int] | None = None) -> float | None:
    """One number as written, with an optional trailing magnitude (1.3万亿, 2万, 两万)."""
    s = s.strip()
    mags = magnitudes or MAGNITUDES
    if s and s[0] in "0123456789":
        s = fold(s)
        for m in sorted(mags, key=len, reverse=True):
            if s.endswith(m):
                v = parse_arabic(s[: -len(m)])
                return None if v is None else v * mags[m]
        return parse_arabic(s)
    return parse_chinese(s)


def _digit(v: int) -> str:
    """The Simplified digit of value ``v`` that counting writes (二, not 两; 零, not 〇)."""
    return next(c for c, d in DIGITS.items() if d == v)


def write(n: int, financial: bool = False) -> str:
    """1..9999 in Chinese counting: 十, 十一, 二十, 一百零五, 一千二百 (``financial``: 壹拾,
    壹佰零伍); other numbers in ASCII digits."""
    if n <= 0 or n >= 10000:
        return str(n)
    out, zero = "", False
    for unit, power in sorted(UNITS.items(), key=lambda kv: -kv[1]) + [("", 1)]:
        d, n = divmod(n, power)
        if d:
            if zero and out:
                out += _digit(0)
            out += _digit(d) + unit
            zero = False
        elif out:
            zero = True
    if not financial:
        return out[1:] if out.startswith(_digit(1) + min(UNITS, key=UNITS.get)) else out
    return "".join(_FINANCIAL.get(c, c) for c in out)


def write_cyclic(n: int, signs: str) -> str:
    """The n-th of a run of cyclic signs (``STEMS``: 2 -> 乙); past its end, ASCII digits."""
    return signs[n - 1] if 1 <= n <= len(signs) else str(n)


def write_digits(n: int) -> str:
    """Digit by digit, as years are written: 2015 -> 二〇一五."""
    return "".join(_LEX["positional_zero"] if d == "0" else _digit(int(d)) for d in str(n))
