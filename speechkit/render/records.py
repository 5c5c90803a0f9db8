"""Findings -> flat record dicts (SPEC §3): the one schema every renderer formats."""
from __future__ import annotations

from typing import Any

from speechkit.model import Document, Heading, Target

SCHEMA = "speechkit/1"
SCRIPTS = ("original", "simplified", "traditional")

BASE_FIELDS = ["file", "start", "end", "line", "text"]
FIELDS: dict[str, list[str]] = {
    "outline": BASE_FIELDS + ["id", "parent", "level", "style", "marker", "number", "title", "inline"],
    "clean": ["file", "encoding", "script", "chars", "text"],
    "targets": BASE_FIELDS + ["indicator", "indicator_text", "value", "value_max", "unit", "value_text",
                              "growth", "growth_max", "qualifier", "modality", "kind", "period",
                              "period_text", "masked", "sentence"],
}


def shown(doc: Document, start: int, end: int, script: str) -> str:
    """Text of a norm/clean span in the script the user asked for."""
    if script == "simplified":
        return doc.norm[start:end]
    if script == "traditional":
        from speechkit.normalize.script import to_traditional

        return to_traditional(doc.clean[start:end])
    return doc.clean[start:end]


def base(doc: Document, start: int, end: int, script: str) -> dict[str, Any]:
    rs, re_ = doc.raw_span(start, end)
    return {"file": doc.source.name, "start": rs, "end": re_, "line": doc.line_of(rs),
            "text": shown(doc, start, end, script)}


def heading_records(doc: Document, heads: list[Heading], script: str = "original") -> list[dict[str, Any]]:
    out = []
    for h in heads:
        rec = base(doc, *h.marker_span, script)
        rec.update(id=h.id, parent=h.parent, level=h.level, style=h.style, marker=rec["text"],
                   number=h.number, title=shown(doc, *h.title_span, script), inline=h.inline)
        out.append(rec)
    return out


def clean_record(doc: Document, simplified: bool, script: str = "original") -> dict[str, Any]:
    text = doc.norm if simplified else shown(doc, 0, len(doc.clean), script)
    return {"file": doc.source.name, "encoding": doc.source.encoding, "script": doc.script,
            "chars": len(text), "text": text}


def _num(v: float | None) -> float | int | None:
    """Whole numbers as ints (49.4亿 -> 4940000000), others rounded to drop float noise."""
    if v is None:
        return None
    r = float(f"{v:.12g}")  # 287.97 * 1e8 is 28796999999.999996 in binary floating point
    return int(r) if r == int(r) else r


def target_records(doc: Document, targets: list[Target], script: str = "original") -> list[dict[str, Any]]:
    out = []
    for t in targets:
        rec = base(doc, *t.span, script)
        rec.update(indicator=t.indicator,
                   indicator_text=shown(doc, *t.indicator_span, script) if t.indicator_span else None,
                   value=_num(t.value), value_max=_num(t.value_max), unit=t.unit,
                   value_text=shown(doc, *t.value_span, script), growth=_num(t.growth),
                   growth_max=_num(t.growth_max), qualifier=t.qualifier, modality=t.modality, kind=t.kind,
                   period=t.period, period_text=shown(doc, *t.period_span, script) if t.period_span else None,
                   masked=t.masked, sentence=shown(doc, *t.sentence_span, script).strip())
        out.append(rec)
    return out
