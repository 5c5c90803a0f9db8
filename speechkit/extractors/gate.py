"""First-character gates: the same regex, tried only where its first character can stand.

Python's regex engine skips ahead quickly only when a pattern starts with a literal or a
character class. A cue alternation that starts with named groups, optional groups or
look-behinds (``(?P<target>…)|(?P<actual>…)``, ``(?<![比较])去年``) is instead tried in full
at every position, alternative by alternative. ``gated`` prefixes such a pattern with a
look-ahead for the set of characters any match must start with, so most positions fail on
one class test. Matches are unchanged: the look-ahead only restates a necessary condition.
When the set cannot be worked out (a pattern that may match the empty string, flags, back
references, negated classes) or the engine skips ahead already, the pattern is compiled as
it is.
"""
from __future__ import annotations

import re
from typing import Any

try:  # the parser is private; any surprise in it just means no gate
    import re._parser as _sre_parse  # type: ignore[import-not-found]
    from re import _constants as _c  # type: ignore[attr-defined]
except ImportError:  # Python 3.10
    import sre_constants as _c  # type: ignore[no-redef]
    import sre_parse as _sre_parse  # type: ignore[no-redef]

_CATEGORIES = {_c.CATEGORY_DIGIT: r"\d", _c.CATEGORY_SPACE: r"\s", _c.CATEGORY_WORD: r"\w"}
_ZERO_WIDTH = (_c.ASSERT, _c.ASSERT_NOT, _c.AT)
_REPEATS = (_c.MAX_REPEAT, _c.MIN_REPEAT) + ((_c.POSSESSIVE_REPEAT,) if hasattr(_c, "POSSESSIVE_REPEAT") else ())


class _NoGate(Exception):
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
            raise _NoGate  # NEGATE and the rest: not worth the trouble
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
                raise _NoGate  # inline flags
            first, empty = _first(av[3].data)
        elif op is _c.BRANCH:
            parts = [_first(alt.data) for alt in av[1]]
            first = set().union(*(p[0] for p in parts))
            empty = any(p[1] for p in parts)
        elif op in _REPEATS:
            first, empty = _first(av[2].data)
            empty = empty or av[0] == 0
        else:
            raise _NoGate
        out |= first
        if not empty:
            return out, False
    return out, True


def _engine_skips(data: Any) -> bool:
    """Whether the engine already skips ahead for this pattern (it starts with a literal or a
    class, or is an alternation whose every branch starts with a literal)."""
    while data and data[0][0] is _c.SUBPATTERN:
        data = data[0][1][3].data
    if not data:
        return False
    op, av = data[0]
    if op is _c.BRANCH:
        return all(alt.data and alt.data[0][0] is _c.LITERAL for alt in av[1])
    return op in (_c.LITERAL, _c.IN)


def gated(pattern: str) -> re.Pattern:
    """``pattern`` compiled, behind a look-ahead for its possible first characters when the
    engine would otherwise try it in full at every position."""
    try:
        parsed = _sre_parse.parse(pattern)
        if parsed.state.flags & ~re.UNICODE or _engine_skips(parsed.data):
            raise _NoGate
        first, empty = _first(parsed.data)
        if empty or not first:
            raise _NoGate
    except (_NoGate, AttributeError, TypeError, RecursionError):
        return re.compile(pattern)
    return re.compile(f"(?=[{''.join(sorted(first))}])(?:{pattern})")
