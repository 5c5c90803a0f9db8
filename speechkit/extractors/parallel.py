"""Parallel runs: ≥3 short phrases in a row built on one frame (早动手、早安排、早启动;
人防、物防、技防; 说实话、鼓实劲、出实招). Used by extractors/slogans.py.

A clause (text between 。；：！？ and quotes) is split at 、 and commas into segments. A run is a
window of consecutive segments whose inner segments all fit one frame — a shared prefix, a
shared suffix, a shared character at one inner position, or (for equal-length phrases) a
shared character anywhere; the first segment may carry a lead-in (坚持务实 -> 务实) and the
last a continuation (技防各项措施 -> 技防), which are trimmed off. Runs without a frame count
only when the same 、-run recurs (抢抓机遇、乘势而上、提速发展 in a heading and in the body).
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Callable

from speechkit.lexicons.typed import SlogansLexicon

# Members are phrases of this many characters. 7 keeps 领导到位/工作措施到位 and 少讲客观条件
# (the longest framed members in the gold samples are 6) and drops clause-length segments.
MIN_MEMBER, MAX_MEMBER = 2, 7
# Members of an unframed run that recurs must be this long: two-character lists that recur
# (速度、质量、效益) are lists of nouns, not watchwords.
MIN_RECURRING_MEMBER = 3
MAX_RECURRING_MEMBER = 6
# Members of an unframed verb-object run (抓经济、促发展、惠民生) are this long: a one-character
# verb and a two-character object (the runs in the samples and corpora; longer ones vary too
# much to tell from lists of nouns without a frame).
VERB_OBJECT_LENGTH = 3
# A clause with more segments than this is a list or a table, not rhetoric; it is skipped
# (also bounds the work on a 10 MB single-line input).
MAX_SEGMENTS = 60
# Longest clause looked at, in characters.
MAX_CLAUSE = 400

# The "shared character anywhere" frame (能快则快，好中求快，以快补晚，以快赶强) is loose: it is
# tried only on members of equal length in this range.
ANY_FRAME_LENGTHS = (3, 5)

_HAN = re.compile(r"[\u4e00-\u9fff]+")
Seg = tuple[int, int, str, str]


@dataclass(frozen=True)
class Run:
    start: int  # norm offsets of the whole run (first member start .. last member end)
    end: int
    members: tuple[str, ...]
    framed: bool


def _is_han(s: str) -> bool:
    return bool(_HAN.fullmatch(s))


def _frames(m1: str, held: set[str]) -> list[tuple[str, Any]]:
    """Frames suggested by the first inner member, most specific first, made only of the
    characters in ``held`` (those the segments either side hold too: a frame with another
    character cannot fit them)."""
    out: list[tuple[str, Any]] = []
    size = len(m1)
    first, last = m1[0] in held, m1[-1] in held
    if first:
        if size > 2 and m1[1] in held:
            out.append(("prefix", m1[:2]))
        if size > 1:
            out.append(("prefix", m1[:1]))
    if last:
        if size > 2 and m1[-2] in held:
            out.append(("suffix", m1[-2:]))
        if size > 1:
            out.append(("suffix", m1[-1:]))
    out.extend(("mid", (k, m1[k])) for k in range(1, size - 1) if m1[k] in held)
    out.extend(("any", c) for c in dict.fromkeys(m1) if c in held)
    return out


def _fits(kind: str, arg: Any, m: str, length: int) -> bool:
    if not (MIN_MEMBER <= len(m) <= MAX_MEMBER):
        return False
    if kind == "prefix":
        return m.startswith(arg) and len(m) > len(arg)
    if kind == "suffix":
        return m.endswith(arg) and len(m) > len(arg)
    if kind == "mid":
        k, c = arg
        return len(m) > k + 1 and m[k] == c
    return len(m) == length and arg in m


def _trim_first(kind: str, arg: Any, f: str, length: int) -> int | None:
    """Where the member starts inside the first segment ``f`` (a lead-in is cut), or None."""
    if _fits(kind, arg, f, length) and kind != "suffix":
        return 0
    if kind == "prefix":
        i = f.rfind(arg)
    elif kind == "mid":
        k, c = arg
        i = f.rfind(c) - k
    else:  # suffix, any: the member is as long as the first inner one
        i = len(f) - length
    if i < 0 or not _fits(kind, arg, f[i:], length):
        return None
    return i


def _tail_cut(g: str, tail_at: Callable[[str, int], Any] | None) -> int:
    """Where the first tail word at or after MIN_MEMBER is in ``g`` (len(g) if none);
    ``tail_at`` searches the tail words (``_tail_search``)."""
    m = tail_at(g, MIN_MEMBER) if tail_at else None
    return m.start() if m else len(g)


def _tail_search(tails: str) -> Callable[[str, int], Any] | None:
    """The search for a tail word (``member_tails``), None when there are none."""
    return _separator_rx(tails).search if tails else None


def _trim_last(kind: str, arg: Any, g: str, length: int, longest: int,
               tail_at: Callable[[str, int], Any] | None) -> int | None:
    """How long the member is at the start of the last segment ``g``, or None. A member
    running on into the sentence ends at a tail word (提速发展的责任感) or, for a prefix
    frame, after as many characters as the inner members have (服务群众真正落到实处)."""
    g = g[:_tail_cut(g, tail_at)]
    if kind == "suffix":  # cut only where the segment ends or a tail word follows (技防|各项措施)
        i = g.find(arg, 1)
        ok = i > 0 and i + len(arg) == len(g) and _fits(kind, arg, g, length)
        return len(g) if ok else None
    if len(g) <= longest + 1 and _fits(kind, arg, g, length):
        return len(g)
    return length if kind == "prefix" and _fits(kind, arg, g[:length], length) else None


def _window(segs: list[Seg], a: int, held: set[str],
            tail_at: Callable[[str, int], Any] | None, keep: Callable[[str, Any], bool]):
    """The longest framed run whose first member is cut from segment ``a``: (b, members, frame).
    ``held``: the characters a frame may be made of (not empty), ``tail_at`` searches a tail word."""
    m1, f, g = segs[a + 1][2], segs[a][2], segs[a + 2][2]
    n, length = len(segs), len(m1)
    any_length = ANY_FRAME_LENGTHS[0] <= length <= ANY_FRAME_LENGTHS[1]
    # the first inner member fits each of its frames and is a Han phrase: it is an inner
    # member unless a tail word is in it
    m1_inner = not (tail_at and tail_at(m1, MIN_MEMBER))
    best = None
    for kind, arg in _frames(m1, held):
        # a frame the first segment and the next member (or the last) do not both hold
        # where it must be cannot make a run of three: skip it before the trimming is tried
        # (_trim_first: a suffix or "any" member is the end of f, as long as m1)
        if kind == "prefix":
            held = g.startswith(arg) and arg in f
        elif kind == "mid":
            held = g[arg[0]:arg[0] + 1] == arg[1] and f.rfind(arg[1]) >= arg[0]
        elif kind == "suffix":
            held = f.endswith(arg) and g.find(arg, 1) > 0
        else:
            held = any_length and len(f) >= length and arg in f[-length:] and arg in g
        if not held or not keep(kind, arg):
            continue
        first = _trim_first(kind, arg, f, length)
        if first is None:
            continue
        j, longest = (a + 2, length) if m1_inner else (a + 1, 0)
        while j < n:  # inner members: whole Han phrases on the frame, no tail word in them
            m = segs[j][2]
            if not _fits(kind, arg, m, length) or not _HAN.fullmatch(m) or (tail_at and tail_at(m, MIN_MEMBER)):
                break
            longest = max(longest, len(m))
            j += 1
        if j == a + 1:
            longest = length
        last_len = _trim_last(kind, arg, segs[j][2], length, longest, tail_at) if j < n else None
        b = j if last_len is not None else j - 1
        b = _uniform(segs, a, b)
        if b - a < 2:
            continue
        if b < j:
            last_len = None
        if best is None or b > best[0]:
            best = (b, first, last_len, (kind, arg))
    return best


def _uniform(segs: list[Seg], a: int, b: int) -> int:
    """Cut a run at its first change of separator, unless the separators alternate in pairs
    (少讲困难、多讲办法，少讲客观条件、多讲主观努力，…)."""
    sep = segs[a][3]
    k = a + 1
    while k < b and segs[k][3] == sep:
        k += 1
    if k >= b:
        return b
    if (b - a + 1) % 2 == 0 and all(segs[i][3] == segs[a + (i - a) % 2][3] for i in range(a, b)):
        return b
    return k


@lru_cache(maxsize=8)
def _separator_rx(seps: str) -> re.Pattern[str]:
    return re.compile(f"[{re.escape(seps)}]")


def _segments(text: str, start: int, end: int, seps: str, pieces: list[str] | None = None) -> list[Seg]:
    """(start, end, text, separator after it) for each piece of a clause (``pieces``: the
    clause already split at ``seps``)."""
    out, s = [], start
    if pieces is None:
        pieces = _separator_rx(seps).split(text[start:end])  # one C pass; offsets by length
    for piece in pieces:
        e = s + len(piece)
        out.append((s, e, piece, text[e] if e < end else ""))
        s = e + 1
    return out


def _frame_held(seps: str) -> re.Pattern[str]:
    """A separator before a first inner member ``m1`` (a Han phrase) and a segment ``g`` after
    it that holds one of its frames where _window's tests look for it (the segment before
    ``m1`` is tested there): a superset of the windows _window may make a run of."""
    s, h = re.escape(seps), "\u4e00-\u9fff"
    lo, hi = MIN_MEMBER - 1, MAX_MEMBER - 1
    any_lo, any_hi = ANY_FRAME_LENGTHS
    frames = [
        f"(?=(?P<p>[{h}])[{h}]{{{lo},{hi}}}[{s}](?P=p))",  # prefix: g starts as m1 does
        # suffix: m1 ends as the segment before it does, and g holds that character after its start
        f"(?<=(?P<s>[{h}])[{s}])(?=[{h}]{{{lo},{hi}}}(?P=s)[{s}][^{s}][^{s}]*?(?P=s))",
        # any: m1 has ANY_FRAME_LENGTHS characters, one of them in g
        f"(?=[{h}]{{{any_lo},{any_hi}}}[{s}])(?=[{h}]*?(?P<a>[{h}])[{h}]*[{s}][^{s}]*?(?P=a))",
    ]
    frames += [f"(?=[{h}]{{{k}}}(?P<m{k}>[{h}])[{h}]{{1,{hi - k}}}[{s}][^{s}]{{{k}}}(?P=m{k}))"  # mid: g[k] is m1[k]
               for k in range(1, MAX_MEMBER - 1)]
    return re.compile(f"[{s}](?=[{h}]{{{MIN_MEMBER},{MAX_MEMBER}}}[{s}])(?:{'|'.join(frames)})")


@dataclass(frozen=True)
class FrameRules:
    """What framed runs read from the slogans lexicon, compiled once a run (``of``)."""
    seps: str
    tail_at: Callable[[str, int], Any] | None  # the search for a tail word
    prefixes: frozenset[str]
    suffixes: frozenset[str]
    listed: frozenset[str]  # prefixes and suffixes: the parts that name things of a kind
    weak: frozenset[str]
    # where a run may start: a frame of the first inner member held by the segment after it
    # (_frame_held); most clauses have none and are skipped by one search, before they are split
    inner: re.Pattern[str]

    @classmethod
    def of(cls, lex: SlogansLexicon) -> FrameRules:
        esc, han = re.escape(lex.separators), "\u4e00-\u9fff"
        prefixes, suffixes = frozenset(lex.list_prefixes), frozenset(lex.list_suffixes)
        return cls(
            seps=lex.separators, tail_at=_tail_search(lex.member_tails),
            prefixes=prefixes, suffixes=suffixes, listed=prefixes | suffixes, weak=frozenset(lex.weak_chars),
            inner=_frame_held(lex.separators))

    def keep(self, kind: str, arg: Any) -> bool:
        """May this frame make a run? Not on a listed part or a weak character."""
        if kind == "prefix":
            return arg not in self.prefixes and arg[:1] not in self.prefixes and arg[:1] not in self.weak
        if kind == "suffix":
            return arg not in self.suffixes and arg[-1:] not in self.suffixes and arg[-1:] not in self.weak
        c = arg[1] if kind == "mid" else arg
        return c not in self.weak and c not in self.suffixes and c not in self.prefixes


def framed_runs(text: str, clauses: list[tuple[int, int]], rules: FrameRules) -> list[Run]:
    seps, tail_at, keep, inner = rules.seps, rules.tail_at, rules.keep, rules.inner
    runs: list[Run] = []
    split = _separator_rx(seps).split
    for cs, ce in clauses:
        if not inner.search(text, cs, ce):
            continue
        strs = split(text[cs:ce])
        n = len(strs)
        if n > MAX_SEGMENTS:
            continue
        # the inner segments a run may start after, with the characters a frame may be
        # made of: every frame is made of characters of the first inner member that the first
        # segment and the next member (or the last) hold too (_window's tests). That member
        # is a Han phrase, and most windows have no character all three share.
        starts = [(k, held) for k, (f, m1, g) in enumerate(zip(strs, strs[1:], strs[2:]), 1)
                  if MIN_MEMBER <= len(m1) <= MAX_MEMBER and (held := set(m1).intersection(f, g)) and _is_han(m1)]
        if not starts:
            continue
        segs = _segments(text, cs, ce, seps, strs)
        after = 0  # a window starts after the last run found
        for k, held in starts:
            a = k - 1
            if a < after:
                continue
            w = _window(segs, a, held, tail_at, keep)
            if w is None:
                continue
            b, first, last_len, _frame = w
            s0 = segs[a][0] + first
            e0 = segs[b][0] + (last_len if last_len is not None else len(segs[b][2]))
            members = [segs[a][2][first:]] + [segs[k][2] for k in range(a + 1, b)]
            members.append(text[segs[b][0]:e0])
            if len(set(members)) == len(members) and not _shares_list_part(members, rules.listed):
                runs.append(Run(s0, e0, tuple(members), True))
            after = b + 1
    return runs


def _shares_list_part(members: list[str], listed: frozenset[str]) -> bool:
    """Do all members hold one listed part (意识, 招商, 产业)? Then they name things of a
    kind (机遇意识、挑战意识、责任意识), whatever frame matched them."""
    shortest = min(members, key=len)
    parts = {shortest[i:i + n] for n in (1, 2) for i in range(len(shortest) - n + 1)}
    return any(p in listed and all(p in m for m in members) for p in parts)


def recurring_runs(text: str, pieces: list[tuple[int, int, str]], lex: SlogansLexicon) -> list[Run]:
    """Unframed 、-runs of phrases that occur at least twice (headings included), in the
    ``listed_pieces`` of the clauses."""
    seen: list[Run] = []
    # a run has inner members: phrases between two 、 (most lists of names have none), and a
    # run that recurs has them in two places at least: the pieces whose inner phrases all
    # occur once hold no run that recurs (nor one that another run recurs with)
    inner = re.compile(f"(?<=、)[\u4e00-\u9fff]{{{MIN_RECURRING_MEMBER},{MAX_RECURRING_MEMBER}}}(?=、)").findall
    phrases = [(ps, pe, found) for ps, pe, piece in pieces if (found := inner(piece))]
    tail_at = _tail_search(lex.member_tails)
    times = Counter(p for *_, found in phrases for p in found)
    for ps, pe, found in phrases:
        if all(times[p] < 2 for p in found):
            continue
        segs = _segments(text, ps, pe, "、")
        if 3 <= len(segs) <= MAX_SEGMENTS:
            seen.extend(_unframed(segs, tail_at))
    counts = Counter(r.members for r in seen)
    return [r for r in seen if counts[r.members] > 1]


def verb_runs(text: str, pieces: list[tuple[int, int, str]], lex: SlogansLexicon) -> list[Run]:
    """Unframed 、-runs of verb-object watchwords (抓经济、促发展、惠民生; 去库存、降成本、补短板):
    a comma-delimited piece of ≥3 phrases of VERB_OBJECT_LENGTH Han characters (the first may
    carry a lead-in: 统筹|稳增长), each led by a different watchword verb (``lead_verbs``). Nouns lists (博物馆、图书馆、科技馆)
    and names do not start with those verbs. ``pieces``: the clauses' ``listed_pieces``."""
    verbs = set(lex.lead_verbs)
    runs: list[Run] = []
    # the shape the checks below ask for, in one match: Han phrases of VERB_OBJECT_LENGTH (the
    # first may have a lead-in, the last a tail word and what follows it)
    tails, n = lex.member_tails, VERB_OBJECT_LENGTH
    tail_rx = f"(?:[{re.escape(tails)}][^、]*)?" if tails else ""
    shape = re.compile(f"[\u4e00-\u9fff]{{{n},}}(?:、[\u4e00-\u9fff]{{{n}}})+{tail_rx}").fullmatch
    for ps, pe, piece in pieces:
        if not shape(piece):
            continue
        parts = piece.split("、")
        tail = parts[-1][VERB_OBJECT_LENGTH:VERB_OBJECT_LENGTH + 1]
        if tail and tail in lex.member_tails:  # …、利长远|的重大项目
            pe -= len(parts[-1]) - VERB_OBJECT_LENGTH
            parts[-1] = parts[-1][:VERB_OBJECT_LENGTH]
        lead_in = max(0, len(parts[0]) - VERB_OBJECT_LENGTH)  # 统筹|稳增长、促改革、…
        members = (parts[0][lead_in:], *parts[1:])
        leads = {m[:1] for m in members}
        if (all(len(m) == VERB_OBJECT_LENGTH and _is_han(m) for m in members)
                and _is_han(parts[0]) and len(leads) == len(members) and leads <= verbs):
            runs.append(Run(ps + lead_in, pe, members, False))
    return runs


def _unframed(segs: list[Seg], tail_at: Callable[[str, int], Any] | None) -> list[Run]:
    """Windows of segments whose inner ones are phrases of similar length; the first is cut
    to the length of the next, the last at a tail word."""
    def phrase(m: str) -> bool:
        return MIN_RECURRING_MEMBER <= len(m) <= MAX_RECURRING_MEMBER and _is_han(m)

    inner = [phrase(seg[2]) for seg in segs]
    out, a, n = [], 0, len(segs)
    while a < n - 2:
        j = a + 1
        while j < n - 1 and inner[j]:
            j += 1
        if j - a < 2:
            a += 1
            continue
        length = len(segs[a + 1][2])
        f, g = segs[a][2], segs[j][2]
        first = f[-length:] if len(f) >= length else f
        cut = _tail_cut(g, tail_at)
        last = g[:cut] if cut <= MAX_RECURRING_MEMBER else g[:length]
        if phrase(first) and phrase(last):  # the inner members are phrases
            members = (first, *(segs[k][2] for k in range(a + 1, j)), last)
            out.append(Run(segs[a][1] - len(first), segs[j][0] + len(last), members, False))
        a = j
    return out


def listed_pieces(text: str, clauses: list[tuple[int, int]]) -> list[tuple[int, int, str]]:
    """(start, end, text) of each comma-delimited piece of a clause that holds two 、 or more
    (≥3 segments): the only pieces an unframed run can be in."""
    count, split, out = text.count, _separator_rx(",，").split, []
    for cs, ce in clauses:
        if count("、", cs, ce) < 2:
            continue
        s = cs
        for piece in split(text[cs:ce]):
            e = s + len(piece)
            if piece.count("、") >= 2:
                out.append((s, e, piece))
            s = e + 1
    return out
