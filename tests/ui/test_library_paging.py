"""The library's table holds document ids only and reads the rows a page at a time; it
sorts and filters in the store. Checked on the seed articles (and a generated corpus made
of their sentences, for a table longer than one page)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path

import pytest
from PySide6.QtCore import QPersistentModelIndex, QSortFilterProxyModel, Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from desktop.analysing import analyse_documents
from desktop.entity_edits import resolve_entity
from desktop.importing import import_paths
from desktop.search import query_groups
from desktop.store import sqlite
from desktop.store.rows import DocumentRow
from desktop.store.store import Store
from desktop.ui.document_model import PAGE_SIZE, DocIdRole, DocumentTableModel, SortRole
from desktop.ui.library import LibraryPanel
from desktop.ui.workers import TaskRunner

ASC, DESC = Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder
#: (column, the store's sort key)
SORTS = [(0, "title"), (1, "outlet"), (2, "date"), (3, "words")]
DE_MISTURA = "ستافان دي ميستورا"


class CountingStore:
    """Records every page of rows the model asks the store for."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.pages: list[list[int]] = []
        self.original = store.document_rows

    def document_rows(self, ids: Sequence[int]) -> list[DocumentRow]:
        self.pages.append(list(ids))
        return self.original(ids)


@pytest.fixture
def counting(seeded_store: Store, monkeypatch: pytest.MonkeyPatch) -> CountingStore:
    counter = CountingStore(seeded_store)
    monkeypatch.setattr(seeded_store, "document_rows", counter.document_rows)
    return counter


@pytest.fixture
def dated_store(seeded_store: Store) -> Store:
    """The seeds with dates on three of them (the seeds carry none)."""
    for stem, date in (("002", "2016-04-20"), ("003", "2017-05-04"), ("004", "2016-02-01")):
        doc = next(r.id for r in seeded_store.documents() if r.stem.startswith(stem))
        seeded_store.set_document_meta(doc, published=dt.date.fromisoformat(date))
    return seeded_store


def by_stem(store: Store, prefix: str) -> DocumentRow:
    return next(r for r in store.documents() if r.stem.startswith(prefix))


def shown_ids(model: DocumentTableModel) -> list[int]:
    return [model.index(r, 0).data(DocIdRole) for r in range(model.rowCount())]


def old_proxy_order(rows: list[DocumentRow], column: int, order: Qt.SortOrder) -> list[int]:
    """The order the library had when it sorted every row through a sort proxy."""
    model = DocumentTableModel()
    model.set_rows(rows)
    proxy = QSortFilterProxyModel()
    proxy.setSourceModel(model)
    proxy.setSortRole(SortRole)
    proxy.sort(column, order)
    return [proxy.index(r, 0).data(DocIdRole) for r in range(proxy.rowCount())]


# ---- the model ----------------------------------------------------------------------------
def test_rows_are_read_from_the_store_only_when_asked_for(
    seeded_store: Store, counting: CountingStore
) -> None:
    model = DocumentTableModel(page_size=2)
    model.set_query(seeded_store)
    documents = seeded_store.documents()
    assert model.rowCount() == len(documents) == 5
    assert counting.pages == []  # the ids alone: no row read yet
    assert shown_ids(model) == [r.id for r in documents]
    assert counting.pages == []  # the id role needs no row either

    sana = by_stem(seeded_store, "003")
    row = model.row_for_id(sana.id)
    assert row == 3
    assert model.index(row, 0).data() == sana.title
    assert model.index(row, 0).data().startswith("عقد وفد الجمهورية العربية السورية")
    assert model.index(row, 1).data() == "SANA"
    assert model.index(row, 3).data() == f"{sana.word_count:,}"
    assert model.document(row) == seeded_store.document_row(sana.id)
    # one query for the page holding rows 2 and 3, and nothing else
    assert counting.pages == [[documents[2].id, sana.id]]
    assert model.cached_pages() == [1]
    unknown = model.index(0, 1).data()
    assert unknown == "(unknown)"  # 000 has no outlet
    assert len(counting.pages) == 2 and model.cached_pages() == [1, 0]


def test_an_outlet_s_name_is_whole_in_its_tooltip(seeded_store: Store) -> None:
    """A name longer than the outlet column has room for is elided: the cell's tooltip
    gives it whole (the title's gives the title and the file)."""
    seeded_store.rename_outlet("SANA", "Al-Jazirah (Saudi Arabia)")
    model = DocumentTableModel()
    model.set_query(seeded_store)
    row = model.row_for_id(by_stem(seeded_store, "003").id)
    assert row is not None
    tip = Qt.ItemDataRole.ToolTipRole
    assert model.index(row, 1).data(tip) == "Al-Jazirah (Saudi Arabia)"
    assert model.index(0, 1).data(tip) == "(unknown)"
    assert model.index(row, 2).data(tip) is None  # a date is never elided


def test_cached_pages_stay_within_the_bound(seeded_store: Store, counting: CountingStore) -> None:
    model = DocumentTableModel(page_size=1, max_pages=2)
    model.set_query(seeded_store)
    titles = [model.index(r, 0).data() for r in range(model.rowCount())]
    assert titles == [r.title for r in seeded_store.documents()]
    assert len(counting.pages) == 5 and all(len(p) == 1 for p in counting.pages)
    assert model.cached_pages() == [3, 4]  # the two most recently read
    model.index(3, 2).data()
    model.index(0, 2).data()  # page 0 again: read again, page 4 dropped
    assert len(counting.pages) == 6 and model.cached_pages() == [3, 0]


def test_sorting_asks_the_store_and_matches_the_old_proxy_order(
    dated_store: Store, counting: CountingStore
) -> None:
    rows = dated_store.documents()
    model = DocumentTableModel(page_size=2)
    model.set_query(dated_store)
    for column, key in SORTS:
        for order in (ASC, DESC):
            model.sort(column, order)
            expected = dated_store.document_ids(sort=key, descending=order == DESC)
            assert model.document_ids() == expected, (key, order)
            assert shown_ids(model) == old_proxy_order(rows, column, order), (key, order)
    assert counting.pages == []  # sorting read no rows

    model.sort(0, ASC)  # by title: «أعلن» < «دعا» < «سوريا» < «عقد» < «قال»
    assert [model.index(r, 0).data().split()[0] for r in range(5)] == [
        "أعلن",
        "دعا",
        "سوريا:",
        "عقد",
        "قال",
    ]
    model.sort(2, DESC)  # newest first, the undated last (the reverse of ascending)
    stems = [model.document(r).stem[:3] for r in range(5)]
    assert stems == ["003", "002", "004", "001", "000"]
    model.sort(-1, ASC)
    assert model.document_ids() == [r.id for r in rows]


def test_sorting_keeps_persistent_indexes_on_their_documents(dated_store: Store) -> None:
    model = DocumentTableModel(page_size=2)
    model.set_query(dated_store)
    sana = by_stem(dated_store, "003").id
    kept = QPersistentModelIndex(model.index(model.row_for_id(sana) or 0, 1))
    model.sort(3, DESC)  # by words: 003 has the second most
    assert kept.row() == model.row_for_id(sana) == 1
    assert kept.column() == 1 and kept.data() == "SANA"


def test_filters_give_the_store_ids(dated_store: Store) -> None:
    model = DocumentTableModel()
    sana = dated_store.outlet_id("SANA")
    model.set_query(dated_store, outlet_id=sana)
    assert model.document_ids() == [r.id for r in dated_store.documents(outlet_id=sana)]
    assert [model.document(0).stem[:3]] == ["003"]

    since = dt.date(2016, 3, 1)
    model.set_query(dated_store, date_from=since)
    assert model.document_ids() == [r.id for r in dated_store.documents(date_from=since)]
    assert {model.document(r).stem[:3] for r in range(model.rowCount())} == {"002", "003"}
    model.set_query(dated_store, date_to=since)
    assert [model.document(r).stem[:3] for r in range(model.rowCount())] == ["004"]

    model.sort(0, DESC)
    model.set_query(dated_store, only=[by_stem(dated_store, p).id for p in ("000", "001", "004")])
    assert [model.document(r).stem[:3] for r in range(3)] == ["004", "000", "001"]  # قال دعا أعلن


def test_entity_filter_lists_the_documents_that_mention_it(seeded_store: Store) -> None:
    analyse_documents(seeded_store)
    lavrov = resolve_entity(seeded_store, "lavrov").id
    mistura = resolve_entity(seeded_store, DE_MISTURA).id
    model = DocumentTableModel()
    model.set_query(seeded_store, mentioning=[lavrov])
    assert model.document_ids() == sorted(seeded_store.documents_mentioning([lavrov]))
    assert [model.document(0).stem[:3]] == ["002"]
    assert "لافروف" in seeded_store.document(model.document_id(0)).text
    model.set_query(seeded_store, mentioning=[mistura])
    assert model.document_ids() == sorted(seeded_store.documents_mentioning([mistura]))
    assert model.rowCount() == 3
    model.sort(3, ASC)
    words = [model.document(r).word_count for r in range(3)]
    assert words == sorted(words)


def test_qtmodeltester_passes_while_pages_come_and_go(
    qtmodeltester: ModelTester, dated_store: Store
) -> None:
    model = DocumentTableModel(page_size=2, max_pages=1)
    model.set_query(dated_store)
    qtmodeltester.check(model, force_py=True)  # type: ignore[no-untyped-call]
    # the tester stays connected and checks each change as it happens
    model.sort(2, DESC)
    assert model.document(0).stem.startswith("003")
    model.set_query(dated_store, outlet_id=dated_store.outlet_id("UN News"))
    assert model.rowCount() == 1 and model.index(0, 1).data() == "UN News"
    model.set_query(dated_store)
    model.refresh_rows()
    assert model.rowCount() == 5


def test_same_documents_again_refresh_their_rows_without_a_reset(
    qtbot: QtBot, seeded_store: Store
) -> None:
    model = DocumentTableModel()
    model.set_query(seeded_store)
    sana = model.row_for_id(by_stem(seeded_store, "003").id)
    assert sana is not None and model.index(sana, 1).data() == "SANA"
    seeded_store.rename_outlet("SANA", "سانا")
    resets: list[bool] = []
    model.modelReset.connect(lambda: resets.append(True))
    with qtbot.waitSignal(model.dataChanged, timeout=1000) as changed:
        model.set_query(seeded_store)
    assert not resets
    top, bottom = changed.args[0], changed.args[1]
    assert (top.row(), bottom.row()) == (0, 4)
    assert model.index(sana, 1).data() == "سانا"
    with qtbot.waitSignal(model.modelReset, timeout=1000):
        model.set_query(seeded_store, outlet_id=seeded_store.outlet_id("سانا"))
    assert model.rowCount() == 1


def test_refresh_rows_rereads_only_their_page(seeded_store: Store, qtbot: QtBot) -> None:
    model = DocumentTableModel(page_size=2)
    model.set_query(seeded_store)
    for r in range(5):
        model.index(r, 0).data()
    assert sorted(model.cached_pages()) == [0, 1, 2]
    doc = by_stem(seeded_store, "004")
    seeded_store.set_document_meta(doc.id, title="عنوان جديد")
    with qtbot.waitSignal(model.dataChanged, timeout=1000) as changed:
        model.refresh_rows([doc.id])
    assert changed.args[0].row() == changed.args[1].row() == 4
    assert sorted(model.cached_pages()) == [0, 1]
    assert model.index(4, 0).data() == "عنوان جديد"


# ---- the library panel --------------------------------------------------------------------
@pytest.fixture
def big_store(seeded_store: Store, tmp_path: Path) -> Store:
    """The seeds and 600 generated articles: three pages of the library."""
    from tests.benchmarks.corpus import write_corpus

    folder = tmp_path / "generated"
    write_corpus(folder, 600, per_file=300)
    report = import_paths(seeded_store, [folder])
    assert len(report.imported) == 600
    return seeded_store


@pytest.fixture
def panel(qtbot: QtBot, big_store: Store, runner: TaskRunner) -> LibraryPanel:
    widget = LibraryPanel(big_store, runner)
    qtbot.addWidget(widget)
    widget.resize(900, 600)
    return widget


def test_library_reads_only_the_pages_it_shows(
    qtbot: QtBot, panel: LibraryPanel, big_store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    counter = CountingStore(big_store)
    monkeypatch.setattr(big_store, "document_rows", counter.document_rows)
    panel.show()
    panel.refresh_outlets()
    panel.reload()
    qtbot.waitExposed(panel)
    qtbot.waitUntil(lambda: bool(counter.pages))  # painted
    qtbot.wait(50)
    assert panel.model.rowCount() == 605 == big_store.counts().documents
    assert panel.status.text() == "605 documents"
    ids = big_store.document_ids()
    assert counter.pages == [ids[:PAGE_SIZE]]  # the first page only
    panel.view.scrollToBottom()
    qtbot.waitUntil(lambda: len(counter.pages) > 1)
    qtbot.wait(50)
    assert counter.pages[1:] == [ids[2 * PAGE_SIZE :]]  # then the last, never the middle one
    assert panel.model.index(604, 0).data() == big_store.document_row(ids[-1]).title


def test_library_sorts_in_the_store_and_keeps_the_selection(
    qtbot: QtBot, panel: LibraryPanel, big_store: Store
) -> None:
    panel.show()
    panel.reload()
    sana = by_stem(big_store, "003").id
    assert panel.select_document(sana)
    assert panel.selected_ids() == [sana]
    panel.view.horizontalHeader().setSortIndicator(0, ASC)  # what a click on «Title» does
    assert panel.model.document_ids() == big_store.document_ids(sort="title")
    assert panel.selected_ids() == [sana]
    row = panel.view.selectionModel().selectedRows()[0].row()
    assert panel.model.document(row).title.startswith("عقد وفد الجمهورية العربية السورية")
    # a new filter keeps the sort
    outlet = big_store.outlet_id("SANA")
    panel.refresh_outlets()
    panel.outlet_combo.setCurrentIndex(panel.outlet_combo.findData(outlet))
    assert panel.model.document_ids() == big_store.document_ids(outlet_id=outlet, sort="title")
    assert sana in panel.model.document_ids()


def test_library_entity_filter_and_search_hits(
    qtbot: QtBot, seeded_store: Store, runner: TaskRunner
) -> None:
    analyse_documents(seeded_store)
    widget = LibraryPanel(seeded_store, runner)
    qtbot.addWidget(widget)
    widget.reload()
    assert widget.model.rowCount() == 5
    mistura = resolve_entity(seeded_store, DE_MISTURA)
    widget.set_entity_filter((mistura.id, mistura.name))
    assert widget.model.document_ids() == sorted(seeded_store.documents_mentioning([mistura.id]))
    assert widget.status.text() == "3 documents"
    widget.search_box.setText("جنيف")
    widget.run_search()
    hits = [widget.results.hit(r).row.id for r in range(widget.results.rowCount())]
    assert hits and set(hits) <= set(widget.model.document_ids())
    # the search finds the documents that mention him: not the best of all, filtered
    geneva = {i for i, _ in seeded_store.search_ranked(query_groups("جنيف"), limit=100).ids}
    assert set(hits) == geneva & set(seeded_store.documents_mentioning([mistura.id]))
    assert widget.status.text() == f"{len(hits)} results for «جنيف»"
    widget.set_entity_filter(None)
    assert widget.model.rowCount() == 5


def test_library_says_when_a_common_query_was_ranked_among_recent_matches(
    panel: LibraryPanel, big_store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    panel.search_box.setText("جنيف")
    panel.run_search()
    assert "جنيف" in panel.status.text() and "recently" not in panel.status.text()
    monkeypatch.setattr(sqlite, "RANK_WINDOW", 150)  # the library asks for 100 hits
    panel.run_search()
    status = panel.status.text()
    assert status.startswith("The 100 best of over 150 results for «جنيف»")
    assert "150 most recently imported" in status
    hits = [panel.results.hit(r) for r in range(panel.results.rowCount())]
    assert all(h.windowed for h in hits)
    newest = sorted(big_store.search_ranked(query_groups("جنيف"), limit=100_000).ids)[-150:]
    assert {h.row.id for h in hits} <= {i for i, _ in newest}


def test_library_says_how_many_a_search_found_beyond_those_listed(
    panel: LibraryPanel, big_store: Store
) -> None:
    """«100 results» was said of a query matching 418 articles: the list shows the 100
    best, and the status says of how many."""
    total = len(big_store.search_ranked(query_groups("جنيف"), limit=100_000).ids)
    assert 100 < total <= sqlite.RANK_WINDOW
    panel.search_box.setText("جنيف")
    panel.run_search()
    assert panel.results.rowCount() == 100
    assert panel.status.text() == f"The 100 best of {total:,} results for «جنيف»"


@pytest.mark.parametrize(
    "direction", [Qt.LayoutDirection.LeftToRight, Qt.LayoutDirection.RightToLeft]
)
def test_the_library_fits_a_narrow_dock_with_the_windows_fonts(
    qtbot: QtBot, big_store: Store, runner: TaskRunner, direction: Qt.LayoutDirection
) -> None:
    """With the window's fonts (the bundled Arabic among them, whose widest glyph made
    Qt's least column width 91 pixels) and a dock 340 pixels wide, the four columns fit:
    the word counts are not cut off at the dock's edge, the outlet column takes two
    fifths of the table, or more while the titles keep a sixth of it (a longer name than
    fits there is elided), and the titles keep the rest; widened, the outlets show
    whole."""
    from PySide6.QtWidgets import QApplication

    from desktop.ui.fonts import use_ui_font

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    font = app.font()
    use_ui_font(app)
    try:
        panel = LibraryPanel(big_store, runner)
        qtbot.addWidget(panel)
        panel.setLayoutDirection(direction)
        panel.show()
        panel.reload()
        qtbot.waitExposed(panel)
        view, header = panel.view, panel.view.horizontalHeader()

        def sections() -> list[int]:
            return [header.sectionSize(c) for c in range(4)]

        for dock in (340, 260):
            panel.resize(dock, 600)
            width = view.viewport().width()
            qtbot.waitUntil(lambda width=width: sum(sections()) <= width)
            title, outlet, date, words = sections()
            assert not view.horizontalScrollBar().isVisible()
            assert words >= view.sizeHintForColumn(3) and date >= view.sizeHintForColumn(2)
            room = max(int(width * 0.4), width - date - words - int(width / 6))
            assert outlet == min(room, view.sizeHintForColumn(1)), dock
            assert title >= width // 6, dock
        assert outlet < view.sizeHintForColumn(1)  # at 260 pixels: elided
        panel.resize(1400, 600)
        qtbot.waitUntil(lambda: header.sectionSize(1) == view.sizeHintForColumn(1))
    finally:
        app.setFont(font)


def test_the_outlet_column_is_fitted_again_when_the_same_rows_are_read_again(
    qtbot: QtBot, panel: LibraryPanel, big_store: Store
) -> None:
    """A reload that finds the same documents refreshes their rows without a reset (an
    outlet renamed, an analysis ended): the outlet column kept its old width."""
    panel.resize(1400, 600)
    panel.show()
    panel.reload()
    qtbot.waitExposed(panel)
    header = panel.view.horizontalHeader()
    panel.view.scrollToTop()
    before = header.sectionSize(1)
    big_store.rename_outlet("SANA", "الوكالة العربية السورية للأنباء — النسخة الكاملة")
    panel.reload()
    qtbot.waitUntil(lambda: header.sectionSize(1) > before + 50)


def test_a_width_the_user_dragged_is_kept_when_the_rows_are_read_again(
    qtbot: QtBot, panel: LibraryPanel, big_store: Store
) -> None:
    """The outlet column was fitted to its rows again on every sort, filter or reload: a
    width the user had dragged was lost."""
    panel.resize(1400, 600)
    panel.show()
    panel.reload()
    qtbot.waitExposed(panel)
    header = panel.view.horizontalHeader()
    header.resizeSection(1, 97)  # as a drag of its edge does
    big_store.rename_outlet("SANA", "الوكالة العربية السورية للأنباء — النسخة الكاملة")
    panel.reload()
    panel.view.sortByColumn(2, Qt.SortOrder.DescendingOrder)
    qtbot.wait(50)
    assert header.sectionSize(1) == 97
    assert panel.columns.dragged == {1}


@pytest.mark.parametrize("language", ["en", "ar"])
def test_the_outlets_in_view_show_whole_in_the_dock_as_the_window_opens(
    qtbot: QtBot, big_store: Store, runner: TaskRunner, language: str
) -> None:
    """In the dock as the window opens at 1280 × 800 (350 pixels), every column is at
    least as wide as its header's title and the outlets, dates and word counts in view
    (a quarter of the table cut the outlets: «Asharq Al…»)."""
    from PySide6.QtWidgets import QApplication

    from desktop.ui.columns import header_text_width
    from desktop.ui.fonts import use_ui_font
    from desktop.ui.i18n import Language

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    font = app.font()
    use_ui_font(app)
    window_language = Language(app)
    window_language.apply(language)  # the known outlets' Arabic names, right to left
    try:
        panel = LibraryPanel(big_store, runner)
        qtbot.addWidget(panel)
        panel.resize(350, 700)
        panel.show()
        panel.reload()
        qtbot.waitExposed(panel)
        view, header = panel.view, panel.view.horizontalHeader()
        qtbot.waitUntil(lambda: sum(header.sectionSize(c) for c in range(4)) <= view.width())
        metrics = view.fontMetrics()
        last = view.rowAt(view.viewport().height() - 1)
        shown = range(view.rowAt(0), (last if last >= 0 else panel.model.rowCount() - 1) + 1)
        assert len(shown) > 10
        for column in (1, 2, 3):
            width = header.sectionSize(column)
            assert width >= header_text_width(view, column)
            widest = max(
                metrics.horizontalAdvance(str(panel.model.index(r, column).data())) for r in shown
            )
            assert width >= widest, (column, width, widest)
    finally:
        window_language.apply("en")
        app.setFont(font)
