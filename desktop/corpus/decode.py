"""Bytes → text, never guessing silently wrong.

Accepted: UTF-8 (with or without BOM), UTF-16 and UTF-32 with a BOM, and Windows-1256
(the usual legacy encoding of Arabic). Anything else is refused with a reason. Line ends
are folded to ``\\n``; nothing else in the text is changed.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from collections import Counter

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


def _implausible_share(text: str) -> float:
    """Share of characters that do not occur in real text (controls, private use, unassigned)."""
    if not text:
        return 0.0
    # a text of megabytes has a few hundred distinct characters: classify those only
    rest = set("".join(_REMARKABLE_RE.findall(text)))
    bad = [
        ch
        for ch in rest
        if ch not in _ALLOWED_CONTROLS and unicodedata.category(ch) in ("Cc", "Co", "Cn", "Cs")
    ]
    if not bad:
        return 0.0
    pattern = re.compile("[" + "".join(re.escape(ch) for ch in bad) + "]")
    return sum(1 for _ in pattern.finditer(text)) / len(text)


def _is_arabic_letter(ch: str) -> bool:
    return "\u0621" <= ch <= "\u064a"


def _finish(text: str) -> str:
    if text.startswith("\ufeff"):
        text = text[1:]
    return text.replace("\r\n", "\n").replace("\r", "\n")


def decode_bytes(data: bytes) -> tuple[str, str]:
    """``(text, encoding name)``; raises :class:`DecodeError` with a reason."""
    if not data.strip(b" \t\r\n\x00"):
        raise DecodeError("empty file")
    for bom, name in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom) :].decode(name)
            except UnicodeDecodeError as exc:
                raise DecodeError(f"declares {name} by its byte-order mark but is not") from exc
            if _implausible_share(text) > 0.01:
                raise DecodeError(f"binary data behind a {name} byte-order mark")
            return _finish(text), name
    if b"\x00" in data:
        raise DecodeError("binary file (contains NUL bytes; UTF-16 needs a byte-order mark)")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        if _implausible_share(text) > 0.01:
            raise DecodeError("binary file (control characters)")
        return _finish(text), "utf-8"
    try:
        text = data.decode("cp1256")
    except UnicodeDecodeError as exc:
        raise DecodeError("not UTF-8, UTF-16 or Windows-1256 text") from exc
    # a code page has 256 characters: count them in C, then classify at most 256
    counts = Counter(text)
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
        _implausible_share(text) > 0.002
        or not letters
        or arabic < 0.3 * letters
        or arabic_like < 0.9 * non_ascii
    ):
        raise DecodeError("not UTF-8, UTF-16 or Windows-1256 text (undecodable bytes)")
    return _finish(text), "windows-1256"
