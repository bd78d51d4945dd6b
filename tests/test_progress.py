from __future__ import annotations

import pytest

from desktop.progress import rounded_left, seconds_left


@pytest.mark.parametrize(
    ("done", "total", "elapsed", "left"),
    [
        (0, 30_000, 10.0, None),  # nothing done yet
        (500, 30_000, 1.0, None),  # too early: the workers are starting
        (500, 30_000, 10.0, None),  # under 3% done
        (3_000, 30_000, 6.0, 54.0),  # the rate so far: 500 a second
        (15_000, 30_000, 40.0, 40.0),
        (30_000, 30_000, 60.0, 0.0),
        (5, 0, 10.0, None),  # nothing to do
    ],
)
def test_time_left_is_estimated_at_the_rate_so_far(
    done: int, total: int, elapsed: float, left: float | None
) -> None:
    assert seconds_left(done, total, elapsed) == left


@pytest.mark.parametrize(
    ("seconds", "said"),
    [
        (0.4, (5, "s")),
        (13, (15, "s")),
        (54, (55, "s")),
        (89, (90, "s")),
        (95, (2, "min")),
        (1000, (17, "min")),
    ],
)
def test_time_left_is_rounded_as_a_person_would_say_it(
    seconds: float, said: tuple[int, str]
) -> None:
    assert rounded_left(seconds) == said
