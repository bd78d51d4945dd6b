"""Light and dark themes (qdarkstyle), with the fixes right-to-left layouts need."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

#: qdarkstyle draws a tool button's menu arrow over its text under RTL
RTL_FIXES = 'QToolButton[popupMode="1"]{padding-right:2px;padding-left:20px;}'


def apply_theme(app: QApplication, name: str) -> None:
    if name == "dark":
        import qdarkstyle  # imported only when wanted: it sets QT_API as a side effect

        app.setStyleSheet(qdarkstyle.load_stylesheet(qt_api="pyside6") + RTL_FIXES)
    else:
        app.setStyle("Fusion")
        app.setStyleSheet("")
