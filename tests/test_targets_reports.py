"""`targets` on the headline statements of national government work reports, 1993-2025: the
styles of thirty years (８％, 8 ．8 ％, 19·5％, 百分之八至九, 6%－6.5%, 7.5%左右, 1200万人以上,
控制在4.6％以内). Expected records were written by reading the excerpts in tests/data/."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

import speechkit
from speechkit.api import targets
from speechkit.records import target_records

DATA = yaml.safe_load((Path(__file__).parent / "data" / "gov_work_report_targets.yaml").read_text(encoding="utf-8"))
REPORTS = DATA["reports"]
KEYS = ("indicator", "value", "value_max", "growth", "growth_max", "qualifier", "kind")


def _key(rec: dict) -> tuple:
    return tuple(float(rec[k]) if isinstance(rec[k], (int, float)) and not isinstance(rec[k], bool) else rec[k]
                 for k in KEYS)


@pytest.mark.parametrize("report", REPORTS, ids=lambda r: str(r["year"]))
def test_headline_statements(report):
    doc = speechkit.load(text=report["text"])
    recs = target_records(doc, targets(doc, year=int(report["year"])), "simplified")
    got = sorted(map(_key, recs), key=repr)
    want = sorted((_key(dict(zip(KEYS, e))) for e in report["expect"]), key=repr)
    assert got == want
    for rec in recs:
        for attr, value in (report.get("also") or {}).items():
            assert rec[attr] == value, (attr, rec["text"])


@pytest.mark.parametrize("report", REPORTS, ids=lambda r: str(r["year"]))
def test_offsets_point_at_the_statement(report):
    doc = speechkit.load(text=report["text"])
    for rec in target_records(doc, targets(doc, year=int(report["year"]))):
        assert doc.raw[rec["start"]:rec["end"]].replace("\u3000", "") != ""
        assert rec["value_text"] in rec["text"] and rec["text"] in rec["sentence"]


def test_year_is_inferred_when_not_given():
    """Without year=, 今年 resolves from the years the text names (most-named year or the next)."""
    text = "2013年国内生产总值增长7.7%。2013年城镇新增就业1310万人。2014年主要预期目标是：国内生产总值增长7.5%左右。"
    doc = speechkit.load(text=text)
    recs = target_records(doc, targets(doc))
    assert [(r["period"], r["kind"]) for r in recs] == [(2013, "actual"), (2013, "actual"), (2014, "target")]
