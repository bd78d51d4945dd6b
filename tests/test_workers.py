"""Worker processes: Ctrl+C is the job's to handle, and a job that stops ends them."""

from __future__ import annotations

import multiprocessing
import os
import signal
import subprocess
import sys
import time

import pytest

from desktop.workers import worker_pool

posix_only = pytest.mark.skipif(sys.platform == "win32", reason="SIGINT sent to a process")


def _new_children(before: set[int]) -> list[multiprocessing.process.BaseProcess]:
    return [p for p in multiprocessing.active_children() if p.pid not in before]


@posix_only
def test_workers_do_not_hear_ctrl_c_not_even_while_they_start(
    capfd: pytest.CaptureFixture[str],
) -> None:
    """The terminal sends Ctrl+C to every process of the job: a worker still loading its
    modules printed a traceback and died, one at work did the same."""
    before = {p.pid for p in multiprocessing.active_children() if p.pid is not None}
    with worker_pool(2) as pool:
        first = pool.submit(os.getpid)
        starting = _new_children(before)
        assert starting  # started by the submission, still starting
        for process in starting:
            assert process.pid is not None
            os.kill(process.pid, signal.SIGINT)
        worker = first.result(timeout=60)
        os.kill(worker, signal.SIGINT)  # at work now
        assert pool.submit(signal.getsignal, signal.SIGINT).result(timeout=60) == signal.SIG_IGN
        assert pool.submit(os.getpid).result(timeout=60) in {p.pid for p in starting}
    assert all(p.exitcode == 0 for p in starting)
    assert "Traceback" not in capfd.readouterr().err


def test_a_pool_left_by_an_exception_ends_its_workers_at_once() -> None:
    """Ctrl+C (or a failure) in the job: the work under way is not waited for."""
    before = {p.pid for p in multiprocessing.active_children() if p.pid is not None}
    began = time.monotonic()
    with pytest.raises(KeyboardInterrupt), worker_pool(2) as pool:
        pool.submit(os.getpid).result(timeout=60)
        busy = [pool.submit(time.sleep, 60) for _ in range(3)]
        while not any(f.running() for f in busy):
            time.sleep(0.01)
        raise KeyboardInterrupt
    assert time.monotonic() - began < 30
    assert _new_children(before) == []


def test_a_pool_that_ends_normally_finishes_the_work_under_way() -> None:
    with worker_pool(2) as pool:
        work = pool.submit(time.sleep, 0.5)
        while not work.running():
            time.sleep(0.01)
    assert work.done() and work.exception() is None


def _stopped_in_a_program(script: str) -> subprocess.CompletedProcess[str]:
    """``script`` run by a Python of its own (a pool that hangs hangs that program, not
    the tests), which must end within a minute, and well."""
    done = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=os.path.dirname(os.path.dirname(os.path.abspath(__file__))),
    )
    assert done.returncode == 0, done.stderr
    return done


_STOPPED_WHILE_SENDING = """
import sys, time
from desktop.workers import worker_pool
for attempt in range(5):
    try:
        with worker_pool(2) as pool:
            sent = [pool.submit(bytes, 20_000_000) for _ in range(40)]  # 20 MB results
            sent[0].result(timeout=60)
            time.sleep(0.05 * attempt)
            raise KeyboardInterrupt
    except KeyboardInterrupt:
        print("stopped", attempt, flush=True)
"""


def test_a_pool_stopped_while_a_worker_sends_a_result_does_not_wait_for_the_rest() -> None:
    """A worker ended halfway through sending its result left half a message in the pipe,
    and the pool waited for the rest for ever: Ctrl+C hung one import in three."""
    done = _stopped_in_a_program(_STOPPED_WHILE_SENDING)
    assert done.stdout.split("\n")[:-1] == [f"stopped {n}" for n in range(5)]


_STOPPED_WHILE_WORK_GOES_OUT = """
from desktop.workers import worker_pool
for attempt in range(4):
    try:
        with worker_pool(2) as pool:
            work = [bytes(200_000)] * 400  # 2 MB a chunk: the pipe to the workers fills up
            for n, _size in enumerate(pool.map(len, work, chunksize=10)):
                if n == 10 * attempt:
                    raise KeyboardInterrupt
    except KeyboardInterrupt:
        print("stopped", attempt, flush=True)
"""


def test_a_pool_stopped_while_it_hands_out_work_ends_without_a_word() -> None:
    """Ctrl+C as an analysis began: the pool's thread failed on the work Executor.map had
    cancelled (InvalidStateError, a traceback) and died, leaving its feeder stuck writing
    to workers that were gone, and the program hung at exit."""
    done = _stopped_in_a_program(_STOPPED_WHILE_WORK_GOES_OUT)
    assert done.stdout.split("\n")[:-1] == [f"stopped {n}" for n in range(4)]
    assert done.stderr == ""
