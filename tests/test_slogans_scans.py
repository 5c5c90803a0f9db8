"""The faster scans of slogans and parallel runs equal the plain ones they replace, on random
texts over a small alphabet (so that frames, quotes and numerals collide often)."""
from __future__ import annotations

import random
from collections import Counter

import pytest

from speechkit.config import Config
from speechkit.extractors import parallel, slogans
from speechkit.spans import Containers

COMP = Config().compiled("slogans", slogans._compile)
LEX = COMP.lex


def _texts(alphabet: str, n: int = 400, size: int = 60, seed: int = 7) -> list[str]:
    rnd = random.Random(seed)
    return ["".join(rnd.choice(alphabet) for _ in range(rnd.randint(1, size))) for _ in range(n)]


@pytest.mark.parametrize("rx", [COMP.formula_at, COMP.formula_lead], ids=["formula_at", "formula_lead"])
def test_matches_at_the_near_places_equal_finditer(rx):
    for text in _texts("二三十两个项大第一即是就指:，,。甲乙" + "四五"):
        near = [m.start() for m in COMP.formula_near.finditer(text)]
        assert [m.span() for m in slogans._matches_at(rx, text, near)] == [m.span() for m in rx.finditer(text)], text


def test_one_title_mark_scan_equals_the_alternation():
    for text in _texts("《》〈〉甲乙\n"):
        marks_in = [rx for o, rx in COMP.books_each if o in text]
        if len(marks_in) == 1:
            assert [m.span() for m in marks_in[0].finditer(text)] == [m.span() for m in COMP.books.finditer(text)]


def _segs(text: str) -> list[parallel.Seg]:
    return parallel._segments(text, 0, len(text), LEX.separators)


def test_frames_of_the_shared_characters_find_what_every_frame_finds():
    """_window given only the characters the three segments share finds the run it finds
    when every character of the first inner member may make a frame."""
    keep = lambda kind, arg: True  # noqa: E731
    tail_at = parallel._tail_search(LEX.member_tails)
    tried = 0
    for text in _texts("早晚动手安排启的、、、,", n=3000, size=30):
        segs = _segs(text)
        for a in range(len(segs) - 2):
            f, m1, g = (segs[a + k][2] for k in range(3))
            held = set(m1).intersection(f, g)
            if not (held and parallel.MIN_MEMBER <= len(m1) <= parallel.MAX_MEMBER and parallel._is_han(m1)):
                continue
            tried += 1
            assert (parallel._window(segs, a, held, tail_at, keep)
                    == parallel._window(segs, a, set(m1), tail_at, keep)), text
    assert tried > 100


def _recurring_plain(text: str, pieces: list[tuple[int, int, str]]) -> list[parallel.Run]:
    seen = []
    for ps, pe, piece in pieces:
        segs = parallel._segments(text, ps, pe, "、")
        if 3 <= len(segs) <= parallel.MAX_SEGMENTS:
            seen.extend(parallel._unframed(segs, parallel._tail_search(LEX.member_tails)))
    counts = Counter(r.members for r in seen)
    return [r for r in seen if counts[r.members] > 1]


def test_recurring_runs_skip_only_pieces_without_a_recurring_inner_phrase():
    rnd = random.Random(3)
    phrases = ["抢抓机遇", "乘势而上", "提速发展", "攻坚克难的", "甲乙丙"]
    found = 0
    for _ in range(300):
        text = "。".join(",".join("、".join(rnd.choice(phrases) for _ in range(rnd.randint(2, 4)))
                                 for _ in range(rnd.randint(1, 3))) for _ in range(rnd.randint(4, 12)))
        clauses = [(m.start(), m.end()) for m in COMP.clause_rx.finditer(text)]
        pieces = parallel.listed_pieces(text, clauses)
        got = parallel.recurring_runs(text, pieces, LEX)
        assert got == _recurring_plain(text, pieces), text
        found += len(got)
    assert found > 50


def test_one_containers_of_the_quotes_serves_formulas_and_runs():
    text = "同志们：\n坚持“早动手、早安排、早启动”，做到早动手、早安排、早启动，落实“两免一补”和两免一补。"
    quoted, spans = slogans._quoted(text, 0, COMP)
    in_quote = Containers(spans)
    runs = slogans._parallels(text, 0, in_quote, COMP, [])
    assert {r.key for r in runs} == {"早动手、早安排、早启动"}  # framed, and recurring (quoted once)
    assert all(r.spans[0][0] > text.index("”") for r in runs)  # none inside the quote


def test_clauses_skipped_by_the_frame_search_hold_no_run():
    """framed_runs skips the clauses where no frame is held (FrameRules.inner): it finds the
    runs it finds when it tries every clause."""
    import dataclasses
    import re

    every = dataclasses.replace(COMP.frames, inner=re.compile("(?s)."))
    rnd, found = random.Random(11), 0
    for _ in range(3000):
        seps = rnd.choice(["、", ",", "、、、,"])
        text = "。".join("".join("".join(rnd.choice("早实干动手抓的各") for _ in range(rnd.randint(1, 6))) + rnd.choice(seps)
                                 for _ in range(rnd.randint(2, 7))) for _ in range(rnd.randint(1, 3)))
        clauses = [(m.start(), m.end()) for m in COMP.clause_rx.finditer(text)]
        got = parallel.framed_runs(text, clauses, COMP.frames)
        assert got == parallel.framed_runs(text, clauses, every), text
        found += len(got)
    assert found > 100


def _held(kind: str, arg, f: str, m1: str, g: str) -> bool:
    """_window's test of a frame on the segments either side of the first inner member."""
    if kind == "prefix":
        return g.startswith(arg) and arg in f
    if kind == "mid":
        return g[arg[0]:arg[0] + 1] == arg[1] and f.rfind(arg[1]) >= arg[0]
    if kind == "suffix":
        return f.endswith(arg) and g.find(arg, 1) > 0
    lo, hi = parallel.ANY_FRAME_LENGTHS
    return lo <= len(m1) <= hi and len(f) >= len(m1) and arg in f[-len(m1):] and arg in g


@pytest.mark.parametrize("alphabet", ["早实干动", "早实干动手抓促稳"])
def test_the_frame_search_finds_every_window_with_a_held_frame(alphabet):
    rnd, held = random.Random(5), 0
    for _ in range(20000):
        f, m1, g = ("".join(rnd.choice(alphabet) for _ in range(rnd.randint(lo, 8))) for lo in (0, 2, 1))
        if len(m1) > parallel.MAX_MEMBER:
            continue
        if any(_held(kind, arg, f, m1, g) for kind, arg in parallel._frames(m1, set(m1))):
            held += 1
            text = f + rnd.choice("、,") + m1 + rnd.choice("、,") + g
            assert COMP.frames.inner.search(text), (f, m1, g)
    assert held > 1000


def test_the_numbered_scans_in_one_pass_equal_each_finditer():
    assert COMP.numbered.rx is not None  # a lead: the scans all start with a numeral class
    for text in _texts("一二两三四五十双个项村品免补江河第甲", n=600, size=80, seed=13):
        got = {i: [] for i in range(len(COMP.numbered.regexes))}
        for i, m in COMP.numbered.finditer(text):
            got[i].append(m.span())
        assert got == {i: [m.span() for m in rx.finditer(text)] for i, rx in enumerate(COMP.numbered.regexes)}


def test_occurrences_map_back_as_span_to_origin():
    for text in _texts("早实“”干「」甲", n=800, size=60, seed=17):
        dq, back = slogans._dequoted(text, 0, COMP)
        for key in ("早实", "实干", "早", "干甲早"):
            plain, i = [], dq.find(key)
            while i != -1:
                plain.append(back.span_to_origin(i, i + len(key)))
                i = dq.find(key, i + len(key))
            assert slogans._occurrences(dq, back, key) == plain, (text, key)


@pytest.mark.parametrize("automaton", [True, False], ids=["ahocorasick", "trie-regex"])
def test_one_pass_places_equal_a_find_per_key(monkeypatch, automaton):
    """The one pass (a long text with many slogans: Aho-Corasick, or without the fast extra
    a trie regex) finds each key's places as a str.find scan per key does: non-overlapping,
    leftmost first (哈哈 in 哈哈哈哈哈)."""
    import sys

    if automaton:
        pytest.importorskip("ahocorasick_rs")
    else:
        monkeypatch.setitem(sys.modules, "ahocorasick_rs", None)  # import fails
        monkeypatch.setattr(slogans, "TRIE_MIN_KEYS", 0)
    monkeypatch.setattr(slogans, "ONE_PASS_MIN", 0)
    rng = random.Random(11)
    for text in _texts("哈哈发展改革、开放创新", n=300, size=80):
        keys = list({text[i:i + rng.randint(1, 4)] for i in rng.sample(range(len(text)), min(6, len(text)))})
        keys += ["哈哈", "哈哈哈", "不在其中", ""]
        got = slogans._places(text, keys)
        assert got is not None
        for k in keys:
            assert got.get(k, []) == list(slogans._find_all(text, k)), (text, k)


@pytest.mark.parametrize("automaton", [True, False], ids=["ahocorasick", "trie-regex"])
def test_one_pass_gives_the_same_slogans_on_a_long_text(monkeypatch, automaton):
    import sys

    import speechkit
    from tests.conftest import ROOT

    if automaton:
        pytest.importorskip("ahocorasick_rs")
    else:
        monkeypatch.setitem(sys.modules, "ahocorasick_rs", None)
        monkeypatch.setattr(slogans, "TRIE_MIN_KEYS", 0)
    text = "\n".join(p.read_text(encoding="utf-8") for p in sorted((ROOT / "tests" / "data" / "corpora").glob("*.txt")))
    doc = speechkit.load(text=text)
    monkeypatch.setattr(slogans, "ONE_PASS_MIN", 0)
    fast = speechkit.api.slogans(doc)
    monkeypatch.setattr(slogans, "ONE_PASS_MIN", float("inf"))
    assert speechkit.api.slogans(doc) == fast and len(fast) > 100
