"""Normalisation of Arabic text for matching and search.

The displayed text is never changed: callers normalise a copy and, where they need to
point back into the original, use the :class:`OffsetMap` returned with it.

What is folded (the character map is data: ``resources/text/charmap.tsv``):
tashkeel and tatweel (from pyarabic's tables), alef/hamza forms (أ إ آ ٱ → ا), ى → ي,
ة → ه, Persian letter forms, Arabic-Indic and Persian digits → ASCII digits, invisible
direction and joiner marks (deleted), Latin capitals → lower case, and Arabic
presentation forms that stand for one letter. ؤ and ئ are kept: they are letters.
"""

from __future__ import annotations

import bisect
import unicodedata
from dataclasses import dataclass
from functools import cache

from pyarabic import araby

from desktop.datafiles import read_tsv
from desktop.paths import resource

#: Bump when the folding changes: stored normalised data (search index) is then rebuilt.
NORMALISATION_VERSION = 1


def _parse_codepoint(token: str) -> str:
    if not token.upper().startswith("U+"):
        raise ValueError(f"bad code point {token!r} in charmap")
    return chr(int(token[2:], 16))


@cache
def _tables() -> tuple[dict[int, str | None], frozenset[str]]:
    """(translate table, set of deleted characters), built once from the data file."""
    table: dict[int, str | None] = {}
    deleted: set[str] = set()
    for ch in (*araby.TASHKEEL, araby.TATWEEL):
        table[ord(ch)] = None
        deleted.add(ch)
    for row in read_tsv(resource("text", "charmap.tsv")):
        src = _parse_codepoint(row["from"])
        target = row["to"]
        if target == "-":
            table[ord(src)] = None
            deleted.add(src)
        else:
            mapped = "".join(_parse_codepoint(t) for t in target.split())
            if len(mapped) != 1:
                raise ValueError(f"charmap row for {row['from']} must map to one character")
            table[ord(src)] = mapped
    for cp in range(ord("A"), ord("Z") + 1):
        table[cp] = chr(cp + 32)
    # Presentation forms that stand for a single letter fold to that letter (then to its
    # normal form); ligatures of several letters are left alone to keep lengths.
    for cp in (*range(0xFB50, 0xFE00), *range(0xFE70, 0xFEFD)):
        folded = unicodedata.normalize("NFKC", chr(cp))
        if len(folded) == 1 and folded != chr(cp):
            second = table.get(ord(folded), folded)
            table[cp] = second if second is not None else None
            if second is None:
                deleted.add(chr(cp))
    return table, frozenset(deleted)


@cache
def _fast_table() -> list[int | str | None]:
    """The translate table as a list indexed by code point: ``str.translate`` looks a list
    up about twice as fast as a dict. Code points past its end raise ``IndexError``,
    which ``translate`` takes as "unchanged"."""
    table, _ = _tables()
    fast: list[int | str | None] = list(range(max(table) + 1))
    for cp, target in table.items():
        fast[cp] = target
    return fast


def normalize(text: str) -> str:
    """The matching form of ``text`` (see module docstring)."""
    return text.translate(_fast_table())


@dataclass(frozen=True)
class OffsetMap:
    """Maps indices in a normalised string back to the original.

    Only deletions shift offsets (replacements are one for one), so the map is the sorted
    list of deleted original positions.
    """

    deleted: tuple[int, ...]
    original_length: int

    def to_original(self, index: int) -> int:
        """Original index of normalised index ``index`` (``len(norm)`` maps to the end)."""
        if not self.deleted:
            return index
        # o = index + (number of deleted positions < o); iterate to the fixed point.
        shift = 0
        while True:
            candidate = index + shift
            new_shift = bisect.bisect_right(self.deleted, candidate)
            # positions deleted at or before candidate push it further right
            if new_shift == shift:
                return min(candidate, self.original_length)
            shift = new_shift

    def span_to_original(self, start: int, end: int) -> tuple[int, int]:
        """Original ``[start, end)`` of a normalised span: from its first kept character
        to just after its last kept character."""
        if end <= start:
            o = self.to_original(start)
            return o, o
        return self.to_original(start), self.to_original(end - 1) + 1


def normalize_with_map(text: str) -> tuple[str, OffsetMap]:
    """Normalise and return the map from normalised offsets to original offsets."""
    _table, deleted_chars = _tables()
    norm = text.translate(_fast_table())
    if len(norm) == len(text):
        return norm, OffsetMap((), len(text))
    deleted = tuple(i for i, ch in enumerate(text) if ch in deleted_chars)
    return norm, OffsetMap(deleted, len(text))


def extend_over_marks(text: str, end: int) -> int:
    """Move a span's end past the diacritics and tatweel that belong to its last letter
    (اجتماعاً: the tanween is part of the word)."""
    _table, deleted = _tables()
    while end < len(text) and text[end] in deleted and unicodedata.category(text[end]) != "Cf":
        end += 1
    return end


def fingerprint_text(text: str, normalised: str | None = None) -> str:
    """The form used to recognise the same article twice: normalised, every run of white
    space collapsed to one space. ``normalised``: ``normalize(text)`` when already made."""
    return " ".join((normalize(text) if normalised is None else normalised).split())
