"""A static check for regular expressions that can take exponential time (issue 17).

Python's ``re`` backtracks, cannot be interrupted, and has no time limit: a config pattern
such as ``(a+)+$`` makes one line of 30 characters take minutes. The classic cause is a
repetition whose body can itself be matched by one repetition alone — ``(a+)+``,
``(\\s*\\d+)*``, ``(a*)*`` — so a run of characters can be split among the iterations in
exponentially many ways. That shape is rejected, with the rule's key named; a body that
needs something else each time round (``(\\d+,)+``) is fine. Overlapping alternatives
(``(a|ab)*``) are not caught here: the per-file ``--timeout`` is the backstop.
"""
from __future__ import annotations

from typing import Any

try:
    from re import _constants as C  # type: ignore[attr-defined]
    from re import _parser as parser  # type: ignore[attr-defined]
except ImportError:  # Python < 3.11
    import sre_constants as C  # type: ignore[no-redef]
    import sre_parse as parser  # type: ignore[no-redef]

_REPEATS = (C.MAX_REPEAT, C.MIN_REPEAT)
_ZERO_WIDTH = (C.AT, C.ASSERT, C.ASSERT_NOT)


def backtracking_problem(pattern: str) -> str | None:
    """Why ``pattern`` can backtrack exponentially, or None."""
    try:
        tree = parser.parse(pattern)
    except Exception:  # re.compile reports it
        return None
    found = _walk(list(tree))
    if found is None:
        return None
    return (f"the repetition {found} repeats a group that is itself one repetition, which can take "
            "exponential time on a long line; rewrite it so each round must match something else "
            "(e.g. (?:a+,)+ or a+)")


def _walk(items: list[Any]) -> str | None:
    for op, av in items:
        if op in _REPEATS:
            lo, hi, body = av
            if hi == C.MAXREPEAT and _ambiguous(list(body)):
                return _show(op, av)
            found = _walk(list(body))
        elif op == C.SUBPATTERN:
            found = _walk(list(av[-1]))
        elif op == C.BRANCH:
            found = next((f for b in av[1] if (f := _walk(list(b))) is not None), None)
        elif op in (C.ASSERT, C.ASSERT_NOT):
            found = _walk(list(av[1]))
        else:
            found = None
        if found is not None:
            return found
    return None


def _ambiguous(body: list[Any]) -> bool:
    """Can the body of a repetition be matched by one inner unbounded repetition alone?"""
    core = [item for item in body if not _can_be_empty(item)]
    if not core:
        return any(_has_unbounded(item) for item in body)
    if len(core) > 1:
        return False
    op, av = core[0]
    if op in _REPEATS:
        return av[1] == C.MAXREPEAT or _ambiguous(list(av[2]))
    if op == C.SUBPATTERN:
        return _ambiguous(list(av[-1]))
    if op == C.BRANCH:
        return any(_ambiguous(list(b)) for b in av[1])
    return False


def _can_be_empty(item: Any) -> bool:
    op, av = item
    if op in _REPEATS:
        return av[0] == 0 or all(_can_be_empty(i) for i in av[2])
    if op == C.SUBPATTERN:
        return all(_can_be_empty(i) for i in av[-1])
    if op == C.BRANCH:
        return any(all(_can_be_empty(i) for i in b) for b in av[1])
    return op in _ZERO_WIDTH


def _has_unbounded(item: Any) -> bool:
    op, av = item
    if op in _REPEATS:
        return av[1] == C.MAXREPEAT or any(_has_unbounded(i) for i in av[2])
    if op == C.SUBPATTERN:
        return any(_has_unbounded(i) for i in av[-1])
    if op == C.BRANCH:
        return any(_has_unbounded(i) for b in av[1] for i in b)
    return False


def _show(op: Any, av: Any) -> str:
    lo, hi, _ = av
    return {(0, True): "*", (1, True): "+"}.get((lo, hi == C.MAXREPEAT), f"{{{lo},}}")
