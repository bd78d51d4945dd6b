"""The compare view: its models, aligned passages, synchronised scrolling, partners,
drops and export, on the seed articles 003 (SANA) and 004."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QStyleOptionViewItem

from desktop.compare.comparison import compare_documents
from desktop.store.store import Store
from desktop.ui.bidi import plain
from desktop.ui.compare_view import (
    ColourRole,
    CompareActorsModel,
    CompareEventsModel,
    CompareSide,
    CompareView,
    DiffersRole,
    DocumentIdRole,
    EntityIdRole,
    OneSideModel,
    PassagesModel,
    SpansRole,
)
from desktop.ui.document_model import DOCUMENT_MIME, is_rtl
from desktop.ui.palette import aligned_shade
from desktop.ui.workers import TaskRunner
from tests.ui.calls import count_calls
from tests.ui.tabs import behind_another_tab

DELEGATION = "وفد الجمهورية العربية السورية"
JAAFARI = "بشار الجعفري"
PARAGRAPH_SEPARATOR = "\u2029"


def doc_id(store: Store, prefix: str) -> int:
    return next(r.id for r in store.documents() if r.stem.startswith(prefix))


@pytest.fixture
def view(qtbot, analysed: Store, runner: TaskRunner) -> CompareView:  # type: ignore[no-untyped-def]
    v = CompareView(analysed, runner)
    qtbot.addWidget(v)
    return v


def compare_and_wait(qtbot, view: CompareView, a: int, b: int) -> None:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(view.loaded, timeout=30_000):
        view.compare(a, b)
    assert view.runner.wait(30_000)


def actor_rows(model: CompareActorsModel) -> dict[str, int]:
    return {model.index(r, 0).data(): r for r in range(model.rowCount())}


def test_models_pass_the_model_tester(qtmodeltester, analysed: Store) -> None:  # type: ignore[no-untyped-def]
    comp = compare_documents(analysed, doc_id(analysed, "003"), doc_id(analysed, "004"))
    actors = CompareActorsModel()
    actors.set_comparison(comp)
    qtmodeltester.check(actors, force_py=True)
    assert actors.rowCount() == len(comp.shared) > 0
    assert actors.columnCount() == 9

    passages = PassagesModel()
    passages.set_comparison(comp)
    qtmodeltester.check(passages, force_py=True)
    assert passages.rowCount() == len(comp.passages) > 0
    first = passages.index(0, 0)
    assert first.data(SpansRole) == comp.passage_spans[0]
    assert first.data(ColourRole) == aligned_shade(0)


def test_actors_model_flags_differences_and_shows_categories(analysed: Store) -> None:
    comp = compare_documents(analysed, doc_id(analysed, "003"), doc_id(analysed, "004"))
    model = CompareActorsModel()
    model.set_comparison(comp)
    rows = actor_rows(model)
    r = rows[DELEGATION]
    assert model.index(r, 0).data(DiffersRole) is True
    assert model.index(r, 0).data(EntityIdRole) == comp.actor(DELEGATION).entity_id  # type: ignore[union-attr]
    assert model.index(r, 0).data(Qt.ItemDataRole.BackgroundRole) is not None
    assert model.index(r, 0).data(Qt.ItemDataRole.FontRole).bold()
    # SANA calls it by its official name, the other article «وفد الحكومة السورية»
    assert "(official)" in model.index(r, 1).data()
    assert "(neutral)" in model.index(r, 2).data()
    assert "×" in model.index(r, 2).data(Qt.ItemDataRole.ToolTipRole)
    # SANA's «وفد "المعارضة"» is a scare quote: it said only «(neutral)», the word's own
    opposition = rows["المعارضة السورية"]
    assert model.index(opposition, 1).data() == "المعارضة (in scare quotes, neutral)"
    assert model.index(opposition, 2).data() == "المعارضة (neutral) · المعارضين (neutral)"
    tip = model.index(opposition, 1).data(Qt.ItemDataRole.ToolTipRole)
    assert tip == "المعارضة — in scare quotes, neutral ×1"
    same = next(i for i, row in enumerate(comp.shared) if not row.differs)
    assert model.index(same, 0).data(Qt.ItemDataRole.BackgroundRole) is None
    assert model.index(same, 0).data(DiffersRole) is False


def test_compare_fills_tables_and_steps_to_aligned_passages(qtbot, view: CompareView) -> None:  # type: ignore[no-untyped-def]
    store = view.store
    a, b = doc_id(store, "003"), doc_id(store, "004")
    compare_and_wait(qtbot, view, a, b)
    assert view.document_ids() == (a, b)

    rows = actor_rows(view.actors_model)
    assert JAAFARI in rows
    assert DELEGATION in rows
    assert view.actors_model.index(rows[DELEGATION], 0).data(DiffersRole) is True
    assert view.only_a_model.rowCount() > 0 and view.only_b_model.rowCount() > 0
    assert view.events_model.rowCount() > 0

    assert view.passages_model.rowCount() > 0
    assert view.current_passage() == -1
    assert view.step_passage(1) == 0
    assert view.current_passage() == 0
    assert view.passages_view.currentIndex().row() == 0
    sel_a = view.panes[0].browser.textCursor().selectedText()
    sel_b = view.panes[1].browser.textCursor().selectedText()
    assert sel_a.startswith("عقد وفد الجمهورية")
    assert sel_b.startswith("ووصف بشار الجعفري")
    (a0, a1), (b0, b1) = view.passages_model.index(0, 0).data(SpansRole)
    assert view.panes[0].detail is not None and view.panes[1].detail is not None
    text_a, text_b = view.panes[0].detail.text, view.panes[1].detail.text
    assert sel_a == text_a[a0:a1].replace("\n", PARAGRAPH_SEPARATOR)
    assert sel_b == text_b[b0:b1].replace("\n", PARAGRAPH_SEPARATOR)
    # stepping wraps round; the previous action steps back
    n = view.passages_model.rowCount()
    assert view.step_passage(1) == (1 % n)
    view.prev_action.trigger()
    assert view.current_passage() == 0


def test_synchronised_scrolling_follows_and_can_be_turned_off(qtbot, view: CompareView) -> None:  # type: ignore[no-untyped-def]
    store = view.store
    view.resize(1000, 700)
    view.show()
    qtbot.waitExposed(view)
    compare_and_wait(qtbot, view, doc_id(store, "003"), doc_id(store, "004"))
    bar_a = view.panes[0].browser.verticalScrollBar()
    bar_b = view.panes[1].browser.verticalScrollBar()
    qtbot.waitUntil(lambda: bar_a.maximum() > 0 and bar_b.maximum() > 0, timeout=5_000)
    assert view.sync_action.isChecked()
    bar_a.setValue(0)
    assert bar_b.value() == 0
    bar_a.setValue(bar_a.maximum())
    assert bar_b.value() == bar_b.maximum()
    bar_a.setValue(bar_a.maximum() // 2)
    assert abs(bar_b.value() - bar_b.maximum() // 2) <= max(2, bar_b.maximum() // 50)

    bar_a.setValue(bar_a.maximum())
    view.sync_action.setChecked(False)
    bar_a.setValue(0)
    assert bar_b.value() == bar_b.maximum()


def test_suggest_partners_ranks_by_shared_entities(view: CompareView) -> None:
    store = view.store
    me = doc_id(store, "003")
    seeds = {r.id for r in store.documents()}
    mine = {m.entity_id for m, _n, _t in store.document_mentions(me)}
    shared = {
        d: len(mine & {m.entity_id for m, _n, _t in store.document_mentions(d)})
        for d in seeds - {me}
    }
    partners = view.suggest_partners(me)
    assert partners, "the seed articles share actors"
    assert me not in partners
    assert set(partners) == {d for d, n in shared.items() if n > 0}
    counts = [shared[d] for d in partners]
    assert counts == sorted(counts, reverse=True)
    assert counts[0] == max(shared.values())


def test_dropping_a_document_sets_that_side(qtbot, view: CompareView) -> None:  # type: ignore[no-untyped-def]
    store = view.store
    a, b, c = doc_id(store, "003"), doc_id(store, "004"), doc_id(store, "002")
    compare_and_wait(qtbot, view, a, b)
    mime = QMimeData()
    mime.setData(DOCUMENT_MIME, str(c).encode("ascii"))
    target = view.sides[1]
    enter = QDragEnterEvent(
        target.rect().center(),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(target, enter)
    assert enter.isAccepted()
    drop = QDropEvent(
        QPointF(target.rect().center()),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    with qtbot.waitSignal(view.loaded, timeout=30_000):
        QApplication.sendEvent(target, drop)
    assert view.runner.wait(30_000)
    assert view.document_ids() == (a, c)
    assert view.panes[1].detail is not None and view.panes[1].detail.row.id == c


def test_outlet_comparison_shows_tables_only(qtbot, view: CompareView) -> None:  # type: ignore[no-untyped-def]
    store = view.store
    outlets = {o.name: o.id for o in store.outlets()}
    view.show()
    with qtbot.waitSignal(view.loaded, timeout=30_000):
        view.compare_outlets(outlets["SANA"], outlets["UN News"])
    assert view.runner.wait(30_000)
    assert view.mode == "outlets"
    assert not view.text_area.isVisible()
    assert view.passages_model.rowCount() == 0
    assert view.actors_model.rowCount() + view.only_a_model.rowCount() > 0


def test_export_html_is_right_to_left(qtbot, view: CompareView, tmp_path) -> None:  # type: ignore[no-untyped-def]
    store = view.store
    with pytest.raises(RuntimeError):
        view.export(tmp_path / "none.html", "html")
    compare_and_wait(qtbot, view, doc_id(store, "003"), doc_id(store, "004"))
    out = view.export(tmp_path / "comparison.html", "html")
    text = out.read_text(encoding="utf-8")
    assert 'dir="rtl"' in text
    assert DELEGATION in text
    assert '"shared_actors"' in view.export(tmp_path / "c.json", "json").read_text("utf-8")
    # with its byte order mark, as Excel needs to read the Arabic as UTF-8
    assert view.export(tmp_path / "c.csv", "csv").read_bytes().startswith(b"\xef\xbb\xbfactor,")
    with pytest.raises(ValueError):
        view.export(tmp_path / "c.pdf", "pdf")


# ---- reading only what is shown ---------------------------------------------------------


def test_the_pickers_list_documents_only_once_the_view_is_shown(
    qtbot, analysed: Store, runner: TaskRunner, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    calls = count_calls(monkeypatch, analysed, "document_titles", "documents")
    view = CompareView(analysed, runner)
    host = behind_another_tab(qtbot, view, "compare")
    view.refresh()  # what the window does after an import
    assert runner.wait(5_000)
    assert sum(calls.values()) == 0 and view.choices.rowCount() == 0

    host.setCurrentWidget(view)
    assert runner.wait(30_000)
    qtbot.waitUntil(lambda: view.choices.rowCount() == 5)
    assert calls["document_titles"] == 1 and calls["documents"] == 0
    sana = next(r for r in analysed.documents() if r.outlet == "SANA")
    row = view.choices.row_for_id(sana.id)
    assert row is not None
    index = view.choices.index(row, 0)
    assert plain(index.data()).startswith("SANA — ")
    assert index.data(Qt.ItemDataRole.ToolTipRole) == sana.title
    assert any("\u0600" <= ch <= "\u06ff" for ch in sana.title)

    # comparing reads the two documents, not the whole list again
    a, b = doc_id(analysed, "003"), doc_id(analysed, "004")
    compare_and_wait(qtbot, view, a, b)
    assert calls["document_titles"] == 1
    assert view.sides[0].combo.currentData(DocumentIdRole) == a
    assert view.sides[1].combo.currentData(DocumentIdRole) == b
    # the next import is listed the next time the view is shown
    host.setCurrentIndex(0)
    view.refresh()
    assert runner.wait(5_000) and calls["document_titles"] == 1
    host.setCurrentWidget(view)
    assert runner.wait(30_000)
    assert calls["document_titles"] == 2


def test_a_comparison_made_while_hidden_names_its_documents_in_the_pickers(
    qtbot, view: CompareView
) -> None:  # type: ignore[no-untyped-def]
    store = view.store
    a, b = doc_id(store, "003"), doc_id(store, "004")
    compare_and_wait(qtbot, view, a, b)  # never shown: the list is not read
    assert view.choices.rowCount() == 2
    assert view.sides[0].combo.currentData(DocumentIdRole) == a
    assert view.sides[1].combo.currentData(DocumentIdRole) == b


def test_lines_mixing_latin_outlets_and_arabic_read_in_the_windows_direction(
    qtbot, analysed: Store, runner: TaskRunner
) -> None:  # type: ignore[no-untyped-def]
    """In the Arabic window a side's line of figures starts with the outlet «SANA»:
    Qt laid the whole line out left to right from that first letter, and the Arabic
    parts came out in the wrong order («… · · SANA»). The line now carries the window's
    direction and each part keeps its own."""
    from desktop.ui.bidi import FSI, LRM, PDI, RLM

    QApplication.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
    try:
        view = CompareView(analysed, runner)
        qtbot.addWidget(view)
        compare_and_wait(qtbot, view, doc_id(analysed, "003"), doc_id(analysed, "004"))
        meta = view.sides[0].pane.meta.text()
        assert meta.startswith(RLM + FSI + "SANA" + PDI)
        separator = "\u00a0\u00a0·\u00a0\u00a0"
        parts = plain(meta).replace("\n", separator).split(separator)
        # a count is never broken over two lines («7 / quotations» was)
        assert parts[0] == "SANA" and parts[2] == "484\u00a0words"
        assert parts[4] == "7\u00a0quotations"
        assert meta.count(FSI) == meta.count(PDI) == len(parts)
        info = view.sides[1].info.text()
        assert info.startswith(RLM) and plain(info).startswith("Outlet unknown · قال ستافان")
        choice = view.sides[0].combo.currentText()
        assert choice.startswith(RLM) and plain(choice).startswith("SANA — عقد وفد")
    finally:
        QApplication.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
    view.sides[0].pane.show_detail(analysed.document(doc_id(analysed, "003")))
    assert view.sides[0].pane.meta.text().startswith(LRM + FSI + "SANA" + PDI)


def test_an_article_is_not_compared_with_itself(qtbot, view: CompareView) -> None:  # type: ignore[no-untyped-def]
    """It was: twenty passages «aligned» with themselves, every actor shared."""
    a, b = doc_id(view.store, "003"), doc_id(view.store, "004")
    compare_and_wait(qtbot, view, a, b)
    assert view.comparison is not None and view.actors_model.rowCount() > 0
    view.compare(a, a)  # what was compared before goes: an export would write it
    assert view.runner.wait(30_000)
    assert view.comparison is None and view.actors_model.rowCount() == 0
    assert view.passages_model.rowCount() == 0 and view.panes[1].detail is None
    assert not view.next_action.isEnabled()
    assert "(" not in view.tabs.tabText(0) and "(" not in view.passages_title.text()
    assert view.summary.text() == "Choose two different articles to compare."


def test_alt_down_opens_a_picker_and_steps_the_passages_elsewhere(qtbot, view: CompareView) -> None:  # type: ignore[no-untyped-def]
    """Alt+Down on a document picker opens its list, as on any drop-down list: the view's
    Alt+Down took the key and stepped to the next passage instead. Elsewhere in the view
    it still steps through the passages."""
    a, b = doc_id(view.store, "003"), doc_id(view.store, "004")
    view.resize(1000, 700)
    view.show()
    qtbot.waitExposed(view)
    compare_and_wait(qtbot, view, a, b)
    assert view.passages_model.rowCount() > 0 and view.next_action.isEnabled()
    assert view.current_passage() == -1
    combo = view.sides[0].combo
    assert plain(combo.currentText()).startswith("SANA — عقد وفد الجمهورية العربية السورية")
    combo.setFocus()
    qtbot.waitUntil(combo.hasFocus)
    qtbot.keyClick(combo, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert combo.view().isVisible()
    assert view.current_passage() == -1
    # and Alt+Down closes the open list again, still without a step
    qtbot.keyClick(combo.view(), Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert not combo.view().isVisible()
    assert view.current_passage() == -1
    assert view.document_ids() == (a, b)
    # in the article's text Alt+Down steps to the first passage, «عقد وفد الجمهورية…»
    browser = view.panes[0].browser
    browser.setFocus()
    qtbot.waitUntil(browser.hasFocus)
    qtbot.keyClick(browser, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert view.current_passage() == 0
    assert browser.textCursor().selectedText().startswith("عقد وفد الجمهورية")


def test_an_actors_labels_wrap_onto_a_few_lines_not_cut_to_a_word(qtbot, view: CompareView) -> None:  # type: ignore[no-untyped-def]
    """At 1440 × 900 with both side panels open, the labels columns showed «مبعوث الأم…»:
    the labels, what the table is for, were cut to a word and a half."""
    view.resize(700, 800)
    view.show()
    store = view.store
    compare_and_wait(qtbot, view, doc_id(store, "002"), doc_id(store, "003"))
    table = view.actors_view
    qtbot.waitUntil(lambda: not view._fit_rows.isActive())
    rows = actor_rows(view.actors_model)
    mistura = view.actors_proxy.mapFromSource(
        view.actors_model.index(rows["ستافان دي ميستورا"], 0)
    ).row()
    line = table.fontMetrics().lineSpacing()
    default = table.verticalHeader().defaultSectionSize()
    assert table.rowHeight(mistura) == default + 2 * line  # three lines, the tip the rest
    plain = next(r for r in range(view.actors_proxy.rowCount()) if r != mistura
                 and view.actors_proxy.index(r, 1).data() == "—")  # fmt: skip
    assert table.rowHeight(plain) == default
    # narrower columns, the rows fitted again
    table.setColumnWidth(0, 60)
    view.resize(1400, 800)
    qtbot.waitUntil(lambda: table.rowHeight(mistura) < default + 2 * line)


@pytest.fixture
def arabic(qapp):  # type: ignore[no-untyped-def]
    """The Arabic window's translations (tabayun_ar.qm), taken away after the test."""
    from desktop.ui.i18n import Language

    language = Language(qapp)
    language.apply("ar")
    yield
    language.apply("en")


def _latin(text: str) -> bool:
    return any("a" <= ch.lower() <= "z" for ch in text)


def _events_model(store: Store) -> CompareEventsModel:
    model = CompareEventsModel()
    model.set_comparison(compare_documents(store, doc_id(store, "003"), doc_id(store, "004")))
    return model


def test_the_compared_events_types_are_named_as_the_events_view_names_them(
    analysed: Store,
) -> None:
    """The type column showed the stored keys («talks», «ceasefire»)."""
    model = _events_model(analysed)
    types = {model.index(r, 1).data() for r in range(model.rowCount())}
    assert {"Talks", "Meeting"} <= types
    assert not {t for t in types if t.islower()}  # no key shown as it is stored


def test_the_compared_events_types_are_in_arabic_in_the_arabic_window(
    analysed: Store, arabic: None
) -> None:
    model = _events_model(analysed)
    types = {model.index(r, 1).data() for r in range(model.rowCount())}
    assert {"محادثات", "اجتماع"} <= types
    assert not [t for t in types if _latin(t)]


def test_the_compared_events_dates_keep_to_the_windows_leading_edge(analysed: Store) -> None:
    """A date and an undated event's words («الأربعاء») stood at opposite edges."""
    model = _events_model(analysed)
    date = CompareEventsModel.COLUMNS.index("date")
    edges = {
        int(model.index(r, date).data(Qt.ItemDataRole.TextAlignmentRole))
        & int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignRight)
        for r in range(model.rowCount())
    }
    assert edges == {int(Qt.AlignmentFlag.AlignLeft)}


def _mistura(model: CompareActorsModel) -> int:
    return actor_rows(model)["ستافان دي ميستورا"]


def test_an_actors_tooltips_name_its_type_and_verb_categories(analysed: Store) -> None:
    comp = compare_documents(analysed, doc_id(analysed, "002"), doc_id(analysed, "003"))
    model = CompareActorsModel()
    model.set_comparison(comp)
    row = _mistura(model)
    assert (
        model.index(row, 0)
        .data(Qt.ItemDataRole.ToolTipRole)
        .startswith("ستافان دي ميستورا · person\n")
    )
    assert model.index(row, 3).data(Qt.ItemDataRole.ToolTipRole).startswith("قال — neutral ×3\n")
    verbs = model.index(row, 4).data(Qt.ItemDataRole.ToolTipRole)
    assert verbs.startswith("أكد — assertive ×2\n") and "اعتبر — evaluative ×1" in verbs
    only = OneSideModel()
    only.set_rows(comp.only_b)
    tips = [only.index(r, 0).data(Qt.ItemDataRole.ToolTipRole) for r in range(only.rowCount())]
    assert any(" · person · " in t for t in tips)


def test_an_actors_tooltips_are_in_arabic_in_the_arabic_window(
    analysed: Store, arabic: None
) -> None:
    """They read «ستافان دي ميستورا · person» and «قال — neutral ×3»."""
    comp = compare_documents(analysed, doc_id(analysed, "002"), doc_id(analysed, "003"))
    model = CompareActorsModel()
    model.set_comparison(comp)
    row = _mistura(model)
    actor = model.index(row, 0).data(Qt.ItemDataRole.ToolTipRole)
    assert actor.splitlines()[0] == "ستافان دي ميستورا · شخص"  # the sides stay «A», «B»
    verbs = model.index(row, 3).data(Qt.ItemDataRole.ToolTipRole)
    assert verbs.startswith("قال — محايد ×3\n") and "neutral" not in verbs
    assert "لفت — محايد ×2" in model.index(row, 4).data(Qt.ItemDataRole.ToolTipRole)
    only = OneSideModel()
    only.set_rows(comp.only_b)
    tips = [only.index(r, 0).data(Qt.ItemDataRole.ToolTipRole) for r in range(only.rowCount())]
    assert tips and not [t for t in tips if _latin(t)]


def test_what_each_side_wrote_of_an_event_stays_in_sight_in_a_narrow_table(
    qtbot, view: CompareView
) -> None:  # type: ignore[no-untyped-def]
    """In the English window the «In A» column looked empty: fitted to its longest
    trigger it ran past the table's edge, and its Arabic text, laid out from the
    column's right, was out of sight."""
    from desktop.ui.bidi import OwnDirectionDelegate

    view.resize(640, 700)
    view.show()
    qtbot.waitExposed(view)
    # the UN's article (002) says «ودعا الأمين العام بان كي مون الأطراف المتحاربة…»
    compare_and_wait(qtbot, view, doc_id(view.store, "002"), doc_id(view.store, "003"))
    view.tabs.setCurrentWidget(view.events_view)
    table = view.events_view
    qtbot.waitUntil(table.isVisible)
    delegate = table.itemDelegate()
    assert isinstance(delegate, OwnDirectionDelegate) and not table.wordWrap()
    viewport = table.viewport().rect()
    assert viewport.width() < 500  # a narrow table
    header = table.horizontalHeader()
    assert header.sectionSize(2) >= 120  # a few words of each side's
    model = view.events_model
    rows = [r for r in range(model.rowCount()) if model.index(r, 2).data() != "—"]
    assert any(len(model.index(r, 2).data()) > 60 for r in rows)
    for row in rows:
        cell = model.index(row, 2)
        assert is_rtl(cell.data())
        shown = table.visualRect(cell)  # across: the rows below scroll into sight
        assert shown.left() >= 0 and shown.right() <= viewport.right(), row
        option = QStyleOptionViewItem()
        delegate.initStyleOption(option, cell)
        assert option.direction == Qt.LayoutDirection.RightToLeft  # cut where it ends
    # a wider table gives the room to what the sides wrote
    view.resize(1400, 700)
    qtbot.waitUntil(lambda: header.sectionSize(2) > 200)
    last = header.count() - 1
    assert (
        header.sectionViewportPosition(last) + header.sectionSize(last) <= table.viewport().width()
    )


def test_the_two_trigger_columns_share_the_room_left_and_keep_a_least_width() -> None:
    from desktop.ui.compare_view import trigger_width

    assert trigger_width(600, 120) == 300
    assert trigger_width(100, 120) == 120
    assert trigger_width(-50, 120) == 120


@pytest.mark.parametrize(
    "direction", [Qt.LayoutDirection.LeftToRight, Qt.LayoutDirection.RightToLeft]
)
def test_each_sides_title_is_cut_short_within_its_side_apart_from_the_other(  # type: ignore[no-untyped-def]
    qtbot, analysed: Store, runner: TaskRunner, direction: Qt.LayoutDirection
) -> None:
    """In the light theme A's title, wrapped to its side's edge, was clipped mid-letter
    and B's line began right against it: the two read as one sentence."""
    QApplication.setLayoutDirection(direction)
    try:
        view = CompareView(analysed, runner)
        qtbot.addWidget(view)
        view.resize(800, 700)
        view.show()
        qtbot.waitExposed(view)
        compare_and_wait(qtbot, view, doc_id(analysed, "003"), doc_id(analysed, "004"))
        infos = [side.info for side in view.sides]
        for info, start in zip(
            infos, ("SANA · عقد وفد", "Outlet unknown · قال ستافان"), strict=True
        ):
            qtbot.waitUntil(lambda i=info: i.text().endswith("…" + "\u2069"))
            text = info.text()
            assert "\n" not in text and plain(text).startswith(start)
            assert info.fontMetrics().horizontalAdvance(text) <= info.contentsRect().width()
            assert info.height() < 2 * info.fontMetrics().lineSpacing()  # one line
            # the whole line in the tooltip
            assert plain(info.toolTip()).startswith(start) and not info.toolTip().endswith("…")
        a, b = (info.rect().translated(info.mapTo(view, info.rect().topLeft())) for info in infos)
        left, right = (a, b) if direction == Qt.LayoutDirection.LeftToRight else (b, a)
        assert right.left() - left.right() >= 2 * CompareSide.GUTTER  # a gutter between
    finally:
        QApplication.setLayoutDirection(Qt.LayoutDirection.LeftToRight)


def test_the_aligned_passages_heading_fits_on_a_line_in_a_narrow_view(
    qtbot, view: CompareView
) -> None:  # type: ignore[no-untyped-def]
    """At 1280 × 800 the list of aligned passages had some 130 pixels: «Passage 1 ·» on
    one line, «similarity 24%» on the next, a word a line for the texts."""
    view.resize(540, 700)  # its width in the window at 1280 × 800
    view.show()
    qtbot.waitExposed(view)
    compare_and_wait(qtbot, view, doc_id(view.store, "003"), doc_id(view.store, "004"))
    assert view.passages_model.rowCount() > 0
    heading = str(view.passages_model.index(0, 0).data()).splitlines()[0]
    metrics = view.passages_view.fontMetrics()
    assert view.passages_view.viewport().width() > metrics.horizontalAdvance(heading) + 8


def test_the_two_texts_begin_at_the_same_height(qtbot, view: CompareView) -> None:  # type: ignore[no-untyped-def]
    """At 1280 × 800 one side's summary («SANA · Date unknown · 484 words · 57 mentions ·
    7 quotations») wrapped to two lines and the other's to three: its text began a line
    lower. Both summaries are as tall as the taller, at any width."""
    store = view.store
    view.resize(560, 700)
    view.show()
    qtbot.waitExposed(view)
    compare_and_wait(qtbot, view, doc_id(store, "003"), doc_id(store, "004"))

    def top(side: int) -> int:
        browser = view.panes[side].browser
        return browser.mapTo(view, browser.rect().topLeft()).y()

    metas = [pane.meta for pane in view.panes]
    for width in (560, 470, 900):
        view.resize(width, 700)
        qtbot.waitUntil(lambda: all(m.height() >= m.heightForWidth(m.width()) for m in metas))
        if width == 560:  # wrapped to different numbers of lines
            assert len({m.heightForWidth(m.width()) for m in metas}) == 2
        qtbot.wait(20)
        assert top(0) == top(1), width
