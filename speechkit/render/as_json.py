"""--json: one document {"schema", "command", "files": [...], "errors": [...]}."""
from __future__ import annotations

from typing import IO, Any

from speechkit.records import SCHEMA, nest_analysis, to_json
from speechkit.render.typed import as_floats


class JsonRenderer:
    def __init__(self, out: IO[str], command: str):
        self.out = out
        self.doc: dict[str, Any] = {"schema": SCHEMA, "command": command, "files": [], "errors": []}

    def add(self, file: str, encoding: str, records: list[dict[str, Any]]) -> None:
        records = [as_floats(self.doc["command"], r) for r in records]
        if self.doc["command"] == "analyze":
            self.doc["files"].append(nest_analysis(file, encoding, records))
        else:
            self.doc["files"].append({"file": file, "encoding": encoding, "records": records})

    def error(self, file: str, message: str) -> None:
        self.doc["errors"].append({"file": file, "error": message})

    def end(self) -> None:
        self.out.write(to_json(self.doc, indent=2))
        self.out.write("\n")
