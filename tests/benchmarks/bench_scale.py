"""Scale and speed: a corpus of tens of thousands of articles on a laptop. Imports and
analyses a generated corpus (or a folder), then measures what a user waits for: full-text
search (beside a bare FTS5 query over the same text and ripgrep over the files), the
entity sidebar, opening a document, comparing two articles, an actor's frame, start-up
and resident memory. Prints figures with their targets (not a timed test).

    uv run python tests/benchmarks/bench_scale.py --docs 30000
    uv run python tests/benchmarks/bench_scale.py --folder PATH          # a corpus of yours
    uv run python tests/benchmarks/bench_scale.py --scaling 3000,10000,30000
    uv run python tests/benchmarks/bench_scale.py --search-only --docs 300000
    options: --json (one object; a list with --scaling), --keep DIR, --repeats N
"""

from __future__ import annotations

import argparse
import json
import math
import os
import random
import resource
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from desktop.analysing import analyse_documents
from desktop.compare.comparison import compare_documents
from desktop.compare.corpus import FRAME_LABEL_KINDS, frame
from desktop.importing import import_paths
from desktop.search import search
from desktop.store.rows import DocumentRow
from desktop.store.store import Store
from tests.benchmarks.bench_ui import startup
from tests.benchmarks.corpus import write_corpus
from tests.databases import copy_database

#: words, names and phrases of the generated corpus (which recombines the seed articles),
#: spelling variants the app should still find, and one word that is not there
QUERIES = (
    # single words
    "جنيف", "إدلب", "سوريا", "روسيا", "أستانا", "دمشق", "موسكو", "الرقة", "حماة", "داعش",
    "المعارضة", "الإرهاب", "محادثات", "التصعيد", "المدنيين", "الدستورية",
    # names
    "دي ميستورا", "بيدرسون", "لافروف", "الجعفري", "بشار الأسد", "كوفي عنان", "غوتيريش",
    "وليد المعلم",
    # phrases
    "مجلس الأمن", "الأمم المتحدة", "وقف إطلاق النار", "الحكومة السورية", "الأعمال العدائية",
    "هيئة تحرير الشام", "الأزمة السورية", "الحل السياسي", "خفض التصعيد", "وزير الخارجية",
    "الولايات المتحدة", "المبعوث الأممي", "الأمين العام",
    # spelling variants
    "استانا", "الامم المتحده", "سورية", "ادلب", "وقف اطلاق النار", "ميستورا",
    # absent
    "كورونا",
)  # fmt: skip
#: hits per query, for the app and the bare FTS5 query alike (the library asks for 100)
SEARCH_LIMIT = 20
#: FTS5's ``rank`` is ``bm25(t)``; ordering by it lets FTS5 sort before the snippets are cut, so
#: only the rows returned get one (``ORDER BY bm25(t)`` cuts a snippet for every match first)
BARE_SQL = (
    "SELECT rowid, snippet(t, 1, '[', ']', '…', 12) FROM t WHERE t MATCH ? ORDER BY rank LIMIT ?"
)
OPEN_DOCS = 20
COMPARE_PAIRS = 10
FRAME_ACTORS = 5
STARTUP_RUNS = 3
SEED = 11
MB = 1_000_000


def log(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


# ---- figures --------------------------------------------------------------------------------
@dataclass(frozen=True)
class Timing:
    """Milliseconds over repeated runs."""

    n: int
    p50: float
    p95: float
    max: float

    @classmethod
    def of(cls, ms: Sequence[float]) -> Timing | None:
        if not ms:
            return None
        s = sorted(ms)
        p95 = s[max(0, math.ceil(0.95 * len(s)) - 1)]
        return cls(len(s), round(statistics.median(s), 2), round(p95, 2), round(s[-1], 2))


@dataclass
class Figures:
    documents: int = 0
    corpus_mb: float = 0.0  # the files imported
    text_mb: float = 0.0  # the articles' text (UTF-8) as stored
    generate_s: float | None = None
    import_s: float = 0.0
    analyse_s: float | None = None
    mentions: int | None = None
    peak_rss_self_mb: float = 0.0  # ru_maxrss during import + analysis
    peak_rss_children_mb: float = 0.0  # the analysis worker processes
    db_mb: float = 0.0
    wal_mb: float = 0.0
    search: Timing | None = None
    bare: Timing | None = None
    bare_build_s: float | None = None
    rg: Timing | None = None
    #: how many of the queries find anything, per engine
    queries_found: dict[str, int] = field(default_factory=dict)
    sidebar_ms: float | None = None
    sidebar_refresh_ms: float | None = None  # the sidebar widget, model included
    sidebar_filter: Timing | None = None  # what a filter reads, over FILTERS
    open_store: Timing | None = None
    open_pane: Timing | None = None
    compare: Timing | None = None
    compare_longest_ms: float | None = None
    frame: Timing | None = None
    frame_actors: list[str] = field(default_factory=list)
    startup_s: float | None = None
    startup_runs_s: list[float] = field(default_factory=list)
    memory_hwm_mb: float | None = None
    memory_rss_mb: float | None = None
    #: a merge of the two most mentioned people: the actors merged, the articles it
    #: analyses again, when it shows (its analysis begins) and when it ends
    edit_actors: str = ""
    edit_documents: int | None = None
    edit_shown_s: float | None = None
    edit_s: float | None = None
    not_measured: list[str] = field(default_factory=list)
    #: measurements that broke (a child process that failed): the exit status is 1
    failed: list[str] = field(default_factory=list)

    @property
    def total_s(self) -> float:
        return self.import_s + (self.analyse_s or 0.0)

    @property
    def db_ratio(self) -> float | None:
        return (self.db_mb + self.wal_mb) / self.text_mb if self.text_mb else None

    @property
    def app_vs_bare(self) -> float | None:
        return _ratio(
            self.search.p95 if self.search else None, self.bare.p95 if self.bare else None
        )

    @property
    def rg_speedup(self) -> float | None:
        return _ratio(self.rg.p50 if self.rg else None, self.search.p50 if self.search else None)

    def per_s(self, seconds: float | None) -> float | None:
        return round(self.documents / seconds, 1) if seconds else None

    def as_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d.update(
            total_s=round(self.total_s, 2),
            import_docs_per_s=self.per_s(self.import_s),
            analyse_docs_per_s=self.per_s(self.analyse_s),
            total_docs_per_s=self.per_s(self.total_s),
            db_ratio=_round(self.db_ratio, 2),
            app_vs_bare_p95=_round(self.app_vs_bare, 2),
            rg_speedup_p50=_round(self.rg_speedup, 1),
        )
        return d


def _ratio(a: float | None, b: float | None) -> float | None:
    return a / b if a is not None and b else None


def _round(x: float | None, digits: int) -> float | None:
    return None if x is None else round(x, digits)


def _time_ms(fn: Callable[[], object]) -> float:
    t0 = time.perf_counter()
    fn()
    return (time.perf_counter() - t0) * 1000


def _times_ms(fn: Callable[[], object], runs: int) -> list[float]:
    return [_time_ms(fn) for _ in range(runs)]


# ---- 1. import, analysis, size ----------------------------------------------------------------
def folder_bytes(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def import_and_analyse(store: Store, folder: Path, fig: Figures, analyse: bool) -> None:
    log("importing…")
    t0 = time.perf_counter()
    report = import_paths(store, [folder])
    fig.import_s = round(time.perf_counter() - t0, 2)
    fig.documents = len(report.imported)
    if analyse:
        log(f"analysing {fig.documents} documents…")
        t0 = time.perf_counter()
        analysis = analyse_documents(store)
        fig.analyse_s = round(time.perf_counter() - t0, 2)
        fig.mentions = analysis.mentions
    # ru_maxrss is in KiB on Linux
    fig.peak_rss_self_mb = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
    fig.peak_rss_children_mb = round(
        resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024, 1
    )


def database_size(store: Store, db: Path, fig: Figures) -> None:
    with store.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    wal = db.with_name(db.name + "-wal")
    fig.db_mb = round(db.stat().st_size / MB, 1)
    fig.wal_mb = round(wal.stat().st_size / MB, 1) if wal.exists() else 0.0


# ---- 2-4. search: the app, a bare FTS5 table, ripgrep ----------------------------------------
def iter_texts(
    store: Store, rows: Sequence[DocumentRow], batch: int = 500
) -> Iterator[tuple[DocumentRow, str]]:
    for lo in range(0, len(rows), batch):
        chunk = rows[lo : lo + batch]
        texts = store.texts([r.id for r in chunk])
        for r in chunk:
            yield r, texts[r.id]


def build_bare_index(store: Store, rows: Sequence[DocumentRow], path: Path, fig: Figures) -> None:
    """A plain FTS5 table over the raw titles and texts; also counts the text's bytes."""
    log("building the bare FTS5 table…")
    path.unlink(missing_ok=True)
    con = sqlite3.connect(path)
    con.execute("PRAGMA journal_mode=OFF")
    con.execute("PRAGMA synchronous=OFF")
    con.execute("CREATE VIRTUAL TABLE t USING fts5(title, body)")
    text_bytes, inserting = 0, 0.0
    for row, text in iter_texts(store, rows):
        text_bytes += len(text.encode("utf-8"))
        t0 = time.perf_counter()
        con.execute("INSERT INTO t(rowid, title, body) VALUES (?, ?, ?)", (row.id, row.title, text))
        inserting += time.perf_counter() - t0
    t0 = time.perf_counter()
    con.commit()
    con.close()
    fig.bare_build_s = round(inserting + time.perf_counter() - t0, 2)
    fig.text_mb = round(text_bytes / MB, 1)


def timed_queries(run: Callable[[str], int], repeats: int) -> tuple[Timing | None, int]:
    """Every query once untimed (warm caches), then ``repeats`` timed passes; returns the
    timing and how many queries found something."""
    found = sum(1 for q in QUERIES if run(q) > 0)
    ms: list[float] = []
    for _ in range(repeats):
        for q in QUERIES:
            t0 = time.perf_counter()
            run(q)
            ms.append((time.perf_counter() - t0) * 1000)
    return Timing.of(ms), found


def search_app(store: Store, repeats: int, fig: Figures) -> None:
    log("timing the app's search…")
    fig.search, fig.queries_found["app"] = timed_queries(
        lambda q: len(search(store, q, limit=SEARCH_LIMIT)), repeats
    )


def search_bare(path: Path, repeats: int, fig: Figures) -> None:
    log("timing the bare FTS5 query…")
    con = sqlite3.connect(path)

    def run(q: str) -> int:
        match = '"' + q.replace('"', '""') + '"'  # a phrase, as the user typed it
        return len(con.execute(BARE_SQL, (match, SEARCH_LIMIT)).fetchall())

    fig.bare, fig.queries_found["bare_fts5"] = timed_queries(run, repeats)
    con.close()


def ripgrep() -> str | None:
    found = shutil.which("rg")
    if found:
        return found
    return "/usr/bin/rg" if Path("/usr/bin/rg").exists() else None


def search_rg(folder: Path, repeats: int, fig: Figures) -> None:
    rg = ripgrep()
    if rg is None:
        fig.not_measured.append("ripgrep: rg is not installed")
        return
    log("timing ripgrep over the files…")

    def run(q: str) -> int:
        out = subprocess.run(
            [rg, "-c", "--fixed-strings", "--no-ignore", "--no-messages", q, str(folder)],
            capture_output=True,
            text=True,
        ).stdout
        return sum(int(line.rsplit(":", 1)[-1]) for line in out.splitlines() if line)

    fig.rg, fig.queries_found["ripgrep"] = timed_queries(run, repeats)


# ---- 5-8. sidebar, opening documents, compare, frame -----------------------------------------
#: the entities of a type the sidebar reads at first (``entity_model.PAGE_ROWS``; not
#: imported: this process keeps Qt out)
SIDEBAR_PAGE = 100


def sidebar(store: Store, fig: Figures) -> None:
    # what the sidebar reads on a refresh: the totals of each type and its first page, in
    # the order shown (counts kept in entity_stats, names' order keys with the entities)
    def read() -> None:
        store.entity_listing(first=SIDEBAR_PAGE)

    fig.sidebar_ms = round(statistics.median(_times_ms(read, 5)), 1)

    # what the filter reads as the user types: the same, of the matching entities only
    def read_matching(text: str) -> None:
        store.entity_listing(first=SIDEBAR_PAGE, matching=text)

    fig.sidebar_filter = Timing.of(
        [_time_ms(lambda t=t: read_matching(t)) for t in FILTERS for _ in range(3)]
    )


#: filter texts as typed: a letter, common name parts, a spelling with its spaces left out
FILTERS = ("م", "ال", "محمد", "الأمم", "روسي", "ديمستورا", "bashar")


def open_documents(store: Store, docs: Sequence[int], fig: Figures) -> None:
    def open_one(doc_id: int) -> None:
        store.document(doc_id)
        store.document_mentions(doc_id)

    if docs:
        open_one(docs[0])
    fig.open_store = Timing.of([_time_ms(lambda d=d: open_one(d)) for d in docs])


def compare_pairs(
    store: Store, rows: Sequence[DocumentRow], rng: random.Random, fig: Figures
) -> None:
    """The two longest articles, and random pairs among the longest tenth."""
    longest = sorted(rows, key=lambda r: -r.char_count)
    if len(longest) < 2:
        fig.not_measured.append("compare: fewer than two documents")
        return
    log("timing compare…")
    top = longest[0].id, longest[1].id
    first = _times_ms(lambda: compare_documents(store, *top), 3)
    fig.compare_longest_ms = round(statistics.median(first), 1)
    pool = [r.id for r in longest[: max(20, len(longest) // 10)]]
    ms = list(first)
    for _ in range(COMPARE_PAIRS):
        a, b = rng.sample(pool, 2)
        ms.append(_time_ms(lambda a=a, b=b: compare_documents(store, a, b)))
    fig.compare = Timing.of(ms)


def frames(store: Store, fig: Figures) -> None:
    """The frames of the most mentioned actors, and of the most labelled (whose frames
    count the most labels)."""
    summaries = store.entity_summaries()
    rows = sorted(summaries, key=lambda e: -e.mentions)[:FRAME_ACTORS]
    labelled = dict(store.most_labelled(FRAME_LABEL_KINDS, FRAME_ACTORS))
    named = {e.id for e in rows}
    rows += [e for e in summaries if e.id in labelled and e.id not in named]
    if not rows:
        fig.not_measured.append("frame: no entities")
        return
    log("timing frame…")
    ms = [_time_ms(lambda e=e: frame(store, e.id)) for e in rows]
    fig.frame = Timing.of(ms)
    fig.frame_actors = [
        f"{e.name} ({e.mentions} mentions, {labelled.get(e.id, 0)} labels, {m:.0f} ms)"
        for e, m in zip(rows, ms, strict=True)
    ]


# ---- 6, 9, 10. the window, in child processes --------------------------------------------------
def window_child(mode: str, db: Path, args: dict[str, Any], fig: Figures) -> dict[str, Any] | None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    script = Path(__file__).with_name("scale_window.py")
    done = subprocess.run(
        [sys.executable, str(script), mode, str(db), json.dumps(args)],
        env=env,
        capture_output=True,
        text=True,
    )
    if done.returncode != 0:
        tail = (done.stderr.strip().splitlines() or ["no output"])[-1]
        fig.failed.append(f"window ({mode}): {tail}")
        return None
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def reader_pane(db: Path, docs: Sequence[int], fig: Figures) -> None:
    log("timing the reader pane…")
    out = window_child("pane", db, {"docs": list(docs)}, fig)
    if out is not None:
        fig.open_pane = Timing.of(out["open_ms"])
        fig.sidebar_refresh_ms = round(out["sidebar_refresh_ms"], 1)


def cold_start(db: Path, fig: Figures) -> None:
    log("timing start-up…")
    try:
        runs = startup(db, runs=STARTUP_RUNS)
    except subprocess.CalledProcessError as exc:
        tail = (exc.stderr or "").strip().splitlines() or ["no output"]
        fig.failed.append(f"start-up: {tail[-1]}")
        return
    fig.startup_runs_s = [round(t, 3) for t in runs]
    fig.startup_s = round(statistics.median(runs), 3)


def memory(db: Path, doc: int | None, entity: int | None, fig: Figures) -> None:
    log("measuring memory with the window open…")
    out = window_child("memory", db, {"doc": doc, "query": QUERIES[0], "entity": entity}, fig)
    if out is not None:
        fig.memory_hwm_mb = round(out["hwm_mb"], 1)
        fig.memory_rss_mb = round(out["rss_mb"], 1)


def merge_edit(db: Path, fig: Figures) -> None:
    """Merge the second most mentioned person into the first, on a copy of the database
    (the kept one stays as imported): when the merge shows, and when its articles are
    analysed again."""
    from desktop import entity_edits
    from desktop.progress import NullProgress

    people = [e for e in Store.open(db).entity_summaries() if e.type == "person"]
    if len(people) < 2:
        fig.not_measured.append("merge: fewer than two people")
        return
    target, source = sorted(people, key=lambda e: -e.mentions)[:2]
    log("timing a merge…")
    copy = copy_database(db, db.with_name(db.stem + "-merge.db"))

    class Shown(NullProgress):
        def start(self, total: int, label: str) -> None:
            fig.edit_documents = total
            fig.edit_shown_s = round(time.perf_counter() - t0, 2)

    store = Store.open(copy)
    try:
        t0 = time.perf_counter()
        entity_edits.merge(store, str(target.id), str(source.id), progress=Shown())
        fig.edit_s = round(time.perf_counter() - t0, 2)
        fig.edit_actors = f"{source.name} into {target.name}"
    finally:
        store.close()
        for suffix in ("", "-wal", "-shm"):
            Path(f"{copy}{suffix}").unlink(missing_ok=True)


# ---- one corpus --------------------------------------------------------------------------------
@contextmanager
def workdir(keep: Path | None) -> Iterator[Path]:
    if keep is not None:
        keep.mkdir(parents=True, exist_ok=True)
        yield keep
    else:
        with tempfile.TemporaryDirectory(prefix="bench-scale-") as tmp:
            yield Path(tmp)


def measure(a: argparse.Namespace) -> Figures:
    fig = Figures()
    rng = random.Random(SEED)
    with workdir(a.keep) as work:
        if a.folder is not None:
            folder = a.folder
        else:
            folder = work / f"corpus-{a.docs}"
            log(f"generating {a.docs} articles…")
            t0 = time.perf_counter()
            write_corpus(folder, a.docs, new_names=a.new_names)
            fig.generate_s = round(time.perf_counter() - t0, 2)
        fig.corpus_mb = round(folder_bytes(folder) / MB, 1)
        db = work / f"bench-{a.docs if a.folder is None else folder.name}.db"
        for old in (db, db.with_name(db.name + "-wal"), db.with_name(db.name + "-shm")):
            old.unlink(missing_ok=True)
        store = Store.open(db)
        import_and_analyse(store, folder, fig, analyse=not a.search_only)
        database_size(store, db, fig)
        rows = store.documents()
        bare = db.with_suffix(".bare-fts5.sqlite")
        build_bare_index(store, rows, bare, fig)
        search_app(store, a.repeats, fig)
        search_bare(bare, a.repeats, fig)
        search_rg(folder, a.repeats, fig)
        if a.keep is None:
            bare.unlink()
        if a.search_only:
            fig.not_measured.append(
                "sidebar, documents, compare, frame, start-up, memory: --search-only"
            )
            store.close()
            return fig
        docs = rng.sample([r.id for r in rows], min(OPEN_DOCS, len(rows)))
        log("timing the sidebar and opening documents…")
        sidebar(store, fig)
        open_documents(store, docs, fig)
        compare_pairs(store, rows, rng, fig)
        frames(store, fig)
        top = store.entity_summaries()[:1]
        store.close()
        reader_pane(db, docs, fig)
        cold_start(db, fig)
        memory(db, docs[0] if docs else None, top[0].id if top else None, fig)
        merge_edit(db, fig)
    return fig


# ---- printing ---------------------------------------------------------------------------------
@dataclass(frozen=True)
class Line:
    label: str
    value: str
    target: str = ""
    ok: bool | None = None


def _at_most(x: float | None, limit: float) -> bool | None:
    return None if x is None else x <= limit


def _num(x: float | None, unit: str, spec: str = ".1f") -> str:
    return "—" if x is None else f"{x:{spec}} {unit}"


def _ms(t: Timing | None) -> str:
    return "—" if t is None else f"p50 {t.p50:.1f} · p95 {t.p95:.1f} · max {t.max:.1f} ms"


def lines(f: Figures) -> list[Line]:
    search_target = 30.0 if f.documents <= 30_000 else 50.0
    speed = f.per_s(f.total_s)
    out = [
        Line("documents", f"{f.documents:,}"),
        Line("corpus files / article text", f"{f.corpus_mb:.1f} MB / {f.text_mb:.1f} MB"),
        Line("import", f"{f.import_s:.1f} s ({f.per_s(f.import_s)} docs/s)"),
    ]
    if f.analyse_s is not None:
        out += [
            Line(
                "analysis",
                f"{f.analyse_s:.1f} s ({f.per_s(f.analyse_s)} docs/s, {f.mentions:,} mentions)",
            ),
            Line(
                "import + analysis",
                f"{f.total_s:.1f} s ({speed} docs/s)",
                "≥ 1,000 docs/s",
                None if speed is None else speed >= 1000,
            ),
        ]
    out += [
        Line(
            "peak RSS, import + analysis",
            f"{f.peak_rss_self_mb:.0f} MB (workers {f.peak_rss_children_mb:.0f} MB)",
        ),
        Line(
            "database (+ WAL) / text",
            f"{f.db_mb:.1f} (+{f.wal_mb:.1f}) MB = {f.db_ratio or 0:.2f}×",
            "≤ 3×",
            _at_most(f.db_ratio, 3.0),
        ),
        Line(
            "search, app",
            _ms(f.search),
            f"p95 ≤ {search_target:.0f} ms",
            _at_most(f.search.p95 if f.search else None, search_target),
        ),
        Line("search, bare FTS5", _ms(f.bare)),
        Line("bare FTS5 table built in", _num(f.bare_build_s, "s", ".2f")),
        Line(
            "app / bare FTS5 (p95)",
            f"{f.app_vs_bare:.2f}×" if f.app_vs_bare else "—",
            "≤ 1.5×",
            _at_most(f.app_vs_bare, 1.5),
        ),
        Line("search, ripgrep over the files", _ms(f.rg)),
        Line(
            "app faster than ripgrep (p50)",
            f"{f.rg_speedup:.1f}×" if f.rg_speedup else "—",
            "≥ 5× at 300k",
            None if f.rg_speedup is None or f.documents < 300_000 else f.rg_speedup >= 5,
        ),
        Line(
            "queries finding something",
            " · ".join(f"{k} {v}/{len(QUERIES)}" for k, v in f.queries_found.items()),
        ),
    ]
    if f.analyse_s is None:
        return out
    open_p95 = f.open_pane.p95 if f.open_pane else f.open_store.p95 if f.open_store else None
    out += [
        Line(
            "entity sidebar: what a refresh reads",
            _num(f.sidebar_ms, "ms median"),
            "≤ 100 ms",
            _at_most(f.sidebar_ms, 100),
        ),
        Line("entity sidebar: refresh (widget)", _num(f.sidebar_refresh_ms, "ms median")),
        Line(
            "entity sidebar: a filter's read",
            _ms(f.sidebar_filter),
            "≤ 100 ms",
            _at_most(f.sidebar_filter.p95 if f.sidebar_filter else None, 100),
        ),
        Line("open a document: store reads", _ms(f.open_store)),
        Line(
            "open a document: reader pane", _ms(f.open_pane), "p95 ≤ 50 ms", _at_most(open_p95, 50)
        ),
        Line("compare the two longest", _num(f.compare_longest_ms, "ms median")),
        Line(
            "compare long articles",
            _ms(f.compare),
            "median ≤ 100 ms",
            _at_most(f.compare.p50 if f.compare else None, 100),
        ),
        Line(
            "frame, most named and labelled",
            _ms(f.frame),
            "median ≤ 200 ms",
            _at_most(f.frame.p50 if f.frame else None, 200),
        ),
        Line(
            "cold start to a usable window",
            _num(f.startup_s, f"s median of {len(f.startup_runs_s)}", ".2f"),
            "≤ 1.5 s",
            _at_most(f.startup_s, 1.5),
        ),
        Line(
            "memory, window in use: peak / now",
            _num(f.memory_hwm_mb, f"/ {_num(f.memory_rss_mb, 'MB')}"),
            "peak ≤ 300 MB",
            _at_most(f.memory_hwm_mb, 300),
        ),
    ]
    if f.edit_s is not None:
        out.append(
            Line(
                "merge: shown / articles analysed",
                f"{_num(f.edit_shown_s, 's', '.2f')} / {f.edit_s:.1f} s "
                f"({f.edit_documents or 0:,} articles)",
            )
        )
    return out


def print_figures(f: Figures) -> None:
    for ln in lines(f):
        mark = {True: "✓", False: "✗", None: ""}[ln.ok]
        print(f"{ln.label:<36} {ln.value:<52} {ln.target:<16} {mark}".rstrip())
    for actor in f.frame_actors:
        print(f"{'':<36} frame: {actor}")
    if f.edit_actors:
        print(f"{'':<36} merge: {f.edit_actors}")
    for note in f.not_measured:
        print(f"not measured: {note}")
    for note in f.failed:
        print(f"FAILED: {note}")


TABLE = (
    ("size", lambda f: f"{f.documents:,}"),
    ("import s", lambda f: f"{f.import_s:.1f}"),
    ("analysis s", lambda f: "—" if f.analyse_s is None else f"{f.analyse_s:.1f}"),
    ("total s", lambda f: f"{f.total_s:.1f}"),
    ("docs/s", lambda f: f"{f.per_s(f.total_s)}"),
    ("db ratio", lambda f: f"{f.db_ratio or 0:.2f}×"),
    ("search p95", lambda f: _cell(f.search.p95 if f.search else None)),
    ("bare p95", lambda f: _cell(f.bare.p95 if f.bare else None)),
    ("sidebar", lambda f: _cell(f.sidebar_ms)),
    ("open p95", lambda f: _cell(f.open_pane.p95 if f.open_pane else None)),
    ("compare p50", lambda f: _cell(f.compare.p50 if f.compare else None)),
    ("frame p50", lambda f: _cell(f.frame.p50 if f.frame else None)),
    ("memory MB", lambda f: "—" if f.memory_hwm_mb is None else f"{f.memory_hwm_mb:.0f}"),
)  # fmt: skip


def _cell(ms: float | None) -> str:
    return "—" if ms is None else f"{ms:.1f}"


def print_table(figures: Sequence[Figures]) -> None:
    cells = [[cell(f) for _, cell in TABLE] for f in figures]
    widths = [max(len(h), *(len(row[i]) for row in cells)) for i, (h, _) in enumerate(TABLE)]
    print("  ".join(h.rjust(w) for (h, _), w in zip(TABLE, widths, strict=True)))
    for row in cells:
        print("  ".join(c.rjust(w) for c, w in zip(row, widths, strict=True)))
    print("(times in ms unless marked; memory is the window's peak resident set)")


# ---- main -------------------------------------------------------------------------------------
def from_dict(d: dict[str, Any]) -> Figures:
    known = {k: v for k, v in d.items() if k in Figures.__dataclass_fields__}
    for key in ("search", "bare", "rg", "open_store", "open_pane", "compare", "frame"):
        if known.get(key) is not None:
            known[key] = Timing(**known[key])
    return Figures(**known)


def scaling(a: argparse.Namespace, sizes: list[int]) -> list[Figures]:
    """Each size in a fresh process, so memory and caches start from nothing each time."""
    out = []
    for n in sizes:
        log(f"— {n:,} articles —")
        cmd = [sys.executable, __file__, "--docs", str(n), "--json", "--repeats", str(a.repeats)]
        if a.search_only:
            cmd.append("--search-only")
        if a.new_names:
            cmd += ["--new-names", str(a.new_names)]
        if a.keep is not None:
            cmd += ["--keep", str(a.keep)]
        done = subprocess.run(cmd, stdout=subprocess.PIPE, text=True, check=True)
        fig = from_dict(json.loads(done.stdout))
        if not a.json:
            print(f"\n== {n:,} articles ==")
            print_figures(fig)
        out.append(fig)
    return out


def main() -> int:
    p = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    p.add_argument("--docs", type=int, default=30_000, help="articles to generate")
    p.add_argument("--folder", type=Path, help="import this folder instead of generating")
    p.add_argument(
        "--scaling", help="comma-separated sizes, each run in turn, e.g. 3000,10000,30000"
    )
    p.add_argument(
        "--search-only", action="store_true", help="import without analysis; search figures only"
    )
    p.add_argument(
        "--new-names",
        type=float,
        default=0.0,
        metavar="SHARE",
        help="name this share of the actors with people no lexicon knows (e.g. 0.5)",
    )
    p.add_argument("--repeats", type=int, default=5, help="timed passes over the queries")
    p.add_argument("--keep", type=Path, help="work here and keep the corpus and database")
    p.add_argument("--json", action="store_true")
    a = p.parse_args()
    if a.scaling:
        if a.folder is not None:
            p.error("--scaling generates its corpora; it does not take --folder")
        figures = scaling(a, [int(x) for x in a.scaling.split(",") if x.strip()])
        if a.json:
            print(json.dumps([f.as_dict() for f in figures], ensure_ascii=False))
        else:
            print()
            print_table(figures)
        return 1 if any(f.failed for f in figures) else 0
    fig = measure(a)
    if a.json:
        print(json.dumps(fig.as_dict(), ensure_ascii=False))
    else:
        print_figures(fig)
    return 1 if fig.failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
