"""The actor view: models on the analysed seeds, loading through the runner, exports."""

from __future__ import annotations

import csv
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QTableView

from desktop.ui.actor_view import (
    UNDATED,
    ActorView,
    CategoryRole,
    CountRole,
    CoverageChart,
    DocIdRole,
    ExampleDocRole,
    ExampleOffsetRole,
    FrameHeatmapModel,
    KwicModel,
    OffsetRole,
    QuotesModel,
    VerbsModel,
    load_actor,
)
from desktop.ui.workers import TaskRunner
from tests.ui.calls import count_calls
from tests.ui.tabs import behind_another_tab

DELEGATION = "وفد الجمهورية العربية السورية"


@pytest.fixture
def runner(qtbot) -> Iterator[TaskRunner]:  # type: ignore[no-untyped-def]
    r = TaskRunner()
    yield r
    assert r.wait(30_000)


def entity_id(store, ref: str) -> int:  # type: ignore[no-untyped-def]
    from desktop.entity_edits import resolve_entity

    return resolve_entity(store, ref).id


def doc_id_of(store, outlet: str) -> int:  # type: ignore[no-untyped-def]
    return next(r.id for r in store.documents() if r.outlet == outlet)


class FakeDialogs:
    def __init__(self, path: Path | None) -> None:
        self.path = path
        self.asked: list[tuple[str, str]] = []

    def save_path(self, title: str, file_filter: str) -> str | None:
        self.asked.append((title, file_filter))
        return str(self.path) if self.path else None


@pytest.fixture
def view(qtbot, analysed, runner, tmp_path) -> ActorView:  # type: ignore[no-untyped-def]
    v = ActorView(analysed, runner, dialogs=FakeDialogs(tmp_path / "chosen"))
    qtbot.addWidget(v)
    v.resize(1280, 800)
    return v


def show(qtbot, view: ActorView, ref: str) -> int:  # type: ignore[no-untyped-def]
    eid = entity_id(view.store, ref)
    with qtbot.waitSignal(view.loaded, timeout=30_000) as blocker:
        view.show_entity(eid)
    assert blocker.args == [eid]
    return eid


def find_cell(model: FrameHeatmapModel, label: str, outlet: str) -> QModelIndex:
    row, col = model.row_of(label), model.column_of(outlet)
    assert row is not None and col is not None, (model.labels, model.outlets)
    return model.index(row, col)


def double_click(qtbot, view: QTableView, index: QModelIndex) -> None:  # type: ignore[no-untyped-def]
    view.scrollTo(index)
    pos = view.visualRect(index).center()
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=pos)


# ---- models ----------------------------------------------------------------------------


def test_models_pass_the_model_tester(qtmodeltester, analysed) -> None:  # type: ignore[no-untyped-def]
    data = load_actor(analysed, entity_id(analysed, "de-mistura"))
    assert data.table.labels and data.quotes and data.kwic and data.table.verbs
    heat = FrameHeatmapModel()
    heat.set_table(data.table, data.example_offsets)
    verbs = VerbsModel()
    verbs.set_table(data.table)
    quotes = QuotesModel()
    quotes.set_quotes(data.quotes, data.documents)
    lines = KwicModel()
    lines.set_lines(data.kwic)
    for model in (heat, verbs, quotes, lines):
        assert model.rowCount() > 0 and model.columnCount() > 0
        qtmodeltester.check(model, force_py=True)
    # empty models too
    heat.set_table(None)
    verbs.set_table(None)
    quotes.set_quotes([])
    lines.set_lines([])
    for model in (heat, verbs, quotes, lines):
        assert model.rowCount() == 0
        qtmodeltester.check(model, force_py=True)


def test_heatmap_roles_for_the_delegation(analysed) -> None:  # type: ignore[no-untyped-def]
    data = load_actor(analysed, entity_id(analysed, "syria-government-delegation"))
    model = FrameHeatmapModel()
    model.set_table(data.table, data.example_offsets)
    assert model.headerData(0, Qt.Orientation.Horizontal) == "Category"
    cell = find_cell(model, DELEGATION, "SANA")
    sana = doc_id_of(analysed, "SANA")
    assert cell.data() == "2" and cell.data(CountRole) == 2
    assert cell.data(CategoryRole) == "official"
    assert cell.data(ExampleDocRole) == sana
    offset = cell.data(ExampleOffsetRole)
    text = analysed.texts([sana])[sana]
    assert text[offset : offset + len(DELEGATION)] == DELEGATION
    assert DELEGATION in cell.data(Qt.ItemDataRole.ToolTipRole)
    # the hottest cell is dark with white text; an empty cell has no heat
    background = cell.data(Qt.ItemDataRole.BackgroundRole)
    assert isinstance(background, QColor) and background.lightness() < 128
    assert cell.data(Qt.ItemDataRole.ForegroundRole) == QColor("#ffffff")
    empty = model.index(cell.row(), model.column_of("(unknown)") or 0)
    assert empty.data(CountRole) == 0 and empty.data(Qt.ItemDataRole.BackgroundRole) is None
    assert empty.data(ExampleDocRole) is None
    rows = model.csv_rows()
    assert rows[0][:2] == ["label", "category"] and "SANA" in rows[0]


def test_heat_is_painted_in_no_framing_category_s_colour() -> None:
    """The counts were dark red, the red that marks «delegitimising» labels: a count
    read as a judgement."""
    from desktop.ui.actor_view import heat_colour
    from desktop.ui.palette import CATEGORY_COLOURS

    for fraction in (0.5, 0.75, 1.0):
        heat = heat_colour(fraction)
        for colour in CATEGORY_COLOURS.values():
            category = QColor(colour)
            if category.hsvSaturation() < 60:  # grey: «neutral»
                continue
            apart = abs(heat.hsvHue() - category.hsvHue())
            assert min(apart, 360 - apart) > 60, (fraction, colour)


# ---- the view --------------------------------------------------------------------------


def test_show_entity_fills_the_heatmap(qtbot, view) -> None:  # type: ignore[no-untyped-def]
    show(qtbot, view, "syria-government-delegation")
    model = view.heatmap_model
    row = model.row_of(DELEGATION)
    assert row is not None
    assert model.headerData(row, Qt.Orientation.Vertical) == DELEGATION
    assert find_cell(model, DELEGATION, "SANA").data(CountRole) == 2
    assert view.name_label.text() == DELEGATION
    summary = view.summary_label.text().replace("\u00a0", " ")
    assert "2 mentions" in summary
    # label uses, not labels: the table has fewer rows than uses
    uses = sum(model.count(label, o) for label in model.labels for o in model.outlets)
    assert f"labelled {uses} times" in summary
    assert view.heatmap_view.isVisibleTo(view) and "How each outlet" in view.heatmap_caption.text()


def test_the_header_counts_only_the_outlets_it_knows(qtbot, view) -> None:  # type: ignore[no-untyped-def]
    """De Mistura is in two named outlets and in articles of no known outlet: the
    header said «3 outlets» where the status bar says 2."""
    show(qtbot, view, "de-mistura")
    assert view.actor is not None and "(unknown)" in view.actor.table.outlets
    assert view.actor.outlet_count == 2
    summary = view.summary_label.text().replace("\u00a0", " ")
    summary = "".join(c for c in summary if c not in "\u2068\u2069\u200e\u200f")
    assert "26 mentions in 3 documents · 2 outlets · " in summary


def test_the_header_says_one_in_the_singular(view, analysed) -> None:  # type: ignore[no-untyped-def]
    """«2 mentions in 1 documents · 1 outlets»."""
    from dataclasses import replace

    v = view
    data = load_actor(analysed, entity_id(analysed, "de-mistura"))
    one = replace(
        data,
        mentions=1,
        document_count=1,
        table=replace(
            data.table,
            outlets=["SANA"],
            counts={("x", "SANA"): 1},
            quoted=Counter({"SANA": 1}),
        ),
    )
    assert v._summary(one) == (
        "person · 1 mention in 1 document · 1 outlet · labelled once · quoted once"
    )
    two = replace(
        one,
        mentions=2,
        document_count=2,
        table=replace(
            one.table,
            outlets=["SANA", "UN News", "(unknown)"],
            counts={("x", "SANA"): 2},
            quoted=Counter({"SANA": 1, "UN News": 1}),
        ),
    )
    assert v._summary(two) == (
        "person · 2 mentions in 2 documents · 2 outlets · labelled 2 times · quoted 2 times"
    )


def test_an_arabic_quotation_is_laid_out_right_to_left_in_the_english_window(qtbot, view) -> None:  # type: ignore[no-untyped-def]
    """Cut short in the English window, a quotation kept its end and lost its beginning,
    «…» beside its first word: its cell is now laid out in its own direction, as are
    the cells of the heatmap and the verbs, and the document's title keeps its own
    after a Latin outlet."""
    from PySide6.QtWidgets import QStyleOptionViewItem

    from desktop.ui.bidi import FSI, OwnDirectionDelegate, plain

    show(qtbot, view, "de-mistura")
    assert view.layoutDirection() == Qt.LayoutDirection.LeftToRight
    for table in (view.quotes_view, view.heatmap_view, view.verbs_view):
        assert isinstance(table.itemDelegate(), OwnDirectionDelegate), table.objectName()
    model = view.quotes_model
    quote = model.index(0, 0)
    option = QStyleOptionViewItem()
    option.initFrom(view.quotes_view)
    view.quotes_view.itemDelegate().initStyleOption(option, quote)
    assert option.direction == Qt.LayoutDirection.RightToLeft
    document = model.index(0, 3).data()
    assert f"· {FSI}" in document and plain(document).startswith("UN News · ")


def test_an_actor_no_outlet_labels_says_so_instead_of_an_empty_table(qtbot, view) -> None:  # type: ignore[no-untyped-def]
    """«سوريا» showed an empty grid under a header of 64 outlets."""
    show(qtbot, view, "geneva")
    assert view.heatmap_model.labels == []
    assert not view.heatmap_view.isVisibleTo(view)
    assert view.heatmap_caption.text().startswith("No outlet labels this actor")
    show(qtbot, view, "syria-government-delegation")  # and back
    assert view.heatmap_view.isVisibleTo(view)
    assert view.export_action.isEnabled() and view.save_chart_action.isEnabled()
    assert view.chart.outlets() == ["SANA"] and view.chart.months() == [UNDATED]


def test_only_the_last_requested_actor_is_shown(qtbot, view) -> None:  # type: ignore[no-untyped-def]
    first = entity_id(view.store, "de-mistura")
    second = entity_id(view.store, "syria-government-delegation")
    seen: list[int] = []
    view.loaded.connect(seen.append)
    with qtbot.waitSignal(view.loaded, timeout=30_000):
        view.show_entity(first)
        view.show_entity(second)
    assert view.runner.wait(30_000)
    qtbot.wait(50)  # let any late result arrive
    assert seen == [second]
    assert view.entity_id == second and view.name_label.text() == DELEGATION


def test_kwic_shows_spellings_of_de_mistura(qtbot, view) -> None:  # type: ignore[no-untyped-def]
    eid = show(qtbot, view, "de-mistura")
    aliases = [a for a, _n in view.store.entity_detail(eid).alias_counts]
    model = view.kwic_model
    assert model.rowCount() > 5
    matches = {model.index(r, KwicModel.MATCH).data() for r in range(model.rowCount())}
    assert matches <= set(aliases), matches
    assert all("ستورا" in m for m in matches)
    assert view.kwic_alias.currentData() == aliases[0]
    # every line points at its match in the stored text
    for r in range(model.rowCount()):
        index = model.index(r, KwicModel.MATCH)
        doc, offset = index.data(DocIdRole), index.data(OffsetRole)
        match = index.data()
        assert view.store.texts([doc])[doc][offset : offset + len(match)] == match


def test_kwic_reads_right_to_left(qtbot, view) -> None:  # type: ignore[no-untyped-def]
    show(qtbot, view, "de-mistura")
    view.show()
    qtbot.waitExposed(view)
    view.tabs.setCurrentIndex(0)
    kv = view.kwic_view
    # the context before the match is on the right of the match, the context after on its left
    assert kv.columnViewportPosition(KwicModel.LEFT) > kv.columnViewportPosition(KwicModel.MATCH)
    assert kv.columnViewportPosition(KwicModel.MATCH) > kv.columnViewportPosition(KwicModel.RIGHT)
    index = view.kwic_model.index(0, KwicModel.LEFT)
    align = Qt.AlignmentFlag(index.data(Qt.ItemDataRole.TextAlignmentRole))
    assert align & Qt.AlignmentFlag.AlignRight and not align & Qt.AlignmentFlag.AlignAbsolute


def test_another_spelling_reloads_the_kwic(qtbot, view) -> None:  # type: ignore[no-untyped-def]
    show(qtbot, view, "de-mistura")
    i = view.kwic_alias.findData("دي مستورا")
    assert i >= 0
    with qtbot.waitSignal(view.kwic_loaded, timeout=30_000) as blocker:
        view.kwic_alias.setCurrentIndex(i)
        view.kwic_alias.activated.emit(i)
    assert blocker.args == ["دي مستورا"]
    model = view.kwic_model
    assert model.rowCount() > 0
    assert {model.index(r, KwicModel.MATCH).data() for r in range(model.rowCount())} == {
        "دي مستورا"
    }


def test_each_spelling_shows_as_many_lines_as_it_counts(qtbot, view) -> None:  # type: ignore[no-untyped-def]
    """«بيدرسون (8)» listed 10 lines: the concordance searched the words, and found them
    inside the other spellings «جير بيدرسون» and «غير بيدرسون». It now lists the actor's
    mentions written so."""
    eid = show(qtbot, view, "pedersen")
    counts = dict(view.store.entity_detail(eid).alias_counts)
    assert counts.get("بيدرسون", 0) >= 2 and len(counts) >= 2
    for i in range(view.kwic_alias.count()):
        spelling = view.kwic_alias.itemData(i)
        with qtbot.waitSignal(view.kwic_loaded, timeout=30_000):
            view.kwic_alias.setCurrentIndex(i)
            view.kwic_alias.activated.emit(i)
        model = view.kwic_model
        assert view.kwic_alias.itemText(i) == f"{spelling} ({counts[spelling]})"
        assert model.rowCount() == counts[spelling], spelling
        assert {model.index(r, KwicModel.MATCH).data() for r in range(model.rowCount())} == {
            spelling
        }


def test_double_clicking_a_kwic_line_opens_its_document(qtbot, view) -> None:  # type: ignore[no-untyped-def]
    show(qtbot, view, "de-mistura")
    view.show()
    qtbot.waitExposed(view)
    view.tabs.setCurrentIndex(0)
    row = view.kwic_model.rowCount() - 1
    line = view.kwic_model.line(row)
    index = view.kwic_model.index(row, KwicModel.MATCH)
    with qtbot.waitSignal(view.open_document, timeout=5_000) as blocker:
        double_click(qtbot, view.kwic_view, index)
    assert blocker.args == [line.document_id, line.start]


def test_activating_a_quote_or_a_heatmap_cell_opens_its_document(qtbot, view) -> None:  # type: ignore[no-untyped-def]
    show(qtbot, view, "syria-government-delegation")
    view.show()
    qtbot.waitExposed(view)
    cell = find_cell(view.heatmap_model, DELEGATION, "SANA")
    sana = doc_id_of(view.store, "SANA")
    with qtbot.waitSignal(view.open_document, timeout=5_000) as blocker:
        double_click(qtbot, view.heatmap_view, cell)
    doc, offset = blocker.args
    assert doc == sana
    assert view.store.texts([doc])[doc][offset : offset + len(DELEGATION)] == DELEGATION

    show(qtbot, view, "de-mistura")
    view.tabs.setCurrentIndex(1)
    quote = view.quotes_model.quote(2)
    view.quotes_view.setCurrentIndex(view.quotes_model.index(2, 0))
    view.quotes_view.setFocus()
    with qtbot.waitSignal(view.open_document, timeout=5_000) as blocker:
        qtbot.keyClick(view.quotes_view, Qt.Key.Key_Return)
    assert blocker.args == [quote.document_id, quote.start]


def test_export_heatmap_csv(qtbot, view, tmp_path) -> None:  # type: ignore[no-untyped-def]
    show(qtbot, view, "syria-government-delegation")
    path = tmp_path / "frame.csv"
    view.export_heatmap_csv(path)
    with path.open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    header = rows[0]
    assert header[:2] == ["label", "category"] and header[-1] == "total"
    by_label = {r[0]: dict(zip(header, r, strict=True)) for r in rows[1:]}
    assert by_label[DELEGATION]["SANA"] == "2"
    assert by_label[DELEGATION]["category"] == "official"
    assert by_label[DELEGATION]["total"] == "2"


def test_export_and_save_actions_ask_for_a_path(qtbot, view, tmp_path) -> None:  # type: ignore[no-untyped-def]
    show(qtbot, view, "syria-government-delegation")
    view.export_action.trigger()
    assert (tmp_path / "chosen.csv").exists()
    assert DELEGATION in (tmp_path / "chosen.csv").read_text(encoding="utf-8-sig")
    view.save_chart_action.trigger()
    assert QImage(str(tmp_path / "chosen.png")).width() > 0
    assert len(view.dialogs.asked) == 2
    view.dialogs.path = None  # cancelled: nothing written, nothing asked twice
    (tmp_path / "chosen.csv").unlink()
    view.export_action.trigger()
    assert not (tmp_path / "chosen.csv").exists()


def test_save_chart_writes_a_png(qtbot, view, tmp_path) -> None:  # type: ignore[no-untyped-def]
    show(qtbot, view, "de-mistura")
    path = tmp_path / "coverage.png"
    assert view.save_chart(path)
    assert path.stat().st_size > 0
    image = QImage(str(path))
    assert not image.isNull() and image.width() >= 200
    # bars were painted in every outlet's colour: far more of it than a legend swatch (12×12)
    seen = Counter(
        image.pixelColor(x, y).name()
        for x in range(0, image.width(), 2)
        for y in range(0, image.height(), 2)
    )
    for colour in view.chart.outlet_colours().values():
        assert seen[colour.name()] > 500, colour.name()


def test_view_works_right_to_left(qtbot, analysed, runner) -> None:  # type: ignore[no-untyped-def]
    v = ActorView(analysed, runner)
    qtbot.addWidget(v)
    v.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
    v.resize(1280, 800)
    v.show()
    qtbot.waitExposed(v)
    show(qtbot, v, "de-mistura")
    v.tabs.setCurrentIndex(3)
    assert v.chart.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert not v.chart.grab().isNull()
    # the heatmap's labels are in the vertical header, on the right in RTL
    assert v.heatmap_view.verticalHeader().x() > v.heatmap_view.viewport().x()


# ---- the chart alone -------------------------------------------------------------------


def test_coverage_chart_with_empty_data_paints(qtbot) -> None:  # type: ignore[no-untyped-def]
    chart = CoverageChart()
    qtbot.addWidget(chart)
    chart.set_data({})
    assert chart.is_empty()
    pixmap = chart.grab()
    assert not pixmap.isNull()
    chart.resize(400, 250)
    chart.show()
    qtbot.waitExposed(chart)
    assert not chart.grab().isNull()
    chart.set_data(None)
    assert chart.is_empty() and not chart.grab().isNull()


def test_coverage_chart_months_single_and_undated(qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    chart = CoverageChart()
    qtbot.addWidget(chart)
    chart.set_data({"SANA": {"2024-03": 2}})
    assert chart.months() == ["2024-03"]
    chart.set_data({"SANA": {"2024-01": 2, "undated": 1}, None: {"2024-03": 4}})  # type: ignore[dict-item]
    assert chart.months() == ["2024-01", "2024-02", "2024-03", UNDATED]
    assert chart.outlets() == ["(unknown)", "SANA"]
    assert chart.value("(unknown)", "2024-03") == 4 and chart.value("SANA", "2024-02") == 0
    for direction in (Qt.LayoutDirection.LeftToRight, Qt.LayoutDirection.RightToLeft):
        chart.setLayoutDirection(direction)
        chart.resize(300, 180)
        assert not chart.grab().isNull()
        assert chart.save_png(tmp_path / f"c{direction.value}.png")
        assert (tmp_path / f"c{direction.value}.png").stat().st_size > 0


def test_an_unknown_entity_reports_failure(qtbot, view) -> None:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(view.failed, timeout=30_000) as blocker:
        view.show_entity(987_654)
    assert "987654" in blocker.args[0]
    assert view.actor is None and view.heatmap_model.rowCount() == 0
    assert view.status_label.text().startswith("Could not load")


# ---- reading only what is shown ---------------------------------------------------------


def test_an_actor_chosen_while_hidden_is_read_when_the_view_is_shown(
    qtbot, analysed, runner, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    calls = count_calls(
        monkeypatch,
        analysed,
        "entity_by_id",
        "entity_detail",
        "quote_page",
        "quotes_for",
        "labels_for",
    )
    view = ActorView(analysed, runner)
    host = behind_another_tab(qtbot, view, "actor", (1280, 800))
    first = entity_id(analysed, "de-mistura")
    second = entity_id(analysed, "syria-government-delegation")
    calls.clear()
    view.set_entity(first)
    view.set_entity(second)  # the last choice wins; nothing is read for either yet
    assert runner.wait(5_000)
    assert sum(calls.values()) == 0 and view.actor is None
    assert view.pending_entity == second

    with qtbot.waitSignal(view.loaded, timeout=30_000) as blocker:
        host.setCurrentWidget(view)
    assert blocker.args == [second] and view.pending_entity is None
    assert view.name_label.text() == DELEGATION
    assert find_cell(view.heatmap_model, DELEGATION, "SANA").data(CountRole) == 2
    assert calls["quotes_for"] == 0  # quotations are paged and counted, not all read
    # once shown, a new choice is read at once
    with qtbot.waitSignal(view.loaded, timeout=30_000) as blocker:
        view.set_entity(first)
    assert blocker.args == [first]


def test_quotations_are_read_a_page_at_a_time(qtbot, view, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import desktop.ui.actor_view as actor_view

    monkeypatch.setattr(actor_view, "QUOTES_PAGE", 2)
    eid = show(qtbot, view, "de-mistura")
    every = view.store.quotes_for(speaker_id=eid)
    assert len(every) > 2
    model = view.quotes_model
    assert model.rowCount() == 2 and model.total == len(every) and model.canFetchMore()
    while model.canFetchMore():
        model.fetchMore()
    assert [model.quote(r).id for r in range(model.rowCount())] == [q.id for q in every]
    assert [model.quote(r).text for r in range(model.rowCount())] == [q.text for q in every]
    # each row names its document, from whichever page it came
    last = model.rowCount() - 1
    title = view.store.document_row(every[-1].document_id).title
    assert title in model.index(last, 3).data()
    assert any("\u0600" <= ch <= "\u06ff" for ch in model.index(last, 0).data())
    # the speech-verb table counts every quotation, not only the first page
    verbs = Counter(q.verb for q in every if q.verb)
    vm = view.verbs_model
    shown = Counter({v: sum(vm.count(v, o) for o in vm.outlets) for v in vm.verbs})
    assert shown == verbs


def test_the_summary_wraps_between_its_parts_with_no_dot_starting_a_line(qtbot, view) -> None:  # type: ignore[no-untyped-def]
    """«· quoted 3 times» began the summary's second line in a narrow window."""
    from desktop.ui.bidi import plain

    view.resize(420, 800)
    view.show()
    qtbot.waitExposed(view)
    show(qtbot, view, "de-mistura")
    label = view.summary_label
    line = label.fontMetrics().lineSpacing()
    qtbot.waitUntil(lambda: label.height() >= len(label.text().split("\n")) * line > line)
    lines = [plain(t).strip() for t in label.text().split("\n")]
    for text in lines:
        assert not text.startswith("·") and not text.endswith("·"), lines
        assert label.fontMetrics().horizontalAdvance(text) <= label.contentsRect().width()
    assert lines[0].startswith("person")
    assert " · ".join(lines).replace("\u00a0", " ") == view._summary(view.actor)


def test_the_quotations_are_left_the_room_the_kind_verb_and_document_do_not_need(
    qtbot, view
) -> None:  # type: ignore[no-untyped-def]
    """The kind and the verb are as wide as their header and the rows in view, the
    document at most a third of the table; the quotation has the rest (fixed widths left
    it some 60 pixels at 1280 × 800: «ربما في وق…»)."""
    from desktop.ui.columns import header_text_width

    view.resize(540, 700)  # its width in the window at 1280 × 800
    view.show()
    qtbot.waitExposed(view)
    show(qtbot, view, "de-mistura")
    view.tabs.setCurrentWidget(view.quotes_view)
    table, header, model = view.quotes_view, view.quotes_view.horizontalHeader(), view.quotes_model
    qtbot.waitUntil(lambda: table.isVisible())
    assert model.rowCount() > 2
    width = table.viewport().width()
    qtbot.waitUntil(lambda: sum(header.sectionSize(c) for c in range(4)) <= width + 1)
    metrics = table.fontMetrics()
    for column in (1, 2):
        widest = max(
            metrics.horizontalAdvance(str(model.index(r, column).data()))
            for r in range(model.rowCount())
        )
        assert header.sectionSize(column) >= max(widest, header_text_width(table, column))
    assert header.sectionSize(3) <= width // 3 + 1
    assert header.sectionSize(0) >= width // 3


def test_a_cells_example_is_the_outlets_own_label_not_a_quoted_one_before_it(
    store, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    """The heatmap's cell opened the document at the first «النظام السوري» in it, the
    envoy's word inside quotation marks, while its example was the outlet's own use
    further on. Quoted with no speaker named, the words are still not the outlet's."""
    import json

    from desktop.analysing import analyse_documents
    from desktop.importing import import_paths

    text = (
        'وقال المبعوث الأمريكي جيمس جيفري: "إن النظام السوري يرفض أي حل سياسي في جنيف".\n'
        'وقال ناشطون: "إن النظام السوري يقصف المدنيين في إدلب".\n'
        "وأضاف أن المحادثات ستستأنف الأسبوع المقبل، فيما رفض النظام السوري المشاركة في "
        "جولة جديدة."
    )
    record = {"title": "جنيف", "text": text, "outlet": "Enab Baladi"}
    (tmp_path / "a.jsonl").write_text(json.dumps(record, ensure_ascii=False) + "\n", "utf-8")
    import_paths(store, [tmp_path / "a.jsonl"])
    analyse_documents(store)
    data = load_actor(store, entity_id(store, "الحكومة السورية"))
    model = FrameHeatmapModel()
    model.set_table(data.table, data.example_offsets)
    cell = find_cell(model, "النظام السوري", "Enab Baladi")
    assert cell.data(CountRole) == 1
    own = text.index("النظام السوري", text.index("فيما"))
    assert cell.data(ExampleOffsetRole) == own
    assert "فيما رفض النظام السوري" in cell.data(Qt.ItemDataRole.ToolTipRole)
    # the quoted ones are the envoy's and the activists', listed apart
    assert data.table.in_quotes == {
        ("النظام السوري", "delegitimising", "Enab Baladi", "جيمس جيفري"): 1,
        ("النظام السوري", "delegitimising", "Enab Baladi", ""): 1,
    }
