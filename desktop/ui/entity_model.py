"""The entity sidebar's tree: entity types at the top level, their entities below.

Rows are plain :class:`EntityRow` values, read a page at a time from the store (which
sorts and filters them), or given whole; the model never edits anything. They are
summaries (no aliases seen, no outlets): given where to read the rest, the model reads
one entity's forms and outlets the first time its tooltip shows.
A drop of one entity onto another only *asks* for a merge (``merge_requested``): the
sidebar confirms it with the user and runs the edit.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from typing import Any, Protocol

from PySide6.QtCore import (
    QAbstractItemModel,
    QByteArray,
    QMimeData,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QFont

from desktop.lexicon.gazetteer import ENTITY_TYPES
from desktop.store.paging import EntityOrder
from desktop.store.rows import EntityRow
from desktop.text.normalize import name_order_key
from desktop.ui.bidi import isolate, lines_in_window_direction
from desktop.ui.names import list_separator, outlet_label
from desktop.ui.palette import entity_colour, entity_type_name

EntityIdRole = Qt.ItemDataRole.UserRole + 1
EntityTypeRole = Qt.ItemDataRole.UserRole + 2
SortRole = Qt.ItemDataRole.UserRole + 3
MentionsRole = Qt.ItemDataRole.UserRole + 4

ENTITY_MIME_TYPE = "application/x-tabayun-entity"
NAME_COLUMN, DOCUMENTS_COLUMN, MENTIONS_COLUMN = 0, 1, 2

_Index = QModelIndex | QPersistentModelIndex
#: internal id of a type (top-level) row; an entity row carries its type row + 1
_TYPE_NODE = 0
_TOOLTIP_ALIASES = 8
#: outlets a tooltip names (the others are counted)
_TOOLTIP_OUTLETS = 8
#: entities of a type read and given to the view at first, and more each time it is
#: scrolled to the end of them: a corpus can name tens of thousands of people, and the
#: view and the filter proxy handle every row they are given (a screen shows some 30)
PAGE_ROWS = 100
#: combined once: the view asks for every row's flags, and each ``|`` of Qt enums costs
_ENTITY_FLAGS = (
    Qt.ItemFlag.ItemIsEnabled
    | Qt.ItemFlag.ItemIsSelectable
    | Qt.ItemFlag.ItemIsDragEnabled
    | Qt.ItemFlag.ItemIsDropEnabled
    | Qt.ItemFlag.ItemNeverHasChildren
)


@lru_cache(maxsize=8192)
def search_key(text: str) -> str:
    """The form the filter compares, and names are ordered by: normalised, lower case,
    without any spaces (so that «ديمستورا» finds «دي مستورا»); the store keeps it with each
    entity and each written form (:func:`~desktop.text.normalize.name_order_key`)."""
    return name_order_key(text)


def encode_entity_ids(ids: Sequence[int]) -> QByteArray:
    return QByteArray(",".join(str(i) for i in ids).encode("ascii"))


def decode_entity_ids(data: QMimeData) -> list[int]:
    if not data.hasFormat(ENTITY_MIME_TYPE):
        return []
    raw = bytes(data.data(ENTITY_MIME_TYPE).data()).decode("ascii", "replace")
    return [int(part) for part in raw.split(",") if part.strip().isdigit()]


class EntityDetailsSource(Protocol):
    """Where the model reads what entity summaries leave out (the store does this)."""

    def fill_entity_row(self, row: EntityRow) -> EntityRow:
        """The row with its aliases seen and outlets."""
        ...


class EntityPages(Protocol):
    """Where the model reads entities a page at a time, in an order, filtered (the store
    does this, sorting and filtering in the database; :class:`EntityRows` does it for
    rows held in memory)."""

    def entity_listing(
        self,
        *,
        order: EntityOrder = "mentions",
        descending: bool = True,
        first: int = 100,
        matching: str = "",
    ) -> tuple[dict[str, tuple[int, int]], dict[str, list[EntityRow]]]:
        """type → (entities, their mentions), and the first ``first`` entities of each
        type in the order, read together."""
        ...

    def entity_page(
        self,
        entity_type: str,
        *,
        order: EntityOrder = "mentions",
        descending: bool = True,
        offset: int = 0,
        limit: int | None = None,
        matching: str = "",
    ) -> list[EntityRow]:
        """``limit`` entities of a type from ``offset`` in that order; ``matching``: only
        those whose name, English name or a form seen contains it (as
        :func:`search_key` makes them)."""
        ...

    def entity_ids(
        self,
        entity_type: str,
        *,
        order: EntityOrder = "mentions",
        descending: bool = True,
        offset: int = 0,
        limit: int | None = None,
        matching: str = "",
    ) -> list[int]:
        """The ids :meth:`entity_page` would give, without the rows."""
        ...

    def entity_summaries_of(self, ids: Sequence[int], *, matching: str = "") -> list[EntityRow]:
        """These entities' rows in the order of ``ids``, those no longer listed (or not
        ``matching``) left out."""
        ...


class EntityRows:
    """:class:`EntityPages` over rows given whole, ordered as the store orders them: by
    name (the order key, then the name and id) in the direction, or by a count in the
    direction and then by name; filtered as the store filters them."""

    def __init__(self, rows: Sequence[EntityRow]) -> None:
        self._by_type: dict[str, list[EntityRow]] = {}
        for row in rows:
            self._by_type.setdefault(row.type, []).append(row)
        self._by_id = {row.id: row for row in rows}
        self._ordered: dict[tuple[str, EntityOrder, bool], list[EntityRow]] = {}
        #: entity id → the keys a filter looks in
        self._keys: dict[int, tuple[str, ...]] = {}

    def _matches(self, row: EntityRow, needle: str) -> bool:
        keys = self._keys.get(row.id)
        if keys is None:
            names = (row.name, row.name_en or "", *row.aliases_seen)
            keys = self._keys[row.id] = tuple(search_key(n) for n in names if n)
        return any(needle in key for key in keys)

    def entity_type_totals(self, *, matching: str = "") -> dict[str, tuple[int, int]]:
        totals = {}
        for t in self._by_type:
            rows = self._listed(t, "mentions", True, matching)
            if rows:
                totals[t] = (len(rows), sum(r.mentions for r in rows))
        return totals

    def entity_listing(
        self,
        *,
        order: EntityOrder = "mentions",
        descending: bool = True,
        first: int = 100,
        matching: str = "",
    ) -> tuple[dict[str, tuple[int, int]], dict[str, list[EntityRow]]]:
        totals = self.entity_type_totals(matching=matching)
        pages = {t: self._listed(t, order, descending, matching)[:first] for t in totals}
        return totals, pages

    def _listed(
        self, entity_type: str, order: EntityOrder, descending: bool, matching: str
    ) -> list[EntityRow]:
        rows = self._rows(entity_type, order, descending)
        needle = search_key(matching) if matching else ""
        return [r for r in rows if self._matches(r, needle)] if needle else rows

    def _rows(self, entity_type: str, order: EntityOrder, descending: bool) -> list[EntityRow]:
        found = self._ordered.get((entity_type, order, descending))
        if found is None:
            rows = self._by_type.get(entity_type, [])
            if order == "name":
                found = sorted(rows, key=lambda r: (search_key(r.name), r.name, r.id))
                if descending:
                    found.reverse()
            else:
                sign = -1 if descending else 1

                def key(r: EntityRow) -> tuple[int, str, str, int]:
                    count = r.documents if order == "documents" else r.mentions
                    return (sign * count, search_key(r.name), r.name, r.id)

                found = sorted(rows, key=key)
            self._ordered[(entity_type, order, descending)] = found
        return found

    def entity_page(
        self,
        entity_type: str,
        *,
        order: EntityOrder = "mentions",
        descending: bool = True,
        offset: int = 0,
        limit: int | None = None,
        matching: str = "",
    ) -> list[EntityRow]:
        rows = self._listed(entity_type, order, descending, matching)
        return rows[offset : None if limit is None else offset + limit]

    def entity_ids(
        self,
        entity_type: str,
        *,
        order: EntityOrder = "mentions",
        descending: bool = True,
        offset: int = 0,
        limit: int | None = None,
        matching: str = "",
    ) -> list[int]:
        rows = self._listed(entity_type, order, descending, matching)
        return [r.id for r in rows[offset : None if limit is None else offset + limit]]

    def entity_summaries_of(self, ids: Sequence[int], *, matching: str = "") -> list[EntityRow]:
        needle = search_key(matching) if matching else ""
        found = [self._by_id[i] for i in ids if i in self._by_id]
        return [r for r in found if self._matches(r, needle)] if needle else found


_ORDERS: dict[int, EntityOrder] = {
    NAME_COLUMN: "name",
    DOCUMENTS_COLUMN: "documents",
    MENTIONS_COLUMN: "mentions",
}


class EntityTreeModel(QAbstractItemModel):
    """Types (in :data:`ENTITY_TYPES` order, only those with entities) → entities, with the
    columns Name, Documents, Mentions.

    The entities of a type are read a page at a time, in the order chosen, from where
    :meth:`set_pages` says (the store sorts and filters them): a corpus can name tens of
    thousands of people, and a refresh or a filter reads the first page of each type
    and their totals only."""

    #: (target id, source ids): the user dropped these entities onto ``target``
    merge_requested = Signal(int, list)
    #: a page read showed that the store changed since the model was filled (an analysis
    #: writing): paging on would list an entity twice or miss one, so the model stops
    #: where it is and whoever filled it should fill it again
    pages_changed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pages: EntityPages | None = None
        self._types: list[str] = []
        #: per type: (entities, their mentions)
        self._totals: list[tuple[int, int]] = []
        #: per type: the ids of the first entities in the order, as read so far
        self._ids: list[list[int]] = []
        #: the rows read, by entity id (a jump far down reads the ids of the rows between,
        #: and the rows of those shown only)
        self._rows: dict[int, EntityRow] = {}
        #: the filter's text, as typed ("": every entity)
        self._matching = ""
        self._details: EntityDetailsSource | None = None
        #: rows with their aliases seen and outlets read, by entity id
        self._filled: dict[int, EntityRow] = {}
        # «Docs», not «Documents»: a short heading leaves the names the room (its
        # tooltip says it in full)
        self._headers = (self.tr("Name"), self.tr("Docs"), self.tr("Mentions"))
        self._header_tips = (None, self.tr("Documents that mention it"), None)
        self._sort: tuple[int, Qt.SortOrder] = (MENTIONS_COLUMN, Qt.SortOrder.DescendingOrder)
        #: how many of each type's entities the view has been given (the first ones)
        self._shown: list[int] = []
        #: entity id → (type row, row), of the entities read
        self._where: dict[int, tuple[int, int]] = {}
        self._inserting = False
        #: ``pages_changed`` was emitted (or the model is being filled)
        self._changed = False

    # ---- content ----------------------------------------------------------------------
    def set_rows(
        self, rows: Sequence[EntityRow], details: EntityDetailsSource | None = None
    ) -> None:
        """Show these entities (the filter looks in their names and aliases seen). With
        ``details``, the rows are summaries whose aliases seen and outlets a tooltip
        reads from ``details`` when first needed."""
        self.set_pages(EntityRows(rows), details)

    def set_pages(self, pages: EntityPages, details: EntityDetailsSource | None = None) -> None:
        """Show the entities ``pages`` gives, the first page of each type for now."""
        sort, descending = self._order()
        totals, first = pages.entity_listing(
            order=sort, descending=descending, first=PAGE_ROWS, matching=self._matching
        )
        order = [t for t in ENTITY_TYPES if t in totals]
        order += sorted(t for t in totals if t not in ENTITY_TYPES)
        self.beginResetModel()
        self._pages = pages
        self._types = order
        self._totals = [totals[t] for t in order]
        self._ids = [[] for _ in order]
        self._rows = {}
        self._where = {}
        self._changed = True  # what is read now is the state to show
        for t, entity_type in enumerate(order):
            rows = first.get(entity_type, [])
            self._rows.update((row.id, row) for row in rows)
            self._append(t, [row.id for row in rows], min(PAGE_ROWS, totals[entity_type][0]))
        self._changed = False
        self._shown = [len(ids) for ids in self._ids]
        self._details = details
        self._filled = {}
        self.endResetModel()

    def _order(self) -> tuple[EntityOrder, bool]:
        column, order = self._sort
        return _ORDERS[column], order == Qt.SortOrder.DescendingOrder

    def _page(self, t: int, offset: int, limit: int) -> list[EntityRow]:
        assert self._pages is not None
        order, descending = self._order()
        return self._pages.entity_page(
            self._types[t],
            order=order,
            descending=descending,
            offset=offset,
            limit=limit,
            matching=self._matching,
        )

    def _fetch(self, t: int, offset: int, count: int | None) -> list[int]:
        """The ids of ``count`` entities of the type from ``offset`` (``None``: to the
        end): a page is read with its rows, more at once (a jump far down) as ids only."""
        assert self._pages is not None
        if count is not None and count <= PAGE_ROWS:
            rows = self._page(t, offset, count)
            self._rows.update((row.id, row) for row in rows)
            return [row.id for row in rows]
        order, descending = self._order()
        return self._pages.entity_ids(
            self._types[t],
            order=order,
            descending=descending,
            offset=offset,
            limit=count,
            matching=self._matching,
        )

    def _read(self, t: int, upto: int | None) -> None:
        """Read the type's entities up to ``upto`` (``None``: all of them)."""
        ids, total = self._ids[t], self._totals[t][0]
        want = total if upto is None else min(upto, total)
        if len(ids) >= want or self._pages is None:
            return
        self._append(t, self._fetch(t, len(ids), want - len(ids)), want - len(ids))

    def _append(self, t: int, more: Sequence[int], expected: int) -> None:
        """Add the ids read to the type's, unless read already (the store changed)."""
        ids = self._ids[t]
        changed = len(more) < expected
        for entity_id in more:
            if entity_id in self._where:
                changed = True  # read already: it moved since, the store is being written
                continue
            self._where[entity_id] = (t, len(ids))
            ids.append(entity_id)
        if changed:  # no more to ask of this type until the model is filled again
            self._totals[t] = (len(ids), self._totals[t][1])
            self._store_changed()

    def _store_changed(self) -> None:
        if not self._changed:
            self._changed = True
            self.pages_changed.emit()

    def _row(self, t: int, r: int) -> EntityRow | None:
        """The row at ``r`` of type ``t``: read with the rows of its page not read yet."""
        ids = self._ids[t]
        if not 0 <= r < len(ids):
            return None
        row = self._rows.get(ids[r])
        if row is None and self._pages is not None:
            first = r - r % PAGE_ROWS
            wanted = [i for i in ids[first : first + PAGE_ROWS] if i not in self._rows]
            got = self._pages.entity_summaries_of(wanted)
            self._rows.update((found.id, found) for found in got)
            if len(got) < len(wanted):
                self._store_changed()  # gone meanwhile: blank until the model is filled again
            row = self._rows.get(ids[r])
        return row

    # ---- fetched a page at a time -----------------------------------------------------
    def canFetchMore(self, parent: _Index) -> bool:
        t = self._type_row(parent)
        return t is not None and not self._inserting and self._shown[t] < self._totals[t][0]

    def fetchMore(self, parent: _Index) -> None:
        t = self._type_row(parent)
        if t is not None and not self._inserting:
            self._read(t, self._shown[t] + PAGE_ROWS)
            self._show(t, self._shown[t] + PAGE_ROWS)

    # ---- filter -----------------------------------------------------------------------
    def set_filter_text(self, text: str) -> None:
        """List only the entities whose name, English name or a form seen contains
        ``text`` (normalised, spaces ignored: «ديمستورا» finds «دي مستورا»), read from
        where the rows come from a page at a time; types with none go."""
        matching = search_key(text)
        if matching == self._matching:
            return
        self._matching = matching
        if self._pages is not None:
            self.set_pages(self._pages, self._details)

    def filter_text(self) -> str:
        """The filter's text, as compared (normalised, no spaces)."""
        return self._matching

    def _type_row(self, parent: _Index) -> int | None:
        valid = parent.isValid() and parent.internalId() == _TYPE_NODE and parent.column() == 0
        return parent.row() if valid and 0 <= parent.row() < len(self._ids) else None

    def _show(self, t: int, upto: int) -> None:
        first, upto = self._shown[t], min(upto, len(self._ids[t]))
        if upto > first and not self._inserting:
            # what listens to the insertion may ask for more meanwhile: not twice the same
            self._inserting = True
            try:
                self.beginInsertRows(self.createIndex(t, 0, _TYPE_NODE), first, upto - 1)
                self._shown[t] = upto
                self.endInsertRows()
            finally:
                self._inserting = False

    # ---- order ------------------------------------------------------------------------
    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Order each type's entities by a column; types keep their fixed order. Ties of
        counts read alphabetically whichever the direction. The entities are read again
        in the new order (as many as were shown), and those held by the view (selected,
        current) wherever they now are."""
        if not (0 <= column < len(self._headers)):
            return
        self._sort = (column, order)
        if self._pages is None:
            return
        self.layoutAboutToBeChanged.emit()
        before = self.persistentIndexList()
        held = [self._id_at(index) for index in before]
        shown = list(self._shown)
        self._rows = {}  # read again with the new order: counts may have changed since
        self._filled = {}
        fresh, same = self._read_in_order(shown, held)
        if not same:  # the store changed meanwhile: nothing moved yet, all is read again
            self.layoutChanged.emit()
            self.set_pages(self._pages, self._details)
            return
        self._ids = fresh
        self._where = {e: (t, i) for t, ids in enumerate(fresh) for i, e in enumerate(ids)}
        after = []
        for index, entity_id in zip(before, held, strict=True):
            where = self._where.get(entity_id) if entity_id is not None else None
            if entity_id is None:
                after.append(index)
            elif where is None:  # no longer listed
                after.append(QModelIndex())
            else:
                t, r = where
                shown[t] = max(shown[t], r + 1)  # a row held stays given to the view
                after.append(self.createIndex(r, index.column(), index.internalId()))
        self._shown = shown
        self.changePersistentIndexList(before, after)
        self.layoutChanged.emit()

    def _read_in_order(
        self, shown: list[int], held: Sequence[int | None]
    ) -> tuple[list[list[int]], bool]:
        """The ids of the first ``shown`` entities of each type in the current order, and
        further down the entities ``held``; ``False`` when the store no longer lists as
        many entities as were shown or lists one twice (it was written meanwhile)."""
        fresh = [self._fetch(t, 0, n) if n else [] for t, n in enumerate(shown)]
        ids = {e for listed in fresh for e in listed}
        same = all(len(listed) == n for listed, n in zip(fresh, shown, strict=True))
        same = same and len(ids) == sum(shown)
        for entity_id in held:
            if not same or entity_id is None or entity_id in ids:
                continue
            found = self._ids_to(entity_id, fresh)
            if found is None:
                continue  # no longer listed: its index goes
            t, more = found
            same = ids.isdisjoint(more)
            fresh[t] += more
            ids.update(more)
        return fresh, same

    def _ids_to(self, entity_id: int, read: Sequence[list[int]]) -> tuple[int, list[int]] | None:
        """(type row, the ids after those ``read`` of its type up to the entity): the
        rest of the type's ids in one read, or ``None`` when the entity is not listed
        (or the filter hides it)."""
        if self._pages is None:
            return None
        # listed, and matching the filter? (one row by its key, not the rest of a type)
        found = self._pages.entity_summaries_of([entity_id], matching=self._matching)
        if not found or found[0].type not in self._types:
            return None
        t = self._types.index(found[0].type)
        rest = self._fetch(t, len(read[t]), None)
        return (t, rest[: rest.index(entity_id) + 1]) if entity_id in rest else None

    def _read_to(self, entity_id: int) -> None:
        """Read the entity's type up to the entity."""
        found = self._ids_to(entity_id, self._ids)
        if found is not None:
            t, more = found
            self._append(t, more, len(more))

    def _filled_row(self, row: EntityRow) -> EntityRow:
        """The row with its aliases seen and outlets (read once, when details are lazy)."""
        if self._details is None:
            return row
        filled = self._filled.get(row.id)
        if filled is None:
            filled = self._filled[row.id] = self._details.fill_entity_row(row)
        return filled

    def entity(self, index: _Index) -> EntityRow | None:
        """The row behind an entity index (``None`` for a type row or an invalid index)."""
        if not index.isValid() or index.internalId() == _TYPE_NODE:
            return None
        type_row = index.internalId() - 1
        return self._row(type_row, index.row()) if 0 <= type_row < len(self._ids) else None

    def _id_at(self, index: _Index) -> int | None:
        """The entity id behind an index, without reading its row."""
        if not index.isValid() or index.internalId() == _TYPE_NODE:
            return None
        t, r = index.internalId() - 1, index.row()
        return self._ids[t][r] if 0 <= t < len(self._ids) and 0 <= r < len(self._ids[t]) else None

    def entity_by_id(self, entity_id: int) -> EntityRow | None:
        """The row of an entity read so far (shown, or held by the view)."""
        where = self._where.get(entity_id)
        return self._row(*where) if where is not None else None

    def index_for_entity(self, entity_id: int, column: int = 0) -> QModelIndex:
        """The entity's index; its page is read and given to the view first if it had not
        been yet."""
        if entity_id not in self._where:
            self._read_to(entity_id)
        where = self._where.get(entity_id)
        if where is None:
            return QModelIndex()
        t, r = where
        if r >= self._shown[t]:
            upto = (r // PAGE_ROWS + 1) * PAGE_ROWS
            self._read(t, upto)
            self._show(t, upto)
        return self.createIndex(r, column, t + 1)

    def hidden_by_filter(self, entity_id: int) -> bool:
        """The entity is listed, but not while the filter is on."""
        if self._pages is None or not self._matching:
            return False
        listed = self._pages.entity_summaries_of([entity_id])
        return bool(listed) and not self._pages.entity_summaries_of(
            [entity_id], matching=self._matching
        )

    def index_for_type(self, entity_type: str) -> QModelIndex:
        if entity_type in self._types:
            return self.createIndex(self._types.index(entity_type), 0, _TYPE_NODE)
        return QModelIndex()

    def entity_count(self) -> int:
        return sum(total for total, _mentions in self._totals)

    # ---- structure --------------------------------------------------------------------
    def index(self, row: int, column: int, parent: _Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        # The bounds checked here rather than through hasIndex(): the tree view and the
        # sort proxy ask for thousands of indexes, and each virtual call costs.
        if row < 0 or not (0 <= column < len(self._headers)):
            return QModelIndex()
        if not parent.isValid():
            if row >= len(self._types):
                return QModelIndex()
            return self.createIndex(row, column, _TYPE_NODE)
        if parent.internalId() == _TYPE_NODE and parent.column() == 0:
            type_row = parent.row()
            if 0 <= type_row < len(self._ids) and row < self._shown[type_row]:
                return self.createIndex(row, column, type_row + 1)
        return QModelIndex()

    def parent(self, child: _Index | None = None) -> Any:
        if child is None:  # QObject.parent()
            return super().parent()
        if not child.isValid() or child.internalId() == _TYPE_NODE:
            return QModelIndex()
        return self.createIndex(child.internalId() - 1, 0, _TYPE_NODE)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        if not parent.isValid():
            return len(self._types)
        if parent.column() != 0 or parent.internalId() != _TYPE_NODE:
            return 0
        return self._shown[parent.row()] if 0 <= parent.row() < len(self._types) else 0

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return len(self._headers)

    def hasChildren(self, parent: _Index = QModelIndex()) -> bool:  # noqa: B008
        return self.rowCount(parent) > 0

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not (0 <= section < len(self._headers)):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._header_tips[section]
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if index.internalId() == _TYPE_NODE:
            return Qt.ItemFlag.ItemIsEnabled
        return _ENTITY_FLAGS

    # ---- data -------------------------------------------------------------------------
    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if index.internalId() == _TYPE_NODE:
            return self._type_data(index, role)
        if role == EntityIdRole:  # a selection of thousands asks for these: no rows read
            return self._id_at(index)
        row = self.entity(index)
        if row is None:
            return None
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == NAME_COLUMN:
                return row.name
            return f"{row.documents if column == DOCUMENTS_COLUMN else row.mentions:,}"
        if role == SortRole:
            if column == DOCUMENTS_COLUMN:
                return row.documents
            if column == MENTIONS_COLUMN:
                return row.mentions
            return row.name
        if role == EntityTypeRole:
            return row.type
        if role == MentionsRole:
            return row.mentions
        if role == Qt.ItemDataRole.DecorationRole and column == NAME_COLUMN:
            return entity_colour(row.type)
        if role == Qt.ItemDataRole.FontRole and not row.confirmed:
            font = QFont()
            font.setItalic(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(self._filled_row(row))
        if role == Qt.ItemDataRole.TextAlignmentRole and column != NAME_COLUMN:
            # Trailing edge: the right in a left-to-right layout, the left in Arabic.
            return int(Qt.AlignmentFlag.AlignTrailing | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _type_data(self, index: _Index, role: int) -> Any:
        if not (0 <= index.row() < len(self._types)):
            return None
        etype = self._types[index.row()]
        total, mentions = self._totals[index.row()]
        if index.column() != NAME_COLUMN:
            if role == SortRole:
                return index.row()
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            name = entity_type_name(etype)
            return self.tr("{0} ({1})").format(name, total)
        if role == EntityTypeRole:
            return etype
        if role == SortRole:
            return index.row()
        if role == MentionsRole:
            return mentions
        if role == Qt.ItemDataRole.DecorationRole:
            return entity_colour(etype)
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setBold(True)
            return font
        return None

    def _tooltip(self, row: EntityRow) -> str:
        """The entity's names, spellings, outlets and counts, a line each, every line in
        the window's direction with the names inside it in their own."""
        lines = [isolate(row.name)]
        if row.name_en:
            lines.append(isolate(row.name_en))
        aliases = [a for a in row.aliases_seen if a != row.name][:_TOOLTIP_ALIASES]
        if aliases:
            lines.append(self.tr("Seen as: {0}").format(isolate("، ".join(aliases))))
        if row.outlets:
            lines.append(self.tr("Outlets: {0}").format(self._outlet_list(row)))
        lines.append(self._counts(row.documents, row.mentions))
        if not row.confirmed:
            lines.append(self.tr("discovered — not confirmed"))
        return lines_in_window_direction(lines)

    def _outlet_list(self, row: EntityRow) -> str:
        """The outlets as the window names them, in the order of their names, the first
        :data:`_TOOLTIP_OUTLETS` of them and how many more (an agency's story run by
        60 outlets made a tooltip of 800 pixels)."""
        names = sorted(
            {outlet_label(o, row.outlets_ar.get(o)) or o for o in row.outlets}, key=search_key
        )
        shown = [isolate(n) for n in names[:_TOOLTIP_OUTLETS]]
        more = len(names) - len(shown)
        if more:
            shown.append(self.tr("and {0} more").format(f"{more:,}"))
        return list_separator().join(shown)

    def _counts(self, documents: int, mentions: int) -> str:
        d, m = f"{documents:,}", f"{mentions:,}"
        if documents == 1:
            if mentions == 1:
                return self.tr("1 document, 1 mention")
            return self.tr("1 document, {0} mentions").format(m)
        if mentions == 1:
            return self.tr("{0} documents, 1 mention").format(d)
        return self.tr("{0} documents, {1} mentions").format(d, m)

    # ---- drag and drop ----------------------------------------------------------------
    def mimeTypes(self) -> list[str]:
        return [ENTITY_MIME_TYPE]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        ids: list[int] = []
        for index in indexes:
            row = self.entity(index)
            if row is not None and row.id not in ids:
                ids.append(row.id)
        data = QMimeData()
        data.setData(ENTITY_MIME_TYPE, encode_entity_ids(ids))
        return data

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.CopyAction

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.CopyAction

    def canDropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: _Index
    ) -> bool:
        target = self.entity(parent)
        if target is None or row != -1 or action == Qt.DropAction.IgnoreAction:
            return False
        return any(i != target.id for i in decode_entity_ids(data))

    def dropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: _Index
    ) -> bool:
        """A drop onto an entity asks for a merge; the model itself changes nothing."""
        if not self.canDropMimeData(data, action, row, column, parent):
            return False
        target = self.entity(parent)
        assert target is not None
        sources = [i for i in dict.fromkeys(decode_entity_ids(data)) if i != target.id]
        if sources:  # one request for all of them: one merge, one question
            self.merge_requested.emit(target.id, sources)
        return True


class EntityFilterProxy(QSortFilterProxyModel):
    """Hands the filter and the order on to the entity model, which reads its rows
    filtered and sorted from the store; this proxy keeps every row it is given."""

    def set_filter_text(self, text: str) -> None:
        model = self.sourceModel()
        if isinstance(model, EntityTreeModel):
            model.set_filter_text(text)

    def filter_text(self) -> str:
        model = self.sourceModel()
        return model.filter_text() if isinstance(model, EntityTreeModel) else ""

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """The entity model keeps its rows in order; this proxy only hands them on."""
        model = self.sourceModel()
        if isinstance(model, EntityTreeModel):
            model.sort(column, order)
        else:
            super().sort(column, order)
