"""Tabayun (تباين): an offline reader and comparer of Arabic news coverage."""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("tabayun")
except PackageNotFoundError:  # running from a frozen bundle without metadata
    __version__ = "0.0.0+unknown"
