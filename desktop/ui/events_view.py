"""Events across the corpus, in date order: a table that opens each event's article.

The table reads the store a page at a time (:meth:`Store.event_page`), sorted and filtered
by the store, and only once the view is first shown: a corpus of 30,000 articles holds
over half a million events, too many to build as rows or sort in the view.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any, ClassVar, Protocol

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.lexicon.framing import EVENT_TYPES
from desktop.store.rows import DocumentRow, EventRow
from desktop.store.store import Store
from desktop.store.views import EventPage, EventSort
from desktop.ui.bidi import OwnDirectionDelegate, window_leading
from desktop.ui.columns import content_width, header_text_width, sample_rows_only
from desktop.ui.names import row_outlet
from desktop.ui.palette import event_type_name
from desktop.ui.table_model import KeysetPagedModel
from desktop.ui.workers import TaskRunner

DocIdRole = Qt.ItemDataRole.UserRole + 1
OffsetRole = Qt.ItemDataRole.UserRole + 2
SortRole = Qt.ItemDataRole.UserRole + 3
_Index = QModelIndex | QPersistentModelIndex
_FAR = dt.date(9999, 12, 31)

#: events read from the store each time the view needs more rows
PAGE_SIZE = 500
#: column widths (date, type, trigger, participants, place, outlet) until the rows are
#: read; participants stretches. Then each column other than the participants is as wide
#: as the rows in view and its header need (:meth:`_EventsTable.fit_to_contents`: the
#: first rows, not every row), between its least and its most.
COLUMN_WIDTHS = (90, 95, 120, 260, 90, 100)
#: the most a column is widened to its contents: an undated event's words («—  «الثلاثاء
#: الماضي»»), an outlet's name («Al-Jazirah (Saudi Arabia)»), a trigger (its tooltip
#: shows a longer one whole)
COLUMN_MOST = (180, 140, 160, 0, 120, 170)
#: the participants' least width until the header is measured: in a narrower view the
#: other columns give up room (at 1280 × 720 the participants had 35 pixels, «ticipa» in
#: their header); then the width of their header, as the style draws it
PARTICIPANTS_MIN = 90
_PARTICIPANTS = 3
_OTHERS = (0, 1, 2, 4, 5)
#: the columns that give up their room first: the trigger (its tooltip shows it whole)
#: and the place (mostly «—» or a city's name)
_GIVE_FIRST = (2, 4)
#: the least each other column shrinks to (a date whole: «2011-12-27»); the trigger's
#: and the place's, once the header is measured, the width of their header
COLUMN_MINIMUMS = (84, 64, 72, PARTICIPANTS_MIN, 48, 64)


class _EventsTable(QTableView):
    """The events table: its columns as wide as the rows in view need; as it narrows,
    the trigger and the place give up room first, then the other columns shrink in proportion,
    down to a readable least, so that the participants keep ``PARTICIPANTS_MIN`` pixels;
    as it widens, they grow back to their widths."""

    def __init__(self) -> None:
        super().__init__()
        self._scaled = False
        #: the width each column other than the participants has when there is room
        self.wanted = {c: COLUMN_WIDTHS[c] for c in _OTHERS}
        #: the least width of each column other than the participants, and theirs
        self.least = {c: COLUMN_MINIMUMS[c] for c in _OTHERS}
        self.participants_least = PARTICIPANTS_MIN
        #: the columns the user gave a width of their own: not fitted to the rows again
        self.dragged: set[int] = set()
        self._fitting = True  # the widths set before the view is shown are its own
        self.horizontalHeader().sectionResized.connect(self._resized)

    def _resized(self, column: int, _old: int, new: int) -> None:
        if not self._fitting and column in self.wanted:
            self.dragged.add(column)
            self.wanted[column] = new

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit_columns(self.viewport().width())

    def fit_to_contents(self) -> None:
        """Each column other than the participants as wide as its header and the rows
        in view (a sample: :func:`sample_rows_only`), within its least and its most;
        then fitted to the view's width."""
        if self.model() is None or self.model().rowCount() == 0:
            return
        # the columns that give up room first, and the participants, down to their
        # header as the theme draws it (the dark theme's headers are wider): a fixed
        # least kept the trigger wider than its header while every other column was cut
        # a few pixels short, «Ceasefi…», «(unknow…»
        self.least = {
            c: header_text_width(self, c) if c in _GIVE_FIRST else COLUMN_MINIMUMS[c]
            for c in _OTHERS
        }
        self.participants_least = header_text_width(self, _PARTICIPANTS)
        self.wanted = {
            c: self.wanted[c]
            if c in self.dragged
            else min(max(content_width(self, c), COLUMN_MINIMUMS[c]), COLUMN_MOST[c])
            for c in _OTHERS
        }
        self._scaled = True  # set them, whatever they were
        self.fit_columns(self.viewport().width())

    def fit_columns(self, width: int) -> None:
        widths = fitted_widths(width - self.participants_least, self.wanted, self.least)
        narrowed = widths != self.wanted
        # else the widths as set, or as the user dragged them
        if narrowed or self._scaled:
            header = self.horizontalHeader()
            self._fitting = True
            for c, w in widths.items():
                header.resizeSection(c, w)
            self._scaled = narrowed
        self._fitting = False


def fitted_widths(
    room: int, wanted: Mapping[int, int] | None = None, least: Mapping[int, int] | None = None
) -> dict[int, int]:
    """The widths of the columns other than the participants within ``room`` pixels:
    those ``wanted`` (default: ``COLUMN_WIDTHS``) when they fit; else the trigger and
    the place give up their room first, then all shrink in proportion, none below its
    ``least`` (default: ``COLUMN_MINIMUMS``)."""
    widths = dict(wanted) if wanted is not None else {c: COLUMN_WIDTHS[c] for c in _OTHERS}
    lows = dict(least) if least is not None else {c: COLUMN_MINIMUMS[c] for c in _OTHERS}
    over = sum(widths.values()) - room
    if over <= 0:
        return widths
    for c in _GIVE_FIRST:
        given = min(max(0, over), max(0, widths[c] - lows[c]))
        widths[c] -= given
        over -= given
    at_least: set[int] = set()
    while True:
        free = [c for c in widths if c not in at_least]
        left = room - sum(lows[c] for c in at_least)
        base = sum(widths[c] for c in free)
        scale = min(1.0, max(0, left) / base) if base else 1.0
        short = {c for c in free if widths[c] * scale < lows[c]}
        if not short:
            return {c: lows[c] if c in at_least else int(widths[c] * scale) for c in widths}
        at_least |= short


class EventSource(Protocol):
    """Where an :class:`EventsModel` reads its events (a :class:`Store`)."""

    def event_count(self, *, type: str | None = None) -> int: ...

    def event_page(
        self,
        *,
        type: str | None = None,
        sort: EventSort = "date",
        descending: bool = False,
        after: tuple[str, int] | None = None,
        limit: int = 200,
    ) -> EventPage: ...


class EventsModel(KeysetPagedModel):
    """Events and their documents. Either a fixed list (:meth:`set_rows`) or the events of
    a store (:meth:`load`), fetched a page at a time as the view scrolls
    (``canFetchMore`` / ``fetchMore``) and sorted by the store (:meth:`sort`)."""

    COLUMNS = ("date", "type", "trigger", "participants", "place", "outlet")
    #: the columns the store orders by; participants has no order of its own
    SORTS: ClassVar[Mapping[int, EventSort]] = {
        0: "date",
        1: "type",
        2: "trigger",
        4: "place",
        5: "outlet",
    }

    def __init__(self, parent: Any = None, page_size: int = PAGE_SIZE) -> None:
        super().__init__(parent)
        self._rows: list[tuple[EventRow, DocumentRow]] = []
        self._headers = {
            "date": self.tr("Date"),
            "type": self.tr("Type"),
            "trigger": self.tr("Trigger"),
            "participants": self.tr("Participants"),
            "place": self.tr("Place"),
            "outlet": self.tr("Outlet"),
        }
        self.page_size = max(1, page_size)
        self._source: EventSource | None = None
        self._event_type: str | None = None
        self._sort_column = 0
        self._order = Qt.SortOrder.AscendingOrder
        self._total = 0

    # ---- what is shown -------------------------------------------------------------------
    def set_rows(self, rows: list[tuple[EventRow, DocumentRow]]) -> None:
        """Show exactly these rows (no store behind them)."""
        self.beginResetModel()
        self._source, self._after = None, None
        self._rows = list(rows)
        self._total = len(self._rows)
        self.endResetModel()

    def load(
        self,
        source: EventSource,
        *,
        event_type: str | None = None,
        column: int = 0,
        order: Qt.SortOrder = Qt.SortOrder.AscendingOrder,
    ) -> None:
        """Show the events of ``source`` (of ``event_type``, in the order of ``column``):
        its first page now, more as the view scrolls."""
        self._source = source
        self._event_type = event_type or None
        if column in self.SORTS:
            self._sort_column, self._order = column, order
        self._reload()

    @property
    def loaded(self) -> bool:
        return self._source is not None

    @property
    def total(self) -> int:
        """How many events match (all pages, fetched or not)."""
        return self._total

    def event_at(self, row: int) -> EventRow:
        return self._rows[row][0]

    def document_at(self, row: int) -> DocumentRow:
        return self._rows[row][1]

    @property
    def event_type(self) -> str | None:
        return self._event_type

    def set_event_type(self, event_type: str | None) -> None:
        """Only events of this type (None: all); re-read when a store is loaded."""
        event_type = event_type or None
        if event_type == self._event_type:
            return
        self._event_type = event_type
        if self._source is not None:
            self._reload()

    def sort_order(self) -> tuple[int, Qt.SortOrder]:
        return self._sort_column, self._order

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Order by a column the store can sort by (others are ignored)."""
        if column not in self.SORTS or (column, order) == (self._sort_column, self._order):
            return
        self._sort_column, self._order = column, order
        if self._source is not None:
            self._reload()

    def _reload(self) -> None:
        source = self._source
        assert source is not None
        self.beginResetModel()
        self._rows, self._after = [], None
        self._total = source.event_count(type=self._event_type)
        self._append(self._page(source, None))
        self.endResetModel()

    def _page(self, source: EventSource, after: tuple[str, int] | None) -> EventPage:
        return source.event_page(
            type=self._event_type,
            sort=self.SORTS[self._sort_column],
            descending=self._order == Qt.SortOrder.DescendingOrder,
            after=after,
            limit=self.page_size,
        )

    def _append(self, page: EventPage) -> None:
        self._rows.extend(page.rows)
        self._after = page.after

    def _can_page(self) -> bool:
        return self._source is not None

    def _next_page(self) -> EventPage:
        assert self._source is not None
        return self._page(self._source, self._after)

    # ---- cells ---------------------------------------------------------------------------
    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        event, doc = self._rows[index.row()]
        col = self.COLUMNS[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, SortRole):
            if col == "date":
                if role == SortRole:
                    return (event.date or doc.published or _FAR).isoformat()
                if event.date:
                    return event.date.isoformat()
                # the date it is ordered by (its article's, or none), then the words of
                # the text that could not be placed in time («الأربعاء» in an undated one)
                shown = doc.published.isoformat() if doc.published else "—"
                return f"{shown}  «{event.date_text}»" if event.date_text else shown
            if col == "type":
                return event_type_name(event.type)
            if col == "trigger":
                return event.shown_trigger
            if col == "participants":
                return "، ".join(n for _i, n, _t in event.participants)
            if col == "place":
                return event.place_name or "—"
            return row_outlet(doc) or self.tr("(unknown)")
        if role == Qt.ItemDataRole.ToolTipRole:
            if col == "date":
                return f"{doc.title}\n{self._date_note(event, doc)}"
            if col == "trigger":  # the words a narrow column cuts («ومن المقرر أن تعقد…»)
                return f"{event.shown_trigger}\n{doc.title}"
            if col == "participants" and event.participants:
                return "، ".join(n for _i, n, _t in event.participants) + f"\n{doc.title}"
            return doc.title
        if role == Qt.ItemDataRole.TextAlignmentRole and col == "date":
            # a column of dates and undated events' words («—  «الأربعاء»») all at the
            # window's leading edge: Arabic words went to the other edge, laid out (as
            # they should be) right to left
            return window_leading()
        if role == DocIdRole:
            return event.document_id
        if role == OffsetRole:
            return event.start
        return None

    def _date_note(self, event: EventRow, doc: DocumentRow) -> str:
        """Where the date shown comes from."""
        if event.date:
            if event.date_text:
                return self.tr("The date the text gives: «{0}»").format(event.date_text)
            return self.tr("The date the text gives")
        if doc.published:
            return self.tr("The article's date: the text gives no date of its own")
        if event.date_text:
            return self.tr(
                "Undated: the article has no date to place «{0}» in time; undated events come last"
            ).format(event.date_text)
        return self.tr("Undated: undated events come last")


class EventsView(QWidget):
    """The events table. It reads the store when first shown, and again when shown after
    :meth:`refresh` (an import, an analysis or an entity edit) marked it out of date."""

    open_document = Signal(int, int)

    def __init__(self, store: Store, runner: TaskRunner, parent: Any = None) -> None:
        super().__init__(parent)
        self.store = store
        self.runner = runner
        self._stale = True
        self.model = EventsModel(self)
        self.type_combo = QComboBox()
        self.type_combo.addItem(self.tr("All event types"), "")
        for t in EVENT_TYPES:
            self.type_combo.addItem(event_type_name(t), t)
        self.type_combo.currentIndexChanged.connect(self._type_chosen)
        self.view = _EventsTable()
        self.view.setItemDelegate(OwnDirectionDelegate(self.view))
        self.view.setObjectName("eventsTable")
        self.view.setModel(self.model)
        sample_rows_only(self.view)
        # the columns fitted to the rows in view as the events are read (or sorted,
        # or filtered)
        self.model.modelReset.connect(self.view.fit_to_contents)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setWordWrap(False)
        self.view.verticalHeader().hide()
        self.view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for column, width in enumerate(COLUMN_WIDTHS):
            header.resizeSection(column, width)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        # the store sorts (EventsModel.sort); nothing is read before the view is shown
        header.setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        self.view.setSortingEnabled(True)
        header.sortIndicatorChanged.connect(self._sort_indicator_changed)
        self.view.doubleClicked.connect(self._open)
        self.count = QLabel()
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Events by date, undated last (double-click to read)")), 1)
        top.addWidget(self.type_combo)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.count)

    @property
    def stale(self) -> bool:
        """True until the view has read the store since it was last marked out of date."""
        return self._stale

    def refresh(self) -> None:
        """The store changed: read it now if the view is shown, else when it is shown."""
        self._stale = True
        if self.isVisible():
            self._load()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self._load()

    def _load(self) -> None:
        self._stale = False
        header = self.view.horizontalHeader()
        column, order = header.sortIndicatorSection(), header.sortIndicatorOrder()
        if column not in EventsModel.SORTS:  # e.g. a restored header state
            column, order = 0, Qt.SortOrder.AscendingOrder
            header.setSortIndicator(column, order)
        self.model.load(
            self.store,
            event_type=self.type_combo.currentData() or None,
            column=column,
            order=order,
        )
        self._show_count()

    def _type_chosen(self, _index: int) -> None:
        self.model.set_event_type(self.type_combo.currentData() or None)
        if self.model.loaded:
            self._show_count()

    def _sort_indicator_changed(self, column: int, _order: Qt.SortOrder) -> None:
        if column not in EventsModel.SORTS:  # not sortable: show the order in force
            self.view.horizontalHeader().setSortIndicator(*self.model.sort_order())

    def _show_count(self) -> None:
        self.count.setText(self.tr("{0} events").format(f"{self.model.total:,}"))

    def _open(self, index: QModelIndex) -> None:
        self.open_document.emit(int(index.data(DocIdRole)), int(index.data(OffsetRole)))
