"""Opening a database: engine, pragmas, and migration to the newest schema.

Alembic (and the template engine it brings) is imported only when the schema actually
needs upgrading: checking the version is one query against ``alembic_version``.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine, create_engine, inspect, text

from desktop.paths import migrations_dir
from desktop.store import sqlite

if TYPE_CHECKING:
    from alembic.config import Config

#: the newest migration; a test checks it against the migration scripts
HEAD_REVISION = "0011"


def database_url(path_or_url: str | Path) -> str:
    """``sqlite:///…`` for a file path; a URL (``postgresql://…``) is passed through."""
    s = str(path_or_url)
    if "://" in s:
        return s
    return f"sqlite+pysqlite:///{Path(s).expanduser().resolve()}"


#: one encoder for every value: ``json.dumps`` with an option makes a new encoder at each
#: call, which cost more than the encoding of the small ``details`` objects analysis writes
_ENCODER = json.JSONEncoder(ensure_ascii=False)


def dump_json(obj: object) -> str:
    """JSON as the store writes it: Arabic as UTF-8, not \\uXXXX escapes (a third of the
    bytes)."""
    return _ENCODER.encode(obj)


def make_engine(path_or_url: str | Path) -> Engine:
    url = database_url(path_or_url)
    if url.startswith("sqlite"):
        db_file = Path(url.split(":///", 1)[1])
        db_file.parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(
            url,
            connect_args={"timeout": 30},
            json_serializer=dump_json,
        )
        sqlite.install_pragmas(engine)
        return engine
    return create_engine(url)


def _alembic_config() -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(migrations_dir()))
    return cfg


def head_revision() -> str | None:
    """The newest revision according to the migration scripts themselves."""
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(_alembic_config()).get_current_head()


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            return None
        return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


def upgrade_to_head(engine: Engine) -> None:
    """Bring the schema to the newest migration (a no-op when it is there)."""
    if current_revision(engine) == HEAD_REVISION:
        return
    migrate(engine, "head")


def migrate(engine: Engine, revision: str, *, down: bool = False) -> None:
    """Upgrade (or downgrade) the schema to ``revision`` in one transaction: all of it or
    none of it.

    SQLite's foreign keys are off meanwhile: batch mode changes a table by copying it
    and dropping the old one, and with the keys on, that drop deletes every row that
    refers to the table (``ON DELETE CASCADE``: every mention with the entities). Before
    the transaction commits, the references are checked: a migration that leaves one
    broken that was whole before is undone. The transaction is begun explicitly, as the
    sqlite3 module would begin one only before the first row is written, leaving the
    table changes before it committed on their own."""
    from alembic import command

    cfg = _alembic_config()
    with engine.connect() as conn:
        if conn.dialect.name != "sqlite":
            with conn.begin():
                cfg.attributes["connection"] = conn
                (command.downgrade if down else command.upgrade)(cfg, revision)
            return
        driver = conn.connection.driver_connection
        assert driver is not None
        with sqlite.foreign_keys_off(conn):
            broken_before = Counter(_broken_references(conn))
            conn.commit()
            level = driver.isolation_level
            driver.isolation_level = None  # the transaction is begun here, not by sqlite3
            try:
                with conn.begin():
                    conn.exec_driver_sql("BEGIN")
                    cfg.attributes["connection"] = conn
                    (command.downgrade if down else command.upgrade)(cfg, revision)
                    after = Counter(_broken_references(conn))
                    broken = list((after - broken_before).elements())
                    if broken:
                        raise RuntimeError(
                            f"migration to {revision} would break {len(broken)} references "
                            f"(the first: {broken[0]}); the database is left as it was"
                        )
            finally:
                driver.isolation_level = level


def _broken_references(conn: Connection) -> list[tuple[object, ...]]:
    """Rows whose foreign keys point nowhere: (table, rowid, parent table, key number)."""
    return [tuple(r) for r in conn.exec_driver_sql("PRAGMA foreign_key_check")]
