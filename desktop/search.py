"""Arabic-aware full-text search: query → index terms → ranked hits with snippets.

Whatever the user types is read as plain words: quotes, brackets, ``*``, ``-``, ``NEAR(``
and the like are dropped by the tokenizer, never passed to the index as syntax. Each
word is normalised and expanded with the proclitics it may carry in the text (جنيف →
بجنيف، وجنيف، لجنيف…; الأمم → للأمم، والأمم…) and with the ة/ا spelling of names such
as سوريا/سورية, so the index needs no stemming.
Snippets are cut from the original text, with the hits located through the
normaliser's offset map.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from desktop.store.rows import DocumentRow
from desktop.store.store import Store
from desktop.text.normalize import normalize, normalize_with_map
from desktop.text.tokens import WORD_RE, proclitic_forms

SNIPPET_BEFORE = 60
SNIPPET_AFTER = 140
MAX_QUERY_WORDS = 16


@dataclass(frozen=True)
class SearchHit:
    row: DocumentRow
    rank: float
    snippet: str
    #: spans of the hits inside ``snippet``
    marks: tuple[tuple[int, int], ...]
    #: every distinct form the query matched in the article, as written (e.g. «بجنيف»)
    matched: tuple[str, ...] = ()
    #: where the first hit stands in the article (code points), to open it there
    first_offset: int = 0

    def marked(self, left: str = "[", right: str = "]") -> str:
        out, last = [], 0
        for a, b in self.marks:
            out += [self.snippet[last:a], left, self.snippet[a:b], right]
            last = b
        out.append(self.snippet[last:])
        return "".join(out)

    def as_dict(self) -> dict[str, object]:
        d = self.row.as_dict()
        d.update(
            rank=round(self.rank, 4),
            snippet=self.snippet,
            marks=[list(m) for m in self.marks],
            matched=list(self.matched),
        )
        return d


def spelling_forms(word: str) -> list[str]:
    """The word, and for a name ending in -يا/-نا its ة spelling (سوريا/سورية,
    أستانا/أستانة) and back: the two are written interchangeably in news."""
    forms = [word]
    if len(word) >= 5 and word[-2] in "ين":
        if word[-1] == "ا":
            forms.append(word[:-1] + "ه")
        elif word[-1] == "ه":
            forms.append(word[:-1] + "ا")
    return forms


def query_groups(query: str) -> list[list[str]]:
    """One group of alternative index terms per query word (duplicates dropped)."""
    groups: list[list[str]] = []
    seen: set[str] = set()
    for word in WORD_RE.findall(normalize(query)):
        word = word.lower()
        if word in seen:
            continue
        seen.add(word)
        groups.append([f for w in spelling_forms(word) for f in proclitic_forms(w)])
        if len(groups) >= MAX_QUERY_WORDS:
            break
    return groups


def _hit_pattern(groups: list[list[str]]) -> re.Pattern[str] | None:
    forms = sorted({f for g in groups for f in g}, key=len, reverse=True)
    if not forms:
        return None
    alt = "|".join(re.escape(f) for f in forms)
    return re.compile(rf"(?<![^\W_])(?:{alt})(?![^\W_])", re.IGNORECASE)


def find_hits(text: str, pattern: re.Pattern[str] | None) -> list[tuple[int, int]]:
    """Spans of the original text where the query's words stand (any spelling, clitics)."""
    if pattern is None:
        return []
    norm, omap = normalize_with_map(text)
    return [omap.span_to_original(m.start(), m.end()) for m in pattern.finditer(norm)]


def make_snippet(
    text: str, spans: list[tuple[int, int]]
) -> tuple[str, tuple[tuple[int, int], ...]]:
    """A window of the original text around the first hit, with every hit in it marked."""
    centre = spans[0][0] if spans else 0
    lo = max(0, centre - SNIPPET_BEFORE)
    hi = min(len(text), centre + SNIPPET_AFTER)
    if lo > 0:
        space = text.find(" ", lo, centre) if centre > lo else -1
        lo = space + 1 if space != -1 else lo
    if hi < len(text):
        space = text.rfind(" ", max(lo, centre), hi)
        hi = space if space > centre else hi
    raw = text[lo:hi]
    prefix = "…" if lo > 0 else ""
    suffix = "…" if hi < len(text) else ""
    snippet = prefix + raw.replace("\n", " ") + suffix
    shift = len(prefix) - lo
    marks = tuple((a + shift, b + shift) for a, b in spans if a >= lo and b <= hi)
    return snippet, marks


def search(
    store: Store,
    query: str,
    *,
    outlet: str | None = None,
    date_from: dt.date | None = None,
    date_to: dt.date | None = None,
    limit: int = 20,
) -> list[SearchHit]:
    """Ranked documents for ``query`` (see the module docstring). Never raises on input."""
    groups = query_groups(query)
    if not groups:
        return []
    outlet_id = None
    if outlet:
        outlet_id = store.outlet_id(outlet)
        if outlet_id is None:
            return []
    ranked = store.search_ids(
        groups, outlet_id=outlet_id, date_from=date_from, date_to=date_to, limit=max(1, limit)
    )
    if not ranked:
        return []
    ids = [doc_id for doc_id, _ in ranked]
    rows = {r.id: r for r in store.documents(ids=ids)}
    texts = store.texts(ids)
    pattern = _hit_pattern(groups)
    hits = []
    for doc_id, rank in ranked:
        text = texts[doc_id]
        spans = find_hits(text, pattern)
        snippet, marks = make_snippet(text, spans)
        forms = tuple(dict.fromkeys(text[a:b] for a, b in spans))
        first = spans[0][0] if spans else 0
        hits.append(SearchHit(rows[doc_id], rank, snippet, marks, forms, first))
    return hits
