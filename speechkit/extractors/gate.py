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

from speechkit.regex_lead import first_class

try:  # the parser is private; any surprise in it just means no gate
    import re._parser as _sre_parse  # type: ignore[import-not-found]
    from re import _constants as _c  # type: ignore[attr-defined]
except ImportError:  # Python 3.10
    import sre_constants as _c  # type: ignore[no-redef]
    import sre_parse as _sre_parse  # type: ignore[no-redef]


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
    """``pattern`` compiled, behind a look-ahead for its possible first characters
    (``regex_lead.first_class``) when the engine would otherwise try it in full at every
    position."""
    try:
        skips = _engine_skips(_sre_parse.parse(pattern).data)
    except (AttributeError, TypeError, RecursionError):
        skips = True
    first = None if skips else first_class(pattern)
    if first is None:
        return re.compile(pattern)
    return re.compile(f"(?=[{first}])(?:{pattern})")
