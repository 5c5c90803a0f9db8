"""Corpus-level views of many files' records: slogans summed over a batch, keywords
re-weighed by how distinctive they are across the batch. Pure functions over flat record dicts."""
from __future__ import annotations

import math
from typing import Any

# Weights are rounded to this many digits, as ``extractors.keywords`` rounds its own.
from speechkit.extractors.keywords import WEIGHT_DIGITS


def corpus_idf(batch: list[dict[str, int]]) -> dict[str, float]:
    """Smoothed IDF of every term over a batch of documents' term counts: a term in every
    file weighs least, one only in this file most."""
    n = len(batch)
    df: dict[str, int] = {}
    for counts in batch:
        for w in counts:
            df[w] = df.get(w, 0) + 1
    # log((N+1)/df): near zero for a term in every file, largest for a term in one file only
    return {w: math.log((n + 1) / d) for w, d in df.items()}


def distinctive_weight(count: int, total: int, idf: float) -> float:
    return round(count / total * idf, WEIGHT_DIGITS) if total else 0.0


def aggregate_slogans(batch: list[tuple[str, str, list[dict[str, Any]]]]) -> list[dict[str, Any]]:
    """One record per slogan over many files: counts summed, ``files`` = in how many files it
    appears; position fields are those of its first file. Ranked by count."""
    merged: dict[str, dict[str, Any]] = {}
    for _file, _enc, records in batch:
        for r in records:
            cur = merged.get(r["slogan"])
            if cur is None:
                merged[r["slogan"]] = dict(r)
                continue
            cur["count"] += r["count"]
            cur["files"] += 1
            if not cur["members"] and r["members"]:
                cur["members"], cur["known"] = r["members"], r["known"]
                cur["members_mismatch"] = r.get("members_mismatch", False)
    return sorted(merged.values(), key=lambda r: -r["count"])




def distinctive_keywords(batch: list[tuple[str, str, list[dict[str, Any]]]],
                         top: int | None) -> list[tuple[str, str, list[dict[str, Any]]]]:
    """Re-weigh each file's keyword records by corpus IDF over the batch, best first."""
    idf = corpus_idf([{r["keyword"]: r["count"] for r in recs} for _f, _e, recs in batch])
    out = []
    for file, enc, recs in batch:
        total = sum(r["count"] for r in recs)
        ranked = [dict(r, weight=distinctive_weight(r["count"], total, idf[r["keyword"]])) for r in recs]
        ranked.sort(key=lambda r: (-r["weight"], -r["count"], r["start"]))
        out.append((file, enc, ranked[:top] if top is not None else ranked))
    return out
