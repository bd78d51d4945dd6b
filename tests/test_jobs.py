"""The import the window starts: in its own process, below the window's priority."""

from __future__ import annotations

import multiprocessing as mp
import os
from pathlib import Path
from typing import Any

import pytest

from desktop.jobs import ImportOutcome, import_job
from desktop.workers import BACKGROUND_NICENESS
from tests.conftest import SEEDS


def _job_then_niceness(db: str, paths: list[str], queue: Any, event: Any) -> None:
    import_job(db, paths, None, queue, event)
    queue.put(("niceness", os.nice(0)))


@pytest.mark.skipif(not hasattr(os, "nice"), reason="POSIX niceness")
def test_an_import_started_from_the_window_runs_below_it(tmp_path: Path) -> None:
    """With both cores importing and analysing at normal priority, opening a document
    in the window took twice as long; the job and the workers it starts run below it."""
    ctx = mp.get_context("spawn")
    queue, event = ctx.Queue(), ctx.Event()
    process = ctx.Process(
        target=_job_then_niceness, args=(str(tmp_path / "t.db"), [str(SEEDS)], queue, event)
    )
    process.start()
    messages: dict[str, Any] = {}
    while "niceness" not in messages:
        kind, *rest = queue.get(timeout=120)
        messages[kind] = rest[0] if rest else None
    process.join(timeout=30)
    assert process.exitcode == 0
    outcome = messages["done"]
    assert isinstance(outcome, ImportOutcome) and len(outcome.imported.imported) == 5
    assert messages["niceness"] == min(19, os.nice(0) + BACKGROUND_NICENESS)


def _job(db: str, paths: list[str], queue: Any, event: Any) -> None:
    import_job(db, paths, None, queue, event)


def test_articles_an_import_left_unanalysed_are_analysed_by_the_next(tmp_path: Path) -> None:
    """An import cancelled before its analysis ended left its articles without entities;
    importing the folder again found only duplicates and analysed nothing."""
    from desktop.analysing import ANALYSIS_VERSION
    from desktop.importing import import_paths
    from desktop.store.store import Store

    db = tmp_path / "t.db"
    store = Store.open(db)
    import_paths(store, [SEEDS])  # stored, not analysed: as a cancelled import leaves them
    assert len(store.documents_needing_analysis(ANALYSIS_VERSION)) == 5
    store.engine.dispose()
    ctx = mp.get_context("spawn")
    queue, event = ctx.Queue(), ctx.Event()
    process = ctx.Process(target=_job, args=(str(db), [str(SEEDS)], queue, event))
    process.start()
    outcome = None
    while outcome is None:
        kind, *rest = queue.get(timeout=120)
        if kind == "done":
            outcome = rest[0]
        assert kind != "error", rest
    process.join(timeout=30)
    assert isinstance(outcome, ImportOutcome)
    assert len(outcome.imported.duplicates) == 5 and not outcome.imported.imported
    assert outcome.analysis is not None and outcome.analysis.documents == 5
    store = Store.open(db)
    assert store.documents_needing_analysis(ANALYSIS_VERSION) == []
    assert sum(1 for _ in store.iter_entities()) > 0


def _run(target: Any, *args: Any, cancelled: bool = False) -> list[tuple[Any, ...]]:
    """Run a job in a process of its own, as the window does; its messages, in order."""
    ctx = mp.get_context("spawn")
    queue, event = ctx.Queue(), ctx.Event()
    if cancelled:
        event.set()
    process = ctx.Process(target=target, args=(*args, queue, event))
    process.start()
    messages: list[tuple[Any, ...]] = []
    while not messages or messages[-1][0] not in ("done", "error"):
        messages.append(tuple(queue.get(timeout=120)))
    process.join(timeout=30)
    assert process.exitcode == 0
    return messages


def test_an_edit_cancelled_is_made_and_leaves_its_articles_to_the_next_start(
    analysed: Any, db_path: Path
) -> None:
    """Closing the window cancels the edit: the edit is made, and its articles are left
    marked for the analysis the window starts with (it ran on to its end, and closing
    the window waited for it, then killed it halfway)."""
    from desktop.jobs import edit_job

    touched = len(analysed.documents_referring_to([analysed.find_entities("de-mistura")[0][0]]))
    analysed.close()
    messages = _run(
        edit_job, str(db_path), "split", ["de-mistura", "المبعوث الخاص"], cancelled=True
    )
    assert messages[-1][0] == "done" and messages[-1][1][1] is None, messages[-1]
    from desktop.store.store import Store

    store = Store.open(db_path)
    try:
        assert [op for _i, op, _p in store.edits()] == ["split"]
        assert len(store.documents_left_by_edits()) >= touched > 0
    finally:
        store.close()


def test_the_analysis_the_window_starts_with_finishes_what_an_edit_left(
    analysed: Any, db_path: Path, tmp_path: Path
) -> None:
    """An edit killed halfway (its log written, most of its articles not analysed again)
    is finished when the window next starts, as the whole edit would have made it."""

    from desktop.entity_edits import split
    from desktop.jobs import reanalyse_job
    from desktop.store.store import Store
    from tests.analysis.written import analysis_rows
    from tests.databases import copy_database

    whole = copy_database(db_path, tmp_path / "whole.db")
    copy = Store.open(whole)
    split(copy, "de-mistura", "المبعوث الخاص")
    copy.close()

    class Killed(BaseException):
        pass

    class KilledAtOnce:
        def start(self, total: int, label: str) -> None:
            pass

        def advance(self, step: int = 1, note: str = "") -> None:
            raise Killed

        def finish(self) -> None:
            pass

    with pytest.raises(Killed):
        split(analysed, "de-mistura", "المبعوث الخاص", progress=KilledAtOnce())
    left = analysed.documents_left_by_edits()
    assert left
    analysed.close()
    messages = _run(reanalyse_job, str(db_path))
    assert ("start", len(left), "Finishing edits") in messages
    outcome = messages[-1][1]
    assert isinstance(outcome, ImportOutcome) and outcome.analysis is not None
    assert outcome.analysis.documents == len(left)
    assert analysis_rows(db_path) == analysis_rows(whole)


def test_an_import_that_dates_stored_articles_analyses_them_again(tmp_path: Path) -> None:
    """The window's import of a table whose dates were fixed: the articles it gave a date
    are analysed again, and their «أمس» is dated."""
    from desktop.analysing import ANALYSIS_VERSION, analyse_documents
    from desktop.importing import import_paths
    from desktop.store.store import Store

    text = "وعقد دي ميستورا أمس محادثات مع وفد المعارضة في جنيف."
    (tmp_path / "a.csv").write_text(f"title,date,text\nمحادثات,n/a,{text}\n", encoding="utf-8")
    (tmp_path / "b.csv").write_text(
        f"title,date,text\nمحادثات,2017-03-01,{text}\n", encoding="utf-8"
    )
    db = tmp_path / "t.db"
    store = Store.open(db)
    import_paths(store, [tmp_path / "a.csv"])
    analyse_documents(store)
    assert [e.date for e in store.events_for()] == [None]
    store.engine.dispose()
    messages = _run(_job, str(db), [str(tmp_path / "b.csv")])
    outcome = messages[-1][1]
    assert isinstance(outcome, ImportOutcome)
    assert outcome.imported.redated == [1] and outcome.analysis is not None
    assert outcome.analysis.documents == 1
    store = Store.open(db)
    assert store.documents_needing_analysis(ANALYSIS_VERSION) == []
    assert [str(e.date) for e in store.events_for()] == ["2017-02-28"]
