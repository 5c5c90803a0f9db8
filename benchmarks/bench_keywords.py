"""Segmentation and `keywords` on ≥ 10 MB of Simplified speeches, jieba vs the fast backend
(rjieba, from the `speechkit-zh[fast]` extra), against `jieba.lcut` alone, in one run.

    python benchmarks/bench_keywords.py [--mb 10] [--repeat 3]

The corpus is the Simplified corpus texts, whole, repeated to the size asked, segmented one
document at a time (as a batch does). Each figure for the fast backend is the best of
``--repeat`` runs; the jieba figures, ~10 s each, are run once. MB are UTF-8 megabytes.
"""
from __future__ import annotations

import argparse
import logging
import os
import time

from common import best_of, speeches

from speechkit import api, segment
from speechkit.config import Config


def timed(fn, repeat: int) -> float:
    if repeat <= 1:
        t = time.perf_counter()
        fn()
        return time.perf_counter() - t
    return best_of(fn, repeat)


def main(mb: float, repeat: int) -> None:
    texts, size = speeches(mb)
    config = Config()
    docs = [api.load(text=t, config=config) for t in texts]
    print(f"{len(docs)} speeches, {size:.1f} MB; backends available: {', '.join(segment.available_backends())}")

    import jieba

    jieba.setLogLevel(logging.WARNING)
    jieba.initialize()
    base = timed(lambda: [jieba.lcut(d.norm) for d in docs], 1)
    print(f"jieba.lcut alone ........... {base:6.2f} s  {size / base:6.2f} MB/s")

    def drain(backend: str) -> None:
        for d in docs:
            for _ in segment.tokens(d.norm, config, backend):
                pass

    def keywords(backend: str) -> None:
        os.environ["SPEECHKIT_JIEBA"] = backend
        try:
            for d in docs:
                api.keywords(d, config)
        finally:
            del os.environ["SPEECHKIT_JIEBA"]

    results = {}
    for backend in segment.available_backends()[::-1]:  # jieba first
        reps = 1 if backend == "jieba" else repeat
        drain(backend)  # load the tokenizer outside the timing
        seg = timed(lambda: drain(backend), reps)
        kw = timed(lambda: keywords(backend), reps)
        results[backend] = (seg, kw)
        print(f"segment.tokens [{backend:6s}] .. {seg:6.2f} s  {size / seg:6.2f} MB/s  = {seg / base:.2f}x jieba.lcut")
        print(f"keywords       [{backend:6s}] .. {kw:6.2f} s  {size / kw:6.2f} MB/s  = {kw / base:.2f}x jieba.lcut")
    if "rjieba" in results:
        (s0, k0), (s1, k1) = results["jieba"], results["rjieba"]
        print(f"fast backend speed-up: segmentation {s0 / s1:.1f}x, keywords {k0 / k1:.1f}x")
    else:
        print("fast backend not installed: pip install -e '.[fast]'")


if __name__ == "__main__":
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mb", type=float, default=10.0, help="corpus size (default 10)")
    ap.add_argument("--repeat", type=int, default=3, help="runs per fast-backend figure (default 3)")
    args = ap.parse_args()
    main(args.mb, args.repeat)
