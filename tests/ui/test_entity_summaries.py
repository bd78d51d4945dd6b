"""The entity sidebar lists entity summaries (counts in one pass over the mentions index),
sorted and filtered by the store, and reads the forms seen and the outlets only when a
tooltip needs them. Checked against the full rows of ``Store.entity_rows`` on the
analysed seed articles."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from desktop.store.paging import EntityOrder
from desktop.store.rows import EntityRow
from desktop.store.store import Store
from desktop.ui.entity_model import (
    MENTIONS_COLUMN,
    NAME_COLUMN,
    PAGE_ROWS,
    EntityFilterProxy,
    EntityIdRole,
    EntityRows,
    EntityTreeModel,
)
from desktop.ui.entity_sidebar import EntitySidebar
from desktop.ui.workers import TaskRunner

DE_MISTURA = "ستافان دي ميستورا"
LAVROV = "سيرغي لافروف"


class CountingDetails:
    """The store's detail readers, counted."""

    def __init__(self, store: Store) -> None:
        self.seen_forms, self.fill = store.entity_seen_forms, store.fill_entity_row
        self.forms_calls = 0
        self.filled: list[int] = []

    def entity_seen_forms(self) -> dict[int, list[str]]:
        self.forms_calls += 1
        return self.seen_forms()

    def fill_entity_row(self, row: EntityRow) -> EntityRow:
        self.filled.append(row.id)
        return self.fill(row)


def by_name(rows: list[EntityRow], name: str) -> EntityRow:
    found = [r for r in rows if r.name == name]
    assert len(found) == 1, found
    return found[0]


def counts(row: EntityRow) -> tuple[object, ...]:
    """Everything but the aliases seen and the outlets."""
    return tuple(v for k, v in vars(row).items() if k not in ("aliases_seen", "outlets"))


def test_summaries_are_entity_rows_without_the_details(analysed: Store) -> None:
    full = analysed.entity_rows()
    light = analysed.entity_summaries()
    assert len(full) > 20
    assert [counts(r) for r in light] == [counts(r) for r in full]  # same order, same counts
    assert all(r.aliases_seen == [] and r.outlets == [] for r in light)
    mistura = by_name(light, DE_MISTURA)
    assert (mistura.documents, mistura.mentions) == (3, 26)
    people = analysed.entity_summaries(type="person")
    assert people == [r for r in light if r.type == "person"] and people[0].name == DE_MISTURA
    assert analysed.entity_summaries(min_docs=3) == [r for r in light if r.documents >= 3]


def test_seen_forms_and_filled_rows_match_entity_rows(analysed: Store) -> None:
    full = {r.id: r for r in analysed.entity_rows()}
    forms = analysed.entity_seen_forms()
    for row in analysed.entity_summaries():
        assert forms[row.id] == sorted(full[row.id].aliases_seen), row.name
        filled = analysed.fill_entity_row(row)
        assert filled.outlets == full[row.id].outlets, row.name
        assert sorted(filled.aliases_seen) == sorted(full[row.id].aliases_seen), row.name
    mistura = analysed.fill_entity_row(by_name(analysed.entity_summaries(), DE_MISTURA))
    assert "دي مستورا" in mistura.aliases_seen and mistura.outlets == ["SANA", "UN News"]
    # and the Arabic names the window shows them by
    assert mistura.outlets_ar == {"SANA": "سانا", "UN News": "أخبار الأمم المتحدة"}
    # most frequent first, as the entity's detail counts them
    alias_counts = dict(analysed.entity_detail(mistura.id).alias_counts)
    seen = [alias_counts[a] for a in mistura.aliases_seen]
    assert seen == sorted(seen, reverse=True)


def test_lazy_model_passes_qtmodeltester(qtmodeltester: ModelTester, analysed: Store) -> None:
    details = CountingDetails(analysed)
    model = EntityTreeModel()
    model.set_pages(analysed, details=details)
    qtmodeltester.check(model, force_py=True)  # type: ignore[no-untyped-call]
    assert model.entity_count() == len(analysed.entity_rows())
    proxy = EntityFilterProxy()
    proxy.setSourceModel(model)
    proxy.set_filter_text("دي مستورا")
    proxy.sort(MENTIONS_COLUMN, Qt.SortOrder.DescendingOrder)
    qtmodeltester.check(proxy, force_py=True)  # type: ignore[no-untyped-call]
    assert proxy.rowCount() == 1 and proxy.rowCount(proxy.index(0, 0)) == 1
    assert proxy.index(0, 0, proxy.index(0, 0)).data() == DE_MISTURA
    # the store filters: no entity's forms are read into the window for it
    assert (details.forms_calls, details.filled) == (0, [])


FILTERS = ["ديمستورا", "دي مستورا", "mistura", "MISTURA", "لافروف", "جنيف", "المبعوث", "ال"]


@pytest.mark.parametrize("needle", FILTERS)
def test_the_store_filters_as_the_full_rows_do(analysed: Store, needle: str) -> None:
    """The store finds in its stored keys what the full rows (with every form seen)
    show: a name, an English name or a form seen that contains the text, spaces
    ignored; in every order, a page at a time, and where each entity stands."""
    memory = EntityRows(analysed.entity_rows())
    totals = analysed.entity_type_totals(matching=needle)
    assert totals == memory.entity_type_totals(matching=needle)
    assert totals  # a name or a form seen: found
    for entity_type in totals:
        for order in ("name", "mentions"):
            whole = memory.entity_page(entity_type, order=order, matching=needle)
            pages = [
                row
                for offset in range(0, len(whole), 3)
                for row in analysed.entity_page(
                    entity_type, order=order, offset=offset, limit=3, matching=needle
                )
            ]
            assert [counts(r) for r in pages] == [counts(r) for r in whole]
            ids = analysed.entity_ids(entity_type, order=order, matching=needle)
            assert ids == [r.id for r in whole]
            for r, row in enumerate(whole):
                place = analysed.entity_place(row.id, order=order, matching=needle)
                assert place == (entity_type, r)
    # read together for a refresh, with the forms seen looked up once: the same
    for order in ("name", "mentions"):
        together = analysed.entity_listing(order=order, first=3, matching=needle)
        apart = {t: analysed.entity_page(t, order=order, limit=3, matching=needle) for t in totals}
        assert together == (totals, apart)
    shown = {r.id for t in totals for r in analysed.entity_page(t, matching=needle)}
    everyone = {r.id for r in analysed.entity_summaries()}
    assert shown < everyone  # a filter, not everything
    for entity_id in everyone - shown:
        assert analysed.entity_place(entity_id, matching=needle) is None


def test_a_filter_reads_the_same_where_sqlite_has_no_json_functions(
    analysed: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The forms seen are looked up once and handed on as a JSON array; a SQLite built
    without its JSON functions looks them up in each statement instead."""
    from desktop.store import paging

    together = analysed.entity_listing(first=5, matching="مستورا")
    assert together[0] and paging._sqlite_reads_json()
    monkeypatch.setattr(paging, "_sqlite_reads_json", lambda: False)
    assert analysed.entity_listing(first=5, matching="مستورا") == together


def test_a_filter_finds_an_entity_by_a_form_it_was_seen_as_only(analysed: Store) -> None:
    """«دي مستورا» is neither the name nor the English name: the forms seen find it."""
    mistura = by_name(analysed.entity_rows(), DE_MISTURA)
    assert "دي مستورا" in mistura.aliases_seen
    assert "ديمستورا" not in "".join((mistura.name + (mistura.name_en or "")).split())
    found = analysed.entity_page("person", matching="ديمستورا")
    assert [r.id for r in found] == [mistura.id]
    assert analysed.entity_page("person", matching="مستورا") == found
    assert analysed.entity_type_totals(matching="ديمستوراX") == {}


def test_sidebar_refresh_reads_no_details_until_asked(
    qtbot: QtBot, analysed: Store, runner: TaskRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    details = CountingDetails(analysed)
    monkeypatch.setattr(analysed, "entity_seen_forms", details.entity_seen_forms)
    monkeypatch.setattr(analysed, "fill_entity_row", details.fill_entity_row)
    sidebar = EntitySidebar(analysed, runner)
    qtbot.addWidget(sidebar)
    sidebar.show()
    qtbot.waitExposed(sidebar)
    sidebar.refresh()
    assert (details.forms_calls, details.filled) == (0, [])

    mistura = by_name(analysed.entity_summaries(), DE_MISTURA).id
    lavrov = by_name(analysed.entity_summaries(), LAVROV).id
    index = sidebar.model.index_for_entity(mistura)
    tooltip = index.data(Qt.ItemDataRole.ToolTipRole)
    assert "Staffan de Mistura" in tooltip and "UN News" in tooltip and "دي مستورا" in tooltip
    assert "3 documents, 26 mentions" in tooltip
    index.data(Qt.ItemDataRole.ToolTipRole)
    assert details.filled == [mistura]  # read once, then kept

    sidebar.filter_edit.setText("ديمستورا")
    assert sidebar.proxy.mapFromSource(sidebar.model.index_for_entity(mistura)).isValid()
    assert not sidebar.proxy.mapFromSource(sidebar.model.index_for_entity(lavrov)).isValid()
    sidebar.filter_edit.setText("ديمستو")
    assert details.forms_calls == 0  # the store filters
    sidebar.filter_edit.setText("")
    sidebar.refresh()  # new rows: the details are read again when next needed
    sidebar.model.index_for_entity(mistura).data(Qt.ItemDataRole.ToolTipRole)
    assert details.filled == [mistura, mistura]


@pytest.mark.parametrize("order", ["name", "documents", "mentions"])
@pytest.mark.parametrize("descending", [False, True])
def test_the_store_pages_entities_in_the_order_the_window_sorts_them(
    analysed: Store, order: EntityOrder, descending: bool
) -> None:
    """The database sorts by the names' stored order keys as the model sorts rows in
    memory (counts tie often: the names decide), and tells where an entity stands."""
    summaries = analysed.entity_summaries()
    memory = EntityRows(summaries)
    assert analysed.entity_type_totals() == memory.entity_type_totals()
    for entity_type in memory.entity_type_totals():
        whole = memory.entity_page(entity_type, order=order, descending=descending)
        assert analysed.entity_page(entity_type, order=order, descending=descending) == whole
        pages = [
            row
            for offset in range(0, len(whole), 4)
            for row in analysed.entity_page(
                entity_type, order=order, descending=descending, offset=offset, limit=4
            )
        ]
        assert pages == whole
        # the ids alone, whole or from an offset, and the rows of any of them
        ids = analysed.entity_ids(entity_type, order=order, descending=descending)
        assert (
            ids
            == [r.id for r in whole]
            == memory.entity_ids(entity_type, order=order, descending=descending)
        )
        tail = analysed.entity_ids(entity_type, order=order, descending=descending, offset=3)
        assert tail == ids[3:]
        assert analysed.entity_summaries_of(ids[::-1]) == whole[::-1]
        totals, first = analysed.entity_listing(order=order, descending=descending, first=4)
        assert first[entity_type] == whole[:4] and totals == memory.entity_type_totals()
        for r, row in enumerate(whole):
            assert analysed.entity_place(row.id, order=order, descending=descending) == (
                entity_type,
                r,
            )


class CountingPages(EntityRows):
    """Rows in memory, with the rows and the ids each read handed over."""

    def __init__(self, rows: list[EntityRow]) -> None:
        super().__init__(rows)
        self.read: list[int] = []
        self.ids_read: list[int] = []

    def entity_page(self, entity_type: str, **kw: Any) -> list[EntityRow]:  # type: ignore[override]
        rows = super().entity_page(entity_type, **kw)
        self.read.append(len(rows))
        return rows

    def entity_listing(self, **kw: Any) -> Any:  # type: ignore[override]
        totals, pages = super().entity_listing(**kw)
        self.read.extend(len(rows) for rows in pages.values())
        return totals, pages

    def entity_summaries_of(self, ids: Sequence[int], *, matching: str = "") -> list[EntityRow]:
        rows = super().entity_summaries_of(ids, matching=matching)
        self.read.append(len(rows))
        return rows

    def entity_ids(self, entity_type: str, **kw: Any) -> list[int]:  # type: ignore[override]
        ids = super().entity_ids(entity_type, **kw)
        self.ids_read.append(len(ids))
        return ids


def test_the_model_reads_a_page_of_each_type_and_more_when_asked(
    qtmodeltester: ModelTester,
) -> None:
    people = [
        EntityRow(i, f"k{i}", f"شخص {i:05d}", None, "person", "discovered", False, 1, 1 + i % 7)
        for i in range(PAGE_ROWS * 5)
    ]
    pages = CountingPages(
        [*people, EntityRow(-1, "g", "جنيف", None, "place", "gazetteer", True, 3, 9)]
    )
    model = EntityTreeModel()
    model.set_pages(pages)
    assert sum(pages.read) == PAGE_ROWS + 1  # a page of people and the one place
    assert model.index(0, 0).data() == f"People ({len(people)})"
    assert model.entity_count() == len(people) + 1
    people_index = model.index(0, 0)
    assert model.rowCount(people_index) == PAGE_ROWS and model.canFetchMore(people_index)
    model.fetchMore(people_index)
    assert model.rowCount(people_index) == 2 * PAGE_ROWS
    assert sum(pages.read) == 2 * PAGE_ROWS + 1
    # an entity far down is given to the view with the rows before it, of which only
    # the ids are read, and its own row with its page; it stays held through a sort
    far = min(people, key=lambda r: (r.mentions, [-ord(c) for c in r.name]))
    read_before = sum(pages.read)
    held = QPersistentModelIndex(model.index_for_entity(far.id))
    assert held.row() == len(people) - 1 and held.data(EntityIdRole) == far.id
    assert pages.ids_read == [len(people) - 2 * PAGE_ROWS]
    assert sum(pages.read) == read_before + 1  # the entity's type, looked up
    assert model.entity(QModelIndex(held)) == far
    assert sum(pages.read) == read_before + 1 + PAGE_ROWS  # the rows of its page only
    model.sort(NAME_COLUMN, Qt.SortOrder.AscendingOrder)
    assert held.isValid() and held.data(EntityIdRole) == far.id
    assert held.row() == sorted(r.name for r in people).index(far.name)
    shown = [model.entity(model.index(r, 0, people_index)) for r in range(PAGE_ROWS)]
    assert [r.name for r in shown if r is not None] == sorted(r.name for r in people)[:PAGE_ROWS]
    qtmodeltester.check(model, force_py=True)  # type: ignore[no-untyped-call]


def test_the_benchmark_times_the_page_the_sidebar_reads() -> None:
    from tests.benchmarks.bench_scale import SIDEBAR_PAGE

    assert SIDEBAR_PAGE == PAGE_ROWS


def test_paging_through_a_store_being_written_lists_no_entity_twice(
    tmp_path: Path, qtbot: QtBot
) -> None:
    """An analysis in the import's process rewrites the counts while the sidebar pages
    through them: an entity that moved to a later page was listed twice, and a sort
    after entities were dropped left blank rows. The model now stops, says so, and is
    filled again; a sort that finds the store changed reads it again from the start."""
    from sqlalchemy import delete, insert, update

    from desktop.store.entities import EntityRecord
    from desktop.store.models import EntityStat

    store = Store.open(tmp_path / "paged.db")
    names = [f"شخص رقم {i:03d}" for i in range(250)]
    key_ids = store.add_entities(
        [EntityRecord(f"k{i}", n, None, "person", "discovered") for i, n in enumerate(names)]
    )
    ids = [key_ids[f"k{i}"] for i in range(len(names))]
    with store.transaction() as s:
        s.execute(
            insert(EntityStat),
            [{"entity_id": e, "mentions": 1000 - n, "documents": 1} for n, e in enumerate(ids)],
        )
    model = EntityTreeModel()
    model.set_pages(store)
    people = model.index(0, 0)
    top = model.index(0, 0, people).data(EntityIdRole)
    with store.transaction() as s:  # the most mentioned falls to the bottom meanwhile
        s.execute(update(EntityStat).where(EntityStat.entity_id == top).values(mentions=1))
    with qtbot.waitSignal(model.pages_changed):
        model.fetchMore(people)
        model.fetchMore(people)
    shown = [model.index(r, 0, people).data(EntityIdRole) for r in range(model.rowCount(people))]
    assert len(shown) == len(set(shown)) and not model.canFetchMore(people)
    with store.transaction() as s:  # and twenty are dropped
        s.execute(delete(EntityStat).where(EntityStat.entity_id.in_(ids[:20])))
    model.sort(NAME_COLUMN, Qt.SortOrder.AscendingOrder)
    rows = [model.entity(model.index(r, 0, people)) for r in range(model.rowCount(people))]
    assert None not in rows and people.data() == "People (230)"
    assert [r.name for r in rows if r is not None] == sorted(names[20:])[: len(rows)]
    store.close()


def _people_store(path: Path, n: int) -> tuple[Store, list[int]]:
    """A store listing ``n`` people, the first the most mentioned."""
    from sqlalchemy import insert

    from desktop.store.entities import EntityRecord
    from desktop.store.models import EntityStat

    store = Store.open(path)
    names = [f"شخص رقم {i:04d}" for i in range(n)]
    key_ids = store.add_entities(
        [EntityRecord(f"k{i}", name, None, "person", "discovered") for i, name in enumerate(names)]
    )
    ids = [key_ids[f"k{i}"] for i in range(n)]
    with store.transaction() as s:
        s.execute(
            insert(EntityStat),
            [{"entity_id": e, "mentions": 10_000 - i, "documents": 1} for i, e in enumerate(ids)],
        )
    return store, ids


def test_a_sort_shows_the_counts_the_store_has_now(tmp_path: Path) -> None:
    """The rows read are kept by id; a sort reads them again, so that an analysis that
    rewrote the counts meanwhile does not leave old counts shown out of order."""
    from sqlalchemy import update

    from desktop.store.models import EntityStat

    store, ids = _people_store(tmp_path / "counts.db", PAGE_ROWS * 6)
    model = EntityTreeModel()
    model.set_pages(store, details=store)
    people = model.index(0, 0)
    assert "10,000 mentions" in model.index(0, 0, people).data(Qt.ItemDataRole.ToolTipRole)
    model.fetchMore(people)
    assert model.rowCount(people) == 2 * PAGE_ROWS
    with store.transaction() as s:  # every count changes, nobody comes or goes
        for i, e in enumerate(ids):
            s.execute(
                update(EntityStat).where(EntityStat.entity_id == e).values(mentions=(i * 7) % 500)
            )
    model.sort(MENTIONS_COLUMN, Qt.SortOrder.DescendingOrder)
    shown = [model.entity(model.index(r, 0, people)) for r in range(model.rowCount(people))]
    mentions = [r.mentions for r in shown if r is not None]
    assert len(mentions) == 2 * PAGE_ROWS
    assert mentions == sorted(mentions, reverse=True)
    assert mentions[:5] == [r.mentions for r in store.entity_page("person", limit=5)]
    # and the tooltip of the entity read before says what the store says now
    tip = model.index_for_entity(ids[0]).data(Qt.ItemDataRole.ToolTipRole)
    assert "1 document, 0 mentions" in tip
    store.close()


def test_a_filter_does_not_read_a_whole_type_for_entities_it_hides(tmp_path: Path) -> None:
    """Keeping a selection through a filter asks where each selected entity stands: one
    the filter hides is found hidden by its own row, not by reading the type's ids."""
    store, ids = _people_store(tmp_path / "hidden.db", PAGE_ROWS * 3)

    class Counted:
        def __init__(self) -> None:
            self.ids_read = 0

        def __getattr__(self, name: str) -> Any:
            return getattr(store, name)

        def entity_ids(self, *args: Any, **kw: Any) -> list[int]:
            self.ids_read += 1
            return store.entity_ids(*args, **kw)

    pages = Counted()
    model = EntityTreeModel()
    model.set_pages(pages)  # type: ignore[arg-type]
    model.set_filter_text("رقم 000")  # the first ten
    assert model.entity_count() == 10
    far = ids[-1]  # listed, not matching
    assert not model.index_for_entity(far).isValid()
    assert model.hidden_by_filter(far) and not model.hidden_by_filter(-5)
    assert pages.ids_read == 0
    model.set_filter_text("")
    assert model.index_for_entity(far).isValid() and pages.ids_read == 1
    store.close()
