"""The bundled Arabic fonts (OFL-1.1), registered with Qt once the application exists."""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase

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
