"""Shared fixtures: offscreen Qt, a fresh database per test, no dangling threads."""

from __future__ import annotations

import os
import shutil
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO / "seeds"


@pytest.fixture(autouse=True)
def _isolated_settings(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No test reads or writes the real user's data or settings."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("TABAYUN_DB", str(home / "default.db"))


@pytest.fixture(autouse=True)
def _no_dangling_threads() -> Iterator[None]:
    """Fail a test that leaves a Python thread running behind it."""
    before = set(threading.enumerate())
    yield
    leftover = [
        t for t in threading.enumerate() if t not in before and t.is_alive() and not t.daemon
    ]
    for t in leftover:
        t.join(timeout=5)
    still = [t.name for t in leftover if t.is_alive()]
    assert not still, f"threads left running: {still}"


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "tabayun.db"


@pytest.fixture
def store(db_path: Path) -> Iterator[Store]:  # noqa: F821
    from desktop.store.store import Store

    s = Store.open(db_path)
    yield s
    s.close()


@pytest.fixture
def seeds_copy(tmp_path: Path) -> Path:
    """The seed corpus copied where a test may change it."""
    target = tmp_path / "seeds"
    shutil.copytree(SEEDS, target)
    return target


@pytest.fixture
def seeded_store(store: Store) -> Store:  # noqa: F821
    from desktop.importing import import_paths

    report = import_paths(store, [SEEDS])
    assert len(report.imported) == 5, report.skipped
    return store


@pytest.fixture
def analysed(seeded_store: Store) -> Store:  # noqa: F821
    """The seed corpus, imported and analysed."""
    from desktop.analysing import analyse_documents

    analyse_documents(seeded_store)
    return seeded_store


@contextmanager
def one_article(folder: Path, name: str, text: str) -> Iterator[tuple[Store, str]]:  # noqa: F821
    """A store in ``folder`` holding ``text`` alone, imported from ``name``.txt, and the
    text as stored."""
    from desktop.importing import import_paths
    from desktop.store.store import Store

    store = Store.open(folder / f"{name}.db")
    try:
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
        (doc_id,) = [d for _path, d in import_paths(store, [folder / f"{name}.txt"]).imported]
        yield store, store.document(doc_id).text
    finally:
        store.close()
