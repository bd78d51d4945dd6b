"""Where the shipped data lives: one helper, the same frozen (PyInstaller) and unfrozen.

Search order for the data root holding ``resources/`` and ``seeds/``:
1. ``sys._MEIPASS`` when running from a PyInstaller bundle;
2. ``desktop/_data`` inside an installed wheel (see ``pyproject.toml``);
3. the source checkout, one folder above the package (``uv run`` installs it editable).
"""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent


def _candidates() -> list[Path]:
    roots: list[Path] = []
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        roots.append(Path(frozen_root))
    roots.append(_PACKAGE_DIR / "_data")
    roots.append(_PACKAGE_DIR.parent)
    return roots


@cache
def data_root() -> Path:
    """The folder that holds ``resources/`` (and usually ``seeds/``)."""
    for root in _candidates():
        if (root / "resources").is_dir():
            return root
    raise FileNotFoundError(
        "Tabayun's resources folder was not found; looked in: "
        + ", ".join(str(p) for p in _candidates())
    )


def resource(*parts: str) -> Path:
    """Path of a shipped data file, e.g. ``resource("text", "charmap.tsv")``."""
    return data_root().joinpath("resources", *parts)


def seeds_dir() -> Path:
    """The bundled sample corpus."""
    return data_root() / "seeds"


def migrations_dir() -> Path:
    """Alembic scripts ship inside the package so every install form carries them."""
    return _PACKAGE_DIR / "store" / "migrations"
