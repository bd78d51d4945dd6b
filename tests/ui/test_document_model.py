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
