"""The interface language: our translations and Qt's own, and the layout direction."""

from __future__ import annotations

from PySide6.QtCore import QLibraryInfo, QLocale, Qt, QTranslator
from PySide6.QtWidgets import QApplication

from desktop.paths import resource


class Language:
    """Installs and removes translators on the application (kept alive here)."""

    def __init__(self, app: QApplication) -> None:
        self.app = app
        self._translators: list[QTranslator] = []
        self.code = "en"

    def apply(self, code: str) -> None:
        for t in self._translators:
            self.app.removeTranslator(t)
        self._translators = []
        self.code = code
        if code == "ar":
            qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
            for name, folder in (
                ("qtbase_ar", qt_dir),
                ("tabayun_ar", str(resource("translations"))),
            ):
                t = QTranslator(self.app)
                if t.load(name, folder):
                    self.app.installTranslator(t)
                    self._translators.append(t)
            QLocale.setDefault(QLocale(QLocale.Language.Arabic, QLocale.Country.Syria))
            self.app.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        else:
            QLocale.setDefault(QLocale(QLocale.Language.English))
            self.app.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
