"""Lines that mix Arabic with Latin names and numbers («SANA · 484 كلمة»), laid out in
the window's direction. Qt takes a line's direction from its first letter: a line of the
Arabic window that starts with a Latin outlet name was laid out left to right, and its
Arabic parts came out in the wrong order. Display text only: nothing stored or matched
goes through here."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from desktop.ui.document_model import is_rtl

LRM, RLM = "\u200e", "\u200f"
#: first-strong isolate and its end: a part keeps its own direction inside the line
FSI, PDI = "\u2068", "\u2069"
#: left-to-right isolate (ended by PDI)
LRI = "\u2066"


def window_mark() -> str:
    rtl = QGuiApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft
    return RLM if rtl else LRM


def reading_arrow() -> str:
    """An arrow pointing the way the window reads: «←» in Arabic, «→» in English."""
    rtl = QGuiApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft
    return "←" if rtl else "→"


def window_leading() -> Qt.AlignmentFlag:
    """A cell's alignment at the window's leading edge (left in English, right in
    Arabic), whatever the direction of its own text: :class:`OwnDirectionDelegate` lays
    the text out in its own direction but leaves it where this puts it."""
    rtl = QGuiApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft
    edge = Qt.AlignmentFlag.AlignRight if rtl else Qt.AlignmentFlag.AlignLeft
    return edge | Qt.AlignmentFlag.AlignAbsolute | Qt.AlignmentFlag.AlignVCenter


def isolate(part: str) -> str:
    return f"{FSI}{part}{PDI}"


def in_window_direction(parts: Iterable[str], separator: str) -> str:
    """The parts joined by ``separator``, each in its own direction, the line in the
    window's (an Arabic title in the English window still reads right to left)."""
    return window_mark() + separator.join(isolate(p) for p in parts)


def lines_in_window_direction(lines: Iterable[str]) -> str:
    """The lines one under the other, each laid out in the window's direction (a
    tooltip whose first line is an Arabic name was laid out right to left whole in the
    English window: «documents, 2 mentions 1»). Arabic or Latin parts inside a line
    should be isolated (:func:`isolate`)."""
    mark = window_mark()
    return "\n".join(mark + line for line in lines)


def shortcut_shown_whole(action: QAction) -> None:
    """In the right-to-left window, the shortcut a menu shows beside ``action`` as
    written: one ending in a sign was laid out right to left, «Ctrl++» read «++Ctrl»
    and «Ctrl+-» «-+Ctrl». A menu shows what follows a tab in the text in place of the
    shortcut: the shortcut itself, isolated left to right."""
    if QGuiApplication.layoutDirection() != Qt.LayoutDirection.RightToLeft:
        return
    shown = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
    if not shown or shown[-1].isalnum():
        return
    text = action.text().split("\t", 1)[0]
    action.setText(f"{text}\t{LRI}{shown}{PDI}")


def plain(text: str) -> str:
    """``text`` without the marks this module adds (for tests and copies)."""
    return text.translate({ord(c): None for c in (LRM, RLM, FSI, LRI, PDI)})


class OwnDirectionDelegate(QStyledItemDelegate):
    """Lays each cell's text out in its own direction. Qt lays cells out, and cuts them
    short with «…», in the view's direction: in the English window an Arabic title too
    long for its column kept its end and lost its beginning, the «…» beside its first
    word. A cell of Arabic text is now cut where it ends, and an English one in the
    Arabic window the same way. Its alignment follows (leading is where it begins)."""

    def initStyleOption(self, option: QStyleOptionViewItem, index: Any) -> None:
        super().initStyleOption(option, index)
        text = option.text
        if not text or not any(ch.isalpha() for ch in text):
            return  # figures, dates: where the view puts them
        rtl = Qt.LayoutDirection.RightToLeft
        own = rtl if is_rtl(text) else Qt.LayoutDirection.LeftToRight
        if own == option.direction:
            return
        align = option.displayAlignment
        horizontal = align & Qt.AlignmentFlag.AlignHorizontal_Mask
        natural = (Qt.AlignmentFlag.AlignLeft, Qt.AlignmentFlag.AlignLeading)
        if align & Qt.AlignmentFlag.AlignAbsolute or horizontal not in natural:
            # placed on purpose (right, trailing, centred): it stays where it was
            visual = QStyle.visualAlignment(option.direction, align)
            option.displayAlignment = visual | Qt.AlignmentFlag.AlignAbsolute
        option.direction = own
