"""Removing documents from the corpus: nothing of them is left, and nothing else goes."""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop import entity_edits as edits
from desktop.analysing import analyse_documents
from desktop.compare.corpus import frame
from desktop.importing import import_paths
from desktop.search import search
from desktop.store import sqlite as store_sqlite
from desktop.store.models import Annotation
from desktop.store.store import Store, StoreError
from desktop.store.writer import StoreBusyError

#: every table of the database but the search index's own
TABLES = (
    "outlets", "documents", "paragraphs", "sentences", "entities", "aliases", "surfaces",
    "mentions", "entity_stats", "entity_forms", "labels", "quotes", "events",
    "event_participants", "annotations", "entity_edits", "store_meta",
)  # fmt: skip
#: the tables of what refers to a document, and to what refers to it
OF_DOCUMENTS = (
    ("paragraphs", "document_id"),
    ("sentences", "document_id"),
    ("mentions", "document_id"),
    ("labels", "document_id"),
    ("quotes", "document_id"),
    ("events", "document_id"),
    ("annotations", "document_id"),
)


def doc(store: Store, prefix: str) -> int:
    return next(r.id for r in store.documents() if r.stem.startswith(prefix))


def dump(store: Store) -> dict[str, list[tuple[object, ...]]]:
    path = store.engine.url.database
    assert path
    db = sqlite3.connect(path)
    try:
        return {t: sorted(db.execute(f"SELECT * FROM {t}"), key=repr) for t in TABLES}
    finally:
        db.close()


def found(store: Store, query: str) -> set[int]:
    return {h.row.id for h in search(store, query, limit=100)}


def consistent(store: Store) -> None:
    """No row refers to one that is gone; the search index and SQLite's files are whole;
    the counts the sidebar lists are those of the mentions."""
    with store.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA foreign_key_check").all() == []
        assert conn.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
        conn.exec_driver_sql(
            f"INSERT INTO {store_sqlite.FTS_TABLE}({store_sqlite.FTS_TABLE}, rank) "
            "VALUES ('integrity-check', 0)"
        )
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1  # on again
        ids = {i for (i,) in conn.exec_driver_sql("SELECT id FROM documents")}
        # the index holds a row for every document, and for nothing else
        indexed = {i for (i,) in conn.exec_driver_sql("SELECT rowid FROM doc_fts")}
    assert indexed == ids
    stored = {r.id: (r.documents, r.mentions) for r in store.entity_summaries()}
    counted = {r.id: (r.documents, r.mentions) for r in store.entity_rows()}
    assert stored == counted
    forms = {i: sorted(f) for i, f in store.entity_seen_forms().items()}
    assert forms == {r.id: sorted(r.aliases_seen) for r in store.entity_rows()}


def test_a_removed_document_leaves_nothing_behind(analysed: Store) -> None:
    gone, kept = doc(analysed, "003"), doc(analysed, "002")
    with analysed.transaction() as s:
        s.add(Annotation(document_id=gone, start=0, end=5, body="مصدر رسمي"))
    # only the SANA article names the delegation so; it frames al-Jaafari too
    assert found(analysed, "وفد الجمهورية العربية السورية") == {gone}
    jaafari = analysed.find_entities("jaafari")[0][0]
    assert "SANA" in frame(analysed, jaafari).documents
    before = analysed.counts()
    tables = dump(analysed)
    with analysed.engine.connect() as conn:
        held = {
            table: conn.exec_driver_sql(
                f"SELECT count(*) FROM {table} WHERE {column} = ?", (gone,)
            ).scalar()
            for table, column in OF_DOCUMENTS
        }
    assert all(held.values()), held  # there was something of every kind to remove

    removed = analysed.delete_documents([gone])

    assert removed.documents == [gone] and removed.outlets == ["SANA"]
    assert [r.id for r in analysed.documents(ids=[gone, kept])] == [kept]
    with analysed.engine.connect() as conn:
        for table, column in OF_DOCUMENTS:
            left = conn.exec_driver_sql(
                f"SELECT count(*) FROM {table} WHERE {column} = ?", (gone,)
            ).scalar()
            assert left == 0, table
        # the events of the others keep their participants; none is left without its event
        assert (
            conn.exec_driver_sql(
                "SELECT count(*) FROM event_participants "
                "WHERE event_id NOT IN (SELECT id FROM events)"
            ).scalar()
            == 0
        )
    assert found(analysed, "وفد الجمهورية العربية السورية") == set()
    assert gone not in found(analysed, "جنيف") and kept in found(analysed, "جنيف")
    framed = frame(analysed, jaafari)
    assert "SANA" not in framed.documents and "SANA" not in framed.outlets
    assert "SANA" not in {o.name for o in analysed.outlets()}
    after = analysed.counts()
    assert (after.documents, after.outlets) == (before.documents - 1, before.outlets - 1)
    assert after.mentions == before.mentions - held["mentions"]
    consistent(analysed)
    # the other documents' rows are as they were
    now = dump(analysed)
    for table, column in (("paragraphs", 0), ("sentences", 0), ("labels", 1), ("quotes", 1)):
        assert now[table] == [r for r in tables[table] if r[column] != gone], table


def test_removing_does_what_sqlites_own_cascade_would(analysed: Store, tmp_path: Path) -> None:
    """The rows of the documents, and of what refers to them, are deleted a table at a
    time with enforcement off: the database comes out as SQLite's cascade leaves it."""
    checkpoint = sqlite3.connect(str(analysed.engine.url.database))
    checkpoint.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    checkpoint.close()
    copy = tmp_path / "by-sqlite.db"
    shutil.copy(str(analysed.engine.url.database), copy)
    ids = [doc(analysed, "000"), doc(analysed, "004")]
    analysed.delete_documents(ids)
    db = sqlite3.connect(copy)
    db.execute("PRAGMA foreign_keys=ON")
    db.executemany("DELETE FROM documents WHERE id = ?", [(i,) for i in ids])
    db.commit()
    db.close()
    ours = dump(analysed)
    theirs = dump(Store.open(copy))
    for table in TABLES:
        if table not in ("entity_stats", "entity_forms"):  # counts SQLite does not keep
            assert ours[table] == theirs[table], table


@pytest.fixture
def found_names(tmp_path: Path) -> Iterator[Store]:
    """Articles naming people the gazetteer does not know: one only in «a», one in «a»
    and «b», one only in «c»."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(
        "قال وزير الخارجية الفنلندي بيكا هافيستو إن بلاده تدعم الحل السياسي في سوريا.\n"
        "وأكد وزير الدفاع الإستوني هانو بيفكور أن بلاده تتابع الوضع في جنيف.",
        encoding="utf-8",
    )
    (folder / "b.txt").write_text(
        "وقال وزير الدفاع الإستوني هانو بيفكور إن الوضع في سوريا صعب.", encoding="utf-8"
    )
    (folder / "c.txt").write_text(
        "وقال وزير الخارجية الإيرلندي سايمون كوفيني إن المفاوضات يجب أن تستمر في جنيف.",
        encoding="utf-8",
    )
    store = Store.open(tmp_path / "found.db")
    import_paths(store, [folder])
    analyse_documents(store)
    yield store
    store.close()


def _origin(store: Store, name: str) -> str | None:
    ids = store.find_entities(name)
    return store.entity_by_id(ids[0][0])[3] if ids else None


def test_names_found_only_in_removed_documents_go_with_them(found_names: Store) -> None:
    store = found_names
    for name in ("بيكا هافيستو", "هانو بيفكور", "سايمون كوفيني"):
        assert _origin(store, name) == "discovered", name
    edits.confirm(store, "سايمون كوفيني")
    removed = store.delete_documents([doc(store, "a"), doc(store, "c")])
    # Haavisto was found in «a» alone; Pevkur is named in «b» too; Coveney is confirmed
    assert removed.entities == 1
    assert _origin(store, "بيكا هافيستو") is None
    assert _origin(store, "هانو بيفكور") == "discovered"
    assert _origin(store, "سايمون كوفيني") == "discovered"
    assert {r.name for r in store.entity_rows()} >= {"هانو بيفكور"}
    assert "سايمون كوفيني" not in {r.name for r in store.entity_rows()}  # no mention left
    consistent(store)


def test_an_unknown_id_removes_nothing(analysed: Store) -> None:
    before = dump(analysed)
    with pytest.raises(StoreError, match="no document 999"):
        analysed.delete_documents([doc(analysed, "003"), 999])
    assert dump(analysed) == before


@pytest.mark.parametrize("failure", [RuntimeError("disk full"), KeyboardInterrupt()])
def test_a_failure_midway_leaves_the_corpus_as_it_was(
    analysed: Store, monkeypatch: pytest.MonkeyPatch, failure: BaseException
) -> None:
    """An error (or Ctrl+C) after the documents' rows were deleted and before the names
    and outlets they leave were: nothing is removed, the index is whole."""
    import desktop.store.store as store_module

    before = dump(analysed)
    hits = found(analysed, "جنيف")
    ids = [doc(analysed, "003"), doc(analysed, "002")]

    def fail(*_args: object) -> list[int]:
        raise failure

    monkeypatch.setattr(store_module, "found_names_unused", fail)
    with pytest.raises(type(failure)):
        analysed.delete_documents(ids)
    assert dump(analysed) == before
    assert found(analysed, "جنيف") == hits
    consistent(analysed)
    monkeypatch.undo()
    assert analysed.delete_documents(ids).documents == sorted(ids)  # and it can be done
    consistent(analysed)


def test_removing_waits_for_no_other_job(analysed: Store) -> None:
    other = Store.open(str(analysed.engine.url.database))
    try:
        with other.writing("import"), pytest.raises(StoreBusyError, match="an import"):
            analysed.delete_documents([doc(analysed, "003")])
    finally:
        other.close()
    assert len(analysed.documents()) == 5
