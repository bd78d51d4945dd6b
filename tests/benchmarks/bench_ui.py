"""Benchmark of the window: start-up to a usable window, and how long the GUI thread is
ever blocked while an import and its analysis run in the background. Prints figures.

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


def blocking_during_import(db: Path, folder: Path) -> tuple[list[int], float, int]:
    """(gaps between 10 ms timer ticks in ms, seconds the import took, documents)."""
    from PySide6.QtCore import QElapsedTimer, QTimer
    from PySide6.QtWidgets import QApplication

    from desktop.store.store import Store
    from desktop.ui.import_controller import ImportController
    from desktop.ui.workers import TaskRunner

    app = QApplication.instance() or QApplication(sys.argv[:1])
    store = Store.open(db)
    runner = TaskRunner()
    from PySide6.QtWidgets import QWidget

    host = QWidget()
    controller = ImportController(store, runner, host, show_report=False)
    clock = QElapsedTimer()
    clock.start()
    gaps: list[int] = []
    last = [clock.elapsed()]

    def tick() -> None:
        now = clock.elapsed()
        gaps.append(now - last[0])
        last[0] = now

    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(tick)
    done: list[object] = []
    controller.finished.connect(done.append)
    began = time.perf_counter()
    controller.start([folder])
    timer.start()
    while not done:
        app.processEvents()
        time.sleep(0.001)
    seconds = time.perf_counter() - began
    timer.stop()
    runner.wait()
    outcome = done[0]
    store.close()
    return gaps, seconds, len(outcome.imported.imported)  # type: ignore[attr-defined]


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
        gaps, seconds, docs = blocking_during_import(Path(tmp) / "big.db", folder)
        gaps.sort()

    figures = {
        "startup_to_usable_window_s_median": round(sorted(times)[len(times) // 2], 3),
        "startup_runs_s": [round(t, 3) for t in times],
        "import_and_analysis_docs": docs,
        "import_and_analysis_s": round(seconds, 1),
        "gui_tick_gap_ms_p50": gaps[len(gaps) // 2] if gaps else 0,
        "gui_tick_gap_ms_p99": gaps[int(len(gaps) * 0.99)] if gaps else 0,
        "gui_tick_gap_ms_max": gaps[-1] if gaps else 0,
        "gui_gaps_over_100ms": sum(1 for g in gaps if g > 100),
        "gui_ticks": len(gaps),
    }
    if a.json:
        print(json.dumps(figures))
    else:
        for k, v in figures.items():
            print(f"{k:>36}: {v}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
