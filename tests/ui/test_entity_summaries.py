"""The entity sidebar lists entity summaries (counts in one pass over the mentions index)
and reads the forms seen and the outlets only when the filter or a tooltip needs them.
Checked against the full rows of ``Store.entity_rows`` on the analysed seed articles."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from desktop.store.rows import EntityRow
from desktop.store.store import Store
from desktop.ui.entity_model import (
    MENTIONS_COLUMN,
    EntityFilterProxy,
    EntityIdRole,
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
    # most frequent first, as the entity's detail counts them
    alias_counts = dict(analysed.entity_detail(mistura.id).alias_counts)
    seen = [alias_counts[a] for a in mistura.aliases_seen]
    assert seen == sorted(seen, reverse=True)


def test_lazy_model_passes_qtmodeltester(qtmodeltester: ModelTester, analysed: Store) -> None:
    details = CountingDetails(analysed)
    model = EntityTreeModel()
    model.set_rows(analysed.entity_summaries(), details=details)
    qtmodeltester.check(model, force_py=True)  # type: ignore[no-untyped-call]
    assert model.entity_count() == len(analysed.entity_rows())
    proxy = EntityFilterProxy()
    proxy.setSourceModel(model)
    proxy.set_filter_text("دي مستورا")
    proxy.sort(MENTIONS_COLUMN, Qt.SortOrder.DescendingOrder)
    qtmodeltester.check(proxy, force_py=True)  # type: ignore[no-untyped-call]
    assert proxy.rowCount() == 1
    assert details.forms_calls == 1  # every entity's forms in one read, for the filter


@pytest.mark.parametrize(
    "needle", ["ديمستورا", "دي مستورا", "mistura", "لافروف", "جنيف", "المبعوث"]
)
def test_lazy_filter_shows_what_the_full_rows_show(analysed: Store, needle: str) -> None:
    def shown(model: EntityTreeModel) -> set[int]:
        proxy = EntityFilterProxy()
        proxy.setSourceModel(model)
        proxy.set_filter_text(needle)
        found = set()
        for t in range(proxy.rowCount()):
            parent = proxy.index(t, 0)
            found |= {
                proxy.index(r, 0, parent).data(EntityIdRole) for r in range(proxy.rowCount(parent))
            }
        return found

    eager, lazy = EntityTreeModel(), EntityTreeModel()
    eager.set_rows(analysed.entity_rows())
    lazy.set_rows(analysed.entity_summaries(), details=analysed)
    assert shown(lazy) == shown(eager)
    assert shown(lazy)  # a name or a form seen: found


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
    assert details.forms_calls == 1
    sidebar.filter_edit.setText("")
    sidebar.refresh()  # new rows: the details are read again when next needed
    sidebar.model.index_for_entity(mistura).data(Qt.ItemDataRole.ToolTipRole)
    assert details.filled == [mistura, mistura]
