"""The store's schema: migrations and models agree, versions are recorded."""

from __future__ import annotations

from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from desktop.store.engine import HEAD_REVISION, current_revision, head_revision, make_engine
from desktop.store.models import Base
from desktop.store.store import Store


def test_head_constant_matches_the_migration_scripts() -> None:
    assert head_revision() == HEAD_REVISION


def test_a_new_database_is_migrated_to_head_and_matches_the_models(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "m.db")
    assert current_revision(store.engine) == HEAD_REVISION
    with store.engine.connect() as conn:
        ctx = MigrationContext.configure(
            conn,
            opts={
                "include_object": lambda o, name, t, r, c: (
                    not (t == "table" and name and name.startswith("doc_fts"))
                )
            },
        )
        assert compare_metadata(ctx, Base.metadata) == []
    store.close()


def test_wal_and_foreign_keys_on_every_connection(tmp_path: Path) -> None:
    engine = make_engine(tmp_path / "p.db")
    with engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1


def test_a_new_database_has_8_kb_pages_and_an_old_one_keeps_its_own(tmp_path: Path) -> None:
    import sqlite3

    Store.open(tmp_path / "new.db").close()
    old = sqlite3.connect(tmp_path / "old.db")
    old.execute("CREATE TABLE t (x)")  # made with SQLite's default page size
    old.close()
    store = Store.open(tmp_path / "old.db")  # migrated, its pages left as they were
    store.close()
    sizes = {
        name: sqlite3.connect(tmp_path / name).execute("PRAGMA page_size").fetchone()[0]
        for name in ("new.db", "old.db")
    }
    assert sizes == {"new.db": 8192, "old.db": 4096}


def test_bulk_rows_are_stored_as_the_orm_would_store_them(seeded_store: Store) -> None:
    """insert_many: column types' conversions, Python defaults, keys in any order."""
    import datetime as dt

    from sqlalchemy import select

    from desktop.store.bulk import insert_many
    from desktop.store.models import Document, Event, Paragraph

    doc = seeded_store.documents()[0]
    with seeded_store.transaction() as s:
        conn = s.connection()
        insert_many(
            conn,
            Event,
            [
                {  # keys deliberately not in table order
                    "details": {"source": "سانا", "day": 29},
                    "type": "talks",
                    "document_id": doc.id,
                    "start": 0,
                    "end": 4,
                    "trigger": "محادثات",
                    "date": dt.date(2019, 5, 29),
                    "date_text": "29 أيار",
                    "place_entity_id": None,
                    "sentence_idx": 0,
                },
                {
                    "details": None,
                    "type": "visit",
                    "document_id": doc.id,
                    "start": 5,
                    "end": 9,
                    "trigger": "زيارة",
                    "date": None,
                    "date_text": None,
                    "place_entity_id": None,
                    "sentence_idx": 1,
                },
            ],
        )
    with seeded_store.session() as s:
        events = {e.type: e for e in s.scalars(select(Event).where(Event.document_id == doc.id))}
        assert events["talks"].details == {"source": "سانا", "day": 29}
        assert events["talks"].date == dt.date(2019, 5, 29)
        assert events["visit"].details is None and events["visit"].date is None
        raw = (
            s.connection()
            .exec_driver_sql(
                "SELECT details, typeof(details) FROM events WHERE type IN ('talks', 'visit') "
                "ORDER BY type"
            )
            .all()
        )
        assert raw[0] == ('{"source": "سانا", "day": 29}', "text")  # Arabic as UTF-8
        assert raw[1] == (None, "null")  # SQL NULL, not the JSON text "null"
        stored = s.get(Document, doc.id)
        assert stored is not None and stored.imported_at is not None  # Python default
        assert (
            s.connection()
            .exec_driver_sql("SELECT typeof(text) FROM documents WHERE id = ?", (doc.id,))
            .scalar()
            == "blob"
        )  # compressed on the way in
        assert stored.text == seeded_store.texts([doc.id])[doc.id] and "سوري" in stored.text
        repeated = (
            s.connection()
            .exec_driver_sql("SELECT DISTINCT typeof(repeated) FROM paragraphs")
            .scalars()
            .all()
        )
        assert repeated == ["integer"]
        assert s.scalar(select(Paragraph.repeated).limit(1)) in (True, False)


def test_a_store_from_before_compaction_is_upgraded_with_its_data(tmp_path: Path) -> None:
    """A database at migration 0003 (plain text, mentions with their surface) opens at
    head with the same texts, structure, mentions and counts."""
    from alembic import command

    from desktop.store.engine import _alembic_config

    text = "قال المبعوث الأممي غير بيدرسون في جنيف إن الحل سياسي.\nوأكد بيدرسون ذلك."
    cut = text.index("\n")
    engine = make_engine(tmp_path / "old.db")
    cfg = _alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0003")
        sql = conn.exec_driver_sql
        sql(
            "INSERT INTO documents (id, title, source_path, stem, content_hash, text, "
            "char_count, word_count, imported_at) VALUES (1, 'عنوان', 'a.txt', 'a', 'h', ?, ?, 13, "
            "'2026-01-01 00:00:00')",
            (text, len(text)),
        )
        sql(
            'INSERT INTO paragraphs (id, document_id, idx, start, "end", repeated) '
            "VALUES (1, 1, 0, 0, ?, 0), (2, 1, 1, ?, ?, 0)",
            (cut, cut + 1, len(text)),
        )
        sql(
            'INSERT INTO sentences (id, document_id, paragraph_idx, idx, start, "end") '
            "VALUES (1, 1, 0, 0, 0, ?), (2, 1, 1, 1, ?, ?)",
            (cut, cut + 1, len(text)),
        )
        sql(
            "INSERT INTO entities (id, key, name, name_en, type, origin, confirmed, ignored, "
            "created_at) VALUES (1, 'pedersen', 'غير بيدرسون', 'Geir  Pedersen', 'person', "
            "'gazetteer', 1, 0, '2026-01-01 00:00:00'), (2, 'geneva', 'جنيف', NULL, 'place', "
            "'gazetteer', 1, 0, '2026-01-01 00:00:00')"
        )
        first = text.index("غير بيدرسون")
        second = text.rindex("بيدرسون")
        geneva = text.index("جنيف")
        mentions = [
            (1, first, first + len("غير بيدرسون"), 1),
            (2, geneva, geneva + len("جنيف"), 2),
            (3, second, second + len("بيدرسون"), 1),
        ]
        for mid, a, b, entity in mentions:
            sql(
                'INSERT INTO mentions (id, document_id, entity_id, start, "end", surface, kind, '
                "sentence_idx, confidence) VALUES (?, 1, ?, ?, ?, ?, 'name', 0, 1.0)",
                (mid, entity, a, b, text[a:b]),
            )
    engine.dispose()

    store = Store.open(tmp_path / "old.db")
    try:
        assert current_revision(store.engine) == HEAD_REVISION
        detail = store.document(1)
        assert detail.text == text
        assert [(a, b) for _p, a, b in detail.sentences] == [(0, cut), (cut + 1, len(text))]
        surfaces = sorted(m.surface for m, _n, _t in store.document_mentions(1))
        assert surfaces == sorted(text[a:b] for _i, a, b, _e in mentions)
        assert surfaces == ["بيدرسون", "جنيف", "غير بيدرسون"]
        counts = {r.key: (r.documents, r.mentions) for r in store.entity_summaries()}
        assert counts == {"pedersen": (1, 2), "geneva": (1, 1)}
        # the names' order keys are written for the entities already stored
        with store.engine.connect() as conn:
            keys = dict(conn.exec_driver_sql("SELECT key, sort_name FROM entities").fetchall())
        assert keys == {"pedersen": "غيربيدرسون", "geneva": "جنيف"}
        # and the filter keys of the English names and of the forms seen
        with store.engine.connect() as conn:
            english = conn.exec_driver_sql("SELECT key, name_en_key FROM entities").fetchall()
            forms = conn.exec_driver_sql("SELECT text, key FROM surfaces").fetchall()
        assert dict(english) == {"pedersen": "geirpedersen", "geneva": None}
        assert sorted(forms) == [
            ("بيدرسون", "بيدرسون"),
            ("جنيف", "جنيف"),
            ("غير بيدرسون", "غيربيدرسون"),
        ]
        assert [r.name for r in store.entity_page("person", matching="pedersen")] == ["غير بيدرسون"]
        # the search index is rebuilt from the (now compressed) text
        assert [i for i, _r in store.search_ranked([["جنيف"]]).ids] == [1]
    finally:
        store.close()


def test_mentions_added_later_to_a_document_keep_its_counts_true(seeded_store: Store) -> None:
    """Speaker resolution adds mentions to documents already analysed: the entity's
    document count must not grow when the document already mentioned it."""
    from desktop.store.entities import EntityRecord, NewMention
    from desktop.store.framing import FramingRows

    store = seeded_store
    doc_id = store.documents()[0].id
    text = store.document(doc_id).text
    (eid,) = store.sync_entities(
        [EntityRecord("khaji", "علي أصغر خاجي", None, "person", "discovered", ("خاجي",))]
    ).values()
    store.write_analysis(
        [(doc_id, [NewMention(0, 3, text[0:3], eid, "name", 0, 1.0)])], FramingRows([], [], []), 99
    )
    store.add_mentions_many([(doc_id, [NewMention(4, 7, text[4:7], eid, "surname", 0, 0.7)])])
    counts = {r.key: (r.documents, r.mentions) for r in store.entity_summaries()}
    assert counts["khaji"] == (1, 2)


def test_deleting_entities_does_what_the_foreign_keys_say(analysed: Store, tmp_path: Path) -> None:
    """delete_entities deletes and sets to NULL a table at a time what SQLite's own
    cascade would, row by row: the database comes out the same."""
    import shutil
    import sqlite3

    from desktop.store.entities import delete_entities

    c = sqlite3.connect(analysed.engine.url.database)
    c.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    c.close()
    # a place of events, the speaker of quotations and labels, a participant: every kind
    # of reference to an entity
    geneva = analysed.find_entities("جنيف")[0][0]
    mistura = analysed.find_entities("ستافان دي ميستورا")[0][0]
    ids = [geneva, mistura]
    tables = ["entities", "aliases", "mentions", "labels", "quotes", "events"]
    tables += ["event_participants", "entity_stats", "entity_forms", "annotations"]

    def dump(path: Path) -> dict[str, list[tuple[object, ...]]]:
        db = sqlite3.connect(path)
        out = {t: sorted(db.execute(f"SELECT * FROM {t}"), key=repr) for t in tables}
        db.close()
        return out

    copy = tmp_path / "by-sqlite.db"
    shutil.copy(analysed.engine.url.database, copy)
    before = dump(copy)
    db = sqlite3.connect(copy)
    db.execute("PRAGMA foreign_keys=ON")
    db.executemany("DELETE FROM entities WHERE id = ?", [(i,) for i in ids])
    db.commit()
    db.close()
    delete_entities(analysed.engine, ids)
    ours = dump(Path(str(analysed.engine.url.database)))
    assert ours == dump(copy)
    assert ours != before
    assert not any(i in (r[0] for r in ours["entities"]) for i in ids)
    with analysed.engine.connect() as conn:  # enforcement is back on
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1


def test_documents_referring_to_many_entities_fits_what_old_sqlite_binds(
    analysed: Store,
) -> None:
    """Ignoring hundreds of entities at once asks for the documents that refer to any of
    them: four lists of their ids in one statement, each id bound four times. Builds of
    SQLite older than 3.32 bind at most 999 values; so does this connection."""
    import sqlite3

    from sqlalchemy import event

    def old_limit(dbapi_connection: sqlite3.Connection, _record: object) -> None:
        dbapi_connection.setlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER, 999)

    event.listen(analysed.engine, "connect", old_limit)
    analysed.engine.dispose()  # connections made from now on bind at most 999
    known = [r.id for r in analysed.entity_summaries()]
    many = known + list(range(max(known) + 1, max(known) + 1200))
    assert analysed.documents_referring_to(many) == sorted(
        set(analysed.documents_mentioning(known))
        | {lb.document_id for lb in analysed.labels_for() if lb.entity_id in set(known)}
    )


def test_migrations_down_and_up_keep_the_rows_that_refer_to_a_rebuilt_table(
    analysed: Store, db_path: Path
) -> None:
    """Batch mode rebuilds ``entities`` to drop a column; with SQLite's foreign keys on,
    dropping the old table deleted every mention, alias and count of the entities. The
    migrations run with the keys off, checked before they commit, and on after."""
    from desktop.store.engine import migrate

    def table_counts() -> dict[str, int]:
        tables = ("entities", "mentions", "aliases", "entity_stats", "entity_forms", "labels")
        with make_engine(db_path).connect() as conn:
            return {t: conn.exec_driver_sql(f"SELECT count(*) FROM {t}").scalar() for t in tables}

    before = table_counts()
    assert all(before.values())
    analysed.close()
    engine = make_engine(db_path)
    migrate(engine, "0006", down=True)  # drops sort_name, name_en_key and surfaces.key
    assert current_revision(engine) == "0006"
    assert table_counts() == before
    with engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    engine.dispose()
    store = Store.open(db_path)  # and up again to head
    try:
        assert current_revision(store.engine) == HEAD_REVISION
        assert table_counts() == before
        assert store.entity_page("person", matching="ديمستورا")
    finally:
        store.close()


def test_a_migration_that_fails_leaves_the_database_as_it_was(
    analysed: Store, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The sqlite3 module begins a transaction only before the first row is written:
    table changes before it committed on their own, and a migration that failed after
    them left a database that could not be opened again. Migrations now run in one
    transaction begun explicitly; and references already broken (a file edited by
    another tool) do not stop an upgrade, only those a migration would break."""
    import desktop.text.normalize as normalize
    from desktop.store.engine import migrate

    analysed.close()
    engine = make_engine(db_path)
    migrate(engine, "0007", down=True)
    with engine.connect() as conn:  # a reference already broken, written with keys off
        conn.exec_driver_sql("PRAGMA foreign_keys=OFF")
        conn.exec_driver_sql(
            "INSERT INTO aliases (entity_id, text, norm, origin) VALUES (999999, 'x', 'x', 'user')"
        )
        conn.commit()
        conn.exec_driver_sql("PRAGMA foreign_keys=ON")

    def broken(_text: str) -> str:
        raise ValueError("the migration fails half way")

    monkeypatch.setattr(normalize, "name_order_key", broken)  # 0008 calls it after its DDL
    with pytest.raises(ValueError, match="half way"):
        migrate(engine, "head")
    assert current_revision(engine) == "0007"
    with engine.connect() as conn:
        columns = {r[1] for r in conn.exec_driver_sql("PRAGMA table_info(surfaces)")}
        assert "key" not in columns  # the column added before the failure went with it
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    engine.dispose()
    monkeypatch.undo()
    store = Store.open(db_path)  # opens, upgraded, the old broken reference kept
    try:
        assert current_revision(store.engine) == HEAD_REVISION
        assert store.entity_page("person", matching="ديمستورا")
    finally:
        store.close()


def test_a_new_normaliser_makes_the_names_order_keys_again(analysed: Store, db_path: Path) -> None:
    """The order keys the sidebar sorts by are normalised names: when the normaliser
    changes, they are made again with the search index."""
    from desktop.text.normalize import name_order_key

    with analysed.transaction() as s:
        s.connection().exec_driver_sql(
            "UPDATE entities SET sort_name = 'stale', name_en_key = 'stale'"
        )
        s.connection().exec_driver_sql("UPDATE surfaces SET key = 'stale'")
    analysed.set_meta("normalisation_version", "0")
    analysed.close()
    store = Store.open(db_path)
    try:
        with store.engine.connect() as conn:
            rows = conn.exec_driver_sql("SELECT name, sort_name FROM entities").fetchall()
            english = conn.exec_driver_sql("SELECT name_en, name_en_key FROM entities").fetchall()
            forms = conn.exec_driver_sql("SELECT text, key FROM surfaces").fetchall()
        assert rows and all(key == name_order_key(name) for name, key in rows)
        assert any(name for name, _k in english)
        assert all(key == (name_order_key(name) if name else None) for name, key in english)
        assert forms and all(key == name_order_key(text) for text, key in forms)
    finally:
        store.close()


def test_an_outlet_renamed_before_the_import_names_were_kept_is_known_as_renamed(
    tmp_path: Path,
) -> None:
    """Migration 0010 keeps the name imports know an outlet by once the user renames it;
    an outlet renamed before it is told by its directory key under another name."""
    from desktop.store.engine import migrate

    path = tmp_path / "old.db"
    engine = make_engine(path)
    migrate(engine, "0009")
    with engine.begin() as conn:
        for name, key in (("سانا", "sana"), ("UN News", "un-news"), ("جريدة البلد", None)):
            conn.exec_driver_sql(
                "INSERT INTO outlets (name, key, created_at) VALUES (?, ?, '2026-11-25')",
                (name, key),
            )
    engine.dispose()
    store = Store.open(path)
    try:
        with store.engine.connect() as conn:
            rows = conn.exec_driver_sql("SELECT name, import_name FROM outlets ORDER BY id")
            assert rows.all() == [("سانا", "SANA"), ("UN News", None), ("جريدة البلد", None)]
    finally:
        store.close()
