"""Arabic-aware full-text search: query → index terms → ranked hits with snippets.

Whatever the user types is read as plain words: quotes, brackets, ``*``, ``-``, ``NEAR(``
and the like are dropped by the tokenizer, never passed to the index as syntax. Each
word is normalised and expanded with the proclitics it may carry in the text (جنيف →
بجنيف، وجنيف، لجنيف…; الأمم → للأمم، والأمم…) and with the ة/ا spelling of names such
as سوريا/سورية, so the index needs no stemming.
Snippets are cut from the original text: each article shown is normalised whole (so
that every form it holds is listed), the hits are found from their anchors (see
:class:`HitFinder`) and mapped back past the characters the normaliser deleted, each to
the end of the marks on its last letter («سلامٌ»). A hit is opened where the query's words
first stand together in its order (a phrase: «وقفَ إطلاقِ النارِ»), else at its first word.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache

from desktop.store.rows import DocumentRow
from desktop.store.store import Store
from desktop.text.normalize import _deleted_re, _tables, extend_over_marks, normalize
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
    #: where the article is opened (code points): at the query's words standing together
    #: (see :func:`find_hits_and_phrases`), else at its first hit
    first_offset: int = 0
    #: the query matched more articles than are ranked: this is the best of the most
    #: recent ones (``desktop.store.sqlite.RANK_WINDOW``)
    windowed: bool = False
    #: the text at ``first_offset`` to select, as written: a phrase whole, a word with the
    #: marks on its last letter («الأسدُ»)
    first_form: str = ""
    #: spans of the hits inside the title (an article found by its title alone showed a
    #: snippet with nothing marked)
    title_marks: tuple[tuple[int, int], ...] = ()

    def marked(self, left: str = "[", right: str = "]") -> str:
        return _marked(self.snippet, self.marks, left, right)

    def marked_title(self, left: str = "[", right: str = "]") -> str:
        return _marked(self.row.title, self.title_marks, left, right)

    def as_dict(self) -> dict[str, object]:
        d = self.row.as_dict()
        d.update(
            rank=round(self.rank, 4),
            snippet=self.snippet,
            marks=[list(m) for m in self.marks],
            title_marks=[list(m) for m in self.title_marks],
            matched=list(self.matched),
            ranked_among_recent=self.windowed,
        )
        return d


def _marked(text: str, marks: Sequence[tuple[int, int]], left: str, right: str) -> str:
    out, last = [], 0
    for a, b in marks:
        out += [text[last:a], left, text[a:b], right]
        last = b
    out.append(text[last:])
    return "".join(out)


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


#: a word this short takes only و and ف in front in a search: with ب, ل or ك it is more
#: often another word (دي → لدى «at», بدي, كدي)
SHORT_WORD = 2


def _written_forms(word: str) -> list[str]:
    """How a query word may be written in the text: with the proclitics it may carry."""
    if len(word) <= SHORT_WORD:
        return [word, "و" + word, "ف" + word]
    return proclitic_forms(word)


def _query_words(query: str) -> list[str]:
    """The query's words, normalised, in order and with repeats, as far as the first
    ``MAX_QUERY_WORDS`` different words."""
    words: list[str] = []
    seen: set[str] = set()
    for word in WORD_RE.findall(normalize(query)):
        word = word.lower()
        if word not in seen:
            if len(seen) >= MAX_QUERY_WORDS:
                break
            seen.add(word)
        words.append(word)
    return words


def _word_forms(word: str) -> list[str]:
    return [f for w in spelling_forms(word) for f in _written_forms(w)]


def query_groups(query: str) -> list[list[str]]:
    """One group of alternative index terms per query word (duplicates dropped)."""
    return [_word_forms(word) for word in dict.fromkeys(_query_words(query))]


def phrase_groups(query: str) -> list[list[str]]:
    """The query as a phrase: the group of each of its words (as in :func:`query_groups`)
    in the query's order, a repeated word repeated."""
    return [_word_forms(word) for word in _query_words(query)]


class HitFinder:
    """Finds the query's forms in normalised text, as whole words, leftmost and longest
    first (what ``pattern.finditer`` gives).

    Rather than trying the alternation at every character, it looks for each group's
    *anchor* (the longest run of letters every form of the group contains: سوري for
    سوريا/بسورية…, امم for الامم/للامم…) with ``str.find`` and tries the pattern only where
    a form would start around an occurrence. Anchors shorter than three letters, or with
    letters that have a case, fall back to ``finditer``."""

    __slots__ = ("anchors", "pattern")

    def __init__(self, groups: Sequence[Sequence[str]]) -> None:
        forms = sorted({f for g in groups for f in g if f}, key=len, reverse=True)
        alt = "|".join(re.escape(f) for f in forms)
        self.pattern = re.compile(rf"(?<![^\W_])(?:{alt})(?![^\W_])", re.IGNORECASE)
        #: (anchor, where it stands in the forms) per group; None: use finditer
        self.anchors: tuple[tuple[str, tuple[int, ...]], ...] | None = ()
        anchors = []
        for group in groups:
            group_forms = [f for f in dict.fromkeys(group) if f]
            if not group_forms:
                continue
            anchor = _common_substring(group_forms)
            if len(anchor) < 3 or any(c.lower() != c.upper() for c in anchor):
                self.anchors = None
                return
            offsets = {i for f in group_forms for i in _occurrences(f, anchor)}
            anchors.append((anchor, tuple(sorted(offsets))))
        self.anchors = tuple(anchors)

    def spans(self, norm: str) -> list[tuple[int, int]]:
        """``[start, end)`` of every hit in the normalised text ``norm``."""
        if self.anchors is None:
            return [m.span() for m in self.pattern.finditer(norm)]
        starts: set[int] = set()
        for anchor, offsets in self.anchors:
            i = norm.find(anchor)
            while i != -1:
                starts.update(i - o for o in offsets if i >= o)
                i = norm.find(anchor, i + 1)
        out: list[tuple[int, int]] = []
        end = 0
        match = self.pattern.match
        for start in sorted(starts):
            if start < end:
                continue
            m = match(norm, start)
            if m is not None:
                out.append(m.span())
                end = m.end()
        return out


def _common_substring(words: Sequence[str]) -> str:
    """The longest string found in every one of ``words`` (the first such, if several)."""
    shortest = min(words, key=len)
    for size in range(len(shortest), 0, -1):
        for i in range(len(shortest) - size + 1):
            part = shortest[i : i + size]
            if all(part in w for w in words):
                return part
    return ""


def _occurrences(word: str, part: str) -> list[int]:
    return [i for i in range(len(word) - len(part) + 1) if word.startswith(part, i)]


def hit_finder(groups: Sequence[Sequence[str]]) -> HitFinder | None:
    """What :func:`find_hits` looks for; None when the query has no words."""
    return HitFinder(groups) if any(f for g in groups for f in g) else None


#: folded in almost every Arabic text: replaced without looking first
_COMMON_FOLDS = "ةأإىآ"


@cache
def _folding() -> tuple[tuple[tuple[str, str], ...], re.Pattern[str], dict[str, str]] | None:
    """The normaliser's table as replacements: the common letters with what they become,
    a pattern for any other character it changes, and what each becomes ("" deleted).
    None if a character becomes one that is itself changed (replacements would chain)."""
    table, _deleted = _tables()
    changed = {chr(cp): to or "" for cp, to in table.items() if to != chr(cp)}
    if any(to in changed for to in changed.values() if to):
        return None
    common = tuple((ch, changed[ch]) for ch in _COMMON_FOLDS if changed.get(ch))
    rest = sorted(ch for ch in changed if ch not in dict(common))
    rare = re.compile("[" + "".join(re.escape(ch) for ch in rest) + "]" if rest else "(?!)")
    return common, rare, changed


def _fold(text: str) -> tuple[str, list[int]]:
    """``normalize(text)``, and where in ``text`` the characters it deleted stood.

    About three times faster than ``str.translate`` on Arabic prose, which looks every
    character up: here each character that changes is replaced everywhere at once
    (``str.replace`` runs in C), the rarer ones only when a search finds one."""
    folding = _folding()
    if folding is None:
        return normalize(text), [m.start() for m in _deleted_re().finditer(text)]
    common, rare, changed = folding
    norm = text
    for ch, to in common:
        norm = norm.replace(ch, to)
    dropped = []
    pos = 0
    while (m := rare.search(norm, pos)) is not None:
        ch = m.group()
        if not changed[ch]:
            dropped.append(ch)
        norm = norm.replace(ch, changed[ch])
        pos = m.start()
    deleted: list[int] = []
    for ch in dropped:
        i = text.find(ch)
        while i != -1:
            deleted.append(i)
            i = text.find(ch, i + 1)
    deleted.sort()
    return norm, deleted


def find_hits(text: str, finder: HitFinder | None) -> list[tuple[int, int]]:
    """Spans of the original text where the query's words stand (any spelling, clitics),
    each to the end of the diacritics and tatweel on its last letter (the normaliser
    deletes them: «سلامٌ» is found as سلام but is written, and selected, whole)."""
    return find_hits_and_phrases(text, finder, ())[0]


def find_hits_and_phrases(
    text: str, finder: HitFinder | None, phrase: Sequence[Sequence[str]]
) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """The hits (see :func:`find_hits`), and the spans where the words of ``phrase``
    (:func:`phrase_groups`, every form of it in ``finder``) stand one after another in
    its order, apart only by white space: from the first word's start to the last word's
    end, marks included. No phrases for fewer than two words."""
    if finder is None:
        return [], []
    norm, deleted = _fold(text)
    spans = finder.spans(norm)
    phrases = _phrases(norm, spans, phrase)
    return _to_original(text, deleted, spans), _to_original(text, deleted, phrases)


def _to_original(
    text: str, deleted: Sequence[int], spans: list[tuple[int, int]]
) -> list[tuple[int, int]]:
    """Spans of ``normalize(text)`` as spans of ``text`` (``deleted``: where the characters
    the normaliser deleted stood, as :func:`_fold` gives), each to the end of the marks on
    its last letter."""
    if not deleted:  # nor any mark to move over
        return spans
    # the k-th deleted character, at d, lies before normalised offsets ≥ d - k
    shifts = [d - k for k, d in enumerate(deleted)]
    return [
        (a + bisect_right(shifts, a), extend_over_marks(text, b + bisect_right(shifts, b - 1)))
        for a, b in spans
    ]


#: what may stand between two words of a phrase, normalised: white space, not a line break
_PHRASE_GAP_RE = re.compile(r"[^\S\n\r\u2028\u2029]+")


def _phrases(
    norm: str, spans: list[tuple[int, int]], phrase: Sequence[Sequence[str]]
) -> list[tuple[int, int]]:
    """Where in ``norm`` the hits ``spans`` make ``phrase`` (normalised offsets)."""
    size = len(phrase)
    if size < 2 or len(spans) < size:
        return []
    forms = [frozenset(group) for group in phrase]
    # the finder ignores case as ``re`` does (ſ is s): a hit not in the set is tried so
    patterns = [
        re.compile("|".join(re.escape(f) for f in group if f) or "(?!)", re.IGNORECASE)
        for group in phrase
    ]

    def is_word(k: int, i: int) -> bool:
        a, b = spans[i]
        return norm[a:b] in forms[k] or patterns[k].fullmatch(norm, a, b) is not None

    def is_gap(i: int) -> bool:
        return _PHRASE_GAP_RE.fullmatch(norm, spans[i][1], spans[i + 1][0]) is not None

    out: list[tuple[int, int]] = []
    i = 0
    while i + size <= len(spans):
        if is_word(0, i) and all(is_gap(i + k - 1) and is_word(k, i + k) for k in range(1, size)):
            out.append((spans[i][0], spans[i + size - 1][1]))
            i += size
        else:
            i += 1
    return out


def find_in_text(text: str, query: str) -> list[tuple[int, int]]:
    """Where the reader's find bar finds ``query`` in ``text``: the query as written, inside
    words too, with the normaliser's folds (diacritics, tatweel, hamza and alef forms…)
    ignored on both sides, its white space standing for any white space within a line.
    Spans of ``text``, apart, each to the end of the marks on its last letter («سلامٌ»
    for «سلام», «وقفَ إطلاقِ النارِ» whole for «وقف إطلاق النار»)."""
    words = normalize(query).split()
    if not words:
        return []
    pattern = re.compile(_PHRASE_GAP_RE.pattern.join(re.escape(w) for w in words))
    norm, deleted = _fold(text)
    return _to_original(text, deleted, [m.span() for m in pattern.finditer(norm)])


def make_snippet(
    text: str, spans: list[tuple[int, int]], at: int | None = None
) -> tuple[str, tuple[tuple[int, int], ...]]:
    """A window of the original text around ``at`` (the first hit if None), with every
    hit in it marked."""
    centre = at if at is not None else spans[0][0] if spans else 0
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


class SearchHits(list[SearchHit]):
    """The hits of a search, best first, and how many documents match in all
    (``matches``; when the query matched more than the ranking window, more than
    ``desktop.store.sqlite.RANK_WINDOW``: ``windowed``)."""

    def __init__(self, hits: Iterable[SearchHit] = (), matches: int = 0, windowed: bool = False):
        super().__init__(hits)
        self.matches = max(matches, len(self))
        self.windowed = windowed


def search(
    store: Store,
    query: str,
    *,
    outlet: str | None = None,
    outlet_id: int | None = None,
    date_from: dt.date | None = None,
    date_to: dt.date | None = None,
    entity_id: int | None = None,
    limit: int = 20,
) -> SearchHits:
    """Ranked documents for ``query`` (see the module docstring), of one outlet when
    ``outlet`` (a name) or ``outlet_id`` is given, that mention an actor when
    ``entity_id`` is. Never raises on input."""
    groups = query_groups(query)
    if not groups:
        return SearchHits()
    phrase = phrase_groups(query)
    if outlet:
        outlet_id = store.outlet_id(outlet)
        if outlet_id is None:
            return SearchHits()
    ranked, windowed, matches = store.search_ranked(
        groups,
        outlet_id=outlet_id,
        date_from=date_from,
        date_to=date_to,
        limit=max(1, limit),
        entity_id=entity_id,
    )
    if not ranked:
        return SearchHits()
    ids = [doc_id for doc_id, _ in ranked]
    rows = {r.id: r for r in store.documents(ids=ids)}
    texts = store.texts(ids)
    finder = hit_finder(groups)
    hits = []
    for doc_id, rank in ranked:
        text, row = texts.get(doc_id), rows.get(doc_id)
        if text is None or row is None:  # deleted since the ranking
            continue
        spans, phrases = find_hits_and_phrases(text, finder, phrase)
        first = (phrases or spans or [(0, 0)])[0]
        snippet, marks = make_snippet(text, spans, first[0])
        forms = tuple(dict.fromkeys(text[a:b] for a, b in spans))
        hits.append(
            SearchHit(
                row,
                rank,
                snippet,
                marks,
                forms,
                first[0],
                windowed,
                first_form=text[first[0] : first[1]],
                title_marks=tuple(find_hits(row.title, finder)),
            )
        )
    return SearchHits(hits, matches - (len(ranked) - len(hits)), windowed)
