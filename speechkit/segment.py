"""Word segmentation: the only module that imports jieba.

jieba is slow to load and chatty ("Building prefix dict…" on stderr), so it is imported on
first use only, its logger is kept quiet, and a private ``jieba.Tokenizer`` is used so the
user dictionary of political terms (lexicons/keywords.yaml ``user_words``) never leaks into
the global one other code may use.
"""
from __future__ import annotations

import logging
import math
import threading
from functools import lru_cache
from importlib import resources
from typing import Any, Iterator

from speechkit.config import Config

# Frequency given to user words: high enough that 规模以上工业增加值 beats its parts in
# jieba's DAG (checked on the samples: 开门红, 高质量发展, 城镇调查失业率 stay whole).
USER_WORD_FREQ = 200000

_lock = threading.Lock()


def _quiet_jieba() -> Any:
    import jieba

    jieba.setLogLevel(logging.WARNING)
    return jieba


@lru_cache(maxsize=4)
def _build(user_words: tuple[str, ...]) -> Any:
    jieba = _quiet_jieba()
    tok = jieba.Tokenizer()
    with _lock:
        tok.initialize()
    for word in user_words:
        tok.add_word(word, USER_WORD_FREQ)
    return tok


def tokenizer(config: Config) -> Any:
    """A private tokenizer with the config's user words (loading jieba takes ~0.5 s, so it
    is shared by every run in the process that has the same words)."""
    return _build(tuple(config.lexicon("keywords")["user_words"]))


def tokens(text: str, config: Config) -> Iterator[tuple[str, int, int]]:
    """(word, start, end) for every word of ``text``; offsets are offsets into ``text``."""
    yield from tokenizer(config).tokenize(text)


@lru_cache(maxsize=1)
def idf_table() -> tuple[dict[str, float], float]:
    """jieba's IDF table (a general Chinese corpus) and its median, for unseen words."""
    _quiet_jieba()
    text = resources.files("jieba.analyse").joinpath("idf.txt").read_text(encoding="utf-8")
    table: dict[str, float] = {}
    for line in text.splitlines():
        word, _, value = line.partition(" ")
        if value:
            table[word] = float(value)
    values = sorted(table.values())
    return table, values[len(values) // 2] if values else math.log(10)
