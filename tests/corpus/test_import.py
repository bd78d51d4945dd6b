"""Import of files, folders and archives, good and bad, on real Arabic text."""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import io
import json
import re
import zipfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop import importing
from desktop.corpus import decode
from desktop.corpus.fields import FieldMapping
from desktop.corpus.outlets import OutletDirectory
from desktop.corpus.readers import UnreadableFileError, read_csv, read_json, read_jsonl, reader_for
from desktop.corpus.sources import iter_sources
from desktop.importing import ImportOptions, import_paths
from desktop.store.store import Store
from tests.conftest import SEEDS
from tests.corpus.workbooks import save_xlsx

JAAFARI = (
    "ووصف بشار الجعفري رئيس وفد الحكومة السورية في مفاوضات السلام بعد اجتماع مع مبعوث "
    'الأمم المتحدة كل المعارضين ومؤيديهم بأنهم "إرهابيون".'
)
HARIRI = "على الجانب الآخر تعهد رئيس وفد المعارضة نصر الحريري بمواصلة الضغط من أجل انتقال سياسي في سوريا."
MORE = "وأضاف أن المحادثات ستستمر حتى نهاية الأسبوع."
KONASHENKOV = "وقال المتحدث باسم الجيش الروسي ايغور كوناشنكوف في بيان إن تحرير الرقة لن يكون نزهة."


def _reasons(report) -> dict[str, str]:  # type: ignore[no-untyped-def]
    return {
        Path(s.split("!")[0]).name + ("!" + s.split("!")[1] if "!" in s else ""): r
        for s, r in report.skipped
    }


def test_seeds_import_once_with_outlets_from_manifest_and_signatures(
    store: Store, parallel: bool
) -> None:
    report = import_paths(store, [SEEDS])
    assert len(report.imported) == 5 and not report.skipped
    again = import_paths(store, [SEEDS])
    assert len(again.imported) == 0 and len(again.duplicates) == 5
    by_stem = {r.stem: r for r in store.documents()}
    assert by_stem["002_87e3e8d310a74f3f"].outlet == "UN News"
    assert by_stem["003_6369181c9cd67a10"].outlet == "SANA"
    assert by_stem["000_e48a2abc179f913e"].outlet is None
    # a title is never empty: the tagline of UN News is passed over
    assert by_stem["002_87e3e8d310a74f3f"].title.startswith("سوريا: ستيفان دي مستورا")


def test_outlets_are_detected_from_text_without_a_manifest(store: Store, seeds_copy: Path) -> None:
    (seeds_copy / "manifest.csv").unlink()
    import_paths(store, [seeds_copy])
    outlets = {r.stem[:3]: r.outlet for r in store.documents()}
    assert outlets == {"000": None, "001": None, "002": "UN News", "003": "SANA", "004": None}


def test_forced_outlet_wins(store: Store, seeds_copy: Path) -> None:
    import_paths(
        store, [seeds_copy / "003_6369181c9cd67a10.txt"], ImportOptions(outlet="Enab Baladi")
    )
    assert [r.outlet for r in store.documents()] == ["Enab Baladi"]


def test_bad_folder_imports_the_good_and_reports_each_bad_one(
    store: Store, tmp_path: Path, parallel: bool
) -> None:
    folder = tmp_path / "mixed"
    (folder / "sub").mkdir(parents=True)
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    (folder / "cp1256.txt").write_bytes(JAAFARI.encode("cp1256"))
    (folder / "sub" / "utf16.txt").write_bytes(HARIRI.encode("utf-16"))
    (folder / "broken.json").write_text('{"title": "x", "text": "نص', encoding="utf-8")
    (folder / "no_text.csv").write_text("title,outlet\nعنوان,سانا\n", encoding="utf-8")
    with zipfile.ZipFile(folder / "archive.zip", "w") as zf:
        zf.writestr("../evil.txt", KONASHENKOV)
        zf.writestr("good/konashenkov.txt", KONASHENKOV)
    report = import_paths(store, [folder])

    texts = sorted(store.texts([i for _, i in report.imported]).values())
    assert texts == sorted([JAAFARI, HARIRI, KONASHENKOV])
    reasons = _reasons(report)
    assert set(reasons) == {
        "empty.txt",
        "binary.txt",
        "broken.json",
        "no_text.csv",
        "archive.zip!../evil.txt",
    }
    assert "empty" in reasons["empty.txt"]
    assert "binary" in reasons["binary.txt"]
    assert "malformed JSON" in reasons["broken.json"]
    assert "no text column" in reasons["no_text.csv"]
    assert "unsafe path" in reasons["archive.zip!../evil.txt"]
    assert not (tmp_path / "evil.txt").exists() and not Path("evil.txt").exists()


def _link(link: Path, target: str) -> None:
    try:
        link.symlink_to(target, target_is_directory=True)
    except OSError:  # Windows without the right to make links
        pytest.skip("links cannot be made here")


def test_a_linked_folder_inside_an_imported_folder_is_read_and_a_loop_reported(
    store: Store, tmp_path: Path
) -> None:
    """A link to a folder inside the folder imported was passed over without a word:
    only the plain files and a linked file were imported. It is followed; a link that
    leads back to a folder that holds it (a loop) is reported, not followed (the import
    ends), and so is a second way to a folder read already."""
    corpus = tmp_path / "أرشيف"
    (corpus / "الأصل").mkdir(parents=True)
    (corpus / "أخبار").mkdir()
    (corpus / "الأصل" / "جعفري.txt").write_text(JAAFARI, encoding="utf-8")
    (corpus / "الأصل" / "حريري.txt").write_text(HARIRI, encoding="utf-8")
    (corpus / "أخبار" / "كوناشنكوف.txt").write_text(KONASHENKOV, encoding="utf-8")
    _link(corpus / "أخبار" / "مرتبط", "../الأصل")
    _link(corpus / "أخبار" / "حلقة", "..")
    _link(corpus / "أخبار" / "نفسه", ".")

    report = import_paths(store, [corpus / "أخبار"])
    texts = sorted(store.texts([r.id for r in store.documents()]).values())
    assert texts == sorted([JAAFARI, HARIRI, KONASHENKOV])
    assert sorted(report.skipped) == [
        (str(corpus / "أخبار" / "حلقة"), "a link to a folder that holds it (a loop); not followed"),
        (str(corpus / "أخبار" / "نفسه"), "a link to a folder that holds it (a loop); not followed"),
    ]
    assert {Path(s).relative_to(corpus).as_posix() for s, _ in report.imported} == {
        "أخبار/كوناشنكوف.txt",
        "أخبار/مرتبط/جعفري.txt",
        "أخبار/مرتبط/حريري.txt",
    }

    # the whole archive: the linked folder is read once, where it is
    again = Store.open(tmp_path / "again.db")
    report = import_paths(again, [corpus])
    assert (len(report.imported), report.duplicates) == (3, [])
    assert sorted(report.skipped) == [
        (str(corpus / "أخبار" / "حلقة"), "a link to a folder that holds it (a loop); not followed"),
        (
            str(corpus / "أخبار" / "مرتبط"),
            f"a link to a folder read already ({corpus / 'الأصل'}); not followed",
        ),
        (str(corpus / "أخبار" / "نفسه"), "a link to a folder that holds it (a loop); not followed"),
    ]
    again.close()


def test_a_folder_that_cannot_be_read_is_reported_not_passed_over(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A sub-folder the import may not list (its permissions) was passed over without
    a word, as if it were empty."""
    import os

    corpus = tmp_path / "أرشيف"
    (corpus / "مقفل").mkdir(parents=True)
    (corpus / "مقفل" / "حريري.txt").write_text(HARIRI, encoding="utf-8")
    (corpus / "جعفري.txt").write_text(JAAFARI, encoding="utf-8")
    scandir = os.scandir

    def refusing(path: Any = ".") -> Any:
        if Path(path).name == "مقفل":
            raise PermissionError(13, "Permission denied", str(path))
        return scandir(path)

    monkeypatch.setattr(os, "scandir", refusing)
    report = import_paths(store, [corpus])
    assert len(report.imported) == 1
    assert report.skipped == [(str(corpus / "مقفل"), "cannot read: Permission denied")]


def test_records_with_usual_field_names_and_overrides(store: Store, tmp_path: Path) -> None:
    folder = tmp_path / "records"
    folder.mkdir()
    records = [
        {
            "headline": "الجعفري في جنيف",
            "content": JAAFARI,
            "source": "سانا",
            "date_extracted": "2017-07-10 14:22:00",
            "link": "https://sana.sy/?p=1",
            "byline": "مراسل",
        },
        {
            "title": "الحريري",
            "text": HARIRI,
            "publisher": {"name": "Al Jazeera"},
            "published": "الاثنين 10 تموز 2017",
        },
        {"title": "بلا نص", "text": "   "},
    ]
    (folder / "a.json").write_text(json.dumps(records, ensure_ascii=False), encoding="utf-8")
    (folder / "b.jsonl").write_text(
        json.dumps({"body": KONASHENKOV, "src": "Reuters", "time": 1499688000}, ensure_ascii=False)
        + "\n{not json\n",
        encoding="utf-8",
    )
    report = import_paths(store, [folder], ImportOptions(fields={"outlet": "src", "text": "body"}))
    # the override replaces the defaults for text in every file, so a.json has no text field
    assert {r.split("#")[0].rsplit("/", 1)[-1] for r, _ in report.skipped} == {"a.json", "b.jsonl"}
    assert len(report.imported) == 1
    row = store.documents()[0]
    assert row.outlet == "Reuters" and row.published is not None

    store2 = Store.open(tmp_path / "other.db")
    report2 = import_paths(store2, [folder / "a.json"])
    rows = {r.title: r for r in store2.documents()}
    assert set(rows) == {"الجعفري في جنيف", "الحريري"}
    assert rows["الجعفري في جنيف"].outlet == "SANA"
    assert rows["الجعفري في جنيف"].published.isoformat() == "2017-07-10"  # type: ignore[union-attr]
    assert rows["الجعفري في جنيف"].url == "https://sana.sy/?p=1"
    assert rows["الجعفري في جنيف"].author == "مراسل"
    assert rows["الحريري"].outlet == "Al Jazeera"
    assert rows["الحريري"].published.isoformat() == "2017-07-10"  # type: ignore[union-attr]
    assert [reason for _, reason in report2.skipped] == ["empty text in field 'text'"]
    store2.close()


def test_fields_inside_nested_records_are_read_by_a_dotted_path(
    store: Store, tmp_path: Path
) -> None:
    """``--field date=meta.pub`` had no effect: a field was looked for among the
    record's keys, and one object down only under its usual names."""
    records = [
        {
            "doc": {"heading": "الجعفري في جنيف", "body": JAAFARI},
            "meta": {
                "Pub": "2017-07-10",
                "press": {"name": "سانا"},
                "href": "https://sana.sy/?p=1",
                "by": "مراسل",
                "serial": 7,
                # a key that holds a dot itself
                "pub.ar": "الاثنين 10 تموز 2017",
            },
            # the usual names, not the ones asked for: passed over
            "title": "عنوان آخر",
            "date": "2020-01-01",
        },
        # the path leads nowhere: the field is empty, the record still an article
        {"doc": {"heading": "الحريري", "body": HARIRI}, "meta": "سانا"},
    ]
    path = tmp_path / "nested.jsonl"
    path.write_text(
        "\n".join(json.dumps(r, ensure_ascii=False) for r in records) + "\n", encoding="utf-8"
    )
    fields = {
        "text": "doc.body",
        "title": "DOC.heading",
        "date": "meta.pub",
        "outlet": "meta.press",
        "url": "meta.href",
        "author": "meta.by",
        "id": "meta.serial",
    }
    report = import_paths(store, [path], ImportOptions(fields=fields))
    assert report.skipped == []
    rows = sorted(store.documents(), key=lambda r: r.id)
    assert [(r.title, r.outlet, r.published, r.url, r.author, r.stem) for r in rows] == [
        (
            "الجعفري في جنيف",
            "SANA",
            dt.date(2017, 7, 10),
            "https://sana.sy/?p=1",
            "مراسل",
            "nested-1-7",
        ),
        ("الحريري", None, None, None, None, "nested-2"),
    ]
    assert store.texts([rows[0].id]) == {rows[0].id: JAAFARI}
    again = Store.open(tmp_path / "other.db")
    import_paths(again, [path], ImportOptions(fields={**fields, "date": "meta.pub.ar"}))
    assert [r.published for r in again.documents()] == [dt.date(2017, 7, 10), None]
    again.close()


@pytest.mark.parametrize(
    ("header", "row"),
    [
        # as the reviewer's table had them: outlet and date were dropped without a word
        (
            ["العنوان", "النص", "الصحيفة", "تاريخ النشر"],
            ["الجعفري في جنيف", JAAFARI, "سانا", "10/07/2017"],
        ),
        (
            ["رقم", "عنوان الخبر", "نص الخبر", "الجريدة", "تاريخ النشر", "الكاتب", "رابط الخبر"],
            [
                "7",
                "الجعفري في جنيف",
                JAAFARI,
                "سانا",
                "2017-07-10",
                "مراسل",
                "https://sana.sy/?p=1",
            ],
        ),
        (["المتن", "الوسيلة", "اليوم"], [JAAFARI, "سانا", "2017-07-10"]),
        (
            ["النص", "الناشر", "التاريخ والوقت", "المحرر"],
            [JAAFARI, "سانا", "2017-07-10 14:22", "مراسل"],
        ),
        # typed without hamza, with a final ha for the ta marbuta
        (
            ["عنوان الخبر", "النص", "اسم الصحيفه", "تاريخ", "المؤلف"],
            ["الجعفري في جنيف", JAAFARI, "سانا", "2017-07-10", "مراسل"],
        ),
    ],
)
def test_a_table_with_arabic_column_names_gives_every_field(
    store: Store, tmp_path: Path, header: list[str], row: list[str]
) -> None:
    """An Arabic spreadsheet's usual column names: «الصحيفة», «تاريخ النشر», «نص الخبر»,
    «المتن», «الجريدة», «اليوم» were not known, and their columns were dropped without a
    word (outlet unknown, no date; a table without «النص» was refused)."""
    path = tmp_path / "أخبار.csv"
    with path.open("w", encoding="utf-8-sig", newline="") as fh:
        csv.writer(fh).writerows([header, row])
    report = import_paths(store, [path])
    assert (len(report.imported), report.skipped) == (1, [])
    doc = store.documents()[0]
    assert (doc.outlet, doc.published) == ("SANA", dt.date(2017, 7, 10))
    given = dict(zip(header, row, strict=True))
    if any("عنوان" in h for h in header):
        assert doc.title == "الجعفري في جنيف"
    if {"الكاتب", "المحرر", "المؤلف"} & set(header):
        assert doc.author == "مراسل"
    if "رابط الخبر" in given:
        assert doc.url == "https://sana.sy/?p=1"
    assert report.notes == []  # every column is read


@pytest.mark.parametrize("kind", ["csv", "unicode text", "xlsx", "large csv", "large csv.gz"])
def test_a_tables_columns_that_no_field_is_read_from_are_noted_once(
    store: Store, tmp_path: Path, parallel: bool, monkeypatch: pytest.MonkeyPatch, kind: str
) -> None:
    """A column the import reads nothing from was dropped without a word: the report
    now says which, once for the file, with how to read one; the file is imported, not
    skipped. pandas's index column and a column without a name are not named."""
    header = ["", "عنوان الخبر", "النص", "الصحيفة", "التصنيف", "تاريخ الإضافة"]
    rows = [
        [
            str(i),
            f"خبر {i}",
            f"{(JAAFARI, HARIRI, KONASHENKOV)[i % 3]} الخبر رقم {i}",
            "سانا",
            "سياسة",
            "2017-07-10",
        ]
        for i in range(1, 31)
    ]
    if kind == "xlsx":
        path = tmp_path / "أخبار.xlsx"
        save_xlsx(path, {"أخبار": [["Unnamed: 0", *header[1:]], *rows]})
    elif kind == "unicode text":  # a spreadsheet saved as «Unicode text»
        path = tmp_path / "أخبار.txt"
        lines = ["\t".join(["Unnamed: 0", *header[1:]]), *("\t".join(r) for r in rows)]
        path.write_bytes(("\r\n".join(lines) + "\r\n").encode("utf-16"))
    else:
        out = io.StringIO()
        csv.writer(out).writerows([header, *rows])
        path = tmp_path / "أخبار.csv"
        path.write_text(out.getvalue(), encoding="utf-8")
        if kind == "large csv.gz":
            import gzip

            path = tmp_path / "أخبار.csv.gz"
            path.write_bytes(gzip.compress(out.getvalue().encode("utf-8")))
        if kind.startswith("large"):
            monkeypatch.setattr(importing, "PIECE_BYTES", 2_000)
    report = import_paths(store, [path])
    assert (len(report.imported), report.skipped) == (30, [])
    assert report.notes == [
        (
            str(path),
            "columns not read: التصنيف, تاريخ الإضافة (no column found for: date, author, url); "
            "to read one, name its field: --field date=COLUMN",
        )
    ]
    # named, the column is read, and nothing is left to say
    again = Store.open(tmp_path / "again.db")
    named = import_paths(again, [path], ImportOptions(fields={"date": "تاريخ الإضافة"}))
    assert named.notes == [
        (
            str(path),
            "column not read: التصنيف (no column found for: author, url); "
            "to read one, name its field: --field author=COLUMN",
        )
    ]
    assert {d.published for d in again.documents()} == {dt.date(2017, 7, 10)}
    again.close()


def test_columns_no_field_could_take_are_named_without_a_hint(store: Store, tmp_path: Path) -> None:
    """With every field read from its column, «section, shares» were noted with «to read
    one, name its field: --field date=COLUMN», inviting a section to be read as dates."""
    table = tmp_path / "export.csv"
    table.write_text(
        "title,content,date,author,url,outlet,section,shares\n"
        "الجعفري في جنيف,وقال الجعفري في جنيف إن المحادثات ستستمر.,2017-07-10,رويترز,"
        "https://example.org/1,سانا,سياسة,12\n",
        encoding="utf-8",
    )
    report = import_paths(store, [table])
    assert len(report.imported) == 1
    assert report.notes == [(str(table), "columns not read: section, shares")]


def test_a_workbooks_sheets_have_their_columns_noted_each(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "تغطية.xlsx"
    save_xlsx(
        path,
        {
            "سانا": [["النص", "الوسوم"], [JAAFARI, "جنيف"]],
            "عنب بلدي": [["النص", "تاريخ النشر", "الجريدة"], [HARIRI, "2017-07-10", "عنب بلدي"]],
        },
    )
    report = import_paths(store, [path])
    assert len(report.imported) == 2
    assert report.notes == [
        (
            str(path),
            "sheet «سانا»: column not read: الوسوم (no column found for: date, outlet, title, "
            "author, url); to read one, name its field: --field date=COLUMN",
        )
    ]


def test_outlet_and_date_fall_back_to_the_url(store: Store, tmp_path: Path) -> None:
    rows = [
        {
            "title": "الحريري",
            "text": HARIRI,
            "url": "https://www.example-news.org/2017/07/11/hariri",
        },
        {"title": "الجعفري", "text": JAAFARI, "url": "https://www.aljazeera.net/news/2017/7/10/x"},
    ]
    (tmp_path / "u.json").write_text(json.dumps(rows, ensure_ascii=False), encoding="utf-8")
    import_paths(store, [tmp_path / "u.json"])
    got = {r.title: (r.outlet, str(r.published)) for r in store.documents()}
    assert got == {
        "الحريري": ("example-news.org", "2017-07-11"),
        "الجعفري": ("Al Jazeera", "2017-07-10"),
    }


def test_kinds_of_file_datasets_ship_that_are_not_read_say_what_to_do(
    store: Store, tmp_path: Path
) -> None:
    folder = tmp_path / "dataset"
    folder.mkdir()
    (folder / "Alittihad.xml.zst").write_bytes(b"\x28\xb5\x2f\xfd" + bytes(32))
    (folder / "report.pdf").write_bytes(b"%PDF-1.4\n")
    (folder / "a.txt").write_text(HARIRI, encoding="utf-8")
    report = import_paths(store, [folder])
    assert len(report.imported) == 1
    reasons = _reasons(report)
    assert "decompress it (zstd -d)" in reasons["Alittihad.xml.zst"]
    assert "save it as plain text" in reasons["report.pdf"]


def test_outlet_from_the_archive_or_folder_named_after_it(
    store: Store, tmp_path: Path, parallel: bool
) -> None:
    # as SANAD ships its outlets: one archive each, a folder per section, a text per article
    corpus = tmp_path / "sanad"
    corpus.mkdir()
    for outlet, text in (("AlArabiya", HARIRI), ("Akhbarona", JAAFARI), ("Khaleej", MORE)):
        with zipfile.ZipFile(corpus / f"{outlet}.zip", "w") as z:
            z.writestr(f"{outlet}/Politics/1.txt", text)
    # Khaleej-2004: a folder per section under the corpus's name
    (corpus / "Khaleej-2004" / "Sport").mkdir(parents=True)
    (corpus / "Khaleej-2004" / "Sport" / "12.txt").write_text(
        "وقال المدرب إن المباراة كانت صعبة.", encoding="utf-8"
    )
    # the Arabic Gigaword: a folder per agency
    (corpus / "afp_arb").mkdir()
    (corpus / "afp_arb" / "k.txt").write_text(KONASHENKOV, encoding="utf-8")
    import_paths(store, [corpus])
    got = {r.source_path.split("sanad")[1]: r.outlet for r in store.documents()}
    assert got == {
        "/AlArabiya.zip!AlArabiya/Politics/1.txt": "Al Arabiya",
        "/Akhbarona.zip!Akhbarona/Politics/1.txt": "Akhbarona",
        "/Khaleej.zip!Khaleej/Politics/1.txt": "Al Khaleej",
        "/Khaleej-2004/Sport/12.txt": "Al Khaleej",
        "/afp_arb/k.txt": "AFP",
    }


def test_folder_names_give_way_to_what_an_article_says_and_section_names_give_no_outlet(
    store: Store, tmp_path: Path
) -> None:
    root = tmp_path / "aljazeera"  # above what is imported: not the corpus's own name
    corpus = root / "corpus"
    (corpus / "الرأي").mkdir(parents=True)  # a section in Arabic, not the daily Alrai
    (corpus / "الرأي" / "a.txt").write_text(HARIRI, encoding="utf-8")
    (corpus / "Politics").mkdir()
    (corpus / "Politics" / "b.txt").write_text(KONASHENKOV, encoding="utf-8")
    sana = corpus / "Sky-News-Arabia"
    sana.mkdir()
    (sana / "rows.jsonl").write_text(
        json.dumps({"text": JAAFARI, "source": "عنب بلدي"}, ensure_ascii=False)
        + "\n"
        + json.dumps({"text": "الجعفري: " + HARIRI, "url": "https://www.aljazeera.net/x"})
        + "\n"
        + json.dumps({"text": "الجعفري: " + KONASHENKOV})
        + "\n",
        encoding="utf-8",
    )
    # a short alias (Anadolu's AA) names no folder: the dateline says SANA
    (corpus / "AA").mkdir()
    (corpus / "AA" / "c.txt").write_text(f"{HARIRI}\nجنيف- سانا", encoding="utf-8")
    # a file of one article is named after it, not its outlet
    (corpus / "Politics" / "aljazeera.txt").write_text(f"{JAAFARI} 2", encoding="utf-8")
    import_paths(store, [corpus])
    got = {r.source_path.split("corpus")[1]: r.outlet for r in store.documents()}
    assert got == {
        "/الرأي/a.txt": None,
        "/Politics/b.txt": None,
        "/Politics/aljazeera.txt": None,
        "/AA/c.txt": "SANA",
        "/Sky-News-Arabia/rows.jsonl#1": "Enab Baladi",  # the record names its outlet
        "/Sky-News-Arabia/rows.jsonl#2": "Al Jazeera",  # its address
        "/Sky-News-Arabia/rows.jsonl#3": "Sky News Arabia",  # its folder
    }


def test_a_folder_imported_as_dot_still_names_its_outlet(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "afp_arb"
    folder.mkdir()
    (folder / "k.txt").write_text(KONASHENKOV, encoding="utf-8")
    monkeypatch.chdir(folder)
    import_paths(store, [Path(".")])
    assert [r.outlet for r in store.documents()] == ["AFP"]


def test_outlet_names_as_datasets_write_them() -> None:
    outlets = OutletDirectory.default()
    # SaudiNewsNet's source ids, and Latin names run together as in folder names
    named = {
        n: (s.name if (s := outlets.by_name(n)) else None)
        for n in ("aawsat", "was", "okaz", "AlKhaleej", "al_khaleej", "alarabiya.net", "alwatan")
    }
    assert named == {
        "aawsat": "Asharq Al-Awsat",
        "was": "Saudi Press Agency",
        "okaz": "Okaz",
        "AlKhaleej": "Al Khaleej",
        "al_khaleej": "Al Khaleej",
        "alarabiya.net": "Al Arabiya",
        "alwatan": None,  # a dozen dailies are called Al-Watan
    }
    assert outlets.by_name("الجزيرة").name == "Al Jazeera"  # type: ignore[union-attr]
    assert outlets.by_name("صحيفة الجزيرة").name == "Al-Jazirah (Saudi Arabia)"  # type: ignore[union-attr]


def test_json_as_pandas_writes_it(tmp_path: Path) -> None:
    """A table saved by pandas's ``to_json`` in each of its layouts (by default column by
    column) is read as its rows; rows of bare values, with no names, are refused with
    advice."""
    rows = [
        {"title": "الجعفري", "text": JAAFARI, "date": "2017-07-10", "source": "sana.sy"},
        {"title": "الحريري", "text": HARIRI, "date": "2017-07-11", "source": "enabbaladi.net"},
        {"title": "كوناشنكوف", "text": KONASHENKOV, "date": "2017-07-12", "source": "aawsat"},
    ]
    names = list(rows[0])
    layouts = {
        "columns": {k: {str(i): r[k] for i, r in enumerate(rows)} for k in names},
        "index": {f"a{i}": r for i, r in enumerate(rows)},
        "split": {"columns": names, "index": [0, 1, 2], "data": [list(r.values()) for r in rows]},
        "sheet": {"range": "A1:D4", "values": [names, *(list(r.values()) for r in rows)]},
        "values": [list(r.values()) for r in rows],
    }
    got = {}
    for name, obj in layouts.items():
        path = tmp_path / f"{name}.json"
        path.write_text(json.dumps(obj, ensure_ascii=False), encoding="utf-8")
        store = Store.open(tmp_path / f"{name}.db")
        try:
            report = import_paths(store, [path])
            docs = [(r.title, r.outlet, str(r.published)) for r in store.documents()]
            got[name] = (docs, [why for _, why in report.skipped])
        finally:
            store.close()
    read = [
        ("الجعفري", "SANA", "2017-07-10"),
        ("الحريري", "Enab Baladi", "2017-07-11"),
        ("كوناشنكوف", "Asharq Al-Awsat", "2017-07-12"),
    ]
    refused = (
        "records are arrays of values without field names: save them as objects "
        "(pandas: orient='records' or lines=True) or as CSV with a header row"
    )
    assert got == {name: (read, []) for name in layouts} | {"values": ([], [refused])}


@pytest.mark.parametrize(
    ("obj", "texts", "problems"),
    [
        # one article: beside its translation, or its paragraphs beside its authors
        (
            {"article": {"title": "جنيف", "text": JAAFARI}, "translation": {"text": "Geneva"}},
            [JAAFARI],
            0,
        ),
        ({"text": [JAAFARI, HARIRI], "authors": ["أحمد", "سارة"]}, [f"{JAAFARI}\n{HARIRI}"], 0),
        # WordPress asked for two fields of a post
        (
            {
                "content": {"rendered": f"<p>{JAAFARI}</p>", "protected": False},
                "excerpt": {"rendered": "<p>…</p>", "protected": False},
            },
            [JAAFARI],
            0,
        ),
        # a JSON Feed: its description is the site's, its items are the articles
        (
            {"title": "عنب بلدي", "description": "أخبار", "items": [{"content_text": HARIRI}]},
            [HARIRI],
            0,
        ),
        # categories under "data" before the articles, an empty list of items
        (
            {"data": [{"id": 3, "name": "سياسة"}], "items": [], "articles": [{"text": HARIRI}]},
            [HARIRI],
            0,
        ),
        # records keyed by id, one of them deleted: it is reported, the others read
        (
            {
                "101": {"text": JAAFARI},
                "102": {"title": "ج", "status": "deleted"},
                "103": {"text": KONASHENKOV},
            },
            [JAAFARI, KONASHENKOV],
            1,
        ),
    ],
)
def test_json_objects_are_read_as_the_articles_they_hold(
    obj: Any, texts: list[str], problems: int
) -> None:
    result = read_json("a.json", json.dumps(obj, ensure_ascii=False).encode(), FieldMapping())
    assert [a.text.strip() for a in result.articles] == texts
    assert len(result.problems) == problems


def test_a_spreadsheet_saved_as_unicode_text_is_read_as_its_rows(
    store: Store, tmp_path: Path
) -> None:
    """Excel's "Unicode text" is a .txt file in UTF-16, tab-separated under a row of
    column names: its rows are articles. An article whose first line holds a tab is
    still one article."""
    table = "\r\n".join(
        [
            "العنوان\tالنص\tالتاريخ\tالمصدر",
            f"الجعفري\t{JAAFARI}\t10/07/2017\tسانا",
            f'الحريري\t"{HARIRI}, {KONASHENKOV}"\t11/07/2017\tعنب بلدي',
        ]
    )
    (tmp_path / "sheet.txt").write_bytes(table.encode("utf-16"))
    (tmp_path / "article.txt").write_text(f"جنيف\tسويسرا\n{KONASHENKOV}", encoding="utf-8")
    # a first line that names a text column, but no row of as many cells follows
    (tmp_path / "statement.txt").write_text(
        f"النص\tالكامل للبيان\n{HARIRI}\n{MORE}", encoding="utf-8"
    )
    report = import_paths(
        store, [tmp_path / "sheet.txt", tmp_path / "article.txt", tmp_path / "statement.txt"]
    )
    assert not report.skipped
    docs = {(r.title, r.outlet, str(r.published)) for r in store.documents()}
    assert docs == {
        ("الجعفري", "SANA", "2017-07-10"),
        ("الحريري", "Enab Baladi", "2017-07-11"),
        ("جنيف\tسويسرا", None, "None"),
        ("النص\tالكامل للبيان", None, "None"),
    }
    texts = set(store.texts([r.id for r in store.documents()]).values())
    assert f"{HARIRI}, {KONASHENKOV}" in texts
    assert f"جنيف\tسويسرا\n{KONASHENKOV}" in texts


_DE_MISTURA = "قال المبعوث الأممي إلى سوريا ستافان دي ميستورا إن المحادثات ستستأنف"


def test_a_spreadsheet_saved_as_unicode_text_keeps_cells_of_several_lines_whole(
    store: Store, tmp_path: Path
) -> None:
    """Excel writes a cell that holds line breaks (Alt+Enter) between quotation marks:
    such a sheet, its text column before others, was read as one article of all its
    lines, as no line below the column names held as many tabs as they do."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter="\t", lineterminator="\r\n")  # as Excel saves it
    writer.writerow(["العنوان", "النص", "التاريخ", "المصدر"])
    texts = []
    for i in range(1, 6):
        text = "\n".join(
            [
                f"{_DE_MISTURA} في جنيف يوم {i} تموز.",
                "",
                f'وأضاف أن "الوفدين سيلتقيان" الأسبوع المقبل (الخبر رقم {i}).',
                "",
                JAAFARI,
                "",
                HARIRI,
            ]
        )
        texts.append(text)
        writer.writerow([f"دي ميستورا {i}", text, f"{i + 9}/07/2017", "سانا"])
    path = tmp_path / "جدول.txt"
    path.write_bytes(out.getvalue().encode("utf-16"))
    assert out.getvalue().splitlines()[1].count("\t") == 1  # the cell's first line
    report = import_paths(store, [path])

    assert (len(report.imported), report.skipped) == (5, [])
    docs = sorted(store.documents(), key=lambda r: r.title)
    assert [(r.title, r.outlet, str(r.published)) for r in docs] == [
        (f"دي ميستورا {i}", "SANA", f"2017-07-{i + 9}") for i in range(1, 6)
    ]
    stored = store.texts([r.id for r in docs])
    assert [stored[r.id] for r in docs] == texts


def test_a_web_page_saved_under_a_text_name_is_read_as_a_page(
    store: Store, tmp_path: Path, parallel: bool
) -> None:
    """A page saved as «page.txt» (a browser's «Text files» choice keeps the markup, as
    a download renamed does) was imported as its raw markup: tags, menu and all. It is
    told by how it opens, as a file without an extension is: a doctype or <html>, in
    any encoding, after a browser's «saved from» comment."""
    page = (
        "<!DOCTYPE html>\n<html lang='ar' dir='rtl'><head><meta charset='utf-8'>"
        "<title>الجعفري في جنيف - سانا</title></head><body><nav><a href='/'>الرئيسية</a>"
        f"</nav><article><p>{JAAFARI}</p><p>{HARIRI}</p></article>"
        "<footer>جميع الحقوق محفوظة</footer></body></html>"
    )
    saved = "<!-- saved from url=(0026)https://www.sana.sy/?p=1 -->\r\n" + page.replace(
        "<!DOCTYPE html>\n", ""
    ).replace("الجعفري في جنيف", "الحريري في جنيف")
    folder = tmp_path / "مقالات"
    folder.mkdir()
    (folder / "صفحة.txt").write_text(page, encoding="utf-8")
    (folder / "محفوظة.txt").write_bytes(saved.replace(HARIRI, KONASHENKOV).encode("utf-16"))
    # text that speaks of markup is still text
    (folder / "مقال.txt").write_text(f"{MORE}\n<html> وسم في صفحات الويب.", encoding="utf-8")
    # and a page without an extension is told after such a comment too
    (folder / "بلا_امتداد").write_text(saved.replace(JAAFARI, MORE), encoding="utf-8")
    report = import_paths(store, [folder])
    assert (len(report.imported), report.skipped) == (4, [])
    rows = {r.stem: r for r in store.documents()}
    texts = store.texts([r.id for r in rows.values()])
    assert (rows["صفحة"].title, rows["صفحة"].outlet) == ("الجعفري في جنيف", "SANA")
    assert texts[rows["صفحة"].id] == f"{JAAFARI}\n{HARIRI}"
    assert (rows["محفوظة"].title, rows["محفوظة"].outlet) == ("الحريري في جنيف", "SANA")
    assert texts[rows["محفوظة"].id] == f"{JAAFARI}\n{KONASHENKOV}"
    assert texts[rows["مقال"].id] == f"{MORE}\n<html> وسم في صفحات الويب."
    assert texts[rows["بلا_امتداد"].id] == f"{MORE}\n{HARIRI}"


def test_json_as_news_apis_search_engines_and_cms_export_it(store: Store, tmp_path: Path) -> None:
    folder = tmp_path / "exports"
    folder.mkdir()
    exports = {
        # a news API's results wrapped two levels down, the outlet an object
        "api.json": {
            "articles": {
                "results": [
                    {
                        "body": JAAFARI,
                        "dateTime": "2017-07-10T09:00:00Z",
                        "source": {"uri": "alarabiya.net", "title": "Al Arabiya"},
                    }
                ],
                "totalResults": 1,
            }
        },
        # an Elasticsearch dump: each article under _source
        "es.json": {
            "took": 3,
            "hits": {
                "hits": [
                    {
                        "_id": "a1",
                        "_source": {"content": HARIRI, "site": "sana.sy", "date": "2017-07-11"},
                    }
                ]
            },
        },
        # a record made of objects: the article beside its metadata
        "nested.json": [
            {
                "article": {"text": KONASHENKOV, "headline": "كوناشنكوف"},
                "meta": {"source": "عنب بلدي", "date": "2017-07-12"},
            }
        ],
        # a WordPress export: {"rendered": ...} holding the page's HTML and entities
        "posts.json": [
            {
                "id": 7,
                "date": "2017-07-13T10:00:00",
                "link": "https://www.enabbaladi.net/archives/7",
                "title": {"rendered": "الجعفري &#8211; جنيف"},
                "content": {
                    "rendered": f"<p>{JAAFARI}</p>\n<p>قال &#8220;لا&#8221;.</p>\n"
                    "<script>var a = 1;</script>",
                    "protected": False,
                },
            }
        ],
    }
    for name, obj in exports.items():
        (folder / name).write_text(json.dumps(obj, ensure_ascii=False), encoding="utf-8")
    report = import_paths(store, [folder])
    assert not report.skipped
    got = {
        Path(r.source_path.split("#")[0]).stem: (r.outlet, str(r.published), r.title)
        for r in store.documents()
    }
    assert got["api"][:2] == ("Al Arabiya", "2017-07-10")
    assert got["es"][:2] == ("SANA", "2017-07-11")
    assert got["nested"] == ("Enab Baladi", "2017-07-12", "كوناشنكوف")
    assert got["posts"] == ("Enab Baladi", "2017-07-13", "الجعفري – جنيف")
    posts = next(r for r in store.documents() if "posts" in r.source_path)
    assert store.texts([posts.id])[posts.id] == f"{JAAFARI}\n\nقال “لا”."


def test_html_in_a_csv_field_is_read_as_paragraphs(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "scraped.csv"
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["title", "body"])
        writer.writerow(["خبر", f'<div class="entry"><p>{HARIRI}</p><p>{KONASHENKOV}</p></div>'])
        writer.writerow(["أ &amp; ب", "نص بلا وسوم: 3 < 4 و 5 > 2"])  # no markup: as it is
    import_paths(store, [path])
    texts = {r.title: store.texts([r.id])[r.id] for r in store.documents()}
    assert texts == {"خبر": f"{HARIRI}\n\n{KONASHENKOV}", "أ & ب": "نص بلا وسوم: 3 < 4 و 5 > 2"}


def test_sidecar_and_manifest_metadata(store: Store, tmp_path: Path) -> None:
    tmp_path = tmp_path / "meta"
    tmp_path.mkdir()
    (tmp_path / "hariri.txt").write_text(HARIRI, encoding="utf-8")
    (tmp_path / "hariri.json").write_text(
        json.dumps({"outlet": "عنب بلدي", "date": "2017-07-11", "title": "الحريري يتعهد"}),
        encoding="utf-8",
    )
    (tmp_path / "jaafari.txt").write_text(JAAFARI, encoding="utf-8")
    (tmp_path / "manifest.csv").write_text(
        "file,outlet,date,title,url\njaafari.txt,SANA,2017-07-10,الجعفري,https://sana.sy/x\n",
        encoding="utf-8",
    )
    report = import_paths(store, [tmp_path])
    assert len(report.imported) == 2 and not report.skipped  # sidecar and manifest are not articles
    rows = {r.title: r for r in store.documents()}
    assert rows["الحريري يتعهد"].outlet == "Enab Baladi"
    assert str(rows["الجعفري"].published) == "2017-07-10"


def test_html_article_text_only(store: Store, tmp_path: Path) -> None:
    tmp_path = tmp_path / "html"
    tmp_path.mkdir()
    html = f"""<html><head><title>الجعفري - سانا</title>
    <meta property="og:site_name" content="سانا">
    <meta property="article:published_time" content="2017-07-10T10:00:00+03:00">
    <script>var x = "لا تستورد هذا";</script><style>p {{color: red}}</style></head>
    <body><nav><a href="/">الرئيسية</a> <a href="/x">سياسة</a></nav>
    <article><h1>الجعفري في جنيف</h1><p>{JAAFARI}</p><p>{HARIRI}</p></article>
    <footer>جميع الحقوق محفوظة</footer></body></html>"""
    (tmp_path / "page.html").write_text(html, encoding="utf-8")
    report = import_paths(store, [tmp_path])
    assert len(report.imported) == 1
    detail = store.document(report.imported[0][1])
    assert JAAFARI in detail.text and HARIRI in detail.text
    for junk in ("لا تستورد", "color", "الرئيسية", "جميع الحقوق"):
        assert junk not in detail.text
    assert detail.row.outlet == "SANA" and str(detail.row.published) == "2017-07-10"


def test_a_saved_page_is_found_the_same_as_its_copy_in_a_table(
    store: Store, tmp_path: Path
) -> None:
    """The page's heading and its byline («رويترز، أ ف ب» and the date) were lines of its
    text, which the table's copy does not have: the article was imported twice."""
    page = f"""<html><head><meta charset="utf-8"><title>الجعفري في جنيف - سانا</title>
    <meta property="og:site_name" content="سانا"></head><body><article>
    <h1 class="entry-title">الجعفري في جنيف</h1>
    <div class="meta">رويترز، أ ف ب <time>10/07/2017 21:15</time></div>
    <p>{JAAFARI}</p><p>{HARIRI}</p></article></body></html>"""
    (tmp_path / "page.html").write_text(page, encoding="utf-8")
    with open(tmp_path / "export.csv", "w", encoding="utf-8", newline="") as fh:
        csv.writer(fh).writerows(
            [
                ["title", "source", "date", "content"],
                ["الجعفري في جنيف", "سانا", "10/07/2017", f"{JAAFARI}\n{HARIRI}"],
            ]
        )

    report = import_paths(store, [tmp_path / "page.html", tmp_path / "export.csv"])

    assert (len(report.imported), len(report.duplicates)) == (1, 1)
    (row,) = store.documents()
    assert (row.title, str(row.published)) == ("الجعفري في جنيف", "2017-07-10")


def _interrupt_the_third_write(monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    """Make the third transaction of documents fail as a Ctrl-C would; returns the real
    writer, to put back."""
    calls = {"n": 0}
    original = Store.add_documents

    def failing(self, drafts):  # type: ignore[no-untyped-def]
        calls["n"] += 1
        if calls["n"] == 3:
            raise KeyboardInterrupt
        return original(self, drafts)

    monkeypatch.setattr(Store, "add_documents", failing)
    return original


def test_an_interrupted_import_leaves_whole_files_and_resumes(
    store: Store, seeds_copy: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    original = _interrupt_the_third_write(monkeypatch)
    monkeypatch.setattr(importing, "WRITE_BATCH", 1)  # one file per transaction
    with contextlib.suppress(KeyboardInterrupt):
        import_paths(store, [seeds_copy])
    assert store.counts().documents == 2
    monkeypatch.setattr(Store, "add_documents", original)
    report = import_paths(store, [seeds_copy])
    assert (len(report.imported), len(report.duplicates)) == (3, 2)
    for row in store.documents():  # every stored document is whole, with its structure
        detail = store.document(row.id)
        assert detail.paragraphs and detail.sentences


class _CountingProgress:
    def __init__(self) -> None:
        self.total = 0
        self.done = 0
        self.notes: list[str] = []

    def start(self, total: int, label: str) -> None:
        self.total = total

    def advance(self, step: int = 1, note: str = "") -> None:
        self.done += step
        self.notes.append(note)

    def finish(self) -> None:
        pass


def _big_jsonl(path: Path, n: int, bad_line: int) -> list[str]:
    """``n`` articles a line (made distinct), one malformed line; returns the texts."""
    texts, lines = [], []
    for i in range(1, n + 1):
        if i == bad_line:
            lines.append('{"title": "مقطوع", "text": "نص')
            continue
        text = f"{(JAAFARI, HARIRI, KONASHENKOV)[i % 3]} (الخبر رقم {i})"
        texts.append(text)
        lines.append(json.dumps({"id": i, "title": f"خبر {i}", "text": text}, ensure_ascii=False))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return texts


def _never_read_whole(monkeypatch: pytest.MonkeyPatch, path: Path) -> None:
    read_bytes = Path.read_bytes

    def refuse(self: Path) -> bytes:
        assert self != path, "a large file was read whole"
        return read_bytes(self)

    monkeypatch.setattr(Path, "read_bytes", refuse)


class _FailingFile(io.BufferedReader):
    """A file whose reads fail once ``limit`` bytes have been read (a disk error)."""

    limit = 0

    def read(self, size: int | None = -1) -> bytes:
        if self.tell() >= self.limit:
            raise OSError(5, "Input/output error")
        return super().read(size)


def test_a_large_file_that_cannot_be_read_to_its_end_keeps_what_was_read(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "corpus.jsonl"
    texts = _big_jsonl(path, 60, bad_line=0)
    monkeypatch.setattr(importing, "PIECE_BYTES", 2_000)
    _FailingFile.limit = 5_000
    opened = Path.open

    def failing(self: Path, *args: Any, **kwargs: Any) -> Any:
        if self != path:
            return opened(self, *args, **kwargs)
        return _FailingFile(opened(self, "rb", buffering=0))

    monkeypatch.setattr(Path, "open", failing)
    report = import_paths(store, [path])
    kept = sorted(store.texts([i for _, i in report.imported]).values())
    assert 0 < len(kept) < len(texts) and set(kept) < set(texts)
    assert report.skipped == [(str(path), "cannot read: Input/output error")]


def test_a_large_json_lines_file_is_read_in_pieces_with_its_line_numbers(
    store: Store, tmp_path: Path, parallel: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "corpus.jsonl"
    texts = _big_jsonl(path, 60, bad_line=47)
    monkeypatch.setattr(importing, "PIECE_BYTES", 2_000)  # about 6 lines a piece
    assert importing._piece_count(next(iter_sources([path], []))) > 5
    _never_read_whole(monkeypatch, path)
    progress = _CountingProgress()
    report = import_paths(store, [path], progress=progress)

    assert sorted(store.texts([i for _, i in report.imported]).values()) == sorted(texts)
    assert report.skipped == [
        (f"{path}#47", "malformed JSON line: Unterminated string starting at (column 28)")
    ]
    # records are named by their line in the whole file, whichever piece they were in
    by_stem = {r.stem: r for r in store.documents()}
    assert by_stem["corpus-48-48"].title == "خبر 48"
    assert progress.done == progress.total > 5


def test_json_lines_files_joined_without_a_line_end_lose_no_record(
    store: Store, tmp_path: Path
) -> None:
    """``cat a.jsonl b.jsonl`` where ``a`` has no final line end puts two records on one
    line: both are read (the second named line N:2), also when ``b`` starts with a byte
    order mark; a line that is broken is still reported and skipped."""
    first = {"title": "الأول", "text": f"{JAAFARI} في جنيف"}
    second = {"title": "الثاني", "text": f"{HARIRI} في أستانا"}
    third = {"title": "الثالث", "text": f"{KONASHENKOV} في موسكو"}
    fourth = {"title": "الرابع", "text": f"{JAAFARI} في أستانا"}
    lines = [
        json.dumps(first, ensure_ascii=False),
        json.dumps(second, ensure_ascii=False) + " " + json.dumps(third, ensure_ascii=False),
        json.dumps(first, ensure_ascii=False)[:-1] + '{"title": "x"}',
        "\ufeff" + json.dumps(fourth, ensure_ascii=False),
    ]
    path = tmp_path / "joined.jsonl"
    path.write_text("\n".join(lines), encoding="utf-8")
    report = import_paths(store, [path])
    texts = store.texts([i for _, i in report.imported])
    assert sorted(texts.values()) == sorted(r["text"] for r in (first, second, third, fourth))
    assert [where for where, _why in report.skipped] == [f"{path}#3"]
    assert {r.source_path for r in store.documents()} == {
        f"{path}#1",
        f"{path}#2",
        f"{path}#2:2",
        f"{path}#4",
    }


def test_gzip_files_are_read_as_the_file_they_hold(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Large corpora are often shared compressed: ``news.jsonl.gz`` is read as JSON Lines
    (in pieces when large), ``note.txt.gz`` as text, also inside a zip archive; a broken
    gzip file or one holding an unsupported file is reported, and the rest goes on."""
    import gzip
    import zipfile

    folder = tmp_path / "corpus"
    folder.mkdir()
    jsonl = folder / "news.jsonl.gz"
    texts = _big_jsonl(tmp_path / "news.jsonl", 40, bad_line=7)
    jsonl.write_bytes(gzip.compress((tmp_path / "news.jsonl").read_bytes()))
    (folder / "note.txt.gz").write_bytes(gzip.compress(f"{JAAFARI} في جنيف".encode()))
    (folder / "broken.jsonl.gz").write_bytes(b"\x1f\x8b\x08\x00not gzip at all")
    (folder / "old.doc.gz").write_bytes(gzip.compress(b"word processor bytes"))
    with zipfile.ZipFile(folder / "more.zip", "w") as zf:
        zf.writestr("inner/report.txt.gz", gzip.compress(f"{HARIRI} في أستانا".encode()))
    monkeypatch.setattr(importing, "PIECE_BYTES", 1_500)  # the .jsonl.gz in pieces
    assert importing._piece_count(next(iter_sources([jsonl], []))) > 2
    report = import_paths(store, [folder])

    stored = sorted(store.texts([i for _, i in report.imported]).values())
    assert stored == sorted([*texts, f"{JAAFARI} في جنيف", f"{HARIRI} في أستانا"])
    skipped = dict(report.skipped)
    assert skipped[f"{jsonl}#7"].startswith("malformed JSON line")  # its line in the whole
    assert "not a readable gzip file" in skipped[str(folder / "broken.jsonl.gz")]
    assert "unsupported file type '.doc'" in skipped[str(folder / "old.doc.gz")]
    assert len(skipped) == 3
    names = {r.source_path for r in store.documents()}
    assert f"{jsonl}#8" in names and f"{folder / 'more.zip'}!inner/report.txt.gz" in names
    # named after the file it holds, not the .gz
    assert all(
        r.stem.startswith("news-") for r in store.documents() if "news.jsonl" in r.source_path
    )


def test_damaged_compressed_files_are_reported_and_the_rest_imported(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """gzip files joined (``cat a.gz b.gz``) are read whole; one that ends too early,
    or would inflate past the limit, is reported without being inflated; a damaged
    member of a zip archive is reported and the archive's other members imported; a
    sidecar beside a compressed text file is its metadata, not an article."""
    import gzip
    import zipfile

    from desktop.corpus import sources

    folder = tmp_path / "corpus"
    folder.mkdir()
    records = [{"title": f"خبر {i}", "text": f"{JAAFARI} (الخبر رقم {i})"} for i in range(6)]
    lines = [json.dumps(r, ensure_ascii=False) + "\n" for r in records]
    joined = gzip.compress("".join(lines[:4]).encode()) + gzip.compress("".join(lines[4:]).encode())
    (folder / "joined.jsonl.gz").write_bytes(joined)
    whole = gzip.compress(f"{HARIRI} في أستانا".encode())
    (folder / "cut.txt.gz").write_bytes(whole[: len(whole) // 2])
    (folder / "bomb.txt.gz").write_bytes(gzip.compress(b" " * 3_000_000))
    (folder / "report.txt.gz").write_bytes(gzip.compress(f"{KONASHENKOV} في موسكو".encode()))
    (folder / "report.json").write_text('{"title": "تقرير من موسكو", "outlet": "TASS"}')
    archive = folder / "more.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("ok.txt", f"{JAAFARI} في جنيف")
        zf.writestr("bad.txt", "نص سيفسد " * 200)
    raw = bytearray(archive.read_bytes())
    at = raw.index(b"bad.txt") + len(b"bad.txt") + 10  # inside its compressed data
    raw[at] ^= 0xFF
    archive.write_bytes(bytes(raw))
    monkeypatch.setattr(sources, "MAX_MEMBER_BYTES", 1_000_000)
    report = import_paths(store, [folder])

    titles = {r.title for r in store.documents()}
    assert {f"خبر {i}" for i in range(6)} <= titles  # both gzip members
    assert "تقرير من موسكو" in titles  # the sidecar's title
    skipped = dict(report.skipped)
    assert "ends too early" in skipped[str(folder / "cut.txt.gz")]
    assert "too large once decompressed" in skipped[str(folder / "bomb.txt.gz")]
    assert "not readable in the archive" in skipped[f"{archive}!bad.txt"]
    assert len(skipped) == 3  # report.json is no article of its own
    assert f"{archive}!ok.txt" in {r.source_path for r in store.documents()}
    assert len(report.imported) == 6 + 1 + 1


def test_a_folder_of_many_small_files_goes_to_the_workers_in_groups(
    store: Store, tmp_path: Path, parallel: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "many"
    folder.mkdir()
    texts = {}
    for i in range(23):
        texts[f"{i:02d}.txt"] = f"{(JAAFARI, HARIRI, KONASHENKOV)[i % 3]} (الخبر رقم {i})"
    for name, text in texts.items():
        (folder / name).write_text(text, encoding="utf-8")
    (folder / "07.txt").write_bytes(b"")  # unreadable, inside a group
    del texts["07.txt"]
    big = "\n".join(
        json.dumps({"title": f"سطر {i}", "text": f"{HARIRI} {i}"}, ensure_ascii=False)
        for i in range(30)
    )
    (folder / "12-big.jsonl").write_text(big, encoding="utf-8")  # split: it ends a group
    monkeypatch.setattr(importing, "GROUP_FILES", 4)
    monkeypatch.setattr(importing, "PIECE_BYTES", 2_000)
    units = list(importing._units(list(iter_sources([folder], [])), FieldMapping({})))
    groups = [u for _n, _last, u in units if isinstance(u, importing._Group)]
    assert len(groups) > 4 and max(len(g.files) for g in groups) == 4

    progress = _CountingProgress()
    report = import_paths(store, [folder], progress=progress)
    by_stem = {r.stem: r.id for r in store.documents()}
    stored = store.texts(list(by_stem.values()))
    for name, text in texts.items():  # each file whole, under its own name
        assert stored[by_stem[name.removesuffix(".txt")]] == text
    assert len(report.imported) == len(texts) + 30
    assert [name for name, _reason in report.skipped] == [str(folder / "07.txt")]
    assert progress.done == progress.total
    # progress names each file as it is written, the large one once a piece
    files = sorted(p.name for p in folder.iterdir())
    assert list(dict.fromkeys(progress.notes)) == [str(folder / f) for f in files]


def test_an_interrupted_import_of_a_large_file_keeps_its_written_pieces(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "corpus.jsonl"
    texts = _big_jsonl(path, 60, bad_line=0)
    monkeypatch.setattr(importing, "PIECE_BYTES", 2_000)
    monkeypatch.setattr(importing, "WRITE_BATCH", 1)  # a piece a transaction
    original = _interrupt_the_third_write(monkeypatch)
    with contextlib.suppress(KeyboardInterrupt):
        import_paths(store, [path])
    kept = store.counts().documents
    assert 0 < kept < len(texts)
    monkeypatch.setattr(Store, "add_documents", original)
    report = import_paths(store, [path])
    assert (len(report.imported), len(report.duplicates)) == (len(texts) - kept, kept)
    assert store.counts().documents == len(texts)


@pytest.mark.parametrize("ext", [".csv", ".json", ".xlsx"])
def test_a_large_csv_or_json_file_is_handed_on_in_groups_of_records(
    store: Store, tmp_path: Path, parallel: bool, monkeypatch: pytest.MonkeyPatch, ext: str
) -> None:
    rows = [
        {
            "title": f"خبر {i}",
            # a paragraph break inside a quoted CSV field
            "text": f"{(JAAFARI, HARIRI, KONASHENKOV)[i % 3]}\n\nالخبر رقم {i}",
            "source": "سانا",
        }
        for i in range(1, 41)
    ]
    rows[30]["text"] = " "  # a record without an article, in a later group
    path = tmp_path / f"corpus{ext}"
    if ext == ".csv":
        with path.open("w", encoding="utf-8", newline="") as fh:
            writer = csv.DictWriter(fh, fieldnames=["title", "text", "source"])
            writer.writeheader()
            writer.writerows(rows)
    elif ext == ".xlsx":
        save_xlsx(path, {"أخبار": [["title", "text", "source"], *(list(r.values()) for r in rows)]})
    else:
        path.write_text(json.dumps(rows, ensure_ascii=False), encoding="utf-8")
    empty = 32 if ext == ".xlsx" else 31  # a sheet's rows are numbered under their header
    whole = Store.open(tmp_path / "whole.db")
    expected = import_paths(whole, [path])  # read whole: under PIECE_BYTES
    monkeypatch.setattr(importing, "PIECE_BYTES", 2_000)
    # and decoded in slices of 500 bytes: quoted fields with line ends run across them
    monkeypatch.setattr(decode, "SLICE_BYTES", 500)
    assert importing._piece_count(next(iter_sources([path], []))) > 3
    progress = _CountingProgress()
    report = import_paths(store, [path], progress=progress)

    assert len(report.imported) == len(expected.imported) == 39
    assert report.skipped == expected.skipped == [(f"{path}#{empty}", "empty text in field 'text'")]
    assert [(r.stem, r.title, r.outlet) for r in store.documents()] == [
        (r.stem, r.title, r.outlet) for r in whole.documents()
    ]
    assert sorted(store.texts([i for _, i in report.imported]).values()) == sorted(
        whole.texts([i for _, i in expected.imported]).values()
    )
    assert progress.done == progress.total > 3
    whole.close()


def _csv_rows(count: int) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")  # as Excel saves it
    writer.writerow(["title", "text", "source"])
    for i in range(1, count + 1):
        text = f"{(JAAFARI, HARIRI, KONASHENKOV)[i % 3]}\r\n\r\nالخبر رقم {i}"
        writer.writerow([f"خبر {i}", text, "الوطن"])
    return out.getvalue()


@pytest.mark.parametrize("encoding", ["utf-8-sig", "cp1256"])
def test_a_large_csv_file_is_read_from_disk_never_whole(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, encoding: str
) -> None:
    """A CSV export larger than a piece is read twice from disk, a slice at a time: once
    to judge its encoding over all of it, once for its rows; its bytes are never held
    whole, and what it gives is what reading it whole gives."""
    path = tmp_path / "أرشيف.csv"
    path.write_bytes(_csv_rows(60).encode(encoding))
    whole = Store.open(tmp_path / "whole.db")
    expected = import_paths(whole, [path])  # under PIECE_BYTES: read whole
    monkeypatch.setattr(importing, "PIECE_BYTES", 2_000)
    monkeypatch.setattr(decode, "SLICE_BYTES", 700)
    read_whole = Path.read_bytes

    def refusing(self: Path) -> bytes:
        assert self.suffix != ".csv", "a large CSV file was read whole"
        return read_whole(self)

    monkeypatch.setattr(Path, "read_bytes", refusing)
    report = import_paths(store, [path])

    assert len(report.imported) == len(expected.imported) == 60
    assert not report.skipped
    assert [(r.stem, r.title) for r in store.documents()] == [
        (r.stem, r.title) for r in whole.documents()
    ]
    texts = store.texts([i for _, i in report.imported])
    assert sorted(texts.values()) == sorted(whole.texts([i for _, i in expected.imported]).values())
    assert KONASHENKOV + "\n\nالخبر رقم 59" in texts.values()
    whole.close()


def test_a_large_csv_file_whose_late_bytes_are_not_text_is_refused_before_any_row(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Its encoding is judged over the whole file before the first row is read: a file
    that turns out near its end to be mostly neither UTF-8 nor Arabic Windows-1256 (most
    of its rows in Latin-1) is refused whole, and the CSV next to it is imported."""
    monkeypatch.setattr(importing, "PIECE_BYTES", 2_000)
    monkeypatch.setattr(decode, "SLICE_BYTES", 700)
    bad = tmp_path / "a.csv"
    french = "".join(f"x{i},Ceci n'est pas été à Genève où déjà ça,y\r\n" for i in range(400))
    bad.write_bytes(_csv_rows(10).encode("utf-8") + french.encode("latin-1"))
    good = tmp_path / "b.csv"
    good.write_bytes(_csv_rows(30).encode("utf-8"))
    report = import_paths(store, [bad, good])
    assert report.skipped == [
        (str(bad), "not UTF-8, UTF-16 or Windows-1256 text (undecodable bytes)")
    ]
    assert len(report.imported) == store.counts().documents == 30


@pytest.mark.parametrize("encoding", ["utf-8", "cp1256"])
def test_a_large_csv_file_that_changes_between_its_reads_is_reported_not_misread(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, encoding: str
) -> None:
    """An export still being written, or saved again in another encoding, after its
    encoding was judged: the file is reported, never read in an encoding it was not
    judged in, and the import goes on with the next file."""
    monkeypatch.setattr(importing, "PIECE_BYTES", 2_000)
    monkeypatch.setattr(decode, "SLICE_BYTES", 700)
    big = tmp_path / "a.csv"
    big.write_bytes(_csv_rows(60).encode(encoding))
    other = tmp_path / "b.csv"
    other.write_bytes(_csv_rows(3).encode("utf-8"))
    real_open = Path.open
    opened: list[Path] = []

    def changing(self: Path, *args: Any, **kwargs: Any) -> Any:
        if self == big:
            opened.append(self)
            if len(opened) == (2 if encoding == "utf-8" else 3):  # judged: rows next
                if encoding == "utf-8":  # half of «ث» flushed at the end
                    with real_open(self, "ab") as fh:
                        fh.write("خبر 61,وقال المتحدث".encode()[:-1])
                else:  # saved again as UTF-8
                    self.write_bytes(_csv_rows(60).encode("utf-8"))
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", changing)
    report = import_paths(store, [big, other])
    assert report.skipped == [
        (str(big), "cannot read: the file changed while it was read; import it again")
    ]
    texts = store.texts([i for _, i in report.imported]).values()
    assert len(texts) == 3 and all(t.startswith((JAAFARI, HARIRI, KONASHENKOV)) for t in texts)


def test_a_read_error_midway_through_a_large_csv_keeps_the_rows_read_before_it(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A disk or network share failing while the rows are read: the rows read before
    the error are imported, even those not yet handed on in a group, and the file is
    reported."""
    monkeypatch.setattr(importing, "PIECE_BYTES", 20_000)
    monkeypatch.setattr(decode, "SLICE_BYTES", 500)
    big = tmp_path / "a.csv"
    data = _csv_rows(120).encode("utf-8")
    big.write_bytes(data)
    real_open = Path.open
    opened: list[Path] = []

    class Failing(io.FileIO):
        def read(self, size: int | None = -1) -> bytes:
            if self.tell() > len(data) // 2:
                raise OSError(5, "Input/output error")
            return super().read(size)

    def failing(self: Path, *args: Any, **kwargs: Any) -> Any:
        if self == big:
            opened.append(self)
            if len(opened) == 2:  # judged: the rows are read next
                return Failing(self, "rb")
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", failing)
    report = import_paths(store, [big])
    kept = f"the {len(report.imported):,} rows before it are imported"
    assert report.skipped == [(str(big), f"cannot read: Input/output error ({kept})")]
    whole_rows = data[: len(data) // 2].count(b"\r\n\r\n")  # one a row, in its text
    assert whole_rows - 2 <= len(report.imported) <= whole_rows + 2
    assert len(report.imported) > 40


#: words an article of the tests ends with; saved in Windows-1256 inside a file otherwise
#: in UTF-8, they are what Arabic Windows makes of a word pasted into an export
_SPOKESMAN = "وقال المتحدث"


def _seed_records(count: int) -> list[dict[str, Any]]:
    """``count`` records of the seed articles, each made distinct by its number."""
    seeds = [p.read_text(encoding="utf-8").strip() for p in sorted(SEEDS.glob("*.txt"))]
    return [
        {
            "id": i,
            "title": f"خبر {i}",
            "text": f"{seeds[i % len(seeds)]}\n\n{_SPOKESMAN} (الخبر رقم {i})",
        }
        for i in range(1, count + 1)
    ]


def _saved_in_cp1256(data: bytes, words: str) -> bytes:
    """``data`` with ``words`` (found once, in UTF-8) in Windows-1256 bytes."""
    assert data.count(words.encode("utf-8")) == 1
    return data.replace(words.encode("utf-8"), words.encode("cp1256"))


def _cut_inside_a_character(data: bytes) -> bytes:
    """``data`` cut after the first byte of its last Arabic letter (an interrupted
    download or copy)."""
    return data[: max(data.rfind(b"\xd8"), data.rfind(b"\xd9")) + 1]


@pytest.mark.parametrize("split", [False, True], ids=["whole", "in pieces"])
def test_a_json_lines_record_with_a_word_in_another_encoding_is_the_only_one_lost(
    store: Store, tmp_path: Path, parallel: bool, monkeypatch: pytest.MonkeyPatch, split: bool
) -> None:
    """One word of record 23 saved in Windows-1256 in a file otherwise UTF-8: that record
    is reported by its line and why, every other record of the file (of its piece too)
    is imported; a stray byte in a field the article does not take loses nothing."""
    records = _seed_records(40)
    lines = [json.dumps(r, ensure_ascii=False).encode("utf-8") for r in records]
    lines[22] = _saved_in_cp1256(lines[22], f"{_SPOKESMAN} (الخبر رقم 23)")
    lines[29] = lines[29][:-1] + ', "keywords": "سوريا، '.encode() + "جنيف".encode("cp1256") + b'"}'
    path = tmp_path / "أخبار.jsonl"
    path.write_bytes(b"\n".join(lines) + b"\n")
    if split:
        monkeypatch.setattr(importing, "PIECE_BYTES", 20_000)  # about four records a piece
        assert importing._piece_count(next(iter_sources([path], []))) > 5
        _never_read_whole(monkeypatch, path)
    report = import_paths(store, [path])

    assert report.skipped == [(f"{path}#23", "bytes that are not UTF-8 text")]
    stored = store.texts([i for _, i in report.imported])
    assert sorted(stored.values()) == sorted(r["text"] for r in records if r["id"] != 23)


@pytest.mark.parametrize("split", [False, True], ids=["whole", "in pieces"])
def test_a_json_lines_file_cut_inside_a_character_loses_only_its_last_record(
    store: Store, tmp_path: Path, parallel: bool, monkeypatch: pytest.MonkeyPatch, split: bool
) -> None:
    records = _seed_records(30)
    data = "\n".join(json.dumps(r, ensure_ascii=False) for r in records).encode("utf-8")
    path = tmp_path / "corpus.jsonl"
    path.write_bytes(_cut_inside_a_character(data))
    if split:
        monkeypatch.setattr(importing, "PIECE_BYTES", 20_000)
        assert importing._piece_count(next(iter_sources([path], []))) > 5
    report = import_paths(store, [path])

    assert report.skipped == [(f"{path}#30", "cut short: the file ends inside this record")]
    stored = store.texts([i for _, i in report.imported])
    assert sorted(stored.values()) == sorted(r["text"] for r in records[:-1])


def test_json_lines_of_arabic_written_as_escapes_with_one_raw_word_read_it_as_written(
    store: Store, tmp_path: Path
) -> None:
    """Arabic written as «\\u0627» escapes (what json.dumps writes by default) leaves a
    file ASCII but for the words saved in Windows-1256: their line is read in that
    encoding, and their record is read whole (it was lost)."""
    records = _seed_records(12)
    data = "\n".join(json.dumps(r) for r in records).encode("ascii")
    escaped = json.dumps(f"{_SPOKESMAN} (الخبر رقم 5)")[1:-1].encode("ascii")
    assert data.count(escaped) == 1
    path = tmp_path / "escaped.jsonl"
    path.write_bytes(data.replace(escaped, f"{_SPOKESMAN} (الخبر رقم 5)".encode("cp1256")))
    report = import_paths(store, [path])

    assert report.skipped == []
    stored = store.texts([i for _, i in report.imported])
    assert sorted(stored.values()) == sorted(r["text"] for r in records)
    assert sum(f"{_SPOKESMAN} (الخبر رقم 5)" in text for text in stored.values()) == 1


@pytest.mark.parametrize("large", [False, True], ids=["read whole", "read from disk"])
@pytest.mark.parametrize("fault", ["a word in Windows-1256", "cut inside a character"])
def test_a_csv_row_with_a_word_in_another_encoding_or_cut_short_is_the_only_one_lost(
    store: Store,
    tmp_path: Path,
    parallel: bool,
    monkeypatch: pytest.MonkeyPatch,
    large: bool,
    fault: str,
) -> None:
    data = _csv_rows(60).encode("utf-8")
    if fault == "cut inside a character":
        data, bad, why = (
            _cut_inside_a_character(data),
            60,
            "cut short: the file ends inside this record",
        )
    else:
        data, bad, why = _saved_in_cp1256(data, 'رقم 25"'), 25, "bytes that are not UTF-8 text"
    path = tmp_path / "أرشيف.csv"
    path.write_bytes(data)
    if large:
        monkeypatch.setattr(importing, "PIECE_BYTES", 2_000)
        monkeypatch.setattr(decode, "SLICE_BYTES", 700)
        _never_read_whole(monkeypatch, path)
    report = import_paths(store, [path])

    assert report.skipped == [(f"{path}#{bad}", why)]
    stored = store.texts([i for _, i in report.imported])
    assert sorted(stored.values()) == sorted(
        f"{(JAAFARI, HARIRI, KONASHENKOV)[i % 3]}\n\nالخبر رقم {i}"
        for i in range(1, 61)
        if i != bad
    )


def _table_with_an_open_quote(layout: str, bad: int = 12) -> tuple[str, list[str], int, int]:
    """A table of 30 articles, as Excel saves it, but for the text of row ``bad`` opening
    a quotation mark it never closes; its texts are in paragraphs (quoted, three lines a
    row) or of one line (not quoted: that quotation mark is the file's last). Returns the
    table, the texts of its other rows, and the lines rows 12 and 13 open on."""
    paragraphs = layout != "one line a row"
    sep = "\t" if layout == "unicode text" else ","
    out = io.StringIO()
    writer = csv.writer(out, delimiter=sep, lineterminator="\r\n")
    writer.writerow(["العنوان", "النص", "المصدر"])
    texts = []
    for i in range(1, 31):
        text = f"{_DE_MISTURA} في جنيف (الخبر رقم {i})"
        if paragraphs:
            text += f"\n\n{(HARIRI, JAAFARI, KONASHENKOV)[i % 3]}"  # JAAFARI quotes
        if i == bad:
            out.write(f'دي ميستورا {i}{sep}"{text}{sep}سانا\r\n')
        else:
            writer.writerow([f"دي ميستورا {i}", text, "سانا"])
            texts.append(text)
    if paragraphs:
        return out.getvalue(), texts, 35, 38
    return out.getvalue(), texts, 13, 14


@pytest.mark.parametrize(
    ("layout", "large"),
    [
        ("one line a row", False),
        ("one line a row", True),
        ("paragraphs", False),
        ("paragraphs", True),
        ("unicode text", False),  # a text file is read whole
    ],
    ids=[
        "one line a row",
        "one line a row, from disk",
        "paragraphs",
        "paragraphs, from disk",
        "unicode text",
    ],
)
def test_a_csv_row_whose_quotation_mark_is_never_closed_is_the_only_one_lost(
    store: Store,
    tmp_path: Path,
    parallel: bool,
    monkeypatch: pytest.MonkeyPatch,
    large: bool,
    layout: str,
) -> None:
    """The CSV reader reads a quoted field on to the next quotation mark, past line ends:
    a text that opens one and never closes it took in the rows after it, to the end of
    the file (one article of 19 rows) or to the quotation mark that opens the next
    quoted text (that row lost, the rest of it read as a row of its own). That row is
    reported, by the line its quotation mark opened on, and the rows after it are read
    from where they begin; texts in paragraphs, in quotation marks, stay whole."""
    table, texts, opened, after = _table_with_an_open_quote(layout)
    if layout == "unicode text":
        path = tmp_path / "جدول.txt"
        path.write_bytes(table.encode("utf-16"))
    else:
        path = tmp_path / "أخبار.csv"
        path.write_bytes(table.encode("utf-8"))
    if large:
        monkeypatch.setattr(importing, "PIECE_BYTES", 2_000)
        monkeypatch.setattr(decode, "SLICE_BYTES", 700)
        _never_read_whole(monkeypatch, path)
    report = import_paths(store, [path])

    left_out = (
        "this row is left out, the rows after it are"
        if after == opened + 1
        else f"lines {opened}–{after - 1} are left out, the rows after them are"
    )
    assert report.skipped == [
        (
            f"{path}#12",
            f"a quotation mark opened on line {opened} is never closed: {left_out} read "
            f"from line {after}",
        )
    ]
    stored = store.texts([i for _, i in report.imported])
    assert sorted(stored.values()) == sorted(texts)
    titles = {r.title for r in store.documents()}
    assert titles == {f"دي ميستورا {i}" for i in range(1, 31) if i != 12}


@pytest.mark.parametrize(
    "text_column", [0, 1, 2], ids=["text first", "text in the middle", "text last"]
)
def test_csv_rows_broken_one_after_another_are_each_reported_and_the_rest_read(
    text_column: int,
) -> None:
    """Every other row opens a quotation mark it never closes. Each broken row ran on
    into the next, and a broken row right after another was read with it: its row lost
    without a word, or the broken one stored with the next row's text in it. Each is
    reported now, by the line it opens on, and every whole row is read."""
    header = ["العنوان", "المصدر"]
    header.insert(text_column, "النص")
    lines = [",".join(header)]
    for i in range(1, 21):
        cells = [f"دي ميستورا {i}", "سانا"]
        text = f"{_DE_MISTURA} (الخبر رقم {i})"
        cells.insert(text_column, f'"{text}' if i % 2 == 0 else f'"{text}"')
        lines.append(",".join(cells))
    data = "\r\n".join(lines) + "\r\n"
    result = read_csv("أخبار.csv", data.encode("utf-8"), FieldMapping())

    assert [a.title for a in result.articles] == [f"دي ميستورا {i}" for i in range(1, 21, 2)]
    assert [a.text for a in result.articles] == [
        f"{_DE_MISTURA} (الخبر رقم {i})" for i in range(1, 21, 2)
    ]
    assert {a.outlet for a in result.articles} == {"سانا"}
    line = {i: i + 1 for i in range(1, 21)}  # row i is on line i + 1
    assert result.problems == [
        (
            f"أخبار.csv#{i}",
            f"a quotation mark opened on line {line[i]} is never closed: this row is left "
            f"out, the rows after it are read from line {line[i] + 1}",
        )
        for i in range(2, 20, 2)
    ] + [
        (
            "أخبار.csv#20",
            "a quotation mark opened on line 21 is never closed: the file ends inside this row",
        )
    ]


@pytest.mark.parametrize(
    ("after", "read", "left_out"),
    [
        (
            ["", "", '3,"3",سانا', '4,"4",سانا'],
            [3, 4],
            "this row is left out, the rows after it are read from line 6",
        ),
        (
            ["3,3", '4,"4",سانا', '5,"5",سانا'],
            [4, 5],
            "lines 3–4 are left out, the rows after them are read from line 5",
        ),
        (["3,3", "4,4"], [], "the file ends inside this row, lines 3–5 left out"),
    ],
    ids=["blank lines after it", "a row short of cells after it", "only such rows after it"],
)
def test_the_lines_a_broken_csv_row_takes_in_are_named_in_its_report(
    after: list[str], read: list[int], left_out: str
) -> None:
    """A row with fewer cells than the header (no outlet) after a row that leaves its
    quotation mark open cannot be told from a paragraph of its text: it is left out with
    it, and the report names its line, where it said only that the broken row was (or,
    to the end of the file, that the file ended inside it). Blank lines after it are
    not named."""
    rows = ['1,"1",سانا', '2,"2,سانا', *after]
    data = "العنوان,النص,المصدر\r\n" + "".join(
        row.replace('"', f'"{_DE_MISTURA} ', 1) + "\r\n" if row else "\r\n" for row in rows
    )
    result = read_csv("أخبار.csv", data.encode("utf-8"), FieldMapping())

    assert [a.title for a in result.articles] == [str(i) for i in [1, *read]]
    assert result.problems == [
        (
            "أخبار.csv#2",
            f"a quotation mark opened on line 3 is never closed: {left_out}",
        )
    ]


@pytest.mark.parametrize("fault", ["never closed", "cut short"])
def test_a_csv_file_that_ends_inside_a_quoted_text_says_so_of_its_last_row(fault: str) -> None:
    """A last row whose quotation mark is never closed took its other cells into its
    text (the outlet «سانا» in the article); a file cut short after a paragraph of a
    quoted text gave a text cut short. Either is reported, the rows before it read."""
    if fault == "never closed":
        data, texts, _opened, _after = _table_with_an_open_quote("paragraphs", bad=30)
    else:  # after the first line of row 30, which opens on line 89
        data, texts, _opened, _after = _table_with_an_open_quote("paragraphs", bad=0)
        data = data[: data.index("\n", data.index("دي ميستورا 30,")) + 1]
        texts = texts[:-1]
    result = read_csv("أخبار.csv", data.encode("utf-8"), FieldMapping())

    lines = ", lines 89–91 left out" if fault == "never closed" else ""  # its 3 lines
    assert result.problems == [
        (
            "أخبار.csv#30",
            "a quotation mark opened on line 89 is never closed: the file ends inside this "
            f"row{lines}",
        )
    ]
    assert [a.text for a in result.articles] == texts
    assert [a.outlet for a in result.articles] == ["سانا"] * 29


@pytest.mark.parametrize("streamed", [False, True], ids=["read whole", "read as it goes"])
def test_a_json_record_with_a_word_in_another_encoding_is_the_only_one_lost(
    store: Store, tmp_path: Path, parallel: bool, monkeypatch: pytest.MonkeyPatch, streamed: bool
) -> None:
    from desktop.corpus import jsonstream

    records = _seed_records(30)
    data = json.dumps({"status": "ok", "articles": records}, ensure_ascii=False, indent=1)
    path = tmp_path / "export.json"
    path.write_bytes(_saved_in_cp1256(data.encode("utf-8"), f"{_SPOKESMAN} (الخبر رقم 17)"))
    if streamed:  # its records decoded as they are read, the bad one far past the start
        monkeypatch.setattr(importing, "PIECE_BYTES", 20_000)
        monkeypatch.setattr(jsonstream, "HEAD_BYTES", 8_000)
        monkeypatch.setattr(jsonstream, "READ_BYTES", 4_000)
        _never_read_whole(monkeypatch, path)
    report = import_paths(store, [path])

    assert report.skipped == [(f"{path}#17", "bytes that are not UTF-8 text")]
    stored = store.texts([i for _, i in report.imported])
    assert sorted(stored.values()) == sorted(r["text"] for r in records if r["id"] != 17)


def test_a_text_file_with_a_word_in_another_encoding_or_cut_short_is_refused_saying_where(
    store: Store, tmp_path: Path
) -> None:
    """A file that is one article is read whole or not at all: a word in another
    encoding, or a last character cut off, refuses it with where and why."""
    folder = tmp_path / "articles"
    folder.mkdir()
    seed = (SEEDS / "003_6369181c9cd67a10.txt").read_bytes()
    third = seed.split(b"\n")[2].split(b" ")[1].decode("utf-8")  # a word of line 3
    (folder / "word.txt").write_bytes(seed.replace(third.encode(), third.encode("cp1256"), 1))
    (folder / "cut.txt").write_bytes(_cut_inside_a_character(seed))
    (folder / "whole.txt").write_bytes(seed)
    report = import_paths(store, [folder])

    assert sorted(report.skipped) == [
        (str(folder / "cut.txt"), "cut short: the file ends inside a character"),
        (str(folder / "word.txt"), "bytes that are not UTF-8 text (line 3)"),
    ]
    assert [r.source_path for r in store.documents()] == [str(folder / "whole.txt")]


def test_articles_kept_in_a_spreadsheet_are_read_row_by_row(store: Store, tmp_path: Path) -> None:
    """An Excel workbook: Arabic column names under a title row, dates as dates, a line
    end Excel escaped, an empty row, a sheet of notes; a second workbook with articles on
    two sheets; a damaged workbook and a text saved under the name of an .xls are
    reported and the rest imported (.xls and .ods: tests/corpus/test_spreadsheets.py)."""
    tmp_path /= "sheets"
    tmp_path.mkdir()
    save_xlsx(
        tmp_path / "تغطية.xlsx",
        {
            "تموز": [
                ["أرشيف التغطية — تموز 2017"],
                [],
                ["العنوان", "النص", "التاريخ", "المصدر"],
                [
                    "الجعفري",
                    f"{JAAFARI}_x000D_\n{MORE}",
                    dt.datetime(2017, 7, 10, 9),
                    "سانا",
                ],
                [],
                ["الحريري", HARIRI, dt.date(2017, 7, 11), "عنب بلدي"],
            ],
            "ملاحظات": [["ملاحظة"], ["لا شيء"]],
        },
    )
    save_xlsx(
        tmp_path / "two.xlsx",
        {"a": [["text", "date"], [KONASHENKOV, "2017-07-12"]], "b": [["content"], [JAAFARI[:60]]]},
    )
    (tmp_path / "broken.xlsx").write_bytes((tmp_path / "two.xlsx").read_bytes()[:2000])
    (tmp_path / "old.xls").write_text("العنوان\tالنص\n", encoding="utf-8")
    # a writer that declares the sheet one cell large; a formula that failed (#N/A)
    save_xlsx(
        tmp_path / "stale.xlsx",
        {"s": [["text", "title"], [MORE, "أ"], ["#N/A", "ب"], [HARIRI[:40], "ج"]]},
    )
    with zipfile.ZipFile(tmp_path / "stale.xlsx") as z:
        parts = {i.filename: z.read(i) for i in z.infolist()}
    sheet = "xl/worksheets/sheet1.xml"
    parts[sheet] = re.sub(rb'<dimension ref="[^"]*"/>', b'<dimension ref="A1"/>', parts[sheet])
    assert b'<dimension ref="A1"/>' in parts[sheet]
    with zipfile.ZipFile(tmp_path / "stale.xlsx", "w") as z:
        for name, data in parts.items():
            z.writestr(name, data)
    report = import_paths(store, [tmp_path])

    assert sorted((Path(p).name, why) for p, why in report.skipped) == [
        ("broken.xlsx", "damaged Excel workbook (BadZipFile: File is not a zip file)"),
        (
            "old.xls",
            "not a spreadsheet (neither an Excel workbook nor an OpenDocument spreadsheet: a web "
            "page or text saved under a spreadsheet's name is not read; open it in Excel or "
            "LibreOffice and save it as .xlsx, or as CSV)",
        ),
        ("stale.xlsx#3", "empty text in field 'text'"),
    ]
    got = {
        r.source_path.split("/")[-1]: (r.title, r.outlet, str(r.published))
        for r in store.documents()
    }
    assert got == {
        "تغطية.xlsx#4": ("الجعفري", "SANA", "2017-07-10"),
        "تغطية.xlsx#6": ("الحريري", "Enab Baladi", "2017-07-11"),
        # without a title column, an article's first line is its title
        "two.xlsx#a:2": (KONASHENKOV, None, "2017-07-12"),
        "two.xlsx#b:2": (JAAFARI[:60], None, "None"),
        "stale.xlsx#2": ("أ", None, "None"),
        "stale.xlsx#4": ("ج", None, "None"),
    }
    first = next(r.id for r in store.documents() if r.title == "الجعفري")
    assert store.texts([first])[first] == f"{JAAFARI}\n{MORE}"


def test_csv_reader_sniffs_delimiters() -> None:
    data = f"title;content;source\nعنوان;{HARIRI};الجزيرة\n".encode("cp1256")
    result = read_csv("x.csv", data, FieldMapping())
    assert [a.text for a in result.articles] == [HARIRI]
    assert result.articles[0].outlet == "الجزيرة"


# ---- random input never crashes an importer ---------------------------------------------
@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=400), st.sampled_from([".txt", ".html", ".json", ".jsonl", ".csv"]))
def test_random_bytes_are_read_or_refused_with_a_reason(data: bytes, ext: str) -> None:
    reader = reader_for(ext)
    assert reader is not None
    try:
        result = reader("random" + ext, data, FieldMapping())
    except UnreadableFileError as exc:
        assert str(exc)
    else:
        for art in result.articles:
            assert art.text.strip()


_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=30),
    lambda children: (
        st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=8), children, max_size=3)
    ),
    max_leaves=8,
)
_records = st.dictionaries(
    st.sampled_from(["title", "text", "content", "source", "date", "url", "author", "id", "x"]),
    _values,
    max_size=6,
)


@settings(max_examples=150)
@given(st.lists(_records, max_size=4))
def test_random_records_are_imported_or_reported(records: list[dict[str, object]]) -> None:
    data = json.dumps(records).encode()
    try:
        result = read_json("r.json", data, FieldMapping())
    except UnreadableFileError as exc:
        assert len(records) == 1 and str(exc)  # a lone record without text fails its file
    else:
        assert len(result.articles) + len(result.problems) == len(records)
    lines = b"\n".join(json.dumps(r).encode() for r in records)
    try:
        jl = read_jsonl("r.jsonl", lines, FieldMapping())
    except UnreadableFileError:
        pass
    else:
        assert len(jl.articles) + len(jl.problems) == len(records)


@pytest.mark.parametrize("compression", ["", "gz", "bz2", "xz"])
def test_tar_archives_are_read_in_place_with_their_metadata(
    store: Store, tmp_path: Path, compression: str
) -> None:
    """Corpora are often shared as ``.tar.gz`` (or ``.tar.bz2``, ``.tar.xz``): members are
    read in memory like a zip archive's, their sidecars are their metadata, an archive
    inside is read too, and unsafe, linked or unreadable members are reported."""
    import io
    import tarfile
    import zipfile

    def add(tf: tarfile.TarFile, name: str, data: bytes) -> None:
        info = tarfile.TarInfo(name)
        info.size = len(data)
        tf.addfile(info, io.BytesIO(data))

    inner = io.BytesIO()
    with zipfile.ZipFile(inner, "w") as zf:
        zf.writestr("deep.txt", f"{KONASHENKOV} في موسكو")
    record = {"title": "الحريري في أستانا", "text": f"{HARIRI} في أستانا"}
    suffix = f".tar.{compression}" if compression else ".tar"
    archive = tmp_path / f"corpus{suffix}"
    with tarfile.open(archive, f"w:{compression}") as tf:
        add(tf, "./syria/jaafari.txt", f"{JAAFARI} في جنيف".encode())
        add(tf, "./syria/jaafari.json", '{"title": "الجعفري في جنيف", "outlet": "SANA"}'.encode())
        add(tf, "./syria/news.jsonl", (json.dumps(record, ensure_ascii=False) + "\n").encode())
        add(tf, "./syria/more.zip", inner.getvalue())
        add(tf, "../evil.txt", "خارج الأرشيف".encode())
        link = tarfile.TarInfo("./syria/link.txt")
        link.type, link.linkname = tarfile.SYMTYPE, "/etc/passwd"
        tf.addfile(link)
    report = import_paths(store, [archive])

    docs = {r.source_path.removeprefix(str(archive)): r for r in store.documents()}
    assert set(docs) == {"!syria/jaafari.txt", "!syria/news.jsonl#1", "!syria/more.zip!deep.txt"}
    jaafari = docs["!syria/jaafari.txt"]
    assert (jaafari.title, jaafari.outlet) == ("الجعفري في جنيف", "SANA")
    assert store.texts([jaafari.id])[jaafari.id] == f"{JAAFARI} في جنيف"
    assert docs["!syria/news.jsonl#1"].title == "الحريري في أستانا"
    reasons = dict(report.skipped)
    assert "unsafe path" in reasons[f"{archive}!../evil.txt"]
    assert "a link" in reasons[f"{archive}!./syria/link.txt"]
    assert len(reasons) == 2


def test_bzip2_and_xz_files_and_broken_archives(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import bz2
    import lzma

    from desktop.corpus import sources

    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "note.txt.bz2").write_bytes(bz2.compress(f"{JAAFARI} في جنيف".encode()))
    lines = [
        json.dumps({"title": f"خبر {i}", "text": f"{HARIRI} ({i})"}, ensure_ascii=False)
        for i in range(3)
    ]
    # two xz streams one after the other, as ``cat a.xz b.xz`` makes
    joined = lzma.compress((lines[0] + "\n").encode()) + lzma.compress(
        ("\n".join(lines[1:]) + "\n").encode()
    )
    (folder / "news.jsonl.xz").write_bytes(joined)
    whole = bz2.compress(f"{KONASHENKOV} في موسكو".encode() * 50)
    (folder / "cut.txt.bz2").write_bytes(whole[: len(whole) // 2])
    (folder / "bomb.txt.xz").write_bytes(lzma.compress(b" " * 3_000_000))
    (folder / "bad.tgz").write_bytes(b"\x1f\x8b\x08\x00 not a tar at all")
    (folder / "empty.tar").write_bytes(b"this is no tar either" * 40)
    monkeypatch.setattr(sources, "MAX_MEMBER_BYTES", 1_000_000)
    report = import_paths(store, [folder])

    stored = sorted(store.texts([i for _, i in report.imported]).values())
    assert stored == sorted([f"{HARIRI} ({i})" for i in range(3)] + [f"{JAAFARI} في جنيف"])
    reasons = {Path(where).name: why for where, why in report.skipped}
    assert "not a readable bzip2 file (it ends too early)" in reasons["cut.txt.bz2"]
    assert "too large once decompressed" in reasons["bomb.txt.xz"]
    assert reasons["bad.tgz"].startswith("not a readable tar archive")
    assert reasons["empty.tar"].startswith("not a readable tar archive")
    assert len(reasons) == 4


def test_hijri_dates_in_rows_and_sidecars_are_stored_as_their_gregorian_days(
    store: Store, tmp_path: Path
) -> None:
    """«16 شوال 1438 هـ» in a CSV row, «1438/10/17 هـ» in a sidecar: one such date ended
    the whole import with a database error (the calendar library's date type)."""
    folder = tmp_path / "hijri"
    folder.mkdir()
    with (folder / "news.csv").open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["Headline", "Article", "Date"])
        writer.writerow(["الجعفري", JAAFARI, "16 شوال 1438 هـ"])
        writer.writerow(["الحريري", HARIRI, "2017-07-11"])
    (folder / "konashenkov.txt").write_text(KONASHENKOV, encoding="utf-8")
    (folder / "konashenkov.json").write_text(
        json.dumps({"date": "1438/10/17 هـ"}, ensure_ascii=False), encoding="utf-8"
    )
    report = import_paths(store, [folder])
    assert (len(report.imported), report.skipped) == (3, [])
    rows = store.documents()
    dates = {r.title: r.published for r in rows}
    assert dates["الجعفري"] == dt.date(2017, 7, 10)
    assert dates["الحريري"] == dt.date(2017, 7, 11)
    (sidecar,) = [r for r in rows if r.stem.startswith("konashenkov")]
    assert sidecar.published == dt.date(2017, 7, 11)


def test_an_article_no_reader_foresaw_is_reported_and_the_import_goes_on(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "three"
    folder.mkdir()
    for name, text in (("a", JAAFARI), ("b", HARIRI), ("c", KONASHENKOV)):
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    real = importing.prepare

    def failing(article, *args, **kwargs):  # type: ignore[no-untyped-def]
        if article.text.startswith(HARIRI[:10]):
            raise ValueError("a value nobody foresaw")
        return real(article, *args, **kwargs)

    monkeypatch.setattr(importing, "prepare", failing)
    report = import_paths(store, [folder])
    assert len(report.imported) == store.counts().documents == 2
    assert report.skipped == [
        (str(folder / "b.txt"), "could not be read (ValueError: a value nobody foresaw)")
    ]


def test_a_csv_whose_texts_quote_words_keeps_its_rows_whole() -> None:
    """pandas and Excel double a quotation mark inside a quoted field: the sniffer took
    such a file for one without doubling and cut each row into pieces (35 articles and
    53 «empty text» from 20 rows)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(["Headline", "Article", "Date"])
    for i in range(20):
        text = (
            f'وأشار بيدرسن إلى أن "الموقف بات في غاية الصعوبة" ({i}).\n'
            'وأضاف: "رسالتي للجميع هي خفض التصعيد، وحماية المدنيين".'
        )
        writer.writerow([f"اجتماع رقم {i}", text, "2019-05-29"])
    data = out.getvalue().encode("utf-8")
    assert b'""' in data
    result = read_csv("news.csv", data, FieldMapping())
    assert (len(result.articles), result.problems) == (20, [])
    assert result.articles[3].text.startswith(
        'وأشار بيدرسن إلى أن "الموقف بات في غاية الصعوبة" (3).'
    )
    assert result.articles[3].title == "اجتماع رقم 3"


def test_a_page_saved_complete_brings_no_articles_from_its_files_folder(
    store: Store, tmp_path: Path
) -> None:
    """«Web page, complete» saves ``page.html`` and ``page_files/`` with the site's
    scripts, styles and the pages of its ads and widgets: those were imported as
    articles (an ad, «تابعونا على فيسبوك») or listed as skipped files."""
    folder = tmp_path / "saved"
    res = folder / "rt_1016_files"
    res.mkdir(parents=True)
    (folder / "rt_1016.html").write_text(
        f"<html><head><title>كوناشنكوف - آر تي</title></head><body><article><p>{KONASHENKOV}"
        f"</p><p>{MORE}</p></article></body></html>",
        encoding="utf-8",
    )
    (res / "ad.html").write_text(
        "<html><body><p>اشترك الآن واحصل على خصم كبير على جميع المنتجات اليوم فقط.</p>"
        "</body></html>",
        encoding="utf-8",
    )
    (res / "saved_resource.html").write_text(
        "<html><body><p>تابعونا على فيسبوك وتويتر لمعرفة آخر الأخبار.</p></body></html>",
        encoding="utf-8",
    )
    (res / "main.js").write_text("var x = 1;", encoding="utf-8")
    (res / "style.css").write_text("p { color: red }", encoding="utf-8")
    (folder / "notes_files").mkdir()  # no page of that name beside it: read as usual
    (folder / "notes_files" / "note.txt").write_text(HARIRI, encoding="utf-8")
    report = import_paths(store, [folder])
    assert report.skipped == []
    assert sorted(Path(r.source_path).name for r in store.documents()) == [
        "note.txt",
        "rt_1016.html",
    ]
    archive = tmp_path / "saved.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        for path in folder.rglob("*"):
            if path.is_file():
                zf.write(path, path.relative_to(folder).as_posix())
    other = Store.open(tmp_path / "zip.db")
    report = import_paths(other, [archive])
    assert (len(report.imported), report.skipped) == (2, [])
    other.close()


def test_a_scrapers_records_with_the_article_one_level_down_are_read() -> None:
    """{"headline": {"main": …}, "content": {"html": "<p>…"}, "meta": {"source": {"name":
    …}, "published_at": …}}: every record was skipped as «empty text in field
    'content'» (it held an object)."""
    records = [
        {
            "id": f"scr-{i}",
            "headline": {"main": f"اجتماع في الرقة رقم {i}"},
            "content": {
                "html": f"<div><script>var ads=1;</script><p>{JAAFARI}</p><p>{i}</p></div>"
            },
            "meta": {
                "source": {"name": "Al Jazeera", "domain": "aljazeera.net"},
                "published_at": "2017-07-10T09:30:00+03:00",
                "author": {"name": "مراسل الجزيرة"},
            },
        }
        for i in range(3)
    ]
    data = "\n".join(json.dumps(r, ensure_ascii=False) for r in records).encode("utf-8")
    result = read_jsonl("scrape.jsonl", data, FieldMapping())
    assert result.problems == []
    first = result.articles[0]
    assert (first.title, first.outlet, first.date, first.author) == (
        "اجتماع في الرقة رقم 0",
        "Al Jazeera",
        "2017-07-10T09:30:00+03:00",
        "مراسل الجزيرة",
    )
    assert first.text.strip().split("\n\n") == [JAAFARI, "0"]  # no script
    # an object holding no text says what it holds
    empty = json.dumps({"content": {"images": ["a.jpg"], "video": "v.mp4"}}).encode()
    assert read_jsonl("x.jsonl", data + b"\n" + empty, FieldMapping()).problems == [
        (
            "x.jsonl#4",
            "field 'content' holds an object without text (its fields: images, video); "
            "name the one to read with --field text=FIELD",
        )
    ]


@pytest.mark.parametrize(
    ("encoding", "names"),
    [
        ("cp1256", ["أخبار/سياسة/خبر1.txt", "أخبار/سياسة/خبر2.txt"]),
        ("cp720", ["أخبار/سياسة/خبر1.txt", "أخبار/سياسة/خبر2.txt"]),
        ("utf-8", ["أخبار/سياسة/خبر1.txt", "أخبار/سياسة/خبر2.txt"]),
        # a Latin name in the DOS code page stays as it is (not «Aجo/niجo»)
        ("cp437", ["Año/niño1.txt", "Straße/Müller2.txt"]),
    ],
)
def test_a_zip_made_by_a_tool_that_does_not_flag_its_names_keeps_their_arabic(
    store: Store, tmp_path: Path, encoding: str, names: list[str]
) -> None:
    """Without the «UTF-8» flag, names are read as the old DOS code page: «أخبار/خبر1.txt»
    written by an Arabic Windows tool came out as «├╬╚╟╤/╬╚╤1.txt»."""

    class Unflagged(zipfile.ZipInfo):
        """A member named in bytes of a code page, without the flag (as old tools do)."""

        raw = b""

        def _encodeFilenameFlags(self) -> tuple[bytes, int]:
            return self.raw, self.flag_bits & ~0x800

    archive = tmp_path / "arabic.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        for i, (name, text) in enumerate(zip(names, (JAAFARI, HARIRI), strict=True), 1):
            info = Unflagged(f"member{i}.txt")
            info.raw = name.encode(encoding)
            zf.writestr(info, text)
    with zipfile.ZipFile(archive) as zf:
        assert not any(i.flag_bits & 0x800 for i in zf.infolist())
    report = import_paths(store, [archive])
    assert report.skipped == []
    assert sorted(r.source_path.split("!")[1] for r in store.documents()) == sorted(names)


def _page_draft(page: bytes, name: str = "page.html") -> Any:
    """A saved page read and prepared as an import would (outlet, title)."""
    (raw,) = reader_for(Path(name).suffix)(name, page, FieldMapping()).articles  # type: ignore[misc]
    return importing.prepare(raw, OutletDirectory.default(), ImportOptions())


@pytest.mark.parametrize(
    ("page_title", "url", "outlet", "title"),
    [
        # no metadata: a known outlet named in the title gives it, and leaves the title
        ("جريدة الرياض | اجتماع في دمشق", None, "Al Riyadh", "اجتماع في دمشق"),
        ("اجتماع في دمشق - جريدة الرياض", None, "Al Riyadh", "اجتماع في دمشق"),
        # a single word before the title is as often a dateline: no outlet from it
        ("الرياض - ولي العهد يستقبل الوزير", None, None, "الرياض - ولي العهد يستقبل الوزير"),
        # the page's address comes first; the title loses the site only if it names it
        (
            "الرياض - ولي العهد يستقبل الوزير - العربية",
            "https://www.alarabiya.net/saudi-today/2023/05/01/x",
            "Al Arabiya",
            "الرياض - ولي العهد يستقبل الوزير",
        ),
        (
            "جريدة الرياض | ولي العهد يستقبل الوزير",
            "https://www.alarabiya.net/saudi-today/2023/05/01/x",
            "Al Arabiya",
            "جريدة الرياض | ولي العهد يستقبل الوزير",
        ),
    ],
)
def test_a_page_without_metadata_may_name_its_outlet_in_its_title(
    page_title: str, url: str | None, outlet: str | None, title: str
) -> None:
    """Older pages (Windows-1256, no og: tags) name their site only in the <title>: the
    title kept «جريدة الرياض |» and the outlet stayed unknown. The guess comes after
    the page's address, its folder and its text's signature."""
    link = f"<link rel='canonical' href='{url}'>" if url else ""
    page = (
        f"<html><head><meta charset='windows-1256'><title>{page_title}</title>{link}</head>"
        f"<body><table><tr><td><p>{JAAFARI}</p><p>{MORE}</p></td></tr></table></body></html>"
    ).encode("cp1256")
    draft = _page_draft(page, "1010.htm")
    assert (draft.outlet, draft.title) == (outlet, title)


@pytest.mark.parametrize(
    ("page_title", "outlet", "title"),
    [
        # an agency's name in front of the title, as SANA's pages have it
        ("سانا - الجعفري يبحث مع دي ميستورا", "SANA", "الجعفري يبحث مع دي ميستورا"),
        ("سانا | الجعفري يبحث مع دي ميستورا", "SANA", "الجعفري يبحث مع دي ميستورا"),
        ("رويترز | الجعفري يبحث مع دي ميستورا", "Reuters", "الجعفري يبحث مع دي ميستورا"),
        # named twice, in full and short: both go
        (
            "الوكالة العربية السورية للأنباء - سانا | الجعفري يبحث مع دي ميستورا",
            "SANA",
            "الجعفري يبحث مع دي ميستورا",
        ),
        # BBC Arabic's own name for its site, after the title or before it
        ("الجعفري يبحث مع دي ميستورا - BBC News عربي", "BBC Arabic", "الجعفري يبحث مع دي ميستورا"),
        ("BBC News عربي - الجعفري يبحث مع دي ميستورا", "BBC Arabic", "الجعفري يبحث مع دي ميستورا"),
        # one word with ال in front is as often a dateline or a section: no outlet
        ("الميادين - قصف على أطراف المدينة", None, "الميادين - قصف على أطراف المدينة"),
        ("الرأي | الجعفري يبحث مع دي ميستورا", None, "الرأي | الجعفري يبحث مع دي ميستورا"),
    ],
)
def test_a_pages_outlet_named_in_front_of_its_title_is_known_and_left_out(
    page_title: str, outlet: str | None, title: str
) -> None:
    """«سانا - …» and «سانا | …» in a page's <title> were kept in the title and the
    outlet stayed unknown, while «… - سانا» gave SANA; «BBC News عربي», the name BBC
    Arabic gives its site, was not known at all."""
    page = (
        f"<html><head><meta charset='utf-8'><title>{page_title}</title></head>"
        f"<body><p>{JAAFARI}</p><p>{MORE}</p></body></html>"
    ).encode()
    draft = _page_draft(page)
    assert (draft.outlet, draft.title) == (outlet, title)


@pytest.mark.parametrize(
    ("page_title", "outlet"),
    [
        ("جريدة الرياض | لقاء في جنيف", "Al Riyadh"),
        ("لقاء في جنيف - العربية", "Al Arabiya"),
        ("الرياض - لقاء في جنيف", None),  # a dateline, as without the heading
        # the heading is the article's: an outlet it names is not the page's
        ("لقاء في جنيف - العربية | جريدة الرياض", "Al Riyadh"),
    ],
)
def test_a_page_with_a_heading_still_names_its_outlet_in_its_title(
    page_title: str, outlet: str | None
) -> None:
    """Most article pages have an <h1>: the title came from it, and the page's <title>,
    the only place naming the site, was no longer looked at («(unknown)»)."""
    page = (
        f"<html><head><meta charset='utf-8'><title>{page_title}</title></head><body>"
        f"<h1>لقاء في جنيف</h1><p>{JAAFARI}</p><p>{MORE}</p></body></html>"
    ).encode()
    draft = _page_draft(page)
    assert (draft.outlet, draft.title) == (outlet, "لقاء في جنيف")


@pytest.mark.parametrize(
    ("head", "outlet", "title"),
    [
        # the article's title from og:title names the site, and no <title> at all
        (
            "<meta property='og:title' content='المحادثات السعودية الإيرانية - العربية'>",
            "Al Arabiya",
            "المحادثات السعودية الإيرانية",
        ),
        # og:title and <title> written differently: the article's title is looked at first
        (
            "<meta property='og:title' content='المحادثات - العربية'>"
            "<title>المحادثات - العربية.نت</title>",
            "Al Arabiya",
            "المحادثات",
        ),
    ],
)
def test_a_page_names_its_outlet_in_its_article_title_too(
    head: str, outlet: str, title: str
) -> None:
    """Looking only at the <title> lost the site named in og:title."""
    page = f"<html><head><meta charset='utf-8'>{head}</head><body><p>{JAAFARI}</p><p>{MORE}</p></body></html>"
    draft = _page_draft(page.encode())
    assert (draft.outlet, draft.title) == (outlet, title)


def test_a_sites_boxes_inside_a_body_field_are_left_out_but_never_the_body() -> None:
    """A scraper's HTML body holds «اقرأ أيضاً» links and share buttons between the
    paragraphs: they were kept as lines of the article."""
    boxed = (
        f"<p>{JAAFARI}</p><div class='related'><a href='/x'>اقرأ أيضاً: أخبار ذات صلة</a>"
        f'</div><p>{HARIRI}</p><div class="share-buttons">شارك على فيسبوك</div>'
    )
    # a site whose class names say «share» on the body itself: nothing may be lost
    wrapped = f"<div class='article-share-body'><p>{JAAFARI}</p><p>{HARIRI}</p></div>"
    data = "\n".join(
        json.dumps({"title": f"خبر {i}", "body": body}, ensure_ascii=False)
        for i, body in enumerate((boxed, wrapped))
    ).encode("utf-8")
    first, second = read_jsonl("scrape.jsonl", data, FieldMapping()).articles
    assert first.text.split("\n\n") == [JAAFARI, HARIRI]
    assert second.text.split("\n\n") == [JAAFARI, HARIRI]


def test_a_markdown_article_is_read_without_its_marks_and_titled_by_its_heading(
    store: Store, tmp_path: Path
) -> None:
    """A .md file kept «# عنوان» as its title and the «#», «**» and link syntax in the
    article's text."""
    (tmp_path / "note.md").write_text(
        f"# عنوان الخبر\n\n**جنيف** - {JAAFARI}\n\n> {HARIRI}\n\n"
        f"## خلفية ##\n\n[{MORE}](https://example.org/more)\n\n---\n\n![صورة](a.png)\n",
        encoding="utf-8",
    )
    report = import_paths(store, [tmp_path / "note.md"])
    assert report.skipped == []
    (row,) = store.documents()
    assert row.title == "عنوان الخبر"
    text = store.texts([row.id])[row.id]
    assert text.splitlines()[0] == "عنوان الخبر"
    assert f"جنيف - {JAAFARI}" in text and HARIRI in text and "خلفية" in text and MORE in text
    for mark in ("#", "**", "](", "---", "صورة", "> "):
        assert mark not in text


@pytest.mark.parametrize(
    ("markdown", "title", "text"),
    [
        (
            "# **عاجل**: [المبعوث الأممي](https://news.un.org) يزور دمشق\n\nقال المبعوث.\n",
            "عاجل: المبعوث الأممي يزور دمشق",
            "عاجل: المبعوث الأممي يزور دمشق\n\nقال المبعوث.",
        ),
        ("# ![شعار](logo.png) المبعوث يزور دمشق\nنص", "المبعوث يزور دمشق", "المبعوث يزور دمشق\nنص"),
        (
            "*مائل* و _مائل_ و ***كلاهما*** و [رابط (بأقواس)](http://x/a_(b)) و 5 * 3 * 2 و snake_case",
            None,
            "مائل و مائل و كلاهما و رابط (بأقواس) و 5 * 3 * 2 و snake_case",
        ),
        ("- بند\n* بند\n1. أولاً\n#سوريا وسم", None, "- بند\n* بند\n1. أولاً\n#سوريا وسم"),
    ],
)
def test_markdown_marks_go_from_the_title_and_the_text_but_no_word_does(
    markdown: str, title: str | None, text: str
) -> None:
    from desktop.corpus.readers import markdown_text

    found, said = markdown_text(markdown)
    assert (found, said.get("title")) == (text, title)


def test_a_markdown_front_matter_gives_the_title_date_and_author(
    store: Store, tmp_path: Path
) -> None:
    """Its «title:» and «date:» lines stayed in the article's text and it had no title."""
    (tmp_path / "post.md").write_text(
        f"---\ntitle: 'المبعوث في دمشق'\ndate: 2024-05-01\nauthor: مراسل سانا\n"
        f"tags:\n  - سوريا\n---\n\n{JAAFARI}\n",
        encoding="utf-8",
    )
    import_paths(store, [tmp_path / "post.md"])
    (row,) = store.documents()
    assert (row.title, row.published) == ("المبعوث في دمشق", dt.date(2024, 5, 1))
    assert store.texts([row.id])[row.id] == JAAFARI


def test_a_text_opening_with_a_rule_is_not_taken_for_a_front_matter() -> None:
    """Everything between an opening «---» and the next «---» or «...» was dropped as
    front matter, the article's first paragraphs with it, and the report said nothing."""
    from desktop.corpus.readers import markdown_text

    text, said = markdown_text(f"---\n{JAAFARI}\n\n{HARIRI}\n...\n{MORE}\n")
    assert JAAFARI in text and HARIRI in text and MORE in text and "title" not in said
    text, said = markdown_text(f"---\nقال المبعوث: {MORE}\n---\n{HARIRI}\n")
    assert MORE in text and HARIRI in text  # a setext heading, as Markdown reads it


def test_a_front_matter_block_value_and_list_are_read_as_yaml_writes_them() -> None:
    from desktop.corpus.readers import markdown_text

    text, said = markdown_text(
        "---\ntitle: >-\n  المبعوث في دمشق\n  لليوم الثاني\nauthor:\n  - سانا\n  - وكالات\n"
        f"---\n{JAAFARI}\n"
    )
    assert text == JAAFARI
    assert (said["title"], said["author"]) == ("المبعوث في دمشق لليوم الثاني", "سانا، وكالات")


def test_an_outlet_named_in_a_pages_heading_is_not_the_pages() -> None:
    """The heading «حوار خاص - العربية» of a Riyadh page made it an Al Arabiya article."""
    page = (
        "<html><head><meta charset='utf-8'><title>حوار خاص - العربية | جريدة الرياض</title>"
        f"</head><body><h1>حوار خاص - العربية</h1><p>{JAAFARI}</p><p>{MORE}</p></body></html>"
    ).encode()
    draft = _page_draft(page)
    assert (draft.outlet, draft.title) == ("Al Riyadh", "حوار خاص - العربية")


@pytest.mark.parametrize(
    ("block", "title"),
    [
        ("title: المبعوث\nauthor:\n- سانا\n- وكالات", "المبعوث"),  # lists as PyYAML writes them
        ("# from hugo\ntitle: المبعوث", "المبعوث"),  # a comment
        ("العنوان: المبعوث\npub date: 2024-01-01", "المبعوث"),  # Arabic keys, a key with a space
    ],
)
def test_common_front_matter_is_read_not_kept_in_the_text(block: str, title: str) -> None:
    """These blocks were taken for the article's text, the title left inside it."""
    from desktop.corpus.readers import markdown_text

    text, said = markdown_text(f"---\n{block}\n---\n{JAAFARI}\n")
    assert (text, said["title"]) == (JAAFARI, title)


def test_an_og_title_like_the_heading_does_not_name_the_pages_outlet() -> None:
    """Most sites set og:title to the heading: «حوار خاص - العربية» made a Riyadh page
    Al Arabiya's and cut its title."""
    page = (
        "<html><head><meta charset='utf-8'><meta property='og:title' content='حوار خاص - العربية'>"
        "<title>حوار خاص - العربية | جريدة الرياض</title></head>"
        f"<body><h1>حوار خاص - العربية</h1><p>{JAAFARI}</p><p>{MORE}</p></body></html>"
    ).encode()
    draft = _page_draft(page)
    assert (draft.outlet, draft.title) == ("Al Riyadh", "حوار خاص - العربية")


def test_one_agency_story_run_by_two_outlets_is_an_article_of_each(
    store: Store, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The same wire text under two outlets is what a comparison of outlets is about:
    the second outlet's copy was dropped as a duplicate of the first's, with its title,
    date and address, and the outlet did not appear in the corpus at all."""
    story = f"{JAAFARI}\n\n{HARIRI}"
    records = [
        {
            "title": "الجعفري يصف المعارضين بالإرهابيين",
            "text": story,
            "source": "Al Jazeera",
            "date": "2017-03-01",
            "url": "https://www.aljazeera.net/news/1",
        },
        {
            "title": "وفد الحكومة يتهم المعارضة",
            "text": story,
            "source": "Asharq Al-Awsat",
            "date": "2017-03-02",
            "url": "https://aawsat.com/home/article/2",
        },
        # the same outlet's story again, from another export: a duplicate
        {"title": "الجعفري يصف المعارضين", "text": story + "\n", "source": "Al Jazeera"},
        # nothing says whose it is: a copy of the first outlet's, as from another file
        {"title": "بلا مصدر", "text": story, "author": "مراسل"},
        {"title": "بلا مصدر مرة أخرى", "text": story},
    ]
    path = tmp_path / "wire.jsonl"
    path.write_text(
        "\n".join(json.dumps(r, ensure_ascii=False) for r in records) + "\n", encoding="utf-8"
    )
    report = import_paths(store, [path])
    assert (len(report.imported), len(report.duplicates)) == (2, 3)
    rows = sorted(store.documents(), key=lambda r: r.id)
    assert [(r.outlet, r.title, r.author) for r in rows] == [
        ("Al Jazeera", "الجعفري يصف المعارضين بالإرهابيين", None),
        ("Asharq Al-Awsat", "وفد الحكومة يتهم المعارضة", None),
    ]
    assert rows[1].published == dt.date(2017, 3, 2)
    assert [i for _s, i in report.duplicates] == [rows[0].id] * 3
    assert not report.filled
    # imported again, each copy is found under its own outlet
    again = import_paths(store, [path])
    assert (len(again.imported), len(again.duplicates)) == (0, 5)
    assert [i for _s, i in again.duplicates] == [
        rows[0].id,
        rows[1].id,
        rows[0].id,
        rows[0].id,
        rows[0].id,
    ]


@pytest.mark.parametrize("order", ["with its outlet first", "without an outlet first"])
def test_one_file_with_a_copy_of_an_article_with_its_outlet_and_without_stores_one(
    store: Store, tmp_path: Path, order: str
) -> None:
    """A file holding an article under its outlet and again without one stored two
    documents, where two files (or two imports) give one: the copy without an outlet
    after one under an outlet is a duplicate that gives it nothing; the copy under an
    outlet after one without is the same article, which it gives the outlet, date and
    link."""
    story = f"{KONASHENKOV}\n\n{MORE}"
    named = {
        "title": "كوناشنكوف: تحرير الرقة لن يكون نزهة",
        "text": story,
        "source": "SANA",
        "date": "2017-06-07",
        "url": "https://sana.sy/?p=1",
    }
    unnamed = {"title": "بيان الجيش الروسي", "text": story, "author": "مراسل"}
    first = order == "with its outlet first"
    records = [named, unnamed] if first else [unnamed, named]
    path = tmp_path / "both.jsonl"
    path.write_text(
        "\n".join(json.dumps(r, ensure_ascii=False) for r in records) + "\n", encoding="utf-8"
    )
    report = import_paths(store, [path])
    rows = store.documents()
    assert (len(report.imported), len(report.duplicates), len(rows)) == (1, 1, 1)
    row = rows[0]
    assert [i for _s, i in report.duplicates] == [row.id]
    assert (row.outlet, row.published, row.url) == (
        "SANA",
        dt.date(2017, 6, 7),
        "https://sana.sy/?p=1",
    )
    if first:  # the copy without an outlet gives the outlet's article nothing
        assert (row.title, row.author, report.filled) == (named["title"], None, [])
    else:  # as when the copy without an outlet was stored by an earlier import
        assert (row.title, row.author) == (unnamed["title"], "مراسل")
        assert [given for _s, _i, given in report.filled] == [("date", "url", "outlet")]
    again = import_paths(store, [path])
    assert (len(again.imported), [i for _s, i in again.duplicates]) == (0, [row.id] * 2)


def test_a_copy_without_an_outlet_gives_an_outlets_article_nothing(
    store: Store, tmp_path: Path
) -> None:
    """A text read without its outlet, once stored under outlets, gave the oldest of
    them its date and author: the first outlet's article took the date another outlet
    ran the story on. It is still a duplicate (not stored a third time), and still gives
    what it has to a copy stored without an outlet."""
    story = f"{JAAFARI}\n\n{HARIRI}"
    alone = f"{KONASHENKOV}\n\n{MORE}"

    def jsonl(name: str, records: list[dict[str, str]]) -> Path:
        path = tmp_path / name
        path.write_text(
            "\n".join(json.dumps(r, ensure_ascii=False) for r in records) + "\n", "utf-8"
        )
        return path

    first = jsonl(
        "outlets.jsonl",
        [
            {"title": "الجعفري يصف المعارضين", "text": story, "source": "Al Jazeera"},
            {"title": "وفد الحكومة", "text": story, "source": "Asharq Al-Awsat",
             "date": "2017-03-02"},
            {"title": "كوناشنكوف", "text": alone, "source": "SANA"},
            {"title": "بلا مصدر", "text": f"{HARIRI}\n\n{MORE}"},
        ],
    )  # fmt: skip
    import_paths(store, [first])
    later = jsonl(
        "unnamed.jsonl",
        [
            {"text": story, "date": "2017-03-05", "author": "مراسل"},
            {"text": alone, "date": "2017-03-06", "author": "مراسل"},
            {"text": f"{HARIRI}\n\n{MORE}", "date": "2017-03-07", "author": "مراسل"},
        ],
    )
    report = import_paths(store, [later])
    rows = sorted(store.documents(), key=lambda r: r.id)
    assert (len(report.imported), [i for _s, i in report.duplicates]) == (
        0,
        [rows[0].id, rows[2].id, rows[3].id],
    )
    assert [(r.outlet, r.published, r.author) for r in rows] == [
        ("Al Jazeera", None, None),
        ("Asharq Al-Awsat", dt.date(2017, 3, 2), None),
        ("SANA", None, None),
        # the copy stored without an outlet is the same article: it is given them
        (None, dt.date(2017, 3, 7), "مراسل"),
    ]
    assert [(i, given) for _s, i, given in report.filled] == [(rows[3].id, ("date", "author"))]


def test_the_summary_names_the_duplicates(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from desktop.__main__ import dispatch

    db = str(tmp_path / "x.db")
    assert dispatch(["--db", db, "import", str(SEEDS)]) == 0
    capsys.readouterr()
    assert dispatch(["--db", db, "import", str(SEEDS)]) == 0
    out = capsys.readouterr().out
    named = [line for line in out.splitlines() if line.startswith("  duplicate ")]
    assert len(named) == 5
    assert "003_6369181c9cd67a10.txt: the same text as document " in "\n".join(named)


def test_records_in_utf_8_inside_a_windows_1256_file_are_read_as_written(
    store: Store, tmp_path: Path
) -> None:
    """One record pasted in UTF-8 into a JSON Lines file saved in Windows-1256 was
    stored as «ط§ظ„ظ…طھط­ط¯ط«»; its title, text and outlet are read as written."""
    import json

    records = [
        {"title": f"خبر {n}", "outlet": "سانا", "text": text}
        for n, text in enumerate([JAAFARI, HARIRI, KONASHENKOV, JAAFARI + " " + HARIRI])
    ]
    lines = [json.dumps(r, ensure_ascii=False) for r in records]
    path = tmp_path / "mixed.jsonl"
    path.write_bytes(
        b"\n".join(line.encode("utf-8" if n == 2 else "cp1256") for n, line in enumerate(lines))
    )
    report = import_paths(store, [path])
    assert report.skipped == [] and len(report.imported) == 4
    texts = store.texts([i for _, i in report.imported])
    assert sorted(texts.values()) == sorted(r["text"] for r in records)
    assert {d.title for d in store.documents()} == {f"خبر {n}" for n in range(4)}


@pytest.mark.parametrize("separator", [";", "\t", "|"])
@pytest.mark.parametrize("header", [("title", "date", "text"), ("العنوان", "التاريخ", "النص")])
def test_a_csv_with_another_separator_and_texts_of_several_lines_is_read(
    store: Store, tmp_path: Path, separator: str, header: tuple[str, str, str]
) -> None:
    """A semicolon file from a European Excel (or tabs, or pipes) whose texts run over
    several lines misled the separator's sniffing: the whole file was refused with «CSV
    has no text column … found: title;date;text»."""
    rows = [
        ("عنوان أ", "2024-01-01", f"{JAAFARI}\r\n{HARIRI}"),
        ("عنوان ب", "2024-01-02", f'{KONASHENKOV}\r\nوقال مصدر "مطلع" إن الجولة ستعقد.'),
        ("عنوان ج", "2024-01-03", HARIRI),
    ]

    def cell(value: str) -> str:
        return '"' + value.replace('"', '""') + '"' if '"' in value or "\n" in value else value

    lines = [separator.join(header)] + [separator.join(map(cell, row)) for row in rows]
    path = tmp_path / "export.csv"
    path.write_bytes(("\ufeff" + "\r\n".join(lines) + "\r\n").encode("utf-8"))
    report = import_paths(store, [path])
    assert report.skipped == [] and len(report.imported) == 3
    texts = sorted(store.texts([i for _, i in report.imported]).values())
    assert texts == sorted(text.replace("\r\n", "\n") for _t, _d, text in rows)
    assert {d.title for d in store.documents()} == {"عنوان أ", "عنوان ب", "عنوان ج"}


def test_an_article_in_unicode_text_opening_with_a_label_and_a_tab_stays_one_article(
    store: Store, tmp_path: Path
) -> None:
    """«الخبر⇥عاجل» over paragraphs, one of which holds a tab: read as a table of two
    columns, the article became two, and part of its text was lost."""
    text = (
        f"الخبر\tعاجل\r\n\r\n{JAAFARI}\r\n\r\nوأضاف\tأن البرلمان سيجتمع الأسبوع المقبل.\r\n"
        f"\r\n{HARIRI}\r\n"
    )
    path = tmp_path / "breaking.txt"
    path.write_bytes(text.encode("utf-16"))
    report = import_paths(store, [path])
    assert report.skipped == [] and len(report.imported) == 1
    (stored,) = store.texts([i for _, i in report.imported]).values()
    assert JAAFARI in stored and HARIRI in stored and "وأضاف\tأن البرلمان" in stored


_ROW_KINDS = st.sampled_from(["whole", "paragraphs", "quoting", "short", "broken", "blank"])


@settings(max_examples=300, deadline=None)
@given(
    st.lists(_ROW_KINDS, min_size=1, max_size=12),
    st.sampled_from([0, 1, 2]),
    st.sampled_from(["\r\n", "\n"]),
)
def test_no_csv_row_is_lost_or_merged_without_a_word(
    kinds: list[str], text_column: int, newline: str
) -> None:
    """Rows that leave their quotation mark open, among whole rows (some with texts of
    several paragraphs) and blank lines, in any order: every whole row is read with its
    own text, or its lines are named in a report of a broken row; no article holds
    another row's text."""
    header = ["العنوان", "المصدر"]
    header.insert(text_column, "النص")
    lines = [",".join(header)]
    texts: dict[str, str] = {}
    whole: dict[str, int] = {}  # title: the line it opens on
    for i, kind in enumerate(kinds, 1):
        if kind == "blank":
            lines.append("")
            continue
        title = f"الخبر {i}"
        text = f"{_DE_MISTURA} (رقم {i})"
        if kind == "paragraphs":
            text += f"{newline}{newline}وقال مصدر، رقم {i}، إن الجولة ستعقد"
        quoted = text
        if kind == "quoting":  # a quotation in its text, and commas, as Excel writes them
            text += ', قال: "نعم, سنحضر"'
            quoted = text.replace('"', '""')
        cells = [title, "سانا"]
        cells.insert(text_column, f'"{quoted}' if kind == "broken" else f'"{quoted}"')
        if kind == "short" and text_column < 2:  # no outlet (the last), the text not quoted
            cells = [title, text] if text_column else [text, title]
        if kind != "broken":
            texts[title] = text.replace("\r\n", "\n")
            whole[title] = sum(line.count("\n") + 1 for line in lines) + 1
        lines.append(",".join(cells))
    data = newline.join(lines) + newline
    result = read_csv("أخبار.csv", data.encode("utf-8"), FieldMapping())

    named: set[int] = set()
    for _where, why in result.problems:
        if found := re.search(r"lines (\d+)–(\d+)", why):
            named.update(range(int(found[1]), int(found[2]) + 1))
        elif found := re.search(r"opened on line (\d+)", why):
            named.add(int(found[1]))
    read = {a.title: a.text for a in result.articles}
    for title, text in texts.items():
        assert read.get(title) == text or whole[title] in named, (title, result.problems)
    for title, text in read.items():
        assert texts.get(title) == text, (title, text)
    broken = sum(1 for k in kinds if k == "broken")
    assert len(result.problems) == broken


#: dates as scrapers leave them, none of which names a day: relative, impossible, none
UNREADABLE_DATES = ("منذ 3 ساعات", "31/02/2017", "2017-13-45", "قبل يومين", "n/a")


def _dated_rows(n: int) -> list[dict[str, str]]:
    """``n`` articles whose dates go round the unreadable ones, an empty one and a good
    one (five of seven cannot be read)."""
    dates = (*UNREADABLE_DATES, "", "12/07/2017")
    return [
        {"title": f"خبر {i}", "date": dates[i % len(dates)], "text": f"{JAAFARI} {i}"}
        for i in range(n)
    ]


def _dates_note(path: Path, where: str, count: int) -> tuple[str, str]:
    return (
        str(path),
        f"{count} dates in {where} could not be read and were left empty "
        '(e.g. "منذ 3 ساعات", "31/02/2017")',
    )


@pytest.mark.parametrize("kind", ["csv", "large csv", "xlsx", "unicode text"])
def test_dates_that_cannot_be_read_are_said_once_per_file_and_column(
    store: Store, tmp_path: Path, parallel: bool, monkeypatch: pytest.MonkeyPatch, kind: str
) -> None:
    """They were left empty without a word. An empty cell is no date to read; a large
    file read in pieces (by several processes) is counted whole."""
    rows = _dated_rows(28 if kind == "large csv" else 7)
    header = ["العنوان", "تاريخ النشر", "النص"]
    cells = [[r["title"], r["date"], r["text"]] for r in rows]
    if kind == "xlsx":
        path = tmp_path / "أخبار.xlsx"
        save_xlsx(path, {"أخبار": [header, *cells]})
    elif kind == "unicode text":
        path = tmp_path / "أخبار.txt"
        lines = ["\t".join(r) for r in [header, *cells]]
        path.write_bytes(("\r\n".join(lines) + "\r\n").encode("utf-16"))
    else:
        out = io.StringIO()
        csv.writer(out).writerows([header, *cells])
        path = tmp_path / "أخبار.csv"
        path.write_text(out.getvalue(), encoding="utf-8")
        if kind == "large csv":
            monkeypatch.setattr(importing, "PIECE_BYTES", 2_000)
            assert importing._piece_count(next(iter_sources([path], []))) > 3
    report = import_paths(store, [path])
    assert (len(report.imported), report.skipped) == (len(rows), [])
    unreadable = sum(1 for r in rows if r["date"] in UNREADABLE_DATES)
    assert report.notes == [_dates_note(path, 'column "تاريخ النشر"', unreadable)]
    dates = {r.title: r.published for r in store.documents()}
    assert dates["خبر 5"] is None and dates["خبر 6"] == dt.date(2017, 7, 12)
    assert all(dates[r["title"]] is None for r in rows if r["date"] in UNREADABLE_DATES)
    # imported again, they are duplicates: nothing is left empty that was not already
    assert import_paths(store, [path]).notes == []


def test_dates_that_cannot_be_read_in_json_fields_and_a_page(store: Store, tmp_path: Path) -> None:
    """A JSON record's date field, one object down too, and a page's date in its
    metadata: each file says how many of its dates could not be read, in which field."""
    records = _dated_rows(7)
    flat = tmp_path / "flat.json"
    flat.write_text(
        json.dumps(
            [
                {"headline": r["title"], "published_at": r["date"], "body": r["text"]}
                for r in records
            ],
            ensure_ascii=False,
        ),
        encoding="utf-8",
    )
    nested = tmp_path / "nested.jsonl"
    nested.write_text(
        "".join(
            json.dumps(
                {
                    "headline": f"{r['title']} ب",
                    "content": {"text": f"{HARIRI} {i}"},
                    "meta": {"pubDate": r["date"]},
                },
                ensure_ascii=False,
            )
            + "\n"
            for i, r in enumerate(records[:2])
        ),
        encoding="utf-8",
    )
    page = tmp_path / "page.html"
    page.write_text(
        '<html><head><meta property="article:published_time" content="منذ 3 ساعات">'
        f"<title>خبر</title></head><body><article><p>{KONASHENKOV}</p>"
        f"<p>{MORE}</p></article></body></html>",
        encoding="utf-8",
    )
    dated = tmp_path / "dated.html"  # a date that can be read: nothing to say
    dated.write_text(
        '<html><head><meta property="article:published_time" content="2017-07-12T10:00:00">'
        f"<title>خبر</title></head><body><article><p>{JAAFARI}</p></article></body></html>",
        encoding="utf-8",
    )
    side = tmp_path / "side"  # a text and its metadata beside it; Markdown's front matter
    side.mkdir()
    (side / "note.txt").write_text(JAAFARI + " " + MORE, encoding="utf-8")
    (side / "note.json").write_text('{"date": "n/a", "source": "SANA"}', encoding="utf-8")
    (side / "post.md").write_text(
        f"---\ntitle: خبر\ndate: قبل يومين\n---\n\n{HARIRI}\n", encoding="utf-8"
    )
    report = import_paths(store, [flat, nested, page, dated, side])
    assert (len(report.imported), report.skipped) == (13, [])
    assert sorted(report.notes) == sorted(
        [
            (
                str(side / "note.txt"),
                '1 date in metadata "date" could not be read and was left empty ("n/a")',
            ),
            (
                str(side / "post.md"),
                '1 date in front matter "date" could not be read and was left empty ("قبل يومين")',
            ),
            _dates_note(flat, 'field "published_at"', 5),
            (
                str(nested),
                '2 dates in field "pubDate" could not be read and were left empty '
                '("منذ 3 ساعات", "31/02/2017")',
            ),
            (
                str(page),
                '1 date in meta "article:published_time" could not be read and was left '
                'empty ("منذ 3 ساعات")',
            ),
        ]
    )


def test_a_date_that_cannot_be_read_beside_one_in_the_address_is_not_left_empty(
    store: Store, tmp_path: Path
) -> None:
    path = tmp_path / "news.csv"
    path.write_text(
        f"title,date,url,text\nخبر,منذ 3 ساعات,https://example.org/2017/07/12/news-1,{HARIRI}\n",
        encoding="utf-8",
    )
    report = import_paths(store, [path])
    assert report.notes == []
    assert [r.published for r in store.documents()] == [dt.date(2017, 7, 12)]
