"""Traditional -> Simplified on the lines that need it only (issue 16): the ``norm`` layer is
the string a conversion of the whole text gives, on every corpus text, on the whole corpus
in one file (Simplified reports with a few Traditional ones among them) and on the samples."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import speechkit
from speechkit.normalize import script

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "corpora"
COPIES = ROOT / "tests" / "data" / "corpora"


def corpus_texts() -> list[tuple[str, str]]:
    """(name, text) of the shared corpora's texts if they are beside the repo, else the copies."""
    found = []
    for f in sorted(SHARED.glob("*.jsonl")) if SHARED.is_dir() else []:
        for i, line in enumerate(f.read_text(encoding="utf-8").splitlines()):
            if line.strip():
                found.append((f"{f.stem}#{i}", json.loads(line)["content"]))
    return found or [(p.name, p.read_text(encoding="utf-8")) for p in sorted(COPIES.glob("*.txt"))]


def _check(name: str, clean: str) -> None:
    """The lines converted alone give the whole text's conversion, with either backend.
    The default backend's tables decide which lines may change (a proof: see
    script._scanners); opencc-pyo3's tables are larger and built in, so its line choice
    (script._pyo3_changes) is checked here on real text."""
    for backend in script.available_backends():
        assert script.to_simplified_lines(clean, backend) == script.to_simplified(clean, backend), (name, backend)
    assert script.to_simplified_lines(clean) == script.to_simplified(clean), name


def test_simplified_lines_are_left_alone_and_traditional_ones_converted():
    text = "我们要坚持发展经济。\n我們要堅持發展經濟。\n反复强调，覆盖全面。\n反覆強調。"
    assert script.to_simplified_lines(text, "python") == script.to_simplified(text, "python")
    spans = script._lines_to_convert(text)
    assert [text[s:e] for s, e in spans] == ["我們要堅持發展經濟。", "反覆強調。"]


def test_a_character_that_changes_only_inside_a_phrase_converts_its_line():
    """覆 stays 覆 alone (覆盖) but 反覆 is 反复: the line holding 反覆 is converted."""
    assert "覆" in script._scanners()["phrases"]
    text = "覆盖全面\n反覆"
    assert [text[s:e] for s, e in script._lines_to_convert(text)] == ["反覆"]
    assert script.to_simplified_lines(text, "python").endswith("反复")


def test_characters_above_the_basic_plane_are_found():
    scan = script._script_chars(0)
    astral = sorted(scan.astral)
    if not astral:
        pytest.fail("the tables have no Traditional-only character above U+FFFF to test with")
    text = "中文\U00020000" + astral[0] + "中"
    assert scan.search(text) == 3
    assert scan.findall(text) == [astral[0]]
    assert scan.search("中文\U00020000中") is None


def test_norm_of_every_sample_is_the_whole_conversion(sample):
    doc = speechkit.load(str(sample))
    _check(sample.name, doc.clean)
    expected = script.to_simplified(doc.clean) if script.has_traditional(doc.clean) else doc.clean
    assert doc.norm == expected


def test_norm_of_every_corpus_text_is_the_whole_conversion():
    texts = corpus_texts()
    assert texts
    for name, text in texts:
        doc = speechkit.load(text=text)
        if script.has_traditional(doc.clean):
            _check(name, doc.clean)
            assert doc.norm == script.to_simplified_lines(doc.clean)
        else:
            assert doc.norm is doc.clean


def test_norm_of_the_whole_corpus_in_one_file_is_the_whole_conversion():
    """The stray-Traditional case: one file of Simplified reports holding a few Traditional ones."""
    clean = speechkit.load(text="\n".join(t for _, t in corpus_texts())).clean
    assert script.has_traditional(clean)
    _check("whole corpus", clean)


def _script_exact(text: str) -> tuple[str, bool]:
    """script_of as first written: every Traditional- and Simplified-only character counted."""
    trad, simp, _ = script._tables()
    n_trad, n_simp = sum(ch in trad for ch in text), sum(ch in simp for ch in text)
    if not n_trad:
        return "simplified", False
    ratio = script._lexicon().mixed_ratio
    if n_simp and min(n_trad, n_simp) >= ratio * max(n_trad, n_simp):
        return "mixed", True
    return ("traditional" if n_trad >= n_simp else "simplified"), True


@pytest.mark.parametrize("text", [
    "我们要坚持发展经济", "我們要堅持發展經濟", "我們要堅持發展經濟，我们要坚持发展经济",
    "我们要坚持发展经济" * 20000 + "說", "說" * 5 + "们" * 24, "說" * 5 + "们" * 25, "說" * 5 + "们" * 26,
    "們" * 70000 + "们" * 14000, "們" * 70000 + "们" * 14001 + "说" * 70000, ""])
def test_script_of_counts_only_as_far_as_the_answer_needs(text):
    assert script.script_of(text) == _script_exact(text)


def test_script_of_every_corpus_text_and_sample(sample):
    texts = [t for _, t in corpus_texts()] + [sample.read_text(encoding="utf-8")]
    for text in texts:
        assert script.script_of(text) == _script_exact(text)


def _fix_each_phrase(text: str) -> str:
    """The phrase fixes as a replace per phrase over the whole text (the reference)."""
    for wrong, right in script._lexicon().t2s_fixes.items():
        text = text.replace(wrong, right)
    return text


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="著着显力随面临接紧我有为\n ", max_size=40))
def test_phrase_fixes_by_line_equal_a_replace_per_phrase(text):
    # chained fixes too: 显著力 -> 显着力 (著力) -> 显著力 (显着)
    assert script._fix_phrases(text) == _fix_each_phrase(text)


def test_phrase_fixes_by_line_on_invented_lines():
    text = "随著发展\n\n紧接著，显著力量\n没有要改的行\n面临著"
    assert script._fix_phrases(text) == _fix_each_phrase(text) == "随着发展\n\n紧接着，显著力量\n没有要改的行\n面临着"
