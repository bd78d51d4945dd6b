"""The store's schema: migrations and models agree, versions are recorded."""

from __future__ import annotations

from pathlib import Path

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
