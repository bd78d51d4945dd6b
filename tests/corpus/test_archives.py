"""RAR and 7z archives, read without being extracted by the user: 7z with py7zr, RAR (and
7z that py7zr cannot read) with the system's bsdtar, unar, unrar or 7-Zip."""

from __future__ import annotations

import io
import random
import shutil
import tarfile
import tempfile
import zipfile
from pathlib import Path
from typing import Any

import py7zr
import pytest

from desktop.corpus import archives, sources
from desktop.corpus.sources import _without_later_volumes
from desktop.importing import import_paths
from desktop.store.store import Store
from tests.corpus.test_import import HARIRI, JAAFARI, KONASHENKOV, MORE, _reasons

RAR_FILES = Path(__file__).resolve().parent.parent / "data" / "rar"

#: the Abu El-Khair corpus's layout: one XML file an outlet, the outlet as the tag
ITTIHAD = f"""<?xml version="1.0" encoding="utf-8"?>
<Alittihad_XML>
<Alittihad>
<ID>1</ID>
<URL>http://www.alittihad.ae/details.php?id=1</URL>
<Headline>الجعفري في جنيف</Headline>
<Dateline>2017-03-01</Dateline>
<Text>{JAAFARI}
{MORE}</Text>
</Alittihad>
<Alittihad>
<ID>2</ID>
<URL>http://www.alittihad.ae/details.php?id=2</URL>
<Headline>الحريري يتعهد</Headline>
<Dateline>2017-03-02</Dateline>
<Text>{HARIRI}
{MORE}</Text>
</Alittihad>
</Alittihad_XML>
"""


def _text(store: Store, doc_id: int) -> str:
    return store.texts([doc_id])[doc_id]


def _seven_zip(path: Path, files: dict[str, str], password: str | None = None) -> Path:
    with py7zr.SevenZipFile(path, "w", password=password) as z:
        for name, text in files.items():
            z.writestr(text.encode("utf-8"), name)
    return path


def _tool(name: str) -> archives._Tool:
    for tool in archives._tools("7z"):
        if tool.name == name:
            return tool
    pytest.skip(f"{name} is not installed (Debian: libarchive-tools, unar, 7zip)")


@pytest.fixture
def temp_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The platform's temporary folder, for this test alone: what is left there is seen."""
    folder = tmp_path / "tmp"
    folder.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    return folder


READERS = ["py7zr", "bsdtar", "unar", "7-Zip"]


@pytest.fixture(params=READERS)
def reader(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """A 7z archive read by py7zr, or as py7zr hands over one it cannot read, by one tool."""
    if request.param != "py7zr":
        tool = _tool(request.param)

        def unsupported(path: Path, out: object, *args: object) -> None:
            raise archives._UnsupportedError("py7zr: a compression it does not read")

        monkeypatch.setattr(archives, "_seven_zip_to_tar", unsupported)
        monkeypatch.setattr(archives, "_tools", lambda kind: [tool])
    return str(request.param)


def test_a_7z_archive_of_an_abu_el_khair_newspaper_is_imported_as_its_folder_would_be(
    store: Store, tmp_path: Path, temp_dir: Path, reader: str
) -> None:
    """The corpus ships one archive a newspaper; a Kaggle dataset a folder of texts with
    sidecars: the 7z archive was refused («extract it and import the folder»)."""
    archive = _seven_zip(
        tmp_path / "Alittihad.7z",
        {
            "Alittihad_utf_8.xml": ITTIHAD,
            "syria/konashenkov.txt": f"{KONASHENKOV}\n\n{MORE}",
            "syria/konashenkov.json": '{"title": "كوناشنكوف عن الرقة", "outlet": "SANA"}',
            "syria/سوريا.txt": f"{HARIRI} في أستانا",
        },
    )
    report = import_paths(store, [archive])
    assert not report.skipped, report.skipped
    docs = {r.source_path.removeprefix(str(archive)): r for r in store.documents()}
    assert sorted(docs) == [
        "!Alittihad_utf_8.xml#1",
        "!Alittihad_utf_8.xml#2",
        "!syria/konashenkov.txt",
        "!syria/سوريا.txt",
    ]
    first = docs["!Alittihad_utf_8.xml#1"]
    assert (first.outlet, first.title, str(first.published)) == (
        "Alittihad",
        "الجعفري في جنيف",
        "2017-03-01",
    )
    assert _text(store, first.id) == f"{JAAFARI}\n{MORE}"
    side = docs["!syria/konashenkov.txt"]
    assert (side.outlet, side.title) == ("SANA", "كوناشنكوف عن الرقة")
    assert _text(store, docs["!syria/سوريا.txt"].id) == f"{HARIRI} في أستانا"
    assert list(temp_dir.iterdir()) == []  # a tool's folder is removed once read
    again = import_paths(store, [archive])
    assert (len(again.imported), len(again.duplicates)) == (0, 4)


def test_a_damaged_or_locked_7z_archive_is_reported_and_the_rest_imported(
    store: Store, tmp_path: Path, temp_dir: Path, reader: str
) -> None:
    folder = tmp_path / "kaggle"
    folder.mkdir()
    _seven_zip(folder / "locked.7z", {"a.txt": JAAFARI}, password="سر")
    good = _seven_zip(tmp_path / "good.7z", {"a.txt": JAAFARI, "b.txt": KONASHENKOV * 20})
    data = bytearray(good.read_bytes())
    data[-40:-20] = bytes(20)  # its list of files
    (folder / "damaged.7z").write_bytes(bytes(data))
    (folder / "cut.7z").write_bytes(good.read_bytes()[:60])
    (folder / "hariri.txt").write_text(HARIRI, encoding="utf-8")
    report = import_paths(store, [folder])
    assert [s.removeprefix(str(folder)) for s, _i in report.imported] == ["/hariri.txt"]
    reasons = _reasons(report)
    assert sorted(reasons) == ["cut.7z", "damaged.7z", "locked.7z"]
    if reader in ("py7zr", "7-Zip"):  # bsdtar and unar say less of it
        assert "password" in reasons["locked.7z"]
    assert list(temp_dir.iterdir()) == []


def test_damaged_copies_of_a_7z_archive_never_end_the_import(store: Store, tmp_path: Path) -> None:
    good = _seven_zip(
        tmp_path / "good.7z", {"a.txt": f"{JAAFARI}\n\n{MORE}", "b.txt": f"{HARIRI}\n\n{MORE}"}
    )
    data = good.read_bytes()
    rng = random.Random(7)
    folder = tmp_path / "damaged"
    folder.mkdir()
    for i in range(60):
        copy = bytearray(data)
        if i % 3 == 0:
            copy = copy[: rng.randrange(len(copy))]
        else:
            at = rng.randrange(len(copy))
            copy[at : at + rng.randrange(1, 16)] = rng.randbytes(16)[: len(copy[at : at + 16])]
        (folder / f"{i:02d}.7z").write_bytes(bytes(copy))
    report = import_paths(store, [folder])
    read = {s.split("!")[0] for s, _i in [*report.imported, *report.duplicates]}
    skipped = {s.split("!")[0] for s, _r in report.skipped}
    assert read | skipped == {str(p) for p in folder.iterdir()}
    for source, _id in [*report.imported, *report.duplicates]:  # whatever was read is right
        assert source.endswith(("!a.txt", "!b.txt"))
    texts = {_text(store, r.id) for r in store.documents()}
    assert texts <= {f"{JAAFARI}\n\n{MORE}", f"{HARIRI}\n\n{MORE}"}


def test_a_7z_archive_inside_a_zip_archive_and_a_link_in_one(
    store: Store, tmp_path: Path, temp_dir: Path
) -> None:
    inner = _seven_zip(tmp_path / "inner.7z", {"خبر.txt": f"{KONASHENKOV}\n\n{MORE}"})
    files = tmp_path / "files"
    files.mkdir()
    (files / "a.txt").write_text(JAAFARI, encoding="utf-8")
    (files / "link.txt").symlink_to("a.txt")
    with py7zr.SevenZipFile(tmp_path / "with_link.7z", "w") as z:
        z.write(files / "a.txt", "a.txt")
        z.write(files / "link.txt", "link.txt")
    outer = tmp_path / "dataset.zip"
    with zipfile.ZipFile(outer, "w") as zf:
        zf.write(inner, "nested/inner.7z")
        zf.write(tmp_path / "with_link.7z", "with_link.7z")
    report = import_paths(store, [outer])
    assert sorted(s.removeprefix(str(outer)) for s, _i in report.imported) == [
        "!nested/inner.7z!خبر.txt",
        "!with_link.7z!a.txt",
    ]
    assert [(s.removeprefix(str(outer)), r) for s, r in report.skipped] == [
        ("!with_link.7z!link.txt", "a link or special file in the archive; skipped")
    ]
    assert list(temp_dir.iterdir()) == []


def _rar_tools() -> list[archives._Tool]:
    found = archives._tools("RAR")
    if not found:
        pytest.skip("no tool reads RAR here (Debian: libarchive-tools or unar)")
    return found


def test_rar_archives_are_read_with_the_systems_tool(store: Store, tmp_path: Path) -> None:
    """RAR 4 (folders, names in Unicode) and RAR 5 archives made with RARLAB's RAR (see
    tests/data/rar/README.md)."""
    _rar_tools()
    folder = tmp_path / "corpus"
    folder.mkdir()
    for name in ("rar3-subdirs.rar", "rar5-crc.rar"):
        shutil.copy(RAR_FILES / name, folder / name)
    report = import_paths(store, [folder])
    assert not report.skipped, report.skipped
    got = {
        r.source_path.removeprefix(str(folder) + "/"): _text(store, r.id) for r in store.documents()
    }
    assert got["rar3-subdirs.rar!sub/üȵĩöḋè/file.txt"] == "file"
    assert got["rar3-subdirs.rar!sub/with space/long fn.txt"] == "long fn"
    assert got["rar5-crc.rar!stest1.txt"].split("\n")[:3] == ["000", "001", "002"]
    assert sorted(got) == [
        "rar3-subdirs.rar!sub/dir1/file1.txt",
        "rar3-subdirs.rar!sub/dir2/file2.txt",
        "rar3-subdirs.rar!sub/with space/long fn.txt",
        "rar3-subdirs.rar!sub/üȵĩöḋè/file.txt",
        "rar5-crc.rar!stest1.txt",
    ]  # stest2.txt holds the same text: a duplicate
    assert len(report.duplicates) == 1


def test_a_locked_rar_archive_is_reported_and_the_rest_imported(
    store: Store, tmp_path: Path, temp_dir: Path
) -> None:
    _rar_tools()
    folder = tmp_path / "corpus"
    folder.mkdir()
    shutil.copy(RAR_FILES / "rar5-psw.rar", folder / "locked.rar")
    (folder / "Alittihad.rar").write_bytes(b"Rar!\x1a\x07\x00" + bytes(32))
    (folder / "a.txt").write_text(HARIRI, encoding="utf-8")
    report = import_paths(store, [folder])
    assert len(report.imported) == 1
    reasons = _reasons(report)
    assert sorted(reasons) == ["Alittihad.rar", "locked.rar"]
    assert reasons["locked.rar"].startswith("not a readable RAR archive (")
    assert "damaged, protected by a password" in reasons["Alittihad.rar"]
    assert list(temp_dir.iterdir()) == []


def test_a_solid_rar4_archive_bsdtar_stops_in_is_read_by_unar(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """bsdtar reads the first file of a solid RAR 4 archive and stops: the next tool is
    tried, and without one the report says which to install."""
    tools = {t.name: t for t in _rar_tools()}
    if "bsdtar" not in tools or "unar" not in tools:
        pytest.skip("needs bsdtar and unar (Debian: libarchive-tools, unar)")
    archive = tmp_path / "solid.rar"
    shutil.copy(RAR_FILES / "rar3-solid.rar", archive)
    monkeypatch.setattr(archives, "_tools", lambda kind: [tools["bsdtar"]])
    monkeypatch.setattr(archives, "_system", lambda: "linux")
    alone = import_paths(store, [archive])
    assert not alone.imported
    (why,) = [r for _s, r in alone.skipped]
    assert why.startswith("not a readable RAR archive (bsdtar: ")
    assert "sudo apt install unar" in why
    monkeypatch.setattr(archives, "_tools", lambda kind: [tools["bsdtar"], tools["unar"]])
    report = import_paths(store, [archive])
    assert (len(report.imported), len(report.duplicates), report.skipped) == (1, 1, [])


@pytest.mark.parametrize(
    ("platform", "advice"),
    [
        ("win32", "Windows 10 (version 1803) and later include one (tar.exe)"),
        ("darwin", "brew install unar"),
        ("linux", "sudo apt install libarchive-tools unar"),
    ],
)
def test_without_a_tool_a_rar_archive_is_reported_with_what_to_install(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, platform: str, advice: str
) -> None:
    monkeypatch.setattr(archives, "_tools", lambda kind: [])
    monkeypatch.setattr(archives, "_system", lambda: platform)
    folder = tmp_path / "corpus"
    folder.mkdir()
    shutil.copy(RAR_FILES / "rar5-crc.rar", folder / "Alittihad.rar")
    (folder / "a.txt").write_text(HARIRI, encoding="utf-8")
    report = import_paths(store, [folder])
    assert len(report.imported) == 1
    why = _reasons(report)["Alittihad.rar"]
    assert why.startswith("RAR archives are read with a tool this computer lacks: ")
    assert advice in why and why.endswith("or extract the archive and import the folder")


def test_the_tools_are_found_on_the_path_and_gnu_tar_is_not_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Windows and macOS ship bsdtar as «tar»; GNU tar reads no RAR archive."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()

    def tool(name: str, version: str) -> None:
        exe = bin_dir / name
        exe.write_text(f"#!/bin/sh\necho '{version}'\n")
        exe.chmod(0o755)

    monkeypatch.setenv("PATH", str(bin_dir))
    archives._version.cache_clear()
    tool("tar", "tar (GNU tar) 1.34")
    assert archives._tools("RAR") == []
    tool("tar", "bsdtar 3.7.2 - libarchive 3.7.2 zlib/1.2.13 liblzma/5.4.5")
    tool("7za", "7-Zip (a) 23.01")
    archives._version.cache_clear()
    assert [t.name for t in archives._tools("RAR")] == ["bsdtar"]  # 7za reads no RAR
    assert [t.name for t in archives._tools("7z")] == ["7-Zip", "bsdtar"]
    archives._version.cache_clear()


def test_the_later_volumes_of_a_rar_archive_are_read_with_the_first() -> None:
    names = [
        "الاتحاد.part1.rar",
        "الاتحاد.part2.rar",
        "الاتحاد.part3.rar",
        "old.rar",
        "old.r00",
        "old.r01",
        "alone.part2.rar",
        "notes.txt",
    ]
    assert _without_later_volumes(names) == [
        "الاتحاد.part1.rar",
        "old.rar",
        "alone.part2.rar",
        "notes.txt",
    ]


@pytest.mark.parametrize("compression", ["", "gz"])
def test_a_large_record_file_in_a_tar_archive_is_read_a_piece_at_a_time(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, compression: str
) -> None:
    """A newspaper of the Abu El-Khair corpus is one XML file of more than a gigabyte: in
    a tar (or RAR, or 7z) archive, a member over MAX_MEMBER_BYTES was refused as too
    large. One the import reads a piece at a time is read so from the archive's
    temporary file; a text file that large is still refused."""
    monkeypatch.setattr(sources, "MAX_MEMBER_BYTES", 1000)
    from desktop import importing

    monkeypatch.setattr(importing, "PIECE_BYTES", 500)
    archive = tmp_path / f"Alittihad.tar{'.' + compression if compression else ''}"
    with tarfile.open(archive, f"w:{compression}") as tf:
        for name, text in (("Alittihad_utf_8.xml", ITTIHAD), ("big.txt", JAAFARI * 10)):
            data = text.encode("utf-8")
            assert len(data) > 1000
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tf.addfile(info, io.BytesIO(data))
    report = import_paths(store, [archive])
    assert sorted(s.removeprefix(str(archive)) for s, _i in report.imported) == [
        "!Alittihad_utf_8.xml#1",
        "!Alittihad_utf_8.xml#2",
    ]
    size = len((JAAFARI * 10).encode("utf-8"))
    assert _reasons(report) == {f"{archive.name}!big.txt": f"too large ({size} bytes)"}
    assert {d.title for d in store.documents()} == {"الجعفري في جنيف", "الحريري يتعهد"}


class _Steps:
    """A progress that records each step's label and notes, and cancels ``cancel`` when
    the step ``cancel_at`` starts (given a token)."""

    def __init__(self, cancel_at: str = "") -> None:
        from desktop.progress import CancelToken

        self.cancel_at = cancel_at
        self.token = CancelToken()
        self.steps: list[tuple[str, int]] = []
        self.notes: list[str] = []

    def start(self, total: int, label: str) -> None:
        self.steps.append((label, total))

    def advance(self, step: int = 1, note: str = "") -> None:
        if note:
            self.notes.append(note)
        if self.steps and self.steps[-1][0] == self.cancel_at:
            self.token.cancel()

    def finish(self) -> None:
        pass


def test_the_temporary_file_an_archive_is_made_is_gone_once_the_import_ends(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, temp_dir: Path
) -> None:
    """On the disk from its first byte (as an archive of more than 64 MB is), it lasts as
    long as the import reads it: not past its end, nor past its cancelling."""
    import weakref

    monkeypatch.setattr(archives, "SPOOL_BYTES", 0)
    made: list[weakref.ref[object]] = []
    real = archives.as_tar

    def as_tar(path: Path, ext: str, *args: Any) -> object:
        spool = real(path, ext, *args)
        made.append(weakref.ref(spool))
        return spool

    monkeypatch.setattr(sources, "as_tar", as_tar)
    archive = _seven_zip(tmp_path / "news.7z", {f"{i}.txt": f"{JAAFARI} ({i})" for i in range(3)})
    for cancelling in (False, True):
        reading = _Steps(cancel_at="Importing")  # cancelled once its files are read
        token = reading.token if cancelling else None
        report = import_paths(store, [archive], progress=reading, cancel=token)
        assert report.cancelled == cancelling
        assert len(made) == 1
        spool = made[0]()
        assert spool is None or spool.closed  # type: ignore[attr-defined]  # so deleted
        made.clear()
    assert list(temp_dir.iterdir()) == []


def test_converting_an_archive_shows_its_name_and_stops_when_cancelled(
    store: Store, tmp_path: Path, temp_dir: Path, reader: str
) -> None:
    """A large RAR or 7z archive is converted before any of its files is known: the
    progress said nothing meanwhile, and Cancel waited for the conversion to end."""
    from desktop.progress import UNPACKING

    archive = _seven_zip(tmp_path / "news.7z", {f"{i}.txt": f"{JAAFARI} ({i})" for i in range(3)})
    cancelled = _Steps(cancel_at=UNPACKING)
    report = import_paths(store, [archive], progress=cancelled, cancel=cancelled.token)
    assert report.cancelled
    assert (report.imported, report.skipped) == ([], [])
    assert cancelled.steps == [(UNPACKING, 0)]
    assert cancelled.notes == [str(archive)]
    assert store.documents() == []
    assert list(temp_dir.iterdir()) == []  # the tool's folder and the tar archive removed
    whole = _Steps()
    report = import_paths(store, [archive], progress=whole, cancel=whole.token)
    assert not report.cancelled and len(report.imported) == 3
    assert [label for label, _total in whole.steps] == [UNPACKING, "Importing"]


@pytest.mark.parametrize("streams", [False, True])
def test_a_tool_converting_is_stopped_when_cancelled(tmp_path: Path, streams: bool) -> None:
    """A tool extracting into a folder (unar, 7-Zip) or writing the tar archive (bsdtar)
    is stopped, not waited for."""
    import sys
    import time

    endless = (
        "import sys\nwhile True: sys.stdout.buffer.write(bytes(65536))"
        if streams
        else "import time; time.sleep(60)"
    )
    began = time.monotonic()
    out = io.BytesIO()
    with (tmp_path / "errors").open("w+b") as err, pytest.raises(archives.ConversionCancelledError):
        archives._run(
            [sys.executable, "-c", endless],
            out if streams else None,
            err,
            lambda: time.monotonic() - began > 0.5,
        )
    assert time.monotonic() - began < 30  # (it would run for a minute, or for ever)
    if streams:
        assert out.getbuffer().nbytes > 0  # what it wrote until then was copied
