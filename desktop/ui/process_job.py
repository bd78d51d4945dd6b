"""A long job (an import, an edit that analyses articles again) in a process of its own.

The window's thread never runs it, and never shares the interpreter's lock with it: an
edit of a frequent actor run in a thread of the window's process held the window up to
half a second at a time. The job posts its messages on a queue, read here on the GUI
thread a few at a time; it lowers its own priority (``workers.run_below_the_window``).
"""

from __future__ import annotations

import multiprocessing
import queue as queue_module
import time
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, QEventLoop, QObject, QTimer, Signal

from desktop.progress import NullProgress, Progress

#: how often the job's messages are read
POLL_MS = 40
#: how long closing the window waits for a cancelled job to stop before ending it (an
#: edit, an import or an analysis stops between batches, in a second or two)
SHUTDOWN_MS = 10_000


class ProcessJob(QObject):
    """Runs ``target(*args, queue, cancel_event)`` in a spawned process. Its progress
    messages (("start", total, label), ("advance", step, note), ("finish", 0, "")) drive
    ``progress``; ("done", result) emits ``finished(result)`` and ("error", message)
    ``failed(message)``, after which the job has ended; any other (kind, payload) is
    emitted as ``message``."""

    finished = Signal(object)
    failed = Signal(str)
    message = Signal(str, object)

    def __init__(self, parent: QObject | None = None, stopped: str = "") -> None:
        """``stopped``: what ``failed`` says when the process ends without a word (killed,
        out of memory), in the owner's words."""
        super().__init__(parent)
        self.stopped = stopped or "The task stopped unexpectedly."
        self._ctx = multiprocessing.get_context("spawn")
        self._process: Any = None
        self._queue: Any = None
        self._cancel: Any = None
        self.progress: Progress = NullProgress()
        self._poll = QTimer(self)
        self._poll.setInterval(POLL_MS)
        self._poll.timeout.connect(self._drain)
        #: processes whose job has ended, still exiting
        self._exiting: list[Any] = []
        self._reap = QTimer(self)
        self._reap.setInterval(200)
        self._reap.timeout.connect(self._reap_exited)

    @property
    def running(self) -> bool:
        return self._process is not None

    def start(
        self,
        target: Callable[..., None],
        args: Sequence[Any],
        progress: Progress | None = None,
    ) -> bool:
        """Start the job; False if one is running."""
        if self._process is not None:
            return False
        self.progress = progress or NullProgress()
        self._queue = self._ctx.Queue()
        self._cancel = self._ctx.Event()
        # not a daemon: the job may start worker processes of its own
        self._process = self._ctx.Process(target=target, args=(*args, self._queue, self._cancel))
        self._process.start()
        self._poll.start()
        return True

    def cancel(self) -> None:
        if self._cancel is not None:
            self._cancel.set()

    def _drain(self) -> None:
        assert self._queue is not None
        for _ in range(500):
            try:
                kind, *rest = self._queue.get_nowait()
            except queue_module.Empty:
                break
            if kind == "start":
                self.progress.start(rest[0], rest[1])
            elif kind == "advance":
                self.progress.advance(rest[0], rest[1])
            elif kind == "finish":
                self.progress.finish()
            elif kind == "done":
                self._end()
                self.finished.emit(rest[0])
                return
            elif kind == "error":
                self._end()
                self.failed.emit(rest[0])
                return
            else:
                self.message.emit(kind, rest[0] if rest else None)
        if self._process is not None and not self._process.is_alive() and self._queue.empty():
            self._end()
            self.failed.emit(self.stopped)

    def _end(self) -> None:
        """The job has ended: its process is left to exit on its own (closing its
        database, its interpreter), reaped later, without the window waiting for it."""
        self._poll.stop()
        if self._process is not None:
            self._exiting.append(self._process)
            self._process = None
        self._reap.start()

    def _reap_exited(self) -> None:
        self._exiting = [p for p in self._exiting if p.is_alive()]
        for p in self._exiting:
            p.join(timeout=0)
        if not self._exiting:
            self._reap.stop()

    def wait(self, timeout_ms: int = 120_000, *, paint: bool = False) -> None:
        """Block until the job has ended, its messages read as they come (a process
        cannot exit before what it posted has been read), then until its process has
        exited (tests, closing the window). ``paint``: the windows are painted meanwhile
        (what the user types or clicks waits)."""
        deadline = time.monotonic() + timeout_ms / 1000
        while self._process is not None and time.monotonic() < deadline:
            self._drain()
            if paint:
                QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)
            if self._process is not None:
                self._process.join(timeout=POLL_MS / 1000)
        for p in self._exiting:
            p.join(timeout=max(0.0, deadline - time.monotonic()))

    def shutdown(self, timeout_ms: int = SHUTDOWN_MS, *, paint: bool = False) -> None:
        """Cancel the job and wait for it to stop, saying nothing of its end (closing
        the window: its owner is going). A job still running after ``timeout_ms`` is
        ended, and the worker processes it started with it (they exit when its process
        has gone). When this returns, no process of the job is left, and nothing is
        emitted any more: the window closed, no message of an end "unexpected" follows.
        ``paint``: as :meth:`wait`."""
        self.cancel()
        self.progress = NullProgress()
        self.blockSignals(True)
        try:
            self.wait(timeout_ms, paint=paint)
        finally:
            self._poll.stop()
            self._reap.stop()
            for p in [*self._exiting, *([self._process] if self._process is not None else [])]:
                if p.is_alive():
                    p.terminate()
                    p.join(timeout=5)
                if p.is_alive():  # terminating is asking, on POSIX
                    p.kill()
                    p.join(timeout=5)
            self._process = None
            self._exiting = []
            self.blockSignals(False)
