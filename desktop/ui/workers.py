"""Long work off the GUI thread: a task runner whose results come back as signals.

Widgets never touch the store from a worker thread's callback: ``on_done`` and
``on_error`` run on the GUI thread (queued signal), the task itself runs in the pool.
Progress is reported through a :class:`QtProgress`, which the core's long functions
accept as their ``progress`` argument; cancellation through a ``CancelToken``.
"""

from __future__ import annotations

import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from desktop.progress import CancelToken


class QtProgress(QObject):
    """A core ``Progress`` that emits signals (thread-safe: queued to the GUI thread)."""

    started = Signal(int, str)
    advanced = Signal(int, str)
    finished = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._done = 0

    def start(self, total: int, label: str) -> None:
        self._done = 0
        self.started.emit(total, label)

    def advance(self, step: int = 1, note: str = "") -> None:
        self._done += step
        self.advanced.emit(self._done, note)

    def finish(self) -> None:
        self.finished.emit()


class _Signals(QObject):
    done = Signal(object)
    failed = Signal(str)


class _Task(QRunnable):
    def __init__(self, fn: Callable[[], Any], signals: _Signals) -> None:
        super().__init__()
        self.fn = fn
        self.signals = signals
        self.setAutoDelete(True)

    def run(self) -> None:
        try:
            result = self.fn()
        except Exception as exc:  # reported to the user, never lost
            self.signals.failed.emit(f"{exc}\n\n{traceback.format_exc(limit=4)}")
        else:
            self.signals.done.emit(result)


class TaskRunner(QObject):
    """Runs callables in a thread pool; one writer at a time (SQLite has one writer)."""

    busy_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None, max_threads: int = 1) -> None:
        super().__init__(parent)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(max_threads)
        self._running = 0
        self._keep: set[_Signals] = set()

    def submit(
        self,
        fn: Callable[[], Any],
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[str], None] | None = None,
    ) -> None:
        signals = _Signals()
        self._keep.add(signals)

        def finished() -> None:
            self._keep.discard(signals)
            self._running -= 1
            if self._running == 0:
                self.busy_changed.emit(False)

        if on_done is not None:
            signals.done.connect(on_done)
        if on_error is not None:
            signals.failed.connect(on_error)
        signals.done.connect(lambda _r: finished())
        signals.failed.connect(lambda _e: finished())
        self._running += 1
        if self._running == 1:
            self.busy_changed.emit(True)
        self.pool.start(_Task(fn, signals))

    @property
    def busy(self) -> bool:
        return self._running > 0

    def wait(self, msecs: int = 30_000) -> bool:
        """Block until every task is done (tests, shutdown)."""
        return self.pool.waitForDone(msecs)


__all__ = ["CancelToken", "QtProgress", "TaskRunner"]
