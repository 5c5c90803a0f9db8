"""Build a Document's text layers from raw text (SPEC §1)."""
from __future__ import annotations

import re

from speechkit.config import Config
from speechkit.model import Document, Source
from speechkit.normalize.clean import clean_text
from speechkit.normalize.script import script_of, to_simplified


# A carriage return not followed by a line feed (old Mac OS, some exporters) ends a line.
_LONE_CR = re.compile(r"\r(?!\n)")


def build_document(raw: str, source: Source, config: Config) -> Document:
    # lone CRs become LFs for cleaning and extraction: one character for one, so every offset
    # still points into raw, which stays as it was (Document.line_of counts them too)
    text = _LONE_CR.sub("\n", raw) if "\r" in raw else raw
    clean, offset_map, noise = clean_text(text, config)
    script, traditional = script_of(clean)
    # text without Traditional characters is the common case, and conversion the slow step
    norm = to_simplified(clean) if traditional else clean
    return Document(source=source, raw=raw, clean=clean, norm=norm, clean_map=offset_map,
                    script=script, noise_removed=tuple(noise))
