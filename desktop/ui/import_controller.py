"""Import from the menu or by dropping files: in a separate process (the window's thread
never waits on it), with a progress bar, a cancel button and a report of what was
skipped."""

from __future__ import annotations

import multiprocessing
import queue as queue_module
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from desktop.jobs import ImportOutcome, import_job
from desktop.store.store import Store
from desktop.ui.workers import TaskRunner

__all__ = ["ImportController", "ImportOutcome"]


class _CancelButton:
    """What the dialog's Cancel button sets: the job's cancel event."""

    def __init__(self, event: Any) -> None:
        self.event = event

    def cancel(self) -> None:
        self.event.set()


class ImportController(QObject):
    """Runs one import at a time; ``imported`` says how many documents arrived (they can
    be read and searched while they are analysed), ``finished`` carries the outcome."""

    imported = Signal(int)
    finished = Signal(object)
    failed = Signal(str)
    #: (items done, label) as the job reports them
    progressed = Signal(int, str)

    def __init__(
        self, store: Store, runner: TaskRunner, parent_widget: QWidget, show_report: bool = True
    ) -> None:
        super().__init__(parent_widget)
        self.store = store
        self.runner = runner
        self.parent_widget = parent_widget
        self.show_report = show_report
        self.dialog: QProgressDialog | None = None
        self.running = False
        self._ctx = multiprocessing.get_context("spawn")
        self._process: Any = None
        self._queue: Any = None
        self.cancel: _CancelButton | None = None
        self._done = 0
        self._poll = QTimer(self)
        self._poll.setInterval(40)
        self._poll.timeout.connect(self._drain)

    def start(self, paths: list[Path], outlet: str | None = None) -> bool:
        if self.running or not paths:
            return False
        db = self.store.engine.url.database
        if not db:
            return False
        self.running = True
        self._done = 0
        self._queue = self._ctx.Queue()
        event = self._ctx.Event()
        self.cancel = _CancelButton(event)
        dialog = QProgressDialog(self.tr("Importing…"), self.tr("Cancel"), 0, 0, self.parent_widget)
        dialog.setWindowTitle(self.tr("Import"))
        dialog.setWindowModality(Qt.WindowModality.NonModal)
        dialog.setMinimumDuration(0)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.canceled.connect(self.cancel.cancel)
        self.dialog = dialog
        self._process = self._ctx.Process(
            target=import_job,
            args=(db, [str(p) for p in paths], outlet, self._queue, event),
            # not a daemon: the job starts analysis worker processes of its own
        )
        self._process.start()
        self._poll.start()
        dialog.show()
        return True

    def _drain(self) -> None:
        """Read the job's messages (on the GUI thread, a few at a time)."""
        assert self._queue is not None
        for _ in range(500):
            try:
                message = self._queue.get_nowait()
            except queue_module.Empty:
                break
            kind = message[0]
            if kind == "start":
                self._done = 0
                if self.dialog is not None:
                    self.dialog.setMaximum(message[1])
                    self.dialog.setValue(0)
                    self.dialog.setLabelText(
                        self.tr("{0}: {1} items").format(message[2], message[1])
                    )
            elif kind == "advance":
                self._done += message[1]
                if self.dialog is not None:
                    self.dialog.setValue(min(self._done, self.dialog.maximum()))
                self.progressed.emit(self._done, message[2])
            elif kind == "imported":
                self.imported.emit(message[1])
            elif kind == "done":
                self._finish()
                self._done_with(message[1])
                return
            elif kind == "error":
                self._finish()
                self._error(message[1])
                return
        if self._process is not None and not self._process.is_alive() and self._queue.empty():
            self._finish()
            self._error(self.tr("The import stopped unexpectedly."))

    def _finish(self) -> None:
        self._poll.stop()
        if self._process is not None:
            self._process.join(timeout=10)
            self._process = None
        if self.dialog is not None:
            self.dialog.close()
            self.dialog.deleteLater()
            self.dialog = None
        self.running = False

    def shutdown(self, timeout_ms: int = 30_000) -> None:
        """Cancel a running import and wait for it (closing the window)."""
        if self._process is not None and self.cancel is not None:
            self.cancel.cancel()
            self._process.join(timeout=timeout_ms / 1000)
            if self._process.is_alive():
                self._process.terminate()

    def wait(self, timeout_ms: int = 120_000) -> None:
        """Block until the running import has ended (tests, shutdown)."""
        if self._process is not None:
            self._process.join(timeout=timeout_ms / 1000)

    def _done_with(self, outcome: Any) -> None:
        assert isinstance(outcome, ImportOutcome)
        if self.show_report:
            self._report(outcome)
        self.finished.emit(outcome)

    def _error(self, message: str) -> None:
        if self.show_report:
            QMessageBox.critical(self.parent_widget, self.tr("Import failed"), message)
        self.failed.emit(message)

    def _report(self, outcome: ImportOutcome) -> None:
        r = outcome.imported
        text = self.tr("Imported {0}, duplicates {1}, skipped {2}.").format(
            len(r.imported), len(r.duplicates), len(r.skipped)
        )
        if r.cancelled:
            text += " " + self.tr("The import was cancelled; what was imported is kept.")
        box = QMessageBox(self.parent_widget)
        box.setWindowTitle(self.tr("Import finished"))
        box.setText(text)
        if r.skipped:
            box.setDetailedText("\n".join(f"{s}: {why}" for s, why in r.skipped))
        box.setIcon(QMessageBox.Icon.Warning if r.skipped else QMessageBox.Icon.Information)
        box.open()
