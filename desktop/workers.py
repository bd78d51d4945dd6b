"""How many worker processes long jobs (import, analysis) may use, how they start and
stop, and how often Python collects garbage while they run."""

from __future__ import annotations

import gc
import multiprocessing
import multiprocessing.connection
import os
import signal
import threading
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import contextmanager
from multiprocessing.context import SpawnContext, SpawnProcess
from typing import Any

#: garbage collection thresholds for bulk work: an import or an analysis makes short-lived
#: objects by the million and hardly a cycle, so collecting less often than Python's
#: (700, 10, 10) saves a few per cent (an analysis worker: 3.12 -> 3.00 ms an article)
BULK_GC_THRESHOLDS = (10_000, 10, 10)

_bulk_lock = threading.Lock()
_bulk_depth = 0
_bulk_saved: tuple[int, ...] = ()


@contextmanager
def fewer_collections() -> Iterator[None]:
    """Run the block with :data:`BULK_GC_THRESHOLDS`; the thresholds in force before the
    first of nested or concurrent blocks come back when the last one ends."""
    global _bulk_depth, _bulk_saved
    with _bulk_lock:
        if _bulk_depth == 0:
            _bulk_saved = gc.get_threshold()
            gc.set_threshold(*BULK_GC_THRESHOLDS)
        _bulk_depth += 1
    try:
        yield
    finally:
        with _bulk_lock:
            _bulk_depth -= 1
            if _bulk_depth == 0:
                gc.set_threshold(*_bulk_saved)


def worker_override() -> int | None:
    """``TABAYUN_WORKERS`` when set to a number (1 turns worker processes off)."""
    env = os.environ.get("TABAYUN_WORKERS", "").strip()
    return max(1, int(env)) if env.isdigit() else None


def worker_count() -> int:
    """One worker per core, at most four, unless ``TABAYUN_WORKERS`` says otherwise."""
    override = worker_override()
    if override is not None:
        return override
    return max(1, min(os.cpu_count() or 1, 4))


#: how far below the window a job started from it runs (POSIX niceness)
BACKGROUND_NICENESS = 10
#: Windows's BELOW_NORMAL_PRIORITY_CLASS, which the processes it starts inherit
_BELOW_NORMAL = 0x4000


def run_below_the_window() -> bool:
    """Lower this process's priority, and so that of the worker processes it starts, so
    that a long job leaves the window what it needs: with the two cores busy importing
    and analysing, opening a document took 35 ms at the median instead of 15. Whether
    the priority was lowered."""
    try:
        if hasattr(os, "nice"):
            os.nice(BACKGROUND_NICENESS)
            return True
        import ctypes  # Windows

        kernel = ctypes.WinDLL("kernel32")  # type: ignore[attr-defined]
        kernel.GetCurrentProcess.restype = ctypes.c_void_p  # a HANDLE, 64 bits wide
        kernel.SetPriorityClass.argtypes = (ctypes.c_void_p, ctypes.c_uint32)
        kernel.SetPriorityClass.restype = ctypes.c_int
        return bool(kernel.SetPriorityClass(kernel.GetCurrentProcess(), _BELOW_NORMAL))
    except (OSError, AttributeError):
        return False


#: how long the processes of a pool stopped at once have to end before they are killed
_STOP_SECONDS = 5.0


@contextmanager
def _interrupts_held() -> Iterator[None]:
    """Ctrl+C held back while a worker process starts (POSIX). The worker inherits the
    block, so it never hears the Ctrl+C a terminal sends to the whole process group, not
    even while it loads its modules (where it printed a traceback and died). This process
    hears it once the worker is started and the pool knows it, not halfway through
    starting it: till then its handler only takes note (another thread, which does not
    block the signal, may take it meanwhile)."""
    if not hasattr(signal, "pthread_sigmask"):  # Windows: the worker ignores it once started
        yield
        return
    heard: list[int] = []
    previous = None
    if threading.current_thread() is threading.main_thread():
        previous = signal.getsignal(signal.SIGINT)  # None: not set from Python, left alone
        if previous is not None:
            signal.signal(signal.SIGINT, lambda signum, _frame: heard.append(signum))
    blocked = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, blocked)  # one pressed meanwhile: heard
        if previous is not None:
            signal.signal(signal.SIGINT, previous)
    if heard:
        signal.raise_signal(signal.SIGINT)  # as this process would have heard it


def _ignore_interrupts() -> None:
    """In a worker: Ctrl+C is for the process that started it to handle (it stops the
    workers)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if hasattr(signal, "pthread_sigmask"):  # held back since it started: now dropped
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})


class _WorkerProcess(SpawnProcess):
    """A worker process that leaves Ctrl+C to the process that started it."""

    def start(self) -> None:
        with _interrupts_held():
            super().start()

    def run(self) -> None:
        _ignore_interrupts()
        super().run()


class _WorkerContext(SpawnContext):
    """The spawn start method with :class:`_WorkerProcess` processes, each one kept."""

    def __init__(self) -> None:
        super().__init__()
        self.made: list[_WorkerProcess] = []

    def Process(self, *args: Any, **kwargs: Any) -> _WorkerProcess:  # type: ignore[override]
        process = _WorkerProcess(*args, **kwargs)
        self.made.append(process)
        return process

    def stop(self, pool: ProcessPoolExecutor) -> None:
        """End ``pool``'s workers now, without waiting for what they do (SIGTERM: no
        traceback, and nothing to clean up, since workers write nothing), and wait for
        them: the pool's own thread notices and reaps those it knows; any it does not yet
        (Ctrl+C as it started one) are waited for here.

        A worker ended while it sent a result leaves half of it in the pipe, and the
        pool's thread waited for the rest for ever (one Ctrl+C in three hung the import):
        once the workers are gone, this process's own end of that pipe is closed too, so
        the thread reads the pipe's end instead and gives up on the pool, failing the work
        not done."""
        # work cancelled already (Executor.map cancels what it had not handed back when
        # Ctrl+C interrupts it) gets a future of its own, nobody's: the pool's thread,
        # failing the work not done, failed on a cancelled one (InvalidStateError, a
        # traceback; Python 3.11). Forgetting the work instead raced with that thread
        # handing it out (KeyError, a traceback, one run in twenty)
        pending: dict[Any, Any] = getattr(pool, "_pending_work_items", {})
        for item in list(pending.values()):
            if item.future.cancelled():
                item.future = Future()
        started = [process for process in self.made if process.pid is not None]
        for process in started:
            process.terminate()
        ends = [process.sentinel for process in started]
        if len(multiprocessing.connection.wait(ends, _STOP_SECONDS)) < len(ends):
            for process in started:
                if process.exitcode is None:
                    process.kill()
        multiprocessing.connection.wait(ends)  # gone: none can be writing any more
        results = getattr(pool, "_result_queue", None)  # the pipe workers send results on
        if results is not None:
            results._writer.close()
        work = getattr(pool, "_call_queue", None)  # the pipe work goes to the workers on
        if work is not None:  # its thread may be stuck writing to it: not waited for at exit
            work.cancel_join_thread()
        # the pool's thread now fails the work not done itself; cancelling it here as well
        # raced with that (InvalidStateError in that thread, which died leaving the pipe
        # that work goes out on full: the program then hung at exit)
        pool.shutdown()
        for process in started:
            process.join()


@contextmanager
def worker_pool(
    workers: int,
    initializer: Callable[..., object] | None = None,
    initargs: tuple[Any, ...] = (),
) -> Iterator[ProcessPoolExecutor]:
    """A pool of ``workers`` new processes (spawned: the same on every platform).

    Ctrl+C stops the job, not the workers one by one: they ignore it (none prints a
    traceback), and a block that ends in an exception — ``KeyboardInterrupt`` among them —
    stops them at once, the work they were doing unwanted. Ended normally (finished or
    cancelled), the pool drops the work not begun and waits for the work under way."""
    context = _WorkerContext()
    pool = ProcessPoolExecutor(
        max_workers=workers, mp_context=context, initializer=initializer, initargs=initargs
    )
    try:
        yield pool
        pool.shutdown(cancel_futures=True)
    except BaseException:
        context.stop(pool)
        raise


def when_parent_exits(action: Callable[[], object]) -> bool:
    """Run ``action`` on a thread of its own once the process that started this one has
    ended, however it ended (closed, killed, crashed). False, and nothing watched, in a
    process that :mod:`multiprocessing` did not start."""
    parent = multiprocessing.parent_process()
    if parent is None:
        return False

    def watch() -> None:
        parent.join()  # its handle, or its end of a pipe, is signalled when it ends
        action()

    threading.Thread(target=watch, name="parent-watch", daemon=True).start()
    return True


_exits_with_parent = False


def exit_with_parent() -> None:
    """A worker process of a job exits as soon as the job's process has gone: a job
    killed when the window closed left its workers waiting for work for ever (some
    130 MB each), since they hold both ends of the pipe they read their work from.
    Once per process; call it first thing in the worker."""
    global _exits_with_parent
    if not _exits_with_parent:
        _exits_with_parent = when_parent_exits(lambda: os._exit(1))
