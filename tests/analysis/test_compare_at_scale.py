"""Comparisons over many documents: the shortcuts that make an outlet comparison fast
give what the plain definitions give."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.compare.comparison import link_events, same_event
from desktop.store import selects
from desktop.store.rows import EventRow
from desktop.store.store import Store

# a few actors of each kind: a named one can pair events alone, a state or a place only
# together with the same place
_PARTICIPANTS = [(1, "دي ميستورا", "person"), (2, "الأمم المتحدة", "organisation")]
_PARTICIPANTS += [(3, "سوريا", "state"), (4, "روسيا", "state"), (5, "جنيف", "place")]
_DAY = dt.date(2017, 3, 1)


@st.composite
def _events(draw: st.DrawFn, first_id: int) -> list[EventRow]:
    n = draw(st.integers(0, 25))
    out = []
    for i in range(n):
        date = draw(st.one_of(st.none(), st.integers(-8, 8).map(lambda d: _DAY + dt.timedelta(d))))
        place = draw(st.sampled_from([None, 5, 6]))
        people = draw(st.lists(st.sampled_from(_PARTICIPANTS), max_size=3, unique=True))
        etype = draw(st.sampled_from(["meeting", "talks"]))
        denied = draw(
            st.sampled_from(
                [{}, {}, {"negated": "لم تعقد أي"}, {"wished": "دعا إلى "}, {"planned": "ستعقد "}]
            )
        )
        out.append(
            EventRow(
                first_id + i, i, etype, "", 0, 1, date, None, place, None, people, None, denied
            )
        )
    return out


def _pairwise(a: list[EventRow], b: list[EventRow]) -> list[tuple[int, int]]:
    """The definition: each event of a takes the first untaken event of b that agrees."""
    pairs, used = [], set()
    for ea in a:
        match = next((eb for eb in b if eb.id not in used and same_event(ea, eb)), None)
        if match is not None:
            used.add(match.id)
            pairs.append((ea.id, match.id))
    return pairs


@settings(max_examples=300, deadline=None)
@given(_events(0), _events(1000))
def test_indexed_event_pairing_agrees_with_every_pair(a: list[EventRow], b: list[EventRow]) -> None:
    pairs, only_a, only_b = link_events(a, b)
    assert [(x.id, y.id) for x, y in pairs] == _pairwise(a, b)
    paired = {i for pair in _pairwise(a, b) for i in pair}
    assert [e.id for e in only_a] == [e.id for e in a if e.id not in paired]
    assert [e.id for e in only_b] == [e.id for e in b if e.id not in paired]


def test_an_outlet_comparison_reads_in_chunks_what_one_read_gives(
    analysed: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An outlet can have more articles than SQLite binds in one statement: documents
    are asked for in chunks, and the rows come back in the same order."""
    docs = [r.id for r in analysed.documents()]
    whole = (
        analysed.labels_for(documents=docs),
        analysed.quotes_for(documents=docs),
        analysed.events_for(documents=docs),
    )
    assert all(whole) and len(docs) == 5
    monkeypatch.setattr(selects, "LOOKUP_CHUNK", 2)
    backwards = list(reversed(docs))
    chunked = (
        analysed.labels_for(documents=backwards),
        analysed.quotes_for(documents=backwards),
        analysed.events_for(documents=backwards),
    )
    assert chunked == whole
    assert chunked[0] == analysed.labels_for()  # every document's, in one read


def test_mention_tally_counts_what_the_documents_mention_in_order(analysed: Store) -> None:
    docs = [r.id for r in analysed.documents()][::-1]
    expected: dict[int, tuple[str, str, int]] = {}
    for d in docs:
        for m, name, etype in analysed.document_mentions(d):
            _n, _t, count = expected.get(m.entity_id, (name, etype, 0))
            expected[m.entity_id] = (name, etype, count + 1)
    tally = analysed.mention_tally(docs)
    assert [(e, n, t, c) for e, (n, t, c) in expected.items()] == tally
    assert len(tally) > 20


def _talks(trigger: str, details: dict[str, object]) -> EventRow:
    return EventRow(
        1, 1, "talks", trigger, 0, 1, _DAY, None, 5, "جنيف", _PARTICIPANTS[:2], 0, details
    )


@pytest.mark.parametrize(
    ("trigger", "details", "shown"),
    [
        ("المحادثات", {}, "المحادثات"),
        ("المحادثات", {"planned": "ومن المقرر أن تعقد "}, "ومن المقرر أن تعقد المحادثات"),
        ("المحادثات", {"planned": " السورية القادمة"}, "المحادثات السورية القادمة"),
        ("الجولة المقبلة", {"planned": "الجولة المقبلة"}, "الجولة المقبلة"),
        ("لاتفاق", {"negated": "دون التوصل "}, "دون التوصل لاتفاق"),
        ("وقف إطلاق النار", {"wished": "وطالب المجلس ب"}, "وطالب المجلس بوقف إطلاق النار"),
        ("وقف إطلاق النار", {"wished": " بإدلب في أقرب وقت"}, "وقف إطلاق النار بإدلب في أقرب وقت"),
        ("المحادثات", {"planned": " غداً"}, "المحادثات غداً"),
    ],
)
def test_an_event_is_shown_with_the_words_that_tell_how_it_is_told(
    trigger: str, details: dict[str, object], shown: str
) -> None:
    assert _talks(trigger, details).shown_trigger == shown


def test_talks_to_come_are_not_the_talks_held() -> None:
    held, planned = _talks("المحادثات", {}), _talks("المحادثات", {"planned": " المقبلة"})
    assert (held.modality, planned.modality) == (None, "planned")
    assert not same_event(held, planned)
    assert same_event(planned, _talks("محادثات", {"planned": "ستعقد "}))
    assert same_event(held, _talks("محادثات", {}))
