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
