"""Shared fixtures: the sample speeches, their gold annotations, and a CLI runner."""
from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest
import yaml

# jieba's cache goes to the user's cache directory (speechkit/segment.py); tests keep to the
# system temp dir (speechkit checks that the directory is private to this user)
os.environ["XDG_CACHE_HOME"] = os.path.join(tempfile.gettempdir(), f"speechkit-tests-{os.getuid()}")

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = sorted((ROOT / "samples").glob("*.txt"))
GOLD_DIR = Path(__file__).resolve().parent / "gold"


def gold_for(sample: Path) -> dict:
    return yaml.safe_load((GOLD_DIR / f"{sample.stem}.yaml").read_text(encoding="utf-8"))


@pytest.fixture(params=SAMPLES, ids=lambda p: p.stem)
def sample(request) -> Path:
    return request.param


@pytest.fixture
def runner():
    from click.testing import CliRunner

    return CliRunner()


def check_golden(runner, command: str, path: Path, golden: Path) -> None:
    """``speechkit COMMAND PATH --jsonl`` must equal the golden file line for line
    (``SPEECHKIT_UPDATE_GOLDEN=1`` rewrites it: read the diff before committing)."""
    import os

    from speechkit.cli import cli

    r = runner.invoke(cli, [command, str(path.relative_to(ROOT)), "--jsonl"], catch_exceptions=False)
    assert r.exit_code == 0
    if os.environ.get("SPEECHKIT_UPDATE_GOLDEN"):
        golden.write_text(r.stdout, encoding="utf-8")
    expected = golden.read_text(encoding="utf-8").splitlines()
    got = r.stdout.splitlines()
    diff = [(i, e, g) for i, (e, g) in enumerate(zip(expected, got)) if e != g]
    assert len(got) == len(expected) and not diff, f"first difference: {diff[:1]} ({len(got)} vs {len(expected)} lines)"
