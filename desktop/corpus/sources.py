"""Finding the files to import: paths, folders (recursive), ``.zip``, tar (``.tar``,
``.tar.gz``…), RAR and 7z archives, and files compressed with gzip, bzip2 or xz
(``news.jsonl.gz``: the file it holds is read as a ``.jsonl``). A file whose name has no
extension is told by what it holds when it is read.

Archives are read in memory (a compressed tar archive decompressed once into a temporary
file, a RAR or 7z archive made one: :mod:`desktop.corpus.archives`), never extracted
where they would stay, so a member named ``../evil.txt`` cannot write anywhere; such
members, and links, are reported and skipped. A large member of a tar, RAR or 7z archive
that the import reads a piece at a time (JSON Lines, CSV, XML…) is read so from the
temporary file; any other member larger than ``MAX_MEMBER_BYTES`` is refused. Of a RAR
archive in volumes (``a.part1.rar``, ``a.part2.rar``… or ``a.rar``, ``a.r00``…), the
first is read, with the others. Beside a plain-text or HTML file,
``NAME.json`` is its metadata (a sidecar), and a folder's ``manifest.csv`` gives metadata
(file, outlet, date, title, url) for the files in that folder. In a folder, a link to a
folder is followed, but not round a loop nor to a folder read already: such a link is
reported, as is a folder that cannot be read.
"""

from __future__ import annotations

import bz2
import csv
import functools
import gzip
import io
import json
import lzma
import os
import re
import shutil
import tarfile
import tempfile
import zipfile
import zlib
from collections.abc import Callable, Iterator, Mapping
from contextlib import ExitStack, contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any, BinaryIO, cast
from urllib.parse import unquote

from desktop.corpus.archives import (
    CONVERTED_EXTS,
    ArchiveError,
    ConversionCancelledError,
    as_tar,
    never_cancelled,
)
from desktop.corpus.decode import DecodeError, decode_bytes
from desktop.corpus.readers import (
    ARTICLE_EXTS,
    COLUMNAR_EXTS,
    COMPRESSED_EXTS,
    SINGLE_EXTS,
    SNIFF_BYTES,
    STREAMED_EXTS,
    TAR_EXTS,
    UNSNIFFED,
    held_name,
    is_tar,
    sniffed_ext,
    unsupported,
)

MANIFEST_NAME = "manifest.csv"
MAX_MEMBER_BYTES = 512 * 1024 * 1024
_JUNK_NAMES = frozenset({"thumbs.db", "desktop.ini", ".ds_store", "_success"})
#: what tools that write tables leave beside them: Spark's and Hadoop's checksums and
#: Hugging Face's download locks; a Delta table's log (folder), normalised
_JUNK_ENDINGS = (".crc", ".lock")
_JUNK_FOLDERS = frozenset({"__MACOSX", "_delta_log"})


@dataclass
class Source:
    """One file to import, wherever it lives."""

    name: str
    ext: str
    size: int
    load: Callable[[], bytes]
    #: metadata from a sidecar ``NAME.json`` or the folder's manifest row
    meta: Mapping[str, Any] | None = None
    #: a file object reading it from the start, where that costs no more than ``load``
    #: (a large file is then read a piece at a time, never whole)
    open: Callable[[], BinaryIO] | None = None
    #: its path from the folder or file imported, that one's own name first
    #: (``corpus/AlArabiya.zip!AlArabiya/Politics/1.txt``): what its place can tell
    place: str = ""


Problems = list[tuple[str, str]]

#: where the temporary files archives are read from are closed (so deleted) at the end
_TEMPORARY: ContextVar[ExitStack | None] = ContextVar("temporary_files", default=None)


def importable_patterns() -> list[str]:
    """File name patterns of what the import reads (for a file dialog's filter): the
    articles' formats, their compressed forms and the archives that hold them."""
    exts = ARTICLE_EXTS | COMPRESSED_EXTS | CONVERTED_EXTS | {".zip", *TAR_EXTS}
    return sorted(f"*{ext}" for ext in exts)


@contextmanager
def temporary_files() -> Iterator[None]:
    """The temporary files the archives found in the block are read from (a compressed
    tar, a RAR or a 7z archive as a tar archive) last until it ends, however it ends:
    around the whole import, as its sources are read after they are found."""
    with ExitStack() as stack:
        token = _TEMPORARY.set(stack)
        try:
            yield
        finally:
            _TEMPORARY.reset(token)


@dataclass(frozen=True)
class ArchiveWatch:
    """Who hears of a RAR or 7z archive being converted (its label), and whether to stop."""

    converting: Callable[[str], None]
    cancelled: Callable[[], bool]


_WATCH: ContextVar[ArchiveWatch | None] = ContextVar("archive_watch", default=None)


@contextmanager
def watching_archives(watch: ArchiveWatch) -> Iterator[None]:
    """The RAR and 7z archives found in the block say when they are converted, and stop
    (:class:`~desktop.corpus.archives.ConversionCancelledError`) once ``watch`` is
    cancelled: converting a large one takes a while, before any of its files is read."""
    token = _WATCH.set(watch)
    try:
        yield
    finally:
        _WATCH.reset(token)


def _temporary(f: Any) -> Any:
    """``f``, to be closed when :func:`temporary_files` ends (or when it is no longer
    used, outside one)."""
    stack = _TEMPORARY.get()
    if stack is not None:
        stack.callback(f.close)
    return f


def folders_in(place: str) -> str:
    """The folders and archives a file is in inside what was imported, from its
    :attr:`Source.place`, as what precedes its own name in its documents' stems
    («train/» of ``coverage/train/data-00000-of-00001.arrow``, «AlArabiya/Politics/» of
    ``AlArabiya.zip!AlArabiya/Politics/1.txt``; nothing for a file imported by itself or
    at the top of the folder imported): the splits of a dataset saved to disk, or the
    sections of a corpus, hold files of one name."""
    parts = [p for p in re.split(r"[/\\!]", place) if p]
    return "".join(f"{p}/" for p in parts[1:-1])


def _is_junk(name: str) -> bool:
    parts = PurePosixPath(name.replace("\\", "/")).parts
    base = parts[-1] if parts else name
    return (
        base.lower() in _JUNK_NAMES
        or base.startswith("._")
        or base.startswith("~$")
        or base.lower().endswith(_JUNK_ENDINGS)
        or any(p in _JUNK_FOLDERS for p in parts)
    )


def _parse_manifest(data: bytes, where: str, problems: Problems) -> dict[str, dict[str, str]]:
    try:
        text = decode_bytes(data)[0]
        rows = list(csv.DictReader(io.StringIO(text)))
    except (DecodeError, csv.Error) as exc:
        problems.append((where, f"manifest not read: {exc}"))
        return {}
    table: dict[str, dict[str, str]] = {}
    for row in rows:
        row = {str(k).strip().lower(): (v or "").strip() for k, v in row.items() if k}
        key = row.get("file") or row.get("filename") or row.get("path")
        if key:
            table[PurePosixPath(key.replace("\\", "/")).name] = row
    if rows and not table:
        problems.append((where, "manifest has no 'file' column"))
    return table


def _parse_sidecar(data: bytes, where: str, problems: Problems) -> dict[str, Any] | None:
    try:
        obj = json.loads(decode_bytes(data)[0])
    except (DecodeError, json.JSONDecodeError, RecursionError) as exc:
        problems.append((where, f"metadata sidecar not read: {exc}"))
        return None
    if not isinstance(obj, dict):
        problems.append((where, "metadata sidecar is not a JSON object"))
        return None
    return obj


def _group_metadata(
    names: list[str], read: Callable[[str], bytes], label: Callable[[str], str], problems: Problems
) -> tuple[list[str], dict[str, Mapping[str, Any]]]:
    """Split a folder's file names into article files and their metadata.

    Returns the article file names and each one's metadata. ``names`` are paths
    relative to one container (a folder tree or an archive), POSIX separators.
    """
    paths = {n: PurePosixPath(n) for n in names}  # made once: a folder may hold 100,000
    inner = {n: PurePosixPath(held_name(n)) for n in names}  # a.txt.gz: a.txt
    by_dir: dict[str, list[str]] = {}
    for n, path in paths.items():
        by_dir.setdefault(str(path.parent), []).append(n)
    with_text = SINGLE_EXTS
    articles: list[str] = []
    meta: dict[str, Mapping[str, Any]] = {}
    for _folder, members in sorted(by_dir.items()):
        stems_with_text = {inner[m].stem for m in members if inner[m].suffix.lower() in with_text}
        by_name = {paths[m].name: m for m in members}
        manifest: dict[str, dict[str, str]] = {}
        for m in members:
            if paths[m].name.lower() == MANIFEST_NAME:
                manifest = _parse_manifest(read(m), label(m), problems)
        for m in sorted(members):
            p = paths[m]
            name, suffix = p.name, p.suffix.lower()
            if name.lower() == MANIFEST_NAME:
                continue
            if suffix == ".json" and p.stem in stems_with_text:
                continue  # a sidecar, read with its article below
            articles.append(m)
            row: dict[str, Any] = dict(manifest[name]) if name in manifest else {}
            if inner[m].suffix.lower() in with_text:
                sidecar = by_name.get(inner[m].stem + ".json")
                if sidecar is not None:
                    side = _parse_sidecar(read(sidecar), label(sidecar), problems)
                    if side:
                        row.update(side)
            if row:
                meta[m] = row
    return articles, meta


def _reported(
    read: Callable[[str], bytes], label: Callable[[str], str], problems: Problems
) -> Callable[[str], bytes]:
    """``read`` for metadata files: one that cannot be read is a problem, and empty."""

    def safe_read(name: str) -> bytes:
        try:
            return read(name)
        except OSError as exc:
            problems.append((label(name), f"cannot read: {exc.strerror or exc}"))
            return b""

    return safe_read


def _as_stream(read: Callable[[str], bytes], name: str) -> io.BytesIO:
    return io.BytesIO(read(name))


_KINDS = {".gz": "gzip", ".bz2": "bzip2", ".xz": "xz"}
_Decompressor = Any  # zlib's, bz2's or lzma's: decompress, eof, unused_data
_DECOMPRESS_ERRORS = (zlib.error, lzma.LZMAError, OSError, EOFError, ValueError)


def _decompressor(ext: str) -> _Decompressor:
    if ext == ".gz":
        return zlib.decompressobj(wbits=31)  # gzip header and trailer
    if ext == ".bz2":
        return bz2.BZ2Decompressor()
    return lzma.LZMADecompressor()


def _output_pending(stream: _Decompressor) -> bool:
    """Whether a stream stopped at the output limit with more to give."""
    if isinstance(stream, bz2.BZ2Decompressor | lzma.LZMADecompressor):
        return not stream.eof and not stream.needs_input
    return bool(stream.unconsumed_tail)


def _inflate(read: Callable[[], bytes], ext: str) -> bytes:
    """The file a compressed file holds (its streams one after the other, as
    ``cat a.gz b.gz`` makes), at most ``MAX_MEMBER_BYTES``: decompressing stops there,
    so a small file that would inflate to gigabytes is refused without being inflated."""
    data = read()
    kind = _KINDS[ext]
    out = bytearray()
    at = 0
    try:
        while True:
            stream = _decompressor(ext)
            out += stream.decompress(data[at:], MAX_MEMBER_BYTES + 1 - len(out))
            if len(out) > MAX_MEMBER_BYTES or _output_pending(stream):
                raise OSError(f"too large once decompressed (over {MAX_MEMBER_BYTES} bytes)")
            if not stream.eof:
                raise OSError(f"not a readable {kind} file (it ends too early)")
            at = len(data) - len(stream.unused_data)
            if not data[at:].strip(b"\0"):  # the end, or the zeros some tools pad with
                return bytes(out)
    except _DECOMPRESS_ERRORS as exc:
        if isinstance(exc, OSError) and str(exc).startswith(("too large", "not a readable")):
            raise
        raise OSError(f"not a readable {kind} file ({exc})") from exc


def _compressed_source(
    name: str,
    read: Callable[[], bytes],
    size: int,
    meta: Mapping[str, Any] | None,
    problems: Problems,
) -> Iterator[Source]:
    """A compressed file as the file it holds (``a.jsonl.gz`` as ``a.jsonl``); ``size``:
    the size it holds, as far as known."""
    ext = PurePosixPath(name).suffix.lower()
    held = PurePosixPath(held_name(name)).suffix.lower()
    if held and held not in ARTICLE_EXTS:  # without one, it is told by what it holds
        problems.append((name, f"{unsupported(held)} (in a {_KINDS[ext]} file)"))
        return
    yield Source(name, held, size, functools.partial(_inflate, read, ext), meta)


def _held_size(path: Path, compressed: int) -> int:
    """About the size a compressed file holds, to count the pieces of the import's
    progress: a gzip file's last four bytes give the size of its last member (of all of
    it, for a file of one member); a value no deflate stream can give (a broken file) is
    replaced by a guess of four times the compressed size, as is one smaller than that
    guess (a last member of several), and so is the size any other file holds."""
    guess = compressed * 4
    if compressed < 20 or path.suffix.lower() != ".gz":
        return guess
    with path.open("rb") as f:
        f.seek(-4, os.SEEK_END)
        told = int.from_bytes(f.read(4), "little")
    return told if guess <= told <= compressed * 1032 else guess


def _unsafe_member(name: str) -> bool:
    n = name.replace("\\", "/")
    return n.startswith("/") or ".." in PurePosixPath(n).parts or (len(n) > 1 and n[1] == ":")


def _refused(name: str, size: int, kind: str | None, streamed: bool = False) -> str | None:
    """Why an archive's member is not read: its path points outside the archive, it is
    of a kind not read (``kind``: the reason), or it is too large to be read whole (and
    not ``streamed``: read a piece at a time); None when it is read."""
    if _unsafe_member(name):
        return "unsafe path in archive (points outside it)"
    if kind:
        return kind
    if size > MAX_MEMBER_BYTES and not (streamed and _streams(name)):
        return f"too large ({size} bytes)"
    return None


def _streams(name: str) -> bool:
    """Whether the import reads a file of this name a piece at a time when it is large."""
    return PurePosixPath(name).suffix.lower() in STREAMED_EXTS


def _member_sources(
    label: str,
    read: Callable[[], bytes],
    opener: Callable[[], Any],
    size: int,
    meta: Mapping[str, Any] | None,
    problems: Problems,
    depth: int,
    path: Path | None = None,
) -> Iterator[Source]:
    """What a file holds for the import, wherever it lives (a folder, an archive): an
    archive's files, the file a compressed file holds, or itself. ``read`` gives its
    bytes, ``opener`` a file object (for archives, read as they are needed); ``path``:
    where it is, when it is a file on the disk."""
    name = PurePosixPath(label.replace("\\", "/").split("!")[-1]).name
    ext = PurePosixPath(name).suffix.lower()
    if ext == ".zip" or is_tar(name) or ext in CONVERTED_EXTS:
        if depth > 2:
            problems.append((label, "archive nested too deeply"))
            return
        if ext in CONVERTED_EXTS:
            yield from _converted_sources(label, ext, path, opener, problems, depth)
            return
        archive = _zip_sources if ext == ".zip" else _tar_sources
        yield from archive(label, opener, problems, depth)
    elif ext in COMPRESSED_EXTS:
        yield from _compressed_source(label, read, size, meta, problems)
    elif ext and ext not in ARTICLE_EXTS:
        problems.append((label, unsupported(ext)))
    elif not ext:  # told by its first bytes, without reading the rest
        try:
            with opener() as f:
                held = sniffed_ext(f.read(SNIFF_BYTES))
        except OSError as exc:
            problems.append((label, f"cannot read: {exc.strerror or exc}"))
            return
        if held is None:
            problems.append((label, UNSNIFFED))
        else:
            yield Source(label, held, size, read, meta, opener)
    else:
        yield Source(label, ext, size, read, meta, opener)


def _archive_members(
    path_label: str,
    members: Mapping[str, int],
    read: Callable[[str], bytes],
    problems: Problems,
    depth: int,
    open_member: Callable[[str], BinaryIO] | None = None,
) -> Iterator[Source]:
    """The sources of an archive's members (name: size), their metadata read first;
    ``open_member``: a file object reading one as it goes, where the archive has one
    (else a member is read whole)."""

    def label(name: str) -> str:
        return f"{path_label}!{name}"

    safe_read = _reported(read, label, problems)
    names = _without_later_volumes(_without_dataset_files(_without_page_resources(sorted(members))))
    articles, meta = _group_metadata(names, safe_read, label, problems)
    for name in articles:
        yield from _member_sources(
            label(name),
            functools.partial(read, name),
            functools.partial(open_member or functools.partial(_as_stream, read), name),
            members[name],
            _partitioned(name, meta.get(name)),
            problems,
            depth + 1,
        )


_ARABIC_LETTER_RE = re.compile("[\u0621-\u064a]")
_MIXED_RE = re.compile("[A-Za-z][\u0621-\u064a]|[\u0621-\u064a][A-Za-z]")


def _member_name(info: zipfile.ZipInfo) -> str:
    """A zip member's name as it was written. Without the archive's «UTF-8» flag the
    zipfile module reads a name as the old DOS code page: names written in UTF-8 by
    tools that leave the flag unset, or in Arabic Windows' code page, came out as
    «├╬╚╟╤/╬╚╤1.txt». The name is read again in UTF-8, else in whichever Arabic code
    page gives the most Arabic letters."""
    name = info.filename
    if info.flag_bits & 0x800 or name.isascii():
        return name
    raw = name.encode("cp437")  # the bytes as stored
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    best, letters = name, 0
    for encoding in ("cp1256", "cp720"):
        candidate = raw.decode(encoding, errors="replace")
        found = len(_ARABIC_LETTER_RE.findall(candidate))
        # a name in a Latin code page («Straße», «niño») read so has Arabic letters
        # inside Latin words («Aجo»): not Arabic
        if found > letters and "\ufffd" not in candidate and not _MIXED_RE.search(candidate):
            best, letters = candidate, found
    return best


def _zip_sources(
    path_label: str, opener: Callable[[], Any], problems: Problems, depth: int = 1
) -> Iterator[Source]:
    try:
        zf = zipfile.ZipFile(opener())
        infos = zf.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, NotImplementedError) as exc:
        problems.append((path_label, f"not a readable zip archive: {exc}"))
        return
    members: dict[str, zipfile.ZipInfo] = {}
    for info in infos:
        if info.is_dir() or _is_junk(info.filename):
            continue
        encrypted = "encrypted archive member" if info.flag_bits & 0x1 else None
        why = _refused(info.filename, info.file_size, encrypted)
        if why:
            problems.append((f"{path_label}!{_member_name(info)}", why))
        else:
            members[_member_name(info).replace("\\", "/")] = info

    def read(name: str) -> bytes:
        try:
            return zf.read(members[name])
        except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError) as exc:
            # a damaged member (its checksum fails), a compression zipfile cannot read
            raise OSError(f"not readable in the archive ({exc})") from exc

    sizes = {name: info.file_size for name, info in members.items()}
    yield from _archive_members(path_label, sizes, read, problems, depth)


#: a compressed tar archive is decompressed once into a temporary file (in memory up to
#: this size) so that its members, and their metadata, can be read in any order
_TAR_SPOOL_BYTES = 64 * 1024 * 1024
_TAR_MAGIC: tuple[tuple[bytes, Callable[[Any], Any]], ...] = (
    (b"\x1f\x8b", lambda f: gzip.GzipFile(fileobj=f)),
    (b"BZh", bz2.BZ2File),
    (b"\xfd7zXZ\x00", lzma.LZMAFile),
)


def _seekable_tar(opener: Callable[[], Any]) -> Any:
    """The archive as an uncompressed, seekable file: a compressed stream read
    backwards would be decompressed again from its start for each member."""
    raw = opener()
    head = raw.read(6)
    raw.seek(0)
    for magic, kind in _TAR_MAGIC:
        if head.startswith(magic):
            # open while the archive's members are read: closed with it
            spool = tempfile.SpooledTemporaryFile(max_size=_TAR_SPOOL_BYTES)  # noqa: SIM115
            with kind(raw) as stream:
                shutil.copyfileobj(stream, spool, 1024 * 1024)
            raw.close()
            spool.seek(0)
            return _temporary(spool)
    return raw


def _tar_sources(
    path_label: str, opener: Callable[[], Any], problems: Problems, depth: int = 1
) -> Iterator[Source]:
    try:
        # open while its members are read, as a zip archive is
        tf = tarfile.open(fileobj=_seekable_tar(opener), mode="r:")  # noqa: SIM115
        infos = tf.getmembers()
    except (tarfile.TarError, *_DECOMPRESS_ERRORS) as exc:
        problems.append((path_label, f"not a readable tar archive: {exc}"))
        return
    yield from _tar_members(path_label, tf, infos, problems, depth)


def _tar_members(
    path_label: str,
    tf: tarfile.TarFile,
    infos: list[tarfile.TarInfo],
    problems: Problems,
    depth: int,
) -> Iterator[Source]:
    """The sources of a tar archive's members: read from its file (uncompressed, on the
    disk when large), a large one a piece at a time."""
    members: dict[str, tarfile.TarInfo] = {}
    for info in infos:
        if info.isdir() or _is_junk(info.name):
            continue
        link = None if info.isfile() else "a link or special file in the archive; skipped"
        why = _refused(info.name, info.size, link, streamed=True)
        if why:
            problems.append((f"{path_label}!{info.name}", why))
        else:
            members[info.name.removeprefix("./")] = info

    def member(name: str) -> BinaryIO:
        try:
            f = tf.extractfile(members[name])
        except (tarfile.TarError, *_DECOMPRESS_ERRORS) as exc:
            raise OSError(f"not readable in the archive ({exc})") from exc
        assert f is not None  # a regular file
        return cast(BinaryIO, f)  # an io.BufferedReader

    def read(name: str) -> bytes:
        try:
            with member(name) as f:
                return f.read()
        except (tarfile.TarError, *_DECOMPRESS_ERRORS) as exc:
            raise OSError(f"not readable in the archive ({exc})") from exc

    sizes = {name: info.size for name, info in members.items()}
    yield from _archive_members(path_label, sizes, read, problems, depth, member)


def _converted_sources(
    path_label: str,
    ext: str,
    path: Path | None,
    opener: Callable[[], Any],
    problems: Problems,
    depth: int,
) -> Iterator[Source]:
    """A RAR or 7z archive's members, read from the tar archive it is made
    (:func:`~desktop.corpus.archives.as_tar`); one inside another archive is copied to
    a temporary folder first, for the tools to read, and removed at once."""
    watch = _WATCH.get()
    if watch is not None:
        watch.converting(path_label)
    cancelled = watch.cancelled if watch is not None else never_cancelled
    try:
        if path is not None:
            spool = as_tar(path, ext, cancelled)
        else:
            with tempfile.TemporaryDirectory(prefix="tabayun-") as folder:
                copy = Path(folder) / f"archive{ext}"
                with opener() as f, copy.open("wb") as out:
                    shutil.copyfileobj(f, out, 1024 * 1024)
                spool = as_tar(copy, ext, cancelled)
    except ConversionCancelledError:
        raise
    except ArchiveError as exc:
        problems.append((path_label, str(exc)))
        return
    except OSError as exc:
        problems.append((path_label, f"cannot read: {exc.strerror or exc}"))
        return
    _temporary(spool)
    try:
        # open while its members are read, as a zip archive is
        tf = tarfile.open(fileobj=spool, mode="r:")  # noqa: SIM115
        infos = tf.getmembers()
    except (tarfile.TarError, OSError) as exc:
        spool.close()
        problems.append((path_label, f"not readable once converted ({exc})"))
        return
    yield from _tar_members(path_label, tf, infos, problems, depth)


def _cannot_read(exc: OSError | RuntimeError) -> str:
    return f"cannot read: {getattr(exc, 'strerror', None) or exc}"


def _walk(root: Path, problems: Problems) -> Iterator[tuple[str, list[str]]]:
    """A folder's files, folder by folder: (its path from ``root``, «.» for ``root``
    itself; the names of its files). Sub-folders come in name order, without hidden
    ones and macOS's ``__MACOSX``. A link to a folder is followed, unless that folder is
    read already: a link to a folder that holds it (a loop) or a second way to one folder
    is reported and not followed. A folder that cannot be read is reported."""

    def failed(exc: OSError) -> None:
        problems.append((str(exc.filename or root), _cannot_read(exc)))

    try:
        seen: dict[tuple[int, int], Path] = {_identity(root): root}
    except OSError as exc:
        problems.append((str(root), _cannot_read(exc)))
        return
    for dirpath, dirnames, filenames in os.walk(root, onerror=failed, followlinks=True):
        here = Path(dirpath)
        kept = []
        # the folders themselves before the links among them: a link to a sibling is
        # the one not followed
        for name in sorted(dirnames, key=lambda d: (os.path.islink(here / d), d)):
            if name.startswith(".") or name == "__MACOSX":
                continue
            path = here / name
            link = path.is_symlink()
            try:
                key = _identity(path)
                # a link to the folder it is in, or to one that holds it
                loop = link and here.resolve().is_relative_to(path.resolve())
            except (OSError, RuntimeError) as exc:  # RuntimeError: links in a ring
                problems.append((str(path), _cannot_read(exc)))
                continue
            if loop:
                problems.append(
                    (str(path), "a link to a folder that holds it (a loop); not followed")
                )
                continue
            if key in seen:
                why = (
                    f"a link to a folder read already ({seen[key]}); not followed"
                    if link
                    else f"a folder read already, as {seen[key]}; not read again"
                )
                problems.append((str(path), why))
                continue
            seen[key] = path
            kept.append(name)
        dirnames[:] = sorted(kept)
        yield here.relative_to(root).as_posix(), filenames


def _identity(path: Path) -> tuple[int, int]:
    """What tells a folder from any other, however it is reached (links followed)."""
    st = path.stat()
    return st.st_dev, st.st_ino


def _folder_sources(root: Path, problems: Problems) -> Iterator[Source]:
    rel_names: list[str] = []
    for folder, filenames in _walk(root, problems):
        prefix = "" if folder == "." else folder + "/"
        for f in sorted(filenames):
            if f.startswith(".") or _is_junk(prefix + f):
                continue
            rel_names.append(prefix + f)

    def read(name: str) -> bytes:
        return (root / name).read_bytes()

    def label(name: str) -> str:
        return str(root / name)

    rel_names = _without_later_volumes(_without_dataset_files(_without_page_resources(rel_names)))
    articles, meta = _group_metadata(rel_names, _reported(read, label, problems), label, problems)
    for name in articles:
        yield from _file_sources(root / name, problems, _partitioned(name, meta.get(name)))


#: a folder of a partitioned table, named after a column's value («source=SANA»)
_PARTITION_RE = re.compile(r"^([^=/]+)=([^=/]+)$")


def _partitioned(name: str, meta: Mapping[str, Any] | None) -> Mapping[str, Any] | None:
    """A file's metadata with the column values its folders give it, as Spark, pandas and
    pyarrow write a table partitioned by column («source=SANA/year=2017/part-0.parquet»:
    the outlet is in no row, only in the folder's name); a sidecar's or manifest's
    values are kept over them."""
    parts = {
        m.group(1): unquote(m.group(2))
        for part in PurePosixPath(name).parts[:-1]
        if (m := _PARTITION_RE.match(part))
    }
    if not parts:
        return meta
    return {**parts, **(meta or {})}


_PAGE_EXTS = (".html", ".htm", ".xhtml")

#: what a dataset's folder holds beside its tables: the card of a dataset downloaded
#: from Hugging Face, and what the ``datasets`` library writes when it saves one
_DATASET_FILES = frozenset({"readme.md", "state.json", "dataset_info.json", "dataset_dict.json"})


def _without_dataset_files(names: list[str]) -> list[str]:
    """The names without a dataset's card and bookkeeping, when the folder holds
    Parquet or Arrow tables (the card is no article; the other files are no records)."""
    if not any(PurePosixPath(n).suffix.lower() in COLUMNAR_EXTS for n in names):
        return names
    return [n for n in names if PurePosixPath(n).name.lower() not in _DATASET_FILES]


#: a RAR archive's volume after the first: ``a.part2.rar`` (``a.part02.rar``…), or
#: ``a.r00``, ``a.r01``… beside ``a.rar``
_VOLUME_RE = re.compile(r"^(.*)\.part0*(\d+)\.rar$|^(.*)\.r\d\d$", re.IGNORECASE)


def _without_later_volumes(names: list[str]) -> list[str]:
    """The names without the volumes of a RAR archive after its first, when the first
    is there: it is read with them."""
    lower = {n.lower() for n in names}

    def later(name: str) -> bool:
        m = _VOLUME_RE.match(name)
        if m is None:
            return False
        if m.group(1) is not None:  # a.part2.rar: after a.part1.rar (a.part01.rar…)
            if int(m.group(2)) < 2:
                return False
            first = re.compile(re.escape(m.group(1).lower()) + r"\.part0*1\.rar")
            return any(first.fullmatch(n) for n in lower)
        return f"{m.group(3)}.rar".lower() in lower  # a.r00: after a.rar

    if not any(_VOLUME_RE.match(n) for n in names):
        return names
    return [n for n in names if not later(n)]


def _without_page_resources(names: list[str]) -> list[str]:
    """The names outside the folders a browser saves next to a web page («Web page,
    complete»: ``page.html`` and ``page_files/``, with the site's scripts, styles and
    the pages of its ads and widgets, which are no articles)."""
    pages = {n[: -len(ext)] for n in names for ext in _PAGE_EXTS if n.lower().endswith(ext)}
    if not pages:
        return names

    def resource(name: str) -> bool:
        parts = name.split("/")
        for i, part in enumerate(parts[:-1]):
            if part.endswith("_files") and "/".join([*parts[:i], part[:-6]]) in pages:
                return True
        return False

    return [n for n in names if not resource(n)]


def _file_sources(
    path: Path, problems: Problems, meta: Mapping[str, Any] | None = None
) -> Iterator[Source]:
    try:
        size = path.stat().st_size
        if path.suffix.lower() in COMPRESSED_EXTS and not is_tar(path.name):
            size = _held_size(path, size)
    except OSError as exc:
        problems.append((str(path), f"cannot read: {exc.strerror or exc}"))
        return
    yield from _member_sources(
        str(path), path.read_bytes, lambda: path.open("rb"), size, meta, problems, 1, path
    )


def _single_file_meta(path: Path, problems: Problems) -> dict[str, Any] | None:
    """Metadata for a file named on its own: its folder's manifest row and its sidecar."""
    row: dict[str, Any] = {}
    manifest = path.parent / MANIFEST_NAME
    if manifest.is_file() and path.name.lower() != MANIFEST_NAME:
        row.update(
            _parse_manifest(manifest.read_bytes(), str(manifest), problems).get(path.name, {})
        )
    held = path.with_name(held_name(path.name))  # a.txt.gz: its sidecar is a.json
    sidecar = held.with_suffix(".json")
    if held.suffix.lower() in SINGLE_EXTS and sidecar.is_file():
        row.update(_parse_sidecar(sidecar.read_bytes(), str(sidecar), problems) or {})
    return row or None


def iter_sources(paths: list[Path], problems: Problems) -> Iterator[Source]:
    """Every importable file under ``paths``, in a stable order; problems are appended."""
    for path in paths:
        if path.is_dir():
            found = _folder_sources(path, problems)
        elif path.is_file():
            found = _file_sources(path, problems, _single_file_meta(path, problems))
        else:
            problems.append((str(path), "no such file or folder"))
            continue
        # a folder given as «.» is named by what it is; its files' names start without it
        own, prefix = path.resolve().name, str(path)
        for source in found:
            inner = "/" + source.name if prefix == "." else source.name.removeprefix(prefix)
            source.place = own + inner if inner != source.name else source.name
            yield source
