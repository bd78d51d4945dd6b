"""Figures in Arabic news text: a number, in digits or in words, and the word it counts
(«قتل 12 مدنياً», «مقتل ثلاثة أطفال», «نزوح خمسة وعشرين ألف شخص», «2.5 مليون نازح»).

Number words are data: ``resources/lexicons/numbers.tsv``. Figures are read from a
document's tokens (normalised text with original offsets), so no word is normalised
again here; the original text is read only for what lies between two tokens.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import Decimal
from functools import cache
from typing import NamedTuple

from desktop.datafiles import read_tsv
from desktop.paths import resource
from desktop.text.normalize import normalize

#: a token: original start, original end, normalised text
Token = tuple[int, int, str]

#: kinds of number words (see numbers.tsv)
UNIT, TEN, TEEN, TENS, HUNDRED, HUNDREDS, THOUSAND, THOUSANDS = (
    "unit", "ten", "teen", "tens", "hundred", "hundreds", "thousand", "thousands",
)  # fmt: skip
_KINDS = frozenset({UNIT, TEN, TEEN, TENS, HUNDRED, HUNDREDS, THOUSAND, THOUSANDS})
#: what may stand between the digits of one number («1,500», «2.5», «٢٫٥»)
_DIGIT_JOINS = frozenset({",", ".", "٫", "٬"})
_DIGITS_RE = re.compile(r"\d+")
#: between a number and the word it counts: spaces and an opening bracket («12 (مدنياً)»)
_UNIT_GAP_RE = re.compile(r"\s*\(?\s*")


class Figure(NamedTuple):
    """A number and the word after it, as written and normalised; ``start``/``end``
    span both."""

    value: int
    unit: str
    unit_key: str
    start: int
    end: int


@cache
def number_words() -> dict[str, tuple[int, str]]:
    """Normalised number word → (value, kind)."""
    out: dict[str, tuple[int, str]] = {}
    for row in read_tsv(resource("lexicons", "numbers.tsv")):
        kind = row["kind"]
        if kind not in _KINDS:
            raise ValueError(f"numbers.tsv: unknown kind {kind!r} for {row['word']!r}")
        out[normalize(row["word"])] = (int(row["value"]), kind)
    return out


def read_figures(text: str, tokens: Sequence[Token]) -> list[Figure]:
    """Every number in ``tokens`` (consecutive tokens of ``text``) that a word follows,
    with that word: the figures of a passage, in order."""
    words = number_words()
    out: list[Figure] = []
    i, n = 0, len(tokens)
    while i < n:
        parsed = _number_at(text, tokens, i, words)
        if parsed is None:
            i += 1
            continue
        value, j = parsed
        if j < n and _UNIT_GAP_RE.fullmatch(text, tokens[j - 1][1], tokens[j][0]):
            start, end = tokens[i][0], tokens[j][1]
            if tokens[i][2] not in words and tokens[i][2][:1] == "و":
                start += 1  # «و12 جريحاً», «وأربعة جرحى»: the conjunction is not the number's
            out.append(Figure(value, text[tokens[j][0] : end], tokens[j][2], start, end))
            i = j + 1
        else:
            i = j
    return out


def _bare(word: str, words: dict[str, tuple[int, str]]) -> str | None:
    """``word`` without a conjunction و, if that leaves a number word."""
    if word[:1] == "و" and word[1:] in words:
        return word[1:]
    return None


def _number_at(
    text: str, tokens: Sequence[Token], i: int, words: dict[str, tuple[int, str]]
) -> tuple[int, int] | None:
    """The value of the number starting at token ``i`` and the index after it."""
    word = tokens[i][2]
    digits = word[1:] if word[:1] == "و" else word
    if digits.isdigit() and digits.isascii():
        return _digits_at(text, tokens, i, digits, words)
    if word not in words:
        word = _bare(word, words) or ""
        if not word:
            return None
    total = current = 0
    previous = ""
    j = i
    while j < len(tokens):
        w = word if j == i else tokens[j][2]
        if j > i:
            if not text[tokens[j - 1][1] : tokens[j][0]].isspace():
                break
            joined = _bare(w, words)
            if joined is not None:  # «خمسة وعشرون», «مئة وعشرون», «ألف وخمسمئة»
                if previous not in (UNIT, TEN, HUNDRED, HUNDREDS, THOUSAND, THOUSANDS):
                    break
                w = joined
            elif w in words:
                kind = words[w][1]
                fits = (
                    (kind == TEN and previous in (UNIT, TEEN))
                    or (kind == HUNDRED and previous == UNIT)
                    or (kind in (THOUSAND, THOUSANDS) and previous != "")
                )
                if not fits:
                    break
            else:
                break
        value, kind = words[w]
        if kind == TEEN and not (
            j + 1 < len(tokens) and words.get(tokens[j + 1][2], (0, ""))[1] == TEN
        ):
            break  # «أحد» alone is «one of», «Sunday»; only «أحد عشر» is 11
        if kind == THOUSANDS and previous == "":
            break  # «آلاف المدنيين»: thousands of, no figure
        if kind == TEN:
            current += 10
        elif kind == HUNDRED:
            current = current * 100 if 0 < current < 10 else current + 100
        elif kind in (THOUSAND, THOUSANDS):
            total += (current or 1) * value
            current = 0
        else:
            current += value
        previous = kind
        j += 1
    if j == i:
        return None
    return total + current, j


def _digits_at(
    text: str,
    tokens: Sequence[Token],
    i: int,
    digits: str,
    words: dict[str, tuple[int, str]],
) -> tuple[int, int]:
    """A number written in digits from token ``i``: its groups («1,500») and decimals
    («2.5»), then a multiplier word («2.5 مليون»)."""
    groups = [digits]
    joins: list[str] = []
    j = i + 1
    while j < len(tokens):
        between = text[tokens[j - 1][1] : tokens[j][0]]
        if between not in _DIGIT_JOINS or not _DIGITS_RE.fullmatch(tokens[j][2]):
            break
        groups.append(tokens[j][2])
        joins.append(between)
        j += 1
    multiplier = 1
    if j < len(tokens) and text[tokens[j - 1][1] : tokens[j][0]].isspace():
        word, kind = tokens[j][2], words.get(tokens[j][2], (0, ""))[1]
        if kind in (THOUSAND, THOUSANDS):
            multiplier = words[word][0]
            j += 1
    return _value(groups, joins, multiplier), j


def _value(groups: list[str], joins: list[str], multiplier: int) -> int:
    """The whole value of digit groups and what joined them: a comma, or one mark used
    more than once («1.500.000»), or one dot before three digits with nothing to multiply
    («1.500 قتيل»), groups thousands; a single dot or «٫» is a decimal point otherwise
    («2.5 مليون», «4.1 مليون» = 4,100,000, not 4,099,999)."""
    decimal = (
        len(joins) >= 1
        and joins[-1] in ".٫"
        and joins.count(joins[-1]) == 1
        and not (multiplier == 1 and len(groups[-1]) == 3)
    )
    whole = "".join(groups[:-1] if decimal else groups)[:18]  # no float overflows
    fraction = groups[-1][:6] if decimal else ""
    return round(Decimal(f"{whole}.{fraction or 0}") * multiplier)
