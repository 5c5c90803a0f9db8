"""Golden files: the full `slogans --jsonl` of every sample, corpus test text and report test
text, reviewed as diffs. After an intended change, regenerate with
``SPEECHKIT_UPDATE_GOLDEN=1 pytest tests/test_slogans_golden.py`` and read the diff."""
from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import ROOT, SAMPLES, check_golden

GOLDEN = Path(__file__).resolve().parent / "golden" / "slogans"
INPUTS = (SAMPLES + sorted((ROOT / "tests" / "data" / "corpora").glob("*.txt"))
          + sorted((ROOT / "tests" / "data" / "reports").glob("*.txt")))


@pytest.mark.parametrize("path", INPUTS, ids=lambda p: p.stem)
def test_slogans_golden(runner, path, monkeypatch):
    monkeypatch.chdir(ROOT)
    check_golden(runner, "slogans", path, GOLDEN / f"{path.stem}.jsonl")
