"""Parquet and Arrow tables (as Hugging Face publishes datasets and the ``datasets``
library saves them), on real Arabic text: one article a row."""

from __future__ import annotations

import datetime as dt
import io
import json
import zipfile
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.feather as feather
import pyarrow.ipc as ipc
import pyarrow.parquet as pq
import pytest

from desktop import importing
from desktop.corpus import columnar
from desktop.corpus.columnar import columnar_records
from desktop.corpus.fields import FieldMapping
from desktop.corpus.sources import iter_sources
from desktop.importing import ImportOptions, import_paths
from desktop.store.store import Store
from tests.corpus.imported import GENEVA, JEFFREY, QUOTE, imported, said

#: a dataset as Hugging Face serves one: text, a timestamp, an outlet, an embedding and
#: bytes (an image) a row
ROWS: list[dict[str, Any]] = [
    {
        "id": 1,
        "title": "الجعفري في جنيف",
        "text": GENEVA,
        "source": "سانا",
        "published": dt.datetime(2017, 7, 10, 9, 30),
        "embedding": [0.25, -0.5, 1.0],
        "image": b"\x89PNG",
    },
    {
        "id": 2,
        "title": "جيفري: لم نر خطوات",
        "text": f"{JEFFREY}\n{QUOTE}",
        "source": "عنب بلدي",
        "published": dt.datetime(2019, 5, 30),
        "embedding": [0.0, 0.5, -1.0],
        "image": None,
    },
]


def _table(rows: list[dict[str, Any]] = ROWS) -> pa.Table:
    return pa.Table.from_pylist(rows)


EXPECTED = {
    "#1": ("الجعفري في جنيف", "SANA", "2017-07-10", GENEVA),
    "#2": ("جيفري: لم نر خطوات", "Enab Baladi", "2019-05-30", f"{JEFFREY}\n{QUOTE}"),
}


def _as(name: str) -> dict[str, tuple[str | None, str | None, str, str]]:
    return {f"{name}{row}": found for row, found in EXPECTED.items()}


def test_a_parquet_dataset_imports_a_row_an_article_and_names_the_columns_not_read(
    store: Store, tmp_path: Path, parallel: bool
) -> None:
    folder = tmp_path / "dataset"
    folder.mkdir()
    pq.write_table(_table(), folder / "train-00000-of-00001.parquet")
    report = import_paths(store, [folder])
    assert imported(store) == _as("train-00000-of-00001.parquet")
    skipped, notes = said(report)
    assert skipped == []
    assert len(notes) == 1
    assert notes[0][1].startswith("columns not read: embedding, image")


def test_rows_become_records_with_dates_as_iso_text_and_numbers_and_bytes_left_out() -> None:
    buffer = pa.BufferOutputStream()
    pq.write_table(_table(), buffer)
    notes: list[str] = []
    rows = dict(columnar_records(buffer.getvalue().to_pybytes(), FieldMapping(), notes))
    assert rows[1] == {
        "id": 1,
        "title": "الجعفري في جنيف",
        "text": GENEVA,
        "source": "سانا",
        "published": "2017-07-10T09:30:00",
    }
    assert list(rows) == [1, 2]
    assert "embedding" in notes[0]


def test_a_dataset_saved_to_disk_imports_without_its_bookkeeping(
    store: Store, tmp_path: Path
) -> None:
    """``Dataset.save_to_disk`` writes an Arrow stream beside ``state.json`` and
    ``dataset_info.json``; a downloaded dataset has its card, ``README.md``. None of
    them is an article, nor reported as a file that is none."""
    saved = tmp_path / "coverage"
    (saved / "train").mkdir(parents=True)
    table = _table()
    with ipc.new_stream(saved / "train" / "data-00000-of-00001.arrow", table.schema) as w:
        w.write_table(table)
    (saved / "train" / "state.json").write_text(
        json.dumps({"_data_files": [{"filename": "data-00000-of-00001.arrow"}]}), "utf-8"
    )
    (saved / "train" / "dataset_info.json").write_text(
        json.dumps({"description": "", "features": {"text": {"dtype": "string"}}}), "utf-8"
    )
    (saved / "dataset_dict.json").write_text(json.dumps({"splits": ["train"]}), "utf-8")
    (saved / "README.md").write_text("---\nlicense: mit\n---\n# Coverage\n", "utf-8")
    report = import_paths(store, [saved])
    assert imported(store) == _as("data-00000-of-00001.arrow")
    assert said(report)[0] == []
    # zipped, the same
    with zipfile.ZipFile(tmp_path / "coverage.zip", "w") as z:
        for path in saved.rglob("*"):
            z.write(path, path.relative_to(tmp_path).as_posix())
    report = import_paths(store, [tmp_path / "coverage.zip"])
    assert (len(report.duplicates), report.skipped) == (2, [])


def test_the_splits_of_a_dataset_saved_to_disk_name_their_documents_apart(
    store: Store, tmp_path: Path, parallel: bool
) -> None:
    """``DatasetDict.save_to_disk`` writes each split's table under one name
    (``train/data-00000-of-00001.arrow``, ``test/data-00000-of-00001.arrow``): the first
    rows of both were named «data-00000-of-00001-1», and «show» could name neither."""
    saved = tmp_path / "coverage"
    for split, rows in (("train", ROWS[:1]), ("test", ROWS[1:])):
        (saved / split).mkdir(parents=True)
        table = _table([{k: v for k, v in row.items() if k != "id"} for row in rows])
        with ipc.new_stream(saved / split / "data-00000-of-00001.arrow", table.schema) as w:
            w.write_table(table)
        (saved / split / "state.json").write_text("{}", "utf-8")
        (saved / split / "dataset_info.json").write_text("{}", "utf-8")
    (saved / "dataset_dict.json").write_text(json.dumps({"splits": ["train", "test"]}), "utf-8")
    report = import_paths(store, [saved])
    assert said(report)[0] == []
    stems = {r.stem: r.title for r in store.documents()}
    assert stems == {
        "train/data-00000-of-00001-1": "الجعفري في جنيف",
        "test/data-00000-of-00001-1": "جيفري: لم نر خطوات",
    }
    for stem in stems:
        assert store.document_row(store.resolve_document(stem)).stem == stem
    # zipped, each under its path in the archive
    with zipfile.ZipFile(tmp_path / "coverage.zip", "w") as z:
        for path in saved.rglob("*"):
            z.write(path, path.relative_to(tmp_path).as_posix())
    zipped = Store.open(tmp_path / "zipped.db")
    import_paths(zipped, [tmp_path / "coverage.zip"])
    assert sorted(r.stem for r in zipped.documents()) == [
        "coverage/test/data-00000-of-00001-1",
        "coverage/train/data-00000-of-00001-1",
    ]
    zipped.close()


def test_a_readme_beside_plain_articles_is_still_an_article(store: Store, tmp_path: Path) -> None:
    (tmp_path / "notes").mkdir()
    (tmp_path / "notes" / "README.md").write_text(f"# جنيف\n\n{GENEVA}\n", "utf-8")
    import_paths(store, [tmp_path / "notes"])
    assert list(imported(store)) == ["README.md"]


def test_feather_and_a_table_with_no_extension_are_read_by_what_they_hold(
    store: Store, tmp_path: Path
) -> None:
    feather.write_feather(_table(), tmp_path / "coverage.feather")
    pq.write_table(_table(), tmp_path / "coverage")  # a name with no extension
    with zipfile.ZipFile(tmp_path / "archive.zip", "w") as z:
        z.write(tmp_path / "coverage", "inside.parquet")
    (tmp_path / "coverage").rename(tmp_path / "noext")
    import_paths(store, [tmp_path / "coverage.feather"])
    assert imported(store) == _as("coverage.feather")
    report = import_paths(store, [tmp_path / "noext", tmp_path / "archive.zip"])
    assert (len(report.imported), len(report.duplicates), report.skipped) == (0, 4, [])


def test_a_damaged_table_is_reported_and_skipped_and_the_rest_goes_in(
    store: Store, tmp_path: Path
) -> None:
    tmp_path = tmp_path / "tables"
    tmp_path.mkdir()
    pq.write_table(_table(), tmp_path / "good.parquet")
    data = (tmp_path / "good.parquet").read_bytes()
    (tmp_path / "cut.parquet").write_bytes(data[: len(data) // 2])
    (tmp_path / "zeroed.parquet").write_bytes(data[:4] + bytes(len(data) - 8) + data[-4:])
    (tmp_path / "page.parquet").write_bytes(b"<!DOCTYPE html><html><body>404</body></html>")
    pq.write_table(
        pa.Table.from_pylist([{"headline": "جنيف", "views": 3}]), tmp_path / "no_text.parquet"
    )
    report = import_paths(store, [tmp_path])
    assert sorted(imported(store)) == ["good.parquet#1", "good.parquet#2"]
    why = dict(said(report)[0])
    assert why["cut.parquet"] == "damaged Parquet file: it is cut short (its end is missing)"
    assert why["zeroed.parquet"].startswith("damaged Parquet file: ")
    assert why["page.parquet"] == "not a Parquet or Arrow file (its first bytes are neither's)"
    assert why["no_text.parquet"].startswith("Parquet file has no text column (looked for ")
    assert why["no_text.parquet"].endswith(
        "found: headline, views); to read one, name it: --field text=COLUMN"
    )
    assert len(why) == 4


def test_a_large_table_is_handed_on_in_groups_of_rows(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, parallel: bool
) -> None:
    rows = [
        {**row, "id": n, "text": f"{row['text']} ({n})", "published": dt.date(2020, 1, 1 + n)}
        for n in range(20)
        for row in ROWS[n % 2 : n % 2 + 1]
    ]
    pq.write_table(pa.Table.from_pylist(rows), tmp_path / "big.parquet", row_group_size=7)
    whole = Store.open(tmp_path / "whole.db")
    expected = import_paths(whole, [tmp_path / "big.parquet"])
    monkeypatch.setattr(importing, "PIECE_BYTES", 1_000)  # a few rows a group
    report = import_paths(store, [tmp_path / "big.parquet"])
    assert len(imported(store)) == 20
    assert imported(store) == imported(whole)
    assert said(report) == said(expected)
    assert imported(store)["big.parquet#20"][2] == "2020-01-20"
    whole.close()


def test_a_zoned_time_is_read_without_a_time_zone_database(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Spark and pandas write times with their zone: making them zoned Python times
    needs a time-zone database, which Windows has none of, and the whole file was
    skipped as «damaged» there. They are read as the same time in UTC."""
    import zoneinfo

    zoned = pa.table(
        {
            "text": [GENEVA, JEFFREY],
            "published": pa.array(
                [dt.datetime(2017, 7, 10, 9, 30), dt.datetime(2019, 5, 30, 22, 0)],
                pa.timestamp("us", tz="Asia/Damascus"),
            ),
        }
    )
    pq.write_table(zoned, tmp_path / "zoned.parquet")
    monkeypatch.setattr(zoneinfo, "ZoneInfo", _no_zone_database)
    report = import_paths(store, [tmp_path / "zoned.parquet"])
    assert report.skipped == []
    dates = sorted(str(r.published) for r in store.documents())
    assert dates == ["2017-07-10", "2019-05-30"]


def _no_zone_database(key: str) -> None:
    raise ModuleNotFoundError("The zoneinfo module or pytz package must be installed.")


def test_a_date_python_cannot_hold_is_left_unread_not_the_import_ended(
    store: Store, tmp_path: Path
) -> None:
    """A timestamp in the year 10000 raised OverflowError out of the import: every file
    was lost. The date is reported as one that could not be read."""
    far = pa.table(
        {
            # not good.parquet's texts: a copy of one would be given its date
            "text": [f"{GENEVA}\n{QUOTE}", JEFFREY],
            "date": pa.array([253402300800000, 1499678400000], pa.timestamp("ms")),
        }
    )
    pq.write_table(far, tmp_path / "far.parquet")
    pq.write_table(_table(), tmp_path / "good.parquet")
    report = import_paths(store, [tmp_path / "far.parquet", tmp_path / "good.parquet"])
    assert len(report.imported) == 4 and report.skipped == []
    published = {Path(r.source_path).name: str(r.published) for r in store.documents()}
    assert published["far.parquet#2"] == "2017-07-10"
    assert published["far.parquet#1"] == "None"
    assert any("could not be read" in note for _f, note in report.notes)


def test_what_is_no_table_says_what_it_is(store: Store, tmp_path: Path) -> None:
    (tmp_path / "empty.parquet").write_bytes(b"")
    (tmp_path / "pointer.parquet").write_text(
        "version https://git-lfs.github.com/spec/v1\noid sha256:ab12\nsize 12345\n", "utf-8"
    )
    pq.write_table(
        pa.table({"text": [1, 2], "title": ["جنيف", "أستانا"]}), tmp_path / "numbers.parquet"
    )
    pq.write_table(_table().slice(0, 0), tmp_path / "none.parquet")
    arrow = pa.BufferOutputStream()
    with ipc.new_file(arrow, _table().schema) as w:
        w.write_table(_table())
    whole = arrow.getvalue().to_pybytes()
    (tmp_path / "cut.arrow").write_bytes(whole[: len(whole) * 2 // 3])
    report = import_paths(store, [tmp_path])
    why = dict(said(report)[0])
    assert why["empty.parquet"] == "empty file"
    assert why["pointer.parquet"].startswith("a Git LFS pointer, not the table")
    assert why["numbers.parquet"] == 'Parquet file\'s text column "text" holds numbers, not text'
    assert why["none.parquet"] == "Parquet file with no rows"
    assert why["cut.arrow"] == "damaged Arrow file: it is cut short (its end is missing)"
    assert list(store.documents()) == []


def test_a_partitioned_table_takes_its_folders_values_and_writers_leftovers_are_passed_over(
    store: Store, tmp_path: Path
) -> None:
    """Spark, pandas and pyarrow write a table partitioned by outlet as
    «source=SANA/part-0.parquet»: the outlet is in no row. Spark's «_SUCCESS» and
    checksums, a Delta table's log and pandas's index column are no articles either."""
    table = tmp_path / "coverage"
    for outlet, row in (("SANA", ROWS[0]), ("عنب بلدي", ROWS[1])):
        folder = table / f"source={outlet}" / "year=2019"
        folder.mkdir(parents=True)
        rows = [{"__index_level_0__": 0, "title": row["title"], "text": row["text"]}]
        pq.write_table(pa.Table.from_pylist(rows), folder / "part-0.parquet")
        (folder / ".part-0.parquet.crc").write_bytes(b"crc")
        (folder / "part-0.parquet.crc").write_bytes(b"crc")
    (table / "_SUCCESS").write_bytes(b"")
    (table / "_delta_log").mkdir()
    (table / "_delta_log" / "00000000000000000000.json").write_text(
        '{"commitInfo":{}}\n{}', "utf-8"
    )
    report = import_paths(store, [table])
    assert report.skipped == [] and report.notes == []
    outlets = sorted(str(r.outlet) for r in store.documents())
    assert outlets == ["Enab Baladi", "SANA"]


def test_other_names_of_the_formats_and_a_stream_with_no_extension(
    store: Store, tmp_path: Path
) -> None:
    pq.write_table(_table(), tmp_path / "coverage.pq")
    table = _table()
    with ipc.new_stream(tmp_path / "stream", table.schema) as w:
        w.write_table(table)
    import_paths(store, [tmp_path / "coverage.pq"])
    assert imported(store) == _as("coverage.pq")
    report = import_paths(store, [tmp_path / "stream"])
    assert (len(report.duplicates), report.skipped) == (2, [])


def test_a_large_table_damaged_midway_says_what_of_it_is_imported(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A large file is written a group of rows at a time: those before the damage are
    kept, and the report said only that the file was skipped."""
    rows = [{"text": f"{GENEVA} ({n})", "title": f"الجولة {n}"} for n in range(30)]
    buffer = pa.BufferOutputStream()
    pq.write_table(pa.Table.from_pylist(rows), buffer, row_group_size=10, compression="none")
    data = bytearray(buffer.getvalue().to_pybytes())
    meta = pq.ParquetFile(pa.BufferReader(bytes(data))).metadata
    last = meta.row_group(2).column(0)
    at = last.data_page_offset
    data[at : at + 64] = bytes(64)  # the last group's text page
    (tmp_path / "big.parquet").write_bytes(bytes(data))
    monkeypatch.setattr(importing, "PIECE_BYTES", 1_000)
    report = import_paths(store, [tmp_path / "big.parquet"])
    ((_name, why),) = report.skipped
    assert why.startswith("damaged Parquet file after row 20: ")
    assert why.endswith("(the 20 rows before it are imported)")
    assert len(report.imported) == 20


def test_a_struct_columns_fields_are_read_by_a_dotted_path(
    store: Store, tmp_path: Path, parallel: bool
) -> None:
    """``--field date=meta.pub`` had no effect on a column of nested records: the report
    noted no date column, and every article came in undated."""
    rows = [
        {
            "article": {"headline": row["title"], "body": row["text"]},
            "meta": {"pub": row["published"], "press": row["source"], "n": row["id"]},
        }
        for row in ROWS
    ]
    pq.write_table(pa.Table.from_pylist(rows), tmp_path / "nested.parquet")
    fields = {
        "text": "article.body",
        "title": "article.headline",
        "date": "meta.pub",
        "outlet": "meta.press",
        "id": "meta.n",
    }
    report = import_paths(store, [tmp_path / "nested.parquet"], ImportOptions(fields=fields))
    assert said(report) == ([], [])
    assert imported(store) == _as("nested.parquet")
    assert sorted(r.stem for r in store.documents()) == ["nested-1-1", "nested-2-2"]


class _NotedReads(io.BufferedReader):
    """A file that notes how much each read asks for."""

    def __init__(self, raw: io.FileIO, sizes: list[int]) -> None:
        super().__init__(raw)
        self.sizes = sizes

    def read(self, size: int | None = -1) -> bytes:
        data = super().read(size)
        self.sizes.append(len(data))
        return data


def _one_group(path: Path, rows: int) -> list[dict[str, Any]]:
    """A table written as one row group, as pandas writes 30,000 rows, in small pages."""
    written = [{"title": f"الجولة {n}", "text": f"{GENEVA}\n{JEFFREY} ({n})"} for n in range(rows)]
    pq.write_table(
        pa.Table.from_pylist(written),
        path,
        row_group_size=rows,
        data_page_size=4096,
        write_batch_size=8,
        use_dictionary=False,
        compression="none",
    )
    return written


def test_a_table_on_disk_is_read_a_page_at_a_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A Parquet file was read into memory whole, then each column of a row group at
    once: all of a file written as one group (35 MB for 30,000 articles)."""
    path = tmp_path / "one_group.parquet"
    written = _one_group(path, 1000)
    monkeypatch.setattr(columnar, "READ_BYTES", 4096)
    sizes: list[int] = []
    rows = dict(columnar_records(lambda: _NotedReads(io.FileIO(path), sizes), FieldMapping()))
    assert [rows[n] for n in (1, 1000)] == [written[0], written[999]]
    assert sum(sizes) >= path.stat().st_size // 2  # what was read: the text column
    # a page at a time (and the footer, found in the last 64 KiB), not a column whole
    assert max(sizes) <= 64 * 1024 < path.stat().st_size // 8


def test_a_large_table_on_disk_is_never_read_whole_and_goes_in_small_groups(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, parallel: bool
) -> None:
    """A large Parquet file was read into memory whole, and its rows handed on in groups
    as large as a piece of a JSON Lines file: as Python objects, waiting for a worker,
    they took twice the memory (a file of 30,000 articles peaked at 475 MB, as JSON
    Lines at 370 MB)."""
    path = tmp_path / "big.parquet"
    _one_group(path, 120)
    with zipfile.ZipFile(tmp_path / "big.zip", "w") as z:
        z.write(path, "big.parquet")
    monkeypatch.setattr(importing, "PIECE_BYTES", 20_000)
    zipped = Store.open(tmp_path / "zipped.db")
    import_paths(zipped, [tmp_path / "big.zip"])  # its member read in memory
    read_bytes = Path.read_bytes

    def refuse(self: Path) -> bytes:
        assert self != path, "a large table was read whole"
        return read_bytes(self)

    monkeypatch.setattr(Path, "read_bytes", refuse)
    groups = [
        unit for _n, _last, unit in importing._units(list(iter_sources([path], [])), FieldMapping())
    ]
    assert all(isinstance(g, importing._Records) for g in groups)
    # a group holds a quarter of a piece of text (20,000 bytes), and one row more
    sizes = [sum(2 * importing._text_size(r) for _n, r in g.records) for g in groups]
    largest = max(2 * importing._text_size(r) for g in groups for _n, r in g.records)
    assert max(sizes) < 5_000 + largest
    assert len(groups) >= 3 * -(-sum(sizes) // 20_000)
    report = import_paths(store, [path])
    assert (len(report.imported), report.skipped) == (120, [])
    assert [(r.stem, r.title) for r in store.documents()] == [
        (r.stem, r.title) for r in zipped.documents()
    ]
    assert store.texts([120]) == zipped.texts([120])
    zipped.close()
