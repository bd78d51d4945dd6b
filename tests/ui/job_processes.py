"""Jobs of the window made slow or stubborn, run in processes of their own (a module that
imports nothing of the window: the jobs' processes import it), and what a test sees of
processes."""

from __future__ import annotations

import multiprocessing
import os
import time
from pathlib import Path
from typing import Any

#: how long the analysis of each article takes in :func:`edit_job_an_article_at_a_time`
SECONDS_AN_ARTICLE = 2.0


def edit_job_an_article_at_a_time(
    db: str, op: str, args: list[Any], queue: Any, cancel_event: Any
) -> None:
    """The window's edit job, analysing its articles one at a time, each taking
    :data:`SECONDS_AN_ARTICLE`: long enough to close the window in the middle of it."""
    from desktop import analysing
    from desktop.jobs import edit_job
    from desktop.store.store import Store

    analysing.BATCH = 1
    write = Store.write_analysis

    def slowly(self: Store, *args: Any, **kwargs: Any) -> None:
        write(self, *args, **kwargs)
        time.sleep(SECONDS_AN_ARTICLE)

    Store.write_analysis = slowly  # type: ignore[method-assign]
    edit_job(db, op, args, queue, cancel_event)


def stubborn_job_with_workers(db: str, queue: Any, cancel_event: Any) -> None:
    """A job that starts the analysis's two worker processes, posts ("workers", their
    process ids), then never stops, cancelled or not."""
    from desktop.analysing import UserLexicon, _pool
    from desktop.jobs import _run_job

    def work(_store: Any) -> None:
        with _pool(2, UserLexicon(), []) as pool:
            for started in [pool.submit(os.getpid) for _ in range(2)]:
                started.result()
            queue.put(("workers", [c.pid for c in multiprocessing.active_children()]))
            while True:
                time.sleep(0.1)

    _run_job(db, queue, work, cancel_event)


def job_until_cancelled(db: str, flag: str, queue: Any, cancel_event: Any) -> None:
    """A job that posts ("ready", None), waits to be cancelled, then writes ``flag``."""
    from desktop.jobs import _run_job

    def work(_store: Any) -> None:
        queue.put(("ready", None))
        while not cancel_event.is_set():
            time.sleep(0.05)
        Path(flag).write_text("cancelled", encoding="utf-8")

    _run_job(db, queue, work, cancel_event)


def window_that_dies(db: str, flag: str, queue: Any) -> None:
    """A window's process: starts :func:`job_until_cancelled`, posts its process id once
    it runs, and ends at once, without a word to it (killed, crashed)."""
    ctx = multiprocessing.get_context("spawn")
    job_queue, cancel = ctx.Queue(), ctx.Event()
    job = ctx.Process(target=job_until_cancelled, args=(db, flag, job_queue, cancel))
    job.start()
    assert job_queue.get(timeout=120)[0] == "ready"
    queue.put(job.pid)
    queue.close()
    queue.join_thread()  # posted: then gone
    os._exit(0)


def running(pid: int) -> bool:
    """Whether process ``pid`` runs (one ended and not yet reaped does not)."""
    stat = Path(f"/proc/{pid}/stat")
    if Path("/proc/self/stat").exists():  # Linux
        try:
            return stat.read_text().rsplit(")", 1)[1].split()[0] != "Z"
        except OSError:
            return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # another's, with the same number
        return True
    return True


def children_of(pid: int) -> list[int]:
    """The processes ``pid`` started that still run (Linux; elsewhere none are known)."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid and fields[0] != "Z":
            found.append(int(stat.parent.name))
    return found
