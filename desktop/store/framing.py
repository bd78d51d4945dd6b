"""Labels, quotes and events: the store's side of the framing analysis."""

from __future__ import annotations

from collections.abc import Sequence
from contextlib import AbstractContextManager
from typing import Any, NamedTuple, Protocol

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session, aliased

from desktop.store.bulk import insert_rows
from desktop.store.engine import dump_json
from desktop.store.models import (
    Document,
    Entity,
    Event,
    EventParticipant,
    Label,
    Quote,
)
from desktop.store.rows import EventRow, LabelRow, QuoteRow
from desktop.store.selects import event_participants, event_row, lookup, quote_row

#: What the analysis writes, as tuples in the order of these columns (the writer of
#: hundreds of thousands of rows builds them directly): ``details`` is already JSON
#: (:func:`encode_details`) and ``date`` an ISO date, as the database holds them.
LABEL_COLUMNS = (
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
QUOTE_COLUMNS = (
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
EVENT_COLUMNS = (
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
_ENCODED = ("details", "date")


class FramingRows(NamedTuple):
    """Labels, quotes and events of several documents, ready to be written."""

    #: values of ``LABEL_COLUMNS``
    labels: list[tuple[Any, ...]]
    #: values of ``QUOTE_COLUMNS``
    quotes: list[tuple[Any, ...]]
    #: values of ``EVENT_COLUMNS`` (without ``id``), and the event's participants' ids
    events: list[tuple[tuple[Any, ...], tuple[int, ...]]]


def encode_details(details: dict[str, Any] | None) -> str | None:
    """Details as the ``details`` columns hold them: JSON without the empty fields, or
    None (SQL NULL) when nothing is left."""
    if not details:
        return None
    kept = {k: v for k, v in details.items() if v is not None}
    return dump_json(kept) if kept else None


def write_framing(s: Session, doc_ids: Sequence[int], rows: FramingRows) -> None:
    """Replace the labels, quotes and events of these documents (in the caller's
    transaction)."""
    s.execute(delete(Label).where(Label.document_id.in_(doc_ids)))
    s.execute(delete(Quote).where(Quote.document_id.in_(doc_ids)))
    s.execute(delete(Event).where(Event.document_id.in_(doc_ids)))
    conn = s.connection()
    insert_rows(conn, Label, LABEL_COLUMNS, rows.labels, encoded=_ENCODED)
    insert_rows(conn, Quote, QUOTE_COLUMNS, rows.quotes, encoded=_ENCODED)
    if not rows.events:
        return
    # ids assigned here (this transaction is the only writer): a plain executemany is far
    # faster than INSERT … RETURNING row by row
    base = s.scalar(select(func.coalesce(func.max(Event.id), 0))) or 0
    insert_rows(
        conn,
        Event,
        ("id", *EVENT_COLUMNS),
        [(base + i, *values) for i, (values, _p) in enumerate(rows.events, 1)],
        encoded=_ENCODED,
    )
    participants = [
        (base + i, p)
        for i, (_values, people) in enumerate(rows.events, 1)
        for p in dict.fromkeys(people)
    ]
    insert_rows(conn, EventParticipant, ("event_id", "entity_id"), participants)


class _HasSessions(Protocol):
    def session(self) -> AbstractContextManager[Session]: ...
    def transaction(self) -> AbstractContextManager[Session]: ...


class FramingStoreMixin:
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
            texts: dict[int, str] = lookup(s, Document.id, Document.text, doc_ids)
            return [quote_row(qt, sn, texts[qt.document_id]) for qt, sn in found]

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
            parts = event_participants(s, [e.id for e, _p in rows])
            return [event_row(e, pn, parts.get(e.id, [])) for e, pn in rows]
