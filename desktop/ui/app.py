"""The composition root: builds the application, its store and its window."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication

from desktop.config import APP_NAME, default_db_path
from desktop.paths import seeds_dir
from desktop.services import ensure_seeded
from desktop.store.store import Store
from desktop.ui.fonts import register_fonts
from desktop.ui.main_window import MainWindow


def make_settings() -> QSettings:
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, APP_NAME, APP_NAME)


def build_window(store: Store, settings: QSettings) -> MainWindow:
    window = MainWindow(store, settings)
    window.refresh()
    window.library.select_first()
    return window


def _screenshot(window: MainWindow, path: Path) -> int:
    window.resize(1400, 860)
    window.show()
    QApplication.processEvents()
    ok = window.grab().save(str(path))
    if not ok:
        print(f"tabayun: could not write {path}", file=sys.stderr)
        return 1
    print(f"tabayun: saved {path}")
    return 0


def run_gui(args: argparse.Namespace) -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    register_fonts()
    db = Path(args.db) if args.db else default_db_path()
    try:
        store = Store.open(db)
    except Exception as exc:
        print(f"tabayun: cannot open database {db}: {exc}", file=sys.stderr)
        return 1
    try:
        ensure_seeded(store, seeds_dir())
        window = build_window(store, make_settings())
        if args.screenshot:
            return _screenshot(window, Path(args.screenshot))
        window.show()
        if args.smoke:
            QTimer.singleShot(0, window.close)
            app.exec()
            print(f"tabayun: smoke ok ({store.counts().documents} documents in {db})")
            return 0
        return app.exec()
    finally:
        store.close()
