"""The themes: a selected row reads in a view without focus and in a window behind
another, in the light theme and the dark."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QItemSelectionModel
from PySide6.QtGui import QColor, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QLabel,
    QLineEdit,
    QListView,
    QTableView,
    QTreeView,
    QVBoxLayout,
    QWidget,
)
from pytestqt.qtbot import QtBot

from desktop.ui.theme import READABLE, apply_theme, contrast, inactive_selection


@pytest.fixture(params=["light", "dark"])
def theme(qapp: QApplication, request: pytest.FixtureRequest) -> Iterator[str]:
    apply_theme(qapp, request.param)
    yield request.param
    apply_theme(qapp, "light")


def _views(qtbot: QtBot) -> tuple[QWidget, QLineEdit, list[QAbstractItemView]]:
    window = QWidget()
    qtbot.addWidget(window)
    layout = QVBoxLayout(window)
    edit = QLineEdit()
    layout.addWidget(edit)
    views: list[QAbstractItemView] = []
    for kind in (QTableView, QTreeView, QListView):
        model = QStandardItemModel(3, 1, window)
        for row in range(3):
            model.setItem(row, 0, QStandardItem("MMMMMMMMMMMM غير بيدرسون"))
        view = kind()
        view.setModel(model)
        view.selectionModel().setCurrentIndex(
            model.index(1, 0),
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        layout.addWidget(view)
        views.append(view)
    window.resize(420, 600)
    window.show()
    qtbot.waitExposed(window)
    return window, edit, views


def _selected_row(view: QAbstractItemView) -> tuple[QColor, QColor, QColor]:
    """The selected row's background (its commonest colour), its text (the colour
    that stands out most on it) and the background of the row below, unselected."""
    image = view.viewport().grab().toImage()
    ratio = view.viewport().devicePixelRatio()

    def colours(row: int) -> Counter[int]:
        rect = view.visualRect(view.model().index(row, 0))
        found: Counter[int] = Counter()
        for x in range(int((rect.left() + 2) * ratio), int((rect.right() - 1) * ratio)):
            for y in range(int((rect.top() + 2) * ratio), int((rect.bottom() - 1) * ratio)):
                found[image.pixel(x, y)] += 1
        return found

    selected = colours(1)
    back = QColor.fromRgb(selected.most_common(1)[0][0])
    text = max((QColor.fromRgb(p) for p in selected), key=lambda c: contrast(c, back))
    below = QColor.fromRgb(colours(2).most_common(1)[0][0])
    return back, text, below


def test_a_selection_reads_in_a_view_without_focus_and_a_window_behind_another(
    qtbot: QtBot, theme: str
) -> None:
    """The dark theme painted the selection of a view without focus in the grey of a
    row under the mouse, hardly told from the rows around it; the light theme kept white
    on mid blue (3.7:1). Now it is the active selection's colour toned down, told from
    an unselected row, and its text reads on it (4.5:1 at least)."""
    window, edit, views = _views(qtbot)
    views[0].setFocus()
    qtbot.waitUntil(views[0].hasFocus)
    active, _text, _below = _selected_row(views[0])
    edit.setFocus()
    qtbot.waitUntil(edit.hasFocus)
    other = QLabel("another window")
    qtbot.addWidget(other)
    for state in ("view without focus", "window behind another"):
        if state == "window behind another":
            other.show()
            other.activateWindow()
            qtbot.waitUntil(lambda: not window.isActiveWindow())
        for view in views:
            back, text, below = _selected_row(view)
            where = (theme, state, type(view).__name__, back.name(), text.name())
            assert contrast(text, back) >= READABLE, where
            assert contrast(back, below) >= 1.3, (*where, below.name())
            # the active selection's colour, toned down: not a grey
            assert abs(back.hslHue() - active.hslHue()) < 20, (*where, active.name())
            assert back.hslSaturation() > 60, where


def test_an_inactive_selection_is_the_highlight_toned_down_in_a_readable_colour() -> None:
    white, black = QColor("#ffffff"), QColor("#000000")
    back, text = inactive_selection(QColor("#308cc6"), white, black, 0.3)
    assert back.name() == "#c1ddee" and text == black
    # the view's text does not read on it: black or white, whichever reads better
    back, text = inactive_selection(QColor("#346792"), QColor("#19232d"), QColor("#5a5a5a"), 0.6)
    assert text == white and contrast(text, back) >= READABLE
