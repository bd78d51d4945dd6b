"""Everything SQLite-specific lives here: connection pragmas and the FTS5 index.

A server database (PostgreSQL) would get a sibling module with the same functions.

The full-text index ``doc_fts`` is a *contentless* FTS5 table over the normalised title
and body, keyed by ``documents.id``. Snippets are cut from the original text in Python
(see :mod:`desktop.search`), so the index stores no second copy of the articles.
Deleting a row from a contentless table needs the indexed values again: they are
recomputed from the document with the same normaliser (``NORMALISATION_VERSION``).
"""

from __future__ import annotations

import itertools
import math
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any, NamedTuple

from sqlalchemy import Connection, Engine, event

FTS_TABLE = "doc_fts"

CREATE_FTS = (
    f"CREATE VIRTUAL TABLE IF NOT EXISTS {FTS_TABLE} USING fts5("
    "title, body, content='', tokenize='unicode61 remove_diacritics 0')"
)
DROP_FTS = f"DROP TABLE IF EXISTS {FTS_TABLE}"

#: the page size of a new database (an existing one keeps its own): an article body,
#: compressed, is about 2 KB, and two rarely fit a 4 KB page, which left 28% of the
#: documents table unused; in 8 KB pages 13% is (the whole database 3.6% smaller)
PAGE_SIZE = 8192


def _on_connect(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute(f"PRAGMA page_size={PAGE_SIZE}")  # before WAL: then it is fixed
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.execute("PRAGMA busy_timeout=10000")
        cursor.execute("PRAGMA temp_store=MEMORY")
    finally:
        cursor.close()


@contextmanager
def foreign_keys_off(conn: Connection) -> Iterator[None]:
    """Foreign keys off for what ``conn`` runs meanwhile, and on again after, whatever
    happens (SQLite turns them off only outside a transaction: one open is committed
    first, and one left open at the end is rolled back)."""
    conn.exec_driver_sql("PRAGMA foreign_keys=OFF")
    conn.commit()
    try:
        yield
    finally:
        conn.rollback()
        conn.exec_driver_sql("PRAGMA foreign_keys=ON")
        conn.commit()


def install_pragmas(engine: Engine) -> None:
    """WAL, foreign keys and a busy timeout on every new connection (and the page size
    of a new database)."""
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


#: a phrase is looked for in the index as each way of writing it, up to this many
PHRASE_SPELLINGS = 64


def phrase_expression(groups: Sequence[Sequence[str]]) -> str:
    """The groups one after another (any alternative of each) as adjacent tokens of a
    column: wherever words stand apart only by white space, and where punctuation or a
    line end parts them too. "" when there are more than ``PHRASE_SPELLINGS`` ways of
    writing them (:func:`match_expression` then finds a wider set, every group anywhere)."""
    alternatives = [[a for a in dict.fromkeys(group) if a] for group in groups]
    if not alternatives or math.prod(map(len, alternatives)) > PHRASE_SPELLINGS:
        return ""
    return " OR ".join(quote_term(" ".join(words)) for words in itertools.product(*alternatives))


def present_groups(conn: Connection, groups: Sequence[Sequence[str]]) -> list[list[str]]:
    """``groups`` without the alternatives that occur nowhere in the index; ``[]`` when a
    group is left with none (nothing can match). A query word expands to a dozen forms
    (بسوريا، لسوريا، سورية…) of which a corpus usually holds two or three; every phrase
    of the MATCH costs FTS5 work on each matching row, and an absent one adds nothing to
    the rows or their bm25, so the ranking is unchanged. Each look-up stops at the first
    row of the term's doclist (a few µs)."""
    sql = f"SELECT 1 FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH ? LIMIT 1"
    cursor = conn.connection.cursor()
    seen: dict[str, bool] = {}
    out: list[list[str]] = []
    try:
        for alternatives in groups:
            terms = [a for a in dict.fromkeys(alternatives) if a]
            if not terms:
                continue
            kept = []
            for term in terms:
                if term not in seen:
                    seen[term] = cursor.execute(sql, (quote_term(term),)).fetchone() is not None
                if seen[term]:
                    kept.append(term)
            if not kept:
                return []
            out.append(kept)
    finally:
        cursor.close()
    return out


#: A query matching more documents than this is ranked among its most recent matches
#: (the highest ids) only: ranking every match of a word found in most of 300,000
#: articles takes half a second, ranking this many takes a few milliseconds.
RANK_WINDOW = 2000


class Ranked(NamedTuple):
    """``(doc_id, score)`` best first, whether the ranking was of the window only, and
    how many documents match (when windowed: more than the window, which is counted)."""

    ids: list[tuple[int, float]]
    windowed: bool
    matches: int = 0


def fts_search(
    conn: Connection,
    match: str,
    *,
    outlet_id: int | None,
    date_from: str | None,
    date_to: str | None,
    limit: int,
    window: int | None = None,
    entity_id: int | None = None,
) -> Ranked:
    """``(doc_id, rank)`` best first, ties by id; bm25 with the title weighted above the body.

    Exact over all matches when there are at most ``max(window, limit)`` of them;
    otherwise the best of the most recently imported that many (FTS5 hands out matches in
    id order without scoring them, so finding where that window starts is cheap; bm25
    still uses the statistics of the whole index).

    FTS5 ranks alone: ``documents`` is not joined row by row (each lookup reads a row of
    the article table, which cost as much as the ranking itself). An outlet or date filter
    becomes the set of ids its index yields, which each match is checked against; the
    unary ``+`` keeps SQLite from handing that set to FTS5 as rowids to look up one by one.
    So does ``entity_id``: the documents that mention it.
    ``bm25()`` rather than the ``rank`` column: ``ORDER BY rank`` makes FTS5 sort every
    match in a nested statement, without the LIMIT."""
    where = f"{FTS_TABLE} MATCH ?"
    params: list[Any] = [match]
    filters = []
    if outlet_id is not None:
        filters.append("outlet_id = ?")
        params.append(outlet_id)
    if date_from:
        filters.append("published >= ?")
        params.append(date_from)
    if date_to:
        filters.append("published <= ?")
        params.append(date_to)
    if filters:
        where += f" AND +rowid IN (SELECT id FROM documents WHERE {' AND '.join(filters)})"
    if entity_id is not None:  # the documents that mention an actor
        where += " AND +rowid IN (SELECT document_id FROM mentions WHERE entity_id = ?)"
        params.append(entity_id)
    span = max(RANK_WINDOW if window is None else window, limit)
    newest = conn.exec_driver_sql(
        f"SELECT rowid FROM {FTS_TABLE} WHERE {where} ORDER BY rowid DESC LIMIT ?",
        (*params, span + 1),
    ).fetchall()
    if not newest:
        return Ranked([], False)
    windowed = len(newest) > span
    matches = len(newest)
    if windowed:  # more matches than the window: rank the newest only
        where += " AND rowid >= ?"
        params.append(int(newest[span - 1][0]))
    params.append(limit)
    sql = (
        f"SELECT rowid, bm25({FTS_TABLE}, 4.0, 1.0) AS score FROM {FTS_TABLE} "
        f"WHERE {where} ORDER BY score, rowid LIMIT ?"
    )
    rows = conn.exec_driver_sql(sql, tuple(params))
    return Ranked([(int(r[0]), float(r[1])) for r in rows], windowed, matches)
