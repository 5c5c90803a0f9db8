"""speechkit.spans: filter_spans, merge_spans, Containers, each checked against a brute-force
reading of its definition on random spans."""
from __future__ import annotations

import random

import pytest

from speechkit.spans import Containers, filter_spans, merge_spans


def _overlap(a, b):
    return a[0] < b[1] and b[0] < a[1]


def test_filter_spans_longest_then_earliest():
    assert filter_spans([(0, 3), (2, 8), (8, 9), (5, 6)]) == [(2, 8), (8, 9)]
    # one length: the earliest wins, the later overlapping one goes
    assert filter_spans([(3, 6), (1, 4), (5, 8)]) == [(1, 4), (5, 8)]
    # touching spans both stay; the result is in text order
    assert filter_spans([(4, 6), (0, 4)]) == [(0, 4), (4, 6)]
    assert filter_spans([]) == []


def test_filter_spans_key_and_duplicates():
    items = [{"s": 0, "e": 2, "id": "a"}, {"s": 0, "e": 2, "id": "b"}, {"s": 1, "e": 5, "id": "c"}]
    kept = filter_spans(items, key=lambda d: (d["s"], d["e"]))
    assert [d["id"] for d in kept] == ["c"]
    # of two equal spans the first given is kept
    assert [d["id"] for d in filter_spans(items[:2], key=lambda d: (d["s"], d["e"]))] == ["a"]


def test_filter_spans_keeps_empty_spans():
    assert filter_spans([(0, 5), (2, 2)]) == [(0, 5), (2, 2)]


@pytest.mark.parametrize("seed", range(30))
def test_filter_spans_matches_the_greedy_definition(seed):
    rnd = random.Random(seed)
    spans = [(s, s + rnd.randint(1, 8)) for s in (rnd.randint(0, 40) for _ in range(rnd.randint(0, 25)))]
    kept: list[tuple[int, int]] = []
    for sp in sorted(spans, key=lambda x: (x[0] - x[1], x[0])):
        if not any(_overlap(sp, k) for k in kept):
            kept.append(sp)
    got = filter_spans(spans)
    assert got == sorted(kept)
    assert all(not _overlap(a, b) for a, b in zip(got, got[1:]))


def test_merge_spans_joins_overlapping_and_touching():
    assert merge_spans([(4, 6), (0, 2), (2, 3), (5, 9)]) == [(0, 3), (4, 9)]
    assert merge_spans([(0, 2), (2, 3)], touching=False) == [(0, 2), (2, 3)]
    assert merge_spans([(0, 5), (1, 2)]) == [(0, 5)]
    assert merge_spans([]) == []


def test_merge_spans_keeps_the_first_spans_label():
    # sorted as whole tuples: (1, 4, "b") comes before (1, 9, "a")
    assert merge_spans([(1, 9, "a"), (1, 4, "b"), (8, 12, "c")]) == [(1, 12, "b")]
    assert merge_spans([(0, 3, "x"), (3, 4, "y")], touching=False) == [(0, 3, "x"), (3, 4, "y")]


@pytest.mark.parametrize("seed", range(30))
@pytest.mark.parametrize("touching", [True, False])
def test_merge_spans_covers_the_same_positions(seed, touching):
    rnd = random.Random(seed)
    spans = [(s, s + rnd.randint(1, 6)) for s in (rnd.randint(0, 50) for _ in range(rnd.randint(0, 20)))]
    got = merge_spans(spans, touching=touching)
    assert {p for s, e in got for p in range(s, e)} == {p for s, e in spans for p in range(s, e)}
    for a, b in zip(got, got[1:]):
        assert a[1] < b[0] if touching else a[1] <= b[0]


@pytest.mark.parametrize("seed", range(30))
def test_containers_match_a_scan(seed):
    rnd = random.Random(seed)
    spans = [(s, s + rnd.randint(0, 10)) for s in (rnd.randint(0, 60) for _ in range(rnd.randint(0, 15)))]
    box = Containers(spans)
    for _ in range(50):
        a = rnd.randint(0, 70)
        b = a + rnd.randint(0, 6)
        assert box.holds(a, b) == any(s <= a and b <= e for s, e in spans)


def test_containers_take_spans_with_labels():
    box = Containers([(2, 8, "quote")])
    assert box.holds(3, 8) and not box.holds(1, 3) and not Containers([]).holds(0, 0)


def test_outside_keeps_positions_not_strictly_inside_a_span():
    from speechkit.spans import outside

    assert outside([0, 3, 5, 8, 12], [(2, 5), (7, 9)]) == [0, 5, 12]  # 5 is an end, not inside
    assert outside([], [(0, 3)]) == [] and outside([1, 2], []) == [1, 2]


@pytest.mark.parametrize("seed", range(20))
def test_outside_equals_brute_force(seed):
    import random

    from speechkit.spans import outside

    rnd = random.Random(seed)
    cuts = sorted(rnd.sample(range(60), 8))
    spans = [(cuts[i], cuts[i + 1]) for i in range(0, 8, 2)]
    if seed % 2:  # overlapping spans too (sorted by start), as a quantity and a wrap may overlap
        spans = sorted(spans + [(s - 3, s + 2) for s, _ in spans])
    pos = sorted(rnd.sample(range(60), 20))
    assert outside(pos, spans) == [p for p in pos if not any(s < p < e for s, e in spans)]
