"""Golden files: the full `outline --jsonl` of every sample and corpus test text, reviewed as
diffs. After an intended change, regenerate with `SPEECHKIT_UPDATE_GOLDEN=1 pytest
tests/test_golden.py` and read the diff before committing it."""
from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import ROOT, SAMPLES, check_golden

GOLDEN = Path(__file__).resolve().parent / "golden"
INPUTS = SAMPLES + sorted((ROOT / "tests" / "data" / "corpora").glob("*.txt"))


@pytest.mark.parametrize("path", INPUTS, ids=lambda p: p.stem)
def test_outline_golden(runner, path, monkeypatch):
    monkeypatch.chdir(ROOT)
    check_golden(runner, "outline", path, GOLDEN / "outline" / f"{path.stem}.jsonl")
