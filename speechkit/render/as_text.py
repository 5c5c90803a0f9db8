"""Default output for people: rich tables and a tree on a terminal; in a pipe one TSV table
(a header row, then rows with a ``file`` column), and the outline as an indented tree.

rich is imported only when stdout is a terminal (or --color always), so piped runs start
fast and carry no colour codes; rich itself honours NO_COLOR.
"""
from __future__ import annotations

import sys
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


# Columns that hold numbers: never wrapped mid-digit on a narrow terminal.
NUMBER_COLUMNS = {"line", "count", "files", "weight", "amount", "target", "achieved", "diff", "year", "period",
                  "chars", "per 10k", "first", "last"}
# Short codes (target, approx, 预期): kept whole too, so the text columns are the ones that fold.
CODE_COLUMNS = {"kind", "status", "type", "change", "section"}
# Colour that carries meaning: target vs actual, raised vs lowered, new vs gone.
STYLES = {"target": "cyan", "actual": "green", "raised": "green", "added": "green", "new": "green",
          "rising": "green", "lowered": "red", "dropped": "red", "gone": "red", "falling": "red",
          "removed": "red", "changed": "yellow", "renamed": "yellow", "found": "green", "not_found": "dim"}
COLUMN_STYLES = {"target": "cyan", "achieved": "green"}


def _console(out: IO[str], color: str) -> Any:
    """A rich Console on ``out`` when it is a terminal (or --color always), else None (plain TSV).
    NO_COLOR is honoured by rich itself; --color never drops colour but keeps the table."""
    tty = bool(getattr(out, "isatty", lambda: False)())
    if not tty and color != "always":
        return None
    from rich.console import Console

    return Console(file=out, force_terminal=True if color == "always" else None,
                   no_color=True if color == "never" else None, highlight=False)


def _widths(columns: tuple[str, ...], rows: list[tuple[str, ...]], total: int) -> list[int]:
    """Column widths for a terminal ``total`` cells wide: number and code columns as wide as
    their content (a number may wrap only between its words, never mid-digit: 4,940,000,000 ·
    CNY · +12.4%), text columns sharing what is left (they fold)."""
    from rich.cells import cell_len

    natural = [max([cell_len(col)] + [cell_len(r[i]) for r in rows]) for i, col in enumerate(columns)]
    fixed = [col in NUMBER_COLUMNS or col in CODE_COLUMNS or col == "bar" for col in columns]
    widest_word = [max([cell_len(col) if f else 4] + [cell_len(t) for r in rows for t in r[i].split()])
                   for i, (col, f) in enumerate(zip(columns, fixed))]
    room = total - 3 * (len(columns) - 1)  # a separator and two padding cells between columns
    if sum(natural) <= room:
        return natural
    sizes = [min(n, max(w, 12)) if f else 0 for n, w, f in zip(natural, widest_word, fixed)]
    texts = [i for i, f in enumerate(fixed) if not f]
    left = max(room - sum(sizes), 6 * len(texts))
    for i in sorted(texts, key=lambda i: natural[i]):  # short text columns keep their width
        sizes[i] = max(6, min(natural[i], left // len(texts)))
        left, texts = left - sizes[i], texts[1:]
    return sizes


def _note(msg: str) -> None:
    """'no targets found'-style notes: one line on stderr, never in the output."""
    sys.stderr.write(f"speechkit: {msg}\n")


class TextRenderer:
    def __init__(self, out: IO[str], command: str, options: dict[str, Any]):
        self.out = out
        self.command = command
        self.many = options.get("many", False)
        self.console = _console(out, options.get("color", "auto"))
        self.header: tuple[str, ...] | None = None  # the piped table's header, once written

    def add(self, file: str, encoding: str, records: list[dict[str, Any]]) -> None:
        getattr(self, f"_{self.command}")(file, records)

    def _write(self, text: str) -> None:
        if self.console is None:
            self.out.write(text)
        else:
            self.console.out(text, end="", highlight=False)

    def _clean(self, file: str, records: list[dict[str, Any]]) -> None:
        for r in records:
            self._write(r["text"] if r["text"].endswith("\n") else r["text"] + "\n")

    def _noise(self, file: str, records: list[dict[str, Any]]) -> None:
        """``clean --show-noise``: line, rule and the text cut (line breaks shown as ⏎)."""
        if self.many:
            self._write(f"== {file}\n")
        for r in records:
            self._write(f"{r['line']}\t{r['rule']}\t{r['text'].replace(chr(10), '⏎')}\n")

    def _outline(self, file: str, records: list[dict[str, Any]]) -> None:
        if not records:
            _note(f"{file}: no headings found")
            return
        if self.console is None:
            if self.many:
                self.out.write(f"== {file}\n")
            for r in records:
                self.out.write(f"{'  ' * (r['level'] - 1)}{_heading_line(r)}\t[line {r['line']}]\n")
            return
        from rich.markup import escape
        from rich.tree import Tree

        root = Tree(f"[bold]{escape(file)}[/bold]")
        nodes: dict[int, Any] = {}
        for r in records:
            parent = nodes.get(r["parent"], root)
            label = f"{escape(_heading_line(r))}  [dim]line {r['line']} · {r['style']}[/dim]"
            nodes[r["id"]] = parent.add(label)
        self.console.print(root)

    def _targets(self, file: str, records: list[dict[str, Any]]) -> None:
        rows = [(str(r["line"]), r["kind"], r["indicator"], _amount(r), r["qualifier"], r["modality"] or "",
                 r["period_text"] or "", r["text"]) for r in records]
        self._table(file, ("line", "kind", "indicator", "amount", "qualifier", "modality", "period", "text"),
                    rows, "no targets found")

    def _table(self, file: str, columns: tuple[str, ...], rows: list[tuple[str, ...]], empty: str,
               key: str | None = "file") -> None:
        """Rows as a rich table on a terminal; in a pipe one TSV table, its header written once,
        with a ``key`` column (the file, or the indicator) in front. No rows: a note on stderr."""
        if not rows:
            _note(f"{file}: {empty}" if key == "file" and file != "*" else empty)
            return
        if self.console is None:
            self._tsv(((key,) if key else ()) + columns, [((file,) if key else ()) + row for row in rows])
            return
        from rich import box
        from rich.markup import escape
        from rich.table import Table

        # the title is its own line, as wide as the terminal: a narrow table would cut a file name
        self.console.print(f"[bold]{escape(file)}[/bold]", soft_wrap=True)
        table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False)
        widths = _widths(columns, rows, self.console.width)
        for col, width in zip(columns, widths):
            number = col in NUMBER_COLUMNS
            table.add_column(col, justify="right" if number and col not in ("target", "achieved") else "left",
                             no_wrap=col in CODE_COLUMNS or col == "bar", width=width,
                             overflow="ellipsis" if col == "bar" else "fold", style=COLUMN_STYLES.get(col))
        for row in rows:
            table.add_row(*(self._cell(c) for c in row))
        self.console.print(table)

    @staticmethod
    def _cell(c: str) -> str:
        from rich.markup import escape

        style = STYLES.get(c)
        return f"[{style}]{escape(c)}[/{style}]" if style else escape(c)

    def _tsv(self, header: tuple[str, ...], rows: list[tuple[str, ...]]) -> None:
        if self.header is None:
            self.header = header
            self.out.write("\t".join(c.replace(" ", "_") for c in header) + "\n")
        for row in rows:
            self.out.write("\t".join(c.replace("\t", " ").replace("\n", " ") for c in row) + "\n")

    def _slogans(self, file: str, records: list[dict[str, Any]]) -> None:
        aggregated = file == "*"
        rows = [(str(r["count"]), *((str(r["files"]),) if aggregated else ()), r["type"], r["slogan"],
                 "、".join(r["members"]) + (" (known)" if r["known"] else ""),
                 f"{r['file']}:{r['line']}" if aggregated else str(r["line"])) for r in records]
        cols = ("count", "files", "type", "slogan", "members", "first seen") if aggregated else \
            ("count", "type", "slogan", "members", "line")
        self._table("all files" if aggregated else file, cols, rows, "no slogans found",
                    None if aggregated else "file")

    def _meta(self, file: str, records: list[dict[str, Any]]) -> None:
        fields = ("title", "speaker", "role", "date", "venue", "source", "script", "encoding", "chars",
                  "noise_removed")
        for r in records:
            cells = {f: ", ".join(r[f]) if isinstance(r[f], list) else ("" if r[f] is None else str(r[f]))
                     for f in fields}
            if self.console is None:
                self._tsv(("file", *fields), [(r["file"], *cells.values())])
                continue
            from rich.markup import escape
            from rich.table import Table

            self.console.print(f"[bold]{escape(file)}[/bold]", soft_wrap=True)
            table = Table(show_header=False)
            table.add_column("field", style="bold", no_wrap=True)
            table.add_column("value", overflow="fold")
            for f, v in cells.items():
                table.add_row(f, escape(v) if v else "[dim]—[/dim]")
            self.console.print(table)

    def _keywords(self, file: str, records: list[dict[str, Any]]) -> None:
        rows = [(r["keyword"], f"{r['weight']:.4f}", str(r["count"])) for r in records]
        self._table(file, ("keyword", "weight", "count"), rows, "no keywords found")

    def _analyze(self, file: str, records: list[dict[str, Any]]) -> None:
        """One report per file: meta, outline, targets, slogans, keywords — rich tables and a tree
        on a terminal; in a pipe one TSV table (file, type, line, item, detail) of every finding."""
        if self.console is None:
            self._tsv(("file", "type", "line", "item", "detail"), [_analyze_row(file, r) for r in records])
            return
        by_type: dict[str, list[dict[str, Any]]] = {t: [] for t in ANALYZE_PARTS}
        for r in records:
            by_type[r["type"]].append({("type" if k == f"{r['type']}_type" else k): v for k, v in r.items()})
        from rich.markup import escape

        self.console.rule(f"[bold]{escape(file)}[/bold]")
        for kind, (title, method) in ANALYZE_PARTS.items():
            getattr(self, method)(f"{file} · {title}", by_type[kind])

    def _trend(self, file: str, records: list[dict[str, Any]]) -> None:
        from speechkit.render.trend_cells import trend_blocks

        for indicator, rows in trend_blocks(records):
            self._table(indicator, ("period", "target", "achieved", "bar", "source"), rows,
                        f"{indicator}: no figures found", key="indicator")
        if not records:
            _note("no targets or achieved figures found")

    def _panel(self, file: str, records: list[dict[str, Any]]) -> None:
        from speechkit.render.trend_cells import panel_rows

        self._table("panel", ("jurisdiction", "year", "indicator", "status", "target", "achieved", "diff", "source"),
                    panel_rows(records), "no panel rows", key=None)

    def _trend_slogans(self, file: str, records: list[dict[str, Any]]) -> None:
        from speechkit.render.trend_cells import slogan_trend_rows

        periods, rows = slogan_trend_rows(records)
        self._table(f"per 10,000 characters, periods {periods}", ("slogan", "type", "count", "first", "last",
                    "trend", "per 10k"), rows, "no slogans found", key=None)

    def _diff(self, file: str, records: list[dict[str, Any]]) -> None:
        from speechkit.render.trend_cells import diff_rows

        self._table(file, ("section", "change", "item", "before", "after"), diff_rows(records),
                    "no differences found", key="files")

    def error(self, file: str, message: str) -> None:
        pass

    def end(self) -> None:
        pass


def _analyze_row(file: str, r: dict[str, Any]) -> tuple[str, ...]:
    """One finding of ``analyze`` as (file, type, line, item, detail)."""
    t = r["type"]
    if t == "meta":
        item = r.get("title") or ""
        detail = " · ".join(str(r[k]) for k in ("speaker", "date", "venue") if r.get(k))
    elif t == "heading":
        item, detail = _heading_line(r), f"level {r['level']}"
    elif t == "target":
        item, detail = r["indicator"], f"{r.get('target_type') or r.get('kind')} {_amount(r)} {r['text']}".strip()
    elif t == "slogan":
        item, detail = r["slogan"], f"{r.get('slogan_type') or r.get('type')} ×{r['count']}"
    else:
        item, detail = r["keyword"], f"{r['weight']:.4f} ×{r['count']}"
    return file, t, str(r.get("line", "")), str(item), detail
