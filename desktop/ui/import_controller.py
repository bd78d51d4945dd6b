"""Import from the menu or by dropping files: in a separate process (the window's thread
never waits on it), with a progress bar, a cancel button and a report of what was
skipped."""

from __future__ import annotations

import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QLocale, QObject, Qt, Signal
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QProgressBar,
    QProgressDialog,
    QPushButton,
    QSizePolicy,
    QStatusBar,
    QWidget,
)

from desktop.jobs import ImportOutcome, import_job, reanalyse_job
from desktop.progress import UNPACKING, rounded_left, seconds_left
from desktop.store.store import Store
from desktop.ui.process_job import SHUTDOWN_MS, ProcessJob
from desktop.ui.workers import TaskRunner

if TYPE_CHECKING:
    from desktop.importing import ImportReport

__all__ = ["ImportController", "ImportOutcome"]


class _DialogProgress:
    """The job's progress on the import's dialog (which step, how far, about how long is
    left), and on ``progressed``."""

    def __init__(self, controller: ImportController) -> None:
        self.controller = controller
        self.label = ""
        self.total = 0
        self.note = ""
        self.began = time.monotonic()

    def start(self, total: int, label: str) -> None:
        c = self.controller
        c._done = 0
        self.label, self.total, self.note = label, total, ""
        self.began = time.monotonic()
        if c.dialog is not None:
            c.dialog.setMaximum(total)
            c.dialog.setValue(0)
            self._show()

    def advance(self, step: int = 1, note: str = "") -> None:
        c = self.controller
        c._done += step
        if note:
            self.note = note
        if c.dialog is not None:
            c.dialog.setValue(min(c._done, c.dialog.maximum()))
            self._show()
        c.progressed.emit(c._done, note)

    def finish(self) -> None:
        pass

    def _show(self) -> None:
        c = self.controller
        assert c.dialog is not None
        c.dialog.setLabelText(c.describe(self.label, c._done, self.total, self.note, self.began))


def _latin_bar(parent: QWidget | None = None) -> QProgressBar:
    """A progress bar whose percentage is written in the digits of every other count of
    the window («10%», not «%١٠» in the Arabic window)."""
    bar = QProgressBar(parent)
    bar.setLocale(QLocale.c())
    return bar


#: the width of the status bar's line of progress, in pixels
LINE_WIDTH = 420


class StatusProgress(QWidget):
    """The progress of work in the background, in the status bar: one line of text, a
    bar and a Cancel button. Analysing again after an upgrade lets the articles be read
    meanwhile, and a dialog over the reading pane hid them."""

    canceled = Signal()

    def __init__(self, text: str, cancel: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self._text = text
        self.label = QLabel()
        self.bar = _latin_bar()
        self.bar.setMaximumWidth(160)
        self.bar.setRange(0, 0)
        self.button = QPushButton(cancel)
        self.button.clicked.connect(self.canceled)
        self.button.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        # a line of a fixed width, cut there (the whole of it in the tooltip): the status
        # bar's messages keep the rest («Saved …», the article opened)
        self.label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.label.setFixedWidth(LINE_WIDTH)
        layout.addWidget(self.label)
        layout.addWidget(self.bar)
        layout.addWidget(self.button)
        self.setLabelText(text)

    def setLabelText(self, text: str) -> None:
        self._text = text
        self.label.setText(" · ".join(line for line in text.splitlines() if line))
        self.setToolTip(text)

    def labelText(self) -> str:
        return self._text

    def setMaximum(self, n: int) -> None:
        self.bar.setMaximum(n)

    def maximum(self) -> int:
        return self.bar.maximum()

    def setValue(self, n: int) -> None:
        self.bar.setValue(n)


class ImportController(QObject):
    """Runs one import at a time; ``imported`` says how many documents arrived (they can
    be read and searched while they are analysed), ``finished`` carries the outcome."""

    imported = Signal(int)
    finished = Signal(object)
    #: True when an import or an analysis starts (it holds the database for writing),
    #: False when it has ended, however it ended
    running_changed = Signal(bool)
    failed = Signal(str)
    #: (items done, label) as the job reports them
    progressed = Signal(int, str)

    def __init__(
        self,
        store: Store,
        runner: TaskRunner,
        parent_widget: QWidget,
        show_report: bool = True,
        status_bar: QStatusBar | None = None,
    ) -> None:
        super().__init__(parent_widget)
        self.store = store
        self.runner = runner
        self.parent_widget = parent_widget
        self.show_report = show_report
        #: where work in the background shows its progress (else in a dialog)
        self.status_bar = status_bar
        self.dialog: QProgressDialog | StatusProgress | None = None
        self._done = 0
        #: the running job analyses again what an earlier version analysed
        self.reanalysing = False
        self.job = ProcessJob(self, stopped=self.tr("The import stopped unexpectedly."))
        self.job.message.connect(self._message)
        self.job.finished.connect(self._job_done)
        self.job.failed.connect(self._job_failed)

    @property
    def running(self) -> bool:
        return self.job.running

    def _file_line(self, note: str) -> str:
        """The file a note names (a member's name, not its archive's path), elided to the
        dialog's width."""
        name = Path(note.replace("\\", "/").split("!")[-1]).name or note
        metrics = QFontMetrics(self.dialog.font() if self.dialog else QFont())
        return metrics.elidedText(name, Qt.TextElideMode.ElideMiddle, 360)

    def describe(self, label: str, done: int, total: int, note: str, began: float) -> str:
        """The dialog's text: the step (reading the files, then analysing what arrived),
        how far it is, the file being read, and about how long the step has left."""
        if label == "Finishing edits":  # what an edit stopped halfway left
            lines = [
                self.tr(
                    "Finishing an edit: analysing again the articles it did not reach ({0} of {1})"
                ).format(f"{done:,}", f"{total:,}"),
                self.tr("The articles can be read meanwhile."),
            ]
        elif self.reanalysing:
            lines = [
                self.tr("Analysing the articles not analysed by this version ({0} of {1})").format(
                    f"{done:,}", f"{total:,}"
                ),
                self.tr("The articles can be read meanwhile."),
            ]
        elif label == UNPACKING:  # a RAR or 7z archive: its files are not known yet
            return "\n".join(
                [
                    self.tr("Step 1 of 2: unpacking an archive"),
                    self._file_line(note),
                    self.tr("Its articles are read once it is unpacked."),
                ]
            )
        elif label == "Analysing":
            lines = [
                self.tr("Step 2 of 2: analysing the articles ({0} of {1})").format(
                    f"{done:,}", f"{total:,}"
                ),
                self.tr("The articles can already be read and searched."),
            ]
        else:
            lines = [self.tr("Step 1 of 2: reading the files"), self._file_line(note)]
        left = seconds_left(done, total, time.monotonic() - began)
        if left is None:  # a line all the same: the dialog keeps its height
            lines.append(self.tr("Estimating the time left…"))
        else:
            amount, unit = rounded_left(left)
            lines.append(
                self.tr("About {0} seconds left").format(amount)
                if unit == "s"
                else self.tr("About {0} minutes left").format(amount)
            )
        return "\n".join(lines)

    def start(self, paths: list[Path], outlet: str | None = None) -> bool:
        if self.running or not paths:
            return False
        db = self.store.engine.url.database
        if not db:
            return False
        self.reanalysing = False
        return self._start(import_job, (db, [str(p) for p in paths], outlet))

    def reanalyse(self) -> bool:
        """Analyse again, in the background, the articles an earlier version of the
        analysis left (after an upgrade); they can be read meanwhile."""
        db = self.store.engine.url.database
        if self.running or not db:
            return False
        self.reanalysing = True
        return self._start(reanalyse_job, (db,))

    def _start(self, job: Any, args: tuple[Any, ...]) -> bool:
        self._done = 0
        first = (
            self.tr("Analysing the articles not analysed by this version")
            if self.reanalysing
            else self.tr("Step 1 of 2: reading the files")
        )
        if self.reanalysing and self.status_bar is not None:
            # the articles are read meanwhile: the progress goes below them, not over them
            shown: QProgressDialog | StatusProgress = StatusProgress(first, self.tr("Cancel"))
            self.status_bar.insertPermanentWidget(0, shown)
        else:
            dialog = QProgressDialog(first, self.tr("Cancel"), 0, 0, self.parent_widget)
            dialog.setBar(_latin_bar())
            dialog.setWindowTitle(self.tr("Import"))
            dialog.setWindowModality(Qt.WindowModality.NonModal)
            dialog.setMinimumDuration(0)
            dialog.setAutoClose(False)
            dialog.setAutoReset(False)
            dialog.setMinimumWidth(420)  # the text changes as it goes: it keeps its size
            if self.reanalysing:
                dialog.setWindowTitle(self.tr("Analysis"))
            shown = dialog
        shown.canceled.connect(self.job.cancel)
        self.dialog = shown
        try:
            self.job.start(job, args, _DialogProgress(self))
        except (OSError, RuntimeError) as exc:  # the process could not be started
            self._job_failed(str(exc))
            return False
        shown.show()
        self.running_changed.emit(True)
        return True

    def _message(self, kind: str, payload: object) -> None:
        if kind == "imported" and isinstance(payload, int):
            self.imported.emit(payload)

    def _close_dialog(self) -> None:
        if self.dialog is not None:
            if isinstance(self.dialog, StatusProgress) and self.status_bar is not None:
                self.status_bar.removeWidget(self.dialog)
            self.dialog.close()
            self.dialog.deleteLater()
            self.dialog = None

    def _job_done(self, outcome: object) -> None:
        self._close_dialog()
        self.running_changed.emit(False)
        self._done_with(outcome)

    def _job_failed(self, message: str) -> None:
        self._close_dialog()
        self.running_changed.emit(False)
        self._error(message)

    def shutdown(self, timeout_ms: int = SHUTDOWN_MS, *, paint: bool = False) -> None:
        """Cancel a running import or analysis and wait for it to stop (closing the
        window): what was imported is kept, and what was not analysed is analysed at
        the next start (:meth:`ProcessJob.shutdown`)."""
        self.job.shutdown(timeout_ms, paint=paint)

    def wait(self, timeout_ms: int = 120_000) -> None:
        """Block until the running import has ended (tests, shutdown)."""
        self.job.wait(timeout_ms)

    def _done_with(self, outcome: Any) -> None:
        assert isinstance(outcome, ImportOutcome)
        if self.show_report and not self.reanalysing:  # nothing to report: it was asked
            self._report(outcome)  # for by no one
        self.finished.emit(outcome)

    def _error(self, message: str) -> None:
        if self.show_report:
            QMessageBox.critical(self.parent_widget, self.tr("Import failed"), message)
        self.failed.emit(message)

    def _filled_said(self, r: ImportReport) -> str:
        """What the duplicates gave the stored articles that lacked it."""
        n, counts = r.filled_counts()
        names = {
            "date": self.tr("a date to {0}"),
            "outlet": self.tr("an outlet to {0}"),
            "url": self.tr("a link to {0}"),
            "author": self.tr("an author to {0}"),
        }
        parts = [names[g].format(f"{counts[g]:,}") for g in names if counts[g]]
        given = self.tr(", ").join(parts)
        if n == 1:
            return self.tr("Gave 1 article already stored what it lacked: {0}.").format(given)
        return self.tr("Gave {0} articles already stored what they lacked: {1}.").format(
            f"{n:,}", given
        )

    def _report(self, outcome: ImportOutcome) -> None:
        r = outcome.imported
        text = self.tr("Imported {0}, duplicates {1}, skipped {2}.").format(
            len(r.imported), len(r.duplicates), len(r.skipped)
        )
        if r.filled:
            text += " " + self._filled_said(r)
        if r.cancelled:
            text += " " + self.tr(
                "The import was cancelled; what was imported is kept, and is analysed at the "
                "next import or start."
            )
        elif outcome.analysis is not None and outcome.analysis.cancelled:
            text += " " + self.tr(
                "The analysis was cancelled; the articles it did not reach are analysed at the "
                "next import or start."
            )
        box = QMessageBox(self.parent_widget)
        box.setWindowTitle(self.tr("Import finished"))
        box.setText(text)
        details = [f"{s}: {why}" for s, why in r.skipped]
        if r.notes:  # files read, with something to say of them
            details += ["", self.tr("Notes:")] if details else [self.tr("Notes:")]
            details += [f"{s}: {note}" for s, note in r.notes]
        failed = outcome.analysis.failed if outcome.analysis is not None else []
        if failed:  # stored, but the analysis failed on them: they show no marks
            text += " " + self.tr("{0} articles could not be analysed.").format(len(failed))
            details += ["", self.tr("Not analysed:")] if details else [self.tr("Not analysed:")]
            details += [f"#{d}: {why}" for d, why in failed]
        if details:
            box.setDetailedText("\n".join(details))
        box.setIcon(
            QMessageBox.Icon.Warning if r.skipped or failed else QMessageBox.Icon.Information
        )
        box.open()
