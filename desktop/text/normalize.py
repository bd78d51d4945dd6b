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

import re
import unicodedata
from collections.abc import Sequence
from functools import cache

from pyarabic import araby

from desktop.datafiles import read_tsv
from desktop.paths import resource

#: Bump when the folding changes: stored normalised data (search index) is then rebuilt.
NORMALISATION_VERSION = 2


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


#: the characters news text folds most often, whatever the outlet: ة, alef forms, ى,
#: tanween, shadda and the short vowels, tatweel (over 99% of the folds in a news corpus)
_COMMON = "ةأإآٱى" + "".join(araby.TASHKEEL) + araby.TATWEEL
#: below this length one ``translate`` is faster than the replacements
_REPLACE_FROM = 40


@cache
def _common_folds() -> tuple[re.Pattern[str], tuple[tuple[str, str], ...]]:
    """(a pattern finding any other folded character, the common ones' replacements)."""
    table, _ = _tables()
    others = sorted(chr(cp) for cp in table if chr(cp) not in _COMMON)
    pattern = re.compile("[" + "".join(re.escape(ch) for ch in others) + "]")
    folds = tuple((ch, table.get(ord(ch)) or "") for ch in _COMMON if ord(ch) in table)
    return pattern, folds


def normalize(text: str) -> str:
    """The matching form of ``text`` (see module docstring).

    ``str.translate`` looks every character up, about 30 ns each; an article is folded
    in a third of that by replacing the few characters news text folds, when a search
    finds none of the others (each fold is to a character that is not folded itself, so
    the replacements in turn give what the table gives at once)."""
    if len(text) >= _REPLACE_FROM:
        others, folds = _common_folds()
        if others.search(text) is None:
            for ch, to in folds:
                text = text.replace(ch, to)
            return text
    return text.translate(_fast_table())


def name_order_key(text: str) -> str:
    """What names are ordered and filtered by: normalised, lower case, without spaces (so
    that «ديمستورا» sorts and filters with «دي مستورا»). Stored with each entity, so that
    the database orders a list of tens of thousands of names as the window would."""
    return "".join(normalize(text).casefold().split())


class OffsetMap:
    """Maps indices in a normalised string back to the original.

    Only deletions shift offsets (replacements are one for one). The map keeps, for each
    normalised index, the original index of that character, so a lookup is one list
    index (analysis maps hundreds of thousands of offsets).
    """

    __slots__ = ("kept", "original_length")

    def __init__(self, deleted: Sequence[int], original_length: int) -> None:
        """``deleted``: the original positions the normalisation removed, in order."""
        self.original_length = original_length
        kept: list[int] | None = None
        if deleted:
            kept = []
            previous = -1
            for d in deleted:
                kept.extend(range(previous + 1, d))
                previous = d
            kept.extend(range(previous + 1, original_length))
            kept.append(original_length)  # len(norm) maps to the end
        #: original index per normalised index (None when nothing was deleted)
        self.kept = kept

    def to_original(self, index: int) -> int:
        """Original index of normalised index ``index`` (``len(norm)`` maps to the end)."""
        kept = self.kept
        if kept is None:
            return min(index, self.original_length)
        return kept[index] if index < len(kept) else self.original_length

    def span_to_original(self, start: int, end: int) -> tuple[int, int]:
        """Original ``[start, end)`` of a normalised span: from its first kept character
        to just after its last kept character."""
        if end <= start:
            o = self.to_original(start)
            return o, o
        return self.to_original(start), self.to_original(end - 1) + 1


def normalize_with_map(text: str) -> tuple[str, OffsetMap]:
    """Normalise and return the map from normalised offsets to original offsets."""
    norm = normalize(text)
    if len(norm) == len(text):
        return norm, OffsetMap((), len(text))
    deleted = tuple(m.start() for m in _deleted_re().finditer(text))
    return norm, OffsetMap(deleted, len(text))


@cache
def _deleted_re() -> re.Pattern[str]:
    _table, deleted = _tables()
    return re.compile("[" + "".join(re.escape(ch) for ch in sorted(deleted)) + "]")


@cache
def trailing_marks() -> frozenset[str]:
    """The characters :func:`extend_over_marks` moves over."""
    _table, deleted = _tables()
    return frozenset(ch for ch in deleted if unicodedata.category(ch) != "Cf")


def extend_over_marks(text: str, end: int) -> int:
    """Move a span's end past the diacritics and tatweel that belong to its last letter
    (اجتماعاً: the tanween is part of the word)."""
    marks = trailing_marks()
    n = len(text)
    while end < n and text[end] in marks:
        end += 1
    return end


def fingerprint_text(text: str, normalised: str | None = None) -> str:
    """The form used to recognise the same article twice: normalised, every run of white
    space collapsed to one space. ``normalised``: ``normalize(text)`` when already made."""
    return " ".join((normalize(text) if normalised is None else normalised).split())
