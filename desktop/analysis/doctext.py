"""One document made ready for analysis, shared by the entity and framing passes.

Normalising, tokenising and running an Aho-Corasick matcher over a document are each done
once, here, whichever passes need them.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterator
from collections.abc import Set as AbstractSet
from functools import partial
from itertools import accumulate, chain
from typing import NamedTuple

from desktop.analysis.matcher import AliasMatcher, Hit
from desktop.text.normalize import (
    OffsetMap,
    extend_over_marks,
    normalize_with_map,
    trailing_marks,
)
from desktop.text.tokens import NORM_WORD_SPLIT_RE


class Token(NamedTuple):
    """A word of the normalised text, in normalised coordinates."""

    start: int
    end: int
    text: str


#: a token from its three fields, made in C (a named tuple's own constructor is a
#: Python function, and tokens are made a few hundred times an article)
_new_token: Callable[[tuple[int, int, str]], Token] = partial(tuple.__new__, Token)  # type: ignore[assignment]


class Tokens:
    """The tokens of a document, made on access from three lists: most passes look up a
    few tokens by index, and a document has hundreds (building every one cost a tenth
    of the analysis)."""

    __slots__ = ("ends", "starts", "texts")

    def __init__(self, starts: list[int], ends: list[int], texts: list[str]) -> None:
        self.starts, self.ends, self.texts = starts, ends, texts

    def __len__(self) -> int:
        return len(self.texts)

    def __getitem__(self, i: int) -> Token:
        return _new_token((self.starts[i], self.ends[i], self.texts[i]))

    def __iter__(self) -> Iterator[Token]:
        return map(_new_token, zip(self.starts, self.ends, self.texts, strict=True))


class DocText:
    """The original text, its normalised copy with the map back, the tokens of the copy,
    and each matcher's hits (computed on first use)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.norm: str
        self.omap: OffsetMap
        self.norm, self.omap = normalize_with_map(text)
        # words and the runs between them alternate; their lengths summed give the
        # offsets (all of it in C: a loop over match objects costs twice as much)
        parts = NORM_WORD_SPLIT_RE.split(self.norm)
        bounds = list(accumulate(map(len, parts)))
        #: the tokens' texts, for passes that look for a few words among them
        self.texts: list[str] = parts[1::2]
        self.token_starts: list[int] = bounds[0::2][: len(self.texts)]
        self.token_ends: list[int] = bounds[1::2]
        self.tokens = Tokens(self.token_starts, self.token_ends, self.texts)
        self._hits: dict[int, list[Hit]] = {}
        # the tokens' original spans: every pass asks for them, a few hundred times an
        # article, so they are made here rather than on first use
        kept = self.omap.kept
        if kept is None:  # nothing was deleted: the offsets are the same
            self._original_starts: list[int] = self.token_starts
            self._original_ends: list[int] = self.token_ends
        else:
            n, marks = len(text), trailing_marks()
            self._original_starts = [kept[start] for start in self.token_starts]
            ends = self._original_ends = []
            for end in self.token_ends:
                b = kept[end - 1] + 1
                while b < n and text[b] in marks:
                    b += 1
                ends.append(b)
        self._original: list[tuple[int, int]] | None = None
        self._where: dict[str, list[int]] | None = None

    def token_indices(self, words: AbstractSet[str]) -> list[int]:
        """Indices of the tokens that are one of ``words``, in order (a pass looking for
        a few words visits only these). The document's words are indexed once for the
        seven passes that look for theirs, rather than every token scanned by each."""
        where = self._where
        if where is None:
            where = self._where = {}
            for i, w in enumerate(self.texts):
                at = where.get(w)
                if at is None:
                    where[w] = [i]
                else:
                    at.append(i)
        # the document's few hundred distinct words looked up among the passes' words,
        # in C for a set
        present = (
            words.intersection(where)
            if isinstance(words, (set, frozenset))
            else [w for w in where if w in words]
        )
        if not present:
            return []
        if len(present) == 1:
            return list(where[next(iter(present))])
        return sorted(chain.from_iterable(where[w] for w in present))

    def word_after(self, nend: int) -> Token | None:
        """The token right after the normalised offset ``nend``, with nothing but white
        space between («الائتلاف الوطني| العراقي»), or None."""
        i = bisect.bisect_left(self.token_starts, nend)
        if i >= len(self.texts) or self.norm[nend : self.token_starts[i]].strip():
            return None
        return self.tokens[i]

    def hits(self, matcher: AliasMatcher) -> list[Hit]:
        """The matcher's hits over the normalised text (one pass per matcher)."""
        found = self._hits.get(id(matcher))
        if found is None:
            group = matcher.group
            if group is None:
                found = self._hits[id(matcher)] = matcher.find(self.norm)
            else:  # the group's other matchers are read in the same pass
                for member, hits in zip(group.matchers, group.find_all(self.norm), strict=True):
                    self._hits[id(member)] = hits
                found = self._hits[id(matcher)]
        return found

    def span(self, nstart: int, nend: int) -> tuple[int, int]:
        """Original span of a normalised span, its end moved past trailing diacritics."""
        a, b = self.omap.span_to_original(nstart, nend)
        return a, extend_over_marks(self.text, b)

    def original_tokens(self) -> list[tuple[int, int]]:
        """Original spans of the tokens, in token order."""
        if self._original is None:
            self._original = list(zip(self._original_starts, self._original_ends, strict=True))
        return self._original

    def word_count(self, a: int, b: int) -> int:
        """How many tokens the original span ``[a, b)`` holds, one cut by either end
        counting, by bisection over the tokens' original spans."""
        if b <= a:
            return 0
        return max(
            0,
            bisect.bisect_left(self._original_starts, b)
            - bisect.bisect_right(self._original_ends, a),
        )

    def token_range(self, a: int, b: int) -> tuple[int, int]:
        """Indices ``[lo, hi)`` of the tokens whose original span starts in ``[a, b)``."""
        lo = bisect.bisect_left(self._original_starts, a)
        return lo, bisect.bisect_left(self._original_starts, b, lo)

    def token_at(self, pos: int) -> int:
        """Index of the token whose original span starts at or before ``pos`` last (the
        token holding ``pos``, a proclitic before it included: «والقاهرة»), or -1."""
        return bisect.bisect_right(self._original_starts, pos) - 1

    def tokens_between(
        self, a: int, b: int, limit: int | None = None
    ) -> list[tuple[int, int, str]]:
        """``(original start, original end, normalised text)`` of the tokens whose
        original span starts in ``[a, b)`` (the first ``limit`` of them)."""
        starts = self._original_starts
        lo = bisect.bisect_left(starts, a)
        hi = bisect.bisect_left(starts, b, lo)
        if limit is not None:
            hi = min(hi, lo + limit)
        return list(zip(starts[lo:hi], self._original_ends[lo:hi], self.texts[lo:hi], strict=True))
