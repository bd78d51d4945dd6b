"""Finding many aliases in normalised text at once (Aho-Corasick), Arabic-aware.

Built once per analysis run, not per document. A key matches only on word boundaries
(روسيا inside روسيان is not a match); proclitics (و ف ب ل ك and their combinations) may
stand before it, and an alias starting with the article also matches in its لل form
(للأمم المتحدة). Overlaps are resolved after the boundary checks: the longest match wins,
then the earliest.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Sequence
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


#: an automaton's value: what a key stands for in each matcher that has it, as
#: (matcher's slot, length, alias, is the لل form, payload)
_Entry = tuple[int, int, str, bool, tuple[tuple[str, str], ...]]


class AliasMatcher:
    """Maps normalised alias forms to payloads: tuples of ``(target, kind)``."""

    def __init__(self, forms: dict[str, list[tuple[str, str]]]) -> None:
        self.size = 0
        #: the automaton's keys and what each stands for (a group merges them)
        self.words: dict[str, tuple[int, str, bool, tuple[tuple[str, str], ...]]] = {}
        #: the group that finds this matcher's hits together with others', if any
        self.group: MatcherGroup | None = None
        for form, payload in forms.items():
            if not form:
                continue
            value = tuple(dict.fromkeys(payload))
            self.words[form] = (len(form), form, False, value)
            self.size += 1
            if form.startswith("ال") and len(form) > 3:
                ll = "لل" + form[2:]
                if ll not in forms:
                    self.words[ll] = (len(ll), form, True, value)

    @functools.cached_property
    def _automaton(self) -> ahocorasick.Automaton:
        """Built on the first :meth:`find` only: a matcher in a group is read through the
        group's automaton and never needs its own."""
        return _automaton({k: [(0, *v)] for k, v in self.words.items()})

    def find(self, norm: str) -> list[Hit]:
        if not self.size:
            return []
        return _scan(self._automaton, norm, 1)[0]


class MatcherGroup:
    """Several matchers run over a text in one pass of one automaton (each document is
    read once, not once per lexicon); each matcher's overlaps are resolved on their own."""

    def __init__(self, matchers: Sequence[AliasMatcher]) -> None:
        self.matchers = list(matchers)
        merged: dict[str, list[_Entry]] = {}
        for slot, matcher in enumerate(self.matchers):
            for key, value in matcher.words.items():
                merged.setdefault(key, []).append((slot, *value))
            matcher.group = self
        self._automaton = _automaton(merged)

    def find_all(self, norm: str) -> list[list[Hit]]:
        """Each matcher's hits, in the order of the matchers."""
        return _scan(self._automaton, norm, len(self.matchers))


def _automaton(words: dict[str, list[_Entry]]) -> ahocorasick.Automaton:
    automaton = ahocorasick.Automaton()
    for key, entries in words.items():
        automaton.add_word(key, tuple(entries))
    if words:
        automaton.make_automaton()
    return automaton


def _scan(automaton: ahocorasick.Automaton, norm: str, slots: int) -> list[list[Hit]]:
    """The hits of each slot's aliases in ``norm``: on word boundaries, after an allowed
    proclitic, the longest then earliest of overlapping ones."""
    candidates: list[list[Hit]] = [[] for _ in range(slots)]
    if automaton.kind == ahocorasick.EMPTY:
        return candidates
    n = len(norm)
    for end_idx, entries in automaton.iter(norm):
        end = end_idx + 1
        if end < n and norm[end].isalnum():
            continue
        for slot, length, form, is_ll, payload in entries:
            start = end - length
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
            candidates[slot].append(Hit(start, end, form, payload))
    return [select_longest(c) for c in candidates]


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
