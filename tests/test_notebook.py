"""The library as a notebook user meets it (issue 14): plain errors, Path arguments, short
reprs, JSON-ready dicts, DataFrames, type information shipped."""
from __future__ import annotations

import json
import pathlib

import pytest

import speechkit
from tests.conftest import ROOT, SAMPLES


def test_missing_file_says_no_such_file(tmp_path):
    with pytest.raises(speechkit.LoadError) as info:
        speechkit.load(str(tmp_path / "missing.txt"))
    assert info.value.reason == "no such file or directory"
    with pytest.raises(speechkit.LoadError, match="no such file"):
        speechkit.analyze(tmp_path / "missing.txt")


def test_path_objects_give_json_ready_reports():
    report = speechkit.analyze(pathlib.Path(SAMPLES[0]))
    assert report.file == str(SAMPLES[0])
    back = json.loads(json.dumps(report.to_dict(), ensure_ascii=False))
    assert back == report.to_dict()


def test_reprs_are_short():
    report = speechkit.analyze(str(SAMPLES[-1]))
    doc = report.document
    assert len(repr(doc)) < 200 and repr(doc).startswith("Document(") and "chars" in repr(doc)
    r = repr(report)
    assert len(r) < 300 and f"{len(report.targets)} targets" in r and f"{len(report.outline)} outline" in r


def test_to_pandas_has_one_row_per_record_and_the_csv_columns():
    report = speechkit.analyze(str(SAMPLES[-1]))
    frame = report.to_pandas("targets")
    assert len(frame) == len(report.targets) > 0
    assert {"indicator", "value", "growth", "kind", "start", "end", "line"} <= set(frame.columns)
    assert list(frame["start"]) == [t["start"] for t in report.targets]
    assert len(report.to_pandas("meta")) == 1
    with pytest.raises(ValueError, match="unknown part"):
        report.to_pandas("nothing")


def test_to_pandas_without_pandas_says_how_to_install(monkeypatch):
    import builtins

    real = builtins.__import__

    def no_pandas(name, *args, **kw):
        if name == "pandas":
            raise ImportError("no pandas here")
        return real(name, *args, **kw)

    report = speechkit.analyze(text="一、总体要求\n今年地区生产总值增长6%左右。\n二、重点任务\n")
    monkeypatch.setattr(builtins, "__import__", no_pandas)
    with pytest.raises(ImportError, match="pip install pandas"):
        report.to_pandas()


def test_the_package_ships_type_information():
    assert (ROOT / "speechkit" / "py.typed").exists()


@pytest.mark.parametrize("name", speechkit.__all__)
def test_public_names_have_docstrings(name):
    obj = getattr(speechkit, name)
    if not callable(obj):
        return
    doc = (obj.__doc__ or "").strip()
    # a dataclass without a docstring gets its signature as __doc__: that is not one
    assert doc and not doc.startswith(f"{name}("), f"speechkit.{name} has no docstring"
