"""Spans of a document asked which of them contain a position.

The passes ask it for every verb, token or event of an article («is this inside a
quotation?», «inside a repeated paragraph?»). Scanning every span each time makes a long
document quadratic: a 560,000-character report took seconds. Here the spans are sorted
by start once and a question costs a binary search, plus one step for each span that
contains the position or nests around it.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Iterator
from itertools import accumulate


class Spans:
    """Half-open ``(start, end)`` spans, numbered in the order given."""

    __slots__ = ("_ends", "_order", "_reach", "_starts")

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        given = list(spans)
        order = sorted(range(len(given)), key=lambda i: given[i][0])
        self._order = order
        self._starts = [given[i][0] for i in order]
        self._ends = [given[i][1] for i in order]
        #: the furthest end among the spans up to each one (sorted by start): no span at
        #: or before it contains a position at or past that
        self._reach = list(accumulate(self._ends, max))

    def __len__(self) -> int:
        return len(self._starts)

    def _containing(self, pos: int) -> Iterator[int]:
        j = bisect.bisect_right(self._starts, pos) - 1
        while j >= 0 and self._reach[j] > pos:
            if self._ends[j] > pos:
                yield j
            j -= 1

    def covers(self, pos: int) -> bool:
        """Does a span contain ``pos``? (``any(a <= pos < b for a, b in spans)``)"""
        return next(self._containing(pos), None) is not None

    def first_containing(self, pos: int) -> int | None:
        """The number of the first span given that contains ``pos``, or None."""
        return min((self._order[j] for j in self._containing(pos)), default=None)

    def first_starting_in(self, lo: int, hi: int) -> int | None:
        """The number of the span with the least start in ``[lo, hi)`` (the first given
        among equal starts), or None."""
        j = bisect.bisect_left(self._starts, lo)
        if j == len(self._starts) or self._starts[j] >= hi:
            return None
        start = self._starts[j]
        return min(self._order[k] for k in range(j, bisect.bisect_right(self._starts, start)))

    def starting_in(self, lo: int, hi: int) -> list[int]:
        """The numbers of the spans whose start is in ``[lo, hi)``, in order of start."""
        j = bisect.bisect_left(self._starts, lo)
        k = bisect.bisect_left(self._starts, hi, j)
        return [self._order[i] for i in range(j, k)]
