"""Throughput of `targets` on ≥ 10 MB of real speech text (issue 3 goal: ≥ 5 MB/s on Simplified).

    /tmp/venv/bin/python benchmarks/bench_targets.py [--mb 10] [--profile]

The corpus is ../shared/corpora/*.jsonl (national government work reports and party congress
reports), replicated to the requested size and analysed one document at a time, as a batch
run does. The baseline, measured in the same run on the same documents, is loading them
(cleaning, width folding, OpenCC) — the work every command pays before extracting.
MB are UTF-8 megabytes of input text. Not a timed test: run it by hand or in CI's bench job.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPORA = ROOT.parent / "shared" / "corpora"
GOAL_MB_S = 5.0


def corpus_texts() -> list[str]:
    texts = []
    for path in sorted(CORPORA.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                content = json.loads(line).get("content") or ""
                if content:
                    texts.append(content)
    return texts


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mb", type=float, default=10.0, help="corpus size to analyse (default 10)")
    ap.add_argument("--profile", action="store_true", help="print a cProfile of the extraction")
    args = ap.parse_args()
    if not CORPORA.is_dir():
        print(f"skipped: corpus directory {CORPORA} not found (needs ../shared/corpora)", file=sys.stderr)
        return 0
    sys.path.insert(0, str(ROOT))
    from speechkit import api
    from speechkit.config import Config

    base = corpus_texts()
    if not base:
        print(f"skipped: no texts in {CORPORA}", file=sys.stderr)
        return 0
    docs_text, size = [], 0
    while size < args.mb * 1e6:
        for t in base:
            docs_text.append(t)
            size += len(t.encode("utf-8"))
    config = Config()
    api.targets(api.load(text=base[0], config=config), config)  # compile lexicons outside the timing

    t0 = time.perf_counter()
    docs = [api.load(text=t, config=config) for t in docs_text]
    t_load = time.perf_counter() - t0

    def run() -> int:
        return sum(len(api.targets(d, config)) for d in docs)

    if args.profile:
        import cProfile
        import pstats

        prof = cProfile.Profile()
        prof.runcall(run)
        pstats.Stats(prof).sort_stats("cumulative").print_stats(25)
    t0 = time.perf_counter()
    n = run()
    t_targets = time.perf_counter() - t0
    mb = size / 1e6
    print(f"corpus: {mb:.1f} MB in {len(docs)} documents ({len(base)} distinct)")
    print(f"baseline load+clean: {t_load:.2f} s = {mb / t_load:.2f} MB/s")
    print(f"targets:             {t_targets:.2f} s = {mb / t_targets:.2f} MB/s ({n} records; "
          f"{t_targets / t_load:.2f}x the load time)")
    print(f"goal ≥ {GOAL_MB_S} MB/s: {'met' if mb / t_targets >= GOAL_MB_S else 'NOT met'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
