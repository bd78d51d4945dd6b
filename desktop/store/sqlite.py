"""Everything SQLite-specific lives here: connection pragmas and the FTS5 index.

A server database (PostgreSQL) would get a sibling module with the same functions.

The full-text index ``doc_fts`` is a *contentless* FTS5 table over the normalised title
and body, keyed by ``documents.id``. Snippets are cut from the original text in Python
(see :mod:`desktop.search`), so the index stores no second copy of the articles.
Deleting a row from a contentless table needs the indexed values again: they are
recomputed from the document with the same normaliser (``NORMALISATION_VERSION``).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import Connection, Engine, event, text

FTS_TABLE = "doc_fts"

CREATE_FTS = (
    f"CREATE VIRTUAL TABLE IF NOT EXISTS {FTS_TABLE} USING fts5("
    "title, body, content='', tokenize='unicode61 remove_diacritics 0')"
)
DROP_FTS = f"DROP TABLE IF EXISTS {FTS_TABLE}"


def _on_connect(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.execute("PRAGMA busy_timeout=10000")
        cursor.execute("PRAGMA temp_store=MEMORY")
    finally:
        cursor.close()


def install_pragmas(engine: Engine) -> None:
    """WAL, foreign keys and a busy timeout on every new connection."""
    event.listen(engine, "connect", _on_connect)


def fts_insert(conn: Connection, rows: Iterable[tuple[int, str, str]]) -> None:
    """Index ``(doc_id, normalised title, normalised body)`` rows."""
    conn.exec_driver_sql(
        f"INSERT INTO {FTS_TABLE}(rowid, title, body) VALUES (?, ?, ?)", list(rows)
    )


def fts_delete(conn: Connection, rows: Iterable[tuple[int, str, str]]) -> None:
    """Remove rows; the values must be those that were indexed."""
    conn.exec_driver_sql(
        f"INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, title, body) VALUES ('delete', ?, ?, ?)",
        list(rows),
    )


def fts_clear(conn: Connection) -> None:
    """Empty the index (before a full rebuild)."""
    conn.exec_driver_sql(f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES ('delete-all')")


def fts_optimize(conn: Connection) -> None:
    conn.exec_driver_sql(f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES ('optimize')")


def quote_term(term: str) -> str:
    """One FTS5 string token: everything inside double quotes is literal."""
    return '"' + term.replace('"', '""') + '"'


def match_expression(groups: Sequence[Sequence[str]]) -> str:
    """All groups must match; within a group any alternative may match."""
    parts = []
    for alternatives in groups:
        quoted = " OR ".join(quote_term(a) for a in dict.fromkeys(alternatives) if a)
        if quoted:
            parts.append(f"({quoted})")
    return " AND ".join(parts)


def fts_search(
    conn: Connection,
    match: str,
    *,
    outlet_id: int | None,
    date_from: str | None,
    date_to: str | None,
    limit: int,
) -> list[tuple[int, float]]:
    """``(doc_id, rank)`` best first; bm25 with the title weighted above the body."""
    where = [f"{FTS_TABLE} MATCH :match"]
    params: dict[str, Any] = {"match": match, "limit": limit}
    if outlet_id is not None:
        where.append("d.outlet_id = :outlet_id")
        params["outlet_id"] = outlet_id
    if date_from:
        where.append("d.published >= :date_from")
        params["date_from"] = date_from
    if date_to:
        where.append("d.published <= :date_to")
        params["date_to"] = date_to
    sql = (
        f"SELECT d.id, bm25({FTS_TABLE}, 4.0, 1.0) AS rank FROM {FTS_TABLE} "
        f"JOIN documents AS d ON d.id = {FTS_TABLE}.rowid "
        f"WHERE {' AND '.join(where)} ORDER BY rank LIMIT :limit"
    )
    return [(int(r[0]), float(r[1])) for r in conn.execute(text(sql), params)]
