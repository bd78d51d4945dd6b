"""Benchmark of import, analysis, comparison and frame over a generated corpus, and of
the analysis of long documents (articles joined into one: its time per 1,000 characters
should not grow with the length). Prints figures (not a timed test).

uv run python tests/benchmarks/bench_analysis.py --docs 30000
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from desktop.analysing import analyse_documents, analyse_one, load_knowledge
from desktop.compare.comparison import compare_documents
from desktop.compare.corpus import frame
from desktop.corpus.outlets import OutletDirectory
from desktop.corpus.readers import RawArticle
from desktop.importing import ImportOptions, import_paths, prepare
from desktop.store.store import Store
from tests.benchmarks.corpus import write_corpus

#: articles joined into one document
LONG = (1, 50, 200)


def long_documents(store: Store) -> dict[str, float]:
    """CPU ms per 1,000 characters to analyse one document made of n articles, as the
    importer prepares it (its repeated paragraphs skipped), and the same text without
    punctuation or line ends (one sentence: some corpora come that way)."""
    lex, kb, fk = load_knowledge(store)
    ids = [r.id for r in store.documents()][: max(LONG)]
    texts = store.texts(ids)
    outlets = OutletDirectory.default()
    out: dict[str, float] = {}
    for n in LONG:
        if n > len(ids):
            break
        joined = "\n\n".join(texts[i] for i in ids[:n])
        for name, text in (("", joined), (" flat", _FLAT_RE.sub(" ", joined).strip())):
            d = prepare(RawArticle(text=text, source="long", stem="long"), outlets, ImportOptions())
            repeated = [(a, b) for a, b, r in d.paragraphs if r]
            sentences = [(a, b) for _p, a, b in d.sentences]
            t0 = time.process_time()
            analyse_one((0, d.text, repeated, sentences, None), kb, fk, lex)
            cpu = time.process_time() - t0
            out[f"{n}{name}"] = round(cpu * 1000 / (len(d.text) / 1000), 3)
    return out


_FLAT_RE = re.compile(r"[.،,؛:!?؟\"«»“”()\s]+")


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
        # comparing the two longest articles, and the frame of the most mentioned actor
        longest = sorted(store.documents(), key=lambda r: -r.char_count)[:2]
        compare_times = []
        for _ in range(5):
            t0 = time.perf_counter()
            compare_documents(store, longest[0].id, longest[1].id)
            compare_times.append(time.perf_counter() - t0)
        top = store.entity_rows()[0]
        t0 = time.perf_counter()
        frame(store, top.id)
        t_frame = time.perf_counter() - t0
        long = long_documents(store)
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
        "compare_two_longest_ms_median": round(statistics.median(compare_times) * 1000, 1),
        "frame_top_actor_ms": round(t_frame * 1000, 1),
        "frame_top_actor": f"{top.name} ({top.mentions} mentions)",
        "long_document_ms_per_1000_chars": long,
    }
    if a.json:
        print(json.dumps(figures))
    else:
        for k, v in figures.items():
            print(f"{k:>20}: {v}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
