"""Regenerate tests/golden/entities.json and framing.json from the analysis of seeds/.

Run after an intended change (`uv run python tests/golden/make_entities_golden.py`), then
read the diff against the seed texts before committing it: the golden file is what a
person checked by hand.
"""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))


def _key(store, entity_id):  # type: ignore[no-untyped-def]
    return None if entity_id is None else store.entity_by_id(entity_id)[0]


def seed_framing() -> dict[str, dict[str, list[list[object]]]]:
    from desktop.analysing import analyse_documents
    from desktop.importing import import_paths
    from desktop.store.store import Store

    with tempfile.TemporaryDirectory() as tmp:
        store = Store.open(Path(tmp) / "golden.db")
        import_paths(store, [REPO / "seeds"])
        analyse_documents(store)
        out = {row.stem[:3]: framing_summary(store, row.id) for row in store.documents()}
        store.close()
    return out


def framing_summary(store, doc_id):  # type: ignore[no-untyped-def]
    """What the golden file records of one document's framing."""
    d = [doc_id]
    return {
        "labels": [
            [
                lb.kind,
                lb.text,
                lb.category,
                _key(store, lb.entity_id),
                _key(store, lb.speaker_entity_id),
            ]
            for lb in store.labels_for(documents=d)
        ],
        "quotes": [
            [q.kind, _key(store, q.speaker_entity_id), q.verb, q.text[:40]]
            for q in store.quotes_for(documents=d)
        ],
        "events": [
            [e.type, e.trigger, sorted(_key(store, i) for i, _n, _t in e.participants)]
            for e in store.events_for(documents=d)
        ],
    }


def seed_entities() -> dict[str, dict[str, list[str]]]:
    from desktop.analysing import analyse_documents
    from desktop.importing import import_paths
    from desktop.store.store import Store

    with tempfile.TemporaryDirectory() as tmp:
        store = Store.open(Path(tmp) / "golden.db")
        import_paths(store, [REPO / "seeds"])
        analyse_documents(store)
        out: dict[str, dict[str, list[str]]] = {}
        for row in store.documents():
            per: dict[str, set[str]] = {}
            for m, _name, _type in store.document_mentions(row.id):
                key = store.entity_by_id(m.entity_id)[0] or str(m.entity_id)
                per.setdefault(key, set()).add(m.surface)
            out[row.stem[:3]] = {k: sorted(v) for k, v in sorted(per.items())}
        store.close()
    return out


if __name__ == "__main__":
    target = REPO / "tests" / "golden" / "entities.json"
    target.write_text(
        json.dumps(seed_entities(), ensure_ascii=False, indent=1, sort_keys=True) + "\n",
        encoding="utf-8",
    )
    print(f"wrote {target}")
    target = REPO / "tests" / "golden" / "framing.json"
    target.write_text(
        json.dumps(seed_framing(), ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
    )
    print(f"wrote {target}")
