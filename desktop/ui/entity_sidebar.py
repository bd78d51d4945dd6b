"""The entity sidebar: the actors of the corpus by type, filterable, with the lexicon edits
(rename, merge, split, change type, add an alias, confirm, ignore and bring back, undo).

Every edit is a core function of :mod:`desktop.entity_edits` run through the injected
:class:`TaskRunner` (it re-analyses the documents it touches); the tree is disabled while
it runs and reloaded from the store when it is done.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from PySide6.QtCore import (
    QEvent,
    QItemSelection,
    QItemSelectionModel,
    QModelIndex,
    QPoint,
    Qt,
    Signal,
)
from PySide6.QtGui import QAction, QKeySequence, QPalette, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QProgressBar,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from desktop import entity_edits
from desktop.entity_edits import EditError, EntityRef
from desktop.jobs import edit_job
from desktop.lexicon.gazetteer import ENTITY_TYPES
from desktop.store.rows import EntityRow, NameHolder
from desktop.store.store import Store
from desktop.store.writer import StoreBusyError
from desktop.ui.bidi import OwnDirectionDelegate
from desktop.ui.columns import FittedColumns, sample_rows_only
from desktop.ui.dialogs import QtDialogs
from desktop.ui.entity_model import (
    DOCUMENTS_COLUMN,
    MENTIONS_COLUMN,
    NAME_COLUMN,
    EntityFilterProxy,
    EntityIdRole,
    EntityTreeModel,
    EntityTypeRole,
)
from desktop.ui.fonts import narrow_the_least_column_width
from desktop.ui.palette import (
    SPEAKER_SHADES,
    category_text_colours,
    entity_colour,
    entity_type_name,
)
from desktop.ui.process_job import SHUTDOWN_MS, ProcessJob
from desktop.ui.workers import QtProgress, TaskRunner

_SWATCH = 10


class EntityDialogs(Protocol):
    """The questions the sidebar asks; replaced by a fake in tests."""

    def ask_text(self, title: str, label: str, default: str = "") -> str | None: ...
    def ask_item(self, title: str, label: str, items: Sequence[str]) -> str | None: ...
    def confirm(self, title: str, text: str) -> bool: ...
    def error(self, title: str, text: str) -> None: ...


@dataclass(frozen=True)
class _Outcome:
    """What an edit task hands back to the GUI thread."""

    result: Any = None
    error: str | None = None


class EntitySidebar(QWidget):
    """The entities of the corpus. Emits ``entity_selected(id)`` (-1 when the selection is
    cleared) and ``entities_changed()`` after an edit has finished."""

    entity_selected = Signal(int)
    entities_changed = Signal()

    def __init__(
        self,
        store: Store,
        runner: TaskRunner,
        parent: QWidget | None = None,
        dialogs: EntityDialogs | None = None,
    ) -> None:
        super().__init__(parent)
        self._store = store
        self._runner = runner
        self.dialogs: EntityDialogs = dialogs if dialogs is not None else QtDialogs(self)
        self._busy = False
        self._held = False  # an import or an analysis holds the database
        self._restoring = False
        self._edit_job = ProcessJob(self, stopped=self.tr("The edit stopped unexpectedly."))
        self._edit_job.finished.connect(self._edit_job_done)
        self._edit_job.failed.connect(self._edit_failed)
        #: the running edit's title, and whether its result is selected when it ends
        self._edit: tuple[str, bool] = ("", False)
        #: whether the running edit shows before its articles are analysed again, and
        #: the target of a running merge, selected once the merge shows
        self._shown_at_once = False
        self._merging_into: int | None = None
        #: the selection when the list could be browsed during an edit: the edit's
        #: result is selected at its end only if the user left it so
        self._browsed_from: list[int] | None = None
        self._order: list[int] = []  # selected entity ids, first selected first
        self._last_emitted = -1
        self._can_undo = False
        self._ignored: list[EntityRef] = []  # the actors the user ignores, by name
        self._tree_had_focus = False

        self.model = EntityTreeModel(self)
        self.proxy = EntityFilterProxy(self)
        self.proxy.setSourceModel(self.model)

        self.filter_edit = QLineEdit()
        self.filter_edit.setObjectName("entityFilter")
        self.filter_edit.setPlaceholderText(self.tr("Filter by name or alias…"))
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.textChanged.connect(self._on_filter_changed)

        self.sort_combo = QComboBox()
        self.sort_combo.setObjectName("entitySort")
        self._sorts = (
            (NAME_COLUMN, Qt.SortOrder.AscendingOrder),
            (MENTIONS_COLUMN, Qt.SortOrder.DescendingOrder),
            (DOCUMENTS_COLUMN, Qt.SortOrder.DescendingOrder),
        )
        self.sort_combo.addItems(
            [self.tr("By name"), self.tr("By mentions"), self.tr("By documents")]
        )

        self.tree = QTreeView()
        self.tree.setItemDelegate(OwnDirectionDelegate(self.tree))
        self.tree.setObjectName("entityTree")
        self.tree.setModel(self.proxy)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        self.tree.setSortingEnabled(True)
        self.tree.setDragEnabled(True)
        self.tree.setAcceptDrops(True)
        self.tree.setDropIndicatorShown(True)
        self.tree.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.tree.setDefaultDropAction(Qt.DropAction.CopyAction)
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.tree.customContextMenuRequested.connect(self._show_context_menu)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(NAME_COLUMN, QHeaderView.ResizeMode.Stretch)
        # counts are short: as wide as their headers and the counts in view, the rest
        # of the room for the names (Qt's least width of a column, some 90 pixels with
        # the bundled Arabic font, made each count's column that wide)
        sample_rows_only(self.tree)
        narrow_the_least_column_width(header)
        self.count_columns = FittedColumns(self.tree, [MENTIONS_COLUMN, DOCUMENTS_COLUMN])
        header.sortIndicatorChanged.connect(self._on_header_sorted)
        # a type's row names it and its count across the columns (the counts' columns
        # are empty there): cut at the name column's width it read «Organisations (…»
        for signal in (
            self.proxy.modelReset,
            self.proxy.layoutChanged,
            self.proxy.rowsInserted,
            self.proxy.rowsRemoved,
        ):
            signal.connect(self._span_type_rows)
        # Qt reads more rows only for the parents of the last row of the whole tree (the
        # last type): each type whose last row read comes into view reads its next page
        bar = self.tree.verticalScrollBar()
        bar.valueChanged.connect(self._read_pages_in_view)
        bar.rangeChanged.connect(self._read_pages_in_view)
        self.sort_combo.currentIndexChanged.connect(self._on_sort_chosen)
        self.sort_combo.setCurrentIndex(1)
        self._on_sort_chosen(1)
        self._span_type_rows()

        selection = self.tree.selectionModel()
        selection.selectionChanged.connect(self._on_selection_changed)
        selection.currentChanged.connect(self._on_current_changed)
        # Queued: the confirmation dialog must not open inside the drop event.
        self.model.merge_requested.connect(
            self._on_merge_requested, Qt.ConnectionType.QueuedConnection
        )
        # an analysis wrote the store while the list was paged through: read it again
        # (queued: not inside the view's fetch or sort)
        self.model.pages_changed.connect(self.refresh, Qt.ConnectionType.QueuedConnection)

        self._make_actions()

        # what an edit reports from its worker thread (queued signals to the bar)
        self.edit_progress = QtProgress(self)
        self.progress_bar = QProgressBar()
        self.progress_bar.setObjectName("editProgress")
        self.progress_bar.hide()
        self.edit_progress.started.connect(self._progress_started)
        self.edit_progress.advanced.connect(lambda done, _note: self.progress_bar.setValue(done))
        self.edit_progress.finished.connect(self.progress_bar.hide)
        self.held_label = QLabel(self.tr("Edits are off while articles are imported or analysed."))
        self.held_label.setObjectName("editsHeld")
        self.held_label.setWordWrap(True)
        self.held_label.hide()

        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.filter_edit, 1)
        top.addWidget(self.sort_combo)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.held_label)
        layout.addWidget(self.progress_bar)
        layout.addWidget(self._make_legend())
        self.refresh()

    # ---- building -------------------------------------------------------------------
    def _action(
        self, text: str, slot: Callable[[], None], shortcut: QKeySequence | None = None
    ) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(shortcut)
            # Only while the tree has focus: Ctrl+Z elsewhere is someone else's undo.
            action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            self.tree.addAction(action)
        action.triggered.connect(lambda _checked=False: slot())
        return action

    def _make_actions(self) -> None:
        self.rename_action = self._action(
            self.tr("Rename…"), self.rename_selected, QKeySequence(Qt.Key.Key_F2)
        )
        self.merge_action = self._action(
            self.tr("Merge selected"), self.merge_selected, QKeySequence("Ctrl+M")
        )
        self.split_action = self._action(self.tr("Split alias…"), self.split_selected)
        self.retype_action = self._action(
            self.tr("Change type…"), self.retype_selected, QKeySequence("Ctrl+T")
        )
        self.add_alias_action = self._action(self.tr("Add alias…"), self.add_alias_to_selected)
        self.confirm_action = self._action(self.tr("Confirm"), self.confirm_selected)
        self.ignore_action = self._action(
            self.tr("Ignore"), self.ignore_selected, QKeySequence(QKeySequence.StandardKey.Delete)
        )
        self.restore_action = self._action(self.tr("Ignored actors…"), self.restore_ignored)
        self.undo_action = self._action(
            self.tr("Undo last edit"), self.undo_last, QKeySequence(QKeySequence.StandardKey.Undo)
        )
        self.type_menu = QMenu(self.tr("Change type"), self)
        self.type_actions: dict[str, QAction] = {}
        for etype in ENTITY_TYPES:
            action = QAction(self._type_name(etype), self)
            action.setCheckable(True)
            action.setData(etype)
            action.triggered.connect(lambda _checked=False, t=etype: self.retype_selected_to(t))
            self.type_menu.addAction(action)
            self.type_actions[etype] = action

    def _make_legend(self) -> QWidget:
        legend = QWidget()
        legend.setObjectName("entityLegend")
        grid = QGridLayout(legend)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(6)
        grid.setVerticalSpacing(2)
        for i, etype in enumerate(ENTITY_TYPES):
            swatch = QLabel()
            pixmap = QPixmap(_SWATCH, _SWATCH)
            pixmap.fill(entity_colour(etype))
            swatch.setPixmap(pixmap)
            label = QLabel(self._type_name(etype))
            row, col = divmod(i, 2)
            grid.addWidget(swatch, row, col * 2)
            grid.addWidget(label, row, col * 2 + 1)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        # what the reader's other marks mean: the swatches name the entity types only
        marks = self.marks_legend = QLabel()
        self._write_marks_legend()
        marks.setObjectName("marksLegend")
        marks.setTextFormat(Qt.TextFormat.RichText)
        marks.setWordWrap(True)
        grid.addWidget(marks, (len(ENTITY_TYPES) + 1) // 2, 0, 1, 4)
        return legend

    def _span_type_rows(self, *_args: object) -> None:
        root = QModelIndex()
        for row in range(self.proxy.rowCount(root)):
            self.tree.setFirstColumnSpanned(row, root, True)

    def _write_marks_legend(self) -> None:
        """The legend of the reader's marks, its category words in their colours as
        readable on the theme's background."""
        dark = self.palette().color(QPalette.ColorRole.Window).lightness() < 128
        cats = category_text_colours(dark)
        self.marks_legend.setText(
            self.tr(
                "<span style='background:{0}; color:black'>&nbsp;Shaded&nbsp;</span> "
                "passages are quotations, a shade per speaker; labels are underlined "
                "<span style='color:{1}'>official</span>, <span style='color:{2}'>neutral"
                "</span>, <span style='color:{3}'>delegitimising</span> or "
                "<span style='color:{4}'>legitimising</span>; <i>italic</i> names were "
                "found in the texts, not yet confirmed."
            ).format(
                SPEAKER_SHADES[0],
                cats["official"],
                cats["neutral"],
                cats["delegitimising"],
                cats["legitimising"],
            )
        )

    def changeEvent(self, event: QEvent) -> None:
        # (the legend is built after the first of these)
        changed = event.type() in (QEvent.Type.StyleChange, QEvent.Type.PaletteChange)
        if changed and hasattr(self, "marks_legend"):
            self._write_marks_legend()
        super().changeEvent(event)

    def _type_name(self, etype: str) -> str:
        return entity_type_name(etype)

    def build_context_menu(self) -> QMenu:
        """The menu of the selected entities (also what a right click opens)."""
        self._update_actions()
        menu = QMenu(self)
        menu.addAction(self.rename_action)
        menu.addAction(self.merge_action)
        menu.addAction(self.split_action)
        menu.addMenu(self.type_menu)
        menu.addAction(self.add_alias_action)
        menu.addSeparator()
        if self.confirm_action.isEnabled():
            menu.addAction(self.confirm_action)
        menu.addAction(self.ignore_action)
        menu.addAction(self.restore_action)
        menu.addSeparator()
        menu.addAction(self.undo_action)
        return menu

    def build_list_menu(self) -> QMenu:
        """The menu of the list itself (a right click beside the entities)."""
        self._update_actions()
        menu = QMenu(self)
        menu.addAction(self.restore_action)
        menu.addSeparator()
        menu.addAction(self.undo_action)
        return menu

    # ---- public -----------------------------------------------------------------------
    def refresh(self) -> None:
        """Reload the entities from the store, keeping the selection where it can."""
        order, current = list(self._order), self._current_entity_id()
        top = self._top_row()
        # The first page of each type, sorted and filtered by the store; an entity's
        # forms and outlets are read when its tooltip first shows.
        self.model.set_pages(self._store, details=self._store)
        self._expand_types()
        self._can_undo = bool(self._store.edits())
        self._ignored = entity_edits.ignored_entities(self._store)
        self._restore_selection(order, current)
        self._scroll_to_top_row(top)
        self._update_actions()
        self._emit_selected()

    def select_entity(self, entity_id: int, *, add: bool = False) -> bool:
        """Select an entity (``add``: keep the current selection too)."""
        index = self._proxy_index(entity_id)
        if not index.isValid():
            return False
        flags = QItemSelectionModel.SelectionFlag.Rows | (
            QItemSelectionModel.SelectionFlag.Select
            if add
            else QItemSelectionModel.SelectionFlag.ClearAndSelect
        )
        self.tree.selectionModel().setCurrentIndex(index, flags)
        self.tree.scrollTo(index)
        return True

    def selected_entity_ids(self) -> list[int]:
        """The selected entities, the first selected first."""
        return list(self._order)

    def selected_entities(self) -> list[EntityRow]:
        """The selected entities' rows, in selection order."""
        rows = [self.model.entity_by_id(i) for i in self._order]
        return [r for r in rows if r is not None]

    @property
    def busy(self) -> bool:
        return self._busy

    def set_edits_held(self, held: bool) -> None:
        """While an import or an analysis runs it holds the database, and an edit would
        be refused with the busy message: the edits are turned off meanwhile (the list
        can still be browsed), and a line under the list says why."""
        self._held = held
        self.held_label.setVisible(held)
        self._update_actions()

    # ---- the edits --------------------------------------------------------------------
    def rename_selected(self) -> None:
        rows = self.selected_entities()
        if len(rows) != 1:
            return
        row = rows[0]
        title = self.tr("Rename entity")
        name = self.dialogs.ask_text(
            title, self.tr("New name of «{0}»:").format(row.name), row.name
        )
        if name is None or not name.strip() or name == row.name:  # left as it was
            return
        try:
            other = entity_edits.name_taken(self._store, str(row.id), name)
        except EditError as exc:
            self.dialogs.error(title, str(exc))
            return
        if other is not None and other.ignored:
            self.dialogs.error(
                title,
                self.tr(
                    "«{0}» is already the name of an actor you ignored: bring it back "
                    "(Ignored actors…) to merge them."
                ).format(other.name),
            )
            return
        if other is not None:  # two actors of one name are one actor: a merge
            question = self.tr(
                "«{0}» is already the name of another actor ({1}). Merge «{2}» into it "
                "instead? «{0}» keeps its name."
            ).format(other.name, self._mentions_text(other.mentions), row.name)
            if self.dialogs.confirm(self.tr("Merge entities"), question):
                self._run_edit(self.tr("Merge entities"), "merge", [str(other.id), [str(row.id)]])
            return
        holders = entity_edits.alias_of_others(self._store, str(row.id), name)
        if holders:  # another actor goes by it: what is written so stays the other's
            question = self.tr(
                "«{0}» is already a name of {1}: written so in an article, it names {2}, "
                "not «{3}». Rename «{3}» to «{0}» all the same?"
            ).format(
                " ".join(name.split()),
                self._holders_text(holders, all_mentions=False),
                "، ".join(f"«{h.name}»" for h in holders),
                row.name,
            )
            if not self.dialogs.confirm(title, question):
                return
        self._run_edit(title, "rename", [str(row.id), name, bool(holders)])

    def merge_selected(self) -> None:
        rows = self.selected_entities()
        if len(rows) < 2:
            return
        self._merge(rows[0], rows[1:])

    def _on_merge_requested(self, target_id: int, source_ids: list[int]) -> None:
        target = self.model.entity_by_id(target_id)
        sources = [s for s in map(self.model.entity_by_id, source_ids) if s is not None]
        if target is None or not sources or self._busy or self._held:
            return
        self._merge(target, sources)

    def _merge(self, target: EntityRow, sources: Sequence[EntityRow]) -> None:
        title = self.tr("Merge entities")
        names = "، ".join(s.name for s in sources)
        question = self.tr("Merge «{0}» into «{1}»? «{1}» keeps its name.").format(
            names, target.name
        )
        if not self.dialogs.confirm(title, question):
            return
        target_ref = str(target.id)
        source_refs = [str(s.id) for s in sources]

        self._run_edit(title, "merge", [target_ref, source_refs])

    def split_selected(self) -> None:
        rows = self.selected_entities()
        if len(rows) != 1:
            return
        row = rows[0]
        title = self.tr("Split an alias")
        aliases = entity_edits.split_candidates(self._store, row.id)
        if not aliases:
            self.dialogs.error(title, self.tr("«{0}» has no alias to split off.").format(row.name))
            return
        label = self.tr("Alias of «{0}» that names another entity:").format(row.name)
        alias = self.dialogs.ask_item(title, label, aliases)
        if not alias:
            return
        self._run_edit(title, "split", [str(row.id), alias])

    def retype_selected(self) -> None:
        rows = self.selected_entities()
        if len(rows) != 1:
            return
        names = {self._type_name(t): t for t in ENTITY_TYPES if t != rows[0].type}
        label = self.tr("New type of «{0}»:").format(rows[0].name)
        chosen = self.dialogs.ask_item(self.tr("Change type"), label, list(names))
        if chosen in names:
            self.retype_selected_to(names[chosen])

    def retype_selected_to(self, entity_type: str) -> None:
        rows = [r for r in self.selected_entities() if r.type != entity_type]
        if not rows:
            return
        self._run_edit(self.tr("Change type"), "retype", [[str(r.id) for r in rows], entity_type])

    def add_alias_to_selected(self) -> None:
        rows = self.selected_entities()
        if len(rows) != 1:
            return
        row = rows[0]
        title = self.tr("Add an alias")
        alias = self.dialogs.ask_text(title, self.tr("Another name of «{0}»:").format(row.name))
        if alias is None or not alias.strip():
            return
        try:
            holders = entity_edits.alias_holders(self._store, str(row.id), alias)
        except EditError as exc:
            self.dialogs.error(title, str(exc))
            return
        alias = alias.strip()
        named = [h for h in holders if h.named]
        if named:  # another actor's own name: the two are one actor
            question = self.tr(
                "«{0}» is already the name of {1}. Merge {2} into «{3}» instead of adding "
                "the alias? «{3}» keeps its name."
            ).format(
                alias,
                self._holders_text(named, all_mentions=True),
                "، ".join(f"«{h.name}»" for h in named),
                row.name,
            )
            if self.dialogs.confirm(self.tr("Merge entities"), question):
                refs = [str(h.id) for h in named]
                self._run_edit(self.tr("Merge entities"), "merge", [str(row.id), refs])
            return
        if holders:
            question = self.tr(
                "«{0}» is also a name of {1}. As an alias of «{2}», what is written so "
                "would count as «{2}»'s mentions. Add it?"
            ).format(alias, self._holders_text(holders, all_mentions=False), row.name)
            if not self.dialogs.confirm(title, question):
                return
        self._run_edit(title, "alias", [str(row.id), alias])

    def _holders_text(self, holders: Sequence[NameHolder], *, all_mentions: bool) -> str:
        """«Name» (N mentions) of each actor, joined: all its mentions, or those written
        as the name."""
        parts = []
        for h in holders:
            n = h.mentions if all_mentions else h.written
            if all_mentions:
                count = self._mentions_text(n)
            elif n == 0:
                count = self.tr("no mention written so")
            else:
                count = (
                    self.tr("1 mention written so")
                    if n == 1
                    else self.tr("{0} mentions written so").format(f"{n:,}")
                )
            parts.append(self.tr("«{0}» ({1})").format(h.name, count))
        return "، ".join(parts)

    def _mentions_text(self, n: int) -> str:
        return self.tr("1 mention") if n == 1 else self.tr("{0} mentions").format(f"{n:,}")

    def confirm_selected(self) -> None:
        refs = [str(r.id) for r in self.selected_entities() if not r.confirmed]
        if not refs:
            return
        self._run_edit(self.tr("Confirm entity"), "confirm", [refs])

    def ignore_selected(self) -> None:
        refs = [str(r.id) for r in self.selected_entities()]
        if not refs:
            return
        self._run_edit(self.tr("Ignore entity"), "ignore", [refs], select_result=False)

    def restore_ignored(self) -> None:
        """Ask which ignored actor to bring back, and bring it back."""
        if not self._ignored:
            return
        labels: dict[str, EntityRef] = {}
        for entity in self._ignored:
            label = f"{entity.name} ({self._type_name(entity.type)})"
            labels[label if label not in labels else f"{label} #{entity.id}"] = entity
        title = self.tr("Ignored actors")
        chosen = self.dialogs.ask_item(title, self.tr("Ignored actor to bring back:"), list(labels))
        if chosen not in labels:
            return
        self._run_edit(title, "unignore", [[str(labels[chosen].id)]])

    def undo_last(self) -> None:
        self._run_edit(self.tr("Undo last edit"), "undo", [], select_result=False)

    # ---- running an edit --------------------------------------------------------------
    def _run_edit(
        self, title: str, op: str, args: list[Any], *, select_result: bool = True
    ) -> None:
        """Run the edit ``op`` (:func:`entity_edits.run_edit`) off the GUI thread: in a
        process of its own when it analyses articles again and the store is a file (a
        thread of this process shares the interpreter with the window, and held it up
        to half a second at a time during an edit of a frequent actor), else in a
        thread; the documents it analyses again are counted on the progress bar."""
        if self._busy or self._held:
            return
        self._set_busy(True)
        self._edit = (title, select_result)
        self._shown_at_once = op in entity_edits.SHOWN_AT_ONCE
        self._merging_into = int(args[0]) if op == "merge" else None
        self._browsed_from = None
        db = self._store.engine.url.database
        # an edit that analyses no article is over in a fraction of a second here,
        # where starting a process takes about 0.7 s more
        if db and db != ":memory:" and op not in entity_edits.NAME_ONLY:
            try:
                self._edit_job.start(edit_job, (db, op, args), self.edit_progress)
            except (OSError, RuntimeError) as exc:  # the process could not be started
                self._edit_failed(str(exc))
            return
        store, progress = self._store, self.edit_progress

        def task() -> _Outcome:
            try:
                return _Outcome(entity_edits.run_edit(store, op, args, progress))
            except (EditError, StoreBusyError) as exc:  # the user's mistake, or not its turn
                return _Outcome(error=str(exc))

        self._runner.submit(task, on_done=self._edit_done, on_error=self._edit_failed)

    def _edit_job_done(self, result: object) -> None:
        assert isinstance(result, tuple)
        self._edit_done(_Outcome(*result))

    @property
    def editing(self) -> bool:
        """Whether an edit runs (tests wait on it)."""
        return self._busy

    @property
    def edit_job_running(self) -> bool:
        """Whether an edit runs in a process of its own (one that analyses articles)."""
        return self._edit_job.running

    def shutdown(self, timeout_ms: int = SHUTDOWN_MS, *, paint: bool = False) -> None:
        """Stop a running edit (closing the window): the edit is made, its analysis stops
        between batches of articles, and the articles it did not reach are analysed when
        the window next starts (:meth:`ProcessJob.shutdown`)."""
        stopping = self._edit_job.running
        self._edit_job.shutdown(timeout_ms, paint=paint)
        if stopping:  # it ended without a word: nothing runs any more
            self._set_busy(False)

    def _edit_done(self, outcome: _Outcome) -> None:
        title, select_result = self._edit
        self._set_busy(False)
        if outcome.error is not None:
            self.dialogs.error(title, outcome.error)
            return
        self.refresh()
        browsed = self._browsed_from is not None and self._order != self._browsed_from
        if select_result and isinstance(outcome.result, EntityRef) and not browsed:
            self.select_entity(outcome.result.id)
        self.entities_changed.emit()

    def _edit_failed(self, message: str) -> None:
        self._set_busy(False)
        self.dialogs.error(self._edit[0], message)
        self.refresh()  # the edit may have been logged before it failed
        self.entities_changed.emit()

    def _progress_started(self, total: int, _label: str) -> None:
        if total <= 0:  # nothing to analyse again: over at once
            return
        self.progress_bar.setRange(0, total)
        self.progress_bar.setValue(0)
        self.progress_bar.setFormat(self.tr("Analysing again: %v of %m documents"))
        self.progress_bar.show()
        if not self._shown_at_once:  # the list would show the edit half made
            return
        # The edit is made (a merge, an ignore already shows) and its articles are
        # analysed again, which takes a while for a frequent actor: the list is read
        # again and can be browsed meanwhile; the edits, drops included, stay off until
        # the analysis ends.
        self.refresh()
        if self._merging_into is not None:
            self.select_entity(self._merging_into)
        self._browsed_from = list(self._order)
        self.tree.setEnabled(True)
        if self._tree_had_focus:  # given back now, not taken from elsewhere at the end
            self.tree.setFocus()
            self._tree_had_focus = False

    def _set_busy(self, busy: bool) -> None:
        if busy:
            self._tree_had_focus = self.tree.hasFocus()
        else:
            self.progress_bar.hide()
        self._busy = busy
        self.tree.setEnabled(not busy)
        self.tree.setDragDropMode(
            QAbstractItemView.DragDropMode.DragOnly
            if busy
            else QAbstractItemView.DragDropMode.DragDrop
        )
        if not busy and self._tree_had_focus:
            self.tree.setFocus()
        self._update_actions()

    # ---- selection --------------------------------------------------------------------
    def _expand_types(self) -> None:
        """Open every type. (``expandAll`` would also have the model hand over every
        entity, page after page: the tree shows the first page of each type and fetches
        the next when scrolled to its end.)"""
        for row in range(self.proxy.rowCount()):
            self.tree.expand(self.proxy.index(row, 0))

    def _read_pages_in_view(self, *_args: object) -> None:
        """Read the next page of each type whose last row read is in view (scrolled to,
        or reached with the keyboard); one scrolled past stays as it is, so the rows in
        view do not move."""
        viewport = self.tree.viewport().rect()
        for row in range(self.proxy.rowCount()):
            parent = self.proxy.index(row, 0)
            if not self.tree.isExpanded(parent) or not self.proxy.canFetchMore(parent):
                continue
            last = self.tree.visualRect(
                self.proxy.index(self.proxy.rowCount(parent) - 1, 0, parent)
            )
            if last.isValid() and last.bottom() >= 0 and last.top() <= viewport.bottom():
                self.proxy.fetchMore(parent)

    def _top_row(self) -> tuple[int, str] | None:
        """What the list shows at its top, once scrolled: (entity id, "") or (-1, type)."""
        if self.tree.verticalScrollBar().value() == 0:
            return None
        index = self.tree.indexAt(QPoint(1, 1)).siblingAtColumn(NAME_COLUMN)
        if not index.isValid():
            return None
        entity_id = index.data(EntityIdRole)
        if entity_id is not None:
            return int(entity_id), ""
        return -1, str(index.data(EntityTypeRole) or "")

    def _scroll_to_top_row(self, top: tuple[int, str] | None) -> None:
        """Show at the top what was there before a refresh (an analysis writing, an edit),
        rather than the first page again: wherever the entity now stands in the list."""
        if top is None:
            return
        entity_id, entity_type = top
        source = (
            self.model.index_for_entity(entity_id)
            if entity_id >= 0
            else self.model.index_for_type(entity_type)
        )
        index = self.proxy.mapFromSource(source) if source.isValid() else QModelIndex()
        if index.isValid():
            self.tree.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtTop)

    def _proxy_index(self, entity_id: int) -> QModelIndex:
        source = self.model.index_for_entity(entity_id)
        if not source.isValid() and self.model.hidden_by_filter(entity_id):
            self.filter_edit.clear()  # hidden by the filter: show everything again
            source = self.model.index_for_entity(entity_id)
        return self.proxy.mapFromSource(source) if source.isValid() else QModelIndex()

    def _ids_in_selection(self) -> list[int]:
        ids = []
        for index in self.tree.selectionModel().selectedRows(NAME_COLUMN):
            value = index.data(EntityIdRole)
            if value is not None:
                ids.append(int(value))
        return ids

    def _current_entity_id(self) -> int:
        value = self.tree.selectionModel().currentIndex().data(EntityIdRole)
        return int(value) if value is not None else -1

    def _on_selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        if self._restoring:
            return
        now = self._ids_in_selection()
        self._order = [i for i in self._order if i in now] + [
            i for i in now if i not in self._order
        ]
        self._update_actions()
        self._emit_selected()

    def _on_current_changed(self, _current: QModelIndex, _previous: QModelIndex) -> None:
        if not self._restoring:
            self._emit_selected()

    def _emit_selected(self) -> None:
        current = self._current_entity_id()
        entity_id = current if current in self._order else (self._order[0] if self._order else -1)
        if entity_id != self._last_emitted:
            self._last_emitted = entity_id
            self.entity_selected.emit(entity_id)

    def _restore_selection(self, order: Sequence[int], current: int) -> None:
        selection = self.tree.selectionModel()
        self._restoring = True
        try:
            selection.clearSelection()
            kept = []
            for entity_id in order:
                index = self.proxy.mapFromSource(self.model.index_for_entity(entity_id))
                if index.isValid():
                    selection.select(
                        index,
                        QItemSelectionModel.SelectionFlag.Select
                        | QItemSelectionModel.SelectionFlag.Rows,
                    )
                    kept.append(entity_id)
            self._order = kept
            focus = current if current in kept else (kept[0] if kept else -1)
            index = self.proxy.mapFromSource(self.model.index_for_entity(focus))
            selection.setCurrentIndex(index, QItemSelectionModel.SelectionFlag.NoUpdate)
        finally:
            self._restoring = False

    # ---- reacting ---------------------------------------------------------------------
    def _on_filter_changed(self, text: str) -> None:
        # the model reads the entities that match again: what was selected stays
        # selected where it still matches
        order, current = list(self._order), self._current_entity_id()
        self.proxy.set_filter_text(text)
        self._expand_types()
        self._restore_selection(order, current)
        self._update_actions()
        self._emit_selected()

    def _on_sort_chosen(self, choice: int) -> None:
        if 0 <= choice < len(self._sorts):
            column, order = self._sorts[choice]
            self.tree.sortByColumn(column, order)

    def _on_header_sorted(self, column: int, _order: Qt.SortOrder) -> None:
        columns = [c for c, _o in self._sorts]
        if column in columns and self.sort_combo.currentIndex() != columns.index(column):
            self.sort_combo.blockSignals(True)
            self.sort_combo.setCurrentIndex(columns.index(column))
            self.sort_combo.blockSignals(False)

    def _show_context_menu(self, pos: QPoint) -> None:
        index = self.tree.indexAt(pos)
        if index.data(EntityIdRole) is None:  # a type's heading or beside the rows
            self.build_list_menu().exec(self.tree.viewport().mapToGlobal(pos))
            return
        if not self.tree.selectionModel().isSelected(index):
            self.select_entity(int(index.data(EntityIdRole)))
        self.build_context_menu().exec(self.tree.viewport().mapToGlobal(pos))

    def _update_actions(self) -> None:
        rows = self.selected_entities()
        idle = not self._busy and not self._held
        one = idle and len(rows) == 1
        self.rename_action.setEnabled(one)
        self.merge_action.setEnabled(idle and len(rows) >= 2)
        self.split_action.setEnabled(one)
        self.retype_action.setEnabled(one)
        self.type_menu.setEnabled(idle and bool(rows))
        self.add_alias_action.setEnabled(one)
        self.confirm_action.setEnabled(idle and any(not r.confirmed for r in rows))
        self.ignore_action.setEnabled(idle and bool(rows))
        self.restore_action.setEnabled(idle and bool(self._ignored))
        self.undo_action.setEnabled(idle and self._can_undo)
        types = {r.type for r in rows}
        for etype, action in self.type_actions.items():
            action.setChecked(types == {etype})
