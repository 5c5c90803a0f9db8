"""--parquet: read back with pyarrow, the columns have the schema's types; and JSON number
fields are always floats (8.0, not 8), so readers that type columns from the first rows agree."""
from __future__ import annotations

import json

import pytest

from speechkit.cli import cli
from speechkit.records import FIELDS, table_fields
from tests.conftest import ROOT, SAMPLES

pa = pytest.importorskip("pyarrow", reason="pyarrow is in the test extra; install speechkit-zh[test]")
pq = pytest.importorskip("pyarrow.parquet")

ARROW = {"string": pa.string(), "integer": pa.int64(), "number": pa.float64(), "boolean": pa.bool_()}


def _expected(command: str, name: str):
    from speechkit.render.as_parquet import _json_type

    t = _json_type(command, name)
    kind = t["type"] if isinstance(t["type"], str) else next(k for k in t["type"] if k != "null")
    return pa.list_(pa.string()) if kind == "array" else ARROW[kind]


@pytest.mark.parametrize("command,args", [
    ("targets", ["--all"]), ("analyze", []), ("meta", []), ("outline", []),
    ("panel", ["--indicator", "gdp"]),
])
def test_parquet_columns_have_the_schema_types(runner, tmp_path, command, args):
    out = tmp_path / f"{command}.parquet"
    inputs = [str(p) for p in SAMPLES] if command != "panel" else [str(ROOT / "tests" / "data" / "reports")]
    r = runner.invoke(cli, [command, *inputs, *args, "--parquet", "-o", str(out)], catch_exceptions=False)
    assert r.exit_code == 0, r.stderr
    table = pq.read_table(out)
    assert table.schema.names == table_fields(command)
    for field in table.schema:
        assert field.type == _expected(command, field.name), (command, field.name, field.type)
    assert table.num_rows > 0
    jsonl = runner.invoke(cli, [command, *inputs, *args, "--jsonl"], catch_exceptions=False).stdout.splitlines()
    assert table.num_rows == len(jsonl)
    first = json.loads(jsonl[0])
    row = table.slice(0, 1).to_pylist()[0]
    assert {k: row[k] for k in first} == first  # analyze: a meta record leaves the other columns null
    assert all(row[k] is None for k in row if k not in first)


def test_parquet_refuses_a_terminal_and_explains_a_missing_pyarrow(monkeypatch, runner):
    import importlib.util

    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *a: None if name == "pyarrow" else real(name, *a))
    r = runner.invoke(cli, ["targets", str(SAMPLES[0]), "--parquet", "-o", "x.parquet"])
    assert r.exit_code == 1 and "pip install 'speechkit-zh[parquet]'" in r.output


def _number_fields(command: str) -> set[str]:
    from speechkit.render.typed import number_fields

    return set(number_fields(command))


@pytest.mark.parametrize("command,args", [("targets", ["--all"]), ("keywords", []), ("panel", ["--indicator", "gdp"]),
                                          ("trend", ["--indicator", "gdp"])])
def test_json_number_fields_are_always_floats(runner, command, args):
    inputs = [str(p) for p in SAMPLES] if command in ("targets", "keywords") else [str(ROOT / "tests" / "data" / "reports")]
    numbers = _number_fields(command)
    assert numbers, command
    seen = 0
    for fmt in ("--jsonl", "--json"):
        out = runner.invoke(cli, [command, *inputs, *args, fmt], catch_exceptions=False).stdout
        records = ([json.loads(l) for l in out.splitlines()] if fmt == "--jsonl"
                   else [r for f in json.loads(out)["files"] for r in f["records"]])
        for rec in records:
            for f in numbers:
                if rec.get(f) is not None:
                    assert isinstance(rec[f], float), (command, f, rec[f])
                    seen += 1
    assert seen > 0
    # whole numbers are written with a decimal point in the text itself
    if command == "targets":
        assert '"value": 12000000.0' in out or ".0," in out


def test_analyze_json_floats_in_every_section(runner):
    out = runner.invoke(cli, ["analyze", str(SAMPLES[-1]), "--json"], catch_exceptions=False).stdout
    entry = json.loads(out)["files"][0]
    assert all(isinstance(t["value"], float) for t in entry["targets"] if t["value"] is not None)
    assert all(isinstance(k["weight"], float) for k in entry["keywords"])
