"""The long lists of the UI, read as cheaply as they can be.

Documents a page at a time: the ordered ids of a filtered, sorted selection in one cheap
query, the display rows of a page of those ids in another. A 30,000-article corpus is too
many rows to build, hold and sort in the UI at once; the library keeps only the ids and
asks for the rows of what it shows.

Entities counted in one pass over the mentions index; the forms every entity was seen as
(a pass over all the mentions) and one entity's forms and outlets only when asked for.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import sqlite3
from collections.abc import Sequence
from contextlib import AbstractContextManager
from dataclasses import replace
from typing import Any, Literal, Protocol, TypeVar

from sqlalchemy import Select, func, or_, select
from sqlalchemy.orm import Session

from desktop.store.models import (
    Document,
    Entity,
    EntityForm,
    EntityStat,
    Mention,
    Outlet,
    Surface,
)
from desktop.store.rows import DocumentRow, EntityRow
from desktop.text.normalize import name_order_key
from desktop.text.tokens import article_form, folded_forms

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

    # ---- entities -------------------------------------------------------------------------
    def entity_summaries(
        self: _DocumentReader, *, type: str | None = None, min_docs: int = 1
    ) -> list[EntityRow]:
        """The entities :meth:`entity_rows` lists, in its order and with its counts, but
        with ``aliases_seen`` and ``outlets`` left empty (:meth:`entity_seen_forms` and
        :meth:`fill_entity_row` read them): one pass over the mentions index instead of
        three over the mentions themselves."""
        q = (
            select(*_SUMMARY_COLUMNS)
            .join(EntityStat, EntityStat.entity_id == Entity.id)
            .where(*_listed(min_docs))
            .order_by(EntityStat.mentions.desc(), Entity.name)
        )
        if type:
            q = q.where(Entity.type == type)
        with self.session() as s:
            return [_entity_row(row) for row in s.execute(q)]

    def entity_type_totals(
        self: _DocumentReader, *, min_docs: int = 1, matching: str = ""
    ) -> dict[str, tuple[int, int]]:
        """type → (entities, their mentions) of what :meth:`entity_page` lists."""
        with self.session() as s:
            return _type_totals(s, _listed(min_docs, matching))

    def entity_listing(
        self: _DocumentReader,
        *,
        order: EntityOrder = "mentions",
        descending: bool = True,
        first: int = 100,
        min_docs: int = 1,
        matching: str = "",
    ) -> tuple[dict[str, tuple[int, int]], dict[str, list[EntityRow]]]:
        """What a refresh of the sidebar reads, in one go: :meth:`entity_type_totals`
        and the first ``first`` entities of each type (:meth:`entity_page`). With a
        filter, the entities seen written so are looked up once for all of it, not
        once for each type."""
        with self.session() as s:
            listed = _listed(min_docs, matching, _seen_as(s, matching))
            totals = _type_totals(s, listed)
            pages = {
                t: [
                    _entity_row(row)
                    for row in s.execute(
                        _in_order(select(*_SUMMARY_COLUMNS), t, order, descending, 0, first, listed)
                    )
                ]
                for t in totals
            }
        return totals, pages

    def entity_page(
        self: _DocumentReader,
        entity_type: str,
        *,
        order: EntityOrder = "mentions",
        descending: bool = True,
        offset: int = 0,
        limit: int | None = None,
        min_docs: int = 1,
        matching: str = "",
    ) -> list[EntityRow]:
        """Entities of one type in an order, ``limit`` of them from ``offset``: what the
        sidebar shows of a type of tens of thousands of names, sorted and filtered by the
        database. Ties of counts are ordered by name, ascending whichever the direction.
        ``matching``: only entities whose name, English name or a form they were seen
        as contains that text, compared as :func:`name_order_key` makes them (so that
        «ديمستورا» finds «دي مستورا»)."""
        q = _in_order(
            select(*_SUMMARY_COLUMNS),
            entity_type,
            order,
            descending,
            offset,
            limit,
            _listed(min_docs, matching),
        )
        with self.session() as s:
            return [_entity_row(row) for row in s.execute(q)]

    def entity_ids(
        self: _DocumentReader,
        entity_type: str,
        *,
        order: EntityOrder = "mentions",
        descending: bool = True,
        offset: int = 0,
        limit: int | None = None,
        min_docs: int = 1,
        matching: str = "",
    ) -> list[int]:
        """The ids of the entities :meth:`entity_page` would give, without their rows: a
        list scrolled far at once (to an entity chosen elsewhere, kept selected through
        a sort) holds the ids of the rows between, and reads the rows of those it shows
        with :meth:`entity_summaries_of`."""
        q = _in_order(
            select(Entity.id),
            entity_type,
            order,
            descending,
            offset,
            limit,
            _listed(min_docs, matching),
        )
        with self.session() as s:
            return list(s.scalars(q))

    def entity_summaries_of(
        self: _DocumentReader, ids: Sequence[int], *, min_docs: int = 1, matching: str = ""
    ) -> list[EntityRow]:
        """These entities' rows as :meth:`entity_page` gives them, in the order of
        ``ids``; one no longer listed (ignored, merged, gone, or not ``matching``) is
        left out."""
        wanted = list(ids)
        found: dict[int, EntityRow] = {}
        with self.session() as s:
            for start in range(0, len(wanted), _MAX_BOUND_IDS):
                chunk = wanted[start : start + _MAX_BOUND_IDS]
                q = (
                    select(*_SUMMARY_COLUMNS)
                    .join(EntityStat, EntityStat.entity_id == Entity.id)
                    .where(Entity.id.in_(chunk), *_listed(min_docs, matching))
                )
                found.update((row[0], _entity_row(row)) for row in s.execute(q))
        return [found[i] for i in wanted if i in found]

    def entity_place(
        self: _DocumentReader,
        entity_id: int,
        *,
        order: EntityOrder = "mentions",
        descending: bool = True,
        min_docs: int = 1,
        matching: str = "",
    ) -> tuple[str, int] | None:
        """(type, row) of the entity in :meth:`entity_page`'s order of its type, or
        ``None`` when it is not listed."""
        with self.session() as s:
            found = s.execute(
                select(Entity.type)
                .join(EntityStat, EntityStat.entity_id == Entity.id)
                .where(Entity.id == entity_id, *_listed(min_docs, matching))
            ).first()
            if found is None:
                return None
            ranked = (
                select(
                    Entity.id,
                    func.row_number().over(order_by=_entity_order(order, descending)).label("n"),
                )
                .join(EntityStat, EntityStat.entity_id == Entity.id)
                .where(Entity.type == found[0], *_listed(min_docs, matching))
                .subquery()
            )
            n = s.scalar(select(ranked.c.n).where(ranked.c.id == entity_id))
        return (found[0], int(n) - 1) if n is not None else None

    def entity_seen_forms(self: _DocumentReader) -> dict[int, list[str]]:
        """Every entity's forms as seen in the texts (sorted, not by frequency), as
        ``entity_forms`` keeps them, a name after «لـ» as the name."""
        q = select(EntityForm.entity_id, EntityForm.surface)
        forms: dict[int, list[str]] = {}
        with self.session() as s:
            for entity_id, surface in s.execute(q):
                forms.setdefault(entity_id, []).append(article_form(surface))
        return {e: sorted(set(seen)) for e, seen in forms.items()}

    def fill_entity_row(self: _DocumentReader, row: EntityRow, outlets: bool = True) -> EntityRow:
        """``row`` with the forms its entity was seen as (most frequent first) and the
        outlets that mention it (these read every mention of it: not when ``outlets`` is
        false), as :meth:`entity_rows` gives them, with the Arabic names kept for those
        outlets."""
        with self.session() as s:
            forms = folded_forms(
                (f, n)
                for f, n in s.execute(
                    select(EntityForm.surface, EntityForm.mentions).where(
                        EntityForm.entity_id == row.id
                    )
                )
            )
            if not outlets:
                return replace(row, aliases_seen=[f for f, _n in forms])
            seen_in = s.execute(
                select(Outlet.name, Outlet.name_ar)
                .where(
                    Outlet.id.in_(
                        select(Document.outlet_id).where(
                            Document.id.in_(
                                select(Mention.document_id).where(Mention.entity_id == row.id)
                            )
                        )
                    )
                )
                .order_by(Outlet.name)
            ).all()
        return replace(
            row,
            aliases_seen=[f for f, _n in forms],
            outlets=[name for name, _ar in seen_in],
            outlets_ar={name: ar for name, ar in seen_in if ar},
        )


EntityOrder = Literal["name", "documents", "mentions"]
_Q = TypeVar("_Q", bound=Select[*tuple[Any, ...]])

_SUMMARY_COLUMNS = (
    Entity.id,
    Entity.key,
    Entity.name,
    Entity.name_en,
    Entity.type,
    Entity.origin,
    Entity.confirmed,
    EntityStat.documents,
    EntityStat.mentions,
)


def _listed(min_docs: int, matching: str = "", seen: str | None = None) -> tuple[Any, ...]:
    """The entities the sidebar lists: neither ignored nor merged away, in enough
    documents, and when ``matching``, named or seen written so (``seen``: the ids of
    those seen so, found beforehand by :func:`_seen_as`, as a JSON array)."""
    listed = (
        Entity.ignored.is_(False),
        Entity.merged_into_id.is_(None),
        EntityStat.documents >= min_docs,
    )
    needle = name_order_key(matching) if matching else ""
    if not needle:
        return listed
    if seen is None:
        seen_ids: Any = _seen_query(needle)
    else:
        seen_ids = select(func.json_each(seen).table_valued("value").c.value)
    return (
        *listed,
        or_(
            func.instr(Entity.sort_name, needle) > 0,
            func.instr(Entity.name_en_key, needle) > 0,
            Entity.id.in_(seen_ids),
        ),
    )


def _seen_query(needle: str) -> Select[int]:
    """The entities seen written in a form that contains ``needle`` (a key): the forms
    whose keys contain it (a few thousand), then the entities counted under them."""
    return select(EntityForm.entity_id).where(
        EntityForm.surface.in_(select(Surface.text).where(func.instr(Surface.key, needle) > 0))
    )


def _seen_as(s: Session, matching: str) -> str | None:
    """:func:`_seen_query` run once, for several statements to use: a one-letter filter
    matches thousands of forms, and looking them up is most of each statement's time."""
    needle = name_order_key(matching) if matching else ""
    if not needle or s.get_bind().dialect.name != "sqlite" or not _sqlite_reads_json():
        return None  # each statement looks them up itself
    return json.dumps(sorted(set(s.scalars(_seen_query(needle)))))


@functools.cache
def _sqlite_reads_json() -> bool:
    """Whether this SQLite has its JSON functions (built in since 3.38; a build may
    leave them out)."""
    try:
        sqlite3.connect(":memory:").execute("SELECT value FROM json_each('[1]')").fetchall()
    except sqlite3.Error:
        return False
    return True


def _type_totals(s: Session, listed: tuple[Any, ...]) -> dict[str, tuple[int, int]]:
    """type → (entities, their mentions) of the ``listed`` entities."""
    q = (
        select(Entity.type, func.count(), func.sum(EntityStat.mentions))
        .join(EntityStat, EntityStat.entity_id == Entity.id)
        .where(*listed)
        .group_by(Entity.type)
    )
    return {t: (n, int(m or 0)) for t, n, m in s.execute(q)}


def _in_order(
    q: _Q,
    entity_type: str,
    order: EntityOrder,
    descending: bool,
    offset: int,
    limit: int | None,
    listed: tuple[Any, ...],
) -> _Q:
    """``q`` over the ``listed`` entities of one type, in an order, ``limit`` from
    ``offset``."""
    return (
        q.join(EntityStat, EntityStat.entity_id == Entity.id)
        .where(Entity.type == entity_type, *listed)
        .order_by(*_entity_order(order, descending))
        .offset(offset)
        .limit(-1 if limit is None else limit)
    )


def _entity_order(order: EntityOrder, descending: bool) -> list[Any]:
    """By name: the order key, then the name and id as written, all in the direction;
    by a count: the count in the direction, then the names ascending."""
    names = [Entity.sort_name, Entity.name, Entity.id]
    if order == "name":
        return [c.desc() for c in names] if descending else names
    count = EntityStat.documents if order == "documents" else EntityStat.mentions
    return [count.desc() if descending else count, *names]


def _entity_row(row: Any) -> EntityRow:
    i, key, name, name_en, etype, origin, confirmed, docs, mentions = row
    return EntityRow(i, key, name, name_en, etype, origin, bool(confirmed), docs, mentions)
