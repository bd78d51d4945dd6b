"""Tabayun (تباين): an offline reader and comparer of Arabic news coverage."""

from __future__ import annotations


def __getattr__(name: str) -> str:
    """``__version__``, read from the package's metadata when first asked for, not by
    every process as it starts (``importlib.metadata`` takes a tenth of a second to load,
    and a Ctrl+C meanwhile printed a traceback)."""
    if name != "__version__":
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from importlib.metadata import PackageNotFoundError, version

    try:
        found = version("tabayun")
    except PackageNotFoundError:  # running from a frozen bundle without metadata
        found = "0.0.0+unknown"
    globals()["__version__"] = found
    return found
