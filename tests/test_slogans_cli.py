"""CLI of slogans, meta and keywords: options, aggregation over files, formats."""
from __future__ import annotations

import csv
import io
import json

from speechkit.cli import cli
from speechkit.records import FIELDS, table_fields
from tests.conftest import SAMPLES


def jsonl(res) -> list[dict]:
    assert res.exit_code == 0, res.output
    return [json.loads(line) for line in res.output.splitlines()]


def test_default_sums_counts_across_files(runner):
    recs = jsonl(runner.invoke(cli, ["slogans", "--jsonl", *map(str, SAMPLES)]))
    kmh = next(r for r in recs if r["slogan"] == "开门红")
    assert kmh["count"] == 8 and kmh["files"] == 2   # 5 + 3 in two samples
    assert [r["count"] for r in recs] == sorted((r["count"] for r in recs), reverse=True)


def test_by_file_keeps_one_list_per_file(runner):
    recs = jsonl(runner.invoke(cli, ["slogans", "--by-file", "--jsonl", *map(str, SAMPLES)]))
    kmh = [r for r in recs if r["slogan"] == "开门红"]
    assert sorted(r["count"] for r in kmh) == [3, 5] and all(r["files"] == 1 for r in kmh)


def test_top_and_min_count(runner):
    recs = jsonl(runner.invoke(cli, ["slogans", "--jsonl", "--top", "3", str(SAMPLES[0])]))
    assert len(recs) == 3
    recs = jsonl(runner.invoke(cli, ["slogans", "--jsonl", "--min-count", "2", str(SAMPLES[0])]))
    assert recs and all(r["count"] >= 2 for r in recs)


def test_json_groups_aggregate_under_star(runner):
    res = runner.invoke(cli, ["slogans", "--json", *map(str, SAMPLES[:2])])
    doc = json.loads(res.output)
    assert doc["command"] == "slogans" and [f["file"] for f in doc["files"]] == ["*"]


def test_csv_headers(runner):
    for cmd in ("slogans", "meta", "keywords"):
        res = runner.invoke(cli, [cmd, "--csv", str(SAMPLES[1])])
        assert res.exit_code == 0
        rows = list(csv.reader(io.StringIO(res.output)))
        assert rows[0] == table_fields(cmd) and len(rows) > 1


def test_plain_text_output(runner):
    res = runner.invoke(cli, ["slogans", str(SAMPLES[1])])
    assert res.exit_code == 0 and "开门红" in res.output and "\t" in res.output
    res = runner.invoke(cli, ["meta", str(SAMPLES[4])])
    assert "徐文泊" in res.output and "2015-03-30" in res.output


def test_bad_input_is_one_line_and_exit_1(runner, tmp_path):
    res = runner.invoke(cli, ["slogans", str(tmp_path / "missing.txt"), str(SAMPLES[1])])
    assert res.exit_code == 1


def test_help_has_examples(runner):
    for cmd in ("slogans", "meta", "keywords"):
        res = runner.invoke(cli, [cmd, "--help"])
        assert res.exit_code == 0 and "Examples:" in res.output and "samples/" in res.output


def test_a_member_count_that_disagrees_with_the_numeral_is_kept_and_flagged(runner, tmp_path):
    import json

    from speechkit.cli import cli

    path = tmp_path / "s.txt"
    path.write_text("今年要抓好“四项改革”：即财税改革、金融改革、国企改革。全县上下要统一思想。\n"
                    "要落实“两个确保”：确保粮食安全、确保能源安全。\n", encoding="utf-8")
    r = runner.invoke(cli, ["slogans", str(path), "--jsonl"])
    recs = {x["slogan"]: x for x in map(json.loads, r.stdout.splitlines())}
    assert recs["四项改革"]["members"] == ["财税改革", "金融改革", "国企改革"]
    assert recs["四项改革"]["members_mismatch"] is True
    assert recs["两个确保"]["members_mismatch"] is False
