"""A progress bar on stderr for long batches — only when stderr is a terminal, never in pipes.

When stdout is the same terminal, results printed while the bar is drawn would leave bar
frames inside the output: the batch wraps every write in ``paused()``, which takes the bar
off the screen (it is transient) and draws it again below what was printed."""
from __future__ import annotations

import sys
from contextlib import contextmanager
from typing import Any, Iterator

# Batches shorter than this finish before a bar would be worth drawing.
PROGRESS_MIN_FILES = 20


class _NoProgress:
    def advance(self) -> None:
        pass

    @contextmanager
    def paused(self) -> Iterator[None]:
        yield

    def close(self) -> None:
        pass


class _RichProgress:
    def __init__(self, total: int, label: str):
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

        self.bar = Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                            TimeRemainingColumn(), console=Console(stderr=True), transient=True,
                            redirect_stdout=False, redirect_stderr=False)
        self.task = self.bar.add_task(label, total=total)
        self.bar.start()

    def advance(self) -> None:
        self.bar.advance(self.task)

    @contextmanager
    def paused(self) -> Iterator[None]:
        if not sys.stdout.isatty():  # output goes elsewhere: nothing to keep apart
            yield
            return
        self.bar.stop()
        try:
            yield
        finally:
            sys.stdout.flush()
            self.bar.start()

    def close(self) -> None:
        self.bar.stop()


def progress(total: int, label: str, stream: Any = None) -> Any:
    """An object with ``advance()`` and ``close()``: a rich bar when ``stream`` (stderr) is a
    terminal and the batch is long, else one that does nothing."""
    stream = stream or sys.stderr
    if total < PROGRESS_MIN_FILES or not getattr(stream, "isatty", lambda: False)():
        return _NoProgress()
    return _RichProgress(total, label)
