"""Years: the year a speech is given, from its meta date, its file name or its targets'
periods, and the year words of ``lexicons/years.yaml`` (the year shape, the relative-year
words): a helper of the extractors (meta, targets) and of ``api`` and ``analysis/trend``."""
from __future__ import annotations

import re
from collections import Counter

from speechkit.lexicons import packaged

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
