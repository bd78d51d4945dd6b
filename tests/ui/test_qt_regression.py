"""PySide6 6.12.0 on CPython 3.11 aborted after ~13,000 calls of a void-returning method
(None's reference count ran out). Highlighting spans in a long document makes that many
calls; this keeps the pinned Qt honest."""

from __future__ import annotations

from PySide6.QtGui import QTextCursor, QTextDocument


def test_a_hundred_thousand_void_calls_survive(qapp) -> None:  # type: ignore[no-untyped-def]
    doc = QTextDocument()
    doc.setPlainText("قال ستافان دي ميستورا مبعوث الأمم المتحدة الخاص إلى سوريا " * 50)
    cursor = QTextCursor(doc)
    length = doc.characterCount() - 1
    for i in range(100_000):
        cursor.setPosition(i % length)
    assert cursor.position() == 99_999 % length
