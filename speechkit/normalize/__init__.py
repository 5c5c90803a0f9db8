"""Build a Document's text layers from raw text (docs/records.md "Text layers")."""
from __future__ import annotations

import re

from speechkit.config import Config
from speechkit.model import Document, Source
from speechkit.normalize.clean import clean_text
from speechkit.normalize.script import script_of, to_simplified, to_simplified_lines  # noqa: F401 (tests patch to_simplified)

# Where the body begins: the first line with sentence punctuation, full-width or ASCII (a
# title, navigation and a byline above it are not body). At most this many characters of a
# line are searched for it.
BODY_LINE_SCAN = 2000
_BODY_RX = re.compile(rf"^[^\n]{{0,{BODY_LINE_SCAN}}}?[。，,；;：:！!？?]", re.M)

# A carriage return not followed by a line feed (old Mac OS, some exporters) ends a line.
_LONE_CR = re.compile(r"\r(?!\n)")


def body_start(text: str) -> int:
    """Offset of the first line of the body in ``text`` (0 when it starts at once)."""
    m = _BODY_RX.search(text)
    if m is None:
        return 0
    return text.rfind("\n", 0, m.start() + 1) + 1 if m.start() else 0


def build_document(raw: str, source: Source, config: Config, unit: str | None = None,
                   unit_starts: tuple[int, ...] = ()) -> Document:
    # lone CRs become LFs for cleaning and extraction: one character for one, so every offset
    # still points into raw, which stays as it was (Document.line_of counts them too)
    text = _LONE_CR.sub("\n", raw) if "\r" in raw else raw
    clean, offset_map, noise = clean_text(text, config)
    script, traditional = script_of(clean)
    # text without Traditional characters is the common case, and conversion the slow step
    norm = to_simplified_lines(clean) if traditional else clean
    return Document(source=source, raw=raw, clean=clean, norm=norm, clean_map=offset_map,
                    script=script, noise_removed=tuple(noise), body_start=body_start(norm),
                    unit=unit, unit_starts=unit_starts)
