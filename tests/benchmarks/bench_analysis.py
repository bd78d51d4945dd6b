"""Benchmark of import and entity analysis over a generated corpus. Prints figures.

uv run python tests/benchmarks/bench_analysis.py --docs 30000
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from desktop.analysing import analyse_documents
from desktop.importing import import_paths
from desktop.store.store import Store
from tests.benchmarks.corpus import write_corpus


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--docs", type=int, default=30_000)
    p.add_argument("--json", action="store_true")
    a = p.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "corpus"
        t0 = time.perf_counter()
        size = write_corpus(folder, a.docs)
        gen = time.perf_counter() - t0
        store = Store.open(Path(tmp) / "bench.db")
        t0 = time.perf_counter()
        report = import_paths(store, [folder])
        t_import = time.perf_counter() - t0
        t0 = time.perf_counter()
        analysis = analyse_documents(store)
        t_analyse = time.perf_counter() - t0
        db_size = (Path(tmp) / "bench.db").stat().st_size
        store.close()
    figures = {
        "documents": len(report.imported),
        "text_mb": round(size / 1e6, 1),
        "generate_s": round(gen, 2),
        "import_s": round(t_import, 2),
        "import_docs_per_s": round(len(report.imported) / t_import, 1),
        "analyse_s": round(t_analyse, 2),
        "analyse_docs_per_s": round(analysis.documents / t_analyse, 1),
        "mentions": analysis.mentions,
        "mentions_per_s": round(analysis.mentions / t_analyse, 1),
        "db_mb": round(db_size / 1e6, 1),
    }
    if a.json:
        print(json.dumps(figures))
    else:
        for k, v in figures.items():
            print(f"{k:>20}: {v}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
