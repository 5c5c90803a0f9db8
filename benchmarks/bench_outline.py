"""Outline throughput (MB/s) on ≥ 10 MB of Simplified corpus text, the full-corpus check, and
start-up time of `speechkit outline` against `python -c pass` — all measured in one run.

    python benchmarks/bench_outline.py [--mb 10]

Goals (issue #2): outline ≥ 10 MB/s on Simplified text; start-up < 0.3 s; no corpus errors.
"""
from __future__ import annotations

import argparse
import re
import subprocess
import sys
import time

from common import ROOT, best_of, corpus_texts, median, replicate

import speechkit
from speechkit.normalize.script import has_traditional


def throughput(mb: float) -> None:
    texts = corpus_texts()
    simp = [t for _, t in texts if not has_traditional(t)]
    big = replicate(simp, int(mb * 1_000_000))
    size = len(big.encode("utf-8")) / 1e6
    print(f"corpus: {len(texts)} texts, {len(simp)} without Traditional characters; replicated to {size:.1f} MB")

    baseline = best_of(lambda: re.findall("[。；]", big))
    doc_holder = {}
    load = best_of(lambda: doc_holder.__setitem__("doc", speechkit.load(text=big)))
    doc = doc_holder["doc"]
    outline = best_of(lambda: speechkit.outline(doc))
    heads = len(speechkit.outline(doc))
    print(f"baseline regex scan ........ {size / baseline:8.1f} MB/s")
    print(f"load (clean + layers) ...... {size / load:8.1f} MB/s   ({load / baseline:.1f}x baseline)")
    print(f"outline extraction ......... {size / outline:8.1f} MB/s   ({outline / baseline:.1f}x baseline, {heads} headings)")
    print(f"load + outline ............. {size / (load + outline):8.1f} MB/s   (goal >= 10 MB/s)")


def conversion() -> None:
    """Traditional -> Simplified, the slow step for Traditional input, per backend."""
    from speechkit.normalize.script import available_backends, to_simplified

    trad = (ROOT / "samples" / "district-work-conference.trad.txt").read_text(encoding="utf-8") * 100
    size = len(trad.encode("utf-8")) / 1e6
    times = {b: best_of(lambda b=b: to_simplified(trad, b), 2) for b in available_backends()}
    for b, t in times.items():
        print(f"t2s backend {b:7s} ...... {size / t:8.1f} MB/s   ({times['python'] / t:.0f}x the default)")
    if len(times) == 1:
        print("(install speechkit-zh[fast] to measure the opencc-pyo3 backend)")


def corpus_check() -> None:
    errors, n_heads, t = 0, 0, time.perf_counter()
    texts = corpus_texts()
    for name, text in texts:
        try:
            n_heads += len(speechkit.outline(speechkit.load(text=text)))
        except Exception as exc:  # the benchmark reports every failure, then goes on
            errors += 1
            print(f"ERROR {name}: {type(exc).__name__}: {exc}")
    print(f"all {len(texts)} corpus texts: {n_heads} headings, {errors} errors, {time.perf_counter() - t:.2f} s")


def startup(runs: int) -> None:
    sample = str(ROOT / "samples" / "three-level-cadres-2015.simp.txt")
    trad = str(ROOT / "samples" / "district-work-conference.trad.txt")

    def timed(args: list[str]) -> float:
        xs = []
        for _ in range(runs):
            t = time.perf_counter()
            subprocess.run(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False, cwd=ROOT)
            xs.append(time.perf_counter() - t)
        return median(xs)

    base = timed([sys.executable, "-c", "pass"])
    simp = timed([sys.executable, "-m", "speechkit", "outline", sample])
    tr = timed([sys.executable, "-m", "speechkit", "outline", trad])
    print(f"python -c pass ............. {base * 1000:6.0f} ms")
    print(f"speechkit outline (simp) ... {simp * 1000:6.0f} ms   (+{(simp - base) * 1000:.0f} ms, goal < 300 ms)")
    print(f"speechkit outline (trad) ... {tr * 1000:6.0f} ms   (+{(tr - base) * 1000:.0f} ms)")


if __name__ == "__main__":
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mb", type=float, default=10.0)
    ap.add_argument("--runs", type=int, default=7)
    a = ap.parse_args()
    throughput(a.mb)
    conversion()
    corpus_check()
    startup(a.runs)
