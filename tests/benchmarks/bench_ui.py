"""Benchmark of the window: start-up to a usable window, and how quick the window stays
while an import and its analysis run in the background (the window's timer held up, a
document opened and a search run as a person would meanwhile). Prints figures.

    uv run python tests/benchmarks/bench_ui.py [--docs 2000]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

STARTUP_CHILD = r"""
import os, sys, time
t0 = float(os.environ["TABAYUN_T0"])
from PySide6.QtWidgets import QApplication
app = QApplication(sys.argv[:1])
from desktop.store.store import Store
from desktop.ui.app import TabayunApp, make_settings
from desktop.ui.fonts import register_fonts
from desktop.ui.settings import Preferences
register_fonts()
store = Store.open(sys.argv[1])
tapp = TabayunApp(app, store, Preferences(make_settings()))
tapp.persist_state = False
window = tapp.start("en", "light")
window.show()
app.processEvents()
tapp.settle()
print(f"{time.time() - t0:.3f}")
"""


def startup(db: Path, runs: int = 5) -> list[float]:
    times = []
    for _ in range(runs):
        env = {**os.environ, "TABAYUN_T0": repr(time.time()), "QT_QPA_PLATFORM": "offscreen"}
        out = subprocess.run(
            [sys.executable, "-c", STARTUP_CHILD, str(db)],
            env=env,
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        times.append(float(out.strip().splitlines()[-1]))
    return times


#: what a person does while the import runs: open a document and search, this often
ACTION_MS = 400
QUERIES = ("دي ميستورا", "جنيف", "المعارضة السورية", "مجلس الأمن", "روسيا", "وقف إطلاق النار")
PHASES = ("import", "analysis", "idle")


def responsiveness(db: Path, folder: Path) -> tuple[dict[str, dict[str, list[float]]], float, int]:
    """The real window importing ``folder`` in the background, as from its menu, while a
    document is opened and a search run every ``ACTION_MS``: per phase (the import; its
    analysis, once the new documents are listed; then idle, 30 actions), the gaps between
    ticks of a 10 ms timer and how long each action took until painted, in ms. Also the
    seconds the import and analysis took, and the documents imported."""
    import random

    from PySide6.QtCore import QElapsedTimer, QTimer
    from PySide6.QtWidgets import QApplication

    from desktop.store.store import Store
    from desktop.ui.app import TabayunApp, make_settings
    from desktop.ui.fonts import register_fonts
    from desktop.ui.settings import Preferences

    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    register_fonts()
    store = Store.open(db)
    tapp = TabayunApp(app, store, Preferences(make_settings()))
    tapp.persist_state = False
    window = tapp.start("en", "light")
    window.resize(1440, 900)
    window.show()
    app.processEvents()
    window.importer.show_report = False
    figures: dict[str, dict[str, list[float]]] = {
        p: {"tick_gap": [], "open": [], "search": []} for p in PHASES
    }
    phase = ["import"]
    clock = QElapsedTimer()
    clock.start()
    last = [clock.elapsed()]

    def tick() -> None:
        now = clock.elapsed()
        figures[phase[0]]["tick_gap"].append(now - last[0])
        last[0] = now

    rng = random.Random(7)

    def act() -> None:
        ids = store.document_ids()
        if not ids:
            return
        began = time.perf_counter()
        window.open_document(rng.choice(ids))
        app.processEvents()
        figures[phase[0]]["open"].append((time.perf_counter() - began) * 1000)
        window.library.search_box.setText(rng.choice(QUERIES))
        began = time.perf_counter()
        window.library.run_search()
        app.processEvents()
        figures[phase[0]]["search"].append((time.perf_counter() - began) * 1000)

    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(tick)
    actor = QTimer()
    actor.setInterval(ACTION_MS)
    actor.timeout.connect(act)
    done: list[object] = []
    window.importer.imported.connect(lambda _n: phase.__setitem__(0, "analysis"))
    window.importer.finished.connect(done.append)
    window.importer.failed.connect(done.append)
    began = time.perf_counter()
    window.importer.start([folder])
    timer.start()
    actor.start()
    while not done:
        app.processEvents()
        time.sleep(0.001)
    seconds = time.perf_counter() - began
    actor.stop()
    phase[0] = "idle"
    for _ in range(30):
        act()
        pause = time.perf_counter()
        while time.perf_counter() - pause < ACTION_MS / 4000:
            app.processEvents()
            time.sleep(0.001)
    timer.stop()
    outcome = done[0]
    if isinstance(outcome, str):
        raise SystemExit(f"import failed: {outcome}")
    tapp.runner.wait()
    window.close()
    store.close()
    return figures, seconds, len(outcome.imported.imported)  # type: ignore[attr-defined]


def _pct(xs: list[float], p: float) -> float:
    xs = sorted(xs)
    return round(xs[min(len(xs) - 1, int(len(xs) * p))], 1) if xs else 0.0


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--docs", type=int, default=2000, help="articles imported while measuring")
    p.add_argument("--json", action="store_true")
    a = p.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

    from desktop.services import ensure_seeded
    from desktop.store.store import Store
    from tests.benchmarks.corpus import write_corpus

    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "seeds.db"
        store = Store.open(db)
        ensure_seeded(store, REPO / "seeds")
        store.close()
        times = startup(db)
        folder = Path(tmp) / "corpus"
        write_corpus(folder, a.docs, per_file=100)
        measured, seconds, docs = responsiveness(Path(tmp) / "big.db", folder)

    figures: dict[str, object] = {
        "startup_to_usable_window_s_median": round(sorted(times)[len(times) // 2], 3),
        "startup_runs_s": [round(t, 3) for t in times],
        "import_and_analysis_docs": docs,
        "import_and_analysis_s": round(seconds, 1),
    }
    for phase in PHASES:
        gaps = measured[phase]["tick_gap"]
        figures[f"{phase}_tick_gap_ms_p50_p95_max"] = [
            _pct(gaps, 0.5),
            _pct(gaps, 0.95),
            _pct(gaps, 1),
        ]
        figures[f"{phase}_ticks_held_over_100ms"] = sum(1 for g in gaps if g > 100)
        for action in ("open", "search"):
            xs = measured[phase][action]
            figures[f"{phase}_{action}_ms_n_p50_p95"] = [len(xs), _pct(xs, 0.5), _pct(xs, 0.95)]
    if a.json:
        print(json.dumps(figures))
    else:
        for k, v in figures.items():
            print(f"{k:>36}: {v}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
