"""Do entity edits give what a full analysis gives? Prints how many random edits do not.

An edit analyses again only the articles it touches (`desktop/entity_edits.py`); the
promise is the result a full analysis would give. The tests check every kind of edit on
the seed corpus. This check makes a generated corpus in which half the actors are people
no lexicon knows (`corpus.py`, ``new_names``), analyses it in full, then for each of
``--edits`` random edits (merge, ignore, retype, alias, split) compares, table by table,
the edited database with a full analysis of it, and the undone edit with the database
before it. It prints each edit that differs and how.

    uv run python tests/benchmarks/check_edits.py --docs 300 --edits 25 --seed 1
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import tempfile
from pathlib import Path

from desktop import entity_edits
from desktop.analysing import analyse_documents
from desktop.importing import import_paths
from desktop.store.store import Store
from tests.analysis.written import analysis_rows
from tests.benchmarks.corpus import articles

_TYPES = ("person", "organisation", "place", "group")


def _fresh(src: Path, dst: Path) -> None:
    for suffix in ("", "-wal", "-shm"):
        Path(f"{dst}{suffix}").unlink(missing_ok=True)
    shutil.copy(src, dst)


def _edit(store: Store, op: str, a: int, b: int, rng: random.Random) -> bool:
    """Make the edit; False when it cannot be made (an entity without an alias...)."""
    try:
        if op == "merge":
            entity_edits.merge(store, str(a), str(b))
        elif op == "ignore":
            entity_edits.ignore(store, str(a))
        elif op == "retype":
            entity_edits.retype(store, str(a), rng.choice(_TYPES))
        elif op == "alias":
            entity_edits.add_alias(store, str(a), store.entity_by_id(b)[1])
        else:
            aliases = [x for x, _o in store.entity_aliases(a) if x != store.entity_by_id(a)[1]]
            if not aliases:
                return False
            entity_edits.split(store, str(a), aliases[0])
    except entity_edits.EditError:
        return False
    return True


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--docs", type=int, default=300)
    p.add_argument("--edits", type=int, default=25)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--new-names", type=float, default=0.5, help="see bench_scale.py")
    p.add_argument("--rows", type=int, default=0, help="print this many differing rows")
    a = p.parse_args()
    work = Path(tempfile.mkdtemp(prefix="tabayun-edits-"))
    src = work / "corpus"
    src.mkdir()
    with (src / "articles.jsonl").open("w", encoding="utf-8") as f:
        for art in articles(a.docs, new_names=a.new_names):
            f.write(json.dumps(art, ensure_ascii=False) + "\n")
    base = work / "base.db"
    store = Store.open(base)
    import_paths(store, [src])
    analyse_documents(store, full=True, workers=1)
    rows = store.entity_rows()
    store.close()
    rng = random.Random(a.seed)
    made = differ = 0
    for _ in range(a.edits):
        op = rng.choice(["merge", "ignore", "retype", "alias", "split"])
        one, other = rng.sample(rows, 2)
        db = work / "edited.db"
        _fresh(base, db)
        store = Store.open(db)
        before = analysis_rows(db)
        if not _edit(store, op, one.id, other.id, rng):
            store.close()
            continue
        made += 1
        after = analysis_rows(db)
        analyse_documents(store, full=True, workers=1)
        full = analysis_rows(db)
        entity_edits.undo_last(store)
        undone = analysis_rows(db)
        store.close()
        not_full = {k: len(set(after[k]) ^ set(full[k])) for k in after if after[k] != full[k]}
        not_before = {
            k: len(set(undone[k]) ^ set(before[k])) for k in before if undone[k] != before[k]
        }
        if not_full or not_before:
            differ += 1
            print(f"{op} «{one.name}» ({one.type}, {one.origin}) «{other.name}»")
            print(
                f"   rows unlike a full analysis: {not_full}; unlike before, undone: {not_before}"
            )
            for k in list(not_full)[:1]:
                print("   edited only:", sorted(set(after[k]) - set(full[k]), key=repr)[: a.rows])
                print("   full only:  ", sorted(set(full[k]) - set(after[k]), key=repr)[: a.rows])
            for k in list(not_before)[:1]:
                print(
                    "   undone only:", sorted(set(undone[k]) - set(before[k]), key=repr)[: a.rows]
                )
                print(
                    "   before only:", sorted(set(before[k]) - set(undone[k]), key=repr)[: a.rows]
                )
    print(f"{made} edits made, {differ} unlike a full analysis or, undone, unlike before")
    shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
