"""Printing an HTML report to PDF with Qt's text engine, which shapes Arabic correctly.

Qt's rich text reads ``dir="rtl"`` (each paragraph and table takes it from <html>) but
does less with it than a browser: a right-to-left table keeps its first column on the
left, and CSS ``text-align: right`` becomes Qt's "right", which a right-to-left paragraph
mirrors to the left. The document is put right after it is read, so that the PDF reads
as the same HTML does in a browser."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMarginsF, QSizeF, Qt
from PySide6.QtGui import (
    QGuiApplication,
    QPageLayout,
    QPageSize,
    QPdfWriter,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextDocumentFragment,
    QTextFormat,
    QTextFrame,
    QTextTable,
)

from desktop.ui.fonts import READING_FAMILY, register_fonts

#: the PDF's pages: A4, 15 mm margins, drawn at 96 dots an inch
PAGE = QPageLayout(
    QPageSize(QPageSize.PageSizeId.A4),
    QPageLayout.Orientation.Portrait,
    QMarginsF(15, 15, 15, 15),
    QPageLayout.Unit.Millimeter,
)
RESOLUTION = 96


def html_to_pdf(html: str, path: Path) -> None:
    """Write ``html`` as an A4 PDF (a Qt application is created if none exists)."""
    # the command line has no window: drawn offscreen, with or without a display
    app = QGuiApplication.instance() or QGuiApplication(["tabayun", "-platform", "offscreen"])
    assert app is not None
    writer = QPdfWriter(str(path))
    writer.setPageLayout(PAGE)
    writer.setResolution(RESOLUTION)
    report_document(html, page_size()).print_(writer)


def page_size() -> QSizeF:
    """What a page holds, in the pixels the report is laid out in."""
    return QSizeF(PAGE.paintRectPixels(RESOLUTION).size())


def report_document(html: str, page: QSizeF) -> QTextDocument:
    """``html`` read by Qt and laid out on pages of ``page`` size, right to left where
    the HTML says so (the reading font registered first)."""
    register_fonts()
    doc = QTextDocument()
    doc.setDefaultFont(doc.defaultFont())
    doc.setDefaultStyleSheet(f"body {{ font-family: '{READING_FAMILY}'; }}")
    doc.setUndoRedoEnabled(False)
    doc.setHtml(html)
    for table in _tables(doc.rootFrame()):
        if table.format().layoutDirection() == Qt.LayoutDirection.RightToLeft:
            _mirror(table)
    _physical_alignment(doc)
    doc.setPageSize(page)
    return doc


def _tables(frame: QTextFrame) -> list[QTextTable]:
    """The tables in ``frame``, one nested in a cell before the table holding it (which
    then moves it, already mirrored, with its cell)."""
    found: list[QTextTable] = []
    for child in frame.childFrames():
        found.extend(_tables(child))
        if isinstance(child, QTextTable):
            found.append(child)
    return found


def _cell_cursor(table: QTextTable, row: int, column: int) -> QTextCursor:
    """A cursor selecting everything in the cell."""
    cell = table.cellAt(row, column)
    cursor = cell.firstCursorPosition()
    cursor.setPosition(cell.lastCursorPosition().position(), QTextCursor.MoveMode.KeepAnchor)
    return cursor


def _mirror(table: QTextTable) -> None:
    """Put the table's first column on the right: each cell, with its spans, format and
    contents, moves to the mirror of its place."""
    columns = table.columns()
    cells: list[
        tuple[int, int, int, int, QTextCharFormat, QTextBlockFormat, QTextDocumentFragment]
    ] = []
    for row in range(table.rows()):
        for column in range(columns):
            cell = table.cellAt(row, column)
            if (cell.row(), cell.column()) != (row, column):
                continue  # covered by a span that starts elsewhere
            cursor = _cell_cursor(table, row, column)
            # the first paragraph's format (alignment, direction) stays with the cell
            # when its contents are copied: it is carried over by hand
            first = cell.firstCursorPosition().blockFormat()
            cells.append(
                (
                    row,
                    column,
                    cell.rowSpan(),
                    cell.columnSpan(),
                    cell.format(),
                    first,
                    cursor.selection(),
                )
            )
    for row, column, rows, spanned, *_ in cells:
        if rows > 1 or spanned > 1:
            table.splitCell(row, column, 1, 1)
    for row in range(table.rows()):
        for column in range(columns):
            _cell_cursor(table, row, column).removeSelectedText()
    for row, column, rows, spanned, fmt, first, content in cells:
        mirrored = columns - column - spanned
        if rows > 1 or spanned > 1:
            table.mergeCells(row, mirrored, rows, spanned)
        cell = table.cellAt(row, mirrored)
        cell.setFormat(fmt)
        cursor = cell.firstCursorPosition()
        cursor.setBlockFormat(first)
        cursor.insertFragment(content)


def _physical_alignment(doc: QTextDocument) -> None:
    """HTML's left and right are the page's; Qt reads them as a paragraph's start and end,
    which a right-to-left paragraph mirrors (a cell set to the right had its lines on the
    left)."""
    physical = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignRight
    block = doc.begin()
    while block.isValid():
        fmt = block.blockFormat()
        align = fmt.alignment()
        if (
            fmt.hasProperty(QTextFormat.Property.BlockAlignment)
            and align & physical
            and not align & Qt.AlignmentFlag.AlignAbsolute
        ):
            fmt.setAlignment(align | Qt.AlignmentFlag.AlignAbsolute)
            QTextCursor(block).setBlockFormat(fmt)
        block = block.next()
