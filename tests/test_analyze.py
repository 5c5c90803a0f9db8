"""`speechkit analyze` and the library API `speechkit.analyze` (issues #4 and #5)."""
from __future__ import annotations

import csv
import io
import json
import subprocess
import sys

import speechkit
from speechkit.cli import cli
from speechkit.records import FIELDS, table_fields
from tests.conftest import ROOT, SAMPLES

SAMPLE = str(SAMPLES[-1])  # three-level-cadres-2015.simp


def invoke(runner, *args):
    r = runner.invoke(cli, list(args), catch_exceptions=False)
    return r.exit_code, r.stdout, r.stderr


def test_report_object_has_every_part():
    report = speechkit.analyze(SAMPLE)
    assert report.meta["speaker"] == "徐文泊" and report.meta["date"] == "2015-03-30"
    assert len(report.outline) == 44 and report.outline[0]["marker"] == "一、"
    kinds = {t["kind"] for t in report.targets}
    assert {"target", "actual"} <= kinds  # all kinds, not only targets
    assert any(s["slogan"] == "两个全省示范区" and s["type"] == "formula" for s in report.slogans)
    assert 0 < len(report.keywords) <= 20
    assert report.document is not None and report.document.source.name == SAMPLE


def test_to_dict_is_one_files_entry_of_analyze_json(runner):
    code, out, _ = invoke(runner, "analyze", SAMPLE, "--json")
    doc = json.loads(out)
    assert code == 0 and doc["command"] == "analyze" and doc["schema"] == "speechkit/1"
    assert doc["files"][0] == json.loads(json.dumps(speechkit.analyze(SAMPLE).to_dict(), ensure_ascii=False))
    assert set(doc["files"][0]) == {"file", "encoding", "meta", "outline", "targets", "slogans", "keywords"}


def test_analyze_from_text():
    report = speechkit.analyze(text="一、加强领导\n今年地区生产总值增长8%左右。\n二、狠抓落实\n")
    assert report.file == "<text>" and [h["number"] for h in report.outline] == [1, 2]
    assert report.targets[0]["indicator"] == "gdp" and report.targets[0]["growth"] == 8


def test_jsonl_and_csv_are_flat_with_a_type(runner):
    _, out, _ = invoke(runner, "analyze", SAMPLE, "--jsonl")
    recs = [json.loads(line) for line in out.splitlines()]
    assert [r["type"] for r in recs][0] == "meta"
    assert {r["type"] for r in recs} == {"meta", "heading", "target", "slogan", "keyword"}
    slogan = next(r for r in recs if r["type"] == "slogan")
    assert slogan["slogan_type"] in ("quoted", "formula", "parallel")  # the slogan's own type
    _, out, _ = invoke(runner, "analyze", SAMPLE, "--csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert list(rows[0]) == table_fields("analyze") and len(rows) == len(recs)


def test_text_report_has_every_section(runner):
    code, out, _ = invoke(runner, "analyze", SAMPLE)
    rows = [line.split("\t") for line in out.splitlines()]
    assert code == 0 and rows[0] == ["file", "type", "line", "item", "detail"]
    assert {r[0] for r in rows[1:]} == {SAMPLE} and all(len(r) == 5 for r in rows)
    assert {r[1] for r in rows[1:]} == {"meta", "heading", "target", "slogan", "keyword"}


def test_library_path_prints_nothing_and_imports_no_click_or_rich():
    code = ("import sys, speechkit\n"
            f"r = speechkit.analyze({SAMPLE!r})\n"
            "assert r.outline and r.targets\n"
            "print(sorted(m for m in ('click', 'rich') if m in sys.modules))\n")
    p = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert p.returncode == 0 and p.stdout.strip() == "[]" and p.stderr == "", p.stderr
