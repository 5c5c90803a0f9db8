"""Loading: inputs, encodings detected without being told, and clear errors for bad files."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

import speechkit
from speechkit.cli import cli
from speechkit.errors import LoadError
from speechkit.load import decode_bytes
from tests.conftest import SAMPLES

SIMP = [p for p in SAMPLES if ".simp" in p.name]
# Big5 holds neither pinyin tone marks nor Simplified characters
TRAD = [p for p in SAMPLES if ".trad" in p.name and "pinyin" not in p.name]


def outline_of(path: Path) -> list[tuple]:
    doc = speechkit.load(str(path))
    return [(h.style, h.number, h.level, h.parent, doc.norm[slice(*h.title_span)]) for h in speechkit.outline(doc)]


@pytest.mark.parametrize("encoding,samples", [
    ("gb18030", SAMPLES),
    ("big5", TRAD),
    ("utf-16", SAMPLES),  # Python writes a BOM
    ("utf-8-sig", SAMPLES),
    ("utf-16-le", SAMPLES),  # no BOM
    ("utf-16-be", SAMPLES),  # no BOM
], ids=["gb18030", "big5", "utf-16-bom", "utf-8-bom", "utf-16le-nobom", "utf-16be-nobom"])
def test_same_outline_in_every_encoding(tmp_path, encoding, samples):
    for sample in samples:
        text = sample.read_text(encoding="utf-8")
        if encoding == "big5":
            text = text.replace("墻", "牆")  # Big5 has only the standard form of this character
        copy = tmp_path / f"{sample.stem}.{encoding}.txt"
        copy.write_bytes(text.encode(encoding))
        doc = speechkit.load(str(copy))
        assert doc.raw == text, (sample.name, encoding, doc.source.encoding)
        original = tmp_path / f"{sample.stem}.utf8.txt"
        original.write_text(text, encoding="utf-8")
        assert outline_of(copy) == outline_of(original)


@pytest.mark.parametrize("encoding,expected", [
    ("gb18030", "gb18030"), ("big5", "big5"), ("utf-16", "utf_16"), ("utf-8", "utf-8"),
])
def test_detected_encoding_is_reported(encoding, expected):
    text = "區長在經濟工作會議上講話。一要強化責任意識。二要強化作風建設。" * 5
    assert decode_bytes(text.encode(encoding), "x")[1] == expected


# Issue 17 item 5: 一 (U+4E00), 丁 (U+4E01) and the like have a NUL byte too, on the other
# side from ASCII's: NULs on both sides must not make UTF-16 "binary".
@pytest.mark.parametrize("text", [
    "一、总体要求\n一是坚持一以贯之。\n2025年一季度增长5.2%。\n" * 40,
    "一丁七万丈三上下不与丐丑专且" * 30,  # every character has a NUL byte
    "GDP 5% 一二三四 ABC\n" * 60,
])
@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_bomless_utf16_with_nul_bytes_on_both_sides(text, encoding):
    data = text.encode(encoding)
    assert b"\x00" in data  # what the NUL test called binary
    assert decode_bytes(data, "x") == (text, "utf-16")


@pytest.mark.parametrize("data", [bytes(range(256)) * 8, b"\x00" * 4096, b"PK\x03\x04" + b"\x00\x01" * 900])
def test_binary_is_still_binary(data):
    with pytest.raises(LoadError, match="binary|encoding"):
        decode_bytes(data, "x")


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda p: p.stem)
def test_lone_cr_line_ends_are_line_ends(tmp_path, sample):
    text = sample.read_text(encoding="utf-8").replace("\r\n", "\n")
    lf, cr, crlf = tmp_path / "lf.txt", tmp_path / "cr.txt", tmp_path / "crlf.txt"
    lf.write_bytes(text.encode("utf-8"))
    cr.write_bytes(text.replace("\n", "\r").encode("utf-8"))
    crlf.write_bytes(text.replace("\n", "\r\n").encode("utf-8"))
    doc = speechkit.load(str(cr))
    assert len(doc.raw) == len(text)  # one character for one: offsets unchanged
    assert outline_of(cr) == outline_of(lf) and outline_of(lf)
    records = {}
    for f in (lf, cr, crlf):
        r = CliRunner().invoke(cli, ["outline", str(f), "--jsonl"])
        assert r.exit_code == 0, r.stderr
        records[f] = [{k: v for k, v in json.loads(x).items() if k != "file"} for x in r.stdout.splitlines()]
    assert records[cr] == records[lf]  # lines, offsets and titles alike
    assert max(rec["line"] for rec in records[cr]) > 1
    assert [rec["title"] for rec in records[crlf]] == [rec["title"] for rec in records[lf]]


def test_lone_surrogate_from_an_encoding_is_one_file_error():
    with pytest.raises(LoadError, match="lone surrogate"):
        decode_bytes(b"\\udcff abc", "x", "unicode_escape")


def test_encoding_override(tmp_path):
    sample = TRAD[0]
    copy = tmp_path / "big5.txt"
    copy.write_bytes(sample.read_text(encoding="utf-8").encode("big5"))
    doc = speechkit.load(str(copy), encoding="big5")
    assert doc.source.encoding == "big5"
    with pytest.raises(LoadError, match="not valid utf-8"):
        speechkit.load(str(copy), encoding="utf-8")


def _run(runner, args, **kw):
    result = runner.invoke(cli, args, catch_exceptions=False, **kw)
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def bad_files(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.txt").write_text("  \n\u3000\n", encoding="utf-8")
    (tmp_path / "binary.txt").write_bytes(bytes(range(256)) * 8)
    (tmp_path / "garbage.txt").write_bytes(b"\xff\xfe\xfd" * 3 + b"\x81" * 7 + b"\xfe")
    (tmp_path / "emptydir").mkdir()
    return tmp_path


@pytest.mark.parametrize("name,reason", [
    ("empty.txt", "file is empty"),
    ("blank.txt", "no text"),
    ("binary.txt", "binary"),
    ("missing.txt", "no such file"),
    ("emptydir", "no *.txt"),
    ("*.nothing", "no files match"),
])
def test_bad_input_is_one_clear_line_and_the_rest_still_run(runner, bad_files, name, reason):
    good = str(SIMP[0])
    code, out, err = _run(runner, ["outline", good, str(bad_files / name), "--jsonl"])
    assert code == 1
    lines = err.strip().splitlines()
    assert len(lines) == 1 and name.split("*")[-1] in lines[0] and reason in lines[0], err
    assert "Traceback" not in err
    assert out.count("\n") == len(outline_of(SIMP[0]))  # the good file was still analysed


def test_undecodable_file_says_what_to_do(runner, tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\xff\xfe\xfd" * 3 + b"\x81" * 7 + b"\xfe")
    code, _, err = _run(runner, ["outline", str(bad), "--encoding", "utf-8"])
    assert code == 1 and "bad.txt" in err and "--encoding" in err


def test_permission_error(runner, monkeypatch, tmp_path):
    # tests may run as root, where chmod 000 does not stop a read: simulate the OS refusing
    import importlib

    load_mod = importlib.import_module("speechkit.load")  # the package's `load` is the function

    locked = tmp_path / "locked.txt"
    locked.write_text("一、标题\n", encoding="utf-8")

    def refuse(*a, **k):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(load_mod, "open", refuse, raising=False)
    code, _, err = _run(runner, ["outline", str(locked)])
    assert code == 1 and "locked.txt: permission denied" in err


def test_fifo_and_broken_symlink_are_skipped_with_a_message(runner, tmp_path):
    import os

    link = tmp_path / "dangling.txt"
    link.symlink_to(tmp_path / "nowhere.txt")
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    code, _, err = _run(runner, ["outline", str(link), str(fifo), str(SIMP[0])])
    assert code == 1
    assert "dangling.txt: broken symbolic link" in err
    assert "pipe.txt: not a regular file" in err


def test_directory_is_read_recursively_in_order(runner, tmp_path):
    (tmp_path / "b").mkdir()
    for i, sample in enumerate(SAMPLES[:3]):
        target = tmp_path / ("b" if i else "") / f"{i}{sample.suffix}"
        target.write_text(sample.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "ignored.bin").write_bytes(b"\x00\x01")
    code, out, _ = _run(runner, ["outline", str(tmp_path), "--json"])
    import json

    files = [f["file"] for f in json.loads(out)["files"]]
    assert code == 0 and [Path(f).name for f in files] == ["0.txt", "1.txt", "2.txt"]


def test_glob_is_expanded_for_shells_that_do_not(runner):
    code, out, _ = _run(runner, ["outline", str(SAMPLES[0].parent / "*.simp.txt"), "--json"])
    import json

    assert code == 0 and len(json.loads(out)["files"]) == len(SIMP)


def test_stdin(runner):
    text = SIMP[0].read_text(encoding="utf-8")
    code, out, _ = _run(runner, ["outline", "-", "--jsonl"], input=text.encode("gb18030"))
    assert code == 0 and out.count("\n") == len(outline_of(SIMP[0]))
    assert '"file": "-"' in out
