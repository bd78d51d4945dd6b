"""Spans asked which contain a position: the answers of a scan over every span."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from desktop.analysis.spans import Spans

# quotation spans of «قال بيدرسون “…” وأضاف “…”», one nested inside another, one empty
SPANS = [(10, 20), (30, 60), (35, 40), (70, 70), (30, 45)]


def test_covers_and_first_containing() -> None:
    spans = Spans(SPANS)
    assert len(spans) == 5
    assert [p for p in range(80) if spans.covers(p)] == [*range(10, 20), *range(30, 60)]
    assert spans.first_containing(12) == 0
    assert spans.first_containing(37) == 1  # (30, 60), (35, 40) and (30, 45) hold it
    assert spans.first_containing(50) == 1
    assert spans.first_containing(70) is None  # an empty span holds nothing
    assert spans.first_containing(5) is None


def test_first_starting_in() -> None:
    spans = Spans(SPANS)
    assert spans.first_starting_in(0, 100) == 0
    assert spans.first_starting_in(21, 100) == 1  # (30, 60) before (30, 45): given first
    assert spans.first_starting_in(31, 36) == 2
    assert spans.first_starting_in(41, 70) is None  # the end is excluded
    assert Spans([]).first_starting_in(0, 10) is None


span = st.tuples(st.integers(0, 60), st.integers(0, 25)).map(lambda t: (t[0], t[0] + t[1]))


@given(st.lists(span, max_size=25), st.integers(-2, 90), st.integers(-2, 90))
def test_same_answers_as_a_scan(given_spans: list[tuple[int, int]], pos: int, hi: int) -> None:
    spans = Spans(given_spans)
    holding = [i for i, (a, b) in enumerate(given_spans) if a <= pos < b]
    assert spans.covers(pos) == bool(holding)
    assert spans.first_containing(pos) == (holding[0] if holding else None)
    starting = [(a, i) for i, (a, _b) in enumerate(given_spans) if pos <= a < hi]
    assert spans.first_starting_in(pos, hi) == (min(starting)[1] if starting else None)
