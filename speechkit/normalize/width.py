"""Width folding for matching: full-width ASCII forms (ＡＢＣ１２３，！) to ASCII, one
character for one, so offsets into the folded text are offsets into the original."""
from __future__ import annotations

_FOLD = {i: i - 0xFEE0 for i in range(0xFF01, 0xFF5F)}
_FOLD[0x3000] = 0x20  # the ideographic space


_PAIRS = tuple((chr(wide), chr(narrow)) for wide, narrow in _FOLD.items())


def fold(text: str) -> str:
    """Full-width ASCII forms to ASCII, 1:1 (offsets unchanged)."""
    # the same as text.translate(_FOLD), ~4x faster on Chinese text: a text holds few of the
    # 95 forms (，：；（）), and a search and replace per form runs in C over the whole text
    for wide, narrow in _PAIRS:
        if wide in text:
            text = text.replace(wide, narrow)
    return text
