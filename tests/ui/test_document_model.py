from __future__ import annotations

from PySide6.QtCore import Qt

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


def test_search_results_are_measured_once_and_never_painted_stale(qtbot, seeded_store) -> None:  # type: ignore[no-untyped-def]
    """The results list lays each snippet out once for its width (measuring and painting
    share it), and a new search never shows the last one's laid-out snippets; the outlet
    has a line of its own (a Latin name is not broken across the title's last line)."""
    from PySide6.QtWidgets import QListView, QStyleOptionViewItem

    from desktop.search import search
    from desktop.ui.document_model import SearchResultsModel, SnippetHtmlRole
    from desktop.ui.library import HtmlDelegate

    model = SearchResultsModel()
    view = QListView()
    qtbot.addWidget(view)
    view.setModel(model)
    delegate = HtmlDelegate(SnippetHtmlRole, view)
    delegate.watch(model)
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
