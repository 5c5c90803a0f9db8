"""File readers: the bytes of a file -> the text a reader of it sees, told apart by content.

``read`` looks at the first bytes (magic numbers), not the file name: a PDF named ``.txt``
is read as a PDF. Each format's module is imported only when a file of that format is read,
so plain-text runs never pay for the PDF, Word or HTML libraries.

For extracted formats the returned text is the ``raw`` layer; ``unit``/``starts`` say where
each page (PDF) or paragraph (Word) begins in it, so records can name their page or paragraph.
"""
from __future__ import annotations

import re
from typing import Any

from speechkit.errors import LoadError
from speechkit.lexicons.typed import ReadersLexicon
from speechkit.readers.extracted import Extracted

# OLE2 compound file (legacy Word .doc, .xls, .ppt)
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = b"PK\x03\x04"
# PDF readers accept %PDF- anywhere in the first KiB (some generators put junk before it)
PDF_SNIFF = 1024
# How much of the start of a decoded text is looked at to tell whether it is an HTML page.
HTML_SNIFF = 4096


def kind_of(data: bytes) -> str:
    """``pdf``, ``docx``, ``zip``, ``ole`` or ``text`` (which may still turn out to be HTML)."""
    if b"%PDF-" in data[:PDF_SNIFF]:
        return "pdf"
    if data.startswith(ZIP_MAGIC):
        return "docx" if b"word/document.xml" in data else "zip"
    if data.startswith(OLE_MAGIC):
        return "ole"
    return "text"


def is_html(text: str, config: Any) -> bool:
    """A decoded text that is a web page, or a fragment of one (markup near its start)."""
    rx = config.compiled("readers.detect",
                         lambda c: re.compile(ReadersLexicon.of(c.lexicon("readers")).html.detect, re.I))
    return rx.search(text, 0, HTML_SNIFF) is not None


def read_binary(data: bytes, name: str, config: Any) -> Extracted | None:
    """The text of a PDF or Word file; None for what is to be decoded as text. Raises
    LoadError (one line saying what to do) for formats that are not read."""
    if config is None:
        from speechkit.config import Config

        config = Config()
    kind = kind_of(data)
    if kind == "pdf":
        from speechkit.readers.pdf import read_pdf

        return read_pdf(data, name, config)
    if kind == "docx":
        from speechkit.readers.docx import read_docx

        return read_docx(data, name)
    if kind == "zip":
        raise LoadError(name, "a zip archive, not a Word .docx (no word/document.xml); unpack it first")
    if kind == "ole":
        raise LoadError(name, "a legacy Word .doc (or other Office 97-2003 file), which speechkit does not read; "
                              "save it as .docx (Word: File > Save As > Word Document) and run again")
    return None


def from_text(text: str, encoding: str, config: Any, name: str = "<text>") -> Extracted:
    """Decoded text as read: a web page becomes the text of its article."""
    if config is None:
        from speechkit.config import Config

        config = Config()
    if is_html(text, config):
        from speechkit.readers.html import read_html

        return read_html(text, encoding, config, name)
    return Extracted(text, encoding)
