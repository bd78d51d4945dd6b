"""Long jobs run in a separate process, so the window's thread never waits on them.

A job talks to its caller through a queue (progress, then the result) and listens for
cancellation on an event; it opens its own connection to the database (one writer,
readers in WAL mode). Nothing here imports Qt.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from desktop.progress import CancelToken
from desktop.store.store import Store
from desktop.store.writer import StoreBusyError, exclusive

if TYPE_CHECKING:  # the engines are imported by the job itself: not by the window at start-up
    from desktop.analysing import AnalysisReport
    from desktop.importing import ImportReport


class _Queue(Protocol):
    def put(self, item: Any) -> None: ...


class _Event(Protocol):
    def is_set(self) -> bool: ...
    def set(self) -> None: ...


@dataclass
class ImportOutcome:
    imported: ImportReport
    analysis: AnalysisReport | None


class QueueProgress:
    """A core ``Progress`` that posts ("start"|"advance"|"finish", …) messages; steps
    are sent together at most every ``INTERVAL`` seconds. One message a document filled
    the pipe to the window (64 KiB, some 2,000 messages) whenever the window stopped
    reading, and a process cannot exit before what it posted has been read."""

    INTERVAL = 0.1

    def __init__(self, queue: _Queue) -> None:
        self.queue = queue
        self._steps = 0
        self._note = ""
        self._note_sent = ""
        self._sent = 0.0

    def _flush(self) -> None:
        # a new note is news without a step (the archive being unpacked, its files unknown)
        if self._steps or self._note != self._note_sent:
            self.queue.put(("advance", self._steps, self._note))
            self._steps = 0
            self._note_sent = self._note
        self._sent = time.monotonic()

    def start(self, total: int, label: str) -> None:
        self._flush()
        self.queue.put(("start", total, label))

    def advance(self, step: int = 1, note: str = "") -> None:
        self._steps += step
        self._note = note or self._note
        if time.monotonic() - self._sent >= self.INTERVAL or (not step and note):
            self._flush()

    def finish(self) -> None:
        self._flush()
        self.queue.put(("finish", 0, ""))


class EventCancel(CancelToken):
    """A cancel token set from another process."""

    def __init__(self, event: _Event) -> None:
        super().__init__()
        self.event = event

    @property
    def cancelled(self) -> bool:
        return self.event.is_set()


def _run_job(db: str, queue: _Queue, work: Callable[[Store], object], cancel_event: _Event) -> None:
    """A job's frame: below the window's priority, the database ``db`` opened, and
    ("done", what ``work`` gives) or ("error", message) posted at the end (an error is
    reported to the window, never lost). Should the window's process end without a
    word (killed, crashed), the job is cancelled, as closing the window cancels it, and
    exits without waiting for anybody to read what it posts. Terminated, it ends the
    worker processes it started with it."""
    from desktop.workers import run_below_the_window, when_parent_exits

    run_below_the_window()  # the window stays quick while both cores work

    def orphaned() -> None:
        cancel_event.set()
        stop_waiting = getattr(queue, "cancel_join_thread", None)
        if stop_waiting is not None:
            stop_waiting()

    if when_parent_exits(orphaned):  # a process of its own, as the window starts it
        signal.signal(signal.SIGTERM, _end_with_workers)
    try:
        store = Store.open(db)
        try:
            queue.put(("done", work(store)))
        finally:
            store.close()
    except StoreBusyError as exc:  # another job holds the database: the user's to wait for
        queue.put(("error", str(exc)))
    except Exception as exc:
        queue.put(("error", f"{type(exc).__name__}: {exc}"))


def _end_with_workers(_signum: int, _frame: object) -> None:
    """A job terminated (the window closed, and the job did not stop in time) ends the
    worker processes it started, then itself, at once; on Windows, where terminating
    sends no signal, the workers end themselves (:func:`~desktop.workers.exit_with_parent`)."""
    for child in multiprocessing.active_children():
        child.terminate()
    os._exit(128 + signal.SIGTERM)


def import_job(
    db: str, paths: list[str], outlet: str | None, queue: _Queue, cancel_event: _Event
) -> None:
    """Import ``paths`` into the database ``db`` and analyse what arrived; posts
    ("imported", number of new documents) between the two, and ("done", ImportOutcome)
    or ("error", message) at the end."""
    from desktop.analysing import analyse_left_over, unfinished_documents
    from desktop.importing import ImportOptions, import_paths

    @exclusive("import")  # no other job between the import and its analysis
    def work(store: Store) -> ImportOutcome:
        progress = QueueProgress(queue)
        cancel = EventCancel(cancel_event)
        # what an import cancelled before left unanalysed (importing it again finds only
        # duplicates), as it stands before this one stores anything
        left = store.documents_never_analysed()
        report = import_paths(
            store, [Path(p) for p in paths], ImportOptions(outlet=outlet), progress, cancel
        )
        analysis = None
        # with the stored articles it gave a date: «أمس» is read against it
        waiting = sorted({*left, *(i for _s, i in report.imported), *report.redated})
        halfway = unfinished_documents(store) is not None  # an analysis ended so
        if (waiting or halfway or store.documents_left_by_edits()) and not cancel.cancelled:
            # the documents can be read and searched while their analysis runs
            queue.put(("imported", len(report.imported)))
            # with what an edit stopped halfway left, first
            analysis = analyse_left_over(store, waiting, progress=progress, cancel=cancel)
        return ImportOutcome(report, analysis)

    _run_job(db, queue, work, cancel_event)


def reanalyse_job(db: str, queue: _Queue, cancel_event: _Event) -> None:
    """Analyse what was left for later (:func:`~desktop.analysing.analyse_left_over`):
    the articles an edit stopped halfway did not reach, those an earlier version of the
    analysis left (after an upgrade), those an import stopped before analysing; posts
    progress, then ("done", ImportOutcome with nothing imported) or ("error", message)."""
    from desktop.analysing import analyse_left_over
    from desktop.importing import ImportReport

    def work(store: Store) -> ImportOutcome:
        cancel = EventCancel(cancel_event)
        analysis = analyse_left_over(store, progress=QueueProgress(queue), cancel=cancel)
        return ImportOutcome(ImportReport(), analysis)

    _run_job(db, queue, work, cancel_event)


def edit_job(db: str, op: str, args: list[Any], queue: _Queue, cancel_event: _Event) -> None:
    """Run the entity edit ``op`` (:func:`entity_edits.run_edit`) on the database ``db``,
    analysing again the articles it touches; posts progress, then ("done", (the entity
    to select or None, None)), ("done", (None, the user's mistake explained)) or
    ("error", message). Cancelled (the window closing), the edit is made and its
    analysis stops between batches of articles: the rest is analysed at the next start."""
    from desktop.entity_edits import EditError, run_edit

    def work(store: Store) -> tuple[object, str | None]:
        cancel = EventCancel(cancel_event)
        try:
            return run_edit(store, op, args, QueueProgress(queue), cancel), None
        except (EditError, StoreBusyError) as exc:  # the user's mistake, or another job's turn
            return None, str(exc)

    _run_job(db, queue, work, cancel_event)
