"""Members of a numbered formula where the text lists them after it (used by slogans.py).

After a lead (：/ 即 / 就是 / 是指 / （…）) the members are the 一是/二是 items that follow, or the
pieces of the list up to the end of the sentence: split at ；, at ， or at 、 — whichever gives
the formula's count (三个高于，即：A，B，C。). When none does, the likeliest list is kept and the
mismatch is reported, so a reader can check it (五大X with four items).
"""
from __future__ import annotations

import re
from typing import Any

# A list after a formula is read up to this many characters (one sentence).
MAX_MEMBER_LIST = 200
# 一是…二是… items may run over several sentences and lines, within this many characters.
MAX_ITEMS_SPAN = 3000
# A member longer than this is a clause, not a listed item: it is cut at its first comma.
MAX_MEMBER_TEXT = 30
# Where an item's text (after 一是) ends: it names the item, the rest explains it.
_ITEM_END = re.compile(r"[,，。;；:：!！?？\n]")
_SENTENCE_END = "。！？!?\n"
_CN = "一二三四五六七八九十"
# Item markers for the k-th item ({} is the numeral): 一是 一要 第一 （一） 一、
_MARKERS = ("{}是", "{}要", "第{}，", "第{},", "第{}、", "({})", "（{}）", "{}、")


def _numeral(k: int) -> str:
    if k <= 10:
        return _CN[k - 1]
    return "十" + _CN[k - 11] if k < 20 else ""


def _item_at(text: str, pos: int, k: int) -> tuple[int, str] | None:
    """Does the k-th item marker start at ``pos``? (where its text begins, marker)"""
    for m in _MARKERS:
        mk = m.format(_numeral(k))
        if text.startswith(mk, pos):
            return pos + len(mk), mk
    return None


def _item_text(text: str, pos: int) -> str:
    while pos < len(text) and text[pos] in " \t\u3000\n,，、:：":
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
    style = next(m for m in _MARKERS if m.format("一") == first[1])
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


def members_after(text: str, pos: int, n: int | None, lex: dict[str, Any]) -> tuple[tuple[str, ...], bool]:
    """Members listed right after a formula ending at ``pos``, and whether their number
    differs from ``n`` (the formula's numeral; None when it has no plain value)."""
    lead = next((x for x in lex["member_lead"] if text.startswith(x, pos)), None)
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
    end = min((i for i in (body.find(c) for c in _SENTENCE_END) if i >= 0), default=-1)
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
