"""Inputs -> decoded text: paths, directories, globs and stdin; encodings detected."""
from __future__ import annotations

import codecs
import glob
import os
import sys
from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Iterator

from speechkit.errors import LoadError

if TYPE_CHECKING:
    from speechkit.readers.extracted import Extracted

# What a directory argument picks up, recursively (readers/ tells the formats by content).
DIR_SUFFIXES = (".txt", ".md", ".html", ".htm", ".docx", ".pdf")
# Folders a directory walk never enters, besides hidden ones (.git, .venv): tools' own.
SKIP_DIRS = frozenset({"node_modules", "__pycache__", "site-packages"})
# Encodings tried, in order, after BOMs and strict UTF-8; a detector picks among them.
FALLBACK_ENCODINGS = ("gb18030", "big5", "utf_16_le", "utf_16_be")
# Share of NUL bytes above which a file without a UTF-16 BOM is treated as binary
# (UTF-16 Chinese text without BOM has NULs only in ASCII positions; we check that apart).
BINARY_NUL_SHARE = 0.01
# A decoding guess is kept only if at most this share of the first PLAUSIBLE_SAMPLE characters
# are control or private-use characters (real speeches have none; binary decodes to many).
PLAUSIBLE_SAMPLE = 20000
# A file decoded line by line (its encoding switches) may have at most this share of lines
# that no encoding decodes.
MAX_DAMAGED_LINES = 0.05
PLAUSIBLE_MAX_ODD = 0.01


@dataclass(frozen=True)
class Input:
    """One thing to read: ``name`` as the user gave it, ``path`` on disk (None for stdin)."""

    name: str
    path: str | None


def expand_inputs(specs: list[str]) -> Iterator[Input | LoadError]:
    """Each argument as files to read, in the order given; errors in place of what is missing."""
    for spec in specs:
        if spec == "-":
            yield Input("-", None)
        elif os.path.isdir(spec):
            found = _dir_files(spec)
            if not found:
                yield LoadError(spec, f"directory has no {', '.join('*' + s for s in DIR_SUFFIXES)} files to read")
            for f in found:
                yield Input(f, f)
        elif os.path.lexists(spec):
            yield Input(spec, spec)
        elif glob.has_magic(spec):
            matches = sorted(glob.glob(spec, recursive=True))
            if not matches:
                yield LoadError(spec, "no files match this pattern")
            for m in matches:
                yield from expand_inputs([m]) if os.path.isdir(m) else [Input(m, m)]
        else:
            yield LoadError(spec, "no such file or directory")


def _dir_files(spec: str) -> list[str]:
    """The readable files under a directory, sorted; hidden and tool folders are not entered,
    hidden files not read. How many files of other kinds were passed over is said on stderr."""
    found, other = [], Counter()
    for root, dirs, files in os.walk(spec):
        dirs[:] = [d for d in dirs if not d.startswith(".") and d not in SKIP_DIRS]
        for f in files:
            if f.startswith("."):
                continue
            if f.lower().endswith(DIR_SUFFIXES):
                found.append(os.path.join(root, f))
            else:
                other[os.path.splitext(f)[1].lower() or "(no suffix)"] += 1
    if other:
        kinds = ", ".join(f"{n} {ext}" for ext, n in other.most_common())
        hint = "; save .doc files as .docx to read them" if ".doc" in other else ""
        sys.stderr.write(f"speechkit: note: {spec}: skipped {sum(other.values())} file(s) of other kinds "
                         f"({kinds}){hint}\n")
    return sorted(found)


def read_bytes(item: Input) -> bytes:
    if item.path is None:
        return sys.stdin.buffer.read()
    path = item.path
    if os.path.islink(path) and not os.path.exists(path):
        raise LoadError(item.name, "broken symbolic link")
    if not os.path.isfile(path):
        raise LoadError(item.name, "not a regular file (a FIFO, device or socket?); pass a text file")
    try:
        with open(path, "rb") as fh:
            return fh.read()
    except PermissionError:
        raise LoadError(item.name, "permission denied; check the file's read permission") from None
    except OSError as exc:
        raise LoadError(item.name, f"cannot read: {exc.strerror or exc}") from None


_BOMS = (
    (codecs.BOM_UTF32_LE, "utf_32"),
    (codecs.BOM_UTF32_BE, "utf_32"),
    (codecs.BOM_UTF8, "utf_8_sig"),
    (codecs.BOM_UTF16_LE, "utf_16"),
    (codecs.BOM_UTF16_BE, "utf_16"),
)


def _strict(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None


def _plausible(text: str) -> bool:
    """Decoded text that reads as text: almost all Han, kana, Latin, digits, punctuation or space."""
    sample = text[:PLAUSIBLE_SAMPLE]
    odd = sum(1 for ch in sample if not (ch.isprintable() or ch in "\r\n\t") or "\ue000" <= ch <= "\uf8ff")
    return odd <= PLAUSIBLE_MAX_ODD * len(sample)


def _bomless_utf16(data: bytes) -> str | None:
    """UTF-16 without BOM: NULs stand in every other byte for ASCII characters only."""
    if len(data) % 2:
        return None
    even, odd = data[0::2].count(0), data[1::2].count(0)
    # Han characters put a NUL in the other half too, about one in 256: hence the slack
    if min(even, odd) > max(even, odd) // 4:
        return None
    text = _strict(data, "utf_16_le" if odd > even else "utf_16_be")
    return text if text is not None and _plausible(text) else None


def _detect(data: bytes) -> tuple[str, str] | None:
    """Pick among the fallback encodings with charset-normalizer, then verify strictly."""
    from charset_normalizer import from_bytes

    best = from_bytes(data, cp_isolation=["gb18030", "big5", "cp950"], preemptive_behaviour=False).best()
    candidates = ([best.encoding] if best is not None else []) + ["gb18030", "big5"]
    for enc in candidates:
        text = _strict(data, enc)
        if text is not None:
            return text, "big5" if enc == "cp950" else enc
    return None


def decode_bytes(data: bytes, name: str, encoding: str | None = None) -> tuple[str, str]:
    """Decoded text and the encoding used. Raises LoadError with what to do."""
    if encoding:
        try:
            return data.decode(encoding), encoding
        except LookupError:
            raise LoadError(name, f"unknown encoding {encoding!r}") from None
        except UnicodeDecodeError as exc:
            raise LoadError(name, f"not valid {encoding} at byte {exc.start}; try another --encoding") from None
    if not data:
        raise LoadError(name, "file is empty")
    for bom, enc in _BOMS:
        if data.startswith(bom):
            text = _strict(data, enc)
            if text is None:
                raise LoadError(name, f"starts with a {enc} byte-order mark but does not decode as {enc}")
            return text, enc.replace("_sig", "")
    text = _strict(data, "utf_8")
    if text is not None and "\x00" not in text:
        return text, "utf-8"
    if data.count(0) > BINARY_NUL_SHARE * len(data):
        text = _bomless_utf16(data)
        if text is not None:
            return text, "utf-16"
        raise LoadError(name, "looks like a binary file, not text (it contains NUL bytes)")
    found = _detect(data) if text is None else (text, "utf-8")
    if found is None:
        found = _per_line(data)
    if found is None:
        raise LoadError(name, "cannot tell the encoding (not UTF-8, UTF-16, GB18030 or Big5); pass --encoding")
    return found


def _per_line(data: bytes) -> tuple[str, str] | None:
    """A file whose encoding switches part way (pasted from several pages): each line in the
    first encoding that decodes it. Lines no encoding decodes get U+FFFD for the bad bytes;
    if too many do, the file is not text we can read."""
    out, used, damaged = [], [], 0
    lines = data.split(b"\n")
    for line in lines:
        for enc in ("utf-8", "gb18030", "big5"):
            text = _strict(line, enc)
            if text is not None:
                if enc not in used:
                    used.append(enc)
                break
        else:
            text = line.decode("gb18030", errors="replace")
            damaged += 1
        out.append(text)
    if damaged > MAX_DAMAGED_LINES * len(lines) or not _plausible("\n".join(out)):
        return None
    return "\n".join(out), "mixed:" + "+".join(used)


def load_extracted(item: Input, encoding: str | None = None, config: Any = None) -> "Extracted":
    """The text of one input as its reader sees it: PDF, Word and web pages extracted (told
    apart by content, see speechkit/readers), other text decoded."""
    from speechkit.readers import from_text, read_binary

    data = read_bytes(item)
    got = read_binary(data, item.name, config)
    if got is None:
        got = from_text(*decode_bytes(data, item.name, encoding), config, item.name)
    if not got.text.strip():
        raise LoadError(item.name, "file has no text (only white space)")
    return got


def load_text(item: Input, encoding: str | None = None) -> tuple[str, str]:
    got = load_extracted(item, encoding)
    return got.text, got.encoding
