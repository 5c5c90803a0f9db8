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


def baseline(section: str) -> dict:
    """The quality floors pinned in tests/baseline.json (``samples`` or ``devset``)."""
    import json

    return json.loads((ROOT / "tests" / "baseline.json").read_text(encoding="utf-8"))[section]


def gold_for(sample: Path) -> dict:
    return yaml.safe_load((GOLD_DIR / f"{sample.stem}.yaml").read_text(encoding="utf-8"))


@pytest.fixture(params=SAMPLES, ids=lambda p: p.stem)
def sample(request) -> Path:
    return request.param


@pytest.fixture
def runner():
    from click.testing import CliRunner

    return CliRunner()


def check_golden(runner, command: str, path: Path, golden: Path, extra: tuple[str, ...] = ()) -> None:
    """``speechkit COMMAND PATH --jsonl [EXTRA]`` must equal the golden file line for line
    (``SPEECHKIT_UPDATE_GOLDEN=1`` rewrites it: read the diff before committing)."""
    import os

    from speechkit.cli import cli

    r = runner.invoke(cli, [command, str(path.relative_to(ROOT)), "--jsonl", *extra], catch_exceptions=False)
    assert r.exit_code == 0
    if os.environ.get("SPEECHKIT_UPDATE_GOLDEN"):
        golden.write_text(r.stdout, encoding="utf-8")
    expected = golden.read_text(encoding="utf-8").splitlines()
    got = r.stdout.splitlines()
    diff = [(i, e, g) for i, (e, g) in enumerate(zip(expected, got)) if e != g]
    assert len(got) == len(expected) and not diff, f"first difference: {diff[:1]} ({len(got)} vs {len(expected)} lines)"


# Timing and size tests — linear-time checks on huge and hostile inputs, whole directories of
# files — are marked `slow` by their names here, so that every such test, in any file, is
# deselected by the README's test command (pytest.ini's `-m 'not slow'`) and run by the second
# step of .ci/run (`pytest -m slow`). Name a new test of that kind with one of these words.
SLOW_NAME_PARTS = ("linear", "ten_mb", "issue_sized", "ten_thousand", "two_million", "whole_corpus")


@pytest.hookimpl(tryfirst=True)  # before pytest's -m selection sees the items
def pytest_collection_modifyitems(config, items):
    for item in items:
        name = getattr(item, "originalname", None) or item.name
        if any(part in name for part in SLOW_NAME_PARTS):
            item.add_marker(pytest.mark.slow)
