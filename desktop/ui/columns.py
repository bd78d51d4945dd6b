"""How wide a table's (or a tree's) column needs to be to show its header and the cells
in view whole. Measured on the rows in view and a few more (a sample, never the whole
model: the library's and the events' tables read their rows a page at a time as they
scroll)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QObject, QSize, Qt, QTimer
from PySide6.QtWidgets import QHeaderView, QStyle, QStyleOptionHeader, QTableView, QTreeView

#: rows measured to size a column to its contents (less than a page of a paged model)
SAMPLE_ROWS = 64

#: a view whose columns are fitted: a table, or a tree (the entities)
ColumnsView = QTableView | QTreeView


def columns_header(view: ColumnsView) -> QHeaderView:
    """The header above a table's or a tree's columns."""
    return view.horizontalHeader() if isinstance(view, QTableView) else view.header()


def sample_rows_only(view: ColumnsView) -> None:
    """Columns (and rows) sized to their contents measure the rows in view and a few
    more, not Qt's default of 1000 (four pages of the library, read on every reset)."""
    columns_header(view).setResizeContentsPrecision(SAMPLE_ROWS)
    if isinstance(view, QTableView):
        view.verticalHeader().setResizeContentsPrecision(SAMPLE_ROWS)


def header_text_width(view: ColumnsView, column: int) -> int:
    """The room a column's header takes to show its title whole, and its sort arrow
    when the table is sorted by that column, as the style lays it out (the dark theme's
    headers have a font and margins of their own)."""
    header = columns_header(view)
    option = QStyleOptionHeader()
    option.initFrom(header)
    option.section = column
    option.orientation = Qt.Orientation.Horizontal
    option.text = str(view.model().headerData(column, Qt.Orientation.Horizontal) or "")
    if header.isSortIndicatorShown() and header.sortIndicatorSection() == column:
        option.sortIndicator = QStyleOptionHeader.SortIndicator.SortDown
    size = header.style().sizeFromContents(
        QStyle.ContentsType.CT_HeaderSection, option, QSize(), header
    )
    return max(size.width(), header.fontMetrics().horizontalAdvance(option.text) + 8)


def content_width(view: ColumnsView, column: int) -> int:
    """As wide as the widest of the rows in view (a sample of at most the header's
    precision, :func:`sample_rows_only`) and the header's title."""
    return max(view.sizeHintForColumn(column), header_text_width(view, column))


class FittedColumns(QObject):
    """Sizes a view's short columns to what they hold, the first of them (the library's
    outlet, a quotation's document) to at most ``share`` of the view's width, and leaves
    the rest to the stretched column (the title, the quotation, an entity's name). With
    ``keep``, the first column may take more than its share, up to what leaves ``keep``
    of the width to the stretched column once the others have theirs (the library's
    longest outlets, «Al-Jazirah (Saudi Arabia)», show whole while the titles keep a
    sixth of the table). Qt's own sizing to contents counts each header as wide as its
    text plus room for a sort arrow: four such columns were wider than a dock, so the
    word counts were cut off at its edge and long outlet names («Hawar News (ANHA)»)
    squeezed the titles to a letter or two. Measured again when the rows or the sorted
    column change, fitted again when the view is resized; a column the user dragged
    keeps the width given it."""

    def __init__(
        self,
        view: ColumnsView,
        columns: list[int],
        share: float = 1.0,
        keep: float | None = None,
    ) -> None:
        super().__init__(view)
        self.view, self.columns, self.share, self.keep = view, columns, share, keep
        self._natural: dict[int, int] = {}
        #: the columns the user gave a width of their own, no longer fitted
        self.dragged: set[int] = set()
        self._fitting = False
        #: rows came in since the columns were measured
        self._pending = False
        header = columns_header(view)
        header.sectionResized.connect(self._resized)
        for column in columns:
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
        view.viewport().installEventFilter(self)
        model = view.model()
        model.modelReset.connect(self._remeasure)
        model.layoutChanged.connect(self._remeasure)
        # rows read a page at a time come in several batches at once (the entity list
        # expanding each type): measured once they are all in
        model.rowsInserted.connect(self._remeasure_soon)
        model.headerDataChanged.connect(self._remeasure)
        # the same documents read again (an outlet renamed, an analysis ended)
        model.dataChanged.connect(self._remeasure)
        # the sorted column's header has its arrow to make room for
        header.sortIndicatorChanged.connect(self._remeasure)

    def _remeasure(self, *_args: Any) -> None:
        self._pending = False
        self._natural.clear()
        self.fit()

    def _remeasure_soon(self, *_args: Any) -> None:
        if not self._pending:
            self._pending = True
            QTimer.singleShot(0, self, self._measure_pending)

    def _measure_pending(self) -> None:
        if self._pending:  # not measured meanwhile (a reset)
            self._remeasure()

    def natural_width(self, column: int) -> int:
        """As wide as the widest of the rows measured and the header's text."""
        if column not in self._natural:
            self._natural[column] = content_width(self.view, column)
        return self._natural[column]

    def _resized(self, column: int, _old: int, _new: int) -> None:
        if not self._fitting and column in self.columns:
            self.dragged.add(column)

    def cap(self) -> int:
        """The most the first column is given: its share of the width, or what leaves
        the stretched column ``keep`` of it, whichever is more."""
        header = columns_header(self.view)
        width = self.view.viewport().width()
        cap = int(width * self.share)
        if self.keep is not None:
            others = sum(
                header.sectionSize(c) if c in self.dragged else self.natural_width(c)
                for c in self.columns[1:]
            )
            cap = max(cap, width - others - int(width * self.keep))
        return max(header.minimumSectionSize(), cap)

    def fit(self) -> None:
        header = columns_header(self.view)
        first, *rest = self.columns
        self._fitting = True
        try:
            if first not in self.dragged:
                header.resizeSection(first, min(self.natural_width(first), self.cap()))
            for column in rest:
                if column not in self.dragged:
                    header.resizeSection(column, self.natural_width(column))
        finally:
            self._fitting = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self.fit()
        return False
