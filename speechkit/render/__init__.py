"""Renderers: one module per output format over the record dicts of records.py.

Every renderer has the same small interface, driven by the CLI once per run:
``add(file, encoding, records)`` per analysed file, ``error(file, message)`` per failed one,
``end()`` once. They write to the stream they were given and compute nothing.

Streaming formats (JSON Lines, CSV) also have ``prepare(records) -> str`` and
``add_prepared(text)``: with ``-j`` the workers format their own files' records and the
parent only writes, in input order.
"""
from __future__ import annotations

from typing import IO, Any, Protocol


class Renderer(Protocol):
    def add(self, file: str, encoding: str, records: list[dict[str, Any]]) -> None: ...
    def error(self, file: str, message: str) -> None: ...
    def end(self) -> None: ...


def make_renderer(fmt: str, command: str, out: IO[str], options: dict[str, Any]) -> Renderer:
    if fmt == "json":
        from speechkit.render.as_json import JsonRenderer

        return JsonRenderer(out, command)
    if fmt == "jsonl":
        from speechkit.render.as_jsonl import JsonlRenderer

        return JsonlRenderer(out, command)
    if fmt == "csv":
        from speechkit.render.as_csv import CsvRenderer

        return CsvRenderer(out, command, excel=options.get("excel", False))
    if fmt == "parquet":
        from speechkit.render.as_parquet import ParquetRenderer

        return ParquetRenderer(out, command)
    if fmt == "html":
        from speechkit.render.as_html import HtmlRenderer

        return HtmlRenderer(out, command, options)
    from speechkit.render.as_text import TextRenderer

    return TextRenderer(out, command, options)
