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
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field

from speechkit.config import Config
from speechkit.extractors import formula_members, parallel
from speechkit.extractors.formula_members import (FORMULA_HEAD, FORMULA_HEAD_MAX, common_suffix, formula_after,
                                                  formula_gap, list_before, parts_of)
from speechkit.lexicons.typed import SlogansLexicon
from speechkit.model import Document, Heading, OffsetMap, Slogan
from speechkit.normalize.width import fold
from speechkit.numerals import count
from speechkit.punctuation import SEGMENT_MARKS
from speechkit.regex_lead import Lead, trie_pattern
from speechkit.spans import Containers

# Longest quoted text scanned for its closing quote (characters): bounds the work on
# unbalanced quotes (300,000 unmatched “ stay linear).
MAX_QUOTE_SCAN = 120
# Longest part of a quoted run that is still typed as one formula (五大组团，一水中流).
FORMULA_PART_MAX = 4

_HAN = "\u4e00-\u9fff"


@dataclass
class _Found:
    key: str
    type: str
    members: tuple[str, ...] = ()
    known: bool = False
    mismatch: bool = False  # the members listed are not as many as the numeral says
    spans: list[tuple[int, int]] = field(default_factory=list)  # detection spans (norm)


@dataclass(frozen=True)
class SloganRules:
    """The slogans lexicon as compiled for one run (``Config.compiled``)."""
    lex: SlogansLexicon
    quote_chars: str  # every opening and closing quote mark
    unquoted_run: re.Pattern[str]  # a run of text without quote marks
    quotes: tuple[re.Pattern[str], ...]  # one per quote pair; group 1 is the quoted text
    books: re.Pattern[str]  # a book title 《…》
    books_each: tuple[tuple[str, re.Pattern[str]], ...]  # (opening mark, the titles it opens) per pair
    registry_names: Mapping[str, str]  # every registry name and alias -> the registry entry
    registry_rx: re.Pattern[str] | None  # registry names that open with a numeral
    compact: tuple[re.Pattern[str], ...]
    shapes: tuple[re.Pattern[str], ...]
    idioms: frozenset[str]
    formula_after: re.Pattern[str]  # numeral, counter, head: right after a list (三种意识)
    formula_at: re.Pattern[str]  # a numeral and counter that may close a list before them
    formula_lead: re.Pattern[str]
    formula_near: re.Pattern[str]  # where formula_at or formula_lead may match: a numeral before a counter
    # registry_rx (if any), the compact patterns and formula_near, all led by a numeral, in one pass
    numbered: Lead
    strip: dict[int, int | None]  # str.translate table dropping quote marks and blanks
    heading_end: re.Pattern[str]
    clause_rx: re.Pattern[str]
    member_lead_first: frozenset[str]  # first characters of the member_lead words
    frames: parallel.FrameRules


def _numbered_scans(registry_rx: re.Pattern[str] | None, compact: tuple[re.Pattern[str], ...],
                    formula_near: re.Pattern[str]) -> Lead:
    return Lead(([registry_rx] if registry_rx is not None else []) + [*compact, formula_near])


def _compile(config: Config) -> SloganRules:
    lex = SlogansLexicon.of(config.lexicon("slogans"))
    quote_chars = "".join(lex.quotes) + "".join(lex.quotes.values())
    quotes = []
    for o, c in lex.quotes.items():
        stop = re.escape("".join({o, c, "“", "”"}))
        # a hard line break may fall inside a quote (“压⏎舱石”): _quoted keeps one of them
        quotes.append(re.compile(f"{re.escape(o)}([^{stop}]{{1,{MAX_QUOTE_SCAN}}}){re.escape(c)}"))
    each = [(o, f"{re.escape(o)}[^{re.escape(o + c)}\n]{{0,{MAX_QUOTE_SCAN}}}{re.escape(c)}")
            for o, c in lex.book_titles.items()]
    books = "|".join(rx for _, rx in each)
    names: dict[str, str] = {}
    for name, entry in lex.registry.items():
        for form in [name, *(entry.aliases or ())]:
            names[form] = name
    numbered = sorted((n for n in names if n[0] in lex.numerals), key=len, reverse=True)
    nums, counters = re.escape(lex.numerals), re.escape(lex.counters)
    registry_rx = re.compile("|".join(map(re.escape, numbered))) if numbered else None
    compact = tuple(re.compile(p) for p in lex.compact)
    formula_near = re.compile(f"[二两三四五六七八九十](?=[二两三四五六七八九十]?[{counters}])")
    return SloganRules(
        lex=lex,
        quote_chars=quote_chars,
        unquoted_run=re.compile("[^" + re.escape(quote_chars) + "]+"),
        quotes=tuple(quotes),
        books=re.compile(books),
        books_each=tuple((o, re.compile(rx)) for o, rx in each),
        registry_names=names,
        registry_rx=registry_rx,
        compact=compact,
        shapes=tuple(re.compile(p) for p in lex.formula_shapes),
        idioms=frozenset(lex.idioms),
        formula_after=re.compile(f"([{nums}]{{1,3}})([{counters}])([{_HAN}]{{1,{FORMULA_HEAD_MAX}}})"),
        # the look-behind comes after the first character, so the scan can skip to a numeral
        formula_at=re.compile(f"([二两三四五六七八九十双])(?<![{nums}第].)([{counters}])"),
        # 四项基本原则，即… / 四大任务：一是…: a formula named right before its members
        formula_lead=re.compile(f"([二两三四五六七八九十](?<![{nums}第].)[二两三四五六七八九十]?)([{counters}])"
                                f"([{_HAN}]{{1,{FORMULA_HEAD_MAX}}}?)(?=[:：]|[,，]?(?:即|就是|是指|一是))"),
        formula_near=formula_near,
        numbered=_numbered_scans(registry_rx, compact, formula_near),
        strip=str.maketrans("", "", quote_chars + " \t\u3000\n"),
        heading_end=re.compile(f"[{re.escape(lex.heading_clause_ends)}]"),
        clause_rx=re.compile(f"[^{re.escape(lex.clause_ends)}]{{1,{parallel.MAX_CLAUSE}}}"),
        member_lead_first=frozenset(w[:1] for w in lex.member_lead),
        frames=parallel.FrameRules.of(lex),
    )


def _key(s: str, comp: SloganRules) -> str:
    return s.translate(comp.strip).strip("、,;:")


def _is_formula(key: str, comp: SloganRules) -> bool:
    lex = comp.lex
    if key in comp.registry_names or any(rx.match(key) for rx in comp.compact + comp.shapes):
        return True
    if key[0] == "一":  # 一个定位, 一核两翼 / 一高地四区 (not 一水中流)
        return len(key) > 1 and (key[1] in lex.counters
                                 or (len(key) <= FORMULA_HEAD_MAX and any(c in "二两三四五六七八九十" for c in key[2:])))
    return key[0] in lex.numerals


def _members_after(text: str, pos: int, n: int | None, comp: SloganRules) -> tuple[tuple[str, ...], bool]:
    """Members listed right after a formula (formula_members.members_after)."""
    after = text[pos:pos + 1]
    if after not in comp.member_lead_first and after not in (",", "，") and "" not in comp.member_lead_first:
        return (), False  # most formulas: no lead word (：, 即, …) and no comma after them
    return formula_members.members_after(text, pos, n, comp.lex)


# How far after a formula its members may be quoted one by one (within its paragraph).
MEMBER_QUOTES_WINDOW = 2000


def _quoted_members_after(text: str, pos: int, n: int, formula: str, hits: list[tuple[int, int]],
                          comp: SloganRules) -> tuple[str, ...]:
    """Members quoted one by one later in the paragraph, each ending in the formula's name
    (解决“三心”问题…“中心”问题…“民心”问题…“用心”问题): exactly ``n`` of them, or none."""
    name = formula[2:] if formula[1:2] in comp.lex.counters else formula[1:]
    end = text.find("\n", pos, pos + MEMBER_QUOTES_WINDOW)
    end = min(len(text), pos + MEMBER_QUOTES_WINDOW) if end < 0 else end
    first = bisect_right(hits, (pos, len(text)))
    parts = dict.fromkeys(text[s:e] for s, e in hits[first:bisect_right(hits, (end, 0))] if pos < s < end)
    members = [p for p in parts if p != formula and p.endswith(name) and len(p) <= parallel.MAX_MEMBER]
    return tuple(members) if name and n >= 2 and len(members) == n else ()


def _broken(content: str) -> bool:
    """A quote spanning lines is one watchword only when a single hard break falls between two
    Han characters (“压⏎舱石”); otherwise the quote marks are unbalanced."""
    i = content.find("\n")
    if i < 0:
        return False
    return (content.count("\n") > 1 or not 0 < i < len(content) - 1
            or not (re.match(f"[{_HAN}]", content[i - 1]) and re.match(f"[{_HAN}]", content[i + 1])))


def _formula_members(text: str, s: int, e: int, bare: str, prev: tuple[int, int, list[str]] | None,
                     hits: list[tuple[int, int]], comp: SloganRules) -> tuple[tuple[str, ...], bool]:
    """Members of the quoted formula ``bare`` at s..e: the quoted run just before it, the list
    after it (：/ 即 / 一是…), an unquoted list before it, or its members quoted one by one."""
    n = count(bare[0])
    if prev is not None and text[prev[1] + 1:s - 1] in ("", "的") and len(prev[2]) == n:
        return tuple(prev[2]), False
    members, mismatch = _members_after(text, e + 1, n, comp)
    if members or bare in comp.registry_names:  # the registry knows a national formula's members
        return members, mismatch
    if text[s - 2:s - 1] in ("和", "及", "与", "、"):  # A、B和“三个代表”: the quote ends a list, not names it
        return (), False
    return list_before(text, s - 1, n or 0) or _quoted_members_after(text, e, n or 0, bare, hits, comp), False


def _runparts_of(text: str, s: int, e: int, parts: list[str], comp: SloganRules) -> list[_Found]:
    """The formulas inside a quoted run of 、-joined items (“一个定位、两个目标、建设五个桃源”): each
    part that is a formula, or ends in one after a short verb, is a formula of its own too. A run
    joined by commas is a couplet (五大组团，一水中流: one formula), and 一个第一、两个第二 are ranks."""
    lex, out = comp.lex, []
    if re.search("[,，]", text[s:e]):
        return []
    tail = re.compile(f"[{re.escape(lex.numerals)}][{re.escape(lex.counters)}][{_HAN}]{{1,{FORMULA_PART_MAX}}}$")
    whole = all(_is_formula(p, comp) and len(p) <= FORMULA_HEAD_MAX for p in parts)  # not 一要吃饭、二要建设
    for p in parts:
        m = tail.search(p, 1, len(p))
        name = p if whole else (
            m.group() if m and m.start() <= FORMULA_HEAD else None)
        if name and name[2:3] != "第" and name[1:2] != "第":
            i = text.find(name, s, e)
            out.append(_Found(name, "formula", spans=[(i, i + len(name)) if i >= 0 else (s, e)]))
    return out


def _quoted(text: str, lo: int, comp: SloganRules) -> tuple[list[_Found], list[tuple[int, int]]]:
    """Quoted slogans (and the formulas they name), and every quote's span."""
    lex = comp.lex
    # one title mark only (most texts have 《》 and no 〈〉): its own scan, which skips to the
    # mark at C speed, finds the same titles as the alternation of every pair
    marks_in = [rx for o, rx in comp.books_each if o in text]
    books = [m.span() for m in (marks_in[0] if len(marks_in) == 1 else comp.books).finditer(text, lo)]
    hits = sorted((m.start(1), m.end(1)) for rx in comp.quotes for m in rx.finditer(text, lo))
    hits = [(s, e) for s, e in hits if text.find("\n", s, e) < 0 or not _broken(text[s:e])]  # most hold no break
    in_book = Containers(books)
    found: list[_Found] = []
    prev: tuple[int, int, list[str]] | None = None  # last quote's span and parts
    marks = re.compile(f"[{re.escape(SEGMENT_MARKS)}]").search
    unspaced, han = re.compile(r"[、,;:\s]").sub, re.compile(f"[{_HAN}]").search
    for s, e in hits:
        content = text[s:e]
        if in_book.holds(s, s + 1) or "《" in content or marks(content):
            continue
        head, mismatch = content, False
        members: tuple[str, ...] = ()
        if "(" in content and content.rstrip().endswith(")"):
            head = content[:content.index("(")]
            members = tuple(parts_of(content[content.index("(") + 1:content.rindex(")")], "、"))
        key = _key(head, comp)
        bare = unspaced("", key)  # a mask * stands for at least one character
        if not han(bare) or len(bare) > lex.max_quoted:
            continue
        parts = parts_of(key, lex.separators)
        # a quoted run is a formula only when its parts are compact (五大组团，一水中流), not
        # when it is a couplet that happens to open with a number (四大班子一条心、…)
        formula = _is_formula(bare, comp) and (len(parts) < 2 or max(map(len, parts)) <= FORMULA_PART_MAX)
        if len(bare) < lex.min_quoted and not (formula or bare in lex.set_phrases):
            continue
        if not members and len(parts) > 1:
            members = tuple(parts)
        if formula and not members:
            members, mismatch = _formula_members(text, s, e, bare, prev, hits, comp)
        found.append(_Found(key, "formula" if formula else "quoted", members, mismatch=mismatch, spans=[(s, e)]))
        prev = (s, e, parts)
        if len(parts) > 1:  # “A、B、C”五大战略; “A、B、C”这三件大事
            found.extend(_runparts_of(text, s, e, parts, comp))
            f = formula_after(text, e + 1, parts, comp.lex, comp.formula_after, need_suffix=False)
            if f is not None:
                found.append(_Found(f[2], "formula", tuple(parts), mismatch=f[3], spans=[(f[0], f[1])]))
    return found, hits


def _compact_formulas(text: str, matches: list[list[re.Match[str]]], comp: SloganRules,
                      in_quote: "Containers") -> list[_Found]:
    """一村一品, 两免一补 outside quotes (inside a quote the quote itself is the formula: no
    四部一中 beside “四部一中心”). ``matches``: each compact pattern's matches."""
    lex, out = comp.lex, []
    stop, numerals = lex.compact_stop, lex.numerals
    for found in matches:
        for m in found:
            word = m.group()
            inner = word[1::2]
            if (word in comp.idioms or word[:4] in comp.idioms or len(set(inner)) < len(inner)
                    or any(c in stop or c in numerals or c in lex.weak_chars for c in inner)
                    or (m.start() and text[m.start() - 1] in numerals) or in_quote.holds(*m.span())):
                continue
            out.append(_Found(word, "formula", spans=[m.span()]))
    return out


def _named_lists(text: str, near: list[int], comp: SloganRules, in_quote: "Containers") -> list[_Found]:
    """Formulas named after (A、B、C三种意识; A、B等六大任务) or before (四项基本原则，即A，B，C，D;
    四大任务：一是…) the list of their members. ``near``: where formula_near matches.
    Both patterns start at a numeral before a counter: each is matched at those few places,
    in turn, as its own finditer would."""
    lex, out = comp.lex, []
    for m in _matches_at(comp.formula_at, text, near):
        if in_quote.holds(m.start(), m.end()):
            continue  # the quote is the formula (“三条保障线”, not 三条保障 beside it)
        n = count(m.group(1)) or 0
        gap = formula_gap(text, m.start(), lex, before=True)
        members = list_before(text, m.start() - len(gap), n, fewer=gap in lex.formula_gap_fewer)
        if members:
            f = formula_after(text, m.start() - len(gap), list(members), comp.lex, comp.formula_after,
                              need_suffix=True, gap=gap)
            if f is not None:
                out.append(_Found(f[2], "formula", members, mismatch=f[3], spans=[(f[0], f[1])]))
    for m in _matches_at(comp.formula_lead, text, near):
        head = m.group(3)
        if _generic(head, lex):
            continue
        members, mismatch = _members_after(text, m.end(), count(m.group(1)), comp)
        if members:
            out.append(_Found(m.group(), "formula", members, mismatch=mismatch, spans=[m.span()]))
    return out


def _matches_at(rx: re.Pattern[str], text: str, starts: list[int]) -> Iterator[re.Match[str]]:
    """``rx.finditer(text)`` when its matches can only start at ``starts`` (in order): the
    match at each start that is not inside the last match."""
    end = -1
    for i in starts:
        if i >= end and (m := rx.match(text, i)):
            end = m.end() if m.end() > i else i + 1
            yield m


def _generic(head: str, lex: SlogansLexicon) -> bool:
    """抓好三项工作 / 八个方面工作 / 两项重大措施 / 两种人: counts that organise a text."""
    for mod in lex.generic_modifiers:
        if head.startswith(mod) and len(head) > len(mod):
            head = head[len(mod):]
            break
    return (head in lex.generic_heads or any(head.startswith(w) for w in lex.generic_heads if len(w) > 1)
            or any(c in lex.weak_chars for c in head))


def _unquoted_formulas(text: str, lo: int, comp: SloganRules, in_quote: Containers) -> list[_Found]:
    lex = comp.lex
    out: list[_Found] = []
    # each scan's matches, as its own finditer finds them, from one pass (regex_lead)
    found: list[list[re.Match[str]]] = [[] for _ in comp.numbered.regexes]
    for i, m in comp.numbered.finditer(text, lo):
        found[i].append(m)
    if comp.registry_rx is not None:
        for m in found.pop(0):
            if m.start() and (text[m.start() - 1] in lex.numerals or text[m.start() - 1] == "第"):
                continue
            out.append(_Found(m.group(), "formula", spans=[m.span()]))
    near = [m.start() for m in found.pop()]
    return out + _compact_formulas(text, found, comp, in_quote) + _named_lists(text, near, comp, in_quote)


def _parallels(text: str, lo: int, in_quote: Containers, comp: SloganRules,
               outline: list[Heading]) -> list[_Found]:
    lex = comp.lex
    # A run needs a clause with two separators: one scan finds the texts between clause ends
    # that hold two (the others, most, are never listed); one longer than MAX_CLAUSE is cut
    # into clauses as clause_rx cuts it. The first clause may start at ``lo``, not after an end.
    ends = lex.clause_ends
    seps = "".join(sorted({*lex.separators, "、"} - set(ends)))
    e_, s_ = re.escape(ends), re.escape(seps)
    two_seps = re.compile(f"[{e_}]([^{e_}{s_}]*[{s_}][^{e_}{s_}]*[{s_}][^{e_}]*)")
    clause_rx = comp.clause_rx
    first_end = re.compile(f"[{e_}]").search(text, lo)
    head_end = first_end.start() if first_end else len(text)
    clauses = [m.span() for m in clause_rx.finditer(text, lo, head_end)]
    spans = [m.span(1) for m in two_seps.finditer(text, head_end)]
    if any(e - s > parallel.MAX_CLAUSE for s, e in spans):
        spans = [c for s, e in spans for c in ([(s, e)] if e - s <= parallel.MAX_CLAUSE
                                                 else [m.span() for m in clause_rx.finditer(text, s, e)])]
    clauses += spans
    # a run in a heading's own words (its first clause) is the heading (lexicon heading_clause_ends)
    end = comp.heading_end.search
    headings = [(s, m.start() if (m := end(text, s, e)) else e) for s, e in (h.title_span for h in outline)]
    framed = parallel.framed_runs(text, clauses, comp.frames)
    # unframed runs are 、-lists: only pieces of a clause with two 、 or more can hold one
    listed = parallel.listed_pieces(text, clauses)
    recurring = parallel.recurring_runs(text, listed, lex) + parallel.verb_runs(text, listed, lex)

    in_heading = Containers(headings)
    out = []
    for r in framed + recurring:
        if in_quote.holds(r.start, r.end) or in_heading.holds(r.start, r.end):
            continue
        out.append(_Found(_key(text[r.start:r.end], comp), "parallel", r.members, spans=[(r.start, r.end)]))
    return out


def _merge(found: list[_Found], comp: SloganRules, text: str) -> dict[str, _Found]:
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
            cur.members, cur.mismatch = f.members, f.mismatch
    registry, names = comp.lex.registry, comp.registry_names
    for f in merged.values():
        if f.type == "formula" and not f.members and f.key in names:
            f.members, f.known = registry[names[f.key]].members, True
    return merged


def _dequoted(text: str, lo: int, comp: SloganRules) -> tuple[str, OffsetMap]:
    """The body text without quote marks, and a map back: a slogan is counted whether or not
    (and however) it is quoted, with one fast substring search per slogan."""
    runs = [m.span() for m in comp.unquoted_run.finditer(text, lo)]
    starts, total = [], 0
    for s, e in runs:
        starts.append(total)
        total += e - s
    return "".join(text[s:e] for s, e in runs), OffsetMap(tuple(starts) or (0,), tuple(s for s, _ in runs) or (lo,))


def _occurrences(dq: str, back: OffsetMap, key: str, at: "list[int] | None" = None) -> list[tuple[int, int]]:
    """Non-overlapping occurrences of ``key`` in the dequoted text, as spans of the text
    (``back.span_to_origin``; an occurrence within one run of the text maps by one bisection).
    ``at``: the key's places already found (``_places``), else ``str.find`` finds them."""
    out, n = [], len(key)
    starts, origins = back.starts, back.origins
    for i in (at if at is not None else _find_all(dq, key)):
        k = max(bisect_right(starts, i) - 1, 0)
        if k + 1 == len(starts) or i + n <= starts[k + 1]:
            s = origins[k] + i - starts[k]
            out.append((s, s + n))
        else:
            out.append(back.span_to_origin(i, i + n))
    return out


def _find_all(dq: str, key: str) -> Iterator[int]:
    i = dq.find(key) if key else -1
    while i != -1:
        yield i
        i = dq.find(key, i + len(key))


# Above this many key-characters (keys x text length), the keys' places are found in one
# pass over the text instead of a str.find scan per key: a long text has many slogans, so the
# scans grow with the square of its length (a 4 MB file of reports: 2,000 keys, 70% of the
# slogans' time).
ONE_PASS_MIN = 50_000_000
# Without ahocorasick-rs the one pass is a trie regex tried at every character (~0.75 s a MB
# here), which beats the scans per key (~0.18 ms a MB a key) only from about this many keys.
TRIE_MIN_KEYS = 4_000


def _places(dq: str, keys: list[str]) -> dict[str, list[int]] | None:
    """Where each key starts in ``dq``, non-overlapping as ``_find_all`` finds them, from one
    pass over all keys (None when the scans per key are cheap anyway): every occurrence of
    every key, from an Aho-Corasick automaton (ahocorasick-rs, the ``fast`` extra) or else a
    trie regex tried at every place (the longest key starting there, whose prefixes that are
    keys start there too). One key's occurrences come in text order; the first at or after
    the end of the last one kept is the one str.find would find next."""
    keys = [k for k in keys if k]
    if not keys or len(dq) * len(keys) < ONE_PASS_MIN:
        return None
    places: dict[str, list[int]] = {k: [] for k in keys}
    ends = dict.fromkeys(keys, 0)
    try:
        import ahocorasick_rs
    except ImportError:
        if len(keys) < TRIE_MIN_KEYS:
            return None
        lengths = sorted({len(k) for k in keys})
        for m in re.finditer(f"(?=({trie_pattern(keys)}))", dq):
            s, longest = m.start(), m.group(1)
            for n in lengths:
                if n > len(longest):
                    break
                k = longest[:n]
                if k in ends and s >= ends[k]:
                    places[k].append(s)
                    ends[k] = s + n
        return places
    automaton = ahocorasick_rs.AhoCorasick(keys)
    for i, s, e in automaton.find_matches_as_indexes(dq, overlapping=True):
        k = keys[i]
        if s >= ends[k]:
            places[k].append(s)
            ends[k] = e
    return places


def _counted(occ: dict[str, list[tuple[int, int]]], merged: dict[str, _Found]) -> dict[str, list[tuple[int, int]]]:
    """Drop occurrences inside a longer slogan's occurrence, unless a listed member of it."""
    out = {}
    # all keys in one string: a key found there once only is inside no other key (most
    # are), so nothing covers it and the pairwise test below is skipped
    keys = "\0".join(occ)
    for k, spans in occ.items():
        if keys.count(k) < 2 and "\0" not in k:
            out[k] = list(spans)
            continue
        # an occurrence of k2 covering one of k holds k (the offset map is monotonic)
        covers = Containers(o for k2, sp in occ.items() if len(k2) > len(k) and k in k2
                            and k not in merged[k2].members for o in sp)
        out[k] = [o for o in spans if not covers.holds(*o)]
    return out


def extract_slogans(doc: Document, config: Config, outline: list[Heading]) -> list[Slogan]:
    """``outline`` is the doc's headings (``api.slogans`` works it out once for all the
    extractors): runs inside a heading's title are not parallel slogans."""
    comp = config.compiled("slogans", _compile)
    text = fold(doc.norm)
    lo = doc.body_start
    quoted, quote_spans = _quoted(text, lo, comp)
    in_quote = Containers(quote_spans)
    found = quoted + _unquoted_formulas(text, lo, comp, in_quote) + _parallels(text, lo, in_quote, comp, outline)
    merged = _merge(found, comp, text)
    dq, back = _dequoted(text, lo, comp)
    places = _places(dq, list(merged)) or {}
    occ = _counted({k: _occurrences(dq, back, k, places.get(k)) or f.spans[:1] for k, f in merged.items()}, merged)
    out = []
    for k, f in merged.items():
        spans = occ[k] or f.spans[:1]
        out.append(Slogan(slogan=k, type=f.type, span=spans[0], count=len(spans),
                          members=f.members, known=f.known, members_mismatch=f.mismatch))
    out.sort(key=lambda s: (-s.count, s.span[0]))
    return out
