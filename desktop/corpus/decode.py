"""Bytes → text, never guessing silently wrong.

Accepted: UTF-8 (with or without BOM), UTF-16 and UTF-32 with a BOM, and Windows-1256
(the usual legacy encoding of Arabic). Anything else is refused with a reason. Line ends
are folded to ``\\n``; nothing else in the text is changed.

A file is read in the encoding most of its bytes are in: a UTF-8 file with a word saved
in another encoding, or cut short inside its last character, is still UTF-8. Its bytes
that are not UTF-8 are kept as escapes (Python's «surrogateescape»: the byte ``b`` as
the lone surrogate U+DC00 + ``b``, which decoded text never holds otherwise), where
they are, so that a reader can refuse what holds them (one record, not the file);
:func:`decode_bytes`, for a file that is one text, refuses the file, saying where.
"""

from __future__ import annotations

import codecs
import itertools
import os
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from typing import BinaryIO, NamedTuple

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


#: a byte that is not text in the encoding the rest is in, as it is kept
ESCAPED_RE = re.compile("[\udc80-\udcff]")
#: why what holds such bytes is not read, and why a file cut short is not
NOT_TEXT = "bytes that are not UTF-8 text"
CUT_SHORT = "cut short: the file ends inside a character"


class Decoded(NamedTuple):
    """A file's text in slices (:func:`decode_in_slices`, :func:`decode_stream`)."""

    encoding: str
    slices: Iterator[str]
    #: some bytes are not text in ``encoding``: each is kept as an escape (ESCAPED_RE)
    escaped: bool = False
    #: the bytes end inside a character (a file cut short): the last escapes are its
    #: first bytes
    cut: bool = False


class Text(NamedTuple):
    """A file's text (:func:`decode_text`), told as :class:`Decoded`."""

    text: str
    encoding: str
    escaped: bool = False
    cut: bool = False


#: characters that are certainly assigned and not controls (printable ASCII, the usual
#: white space, Arabic letters, marks, digits and punctuation, Latin-1 punctuation):
#: nearly all of an Arabic text, so only the rest is classified; and bytes kept as
#: escapes, counted apart (all of a Windows-1256 text read as UTF-8)
_UNREMARKABLE = "\t-\r\x20-\x7e\xa0-\xff\u060c\u061b\u061f\u0621-\u0652\u0660-\u066d\udc80-\udcff"
_REMARKABLE_RE = re.compile(f"[^{_UNREMARKABLE}]+")


def _implausible_count(text: str) -> int:
    """How many characters do not occur in real text (controls, private use, unassigned);
    bytes kept as escapes are not counted (they are counted apart)."""
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


def _is_arabic_like(ch: str) -> bool:
    """An Arabic letter, mark, digit or punctuation mark, or a joiner or direction mark:
    what the bytes beyond ASCII of Arabic in Windows-1256 become."""
    return "\u060c" <= ch <= "\u06ff" or ch in "\u200c\u200d\u200e\u200f"


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
    """``(text, encoding name)`` of a file that is one text; raises
    :class:`DecodeError` with a reason, also when some of its bytes are not text in the
    encoding of the rest (saying on which line) or it is cut inside a character."""
    text, name, escaped, cut = decode_text(data)
    if cut:
        raise DecodeError(CUT_SHORT)
    if escaped:
        raise DecodeError(f"{NOT_TEXT} (line {line_of_escape(text)})")
    return text, name


def decode_text(data: bytes) -> Text:
    """The text of ``data`` as :func:`decode_in_slices` tells it, whole; raises
    :class:`DecodeError` with a reason."""
    name, slices, escaped, cut = decode_in_slices(data, max(len(data), 1))
    return Text("".join(slices), name, escaped, cut)


def line_of_escape(text: str) -> int:
    """The number of the first line of ``text`` that holds a byte kept as an escape."""
    found = ESCAPED_RE.search(text)
    return text.count("\n", 0, found.start()) + 1 if found else 0


def decode_in_slices(data: bytes, size: int | None = None) -> Decoded:
    """The encoding of ``data`` and its text in slices of about ``size`` bytes, each
    but the last ending with a line end: what :func:`decode_text` gives, without the
    whole text of a file of hundreds of megabytes held at once next to its bytes. The
    whole file is judged before the name is returned; raises :class:`DecodeError` with a
    reason."""
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


def decode_stream(open_: Callable[[], BinaryIO], size: int | None = None) -> Decoded:
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


#: a text whose bytes are mostly ASCII (Arabic written as JSON's «\u0627» escapes) is
#: UTF-8 while at most this share of its characters are bytes no encoding explains
_STRAY_SHARE = 0.01


def _decoded(read: Callable[[], Iterator[bytes]]) -> Decoded:
    """The encoding of the byte slices ``read()`` gives (each but the last ending with a
    line end), judged over all of them in one pass (two for Windows-1256), and their
    text, read again as it is asked for (the text of a file of a single slice is kept
    from judging it).

    UTF-8 when its bytes are; when some are not, still UTF-8 when most of the bytes
    beyond ASCII are (fewer bytes are not UTF-8 than there are characters beyond ASCII),
    else Windows-1256 when that reads as Arabic, else UTF-8 when the bytes that are not
    are a stray few among ASCII text; the bytes that are not UTF-8 are then kept as
    escapes. Anything else is refused."""
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
            return Decoded(name, iter([_finish(text)]))
    blank, nul, strict, unclassified = True, False, True, False
    # characters, implausible ones, bytes kept as escapes, bytes beyond a character's first
    count = chars = bad = escaped = multibyte = 0
    piece: str | None = ""  # the last slice's text (None: not decoded)
    last = b""
    for i, chunk in enumerate(itertools.chain([first], chunks)):
        blank = blank and not _NOT_BLANK_RE.search(chunk)
        nul = nul or (not skip and b"\x00" in chunk)
        if nul:
            continue  # read on only to tell an empty file and a binary one
        last = chunk[skip if i == 0 else 0 :]
        count += 1
        try:
            piece = last.decode("utf-8")
        except UnicodeDecodeError:
            strict = False
            valid = last.decode("utf-8", "ignore")
            escapes = len(last) - len(valid.encode("utf-8"))  # counted in C
            beyond = len(last) - escapes - len(valid)
            escaped += escapes
            multibyte += beyond
            chars += len(valid) + escapes  # an escape is a character
            if escapes >= beyond:  # mostly not UTF-8: classified only if the file is
                unclassified, piece = True, None
                continue
            piece = last.decode("utf-8", "surrogateescape")
        else:
            chars += len(piece)
            multibyte += len(last) - len(piece)
        bad += _implausible_count(piece)
    if blank:
        raise DecodeError("empty file")
    if nul:
        raise DecodeError("binary file (contains NUL bytes; UTF-16 needs a byte-order mark)")

    def slices() -> Iterator[bytes]:
        chunks = read()
        yield next(chunks, b"")[skip:]
        yield from chunks

    utf8 = strict or escaped < multibyte
    if not utf8 and skip:
        raise DecodeError("declares utf-8 by its byte-order mark but is not")
    if not utf8:
        try:
            _judge_cp1256(slices())
        except DecodeError:
            if escaped > _STRAY_SHARE * chars:
                raise
        else:
            return Decoded("windows-1256", _slices(slices(), _CP1256_OR_UTF8, []))
    if unclassified:  # slices mostly not UTF-8 in a file that mostly is
        bad = sum(map(_implausible_count, _slices(slices(), "utf-8", [], "surrogateescape")))
    if bad > 0.01 * chars:
        if skip:
            raise DecodeError("binary data behind a utf-8 byte-order mark")
        raise DecodeError("binary file (control characters)")
    errors = "strict" if strict else "surrogateescape"
    if count == 1 and not strict:  # kept: its lines in Windows-1256 read as such
        piece = _utf8_or_cp1256(last)
    elif piece is None:
        piece = last.decode("utf-8", errors)
    kept = [piece] if count == 1 else []
    return Decoded(
        "utf-8",
        _slices(slices(), "utf-8" if strict else _UTF8_OR_CP1256, kept, errors),
        not strict,
        not strict and ends_inside_a_character(piece),
    )


def ends_inside_a_character(text: str) -> bool:
    """Whether the last characters of ``text`` are the escaped first bytes of a UTF-8
    character whose last bytes are missing (a file cut short)."""
    tail = re.search("[\udc80-\udcff]{1,3}\\Z", text)
    if tail is None:
        return False
    raw = tail.group().encode("utf-8", "surrogateescape")
    for start in range(len(raw) - 1, -1, -1):  # the last of them that begins a character
        if raw[start] >= 0xC0:
            try:
                raw[start:].decode("utf-8")
            except UnicodeDecodeError as exc:
                return exc.reason == "unexpected end of data"
            return False
    return False


def _judge_cp1256(slices: Iterable[bytes]) -> None:
    """Raise unless the bytes read as Windows-1256 are overwhelmingly Arabic (the lines
    in UTF-8 among them read as UTF-8)."""
    counts: Counter[str] = Counter()
    bad = 0
    for chunk in slices:
        text = _cp1256_or_utf8(chunk)  # it has no byte it cannot decode
        counts.update(text)  # a code page has 256 characters: counted in C
        bad += _implausible_count(text)
    letters = sum(n for ch, n in counts.items() if ch.isalpha())
    arabic = sum(n for ch, n in counts.items() if ch.isalpha() and _is_arabic_letter(ch))
    non_ascii = sum(n for ch, n in counts.items() if ord(ch) > 127)
    # Windows-1256 decodes almost any byte; accept it only when what the high bytes became
    # is overwhelmingly Arabic letters, marks and Arabic punctuation.
    arabic_like = sum(n for ch, n in counts.items() if ord(ch) > 127 and _is_arabic_like(ch))
    if (
        bad > 0.002 * counts.total()
        or not letters
        or arabic < 0.3 * letters
        or arabic_like < 0.9 * non_ascii
    ):
        raise DecodeError("not UTF-8, UTF-16 or Windows-1256 text (undecodable bytes)")


#: the encoding of :func:`_slices` for a Windows-1256 file: see :func:`_cp1256_or_utf8`
_CP1256_OR_UTF8 = "cp1256 or utf-8"
_ASCII_IN_LINE = rb"[\x00-\x09\x0b\x0c\x0e-\x7f]"
#: a character as UTF-8 allows it: no overlong form (E0 80 80), no surrogate (ED A0 80),
#: nothing past U+10FFFF (F4 90 80 80); the decoder refuses those, and a line of them
#: was taken for UTF-8 and failed to decode
_UTF8_CHARACTER = (
    rb"[\xc2-\xdf][\x80-\xbf]"
    rb"|\xe0[\xa0-\xbf][\x80-\xbf]|[\xe1-\xec\xee\xef][\x80-\xbf]{2}|\xed[\x80-\x9f][\x80-\xbf]"
    rb"|\xf0[\x90-\xbf][\x80-\xbf]{2}|[\xf1-\xf3][\x80-\xbf]{3}|\xf4[\x80-\x8f][\x80-\xbf]{2}"
)
#: a line (between line ends) all of whose bytes beyond ASCII read as UTF-8, and that has
#: some: scanned in C over a whole slice (a loop over its lines in Python made decoding a
#: third slower; looking for a few kinds of character only missed others, € or 😀). Most
#: lines of Windows-1256 Arabic fail at their first letters (two letters in a row are not
#: a UTF-8 character); a letter then «،» or «؟» is one, so the few that pass are judged
#: (:func:`_utf8_line`).
_UTF8_LINE_RE = re.compile(
    rb"[\r\n]"  # the line end before it (a slice is searched with one put before it): a
    # character to look for first is found fast, where a look behind is tried everywhere
    + _ASCII_IN_LINE
    + rb"*+(?:"
    + _UTF8_CHARACTER
    + rb")(?:"
    + _ASCII_IN_LINE
    + rb"|"
    + _UTF8_CHARACTER
    + rb")*+(?![^\r\n])"
)
_ARABIC_LETTER_RE = re.compile("[\u0621-\u064a]")
#: a Latin letter against a character that a byte beyond ASCII became in Windows-1256
_LATIN_AGAINST_HIGH_RE = re.compile("[A-Za-z][^\x00-\x7f]|[^\x00-\x7f][A-Za-z]")


def _cp1256_or_utf8(chunk: bytes) -> str:
    """A Windows-1256 slice, whose lines in UTF-8 are read as UTF-8: a file put together
    from several sources (one record pasted from a web page, say) had those records
    stored as «ط§ظ„ط£ظ…ظ…». A line is UTF-8 when it holds bytes beyond ASCII and they
    all read as UTF-8 (:data:`_UTF8_LINE_RE`), which Arabic in Windows-1256 all but
    never does, and is not one of the few Windows-1256 lines that do (:func:`_utf8_line`).
    The same slice gives the same text whatever else the file holds."""
    out = []
    at = 0
    for found in _UTF8_LINE_RE.finditer(b"\n" + chunk):
        start, end = found.start(), found.end() - 1  # in the chunk: the line after the end
        line = chunk[start:end]
        text = line.decode("utf-8")
        if not _utf8_line(text, line):
            continue  # read with the rest
        out.append(chunk[at:start].decode("cp1256"))
        out.append(text)
        at = end
    if not out:
        return chunk.decode("cp1256")
    out.append(chunk[at:].decode("cp1256"))
    return "".join(out)


def _utf8_line(text: str, line: bytes) -> bool:
    """Whether a line of a Windows-1256 file that reads as UTF-8 (``text``) is: it is,
    unless it has no Arabic letter so while in Windows-1256 it is Arabic, with no Latin
    letter against its Arabic («أ، ب، ع،», a letter then a comma each, is «á ȡ ڡ» in
    UTF-8; «Bogotá» is «Bogotأ،» in Windows-1256)."""
    if _ARABIC_LETTER_RE.search(text):
        return True
    legacy = line.decode("cp1256")
    return not (
        _ARABIC_LETTER_RE.search(legacy)
        and _arabic_in_cp1256(legacy)
        and not _LATIN_AGAINST_HIGH_RE.search(legacy)
    )


def _arabic_in_cp1256(text: str) -> bool:
    """Whether what a line's bytes beyond ASCII became in Windows-1256 is Arabic."""
    high = [ch for ch in text if ord(ch) > 127]
    return sum(map(_is_arabic_like, high)) >= 0.95 * len(high)


def _line_by_line(chunk: bytes) -> str:
    """A slice of a UTF-8 file decoded a line at a time: UTF-8 when the line is, else
    Windows-1256 when its bytes beyond ASCII become Arabic so, else UTF-8 with the bytes
    that are not kept as escapes."""
    out = []
    for line in chunk.splitlines(keepends=True):
        try:
            out.append(line.decode("utf-8"))
            continue
        except UnicodeDecodeError:
            pass
        legacy = line.decode("cp1256")
        if _arabic_in_cp1256(legacy):
            out.append(legacy)
        else:
            out.append(line.decode("utf-8", "surrogateescape"))
    return "".join(out)


#: the encoding of :func:`_slices` for a UTF-8 file with bytes that are not: see
#: :func:`_utf8_or_cp1256`
_UTF8_OR_CP1256 = "utf-8 or cp1256"


def _utf8_or_cp1256(chunk: bytes) -> str:
    """A slice of a UTF-8 file that holds bytes that are not, whose lines in Windows-1256
    are read as Windows-1256: the records pasted from an older source into a file of
    UTF-8 were reported as «bytes that are not UTF-8 text». A line that is not UTF-8 is
    Windows-1256 when what its bytes beyond ASCII become so is Arabic (letters, marks,
    Arabic punctuation); UTF-8 Arabic with a stray byte does not (half of it becomes
    «§», «„», «…»), and keeps its escapes."""
    try:
        return chunk.decode("utf-8")
    except UnicodeDecodeError:
        return _line_by_line(chunk)


def _slices(
    slices: Iterator[bytes], encoding: str, kept: list[str], errors: str = "strict"
) -> Iterator[str]:
    """The slices decoded one at a time (again: holding them all is what is avoided)."""
    if kept:
        yield _finish(kept[0])
        return
    for i, chunk in enumerate(slices):
        try:
            if encoding == _CP1256_OR_UTF8:
                text = _cp1256_or_utf8(chunk)
            elif encoding == _UTF8_OR_CP1256:
                text = _utf8_or_cp1256(chunk)
            else:
                text = chunk.decode(encoding, errors)
        except UnicodeDecodeError as exc:  # not what was judged: it changed meanwhile
            raise FileChangedError("the file changed while it was read; import it again") from exc
        yield _finish(text) if i == 0 else _fold_line_ends(text)
