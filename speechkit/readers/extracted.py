"""What a reader returns: the text of a file, and where its pages or paragraphs begin."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Extracted:
    """A file's text; ``unit`` is ``page``/``paragraph`` (None for plain text) and ``starts``
    the offsets in ``text`` where unit 1, 2, … begin."""

    text: str
    encoding: str
    unit: str | None = None
    starts: tuple[int, ...] = ()
