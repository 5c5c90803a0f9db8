"""`analyze` on ≥ 10 MB of speeches against `jieba.lcut` alone on the same text, in one run.

    python benchmarks/bench_analyze.py [--mb 10]

The corpus is the Simplified corpus texts, whole, repeated to the size asked: a batch of
real speeches, analysed one document at a time in one process (as `speechkit analyze -j 1`
does). Goal (issue #5): analyze costs at most 1.3x what jieba.lcut alone costs.
"""
from __future__ import annotations

import argparse
import logging
import time

from common import corpus_texts, speeches

from speechkit import api, segment
from speechkit.config import Config


def main(mb: float) -> None:
    docs, size = speeches(mb)
    print(f"{len(docs)} speeches, {size:.1f} MB")

    import jieba

    jieba.setLogLevel(logging.WARNING)
    jieba.initialize()
    t = time.perf_counter()
    for text in docs:
        jieba.lcut(text)
    base = time.perf_counter() - t
    print(f"jieba.lcut alone ............ {base:6.1f} s  {size / base:5.2f} MB/s")

    config = Config()
    api.analysis_records(api.load(text=docs[0], config=config), config)  # warm: lexicons, tokenizer
    parts = {"load": 0.0, "outline": 0.0, "targets": 0.0, "slogans": 0.0, "meta": 0.0, "keywords": 0.0}
    total = time.perf_counter()
    for text in docs:
        t = time.perf_counter()
        doc = api.load(text=text, config=config)
        parts["load"] += time.perf_counter() - t
        for name in ("outline", "targets", "slogans", "meta", "keywords"):
            t = time.perf_counter()
            getattr(api, name)(doc, config)
            parts[name] += time.perf_counter() - t
    total = time.perf_counter() - total
    print(f"analyze (segmentation: {getattr(segment, 'backend_name', lambda: 'jieba')()}) {total:6.1f} s  {size / total:5.2f} MB/s"
          f"  = {total / base:.2f}x jieba.lcut (goal <= 1.3x)")
    print("  " + ", ".join(f"{k} {v:.1f} s" for k, v in parts.items()))


def corpus_check() -> None:
    """Every corpus text, Traditional ones included, through the whole analysis."""
    from speechkit.errors import SpeechkitError

    config, errors, records = Config(), 0, 0
    texts = corpus_texts()
    for name, text in texts:
        try:
            records += len(api.analysis_records(api.load(text=text, config=config), config))
        except SpeechkitError as exc:
            errors += 1
            print(f"ERROR {name}: {exc}")
    print(f"all {len(texts)} corpus texts through analyze: {records} records, {errors} errors")


if __name__ == "__main__":
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mb", type=float, default=10.0)
    main(ap.parse_args().mb)
    corpus_check()
