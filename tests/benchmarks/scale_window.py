"""The window side of bench_scale.py, run in a child process (offscreen) so that the
benchmark's own memory and imports do not blur the figures. Prints one JSON object.

    python tests/benchmarks/scale_window.py pane DB '{"docs": [1, 2, 3]}'
    python tests/benchmarks/scale_window.py memory DB '{"doc": 1, "query": "جنيف", "entity": 5}'

``pane``: the reader pane opening each document with its marks (store reads, text, marks,
layout), and the entity sidebar's refresh. ``memory``: the main window opened on the
database, a document opened, a search run and the top entity selected, then the peak
and current resident memory of the process.
"""

from __future__ import annotations

import json
import os
import statistics
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from PySide6.QtWidgets import QApplication

from desktop.store.store import Store
from desktop.ui.fonts import register_fonts


def measure_pane(app: QApplication, store: Store, docs: list[int]) -> dict[str, Any]:
    from desktop.ui.document_pane import DocumentPane
    from desktop.ui.entity_sidebar import EntitySidebar
    from desktop.ui.workers import TaskRunner

    pane = DocumentPane(store)
    pane.resize(900, 800)
    pane.show()
    if docs:  # fonts and shaping caches: the first document is opened once untimed
        pane.show_document(docs[0])
        app.processEvents()
    open_ms = []
    for doc_id in docs:
        t0 = time.perf_counter()
        pane.show_document(doc_id)
        app.processEvents()
        open_ms.append((time.perf_counter() - t0) * 1000)
    sidebar = EntitySidebar(store, TaskRunner())
    sidebar.show()
    refresh_ms = []
    for _ in range(5):
        t0 = time.perf_counter()
        sidebar.refresh()
        app.processEvents()
        refresh_ms.append((time.perf_counter() - t0) * 1000)
    return {"open_ms": open_ms, "sidebar_refresh_ms": statistics.median(refresh_ms)}


def measure_memory(
    app: QApplication, store: Store, doc: int | None, query: str, entity: int | None
) -> dict[str, Any]:
    from desktop.ui.app import TabayunApp, make_settings
    from desktop.ui.settings import Preferences

    tapp = TabayunApp(app, store, Preferences(make_settings()))
    tapp.persist_state = False
    window = tapp.start("en", "light")
    window.show()
    app.processEvents()
    tapp.settle()
    if doc is not None:
        window.open_document(doc)
    window.library.search_box.setText(query)
    window.library.run_search()
    if entity is not None:
        window.sidebar.select_entity(entity)
        window.select_entity(entity)
    tapp.settle()
    app.processEvents()
    status = {}
    for line in Path("/proc/self/status").read_text().splitlines():
        key, _, value = line.partition(":")
        status[key] = value.strip()
    return {
        "hwm_mb": int(status["VmHWM"].split()[0]) / 1024,
        "rss_mb": int(status["VmRSS"].split()[0]) / 1024,
    }


def main() -> int:
    mode, db, args = sys.argv[1], sys.argv[2], json.loads(sys.argv[3])
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = QApplication(sys.argv[:1])
    register_fonts()
    store = Store.open(db)
    if mode == "pane":
        out = measure_pane(app, store, args["docs"])
    elif mode == "memory":
        out = measure_memory(app, store, args.get("doc"), args["query"], args.get("entity"))
    else:
        raise SystemExit(f"unknown mode {mode!r}")
    store.close()
    print(json.dumps(out))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
