"""Golden keyword records of every sample, corpus test text and report test text: the top 50
as JSON lines (reviewed as diffs), and a digest of the full ranked list (``top=None``, which
``--distinctive`` re-weighs), so a speed-up cannot change a word, weight, count or first span.
Regenerate after an intended change with ``SPEECHKIT_UPDATE_GOLDEN=1 pytest
tests/test_keywords_golden.py`` and read the diff before committing it."""
from __future__ import annotations

import hashlib
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
TOP = 50


def _records(path: Path) -> list[list]:
    doc = speechkit.load(str(path))
    return [[k.keyword, k.weight, k.count, list(k.span)] for k in speechkit.api.keywords(doc, Config(), top=None)]


@pytest.mark.parametrize("path", INPUTS, ids=lambda p: p.stem)
def test_keywords_golden(path):
    recs = _records(path)
    lines = [json.dumps(r, ensure_ascii=False) for r in recs[:TOP]]
    digest = hashlib.sha256(json.dumps(recs, ensure_ascii=False).encode()).hexdigest()
    summary = {"n": len(recs), "all_sha256": digest}
    golden = GOLDEN / f"{path.stem}.jsonl"
    if os.environ.get("SPEECHKIT_UPDATE_GOLDEN"):
        golden.write_text("\n".join([json.dumps(summary)] + lines) + "\n", encoding="utf-8")
    expected = golden.read_text(encoding="utf-8").splitlines()
    diff = [(i, e, g) for i, (e, g) in enumerate(zip(expected[1:], lines)) if e != g]
    assert len(lines) == len(expected) - 1 and not diff, f"first difference: {diff[:1]}"
    assert json.loads(expected[0]) == summary, "a record below the top 50 changed"
