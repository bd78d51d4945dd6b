"""A database copied as it stands (WAL included), for the tests and benchmarks that
compare an edit made whole with one interrupted, or time an edit without changing the
database they keep."""

from __future__ import annotations

import sqlite3
from pathlib import Path


def copy_database(db: Path, to: Path) -> Path:
    """``db`` copied to ``to`` through SQLite's backup (what its WAL holds included)."""
    src, dst = sqlite3.connect(db), sqlite3.connect(to)
    try:
        src.backup(dst)
    finally:
        src.close()
        dst.close()
    return to
