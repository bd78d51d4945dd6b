"""Import from the menu or by dropping files: off the GUI thread, with a progress bar, a
cancel button and a report of what was skipped."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from desktop.analysing import AnalysisReport, analyse_documents
from desktop.importing import ImportReport, import_paths
from desktop.progress import CancelToken
from desktop.store.store import Store
from desktop.ui.workers import QtProgress, TaskRunner


@dataclass
class ImportOutcome:
    imported: ImportReport
    analysis: AnalysisReport | None


class ImportController(QObject):
    """Runs one import at a time; ``finished`` carries the outcome."""

    finished = Signal(object)
    failed = Signal(str)

    def __init__(
        self, store: Store, runner: TaskRunner, parent_widget: QWidget, show_report: bool = True
    ) -> None:
        super().__init__(parent_widget)
        self.store = store
        self.runner = runner
        self.parent_widget = parent_widget
        self.show_report = show_report
        self.cancel = CancelToken()
        self.progress = QtProgress(self)
        self.dialog: QProgressDialog | None = None
        self.running = False

    def start(self, paths: list[Path]) -> bool:
        if self.running or not paths:
            return False
        self.running = True
        self.cancel = CancelToken()
        dialog = QProgressDialog(self.tr("Importing…"), self.tr("Cancel"), 0, 0, self.parent_widget)
        dialog.setWindowTitle(self.tr("Import"))
        dialog.setWindowModality(Qt.WindowModality.NonModal)
        dialog.setMinimumDuration(0)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.canceled.connect(self.cancel.cancel)
        self.dialog = dialog
        progress = QtProgress(self)
        progress.started.connect(self._started)
        progress.advanced.connect(self._advanced)
        self.progress = progress
        store, cancel = self.store, self.cancel

        def work() -> ImportOutcome:
            report = import_paths(store, paths, progress=progress, cancel=cancel)
            ids = [i for _s, i in report.imported]
            analysis = None
            if ids and not cancel.cancelled:
                analysis = analyse_documents(store, ids, progress=progress, cancel=cancel)
            return ImportOutcome(report, analysis)

        self.runner.submit(work, on_done=self._done, on_error=self._error)
        dialog.show()
        return True

    def _started(self, total: int, label: str) -> None:
        if self.dialog is not None:
            self.dialog.setMaximum(total)
            self.dialog.setValue(0)
            self.dialog.setLabelText(self.tr("{0}: {1} items").format(label, total))

    def _advanced(self, done: int, note: str) -> None:
        if self.dialog is not None:
            self.dialog.setValue(min(done, self.dialog.maximum()))
            if note:
                self.dialog.setLabelText(Path(note).name if "/" in note else note)

    def _close_dialog(self) -> None:
        if self.dialog is not None:
            self.dialog.close()
            self.dialog.deleteLater()
            self.dialog = None
        self.running = False

    def _done(self, outcome: Any) -> None:
        self._close_dialog()
        assert isinstance(outcome, ImportOutcome)
        if self.show_report:
            self._report(outcome)
        self.finished.emit(outcome)

    def _error(self, message: str) -> None:
        self._close_dialog()
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
