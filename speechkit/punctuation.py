"""Punctuation classes from ``lexicons/punctuation.yaml``: the one home of where a sentence,
a segment and a clause end. Each class holds the marks of its level and of every level
above it (a clause ends where a segment or a sentence does); the ``*_END`` classes add the
line break, which ends all three."""
from __future__ import annotations

from speechkit.lexicons import packaged

_LEX = packaged("punctuation")
SENTENCE_MARKS: str = _LEX["sentence_end"]
SEGMENT_MARKS: str = _LEX["segment_end"] + SENTENCE_MARKS
CLAUSE_MARKS: str = _LEX["clause_end"] + SEGMENT_MARKS
SENTENCE_END = SENTENCE_MARKS + "\n"
SEGMENT_END = SEGMENT_MARKS + "\n"
CLAUSE_END = CLAUSE_MARKS + "\n"
BEFORE_LIST: str = _LEX["before_list"]  # a formula's member list starts after the last of these
ITEM_LEAD: str = _LEX["item_lead"]  # between a numbered item's marker and its text
TITLE_LINE_STOPS: str = _LEX["title_line_stops"]  # a short line without these is a title
