"""The composition root: builds the application, its store, preferences, task runner and
window, and rebuilds the window when the language changes."""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication

from desktop.config import APP_NAME, default_db_path, named_db_problem, open_problem
from desktop.paths import seeds_dir
from desktop.store.store import Store
from desktop.ui.fonts import use_ui_font
from desktop.ui.i18n import Language
from desktop.ui.main_window import VIEWS, MainWindow
from desktop.ui.settings import LANGUAGE, THEME, Preferences
from desktop.ui.theme import apply_theme
from desktop.ui.workers import TaskRunner


def make_settings() -> QSettings:
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, APP_NAME, APP_NAME)


class TabayunApp:
    """Owns the long-lived collaborators and the (replaceable) main window."""

    def __init__(self, app: QApplication, store: Store, prefs: Preferences) -> None:
        self.app = app
        self.store = store
        self.prefs = prefs
        self.runner = TaskRunner(app)
        self.language = Language(app)
        self.window: MainWindow | None = None
        #: screenshots and smoke runs leave the user's window layout alone
        self.persist_state = True
        #: a language chosen while a job ran, applied when it has ended
        self._pending_language: str | None = None
        self._language_retry = QTimer(app)
        self._language_retry.setInterval(500)
        self._language_retry.timeout.connect(self._retry_language)

    def _retry_language(self) -> None:
        if self._pending_language is not None:
            self.set_language(self._pending_language)

    def start(self, language: str | None = None, theme: str | None = None) -> MainWindow:
        self.language.apply(language or self.prefs.get(LANGUAGE))
        apply_theme(self.app, theme or self.prefs.get(THEME))
        return self.build_window()

    def build_window(self) -> MainWindow:
        window = MainWindow(self.store, self.prefs, self.runner, persist_state=self.persist_state)
        window.language_requested.connect(self.set_language)
        window.theme_requested.connect(self.set_theme)
        window.refresh(sidebar=False)  # the sidebar read the store as it was built
        window.library.select_first()
        self.window = window
        return window

    def reanalyse_outdated(self) -> None:
        """Articles an earlier version of the analysis left (this version finds labels,
        quotations or events differently) are analysed again in the background, the
        window in use meanwhile. Whether there are any is asked off the window's thread
        (it reads the whole table: 40–170 ms at 30,000 articles)."""
        from desktop.analysing import ANALYSIS_VERSION, unfinished_documents

        window = self.window

        def start(outdated: object) -> None:
            # the window asked for it, still on screen: closed meanwhile, a job started on
            # it kept the application running with no window
            if outdated and window is not None and window is self.window and window.isVisible():
                window.importer.reanalyse()

        def outdated() -> bool:  # or analysed by a run that ended before its last steps
            store = self.store
            return store.any_needing_analysis(ANALYSIS_VERSION) or (
                unfinished_documents(store) is not None
            )

        self.runner.submit(outdated, start)

    def set_theme(self, name: str) -> None:
        self.prefs.set(THEME, name)
        apply_theme(self.app, name)

    def set_language(self, code: str) -> None:
        """Every string is translated when a widget is built: rebuild the window, once
        the import or edit it runs has ended (they report to it)."""
        self.prefs.set(LANGUAGE, code)
        old = self.window
        if old is not None and old.jobs_running():
            if self._pending_language is None:
                old.statusBar().showMessage(old.language_deferred_message())
                self._language_retry.start()
            self._pending_language = code
            return
        self._pending_language = None
        self._language_retry.stop()
        current = old.tabs.currentIndex() if old else 0
        shown = old.shown() if old is not None else {}
        if old is not None:
            old.save_state()
            old.hide()
            old.deleteLater()
        self.language.apply(code)
        window = self.build_window()
        window.show_again(shown)
        window.tabs.setCurrentIndex(current)
        window.show()

    def settle(self, timeout: float = 20.0) -> None:
        """Process events until background work is done (screenshots, smoke test): the
        window's reads, and an import, entity edit or removal it runs (an edit shows before
        its articles are analysed again, and ends after)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            self.app.processEvents()
            jobs = self.window is not None and self.window.jobs_running()
            if not self.runner.busy and not jobs:
                self.app.processEvents()
                return
            time.sleep(0.02)


def _doc_id(store: Store, ref: str | None, fallback: int) -> int:
    return store.resolve_document(ref) if ref else fallback


def prepare_view(tapp: TabayunApp, args: argparse.Namespace) -> None:
    """Put the window in the state asked for by --view/--doc/--docs/--entity."""
    window = tapp.window
    assert window is not None
    docs = [r.id for r in tapp.store.documents()]
    view = args.view or "read"
    if docs:
        window.open_document(_doc_id(tapp.store, args.doc, docs[0]))
    if args.entity:
        from desktop.entity_edits import resolve_entity

        entity = resolve_entity(tapp.store, args.entity).id
        window.sidebar.select_entity(entity)
        window.select_entity(entity)
    elif view == "actor":
        rows = tapp.store.entity_page("person", limit=1)
        if rows:
            window.sidebar.select_entity(rows[0].id)
            window.select_entity(rows[0].id)
    if view == "compare" and len(docs) >= 2:
        if args.docs:
            a, b = (tapp.store.resolve_document(x) for x in args.docs.split(",")[:2])
        else:
            a, b = docs[-2], docs[-1]
        window.compare_documents(a, b)
    window.show_view(view)


def _no_display() -> bool:
    """Whether Qt would find no screen to open a window on (Linux without X or Wayland,
    and no platform chosen): it then aborts with a message about plugins."""
    if not sys.platform.startswith("linux") or os.environ.get("QT_QPA_PLATFORM"):
        return False
    return not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def run_gui(args: argparse.Namespace) -> int:
    if QApplication.instance() is None and _no_display():
        if not (args.screenshot or args.smoke):
            print(
                "tabayun: no display to open the window on (neither DISPLAY nor "
                "WAYLAND_DISPLAY is set). The commands work without one: tabayun --help; "
                "--screenshot FILE renders the window to a PNG.",
                file=sys.stderr,
            )
            return 1
        os.environ["QT_QPA_PLATFORM"] = "offscreen"  # a picture or a check needs no screen
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    use_ui_font(app)
    from desktop.services import ensure_seeded  # the engines: not imported before they run

    db = Path(args.db) if args.db else default_db_path()
    problem = named_db_problem(db) if args.db else None
    if problem:
        print(f"tabayun: cannot open database {db}: {problem}", file=sys.stderr)
        return 1
    try:
        store = Store.open(db)
    except Exception as exc:
        print(f"tabayun: cannot open database {db}: {open_problem(exc)}", file=sys.stderr)
        return 1
    try:
        seeded = ensure_seeded(store, seeds_dir())
        tapp = TabayunApp(app, store, Preferences(make_settings()))
        tapp.persist_state = not (args.screenshot or args.smoke)
        window = tapp.start(args.lang, args.theme)
        if seeded is not None and seeded.imported and not args.screenshot:
            window.announce_samples(len(seeded.imported))
        if args.screenshot:
            window.resize(1440, 900)
            window.show()
            prepare_view(tapp, args)
            tapp.settle()
            ok = window.grab().save(str(args.screenshot))
            print(f"tabayun: {'saved' if ok else 'could not write'} {args.screenshot}")
            window.close()
            return 0 if ok else 1
        window.show()
        if args.smoke:
            for view in VIEWS:
                args.view = view
                prepare_view(tapp, args)
                tapp.settle()
            QTimer.singleShot(0, window.close)
            app.exec()
            print(
                f"tabayun: smoke ok ({store.counts().documents} documents in {db}; "
                f"views: {', '.join(VIEWS)})"
            )
            return 0
        QTimer.singleShot(0, tapp.reanalyse_outdated)  # once the window is on screen
        return app.exec()
    finally:
        store.close()
