from __future__ import annotations

import itertools
import threading
from collections.abc import Sequence
from typing import Any

import pytest
from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QPoint, Qt
from PySide6.QtWidgets import QApplication, QTreeView
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from desktop.store.rows import EntityRow
from desktop.store.store import Store
from desktop.ui.entity_model import (
    DOCUMENTS_COLUMN,
    ENTITY_MIME_TYPE,
    MENTIONS_COLUMN,
    NAME_COLUMN,
    PAGE_ROWS,
    EntityFilterProxy,
    EntityIdRole,
    EntityTreeModel,
    EntityTypeRole,
    MentionsRole,
    SortRole,
    decode_entity_ids,
    search_key,
)
from desktop.ui.entity_sidebar import EntitySidebar
from desktop.ui.palette import ENTITY_COLOURS
from desktop.ui.workers import TaskRunner

DE_MISTURA = "ستافان دي ميستورا"
LAVROV = "سيرغي لافروف"
KERRY = "جون كيري"
WAIT = 60_000


class FakeDialogs:
    """Answers the sidebar's questions from queues and records what it was asked."""

    def __init__(self, texts: Sequence[str | None] = (), items: Sequence[str | None] = ()) -> None:
        self.texts = list(texts)
        self.items = list(items)
        self.confirm_answer = True
        self.asked: list[tuple[str, str]] = []
        self.offered: list[list[str]] = []
        self.confirmations: list[str] = []
        self.errors: list[str] = []
        self.error_threads: list[threading.Thread] = []

    def ask_text(self, title: str, label: str, default: str = "") -> str | None:
        self.asked.append((title, label))
        return self.texts.pop(0) if self.texts else None

    def ask_item(self, title: str, label: str, items: Sequence[str]) -> str | None:
        self.asked.append((title, label))
        self.offered.append(list(items))
        return self.items.pop(0) if self.items else None

    def confirm(self, title: str, text: str) -> bool:
        self.confirmations.append(text)
        return self.confirm_answer

    def error(self, title: str, text: str) -> None:
        self.errors.append(text)
        self.error_threads.append(threading.current_thread())


@pytest.fixture
def dialogs() -> FakeDialogs:
    return FakeDialogs()


@pytest.fixture
def sidebar(
    qtbot: QtBot, analysed: Store, runner: TaskRunner, dialogs: FakeDialogs
) -> EntitySidebar:
    widget = EntitySidebar(analysed, runner, dialogs=dialogs)
    qtbot.addWidget(widget)
    widget.show()
    return widget


def entity_id(store: Store, name: str) -> int:
    found = [r.id for r in store.entity_rows() if r.name == name]
    assert len(found) == 1, found
    return found[0]


def _row(store: Store, name: str) -> EntityRow:
    return next(r for r in store.entity_rows() if r.id == entity_id(store, name))


def row_data(
    model: EntityTreeModel, eid: int, column: int, role: int = Qt.ItemDataRole.DisplayRole
) -> Any:
    index = model.index_for_entity(eid, column)
    assert index.isValid()
    return index.data(role)


def edit_with(
    qtbot: QtBot,
    runner: TaskRunner,
    sidebar: EntitySidebar,
    action: Any,
    answers: tuple[FakeDialogs, str] | None = None,
) -> None:
    """Trigger the edit ``action`` and wait until it has ended and the list was read again;
    ``answers``: the dialogs that type the text given and answer yes to the question."""
    if answers is not None:
        answers[0].texts = [answers[1]]
        answers[0].confirm_answer = True
    with qtbot.waitSignal(sidebar.entities_changed, timeout=WAIT):
        action.trigger()
    assert runner.wait(WAIT)


def assert_merged(
    store: Store, sidebar: EntitySidebar, gone: int, *, into: int, mentions_before: int
) -> None:
    """The one edit made merged ``gone`` (its one mention) into ``into``, now selected."""
    assert [op for _i, op, _p in store.edits()] == ["merge"]
    assert not sidebar.model.index_for_entity(gone).isValid()
    assert row_data(sidebar.model, into, 0, MentionsRole) == mentions_before + 1
    assert sidebar.selected_entity_ids() == [into]


def decline(dialogs: FakeDialogs, action: Any, text: str) -> None:
    """Trigger ``action``, type ``text`` and answer no to the question asked."""
    dialogs.texts = [text]
    dialogs.confirm_answer = False
    action.trigger()


def visible(sidebar: EntitySidebar, eid: int) -> bool:
    return sidebar.proxy.mapFromSource(sidebar.model.index_for_entity(eid)).isValid()


# ---- the model --------------------------------------------------------------------------
def test_model_passes_qtmodeltester(qtmodeltester: ModelTester, analysed: Store) -> None:
    model = EntityTreeModel()
    rows = analysed.entity_rows()
    model.set_rows(rows)
    qtmodeltester.check(model, force_py=True)  # type: ignore[no-untyped-call]
    assert model.entity_count() == len(rows) > 20
    proxy = EntityFilterProxy()
    proxy.setSourceModel(model)
    proxy.set_filter_text("دي مستورا")
    proxy.sort(MENTIONS_COLUMN, Qt.SortOrder.DescendingOrder)
    qtmodeltester.check(proxy, force_py=True)  # type: ignore[no-untyped-call]
    assert proxy.rowCount() == 1


def test_model_groups_entities_by_type_with_roles(analysed: Store) -> None:
    model = EntityTreeModel()
    model.set_rows(analysed.entity_rows())
    types = [model.index(r, 0).data(EntityTypeRole) for r in range(model.rowCount())]
    assert types == ["person", "organisation", "place", "group", "state", "media"]
    people = model.index(0, 0)
    assert people.data() == f"People ({model.rowCount(people)})"
    mistura = entity_id(analysed, DE_MISTURA)
    index = model.index_for_entity(mistura)
    assert index.parent() == people
    assert index.data(EntityIdRole) == mistura
    assert index.data(MentionsRole) == 26
    assert index.data(SortRole) == DE_MISTURA
    assert index.siblingAtColumn(DOCUMENTS_COLUMN).data(SortRole) == 3
    assert index.data(Qt.ItemDataRole.DecorationRole).name() == ENTITY_COLOURS["person"]
    tooltip = index.data(Qt.ItemDataRole.ToolTipRole)
    assert "Staffan de Mistura" in tooltip and "UN News" in tooltip and "دي مستورا" in tooltip
    assert "not confirmed" not in tooltip
    assert index.data(Qt.ItemDataRole.FontRole) is None  # confirmed: upright


@pytest.fixture
def arabic_window(qapp: Any) -> Any:
    """The Arabic interface (translations, locale, right-to-left) for one test."""
    from desktop.ui.i18n import Language

    language = Language(qapp)
    language.apply("ar")
    yield
    language.apply("en")


def _tooltip(rows: Sequence[EntityRow], entity: int, details: Any = None) -> str:
    model = EntityTreeModel()
    model.set_rows(rows, details)
    return str(model.index_for_entity(entity).data(Qt.ItemDataRole.ToolTipRole))


def _mistura_tooltip(analysed: Store) -> list[str]:
    rows = analysed.entity_summaries()
    return _tooltip(rows, entity_id(analysed, DE_MISTURA), analysed).split("\n")


def test_the_tooltip_reads_left_to_right_in_the_english_window(analysed: Store) -> None:
    """Its first line, the Arabic name, laid the whole tooltip out right to left: «documents,
    2 mentions 1», «للموصل :Seen as». Each line now starts left to right, the names inside
    it kept in their own direction."""
    from desktop.ui.bidi import FSI, LRM, PDI, plain

    lines = _mistura_tooltip(analysed)
    assert all(line.startswith(LRM) for line in lines), lines
    assert lines[0] == f"{LRM}{FSI}{DE_MISTURA}{PDI}"
    seen = next(line for line in lines if "Seen as" in line)
    assert seen.startswith(f"{LRM}Seen as: {FSI}") and seen.endswith(PDI)
    assert [plain(line) for line in lines[-2:]] == [
        "Outlets: SANA, UN News",
        "3 documents, 26 mentions",
    ]


def test_the_tooltip_reads_right_to_left_with_arabic_outlet_names_in_the_arabic_window(
    analysed: Store, arabic_window: None
) -> None:
    """It listed «SANA, UN News» with a Latin comma where the library says «سانا»."""
    from desktop.ui.bidi import RLM, plain

    lines = _mistura_tooltip(analysed)
    assert all(line.startswith(RLM) for line in lines), lines
    assert plain(lines[-2]) == "الوسائل الإعلامية: أخبار الأمم المتحدة، سانا"
    assert plain(lines[-1]) == "المستندات: 3، الإشارات: 26"
    # an outlet the directory does not know, by the Arabic name the store keeps for it
    from dataclasses import replace

    row = replace(
        _row(analysed, DE_MISTURA),
        outlets=["Al-Example Daily"],
        outlets_ar={"Al-Example Daily": "يومية المثال"},
    )
    assert "الوسائل الإعلامية: يومية المثال" in plain(_tooltip([row], row.id))


def test_the_tooltip_names_the_first_outlets_and_counts_the_rest(analysed: Store) -> None:
    """An entity in 63 outlets listed them all, an 800 pixels wide tooltip."""
    from dataclasses import replace

    from desktop.ui.bidi import plain

    outlets = [f"Outlet {i:02d}" for i in range(63)]
    row = replace(_row(analysed, DE_MISTURA), outlets=outlets[::-1])
    line = next(x for x in plain(_tooltip([row], row.id)).split("\n") if "Outlets" in x)
    assert line == "Outlets: " + ", ".join(outlets[:8]) + ", and 55 more"


@pytest.mark.parametrize(
    ("documents", "mentions", "said"),
    [
        (1, 1, "1 document, 1 mention"),
        (1, 2, "1 document, 2 mentions"),
        (2, 1, "2 documents, 1 mention"),
        (1_200, 3_400, "1,200 documents, 3,400 mentions"),
    ],
)
def test_the_tooltip_counts_in_the_singular_and_the_plural(
    analysed: Store, documents: int, mentions: int, said: str
) -> None:
    from dataclasses import replace

    from desktop.ui.bidi import plain

    row = replace(_row(analysed, DE_MISTURA), documents=documents, mentions=mentions)
    assert plain(_tooltip([row], row.id)).split("\n")[-1] == said


def test_discovered_entities_are_italic_and_say_so(analysed: Store) -> None:
    from dataclasses import replace

    rows = analysed.entity_rows()
    rows[0] = replace(rows[0], origin="discovered", confirmed=False)
    model = EntityTreeModel()
    model.set_rows(rows)
    index = model.index_for_entity(rows[0].id)
    assert index.data(Qt.ItemDataRole.FontRole).italic()
    assert "discovered — not confirmed" in index.data(Qt.ItemDataRole.ToolTipRole)


def test_dropping_an_entity_on_another_only_requests_a_merge(qtbot: QtBot, analysed: Store) -> None:
    model = EntityTreeModel()
    model.set_rows(analysed.entity_rows())
    lavrov, kerry = entity_id(analysed, LAVROV), entity_id(analysed, KERRY)
    data = model.mimeData([model.index_for_entity(kerry)])
    assert data.hasFormat(ENTITY_MIME_TYPE) and decode_entity_ids(data) == [kerry]
    target = model.index_for_entity(lavrov)
    assert not model.canDropMimeData(data, Qt.DropAction.CopyAction, -1, -1, QModelIndex())
    assert not model.canDropMimeData(
        data, Qt.DropAction.CopyAction, -1, -1, model.index_for_entity(kerry)
    )
    before = model.entity_count()
    with qtbot.waitSignal(model.merge_requested, timeout=1000) as blocker:
        assert model.dropMimeData(data, Qt.DropAction.CopyAction, -1, -1, target)
    assert blocker.args == [lavrov, [kerry]]
    assert model.entity_count() == before
    assert row_data(model, kerry, NAME_COLUMN) == KERRY


# ---- the sidebar ------------------------------------------------------------------------
def test_sidebar_lists_de_mistura_under_people_with_three_documents(
    sidebar: EntitySidebar, analysed: Store
) -> None:
    mistura = entity_id(analysed, DE_MISTURA)
    index = sidebar.proxy.mapFromSource(sidebar.model.index_for_entity(mistura))
    assert index.isValid() and index.data() == DE_MISTURA
    assert index.parent().data().startswith("People (")
    assert index.siblingAtColumn(DOCUMENTS_COLUMN).data() == "3"
    assert sidebar.tree.isExpanded(index.parent())
    # sorted by mentions by default: the most mentioned person comes first
    assert sidebar.proxy.index(0, 0, index.parent()).data() == DE_MISTURA


def test_sort_selector_sorts_by_name(sidebar: EntitySidebar) -> None:
    sidebar.sort_combo.setCurrentIndex(0)
    # a sort is a layout change: indexes taken before it are stale
    people = sidebar.proxy.index(0, 0)
    names = [
        sidebar.proxy.index(r, 0, people).data() for r in range(sidebar.proxy.rowCount(people))
    ]
    assert names[0] != DE_MISTURA
    assert names == sorted(names, key=lambda n: n.replace("أ", "ا").replace("إ", "ا"))
    sidebar.sort_combo.setCurrentIndex(1)
    people = sidebar.proxy.index(0, 0)
    assert sidebar.proxy.index(0, 0, people).data() == DE_MISTURA


@pytest.mark.parametrize("needle", ["ديمستورا", "دي مستورا", "ديميستورا", "mistura"])
def test_filter_matches_normalised_names_and_aliases(
    sidebar: EntitySidebar, analysed: Store, needle: str
) -> None:
    mistura = entity_id(analysed, DE_MISTURA)
    lavrov = entity_id(analysed, LAVROV)
    assert visible(sidebar, mistura) and visible(sidebar, lavrov)
    sidebar.filter_edit.setText(needle)
    assert visible(sidebar, mistura)
    assert not visible(sidebar, lavrov)
    assert sidebar.proxy.rowCount() == 1  # only the People group is left
    sidebar.filter_edit.setText("")
    assert visible(sidebar, lavrov)


def test_a_filter_keeps_the_selection_it_still_shows(
    qtbot: QtBot, sidebar: EntitySidebar, analysed: Store
) -> None:
    """The store filters: the model is read again, and the entity selected stays
    selected (and shown in the views that follow it) while it matches."""
    mistura, lavrov = entity_id(analysed, DE_MISTURA), entity_id(analysed, LAVROV)
    sidebar.select_entity(mistura)
    with qtbot.assertNotEmitted(sidebar.entity_selected):
        sidebar.filter_edit.setText("مستورا")
    assert sidebar.selected_entity_ids() == [mistura]
    current = sidebar.tree.selectionModel().currentIndex()
    assert current.data(EntityIdRole) == mistura
    with qtbot.waitSignal(sidebar.entity_selected, timeout=1000) as blocker:
        sidebar.filter_edit.setText("لافروف")
    assert blocker.args == [-1] and sidebar.selected_entity_ids() == []
    assert visible(sidebar, lavrov)
    # an entity not listed at all (gone, ignored) leaves the filter as it is
    assert not sidebar.select_entity(10**9) and sidebar.filter_edit.text() == "لافروف"
    # selecting what the filter hides shows everything again
    assert sidebar.select_entity(mistura) and sidebar.filter_edit.text() == ""
    assert sidebar.selected_entity_ids() == [mistura]


def test_a_refresh_keeps_the_list_where_it_was_scrolled(
    qtbot: QtBot, analysed: Store, runner: TaskRunner, dialogs: FakeDialogs
) -> None:
    """An analysis writing the store, or an edit, refreshes the list: it stays where the
    reader had scrolled it (also beyond the first page read), not back at the top."""
    from desktop.store.entities import EntityRecord
    from desktop.store.models import EntityStat

    n = PAGE_ROWS * 6
    keys = analysed.add_entities(
        [EntityRecord(f"x{i}", f"اسم مضاف {i:03d}", None, "person", "discovered") for i in range(n)]
    )
    with analysed.transaction() as s:
        s.execute(
            EntityStat.__table__.insert(),
            [{"entity_id": e, "mentions": 1, "documents": 1} for e in keys.values()],
        )
    sidebar = EntitySidebar(analysed, runner, dialogs=dialogs)
    qtbot.addWidget(sidebar)
    sidebar.resize(360, 300)
    sidebar.show()
    qtbot.waitExposed(sidebar)
    tree, bar = sidebar.tree, sidebar.tree.verticalScrollBar()

    def top_id() -> object:
        return tree.indexAt(QPoint(1, 1)).siblingAtColumn(NAME_COLUMN).data(EntityIdRole)

    people = sidebar.proxy.index(0, 0)
    assert sidebar.proxy.rowCount(people) < n  # the people come a page at a time
    # the reader scrolls down a screen at a time through the people, the first type of
    # several: each page is read as its end comes into view
    while tree.visualRect(sidebar.proxy.index(1, 0)).top() > tree.viewport().height():
        bar.triggerAction(bar.SliderAction.SliderPageStepAdd)
        qtbot.wait(1)
    assert sidebar.proxy.rowCount(people) == n + 16  # every person read, in order
    bar.setValue(bar.value() - 30)  # back up a little, beyond the first pages
    before = top_id()
    assert before is not None and tree.indexAt(QPoint(1, 1)).row() > 2 * PAGE_ROWS
    sidebar.refresh()
    qtbot.wait(20)
    assert top_id() == before
    bar.setValue(0)  # at the top, it stays at the top
    sidebar.refresh()
    assert bar.value() == 0


def test_selecting_an_entity_emits_its_id(
    qtbot: QtBot, sidebar: EntitySidebar, analysed: Store
) -> None:
    mistura = entity_id(analysed, DE_MISTURA)
    with qtbot.waitSignal(sidebar.entity_selected, timeout=1000) as blocker:
        assert sidebar.select_entity(mistura)
    assert blocker.args == [mistura]
    assert sidebar.selected_entity_ids() == [mistura]
    with qtbot.waitSignal(sidebar.entity_selected, timeout=1000) as blocker:
        sidebar.tree.clearSelection()
    assert blocker.args == [-1]


def test_merge_selected_then_undo(
    qtbot: QtBot,
    sidebar: EntitySidebar,
    analysed: Store,
    runner: TaskRunner,
    dialogs: FakeDialogs,
) -> None:
    lavrov, kerry = entity_id(analysed, LAVROV), entity_id(analysed, KERRY)
    lavrov_mentions = row_data(sidebar.model, lavrov, 0, MentionsRole)
    touched = len(analysed.documents_mentioning([lavrov, kerry]))
    assert not sidebar.undo_action.isEnabled()
    sidebar.select_entity(lavrov)
    sidebar.select_entity(kerry, add=True)
    assert sidebar.selected_entity_ids() == [lavrov, kerry]
    assert sidebar.merge_action.isEnabled()
    bar: list[tuple[int, bool]] = []  # (maximum, shown) when the edit's analysis began
    # what the list shows while the articles are analysed again: the merge already made
    meanwhile: list[tuple[bool, bool, bool, int, list[int]]] = []
    sidebar.edit_progress.started.connect(
        lambda _n, _label: (
            bar.append((sidebar.progress_bar.maximum(), sidebar.progress_bar.isVisible())),
            meanwhile.append(
                (
                    sidebar.tree.isEnabled(),
                    sidebar.merge_action.isEnabled() or sidebar.undo_action.isEnabled(),
                    sidebar.model.index_for_entity(kerry).isValid(),
                    row_data(sidebar.model, lavrov, 0, MentionsRole),
                    sidebar.selected_entity_ids(),
                )
            ),
        )
    )
    with qtbot.waitSignal(sidebar.entities_changed, timeout=WAIT):
        sidebar.merge_action.trigger()
        assert not sidebar.tree.isEnabled()  # disabled while the edit runs
        # in a process of its own, not a thread of the window's (nothing in the runner)
        assert sidebar._edit_job.running and not runner.busy
    assert runner.wait(WAIT)
    assert sidebar.tree.isEnabled() and not sidebar._edit_job.running
    # the documents analysed again were counted on the sidebar's bar, hidden when done
    assert bar == [(touched, True)]
    assert not sidebar.progress_bar.isVisible()
    assert len(dialogs.confirmations) == 1 and KERRY in dialogs.confirmations[0]
    assert not dialogs.errors
    assert not sidebar.model.index_for_entity(kerry).isValid()
    merged_mentions = row_data(sidebar.model, lavrov, 0, MentionsRole)
    assert merged_mentions > lavrov_mentions
    assert sidebar.selected_entity_ids() == [lavrov]  # the first selected stays
    # while the analysis ran the list could be browsed, not edited, and showed the
    # merge with the counts the analysis then gave
    assert meanwhile == [(True, False, False, merged_mentions, [lavrov])]
    assert sidebar.undo_action.isEnabled()

    edit_with(qtbot, runner, sidebar, sidebar.undo_action)
    assert row_data(sidebar.model, kerry, NAME_COLUMN) == KERRY
    assert row_data(sidebar.model, lavrov, 0, MentionsRole) == lavrov_mentions
    assert not sidebar.undo_action.isEnabled()


def test_what_the_user_chose_while_a_merge_was_analysed_stays_chosen(
    qtbot: QtBot, sidebar: EntitySidebar, analysed: Store, runner: TaskRunner
) -> None:
    """While a merge's articles are analysed again the list can be browsed: another
    actor chosen then, and a filter typed, are left as they are when the merge ends (it
    selected its target only if the selection was still that); nothing can be dropped
    on the list meanwhile, and the focus stays where the user put it."""
    lavrov, kerry = entity_id(analysed, LAVROV), entity_id(analysed, KERRY)
    mistura = entity_id(analysed, DE_MISTURA)
    sidebar.select_entity(lavrov)
    sidebar.select_entity(kerry, add=True)
    seen: list[tuple[bool, object]] = []

    def browse(_n: int, _label: str) -> None:
        seen.append((sidebar.tree.isEnabled(), sidebar.tree.dragDropMode()))
        sidebar.select_entity(mistura)
        sidebar.filter_edit.setFocus()
        sidebar.filter_edit.setText("ميستورا")

    sidebar.edit_progress.started.connect(browse)
    with qtbot.waitSignal(sidebar.entities_changed, timeout=WAIT):
        sidebar.merge_action.trigger()
    assert runner.wait(WAIT)
    assert seen == [(True, QTreeView.DragDropMode.DragOnly)]
    assert not sidebar.model.index_for_entity(kerry).isValid()  # merged
    assert sidebar.selected_entity_ids() == [mistura]
    assert sidebar.filter_edit.text() == "ميستورا"
    assert not sidebar.tree.hasFocus()
    assert sidebar.tree.dragDropMode() == QTreeView.DragDropMode.DragDrop


def test_the_list_stays_off_during_an_edit_that_shows_only_when_analysed(
    qtbot: QtBot, sidebar: EntitySidebar, analysed: Store, runner: TaskRunner
) -> None:
    """Undoing a merge shows only when its articles are analysed again: the list, which
    would show it half made, stays off meanwhile."""
    lavrov, kerry = entity_id(analysed, LAVROV), entity_id(analysed, KERRY)
    sidebar.select_entity(lavrov)
    sidebar.select_entity(kerry, add=True)
    edit_with(qtbot, runner, sidebar, sidebar.merge_action)
    enabled: list[bool] = []
    sidebar.edit_progress.started.connect(
        lambda _n, _label: enabled.append(sidebar.tree.isEnabled())
    )
    edit_with(qtbot, runner, sidebar, sidebar.undo_action)
    assert enabled == [False]
    assert sidebar.tree.isEnabled() and row_data(sidebar.model, kerry, NAME_COLUMN) == KERRY


def test_dropping_several_entities_on_another_merges_them_all(
    qtbot: QtBot,
    sidebar: EntitySidebar,
    analysed: Store,
    runner: TaskRunner,
    dialogs: FakeDialogs,
) -> None:
    """Two actors dragged together onto a third: one request, one question, one merge of
    both (the second request came while the first merge ran and was dropped)."""
    lavrov, kerry = entity_id(analysed, LAVROV), entity_id(analysed, KERRY)
    mistura = entity_id(analysed, DE_MISTURA)
    proxy = sidebar.proxy
    data = proxy.mimeData(
        [proxy.mapFromSource(sidebar.model.index_for_entity(e)) for e in (kerry, mistura)]
    )
    target = proxy.mapFromSource(sidebar.model.index_for_entity(lavrov))
    with qtbot.waitSignal(sidebar.entities_changed, timeout=WAIT):
        assert proxy.dropMimeData(data, Qt.DropAction.CopyAction, -1, -1, target)
    assert runner.wait(WAIT)
    assert len(dialogs.confirmations) == 1
    assert KERRY in dialogs.confirmations[0] and DE_MISTURA in dialogs.confirmations[0]
    assert not sidebar.model.index_for_entity(kerry).isValid()
    assert not sidebar.model.index_for_entity(mistura).isValid()
    assert [op for _i, op, _p in analysed.edits()] == ["merge", "merge"]


def test_merge_is_not_made_when_the_user_declines(
    qtbot: QtBot,
    sidebar: EntitySidebar,
    analysed: Store,
    dialogs: FakeDialogs,
) -> None:
    lavrov, kerry = entity_id(analysed, LAVROV), entity_id(analysed, KERRY)
    dialogs.confirm_answer = False
    proxy = sidebar.proxy
    data = proxy.mimeData([proxy.mapFromSource(sidebar.model.index_for_entity(kerry))])
    target = proxy.mapFromSource(sidebar.model.index_for_entity(lavrov))
    assert proxy.dropMimeData(data, Qt.DropAction.CopyAction, -1, -1, target)
    qtbot.waitUntil(lambda: len(dialogs.confirmations) == 1, timeout=1000)
    assert LAVROV in dialogs.confirmations[0] and KERRY in dialogs.confirmations[0]
    assert sidebar.tree.isEnabled() and not sidebar.busy
    assert sidebar.model.index_for_entity(kerry).isValid()
    assert analysed.edits() == []


def test_rename_shows_the_new_name(
    qtbot: QtBot,
    sidebar: EntitySidebar,
    analysed: Store,
    runner: TaskRunner,
    dialogs: FakeDialogs,
) -> None:
    mistura = entity_id(analysed, DE_MISTURA)
    dialogs.texts = ["ستيفان دي ميستورا"]
    sidebar.select_entity(mistura)
    with qtbot.waitSignal(sidebar.entities_changed, timeout=WAIT):
        sidebar.rename_action.trigger()
        # it analyses no article: in a thread, without a process to start
        assert not sidebar._edit_job.running
    assert runner.wait(WAIT)
    assert dialogs.asked and not dialogs.errors
    assert row_data(sidebar.model, mistura, NAME_COLUMN) == "ستيفان دي ميستورا"
    assert sidebar.selected_entity_ids() == [mistura]


def test_split_offers_the_spellings_seen_in_the_articles(
    qtbot: QtBot,
    sidebar: EntitySidebar,
    analysed: Store,
    runner: TaskRunner,
    dialogs: FakeDialogs,
) -> None:
    mistura = entity_id(analysed, DE_MISTURA)
    before = row_data(sidebar.model, mistura, 0, MentionsRole)
    dialogs.items = ["ستيفان دي مستورا"]
    sidebar.select_entity(mistura)
    edit_with(qtbot, runner, sidebar, sidebar.split_action)
    offered = dialogs.offered[0]
    # the lexicon's alias first, then the spellings the articles use; neither the
    # entity's own name nor the role phrases that refer to it («المبعوث الخاص»)
    assert offered[0] == "دي ميستورا"
    assert {"ستيفان دي مستورا", "ستيفان دي ميستورا", "دي مستورا"} <= set(offered)
    assert DE_MISTURA not in offered and "المبعوث الخاص" not in offered
    assert not dialogs.errors
    split_off = entity_id(analysed, "ستيفان دي مستورا")
    assert row_data(sidebar.model, split_off, 0, MentionsRole) == 3
    assert row_data(sidebar.model, mistura, 0, MentionsRole) < before
    assert "ستيفان دي مستورا" not in analysed.entity_written_forms(mistura)


@pytest.mark.parametrize("action", ["rename", "merge"])
def test_an_edit_while_another_job_writes_is_refused_with_a_message(
    qtbot: QtBot,
    sidebar: EntitySidebar,
    analysed: Store,
    runner: TaskRunner,
    dialogs: FakeDialogs,
    action: str,
) -> None:
    """An import in another process (the window's own, or the command line's) holds the
    database: a rename (in a thread) and a merge (in a process) are refused, saying so,
    and nothing is logged to be applied later."""
    lavrov, kerry = entity_id(analysed, LAVROV), entity_id(analysed, KERRY)
    dialogs.texts = ["جون فوربس كيري"]
    sidebar.select_entity(kerry)
    if action == "merge":
        sidebar.select_entity(lavrov, add=True)
    importing = Store.open(analysed.engine.url.database or "")
    try:
        with importing.writing("import"):
            getattr(sidebar, f"{action}_action").trigger()
            qtbot.waitUntil(lambda: not sidebar.editing, timeout=WAIT)
        assert runner.wait(WAIT)
    finally:
        importing.close()
    assert len(dialogs.errors) == 1
    assert dialogs.errors[0].startswith("The database is busy: an import, process ")
    assert "Traceback" not in dialogs.errors[0]  # a message for the user, not a fault
    assert analysed.edits() == []
    assert row_data(sidebar.model, kerry, NAME_COLUMN) == KERRY
    assert sidebar.tree.isEnabled()


def test_change_type_moves_the_entity(
    qtbot: QtBot,
    sidebar: EntitySidebar,
    analysed: Store,
    runner: TaskRunner,
) -> None:
    kerry = entity_id(analysed, KERRY)
    sidebar.select_entity(kerry)
    menu = sidebar.build_context_menu()
    assert sidebar.type_menu.menuAction() in menu.actions()
    assert sidebar.type_actions["person"].isChecked()
    edit_with(qtbot, runner, sidebar, sidebar.type_actions["state"])
    index = sidebar.model.index_for_entity(kerry)
    assert index.data(EntityTypeRole) == "state"
    assert index.parent().data(EntityTypeRole) == "state"
    assert sidebar.type_actions["state"].isChecked()


def test_edit_errors_are_shown_and_change_nothing(
    qtbot: QtBot,
    sidebar: EntitySidebar,
    analysed: Store,
    runner: TaskRunner,
    dialogs: FakeDialogs,
) -> None:
    mistura = entity_id(analysed, DE_MISTURA)
    dialogs.texts = ["ـ"]  # a tatweel: empty once normalised
    sidebar.select_entity(mistura)
    changed: list[bool] = []
    sidebar.entities_changed.connect(lambda: changed.append(True))
    sidebar.add_alias_action.trigger()
    assert runner.wait(WAIT)
    qtbot.waitUntil(lambda: bool(dialogs.errors), timeout=5000)
    assert dialogs.errors == ["the alias is empty"]
    assert dialogs.error_threads == [threading.main_thread()]
    assert not changed and sidebar.tree.isEnabled()
    assert analysed.edits() == []


def test_sidebar_follows_right_to_left_layout(sidebar: EntitySidebar, analysed: Store) -> None:
    sidebar.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
    assert sidebar.tree.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert sidebar.filter_edit.layoutDirection() == Qt.LayoutDirection.RightToLeft
    mistura = entity_id(analysed, DE_MISTURA)
    align = Qt.AlignmentFlag(
        row_data(sidebar.model, mistura, MENTIONS_COLUMN, Qt.ItemDataRole.TextAlignmentRole)
    )
    assert align & Qt.AlignmentFlag.AlignTrailing
    assert not align & Qt.AlignmentFlag.AlignAbsolute  # so it mirrors under RTL


def test_f2_on_the_tree_asks_for_a_new_name(
    qtbot: QtBot, sidebar: EntitySidebar, analysed: Store, dialogs: FakeDialogs
) -> None:
    sidebar.select_entity(entity_id(analysed, KERRY))
    sidebar.activateWindow()
    sidebar.tree.setFocus()
    qtbot.waitUntil(sidebar.tree.hasFocus, timeout=2000)
    qtbot.keyClick(sidebar.tree, Qt.Key.Key_F2)
    assert len(dialogs.asked) == 1 and KERRY in dialogs.asked[0][1]  # None answered: no edit
    assert sidebar.ignore_action.shortcutContext() == Qt.ShortcutContext.WidgetShortcut
    assert sidebar.undo_action in sidebar.tree.actions()


def test_model_sorts_each_type_and_keeps_what_is_held(analysed: Store) -> None:
    model = EntityTreeModel()
    model.set_rows(analysed.entity_rows())
    mistura = entity_id(analysed, DE_MISTURA)
    held = QPersistentModelIndex(model.index_for_entity(mistura, MENTIONS_COLUMN))
    model.sort(MENTIONS_COLUMN, Qt.SortOrder.DescendingOrder)
    people = model.index(0, 0)
    rows = [model.entity(model.index(r, 0, people)) for r in range(model.rowCount(people))]
    assert rows[0] is not None and rows[0].name == DE_MISTURA
    counts = [(r.mentions, search_key(r.name)) for r in rows if r is not None]
    # most mentioned first; equal counts read alphabetically
    assert counts == sorted(counts, key=lambda c: (-c[0], c[1]))
    assert any(a[0] == b[0] for a, b in itertools.pairwise(counts))
    model.sort(NAME_COLUMN, Qt.SortOrder.AscendingOrder)
    names = [model.index(r, 0, people).data() for r in range(model.rowCount(people))]
    assert names == sorted(names, key=lambda n: (search_key(n), n))
    # an index held through the sorts still points at de Mistura, in its new row
    assert held.isValid() and held.data(EntityIdRole) == mistura
    assert held.column() == MENTIONS_COLUMN and held.row() == names.index(DE_MISTURA) != 0
    # the types keep their fixed order whichever way entities are sorted
    model.sort(NAME_COLUMN, Qt.SortOrder.DescendingOrder)
    types = [model.index(r, 0).data(EntityTypeRole) for r in range(model.rowCount())]
    assert types == ["person", "organisation", "place", "group", "state", "media"]
    names = [model.index(r, 0, people).data() for r in range(model.rowCount(people))]
    assert names == sorted(names, key=lambda n: (search_key(n), n), reverse=True)


# ---- a corpus that names thousands of people -------------------------------------------
_GIVEN = ["محمد", "أحمد", "خالد", "سامي", "إياد", "عمر", "ليلى", "ريم", "هادي", "نزار"]
_FAMILY = ["العمري", "الخطيب", "الحلبي", "التميمي", "الجبوري", "الحداد", "الصباغ", "الدوري"]


def _many_people(n: int) -> list[EntityRow]:
    """``n`` found people with counts that tie often, and three places."""
    rows = [
        EntityRow(
            i,
            f"d:{i}",
            f"{_GIVEN[i % 10]} {_FAMILY[i // 10 % 8]} {i}",
            None,
            "person",
            "discovered",
            False,
            1 + i % 7,
            1 + (i * 37) % 90,
        )
        for i in range(n)
    ]
    places = ["جنيف", "أستانا", "موسكو"]
    rows += [
        EntityRow(n + k, f"p{k}", p, None, "place", "gazetteer", True, 5, 50)
        for k, p in enumerate(places)
    ]
    return rows


def test_a_large_model_hands_its_entities_over_a_page_at_a_time(
    qtmodeltester: ModelTester,
) -> None:
    n = PAGE_ROWS * 2 + 200
    model = EntityTreeModel()
    model.sort(MENTIONS_COLUMN, Qt.SortOrder.DescendingOrder)
    model.set_rows(_many_people(n))
    people, places = model.index(0, 0), model.index(1, 0)
    assert people.data() == f"People ({n})"  # the label counts them all
    assert model.rowCount(people) == PAGE_ROWS and model.canFetchMore(people)
    assert model.rowCount(places) == 3 and not model.canFetchMore(places)
    qtmodeltester.check(model, force_py=True)  # type: ignore[no-untyped-call]
    # the first page is the first of the sorted whole
    shown = [model.entity(model.index(r, 0, people)) for r in range(PAGE_ROWS)]
    counts = [r.mentions for r in shown if r is not None]
    assert counts == sorted(counts, reverse=True) and counts[0] == 90
    # an entity asked for by id is handed over with its page, and can be held
    people_rows = [r for r in _many_people(n) if r.type == "person"]
    last = min(people_rows, key=lambda r: (r.mentions, [-ord(c) for c in search_key(r.name)])).id
    assert model.rowCount(people) < n
    held = QPersistentModelIndex(model.index_for_entity(last))
    assert held.row() == n - 1
    assert held.isValid() and held.data(EntityIdRole) == last
    assert model.rowCount(people) == n and not model.canFetchMore(people)
    assert model.entity_by_id(0) is not None and model.entity_count() == n + 3


def test_the_tree_fetches_more_when_scrolled_to_the_end_and_filters_them_all(
    qtbot: QtBot,
) -> None:
    n = PAGE_ROWS * 4
    model = EntityTreeModel()
    proxy = EntityFilterProxy()
    proxy.setSourceModel(model)
    tree = QTreeView()
    tree.setUniformRowHeights(True)
    tree.setModel(proxy)
    tree.resize(300, 400)
    qtbot.addWidget(tree)
    tree.show()
    model.set_rows([r for r in _many_people(n) if r.type == "person"])
    tree.expand(proxy.index(0, 0))
    people = model.index(0, 0)
    given = model.rowCount(people)
    assert PAGE_ROWS <= given < n  # the tree was not handed everything
    bar = tree.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0)
    bar.setValue(bar.maximum())  # the reader reaches the end of what is listed
    qtbot.waitUntil(lambda: model.rowCount(people) > given)
    # a filter looks at every entity, not only those handed over
    proxy.set_filter_text(f"{n - 1}")
    top = proxy.index(0, 0)
    found = [proxy.index(r, 0, top).data() for r in range(proxy.rowCount(top))]
    assert found and all(name.endswith(f" {n - 1}") for name in found)


def test_an_alias_that_takes_another_actors_mentions_is_added_only_when_confirmed(
    qtbot: QtBot,
    sidebar: EntitySidebar,
    analysed: Store,
    runner: TaskRunner,
    dialogs: FakeDialogs,
) -> None:
    """«المبعوث الأممي» added to de Mistura took two of Pedersen's mentions without a
    question."""
    mistura, pedersen = entity_id(analysed, DE_MISTURA), entity_id(analysed, "غير بيدرسون")
    before = row_data(sidebar.model, pedersen, 0, MentionsRole)
    sidebar.select_entity(mistura)
    decline(dialogs, sidebar.add_alias_action, "المبعوث الأممي")
    assert len(dialogs.confirmations) == 1
    assert "«غير بيدرسون» (2 mentions written so)" in dialogs.confirmations[0]
    assert not sidebar.busy and analysed.edits() == []

    edit_with(qtbot, runner, sidebar, sidebar.add_alias_action, answers=(dialogs, "المبعوث الأممي"))
    assert not dialogs.errors
    assert [op for _i, op, _p in analysed.edits()] == ["alias_add"]
    assert row_data(sidebar.model, pedersen, 0, MentionsRole) == before - 2


def test_an_alias_that_is_another_actors_name_offers_to_merge_them(
    qtbot: QtBot,
    sidebar: EntitySidebar,
    analysed: Store,
    runner: TaskRunner,
    dialogs: FakeDialogs,
) -> None:
    """«جون كيري» added as an alias of de Mistura made John Kerry vanish, his mentions
    de Mistura's, without a question."""
    mistura, kerry = entity_id(analysed, DE_MISTURA), entity_id(analysed, KERRY)
    before = row_data(sidebar.model, mistura, 0, MentionsRole)
    sidebar.select_entity(mistura)
    decline(dialogs, sidebar.add_alias_action, KERRY)
    assert dialogs.confirmations == [
        f"«{KERRY}» is already the name of «{KERRY}» (1 mention). Merge «{KERRY}» into "
        f"«{DE_MISTURA}» instead of adding the alias? «{DE_MISTURA}» keeps its name."
    ]
    assert analysed.edits() == [] and sidebar.model.index_for_entity(kerry).isValid()

    edit_with(qtbot, runner, sidebar, sidebar.add_alias_action, answers=(dialogs, KERRY))
    assert_merged(analysed, sidebar, kerry, into=mistura, mentions_before=before)


def test_renaming_to_another_actors_name_offers_to_merge_them(
    qtbot: QtBot,
    sidebar: EntitySidebar,
    analysed: Store,
    runner: TaskRunner,
    dialogs: FakeDialogs,
) -> None:
    """Renaming John Kerry «سيرغي لافروف» gave two rows of that name without a word."""
    lavrov, kerry = entity_id(analysed, LAVROV), entity_id(analysed, KERRY)
    before = row_data(sidebar.model, lavrov, 0, MentionsRole)
    sidebar.select_entity(kerry)
    decline(dialogs, sidebar.rename_action, LAVROV)
    assert dialogs.confirmations == [
        f"«{LAVROV}» is already the name of another actor (1 mention). Merge «{KERRY}» "
        f"into it instead? «{LAVROV}» keeps its name."
    ]
    assert analysed.edits() == [] and not sidebar.busy
    assert row_data(sidebar.model, kerry, NAME_COLUMN) == KERRY

    edit_with(qtbot, runner, sidebar, sidebar.rename_action, answers=(dialogs, LAVROV))
    assert not dialogs.errors
    assert_merged(analysed, sidebar, kerry, into=lavrov, mentions_before=before)


def test_renaming_to_another_actors_alias_is_made_only_when_confirmed(
    qtbot: QtBot,
    sidebar: EntitySidebar,
    analysed: Store,
    runner: TaskRunner,
    dialogs: FakeDialogs,
) -> None:
    """Renaming John Kerry «دي ميستورا», de Mistura's alias, was made without a
    question: Kerry was listed under a name whose mentions are all de Mistura's."""
    mistura, kerry = entity_id(analysed, DE_MISTURA), entity_id(analysed, KERRY)
    before = row_data(sidebar.model, mistura, 0, MentionsRole)
    sidebar.select_entity(kerry)
    decline(dialogs, sidebar.rename_action, "دي  ميستورا")
    assert dialogs.confirmations == [
        f"«دي ميستورا» is already a name of «{DE_MISTURA}» (12 mentions written so): "
        f"written so in an article, it names «{DE_MISTURA}», not «{KERRY}». Rename "
        f"«{KERRY}» to «دي ميستورا» all the same?"
    ]
    assert analysed.edits() == [] and not sidebar.busy and not dialogs.errors
    assert row_data(sidebar.model, kerry, NAME_COLUMN) == KERRY

    edit_with(qtbot, runner, sidebar, sidebar.rename_action, answers=(dialogs, "دي ميستورا"))
    assert not dialogs.errors and len(dialogs.confirmations) == 2
    assert [op for _i, op, _p in analysed.edits()] == ["rename"]
    assert row_data(sidebar.model, kerry, NAME_COLUMN) == "دي ميستورا"
    assert row_data(sidebar.model, mistura, 0, MentionsRole) == before
    assert sidebar.selected_entity_ids() == [kerry]


def test_adding_back_an_alias_split_off_offers_to_merge_the_split_off_actor_back(
    qtbot: QtBot,
    sidebar: EntitySidebar,
    analysed: Store,
    runner: TaskRunner,
    dialogs: FakeDialogs,
) -> None:
    """Split «دي ميستورا» off de Mistura, then Add alias «دي ميستورا» to him: nothing
    changed, though the edit was logged and took an undo step."""
    mistura = entity_id(analysed, DE_MISTURA)
    before = row_data(sidebar.model, mistura, 0, MentionsRole)
    sidebar.select_entity(mistura)
    dialogs.items = ["دي ميستورا"]
    edit_with(qtbot, runner, sidebar, sidebar.split_action)
    split_off = entity_id(analysed, "دي ميستورا")
    taken = row_data(sidebar.model, split_off, 0, MentionsRole)
    assert row_data(sidebar.model, mistura, 0, MentionsRole) == before - taken

    sidebar.select_entity(mistura)
    dialogs.texts = ["دي ميستورا"]
    edit_with(qtbot, runner, sidebar, sidebar.add_alias_action)
    assert dialogs.confirmations == [
        f"«دي ميستورا» is already the name of «دي ميستورا» ({taken} mentions). Merge "
        f"«دي ميستورا» into «{DE_MISTURA}» instead of adding the alias? «{DE_MISTURA}» "
        "keeps its name."
    ]
    assert not dialogs.errors
    assert row_data(sidebar.model, mistura, 0, MentionsRole) == before
    assert not sidebar.model.index_for_entity(split_off).isValid()


def test_an_ignored_actor_is_brought_back_from_the_list_of_ignored_actors(
    qtbot: QtBot,
    sidebar: EntitySidebar,
    analysed: Store,
    runner: TaskRunner,
    dialogs: FakeDialogs,
) -> None:
    """An ignored actor could be brought back only by undo, while the ignore was the
    newest edit."""
    ferry, kerry = entity_id(analysed, "جان مارك فيري"), entity_id(analysed, KERRY)
    mentions = row_data(sidebar.model, ferry, 0, MentionsRole)
    sidebar.select_entity(ferry)
    menu = sidebar.build_context_menu()
    assert sidebar.restore_action in menu.actions() and not sidebar.restore_action.isEnabled()
    edit_with(qtbot, runner, sidebar, sidebar.ignore_action)
    sidebar.select_entity(kerry)
    edit_with(qtbot, runner, sidebar, sidebar.type_actions["state"])  # a later edit: undo undoes it
    assert not sidebar.model.index_for_entity(ferry).isValid()
    assert sidebar.restore_action.isEnabled()
    assert sidebar.restore_action in sidebar.build_list_menu().actions()
    dialogs.texts = ["جان مارك فيري"]  # its name is not free for another actor
    sidebar.rename_action.trigger()
    assert dialogs.errors == [
        "«جان مارك فيري» is already the name of an actor you ignored: bring it back "
        "(Ignored actors…) to merge them."
    ]
    dialogs.errors.clear()

    dialogs.items = ["جان مارك فيري (People)"]
    edit_with(qtbot, runner, sidebar, sidebar.restore_action)
    assert dialogs.offered == [["جان مارك فيري (People)"]]
    assert not dialogs.errors
    assert row_data(sidebar.model, ferry, 0, MentionsRole) == mentions
    assert sidebar.selected_entity_ids() == [ferry]
    assert row_data(sidebar.model, kerry, 0, EntityTypeRole) == "state"
    assert not sidebar.restore_action.isEnabled()


def test_an_edit_that_changes_nothing_says_so_and_takes_no_undo_step(
    qtbot: QtBot,
    sidebar: EntitySidebar,
    analysed: Store,
    runner: TaskRunner,
    dialogs: FakeDialogs,
) -> None:
    """A rename differing only in spaces, and an alias the actor has, were logged and
    took an undo step without a word."""
    mistura = entity_id(analysed, DE_MISTURA)
    sidebar.select_entity(mistura)
    dialogs.texts = ["ستافان  دي ميستورا", "دي ميستورا"]
    sidebar.rename_action.trigger()
    sidebar.add_alias_action.trigger()
    qtbot.waitUntil(lambda: len(dialogs.errors) == 2, timeout=WAIT)
    assert runner.wait(WAIT)
    assert dialogs.errors == [
        f"«{DE_MISTURA}» is already its name: nothing to change",
        f"«دي ميستورا» is already a name of «{DE_MISTURA}»: nothing to change",
    ]
    assert analysed.edits() == [] and not sidebar.undo_action.isEnabled()
    assert sidebar.tree.isEnabled() and not dialogs.confirmations


def test_the_legend_says_what_shading_underlines_and_italics_mean(
    sidebar: EntitySidebar,
) -> None:
    """The swatches named the entity types only: the reader's shaded quotations, the
    colours of label underlines and the italic names went unexplained."""
    from PySide6.QtWidgets import QLabel

    from desktop.ui.palette import CATEGORY_COLOURS, SPEAKER_SHADES

    marks = sidebar.findChild(QLabel, "marksLegend")
    assert marks is not None
    text = marks.text()
    assert "quotations" in text and "<i>italic</i>" in text
    assert SPEAKER_SHADES[0] in text
    assert all(colour in text for colour in CATEGORY_COLOURS.values())


def test_the_legend_s_category_words_are_readable_in_the_dark_theme(
    qapp: QApplication, sidebar: EntitySidebar
) -> None:
    """The category words of the legend were written in the underlines' colours, about
    3:1 on the dark theme's background: in lighter ones there, and back on the light."""
    from PySide6.QtGui import QColor, QPalette
    from PySide6.QtWidgets import QLabel

    from desktop.ui.palette import CATEGORY_COLOURS, CATEGORY_TEXT_ON_DARK
    from desktop.ui.theme import apply_theme

    def contrast(a: QColor, b: QColor) -> float:
        def lum(c: QColor) -> float:
            def ch(v: float) -> float:
                return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

            return 0.2126 * ch(c.redF()) + 0.7152 * ch(c.greenF()) + 0.0722 * ch(c.blueF())

        hi, lo = sorted((lum(a), lum(b)), reverse=True)
        return (hi + 0.05) / (lo + 0.05)

    marks = sidebar.findChild(QLabel, "marksLegend")
    assert marks is not None
    apply_theme(qapp, "dark")
    try:
        background = sidebar.palette().color(QPalette.ColorRole.Window)
        assert background.lightness() < 128
        text = marks.text()
        for category, colour in CATEGORY_TEXT_ON_DARK.items():
            assert colour in text and CATEGORY_COLOURS[category] not in text
            assert contrast(QColor(colour), background) >= 4.5, category
    finally:
        apply_theme(qapp, "light")
    assert all(colour in marks.text() for colour in CATEGORY_COLOURS.values())


def test_a_type_s_row_spans_the_columns(sidebar: EntitySidebar) -> None:
    """«Organisations (21)» was cut at the name column's width («Organisations (…») where
    the counts' columns, empty on that row, had room for it."""
    from PySide6.QtCore import QModelIndex

    root = QModelIndex()
    rows = sidebar.proxy.rowCount(root)
    assert rows >= 4
    assert all(sidebar.tree.isFirstColumnSpanned(r, root) for r in range(rows))
    first = sidebar.proxy.index(0, 0, root)
    assert sidebar.proxy.rowCount(first) > 0
    assert not sidebar.tree.isFirstColumnSpanned(0, first)  # an entity's row keeps its counts
    sidebar.sort_combo.setCurrentIndex(0)  # sorted again: still spanned
    assert all(sidebar.tree.isFirstColumnSpanned(r, root) for r in range(rows))


def test_the_documents_column_has_a_short_heading_said_in_full_in_its_tooltip(
    qapp: Any,
) -> None:
    """«Documents» (and the sort arrow beside «Mentions») took the room of the names'
    last words in the English window; «Docs» leaves it to them, its tooltip says what
    it counts. The Arabic heading was short already."""
    from desktop.ui.i18n import Language

    horizontal, tip = Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole
    model = EntityTreeModel()
    assert model.headerData(DOCUMENTS_COLUMN, horizontal) == "Docs"
    assert model.headerData(DOCUMENTS_COLUMN, horizontal, tip) == "Documents that mention it"
    assert model.headerData(NAME_COLUMN, horizontal, tip) is None
    language = Language(qapp)
    language.apply("ar")
    try:
        model = EntityTreeModel()
        assert model.headerData(DOCUMENTS_COLUMN, horizontal) == "المستندات"
        assert model.headerData(DOCUMENTS_COLUMN, horizontal, tip) == "المستندات التي تذكره"
    finally:
        language.apply("en")
