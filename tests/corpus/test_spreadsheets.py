"""Old Excel workbooks (.xls) and OpenDocument spreadsheets (.ods), on real Arabic text.

How the files in tests/data were made (once; they are committed): :func:`save_xlsx` wrote
``SHEETS["coverage"]`` and ``SHEETS["two_sheets"]`` as .xlsx with openpyxl, and LibreOffice
7.4 converted each, ``soffice --headless --convert-to xls`` and ``--convert-to ods``
(LibreOffice computes the =NA() formula, so the cell holds the error #N/A).
``locked.xls`` and ``locked.ods`` are coverage.xlsx saved by LibreOffice with the password
«secret» (through UNO: ``storeToURL`` with the filter «MS Excel 97» or «calc8» and a
``Password`` property); ``locked.xlsx`` is two_sheets.xlsx encrypted with the same password
by msoffcrypto-tool 6.1 (``msoffcrypto-tool -e -p secret``). The tests build the same
sheets as .xlsx and expect the same import.
"""

from __future__ import annotations

import datetime as dt
import io
import os
import re
import shutil
import struct
import subprocess
import sys
import zipfile
from pathlib import Path
from typing import Any

import pytest

from desktop import importing
from desktop.corpus.fields import FieldMapping
from desktop.corpus.sheets import workbook_records
from desktop.corpus.xls import DamagedXlsError, checked_streams
from desktop.importing import import_paths
from desktop.store.store import Store
from tests.conftest import REPO, SEEDS
from tests.corpus.imported import GENEVA, JEFFREY, PLEDGE, QUOTE, imported, said
from tests.corpus.workbooks import save_xlsx

DATA = Path(__file__).resolve().parent.parent / "data"

#: the sheets of each fixture workbook, by title: rows of cells
SHEETS: dict[str, dict[str, list[list[Any]]]] = {
    "coverage": {
        "حزيران": [
            ["أرشيف التغطية — حزيران 2019"],
            [],
            ["العنوان", "النص", "التاريخ", "المصدر", "العدد"],
            # a line break inside a cell; a date with its time; a whole number kept as a float
            [
                "الجعفري في جنيف",
                f"{GENEVA}\n{PLEDGE}",
                dt.datetime(2017, 7, 10, 9, 30),
                "سانا",
                3.0,
            ],
            [],
            ["جيفري", f"{JEFFREY}\n{QUOTE}", dt.date(2019, 5, 30), "عنب بلدي", 2.5],
            ["بلا نص", "=NA()", dt.date(2019, 5, 31), "سانا", 1],  # a formula that failed
        ],
        "ملاحظات": [["ملاحظة"], ["جمعت الأخبار من المواقع الرسمية"]],
    },
    "two_sheets": {
        "سانا": [["النص", "الوسوم"], [PLEDGE, "جنيف"]],
        "عنب بلدي": [["النص", "تاريخ النشر", "الجريدة"], [QUOTE, "2019-05-29", "عنب بلدي"]],
    },
}


# ---- the import -------------------------------------------------------------------------
@pytest.fixture(params=[".xls", ".ods"])
def ext(request: pytest.FixtureRequest) -> str:
    return str(request.param)


def test_old_excel_and_opendocument_spreadsheets_import_as_the_same_sheets_in_xlsx_do(
    store: Store, tmp_path: Path, parallel: bool, ext: str
) -> None:
    """The column names under a title row, every sheet with a text column, rows numbered
    as in the sheet (``sheet:row`` when two sheets hold articles), dates, a line break
    inside a cell, a formula that failed, and the columns not read: as an .xlsx of the
    same sheets is imported. They were refused, with advice to save them as .xlsx."""
    folder = tmp_path / "archive"
    folder.mkdir()
    for name in SHEETS:
        shutil.copy(DATA / f"{name}{ext}", folder)
    report = import_paths(store, [folder])

    got = imported(store)
    assert got[f"coverage{ext}#4"] == (
        "الجعفري في جنيف",
        "SANA",
        "2017-07-10",
        f"{GENEVA}\n{PLEDGE}",
    )
    assert got[f"coverage{ext}#6"] == ("جيفري", "Enab Baladi", "2019-05-30", f"{JEFFREY}\n{QUOTE}")
    assert got[f"two_sheets{ext}#سانا:2"][1:] == (None, "None", PLEDGE)
    assert got[f"two_sheets{ext}#عنب بلدي:2"][1:] == ("Enab Baladi", "2019-05-29", QUOTE)
    assert len(got) == len(report.imported) == 4
    skipped, notes = said(report)
    assert skipped == [(f"coverage{ext}#7", "empty text in field 'النص'")]
    assert notes == [
        (
            f"coverage{ext}",
            "column not read: العدد (no column found for: author, url); "
            "to read one, name its field: --field author=COLUMN",
        ),
        (
            f"two_sheets{ext}",
            "sheet «سانا»: column not read: الوسوم (no column found for: date, outlet, title, "
            "author, url); to read one, name its field: --field date=COLUMN",
        ),
    ]

    # the same sheets saved as .xlsx
    xlsx = tmp_path / "xlsx"
    xlsx.mkdir()
    for name, sheets in SHEETS.items():
        save_xlsx(xlsx / f"{name}.xlsx", sheets)
    again = Store.open(tmp_path / "xlsx.db")
    from_xlsx = import_paths(again, [xlsx])
    assert {k.replace(".xlsx", ext): v for k, v in imported(again).items()} == got
    assert said(from_xlsx) == tuple(
        [(name.replace(ext, ".xlsx"), said) for name, said in part] for part in (skipped, notes)
    )
    again.close()


def test_a_large_spreadsheet_is_handed_on_in_groups_of_rows(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, ext: str
) -> None:
    whole = Store.open(tmp_path / "whole.db")
    paths = [DATA / f"{name}{ext}" for name in SHEETS]
    expected = import_paths(whole, paths)
    monkeypatch.setattr(importing, "PIECE_BYTES", 100)  # each file read as a large one
    report = import_paths(store, paths)
    assert imported(store) == imported(whole)
    assert said(report) == said(expected)
    whole.close()


def test_rows_become_records_as_an_xlsx_s_do(ext: str) -> None:
    """Dates as ISO text, a whole number without «.0», a failed formula and an empty
    cell as nothing, empty rows passed over; Arabic text and its line breaks as written."""
    notes: list[str] = []
    rows = dict(
        workbook_records((DATA / f"coverage{ext}").read_bytes(), FieldMapping(), notes, ext)
    )
    assert list(rows) == [4, 6, 7]
    assert rows[4] == {
        "العنوان": "الجعفري في جنيف",
        "النص": f"{GENEVA}\n{PLEDGE}",
        "التاريخ": "2017-07-10T09:30:00",
        "المصدر": "سانا",
        "العدد": 3,
    }
    assert type(rows[4]["العدد"]) is int
    assert (rows[6]["التاريخ"], rows[6]["العدد"]) == ("2019-05-30", 2.5)
    assert rows[7]["النص"] is None  # #N/A
    assert len(notes) == 1


def test_a_workbook_is_read_by_what_it_holds_not_its_name(store: Store, tmp_path: Path) -> None:
    folder = tmp_path / "renamed"
    folder.mkdir()
    shutil.copy(DATA / "coverage.xls", folder / "coverage.xlsx")
    shutil.copy(DATA / "two_sheets.ods", folder / "two_sheets.xls")
    save_xlsx(folder / "saved.ods", {"أخبار": [["النص"], [GENEVA]]})
    report = import_paths(store, [folder])
    assert sorted(imported(store)) == [
        "coverage.xlsx#4",
        "coverage.xlsx#6",
        "saved.ods#2",
        "two_sheets.xls#سانا:2",
        "two_sheets.xls#عنب بلدي:2",
    ]
    assert said(report)[0] == [("coverage.xlsx#7", "empty text in field 'النص'")]


def test_spreadsheets_in_an_archive_are_read_in_place(store: Store, tmp_path: Path) -> None:
    with zipfile.ZipFile(tmp_path / "أرشيف.zip", "w") as z:
        z.write(DATA / "coverage.xls", "حزيران/coverage.xls")
        z.write(DATA / "two_sheets.ods", "two_sheets.ods")
    report = import_paths(store, [tmp_path / "أرشيف.zip"])
    assert sorted(r.source_path.split("!")[1] for r in store.documents()) == [
        "two_sheets.ods#سانا:2",
        "two_sheets.ods#عنب بلدي:2",
        "حزيران/coverage.xls#4",
        "حزيران/coverage.xls#6",
    ]
    assert (len(report.skipped), len(report.notes)) == (1, 2)


def test_an_xlsx_saved_with_a_password_says_so(store: Store, tmp_path: Path) -> None:
    """It was «not an Excel workbook (one saved with a password, or in the old .xls
    format, …)»: which of the two is known now, and only the first is not read."""
    shutil.copy(DATA / "locked.xlsx", tmp_path)
    report = import_paths(store, [tmp_path / "locked.xlsx"])
    assert report.skipped == [
        (
            str(tmp_path / "locked.xlsx"),
            "an Excel workbook saved with a password is not read: save it again without a "
            "password, or as CSV",
        )
    ]


def _zeroed(data: bytes, sector: int) -> bytes:
    """An .xls with one of its sectors of 512 bytes zeroed."""
    start = (sector + 1) * 512
    return data[:start] + bytes(512) + data[start + 512 :]


def test_damaged_and_locked_spreadsheets_are_reported_and_the_import_goes_on(
    store: Store, tmp_path: Path, ext: str
) -> None:
    good = (DATA / f"coverage{ext}").read_bytes()
    folder = tmp_path / "archive"
    folder.mkdir()
    (folder / f"cut{ext}").write_bytes(good[: len(good) // 2])  # an interrupted copy
    shutil.copy(DATA / f"locked{ext}", folder)
    # a page a website's «export to Excel» saves
    (folder / f"export{ext}").write_text(
        '<html dir="rtl"><table><tr><td>النص</td></tr></table></html>', encoding="utf-8"
    )
    if ext == ".xls":
        # its table of sectors zeroed: every chain of sectors runs in a loop
        (folder / "zeroed.xls").write_bytes(_zeroed(good, struct.unpack_from("<I", good, 0x4C)[0]))
    else:
        with zipfile.ZipFile(io.BytesIO(good)) as z:
            member = z.getinfo("content.xml")
        at = member.header_offset + 30 + len(member.filename) + len(member.extra) + 100
        (folder / "zeroed.ods").write_bytes(good[:at] + bytes(100) + good[at + 100 :])
    shutil.copy(DATA / f"two_sheets{ext}", folder)
    report = import_paths(store, [folder])

    kind = "Excel workbook" if ext == ".xls" else "OpenDocument spreadsheet"
    assert sorted(imported(store)) == [f"two_sheets{ext}#سانا:2", f"two_sheets{ext}#عنب بلدي:2"]
    reasons = dict(said(report)[0])
    assert reasons[f"locked{ext}"] == (
        f"an {kind} saved with a password is not read: save it again without a password, or as CSV"
    )
    assert reasons[f"export{ext}"].startswith(
        "not a spreadsheet (neither an Excel workbook nor an OpenDocument spreadsheet: a web "
        "page or text saved under a spreadsheet's name is not read"
    )
    if ext == ".xls":
        assert (
            reasons["cut.xls"] == f"damaged {kind} (its directory points past the end of the file)"
        )
        assert reasons["zeroed.xls"] == f"damaged {kind} (its directory runs in a loop)"
    else:
        assert reasons["cut.ods"] == f"damaged {kind} (BadZipFile: File is not a zip file)"
        assert reasons["zeroed.ods"].startswith(f"damaged {kind} (XmlError: ")
    assert len(reasons) == 4


# ---- what would end the process ---------------------------------------------------------
def _record(data: bytes, kind: int, length: int) -> int:
    """Where the data of the first BIFF record of a kind and length is in an .xls."""
    at = data.index(struct.pack("<HH", kind, length))
    return at + 4


@pytest.mark.parametrize(
    ("damage", "said"),
    [
        # python-calamine follows a chain of sectors that runs in a loop until memory runs out
        ("zeroed table of sectors", "its directory runs in a loop"),
        # and sets memory aside for as many cells, or strings, as a record says
        ("sheet's extent", "a sheet says it spans 1,644,167,174 rows of 5 columns"),
        ("cell's column", "a cell is placed beyond the last column"),
        ("count of strings", "its table of strings says it holds 2,000,000,000"),
        ("stream's size", "its stream «Workbook» is said to be larger than the file"),
    ],
)
def test_an_xls_that_would_end_the_process_is_reported_as_damaged(
    store: Store, tmp_path: Path, damage: str, said: str
) -> None:
    """Each of these, handed to python-calamine, ended the process (the memory it asked
    for could not be had, or the system stopped it); each is found before it is read."""
    data = bytearray((DATA / "coverage.xls").read_bytes())
    if damage == "zeroed table of sectors":
        data = bytearray(_zeroed(bytes(data), struct.unpack_from("<I", data, 0x4C)[0]))
    elif damage == "sheet's extent":
        struct.pack_into("<I", data, _record(data, 0x0200, 14) + 4, 0x62000006)
    elif damage == "cell's column":
        struct.pack_into("<H", data, _record(data, 0x00FD, 10) + 2, 0x4000)
    elif damage == "count of strings":
        at = data.index(struct.pack("<H", 0x00FC)) + 4
        struct.pack_into("<i", data, at + 4, 2_000_000_000)
    else:
        name = "Workbook".encode("utf-16-le")
        struct.pack_into("<I", data, data.index(name) + 120, 0x7FFFFFFF)
    with pytest.raises(DamagedXlsError, match=re.escape(said)):
        checked_streams(bytes(data))
    folder = tmp_path / "archive"
    folder.mkdir()
    (folder / "damaged.xls").write_bytes(data)
    shutil.copy(DATA / "two_sheets.xls", folder)
    report = import_paths(store, [folder])
    assert report.skipped == [(str(folder / "damaged.xls"), f"damaged Excel workbook ({said})")]
    assert len(report.imported) == 2


def test_the_seed_corpus_is_imported_without_the_spreadsheet_libraries(tmp_path: Path) -> None:
    """python-calamine and openpyxl are imported when a spreadsheet is read, not before:
    the app starts without them."""
    code = (
        "import sys; from pathlib import Path; from desktop.importing import import_paths; "
        "from desktop.store.store import Store; "
        f"store = Store.open(Path({str(tmp_path / 'cold.db')!r})); "
        f"report = import_paths(store, [Path({str(SEEDS)!r})]); store.close(); "
        "assert len(report.imported) == 5, report; "
        "loaded = [m for m in ('python_calamine', 'openpyxl') if m in sys.modules]; "
        "assert not loaded, loaded"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, cwd=REPO
    )
    assert proc.returncode == 0, proc.stderr


def test_a_workbook_the_spreadsheet_library_fails_inside_is_reported_without_its_trace(
    capfd: pytest.CaptureFixture[str],
) -> None:
    """An .xls whose list of sheets puts a sheet 8 MB into an 8 KB workbook passes the
    checks made before it is read; the Rust code under python-calamine then fails inside
    (a panic), and printed its message and a backtrace of some 60 frames on the standard
    error, around the import's report, and the report quoted its message («range start
    index 8522535 out of range for slice of length 4140»). The file is reported damaged
    in plain words, and nothing is printed."""
    data = bytearray((DATA / "coverage.xls").read_bytes())
    bof = data.index(b"\x85\x00\x14\x00") + 4  # the first sheet's BOUNDSHEET: its position
    assert data[bof : bof + 4] == (0x0B27).to_bytes(4, "little")
    data[bof + 2] = 0x82
    with pytest.raises(
        Exception, match=re.escape("damaged Excel workbook (a record inside it could not be read)")
    ):
        list(workbook_records(bytes(data), FieldMapping(), [], ".xls"))
    assert capfd.readouterr().err == ""


def test_what_else_is_printed_while_a_spreadsheet_is_read_is_passed_on(
    capfd: pytest.CaptureFixture[str],
) -> None:
    from desktop.corpus.sheets import _panics_kept_quiet

    with _panics_kept_quiet():
        os.write(2, "تحذير: سطر من مكتبة\n".encode())
    assert capfd.readouterr().err == "تحذير: سطر من مكتبة\n"
    with _panics_kept_quiet():
        os.write(2, b"thread '<unnamed>' panicked at src/xls.rs:606:29:\n")
    assert capfd.readouterr().err == ""


def test_spreadsheets_read_in_two_threads_at_once_leave_the_standard_error_as_it_was(
    capfd: pytest.CaptureFixture[str],
) -> None:
    """Each read sets the process's standard error aside and puts it back: a second read
    beginning while the first ran set aside the first's, put it back after the first
    had ended, and left the standard error on a deleted file, every later error lost."""
    import threading

    from desktop.corpus.sheets import _panics_kept_quiet

    first_in, second_in, first_out = threading.Event(), threading.Event(), threading.Event()

    def first() -> None:
        with _panics_kept_quiet():
            first_in.set()
            second_in.wait(0.3)  # (the second waits for this one to end, as it should)
        first_out.set()

    def second() -> None:
        first_in.wait()
        with _panics_kept_quiet():
            second_in.set()
            first_out.wait(1)

    threads = [threading.Thread(target=first), threading.Thread(target=second)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    os.write(2, "بعد القراءة\n".encode())
    assert capfd.readouterr().err == "بعد القراءة\n"
