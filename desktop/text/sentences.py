"""Paragraph and sentence spans (code-point offsets into the original text).

Paragraphs end at line breaks. Sentences end after . ! ? ؟ … (and any closing quotes or
brackets that follow) when white space, a line end or an Arabic letter comes next. The
comma, semicolon and colon (، ؛ :) never end a sentence; a single letter followed by a
dot (د. أ. ف. ب.) is an abbreviation and a dot between digits is a decimal point.
"""

from __future__ import annotations

import re

_CLOSERS = "\"'”’»″)]}›"
_END_RE = re.compile(rf"(?:\.{{2,}}|…|[.!?؟]+)[{re.escape(_CLOSERS)}]*")
_PARA_RE = re.compile(r"[^\n]+")


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """Non-blank lines, trimmed of surrounding white space."""
    spans = []
    for m in _PARA_RE.finditer(text):
        start, end = m.start(), m.end()
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start:
            spans.append((start, end))
    return spans


def _is_abbreviation(text: str, dot: int, lo: int) -> bool:
    """A lone letter before the dot (د. / أ.ف.ب.)."""
    if dot - 1 < lo or not text[dot - 1].isalpha():
        return False
    return dot - 2 < lo or not text[dot - 2].isalpha()


def _is_arabic_letter(ch: str) -> bool:
    return "\u0621" <= ch <= "\u064a"


def _ends_here(text: str, m: re.Match[str], lo: int, hi: int) -> bool:
    end = m.end()
    if end >= hi:
        return False  # the paragraph end closes the sentence anyway
    mark = m.group().rstrip(_CLOSERS)
    if mark == ".." or (m.start() > lo and text[m.start() - 1] in "([«"):
        return False  # a pause, or an elision «(...)» inside a quote
    if mark == ".":
        before = text[m.start() - 1] if m.start() > lo else ""
        if before.isdigit() and text[end].isdigit():
            return False  # 2.5
        if _is_abbreviation(text, m.start(), lo):
            return False
    nxt = text[end]
    if nxt.isspace():
        return True
    # "على الأرض.ويتوسط", "على الأرض .ويتوسط": a scraped text glued across a sentence
    # end, the space before the mark instead of after it
    at = m.start()
    while at > lo and text[at - 1] in " \t":
        at -= 1
    if at < m.start() and mark == "." and _is_abbreviation(text, at, lo):
        return False  # «د .بشار»
    before = text[at - 1] if at > lo else ""
    return _is_arabic_letter(nxt) and _is_arabic_letter(before)


def sentence_spans(text: str, lo: int = 0, hi: int | None = None) -> list[tuple[int, int]]:
    """Sentences within ``text[lo:hi]`` (one paragraph), trimmed of white space."""
    hi = len(text) if hi is None else hi
    spans: list[tuple[int, int]] = []
    start = lo
    for m in _END_RE.finditer(text, lo, hi):
        if _ends_here(text, m, lo, hi):
            spans.append((start, m.end()))
            start = m.end()
    spans.append((start, hi))
    out = []
    for s, e in spans:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            out.append((s, e))
    return out


def document_sentences(
    text: str, paragraphs: list[tuple[int, int]] | None = None
) -> list[tuple[int, int, int]]:
    """``(paragraph index, start, end)`` of each sentence of a document, as stored
    (``paragraphs``: its :func:`paragraph_spans`, when the caller has them)."""
    if paragraphs is None:
        paragraphs = paragraph_spans(text)
    return [
        (i, a, b) for i, (ps, pe) in enumerate(paragraphs) for a, b in sentence_spans(text, ps, pe)
    ]


def split_document(text: str) -> list[tuple[tuple[int, int], list[tuple[int, int]]]]:
    """Each paragraph span with its sentence spans."""
    return [((s, e), sentence_spans(text, s, e)) for s, e in paragraph_spans(text)]
