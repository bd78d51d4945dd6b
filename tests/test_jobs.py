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
