"""--jsonl: one flat record per line, streamed; errors go to stderr only."""
from __future__ import annotations

import json
from typing import IO, Any


class JsonlRenderer:
    def __init__(self, out: IO[str]):
        self.out = out

    def add(self, file: str, encoding: str, records: list[dict[str, Any]]) -> None:
        dumps = json.dumps
        self.out.write("".join(dumps(r, ensure_ascii=False) + "\n" for r in records))

    def error(self, file: str, message: str) -> None:
        pass

    def end(self) -> None:
        pass
