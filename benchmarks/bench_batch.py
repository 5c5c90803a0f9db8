"""Batch behaviour: -j scaling over many files, and peak memory on a huge file and on 10,000
small files — each measured against its baseline in the same run.

    python benchmarks/bench_batch.py [--command outline] [--files 2000] [--big-mb 100] [--repeat 3]

Goals: `-j 2` over 2,000 files ≥ 1.7x faster than `-j 1` on two cores (issue #5); peak RSS on a
100 MB input below 2 GB (issue #6).
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import ROOT, corpus_texts, replicate


def _run(args: list[str]) -> tuple[float, float, int]:
    """(seconds, peak RSS of the child in MB, exit code) of `python -m speechkit ARGS`."""
    code = ("import resource, subprocess, sys, time\n"
            "t = time.perf_counter()\n"
            "p = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL)\n"
            "dt = time.perf_counter() - t\n"
            "print(dt, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024, p.returncode)\n")
    out = subprocess.run([sys.executable, "-c", code, sys.executable, "-m", "speechkit", *args],
                         capture_output=True, text=True, cwd=ROOT, check=True).stdout.split()
    return float(out[0]), float(out[1]), int(out[2])


def many_files(command: str, n: int, tmp: Path, repeat: int) -> None:
    texts = [t for _, t in corpus_texts()]
    d = tmp / "many"
    d.mkdir()
    # speech-sized pieces (~4,000 characters) cut from the corpus, like a crawl of short speeches
    pieces = [t[i:i + 4000] for t in texts for i in range(0, len(t), 4000)]
    for i in range(n):
        (d / f"{i:05d}.txt").write_text(pieces[i % len(pieces)], encoding="utf-8")
    size = sum(f.stat().st_size for f in d.iterdir()) / 1e6
    # the two settings take turns, each best of ``repeat``: a busy moment of a shared machine
    # then slows one round of each, not one setting
    t1 = t2 = float("inf")
    for _ in range(repeat):
        t, m1, _ = _run([command, str(d), "--jsonl", "-j", "1"])
        t1 = min(t1, t)
        t, m2, _ = _run([command, str(d), "--jsonl", "-j", "2"])
        t2 = min(t2, t)
    print(f"{n} files ({size:.1f} MB), {command} --jsonl, best of {repeat}:")
    print(f"  -j 1 ........ {t1:6.2f} s  ({size / t1:5.1f} MB/s)  peak RSS {m1:6.0f} MB")
    print(f"  -j 2 ........ {t2:6.2f} s  ({size / t2:5.1f} MB/s)  peak RSS {m2:6.0f} MB per process"
          f"   speed-up {t1 / t2:.2f}x (goal >= 1.7x on 2 cores; this machine has {os.cpu_count()})")


def tiny_files(command: str, n: int, tmp: Path) -> None:
    d = tmp / "tiny"
    d.mkdir()
    for i in range(n):
        (d / f"{i:05d}.txt").write_text(f"一、标题{i}\n正文。\n二、结尾\n", encoding="utf-8")
    t, m, code = _run([command, str(d), "--jsonl"])
    print(f"{n} tiny files, {command}: {t:.2f} s, peak RSS {m:.0f} MB, exit {code}")


def big_file(command: str, mb: float, tmp: Path) -> None:
    texts = [t for _, t in corpus_texts()]
    f = tmp / "big.txt"
    f.write_text(replicate(texts, int(mb * 1e6)), encoding="utf-8")
    size = f.stat().st_size / 1e6
    t0, m0, _ = _run(["clean", str(f), "-o", os.devnull])
    t, m, code = _run([command, str(f), "--jsonl"])
    print(f"one {size:.0f} MB file: clean {t0:.1f} s / peak {m0:.0f} MB (baseline);"
          f" {command} {t:.1f} s / peak RSS {m:.0f} MB (goal < 2048 MB), exit {code}")


if __name__ == "__main__":
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--command", default="outline")
    ap.add_argument("--files", type=int, default=2000)
    ap.add_argument("--tiny", type=int, default=10000)
    ap.add_argument("--big-mb", type=float, default=100.0)
    ap.add_argument("--repeat", type=int, default=3, help="rounds of -j 1 and -j 2; the best of each is shown")
    a = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        start = time.perf_counter()
        many_files(a.command, a.files, Path(tmp), a.repeat)
        if a.tiny:
            tiny_files(a.command, a.tiny, Path(tmp))
        if a.big_mb:
            big_file(a.command, a.big_mb, Path(tmp))
        print(f"(benchmark took {time.perf_counter() - start:.0f} s)")
