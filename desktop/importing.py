"""Import: files → article records → prepared documents → the store.

Files are written whole, several to a transaction (up to ``WRITE_BATCH`` documents): a
file goes in whole or not at all, and an interrupted import leaves a consistent
database; the next run skips what is already there (recognised by content) and carries
on.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import multiprocessing as mp
import re
import time
from collections import deque
from collections.abc import Iterator, Mapping
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from desktop.corpus.fields import FieldMapping
from desktop.corpus.outlets import OutletDirectory
from desktop.corpus.readers import RawArticle, UnreadableFileError, reader_for, with_metadata
from desktop.corpus.sources import Source, iter_sources
from desktop.progress import CancelToken, NullProgress, Progress
from desktop.store.store import DocumentDraft, Store
from desktop.text.dates import parse_date
from desktop.text.normalize import fingerprint_text, normalize
from desktop.text.paragraphs import repeated_among
from desktop.text.sentences import paragraph_spans, sentence_spans
from desktop.text.tokens import NORM_WORD_RE
from desktop.workers import worker_count

TITLE_MAX = 120
#: whole files are written together until a transaction holds this many documents
WRITE_BATCH = 500


@dataclass
class ImportReport:
    imported: list[tuple[str, int]] = field(default_factory=list)
    duplicates: list[tuple[str, int]] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)
    files: int = 0
    cancelled: bool = False
    seconds: float = 0.0

    def as_dict(self) -> dict[str, object]:
        return {
            "imported": len(self.imported),
            "duplicates": len(self.duplicates),
            "skipped": [{"source": s, "reason": r} for s, r in self.skipped],
            "files": self.files,
            "cancelled": self.cancelled,
            "seconds": round(self.seconds, 3),
            "documents": [{"id": i, "source": s} for s, i in self.imported],
            "duplicate_of": [{"source": s, "id": i} for s, i in self.duplicates],
        }


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


def prepare(raw: RawArticle, outlets: OutletDirectory, options: ImportOptions) -> DocumentDraft:
    """A record made ready for the store: outlet, date, title, structure, fingerprint."""
    text = raw.text.strip("\n")
    outlet_name = outlet_ar = outlet_key = None
    if options.outlet:
        outlet_name, outlet_ar, outlet_key = outlets.canonical(options.outlet)
    elif raw.outlet:
        outlet_name, outlet_ar, outlet_key = outlets.canonical(raw.outlet)
    else:
        sig = (outlets.by_url(raw.url) if raw.url else None) or outlets.by_text(text)
        if sig:
            outlet_name, outlet_ar, outlet_key = sig.name, sig.name_ar, sig.key
        elif raw.url:
            outlet_name = host_of(raw.url)  # an unknown site is named by its web address
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
    sentences = [
        (i, a, b) for i, (ps, pe) in enumerate(paras) for a, b in sentence_spans(text, ps, pe)
    ]
    return DocumentDraft(
        text=text,
        title=raw.title or derive_title(text, outlets),
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
    )


@dataclass(frozen=True)
class _Loaded:
    """A file's bytes, read in this process, with what parsing them needs (picklable)."""

    name: str
    ext: str
    data: bytes
    meta: Mapping[str, Any] | None


def _load(source: Source) -> _Loaded | tuple[str, str]:
    """The file's bytes, or (name, problem)."""
    if reader_for(source.ext) is None:
        return source.name, f"unsupported file type '{source.ext}'"
    try:
        return _Loaded(source.name, source.ext, source.load(), source.meta)
    except OSError as exc:
        return source.name, f"cannot read: {exc.strerror or exc}"


_Prepared = tuple[list[DocumentDraft], list[tuple[str, str]]]


def _prepare(
    loaded: _Loaded, fields: FieldMapping, outlets: OutletDirectory, options: ImportOptions
) -> _Prepared:
    """Parse a file's records and prepare each article (drafts, problems)."""
    reader = reader_for(loaded.ext)
    assert reader is not None
    try:
        result = reader(loaded.name, loaded.data, fields)
    except UnreadableFileError as exc:
        return [], [(loaded.name, str(exc))]
    articles = result.articles
    if loaded.meta:
        articles = [with_metadata(a, loaded.meta) for a in articles]
    return [prepare(a, outlets, options) for a in articles], result.problems


def _prepare_in_worker(job: tuple[_Loaded, ImportOptions]) -> _Prepared:
    loaded, options = job
    return _prepare(loaded, FieldMapping(options.fields), OutletDirectory.default(), options)


#: imports of at least this many bytes are parsed and prepared in worker processes
PARALLEL_BYTES = 16_000_000


def _pool(sources: list[Source]) -> ProcessPoolExecutor | None:
    """Worker processes for a large import (starting them costs about a second)."""
    workers = worker_count()
    if workers < 2 or len(sources) < 2 or sum(s.size for s in sources) < PARALLEL_BYTES:
        return None
    return ProcessPoolExecutor(max_workers=workers, mp_context=mp.get_context("spawn"))


def _prepared_in_order(
    sources: list[Source],
    fields: FieldMapping,
    outlets: OutletDirectory,
    options: ImportOptions,
    pool: ProcessPoolExecutor | None,
) -> Iterator[_Prepared]:
    """Each source's drafts and problems, in order; with a pool, a few files ahead are
    read and handed to the workers (memory stays bounded by that window)."""
    ahead: deque[Future[_Prepared] | _Prepared] = deque()
    window = 2 * worker_count() if pool is not None else 1
    todo = iter(sources)

    def feed() -> None:
        source = next(todo, None)
        if source is None:
            return
        loaded = _load(source)
        if not isinstance(loaded, _Loaded):
            ahead.append(([], [loaded]))
        elif pool is None:
            ahead.append(_prepare(loaded, fields, outlets, options))
        else:
            ahead.append(pool.submit(_prepare_in_worker, (loaded, options)))

    for _ in range(window):
        feed()
    while ahead:
        item = ahead.popleft()
        feed()
        yield item.result() if isinstance(item, Future) else item


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
    sources = list(iter_sources(paths, report.skipped))
    report.files = len(sources)
    progress.start(len(sources), "Importing")
    pending: list[DocumentDraft] = []

    def flush() -> None:
        for draft, (status, doc_id) in zip(pending, store.add_documents(pending), strict=True):
            target = report.imported if status == "imported" else report.duplicates
            target.append((draft.source_path, doc_id))
        pending.clear()

    pool = _pool(sources)
    try:
        prepared = _prepared_in_order(sources, fields, outlets, options, pool)
        for source in sources:
            if cancel is not None and cancel.cancelled:
                report.cancelled = True
                break
            drafts, problems = next(prepared)
            report.skipped.extend(problems)
            pending += drafts
            if len(pending) >= WRITE_BATCH:
                flush()
            progress.advance(1, source.name)
        flush()
    finally:
        if pool is not None:
            pool.shutdown(cancel_futures=True)
        progress.finish()
        report.seconds = time.perf_counter() - began
    return report
