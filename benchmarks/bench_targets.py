"""Throughput of `targets` on ≥ 10 MB of real speech text (goals on Simplified text: issue 3
≥ 5 MB/s, issue 5 ≥ 10 MB/s).

    /tmp/venv/bin/python benchmarks/bench_targets.py [--mb 10] [--repeat 5] [--profile]

The corpus is ../shared/corpora/*.jsonl (national government work reports and party congress
reports), replicated to the requested size and analysed one document at a time, as a batch
run does. The baseline, measured in the same run on the same documents, is loading them
(cleaning, width folding, OpenCC) — the work every command pays before extracting.
MB are UTF-8 megabytes of input text. Each figure is the best of ``--repeat`` runs (the
least disturbed on a shared machine). "targets with outline" is what `analyze` pays when it
hands targets the outline it computed anyway (the section fallback for kind needs one).
Not a timed test: run it by hand or in CI's bench job.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPORA = ROOT.parent / "shared" / "corpora"
GOALS_MB_S = {"issue 3": 5.0, "issue 5": 10.0}


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
    ap.add_argument("--repeat", type=int, default=5, help="runs per figure; the best is shown (default 5)")
    ap.add_argument("--profile", action="store_true", help="print a cProfile of the extraction")
    args = ap.parse_args()
    if not CORPORA.is_dir():
        print(f"skipped: corpus directory {CORPORA} not found (needs ../shared/corpora)", file=sys.stderr)
        return 0
    sys.path.insert(0, str(ROOT))
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from common import best_of

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

    docs: list = []
    t_load = best_of(lambda: docs.__setitem__(slice(None), [api.load(text=t, config=config) for t in docs_text]),
                     args.repeat)

    def run() -> int:
        return sum(len(api.targets(d, config)) for d in docs)

    outlines = [api.outline(d, config) for d in docs]

    if args.profile:
        import cProfile
        import pstats

        prof = cProfile.Profile()
        prof.runcall(run)
        pstats.Stats(prof).sort_stats("cumulative").print_stats(25)
    n = run()
    t_targets = best_of(run, args.repeat)
    t_given = best_of(lambda: [api.targets(d, config, outline=o) for d, o in zip(docs, outlines)], args.repeat)
    mb = size / 1e6
    print(f"corpus: {mb:.1f} MB in {len(docs)} documents ({len(base)} distinct); best of {args.repeat} runs")
    print(f"baseline load+clean:  {t_load:.2f} s = {mb / t_load:6.2f} MB/s")
    print(f"targets:              {t_targets:.2f} s = {mb / t_targets:6.2f} MB/s ({n} records; "
          f"{t_targets / t_load:.2f}x the load time)")
    print(f"targets with outline: {t_given:.2f} s = {mb / t_given:6.2f} MB/s (the outline given, as analyze has it)")
    both = t_load + t_targets
    print(f"load+targets:         {both:.2f} s = {mb / both:6.2f} MB/s")
    for issue, goal in GOALS_MB_S.items():
        print(f"{issue} goal: targets ≥ {goal} MB/s: {'met' if mb / t_targets >= goal else 'NOT met'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
