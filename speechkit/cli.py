"""The command line: click commands only — options -> api -> renderer, and error mapping."""
from __future__ import annotations

import os
import sys
from typing import Any, Callable

import click

from speechkit import __version__, batch
from speechkit.batch import Batch, Options

FORMATS = ("text", "json", "jsonl", "csv", "parquet")


def output_options(formats: tuple[str, ...] = FORMATS[1:], excel: bool = True,
                   color: bool = True) -> Callable[..., Any]:
    """The output and input flags the commands share (one decorator, as sqlite-utils does);
    ``formats`` and ``excel`` narrow it for a command that takes fewer (report)."""
    helps = {"json": "One JSON document (schema speechkit/1).",
             "jsonl": "One JSON record per line, streamed.",
             "csv": "CSV rows with a fixed header.",
             "parquet": "One Parquet table, columns typed as in the schema (needs -o FILE or a pipe; pyarrow)."}

    def decorate(f: Callable[..., Any]) -> Callable[..., Any]:
        opts = [click.argument("files", nargs=-1, required=True, metavar="FILES...",
                               type=click.Path())]  # click.Path: the shell completes file names
        opts += [click.option(f"--{name}", f"fmt_{name}", is_flag=True, help=helps[name]) for name in formats]
        if excel:
            opts.append(click.option("--excel", is_flag=True,
                                     help="With --csv: write a UTF-8 BOM so Excel reads Chinese text."))
        opts += [
            click.option("--script", type=click.Choice(["original", "simplified", "traditional"]),
                         default="original", show_default=True, help="Script of every text field shown."),
            click.option("--encoding", metavar="NAME", callback=_check_encoding,
                         help="Decode input as NAME instead of detecting it."),
            click.option("--config", "config", metavar="FILE", type=click.Path(dir_okay=False),
                         help="YAML extending the lexicons (default: ./speechkit.yaml if present)."),
            click.option("-o", "--output", metavar="FILE", type=click.Path(),
                         help="Write output to FILE (atomically) instead of stdout."),
            *([click.option("--color", type=click.Choice(["auto", "always", "never"]), default="auto",
                            show_default=True, help="Colour on a terminal (auto honours NO_COLOR).")]
              if color else []),
            click.option("-q", "--quiet", is_flag=True, help="Do not report failed files on stderr."),
            click.option("-j", "--jobs", type=click.IntRange(min=1), metavar="N",
                         help="Worker processes (default: all cores for batches of more than 8 files)."),
            click.option("--timeout", type=click.FloatRange(min=0), default=batch.DEFAULT_TIMEOUT,
                         show_default=True, metavar="SECONDS",
                         help="A file still being analysed after SECONDS fails; the batch goes on (0: no limit)."),
        ]
        for opt in reversed(opts):
            f = opt(f)
        return f

    return decorate


common_options = output_options()


def _check_encoding(ctx: Any, param: Any, value: str | None) -> str | None:
    """An encoding Python does not know is a usage error naming it, not a failure per file."""
    import codecs

    if value is not None:
        try:
            codecs.lookup(value)
        except LookupError:
            raise click.BadParameter(f"unknown encoding {value!r}") from None
    return value


def _options(kw: dict[str, Any]) -> Options:
    chosen = [name for name in FORMATS[1:] if kw.pop(f"fmt_{name}", False)]
    if len(chosen) > 1:
        raise click.UsageError(f"choose one output format, not {' and '.join('--' + c for c in chosen)}")
    fmt = chosen[0] if chosen else "text"
    excel = kw.pop("excel", False)
    if excel and fmt != "csv":
        raise click.UsageError("--excel goes with --csv (it adds a BOM to the CSV output)")
    if fmt == "parquet":
        _check_parquet(kw["output"])
    return Options(fmt, kw.pop("script"), kw.pop("encoding"), kw.pop("config"),
                   kw.pop("output"), kw.pop("quiet"), excel, kw.pop("jobs"), kw.pop("timeout", batch.DEFAULT_TIMEOUT),
                   kw.pop("color", "auto"))


def _check_parquet(output: str | None) -> None:
    """--parquet needs pyarrow (an extra) and somewhere binary to go: a file or a pipe."""
    import importlib.util

    if importlib.util.find_spec("pyarrow") is None:
        raise click.ClickException("--parquet needs pyarrow: pip install 'speechkit-zh[parquet]'")
    if output is None and sys.stdout.isatty():
        raise click.UsageError("--parquet writes a binary file: give -o FILE or pipe the output")


def _err(msg: str) -> None:
    try:
        click.echo(f"speechkit: {msg}", err=True)
    except OSError:  # stderr is gone too (a closed terminal after SIGHUP): nothing to tell
        pass


def run(command: str, files: tuple[str, ...], opts: Options,
        analyse: Callable[[Any, Any], list[dict[str, Any]]],
        finish: Callable[[Batch], Batch] | None = None) -> None:
    """Run a batch (speechkit.batch) and exit with its code: 0 ok, 1 some files failed, 2 usage."""
    try:
        code = batch.run(command, files, opts, analyse, finish)
    except BrokenPipeError:  # caught here: click would turn it into exit 1
        _end_quietly()
    sys.exit(code)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="speechkit")
def cli() -> None:
    """speechkit — read Chinese political speeches: outline, targets, slogans.

    \b
    Examples:
      speechkit outline samples/*.txt
      speechkit outline speech.txt --json | jq '.files[0].records[].title'
      speechkit clean --simplified speech.txt > speech.simp.txt
      speechkit targets --all samples/*.txt --csv > targets.csv
    """


@cli.command()
@common_options
@click.option("--depth", type=click.IntRange(min=1), metavar="N", help="Show headings down to level N only.")
def outline(files: tuple[str, ...], depth: int | None, **kw: Any) -> None:
    """Print the section outline (一、 （一） 1. （1） 一是 第一， 首先 …) as a tree.

    \b
    Examples:
      speechkit outline samples/district-work-conference.trad.txt
      speechkit outline samples/ --depth 1 --script simplified
      speechkit outline speech.txt --jsonl | jq -r 'select(.level==1).title'
    """
    opts = _options(kw)

    def analyse(doc: Any, config: Any) -> list[dict[str, Any]]:
        from speechkit.api import outline as extract
        from speechkit.records import heading_records

        recs = heading_records(doc, extract(doc, config), opts.script)
        return [r for r in recs if depth is None or r["level"] <= depth]

    run("outline", files, opts, analyse)


@cli.command()
@common_options
@click.option("--simplified", is_flag=True, help="Print the Simplified `norm` layer instead of `clean`.")
@click.option("--show-noise", is_flag=True,
              help="Print what cleaning cut instead of the text: line, rule and the text cut, one per line.")
def clean(files: tuple[str, ...], simplified: bool, show_noise: bool, **kw: Any) -> None:
    """Print the cleaned text: pinyin, site boilerplate and odd spaces removed, widths folded.

    \b
    Examples:
      speechkit clean samples/economic-work-meeting.trad-pinyin.txt
      speechkit clean --simplified samples/*.trad*.txt -o all.simp.txt
      cat speech.txt | speechkit clean -
      speechkit clean page.txt --show-noise        # audit what was cut, and by which rule
    """
    opts = _options(kw)

    def analyse(doc: Any, config: Any) -> list[dict[str, Any]]:
        from speechkit.records import clean_record, noise_records

        if show_noise:
            from speechkit.normalize.clean import page_noise

            return noise_records(doc, page_noise(doc.raw, config))
        return [clean_record(doc, simplified, opts.script)]

    run("noise" if show_noise else "clean", files, opts, analyse)


KINDS = ("target", "actual", "other")


def _complete_list(ctx: Any, param: Any, incomplete: str) -> list[str]:
    """Values for --kind / --indicator; after a comma, the next value of the list."""
    head, _, last = incomplete.rpartition(",")
    if param.name == "kind":
        known: list[str] = list(KINDS)
    else:
        from speechkit.config import load_config

        try:
            known = sorted(load_config(ctx.params.get("config")).lexicon("indicators")["indicators"]) + ["other"]
        except Exception:  # completion must never print a traceback into the shell
            return []
    prefix = f"{head}," if head else ""
    return [prefix + k for k in known if k.startswith(last)]


def _split_list(ctx: Any, param: Any, value: str | None) -> tuple[str, ...] | None:
    if value is None:
        return None
    items = tuple(v.strip() for v in value.split(",") if v.strip())
    if param.name == "kind":
        bad = [v for v in items if v not in KINDS]
        if bad:
            raise click.BadParameter(f"unknown kind {bad[0]!r} (choose from {', '.join(KINDS)})")
    return items


@cli.command()
@common_options
@click.option("--all", "all_kinds", is_flag=True, help="Also show achieved figures (actual) and other quantities.")
@click.option("--kind", metavar="K1,K2", callback=_split_list, shell_complete=_complete_list,
              help="Only these kinds: target, actual, other (comma-separated).")
@click.option("--indicator", metavar="ID1,ID2", callback=_split_list, shell_complete=_complete_list,
              help="Only these indicators, e.g. gdp,cpi (ids as in the output; 'other' for unknown).")
def targets(files: tuple[str, ...], all_kinds: bool, kind: tuple[str, ...] | None,
            indicator: tuple[str, ...] | None, **kw: Any) -> None:
    """Print numeric targets: the figures a speech commits to (预期目标, 力争, 确保 …).

    With --all, also the figures it reports as achieved and other quantified statements.
    Values are in base units (49.4亿元 -> 4940000000 CNY); growth rates in percent.

    \b
    Examples:
      speechkit targets samples/district-work-conference.trad.txt
      speechkit targets --all --indicator gdp,fiscal_revenue samples/*.txt
      speechkit targets --all --kind actual report.txt --csv -o actual.csv
      speechkit targets speech.txt --jsonl | jq -r '[.indicator, .growth] | @tsv'
    """
    opts = _options(kw)
    _check_indicators(indicator, opts.config)
    kinds = set(kind) if kind else (set(KINDS) if all_kinds else {"target"})

    def analyse(doc: Any, config: Any) -> list[dict[str, Any]]:
        from speechkit.api import targets as extract
        from speechkit.records import target_records

        recs = target_records(doc, extract(doc, config), opts.script)
        return [r for r in recs if r["kind"] in kinds and (not indicator or r["indicator"] in indicator)]

    run("targets", files, opts, analyse)


@cli.command()
@common_options
@click.option("--top", type=click.IntRange(min=1), metavar="N", help="Only the N most frequent slogans.")
@click.option("--min-count", type=click.IntRange(min=1), default=1, metavar="N",
              help="Only slogans that occur at least N times.")
@click.option("--by-file", is_flag=True,
              help="One list per file (default over many files: counts summed, with the number of files).")
def slogans(files: tuple[str, ...], top: int | None, min_count: int, by_file: bool, **kw: Any) -> None:
    """Print slogans, watchwords and numbered formulas with their counts.

    Three types: quoted (“…”), formula (三个代表, 六大工程, 两免一补) and parallel
    (早动手、早安排、早启动). Over several files the counts are summed and `files` says in
    how many each appears; --by-file keeps one list per file.

    \b
    Examples:
      speechkit slogans samples/district-work-conference.trad.txt --top 10
      speechkit slogans samples/ --min-count 2
      speechkit slogans samples/*.txt --by-file --jsonl | jq -r 'select(.type=="formula").slogan'
    """
    opts = _options(kw)

    def keep(records: list[dict[str, Any]]) -> list[dict[str, Any]]:
        records = [r for r in records if r["count"] >= min_count]
        return records[:top] if top is not None else records

    def analyse(doc: Any, config: Any) -> list[dict[str, Any]]:
        from speechkit.api import slogans as extract
        from speechkit.records import slogan_records

        recs = slogan_records(doc, extract(doc, config), opts.script)
        return keep(recs) if by_file else recs

    def finish(batch: Batch) -> Batch:
        from speechkit.analysis.corpus import aggregate_slogans

        if len(batch) == 1:
            return [(name, enc, keep(recs)) for name, enc, recs in batch]
        return [("*", "", keep(aggregate_slogans(batch)))] if batch else []

    run("slogans", files, opts, analyse, None if by_file else finish)


@cli.command()
@common_options
def meta(files: tuple[str, ...], **kw: Any) -> None:
    """Print what each speech says about itself: title, speaker, role, date, venue, source,
    script, encoding, length in characters and the noise cleaning removed.

    \b
    Examples:
      speechkit meta samples/three-level-cadres-2015.simp.txt
      speechkit meta samples/ --csv -o meta.csv
      speechkit meta speeches/ --jsonl | jq -r '[.date, .speaker, .title] | @tsv'
    """
    opts = _options(kw)

    def analyse(doc: Any, config: Any) -> list[dict[str, Any]]:
        from speechkit.api import meta as extract
        from speechkit.records import meta_record

        return [meta_record(doc, extract(doc, config), opts.script)]

    run("meta", files, opts, analyse)


@cli.command()
@common_options
@click.option("--top", type=click.IntRange(min=1), default=20, show_default=True, metavar="N",
              help="How many terms per file.")
@click.option("--distinctive", is_flag=True,
              help="Weigh each file's terms against the other files given (corpus IDF).")
def keywords(files: tuple[str, ...], top: int, distinctive: bool, **kw: Any) -> None:
    """Print each file's top terms by TF-IDF (jieba words; a stop list keeps out 同志们, 我们,
    进一步 …; political terms such as 高质量发展 stay whole).

    \b
    Examples:
      speechkit keywords samples/economic-work-meeting.trad-pinyin.txt --top 10
      speechkit keywords --distinctive samples/*.txt --top 5
      speechkit keywords report.txt --jsonl | jq -r '.keyword'
    """
    opts = _options(kw)

    def analyse(doc: Any, config: Any) -> list[dict[str, Any]]:
        from speechkit.extractors.keywords import extract_keywords
        from speechkit.records import keyword_records

        return keyword_records(doc, extract_keywords(doc, config, None if distinctive else top), opts.script)

    def finish(batch: Batch) -> Batch:
        from speechkit.analysis.corpus import distinctive_keywords

        return distinctive_keywords(batch, top)

    run("keywords", files, opts, analyse, finish if distinctive else None)


@cli.command()
@common_options
@click.option("--top-keywords", type=click.IntRange(min=0), default=20, show_default=True, metavar="N",
              help="Keywords kept per file.")
def analyze(files: tuple[str, ...], top_keywords: int, **kw: Any) -> None:
    """Everything at once: meta, outline, targets (all kinds), slogans and keywords per file.

    --json nests them per file (files[].meta/outline/targets/slogans/keywords); --jsonl and
    --csv give one flat record per finding with a `type` (meta, heading, target, slogan,
    keyword).

    \b
    Examples:
      speechkit analyze samples/three-level-cadres-2015.simp.txt
      speechkit analyze samples/ --json -o analysis.json
      speechkit analyze speeches/ --jsonl | jq -c 'select(.type=="target" and .indicator=="gdp")'
    """
    opts = _options(kw)

    def analyse(doc: Any, config: Any) -> list[dict[str, Any]]:
        from speechkit.api import analysis_records

        return analysis_records(doc, config, opts.script, top_keywords)

    run("analyze", files, opts, analyse)


def _check_indicators(ids: tuple[str, ...] | None, config_file: str | None) -> None:
    """A usage error (exit 2) for an indicator id the lexicons do not know, with the known ids."""
    from speechkit.config import load_config
    from speechkit.errors import ConfigError

    if not ids:
        return
    try:
        known = set(load_config(config_file).lexicon("indicators")["indicators"]) | {"other"}
    except ConfigError:
        return  # the batch reports a broken config itself
    bad = [i for i in ids if i not in known]
    if bad:
        raise click.BadParameter(f"unknown indicator {bad[0]!r} (known: {', '.join(sorted(known))})",
                                 param_hint="'--indicator'")


def _summarise(opts: Options, parts: tuple[str, ...]) -> Callable[[Any, Any], list[dict[str, Any]]]:
    def analyse(doc: Any, config: Any) -> list[dict[str, Any]]:
        from speechkit.api import file_summary

        return [file_summary(doc, config, parts, opts.script)]

    return analyse


@cli.command()
@common_options
@click.option("--indicator", metavar="ID1,ID2", callback=_split_list, shell_complete=_complete_list,
              help="Indicators to follow, e.g. gdp,cpi (default: those in most files).")
@click.option("--slogans", "slogan_mode", is_flag=True,
              help="Follow slogans and formulas instead: count per 10,000 characters per period.")
@click.option("--top", type=click.IntRange(min=1), metavar="N",
              help="With --slogans: how many slogans (the most frequent in the corpus; default 10).")
def trend(files: tuple[str, ...], indicator: tuple[str, ...] | None, slogan_mode: bool, top: int | None,
          **kw: Any) -> None:
    """Follow targets (or slogans) across speeches, one row per period.

    Each row: the target a speech sets for its year (value or growth, range, qualifier) and the
    figure reported as achieved for that year (usually by the next year's speech). The period
    is the speech's year: its date, else a year in the file name.

    \b
    Examples:
      speechkit trend reports/ --indicator gdp
      speechkit trend reports/*.txt --csv -o trends.csv
      speechkit trend reports/ --slogans --top 5
    """
    opts = _options(kw)
    if slogan_mode and indicator:
        raise click.UsageError("--slogans and --indicator do not combine: choose one")
    if top is not None and not slogan_mode:
        raise click.UsageError("--top goes with --slogans (it picks the most frequent slogans)")
    top = 10 if top is None else top
    _check_indicators(indicator, opts.config)

    def finish(batch: Batch) -> Batch:
        from speechkit.analysis.trend import common_indicators, slogan_trend, trend_rows

        summaries = [recs[0] for _name, _enc, recs in batch]
        if slogan_mode:
            return [("*", "", slogan_trend(summaries, top))] if summaries else []
        ids = indicator or common_indicators(summaries)
        return [("*", "", [row for i in ids for row in trend_rows(summaries, i)])] if summaries else []

    parts = ("slogans",) if slogan_mode else ("targets",)
    run("trend_slogans" if slogan_mode else "trend", files, opts, _summarise(opts, parts), finish)


@cli.command()
@common_options
@click.option("--indicator", metavar="ID1,ID2", callback=_split_list, shell_complete=_complete_list,
              help="Indicators, e.g. gdp,cpi (default: those in most files).")
def panel(files: tuple[str, ...], indicator: tuple[str, ...] | None, **kw: Any) -> None:
    """A research panel: one row per (jurisdiction, year, indicator) with the target, the figure
    achieved that year (from the same text's review or the next year's), their difference and
    where each was read. `status`: found, qualitative (与经济增长同步), absent (the text says it
    sets no target), not_found. Jurisdiction and year come from each text's meta.

    \b
    Examples:
      speechkit panel reports/ --indicator gdp
      speechkit panel reports/ --indicator gdp,cpi --csv -o panel.csv
      speechkit panel reports/ --parquet -o panel.parquet
    """
    opts = _options(kw)
    _check_indicators(indicator, opts.config)

    def analyse(doc: Any, config: Any) -> list[dict[str, Any]]:
        from speechkit.analysis.panel import panel_summary

        return [panel_summary(doc, config, opts.script)]

    def finish(batch: Batch) -> Batch:
        from speechkit.analysis.trend import common_indicators
        from speechkit.analysis.panel import panel_rows

        summaries = [recs[0] for _name, _enc, recs in batch]
        for s in summaries:
            if s["year"] is None and not opts.quiet:
                _err(f"warning: {s['file']}: no year (title, dated subtitle or file name); left out of the panel")
        ids = list(indicator or common_indicators(summaries))
        return [("*", "", panel_rows(summaries, ids))] if summaries else []

    run("panel", files, opts, analyse, finish)


@cli.command()
def schema() -> None:
    """Print the JSON Schema of the --json output of every command (schema speechkit/1).

    \b
    Examples:
      speechkit schema > speechkit-1.schema.json
      speechkit outline samples/ --json > out.json && check-jsonschema --schemafile speechkit-1.schema.json out.json
    """
    import json

    from speechkit.schema import json_schema

    click.echo(json.dumps(json_schema(), ensure_ascii=False, indent=2))


@cli.command()
@common_options
def diff(files: tuple[str, ...], **kw: Any) -> None:
    """Print what changed from speech A to speech B (with more files: each against the one before).

    Targets raised, lowered, changed, added, dropped (each indicator's target for the speech's
    own year, compared by value or growth); slogans new, gone, rising, falling (per 10,000
    characters); outline sections added, removed, renamed (titles matched by similarity).

    \b
    Examples:
      speechkit diff report-2024.txt report-2025.txt
      speechkit diff report-2023.txt report-2024.txt report-2025.txt
      speechkit diff a.txt b.txt --jsonl | jq -r 'select(.section=="targets") | [.item, .change] | @tsv'
    """
    opts = _options(kw)
    if len(files) < 2:
        raise click.UsageError(f"diff compares two files, A and B (got {len(files)})")

    def finish(batch: Batch) -> Batch:
        from speechkit.analysis.compare import diff as compare

        # files that failed are reported and left out: each file is compared with the one before
        return [(f"{a_name} → {b_name}", b_enc, compare(a, b))
                for (a_name, _e, (a,)), (b_name, b_enc, (b,)) in zip(batch, batch[1:])]

    run("diff", files, opts, _summarise(opts, ("targets", "slogans", "outline")), finish)


@cli.command()
@output_options(("json",), excel=False, color=False)
@click.option("--indicator", metavar="ID1,ID2", callback=_split_list, shell_complete=_complete_list,
              help="Indicators to chart, e.g. gdp,cpi (default: those in most files).")
@click.option("--top", type=click.IntRange(min=1), default=10, show_default=True, metavar="N",
              help="How many slogans to chart.")
def report(files: tuple[str, ...], indicator: tuple[str, ...] | None, top: int, **kw: Any) -> None:
    """Write one self-contained HTML page: trend charts of the targets, the slogan chart, and
    per speech its targets table and outline tree. Opens offline (everything is inlined).

    --json gives the same data as JSON instead of HTML.

    \b
    Examples:
      speechkit report reports/*.txt -o report.html
      speechkit report reports/ --indicator gdp,cpi,new_urban_jobs -o report.html
    """
    opts = _options(kw)
    if opts.fmt == "text":
        import importlib.util

        if importlib.util.find_spec("plotly") is None:
            raise click.ClickException("the HTML report needs plotly: pip install 'speechkit-zh[report]'")
        opts.fmt = "html"
    _check_indicators(indicator, opts.config)

    def finish(batch: Batch) -> Batch:
        from speechkit.analysis.trend import report_data

        summaries = [recs[0] for _name, _enc, recs in batch]
        return [("*", "", [report_data(summaries, indicator, top)])]

    run("report", files, opts, _summarise(opts, ("targets", "slogans", "outline", "meta")), finish)


class Terminated(BaseException):
    """SIGTERM or SIGHUP: unwinds like Ctrl-C, so -o's temporary file is removed and the
    workers are ended (a BaseException: no `except Exception` stops it)."""

    def __init__(self, signum: int):
        super().__init__(signum)
        self.signum = signum


def _on_signal(signum: int, frame: Any) -> None:
    raise Terminated(signum)


def _catch_signals() -> None:
    import signal

    for name in ("SIGTERM", "SIGHUP"):
        sig = getattr(signal, name, None)
        if sig is not None and signal.getsignal(sig) is signal.SIG_DFL:  # nohup's SIG_IGN stays
            signal.signal(sig, _on_signal)


def main() -> None:
    """Entry point: click's own errors keep their exit codes (2 for usage); Ctrl-C is 130,
    SIGTERM 143 and SIGHUP 129 (128 + the signal, as a shell reports a killed process)."""
    _catch_signals()
    try:
        cli.main(prog_name="speechkit", standalone_mode=False)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    except click.UsageError as exc:
        exc.show()  # usage, then the problem: exit 2
        sys.exit(exc.exit_code)
    except click.ClickException as exc:
        _err(f"error: {exc.format_message()}")
        sys.exit(exc.exit_code)
    except (KeyboardInterrupt, click.exceptions.Abort):
        _err("interrupted")
        sys.exit(130)
    except Terminated as exc:
        import signal

        _err(f"terminated ({signal.Signals(exc.signum).name})")
        sys.exit(128 + exc.signum)
    except BrokenPipeError:
        _end_quietly()
    except Exception as exc:  # last resort: a bug still ends in one line, not a traceback
        if os.environ.get("SPEECHKIT_DEBUG"):
            raise
        _err(f"internal error ({type(exc).__name__}: {exc}); please report it (SPEECHKIT_DEBUG=1 shows where)")
        sys.exit(1)


def _end_quietly() -> None:
    """The reader went away (`| head`): end quietly, and stop Python's own flush complaint."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    sys.exit(0)
