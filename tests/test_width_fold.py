"""width.fold replaces the full-width forms a text holds one by one: it must give exactly
what one str.translate over the whole table gives, offsets unchanged."""
import random

from speechkit.normalize.width import _FOLD, fold


def test_fold_is_the_translate_table():
    rng = random.Random(16)
    alphabet = [chr(c) for c in range(0xFF00, 0xFF62)] + ["\u3000", " ", "a", "Z", "1", "中", "、", "。", "\n"]
    for _ in range(500):
        s = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 80)))
        out = fold(s)
        assert out == s.translate(_FOLD)
        assert len(out) == len(s)
    assert fold("２０２５年，ＧＤＰ增长５％！") == "2025年,GDP增长5%!"
    assert fold("") == ""
