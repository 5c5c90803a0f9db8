"""`keywords` counts and ranks with shortcuts (terms placed on demand, most IDFs never looked
up, only the weights that can reach the top rounded): its records must be those of the plain
algorithm, written out here once more (count every term, place it, weigh and round all, sort)."""
from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import speechkit
from speechkit import segment
from speechkit.config import Config
from speechkit.extractors import keywords as kw
from speechkit.model import Keyword
from tests.conftest import ROOT, SAMPLES

TEXTS = SAMPLES + sorted((ROOT / "tests" / "data" / "corpora").glob("*.txt"))


def plain_keywords(doc, config: Config, top: int | None) -> list[Keyword]:
    """The algorithm `extract_keywords` must agree with: a Python loop over jieba's words."""
    lex = segment.keyword_lexicon(config)
    counts: dict[str, int] = {}
    first: dict[str, tuple[int, int]] = {}
    pos = doc.body_start
    for w in segment.words(doc.norm[doc.body_start:], config, "jieba"):
        if len(w) >= lex.min_length and w not in lex.stop_words and all("\u4e00" <= c <= "\u9fff" for c in w):
            counts[w] = counts.get(w, 0) + 1
            first.setdefault(w, (pos, pos + len(w)))
        pos += len(w)
    return plain_ranked(counts, first, *segment.idf_table(), top)


def plain_ranked(counts, first, idf, default, top, total=None):
    total = total or sum(counts.values())
    rows = sorted((-round(n / total * idf.get(w, default), kw.WEIGHT_DIGITS), -n, first[w][0], w)
                  for w, n in counts.items())
    rows = rows[:max(top, 0)] if top is not None else rows
    return [Keyword(w, -nw, -nn, first[w]) for nw, nn, _s, w in rows]


@pytest.fixture(scope="module")
def config() -> Config:
    return Config()


@pytest.mark.parametrize("path", TEXTS, ids=lambda p: p.stem)
def test_keywords_equal_the_plain_algorithm(config, path):
    doc = speechkit.load(str(path))
    for top in (None, 0, 1, 3, 20, 100_000):
        assert speechkit.api.keywords(doc, config, top=top) == plain_keywords(doc, config, top), top


@pytest.mark.parametrize("chunk", [300, 5000])
def test_keywords_of_a_text_in_many_pieces_equal_the_plain_algorithm(config, monkeypatch, chunk):
    """Terms of all pieces but the last are placed piece by piece, the last piece's on demand."""
    monkeypatch.setattr(kw, "SEGMENT_CHUNK", chunk)
    docs = [speechkit.load(str(p)) for p in (SAMPLES[0], TEXTS[-1])]
    for doc in docs:
        assert len(list(kw._pieces(doc.norm, doc.body_start))) > 1
        for top in (None, 20):
            assert speechkit.api.keywords(doc, config, top=top) == plain_keywords(doc, config, top), top


def test_first_places_in_any_order_of_asking(config):
    doc = speechkit.load(str(SAMPLES[0]))
    tc = kw.term_counts(doc, config)
    terms = list(tc.counts)
    every = tc.first(terms)
    assert list(every) == terms
    for w, (s, e) in every.items():
        assert doc.norm[s:e] == w
    assert tc.first(terms[5:40:3]) == {w: every[w] for w in terms[5:40:3]}
    assert tc.first(iter(terms[:4])) == {w: every[w] for w in terms[:4]}


# Weights that round together or just apart: counts of a few, IDFs on a coarse grid (some
# a hair apart), totals that put count / total * idf near a multiple of 10 ** -WEIGHT_DIGITS.
@settings(max_examples=400, deadline=None)
@given(counts=st.lists(st.integers(1, 40), min_size=1, max_size=60),
       idfs=st.lists(st.sampled_from([0.5, 1.0, 2.0, 2.000001, 3.0, 7.5, 11.0, 11.0000004, 13.9]), min_size=60, max_size=60),
       unseen=st.sets(st.integers(0, 59)), extra=st.integers(0, 10 ** 7), top=st.integers(0, 70))
def test_ranked_equals_sorting_every_rounded_weight(counts, idfs, unseen, extra, top):
    terms = [chr(0x4e00 + i) * 2 for i in range(len(counts))]
    idf = {w: idfs[i] for i, w in enumerate(terms) if i not in unseen}
    default = 5.0
    tally = dict(zip(terms, counts))
    first = {w: (3 * i, 3 * i + 2) for i, w in enumerate(terms)}
    total = sum(counts) + extra
    tc = kw.TermCounts(tally, total, first, (0, []))
    expected = plain_ranked(tally, first, idf, default, top, total)
    assert kw._ranked(tc, idf, default, top, max([*idf.values(), default])) == expected
    assert kw._ranked(tc, idf, default, top) == expected  # no ceiling: every IDF looked up
    assert kw._ranked(tc, idf, default, None) == plain_ranked(tally, first, idf, default, None, total)


@pytest.mark.parametrize("top", [1, 2, 3])
def test_a_term_just_below_the_top_weight_wins_on_count_once_rounded(top):
    """乙's exact weight (0.0010003) is below 甲's (0.0010004), both round to 0.001, and 乙
    occurs more often: 乙 ranks first. A cut at the exact weights would lose it."""
    counts = {"甲甲": 1, "乙乙": 2, "丙丙": 1}
    idf = {"甲甲": 1.0004, "乙乙": 0.50015, "丙丙": 0.2}
    first = {"甲甲": (0, 2), "乙乙": (2, 4), "丙丙": (4, 6)}
    tc = kw.TermCounts(counts, 1000, first, (0, []))
    got = kw._ranked(tc, idf, 1.0, top, 1.0004)
    assert [k.keyword for k in got] == ["乙乙", "甲甲", "丙丙"][:top]
    assert got == plain_ranked(counts, first, idf, 1.0, top, 1000)
