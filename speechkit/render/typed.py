"""Record values in the types of the schema (schema.py): whole numbers in ``number`` fields
become floats, so a JSON reader that types a column from its first rows (DuckDB's
read_json_auto) never makes a growth column an integer because the first growth was 8."""
from __future__ import annotations

from functools import lru_cache
from typing import Any

# analyze's flat records: the section each record type's fields come from
_KIND_SECTION = {"meta": "meta", "heading": "outline", "target": "targets", "slogan": "slogans",
                 "keyword": "keywords"}


def _is_number(t: dict[str, Any] | None) -> bool:
    if not t:
        return False
    types = t.get("type")
    return types == "number" or (isinstance(types, list) and "number" in types)


@lru_cache(maxsize=None)
def number_fields(command: str) -> frozenset[str]:
    """The fields of ``command``'s records that the schema types as numbers."""
    from speechkit.records import FIELDS
    from speechkit.schema import field_type

    return frozenset(f for f in FIELDS.get(command, ()) if _is_number(field_type(command, f)))


def as_floats(command: str, record: dict[str, Any]) -> dict[str, Any]:
    """``record`` with every number field a float (8 -> 8.0); other fields as they are."""
    section = _KIND_SECTION.get(record.get("type"), command) if command == "analyze" else command
    numbers = number_fields(section)
    if not any(isinstance(record.get(f), int) for f in numbers):
        return record
    return {k: float(v) if k in numbers and isinstance(v, int) and not isinstance(v, bool) else v
            for k, v in record.items()}
