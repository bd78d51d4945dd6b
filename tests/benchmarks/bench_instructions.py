"""The analysis's cost in instructions per article, counted by valgrind's callgrind: the
same to a fraction of a percent from run to run, however busy or fast the machine is
(its seconds vary by ±10%, more than most single changes save). Prints figures; needs
``valgrind`` (Debian's package). Not a timed test.

uv run python tests/benchmarks/bench_instructions.py                  # this checkout
uv run python tests/benchmarks/bench_instructions.py --repo ../other  # another, same corpus

The analysis of the first ``--skip`` generated articles (lexicons loaded, caches warm)
and of ``--skip`` + ``--docs`` are counted in two runs; their difference divided by
``--docs`` is the figure. A digest of the outputs tells whether two checkouts analyse
alike.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve()
_COLLECTED_RE = re.compile(r"Collected\s*:\s*(\d+)")


def _analyse(repo: Path, db: Path, n: int) -> None:
    """The counted run: analyse the first ``n`` documents of ``db`` in this process,
    with ``repo``'s code, and print the digest of what was found."""
    sys.path.insert(0, str(repo))
    import gc

    from desktop import analysing
    from desktop.store.store import Store

    store = Store.open(db)
    lex, kb, fk = analysing.load_knowledge(store)
    ids = [r.id for r in store.documents()][:n]
    inputs = store.analysis_inputs(ids)
    gc.set_threshold(10_000, 10, 10)  # as the analysis's workers (BULK_GC_THRESHOLDS)
    out = [analysing.analyse_packed((i, *inputs[i][:4]), kb, fk, lex) for i in ids]
    digest = hashlib.md5(
        repr(
            [(p.mentions, p.labels, p.quotes, p.events, sorted(p.discovered)) for p in out]
        ).encode()
    ).hexdigest()
    print(f"digest {digest}")


def _count(repo: Path, db: Path, n: int) -> tuple[int, str]:
    """Instructions of one counted run, and its digest."""
    env = dict(os.environ, PYTHONHASHSEED="0")
    done = subprocess.run(
        [
            "valgrind",
            "--tool=callgrind",
            "--callgrind-out-file=/dev/null",
            sys.executable,
            str(HERE),
            "--analyse",
            str(n),
            "--repo",
            str(repo),
            "--db",
            str(db),
        ],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    )
    found = _COLLECTED_RE.search(done.stderr)
    if found is None:
        raise SystemExit(f"callgrind printed no count:\n{done.stderr[-2000:]}")
    digest = next(
        (line.split()[1] for line in done.stdout.splitlines() if line.startswith("digest")), ""
    )
    return int(found.group(1)), digest


def main() -> None:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--docs", type=int, default=200, help="articles counted (default 200)")
    ap.add_argument("--skip", type=int, default=20, help="articles analysed first, not counted")
    ap.add_argument("--repo", type=Path, default=HERE.parents[2], help="the checkout measured")
    ap.add_argument("--db", type=Path, help=argparse.SUPPRESS)
    ap.add_argument("--analyse", type=int, help=argparse.SUPPRESS)
    a = ap.parse_args()
    if a.analyse is not None:
        _analyse(a.repo.resolve(), a.db, a.analyse)
        return
    if shutil.which("valgrind") is None:
        raise SystemExit("valgrind is not installed (Debian: apt-get install valgrind)")
    sys.path.insert(0, str(HERE.parents[2]))
    from desktop.importing import import_paths
    from desktop.store.store import Store
    from tests.benchmarks.corpus import write_corpus

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "corpus"
        folder.mkdir()
        write_corpus(folder, a.skip + a.docs)
        db = Path(tmp) / "bench.db"
        store = Store.open(db)
        import_paths(store, [folder])
        store.close()
        before, _ = _count(a.repo.resolve(), db, a.skip)
        after, digest = _count(a.repo.resolve(), db, a.skip + a.docs)
    per_article = (after - before) / a.docs
    print(f"checkout                 {a.repo.resolve()}")
    print(f"articles counted         {a.docs} (after {a.skip})")
    print(f"instructions an article  {per_article / 1e6:.2f} M")
    print(f"outputs' digest          {digest}")


if __name__ == "__main__":
    main()
