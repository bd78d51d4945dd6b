"""The progress a job posts to the window: few messages, nothing lost."""

from __future__ import annotations

from desktop.jobs import QueueProgress


class _Queue(list):  # type: ignore[type-arg]
    def put(self, item: object) -> None:
        self.append(item)


def test_steps_are_sent_together_and_add_up() -> None:
    queue = _Queue()
    progress = QueueProgress(queue)
    progress.start(5_000, "تحليل")
    for i in range(5_000):
        progress.advance(1, f"مقال {i}")
    progress.finish()
    advances = [m for m in queue if m[0] == "advance"]
    assert queue[0] == ("start", 5_000, "تحليل") and queue[-1] == ("finish", 0, "")
    assert sum(m[1] for m in advances) == 5_000
    assert len(advances) < 50  # one a document filled the pipe to the window
    assert advances[-1][2] == "مقال 4999"  # the last note is kept


def test_a_note_without_a_step_is_sent_at_once() -> None:
    """The archive being unpacked is named before any of its files is known: a note with
    no step was never sent, and the window showed an empty line."""
    queue = _Queue()
    progress = QueueProgress(queue)
    progress.start(0, "Unpacking")
    progress.advance(0, "corpus/الأرشيف.rar")
    assert queue == [("start", 0, "Unpacking"), ("advance", 0, "corpus/الأرشيف.rar")]
    progress.advance(0, "corpus/الأرشيف.rar")  # nothing new
    progress.finish()
    assert queue[2:] == [("finish", 0, "")]
