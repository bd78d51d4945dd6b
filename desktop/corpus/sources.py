"""Finding the files to import: paths, folders (recursive), ``.zip`` archives, and files
compressed with gzip (``news.jsonl.gz``: the file it holds is read as a ``.jsonl``). A
file whose name has no extension is told by what it holds when it is read.

Archives are read in memory, never extracted, so a member named ``../evil.txt`` cannot
write anywhere; such members are reported and skipped. Beside a plain-text or HTML file,
``NAME.json`` is its metadata (a sidecar), and a folder's ``manifest.csv`` gives metadata
(file, outlet, date, title, url) for the files in that folder.
"""

from __future__ import annotations

import csv
import functools
import io
import json
import os
import zipfile
import zlib
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

from desktop.corpus.decode import DecodeError, decode_bytes
from desktop.corpus.readers import ARTICLE_EXTS, GZIP_EXT, HTML_EXTS, TEXT_EXTS, held_name

MANIFEST_NAME = "manifest.csv"
MAX_MEMBER_BYTES = 512 * 1024 * 1024
_JUNK_NAMES = frozenset({"thumbs.db", "desktop.ini", ".ds_store"})


@dataclass
class Source:
    """One file to import, wherever it lives."""

    name: str
    ext: str
    size: int
    load: Callable[[], bytes]
    #: metadata from a sidecar ``NAME.json`` or the folder's manifest row
    meta: Mapping[str, Any] | None = None


Problems = list[tuple[str, str]]


def _is_junk(name: str) -> bool:
    parts = PurePosixPath(name.replace("\\", "/")).parts
    base = parts[-1] if parts else name
    return (
        base.lower() in _JUNK_NAMES
        or base.startswith("._")
        or base.startswith("~$")
        or any(p == "__MACOSX" for p in parts)
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
    with_text = TEXT_EXTS | HTML_EXTS
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


def _gunzip(read: Callable[[], bytes]) -> bytes:
    """The file a gzip file holds (its members one after the other, as ``cat a.gz b.gz``
    makes), at most ``MAX_MEMBER_BYTES``: decompressing stops there, so a small file
    that would inflate to gigabytes is refused without being inflated."""
    data = read()
    out = bytearray()
    at = 0
    try:
        while True:
            member = zlib.decompressobj(wbits=31)  # gzip header and trailer
            out += member.decompress(data[at:], MAX_MEMBER_BYTES + 1 - len(out))
            if len(out) > MAX_MEMBER_BYTES or member.unconsumed_tail:
                raise OSError(f"too large once decompressed (over {MAX_MEMBER_BYTES} bytes)")
            if not member.eof:
                raise OSError("not a readable gzip file (it ends too early)")
            at = len(data) - len(member.unused_data)
            if not data[at:].strip(b"\0"):  # the end, or the zeros some tools pad with
                return bytes(out)
    except zlib.error as exc:
        raise OSError(f"not a readable gzip file ({exc})") from exc


def _gzip_source(
    name: str,
    read: Callable[[], bytes],
    size: int,
    meta: Mapping[str, Any] | None,
    problems: Problems,
) -> Iterator[Source]:
    """A gzip file as the file it holds (``a.jsonl.gz`` as ``a.jsonl``); ``size``: the
    size it holds, as far as known."""
    ext = PurePosixPath(held_name(name)).suffix.lower()
    if ext and ext not in ARTICLE_EXTS:  # without one, it is told by what it holds
        problems.append((name, f"unsupported file type '{ext}' in a gzip file"))
        return
    yield Source(name, ext, size, functools.partial(_gunzip, read), meta)


def _gzip_size(path: Path, compressed: int) -> int:
    """About the size a gzip file holds, to count the pieces of the import's progress:
    its last four bytes give the size of its last member (of all of it, for a file of
    one member); a value no deflate stream can give (a broken file) is replaced by a
    guess of four times the compressed size, as is one smaller than that guess (a last
    member of several)."""
    guess = compressed * 4
    if compressed < 20:
        return guess
    with path.open("rb") as f:
        f.seek(-4, os.SEEK_END)
        told = int.from_bytes(f.read(4), "little")
    return told if guess <= told <= compressed * 1032 else guess


def _unsafe_member(name: str) -> bool:
    n = name.replace("\\", "/")
    return n.startswith("/") or ".." in PurePosixPath(n).parts or (len(n) > 1 and n[1] == ":")


def _zip_sources(
    path_label: str, opener: Callable[[], Any], problems: Problems, depth: int = 0
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
        where = f"{path_label}!{info.filename}"
        if _unsafe_member(info.filename):
            problems.append((where, "unsafe path in archive (points outside it); skipped"))
            continue
        if info.flag_bits & 0x1:
            problems.append((where, "encrypted archive member"))
            continue
        if info.file_size > MAX_MEMBER_BYTES:
            problems.append((where, f"too large ({info.file_size} bytes)"))
            continue
        members[info.filename.replace("\\", "/")] = info

    def read(name: str) -> bytes:
        try:
            return zf.read(members[name])
        except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError) as exc:
            # a damaged member (its checksum fails), a compression zipfile cannot read
            raise OSError(f"not readable in the archive ({exc})") from exc

    def label(name: str) -> str:
        return f"{path_label}!{name}"

    safe_read = _reported(read, label, problems)
    articles, meta = _group_metadata(sorted(members), safe_read, label, problems)
    for name in articles:
        info = members[name]
        ext = PurePosixPath(name).suffix.lower()
        if ext == ".zip":
            if depth >= 2:
                problems.append((label(name), "archive nested too deeply"))
                continue
            yield from _zip_sources(
                label(name), functools.partial(_as_stream, read, name), problems, depth + 1
            )
            continue
        if ext == GZIP_EXT:
            yield from _gzip_source(
                label(name),
                functools.partial(read, name),
                info.file_size * 4,  # as far as known without reading it
                meta.get(name),
                problems,
            )
            continue
        if ext and ext not in ARTICLE_EXTS:
            problems.append((label(name), f"unsupported file type '{ext}'"))
            continue
        yield Source(
            label(name), ext, info.file_size, functools.partial(read, name), meta.get(name)
        )


def _folder_sources(root: Path, problems: Problems) -> Iterator[Source]:
    rel_names: list[str] = []
    for dirpath, dirnames, filenames in os.walk(root, followlinks=False):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith(".") and d != "__MACOSX")
        folder = Path(dirpath).relative_to(root).as_posix()
        prefix = "" if folder == "." else folder + "/"
        for f in sorted(filenames):
            if f.startswith(".") or _is_junk(f):
                continue
            rel_names.append(prefix + f)

    def read(name: str) -> bytes:
        return (root / name).read_bytes()

    def label(name: str) -> str:
        return str(root / name)

    articles, meta = _group_metadata(rel_names, _reported(read, label, problems), label, problems)
    for name in articles:
        yield from _file_sources(root / name, problems, meta.get(name))


def _file_sources(
    path: Path, problems: Problems, meta: Mapping[str, Any] | None = None
) -> Iterator[Source]:
    ext = path.suffix.lower()
    if ext == ".zip":
        yield from _zip_sources(str(path), lambda: path.open("rb"), problems)
        return
    if ext and ext not in ARTICLE_EXTS and ext != GZIP_EXT:
        problems.append((str(path), f"unsupported file type '{ext}'"))
        return
    try:
        size = path.stat().st_size
        if ext == GZIP_EXT:
            size = _gzip_size(path, size)
    except OSError as exc:
        problems.append((str(path), f"cannot read: {exc.strerror or exc}"))
        return
    if ext == GZIP_EXT:
        yield from _gzip_source(str(path), path.read_bytes, size, meta, problems)
        return
    yield Source(str(path), ext, size, path.read_bytes, meta)


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
    if held.suffix.lower() in TEXT_EXTS | HTML_EXTS and sidecar.is_file():
        row.update(_parse_sidecar(sidecar.read_bytes(), str(sidecar), problems) or {})
    return row or None


def iter_sources(paths: list[Path], problems: Problems) -> Iterator[Source]:
    """Every importable file under ``paths``, in a stable order; problems are appended."""
    for path in paths:
        if path.is_dir():
            yield from _folder_sources(path, problems)
        elif path.is_file():
            yield from _file_sources(path, problems, _single_file_meta(path, problems))
        else:
            problems.append((str(path), "no such file or folder"))
