"""An edit stopped halfway (cancelled when the window closes, or its process killed) is
never left half made: the articles it did not reach are marked with the edit, and the
analysis the window starts with (or the next import) finishes them, as the edit would
have."""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from desktop import analysing
from desktop import entity_edits as edits
from desktop.analysing import ANALYSIS_VERSION, analyse_documents, analyse_left_over
from desktop.progress import CancelToken
from desktop.store.store import Store
from tests.analysis.written import analysis_rows
from tests.databases import copy_database

#: edits of the seed corpus that analyse several articles again
_EDITS: dict[str, Callable[..., Any]] = {
    "merge": lambda s, **kw: edits.merge(s, "ستافان دي ميستورا", "غير بيدرسون", **kw),
    "split": lambda s, **kw: edits.split(s, "de-mistura", "المبعوث الخاص", **kw),
    "ignore": lambda s, **kw: edits.ignore(s, "غير بيدرسون", **kw),
    "ignore a place": lambda s, **kw: edits.ignore(s, "جنيف", **kw),
    "undo": lambda s, **kw: edits.undo_last(s, **kw),
}


def _before(store: Store, edit: str) -> None:
    if edit == "undo":  # what is undone
        edits.merge(store, "ستافان دي ميستورا", "غير بيدرسون")


def _made_whole(db: Path, tmp_path: Path, edit: str) -> dict[str, list[tuple[object, ...]]]:
    """What the edit gives on a copy of ``db``, not interrupted."""
    store = Store.open(copy_database(db, tmp_path / "whole.db"))
    try:
        _EDITS[edit](store)
        return analysis_rows(tmp_path / "whole.db")
    finally:
        store.close()


class _Killed(BaseException):
    """The process ends here: nothing after it runs (no cleanup of the analysis's)."""


class _Stopping:
    """A progress that cancels the analysis, or kills it, after ``after`` articles."""

    def __init__(self, after: int, kill: bool = False) -> None:
        self.after, self.kill = after, kill
        self.cancel = CancelToken()
        self.total = self.done = 0

    def start(self, total: int, label: str) -> None:
        self.total = total

    def advance(self, step: int = 1, note: str = "") -> None:
        if self.kill and self.done == self.after:
            raise _Killed
        self.done += step
        if self.done == self.after:
            self.cancel.cancel()

    def finish(self) -> None:
        pass


@pytest.mark.parametrize("edit", list(_EDITS))
def test_an_edit_cancelled_halfway_is_finished_by_the_analysis_of_what_was_left(
    analysed: Store, db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, edit: str
) -> None:
    """Closing the window cancels the edit between batches of articles: the edit is made,
    the articles it did not reach wait, marked, and the analysis of what was left (at the
    next start) brings the corpus where the whole edit would have."""
    _before(analysed, edit)
    whole = _made_whole(db_path, tmp_path, edit)
    monkeypatch.setattr(analysing, "BATCH", 1)
    stopping = _Stopping(after=1)
    _EDITS[edit](analysed, progress=stopping, cancel=stopping.cancel)
    assert stopping.total >= 2
    left = analysed.documents_left_by_edits()
    assert len(left) == stopping.total - 1  # one batch written, of one article
    if edit != "merge":  # (a merge moves the source's rows to the target at once, and
        # for these two envoys they are already what its analysis gives)
        assert analysis_rows(db_path) != whole  # half made
    assert analysed.documents_needing_analysis(ANALYSIS_VERSION) == left
    report = analyse_left_over(analysed)
    assert report.documents == len(left) and not report.cancelled
    assert analysed.documents_left_by_edits() == []
    assert analysed.documents_needing_analysis(ANALYSIS_VERSION) == []
    assert analysis_rows(db_path) == whole
    analyse_documents(analysed, full=True)  # what the edit gives: a full analysis's
    assert analysis_rows(db_path) == whole


@pytest.mark.parametrize("edit", list(_EDITS))
def test_an_edit_whose_process_is_killed_halfway_is_finished_at_the_next_start(
    analysed: Store, db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, edit: str
) -> None:
    """The edit's process killed after its first batch (the window waited, then ended
    it): the edit was logged, most of its articles not analysed again, and nothing
    repaired it; Lavrov stayed listed with thousands of articles after his merge."""
    _before(analysed, edit)
    whole = _made_whole(db_path, tmp_path, edit)
    monkeypatch.setattr(analysing, "BATCH", 1)
    stopping = _Stopping(after=1, kill=True)
    with pytest.raises(_Killed):
        _EDITS[edit](analysed, progress=stopping)
    analysed.close()
    store = Store.open(db_path)  # the next start
    try:
        left = store.documents_left_by_edits()
        assert len(left) == stopping.total - 1
        report = analyse_left_over(store)  # what the window starts with
        # and the one it reached: analysed before the steps that close an analysis
        assert report.documents == len(left) + 1
        assert store.documents_left_by_edits() == []
        assert analysis_rows(db_path) == whole
    finally:
        store.close()


def test_the_log_and_the_marks_of_an_edit_are_one_transaction(
    analysed: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Killed between logging the edit and marking its articles, the edit would be in
    force with nothing to say its articles need analysing again: neither is written."""
    from desktop.store import entities

    def killed(*_args: object) -> None:
        raise _Killed

    monkeypatch.setattr(entities, "_mark_left_by_edit", killed)
    with pytest.raises(_Killed):
        _EDITS["merge"](analysed)
    assert analysed.edits() == []


def test_what_an_edit_left_is_finished_with_the_edits_made_since(
    analysed: Store, db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Another edit made before what the first left is finished: the articles left are
    analysed with both in force, and the corpus is what a full analysis gives."""
    monkeypatch.setattr(analysing, "BATCH", 1)
    stopping = _Stopping(after=1)
    _EDITS["split"](analysed, progress=stopping, cancel=stopping.cancel)
    left = analysed.documents_left_by_edits()
    assert len(left) >= 2
    touched = _Stopping(after=-1)
    _EDITS["ignore a place"](analysed, progress=touched)  # whole: what it analysed is done
    assert 0 < len(set(analysed.documents_left_by_edits())) < len(left)
    analyse_left_over(analysed)
    assert analysed.documents_left_by_edits() == []
    full = Store.open(copy_database(db_path, tmp_path / "full.db"))
    try:
        analyse_documents(full, full=True)
    finally:
        full.close()
    assert analysis_rows(db_path) == analysis_rows(tmp_path / "full.db")


def test_the_next_import_finishes_what_an_edit_left(
    analysed: Store,
    db_path: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """The command line has no start: its next import analyses what an edit stopped
    halfway left (as the edit would have), with what it imports."""
    from desktop.cli import main
    from tests.conftest import SEEDS

    whole = _made_whole(db_path, tmp_path, "split")
    monkeypatch.setattr(analysing, "BATCH", 1)
    stopping = _Stopping(after=1)
    _EDITS["split"](analysed, progress=stopping, cancel=stopping.cancel)
    assert analysed.documents_left_by_edits()
    analysed.close()
    code = main(["--db", str(db_path), "import", str(SEEDS)])
    assert code == 0, capsys.readouterr().err
    store = Store.open(db_path)
    try:
        assert store.documents_left_by_edits() == []
    finally:
        store.close()
    assert analysis_rows(db_path) == whole  # the seeds again: duplicates only


_HAAVISTO = {
    "a": "قال وزير الخارجية الفنلندي بيكا هافيستو إن بلاده تدعم الحل السياسي في سوريا.",
    "c": "وقال المستشار الفنلندي للشؤون السياسية ماتي بيكا هافيستو، إن بلاده تدعم المفاوضات.",
    "d": "وأكد بيكا هافيستو في مؤتمر صحفي في هلسنكي أن الوضع في سوريا صعب وأن الحل في جنيف.",
}


def _haavisto(store: Store) -> set[tuple[str, int, int, str]]:
    """(article, start, end, actor) of the mentions of Haavisto, however spelled."""
    stems = {d.id: d.stem for d in store.documents()}
    return {
        (stem, m.start, m.end, name)
        for doc_id, stem in stems.items()
        for m, name, _type in store.document_mentions(doc_id)
        if "هافيستو" in name
    }


@pytest.mark.parametrize("left", ["one article", "none"])
def test_an_analysis_stopped_by_ctrl_c_has_its_found_names_clustered_by_the_next(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, left: str
) -> None:
    """Ctrl+C (or a killed process) between two batches skipped the corpus-wide steps:
    «بيكا هافيستو» of a stayed an actor of its own beside «ماتي بيكا هافيستو» of c, whom
    it names, and «وأكد بيكا هافيستو» in d was left unresolved, until a full analysis; the
    next import or start analysed what was left and clustered only the names that it
    found itself. The articles of the stopped run are analysed again."""
    from desktop.importing import import_paths
    from tests.analysis.test_entity_edits import _store_of  # analysed in full

    (tmp_path / "full").mkdir()
    full, _db = _store_of(tmp_path / "full", _HAAVISTO)
    expected = _haavisto(full)
    full.close()
    folder = tmp_path / "full" / "in"
    assert {name for *_span, name in expected} == {"ماتي بيكا هافيستو"}

    store = Store.open(tmp_path / "x.db")
    import_paths(store, [folder])
    ids = [d.id for d in sorted(store.documents(), key=lambda d: "acd".index(d.stem))]
    monkeypatch.setattr(analysing, "BATCH", 1)
    write = store.write_analysis
    calls: list[int] = []

    def write_then_ctrl_c(*args: Any, **kwargs: Any) -> None:
        write(*args, **kwargs)
        calls.append(1)
        if len(calls) == (2 if left == "one article" else 3):
            raise KeyboardInterrupt

    monkeypatch.setattr(store, "write_analysis", write_then_ctrl_c)
    with pytest.raises(KeyboardInterrupt):
        analyse_documents(store, ids, workers=1)
    monkeypatch.undo()
    assert ("a", 27, 39, "بيكا هافيستو") in _haavisto(store)  # not clustered yet

    analyse_left_over(store)
    assert _haavisto(store) == expected  # «وأكد بيكا هافيستو» in d resolved too
    assert "بيكا هافيستو" not in {r.name for r in store.entity_rows()}
    assert store.get_meta(analysing.UNFINISHED_KEY) is None
    store.close()


@pytest.mark.parametrize("kill", [False, True])
def test_an_undo_stopped_after_its_first_article_gives_back_the_clustered_name(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, kill: bool
) -> None:
    """The undo of an ignore that made a name found nowhere any more (see
    ``test_undoing_an_ignore_gives_back_a_found_name_clustered_into_a_longer_one``),
    stopped after its first article: what finishes it still finds that name lost, and
    gives b's «إيغور الجابري» back as a name of its own."""
    from tests.analysis.test_entity_edits import JUBEIR, _store_of  # analysed in full

    store, db = _store_of(tmp_path, JUBEIR)
    before = analysis_rows(db)
    edits.ignore(store, "عادل الجبير")
    assert "إيغور عادل الجبير" in {r.name for r in store.entity_rows()}
    monkeypatch.setattr(analysing, "BATCH", 1)
    stopping = _Stopping(1, kill=kill)
    with contextlib.suppress(_Killed):
        edits.undo_last(store, progress=stopping, cancel=stopping.cancel)
    monkeypatch.undo()
    assert analysis_rows(db) != before  # stopped halfway
    analyse_left_over(store)
    assert analysis_rows(db) == before
    assert store.documents_left_by_edits() == []
    assert store.get_meta(analysing.UNFINISHED_KEY) is None
    store.close()
