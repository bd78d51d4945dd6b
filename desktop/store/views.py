"""Read queries behind the views that list the whole corpus: the events table a page at a
time, in the order and with the filter the view asks for.

A 30,000-article corpus holds over half a million events: the view asks for a count and
for one page after another (keyset paging: each page starts after the sort key of the last
row shown), never for every event at once.
"""

from __future__ import annotations

from collections.abc import Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass
from typing import Any, Literal, Protocol

from sqlalchemy import String, func, literal, select, tuple_
from sqlalchemy.orm import Session, aliased

from desktop.store.models import Document, Entity, Event, EventParticipant, Outlet
from desktop.store.rows import DocumentRow, EventRow

EventSort = Literal["date", "type", "trigger", "place", "outlet"]
EVENT_SORTS: tuple[EventSort, ...] = ("date", "type", "trigger", "place", "outlet")

#: the sort key of an event with neither a date of its own nor a dated document: last
UNDATED_KEY = "9999-12-31"

_DOCUMENT_COLUMNS = (
    Document.id,
    Document.stem,
    Document.title,
    Document.outlet_id,
    Outlet.name,
    Document.published,
    Document.url,
    Document.author,
    Document.source_path,
    Document.char_count,
    Document.word_count,
)


@dataclass(frozen=True)
class EventPage:
    """One page of events with their documents, and where the next page starts."""

    rows: list[tuple[EventRow, DocumentRow]]
    #: (sort key, event id) of the last row: ``after`` of the next page; None at the end
    after: tuple[str, int] | None


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
                    select(Event, place.name, *_DOCUMENT_COLUMNS)
                    .join(Document, Document.id == Event.document_id)
                    .outerjoin(Outlet, Outlet.id == Document.outlet_id)
                    .outerjoin(place, place.id == Event.place_entity_id)
                    .where(Event.id.in_(ids))
                )
            }
            participants = _participants(s, ids)
        rows = [
            (
                EventRow(
                    e.id,
                    e.document_id,
                    e.type,
                    e.trigger,
                    e.start,
                    e.end,
                    e.date,
                    e.date_text,
                    e.place_entity_id,
                    place_name,
                    participants.get(e.id, []),
                    e.sentence_idx,
                    dict(e.details or {}),
                ),
                DocumentRow(*doc),
            )
            for e, place_name, *doc in (found[i] for i in ids if i in found)
        ]
        last = page[-1] if len(page) >= limit else None
        return EventPage(rows, (last[1], last[0]) if last is not None else None)


def _participants(s: Session, ids: Sequence[int]) -> dict[int, list[tuple[int, str, str]]]:
    parts: dict[int, list[tuple[int, str, str]]] = {}
    if not ids:
        return parts
    q = (
        select(EventParticipant.event_id, Entity.id, Entity.name, Entity.type)
        .join(Entity, Entity.id == EventParticipant.entity_id)
        .where(EventParticipant.event_id.in_(list(ids)))
        .order_by(EventParticipant.event_id, Entity.id)
    )
    for event_id, entity_id, name, etype in s.execute(q):
        parts.setdefault(event_id, []).append((entity_id, name, etype))
    return parts
