"""One-pass regex scans: every match of a regex (or of several) found while the engine reads
the text once at C speed, with the same matches as each regex's own ``finditer``.

Python's regex engine skips ahead quickly only when a pattern starts with a literal or a
character class. A pattern that starts with an optional part, a group with alternatives or a
look-around (``[….]{0,6}[(（]未完``, ``(?P<num>[一二三]{1,3})、``) is tried in full at every
position; and several regexes read the text once each. A *lead* is one regex made of the
class of every character a match can start with, then a look-behind onto that character
with a look-ahead for the regexes' alternation (their groups unnamed):
``[C](?<=(?=A|B|…)[C])``. It starts with a class, so the engine skips to each character of
C at C speed, and it matches (one character wide) at every position where one of the
regexes matches. Each regex is then tried there only (``match``), on from where its last
match ended, which is what ``finditer`` does: the matches are the same, by construction.

When the first characters cannot be worked out (flags, negated classes, a pattern that may
match the empty string) or a group cannot simply be unnamed, there is no lead and each regex
runs its own ``finditer``.
"""
from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from typing import Any

try:  # the parser is private; any surprise in it just means no lead
    import re._parser as _sre_parse  # type: ignore[import-not-found]
    from re import _constants as _c  # type: ignore[attr-defined]
except ImportError:  # Python 3.10
    import sre_constants as _c  # type: ignore[no-redef]
    import sre_parse as _sre_parse  # type: ignore[no-redef]

_CATEGORIES = {_c.CATEGORY_DIGIT: r"\d", _c.CATEGORY_SPACE: r"\s", _c.CATEGORY_WORD: r"\w"}
_ZERO_WIDTH = (_c.ASSERT, _c.ASSERT_NOT, _c.AT)
_REPEATS = (_c.MAX_REPEAT, _c.MIN_REPEAT) + ((_c.POSSESSIVE_REPEAT,) if hasattr(_c, "POSSESSIVE_REPEAT") else ())
_NAMED_GROUP = re.compile(r"\(\?P<\w+>")


class _NoLead(Exception):
    pass


def _class_items(items: Any) -> set[str]:
    out = set()
    for op, av in items:
        if op is _c.LITERAL:
            out.add(re.escape(chr(av)))
        elif op is _c.RANGE:
            out.add(f"{re.escape(chr(av[0]))}-{re.escape(chr(av[1]))}")
        elif op is _c.CATEGORY and av in _CATEGORIES:
            out.add(_CATEGORIES[av])
        else:
            raise _NoLead  # NEGATE and the rest
    return out


def _first(items: Any) -> tuple[set[str], bool]:
    """(class items any match of ``items`` starts with, whether it can match empty)."""
    out: set[str] = set()
    for op, av in items:
        if op in _ZERO_WIDTH:
            continue
        if op is _c.LITERAL:
            return out | {re.escape(chr(av))}, False
        if op is _c.IN:
            return out | _class_items(av), False
        if op is _c.SUBPATTERN:
            if av[1] or av[2]:
                raise _NoLead  # inline flags
            first, empty = _first(av[3].data)
        elif op is _c.BRANCH:
            parts = [_first(alt.data) for alt in av[1]]
            first = set().union(*(p[0] for p in parts))
            empty = any(p[1] for p in parts)
        elif op in _REPEATS:
            first, empty = _first(av[2].data)
            empty = empty or av[0] == 0
        else:
            raise _NoLead
        out |= first
        if not empty:
            return out, False
    return out, True


def first_class(pattern: str) -> str | None:
    """The body of a character class (``[…]`` without its brackets) that holds the first
    character of every match of ``pattern``, or None when that cannot be worked out."""
    try:
        parsed = _sre_parse.parse(pattern)
        if parsed.state.flags & ~re.UNICODE:
            raise _NoLead
        first, empty = _first(parsed.data)
        if empty or not first:
            raise _NoLead
    except (_NoLead, AttributeError, TypeError, RecursionError, re.error):
        return None
    return "".join(sorted(first))


class Lead:
    """Every match of each of ``regexes``, as its own ``finditer`` finds them, from one pass."""

    def __init__(self, regexes: Sequence[re.Pattern[str]]):
        self.regexes = tuple(regexes)
        self.rx: re.Pattern[str] | None = None
        self._firsts: tuple[re.Pattern[str], ...] = ()
        self._by_char: dict[str, tuple[int, ...]] = {}  # first character -> the regexes it may start
        firsts, alts = [], []
        flags = {rx.flags for rx in self.regexes}
        for rx in self.regexes:
            first = first_class(rx.pattern)
            bare, n = _NAMED_GROUP.subn("(?:", rx.pattern)
            if first is None or n != rx.groups or len(rx.groupindex) != rx.groups or len(flags) != 1:
                return
            firsts.append(first)
            alts.append(f"(?:{bare})")
        lead = f"[{''.join(firsts)}]"  # their union (a class may repeat an item)
        try:
            rx = re.compile(f"{lead}(?<=(?={'|'.join(alts)}){lead})", flags.pop() if flags else 0)
        except re.error:
            return
        if rx.groups == 0:
            self.rx = rx
            self._firsts = tuple(re.compile(f"[{f}]") for f in firsts)

    def finditer(self, text: str, pos: int = 0) -> Iterator[tuple[int, re.Match[str]]]:
        """(index of the regex, match) for every match of every regex from ``pos``, in text
        order, ties in the regexes' order."""
        regexes = self.regexes
        if self.rx is None:
            found = [(m.start(), i, m) for i, rx in enumerate(regexes) for m in rx.finditer(text, pos)]
            found.sort(key=lambda f: (f[0], f[1]))
            yield from ((i, m) for _, i, m in found)
            return
        ends = [pos] * len(regexes)  # where each regex's finditer would search on from
        by_char, firsts = self._by_char, self._firsts
        for hit in self.rx.finditer(text, pos):
            p = hit.start()
            ch = text[p]
            which = by_char.get(ch)
            if which is None:
                which = by_char[ch] = tuple(i for i, f in enumerate(firsts) if f.match(ch))
            for i in which:
                if p >= ends[i]:
                    m = regexes[i].match(text, p)
                    if m is not None:
                        ends[i] = m.end()
                        yield i, m


class WordScan:
    """Which of ``words`` a text holds, from one pass over it (``word in text`` reads the
    text once per word, and a rule list has more than a hundred).

    Each word is found by its *anchor*, its least frequent character by ``frequent`` (most
    frequent first; a character not in it counts as rarest), so the pass stops at few places.
    The lead is the class of the anchors, then a look-behind for each anchor offset: back to
    where a word with its anchor that far in starts, a look-ahead for those words (longest
    first, captured), and on over the anchor:
    ``[A](?:(?<=(?=(W0))[A])|(?<=(?=(W1)).[A])|…)`` (``.`` any character).
    At one place only the first word that matches is reported; every other word that could
    stand there too (its anchor on the same character, agreeing with the reported word
    where they overlap) is then looked for by ``in``. ``frequent`` decides the speed only."""

    def __init__(self, words: Sequence[str], frequent: str = ""):
        rank = {c: i for i, c in enumerate(frequent)}
        self.words = tuple(dict.fromkeys(w for w in words if w))
        at = {w: min(range(len(w)), key=lambda j: (w[j] in rank, -rank.get(w[j], 0))) for w in self.words}
        by_offset: dict[int, list[str]] = {}
        for w in sorted(self.words, key=len, reverse=True):
            by_offset.setdefault(at[w], []).append(w)
        self.hidden = {v: tuple(u for u in self.words if u != v and _agree(u, at[u], v, at[v])) for v in self.words}
        anchors = "[" + "".join(sorted({re.escape(w[at[w]]) for w in self.words})) + "]"
        any_char = r"[\s\S]"
        alts = [f"(?<=(?=({'|'.join(re.escape(w) for w in ws)})){any_char * j}{anchors})"
                for j, ws in sorted(by_offset.items())]
        self.rx = re.compile(f"{anchors}(?:{'|'.join(alts)})") if alts else None

    def present(self, text: str) -> set[str]:
        if self.rx is None:
            return set()
        found = {m.group(m.lastindex) for m in self.rx.finditer(text)}
        maybe = {u for v in found for u in self.hidden[v]} - found
        return found | {u for u in maybe if u in text}


def _agree(u: str, ju: int, v: str, jv: int) -> bool:
    """Can ``u`` with its anchor ``u[ju]`` on the character of ``v``'s anchor ``v[jv]`` stand
    where ``v`` stands (same characters where they overlap)?"""
    return all(v[i - ju + jv] == c for i, c in enumerate(u) if 0 <= i - ju + jv < len(v))
