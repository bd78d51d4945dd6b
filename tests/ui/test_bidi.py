"""Cells laid out in their own direction: an Arabic title cut short in the English window
keeps its beginning, with «…» where it ends."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QStyleOptionViewItem, QTableView

from desktop.ui.bidi import OwnDirectionDelegate

LTR, RTL = Qt.LayoutDirection.LeftToRight, Qt.LayoutDirection.RightToLeft
A = Qt.AlignmentFlag


def _option(qtbot, text: str, view_direction: Qt.LayoutDirection, align: A | None = None):  # type: ignore[no-untyped-def]
    model = QStandardItemModel(1, 1)
    item = QStandardItem(text)
    if align is not None:
        item.setData(int(align), Qt.ItemDataRole.TextAlignmentRole)
    model.setItem(0, 0, item)
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    view.setLayoutDirection(view_direction)
    delegate = OwnDirectionDelegate(view)
    option = QStyleOptionViewItem()
    option.initFrom(view)
    delegate.initStyleOption(option, model.index(0, 0))
    return option


@pytest.mark.parametrize(
    ("text", "view", "own"),
    [
        ("عقد وفد الجمهورية العربية السورية جلسة محادثات", LTR, RTL),
        ("SANA", RTL, LTR),
        ("Hawar News (ANHA)", LTR, LTR),
        ("سانا", RTL, RTL),
        ("412", RTL, RTL),  # figures stay where the view puts them
        ("2017-07-10", LTR, LTR),
    ],
)
def test_a_cell_takes_its_texts_direction(qtbot, text: str, view, own) -> None:  # type: ignore[no-untyped-def]
    assert _option(qtbot, text, view).direction == own


def test_a_cell_placed_on_purpose_stays_where_it_was(qtbot) -> None:  # type: ignore[no-untyped-def]
    """Right-aligned in the English window, an Arabic cell stays on the right (as an
    absolute alignment, now that its direction is right to left)."""
    option = _option(qtbot, "بشار الجعفري", LTR, A.AlignRight | A.AlignVCenter)
    assert option.direction == RTL
    assert option.displayAlignment & A.AlignAbsolute
    assert option.displayAlignment & A.AlignRight and not option.displayAlignment & A.AlignLeft
    natural = _option(qtbot, "بشار الجعفري", LTR)
    assert not natural.displayAlignment & A.AlignAbsolute  # leading: where it begins
