"""RAR and 7z archives, made a tar archive in a temporary file that the import reads as it
reads a ``.tar`` (:func:`as_tar`); nothing is extracted where it would stay, and nothing
is downloaded.

A 7z archive is read with py7zr, bundled with the application; one compressed in a way
py7zr does not read (BCJ2, an ARM filter) is handed to a tool as a RAR archive is. A RAR
archive is read with a tool found on the system: bsdtar (libarchive), which Windows 10
and later ship as ``tar.exe`` and macOS as ``tar``, writes the tar archive itself; unar,
unrar or 7-Zip extract into a temporary folder, whose files are then put in the tar
archive and which is removed at once, whatever happens. bsdtar does not read a solid
RAR archive of the old format (RAR 4) beyond its first file, nor one split into
volumes: the next tool found is then tried.

A damaged or password-protected archive raises :class:`ArchiveError`, whose text is the
reason shown to the user; so does a RAR archive on a system without any of the tools,
with what to install. The temporary file is deleted when closed, and by the system if
the process ends first. Converting a large archive takes a while: the caller's
``cancelled`` is asked as it goes, and :class:`ConversionCancelledError` raised (the
tool stopped, what it extracted removed) once it says so.
"""

from __future__ import annotations

import functools
import os
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO

#: kept in memory up to this size, then on the disk (as a compressed tar archive is)
SPOOL_BYTES = 64 * 1024 * 1024
RAR_EXTS = frozenset({".rar"})
SEVEN_ZIP_EXTS = frozenset({".7z"})
#: archives read by conversion to a tar archive
CONVERTED_EXTS = RAR_EXTS | SEVEN_ZIP_EXTS

_KIND = {".rar": "RAR", ".7z": "7z"}
#: a tar header holds a size below this without a pax record (a 7z member's header is
#: written before its size is known, and filled in after)
_USTAR_MAX_SIZE = 8**11


class ArchiveError(Exception):
    """The archive cannot be read; ``str(exc)`` is the reason shown to the user."""


class ConversionCancelledError(Exception):
    """The conversion was stopped by its caller."""


Check = Callable[[], bool]


def never_cancelled() -> bool:
    """A ``cancelled`` for a conversion nobody stops."""
    return False


def as_tar(path: Path, ext: str, cancelled: Check = never_cancelled) -> IO[bytes]:
    """The files of the RAR or 7z archive at ``path`` as an uncompressed tar archive in a
    temporary file, at its start; links are kept as links, and a 7z member whose name
    points outside the archive is kept empty under that name, for the reader of the tar
    archive to report. Raises :class:`ArchiveError`, or :class:`ConversionCancelledError` once
    ``cancelled()`` is true."""
    kind = _KIND[ext.lower()]
    spool = tempfile.SpooledTemporaryFile(max_size=SPOOL_BYTES)  # noqa: SIM115 (returned)
    try:
        if kind == "7z":
            try:
                _seven_zip_to_tar(path, spool, cancelled)
            except _UnsupportedError as exc:  # another tool may read it
                _tool_to_tar(path, kind, spool, str(exc), cancelled)
        else:
            _tool_to_tar(path, kind, spool, None, cancelled)
        spool.seek(0)
        return spool
    except OSError as exc:  # the disk full, the archive gone
        spool.close()
        raise ArchiveError(f"cannot read: {exc.strerror or exc}") from exc
    except BaseException:
        spool.close()
        raise


# --- 7z, with py7zr --------------------------------------------------------------------


class _UnsupportedError(Exception):
    """py7zr does not read this 7z archive's compression."""


class _TarMember:
    """A 7z member as py7zr writes it (its ``Py7zIO``), written into the tar archive as it
    comes: its header first, filled in with its size once it is complete."""

    def __init__(self, out: IO[bytes], name: str, cancelled: Check = never_cancelled) -> None:
        self._out = out
        self._cancelled = cancelled
        self._info = tarfile.TarInfo(name)
        self._at = out.tell()
        self._size = 0
        out.write(self._header())

    def _header(self) -> bytes:
        return self._info.tobuf(tarfile.PAX_FORMAT, "utf-8", "surrogateescape")

    def write(self, s: bytes | bytearray) -> int:
        self._size += len(s)
        if self._size >= _USTAR_MAX_SIZE:
            raise ArchiveError("holds a file of 8 GB or more, which is not read")
        if self._cancelled():
            raise ConversionCancelledError
        return self._out.write(s)

    def close(self) -> None:  # py7zr: the member is complete (its checksum checked)
        end = self._out.tell()
        self._info.size = self._size
        self._out.seek(self._at)
        self._out.write(self._header())  # as long as before: the size has a fixed field
        self._out.seek(end)
        self._out.write(tarfile.NUL * (-self._size % tarfile.BLOCKSIZE))

    def seekable(self) -> bool:  # py7zr rewinds what it can, to read it back
        return False

    def read(self, size: int | None = None) -> bytes:
        return b""

    def seek(self, offset: int, whence: int = 0) -> int:
        return self._size

    def flush(self) -> None:
        pass

    def size(self) -> int:
        return self._size


def _seven_zip_to_tar(path: Path, out: IO[bytes], cancelled: Check = never_cancelled) -> None:
    import py7zr  # imported when a 7z archive is read
    from py7zr.exceptions import PasswordRequired, UnsupportedCompressionMethodError
    from py7zr.io import Py7zIO, WriterFactory

    class Sink(WriterFactory):
        def create(self, filename: str) -> Py7zIO:
            if cancelled():  # (a member's first bytes are asked for again as written)
                raise ConversionCancelledError
            return _TarMember(out, filename, cancelled)  # type: ignore[return-value]

    try:
        # a file object, not a name: py7zr then reads the members in order, in this thread
        with path.open("rb") as f, py7zr.SevenZipFile(f, mode="r") as archive:
            if archive.needs_password():
                raise ArchiveError(_PASSWORD)
            safe: list[str] = []
            for info in archive.list():
                name = info.filename
                if info.is_directory:
                    continue
                if info.is_symlink or not info.is_file:
                    _add_entry(out, name, tarfile.SYMTYPE)
                elif _unsafe(name):
                    _add_entry(out, name, tarfile.REGTYPE)
                else:
                    safe.append(name)
            if safe:
                archive.extract(targets=safe, factory=Sink())
    except (ArchiveError, ConversionCancelledError):
        raise
    except PasswordRequired as exc:  # its list of files is encrypted too
        raise ArchiveError(_PASSWORD) from exc
    except UnsupportedCompressionMethodError as exc:
        raise _UnsupportedError(f"py7zr: {exc}") from exc
    except OSError as exc:
        raise ArchiveError(f"cannot read: {exc.strerror or exc}") from exc
    except Exception as exc:  # a damaged archive: whatever its parser meets
        raise ArchiveError(f"not a readable 7z archive ({_said(exc)})") from exc
    _end(out)


_PASSWORD = "protected by a password: extract it with its password and import the folder"


def _said(exc: BaseException) -> str:
    text = str(exc).strip()
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


def _unsafe(name: str) -> bool:
    n = name.replace("\\", "/")
    return n.startswith("/") or ".." in n.split("/") or (len(n) > 1 and n[1] == ":")


def _add_entry(out: IO[bytes], name: str, kind: bytes) -> None:
    """An entry without data: a link, or a file whose name points outside the archive
    (the reader reports both by name)."""
    info = tarfile.TarInfo(name)
    info.type = kind
    out.write(info.tobuf(tarfile.PAX_FORMAT, "utf-8", "surrogateescape"))


def _end(out: IO[bytes]) -> None:
    out.write(tarfile.NUL * (2 * tarfile.BLOCKSIZE))


# --- the system's tools ----------------------------------------------------------------


@dataclass(frozen=True)
class _Tool:
    name: str
    exe: str
    #: writes a tar archive on its output (bsdtar), else extracts into a folder
    streams: bool

    def command(self, archive: Path, folder: Path) -> list[str]:
        a = str(archive.resolve())  # never taken for an option
        if self.streams:  # «@archive»: the entries of that archive
            return [self.exe, "-c", "-f", "-", "--format", "pax", f"@{a}"]
        if self.name == "unar":  # no folder of its own, archives inside left as they are
            return [self.exe, "-q", "-f", "-D", "-nr", "-o", str(folder), a]
        if self.name == "unrar":  # -p-: never ask for a password
            return [self.exe, "x", "-y", "-p-", "-idq", "--", a, f"{folder}{os.sep}"]
        # 7-Zip: a password it is given is wrong, and not asked for
        return [self.exe, "x", "-y", "-p-", "-bd", f"-o{folder}", "--", a]


def _tools(kind: str) -> list[_Tool]:
    """The tools found that read a ``kind`` archive, the best first."""
    found: list[_Tool] = []
    bsdtar = _bsdtar()
    if bsdtar:
        found.append(_Tool("bsdtar", bsdtar, streams=True))
    for name in ("unar", "unrar"):
        exe = shutil.which(name)
        if exe and (kind == "RAR" or name == "unar"):
            found.append(_Tool(name, exe, streams=False))
    # 7za and 7zr read no RAR archive; 7-Zip's own for Windows is seldom on the PATH
    names = ("7zz", "7z") if kind == "RAR" else ("7zz", "7z", "7za", "7zr")
    for exe in (*filter(None, map(shutil.which, names)), *_windows_7zip()):
        if all(t.exe != exe for t in found):
            found.append(_Tool("7-Zip", exe, streams=False))
            break
    if kind == "7z":  # 7-Zip first: bsdtar reads fewer of them (Windows' none compressed)
        found.sort(key=lambda t: t.name != "7-Zip")
    return found


def _bsdtar() -> str | None:
    """bsdtar, under its name or as ``tar`` (Windows, macOS); GNU tar reads neither."""
    exe = shutil.which("bsdtar")
    if exe:
        return exe
    exe = shutil.which("tar")
    if exe and "bsdtar" in _version(exe):
        return exe
    return None


@functools.cache
def _version(exe: str) -> str:
    try:
        done = subprocess.run(
            [exe, "--version"],
            stdin=subprocess.DEVNULL,
            capture_output=True,
            timeout=10,
            creationflags=_NO_WINDOW,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return ""
    return done.stdout.decode("utf-8", "replace")


def _windows_7zip() -> Iterator[str]:
    if sys.platform != "win32":
        return
    for root in ("ProgramFiles", "ProgramW6432", "ProgramFiles(x86)"):
        base = os.environ.get(root)
        if base and (Path(base) / "7-Zip" / "7z.exe").is_file():
            yield str(Path(base) / "7-Zip" / "7z.exe")


#: a console program started from the window opens no console of its own (Windows)
_NO_WINDOW: int = getattr(subprocess, "CREATE_NO_WINDOW", 0)


def _tool_to_tar(
    path: Path, kind: str, out: IO[bytes], before: str | None, cancelled: Check = never_cancelled
) -> None:
    """Convert with the first tool that reads the archive; ``before``: why py7zr did not."""
    tools = _tools(kind)
    if not tools:
        raise ArchiveError(
            (f"{before}; " if before else "")
            + f"{kind} archives are read with a tool this computer lacks: {_advice(kind)}"
        )
    failed = [before] if before else []
    for tool in tools:
        out.seek(0)
        out.truncate()
        why = _convert(tool, path, out, cancelled)
        if why is None:
            return
        failed.append(f"{tool.name}: {why}")
    missing = "" if any(t.name == "unar" for t in tools) else f"; {_advice(kind, more=True)}"
    raise ArchiveError(
        f"not a readable {kind} archive ({'; '.join(failed)}): damaged, protected by a "
        f"password, or of a kind the tools found do not read{missing}"
    )


def _system() -> str:
    return sys.platform


def _advice(kind: str, more: bool = False) -> str:
    """What to install (or do) to read a RAR or 7z archive, on this system."""
    extract = "or extract the archive and import the folder"
    system = _system()
    if system == "win32":
        if more:
            return f"7-Zip (7-zip.org) reads more of them; install it, {extract}"
        return (
            "Windows 10 (version 1803) and later include one (tar.exe); on an older "
            f"Windows install 7-Zip (7-zip.org), {extract}"
        )
    if system == "darwin":
        if more:
            return f"unar reads more of them; install it (brew install unar), {extract}"
        return f"macOS includes one (tar); install unar (brew install unar), {extract}"
    if more:
        return f"unar reads more of them; install it (sudo apt install unar), {extract}"
    return (
        "install libarchive-tools (bsdtar) or unar (sudo apt install libarchive-tools "
        f"unar, or your distribution's packages of those names), {extract}"
    )


def _convert(
    tool: _Tool, path: Path, out: IO[bytes], cancelled: Check = never_cancelled
) -> str | None:
    """Write the archive as a tar archive with ``tool``: None, or why it could not."""
    with tempfile.TemporaryDirectory(prefix="tabayun-") as folder:
        err_path = Path(folder) / "errors"
        files = Path(folder) / "files"
        files.mkdir()
        with err_path.open("w+b") as err:
            code = _run(tool.command(path, files), out if tool.streams else None, err, cancelled)
            err.seek(0)
            said = err.read().decode("utf-8", "replace")
        if code != 0:
            return _reason(said, path) or f"it ended with code {code}"
        if not tool.streams:
            _pack(files, out, cancelled)
    return None


#: how often a tool extracting into a folder is asked whether it is done, in seconds
_POLL_SECONDS = 0.2
_CHUNK = 1024 * 1024


def _run(
    cmd: list[str], out: IO[bytes] | None, err: IO[bytes], cancelled: Check = never_cancelled
) -> int:
    """Run ``cmd`` (its output copied to ``out``), never asking for anything: no input,
    no terminal (a password prompt fails), no console window; stopped, and
    :class:`ConversionCancelledError` raised, once ``cancelled()`` is true."""
    proc = subprocess.Popen(
        cmd,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE if out is not None else subprocess.DEVNULL,
        stderr=err,
        creationflags=_NO_WINDOW,
        start_new_session=sys.platform != "win32",
    )
    try:
        if out is not None:
            assert proc.stdout is not None
            while chunk := proc.stdout.read(_CHUNK):
                out.write(chunk)
                if cancelled():
                    raise ConversionCancelledError
            proc.stdout.close()
            return proc.wait()
        while True:
            try:
                return proc.wait(timeout=_POLL_SECONDS)
            except subprocess.TimeoutExpired:
                if cancelled():
                    raise ConversionCancelledError from None
    except BaseException:
        proc.kill()
        proc.wait()
        raise


def _reason(said: str, archive: Path) -> str:
    """A tool's message in a few words: its last lines that say something, without the
    archive's path, the tool's name or what is said of its own options."""
    kept: list[str] = []
    for line in said.replace(str(archive.resolve()), "").replace(str(archive), "").splitlines():
        line = _PREFIX_RE.sub("", line.replace("Use the -p option to provide one.", ""))
        line = line.strip(" :;.")
        if line and line.lower() not in _NOISE and "error exit delayed" not in line.lower():
            kept.append(line)
    return "; ".join(dict.fromkeys(kept[-2:]))[:300]


_PREFIX_RE = re.compile(
    r"^\s*(?:(?:bsdtar|tar|unar|unrar|7-?zip|error|error reading archive)\s*:\s*)+", re.I
)
_NOISE = frozenset({"error", "(null)", "errors"})


def _pack(folder: Path, out: IO[bytes], cancelled: Check = never_cancelled) -> None:
    """The files a tool extracted into ``folder`` as a tar archive (links as links)."""
    with tarfile.open(fileobj=out, mode="w", format=tarfile.PAX_FORMAT) as tf:
        for root, dirs, names in os.walk(folder):
            dirs.sort()
            for name in sorted(names):
                if cancelled():
                    raise ConversionCancelledError
                full = Path(root) / name
                tf.add(full, arcname=full.relative_to(folder).as_posix(), recursive=False)
            for name in dirs:  # a link to a folder: kept as a link, not followed
                full = Path(root) / name
                if full.is_symlink():
                    tf.add(full, arcname=full.relative_to(folder).as_posix(), recursive=False)
