"""`keywords`: jieba TF-IDF with a speech-aware stop list and a user dictionary."""
from __future__ import annotations

import subprocess
import sys

import pytest

import speechkit
from speechkit.config import Config
from tests.conftest import ROOT, SAMPLES


def test_no_stop_word_in_any_top_10(sample):
    stop = set(Config().lexicon("keywords")["stop_words"])
    top = [k.keyword for k in speechkit.api.keywords(speechkit.load(str(sample)), top=10)]
    assert len(top) == 10
    assert not stop & set(top), stop & set(top)


def test_ranked_by_weight_with_counts(sample):
    kws = speechkit.api.keywords(speechkit.load(str(sample)))
    assert [k.weight for k in kws] == sorted((k.weight for k in kws), reverse=True)
    doc = speechkit.load(str(sample))
    for k in kws:
        assert doc.norm[k.span[0]:k.span[1]] == k.keyword


def test_body_start_needs_no_fold(sample):
    """Document.body_start is found on norm unfolded: its marks are listed in both widths."""
    from speechkit.normalize import body_start
    from speechkit.normalize.width import fold

    doc = speechkit.load(str(sample))
    assert doc.body_start == body_start(doc.norm)
    norm = doc.norm
    for text in (norm, norm.replace("，", "\uff1b"), "标题\n\uff01正文", "标题\n\u3000\uff1f"):
        assert body_start(text) == body_start(fold(text))


@pytest.mark.parametrize("term", ["开门红", "高质量发展", "规模以上工业增加值", "城镇调查失业率"])
def test_political_terms_stay_whole(term):
    from speechkit.segment import tokens

    text = f"今年要实现{term}，推动{term}。"
    assert term in [w for w, _s, _e in tokens(text, Config())]


def test_pinned_segmentation():
    """jieba's output for a typical sentence, pinned (spaCy pins its zh tokenizer the same way)."""
    from speechkit.segment import tokens

    words = [w for w, _s, _e in tokens("实现一季度经济工作开门红", Config())]
    assert words == ["实现", "一季度", "经济", "工作", "开门红"]


def _run(code: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=120)


def test_outline_and_clean_do_not_import_jieba():
    sample = str(SAMPLES[0])
    code = ("import sys\nfrom click.testing import CliRunner\nfrom speechkit.cli import cli\n"
            f"for cmd in ('outline', 'clean', 'slogans', 'meta'):\n"
            f"    assert CliRunner().invoke(cli, [cmd, {sample!r}]).exit_code == 0\n"
            "print('jieba' in sys.modules)")
    out = _run(code)
    assert out.stdout.strip() == "False", out.stderr


def test_keywords_are_quiet_on_stderr():
    out = _run(f"from speechkit.cli import main\nimport sys\nsys.argv=['speechkit','keywords',{str(SAMPLES[0])!r}]\nmain()")
    assert out.returncode == 0 and out.stderr == "", out.stderr
    assert "Building prefix dict" not in out.stderr


def test_distinctive_ranks_against_the_other_files(runner):
    from speechkit.cli import cli

    res = runner.invoke(cli, ["keywords", "--distinctive", "--top", "5", "--jsonl", *map(str, SAMPLES)])
    assert res.exit_code == 0
    import json

    recs = [json.loads(line) for line in res.output.splitlines()]
    by_file: dict[str, list[str]] = {}
    for r in recs:
        by_file.setdefault(r["file"], []).append(r["keyword"])
    assert len(by_file) == len(SAMPLES) and all(len(v) == 5 for v in by_file.values())
    # a term every sample uses is not distinctive of any
    assert not any("经济" in v for v in by_file.values())
