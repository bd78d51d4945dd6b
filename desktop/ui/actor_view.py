"""The actor view: how each outlet labels, quotes and covers one actor.

Everything is read in one background task (:func:`load_actor`, plain Python, no Qt) whose
result (:class:`ActorData`) fills one model per table: the label heatmap, the speech verbs,
the actor's quotations (the first page; more are read as the table scrolls) and the
concordance of the actor's most frequent alias. Coverage per month is painted with QPainter
(:class:`CoverageChart`). The view reads nothing for an actor chosen while it is hidden
until it is shown (:meth:`ActorView.set_entity`).

Concordance lines are laid out right to left: the context *before* the match is in the first
column, which an RTL view shows on the right, aligned towards the match, so the matches of
every line form one column in the middle.
"""

from __future__ import annotations

import csv
import math
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

import shiboken6
from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QPointF,
    QRectF,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QAction,
    QColor,
    QFont,
    QImage,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSplitter,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.compare.corpus import (
    UNKNOWN_OUTLET,
    FrameTable,
    KwicLine,
    actor_kwic,
    coverage,
    frame,
    kwic,
)
from desktop.store.rows import QuoteRow
from desktop.store.store import Store
from desktop.store.views import QuotePage
from desktop.ui.bidi import OwnDirectionDelegate, in_window_direction
from desktop.ui.columns import FittedColumns, sample_rows_only
from desktop.ui.document_model import is_rtl
from desktop.ui.labels import PartsLabel
from desktop.ui.names import outlet_label
from desktop.ui.palette import category_colour
from desktop.ui.table_model import KeysetPagedModel
from desktop.ui.workers import TaskRunner

_Index = QModelIndex | QPersistentModelIndex
_UserRole = Qt.ItemDataRole.UserRole

#: number of mentions of a label / verb in one outlet
CountRole = _UserRole + 1
#: framing category of the row's label (None when the lexicon gives none)
CategoryRole = _UserRole + 2
#: document id of the example sentence of a heatmap cell
ExampleDocRole = _UserRole + 3
#: store offset (code points) of the label in that example document
ExampleOffsetRole = _UserRole + 4
#: document id of a quotation or a concordance line
DocIdRole = _UserRole + 5
#: store offset (code points) of a quotation or a concordance match
OffsetRole = _UserRole + 6
#: the row's label (heatmap) or verb (verbs table)
LabelRole = _UserRole + 7
#: the column's outlet
OutletRole = _UserRole + 8
#: quotation kind: direct, indirect, partial
KindRole = _UserRole + 9

KWIC_WIDTH = 45
KWIC_LIMIT = 300
#: quotations read at a time (the first page with the actor, more as the table scrolls)
QUOTES_PAGE = 200
#: the quotations' document column takes at most this share of the table's width
_DOCUMENT_SHARE = 0.33
UNDATED = "undated"

#: qualitative colours for outlets (bars and legend), assigned in the order of outlet names
OUTLET_COLOURS = (
    "#4e79a7",
    "#f28e2b",
    "#e15759",
    "#59a14f",
    "#b07aa1",
    "#76b7b2",
    "#edc948",
    "#ff9da7",
    "#9c755f",
    "#bab0ac",
)

#: pale to dark purple: a count, in no framing category's colour (red is «delegitimising»)
_HEAT_STOPS = (QColor("#faf5fb"), QColor("#b77fc9"), QColor("#4a1263"))
_ZERO_FOREGROUND = QColor("#9e9e9e")
_ALIGN_CENTER = int(Qt.AlignmentFlag.AlignCenter)
_ALIGN_RTL_TEXT = int(
    Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignAbsolute
)
_ALIGN_LTR_TEXT = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)


def _outlet_name(outlet: str | None) -> str:
    return outlet or UNKNOWN_OUTLET


def _shown(outlet: str) -> str:
    """An outlet name as displayed: the unknown outlet in the interface's language."""
    if outlet == UNKNOWN_OUTLET:
        return QCoreApplication.translate("ActorView", "(unknown)")
    return outlet_label(outlet) or outlet


def _text_alignment(text: str) -> int:
    return _ALIGN_RTL_TEXT if is_rtl(text) else _ALIGN_LTR_TEXT


def heat_colour(fraction: float) -> QColor:
    """A sequential colour from pale (0) through lavender to dark purple (1)."""
    f = min(1.0, max(0.0, fraction))
    lo, hi = (_HEAT_STOPS[0], _HEAT_STOPS[1]) if f <= 0.5 else (_HEAT_STOPS[1], _HEAT_STOPS[2])
    t = f * 2 if f <= 0.5 else (f - 0.5) * 2
    return QColor(
        round(lo.red() + (hi.red() - lo.red()) * t),
        round(lo.green() + (hi.green() - lo.green()) * t),
        round(lo.blue() + (hi.blue() - lo.blue()) * t),
    )


def readable_on(background: QColor) -> QColor:
    """Black or white, whichever reads better on ``background`` (relative luminance)."""

    def channel(c: int) -> float:
        v = c / 255
        return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

    lum = (
        0.2126 * channel(background.red())
        + 0.7152 * channel(background.green())
        + 0.0722 * channel(background.blue())
    )
    return QColor("#000000") if lum > 0.179 else QColor("#ffffff")


# ---- the background task ---------------------------------------------------------------


@dataclass
class ActorData:
    """Everything the actor view shows, computed off the GUI thread."""

    entity_id: int
    key: str | None
    name: str
    type: str
    table: FrameTable
    #: (label, outlet) → offset of the label in its example document
    example_offsets: dict[tuple[str, str], int] = field(default_factory=dict)
    #: (alias as written, mentions), most frequent first
    aliases: list[tuple[str, int]] = field(default_factory=list)
    kwic_term: str = ""
    kwic: list[KwicLine] = field(default_factory=list)
    coverage: dict[str, dict[str, int]] = field(default_factory=dict)
    #: the first page of the actor's quotations (in document and text order)
    quotes: list[QuoteRow] = field(default_factory=list)
    #: how many quotations the actor has in all
    quote_total: int = 0
    #: where the next page of quotations starts (None: ``quotes`` holds them all)
    quotes_after: tuple[int, int, int] | None = None
    #: document id → (title, outlet) of every document a quotation or line comes from
    documents: dict[int, tuple[str, str | None]] = field(default_factory=dict)
    mentions: int = 0
    document_count: int = 0

    @property
    def outlet_count(self) -> int:
        """The named outlets that mention the actor (its articles of no known outlet,
        grouped as «(unknown)» in the tables, are not an outlet)."""
        return sum(1 for o in self.table.outlets if o != UNKNOWN_OUTLET)


def load_kwic(store: Store, term: str, entity_id: int | None = None) -> list[KwicLine]:
    """The concordance of the actor's mentions written ``term`` (of the words ``term``
    wherever written, when the actor has no mention written so)."""
    if not term.strip():
        return []
    if entity_id is not None:
        lines = actor_kwic(store, entity_id, term, width=KWIC_WIDTH, limit=KWIC_LIMIT)
        if lines:
            return lines
    return kwic(store, term, width=KWIC_WIDTH, limit=KWIC_LIMIT)


def load_actor(store: Store, entity_id: int) -> ActorData:
    """The actor's frame, quotations, concordance and coverage (runs in a worker thread)."""
    key, name, etype, _origin = store.entity_by_id(entity_id)
    aliases, mentions, document_count = store.entity_counts(entity_id)
    by_month = store.documents_by_outlet_month(entity_id)
    table = frame(store, entity_id, by_month)
    term = aliases[0][0] if aliases else name
    lines = load_kwic(store, term, entity_id)
    quotes = store.quote_page(speaker_id=entity_id, limit=QUOTES_PAGE)
    documents = dict(quotes.documents)
    ids = sorted({ln.document_id for ln in lines} - documents.keys())
    if ids:
        documents.update((r.id, (r.title, r.outlet)) for r in store.documents(ids=ids))
    return ActorData(
        entity_id=entity_id,
        key=key,
        name=name,
        type=etype,
        table=table,
        example_offsets=dict(table.example_starts),
        aliases=aliases,
        kwic_term=term,
        kwic=lines,
        coverage=coverage(store, entity_id, by_month),
        quotes=quotes.rows,
        quote_total=store.quote_count(speaker_id=entity_id),
        quotes_after=quotes.after,
        documents=documents,
        mentions=mentions,
        document_count=document_count,
    )


# ---- models ----------------------------------------------------------------------------


class FrameHeatmapModel(QAbstractTableModel):
    """Labels (rows) × outlets (columns), after a first "Category" column.

    The row's label is the vertical header (and ``LabelRole`` of every cell).
    """

    CATEGORY_COLUMN = 0

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._table: FrameTable | None = None
        self._labels: list[str] = []
        self._outlets: list[str] = []
        self._offsets: dict[tuple[str, str], int] = {}
        self._max = 0
        self._categories = {
            "official": self.tr("official"),
            "neutral": self.tr("neutral"),
            "delegitimising": self.tr("delegitimising"),
            "legitimising": self.tr("legitimising"),
        }

    def set_table(
        self, table: FrameTable | None, example_offsets: Mapping[tuple[str, str], int] | None = None
    ) -> None:
        self.beginResetModel()
        self._table = table
        self._labels = list(table.labels) if table else []
        self._outlets = list(table.outlets) if table else []
        self._offsets = dict(example_offsets or {})
        self._max = max(table.counts.values(), default=0) if table else 0
        self.endResetModel()

    @property
    def labels(self) -> list[str]:
        return list(self._labels)

    @property
    def outlets(self) -> list[str]:
        return list(self._outlets)

    def row_of(self, label: str) -> int | None:
        return self._labels.index(label) if label in self._labels else None

    def column_of(self, outlet: str) -> int | None:
        return self._outlets.index(outlet) + 1 if outlet in self._outlets else None

    def count(self, label: str, outlet: str) -> int:
        return self._table.counts.get((label, outlet), 0) if self._table else 0

    def category_name(self, category: str | None) -> str:
        return self._categories.get(category or "", category or "—")

    def csv_rows(self) -> list[list[str | int]]:
        """Header, then one row per label: label, category, a count per outlet, total."""
        rows: list[list[str | int]] = [
            [self.tr("label"), self.tr("category"), *self._outlets, self.tr("total")]
        ]
        if self._table is None:
            return rows
        for label in self._labels:
            counts = [self.count(label, o) for o in self._outlets]
            rows.append([label, self._table.labels.get(label) or "", *counts, sum(counts)])
        return rows

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._labels)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._outlets) + 1

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal:
            if not 0 <= section < len(self._outlets) + 1:
                return None
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                if section == self.CATEGORY_COLUMN:
                    return self.tr("Category")
                return _shown(self._outlets[section - 1])
            if role == OutletRole and section > 0:
                return self._outlets[section - 1]
            return None
        if not 0 <= section < len(self._labels):
            return None
        label = self._labels[section]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, LabelRole):
            return label
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _text_alignment(label)
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (
            not index.isValid()
            or self._table is None
            or not 0 <= index.row() < len(self._labels)
            or not 0 <= index.column() <= len(self._outlets)
        ):
            return None
        label = self._labels[index.row()]
        category = self._table.labels.get(label)
        if role == LabelRole:
            return label
        if role == CategoryRole:
            return category
        if index.column() == self.CATEGORY_COLUMN:
            if role == Qt.ItemDataRole.DisplayRole:
                return self.category_name(category)
            if role == Qt.ItemDataRole.DecorationRole:
                return category_colour(category)
            if role == Qt.ItemDataRole.ToolTipRole:
                return f"{label} — {self.category_name(category)}"
            if role == CountRole:
                return sum(self.count(label, o) for o in self._outlets)
            return None
        outlet = self._outlets[index.column() - 1]
        n = self.count(label, outlet)
        example = self._table.examples.get((label, outlet))
        if role == Qt.ItemDataRole.DisplayRole:
            return str(n)
        if role == CountRole:
            return n
        if role == OutletRole:
            return outlet
        if role == Qt.ItemDataRole.BackgroundRole:
            return heat_colour(n / self._max) if n and self._max else None
        if role == Qt.ItemDataRole.ForegroundRole:
            if not n or not self._max:
                return _ZERO_FOREGROUND
            return readable_on(heat_colour(n / self._max))
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _ALIGN_CENTER
        if role == Qt.ItemDataRole.ToolTipRole:
            return example[1] if example else None
        if role == ExampleDocRole:
            return example[0] if example else None
        if role == ExampleOffsetRole:
            return self._offsets.get((label, outlet), 0) if example else None
        return None


class VerbsModel(QAbstractTableModel):
    """Speech verbs introducing the actor's words: verbs (rows) × outlets (columns)."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._verbs: list[str] = []
        self._outlets: list[str] = []
        self._counts: dict[str, Counter[str]] = {}
        self._max = 0

    def set_table(self, table: FrameTable | None) -> None:
        self.beginResetModel()
        self._counts = {o: Counter(c) for o, c in (table.verbs if table else {}).items()}
        totals: Counter[str] = Counter()
        for c in self._counts.values():
            totals.update(c)
        self._verbs = [v for v, _n in sorted(totals.items(), key=lambda x: (-x[1], x[0]))]
        known = list(table.outlets) if table else []
        self._outlets = known + sorted(o for o in self._counts if o not in known)
        self._max = max((n for c in self._counts.values() for n in c.values()), default=0)
        self.endResetModel()

    @property
    def verbs(self) -> list[str]:
        return list(self._verbs)

    @property
    def outlets(self) -> list[str]:
        return list(self._outlets)

    def count(self, verb: str, outlet: str) -> int:
        counts = self._counts.get(outlet)
        return counts.get(verb, 0) if counts is not None else 0

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._verbs)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._outlets)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        names = self._outlets if orientation == Qt.Orientation.Horizontal else self._verbs
        if not 0 <= section < len(names):
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return (
                _shown(names[section])
                if orientation == Qt.Orientation.Horizontal
                else (names[section])
            )
        if role == OutletRole and orientation == Qt.Orientation.Horizontal:
            return names[section]
        if orientation == Qt.Orientation.Vertical:
            if role == LabelRole:
                return names[section]
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return _text_alignment(names[section])
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (
            not index.isValid()
            or not 0 <= index.row() < len(self._verbs)
            or not 0 <= index.column() < len(self._outlets)
        ):
            return None
        verb, outlet = self._verbs[index.row()], self._outlets[index.column()]
        n = self.count(verb, outlet)
        if role == Qt.ItemDataRole.DisplayRole:
            return str(n)
        if role == CountRole:
            return n
        if role == LabelRole:
            return verb
        if role == OutletRole:
            return outlet
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _ALIGN_CENTER
        if role == Qt.ItemDataRole.BackgroundRole:
            return heat_colour(n / self._max) if n and self._max else None
        if role == Qt.ItemDataRole.ForegroundRole:
            return readable_on(heat_colour(n / self._max)) if n and self._max else _ZERO_FOREGROUND
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{verb} — {outlet}: {n}"
        return None


#: reads the page of quotations after a key (:meth:`Store.quote_page` of one actor)
QuotePager = Callable[[tuple[int, int, int]], QuotePage]


class QuotesModel(KeysetPagedModel):
    """The actor's quotations: text, kind, verb, document. With a ``pager``, the rows
    given are the first page and the view fetches the others as it scrolls."""

    COLUMNS = ("text", "kind", "verb", "document")

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[QuoteRow] = []
        self._documents: dict[int, tuple[str, str | None]] = {}
        self._headers = {
            "text": self.tr("Quotation"),
            "kind": self.tr("Kind"),
            "verb": self.tr("Verb"),
            "document": self.tr("Document"),
        }
        self._kinds = {
            "direct": self.tr("direct"),
            "indirect": self.tr("indirect"),
            "partial": self.tr("partial"),
        }
        self._pager: QuotePager | None = None
        self._total = 0

    def set_quotes(
        self,
        quotes: Sequence[QuoteRow],
        documents: Mapping[int, tuple[str, str | None]] | None = None,
        *,
        pager: QuotePager | None = None,
        after: tuple[int, int, int] | None = None,
        total: int | None = None,
    ) -> None:
        """Show ``quotes``; with a ``pager`` and ``after``, more follow as the view asks
        (``total`` of them in all)."""
        self.beginResetModel()
        self._rows = list(quotes)
        self._documents = dict(documents or {})
        self._pager = pager
        self._after = after if pager is not None else None
        self._total = max(total or 0, len(self._rows))
        self.endResetModel()

    @property
    def total(self) -> int:
        """How many quotations there are (fetched or not)."""
        return self._total

    def _can_page(self) -> bool:
        return self._pager is not None

    def _next_page(self) -> Any:
        assert self._pager is not None
        return self._pager(self._after)

    def _append(self, page: Any) -> None:
        self._rows.extend(page.rows)
        self._documents.update(page.documents)
        self._after = page.after

    def quote(self, row: int) -> QuoteRow:
        return self._rows[row]

    def _document_name(self, doc_id: int) -> str:
        title, outlet = self._documents.get(doc_id, ("", None))
        name = _shown(_outlet_name(outlet))
        # the outlet and the title each in its own direction: an Arabic title after a
        # Latin outlet, cut short, kept «…» beside its first word
        return in_window_direction([name, title or f"#{doc_id}"], " · ")

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (
            not index.isValid()
            or not 0 <= index.row() < len(self._rows)
            or not 0 <= index.column() < len(self.COLUMNS)
        ):
            return None
        q = self._rows[index.row()]
        column = self.COLUMNS[index.column()]
        if role == DocIdRole:
            return q.document_id
        if role == OffsetRole:
            return q.start
        if role == KindRole:
            return q.kind
        if role == Qt.ItemDataRole.DisplayRole:
            if column == "text":
                return " ".join(q.text.split())
            if column == "kind":
                return self._kinds.get(q.kind, q.kind)
            if column == "verb":
                return q.verb or "—"
            return self._document_name(q.document_id)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == "text":
                who = q.speaker_text or q.speaker_name or ""
                return f"{q.text}\n— {who}" if who else q.text
            if column == "document":
                return self._document_name(q.document_id)
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if column == "kind":
                return _ALIGN_CENTER
            return _text_alignment(str(self.data(index, Qt.ItemDataRole.DisplayRole) or ""))
        return None


class KwicModel(QAbstractTableModel):
    """Concordance lines: context before the match, the match, context after, outlet.

    Show it in a right-to-left view: the "before" column (0) then sits on the right of the
    match. Alignments are logical (no ``AlignAbsolute``), so each context hugs the match
    whatever the view's direction and the matches line up in one column.
    """

    LEFT, MATCH, RIGHT, OUTLET = range(4)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._lines: list[KwicLine] = []
        self._headers = (
            self.tr("Before"),
            self.tr("Match"),
            self.tr("After"),
            self.tr("Outlet"),
        )

    def set_lines(self, lines: Sequence[KwicLine]) -> None:
        self.beginResetModel()
        self._lines = list(lines)
        self.endResetModel()

    def line(self, row: int) -> KwicLine:
        return self._lines[row]

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._lines)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 4

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        return self._headers[section] if 0 <= section < 4 else None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._lines):
            return None
        line, column = self._lines[index.row()], index.column()
        if not 0 <= column < 4:
            return None
        if role == DocIdRole:
            return line.document_id
        if role == OffsetRole:
            return line.start
        if role == OutletRole:
            return _outlet_name(line.outlet)
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                line.left.strip(),
                line.match,
                line.right.strip(),
                _shown(_outlet_name(line.outlet)),
            )[column]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if column == self.LEFT:  # its end touches the match
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if column == self.RIGHT:  # its start touches the match
                return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
            return _ALIGN_CENTER
        if role == Qt.ItemDataRole.FontRole and column == self.MATCH:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{line.left}{line.match}{line.right}"
        return None


class _KwicDelegate(QStyledItemDelegate):
    """Elides the "before" context at its start, so the words next to the match stay."""

    def initStyleOption(self, option: QStyleOptionViewItem, index: _Index) -> None:
        super().initStyleOption(option, index)
        if index.column() == KwicModel.LEFT:
            option.textElideMode = Qt.TextElideMode.ElideLeft
        elif index.column() == KwicModel.RIGHT:
            option.textElideMode = Qt.TextElideMode.ElideRight


# ---- the coverage chart ----------------------------------------------------------------


def _month_range(first: str, last: str, cap: int = 600) -> list[str]:
    """Every month from ``first`` to ``last`` (YYYY-MM) inclusive; just the two past ``cap``."""
    try:
        y0, m0 = (int(x) for x in first.split("-"))
        y1, m1 = (int(x) for x in last.split("-"))
    except ValueError:
        return sorted({first, last})
    n = (y1 - y0) * 12 + (m1 - m0)
    if n < 0 or n > cap:
        return sorted({first, last})
    out = []
    for i in range(n + 1):
        y, m = divmod(m0 - 1 + i, 12)
        out.append(f"{y0 + y:04d}-{m + 1:02d}")
    return out


def _nice_step(top: int, ticks: int = 4) -> int:
    raw = max(1.0, top / ticks)
    magnitude = 10 ** math.floor(math.log10(raw))
    for m in (1, 2, 5, 10):
        if m * magnitude >= raw:
            return int(m * magnitude)
    return int(10 * magnitude)


class CoverageChart(QWidget):
    """Documents mentioning the actor per month, one bar per outlet in each month.

    Months between the first and the last are shown even when empty; undated documents get
    their own group at the end. In a right-to-left layout the time axis runs right to left.
    """

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._data: dict[str, dict[str, int]] = {}
        self._outlets: list[str] = []
        self._months: list[str] = []
        self.setMinimumSize(240, 160)

    def set_data(self, data: Mapping[str, Mapping[str, int]] | None) -> None:
        self._data = {
            _outlet_name(o): {m: int(n) for m, n in months.items() if n}
            for o, months in (data or {}).items()
        }
        self._data = {o: m for o, m in self._data.items() if m}
        self._outlets = sorted(self._data)
        dated = sorted({m for ms in self._data.values() for m in ms if m != UNDATED})
        months = _month_range(dated[0], dated[-1]) if dated else []
        if any(UNDATED in ms for ms in self._data.values()):
            months.append(UNDATED)
        self._months = months
        self.update()

    def months(self) -> list[str]:
        return list(self._months)

    def outlets(self) -> list[str]:
        return list(self._outlets)

    def outlet_colours(self) -> dict[str, QColor]:
        return {
            o: QColor(OUTLET_COLOURS[i % len(OUTLET_COLOURS)]) for i, o in enumerate(self._outlets)
        }

    def value(self, outlet: str, month: str) -> int:
        return self._data.get(outlet, {}).get(month, 0)

    def is_empty(self) -> bool:
        return not self._months

    def sizeHint(self) -> QSize:
        return QSize(640, 300)

    def minimumSizeHint(self) -> QSize:
        return QSize(240, 160)

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        try:
            self.paint(painter, QRectF(self.rect()))
        finally:
            painter.end()

    def save_png(self, path: str | Path) -> bool:
        """Write the chart as a PNG: the widget as shown, or at its size hint when it is
        too small to read (hidden, never laid out)."""
        hint = self.sizeHint()
        if self.width() >= self.minimumSizeHint().width() and self.height() >= 120:
            image = self.grab().toImage()
        else:
            image = QImage(hint, QImage.Format.Format_ARGB32)
            image.fill(self.palette().color(QPalette.ColorRole.Base))
            painter = QPainter(image)
            try:
                self.paint(painter, QRectF(0, 0, hint.width(), hint.height()))
            finally:
                painter.end()
        return bool(image.save(str(path), "PNG"))  # type: ignore[call-overload]

    # the painting itself, onto any device
    def paint(self, p: QPainter, rect: QRectF) -> None:
        pal = self.palette()
        text_colour = pal.color(QPalette.ColorRole.Text)
        grid_colour = QColor(text_colour)
        grid_colour.setAlpha(40)
        p.fillRect(rect, pal.color(QPalette.ColorRole.Base))
        p.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        p.setFont(self.font())
        p.setPen(text_colour)
        fm = p.fontMetrics()
        line_h = fm.height()
        rtl = self.layoutDirection() == Qt.LayoutDirection.RightToLeft

        def mirror(r: QRectF) -> QRectF:
            if not rtl:
                return r
            return QRectF(rect.left() + rect.right() - r.right(), r.top(), r.width(), r.height())

        title = self.tr("Documents mentioning the actor, per month")
        title_align = Qt.AlignmentFlag.AlignVCenter | (
            Qt.AlignmentFlag.AlignRight if rtl else Qt.AlignmentFlag.AlignLeft
        )
        p.drawText(
            QRectF(rect.left() + 8, rect.top() + 4, rect.width() - 16, line_h),
            int(title_align | Qt.AlignmentFlag.AlignAbsolute),
            title,
        )
        if self.is_empty():
            p.drawText(rect, int(Qt.AlignmentFlag.AlignCenter), self.tr("No documents"))
            return

        # legend: one swatch per outlet, flowing in reading direction
        colours = self.outlet_colours()
        x = rect.left() + 8
        y = rect.top() + 8 + line_h
        for outlet in self._outlets:
            shown = _shown(outlet)
            w = 12 + 4 + fm.horizontalAdvance(shown) + 16
            if x + w > rect.right() - 8 and x > rect.left() + 8:
                x = rect.left() + 8
                y += line_h + 2
            p.fillRect(mirror(QRectF(x, y + (line_h - 12) / 2, 12, 12)), colours[outlet])
            p.setPen(text_colour)
            p.drawText(
                mirror(QRectF(x + 16, y, w - 16, line_h)),
                int(
                    Qt.AlignmentFlag.AlignVCenter
                    | (Qt.AlignmentFlag.AlignRight if rtl else Qt.AlignmentFlag.AlignLeft)
                    | Qt.AlignmentFlag.AlignAbsolute
                ),
                shown,
            )
            x += w
        top_of_plot = y + line_h + 10

        peak = max((self.value(o, m) for o in self._outlets for m in self._months), default=0)
        step = _nice_step(max(peak, 1))
        top_value = max(step, math.ceil(max(peak, 1) / step) * step)
        y_label_w = fm.horizontalAdvance(str(top_value)) + 10
        plot = QRectF(
            rect.left() + 8 + y_label_w,
            top_of_plot,
            max(1.0, rect.width() - 24 - y_label_w),
            max(1.0, rect.bottom() - top_of_plot - line_h - 12),
        )

        def y_of(v: float) -> float:
            return plot.bottom() - v / top_value * plot.height()

        # y axis: grid lines and tick labels
        for v in range(0, top_value + 1, step):
            yy = y_of(v)
            p.setPen(QPen(grid_colour))
            p.drawLine(
                mirror(QRectF(plot.left(), yy, plot.width(), 0)).topLeft(),
                mirror(QRectF(plot.left(), yy, plot.width(), 0)).topRight(),
            )
            p.setPen(text_colour)
            p.drawText(
                mirror(QRectF(rect.left() + 4, yy - line_h / 2, y_label_w - 8, line_h)),
                int(
                    Qt.AlignmentFlag.AlignVCenter
                    | (Qt.AlignmentFlag.AlignLeft if rtl else Qt.AlignmentFlag.AlignRight)
                    | Qt.AlignmentFlag.AlignAbsolute
                ),
                str(v),
            )

        # bars, grouped by month
        n = len(self._months)
        group_w = plot.width() / n
        bar_w = min(48.0, max(1.0, group_w * 0.8 / max(1, len(self._outlets))))
        group_pad = max(0.0, (group_w - bar_w * len(self._outlets)) / 2)
        label_w = max(fm.horizontalAdvance(self._label(m)) for m in self._months) + 8
        every = max(1, math.ceil(label_w / max(group_w, 1.0)))
        labelled = {i for i in range(n) if i % every == 0}
        if self._months[-1] == UNDATED:  # always named; no month label overlapping it
            labelled = {i for i in labelled if n - 1 - i >= every} | {n - 1}
        for i, month in enumerate(self._months):
            gx = plot.left() + i * group_w
            if month == UNDATED and i > 0:
                pen = QPen(grid_colour)
                pen.setStyle(Qt.PenStyle.DashLine)
                p.setPen(pen)
                sep = mirror(QRectF(gx, plot.top(), 0, plot.height()))
                p.drawLine(sep.topLeft(), sep.bottomLeft())
            for j, outlet in enumerate(self._outlets):
                v = self.value(outlet, month)
                if not v:
                    continue
                bx = gx + group_pad + j * bar_w
                p.fillRect(
                    mirror(QRectF(bx, y_of(v), max(1.0, bar_w - 1), plot.bottom() - y_of(v))),
                    colours[outlet],
                )
            if i in labelled:
                p.setPen(text_colour)
                lx = gx + group_w / 2 - label_w / 2
                lx = max(rect.left(), min(lx, rect.right() - label_w))
                p.drawText(
                    mirror(QRectF(lx, plot.bottom() + 4, label_w, line_h)),
                    int(Qt.AlignmentFlag.AlignCenter),
                    self._label(month),
                )
        # x axis
        p.setPen(QPen(text_colour))
        axis = mirror(QRectF(plot.left(), plot.bottom(), plot.width(), 0))
        p.drawLine(QPointF(axis.left(), axis.top()), QPointF(axis.right(), axis.top()))

    def _label(self, month: str) -> str:
        return self.tr("undated") if month == UNDATED else month


# ---- the view --------------------------------------------------------------------------


class SaveDialogs(Protocol):
    def save_path(self, title: str, file_filter: str) -> str | None: ...


class FileDialogs:
    """The default :class:`SaveDialogs`: Qt's file dialog."""

    def __init__(self, parent: QWidget | None = None) -> None:
        self.parent = parent

    def save_path(self, title: str, file_filter: str) -> str | None:
        path, _chosen = QFileDialog.getSaveFileName(self.parent, title, "", file_filter)
        return path or None


class ActorView(QWidget):
    """One actor across outlets: labels heatmap, verbs, quotations, concordance, coverage.

    Signals: ``open_document(doc_id, offset)`` (offset in code points, as stored) when a
    concordance line, a quotation or a heatmap cell is activated; ``loaded(entity_id)``
    once an actor is shown; ``kwic_loaded(term)`` when the concordance of another alias is
    shown; ``failed(message)`` when loading fails.
    """

    open_document = Signal(int, int)
    loaded = Signal(int)
    kwic_loaded = Signal(str)
    failed = Signal(str)

    def __init__(
        self,
        store: Store,
        runner: TaskRunner,
        parent: Any = None,
        dialogs: SaveDialogs | None = None,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.runner = runner
        self.dialogs: SaveDialogs = dialogs if dialogs is not None else FileDialogs(self)
        self.actor: ActorData | None = None
        #: the actor chosen while the view was hidden, read when it is shown
        self._pending: int | None = None
        #: the actor being read, until it is shown
        self._loading: int | None = None
        self._generation = 0
        self._kwic_generation = 0

        self.heatmap_model = FrameHeatmapModel(self)
        self.verbs_model = VerbsModel(self)
        self.quotes_model = QuotesModel(self)
        self.kwic_model = KwicModel(self)

        # header: name, summary, actions
        self.name_label = QLabel()
        self.name_label.setObjectName("actorName")
        font = self.name_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        self.name_label.setFont(font)
        self.name_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.summary_label = PartsLabel(" · ")
        self.summary_label.setObjectName("actorSummary")
        self.status_label = QLabel()
        self.status_label.setObjectName("actorStatus")

        self.export_action = QAction(self.tr("Export table…"), self)
        self.export_action.setToolTip(self.tr("Save the label table as CSV"))
        self.export_action.triggered.connect(self.choose_export_path)
        self.save_chart_action = QAction(self.tr("Save chart…"), self)
        self.save_chart_action.setToolTip(self.tr("Save the coverage chart as PNG"))
        self.save_chart_action.triggered.connect(self.choose_chart_path)
        self.export_button = QToolButton()
        self.export_button.setDefaultAction(self.export_action)
        self.chart_button = QToolButton()
        self.chart_button.setDefaultAction(self.save_chart_action)

        header = QHBoxLayout()
        titles = QVBoxLayout()
        titles.addWidget(self.name_label)
        titles.addWidget(self.summary_label)
        header.addLayout(titles, 1)
        header.addWidget(self.status_label)
        header.addWidget(self.export_button)
        header.addWidget(self.chart_button)

        # the heatmap
        # Columns are sized to their contents once per actor (_fit_columns), not kept so by
        # a ResizeToContents mode, which asks every cell for its size on every layout.
        self.heatmap_view = self._table_view("actorHeatmap", self.heatmap_model)
        self.heatmap_view.verticalHeader().show()
        self.heatmap_view.verticalHeader().setMaximumWidth(420)
        self.heatmap_view.horizontalHeader().setStretchLastSection(False)
        self.heatmap_view.horizontalHeader().setMinimumSectionSize(64)
        self.heatmap_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        heatmap_box = QWidget()
        heatmap_layout = QVBoxLayout(heatmap_box)
        heatmap_layout.setContentsMargins(0, 0, 0, 0)
        self.heatmap_caption = QLabel(self._heatmap_caption(True))
        self.heatmap_caption.setWordWrap(True)
        heatmap_layout.addWidget(self.heatmap_caption)
        heatmap_layout.addWidget(self.heatmap_view)

        # verbs, quotations, concordance, coverage
        self.verbs_view = self._table_view("actorVerbs", self.verbs_model)
        self.verbs_view.verticalHeader().show()
        self.verbs_view.horizontalHeader().setMinimumSectionSize(64)
        # quotations: thousands of rows for a much quoted actor, read a page at a time;
        # the kind, the verb and the document sized to the rows in view (not every row),
        # the document to at most a third of the table, the quotation the rest (fixed
        # widths left the quotation some 60 pixels at 1280 × 800: «ربما في وق…»)
        self.quotes_view = self._table_view("actorQuotes", self.quotes_model)
        sample_rows_only(self.quotes_view)
        qh = self.quotes_view.horizontalHeader()
        qh.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        qh.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        qh.setStretchLastSection(False)
        self.quote_columns = FittedColumns(self.quotes_view, [3, 1, 2], _DOCUMENT_SHARE)

        self.kwic_view = self._table_view("actorKwic", self.kwic_model)
        # Arabic concordance: before-context on the right, whatever the UI's direction
        self.kwic_view.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        self.kwic_view.setItemDelegate(_KwicDelegate(self.kwic_view))
        kh = self.kwic_view.horizontalHeader()
        kh.setSectionResizeMode(KwicModel.LEFT, QHeaderView.ResizeMode.Stretch)
        kh.setSectionResizeMode(KwicModel.RIGHT, QHeaderView.ResizeMode.Stretch)
        kh.setStretchLastSection(False)
        self.kwic_alias = QComboBox()
        self.kwic_alias.setObjectName("actorKwicAlias")
        self.kwic_alias.setToolTip(self.tr("The spelling whose concordance is shown"))
        self.kwic_alias.activated.connect(self._on_alias_chosen)
        kwic_box = QWidget()
        kwic_layout = QVBoxLayout(kwic_box)
        kwic_layout.setContentsMargins(0, 0, 0, 0)
        alias_row = QHBoxLayout()
        alias_row.addWidget(QLabel(self.tr("Spelling:")))
        alias_row.addWidget(self.kwic_alias, 1)
        kwic_layout.addLayout(alias_row)
        kwic_layout.addWidget(self.kwic_view)

        self.chart = CoverageChart()
        self.chart.setObjectName("actorCoverage")

        self.tabs = QTabWidget()
        self.tabs.addTab(kwic_box, self.tr("Concordance"))
        self.tabs.addTab(self.quotes_view, self.tr("Quotations"))
        self.tabs.addTab(self.verbs_view, self.tr("Speech verbs"))
        self.tabs.addTab(self.chart, self.tr("Coverage"))

        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.setObjectName("actorSplitter")
        self.splitter.addWidget(heatmap_box)
        self.splitter.addWidget(self.tabs)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setChildrenCollapsible(False)

        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addWidget(self.splitter, 1)

        self.heatmap_view.activated.connect(self._heatmap_activated)
        self.quotes_view.activated.connect(self._document_activated)
        self.kwic_view.activated.connect(self._document_activated)
        self._set_actions_enabled()

    def _table_view(self, name: str, model: QAbstractTableModel) -> QTableView:
        view = QTableView()
        view.setObjectName(name)
        view.setModel(model)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.setWordWrap(False)
        view.setAlternatingRowColors(False)
        view.verticalHeader().hide()
        # each cell in its own direction: an Arabic quotation too long for its column, in
        # the English window, lost its end and kept «…» beside its first word
        view.setItemDelegate(OwnDirectionDelegate(view))
        return view

    # ---- loading --------------------------------------------------------------------------
    @property
    def entity_id(self) -> int | None:
        return self.actor.entity_id if self.actor else None

    @property
    def pending_entity(self) -> int | None:
        """The actor chosen while the view was hidden and not read yet."""
        return self._pending

    @property
    def chosen_entity(self) -> int | None:
        """The actor the view shows, is reading, or reads once shown (None: no actor)."""
        if self._pending is not None:
            return self._pending
        return self._loading if self._loading is not None else self.entity_id

    def set_entity(self, entity_id: int) -> None:
        """Show this actor: loaded now if the view is visible, else once it is shown."""
        if self.isVisible():
            self.show_entity(entity_id)
            return
        self._generation += 1  # an earlier actor still loading is not shown
        self._kwic_generation += 1
        self._loading = None
        self._pending = entity_id

    def follow_edit(self, entity_id: int | None) -> None:
        """The entities were edited: show ``entity_id`` (the actor chosen, or the one an
        edit merged it into) read again, or nothing when it is gone or ignored. An actor
        already to be read (chosen since the edit ended) is not read twice."""
        if entity_id is None:
            self.clear()
        elif entity_id not in (self._pending, self._loading):
            self.set_entity(entity_id)

    def clear(self) -> None:
        """Show no actor; one still loading is not shown either."""
        self._pending = self._loading = None
        self._generation += 1
        self._kwic_generation += 1
        self.actor = None
        self.heatmap_model.set_table(None)
        self.verbs_model.set_table(None)
        self.quotes_model.set_quotes([])
        self.kwic_model.set_lines([])
        self.chart.set_data(None)
        self.kwic_alias.clear()
        self.name_label.setText("")
        self.summary_label.clear()
        self.status_label.setText("")
        self._set_actions_enabled()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._pending is not None:
            self.show_entity(self._pending)

    def show_entity(self, entity_id: int) -> None:
        """Load the actor in the background; ``loaded`` is emitted once it is shown."""
        self._pending = None
        self._loading = entity_id
        self._generation += 1
        self._kwic_generation += 1
        generation = self._generation
        store = self.store
        self.status_label.setText(self.tr("Loading…"))

        def task() -> ActorData:  # worker thread: the store only, no widgets
            return load_actor(store, entity_id)

        self.runner.submit(
            task,
            on_done=lambda result: self._apply(generation, result),
            on_error=lambda message: self._fail(generation, message),
        )

    def _alive(self, generation: int) -> bool:
        return shiboken6.isValid(self) and generation == self._generation

    def _apply(self, generation: int, data: ActorData) -> None:
        if not self._alive(generation):
            return
        self._loading = None
        self.actor = data
        table = data.table
        self.heatmap_model.set_table(table, data.example_offsets)
        # an actor no outlet labels (a country, most places) showed an empty grid under
        # a header of every outlet: it says so instead
        self.heatmap_caption.setText(self._heatmap_caption(bool(table.labels)))
        self.heatmap_view.setVisible(bool(table.labels))
        self.verbs_model.set_table(table)
        store, entity_id = self.store, data.entity_id
        self.quotes_model.set_quotes(
            data.quotes,
            data.documents,
            pager=lambda after: store.quote_page(
                speaker_id=entity_id, after=after, limit=QUOTES_PAGE
            ),
            after=data.quotes_after,
            total=data.quote_total,
        )
        self.kwic_model.set_lines(data.kwic)
        self._fit_columns()
        self.chart.set_data(data.coverage)
        self.kwic_alias.clear()
        for alias, n in data.aliases:
            self.kwic_alias.addItem(f"{alias} ({n:,})", alias)
        if not data.aliases:
            self.kwic_alias.addItem(data.kwic_term, data.kwic_term)
        self.kwic_alias.setCurrentIndex(max(0, self.kwic_alias.findData(data.kwic_term)))
        self.name_label.setText(data.name)
        self.summary_label.set_parts(self._summary(data).split(" · "))
        self.status_label.setText("")
        self._set_actions_enabled()
        self.loaded.emit(data.entity_id)

    def _heatmap_caption(self, labelled: bool) -> str:
        if labelled:
            return self.tr("How each outlet labels the actor (double-click a cell for its example)")
        return self.tr(
            "No outlet labels this actor: they only name it (its names are in the concordance)"
        )

    def _fit_columns(self) -> None:
        """Size the small tables' columns to their contents, once (labels and verbs by
        outlets: tens of cells, not thousands)."""
        self.heatmap_view.resizeColumnsToContents()
        self.heatmap_view.resizeRowsToContents()
        self.verbs_view.resizeColumnsToContents()
        self._fit_kwic()

    def _fit_kwic(self) -> None:
        """The match and outlet columns of the concordance (at most KWIC_LIMIT lines)."""
        self.kwic_view.resizeColumnToContents(KwicModel.MATCH)
        self.kwic_view.resizeColumnToContents(KwicModel.OUTLET)

    def _fail(self, generation: int, message: str) -> None:
        if not self._alive(generation):
            return
        self._loading = None
        first = message.strip().splitlines()[0] if message.strip() else ""
        self.status_label.setText(self.tr("Could not load: {0}").format(first))
        self.failed.emit(message)

    def _summary(self, data: ActorData) -> str:
        types = {
            "person": self.tr("person"),
            "organisation": self.tr("organisation"),
            "group": self.tr("armed group"),
            "state": self.tr("state or government"),
            "place": self.tr("place"),
            "media": self.tr("media"),
        }
        n = data.mentions
        mentions = self.tr("1 mention") if n == 1 else self.tr("{0} mentions").format(f"{n:,}")
        n = data.document_count
        documents = self.tr("1 document") if n == 1 else self.tr("{0} documents").format(f"{n:,}")
        n = data.outlet_count
        outlets = self.tr("1 outlet") if n == 1 else self.tr("{0} outlets").format(f"{n:,}")
        n = sum(data.table.counts.values())
        labelled = (
            self.tr("labelled once") if n == 1 else self.tr("labelled {0} times").format(f"{n:,}")
        )
        n = sum(data.table.quoted.values())
        quoted = self.tr("quoted once") if n == 1 else self.tr("quoted {0} times").format(f"{n:,}")
        # «person · 2 mentions in 1 document · 1 outlet · labelled once · quoted 3 times»
        return self.tr("{0} · {1} in {2} · {3} · {4} · {5}").format(
            types.get(data.type, data.type), mentions, documents, outlets, labelled, quoted
        )

    def _on_alias_chosen(self, index: int) -> None:
        term = self.kwic_alias.itemData(index)
        if isinstance(term, str) and term:
            self.show_kwic(term)

    def show_kwic(self, term: str) -> None:
        """Replace the concordance by the lines of ``term`` (in the background)."""
        self._kwic_generation += 1
        generation, kwic_generation = self._generation, self._kwic_generation
        store = self.store

        def done(lines: list[KwicLine]) -> None:
            if self._alive(generation) and kwic_generation == self._kwic_generation:
                self.kwic_model.set_lines(lines)
                self._fit_kwic()
                if self.actor is not None:
                    self.actor.kwic_term, self.actor.kwic = term, lines
                self.kwic_loaded.emit(term)

        entity_id = self.entity_id
        self.runner.submit(
            lambda: load_kwic(store, term, entity_id),
            on_done=done,
            on_error=lambda message: self._fail(generation, message),
        )

    # ---- opening documents ----------------------------------------------------------------
    def _heatmap_activated(self, index: QModelIndex) -> None:
        doc_id = index.data(ExampleDocRole)
        if doc_id is not None:
            self.open_document.emit(int(doc_id), int(index.data(ExampleOffsetRole) or 0))

    def _document_activated(self, index: QModelIndex) -> None:
        doc_id = index.data(DocIdRole)
        if doc_id is not None:
            self.open_document.emit(int(doc_id), int(index.data(OffsetRole) or 0))

    # ---- export ---------------------------------------------------------------------------
    def _set_actions_enabled(self) -> None:
        self.export_action.setEnabled(self.heatmap_model.rowCount() > 0)
        self.save_chart_action.setEnabled(self.actor is not None)

    def export_heatmap_csv(self, path: str | Path) -> None:
        """The label table as CSV (UTF-8 with a BOM, so spreadsheets read the Arabic)."""
        with Path(path).open("w", encoding="utf-8-sig", newline="") as f:
            csv.writer(f).writerows(self.heatmap_model.csv_rows())

    def save_chart(self, path: str | Path) -> bool:
        return self.chart.save_png(path)

    def choose_export_path(self) -> None:
        path = self.dialogs.save_path(self.tr("Export table"), self.tr("CSV files (*.csv)"))
        if not path:
            return
        target = Path(path) if Path(path).suffix else Path(path).with_suffix(".csv")
        try:
            self.export_heatmap_csv(target)
        except OSError as exc:
            self.status_label.setText(self.tr("Could not save: {0}").format(exc))
        else:
            self.status_label.setText(self.tr("Saved {0}").format(target.name))

    def choose_chart_path(self) -> None:
        path = self.dialogs.save_path(self.tr("Save chart"), self.tr("PNG images (*.png)"))
        if not path:
            return
        target = Path(path) if Path(path).suffix else Path(path).with_suffix(".png")
        if self.save_chart(target):
            self.status_label.setText(self.tr("Saved {0}").format(target.name))
        else:
            self.status_label.setText(self.tr("Could not save {0}").format(target.name))
