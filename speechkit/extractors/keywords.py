"""Keywords (SPEC §3 "Keyword"): TF-IDF over jieba words of the body text, with a
speech-aware stop list. Pure functions of the Document (and, for ``distinctive``, of the
other documents' term counts).

``extract_keywords`` weighs terms against jieba's general IDF table; ``rank_distinctive``
re-weighs a batch against itself (corpus IDF), so each file's terms stand out from the others.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass

from speechkit.config import Config
from speechkit.extractors.slogans import body_start, fold
from speechkit.model import Document, Keyword

DEFAULT_TOP = 20
# Decimal places kept in weights (stable output; finer differences are noise).
WEIGHT_DIGITS = 6

_HAN = re.compile(r"[\u4e00-\u9fff]+")


@dataclass(frozen=True)
class TermCounts:
    """How often each candidate term occurs in one document, and where first."""

    counts: dict[str, int]
    first: dict[str, tuple[int, int]]
    total: int


def term_counts(doc: Document, config: Config) -> TermCounts:
    from speechkit.segment import tokens

    lex = config.lexicon("keywords")
    stop, min_len = set(lex["stop_words"]), lex["min_length"]
    lo = body_start(fold(doc.norm))
    counts: dict[str, int] = {}
    first: dict[str, tuple[int, int]] = {}
    total = 0
    for word, s, e in tokens(doc.norm[lo:], config):
        if len(word) < min_len or word in stop or not _HAN.fullmatch(word):
            continue
        total += 1
        counts[word] = counts.get(word, 0) + 1
        first.setdefault(word, (lo + s, lo + e))
    return TermCounts(counts, first, total)


def _ranked(tc: TermCounts, idf: dict[str, float], default: float, top: int | None) -> list[Keyword]:
    scored = [Keyword(w, round(n / tc.total * idf.get(w, default), WEIGHT_DIGITS), n, tc.first[w])
              for w, n in tc.counts.items()]
    scored.sort(key=lambda k: (-k.weight, -k.count, k.span[0] if k.span else 0))
    return scored[:top] if top is not None else scored


def extract_keywords(doc: Document, config: Config, top: int | None = DEFAULT_TOP) -> list[Keyword]:
    from speechkit.segment import idf_table

    tc = term_counts(doc, config)
    if not tc.total:
        return []
    table, median = idf_table()
    return _ranked(tc, table, median, top)


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


def rank_distinctive(batch: list[TermCounts], top: int | None = DEFAULT_TOP) -> list[list[Keyword]]:
    """Each document's terms weighed by corpus IDF over ``batch``."""
    idf = corpus_idf([tc.counts for tc in batch])
    return [_ranked(tc, idf, 1.0, top) if tc.total else [] for tc in batch]
