"""How many worker processes long jobs (import, analysis) may use, and how often Python
collects garbage while they run."""

from __future__ import annotations

import gc
import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager

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
