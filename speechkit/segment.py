"""Word segmentation: the only module that imports jieba (or rjieba).

jieba is slow to load and chatty ("Building prefix dict…" on stderr), so it is imported on
first use only, its logger is kept quiet, and a private ``jieba.Tokenizer`` is used so the
user dictionary of political terms (lexicons/keywords.yaml ``user_words``) never leaks into
the global one other code may use.

rjieba (jieba-rs: the same dictionary, DAG and HMM in Rust, ~20x faster; a default dependency,
and if it cannot be imported jieba does it all) cuts the text instead, but only where its
tokens are jieba's:

- jieba cuts a text block by block (runs of Han characters, ASCII letters, digits and
  ``+#&._%-``), each block on its own; everything between blocks is one token a character.
  In a block both take the same route through the DAG (same words, same sums of log
  frequencies in the same order, same tie-break) and cut each run of single characters of
  the route the same way (a dictionary word: character by character; else the HMM, on its
  Han and, apart, on its ASCII). They differ in three places only: rjieba's blocks also take
  CJK beyond jieba's Han range (``_RJIEBA_ONLY``); rjieba's HMM step cuts ASCII its own way
  (jieba cuts ``2011-2020`` into three tokens, rjieba keeps one); and where a dictionary
  word has ASCII in it (A股, 阿Q, C++) an ASCII run may be only partly in a run of single
  characters. So the text is cut at ``SEPARATORS`` (never inside a block, for either) into
  chunks; a chunk with any of the three (``_differ_at``) goes to jieba, the rest keep
  rjieba's words. An ASCII run anywhere else is single characters of the route, the whole
  ASCII part of its run of them, and ``finalseg.re_skip`` takes it whole (``_WHOLE_RUN``),
  as rjieba does: one token in both. That leaves 0.02% of the shared corpora to jieba
  (4.5% when every chunk with a digit went to it).
- user words are added to both. rjieba's ``add_word`` of a word already in the dictionary
  subtracts its old frequency from the total, jieba's does not; a word that no text can
  contain makes up the difference, so both weigh every route against the same total.

Three Han characters alike (长长长) also send their chunk to jieba: XX|X and X|XX weigh the
same, and rjieba's float sums break the tie otherwise. A known difference is left: rjieba's
HMM weights are not bit for bit jieba's, so a near tie of two HMM cuts (~1e-7 apart, 常在月)
may go either way (tests/test_segment.py, strict xfail); never seen in the corpora, and it
was there before for every all-Han chunk.

The chunking is exact by construction; that the two agree on the rest (same dictionary,
same route and HMM rules) is checked, not proved: tests/test_segment.py compares the tokens
and keyword records on the samples, the corpus test texts, hard cases and random mixes, and
measures rjieba's block characters code point by code point (the tokens were also equal on
all of the shared corpora). benchmarks/bench_keywords.py measures the speed-up.
``SPEECHKIT_JIEBA=jieba`` forces jieba.
"""
from __future__ import annotations

import logging
import math
import os
import re
import stat
import threading
from bisect import bisect_left
from functools import lru_cache
from importlib import resources
from itertools import accumulate, chain
from operator import itemgetter
from typing import Any, Iterable, Iterator

from speechkit.config import Config
from speechkit.lexicons.typed import KeywordsLexicon

# Frequency given to user words: high enough that 规模以上工业增加值 beats its parts in
# jieba's DAG (checked on the samples: 开门红, 高质量发展, 城镇调查失业率 stay whole).
USER_WORD_FREQ = 200000
BACKENDS = ("rjieba", "jieba")
# Characters between jieba blocks that both backends emit as tokens of their own (each is
# checked in tests/test_segment.py): a chunk boundary at one of them is a block boundary.
SEPARATORS = " \t\n\r\f\v\u3000，。、；：？！“”‘’（）《》〈〉【】「」『』〔〕…—～·,;:?!\"'()[]{}<>/|\\@^`=*$~"
_HAN = "\u4e00-\u9fd5"  # jieba's Han range (jieba.re_han_default without the ASCII)
# The ASCII that jieba and rjieba both put in blocks (beside the Han): a run of it in a block
# is cut by jieba's HMM step (finalseg.re_skip), by rjieba's in its own way.
_ASCII_BLOCK = "a-zA-Z0-9+#&._%\\-"
_ASCII_RUN = re.compile(f"[{_ASCII_BLOCK}]+")
# A run both cut into one token: finalseg.re_skip matches it whole (its \\d sees only ASCII here).
_WHOLE_RUN = re.compile(r"[a-zA-Z0-9]+(?:\.[0-9]+)?%?")
# Characters rjieba puts in blocks and jieba does not (rjieba's CJK ranges beyond jieba's;
# measured for every code point in tests/test_segment.py).
_RJIEBA_ONLY = re.compile("[\u3400-\u4dbf\u9fd6-\u9fff\uf900-\ufaff\U00020000-\U0002a6df"
                          "\U0002a700-\U0002ebef\U0002f800-\U0002fa1f]")
# Three Han characters alike (长长长): XX|X and X|XX weigh the same in exact arithmetic, and
# rjieba's sums round otherwise than jieba's, so either may win (长长长和: jieba 长长/长/和,
# rjieba 长/长长/和). Any character is matched (cheaper), the Han ones are kept.
_TRIPLE = re.compile(r"(.)\1\1")
_SEPARATOR = re.compile(f"[{re.escape(SEPARATORS)}]")
_LAST_SEPARATOR = re.compile(f"[{re.escape(SEPARATORS)}](?=[^{re.escape(SEPARATORS)}]*\\Z)")
# How far back the start of a chunk is looked for before searching the whole gap (a chunk
# is a clause between punctuation marks: almost always shorter).
CHUNK_LOOKBACK = 256
# A word in no block of any text (private-use characters are in no block of either backend).
_BALLAST_WORD = "\ue000\ue001"

_lock = threading.Lock()


def _quiet_jieba() -> Any:
    import jieba

    jieba.setLogLevel(logging.WARNING)
    return jieba


@lru_cache(maxsize=1)
def private_cache_dir() -> str:
    """A cache directory only this user can write: ``$XDG_CACHE_HOME/speechkit`` (default
    ``~/.cache/speechkit``), created with mode 0700. jieba ``marshal.load``s its cache, so a
    file another local user could plant (jieba's default is ``/tmp/jieba.cache``) must never
    be read. If that directory is not ours or is open to others, a fresh private temporary
    directory is used for this run instead (jieba then rebuilds its dictionary, ~1 s)."""
    import tempfile

    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    path = os.path.join(base, "speechkit")
    try:
        os.makedirs(path, mode=0o700, exist_ok=True)
        st = os.lstat(path)
        if stat.S_ISDIR(st.st_mode) and st.st_uid == os.getuid() and not st.st_mode & 0o022:
            return path
    except OSError:
        pass
    import atexit
    import shutil

    path = tempfile.mkdtemp(prefix="speechkit-cache-")
    atexit.register(shutil.rmtree, path, True)
    return path


@lru_cache(maxsize=4)
def _build(user_words: tuple[str, ...]) -> tuple[Any, int]:
    """jieba's tokenizer with the user words, and the dictionary frequency they replaced."""
    jieba = _quiet_jieba()
    tok = jieba.Tokenizer()
    tok.tmp_dir = private_cache_dir()  # jieba unmarshals its cache: never a shared /tmp file
    with _lock:
        tok.initialize()
    replaced = 0
    for word in user_words:
        replaced += tok.FREQ.get(word, 0)
        tok.add_word(word, USER_WORD_FREQ)
    return tok, replaced


@lru_cache(maxsize=4)
def _build_fast(user_words: tuple[str, ...]) -> Any:
    """rjieba with the same user words and the same total frequency as ``_build``'s."""
    import rjieba

    fast = rjieba.Jieba()
    for word in user_words:
        fast.add_word(word, USER_WORD_FREQ, None)
    replaced = _build(user_words)[1]
    if replaced:  # rjieba took the replaced frequencies off its total; jieba kept them
        fast.add_word(_BALLAST_WORD, replaced, None)
    return fast


@lru_cache(maxsize=None)
def available_backends() -> tuple[str, ...]:
    try:
        import rjieba  # noqa: F401
    except ImportError:
        return ("jieba",)
    return BACKENDS


def backend_name(backend: str | None = None) -> str:
    """The backend ``tokens`` uses: the one named, ``SPEECHKIT_JIEBA``, else the fastest."""
    return backend or os.environ.get("SPEECHKIT_JIEBA") or available_backends()[0]


def keyword_lexicon(config: Config) -> KeywordsLexicon:
    """The keywords lexicon of ``config`` (its user words are the segmenter's), typed, built once a run."""
    return config.compiled("keywords.lexicon", lambda c: KeywordsLexicon.of(c.lexicon("keywords")))


def tokenizer(config: Config) -> Any:
    """A private tokenizer with the config's user words (loading jieba takes ~0.5 s, so it
    is shared by every run in the process that has the same words)."""
    return _build(keyword_lexicon(config).user_words)[0]


def tokens(text: str, config: Config, backend: str | None = None) -> Iterator[tuple[str, int, int]]:
    """(word, start, end) for every word of ``text``; offsets are offsets into ``text``.
    Every backend gives jieba's tokens."""
    if backend_name(backend) == "jieba":
        return tokenizer(config).tokenize(text)
    words = keyword_lexicon(config).user_words
    return _fast_tokens(text, _build_fast(words), _build(words)[0], _ascii_words(words))


def words(text: str, config: Config, backend: str | None = None) -> list[str]:
    """The words of ``tokens(text)`` without their offsets (they add up to ``text``, so the
    offset of word ``i`` is the summed length of those before it): cheaper when only a few
    words need a place, as for keywords."""
    if backend_name(backend) == "jieba":
        return tokenizer(config).lcut(text)
    user_words = keyword_lexicon(config).user_words
    return _fast_words(text, _build_fast(user_words), _build(user_words)[0], _ascii_words(user_words))


@lru_cache(maxsize=4)
def _ascii_words(user_words: tuple[str, ...]) -> re.Pattern[str]:
    """Where a dictionary word with ASCII in it (A股, T恤, 阿Q, C++, user words) occurs in a
    text. Each alternative starts at the word's first ASCII character (what comes before it
    is a look-behind), so the search skips the Han at C speed."""
    ascii_char = re.compile(f"[{_ASCII_BLOCK}]")
    groups: dict[str, list[str]] = {}
    freq = _build(user_words)[0].FREQ
    for word in filter(ascii_char.search, freq):
        if freq[word] and len(word) > 1:
            i = ascii_char.search(word).start()
            behind = f"(?<={re.escape(word[:i + 1])})" if i else ""
            groups.setdefault(word[i], []).append(behind + re.escape(word[i + 1:]))
    alts = [re.escape(c) + "(?:" + "|".join(sorted(rest)) + ")" for c, rest in sorted(groups.items())]
    return re.compile("|".join(alts) or "(?!)")


def _fast_words(text: str, fast: Any, slow: Any, ascii_words: re.Pattern[str]) -> list[str]:
    """``_fast_tokens`` without offsets: rjieba's words, with those of every chunk where
    the two may differ replaced by jieba's."""
    cut = fast.cut(text)
    chunks = list(_jieba_chunks(text, ascii_words))
    if not chunks:
        return cut
    starts = list(accumulate(map(len, cut), initial=0))  # chunk bounds are word bounds
    out: list[str] = []
    i = 0
    for s, e in chunks:
        a = bisect_left(starts, s, i)
        b = bisect_left(starts, e, a)
        out += cut[i:a]
        out += slow.lcut(text[s:e])
        i = b
    out += cut[i:]
    return out


def _differ_at(text: str, ascii_words: re.Pattern[str]) -> list[int]:
    """Where in ``text`` rjieba's cut may differ from jieba's (sorted offsets): a character
    in rjieba's blocks but not in jieba's, a run of ASCII that jieba's HMM step cuts up
    (2011-2020, 1.2.3, C++), a dictionary word with ASCII in it, three Han characters alike
    (``_TRIPLE``: a tie of routes rjieba may break otherwise). Anywhere else, the two cut
    the same blocks along the same route (same dictionary, same DP sums in the same order)
    and the same single-character runs with the same HMM; an ASCII run there is single
    characters of the route (no word reaches into it) and both make it one token."""
    at: list[int] = []
    if _RJIEBA_ONLY.search(text):
        at += [m.start() for m in _RJIEBA_ONLY.finditer(text)]
    if not all(map(_WHOLE_RUN.fullmatch, _ASCII_RUN.findall(text))):
        at += [m.start() for m in _ASCII_RUN.finditer(text) if not _WHOLE_RUN.fullmatch(m.group())]
    at += [m.start() for m in ascii_words.finditer(text)]
    at += [m.start() for m in _TRIPLE.finditer(text) if "\u4e00" <= m.group(1) <= "\u9fd5"]
    return sorted(at)


def _jieba_chunks(text: str, ascii_words: re.Pattern[str]) -> Iterator[tuple[int, int]]:
    """The chunks of ``text`` (runs between separators) where rjieba's cut may differ from
    jieba's, in order."""
    done = 0
    for at in _differ_at(text, ascii_words):
        if at < done:
            continue
        lo = max(done, at - CHUNK_LOOKBACK)
        sep = _LAST_SEPARATOR.search(text, lo, at)
        if sep is None and lo > done:
            sep = _LAST_SEPARATOR.search(text, done, at)
        start = sep.end() if sep is not None else done
        nxt = _SEPARATOR.search(text, at)
        done = nxt.start() if nxt is not None else len(text)
        yield start, done


def _fast_tokens(text: str, fast: Any, slow: Any, ascii_words: re.Pattern[str]) -> Iterator[tuple[str, int, int]]:
    """rjieba's tokens of the whole text, with those of every chunk where the two may differ
    replaced by jieba's (both cut the same blocks; chunk boundaries are block boundaries)."""
    toks = fast.tokenize(text)
    parts: list[Iterable[tuple[str, int, int]]] = []
    i = 0
    start_of = itemgetter(1)
    for s, e in _jieba_chunks(text, ascii_words):
        a = bisect_left(toks, s, i, key=start_of)
        b = bisect_left(toks, e, a, key=start_of)
        parts.append(toks[i:a])
        parts.append([(w, s + ws, s + we) for w, ws, we in slow.tokenize(text[s:e])])
        i = b
    parts.append(toks[i:])
    return chain.from_iterable(parts)


@lru_cache(maxsize=1)
def idf_table() -> tuple[dict[str, float], float]:
    """jieba's IDF table (a general Chinese corpus) and its median, for unseen words. The file
    is read from jieba's package folder: ``jieba.analyse`` itself is not imported (it loads
    the part-of-speech tagger, 0.7 s)."""
    _quiet_jieba()
    text = resources.files("jieba").joinpath("analyse", "idf.txt").read_text(encoding="utf-8")
    table: dict[str, float] = {}
    for line in text.splitlines():
        word, _, value = line.partition(" ")
        if value:
            table[word] = float(value)
    values = sorted(table.values())
    return table, values[len(values) // 2] if values else math.log(10)
