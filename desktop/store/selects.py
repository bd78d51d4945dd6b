"""Column lists and row builders shared by the store's queries (one definition each)."""

from __future__ import annotations

from desktop.store.models import Document, Event, Outlet
from desktop.store.rows import EventRow

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
)


def event_row(
    e: Event, place_name: str | None, participants: list[tuple[int, str, str]]
) -> EventRow:
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
