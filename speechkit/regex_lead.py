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

A regex whose match can end in an unbounded repeat gets a lead of its own (see ``Lead``);
one whose first characters cannot be worked out (flags, negated classes, a pattern that
may match the empty string) or whose groups cannot simply be unnamed (back references)
runs its own ``finditer``.

Also here: ``WordScan`` (which of many words a text holds, from one pass) and
``may_start_with`` (can a pattern's match start with a given character).
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


_CLASS_ESCAPES = {_c.CATEGORY_DIGIT: r"\d", _c.CATEGORY_NOT_DIGIT: r"\D", _c.CATEGORY_SPACE: r"\s",
                  _c.CATEGORY_NOT_SPACE: r"\S", _c.CATEGORY_WORD: r"\w", _c.CATEGORY_NOT_WORD: r"\W"}


def _in_class(items: Any, ch: str) -> bool:
    """Does the class ``items`` (parsed) hold ``ch``? True when unsure."""
    negate, hit = False, False
    for op, av in items:
        if op is _c.NEGATE:
            negate = True
        elif op is _c.LITERAL:
            hit = hit or av == ord(ch)
        elif op is _c.RANGE:
            hit = hit or av[0] <= ord(ch) <= av[1]
        elif op is _c.CATEGORY and av in _CLASS_ESCAPES:
            hit = hit or re.fullmatch(_CLASS_ESCAPES[av], ch) is not None
        else:
            return True
    return hit != negate


def _may_start(items: Any, ch: str) -> tuple[bool, bool]:
    """(may a match of ``items`` start with ``ch``, may it be empty); True when unsure."""
    for op, av in items:
        if op in _ZERO_WIDTH:
            continue
        if op is _c.LITERAL:
            return av == ord(ch), False
        if op is _c.NOT_LITERAL:
            return av != ord(ch), False
        if op is _c.IN:
            return _in_class(av, ch), False
        if op is _c.SUBPATTERN and not (av[1] or av[2]):
            may, empty = _may_start(av[3].data, ch)
        elif op is _c.BRANCH:
            parts = [_may_start(alt.data, ch) for alt in av[1]]
            may, empty = any(p[0] for p in parts), any(p[1] for p in parts)
        elif op in _REPEATS:
            may, empty = _may_start(av[2].data, ch)
            empty = empty or av[0] == 0
        else:
            return True, True  # ANY (under which flags?), back references, the rest
        if may or not empty:
            return may, empty
    return False, True


def may_start_with(pattern: str, ch: str) -> bool:
    """Can a match of ``pattern`` start with the character ``ch``? True when unsure."""
    try:
        parsed = _sre_parse.parse(pattern)
        if parsed.state.flags & ~(re.UNICODE | re.MULTILINE):
            return True
        return _may_start(parsed.data, ch)[0]
    except (AttributeError, TypeError, RecursionError, re.error):
        return True


def _nullable(op: Any, av: Any) -> bool:
    """Can the item match the empty string? True when unsure."""
    if op in (_c.LITERAL, _c.NOT_LITERAL, _c.IN, _c.ANY):
        return False
    if op in _REPEATS:
        return av[0] == 0 or all(_nullable(o, a) for o, a in av[2].data)
    if op is _c.SUBPATTERN:
        return all(_nullable(o, a) for o, a in av[3].data)
    if op is _c.BRANCH:
        return any(all(_nullable(o, a) for o, a in alt.data) for alt in av[1])
    return True


def _unbounded_tail(items: Any) -> bool:
    """Can a match of ``items`` (parsed) end in a repeat without an upper bound (``[ ]+``,
    ``a*``, ``(?:ab)+(?=c)``)? True when unsure."""
    for op, av in reversed(list(items)):
        if op in _ZERO_WIDTH:
            continue
        if op in _REPEATS:
            if av[1] == _c.MAXREPEAT or _unbounded_tail(av[2].data):
                return True
        elif op is _c.SUBPATTERN:
            if _unbounded_tail(av[3].data):
                return True
        elif op is _c.BRANCH:
            if any(_unbounded_tail(alt.data) for alt in av[1]):
                return True
        elif op not in (_c.LITERAL, _c.NOT_LITERAL, _c.IN, _c.ANY):
            return True
        if not _nullable(op, av):
            return False
    return False


def _lead_part(rx: re.Pattern[str]) -> tuple[str, str] | None:
    """(first class, the pattern with its groups unnamed) of a regex a lead can find, or None."""
    first = first_class(rx.pattern)
    bare, n = _NAMED_GROUP.subn("(?:", rx.pattern)
    if first is None or n != rx.groups or len(rx.groupindex) != rx.groups:
        return None
    return first, bare


def _lead_rx(parts: Sequence[tuple[str, str]], flags: int) -> re.Pattern[str] | None:
    lead = f"[{''.join(first for first, _ in parts)}]"  # their union (a class may repeat an item)
    alts = "|".join(f"(?:{bare})" for _, bare in parts)
    try:
        rx = re.compile(f"{lead}(?<=(?={alts}){lead})", flags)
    except re.error:
        return None
    return rx if rx.groups == 0 else None


class Lead:
    """Every match of each of ``regexes``, as its own ``finditer`` finds them.

    Those a lead can find (``led``) come from one pass. A regex whose match can end in an
    unbounded repeat has a lead of its own (``solo``), searched on from the end of each of
    its matches: the shared lead tries each regex at every position, also inside a match
    already found, and ``[ ]+`` over a run of n spaces would cost n²/2 steps where its
    ``finditer`` takes n. (``[ ]*x`` is tried at every position of a run by ``finditer``
    as well, where no x follows.) The others run their own ``finditer``."""

    def __init__(self, regexes: Sequence[re.Pattern[str]]):
        self.regexes = tuple(regexes)
        self.rx: re.Pattern[str] | None = None
        self.led: tuple[int, ...] = ()
        self.solo: dict[int, re.Pattern[str]] = {}
        self._firsts: tuple[re.Pattern[str], ...] = ()
        self._by_char: dict[str, tuple[int, ...]] = {}  # first character -> the regexes it may start
        parts: dict[int, tuple[str, str]] = {}
        for i, rx in enumerate(self.regexes):
            part = _lead_part(rx)
            if part is None:
                continue
            try:
                tail = _unbounded_tail(_sre_parse.parse(rx.pattern).data)
            except (AttributeError, TypeError, RecursionError, re.error):
                continue
            if not tail:
                parts[i] = part
            elif (solo := _lead_rx([part], rx.flags)) is not None:
                self.solo[i] = solo
        if not parts:
            return
        flags = self.regexes[min(parts)].flags  # one regex holds them all: one set of flags
        led = tuple(i for i in parts if self.regexes[i].flags == flags)
        rx = _lead_rx([parts[i] for i in led], flags)
        if rx is not None:
            self.rx, self.led = rx, led
            self._firsts = tuple(re.compile(f"[{parts[i][0]}]") for i in led)

    def finditer(self, text: str, pos: int = 0) -> Iterator[tuple[int, re.Match[str]]]:
        """(index of the regex, match) for every match of every regex from ``pos``, in text
        order, ties in the regexes' order."""
        regexes, led = self.regexes, self.led
        if len(led) == len(regexes):
            yield from self._led(text, pos)
            return
        found = [(m.start(), i, m) for i, m in self._led(text, pos)]
        for i, rx in enumerate(regexes):
            if i in self.solo:
                found += [(m.start(), i, m) for m in self._solo(i, text, pos)]
            elif i not in led:
                found += [(m.start(), i, m) for m in rx.finditer(text, pos)]
        found.sort(key=lambda f: (f[0], f[1]))
        yield from ((i, m) for _, i, m in found)

    def _solo(self, i: int, text: str, pos: int) -> Iterator[re.Match[str]]:
        lead, rx = self.solo[i], self.regexes[i]
        while (hit := lead.search(text, pos)) is not None:
            m = rx.match(text, hit.start())  # it matches there: the lead looked ahead for it
            if m is None:  # cannot happen; searching on keeps it safe
                pos = hit.start() + 1
                continue
            yield m
            pos = m.end()  # never empty: a lead exists only for a regex that cannot match empty

    def _led(self, text: str, pos: int) -> Iterator[tuple[int, re.Match[str]]]:
        if self.rx is None:
            return
        regexes, led = self.regexes, self.led
        ends = [pos] * len(led)  # where each regex's finditer would search on from
        by_char, firsts = self._by_char, self._firsts
        for hit in self.rx.finditer(text, pos):
            p = hit.start()
            ch = text[p]
            which = by_char.get(ch)
            if which is None:
                which = by_char[ch] = tuple(k for k, f in enumerate(firsts) if f.match(ch))
            for k in which:
                if p >= ends[k]:
                    m = regexes[led[k]].match(text, p)
                    if m is not None:
                        ends[k] = m.end()
                        yield led[k], m


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


def trie_pattern(words: Any) -> str:
    """A regex matching any of ``words``, longest first, built as a trie: a plain alternation
    of 7,000 names would try each at every character of a 50,000-character report."""
    trie: dict[str, Any] = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict[str, Any]) -> str:
        end = "" in node
        alts = [re.escape(ch) + emit(sub) for ch, sub in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if end else body

    return emit(trie)
