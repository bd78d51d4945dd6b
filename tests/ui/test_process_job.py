"""A job in a process of its own: its progress, messages and end, read on the GUI thread."""

from __future__ import annotations

import os
from typing import Any

from pytestqt.qtbot import QtBot

from desktop.ui.process_job import ProcessJob
from desktop.ui.workers import QtProgress


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
