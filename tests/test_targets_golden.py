"""Golden files: the full `targets --all --jsonl` of every sample, corpus test text and report
test text (targets, achieved figures and other statements), reviewed as diffs. After an
intended change, regenerate with ``SPEECHKIT_UPDATE_GOLDEN=1 pytest tests/test_targets_golden.py``
and read the diff before committing it."""
from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import ROOT, SAMPLES, check_golden

GOLDEN = Path(__file__).resolve().parent / "golden" / "targets"
INPUTS = (SAMPLES + sorted((ROOT / "tests" / "data" / "corpora").glob("*.txt"))
          + sorted((ROOT / "tests" / "data" / "reports").glob("*.txt")))


@pytest.mark.parametrize("path", INPUTS, ids=lambda p: p.stem)
def test_targets_golden(runner, path, monkeypatch):
    monkeypatch.chdir(ROOT)
    check_golden(runner, "targets", path, GOLDEN / f"{path.stem}.jsonl", ("--all",))
