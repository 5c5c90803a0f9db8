"""Reading the files people have (issue 12): Word, PDF, web pages, detection by content,
folders of mixed files. Every file is built here at test time from a sample (tests/docgen.py):
what speechkit finds in it must be what it finds in the sample's .txt."""
from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from difflib import SequenceMatcher

import pytest

import speechkit
from speechkit.cli import cli
from speechkit.config import Config
from speechkit.readers import kind_of, read_binary
from speechkit.readers.docx import FORMATS
from speechkit.readers.pdf import _ordinary
from tests import docgen
from tests.conftest import ROOT, SAMPLES

AGREEMENT = 0.95
RADICALS = {"一": "⼀", "十": "⼗", "大": "⼤", "人": "⼈", "工": "⼯", "西": "⻄", "长": "⻓", "门": "⻔", "见": "⻅"}


def _outline(doc) -> list[tuple]:
    return [(h.level, h.style, h.number, doc.norm[slice(*h.title_span)].strip()) for h in speechkit.outline(doc)]


def _targets(doc) -> list[tuple]:
    return [(t.indicator, t.value, t.growth, t.kind, t.period, t.masked) for t in speechkit.targets(doc)]


def _agree(a: list, b: list) -> float:
    return 1.0 if not a and not b else SequenceMatcher(None, a, b, autojunk=False).ratio()


def _same_findings(path, sample) -> None:
    want, got = speechkit.load(str(sample)), speechkit.load(str(path))
    wo, go = _outline(want), _outline(got)
    wt, gt = _targets(want), _targets(got)
    assert wo, "the sample has an outline to compare"
    assert _agree(wo, go) >= AGREEMENT, (len(wo), len(go), [x for x in go if x not in wo][:3])
    assert _agree(wt, gt) >= AGREEMENT, (len(wt), len(gt), [x for x in gt if x not in wt][:3])


def _write(tmp_path, name: str, data: bytes):
    p = tmp_path / name
    p.write_bytes(data)
    return p


# ---- PDF ----------------------------------------------------------------------------------

@pytest.mark.parametrize("sample", SAMPLES, ids=lambda p: p.stem)
def test_pdf_hard_wrapped_over_pages_gives_the_findings_of_the_txt(tmp_path, sample):
    text = sample.read_text(encoding="utf-8")
    pdf = _write(tmp_path, "speech.pdf", docgen.speech_pdf(text))
    _same_findings(pdf, sample)
    doc = speechkit.load(str(pdf))
    assert "- 2 -" not in doc.raw and "某某区人民政府办公室" not in doc.raw  # footer, running header
    paragraphs = [ln.strip() for ln in text.split("\n") if ln.strip()]
    assert doc.raw.count("\n") + 1 == len(paragraphs)  # one line per paragraph, wraps rejoined


def test_pdf_with_kangxi_radicals_and_faux_bold_headings(tmp_path):
    sample = ROOT / "samples" / "first-quarter-mobilization.simp.txt"
    text = sample.read_text(encoding="utf-8")
    pdf = _write(tmp_path, "radicals.pdf", docgen.speech_pdf(text, bold_headings=True, replace=RADICALS))
    _same_findings(pdf, sample)
    raw = speechkit.load(str(pdf)).raw
    assert not any(ch in raw for ch in RADICALS.values())
    assert "一、提高站位" in raw and "一一" not in raw.split("\n")[1]  # printed twice, read once


def test_pdf_records_name_their_page(runner, tmp_path):
    sample = ROOT / "samples" / "three-level-cadres-2015.simp.txt"
    pdf = _write(tmp_path, "s.pdf", docgen.speech_pdf(sample.read_text(encoding="utf-8")))
    r = runner.invoke(cli, ["outline", str(pdf), "--jsonl"])
    assert r.exit_code == 0, r.stderr
    recs = [json.loads(ln) for ln in r.stdout.splitlines()]
    pages = [rec["page"] for rec in recs]
    assert pages == sorted(pages) and pages[0] >= 1 and pages[-1] > 1
    doc = speechkit.load(str(pdf))
    for rec in recs:  # offsets and lines are those of the extracted text
        assert doc.raw[rec["start"]:rec["end"]] == rec["marker"]
        assert rec["line"] == doc.raw.count("\n", 0, rec["start"]) + 1
        assert rec["page"] == doc.place_of(rec["start"])["page"]


def test_pdf_pages_reach_csv_and_parquet(runner, tmp_path):
    """Tables have page and paragraph columns after line (empty for plain text): a PDF's rows
    carry the page its JSON records give."""
    import csv
    import io

    sample = ROOT / "samples" / "three-level-cadres-2015.simp.txt"
    pdf = _write(tmp_path, "s.pdf", docgen.speech_pdf(sample.read_text(encoding="utf-8")))
    want = [json.loads(ln)["page"] for ln in runner.invoke(cli, ["targets", str(pdf), "--jsonl"]).stdout.splitlines()]
    rows = list(csv.DictReader(io.StringIO(runner.invoke(cli, ["targets", str(pdf), "--csv"]).stdout)))
    assert want and [int(r["page"]) for r in rows] == want and {r["paragraph"] for r in rows} == {""}
    plain = list(csv.DictReader(io.StringIO(runner.invoke(cli, ["targets", str(sample), "--csv"]).stdout)))
    assert plain and {r["page"] for r in plain} == {""}
    pq = pytest.importorskip("pyarrow.parquet")
    out = tmp_path / "t.parquet"
    assert runner.invoke(cli, ["targets", str(pdf), "--parquet", "-o", str(out)]).exit_code == 0
    assert pq.read_table(out).column("page").to_pylist() == want


def test_pdf_without_text_layer_is_one_error_line_exit_1(runner, tmp_path):
    pdf = _write(tmp_path, "scan.pdf", docgen.scan_pdf())
    r = runner.invoke(cli, ["outline", str(pdf)])
    assert r.exit_code == 1
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1 and "no text layer" in lines[0] and "Traceback" not in r.stderr


def test_a_pdf_named_txt_is_read_as_a_pdf(tmp_path):
    sample = ROOT / "samples" / "district-work-conference.trad.txt"
    fake = _write(tmp_path, "report.txt", docgen.speech_pdf(sample.read_text(encoding="utf-8")))
    doc = speechkit.load(str(fake))
    assert doc.source.encoding == "pdf" and "%PDF" not in doc.raw
    _same_findings(fake, sample)


@pytest.mark.parametrize("line,dropped", [
    ("- 3 -", True), ("— 12 —", True), ("3", True), ("第3页", True), ("第 3 页 共 10 页", True),
    ("3/10", True), ("Page 3 of 10", True), ("（3）", True),
    ("3、加强领导", False), ("一、总体要求", False), ("2024年", False),
])
def test_page_number_lines_are_dropped(tmp_path, line, dropped):
    body = "各级各部门要切实加强组织领导，明确责任分工，确保各项工作落到实处，取得实效。" * 3
    page = [docgen.PdfLine(s, x, docgen.TOP - i * docgen.PITCH) for i, (s, x) in enumerate(docgen.wrap(body))]
    page.append(docgen.PdfLine(line, 280, 50))
    got = read_binary(docgen.Pdf([page]).build(), "x.pdf", Config()).text
    assert (line not in got) == dropped, got


@pytest.mark.parametrize("raw,ordinary", [
    ("⼀、⼤⼒发展", "一、大力发展"), ("⻄部⼤开发", "西部大开发"), ("⻓江经济带", "长江经济带"),
    ("⻔户⽹站", "门户网站"), ("十二五", "十二五"),
])
def test_radicals_become_ordinary_characters(raw, ordinary):
    assert _ordinary(raw, Config().lexicon("readers")["pdf"]["radicals"]) == ordinary


def test_repeated_characters_are_kept_unless_printed_on_top_of_each_other():
    line = "同志们，谢谢大家"
    x = docgen.LEFT
    normal = docgen.Pdf([[docgen.PdfLine(line, x, 700)]]).build()
    bold = docgen.Pdf([[docgen.PdfLine(line, x, 700, bold=True)]]).build()
    assert read_binary(normal, "a.pdf", Config()).text == line
    assert read_binary(bold, "b.pdf", Config()).text == line


# ---- Word -----------------------------------------------------------------------------------

def _paragraphs(sample) -> list[str]:
    return [ln.strip() for ln in sample.read_text(encoding="utf-8").split("\n") if ln.strip()]


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda p: p.stem)
def test_docx_with_typed_markers_gives_the_findings_of_the_txt(tmp_path, sample):
    docx = _write(tmp_path, "speech.docx", docgen.speech_docx([(p, None, None) for p in _paragraphs(sample)]))
    _same_findings(docx, sample)


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda p: p.stem)
def test_docx_with_word_numbered_headings_gives_the_findings_of_the_txt(tmp_path, sample):
    """Headings numbered by Word (一、 （一） in numbering.xml, not in the text runs)."""
    doc = speechkit.load(str(sample))
    levels = {"cn_dun": 0, "cn_paren": 1}
    numbered = {}
    for h in speechkit.outline(doc):
        if not h.inline and h.style in levels:
            s, e = doc.raw_span(*h.marker_span)
            numbered[doc.raw[s:e]] = numbered.get(doc.raw[s:e], []) + [(levels[h.style], h.number)]
    paras = []
    for p in _paragraphs(sample):
        hit = next((m for m in numbered if p.startswith(m) and numbered[m]), None)
        if hit:
            level, number = numbered[hit].pop(0)
            paras.append((p[len(hit):], level, number))
        else:
            paras.append((p, None, None))
    assert any(level is not None for _, level, _ in paras)
    docx = _write(tmp_path, "numbered.docx", docgen.speech_docx(paras))
    _same_findings(docx, sample)


def test_word_numbering_renders_the_markers_word_shows(tmp_path, runner):
    paras = [("总体要求", 0, 1), ("指导思想", 1, 1), ("主要目标", 1, 2), ("重点任务", 0, 2),
             ("稳增长", 1, 1), ("推进项目建设", 2, 1), ("扩大有效投资", 2, 2), ("保障措施", 0, 5), ("加强领导", 1, 1)]
    docx = _write(tmp_path, "n.docx", docgen.speech_docx(paras))
    lines = speechkit.load(str(docx)).raw.split("\n")
    assert lines == ["一、总体要求", "（一）指导思想", "（二）主要目标", "二、重点任务", "（一）稳增长",
                     "1.推进项目建设", "2.扩大有效投资", "五、保障措施", "（一）加强领导"]
    r = runner.invoke(cli, ["outline", str(docx), "--jsonl"])
    recs = [json.loads(ln) for ln in r.stdout.splitlines()]
    assert [rec["paragraph"] for rec in recs] == list(range(1, 10))
    assert [(rec["marker"], rec["level"]) for rec in recs][:4] == [("一、", 1), ("（一）", 2), ("（二）", 2), ("二、", 1)]


@pytest.mark.parametrize("n,text", [(1, "一"), (9, "九"), (10, "十"), (11, "十一"), (20, "二十"), (23, "二十三"),
                                    (100, "一百"), (105, "一百零五"), (110, "一百一十")])
def test_chinese_counting(n, text):
    assert FORMATS["chineseCounting"](n) == text


@pytest.mark.parametrize("fmt,n,text", [
    ("decimal", 3, "3"), ("decimalEnclosedCircle", 3, "③"), ("decimalFullWidth", 12, "１２"),
    ("chineseLegalSimplified", 3, "叁"), ("ideographTraditional", 2, "乙"), ("lowerLetter", 2, "b"),
    ("upperRoman", 4, "IV"), ("decimalEnclosedParen", 2, "⑵"), ("ideographDigital", 2024, "二〇二四"),
])
def test_word_number_formats(fmt, n, text):
    assert FORMATS[fmt](n) == text


def test_legacy_doc_is_one_line_saying_save_as_docx(runner, tmp_path):
    doc = _write(tmp_path, "old.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 1024)
    r = runner.invoke(cli, ["outline", str(doc)])
    assert r.exit_code == 1
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1 and ".docx" in lines[0]


@pytest.mark.parametrize("data,kind", [
    (b"%PDF-1.4\n", "pdf"), (b"\xef\xbb\xbf%PDF-1.7", "pdf"), (b"PK\x03\x04....word/document.xml", "docx"),
    (b"PK\x03\x04....xl/workbook.xml", "zip"), (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "ole"),
    ("一、总体要求".encode("gb18030"), "text"), (b"<!DOCTYPE html><html>", "text"),
])
def test_kind_by_content(data, kind):
    assert kind_of(data) == kind


# ---- web pages ----------------------------------------------------------------------------

TITLE = "区长在全区一季度经济工作动员会上的讲话"


@pytest.mark.parametrize("style", ["div", "html5"])
def test_portal_page_keeps_the_article_only(runner, tmp_path, style):
    sample = ROOT / "samples" / "first-quarter-mobilization.simp.txt"
    body = _paragraphs(sample)[1:]
    page = _write(tmp_path, "page.html", docgen.portal_page(TITLE, body, style=style).encode("utf-8"))
    r = runner.invoke(cli, ["clean", str(page)])
    assert r.exit_code == 0
    for furniture in docgen.NAV + docgen.SIDEBAR + docgen.RELATED + docgen.FOOTER + ["当前位置", "您现在的位置",
                                                                                    "网站地图", "打印本页", "热点新闻"]:
        assert furniture not in r.stdout, furniture
    assert body[0] in r.stdout and body[-1] in r.stdout
    meta = json.loads(runner.invoke(cli, ["meta", str(page), "--json"]).stdout)["files"][0]["records"][0]
    assert meta["title"] == TITLE and meta["date"] == "2024-03-15"
    doc = speechkit.load(str(page))
    lines = doc.raw.split("\n")
    for h in speechkit.outline(doc):  # `line` counts lines of the text a reader sees
        s, _ = doc.raw_span(*h.marker_span)
        assert lines[doc.line_of(s) - 1].find(doc.raw[s:s + 2]) >= 0
    wanted = speechkit.load(text="\n".join([TITLE] + body))
    assert _agree(_outline(wanted), _outline(doc)) >= AGREEMENT


@pytest.mark.parametrize("piece", ["<!--", "<script>", "<style>", "<p><!--", "<script><!--"])
def test_crafted_html_is_read_in_linear_time(piece):
    """Issue 17 item 4: 1 MB of unclosed comments or scripts, once (lxml parses in one pass)."""
    text = "<html><body><p>一、总体要求</p>" + piece * (1_000_000 // len(piece))
    t0 = time.perf_counter()
    doc = speechkit.load(text=text)
    assert time.perf_counter() - t0 < 2.0
    assert doc.raw == "一、总体要求"


# ---- folders --------------------------------------------------------------------------------

def test_mixed_folder_is_read_whole(runner, tmp_path):
    sample = ROOT / "samples" / "first-quarter-mobilization.simp.txt"
    text = sample.read_text(encoding="utf-8")
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    _write(tmp_path, "b.pdf", docgen.speech_pdf(text))
    _write(tmp_path, "c.docx", docgen.speech_docx([(p, None, None) for p in _paragraphs(sample)]))
    _write(tmp_path, "d.html", docgen.portal_page(TITLE, _paragraphs(sample)[1:]).encode("utf-8"))
    _write(tmp_path, "old.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 64)
    _write(tmp_path, "sheet.xlsx", b"PK\x03\x04")
    for tool in (".git", ".venv", "node_modules", "__pycache__"):
        (tmp_path / tool).mkdir()
        (tmp_path / tool / "x.txt").write_text(text, encoding="utf-8")
    r = runner.invoke(cli, ["outline", str(tmp_path), "--json"])
    assert r.exit_code == 0, r.stderr
    files = [os.path.basename(f["file"]) for f in json.loads(r.stdout)["files"]]
    assert files == ["a.txt", "b.pdf", "c.docx", "d.html"]
    counts = {os.path.basename(f["file"]): len(f["records"]) for f in json.loads(r.stdout)["files"]}
    assert len(set(counts.values())) == 1, counts  # the same outline from every format
    assert "skipped 2 file(s) of other kinds" in r.stderr and ".doc" in r.stderr


def test_readers_are_imported_only_when_such_a_file_is_read():
    code = ("import sys; from speechkit.cli import cli\n"
            "try:\n    cli.main(['outline', %r, '--jsonl'], standalone_mode=False)\n"
            "finally:\n    sys.stderr.write(' '.join(m for m in ('pdfminer', 'lxml', 'xml.etree.ElementTree')"
            " if m in sys.modules) or 'NONE')\n") % str(SAMPLES[0])
    p = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert p.stderr.strip().endswith("NONE"), p.stderr


def test_a_page_with_one_long_paragraph_keeps_all_its_paragraphs():
    long = "各级各部门要切实加强组织领导，确保各项工作落到实处。" * 40
    page = (f"<html><body><div class='content'><p>一、总体要求</p><p>{long}</p><p>二、主要任务</p>"
            f"<p>坚持稳中求进工作总基调。</p></div></body></html>")
    assert speechkit.load(text=page).raw.split("\n") == ["一、总体要求", long, "二、主要任务", "坚持稳中求进工作总基调。"]


@pytest.mark.parametrize("data", [b"%PDF-1.4\n" + b"\x00garbage" * 50, b"%PDF-1.7\n1 0 obj << /Type /Catalog",
                                  b"PK\x03\x04word/document.xml" + b"\xff" * 100])
def test_damaged_pdf_or_docx_is_one_error_line(runner, tmp_path, data):
    bad = _write(tmp_path, "bad.bin", data)
    r = runner.invoke(cli, ["outline", str(bad)])
    assert r.exit_code == 1 and len(r.stderr.strip().splitlines()) == 1 and "internal error" not in r.stderr
