"""How wide a table's column needs to be to show its header and the cells in view
whole. Measured on the rows in view and a few more (a sample, never the whole model: the
library's and the events' tables read their rows a page at a time as they scroll)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTableView

#: rows measured to size a column to its contents (less than a page of a paged model)
SAMPLE_ROWS = 64
#: room around a header's text (its margins)
HEADER_PADDING = 16


def sample_rows_only(view: QTableView) -> None:
    """Columns (and rows) sized to their contents measure the rows in view and a few
    more, not Qt's default of 1000 (four pages of the library, read on every reset)."""
    view.horizontalHeader().setResizeContentsPrecision(SAMPLE_ROWS)
    view.verticalHeader().setResizeContentsPrecision(SAMPLE_ROWS)


def header_text_width(view: QTableView, column: int) -> int:
    """The room a column's header takes to show its title whole, and its sort arrow
    when the table is sorted by that column."""
    header = view.horizontalHeader()
    title = str(view.model().headerData(column, Qt.Orientation.Horizontal) or "")
    width = header.fontMetrics().horizontalAdvance(title) + HEADER_PADDING
    if header.isSortIndicatorShown() and header.sortIndicatorSection() == column:
        width += header.fontMetrics().height()  # the arrow, as wide as a line is high
    return width


def content_width(view: QTableView, column: int) -> int:
    """As wide as the widest of the rows in view (a sample of at most the header's
    precision, :func:`sample_rows_only`) and the header's title."""
    return max(view.sizeHintForColumn(column), header_text_width(view, column))
