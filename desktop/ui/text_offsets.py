"""The one place where store offsets (code points) become Qt offsets (UTF-16 units)."""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

_ASTRAL_RE = re.compile("[\U00010000-\U0010ffff]")


class Utf16Index:
    """Converts code-point offsets of one text to UTF-16 offsets, in O(log n) each.

    Characters outside the Basic Multilingual Plane (emoji, rare CJK) take two UTF-16
    units; every other character takes one, so only their positions need remembering.
    """

    def __init__(self, text: str) -> None:
        # found in C: a document of millions of characters is opened as quickly
        self._astral: Sequence[int] = [m.start() for m in _ASTRAL_RE.finditer(text)]

    def to_utf16(self, index: int) -> int:
        return index + bisect.bisect_left(self._astral, index)

    def span(self, start: int, end: int) -> tuple[int, int]:
        return self.to_utf16(start), self.to_utf16(end)

    def to_codepoint(self, utf16: int) -> int:
        """Inverse: a Qt position back to a code-point index."""
        lo, hi = 0, utf16
        while lo < hi:  # smallest i with to_utf16(i) >= utf16
            mid = (lo + hi) // 2
            if self.to_utf16(mid) < utf16:
                lo = mid + 1
            else:
                hi = mid
        return lo
