"""Members of numbered formulas in real national documents (government work reports of seven
decades and congress reports, tests/data/formula_members.yaml): each excerpt, the formula and its
members as the text lists them were written down by reading the excerpt. Every formula must be
found, and the members found are scored as in the held-out slogan check (equal, or one contains
the other, after normalisation)."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

import speechkit
from tests.scoring import slogan_norm

TABLE = yaml.safe_load((Path(__file__).parent / "data" / "formula_members.yaml").read_text(encoding="utf-8"))["formulas"]
# Measured: 149/150 = 0.993 of the members, all 42 formulas found; the floor keeps a margin.
MIN_MEMBER_RECALL = 0.95


def _same(a: str, b: str) -> bool:
    a, b = slogan_norm(a), slogan_norm(b)
    return bool(a and b) and (a == b or a in b or b in a)


def _record(entry: dict):
    doc = speechkit.load(text=entry["text"])
    want = slogan_norm(entry["formula"])
    for s in speechkit.api.slogans(doc):
        got = slogan_norm(s.slogan)
        if s.type == "formula" and (got == want or ((got in want or want in got)
                                                      and min(len(got), len(want)) >= 0.8 * max(len(got), len(want)))):
            return s
    return None


def _found(entry: dict) -> int:
    s = _record(entry)
    return 0 if s is None else sum(any(_same(m, g) for g in s.members) for m in entry["members"])


def test_table_is_large_enough():
    assert len(TABLE) >= 40
    assert len({e["file"] for e in TABLE if e["file"].startswith("cpc")}) >= 2
    for e in TABLE:  # members are written as the excerpt lists them
        assert e["formula"] in speechkit.load(text=e["text"]).norm or e["formula"] in e["text"], e["formula"]


@pytest.mark.parametrize("entry", TABLE, ids=lambda e: f"{e['file']}:{e['formula']}")
def test_formula_is_found(entry):
    assert _record(entry) is not None


def test_member_recall():
    found = sum(_found(e) for e in TABLE)
    total = sum(len(e["members"]) for e in TABLE)
    print(f"\ncorpus formula members: {found}/{total} = {found / total:.3f}")
    assert found / total >= MIN_MEMBER_RECALL
