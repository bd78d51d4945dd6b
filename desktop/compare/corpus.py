"""Corpus views: an actor's frame by outlet, concordance lines, keyness, coverage."""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from itertools import combinations
from typing import NamedTuple

from rapidfuzz.distance import Levenshtein

from desktop.compare.align import stem_word
from desktop.lexicon.words import load_function_words
from desktop.search import (
    HitFinder,
    find_hits_and_phrases,
    hit_finder,
    phrase_groups,
    query_groups,
)
from desktop.store.store import Store
from desktop.text.normalize import normalize
from desktop.text.tokens import WORD_RE

UNKNOWN_OUTLET = "(unknown)"
#: the labels an actor's frame counts: the outlet's words for it (not a quoted term nor
#: distancing, which are listed with the quotations)
FRAME_LABEL_KINDS = ("label", "scare_quote", "apposition")


@dataclass
class FrameTable:
    entity_id: int
    name: str
    outlets: list[str]
    #: label → category, and per outlet: count
    labels: dict[str, str | None] = field(default_factory=dict)
    counts: dict[tuple[str, str], int] = field(default_factory=dict)
    #: (label, outlet) → an example (document id, sentence)
    examples: dict[tuple[str, str], tuple[int, str]] = field(default_factory=dict)
    #: (label, outlet) → where the example's label starts in its document
    example_starts: dict[tuple[str, str], int] = field(default_factory=dict)
    #: outlet → verb → count (the actor as speaker)
    verbs: dict[str, Counter[str]] = field(default_factory=dict)
    #: outlet → number of quotations of the actor
    quoted: Counter[str] = field(default_factory=Counter)
    #: outlet → number of statements of the actor reported in the outlet's words
    reported: Counter[str] = field(default_factory=Counter)
    #: outlet → documents naming or labelling the actor
    documents: Counter[str] = field(default_factory=Counter)
    #: labels inside quotation marks, the speaker's words and not the outlet's: (label,
    #: category, outlet, speaker's name or "") → count
    in_quotes: Counter[tuple[str, str | None, str, str]] = field(default_factory=Counter)

    def as_dict(self) -> dict[str, object]:
        return {
            "id": self.entity_id,
            "name": self.name,
            "outlets": self.outlets,
            "labels": [
                {
                    "label": lb,
                    "category": cat,
                    "counts": {o: self.counts.get((lb, o), 0) for o in self.outlets},
                    "examples": {
                        o: {
                            "document": self.examples[(lb, o)][0],
                            "sentence": self.examples[(lb, o)][1],
                        }
                        for o in self.outlets
                        if (lb, o) in self.examples
                    },
                }
                for lb, cat in self.labels.items()
            ],
            "verbs": {o: dict(c.most_common()) for o, c in self.verbs.items()},
            "quoted": dict(self.quoted),
            "reported": dict(self.reported),
            "documents": dict(self.documents),
            "labels_in_quotations": [
                {"label": lb, "category": cat, "outlet": o, "speaker": who or None, "count": n}
                for (lb, cat, o, who), n in self.in_quotes.most_common()
            ],
        }


def frame(
    store: Store,
    entity_id: int,
    by_month: Sequence[tuple[str | None, str | None, int]] | None = None,
) -> FrameTable:
    """How each outlet labels, quotes and covers one actor. A label inside quotation
    marks is the speaker's, not the outlet's: it is listed apart (``in_quotes``).
    ``by_month``: :meth:`Store.documents_by_outlet_month` of the actor, when the caller
    has read it already (for :func:`coverage` too)."""
    _key, name, _type, _origin = store.entity_by_id(entity_id)
    table = FrameTable(entity_id, name, [])
    if by_month is None:
        by_month = store.documents_by_outlet_month(entity_id)
    for outlet_name, _month, n in by_month:
        table.documents[outlet_name or UNKNOWN_OUTLET] += n  # a document has one month
    # a document that labels the actor without naming it («النظام») covers it too: its
    # label was counted while its outlet said «0 documents»
    for outlet_name, n in store.labelling_only_by_outlet(entity_id).items():
        table.documents[outlet_name or UNKNOWN_OUTLET] += n
    # counted in SQL, in the order of each group's first label: the first label of a
    # word is the one whose category it is listed under, and each outlet's first its
    # example
    first: dict[tuple[str, str], tuple[int, int, int]] = {}
    for lb in store.label_tallies(entity_id, FRAME_LABEL_KINDS):
        outlet = lb.outlet or UNKNOWN_OUTLET
        text = " ".join(lb.text.split())
        if lb.quoted:  # the speaker's word: the outlet only quoted it
            table.in_quotes[(text, lb.category, outlet, lb.speaker or "")] += lb.labels
            continue
        table.labels.setdefault(text, lb.category)
        table.counts[(text, outlet)] = table.counts.get((text, outlet), 0) + lb.labels
        first.setdefault((text, outlet), (lb.document_id, lb.start, lb.end))
    texts = store.texts(sorted({d for d, _a, _b in first.values()}))
    for pair, (doc_id, start, end) in first.items():
        t = texts[doc_id]
        lo = max(t.rfind("\n", 0, start) + 1, start - 90)
        hi = t.find("\n", end)
        hi = min(hi if hi != -1 else len(t), end + 90)
        table.examples[pair] = (doc_id, t[lo:hi])
        table.example_starts[pair] = start
    for outlet_name, verb, kind, n in store.quote_tallies(speaker_id=entity_id):
        outlet = outlet_name or UNKNOWN_OUTLET
        if verb:
            table.verbs.setdefault(outlet, Counter())[verb] += n
        if kind in ("direct", "partial"):
            table.quoted[outlet] += n
        elif kind == "indirect":
            table.reported[outlet] += n
    table.outlets = sorted(set(table.documents) | {o for _l, o in table.counts})
    ordered = sorted(
        table.labels, key=lambda lb: -sum(n for (x, _o), n in table.counts.items() if x == lb)
    )
    table.labels = {lb: table.labels[lb] for lb in ordered}
    return table


@dataclass(frozen=True)
class KwicLine:
    document_id: int
    outlet: str | None
    start: int
    end: int
    left: str
    match: str
    right: str

    def as_dict(self) -> dict[str, object]:
        return {
            "document": self.document_id,
            "outlet": self.outlet,
            "start": self.start,
            "end": self.end,
            "left": self.left,
            "match": self.match,
            "right": self.right,
        }


#: candidate documents a phrase's concordance reads at a time
KWIC_BATCH = 100


def kwic(store: Store, term: str, width: int = 40, limit: int = 200) -> list[KwicLine]:
    """Concordance lines for a word or phrase (any spelling, proclitics allowed), each
    match written with the marks on its last letter; up to ``limit``, in document order.
    A phrase is matched where its words stand together in its order, apart only by white
    space within a line (see :func:`desktop.search.find_hits_and_phrases`). The index
    finds the documents holding its words side by side, where a comma or a line end may
    part them, or a word in their title only: they are read best first until ``limit``
    lines are found or none is left."""
    groups = query_groups(term)
    if not groups:
        return []
    phrase = phrase_groups(term)
    finder = hit_finder(groups)
    # (a document the index finds holds no line where the word is in its title alone)
    words, side_by_side = (phrase, True) if len(phrase) > 1 else (groups, False)
    lines: list[KwicLine] = []
    read: set[int] = set()
    fetch = limit
    while len(lines) < limit:
        found = store.search_ranked(words, limit=fetch, phrase=side_by_side)
        ranked = [d for d, _r in found.ids]
        unread = [d for d in ranked if d not in read]
        read.update(unread)
        for lo in range(0, len(unread), KWIC_BATCH):
            batch = unread[lo : lo + KWIC_BATCH]
            lines += _kwic_lines(store, batch, finder, phrase, width, limit - len(lines))
            if len(lines) >= limit:
                break
        if len(ranked) < fetch:  # every document holding the words is read
            break
        fetch *= 4
    return sorted(lines, key=lambda ln: (ln.document_id, ln.start))


def _kwic_lines(
    store: Store,
    ids: list[int],
    finder: HitFinder | None,
    phrase: list[list[str]],
    width: int,
    limit: int,
) -> list[KwicLine]:
    """The first ``limit`` lines of the documents ``ids``, in their order: where the
    phrase stands, or for a single word each hit."""
    outlets = {r.id: r.outlet for r in store.documents(ids=ids)}
    texts = store.texts(ids)
    lines = []
    for doc_id in ids:
        text = texts[doc_id]
        spans, phrases = find_hits_and_phrases(text, finder, phrase)
        for a, b in phrases if len(phrase) > 1 else spans:
            left, right = _context(text, a, b, width)
            lines.append(KwicLine(doc_id, outlets[doc_id], a, b, left, text[a:b], right))
            if len(lines) >= limit:
                return lines
    return lines


def actor_kwic(
    store: Store, entity_id: int, surface: str, width: int = 40, limit: int = 200
) -> list[KwicLine]:
    """Concordance lines of an actor written ``surface``: its mentions, not every
    occurrence of the words («بيدرسون» inside «غير بيدرسون», a mention written otherwise,
    or a namesake), so that the lines are the spelling's count of mentions."""
    spans = store.mention_spans(entity_id, surface, limit)
    ids = sorted({d for d, _a, _b in spans})
    texts = store.texts(ids)
    outlets = {r.id: r.outlet for r in store.documents(ids=ids)}
    lines = []
    for doc_id, a, b in spans:
        text = texts[doc_id]
        left, right = _context(text, a, b, width)
        lines.append(KwicLine(doc_id, outlets[doc_id], a, b, left, text[a:b], right))
    return lines


def _context(text: str, a: int, b: int, width: int) -> tuple[str, str]:
    """Up to ``width`` characters either side, cut at whole words, marked «…» when cut."""
    lo = max(0, a - width)
    if lo > 0:
        space = text.find(" ", lo, a)
        lo = space + 1 if space != -1 else a
    hi = min(len(text), b + width)
    if hi < len(text):
        space = text.rfind(" ", b, hi)
        hi = space if space != -1 else b
    left = ("…" if lo > 0 else "") + text[lo:a].replace("\n", " ")
    right = text[b:hi].replace("\n", " ") + ("…" if hi < len(text) else "")
    return left, right


#: the article, after the proclitics that may stand before it («والسورية», «للسورية»)
_ARTICLE_RE = re.compile(r"(?:[وف]?[بكل]?ال|[وف]?لل)")


def _term(word: str, apart: AbstractSet[str]) -> str:
    """A normalised word's term: its stem («جوله»), or, for a stem of ``apart`` written
    with the article, the stem after «ال»: «السورية» is an adjective, not «سورية» the
    country its stem spells."""
    stem = stem_word(word)
    if stem in apart and _ARTICLE_RE.match(word):
        return "ال" + stem
    return stem


def _term_counts(
    store: Store, outlet_id: int, apart: AbstractSet[str] = frozenset()
) -> Counter[str]:
    fw = load_function_words()
    counts: Counter[str] = Counter()
    ids = [r.id for r in store.documents(outlet_id=outlet_id)]
    for lo in range(0, len(ids), 500):
        for text in store.texts(ids[lo : lo + 500]).values():
            for w in WORD_RE.findall(normalize(text)):
                if w in fw or len(w) < 3 or w.isdigit():
                    continue
                counts[_term(w, apart)] += 1
    return counts


#: written forms of a term read before its most frequent one is taken
FORMS_ENOUGH = 20


def written_forms(
    store: Store,
    outlet_id: int,
    terms: set[str],
    folds: Mapping[str, str] | None = None,
    apart: AbstractSet[str] = frozenset(),
) -> dict[str, str]:
    """The most frequent written form in an outlet's articles of each term (a stem of
    normalised letters, «جوله»): «جولة», as readers write it; ``folds``: another stem
    counted under a term (:func:`fold_spellings`) gives it forms too; ``apart``: as
    :func:`_term`. Reads articles until each term has been seen ``FORMS_ENOUGH`` times
    (few, for terms frequent in the outlet)."""
    forms: dict[str, Counter[str]] = defaultdict(Counter)
    missing = set(terms)
    folds = folds or {}
    ids = store.document_ids(outlet_id=outlet_id)
    for lo in range(0, len(ids), 100):
        for text in store.texts(ids[lo : lo + 100]).values():
            for word in WORD_RE.findall(text):
                term = _term(normalize(word), apart)
                term = folds.get(term, term)
                if term in missing:
                    forms[term][word] += 1
                    if forms[term].total() >= FORMS_ENOUGH:
                        missing.discard(term)
        if not missing:
            break
    return {t: c.most_common(1)[0][0] for t, c in forms.items()}


def spelling_groups(names: Iterable[tuple[int, str]]) -> list[frozenset[str]]:
    """The stems of words of an actor's names that are spellings of one word: its names
    of one word («استانا», «استانه»), and the words in one place of its names of as many
    words («دي ميستورا», «دي مستورا»); ``names`` as
    :meth:`~desktop.store.store.Store.actor_names` gives them. A group's stems are a
    letter or so apart (:func:`_spellings`), not the words of one name («بشار»,
    «الاسد»)."""
    # (entity, number of words, place of the word) → the stems found there
    stems: dict[tuple[int, int, int], set[str]] = defaultdict(set)
    for entity_id, norm in names:
        words = norm.split()
        for at, word in enumerate(words):
            stem = stem_word(word)
            if len(stem) >= 3:
                stems[(entity_id, len(words), at)].add(stem)
    parent: dict[str, str] = {}

    def root(x: str) -> str:
        while parent.get(x, x) != x:
            x = parent[x]
        return x

    for group in stems.values():
        for a, b in combinations(sorted(group), 2):
            if _spellings(a, b):
                ra, rb = root(a), root(b)
                if ra != rb:
                    parent[max(ra, rb)] = min(ra, rb)
    found: dict[str, set[str]] = defaultdict(set)
    for x in parent:
        found[root(x)].add(x)
    for r in found:
        found[r].add(r)
    return [frozenset(g) for g in found.values()]


def _spellings(a: str, b: str) -> bool:
    """Whether two stems are spellings of one word: a letter or so apart (a quarter of
    the shorter), neither the other with letters added at an end (an adjective of a
    name, «روسي» and «روسيا», or a proclitic taken for a letter), nor ending in «ي» and
    «ه» (an adjective's masculine and feminine, «حكومي», «حكومه»)."""
    if a.startswith(b) or b.startswith(a) or a.endswith(b) or b.endswith(a):
        return False
    if len(a) == len(b) and a[:-1] == b[:-1] and {a[-1], b[-1]} == {"ي", "ه"}:
        return False
    return Levenshtein.distance(a, b) <= max(1, min(len(a), len(b)) // 4)


def fold_spellings(groups: Iterable[frozenset[str]], *counts: Counter[str]) -> dict[str, str]:
    """Count each group of spellings (:func:`spelling_groups`) under the one most
    written in ``counts`` together, in place; → each other spelling written in them
    (its stem) → that one."""
    folds: dict[str, str] = {}
    for group in groups:
        head = max(sorted(group), key=lambda t: sum(c.get(t, 0) for c in counts))
        for term in group - {head}:
            for c in counts:
                n = c.pop(term, 0)
                if n:
                    c[head] += n
                    folds[term] = head
    return folds


class KeyTerm(NamedTuple):
    """A term distinctive of one outlet against another (:func:`keyness`)."""

    #: a stem of normalised letters («جوله»; :func:`written_forms` gives how it is written)
    term: str
    #: log-likelihood, G²
    g2: float
    #: its count in outlet A, and in outlet B
    a: int
    b: int
    #: the stems of other spellings of an actor's name counted under it («استانه»)
    spellings: tuple[str, ...] = ()


class Keyness(NamedTuple):
    """What :func:`keyness` found, and how it counted."""

    terms: list[KeyTerm]
    #: each other spelling of an actor's name written (its stem) → the term it is under
    folds: dict[str, str]
    #: the stems whose forms with the article are terms apart (:func:`_term`)
    apart: frozenset[str]

    def written(self, store: Store, outlet_a: int, outlet_b: int) -> dict[str, list[str]]:
        """Each term as written: its most written form in A, then the other spellings
        counted with it, as written in A or else B («أستانا», «آستانة»)."""
        terms = {k.term for k in self.terms}
        shown = written_forms(store, outlet_a, terms, self.folds, self.apart)
        out = {t: [shown.get(t, t)] for t in terms}
        spelt = [k for k in self.terms if k.spellings]
        if not spelt:
            return out
        each = {k.term for k in spelt} | {s for k in spelt for s in k.spellings}
        own = {
            **written_forms(store, outlet_b, each, None, self.apart),
            **written_forms(store, outlet_a, each, None, self.apart),
        }
        for k in spelt:
            forms = [own.get(t, t) for t in (k.term, *k.spellings)]
            first = out[k.term][0]
            out[k.term] += [f for f in dict.fromkeys(forms) if f != first]
        return out


def keyness(store: Store, outlet_a: int, outlet_b: int, top: int = 30) -> Keyness:
    """Terms distinctive of outlet A against outlet B, by log-likelihood (G²), most
    distinctive of A first. An actor's name spelt apart («أستانا», «آستانة») is one
    term, its most written spelling: each outlet's spelling counted apart made a place
    both name as often distinctive of each. Its forms with the article are not («السورية»
    is an adjective, no spelling of Syria)."""
    groups = spelling_groups(store.actor_names())
    apart = frozenset(t for g in groups for t in g)
    ca, cb = _term_counts(store, outlet_a, apart), _term_counts(store, outlet_b, apart)
    # the spellings with the article are spellings of one another too («البنتاغون»,
    # «البنتاجون»)
    with_article = [frozenset("ال" + t for t in g) for g in groups]
    folds = fold_spellings([*groups, *with_article], ca, cb)
    na, nb = sum(ca.values()), sum(cb.values())
    if not na or not nb:
        return Keyness([], folds, apart)
    spellings: dict[str, list[str]] = defaultdict(list)
    for other, head in sorted(folds.items()):
        spellings[head].append(other)
    out = []
    for term, a in ca.items():
        b = cb.get(term, 0)
        e1 = na * (a + b) / (na + nb)
        e2 = nb * (a + b) / (na + nb)
        g2 = 2 * (a * math.log(a / e1) + (b * math.log(b / e2) if b else 0.0))
        if a / na > b / nb:
            out.append(KeyTerm(term, round(g2, 2), a, b, tuple(spellings.get(term, ()))))
    out.sort(key=lambda x: -x.g2)
    return Keyness(out[:top], folds, apart)


def coverage(
    store: Store,
    entity_id: int,
    by_month: Sequence[tuple[str | None, str | None, int]] | None = None,
) -> dict[str, dict[str, int]]:
    """Documents mentioning the actor, per outlet and month (YYYY-MM; 'undated').
    ``by_month`` as for :func:`frame`."""
    out: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    if by_month is None:
        by_month = store.documents_by_outlet_month(entity_id)
    for outlet, month, n in by_month:
        out[outlet or UNKNOWN_OUTLET][month or "undated"] += n
    return {o: dict(sorted(m.items())) for o, m in out.items()}
