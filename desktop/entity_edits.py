"""The user's edits of the entity lexicon: merge, split, rename, retype, add an alias,
ignore and bring back; undo; export and import of the user lexicon in the gazetteer format.

Every edit is logged in the database (see :mod:`desktop.analysing`) and the documents it
touches are analysed again, so the result is the same as after a full re-analysis. An
edit of a frequent entity touches thousands of documents: ``progress`` follows them.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from desktop.datafiles import DataFileError, read_tsv
from desktop.lexicon.gazetteer import (
    ENTITY_TYPES,
    STATUS,
    GazetteerEntry,
    load_gazetteer,
    parse_entries,
    write_gazetteer,
)
from desktop.search import query_groups
from desktop.store.rows import NameHolder
from desktop.store.store import Store
from desktop.store.writer import exclusive
from desktop.text.normalize import normalize

if TYPE_CHECKING:  # the analysis engine is imported when an edit runs, not at start-up
    from desktop.analysing import AnalysisReport
    from desktop.progress import CancelToken, Progress


class EditError(Exception):
    """An edit that cannot be made, with a message for the user."""


@dataclass(frozen=True)
class EntityRef:
    id: int
    key: str
    name: str
    type: str


def resolve_entity(store: Store, ref: str) -> EntityRef:
    found = store.find_entities(ref)
    if not found:
        raise EditError(f"no entity {ref!r} (see 'tabayun entities')")
    if len(found) > 1:
        names = "; ".join(f"{i}: {n} ({t})" for i, n, t in found[:8])
        raise EditError(f"{ref!r} names several entities ({names}); use an id")
    entity_id, name, etype = found[0]
    key, _name, _type, _origin = store.entity_by_id(entity_id)
    return EntityRef(entity_id, key or f"id:{entity_id}", name, etype)


def _docs_with_words(store: Store, text: str) -> list[int]:
    groups = query_groups(text)
    return [d for d, _ in store.search_ranked(groups, limit=1_000_000).ids] if groups else []


def _docs_with_spellings(store: Store, entity: EntityRef, types: Iterable[str]) -> list[int]:
    """The articles holding the last word of a spelling of the entity's names under any
    of ``types`` (every match of a spelling holds its last word; a family name alone is
    one)."""
    from desktop.analysis.knowledge import surname_of
    from desktop.analysis.variants import name_variants

    names = [entity.name] + [a for a, _origin in store.entity_aliases(entity.id)]
    words: set[str] = set()
    for name in names:
        norm = " ".join(normalize(name).split())
        for entity_type in types:
            words.update(v.split()[-1] for v in name_variants(norm, entity_type) if v)
        surname = surname_of(norm)
        if surname:
            words.update(v.split()[-1] for v in name_variants(surname, "person") if v)
    return [d for word in sorted(words) for d in _docs_with_words(store, word)]


def _refresh(
    store: Store, doc_ids: Sequence[int], progress: Progress | None, cancel: CancelToken | None
) -> AnalysisReport:
    """Analyse again, as a full analysis would have them, the documents an edit marked
    (see :data:`~desktop.store.entities.LEFT_BY_EDIT`): each batch written is no longer
    marked. ``cancel`` stops it between batches; the documents it did not reach stay
    marked, and are analysed when the window next starts."""
    from desktop.analysing import analyse_documents

    return analyse_documents(
        store, sorted(set(doc_ids)), as_full=True, progress=progress, cancel=cancel
    )


def _make(
    store: Store,
    edits: Sequence[tuple[str, dict[str, Any]]],
    doc_ids: Sequence[int],
    progress: Progress | None,
    cancel: CancelToken | None,
    *,
    moves: Sequence[tuple[int, int]] = (),
    values: Sequence[tuple[int, dict[str, Any]]] = (),
) -> AnalysisReport:
    """Log ``edits`` and analyse again the documents they change, ``doc_ids``: the log and
    the marks on the documents are written in one transaction, so that an edit stopped
    halfway (cancelled, or its process killed) is finished later, never left half made.
    ``moves`` and ``values`` make the edit show at once (:meth:`Store.add_edits`), the
    analysis that follows taking a while for a frequent actor."""
    store.add_edits(edits, analyse_again=doc_ids, moves=moves, values=values)
    return _refresh(store, doc_ids, progress, cancel)


def merge(
    store: Store,
    target_ref: str,
    source_ref: str,
    *,
    progress: Progress | None = None,
    cancel: CancelToken | None = None,
) -> EntityRef:
    """``source`` becomes part of ``target``: its mentions and aliases move over."""
    return merge_many(store, target_ref, [source_ref], progress=progress, cancel=cancel)


@exclusive("edit")
def merge_many(
    store: Store,
    target_ref: str,
    source_refs: Sequence[str],
    *,
    progress: Progress | None = None,
    cancel: CancelToken | None = None,
) -> EntityRef:
    """Several sources merged into one target, each merge logged (and undone) on its own,
    their articles analysed again once."""
    target = resolve_entity(store, target_ref)
    sources = list({e.id: e for e in (resolve_entity(store, r) for r in source_refs)}.values())
    if any(source.id == target.id for source in sources):
        raise EditError("an entity cannot be merged with itself")
    _make(
        store,
        [("merge", {"target": target.key, "source": source.key}) for source in sources],
        store.documents_referring_to([target.id] + [e.id for e in sources]),
        progress,
        cancel,
        moves=[(source.id, target.id) for source in sources],
    )
    return target


def split_candidates(store: Store, entity_id: int) -> list[str]:
    """What may be split off an entity: its lexicon aliases, then the other forms its name
    takes in the articles (a spelling the variants matched may name somebody else), each
    once, not its own name."""
    _key, name, _type, _origin = store.entity_by_id(entity_id)
    seen = {" ".join(normalize(name).split())}
    found = []
    for form in [a for a, _o in store.entity_aliases(entity_id)] + store.entity_written_forms(
        entity_id
    ):
        norm = " ".join(normalize(form).split())
        if norm and norm not in seen:
            seen.add(norm)
            found.append(form)
    return found


@exclusive("edit")
def split(
    store: Store,
    ref: str,
    alias: str,
    *,
    progress: Progress | None = None,
    cancel: CancelToken | None = None,
) -> EntityRef:
    """An alias stops naming the entity and becomes an entity of its own."""
    from desktop.analysing import replay

    entity = resolve_entity(store, ref)
    norm = " ".join(normalize(alias).split())
    if not norm:
        raise EditError("the alias is empty")
    if norm in {_norm(a) for a in replay(store.edits()).removed.get(entity.key, ())}:
        raise EditError(
            f"«{alias.strip()}» is already split off «{entity.name}»: nothing to change"
        )
    new_key = "user:" + re.sub(r"\s+", "-", norm)
    _make(
        store,
        [
            (
                "split",
                {
                    "key": entity.key,
                    "alias": alias.strip(),
                    "new_key": new_key,
                    "type": entity.type,
                },
            )
        ],
        store.documents_referring_to([entity.id]) + _docs_with_words(store, alias),
        progress,
        cancel,
    )
    return resolve_entity(store, new_key)


def name_taken(store: Store, ref: str, name: str) -> NameHolder | None:
    """The other actor whose name ``name`` already is (as the list compares names:
    without marks, tatweel or extra spaces), if any: renamed so, the entity would be a
    second actor of that name (one actor of two is a merge)."""
    entity = resolve_entity(store, ref)
    if not _norm(name):
        raise EditError("the new name is empty")
    if " ".join(name.split()) == entity.name:
        raise EditError(f"«{entity.name}» is already its name: nothing to change")
    holders = store.name_holders(" ".join(name.split()))
    return next((h for h in holders if h.named and h.id != entity.id), None)


def alias_of_others(store: Store, ref: str, name: str) -> list[NameHolder]:
    """The other actors ``name`` is an alias of, or a form their mentions are written in,
    without being their name (that is :func:`name_taken`): renamed so, the entity would
    be shown under a name that, written in an article, still counts as theirs, or, for
    an ignored actor, counts for nobody (and as theirs again once they are restored).
    An alias split off an actor is no longer its own."""
    from desktop.analysing import replay

    entity = resolve_entity(store, ref)
    norm = _norm(name)
    removed = replay(store.edits()).removed
    return [
        h
        for h in store.name_holders(" ".join(name.split()))
        if h.id != entity.id
        and not h.named
        and (
            h.written > 0
            or (h.aliased and norm not in {_norm(a) for a in removed.get(h.key or "", ())})
        )
    ]


@exclusive("edit")
def rename(
    store: Store,
    ref: str,
    name: str,
    *,
    progress: Progress | None = None,
    cancel: CancelToken | None = None,
    even_if_alias: bool = False,
) -> EntityRef:
    """A new name to show; refused when it is another actor's (:func:`name_taken`), and,
    unless ``even_if_alias``, when another actor goes by it (:func:`alias_of_others`)."""
    entity = resolve_entity(store, ref)
    name = " ".join(name.split())
    other = name_taken(store, str(entity.id), name)
    if other is not None and other.ignored:
        raise EditError(
            f"«{name}» is already the name of #{other.id} {other.name}, an actor you "
            f"ignore ('tabayun entity unignore {other.id}' brings it back)"
        )
    if other is not None:
        raise EditError(
            f"«{name}» is already the name of another actor, #{other.id} {other.name}; "
            f"to make them one actor, merge them ('tabayun entity merge {other.id} "
            f"{entity.id}')"
        )
    holders = [] if even_if_alias else alias_of_others(store, str(entity.id), name)
    if holders:
        whose = " or ".join(f"#{h.id}'s" for h in holders)
        raise EditError(
            f"«{name}» is already a name of "
            + ("another actor, " if len(holders) == 1 else "other actors: ")
            + ", ".join(
                f"#{h.id} {h.name} ({'ignored, ' if h.ignored else ''}{_written(h.written)})"
                for h in holders
            )
            + f": in an article it counts as {whose}, not #{entity.id}'s; to give "
            f"#{entity.id} {entity.name} that name all the same, add --yes"
        )
    _make(store, [("rename", {"key": entity.key, "name": name})], [], progress, cancel)
    return resolve_entity(store, entity.key)


def retype(
    store: Store,
    ref: str,
    entity_type: str,
    *,
    progress: Progress | None = None,
    cancel: CancelToken | None = None,
) -> EntityRef:
    return retype_many(store, [ref], entity_type, progress=progress, cancel=cancel)[0]


@exclusive("edit")
def retype_many(
    store: Store,
    refs: Sequence[str],
    entity_type: str,
    *,
    progress: Progress | None = None,
    cancel: CancelToken | None = None,
) -> list[EntityRef]:
    """Several entities given one type, their articles analysed again once."""
    if entity_type not in ENTITY_TYPES:
        raise EditError(f"unknown type {entity_type!r}; one of {', '.join(ENTITY_TYPES)}")
    known = [resolve_entity(store, ref) for ref in refs]  # every one known, or no edit
    entities = list({e.id: e for e in known if e.type != entity_type}.values())
    if not entities:
        names = "، ".join(f"«{e.name}»" for e in known)
        raise EditError(f"{names} already of type {entity_type}: nothing to change")
    docs = store.documents_referring_to([e.id for e in entities])
    for entity in entities:
        # a name is matched in the spellings of its type (a person's family name alone
        # too): the articles with a word of either type's are read again
        docs += _docs_with_spellings(store, entity, (entity.type, entity_type))
    # whether a mention can speak, or stand in apposition, depends on its type
    _make(
        store,
        [("retype", {"key": e.key, "type": entity_type}) for e in entities],
        docs,
        progress,
        cancel,
        values=[(e.id, {"type": entity_type}) for e in entities],  # listed so at once
    )
    return [resolve_entity(store, e.key) for e in known]


def _norm(text: str) -> str:
    return " ".join(normalize(text).split())


def _written(n: int) -> str:
    """How many of an actor's mentions are written in a name."""
    return f"{n or 'no'} mention{'' if n == 1 else 's'} written so"


def alias_holders(store: Store, ref: str, alias: str) -> list[NameHolder]:
    """The other actors an alias of the entity would take mentions from: those whose name
    it is (``named``: made one actor by a merge, not an alias), and those it, or a
    spelling of it the entity's type matches, is an alias or a written form of
    (``written``: how many of their mentions are written so; they would be the entity's).
    Ignored actors, and those with no mention, lose nothing and are left out."""
    from desktop.analysing import replay
    from desktop.analysis.variants import name_variants

    entity = resolve_entity(store, ref)
    norm = _norm(alias)
    removed = replay(store.edits()).removed  # aliases split off an actor are no longer its
    _check_alias(store, entity, alias, removed)
    return [
        h
        for h in store.name_holders(alias, name_variants(norm, entity.type))
        if h.id != entity.id
        and not h.ignored
        and h.mentions > 0
        and (
            h.named or h.written > 0 or norm not in {_norm(a) for a in removed.get(h.key or "", ())}
        )
    ]


def _check_alias(
    store: Store, entity: EntityRef, alias: str, removed: dict[str, list[str]]
) -> None:
    """Refuse an alias that is empty, or one the entity has (not split off it)."""
    norm = _norm(alias)
    if not norm:
        raise EditError("the alias is empty")
    gone = {_norm(a) for a in removed.get(entity.key, ())}
    if norm in {_norm(a) for a, _origin in store.entity_aliases(entity.id)} - gone:
        raise EditError(
            f"«{alias.strip()}» is already a name of «{entity.name}»: nothing to change"
        )


@exclusive("edit")
def add_alias(
    store: Store,
    ref: str,
    alias: str,
    *,
    progress: Progress | None = None,
    cancel: CancelToken | None = None,
) -> EntityRef:
    """The alias names the entity wherever written (before another actor's name or
    alias written the same: see :func:`alias_holders` for whose mentions it takes)."""
    from desktop.analysing import replay

    entity = resolve_entity(store, ref)
    _check_alias(store, entity, alias, replay(store.edits()).removed)
    _make(
        store,
        [("alias_add", {"key": entity.key, "alias": alias.strip()})],
        store.documents_referring_to([entity.id]) + _docs_with_words(store, alias),
        progress,
        cancel,
    )
    return entity


def ignore(
    store: Store, ref: str, *, progress: Progress | None = None, cancel: CancelToken | None = None
) -> EntityRef:
    return ignore_many(store, [ref], progress=progress, cancel=cancel)[0]


def ignore_many(
    store: Store,
    refs: Sequence[str],
    *,
    progress: Progress | None = None,
    cancel: CancelToken | None = None,
) -> list[EntityRef]:
    """Several entities ignored, their articles analysed again once."""
    return _mark_many(store, refs, "ignore", progress, cancel, reanalyse=True)


def confirm(
    store: Store, ref: str, *, progress: Progress | None = None, cancel: CancelToken | None = None
) -> EntityRef:
    return confirm_many(store, [ref], progress=progress, cancel=cancel)[0]


def confirm_many(
    store: Store,
    refs: Sequence[str],
    *,
    progress: Progress | None = None,
    cancel: CancelToken | None = None,
) -> list[EntityRef]:
    return _mark_many(store, refs, "confirm", progress, cancel, reanalyse=False)


@exclusive("edit")
def _mark_many(
    store: Store,
    refs: Sequence[str],
    op: str,
    progress: Progress | None,
    cancel: CancelToken | None,
    *,
    reanalyse: bool,
) -> list[EntityRef]:
    """The edit ``op`` of several entities, logged one by one, then one analysis of the
    articles that mention them (``reanalyse``) or none. Those it would not change are
    left out; none to change is refused."""
    known = [resolve_entity(store, ref) for ref in refs]  # every one known, or no edit
    states = store.entity_states([e.id for e in known])
    what, done = _MARKED[op]
    entities = list({e.id: e for e in known if not done(*states[e.id])}.values())
    if not entities:
        names = "، ".join(dict.fromkeys(f"«{e.name}»" for e in known))
        raise EditError(f"{names} {'is' if len(known) == 1 else 'are'} {what}: nothing to change")
    docs = store.documents_referring_to([e.id for e in entities]) if reanalyse else []
    if reanalyse:  # where its family name alone stood for it, or for another, or
        # (an ignored actor has no mention) where it is spelled
        for entity in entities:
            docs += _docs_with_spellings(store, entity, (entity.type,))
    # an actor ignored leaves the list at once
    values = [(e.id, {"ignored": True}) for e in entities] if op == "ignore" else []
    _make(store, [(op, {"key": e.key}) for e in entities], docs, progress, cancel, values=values)
    return known


#: op → (what an entity it would not change is, whether (confirmed, ignored) say so)
_MARKED: dict[str, tuple[str, Callable[[bool, bool], bool]]] = {
    "ignore": ("already ignored", lambda _confirmed, ignored: ignored),
    "unignore": ("not ignored", lambda _confirmed, ignored: not ignored),
    "confirm": ("already confirmed", lambda confirmed, _ignored: confirmed),
}


def ignored_entities(store: Store) -> list[EntityRef]:
    """The actors the user ignores, by name."""
    return [
        EntityRef(i, key or f"id:{i}", name, etype)
        for i, key, name, etype in store.ignored_entities()
    ]


def unignore(
    store: Store,
    ref: str,
    *,
    progress: Progress | None = None,
    cancel: CancelToken | None = None,
) -> EntityRef:
    return unignore_many(store, [ref], progress=progress, cancel=cancel)[0]


def unignore_many(
    store: Store,
    refs: Sequence[str],
    *,
    progress: Progress | None = None,
    cancel: CancelToken | None = None,
) -> list[EntityRef]:
    """Ignored entities brought back: the articles that spell them are analysed again,
    and their mentions are counted as before they were ignored."""
    return _mark_many(store, refs, "unignore", progress, cancel, reanalyse=True)


#: edits that change no document's analysis
NAME_ONLY = frozenset({"rename", "confirm"})
#: edits that show before their articles are analysed again (``Store.add_edits``'s
#: ``moves`` and ``values``); the others show when that analysis ends
SHOWN_AT_ONCE = frozenset({"merge", "ignore", "retype"})


@exclusive("edit")
def undo_last(
    store: Store, *, progress: Progress | None = None, cancel: CancelToken | None = None
) -> str | None:
    """Undo the newest edit still in force; returns what was undone."""
    edits = store.edits()
    if not edits:
        return None
    edit_id, op, payload = edits[-1]
    keys = [str(v) for k, v in payload.items() if k in ("key", "target", "source", "new_key")]
    ids = [i for k in keys for i, _n, _t in store.find_entities(k)]
    # a name or a confirmation changes no document's analysis, undone or not
    docs = store.documents_referring_to(ids) if ids and op not in NAME_ONLY else []
    if "alias" in payload:
        docs += _docs_with_words(store, str(payload["alias"]))
    if op == "retype" and ids:
        # back to a type this edit no longer knows: the spellings of every type
        docs += _docs_with_spellings(store, resolve_entity(store, keys[0]), ENTITY_TYPES)
    if op == "ignore" and ids:
        # an ignored actor lost its mentions: its articles are those that spell it
        entity = resolve_entity(store, keys[0])
        docs += _docs_with_spellings(store, entity, (entity.type,))
    store.mark_edit_undone(edit_id, analyse_again=docs)  # one transaction, as an edit
    _refresh(store, docs, progress, cancel)
    return op


# ---- sharing the user lexicon -----------------------------------------------------------
#: the ``status`` of an exported entry the user ignores
IGNORED = "ignored"
#: ``merged:ID``: the user merged the entry into the entry ``ID``
MERGED = "merged:"
#: ``split:ID``: the user split the entry's name off the entry ``ID``
SPLIT = "split:"
#: a name discovery found that the user confirmed
CONFIRMED = "confirmed"
#: what discovery's keys begin with (``found:`` and the name's skeleton)
FOUND = "found:"


def user_entries(store: Store) -> tuple[list[GazetteerEntry], dict[str, str]]:
    """Entities the user created or changed, and the names discovery found, as
    gazetteer entries (with the roles and affiliation the gazetteer gives them), and the
    status of those the user merged into another, ignored or split off another."""
    from desktop.analysing import replay

    in_force = store.edits()
    lex = replay(in_force)
    split_from = {str(p["new_key"]): str(p["key"]) for _i, op, p in in_force if op == "split"}
    gazetteer = {e.key: e for e in load_gazetteer()}
    touched = (
        set(lex.added)
        | set(lex.created)
        | set(lex.names)
        | set(lex.types)
        | set(lex.confirmed)
        | lex.ignored
        | set(lex.merged)
        | set(lex.merged.values())
    )
    entries: list[GazetteerEntry] = []
    status: dict[str, str] = {}
    for e in store.iter_entities():
        if not e.key:
            continue
        if e.merged_into_id is not None and e.key not in lex.merged:
            continue  # a spelling the analysis merged into a name it found
        if e.origin == "gazetteer" and e.key not in touched:
            continue
        if e.origin == "user" and e.key not in lex.created:
            continue  # its creation was undone
        listed = gazetteer.get(e.key) if e.origin == "gazetteer" else None
        created = lex.created.get(e.key)
        if listed is not None:
            roles, affiliation = listed.roles, listed.affiliation
        elif created is not None:
            roles, affiliation = tuple(sorted(created.roles)), created.affiliation
        else:
            found_in = (e.details or {}).get("affiliation")
            roles, affiliation = (), str(found_in) if found_in else None
        aliases = [a for a, _origin in store.entity_aliases(e.id) if a != e.name]
        entries.append(
            GazetteerEntry(
                e.key,
                e.type,
                e.name,
                e.name_en or "",
                tuple(dict.fromkeys(aliases)),
                roles,
                affiliation,
            )
        )
        if e.key in lex.merged:
            status[e.key] = MERGED + lex.merged[e.key]
        elif e.key in lex.ignored:
            status[e.key] = IGNORED
        elif e.key in split_from:
            status[e.key] = SPLIT + split_from[e.key]
        elif e.origin == "discovered" and e.key in lex.confirmed:
            status[e.key] = CONFIRMED
    # a found name merged away that the store no longer keeps (its mentions are the
    # target's): its key, which a colleague's analysis finds it under, is enough
    for source, target in lex.merged.items():
        if source.startswith(FOUND) and source not in status:
            name = source.removeprefix(FOUND).replace("-", " ")
            entries.append(GazetteerEntry(source, "person", name, "", ()))
            status[source] = MERGED + target
    return entries, status


def export_lexicon(store: Store, path: Path) -> int:
    entries, status = user_entries(store)
    write_gazetteer(
        entries,
        path,
        comment=(
            "Tabayun user lexicon: entities added or changed by the user, and discovered names.\n"
            "Same format as resources/gazetteer/*.tsv, with a last column, status: 'ignored',\n"
            "'merged:ID' (merged into the entry ID), 'split:ID' (split off the entry ID) or\n"
            "'confirmed' (a discovered name the user confirmed).\n"
            "Load it with 'tabayun lexicon import'."
        ),
        status=status,
    )
    return len(entries)


def _statuses(rows: Sequence[dict[str, str]], where: str) -> list[str]:
    """The ``status`` of every row (empty in a file without the column), checked."""
    out = []
    for row in rows:
        value = row.get(STATUS, "")
        target = value.partition(":")[2]
        if (
            value
            and value not in (IGNORED, CONFIRMED)
            and not (value.startswith((MERGED, SPLIT)) and target)
        ):
            raise DataFileError(
                f"{where}: {row.get('id')}: unknown status {value!r} "
                f"(empty, {IGNORED!r}, {CONFIRMED!r}, '{MERGED}ID' or '{SPLIT}ID')"
            )
        if target == row.get("id"):
            raise DataFileError(f"{where}: {row.get('id')}: status {value!r} names itself")
        out.append(value)
    return out


def _split_alias(entry: GazetteerEntry) -> str:
    """The name an entry split off was split as (its key is made of it)."""
    for name in entry.names:
        if "user:" + "-".join(normalize(name).split()) == entry.key:
            return name
    return entry.name


def _bring_up_to(
    log: list[tuple[str, dict[str, Any]]],
    entry: GazetteerEntry,
    name: str,
    etype: str,
    aliases: Iterable[str],
    *,
    merged: bool = False,
) -> bool:
    """Add to ``log`` the edits that give a known entity the entry's name, type and
    aliases (not the name of one ``merged`` into another: it is not shown, and a found
    name merged away may be written as its key only); whether one of them confirms it (a
    rename or a change of type does)."""
    if entry.name != name and not merged:
        log.append(("rename", {"key": entry.key, "name": entry.name}))
    if entry.type != etype:
        log.append(("retype", {"key": entry.key, "type": entry.type}))
    existing = {normalize(a) for a in aliases}
    for alias in entry.aliases:
        if normalize(alias) not in existing:
            existing.add(normalize(alias))
            log.append(("alias_add", {"key": entry.key, "alias": alias}))
    return (entry.name != name and not merged) or entry.type != etype


class LexiconImport(NamedTuple):
    #: the entries the file holds
    entries: int
    #: the edits made to bring the corpus to it (none: it was there already)
    edits: int


@exclusive("lexicon")
def import_lexicon(store: Store, path: Path) -> LexiconImport:
    """Add the entries of a shared lexicon file and make the edits its ``status`` column
    records (merges, ignores, splits, confirmations) where they are not made yet; returns how many
    entries were read and edits made. A file in the gazetteer format without the column is
    read too. A file with nothing new makes no edit and analyses nothing (it analysed the
    whole corpus again, a minute at 30,000 articles, to change nothing)."""
    from desktop.analysing import replay

    try:
        rows = read_tsv(path)
        entries = parse_entries(rows, path.name)
        statuses = _statuses(rows, path.name)
    except (OSError, UnicodeDecodeError, DataFileError) as exc:
        raise EditError(f"cannot read lexicon {path}: {exc}") from exc
    known = store.entity_keys()
    # a merge into, or a split off, an actor neither the file nor the corpus has would
    # hide the entry's mentions under nothing: the file is refused before any edit
    listed = {e.key for e in entries}
    for e, status in zip(entries, statuses, strict=True):
        other = status.partition(":")[2] if status.startswith((MERGED, SPLIT)) else ""
        if other and other not in listed and other not in known:
            raise EditError(
                f"cannot read lexicon {path}: {e.key}: {status!r} names an actor that is "
                "neither in the file nor in this corpus"
            )
    lex = replay(store.edits())
    log: list[tuple[str, dict[str, Any]]] = []
    for e, status in zip(entries, statuses, strict=True):
        source = status.removeprefix(SPLIT) if status.startswith(SPLIT) else None
        if e.key in known:
            _k, name, etype, origin = store.entity_by_id(known[e.key])
            aliases = [a for a, _o in store.entity_aliases(known[e.key])]
            merged = status.startswith(MERGED)
            confirms = _bring_up_to(log, e, name, etype, aliases, merged=merged)
            confirmed = confirms or e.key in lex.confirmed  # by a rename, a retype or before
            if status == CONFIRMED and origin == "discovered" and not confirmed:
                log.append(("confirm", {"key": e.key}))
        elif source is not None and source in known and e.key not in lex.created:
            alias = _split_alias(e)
            log.append(("split", {"key": source, "alias": alias, "new_key": e.key, "type": e.type}))
            _bring_up_to(log, e, alias, e.type, [alias])
        elif status.startswith(MERGED) and e.key.startswith(FOUND):
            pass  # merged below, by its key, when the analysis finds it
        elif e.key not in lex.created:
            log.append(
                (
                    "create",
                    {
                        "key": e.key,
                        "name": e.name,
                        "name_en": e.name_en,
                        "type": e.type,
                        "aliases": list(e.names),
                        "roles": list(e.roles),
                        "affiliation": e.affiliation,
                    },
                )
            )
    # merges and ignores once every entry they name is there
    for e, status in zip(entries, statuses, strict=True):
        if status.startswith(MERGED):
            target = status.removeprefix(MERGED)
            if lex.target(e.key) != lex.target(target):
                log.append(("merge", {"target": target, "source": e.key}))
        elif status == IGNORED and e.key not in lex.ignored:
            log.append(("ignore", {"key": e.key}))
    if not log:
        return LexiconImport(len(entries), 0)
    from desktop.analysing import analyse_documents

    # logged in one transaction with every article marked to be analysed again, then
    # analysed: stopped halfway, the rest is analysed when the window next starts
    store.add_edits(log, analyse_again=[r.id for r in store.documents()])
    analyse_documents(store, full=True)
    return LexiconImport(len(entries), len(log))


def run_edit(
    store: Store,
    op: str,
    args: Sequence[Any],
    progress: Progress | None,
    cancel: CancelToken | None = None,
) -> Any:
    """The edit named ``op`` with its plain arguments (what the window sends to the
    process that edits): the entity it leaves selected, or None. ``cancel`` stops its
    analysis between batches of articles: the edit is made, and the articles it did not
    reach are analysed when the window next starts."""
    if op == "merge":
        target, sources = args
        return merge_many(store, target, sources, progress=progress, cancel=cancel)
    if op == "split":
        return split(store, *args, progress=progress, cancel=cancel)
    if op == "rename":
        ref, name, even_if_alias = args
        return rename(
            store, ref, name, progress=progress, cancel=cancel, even_if_alias=even_if_alias
        )
    if op == "retype":
        refs, entity_type = args
        return retype_many(store, refs, entity_type, progress=progress, cancel=cancel)[0]
    if op == "alias":
        return add_alias(store, *args, progress=progress, cancel=cancel)
    if op == "confirm":
        return confirm_many(store, args[0], progress=progress, cancel=cancel)[0]
    if op == "ignore":
        ignore_many(store, args[0], progress=progress, cancel=cancel)
        return None
    if op == "unignore":
        return unignore_many(store, args[0], progress=progress, cancel=cancel)[0]
    if op == "undo":
        undo_last(store, progress=progress, cancel=cancel)
        return None
    raise ValueError(f"unknown edit {op!r}")
