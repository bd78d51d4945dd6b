"""Events across the corpus, in date order: a table that opens each event's article."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import (
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
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
from desktop.ui.palette import event_type_name
from desktop.ui.table_model import ColumnsTableModel
from desktop.ui.workers import TaskRunner

DocIdRole = Qt.ItemDataRole.UserRole + 1
OffsetRole = Qt.ItemDataRole.UserRole + 2
SortRole = Qt.ItemDataRole.UserRole + 3
_Index = QModelIndex | QPersistentModelIndex
_FAR = dt.date(9999, 12, 31)


class EventsModel(ColumnsTableModel):
    COLUMNS = ("date", "type", "trigger", "participants", "place", "outlet")

    def __init__(self, parent: Any = None) -> None:
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

    def set_rows(self, rows: list[tuple[EventRow, DocumentRow]]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

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
                return event.date_text or (doc.published.isoformat() if doc.published else "—")
            if col == "type":
                return event_type_name(event.type)
            if col == "trigger":
                return event.trigger
            if col == "participants":
                return "، ".join(n for _i, n, _t in event.participants)
            if col == "place":
                return event.place_name or "—"
            return doc.outlet or self.tr("(unknown)")
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{doc.title}\n{event.details}" if event.details else doc.title
        if role == DocIdRole:
            return event.document_id
        if role == OffsetRole:
            return event.start
        return None


class EventsView(QWidget):
    open_document = Signal(int, int)

    def __init__(self, store: Store, runner: TaskRunner, parent: Any = None) -> None:
        super().__init__(parent)
        self.store = store
        self.runner = runner
        self.model = EventsModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SortRole)
        self.proxy.setFilterKeyColumn(1)
        self.type_combo = QComboBox()
        self.type_combo.addItem(self.tr("All event types"), "")
        for t in EVENT_TYPES:
            self.type_combo.addItem(event_type_name(t), t)
        self.type_combo.currentIndexChanged.connect(
            lambda _i: self.proxy.setFilterFixedString(
                event_type_name(self.type_combo.currentData() or "")
                if self.type_combo.currentData()
                else ""
            )
        )
        self.view = QTableView()
        self.view.setObjectName("eventsTable")
        self.view.setModel(self.proxy)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.verticalHeader().hide()
        self.view.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.view.doubleClicked.connect(self._open)
        self.count = QLabel()
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Events in date order (double-click to read)")), 1)
        top.addWidget(self.type_combo)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.count)

    def refresh(self) -> None:
        docs = {r.id: r for r in self.store.documents()}
        rows = [(e, docs[e.document_id]) for e in self.store.events_for() if e.document_id in docs]
        self.model.set_rows(rows)
        self.count.setText(self.tr("{0} events").format(len(rows)))

    def _open(self, index: QModelIndex) -> None:
        self.open_document.emit(int(index.data(DocIdRole)), int(index.data(OffsetRole)))
