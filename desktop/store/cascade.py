"""Deleting rows and what refers to them a table at a time, as the foreign keys say.

SQLite's own cascade looks for the rows referring to each deleted row, one deleted row at
a time, and where the referring column has no index of its own (an event's place, a
participant's entity, a label's speaker) it reads the whole referring table each time:
dropping 1,600 names a corpus no longer used took five minutes at 30,000 articles. Here
the rows to delete are a set (a temporary table of their ids), each referring table is
visited once, and the statements run with enforcement off (:func:`~desktop.store.sqlite.
foreign_keys_off`) so that SQLite does not look again.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Column, Connection, Select, Table, TextClause, delete, select, text, update

from desktop.store.models import Base


def referring(key: Column[int]) -> list[tuple[Table, Column[int], str | None]]:
    """(table, column, ON DELETE) of every foreign key that refers to ``key``."""
    return [
        (fk.parent.table, fk.parent, fk.ondelete)
        for table in Base.metadata.sorted_tables
        for fk in table.foreign_keys
        if fk.column is key
    ]


def _single_key(table: Table) -> Column[int] | None:
    columns = list(table.primary_key.columns)
    return columns[0] if len(columns) == 1 else None


def delete_referred(conn: Connection, key: Column[int], doomed: Select[Any] | TextClause) -> None:
    """Delete the rows of ``key``'s table whose ``key`` is among ``doomed`` (a query of
    ids), with what refers to them: the referring rows deleted (CASCADE, and what refers
    to those in turn) or their reference set to NULL (SET NULL). Runs in the caller's
    transaction, which has enforcement off."""
    for table, column, ondelete in referring(key):
        if ondelete == "CASCADE":
            own = _single_key(table)
            if own is not None and table is not key.table and referring(own):
                # the rows referring to these rows go first (an event's participants)
                delete_referred(conn, own, select(own).where(column.in_(doomed)))
            else:
                conn.execute(delete(table).where(column.in_(doomed)))
        elif ondelete == "SET NULL":
            conn.execute(update(table).where(column.in_(doomed)).values({column.name: None}))
        else:
            raise ValueError(f"{table.name}.{column.name}: ON DELETE {ondelete}")
    conn.execute(delete(key.table).where(key.in_(doomed)))


def doomed_ids(conn: Connection, name: str, ids: Sequence[int]) -> TextClause:
    """The ids in a temporary table ``name`` (emptied first), as a query: ``IN`` a list
    of thousands of ids is bound once per statement, the table once."""
    conn.exec_driver_sql(f"CREATE TEMP TABLE IF NOT EXISTS {name} (id INTEGER PRIMARY KEY)")
    conn.exec_driver_sql(f"DELETE FROM {name}")
    if ids:
        conn.exec_driver_sql(f"INSERT INTO {name} (id) VALUES (?)", [(i,) for i in ids])
    return text(f"SELECT id FROM {name}")


def forget_ids(conn: Connection, name: str) -> None:
    """Empty the temporary table ``name`` (it stays with the pooled connection)."""
    conn.exec_driver_sql(f"DELETE FROM {name}")
