"""An old Excel workbook (.xls), checked before python-calamine reads it.

An .xls is a Compound File (a small file system of sectors chained by a table) holding a
«Workbook» stream of BIFF records. calamine trusts both: it follows a chain of sectors
that runs in a loop (a block of the file zeroed, as a failing disk or an interrupted copy
leaves it) until memory runs out, and it sets memory aside for as many strings, or as
large a sheet, as a damaged record says, before reading them. Either ends the process
instead of raising an error. :func:`checked_streams` finds both first, in one pass over
the file's records (a few milliseconds for a thousand rows)."""

from __future__ import annotations

import struct
from collections.abc import Iterator

#: the first bytes of a Compound File
MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
#: the stream a workbook saved with a password is kept in, encrypted (.xlsx, .xlsm)
ENCRYPTED = "EncryptedPackage"

_END = 0xFFFFFFFE  # the end of a chain of sectors
_FREE = 0xFFFFFFFF
_HEADER = 512
#: streams smaller than this are kept in the mini stream, in sectors of 64 bytes
_MINI_CUTOFF = 4096
_MINI = 64
_STORAGE = 1  # a directory entry that is a folder
#: the names the workbook's stream has (Excel 97 and later, Excel 5 and 95), as calamine
#: looks for it
_WORKBOOK = ("Workbook", "Book")
#: the most cells a sheet of an .xls can span (65,536 rows of 256 columns)
_CELLS = 65536 * 256
_COLUMNS = 256
#: BIFF records: the end of a sheet, a sheet's place in the stream, the shared strings,
#: a sheet's extent, and the records of a cell, whose column follows its row
_EOF, _SHEET, _STRINGS, _EXTENT = 0x000A, 0x0085, 0x00FC, 0x0200
#: the record saying the records after it are encrypted (a workbook saved with a password)
_LOCKED = 0x002F
_CELL_RECORDS = frozenset({0x0006, 0x00FD, 0x0203, 0x0204, 0x0205, 0x027E})
_CELL_RUN = 0x00BD  # a run of numbers along a row: its first column, ..., its last


class DamagedXlsError(ValueError):
    """The workbook is damaged; ``str(exc)`` says how."""


def _table(data: bytes) -> list[int]:
    return list(struct.unpack(f"<{len(data) // 4}I", data[: len(data) // 4 * 4]))


class _Container:
    """A Compound File's table of sectors and directory, every chain in it checked."""

    def __init__(self, data: bytes) -> None:
        if len(data) < _HEADER:
            raise DamagedXlsError("the file is cut short inside its header")
        if not data.startswith(MAGIC):
            raise DamagedXlsError("its header is damaged")
        self.data = data
        version, _order, shift, mini_shift = struct.unpack_from("<HHHH", data, 0x1A)
        if shift not in (9, 12) or mini_shift != 6:
            raise DamagedXlsError("its header is damaged")
        self.size = size = 1 << shift
        self.count = count = max(0, -(-(len(data) - size) // size))  # sector n: (n + 1) * size
        dir_sectors, fat_sectors, dir_start = struct.unpack_from("<III", data, 0x28)
        mini_fat_start, mini_fat_sectors, difat_start, difat_sectors = struct.unpack_from(
            "<IIII", data, 0x3C
        )
        if max(dir_sectors, fat_sectors, mini_fat_sectors, difat_sectors) > count:
            raise DamagedXlsError("its header counts more sectors than the file holds")

        # the table of sectors is kept in the sectors the header lists, then in a chain
        # of further lists
        listed = _table(data[0x4C:_HEADER])
        at, seen = difat_start, set()
        while at not in (_END, _FREE):
            if at >= count or at in seen:
                raise DamagedXlsError("its list of table sectors runs in a loop or out of the file")
            seen.add(at)
            more = _table(self._sector(at))
            listed.extend(more[:-1])
            at = more[-1] if more else _END
        self.fat: list[int] = []
        for n in listed:
            if n != _FREE:
                if n >= count:
                    raise DamagedXlsError("its table of sectors is kept past the end of the file")
                self.fat.extend(_table(self._sector(n)))

        directory = self._read(self._chain(dir_start, self.fat, count, "directory"))
        self.mini_fat = _table(
            self._read(self._chain(mini_fat_start, self.fat, count, "mini table"))
        )
        entries = [directory[i : i + 128] for i in range(0, len(directory) - 127, 128)]
        if not entries:
            raise DamagedXlsError("its directory is empty")
        #: each stream's chain of sectors, whether they are mini sectors, and its size
        self.streams: dict[str, tuple[list[int], bool, int]] = {}
        self.mini = b""
        for i, entry in enumerate(entries):
            name = entry[:64].decode("utf-16-le", "replace").split("\x00")[0]
            start, low, high = struct.unpack_from("<III", entry, 116)
            declared = low if version == 3 else low | high << 32
            if i and (not name or (entry[66] == _STORAGE and name not in _WORKBOOK)):
                continue  # unused, or a folder (calamine reads the workbook by its name)
            if declared > len(data):
                raise DamagedXlsError(f"its stream «{name}» is said to be larger than the file")
            if i == 0:  # the root: its sectors hold the mini stream
                self.mini = self._read(self._chain(start, self.fat, count, "mini stream"))
                continue
            what = f"stream «{name}»"
            mini = declared < _MINI_CUTOFF
            if mini:
                chain = self._chain(start, self.mini_fat, len(self.mini) // _MINI, what)
            else:
                chain = self._chain(start, self.fat, count, what)
            self.streams.setdefault(name, (chain, mini, declared))

    def _sector(self, n: int) -> bytes:
        return self.data[(n + 1) * self.size : (n + 2) * self.size]

    def _read(self, chain: list[int], mini: bool = False) -> bytes:
        if mini:
            return b"".join(self.mini[n * _MINI : (n + 1) * _MINI] for n in chain)
        return b"".join(self._sector(n) for n in chain)

    @staticmethod
    def _chain(start: int, table: list[int], limit: int, what: str) -> list[int]:
        found: list[int] = []
        seen: set[int] = set()
        at = start
        while at != _END:
            if at >= limit or at >= len(table):
                raise DamagedXlsError(f"its {what} points past the end of the file")
            if at in seen:
                raise DamagedXlsError(f"its {what} runs in a loop")
            seen.add(at)
            found.append(at)
            at = table[at]
        return found

    def stream(self, name: str) -> bytes:
        chain, mini, declared = self.streams[name]
        return self._read(chain, mini)[:declared]


def _records(stream: bytes, at: int) -> Iterator[tuple[int, int, int]]:
    """The type, start and length of each BIFF record from ``at`` to a sheet's end."""
    while at + 4 <= len(stream):
        kind, length = struct.unpack_from("<HH", stream, at)
        if kind == _EOF or at + 4 + length > len(stream):  # the end, or a record cut short
            return
        yield kind, at + 4, length
        at += 4 + length


def _check_workbook(stream: bytes) -> None:
    sheets: list[int] = []
    for kind, at, length in _records(stream, 0):
        if kind == _LOCKED and length >= 2 and stream[at : at + 2] != b"\0\0":
            return  # calamine reads no further, and says it needs the password
        if kind == _SHEET and length >= 4:
            sheets.append(struct.unpack_from("<I", stream, at)[0])
        elif kind == _STRINGS and length >= 8:
            (strings,) = struct.unpack_from("<i", stream, at + 4)
            if strings * 3 > len(stream):  # each string takes three bytes at least
                raise DamagedXlsError(f"its table of strings says it holds {strings:,}")
    for start in sheets:
        for kind, at, length in _records(stream, start):
            if kind == _EXTENT and length in (10, 14):
                if length == 14:
                    first, last, left, right = struct.unpack_from("<IIHH", stream, at)
                else:
                    first, last, left, right = struct.unpack_from("<HHHH", stream, at)
                # as calamine counts them: from the first to the one before the last, in
                # 32-bit numbers without a sign (a first after the last wraps round)
                rows = (last - first) % 2**32 if last and right else 1
                columns = (right - left) % 2**32 if last and right else 1
                if rows * columns > _CELLS:
                    raise DamagedXlsError(
                        f"a sheet says it spans {rows:,} rows of {columns:,} columns"
                    )
            elif kind in _CELL_RECORDS and length >= 4:
                if struct.unpack_from("<H", stream, at + 2)[0] >= _COLUMNS:
                    raise DamagedXlsError("a cell is placed beyond the last column")
            elif kind == _CELL_RUN and length >= 6:
                first_column = struct.unpack_from("<H", stream, at + 2)[0]
                last_column = struct.unpack_from("<H", stream, at + length - 2)[0]
                if max(first_column, last_column) >= _COLUMNS:
                    raise DamagedXlsError("a cell is placed beyond the last column")


def checked_streams(data: bytes) -> list[str]:
    """The names of the streams an .xls (a Compound File) holds, once every chain of
    sectors in it is known to end inside the file, every size it gives to fit in it, and
    the workbook's strings and sheets to be no larger than its records; raises
    :class:`DamagedXlsError` otherwise."""
    container = _Container(data)
    for name in _WORKBOOK:
        if name in container.streams:
            _check_workbook(container.stream(name))
            break
    return list(container.streams)
