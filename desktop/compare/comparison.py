"""Comparing two documents or two outlets: shared actors and how each side frames them,
actors on one side only, aligned passages, shared and unshared events."""

from __future__ import annotations

import bisect
import datetime as dt
import heapq
import itertools
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from desktop.analysis.spans import Spans
from desktop.compare.align import Alignment, align, content_words
from desktop.lexicon.words import load_function_words
from desktop.store.rows import EventRow, LabelRow, QuoteRow
from desktop.store.store import Store, StoreError

FRAMING_LABEL_KINDS = ("label", "scare_quote", "apposition", "distancing")
#: how a side lists a label inside quotation marks: the speaker's word, which the outlet
#: quoted, not its own
QUOTED = "quoted"
#: events further apart than this are not the same event
EVENT_DAYS = 3


def label_note(category: str | None, kind: str) -> str:
    """What a label says of its actor, in a word or two: its category, and how it was
    written when that is the point (a scare quote's category is the word's own: «المعارضة»
    in scare quotes is neutral, and was shown as just that)."""
    if kind == "scare_quote":
        return f"in scare quotes, {category}" if category else "in scare quotes"
    if kind == "distancing":
        return f"distancing, {category}" if category else "distancing"
    if kind == QUOTED:
        return f"in a quotation, {category}" if category else "in a quotation"
    return category or kind


class UnknownOutletError(StoreError, LookupError):
    """An outlet the store no longer has (renamed onto another, which merges them)."""


@dataclass
class ActorSide:
    mentions: int = 0
    #: (label as written, category, kind, count)
    labels: list[tuple[str, str | None, str, int]] = field(default_factory=list)
    #: (verb, category, count)
    verbs: list[tuple[str, str | None, int]] = field(default_factory=list)
    #: direct and partial quotations, as written
    quotes: list[str] = field(default_factory=list)
    #: statements reported in the outlet's words (indirect speech)
    reported: int = 0
    voice_words: int = 0
    voice_share: float = 0.0

    def as_dict(self) -> dict[str, object]:
        return {
            "mentions": self.mentions,
            "labels": [
                {"text": t, "category": c, "kind": k, "count": n} for t, c, k, n in self.labels
            ],
            "verbs": [{"verb": v, "category": c, "count": n} for v, c, n in self.verbs],
            "quotes": self.quotes,
            "reported": self.reported,
            "voice_words": self.voice_words,
            "voice_share": round(self.voice_share, 3),
        }


@dataclass
class ActorRow:
    entity_id: int
    name: str
    type: str
    a: ActorSide
    b: ActorSide

    @property
    def differs(self) -> bool:
        """Do the two sides label or quote this actor differently?"""
        la = {(t, c) for t, c, _k, _n in self.a.labels}
        lb = {(t, c) for t, c, _k, _n in self.b.labels}
        return la != lb or bool(self.a.quotes) != bool(self.b.quotes)

    def as_dict(self) -> dict[str, object]:
        return {
            "id": self.entity_id,
            "name": self.name,
            "type": self.type,
            "differs": self.differs,
            "a": self.a.as_dict(),
            "b": self.b.as_dict(),
        }


@dataclass
class SideInfo:
    label: str
    documents: list[int]
    titles: list[str]
    outlet: str | None


@dataclass
class Comparison:
    a: SideInfo
    b: SideInfo
    shared: list[ActorRow]
    only_a: list[tuple[int, str, str, int]]
    only_b: list[tuple[int, str, str, int]]
    #: (sentence in A, sentence in B, score, shared words) for two documents
    passages: list[tuple[str, str, float, list[str]]] = field(default_factory=list)
    passages_only_a: list[str] = field(default_factory=list)
    passages_only_b: list[str] = field(default_factory=list)
    shared_events: list[tuple[EventRow, EventRow]] = field(default_factory=list)
    events_only_a: list[EventRow] = field(default_factory=list)
    events_only_b: list[EventRow] = field(default_factory=list)
    #: sentence spans behind ``passages`` (for the compare view)
    passage_spans: list[tuple[tuple[int, int], tuple[int, int]]] = field(default_factory=list)

    def actor(self, name_or_id: str | int) -> ActorRow | None:
        for row in self.shared:
            if row.entity_id == name_or_id or row.name == name_or_id:
                return row
        return None

    def as_dict(self) -> dict[str, object]:
        def side(s: SideInfo) -> dict[str, object]:
            return {
                "label": s.label,
                "documents": s.documents,
                "titles": s.titles,
                "outlet": s.outlet,
            }

        def only(rows: list[tuple[int, str, str, int]]) -> list[dict[str, object]]:
            return [{"id": i, "name": n, "type": t, "mentions": m} for i, n, t, m in rows]

        return {
            "a": side(self.a),
            "b": side(self.b),
            "shared_actors": [r.as_dict() for r in self.shared],
            "only_a": only(self.only_a),
            "only_b": only(self.only_b),
            "aligned_passages": [
                {"a": pa, "b": pb, "score": s, "shared": w} for pa, pb, s, w in self.passages
            ],
            "passages_only_a": self.passages_only_a,
            "passages_only_b": self.passages_only_b,
            "shared_events": [
                {"a": ea.as_dict(), "b": eb.as_dict()} for ea, eb in self.shared_events
            ],
            "events_only_a": [e.as_dict() for e in self.events_only_a],
            "events_only_b": [e.as_dict() for e in self.events_only_b],
        }


def _side_actors(
    store: Store, docs: Sequence[int]
) -> tuple[dict[int, tuple[str, str]], dict[int, ActorSide]]:
    names: dict[int, tuple[str, str]] = {}
    sides: dict[int, ActorSide] = defaultdict(ActorSide)
    for entity_id, name, etype, mentions in store.mention_tally(docs):
        names[entity_id] = (name, etype)
        sides[entity_id].mentions = mentions
    labels: dict[int, Counter[tuple[str, str | None, str]]] = defaultdict(Counter)
    for lb in store.labels_for(documents=docs):
        if lb.entity_id is not None and lb.kind in FRAMING_LABEL_KINDS:
            kind = QUOTED if lb.details.get("quoted") else lb.kind
            labels[lb.entity_id][(_label_text(lb), lb.category, kind)] += 1
            if lb.entity_id not in names and lb.kind in ("label", "scare_quote"):
                # «وفد الحكومة السورية» inside a title still refers to the delegation
                _key, name, etype, _origin = store.entity_by_id(lb.entity_id)
                names[lb.entity_id] = (name, etype)
    quotes = store.quotes_for(documents=docs)
    # a few quoted words inside the same speaker's reported speech («قال إن الوضع "مقلق
    # للغاية" على الأرض») are one statement: their words and verb count once
    reported: dict[tuple[int, int], list[tuple[int, int]]] = defaultdict(list)
    for q in quotes:
        if q.kind == "indirect" and q.speaker_entity_id is not None:
            reported[(q.document_id, q.speaker_entity_id)].append((q.start, q.end))
    inside = {
        q.id
        for q in quotes
        if q.kind == "partial"
        and q.speaker_entity_id is not None
        and any(
            a <= q.start and q.end <= b
            for a, b in reported.get((q.document_id, q.speaker_entity_id), ())
        )
    }
    total_voice = sum(
        q.word_count for q in quotes if q.speaker_entity_id is not None and q.id not in inside
    )
    verbs: dict[int, Counter[tuple[str, str | None]]] = defaultdict(Counter)
    for q in quotes:
        if q.speaker_entity_id is None:
            continue
        side = sides[q.speaker_entity_id]
        if q.id in inside:  # its words are those of the statement around it
            side.quotes.append(q.text)
            continue
        side.voice_words += q.word_count
        if q.verb:
            verbs[q.speaker_entity_id][(q.verb, q.verb_category)] += 1
        if q.kind in ("direct", "partial"):
            side.quotes.append(q.text)
        elif q.kind == "indirect":
            side.reported += 1
    for eid in names:
        side = sides[eid]
        side.labels = [(t, c, k, n) for (t, c, k), n in labels[eid].most_common()]
        side.verbs = [(v, c, n) for (v, c), n in verbs[eid].most_common()]
        side.voice_share = side.voice_words / total_voice if total_voice else 0.0
    return names, sides


def _label_text(lb: LabelRow) -> str:
    return " ".join(lb.text.split())


def same_event(a: EventRow, b: EventRow) -> bool:
    """Type, participants, place and time agree, and both tell it happened, or both deny
    it, or both ask for it, or both tell it is to come («لم يتم التوصل إلى اتفاق», «توصل
    الطرفان إلى اتفاق», «دعا إلى اتفاق» and «ومن المقرر توقيع اتفاق» diverge)."""
    if a.type != b.type or a.modality != b.modality:
        return False
    if a.place_id and b.place_id and a.place_id != b.place_id:
        return False
    shared = set(a.participants) & set(b.participants)
    # a country in both («سوريا») is not enough: a named actor, or the same place, is
    named = any(t not in ("state", "place") for _i, _n, t in shared)
    if not named and not (shared and a.place_id and a.place_id == b.place_id):
        return False
    return not (a.date and b.date and abs((a.date - b.date).days) > EVENT_DAYS)


_UNNAMED = ("state", "place")


class _EventIndex:
    """Positions of events under a key, in order: all of them, the undated ones, and the
    dated ones by day (a dated event agrees only with one within EVENT_DAYS)."""

    def __init__(self) -> None:
        self.every: dict[tuple[object, ...], list[int]] = defaultdict(list)
        self.undated: dict[tuple[object, ...], list[int]] = defaultdict(list)
        self.on_day: dict[tuple[object, ...], list[int]] = defaultdict(list)

    def add(self, key: tuple[object, ...], pos: int, date: dt.date | None) -> None:
        self.every[key].append(pos)
        if date is None:
            self.undated[key].append(pos)
        else:
            self.on_day[(*key, date.toordinal())].append(pos)

    def lists(self, key: tuple[object, ...], date: dt.date | None) -> list[list[int]]:
        """The lists an event of that date can find its match in (only the index's own:
        a caller may know them by identity)."""
        if date is None:
            found = [self.every.get(key)]
        else:
            day = date.toordinal()
            near = range(day - EVENT_DAYS, day + EVENT_DAYS + 1)
            found = [self.undated.get(key), *(self.on_day.get((*key, d)) for d in near)]
        return [pl for pl in found if pl]


def link_events(
    a: list[EventRow], b: list[EventRow]
) -> tuple[list[tuple[EventRow, EventRow]], list[EventRow], list[EventRow]]:
    """Each event of ``a`` paired with the first event of ``b`` not yet taken that is the
    same event (:func:`same_event`)."""
    # Two events agree only if they share a type and a named participant, or a type, a
    # place and a participant; two dated events only within EVENT_DAYS. b's events are
    # indexed so, and each event of a looks only at those, in b's order: two outlets'
    # years of coverage hold tens of thousands of events, and every pair was 8.6
    # million comparisons (9 s).
    index = _EventIndex()
    for pos, eb in enumerate(b):
        for pid in dict.fromkeys(i for i, _n, t in eb.participants if t not in _UNNAMED):
            index.add(("named", eb.type, pid), pos, eb.date)
        if eb.place_id and eb.participants:
            index.add(("place", eb.type, eb.place_id), pos, eb.date)
    pairs: list[tuple[EventRow, EventRow]] = []
    used: set[int] = set()
    front: dict[int, int] = {}  # id of one of the index's lists → its first untaken
    for ea in a:
        keys = [
            ("named", ea.type, pid)
            for pid in dict.fromkeys(i for i, _n, t in ea.participants if t not in _UNNAMED)
        ]
        if ea.place_id and ea.participants:
            keys.append(("place", ea.type, ea.place_id))
        # each list's taken events at its front are passed over once, not by every event
        # of a that looks at it again
        lists = []
        for key in keys:
            for pl in index.lists(key, ea.date):
                k = front.get(id(pl), 0)
                while k < len(pl) and pl[k] in used:
                    k += 1
                if k < len(pl):
                    front[id(pl)] = k
                    lists.append(itertools.islice(pl, k, None))
        last = -1
        for pos in heapq.merge(*lists):
            if pos == last or pos in used:
                continue
            last = pos
            if same_event(ea, b[pos]):
                used.add(pos)
                pairs.append((ea, b[pos]))
                break
    paired_a = {ea.id for ea, _eb in pairs}
    only_b = [e for pos, e in enumerate(b) if pos not in used]
    return pairs, [e for e in a if e.id not in paired_a], only_b


def _compare(store: Store, a: SideInfo, b: SideInfo) -> Comparison:
    names_a, sides_a = _side_actors(store, a.documents)
    names_b, sides_b = _side_actors(store, b.documents)
    shared = [
        ActorRow(i, names_a[i][0], names_a[i][1], sides_a[i], sides_b[i])
        for i in names_a
        if i in names_b
    ]
    # actors framed (labelled, quoted or speaking) on either side first, then by mentions
    shared.sort(
        key=lambda r: (
            not (r.a.labels or r.b.labels or r.a.verbs or r.b.verbs),
            -(r.a.mentions + r.b.mentions),
        )
    )
    only_a = sorted(
        ((i, n, t, sides_a[i].mentions) for i, (n, t) in names_a.items() if i not in names_b),
        key=lambda x: -x[3],
    )
    only_b = sorted(
        ((i, n, t, sides_b[i].mentions) for i, (n, t) in names_b.items() if i not in names_a),
        key=lambda x: -x[3],
    )
    pairs, ev_a, ev_b = link_events(
        store.events_for(documents=a.documents), store.events_for(documents=b.documents)
    )
    return Comparison(
        a, b, shared, only_a, only_b, shared_events=pairs, events_only_a=ev_a, events_only_b=ev_b
    )


def _sentences(store: Store, doc_id: int) -> tuple[str, list[tuple[int, int]], list[set[int]]]:
    detail = store.document(doc_id)
    repeated = Spans((s, e) for s, e, r in detail.paragraphs if r)
    spans = [(a, b) for _p, a, b in detail.sentences if not repeated.covers(a)]
    # the mentions in start order, each sentence's found by bisection (a long report has
    # hundreds of sentences and thousands of mentions)
    starts_ids = sorted((m.start, m.entity_id) for m, _n, _t in store.document_mentions(doc_id))
    starts = [start for start, _e in starts_ids]
    actors = [
        {e for _s, e in starts_ids[bisect.bisect_left(starts, a) : bisect.bisect_left(starts, b)]}
        for a, b in spans
    ]
    return detail.text, spans, actors


def alignment_of(
    store: Store, a: int, b: int
) -> tuple[Alignment, str, str, list[tuple[int, int]], list[tuple[int, int]]]:
    fw = load_function_words()
    ta, sa, aa = _sentences(store, a)
    tb, sb, ab = _sentences(store, b)
    seen: dict[str, str | None] = {}
    fa = [
        content_words(ta[x:y], fw, seen) | {f"@{e}" for e in act}
        for (x, y), act in zip(sa, aa, strict=True)
    ]
    fb = [
        content_words(tb[x:y], fw, seen) | {f"@{e}" for e in act}
        for (x, y), act in zip(sb, ab, strict=True)
    ]
    return align(fa, fb), ta, tb, sa, sb


def compare_documents(store: Store, a: int, b: int) -> Comparison:
    ra, rb = store.document_row(a), store.document_row(b)
    comp = _compare(
        store,
        SideInfo(f"#{a} {ra.outlet or ''}".strip(), [a], [ra.title], ra.outlet),
        SideInfo(f"#{b} {rb.outlet or ''}".strip(), [b], [rb.title], rb.outlet),
    )
    alignment, ta, tb, sa, sb = alignment_of(store, a, b)
    for p in alignment.pairs:
        shared = [w for w in p.shared if not w.startswith("@")]
        comp.passages.append(
            (ta[sa[p.a][0] : sa[p.a][1]], tb[sb[p.b][0] : sb[p.b][1]], p.score, shared)
        )
        comp.passage_spans.append((sa[p.a], sb[p.b]))
    comp.passages_only_a = [ta[sa[i][0] : sa[i][1]] for i in alignment.only_a]
    comp.passages_only_b = [tb[sb[j][0] : sb[j][1]] for j in alignment.only_b]
    return comp


def compare_outlets(store: Store, outlet_a: int, outlet_b: int) -> Comparison:
    """Two outlets' articles compared; :class:`UnknownOutletError` names an outlet the
    store no longer has."""
    names = {o.id: o.name for o in store.outlets()}
    for outlet in (outlet_a, outlet_b):
        if outlet not in names:
            raise UnknownOutletError(
                f"no outlet {outlet} (renamed onto another outlet, or removed)"
            )
    docs_a = [r.id for r in store.documents(outlet_id=outlet_a)]
    docs_b = [r.id for r in store.documents(outlet_id=outlet_b)]
    return _compare(
        store,
        SideInfo(names[outlet_a], docs_a, [], names[outlet_a]),
        SideInfo(names[outlet_b], docs_b, [], names[outlet_b]),
    )


def quotes_by(rows: list[QuoteRow], speaker_id: int) -> list[QuoteRow]:
    return [q for q in rows if q.speaker_entity_id == speaker_id]
