"""What an analysis wrote, read back for comparing two databases (edits against a full
analysis): rows sorted, entities named by key, not by id (ids differ between runs)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

#: table → (query, positions of the entity ids in its rows)
_WRITTEN = {
    "mentions": ("SELECT document_id, start, end, entity_id, kind FROM mentions", (3,)),
    "labels": (
        "SELECT document_id, start, end, entity_id, speaker_entity_id FROM labels",
        (3, 4),
    ),
    "quotes": ("SELECT document_id, start, end, speaker_entity_id, verb FROM quotes", (3,)),
    "participants": (
        "SELECT e.document_id, e.start, p.entity_id FROM event_participants p "
        "JOIN events e ON e.id = p.event_id",
        (2,),
    ),
    "counts": ("SELECT entity_id, mentions, documents FROM entity_stats", (0,)),
}


def analysis_rows(db: Path) -> dict[str, list[tuple[object, ...]]]:
    """Everything the analysis wrote to ``db``, entities by key."""
    c = sqlite3.connect(db)
    try:
        key = dict(c.execute("SELECT id, coalesce(key, 'id:' || id) FROM entities"))
        found = {}
        for name, (sql, entity_columns) in _WRITTEN.items():
            rows = []
            for row in c.execute(sql):
                cells = list(row)
                for i in entity_columns:
                    cells[i] = key.get(cells[i])
                rows.append(tuple(cells))
            found[name] = sorted(rows, key=repr)
        return found
    finally:
        c.close()
