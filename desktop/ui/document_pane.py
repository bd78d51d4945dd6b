"""The document pane: one article, right to left, in the bundled reading font."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QTextBlockFormat, QTextCharFormat, QTextCursor, QTextDocument
from PySide6.QtWidgets import QLabel, QTextBrowser, QVBoxLayout, QWidget

from desktop.store.rows import DocumentDetail
from desktop.ui.document_model import is_rtl
from desktop.ui.fonts import reading_font


def build_document(detail: DocumentDetail, point_size: int) -> QTextDocument:
    """A QTextDocument whose positions are the UTF-16 offsets of ``detail.text``.

    The original text is inserted unchanged (a line break becomes a block boundary, one
    position each), so a store offset converts with :mod:`desktop.ui.text_offsets` alone.
    Each line gets its own direction from its first strong character.
    """
    doc = QTextDocument()
    doc.setDefaultFont(reading_font(point_size))
    doc.setDocumentMargin(18)
    cursor = QTextCursor(doc)
    repeated = {s for s, _e, r in detail.paragraphs if r}
    dim = QTextCharFormat()
    dim.setForeground(QColor("#8a8a8a"))
    normal = QTextCharFormat()
    pos = 0
    for i, line in enumerate(detail.text.split("\n")):
        block = QTextBlockFormat()
        direction = (
            Qt.LayoutDirection.RightToLeft
            if is_rtl(line) or not line.strip()
            else Qt.LayoutDirection.LeftToRight
        )
        block.setLayoutDirection(direction)
        block.setLineHeight(125, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
        block.setBottomMargin(8)
        if i == 0:
            cursor.setBlockFormat(block)
        else:
            cursor.insertBlock(block)
        stripped_start = pos + (len(line) - len(line.lstrip()))
        fmt = dim if stripped_start in repeated else normal
        cursor.insertText(line, fmt)
        pos += len(line) + 1
    return doc


class DocumentPane(QWidget):
    """Title, outlet and date above the article text."""

    def __init__(self, parent: Any = None, point_size: int = 15) -> None:
        super().__init__(parent)
        self.point_size = point_size
        self.title = QLabel()
        self.title.setWordWrap(True)
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.title.setFont(reading_font(point_size + 5))
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.meta = QLabel()
        self.meta.setTextFormat(Qt.TextFormat.PlainText)
        self.browser = QTextBrowser()
        self.browser.setOpenLinks(False)
        self.browser.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(self.title)
        layout.addWidget(self.meta)
        layout.addWidget(self.browser, 1)
        self.detail: DocumentDetail | None = None
        self.show_placeholder()

    def show_placeholder(self) -> None:
        self.detail = None
        self.title.setText(self.tr("No document selected"))
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.meta.clear()
        self.browser.clear()

    def show_document(self, detail: DocumentDetail) -> None:
        self.detail = detail
        row = detail.row
        align = Qt.AlignmentFlag.AlignRight if is_rtl(row.title) else Qt.AlignmentFlag.AlignLeft
        self.title.setText(row.title)
        self.title.setAlignment(align | Qt.AlignmentFlag.AlignAbsolute)
        parts = [
            row.outlet or self.tr("Outlet unknown"),
            row.published.isoformat() if row.published else self.tr("Date unknown"),
            self.tr("{0} words").format(row.word_count),
        ]
        self.meta.setText("  ·  ".join(parts))
        self.meta.setAlignment(align | Qt.AlignmentFlag.AlignAbsolute)
        self.browser.setDocument(build_document(detail, self.point_size))
        self.browser.document().setParent(self.browser)
