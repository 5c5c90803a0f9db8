"""`slogans` scored against the hand-checked gold of the five samples (issue floor: P and R
≥ 0.85 micro-averaged; optional gold items neither reward nor penalise). We hold it higher:
the floor below is what the extractor reaches, less a margin, and must not be lowered."""
from __future__ import annotations

import speechkit
from speechkit.records import slogan_records
from tests.conftest import SAMPLES, gold_for
from tests.scoring import PRF, score_slogans

MIN_PRECISION = 0.92
MIN_RECALL = 0.92
MIN_TYPE_AGREEMENT = 0.90
MIN_COUNT_AGREEMENT = 0.90


def slogan_preds(path) -> list[dict]:
    doc = speechkit.load(str(path))
    return slogan_records(doc, speechkit.api.slogans(doc), "simplified")


def test_slogans_against_gold(capsys):
    total = PRF()
    for path in SAMPLES:
        s = score_slogans(gold_for(path)["slogans"], slogan_preds(path))
        with capsys.disabled():
            print(f"\nslogans {path.stem}: {s}")
        total += s
    types = total.extra["type_ok"] / total.tp
    counts = total.extra["count_ok"] / total.tp
    with capsys.disabled():
        print(f"\nslogans micro: {total}; type agreement {types:.3f}, count agreement {counts:.3f}")
    assert total.precision >= MIN_PRECISION, total
    assert total.recall >= MIN_RECALL, total
    assert types >= MIN_TYPE_AGREEMENT
    assert counts >= MIN_COUNT_AGREEMENT


def test_first_occurrence_points_at_the_slogan_in_raw(sample):
    """start/end come from the offset maps: the raw text there is the slogan, in the file's
    own script (and, for the pinyin sample, with the annotations between the characters)."""
    from speechkit.normalize.script import to_simplified
    from tests.scoring import slogan_norm

    doc = speechkit.load(str(sample))
    for r in slogan_records(doc, speechkit.api.slogans(doc)):
        raw = doc.raw[r["start"]:r["end"]]
        assert raw.count("\n") == 0
        if "pinyin" not in sample.stem:
            assert slogan_norm(to_simplified(raw)) == slogan_norm(r["slogan"]), r
        assert doc.line_of(r["start"]) == r["line"]


def test_every_record_has_the_spec_fields(sample):
    doc = speechkit.load(str(sample))
    for r in slogan_records(doc, speechkit.api.slogans(doc)):
        assert r["type"] in ("quoted", "formula", "parallel")
        assert r["count"] >= 1 and isinstance(r["members"], list) and isinstance(r["known"], bool)
        assert "《" not in r["slogan"]
