"""Shared helpers for the benchmarks (run by hand: `python benchmarks/bench_outline.py`)."""
from __future__ import annotations

import json
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPORA_DIRS = [Path(os.environ["SPEECHKIT_CORPORA"])] if os.environ.get("SPEECHKIT_CORPORA") else []
CORPORA_DIRS += [ROOT.parent / "shared" / "corpora", ROOT / "tests" / "data" / "corpora"]


def corpus_texts() -> list[tuple[str, str]]:
    """(name, text) of every corpus text: the shared JSONL corpora if present, else the test copies."""
    for d in CORPORA_DIRS:
        jsonl = sorted(d.glob("*.jsonl")) if d.is_dir() else []
        if jsonl:
            out = []
            for f in jsonl:
                for i, line in enumerate(f.read_text(encoding="utf-8").splitlines()):
                    rec = json.loads(line)
                    out.append((f"{f.stem}#{i}", rec["content"]))
            return out
        txt = sorted(d.glob("*.txt")) if d.is_dir() else []
        if txt:
            print(f"(shared corpora not found; using {len(txt)} test copies from {d})", file=sys.stderr)
            return [(p.name, p.read_text(encoding="utf-8")) for p in txt]
    sys.exit("no corpus found: set SPEECHKIT_CORPORA to a folder of *.jsonl")


def replicate(texts: list[str], min_bytes: int) -> str:
    """Concatenate ``texts`` (whole) until the UTF-8 size reaches ``min_bytes``."""
    parts, size = [], 0
    while size < min_bytes:
        for t in texts:
            parts.append(t)
            size += len(t.encode("utf-8"))
            if size >= min_bytes:
                break
    return "\n".join(parts)


def best_of(fn, repeat: int = 3) -> float:
    """The fastest of ``repeat`` runs, in seconds: the least disturbed by a noisy machine."""
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times)


def median(xs: list[float]) -> float:
    return statistics.median(xs)


def speeches(mb: float) -> tuple[list[str], float]:
    """Whole Simplified corpus texts, repeated until they add up to ``mb`` MB: a batch of
    real speeches. Returns the texts and their size in MB."""
    from speechkit.normalize.script import has_traditional

    simp = [t for _, t in corpus_texts() if not has_traditional(t)]
    texts, size = [], 0
    while size < mb * 1e6:
        for t in simp:
            texts.append(t)
            size += len(t.encode("utf-8"))
            if size >= mb * 1e6:
                break
    return texts, size / 1e6
