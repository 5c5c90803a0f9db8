"""Beyond one machine: speechkit over a corpus with Dask (the ``speechkit-zh[dask]`` extra).

A recipe, small on purpose: a ``dask.bag`` over file paths, one ``speechkit.analyze`` per
file, results as dicts — write them to JSON Lines (``to_jsonl``) or hand the bag to your own
pipeline. It runs on Dask's local schedulers as it is, and on a cluster with
``dask.distributed`` (create a ``Client`` first; every worker needs speechkit installed).

    from speechkit.dask import analyze_bag, to_jsonl
    bag = analyze_bag(["a.txt", "b.txt", ...], npartitions=64)
    bag.filter(lambda r: "error" not in r).pluck("meta").compute()
    to_jsonl(paths, "out/")              # out/part-0.jsonl …: one analyze record per line

A file that cannot be read or analysed becomes ``{"file": …, "error": …}`` and the rest go on.
"""
from __future__ import annotations

import os
from typing import Any, Iterable

import dask.bag as db

from speechkit.errors import SpeechkitError


def _analyze_one(path: str, config_file: str | None, top_keywords: int) -> dict[str, Any]:
    from speechkit import api
    from speechkit.config import load_config

    try:
        report = api.analyze(path, config=load_config(config_file), top_keywords=top_keywords)
    except SpeechkitError as exc:
        return {"file": path, "error": getattr(exc, "reason", str(exc))}
    return report.to_dict()


def analyze_bag(paths: Iterable[str], *, npartitions: int | None = None, config_file: str | None = None,
                top_keywords: int = 20) -> db.Bag:
    """A bag of ``analyze`` results, one per path (``Report.to_dict()`` or an error dict)."""
    paths = [os.fspath(p) for p in paths]
    bag = db.from_sequence(paths, npartitions=npartitions or min(len(paths), 100) or 1)
    return bag.map(_analyze_one, config_file, top_keywords)


def _flatten(result: dict[str, Any]) -> list[str]:
    """One JSON line per finding, as ``speechkit analyze --jsonl`` writes them."""
    from speechkit.records import flatten_analysis, to_json

    # the CLI's JSON writer: U+2028/U+2029/U+0085 escaped, so one record is always one line
    if "error" in result:
        return [to_json({"type": "error", **result})]
    return [to_json(r) for r in flatten_analysis(result)]


def to_jsonl(paths: Iterable[str], out_dir: str, **kw: Any) -> list[str]:
    """Analyse ``paths`` and write ``out_dir/part-N.jsonl``; returns the files written."""
    os.makedirs(out_dir, exist_ok=True)
    lines = analyze_bag(paths, **kw).map(_flatten).flatten()
    return lines.to_textfiles(os.path.join(out_dir, "part-*.jsonl"), encoding="utf-8")
