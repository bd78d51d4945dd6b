"""The store: the only place that talks SQL. One writer at a time; readers in WAL mode."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import NamedTuple

from sqlalchemy import Connection, Engine, bindparam, delete, func, select, update
from sqlalchemy.orm import Session, sessionmaker

from desktop.progress import NullProgress, Progress
from desktop.store import cascade, sqlite
from desktop.store.bulk import insert_many, insert_rows
from desktop.store.engine import make_engine, upgrade_to_head
from desktop.store.entities import (
    EntityStoreMixin,
    NewMention,
    found_names_unused,
    replace_mentions,
    stats_follow,
    uncount_documents,
)
from desktop.store.framing import FramingRows, FramingStoreMixin, write_framing
from desktop.store.models import (
    Document,
    Entity,
    EntityStat,
    Outlet,
    OutletName,
    Paragraph,
    Sentence,
    Setting,
    compress_text,
    core_table,
)
from desktop.store.paging import PagingStoreMixin
from desktop.store.rows import (
    DocumentDetail,
    DocumentRow,
    OutletRow,
    RemovedDocuments,
    StoreCounts,
)
from desktop.store.selects import DOCUMENT_ROW_COLUMNS, bound_chunks
from desktop.store.views import ViewsStoreMixin
from desktop.store.writer import WriterLock, exclusive
from desktop.text.normalize import NORMALISATION_VERSION, normalize


class StoreError(Exception):
    """A request the store cannot satisfy, with a message for the user."""


@dataclass
class DocumentDraft:
    """A prepared article, ready to be written."""

    text: str
    title: str
    source_path: str
    stem: str
    content_hash: str
    word_count: int
    outlet: str | None = None
    outlet_ar: str | None = None
    outlet_key: str | None = None
    published: dt.date | None = None
    published_raw: str | None = None
    url: str | None = None
    author: str | None = None
    #: (start, end, repeated)
    paragraphs: list[tuple[int, int, bool]] = field(default_factory=list)
    #: (paragraph index, start, end)
    sentences: list[tuple[int, int, int]] = field(default_factory=list)
    #: ``normalize(text)``, when the importer has made it already
    norm_text: str | None = None
    #: ``compress_text(text)``, the same way
    stored_text: bytes | None = None


class Stored(NamedTuple):
    """What :meth:`Store.add_documents` did with a draft."""

    #: "imported", or "duplicate" of a stored article (or of one earlier in the batch)
    status: str
    id: int
    #: what the stored copy lacked and a duplicate gave it: "date", "url", "author",
    #: "outlet" (:meth:`Store._fill_in`)
    filled: tuple[str, ...] = ()


_DOCUMENT_COLUMNS = (
    "outlet_id",
    "title",
    "published",
    "published_raw",
    "url",
    "author",
    "source_path",
    "stem",
    "content_hash",
    "text",
    "char_count",
    "word_count",
)


#: documents taken out of the search index together (their texts read, normalised)
_REMOVAL_BATCH = 200


def _fts_row(doc_id: int, title: str, text: str) -> tuple[int, str, str]:
    return doc_id, normalize(title), normalize(text)


def _doc_row(r: Sequence[object]) -> DocumentRow:
    return DocumentRow(*r)  # type: ignore[arg-type]


class Store(EntityStoreMixin, FramingStoreMixin, PagingStoreMixin, ViewsStoreMixin):
    """A database opened, migrated and ready."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._sessions = sessionmaker(engine, expire_on_commit=False)
        self.is_sqlite = engine.dialect.name == "sqlite"
        db = engine.url.database
        self._writer = WriterLock(db) if self.is_sqlite and db and db != ":memory:" else None

    @classmethod
    def open(cls, path_or_url: str | Path) -> Store:
        engine = make_engine(path_or_url)
        upgrade_to_head(engine)
        store = cls(engine)
        store._check_index_version()
        return store

    def close(self) -> None:
        self.engine.dispose()

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A read session (no commit)."""
        with self._sessions() as s:
            yield s

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """A write: committed whole, or rolled back whole (also on Ctrl+C)."""
        with self._sessions() as s, s.begin():
            yield s

    @contextmanager
    def writing(self, what: str) -> Iterator[None]:
        """Hold the database for a writing job (``what``: a key of
        :data:`~desktop.store.writer.JOB_NAMES`); raises :class:`StoreBusyError` at once,
        having written nothing, when another job holds it."""
        if self._writer is None:
            yield
            return
        with self._writer.hold(what):
            yield

    # ---- store metadata -------------------------------------------------------------
    def get_meta(self, key: str) -> str | None:
        with self.session() as s:
            found = s.get(Setting, key)
            return found.value if found else None

    def set_meta(self, key: str, value: str) -> None:
        with self.transaction() as s:
            s.merge(Setting(key=key, value=value))

    def delete_meta(self, key: str) -> None:
        with self.transaction() as s:
            s.execute(delete(Setting).where(Setting.key == key))

    def _check_index_version(self) -> None:
        """Rebuild the search index, and the entities' name order keys, when the
        normaliser changed since they were made."""
        if self.get_meta("normalisation_version") == str(NORMALISATION_VERSION):
            return
        self.rebuild_search_index()
        self.rewrite_name_order_keys()
        self.set_meta("normalisation_version", str(NORMALISATION_VERSION))

    def rebuild_search_index(self) -> None:
        if not self.is_sqlite:
            return
        with self.transaction() as s:
            conn = s.connection()
            sqlite.fts_clear(conn)
            rows = s.execute(select(Document.id, Document.title, Document.text))
            batch: list[tuple[int, str, str]] = []
            for doc_id, title, text in rows:
                batch.append(_fts_row(doc_id, title, text))
                if len(batch) >= 500:
                    sqlite.fts_insert(conn, batch)
                    batch = []
            if batch:
                sqlite.fts_insert(conn, batch)

    # ---- writing documents ----------------------------------------------------------
    def _outlet_id(self, s: Session, name: str, name_ar: str | None, key: str | None) -> int:
        """The outlet of this name, or known to imports by it (one the user renamed, or
        merged another into), or of this directory key (an outlet the user renamed keeps
        its key: its articles imported later join it instead of making a second outlet of
        the old name), or of this Arabic name; else a new one."""
        found = s.scalar(select(Outlet.id).where(Outlet.name == name))
        if found is None:
            found = _known_to_imports(s, name, key)
        if found is None:
            found = s.scalar(select(Outlet.id).where(Outlet.name_ar == (name_ar or name)))
        if found is not None:
            return found
        outlet = Outlet(name=name, name_ar=name_ar, key=key)
        s.add(outlet)
        s.flush()
        return outlet.id

    def add_documents(self, drafts: Sequence[DocumentDraft]) -> list[Stored]:
        """Write drafts in one transaction. Per draft: ("imported", id) or
        ("duplicate", id of the document already stored, or written earlier in the batch).
        A duplicate is the same text under the same outlet (or both without one): the
        same agency story run by two outlets is two articles, one of each.

        A duplicate gives the stored copy what it lacked (:meth:`_fill_in`): a date, a
        link, an author, an outlet. A copy stored without an outlet is the same article
        as the first draft of its text that names one; a draft without an outlet is the
        same article as the copy stored without one, else a duplicate of the oldest
        stored under an outlet that gives it nothing: nothing says the copy is that
        outlet's (an agency's story is run by several, and the oldest is any of them),
        so its date or author may be another outlet's. A batch is read in order, each
        draft as if those before it were stored: a file holding one text with its outlet
        and without is the same article either way round.

        Rows go in through Core executemany (one statement per table, not per row)."""
        with self.transaction() as s:
            outlets: dict[str, int] = dict(s.execute(select(Outlet.name, Outlet.id)).all())

            def outlet_of(d: DocumentDraft) -> int | None:
                if not d.outlet:
                    return None
                if d.outlet not in outlets:
                    outlets[d.outlet] = self._outlet_id(s, d.outlet, d.outlet_ar, d.outlet_key)
                return outlets[d.outlet]

            keys = [(d.content_hash, outlet_of(d)) for d in drafts]
            existing = self._copies(s, [k[0] for k in keys])
            # an article stored without its outlet, now read with it: the same article
            claimed: dict[int, int] = {}  # its id → the outlet it gets
            for h, outlet_id in keys:
                unnamed = existing.get((h, None))
                if (
                    outlet_id is not None
                    and (h, outlet_id) not in existing
                    and unnamed is not None
                    and unnamed not in claimed
                ):
                    claimed[unnamed] = outlet_id
                    existing[(h, outlet_id)] = unnamed
            # and a text read without its outlet is not stored again beside one stored
            # under an outlet (the oldest), when none is stored without: the folder of
            # texts imported again; but it gives that outlet's article nothing
            oldest: dict[str, int] = {}
            for (h, _o), doc_id in existing.items():
                oldest[h] = min(doc_id, oldest.get(h, doc_id))
            unowned: set[str] = set()  # the texts read without an outlet so matched
            for h, outlet_id in keys:
                if outlet_id is None and (h, None) not in existing and h in oldest:
                    existing[(h, None)] = oldest[h]
                    unowned.add(h)
            stored = dict(existing)  # before this batch
            # the batch in order, each draft as if those before it were stored: a text
            # read without its outlet after a copy under an outlet (in one file, or in
            # files written together) is that copy's, and gives it nothing; one read under
            # an outlet after a copy without one is that copy, which it gives the outlet
            fresh: dict[tuple[str, int | None], DocumentDraft] = {}
            first_fresh: dict[str, tuple[str, int | None]] = {}  # a text's first fresh key
            same: dict[tuple[str, int | None], tuple[str, int | None]] = {}  # → fresh key
            for key, d in zip(keys, drafts, strict=True):
                h, outlet_id = key
                if key in existing or key in fresh or key in same:
                    continue
                if outlet_id is not None and (h, None) in fresh and (h, None) not in same.values():
                    same[key] = (h, None)
                elif outlet_id is None and h in first_fresh:
                    same[key] = first_fresh[h]
                    unowned.add(h)
                else:
                    fresh[key] = d
                    first_fresh.setdefault(h, key)
            rows = [
                (
                    outlet_id,
                    d.title,
                    d.published,
                    d.published_raw,
                    d.url,
                    d.author,
                    d.source_path,
                    d.stem,
                    d.content_hash,
                    d.stored_text if d.stored_text is not None else compress_text(d.text),
                    len(d.text),
                    d.word_count,
                )
                for (_h, outlet_id), d in fresh.items()
            ]
            if rows:
                insert_rows(s.connection(), Document, _DOCUMENT_COLUMNS, rows, encoded={"text"})
                existing.update(self._copies(s, [h for h, _o in fresh]))
                self._write_structure(s, [(existing[k], d) for k, d in fresh.items()])
                for key, written in same.items():
                    existing[key] = existing[written]
                    if key[1] is not None:  # the copy without an outlet is given it
                        claimed[existing[written]] = key[1]
            copies: dict[int, list[DocumentDraft]] = {}
            for key, d in zip(keys, drafts, strict=True):
                if key[1] is None and key[0] in unowned:
                    continue
                if key in stored:
                    copies.setdefault(stored[key], []).append(d)
                elif key in same:  # a copy under an outlet of one written without
                    copies.setdefault(existing[key], []).append(d)
            filled = self._fill_in(s, copies, claimed)
        out: list[Stored] = []
        for key, d in zip(keys, drafts, strict=True):
            if fresh.get(key) is d:
                out.append(Stored("imported", existing[key]))
            else:  # what was given is said once, with the first of its copies
                out.append(Stored("duplicate", existing[key], filled.pop(existing[key], ())))
        return out

    @staticmethod
    def _fill_in(
        s: Session, copies: dict[int, list[DocumentDraft]], outlets: dict[int, int]
    ) -> dict[int, tuple[str, ...]]:
        """Give stored articles what the drafts of their text read again have and they
        lack («date», «url», «author», and ``outlets``' «outlet»): a file imported again
        once its dates are fixed, or the table that names the outlets of texts imported
        alone. What they have is kept. An article given a date is to be analysed again
        («أمس» is read against it): it is marked not analysed. → what each was given."""
        given: dict[int, dict[str, object]] = {}
        for chunk in bound_chunks(list(copies)):
            rows = s.execute(
                select(Document.id, Document.published, Document.url, Document.author).where(
                    Document.id.in_(chunk)
                )
            )
            for doc_id, published, url, author in rows:
                drafts = copies[doc_id]  # each field from the first copy that has it
                dated = next((d for d in drafts if d.published is not None), None)
                link = next((d.url for d in drafts if d.url), None)
                by = next((d.author for d in drafts if d.author), None)
                values: dict[str, object] = {}
                if published is None and dated is not None:
                    values.update(published=dated.published, published_raw=dated.published_raw)
                    values["analysis_version"] = None
                if not url and link:
                    values["url"] = link
                if not author and by:
                    values["author"] = by
                if values:
                    given[doc_id] = values
        for doc_id, outlet_id in outlets.items():
            given.setdefault(doc_id, {})["outlet_id"] = outlet_id
        # grouped by the columns given, one executemany a group
        groups: dict[tuple[str, ...], list[dict[str, object]]] = {}
        for doc_id, values in given.items():
            groups.setdefault(tuple(sorted(values)), []).append({"doc": doc_id, **values})
        for columns, params in groups.items():
            stmt = (
                update(core_table(Document))
                .where(core_table(Document).c.id == bindparam("doc"))
                .values({c: bindparam(c) for c in columns})
            )
            s.connection().execute(stmt, params)
        names = {"published": "date", "url": "url", "author": "author", "outlet_id": "outlet"}
        return {
            doc_id: tuple(names[c] for c in names if c in values)
            for doc_id, values in given.items()
        }

    @staticmethod
    def _copies(s: Session, hashes: Sequence[str]) -> dict[tuple[str, int | None], int]:
        """``{(content hash, outlet id): id}`` of the stored articles with these hashes
        (the oldest, if outlets merged since hold one text twice)."""
        found: dict[tuple[str, int | None], int] = {}
        q = select(Document.content_hash, Document.outlet_id, Document.id).order_by(
            Document.id.desc()
        )
        for chunk in bound_chunks(list(dict.fromkeys(hashes))):
            for h, outlet_id, doc_id in s.execute(q.where(Document.content_hash.in_(chunk))):
                found[(h, outlet_id)] = doc_id
        return found

    def _write_structure(self, s: Session, docs: Sequence[tuple[int, DocumentDraft]]) -> None:
        """Paragraphs, sentences and the search index of newly written documents."""
        paragraphs = [
            {"document_id": doc_id, "idx": i, "start": a, "end": b, "repeated": r}
            for doc_id, d in docs
            for i, (a, b, r) in enumerate(d.paragraphs)
        ]
        if paragraphs:
            insert_many(s.connection(), Paragraph, paragraphs)
        _insert_sentences(s, [(doc_id, d.sentences) for doc_id, d in docs])
        if self.is_sqlite:
            sqlite.fts_insert(
                s.connection(),
                [
                    (
                        doc_id,
                        normalize(d.title),
                        d.norm_text if d.norm_text is not None else normalize(d.text),
                    )
                    for doc_id, d in docs
                ],
            )

    def set_document_meta(
        self,
        doc_id: int,
        *,
        outlet: str | None = None,
        outlet_ar: str | None = None,
        outlet_key: str | None = None,
        published: dt.date | None = None,
        title: str | None = None,
    ) -> DocumentRow:
        """Set a document's outlet (its name, and the Arabic name and directory key of a
        known outlet: found under a name the user gave it), date or title."""
        with self.transaction() as s:
            doc = s.get(Document, doc_id)
            if doc is None:
                raise StoreError(f"no document {doc_id}")
            if outlet is not None:  # "": no outlet
                was = doc.outlet_id
                doc.outlet_id = (
                    self._outlet_id(s, outlet, outlet_ar, outlet_key) if outlet else None
                )
                if was is not None and was != doc.outlet_id:
                    s.flush()
                    _drop_emptied_outlets(s.connection(), [was])
            if published is not None:
                doc.published = published
                doc.published_raw = published.isoformat()
            if title is not None and title != doc.title:
                if self.is_sqlite:
                    conn = s.connection()
                    sqlite.fts_delete(conn, [_fts_row(doc.id, doc.title, doc.text)])
                    sqlite.fts_insert(conn, [_fts_row(doc.id, title, doc.text)])
                doc.title = title
        return self.document_row(doc_id)

    def delete_document(self, doc_id: int) -> None:
        self.delete_documents([doc_id])

    @exclusive("removal")
    def delete_documents(
        self, doc_ids: Sequence[int], progress: Progress | None = None
    ) -> RemovedDocuments:
        """Remove documents from the corpus, in one transaction: all of them, or nothing
        (an error, Ctrl+C). With them go their structure, their rows of the search
        index, their mentions, labels, quotations, events and notes, what their mentions
        counted for the entities, the outlets left without a document, and the names the
        analysis found only in them (as a full analysis would drop them; not those the
        user confirmed or ignores). An id that names no document is a
        :class:`StoreError`, before anything is removed.

        A table at a time with enforcement off (:mod:`desktop.store.cascade`): SQLite's
        own cascade reads the events and labels whole for each name dropped."""
        ids = sorted(set(doc_ids))
        progress = progress or NullProgress()
        with self.engine.connect() as conn, sqlite.foreign_keys_off(conn):
            outlet_of: dict[int, int | None] = {}
            for chunk in bound_chunks(ids):
                q = select(Document.id, Document.outlet_id).where(Document.id.in_(chunk))
                outlet_of.update((i, o) for i, o in conn.execute(q))
            missing = [i for i in ids if i not in outlet_of]
            if missing:
                raise StoreError(
                    f"no document {missing[0]}"
                    if len(missing) == 1
                    else f"no documents {', '.join(map(str, missing))}"
                )
            progress.start(len(ids), "Removing")
            try:
                removed = self._delete(conn, ids, outlet_of, progress)
            finally:
                progress.finish()
        return removed

    def _delete(
        self,
        conn: Connection,
        ids: list[int],
        outlet_of: dict[int, int | None],
        progress: Progress,
    ) -> RemovedDocuments:
        """:meth:`delete_documents` once the documents are known to be there."""
        mentioned = uncount_documents(conn, ids)
        for chunk in bound_chunks(ids, _REMOVAL_BATCH):
            if self.is_sqlite:  # the indexed values, to take them out of the index
                rows = conn.execute(
                    select(Document.id, Document.title, Document.text).where(Document.id.in_(chunk))
                )
                sqlite.fts_delete(conn, [_fts_row(i, t, x) for i, t, x in rows])
            progress.advance(len(chunk))
        documents = cascade.doomed_ids(conn, "doomed_documents", ids)
        cascade.delete_referred(conn, core_table(Document).c.id, documents)
        cascade.forget_ids(conn, "doomed_documents")
        unused = found_names_unused(conn, mentioned)
        if unused:
            entities = cascade.doomed_ids(conn, "doomed_entities", unused)
            cascade.delete_referred(conn, core_table(Entity).c.id, entities)
            cascade.forget_ids(conn, "doomed_entities")
        gone, kept = _drop_emptied_outlets(conn, outlet_of.values())
        conn.commit()
        return RemovedDocuments(ids, gone, len(unused), kept)

    # ---- outlets ----------------------------------------------------------------------
    @exclusive("outlets")
    def set_outlet(
        self,
        doc_ids: Sequence[int],
        outlet: str,
        outlet_ar: str | None = None,
        outlet_key: str | None = None,
    ) -> OutletMove:
        """Give documents an outlet (found as an import finds it; "" for none), in one
        transaction. An outlet left without a document goes, as when documents are
        removed, unless the user renamed it or merged another into it."""
        ids = sorted(set(doc_ids))
        with self.transaction() as s:
            outlet_id = self._outlet_id(s, outlet, outlet_ar, outlet_key) if outlet else None
            before: dict[int, int | None] = {}
            for chunk in bound_chunks(ids):
                q = select(Document.id, Document.outlet_id).where(Document.id.in_(chunk))
                before.update((i, o) for i, o in s.execute(q))
            if len(before) < len(ids):
                missing = sorted(set(ids) - set(before))
                raise StoreError(f"no document {missing[0]}")
            moved = [i for i, o in before.items() if o != outlet_id]
            for chunk in bound_chunks(moved):
                s.execute(
                    update(Document).where(Document.id.in_(chunk)).values(outlet_id=outlet_id)
                )
            left = {o for o in before.values() if o != outlet_id}
            gone, kept = _drop_emptied_outlets(s.connection(), left)
        return OutletMove(len(moved), gone, kept)

    def outlets(self) -> list[OutletRow]:
        with self.session() as s:
            rows = s.execute(
                select(Outlet.id, Outlet.name, Outlet.name_ar, func.count(Document.id))
                .outerjoin(Document, Document.outlet_id == Outlet.id)
                .group_by(Outlet.id)
                .order_by(Outlet.name)
            )
            return [OutletRow(*r) for r in rows]

    def outlet_id(self, name: str, key: str | None = None) -> int | None:
        """The outlet of this name (any case) or Arabic name, else of the directory key
        of a known outlet (its old name, after the user renamed it)."""
        with self.session() as s:
            found = s.scalar(select(Outlet.id).where(Outlet.name == name))
            if found is None:
                found = s.scalar(select(Outlet.id).where(func.lower(Outlet.name) == name.lower()))
            if found is None:
                found = s.scalar(select(Outlet.id).where(Outlet.name_ar == name))
            if found is None:
                found = _known_to_imports(s, name, key)
            return found

    @exclusive("outlets")
    def rename_outlet(self, old: str, new: str) -> OutletRow:
        """Rename; renaming onto an existing outlet merges the two (then ``moved``, on the
        row returned, counts the documents the old one gave it)."""
        old_id = self.outlet_id(old)
        if old_id is None:
            raise StoreError(f"no outlet named {old!r}")
        new = " ".join(new.split())
        if not new:
            raise StoreError("the new outlet name is empty")
        moved = None
        with self.transaction() as s:
            # an outlet of that name is no longer known by it as another's merged name
            s.execute(delete(OutletName).where(OutletName.name == new))
            target = s.scalar(select(Outlet.id).where(Outlet.name == new))
            if target is not None and target != old_id:
                moved = s.scalar(
                    select(func.count()).select_from(Document).where(Document.outlet_id == old_id)
                )
                s.execute(
                    update(Document).where(Document.outlet_id == old_id).values(outlet_id=target)
                )
                old_row = s.get(Outlet, old_id)
                merged = s.get(Outlet, target)
                assert old_row is not None and merged is not None
                # the merged outlet is found under the old one's key and Arabic name
                # too, and the name it was imported under if the user had renamed it
                merged.key = merged.key or old_row.key
                merged.name_ar = merged.name_ar or old_row.name_ar
                merged.import_name = merged.import_name or old_row.import_name
                # and by the old one's names and key where it has its own: imports
                # know the old outlet by them
                s.execute(
                    update(OutletName)
                    .where(OutletName.outlet_id == old_id)
                    .values(outlet_id=target)
                )
                s.merge(OutletName(name=old_row.name, outlet_id=target, key=old_row.key))
                for name in {old_row.name_ar, old_row.import_name} - {None, new, old_row.name}:
                    s.merge(OutletName(name=name, outlet_id=target, key=None))
                s.delete(old_row)
            else:
                outlet = s.get(Outlet, old_id)
                assert outlet is not None
                imported = outlet.import_name or outlet.name
                # renamed back to the name it was imported under, it is no longer renamed
                outlet.import_name = None if imported == new else imported
                outlet.name = new
        row = next(o for o in self.outlets() if o.name == new)
        return row if moved is None else replace(row, moved=moved)

    # ---- reading documents ------------------------------------------------------------
    def documents(
        self,
        *,
        outlet_id: int | None = None,
        date_from: dt.date | None = None,
        date_to: dt.date | None = None,
        ids: Sequence[int] | None = None,
    ) -> list[DocumentRow]:
        q = select(*DOCUMENT_ROW_COLUMNS).outerjoin(Outlet, Outlet.id == Document.outlet_id)
        if outlet_id is not None:
            q = q.where(Document.outlet_id == outlet_id)
        if date_from is not None:
            q = q.where(Document.published >= date_from)
        if date_to is not None:
            q = q.where(Document.published <= date_to)
        if ids is not None:
            q = q.where(Document.id.in_(list(ids)))
        q = q.order_by(Document.id)
        with self.session() as s:
            return [_doc_row(r) for r in s.execute(q)]

    def document_row(self, doc_id: int) -> DocumentRow:
        rows = self.documents(ids=[doc_id])
        if not rows:
            raise StoreError(f"no document {doc_id}")
        return rows[0]

    def document(self, doc_id: int) -> DocumentDetail:
        row = self.document_row(doc_id)
        with self.session() as s:
            text = s.scalar(select(Document.text).where(Document.id == doc_id)) or ""
            paras = [
                (a, b, bool(r))
                for a, b, r in s.execute(
                    select(Paragraph.start, Paragraph.end, Paragraph.repeated)
                    .where(Paragraph.document_id == doc_id)
                    .order_by(Paragraph.idx)
                )
            ]
            sents = [
                (p, a, b)
                for p, a, b in s.execute(
                    select(Sentence.paragraph_idx, Sentence.start, Sentence.end)
                    .where(Sentence.document_id == doc_id)
                    .order_by(Sentence.idx)
                )
            ]
        return DocumentDetail(row, text, paras, sents)

    def write_analysis(
        self,
        mentions: Sequence[tuple[int, Sequence[NewMention]]],
        framing: FramingRows,
        analysis_version: int,
        sentences: Mapping[int, Sequence[tuple[int, int, int]]] | None = None,
    ) -> None:
        """The analysis of several documents, in one transaction: their mentions, labels,
        quotes and events replace what they had, and they are marked analysed.
        ``sentences``: documents whose sentences are split otherwise now, with their
        ``(paragraph, start, end)``, which replace the stored ones."""
        doc_ids = [d for d, _ in mentions]
        with self.transaction() as s, stats_follow(s, doc_ids, mentions):
            if sentences:
                s.execute(delete(Sentence).where(Sentence.document_id.in_(list(sentences))))
                _insert_sentences(s, sentences.items())
            replace_mentions(s, mentions, analysis_version)
            write_framing(s, doc_ids, framing)

    def analysis_inputs(
        self, ids: Sequence[int]
    ) -> dict[
        int,
        tuple[str, list[tuple[int, int]], list[tuple[int, int]], dt.date | None, int | None],
    ]:
        """Per document: (text, repeated paragraph spans, sentence spans, date, the analysis
        version it was last analysed by), in 3 queries."""
        with self.session() as s:
            texts: dict[int, str] = {}
            dates: dict[int, dt.date | None] = {}
            versions: dict[int, int | None] = {}
            for i, t, d, v in s.execute(
                select(
                    Document.id, Document.text, Document.published, Document.analysis_version
                ).where(Document.id.in_(list(ids)))
            ):
                texts[i], dates[i], versions[i] = t, d, v
            repeated: dict[int, list[tuple[int, int]]] = {i: [] for i in texts}
            for doc, a, b in s.execute(
                select(Paragraph.document_id, Paragraph.start, Paragraph.end).where(
                    Paragraph.document_id.in_(list(ids)), Paragraph.repeated.is_(True)
                )
            ):
                repeated[doc].append((a, b))
            sentences: dict[int, list[tuple[int, int]]] = {i: [] for i in texts}
            for doc, a, b in s.execute(
                select(Sentence.document_id, Sentence.start, Sentence.end)
                .where(Sentence.document_id.in_(list(ids)))
                .order_by(Sentence.document_id, Sentence.idx)
            ):
                sentences[doc].append((a, b))
        return {i: (texts[i], repeated[i], sentences[i], dates[i], versions[i]) for i in texts}

    def texts(self, ids: Sequence[int]) -> dict[int, str]:
        """The texts of these documents by id (asked in chunks of ids: more than one
        ``IN (…)`` binds, as the examples of a much labelled actor's frame)."""
        with self.session() as s:
            return {
                doc_id: text
                for chunk in bound_chunks(ids)
                for doc_id, text in s.execute(
                    select(Document.id, Document.text).where(Document.id.in_(chunk))
                )
            }

    def resolve_document(self, ref: str) -> int:
        """A DOC argument: a numeric id without leading zeros (as `docs` lists them), an
        exact file stem, or a unique stem prefix («003»). An id comes first: a corpus of
        files named 1.txt, 2.txt… (SANAD) would otherwise hide ids behind file names."""
        ref = ref.strip()
        with self.session() as s:
            plain_number = ref.isdigit() and not (len(ref) > 1 and ref.startswith("0"))
            if plain_number and s.get(Document, int(ref)) is not None:
                return int(ref)
            exact = s.scalars(select(Document.id).where(Document.stem == ref)).all()
            if len(exact) == 1:
                return exact[0]
            if len(exact) > 1:
                raise StoreError(
                    f"{ref!r} names {len(exact)} documents (ids {', '.join(map(str, exact))});"
                    " use an id"
                )
            escaped = ref.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
            prefixed = s.scalars(
                select(Document.id).where(Document.stem.like(escaped + "%", escape="\\")).limit(6)
            ).all()
        if len(prefixed) == 1:
            return prefixed[0]
        if prefixed:
            raise StoreError(f"{ref!r} matches several documents; give more of the name or an id")
        raise StoreError(f"no document {ref!r} (give an id or a file name)")

    def last_document_id(self) -> int:
        """The largest document id (0 in an empty store): the documents written after this
        is asked are numbered above it."""
        with self.session() as s:
            return s.scalar(select(func.max(Document.id))) or 0

    def import_tally(self, after: int, redo: Sequence[int] = ()) -> tuple[int, int, int]:
        """As committed: the documents numbered above ``after`` (what an import that began
        then stored), how many of them are analysed, and how many documents in all are
        waiting for an analysis: never analysed (theirs and what imports before them
        left), or analysed by a run that ended before its last steps, which the next
        analyses again (``redo``)."""
        never = Document.analysis_version.is_(None)
        with self.session() as s:
            stored, unanalysed = s.execute(
                select(func.count(Document.id), func.count(Document.id).filter(never)).where(
                    Document.id > after
                )
            ).one()
            waiting = s.scalar(select(func.count(Document.id)).where(never)) or 0
            again = [
                doc_id
                for chunk in bound_chunks(list(redo))
                for doc_id in s.scalars(select(Document.id).where(Document.id.in_(chunk), ~never))
            ]
        ours = sum(1 for doc_id in again if doc_id > after)
        return stored, stored - unanalysed - ours, waiting + len(again)

    def counts(self) -> StoreCounts:
        with self.session() as s:
            return StoreCounts(
                documents=s.scalar(select(func.count(Document.id))) or 0,
                outlets=s.scalar(select(func.count(Outlet.id))) or 0,
                entities=s.scalar(select(func.count(EntityStat.entity_id))) or 0,
                mentions=s.scalar(select(func.sum(EntityStat.mentions))) or 0,
            )

    # ---- search -----------------------------------------------------------------------
    def search_ranked(
        self,
        groups: Sequence[Sequence[str]],
        *,
        outlet_id: int | None = None,
        date_from: dt.date | None = None,
        date_to: dt.date | None = None,
        limit: int = 20,
        phrase: bool = False,
        entity_id: int | None = None,
    ) -> sqlite.Ranked:
        """Documents containing every group (any alternative of it), best first, and whether
        only the most recent matches were ranked (see ``sqlite.RANK_WINDOW``). A
        ``phrase`` (the groups in order) narrows them, where the index can, to those
        holding the groups as adjacent words (``sqlite.phrase_expression``);
        ``entity_id``: of the documents that mention it."""
        with self.engine.connect() as conn:
            present = sqlite.present_groups(conn, groups)
            match = (phrase and sqlite.phrase_expression(present)) or sqlite.match_expression(
                present
            )
            if not match:
                return sqlite.Ranked([], False)
            return sqlite.fts_search(
                conn,
                match,
                outlet_id=outlet_id,
                date_from=date_from.isoformat() if date_from else None,
                date_to=date_to.isoformat() if date_to else None,
                limit=limit,
                entity_id=entity_id,
            )


class OutletMove(NamedTuple):
    """What giving documents an outlet changed."""

    #: how many documents had another outlet
    moved: int
    #: the outlets left without a document, removed (by name)
    removed: list[str]
    #: those kept, the user having renamed them or merged another into them (by name)
    kept: list[str]


def _drop_emptied_outlets(
    conn: Connection, outlet_ids: Iterable[int | None]
) -> tuple[list[str], list[str]]:
    """Remove those of these outlets left without a document, but those the user renamed
    or merged another into: they keep the name the user gave them, for their articles
    imported again. The names of those removed, and of those kept."""
    emptied = sorted({o for o in outlet_ids if o is not None})
    merged = select(OutletName.outlet_id).where(OutletName.outlet_id == Outlet.id).exists()
    left = conn.execute(
        select(Outlet.id, Outlet.name, Outlet.import_name.is_not(None) | merged)
        .where(Outlet.id.in_(emptied), ~Outlet.documents.any())
        .order_by(Outlet.name)
    ).all()
    gone = [(i, n) for i, n, edited in left if not edited]
    if gone:
        conn.execute(delete(Outlet).where(Outlet.id.in_([i for i, _n in gone])))
    return [n for _i, n in gone], [n for _i, n, edited in left if edited]


def _known_to_imports(s: Session, name: str, key: str | None) -> int | None:
    """The outlet imports know by this name or directory key though it is not its own:
    the name it was imported under before the user renamed it, that of an outlet the
    user merged into it, its key, or the key of an outlet merged into it."""
    found = s.scalar(select(Outlet.id).where(Outlet.import_name == name).order_by(Outlet.id))
    if found is None:
        found = _merged_into(s, name, None)
    if found is None and key:
        found = s.scalar(select(Outlet.id).where(Outlet.key == key).order_by(Outlet.id))
        if found is None:
            found = _merged_into(s, None, key)
    return found


def _merged_into(s: Session, name: str | None, key: str | None) -> int | None:
    """The outlet another of this name or directory key was merged into, if any."""
    if name is not None:
        return s.scalar(select(OutletName.outlet_id).where(OutletName.name == name))
    return s.scalar(
        select(OutletName.outlet_id).where(OutletName.key == key).order_by(OutletName.outlet_id)
    )


def _insert_sentences(
    s: Session, per_document: Iterable[tuple[int, Sequence[tuple[int, int, int]]]]
) -> None:
    """Sentence rows of documents, each ``(paragraph, start, end)`` in order."""
    rows = [
        {"document_id": doc_id, "idx": i, "paragraph_idx": p, "start": a, "end": b}
        for doc_id, spans in per_document
        for i, (p, a, b) in enumerate(spans)
    ]
    if rows:
        insert_many(s.connection(), Sentence, rows)
