"""--parquet: the --jsonl records as one Parquet table, column types from the schema
(schema.py): integer -> int64, number -> float64, boolean -> bool, string -> string, a list of
strings -> list<string>; every column nullable. Written to ``-o FILE`` or to a pipe, never to
a terminal. Needs pyarrow (``pip install 'speechkit-zh[parquet]'``)."""
from __future__ import annotations

from typing import IO, Any

from speechkit.records import FIELDS, table_fields
from speechkit.render.typed import as_floats

# analyze's flat stream: a field's type is that of the first section that has it
_ANALYZE_ORDER = ("meta", "outline", "targets", "slogans", "keywords")


def _json_type(command: str, name: str) -> dict[str, Any]:
    from speechkit.schema import field_type

    if command == "analyze":
        if name == "type" or name.endswith("_type"):
            return {"type": "string"}
        for section in _ANALYZE_ORDER:
            if name in FIELDS[section]:
                return field_type(section, name) or {}
    return field_type(command, name) or {}


def arrow_schema(command: str) -> Any:
    """The pyarrow schema of ``command``'s records."""
    import pyarrow as pa

    scalars = {"string": pa.string(), "integer": pa.int64(), "number": pa.float64(), "boolean": pa.bool_()}
    fields = []
    for name in table_fields(command):
        t = _json_type(command, name)
        kind = t.get("type", "string")
        kind = next((k for k in kind if k != "null"), "string") if isinstance(kind, list) else kind
        if kind == "array":
            arrow = pa.list_(scalars.get(t.get("items", {}).get("type", "string"), pa.string()))
        else:
            arrow = scalars.get(kind, pa.string())
        fields.append(pa.field(name, arrow, nullable=True))
    return pa.schema(fields)


class ParquetRenderer:
    def __init__(self, out: IO[str], command: str):
        self.out, self.command = out, command
        self.rows: list[dict[str, Any]] = []

    def add(self, file: str, encoding: str, records: list[dict[str, Any]]) -> None:
        self.rows.extend(as_floats(self.command, r) for r in records)

    def error(self, file: str, message: str) -> None:
        pass

    def end(self) -> None:
        import pyarrow as pa
        import pyarrow.parquet as pq

        schema = arrow_schema(self.command)
        columns = {f: [r.get(f) for r in self.rows] for f in schema.names}
        table = pa.table(columns, schema=schema)
        self.out.flush()
        pq.write_table(table, self.out.buffer)
        self.out.buffer.flush()
