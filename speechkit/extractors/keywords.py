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
from itertools import accumulate, compress, repeat
from operator import ge, mul, truediv
from typing import Iterable, Iterator

from speechkit.config import Config
from speechkit.model import Document, Keyword

DEFAULT_TOP = 20
# Characters segmented at a time: bounds the token list's memory (about 30 bytes a character
# for a whole-text list) at no cost in speed.
SEGMENT_CHUNK = 1_000_000
# Decimal places kept in weights (stable output; finer differences are noise).
WEIGHT_DIGITS = 6

_HAN_RANGE = "\u4e00-\u9fff"  # what a term is made of


@dataclass(frozen=True)
class TermCounts:
    """How often each candidate term occurs in one document, and where first."""

    counts: dict[str, int]
    first: dict[str, tuple[int, int]]
    total: int


def term_counts(doc: Document, config: Config) -> TermCounts:
    """Counted with C-level loops (a per-token Python loop was most of the time with the
    fast backend): count every word of a piece (a Counter keeps the words in the order they
    first occur), keep the distinct words that are terms, find each one's first index by
    scanning on from the previous one's, and place it through the running sum of word
    lengths."""
    from speechkit.segment import keyword_lexicon, words

    lex = keyword_lexicon(config)
    stop = set(lex.stop_words)
    is_term = re.compile(f"[{_HAN_RANGE}]{{{max(lex.min_length, 1)},}}").fullmatch
    total: Counter[str] = Counter()
    places: dict[str, tuple[int, int]] = {}
    for start, chunk in _pieces(doc.norm, doc.body_start):
        toks = words(chunk, config)
        seen = Counter(toks)
        if total:
            total.update(seen)
        else:
            total = seen
        new = [w for w in compress(seen, map(is_term, seen)) if w not in stop and w not in places]
        if not new:
            continue
        starts = list(accumulate(map(len, toks), initial=start))
        index = toks.index
        i = 0
        for w in new:  # in the order of their first occurrence
            i = index(w, i)
            places[w] = (starts[i], starts[i] + len(w))
    counts = {w: total[w] for w in places}
    return TermCounts(counts, places, sum(counts.values()))


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
    """Terms by weight (rounded to WEIGHT_DIGITS), then count, then first place; records are
    built for the top only. Rounding is monotonic, so no term whose exact weight is below
    the top-th largest by more than the rounding can reach the top: only the others are
    rounded and sorted."""
    terms, first = list(tc.counts), tc.first
    ns = list(tc.counts.values())
    weights = list(map(mul, map(truediv, ns, repeat(tc.total)), map(idf.get, terms, repeat(default))))
    keep: Iterable[int] = range(len(terms))
    if top is not None and len(terms) > top:
        if top <= 0:
            return []
        bound = heapq.nlargest(top, weights)[-1] - 2 * 10.0 ** -WEIGHT_DIGITS
        keep = compress(keep, map(ge, weights, repeat(bound)))
    rows = sorted((-round(weights[i], WEIGHT_DIGITS), -ns[i], first[terms[i]][0], terms[i])
                  for i in keep)  # first places differ, so no two rows tie
    if top is not None:
        rows = rows[:top]
    return [Keyword(w, -nw, -nn, first[w]) for nw, nn, _s, w in rows]


def extract_keywords(doc: Document, config: Config, top: int | None = DEFAULT_TOP) -> list[Keyword]:
    from speechkit.segment import idf_table

    tc = term_counts(doc, config)
    if not tc.total:
        return []
    table, median = idf_table()
    return _ranked(tc, table, median, top)
