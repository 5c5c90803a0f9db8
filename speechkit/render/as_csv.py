"""--csv: the --jsonl records as rows under a fixed header; nested values as JSON text."""
from __future__ import annotations

import csv
import io
import json
from typing import IO, Any

from speechkit.records import table_fields


def _cell(v: Any) -> Any:
    if v is None:
        return ""
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, (list, dict)):
        return json.dumps(v, ensure_ascii=False)
    return v


class CsvRenderer:
    def __init__(self, out: IO[str], command: str, excel: bool = False):
        self.fields = table_fields(command)
        if excel:
            out.write("\ufeff")  # Excel reads UTF-8 only with a BOM
        # RFC 4180 line ends: the writer then quotes any field holding \r or \n
        self.out = out
        csv.writer(out, lineterminator="\r\n").writerow(self.fields)

    def prepare(self, records: list[dict[str, Any]]) -> str:
        """One file's rows as CSV text (run in worker processes, see batch.py)."""
        buf = io.StringIO()
        csv.writer(buf, lineterminator="\r\n").writerows([_cell(r.get(f)) for f in self.fields] for r in records)
        return buf.getvalue()

    def add_prepared(self, text: str) -> None:
        self.out.write(text)

    def add(self, file: str, encoding: str, records: list[dict[str, Any]]) -> None:
        self.out.write(self.prepare(records))

    def error(self, file: str, message: str) -> None:
        pass

    def end(self) -> None:
        pass
