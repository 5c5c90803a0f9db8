"""--jsonl: one flat record per line, streamed; errors go to stderr only."""
from __future__ import annotations

from typing import IO, Any

from speechkit.records import to_json
from speechkit.render.typed import as_floats


class JsonlRenderer:
    def __init__(self, out: IO[str], command: str = ""):
        self.out = out
        self.command = command

    def prepare(self, records: list[dict[str, Any]]) -> str:
        """One file's lines (run in worker processes, see batch.py)."""
        return "".join(to_json(as_floats(self.command, r)) + "\n" for r in records)

    def add_prepared(self, text: str) -> None:
        self.out.write(text)

    def add(self, file: str, encoding: str, records: list[dict[str, Any]]) -> None:
        self.out.write(self.prepare(records))

    def error(self, file: str, message: str) -> None:
        pass

    def end(self) -> None:
        pass
