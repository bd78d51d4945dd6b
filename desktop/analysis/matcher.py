"""Finding many aliases in normalised text at once (Aho-Corasick), Arabic-aware.

Built once per analysis run, not per document. A key matches only on word boundaries
(روسيا inside روسيان is not a match); proclitics (و ف ب ل ك and their combinations) may
stand before it, and an alias starting with the article also matches in its لل form
(للأمم المتحدة). Overlaps are resolved after the boundary checks: the longest match wins,
then the earliest.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from operator import itemgetter
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
    #: per slot: (minus the length, start, key, payload), the order overlaps are settled in
    candidates: list[list[_Candidate]] = [[] for _ in range(slots)]
    if automaton.kind == ahocorasick.EMPTY:
        return [[] for _ in range(slots)]
    n = len(norm)
    for end_idx, entries in automaton.iter(norm):
        end = end_idx + 1
        if end < n and norm[end].isalnum():
            continue
        for slot, length, form, is_ll, payload in entries:
            start = end - length
            if start and norm[start - 1].isalnum():  # letters before it: a proclitic?
                word_start = start - 1
                while word_start and norm[word_start - 1].isalnum():
                    word_start -= 1
                prefix = norm[word_start:start]
                if is_ll:
                    if prefix not in _BEFORE_LL:
                        continue  # the span keeps the whole للأمم: ل and ال are fused
                elif prefix not in (_BEFORE_ARTICLE if form.startswith("ال") else _BARE):
                    continue
            candidates[slot].append((-length, start, form, payload))
    return [_longest(c) for c in candidates]


_Candidate = tuple[int, int, str, tuple[tuple[str, str], ...]]
_BY_SIZE = itemgetter(0, 1)
_BY_START = itemgetter(1)


def _longest(candidates: list[_Candidate]) -> list[Hit]:
    """Non-overlapping candidates, longest first, then earliest, as hits in text order
    (plain tuples until then: a hit is made only for those chosen)."""
    if not candidates:
        return []
    candidates.sort(key=_BY_SIZE)
    taken = bytearray(max(start - minus for minus, start, _f, _p in candidates))
    chosen = []
    for c in candidates:
        start, end = c[1], c[1] - c[0]
        if taken.find(1, start, end) != -1:
            continue
        chosen.append(c)
        taken[start:end] = b"\x01" * (end - start)
    chosen.sort(key=_BY_START)
    new = tuple.__new__
    return [
        new(Hit, (start, start - minus, form, payload)) for minus, start, form, payload in chosen
    ]
