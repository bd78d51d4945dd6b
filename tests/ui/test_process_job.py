"""A job in a process of its own: its progress, messages and end, read on the GUI thread."""

from __future__ import annotations

import os
import signal
import time
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from desktop.ui.process_job import ProcessJob
from desktop.ui.workers import QtProgress
from tests.ui.job_processes import running, stubborn_job_with_workers, window_that_dies


def _counting(n: int, queue: Any, _cancel: Any) -> None:
    queue.put(("start", n, "عدّ"))
    for _ in range(n):
        queue.put(("advance", 1, ""))
    queue.put(("imported", n))
    queue.put(("finish", 0, ""))
    queue.put(("done", os.getpid()))


def _dying(queue: Any, _cancel: Any) -> None:
    queue.put(("start", 3, "…"))
    os._exit(3)  # killed, out of memory: no word


def test_progress_messages_and_result_arrive_in_order(qtbot: QtBot) -> None:
    job = ProcessJob(stopped="توقف")
    progress = QtProgress()
    seen: list[tuple[str, object]] = []
    progress.started.connect(lambda total, label: seen.append(("start", (total, label))))
    progress.advanced.connect(lambda done, _note: seen.append(("advance", done)))
    job.message.connect(lambda kind, payload: seen.append((kind, payload)))
    with qtbot.waitSignal(job.finished, timeout=60_000) as blocker:
        assert job.start(_counting, (4,), progress)
        assert job.running and not job.start(_counting, (1,))  # one at a time
    assert blocker.args[0] != os.getpid()  # it ran elsewhere
    assert seen == [("start", (4, "عدّ")), *(("advance", i) for i in range(1, 5)), ("imported", 4)]
    assert not job.running


def test_a_process_that_dies_without_a_word_is_reported_in_the_owners_words(
    qtbot: QtBot,
) -> None:
    job = ProcessJob(stopped="توقّف التعديل على نحو غير متوقع.")
    with qtbot.waitSignal(job.failed, timeout=60_000) as blocker:
        job.start(_dying, ())
    assert blocker.args == ["توقّف التعديل على نحو غير متوقع."]
    assert not job.running


def _lingering(queue: Any, _cancel: Any) -> None:
    queue.put(("done", "تم"))
    import time

    time.sleep(3)  # closing its database, its interpreter: the window does not wait


def test_the_window_does_not_wait_for_a_finished_job_to_exit(qtbot: QtBot) -> None:
    job = ProcessJob()
    alive: list[bool] = []
    job.finished.connect(lambda _r: alive.append(any(p.is_alive() for p in job._exiting)))
    with qtbot.waitSignal(job.finished, timeout=60_000):
        job.start(_lingering, ())
    assert alive == [True] and not job.running
    job.wait()
    qtbot.waitUntil(lambda: not job._exiting, timeout=5_000)  # reaped


def _chatty(n: int, queue: Any, _cancel: Any) -> None:
    for _ in range(n):  # more than a pipe holds unread
        queue.put(("advance", 1, "ملف"))
    queue.put(("done", n))


def test_waiting_for_a_job_reads_its_messages_so_that_it_can_end(qtbot: QtBot) -> None:
    """A process cannot exit before what it posted has been read: waiting without
    reading (closing the window during a large edit) waited for ever."""
    job = ProcessJob()
    results: list[object] = []
    job.finished.connect(results.append)
    job.start(_chatty, (20_000,))
    job.wait(60_000)
    assert results == [20_000] and not job.running
    assert not any(p.is_alive() for p in job._exiting)


def test_a_job_that_does_not_stop_is_ended_with_its_worker_processes(
    qtbot: QtBot, tmp_path: Path
) -> None:
    """Closing the window waits a little for a cancelled job, then ends it: its analysis
    worker processes lived on (some 130 MB each) waiting for work, and the window said
    «The task stopped unexpectedly.» once it had gone."""
    job = ProcessJob()
    failed: list[str] = []
    job.failed.connect(failed.append)
    with qtbot.waitSignal(job.message, timeout=120_000) as blocker:
        job.start(stubborn_job_with_workers, (str(tmp_path / "t.db"),))
    assert blocker.args[0] == "workers" and len(blocker.args[1]) == 2
    workers = blocker.args[1]
    process = job._process
    assert all(running(pid) for pid in workers)
    began = time.monotonic()
    job.shutdown(500)
    assert time.monotonic() - began < 5
    assert not job.running and not process.is_alive()
    qtbot.waitUntil(lambda: not any(running(pid) for pid in workers), timeout=5_000)
    qtbot.wait(300)
    assert failed == []


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="a process killed outright")
def test_the_worker_processes_of_a_job_killed_outright_end_themselves(
    qtbot: QtBot, tmp_path: Path
) -> None:
    """A job killed with no chance to end its workers (out of memory, or ended on
    Windows): they notice it has gone, and end."""
    job = ProcessJob(stopped="توقف")
    with qtbot.waitSignal(job.message, timeout=120_000) as blocker:
        job.start(stubborn_job_with_workers, (str(tmp_path / "t.db"),))
    workers = blocker.args[1]
    with qtbot.waitSignal(job.failed, timeout=10_000):
        os.kill(job._process.pid, signal.SIGKILL)
    qtbot.waitUntil(lambda: not any(running(pid) for pid in workers), timeout=10_000)


def test_a_job_whose_window_has_gone_cancels_itself_and_ends(tmp_path: Path) -> None:
    """The window's process killed, or crashed, during an import or an edit: the job
    ran on to its end (minutes, on a large corpus), with nobody to report to. It stops
    as a job stops when the window closes."""
    import multiprocessing as mp

    flag = tmp_path / "cancelled"
    ctx = mp.get_context("spawn")
    queue = ctx.Queue()
    window = ctx.Process(target=window_that_dies, args=(str(tmp_path / "t.db"), str(flag), queue))
    window.start()
    job = queue.get(timeout=120)
    window.join(timeout=30)
    deadline = time.monotonic() + 20
    while (running(job) or not flag.exists()) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert flag.read_text(encoding="utf-8") == "cancelled"
    assert not running(job)
