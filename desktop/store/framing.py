"""Labels, quotes and events: the store's side of the framing analysis."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from typing import Any, Protocol

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session, aliased

from desktop.store.bulk import insert_rows
from desktop.store.models import (
    Document,
    Entity,
    Event,
    EventParticipant,
    Label,
    Quote,
)
from desktop.store.rows import EventRow, LabelRow, QuoteRow
from desktop.store.selects import event_row


@dataclass(frozen=True)
class NewLabel:
    start: int
    end: int
    text: str
    kind: str
    category: str | None
    key: str | None
    entity_id: int | None
    speaker_id: int | None
    sentence_idx: int | None
    details: dict[str, Any] | None = None


@dataclass(frozen=True)
class NewQuote:
    start: int
    end: int
    kind: str
    speaker_id: int | None
    speaker_text: str | None
    verb: str | None
    verb_category: str | None
    sentence_idx: int | None
    word_count: int
    details: dict[str, Any] | None = None


@dataclass(frozen=True)
class NewEvent:
    type: str
    trigger: str
    start: int
    end: int
    sentence_idx: int | None
    date: dt.date | None
    date_text: str | None
    place_id: int | None
    participants: tuple[int, ...]
    details: dict[str, Any] | None = None


@dataclass
class DocumentFraming:
    labels: list[NewLabel] = field(default_factory=list)
    quotes: list[NewQuote] = field(default_factory=list)
    events: list[NewEvent] = field(default_factory=list)


_LABEL_COLUMNS = (
    "document_id",
    "entity_id",
    "start",
    "end",
    "text",
    "key",
    "category",
    "kind",
    "speaker_entity_id",
    "sentence_idx",
    "details",
)
_QUOTE_COLUMNS = (
    "document_id",
    "speaker_entity_id",
    "speaker_text",
    "verb",
    "verb_category",
    "kind",
    "start",
    "end",
    "word_count",
    "sentence_idx",
    "details",
)
_EVENT_COLUMNS = (
    "id",
    "document_id",
    "type",
    "trigger",
    "start",
    "end",
    "date",
    "date_text",
    "place_entity_id",
    "sentence_idx",
    "details",
)


def _stored_details(details: dict[str, Any] | None) -> dict[str, Any] | None:
    """Details without their empty fields; None (SQL NULL) when nothing is left."""
    if not details:
        return None
    return {k: v for k, v in details.items() if v is not None} or None


class _HasSessions(Protocol):
    def session(self) -> AbstractContextManager[Session]: ...
    def transaction(self) -> AbstractContextManager[Session]: ...


class FramingStoreMixin:
    def replace_framing(
        self: _HasSessions, per_document: Sequence[tuple[int, DocumentFraming]]
    ) -> None:
        """Write labels, quotes and events of several documents in one transaction."""
        with self.transaction() as s:
            ids = [d for d, _ in per_document]
            s.execute(delete(Label).where(Label.document_id.in_(ids)))
            s.execute(delete(Quote).where(Quote.document_id.in_(ids)))
            s.execute(delete(Event).where(Event.document_id.in_(ids)))
            labels = [
                (
                    d,
                    lb.entity_id,
                    lb.start,
                    lb.end,
                    lb.text,
                    lb.key,
                    lb.category,
                    lb.kind,
                    lb.speaker_id,
                    lb.sentence_idx,
                    _stored_details(lb.details),
                )
                for d, f in per_document
                for lb in f.labels
            ]
            insert_rows(s.connection(), Label, _LABEL_COLUMNS, labels)
            quotes = [
                (
                    d,
                    q.speaker_id,
                    q.speaker_text,
                    q.verb,
                    q.verb_category,
                    q.kind,
                    q.start,
                    q.end,
                    q.word_count,
                    q.sentence_idx,
                    _stored_details(q.details),
                )
                for d, f in per_document
                for q in f.quotes
            ]
            insert_rows(s.connection(), Quote, _QUOTE_COLUMNS, quotes)
            events = [(d, e) for d, f in per_document for e in f.events]
            if not events:
                return
            # ids assigned here (this transaction is the only writer): a plain executemany
            # is far faster than INSERT … RETURNING row by row
            base = s.scalar(select(func.coalesce(func.max(Event.id), 0))) or 0
            event_ids = list(range(base + 1, base + 1 + len(events)))
            insert_rows(
                s.connection(),
                Event,
                _EVENT_COLUMNS,
                [
                    (
                        event_id,
                        d,
                        e.type,
                        e.trigger[:200],
                        e.start,
                        e.end,
                        e.date,
                        e.date_text,
                        e.place_id,
                        e.sentence_idx,
                        _stored_details(e.details),
                    )
                    for event_id, (d, e) in zip(event_ids, events, strict=True)
                ],
            )
            participants = [
                (event_id, p)
                for event_id, (_d, e) in zip(event_ids, events, strict=True)
                for p in dict.fromkeys(e.participants)
            ]
            insert_rows(s.connection(), EventParticipant, ("event_id", "entity_id"), participants)

    # ---- reading ----------------------------------------------------------------------
    def labels_for(
        self: _HasSessions, *, documents: Sequence[int] | None = None, entity_id: int | None = None
    ) -> list[LabelRow]:
        ent, spk = aliased(Entity), aliased(Entity)
        q = (
            select(Label, ent.name, spk.name)
            .outerjoin(ent, ent.id == Label.entity_id)
            .outerjoin(spk, spk.id == Label.speaker_entity_id)
            .order_by(Label.document_id, Label.start)
        )
        if documents is not None:
            q = q.where(Label.document_id.in_(list(documents)))
        if entity_id is not None:
            q = q.where(Label.entity_id == entity_id)
        with self.session() as s:
            return [
                LabelRow(
                    lb.id,
                    lb.document_id,
                    lb.entity_id,
                    en,
                    lb.start,
                    lb.end,
                    lb.text,
                    lb.key,
                    lb.category,
                    lb.kind,
                    lb.speaker_entity_id,
                    sn,
                    lb.sentence_idx,
                    dict(lb.details or {}),
                )
                for lb, en, sn in s.execute(q)
            ]

    def quotes_for(
        self: _HasSessions,
        *,
        documents: Sequence[int] | None = None,
        speaker_id: int | None = None,
        outlet_id: int | None = None,
    ) -> list[QuoteRow]:
        spk = aliased(Entity)
        q = (
            select(Quote, spk.name)
            .join(Document, Document.id == Quote.document_id)
            .outerjoin(spk, spk.id == Quote.speaker_entity_id)
            .order_by(Quote.document_id, Quote.start)
        )
        if documents is not None:
            q = q.where(Quote.document_id.in_(list(documents)))
        if speaker_id is not None:
            q = q.where(Quote.speaker_entity_id == speaker_id)
        if outlet_id is not None:
            q = q.where(Document.outlet_id == outlet_id)
        with self.session() as s:
            found = s.execute(q).all()
            # each document's text is read (and decompressed) once, not once per quote
            doc_ids = list(dict.fromkeys(qt.document_id for qt, _sn in found))
            texts: dict[int, str] = {}
            for lo in range(0, len(doc_ids), 500):
                texts.update(
                    s.execute(
                        select(Document.id, Document.text).where(
                            Document.id.in_(doc_ids[lo : lo + 500])
                        )
                    ).all()
                )
            return [
                QuoteRow(
                    qt.id,
                    qt.document_id,
                    qt.speaker_entity_id,
                    sn,
                    qt.speaker_text,
                    qt.verb,
                    qt.verb_category,
                    qt.kind,
                    qt.start,
                    qt.end,
                    texts[qt.document_id][qt.start : qt.end],
                    qt.word_count,
                    qt.sentence_idx,
                    dict(qt.details or {}),
                )
                for qt, sn in found
            ]

    def events_for(self: _HasSessions, *, documents: Sequence[int] | None = None) -> list[EventRow]:
        place = aliased(Entity)
        q = (
            select(Event, place.name)
            .outerjoin(place, place.id == Event.place_entity_id)
            .order_by(Event.document_id, Event.start)
        )
        if documents is not None:
            q = q.where(Event.document_id.in_(list(documents)))
        with self.session() as s:
            rows = list(s.execute(q))
            ids = [e.id for e, _p in rows]
            parts: dict[int, list[tuple[int, str, str]]] = {}
            if ids:
                for eid, pid, name, etype in s.execute(
                    select(EventParticipant.event_id, Entity.id, Entity.name, Entity.type)
                    .join(Entity, Entity.id == EventParticipant.entity_id)
                    .where(EventParticipant.event_id.in_(ids))
                ):
                    parts.setdefault(eid, []).append((pid, name, etype))
            return [event_row(e, pn, parts.get(e.id, [])) for e, pn in rows]
