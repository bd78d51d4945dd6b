"""The PDF report as Qt lays it out, on the seed articles 003 (SANA) and 004: right to
left like the HTML it is printed from, its tables mirrored and its titles in order."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QTextBlock, QTextCursor, QTextDocument

from desktop.compare.comparison import Comparison, compare_documents
from desktop.compare.export import to_html
from desktop.store.store import Store
from desktop.ui.reports import page_size, report_document

LINE_BREAK = "\u2028"  # <br>
WRAPPED_TITLE = "قال ستافان دي ميستورا مبعوث الأمم المتحدة الخاص"


def doc_id(store: Store, prefix: str) -> int:
    return next(r.id for r in store.documents() if r.stem.startswith(prefix))


@pytest.fixture
def comparison(qapp, analysed: Store) -> Comparison:  # type: ignore[no-untyped-def]
    return compare_documents(analysed, doc_id(analysed, "003"), doc_id(analysed, "004"))


@pytest.fixture
def report(comparison: Comparison) -> QTextDocument:
    doc = report_document(to_html(comparison, embed_font=False), page_size())
    doc.size()  # laid out to the end
    return doc


def blocks(doc: QTextDocument) -> list[QTextBlock]:
    found, block = [], doc.begin()
    while block.isValid():
        found.append(block)
        block = block.next()
    return found


def block_with(doc: QTextDocument, text: str) -> QTextBlock:
    return next(b for b in blocks(doc) if text in b.text())


def left(doc: QTextDocument, text: str) -> float:
    """Where the first paragraph reading exactly ``text`` begins on the page."""
    block = next(b for b in blocks(doc) if b.text() == text)
    return doc.documentLayout().blockBoundingRect(block).left()


def test_a_right_to_left_table_has_its_first_column_on_the_right(
    report: QTextDocument,
) -> None:
    # the header row: الفاعل first, حصة الصوت last
    assert left(report, "الفاعل") > left(report, "التسميات") > left(report, "حصة الصوت")
    # the A/B table: the side's letter on the right of what it names
    title = block_with(report, WRAPPED_TITLE)
    assert left(report, "A") > report.documentLayout().blockBoundingRect(title).left()
    # an actor's name spans its two rows (A and B) in the last column, right of both
    actor = block_with(report, f"ستافان دي ميستورا{LINE_BREAK}person")
    table = QTextCursor(actor).currentTable()
    cell = table.cellAt(actor.position())
    assert (cell.column(), cell.rowSpan()) == (table.columns() - 1, 2)
    side_a = table.cellAt(cell.row(), table.columns() - 2)
    side_b = table.cellAt(cell.row() + 1, table.columns() - 2)
    assert (
        side_a.firstCursorPosition().block().text(),
        side_b.firstCursorPosition().block().text(),
    ) == ("A", "B")


def test_mirroring_keeps_every_paragraph(comparison: Comparison) -> None:
    html = to_html(comparison, embed_font=False)
    plain, mirrored = QTextDocument(), report_document(html, page_size())
    plain.setHtml(html)
    assert sorted(b.text() for b in blocks(mirrored)) == sorted(b.text() for b in blocks(plain))


def test_a_wrapped_arabic_cell_keeps_its_lines_on_the_right(report: QTextDocument) -> None:
    # «#5», then the title over two lines or more, each line at the cell's right edge
    layout = block_with(report, WRAPPED_TITLE).layout()
    assert layout.lineCount() >= 3
    lines = [layout.lineAt(i) for i in range(layout.lineCount())]
    edge = lines[0].x() + lines[0].width()
    rights = [line.naturalTextRect().right() for line in lines]
    assert rights == pytest.approx([edge] * len(lines), abs=1)
    # the wrapped line is short: set to the left, it would begin at the cell's left edge
    assert lines[-1].naturalTextWidth() < lines[1].naturalTextWidth() - 100


def test_the_title_names_each_side_beside_its_document(
    report: QTextDocument, comparison: Comparison
) -> None:
    label_a, label_b = comparison.a.label, comparison.b.label
    assert label_a.endswith(" SANA") and label_b.startswith("#")
    title = block_with(report, "↔")
    text, line = title.text(), title.layout().lineAt(0)
    assert title.layout().lineCount() == 1

    def centre(part: str, start: int = 0) -> float:
        """The middle of ``part``'s glyphs on the line."""
        runs = line.glyphRuns(text.index(part, start), len(part))
        left = min(run.boundingRect().left() for run in runs)
        right = max(run.boundingRect().right() for run in runs)
        return (left + right) / 2

    arrow = text.index("↔")
    # read from the right: «#4», «SANA», the arrow, «#5» (not «SANA ↔ #5 #4»)
    number_a = label_a.split()[0]
    assert centre(label_b, arrow) < centre("↔") < centre(number_a) < centre("SANA")
