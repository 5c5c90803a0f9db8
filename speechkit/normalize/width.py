"""Width folding for matching: full-width ASCII forms (ＡＢＣ１２３，！) to ASCII, one
character for one, so offsets into the folded text are offsets into the original."""
from __future__ import annotations

_FOLD = {i: i - 0xFEE0 for i in range(0xFF01, 0xFF5F)}
_FOLD[0x3000] = 0x20  # the ideographic space


def fold(text: str) -> str:
    """Full-width ASCII forms to ASCII, 1:1 (offsets unchanged)."""
    return text.translate(_FOLD)
