"""The one place the packaging reads project facts from (pyproject.toml)."""

from __future__ import annotations

import tomllib
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
APP_NAME = "Tabayun"
APP_ID = "org.tabayun.Tabayun"


@cache
def project_version() -> str:
    with (ROOT / "pyproject.toml").open("rb") as f:
        return str(tomllib.load(f)["project"]["version"])
