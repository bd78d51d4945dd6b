"""What an import stored and said, by file name: for tests of readers of tables."""

from __future__ import annotations

from pathlib import Path

from desktop.importing import ImportReport
from desktop.store.store import Store


def imported(store: Store) -> dict[str, tuple[str | None, str | None, str, str]]:
    """Each document by its source's name (and row): its title, outlet, date and text."""
    rows = list(store.documents())
    texts = store.texts([r.id for r in rows])
    return {
        Path(r.source_path).name: (r.title, r.outlet, str(r.published), texts[r.id]) for r in rows
    }


def said(report: ImportReport) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """What the report skipped and noted, by file name."""
    return (
        sorted((Path(s).name, why) for s, why in report.skipped),
        sorted((Path(s).name, note) for s, note in report.notes),
    )
