"""PDF text layer -> the text a reader sees: lines rebuilt from character positions
(pdfminer.six), faux-bold doubles removed, running headers/footers and page numbers dropped,
hard-wrapped lines rejoined into paragraphs across line and page breaks, radical and
compatibility code points mapped to the ordinary characters.

The result is the ``raw`` layer: one paragraph per line; ``starts`` are the offsets where
each page's text begins.
"""
from __future__ import annotations

import io
import re
import statistics
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Iterator

from speechkit.errors import LoadError
from speechkit.lexicons.typed import PdfReaderLexicon, ReadersLexicon
from speechkit.readers.extracted import Extracted

# Two glyphs of the same character whose left edges are closer than this share of the glyph
# width are one character printed twice (faux bold, a shadow): the second is dropped.
DOUBLE_OVERLAP = 0.4
# A gap wider than this share of the font size between two characters is a space (between
# Latin words; never inserted between two Han characters).
SPACE_GAP = 0.2
# Lines whose vertical centres differ by less than this share of the font size are one line.
SAME_LINE = 0.5
# A line starting this many font sizes right of the page's left edge of text is indented
# (a new paragraph); one ending this far short of the right edge ends its paragraph.
INDENT = 0.8
SHORT_END = 1.2
# A gap between lines wider than this multiple of the usual line pitch separates paragraphs.
PARA_GAP = 1.7
# Pages with fewer body lines than this take the margins measured over the whole document.
MIN_PAGE_LINES = 6
_CJK = re.compile(r"[\u2e80-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef]")


@dataclass
class Line:
    text: str
    x0: float
    x1: float
    y: float  # vertical centre (PDF y grows upwards)
    size: float
    page: int


def _chars(layout: Any) -> Iterator[Any]:
    """Every LTChar of a page, also inside figures (form XObjects)."""
    from pdfminer.layout import LTChar

    stack = [layout]
    while stack:
        obj = stack.pop()
        if isinstance(obj, LTChar):
            yield obj
        elif hasattr(obj, "__iter__"):
            stack.extend(reversed(list(obj)))


def _pages(data: bytes) -> Iterator[list[Any]]:
    """The visible characters of each page."""
    from pdfminer.converter import PDFPageAggregator
    from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
    from pdfminer.pdfpage import PDFPage

    rsrc = PDFResourceManager(caching=True)
    device = PDFPageAggregator(rsrc, laparams=None)  # no layout analysis: lines are built here
    interp = PDFPageInterpreter(rsrc, device)
    for page in PDFPage.get_pages(io.BytesIO(data), check_extractable=False):
        interp.process_page(page)
        layout = device.get_result()
        yield [c for c in _chars(layout) if c.get_text().strip()]


def _line_text(chars: list[Any]) -> str:
    """Characters of one line left to right, doubles dropped, spaces where the gap is wide."""
    kept: list[Any] = []
    for c in sorted(chars, key=lambda c: c.x0):
        t = c.get_text()
        if any(k.get_text() == t and abs(k.x0 - c.x0) < DOUBLE_OVERLAP * max(c.width, 1e-3) for k in kept[-3:]):
            continue
        kept.append(c)
    out: list[str] = []
    for prev, c in zip([None] + kept[:-1], kept):
        t = c.get_text()
        if prev is not None and c.x0 - prev.x1 > SPACE_GAP * c.size:
            if not (_CJK.match(prev.get_text()[-1]) and _CJK.match(t[0])):
                out.append(" ")
        out.append(t)
    return "".join(out)


def _lines(chars: list[Any], page: int) -> list[Line]:
    """Characters grouped into lines, top to bottom."""
    groups: list[list[Any]] = []
    for c in sorted(chars, key=lambda c: -(c.y0 + c.y1) / 2):
        mid = (c.y0 + c.y1) / 2
        if groups:
            g = groups[-1]
            gmid = (g[0].y0 + g[0].y1) / 2
            if abs(gmid - mid) < SAME_LINE * max(g[0].size, c.size):
                g.append(c)
                continue
        groups.append([c])
    out = []
    for g in groups:
        out.append(Line(_line_text(g), min(c.x0 for c in g), max(c.x1 for c in g),
                        (g[0].y0 + g[0].y1) / 2, statistics.median(c.size for c in g), page))
    return out


def _furniture_key(text: str) -> str:
    return re.sub(r"\d+", "#", re.sub(r"\s+", "", text))


def _drop_furniture(pages: list[list[Line]], lex: PdfReaderLexicon) -> list[list[Line]]:
    """Page numbers and running headers/footers: among a page's first and last lines, those
    that are only a page number, or that recur (digits aside) on most pages."""
    numbers = [re.compile(p) for p in lex.page_number_patterns]
    n = lex.furniture_lines

    def edges(lines: list[Line]) -> list[Line]:
        return lines[:n] + lines[max(n, len(lines) - n):]

    seen: dict[str, int] = {}
    for lines in pages:
        for key in {_furniture_key(ln.text) for ln in edges(lines)}:
            seen[key] = seen.get(key, 0) + 1
    least = max(2, lex.running_share * len(pages))
    out = []
    for lines in pages:
        edge = {id(ln) for ln in edges(lines)}
        out.append([ln for ln in lines if id(ln) not in edge or not (
            any(rx.fullmatch(re.sub(r"\s+", "", ln.text)) for rx in numbers)
            or (len(pages) > 1 and seen[_furniture_key(ln.text)] >= least))])
    return out


def _margins(lines: list[Line]) -> tuple[float, float, float, float]:
    """Left and right edges of the text, usual font size and line pitch of ``lines``."""
    size = statistics.median(ln.size for ln in lines)
    left = statistics.mode(round(ln.x0 / (size / 2)) for ln in lines) * (size / 2)
    rights = sorted(ln.x1 for ln in lines)
    right = rights[int(0.9 * (len(rights) - 1))]
    pitches = [a.y - b.y for a, b in zip(lines, lines[1:]) if a.page == b.page and a.y > b.y]
    pitch = statistics.median(pitches) if pitches else size * 1.5
    return left, right, size, pitch


def _paragraphs(pages: list[list[Line]]) -> tuple[str, list[int]]:
    """Lines rejoined into paragraphs (one per line of the result) and the offset in the
    result where each page's text begins."""
    every = [ln for lines in pages for ln in lines]
    if not every:
        return "", []
    overall = _margins(every)
    done: list[str] = []  # finished paragraphs
    cur: list[str] = []
    base = 0  # offset of the current paragraph in the result
    starts: list[int | None] = []
    prev: Line | None = None
    ended = True
    for lines in pages:
        left, right, size, pitch = _margins(lines) if len(lines) >= MIN_PAGE_LINES else overall
        starts.append(None)
        for ln in lines:
            if (ended or ln.x0 > left + INDENT * size
                    or (prev is not None and prev.page == ln.page and prev.y - ln.y > PARA_GAP * pitch)):
                if cur or done:
                    done.append("".join(cur))
                    base += len(done[-1]) + 1
                cur = []
            elif cur and _needs_space(cur[-1], ln.text):
                cur.append(" ")
            if starts[-1] is None:
                starts[-1] = base + sum(map(len, cur))
            cur.append(ln.text)
            ended = ln.x1 < right - SHORT_END * size
            prev = ln
    done.append("".join(cur))
    text = "\n".join(done)
    out, nxt = [], len(text)
    for s in reversed(starts):  # a page without text begins where the next text does
        nxt = s if s is not None else nxt
        out.append(nxt)
    return text, out[::-1]


def _needs_space(before: str, after: str) -> bool:
    """Two hard-wrapped pieces of Latin text are joined with a space; Han text without."""
    return (bool(before) and bool(after) and before[-1].isascii() and before[-1].isalnum()
            and after[0].isascii() and after[0].isalnum())


def _ordinary(text: str, radicals: Mapping[str, str]) -> str:
    """Kangxi radicals and compatibility ideographs (NFKC), radical supplements (lexicon)
    as the ordinary characters; one character for one, so nothing else moves."""
    def fix(m: re.Match[str]) -> str:
        ch = m.group()
        if ch in radicals:
            return radicals[ch]
        n = unicodedata.normalize("NFKC", ch)
        return n if len(n) == 1 else ch

    return re.sub(r"[\u2e80-\u2eff\u2f00-\u2fdf\uf900-\ufaff]", fix, text)


def read_pdf(data: bytes, name: str, config: Any) -> Extracted:
    import logging

    # pdfminer logs what it repairs (a missing CropBox, a bad xref); stderr is for our own lines
    logging.getLogger("pdfminer").setLevel(logging.ERROR + 10)
    lex = ReadersLexicon.of(config.lexicon("readers")).pdf
    pages = []
    try:
        for k, chars in enumerate(_pages(data)):
            pages.append(_lines(chars, k))
    except Exception as exc:  # pdfminer raises many kinds for damaged or locked files
        kind = type(exc).__name__
        if "Password" in kind or "Encrypt" in kind:
            raise LoadError(name, "the PDF is password-protected; remove the password and run again") from None
        raise LoadError(name, f"cannot read this PDF ({kind}: {exc}); is it damaged?") from None
    if not any(pages):
        raise LoadError(name, "PDF has no text layer (a scan?); run OCR on it (e.g. ocrmypdf) and read the result")
    text, starts = _paragraphs(_drop_furniture(pages, lex))
    text = _ordinary(text, lex.radicals)
    return Extracted(text, "pdf", "page", tuple(starts))
