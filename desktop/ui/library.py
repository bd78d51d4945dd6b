"""The library: the corpus as a filterable table of documents, and full-text search."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QDate,
    QItemSelection,
    QItemSelectionModel,
    QModelIndex,
    QPoint,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QAction,
    QColor,
    QKeySequence,
    QPainter,
    QPalette,
    QTextDocument,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListView,
    QMenu,
    QStackedWidget,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.search import SearchHits, search
from desktop.store import sqlite as store_sqlite
from desktop.store.rows import RemovedDocuments
from desktop.store.store import Store, StoreError
from desktop.store.writer import StoreBusyError
from desktop.ui.bidi import OwnDirectionDelegate
from desktop.ui.columns import FittedColumns, sample_rows_only
from desktop.ui.dialogs import Confirmations, QtDialogs
from desktop.ui.document_model import (
    DocIdRole,
    DocumentTableModel,
    SearchResultsModel,
    SnippetHtmlRole,
)
from desktop.ui.fonts import narrow_the_least_column_width
from desktop.ui.names import outlet_label
from desktop.ui.workers import TaskRunner

_ANY_DATE = QDate(1900, 1, 1)
#: the outlet column takes this share of the table's width if it needs it (a quarter cut
#: the outlets' names: «Asharq Al…»), and more while the titles keep ``_TITLE_KEEPS`` of
#: it: the longest names («Al-Jazirah (Saudi Arabia)») show whole in the dock as the
#: window opens at 1280 × 800 (two fifths cut them: «Al-Jazirah (Saudi Ar…»); a name
#: longer than that is elided, whole in its tooltip
_OUTLET_SHARE = 0.4
_TITLE_KEEPS = 1 / 6
#: how many of a search's best matches the results list shows
SEARCH_SHOWN = 100


def text_colour(option: QStyleOptionViewItem) -> QColor:
    """The colour of an item's text in the view's palette, as the style paints a plain
    item: the theme's text colour, its highlighted text colour on a selected row, in the
    palette's disabled or inactive colours when the view is disabled or its window is
    not the active one."""
    state = option.state
    if not state & QStyle.StateFlag.State_Enabled:
        group = QPalette.ColorGroup.Disabled
    elif state & QStyle.StateFlag.State_Active:
        group = QPalette.ColorGroup.Active
    else:
        group = QPalette.ColorGroup.Inactive
    selected = bool(state & QStyle.StateFlag.State_Selected)
    role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
    return option.palette.color(group, role)


class HtmlDelegate(QStyledItemDelegate):
    """Paints an item's HTML role (search snippets with the hits marked). Each item's
    laid-out document is kept for its width, so that measuring and painting it lay it
    out once; the model's reset forgets them."""

    def __init__(self, role: int, parent: Any = None) -> None:
        super().__init__(parent)
        self.role = role
        self._docs: dict[tuple[int, int, str], QTextDocument] = {}

    def watch(self, model: QAbstractItemModel) -> None:
        """Forget the documents when ``model`` is reset or changes (new results)."""
        model.modelReset.connect(self._docs.clear)
        model.dataChanged.connect(self._docs.clear)

    def _doc(self, option: QStyleOptionViewItem, index: QModelIndex) -> QTextDocument:
        width = max(100, option.rect.width() - 8)
        key = (index.row(), width, option.font.key())
        doc = self._docs.get(key)
        if doc is None:
            if len(self._docs) > 2_000:  # widths the view was resized through
                self._docs.clear()
            doc = QTextDocument()
            doc.setDefaultFont(option.font)
            doc.setHtml(str(index.data(self.role) or ""))
            doc.setTextWidth(width)
            self._docs[key] = doc
        return doc

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        self.initStyleOption(option, index)
        style = option.widget.style() if option.widget else None
        text_option = QStyleOptionViewItem(option)
        text_option.text = ""
        if style is not None:
            style.drawControl(
                QStyle.ControlElement.CE_ItemViewItem, text_option, painter, option.widget
            )
        doc = self._doc(option, index)
        painter.save()
        painter.translate(option.rect.left() + 4, option.rect.top() + 2)
        ctx = QAbstractTextDocumentLayout.PaintContext()
        palette = QPalette(option.palette)  # the theme's, not the default light one
        palette.setColor(QPalette.ColorRole.Text, text_colour(option))
        ctx.palette = palette
        doc.documentLayout().draw(painter, ctx)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:
        self.initStyleOption(option, index)
        doc = self._doc(option, index)
        # as wide as it is given (the text wraps to it): its ideal width is not needed
        return QSize(int(doc.textWidth()) + 8, int(doc.size().height()) + 6)


class LibraryPanel(QWidget):
    """Emits ``document_selected(id)`` and, from a search hit, ``hit_at(id, offset, the
    forms the query matched there as written)``: a word with its marks, a phrase whole.
    Removing the selected documents from the corpus (asked through ``dialogs``, run in
    the task runner) emits ``documents_removed(RemovedDocuments)`` once it is done."""

    document_selected = Signal(int)
    hit_at = Signal(int, int, list)
    filters_changed = Signal()
    documents_removed = Signal(object)

    def __init__(
        self,
        store: Store,
        runner: TaskRunner,
        parent: Any = None,
        dialogs: Confirmations | None = None,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.runner = runner
        self.dialogs: Confirmations = dialogs if dialogs is not None else QtDialogs(self)
        #: a removal runs; another job holds the database (an import, its analysis)
        self._removing = False
        self._held = False
        # No sort proxy: a proxy reads every row to sort; the model sorts in the store and
        # fetches only the rows the view shows.
        self.model = DocumentTableModel(self)
        self.results = SearchResultsModel(self)
        self.entity_filter: tuple[int, str] | None = None
        self._document_actions: list[QAction] = []

        self.search_box = QLineEdit()
        self.search_box.setObjectName("librarySearch")
        self.search_box.setPlaceholderText(self.tr("Search the corpus (Enter)"))
        self.search_box.setClearButtonEnabled(True)
        self.search_box.returnPressed.connect(self.run_search)
        self.search_box.textChanged.connect(lambda t: t or self.show_documents())
        self.outlet_combo = QComboBox()
        self.outlet_combo.setObjectName("outletFilter")
        self.date_from = self._date_edit(self.tr("from"))
        self.date_to = self._date_edit(self.tr("to"))
        self.entity_label = QLabel()
        self.entity_clear = QToolButton()
        self.entity_clear.setText("✕")
        self.entity_clear.setToolTip(self.tr("Show all documents"))
        self.entity_clear.clicked.connect(lambda: self.set_entity_filter(None))

        self.view = QTableView()
        self.view.setItemDelegate(OwnDirectionDelegate(self.view))
        self.view.setObjectName("libraryTable")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.setDragEnabled(True)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
        self.view.verticalHeader().hide()
        self.view.setWordWrap(False)
        self.view.setAlternatingRowColors(True)
        header = self.view.horizontalHeader()
        # Columns sized to their contents measure a sample of rows around those shown
        # (Qt's default, 1000, reads four pages and sizes 1000 rows on every reset).
        sample_rows_only(self.view)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        narrow_the_least_column_width(header)
        self.columns = FittedColumns(self.view, [1, 2, 3], _OUTLET_SHARE, _TITLE_KEEPS)
        self.view.selectionModel().selectionChanged.connect(self._on_selection)
        self.remove_action = QAction(self.tr("Remove from corpus…"), self)
        self.remove_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        # only while the table has focus: Delete elsewhere is another widget's
        self.remove_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.remove_action.triggered.connect(lambda _checked=False: self.remove_selected())
        self.view.addAction(self.remove_action)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._show_context_menu)
        self._update_actions()

        self.results_view = QListView()
        self.results_view.setObjectName("searchResults")
        self.results_view.setModel(self.results)
        snippets = HtmlDelegate(SnippetHtmlRole, self.results_view)
        snippets.watch(self.results)
        self.results_view.setItemDelegate(snippets)
        self.results_view.setWordWrap(True)
        self.results_view.setUniformItemSizes(False)
        # the first results are shown before the rest are measured
        self.results_view.setLayoutMode(QListView.LayoutMode.Batched)
        self.results_view.setBatchSize(12)
        self.results_view.clicked.connect(self._open_hit)
        self.results_view.activated.connect(self._open_hit)
        # the results' documents are removed as the table's are (Delete, right click)
        self.results_view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.results_view.addAction(self.remove_action)
        self.results_view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.results_view.customContextMenuRequested.connect(self._show_results_menu)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.view)
        self.stack.addWidget(self.results_view)

        filters = QHBoxLayout()
        filters.addWidget(self.outlet_combo, 2)
        filters.addWidget(self.date_from, 1)
        filters.addWidget(self.date_to, 1)
        entity_row = QHBoxLayout()
        entity_row.addWidget(self.entity_label, 1)
        entity_row.addWidget(self.entity_clear)
        self.status = QLabel()
        self.status.setWordWrap(True)  # a long note wraps instead of widening the dock
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.search_box)
        layout.addLayout(filters)
        layout.addLayout(entity_row)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.status)
        self.outlet_combo.currentIndexChanged.connect(lambda _i: self.reload())
        self.date_from.dateChanged.connect(lambda _d: self.reload())
        self.date_to.dateChanged.connect(lambda _d: self.reload())
        self._set_entity_label()

    def _date_edit(self, special: str) -> QDateEdit:
        edit = QDateEdit()
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        edit.setMinimumDate(_ANY_DATE)
        edit.setSpecialValueText(special)
        edit.setDate(_ANY_DATE)
        return edit

    # ---- filters ------------------------------------------------------------------------
    def _date(self, edit: QDateEdit) -> dt.date | None:
        q = edit.date()
        return None if q == _ANY_DATE else dt.date(q.year(), q.month(), q.day())

    def outlet_id(self) -> int | None:
        data = self.outlet_combo.currentData()
        return int(data) if data is not None else None

    def refresh_outlets(self) -> None:
        current = self.outlet_id()
        self.outlet_combo.blockSignals(True)
        self.outlet_combo.clear()
        self.outlet_combo.addItem(self.tr("All outlets"), None)
        for o in self.store.outlets():
            self.outlet_combo.addItem(f"{outlet_label(o.name, o.name_ar)} ({o.documents})", o.id)
        index = self.outlet_combo.findData(current)
        self.outlet_combo.setCurrentIndex(max(0, index))
        self.outlet_combo.blockSignals(False)

    def set_entity_filter(self, entity: tuple[int, str] | None) -> None:
        """Show only the documents that mention an entity (None: all)."""
        self.entity_filter = entity
        self._set_entity_label()
        self.reload()

    def _set_entity_label(self) -> None:
        if self.entity_filter is None:
            self.entity_label.setText(self.tr("All entities"))
            self.entity_clear.setEnabled(False)
        else:
            self.entity_label.setText(self.tr("Mentioning: {0}").format(self.entity_filter[1]))
            self.entity_clear.setEnabled(True)

    def reload(self) -> None:
        """Fill the table from the store with the current filters (the ids in the current
        order; the rows are read as the table shows them)."""
        self.model.set_query(
            self.store,
            outlet_id=self.outlet_id(),
            date_from=self._date(self.date_from),
            date_to=self._date(self.date_to),
            mentioning=[self.entity_filter[0]] if self.entity_filter is not None else None,
        )
        self.status.setText(self.tr("{0} documents").format(f"{self.model.rowCount():,}"))
        if self.search_box.text().strip():
            self.run_search()
        self.filters_changed.emit()

    # ---- search -------------------------------------------------------------------------
    def run_search(self) -> None:
        query = self.search_box.text()
        if not query.strip():
            self.show_documents()
            return
        hits = search(
            self.store,
            query,
            outlet_id=self.outlet_id(),
            date_from=self._date(self.date_from),
            date_to=self._date(self.date_to),
            entity_id=self.entity_filter[0] if self.entity_filter is not None else None,
            limit=SEARCH_SHOWN,
        )
        self.results.set_hits(hits)
        self.stack.setCurrentWidget(self.results_view)
        status = self._search_status(hits, query.strip())
        if hits.windowed:
            status += " " + self.tr(
                "(a very common query: ranked among its {0} most recently imported matches;"
                " add a word, an outlet or dates to narrow it)"
            ).format(f"{store_sqlite.RANK_WINDOW:,}")
        self.status.setText(status)

    def _search_status(self, hits: SearchHits, query: str) -> str:
        """How many documents a search found, and how many of them are listed."""
        if hits.windowed:
            return self.tr("The {0} best of over {1} results for «{2}»").format(
                f"{len(hits):,}", f"{store_sqlite.RANK_WINDOW:,}", query
            )
        if len(hits) < hits.matches:
            return self.tr("The {0} best of {1} results for «{2}»").format(
                f"{len(hits):,}", f"{hits.matches:,}", query
            )
        return self.tr("{0} results for «{1}»").format(f"{len(hits):,}", query)

    def show_documents(self) -> None:
        self.stack.setCurrentWidget(self.view)
        self.status.setText(self.tr("{0} documents").format(f"{self.model.rowCount():,}"))

    def _open_hit(self, index: QModelIndex) -> None:
        if index.isValid():
            hit = self.results.hit(index.row())
            self.hit_at.emit(hit.row.id, hit.first_offset, [hit.first_form])

    # ---- removing documents ---------------------------------------------------------------
    def build_context_menu(self) -> QMenu:
        """The menu of the selected documents (also what a right click opens)."""
        self._update_actions()
        menu = QMenu(self)
        for action in self._document_actions:
            menu.addAction(action)
        if self._document_actions:
            menu.addSeparator()
        menu.addAction(self.remove_action)
        return menu

    def add_document_actions(self, actions: list[QAction]) -> None:
        """Actions on the selected documents that others provide (giving them an
        outlet), in their menu."""
        self._document_actions.extend(actions)

    def _show_context_menu(self, pos: QPoint) -> None:
        index = self.view.indexAt(pos)
        if not index.isValid():
            return
        if not self.view.selectionModel().isRowSelected(index.row(), QModelIndex()):
            self._select_row(index.row())
        self.build_context_menu().exec(self.view.viewport().mapToGlobal(pos))

    def _show_results_menu(self, pos: QPoint) -> None:
        view = self.results_view
        index = view.indexAt(pos)
        if not index.isValid():
            return
        if not view.selectionModel().isSelected(index):
            view.setCurrentIndex(index)
            view.selectionModel().select(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        self.build_context_menu().exec(view.viewport().mapToGlobal(pos))

    @property
    def removing(self) -> bool:
        """Whether a removal runs (tests wait on it)."""
        return self._removing

    def set_removal_held(self, held: bool) -> None:
        """An import or an analysis holds the database: no removal meanwhile."""
        self._held = held
        self._update_actions()

    def _update_actions(self) -> None:
        self.remove_action.setEnabled(not self._removing and not self._held)

    def remove_selected(self) -> None:
        """Ask whether to remove the selected documents from the corpus, naming how many
        (and the title of one alone), and remove them in the task runner."""
        ids = self.selected_ids()
        if not ids or self._removing or self._held:
            return
        title = self.tr("Remove from corpus")
        if len(ids) == 1:
            rows = self.store.documents(ids=ids)
            if not rows:
                return
            question = self.tr("Remove «{0}» from the corpus?").format(rows[0].title)
        else:
            question = self.tr("Remove {0} documents from the corpus?").format(f"{len(ids):,}")
        question += "\n\n" + self.tr(
            "Their mentions, labels, quotations and events go with them, and the actors "
            "are counted without them. This cannot be undone."
        )
        if not self.dialogs.confirm(title, question):
            return
        self._removing = True
        self._update_actions()
        store = self.store

        def task() -> RemovedDocuments | str:
            try:
                return store.delete_documents(ids)
            except (StoreError, StoreBusyError) as exc:  # gone meanwhile, or not its turn
                return str(exc)

        self.runner.submit(task, on_done=self._removal_done, on_error=self._removal_failed)

    def _removal_done(self, outcome: RemovedDocuments | str) -> None:
        self._removing = False
        self._update_actions()
        if isinstance(outcome, str):
            self.dialogs.error(self.tr("Remove from corpus"), outcome)
            return
        self.documents_removed.emit(outcome)

    def _removal_failed(self, message: str) -> None:
        self._removing = False
        self._update_actions()
        self.dialogs.error(self.tr("Remove from corpus"), message)

    # ---- selection ----------------------------------------------------------------------
    def _on_selection(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        indexes = selected.indexes()
        if indexes:
            self.document_selected.emit(int(indexes[0].data(DocIdRole)))

    def selected_ids(self) -> list[int]:
        """The documents selected in the table, or among the search results when they
        are shown."""
        if self.stack.currentWidget() is self.results_view:
            rows = {i.row() for i in self.results_view.selectionModel().selectedIndexes()}
            return list(dict.fromkeys(self.results.hit(r).row.id for r in sorted(rows)))
        rows = {i.row() for i in self.view.selectionModel().selectedRows()}
        return [self.model.document_id(r) for r in sorted(rows)]

    def select_document(self, doc_id: int) -> bool:
        row = self.model.row_for_id(doc_id)
        if row is None:
            return False
        self._select_row(row)
        self.view.scrollTo(self.model.index(row, 0))
        return True

    def show_current(self, doc_id: int) -> None:
        """Mark the open document in the table without reopening it; a selection of
        several that holds it is kept (a Ctrl-click opens the article it adds, and
        selecting it alone undid the selection «Compare with…» needs)."""
        row = self.model.row_for_id(doc_id)
        if row is None:
            return
        selection = self.view.selectionModel()
        if selection.isRowSelected(row, QModelIndex()):
            return
        selection.blockSignals(True)
        self._select_row(row)
        selection.blockSignals(False)
        self.view.viewport().update()
        self.view.scrollTo(self.model.index(row, 0))

    def select_first(self) -> None:
        if self.model.rowCount() > 0:
            self._select_row(0)

    def _select_row(self, row: int) -> None:
        """Select a whole row through the selection model: ``QTableView.selectRow`` selects
        nothing in a right-to-left table that has not been laid out yet (so in Arabic the
        first article was not opened at start)."""
        index = self.model.index(row, 0)
        flags = (
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows
            | QItemSelectionModel.SelectionFlag.Current
        )
        self.view.selectionModel().setCurrentIndex(index, flags)
