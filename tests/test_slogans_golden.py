"""Golden files: the full `slogans --jsonl` of every sample, corpus test text and report test
text, reviewed as diffs. After an intended change, regenerate with
``SPEECHKIT_UPDATE_GOLDEN=1 pytest tests/test_slogans_golden.py`` and read the diff."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from speechkit.cli import cli
from tests.conftest import ROOT, SAMPLES

GOLDEN = Path(__file__).resolve().parent / "golden" / "slogans"
INPUTS = (SAMPLES + sorted((ROOT / "tests" / "data" / "corpora").glob("*.txt"))
          + sorted((ROOT / "tests" / "data" / "reports").glob("*.txt")))


@pytest.mark.parametrize("path", INPUTS, ids=lambda p: p.stem)
def test_slogans_golden(runner, path, monkeypatch):
    monkeypatch.chdir(ROOT)
    r = runner.invoke(cli, ["slogans", str(path.relative_to(ROOT)), "--jsonl"], catch_exceptions=False)
    assert r.exit_code == 0
    golden = GOLDEN / f"{path.stem}.jsonl"
    if os.environ.get("SPEECHKIT_UPDATE_GOLDEN"):
        golden.write_text(r.stdout, encoding="utf-8")
    expected = golden.read_text(encoding="utf-8").splitlines()
    got = r.stdout.splitlines()
    diff = [(i, e, g) for i, (e, g) in enumerate(zip(expected, got)) if e != g]
    assert len(got) == len(expected) and not diff, f"first difference: {diff[:1]} ({len(got)} vs {len(expected)} lines)"
