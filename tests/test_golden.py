"""Golden files, reviewed as diffs: the full `outline --jsonl` of every sample and corpus test
text, and the full `slogans --jsonl` and `targets --all --jsonl` of those and the report test
texts. After an intended change, regenerate with `SPEECHKIT_UPDATE_GOLDEN=1 pytest
tests/test_golden.py` and read the diff before committing it."""
from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import ROOT, SAMPLES, check_golden

GOLDEN = Path(__file__).resolve().parent / "golden"
INPUTS = SAMPLES + sorted((ROOT / "tests" / "data" / "corpora").glob("*.txt"))
WITH_REPORTS = INPUTS + sorted((ROOT / "tests" / "data" / "reports").glob("*.txt"))


@pytest.mark.parametrize("path", INPUTS, ids=lambda p: p.stem)
def test_outline_golden(runner, path, monkeypatch):
    monkeypatch.chdir(ROOT)
    check_golden(runner, "outline", path, GOLDEN / "outline" / f"{path.stem}.jsonl")


@pytest.mark.parametrize("path", WITH_REPORTS, ids=lambda p: p.stem)
@pytest.mark.parametrize("command,extra", [("slogans", ()), ("targets", ("--all",))])
def test_records_golden(runner, path, command, extra, monkeypatch):
    monkeypatch.chdir(ROOT)
    check_golden(runner, command, path, GOLDEN / command / f"{path.stem}.jsonl", extra)
