"""The command line: argument parsing and printing only; the work is in the core."""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import itertools
import json
import os
import signal
import sys
import threading
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any, TextIO

from desktop import __version__, entity_edits
from desktop.analysing import (
    AnalysisReport,
    analyse_documents,
    analyse_left_over,
    unfinished_documents,
)
from desktop.compare.comparison import (
    Comparison,
    compare_documents,
    compare_outlets,
    label_note,
)
from desktop.compare.corpus import coverage, frame, keyness, kwic
from desktop.compare.export import file_encoding, to_csv, to_html, to_json
from desktop.config import default_db_path, named_db_problem, open_problem
from desktop.entity_edits import EditError, EntityRef, resolve_entity
from desktop.importing import ImportOptions, ImportReport, import_paths
from desktop.lexicon.framing import EVENT_TYPES
from desktop.lexicon.gazetteer import ENTITY_TYPES
from desktop.search import search
from desktop.store import sqlite as store_sqlite
from desktop.store.rows import NameHolder
from desktop.store.store import Store, StoreError
from desktop.store.writer import StoreBusyError
from desktop.text.dates import parse_date

EXIT_OK = 0
EXIT_ERROR = 1
EXIT_USAGE = 2
#: the reader of the output went away (as for the shell's own commands: 128 + SIGPIPE)
EXIT_BROKEN_PIPE = 141
#: Ctrl+C (128 + SIGINT, the same way)
EXIT_INTERRUPTED = 130
#: the documents `entity NAME` lists by default, those that mention it most first
ENTITY_DOCUMENTS_LISTED = 50
#: said when Ctrl+C came before a command changed anything
INTERRUPTED_AT_START = "interrupted before it began; nothing was changed"


class UsageError(Exception):
    """Bad arguments: exit status 2."""


class TerminalProgress:
    """A progress bar on standard error (quiet when it is not a terminal)."""

    def __init__(self, stream: TextIO, enabled: bool) -> None:
        self.stream = stream
        self.enabled = enabled
        self._bar: Any = None

    def start(self, total: int, label: str) -> None:
        self.finish()  # the step before's bar («Unpacking» an archive, then «Importing»)
        if self.enabled:
            from tqdm import tqdm

            self._bar = tqdm(
                total=total or None,  # (none known: a count without a bar)
                desc=label,
                unit="file",
                file=self.stream,
                dynamic_ncols=True,
                leave=False,
            )

    def advance(self, step: int = 1, note: str = "") -> None:
        if self._bar is not None:
            self._bar.update(step)

    def finish(self) -> None:
        if self._bar is not None:
            self._bar.close()
            self._bar = None


def _date(value: str) -> dt.date:
    """A date as the import reads one: ISO, «30/05/2019», «30 أيار 2019», «May 30, 2019»."""
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        found = parse_date(value)
        if found is None:
            raise argparse.ArgumentTypeError(
                f"not a date: {value!r} (for example 2019-05-30 or 30/05/2019)"
            ) from None
        return found


def _field(value: str) -> tuple[str, str]:
    key, sep, name = value.partition("=")
    if not sep or not key.strip() or not name.strip():
        raise argparse.ArgumentTypeError(f"expected FIELD=NAME, got {value!r}")
    return key.strip(), name.strip()


def _positive(value: str) -> int:
    try:
        n = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {value!r}") from None
    if n < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return n


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> Any:  # exit 2 with a clear message (argparse's own)
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message}\n")


def build_parser() -> argparse.ArgumentParser:
    common = _Parser(add_help=False)
    common.add_argument("--json", action="store_true", help="machine-readable output")

    p = _Parser(
        prog="tabayun",
        description="Tabayun: read and compare Arabic news coverage. "
        "Without a command, opens the desktop window.",
    )
    p.add_argument("--db", metavar="PATH", help=f"database file (default: {default_db_path()})")
    # also before the command, as --db is (a command's own --json would set it back)
    p.add_argument("--json", dest="json_first", action="store_true", help=argparse.SUPPRESS)
    p.add_argument("--version", action="version", version=f"tabayun {__version__}")
    p.add_argument("--smoke", action="store_true", help="start the window, open every view, exit")
    p.add_argument("--screenshot", metavar="FILE", help="render a view to a PNG and exit")
    p.add_argument(
        "--view", choices=["read", "compare", "actor", "events"], help="view for --screenshot"
    )
    p.add_argument("--doc", help="document for --screenshot (id or file name)")
    p.add_argument("--docs", metavar="A,B", help="two documents for --view compare")
    p.add_argument("--entity", help="entity to select for --screenshot")
    p.add_argument("--lang", choices=["en", "ar"], help="interface language for this run")
    p.add_argument("--theme", choices=["light", "dark"], help="theme for this run")
    sub = p.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    imp = sub.add_parser(
        "import",
        parents=[common],
        help=(
            "import files (text, HTML, Word, JSON, CSV, Excel, OpenDocument, Parquet, Arrow, "
            "XML/SGML), "
            "folders, zip, tar, RAR and 7z archives, gzip, bzip2 and xz files"
        ),
        description=(
            "Import and analyse. Unreadable files are reported and skipped; exits with "
            "status 1 when a PATH does not exist or not one article could be read."
        ),
    )
    imp.add_argument("paths", nargs="+", type=Path, metavar="PATH")
    imp.add_argument("--outlet", help="set this outlet on every imported article")
    imp.add_argument(
        "--field",
        action="append",
        type=_field,
        default=[],
        metavar="FIELD=NAME",
        help=(
            "read FIELD (title, text, outlet, date, url, author, id) from column NAME; a "
            "dotted NAME reads it inside nested records (date=meta.pub: a JSON object's "
            "or a Parquet struct column's «pub»)"
        ),
    )
    imp.add_argument("--no-progress", action="store_true", help="no progress bar")

    docs = sub.add_parser("docs", parents=[common], help="list documents")
    docs.add_argument("--outlet")
    docs.add_argument("--from", dest="date_from", type=_date, metavar="DATE")
    docs.add_argument("--to", dest="date_to", type=_date, metavar="DATE")

    show = sub.add_parser("show", parents=[common], help="print one document")
    show.add_argument("doc", metavar="DOC", help="numeric id or file name")

    se = sub.add_parser("search", parents=[common], help="full-text search")
    se.add_argument("query")
    se.add_argument("--outlet")
    se.add_argument("--from", dest="date_from", type=_date, metavar="DATE")
    se.add_argument("--to", dest="date_to", type=_date, metavar="DATE")
    se.add_argument("--limit", type=_positive, default=20)

    an = sub.add_parser(
        "analyse", parents=[common], help="analyse the whole store again (after a lexicon change)"
    )
    an.add_argument("--no-progress", action="store_true", help="no progress bar")

    ents = sub.add_parser("entities", parents=[common], help="list entities")
    ents.add_argument("--type", choices=ENTITY_TYPES)
    ents.add_argument("--outlet")
    ents.add_argument("--min-docs", type=_positive, default=1)
    ents.add_argument("--limit", type=_positive)
    ents.add_argument("--ignored", action="store_true", help="list the entities you ignore instead")

    ent = sub.add_parser(
        "entity",
        parents=[common],
        help="show an entity, or edit: merge A B | split E ALIAS | rename E NAME | "
        "type E TYPE | alias-add E ALIAS | ignore E | unignore E | confirm E | undo",
    )
    ent.add_argument("words", nargs="+", metavar="NAME_OR_ID | ACTION ARGS")
    ent.add_argument(
        "--limit",
        type=_positive,
        default=ENTITY_DOCUMENTS_LISTED,
        help=f"documents listed (default {ENTITY_DOCUMENTS_LISTED}; JSON lists all)",
    )
    ent.add_argument(
        "--yes",
        action="store_true",
        help="rename: give the name even when it is another actor's alias",
    )

    lexi = sub.add_parser("lexicon", help="share the user lexicon (gazetteer format)")
    lexi_sub = lexi.add_subparsers(
        dest="lexicon_command", metavar="ACTION", parser_class=_Parser, required=True
    )
    lx = lexi_sub.add_parser("export", parents=[common], help="write the user lexicon to FILE")
    lx.add_argument("file", type=Path)
    li = lexi_sub.add_parser("import", parents=[common], help="add the entries of FILE")
    li.add_argument("file", type=Path)

    cmp_ = sub.add_parser(
        "compare", parents=[common], help="compare two documents (or --outlets X Y)"
    )
    cmp_.add_argument("a", metavar="A")
    cmp_.add_argument("b", metavar="B")
    cmp_.add_argument("--outlets", action="store_true", help="A and B are outlets")

    fr = sub.add_parser("frame", parents=[common], help="how each outlet frames an actor")
    fr.add_argument("entity", metavar="ENTITY")
    fr.add_argument("--by", choices=["outlet"], default="outlet")

    qu = sub.add_parser("quotes", parents=[common], help="quotations and reported speech")
    qu.add_argument("--speaker", metavar="ENTITY")
    qu.add_argument("--outlet")
    qu.add_argument("--kind", choices=["direct", "partial", "indirect"])
    qu.add_argument(
        "--doc", action="append", metavar="DOC", help="only in this document (repeatable)"
    )
    qu.add_argument("--from", dest="date_from", type=_date, metavar="DATE", help="article date")
    qu.add_argument("--to", dest="date_to", type=_date, metavar="DATE", help="article date")
    qu.add_argument("--limit", type=_positive, help="at most this many")

    ev = sub.add_parser("events", parents=[common], help="events with participants, place, date")
    ev.add_argument("--type", choices=EVENT_TYPES)
    ev.add_argument("--actor", metavar="ENTITY", help="only events this actor takes part in")
    ev.add_argument("--place", metavar="ENTITY", help="only events in this place")
    ev.add_argument("--outlet")
    ev.add_argument(
        "--doc", action="append", metavar="DOC", help="only in this document (repeatable)"
    )
    ev.add_argument(
        "--from",
        dest="date_from",
        type=_date,
        metavar="DATE",
        help="the event's date, or its article's when it has none",
    )
    ev.add_argument("--to", dest="date_to", type=_date, metavar="DATE")
    ev.add_argument(
        "--told",
        choices=list(TOLD),
        help="only events the text tells as done, denies, asks for (or fears), or plans",
    )
    ev.add_argument("--limit", type=_positive, help="at most this many")

    kw = sub.add_parser("kwic", parents=[common], help="concordance lines for a term")
    kw.add_argument("term")
    kw.add_argument("--width", type=_positive, default=40)
    kw.add_argument("--limit", type=_positive, default=200)

    ke = sub.add_parser(
        "keyness", parents=[common], help="terms distinctive of one outlet against another"
    )
    ke.add_argument("outlet_a", metavar="OUTLET_A")
    ke.add_argument("outlet_b", metavar="OUTLET_B")
    ke.add_argument("--top", type=_positive, default=30)

    ex = sub.add_parser("export", help="export a comparison")
    ex_sub = ex.add_subparsers(
        dest="export_what", metavar="WHAT", parser_class=_Parser, required=True
    )
    exc = ex_sub.add_parser("comparison", help="two documents (or --outlets X Y)")
    exc.add_argument("a", metavar="A")
    exc.add_argument("b", metavar="B")
    exc.add_argument("--outlets", action="store_true")
    exc.add_argument("--format", choices=["html", "pdf", "json", "csv"], required=True)
    exc.add_argument("--output", "-o", type=Path, help="file to write (default: standard output)")

    sub.add_parser("outlets", parents=[common], help="list outlets")
    outlet = sub.add_parser("outlet", help="edit outlets")
    outlet_sub = outlet.add_subparsers(
        dest="outlet_command", metavar="ACTION", parser_class=_Parser, required=True
    )
    ren = outlet_sub.add_parser("rename", parents=[common], help="rename (or merge into) an outlet")
    ren.add_argument("old")
    ren.add_argument("new")

    doc = sub.add_parser("doc", help="edit a document's metadata, or remove documents")
    doc_sub = doc.add_subparsers(
        dest="doc_command", metavar="ACTION", parser_class=_Parser, required=True
    )
    dset = doc_sub.add_parser("set", parents=[common], help="set outlet, date or title")
    dset.add_argument("doc", metavar="DOC")
    dset.add_argument("--outlet")
    dset.add_argument("--date", type=_date)
    dset.add_argument("--title")
    ddel = doc_sub.add_parser(
        "delete", parents=[common], help="remove documents from the corpus (one or more)"
    )
    ddel.add_argument("docs", nargs="+", metavar="DOC", help="numeric id or file name")
    return p


# ---- output helpers ---------------------------------------------------------------------
def _count(n: int, word: str, plural: str | None = None) -> str:
    """«1 document», «2 documents»."""
    return f"{n} {word if n == 1 else plural or word + 's'}"


def _emit_json(out: TextIO, data: object) -> None:
    json.dump(data, out, ensure_ascii=False, indent=2)
    out.write("\n")


#: how many duplicates an import's summary names
DUPLICATES_LISTED = 10


def _print_import(out: TextIO, report: ImportReport) -> None:
    state = " (cancelled)" if report.cancelled else ""
    out.write(
        f"Imported {len(report.imported)}, duplicates {len(report.duplicates)}, "
        f"skipped {len(report.skipped)} — {_count(report.files, 'file')} read in "
        f"{report.seconds:.1f} s{state}\n"
    )
    for source, reason in report.skipped:
        out.write(f"  skipped {source}: {reason}\n")
    for source, note in report.notes:
        out.write(f"  note {source}: {note}\n")
    # a folder imported again is all duplicates: the first few say what they were
    for source, doc_id in report.duplicates[:DUPLICATES_LISTED]:
        out.write(f"  duplicate {source}: the same text as document {doc_id}, same outlet\n")
    if len(report.duplicates) > DUPLICATES_LISTED:
        more = len(report.duplicates) - DUPLICATES_LISTED
        out.write(f"  … and {_count(more, 'more duplicate')} (--json lists them all)\n")
    said = report.filled_said()
    if said:
        out.write(f"  {said}\n")


# ---- commands ---------------------------------------------------------------------------
def cmd_import(store: Store, a: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    progress = TerminalProgress(err, enabled=not a.no_progress and err.isatty())
    try:
        options = ImportOptions(outlet=a.outlet, fields=dict(a.field))
        from desktop.corpus.fields import FieldMapping

        FieldMapping(options.fields)
    except ValueError as exc:
        raise UsageError(str(exc)) from exc
    before: int | None = None  # the last document stored before this import
    try:
        with store.writing("import"):  # no other job between the import and its analysis
            before = store.last_document_id()
            # what an import interrupted before left unanalysed, as it stands before this one
            left = store.documents_never_analysed()
            report = import_paths(store, a.paths, options, progress)
            if not a.json:  # said before the analysis starts: a large one takes a while
                _print_import(out, report)
                out.flush()
            # with the stored articles it gave a date: «أمس» is read against it
            ids = sorted({*left, *(doc_id for _source, doc_id in report.imported)})
            ids = sorted({*ids, *report.redated})
            # with what an entity edit stopped halfway left, first
            ids += store.documents_left_by_edits()
            if ids or unfinished_documents(store) is not None:  # (an analysis ended halfway)
                analysis = analyse_left_over(store, ids, progress=progress)
            else:
                analysis = AnalysisReport()
    except KeyboardInterrupt:
        with _no_second_interrupt():
            err.write(f"tabayun: {_interrupted_import(store, before)}\n")
        return EXIT_INTERRUPTED
    if a.json:
        data = report.as_dict()
        data["analysis"] = analysis.as_dict()
        _emit_json(out, data)
    else:
        if ids or analysis.documents:
            out.write(
                f"Analysed {_count(analysis.documents, 'document')}: "
                f"{_count(analysis.mentions, 'mention')} "
                f"in {analysis.seconds:.1f} s\n"
            )
        if analysis.failures_said():
            out.write(f"{analysis.failures_said()}\n")
    return EXIT_ERROR if _import_failed(a.paths, report) else EXIT_OK


def _interrupted_import(store: Store, before: int | None) -> str:
    """What an import stopped by Ctrl+C leaves, as the database has it: the documents are
    written several files at a time, and the ones read but not yet written are not
    stored; the analysis is written a batch at a time."""
    if before is None:
        return INTERRUPTED_AT_START
    store.close()  # counted on a new connection: what was committed, nothing caught halfway
    stored, analysed, waiting = store.import_tally(before, unfinished_documents(store) or ())
    said = f"interrupted: {_many(stored, 'article')} imported and saved"
    if stored:
        said += f", {analysed:,} of them analysed" if analysed < stored else ", all analysed"
    others = stored - analysed
    earlier = max(0, waiting - others)  # never analysed, stored by an import before
    if waiting:
        who = [f"the other {others:,}"] if others else []
        who += [f"{_many(earlier, 'article')} an earlier import left"] if earlier else []
        said += (
            f"; {' and '.join(who)} {'is' if waiting == 1 else 'are'} analysed by the next "
            "`tabayun import` or `tabayun analyse`"
        )
    return said


def _many(n: int, word: str) -> str:
    """«1 article», «1,200 articles»."""
    return f"{n:,} {word if n == 1 else word + 's'}"


@contextlib.contextmanager
def _no_second_interrupt() -> Iterator[None]:
    """Ctrl+C is not heard for a few milliseconds: while one pressed before is answered,
    and while the database is closed, so that the answer is not lost in a traceback.
    Only the main thread sets handlers."""
    previous = signal.getsignal(signal.SIGINT)
    if previous is None or threading.current_thread() is not threading.main_thread():
        yield  # (None: a handler not set from Python, left alone)
        return
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


def _import_failed(paths: list[Path], report: ImportReport) -> bool:
    """A script must be able to tell: a path named that does not exist, or files of
    which not one article could be read (duplicates of stored ones are read). A few
    bad files among good ones are reported, and the import succeeds."""
    nothing_read = not report.imported and not report.duplicates and bool(report.skipped)
    return nothing_read or any(not p.exists() for p in paths)


def cmd_analyse(store: Store, a: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    progress = TerminalProgress(err, enabled=not a.no_progress and err.isatty())
    report = analyse_documents(store, full=True, progress=progress)
    if a.json:
        _emit_json(out, report.as_dict())
    else:
        out.write(
            f"Analysed {_count(report.documents, 'document')}: "
            f"{_count(report.mentions, 'mention')}, "
            f"{_count(report.discovered, 'name')} discovered, in {report.seconds:.1f} s\n"
        )
        if report.failures_said():
            out.write(f"{report.failures_said()}\n")
    return EXIT_OK


def cmd_entities(store: Store, a: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    if a.ignored:
        return _list_ignored(store, a, out)
    if a.outlet is None:
        # the counts kept beside the mentions, not a count of every mention (3.4 s → 0.1 s
        # at 30,000 articles); the outlets of each (every mention of it) for JSON only
        rows = store.entity_summaries(type=a.type, min_docs=a.min_docs)[: a.limit]
        rows = [store.fill_entity_row(r, outlets=a.json) for r in rows]
    else:
        rows = store.entity_rows(
            type=a.type,
            outlet_id=_outlet_filter(store, a.outlet),
            min_docs=a.min_docs,
            limit=a.limit,
            outlets=a.json,
        )
    if a.json:
        _emit_json(out, [r.as_dict() for r in rows])
        return EXIT_OK
    for r in rows:
        flag = "" if r.confirmed else "  (discovered, unconfirmed)"
        out.write(
            f"{r.id:>5}  {r.type:12}  {r.documents:>4} {'doc ' if r.documents == 1 else 'docs'}"
            f" {r.mentions:>5} {'mention ' if r.mentions == 1 else 'mentions'}  "
            f"{r.name}{flag}\n         {' | '.join(r.aliases_seen[:6])}\n"
        )
    out.write(f"{len(rows)} entities\n")
    return EXIT_OK


def _list_ignored(store: Store, a: argparse.Namespace, out: TextIO) -> int:
    """The entities the user ignores (they have no mention to count)."""
    if a.outlet or a.min_docs != 1:
        raise UsageError("--ignored lists entities without mentions: no --outlet or --min-docs")
    ignored = [e for e in entity_edits.ignored_entities(store) if not a.type or e.type == a.type]
    if a.limit:
        ignored = ignored[: a.limit]
    if a.json:
        _emit_json(
            out, [{"id": e.id, "key": e.key, "name": e.name, "type": e.type} for e in ignored]
        )
        return EXIT_OK
    for e in ignored:
        out.write(f"{e.id:>5}  {e.type:12}  {e.name}  (ignored)\n")
    out.write(f"{_count(len(ignored), 'ignored entity', 'ignored entities')}\n")
    return EXIT_OK


#: action → (core edit, arguments it takes, message; {a}/{b} are the arguments, {t} the result)
_ENTITY_ACTIONS: dict[str, tuple[Callable[..., EntityRef] | None, int, str]] = {
    "merge": (entity_edits.merge, 2, "Merged {b} into #{t.id} {t.name}"),
    "split": (entity_edits.split, 2, "Split {b!r} off as #{t.id} {t.name}"),
    "rename": (entity_edits.rename, 2, "Renamed to #{t.id} {t.name}"),
    "type": (entity_edits.retype, 2, "#{t.id} {t.name} is now of type {t.type}"),
    "alias-add": (entity_edits.add_alias, 2, "Added alias {b!r} to #{t.id} {t.name}"),
    "ignore": (entity_edits.ignore, 1, "Ignoring #{t.id} {t.name}"),
    "unignore": (entity_edits.unignore, 1, "No longer ignoring #{t.id} {t.name}"),
    "confirm": (entity_edits.confirm, 1, "Confirmed #{t.id} {t.name}"),
    "undo": (None, 0, ""),
}


def cmd_entity(store: Store, a: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    words = a.words
    action = words[0]
    if action in _ENTITY_ACTIONS:
        args = words[1:]
        if len(args) != _ENTITY_ACTIONS[action][1]:
            raise UsageError(f"entity {action} takes {_ENTITY_ACTIONS[action][1]} argument(s)")
        if action == "type" and args[1] not in ENTITY_TYPES:
            raise UsageError(f"unknown type {args[1]!r}; one of {', '.join(ENTITY_TYPES)}")
        if a.yes and action != "rename":
            raise UsageError("--yes is for 'entity rename' only")
        try:
            result = _entity_action(store, action, args, yes=a.yes)
        except EditError as exc:
            raise StoreError(str(exc)) from exc
        if a.json:
            _emit_json(out, result)
        else:
            out.write(f"{result['message']}\n")
        return EXIT_OK
    if len(words) != 1:
        raise UsageError(f"unknown entity action {action!r}; one of {', '.join(_ENTITY_ACTIONS)}")
    if a.yes:
        raise UsageError("--yes is for 'entity rename' only")
    try:
        ref = resolve_entity(store, words[0])
    except EditError as exc:
        raise StoreError(str(exc)) from exc
    detail = store.entity_detail(ref.id)
    if a.json:
        d = detail.row.as_dict()
        d["aliases"] = [{"alias": s, "mentions": n} for s, n in detail.alias_counts]
        d["documents_list"] = [
            {"id": i, "title": t, "outlet": o, "mentions": n} for i, t, o, n in detail.documents
        ]
        d["mention_list"] = [
            {
                "document": m.document_id,
                "start": m.start,
                "end": m.end,
                "surface": m.surface,
                "kind": m.kind,
                "confidence": round(m.confidence, 2),
                "sentence": m.sentence,
            }
            for m in detail.mentions
        ]
        d["details"] = detail.details
        d["ignored"] = detail.ignored
        _emit_json(out, d)
        return EXIT_OK
    r = detail.row
    state = ", ignored" if detail.ignored else ""
    out.write(
        f"#{r.id} {r.name} ({r.type}, {r.origin}{state}) — {_count(r.documents, 'document')}, "
        f"{_count(r.mentions, 'mention')}\n"
    )
    if detail.ignored:
        out.write(
            f"ignored: its mentions are not counted ('tabayun entity unignore {r.id}' "
            "counts them again)\n"
        )
    out.write("aliases: " + " | ".join(f"{s} ×{n}" for s, n in detail.alias_counts) + "\n")
    for i, t, o, n in detail.documents[: a.limit]:
        out.write(f"  doc {i} [{o or '?'}] ×{n}  {t}\n")
    if len(detail.documents) > a.limit:  # a country is named in nearly every article
        more = len(detail.documents) - a.limit
        word = "document" if more == 1 else "documents"
        out.write(f"  … and {more:,} more {word} (--limit N lists more)\n")
    for m in detail.mentions[:50]:
        out.write(f"    {m.document_id}:{m.start}-{m.end} {m.surface}  «{m.sentence.strip()}»\n")
    return EXIT_OK


#: the edits as the undo message names them (the stored operation stays in ``--json``)
_EDIT_NAMES = {
    "merge": "a merge",
    "split": "a split",
    "rename": "a rename",
    "retype": "a change of type",
    "alias_add": "an alias added",
    "ignore": "an actor ignored",
    "unignore": "an actor brought back",
    "confirm": "a found name confirmed",
    "create": "an actor created",
}


def _entity_action(
    store: Store, action: str, args: list[str], *, yes: bool = False
) -> dict[str, object]:
    """The edit ``action``; ``yes``: a rename to another actor's alias is made (it is
    refused without)."""
    edit, _arity, template = _ENTITY_ACTIONS[action]
    if edit is None:
        op = entity_edits.undo_last(store)
        if op is None:
            return {"undone": None, "message": "Nothing to undo"}
        return {"undone": op, "message": f"Undid the last edit: {_EDIT_NAMES.get(op, op)}"}
    named = args[-1]
    if action == "merge":  # said by its name, not by the id or key it was given as
        source = resolve_entity(store, args[1])
        named = f"#{source.id} {source.name}"
    taken: list[NameHolder] = []
    also: list[NameHolder] = []
    if action == "alias-add":
        taken = _alias_takes(store, args[0], args[1])
    options: dict[str, bool] = {}
    if action == "rename" and yes:
        also = entity_edits.alias_of_others(store, args[0], args[1])
        options["even_if_alias"] = True
    target = edit(store, *args, **options)
    message = template.format(a=args[0], b=named, t=target)
    if taken:
        message += "; it also named " + ", ".join(
            f"#{h.id} {h.name} ({_count(h.written, 'mention')} written so, now #{target.id}'s)"
            for h in taken
        )
    if also:
        message += "; it is also a name of " + ", ".join(
            f"#{h.id} {h.name} ({_count(h.written, 'mention')} written so, still #{h.id}'s)"
            for h in also
        )
    result: dict[str, object] = {
        "id": target.id,
        "key": target.key,
        "name": target.name,
        "type": target.type,
        "message": message,
    }
    if action == "alias-add":
        result["taken_from"] = [{"id": h.id, "name": h.name, "mentions": h.written} for h in taken]
    if action == "rename":
        result["alias_of"] = [{"id": h.id, "name": h.name, "mentions": h.written} for h in also]
    return result


def _alias_takes(store: Store, ref: str, alias: str) -> list[NameHolder]:
    """The actors an alias takes mentions from; refused when it is another actor's name
    (the two are one actor: a merge)."""
    holders = entity_edits.alias_holders(store, ref, alias)
    named = [h for h in holders if h.named]
    if named:
        entity = resolve_entity(store, ref)
        other = named[0]
        raise EditError(
            f"{alias.strip()!r} is the name of #{other.id} {other.name} "
            f"({_count(other.mentions, 'mention')}), not an alias to take: to make them one "
            f"actor, 'tabayun entity merge {entity.id} {other.id}'"
        )
    return holders


def cmd_lexicon(store: Store, a: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    try:
        if a.lexicon_command == "export":
            n = entity_edits.export_lexicon(store, a.file)
            if a.json:
                _emit_json(out, {"entries": n, "file": str(a.file)})
            else:
                out.write(f"Exported {_count(n, 'lexicon entry', 'lexicon entries')} ({a.file})\n")
            return EXIT_OK
        done = entity_edits.import_lexicon(store, a.file)
    except (EditError, OSError) as exc:
        raise StoreError(str(exc)) from exc
    if a.json:
        _emit_json(out, {"entries": done.entries, "edits": done.edits, "file": str(a.file)})
    elif done.edits:
        out.write(
            f"Imported {_count(done.entries, 'lexicon entry', 'lexicon entries')} ({a.file}): "
            f"{_count(done.edits, 'edit')} made, the articles analysed again\n"
        )
    else:
        entries = _count(done.entries, "lexicon entry", "lexicon entries")
        out.write(f"Read {entries} ({a.file}): nothing new, nothing changed\n")
    return EXIT_OK


def _outlet_filter(store: Store, name: str | None) -> int | None:
    if name is None:
        return None
    from desktop.corpus.outlets import OutletDirectory

    oid = store.outlet_id(name, key=OutletDirectory.default().canonical(name)[2])
    if oid is None:
        raise StoreError(f"no outlet named {name!r} (see 'tabayun outlets')")
    return oid


def cmd_docs(store: Store, a: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    rows = store.documents(
        outlet_id=_outlet_filter(store, a.outlet), date_from=a.date_from, date_to=a.date_to
    )
    if a.json:
        _emit_json(out, [r.as_dict() for r in rows])
        return EXIT_OK
    for r in rows:
        date = r.published.isoformat() if r.published else "—"
        outlet = (r.outlet or "(unknown)")[:20]
        out.write(f"{r.id:>5}  {date:10}  {outlet:20}  {r.stem[:28]:28}  {r.title}\n")
    out.write(f"{_count(len(rows), 'document')}\n")
    return EXIT_OK


def cmd_show(store: Store, a: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    detail = store.document(store.resolve_document(a.doc))
    if a.json:
        d = detail.row.as_dict()
        d["text"] = detail.text
        d["paragraphs"] = [{"start": s, "end": e, "repeated": r} for s, e, r in detail.paragraphs]
        d["sentences"] = [{"paragraph": p, "start": s, "end": e} for p, s, e in detail.sentences]
        _emit_json(out, d)
        return EXIT_OK
    r = detail.row
    out.write(f"#{r.id} {r.title}\n")
    out.write(f"outlet: {r.outlet or '(unknown)'}   date: {r.published or '—'}\n")
    out.write(f"source: {r.source_path}\n")
    if r.url:
        out.write(f"url: {r.url}\n")
    out.write("\n" + detail.text + "\n")
    return EXIT_OK


def cmd_search(store: Store, a: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    if not a.query.strip():
        raise UsageError("the query is empty")
    hits = search(
        store,
        a.query,
        # an outlet it does not know is said, not «0 results»
        outlet_id=_outlet_filter(store, a.outlet),
        date_from=a.date_from,
        date_to=a.date_to,
        limit=a.limit,
    )
    if a.json:
        _emit_json(out, [h.as_dict() for h in hits])
        return EXIT_OK
    for h in hits:
        out.write(
            f"{h.row.id:>5}  {h.row.outlet or '(unknown)'}  {h.marked_title()}\n"
            f"       {h.marked()}\n"
        )
    note = ""
    if any(h.windowed for h in hits):
        window = store_sqlite.RANK_WINDOW
        note = f" (a very common query: ranked among its {window:,} most recent matches)"
    if hits.windowed:  # more than the window: said, not counted
        out.write(f"the first {_count(len(hits), 'result')} (--limit N shows more){note}\n")
    elif len(hits) < hits.matches:
        out.write(f"the first {len(hits):,} of {_count(hits.matches, 'result')}")
        out.write(f" (--limit N shows more){note}\n")
    else:
        out.write(f"{_count(len(hits), 'result')}{note}\n")
    return EXIT_OK


def cmd_outlets(store: Store, a: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    rows = store.outlets()
    if a.json:
        _emit_json(
            out,
            [
                {"id": o.id, "name": o.name, "name_ar": o.name_ar, "documents": o.documents}
                for o in rows
            ],
        )
        return EXIT_OK
    out.write(f"{'id':>4}  {'docs':>6}  outlet (Arabic name)\n")
    for o in rows:
        out.write(
            f"{o.id:>4}  {o.documents:>6}  {o.name}"
            + (f"  ({o.name_ar})" if o.name_ar else "")
            + "\n"
        )
    return EXIT_OK


def cmd_outlet(store: Store, a: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    row = store.rename_outlet(a.old, a.new)
    # renamed onto another outlet's name: the two are one outlet now (it said only «is now»)
    merged = row.moved is not None
    if a.json:
        _emit_json(
            out, {"id": row.id, "name": row.name, "documents": row.documents, "merged": merged}
        )
    elif row.moved is not None:
        out.write(
            f"Outlet {a.old!r} merged into {row.name!r}: its {_count(row.moved, 'document')} "
            f"moved there ({_count(row.documents, 'document')} now)\n"
        )
    else:
        out.write(f"Outlet {a.old!r} is now {row.name!r} ({_count(row.documents, 'document')})\n")
    return EXIT_OK


def cmd_doc(store: Store, a: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    if a.doc_command == "delete":
        return _delete_documents(store, a, out, err)
    if a.outlet is None and a.date is None and a.title is None:
        raise UsageError("doc set needs --outlet, --date or --title")
    name, name_ar, key = a.outlet, None, None
    if a.outlet:  # a known outlet by any of its names, even one the user renamed
        from desktop.corpus.outlets import OutletDirectory

        name, name_ar, key = OutletDirectory.default().canonical(a.outlet)
    doc_id = store.resolve_document(a.doc)
    before = store.document_row(doc_id).published
    row = store.set_document_meta(
        doc_id,
        outlet=name,
        outlet_ar=name_ar,
        outlet_key=key,
        published=a.date,
        title=a.title,
    )
    if row.published != before:
        # «أمس», «الثلاثاء», «30 من كانون الأول» are read against the article's date: its
        # events and quotations are dated again
        analyse_documents(store, [doc_id], as_full=True)
    if a.json:
        _emit_json(out, row.as_dict())
    else:
        out.write(f"#{row.id}: outlet {row.outlet or '(unknown)'}, date {row.published or '—'}\n")
    return EXIT_OK


def _delete_documents(store: Store, a: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """``doc delete DOC…``: every DOC is looked up before anything is removed, and they
    are removed together (all, or none)."""
    ids: list[int] = []
    for ref in a.docs:
        try:
            ids.append(store.resolve_document(ref))
        except StoreError as exc:  # a document that is not there: nothing to remove
            raise UsageError(f"{exc}; nothing was removed") from exc
    rows = store.documents(ids=list(dict.fromkeys(ids)))
    removed = store.delete_documents(
        [r.id for r in rows], TerminalProgress(err, enabled=err.isatty())
    )
    if a.json:
        _emit_json(out, {**removed.as_dict(), "documents": [r.as_dict() for r in rows]})
        return EXIT_OK
    out.write(f"Removed {_count(len(rows), 'document')}\n")
    for r in rows:
        out.write(f"  #{r.id}  {(r.outlet or '(unknown)')[:20]:20}  {r.title}\n")
    for name in removed.outlets:
        out.write(f"  outlet {name!r} had no other document: removed too\n")
    for name in removed.outlets_kept:
        out.write(
            f"  outlet {name!r} had no other document: kept, as you edited it, "
            "for its articles imported again\n"
        )
    if removed.entities:
        out.write(
            f"  {_count(removed.entities, 'name')} found only in "
            f"{'it' if len(rows) == 1 else 'them'}: removed too\n"
        )
    return EXIT_OK


def _comparison(store: Store, a: argparse.Namespace) -> Comparison:
    if a.outlets:
        oa, ob = _outlet_filter(store, a.a) or 0, _outlet_filter(store, a.b) or 0
        if oa == ob:
            raise UsageError(f"{a.a!r} and {a.b!r} are the same outlet; name two")
        return compare_outlets(store, oa, ob)
    da, db = store.resolve_document(a.a), store.resolve_document(a.b)
    if da == db:
        raise UsageError(f"{a.a!r} and {a.b!r} are the same document; name two")
    return compare_documents(store, da, db)


def _entity_id(store: Store, ref: str) -> int:
    try:
        return resolve_entity(store, ref).id
    except EditError as exc:
        raise StoreError(str(exc)) from exc


def cmd_compare(store: Store, a: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    comp = _comparison(store, a)
    if a.json:
        _emit_json(out, comp.as_dict())
        return EXIT_OK
    for name, info in (("A", comp.a), ("B", comp.b)):
        label = info.label if info.outlet else f"{info.label} (unknown)"
        out.write(f"{name}: {label}  {' / '.join(info.titles)}\n")
    out.write("\nShared actors\n")
    for r in comp.shared:
        flag = "*" if r.differs else " "
        # named by one of its names, and referred to by a label («وفد الحكومة السورية»
        # names no delegation by its name): a side may do the one and not the other
        labelled = [sum(n for *_t, n in s.labels) for s in (r.a, r.b)]
        out.write(
            f" {flag} {r.name} ({r.type}) — named {r.a.mentions} / {r.b.mentions}, "
            f"labelled {labelled[0]} / {labelled[1]}\n"
        )
        for side, s in (("A", r.a), ("B", r.b)):
            labels = " | ".join(f"{t} ({label_note(c, k)})" for t, c, k, _n in s.labels[:5])
            verbs = "، ".join(v for v, _c, _n in s.verbs[:5])
            out.write(
                f"     {side}: labels: {labels or '—'}; verbs: {verbs or '—'}; "
                f"quotes: {len(s.quotes)}, reported: {s.reported}; voice {s.voice_share:.0%}\n"
            )
    out.write("Only in A: " + "، ".join(n for _i, n, _t, _m in comp.only_a) + "\n")
    out.write("Only in B: " + "، ".join(n for _i, n, _t, _m in comp.only_b) + "\n")
    if comp.passages:
        out.write(f"\nAligned passages: {len(comp.passages)}\n")
        for pa, pb, score, _w in comp.passages:
            out.write(f"  {score:.2f}  A: {pa[:90]}\n        B: {pb[:90]}\n")
    out.write(
        f"\nEvents: {len(comp.shared_events)} shared, {len(comp.events_only_a)} only in A,"
        f" {len(comp.events_only_b)} only in B\n"
    )
    return EXIT_OK


#: the speakers listed for each label in quotations in `frame`, the most frequent
QUOTED_LISTED = 5


def cmd_frame(store: Store, a: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    entity = _entity_id(store, a.entity)
    by_month = store.documents_by_outlet_month(entity)
    table = frame(store, entity, by_month)
    if a.json:
        data = table.as_dict()
        data["coverage"] = coverage(store, entity, by_month)
        _emit_json(out, data)
        return EXIT_OK
    if not table.outlets and not table.in_quotes:
        out.write(f"{table.name}: not named or labelled in this corpus\n")
        return EXIT_OK
    # one line a label, with the outlets that use it (a corpus has tens of outlets: a
    # column each made lines of a thousand characters and cut the outlets' names)
    out.write(f"{table.name}\nLabels (the outlets' own words):\n")
    by_label: dict[str, Counter[str]] = {}
    for (label, o), n in table.counts.items():
        if n:
            by_label.setdefault(label, Counter())[o] += n
    for label, cat in table.labels.items():
        by = by_label.get(label, Counter())
        uses = "، ".join(f"{o} {n}" for o, n in by.most_common())
        out.write(f"  {label} ({cat or '—'}): {sum(by.values())} — {uses}\n")
    if not table.labels:
        out.write("  none: the outlets only name it\n")
    if table.in_quotes:
        out.write("In quotations (the speaker's words, not the outlet's):\n")
        grouped: dict[tuple[str, str | None], Counter[str]] = {}
        for (label, cat, o, who), n in table.in_quotes.items():
            grouped.setdefault((label, cat), Counter())[f"{who or '?'} in {o}"] += n
        for (label, cat), said in sorted(grouped.items(), key=lambda g: -sum(g[1].values())):
            shown = "، ".join(f"{w} ×{n}" for w, n in said.most_common(QUOTED_LISTED))
            more = len(said) - QUOTED_LISTED
            tail = f" and {_count(more, 'other')}" if more > 0 else ""
            out.write(f"  {label} ({cat or '—'}): {sum(said.values())} — {shown}{tail}\n")
    out.write("Outlets:\n")
    for o in table.outlets:
        verbs = "، ".join(f"{v} ×{n}" for v, n in table.verbs.get(o, {}).items())
        out.write(
            f"  {o}: {_count(table.documents[o], 'document')}; "
            f"quoted {_count(table.quoted[o], 'time')}, "
            f"reported {_count(table.reported[o], 'time')}; "
            f"verbs: {verbs or '—'}\n"
        )
    return EXIT_OK


#: documents whose quotations or events are read at a time: what the listing holds at
#: once, whatever the size of the corpus (half a million events at 30,000 articles)
STREAM_DOCUMENTS = 500


def _document_chunks(
    store: Store, a: argparse.Namespace, outlet_id: int | None
) -> Iterator[list[int]]:
    """The documents a listing reads, ``STREAM_DOCUMENTS`` at a time, in id order: those
    named by ``--doc``, of the outlet, and (``--from``/``--to`` of quotes) of those dates."""
    ids = None if not a.doc else [store.resolve_document(ref) for ref in a.doc]
    dates = {} if a.command == "events" else {"date_from": a.date_from, "date_to": a.date_to}
    found = store.document_ids(outlet_id=outlet_id, ids=ids, **dates)
    for i in range(0, len(found), STREAM_DOCUMENTS):
        yield found[i : i + STREAM_DOCUMENTS]


def _emit_json_stream(out: TextIO, items: Iterator[dict[str, Any]]) -> None:
    """A JSON array written an item at a time, as :func:`_emit_json` writes the list."""
    first = True
    for item in items:
        out.write("[\n  " if first else ",\n  ")
        out.write(json.dumps(item, ensure_ascii=False, indent=2).replace("\n", "\n  "))
        first = False
    out.write("[]\n" if first else "\n]\n")


def cmd_quotes(store: Store, a: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    speaker = _entity_id(store, a.speaker) if a.speaker else None
    chunks = _document_chunks(store, a, _outlet_filter(store, a.outlet))
    rows = itertools.islice(
        (
            q
            for chunk in chunks
            for q in store.quotes_for(documents=chunk, speaker_id=speaker, kind=a.kind)
        ),
        a.limit,
    )
    if a.json:
        _emit_json_stream(out, (q.as_dict() for q in rows))
        return EXIT_OK
    n = 0
    for q in rows:
        n += 1
        who = q.speaker_name or q.speaker_text or "?"
        via = f" (via {q.via_name})" if q.via_name else ""
        out.write(f"doc {q.document_id} [{q.kind}] {who}{via} — {q.verb or '—'}: {q.text}\n")
    out.write(f"{_count(n, 'quotation', 'quotations')}\n")
    return EXIT_OK


#: ``events --told``: the words a text tells an event with (EventRow.modality)
TOLD = {"done": "done", "denied": "negated", "asked": "wished", "planned": "planned"}


def cmd_events(store: Store, a: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    actor = _entity_id(store, a.actor) if a.actor else None
    place = _entity_id(store, a.place) if a.place else None
    chunks = _document_chunks(store, a, _outlet_filter(store, a.outlet))
    rows = itertools.islice(
        (
            e
            for chunk in chunks
            for e in store.events_for(
                documents=chunk,
                type=a.type,
                participant_id=actor,
                place_id=place,
                date_from=a.date_from,
                date_to=a.date_to,
                told=TOLD[a.told] if a.told else None,
            )
        ),
        a.limit,
    )
    if a.json:
        _emit_json_stream(out, (e.as_dict() for e in rows))
        return EXIT_OK
    n = 0
    for e in rows:
        n += 1
        who = "، ".join(name for _i, name, _t in e.participants)
        # the date as written, and the day it was resolved to («الثلاثاء (2017-07-11)»)
        when = e.date_text or ""
        if e.date is not None:
            when = f"{when} ({e.date.isoformat()})" if when else e.date.isoformat()
        figures = e.details.get("figures")
        counted = (
            " | " + "، ".join(f"{f['value']} {f.get('unit') or ''}".strip() for f in figures)
            if isinstance(figures, list) and figures
            else ""
        )
        out.write(
            f"doc {e.document_id} {e.type:12} {e.shown_trigger} | {when or '—'} | "
            f"{e.place_name or '—'} | {who or '—'}{counted}\n"
        )
    out.write(f"{_count(n, 'event', 'events')}\n")
    return EXIT_OK


def cmd_kwic(store: Store, a: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    if not a.term.strip():
        raise UsageError("the term is empty")
    lines = kwic(store, a.term, a.width, a.limit)
    if a.json:
        _emit_json(out, [ln.as_dict() for ln in lines])
        return EXIT_OK
    for ln in lines:
        # in the text's order (what precedes, the match, what follows), the preceding
        # context padded at its start so that the matches line up
        out.write(f"{ln.document_id:>5} {ln.left:>{a.width}} [{ln.match}] {ln.right}\n")
    return EXIT_OK


def cmd_keyness(store: Store, a: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    oa, ob = _outlet_filter(store, a.outlet_a), _outlet_filter(store, a.outlet_b)
    if oa == ob:
        raise UsageError(f"{a.outlet_a!r} and {a.outlet_b!r} are the same outlet; name two")
    found = keyness(store, oa or 0, ob or 0, a.top)
    written = found.written(store, oa or 0, ob or 0)
    if a.json:
        _emit_json(
            out,
            [
                {
                    "term": k.term,
                    "written": written[k.term][0],
                    "g2": k.g2,
                    "a": k.a,
                    "b": k.b,
                    "spellings": written[k.term][1:],
                }
                for k in found.terms
            ],
        )
        return EXIT_OK
    out.write(f"{'G²':>10}  {'A':>6} {'B':>6}  term, as written in A\n")
    for k in found.terms:
        shown, *also = written[k.term]
        with_ = f"  (with {' / '.join(also)})" if also else ""
        out.write(f"{k.g2:>10.2f}  {k.a:>6} {k.b:>6}  {shown}{with_}\n")
    return EXIT_OK


def cmd_export(store: Store, a: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    comp = _comparison(store, a)
    if a.format == "pdf":
        if a.output is None:
            raise UsageError("a PDF needs --output FILE")
        renderer = RENDERERS.get("pdf")
        if renderer is None:
            raise StoreError("PDF export is not available in this build")
        _check_output(a.output)
        renderer(to_html(comp), a.output)
        if not a.output.is_file():
            raise StoreError(f"cannot write {a.output}")
        err.write(f"tabayun: wrote {a.output}\n")
        return EXIT_OK
    text = {"html": to_html, "json": to_json, "csv": to_csv}[a.format](comp)
    if a.output is None:
        out.write(text)
    else:
        _check_output(a.output)
        try:
            a.output.write_text(text, encoding=file_encoding(a.format))
        except OSError as exc:
            raise StoreError(f"cannot write {a.output}: {exc.strerror or exc}") from exc
        err.write(f"tabayun: wrote {a.output}\n")
    return EXIT_OK


def _check_output(path: Path) -> None:
    if not path.parent.is_dir():
        raise StoreError(f"cannot write {path}: the folder {path.parent} does not exist")
    if path.is_dir():
        raise StoreError(f"cannot write {path}: it is a folder")


#: output renderers the composition root provides (e.g. "pdf": Qt's text engine)
RENDERERS: dict[str, Callable[[str, Path], None]] = {}


COMMANDS: dict[str, Callable[[Store, argparse.Namespace, TextIO, TextIO], int]] = {
    "compare": cmd_compare,
    "frame": cmd_frame,
    "quotes": cmd_quotes,
    "events": cmd_events,
    "kwic": cmd_kwic,
    "keyness": cmd_keyness,
    "export": cmd_export,
    "import": cmd_import,
    "analyse": cmd_analyse,
    "entities": cmd_entities,
    "entity": cmd_entity,
    "lexicon": cmd_lexicon,
    "docs": cmd_docs,
    "show": cmd_show,
    "search": cmd_search,
    "outlets": cmd_outlets,
    "outlet": cmd_outlet,
    "doc": cmd_doc,
}


def run(
    args: argparse.Namespace,
    parser: argparse.ArgumentParser,
    out: TextIO | None = None,
    err: TextIO | None = None,
    renderers: dict[str, Callable[[str, Path], None]] | None = None,
) -> int:
    """Run one headless command against the database named by ``--db``."""
    if getattr(args, "json_first", False):
        args.json = True
    RENDERERS.update(renderers or {})
    out = out or sys.stdout
    err = err or sys.stderr
    db = Path(args.db) if args.db else default_db_path()
    problem = named_db_problem(db) if args.db else None
    if problem:
        err.write(f"tabayun: cannot open database {db}: {problem}\n")
        return EXIT_ERROR
    try:
        store = Store.open(db)
    except KeyboardInterrupt:  # a schema upgrade is written whole or not at all
        err.write(f"tabayun: {INTERRUPTED_AT_START}\n")
        return EXIT_INTERRUPTED
    except Exception as exc:  # an unreadable or foreign file given as --db
        err.write(f"tabayun: cannot open database {db}: {open_problem(exc)}\n")
        return EXIT_ERROR
    try:
        status = COMMANDS[args.command](store, args, out, err)
        out.flush()  # a reader that went away is heard of here, not at exit
        return status
    except BrokenPipeError:  # `tabayun entities | head`: the reader has what it wanted
        devnull = os.open(os.devnull, os.O_WRONLY)
        with contextlib.suppress(OSError, ValueError):
            os.dup2(devnull, sys.stdout.fileno())  # nothing more to flush at exit
        os.close(devnull)
        return EXIT_BROKEN_PIPE
    except UsageError as exc:
        parser.print_usage(err)
        err.write(f"tabayun: error: {exc}\n")
        return EXIT_USAGE
    except (StoreError, StoreBusyError) as exc:
        err.write(f"tabayun: {exc}\n")
        return EXIT_ERROR
    except KeyboardInterrupt:
        with _no_second_interrupt():
            err.write("tabayun: interrupted; everything finished before it is saved\n")
        return EXIT_INTERRUPTED
    finally:
        with _no_second_interrupt():
            store.close()


def main(argv: Sequence[str] | None = None) -> int:
    """Headless entry point: a sub-command is required here."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.error("a command is needed (the window opens from 'tabayun' itself)")
    return run(args, parser)
