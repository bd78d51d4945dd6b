"""Column lists and row builders shared by the store's queries (one definition each)."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator, Sequence
from typing import Any, TypeVar

from sqlalchemy import Row, select
from sqlalchemy.orm import InstrumentedAttribute, Session

from desktop.store.models import Document, Entity, Event, EventParticipant, Outlet, Quote
from desktop.store.rows import EventRow, QuoteRow

#: keys bound in one ``IN (…)`` (old SQLite builds allow 999 in all)
LOOKUP_CHUNK = 500

_T = TypeVar("_T")


def bound_chunks(values: Sequence[_T], size: int = LOOKUP_CHUNK) -> Iterator[list[_T]]:
    """``values`` a chunk of ``size`` at a time: what one ``IN (…)`` binds."""
    values = list(values)
    for lo in range(0, len(values), size):
        yield values[lo : lo + size]


#: the columns of a :class:`~desktop.store.rows.DocumentRow`, in its field order (select
#: them with ``outerjoin(Outlet, Outlet.id == Document.outlet_id)``)
DOCUMENT_ROW_COLUMNS = (
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
    Outlet.name_ar,
)


def event_row(
    e: Event | Row[Any], place_name: str | None, participants: list[tuple[int, str, str]]
) -> EventRow:
    """An event's row from its object or a row of its table's columns."""
    return EventRow(
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
        participants,
        e.sentence_idx,
        dict(e.details or {}),
    )


def quote_row(qt: Quote | Row[Any], speaker_name: str | None, document_text: str) -> QuoteRow:
    """A quotation's row (from its object or a row of its table's columns), its words
    cut from its document's text."""
    return QuoteRow(
        qt.id,
        qt.document_id,
        qt.speaker_entity_id,
        speaker_name,
        qt.speaker_text,
        qt.verb,
        qt.verb_category,
        qt.kind,
        qt.start,
        qt.end,
        document_text[qt.start : qt.end],
        qt.word_count,
        qt.sentence_idx,
        dict(qt.details or {}),
    )


def with_via_names(s: Session, rows: list[QuoteRow]) -> list[QuoteRow]:
    """``rows`` with the actor each came through named: ``details["via"]`` holds its key,
    and an edit may have merged it into another since."""
    keys = {str(r.details["via"]) for r in rows if r.details.get("via")}
    if not keys:
        return rows
    names: dict[str, str] = {}
    for chunk in bound_chunks(sorted(keys)):
        for key, entity_id in s.execute(select(Entity.key, Entity.id).where(Entity.key.in_(chunk))):
            e = s.get(Entity, entity_id)
            while e is not None and e.merged_into_id is not None:
                e = s.get(Entity, e.merged_into_id)
            if e is not None:
                names[str(key)] = e.name
    return [
        dataclasses.replace(r, via_name=names.get(str(r.details["via"]), str(r.details["via"])))
        if r.details.get("via")
        else r
        for r in rows
    ]


def lookup(
    s: Session,
    key: InstrumentedAttribute[Any],
    value: InstrumentedAttribute[Any],
    keys: Sequence[Any],
) -> dict[Any, Any]:
    """``{key: value}`` of the rows whose ``key`` is one of ``keys`` (asked a chunk of
    keys at a time); keys with no row are absent."""
    found: dict[Any, Any] = {}
    for chunk in bound_chunks(keys):
        found.update(tuple(row) for row in s.execute(select(key, value).where(key.in_(chunk))))
    return found


def event_participants(s: Session, ids: Sequence[int]) -> dict[int, list[tuple[int, str, str]]]:
    """(entity id, name, type) of each event's participants, in entity order."""
    parts: dict[int, list[tuple[int, str, str]]] = {}
    if not ids:
        return parts
    q = (
        select(EventParticipant.event_id, Entity.id, Entity.name, Entity.type)
        .join(Entity, Entity.id == EventParticipant.entity_id)
        .order_by(EventParticipant.event_id, Entity.id)
    )
    for chunk in bound_chunks(ids):  # two outlets hold tens of thousands
        for event_id, entity_id, name, etype in s.execute(
            q.where(EventParticipant.event_id.in_(chunk))
        ):
            parts.setdefault(event_id, []).append((entity_id, name, etype))
    return parts


def outlet_names(s: Session) -> dict[int | None, str]:
    """Every outlet's name by its id: a corpus has tens of outlets, so a query counting
    by outlet groups by the id and names the groups after (no outlet, ``None``, has no
    name)."""
    return {i: name for i, name in s.execute(select(Outlet.id, Outlet.name))}
