"""Entities, aliases, mentions and the user's edits: the store's side of the analysis."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass
from itertools import repeat
from operator import itemgetter
from typing import Any, NamedTuple, Protocol

from sqlalchemy import Connection, Engine, bindparam, delete, func, insert, select, union, update
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from desktop.store import cascade, sqlite
from desktop.store.bulk import insert_many, insert_rows
from desktop.store.models import (
    Alias,
    Document,
    Entity,
    EntityEdit,
    EntityForm,
    EntityStat,
    Event,
    EventParticipant,
    Label,
    Mention,
    Outlet,
    Quote,
    Sentence,
    Surface,
    core_table,
)
from desktop.store.rows import EntityDetail, EntityRow, MentionRow, NameHolder
from desktop.store.selects import LOOKUP_CHUNK, bound_chunks, lookup, outlet_names
from desktop.text.normalize import name_order_key, normalize
from desktop.text.tokens import article_form, folded_forms, with_lam_forms


@dataclass(frozen=True)
class EntityRecord:
    """An entity as the analysis knows it, to be kept in step with the table."""

    key: str
    name: str
    name_en: str | None
    type: str
    origin: str
    aliases: tuple[str, ...] = ()
    details: dict[str, Any] | None = None


#: the ``analysis_version`` of a document an edit of the lexicon is to analyse again: set
#: in the transaction that logs the edit, and replaced by the version of the analysis as
#: the edit's analysis writes the document. An edit stopped halfway (the window closed,
#: the process killed) leaves the documents it did not reach so marked, and they are
#: analysed as it would have analysed them when the window next starts (or at the next
#: import): an edit is never left half made.
LEFT_BY_EDIT = 0


class NewMention(NamedTuple):
    start: int
    end: int
    surface: str
    entity_id: int
    kind: str
    sentence_idx: int | None
    confidence: float


class _HasSessions(Protocol):
    engine: Engine

    def session(self) -> AbstractContextManager[Session]: ...
    def transaction(self) -> AbstractContextManager[Session]: ...


class FoundSeen(NamedTuple):
    """A found name as the mentions use it (:meth:`EntityStoreMixin.found_names_seen`)."""

    entity_id: int
    key: str
    #: the normalised name as found
    name: str
    #: form written where an article discovered it → its first place, as
    #: ``document id × 10⁹ + offset``
    forms: dict[str, int]


def _key_or_none(text: str | None) -> str | None:
    return name_order_key(text) if text else None


def _entity_values(r: EntityRecord) -> dict[str, Any]:
    return {
        "key": r.key,
        "name": r.name,
        "sort_name": name_order_key(r.name),
        "name_en": r.name_en,
        "name_en_key": _key_or_none(r.name_en),
        "type": r.type,
        "origin": r.origin,
        "confirmed": r.origin != "discovered",
        "ignored": False,
        "details": r.details,
    }


def _alias_rows(records: Iterable[EntityRecord], ids: dict[str, int]) -> list[dict[str, Any]]:
    """The name and lexicon aliases of each record, normalised, once per entity."""
    rows = []
    for r in records:
        seen: set[str] = set()
        for alias in (r.name, *r.aliases):
            norm = " ".join(normalize(alias).split())
            if norm and norm not in seen:
                seen.add(norm)
                rows.append(
                    {
                        "entity_id": ids[r.key],
                        "text": alias,
                        "norm": norm,
                        "origin": "lexicon" if r.origin != "discovered" else "discovered",
                    }
                )
    return rows


def delete_entities(engine: Engine, ids: Sequence[int]) -> None:
    """Delete entities and what refers to them, as the foreign keys say (rows deleted or
    references set to NULL), a table at a time (:mod:`desktop.store.cascade`)."""
    with engine.connect() as conn, sqlite.foreign_keys_off(conn):
        doomed = cascade.doomed_ids(conn, "doomed_entities", ids)
        cascade.delete_referred(conn, core_table(Entity).c.id, doomed)
        cascade.forget_ids(conn, "doomed_entities")
        conn.commit()


class EntityStoreMixin:
    """Mixed into :class:`desktop.store.store.Store`."""

    # ---- keeping entities in step with the lexicon --------------------------------------
    def sync_entities(
        self: _HasSessions,
        records: Iterable[EntityRecord],
        *,
        names: Mapping[str, str] | None = None,
        types: Mapping[str, str] | None = None,
    ) -> dict[str, int]:
        """Insert or update entities by key; their lexicon aliases are replaced, the
        user's own aliases kept. Returns key → id for every entity with a key.

        ``names`` and ``types`` (by key): the user's, shown instead of the record's, so
        that an analysis does not show the lexicon's name or type of an actor the user
        renamed or retyped until its end (:meth:`apply_entity_state`)."""
        records = list(records)
        names, types = names or {}, types or {}
        with self.transaction() as s:
            existing = {k: i for k, i in s.execute(select(Entity.key, Entity.id)) if k}
            new = [r for r in records if r.key not in existing]
            if new:
                s.execute(insert(Entity), [_entity_values(r) for r in new])
                existing = {k: i for k, i in s.execute(select(Entity.key, Entity.id)) if k}
            new_keys = {r.key for r in new}
            stored = {
                k: (n, ne, t)
                for k, n, ne, t in s.execute(
                    select(Entity.key, Entity.name, Entity.name_en, Entity.type).where(
                        Entity.origin == "gazetteer"
                    )
                )
            }
            shown = {
                r.key: (names.get(r.key, r.name), r.name_en, types.get(r.key, r.type))
                for r in records
                if r.key in existing and r.key not in new_keys and r.origin == "gazetteer"
            }
            changed = [
                {
                    "eid": existing[k],
                    "n": name,
                    "sn": name_order_key(name),
                    "ne": name_en,
                    "nek": _key_or_none(name_en),
                    "t": etype,
                }
                for k, (name, name_en, etype) in shown.items()
                if stored.get(k) != (name, name_en, etype)
            ]
            if changed:
                s.connection().execute(
                    update(core_table(Entity))
                    .where(core_table(Entity).c.id == bindparam("eid"))
                    .values(
                        name=bindparam("n"),
                        sort_name=bindparam("sn"),
                        name_en=bindparam("ne"),
                        name_en_key=bindparam("nek"),
                        type=bindparam("t"),
                    ),
                    changed,
                )
            ids = [existing[r.key] for r in records]
            s.execute(delete(Alias).where(Alias.entity_id.in_(ids), Alias.origin != "user"))
            rows = _alias_rows(records, existing)
            user = {
                (e, n)
                for e, n in s.execute(
                    select(Alias.entity_id, Alias.norm).where(Alias.origin == "user")
                )
            }
            rows = [r for r in rows if (r["entity_id"], r["norm"]) not in user]
            if rows:
                s.execute(insert(Alias), rows)
            return existing

    def add_entities(self: _HasSessions, records: Sequence[EntityRecord]) -> dict[str, int]:
        """Insert entities whose keys are not stored yet (names found in the documents
        being analysed) with their aliases; returns key → id of these only. Unlike
        :meth:`sync_entities` it reads nothing else, so a run that finds thousands of
        new names does not read the whole entity table for each."""
        if not records:
            return {}
        with self.transaction() as s:
            s.execute(insert(Entity), [_entity_values(r) for r in records])
            ids = lookup(s, Entity.key, Entity.id, [r.key for r in records])
            rows = _alias_rows(records, ids)
            if rows:
                s.execute(insert(Alias), rows)
            return ids

    def rewrite_name_order_keys(self: _HasSessions) -> None:
        """Every order and filter key made again (after the normaliser changed): the
        entities' ``sort_name`` and ``name_en_key``, the written forms' ``key``."""
        entities, surfaces = core_table(Entity), core_table(Surface)
        with self.transaction() as s:
            rows = [
                {"eid": i, "sn": name_order_key(name), "nek": _key_or_none(name_en)}
                for i, name, name_en in s.execute(select(Entity.id, Entity.name, Entity.name_en))
            ]
            if rows:
                s.connection().execute(
                    update(entities)
                    .where(entities.c.id == bindparam("eid"))
                    .values(sort_name=bindparam("sn"), name_en_key=bindparam("nek")),
                    rows,
                )
            forms = [
                {"sid": i, "k": name_order_key(text)}
                for i, text in s.execute(select(Surface.id, Surface.text))
            ]
            if forms:
                s.connection().execute(
                    update(surfaces)
                    .where(surfaces.c.id == bindparam("sid"))
                    .values(key=bindparam("k")),
                    forms,
                )

    def entity_keys(self: _HasSessions) -> dict[str, int]:
        with self.session() as s:
            return {k: i for k, i in s.execute(select(Entity.key, Entity.id)) if k}

    def discovered_records(self: _HasSessions) -> list[EntityRecord]:
        """Entities found by discovery in earlier runs (to match them in new documents)."""
        q = select(
            Entity.id,
            Entity.key,
            Entity.name,
            Entity.name_en,
            Entity.type,
            Entity.origin,
            Entity.details,
        ).where(Entity.origin == "discovered", Entity.ignored.is_(False))
        with self.session() as s:
            entities = list(s.execute(q))  # plain rows: thousands of found names
            # all aliases in one read (not one per entity), in the order the unique
            # (entity, norm) index gives each entity's own
            aliases: dict[int, list[str]] = {}
            for chunk in bound_chunks([e.id for e in entities]):
                for entity_id, text in s.execute(
                    select(Alias.entity_id, Alias.text)
                    .where(Alias.entity_id.in_(chunk))
                    .order_by(Alias.entity_id, Alias.norm)
                ):
                    aliases.setdefault(entity_id, []).append(text)
            out = []
            for e in entities:
                out.append(
                    EntityRecord(
                        e.key or f"id:{e.id}",
                        e.name,
                        e.name_en,
                        e.type,
                        e.origin,
                        tuple(aliases.get(e.id, ())),
                        e.details,
                    )
                )
            return out

    def drop_unused_entities(
        self: _HasSessions, live_user_keys: Iterable[str], *, discovered_too: bool
    ) -> None:
        """Remove user-made entities whose creating edit was undone and, after a full
        analysis, discovered ones no mention refers to any more (unless confirmed, or
        ignored: undoing the ignore looks for the articles that spell the name)."""
        used = select(Mention.entity_id).distinct()
        doomed = [
            select(Entity.id).where(
                Entity.origin == "user",
                Entity.key.not_in(list(live_user_keys)),
                Entity.id.not_in(used),
            )
        ]
        if discovered_too:
            doomed.append(
                select(Entity.id).where(
                    Entity.origin == "discovered",
                    Entity.confirmed.is_(False),
                    Entity.ignored.is_(False),
                    Entity.id.not_in(used),
                )
            )
        with self.session() as s:
            ids = [i for q in doomed for i in s.scalars(q)]
        if ids:
            delete_entities(self.engine, ids)

    # ---- mentions -------------------------------------------------------------------
    def add_mentions_many(
        self: _HasSessions,
        per_document: Sequence[tuple[int, Sequence[NewMention]]],
        speakers: Sequence[tuple[int, str, int]] = (),
    ) -> None:
        """Add mentions to several documents in one transaction; with them, ``speakers``
        (document, speaker's words, entity) give that entity the quotations of the
        document whose speaker was only those words («وأكد هافيستو أن» in an article that
        never names him in full)."""
        if any(ms for _d, ms in per_document):
            doc_ids = [d for d, _ in per_document]
            with self.transaction() as s, stats_follow(s, doc_ids, per_document, replace=False):
                _write_mentions(s, per_document)
                if speakers:
                    quotes = core_table(Quote)
                    s.connection().execute(
                        update(quotes)
                        .where(
                            quotes.c.document_id == bindparam("doc"),
                            quotes.c.speaker_entity_id.is_(None),
                            quotes.c.speaker_text == bindparam("words"),
                        )
                        .values(speaker_entity_id=bindparam("entity")),
                        [{"doc": d, "words": w, "entity": e} for d, w, e in speakers],
                    )

    def reassign_mentions(self: _HasSessions, moves: Sequence[tuple[int, int]]) -> None:
        """Mentions of each source entity now refer to its target (merges), in order, in
        one transaction; the counts of every entity involved are taken again once."""
        moves = [(source, target) for source, target in moves if source != target]
        if not moves:
            return
        mentions = core_table(Mention)
        with self.transaction() as s:
            s.connection().execute(
                update(mentions)
                .where(mentions.c.entity_id == bindparam("source"))
                .values(entity_id=bindparam("target")),
                [{"source": a, "target": b} for a, b in moves],
            )
            for chunk in bound_chunks(sorted({i for move in moves for i in move})):
                count_entity_stats(s, chunk)

    # ---- per-entity counts ----------------------------------------------------------
    def discovered_names(self: _HasSessions) -> list[tuple[str, str, str, str]]:
        """(key, normalised name, type, origin) of the entities the analysis or the user
        added, ignored or not (an analysis goes by the edits in force: the stored flags
        are set when it ends)."""
        with self.session() as s:
            rows = s.execute(
                select(Entity.key, Entity.name, Entity.type, Entity.origin).where(
                    Entity.origin.in_(("discovered", "user"))
                )
            )
            return [(k, " ".join(normalize(n).split()), t, o) for k, n, t, o in rows if k]

    def found_forms(self: _HasSessions) -> list[tuple[str, str]]:
        """(key, normalised form) of each spelling under which the analysis found an entity
        the analysis or the user added, ignored or not: the spellings that clustering
        merged into it among them, once their own entities are gone."""
        forms: set[tuple[str, str]] = set()
        with self.session() as s:
            found = select(Entity.id, Entity.key).where(Entity.origin.in_(("discovered", "user")))
            keys: dict[int, str] = {i: k for i, k in s.execute(found) if k}
            # by entity through the mentions' entity index (a join would scan them all)
            for chunk in bound_chunks(sorted(keys)):
                q = (
                    select(Mention.entity_id, Surface.text)
                    .join(Surface, Surface.id == Mention.surface_id)
                    .where(Mention.entity_id.in_(chunk), Mention.kind == "discovered")
                    .distinct()
                )
                for entity_id, text in s.execute(q):
                    forms.add((keys[entity_id], " ".join(normalize(text).split())))
        return sorted(forms)

    def found_names_seen(self: _HasSessions, found_as: str) -> list[FoundSeen]:
        """The unconfirmed found names that mentions use, each with the forms written where
        an article discovered it (its own, and those clustering or the user merged into
        it) and the first place (article, then offset) each form was found at."""
        with self.session() as s:
            found = {
                i: (key, name, details)
                for i, key, name, details in s.execute(
                    select(Entity.id, Entity.key, Entity.name, Entity.details).where(
                        Entity.origin == "discovered",
                        Entity.confirmed.is_(False),
                        Entity.ignored.is_(False),
                    )
                )
                if key
            }
            forms: dict[int, dict[str, int]] = {}
            # by entity through the mentions' entity index (grouping every mention by
            # entity scanned them all)
            for chunk in bound_chunks(sorted(found)):
                q = (
                    select(
                        Mention.entity_id,
                        Surface.text,
                        func.min(Mention.document_id * 1_000_000_000 + Mention.start),
                    )
                    .join(Surface, Surface.id == Mention.surface_id)
                    .where(Mention.entity_id.in_(chunk), Mention.kind == "discovered")
                    .group_by(Mention.entity_id, Mention.surface_id)
                )
                for entity_id, text, at in s.execute(q):
                    forms.setdefault(entity_id, {})[text] = at
        out = []
        for entity_id, seen in forms.items():
            key, name, details = found[entity_id]
            as_found = (details or {}).get(found_as) or name
            out.append(FoundSeen(entity_id, key, " ".join(normalize(str(as_found)).split()), seen))
        return out

    def any_needing_analysis(self: _HasSessions, version: int) -> bool:
        """Whether any document was left by another version of the analysis."""
        with self.session() as s:
            q = select(Document.id).where(
                (Document.analysis_version.is_(None)) | (Document.analysis_version != version)
            )
            return s.scalar(q.limit(1)) is not None

    def documents_needing_analysis(self: _HasSessions, version: int) -> list[int]:
        with self.session() as s:
            q = (
                select(Document.id)
                .where(
                    (Document.analysis_version.is_(None)) | (Document.analysis_version != version)
                )
                .order_by(Document.id)
            )
            return list(s.scalars(q))

    def documents_never_analysed(self: _HasSessions) -> list[int]:
        """Documents stored and never analysed (an import cancelled before its analysis
        reached them); those an earlier version analysed are not among them."""
        with self.session() as s:
            q = select(Document.id).where(Document.analysis_version.is_(None))
            return list(s.scalars(q.order_by(Document.id)))

    def documents_left_by_edits(self: _HasSessions) -> list[int]:
        """Documents an edit of the lexicon was to analyse again and did not reach (it
        was stopped halfway), or has not reached yet (see :data:`LEFT_BY_EDIT`)."""
        with self.session() as s:
            q = select(Document.id).where(Document.analysis_version == LEFT_BY_EDIT)
            return list(s.scalars(q.order_by(Document.id)))

    def document_mentions(self: _HasSessions, doc_id: int) -> list[tuple[MentionRow, str, str]]:
        """Mentions of one document with their entity's name and type, in text order."""
        with self.session() as s:  # plain rows: a long document has thousands
            rows = s.execute(
                select(
                    Mention.id,
                    Mention.document_id,
                    Mention.entity_id,
                    Mention.start,
                    Mention.end,
                    Surface.text,
                    Mention.kind,
                    Mention.confidence,
                    Mention.sentence_idx,
                    Entity.name,
                    Entity.type,
                )
                .join(Entity, Entity.id == Mention.entity_id)
                .join(Surface, Surface.id == Mention.surface_id)
                .where(Mention.document_id == doc_id, Entity.ignored.is_(False))
                .order_by(Mention.start)
            )
            return [(MentionRow(*r[:9]), r[9], r[10]) for r in rows]

    def mention_tally(
        self: _HasSessions, documents: Sequence[int]
    ) -> list[tuple[int, str, str, int]]:
        """(entity id, name, type, mentions) of the entities these documents mention, in
        the order they are first mentioned (documents in the order given, then text
        order): one read for a whole outlet's articles, not one per article."""
        rank = {d: i for i, d in enumerate(documents)}
        first: dict[int, tuple[int, int]] = {}
        tally: dict[int, list[Any]] = {}
        with self.session() as s:
            for chunk in bound_chunks(documents):
                q = (
                    select(
                        Mention.entity_id,
                        Mention.document_id,
                        func.min(Mention.start),
                        func.count(),
                        Entity.name,
                        Entity.type,
                    )
                    .join(Entity, Entity.id == Mention.entity_id)
                    .where(Mention.document_id.in_(chunk), Entity.ignored.is_(False))
                    .group_by(Mention.entity_id, Mention.document_id)
                )
                for entity_id, doc_id, start, count, name, etype in s.execute(q):
                    at = (rank[doc_id], start)
                    if entity_id not in tally:
                        tally[entity_id] = [name, etype, 0]
                        first[entity_id] = at
                    elif at < first[entity_id]:
                        first[entity_id] = at
                    tally[entity_id][2] += count
        order = sorted(first, key=first.__getitem__)
        return [(e, tally[e][0], tally[e][1], tally[e][2]) for e in order]

    # ---- reading entities -------------------------------------------------------------
    def entity_rows(
        self: _HasSessions,
        *,
        type: str | None = None,
        outlet_id: int | None = None,
        min_docs: int = 1,
        ids: Sequence[int] | None = None,
        limit: int | None = None,
        outlets: bool = True,
    ) -> list[EntityRow]:
        """Entities with mentions, most mentioned first: the first ``limit`` of them, with
        the forms they were seen in and (unless ``outlets`` is false: it reads every
        mention of each) the outlets naming them."""
        docs = func.count(func.distinct(Mention.document_id))
        q = (
            select(Entity, docs, func.count(Mention.id))
            .join(Mention, Mention.entity_id == Entity.id)
            .where(Entity.ignored.is_(False), Entity.merged_into_id.is_(None))
            .group_by(Entity.id)
            .having(docs >= min_docs)
            .order_by(func.count(Mention.id).desc(), Entity.name)
        )
        if type:
            q = q.where(Entity.type == type)
        if ids is not None:
            q = q.where(Entity.id.in_(list(ids)))
        if outlet_id is not None:
            q = q.join(Document, Document.id == Mention.document_id).where(
                Document.outlet_id == outlet_id
            )
        if limit is not None:
            q = q.limit(limit)
        with self.session() as s:
            found = [(e, d, m) for e, d, m in s.execute(q)]
            if not found:
                return []
            ent_ids = [e.id for e, _, _ in found]
            # the forms as kept beside the mentions (counting them again read every
            # mention of every entity listed: 0.6 s at 30,000 articles)
            surfaces: dict[int, Counter[str]] = {}
            for eid, surface, n in s.execute(
                select(EntityForm.entity_id, EntityForm.surface, EntityForm.mentions)
                .where(EntityForm.entity_id.in_(ent_ids))
                .order_by(EntityForm.entity_id, EntityForm.surface)
            ):
                surfaces.setdefault(eid, Counter())[surface] += n
            seen_in: dict[int, set[str]] = {}
            for eid, name in (
                s.execute(
                    select(Mention.entity_id, Outlet.name)
                    .join(Document, Document.id == Mention.document_id)
                    .join(Outlet, Outlet.id == Document.outlet_id)
                    .where(Mention.entity_id.in_(ent_ids))
                    .distinct()
                )
                if outlets
                else ()
            ):
                seen_in.setdefault(eid, set()).add(name)
            return [
                EntityRow(
                    e.id,
                    e.key,
                    e.name,
                    e.name_en,
                    e.type,
                    e.origin,
                    e.confirmed,
                    d,
                    m,
                    [a for a, _ in folded_forms(surfaces.get(e.id, Counter()).items())],
                    sorted(seen_in.get(e.id, set())),
                )
                for e, d, m in found
            ]

    def entity_counts(self: _HasSessions, entity_id: int) -> tuple[list[tuple[str, int]], int, int]:
        """The entity's written forms with their mentions (most frequent first, as
        :meth:`entity_detail` folds them), its mentions and its documents, as
        ``entity_forms`` and ``entity_stats`` keep them: what the actor view heads its
        page with, without reading the 400,000 mentions of the most named."""
        with self.session() as s:
            written = folded_forms(
                (surface, n)
                for surface, n in s.execute(
                    select(EntityForm.surface, EntityForm.mentions).where(
                        EntityForm.entity_id == entity_id
                    )
                )
            )
            stat = s.execute(
                select(EntityStat.mentions, EntityStat.documents).where(
                    EntityStat.entity_id == entity_id
                )
            ).first()
        mentions, documents = (int(stat[0]), int(stat[1])) if stat is not None else (0, 0)
        return written, mentions, documents

    def entity_detail(self: _HasSessions, entity_id: int, max_mentions: int = 500) -> EntityDetail:
        with self.session() as s:
            e = s.get(Entity, entity_id)
            if e is None:
                raise LookupError(f"no entity {entity_id}")
            counts = Counter(
                {
                    surface: n
                    for surface, n in s.execute(
                        select(Surface.text, func.count())
                        .select_from(Mention)
                        .join(Surface, Surface.id == Mention.surface_id)
                        .where(Mention.entity_id == entity_id)
                        .group_by(Surface.text)
                    )
                }
            )
            documents: list[tuple[int, str, str | None, int]] = [
                (d, t, o, n)
                for d, t, o, n in s.execute(
                    select(Document.id, Document.title, Outlet.name, func.count(Mention.id))
                    .join(Mention, Mention.document_id == Document.id)
                    .outerjoin(Outlet, Outlet.id == Document.outlet_id)
                    .where(Mention.entity_id == entity_id)
                    .group_by(Document.id)
                    .order_by(func.count(Mention.id).desc())
                )
            ]
            mentions = []
            rows = s.execute(
                select(Mention, Document.text, Sentence.start, Sentence.end)
                .join(Document, Document.id == Mention.document_id)
                .outerjoin(
                    Sentence,
                    (Sentence.document_id == Mention.document_id)
                    & (Sentence.idx == Mention.sentence_idx),
                )
                .where(Mention.entity_id == entity_id)
                .order_by(Mention.document_id, Mention.start)
                .limit(max_mentions)
            )
            for m, text, ss, se in rows:
                sentence = (
                    text[ss:se] if ss is not None else text[max(0, m.start - 80) : m.end + 80]
                )
                mentions.append(_mention_row(m, sentence))
            details = dict(e.details or {})
            written = folded_forms(counts.items())
            row = EntityRow(
                e.id,
                e.key,
                e.name,
                e.name_en,
                e.type,
                e.origin,
                e.confirmed,
                len(documents),
                sum(counts.values()),
                [a for a, _ in written],
                [],
            )
        outlets = sorted({o for _, _, o, _ in documents if o})
        row = EntityRow(**{**row.__dict__, "outlets": outlets})
        return EntityDetail(row, written, documents, mentions, details, ignored=bool(e.ignored))

    def find_entities(self: _HasSessions, ref: str) -> list[tuple[int, str, str]]:
        """Entities a user's reference names: id, key, exact name or an alias.
        Returns (id, name, type), merged entities resolved to their target."""
        ref = ref.strip()
        norm = " ".join(normalize(ref).split())
        with self.session() as s:
            ids: list[int] = []
            if ref.isdigit() and s.get(Entity, int(ref)) is not None:
                ids = [int(ref)]
            if not ids:
                ids = list(s.scalars(select(Entity.id).where(Entity.key == ref)))
            if not ids:
                ids = list(s.scalars(select(Entity.id).where(Entity.name == ref)))
            if not ids:
                ids = list(s.scalars(select(Alias.entity_id).where(Alias.norm == norm).distinct()))
            if not ids:
                ids = list(
                    s.scalars(
                        select(Mention.entity_id)
                        .select_from(Mention)
                        .join(Surface, Surface.id == Mention.surface_id)
                        .where(Surface.text == ref)
                        .distinct()
                    )
                )
            out = []
            for i in dict.fromkeys(ids):
                e = s.get(Entity, i)
                while e is not None and e.merged_into_id is not None:
                    e = s.get(Entity, e.merged_into_id)
                if e is not None:
                    out.append((e.id, e.name, e.type))
            return list(dict.fromkeys(out))

    def current_entity(self: _HasSessions, entity_id: int) -> int | None:
        """The entity that stands for ``entity_id`` now: itself, or the entity an edit
        merged it into (followed to the last); None when it is ignored or gone (a found
        name no longer found, the entity of an undone split)."""
        with self.session() as s:
            e = _current(s, entity_id)
            if e is None or e.ignored or e.merged_into_id is not None:
                return None
            return e.id

    def entity_by_id(self: _HasSessions, entity_id: int) -> tuple[str | None, str, str, str]:
        """(key, name, type, origin)."""
        with self.session() as s:
            e = s.get(Entity, entity_id)
            if e is None:
                raise LookupError(f"no entity {entity_id}")
            return e.key, e.name, e.type, e.origin

    def documents_mentioning(self: _HasSessions, entity_ids: Sequence[int]) -> list[int]:
        with self.session() as s:
            return list(
                s.scalars(
                    select(Mention.document_id)
                    .where(Mention.entity_id.in_(list(entity_ids)))
                    .distinct()
                )
            )

    def mention_spans(
        self: _HasSessions, entity_id: int, surface: str, limit: int
    ) -> list[tuple[int, int, int]]:
        """(document, start, end) of the first ``limit`` mentions of the entity written
        ``surface`` (after «لـ» too: «للموصل» for «الموصل»), in document and text order."""
        with self.session() as s:
            rows = s.execute(
                select(Mention.document_id, Mention.start, Mention.end)
                .join(Surface, Surface.id == Mention.surface_id)
                .where(Mention.entity_id == entity_id, Surface.text.in_(with_lam_forms(surface)))
                .order_by(Mention.document_id, Mention.start)
                .limit(limit)
            )
            return [(d, a, b) for d, a, b in rows]

    def documents_referring_to(self: _HasSessions, entity_ids: Sequence[int]) -> list[int]:
        """The documents that mention the entities or whose framing refers to them: a
        label's term can name an actor the text does not (a label lexicon's «قوات النظام»
        stands for the government), and an edit of that actor must analyse them too."""
        found: set[int] = set()
        with self.session() as s:
            # four lists of the ids in one statement: a quarter of what one binds each
            for ids in bound_chunks(list(entity_ids), LOOKUP_CHUNK // 4):
                found.update(
                    s.scalars(
                        union(
                            select(Mention.document_id).where(Mention.entity_id.in_(ids)),
                            select(Label.document_id).where(Label.entity_id.in_(ids)),
                            select(Label.document_id).where(Label.speaker_entity_id.in_(ids)),
                            select(Quote.document_id).where(Quote.speaker_entity_id.in_(ids)),
                        )
                    )
                )
        return sorted(found)

    def labelling_only_by_outlet(self: _HasSessions, entity_id: int) -> dict[str | None, int]:
        """Outlet name → how many of its documents label the entity without naming it
        («النظام» for the government): the documents of its labels but for those of its
        mentions, both read by their (entity, document) index, counted in SQL."""
        only = (
            select(Label.document_id)
            .where(Label.entity_id == entity_id)
            .except_(select(Mention.document_id).where(Mention.entity_id == entity_id))
            .subquery()
        )
        q = (
            select(Document.outlet_id, func.count())
            .select_from(only)
            .join(Document, Document.id == only.c.document_id)
            .group_by(Document.outlet_id)
        )
        with self.session() as s:
            found = s.execute(q).all()
            names = outlet_names(s)
        out: Counter[str | None] = Counter()
        for outlet, n in found:
            out[names.get(outlet)] += n
        return dict(out)

    def documents_by_outlet_month(
        self: _HasSessions, entity_id: int
    ) -> list[tuple[str | None, str | None, int]]:
        """(outlet, "YYYY-MM" or None when undated, documents mentioning the entity)."""
        per_doc = (
            select(Mention.document_id).where(Mention.entity_id == entity_id).distinct().subquery()
        )
        # a date is stored as "YYYY-MM-DD": its month is its first seven characters
        # (strftime's parsing, for every one of 100,000 documents, took a third longer);
        # outlets are named after grouping, there are few
        month = func.substr(Document.published, 1, 7)
        q = (
            select(Document.outlet_id, month, func.count())
            .select_from(per_doc)
            .join(Document, Document.id == per_doc.c.document_id)
            .group_by(Document.outlet_id, month)
        )
        with self.session() as s:
            found = s.execute(q).all()
            names = outlet_names(s)
        out: Counter[tuple[str | None, str | None]] = Counter()
        for outlet, m, n in found:
            out[(names.get(outlet), m)] += n
        # in the order SQLite gave when it grouped by name: no outlet, then by name
        return sorted(
            ((o, m, n) for (o, m), n in out.items()),
            key=lambda r: (r[0] is not None, r[0] or "", r[1] is not None, r[1] or ""),
        )

    # ---- the user's edits -------------------------------------------------------------
    def add_edit(self: _HasSessions, op: str, payload: dict[str, Any]) -> int:
        with self.transaction() as s:
            edit = EntityEdit(op=op, payload=payload)
            s.add(edit)
            s.flush()
            return edit.id

    def add_edits(
        self: _HasSessions,
        edits: Sequence[tuple[str, dict[str, Any]]],
        analyse_again: Iterable[int] = (),
        *,
        moves: Sequence[tuple[int, int]] = (),
        values: Sequence[tuple[int, dict[str, Any]]] = (),
    ) -> list[int]:
        """Log ``edits`` (op, payload) and mark the documents they change as to be
        analysed again (:data:`LEFT_BY_EDIT`), in one transaction: the edits are never
        in force with their documents not known to need it.

        So that an edit shows at once, before that analysis, the same transaction moves
        what refers to each source of ``moves`` (source, target: a merge) to its
        target, with the counts of both, and sets the entities' ``values`` (id, column
        values: ignored, a type). The analysis then makes the documents what a full
        analysis gives."""
        with self.transaction() as s:
            logged = [EntityEdit(op=op, payload=payload) for op, payload in edits]
            s.add_all(logged)
            s.flush()
            _mark_left_by_edit(s, analyse_again)
            moves = [(a, b) for a, b in moves if a != b]
            if moves:
                _move_rows(s, moves)
            for entity_id, changed in values:
                s.execute(update(Entity).where(Entity.id == entity_id).values(**changed))
            return [e.id for e in logged]

    def edits(
        self: _HasSessions, include_undone: bool = False
    ) -> list[tuple[int, str, dict[str, Any]]]:
        with self.session() as s:
            q = select(EntityEdit).order_by(EntityEdit.id)
            if not include_undone:
                q = q.where(EntityEdit.undone.is_(False))
            return [(e.id, e.op, dict(e.payload)) for e in s.scalars(q)]

    def mark_edit_undone(
        self: _HasSessions, edit_id: int, analyse_again: Iterable[int] = ()
    ) -> None:
        """The edit stops being in force, and the documents it changed are marked as to
        be analysed again, in one transaction (see :meth:`add_edits`)."""
        with self.transaction() as s:
            s.execute(update(EntityEdit).where(EntityEdit.id == edit_id).values(undone=True))
            _mark_left_by_edit(s, analyse_again)

    def apply_entity_state(
        self: _HasSessions,
        *,
        names: dict[str, str],
        types: dict[str, str],
        ignored: set[str],
        merged: dict[str, str],
        user_aliases: dict[str, list[str]],
        confirmed: set[str],
        found_type: str,
        found_as: str,
    ) -> None:
        """Set the user-decided state of entities (by key) after an analysis. Entities
        found by discovery that ``types`` leaves out get ``found_type`` (the type of what
        discovery finds), and those ``names`` leaves out the name kept in their details
        under ``found_as``: a change of type or name undone."""
        with self.transaction() as s:
            ids = {k: i for k, i in s.execute(select(Entity.key, Entity.id)) if k}
            s.execute(update(Entity).values(ignored=False, merged_into_id=None))
            s.execute(
                update(Entity)
                .where(Entity.origin == "discovered", Entity.key.not_in(list(types)))
                .values(type=found_type)
            )
            # a found name is confirmed by an edit in force (an undone one confirms nothing)
            s.execute(update(Entity).where(Entity.origin == "discovered").values(confirmed=False))
            found = s.execute(
                select(Entity.id, Entity.key, Entity.name, Entity.details).where(
                    Entity.origin == "discovered"
                )
            )
            for entity_id, key, name, details in found:
                first = (details or {}).get(found_as)
                if first and key not in names and name != first:
                    s.execute(
                        update(Entity)
                        .where(Entity.id == entity_id)
                        .values(name=first, sort_name=name_order_key(first))
                    )
            for key, name in names.items():
                if key in ids:
                    s.execute(
                        update(Entity)
                        .where(Entity.id == ids[key])
                        .values(name=name, sort_name=name_order_key(name))
                    )
            for key, etype in types.items():
                if key in ids:
                    s.execute(update(Entity).where(Entity.id == ids[key]).values(type=etype))
            for key in ignored & set(ids):
                s.execute(update(Entity).where(Entity.id == ids[key]).values(ignored=True))
            for key in confirmed & set(ids):
                s.execute(update(Entity).where(Entity.id == ids[key]).values(confirmed=True))
            for source, target in merged.items():
                if source in ids and target in ids:
                    s.execute(
                        update(Entity)
                        .where(Entity.id == ids[source])
                        .values(merged_into_id=ids[target])
                    )
            s.execute(delete(Alias).where(Alias.origin == "user"))
            rows = []
            for key, aliases in user_aliases.items():
                if key not in ids:
                    continue
                existing = set(s.scalars(select(Alias.norm).where(Alias.entity_id == ids[key])))
                for a in aliases:
                    norm = " ".join(normalize(a).split())
                    if norm and norm not in existing:
                        existing.add(norm)
                        rows.append(
                            {"entity_id": ids[key], "text": a, "norm": norm, "origin": "user"}
                        )
            if rows:
                s.execute(insert(Alias), rows)

    def actor_names(self: _HasSessions) -> list[tuple[int, str]]:
        """(entity id, normalised form) of every way the articles write the actors not
        ignored («استانا», «استانه», «دي ميستورا», «دي مستورا»), a merged actor's under
        the one it went into."""
        with self.session() as s:
            q = (
                select(func.coalesce(Entity.merged_into_id, Entity.id), EntityForm.surface)
                .join(Entity, Entity.id == EntityForm.entity_id)
                .where(Entity.ignored.is_(False))
            )
            found = {(i, " ".join(normalize(article_form(f)).split())) for i, f in s.execute(q)}
        return sorted(found)

    def entity_aliases(self: _HasSessions, entity_id: int) -> list[tuple[str, str]]:
        """(alias as written, origin)."""
        with self.session() as s:
            return [
                (t, o)
                for t, o in s.execute(
                    select(Alias.text, Alias.origin)
                    .where(Alias.entity_id == entity_id)
                    .order_by(Alias.id)
                )
            ]

    def entity_written_forms(self: _HasSessions, entity_id: int) -> list[str]:
        """The forms the entity's names take in the articles (a spelling variant, a
        family name alone), most mentioned first, a name after «لـ» as the name; not the
        role phrases that refer to it («المبعوث الخاص»), which are no name of it."""
        with self.session() as s:
            counts = s.execute(
                select(Surface.text, func.count())
                .join(Mention, Mention.surface_id == Surface.id)
                .where(Mention.entity_id == entity_id, Mention.kind != "role")
                .group_by(Surface.id)
            )
            return [form for form, _n in folded_forms((t, n) for t, n in counts)]

    def entity_states(
        self: _HasSessions, entity_ids: Sequence[int]
    ) -> dict[int, tuple[bool, bool]]:
        """(confirmed, ignored) of each entity."""
        with self.session() as s:
            return {
                i: (bool(c), bool(g))
                for i, c, g in s.execute(
                    select(Entity.id, Entity.confirmed, Entity.ignored).where(
                        Entity.id.in_(list(entity_ids))
                    )
                )
            }

    def ignored_entities(self: _HasSessions) -> list[tuple[int, str | None, str, str]]:
        """(id, key, name, type) of the entities the user ignores, in the list's name
        order."""
        with self.session() as s:
            return [
                (i, k, n, t)
                for i, k, n, t in s.execute(
                    select(Entity.id, Entity.key, Entity.name, Entity.type)
                    .where(Entity.ignored.is_(True), Entity.merged_into_id.is_(None))
                    .order_by(Entity.sort_name, Entity.name, Entity.id)
                )
            ]

    def name_holders(self: _HasSessions, name: str, forms: Iterable[str] = ()) -> list[NameHolder]:
        """The actors ``name`` is already used for: those it is the name of (compared as
        the list compares names: normalised, without spaces), and those one of ``forms``
        (its normalised spellings) is an alias or a written form of. An actor merged into
        another stands for the other. Most mentioned first."""
        key = name_order_key(name)
        if not key:
            return []
        norms = {" ".join(normalize(name).split())} | {" ".join(f.split()) for f in forms}
        norms.discard("")
        keys = sorted({name_order_key(f) for f in norms})
        with self.session() as s:
            named = set(s.scalars(select(Entity.id).where(Entity.sort_name == key)))
            aliased = set(s.scalars(select(Alias.entity_id).where(Alias.norm.in_(sorted(norms)))))
            written: Counter[int] = Counter()
            for entity_id, n in s.execute(
                select(EntityForm.entity_id, func.sum(EntityForm.mentions))
                .join(Surface, Surface.text == EntityForm.surface)
                .where(Surface.key.in_(keys))
                .group_by(EntityForm.entity_id)
            ):
                written[entity_id] += int(n)
            found: dict[int, tuple[Entity, bool, bool, int]] = {}
            for entity_id in sorted(named | aliased | set(written)):
                e = _current(s, entity_id)
                if e is None:
                    continue
                was = found.get(e.id, (e, False, False, 0))
                found[e.id] = (
                    e,
                    was[1] or entity_id in named,
                    was[2] or entity_id in aliased,
                    was[3] + written[entity_id],
                )
            stats: dict[int, int] = {
                i: n
                for i, n in s.execute(
                    select(EntityStat.entity_id, EntityStat.mentions).where(
                        EntityStat.entity_id.in_(list(found))
                    )
                )
            }
            holders = [
                NameHolder(
                    e.id,
                    e.key,
                    e.name,
                    e.type,
                    bool(e.ignored),
                    is_named,
                    is_aliased,
                    n,
                    stats.get(e.id, 0),
                )
                for e, is_named, is_aliased, n in found.values()
            ]
        return sorted(holders, key=lambda h: (-h.mentions, h.name, h.id))

    def iter_entities(self: _HasSessions) -> Iterator[Entity]:
        with self.session() as s:
            yield from s.scalars(select(Entity).order_by(Entity.id))


def _current(s: Session, entity_id: int) -> Entity | None:
    """The entity that stands for ``entity_id``: itself, or the one it is merged into,
    followed to the last."""
    e = s.get(Entity, entity_id)
    seen: set[int] = set()
    while e is not None and e.merged_into_id is not None and e.id not in seen:
        seen.add(e.id)
        e = s.get(Entity, e.merged_into_id)
    return e


_Tally = tuple[Counter[int], Counter[int], Counter[tuple[int, str]]]


def _tally(s: Session | Connection, doc_ids: Sequence[int]) -> _Tally:
    """Per entity, in these documents: mentions, documents, and mentions per form."""
    mentions: Counter[int] = Counter()
    documents: Counter[int] = Counter()
    forms: Counter[tuple[int, str]] = Counter()
    for chunk in bound_chunks(list(dict.fromkeys(doc_ids))):
        q = (
            select(Mention.entity_id, Mention.document_id, Surface.text, func.count())
            .select_from(Mention)
            .join(Surface, Surface.id == Mention.surface_id)
            .where(Mention.document_id.in_(chunk))
            .group_by(Mention.entity_id, Mention.document_id, Surface.text)
        )
        seen: set[tuple[int, int]] = set()
        for entity_id, doc_id, surface, n in s.execute(q):
            mentions[entity_id] += n
            forms[(entity_id, surface)] += n
            if (entity_id, doc_id) not in seen:
                seen.add((entity_id, doc_id))
                documents[entity_id] += 1
    return mentions, documents, forms


def _tally_new(per_document: Sequence[tuple[int, Sequence[NewMention]]]) -> _Tally:
    """:func:`_tally` of mentions about to be written (counted in memory)."""
    mentions: Counter[int] = Counter()
    forms: Counter[tuple[int, str]] = Counter()
    pairs: set[tuple[int, int]] = set()
    for doc_id, ms in per_document:  # counted in C: an analysis writes millions
        entities = [m.entity_id for m in ms]
        mentions.update(entities)
        forms.update(zip(entities, [m.surface for m in ms], strict=True))
        pairs.update(zip(entities, repeat(doc_id)))
    return mentions, Counter(map(itemgetter(0), pairs)), forms


@contextmanager
def stats_follow(
    s: Session | Connection,
    doc_ids: Sequence[int],
    written: Sequence[tuple[int, Sequence[NewMention]]] = (),
    *,
    replace: bool = True,
) -> Iterator[None]:
    """Keep ``entity_stats`` and ``entity_forms`` in step with a write that changes the
    mentions of these documents only: what they counted before is taken away and what
    they count after is added. After the write they hold exactly ``written``
    (``replace``: counted in memory), or what they held plus ``written`` (read again: a
    document that already mentioned an entity is not one more document for it)."""
    before = _tally(s, doc_ids)
    new = _tally_new(written) if replace else None
    yield
    _apply_tally_change(s, before, new if new is not None else _tally(s, doc_ids))


def uncount_documents(conn: Connection, doc_ids: Sequence[int]) -> set[int]:
    """Take what the mentions of these documents count away from ``entity_stats`` and
    ``entity_forms`` (the documents are about to be deleted, in the caller's
    transaction), and return the entities they mention."""
    before = _tally(conn, doc_ids)
    _apply_tally_change(conn, before, (Counter(), Counter(), Counter()))
    return set(before[0])


def found_names_unused(conn: Connection, entity_ids: Iterable[int]) -> list[int]:
    """Those of ``entity_ids`` that are names the analysis found, not confirmed nor
    ignored, which no mention refers to any more: what a full analysis drops
    (:meth:`EntityStoreMixin.drop_unused_entities`)."""
    unused: list[int] = []
    for chunk in bound_chunks(sorted(entity_ids)):
        used = select(Mention.entity_id).where(Mention.entity_id.in_(chunk)).distinct()
        unused += conn.scalars(
            select(Entity.id).where(
                Entity.id.in_(chunk),
                Entity.origin == "discovered",
                Entity.confirmed.is_(False),
                Entity.ignored.is_(False),
                Entity.id.not_in(used),
            )
        )
    return unused


def _apply_tally_change(s: Session | Connection, before: _Tally, after: _Tally) -> None:
    stats, forms = core_table(EntityStat), core_table(EntityForm)
    entity_ids = set(before[0]) | set(after[0])
    stat_rows = [
        {"e": e, "m": after[0][e] - before[0][e], "d": after[1][e] - before[1][e]}
        for e in entity_ids
        if (after[0][e], after[1][e]) != (before[0][e], before[1][e])
    ]
    form_rows = [
        {"e": e, "t": t, "m": after[2][(e, t)] - before[2][(e, t)]}
        for e, t in set(before[2]) | set(after[2])
        if after[2][(e, t)] != before[2][(e, t)]
    ]
    conn = s.connection() if isinstance(s, Session) else s
    if stat_rows:
        up = sqlite_insert(stats).values(
            entity_id=bindparam("e"), mentions=bindparam("m"), documents=bindparam("d")
        )
        conn.execute(
            up.on_conflict_do_update(
                index_elements=[stats.c.entity_id],
                set_={
                    "mentions": stats.c.mentions + up.excluded.mentions,
                    "documents": stats.c.documents + up.excluded.documents,
                },
            ),
            stat_rows,
        )
        conn.execute(delete(stats).where(stats.c.mentions <= 0))
    if form_rows:
        up = sqlite_insert(forms).values(
            entity_id=bindparam("e"), surface=bindparam("t"), mentions=bindparam("m")
        )
        conn.execute(
            up.on_conflict_do_update(
                index_elements=[forms.c.entity_id, forms.c.surface],
                set_={"mentions": forms.c.mentions + up.excluded.mentions},
            ),
            form_rows,
        )
        conn.execute(delete(forms).where(forms.c.mentions <= 0))


def count_entity_stats(s: Session, entity_ids: Sequence[int]) -> None:
    """Recount ``entity_stats`` and ``entity_forms`` for some entities (after their
    mentions moved between them). Runs in the caller's transaction."""
    stats, forms = core_table(EntityStat), core_table(EntityForm)
    ids = list(entity_ids)
    s.execute(delete(stats).where(stats.c.entity_id.in_(ids)))
    s.execute(delete(forms).where(forms.c.entity_id.in_(ids)))
    per_entity = select(
        Mention.entity_id,
        func.count().label("mentions"),
        func.count(func.distinct(Mention.document_id)).label("documents"),
    ).where(Mention.entity_id.in_(ids))
    per_form = (
        select(Mention.entity_id, Surface.text, func.count().label("mentions"))
        .select_from(Mention)
        .join(Surface, Surface.id == Mention.surface_id)
        .where(Mention.entity_id.in_(ids))
    )
    s.execute(
        insert(stats).from_select(
            ["entity_id", "mentions", "documents"], per_entity.group_by(Mention.entity_id)
        )
    )
    s.execute(
        insert(forms).from_select(
            ["entity_id", "surface", "mentions"],
            per_form.group_by(Mention.entity_id, Surface.text),
        )
    )


def surface_ids(s: Session, texts: Iterable[str]) -> dict[str, int]:
    """The ids of written forms, adding the new ones to ``surfaces``."""
    wanted = list(dict.fromkeys(texts))
    found: dict[str, int] = lookup(s, Surface.text, Surface.id, wanted)
    missing = [t for t in wanted if t not in found]
    if missing:
        insert_many(
            s.connection(), Surface, [{"text": t, "key": name_order_key(t)} for t in missing]
        )
        found.update(lookup(s, Surface.text, Surface.id, missing))
    return found


_MENTION_COLUMNS = (
    "document_id",
    "entity_id",
    "start",
    "end",
    "surface_id",
    "kind",
    "sentence_idx",
    "confidence",
)


def _move_rows(s: Session, moves: Sequence[tuple[int, int]]) -> None:
    """What refers to each source of ``moves`` (source, target) refers to its target, in
    the caller's transaction, and the counts of both are taken again. One statement a
    column for each target: several of the columns have no index to find the rows by."""
    conn = s.connection()
    into: dict[int, list[int]] = {}
    for source, target in moves:
        into.setdefault(target, []).append(source)
    participants, entities = core_table(EventParticipant), core_table(Entity)
    for target, sources in into.items():
        for column in (
            core_table(Mention).c.entity_id,
            core_table(Label).c.entity_id,
            core_table(Label).c.speaker_entity_id,
            core_table(Quote).c.speaker_entity_id,
            core_table(Event).c.place_entity_id,
        ):
            conn.execute(
                update(column.table).where(column.in_(sources)).values({column.name: target})
            )
        # an event both took part in keeps one row, the target's
        conn.execute(
            update(participants)
            .prefix_with("OR IGNORE")
            .where(participants.c.entity_id.in_(sources))
            .values(entity_id=target)
        )
        conn.execute(delete(participants).where(participants.c.entity_id.in_(sources)))
        conn.execute(
            update(entities)
            .where(entities.c.id.in_(sources) | entities.c.merged_into_id.in_(sources))
            .values(merged_into_id=target)
        )
    for chunk in bound_chunks(sorted({i for move in moves for i in move})):
        count_entity_stats(s, chunk)


def _mark_left_by_edit(s: Session, doc_ids: Iterable[int]) -> None:
    for chunk in bound_chunks(sorted(set(doc_ids))):
        s.execute(
            update(Document).where(Document.id.in_(chunk)).values(analysis_version=LEFT_BY_EDIT)
        )


def replace_mentions(
    s: Session, per_document: Sequence[tuple[int, Sequence[NewMention]]], analysis_version: int
) -> None:
    """The mentions of these documents replace what they had, and the documents are marked
    analysed by this version (in the caller's transaction, inside :func:`stats_follow`)."""
    doc_ids = [d for d, _ in per_document]
    s.execute(delete(Mention).where(Mention.document_id.in_(doc_ids)))
    _write_mentions(s, per_document)
    s.execute(
        update(Document).where(Document.id.in_(doc_ids)).values(analysis_version=analysis_version)
    )


def _write_mentions(s: Session, per_document: Sequence[tuple[int, Sequence[NewMention]]]) -> None:
    ids = surface_ids(s, (m.surface for _d, ms in per_document for m in ms))
    rows = [
        (
            document_id,
            m.entity_id,
            m.start,
            m.end,
            ids[m.surface],
            m.kind,
            m.sentence_idx,
            m.confidence,
        )
        for document_id, ms in per_document
        for m in ms
    ]
    # confidences are floats already: Float's converter would copy every row once more
    insert_rows(s.connection(), Mention, _MENTION_COLUMNS, rows, encoded={"confidence"})


def _mention_row(m: Mention, sentence: str = "") -> MentionRow:
    return MentionRow(
        m.id,
        m.document_id,
        m.entity_id,
        m.start,
        m.end,
        m.surface,
        m.kind,
        m.confidence,
        m.sentence_idx,
        sentence,
    )
