"""The window's main flows, driven as a user would, offscreen."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QTextCursor, QTextDocument
from PySide6.QtWidgets import QApplication, QTextEdit

from desktop.analysing import analyse_documents
from desktop.entity_edits import resolve_entity
from desktop.importing import import_paths
from desktop.progress import UNPACKING
from desktop.services import ensure_seeded
from desktop.store.store import Store
from desktop.text.normalize import normalize
from desktop.ui.app import TabayunApp
from desktop.ui.compare_view import CompareView
from desktop.ui.document_pane import ENTITY_PROP, TIP_PROP
from desktop.ui.entity_model import DOCUMENTS_COLUMN
from desktop.ui.import_controller import StatusProgress
from desktop.ui.main_window import MainWindow
from desktop.ui.palette import aligned_shade
from desktop.ui.settings import Preferences
from desktop.ui.text_offsets import Utf16Index
from tests.conftest import SEEDS
from tests.ui.calls import count_calls


@pytest.fixture
def tapp(qapp, store: Store, tmp_path: Path):  # type: ignore[no-untyped-def]
    ensure_seeded(store, SEEDS)
    prefs = Preferences(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    app = TabayunApp(qapp, store, prefs)
    window = app.start("en", "light")
    window.show()
    app.settle()
    yield app
    app.runner.wait()
    if app.window is not None:
        app.window.close()
    # a test that ends in Arabic leaves no translator behind for the tests after it
    app.language.apply("en")


def doc(store: Store, prefix: str) -> int:
    return next(r.id for r in store.documents() if r.stem.startswith(prefix))


def test_the_reader_closes_every_edit_block_it_opens(analysed: Store) -> None:
    """The document is built, shaded and marked inside edit blocks (a cursor then lays
    out nothing as it moves); a block left open would hold back the document's change
    signals, and the view's layout with them."""
    from PySide6.QtGui import QColor

    from desktop.ui.document_pane import DocumentMarks, apply_marks, build_document, shade_document

    d = doc(analysed, "003")
    detail = analysed.document(d)
    built = build_document(detail, 12)
    assert built.toPlainText() == detail.text and not built.isUndoRedoEnabled()
    marks = DocumentMarks.load(analysed, d)
    assert marks.mentions
    for step in (
        lambda: apply_marks(built, detail.text, marks),
        lambda: shade_document(built, detail.text, [(0, 20, QColor("#ffeeaa"))]),
    ):
        changed: list[bool] = []
        built.contentsChanged.connect(lambda changed=changed: changed.append(True))
        step()
        assert changed  # reported when the block closed
        built.contentsChanged.disconnect()
    cursor = QTextCursor(built)  # and what was marked is there
    m = marks.mentions[0][0]
    cursor.setPosition(Utf16Index(detail.text).to_utf16(m.start) + 1)
    assert cursor.charFormat().property(ENTITY_PROP) == m.entity_id


def test_first_start_imports_and_analyses_seeds_once(store: Store) -> None:
    report = ensure_seeded(store, SEEDS)
    assert report is not None and len(report.imported) == 5
    assert ensure_seeded(store, SEEDS) is None
    assert store.counts().mentions > 100


def test_a_start_while_another_job_fills_the_database_imports_no_seeds(store: Store) -> None:
    """The window opened on a database a command-line import is filling: no sample
    corpus added to the user's, and no failure."""
    importing = Store.open(store.engine.url.database or "")
    try:
        with importing.writing("import"):
            assert ensure_seeded(store, SEEDS) is None
    finally:
        importing.close()
    assert store.counts().documents == 0 and store.get_meta("seeds_imported") is None


def test_a_title_that_is_the_first_line_is_not_shown_twice(tapp: TabayunApp) -> None:
    """A text file's title is its first line, cut short with «…»: the reader showed it
    above the text, then the text began with it. A saved page's text gives its title
    after the site's tagline (the UN News page's). A title the text does not open with
    is shown."""
    from desktop.ui.document_pane import _title_opens

    window, store = tapp.window, tapp.store
    assert window is not None
    window.open_document(doc(store, "003"))
    assert window.reader.detail is not None
    assert window.reader.detail.row.title.endswith("…")
    assert window.reader.title.isHidden()
    window.open_document(doc(store, "002"))
    assert window.reader.detail is not None
    text = window.reader.detail.text
    assert text.startswith("منظور عالمي قصص إنسانية")
    assert window.reader.title.isHidden()
    assert window.compare_view.panes[0].title.isHidden()  # its side's header names it
    assert not _title_opens("محادثات جنيف تستأنف", text)  # a title of its own: shown
    assert not _title_opens("", text)


def test_open_document_shows_highlights_at_the_right_offsets(tapp: TabayunApp) -> None:
    window, store = tapp.window, tapp.store
    assert window is not None
    d = doc(store, "003")
    window.open_document(d)
    pane = window.reader
    text = pane.detail.text  # type: ignore[union-attr]
    assert pane.browser.document().toPlainText() == text
    utf16 = Utf16Index(text)
    jaafari = resolve_entity(store, "jaafari").id
    start = text.index("بشار الجعفري")
    for offset in (start, start + 5, start + len("بشار الجعفري") - 1):
        cursor = QTextCursor(pane.browser.document())
        cursor.setPosition(utf16.to_utf16(offset) + 1)
        assert cursor.charFormat().property(ENTITY_PROP) == jaafari
    before = QTextCursor(pane.browser.document())
    before.setPosition(utf16.to_utf16(start - 1))  # the space before the name
    assert before.charFormat().property(ENTITY_PROP) is None
    # the scare quote «المعارضة» is marked and explained on hover
    scare = text.index("المعارضة")
    cursor = QTextCursor(pane.browser.document())
    cursor.setPosition(utf16.to_utf16(scare) + 2)
    assert "scare quotes" in str(cursor.charFormat().property(TIP_PROP))
    assert (
        pane.browser.document().firstBlock().blockFormat().layoutDirection()
        == Qt.LayoutDirection.RightToLeft
    )


def test_selecting_an_entity_filters_the_library_and_outlines_mentions(tapp: TabayunApp) -> None:
    window, store = tapp.window, tapp.store
    assert window is not None
    window.open_document(doc(store, "002"))
    lavrov = resolve_entity(store, "lavrov").id
    window.select_entity(lavrov)
    assert window.library.model.rowCount() == 1
    assert window.library.model.document(0).stem.startswith("002")
    assert len(window.reader.browser.extraSelections()) == 1
    window.select_entity(-1)
    assert window.library.model.rowCount() == 5


def test_find_in_document_ignores_hamza_and_diacritics(tapp: TabayunApp) -> None:
    window, store = tapp.window, tapp.store
    assert window is not None
    window.open_document(doc(store, "004"))
    assert window.reader.find("استانه") == 3  # آستانة twice and أستانة once
    assert window.reader.find("الامم المتحده") >= 2
    assert window.reader.find("") == 0


def test_search_in_the_library_opens_the_article_at_the_hit(tapp: TabayunApp) -> None:
    window = tapp.window
    assert window is not None
    window.library.search_box.setText("بجنيف")
    window.library.run_search()
    assert window.library.results.rowCount() >= 1
    hit = window.library.results.hit(0)
    assert "جنيف" in "".join(hit.matched)
    # activated as a double-click does: the article opens with the words found selected
    window.library._open_hit(window.library.results.index(0))
    assert window.reader.detail is not None and window.reader.detail.row.id == hit.row.id
    cursor = window.reader.browser.textCursor()
    assert cursor.selectedText() in hit.matched and "جنيف" in cursor.selectedText()
    utf16 = Utf16Index(window.reader.detail.text)
    assert cursor.selectionStart() == utf16.to_utf16(hit.first_offset)


#: an article with marked words: a word's last letter carries a mark («سلامٌ», «الأسدُ»),
#: «النار» stands alone before the phrase «وقفَ إطلاقِ النارِ», and a character outside the
#: Basic Multilingual Plane (🕊, two UTF-16 units) stands before them all
MARKED_ARTICLE = (
    "🕊 اشتعلت النارُ في الحقول قرب المدينة صباح الأحد.\n"
    "ثم أعلن الجيشُ وقفَ إطلاقِ النارِ في المدينة، وقال الأسدُ إنه سلامٌ عادلٌ.\n"
)


def open_hit(window: MainWindow, query: str, doc_id: int | None = None) -> str:
    """Search the library for ``query``, open its result for ``doc_id`` (the first result
    if None) as a double-click does and return the text selected in the reader."""
    window.library.search_box.setText(query)
    window.library.run_search()
    results = window.library.results
    rows = [i for i in range(results.rowCount()) if doc_id in (None, results.hit(i).row.id)]
    assert rows, query
    window.library._open_hit(results.index(rows[0]))
    return window.reader.browser.textCursor().selectedText()


def assert_selected(window: MainWindow, written: str) -> None:
    """The reader's selection is ``written``, where the article first has it."""
    detail = window.reader.detail
    assert detail is not None
    cursor = window.reader.browser.textCursor()
    assert cursor.selectedText() == written
    start = detail.text.index(written)
    assert (cursor.selectionStart(), cursor.selectionEnd()) == Utf16Index(detail.text).span(
        start, start + len(written)
    )


def import_marked_article(store: Store, folder: Path) -> int:
    (folder / "marked.txt").write_text(MARKED_ARTICLE, encoding="utf-8")
    report = import_paths(store, [folder / "marked.txt"])
    assert len(report.imported) == 1
    doc_id = report.imported[0][1]
    assert store.document(doc_id).text.startswith("🕊")  # UTF-16 offsets ≠ code points
    return doc_id


def test_opening_a_search_hit_selects_the_marks_ending_the_word(
    tapp: TabayunApp, tmp_path: Path
) -> None:
    """The search folds the diacritics away; the selection keeps a word's last mark."""
    window = tapp.window
    assert window is not None
    open_hit(window, "اجتماعاً")  # in two seed articles, with its tanween
    assert_selected(window, "اجتماعاً")
    marked = import_marked_article(tapp.store, tmp_path)
    for query, written in (("سلام", "سلامٌ"), ("الاسد", "الأسدُ"), ("عادلٌ", "عادلٌ")):
        open_hit(window, query, marked)
        assert_selected(window, written)


def test_opening_a_search_hit_for_a_phrase_selects_the_whole_phrase(
    tapp: TabayunApp, tmp_path: Path
) -> None:
    window = tapp.window
    assert window is not None
    selected = open_hit(window, "وقف إطلاق النار")  # in two seed articles
    assert normalize(selected) == "وقف اطلاق النار"
    assert_selected(window, selected)
    marked = import_marked_article(tapp.store, tmp_path)
    # where the words stand together, not at «النارُ» standing alone before them, and
    # the phrase whole with its marks, typed plain or quoted
    for query, written in (
        ("وقف إطلاق النار", "وقفَ إطلاقِ النارِ"),
        ("«إطلاق النار»", "إطلاقِ النارِ"),
        ('"الجيش وقف اطلاق النار"', "الجيشُ وقفَ إطلاقِ النارِ"),
        # words that never stand together in the query's order: the first one found
        ("النار الجيش", "النارُ"),
    ):
        open_hit(window, query, marked)
        assert_selected(window, written)


def test_find_in_document_selects_the_marks_ending_the_word_and_the_whole_phrase(
    tapp: TabayunApp, tmp_path: Path
) -> None:
    """Ctrl+F in the reader folds the diacritics away; what it finds is selected and
    highlighted with the marks on its last letter, a phrase whole with the marks inside it."""
    window = tapp.window
    assert window is not None
    window.open_document(import_marked_article(tapp.store, tmp_path))
    window.find_in_document()
    pane = window.reader
    for query, written in (
        ("سلام", ["سلامٌ"]),
        ("الاسد", ["الأسدُ"]),
        ("عادلٌ", ["عادلٌ"]),
        ("النار", ["النارُ", "النارِ"]),
        ("وقف إطلاق النار", ["وقفَ إطلاقِ النارِ"]),
        ("وقف  اطلاق النار ", ["وقفَ إطلاقِ النارِ"]),  # white space typed twice, after
        ("الجيش وقف", ["الجيشُ وقفَ"]),
    ):
        pane.find_bar.edit.setText(query)
        assert pane.find_bar.status.text() == f"1 of {len(written)}", query
        assert_selected(window, written[0])
        found = [s.cursor.selectedText() for s in pane.browser.extraSelections()]
        assert found == written, query
        if len(written) > 1:
            pane.find_next(1)
            cursor = pane.browser.textCursor()
            assert cursor.selectedText() == written[1]
    # words that do not stand together as typed (in another order, a line apart) are not found
    for query in ("النار إطلاق", "الأحد. ثم"):
        pane.find_bar.edit.setText(query)
        assert pane.find_bar.status.text() == "0 found", query


def test_the_window_left_behind_by_a_language_change_hears_nothing_more(
    tapp: TabayunApp, qtbot
) -> None:  # type: ignore[no-untyped-def]
    """The task runner outlives the window a language change replaces: its signals
    reached the old window's deleted status label (a traceback on every task after
    switching language with the compare view open)."""
    window = tapp.window
    assert window is not None
    window.show_view("compare")
    tapp.set_language("ar")
    assert tapp.window is not window
    qtbot.wait(50)  # the old window is deleted
    with qtbot.captureExceptions() as raised:
        tapp.runner.busy_changed.emit(True)  # raised in the old window's slot before
    assert raised == []
    assert tapp.window.busy_label.text() == "جارٍ العمل…"
    tapp.runner.busy_changed.emit(False)
    assert tapp.window.busy_label.text() == ""
    tapp.set_language("en")


def test_the_events_participants_keep_room_in_a_window_of_1440(tapp: TabayunApp, qtbot) -> None:  # type: ignore[no-untyped-def]
    """The fixed columns of the events table took all but 35 pixels of the column that
    says who took part."""
    window = tapp.window
    assert window is not None
    window.resize(1440, 900)
    window.show()
    window.show_view("events")
    qtbot.waitExposed(window)
    view = window.events_view.view
    qtbot.waitUntil(lambda: view.model().rowCount() > 0)
    header = view.horizontalHeader()
    assert header.sectionSize(3) >= 100
    assert sum(header.sectionSize(c) for c in range(header.count())) <= view.viewport().width()


@pytest.mark.parametrize("language", ["en", "ar"])
@pytest.mark.parametrize("size", [(1440, 900), (1280, 800)])
def test_the_comparison_tabs_and_toolbar_all_show_in_a_window_of_1280(  # type: ignore[no-untyped-def]
    tapp: TabayunApp, qtbot, language: str, size: tuple[int, int]
) -> None:
    """The shared-actors tab said how many were framed differently and the events tab
    split its count three ways: the events tab hid behind scroll arrows. The titles
    give the counts, their tooltips the detail. At 1280 × 800 four tabs scrolled and the
    toolbar put its last actions in a «»» menu: the actors only one side names share a
    tab, and what is compared stands beside the toolbar, wrapped if it must be."""
    from PySide6.QtWidgets import QToolButton

    tapp.set_language(language)
    window, view = _comparing(tapp, qtbot, 4, 5)
    window.resize(*size)
    qtbot.waitUntil(lambda: window.width() == size[0])
    qtbot.wait(50)
    bar = view.tabs.tabBar()
    assert bar.count() == 3
    assert all(bar.tabRect(i).width() > 0 for i in range(3))
    assert max(bar.tabRect(i).right() for i in range(3)) <= bar.width()
    assert min(bar.tabRect(i).left() for i in range(3)) >= 0
    shared = view.actors_model.rowCount()
    assert f"({shared})" in bar.tabText(0)
    assert str(shared) in bar.tabToolTip(0)
    one_side = view.only_a_model.rowCount() + view.only_b_model.rowCount()
    assert f"({one_side})" in bar.tabText(1)
    assert all(bar.tabToolTip(i) for i in range(3))
    # every action on the toolbar itself, none in its «»» menu, each with its keys
    toolbar = view.toolbar
    extension = toolbar.findChild(QToolButton, "qt_toolbar_ext_button")
    assert toolbar.width() >= toolbar.sizeHint().width()
    assert extension is None or not extension.isVisibleTo(toolbar)
    for action in (view.prev_action, view.next_action, view.sync_action):
        button = toolbar.widgetForAction(action)
        assert button is not None and button.isVisible()
        assert button.geometry().right() <= toolbar.width()
    assert view.prev_action.shortcut().toString() == "Alt+Up"
    assert view.next_action.shortcut().toString() == "Alt+Down"
    assert "Alt+Up" in view.prev_action.toolTip() and "Alt+Down" in view.next_action.toolTip()
    assert view.passage_label.isVisible()
    assert view.summary.isVisible() and view.summary.width() > 100
    tapp.set_language("en")


def test_articles_an_earlier_version_analysed_are_analysed_again_in_the_background(
    tapp: TabayunApp, qtbot
) -> None:  # type: ignore[no-untyped-def]
    """After an upgrade whose analysis finds things differently, the window analyses
    the articles the earlier version left, with its progress, and says nothing more."""
    from sqlalchemy import text

    from desktop.analysing import ANALYSIS_VERSION

    store, window = tapp.store, tapp.window
    assert window is not None
    tapp.reanalyse_outdated()  # all analysed by this version: nothing starts
    assert tapp.runner.wait(10_000)
    qtbot.wait(20)
    assert not window.importer.running
    with store.engine.begin() as conn:  # two articles as the version before left them
        conn.execute(
            text("UPDATE documents SET analysis_version = :v WHERE id IN (2, 4)"),
            {"v": ANALYSIS_VERSION - 1},
        )
        conn.execute(text("DELETE FROM quotes WHERE document_id = 4"))
    assert store.documents_needing_analysis(ANALYSIS_VERSION) == [2, 4]
    said: list[str] = []
    window.importer.progressed.connect(
        lambda _n, _note: said.append(window.importer.dialog.labelText())  # type: ignore[union-attr]
    )
    # below the articles, in the status bar, not in a dialog over the reading pane
    where: list[bool] = []
    window.importer.progressed.connect(
        lambda _n, _note: where.append(
            window.importer.dialog is not None
            and window.importer.dialog.parent() is window.statusBar()
            and window.importer.dialog.isVisible()
        )
    )
    # and the status bar's messages keep room beside it («Saved …», the article opened)
    window.resize(1440, 900)
    room: list[int] = []
    window.importer.progressed.connect(
        lambda _n, _note: room.append(
            window.statusBar().width()
            - window.importer.dialog.width()  # type: ignore[union-attr]
            - window.counts_label.width()
        )
    )
    with qtbot.waitSignal(window.importer.finished, timeout=120_000) as blocker:
        tapp.reanalyse_outdated()
    outcome = blocker.args[0]
    assert outcome.analysis.documents == 2 and not outcome.imported.imported
    assert store.documents_needing_analysis(ANALYSIS_VERSION) == []
    assert store.quotes_for(documents=[4])  # written again
    assert said and said[-1].startswith(
        "Analysing the articles not analysed by this version (2 of 2)\n"
        "The articles can be read meanwhile."
    )
    assert window.importer.dialog is None  # closed, and no report box was opened
    assert where and all(where)
    assert room and min(room) > 200  # the message area keeps room for «Saved …»
    assert not [w for w in window.statusBar().findChildren(StatusProgress) if w.isVisible()]


def test_counts_of_a_large_corpus_are_written_with_thousands_separators(
    tapp: TabayunApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    """«30000 documents · … · 1313174 mentions» in the status bar, beside «12,431» in the
    sidebar: every count of the window groups its thousands."""
    from desktop.store.rows import StoreCounts

    window = tapp.window
    assert window is not None
    big = StoreCounts(documents=30000, outlets=64, entities=347, mentions=1313174)
    monkeypatch.setattr(tapp.store, "counts", lambda: big)
    window._show_counts()
    assert window.counts_label.text() == (
        "30,000 documents · 64 outlets · 347 entities · 1,313,174 mentions"
    )


def test_a_count_of_one_is_said_in_the_singular(
    tapp: TabayunApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    """«1 documents · 1 outlets» after importing one article of one outlet."""
    from desktop.store.rows import StoreCounts

    window = tapp.window
    assert window is not None
    one = StoreCounts(documents=1, outlets=1, entities=1, mentions=1)
    monkeypatch.setattr(tapp.store, "counts", lambda: one)
    window._show_counts()
    assert window.counts_label.text() == "1 document · 1 outlet · 1 entity · 1 mention"


def test_the_arabic_window_names_known_outlets_in_arabic(tapp: TabayunApp) -> None:
    """«سانا», «أخبار الأمم المتحدة» in the Arabic window (they stayed «SANA», «UN News»);
    filtering by outlet still works, and the English window keeps the English names."""
    from desktop.ui.bidi import plain

    store = tapp.store
    sana = doc(store, "003")
    tapp.set_language("ar")
    window = tapp.window
    assert window is not None
    library = window.library
    row = library.model.row_for_id(sana)
    assert row is not None
    assert library.model.index(row, 1).data() == "سانا"
    items = [library.outlet_combo.itemText(i) for i in range(library.outlet_combo.count())]
    assert "سانا (1)" in items and "أخبار الأمم المتحدة (1)" in items
    library.outlet_combo.setCurrentIndex(items.index("سانا (1)"))
    assert library.model.document_ids() == [sana]
    window.open_document(sana)
    assert plain(window.reader.meta.text()).startswith("سانا")
    choices = window.compare_view.choices
    window.compare_view._on_documents_listed(store.document_titles())  # as when shown
    row = choices.row_for_id(sana)
    assert row is not None and plain(choices.index(row, 0).data()).startswith("سانا — ")
    tapp.set_language("en")
    window = tapp.window
    assert window is not None
    row = window.library.model.row_for_id(sana)
    assert row is not None and window.library.model.index(row, 1).data() == "SANA"


def test_the_window_opens_no_larger_than_the_screen(tapp: TabayunApp) -> None:
    """It opened at 1400 × 860 whatever the screen: on a laptop of 1280 × 800 it went past
    the screen's edge, the entity list and the status bar cut off."""
    window = tapp.window
    assert window is not None
    screen = window.screen()
    assert screen is not None
    free = screen.availableGeometry()
    least = window.minimumSizeHint()
    assert window.width() <= max(free.width(), least.width())
    assert window.height() <= max(free.height(), least.height())
    assert least.width() <= 1100  # a window of 1280 holds it


def test_a_window_closed_before_the_outdated_check_answers_starts_nothing(
    tapp: TabayunApp, qtbot
) -> None:  # type: ignore[no-untyped-def]
    """Closed at once after an upgrade: the check's answer started a job and its dialog
    on the closed window, and the application never exited."""
    from sqlalchemy import text

    from desktop.analysing import ANALYSIS_VERSION

    window = tapp.window
    assert window is not None
    with tapp.store.engine.begin() as conn:
        conn.execute(
            text("UPDATE documents SET analysis_version = :v"), {"v": ANALYSIS_VERSION - 1}
        )
    tapp.reanalyse_outdated()
    window.close()
    assert tapp.runner.wait(10_000)
    qtbot.wait(50)
    assert not window.importer.running and window.importer.dialog is None


def test_the_highlights_explain_themselves_in_the_windows_language(tapp: TabayunApp) -> None:
    """Hovering a highlight of the Arabic window says what it is in Arabic (it said
    «scare quote · », «Bashar al-Jaafari · person» in English)."""
    tapp.set_language("ar")
    window, store = tapp.window, tapp.store
    assert window is not None
    window.open_document(doc(store, "003"))
    pane = window.reader
    text = pane.detail.text  # type: ignore[union-attr]
    utf16 = Utf16Index(text)

    def tip_at(offset: int) -> str:
        cursor = QTextCursor(pane.browser.document())
        cursor.setPosition(utf16.to_utf16(offset) + 2)
        return str(cursor.charFormat().property(TIP_PROP))

    assert tip_at(text.index("المعارضة")).startswith("علامات تنصيص للتشكيك")
    assert tip_at(text.index("بشار الجعفري")) == "بشار الجعفري · شخص"
    # the arrow from a label to its actor points the way the window reads
    delegation = "وفد الجمهورية العربية السورية"
    assert tip_at(text.index(delegation)) == f"التسمية · رسمي ← {delegation}"
    tapp.set_language("en")
    window = tapp.window
    assert window is not None
    window.open_document(doc(store, "003"))
    pane = window.reader
    assert tip_at(text.index("بشار الجعفري")) == "بشار الجعفري · person"
    assert tip_at(text.index(delegation)) == f"label · official → {delegation}"


def test_the_import_dialog_says_the_step_and_the_time_left_in_either_language(
    tapp: TabayunApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    import time

    from desktop.ui import import_controller

    # the clock stands still: rebuilding the window in Arabic took long enough on a busy
    # machine to make «55 seconds» a minute
    now = time.monotonic()
    monkeypatch.setattr(import_controller.time, "monotonic", lambda: now)
    window = tapp.window
    assert window is not None
    six_seconds_ago = now - 6
    assert window.importer.describe("Analysing", 3_000, 30_000, "", six_seconds_ago) == (
        "Step 2 of 2: analysing the articles (3,000 of 30,000)\n"
        "The articles can already be read and searched.\n"
        "About 55 seconds left"
    )
    text = window.importer.describe("Importing", 1, 30, "/corpus/part-0001.jsonl", now)
    assert text.splitlines() == [
        "Step 1 of 2: reading the files",
        "part-0001.jsonl",
        "Estimating the time left…",
    ]
    # a RAR or 7z archive converted: its files are not known yet, nor the time left
    unpacking = window.importer.describe(UNPACKING, 0, 0, "/corpus/AlArabiya.rar", now)
    assert unpacking.splitlines() == [
        "Step 1 of 2: unpacking an archive",
        "AlArabiya.rar",
        "Its articles are read once it is unpacked.",
    ]
    tapp.set_language("ar")
    window = tapp.window
    assert window is not None
    arabic = window.importer.describe("Analysing", 3_000, 30_000, "", six_seconds_ago)
    assert arabic.splitlines() == [
        "الخطوة 2 من 2: تحليل المقالات (3,000 من 30,000)",
        "يمكن منذ الآن قراءة المقالات والبحث فيها.",
        "بقي نحو 55 ثانية",
    ]
    unpacking = window.importer.describe(UNPACKING, 0, 0, "/corpus/AlArabiya.rar", now)
    assert unpacking.splitlines()[1] == "AlArabiya.rar"
    assert unpacking.splitlines()[0] != "Step 1 of 2: unpacking an archive"
    tapp.set_language("en")


def test_switch_language_flips_the_layout_and_theme_changes_the_style(tapp: TabayunApp) -> None:
    tapp.set_language("ar")
    window = tapp.window
    assert window is not None
    assert QApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert window.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert window.menuBar().actions()[0].text() != "&File"  # translated
    assert tapp.prefs.get(__import__("desktop.ui.settings", fromlist=["LANGUAGE"]).LANGUAGE) == "ar"
    tapp.set_theme("dark")
    assert "QWidget" in QApplication.instance().styleSheet()  # type: ignore[union-attr]
    tapp.set_theme("light")
    assert QApplication.instance().styleSheet() == ""  # type: ignore[union-attr]
    tapp.set_language("en")
    assert QApplication.layoutDirection() == Qt.LayoutDirection.LeftToRight


def test_the_import_report_lists_its_notes_after_what_it_skipped(tapp: TabayunApp) -> None:
    """A table's columns the import read nothing from are said in the report box, as
    notes apart from the files skipped; a report with only notes is no warning."""
    from PySide6.QtWidgets import QMessageBox

    from desktop.importing import ImportReport
    from desktop.jobs import ImportOutcome

    window = tapp.window
    assert window is not None
    note = ("/corpus/أخبار.csv", "column not read: التصنيف")
    skip = ("/corpus/صورة.png", "unsupported file type '.png'")
    for skipped, details, icon in [
        ([], "Notes:\n/corpus/أخبار.csv: column not read: التصنيف", QMessageBox.Icon.Information),
        (
            [skip],
            "/corpus/صورة.png: unsupported file type '.png'\n\n"
            "Notes:\n/corpus/أخبار.csv: column not read: التصنيف",
            QMessageBox.Icon.Warning,
        ),
    ]:
        report = ImportReport(imported=[("/corpus/أخبار.csv#1", 9)], skipped=skipped, notes=[note])
        window.importer._report(ImportOutcome(report, None))
        box = window.findChildren(QMessageBox)[-1]
        assert (box.detailedText(), box.icon()) == (details, icon)
        box.close()
        box.deleteLater()


def test_the_import_report_says_what_a_file_imported_again_gave_the_stored_articles(
    tapp: TabayunApp,
) -> None:
    from PySide6.QtWidgets import QMessageBox

    from desktop.importing import ImportReport
    from desktop.jobs import ImportOutcome

    window = tapp.window
    assert window is not None
    filled = [("/a.csv#1", 1, ("date", "url")), ("/a.csv#2", 2, ("date",))]
    for stored, said in [
        (filled, "Gave 2 articles already stored what they lacked: a date to 2, a link to 1."),
        (filled[1:], "Gave 1 article already stored what it lacked: a date to 1."),
    ]:
        dups = [(s, i) for s, i, _g in stored]
        report = ImportReport(duplicates=dups, filled=stored)
        window.importer._report(ImportOutcome(report, None))
        box = window.findChildren(QMessageBox)[-1]
        assert box.text() == f"Imported 0, duplicates {len(dups)}, skipped 0. {said}"
        box.close()
        box.deleteLater()


def test_the_import_report_says_which_dates_could_not_be_read(  # type: ignore[no-untyped-def]
    tapp: TabayunApp, tmp_path: Path, qtbot
) -> None:
    """A CSV file whose date column holds dates that name no day: the report of the
    import the window ran says so, once, among its notes."""
    from PySide6.QtWidgets import QMessageBox

    window = tapp.window
    assert window is not None
    path = tmp_path / "news.csv"
    path.write_text(
        "title,date,text\n"
        "خبر,منذ 3 ساعات,قال المبعوث الأممي إن جولة جديدة من المحادثات ستعقد في جنيف.\n"
        "خبر آخر,31/02/2017,أعلنت وزارة الخارجية الروسية أن لافروف سيلتقي نظيره في موسكو.\n"
        "خبر ثالث,,قال مسؤول تركي إن أنقرة تدعم الحل السياسي للأزمة السورية.\n",
        encoding="utf-8",
    )
    with qtbot.waitSignal(window.importer.finished, timeout=120_000):
        assert window.importer.start([path])
    box = window.findChildren(QMessageBox)[-1]
    assert box.text() == "Imported 3, duplicates 0, skipped 0."
    assert box.detailedText() == (
        f'Notes:\n{path}: 2 dates in column "date" could not be read and were left empty '
        '("منذ 3 ساعات", "31/02/2017")'
    )
    assert box.icon() == QMessageBox.Icon.Information
    box.close()
    box.deleteLater()


def test_import_a_folder_with_progress_then_cancel(tapp: TabayunApp, tmp_path: Path, qtbot) -> None:  # type: ignore[no-untyped-def]
    from tests.benchmarks.corpus import write_corpus

    window = tapp.window
    assert window is not None
    folder = tmp_path / "incoming"
    write_corpus(folder, 60, per_file=1)
    steps: list[int] = []
    listed: list[tuple[str, int]] = []  # (signal, documents listed when it came)
    window.importer.show_report = False
    window.importer.progressed.connect(lambda n, _note: steps.append(n))
    said: list[str] = []  # what the dialog says as the import goes
    window.importer.progressed.connect(
        lambda _n, _note: said.append(window.importer.dialog.labelText())  # type: ignore[union-attr]
    )
    window.importer.imported.connect(
        lambda n: listed.append((f"imported {n}", window.library.model.rowCount()))
    )
    window.importer.finished.connect(
        lambda _o: listed.append(("finished", window.library.model.rowCount()))
    )
    with qtbot.waitSignal(window.importer.finished, timeout=120_000) as blocker:
        assert window.importer.start([folder])
    outcome = blocker.args[0]
    assert len(outcome.imported.imported) == 60 and steps and max(steps) >= 60
    # listed as soon as they are stored, before their analysis ends
    assert listed == [("imported 60", 65), ("finished", 65)]
    reading = [t for t in said if t.startswith("Step 1 of 2: reading the files\n")]
    analysing = [t for t in said if t.startswith("Step 2 of 2: analysing the articles (")]
    assert reading and analysing and said.index(reading[-1]) < said.index(analysing[0])
    assert any(".json" in t.splitlines()[1] for t in reading)  # the file being read
    assert analysing[-1].splitlines()[:2] == [
        "Step 2 of 2: analysing the articles (60 of 60)",
        "The articles can already be read and searched.",
    ]

    # cancel a second import as soon as it reports progress
    more = tmp_path / "more"
    from tests.benchmarks import corpus as gen

    original = gen.articles
    more.mkdir()
    for i, art in enumerate(original(200, seed=99)):
        (more / f"m{i}.json").write_text(
            __import__("json").dumps(art, ensure_ascii=False), encoding="utf-8"
        )
    with qtbot.waitSignal(window.importer.finished, timeout=120_000) as blocker:
        window.importer.start([more])
        assert window.importer.dialog is not None and window.importer.dialog.isVisible()
        from PySide6.QtWidgets import QPushButton

        button = window.importer.dialog.findChild(QPushButton)
        assert button is not None and button.text() == "Cancel"
        button.click()  # the Cancel button of the progress dialog
    outcome = blocker.args[0]
    assert outcome.imported.cancelled
    assert len(outcome.imported.imported) < 200
    # whatever went in is whole and consistent
    for row in tapp.store.documents():
        assert tapp.store.document(row.id).sentences


def test_smoke_flag_opens_every_view(tmp_path: Path) -> None:
    import subprocess
    import sys

    proc = subprocess.run(
        [sys.executable, "-m", "desktop", "--db", str(tmp_path / "s.db"), "--smoke"],
        capture_output=True,
        text=True,
        timeout=180,
        env={**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert proc.returncode == 0, proc.stderr
    assert "smoke ok (5 documents" in proc.stdout
    assert "read, compare, actor, events" in proc.stdout


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="X11 and Wayland are Linux's")
def test_without_a_display_the_window_says_so_and_a_screenshot_needs_none(
    tmp_path: Path,
) -> None:
    """With no DISPLAY, `tabayun` aborted with Qt's message about platform plugins, and
    `--screenshot` (a picture, no screen needed) did too unless QT_QPA_PLATFORM was set."""
    import os
    import subprocess

    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env.pop("QT_QPA_PLATFORM", None)
    db = str(tmp_path / "s.db")
    window = subprocess.run(
        [sys.executable, "-m", "desktop", "--db", db],
        capture_output=True, text=True, timeout=180, env=env,
    )  # fmt: skip
    assert window.returncode == 1
    assert "tabayun: no display to open the window on" in window.stderr
    shot = tmp_path / "shot.png"
    proc = subprocess.run(
        [sys.executable, "-m", "desktop", "--db", db, "--screenshot", str(shot)],
        capture_output=True, text=True, timeout=180, env=env,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_utf16_conversion_counts_astral_characters_twice() -> None:
    text = "قال 😀 دي ميستورا"
    idx = Utf16Index(text)
    i = text.index("دي")
    assert idx.to_utf16(i) == i + 1
    assert idx.to_codepoint(idx.to_utf16(i)) == i


@given(st.text(alphabet=st.sampled_from(list("قال دي\u200f\U0001f600\U00020000𝐀")), max_size=40))
def test_utf16_offsets_are_those_of_the_encoded_text(text: str) -> None:
    idx = Utf16Index(text)
    for i in range(len(text) + 1):
        assert idx.to_utf16(i) == len(text[:i].encode("utf-16-le")) // 2
        assert idx.to_codepoint(idx.to_utf16(i)) == i


def test_analysis_is_in_place_before_the_window(store: Store) -> None:
    ensure_seeded(store, SEEDS)
    assert analyse_documents(store).documents == 0  # nothing left to analyse


def test_splitters_and_columns_are_restored(tapp: TabayunApp) -> None:
    window = tapp.window
    assert window is not None
    parts = dict(window._stateful_parts())
    header = next(w for k, w in parts.items() if k.startswith("header-"))
    header.resizeSection(0, 211)
    window.save_state()
    tapp.set_language("en")  # rebuilds the window from the saved state
    rebuilt = dict(tapp.window._stateful_parts())  # type: ignore[union-attr]
    key = next(k for k, w in parts.items() if w is header)
    assert rebuilt[key].sectionSize(0) == 211


def test_a_splitter_never_shown_does_not_save_the_room_it_was_given(  # type: ignore[no-untyped-def]
    tapp: TabayunApp, qtbot
) -> None:
    """The compare view's splitters, never shown before the language changed, saved the
    room they had been given, and the next window opened the comparison with the list
    of aligned passages taking most of its width. A splitter shown keeps its layout."""
    window = tapp.window
    assert window is not None
    window.show_view("actor")  # the compare view not opened
    qtbot.wait(10)
    window.save_state()
    tapp.set_language("en")  # rebuilds the window from the saved state
    rebuilt, view = _comparing(tapp, qtbot, 4, 5)
    passages, tabs = view.bottom.sizes()
    assert passages < tabs, (passages, tabs)
    # dragged once shown, it keeps the layout it was given
    view.bottom.setSizes([300, view.bottom.width() - 300])
    rebuilt.save_state()
    tapp.set_language("en")
    again, view = _comparing(tapp, qtbot, 4, 5)
    assert again is not rebuilt
    assert abs(view.bottom.sizes()[0] - 300) <= 2, view.bottom.sizes()


def test_the_view_menu_hides_and_shows_the_library_and_the_entities(tapp: TabayunApp) -> None:
    """The docks could not be closed, and their View menu items were ticked and greyed
    out for good. They toggle the docks now, and a dock closed stays closed in the
    window restored from the saved state, until it is shown again."""
    window = tapp.window
    assert window is not None
    view_menu = next(
        a.menu() for a in window.menuBar().actions() if a.text().replace("&", "") == "View"
    )
    for dock in (window.library_dock, window.entities_dock):
        toggle = dock.toggleViewAction()
        assert toggle in view_menu.actions()
        assert toggle.isEnabled() and toggle.isChecked() and dock.isVisible()
        toggle.trigger()
        assert not dock.isVisible() and not toggle.isChecked()
        toggle.trigger()
        assert dock.isVisible() and toggle.isChecked()
    window.library_dock.toggleViewAction().trigger()
    window.save_state()
    tapp.set_language("en")  # rebuilds the window from the saved state
    rebuilt = tapp.window
    assert rebuilt is not None and rebuilt is not window
    assert not rebuilt.library_dock.isVisible() and rebuilt.entities_dock.isVisible()
    rebuilt.library_dock.toggleViewAction().trigger()
    assert rebuilt.library_dock.isVisible()


def test_each_table_gets_its_own_layout_back_whichever_tab_was_shown(  # type: ignore[no-untyped-def]
    tapp: TabayunApp, qtbot
) -> None:
    """Layouts were kept by the position of each table in the widget tree, which changes
    as a tab is shown: the events table got another table's layout, and from the third
    start on, every column at position -1, an empty table for good."""
    seen: list[list[int]] = []
    for _start in range(3):
        window = tapp.window
        assert window is not None
        window.show_view("events")
        view = window.events_view.view
        qtbot.waitUntil(lambda v=view: v.model().rowCount() > 0)  # type: ignore[misc]
        header = view.horizontalHeader()
        assert header.count() == 6
        assert all(header.sectionViewportPosition(i) >= 0 for i in range(6))
        seen.append([header.sectionSize(i) for i in range(6)])
        keys = [k for k, _w in window._stateful_parts()]
        assert len(keys) == len(set(keys)) and "header-eventsTable" in keys
        tapp.set_language("en")  # saves the layout and builds the window again from it
    assert seen[1] == seen[2]  # the layout saved is the layout restored


def test_several_articles_stay_selected_for_compare_with(tapp: TabayunApp) -> None:
    """A Ctrl-click opened the article it added, and marking the open article selected it
    alone: two articles could never be selected, so «Compare with…» never compared them."""
    from PySide6.QtCore import QItemSelectionModel

    window = tapp.window
    assert window is not None
    library = window.library
    selection = library.view.selectionModel()
    rows = QItemSelectionModel.SelectionFlag.Rows
    selection.select(
        library.model.index(1, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect | rows
    )
    selection.select(library.model.index(3, 0), QItemSelectionModel.SelectionFlag.Select | rows)
    tapp.settle()
    expected = [library.model.document_id(1), library.model.document_id(3)]
    assert library.selected_ids() == expected
    assert window.reader.detail is not None and window.reader.detail.row.id == expected[1]
    # opening an article from elsewhere selects it alone
    window.open_document(library.model.document_id(0))
    assert library.selected_ids() == [library.model.document_id(0)]


def test_the_window_keys_reach_the_compare_view_and_the_text_size(  # type: ignore[no-untyped-def]
    tapp: TabayunApp, qtbot
) -> None:
    """Alt+Down stepped through the passages only with the focus inside the compare view,
    and after «Compare with…» it stayed in the library; Ctrl+= did not make the text
    larger."""
    from PySide6.QtTest import QTest

    window = tapp.window
    assert window is not None
    window.show()
    qtbot.waitExposed(window)
    view = window.compare_view
    with qtbot.waitSignal(view.loaded, timeout=10000):
        window.compare_documents(4, 5)
    assert view.comparison is not None and view.comparison.passages
    tapp.settle()
    assert view.current_passage() == -1
    focused = QApplication.focusWidget()
    assert focused is not None and view.isAncestorOf(focused)
    QTest.keyClick(focused, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert view.current_passage() == 0
    # in another view the keys are that view's
    window.show_view("read")
    fired: list[bool] = []
    view.next_action.triggered.connect(lambda *_a: fired.append(True))
    QTest.keyClick(window.library.view, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert fired == []
    size = window.reader.point_size
    shades = [_backgrounds(pane.browser.document()) for pane in view.panes]
    selected = [_selection(pane.browser) for pane in view.panes]
    assert all(a < b for a, b in selected)  # the pair chosen with Alt+Down
    assert all(aligned_shade(0).name() in {c for _p, _n, c in bg} for bg in shades)
    assert [p.browser.document().defaultFont().pointSize() for p in view.panes] == [size - 2] * 2
    QTest.keyClick(window.library.view, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert window.reader.point_size == size + 1
    # the compare panes follow, two points smaller (side by side, a line held four
    # words at the reader's size), their passages still shaded
    assert [p.browser.document().defaultFont().pointSize() for p in view.panes] == [size - 1] * 2
    assert [_backgrounds(pane.browser.document()) for pane in view.panes] == shades
    # and the pair chosen is still chosen (its text was unselected, pane B scrolled back
    # to its top, the label still saying «Passage 1 of 1»)
    assert view.current_passage() == 0
    assert [_selection(pane.browser) for pane in view.panes] == selected


def _selection(browser: QTextEdit) -> tuple[int, int]:
    cursor = browser.textCursor()
    return cursor.selectionStart(), cursor.selectionEnd()


def _backgrounds(doc: QTextDocument) -> list[tuple[int, int, str]]:
    """Where a document's text has a background: (position, length, colour)."""
    out = []
    block = doc.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            frag = it.fragment()
            brush = frag.charFormat().background()
            if brush.style() != Qt.BrushStyle.NoBrush:
                out.append((frag.position(), frag.length(), brush.color().name()))
            it += 1
        block = block.next()
    return out


def test_the_comparison_shown_is_made_again_after_an_edit(tapp: TabayunApp, qtbot) -> None:  # type: ignore[no-untyped-def]
    """After «دي ميستورا» was split off de Mistura in the sidebar, the compare view's
    shared actors still had de Mistura with the mentions he had lost, and no «دي
    ميستورا»; the tab counts were the old ones too."""
    from desktop import entity_edits

    window, store = tapp.window, tapp.store
    assert window is not None
    window.show()
    qtbot.waitExposed(window)
    view = window.compare_view
    a, b = doc(store, "002"), doc(store, "004")
    with qtbot.waitSignal(view.loaded, timeout=10000):
        window.compare_documents(a, b)
    assert view.comparison is not None
    mistura = view.comparison.actor("ستافان دي ميستورا")
    assert mistura is not None and view.comparison.actor("دي ميستورا") is None
    entity_edits.split(store, str(mistura.entity_id), "دي ميستورا")  # what the sidebar runs
    with qtbot.waitSignal(view.loaded, timeout=10000):
        window.refresh_after_edit()  # what the sidebar's edit ends with
    assert view.comparison.actor("دي ميستورا") is not None
    after = view.comparison.actor("ستافان دي ميستورا")
    assert after is None or after.a.mentions + after.b.mentions < (
        mistura.a.mentions + mistura.b.mentions
    )
    assert view.document_ids() == (a, b)
    tapp.settle()


def test_the_library_names_the_chosen_actor_as_an_edit_left_it(tapp: TabayunApp) -> None:
    """After a rename the library still said «Mentioning: ستافان دي ميستورا»."""
    from desktop import entity_edits

    window = tapp.window
    assert window is not None
    (entity_id, _name, _type), *_ = tapp.store.find_entities("ستافان دي ميستورا")
    window.select_entity(entity_id)
    assert window.library.entity_label.text() == "Mentioning: ستافان دي ميستورا"
    entity_edits.rename(tapp.store, str(entity_id), "دي ميستورا المبعوث")
    window.refresh_after_edit()
    assert window.library.entity_label.text() == "Mentioning: دي ميستورا المبعوث"


def test_a_language_switch_keeps_what_the_window_shows(tapp: TabayunApp, qtbot) -> None:  # type: ignore[no-untyped-def]
    """The window built in the other language showed an empty comparison and actor, no
    chosen entity and no search: only the open article came back."""
    window = tapp.window
    assert window is not None
    with qtbot.waitSignal(window.compare_view.loaded, timeout=10000):
        window.compare_documents(4, 5)
    (entity_id, _n, _t), *_ = tapp.store.find_entities("ستافان دي ميستورا")
    window.select_entity(entity_id)
    window.library.search_box.setText("جنيف")
    window.library.run_search()
    window.show_view("compare")
    tapp.set_language("ar")
    rebuilt = tapp.window
    assert rebuilt is not None and rebuilt is not window
    qtbot.waitUntil(lambda: rebuilt.compare_view.comparison is not None, timeout=10000)
    assert rebuilt.compare_view.document_ids() == (4, 5)
    assert rebuilt.tabs.currentWidget() is rebuilt.compare_view
    assert rebuilt.library.entity_filter is not None
    assert rebuilt.library.entity_filter[0] == entity_id
    assert rebuilt.library.search_box.text() == "جنيف"
    assert rebuilt.actor_view.entity_id in (None, entity_id)
    # a comparison of two outlets comes back too
    outlets = [o.id for o in tapp.store.outlets()][:2]
    with qtbot.waitSignal(rebuilt.compare_view.loaded, timeout=10000):
        rebuilt.compare_view.compare_outlets(*outlets)
    tapp.set_language("en")
    again = tapp.window
    assert again is not None
    qtbot.waitUntil(lambda: again.compare_view.comparison is not None, timeout=10000)
    assert again.compare_view.mode == "outlets" and again.compare_view.outlet_ids == tuple(outlets)


def test_views_not_shown_read_nothing_until_shown(
    qapp, qtbot, store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    ensure_seeded(store, SEEDS)
    watched = ("event_page", "event_count", "events_for", "document_titles", "quote_page")
    calls = count_calls(monkeypatch, store, *watched, "entity_listing", "entity_page")
    prefs = Preferences(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    app = TabayunApp(qapp, store, prefs)
    app.persist_state = False
    window = app.start("en", "light")
    window.show()
    app.settle()
    try:
        assert sum(calls[n] for n in watched) == 0, calls  # start-up reads none of it
        # the sidebar reads its entities once, each type's first page with their totals
        assert (calls["entity_listing"], calls["entity_page"]) == (1, 0)
        jaafari = resolve_entity(store, "jaafari").id
        assert window.sidebar.select_entity(jaafari)
        window.select_entity(jaafari)
        app.settle()
        assert calls["quote_page"] == 0 and window.actor_view.pending_entity == jaafari

        window.show_view("events")
        assert calls["event_page"] == 1 and calls["events_for"] == 0
        events = window.events_view.model
        assert events.rowCount() == events.total == len(store.events_for()) > 0

        with qtbot.waitSignal(window.actor_view.loaded, timeout=30_000):
            window.show_view("actor")
        assert window.actor_view.name_label.text() == "بشار الجعفري"
        assert calls["quote_page"] == 1

        window.show_view("compare")
        app.settle()
        assert calls["document_titles"] == 1
        qtbot.waitUntil(lambda: window.compare_view.choices.rowCount() == 5)
    finally:
        app.runner.wait()
        window.close()


def test_a_saved_layout_does_not_size_view_columns_to_their_contents(tapp: TabayunApp) -> None:
    from PySide6.QtWidgets import QHeaderView

    window = tapp.window
    assert window is not None
    to_contents = QHeaderView.ResizeMode.ResizeToContents
    window.actor_view.quotes_view.horizontalHeader().setSectionResizeMode(1, to_contents)
    window.events_view.view.horizontalHeader().setSectionResizeMode(0, to_contents)
    window.save_state()  # as an earlier version saved it
    tapp.set_language("en")  # rebuilds the window from the saved state
    rebuilt = tapp.window
    assert rebuilt is not None and rebuilt is not window
    for view in (rebuilt.actor_view.quotes_view, rebuilt.events_view.view):
        header = view.horizontalHeader()
        modes = {header.sectionResizeMode(i) for i in range(header.count())}
        assert to_contents not in modes
    # the rest of the saved layout still applies
    stretch = QHeaderView.ResizeMode.Stretch
    assert rebuilt.events_view.view.horizontalHeader().sectionResizeMode(3) == stretch


@pytest.mark.parametrize("language", ["en", "ar"])
def test_the_first_article_is_open_at_start_in_either_direction(
    qapp, store: Store, tmp_path: Path, language: str
) -> None:  # type: ignore[no-untyped-def]
    ensure_seeded(store, SEEDS)
    prefs = Preferences(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    app = TabayunApp(qapp, store, prefs)
    app.persist_state = False
    window = app.start(language, "light")
    try:
        first = window.library.model.document_id(0)
        assert window.library.selected_ids() == [first]
        detail = window.reader.detail
        assert detail is not None and detail.row.id == first
        assert window.reader.browser.document().toPlainText() == detail.text
    finally:
        app.runner.wait()
        window.close()
        app.language.apply("en")  # the next tests read English


def test_the_language_changes_once_the_running_import_or_edit_ends(tapp: TabayunApp, qtbot) -> None:  # type: ignore[no-untyped-def]
    """A running job reports to the window that started it: the window is rebuilt in
    the new language only when the job has ended, not under it."""
    old = tapp.window
    assert old is not None
    running = [True]
    old.jobs_running = lambda: running[0]  # type: ignore[method-assign]
    tapp.set_language("ar")
    assert tapp.window is old and old.isVisible()
    assert old.statusBar().currentMessage() == old.language_deferred_message()
    tapp.set_language("en")  # changed again meanwhile: the last choice counts
    tapp.set_language("ar")
    running[0] = False
    qtbot.waitUntil(lambda: tapp.window is not old, timeout=5_000)
    assert QApplication.instance().layoutDirection() == Qt.LayoutDirection.RightToLeft  # type: ignore[union-attr]


def test_an_import_whose_process_cannot_start_is_reported(  # type: ignore[no-untyped-def]
    tapp: TabayunApp, tmp_path: Path, qtbot, monkeypatch
) -> None:
    window = tapp.window
    assert window is not None
    window.importer.show_report = False

    def refuse(*_args: object) -> bool:
        raise OSError("[Errno 11] Resource temporarily unavailable")

    monkeypatch.setattr(window.importer.job, "start", refuse)
    with qtbot.waitSignal(window.importer.failed, timeout=1_000) as blocker:
        assert not window.importer.start([tmp_path])
    assert blocker.args == ["[Errno 11] Resource temporarily unavailable"]
    assert window.importer.dialog is None and not window.importer.running


class _Confirming:
    """The sidebar's questions answered yes (an edit's confirmation)."""

    def confirm(self, _title: str, _text: str) -> bool:
        return True

    def error(self, _title: str, text: str) -> None:
        raise AssertionError(text)


def test_a_language_switch_after_a_merge_shows_the_actor_it_became(tapp: TabayunApp, qtbot) -> None:  # type: ignore[no-untyped-def]
    """«الحكومة الروسية» merged into «روسيا» in the sidebar while the actor view, behind
    another tab, still held the merged actor: the window rebuilt in Arabic showed the
    merged actor again, with none of its mentions (they are Russia's now)."""
    window, store = tapp.window, tapp.store
    assert window is not None
    government = resolve_entity(store, "russia-government").id
    russia = resolve_entity(store, "russia").id
    sidebar = window.sidebar
    sidebar.dialogs = _Confirming()  # type: ignore[assignment]
    assert sidebar.select_entity(government)
    with qtbot.waitSignal(window.actor_view.loaded, timeout=30_000):
        window.show_view("actor")
    assert window.actor_view.entity_id == government
    window.show_view("read")
    assert sidebar.select_entity(russia)
    assert sidebar.select_entity(government, add=True)
    with qtbot.waitSignal(sidebar.entities_changed, timeout=60_000):
        sidebar.merge_selected()
    assert tapp.runner.wait(30_000)
    tapp.set_language("ar")
    rebuilt = tapp.window
    assert rebuilt is not None and rebuilt is not window
    assert rebuilt.sidebar.selected_entity_ids() == [russia]
    assert rebuilt.library.entity_filter == (russia, "روسيا")
    with qtbot.waitSignal(rebuilt.actor_view.loaded, timeout=30_000) as blocker:
        rebuilt.show_view("actor")
    assert blocker.args == [russia]
    assert rebuilt.actor_view.name_label.text() == "روسيا"
    tapp.set_language("en")


def test_a_language_switch_after_a_merge_on_the_command_line_follows_it(
    tapp: TabayunApp, qtbot
) -> None:  # type: ignore[no-untyped-def]
    """An actor chosen in the window and merged into another by ``tabayun entity merge``
    meanwhile: the window rebuilt in another language filtered the library by the merged
    actor (no article mentions it any more) and showed it in the actor view."""
    from desktop import entity_edits

    window, store = tapp.window, tapp.store
    assert window is not None
    government = resolve_entity(store, "russia-government").id
    russia = resolve_entity(store, "russia").id
    assert window.sidebar.select_entity(government)
    assert window.library.entity_filter == (government, "الحكومة الروسية")
    entity_edits.merge(store, "russia", "russia-government")  # what the command runs
    tapp.set_language("ar")
    rebuilt = tapp.window
    assert rebuilt is not None and rebuilt is not window
    assert rebuilt.library.entity_filter == (russia, "روسيا")
    assert rebuilt.library.model.rowCount() == len(store.documents_mentioning([russia])) > 1
    assert rebuilt.sidebar.selected_entity_ids() == [russia]
    with qtbot.waitSignal(rebuilt.actor_view.loaded, timeout=30_000) as blocker:
        rebuilt.show_view("actor")
    assert blocker.args == [russia]
    tapp.set_language("en")


def test_an_import_ending_follows_a_merge_made_on_the_command_line(tapp: TabayunApp, qtbot) -> None:  # type: ignore[no-untyped-def]
    """The window reads the store again when an import or an analysis ends; the actor it
    showed, merged into another on the command line meanwhile, stayed: «Mentioning:» the
    merged actor (no article), and an actor view with none of its mentions."""
    from desktop import entity_edits

    window, store = tapp.window, tapp.store
    assert window is not None
    government = resolve_entity(store, "russia-government").id
    russia = resolve_entity(store, "russia").id
    assert window.sidebar.select_entity(government)
    with qtbot.waitSignal(window.actor_view.loaded, timeout=30_000):
        window.show_view("actor")
    entity_edits.merge(store, "russia", "russia-government")  # what the command runs
    with qtbot.waitSignal(window.actor_view.loaded, timeout=30_000) as blocker:
        window.refresh()  # what the end of an import calls
    assert blocker.args == [russia]
    assert window.library.entity_filter == (russia, "روسيا")
    assert window.actor_view.actor is not None and window.actor_view.actor.entity_id == russia
    tapp.runner.wait(30_000)


def test_the_actor_view_follows_the_edits_of_its_actor(tapp: TabayunApp, qtbot) -> None:  # type: ignore[no-untyped-def]
    """The actor view kept what it had read: after an undone merge it still counted the
    mention the merge had given its actor, and an actor ignored in the sidebar stayed
    on show."""
    window, store = tapp.window, tapp.store
    assert window is not None
    government = resolve_entity(store, "russia-government").id
    russia = resolve_entity(store, "russia").id
    sidebar, view = window.sidebar, window.actor_view
    sidebar.dialogs = _Confirming()  # type: ignore[assignment]
    assert sidebar.select_entity(russia)
    with qtbot.waitSignal(view.loaded, timeout=30_000):
        window.show_view("actor")
    assert view.actor is not None
    mentioned = view.actor.mentions
    assert sidebar.select_entity(government, add=True)
    qtbot.waitUntil(lambda: view.entity_id == government and not tapp.runner.busy)

    # merged away while the actor view shows it: the view shows the actor it became
    with qtbot.waitSignal(view.loaded, timeout=60_000) as blocker:
        sidebar.merge_selected()
    assert blocker.args == [russia]
    tapp.settle()
    assert view.entity_id == russia and view.actor is not None
    assert view.actor.mentions == mentioned + 1  # the government's one mention

    # the merge undone: the actor shown has its own mentions again
    with qtbot.waitSignal(sidebar.entities_changed, timeout=60_000):
        sidebar.undo_last()
    qtbot.waitUntil(lambda: not tapp.runner.busy and view.status_label.text() == "")
    assert view.entity_id == russia and view.actor is not None
    assert view.actor.mentions == mentioned

    # ignored: nothing is shown
    with qtbot.waitSignal(sidebar.entities_changed, timeout=60_000):
        sidebar.ignore_selected()
    tapp.settle()
    assert view.entity_id is None and view.name_label.text() == ""


def test_a_language_switch_skips_an_outlet_comparison_whose_outlet_was_merged(
    tapp: TabayunApp, qtbot
) -> None:  # type: ignore[no-untyped-def]
    """Two outlets compared, then one renamed onto another (``tabayun outlet rename``
    merges them): the window rebuilt in another language compared them again and said
    «Comparison failed: 3»."""
    window, store = tapp.window, tapp.store
    assert window is not None
    un_news = store.outlet_id("UN News")
    assert un_news is not None
    store.set_document_meta(doc(store, "004"), outlet="وكالة سانا")  # SANA under another name
    other = store.outlet_id("وكالة سانا")
    assert other is not None
    with qtbot.waitSignal(window.compare_view.loaded, timeout=10_000):
        window.compare_view.compare_outlets(other, un_news)
    window.show_view("compare")
    store.rename_outlet("وكالة سانا", "SANA")  # the same outlet: merged into SANA
    # the outlet is gone; its name is now SANA's
    assert store.outlet_id("وكالة سانا") == store.outlet_id("SANA") != other
    tapp.set_language("ar")
    rebuilt = tapp.window
    assert rebuilt is not None and rebuilt is not window
    failures: list[str] = []
    rebuilt.compare_view.failed.connect(failures.append)
    tapp.settle()
    qtbot.wait(50)
    assert failures == []
    assert rebuilt.compare_view.comparison is None and rebuilt.compare_view.mode == ""
    assert rebuilt.isVisible() and rebuilt.tabs.currentWidget() is rebuilt.compare_view
    tapp.set_language("en")


def test_a_language_switch_after_a_compared_article_was_deleted(tapp: TabayunApp, qtbot) -> None:  # type: ignore[no-untyped-def]
    """The open and compared article deleted from the store: the language switch stopped
    halfway on «no document 4», the old window gone and the new one never shown."""
    window, store = tapp.window, tapp.store
    assert window is not None
    gone, kept = doc(store, "003"), doc(store, "004")
    window.open_document(gone)
    with qtbot.waitSignal(window.compare_view.loaded, timeout=10_000):
        window.compare_documents(gone, kept)
    store.delete_document(gone)
    tapp.set_language("ar")
    rebuilt = tapp.window
    assert rebuilt is not None and rebuilt is not window and rebuilt.isVisible()
    failures: list[str] = []
    rebuilt.compare_view.failed.connect(failures.append)
    tapp.settle()
    qtbot.wait(50)
    assert failures == []
    assert rebuilt.compare_view.comparison is None
    assert rebuilt.compare_view.document_ids() == (None, None)
    detail = rebuilt.reader.detail
    assert detail is not None and detail.row.id != gone
    tapp.set_language("en")


class _Telling(_Confirming):
    """The sidebar's questions answered yes, and the errors it shows kept."""

    def __init__(self) -> None:
        self.errors: list[str] = []

    def error(self, _title: str, text: str) -> None:
        self.errors.append(text)


def test_closing_the_window_during_an_edit_stops_it_and_the_next_start_finishes_it(
    tapp: TabayunApp, qtbot, monkeypatch, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    """Closed while a merge analysed thousands of articles again, the window froze for
    30 s, saying nothing, then killed the edit halfway: the merge was in force with most
    of its articles as before (Lavrov still listed, with 9,738 articles), nothing repaired
    it, its two worker processes lived on, and «The edit stopped unexpectedly.» came
    after the window had gone. Now closing cancels the edit, saying so, in the time an
    article takes; no process is left; and the next start finishes the edit."""
    import multiprocessing
    import time

    from desktop import entity_edits
    from desktop.ui import entity_sidebar
    from tests.analysis.written import analysis_rows
    from tests.databases import copy_database
    from tests.ui.job_processes import (
        SECONDS_AN_ARTICLE,
        children_of,
        edit_job_an_article_at_a_time,
        running,
    )

    window, store = tapp.window, tapp.store
    assert window is not None
    db = Path(store.engine.url.database or "")
    whole = copy_database(db, tmp_path / "whole.db")  # the merge, not interrupted
    copy = Store.open(whole)
    entity_edits.merge(copy, "ستافان دي ميستورا", "غير بيدرسون")

    monkeypatch.setattr(entity_sidebar, "edit_job", edit_job_an_article_at_a_time)
    monkeypatch.setenv("TABAYUN_WORKERS", "2")  # worker processes, as for a large corpus
    sidebar = window.sidebar
    dialogs = _Telling()
    sidebar.dialogs = dialogs  # type: ignore[assignment]
    assert sidebar.select_entity(resolve_entity(store, "ستافان دي ميستورا").id)
    assert sidebar.select_entity(resolve_entity(store, "غير بيدرسون").id, add=True)
    sidebar.merge_selected()
    qtbot.waitUntil(lambda: sidebar.progress_bar.value() >= 1, timeout=120_000)
    assert sidebar.progress_bar.maximum() == 5
    job = sidebar._edit_job._process
    workers = children_of(job.pid)  # analysing: its worker processes run
    if Path("/proc").exists():
        assert len(workers) == 2

    began = time.monotonic()
    window.close()
    took = time.monotonic() - began
    # the edit had four articles to go, one at a time: it stopped after the one it was at
    assert took < 3 * SECONDS_AN_ARTICLE, took
    assert window.statusBar().currentMessage() == "Stopping the edit before closing…"
    assert not sidebar.editing and not sidebar._edit_job.running
    assert not job.is_alive() and job.exitcode == 0  # it stopped; it was not killed
    assert multiprocessing.active_children() == []
    assert not [pid for pid in workers if running(pid)]
    qtbot.wait(300)
    assert dialogs.errors == []  # nothing is said after the window has gone

    assert [op for _i, op, _p in store.edits()] == ["merge"]
    left = store.documents_left_by_edits()
    assert 1 <= len(left) <= 4
    # the merge shows already, in the articles it did not reach too
    assert [r.mentions for r in store.entity_rows() if r.name == "غير بيدرسون"] == []
    assert {r.name: r.mentions for r in store.entity_rows()}["ستافان دي ميستورا"] == {
        r.name: r.mentions for r in copy.entity_rows()
    }["ستافان دي ميستورا"]

    reopened = tapp.build_window()  # the next start
    reopened.show()
    said: list[str] = []
    reopened.importer.progressed.connect(
        lambda _n, _note: said.append(reopened.importer.dialog.labelText())  # type: ignore[union-attr]
    )
    with qtbot.waitSignal(reopened.importer.finished, timeout=120_000) as blocker:
        tapp.reanalyse_outdated()
    assert blocker.args[0].analysis.documents == len(left)
    assert store.documents_left_by_edits() == []
    copy.close()
    assert analysis_rows(db) == analysis_rows(whole)
    assert said and said[-1].startswith(
        f"Finishing an edit: analysing again the articles it did not reach ({len(left)} of "
        f"{len(left)})\nThe articles can be read meanwhile."
    )


def test_the_sidebar_edits_are_off_while_an_import_runs(
    tapp: TabayunApp, tmp_path: Path, qtbot
) -> None:  # type: ignore[no-untyped-def]
    """An import holds the database: an edit asked for meanwhile was refused with the
    busy message, though the menu offered it."""
    from tests.benchmarks.corpus import write_corpus

    window = tapp.window
    assert window is not None
    window.importer.show_report = False
    sidebar = window.sidebar
    kerry = next(r.id for r in tapp.store.entity_rows() if r.name == "جون كيري")
    mistura = next(r.id for r in tapp.store.entity_rows() if r.name == "ستافان دي ميستورا")
    sidebar.select_entity(kerry)
    assert sidebar.rename_action.isEnabled() and sidebar.held_label.isHidden()
    write_corpus(tmp_path / "incoming", 30, per_file=1)
    with qtbot.waitSignal(window.importer.finished, timeout=120_000):
        assert window.importer.start([tmp_path / "incoming"])
        assert not sidebar.rename_action.isEnabled()
        assert not sidebar.ignore_action.isEnabled()
        assert not sidebar.held_label.isHidden()
        assert sidebar.tree.isEnabled()  # the list can still be browsed
        sidebar.model.merge_requested.emit(mistura, [kerry])  # dropped onto another
        qtbot.wait(50)
        assert not sidebar.editing
    assert sidebar.held_label.isHidden()
    sidebar.select_entity(kerry)
    assert sidebar.rename_action.isEnabled() and sidebar.ignore_action.isEnabled()
    assert tapp.store.entity_by_id(kerry)[1] == "جون كيري"  # the drop merged nothing


def test_an_analysis_that_ended_before_its_last_steps_is_made_again_when_the_window_starts(
    tapp: TabayunApp, qtbot
) -> None:  # type: ignore[no-untyped-def]
    """The analysis of an import killed in its last steps (grouping the spellings of
    names) left every article marked analysed: the window started nothing."""
    from desktop import analysing

    store, window = tapp.store, tapp.window
    assert window is not None
    window.importer.show_report = False
    ids = [d.id for d in store.documents()]
    store.set_meta(analysing.UNFINISHED_KEY, f"{min(ids)}-{max(ids)}")  # as it was left
    with qtbot.waitSignal(window.importer.finished, timeout=120_000) as blocker:
        tapp.reanalyse_outdated()
    assert blocker.args[0].analysis.documents == len(ids) == 5
    assert analysing.unfinished_documents(store) is None


def test_changing_the_text_size_keeps_the_compared_articles_where_they_were(  # type: ignore[no-untyped-def]
    tapp: TabayunApp, qtbot
) -> None:
    """With no aligned pair chosen, each pane keeps its place as a share of its length
    (the layout changes with the size: pane B went back to its top)."""
    window, view = _comparing(tapp, qtbot, 4, 5)
    window.show_view("compare")
    tapp.settle()
    assert view.current_passage() == -1
    bars = [pane.browser.verticalScrollBar() for pane in view.panes]
    assert all(bar.maximum() > 100 for bar in bars)
    view.sync_action.setChecked(False)
    for bar, share in zip(bars, (0.3, 0.6), strict=True):
        bar.setValue(round(share * bar.maximum()))
    window.zoom(2)
    tapp.settle()
    assert [pane.point_size for pane in view.panes] == [window.reader.point_size - 2] * 2
    assert [round(bar.value() / bar.maximum(), 2) for bar in bars] == pytest.approx(
        [0.3, 0.6], abs=0.05
    )


def _comparing(tapp: TabayunApp, qtbot, a: int, b: int) -> tuple[MainWindow, CompareView]:  # type: ignore[no-untyped-def]
    """The window shown at 1440 × 900, comparing documents ``a`` and ``b``."""
    window = tapp.window
    assert window is not None
    window.resize(1440, 900)
    window.show()
    qtbot.waitExposed(window)
    view = window.compare_view
    with qtbot.waitSignal(view.loaded, timeout=10000):
        window.compare_documents(a, b)
    return window, view


class _Answering:
    """The library's questions answered as told, and what it asked and told kept."""

    def __init__(self, answer: bool) -> None:
        self.answer = answer
        self.asked: list[tuple[str, str]] = []
        self.errors: list[str] = []

    def confirm(self, title: str, text: str) -> bool:
        self.asked.append((title, text))
        return self.answer

    def error(self, _title: str, text: str) -> None:
        self.errors.append(text)


def _select_rows(window: MainWindow, ids: list[int]) -> None:
    from PySide6.QtCore import QItemSelectionModel

    library = window.library
    selection = library.view.selectionModel()
    selection.clearSelection()
    for doc_id in ids:
        row = library.model.row_for_id(doc_id)
        assert row is not None
        selection.select(
            library.model.index(row, 0),
            QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows,
        )
    assert sorted(library.selected_ids()) == sorted(ids)


def test_removing_documents_from_the_library_asks_first(tapp: TabayunApp, qtbot) -> None:  # type: ignore[no-untyped-def]
    """«Remove from corpus…» on the library's context menu: the question names how
    many; answered no, nothing is removed."""
    window, store = tapp.window, tapp.store
    assert window is not None
    dialogs = _Answering(False)
    window.library.dialogs = dialogs
    _select_rows(window, [doc(store, "002"), doc(store, "003")])
    menu = window.library.build_context_menu()
    assert [a.text() for a in menu.actions() if not a.isSeparator()] == [
        "Set outlet…",
        "Rename outlet…",
        "Remove from corpus…",
    ]
    menu.actions()[-1].trigger()
    assert dialogs.asked == [
        (
            "Remove from corpus",
            "Remove 2 documents from the corpus?\n\nTheir mentions, labels, quotations and "
            "events go with them, and the actors are counted without them. This cannot be "
            "undone.",
        )
    ]
    tapp.settle()
    assert not window.library.removing and dialogs.errors == []
    assert len(store.documents()) == 5 and window.library.model.rowCount() == 5


def test_removing_the_open_and_compared_article_with_the_delete_key(  # type: ignore[no-untyped-def]
    tapp: TabayunApp, qtbot
) -> None:
    """The Delete key in the library removes the selected article, once the question
    naming it is answered yes: the reader and the comparison showing it are cleared, and
    the library, the outlets, the sidebar's counts, the search and the status bar are
    without it."""
    from PySide6.QtTest import QTest

    window, store = tapp.window, tapp.store
    assert window is not None
    window.show()
    qtbot.waitExposed(window)
    gone, kept = doc(store, "003"), doc(store, "004")
    jaafari = resolve_entity(store, "jaafari").id
    documents_before = next(r.documents for r in store.entity_summaries() if r.id == jaafari)
    with qtbot.waitSignal(window.compare_view.loaded, timeout=10_000):
        window.compare_documents(gone, kept)
    window.open_document(gone)
    assert window.reader.detail is not None and window.reader.detail.row.id == gone
    dialogs = _Answering(True)
    window.library.dialogs = dialogs
    _select_rows(window, [gone])
    window.library.view.setFocus()
    with qtbot.waitSignal(window.library.documents_removed, timeout=30_000) as blocker:
        QTest.keyClick(window.library.view, Qt.Key.Key_Delete)
    assert blocker.args[0].documents == [gone] and blocker.args[0].outlets == ["SANA"]
    (question,) = [text for _title, text in dialogs.asked]
    first_line = question.split("\n")[0]
    assert first_line.startswith("Remove «عقد وفد الجمهورية العربية السورية")
    assert first_line.endswith("» from the corpus?")
    tapp.settle()
    assert dialogs.errors == [] and store.documents(ids=[gone]) == []
    library = window.library
    assert library.model.rowCount() == 4 and library.model.row_for_id(gone) is None
    outlets = [library.outlet_combo.itemText(i) for i in range(library.outlet_combo.count())]
    assert len(outlets) > 1 and not any("SANA" in o for o in outlets)
    assert window.reader.detail is None
    assert window.compare_view.comparison is None
    assert window.compare_view.document_ids() == (None, kept)
    assert window.counts_label.text().startswith("4 documents · ")
    assert window.statusBar().currentMessage() == "Removed 1 document from the corpus"
    index = window.sidebar.model.index_for_entity(jaafari, DOCUMENTS_COLUMN)
    assert index.isValid() and int(index.data()) == documents_before - 1
    library.search_box.setText("وفد الجمهورية العربية السورية")
    library.run_search()
    assert library.results.rowCount() == 0
    # while an import holds the database, nothing is offered
    window.importer.running_changed.emit(True)
    assert not library.remove_action.isEnabled()
    window.importer.running_changed.emit(False)
    assert library.remove_action.isEnabled()


def test_the_window_says_when_it_put_the_samples_in_an_empty_database(
    tapp: TabayunApp,
) -> None:
    """A new database given with --db got the sample articles without a word, and they
    then counted in the analyst's frames and tables."""
    window = tapp.window
    assert window is not None
    window.announce_samples(5)
    message = window.statusBar().currentMessage()
    assert "5 sample articles" in message and "press Del to remove them" in message


def test_removing_documents_found_by_a_search(tapp: TabayunApp, qtbot) -> None:  # type: ignore[no-untyped-def]
    """Removal was offered in the library's table only: a document found by a search
    had to be found again among all of them."""
    from PySide6.QtCore import QItemSelectionModel
    from PySide6.QtTest import QTest

    window, store = tapp.window, tapp.store
    assert window is not None
    window.show()
    qtbot.waitExposed(window)
    library = window.library
    library.search_box.setText("الجعفري")
    library.run_search()
    found = [library.results.hit(r).row.id for r in range(library.results.rowCount())]
    assert len(found) >= 2
    gone = found[0]
    results = library.results_view
    results.selectionModel().select(
        library.results.index(0, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect
    )
    assert library.selected_ids() == [gone]
    menu = library.build_context_menu()
    assert [a.text() for a in menu.actions() if not a.isSeparator()][-1] == "Remove from corpus…"
    dialogs = _Answering(True)
    library.dialogs = dialogs
    results.setFocus()
    with qtbot.waitSignal(library.documents_removed, timeout=30_000) as blocker:
        QTest.keyClick(results, Qt.Key.Key_Delete)
    assert blocker.args[0].documents == [gone]
    tapp.settle()
    assert dialogs.errors == [] and store.documents(ids=[gone]) == []
    # the search is run again, without it
    assert library.stack.currentWidget() is results
    left = [library.results.hit(r).row.id for r in range(library.results.rowCount())]
    assert left == found[1:]


def test_the_arabic_menus_show_shortcuts_ending_in_a_sign_as_written(tapp: TabayunApp) -> None:
    """«Ctrl++» read «++Ctrl» and «Ctrl+-» «-+Ctrl» in the Arabic View menu: the shortcut
    a menu shows is now the one written after a tab, isolated left to right; the keys
    still work, and the English menus are left as they were."""
    from PySide6.QtGui import QKeySequence
    from PySide6.QtWidgets import QMenu

    def shown() -> dict[str, str]:
        window = tapp.window
        assert window is not None
        found = {}
        for menu in window.menuBar().findChildren(QMenu):
            for action in menu.actions():
                keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
                if keys:
                    found[keys] = action.text()
        return found

    english = shown()
    assert "\t" not in english["Ctrl++"] and "\t" not in english["Ctrl+O"]
    tapp.set_language("ar")
    arabic = shown()
    assert arabic["Ctrl++"].endswith("\t\u2066Ctrl++\u2069")
    assert arabic["Ctrl+-"].endswith("\t\u2066Ctrl+-\u2069")
    assert "\t" not in arabic["Ctrl+O"]  # a letter last reads right already
    tapp.set_language("en")


@pytest.fixture(params=["en", "ar"])
def opened_at_1280(qapp, qtbot, store: Store, tmp_path: Path, request, theme: str):  # type: ignore[no-untyped-def]
    """The window as it opens on a screen of 1280 × 800 (1260 × 760) with the window's
    fonts, in each language and ``theme``, on the seeds (SANA renamed: one outlet with
    the longest name of the outlets known, «Al-Jazirah (Saudi Arabia)»)."""
    from desktop.ui.fonts import use_ui_font
    from desktop.ui.theme import apply_theme

    ensure_seeded(store, SEEDS)
    store.rename_outlet("UN News", "Al-Jazirah (Saudi Arabia)")
    font = qapp.font()
    use_ui_font(qapp)
    prefs = Preferences(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    app = TabayunApp(qapp, store, prefs)
    app.persist_state = False
    window = app.start(request.param, theme)
    try:
        window.resize(1260, 760)
        window.show()
        qtbot.waitExposed(window)
        app.settle()
        yield window
    finally:
        app.runner.wait()
        window.close()
        app.language.apply("en")  # the next tests read English
        apply_theme(qapp, "light")
        qapp.setFont(font)


@pytest.fixture(params=["light", "dark"])
def theme(request) -> str:  # type: ignore[no-untyped-def]
    return str(request.param)


def test_at_1280_by_800_the_library_shows_the_longest_outlets_whole(  # type: ignore[no-untyped-def]
    qtbot, opened_at_1280: MainWindow
) -> None:
    """The outlet column took two fifths of the table at most, and cut the longest
    names («Al-Jazirah (Saudi Ar…»): it shows them whole while the titles keep a sixth
    of the table, in the library as the window opens (now 365 pixels wide)."""
    view = opened_at_1280.library.view
    header = view.horizontalHeader()
    width = view.viewport().width()
    qtbot.waitUntil(lambda: sum(header.sectionSize(c) for c in range(4)) <= width)
    outlets = [str(view.model().index(r, 1).data()) for r in range(view.model().rowCount())]
    if opened_at_1280.layoutDirection() == Qt.LayoutDirection.LeftToRight:
        assert "Al-Jazirah (Saudi Arabia)" in outlets
    widest = max(view.fontMetrics().horizontalAdvance(o) for o in outlets)
    assert header.sectionSize(1) >= max(view.sizeHintForColumn(1), widest), outlets
    assert header.sectionSize(0) >= width // 6
    assert not view.horizontalScrollBar().isVisible()


def test_at_1280_by_800_the_entities_counts_leave_their_spare_room_to_the_names(  # type: ignore[no-untyped-def]
    opened_at_1280: MainWindow,
) -> None:
    """The entities' counts took 91 pixels a column (Qt's least width with the bundled
    Arabic font, set before the window narrowed it), more than their headers and the
    counts need: they are as wide as those, and the names get the rest, 180 pixels or
    more in either language and theme (172 in the light theme, 166 in the dark, and 152
    there once the library was made wider: «ستافان دي مي…»)."""
    from desktop.ui.columns import content_width
    from desktop.ui.entity_model import MENTIONS_COLUMN, NAME_COLUMN

    tree = opened_at_1280.sidebar.tree
    header = tree.header()
    counts = [header.sectionSize(c) for c in (DOCUMENTS_COLUMN, MENTIONS_COLUMN)]
    assert counts == [content_width(tree, c) for c in (DOCUMENTS_COLUMN, MENTIONS_COLUMN)]
    assert header.sectionSize(NAME_COLUMN) == tree.viewport().width() - sum(counts)
    assert header.sectionSize(NAME_COLUMN) >= 180


class _OutletAnswers:
    """The outlet editor's questions answered from a script, and what it asked kept."""

    def __init__(self, *answers: str | bool | None) -> None:
        self.answers = list(answers)
        self.asked: list[tuple[str, ...]] = []
        self.errors: list[str] = []

    def _next(self, *question: str) -> str | bool | None:
        self.asked.append(question)
        return self.answers.pop(0)

    def ask_text(self, title: str, label: str, default: str = "") -> str | None:
        answer = self._next(title, label, default)
        assert answer is None or isinstance(answer, str)
        return answer

    def ask_item(self, title: str, label: str, items: Sequence[str]) -> str | None:
        answer = self._next(title, label, *items)
        assert answer is None or isinstance(answer, str)
        return answer

    def ask_name(
        self, title: str, label: str, names: Sequence[str], default: str = ""
    ) -> str | None:
        answer = self._next(title, label, default, *names)
        assert answer is None or isinstance(answer, str)
        return answer

    def confirm(self, title: str, text: str) -> bool:
        answer = self._next(title, text)
        assert isinstance(answer, bool)
        return answer

    def error(self, _title: str, text: str) -> None:
        self.errors.append(text)


def _outlet_counts(store: Store) -> dict[str, int]:
    return {o.name: o.documents for o in store.outlets()}


def test_articles_imported_without_an_outlet_are_given_one_in_the_library(  # type: ignore[no-untyped-def]
    tapp: TabayunApp, qtbot
) -> None:
    """Texts imported without metadata had no outlet, and only the command line could
    give them one: «Set outlet…» on the library's menu asks which (the corpus's outlets
    offered, any other name typed), a name the outlet directory knows is that outlet,
    and the library, its outlet filter and the counts show it."""
    window, store = tapp.window, tapp.store
    assert window is not None
    unknown = [doc(store, "000"), doc(store, "001")]
    assert {r.outlet for r in store.documents(ids=unknown)} == {None}
    answers = _OutletAnswers("عنب بلدي")
    window.outlet_editor.dialogs = answers
    _select_rows(window, unknown)
    with qtbot.waitSignal(window.outlet_editor.outlets_changed, timeout=10_000):
        window.library.build_context_menu().actions()[0].trigger()
    assert answers.asked == [
        ("Set outlet", "Outlet of the 2 selected documents:", "", "SANA", "UN News")
    ]
    assert {r.outlet for r in store.documents(ids=unknown)} == {"Enab Baladi"}
    assert _outlet_counts(store) == {"Enab Baladi": 2, "SANA": 1, "UN News": 1}
    combo = window.library.outlet_combo
    assert [combo.itemText(i) for i in range(combo.count())][1] == "Enab Baladi (2)"
    assert "3 outlets" in window.counts_label.text()
    assert window.statusBar().currentMessage() == "2 documents given the outlet «عنب بلدي»"

    # the last document moved out of an outlet no one edited takes the outlet with it
    un = doc(store, "002")
    window.outlet_editor.dialogs = answers = _OutletAnswers("SANA")
    _select_rows(window, [un])
    with qtbot.waitSignal(window.outlet_editor.outlets_changed, timeout=10_000):
        window.outlet_editor.set_action.trigger()
    assert answers.asked[0][1:3] == (
        "Outlet of «سوريا: ستيفان دي مستورا متفائل بحذر بعودة الهدنة إلى مسارها»:",
        "UN News",
    )
    assert _outlet_counts(store) == {"Enab Baladi": 2, "SANA": 2}
    said = window.statusBar().currentMessage()
    assert said == "1 document given the outlet «SANA» · left without documents, removed: UN News"

    # given the outlet it has: nothing moves, and the status bar says so
    window.outlet_editor.dialogs = answers = _OutletAnswers("Enab Baladi")
    _select_rows(window, unknown)
    with qtbot.waitSignal(window.outlet_editor.outlets_changed, timeout=10_000):
        window.outlet_editor.set_action.trigger()
    assert answers.asked[0][2] == "Enab Baladi"  # the outlet they share, offered first
    assert window.statusBar().currentMessage() == "The documents had that outlet already"
    assert answers.errors == []


def test_renaming_an_outlet_onto_another_asks_before_merging_them(  # type: ignore[no-untyped-def]
    tapp: TabayunApp, qtbot
) -> None:
    """«Rename outlet…» renames the outlet the library is filtered by, or the one the
    user picks; the name of another outlet merges the two once the user agrees, and the
    library and a comparison of the outlet gone follow."""
    window, store = tapp.window, tapp.store
    assert window is not None
    combo = window.library.outlet_combo
    combo.setCurrentIndex(combo.findText("UN News (1)"))
    editor = window.outlet_editor
    # answered no: nothing changes
    editor.dialogs = answers = _OutletAnswers("SANA", False)
    editor.rename_action.trigger()
    tapp.settle()
    assert answers.asked[0] == ("Rename outlet", "New name of «UN News»:", "UN News")
    assert answers.asked[1][1].startswith("«SANA» is the name of another outlet. Merge «UN News»")
    assert _outlet_counts(store) == {"SANA": 1, "UN News": 1}

    window.compare_view.compare_outlets(*(o.id for o in store.outlets()))
    editor.dialogs = answers = _OutletAnswers("SANA", True)
    with qtbot.waitSignal(editor.outlets_changed, timeout=10_000):
        editor.rename_action.trigger()
    assert _outlet_counts(store) == {"SANA": 2}
    assert window.statusBar().currentMessage() == "«UN News» merged into «SANA»: 2 documents now"
    assert window.compare_view.outlet_ids is None  # one of the two outlets is gone
    assert [combo.itemText(i) for i in range(combo.count())] == [
        "All outlets",
        "SANA (2)",
    ]

    # with no outlet chosen in the library, the user picks the one to rename
    editor.dialogs = answers = _OutletAnswers("SANA", "سانا")
    with qtbot.waitSignal(editor.outlets_changed, timeout=10_000):
        editor.rename_action.trigger()
    assert answers.asked[0] == ("Rename outlet", "Outlet to rename:", "SANA")
    assert _outlet_counts(store) == {"سانا": 2}
    assert answers.errors == []


def test_outlets_are_not_edited_while_an_import_writes_them(tapp: TabayunApp) -> None:
    window = tapp.window
    assert window is not None
    editor = window.outlet_editor
    window.importer.running_changed.emit(True)
    assert not editor.set_action.isEnabled() and not editor.rename_action.isEnabled()
    editor.dialogs = answers = _OutletAnswers()
    _select_rows(window, [doc(tapp.store, "000")])
    editor.set_outlet()
    editor.rename()
    assert answers.asked == []  # nothing asked while held
    window.importer.running_changed.emit(False)
    assert editor.set_action.isEnabled() and editor.rename_action.isEnabled()


def test_the_window_s_modules_import_none_of_the_engines() -> None:
    """The import and analysis engines are imported when a job first runs, not with the
    window: the outlet editor importing them at the top made the start 0.2 s slower."""
    code = (
        "import sys; import desktop.ui.app, desktop.ui.main_window; "
        "engines = [m for m in ('desktop.importing', 'desktop.analysing', 'desktop.services') "
        "if m in sys.modules]; assert not engines, engines"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert proc.returncode == 0, proc.stderr


def test_the_import_dialog_offers_every_kind_of_file_the_import_reads(tapp: TabayunApp) -> None:
    """RAR and 7z archives were read, but the file dialog's filter did not offer them
    (nor .ndjson, .xhtml, .tar.xz…): a user saw no .rar file to pick."""
    from desktop.corpus.readers import ARTICLE_EXTS, COMPRESSED_EXTS

    window = tapp.window
    assert window is not None
    articles, everything = window.import_filter().split(";;")
    offered = set(articles[articles.index("(") + 1 : articles.index(")")].split())
    assert {"*.rar", "*.7z", "*.zip", "*.tar.gz", "*.tgz"} <= offered
    assert {f"*{ext}" for ext in ARTICLE_EXTS | COMPRESSED_EXTS} <= offered
    assert everything == "All files (*)"


def test_fitted_columns_measure_rows_that_come_in_batches_once(qapp, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """The entity list reads each type's first page as it expands it after a refresh,
    and each batch of rows measured the count columns again: the sidebar's refresh at
    30,000 articles went from 22.8 to 47.7 ms. Rows that come in batches at once are
    measured once they are all in, before the view is next painted."""
    from PySide6.QtGui import QStandardItem, QStandardItemModel
    from PySide6.QtWidgets import QTableView

    import desktop.ui.columns as columns

    model = QStandardItemModel(0, 2)
    view = QTableView()
    view.setModel(model)
    fitted = columns.FittedColumns(view, [1])
    calls = count_calls(monkeypatch, columns, "content_width")
    for count in ("12", "1,234", "7"):  # three pages read in one go
        model.appendRow([QStandardItem("وفد الجمهورية العربية السورية"), QStandardItem(count)])
    assert calls["content_width"] == 0
    QApplication.processEvents()
    assert calls["content_width"] == 1
    assert view.horizontalHeader().sectionSize(1) == columns.content_width(view, 1)
    assert fitted.natural_width(1) == columns.content_width(view, 1)
