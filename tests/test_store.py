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
