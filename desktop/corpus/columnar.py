"""Articles kept in a columnar table: Parquet (how Hugging Face publishes datasets, and
what pandas and Spark write) and Arrow (how the ``datasets`` library saves one to disk,
``data-00000-of-00001.arrow``; Feather files). One article a row.

Read through pyarrow, imported only when such a file is: its rows go a batch at a time
to the same reading of field names as JSON records, so a file of tens of thousands of
articles is never held as Python objects whole; a file on the disk is read from it a
page at a time, never whole, even one written as a single row group. Columns that
cannot hold an article's text or metadata (bytes, lists of numbers such as embeddings)
are not read at all. Which format a file is in is told from its first bytes, not from
its name."""

from __future__ import annotations

import datetime as dt
import decimal
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any, BinaryIO

from desktop.corpus.fields import FieldMapping

if TYPE_CHECKING:
    import pyarrow as pa

#: how many rows are made Python objects at a time (a thousand rows of long articles
#: held pyarrow's buffers for some 5 MB of text, and Python's for as much again)
BATCH_ROWS = 200
#: how much of a Parquet file is read at a time: a column's pages, not the whole of it
#: (one row group of 30,000 articles is one piece of some 30 MB per column)
READ_BYTES = 1 << 20

PARQUET = "Parquet file"
ARROW = "Arrow file"

_PARQUET_MAGIC = b"PAR1"
_ARROW_FILE_MAGIC = b"ARROW1"
_FEATHER_V1_MAGIC = b"FEA1"
#: an Arrow stream's first message opens with this marker (older writers: its length)
_STREAM_MARKER = b"\xff\xff\xff\xff"
#: what a repository cloned without Git LFS holds in place of a large file
_LFS_POINTER = b"version https://git-lfs"


class ColumnarError(Exception):
    """The file cannot be read at all; ``str(exc)`` says why."""


def kind_of(head: bytes) -> str | None:
    """Which columnar format a file's first bytes are in, or None."""
    if head.startswith(_PARQUET_MAGIC):
        return PARQUET
    if head.startswith((_ARROW_FILE_MAGIC, _FEATHER_V1_MAGIC, _STREAM_MARKER)):
        return ARROW
    return None


def _readable(field_type: pa.DataType) -> bool:
    """Whether a column of this type can hold an article's text or metadata: text,
    numbers, dates, booleans, nested records of those and lists of text; not bytes and
    not lists of numbers (an embedding is hundreds of floats a row)."""
    import pyarrow.types as t

    if t.is_binary(field_type) or t.is_large_binary(field_type):
        return False
    if t.is_fixed_size_binary(field_type):
        return False
    if t.is_list(field_type) or t.is_large_list(field_type) or t.is_fixed_size_list(field_type):
        return _readable(field_type.value_type) and not (
            t.is_integer(field_type.value_type) or t.is_floating(field_type.value_type)
        )
    if t.is_struct(field_type):
        return any(_readable(field_type.field(i).type) for i in range(field_type.num_fields))
    if t.is_dictionary(field_type):
        return _readable(field_type.value_type)
    return not (t.is_null(field_type) or t.is_map(field_type) or t.is_union(field_type))


def _value(value: Any) -> Any:
    """A cell as a JSON record holds it: dates and times as ISO text, whole numbers
    without «.0», decimals as text; nested records and lists alike."""
    if isinstance(value, str) or value is None:
        return value
    if isinstance(value, (dt.datetime, dt.date, dt.time)):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, decimal.Decimal):
        return str(value)
    if isinstance(value, dict):
        return {k: _value(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_value(v) for v in value]
    return value


def _checked(
    schema: pa.Schema, kind: str, fields: FieldMapping, notes: list[str] | None
) -> list[str]:
    """The columns of ``schema`` to read; a table with none that can hold an article's
    text (a text column, or nested records that may) raises :class:`ColumnarError`.
    What the report says of the columns no field is read from goes on ``notes``."""
    import pyarrow.types as t

    names = [str(f.name) for f in schema]
    readable = [f for f in schema if _readable(f.type)]
    found = [
        str(f.name)
        if _readable(f.type)
        else f"{f.name} ({'empty' if t.is_null(f.type) else 'not text'})"
        for f in schema
    ]
    text = fields.key_for("text", [str(f.name) for f in readable])
    if text is None and not any(t.is_struct(f.type) for f in readable):
        raise ColumnarError(
            f"{kind} has no text column (looked for {fields.describe('text')}; "
            f"found: {', '.join(found)}); to read one, name it: --field text=COLUMN"
        )
    if text is not None:
        text_type = schema.field(text).type
        if t.is_integer(text_type) or t.is_floating(text_type) or t.is_decimal(text_type):
            raise ColumnarError(f'{kind}\'s text column "{text}" holds numbers, not text')
    # a column of nested records is read through (a «meta» with the url and date in it)
    note = fields.unused_note(
        [n for n, f in zip(names, schema, strict=True) if not t.is_struct(f.type)]
    )
    if note and notes is not None:
        notes.append(note)
    return [f.name for f in readable]


def _batches(
    source: Any, head: bytes, kind: str, fields: FieldMapping, notes: list[str] | None
) -> Iterator[pa.RecordBatch]:
    """The batches of rows of a table read from ``source`` (a pyarrow buffer reader, or
    a file), whose first bytes are ``head``."""

    if kind == PARQUET:
        import pyarrow.parquet as pq

        # pages read as they are needed (unbuffered, a column of a row group was read
        # whole: all of a file written as one group)
        parquet = pq.ParquetFile(source, pre_buffer=False, buffer_size=READ_BYTES)
        read = _checked(parquet.schema_arrow, kind, fields, notes)
        # a row group after another: the rows before a damaged one are read (batches
        # across groups made the damage of the last the failure of the first)
        for group in range(parquet.num_row_groups):
            yield from parquet.iter_batches(
                batch_size=BATCH_ROWS, row_groups=[group], columns=read, use_threads=False
            )
        return
    import pyarrow.ipc as ipc

    reader: Any
    if head.startswith(_ARROW_FILE_MAGIC):
        reader = ipc.open_file(source)
        batches: Iterator[pa.RecordBatch] = (
            reader.get_batch(i) for i in range(reader.num_record_batches)
        )
    elif head.startswith(_FEATHER_V1_MAGIC):
        import pyarrow.feather as feather

        batches = iter(feather.read_table(source).to_batches(BATCH_ROWS))
    else:
        reader = ipc.open_stream(source)
        batches = iter(reader)
    columns: list[str] | None = None
    for batch in batches:
        if columns is None:
            columns = _checked(batch.schema, kind, fields, notes)
        batch = batch.select(columns)
        # an Arrow file's buffers are used as they are, unchecked: damaged offsets would
        # be read past their ends
        batch.validate(full=True)
        for lo in range(0, batch.num_rows, BATCH_ROWS):
            yield batch.slice(lo, BATCH_ROWS)


def _rows(batch: pa.RecordBatch) -> list[dict[str, Any]]:
    """A batch's rows as Python values. A time with its time zone is read as the same
    time in UTC without it (making it a zoned Python time needs a time-zone database,
    which Windows does not have); a column whose values Python's dates cannot hold
    (the year 10000) is read as text, which the date reading then reports."""
    import pyarrow as pa
    import pyarrow.types as t

    columns = []
    for field, column in zip(batch.schema, batch.columns, strict=True):
        if t.is_timestamp(field.type) and field.type.tz is not None:
            column = column.cast(pa.timestamp(field.type.unit))
        columns.append(column)
    names = [f.name for f in batch.schema]
    try:
        rows: list[dict[str, Any]] = pa.RecordBatch.from_arrays(columns, names=names).to_pylist()
        return rows
    except (OverflowError, ValueError):
        values = []
        for column in columns:
            try:
                values.append(column.to_pylist())
            except (OverflowError, ValueError):
                values.append(column.cast(pa.string()).to_pylist())
        return [dict(zip(names, row, strict=True)) for row in zip(*values, strict=True)]


#: how much of a file's start and end tell what it is and whether it is whole
_HEAD_BYTES = 32
_TAIL_BYTES = 8


@contextmanager
def _opened(data: bytes | Callable[[], BinaryIO]) -> Iterator[tuple[bytes, bytes, Any]]:
    """(a file's first bytes, its last, what pyarrow reads it from) of its bytes, or of
    how to open it to be read from disk (read as its rows are, never whole)."""
    if isinstance(data, bytes):
        yield data[:_HEAD_BYTES], data[-_TAIL_BYTES:], _BufferSource(data)
        return
    with data() as f:
        head = f.read(_HEAD_BYTES)
        size = f.seek(0, os.SEEK_END)
        f.seek(max(0, size - _TAIL_BYTES))
        tail = f.read(_TAIL_BYTES)
        f.seek(0)
        yield head, tail, f


class _BufferSource:
    """Bytes in memory as pyarrow reads them (made once pyarrow is imported)."""

    def __init__(self, data: bytes) -> None:
        self.data = data


def columnar_records(
    data: bytes | Callable[[], BinaryIO], fields: FieldMapping, notes: list[str] | None = None
) -> Iterator[tuple[int, dict[str, Any]]]:
    """The numbered rows of a Parquet or Arrow file (its bytes, or how to open it to be
    read from disk a piece at a time), as records; a file that is neither, holds no
    text column, or is damaged, raises :class:`ColumnarError` (after the rows read
    before the damage). ``notes``: what the report says of the file (its columns not
    read)."""
    with _opened(data) as (head, tail, source):
        kind = kind_of(head[:8])
        if kind is None:
            if not head:
                raise ColumnarError("empty file")
            if head.startswith(_LFS_POINTER):
                raise ColumnarError(
                    "a Git LFS pointer, not the table: fetch the data first (git lfs pull)"
                )
            raise ColumnarError("not a Parquet or Arrow file (its first bytes are neither's)")
        ends = {PARQUET: _PARQUET_MAGIC, ARROW: _ARROW_FILE_MAGIC}
        if head.startswith((_PARQUET_MAGIC, _ARROW_FILE_MAGIC)) and not tail.endswith(ends[kind]):
            raise ColumnarError(f"damaged {kind}: it is cut short (its end is missing)")
        try:
            import pyarrow as pa
        except ImportError as exc:  # pragma: no cover - a dependency, installed with the app
            raise ColumnarError(f"cannot read a {kind}: pyarrow is not installed") from exc
        if isinstance(source, _BufferSource):
            source = pa.BufferReader(pa.py_buffer(source.data))
        number = 0
        try:
            for batch in _batches(source, head, kind, fields, notes):
                for row in _rows(batch):
                    number += 1
                    yield number, {str(k): _value(v) for k, v in row.items()}
        except (pa.ArrowException, OSError, ValueError) as exc:
            where = f" after row {number}" if number else ""
            raise ColumnarError(f"damaged {kind}{where}: {' '.join(str(exc).split())}") from exc
        if not number:
            raise ColumnarError(f"{kind} with no rows")
