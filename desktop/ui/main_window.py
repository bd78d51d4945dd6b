"""The main window: composes the library panel and the document pane; owns no logic."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QLabel, QMainWindow, QMessageBox, QSplitter

from desktop import __version__
from desktop.store.store import Store
from desktop.ui.document_model import DocumentTableModel
from desktop.ui.document_pane import DocumentPane
from desktop.ui.library import LibraryPanel


class MainWindow(QMainWindow):
    def __init__(self, store: Store, settings: QSettings, parent: Any = None) -> None:
        super().__init__(parent)
        self.store = store
        self.settings = settings
        self.setWindowTitle(self.tr("Tabayun — Arabic news coverage"))
        self.model = DocumentTableModel(self)
        self.library = LibraryPanel(self.model)
        self.document_pane = DocumentPane()
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.addWidget(self.library)
        self.splitter.addWidget(self.document_pane)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        self.setCentralWidget(self.splitter)
        self.counts_label = QLabel()
        self.statusBar().addPermanentWidget(self.counts_label)
        self.library.document_selected.connect(self.open_document)
        self._build_menus()
        self.resize(1280, 800)
        self._restore_state()

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        quit_action = QAction(self.tr("&Quit"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        about = QAction(self.tr("&About Tabayun"), self)
        about.triggered.connect(self.show_about)
        help_menu.addAction(about)

    def refresh(self) -> None:
        """Reload the library from the store and update the status bar."""
        self.model.set_rows(self.store.documents())
        c = self.store.counts()
        self.counts_label.setText(
            self.tr("{0} documents · {1} outlets").format(c.documents, c.outlets)
        )

    def open_document(self, doc_id: int) -> None:
        self.document_pane.show_document(self.store.document(doc_id))
        self.statusBar().showMessage(
            self.document_pane.detail.row.source_path if self.document_pane.detail else "", 5000
        )

    def show_about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About Tabayun"),
            self.tr(
                "<h3>Tabayun %1</h3><p>How Arabic news outlets frame the same actors and "
                "events.</p><p>Licensed under the GNU GPL, version 3 or later. Fonts: Noto "
                "Naskh Arabic and Noto Sans Arabic (SIL Open Font License 1.1).</p>"
            ).replace("%1", __version__),
        )

    # ---- window state (kept apart from preferences) ------------------------------------
    def _restore_state(self) -> None:
        geometry = self.settings.value("window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        splitter = self.settings.value("window/splitter")
        if splitter is not None:
            self.splitter.restoreState(splitter)

    def save_state(self) -> None:
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/splitter", self.splitter.saveState())

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_state()
        super().closeEvent(event)
