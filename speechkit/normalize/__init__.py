"""Build a Document's text layers from raw text (SPEC §1)."""
from __future__ import annotations

from speechkit.config import Config
from speechkit.model import Document, Source
from speechkit.normalize.clean import clean_text
from speechkit.normalize.script import script_of, to_simplified


def build_document(raw: str, source: Source, config: Config, unit: str | None = None,
                   unit_starts: tuple[int, ...] = ()) -> Document:
    clean, offset_map, noise = clean_text(raw, config)
    script, traditional = script_of(clean)
    # text without Traditional characters is the common case, and conversion the slow step
    norm = to_simplified(clean) if traditional else clean
    return Document(source=source, raw=raw, clean=clean, norm=norm, clean_map=offset_map,
                    script=script, noise_removed=tuple(noise), unit=unit, unit_starts=unit_starts)
