"""meta's place-name scan: the Aho-Corasick automaton of the ``fast`` extra finds exactly the
names the trie regex finds (issue 16), on invented lines and on every corpus text."""
from __future__ import annotations

import dataclasses

import pytest

import speechkit
from speechkit.config import Config
from speechkit.extractors import jurisdiction as jx
from speechkit.normalize.width import fold

from .test_script_lines import corpus_texts


@pytest.fixture(scope="module")
def names():
    from speechkit.extractors.meta import _compile

    got = jx.compile_names(Config().compiled("meta", _compile).lex)
    if got.automaton is None:
        pytest.fail("the fast extra is not installed: pip install -e '.[fast]' (.ci/run installs it)")
    return got


def _both(text, lo, hi, names):
    return jx._find(text, lo, hi, names), jx._find(text, lo, hi, dataclasses.replace(names, automaton=None))


def test_automaton_and_regex_find_the_same_names(names):
    text = "山东省济南市历城区召开会议，山东人在济南。延边朝鲜族自治州和县"
    fast, slow = _both(text, 0, len(text), names)
    assert fast == slow and fast
    assert _both(text, 3, 12, names)[0] == _both(text, 3, 12, names)[1]
    assert _both(text, -5, 4, names)[0] == _both(text, -5, 4, names)[1]  # as finditer's pos


def test_automaton_and_regex_agree_on_every_corpus_text(names):
    for name, text in corpus_texts():
        t = fold(speechkit.load(text=text).norm)
        fast, slow = _both(t, 0, len(t), names)
        assert fast == slow, name


def test_whole_text_names_are_found_once(names, monkeypatch):
    calls = []
    real = jx._find
    monkeypatch.setattr(jx, "_find", lambda *a: calls.append(a[1:3]) or real(*a))
    text = jx._Mentions("济南市全市人民，济南市委。" * 3)
    for _ in range(3):
        assert jx._mentions(text, 0, len(text), names) == real(str(text), 0, len(text), names)
    assert calls == [(0, len(text))]
