"""The compare view: two articles side by side, their aligned passages shaded alike,
and below them how each side frames the actors they share, the actors and events only
one side has. Two outlets compare too (tables only, no text panes).

The view holds no analysis and no SQL: the comparison comes from
:mod:`desktop.compare.comparison`, loaded in the injected :class:`TaskRunner`.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtCore import (
    QAbstractListModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPoint,
    QSortFilterProxyModel,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QAction,
    QColor,
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QFont,
    QKeyEvent,
    QKeySequence,
    QMouseEvent,
    QPaintEvent,
    QResizeEvent,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListView,
    QSizePolicy,
    QSplitter,
    QStyle,
    QStyleOptionComboBox,
    QStylePainter,
    QTableView,
    QTabWidget,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.compare.comparison import (
    ActorRow,
    ActorSide,
    Comparison,
    compare_documents,
    compare_outlets,
)
from desktop.compare.export import file_encoding, to_csv, to_html, to_json
from desktop.store.rows import DocumentDetail, DocumentRow, EventRow
from desktop.store.store import Store
from desktop.ui.bidi import OwnDirectionDelegate, in_window_direction, window_leading
from desktop.ui.document_model import DOCUMENT_MIME, is_rtl
from desktop.ui.document_pane import DocumentMarks, DocumentPane
from desktop.ui.labels import ElidedPartsLabel
from desktop.ui.names import outlet_label, row_outlet
from desktop.ui.palette import (
    aligned_shade,
    category_colour,
    entity_colour,
    entity_type_singular,
    event_type_name,
    label_note,
    verb_category_name,
)
from desktop.ui.table_model import ColumnsTableModel
from desktop.ui.text_offsets import Utf16Index
from desktop.ui.workers import TaskRunner

EntityIdRole = Qt.ItemDataRole.UserRole + 1
DiffersRole = Qt.ItemDataRole.UserRole + 2
SortRole = Qt.ItemDataRole.UserRole + 3
SpansRole = Qt.ItemDataRole.UserRole + 4
ColourRole = Qt.ItemDataRole.UserRole + 5
ScoreRole = Qt.ItemDataRole.UserRole + 6
DocumentIdRole = Qt.ItemDataRole.UserRole + 7
OffsetRole = Qt.ItemDataRole.UserRole + 8

#: background of a shared actor whom the two sides label or quote differently
DIFF_BACKGROUND = "#fff3cd"
EXPORT_FORMATS = ("html", "json", "csv")
SIDE_A, SIDE_B = 0, 1
_Index = QModelIndex | QPersistentModelIndex
_Spans = tuple[tuple[int, int], tuple[int, int]]
_RIGHT = (
    Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignAbsolute
)
_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignAbsolute


def _alignment(text: str) -> int:
    return int(_RIGHT if is_rtl(text) else _LEFT)


def _short(text: str, limit: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


# ---- partners: which documents are worth comparing with this one ---------------------------
def rank_partners(store: Store, doc_id: int) -> list[tuple[int, int, float]]:
    """Documents sharing entities with ``doc_id``: (id, shared entities, weight), best first.

    Ranked by the number of shared entities; ties go to the document whose shared entities
    are rarer in the corpus (each weighs 1 / the number of documents mentioning it), then
    to the lower id. One store query per entity of ``doc_id``, none per document.
    """
    entities = {m.entity_id for m, _name, _type in store.document_mentions(doc_id)}
    shared: Counter[int] = Counter()
    weight: defaultdict[int, float] = defaultdict(float)
    for entity_id in sorted(entities):
        docs = [d for d in store.documents_mentioning([entity_id]) if d != doc_id]
        for d in docs:
            shared[d] += 1
            weight[d] += 1.0 / (len(docs) + 1)
    ranked = sorted(shared, key=lambda d: (-shared[d], -weight[d], d))
    return [(d, shared[d], weight[d]) for d in ranked]


def suggest_partners(store: Store, doc_id: int) -> list[int]:
    """Ids of the documents sharing most entities with ``doc_id``, best first."""
    return [d for d, _n, _w in rank_partners(store, doc_id)]


# ---- what a worker hands back -----------------------------------------------------------
@dataclass
class LoadedDocuments:
    comparison: Comparison
    details: tuple[DocumentDetail, DocumentDetail]
    marks: tuple[DocumentMarks, DocumentMarks]


def load_document_comparison(store: Store, a: int | None, b: int | None) -> LoadedDocuments:
    """Runs in a worker thread: the comparison and both articles with their marks. A
    missing side is filled with the best partner of the other."""
    if a is None and b is None:
        raise ValueError("no document to compare")
    if a is None or b is None:
        known = a if a is not None else b
        assert known is not None
        partners = suggest_partners(store, known)
        if not partners:
            raise ValueError(f"no other document shares an actor with document {known}")
        a, b = (known, partners[0]) if a is not None else (partners[0], known)
    comp = compare_documents(store, a, b)
    return LoadedDocuments(
        comp,
        (store.document(a), store.document(b)),
        (DocumentMarks.load(store, a), DocumentMarks.load(store, b)),
    )


# ---- models -------------------------------------------------------------------------------
class CompareActorsModel(ColumnsTableModel):
    """One row per shared actor; what each side calls them, the verbs that introduce their
    words, how often they are quoted and their share of the quoted words."""

    COLUMNS = (
        "actor",
        "a_labels",
        "b_labels",
        "a_verbs",
        "b_verbs",
        "a_quotes",
        "b_quotes",
        "a_voice",
        "b_voice",
    )
    NUMERIC = frozenset({"a_quotes", "b_quotes", "a_voice", "b_voice"})

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[ActorRow] = []
        self._headers = {
            "actor": self.tr("Actor"),
            "a_labels": self.tr("A labels"),
            "b_labels": self.tr("B labels"),
            "a_verbs": self.tr("A verbs"),
            "b_verbs": self.tr("B verbs"),
            "a_quotes": self.tr("A quotes"),
            "b_quotes": self.tr("B quotes"),
            "a_voice": self.tr("A voice %"),
            "b_voice": self.tr("B voice %"),
        }

    def set_comparison(self, comp: Comparison | None) -> None:
        self.beginResetModel()
        self._rows = list(comp.shared) if comp is not None else []
        self.endResetModel()

    def actor(self, row: int) -> ActorRow:
        return self._rows[row]

    def row_for_entity(self, entity_id: int) -> int | None:
        return next((i for i, r in enumerate(self._rows) if r.entity_id == entity_id), None)

    @staticmethod
    def _side(row: ActorRow, column: str) -> ActorSide:
        return row.a if column.startswith("a_") else row.b

    def _display(self, row: ActorRow, column: str) -> str:
        if column == "actor":
            return row.name
        side = self._side(row, column)
        if column.endswith("labels"):
            return " · ".join(f"{t} ({label_note(c, k)})" for t, c, k, _n in side.labels) or "—"
        if column.endswith("verbs"):
            return " · ".join(v if n == 1 else f"{v} ×{n}" for v, _c, n in side.verbs) or "—"
        if column.endswith("quotes"):
            if side.reported:  # «0 (+2 reported)»: its voice is not only in quotations
                return self.tr("{0} (+{1} reported)").format(len(side.quotes), side.reported)
            return str(len(side.quotes))
        return f"{round(side.voice_share * 100)}%"

    def _tooltip(self, row: ActorRow, column: str) -> str:
        if column == "actor":
            tip = self.tr("{0} · {1}\nA: {2} mentions · B: {3} mentions").format(
                row.name, entity_type_singular(row.type), row.a.mentions, row.b.mentions
            )
            if row.differs:
                tip += "\n" + self.tr("The two sides label or quote this actor differently.")
            return tip
        side = self._side(row, column)
        if column.endswith("labels"):
            lines = [f"{t} — {label_note(c, k)} ×{n}" for t, c, k, n in side.labels]
            return "\n".join(lines) or self.tr("No labels")
        if column.endswith("verbs"):
            lines = [f"{v} — {verb_category_name(c)} ×{n}" for v, c, n in side.verbs]
            return "\n".join(lines) or self.tr("No speech verbs")
        if column.endswith("quotes"):
            tip = "\n".join(f"«{_short(q, 160)}»" for q in side.quotes[:8]) or self.tr("Not quoted")
            if side.reported:
                tip += "\n" + self.tr("and {0} statements reported in the outlet's words").format(
                    side.reported
                )
            return tip
        return self.tr("{0} quoted words ({1:.1%} of all quoted words)").format(
            side.voice_words, side.voice_share
        )

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        row = self._rows[index.row()]
        column = self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, column)
        if role == Qt.ItemDataRole.BackgroundRole:
            return QColor(DIFF_BACKGROUND) if row.differs else None
        if role == Qt.ItemDataRole.ForegroundRole:
            if column.endswith("labels"):
                side = self._side(row, column)
                category = next((c for _t, c, _k, _n in side.labels if c), None)
                if category is not None:
                    return category_colour(category)
            return QColor("#111111") if row.differs else None
        if role == Qt.ItemDataRole.DecorationRole and column.endswith("labels"):
            side = self._side(row, column)
            category = next((c for _t, c, _k, _n in side.labels if c), None)
            return category_colour(category) if category is not None else None
        if role == Qt.ItemDataRole.FontRole and column == "actor" and row.differs:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if column in self.NUMERIC:
                return int(Qt.AlignmentFlag.AlignCenter)
            return _alignment(self._display(row, column))
        if role == SortRole:
            if column in self.NUMERIC:
                side = self._side(row, column)
                return len(side.quotes) if column.endswith("quotes") else side.voice_share
            return self._display(row, column)
        if role == EntityIdRole:
            return row.entity_id
        if role == DiffersRole:
            return row.differs
        return None


class PassagesModel(QAbstractListModel):
    """The aligned passage pairs, each with its score and the shade both panes use."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[tuple[tuple[str, str, float, list[str]], _Spans]] = []

    def set_comparison(self, comp: Comparison | None) -> None:
        self.beginResetModel()
        self._rows = (
            list(zip(comp.passages, comp.passage_spans, strict=True)) if comp is not None else []
        )
        self.endResetModel()

    def spans(self, row: int) -> _Spans:
        return self._rows[row][1]

    def heading(self, number: int, score: float) -> str:
        """A passage's first line: «Passage 1 · similarity 24%»."""
        return self.tr("Passage {0} · similarity {1:.0%}").format(number, score)

    def row_at(self, side: int, offset: int) -> int | None:
        """The pair whose passage on ``side`` holds the code-point ``offset``."""
        for i, (_p, spans) in enumerate(self._rows):
            start, end = spans[side]
            if start <= offset < end:
                return i
        return None

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        i = index.row()
        (text_a, text_b, score, shared), spans = self._rows[i]
        if role == Qt.ItemDataRole.DisplayRole:
            head = self.heading(i + 1, score)
            return f"{head}\nA: {_short(text_a)}\nB: {_short(text_b)}"
        if role == Qt.ItemDataRole.ToolTipRole:
            tip = f"A: {' '.join(text_a.split())}\n\nB: {' '.join(text_b.split())}"
            if shared:
                tip += "\n\n" + self.tr("Shared words: {0}").format("، ".join(shared))
            return tip
        if role in (Qt.ItemDataRole.DecorationRole, ColourRole):
            return aligned_shade(i)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _alignment(text_a)
        if role == SpansRole:
            return spans
        if role == ScoreRole:
            return score
        return None


class OneSideModel(QAbstractListModel):
    """Actors that only one side mentions: (entity id, name, type, mentions)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[tuple[int, str, str, int]] = []

    def set_rows(self, rows: list[tuple[int, str, str, int]]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        entity_id, name, etype, mentions = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{name} ({mentions})"
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tr("{0} · {1} · {2} mentions").format(
                name, entity_type_singular(etype), mentions
            )
        if role == Qt.ItemDataRole.DecorationRole:
            return entity_colour(etype)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _alignment(name)
        if role == EntityIdRole:
            return entity_id
        return None


class CompareEventsModel(ColumnsTableModel):
    """Events both sides report (paired), and those only one side reports."""

    COLUMNS = ("where", "type", "a", "b", "place", "date")
    #: the columns of what each side wrote
    TRIGGERS = (2, 3)
    SHARED, ONLY_A, ONLY_B = "shared", "only_a", "only_b"

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[tuple[str, EventRow | None, EventRow | None]] = []
        self._headers = {
            "where": self.tr("Reported by"),
            "type": self.tr("Type"),
            "a": self.tr("In A"),
            "b": self.tr("In B"),
            "place": self.tr("Place"),
            "date": self.tr("Date"),
        }
        self._where = {
            self.SHARED: self.tr("Both"),
            self.ONLY_A: self.tr("Only A"),
            self.ONLY_B: self.tr("Only B"),
        }

    def set_comparison(self, comp: Comparison | None) -> None:
        self.beginResetModel()
        rows: list[tuple[str, EventRow | None, EventRow | None]] = []
        if comp is not None:
            rows += [(self.SHARED, a, b) for a, b in comp.shared_events]
            rows += [(self.ONLY_A, a, None) for a in comp.events_only_a]
            rows += [(self.ONLY_B, None, b) for b in comp.events_only_b]
        self._rows = rows
        self.endResetModel()

    def count(self, kind: str) -> int:
        return sum(1 for k, _a, _b in self._rows if k == kind)

    def _event(self, row: int, column: str) -> EventRow:
        _kind, a, b = self._rows[row]
        event = b if column == "b" and b is not None else (a or b)
        assert event is not None
        return event

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        kind, a, b = self._rows[index.row()]
        column = self.COLUMNS[index.column()]
        event = self._event(index.row(), column)
        if role == Qt.ItemDataRole.DisplayRole:
            if column == "where":
                return self._where[kind]
            if column == "type":
                return event_type_name(event.type)
            if column in ("a", "b"):
                side = a if column == "a" else b
                return side.shown_trigger if side is not None else "—"
            if column == "place":
                return (a and a.place_name) or (b and b.place_name) or ""
            if event.date:
                return event.date.isoformat()
            return event.date_text or ""
        if role == Qt.ItemDataRole.ToolTipRole:
            if column in ("a", "b") and (a if column == "a" else b) is None:
                return None
            names = "، ".join(n for _i, n, _t in event.participants)
            return names or None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if column == "date":  # dates and a text's words («الأربعاء») at one edge
                return window_leading()
            text = self.data(index, Qt.ItemDataRole.DisplayRole) or ""
            return _alignment(str(text))
        if role == DocumentIdRole:
            return event.document_id
        if role == OffsetRole:
            return event.start
        return None


class DocumentChoiceModel(QAbstractListModel):
    """The documents either side may show (the combos above the panes): (id, outlet name,
    title) of each."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[tuple[int, str | None, str]] = []
        self._row_of: dict[int, int] = {}

    def set_titles(self, rows: Sequence[tuple[int, str | None, str]]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._row_of = {doc_id: i for i, (doc_id, _o, _t) in enumerate(self._rows)}
        self.endResetModel()

    def set_rows(self, rows: Sequence[DocumentRow]) -> None:
        self.set_titles([(r.id, row_outlet(r), r.title) for r in rows])

    def include(self, rows: Sequence[DocumentRow]) -> None:
        """Add the documents not listed yet (at the end)."""
        new = [(r.id, row_outlet(r), r.title) for r in rows if r.id not in self._row_of]
        if not new:
            return
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(new) - 1)
        for i, row in enumerate(new, start=first):
            self._rows.append(row)
            self._row_of[row[0]] = i
        self.endInsertRows()

    def row_for_id(self, doc_id: int | None) -> int | None:
        return None if doc_id is None else self._row_of.get(doc_id)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        doc_id, outlet, title = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            unknown = self.tr("(unknown)")  # the outlet is named in the window's language
            return in_window_direction([outlet or unknown, _short(title, 70)], " — ")
        if role == Qt.ItemDataRole.ToolTipRole:
            return title
        if role == DocumentIdRole:
            return doc_id
        return None


# ---- widgets ----------------------------------------------------------------------------
def dropped_document_ids(data: bytes) -> list[int]:
    """The ids a library drag carries: ASCII, comma-separated."""
    ids = []
    for part in data.decode("ascii", errors="ignore").split(","):
        part = part.strip()
        if part.isdigit():
            ids.append(int(part))
    return ids


def _opens_a_drop_down(event: QEvent) -> bool:
    """Whether ``event`` asks if a shortcut may take Alt+Down, the key that opens a
    drop-down list."""
    return (
        event.type() == QEvent.Type.ShortcutOverride
        and isinstance(event, QKeyEvent)
        and event.key() == Qt.Key.Key_Down
        and bool(event.modifiers() & Qt.KeyboardModifier.AltModifier)
    )


class ElidingComboBox(QComboBox):
    """A combo box whose chosen item is cut short with «…» where its text ends: a
    long Arabic title was clipped at the box's edge, which for a line laid out right
    to left is where the title begins.

    Alt+Down opens its list as any drop-down list's does: the compare view's Alt+Down,
    which steps through the passages, is a shortcut of the view and all it holds, and
    took the key from the view's own pickers."""

    def event(self, event: QEvent) -> bool:
        # (the open list closes on Alt+Down itself: Qt's list takes the key first)
        if _opens_a_drop_down(event):
            event.accept()  # the key press comes to the box, not to the shortcut
            return True
        return super().event(event)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QStylePainter(self)
        option = QStyleOptionComboBox()
        self.initStyleOption(option)
        painter.drawComplexControl(QStyle.ComplexControl.CC_ComboBox, option)
        field = self.style().subControlRect(
            QStyle.ComplexControl.CC_ComboBox,
            option,
            QStyle.SubControl.SC_ComboBoxEditField,
            self,
        )
        option.currentText = self.fontMetrics().elidedText(
            option.currentText, Qt.TextElideMode.ElideRight, field.width()
        )
        painter.drawControl(QStyle.ControlElement.CE_ComboBoxLabel, option)


def trigger_width(room: int, least: int) -> int:
    """The width of each of the two columns of what the sides wrote, which share the
    ``room`` the table's other columns leave, and are never narrower than ``least``."""
    return max(least, room // 2)


class _EventsTable(QTableView):
    """The compared events. What each side wrote shares the width the other columns
    leave: fitted to the longest trigger, the column ran past the table's edge, and an
    Arabic trigger, laid out from the column's right, was out of sight."""

    #: a trigger column's least width: a few words, before the rest is cut with «…»
    TRIGGER_LEAST = 120

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit_triggers()

    def fit_triggers(self) -> None:
        header = self.horizontalHeader()
        others = sum(
            header.sectionSize(c)
            for c in range(header.count())
            if c not in CompareEventsModel.TRIGGERS
        )
        width = trigger_width(self.viewport().width() - others, self.TRIGGER_LEAST)
        for column in CompareEventsModel.TRIGGERS:
            header.resizeSection(column, width)


def compare_point_size(reader_size: int) -> int:
    """The compare panes' text size for the reader's ``reader_size``."""
    return max(8, reader_size - 2)


class CompareSide(QWidget):
    """One side: a header (side letter, document picker, outlet and title) above its
    document pane. Accepts documents dropped from the library."""

    documents_dropped = Signal(list)

    #: the room each side keeps clear at its edge beside the other
    GUTTER = 8

    def __init__(
        self, letter: str, store: Store, choices: DocumentChoiceModel, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setAcceptDrops(True)
        self.letter = QLabel(letter)
        bold = self.letter.font()
        bold.setBold(True)
        self.letter.setFont(bold)
        self.combo = ElidingComboBox()
        self.combo.setModel(choices)
        self.combo.setToolTip(self.tr("Pick the document for this side"))
        self.combo.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.combo.setMinimumContentsLength(8)  # cut short with «…»: a narrow window fits
        self.combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        # every document of the corpus is listed: a plain drop-down of uniform rows lays
        # out what it shows, not (as the default popup does) every row to place the list
        self.combo.setStyleSheet("QComboBox { combobox-popup: 0; }")
        self.combo.setMaxVisibleItems(20)
        popup = self.combo.view()
        if isinstance(popup, QListView):
            popup.setUniformItemSizes(True)
        self.open_button = QToolButton()
        self.open_button.setText(self.tr("Open in reader"))
        # one line, the title cut short with «…» (the tooltip has it whole): wrapped to
        # the side's edge, A's title ran into B's line beside it, read as one sentence
        self.info = ElidedPartsLabel(" · ")
        self.pane = DocumentPane(store, self)
        self.pane.set_title_shown(False)  # the side's header already names the article
        head = QHBoxLayout()
        head.setContentsMargins(0, 0, 0, 0)
        head.addWidget(self.letter)
        head.addWidget(self.combo, 1)
        head.addWidget(self.open_button)
        layout = QVBoxLayout(self)
        # a gutter between the two sides, whose headers otherwise met at the splitter:
        # at A's trailing edge and B's leading one
        trailing = (letter == "A") != self.isRightToLeft()
        gutter = (0, self.GUTTER) if trailing else (self.GUTTER, 0)
        layout.setContentsMargins(gutter[0], 0, gutter[1], 0)
        layout.setSpacing(2)
        layout.addLayout(head)
        layout.addWidget(self.info)
        layout.addWidget(self.pane, 1)

    def set_info(self, row: DocumentRow | None) -> None:
        if row is None:
            self.info.clear()
            return
        unknown = self.tr("Outlet unknown")
        self.info.set_parts([row_outlet(row) or unknown, " ".join(row.title.split())])
        self.info.setAlignment(Qt.AlignmentFlag(_alignment(row.title)))

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasFormat(DOCUMENT_MIME):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if event.mimeData().hasFormat(DOCUMENT_MIME):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        ids = dropped_document_ids(bytes(event.mimeData().data(DOCUMENT_MIME).data()))
        if not ids:
            event.ignore()
            return
        event.acceptProposedAction()
        self.documents_dropped.emit(ids)


class CompareView(QWidget):
    """Two documents (or two outlets) compared. ``compare`` and ``compare_outlets`` load
    in the task runner and emit ``loaded`` when the view is filled."""

    loaded = Signal()
    failed = Signal(str)
    entity_selected = Signal(int)
    #: (document id, code-point offset): show this document in the reader
    open_document = Signal(int, int)

    def __init__(self, store: Store, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.runner = runner
        self.comparison: Comparison | None = None
        self.mode = ""  # "documents" or "outlets" once something is compared
        #: the outlets compared last (shown when ``mode`` is "outlets")
        self.outlet_ids: tuple[int, int] | None = None
        self._doc_ids: list[int | None] = [None, None]
        self._utf16: list[Utf16Index | None] = [None, None]
        self._passage = -1
        self._generation = 0
        self._scroll_guard = False
        self._entity_click = False
        #: the documents the pickers list are to be read (again) when the view is shown
        self._documents_stale = True
        #: the comparison shown is to be made again when the view is next shown
        self._comparison_stale = False

        self.choices = DocumentChoiceModel(self)
        self.actors_model = CompareActorsModel(self)
        self.passages_model = PassagesModel(self)
        self.only_a_model = OneSideModel(self)
        self.only_b_model = OneSideModel(self)
        self.events_model = CompareEventsModel(self)

        self._build_actions()
        self._build_ui()
        self._wire()

    # ---- construction ------------------------------------------------------------------
    def _build_actions(self) -> None:
        self.sync_action = QAction(self.tr("Scroll together"), self)
        self.sync_action.setCheckable(True)
        self.sync_action.setChecked(True)
        self.sync_action.setToolTip(self.tr("Scroll both articles together"))
        # the toolbar shows only their arrows, beside «Passage 1 of 12» (their tooltips
        # name them and their keys): with their words it ran into a «»» menu at 1280
        self.prev_action = QAction(self.tr("Previous passage"), self)
        self.prev_action.setIconText("▲")
        self.prev_action.setToolTip(self.tr("Previous aligned passage (Alt+Up)"))
        self.prev_action.setShortcut(QKeySequence("Alt+Up"))
        self.next_action = QAction(self.tr("Next passage"), self)
        self.next_action.setIconText("▼")
        self.next_action.setToolTip(self.tr("Next aligned passage (Alt+Down)"))
        self.next_action.setShortcut(QKeySequence("Alt+Down"))
        for action in (self.prev_action, self.next_action):
            # the view's own: elsewhere Alt+Down opens a drop-down list
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.setEnabled(False)
            self.addAction(action)

    def _build_ui(self) -> None:
        self.toolbar = QToolBar()
        self.toolbar.addAction(self.prev_action)
        self.toolbar.addAction(self.next_action)
        self.passage_label = QLabel()
        self.toolbar.addWidget(self.passage_label)
        self.toolbar.addSeparator()
        self.toolbar.addAction(self.sync_action)
        # what is compared beside the toolbar, not in it: it takes the room the toolbar
        # leaves, on a second line if it needs one, and never pushes the toolbar's
        # actions into its «»» menu
        self.summary = QLabel(self.tr("Pick or drop two documents to compare them."))
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setWordWrap(True)
        self.summary.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.top_bar = QHBoxLayout()
        self.top_bar.setContentsMargins(0, 0, 0, 0)
        self.top_bar.addWidget(self.toolbar)
        self.top_bar.addWidget(self.summary, 1)

        self.sides = (
            CompareSide("A", self.store, self.choices, self),
            CompareSide("B", self.store, self.choices, self),
        )
        self.panes = (self.sides[SIDE_A].pane, self.sides[SIDE_B].pane)
        # the two articles' summaries («SANA · Date unknown · 484 words · …») as tall as
        # each other: wrapped to two lines on one side and three on the other, one text
        # began a line lower than the other
        self._even_summaries = QTimer(self)
        self._even_summaries.setSingleShot(True)
        self._even_summaries.setInterval(0)
        self._even_summaries.timeout.connect(self.even_summaries)
        for pane in self.panes:
            pane.meta.installEventFilter(self)
        # A first: in a right-to-left layout Qt mirrors the splitter and A sits on the right
        self.text_area = QSplitter(Qt.Orientation.Horizontal)
        self.text_area.setObjectName("compareTexts")
        self.text_area.setChildrenCollapsible(False)
        for side in self.sides:
            self.text_area.addWidget(side)

        self.passages_view = QListView()
        self.passages_view.setObjectName("comparePassages")
        self.passages_view.setModel(self.passages_model)
        self.passages_view.setWordWrap(True)
        self.passages_view.setUniformItemSizes(False)
        self.passages_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.passages_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.passages_box = QWidget()
        box = QVBoxLayout(self.passages_box)
        box.setContentsMargins(0, 0, 0, 0)
        self.passages_title = QLabel(self.tr("Aligned passages"))
        box.addWidget(self.passages_title)
        box.addWidget(self.passages_view, 1)

        self.actors_proxy = QSortFilterProxyModel(self)
        self.actors_proxy.setSourceModel(self.actors_model)
        self.actors_proxy.setSortRole(SortRole)
        self.actors_view = QTableView()
        self.actors_view.setObjectName("compareActors")
        self.actors_view.setModel(self.actors_proxy)
        self.actors_view.setSortingEnabled(True)
        self.actors_view.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
        self.actors_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.actors_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.actors_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.actors_view.verticalHeader().hide()
        header = self.actors_view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        for col in (1, 2):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Stretch)
        # the labels wrap: a row is as tall as its longest cell («…» cut the labels, what
        # the table is for); fitted again when the columns' widths or the order change
        self.actors_view.setWordWrap(True)
        self._fit_rows = QTimer(self)
        self._fit_rows.setSingleShot(True)
        self._fit_rows.setInterval(0)
        self._fit_rows.timeout.connect(self._fit_actor_rows)
        header.sectionResized.connect(lambda *_a: self._fit_rows.start())
        self.actors_proxy.layoutChanged.connect(self._fit_rows.start)
        self.actors_proxy.modelReset.connect(self._fit_rows.start)

        self.only_a_view = self._list_view("compareOnlyA", self.only_a_model)
        self.only_b_view = self._list_view("compareOnlyB", self.only_b_model)
        self.events_view = _EventsTable()
        self.events_view.setObjectName("compareEvents")
        self.events_view.setModel(self.events_model)
        self.events_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.events_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.events_view.verticalHeader().hide()
        # one line a row, cut short with «…» where its text ends (the delegate's)
        self.events_view.setWordWrap(False)
        self.events_view.horizontalHeader().setStretchLastSection(False)
        # columns are fitted once per comparison, from the first rows (two outlets may
        # report thousands of events)
        for view in (self.actors_view, self.events_view):
            view.horizontalHeader().setResizeContentsPrecision(200)

        for view in (self.actors_view, self.only_a_view, self.only_b_view, self.events_view):
            view.setItemDelegate(OwnDirectionDelegate(view))
        self.tabs = QTabWidget()
        self.tabs.setObjectName("compareTabs")
        # the actors only one side names, A's beside B's, in one tab: four tabs were
        # wider than the comparison's share of a window 1280 pixels wide, and scrolled
        self.one_side = QWidget()
        self.one_side.setObjectName("compareOneSide")
        # (its titles do not make the tables below the texts taller than the other tabs)
        self.one_side.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Ignored)
        self.only_a_title, self.only_b_title = QLabel(), QLabel()
        lists = QHBoxLayout(self.one_side)
        lists.setContentsMargins(4, 4, 4, 4)
        for title, list_view in (
            (self.only_a_title, self.only_a_view),
            (self.only_b_title, self.only_b_view),
        ):
            column = QVBoxLayout()
            column.addWidget(title)
            column.addWidget(list_view, 1)
            lists.addLayout(column, 1)
        self._title_one_side(None)
        self.tabs.addTab(self.actors_view, self.tr("Both sides"))
        self.tabs.addTab(self.one_side, self.tr("One side"))
        self.tabs.addTab(self.events_view, self.tr("Events"))

        self.bottom = QSplitter(Qt.Orientation.Horizontal)
        self.bottom.setObjectName("compareBottom")
        self.bottom.addWidget(self.passages_box)
        self.bottom.addWidget(self.tabs)
        # the passages' list wide enough for a line of each side's words, and at least
        # for its heading «Passage 1 · similarity 24%» on one line (a quarter of the
        # room left it some 130 pixels at 1280 × 800: a word a line)
        self.bottom.setStretchFactor(0, 1)
        self.bottom.setStretchFactor(1, 3)
        heading = self.passages_model.heading(10, 0.99)
        self.passages_box.setMinimumWidth(
            min(240, self.passages_view.fontMetrics().horizontalAdvance(heading) + 32)
        )

        self.main_split = QSplitter(Qt.Orientation.Vertical)
        self.main_split.setObjectName("compareMain")
        self.main_split.addWidget(self.text_area)
        self.main_split.addWidget(self.bottom)
        self.main_split.setStretchFactor(0, 3)
        self.main_split.setStretchFactor(1, 2)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(self.top_bar)
        layout.addWidget(self.main_split, 1)

    def _title_one_side(self, comp: Comparison | None) -> None:
        if comp is None:
            self.only_a_title.setText(self.tr("Only in A"))
            self.only_b_title.setText(self.tr("Only in B"))
        else:
            self.only_a_title.setText(self.tr("Only in A ({0})").format(len(comp.only_a)))
            self.only_b_title.setText(self.tr("Only in B ({0})").format(len(comp.only_b)))

    def _list_view(self, name: str, model: QAbstractListModel) -> QListView:
        view = QListView()
        view.setObjectName(name)
        view.setModel(model)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        return view

    def _wire(self) -> None:
        self.sync_action.toggled.connect(self._on_sync_toggled)
        self.prev_action.triggered.connect(self._step_back)
        self.next_action.triggered.connect(self._step_forward)
        self.passages_view.selectionModel().currentChanged.connect(self._on_passage_current)
        self.actors_view.activated.connect(self._on_actor_activated)
        self.only_a_view.activated.connect(self._on_only_a_activated)
        self.only_b_view.activated.connect(self._on_only_b_activated)
        self.events_view.activated.connect(self._on_event_activated)
        a, b = self.sides
        a.combo.activated.connect(self._on_combo_a)
        b.combo.activated.connect(self._on_combo_b)
        a.documents_dropped.connect(self._on_dropped_a)
        b.documents_dropped.connect(self._on_dropped_b)
        a.open_button.clicked.connect(self._open_a)
        b.open_button.clicked.connect(self._open_b)
        for pane in self.panes:
            pane.entity_clicked.connect(self._on_entity_clicked)
            pane.browser.viewport().installEventFilter(self)
        self.panes[SIDE_A].browser.verticalScrollBar().valueChanged.connect(self._on_scroll_a)
        self.panes[SIDE_B].browser.verticalScrollBar().valueChanged.connect(self._on_scroll_b)

    # ---- loading ---------------------------------------------------------------------------
    def compare(self, doc_a: int, doc_b: int) -> None:
        """Compare two documents (loaded in the runner; ``loaded`` when shown)."""
        self._start_documents(doc_a, doc_b)

    def set_document(self, side: int, doc_id: int) -> None:
        """Show ``doc_id`` on one side; without a document on the other side, the best
        partner (most shared actors) fills it."""
        ids = list(self._doc_ids)
        ids[side] = doc_id
        self._start_documents(ids[SIDE_A], ids[SIDE_B])

    def _start_documents(self, a: int | None, b: int | None) -> None:
        self._generation += 1
        generation = self._generation
        self._doc_ids = [a, b]
        self._sync_combos()
        if a is not None and a == b:  # twenty passages «aligned» with themselves say nothing
            self._forget_comparison()
            self.summary.setText(self.tr("Choose two different articles to compare."))
            return
        self.summary.setText(self.tr("Comparing…"))
        store = self.store
        self.runner.submit(
            lambda: (generation, load_document_comparison(store, a, b)),
            on_done=self._on_documents_loaded,
            on_error=self._on_failed,
        )

    def _forget_comparison(self) -> None:
        """Nothing compared: the panes, passages and tables of an earlier comparison go
        (an export would have written it under the articles the pickers now name)."""
        self.comparison = None
        self.mode = ""
        for pane in self.panes:
            pane.show_placeholder()
        self._even_summaries.start()
        self.actors_model.set_comparison(None)
        self.passages_model.set_comparison(None)
        self.events_model.set_comparison(None)
        self.only_a_model.set_rows([])
        self.only_b_model.set_rows([])
        for tab in range(self.tabs.count()):  # the counts of what went
            self.tabs.setTabText(tab, self.tabs.tabText(tab).split(" (")[0])
            self.tabs.setTabToolTip(tab, "")
        self.passages_title.setText(self.tr("Aligned passages"))
        self._title_one_side(None)
        self._passage = -1
        self._update_passage_controls()

    def forget_removed(self, documents: Collection[int], outlets_left: Collection[int]) -> None:
        """Documents were removed from the corpus: a comparison of one of them (the other
        stays picked), or of an outlet removed with them, is not shown any more; a
        comparison on its way is not either."""
        if self.mode == "outlets" and self.outlet_ids is not None:
            if all(o in outlets_left for o in self.outlet_ids):
                return
            self.outlet_ids = None
        elif not any(d in documents for d in self._doc_ids if d is not None):
            return
        self._generation += 1
        self._comparison_stale = False
        self._doc_ids = [None if d in documents else d for d in self._doc_ids]
        self._forget_comparison()
        self._set_text_visible(True)
        for side, doc_id in zip(self.sides, self._doc_ids, strict=True):
            if doc_id is None:
                side.set_info(None)
        self._sync_combos()
        self.summary.setText(self.tr("Pick or drop two documents to compare them."))

    def compare_outlets(self, outlet_a: int, outlet_b: int) -> None:
        """Compare two outlets' coverage: the tables only, no text panes."""
        self.outlet_ids = (outlet_a, outlet_b)
        self._generation += 1
        generation = self._generation
        self.summary.setText(self.tr("Comparing…"))
        store = self.store
        self.runner.submit(
            lambda: (generation, compare_outlets(store, outlet_a, outlet_b)),
            on_done=self._on_outlets_loaded,
            on_error=self._on_failed,
        )

    def set_point_size(self, reader_size: int) -> None:
        """The panes' text, two points smaller than the reader's: two articles side by
        side get half its width, and at the reader's size a line held four words."""
        size = compare_point_size(reader_size)
        if all(pane.point_size == size for pane in self.panes):
            return
        bars = [pane.browser.verticalScrollBar() for pane in self.panes]
        # where each pane was, as a share of its length (its layout changes with the size)
        shares = [
            (bar.value() - bar.minimum()) / span if (span := bar.maximum() - bar.minimum()) else 0.0
            for bar in bars
        ]
        self._scroll_guard = True
        try:
            for pane, bar, share in zip(self.panes, bars, shares, strict=True):
                pane.set_point_size(size)
                bar.setValue(bar.minimum() + round(share * (bar.maximum() - bar.minimum())))
        finally:
            self._scroll_guard = False
        if self._passage >= 0:  # the pair selected stays selected, and in view
            self.select_passage(self._passage)

    def refresh(self) -> None:
        """The corpus changed: list its documents again now if the view is shown, else
        when it is shown."""
        self._documents_stale = True
        if self.isVisible():
            self.refresh_documents()

    def refresh_documents(self) -> None:
        """Reload the list of documents the side pickers offer (in the runner)."""
        self._documents_stale = False
        self.runner.submit(self.store.document_titles, on_done=self._on_documents_listed)

    def compare_again(self) -> None:
        """The entities or their analysis changed (an edit, an analysis): the comparison
        shown is made again, now if the view is shown, else when it is."""
        if not self.mode:
            return
        self._comparison_stale = True
        if self.isVisible():
            self._redo_comparison()

    def _redo_comparison(self) -> None:
        self._comparison_stale = False
        a, b = self._doc_ids
        if self.mode == "documents" and a is not None and b is not None:
            self._start_documents(a, b)
        elif self.mode == "outlets" and self.outlet_ids is not None:
            self.compare_outlets(*self.outlet_ids)

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        if self._documents_stale:
            self.refresh_documents()
        if self._comparison_stale:
            self._redo_comparison()

    def _on_documents_listed(self, rows: list[tuple[int, str | None, str | None, str]]) -> None:
        if not shiboken6.isValid(self):
            return
        self.choices.set_titles([(i, outlet_label(o, ar), t) for i, o, ar, t in rows])
        self._sync_combos()

    def _on_failed(self, message: str) -> None:
        first = message.strip().splitlines()[0] if message.strip() else message
        self.summary.setText(self.tr("Comparison failed: {0}").format(first))
        self.failed.emit(message)

    def _on_documents_loaded(self, result: tuple[int, LoadedDocuments]) -> None:
        generation, loaded = result
        if generation != self._generation:
            return  # a newer request is on its way
        comp = loaded.comparison
        self.mode = "documents"
        self.comparison = comp
        self.choices.include([d.row for d in loaded.details])
        self._doc_ids = [loaded.details[0].row.id, loaded.details[1].row.id]
        self._sync_combos()
        self._set_text_visible(True)
        self._scroll_guard = True
        try:
            for i, side in enumerate(self.sides):
                detail = loaded.details[i]
                side.pane.show_detail(detail, loaded.marks[i])
                side.set_info(detail.row)
                self._utf16[i] = Utf16Index(detail.text)
                side.pane.shade_spans(
                    [
                        (spans[i][0], spans[i][1], aligned_shade(n))
                        for n, spans in enumerate(comp.passage_spans)
                    ]
                )
        finally:
            self._scroll_guard = False
        self._even_summaries.start()
        self._fill(comp)
        unknown = self.tr("outlet unknown")
        self.summary.setText(
            self.tr("A: {0} ↔ B: {1}").format(
                outlet_label(comp.a.outlet) or unknown, outlet_label(comp.b.outlet) or unknown
            )
        )
        self.loaded.emit()

    def _on_outlets_loaded(self, result: tuple[int, Comparison]) -> None:
        generation, comp = result
        if generation != self._generation:
            return
        self.mode = "outlets"
        self.comparison = comp
        self._doc_ids = [None, None]
        self._utf16 = [None, None]
        for side in self.sides:
            side.pane.show_placeholder()
            side.set_info(None)
        self._set_text_visible(False)
        self._fill(comp)
        self.summary.setText(
            self.tr("A: {0} ({1} documents) ↔ B: {2} ({3} documents)").format(
                comp.a.label, len(comp.a.documents), comp.b.label, len(comp.b.documents)
            )
        )
        self.loaded.emit()

    #: rows fitted to their text; those below keep the default height (two outlets may
    #: share a thousand actors, fitted on every resize)
    FITTED_ROWS = 300

    #: lines a row of the actors' table shows at most (its tooltip has the rest)
    FITTED_LINES = 3

    def _fit_actor_rows(self) -> None:
        view = self.actors_view
        default = view.verticalHeader().defaultSectionSize()
        most = default + view.fontMetrics().lineSpacing() * (self.FITTED_LINES - 1)
        for row in range(self.actors_proxy.rowCount()):
            if row < self.FITTED_ROWS:
                view.setRowHeight(row, max(default, min(most, view.sizeHintForRow(row))))
            elif view.rowHeight(row) != default:
                view.setRowHeight(row, default)

    #: the widest a column of the events table beside the sides' triggers is fitted to
    EVENT_COLUMN_MOST = 140

    def _fit_event_columns(self) -> None:
        view = self.events_view
        for column in range(self.events_model.columnCount()):
            if column not in CompareEventsModel.TRIGGERS:
                view.resizeColumnToContents(column)
                view.setColumnWidth(column, min(view.columnWidth(column), self.EVENT_COLUMN_MOST))
        view.fit_triggers()

    def _fill(self, comp: Comparison) -> None:
        self._passage = -1
        self.actors_model.set_comparison(comp)
        self.passages_model.set_comparison(comp if self.mode == "documents" else None)
        self.only_a_model.set_rows(comp.only_a)
        self.only_b_model.set_rows(comp.only_b)
        self.events_model.set_comparison(comp)
        self.actors_view.resizeColumnToContents(0)
        self._fit_event_columns()
        differing = sum(1 for r in comp.shared if r.differs)
        # short tab titles, the detail in their tooltips: the three tabs fit side by
        # side in the comparison's share of a 1280-pixel window
        events = len(comp.shared_events) + len(comp.events_only_a) + len(comp.events_only_b)
        titles = (
            (
                self.tr("Both sides ({0})").format(len(comp.shared)),
                self.tr("{0} actors named in both, {1} of them framed differently").format(
                    len(comp.shared), differing
                ),
            ),
            (
                self.tr("One side ({0})").format(len(comp.only_a) + len(comp.only_b)),
                self.tr("{0} actors named only in A · {1} only in B").format(
                    len(comp.only_a), len(comp.only_b)
                ),
            ),
            (
                self.tr("Events ({0})").format(events),
                self.tr("{0} events in both · {1} only in A · {2} only in B").format(
                    len(comp.shared_events), len(comp.events_only_a), len(comp.events_only_b)
                ),
            ),
        )
        for tab, (title, tip) in enumerate(titles):
            self.tabs.setTabText(tab, title)
            self.tabs.setTabToolTip(tab, tip)
        self._title_one_side(comp)
        self.passages_title.setText(self.tr("Aligned passages ({0})").format(len(comp.passages)))
        self._update_passage_controls()

    def _set_text_visible(self, visible: bool) -> None:
        self.text_area.setVisible(visible)
        self.passages_box.setVisible(visible)
        self.sync_action.setEnabled(visible)

    def _sync_combos(self) -> None:
        for side, doc_id in zip(self.sides, self._doc_ids, strict=True):
            row = self.choices.row_for_id(doc_id)
            side.combo.setCurrentIndex(-1 if row is None else row)

    # ---- aligned passages ----------------------------------------------------------------
    def current_passage(self) -> int:
        """Index of the selected aligned pair, -1 when none is."""
        return self._passage

    def step_passage(self, delta: int) -> int:
        """Select the pair ``delta`` steps away (wrapping round); returns its index."""
        n = self.passages_model.rowCount()
        if n == 0 or delta == 0:
            return self._passage
        first = 0 if delta > 0 else n - 1
        target = first if self._passage < 0 else (self._passage + delta) % n
        self.select_passage(target)
        return target

    def select_passage(self, index: int) -> None:
        """Scroll both panes to an aligned pair and select it on both sides."""
        if not 0 <= index < self.passages_model.rowCount():
            return
        self._passage = index
        (a0, a1), (b0, b1) = self.passages_model.spans(index)
        self._scroll_guard = True
        try:
            self.panes[SIDE_A].scroll_to_offset(a0, a1)
            self.panes[SIDE_B].scroll_to_offset(b0, b1)
        finally:
            self._scroll_guard = False
        model_index = self.passages_model.index(index, 0)
        if self.passages_view.currentIndex() != model_index:
            self.passages_view.setCurrentIndex(model_index)
        self._update_passage_controls()

    def _on_passage_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid() and current.row() != self._passage:
            self.select_passage(current.row())

    def _step_back(self) -> None:
        self.step_passage(-1)

    def _step_forward(self) -> None:
        self.step_passage(1)

    def _update_passage_controls(self) -> None:
        n = self.passages_model.rowCount()
        for action in (self.prev_action, self.next_action):
            action.setEnabled(n > 0)
        if n == 0:
            self.passage_label.setText(self.tr("No aligned passages") if self.mode else "")
        elif self._passage < 0:
            self.passage_label.setText(self.tr("Aligned passages: {0}").format(n))
        else:
            self.passage_label.setText(self.tr("Passage {0} of {1}").format(self._passage + 1, n))

    def even_summaries(self) -> None:
        """Both summaries as tall as the taller needs at its width, so that the two
        texts begin at the same height."""
        labels = [pane.meta for pane in self.panes]
        # a label that does not wrap (or has no text yet) has no height for a width (-1)
        tallest = max(
            max(label.heightForWidth(label.width()), label.sizeHint().height(), 0)
            for label in labels
        )
        for label in labels:
            if label.minimumHeight() != tallest:
                label.setMinimumHeight(tallest)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        """A click on shaded text selects its aligned pair (after the click is handled);
        a summary resized or rewrapped evens the two summaries' heights."""
        if event.type() in (QEvent.Type.Resize, QEvent.Type.Show) and any(
            obj is pane.meta for pane in self.panes
        ):
            self._even_summaries.start()
        elif (
            event.type() == QEvent.Type.MouseButtonRelease
            and isinstance(event, QMouseEvent)
            and event.button() == Qt.MouseButton.LeftButton
        ):
            for side, pane in enumerate(self.panes):
                if obj is pane.browser.viewport() and not pane.browser.textCursor().hasSelection():
                    pos = event.position().toPoint()
                    QTimer.singleShot(0, self, lambda s=side, p=pos: self._clicked_at(s, p))
                    break
        return super().eventFilter(obj, event)

    def _clicked_at(self, side: int, pos: QPoint) -> None:
        if self._entity_click:  # a click on a name selects the actor instead
            self._entity_click = False
            return
        utf16 = self._utf16[side]
        if utf16 is None:
            return
        cursor = self.panes[side].browser.cursorForPosition(pos)
        row = self.passages_model.row_at(side, utf16.to_codepoint(cursor.position()))
        if row is not None:
            self.select_passage(row)

    # ---- synchronised scrolling ------------------------------------------------------------
    def _on_scroll_a(self, value: int) -> None:
        self._sync_scroll(SIDE_A, value)

    def _on_scroll_b(self, value: int) -> None:
        self._sync_scroll(SIDE_B, value)

    def _sync_scroll(self, source: int, value: int) -> None:
        if self._scroll_guard or not self.sync_action.isChecked() or self.mode != "documents":
            return
        src = self.panes[source].browser.verticalScrollBar()
        dst = self.panes[1 - source].browser.verticalScrollBar()
        span = src.maximum() - src.minimum()
        fraction = (value - src.minimum()) / span if span > 0 else 0.0
        target = dst.minimum() + round(fraction * (dst.maximum() - dst.minimum()))
        self._scroll_guard = True
        try:
            dst.setValue(target)
        finally:
            self._scroll_guard = False

    def _on_sync_toggled(self, on: bool) -> None:
        if on:
            self._sync_scroll(SIDE_A, self.panes[SIDE_A].browser.verticalScrollBar().value())

    # ---- actors and events -------------------------------------------------------------------
    def highlight_entity(self, entity_id: int | None, keep_scroll: int | None = None) -> None:
        """Outline an entity's mentions in both panes (each scrolls to the first one,
        except the side ``keep_scroll``)."""
        self._scroll_guard = True
        try:
            for side, pane in enumerate(self.panes):
                bar = pane.browser.verticalScrollBar()
                value = bar.value()
                pane.highlight_entity(entity_id)
                if side == keep_scroll:
                    bar.setValue(value)
        finally:
            self._scroll_guard = False

    def _on_entity_clicked(self, entity_id: int) -> None:
        self._entity_click = True
        sender = self.sender()
        keep = next((i for i, p in enumerate(self.panes) if p is sender), None)
        self.highlight_entity(entity_id, keep_scroll=keep)
        row = self.actors_model.row_for_entity(entity_id)
        if row is not None:
            index = self.actors_proxy.mapFromSource(self.actors_model.index(row, 0))
            self.actors_view.selectRow(index.row())
            self.actors_view.scrollTo(index)
        self.entity_selected.emit(entity_id)

    def _on_actor_activated(self, index: QModelIndex) -> None:
        entity_id = index.data(EntityIdRole)
        if entity_id is not None:
            self.highlight_entity(int(entity_id))
            self.entity_selected.emit(int(entity_id))

    def _on_only_a_activated(self, index: QModelIndex) -> None:
        self._one_side_activated(SIDE_A, index)

    def _on_only_b_activated(self, index: QModelIndex) -> None:
        self._one_side_activated(SIDE_B, index)

    def _one_side_activated(self, side: int, index: QModelIndex) -> None:
        entity_id = index.data(EntityIdRole)
        if entity_id is None:
            return
        self._scroll_guard = True
        try:
            self.panes[side].highlight_entity(int(entity_id))
        finally:
            self._scroll_guard = False
        self.entity_selected.emit(int(entity_id))

    def _on_event_activated(self, index: QModelIndex) -> None:
        doc_id, offset = index.data(DocumentIdRole), index.data(OffsetRole)
        if doc_id is not None and offset is not None:
            self.open_document.emit(int(doc_id), int(offset))

    def _open_side(self, side: int) -> None:
        doc_id, utf16 = self._doc_ids[side], self._utf16[side]
        if doc_id is None or utf16 is None:
            return
        cursor = self.panes[side].browser.textCursor()
        self.open_document.emit(doc_id, utf16.to_codepoint(cursor.selectionStart()))

    def _open_a(self) -> None:
        self._open_side(SIDE_A)

    def _open_b(self) -> None:
        self._open_side(SIDE_B)

    # ---- picking documents -------------------------------------------------------------------
    def _combo_picked(self, side: int, row: int) -> None:
        doc_id = self.sides[side].combo.itemData(row, DocumentIdRole)
        if doc_id is not None and int(doc_id) != self._doc_ids[side]:
            self.set_document(side, int(doc_id))

    def _on_combo_a(self, row: int) -> None:
        self._combo_picked(SIDE_A, row)

    def _on_combo_b(self, row: int) -> None:
        self._combo_picked(SIDE_B, row)

    def drop_documents(self, side: int, ids: list[int]) -> None:
        """Documents dropped on one side: the first goes there; a second, if any, goes to
        the other side."""
        if not ids:
            return
        if len(ids) >= 2:
            pair = [ids[0], ids[1]] if side == SIDE_A else [ids[1], ids[0]]
            self.compare(pair[0], pair[1])
        else:
            self.set_document(side, ids[0])

    def _on_dropped_a(self, ids: list[int]) -> None:
        self.drop_documents(SIDE_A, ids)

    def _on_dropped_b(self, ids: list[int]) -> None:
        self.drop_documents(SIDE_B, ids)

    # ---- partners and export ------------------------------------------------------------------
    def suggest_partners(self, doc_id: int) -> list[int]:
        """Documents sharing most entities with ``doc_id``, best first."""
        return suggest_partners(self.store, doc_id)

    def document_ids(self) -> tuple[int | None, int | None]:
        return self._doc_ids[SIDE_A], self._doc_ids[SIDE_B]

    def export(self, path: Path | str, fmt: str) -> Path:
        """Write the current comparison as html, json or csv (UTF-8; a CSV with its byte
        order mark)."""
        if self.comparison is None:
            raise RuntimeError("nothing compared yet")
        fmt = fmt.lower().lstrip(".")
        writers = {"html": to_html, "json": to_json, "csv": to_csv}
        if fmt not in EXPORT_FORMATS:
            raise ValueError(f"unsupported export format {fmt!r} (use {', '.join(EXPORT_FORMATS)})")
        target = Path(path)
        target.write_text(writers[fmt](self.comparison), encoding=file_encoding(fmt))
        return target


__all__ = [
    "EXPORT_FORMATS",
    "ColourRole",
    "CompareActorsModel",
    "CompareEventsModel",
    "CompareSide",
    "CompareView",
    "DiffersRole",
    "DocumentChoiceModel",
    "DocumentIdRole",
    "EntityIdRole",
    "LoadedDocuments",
    "OffsetRole",
    "OneSideModel",
    "PassagesModel",
    "ScoreRole",
    "SortRole",
    "SpansRole",
    "dropped_document_ids",
    "load_document_comparison",
    "rank_partners",
    "suggest_partners",
]
