"""The document list a page at a time: the ordered ids of a filtered, sorted selection in
one cheap query, and the display rows of a page of those ids in another.

A 30,000-article corpus is too many rows to build, hold and sort in the UI at once; the
library keeps only the ids and asks for the rows of what it shows.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from contextlib import AbstractContextManager
from typing import Any, Literal, Protocol

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.store.models import Document, Mention, Outlet
from desktop.store.rows import DocumentRow

DocumentSort = Literal["id", "title", "outlet", "date", "words"]
DOCUMENT_SORTS: tuple[DocumentSort, ...] = ("id", "title", "outlet", "date", "words")

#: at most this many ids are bound in one ``IN (…)``; longer lists are split or filtered
#: after the query
_MAX_BOUND_IDS = 900


class _DocumentReader(Protocol):
    def session(self) -> AbstractContextManager[Session]: ...
    def documents(
        self,
        *,
        outlet_id: int | None = None,
        date_from: dt.date | None = None,
        date_to: dt.date | None = None,
        ids: Sequence[int] | None = None,
    ) -> list[DocumentRow]: ...


def _sort_key(sort: DocumentSort) -> Any:
    if sort == "title":
        return Document.title
    if sort == "outlet":
        return Outlet.name
    if sort == "date":
        return Document.published
    if sort == "words":
        return Document.word_count
    if sort == "id":
        return Document.id
    raise ValueError(f"unknown document sort {sort!r}; one of {', '.join(DOCUMENT_SORTS)}")


class PagingStoreMixin:
    """Mixed into :class:`desktop.store.store.Store`."""

    def document_ids(
        self: _DocumentReader,
        *,
        outlet_id: int | None = None,
        date_from: dt.date | None = None,
        date_to: dt.date | None = None,
        mentioning: Sequence[int] | None = None,
        ids: Sequence[int] | None = None,
        sort: DocumentSort = "id",
        descending: bool = False,
    ) -> list[int]:
        """The ids of the documents :meth:`documents` would list with these filters
        (``mentioning``: only those that mention one of these entities; ``ids``: only
        these), ordered by ``sort``, equal keys by id. Descending is the exact reverse of
        ascending (a missing date or outlet first ascending, last descending), the order
        a Qt sort proxy gives."""
        key = _sort_key(sort)
        q = select(Document.id)
        if sort == "outlet":
            q = q.outerjoin(Outlet, Outlet.id == Document.outlet_id)
        if outlet_id is not None:
            q = q.where(Document.outlet_id == outlet_id)
        if date_from is not None:
            q = q.where(Document.published >= date_from)
        if date_to is not None:
            q = q.where(Document.published <= date_to)
        if mentioning is not None:
            q = q.where(
                Document.id.in_(
                    select(Mention.document_id).where(Mention.entity_id.in_(list(mentioning)))
                )
            )
        wanted: set[int] | None = None
        if ids is not None:
            if len(ids) <= _MAX_BOUND_IDS:
                q = q.where(Document.id.in_(list(ids)))
            else:
                wanted = set(ids)
        if sort == "id":
            # «+ 0»: the ids of a small covering index, sorted, beat a walk of the table
            by: Any = Document.id + 0
            q = q.order_by(by.desc() if descending else by)
        else:
            q = q.order_by(
                *((key.desc(), Document.id.desc()) if descending else (key, Document.id))
            )
        with self.session() as s:
            found = list(s.scalars(q))
        if wanted is not None:
            found = [i for i in found if i in wanted]
        return found

    def document_rows(self: _DocumentReader, ids: Sequence[int]) -> list[DocumentRow]:
        """The rows of these documents in the order of ``ids``; an id with no document
        (deleted meanwhile) is left out."""
        by_id: dict[int, DocumentRow] = {}
        wanted = list(ids)
        for start in range(0, len(wanted), _MAX_BOUND_IDS):
            for row in self.documents(ids=wanted[start : start + _MAX_BOUND_IDS]):
                by_id[row.id] = row
        return [by_id[i] for i in wanted if i in by_id]
