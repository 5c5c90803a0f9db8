"""Word .docx -> the text a reader sees: one line per paragraph (tables cell by cell), with
Word's automatic list numbering rendered as the markers Word shows (一、 （一） 1. …).

A .docx is a zip of XML parts; the body is read from word/document.xml, the numbering from
word/numbering.xml and the styles that carry numbering (numbered heading styles) from
word/styles.xml, with the standard library's zipfile and ElementTree. python-docx does not
expose list numbers, and the numbering rules are small enough to follow here (ECMA-376
§17.9): counters per abstract list, deeper levels restart, ``%N`` in a level's text is the
level-N counter in level N's format.

Hidden text (w:vanish), deleted text, field codes and drawings are not read. Headers and
footers are not read: they are page furniture. ``starts`` are the offsets where each
paragraph (1-based, in document order) begins.
"""
from __future__ import annotations

import io
import re
import zipfile
from typing import Any, Iterator
from xml.etree import ElementTree as ET

from speechkit.errors import LoadError
from speechkit.numerals import BRANCHES, STEMS, write, write_cyclic, write_digits
from speechkit.readers.extracted import Extracted

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
# A part larger than this when unpacked is refused (a zip bomb, not a speech).
MAX_PART_BYTES = 256 * 1024 * 1024
# Marker endings after which Word's tab between marker and text reads as nothing (一、加强).
TIGHT_END = "、．.。，,：:)）]】」』》〉"
_NOT_READ = {W + "delText", W + "instrText", W + "drawing", W + "pict", W + "object",
             MC + "AlternateContent", W + "footnoteReference", W + "endnoteReference", W + "commentReference"}


def _roman(n: int) -> str:
    vals = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"),
            (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))
    out = ""
    for v, s in vals:
        while n >= v:
            out, n = out + s, n - v
    return out or str(n)


def _letter(n: int) -> str:
    return chr(ord("A") + (n - 1) % 26) * ((n - 1) // 26 + 1) if n > 0 else str(n)


def _enclosed(n: int, first: int, last: int) -> str:
    return chr(first + n - 1) if 1 <= n <= last - first + 1 else str(n)


FORMATS = {
    "decimal": str,
    "decimalZero": lambda n: f"{n:02d}",
    "upperRoman": _roman,
    "lowerRoman": lambda n: _roman(n).lower(),
    "upperLetter": _letter,
    "lowerLetter": lambda n: _letter(n).lower(),
    "chineseCounting": write,
    "chineseCountingThousand": write,
    "taiwaneseCounting": write,
    "taiwaneseCountingThousand": write,
    "japaneseCounting": write,
    "ideographLegalTraditional": lambda n: write(n, financial=True),
    "chineseLegalSimplified": lambda n: write(n, financial=True),
    "ideographTraditional": lambda n: write_cyclic(n, STEMS),
    "ideographZodiac": lambda n: write_cyclic(n, BRANCHES),
    "ideographDigital": write_digits,
    "decimalFullWidth": lambda n: str(n).translate({ord(d): 0xFF10 + int(d) for d in "0123456789"}),
    "decimalFullWidth2": lambda n: str(n).translate({ord(d): 0xFF10 + int(d) for d in "0123456789"}),
    "decimalEnclosedCircle": lambda n: _enclosed(n, 0x2460, 0x2473),
    "decimalEnclosedCircleChinese": lambda n: _enclosed(n, 0x2460, 0x2473),
    "ideographEnclosedCircle": lambda n: _enclosed(n, 0x3220, 0x3229),
    "decimalEnclosedParen": lambda n: _enclosed(n, 0x2474, 0x2487),
    "decimalEnclosedFullstop": lambda n: _enclosed(n, 0x2488, 0x249B),
}


def _val(el: ET.Element | None, tag: str) -> str | None:
    child = el.find(W + tag) if el is not None else None
    return child.get(W + "val") if child is not None else None


class Numbering:
    """Word's list numbering: levels of each abstract list, the lists (w:num) that use them,
    counters as the document is read."""

    def __init__(self, numbering: ET.Element | None, styles: ET.Element | None):
        self.levels: dict[str, dict[int, ET.Element]] = {}
        self.nums: dict[str, tuple[str, dict[int, int], dict[int, ET.Element]]] = {}
        self.style_num: dict[str, tuple[str | None, str | None]] = {}
        self.style_base: dict[str, str] = {}
        self.counters: dict[str, list[int | None]] = {}
        self.used: set[str] = set()
        for a in (numbering.iter(W + "abstractNum") if numbering is not None else ()):
            self.levels[a.get(W + "abstractNumId", "")] = {int(lv.get(W + "ilvl", "0")): lv
                                                           for lv in a.iter(W + "lvl")}
        for n in (numbering.iter(W + "num") if numbering is not None else ()):
            starts, lvls = {}, {}
            for o in n.iter(W + "lvlOverride"):
                ilvl = int(o.get(W + "ilvl", "0"))
                if _val(o, "startOverride") is not None:
                    starts[ilvl] = int(_val(o, "startOverride") or 1)
                if o.find(W + "lvl") is not None:
                    lvls[ilvl] = o.find(W + "lvl")
            self.nums[n.get(W + "numId", "")] = (_val(n, "abstractNumId") or "", starts, lvls)
        for s in (styles.iter(W + "style") if styles is not None else ()):
            sid = s.get(W + "styleId", "")
            if _val(s, "basedOn"):
                self.style_base[sid] = _val(s, "basedOn") or ""
            numpr = s.find(f"{W}pPr/{W}numPr")
            if numpr is not None:
                self.style_num[sid] = (_val(numpr, "numId"), _val(numpr, "ilvl"))

    def _level(self, num_id: str, ilvl: int) -> ET.Element | None:
        abstract, _starts, lvls = self.nums[num_id]
        return lvls.get(ilvl) or self.levels.get(abstract, {}).get(ilvl)

    def _of_style(self, style: str | None) -> tuple[str | None, int | None]:
        seen = set()
        while style and style not in seen:
            seen.add(style)
            if style in self.style_num:
                num_id, ilvl = self.style_num[style]
                if ilvl is None and num_id in self.nums:  # the level that names this style
                    abstract = self.nums[num_id][0]
                    ilvl = next((str(k) for k, lv in self.levels.get(abstract, {}).items()
                                 if _val(lv, "pStyle") == style), "0")
                return num_id, int(ilvl or 0)
            style = self.style_base.get(style)
        return None, None

    def marker(self, ppr: ET.Element | None) -> str:
        """The marker Word shows before this paragraph, and advance the counters."""
        num_id, ilvl = self._of_style(_val(ppr, "pStyle"))
        numpr = ppr.find(W + "numPr") if ppr is not None else None
        if numpr is not None:
            num_id = _val(numpr, "numId") or num_id
            ilvl = int(_val(numpr, "ilvl") or ilvl or 0)
        if not num_id or num_id == "0" or num_id not in self.nums or ilvl is None or not 0 <= ilvl < 9:
            return ""
        lvl = self._level(num_id, ilvl)
        if lvl is None:
            return ""
        abstract, starts, _ = self.nums[num_id]
        counts = self.counters.setdefault(abstract, [None] * 9)
        if num_id not in self.used:
            self.used.add(num_id)
            for k, start in starts.items():
                if 0 <= k < 9:
                    counts[k] = start - 1
        counts[ilvl] = (counts[ilvl] + 1) if counts[ilvl] is not None else self._start(num_id, ilvl)
        for k in range(ilvl + 1, 9):
            counts[k] = None
        return self._render(num_id, ilvl, lvl, counts)

    def _start(self, num_id: str, ilvl: int) -> int:
        lvl = self._level(num_id, ilvl)
        return int(_val(lvl, "start") or 1) if lvl is not None else 1

    def _render(self, num_id: str, ilvl: int, lvl: ET.Element, counts: list[int | None]) -> str:
        fmt = _val(lvl, "numFmt") or "decimal"
        text = _val(lvl, "lvlText") or ""
        if fmt == "bullet":
            return re.sub(r"[\ue000-\uf8ff]", "•", text) + " " if text else ""
        legal = lvl.find(W + "isLgl") is not None

        def one(m: re.Match[str]) -> str:
            k = int(m.group(1)) - 1
            n = counts[k] if counts[k] is not None else self._start(num_id, k)
            level = self._level(num_id, k)
            f = "decimal" if legal else (_val(level, "numFmt") if level is not None else None) or "decimal"
            return "" if f == "none" else FORMATS.get(f, str)(n)

        marker = re.sub(r"%([1-9])", one, text)
        suffix = _val(lvl, "suff") or "tab"
        if marker and suffix != "nothing" and marker[-1] not in TIGHT_END:
            marker += " "
        return marker


def _hidden(run: ET.Element) -> bool:
    v = run.find(f"{W}rPr/{W}vanish")
    return v is not None and v.get(W + "val", "true") not in ("0", "false", "off")


def _text(p: ET.Element) -> str:
    """The visible text of one paragraph: runs in order, tabs and line breaks kept."""
    out: list[str] = []
    stack = list(reversed(list(p)))
    while stack:
        el = stack.pop()
        tag = el.tag
        if tag in _NOT_READ or tag == W + "pPr" or tag == W + "p":
            continue
        if tag == W + "r" and _hidden(el):
            continue
        if tag == W + "t":
            out.append(el.text or "")
        elif tag == W + "tab":
            out.append("\t")
        elif tag in (W + "br", W + "cr"):
            out.append("\n")
        elif tag == W + "noBreakHyphen":
            out.append("-")
        else:
            stack.extend(reversed(list(el)))
    return "".join(out)


def _paragraphs(body: ET.Element) -> Iterator[ET.Element]:
    """Paragraphs in document order, also inside tables and content controls."""
    stack = list(reversed(list(body)))
    while stack:
        el = stack.pop()
        if el.tag == W + "p":
            yield el
        elif el.tag not in _NOT_READ:
            stack.extend(reversed(list(el)))


def _part(z: zipfile.ZipFile, name: str, file: str) -> ET.Element | None:
    try:
        info = z.getinfo(name)
    except KeyError:
        return None
    if info.file_size > MAX_PART_BYTES:
        raise LoadError(file, f"{name} unpacks to {info.file_size // 2**20} MiB; too large to be a speech")
    return ET.fromstring(z.read(info))


def read_docx(data: bytes, name: str) -> Extracted:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            doc = _part(z, "word/document.xml", name)
            numbering = Numbering(_part(z, "word/numbering.xml", name), _part(z, "word/styles.xml", name))
    except LoadError:
        raise
    except Exception as exc:  # a damaged zip raises many kinds (BadZipFile, zlib.error, EOFError ...)
        raise LoadError(name, f"cannot read this Word file ({type(exc).__name__}: {exc}); is it damaged?") from None
    if doc is None:
        raise LoadError(name, "not a Word .docx (no word/document.xml)")
    body = doc.find(W + "body")
    lines: list[str] = []
    starts: list[int] = []
    pos = 0
    for p in _paragraphs(body if body is not None else doc):
        text = _text(p)
        line = numbering.marker(p.find(W + "pPr")) + text
        starts.append(pos)
        lines.append(line)
        pos += len(line) + 1
    return Extracted("\n".join(lines), "docx", "paragraph", tuple(starts))
