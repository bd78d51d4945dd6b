"""Bulk inserts straight through the DBAPI cursor.

SQLAlchemy's executemany prepares every row's parameters in Python, which costs more than
SQLite's own insert for the hundreds of thousands of rows an analysis writes. Here each
column's bind processor (JSON, dates, booleans) is looked up once per call and applied to
that column only, and the rows go to ``cursor.executemany`` as tuples. Python-side column
defaults fill the columns the rows leave out.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from operator import itemgetter
from typing import Any

from sqlalchemy import Connection, bindparam, insert

from desktop.store.models import Base, core_table


def insert_many(conn: Connection, model: type[Base], rows: Sequence[Mapping[str, Any]]) -> None:
    """Insert ``rows`` (all with the same keys) into the model's table in one executemany."""
    if not rows:
        return
    keys = list(rows[0])
    pick = itemgetter(*keys)
    if len(keys) == 1:
        insert_rows(conn, model, keys, [(pick(r),) for r in rows])
    else:
        insert_rows(conn, model, keys, [pick(r) for r in rows])


def insert_rows(
    conn: Connection,
    model: type[Base],
    columns: Sequence[str],
    rows: Sequence[tuple[Any, ...]],
    *,
    encoded: Collection[str] = (),
) -> None:
    """Insert ``rows``, tuples of the values of ``columns`` in that order, in one
    executemany (the writers of many rows build tuples directly). The values of the
    ``encoded`` columns are already as the database holds them (JSON text, ISO dates)."""
    if not rows:
        return
    table = core_table(model)
    defaults: dict[str, Any] = {}
    for column in table.columns:
        default = column.default
        if column.key in columns or default is None or not hasattr(default, "arg"):
            continue
        arg = default.arg
        defaults[column.key] = arg(None) if callable(arg) else arg
    names = [*columns, *defaults]
    dialect = conn.dialect
    processors = [
        None if name in encoded else table.c[name].type.bind_processor(dialect) for name in names
    ]
    compiled = insert(table).values({n: bindparam(n) for n in names}).compile(dialect=dialect)
    constant = tuple(defaults.values())
    params = [r + constant for r in rows] if constant else list(rows)
    last = len(names) - 1
    for i, process in enumerate(processors):
        if process is None:
            continue
        if i == last:
            params = [(*p[:-1], process(p[-1])) for p in params]
        else:
            params = [(*p[:i], process(p[i]), *p[i + 1 :]) for p in params]
    if compiled.positional:
        order = [names.index(n) for n in compiled.positiontup or ()]
        if order != list(range(len(names))):
            reorder = itemgetter(*order)
            params = [reorder(p) for p in params]
        conn.exec_driver_sql(str(compiled), params)
    else:
        conn.exec_driver_sql(str(compiled), [dict(zip(names, p, strict=True)) for p in params])
