"""Opening a database: engine, pragmas, and migration to the newest schema."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, create_engine

from desktop.paths import migrations_dir
from desktop.store import sqlite


def database_url(path_or_url: str | Path) -> str:
    """``sqlite:///…`` for a file path; a URL (``postgresql://…``) is passed through."""
    s = str(path_or_url)
    if "://" in s:
        return s
    return f"sqlite+pysqlite:///{Path(s).expanduser().resolve()}"


def make_engine(path_or_url: str | Path) -> Engine:
    url = database_url(path_or_url)
    if url.startswith("sqlite"):
        db_file = Path(url.split(":///", 1)[1])
        db_file.parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"timeout": 30})
        sqlite.install_pragmas(engine)
        return engine
    return create_engine(url)


def _alembic_config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(migrations_dir()))
    return cfg


def head_revision() -> str | None:
    return ScriptDirectory.from_config(_alembic_config()).get_current_head()


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def upgrade_to_head(engine: Engine) -> None:
    """Bring the schema to the newest migration (a no-op when it is there)."""
    if current_revision(engine) == head_revision():
        return
    cfg = _alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")
