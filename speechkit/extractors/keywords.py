"""Keywords (docs/records.md "Keyword"): TF-IDF over jieba words of the body text, with a
speech-aware stop list. Pure functions of the Document.

``extract_keywords`` weighs terms against jieba's general IDF table; ``analysis.corpus``
re-weighs a batch against itself (corpus IDF), so each file's terms stand out from the others.
"""
from __future__ import annotations

import heapq
import re
from collections import Counter
from dataclasses import dataclass
from itertools import accumulate
from typing import Iterator

from speechkit.config import Config
from speechkit.model import Document, Keyword

DEFAULT_TOP = 20
# Characters segmented at a time: bounds the token list's memory (about 30 bytes a character
# for a whole-text list) at no cost in speed.
SEGMENT_CHUNK = 1_000_000
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
    """Counted with C-level loops (the per-token Python loop was most of the time with the
    fast backend): count every word, filter the distinct ones, and place each kept word at
    its first occurrence through the running sum of word lengths."""
    from speechkit.segment import keyword_lexicon, words

    lex = keyword_lexicon(config)
    stop, min_len = set(lex.stop_words), lex.min_length
    lo = doc.body_start
    total: Counter[str] = Counter()
    places: dict[str, tuple[int, int]] = {}
    for start, chunk in _pieces(doc.norm, lo):
        toks = words(chunk, config)
        total.update(toks)
        first_index = dict(zip(reversed(toks), range(len(toks) - 1, -1, -1)))  # earliest wins
        starts = list(accumulate(map(len, toks), initial=start))
        for w, i in first_index.items():
            if w not in places:
                places[w] = (starts[i], starts[i] + len(w))
    counts = {w: n for w, n in total.items() if len(w) >= min_len and w not in stop and _HAN.fullmatch(w)}
    return TermCounts(counts, {w: places[w] for w in counts}, sum(counts.values()))


def _pieces(text: str, lo: int) -> Iterator[tuple[int, str]]:
    """``text[lo:]`` in pieces of about SEGMENT_CHUNK characters, cut after a line break or a
    full stop (where the segmenter cuts anyway, so the words are the same): the token list of
    a 100 MB speech would otherwise need gigabytes."""
    while lo < len(text):
        end = lo + SEGMENT_CHUNK
        if end < len(text):
            cut = max(text.rfind("\n", lo, end), text.rfind("。", lo, end))
            end = cut + 1 if cut > lo else end
        yield lo, text[lo:end]
        lo = end


def _ranked(tc: TermCounts, idf: dict[str, float], default: float, top: int | None) -> list[Keyword]:
    """Terms by weight, then count, then first place; records are built for the top only."""
    get, total, first = idf.get, tc.total, tc.first
    rows = [(-round(n / total * get(w, default), WEIGHT_DIGITS), -n, first[w][0], w)
            for w, n in tc.counts.items()]  # first places differ, so no two rows tie
    rows = heapq.nsmallest(top, rows) if top is not None else sorted(rows)
    return [Keyword(w, -nw, -nn, first[w]) for nw, nn, _s, w in rows]


def extract_keywords(doc: Document, config: Config, top: int | None = DEFAULT_TOP) -> list[Keyword]:
    from speechkit.segment import idf_table

    tc = term_counts(doc, config)
    if not tc.total:
        return []
    table, median = idf_table()
    return _ranked(tc, table, median, top)
