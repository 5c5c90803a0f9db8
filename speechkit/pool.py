"""Worker processes that cannot hang a batch (issue 17).

``multiprocessing.Pool`` waits forever for a result a dead worker (SIGKILL, OOM kill,
segfault) will never send. Here the parent keeps one pipe per worker and knows which files
each holds: it waits on the pipes *and* the workers' process sentinels, so a dead worker is
seen at once. The file it was analysing fails with one reason, the files queued behind it go
to the other workers, and a fresh worker takes its place. A worker still on one file after
``timeout`` seconds is killed the same way. Results come back in input order.

Workers end quietly when the parent goes: the kernel kills them on Linux (PR_SET_PDEATHSIG),
and anywhere a closed pipe ends their loop. SIGTERM/SIGHUP kill a worker without a traceback;
Ctrl-C is left to the parent, which ends the workers itself.
"""
from __future__ import annotations

import collections
import os
import signal
import sys
import time
from typing import Any, Callable, Iterator

Result = tuple[str, str, str, Any]  # ("ok", name, encoding, data) | ("error", name, reason, None)


class _Timeout(BaseException):
    """Raised by the alarm in a single-process run; a BaseException so no `except Exception`
    in the analysis swallows it."""


def _die_with_parent() -> None:
    """Linux: the kernel kills this process when its parent dies (the parent may be killed
    by a signal it cannot catch and never get to end its workers)."""
    if not sys.platform.startswith("linux"):
        return
    try:
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # 1 = PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass


def _serve(conn: Any, others: list[Any], work: Callable[[Any], Result]) -> None:
    """A worker's loop: chunks of (index, item) in, one (index, result) out per item."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    for sig in (signal.SIGTERM, getattr(signal, "SIGHUP", None)):
        if sig is not None:
            signal.signal(sig, signal.SIG_DFL)
    _die_with_parent()
    for other in others:  # the parent's ends of the pipes: the parent's to hold
        other.close()
    while True:
        try:
            chunk = conn.recv()
        except (EOFError, OSError):
            os._exit(0)
        if chunk is None:
            os._exit(0)
        for index, item in chunk:
            result = work(item)
            try:
                conn.send((index, result))
            except OSError:
                os._exit(0)


class _Worker:
    def __init__(self, ctx: Any, work: Callable[[Any], Result], others: list[Any]):
        self.conn, child = ctx.Pipe()
        # the child closes the parent's ends (its own and the other workers'): then the
        # parent's exit is an EOF it sees
        self.proc = ctx.Process(target=_serve, args=(child, [*others, self.conn], work), daemon=True)
        self.proc.start()
        child.close()
        self.pending: collections.deque[tuple[int, Any]] = collections.deque()
        self.started = time.monotonic()  # when the file at pending[0] began

    def give(self, chunk: list[tuple[int, Any]]) -> None:
        self.conn.send(chunk)
        self.pending.extend(chunk)
        self.started = time.monotonic()

    def stop(self) -> None:
        if self.proc.is_alive():
            self.proc.kill()
        self.proc.join(5)
        self.conn.close()


def _death(exitcode: int | None) -> str:
    if exitcode is not None and exitcode < 0:
        try:
            name = signal.Signals(-exitcode).name
        except ValueError:
            name = f"signal {-exitcode}"
        hint = " (out of memory?)" if -exitcode == signal.SIGKILL else ""
        return f"the worker process analysing this file was killed by {name}{hint}; the other files went on"
    return f"the worker process analysing this file exited unexpectedly (code {exitcode}); the other files went on"


def run_pool(items: list[Any], jobs: int, work: Callable[[Any], Result], name_of: Callable[[Any], str],
             timeout: float | None, chunk: int) -> Iterator[Result]:
    """``work(item)`` for every item in ``jobs`` worker processes, results in input order."""
    import multiprocessing
    from multiprocessing.connection import wait

    ctx = multiprocessing.get_context("fork")
    queue = collections.deque(enumerate(items))
    done: dict[int, Result] = {}
    workers: list[_Worker] = []

    def spawn() -> _Worker:
        w = _Worker(ctx, work, [x.conn for x in workers])
        workers.append(w)
        return w

    def fail(w: _Worker, reason: str) -> None:
        """End worker ``w``: the file it was on fails, the files queued behind it go back."""
        while w.pending and w.conn.poll():  # results it sent before it went
            try:
                index, result = w.conn.recv()
            except (EOFError, OSError):
                break
            done[index] = result
            w.pending.popleft()
        w.stop()
        workers.remove(w)
        if w.pending:
            index, item = w.pending.popleft()
            done[index] = ("error", name_of(item), reason, None)
            queue.extendleft(reversed(w.pending))
        if queue:
            spawn()

    def give(w: _Worker, items: list[tuple[int, Any]]) -> None:
        try:
            w.give(items)
        except OSError:  # it died idle: nothing of its own fails
            queue.extendleft(reversed(items))
            w.stop()
            workers.remove(w)
            spawn()

    try:
        for _ in range(min(jobs, len(items))):
            spawn()
        next_out = 0
        while next_out < len(items):
            for w in list(workers):
                # a chunk ahead: the next is in the worker's pipe before it runs out, so it
                # never waits for this process (which shares the cores with the workers)
                if len(w.pending) <= chunk and queue:
                    give(w, [queue.popleft() for _ in range(min(chunk, len(queue)))])
            while next_out in done:
                yield done.pop(next_out)
                next_out += 1
            busy = [w for w in workers if w.pending]
            if not busy:
                continue
            now = time.monotonic()
            wait_for = None if timeout is None else max(0.0, min(w.started for w in busy) + timeout - now)
            ready = set(wait([w.conn for w in busy] + [w.proc.sentinel for w in busy], wait_for))
            for w in busy:
                if w.conn in ready:
                    # every result already in the pipe, not one per wait(): a wait builds a
                    # selector each time, and with fast work the parent's loop was what
                    # kept -j 2 from twice -j 1's speed
                    try:
                        while True:
                            index, result = w.conn.recv()
                            done[index] = result
                            w.pending.popleft()
                            w.started = time.monotonic()
                            if not (w.pending and w.conn.poll()):
                                break
                    except (EOFError, OSError):
                        w.proc.join(1)
                        fail(w, _death(w.proc.exitcode))
                        continue
                elif w.proc.sentinel in ready:
                    w.proc.join(1)
                    fail(w, _death(w.proc.exitcode))
                elif timeout is not None and time.monotonic() - w.started >= timeout:
                    fail(w, f"took longer than {timeout:g} s to analyse (--timeout); stopped")
    finally:
        for w in workers:
            w.stop()


def run_inline(items: list[Any], work: Callable[[Any], Result], name_of: Callable[[Any], str],
               timeout: float | None) -> Iterator[Result]:
    """``work(item)`` in this process. The time limit is an alarm (main thread, POSIX): it is
    checked between Python steps of the analysis, so it cannot stop one long C call."""
    import threading

    use_alarm = (timeout is not None and hasattr(signal, "setitimer")
                 and threading.current_thread() is threading.main_thread())
    if not use_alarm:
        yield from map(work, items)
        return

    def on_alarm(signum: int, frame: Any) -> None:
        raise _Timeout()

    previous = signal.signal(signal.SIGALRM, on_alarm)
    try:
        for item in items:
            try:
                signal.setitimer(signal.ITIMER_REAL, timeout)
                result = work(item)
            except _Timeout:
                result = ("error", name_of(item), f"took longer than {timeout:g} s to analyse (--timeout); stopped",
                          None)
            finally:
                signal.setitimer(signal.ITIMER_REAL, 0)
            yield result
    finally:
        signal.signal(signal.SIGALRM, previous)
