"""A large JSON file's records read from a stream, one at a time, on real Arabic text."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop import importing
from desktop.corpus import jsonstream
from desktop.corpus.fields import FieldMapping
from desktop.corpus.readers import UnreadableFileError, json_records
from desktop.importing import import_paths
from desktop.store.store import Store
from tests.corpus.test_markup import _Trickle

# texts that hold what a cut must not fall on: quotes, braces and brackets in strings,
# escapes, a character outside the BMP
TEXTS = [
    'قال المبعوث الأممي ستافان دي ميستورا: "المحادثات ستبدأ غدا" في جنيف.',
    "وفد الحكومة السورية {بحسب سانا} وصل إلى جنيف، [وفق] مصادر.",
    'رئيس وفد المعارضة نصر الحريري: \\"لن نقبل\\" ﴿ ﴾ 🇸🇾',
    "الجيش الروسي\nايغور كوناشنكوف\tفي بيان ], } ,",
]

SHAPES = {
    "array": lambda rs: rs,
    "wrapped": lambda rs: {"status": "ok", "totalResults": len(rs), "articles": rs, "page": 1},
    "two down": lambda rs: {"took": 3, "hits": {"total": {"value": len(rs)}, "hits": rs}},
    # before the records: categories under "data", an empty list of items; after them,
    # a large object and a list
    "others first": lambda rs: {
        "data": [{"id": 3, "name": "سياسة"}],
        "items": [],
        "meta": {"items": [{"id": 1}]},
        "articles": rs,
        "facets": {"outlets": {"سانا": 3, "عنب بلدي": [1, 2.5, None, True]}},
        "next": None,
    },
}


def _records(lengths: list[int], scalars: bool) -> list[Any]:
    records: list[Any] = [
        {"id": i, "title": TEXTS[i % 4][:20], "text": TEXTS[i % 4] * n, "tags": ["سوريا", i]}
        for i, n in enumerate(lengths)
    ]
    if scalars and records:  # values that are not records, cut short by a read as well
        at = len(records) // 2 + 1  # an array whose first item is a record is streamed
        records[at:at] = [1.5e-3, -12, True, None, "نص"]
    return records


def _read(raw: bytes, most: int | None) -> list[tuple[int, Any]] | None:
    stream = io.BytesIO(raw) if most is None else _Trickle(raw, most)
    _head, records = jsonstream.streamed_records(stream, FieldMapping())  # type: ignore[arg-type]
    if records is None:
        return None
    return list(records)


@settings(
    max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    lengths=st.lists(st.integers(0, 40), min_size=1, max_size=25),
    shape=st.sampled_from(sorted(SHAPES)),
    scalars=st.booleans(),
    comma=st.sampled_from([",", ", ", ",\n  ", "\n,", "   ,\t", ",\r\n"]),
    colon=st.sampled_from([":", ": ", " :\n "]),
    head=st.integers(40, 400),
    read=st.integers(1, 300),
    most=st.one_of(st.none(), st.integers(1, 97)),
)
def test_records_are_read_as_json_reads_them_wherever_reads_fall(
    lengths: list[int],
    shape: str,
    scalars: bool,
    comma: str,
    colon: str,
    head: int,
    read: int,
    most: int | None,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    obj = SHAPES[shape](_records(lengths, scalars and shape == "array"))
    raw = json.dumps(obj, ensure_ascii=False, separators=(comma, colon)).encode("utf-8")
    # set again for each example (the same value for the whole example)
    monkeypatch.setattr(jsonstream, "READ_BYTES", read)
    # the array and its first record found in the first part, however small
    first_end = raw.find(b"}", raw.find(b'"text"')) + 1
    monkeypatch.setattr(jsonstream, "HEAD_BYTES", max(head, first_end + 8))
    expected = list(enumerate(json_records(raw, FieldMapping()), 1))
    assert _read(raw, most) == expected


def test_a_large_value_after_the_records_is_read_through(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(jsonstream, "READ_BYTES", 64)
    rows = [{"text": t} for t in TEXTS]
    raw = json.dumps({"articles": rows, "facets": {"نص": TEXTS * 50}}, ensure_ascii=False)
    assert _read(raw.encode(), 7) == list(enumerate(rows, 1))


@pytest.mark.parametrize(
    "obj",
    [
        {"text": {"0": TEXTS[0], "1": TEXTS[1]}, "title": {"0": "أ", "1": "ب"}},  # by column
        {"columns": ["title", "text"], "data": [["أ", TEXTS[0]]]},  # split: rows of values
        [["title", "text"], ["أ", TEXTS[0]]],  # rows under a row of names
        {"a0": {"text": TEXTS[0]}, "a1": {"text": TEXTS[1]}},  # keyed by row
        {"text": TEXTS[0], "related": [{"text": TEXTS[1]}]},  # one article
        {"articles": []},  # no records
        {"articles": [{"id": 1}, {"text": TEXTS[1]}]},  # its first item no article
    ],
)
def test_files_whose_records_are_not_an_array_of_objects_are_left_to_be_read_whole(
    obj: Any,
) -> None:
    raw = json.dumps(obj, ensure_ascii=False).encode("utf-8")
    head, records = jsonstream.streamed_records(io.BytesIO(raw), FieldMapping())
    assert records is None and head == raw


def test_a_text_in_another_encoding_is_left_to_be_read_whole() -> None:
    raw = json.dumps([{"text": TEXTS[0]}], ensure_ascii=False).encode("cp1256")
    assert jsonstream.streamed_records(io.BytesIO(raw), FieldMapping())[1] is None
    utf16 = json.dumps([{"text": TEXTS[0]}], ensure_ascii=False).encode("utf-16")
    assert jsonstream.streamed_records(io.BytesIO(utf16), FieldMapping())[1] is None


@pytest.mark.parametrize(
    ("tail", "kept", "problem"),
    [
        ('{"text": "ناقص', 3, "malformed JSON in record 4: Unterminated string starting at"),
        ('{"text": "تام"} {"text": "بلا فاصلة"}', 4, "malformed JSON after record 4"),
        ('{"text": "تام"},', 4, "malformed JSON: the file ends inside its array"),
        ('{"text": "تام"},]}', 4, "malformed JSON after record 4"),
        ('{"text": "تام"}], "next": }', 4, "malformed JSON in «next» after the records"),
        # pages of an API appended to one file
        ('{"text": "تام"}]}\n{"articles": [{"text": "بعد"}]}', 4, "malformed JSON: more follows"),
        ('{"text": "عميق", "x": ' + "[" * 100_000 + "]" * 100_000 + "}]}", 3, "malformed JSON: "),
    ],
)
def test_a_file_broken_further_on_keeps_the_records_before_the_break(
    tail: str, kept: int, problem: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(jsonstream, "READ_BYTES", 64)
    good = ", ".join(json.dumps({"text": t}, ensure_ascii=False) for t in TEXTS[:3])
    raw = f'{{"articles": [{good}, {tail}'.encode()
    _head, records = jsonstream.streamed_records(io.BytesIO(raw), FieldMapping())
    assert records is not None
    got = []
    with pytest.raises(UnreadableFileError) as exc:
        got.extend(records)
    assert [r["text"] for _, r in got] == [*TEXTS[:3], "تام"][:kept]
    assert str(exc.value).startswith(problem)
    with pytest.raises(UnreadableFileError):  # read whole, it is refused as well
        json_records(raw, FieldMapping())


def test_a_large_json_file_is_imported_as_it_is_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, parallel: bool
) -> None:
    """Read from disk a record at a time, in groups, on both cores with ``parallel``:
    the same documents as the file read whole; one broken further on keeps its earlier
    groups and is reported."""
    rows = [
        {"title": f"خبر {i}", "text": f"{TEXTS[i % 4]}\n\nالخبر رقم {i}", "source": "سانا"}
        for i in range(1, 61)
    ]
    path = tmp_path / "export.json"
    path.write_text(
        json.dumps({"status": "ok", "articles": rows}, ensure_ascii=False, indent=1),
        encoding="utf-8",
    )
    whole = Store.open(tmp_path / "whole.db")
    expected = import_paths(whole, [path])  # under a piece: read whole
    monkeypatch.setattr(importing, "PIECE_BYTES", 2_000)
    monkeypatch.setattr(jsonstream, "READ_BYTES", 500)
    streamed: list[Any] = []
    real = jsonstream.streamed_records

    def spying(stream: Any, fields: FieldMapping) -> Any:
        streamed.append(real(stream, fields))
        return streamed[-1]

    monkeypatch.setattr(importing, "streamed_records", spying)
    store = Store.open(tmp_path / "streamed.db")
    report = import_paths(store, [path])
    assert len(streamed) == 1 and streamed[0][1] is not None  # streamed, not read whole
    assert len(report.imported) == len(expected.imported) == 60 and not report.skipped
    assert [(r.stem, r.title, r.outlet) for r in store.documents()] == [
        (r.stem, r.title, r.outlet) for r in whole.documents()
    ]
    assert sorted(store.texts([i for _, i in report.imported]).values()) == sorted(
        whole.texts([i for _, i in expected.imported]).values()
    )

    broken = tmp_path / "broken.json"
    broken.write_bytes(path.read_bytes()[: path.stat().st_size * 2 // 3])
    cut = Store.open(tmp_path / "cut.db")
    report = import_paths(cut, [broken])
    assert 20 < len(report.imported) < 40
    assert [(p, why.split(":")[0]) for p, why in report.skipped] == [
        (str(broken), f"malformed JSON in record {len(report.imported) + 1}")
    ]
    for s in (whole, store, cut):
        s.close()
