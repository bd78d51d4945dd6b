"""Opening a database: engine, pragmas, and migration to the newest schema.

Alembic (and the template engine it brings) is imported only when the schema actually
needs upgrading: checking the version is one query against ``alembic_version``.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine, create_engine, inspect, text

from desktop.paths import migrations_dir
from desktop.store import sqlite

if TYPE_CHECKING:
    from alembic.config import Config

#: the newest migration; a test checks it against the migration scripts
HEAD_REVISION = "0008"


def database_url(path_or_url: str | Path) -> str:
    """``sqlite:///…`` for a file path; a URL (``postgresql://…``) is passed through."""
    s = str(path_or_url)
    if "://" in s:
        return s
    return f"sqlite+pysqlite:///{Path(s).expanduser().resolve()}"


def dump_json(obj: object) -> str:
    """JSON as the store writes it: Arabic as UTF-8, not \\uXXXX escapes (a third of the
    bytes)."""
    return json.dumps(obj, ensure_ascii=False)


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
    """Upgrade (or downgrade) the schema to ``revision`` in one transaction.

    SQLite's foreign keys are off meanwhile: batch mode changes a table by copying it
    and dropping the old one, and with the keys on, that drop deletes every row that
    refers to the table (``ON DELETE CASCADE``: every mention with the entities). The
    keys are checked before the transaction commits."""
    from alembic import command

    cfg = _alembic_config()
    with engine.connect() as conn:
        is_sqlite = conn.dialect.name == "sqlite"
        if is_sqlite:  # only outside a transaction does this take effect
            conn.exec_driver_sql("PRAGMA foreign_keys=OFF")
            conn.commit()
        try:
            with conn.begin():
                cfg.attributes["connection"] = conn
                (command.downgrade if down else command.upgrade)(cfg, revision)
                if is_sqlite:
                    broken = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                    if broken:
                        raise RuntimeError(
                            f"migration to {revision} broke {len(broken)} references, "
                            f"first {broken[0]}; nothing was changed"
                        )
        finally:
            if is_sqlite:
                conn.exec_driver_sql("PRAGMA foreign_keys=ON")
                conn.commit()
