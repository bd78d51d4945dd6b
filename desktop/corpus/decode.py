"""Bytes → text, never guessing silently wrong.

Accepted: UTF-8 (with or without BOM), UTF-16 and UTF-32 with a BOM, and Windows-1256
(the usual legacy encoding of Arabic). Anything else is refused with a reason. Line ends
are folded to ``\\n``; nothing else in the text is changed.
"""

from __future__ import annotations

import codecs
import itertools
import os
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from typing import BinaryIO

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_ALLOWED_CONTROLS = frozenset("\t\n\r\f\v")


class DecodeError(ValueError):
    """The bytes are not text in an encoding we can read with confidence."""


#: characters that are certainly assigned and not controls (printable ASCII, the usual
#: white space, Arabic letters, marks, digits and punctuation, Latin-1 punctuation):
#: nearly all of an Arabic text, so only the rest is classified
_UNREMARKABLE = "\t-\r\x20-\x7e\xa0-\xff\u060c\u061b\u061f\u0621-\u0652\u0660-\u066d"
_REMARKABLE_RE = re.compile(f"[^{_UNREMARKABLE}]+")


def _implausible_count(text: str) -> int:
    """How many characters do not occur in real text (controls, private use, unassigned)."""
    # a text of megabytes has a few hundred distinct characters: classify those only
    rest = set("".join(_REMARKABLE_RE.findall(text)))
    bad = [
        ch
        for ch in rest
        if ch not in _ALLOWED_CONTROLS and unicodedata.category(ch) in ("Cc", "Co", "Cn", "Cs")
    ]
    if not bad:
        return 0
    pattern = re.compile("[" + "".join(re.escape(ch) for ch in bad) + "]")
    return sum(1 for _ in pattern.finditer(text))


def _implausible_share(text: str) -> float:
    """Share of characters that do not occur in real text."""
    return _implausible_count(text) / len(text) if text else 0.0


def _is_arabic_letter(ch: str) -> bool:
    return "\u0621" <= ch <= "\u064a"


def _finish(text: str) -> str:
    if text.startswith("\ufeff"):
        text = text[1:]
    return _fold_line_ends(text)


def _fold_line_ends(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


#: a large file is decoded this many bytes at a time (each slice cut after a line end)
SLICE_BYTES = 4_000_000
_NOT_BLANK_RE = re.compile(rb"[^ \t\r\n\x00]")


def decode_bytes(data: bytes) -> tuple[str, str]:
    """``(text, encoding name)``; raises :class:`DecodeError` with a reason."""
    name, slices = decode_in_slices(data, max(len(data), 1))
    return "".join(slices), name


def decode_in_slices(data: bytes, size: int | None = None) -> tuple[str, Iterator[str]]:
    """``(encoding name, the text in slices of about ``size`` bytes, each but the last
    ending with a line end)``: what :func:`decode_bytes` gives, without the whole text of
    a file of hundreds of megabytes held at once next to its bytes. The whole file is
    judged before the name is returned; raises :class:`DecodeError` with a reason."""
    size = size or SLICE_BYTES
    cuts = []
    start = 0
    while start < len(data):
        cut = data.find(b"\n", start + size)
        end = len(data) if cut == -1 else cut + 1
        cuts.append((start, end))
        start = end
    return _decoded(lambda: (data[a:b] for a, b in cuts))


class FileChangedError(OSError):
    """A file read from the disk more than once changed between two of its reads."""


def decode_stream(
    open_: Callable[[], BinaryIO], size: int | None = None
) -> tuple[str, Iterator[str]]:
    """:func:`decode_in_slices` of a file read from disk rather than held: the file is
    read once to judge its encoding (a second time for Windows-1256) and again, opened
    anew, as the slices are asked for (a CSV export of a whole archive can be larger
    than memory). An error reading it (:class:`OSError`) is raised as it happens;
    :class:`FileChangedError` when its size or time of change differ from one read to the
    next (a file still being written or saved over)."""
    size = size or SLICE_BYTES
    seen: list[tuple[int, int]] = []

    def read() -> Iterator[bytes]:
        with open_() as stream:
            now = _identity(stream)
            if now is not None:
                if seen and now != seen[0]:
                    raise FileChangedError("the file changed while it was read; import it again")
                seen.append(now)
            while chunk := stream.read(size):
                if not chunk.endswith(b"\n"):  # a slice ends with its line
                    chunk += stream.readline()
                yield chunk

    return _decoded(read)


def _identity(stream: BinaryIO) -> tuple[int, int] | None:
    """A file's size and time of change (``None`` for a stream that is not a file)."""
    try:
        st = os.fstat(stream.fileno())
    except (OSError, AttributeError, ValueError):  # io.BytesIO has no file number
        return None
    return st.st_size, st.st_mtime_ns


def _decoded(read: Callable[[], Iterator[bytes]]) -> tuple[str, Iterator[str]]:
    """The encoding of the byte slices ``read()`` gives (each but the last ending with a
    line end), judged over all of them in one pass (two for Windows-1256), and their
    text, read again as it is asked for (the text of a file of a single slice is kept
    from judging it)."""
    chunks = read()
    first = next(chunks, b"")
    skip = 0
    for bom, name in _BOMS:
        if first.startswith(bom):
            if name == "utf-8":
                skip = len(bom)
                break
            data = first + b"".join(chunks)  # UTF-16 and UTF-32: line ends are not bytes
            try:
                text = data[len(bom) :].decode(name)
            except UnicodeDecodeError as exc:
                raise DecodeError(f"declares {name} by its byte-order mark but is not") from exc
            if _implausible_share(text) > 0.01:
                raise DecodeError(f"binary data behind a {name} byte-order mark")
            return name, iter([_finish(text)])
    blank, nul, utf8 = True, False, True
    count = chars = bad = 0
    text = ""
    for i, chunk in enumerate(itertools.chain([first], chunks)):
        blank = blank and not _NOT_BLANK_RE.search(chunk)
        nul = nul or (not skip and b"\x00" in chunk)
        if not utf8 or nul:
            continue  # read on only to tell an empty file and a binary one
        try:
            text = chunk[skip if i == 0 else 0 :].decode("utf-8")
        except UnicodeDecodeError:
            utf8 = False
            continue
        count += 1
        chars += len(text)
        bad += _implausible_count(text)
    if blank:
        raise DecodeError("empty file")
    if nul:
        raise DecodeError("binary file (contains NUL bytes; UTF-16 needs a byte-order mark)")

    def slices() -> Iterator[bytes]:
        chunks = read()
        yield next(chunks, b"")[skip:]
        yield from chunks

    if utf8:
        if bad > 0.01 * chars:
            if skip:
                raise DecodeError("binary data behind a utf-8 byte-order mark")
            raise DecodeError("binary file (control characters)")
        return "utf-8", _slices(slices(), "utf-8", [text] if count == 1 else [])
    if skip:
        raise DecodeError("declares utf-8 by its byte-order mark but is not")
    _judge_cp1256(slices())
    return "windows-1256", _slices(slices(), "cp1256", [])


def _judge_cp1256(slices: Iterable[bytes]) -> None:
    """Raise unless the bytes read as Windows-1256 are overwhelmingly Arabic."""
    counts: Counter[str] = Counter()
    bad = 0
    for chunk in slices:
        text = chunk.decode("cp1256")  # it has no byte it cannot decode
        counts.update(text)  # a code page has 256 characters: counted in C
        bad += _implausible_count(text)
    letters = sum(n for ch, n in counts.items() if ch.isalpha())
    arabic = sum(n for ch, n in counts.items() if ch.isalpha() and _is_arabic_letter(ch))
    non_ascii = sum(n for ch, n in counts.items() if ord(ch) > 127)
    # Windows-1256 decodes almost any byte; accept it only when what the high bytes became
    # is overwhelmingly Arabic letters, marks and Arabic punctuation.
    arabic_like = sum(
        n
        for ch, n in counts.items()
        if ord(ch) > 127 and ("\u060c" <= ch <= "\u06ff" or ch in "\u200c\u200d\u200e\u200f")
    )
    if (
        bad > 0.002 * counts.total()
        or not letters
        or arabic < 0.3 * letters
        or arabic_like < 0.9 * non_ascii
    ):
        raise DecodeError("not UTF-8, UTF-16 or Windows-1256 text (undecodable bytes)")


def _slices(slices: Iterator[bytes], encoding: str, kept: list[str]) -> Iterator[str]:
    """The slices decoded one at a time (again: holding them all is what is avoided)."""
    if kept:
        yield _finish(kept[0])
        return
    for i, chunk in enumerate(slices):
        try:
            text = chunk.decode(encoding)
        except UnicodeDecodeError as exc:  # not what was judged: it changed meanwhile
            raise FileChangedError("the file changed while it was read; import it again") from exc
        yield _finish(text) if i == 0 else _fold_line_ends(text)
