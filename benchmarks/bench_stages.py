"""MB/s of every stage (load, outline, meta, targets, slogans, keywords, analyze) next to the
regex floor and jieba.lcut, measured in the same run, on two inputs:

* ``simplified``: the Simplified corpus texts, whole, repeated to ``--mb`` MB, one document
  at a time (as a batch run does);
* ``concatenated``: every corpus text (the Traditional ones too) in one file: a Simplified
  file with a few Traditional passages, the case that once sent a whole file through OpenCC.

    python benchmarks/bench_stages.py [--mb 5] [--repeat 3] [--only load,outline] [--profile meta]

Each figure is the best of ``--repeat`` rounds; a round times every stage once, one after
another, so a busy machine slows the floor and the stages alike and the ratios hold (the
figures are CPU seconds of this process, not wall time). ``floor`` is
``re.findall("[。；]", text)``, a scan of the text at C speed; ``jieba.lcut`` is segmentation
alone (timed once per round on the simplified input, it takes a while). Each stage is given
the loaded Documents (load excluded), as ``api.<stage>(doc)`` runs it; ``analyze`` is
``api.analysis_records`` (every record of a file, outline and meta computed once and shared).
MB are UTF-8 megabytes of input text.
"""
from __future__ import annotations

import argparse
import cProfile
import io
import logging
import pstats
import re
import sys
import time

from common import corpus_texts, speeches

from speechkit import api
from speechkit.config import Config

STAGES = ("load", "outline", "meta", "targets", "slogans", "keywords", "analyze")
GOALS = {"load": 25.0, "outline": 40.0, "meta": 40.0, "targets": 15.0, "slogans": 15.0, "analyze": 3.0}
_FLOOR = re.compile("[。；]")


def cpu_time(fn) -> float:
    t = time.process_time()
    fn()
    return time.process_time() - t


def stage_fns(texts: list[str], config: Config, docs: list) -> dict:
    def load() -> None:
        docs[:] = [api.load(text=t, config=config) for t in texts]

    def each(name: str):
        fn = api.analysis_records if name == "analyze" else getattr(api, name)
        return lambda: [fn(d, config) for d in docs]

    fns = {"floor": lambda: [_FLOOR.findall(t) for t in texts], "load": load}
    fns.update({name: each(name) for name in STAGES if name != "load"})
    return fns


def run(label: str, texts: list[str], size: float, stages: list[str], repeat: int, jieba_too: bool,
        profile: str | None) -> None:
    config = Config()
    docs: list = []
    fns = stage_fns(texts, config, docs)
    fns["load"]()
    for name in stages:  # warm: lexicons compiled, tokenizer loaded, outside the timing
        if name != "load":
            api.analysis_records(docs[0], config) if name == "analyze" else getattr(api, name)(docs[0], config)
    if jieba_too:
        import jieba

        jieba.setLogLevel(logging.WARNING)
        jieba.initialize()
        fns["jieba.lcut"] = lambda: [jieba.lcut(t) for t in texts]
    order = ["floor"] + (["jieba.lcut"] if jieba_too else []) + stages
    best = {name: float("inf") for name in order}
    for _ in range(repeat):
        for name in order:
            best[name] = min(best[name], cpu_time(fns[name]))
    floor = best["floor"]
    print(f"\n{label}: {len(texts)} document(s), {size:.2f} MB; best of {repeat}")
    print(f"  {'stage':<12}{'MB/s':>9}{'x floor time':>14}{'vs jieba.lcut':>15}  goal")
    for name in order:
        mbs = size / best[name]
        vs_jieba = f"{best['jieba.lcut'] / best[name]:.2f}x" if jieba_too and name != "floor" else ""
        goal = GOALS.get(name)
        mark = ("" if goal is None else f"≥ {goal:g} MB/s " + ("met" if mbs >= goal else "NOT met"))
        print(f"  {name:<12}{mbs:9.1f}{best[name] / floor:14.1f}{vs_jieba:>15}  {mark}")
    if profile:
        prof = cProfile.Profile()
        prof.runcall(fns[profile])
        out = io.StringIO()
        pstats.Stats(prof, stream=out).sort_stats("tottime").print_stats(20)
        print(f"\n  profile of {profile} ({label}), by own time:")
        print("\n".join("    " + line for line in out.getvalue().splitlines() if line.strip()))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mb", type=float, default=5.0, help="size of the simplified input (default 5)")
    ap.add_argument("--repeat", type=int, default=3, help="rounds; the best of each stage is shown")
    ap.add_argument("--only", default=",".join(STAGES), help="stages to time, comma-separated")
    ap.add_argument("--inputs", default="simplified,concatenated", help="simplified, concatenated or both")
    ap.add_argument("--no-jieba", action="store_true", help="skip jieba.lcut (it takes ~5 s per MB)")
    ap.add_argument("--profile", choices=STAGES, help="print a cProfile of one stage after the figures")
    a = ap.parse_args()
    stages = [s for s in a.only.split(",") if s]
    unknown = set(stages) - set(STAGES)
    if unknown:
        sys.exit(f"unknown stage(s): {', '.join(sorted(unknown))}; stages: {', '.join(STAGES)}")
    from speechkit import segment
    from speechkit.normalize import script

    print(f"backends: OpenCC {script.available_backends()[0]}, segmentation {segment.available_backends()[0]}")
    inputs = a.inputs.split(",")
    if "simplified" in inputs:
        texts, size = speeches(a.mb)
        run("simplified", texts, size, stages, a.repeat, not a.no_jieba, a.profile)
    if "concatenated" in inputs:
        whole = "\n".join(t for _, t in corpus_texts())
        run("concatenated (the whole corpus in one file)", [whole], len(whole.encode("utf-8")) / 1e6,
            stages, a.repeat, not a.no_jieba, a.profile)
    return 0


if __name__ == "__main__":
    sys.exit(main())
