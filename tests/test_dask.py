"""The Dask recipe (speechkit[dask]) on Dask's local schedulers."""
from __future__ import annotations

import json

import pytest

dask = pytest.importorskip("dask", reason="the dask extra is not installed (pip install 'speechkit[dask]')")

import speechkit  # noqa: E402
from speechkit.dask import analyze_bag, to_jsonl  # noqa: E402
from tests.conftest import SAMPLES  # noqa: E402


@pytest.mark.parametrize("scheduler", ["threads", "processes"])
def test_bag_gives_the_same_reports_as_the_api(tmp_path, scheduler):
    bad = tmp_path / "empty.txt"
    bad.write_bytes(b"")
    paths = [*map(str, SAMPLES), str(bad)]
    with dask.config.set(scheduler=scheduler):
        results = analyze_bag(paths, npartitions=3).compute()
    assert [r["file"] for r in results] == paths
    assert results[-1] == {"file": str(bad), "error": "file is empty"}
    for path, result in zip(SAMPLES, results):
        assert result == json.loads(json.dumps(speechkit.analyze(str(path)).to_dict()))


def test_to_jsonl_writes_the_analyze_stream(tmp_path, runner):
    from speechkit.cli import cli

    with dask.config.set(scheduler="threads"):
        written = to_jsonl(map(str, SAMPLES[:2]), str(tmp_path / "out"), npartitions=2)
    lines = [line for f in sorted(written) for line in open(f, encoding="utf-8").read().splitlines()]
    r = runner.invoke(cli, ["analyze", *map(str, SAMPLES[:2]), "--jsonl"], catch_exceptions=False)
    assert [json.loads(x) for x in lines] == [json.loads(x) for x in r.stdout.splitlines()]
