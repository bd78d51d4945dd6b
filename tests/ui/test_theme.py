"""The themes: a selected row reads in a view without focus and in a window behind
another, and a header's sort arrow points the same way for the same order, in the light
theme and the dark."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import QColor, QImage, QPalette, QStandardItem, QStandardItemModel
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

from desktop.ui.theme import (
    READABLE,
    apply_theme,
    contrast,
    inactive_selection,
    readable_highlight,
)


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
        # letters with stems some pixels wide: their middle is the text's colour, not
        # a blend of it with the background (a thin letter's may never be)
        font = view.font()
        font.setPointSize(20)
        font.setBold(True)
        view.setFont(font)
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


def test_the_selection_of_the_view_with_focus_reads(qtbot: QtBot, theme: str) -> None:
    """The light theme's selection in the view with focus was Fusion's white on mid
    blue, 3.7:1: the blue is darker now, its text reading on it (4.5:1 at least), in a
    table, a tree and a list, in both themes; told from an unselected row and from the
    selection of a view without focus."""
    _window, edit, views = _views(qtbot)
    for view in views:
        view.setFocus()
        qtbot.waitUntil(view.hasFocus)
        back, text, below = _selected_row(view)
        where = (theme, type(view).__name__, back.name(), text.name())
        assert contrast(text, back) >= READABLE, where
        assert contrast(back, below) >= 1.3, (*where, below.name())
        edit.setFocus()
        qtbot.waitUntil(edit.hasFocus)
        unfocused, _text, _below = _selected_row(view)
        assert contrast(back, unfocused) >= 1.3, (*where, unfocused.name())


def test_the_light_palette_is_the_same_however_often_the_theme_is_chosen(
    qapp: QApplication,
) -> None:
    """Made from the application's base palette each time, not from the one it set
    before (light, dark, light again: the pale blue of an inactive selection would
    have been made from the darker blue)."""
    roles = (QPalette.ColorRole.Highlight, QPalette.ColorRole.HighlightedText)
    groups = (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive)

    def colours() -> list[str]:
        palette = qapp.palette()
        return [palette.color(g, r).name() for g in groups for r in roles]

    apply_theme(qapp, "light")
    first = colours()
    for name in ("dark", "light", "light"):
        apply_theme(qapp, name)
    assert colours() == first
    assert first == ["#2772a1", "#ffffff", "#c1ddee", "#000000"]


def test_a_highlight_is_made_darker_under_light_text_and_lighter_under_dark_text() -> None:
    white, black = QColor("#ffffff"), QColor("#000000")
    darker = readable_highlight(QColor("#308cc6"), white)
    assert contrast(darker, white) >= READABLE
    assert darker.lightnessF() < QColor("#308cc6").lightnessF()
    assert abs(darker.hslHue() - QColor("#308cc6").hslHue()) <= 2
    lighter = readable_highlight(QColor("#308cc6"), black)
    assert lighter == QColor("#308cc6")  # black already reads on it (5.7:1)
    lighter = readable_highlight(QColor("#1a4a6a"), black)
    assert contrast(lighter, black) >= READABLE
    assert lighter.lightnessF() > QColor("#1a4a6a").lightnessF()


def test_an_inactive_selection_is_the_highlight_toned_down_in_a_readable_colour() -> None:
    white, black = QColor("#ffffff"), QColor("#000000")
    back, text = inactive_selection(QColor("#308cc6"), white, black, 0.3)
    assert back.name() == "#c1ddee" and text == black
    # the view's text does not read on it: black or white, whichever reads better
    back, text = inactive_selection(QColor("#346792"), QColor("#19232d"), QColor("#5a5a5a"), 0.6)
    assert text == white and contrast(text, back) >= READABLE


def _header_image(qtbot: QtBot, order: Qt.SortOrder, direction: Qt.LayoutDirection) -> QImage:
    model = QStandardItemModel(3, 2)
    model.setHorizontalHeaderLabels(["Words", "Title"])
    view = QTableView()
    qtbot.addWidget(view)
    view.setLayoutDirection(direction)
    view.setModel(model)
    view.setSortingEnabled(True)
    view.sortByColumn(0, order)
    view.resize(320, 160)
    view.show()
    qtbot.waitExposed(view)
    header = view.horizontalHeader()
    return header.grab().toImage()


@pytest.mark.parametrize(
    "direction", [Qt.LayoutDirection.LeftToRight, Qt.LayoutDirection.RightToLeft]
)
def test_a_header_s_arrow_points_up_for_an_ascending_order_in_both_themes(
    qtbot: QtBot, theme: str, direction: Qt.LayoutDirection
) -> None:
    """Fusion (the light theme) pointed it down, qdarkstyle up: the same order showed
    opposite arrows in the two themes. Up for ascending now in both, as on Windows and
    macOS, left to right and right to left."""
    ascending = _header_image(qtbot, Qt.SortOrder.AscendingOrder, direction)
    descending = _header_image(qtbot, Qt.SortOrder.DescendingOrder, direction)
    assert ascending.size() == descending.size()
    width, height = ascending.width(), ascending.height()
    # the arrows: where the two headers differ
    changed = [
        (x, y)
        for y in range(height)
        for x in range(width)
        if ascending.pixel(x, y) != descending.pixel(x, y)
    ]
    assert changed, theme
    top = min(y for _x, y in changed)
    bottom = max(y for _x, y in changed)
    left = min(x for x, _y in changed)
    right = max(x for x, _y in changed)
    background = QColor.fromRgb(
        Counter(ascending.pixel(x, 1) for x in range(width)).most_common(1)[0][0]
    )

    def ink(image: QImage, y: int) -> int:
        """How wide the arrow is on row ``y``: the pixels unlike the header's."""
        return sum(
            contrast(QColor.fromRgb(image.pixel(x, y)), background) > 1.5
            for x in range(left, right + 1)
        )

    middle = (top + bottom) / 2
    upper = [y for y in range(top, bottom + 1) if y < middle]
    lower = [y for y in range(top, bottom + 1) if y > middle]

    def points_up(image: QImage) -> bool:
        return sum(ink(image, y) for y in upper) < sum(ink(image, y) for y in lower)

    assert points_up(ascending), (theme, direction)
    assert not points_up(descending), (theme, direction)
    # seen on the header: not much fainter than its text
    strongest = max(
        contrast(QColor.fromRgb(ascending.pixel(x, y)), background)
        for x in range(left, right + 1)
        for y in range(top, bottom + 1)
    )
    assert strongest >= 3, (theme, strongest)
