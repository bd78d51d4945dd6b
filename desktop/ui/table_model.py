"""The common part of the flat table models: named columns, their headers, one row each
item of ``_rows``."""

from __future__ import annotations

from typing import Any, ClassVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

_Index = QModelIndex | QPersistentModelIndex


class ColumnsTableModel(QAbstractTableModel):
    """Subclasses set ``COLUMNS``, fill ``_headers`` (column → translated title) and keep
    their items in ``_rows``."""

    COLUMNS: ClassVar[tuple[str, ...]] = ()

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[Any] = []
        self._headers: dict[str, str] = {}

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        if 0 <= section < len(self.COLUMNS):
            return self._headers.get(self.COLUMNS[section], self.COLUMNS[section])
        return None


class KeysetPagedModel(ColumnsTableModel):
    """A flat model that reads its rows a page at a time after the last row's key, as the
    view scrolls (``fetchMore``). Subclasses say whether they can read more
    (``_can_page``), read the page after ``_after`` (``_next_page``: an object with
    ``rows``) and append it (``_append``, which also moves ``_after``)."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._after: Any = None
        self._fetching = False

    def _can_page(self) -> bool:
        raise NotImplementedError

    def _next_page(self) -> Any:
        raise NotImplementedError

    def _append(self, page: Any) -> None:
        raise NotImplementedError

    def canFetchMore(self, parent: _Index = QModelIndex()) -> bool:  # noqa: B008
        return (
            not parent.isValid()
            and not self._fetching
            and self._after is not None
            and self._can_page()
        )

    def fetchMore(self, parent: _Index = QModelIndex()) -> None:  # noqa: B008
        if not self.canFetchMore(parent):
            return
        page = self._next_page()
        if not page.rows:
            self._after = None
            return
        first = len(self._rows)
        self._fetching = True
        try:
            self.beginInsertRows(QModelIndex(), first, first + len(page.rows) - 1)
            self._append(page)
            self.endInsertRows()
        finally:
            self._fetching = False
