"""Import: files → article records → prepared documents → the store.

Files are written whole, several to a transaction (up to ``WRITE_BATCH`` documents): a
file goes in whole or not at all, and an interrupted import leaves a consistent
database; the next run skips what is already there (recognised by content) and carries
on.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
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


#: a word of the normalised text (which has no diacritics left to break words)
_WORD_RE = re.compile(r"[^\W_]+")
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
        word_count=len(_WORD_RE.findall(norm_text)),  # diacritics are gone there
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


def _read(source: Source, fields: FieldMapping) -> tuple[list[RawArticle], list[tuple[str, str]]]:
    reader = reader_for(source.ext)
    if reader is None:
        return [], [(source.name, f"unsupported file type '{source.ext}'")]
    try:
        data = source.load()
    except OSError as exc:
        return [], [(source.name, f"cannot read: {exc.strerror or exc}")]
    try:
        result = reader(source.name, data, fields)
    except UnreadableFileError as exc:
        return [], [(source.name, str(exc))]
    articles = result.articles
    if source.meta:
        articles = [with_metadata(a, source.meta) for a in articles]
    return articles, result.problems


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

    try:
        for source in sources:
            if cancel is not None and cancel.cancelled:
                report.cancelled = True
                break
            articles, problems = _read(source, fields)
            report.skipped.extend(problems)
            pending += (prepare(a, outlets, options) for a in articles)
            if len(pending) >= WRITE_BATCH:
                flush()
            progress.advance(1, source.name)
        flush()
    finally:
        progress.finish()
        report.seconds = time.perf_counter() - began
    return report
