"""The Dask recipe (speechkit-zh[dask]) on Dask's local schedulers."""
from __future__ import annotations

import json

import dask
import pytest

import speechkit
from speechkit.dask import analyze_bag, to_jsonl
from tests.conftest import SAMPLES


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


def test_to_jsonl_escapes_line_separators_like_the_cli(tmp_path, runner):
    """A finding holding U+2028 (a line separator to str.splitlines and JavaScript) stays on
    one line: the recipe uses the CLI's JSON writer."""
    from speechkit.cli import cli

    src = tmp_path / "sep.txt"
    src.write_text("一、加快发展\u2028现代产业\n今年要推进“稳中求进\u2028提质增效”。\n二、保障民生\n", encoding="utf-8")
    with dask.config.set(scheduler="threads"):
        written = to_jsonl([str(src)], str(tmp_path / "out"), npartitions=1)
    text = "".join(open(f, encoding="utf-8").read() for f in sorted(written))
    assert "\u2028" not in text
    r = runner.invoke(cli, ["analyze", str(src), "--jsonl"], catch_exceptions=False)
    assert [json.loads(x) for x in text.splitlines()] == [json.loads(x) for x in r.stdout.splitlines()]
