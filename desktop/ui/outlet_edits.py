"""Editing outlets from the window: giving documents an outlet (texts imported without
one, or under the wrong one) and renaming an outlet, or merging it into another by
giving it that one's name. The store does the work, in the task runner; the questions
go through the dialogs object given."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction

from desktop.store.rows import OutletRow
from desktop.store.store import OutletMove, Store, StoreError
from desktop.store.writer import StoreBusyError
from desktop.ui.workers import TaskRunner


class OutletDialogs(Protocol):
    """The questions outlet edits ask; replaced by a fake in tests."""

    def ask_text(self, title: str, label: str, default: str = "") -> str | None: ...
    def ask_item(self, title: str, label: str, items: Sequence[str]) -> str | None: ...
    def ask_name(
        self, title: str, label: str, names: Sequence[str], default: str = ""
    ) -> str | None: ...
    def confirm(self, title: str, text: str) -> bool: ...
    def error(self, title: str, text: str) -> None: ...


class OutletEditor(QObject):
    """Emits ``outlets_changed(str)``, what was done, once an edit is stored.

    ``selected`` gives the documents "Set outlet…" applies to; ``current_outlet`` the id
    of the outlet "Rename outlet…" renames (None: the user picks one)."""

    outlets_changed = Signal(str)

    def __init__(
        self,
        store: Store,
        runner: TaskRunner,
        dialogs: OutletDialogs,
        selected: Callable[[], list[int]],
        current_outlet: Callable[[], int | None],
        parent: Any = None,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.runner = runner
        self.dialogs = dialogs
        self._selected = selected
        self._current_outlet = current_outlet
        # an edit runs; another job holds the database (an import, its analysis)
        self._editing = False
        self._held = False
        self.set_action = QAction(self.tr("Set outlet…"), self)
        self.set_action.triggered.connect(lambda _checked=False: self.set_outlet())
        self.rename_action = QAction(self.tr("Rename outlet…"), self)
        self.rename_action.triggered.connect(lambda _checked=False: self.rename())

    @property
    def editing(self) -> bool:
        """Whether an edit runs (tests wait on it)."""
        return self._editing

    def set_held(self, held: bool) -> None:
        """No edit while an import or its analysis writes the outlets."""
        self._held = held
        self._update_actions()

    def _update_actions(self) -> None:
        free = not (self._editing or self._held)
        self.set_action.setEnabled(free)
        self.rename_action.setEnabled(free)

    # ---- giving documents an outlet -----------------------------------------------------
    def set_outlet(self) -> None:
        """Ask which outlet the selected documents are (one of the corpus's or a new
        name; empty for none) and give it to them."""
        ids = self._selected()
        if not ids or self._editing or self._held:
            return
        rows = self.store.documents(ids=ids[:200])
        ours = {r.outlet for r in rows}
        title = self.tr("Set outlet")
        label = (
            self.tr("Outlet of «{0}»:").format(rows[0].title[:60])
            if len(ids) == 1 and rows
            else self.tr("Outlet of the {0} selected documents:").format(f"{len(ids):,}")
        )
        names = [o.name for o in self.store.outlets()]
        default = (next(iter(ours)) or "") if len(ours) == 1 else ""
        answer = self.dialogs.ask_name(title, label, names, default)
        if answer is None:
            return
        store = self.store

        def task() -> OutletMove | _Failure:
            from desktop.services import set_outlet  # the engines: imported when used

            try:
                return set_outlet(store, ids, answer)
            except (StoreError, StoreBusyError) as exc:
                return _Failure(str(exc))

        self._run(task, title, lambda move: self._moved(move, answer))

    def _moved(self, move: Any, answer: str) -> str:
        assert isinstance(move, OutletMove)
        name = " ".join(answer.split())
        if move.moved == 0:
            said = self.tr("The documents had that outlet already")
        elif move.moved == 1:
            said = (
                self.tr("1 document given the outlet «{0}»").format(name)
                if name
                else self.tr("1 document given no outlet")
            )
        else:
            said = (
                self.tr("{0} documents given the outlet «{1}»").format(f"{move.moved:,}", name)
                if name
                else self.tr("{0} documents given no outlet").format(f"{move.moved:,}")
            )
        if move.removed:
            said += " · " + self.tr("left without documents, removed: {0}").format(
                self.tr(", ").join(move.removed)
            )
        return said

    # ---- renaming and merging -----------------------------------------------------------
    def rename(self) -> None:
        """Ask for an outlet's new name; a name another outlet has merges the two, once
        the user agrees."""
        if self._editing or self._held:
            return
        outlets = self.store.outlets()
        if not outlets:
            return
        title = self.tr("Rename outlet")
        chosen = next((o for o in outlets if o.id == self._current_outlet()), None)
        if chosen is None:
            names = [o.name for o in outlets]
            picked = self.dialogs.ask_item(title, self.tr("Outlet to rename:"), names)
            if picked is None:
                return
            chosen = outlets[names.index(picked)]
        answer = self.dialogs.ask_text(
            title, self.tr("New name of «{0}»:").format(chosen.name), chosen.name
        )
        new = " ".join((answer or "").split())
        if not new or new == chosen.name:
            return
        other = next((o for o in outlets if o.name == new), None)
        if other is not None and not self.dialogs.confirm(
            title,
            self.tr(
                "«{0}» is the name of another outlet. Merge «{1}» into it? Its {2} documents "
                "move there, and its articles imported later join it."
            ).format(new, chosen.name, f"{chosen.documents:,}"),
        ):
            return
        store, old = self.store, chosen.name

        def task() -> OutletRow | _Failure:
            try:
                return store.rename_outlet(old, new)
            except (StoreError, StoreBusyError) as exc:
                return _Failure(str(exc))

        self._run(task, title, lambda row: self._renamed(row, old, new))

    def _renamed(self, row: Any, old: str, new: str) -> str:
        assert isinstance(row, OutletRow)
        if row.moved is not None:
            return self.tr("«{0}» merged into «{1}»: {2} documents now").format(
                old, new, f"{row.documents:,}"
            )
        return self.tr("«{0}» is now «{1}»").format(old, new)

    # ---- running ------------------------------------------------------------------------
    def _run(self, task: Callable[[], Any], title: str, said: Callable[[Any], str]) -> None:
        self._editing = True
        self._update_actions()

        def done(outcome: Any) -> None:
            self._editing = False
            self._update_actions()
            if isinstance(outcome, _Failure):
                self.dialogs.error(title, outcome.message)
            else:
                self.outlets_changed.emit(said(outcome))

        def failed(message: str) -> None:
            done(_Failure(message))

        self.runner.submit(task, on_done=done, on_error=failed)


@dataclass(frozen=True)
class _Failure:
    """An edit the store refused (the outlet gone meanwhile, the database busy)."""

    message: str
