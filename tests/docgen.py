"""Test-time builders of the files people have: PDFs with a Chinese text layer, Word .docx
files with automatic numbering, portal web pages. Nothing here is read from the network or
from a font file: the PDFs use a CID font without embedded glyphs whose ToUnicode map gives
the text layer (what text extraction reads), as many generated PDFs do.
"""
from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass, field
from xml.sax.saxutils import escape

# A4 in points; text block of `COLS` full-width characters
PAGE_W, PAGE_H = 595, 842
LEFT, SIZE, COLS = 72, 15, 30
TOP, PITCH, ROWS = 760, 24, 28


@dataclass
class PdfLine:
    text: str
    x: float
    y: float
    bold: bool = False  # faux bold: the line printed twice, 0.4 pt apart


@dataclass
class Pdf:
    pages: list[list[PdfLine]] = field(default_factory=list)
    shapes_only: bool = False

    def build(self) -> bytes:
        chars = sorted({ch for page in self.pages for ln in page for ch in ln.text})
        cid = {ch: i + 1 for i, ch in enumerate(chars)}
        objs: list[bytes] = []

        def add(body: bytes) -> int:
            objs.append(body)
            return len(objs)

        def stream(data: bytes, extra: str = "") -> bytes:
            return f"<< /Length {len(data)} {extra}>>\nstream\n".encode() + data + b"\nendstream"

        catalog = add(b"")  # filled below
        pages_id = add(b"")
        cmap = _to_unicode(cid)
        tounicode = add(stream(cmap))
        descriptor = add(b"<< /Type /FontDescriptor /FontName /SKTest /Flags 4 /FontBBox [0 -120 1000 880] "
                         b"/ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 700 /StemV 80 >>")
        widths = " ".join(f"{cid[ch]} [500]" for ch in chars if ch.isascii())
        cidfont = add(f"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /SKTest /CIDSystemInfo << /Registry (Adobe) "
                      f"/Ordering (Identity) /Supplement 0 >> /FontDescriptor {descriptor} 0 R /DW 1000 "
                      f"/W [{widths}] /CIDToGIDMap /Identity >>".encode())
        font = add(f"<< /Type /Font /Subtype /Type0 /BaseFont /SKTest /Encoding /Identity-H "
                   f"/DescendantFonts [{cidfont} 0 R] /ToUnicode {tounicode} 0 R >>".encode())
        kids = []
        for page in self.pages or [[]]:
            ops = []
            if self.shapes_only:
                ops.append("0.2 0.2 0.6 rg 72 300 400 300 re f")
            for ln in page:
                hexs = "".join(f"{cid[ch]:04X}" for ch in ln.text)
                for dx in ((0, 0.4) if ln.bold else (0,)):
                    ops.append(f"BT /F1 {SIZE} Tf 1 0 0 1 {ln.x + dx:.2f} {ln.y:.2f} Tm <{hexs}> Tj ET")
            content = add(stream("\n".join(ops).encode()))
            kids.append(add(f"<< /Type /Page /Parent {pages_id} 0 R /MediaBox [0 0 {PAGE_W} {PAGE_H}] "
                            f"/Resources << /Font << /F1 {font} 0 R >> >> /Contents {content} 0 R >>".encode()))
        objs[catalog - 1] = f"<< /Type /Catalog /Pages {pages_id} 0 R >>".encode()
        objs[pages_id - 1] = (f"<< /Type /Pages /Kids [{' '.join(f'{k} 0 R' for k in kids)}] "
                              f"/Count {len(kids)} >>").encode()
        out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
        offsets = []
        for i, body in enumerate(objs, 1):
            offsets.append(len(out))
            out += f"{i} 0 obj\n".encode() + body + b"\nendobj\n"
        xref = len(out)
        out += f"xref\n0 {len(objs) + 1}\n0000000000 65535 f \n".encode()
        out += "".join(f"{o:010d} 00000 n \n" for o in offsets).encode()
        out += f"trailer\n<< /Size {len(objs) + 1} /Root {catalog} 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
        return bytes(out)


def _to_unicode(cid: dict[str, int]) -> bytes:
    items = sorted(cid.items(), key=lambda kv: kv[1])
    blocks = []
    for i in range(0, len(items), 100):
        chunk = items[i:i + 100]
        lines = "\n".join(f"<{n:04X}> <{ch.encode('utf-16-be').hex().upper()}>" for ch, n in chunk)
        blocks.append(f"{len(chunk)} beginbfchar\n{lines}\nendbfchar")
    return ("/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
            "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
            "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
            "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n"
            + "\n".join(blocks) + "\nendcmap\nCMapName currentdict /CMap defineresource pop\nend\nend").encode()


def _width(ch: str) -> float:
    return SIZE * (0.5 if ch.isascii() else 1.0)


def wrap(paragraph: str, indent: int = 2) -> list[tuple[str, float]]:
    """A paragraph hard-wrapped to the text block: (line, x) with the first line indented."""
    out, line, x0 = [], "", LEFT + indent * SIZE
    width = x0
    for ch in paragraph:
        if width + _width(ch) > LEFT + COLS * SIZE + 0.01:
            out.append((line, x0))
            line, x0, width = "", LEFT, LEFT
        line += ch
        width += _width(ch)
    if line:
        out.append((line, x0))
    return out


def speech_pdf(text: str, header: str | None = "某某区人民政府办公室", footer: str = "- {n} -",
               bold_headings: bool = False, replace: dict[str, str] | None = None) -> bytes:
    """A speech typeset as an official document: paragraphs indented two characters and
    hard-wrapped, ROWS lines a page, a running header and a page-number footer."""
    table = str.maketrans(replace or {})
    pages: list[list[PdfLine]] = []
    row = ROWS
    for para in text.split("\n"):
        para = para.strip()
        if not para:
            continue
        bold = bold_headings and len(para) <= COLS - 2
        for line, x in wrap(para.translate(table)):
            if row == ROWS:
                pages.append([])
                row = 0
            pages[-1].append(PdfLine(line, x, TOP - row * PITCH, bold))
            row += 1
    for n, page in enumerate(pages, 1):
        if header:
            page.insert(0, PdfLine(header, (PAGE_W - len(header) * SIZE) / 2, 800))
        num = footer.format(n=n)
        page.append(PdfLine(num, (PAGE_W - sum(map(_width, num))) / 2, 50))
    return Pdf(pages).build()


def scan_pdf(pages: int = 2) -> bytes:
    """A PDF with no text layer (pages of shapes, as a scan is pages of images)."""
    return Pdf([[] for _ in range(pages)], shapes_only=True).build()


# Page furniture of a county government portal, as such sites lay it out
NAV = ["首页", "政务公开", "政务服务", "互动交流", "走进本区", "专题专栏"]
CRUMBS = ["首页", "政务公开", "领导讲话"]
SIDEBAR = ["区政府召开常务会议研究部署近期工作", "我区开展安全生产大检查", "全区春季植树活动启动"]
RELATED = ["副区长在全区农业农村工作会议上的讲话", "区长在全区优化营商环境大会上的讲话"]
FOOTER = ["主办单位：某某区人民政府办公室", "网站标识码：1234567890", "某ICP备12345678号"]


def portal_page(title: str, paragraphs: list[str], site: str = "某某区人民政府门户网站",
                style: str = "div") -> str:
    """A speech as published on a government portal: navigation, breadcrumbs, the article
    (heading, byline, toolbar, body), a sidebar, related links, a footer. ``style`` is
    ``div`` (class names only, as older sites) or ``html5`` (nav/article/aside/footer)."""
    links = "".join(f'<li><a href="/c{i}.html">{t}</a></li>' for i, t in enumerate(NAV))
    crumbs = " &gt; ".join(f'<a href="/{i}/">{t}</a>' for i, t in enumerate(CRUMBS))
    side = "".join(f'<li><a href="/n{i}.html">{t}</a><span>2024-03-0{i + 1}</span></li>' for i, t in enumerate(SIDEBAR))
    rel = "".join(f'<li><a href="/r{i}.html">{t}</a></li>' for i, t in enumerate(RELATED))
    body = "\n".join(f"<p style=\"text-indent:2em\">{escape(p)}</p>" for p in paragraphs)
    head = (f'<!DOCTYPE html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8">\n<title>{escape(title)}_{site}</title>\n'
            '<script>var _hmt = _hmt || []; document.write("<p>统计</p>");</script>\n'
            '<style>.nav li{float:left}</style>\n</head>\n<body>\n')
    if style == "html5":
        return (head + f'<header><div class="logo"><h1>{site}</h1></div><nav><ul>{links}</ul></nav></header>\n'
                f'<div class="wrap"><div class="crumb">当前位置：{crumbs}</div>\n'
                f'<main><article><header><h1>{escape(title)}</h1>'
                f'<p class="info">发布时间：2024-03-15 来源：区政府办公室</p></header>\n{body}\n'
                f'<footer class="tools">【<a href="javascript:print()">打印本页</a>】【<a href="#">关闭窗口</a>】</footer>'
                f'</article></main>\n<aside><h3>热点新闻</h3><ul>{side}</ul></aside>\n'
                f'<section class="related"><h3>相关链接</h3><ul>{rel}</ul></section></div>\n'
                f'<footer><p>{"</p><p>".join(FOOTER)}</p><p><a href="/map">网站地图</a> | '
                f'<a href="/contact">联系我们</a></p></footer>\n</body>\n</html>\n')
    return (head + f'<div id="header"><div class="logo"><img src="logo.png" alt="{site}"><span>{site}</span></div>'
            f'<div class="nav"><ul>{links}</ul></div></div>\n'
            f'<div class="main"><div class="position">您现在的位置：{crumbs}</div>\n'
            f'<div class="left_con"><div class="article"><div class="article_title"><h2>{escape(title)}</h2></div>'
            f'<div class="article_info">发布时间：2024-03-15　来源：区政府办公室　【字体：<a href="#">大</a> '
            f'<a href="#">中</a> <a href="#">小</a>】</div>\n<div class="TRS_Editor">{body}</div>\n'
            f'<div class="xgxw"><div class="xgxw_title">相关新闻</div><ul>{rel}</ul></div></div></div>\n'
            f'<div class="right_con"><div class="hot_title">热点新闻</div><ul class="list">{side}</ul></div></div>\n'
            f'<div class="footer_box"><p>{"</p><p>".join(FOOTER)}</p></div>\n</body>\n</html>\n')


_W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_CT = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
       '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
       '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
       '<Default Extension="xml" ContentType="application/xml"/>'
       '<Override PartName="/word/document.xml" '
       'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
       '<Override PartName="/word/numbering.xml" '
       'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>'
       '<Override PartName="/word/styles.xml" '
       'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/></Types>')
_RELS = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
         '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
         '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
         'officeDocument" Target="word/document.xml"/></Relationships>')
# Heading styles numbered by Word as official documents number them: 一、 （一） 1. （1）
_LEVELS = [("chineseCounting", "%1、"), ("chineseCounting", "（%2）"), ("decimal", "%3."), ("decimal", "（%4）")]


def _runs(text: str) -> str:
    """Text as Word stores it: split into several runs, with proofing marks between them."""
    out = []
    for i in range(0, len(text), 7):
        piece = escape(text[i:i + 7])
        out.append(f'<w:r><w:rPr><w:rFonts w:hint="eastAsia"/></w:rPr><w:t xml:space="preserve">{piece}</w:t></w:r>')
        if i == 7:
            out.append('<w:proofErr w:type="spellStart"/><w:bookmarkStart w:id="0" w:name="_Toc1"/><w:bookmarkEnd w:id="0"/>')
    return "".join(out)


def speech_docx(paragraphs: list[tuple[str, int | None, int | None]]) -> bytes:
    """A Word file; each paragraph is (text, heading level 0-3 numbered by Word or None,
    number Word must show). Where the wanted number is not the one Word's counter would give
    (a section left out), the paragraph gets a list instance that restarts there
    (w:lvlOverride/w:startOverride), as Word writes "Set numbering value"."""
    counters = [0, 0, 0, 0]
    nums = {1: None}
    num_id = 1
    body = []
    for text, level, number in paragraphs:
        ppr = '<w:pPr><w:spacing w:line="560" w:lineRule="exact"/><w:ind w:firstLineChars="200"/></w:pPr>'
        if level is not None:
            expected = counters[level] + 1
            if number is not None and number != expected:
                num_id += 1
                nums[num_id] = (level, number)
                expected = number
            counters[level] = expected
            for k in range(level + 1, 4):
                counters[k] = 0
            ppr = (f'<w:pPr><w:pStyle w:val="Heading{level + 1}"/><w:numPr><w:ilvl w:val="{level}"/>'
                   f'<w:numId w:val="{num_id}"/></w:numPr></w:pPr>')
        body.append(f"<w:p>{ppr}{_runs(text)}</w:p>")
    document = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="{_W_NS}">'
                f'<w:body>{"".join(body)}<w:sectPr/></w:body></w:document>')
    lvls = "".join(f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/><w:pStyle w:val="Heading{i + 1}"/>'
                   f'<w:lvlText w:val="{txt}"/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="0" w:firstLine="640"/>'
                   f'</w:pPr></w:lvl>' for i, (fmt, txt) in enumerate(_LEVELS))
    num_xml = "".join(
        f'<w:num w:numId="{n}"><w:abstractNumId w:val="0"/>'
        + (f'<w:lvlOverride w:ilvl="{o[0]}"><w:startOverride w:val="{o[1]}"/></w:lvlOverride>' if o else "")
        + "</w:num>" for n, o in nums.items())
    numbering = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:numbering xmlns:w="{_W_NS}">'
                 f'<w:abstractNum w:abstractNumId="0"><w:multiLevelType w:val="multilevel"/>{lvls}</w:abstractNum>'
                 f'{num_xml}</w:numbering>')
    styles = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:styles xmlns:w="{_W_NS}">'
              '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>'
              + "".join(f'<w:style w:type="paragraph" w:styleId="Heading{i}"><w:name w:val="heading {i}"/>'
                        f'<w:basedOn w:val="Normal"/><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>'
                        for i in range(1, 5)) + "</w:styles>")
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", _CT)
        z.writestr("_rels/.rels", _RELS)
        z.writestr("word/document.xml", document)
        z.writestr("word/numbering.xml", numbering)
        z.writestr("word/styles.xml", styles)
    return buf.getvalue()
