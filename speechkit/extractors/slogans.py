"""Slogans, watchwords and numbered formulas (docs/records.md "Slogan"). A pure function of the Document.

Three kinds are found in the body text of ``norm`` (width-folded, so ，＂ are , "):

* quoted — phrases in “” 「」 『』 ‘’ "" (not 《》 book titles, not one- or two-character
  words unless they are numbered: 三农, 双三);
* formula — numbered formulas, quoted or not: 三个代表, 六大工程, 两免一补, 一村一品, and lists
  named by a number (“A、B、C、D、E”五大战略; 机遇意识、挑战意识、责任意识三种意识);
* parallel — runs of ≥3 phrases on one frame (extractors/parallel.py).

Each slogan is then counted over the whole body, quoted or not; an occurrence inside a longer
slogan is not counted unless the shorter one is a listed member of the longer one.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Any

from speechkit.config import Config
from speechkit.extractors import parallel
from speechkit.model import Document, Heading, OffsetMap, Slogan
from speechkit.normalize.width import fold

# Longest quoted text scanned for its closing quote (characters): bounds the work on
# unbalanced quotes (300,000 unmatched “ stay linear).
MAX_QUOTE_SCAN = 120
# A formula's name after its counter is this long when the members give no shared suffix to
# end it on (五大战略, 五个环节, 两大产业).
FORMULA_HEAD = 2
# ...and at most this long when they do (两个全省示范区).
FORMULA_HEAD_MAX = 6
# Longest part of a quoted run that is still typed as one formula (五大组团，一水中流).
FORMULA_PART_MAX = 4
# A member list after a formula (：即A、B、C) is read up to this many characters.
MAX_MEMBER_LIST = 200
# Longest member kept from a list.
MAX_MEMBER_TEXT = 30

_HAN = "\u4e00-\u9fff"


@dataclass
class _Found:
    key: str
    type: str
    members: tuple[str, ...] = ()
    known: bool = False
    spans: list[tuple[int, int]] = field(default_factory=list)  # detection spans (norm)


def _compile(config: Config) -> dict[str, Any]:
    lex = config.lexicon("slogans")
    quote_chars = "".join(lex["quotes"]) + "".join(lex["quotes"].values())
    quotes = []
    for o, c in lex["quotes"].items():
        stop = re.escape("".join({o, c, "“", "”"}))
        quotes.append(re.compile(f"{re.escape(o)}([^{stop}\n]{{1,{MAX_QUOTE_SCAN}}}){re.escape(c)}"))
    books = "|".join(f"{re.escape(o)}[^{re.escape(o + c)}\n]{{0,{MAX_QUOTE_SCAN}}}{re.escape(c)}"
                     for o, c in lex["book_titles"].items())
    names: dict[str, str] = {}
    for name, entry in lex["registry"].items():
        for form in [name, *(entry.get("aliases") or [])]:
            names[form] = name
    numbered = sorted((n for n in names if n[0] in lex["numerals"]), key=len, reverse=True)
    nums, counters = re.escape(lex["numerals"]), re.escape(lex["counters"])
    return {
        "lex": lex,
        "quote_chars": quote_chars,
        "unquoted_run": re.compile("[^" + re.escape(quote_chars) + "]+"),
        "quotes": quotes,
        "books": re.compile(books),
        "registry_names": names,
        "registry_rx": re.compile("|".join(map(re.escape, numbered))) if numbered else None,
        "compact": [re.compile(p) for p in lex["compact"]],
        "shapes": [re.compile(p) for p in lex["formula_shapes"]],
        "idioms": set(lex["idioms"]),
        "formula_after": re.compile(f"([{nums}]{{1,3}})([{counters}])([{_HAN}]{{1,{FORMULA_HEAD_MAX}}})"),
        "formula_at": re.compile(f"(?<![{nums}第])([二两三四五六七八九十双])([{counters}])"),
        "strip": str.maketrans("", "", quote_chars + " \t\u3000"),
        "clause_rx": re.compile(f"[^{re.escape(lex['clause_ends'])}]{{1,{parallel.MAX_CLAUSE}}}"),
    }


def _key(s: str, comp: dict[str, Any]) -> str:
    return s.translate(comp["strip"]).strip("、,;:")


def _value(numeral: str, lex: dict[str, Any]) -> int | None:
    if numeral.isdigit():
        return int(numeral)
    return lex["numeral_values"].get(numeral)


def _is_formula(key: str, comp: dict[str, Any]) -> bool:
    lex = comp["lex"]
    if key in comp["registry_names"] or any(rx.match(key) for rx in comp["compact"] + comp["shapes"]):
        return True
    if key[0] == "一":
        return len(key) > 1 and key[1] in lex["counters"]
    return key[0] in lex["numerals"]


def _parts(s: str, seps: str) -> list[str]:
    return [p for p in re.split(f"[{re.escape(seps)}]", s) if p]


def _common_suffix(parts: list[str]) -> str:
    if len(parts) < 2:
        return ""
    n = 0
    while n < min(map(len, parts)) and len({p[-1 - n] for p in parts}) == 1:
        n += 1
    return parts[0][len(parts[0]) - n:] if n else ""


def _formula_after(text: str, pos: int, members: list[str], comp: dict[str, Any],
                   need_suffix: bool) -> tuple[int, int, str] | None:
    """A formula naming ``members`` right at ``pos`` (“A、B、C”五大战略): (start, end, name)."""
    m = comp["formula_after"].match(text, pos)
    if m is None or _value(m.group(1), comp["lex"]) != len(members):
        return None
    head, suffix = m.group(3), _common_suffix(members)
    i = head.find(suffix) if suffix else -1
    if i >= 0:
        head = head[:i + len(suffix)]
    elif need_suffix:
        return None
    else:
        head = head[:FORMULA_HEAD]
    return m.start(), m.start(1) + len(m.group(1)) + 1 + len(head), m.group(1) + m.group(2) + head


def _members_after(text: str, pos: int, n: int | None, comp: dict[str, Any]) -> tuple[str, ...]:
    """Members listed right after a formula: （A、B、C） or ：即A、B、C。"""
    lex = comp["lex"]
    lead = next((x for x in lex["member_lead"] if text.startswith(fold(x), pos)), None)
    if lead is None or n is None:
        return ()
    body = text[pos + len(lead):pos + len(lead) + MAX_MEMBER_LIST]
    close = ")" if lead in "(（" else "。;；\n"
    end = min((body.find(c) for c in close if c in body), default=-1)
    if end < 0:
        return ()
    parts = [p.strip("“”") for p in _parts(body[:end], "、")]
    if len(parts) == 1 and n == 1:
        parts = [parts[0].split(",")[0]]
    if len(parts) != n or any(len(p) > MAX_MEMBER_TEXT for p in parts):
        return ()
    return tuple(parts)


def _list_before(text: str, pos: int, n: int) -> tuple[str, ...]:
    """An unquoted 、-list of ``n`` items ending at ``pos`` (蒙山、百丈峰“两山”)."""
    floor = max(0, pos - LIST_LOOKBACK)
    start = max(text.rfind(c, floor, pos) for c in ",，。;；:：\n“”(（") + 1
    if start == 0 and floor > 0:
        return ()  # no clause start within reach: not a list (and no scan back over a whole text)
    parts = _parts(text[start:pos], "、")
    if len(parts) != n or n < 2 or not all(re.fullmatch(f"[{_HAN}*]+", p) for p in parts):
        return ()
    if any(len(p) > parallel.MAX_MEMBER for p in parts[1:]):
        return ()
    width = max(len(p) for p in parts[1:])
    parts[0] = parts[0][-width:]
    return tuple(parts)


# How far back a 、-list before a formula may start: real clauses are far shorter, and the
# bound keeps a huge paragraph without punctuation linear.
LIST_LOOKBACK = 400
# How far after a formula its members may be quoted one by one (within its paragraph).
MEMBER_QUOTES_WINDOW = 2000


def _quoted_members_after(text: str, pos: int, n: int, formula: str, hits: list[tuple[int, int]],
                          comp: dict[str, Any]) -> tuple[str, ...]:
    """Members quoted one by one later in the paragraph, each ending in the formula's name
    (解决“三心”问题…“中心”问题…“民心”问题…“用心”问题): exactly ``n`` of them, or none."""
    name = formula[2:] if formula[1:2] in comp["lex"]["counters"] else formula[1:]
    end = text.find("\n", pos, pos + MEMBER_QUOTES_WINDOW)
    end = min(len(text), pos + MEMBER_QUOTES_WINDOW) if end < 0 else end
    first = bisect_right(hits, (pos, len(text)))
    parts = dict.fromkeys(text[s:e] for s, e in hits[first:bisect_right(hits, (end, 0))] if pos < s < end)
    members = [p for p in parts if p != formula and p.endswith(name) and len(p) <= parallel.MAX_MEMBER]
    return tuple(members) if name and n >= 2 and len(members) == n else ()


def _quoted(text: str, lo: int, comp: dict[str, Any]) -> tuple[list[_Found], list[tuple[int, int]]]:
    """Quoted slogans (and the formulas they name), and every quote's span."""
    lex = comp["lex"]
    books = [m.span() for m in comp["books"].finditer(text, lo)]
    hits = sorted((m.start(1), m.end(1)) for rx in comp["quotes"] for m in rx.finditer(text, lo))
    in_book = _Containers(books)
    found: list[_Found] = []
    prev: tuple[int, int, list[str]] | None = None  # last quote's span and parts
    for s, e in hits:
        content = text[s:e]
        if in_book.holds(s, s + 1) or "《" in content:
            continue
        if any(ch in content for ch in lex["sentence_marks"]):
            continue
        head, members = content, ()
        if "(" in content and content.rstrip().endswith(")"):
            head = content[:content.index("(")]
            members = tuple(_parts(content[content.index("(") + 1:content.rindex(")")], "、"))
        key = _key(head, comp)
        bare = re.sub(r"[、,;:\s]", "", key)  # a mask * stands for at least one character
        if not re.search(f"[{_HAN}]", bare) or len(bare) > lex["max_quoted"]:
            continue
        parts = _parts(key, lex["separators"])
        # a quoted run is a formula only when its parts are compact (五大组团，一水中流), not
        # when it is a couplet that happens to open with a number (四大班子一条心、…)
        formula = _is_formula(bare, comp) and (len(parts) < 2 or max(map(len, parts)) <= FORMULA_PART_MAX)
        if len(bare) < lex["min_quoted"] and not (formula or bare in lex["set_phrases"]):
            continue
        if not members and len(parts) > 1:
            members = tuple(parts)
        if formula and not members:
            n = _value(bare[0], lex)
            if prev is not None and text[prev[1] + 1:s - 1] in ("", "的") and len(prev[2]) == n:
                members = tuple(prev[2])
            else:
                members = (_members_after(text, e + 1, n, comp) or _list_before(text, s - 1, n or 0)
                           or _quoted_members_after(text, e, n or 0, bare, hits, comp))
        found.append(_Found(key, "formula" if formula else "quoted", members, spans=[(s, e)]))
        prev = (s, e, parts)
        if len(parts) > 1:  # “A、B、C”五大战略
            f = _formula_after(text, e + 1, parts, comp, need_suffix=False)
            if f is not None:
                found.append(_Found(f[2], "formula", tuple(parts), spans=[(f[0], f[1])]))
    return found, hits


def _unquoted_formulas(text: str, lo: int, comp: dict[str, Any]) -> list[_Found]:
    lex = comp["lex"]
    out: list[_Found] = []
    if comp["registry_rx"] is not None:
        for m in comp["registry_rx"].finditer(text, lo):
            if m.start() and (text[m.start() - 1] in lex["numerals"] or text[m.start() - 1] == "第"):
                continue
            out.append(_Found(m.group(), "formula", spans=[m.span()]))
    stop, numerals = lex["compact_stop"], lex["numerals"]
    for rx in comp["compact"]:
        for m in rx.finditer(text, lo):
            word = m.group()
            inner = word[1::2]
            if (word in comp["idioms"] or word[:4] in comp["idioms"] or len(set(inner)) < len(inner)
                    or any(c in stop or c in numerals or c in lex["weak_chars"] for c in inner)
                    or (m.start() and text[m.start() - 1] in numerals)):
                continue
            out.append(_Found(word, "formula", spans=[m.span()]))
    for m in comp["formula_at"].finditer(text, lo):  # A、B、C三种意识
        n = _value(m.group(1), lex) or 0
        members = _list_before(text, m.start(), n)
        if members:
            f = _formula_after(text, m.start(), list(members), comp, need_suffix=True)
            if f is not None:
                out.append(_Found(f[2], "formula", members, spans=[(f[0], f[1])]))
    return out


class _Containers:
    """Does any of these spans contain (start, end)? One bisection per question, so a
    paragraph of a million characters with thousands of quotes stays linear."""

    def __init__(self, spans: list[tuple[int, int]]):
        spans = sorted(spans)
        self.starts = [s for s, _ in spans]
        self.reach, far = [], -1
        for _, e in spans:  # the furthest end among the spans starting at or before each
            far = max(far, e)
            self.reach.append(far)

    def holds(self, start: int, end: int) -> bool:
        i = bisect_right(self.starts, start) - 1
        return i >= 0 and self.reach[i] >= end


def _parallels(text: str, lo: int, quotes: list[tuple[int, int]], comp: dict[str, Any],
               outline: list[Heading]) -> list[_Found]:
    lex = comp["lex"]
    clauses = [m.span() for m in comp["clause_rx"].finditer(text, lo)]
    headings = [h.title_span for h in outline]
    framed = parallel.framed_runs(text, clauses, lex)
    recurring = parallel.recurring_runs(text, clauses, lex) + parallel.verb_runs(text, clauses, lex)

    in_quote, in_heading = _Containers(quotes), _Containers(headings)
    out = []
    for r in framed + recurring:
        if in_quote.holds(r.start, r.end) or in_heading.holds(r.start, r.end):
            continue
        out.append(_Found(_key(text[r.start:r.end], comp), "parallel", r.members, spans=[(r.start, r.end)]))
    return out


def _merge(found: list[_Found], comp: dict[str, Any], text: str) -> dict[str, _Found]:
    """One entry per slogan; a quote that is the tail of a longer quoted slogan written with
    its head outside the quotes (争创“*首善之区” beside “争创*首善之区”) joins the longer one."""
    by_last: dict[str, set[str]] = {}  # keys by their last character: the tails to look at
    for f in found:
        by_last.setdefault(f.key[-1:], set()).add(f.key)
    merged: dict[str, _Found] = {}
    for f in found:
        s = f.spans[0][0]
        if f.type != "parallel" and any(
                len(k) > len(f.key) and k.endswith(f.key)
                and text[max(0, s - 1 - len(k) + len(f.key)):s - 1] == k[:len(k) - len(f.key)]
                for k in by_last[f.key[-1:]]):
            continue
        cur = merged.get(f.key)
        if cur is None:
            merged[f.key] = f
        elif not cur.members and f.members:
            cur.members = f.members
    registry, names = comp["lex"]["registry"], comp["registry_names"]
    for f in merged.values():
        if f.type == "formula" and not f.members and f.key in names:
            f.members, f.known = tuple(registry[names[f.key]]["members"]), True
    return merged


def _dequoted(text: str, lo: int, comp: dict[str, Any]) -> tuple[str, OffsetMap]:
    """The body text without quote marks, and a map back: a slogan is counted whether or not
    (and however) it is quoted, with one fast substring search per slogan."""
    runs = [m.span() for m in comp["unquoted_run"].finditer(text, lo)]
    starts, total = [], 0
    for s, e in runs:
        starts.append(total)
        total += e - s
    return "".join(text[s:e] for s, e in runs), OffsetMap(tuple(starts) or (0,), tuple(s for s, _ in runs) or (lo,))


def _occurrences(dq: str, back: OffsetMap, key: str) -> list[tuple[int, int]]:
    """Non-overlapping occurrences of ``key`` in the dequoted text, as spans of the text."""
    out, i = [], dq.find(key) if key else -1
    while i != -1:
        out.append(back.span_to_origin(i, i + len(key)))
        i = dq.find(key, i + len(key))
    return out


def _counted(occ: dict[str, list[tuple[int, int]]], merged: dict[str, _Found]) -> dict[str, list[tuple[int, int]]]:
    """Drop occurrences inside a longer slogan's occurrence, unless a listed member of it."""
    out = {}
    for k, spans in occ.items():
        # an occurrence of k2 covering one of k holds k (the offset map is monotonic)
        covers = [(s, e) for k2, sp in occ.items() if len(k2) > len(k) and k in k2
                  and k not in merged[k2].members for s, e in sp]
        out[k] = [o for o in spans if not any(s <= o[0] and o[1] <= e for s, e in covers)]
    return out


def extract_slogans(doc: Document, config: Config, outline: list[Heading] | None = None) -> list[Slogan]:
    """``outline`` (of the same doc and config) spares working it out again: runs inside a
    heading's title are not parallel slogans."""
    comp = config.compiled("slogans", _compile)
    if outline is None:
        from speechkit.extractors.outline import extract_outline

        outline = extract_outline(doc, config)
    text = fold(doc.norm)
    lo = doc.body_start
    quoted, quote_spans = _quoted(text, lo, comp)
    found = quoted + _unquoted_formulas(text, lo, comp) + _parallels(text, lo, quote_spans, comp, outline)
    merged = _merge(found, comp, text)
    dq, back = _dequoted(text, lo, comp)
    occ = _counted({k: _occurrences(dq, back, k) or f.spans[:1] for k, f in merged.items()}, merged)
    out = []
    for k, f in merged.items():
        spans = occ[k] or f.spans[:1]
        out.append(Slogan(slogan=k, type=f.type, span=spans[0], count=len(spans),
                          members=f.members, known=f.known))
    out.sort(key=lambda s: (-s.count, s.span[0]))
    return out
