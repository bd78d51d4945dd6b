"""Labels of a few parts between separators («SANA · 484 words · 7 quotations»), laid out
in the window's direction (:func:`desktop.ui.bidi.in_window_direction`).

A label that wraps such a line left a separator at the start of its next line («· 7
quotations») or at the end of the line before: :class:`PartsLabel` breaks between parts
and drops the separator where it breaks. :class:`ElidedPartsLabel` keeps one line and
cuts its last part (a title) short with «…» where it ends, so that two labels side by side
never run into each other."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QFontMetrics, QResizeEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

from desktop.ui.bidi import in_window_direction

NBSP = "\u00a0"


def wrap_parts(
    parts: Sequence[str], width: int, measure: Callable[[str], int], separator: str
) -> list[list[str]]:
    """The parts in lines no wider than ``width`` (as ``measure`` finds a line joined by
    ``separator`` in the window's direction), broken between parts only; a part wider
    than ``width`` has a line of its own."""
    lines: list[list[str]] = []
    line: list[str] = []
    for part in parts:
        if line and measure(in_window_direction([*line, part], separator)) > width:
            lines.append(line)
            line = []
        line.append(part)
    if line:
        lines.append(line)
    return lines


def wrapped_text(parts: Sequence[str], width: int, metrics: QFontMetrics, separator: str) -> str:
    """The parts' lines (:func:`wrap_parts`), one a paragraph, each in the window's
    direction."""
    lines = wrap_parts(parts, width, metrics.horizontalAdvance, separator)
    return "\n".join(in_window_direction(line, separator) for line in lines)


def elided_parts(parts: Sequence[str], width: int, metrics: QFontMetrics, separator: str) -> str:
    """The parts on one line no wider than ``width``, the last cut short with «…» where
    it ends (for an Arabic title, on its left) when the line is too long."""
    full = in_window_direction(parts, separator)
    if not parts or metrics.horizontalAdvance(full) <= width:
        return full
    head = list(parts[:-1])
    room = width - metrics.horizontalAdvance(in_window_direction([*head, ""], separator))
    last = metrics.elidedText(parts[-1], Qt.TextElideMode.ElideRight, max(room, 0))
    return in_window_direction([*head, last or "…"], separator)


def _room(label: QLabel, width: int) -> int:
    """The width a label of ``width`` lays its text out in: inside its frame (a theme's
    border) and margin, less its indent (half an «x» beside a frame, unless set)."""
    margins = label.contentsMargins()
    indent = label.indent()
    if indent < 0:
        indent = label.fontMetrics().horizontalAdvance("x") // 2 if label.frameWidth() > 0 else 0
    return width - margins.left() - margins.right() - 2 * label.margin() - indent


class PartsLabel(QLabel):
    """Parts between separators, wrapped between parts: a line neither starts nor ends
    with a separator, and a part («7 quotations») is never broken."""

    def __init__(self, separator: str = " · ", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # no space of its own to break at: the label breaks the line where it drops it
        self._separator = separator.replace(" ", NBSP)
        self._parts: list[str] = []
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setWordWrap(True)  # a part wider than the label still shows whole

    def parts(self) -> list[str]:
        return list(self._parts)

    def set_parts(self, parts: Sequence[str]) -> None:
        self._parts = [p.replace(" ", NBSP) for p in parts]
        self._wrap()

    def clear(self) -> None:
        self._parts = []
        super().clear()

    def _text_for(self, width: int) -> str:
        return wrapped_text(self._parts, _room(self, width), self.fontMetrics(), self._separator)

    def _wrap(self) -> None:
        text = self._text_for(self.width())
        if text != self.text():
            self.setText(text)

    def minimumSizeHint(self) -> QSize:
        """As narrow as its widest part (its lines, unbreakable to Qt, made the label
        as wide as its longest line)."""
        if not self._parts:
            return super().minimumSizeHint()
        widest = max(self.fontMetrics().horizontalAdvance(p) for p in self._parts)
        width = widest + self.width() - _room(self, self.width())
        return QSize(width, self.heightForWidth(width))

    def heightForWidth(self, width: int) -> int:
        if not self._parts:
            return super().heightForWidth(width)
        flags = int(self.alignment()) | int(Qt.TextFlag.TextWordWrap)
        room = _room(self, width)
        box = self.fontMetrics().boundingRect(
            QRect(0, 0, room, 1 << 20), flags, self._text_for(width)
        )
        margins = self.contentsMargins()
        return box.height() + margins.top() + margins.bottom() + 2 * self.margin()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._wrap()


class ElidedPartsLabel(QLabel):
    """Parts between separators on one line, the last cut short with «…» where it ends
    to fit the label; the whole line is its tooltip. It takes the width it is given,
    however long the line."""

    def __init__(self, separator: str = " · ", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._separator = separator
        self._parts: list[str] = []
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)

    def parts(self) -> list[str]:
        return list(self._parts)

    def set_parts(self, parts: Sequence[str]) -> None:
        self._parts = list(parts)
        self.setToolTip(in_window_direction(self._parts, self._separator) if parts else "")
        self._elide()

    def clear(self) -> None:
        self._parts = []
        self.setToolTip("")
        super().clear()

    def _elide(self) -> None:
        room = _room(self, self.width())
        text = elided_parts(self._parts, room, self.fontMetrics(), self._separator)
        if text != self.text():
            self.setText(text)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._elide()
