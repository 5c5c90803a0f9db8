"""Years: the year a speech is given, from its meta date, its file name or its targets'
periods, and the year words of ``lexicons/years.yaml`` (the year shape, the relative-year
words): a helper of the extractors (meta, targets) and of ``api`` and ``analysis/trend``."""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import cached_property

from speechkit.lexicons import packaged
from speechkit.regex_lead import Lead

_LEX = packaged("years")
# A year written in digits (a regex, 1900–2099).
YEAR: str = _LEX["year"]
# Period word -> offset from the year the text speaks from (今年 0, 去年 -1).
RELATIVE_YEARS: dict[str, int] = _LEX["relative"]
WHOLE_YEAR: str = _LEX["whole_year"]
# Period words that mean the year the text speaks from, and the year before it; an achieved
# figure of the whole year (全年) is the year before's, as a speech reviews it.
THIS_YEAR_WORDS = tuple(w for w, v in RELATIVE_YEARS.items() if v == 0)
LAST_YEAR_WORDS = tuple(w for w, v in RELATIVE_YEARS.items() if v == -1) + (WHOLE_YEAR,)

# A speech year in a file name: a year not inside a longer number (gwr-00-2025.txt -> 2025).
YEAR_IN_NAME = re.compile(rf"(?<!\d)({YEAR})(?!\d)")


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


@dataclass(frozen=True)
class YearRules:
    """The ``year_*`` entries of the meta lexicon, compiled (``meta._compile``)."""
    title: re.Pattern[str]  # a year in the title (group y)
    review: re.Pattern[str]  # the review heading's year (2024年工作回顾)
    plan_heading: re.Pattern[str]  # a numbered plan heading opening with a year
    statement: re.Pattern[str]  # "2013年是…"
    statement_reach: int  # how far after a statement 今年/去年 is looked for
    statement_this: tuple[str, ...]
    statement_last: tuple[str, ...]

    @cached_property
    def statement_scan(self) -> Lead:
        """``statement`` as a one-pass lead: it starts with a look-behind (no digit before the
        year), so its own ``finditer`` would try it at every position (4x slower)."""
        return Lead([self.statement])


def text_year(title: str, text: str, date: str | None, rules: YearRules) -> int | None:
    """The year a text speaks from, from its own words (the year a work report plans for: the
    2025 report reviews 2024): ``own_year`` (its title, the date it gives itself), else
    ``body_year`` (its headings and statements). ``rules``: the compiled ``year_*`` entries of
    the meta lexicon."""
    year = own_year(title, date, rules)
    return year if year is not None else body_year(text, rules)


def own_year(title: str, date: str | None, rules: YearRules) -> int | None:
    """A year in the title, else the year of the date the text gives itself: what the header
    says, before any search of the body."""
    m = rules.title.search(title or "")
    if m:
        return int(m.group("y"))
    if date:
        return int(date[:4])
    return None


def body_year(text: str, rules: YearRules) -> int | None:
    """The year after the one the review heading looks back on (2020年工作回顾 -> 2021), else
    the year a numbered plan heading opens with (二、2018年经济社会发展总体要求…), else a
    statement "2013年是…" whose paragraph goes on about 今年 (that year) or 去年 (the year
    after)."""
    m = rules.review.search(text)
    if m:
        return _year(m) + 1
    m = rules.plan_heading.search(text)
    if m:
        return _year(m)
    for _, m in rules.statement_scan.finditer(text):
        after = text[m.end():m.end() + rules.statement_reach]
        this = min((i for w in rules.statement_this if (i := after.find(w)) >= 0), default=None)
        last = min((i for w in rules.statement_last if (i := after.find(w)) >= 0), default=None)
        if this is not None and (last is None or this < last):
            return _year(m)
        if last is not None:
            return _year(m) + 1
    return None


def _year(m: re.Match) -> int:
    """The year a match's ``y`` group names, letter-spaced or not (1 9 9 8 -> 1998)."""
    return int(m.group("y").replace(" ", ""))
