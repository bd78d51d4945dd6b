"""Import: files → article records → prepared documents → the store.

Files are written whole, several to a transaction (up to ``WRITE_BATCH`` documents): a
file goes in whole or not at all, and an interrupted import leaves a consistent
database; the next run skips what is already there (recognised by content) and carries
on. A large record file is the exception, so that a corpus delivered as one big file
neither waits on one core nor holds every article in memory: a JSON Lines file is cut at
line ends into pieces of about ``PIECE_BYTES``, an XML or SGML file after the closing tag
of a record, a CSV, JSON, spreadsheet, Parquet or Arrow file is parsed here into
records handed on in groups of a quarter of that size (:data:`GROUPS_A_PIECE`); the
pieces are prepared in parallel and written as they come. An interrupted import of such
a file keeps the pieces written, and the next run carries on; a malformed row late in a
large CSV file ends it there, after the rows before it are imported.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import hashlib
import io
import re
import time
from collections import Counter, deque
from collections.abc import Iterator, Mapping
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO
from urllib.parse import urlsplit

from desktop.corpus.archives import ConversionCancelledError
from desktop.corpus.fields import FieldMapping
from desktop.corpus.jsonstream import streamed_records
from desktop.corpus.markup import markup_records
from desktop.corpus.outlets import OutletDirectory, OutletSignature
from desktop.corpus.readers import (
    COLUMN,
    COLUMNAR_EXTS,
    CSV_EXTS,
    FIELD,
    JSON_EXTS,
    JSONL_EXTS,
    MARKUP_EXTS,
    SHEET_EXTS,
    SNIFF_BYTES,
    STREAMED_EXTS,
    UNSNIFFED,
    RawArticle,
    UnreadableFileError,
    csv_records,
    json_records,
    read_jsonl,
    read_markup,
    reader_for,
    records_result,
    sheet_records,
    site_in_title,
    sniffed_ext,
    table_records,
    unsupported,
    with_metadata,
)
from desktop.corpus.sources import (
    ArchiveWatch,
    Source,
    folders_in,
    iter_sources,
    temporary_files,
    watching_archives,
)
from desktop.progress import UNPACKING, CancelToken, NullProgress, Progress
from desktop.store.models import compress_text
from desktop.store.store import DocumentDraft, Store
from desktop.store.writer import exclusive
from desktop.text.dates import parse_date
from desktop.text.normalize import fingerprint_text, normalize
from desktop.text.paragraphs import repeated_among
from desktop.text.sentences import document_sentences, paragraph_spans, sentence_spans
from desktop.text.tokens import NORM_WORD_RE
from desktop.workers import exit_with_parent, fewer_collections, worker_count, worker_pool

TITLE_MAX = 120
#: whole files are written together until a transaction holds this many documents
WRITE_BATCH = 500


@dataclass
class ImportReport:
    imported: list[tuple[str, int]] = field(default_factory=list)
    duplicates: list[tuple[str, int]] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)
    #: duplicates that gave the stored article what it lacked: (source, id, what it
    #: was given: "date", "url", "author", "outlet")
    filled: list[tuple[str, int, tuple[str, ...]]] = field(default_factory=list)
    #: what is said of files read, not skipped (a table's columns not read): (file, note)
    notes: list[tuple[str, str]] = field(default_factory=list)
    files: int = 0
    cancelled: bool = False
    seconds: float = 0.0

    def as_dict(self) -> dict[str, object]:
        return {
            "imported": len(self.imported),
            "duplicates": len(self.duplicates),
            "skipped": [{"source": s, "reason": r} for s, r in self.skipped],
            "notes": [{"source": s, "note": n} for s, n in self.notes],
            "files": self.files,
            "cancelled": self.cancelled,
            "seconds": round(self.seconds, 3),
            "documents": [{"id": i, "source": s} for s, i in self.imported],
            "duplicate_of": [{"source": s, "id": i} for s, i in self.duplicates],
            "filled": [{"source": s, "id": i, "given": list(f)} for s, i, f in self.filled],
        }

    @property
    def redated(self) -> list[int]:
        """The stored articles this import gave a date: to be analysed again."""
        return [i for _s, i, given in self.filled if "date" in given]

    def filled_counts(self) -> tuple[int, Counter[str]]:
        """How many stored articles this import gave something, and how many were given
        each of "date", "outlet", "url", "author"."""
        counts = Counter(g for _s, _i, given in self.filled for g in given)
        return len({i for _s, i, _g in self.filled}), counts

    def filled_said(self) -> str | None:
        """«Gave 12 articles already stored what they lacked: a date to 12, an outlet to
        3.», or None."""
        if not self.filled:
            return None
        n, counts = self.filled_counts()
        names = {"date": "a date", "outlet": "an outlet", "url": "a link", "author": "an author"}
        parts = [f"{names[g]} to {counts[g]:,}" for g in names if counts[g]]
        return (
            f"Gave {n:,} {'article' if n == 1 else 'articles'} already stored what "
            f"{'it' if n == 1 else 'they'} lacked: {', '.join(parts)}."
        )


@dataclass(frozen=True)
class ImportOptions:
    outlet: str | None = None
    fields: Mapping[str, str] = field(default_factory=dict)


_URL_DATE_RE = re.compile(r"/((?:19|20)\d\d)[/-](\d{1,2})[/-](\d{1,2})(?:/|$|[^\d])")


def host_of(url: str) -> str | None:
    try:
        host = urlsplit(url.strip()).hostname or ""
    except ValueError:
        return None
    return host.removeprefix("www.") or None


def date_in_url(url: str) -> dt.date | None:
    """Many sites put the publication date in the path: /2019/05/30/…"""
    m = _URL_DATE_RE.search(url)
    if not m:
        return None
    try:
        return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


def derive_title(text: str, outlets: OutletDirectory) -> str:
    """The first line that is not an outlet tagline, cut at a word near ``TITLE_MAX``."""
    for a, b in paragraph_spans(text):
        line = text[a:b]
        if outlets.is_tagline(line):
            continue
        if len(line) <= TITLE_MAX:
            return line
        first_sentence = sentence_spans(text, a, b)[0]
        if first_sentence[1] - first_sentence[0] <= TITLE_MAX:
            return text[first_sentence[0] : first_sentence[1]]
        cut = line.rfind(" ", 0, TITLE_MAX)
        return line[: cut if cut > 40 else TITLE_MAX].rstrip(" ،,:؛") + "…"
    return "(untitled)"


def prepare(
    raw: RawArticle,
    outlets: OutletDirectory,
    options: ImportOptions,
    placed: OutletSignature | None = None,
) -> DocumentDraft:
    """A record made ready for the store: outlet, date, title, structure, fingerprint.

    The outlet is the one chosen for the import, else the one the record names, else the
    one of its web address, else ``placed`` (the outlet its folder or archive is named
    after), else one its text signs with; an unknown site is named by its address."""
    text = raw.text.strip("\n")
    title = raw.title
    outlet_name = outlet_ar = outlet_key = None
    # a web page's title that names its site: the outlet when nothing else says one, and
    # the title without it when it names the outlet found; og:title first, then the
    # page's <title> (a page whose heading gives the title names its site there)
    titled = named_in = None
    for named_in in raw.page_titles:
        titled = site_in_title(named_in, outlets)
        if titled is not None:
            break
    if options.outlet:
        outlet_name, outlet_ar, outlet_key = outlets.canonical(options.outlet)
    elif raw.outlet:
        outlet_name, outlet_ar, outlet_key = outlets.canonical(raw.outlet)
    else:
        sig = (outlets.by_url(raw.url) if raw.url else None) or placed or outlets.by_text(text)
        sig = sig or (titled[1] if titled else None)
        if sig:
            outlet_name, outlet_ar, outlet_key = sig.name, sig.name_ar, sig.key
        elif raw.url:
            outlet_name = host_of(raw.url)  # an unknown site is named by its web address
    if titled is not None and titled[1].key == outlet_key and title == named_in:
        title = titled[0]
    paras = paragraph_spans(text)
    # normalised once: paragraph by paragraph (for the repeat check), then joined with the
    # gaps into the whole text (normalising is character by character, so the pieces
    # join into exactly normalize(text)) for the fingerprint and the search index
    norm_paras = [normalize(text[a:b]) for a, b in paras]
    pieces: list[str] = []
    last = 0
    for (a, b), norm_para in zip(paras, norm_paras, strict=True):
        pieces += (normalize(text[last:a]), norm_para)
        last = b
    pieces.append(normalize(text[last:]))
    norm_text = "".join(pieces)
    repeated = repeated_among(norm_paras)
    sentences = document_sentences(text, paras)
    return DocumentDraft(
        text=text,
        title=title or derive_title(text, outlets),
        source_path=raw.source,
        stem=raw.stem,
        content_hash=hashlib.sha256(fingerprint_text(text, norm_text).encode("utf-8")).hexdigest(),
        word_count=len(NORM_WORD_RE.findall(norm_text)),  # diacritics are gone there
        outlet=outlet_name,
        outlet_ar=outlet_ar,
        outlet_key=outlet_key,
        published=parse_date(raw.date) or (date_in_url(raw.url) if raw.url else None),
        published_raw=raw.date[:200] if raw.date else None,
        url=raw.url,
        author=raw.author[:300] if raw.author else None,
        paragraphs=[(a, b, i in repeated) for i, (a, b) in enumerate(paras)],
        sentences=sentences,
        norm_text=norm_text,
        stored_text=compress_text(text),
    )


@dataclass(frozen=True)
class _Loaded:
    """A file's bytes, read in this process, with what parsing them needs (picklable)."""

    name: str
    ext: str
    data: bytes
    meta: Mapping[str, Any] | None
    #: the number in its file of the piece's first line (a piece of a JSON Lines file) or
    #: first record (of a tagged file)
    first: int = 1
    #: its path from what was imported (``Source.place``)
    place: str = ""


def _load(source: Source) -> _Loaded | tuple[str, str]:
    """The file's bytes, or (name, problem); a file whose name has no extension is told
    by what it holds."""
    if source.ext and reader_for(source.ext) is None:
        return source.name, unsupported(source.ext)
    try:
        data = source.load()
    except OSError as exc:
        return source.name, _cannot_read(exc)
    ext = source.ext or sniffed_ext(data[:SNIFF_BYTES])
    if ext is None:
        return source.name, UNSNIFFED
    return _Loaded(source.name, ext, data, source.meta, place=source.place)


@dataclass(frozen=True)
class _Records:
    """Numbered records of a large CSV or JSON file, parsed in this process, to be made
    articles and prepared (picklable)."""

    name: str
    meta: Mapping[str, Any] | None
    records: list[tuple[int | str, Any]]
    place: str = ""
    #: what the report says of the file (the first group of a file carries it)
    notes: tuple[tuple[str, str], ...] = ()
    #: what its records' fields are called (a table's are its columns)
    kind: str = FIELD


@dataclass(frozen=True)
class _Group:
    """Small files handed on together: one at a time, the round trip to a worker would
    cost more than preparing them (picklable)."""

    files: list[_Loaded]


#: small files go to a worker together, up to this many bytes or files
GROUP_BYTES = 1_000_000
GROUP_FILES = 100

#: an article whose date is given and cannot be read: (its draft's place among the
#: drafts, its file, where the date was given, the date as given)
_Undated = tuple[int, str, str, str]
#: (drafts, problems, notes, undated)
_Prepared = tuple[list[DocumentDraft], list[tuple[str, str]], list[tuple[str, str]], list[_Undated]]


def _prepare(
    loaded: _Loaded | _Records,
    fields: FieldMapping,
    outlets: OutletDirectory,
    options: ImportOptions,
) -> _Prepared:
    """Parse a file's records (or take a group's) and prepare each article (drafts,
    problems, notes, the articles whose date could not be read)."""
    if isinstance(loaded, _Records):
        result = records_result(loaded.name, loaded.records, fields, kind=loaded.kind)
        result.notes = list(loaded.notes)
    else:
        reader = reader_for(loaded.ext)
        assert reader is not None
        if loaded.first != 1:  # a piece of a large file
            piece_reader = read_markup if loaded.ext.lower() in MARKUP_EXTS else read_jsonl
            reader = functools.partial(piece_reader, first=loaded.first)
        try:
            result = reader(loaded.name, loaded.data, fields)
        except UnreadableFileError as exc:
            return [], [(loaded.name, str(exc))], [], []
    articles = result.articles
    if loaded.meta:
        articles = [with_metadata(a, loaded.meta) for a in articles]
    # a file's documents are named by its path inside what was imported: the splits of a
    # dataset saved to disk (train/, test/) hold tables of one name
    folders = folders_in(loaded.place)
    if folders:
        articles = [dataclasses.replace(a, stem=folders + a.stem) for a in articles]
    placed = outlets.by_place(loaded.place) if loaded.place else None
    drafts: list[DocumentDraft] = []
    problems = list(result.problems)
    undated: list[_Undated] = []
    for article in articles:
        try:
            draft = prepare(article, outlets, options, placed)
        except Exception as exc:  # a value no reader foresaw: this article, not the import
            problems.append((article.source, f"could not be read ({type(exc).__name__}: {exc})"))
            continue
        if article.date and draft.published is None:  # given, and left empty
            where = article.date_from or f'{FIELD} "date"'
            undated.append((len(drafts), loaded.name, where, article.date))
        drafts.append(draft)
    return drafts, problems, result.notes, undated


def _prepare_unit(
    unit: _Loaded | _Records | _Group,
    fields: FieldMapping,
    outlets: OutletDirectory,
    options: ImportOptions,
) -> list[_Prepared]:
    """:func:`_prepare` of a unit: one result, or one per file of a group."""
    if isinstance(unit, _Group):
        return [_prepare(one, fields, outlets, options) for one in unit.files]
    return [_prepare(unit, fields, outlets, options)]


def _prepare_in_worker(job: tuple[_Loaded | _Records | _Group, ImportOptions]) -> list[_Prepared]:
    exit_with_parent()
    unit, options = job
    return _prepare_unit(unit, FieldMapping(options.fields), OutletDirectory.default(), options)


#: imports of at least this many bytes are parsed and prepared in worker processes
PARALLEL_BYTES = 16_000_000
#: a record file (JSON Lines, CSV, JSON) larger than this is read in pieces of about
#: this size
PIECE_BYTES = 8_000_000
#: the records read in this process (of a large CSV, JSON, spreadsheet, Parquet or
#: Arrow file) go to the workers in groups of this share of a piece: as Python objects,
#: and pickled while they wait for a worker, they take about twice the memory of a
#: piece of a file's bytes, and a few groups wait at a time (a Parquet file of 30,000
#: articles peaked at 425 MB in groups of a piece, 250 MB in groups of a quarter)
GROUPS_A_PIECE = 4


_SPLIT_EXTS = JSONL_EXTS | CSV_EXTS | JSON_EXTS | MARKUP_EXTS | SHEET_EXTS | COLUMNAR_EXTS


#: a workbook (.xlsx, .ods) is a zip archive: about this many bytes of text a byte of file;
#: an .xls keeps its text as it is, two bytes a letter; a Parquet file's pages are
#: compressed (Snappy and dictionaries: about a third), an Arrow file's are not
SHEET_RATIO = 3
_RATIOS = {".xls": 1, ".parquet": 3, ".pq": 3, ".parq": 3}


def _text_bytes(ext: str, size: int) -> int:
    """About how much text a file of ``size`` bytes holds."""
    ext = ext.lower()
    if ext in SHEET_EXTS:
        return size * _RATIOS.get(ext, SHEET_RATIO)
    return size * _RATIOS.get(ext, 1)


def _piece_count(source: Source) -> int:
    """About how many pieces :func:`_pieces` makes of a source (the progress unit): a
    JSON Lines or tagged file is cut in pieces, the records of others are grouped
    (:func:`_grouped`)."""
    ext = source.ext.lower()
    size = _text_bytes(ext, source.size)
    # a compressed file without an extension is told from what it holds when read
    if ext in {*_SPLIT_EXTS, ""} and size > PIECE_BYTES:
        cut = not ext or ext in JSONL_EXTS | MARKUP_EXTS
        return -(-size // (PIECE_BYTES if cut else PIECE_BYTES // GROUPS_A_PIECE))
    return 1


def _splits(loaded: _Loaded) -> bool:
    """Whether :func:`_pieces` cuts the file (a record file larger than a piece)."""
    ext = loaded.ext.lower()
    return ext in _SPLIT_EXTS and _text_bytes(ext, len(loaded.data)) > PIECE_BYTES


def _pieces(
    loaded: _Loaded, fields: FieldMapping
) -> Iterator[_Loaded | _Records | tuple[str, str]]:
    """A large JSON Lines or tagged file in pieces (:func:`_cut`), a large CSV or JSON
    file in groups of records, any other file as it is."""
    ext = loaded.ext.lower()
    if not _splits(loaded):
        yield loaded
    elif ext in MARKUP_EXTS or ext in JSONL_EXTS:
        yield from _cut(io.BytesIO(loaded.data), dataclasses.replace(loaded, data=b""), fields)
    else:
        yield from _record_groups(loaded, fields)


def _streamed(source: Source) -> bool:
    """Whether a file is read a piece at a time: a JSON Lines, JSON, CSV, tagged or
    columnar file holding more than a piece that can be read without reading it whole."""
    return (
        source.open is not None
        and _text_bytes(source.ext, source.size) > PIECE_BYTES
        and source.ext.lower() in STREAMED_EXTS
    )


def _streamed_pieces(
    source: Source, fields: FieldMapping
) -> Iterator[_Loaded | _Records | tuple[str, str]]:
    """:func:`_cut` of a file read as it goes; a JSON file's records in groups as they
    are read (or, when its records are not found at its start, the file read whole); a
    CSV file's rows in groups, read from disk twice (its encoding is judged over all of
    it first); a Parquet or Arrow file's rows in groups, its pages read from disk as
    they are needed."""
    assert source.open is not None
    opener = source.open
    base = _Loaded(source.name, source.ext, b"", source.meta, place=source.place)
    try:
        if source.ext.lower() in CSV_EXTS | COLUMNAR_EXTS:
            notes: list[str] = []
            table = source.ext.lower() in COLUMNAR_EXTS

            def rows() -> Iterator[tuple[int | str, Any]]:  # its problems arise as it is read
                if table:
                    yield from table_records(opener, fields, notes)
                else:
                    yield from csv_records(source.name, opener, fields, notes=notes)

            yield from _grouped(base, rows(), notes, COLUMN)
            return
        with opener() as stream:
            if source.ext.lower() not in JSON_EXTS:
                yield from _cut(stream, base, fields)
                return
            head, records = streamed_records(stream, fields)
            if records is None:
                yield from _pieces(dataclasses.replace(base, data=head + stream.read()), fields)
            else:
                yield from _grouped(base, records)
    except OSError as exc:  # opening, reading the start, or closing it
        yield source.name, _cannot_read(exc)


#: how much of a large tagged file is read to learn the tag of its records
_MARKUP_SAMPLE = 1_000_000


def _cut(
    stream: BinaryIO, base: _Loaded, fields: FieldMapping
) -> Iterator[_Loaded | tuple[str, str]]:
    """A JSON Lines or tagged file read from ``stream`` in pieces of about
    ``PIECE_BYTES``, never held whole: JSON Lines cut after a line end (a record is one
    line, so each stays whole), tagged text after the closing tag of a record (learnt
    from the file's first records), each piece knowing the number in the file of its
    first line or record. UTF-16, and a tagged file whose records are not found, are
    left whole. A read that fails ends the file with its problem, after what was read."""
    pending: _Loaded | None = None
    # a bytearray: a record longer than a piece is read onto it, not copied again
    buf = bytearray()

    def ended(size: int) -> bool:
        """Read up to ``size`` bytes onto the buffer; only an empty read ends the file."""
        more = stream.read(size)
        buf.extend(more)
        return not more

    try:
        markup = base.ext.lower() in MARKUP_EXTS
        first = max(2 * PIECE_BYTES, _MARKUP_SAMPLE if markup else 0)
        eof = False
        while not eof and len(buf) < first:
            eof = ended(first - len(buf))
        closing = opening = None
        if markup:
            sample = bytes(buf[:_MARKUP_SAMPLE]).decode("utf-8", "ignore")  # tags: ASCII/UTF-8
            tag = markup_records(sample, fields).record_tag
            if tag is not None:
                name = tag.encode("utf-8")
                closing = b"</" + name + b">"
                opening = re.compile(rb"<" + re.escape(name) + rb"[\s>/]")
        if b"\x00" in buf[:4096] or (opening is None and markup):
            yield dataclasses.replace(base, data=bytes(buf) + stream.read())
            return
        marker = closing or b"\n"
        number = 1
        searched = PIECE_BYTES  # where the search for the end of the piece goes on from
        while buf or not eof:
            if not eof and len(buf) < 2 * PIECE_BYTES:  # a piece and what follows in hand
                eof = ended(PIECE_BYTES)
                continue
            if closing is None:
                cut = buf.find(b"\n", searched)
            else:
                cut = _record_end(buf, closing, 0, searched)
            if cut == -1 and not eof:  # a record longer than a piece: read on, twice as
                # much each time (the buffer is then copied a few times, not once a piece)
                searched = max(PIECE_BYTES, len(buf) - len(marker) + 1)
                eof = ended(max(PIECE_BYTES, len(buf)))
                continue
            end = len(buf) if cut == -1 else cut + len(marker)
            with memoryview(buf) as view:
                piece = bytes(view[:end])  # copied once
            del buf[:end]
            searched = PIECE_BYTES
            if pending is not None and opening and opening.search(piece) is None:
                # no record opens in it (what follows the last record, a stray closing
                # tag): it goes with the piece before
                pending = dataclasses.replace(pending, data=pending.data + piece)
                continue
            if pending is not None:
                yield pending
            pending = dataclasses.replace(base, data=piece, first=number)
            number += len(opening.findall(piece)) if opening else piece.count(b"\n")
    except OSError as exc:
        if pending is not None:
            yield pending
        yield base.name, _cannot_read(exc)
        return
    if pending is not None:
        yield pending


def _record_end(data: bytes | bytearray, closing: bytes, start: int, at: int) -> int:
    """Where the first closing tag of a record at or after ``at`` is, outside comments
    and CDATA sections (which may hold one as text), or -1; ``start``: where the piece
    begins, outside any."""
    while (cut := data.find(closing, at)) != -1:
        for opener, closer in ((b"<!--", b"-->"), (b"<![CDATA[", b"]]>")):
            if data.rfind(opener, start, cut) > data.rfind(closer, start, cut):  # inside
                at = data.find(closer, cut)
                break
        else:
            return cut
        if at == -1:
            return -1
    return -1


def _pool(sources: list[Source]) -> AbstractContextManager[ProcessPoolExecutor | None]:
    """Worker processes for a large import (starting them costs about a second), or
    None (:func:`~desktop.workers.worker_pool`)."""
    workers = worker_count()
    units = sum(_piece_count(s) for s in sources)
    if (
        workers < 2
        or units < 2
        or sum(_text_bytes(s.ext, s.size) for s in sources) < PARALLEL_BYTES
    ):
        return nullcontext()
    return worker_pool(workers)


def _record_groups(loaded: _Loaded, fields: FieldMapping) -> Iterator[_Records | tuple[str, str]]:
    """The records of a large CSV, JSON or spreadsheet file in groups (:func:`_grouped`)."""
    ext = loaded.ext.lower()
    notes: list[str] = []

    def records() -> Iterator[tuple[int | str, Any]]:  # its problems arise as it is read
        if ext in CSV_EXTS:
            yield from csv_records(loaded.name, loaded.data, fields, notes=notes)
        elif ext in SHEET_EXTS:
            yield from sheet_records(loaded.data, fields, notes, ext)
        elif ext in COLUMNAR_EXTS:
            yield from table_records(loaded.data, fields, notes)
        else:
            yield from enumerate(json_records(loaded.data, fields), 1)

    tables = CSV_EXTS | SHEET_EXTS | COLUMNAR_EXTS
    yield from _grouped(loaded, records(), notes, COLUMN if ext in tables else FIELD)


def _cannot_read(exc: OSError) -> str:
    return f"cannot read: {exc.strerror or exc}"


def _text_size(value: Any) -> int:
    """How many characters of text a record holds, in nested objects too (a search
    engine's ``_source``, WordPress's ``{"rendered": …}``)."""
    if isinstance(value, str):
        return len(value)
    if isinstance(value, Mapping):
        return sum(_text_size(v) for v in value.values())
    if isinstance(value, list):
        return sum(_text_size(v) for v in value)
    return 0


def _grouped(
    loaded: _Loaded,
    records: Iterator[tuple[int | str, Any]],
    notes: list[str] | None = None,
    kind: str = FIELD,
) -> Iterator[_Records | tuple[str, str]]:
    """Numbered records in groups of about a share of ``PIECE_BYTES`` of text
    (:data:`GROUPS_A_PIECE`); a problem that ends
    them (:class:`UnreadableFileError`, or an error reading a file read as it goes) is
    the last thing yielded, after the records before it. ``notes``: what the report says
    of the file, filled as its records are read; the next group carries them. ``kind``:
    what the records' fields are called."""
    pending = notes if notes is not None else []
    group: list[tuple[int | str, Any]] = []
    size = 0

    def made() -> _Records:
        said = tuple((loaded.name, note) for note in pending)
        pending.clear()
        return _Records(loaded.name, loaded.meta, group, loaded.place, said, kind)

    read = 0
    limit = PIECE_BYTES // GROUPS_A_PIECE
    try:
        for number, record in records:
            group.append((number, record))
            read += 1
            size += 2 * _text_size(record)  # Arabic takes two bytes a character
            if size >= limit:
                yield made()
                group, size = [], 0
    except (UnreadableFileError, OSError) as exc:
        if group or pending:
            yield made()
        why = str(exc) if isinstance(exc, UnreadableFileError) else _cannot_read(exc)
        if read:  # a large file is written a group at a time: what came before is kept
            why += (
                f" (the {read:,} {'rows' if kind == COLUMN else 'records'} before it are imported)"
            )
        yield loaded.name, why
        return
    if group or pending:
        yield made()


def _units(
    sources: list[Source], fields: FieldMapping
) -> Iterator[tuple[int, bool, _Loaded | _Records | _Group | tuple[str, str]]]:
    """(number of the unit's first source, whether its last source ends with it, the
    unit or the problem reading it): a group of small files, a file, or each piece of a
    large record file. Read lazily."""
    group: list[_Loaded] = []
    size = first = 0
    for number, source in enumerate(sources):
        streamed = _streamed(source)
        loaded = None if streamed else _load(source)
        # judged by what was read: a compressed file's size is known only then
        small = isinstance(loaded, _Loaded) and not _splits(loaded)
        if group and (not small or size >= GROUP_BYTES or len(group) >= GROUP_FILES):
            yield first, True, _Group(group)
            group, size = [], 0
        if isinstance(loaded, _Loaded) and small:  # small files travel together
            if not group:
                first = number
            group.append(loaded)
            size += len(loaded.data)
            continue
        if group:  # a file that could not be read comes after the files before it
            yield first, True, _Group(group)
            group, size = [], 0
        pieces: Iterator[_Loaded | _Records | tuple[str, str]]
        if streamed:
            pieces = _streamed_pieces(source, fields)
        elif isinstance(loaded, _Loaded):
            pieces = _pieces(loaded, fields)
        else:
            assert loaded is not None
            yield number, True, loaded
            continue
        current = next(pieces, None)
        if current is None:  # a large JSON or CSV file without a record
            current = _Records(source.name, source.meta, [], source.place)
        for following in pieces:
            yield number, False, current
            current = following
        yield number, True, current
    if group:
        yield first, True, _Group(group)


def _prepared_in_order(
    sources: list[Source],
    fields: FieldMapping,
    outlets: OutletDirectory,
    options: ImportOptions,
    pool: ProcessPoolExecutor | None,
) -> Iterator[tuple[int, bool, _Prepared]]:
    """Each file's or piece's drafts and problems, in order, with its source's number and
    whether it ends the source; with a pool, a few units ahead are read and handed to
    the workers (memory stays bounded by that window)."""
    ahead: deque[tuple[int, bool, Future[list[_Prepared]] | list[_Prepared]]] = deque()
    window = 2 * worker_count() if pool is not None else 1
    todo = _units(sources, fields)

    def feed() -> None:
        unit = next(todo, None)
        if unit is None:
            return
        first, last, loaded = unit
        if isinstance(loaded, tuple):
            ahead.append((first, last, [([], [loaded], [], [])]))
        elif pool is None:
            ahead.append((first, last, _prepare_unit(loaded, fields, outlets, options)))
        else:
            ahead.append((first, last, pool.submit(_prepare_in_worker, (loaded, options))))

    for _ in range(window):
        feed()
    while ahead:
        first, last, item = ahead.popleft()
        feed()
        parts = item.result() if isinstance(item, Future) else item
        for i, part in enumerate(parts):  # a group's files are whole: each ends its source
            yield first + i, last, part


#: how many of the dates that could not be read the report quotes, per file and field
UNDATED_EXAMPLES = 2
#: and how much of each
UNDATED_EXAMPLE_CHARS = 40


class _UndatedTally:
    """The articles stored without the date they gave, which could not be read, counted
    per file and field, with the first few values as examples."""

    def __init__(self) -> None:
        self._seen: dict[tuple[str, str], tuple[int, list[str]]] = {}

    def add(self, file: str, where: str, raw: str) -> None:
        count, examples = self._seen.get((file, where), (0, []))
        value = " ".join(raw.split())
        if len(value) > UNDATED_EXAMPLE_CHARS:
            value = value[: UNDATED_EXAMPLE_CHARS - 1] + "…"
        if len(examples) < UNDATED_EXAMPLES and value not in examples:
            examples.append(value)
        self._seen[(file, where)] = (count + 1, examples)

    def notes(self) -> list[tuple[str, str]]:
        """(file, note) of each file and field, in the order met."""
        return [
            (file, undated_note(count, where, examples))
            for (file, where), (count, examples) in self._seen.items()
        ]


def undated_note(count: int, where: str, examples: list[str]) -> str:
    """«5 dates in column "date" could not be read and were left empty (e.g.
    "31/02/2017", "منذ 3 ساعات")»."""
    quoted = ", ".join(f'"{e}"' for e in examples)
    if count == 1:
        return f"1 date in {where} could not be read and was left empty ({quoted})"
    more = "e.g. " if count > len(examples) else ""
    return f"{count} dates in {where} could not be read and were left empty ({more}{quoted})"


@fewer_collections()
@exclusive("import")
@temporary_files()
def import_paths(
    store: Store,
    paths: list[Path],
    options: ImportOptions | None = None,
    progress: Progress | None = None,
    cancel: CancelToken | None = None,
) -> ImportReport:
    """Import files, folders and zip archives; see the module docstring."""
    options = options or ImportOptions()
    progress = progress or NullProgress()
    fields = FieldMapping(options.fields)
    outlets = OutletDirectory.default()
    report = ImportReport()
    began = time.perf_counter()

    def converting(label: str) -> None:  # a RAR or 7z archive, before its files are known
        progress.start(0, UNPACKING)
        progress.advance(0, label)

    watch = ArchiveWatch(converting, lambda: cancel is not None and cancel.cancelled)
    try:
        with watching_archives(watch):
            sources = list(iter_sources(paths, report.skipped))
    except ConversionCancelledError:  # nothing was written
        report.cancelled = True
        progress.finish()
        report.seconds = time.perf_counter() - began
        return report
    report.files = len(sources)
    # a unit of progress is a file, or a piece of a large one
    expected = [_piece_count(source) for source in sources]
    progress.start(sum(expected), "Importing")
    pending: list[DocumentDraft] = []
    #: the pending drafts whose date could not be read, by their place among them
    pending_undated: dict[int, tuple[str, str, str]] = {}
    undated = _UndatedTally()

    def flush() -> None:
        for i, (draft, (status, doc_id, filled)) in enumerate(
            zip(pending, store.add_documents(pending), strict=True)
        ):
            target = report.imported if status == "imported" else report.duplicates
            target.append((draft.source_path, doc_id))
            if filled:
                report.filled.append((draft.source_path, doc_id, filled))
            if status == "imported" and i in pending_undated:  # stored without its date
                undated.add(*pending_undated[i])
        pending.clear()
        pending_undated.clear()

    try:
        with _pool(sources) as pool:
            done = advanced = 0  # units of the current source so far, progress made for it
            for number, last, (drafts, problems, notes, unread) in _prepared_in_order(
                sources, fields, outlets, options, pool
            ):
                if cancel is not None and cancel.cancelled:
                    report.cancelled = True
                    break
                report.skipped.extend(problems)
                report.notes.extend(notes)
                for at, file, where, raw in unread:
                    pending_undated[len(pending) + at] = (file, where, raw)
                pending += drafts
                done += 1
                if len(pending) >= WRITE_BATCH:  # between files, or after a piece of a large one
                    flush()
                # the pieces were counted ahead from the size: the last one settles the count
                step = expected[number] - advanced if last else int(done < expected[number])
                progress.advance(step, sources[number].name)
                advanced += step
                if last:
                    done = advanced = 0
            flush()
        report.notes.extend(undated.notes())
    finally:
        progress.finish()
        report.seconds = time.perf_counter() - began
    return report
