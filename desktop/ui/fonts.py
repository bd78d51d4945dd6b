"""The bundled Arabic fonts (OFL-1.1), registered with Qt once the application exists."""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication
from PySide6.QtWidgets import QHeaderView

from desktop.paths import resource

READING_FAMILY = "Noto Naskh Arabic"
UI_FAMILY = "Noto Sans Arabic"


def register_fonts() -> list[str]:
    """Load every font in ``resources/fonts``; returns the families Qt now knows."""
    families: list[str] = []
    for path in sorted(resource("fonts").glob("*.ttf")):
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id != -1:
            families += QFontDatabase.applicationFontFamilies(font_id)
    return sorted(set(families))


def reading_font(point_size: int) -> QFont:
    font = QFont(READING_FAMILY)
    font.setPointSize(point_size)
    return font


def use_ui_font(app: QGuiApplication) -> None:
    """The bundled fonts registered, and the window's Arabic in the bundled sans serif
    (the system's font first, for Latin text)."""
    register_fonts()
    font = app.font()
    font.setFamilies([font.family(), UI_FAMILY])
    app.setFont(font)


def narrow_the_least_column_width(header: QHeaderView) -> None:
    """Qt's least width of a table's column is, unless set, the widest glyph of the
    header's font plus its margins: with the bundled Arabic font among the families that
    is about 90 pixels, more than a column of dates or counts needs (four such columns
    were wider than the library's dock). Made four digits wide; a least
    width set on purpose (under twice that) is kept."""
    usable = header.fontMetrics().horizontalAdvance("0000") + 8
    if header.minimumSectionSize() > 2 * usable:
        header.setMinimumSectionSize(usable)
