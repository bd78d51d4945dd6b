"""The library's table of documents: one row per document, held as plain rows."""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from desktop.search import SearchHit
from desktop.store.rows import DocumentRow
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


class DocumentTableModel(ColumnsTableModel):
    COLUMNS = ("title", "outlet", "date", "words")

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[DocumentRow] = []
        self._headers = {
            "title": self.tr("Title"),
            "outlet": self.tr("Outlet"),
            "date": self.tr("Date"),
            "words": self.tr("Words"),
        }

    def flags(self, index: _Index) -> Qt.ItemFlag:
        base = super().flags(index)
        return base | Qt.ItemFlag.ItemIsDragEnabled if index.isValid() else base

    def mimeTypes(self) -> list[str]:
        return [DOCUMENT_MIME]

    def mimeData(self, indexes: list[QModelIndex]) -> QMimeData:
        """Dragged documents carry their ids (the compare view accepts them)."""
        ids = sorted({self._rows[i.row()].id for i in indexes if i.isValid()})
        data = QMimeData()
        data.setData(DOCUMENT_MIME, ",".join(map(str, ids)).encode("ascii"))
        return data

    def set_rows(self, rows: list[DocumentRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_for_id(self, doc_id: int) -> int | None:
        for i, r in enumerate(self._rows):
            if r.id == doc_id:
                return i
        return None

    def document(self, row: int) -> DocumentRow:
        return self._rows[row]

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        row = self._rows[index.row()]
        column = self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            if column == "title":
                return row.title
            if column == "outlet":
                return row.outlet or self.tr("(unknown)")
            if column == "date":
                return row.published.isoformat() if row.published else "—"
            return f"{row.word_count:,}"
        if role == SortRole:
            if column == "date":
                return row.published.isoformat() if row.published else ""
            if column == "words":
                return row.word_count
            return self.data(index, Qt.ItemDataRole.DisplayRole)
        if role == Qt.ItemDataRole.ToolTipRole and column == "title":
            return f"{row.title}\n{row.source_path}"
        if role == Qt.ItemDataRole.TextAlignmentRole:
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
        if role == DocIdRole:
            return row.id
        return None


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
            parts, last = [], 0
            for a, b in hit.marks:
                parts += [
                    html.escape(hit.snippet[last:a]),
                    "<b style='background:#ffe082;color:#000'>",
                    html.escape(hit.snippet[a:b]),
                    "</b>",
                ]
                last = b
            parts.append(html.escape(hit.snippet[last:]))
            outlet = html.escape(hit.row.outlet or "")
            return (
                f"<div dir='rtl'><b>{html.escape(hit.row.title)}</b>"
                f" <span style='color:#777'>{outlet}</span><br>{''.join(parts)}</div>"
            )
        if role == Qt.ItemDataRole.ToolTipRole:
            return ", ".join(hit.matched)
        if role == DocIdRole:
            return hit.row.id
        if role == OffsetRole:
            return hit.first_offset
        return None
