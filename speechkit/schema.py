"""The JSON Schema (draft 2020-12) of every command's ``--json`` output, schema ``speechkit/1``.

Built from the record fields of speechkit/records.py and the types below, so the schema and
the output cannot drift apart silently: a test validates every command's output against it
and checks that every field has a type here.
"""
from __future__ import annotations

from typing import Any

from speechkit.records import ANALYZE_SECTIONS, FIELDS, PLACE_FIELDS, SCHEMA

_STR, _INT, _NUM, _BOOL = {"type": "string"}, {"type": "integer"}, {"type": "number"}, {"type": "boolean"}
_STRS = {"type": "array", "items": _STR}


def _null(t: dict[str, Any]) -> dict[str, Any]:
    return {"type": [t["type"], "null"]}


def _enum(*values: str) -> dict[str, Any]:
    return {"type": "string", "enum": list(values)}


# field -> JSON type, per command where the same name means different things
TYPES: dict[str, dict[str, Any]] = {
    "*": {"file": _STR, "start": _INT, "end": _INT, "line": _INT, "text": _STR, "page": _INT, "paragraph": _INT},
    "outline": {"id": _INT, "parent": _null(_INT), "level": _INT, "style": _STR, "marker": _STR,
                "number": _INT, "title": _STR, "inline": _BOOL},
    "clean": {"encoding": _STR, "script": _enum("simplified", "traditional", "mixed"), "chars": _INT},
    "noise": {"rule": _STR},
    "targets": {"indicator": _STR, "indicator_text": _null(_STR), "value": _null(_NUM), "value_max": _null(_NUM),
                "unit": _null(_STR), "value_text": _null(_STR), "growth": _null(_NUM), "growth_max": _null(_NUM),
                "qualifier": _enum("approx", "at_least", "at_most", "exact"), "modality": _null(_STR),
                "kind": _enum("target", "actual", "other"), "period": _null(_INT), "period_text": _null(_STR),
                "masked": _BOOL, "sentence": _STR, "change": _null(_NUM), "change_unit": _null(_STR), "from_value": _null(_NUM),
                "confidence": _enum("high", "low"),
                "cue": _null(_STR)},
    "slogans": {"slogan": _STR, "type": _enum("quoted", "formula", "parallel"), "count": _INT, "files": _INT,
                "members": _STRS, "known": _BOOL, "members_mismatch": _BOOL},
    "meta": {"title": _null(_STR), "speaker": _null(_STR), "role": _null(_STR), "date": _null(_STR),
             "venue": _null(_STR), "source": _null(_STR), "script": _enum("simplified", "traditional", "mixed"),
             "encoding": _STR, "chars": _INT, "noise_removed": _STRS, "jurisdiction": _null(_STR),
             "jurisdiction_name": _null(_STR),
             "jurisdiction_level": {"type": ["string", "null"],
                                    "enum": ["national", "province", "prefecture", "county", "township", None]},
             "jurisdiction_parent": _null(_STR), "jurisdiction_code": _null(_STR), "year": _null(_INT),
             "doc_type": {"type": ["string", "null"],
                          "enum": ["work_report", "speech", "news_summary", "plan", "other", None]}},
    "keywords": {"keyword": _STR, "weight": _NUM, "count": _INT},
    "trend": {"period": _null(_INT), "indicator": _STR, "value": _null(_NUM), "value_max": _null(_NUM),
              "growth": _null(_NUM), "growth_max": _null(_NUM), "unit": _null(_STR), "qualifier": _null(_STR),
              "modality": _null(_STR), "actual_value": _null(_NUM), "actual_value_max": _null(_NUM),
              "actual_growth": _null(_NUM), "actual_growth_max": _null(_NUM), "actual_unit": _null(_STR),
              "actual_qualifier": _null(_STR), "actual_text": _null(_STR), "actual_file": _null(_STR),
              "actual_line": _null(_INT), "sentence": _null(_STR)},
    # a period where the slogan does not occur has no position
    "trend_slogans": {"start": _null(_INT), "end": _null(_INT), "line": _null(_INT), "slogan": _STR,
                      "type": _enum("quoted", "formula", "parallel"), "period": _null(_INT), "count": _INT,
                      "chars": _INT, "per_10k": _NUM, "total": _INT, "first": _null(_INT), "last": _null(_INT)},
    "diff": {"section": _enum("targets", "slogans", "outline"), "change": _STR, "item": _STR,
             "before": _null(_NUM), "after": _null(_NUM), "before_text": _null(_STR), "after_text": _null(_STR),
             "before_line": _null(_INT), "after_line": _null(_INT), "similarity": _null(_NUM)},
}
_SIDE_TYPES = {"value": _null(_NUM), "value_max": _null(_NUM), "growth": _null(_NUM), "growth_max": _null(_NUM),
               "unit": _null(_STR), "qualifier": _null(_STR), "text": _null(_STR), "file": _null(_STR),
               "start": _null(_INT), "end": _null(_INT), "line": _null(_INT), "sentence": _null(_STR)}
# a row of a year no text speaks of has no position of its own: the anchor is the target, else
# the achieved figure
TYPES["panel"] = {"file": _null(_STR), "start": _null(_INT), "end": _null(_INT), "line": _null(_INT),
                  "text": _null(_STR), "jurisdiction_name": _null(_STR), "jurisdiction_level": _null(_STR),
                  "jurisdiction_code": _null(_STR), "year": _INT, "indicator": _STR,
                  "status": _enum("found", "qualitative", "absent", "not_found"),
                  **{f"{side}_{k}": t for side in ("target", "achieved") for k, t in _SIDE_TYPES.items()},
                  "difference": _null(_NUM)}


def field_type(command: str, name: str) -> dict[str, Any] | None:
    return TYPES.get(command, {}).get(name) or TYPES["*"].get(name)


def record_schema(command: str) -> dict[str, Any]:
    props = {f: field_type(command, f) or {} for f in FIELDS[command]}
    required = list(props)
    if "start" in props:  # records from PDF / Word files also name their page / paragraph
        props.update({f: field_type(command, f) or {} for f in PLACE_FIELDS})
    return {"type": "object", "properties": props, "required": required, "additionalProperties": False}


def _analysis_entry() -> dict[str, Any]:
    lists = {section: {"type": "array", "items": record_schema(section)}
             for section in ANALYZE_SECTIONS.values() if section != "meta"}
    props = {"file": _STR, "encoding": _STR, "meta": {"anyOf": [record_schema("meta"), {"type": "null"}]}, **lists}
    return {"type": "object", "properties": props, "required": list(props), "additionalProperties": False}


def _records_entry(command: str) -> dict[str, Any]:
    props = {"file": _STR, "encoding": _STR, "records": {"type": "array", "items": record_schema(command)}}
    return {"type": "object", "properties": props, "required": list(props), "additionalProperties": False}


def json_schema() -> dict[str, Any]:
    """The schema of ``speechkit COMMAND --json`` for every command with records."""
    commands = [c for c in FIELDS if c != "analyze"]
    per_command = [{"if": {"properties": {"command": {"const": c}}},
                    "then": {"properties": {"files": {"items": _records_entry(c)}}}} for c in commands]
    per_command.append({"if": {"properties": {"command": {"const": "analyze"}}},
                        "then": {"properties": {"files": {"items": _analysis_entry()}}}})
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://speechkit.invalid/schema/speechkit-1.json",
        "title": f"speechkit --json output ({SCHEMA})",
        "type": "object",
        "properties": {
            "schema": {"const": SCHEMA},
            "command": _enum(*commands, "analyze"),
            "files": {"type": "array"},
            "errors": {"type": "array", "items": {"type": "object", "properties": {"file": _STR, "error": _STR},
                                                  "required": ["file", "error"], "additionalProperties": False}},
            # present only when a config file extended the lexicons (--config, ./speechkit.yaml)
            "config": _STR,
        },
        "required": ["schema", "command", "files", "errors"],
        "additionalProperties": False,
        "allOf": per_command,
    }
