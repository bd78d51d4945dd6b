"""The events view: nothing read until it is shown, then the store's events a page at a
time, sorted and filtered by the store, on the analysed seed articles."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from desktop.store.store import Store
from desktop.ui.events_view import DocIdRole, EventsModel, EventsView, OffsetRole
from desktop.ui.palette import event_type_name
from desktop.ui.workers import TaskRunner
from tests.ui.calls import count_calls
from tests.ui.tabs import behind_another_tab

_FAR = dt.date(9999, 12, 31)


READS = ("event_page", "event_count", "events_for", "documents")


def _shown_view(qtbot, store: Store, runner: TaskRunner) -> EventsView:  # type: ignore[no-untyped-def]
    view = EventsView(store, runner)
    qtbot.addWidget(view)
    view.resize(1000, 600)
    view.show()
    qtbot.waitExposed(view)
    return view


def expected_order(store: Store) -> list[int]:
    """Event ids by date (the event's, else its document's, undated last), then id."""
    docs = {r.id: r for r in store.documents()}
    events = store.events_for()
    key = {e.id: ((e.date or docs[e.document_id].published or _FAR), e.id) for e in events}
    return sorted(key, key=key.__getitem__)


def test_a_hidden_view_reads_nothing_until_it_is_shown(
    qtbot, analysed: Store, runner: TaskRunner, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    calls = count_calls(monkeypatch, analysed, *READS)
    view = EventsView(analysed, runner)
    host = behind_another_tab(qtbot, view, "events")
    view.refresh()  # what the window does after an import or an edit
    view.refresh()
    assert not view.isVisible() and view.stale
    assert sum(calls.values()) == 0 and view.model.rowCount() == 0

    host.setCurrentWidget(view)
    assert view.isVisible() and not view.stale
    assert calls["event_page"] == 1 and calls["event_count"] == 1
    assert calls["events_for"] == 0 and calls["documents"] == 0  # not the whole corpus
    total = len(analysed.events_for())
    assert view.model.total == total and view.count.text() == f"{total} events"

    # shown again without a change in between: no new reads
    host.setCurrentIndex(0)
    host.setCurrentWidget(view)
    assert calls["event_page"] == 1
    # a change while shown is read at once
    view.refresh()
    assert calls["event_page"] == 2


def test_shown_events_are_the_stores_in_date_order(
    qtbot, analysed: Store, runner: TaskRunner
) -> None:  # type: ignore[no-untyped-def]
    view = _shown_view(qtbot, analysed, runner)
    model = view.model
    while model.canFetchMore():
        model.fetchMore()
    assert model.rowCount() == model.total == len(analysed.events_for())
    shown = [model.event_at(r).id for r in range(model.rowCount())]
    assert shown == expected_order(analysed)
    types = {model.index(r, 1).data() for r in range(model.rowCount())}
    assert {"Talks", "Displacement", "Casualties"} <= types
    outlets = {model.index(r, 5).data() for r in range(model.rowCount())}
    assert {"SANA", "UN News", "(unknown)"} <= outlets
    # Arabic triggers and participants as the analysis found them
    talks = next(e for e in analysed.events_for() if e.type == "talks" and e.participants)
    row = next(r for r in range(model.rowCount()) if model.event_at(r).id == talks.id)
    assert model.index(row, 2).data() == talks.trigger
    assert any("\u0600" <= ch <= "\u06ff" for ch in talks.trigger)
    assert model.index(row, 3).data() == "، ".join(n for _i, n, _t in talks.participants)
    assert model.index(row, 0).data(DocIdRole) == talks.document_id
    assert model.index(row, 0).data(OffsetRole) == talks.start


def test_the_model_fetches_pages_as_the_view_asks(qtmodeltester, analysed: Store) -> None:  # type: ignore[no-untyped-def]
    model = EventsModel(page_size=3)
    model.load(analysed)
    assert model.rowCount() == 3 and model.canFetchMore()
    qtmodeltester.check(model, force_py=True)
    while model.canFetchMore():
        model.fetchMore()
    ids = [model.event_at(r).id for r in range(model.rowCount())]
    assert ids == expected_order(analysed)
    assert len(set(ids)) == model.total
    qtmodeltester.check(model, force_py=True)


def test_header_sorts_in_the_store_and_the_type_filter_narrows(
    qtbot, analysed: Store, runner: TaskRunner
) -> None:  # type: ignore[no-untyped-def]
    view = EventsView(analysed, runner)
    view.model.page_size = 4
    qtbot.addWidget(view)
    view.show()
    qtbot.waitExposed(view)
    header = view.view.horizontalHeader()
    header.setSortIndicator(5, Qt.SortOrder.DescendingOrder)  # a click on "Outlet"
    assert view.model.sort_order() == (5, Qt.SortOrder.DescendingOrder)
    model = view.model
    while model.canFetchMore():
        model.fetchMore()
    outlets = [model.document_at(r).outlet or "" for r in range(model.rowCount())]
    assert outlets == sorted(outlets, reverse=True) and outlets[0] == "UN News"
    # participants cannot be sorted by: the order in force stays, and so does its arrow
    header.setSortIndicator(3, Qt.SortOrder.AscendingOrder)
    assert view.model.sort_order() == (5, Qt.SortOrder.DescendingOrder)
    assert header.sortIndicatorSection() == 5

    talks = view.type_combo.findData("talks")
    view.type_combo.setCurrentIndex(talks)
    while model.canFetchMore():
        model.fetchMore()
    n = sum(1 for e in analysed.events_for() if e.type == "talks")
    assert n > 0 and model.rowCount() == model.total == n
    assert {model.index(r, 1).data() for r in range(n)} == {event_type_name("talks")}
    assert view.count.text() == f"{n} events"


def test_double_clicking_an_event_opens_its_document(
    qtbot, analysed: Store, runner: TaskRunner
) -> None:  # type: ignore[no-untyped-def]
    view = _shown_view(qtbot, analysed, runner)
    index = view.model.index(0, 2)
    event = view.model.event_at(0)
    pos = view.view.visualRect(index).center()
    with qtbot.waitSignal(view.open_document, timeout=5_000) as blocker:
        qtbot.mouseClick(view.view.viewport(), Qt.MouseButton.LeftButton, pos=pos)
        qtbot.mouseDClick(view.view.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    assert blocker.args == [event.document_id, event.start]


def test_an_undated_event_shows_it_has_no_date_and_the_words_it_could_not_place(
    qtbot, analysed: Store, runner: TaskRunner
) -> None:  # type: ignore[no-untyped-def]
    """The seed articles have no dates: «الأربعاء» stood in the date column as if it were
    one, among «—», in a table said to be in date order; the tooltip showed a dict."""
    view = _shown_view(qtbot, analysed, runner)
    model = view.model
    while model.canFetchMore():
        model.fetchMore()
    worded = [
        r
        for r in range(model.rowCount())
        if model.event_at(r).date is None and model.event_at(r).date_text
    ]
    assert worded
    for r in worded:
        event = model.event_at(r)
        assert model.index(r, 0).data() == f"—  «{event.date_text}»"
        tip = model.index(r, 0).data(Qt.ItemDataRole.ToolTipRole)
        assert f"no date to place «{event.date_text}» in time" in tip
    for r in range(model.rowCount()):
        assert "{" not in model.index(r, 2).data(Qt.ItemDataRole.ToolTipRole)


def test_an_event_the_text_denies_shows_the_words_that_deny_it(qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    """«اتفاق» alone in the trigger column read as an agreement reached."""
    from desktop.store.rows import DocumentRow, EventRow

    doc = DocumentRow(1, "a", "جولة أستانا", 1, "SANA", None, None, None, "a.txt", 60, 10)
    denied = EventRow(1, 1, "agreement", "اتفاق", 30, 35, None, None, None, None, [], 0,
                      {"negated": "دون التوصل إلى"})  # fmt: skip
    reached = EventRow(2, 1, "agreement", "اتفاق", 50, 55, None, None, None, None, [], 1)
    asked = EventRow(3, 1, "ceasefire", "وقف إطلاق النار", 70, 85, None, None, None, None, [],
                     2, {"wished": "وطالب المجلس ب"})  # fmt: skip
    model = EventsModel()
    model.set_rows([(denied, doc), (reached, doc), (asked, doc)])
    qtmodeltester.check(model)
    assert model.index(0, 2).data() == "دون التوصل إلى اتفاق"
    assert model.index(1, 2).data() == "اتفاق"
    assert model.index(2, 2).data() == "وطالب المجلس بوقف إطلاق النار"  # as written


def test_an_event_to_come_shows_the_words_that_say_so_and_its_tip_them_whole(
    qtmodeltester,
) -> None:  # type: ignore[no-untyped-def]
    """«الجولة المقبلة» read as talks held; a narrow trigger column cut the words."""
    from desktop.store.rows import DocumentRow, EventRow

    doc = DocumentRow(1, "a", "جولة جديدة", 1, "SANA", None, None, None, "a.txt", 60, 10)
    people = [(1, "سيرغي لافروف", "person"), (2, "مولود جاويش أوغلو", "person")]
    before = EventRow(1, 1, "talks", "الجولة المقبلة", 30, 45, None, None, None, None, people,
                      0, {"planned": "ومن المقرر أن تعقد "})  # fmt: skip
    after = EventRow(2, 1, "talks", "المحادثات", 50, 59, None, None, None, None, [], 1,
                     {"planned": " السورية القادمة"})  # fmt: skip
    model = EventsModel()
    model.set_rows([(before, doc), (after, doc)])
    qtmodeltester.check(model)
    assert model.index(0, 2).data() == "ومن المقرر أن تعقد الجولة المقبلة"
    assert model.index(1, 2).data() == "المحادثات السورية القادمة"
    tip = Qt.ItemDataRole.ToolTipRole
    assert model.index(0, 2).data(tip) == "ومن المقرر أن تعقد الجولة المقبلة\nجولة جديدة"
    assert model.index(0, 3).data(tip) == "سيرغي لافروف، مولود جاويش أوغلو\nجولة جديدة"
    assert model.index(1, 3).data(tip) == "جولة جديدة"


def test_a_narrow_view_keeps_room_for_the_participants(
    qtbot, analysed: Store, runner: TaskRunner
) -> None:  # type: ignore[no-untyped-def]
    """At 1280 × 720 the participants had 35 pixels («ticipa» in their header): the fixed
    columns took the rest."""
    from desktop.ui.events_view import COLUMN_MINIMUMS, COLUMN_WIDTHS, PARTICIPANTS_MIN

    view = _shown_view(qtbot, analysed, runner)
    header = view.view.horizontalHeader()
    view.resize(640, 400)
    least = view.view.least
    qtbot.waitUntil(lambda: header.sectionSize(3) >= view.view.participants_least)
    assert view.view.participants_least <= PARTICIPANTS_MIN
    assert all(header.sectionSize(c) >= least[c] for c in (0, 1, 2, 4, 5))
    assert all(least[c] == COLUMN_MINIMUMS[c] for c in (0, 1, 5))
    date = view.view.fontMetrics().horizontalAdvance("2011-12-27")
    assert header.sectionSize(0) > date + 8  # a date shows whole
    view.resize(1400, 600)  # wide again: the columns have their widths back
    wanted = view.view.wanted
    qtbot.waitUntil(lambda: header.sectionSize(0) == wanted[0])
    assert [header.sectionSize(c) for c in (1, 2, 4, 5)] == [wanted[c] for c in (1, 2, 4, 5)]
    assert header.sectionSize(3) > COLUMN_WIDTHS[3]


@pytest.mark.parametrize("room", [0, 100, 340, 380, 420, 495, 800])
def test_fitted_widths_fill_the_room_none_below_its_least(room: int) -> None:
    from desktop.ui.events_view import COLUMN_MINIMUMS, COLUMN_WIDTHS, fitted_widths

    widths = fitted_widths(room)
    assert sorted(widths) == [0, 1, 2, 4, 5]
    assert all(COLUMN_MINIMUMS[c] <= w <= COLUMN_WIDTHS[c] for c, w in widths.items())
    least = sum(COLUMN_MINIMUMS[c] for c in widths)
    full = sum(COLUMN_WIDTHS[c] for c in widths)
    # within the room when it can be, whole when it fits, all at their least when not
    assert sum(widths.values()) == max(least, min(full, room)) or (
        least <= room < full and room - len(widths) <= sum(widths.values()) <= room
    )


def test_the_trigger_and_the_place_give_up_their_room_first() -> None:
    from desktop.ui.events_view import COLUMN_MINIMUMS, fitted_widths

    wanted = {0: 150, 1: 95, 2: 140, 4: 70, 5: 120}
    assert fitted_widths(sum(wanted.values()), wanted) == wanted
    # 80 pixels short: the trigger's 68 above its least, then 12 of the place's
    narrower = fitted_widths(sum(wanted.values()) - 80, wanted)
    assert narrower == {**wanted, 2: COLUMN_MINIMUMS[2], 4: 58}
    # shorter still: the others too, in proportion
    narrowest = fitted_widths(sum(wanted.values()) - 150, wanted)
    assert all(narrowest[c] < wanted[c] for c in (0, 1, 5))
    assert narrowest[2] == COLUMN_MINIMUMS[2] and narrowest[4] == COLUMN_MINIMUMS[4]


@pytest.mark.parametrize("width", [548, 512])
@pytest.mark.parametrize("theme", ["light", "dark"])
@pytest.mark.parametrize("language", ["en", "ar"])
def test_the_columns_show_their_header_and_the_rows_in_view_whole(
    qtbot, analysed: Store, runner: TaskRunner, language: str, theme: str, width: int
) -> None:  # type: ignore[no-untyped-def]
    """In the room the view has as the window opens at 1280 × 800 (548 pixels here, 512
    on a screen whose window manager takes some), the date (an undated event's words:
    «—  «الثلاثاء الماضي»» was cut), the type («Displacement», «وقف إطلاق النار») and the
    outlet are as wide as their header and the cells of the rows in view, margins
    included; the trigger may be cut (its tooltip has it whole), the participants keep
    the width of their header. In the dark theme, whose table is a few pixels narrower,
    the trigger kept a fixed least wider than its header while all the others were cut
    a few pixels short («(unknow…»)."""
    from PySide6.QtWidgets import QApplication

    from desktop.ui.columns import header_text_width
    from desktop.ui.fonts import narrow_the_least_column_width, use_ui_font
    from desktop.ui.i18n import Language
    from desktop.ui.theme import apply_theme

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    font = app.font()
    use_ui_font(app)
    window_language = Language(app)
    window_language.apply(language)
    apply_theme(app, theme)
    try:
        view = EventsView(analysed, runner)
        qtbot.addWidget(view)
        view.resize(530, 640)
        view.show()
        qtbot.waitExposed(view)
        table, header, model = view.view, view.view.horizontalHeader(), view.model
        narrow_the_least_column_width(header)  # as the window does
        view.resize(width, 640)
        assert model.rowCount() > 10
        participants = header_text_width(table, 3)
        qtbot.waitUntil(lambda: header.sectionSize(3) >= participants)
        # the cells' text and the margins the style draws round it, and the header
        needed = {
            c: max(table.sizeHintForColumn(c), header_text_width(table, c)) for c in (0, 1, 5)
        }
        least = table.least
        if sum(needed.values()) + least[2] + least[4] + participants <= table.viewport().width():
            for column, need in needed.items():  # room for them: shown whole
                assert header.sectionSize(column) >= need, (column, need)
        else:  # (the Arabic window's dark theme at 512: 6 pixels short)
            assert header.sectionSize(2) == least[2] and header.sectionSize(4) == least[4]
        assert sum(header.sectionSize(c) for c in range(6)) <= table.viewport().width()
    finally:
        apply_theme(app, "light")
        window_language.apply("en")
        app.setFont(font)


def test_a_width_the_user_dragged_is_kept_when_the_events_are_read_again(
    qtbot, analysed: Store, runner: TaskRunner
) -> None:  # type: ignore[no-untyped-def]
    """Each filter or sort fits the columns to the rows in view: a column the user had
    dragged wider went back to the width of its rows."""
    view = _shown_view(qtbot, analysed, runner)
    view.resize(1400, 600)
    header = view.view.horizontalHeader()
    qtbot.waitUntil(lambda: view.model.rowCount() > 0)
    fitted = header.sectionSize(4)
    header.resizeSection(4, fitted + 90)  # as a drag of its edge does
    view.type_combo.setCurrentIndex(1)  # a filter: the rows are read again
    view.type_combo.setCurrentIndex(0)
    view.model.sort(1, Qt.SortOrder.DescendingOrder)
    qtbot.wait(50)
    assert header.sectionSize(4) == fitted + 90
    assert view.view.dragged == {4}


@pytest.mark.parametrize("rtl", [False, True])
def test_the_date_column_keeps_to_the_windows_leading_edge(qtbot, rtl: bool) -> None:  # type: ignore[no-untyped-def]
    """In the English window an undated event's words («—  «الأربعاء»») stood at the
    column's right edge, the dates above and below them at its left: every cell of the
    column is now at the window's leading edge, its Arabic still laid out right to left."""
    from PySide6.QtWidgets import QApplication, QStyleOptionViewItem, QTableView

    from desktop.store.rows import DocumentRow, EventRow
    from desktop.ui.bidi import OwnDirectionDelegate

    doc = DocumentRow(1, "a", "جولة أستانا", 1, "SANA", None, None, None, "a.txt", 60, 10)
    dated = EventRow(1, 1, "talks", "محادثات", 0, 7, dt.date(2017, 5, 4), None, None, None, [], 0)
    undated = EventRow(2, 1, "talks", "محادثات", 9, 16, None, "الأربعاء", None, None, [], 1)
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    app.setLayoutDirection(
        Qt.LayoutDirection.RightToLeft if rtl else Qt.LayoutDirection.LeftToRight
    )
    try:
        model = EventsModel()
        model.set_rows([(dated, doc), (undated, doc)])
        table = QTableView()
        qtbot.addWidget(table)
        table.setModel(model)
        delegate = OwnDirectionDelegate(table)
        edge = Qt.AlignmentFlag.AlignRight if rtl else Qt.AlignmentFlag.AlignLeft
        for row in (0, 1):
            option = QStyleOptionViewItem()
            option.initFrom(table)
            delegate.initStyleOption(option, model.index(row, 0))
            horizontal = option.displayAlignment & (
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignRight
            )
            assert horizontal == edge, row
            assert option.displayAlignment & Qt.AlignmentFlag.AlignAbsolute, row
        # the undated one's words read right to left in either window
        assert option.text == "—  «الأربعاء»"
        assert option.direction == Qt.LayoutDirection.RightToLeft
    finally:
        app.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
