"""The records of a large JSON file read from a stream, one at a time, never the file whole.

A JSON export of tens of thousands of articles is one array, often wrapped in an object
(``{"status": "ok", "articles": [...]}``); parsed whole, it takes four to five times its
size in memory. Here the array is found in the file's first part, as
:func:`readers.records_array` finds it in the file read whole, then each record is
decoded on its own (by the json module's C decoder) from a buffer read as it goes, and
the rest of the file is read through to its end, so that a second value after the first
is reported as the whole read reports it. A file whose records are not found that way
(a table saved column by column, rows of values, records keyed by id, a text that is not
mostly UTF-8) is left to be read whole. Bytes further on that are not UTF-8 (a word saved
in another encoding) are kept as escapes, and the record that holds them is marked for
the reader to refuse it, not the rest of the file."""

from __future__ import annotations

import codecs
import json
import re
from collections.abc import Iterator
from typing import Any, BinaryIO

from desktop.corpus.decode import ends_inside_a_character
from desktop.corpus.fields import FieldMapping
from desktop.corpus.readers import (
    WRAPPED_DEPTH,
    WRAPPERS,
    UnreadableFileError,
    is_record,
    marked,
)

#: how much of the file is read to find its array of records
HEAD_BYTES = 1 << 20
#: how much is read at a time after that (twice as much while a value runs on)
READ_BYTES = 1 << 20
#: a decoding error this far before the end of what was read is not for want of more
_FINAL_ERROR = 64

_SPACE = re.compile(r"[ \t\n\r]*")
#: what may follow a number, true, false or null (anything else: it was cut short)
_AFTER_SCALAR = frozenset(" \t\n\r,]}")
_DECODER = json.JSONDecoder()


class _HeadEndedError(Exception):
    """The first part ended before the array was found, or is not JSON."""


class _Scan:
    """A JSON text read from its first part, for the array of records."""

    def __init__(self, text: str, fields: FieldMapping) -> None:
        self.text, self.fields = text, fields

    def skip(self, pos: int) -> int:
        end = _SPACE.match(self.text, pos)
        assert end is not None
        return end.end()

    def at(self, pos: int) -> str:
        if pos >= len(self.text):
            raise _HeadEndedError
        return self.text[pos]

    def value(self, pos: int) -> tuple[Any, int]:
        try:
            return _DECODER.raw_decode(self.text, pos)
        except (json.JSONDecodeError, RecursionError):
            raise _HeadEndedError from None

    def records_in(self, pos: int, depth: int) -> tuple[int, int] | None:
        """(where the array's first record begins, how many objects hold the array) in
        the object opening at ``pos``: the first usual wrapping key, in the file's order,
        holding an array whose first item is a record, in it or ``depth`` objects down."""
        pos = self.skip(pos + 1)
        while self.at(pos) != "}":
            key, pos = self.value(pos)
            pos = self.skip(pos)
            if not isinstance(key, str) or self.at(pos) != ":":
                raise _HeadEndedError
            pos = self.skip(pos + 1)
            opening = self.at(pos)
            if opening == "[" and key.lower() in WRAPPERS:
                first = self.skip(pos + 1)
                if self.at(first) == "{":
                    record, _end = self.value(first)
                    if is_record(record, self.fields):
                        return first, 1
            elif opening == "{" and depth:
                found = self.records_in(pos, depth - 1)
                if found is not None:
                    return found[0], found[1] + 1
            _value, pos = self.value(pos)
            pos = self.skip(pos)
            if self.at(pos) == ",":
                pos = self.skip(pos + 1)
            elif self.at(pos) != "}":
                raise _HeadEndedError
        return None


def records_start(text: str, fields: FieldMapping) -> tuple[int, int] | None:
    """(where the first record of the array of records begins, how many objects hold the
    array) in the first part of a JSON text: a top-level array of objects, or one wrapped
    as :func:`readers.records_array` finds it; None when there is no such array, or it
    is not found there."""
    scan = _Scan(text, fields)
    try:
        pos = scan.skip(0)
        if scan.at(pos) == "[":
            first = scan.skip(pos + 1)
            return (first, 0) if scan.at(first) in "{]" else None
        if scan.at(pos) == "{":
            return scan.records_in(pos, WRAPPED_DEPTH)
    except _HeadEndedError:
        return None
    return None


def streamed_records(
    stream: BinaryIO, fields: FieldMapping
) -> tuple[bytes, Iterator[tuple[int, Any]] | None]:
    """(what was read of ``stream``, its numbered records as they are read), or with None
    in place of the records when they are not found in the file's first part (the
    caller then reads the rest, and the file whole). A record that cannot be decoded,
    what follows the array not being JSON, or a read that fails, ends the records with
    :class:`UnreadableFileError`."""
    read, size, eof = [], 0, False
    while size < HEAD_BYTES and not eof:  # a read may give less than asked
        more = stream.read(HEAD_BYTES - size)
        read.append(more)
        size += len(more)
        eof = not more
    head = b"".join(read)
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or b"\x00" in head[:4096]:
        return head, None
    decoder = _Utf8()
    text = decoder.decode(head.removeprefix(codecs.BOM_UTF8), final=eof)
    if decoder.escapes and decoder.escapes >= len(head) - len(text) - decoder.held:
        return head, None  # mostly Windows-1256 or another: read whole, its encoding told
    start = records_start(text, fields)
    if start is None:
        return head, None
    buffer = _Buffer(stream, decoder, text, start[0], eof)
    return head, _records(buffer, holders=start[1])


class _Utf8:
    """UTF-8 decoded as it is read, a byte that is not UTF-8 kept as an escape (as
    :mod:`desktop.corpus.decode` keeps it); a character the read ends inside waits for
    the next read."""

    def __init__(self) -> None:
        self.pending = b""
        #: bytes kept as escapes so far
        self.escapes = 0
        #: the stream ends inside a character
        self.cut = False

    @property
    def held(self) -> int:
        return len(self.pending)

    def decode(self, data: bytes, final: bool) -> str:
        data = self.pending + data
        end = len(data) if final else _whole_characters(data)
        data, self.pending = data[:end], data[end:]
        try:
            return data.decode("utf-8")
        except UnicodeDecodeError:
            text = data.decode("utf-8", "surrogateescape")
            self.escapes += len(text) - len(data.decode("utf-8", "ignore"))
            self.cut = final and ends_inside_a_character(text)
            return text


def _whole_characters(data: bytes) -> int:
    """How much of ``data`` is whole characters: all but the first bytes of one whose
    last bytes are missing at its end."""
    for back in range(1, min(4, len(data)) + 1):
        byte = data[-back]
        if byte < 0x80:
            return len(data)
        if byte >= 0xC0:  # the first byte of a character of this many bytes
            size = 2 if byte < 0xE0 else 3 if byte < 0xF0 else 4
            return len(data) - back if back < size else len(data)
    return len(data)


class _Buffer:
    """What has been decoded of the stream and not yet consumed, from ``pos``."""

    def __init__(self, stream: BinaryIO, decoder: _Utf8, text: str, pos: int, eof: bool) -> None:
        self.stream, self.decoder = stream, decoder
        self.text, self.pos, self.eof = text, pos, eof

    def more(self, size: int = READ_BYTES) -> None:
        """Read on, ``size`` bytes; what was consumed goes."""
        try:
            data = self.stream.read(size)
            added = self.decoder.decode(data, final=not data)
        except OSError as exc:
            raise UnreadableFileError(f"cannot read: {exc.strerror or exc}") from exc
        self.text = self.text[self.pos :] + added
        self.pos = 0
        self.eof = not data

    def peek(self) -> str | None:
        """The next character that is not white space (reading on for it), or None at
        the end of the stream."""
        while True:
            self.pos = _SPACE.match(self.text, self.pos).end()  # type: ignore[union-attr]
            if self.pos < len(self.text):
                return self.text[self.pos]
            if self.eof:
                return None
            self.more()

    def value(self, what: str) -> Any:
        """The JSON value that begins at the next character, read on until it is whole."""
        while True:
            text, pos = self.text, self.pos
            try:
                value, end = _DECODER.raw_decode(text, pos)
            except json.JSONDecodeError as exc:
                final = exc.pos < len(text) - _FINAL_ERROR and not exc.msg.startswith(
                    "Unterminated string"
                )
                if self.eof and self.decoder.cut:
                    raise UnreadableFileError(f"cut short: the file ends inside {what}") from exc
                if self.eof or final:
                    raise UnreadableFileError(f"malformed JSON in {what}: {exc.msg}") from exc
            except RecursionError as exc:
                raise UnreadableFileError(f"malformed JSON: {what} nested too deeply") from exc
            else:
                whole = end < len(text) and (text[pos] in '{["' or text[end] in _AFTER_SCALAR)
                if whole or self.eof:  # a number cut short decodes too: «1.» as 1
                    self.pos = end
                    return value
            # the value runs on: read twice as much as is in hand, so that a long one is
            # read in a few reads, not one a megabyte
            self.more(max(READ_BYTES, 2 * (len(text) - pos)))


def _records(buffer: _Buffer, holders: int) -> Iterator[tuple[int, Any]]:
    ended = "malformed JSON: the file ends inside its array"
    number = 0
    after = buffer.peek()
    if after == "]":
        buffer.pos += 1
    while after != "]":
        if after is None:
            raise UnreadableFileError(ended)
        record = buffer.value(f"record {number + 1}")
        number += 1
        yield number, marked(record) if buffer.decoder.escapes else record
        after = buffer.peek()
        buffer.pos += 1
        if after == ",":
            after = buffer.peek()
            if after == "]":  # JSON allows no comma there
                raise UnreadableFileError(f"malformed JSON after record {number}")
        elif after is None:
            raise UnreadableFileError(ended)
        elif after != "]":
            raise UnreadableFileError(f"malformed JSON after record {number}")
    # what follows the array, up to the end of the objects that hold it, is read through
    for _ in range(holders):
        while (after := buffer.peek()) == ",":
            buffer.pos += 1
            buffer.peek()
            key = buffer.value("a key after the records")
            if not isinstance(key, str) or buffer.peek() != ":":
                raise UnreadableFileError("malformed JSON after the records")
            buffer.pos += 1
            buffer.peek()
            buffer.value(f"«{key}» after the records")
        if after != "}":
            raise UnreadableFileError("malformed JSON after the records")
        buffer.pos += 1
    if buffer.peek() is not None:
        raise UnreadableFileError(
            "malformed JSON: more follows the records' array (several JSON texts in one file?)"
        )
