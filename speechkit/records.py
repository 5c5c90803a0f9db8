"""Findings -> flat record dicts (docs/records.md): the one schema every renderer formats."""
from __future__ import annotations

import re
from typing import Any

from speechkit.model import Document, Heading, Target

SCHEMA = "speechkit/1"
SCRIPTS = ("original", "simplified", "traditional")

BASE_FIELDS = ["file", "start", "end", "line", "text"]
# Records from PDF and Word files also say where they came from (after `line`): the 1-based
# page (PDF) or paragraph (Word) of `start`. Plain-text records have neither.
PLACE_FIELDS = ["page", "paragraph"]
FIELDS: dict[str, list[str]] = {
    "outline": BASE_FIELDS + ["id", "parent", "level", "style", "marker", "number", "title", "inline"],
    "clean": ["file", "encoding", "script", "chars", "text"],
    "noise": BASE_FIELDS + ["rule"],
    "slogans": BASE_FIELDS + ["slogan", "type", "count", "files", "members", "known", "members_mismatch"],
    "meta": BASE_FIELDS + ["title", "speaker", "role", "date", "venue", "source", "script", "encoding",
                           "chars", "noise_removed", "jurisdiction", "jurisdiction_name", "jurisdiction_level",
                           "jurisdiction_parent", "jurisdiction_code", "year", "doc_type"],
    "keywords": BASE_FIELDS + ["keyword", "weight", "count"],
    "targets": BASE_FIELDS + ["indicator", "indicator_text", "value", "value_max", "unit", "value_text",
                              "growth", "growth_max", "qualifier", "modality", "kind", "period",
                              "period_text", "masked", "sentence", "change", "change_unit", "from_value", "confidence", "cue"],
    "trend": BASE_FIELDS + ["period", "indicator", "value", "value_max", "growth", "growth_max", "unit",
                            "qualifier", "modality", "actual_value", "actual_value_max", "actual_growth",
                            "actual_growth_max", "actual_unit", "actual_qualifier", "actual_text",
                            "actual_file", "actual_line", "sentence"],
    "trend_slogans": BASE_FIELDS + ["slogan", "type", "period", "count", "chars", "per_10k", "total",
                                    "first", "last"],
    "diff": BASE_FIELDS + ["section", "change", "item", "before", "after", "before_text", "after_text",
                           "before_line", "after_line", "similarity"],
}
_SIDE = ["value", "value_max", "growth", "growth_max", "unit", "qualifier", "text", "file", "start", "end", "line",
         "sentence"]
FIELDS["panel"] = (BASE_FIELDS + ["jurisdiction_name", "jurisdiction_level", "jurisdiction_code", "year", "indicator",
                                  "status"] + [f"target_{f}" for f in _SIDE] + [f"achieved_{f}" for f in _SIDE]
                   + ["difference"])


# analyze: one flat stream of every record type, told apart by `type`
ANALYZE_SECTIONS = {"meta": "meta", "heading": "outline", "target": "targets", "slogan": "slogans",
                    "keyword": "keywords"}
FIELDS["analyze"] = ["type"] + list(dict.fromkeys(
    ("slogan_type" if f == "type" else f) for cmd in ("meta", "outline", "targets", "slogans", "keywords")
    for f in FIELDS[cmd]))


def flat(kind: str, record: dict[str, Any]) -> dict[str, Any]:
    """An ``analyze --jsonl`` record: ``type`` first; the record's own ``type`` (slogans have
    one) travels as ``<kind>_type``. ``nest_analysis`` undoes it."""
    return {"type": kind, **{(f"{kind}_type" if k == "type" else k): v for k, v in record.items()}}


def flatten_analysis(entry: dict[str, Any]) -> list[dict[str, Any]]:
    """One nested ``analyze --json`` entry back to its flat records."""
    out = [flat("meta", entry["meta"])] if entry["meta"] is not None else []
    for kind, section in ANALYZE_SECTIONS.items():
        if section != "meta":
            out += [flat(kind, r) for r in entry[section]]
    return out


def nest_analysis(file: str, encoding: str, records: list[dict[str, Any]]) -> dict[str, Any]:
    """``analyze`` records of one file nested as in ``--json``: meta an object (or null),
    the others lists; the ``type`` field is dropped there."""
    out: dict[str, Any] = {"file": file, "encoding": encoding, "meta": None,
                           "outline": [], "targets": [], "slogans": [], "keywords": []}
    for r in records:
        kind = r["type"]
        section = ANALYZE_SECTIONS[kind]
        own = f"{kind}_type"
        body = {("type" if k == own else k): v for k, v in r.items() if k != "type"}
        if section == "meta":
            out["meta"] = body
        else:
            out[section].append(body)
    return out


# Characters that JSON leaves raw but many line readers (Python's str.splitlines, JavaScript)
# take for line breaks: escaped, so a JSON Lines record is always exactly one line.
_LINE_BREAKERS = str.maketrans({"\x85": "\\u0085", "\u2028": "\\u2028", "\u2029": "\\u2029"})
_LINE_BREAKER = re.compile("[\x85\u2028\u2029]")


def to_json(value: Any, indent: int | None = None) -> str:
    """JSON text with Chinese kept readable (not \\u-escaped) and line breakers escaped
    (translated only when there is one: str.translate runs in Python on a Chinese string, a
    tenth of an ``analyze --jsonl`` run)."""
    import json

    text = json.dumps(value, ensure_ascii=False, indent=indent)
    return text.translate(_LINE_BREAKERS) if _LINE_BREAKER.search(text) else text


# Commands whose records come from ``base`` and so may name a page or paragraph.
PLACED = ("outline", "slogans", "meta", "keywords", "targets", "analyze", "panel")


def table_fields(command: str) -> list[str]:
    """The columns of ``command``'s records in a table (CSV, Parquet): its fields, with
    ``page`` and ``paragraph`` after ``line`` where records can have them (empty for plain
    text), so a table has one header whatever files it holds."""
    fields = FIELDS[command]
    if command not in PLACED:
        return fields
    at = fields.index("line") + 1
    return fields[:at] + PLACE_FIELDS + fields[at:]


def shown(doc: Document, start: int, end: int, script: str) -> str:
    """Text of a norm/clean span in the script the user asked for."""
    if script == "simplified":
        return doc.norm[start:end]
    if script == "traditional":
        from speechkit.normalize.script import to_traditional

        return to_traditional(doc.clean[start:end])
    return doc.clean[start:end]


def in_script(text: str | None, script: str) -> str | None:
    """A string that is not a span of the text (a slogan's name, a keyword, a meta field) in the
    script the user asked for: --script applies to every text field."""
    if not text or script == "original":
        return text
    if script == "simplified":
        from speechkit.normalize.script import to_simplified

        return to_simplified(text)
    from speechkit.normalize.script import to_traditional

    return to_traditional(text)


def base(doc: Document, start: int, end: int, script: str) -> dict[str, Any]:
    rs, re_ = doc.raw_span(start, end)
    return {"file": doc.source.name, "start": rs, "end": re_, "line": doc.line_of(rs),
            **doc.place_of(rs), "text": shown(doc, start, end, script)}


def _unwrapped(title: str) -> str:
    """A title hard-wrapped over lines (PDF copies) reads as one line."""
    return "".join(part.strip() for part in title.split("\n")) if "\n" in title else title


def heading_records(doc: Document, heads: list[Heading], script: str = "original") -> list[dict[str, Any]]:
    out = []
    for h in heads:
        rec = base(doc, *h.marker_span, script)
        rec.update(id=h.id, parent=h.parent, level=h.level, style=h.style, marker=rec["text"],
                   number=h.number, title=_unwrapped(shown(doc, *h.title_span, script)), inline=h.inline)
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


def noise_records(doc: Document, cuts: list[tuple[int, int, str]]) -> list[dict[str, Any]]:
    """What cleaning cut, one record per cut: raw offsets, line, the raw text and the rule."""
    return [{"file": doc.source.name, "start": s, "end": e, "line": doc.line_of(s), "text": doc.raw[s:e],
             "rule": name} for s, e, name in cuts]


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
                   masked=t.masked, sentence=shown(doc, *t.sentence_span, script).strip(),
                   change=_num(t.change), change_unit=t.change_unit, from_value=_num(t.from_value),
                   confidence=t.confidence, cue=t.cue)
        out.append(rec)
    return out


def slogan_records(doc: Document, slogans: list[Any], script: str = "original") -> list[dict[str, Any]]:
    out = []
    for sl in slogans:
        rec = base(doc, *sl.span, script)
        rec.update(slogan=in_script(sl.slogan, script), type=sl.type, count=sl.count, files=1,
                   members=[in_script(m, script) for m in sl.members],
                   known=sl.known, members_mismatch=sl.members_mismatch)
        out.append(rec)
    return out


def meta_record(doc: Document, meta: Any, script: str = "original") -> dict[str, Any]:
    if meta.title_span is not None:
        rec = base(doc, *meta.title_span, script)
    else:
        rec = {"file": doc.source.name, "start": 0, "end": 0, "line": 1, "text": ""}
    # a title broken over two lines (政府工作报⏎告) reads as one
    title = "".join(shown(doc, *meta.title_span, script).split()) if meta.title_span is not None else None
    rec.update(title=title, speaker=in_script(meta.speaker, script), role=in_script(meta.role, script),
               date=meta.date, venue=in_script(meta.venue, script), source=in_script(meta.source, script), script=doc.script, encoding=doc.source.encoding, chars=len(doc.clean),
               noise_removed=list(doc.noise_removed))
    where = getattr(meta, "jurisdiction", None)
    rec.update(jurisdiction=in_script(where.text, script) if where else None,
               jurisdiction_name=in_script(where.name, script) if where else None,
               jurisdiction_level=where.level if where else None,
               jurisdiction_parent=where.parent if where else None,
               jurisdiction_code=where.code if where else None,
               year=getattr(meta, "year", None), doc_type=getattr(meta, "doc_type", None))
    return rec


def keyword_records(doc: Document, keywords: list[Any], script: str = "original") -> list[dict[str, Any]]:
    out = []
    for k in keywords:
        rec = base(doc, *k.span, script) if k.span else {"file": doc.source.name, "start": 0, "end": 0,
                                                         "line": 1, "text": ""}
        rec.update(keyword=in_script(k.keyword, script), weight=k.weight, count=k.count)
        out.append(rec)
    return out
