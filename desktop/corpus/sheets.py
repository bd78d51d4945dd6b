"""Articles kept in a spreadsheet (.xlsx, .xls, .ods): one a row, under a row of column names.

An Excel workbook (.xlsx, .xlsm) is read through openpyxl, which streams a sheet's rows
(read-only mode), so a workbook of tens of thousands of articles is not held whole; an old
Excel workbook (.xls) and an OpenDocument spreadsheet (.ods) through python-calamine
(Rust's calamine, one library for both), which holds one sheet at a time whole (an .xls
sheet has at most 65,536 rows). Each is imported only when a spreadsheet it reads is.
Which reads a file is told from what it holds, not from its name (an .xlsx saved under
.xls is read as one); both hand their rows to the same reading of column names and cells
(:func:`_records`)."""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import itertools
import os
import sys
import tempfile
import threading
import zipfile
from collections.abc import Iterator, Sequence
from typing import Any, Protocol

from desktop.corpus.fields import FieldMapping
from desktop.corpus.xls import ENCRYPTED, MAGIC, DamagedXlsError, checked_streams

#: how far down a sheet its row of column names is looked for (a title above it)
HEADER_ROWS = 5

EXCEL = "Excel workbook"
OPENDOCUMENT = "OpenDocument spreadsheet"
#: what to do with a workbook saved with a password
_UNLOCK = "save it again without a password, or as CSV"


class SheetError(Exception):
    """The workbook cannot be read at all; ``str(exc)`` says why."""


#: what a formula that failed shows in its cell
_ERRORS = frozenset({"#N/A", "#VALUE!", "#REF!", "#DIV/0!", "#NUM!", "#NAME?", "#NULL!"})


def _cell(value: Any) -> Any:
    """A cell's value as a record holds it: dates as ISO text, whole numbers without «.0»,
    a failed formula and an empty cell as nothing."""
    if isinstance(value, (dt.datetime, dt.date)):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str):
        if value in _ERRORS or not value:
            return None
        # a line end inside a cell, as Excel escapes it in an .xlsx
        return value.replace("_x000D_\n", "\n").replace("_x000D_", "\n")
    return value


def _names(row: Sequence[Any]) -> list[str]:
    return [str(c).strip() if c is not None else "" for c in row]


def _header(rows: list[Sequence[Any]], fields: FieldMapping) -> int | None:
    """The index of the first row naming a text column, among the first few."""
    for i, row in enumerate(rows):
        if fields.key_for("text", [n for n in _names(row) if n]) is not None:
            return i
    return None


def _failure(exc: BaseException) -> bool:
    """Whether an exception is a reader failing on the file: an error, or a panic of the
    Rust code under python-calamine (pyo3's PanicException is not an Exception)."""
    return isinstance(exc, Exception) or type(exc).__name__ == "PanicException"


def _why(exc: BaseException) -> str:
    """How a reader's failure is told in the report: a panic's message names places in
    the library's Rust source («range start index 8522535 out of range for slice of
    length 4140»), which says nothing to the person importing."""
    if type(exc).__name__ == "PanicException":
        return "a record inside it could not be read"
    return f"{type(exc).__name__}: {exc}"


#: the standard error is the process's: two threads reading spreadsheets at once would
#: each put back what the other set aside (and leave it on a deleted file)
_STDERR_LOCK = threading.RLock()


@contextlib.contextmanager
def _panics_kept_quiet() -> Iterator[None]:
    """The Rust code under python-calamine prints its panics, message and backtrace, on
    the process's standard error, where an import's report follows: the file is reported
    as damaged, and that text is dropped. Whatever else is printed meanwhile is passed on
    when the call ends (an import reads spreadsheets in its own processes). (A process
    with no standard error, a windowed program, has nothing to keep quiet.)"""
    with _STDERR_LOCK, _stderr_set_aside():
        yield


@contextlib.contextmanager
def _stderr_set_aside() -> Iterator[None]:
    try:
        sys.stderr.flush()
        saved = os.dup(2)
    except (OSError, ValueError, AttributeError):
        yield
        return
    with contextlib.ExitStack() as stack:
        stack.callback(os.close, saved)
        try:
            caught = stack.enter_context(tempfile.TemporaryFile())
        except OSError:
            yield
            return
        os.dup2(caught.fileno(), 2)
        try:
            yield
        finally:
            os.dup2(saved, 2)
            caught.seek(0)
            said = caught.read()
            if said and b"panicked at" not in said:
                os.write(2, said)


class _Book(Protocol):
    def sheets(self) -> Iterator[tuple[str, list[Sequence[Any]]]]:
        """Each sheet of cells by its title, with its first ``HEADER_ROWS`` rows."""
        ...

    def rows(self, title: str, first: int) -> Iterator[Sequence[Any]]:
        """A sheet's rows from its row ``first`` (1: the top one) on."""
        ...

    def close(self) -> None: ...


class _Openpyxl:
    """An .xlsx or .xlsm workbook, through openpyxl."""

    def __init__(self, data: bytes) -> None:
        from openpyxl import load_workbook  # only a spreadsheet needs it

        try:
            self.book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        except Exception as exc:  # a damaged workbook fails anywhere in the parser
            raise SheetError(f"damaged {EXCEL} ({type(exc).__name__}: {exc})") from exc

    def sheets(self) -> Iterator[tuple[str, list[Sequence[Any]]]]:
        for sheet in self.book.worksheets:
            # the size a sheet declares is not always true (some writers leave it at A1)
            sheet.reset_dimensions()  # type: ignore[union-attr]
            yield sheet.title, list(sheet.iter_rows(max_row=HEADER_ROWS, values_only=True))

    def rows(self, title: str, first: int) -> Iterator[Sequence[Any]]:
        return self.book[title].iter_rows(min_row=first, values_only=True)

    def close(self) -> None:
        self.book.close()


class _Calamine:
    """An .xls workbook or an .ods spreadsheet, through python-calamine."""

    def __init__(self, data: bytes, kind: str, ext: str) -> None:
        from python_calamine import CalamineWorkbook, PasswordError, SheetTypeEnum

        self.worksheet = SheetTypeEnum.WorkSheet
        try:
            with _panics_kept_quiet():
                self.book = CalamineWorkbook.from_filelike(io.BytesIO(data))
        except BaseException as exc:
            if not _failure(exc):
                raise
            why = _named_failure(data, ext) or exc
            if isinstance(why, PasswordError):
                raise SheetError(f"an {kind} saved with a password is not read: {_UNLOCK}") from why
            raise SheetError(f"damaged {kind} ({_why(why)})") from why

    def _sheet_rows(self, title: str) -> Iterator[list[Any]]:
        # from the sheet's first row (empty rows above its cells are given as empty rows);
        # the sheet is read whole here, where a damaged one fails
        with _panics_kept_quiet():
            sheet = self.book.get_sheet_by_name(title)
        return iter(sheet.iter_rows())

    def sheets(self) -> Iterator[tuple[str, list[Sequence[Any]]]]:
        for meta in self.book.sheets_metadata:
            if meta.typ == self.worksheet:  # not a chart sheet or a macro sheet
                top: list[Sequence[Any]] = [
                    *itertools.islice(self._sheet_rows(meta.name), HEADER_ROWS)
                ]
                yield meta.name, top

    def rows(self, title: str, first: int) -> Iterator[Sequence[Any]]:
        return itertools.islice(self._sheet_rows(title), first - 1, None)

    def close(self) -> None:
        self.book.close()


def _named_failure(data: bytes, ext: str) -> BaseException | None:
    """Why python-calamine cannot read a file, as it says when the file is named as the
    type it is (read from a temporary copy): reading bytes, it tries every type and only
    says that none fits."""
    from python_calamine import CalamineWorkbook

    try:
        handle, path = tempfile.mkstemp(suffix=ext)
    except OSError:
        return None
    try:
        with os.fdopen(handle, "wb") as fh:
            fh.write(data)
        try:
            with _panics_kept_quiet():
                CalamineWorkbook.from_path(path).close()  # let go of before it is removed
        except BaseException as exc:
            if not _failure(exc):
                raise
            return exc
        return None
    except OSError:
        return None
    finally:
        with contextlib.suppress(OSError):
            os.unlink(path)


def _zip_names(data: bytes, ext: str) -> set[str]:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            return set(z.namelist())
    except Exception as exc:  # zipfile fails in many ways on a damaged archive
        kind = OPENDOCUMENT if ext.lower() == ".ods" else EXCEL
        raise SheetError(f"damaged {kind} ({type(exc).__name__}: {exc})") from exc


def _open(data: bytes, ext: str) -> tuple[_Book, str]:
    """The reader of a spreadsheet's bytes, by what they hold, and the kind of file it is."""
    if data.startswith(MAGIC[:4]):  # an .xls, or an .xlsx saved with a password
        try:
            streams = checked_streams(data)
        except DamagedXlsError as exc:
            raise SheetError(f"damaged {EXCEL} ({exc})") from exc
        if ENCRYPTED in streams:
            raise SheetError(f"an {EXCEL} saved with a password is not read: {_UNLOCK}")
        if not {"Workbook", "Book"} & set(streams):  # a Word document, say
            raise SheetError(
                f"not an {EXCEL}: an Office file of another kind (a Word document?) "
                "saved under its name"
            )
        return _Calamine(data, EXCEL, ".xls"), EXCEL
    if data.startswith(b"PK"):
        names = _zip_names(data, ext)
        if "xl/workbook.xml" in names:
            return _Openpyxl(data), EXCEL
        if "content.xml" in names or "mimetype" in names:
            return _Calamine(data, OPENDOCUMENT, ".ods"), OPENDOCUMENT
        if "xl/workbook.bin" in names:
            raise SheetError(
                "an Excel binary workbook (.xlsb) is not read: save it as .xlsx, or as CSV"
            )
        raise SheetError(
            "not a spreadsheet: a zip archive of other files saved under a spreadsheet's name"
        )
    raise SheetError(
        f"not a spreadsheet (neither an {EXCEL} nor an {OPENDOCUMENT}: a web page or text "
        "saved under a spreadsheet's name is not read; open it in Excel or LibreOffice and "
        "save it as .xlsx, or as CSV)"
    )


def workbook_records(
    data: bytes, fields: FieldMapping, notes: list[str] | None = None, ext: str = ".xlsx"
) -> Iterator[tuple[int | str, Any]]:
    """The numbered rows of every sheet that has a text column, as mappings; numbered by
    their row in the sheet (``Sheet2:14`` when several sheets hold articles). Raises
    :class:`SheetError` when no sheet has articles, or the file cannot be read. ``notes``:
    what the report says of each sheet's columns (:meth:`FieldMapping.unused_note`) is
    added to it. ``ext``: the file's extension, which names the kind of a file too
    damaged to tell."""
    book, kind = _open(data, ext)
    try:
        yield from _records(book, kind, fields, notes)
    finally:
        book.close()


def _records(
    book: _Book, kind: str, fields: FieldMapping, notes: list[str] | None
) -> Iterator[tuple[int | str, Any]]:
    try:
        found: list[tuple[str, int, list[str]]] = []
        seen: list[str] = []
        for title, top in book.sheets():
            at = _header(top, fields)
            if at is None:
                seen.extend(n for row in top[:1] for n in _names(row) if n)
                continue
            found.append((title, at, _names(top[at])))
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
            for number, row in enumerate(book.rows(title, at + 2), at + 2):
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
    except BaseException as exc:  # a sheet damaged further on
        if not _failure(exc):
            raise
        raise SheetError(f"damaged {kind} ({_why(exc)})") from exc
