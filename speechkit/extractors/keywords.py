"""Keywords (docs/records.md "Keyword"): TF-IDF over jieba words of the body text, with a
speech-aware stop list. Pure functions of the Document.

``extract_keywords`` weighs terms against jieba's general IDF table; ``analysis.corpus``
re-weighs a batch against itself (corpus IDF), so each file's terms stand out from the others.
"""
from __future__ import annotations

import heapq
import math
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from itertools import compress, filterfalse, repeat
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
    """How often each term occurs in one document (``counts``, in the order the terms first
    occur) and in all; ``first`` finds where the terms asked for first occur."""

    counts: dict[str, int]
    total: int
    placed: dict[str, tuple[int, int]]  # the first places of the terms of all but the last piece
    last: tuple[int, list[str]]  # the start and the words of the last piece

    def first(self, terms: Iterable[str]) -> dict[str, tuple[int, int]]:
        """(start, end) of the first occurrence of each of ``terms``, which come in the order
        of ``counts``: only the few terms ranked are placed, not all of them."""
        placed, terms = self.placed, list(terms)
        out = {w: placed[w] for w in terms if w in placed}
        if len(out) < len(terms):
            out.update(_place(*self.last, [w for w in terms if w not in placed]))
        return out


def _place(start: int, toks: list[str], terms: list[str]) -> dict[str, tuple[int, int]]:
    """First places of ``terms`` (in the order they first occur in ``toks``, words from
    ``start`` on): each one's index is looked for from the previous one's on, its offset
    is the previous one's plus the length of the words between."""
    out = {}
    index = toks.index
    i = prev = 0
    pos = start
    for w in terms:
        i = index(w, i)
        pos += sum(map(len, toks[prev:i]))
        prev = i
        out[w] = (pos, pos + len(w))
    return out


def term_counts(doc: Document, config: Config) -> TermCounts:
    """Counted with C-level loops (a per-token Python loop was most of the time with the
    fast backend): count every word of a piece (a Counter keeps the words in the order they
    first occur), keep the distinct words that are terms (one regex for length and script,
    then the stop list). The terms of a piece are placed when the next one comes; those of
    the last (usually the only) piece only when ``first`` asks."""
    from speechkit.segment import keyword_lexicon, words

    lex = keyword_lexicon(config)
    stop = set(lex.stop_words)
    is_term = re.compile(f"[{_HAN_RANGE}]{{{max(lex.min_length, 1)},}}").fullmatch
    total: Counter[str] = Counter()
    terms: dict[str, None] = {}
    placed: dict[str, tuple[int, int]] = {}
    last: tuple[int, list[str]] = (doc.body_start, [])
    new: list[str] = []
    for start, chunk in _pieces(doc.norm, doc.body_start):
        if new:
            placed.update(_place(*last, new))
        toks = words(chunk, config)
        seen = Counter(toks)
        if total:
            total.update(seen)
        else:
            total = seen
        new = list(filterfalse(stop.__contains__, filter(is_term, seen)))
        if terms:
            new = list(filterfalse(terms.__contains__, new))
        terms.update(dict.fromkeys(new))
        last = (start, toks)
    counts = dict(zip(terms, map(total.__getitem__, terms)))
    return TermCounts(counts, sum(counts.values()), placed, last)


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


def _ranked(tc: TermCounts, idf: dict[str, float], default: float, top: int | None,
            ceiling: float = math.inf) -> list[Keyword]:
    """Terms by weight (``count / total * idf`` rounded to WEIGHT_DIGITS), then count, then
    first place; records are built for the top only. Rounding is monotonic, so a term whose
    exact weight is below the top-th largest by more than the rounding cannot reach the top;
    a weight is at most ``count / total * ceiling`` (``ceiling``: the largest IDF there is),
    so most terms (a few occurrences each) are left out before their IDF is looked up, and
    only the rest are rounded, placed and sorted."""
    terms, ns = list(tc.counts), list(tc.counts.values())
    n = len(terms)
    shares = list(map(truediv, ns, repeat(tc.total)))
    keep: list[int] = list(range(n))
    if top is not None and n > top:
        if top <= 0:
            return []
        margin = 2 * 10.0 ** -WEIGHT_DIGITS
        if ceiling < math.inf:
            # the top-th largest weight is at least that of the most frequent terms
            most = sorted(ns, reverse=True)[min(4 * top, n) - 1]
            sure = list(compress(keep, map(ge, ns, repeat(most))))
            low = heapq.nlargest(top, _weights(sure, terms, shares, idf, default))[-1]
            keep = list(compress(keep, map(ge, map(mul, shares, repeat(ceiling)), repeat(low - margin))))
        weights = _weights(keep, terms, shares, idf, default)
        bound = heapq.nlargest(top, weights)[-1] - margin
        keep = list(compress(keep, map(ge, weights, repeat(bound))))
    weights = _weights(keep, terms, shares, idf, default)
    first = tc.first([terms[i] for i in keep])
    rows = sorted((-round(w, WEIGHT_DIGITS), -ns[i], first[terms[i]][0], terms[i])
                  for i, w in zip(keep, weights))  # first places differ, so no two rows tie
    if top is not None:
        rows = rows[:top]
    return [Keyword(w, -nw, -nn, first[w]) for nw, nn, _s, w in rows]


def _weights(keep: list[int], terms: list[str], shares: list[float], idf: dict[str, float],
             default: float) -> list[float]:
    """``count / total * idf`` of the terms at ``keep`` (the same float operations, in the
    same order, as for every term)."""
    return list(map(mul, map(shares.__getitem__, keep), map(idf.get, map(terms.__getitem__, keep), repeat(default))))


@lru_cache(maxsize=1)
def _idf_ceiling() -> float:
    """The largest IDF a term can have: the table's largest, or the default for unseen words."""
    from speechkit.segment import idf_table

    table, median = idf_table()
    return max(max(table.values(), default=median), median)


def extract_keywords(doc: Document, config: Config, top: int | None = DEFAULT_TOP) -> list[Keyword]:
    from speechkit.segment import idf_table

    tc = term_counts(doc, config)
    if not tc.total:
        return []
    table, median = idf_table()
    return _ranked(tc, table, median, top, _idf_ceiling())
