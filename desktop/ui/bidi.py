"""Lines that mix Arabic with Latin names and numbers («SANA · 484 كلمة»), laid out in
the window's direction. Qt takes a line's direction from its first letter: a line of the
Arabic window that starts with a Latin outlet name was laid out left to right, and its
Arabic parts came out in the wrong order. Display text only: nothing stored or matched
goes through here."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

LRM, RLM = "\u200e", "\u200f"
#: first-strong isolate and its end: a part keeps its own direction inside the line
FSI, PDI = "\u2068", "\u2069"


def window_mark() -> str:
    rtl = QGuiApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft
    return RLM if rtl else LRM


def isolate(part: str) -> str:
    return f"{FSI}{part}{PDI}"


def in_window_direction(parts: Iterable[str], separator: str) -> str:
    """The parts joined by ``separator``, each in its own direction, the line in the
    window's (an Arabic title in the English window still reads right to left)."""
    return window_mark() + separator.join(isolate(p) for p in parts)


def plain(text: str) -> str:
    """``text`` without the marks this module adds (for tests and copies)."""
    return text.translate({ord(c): None for c in (LRM, RLM, FSI, PDI)})
