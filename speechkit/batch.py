"""Running a command over a batch of inputs: loading, worker processes, failures, output.

No click and no rich here: the CLI calls ``run`` and exits with the code it returns.
"""
from __future__ import annotations

import gc
import os
import sys
import tempfile
from dataclasses import dataclass
from typing import IO, Any, Callable, Iterator

from speechkit.errors import SpeechkitError


class OutputError(SpeechkitError):
    def __init__(self, file: str, reason: str):
        super().__init__(f"{file}: {reason}")


# Seconds one file may take before it fails (--timeout): about 30x what `analyze` needs for
# 10 MB of text on a slow machine, so only a pathological file reaches it.
DEFAULT_TIMEOUT = 300.0


@dataclass
class Options:
    fmt: str
    script: str
    encoding: str | None
    config: str | None
    output: str | None
    quiet: bool
    excel: bool = False
    jobs: int | None = None
    timeout: float | None = DEFAULT_TIMEOUT
    color: str = "auto"


_ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t", '"': '\\"', "\\": "\\\\"}


def quoted(name: str) -> str:
    """A file name fit for one stderr line: in double quotes, with line breaks, escapes and
    every other unprintable character escaped, when it holds any; so no name can forge a
    line or colour the terminal. Printable names are shown as they are."""
    if name.isprintable():
        return name
    return '"' + "".join(
        ch if ch.isprintable() and ch not in _ESCAPES else _ESCAPES.get(ch) or
        (f"\\x{ord(ch):02x}" if ord(ch) < 0x100 else f"\\u{ord(ch):04x}")
        for ch in name) + '"'


def _err(msg: str) -> None:
    sys.stderr.write(f"speechkit: {msg}\n")
    sys.stderr.flush()


class Output:
    """stdout, or for ``-o FILE`` a temporary file beside FILE that is renamed onto it only
    when everything was written: an interrupted run never leaves a partial file. FILE gets
    the permissions a new file would (or those of the file it replaces). A FILE that exists
    and is not a regular file (/dev/null, a FIFO, a terminal) is written directly: renaming
    over a device would replace it."""

    def __init__(self, path: str | None):
        self.path, self.tmp = path, None
        if path is None and sys.stdout is None:
            raise OutputError("standard output", "is closed; redirect it or pass -o FILE")
        if path is None:
            self.fh: IO[str] = sys.stdout
            return
        try:
            if os.path.islink(path) and os.path.exists(path) and not os.path.isfile(path) \
                    and not os.path.abspath(path).startswith("/dev/"):
                # a link planted where the output goes must not turn it into a device write
                # or a FIFO that blocks; /dev/stdout and its kind are the system's own links
                raise OutputError(path, "is a symbolic link to a FIFO, device or socket; speechkit does not "
                                        "write through it (name the target itself if you mean it)")
            if os.path.exists(path) and not os.path.isfile(path):
                self.fh = open(path, "w", encoding="utf-8", newline="")
                return
            fd, self.tmp = tempfile.mkstemp(prefix=".speechkit-", suffix=".tmp",
                                            dir=os.path.dirname(os.path.abspath(path)))
        except OSError as exc:
            raise OutputError(path, f"cannot write here: {exc.strerror or exc}") from None
        self.fh = os.fdopen(fd, "w", encoding="utf-8", newline="")

    def __enter__(self) -> IO[str]:
        return self.fh

    def __exit__(self, exc_type: Any, *_: Any) -> None:
        if self.fh is sys.stdout:
            if exc_type is None:
                self.fh.flush()  # a full disk or a closed reader is seen here, not at exit
            return
        try:
            self.fh.close()
        except OSError:
            if exc_type is None:
                self._discard()
                raise
        if self.tmp is None:
            return
        if exc_type is not None:
            self._discard()
            return
        os.chmod(self.tmp, _mode_for(self.path))
        os.replace(self.tmp, self.path)


    def _discard(self) -> None:
        if self.tmp is not None and os.path.exists(self.tmp):
            os.unlink(self.tmp)


def _mode_for(path: str) -> int:
    """The mode of the file being replaced, or what the umask gives a new file (mkstemp
    makes its file private, which a report meant for others must not stay)."""
    try:
        return os.stat(path).st_mode & 0o7777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


# What a worker process analyses: set in the parent before the pool forks, so the per-command
# `analyse` function (often a closure over options) never has to be pickled.
# `prepare` (the renderer's, for streaming formats) turns records into output text in the
# worker, so the parent only writes: with -j, serialising in one process would be the
# bottleneck.
_TASK: tuple[Callable[[Any, Any], list[dict[str, Any]]], Any, str | None, Callable[[Any], Any] | None] | None = None
# Batches of more than this many files use all cores by default (-j); fewer run in-process,
# where starting workers costs more than it saves.
PARALLEL_MIN_FILES = 8


def _analyse_one(item: Any) -> tuple[str, str, str, Any]:
    """("ok", name, encoding, records or prepared text) or ("error", name, reason, None);
    never raises."""
    from speechkit import api

    analyse, config, encoding, prepare = _TASK
    try:
        doc = api.load_input(item, encoding, config)
        records = analyse(doc, config)
        return "ok", doc.source.name, doc.source.encoding, prepare(records) if prepare else records
    except SpeechkitError as exc:
        return "error", getattr(exc, "file", item.name), getattr(exc, "reason", str(exc)), None
    except RecursionError:
        return "error", item.name, "input too deeply nested to analyse", None
    except Exception as exc:  # a bug must not stop the batch or show a traceback
        return "error", item.name, f"internal error ({type(exc).__name__}: {exc}); please report this file", None


# A speech-shaped text that touches every extractor (heading, number, quote, formula).
WARM_UP_TEXT = "一、总体要求\n今年地区生产总值增长8%左右，坚持“两个一百年”目标。\n二、主要任务\n"


def _warm_up() -> None:
    """Run the task once in the parent before forking: lexicons, compiled regexes and jieba's
    dictionary are then loaded once and shared by every worker (copy-on-write), instead of
    each worker spending its first second loading them."""
    from speechkit import api

    analyse, config, _, prepare = _TASK
    try:
        records = analyse(api.load(text=WARM_UP_TEXT, config=config), config)
        if prepare:
            prepare(records)
    except Exception:  # warming up is an optimisation; the real run reports any failure
        pass


def _name(item: Any) -> str:
    return item.name


def _results(items: list[Any], jobs: int, timeout: float | None) -> Iterator[tuple[str, str, str, Any]]:
    """Results in input order, from worker processes when ``jobs`` > 1 (speechkit.pool: a
    worker that dies or overruns ``timeout`` fails its file, never the batch)."""
    from speechkit.pool import run_inline, run_pool

    readable = [i for i in items if not isinstance(i, SpeechkitError)]
    if jobs <= 1 or len(readable) <= 1:
        stream = run_inline(readable, _analyse_one, _name, timeout)
    else:
        _warm_up()
        gc.freeze()  # what the workers inherit is never scanned by their collector (no copy-on-write)
        chunk = max(1, min(16, len(readable) // (jobs * 8)))
        stream = run_pool(readable, jobs, _analyse_one, _name, timeout, chunk)
    try:
        for item in items:
            if isinstance(item, SpeechkitError):
                yield "error", item.file, item.reason, None
            else:
                yield next(stream)
    finally:
        stream.close()


def _read_stdin(item: Any) -> Any:
    """Standard input is read here, in the parent: a worker process has no stdin of its own."""
    from speechkit.load import Input, read_bytes

    if isinstance(item, Input) and item.path is None and item.data is None:
        try:
            return Input(item.name, None, read_bytes(item))
        except SpeechkitError as exc:
            return exc
    return item


Batch = list[tuple[str, str, list[dict[str, Any]]]]


def run(command: str, files: tuple[str, ...], opts: Options,
        analyse: Callable[[Any, Any], list[dict[str, Any]]],
        finish: Callable[[Batch], Batch] | None = None) -> int:
    """Analyse every input with ``analyse(doc, config)``; failures are reported and counted.

    Records stream to the renderer file by file, unless ``finish`` is given: then the whole
    batch of (file, encoding, records) goes through it first (sums across files, corpus
    weights) and what it returns is rendered. Returns the exit code."""
    from speechkit.config import load_config
    from speechkit.errors import ConfigError

    try:
        config = load_config(opts.config)
    except ConfigError as exc:
        _err(f"error: {exc}")
        return 2
    if config.file is not None and opts.config is None:
        _err(f"note: using {config.file} from the working directory (--config FILE to choose another)")
    try:
        output = Output(opts.output)
    except OutputError as exc:
        _err(f"error: {exc}")
        return 2
    try:
        return _run_batch(command, files, opts, analyse, finish, config, output)
    except OSError as exc:  # the output could not be written: disk full, device gone
        if isinstance(exc, BrokenPipeError):
            raise
        _err(f"error: {opts.output or 'standard output'}: cannot write: {(exc.strerror or str(exc)).lower()}")
        if opts.output is None:  # what stdout still buffers must not fail again at exit
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 2


def _run_batch(command: str, files: tuple[str, ...], opts: Options,
               analyse: Callable[[Any, Any], list[dict[str, Any]]],
               finish: Callable[[Batch], Batch] | None, config: Any, output: Output) -> int:
    global _TASK
    from speechkit.load import expand_inputs
    from speechkit.render import make_renderer
    from speechkit.render.progress import progress

    failures = 0
    with output as out:
        items = [_read_stdin(i) for i in expand_inputs(list(files))]
        renderer = make_renderer(opts.fmt, command, out, {"many": len(items) > 1, "excel": opts.excel,
                                                            "config": config.file, "color": opts.color})
        jobs = opts.jobs or ((os.cpu_count() or 1) if len(items) > PARALLEL_MIN_FILES else 1)
        prepare = getattr(renderer, "prepare", None) if finish is None else None
        _TASK = (analyse, config, opts.encoding, prepare)
        done: Batch = []
        bar = progress(len(items), f"speechkit {command}")
        try:
            for status, name, info, records in _results(items, jobs, opts.timeout or None):
                bar.advance()
                if status == "ok" and finish is not None:
                    done.append((name, info, records))
                    continue
                with bar.paused():  # results and errors never print under the bar's frames
                    if status == "ok":
                        if prepare is not None:
                            renderer.add_prepared(records)
                        else:
                            renderer.add(name, info, records)
                        continue
                    failures += 1
                    renderer.error(name, info)
                    if not opts.quiet:
                        _err(f"error: {quoted(name)}: {info}")
        finally:
            bar.close()
        for name, info, records in finish(done) if finish is not None else ():
            renderer.add(name, info, records)
        renderer.end()
    return 1 if failures else 0
