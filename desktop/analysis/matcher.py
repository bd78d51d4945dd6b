"""Finding many aliases in normalised text at once (Aho-Corasick), Arabic-aware.

Built once per analysis run, not per document. A key matches only on word boundaries
(روسيا inside روسيان is not a match); proclitics (و ف ب ل ك and their combinations) may
stand before it, and an alias starting with the article also matches in its لل form
(للأمم المتحدة). Overlaps are resolved after the boundary checks: the longest match wins,
then the earliest.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import NamedTuple

import ahocorasick

from desktop.text.tokens import BARE_PROCLITICS

_BEFORE_ARTICLE = frozenset({"و", "ف", "ب", "ك", "وب", "فب", "وك"})
_BARE = frozenset(BARE_PROCLITICS)
_BEFORE_LL = frozenset({"", "و", "ف"})


class Hit(NamedTuple):
    """A match in normalised coordinates; ``start`` is after any proclitic (except the
    fused لل, which stays in the span)."""

    start: int
    end: int
    key: str
    payload: tuple[tuple[str, str], ...]


class AliasMatcher:
    """Maps normalised alias forms to payloads: tuples of ``(target, kind)``."""

    def __init__(self, forms: dict[str, list[tuple[str, str]]]) -> None:
        self._automaton = ahocorasick.Automaton()
        self.size = 0
        for form, payload in forms.items():
            if not form:
                continue
            value = tuple(dict.fromkeys(payload))
            self._automaton.add_word(form, (len(form), form, False, value))
            self.size += 1
            if form.startswith("ال") and len(form) > 3:
                ll = "لل" + form[2:]
                if ll not in forms:
                    self._automaton.add_word(ll, (len(ll), form, True, value))
        if self.size:
            self._automaton.make_automaton()

    def find(self, norm: str) -> list[Hit]:
        if not self.size:
            return []
        candidates: list[Hit] = []
        n = len(norm)
        for end_idx, (length, form, is_ll, payload) in self._automaton.iter(norm):
            start = end_idx - length + 1
            end = end_idx + 1
            if end < n and norm[end].isalnum():
                continue
            word_start = start
            while word_start > 0 and norm[word_start - 1].isalnum():
                word_start -= 1
            prefix = norm[word_start:start]
            if is_ll:
                if prefix not in _BEFORE_LL:
                    continue  # the span keeps the whole للأمم: ل and ال are fused
            elif prefix:
                allowed = _BEFORE_ARTICLE if form.startswith("ال") else _BARE
                if prefix not in allowed:
                    continue
            candidates.append(Hit(start, end, form, payload))
        return select_longest(candidates)


def select_longest(hits: Iterable[Hit]) -> list[Hit]:
    """Non-overlapping hits, longest first, then earliest; returned in text order."""
    ordered = sorted(hits, key=lambda h: (h.start - h.end, h.start))
    if not ordered:
        return []
    taken = bytearray(max(h.end for h in ordered))  # 1 under every chosen hit
    chosen: list[Hit] = []
    for h in ordered:
        if taken.find(1, h.start, h.end) != -1:
            continue
        chosen.append(h)
        taken[h.start : h.end] = b"\x01" * (h.end - h.start)
    chosen.sort(key=lambda h: h.start)
    return chosen
