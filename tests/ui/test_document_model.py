from __future__ import annotations

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QImage, QPalette
from PySide6.QtWidgets import QApplication, QListView
from pytestqt.qtbot import QtBot

from desktop.store.store import Store
from desktop.ui.document_model import DocIdRole, DocumentTableModel, SortRole, is_rtl


def test_model_passes_qtmodeltester(qtmodeltester, seeded_store) -> None:  # type: ignore[no-untyped-def]
    model = DocumentTableModel()
    model.set_rows(seeded_store.documents())
    qtmodeltester.check(model, force_py=True)
    assert model.rowCount() == 5


def test_model_exposes_rows_and_roles(seeded_store) -> None:  # type: ignore[no-untyped-def]
    model = DocumentTableModel()
    rows = seeded_store.documents()
    model.set_rows(rows)
    sana = next(r for r in rows if r.outlet == "SANA")
    i = model.row_for_id(sana.id)
    assert i is not None
    assert model.index(i, 1).data() == "SANA"
    assert model.index(i, 0).data(DocIdRole) == sana.id
    assert model.index(i, 3).data(SortRole) == sana.word_count
    align = Qt.AlignmentFlag(model.index(i, 0).data(Qt.ItemDataRole.TextAlignmentRole))
    assert align & Qt.AlignmentFlag.AlignRight  # Arabic titles sit on the right


def test_is_rtl_by_first_strong_character() -> None:
    assert is_rtl("2254 قرار مجلس الأمن")
    assert not is_rtl("UN News عربي")
    assert is_rtl("«المعارضة»")


def test_search_results_model(qtmodeltester, seeded_store) -> None:  # type: ignore[no-untyped-def]
    from desktop.search import search
    from desktop.ui.document_model import SearchResultsModel, SnippetHtmlRole

    model = SearchResultsModel()
    model.set_hits(search(seeded_store, "جنيف"))
    qtmodeltester.check(model, force_py=True)
    assert model.rowCount() == 3
    html_snippet = model.index(0, 0).data(SnippetHtmlRole)
    assert "<b style=" in html_snippet and "جنيف" in html_snippet
    assert model.index(0, 0).data(DocIdRole) == model.hit(0).row.id
    # a hit in the title is marked in the title too
    model.set_hits(search(seeded_store, "متفائل"))
    html_title = model.index(0, 0).data(SnippetHtmlRole)
    assert html_title.startswith(
        "<div dir='rtl'><b>سوريا: ستيفان دي مستورا <b style='background:#ffe082;color:#000'>"
        "متفائل</b> بحذر"
    )


def test_events_model(qtmodeltester, seeded_store) -> None:  # type: ignore[no-untyped-def]
    from desktop.analysing import analyse_documents
    from desktop.ui.events_view import EventsModel

    analyse_documents(seeded_store)
    docs = {r.id: r for r in seeded_store.documents()}
    rows = [(e, docs[e.document_id]) for e in seeded_store.events_for()]
    model = EventsModel()
    model.set_rows(rows)
    qtmodeltester.check(model, force_py=True)
    types = {model.index(r, 1).data() for r in range(model.rowCount())}
    assert {"Talks", "Displacement", "Casualties"} <= types
    outlets = {model.index(r, 5).data() for r in range(model.rowCount())}
    assert {"SANA", "UN News", "(unknown)"} <= outlets


def _results_list(qtbot: QtBot):  # type: ignore[no-untyped-def]
    """A search results model shown in a list view through the library's delegate."""
    from desktop.ui.document_model import SearchResultsModel, SnippetHtmlRole
    from desktop.ui.library import HtmlDelegate

    model = SearchResultsModel()
    view = QListView()
    qtbot.addWidget(view)
    view.setModel(model)
    delegate = HtmlDelegate(SnippetHtmlRole, view)
    delegate.watch(model)
    return model, view, delegate


def test_search_results_are_measured_once_and_never_painted_stale(qtbot, seeded_store) -> None:  # type: ignore[no-untyped-def]
    """The results list lays each snippet out once for its width (measuring and painting
    share it), and a new search never shows the last one's laid-out snippets; the outlet
    has a line of its own (a Latin name is not broken across the title's last line)."""
    from PySide6.QtWidgets import QStyleOptionViewItem

    from desktop.search import search

    model, _view, delegate = _results_list(qtbot)
    option = QStyleOptionViewItem()
    option.rect.setWidth(300)

    def shown(row: int) -> str:
        return delegate._doc(option, model.index(row, 0)).toPlainText()

    model.set_hits(search(seeded_store, "جنيف"))
    first = shown(0)
    assert "جنيف" in first
    assert delegate._doc(option, model.index(0, 0)) is delegate._doc(option, model.index(0, 0))
    outlet = model.hit(0).row.outlet or ""
    assert f"\n{outlet}\n" in first  # a line of its own
    model.set_hits(search(seeded_store, "أستانا"))
    assert shown(0) != first and shown(0).startswith(model.hit(0).row.title)


def _pixels_near(image: QImage, colour: QColor, rect: QRect) -> int:
    """How many pixels of ``rect`` in ``image`` are painted (nearly) in ``colour``."""
    rect = rect.intersected(image.rect())
    count = 0
    for y in range(rect.top(), rect.bottom() + 1):
        for x in range(rect.left(), rect.right() + 1):
            p = image.pixelColor(x, y)
            distance = (
                abs(p.red() - colour.red())
                + abs(p.green() - colour.green())
                + abs(p.blue() - colour.blue())
            )
            count += distance < 60
    return count


@pytest.mark.parametrize("theme", ["dark", "light"])
def test_search_results_are_painted_in_the_themes_text_colours(
    qapp: QApplication, qtbot: QtBot, seeded_store: Store, theme: str
) -> None:
    """The titles, outlets and snippets of the results are painted in the view's palette:
    light on the dark theme's dark background (they were painted near-black on it, in the
    default palette's text colour), dark in the light theme, and the selected row in the
    highlighted text colour."""
    from desktop.search import search
    from desktop.ui.theme import apply_theme

    apply_theme(qapp, theme)
    try:
        model, view, delegate = _results_list(qtbot)
        view.setItemDelegate(delegate)
        view.resize(360, 700)
        view.show()
        qtbot.waitExposed(view)
        model.set_hits(search(seeded_store, "دي ميستورا"))
        assert model.rowCount() == 2
        view.setCurrentIndex(model.index(0, 0))  # the first selected, the second not
        image = view.viewport().grab().toImage()
        palette = view.palette()
        text = palette.color(QPalette.ColorRole.Text)
        highlighted = palette.color(QPalette.ColorRole.HighlightedText)
        if theme == "dark":  # the theme's text is light on a dark background
            assert text.lightness() > 180
            assert palette.color(QPalette.ColorRole.Base).lightness() < 60
        selected = view.visualRect(model.index(0, 0))
        plain = view.visualRect(model.index(1, 0))
        # the glyphs of the title, the outlet and the snippet, not a stray pixel or two
        assert _pixels_near(image, text, plain) > 300, (theme, text.name())
        assert _pixels_near(image, highlighted, selected) > 300, (theme, highlighted.name())
    finally:
        apply_theme(qapp, "light")
