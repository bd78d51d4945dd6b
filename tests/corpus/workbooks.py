"""Spreadsheets the import tests write."""

from __future__ import annotations

from pathlib import Path
from typing import Any


def save_xlsx(path: Path, sheets: dict[str, list[list[Any]]]) -> None:
    """An Excel workbook of these sheets, by title, each its rows."""
    from openpyxl import Workbook

    book = Workbook()
    book.remove(book.active)  # type: ignore[arg-type]
    for title, rows in sheets.items():
        sheet = book.create_sheet(title)
        for row in rows:
            sheet.append(row)
    book.save(path)
