from __future__ import annotations

from PySide6.QtCore import Qt

from desktop.services import ensure_seeded
from desktop.ui.app import build_window, make_settings
from desktop.ui.text_offsets import Utf16Index
from tests.conftest import SEEDS


def test_first_start_imports_seeds_once(store) -> None:  # type: ignore[no-untyped-def]
    report = ensure_seeded(store, SEEDS)
    assert report is not None and len(report.imported) == 5
    assert ensure_seeded(store, SEEDS) is None
    assert store.counts().documents == 5


def test_window_lists_documents_and_shows_the_selected_one_rtl(qtbot, seeded_store) -> None:  # type: ignore[no-untyped-def]
    window = build_window(seeded_store, make_settings())
    qtbot.addWidget(window)
    window.show()
    assert window.model.rowCount() == 5
    sana = next(r for r in seeded_store.documents() if r.outlet == "SANA")
    assert window.library.select_document(sana.id)
    pane = window.document_pane
    assert pane.detail is not None and pane.detail.row.id == sana.id
    doc = pane.browser.document()
    assert doc.toPlainText() == pane.detail.text
    first = doc.firstBlock()
    assert first.blockFormat().layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert "5 documents" in window.counts_label.text()
    # store offsets map onto the Qt document through the one conversion
    text = pane.detail.text
    start = text.index("بشار الجعفري")
    a, b = Utf16Index(text).span(start, start + len("بشار الجعفري"))
    cursor = pane.browser.textCursor()
    cursor.setPosition(a)
    cursor.setPosition(b, cursor.MoveMode.KeepAnchor)
    assert cursor.selectedText() == "بشار الجعفري"


def test_utf16_conversion_counts_astral_characters_twice() -> None:
    text = "قال 😀 دي ميستورا"
    idx = Utf16Index(text)
    i = text.index("دي")
    assert idx.to_utf16(i) == i + 1
    assert idx.to_codepoint(idx.to_utf16(i)) == i
    assert (
        text.encode("utf-16-le")[2 * idx.to_utf16(i) : 2 * idx.to_utf16(i) + 4].decode("utf-16-le")
        == "دي"
    )


def test_smoke_flag_exits_zero(tmp_path) -> None:  # type: ignore[no-untyped-def]
    import subprocess
    import sys

    proc = subprocess.run(
        [sys.executable, "-m", "desktop", "--db", str(tmp_path / "s.db"), "--smoke"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    assert "smoke ok (5 documents" in proc.stdout
