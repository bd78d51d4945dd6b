"""Use cases shared by the command line and the window."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from desktop.analysing import analyse_documents
from desktop.importing import ImportReport, import_paths
from desktop.progress import Progress
from desktop.store.store import OutletMove, Store
from desktop.store.writer import StoreBusyError

SEEDED_KEY = "seeds_imported"


def ensure_seeded(
    store: Store, seeds: Path, progress: Progress | None = None
) -> ImportReport | None:
    """On the first start with an empty database, import the bundled sample corpus.

    Done once per database: a user who later deletes the samples does not get them back.
    """
    if store.get_meta(SEEDED_KEY) or store.counts().documents:
        return None
    report = None
    try:
        with store.writing("import"):
            if seeds.is_dir():
                report = import_paths(store, [seeds], progress=progress)
                analyse_documents(store, [i for _s, i in report.imported], progress=progress)
            store.set_meta(SEEDED_KEY, "1")
    except StoreBusyError:  # another job is filling the database: it is not a first start
        return None
    return report


def set_outlet(store: Store, doc_ids: Sequence[int], outlet: str) -> OutletMove:
    """Give documents the outlet the user wrote: one the outlet directory knows by that
    name («سانا», «Syrian Arab News Agency») is the outlet an import gives that name, even
    one the user renamed; any other name is an outlet of its own ("" for none)."""
    name = " ".join(outlet.split())
    if not name:
        return store.set_outlet(doc_ids, "")
    from desktop.corpus.outlets import OutletDirectory

    name, name_ar, key = OutletDirectory.default().canonical(name)
    return store.set_outlet(doc_ids, name, name_ar, key)
