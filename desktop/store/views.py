"""Read queries behind the views that list the whole corpus or all of one actor: the
events table and an actor's quotations a page at a time, in the order and with the filter
the view asks for; an actor's quotations counted by outlet, verb and kind; the titles a
document picker lists.

A 30,000-article corpus holds over half a million events, and its most quoted actor tens
of thousands of quotations: a view asks for a count and for one page after another (keyset
paging: each page starts after the sort key of the last row shown), never for every row.
"""

from __future__ import annotations

from contextlib import AbstractContextManager
from dataclasses import dataclass
from typing import Any, Literal, NamedTuple, Protocol

from sqlalchemy import String, func, literal, select, tuple_
from sqlalchemy.orm import Session, aliased

from desktop.store.models import Document, Entity, Event, Label, Outlet, Quote
from desktop.store.rows import DocumentRow, EventRow, QuoteRow
from desktop.store.selects import (
    DOCUMENT_ROW_COLUMNS,
    event_participants,
    event_row,
    outlet_names,
    quote_row,
    with_via_names,
)

EventSort = Literal["date", "type", "trigger", "place", "outlet"]
EVENT_SORTS: tuple[EventSort, ...] = ("date", "type", "trigger", "place", "outlet")

#: the sort key of an event with neither a date of its own nor a dated document: last
UNDATED_KEY = "9999-12-31"


class LabelTally(NamedTuple):
    """The labels of one actor that share their words, category, outlet, quoting and
    speaker: how many, and the first of them in document and text order."""

    text: str
    category: str | None
    outlet: str | None
    #: the kind of quotation the label stands in («direct»), None when the outlet's own
    quoted: str | None
    speaker: str | None
    #: how many labels the group holds
    labels: int
    document_id: int
    start: int
    end: int


@dataclass(frozen=True)
class EventPage:
    """One page of events with their documents, and where the next page starts."""

    rows: list[tuple[EventRow, DocumentRow]]
    #: (sort key, event id) of the last row: ``after`` of the next page; None at the end
    after: tuple[str, int] | None


@dataclass(frozen=True)
class QuotePage:
    """One page of an actor's quotations, the documents they come from, and where the
    next page starts."""

    rows: list[QuoteRow]
    #: document id → (title, outlet name) of every document of ``rows``
    documents: dict[int, tuple[str, str | None]]
    #: (document id, start, quote id) of the last row: ``after`` of the next page
    after: tuple[int, int, int] | None


class _HasSessions(Protocol):
    def session(self) -> AbstractContextManager[Session]: ...


class ViewsStoreMixin:
    """Mixed into :class:`desktop.store.store.Store`."""

    def event_count(self: _HasSessions, *, type: str | None = None) -> int:
        """How many events there are (of this type)."""
        q = select(func.count(Event.id))
        if type:
            q = q.where(Event.type == type)
        with self.session() as s:
            return int(s.scalar(q) or 0)

    def event_page(
        self: _HasSessions,
        *,
        type: str | None = None,
        sort: EventSort = "date",
        descending: bool = False,
        after: tuple[str, int] | None = None,
        limit: int = 200,
    ) -> EventPage:
        """Up to ``limit`` events (of this ``type``) with their documents, ordered by
        ``sort`` then id, starting after the key ``after`` of a previous page.

        ``date`` orders by the event's date, else its document's, undated last; a missing
        place or outlet sorts as the empty string."""
        if sort not in EVENT_SORTS:
            raise ValueError(f"unknown event sort {sort!r}; one of {', '.join(EVENT_SORTS)}")
        place = aliased(Entity)
        keys: dict[str, Any] = {
            "date": func.coalesce(Event.date, Document.published, literal(UNDATED_KEY)),
            "type": Event.type,
            "trigger": Event.trigger,
            "place": func.coalesce(place.name, literal("")),
            "outlet": func.coalesce(Outlet.name, literal("")),
        }
        key = (keys[sort].cast(String) if sort == "date" else keys[sort]).label("sort_key")
        # first the page's ids (narrow rows sort fast), then those events' rows
        q = select(Event.id, key)
        if sort in ("date", "outlet"):
            q = q.join(Document, Document.id == Event.document_id)
        if sort == "outlet":
            q = q.outerjoin(Outlet, Outlet.id == Document.outlet_id)
        if sort == "place":
            q = q.outerjoin(place, place.id == Event.place_entity_id)
        if type:
            q = q.where(Event.type == type)
        if after is not None:
            here = tuple_(key.element, Event.id)
            bound = tuple_(literal(after[0], String), literal(after[1]))
            q = q.where(here < bound if descending else here > bound)
        q = q.order_by(key.desc(), Event.id.desc()) if descending else q.order_by(key, Event.id)
        limit = max(1, limit)
        with self.session() as s:
            page = [(int(i), str(k)) for i, k in s.execute(q.limit(limit))]
            ids = [i for i, _k in page]
            found = {
                r[0].id: r
                for r in s.execute(
                    select(Event, place.name, *DOCUMENT_ROW_COLUMNS)
                    .join(Document, Document.id == Event.document_id)
                    .outerjoin(Outlet, Outlet.id == Document.outlet_id)
                    .outerjoin(place, place.id == Event.place_entity_id)
                    .where(Event.id.in_(ids))
                )
            }
            participants = event_participants(s, ids)
        rows = [
            (
                event_row(e, place_name, participants.get(e.id, [])),
                DocumentRow(*doc),
            )
            for e, place_name, *doc in (found[i] for i in ids if i in found)
        ]
        last = page[-1] if len(page) >= limit else None
        return EventPage(rows, (last[1], last[0]) if last is not None else None)

    def quote_count(self: _HasSessions, *, speaker_id: int) -> int:
        """How many quotations are attributed to this entity."""
        q = select(func.count(Quote.id)).where(Quote.speaker_entity_id == speaker_id)
        with self.session() as s:
            return int(s.scalar(q) or 0)

    def quote_tallies(
        self: _HasSessions, *, speaker_id: int
    ) -> list[tuple[str | None, str | None, str, int]]:
        """How often this entity is quoted: (outlet name, verb, kind, quotations) for each
        combination found, counted in SQL."""
        q = (
            select(Outlet.name, Quote.verb, Quote.kind, func.count(Quote.id))
            .join(Document, Document.id == Quote.document_id)
            .outerjoin(Outlet, Outlet.id == Document.outlet_id)
            .where(Quote.speaker_entity_id == speaker_id)
            .group_by(Outlet.name, Quote.verb, Quote.kind)
            .order_by(Outlet.name, Quote.verb, Quote.kind)
        )
        with self.session() as s:
            return [(o, v, k, int(n)) for o, v, k, n in s.execute(q)]

    def label_tallies(
        self: _HasSessions, entity_id: int, kinds: tuple[str, ...]
    ) -> list[LabelTally]:
        """The labels of these kinds attached to the entity, counted in SQL by words,
        category, outlet, quoting and speaker, in the order of their first label (by
        document, then offset): an actor's frame without reading each of its tens of
        thousands of labels."""
        speaker = aliased(Entity)
        quoted = func.json_extract(Label.details, "$.quoted")
        # the first label of a group: its position as one number; SQLite gives the bare
        # columns of an aggregate query the values of the row min() picks
        first = func.min(Label.document_id * (1 << 32) + Label.start)
        q = (
            select(
                Label.text,
                Label.category,
                Document.outlet_id,
                quoted,
                speaker.name,
                func.count(),
                first,
                Label.document_id,
                Label.start,
                Label.end,
            )
            .join(Document, Document.id == Label.document_id)
            .outerjoin(speaker, speaker.id == Label.speaker_entity_id)
            .where(Label.entity_id == entity_id, Label.kind.in_(kinds))
            .group_by(Label.text, Label.category, Document.outlet_id, quoted, speaker.name)
        )
        with self.session() as s:
            rows = sorted(s.execute(q).all(), key=lambda r: int(r[6]))
            names = outlet_names(s)
        return [
            LabelTally(
                text, category, names.get(outlet), by or None, who, int(n), int(d), int(a), int(b)
            )
            for text, category, outlet, by, who, n, _first, d, a, b in rows
        ]

    def most_labelled(
        self: _HasSessions, kinds: tuple[str, ...], limit: int
    ) -> list[tuple[int, int]]:
        """(entity id, labels) of the ``limit`` entities with the most labels of these
        kinds, most first: the actors whose frame counts the most."""
        n = func.count()
        q = (
            select(Label.entity_id, n)
            .where(Label.entity_id.is_not(None), Label.kind.in_(kinds))
            .group_by(Label.entity_id)
            .order_by(n.desc(), Label.entity_id)
            .limit(limit)
        )
        with self.session() as s:
            return [(int(e), int(c)) for e, c in s.execute(q) if e is not None]

    def quote_page(
        self: _HasSessions,
        *,
        speaker_id: int,
        after: tuple[int, int, int] | None = None,
        limit: int = 200,
    ) -> QuotePage:
        """Up to ``limit`` quotations of ``speaker_id`` in document and text order (as
        :meth:`quotes_for` lists them), starting after the key ``after`` of a previous
        page, with the title and outlet of their documents."""
        limit = max(1, limit)
        q = select(Quote.id, Quote.document_id, Quote.start).where(
            Quote.speaker_entity_id == speaker_id
        )
        if after is not None:
            q = q.where(
                tuple_(Quote.document_id, Quote.start, Quote.id)
                > tuple_(literal(after[0]), literal(after[1]), literal(after[2]))
            )
        q = q.order_by(Quote.document_id, Quote.start, Quote.id).limit(limit)
        speaker = aliased(Entity)
        with self.session() as s:
            page = [(int(i), int(d), int(st)) for i, d, st in s.execute(q)]
            ids = [i for i, _d, _s in page]
            quotes = {
                qt.id: (qt, name)
                for qt, name in s.execute(
                    select(Quote, speaker.name)
                    .outerjoin(speaker, speaker.id == Quote.speaker_entity_id)
                    .where(Quote.id.in_(ids))
                )
            }
            doc_ids = sorted({d for _i, d, _s in page})
            texts: dict[int, str] = {}
            documents: dict[int, tuple[str, str | None]] = {}
            if doc_ids:
                for doc_id, title, outlet, text in s.execute(
                    select(Document.id, Document.title, Outlet.name, Document.text)
                    .outerjoin(Outlet, Outlet.id == Document.outlet_id)
                    .where(Document.id.in_(doc_ids))
                ):
                    documents[doc_id] = (title, outlet)
                    texts[doc_id] = text
            rows = with_via_names(
                s,
                [
                    quote_row(qt, name, texts.get(qt.document_id, ""))
                    for qt, name in (quotes[i] for i in ids if i in quotes)
                ],
            )
        last = page[-1] if len(page) >= limit else None
        return QuotePage(rows, documents, (last[1], last[2], last[0]) if last else None)

    def document_titles(self: _HasSessions) -> list[tuple[int, str | None, str | None, str]]:
        """(id, outlet name, its Arabic name, title) of every document, by id: what a
        picker lists, without the rest of each document's row."""
        q = (
            select(Document.id, Outlet.name, Outlet.name_ar, Document.title)
            .outerjoin(Outlet, Outlet.id == Document.outlet_id)
            .order_by(Document.id)
        )
        with self.session() as s:
            return [(int(i), o, ar, t) for i, o, ar, t in s.execute(q)]
