"""The records of a large JSON file read from a stream, one at a time, never the file whole.

A JSON export of tens of thousands of articles is one array, often wrapped in an object
(``{"status": "ok", "articles": [...]}``); parsed whole, it takes four to five times its
size in memory. Here the array is found in the file's first part, then each record is
decoded on its own (by the json module's C decoder) from a buffer read as it goes. A file
whose records are not found that way (a table saved column by column, rows of bare
values, a text that is not UTF-8) is left to be read whole."""

from __future__ import annotations

import codecs
import json
import re
from collections.abc import Iterator
from typing import Any, BinaryIO

from desktop.corpus.fields import FieldMapping
from desktop.corpus.readers import WRAPPERS, UnreadableFileError

#: how much of the file is read to find its array of records
HEAD_BYTES = 1 << 20
#: how much is read at a time after that (twice as much while a record runs on)
READ_BYTES = 1 << 20
#: how deep in objects a wrapped array is looked for (as ``readers`` looks for it)
DEPTH = 2

_SPACE = re.compile(r"[ \t\n\r]*")
_DECODER = json.JSONDecoder()


class _HeadEndedError(Exception):
    """The head ended before the array was found."""


def _skip(text: str, pos: int) -> int:
    end = _SPACE.match(text, pos)
    assert end is not None
    return end.end()


def _at(text: str, pos: int) -> str:
    if pos >= len(text):
        raise _HeadEndedError
    return text[pos]


def _array_in(text: str, pos: int, fields: FieldMapping, depth: int) -> int | None:
    """Where the records begin inside the object opening at ``pos``: after the ``[`` of
    a usual wrapping key's array of objects, in it or ``depth`` objects down; None if
    the object is a record itself or holds none."""
    pos = _skip(text, pos + 1)
    while _at(text, pos) != "}":
        try:
            key, pos = _DECODER.raw_decode(text, pos)
        except json.JSONDecodeError:
            raise _HeadEndedError from None
        pos = _skip(text, pos)
        if not isinstance(key, str) or _at(text, pos) != ":":
            return None
        if fields.key_for("text", [key]) is not None:
            return None  # a record (or a table column by column): read whole
        pos = _skip(text, pos + 1)
        opening = _at(text, pos)
        if opening == "[" and key.lower() in WRAPPERS:
            first = _skip(text, pos + 1)
            return first if _at(text, first) in "{]" else None
        if opening == "{" and depth:
            found = _array_in(text, pos, fields, depth - 1)
            if found is not None:
                return found
        try:
            _value, pos = _DECODER.raw_decode(text, pos)
        except json.JSONDecodeError:
            raise _HeadEndedError from None
        pos = _skip(text, pos)
        if _at(text, pos) == ",":
            pos = _skip(text, pos + 1)
    return None


def records_start(text: str, fields: FieldMapping) -> int | None:
    """Where the first record of the array of records begins in the first part of a JSON
    text (a top-level array of objects, or one wrapped as :func:`readers.json_records`
    finds it), or None when it is not such an array or is not found there."""
    try:
        pos = _skip(text, 0)
        if _at(text, pos) == "[":
            first = _skip(text, pos + 1)
            return first if _at(text, first) in "{]" else None
        if _at(text, pos) == "{":
            return _array_in(text, pos, fields, DEPTH)
    except _HeadEndedError:
        return None
    return None


def streamed_records(
    stream: BinaryIO, fields: FieldMapping
) -> tuple[bytes, Iterator[tuple[int, Any]] | None]:
    """(what was read of ``stream``, its numbered records as they are read), or with None
    in place of the records when they are not found in the file's first part (the
    caller then reads the rest, and the file whole). A record that cannot be decoded, or
    a read that fails, ends the records with :class:`UnreadableFileError`."""
    read, size, eof = [], 0, False
    while size < HEAD_BYTES and not eof:  # a read may give less than asked
        more = stream.read(HEAD_BYTES - size)
        read.append(more)
        size += len(more)
        eof = not more
    head = b"".join(read)
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or b"\x00" in head[:4096]:
        return head, None
    decoder = codecs.getincrementaldecoder("utf-8-sig")()
    try:
        text = decoder.decode(head, final=eof)
    except UnicodeDecodeError:
        return head, None  # Windows-1256 or another: read whole, its encoding told
    start = records_start(text, fields)
    if start is None:
        return head, None
    return head, _records(stream, decoder, text, start, eof=eof)


def _records(
    stream: BinaryIO, decoder: codecs.IncrementalDecoder, text: str, pos: int, *, eof: bool
) -> Iterator[tuple[int, Any]]:
    size = READ_BYTES

    def more() -> bool:
        """Read on (``size`` bytes) onto ``text``; False at the end of the stream."""
        nonlocal text, pos, eof
        try:
            data = stream.read(size)
            added = decoder.decode(data, final=not data)
        except OSError as exc:
            raise UnreadableFileError(f"cannot read: {exc.strerror or exc}") from exc
        except UnicodeDecodeError as exc:
            raise UnreadableFileError(f"not UTF-8 at byte {exc.start} of a read") from exc
        text = text[pos:] + added  # what was decoded goes
        pos = 0
        eof = not data
        return bool(data)

    number = 0
    while True:
        pos = _skip(text, pos)
        if pos >= len(text):
            if eof or not more():
                raise UnreadableFileError("malformed JSON: the file ends inside its array")
            continue
        if text[pos] == "]":
            return  # what follows the array (a count, a next page) is not read
        try:
            record, end = _DECODER.raw_decode(text, pos)
            complete = end < len(text) or eof  # a number cut short decodes too
        except json.JSONDecodeError as exc:
            if eof:
                raise UnreadableFileError(
                    f"malformed JSON in record {number + 1}: {exc.msg}"
                ) from exc
            complete = False
        if not complete:  # the record runs on: read on, twice as much each time
            size = max(READ_BYTES, 2 * (len(text) - pos))
            more()
            continue
        size = READ_BYTES
        number += 1
        yield number, record
        pos = _skip(text, end)
        if pos >= len(text) and not eof:
            more()
            pos = _skip(text, pos)
        if pos < len(text) and text[pos] == ",":
            pos += 1
        elif pos < len(text) and text[pos] != "]":
            raise UnreadableFileError(f"malformed JSON after record {number}")
