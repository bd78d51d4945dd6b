"""Use cases shared by the command line and the window."""

from __future__ import annotations

from pathlib import Path

from desktop.analysing import analyse_documents
from desktop.importing import ImportReport, import_paths
from desktop.progress import Progress
from desktop.store.store import Store
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
