"""Golden keyword records of every sample, corpus test text and report test text: the whole
ranked list (``top=None``, which ``--distinctive`` re-weighs), one JSON line per term, so a
speed-up cannot change a word, weight, count or first span, and a change reads as a diff.
Regenerate after an intended change with ``SPEECHKIT_UPDATE_GOLDEN=1 pytest
tests/test_keywords_golden.py`` and read the diff before committing it."""
from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

import speechkit
from speechkit.config import Config
from tests.conftest import ROOT, SAMPLES

GOLDEN = Path(__file__).resolve().parent / "golden" / "keywords"
INPUTS = (SAMPLES + sorted((ROOT / "tests" / "data" / "corpora").glob("*.txt"))
          + sorted((ROOT / "tests" / "data" / "reports").glob("*.txt")))


def _records(path: Path) -> list[list]:
    doc = speechkit.load(str(path))
    return [[k.keyword, k.weight, k.count, list(k.span)] for k in speechkit.api.keywords(doc, Config(), top=None)]


@pytest.mark.parametrize("path", INPUTS, ids=lambda p: p.stem)
def test_keywords_golden(path):
    lines = [json.dumps(r, ensure_ascii=False) for r in _records(path)]
    golden = GOLDEN / f"{path.stem}.jsonl"
    if os.environ.get("SPEECHKIT_UPDATE_GOLDEN"):
        golden.write_text("\n".join(lines) + "\n", encoding="utf-8")
    expected = golden.read_text(encoding="utf-8").splitlines()
    diff = [(i, e, g) for i, (e, g) in enumerate(zip(expected, lines)) if e != g]
    assert len(lines) == len(expected) and not diff, f"first difference: {diff[:1]} ({len(lines)} vs {len(expected)})"
