"""Shared fixtures: the sample speeches, their gold annotations, and a CLI runner."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

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
