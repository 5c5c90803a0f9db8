"""The data model: a Source, its Document (three text layers with offset maps) and findings.

Layers (docs/records.md "Text layers"): ``raw`` is the decoded file exactly; ``clean`` is raw minus noise with
width folding; ``norm`` is clean in Simplified script. ``norm`` always has the same length
as ``clean`` (see normalize/script.py), so a norm offset *is* a clean offset, and
``clean_map`` carries it on to raw.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field


_LINE_END = re.compile(r"\r\n?|\n")


@dataclass(frozen=True)
class Source:
    """Where a text came from: ``name`` is the path as given (``-`` for stdin)."""

    name: str
    encoding: str


@dataclass(frozen=True)
class OffsetMap:
    """Piecewise map from offsets in a derived text back to the text it was cut from.

    The derived text is a concatenation of kept runs of the original; run ``k`` starts at
    ``starts[k]`` in the derived text and at ``origins[k]`` in the original.
    """

    starts: tuple[int, ...] = (0,)
    origins: tuple[int, ...] = (0,)

    def to_origin(self, i: int) -> int:
        k = bisect_right(self.starts, i) - 1
        return self.origins[max(k, 0)] + i - self.starts[max(k, 0)]

    def span_to_origin(self, start: int, end: int) -> tuple[int, int]:
        """Map a half-open span; the end is mapped through its last character so a span
        never swallows text that was removed right after it."""
        s = self.to_origin(start)
        e = self.to_origin(end - 1) + 1 if end > start else s
        return s, e


@dataclass(frozen=True)
class Document:
    """One text in its three layers (docs/records.md "Text layers"): ``raw`` as read, ``clean``
    without page noise, ``norm`` in Simplified; ``clean_map`` takes clean/norm offsets to raw."""

    source: Source
    raw: str
    clean: str
    norm: str
    clean_map: OffsetMap
    script: str  # simplified | traditional | mixed
    noise_removed: tuple[str, ...] = ()
    body_start: int = 0  # offset in norm/clean where the body begins (after title and byline)
    # extracted formats: ``page`` (PDF) or ``paragraph`` (Word), and where each begins in raw
    unit: str | None = None
    unit_starts: tuple[int, ...] = ()
    _line_starts: list[int] = field(default_factory=list, repr=False, compare=False)

    def __repr__(self) -> str:  # a short one: the layers of a report fill a notebook cell
        return (f"Document({self.source.name!r}, {len(self.raw):,} chars, {self.script}, "
                f"encoding={self.source.encoding!r})")

    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        """A span of ``norm``/``clean`` as a span of ``raw``."""
        return self.clean_map.span_to_origin(start, end)

    def place_of(self, raw_offset: int) -> dict[str, int]:
        """``{"page": n}`` / ``{"paragraph": n}`` (1-based) of a raw offset; {} for plain text."""
        if self.unit is None or not self.unit_starts:
            return {}
        return {self.unit: max(bisect_right(self.unit_starts, raw_offset), 1)}

    def line_of(self, raw_offset: int) -> int:
        """1-based line number in ``raw`` of a raw offset."""
        if not self._line_starts:
            starts = [0]
            if "\r" in self.raw:  # CRLF, LF and a lone CR (old Mac OS) each end one line
                starts.extend(m.end() for m in _LINE_END.finditer(self.raw))
            else:
                find = self.raw.find
                i = find("\n")
                while i != -1:
                    starts.append(i + 1)
                    i = find("\n", i + 1)
            self._line_starts.extend(starts)
        return bisect_right(self._line_starts, raw_offset)


@dataclass(frozen=True)
class Heading:
    """One outline heading; spans are offsets into ``norm``/``clean``."""

    id: int
    parent: int | None
    level: int
    style: str
    number: int
    inline: bool
    marker_span: tuple[int, int]
    title_span: tuple[int, int]


@dataclass(frozen=True)
class Target:
    """One numeric statement (docs/records.md "Target"); spans are offsets into ``norm``/``clean``.

    ``span`` covers the indicator through the number (or the number alone when the indicator
    is not written before it); ``value`` and ``growth`` are in base units and percent.
    """

    span: tuple[int, int]
    value_span: tuple[int, int]
    indicator: str
    indicator_span: tuple[int, int] | None
    value: float | None
    value_max: float | None
    unit: str | None
    growth: float | None
    growth_max: float | None
    qualifier: str
    modality: str | None
    kind: str
    period: int | None
    period_span: tuple[int, int] | None
    masked: bool
    sentence_span: tuple[int, int]
    # how the kind was decided (docs/targets.md): the cue words (None: nothing did) and
    # high (a cue, a lead-in, the list or section it is in) or low (the default)
    cue: str | None = None
    confidence: str = "high"
    # an increment written with the level (比上年增加1800亿元, 提高1个百分点): amount and unit
    change: float | None = None
    change_unit: str | None = None
    # the starting level of 由X提高到Y / 从X增加到Y (in the record's unit; the record is at Y)
    from_value: float | None = None


@dataclass(frozen=True)
class Slogan:
    """A slogan, watchword or numbered formula; ``span`` is its first counted occurrence in
    ``norm``/``clean``."""

    slogan: str
    type: str  # quoted | formula | parallel
    span: tuple[int, int]
    count: int
    members: tuple[str, ...] = ()
    known: bool = False  # members come from the registry of national formulas
    # the text lists a different number of members than the formula's numeral says (五大X
    # with four items, or a list ending in 等): the members are kept, the count is not trusted
    members_mismatch: bool = False


@dataclass(frozen=True)
class Jurisdiction:
    """The government or party body a text speaks for. ``text`` is the name as written (None
    when only the level is known, from 全镇 … 我镇); ``name`` canonical (吉安市渝水区); ``level``
    national | province | prefecture | county | township; ``parent`` its canonical name;
    ``code`` the 6-digit administrative division code; ``span`` the evidence in ``norm``."""

    text: str | None
    name: str | None
    level: str | None
    parent: str | None
    code: str | None
    span: tuple[int, int] | None = None


@dataclass(frozen=True)
class Meta:
    """What a speech says about itself; ``title_span`` is a span of ``norm``/``clean``."""

    title: str | None
    speaker: str | None
    role: str | None
    date: str | None  # ISO 8601
    venue: str | None
    source: str | None
    title_span: tuple[int, int] | None = None
    jurisdiction: Jurisdiction | None = None
    year: int | None = None  # the year the text speaks from
    doc_type: str | None = None  # work_report | speech | news_summary | plan | other


@dataclass(frozen=True)
class Keyword:
    """One term of ``keywords``: its TF-IDF ``weight``, ``count`` and first ``span`` in norm."""

    keyword: str
    weight: float
    count: int
    span: tuple[int, int] | None = None  # first occurrence in ``norm``/``clean``


@dataclass(frozen=True)
class Report:
    """All findings of one document as records of docs/records.md (see ``speechkit.analyze``)."""

    file: str
    encoding: str
    meta: dict
    outline: list[dict]
    targets: list[dict]
    slogans: list[dict]
    keywords: list[dict]
    document: Document | None = field(default=None, repr=False, compare=False)

    PARTS = ("outline", "targets", "slogans", "keywords")

    def __repr__(self) -> str:
        counts = ", ".join(f"{len(getattr(self, part))} {part}" for part in self.PARTS)
        title = (self.meta or {}).get("title")
        return f"Report({self.file!r}{f', {title!r}' if title else ''}: {counts})"

    def to_dict(self) -> dict:
        """One ``files[]`` entry of ``speechkit analyze --json``: plain JSON types only."""
        return {"file": self.file, "encoding": self.encoding, "meta": self.meta, "outline": self.outline,
                "targets": self.targets, "slogans": self.slogans, "keywords": self.keywords}

    def to_pandas(self, part: str = "targets"):
        """One part's records (``outline``, ``targets``, ``slogans``, ``keywords`` or ``meta``) as
        a pandas DataFrame, one row per record, columns as in ``--csv``. pandas is optional:
        without it this raises ImportError saying how to install it."""
        try:
            import pandas as pd
        except ImportError:
            raise ImportError("Report.to_pandas needs pandas: pip install pandas") from None
        if part == "meta":
            return pd.DataFrame([self.meta] if self.meta else [])
        if part not in self.PARTS:
            raise ValueError(f"unknown part {part!r}: choose one of meta, {', '.join(self.PARTS)}")
        return pd.DataFrame(getattr(self, part))
