"""Span algebra over half-open ``(start, end)`` offsets: the one home for overlap, union and
containment of spans, used by cleaning (noise cuts) and the extractors.

* ``filter_spans`` — the non-overlapping subset, longest first, then earliest (spaCy's
  ``filter_spans``);
* ``merge_spans`` — the union: overlapping (and, by default, touching) spans joined;
* ``Containers`` — "does any of these spans contain (start, end)?", one bisection a question.

A span is any sequence whose first two items are ``start`` and ``end`` (``(3, 7)``,
``(3, 7, "rule")``), or any object a ``key`` maps to such a pair.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from typing import Any, Callable, Iterable, Sequence, TypeVar

T = TypeVar("T")


def _pair(span: Any) -> tuple[int, int]:
    return span[0], span[1]


def filter_spans(spans: Iterable[T], key: Callable[[T], tuple[int, int]] = _pair) -> list[T]:
    """The spans that survive when overlaps are resolved in favour of the longest span, and
    between spans of one length the earliest; returned in text order (by start).

    ``key`` maps an item to its ``(start, end)`` (default: its first two items). Spans that
    merely touch (one ends where the next starts) do not overlap. An empty span (start ==
    end) overlaps nothing and is kept.

    >>> filter_spans([(0, 3), (2, 8), (8, 9), (5, 6)])
    [(2, 8), (8, 9)]
    """
    items = list(spans)
    pairs = [key(it) for it in items]
    kept: list[int] = []
    starts: list[int] = []  # the kept spans: disjoint, so sorted by start they are sorted by end too
    ends: list[int] = []
    for i in sorted(range(len(items)), key=lambda i: (pairs[i][0] - pairs[i][1], pairs[i][0], i)):
        s, e = pairs[i]
        if s < e:
            j = bisect_right(starts, s)
            if (j and ends[j - 1] > s) or (j < len(starts) and starts[j] < e):
                continue  # the kept span before reaches past s, or the one after starts before e
            starts.insert(j, s)
            ends.insert(j, e)
        kept.append(i)
    return [items[i] for i in sorted(kept, key=lambda i: (pairs[i][0], i))]


def merge_spans(spans: Iterable[tuple[Any, ...]], touching: bool = True) -> list[tuple[Any, ...]]:
    """The union of ``spans`` as sorted disjoint spans: overlapping spans are joined, and with
    ``touching`` (the default) so are spans that meet (``(0, 3)`` and ``(3, 5)`` give ``(0, 5)``).

    Spans are tuples and may carry more items after start and end (a rule name, say): a
    joined span keeps those of its first span in sorted order (spans sort as whole tuples).

    >>> merge_spans([(4, 6), (0, 2), (2, 3), (5, 9)])
    [(0, 3), (4, 9)]
    >>> merge_spans([(0, 2, "b"), (2, 3, "a")], touching=False)
    [(0, 2, 'b'), (2, 3, 'a')]
    """
    out: list[tuple[Any, ...]] = []
    for span in sorted(spans):
        s, e = span[0], span[1]
        if out and (s <= out[-1][1] if touching else s < out[-1][1]):
            if e > out[-1][1]:
                out[-1] = (out[-1][0], e, *out[-1][2:])
        else:
            out.append(span)
    return out


class Containers:
    """Does any of these spans contain (start, end)? One bisection per question, so a text
    of a million characters with thousands of spans stays linear.

    >>> Containers([(0, 5), (10, 20)]).holds(12, 20), Containers([(0, 5)]).holds(4, 6)
    (True, False)
    """

    def __init__(self, spans: Iterable[Sequence[int]]):
        ordered = sorted(_pair(s) for s in spans)
        self.starts = [s for s, _ in ordered]
        self.reach: list[int] = []
        far = -1
        for _, e in ordered:  # the furthest end among the spans starting at or before each
            far = max(far, e)
            self.reach.append(far)

    def holds(self, start: int, end: int) -> bool:
        """Is there a span (s, e) with s <= start and end <= e?"""
        i = bisect_right(self.starts, start) - 1
        return i >= 0 and self.reach[i] >= end


def outside(positions: Sequence[int], spans: Sequence[tuple[int, int]]) -> list[int]:
    """The ``positions`` (sorted) not strictly inside any of ``spans`` (sorted by start; they
    may overlap): a sentence end inside a quotation or a bracket is no sentence end. Two
    bisections per span, so a text's thousands of breaks cost nothing when spans are few."""
    out: list[int] = []
    last = 0
    for s, e in spans:
        i = bisect_right(positions, s, last)  # the first position after the span's start
        j = bisect_left(positions, e, i)  # the first at or after its end
        out.extend(positions[last:i])
        last = j
    out.extend(positions[last:])
    return out
