"""One writing job at a time per database, across processes.

SQLite lets one transaction write at a time, but an import, an analysis or an entity edit
is many transactions, and each assumes it is the only job writing (it numbers new rows
from the largest id, creates the outlets it has not seen, analyses with the lexicon it
read when it began). Two such jobs on one database, say a command-line import while the
window imports, would collide halfway. So a job holds an operating-system lock on a file
next to the database for as long as it writes: a second job is refused at once, with a
message saying what holds the database, before it has written anything. The lock goes
with the process that holds it, even if that process is killed; the file goes when the
job ends.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any, Concatenate, ParamSpec, Protocol, TypeVar

P = ParamSpec("P")
R = TypeVar("R")

#: what each job is called in the message a second job gets
JOB_NAMES = {
    "import": "an import",
    "analysis": "an analysis",
    "edit": "an entity edit",
    "lexicon": "a lexicon import",
    "outlets": "an outlet edit",
    "removal": "a removal of documents",
}


class StoreBusyError(RuntimeError):
    """Another job writes to this database; nothing was written."""


def lock_path(db_path: str | Path) -> Path:
    return Path(f"{db_path}.writing")


def _try_lock(handle: IO[bytes]) -> bool:
    if sys.platform == "win32":
        import msvcrt

        try:
            handle.seek(0)
            msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True
    import fcntl

    try:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    return True


def _holder(path: Path) -> str:
    """What the lock file says of the job holding it ("an import, process 1234, since
    19:20"); empty if it says nothing readable."""
    try:
        with path.open("rb") as f:
            f.seek(1)  # byte 0 is the one locked (Windows locks are mandatory)
            fields = f.read(200).decode("utf-8", "replace").split()
    except OSError:
        return ""
    if len(fields) < 3 or not fields[1].isdigit():
        return ""
    what = JOB_NAMES.get(fields[0], fields[0])
    return f"{what}, process {fields[1]}, since {fields[2]}"


class WriterLock:
    """The lock of one database, held by one :class:`~desktop.store.store.Store`;
    taken again by the same store, it only counts (a job's steps take it in turn)."""

    def __init__(self, db_path: str | Path) -> None:
        self.path = lock_path(db_path)
        self._handle: IO[bytes] | None = None
        self._depth = 0

    @contextmanager
    def hold(self, what: str) -> Iterator[None]:
        if self._depth == 0:
            self._acquire(what)
        self._depth += 1
        try:
            yield
        finally:
            self._depth -= 1
            if self._depth == 0:
                self._release()

    def _acquire(self, what: str) -> None:
        while True:
            handle = self.path.open("a+b")
            if not _try_lock(handle):
                handle.close()
                holder = _holder(self.path)
                raise StoreBusyError(
                    "The database is busy: "
                    + (holder if holder else "another job is writing to it")
                    + ". Nothing was changed; try again when it has finished."
                )
            if _still_there(self.path, handle):
                break
            # the job before removed the file between our opening and locking it: a lock
            # on a removed file holds nobody back
            handle.close()
        since = dt.datetime.now().strftime("%H:%M")
        handle.seek(1)
        handle.truncate()
        handle.write(f"{what} {os.getpid()} {since}\n".encode())
        handle.flush()
        self._handle = handle

    def _release(self) -> None:
        if self._handle is not None:
            # removed while still locked (as SQLite removes its -wal file), so that no
            # file stays beside the database; where an open file cannot be removed
            # (Windows, another job waiting on it) it stays, harmless
            with contextlib.suppress(OSError):
                self.path.unlink()
            self._handle.close()  # closing the file lets the lock go
            self._handle = None


def _still_there(path: Path, handle: IO[bytes]) -> bool:
    """Whether ``path`` is still the file ``handle`` has open."""
    try:
        here, opened = path.stat(), os.fstat(handle.fileno())
    except OSError:
        return False
    return (here.st_dev, here.st_ino) == (opened.st_dev, opened.st_ino)


class _Writes(Protocol):
    def writing(self, what: str) -> Any: ...


def exclusive(
    what: str,
) -> Callable[[Callable[Concatenate[Any, P], R]], Callable[Concatenate[Any, P], R]]:
    """A job whose first argument is the store, run holding that store's lock."""

    def decorate(fn: Callable[Concatenate[Any, P], R]) -> Callable[Concatenate[Any, P], R]:
        @functools.wraps(fn)
        def run(store: _Writes, /, *args: P.args, **kwargs: P.kwargs) -> R:
            with store.writing(what):
                return fn(store, *args, **kwargs)

        return run

    return decorate
