"""Articles kept in a spreadsheet (.xlsx): one a row, under a row of column names.

Read through openpyxl, imported only when a spreadsheet is: it streams the sheet's rows
(read-only mode), so a workbook of tens of thousands of articles is not held whole."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from collections.abc import Iterator, Sequence
from typing import Any

from desktop.corpus.fields import FieldMapping

#: how far down a sheet its row of column names is looked for (a title above it)
HEADER_ROWS = 5


class SheetError(Exception):
    """The workbook cannot be read at all; ``str(exc)`` says why."""


#: what a formula that failed shows in its cell
_ERRORS = frozenset({"#N/A", "#VALUE!", "#REF!", "#DIV/0!", "#NUM!", "#NAME?", "#NULL!"})


def _cell(value: Any) -> Any:
    """A cell's value as a record holds it: dates as ISO text, whole numbers without «.0»,
    a failed formula as nothing."""
    if isinstance(value, (dt.datetime, dt.date)):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str):
        if value in _ERRORS:
            return None
        # a line end inside a cell, as Excel escapes it
        return value.replace("_x000D_\n", "\n").replace("_x000D_", "\n")
    return value


def _names(row: Sequence[Any]) -> list[str]:
    return [str(c).strip() if c is not None else "" for c in row]


def _header(rows: list[tuple[Any, ...]], fields: FieldMapping) -> int | None:
    """The index of the first row naming a text column, among the first few."""
    for i, row in enumerate(rows):
        if fields.key_for("text", [n for n in _names(row) if n]) is not None:
            return i
    return None


def xlsx_records(
    data: bytes, fields: FieldMapping, notes: list[str] | None = None
) -> Iterator[tuple[int | str, Any]]:
    """The numbered rows of every sheet that has a text column, as mappings; numbered by
    their row in the sheet (``Sheet2:14`` when several sheets hold articles). Raises
    :class:`SheetError` when no sheet has articles. ``notes``: what the report says of
    each sheet's columns (:meth:`FieldMapping.unused_note`) is added to it."""
    from openpyxl import load_workbook  # only a spreadsheet needs it

    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except zipfile.BadZipFile as exc:
        raise SheetError(
            "not an Excel workbook (one saved with a password, or in the old .xls format, is "
            "not read: save it again as .xlsx without a password, or as CSV)"
        ) from exc
    except Exception as exc:  # a damaged workbook fails anywhere in the parser
        raise SheetError(f"damaged Excel workbook ({type(exc).__name__}: {exc})") from exc
    try:
        found: list[tuple[str, int, list[str]]] = []
        seen: list[str] = []
        for sheet in book.worksheets:
            # the size a sheet declares is not always true (some writers leave it at A1)
            sheet.reset_dimensions()  # type: ignore[union-attr]
            top = list(sheet.iter_rows(max_row=HEADER_ROWS, values_only=True))
            at = _header(top, fields)
            if at is None:
                seen.extend(n for row in top[:1] for n in _names(row) if n)
                continue
            found.append((sheet.title, at, _names(top[at])))
        if not found:
            raise SheetError(
                f"no sheet has a text column (looked for {fields.describe('text')}"
                + (f"; found: {', '.join(seen)})" if seen else ")")
            )
        for title, _at, names in found:
            note = fields.unused_note([n for n in names if n])
            if note and notes is not None:
                notes.append(f"sheet «{title}»: {note}" if len(found) > 1 else note)
        for title, at, names in found:
            rows = book[title].iter_rows(min_row=at + 2, values_only=True)
            for number, row in enumerate(rows, at + 2):
                if all(v is None or v == "" for v in row):
                    continue
                record: dict[str, Any] = {}
                for name, value in zip(names, row, strict=False):
                    cell = _cell(value)
                    # of two columns of one name («text», «Text»), the first that has a value
                    if name and record.get(name) in (None, ""):
                        record[name] = cell
                yield (f"{title}:{number}" if len(found) > 1 else number), record
    except SheetError:
        raise
    except Exception as exc:  # a sheet damaged further on
        raise SheetError(f"damaged Excel workbook ({type(exc).__name__}: {exc})") from exc
    finally:
        book.close()
