"""Numbered formulas and their members where the text lists them (used by slogans.py).

Before a formula: a 、-list ending right at its numeral names it (A、B和C三条底线; “A、B、C”五大
战略; A、B等六大攻坚战, where 等 allows fewer items than the numeral).

After a lead (：/ 即 / 就是 / 是指 / （…）) the members are the 一是/二是 items that follow, or the
pieces of the list up to the end of the sentence: split at ；, at ， or at 、 — whichever gives
the formula's count (三个高于，即：A，B，C。). When none does, the likeliest list is kept and the
mismatch is reported, so a reader can check it (五大X with four items).
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Callable

from speechkit.lexicons.typed import SlogansLexicon
from speechkit.numerals import ITEM_MARKERS, count, write
from speechkit.punctuation import BEFORE_LIST, CLAUSE_END, ITEM_LEAD, SENTENCE_END

_HAN = "\u4e00-\u9fff"

# A formula's name after its counter is this long when the members give no shared suffix to
# end it on (五大战略, 五个环节, 两大产业).
FORMULA_HEAD = 2
# ...and at most this long when they do (两个全省示范区).
FORMULA_HEAD_MAX = 6
# How far back a 、-list before a formula may start: real clauses are far shorter, and the
# bound keeps a huge paragraph without punctuation linear.
LIST_LOOKBACK = 400
# Longest item of an unquoted list before a formula (坚持马克思列宁主义毛泽东思想 is 14).
LIST_MEMBER_MAX = 16
# A list after a formula is read up to this many characters (one sentence).
MAX_MEMBER_LIST = 200
# 一是…二是… items may run over several sentences and lines, within this many characters.
MAX_ITEMS_SPAN = 3000
# A member longer than this is a clause, not a listed item: it is cut at its first comma.
MAX_MEMBER_TEXT = 30
# Where an item's text (after 一是) ends: it names the item, the rest explains it.
_ITEM_END = re.compile(f"[{re.escape(CLAUSE_END)}]")
# Up to the last clause mark before a list (list_before): one backtracking match, not a search per mark.
_TO_LAST_MARK = re.compile(f"(?s).*[{re.escape(BEFORE_LIST)}]")


def _numeral(k: int) -> str:
    return write(k) if k < 20 else ""


def _item_at(text: str, pos: int, k: int) -> tuple[int, str] | None:
    """Does the k-th item marker start at ``pos``? (where its text begins, marker)"""
    num = _numeral(k)
    for m in ITEM_MARKERS:  # 一是 一要 第一， （一） 一、 (numerals.yaml)
        mk = m.format(num)
        if text.startswith(mk, pos):
            return pos + len(mk), mk
    return None


def _item_text(text: str, pos: int) -> str:
    while pos < len(text) and text[pos] in ITEM_LEAD:
        pos += 1
    m = _ITEM_END.search(text, pos, pos + MAX_MEMBER_TEXT + 1)
    return text[pos:m.start() if m else pos + MAX_MEMBER_TEXT].strip("“”\"")


def numbered_items(text: str, pos: int) -> tuple[str, ...]:
    """一是A…二是B…三是C…: the items' names, when the first marker is at ``pos`` (after
    blanks). The k-th marker is looked for only after the (k-1)-th, so the work is linear."""
    while pos < len(text) and text[pos] in " \t\u3000\n":
        pos += 1
    first = _item_at(text, pos, 1)
    if first is None:
        return ()
    items: list[str] = []
    at, k = first[0], 1
    style = next(m for m in ITEM_MARKERS if m.format("一") == first[1])
    limit = min(len(text), pos + MAX_ITEMS_SPAN)
    while True:
        items.append(_item_text(text, at))
        nxt = style.format(_numeral(k + 1))
        i = text.find(nxt, at, limit) if nxt else -1
        if i < 0:
            break
        at, k = i + len(nxt), k + 1
    return tuple(items) if len(items) >= 2 else ()


def _split(seg: str, seps: str) -> list[str]:
    return [p.strip(" “”\"") for p in re.split(f"[{re.escape(seps)}]", seg) if p.strip(" “”\"")]


def _short(parts: list[str]) -> list[str]:
    """Each member cut at its first comma when it runs on into a clause."""
    return [re.split("[,，]", p)[0] if len(p) > MAX_MEMBER_TEXT else p for p in parts]


def members_after(text: str, pos: int, n: int | None, lex: SlogansLexicon) -> tuple[tuple[str, ...], bool]:
    """Members listed right after a formula ending at ``pos``, and whether their number
    differs from ``n`` (the formula's numeral; None when it has no plain value)."""
    lead = next((x for x in lex.member_lead if text.startswith(x, pos)), None)
    start = pos + len(lead) if lead else pos
    if lead is None and text[pos:pos + 1] not in (",", "，"):
        return (), False
    items = numbered_items(text, start + (0 if lead else 1))
    if items:
        return items, n is not None and len(items) != n
    if lead is None:
        return (), False
    body = text[start:start + MAX_MEMBER_LIST]
    body = body.lstrip("即指:：")  # （即：A、B）（指A、B）
    if lead in "(（":
        end = body.find(")") if ")" in body else body.find("）")
        parts = _split(body[:end], "、") if end > 0 else []
        if len(parts) == 1:  # （A和B）
            parts = _split(parts[0], "和")
        return (tuple(parts), n is not None and len(parts) != n) if len(parts) >= 2 else ((), False)
    end = min((i for i in (body.find(c) for c in SENTENCE_END) if i >= 0), default=-1)
    if end < 0:
        return (), False
    seg = body[:end].lstrip("即:：")
    commas = _split(seg, ",，")
    candidates = [_split(commas[0], "、") if commas else [], _short(_split(seg, ";；")), commas]
    if n is not None:
        for c in candidates:
            if len(c) == n:
                return tuple(_short(c)), False
        if len(commas) > n and all(len(p) <= MAX_MEMBER_TEXT for p in commas[:n]):
            return tuple(commas[:n]), False  # the list, then the sentence goes on
    best = next((c for c in candidates[:2] if len(c) >= 2), [])
    if not best or any(len(p) > MAX_MEMBER_TEXT for p in best):
        return (), False
    return tuple(best), n is not None


def parts_of(s: str, seps: str) -> list[str]:
    return [p for p in _splitter(seps)(s) if p]


@lru_cache(maxsize=16)
def _splitter(seps: str) -> Callable[[str], list[str]]:
    return re.compile(f"[{re.escape(seps)}]").split


def common_suffix(parts: list[str]) -> str:
    if len(parts) < 2:
        return ""
    n = 0
    while n < min(map(len, parts)) and len({p[-1 - n] for p in parts}) == 1:
        n += 1
    return parts[0][len(parts[0]) - n:] if n else ""


def formula_head(head: str, lex: SlogansLexicon, strict: bool = False) -> str | None:
    """A formula's name after its counter when no shared suffix ends it: the shortest start
    of ``head`` ending in a head word (四大|主导产业, 六大|攻坚战), else FORMULA_HEAD characters."""
    for n in range(FORMULA_HEAD, min(len(head), FORMULA_HEAD_MAX) + 1):
        if any(head[:n].endswith(w) for w in lex.formula_heads):
            if strict and head[n:n + 1] in lex.list_suffixes:
                return None  # 两大产业|园区: the head runs on into a name of places
            return head[:n]
    return None if strict else head[:FORMULA_HEAD]


def formula_gap(text: str, pos: int, lex: SlogansLexicon, before: bool = False) -> str:
    """A word between a list and the formula naming it (“A、B、C”这三件大事; A、B等六大任务)."""
    words = sorted(lex.formula_gap, key=len, reverse=True)
    if before:
        return next((w for w in words if text.endswith(w, 0, pos)), "")
    return next((w for w in words if text.startswith(w, pos)), "")


def formula_after(text: str, pos: int, members: list[str], lex: SlogansLexicon, after: re.Pattern[str],
                  need_suffix: bool, gap: str = "") -> tuple[int, int, str, bool] | None:
    """A formula naming ``members`` right at ``pos`` (“A、B、C”五大战略): (start, end, name,
    count mismatch), where ``after`` (numeral, counter, head) matches after the gap words.
    After 等 the list may be shorter than the numeral (A、B等六大攻坚战)."""
    gap = gap or formula_gap(text, pos, lex)
    m = after.match(text, pos + len(gap))
    if m is None:
        return None
    n = count(m.group(1))
    if m.group(3).startswith("字") and n == sum(map(len, members)):
        n = len(members)  # “稳、进、好”三个字: the numeral counts characters
    if n != len(members) and not (gap in lex.formula_gap_fewer and n is not None and n > len(members)):
        return None
    head, suffix = m.group(3), common_suffix(members)
    i = head.find(suffix) if suffix else -1
    if head.startswith("字"):
        head = "字"
    elif i >= 0:
        head = head[:i + len(suffix)]
    elif need_suffix and (m.group(2) not in lex.named_counters or formula_head(head, lex, strict=True) is None):
        return None  # an unquoted list of names (经开区、工业基地两大工业园区) is not a formula
    else:
        head = formula_head(head, lex) or head[:FORMULA_HEAD]
    name = m.group(1) + m.group(2) + head
    return m.start(), m.start(1) + len(m.group(1)) + 1 + len(head), name, n != len(members)


def list_before(text: str, pos: int, n: int, fewer: bool = False) -> tuple[str, ...]:
    """An unquoted 、-list of ``n`` items ending at ``pos`` (蒙山、百丈峰“两山”)."""
    floor = max(0, pos - LIST_LOOKBACK)
    last = _TO_LAST_MARK.match(text, floor, pos)
    start = last.end() if last else 0
    if start == 0 and floor > 0:
        return ()  # no clause start within reach: not a list (and no scan back over a whole text)
    seg = text[start:pos].replace("“", "").replace("”", "")  # “一带一路”建设、…三大战略
    parts = parts_of(seg[:-1] if seg.endswith("的") else seg, "、")
    if parts and "等" in parts[-1][1:]:  # A、B、C等所谓“X”
        parts[-1] = parts[-1][:parts[-1].index("等", 1)]
    if len(parts) < n and len(parts) >= 2:  # A、B和C: the last two joined by a conjunction
        last = re.split("[和及与]", parts[-1], maxsplit=1)
        parts = parts[:-1] + last if len(parts) + 1 == n and all(last) else parts
    if not (2 <= len(parts) <= n if fewer else len(parts) == n >= 2):
        return ()
    if not all(re.fullmatch(f"[{_HAN}*]+", p) for p in parts):
        return ()
    if any(len(p) > LIST_MEMBER_MAX for p in parts[1:]):
        return ()
    width = max(len(p) for p in parts[1:])
    parts[0] = parts[0][-width:]
    return tuple(parts)
