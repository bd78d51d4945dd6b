"""Lines of parts between separators: wrapped between parts with no separator at either
end of a line (the article's figures above it, the actor's summary), or kept to one line
with the title cut short (the compare view's sides)."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel

from desktop.store.store import Store
from desktop.ui.bidi import plain
from desktop.ui.document_pane import DocumentPane
from desktop.ui.labels import PartsLabel, wrap_parts


def _lines(label: QLabel) -> list[str]:
    return [plain(line) for line in label.text().split("\n")]


def assert_wrapped_between_parts(label: PartsLabel, separator: str) -> None:
    lines = _lines(label)
    assert len(lines) > 1  # narrow enough to wrap
    for line in lines:
        # «· 7 quotations» began the second line
        assert not line.strip().startswith("·") and not line.strip().endswith("·"), lines
        assert label.fontMetrics().horizontalAdvance(line) <= label.contentsRect().width()
    # every part whole, in order
    assert [p for line in lines for p in line.split(separator)] == label.parts()
    assert label.height() >= len(lines) * label.fontMetrics().lineSpacing()


def test_parts_are_wrapped_between_parts_and_kept_whole() -> None:
    parts = ["SANA", "2017-07-10", "484 words", "57 mentions", "7 quotations"]

    def measure(text: str) -> int:
        return len(plain(text))

    lines = wrap_parts(parts, 30, measure, " · ")
    assert lines == [["SANA", "2017-07-10", "484 words"], ["57 mentions", "7 quotations"]]
    assert wrap_parts(parts, 1000, measure, " · ") == [parts]
    # a part longer than the line stands alone
    assert wrap_parts(["a", "b" * 20, "c"], 10, measure, " · ") == [["a"], ["b" * 20], ["c"]]
    assert wrap_parts([], 10, measure, " · ") == []


def test_an_articles_figures_wrap_with_no_dot_starting_a_line(qtbot, analysed: Store) -> None:  # type: ignore[no-untyped-def]
    """The figures above an article in the compare view's narrow sides wrapped with
    «· 7 quotations» at the start of the next line."""
    pane = DocumentPane(analysed)
    qtbot.addWidget(pane)
    pane.resize(330, 600)
    pane.show()
    qtbot.waitExposed(pane)
    sana = next(r.id for r in analysed.documents() if r.stem.startswith("003"))
    pane.show_document(sana)
    # taller for its second line
    line = pane.meta.fontMetrics().lineSpacing()
    qtbot.waitUntil(lambda: pane.meta.height() >= len(pane.meta.text().split("\n")) * line > line)
    assert_wrapped_between_parts(pane.meta, "\u00a0\u00a0·\u00a0\u00a0")
    assert _lines(pane.meta)[-1].endswith("7\u00a0quotations")
    # wide enough, one line
    pane.resize(1000, 600)
    qtbot.waitUntil(lambda: "\n" not in pane.meta.text())
    assert plain(pane.meta.text()).split("\u00a0\u00a0·\u00a0\u00a0") == pane.meta.parts()
