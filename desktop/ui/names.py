"""Names as the window shows them in its language: a known outlet's Arabic name in the
Arabic window («سانا» rather than «SANA»). Display only: filters, sorting and what is
stored keep the outlet's name."""

from __future__ import annotations

from functools import lru_cache

from PySide6.QtCore import QLocale

from desktop.store.rows import DocumentRow


def arabic_window() -> bool:
    return QLocale().language() == QLocale.Language.Arabic


@lru_cache(maxsize=1024)
def _known_arabic_name(name: str) -> str | None:
    """The Arabic name the outlet directory gives a known outlet's name."""
    from desktop.corpus.outlets import OutletDirectory

    sig = OutletDirectory.default().by_name(name)
    return sig.name_ar if sig is not None else None


def outlet_label(name: str | None, name_ar: str | None = None) -> str | None:
    """The outlet's name in the window's language (``None``: no outlet). ``name_ar``:
    the Arabic name the store keeps for it; else the directory's, for a known outlet."""
    if not name or not arabic_window():
        return name
    return name_ar or _known_arabic_name(name) or name


def list_separator() -> str:
    """What separates the items of a list in the window's language: «، » in Arabic."""
    return "، " if arabic_window() else ", "


def row_outlet(row: DocumentRow) -> str | None:
    return outlet_label(row.outlet, row.outlet_ar)
