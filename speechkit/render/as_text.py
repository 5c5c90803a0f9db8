"""Default output for people: a rich tree on a terminal, plain indented text in a pipe.

rich is imported only when stdout is a terminal, so piped runs start fast and carry no
colour codes (rich itself honours NO_COLOR / FORCE_COLOR).
"""
from __future__ import annotations

from typing import IO, Any


def _heading_line(r: dict[str, Any]) -> str:
    sep = "" if r["marker"][-1:] in "、，,.．)）" else " "
    return f"{r['marker']}{sep}{r['title']}"


def _fmt(v: Any) -> str:
    if isinstance(v, float):
        return f"{v:g}"
    return f"{v:,}" if isinstance(v, int) else str(v)


def _amount(r: dict[str, Any]) -> str:
    """value [unit] and growth as one short cell: 4,940,000,000 CNY +12.4%."""
    parts = []
    if r["masked"]:
        parts.append(f"(masked) {r['unit'] or ''}".strip())
    elif r["value"] is not None:
        rng = f"–{_fmt(r['value_max'])}" if r["value_max"] is not None else ""
        parts.append(f"{_fmt(r['value'])}{rng} {r['unit'] or ''}".strip())
    if r["growth"] is not None:
        rng = f"–{_fmt(r['growth_max'])}" if r["growth_max"] is not None else ""
        parts.append(f"{r['growth']:+g}{rng}%")
    return " ".join(parts)


# analyze's sections, in order: record type -> (heading, renderer method)
ANALYZE_PARTS = {"meta": ("meta", "_meta"), "heading": ("outline", "_outline"), "target": ("targets", "_targets"),
                 "slogan": ("slogans", "_slogans"), "keyword": ("keywords", "_keywords")}


class TextRenderer:
    def __init__(self, out: IO[str], command: str, options: dict[str, Any]):
        self.out = out
        self.command = command
        self.many = options.get("many", False)
        self.tty = bool(getattr(out, "isatty", lambda: False)())
        self.console = None
        if self.tty:
            from rich.console import Console

            self.console = Console(file=out)

    def add(self, file: str, encoding: str, records: list[dict[str, Any]]) -> None:
        getattr(self, f"_{self.command}")(file, records)

    def _clean(self, file: str, records: list[dict[str, Any]]) -> None:
        for r in records:
            self.out.write(r["text"])
            if not r["text"].endswith("\n"):
                self.out.write("\n")

    def _noise(self, file: str, records: list[dict[str, Any]]) -> None:
        """``clean --show-noise``: line, rule and the text cut (line breaks shown as ⏎)."""
        if self.many:
            self.out.write(f"== {file}\n")
        for r in records:
            self.out.write(f"{r['line']}\t{r['rule']}\t{r['text'].replace(chr(10), '⏎')}\n")

    def _outline(self, file: str, records: list[dict[str, Any]]) -> None:
        if self.console is None:
            if self.many:
                self.out.write(f"== {file}\n")
            for r in records:
                self.out.write(f"{'  ' * (r['level'] - 1)}{_heading_line(r)}\t[line {r['line']}]\n")
            if not records:
                self.out.write("(no headings found)\n")
            return
        from rich.markup import escape
        from rich.tree import Tree

        root = Tree(f"[bold]{escape(file)}[/bold]" + ("" if records else "  [dim](no headings found)[/dim]"))
        nodes: dict[int, Any] = {}
        for r in records:
            parent = nodes.get(r["parent"], root)
            label = f"{escape(_heading_line(r))}  [dim]line {r['line']} · {r['style']}[/dim]"
            nodes[r["id"]] = parent.add(label)
        self.console.print(root)

    def _targets(self, file: str, records: list[dict[str, Any]]) -> None:
        rows = [(str(r["line"]), r["kind"], r["indicator"], _amount(r), r["qualifier"], r["modality"] or "",
                 r["period_text"] or "", r["text"]) for r in records]
        if self.console is None:
            if self.many:
                self.out.write(f"== {file}\n")
            for row in rows:
                self.out.write("\t".join(row) + "\n")
            if not records:
                self.out.write("(no targets found)\n")
            return
        from rich.markup import escape
        from rich.table import Table

        table = Table(title=escape(file), title_justify="left")
        for col in ("line", "kind", "indicator", "amount", "qualifier", "modality", "period", "text"):
            table.add_column(col, overflow="fold", justify="right" if col == "line" else "left")
        for row in rows:
            table.add_row(*(escape(c) for c in row))
        if not records:
            table.caption = "no targets found"
        self.console.print(table)

    def _table(self, file: str, columns: tuple[str, ...], rows: list[tuple[str, ...]], empty: str,
               titled: bool = False) -> None:
        """Rows as a rich table on a terminal, tab-separated lines in a pipe (under a ``== file``
        line when there are many files, or always when ``titled``)."""
        if self.console is None:
            if self.many or titled:
                self.out.write(f"== {file}\n")
            for row in rows:
                self.out.write("\t".join(row) + "\n")
            if not rows:
                self.out.write(f"({empty})\n")
            return
        from rich.markup import escape
        from rich.table import Table

        table = Table(title=escape(file), title_justify="left")
        for col in columns:
            table.add_column(col, overflow="fold", justify="right" if col in ("line", "count", "files", "weight") else "left")
        for row in rows:
            table.add_row(*(escape(c) for c in row))
        if not rows:
            table.caption = empty
        self.console.print(table)

    def _slogans(self, file: str, records: list[dict[str, Any]]) -> None:
        aggregated = file == "*"
        rows = [(str(r["count"]), *((str(r["files"]),) if aggregated else ()), r["type"], r["slogan"],
                 "、".join(r["members"]) + (" (known)" if r["known"] else ""),
                 f"{r['file']}:{r['line']}" if aggregated else str(r["line"])) for r in records]
        cols = ("count", "files", "type", "slogan", "members", "first seen") if aggregated else \
            ("count", "type", "slogan", "members", "line")
        self._table("all files" if aggregated else file, cols, rows, "no slogans found")

    def _meta(self, file: str, records: list[dict[str, Any]]) -> None:
        fields = ("title", "speaker", "role", "date", "venue", "source", "script", "encoding", "chars",
                  "noise_removed")
        for r in records:
            cells = {f: ", ".join(r[f]) if isinstance(r[f], list) else ("" if r[f] is None else str(r[f]))
                     for f in fields}
            if self.console is None:
                self.out.write("\t".join([r["file"], *cells.values()]) + "\n")
                continue
            from rich.markup import escape
            from rich.table import Table

            table = Table(title=escape(file), title_justify="left", show_header=False)
            table.add_column("field", style="bold")
            table.add_column("value", overflow="fold")
            for f, v in cells.items():
                table.add_row(f, escape(v) if v else "[dim]—[/dim]")
            self.console.print(table)

    def _keywords(self, file: str, records: list[dict[str, Any]]) -> None:
        rows = [(r["keyword"], f"{r['weight']:.4f}", str(r["count"])) for r in records]
        self._table(file, ("keyword", "weight", "count"), rows, "no keywords found")

    def _analyze(self, file: str, records: list[dict[str, Any]]) -> None:
        """One report per file: meta, outline, targets, slogans, keywords, each in its own
        section (rich tables and a tree on a terminal, headed blocks in a pipe)."""
        by_type: dict[str, list[dict[str, Any]]] = {t: [] for t in ANALYZE_PARTS}
        for r in records:
            by_type[r["type"]].append({("type" if k == f"{r['type']}_type" else k): v for k, v in r.items()})
        many, self.many = self.many, False
        if self.console is not None:
            from rich.markup import escape

            self.console.rule(f"[bold]{escape(file)}[/bold]")
        else:
            self.out.write(f"== {file}\n")
        for kind, (title, method) in ANALYZE_PARTS.items():
            if self.console is None:
                self.out.write(f"-- {title}\n")
            getattr(self, method)(f"{file} · {title}", by_type[kind])
        self.many = many

    def _trend(self, file: str, records: list[dict[str, Any]]) -> None:
        from speechkit.render.trend_cells import trend_blocks

        for indicator, rows in trend_blocks(records):
            self._table(indicator, ("period", "target", "achieved", "bar", "source"), rows,
                        "no figures found", titled=True)
        if not records:
            self._table("trend", ("period",), [], "no targets or achieved figures found")

    def _panel(self, file: str, records: list[dict[str, Any]]) -> None:
        from speechkit.render.trend_cells import panel_rows

        self._table("panel", ("jurisdiction", "year", "indicator", "status", "target", "achieved", "diff", "source"),
                    panel_rows(records), "no rows", titled=True)

    def _trend_slogans(self, file: str, records: list[dict[str, Any]]) -> None:
        from speechkit.render.trend_cells import slogan_trend_rows

        periods, rows = slogan_trend_rows(records)
        self._table(f"per 10,000 characters, periods {periods}", ("slogan", "type", "count", "first", "last",
                    "trend", "per 10k"), rows, "no slogans found", titled=True)

    def _diff(self, file: str, records: list[dict[str, Any]]) -> None:
        from speechkit.render.trend_cells import diff_rows

        self._table(file, ("section", "change", "item", "before", "after"), diff_rows(records),
                    "no differences found", titled=True)

    def error(self, file: str, message: str) -> None:
        pass

    def end(self) -> None:
        pass
