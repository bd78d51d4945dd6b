"""The main window: composes the library, the reader, the entity sidebar and the
compare, actor and events views, and wires their signals. It holds no analysis logic
and no SQL."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QEventLoop, QObject, Qt, Signal, Slot
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QGuiApplication,
    QKeySequence,
)
from PySide6.QtWidgets import (
    QDockWidget,
    QFileDialog,
    QHeaderView,
    QInputDialog,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QProgressDialog,
    QSplitter,
    QTabWidget,
    QWidget,
)

from desktop import __version__
from desktop.store.rows import RemovedDocuments
from desktop.store.store import Store
from desktop.ui.actor_view import ActorView
from desktop.ui.bidi import in_window_direction, shortcut_shown_whole
from desktop.ui.compare_view import CompareView
from desktop.ui.dialogs import QtDialogs
from desktop.ui.document_pane import DocumentPane
from desktop.ui.entity_sidebar import EntitySidebar
from desktop.ui.events_view import EventsView
from desktop.ui.fonts import narrow_the_least_column_width
from desktop.ui.import_controller import ImportController
from desktop.ui.library import LibraryPanel
from desktop.ui.names import row_outlet
from desktop.ui.outlet_edits import OutletEditor
from desktop.ui.settings import LANGUAGE, READER_POINT_SIZE, THEME, Preferences
from desktop.ui.workers import TaskRunner

#: tables whose columns are the data's (an actor's outlets): no saved layout fits the next
_COLUMNS_OF_DATA = frozenset({"actorHeatmap", "actorVerbs"})

VIEWS = ("read", "compare", "actor", "events")


class MainWindow(QMainWindow):
    language_requested = Signal(str)
    theme_requested = Signal(str)

    def __init__(
        self,
        store: Store,
        prefs: Preferences,
        runner: TaskRunner,
        parent: QWidget | None = None,
        persist_state: bool = True,
    ) -> None:
        super().__init__(parent)
        self.persist_state = persist_state
        self.store = store
        self.prefs = prefs
        self.runner = runner
        self.setObjectName("mainWindow")
        self.setWindowTitle(self.tr("Tabayun — Arabic news coverage"))
        #: closing: the job that runs is being stopped
        self._closing = False
        #: what closing says while it stops a job
        self._closing_dialog: QProgressDialog | None = None
        self.setAcceptDrops(True)

        self.library = LibraryPanel(store, runner)
        self.reader = DocumentPane(store, point_size=prefs.get(READER_POINT_SIZE))
        self.sidebar = EntitySidebar(store, runner)
        self.compare_view = CompareView(store, runner)
        self.compare_view.set_point_size(self.reader.point_size)
        self.actor_view = ActorView(store, runner)
        self.events_view = EventsView(store, runner)
        self.importer = ImportController(store, runner, self, status_bar=self.statusBar())
        self.outlet_editor = OutletEditor(
            store,
            runner,
            QtDialogs(self),
            selected=self.library.selected_ids,
            current_outlet=self.library.outlet_id,
            parent=self,
        )
        self.library.add_document_actions(
            [self.outlet_editor.set_action, self.outlet_editor.rename_action]
        )

        self.tabs = QTabWidget()
        self.tabs.setObjectName("views")
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.reader, self.tr("Read"))
        self.tabs.addTab(self.compare_view, self.tr("Compare"))
        self.tabs.addTab(self.actor_view, self.tr("Actor"))
        self.tabs.addTab(self.events_view, self.tr("Events"))
        self.setCentralWidget(self.tabs)
        self.library_dock = self._dock(
            "libraryDock", self.tr("Library"), self.library, Qt.DockWidgetArea.LeftDockWidgetArea
        )
        self.entities_dock = self._dock(
            "entitiesDock", self.tr("Entities"), self.sidebar, Qt.DockWidgetArea.RightDockWidgetArea
        )
        self.counts_label = QLabel()
        self.busy_label = QLabel()
        self.statusBar().addPermanentWidget(self.busy_label)
        self.statusBar().addPermanentWidget(self.counts_label)
        # a slot of the window, not a lambda: the connection ends with the window (a
        # language change builds a new one; the runner lives on)
        runner.busy_changed.connect(self._show_busy)
        for header in self.findChildren(QHeaderView):
            narrow_the_least_column_width(header)
        self._wire()
        self._build_menus()
        for menu in self.menuBar().findChildren(QMenu):
            for action in menu.actions():
                shortcut_shown_whole(action)
        self._fit_to_screen(1400, 860)
        self._restore_state()
        self._watch_splitters()

    def _fit_to_screen(self, width: int, height: int) -> None:
        """The size it opens at, but no larger than the screen's free area (on a laptop
        of 1280 × 800 the window went past the screen's edge and under its panels)."""
        screen = self.screen() or QGuiApplication.primaryScreen()
        if screen is not None:
            free = screen.availableGeometry()
            width = min(width, free.width() - 20)
            height = min(height, free.height() - 40)
        self.resize(max(width, 640), max(height, 480))

    @Slot(bool)
    def _show_busy(self, busy: bool) -> None:
        self.busy_label.setText(self.tr("Working…") if busy else "")

    def _dock(self, name: str, title: str, widget: QWidget, area: Qt.DockWidgetArea) -> QDockWidget:
        if self.layoutDirection() == Qt.LayoutDirection.RightToLeft:
            # the library stays where reading starts: on the right in Arabic
            area = {
                Qt.DockWidgetArea.LeftDockWidgetArea: Qt.DockWidgetArea.RightDockWidgetArea,
                Qt.DockWidgetArea.RightDockWidgetArea: Qt.DockWidgetArea.LeftDockWidgetArea,
            }.get(area, area)
        dock = QDockWidget(title, self)
        dock.setObjectName(name)
        dock.setWidget(widget)
        # closable: the View menu's toggles (greyed out for a dock that cannot close)
        # hide it and bring it back, and the saved window state keeps it as it was left
        dock.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetClosable
            | QDockWidget.DockWidgetFeature.DockWidgetMovable
            | QDockWidget.DockWidgetFeature.DockWidgetFloatable
        )
        self.addDockWidget(area, dock)
        return dock

    # ---- wiring ---------------------------------------------------------------------------
    def _wire(self) -> None:
        self.library.document_selected.connect(self.open_document)
        self.library.hit_at.connect(self.open_hit)
        self.reader.entity_clicked.connect(self.sidebar.select_entity)
        self.sidebar.entity_selected.connect(self.select_entity)
        self.sidebar.entities_changed.connect(self.refresh_after_edit)
        self.actor_view.open_document.connect(self.open_document_at)
        self.events_view.open_document.connect(self.open_document_at)
        self.compare_view.open_document.connect(self.open_document_at)
        self.compare_view.entity_selected.connect(self.sidebar.select_entity)
        # the new documents are listed and searchable while their analysis runs
        self.importer.imported.connect(lambda _n: self.refresh(sidebar=False))
        self.importer.finished.connect(lambda _o: self.refresh())
        self.importer.running_changed.connect(self.sidebar.set_edits_held)
        self.importer.running_changed.connect(self.library.set_removal_held)
        self.library.documents_removed.connect(self.documents_removed)
        self.importer.running_changed.connect(self.outlet_editor.set_held)
        self.outlet_editor.outlets_changed.connect(self.outlets_edited)

    def refresh(self, *, sidebar: bool = True) -> None:
        """Reload everything from the store (after an import or an analysis). A new
        window passes ``sidebar=False``: the sidebar read the store when it was built."""
        self.library.refresh_outlets()
        self.library.reload()
        if sidebar:
            chosen = self.library.entity_filter
            self.sidebar.refresh()  # which loses an entity gone from the store
            # an analysis drops the names it no longer finds, and the corpus may have been
            # edited on the command line meanwhile
            self._follow_entities(chosen)
            self.compare_view.compare_again()  # with the actors the analysis found
        # the views below read the store when shown: now if they are, else later
        self.events_view.refresh()
        self.compare_view.refresh()
        self._show_counts()
        if self.reader.detail is not None:
            self.open_document(self.reader.detail.row.id, switch=False)

    def announce_samples(self, count: int) -> None:
        """The database was empty and the sample articles were put in it: say so, and
        how to take them out again (they would count in the user's frames)."""
        self.statusBar().showMessage(
            self.tr(
                "This database was empty: {0} sample articles were imported to show what "
                "Tabayun does. Select them in the library and press Del to remove them."
            ).format(count)
        )

    def documents_removed(self, removed: RemovedDocuments) -> None:
        """Documents were removed from the corpus: the article open and a comparison of
        one of them are closed, and everything else is read again without them."""
        gone = set(removed.documents)
        if self.reader.detail is not None and self.reader.detail.row.id in gone:
            self.reader.show_placeholder()
        self.compare_view.forget_removed(gone, {o.id for o in self.store.outlets()})
        self.refresh()
        n = len(removed.documents)
        self.statusBar().showMessage(
            self.tr("Removed 1 document from the corpus")
            if n == 1
            else self.tr("Removed {0} documents from the corpus").format(f"{n:,}"),
            5000,
        )

    def outlets_edited(self, said: str) -> None:
        """Documents were given an outlet, or an outlet renamed or merged: a comparison
        of an outlet gone is not shown any more, and everything is read again."""
        self.compare_view.forget_removed(set(), {o.id for o in self.store.outlets()})
        self.refresh()
        self.statusBar().showMessage(said, 8000)

    def refresh_after_edit(self) -> None:
        if self.reader.detail is not None:
            self.open_document(self.reader.detail.row.id, switch=False)
        self._follow_entities()
        self.events_view.refresh()
        self.compare_view.compare_again()  # its actors as the edit left them
        self._show_counts()

    def _show_counts(self) -> None:
        c = self.store.counts()
        # one of each said as one («1 outlet», not «1 outlets»)
        parts = (
            self.tr("1 document") if c.documents == 1 else self.tr("{0} documents"),
            self.tr("1 outlet") if c.outlets == 1 else self.tr("{0} outlets"),
            self.tr("1 entity") if c.entities == 1 else self.tr("{0} entities"),
            self.tr("1 mention") if c.mentions == 1 else self.tr("{0} mentions"),
        )
        counts = (c.documents, c.outlets, c.entities, c.mentions)
        self.counts_label.setText(
            " · ".join(part.format(f"{n:,}") for part, n in zip(parts, counts, strict=True))
        )

    def _follow_entities(self, chosen: tuple[int, str] | None = None) -> None:
        """The library's «Mentioning: …», the reader's highlight, the sidebar's selection
        and the actor view show the actor ``chosen`` (default: the library's) as the store
        has it now: merged into another, that one; ignored or gone, none."""
        chosen = chosen or self.library.entity_filter
        if chosen is not None:
            now = self.store.current_entity(chosen[0])
            if now is None:
                self.library.set_entity_filter(None)
                self.reader.highlight_entity(None)
            elif now not in self.sidebar.selected_entity_ids():
                # selected there, it is chosen everywhere (select_entity)
                if not self.sidebar.select_entity(now):
                    self.select_entity(now)
            else:
                _key, name, _type, _origin = self.store.entity_by_id(now)
                if (now, name) != self.library.entity_filter:  # its name now
                    self.library.set_entity_filter((now, name))
                if now != chosen[0]:
                    self.reader.highlight_entity(now)
        actor = self.actor_view.chosen_entity
        if actor is not None:  # read again: the edit may have changed what it shows
            self.actor_view.follow_edit(self.store.current_entity(actor))

    def open_document(self, doc_id: int, switch: bool = True) -> None:
        self.reader.show_document(doc_id)
        if switch:
            self.tabs.setCurrentWidget(self.reader)
        if self.reader.detail is not None:
            row = self.reader.detail.row
            self.statusBar().showMessage(f"{row_outlet(row) or ''} · {row.title}".strip(" ·"), 5000)
        self.library.show_current(doc_id)

    def open_hit(self, doc_id: int, offset: int, forms: list[str]) -> None:
        """Open a search hit's article with the words found selected."""
        self.open_document(doc_id)
        self.reader.select_form_at(offset, forms)

    def open_document_at(self, doc_id: int, offset: int) -> None:
        self.open_document(doc_id)
        self.reader.scroll_to_offset(offset)

    def select_entity(self, entity_id: int) -> None:
        if entity_id < 0:
            self.reader.highlight_entity(None)
            self.library.set_entity_filter(None)
            return
        self.reader.highlight_entity(entity_id)
        _key, name, _type, _origin = self.store.entity_by_id(entity_id)
        self.library.set_entity_filter((entity_id, name))
        self.actor_view.set_entity(entity_id)  # read once the actor view is shown

    def shown(self) -> dict[str, Any]:
        """What the window shows, for a window built in its place (another language):
        the open article, the compared articles, the actor, the chosen entity, the
        library's search."""
        a, b = self.compare_view.document_ids()
        view = self.compare_view
        return {
            "document": self.reader.detail.row.id if self.reader.detail else None,
            "compare": (a, b) if view.mode == "documents" else None,
            "outlets": view.outlet_ids if view.mode == "outlets" else None,
            # the actor chosen behind another tab, not the one read before it
            "actor": self.actor_view.chosen_entity,
            "entity": self.library.entity_filter[0] if self.library.entity_filter else None,
            "search": self.library.search_box.text(),
        }

    def show_again(self, shown: dict[str, Any]) -> None:
        """Show what :meth:`shown` said another window showed, as the corpus has it now:
        an actor merged into another meanwhile is that one; an actor ignored or gone, an
        article deleted and an outlet renamed onto another are not shown."""
        entity = self._entity_now(shown.get("entity"))
        if entity is not None and not self.sidebar.select_entity(entity):
            self.select_entity(entity)  # not among the sidebar's rows read yet
        if shown.get("search"):
            self.library.search_box.setText(shown["search"])
            self.library.run_search()
        compared, outlets = shown.get("compare"), shown.get("outlets")
        if compared is not None and len(self._documents_there(compared)) == 2:
            self.compare_documents(*compared)
        elif outlets is not None and set(outlets) <= {o.id for o in self.store.outlets()}:
            self.compare_view.compare_outlets(*outlets)
        actor = self._entity_now(shown.get("actor"))
        if actor is not None:
            self.actor_view.set_entity(actor)
        document = shown.get("document")
        if document is not None and self._documents_there([document]):
            self.open_document(document, switch=False)

    def _entity_now(self, entity_id: int | None) -> int | None:
        return None if entity_id is None else self.store.current_entity(entity_id)

    def _documents_there(self, ids: Iterable[int | None]) -> set[int]:
        """Which of these articles the store still has."""
        return {r.id for r in self.store.documents(ids=[i for i in ids if i is not None])}

    def show_view(self, name: str) -> None:
        self.tabs.setCurrentIndex(VIEWS.index(name))

    def compare_documents(self, a: int, b: int) -> None:
        self.compare_view.compare(a, b)
        self.show_view("compare")
        # the keys are the comparison's now (Alt+Down steps through its passages), where
        # the focus stayed in the library «Compare with…» was chosen from
        self.compare_view.passages_view.setFocus()

    # ---- actions ----------------------------------------------------------------------
    def _action(
        self,
        text: str,
        slot: Callable[[], Any],
        shortcut: QKeySequence | str | None = None,
        menu: Any = None,
    ) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(lambda _checked=False: slot())
        if menu is not None:
            menu.addAction(action)
        self.addAction(action)
        return action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        self._action(
            self.tr("Import files…"), self.import_files, QKeySequence.StandardKey.Open, file_menu
        )
        self._action(self.tr("Import folder…"), self.import_folder, "Ctrl+Shift+O", file_menu)
        file_menu.addSeparator()
        self._action(self.tr("Export comparison…"), self.export_comparison, "Ctrl+E", file_menu)
        self._action(self.tr("Save actor chart…"), self.save_chart, "Ctrl+Shift+E", file_menu)
        file_menu.addSeparator()
        self._action(self.tr("&Quit"), self.close, QKeySequence.StandardKey.Quit, file_menu)

        edit_menu = bar.addMenu(self.tr("&Edit"))
        self._action(
            self.tr("Find in document"),
            self.find_in_document,
            QKeySequence.StandardKey.Find,
            edit_menu,
        )
        self._action(
            self.tr("Search the corpus"), self.library.search_box.setFocus, "Ctrl+K", edit_menu
        )
        self._action(self.tr("Compare with…"), self.compare_with, "Ctrl+Shift+C", edit_menu)
        self._action(self.tr("Compare two outlets…"), self.compare_outlets, "Ctrl+Alt+C", edit_menu)
        edit_menu.addSeparator()
        edit_menu.addAction(self.outlet_editor.set_action)
        edit_menu.addAction(self.outlet_editor.rename_action)

        view_menu = bar.addMenu(self.tr("&View"))
        for i, (name, label) in enumerate(
            zip(
                VIEWS,
                (self.tr("Read"), self.tr("Compare"), self.tr("Actor"), self.tr("Events")),
                strict=True,
            )
        ):
            self._action(label, lambda n=name: self.show_view(n), f"Ctrl+{i + 1}", view_menu)
        view_menu.addSeparator()
        larger = self._action(
            self.tr("Larger text"), lambda: self.zoom(1), QKeySequence.StandardKey.ZoomIn, view_menu
        )
        # Ctrl+= too: on most keyboards + is Shift+=, and the README says Ctrl+=
        larger.setShortcuts([*larger.shortcuts(), QKeySequence("Ctrl+=")])
        self._action(
            self.tr("Smaller text"),
            lambda: self.zoom(-1),
            QKeySequence.StandardKey.ZoomOut,
            view_menu,
        )
        view_menu.addSeparator()
        theme_menu = view_menu.addMenu(self.tr("Theme"))
        themes = QActionGroup(self)
        for code, label in (("light", self.tr("Light")), ("dark", self.tr("Dark"))):
            act = QAction(label, self, checkable=True)
            act.setChecked(self.prefs.get(THEME) == code)
            act.triggered.connect(lambda _c=False, c=code: self.theme_requested.emit(c))
            themes.addAction(act)
            theme_menu.addAction(act)
        lang_menu = view_menu.addMenu(self.tr("Language"))
        langs = QActionGroup(self)
        for code, label in (("en", "English"), ("ar", "العربية")):
            act = QAction(label, self, checkable=True)
            act.setChecked(self.prefs.get(LANGUAGE) == code)
            act.triggered.connect(lambda _c=False, c=code: self.language_requested.emit(c))
            langs.addAction(act)
            lang_menu.addAction(act)
        view_menu.addSeparator()
        view_menu.addAction(self.library_dock.toggleViewAction())
        view_menu.addAction(self.entities_dock.toggleViewAction())

        help_menu = bar.addMenu(self.tr("&Help"))
        self._action(self.tr("&About Tabayun"), self.show_about, None, help_menu)

    def zoom(self, step: int) -> None:
        self.reader.set_point_size(self.reader.point_size + step)
        self.compare_view.set_point_size(self.reader.point_size)
        self.prefs.set(READER_POINT_SIZE, self.reader.point_size)

    def find_in_document(self) -> None:
        self.tabs.setCurrentWidget(self.reader)
        self.reader.find_bar.open_bar()

    def import_files(self) -> None:
        files, _f = QFileDialog.getOpenFileNames(
            self,
            self.tr("Import files"),
            str(Path.home()),
            self.import_filter(),
        )
        if files:
            self.importer.start([Path(f) for f in files])

    def import_filter(self) -> str:
        """The file dialog's filter: every kind of file the import reads, archives and
        compressed files included (.rar and .7z were not offered)."""
        from desktop.corpus.sources import importable_patterns

        return self.tr("Articles ({0});;All files (*)").format(" ".join(importable_patterns()))

    def import_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Import folder"), str(Path.home()))
        if folder:
            self.importer.start([Path(folder)])

    def compare_with(self) -> None:
        selected = self.library.selected_ids()
        if len(selected) >= 2:
            self.compare_documents(selected[0], selected[1])
            return
        current = (
            selected[0] if selected else (self.reader.detail.row.id if self.reader.detail else None)
        )
        if current is None:
            return
        partners = self.compare_view.suggest_partners(current)[:15]
        if not partners:
            return
        rows = {r.id: r for r in self.store.documents(ids=partners)}
        unknown = self.tr("(unknown)")
        items = [
            f"{p}: "
            + in_window_direction([row_outlet(rows[p]) or unknown, rows[p].title[:70]], " — ")
            for p in partners
            if p in rows
        ]
        choice, ok = QInputDialog.getItem(
            self,
            self.tr("Compare with…"),
            self.tr("Articles sharing most actors:"),
            items,
            0,
            False,
        )
        if ok and choice:
            self.compare_documents(current, int(choice.split(":", 1)[0]))

    def compare_outlets(self) -> None:
        outlets = self.store.outlets()
        if len(outlets) < 2:
            QMessageBox.information(
                self,
                self.tr("Compare two outlets"),
                self.tr("The corpus needs at least two outlets."),
            )
            return
        names = [f"{o.name} ({o.documents})" for o in outlets]
        first, ok = QInputDialog.getItem(
            self, self.tr("Compare two outlets"), self.tr("First outlet:"), names, 0, False
        )
        if not ok:
            return
        rest = [n for n in names if n != first]
        second, ok = QInputDialog.getItem(
            self, self.tr("Compare two outlets"), self.tr("Second outlet:"), rest, 0, False
        )
        if not ok:
            return
        a = outlets[names.index(first)].id
        b = outlets[names.index(second)].id
        self.compare_view.compare_outlets(a, b)
        self.show_view("compare")

    def export_comparison(self) -> None:
        path, _f = QFileDialog.getSaveFileName(
            self,
            self.tr("Export comparison"),
            str(Path.home() / "comparison.html"),
            "HTML (*.html);;PDF (*.pdf);;JSON (*.json);;CSV (*.csv)",
        )
        if not path:
            return
        fmt = Path(path).suffix.lstrip(".").lower() or "html"
        try:
            if self.compare_view.comparison is None:  # also after one was forgotten
                raise ValueError(self.tr("Compare two documents first."))
            if fmt == "pdf":
                from desktop.compare.export import to_html
                from desktop.ui.reports import html_to_pdf

                html_to_pdf(to_html(self.compare_view.comparison), Path(path))
            else:
                self.compare_view.export(Path(path), fmt)
        except (OSError, ValueError) as exc:
            QMessageBox.warning(self, self.tr("Export failed"), str(exc))
            return
        self.statusBar().showMessage(self.tr("Saved {0}").format(path), 5000)

    def save_chart(self) -> None:
        if self.actor_view.pending_entity is not None:
            self.show_view("actor")  # the actor chosen while the view was hidden: read it
        path, _f = QFileDialog.getSaveFileName(
            self, self.tr("Save chart"), str(Path.home() / "coverage.png"), "PNG (*.png)"
        )
        if path:
            self.actor_view.save_chart(Path(path))

    def show_about(self) -> None:
        import platform

        from PySide6 import __version__ as pyside_version
        from sqlalchemy import __version__ as sqlalchemy_version

        QMessageBox.about(
            self,
            self.tr("About Tabayun"),
            self.tr(
                "<h3>Tabayun {0}</h3><p>How Arabic news outlets frame the same actors and "
                "events.</p><p>Python {1} · Qt for Python {2} · SQLAlchemy {3}</p>"
                "<p>Licensed under the GNU GPL, version 3 or later. Fonts: Noto Naskh Arabic "
                "and Noto Sans Arabic (SIL Open Font License 1.1). pyarabic (GPL-3), "
                "pyahocorasick (BSD-3), rapidfuzz (MIT), qdarkstyle (MIT).</p>"
            ).format(__version__, platform.python_version(), pyside_version, sqlalchemy_version),
        )

    # ---- drag and drop import -------------------------------------------------------------
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.importer.start(paths)

    # ---- window state (kept apart from preferences) ------------------------------------
    def _restore_state(self) -> None:
        # the library wide enough for some of its titles and its outlets' names whole
        # (at 330 pixels they were cut: «Asharq Al…», at 350 «Al-Jazirah (Saudi Ar…»)
        self.resizeDocks(
            [self.library_dock, self.entities_dock], [365, 360], Qt.Orientation.Horizontal
        )
        if not self.persist_state:
            return
        geometry = self.prefs.window_state("geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        state = self.prefs.window_state(self._state_key())
        if state is not None:
            self.restoreState(state)
        for key, widget in self._stateful_parts():
            saved = self.prefs.window_state(key)
            if saved is not None:
                widget.restoreState(saved)
        self._no_columns_sized_by_contents()

    def _no_columns_sized_by_contents(self) -> None:
        """A layout saved by an earlier version may size columns of the compare, actor
        and events tables to their contents, which asks every row on every layout: those
        columns are interactive now, whatever the saved state says."""
        for view in (self.compare_view, self.actor_view, self.events_view):
            for header in view.findChildren(QHeaderView):
                if header.orientation() != Qt.Orientation.Horizontal:
                    continue
                for i in range(header.count()):
                    if header.sectionResizeMode(i) == QHeaderView.ResizeMode.ResizeToContents:
                        header.setSectionResizeMode(i, QHeaderView.ResizeMode.Interactive)

    def _state_key(self) -> str:
        """Dock places differ by direction: one saved state per layout direction."""
        rtl = self.layoutDirection() == Qt.LayoutDirection.RightToLeft
        return "state-rtl" if rtl else "state-ltr"

    def save_state(self) -> None:
        """The window's geometry, its docks and the layout of its splitters and table
        headers. A splitter never shown (a view not opened before the language changed)
        has no layout of its own to keep: what it had been given was saved, one side
        at its least, and the next window opened the compare view with its passages
        taking most of the room; the layout saved before is kept instead."""
        if not self.persist_state:
            return
        self.prefs.save_window_state("geometry", self.saveGeometry())
        self.prefs.save_window_state(self._state_key(), self.saveState())
        for key, widget in self._stateful_parts():
            if isinstance(widget, QSplitter) and not self._laid_out.get(key, False):
                continue
            self.prefs.save_window_state(key, widget.saveState())

    def _watch_splitters(self) -> None:
        """Note each named splitter once it is shown (:meth:`save_state`)."""
        self._laid_out: dict[str, bool] = {}
        for key, widget in self._stateful_parts():
            if isinstance(widget, QSplitter):
                self._laid_out[key] = widget.isVisible()
                widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Show and isinstance(watched, QSplitter):
            self._laid_out[f"splitter-{watched.objectName()}"] = True
        return super().eventFilter(watched, event)

    def _stateful_parts(self) -> list[tuple[str, QSplitter | QHeaderView]]:
        """Every named splitter and table header of the window, keyed by its name (or its
        table's): the order of the widget tree changes as tabs are shown, and a key by
        position gave one table's layout to another (the events table lost its columns
        for good). The tables whose columns are an actor's outlets are laid out afresh."""
        parts: list[tuple[str, QSplitter | QHeaderView]] = []
        for splitter in self.findChildren(QSplitter):
            if splitter.objectName():
                parts.append((f"splitter-{splitter.objectName()}", splitter))
        for header in self.findChildren(QHeaderView):
            table = header.parent()
            name = table.objectName() if table is not None else ""
            horizontal = header.orientation() == Qt.Orientation.Horizontal
            if horizontal and name and name not in _COLUMNS_OF_DATA:
                parts.append((f"header-{name}", header))
        return parts

    def jobs_running(self) -> bool:
        """Whether an import, an entity edit or a removal of documents is running (they
        report to this window)."""
        return self.importer.running or self.sidebar.editing or self.library.removing

    def language_deferred_message(self) -> str:
        return self.tr("The language will change when the work in progress ends.")

    def stopping_message(self) -> str | None:
        """What the window says while closing stops the job that runs; None if none
        runs in a process of its own."""
        if self.sidebar.edit_job_running:
            lines = [
                self.tr("Stopping the edit before closing…"),
                self.tr(
                    "The edit is kept; the articles it has not analysed again yet will be "
                    "analysed when Tabayun next starts."
                ),
            ]
        elif self.importer.running and self.importer.reanalysing:
            lines = [
                self.tr("Stopping the analysis before closing…"),
                self.tr(
                    "The articles it has not reached will be analysed when Tabayun next starts."
                ),
            ]
        elif self.importer.running:
            lines = [
                self.tr("Stopping the import before closing…"),
                self.tr(
                    "What was imported is kept; the articles not analysed yet will be analysed "
                    "when Tabayun next starts."
                ),
            ]
        else:
            return None
        return "\n".join(lines)

    def closeEvent(self, event: QCloseEvent) -> None:
        """Closing stops the import or edit that runs, saying so, and waits for it to
        stop (between files, or between batches of articles: a second or two): what it
        did not reach is done when the window next starts. One that has not stopped
        after a few seconds is ended, with the processes it started."""
        if self._closing:  # closed again while a job is being stopped
            event.ignore()
            return
        self._closing = True
        try:
            self.save_state()
            note = self.stopping_message()
            if note is not None:
                self.statusBar().showMessage(note.splitlines()[0])
                self._closing_dialog = dialog = QProgressDialog(note, "", 0, 0, self)
                dialog.setCancelButton(None)
                dialog.setWindowTitle(self.tr("Closing"))
                dialog.setWindowModality(Qt.WindowModality.WindowModal)
                dialog.setMinimumDuration(0)
                dialog.show()
                QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)
            self.importer.shutdown(paint=True)
            self.sidebar.shutdown(paint=True)
            self.runner.wait(60_000)
        finally:
            if self._closing_dialog is not None:
                self._closing_dialog.close()
                self._closing_dialog.deleteLater()
                self._closing_dialog = None
            self._closing = False
        super().closeEvent(event)


__all__ = ["VIEWS", "MainWindow"]
