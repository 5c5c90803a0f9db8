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
