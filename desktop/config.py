"""Where the user's database lives (platformdirs), overridable by --db or TABAYUN_DB."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "Tabayun"
DB_FILENAME = "tabayun.db"


def default_db_path() -> Path:
    env = os.environ.get("TABAYUN_DB")
    if env:
        return Path(env).expanduser()
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)) / DB_FILENAME


def named_db_problem(path: Path) -> str | None:
    """Why a database the user named (``--db``) cannot be opened or made there, before
    anything is written: a new database is made only in a folder that exists (a typo in
    the folder's name would otherwise make a folder and an empty database)."""
    if path.is_dir():
        return f"{path} is a folder; name a database file in it (e.g. {path / DB_FILENAME})"
    if not path.exists() and not path.parent.is_dir():
        return f"the folder {path.parent} does not exist"
    return None


def open_problem(exc: BaseException) -> str:
    """What went wrong opening a database, without the database library's wrapping (a
    file that is no SQLite database: «file is not a database»)."""
    lines = str(getattr(exc, "orig", None) or exc).splitlines()
    return lines[0] if lines else type(exc).__name__
