"""One writing job at a time per database: a second is refused before it writes."""

from __future__ import annotations

import multiprocessing as mp
import os
from typing import Any

import pytest

from desktop import entity_edits
from desktop.__main__ import dispatch
from desktop.importing import import_paths
from desktop.jobs import import_job
from desktop.store.store import Store
from desktop.store.writer import StoreBusyError, lock_path
from tests.conftest import SEEDS


def test_a_second_writer_is_refused_with_what_holds_the_database(store: Store) -> None:
    other = Store.open(store.engine.url.database or "")
    try:
        with store.writing("import"):
            with store.writing("analysis"):  # the same job's next step: no conflict
                pass
            with pytest.raises(StoreBusyError) as caught:
                import_paths(other, [SEEDS])
            assert f"an import, process {os.getpid()}, since " in str(caught.value)
            assert "Nothing was changed" in str(caught.value)
        assert other.counts().documents == 0
        # released when the job ends: the other may write now
        assert not lock_path(other.engine.url.database or "").exists()  # nothing left beside
        report = import_paths(other, [SEEDS])
        assert len(report.imported) == 5
    finally:
        other.close()


def test_an_entity_edit_waits_its_turn_and_leaves_no_trace(analysed: Store) -> None:
    other = Store.open(analysed.engine.url.database or "")
    try:
        kerry = next(r.id for r in analysed.entity_rows() if r.name == "جون كيري")
        with other.writing("import"), pytest.raises(StoreBusyError):
            entity_edits.rename(analysed, str(kerry), "جون فوربس كيري")
        assert analysed.edits() == []  # not logged to be applied later either
        assert analysed.entity_by_id(kerry)[1] == "جون كيري"
    finally:
        other.close()


def test_command_line_import_while_another_job_writes(
    store: Store, capsys: pytest.CaptureFixture[str]
) -> None:
    """Two imports into one database collided halfway (a traceback: the same outlet
    created by both)."""
    db = store.engine.url.database or ""
    with store.writing("edit"):
        code = dispatch(["--db", db, "import", str(SEEDS)])
    _out, err = capsys.readouterr()
    assert code == 1
    assert "database is busy: an entity edit, process" in err and "Traceback" not in err
    assert store.counts().documents == 0
    assert dispatch(["--db", db, "import", str(SEEDS)]) == 0
    assert store.counts().documents == 5


def _job(db: str, paths: list[str], queue: Any, event: Any) -> None:
    import_job(db, paths, None, queue, event)


def test_the_windows_import_is_told_another_process_holds_the_database(store: Store) -> None:
    """The lock is the operating system's: held here, it stops a job in another
    process, whose error is the message alone."""
    db = store.engine.url.database or ""
    ctx = mp.get_context("spawn")
    queue, event = ctx.Queue(), ctx.Event()
    with store.writing("analysis"):
        process = ctx.Process(target=_job, args=(db, [str(SEEDS)], queue, event))
        process.start()
        kind, message = queue.get(timeout=120)
        process.join(timeout=30)
    assert kind == "error"
    assert message.startswith("The database is busy: an analysis, process ")
    assert store.counts().documents == 0
