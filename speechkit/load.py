"""Inputs -> decoded text: paths, directories, globs and stdin; encodings detected."""
from __future__ import annotations

import codecs
import errno
import fnmatch
import glob
import os
import re
import sys
from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Callable, Iterator

from speechkit.errors import LoadError

if TYPE_CHECKING:
    from speechkit.readers.extracted import Extracted

# What a directory argument picks up, recursively (readers/ tells the formats by content).
DIR_SUFFIXES = (".txt", ".md", ".html", ".htm", ".docx", ".pdf")
# Folders a directory walk never enters, besides hidden ones (.git, .venv): tools' own.
SKIP_DIRS = frozenset({"node_modules", "__pycache__", "site-packages"})
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


# Standard input is read whole; beyond this it is refused (`- </dev/zero` would fill memory).
MAX_STDIN_BYTES = 256 * 1024 * 1024


@dataclass(frozen=True)
class Input:
    """One thing to read: ``name`` as shown (see ``display_name``), ``path`` on disk (None for
    stdin), ``data`` the bytes when already read (stdin, read by the parent of a batch)."""

    name: str
    path: str | None
    data: bytes | None = None


def display_name(path: str) -> str:
    """``path`` as text that is always valid UTF-8 and maps back to exactly one path.

    POSIX file names are bytes; Python turns bytes that are not UTF-8 into lone surrogates
    (U+DC80-U+DCFF), which no UTF-8 output can hold. Such a name is shown with each of those
    bytes as ``\\xHH`` and each backslash doubled (``caf\\xe9.txt``), so the two cannot be
    confused; a name that is valid UTF-8 and has no backslash is shown as it is."""
    if "\\" not in path and not any("\ud800" <= ch <= "\udfff" for ch in path):
        return path
    if os.sep == "\\":  # Windows names are text: only unpaired surrogates need escaping
        return path.encode("utf-8", "backslashreplace").decode("utf-8")
    raw = os.fsencode(path).replace(b"\\", b"\\\\")
    return raw.decode("utf-8", "backslashreplace")


def _path_problem(path: str) -> str | None:
    """Why ``path`` cannot even be looked at (too long, a component too long), or None."""
    try:
        os.lstat(path)
    except OSError as exc:
        if exc.errno == errno.ENAMETOOLONG:
            return (f"path too long ({len(os.fsencode(path))} bytes; the system allows "
                    f"{_limit('PC_PATH_MAX', 4096)} per path and {_limit('PC_NAME_MAX', 255)} per name)")
    except ValueError:
        return "path contains a NUL character"
    return None


def _limit(name: str, default: int) -> int:
    try:
        return os.pathconf("/", name)
    except (OSError, ValueError, AttributeError):
        return default


class _Seen:
    """Files already yielded, by device and inode: each file is analysed once however it is
    reached (two links, a directory and a glob naming the same file)."""

    def __init__(self) -> None:
        self.ids: set[tuple[int, int]] = set()

    def first(self, path: str) -> bool:
        try:
            st = os.stat(path)
        except OSError:
            return True  # reading it will say what is wrong
        key = (st.st_dev, st.st_ino)
        if key in self.ids:
            return False
        self.ids.add(key)
        return True


def expand_inputs(specs: list[str]) -> Iterator[Input | LoadError]:
    """Each argument as files to read, in the order given; errors in place of what is missing.

    A file named as an argument is always read; files found in directories or by glob
    patterns are read once each (see ``_Seen``)."""
    seen = _Seen()
    for spec in specs:
        name = display_name(spec)
        if spec == "-":
            yield Input("-", None)
        elif (problem := _path_problem(spec)) is not None:
            yield LoadError(name, problem)
        elif os.path.isdir(spec):
            yield from _directory(spec, seen)
        elif os.path.lexists(spec):
            seen.first(spec)
            yield Input(name, spec)
        elif glob.has_magic(spec):
            yield from _pattern(spec, seen)
        else:
            yield LoadError(name, "no such file or directory")


def _directory(spec: str, seen: _Seen) -> Iterator[Input | LoadError]:
    """The readable files under a directory, sorted. Hidden and tool folders are not entered,
    nor symbolic links to directories (no loops); hidden files are not read; an unreadable
    subdirectory is an error, not a skip. How many files of other kinds were passed over is
    said on stderr."""
    found, errors, other = [], [], Counter()
    for path, is_dir in _walk(spec, errors, recursive=True, skip=_skip_dir):
        name = os.path.basename(path)
        if is_dir or name.startswith("."):
            continue
        if name.lower().endswith(DIR_SUFFIXES):
            found.append(path)
        else:
            other[os.path.splitext(name)[1].lower() or "(no suffix)"] += 1
    if other:
        kinds = ", ".join(f"{n} {ext}" for ext, n in other.most_common())
        hint = "; save .doc files as .docx to read them" if ".doc" in other else ""
        sys.stderr.write(f"speechkit: note: {display_name(spec)}: skipped {sum(other.values())} file(s) of "
                         f"other kinds ({kinds}){hint}\n")
    yield from (LoadError(display_name(p), why) for p, why in errors)
    if not found and not errors:
        yield LoadError(display_name(spec),
                        f"directory has no {', '.join('*' + s for s in DIR_SUFFIXES)} files to read")
    for f in sorted(found):
        if seen.first(f):
            yield Input(display_name(f), f)


def _skip_dir(name: str) -> bool:
    return name.startswith(".") or name in SKIP_DIRS


def _walk(top: str, errors: list[tuple[str, str]], recursive: bool,
          skip: Callable[[str], bool] | None = None) -> Iterator[tuple[str, bool]]:
    """(path, is a real directory) for every entry under ``top``; directories are entered only
    when they are not symbolic links, so every walk is finite."""
    stack = [top]
    while stack:
        d = stack.pop()
        try:
            with os.scandir(d) as it:
                entries = list(it)
        except OSError as exc:
            errors.append((d, _dir_reason(exc)))
            continue
        for e in entries:
            path = os.path.join(d, e.name)
            try:
                real_dir = e.is_dir(follow_symlinks=False)
            except OSError:
                real_dir = False
            if real_dir and skip is not None and skip(e.name):
                continue
            yield path, real_dir
            if real_dir and recursive:
                stack.append(path)


def _dir_reason(exc: OSError) -> str:
    if isinstance(exc, PermissionError):
        return "permission denied: cannot read this directory; its files were not analysed"
    if exc.errno == errno.ENAMETOOLONG:
        return "path too long to open this directory; its files were not analysed"
    return f"cannot read this directory: {exc.strerror or exc}; its files were not analysed"


def _pattern(spec: str, seen: _Seen) -> Iterator[Input | LoadError]:
    """A glob pattern (for shells that do not expand them). Like ``glob.glob(recursive=True)``
    but ``**`` never enters a symbolic link to a directory: two ``ln -s .`` links would
    otherwise make it walk 2**40 paths."""
    errors: list[tuple[str, str]] = []
    matches = sorted(set(_glob(spec, errors)))
    yield from (LoadError(display_name(p), why) for p, why in errors)
    if not matches and not errors:
        yield LoadError(display_name(spec), "no files match this pattern")
    for m in matches:
        if os.path.isdir(m):
            yield from _directory(m, seen)
        elif seen.first(m):
            yield Input(display_name(m), m)


def _glob(spec: str, errors: list[tuple[str, str]]) -> Iterator[str]:
    head, parts = ("", spec.split(os.sep))
    if spec.startswith(os.sep):
        head, parts = os.sep, spec.lstrip(os.sep).split(os.sep)
    parts = [p for p in parts if p]
    yield from _expand(head, parts, errors)


def _expand(base: str, parts: list[str], errors: list[tuple[str, str]]) -> Iterator[str]:
    if not parts:
        if base:
            yield base
        return
    part, rest = parts[0], parts[1:]
    here = base or os.curdir
    if part == "**":
        yield from _expand(base, rest, errors) if rest else ([base] if base else [])
        for path, is_dir in _walk(here, errors, recursive=True):
            rel = path if base else os.path.relpath(path, os.curdir)
            if _hidden(os.path.relpath(path, here)):
                continue
            if is_dir or not rest:
                if not rest:
                    yield rel
                else:
                    yield from _expand(rel, rest, errors)
        return
    if not glob.has_magic(part):
        path = os.path.join(base, part)
        if os.path.lexists(path) and (not rest or os.path.isdir(path)):
            yield from _expand(path, rest, errors)
        return
    try:
        with os.scandir(here) as it:
            names = [e.name for e in it]
    except OSError as exc:
        if base:
            errors.append((base, _dir_reason(exc)))
        return
    for n in fnmatch.filter(names, part):
        if n.startswith(".") and not part.startswith("."):
            continue  # as glob: * does not match hidden names
        path = os.path.join(base, n)
        if not rest or os.path.isdir(path):
            yield from _expand(path, rest, errors)


def _hidden(path: str) -> bool:
    return any(p.startswith(".") and p not in (".", "..") for p in path.split(os.sep))


def read_bytes(item: Input) -> bytes:
    if item.data is not None:
        return item.data
    if item.path is None:
        return _read_stdin(item.name)
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


def _read_stdin(name: str) -> bytes:
    if sys.stdin is None:
        raise LoadError(name, "standard input is closed; pass a file or pipe text in")
    try:
        data = sys.stdin.buffer.read(MAX_STDIN_BYTES + 1)
    except (OSError, ValueError) as exc:
        raise LoadError(name, f"cannot read standard input: {getattr(exc, 'strerror', None) or exc}") from None
    if len(data) > MAX_STDIN_BYTES:
        raise LoadError(name, f"standard input is larger than {MAX_STDIN_BYTES // 2**20} MB; "
                              "save it to a file and pass the file instead")
    return data


_SURROGATE = re.compile("[\ud800-\udfff]")

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


def _expected_share(text: str) -> float:
    """Share of the characters a text in Chinese (or English) is made of: CJK ideographs and
    punctuation, full-width forms, general punctuation, Roman numerals, circled numbers and
    shapes (① ○ ■), Latin-1, ASCII and white space. Bytes read in
    the wrong UTF-16 byte order score low: the swapped code points fall all over the planes."""
    sample = text[:PLAUSIBLE_SAMPLE]
    if not sample:
        return 0.0
    ok = sum(1 for ch in sample if ch < "\x7f" and (ch.isprintable() or ch in "\r\n\t")
             or "\u4e00" <= ch <= "\u9fff" or "\u3000" <= ch <= "\u303f" or "\uff00" <= ch <= "\uffef"
             or "\u2000" <= ch <= "\u206f" or "\u3400" <= ch <= "\u4dbf" or "\u00a0" <= ch <= "\u00ff"
             or "\u2150" <= ch <= "\u218f" or "\u2460" <= ch <= "\u27bf")
    return ok / len(sample)


# A BOM-less UTF-16 reading is kept when at least this share of it is expected characters.
UTF16_MIN_EXPECTED = 0.9


def _bomless_utf16(data: bytes) -> str | None:
    """UTF-16 without BOM, little- or big-endian. The NUL bytes alone cannot tell: ASCII puts
    them on one side, but Han characters such as 一 (U+4E00) put them on the other. So both
    byte orders are decoded and the one that reads as Chinese (or English) text is kept; when
    both do (ASCII-only text), the side the NULs are on decides."""
    if len(data) % 2:
        return None
    readings = {}
    for enc in ("utf_16_le", "utf_16_be"):
        text = _strict(data, enc)
        if text is not None:
            share = _expected_share(text)
            if share >= UTF16_MIN_EXPECTED:
                readings[enc] = (share, text)
    if not readings:
        return None
    if len(readings) == 1:
        return next(iter(readings.values()))[1]
    (le, le_text), (be, be_text) = readings["utf_16_le"], readings["utf_16_be"]
    if abs(le - be) > 0.02:
        return le_text if le > be else be_text
    return le_text if data[1::2].count(0) > data[0::2].count(0) else be_text


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
            text = data.decode(encoding)
        except LookupError:
            raise LoadError(name, f"unknown encoding {encoding!r}") from None
        except UnicodeDecodeError as exc:
            raise LoadError(name, f"not valid {encoding} at byte {exc.start}; try another --encoding") from None
        bad = _SURROGATE.search(text)
        if bad:  # unicode_escape and the like can decode to them; no output could hold them
            raise LoadError(name, f"decoding as {encoding} gives a lone surrogate (U+{ord(bad.group()):04X}) "
                                  f"at character {bad.start()}, which is not text; try another --encoding")
        return text, encoding
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
    if b"\x00" in data:
        utf16 = _bomless_utf16(data)
        if utf16 is not None:
            return utf16, "utf-16"
    if data.count(0) > BINARY_NUL_SHARE * len(data):
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
