"""The library's table of documents: one row per document, the rows fetched a page at a
time (only the ordered ids are held), and the search results."""

from __future__ import annotations

import datetime as dt
import html
from collections import OrderedDict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from PySide6.QtCore import (
    QAbstractListModel,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from desktop.search import SearchHit
from desktop.store.paging import DocumentSort
from desktop.store.rows import DocumentRow
from desktop.store.store import Store
from desktop.ui.names import row_outlet
from desktop.ui.table_model import ColumnsTableModel

DocIdRole = Qt.ItemDataRole.UserRole + 1
SortRole = Qt.ItemDataRole.UserRole + 2
SnippetHtmlRole = Qt.ItemDataRole.UserRole + 3
OffsetRole = Qt.ItemDataRole.UserRole + 4
DOCUMENT_MIME = "application/x-tabayun-document"
_Index = QModelIndex | QPersistentModelIndex


def is_rtl(text: str) -> bool:
    """True when the first strong character is Arabic (or another RTL script)."""
    for ch in text:
        if "\u0590" <= ch <= "\u08ff" or "\ufb1d" <= ch <= "\ufefc":
            return True
        if ch.isalpha():
            return False
    return False


#: documents fetched per query when the view asks for a row not at hand
PAGE_SIZE = 256
#: fetched pages kept (least recently used dropped first): 32 × 256 rows
MAX_PAGES = 32

_COLUMN_SORTS: dict[str, DocumentSort] = {
    "title": "title",
    "outlet": "outlet",
    "date": "date",
    "words": "words",
}


class DocumentSource(Protocol):
    """Where a :class:`DocumentTableModel` gets its documents from."""

    def ids(self, sort: DocumentSort, descending: bool) -> list[int]:
        """Every document's id, in this order."""
        ...

    def rows(self, ids: Sequence[int]) -> list[DocumentRow]:
        """The rows of these documents (those that still exist)."""
        ...


@dataclass(frozen=True)
class StoreDocuments:
    """The documents of a store that pass the library's filters."""

    store: Store
    outlet_id: int | None = None
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    mentioning: tuple[int, ...] | None = None
    only: tuple[int, ...] | None = None

    def ids(self, sort: DocumentSort, descending: bool) -> list[int]:
        return self.store.document_ids(
            outlet_id=self.outlet_id,
            date_from=self.date_from,
            date_to=self.date_to,
            mentioning=self.mentioning,
            ids=self.only,
            sort=sort,
            descending=descending,
        )

    def rows(self, ids: Sequence[int]) -> list[DocumentRow]:
        return self.store.document_rows(ids)


def _missing_first(value: Any) -> tuple[bool, Any]:
    return (value is not None, value if value is not None else 0)


class RowsDocuments:
    """Documents already at hand (a short list); sorted like the store sorts them."""

    def __init__(self, rows: Sequence[DocumentRow]) -> None:
        self._rows = {r.id: r for r in rows}
        self._order = [r.id for r in rows]

    def ids(self, sort: DocumentSort, descending: bool) -> list[int]:
        if sort == "id":
            return sorted(self._order, reverse=descending)
        value = {
            "title": lambda r: r.title,
            "outlet": lambda r: r.outlet,
            "date": lambda r: r.published,
            "words": lambda r: r.word_count,
        }[sort]
        rows = sorted(self._rows.values(), key=lambda r: r.id)
        rows.sort(key=lambda r: _missing_first(value(r)))
        return [r.id for r in (reversed(rows) if descending else rows)]

    def rows(self, ids: Sequence[int]) -> list[DocumentRow]:
        return [self._rows[i] for i in ids if i in self._rows]


class DocumentTableModel(ColumnsTableModel):
    """Holds the ordered ids of the documents only; their rows are fetched from the
    source a page at a time when the view asks for them, and a bounded number of pages
    is kept. Sorting asks the source for the ids in the new order."""

    COLUMNS = ("title", "outlet", "date", "words")

    def __init__(
        self, parent: Any = None, *, page_size: int = PAGE_SIZE, max_pages: int = MAX_PAGES
    ) -> None:
        super().__init__(parent)
        self.page_size = page_size
        self.max_pages = max_pages
        self._source: DocumentSource | None = None
        self._ids: list[int] = []
        self._positions: dict[int, int] | None = None
        #: page number → its rows (None: the document is gone from the store)
        self._pages: OrderedDict[int, list[DocumentRow | None]] = OrderedDict()
        self._sort_column = -1
        self._sort_order = Qt.SortOrder.AscendingOrder
        #: pages fetched from the source since the model was made
        self.pages_fetched = 0
        self._headers = {
            "title": self.tr("Title"),
            "outlet": self.tr("Outlet"),
            "date": self.tr("Date"),
            "words": self.tr("Words"),
        }

    # ---- content ----------------------------------------------------------------------
    def set_source(self, source: DocumentSource) -> None:
        """Show the documents of ``source`` in the current sort order. When they are the
        same documents in the same order as now, only their rows are refetched
        (``dataChanged``: the selection and the scroll position stay)."""
        ids = source.ids(*self._sort_key())
        self._source = source
        if ids == self._ids and ids:
            self.refresh_rows()
            return
        self.beginResetModel()
        self._ids = ids
        self._positions = None
        self._pages.clear()
        self.endResetModel()

    def set_query(
        self,
        store: Store,
        *,
        outlet_id: int | None = None,
        date_from: dt.date | None = None,
        date_to: dt.date | None = None,
        mentioning: Sequence[int] | None = None,
        only: Sequence[int] | None = None,
    ) -> None:
        """Show the store's documents that pass these filters (``mentioning``: one of
        these entities; ``only``: these ids)."""
        self.set_source(
            StoreDocuments(
                store,
                outlet_id,
                date_from,
                date_to,
                tuple(mentioning) if mentioning is not None else None,
                tuple(only) if only is not None else None,
            )
        )

    def set_rows(self, rows: Sequence[DocumentRow]) -> None:
        """Show rows already at hand."""
        self.set_source(RowsDocuments(rows))

    def refresh_rows(self, ids: Iterable[int] | None = None) -> None:
        """The rows of these documents (None: all) may have changed in the store: drop
        them and tell the views."""
        if not self._ids:
            return
        if ids is None:
            self._pages.clear()
            first, last = 0, len(self._ids) - 1
        else:
            rows = [r for r in (self.row_for_id(i) for i in ids) if r is not None]
            if not rows:
                return
            for page in {r // self.page_size for r in rows}:
                self._pages.pop(page, None)
            first, last = min(rows), max(rows)
        self.dataChanged.emit(self.index(first, 0), self.index(last, len(self.COLUMNS) - 1), [])

    def row_for_id(self, doc_id: int) -> int | None:
        if self._positions is None:
            self._positions = {d: i for i, d in enumerate(self._ids)}
        return self._positions.get(doc_id)

    def document_id(self, row: int) -> int:
        return self._ids[row]

    def document_ids(self) -> list[int]:
        """Every document's id, in the order shown."""
        return list(self._ids)

    def document(self, row: int) -> DocumentRow:
        found = self._row(row)
        if found is None:
            raise LookupError(f"document {self._ids[row]} is no longer in the store")
        return found

    def cached_pages(self) -> list[int]:
        """The pages at hand, least recently used first."""
        return list(self._pages)

    def _row(self, row: int) -> DocumentRow | None:
        if not (0 <= row < len(self._ids)):
            raise IndexError(row)
        page, offset = divmod(row, self.page_size)
        rows = self._pages.get(page)
        if rows is None:
            rows = self._fetch(page)
        else:
            self._pages.move_to_end(page)
        return rows[offset]

    def _fetch(self, page: int) -> list[DocumentRow | None]:
        ids = self._ids[page * self.page_size : (page + 1) * self.page_size]
        assert self._source is not None
        found = {r.id: r for r in self._source.rows(ids)}
        rows = [found.get(i) for i in ids]
        self.pages_fetched += 1
        self._pages[page] = rows
        while len(self._pages) > self.max_pages:
            self._pages.popitem(last=False)
        return rows

    # ---- sorting ------------------------------------------------------------------------
    def _sort_key(self) -> tuple[DocumentSort, bool]:
        if not (0 <= self._sort_column < len(self.COLUMNS)):
            return "id", False
        sort = _COLUMN_SORTS[self.COLUMNS[self._sort_column]]
        return sort, self._sort_order == Qt.SortOrder.DescendingOrder

    def sort_state(self) -> tuple[int, Qt.SortOrder]:
        return self._sort_column, self._sort_order

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Reorder by asking the source for the ids in the new order (-1: id order)."""
        self._sort_column, self._sort_order = column, order
        if self._source is None:
            return
        ids = self._source.ids(*self._sort_key())
        if ids == self._ids:
            return
        if len(ids) != len(self._ids) or set(ids) != set(self._ids):
            # The store changed meanwhile: not a reordering.
            self.beginResetModel()
            self._ids, self._positions = ids, None
            self._pages.clear()
            self.endResetModel()
            return
        self.layoutAboutToBeChanged.emit()
        positions = {d: i for i, d in enumerate(ids)}
        old = self.persistentIndexList()
        new = [self.index(positions[self._ids[i.row()]], i.column()) for i in old]
        self._ids, self._positions = ids, positions
        self._pages.clear()
        self.changePersistentIndexList(old, new)
        self.layoutChanged.emit()

    # ---- Qt -----------------------------------------------------------------------------
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

    def flags(self, index: _Index) -> Qt.ItemFlag:
        base = super().flags(index)
        return base | Qt.ItemFlag.ItemIsDragEnabled if index.isValid() else base

    def mimeTypes(self) -> list[str]:
        return [DOCUMENT_MIME]

    def mimeData(self, indexes: list[QModelIndex]) -> QMimeData:
        """Dragged documents carry their ids (the compare view accepts them)."""
        ids = sorted({self._ids[i.row()] for i in indexes if i.isValid()})
        data = QMimeData()
        data.setData(DOCUMENT_MIME, ",".join(map(str, ids)).encode("ascii"))
        return data

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._ids)):
            return None
        if role == DocIdRole:
            return self._ids[index.row()]
        if role not in _ROW_ROLES:
            return None
        row = self._row(index.row())
        if row is None:
            return None
        column = self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            if column == "title":
                return row.title
            if column == "outlet":
                return row_outlet(row) or self.tr("(unknown)")
            if column == "date":
                return row.published.isoformat() if row.published else "—"
            return f"{row.word_count:,}"
        if role == SortRole:
            if column == "date":
                return row.published.isoformat() if row.published else ""
            if column == "words":
                return row.word_count
            return self.data(index, Qt.ItemDataRole.DisplayRole)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == "title":
                return f"{row.title}\n{row.source_path}"
            # the name whole where a narrow column elides it
            return self.data(index, Qt.ItemDataRole.DisplayRole) if column == "outlet" else None
        # TextAlignmentRole
        if column == "words":
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        text = self.data(index, Qt.ItemDataRole.DisplayRole) or ""
        if is_rtl(text):
            return int(
                Qt.AlignmentFlag.AlignRight
                | Qt.AlignmentFlag.AlignVCenter
                | Qt.AlignmentFlag.AlignAbsolute
            )
        return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)


#: the roles that need the document's row (fetched on demand)
_ROW_ROLES = frozenset(
    {
        Qt.ItemDataRole.DisplayRole,
        SortRole,
        Qt.ItemDataRole.ToolTipRole,
        Qt.ItemDataRole.TextAlignmentRole,
    }
)


def _marked_html(text: str, marks: Sequence[tuple[int, int]]) -> str:
    """``text`` escaped, its hits marked as the results list shows them."""
    parts, last = [], 0
    for a, b in marks:
        parts += [
            html.escape(text[last:a]),
            "<b style='background:#ffe082;color:#000'>",
            html.escape(text[a:b]),
            "</b>",
        ]
        last = b
    parts.append(html.escape(text[last:]))
    return "".join(parts)


class SearchResultsModel(QAbstractListModel):
    """Search hits: title, outlet and a snippet with the hits marked (HTML role)."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._hits: list[SearchHit] = []

    def set_hits(self, hits: list[SearchHit]) -> None:
        self.beginResetModel()
        self._hits = list(hits)
        self.endResetModel()

    def hit(self, row: int) -> SearchHit:
        return self._hits[row]

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._hits)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._hits)):
            return None
        hit = self._hits[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{hit.row.title}\n{hit.snippet}"
        if role == SnippetHtmlRole:
            outlet = html.escape(row_outlet(hit.row) or "")
            # in the theme's text colour (a grey was unreadable on the selection's blue)
            by = f"<br><small><i>{outlet}</i></small>" if outlet else ""
            title = _marked_html(hit.row.title, hit.title_marks)
            snippet = _marked_html(hit.snippet, hit.marks)
            return f"<div dir='rtl'><b>{title}</b>{by}<br>{snippet}</div>"
        if role == Qt.ItemDataRole.ToolTipRole:
            return ", ".join(hit.matched)
        if role == DocIdRole:
            return hit.row.id
        if role == OffsetRole:
            return hit.first_offset
        return None
