"""Labels, quotes and events: the store's side of the framing analysis."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from contextlib import AbstractContextManager
from typing import Any, NamedTuple, Protocol

from sqlalchemy import ColumnElement, Row, Select, delete, func, select
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
    core_table,
)
from desktop.store.rows import EVENT_MODALITIES, EventRow, LabelRow, QuoteRow
from desktop.store.selects import (
    bound_chunks,
    event_participants,
    event_row,
    lookup,
    quote_row,
    with_via_names,
)

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


def _rows_of(
    s: Session, query: Select[Any], column: ColumnElement[int], documents: Sequence[int] | None
) -> list[Row[Any]]:
    """The rows of ``query`` over all documents, or over these, asked in chunks of ids in
    ascending order (rows ordered by document first then follow each other in order):
    an outlet's articles can be more than SQLite binds in one statement."""
    if documents is None:
        return list(s.execute(query))
    return [
        row
        for chunk in bound_chunks(sorted(set(documents)))
        for row in s.execute(query.where(column.in_(chunk)))
    ]


class FramingStoreMixin:
    # ---- reading ----------------------------------------------------------------------
    def labels_for(
        self: _HasSessions, *, documents: Sequence[int] | None = None, entity_id: int | None = None
    ) -> list[LabelRow]:
        ent, spk = aliased(Entity), aliased(Entity)
        lb = core_table(Label)
        base = (
            select(*lb.c, ent.name.label("entity_name"), spk.name.label("speaker_name"))
            .outerjoin(ent, ent.id == lb.c.entity_id)
            .outerjoin(spk, spk.id == lb.c.speaker_entity_id)
            .order_by(lb.c.document_id, lb.c.start)
        )
        if entity_id is not None:
            base = base.where(lb.c.entity_id == entity_id)
        with self.session() as s:
            return [
                LabelRow(
                    r.id,
                    r.document_id,
                    r.entity_id,
                    r.entity_name,
                    r.start,
                    r.end,
                    r.text,
                    r.key,
                    r.category,
                    r.kind,
                    r.speaker_entity_id,
                    r.speaker_name,
                    r.sentence_idx,
                    dict(r.details or {}),
                )
                for r in _rows_of(s, base, lb.c.document_id, documents)
            ]

    def quotes_for(
        self: _HasSessions,
        *,
        documents: Sequence[int] | None = None,
        speaker_id: int | None = None,
        outlet_id: int | None = None,
        kind: str | None = None,
    ) -> list[QuoteRow]:
        spk = aliased(Entity)
        qt = core_table(Quote)
        base = (
            select(*qt.c, spk.name.label("speaker_name"))
            .join(Document, Document.id == qt.c.document_id)
            .outerjoin(spk, spk.id == qt.c.speaker_entity_id)
            .order_by(qt.c.document_id, qt.c.start)
        )
        if speaker_id is not None:
            base = base.where(qt.c.speaker_entity_id == speaker_id)
        if outlet_id is not None:
            base = base.where(Document.outlet_id == outlet_id)
        if kind is not None:
            base = base.where(qt.c.kind == kind)
        with self.session() as s:
            found = _rows_of(s, base, qt.c.document_id, documents)
            # each document's text is read (and decompressed) once, not once per quote
            doc_ids = list(dict.fromkeys(r.document_id for r in found))
            texts: dict[int, str] = lookup(s, Document.id, Document.text, doc_ids)
            rows = [quote_row(r, r.speaker_name, texts[r.document_id]) for r in found]
            return with_via_names(s, rows)

    def events_for(
        self: _HasSessions,
        *,
        documents: Sequence[int] | None = None,
        type: str | None = None,
        participant_id: int | None = None,
        place_id: int | None = None,
        date_from: dt.date | None = None,
        date_to: dt.date | None = None,
        told: str | None = None,
    ) -> list[EventRow]:
        """Events in document and text order, with these filters: ``participant_id``
        among the participants, ``place_id`` the place; the dates bound the event's own
        date, or its document's when it has none (as the events view orders them);
        ``told``: "done", or the words the text tells it with ("negated", "wished",
        "planned": :attr:`EventRow.modality`)."""
        place = aliased(Entity)
        ev = core_table(Event)
        base = (
            select(*ev.c, place.name.label("place_name"))
            .outerjoin(place, place.id == ev.c.place_entity_id)
            .order_by(ev.c.document_id, ev.c.start)
        )
        if type is not None:
            base = base.where(ev.c.type == type)
        if place_id is not None:
            base = base.where(ev.c.place_entity_id == place_id)
        if participant_id is not None:
            # looked up by the participants' key (event, entity) for each event, not by
            # listing every event of the actor for each chunk of documents
            part = core_table(EventParticipant)
            base = base.where(
                select(part.c.event_id)
                .where(part.c.event_id == ev.c.id, part.c.entity_id == participant_id)
                .exists()
            )
        if told is not None:
            kinds = {k: func.json_extract(ev.c.details, f"$.{k}") for k in EVENT_MODALITIES}
            if told == "done":
                base = base.where(*(func.coalesce(v, "") == "" for v in kinds.values()))
            else:  # as EventRow.modality reads them: the first of the three it has
                earlier = EVENT_MODALITIES[: EVENT_MODALITIES.index(told)]
                base = base.where(
                    func.coalesce(kinds[told], "") != "",
                    *(func.coalesce(kinds[k], "") == "" for k in earlier),
                )
        if date_from is not None or date_to is not None:
            day = func.coalesce(ev.c.date, Document.published)
            base = base.join(Document, Document.id == ev.c.document_id)
            if date_from is not None:
                base = base.where(day >= date_from)
            if date_to is not None:
                base = base.where(day <= date_to)
        with self.session() as s:
            rows = _rows_of(s, base, ev.c.document_id, documents)
            parts = event_participants(s, [r.id for r in rows])
            return [event_row(r, r.place_name, parts.get(r.id, [])) for r in rows]
