"""The year a speech is given, from its meta date, its file name or its targets' periods:
a helper of the extractors (meta, targets) and of ``api.file_summary``."""
from __future__ import annotations

import re
from collections import Counter

# A speech year in a file name: 1900-2099 not inside a longer number (gwr-00-2025.txt -> 2025).
YEAR_IN_NAME = re.compile(r"(?<!\d)(19\d\d|20\d\d)(?!\d)")


def speech_year(date: str | None, name: str, periods: list[int | None] = ()) -> int | None:
    """The year a speech is given: its meta date, else a year in the file name, else the most
    common period its targets name (None when nothing tells)."""
    if date and date[:4].isdigit():
        return int(date[:4])
    found = YEAR_IN_NAME.findall(name.replace("\\", "/").rsplit("/", 1)[-1])
    if found:
        return int(found[-1])
    counted = Counter(p for p in periods if p)
    return counted.most_common(1)[0][0] if counted else None


def text_year(title: str, text: str, date: str | None, rules: dict) -> int | None:
    """The year a text speaks from, from its own words (the year a work report plans for: the
    2025 report reviews 2024): a year in its title, else the date it gives itself, else the
    year after the one its review heading looks back on (2020年工作回顾 -> 2021), else the year
    a numbered plan heading opens with (二、2018年经济社会发展总体要求…), else a statement
    "2013年是…" whose paragraph goes on about 今年 (that year) or 去年 (the year after).
    ``rules``: compiled ``year_*`` entries of the meta lexicon (``meta._compile``)."""
    m = rules["year_title"].search(title or "")
    if m:
        return int(m.group("y"))
    if date:
        return int(date[:4])
    m = rules["year_review"].search(text)
    if m:
        return _year(m) + 1
    m = rules["year_plan_heading"].search(text)
    if m:
        return _year(m)
    for m in rules["year_statement"].finditer(text):
        after = text[m.end():m.end() + rules["year_statement_reach"]]
        this = min((i for w in rules["year_statement_this"] if (i := after.find(w)) >= 0), default=None)
        last = min((i for w in rules["year_statement_last"] if (i := after.find(w)) >= 0), default=None)
        if this is not None and (last is None or this < last):
            return _year(m)
        if last is not None:
            return _year(m) + 1
    return None


def _year(m: re.Match) -> int:
    """The year a match's ``y`` group names, letter-spaced or not (1 9 9 8 -> 1998)."""
    return int(m.group("y").replace(" ", ""))
