"""The gazetteer: known actors, places and organisations with their aliases.

Format (documented for editors in ``resources/gazetteer/README.md``): tab-separated files
with the columns ``id type ar en aliases roles affiliation``; ``|`` separates list items.
The user's own lexicon exports to the same format, with one more column, ``status``: what
the user did with the entry (see :mod:`desktop.entity_edits`).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from desktop.datafiles import DataFileError, read_tsv, split_list
from desktop.paths import resource
from desktop.text.normalize import normalize

ENTITY_TYPES = ("person", "organisation", "place", "group", "state", "media")
COLUMNS = ("id", "type", "ar", "en", "aliases", "roles", "affiliation")
#: the column a user lexicon adds; a file without it reads as if it were empty
STATUS = "status"


@dataclass(frozen=True)
class GazetteerEntry:
    key: str
    type: str
    name: str
    name_en: str
    aliases: tuple[str, ...] = ()
    roles: tuple[str, ...] = ()
    affiliation: str | None = None

    @property
    def names(self) -> tuple[str, ...]:
        """The canonical name followed by the aliases."""
        return (self.name, *self.aliases)


@dataclass(frozen=True)
class Role:
    key: str
    en: str
    phrases: tuple[str, ...]


def parse_entries(rows: Iterable[dict[str, str]], where: str) -> list[GazetteerEntry]:
    entries = []
    for row in rows:
        missing = [c for c in ("id", "type", "ar") if not row.get(c)]
        if missing:
            raise DataFileError(f"{where}: row {row!r} lacks {', '.join(missing)}")
        if row["type"] not in ENTITY_TYPES:
            raise DataFileError(f"{where}: {row['id']}: unknown type {row['type']!r}")
        entries.append(
            GazetteerEntry(
                key=row["id"],
                type=row["type"],
                name=row["ar"],
                name_en=row.get("en", ""),
                aliases=tuple(split_list(row.get("aliases", ""))),
                roles=tuple(split_list(row.get("roles", ""))),
                affiliation=row.get("affiliation") or None,
            )
        )
    return entries


def load_gazetteer(folder: Path | None = None) -> list[GazetteerEntry]:
    """Every entry of every ``*.tsv`` in the gazetteer folder, validated."""
    folder = folder or resource("gazetteer")
    entries: list[GazetteerEntry] = []
    for path in sorted(folder.glob("*.tsv")):
        entries += parse_entries(read_tsv(path), path.name)
    keys = [e.key for e in entries]
    dupes = sorted({k for k in keys if keys.count(k) > 1})
    if dupes:
        raise DataFileError(f"gazetteer: duplicate ids {', '.join(dupes)}")
    return entries


def load_roles(path: Path | None = None) -> list[Role]:
    rows = read_tsv(path or resource("lexicons", "roles.tsv"))
    return [Role(r["role"], r.get("en", ""), tuple(split_list(r["phrases"]))) for r in rows]


def load_titles(path: Path | None = None) -> dict[str, str]:
    """Normalised title → kind (office, honorific, ministry)."""
    rows = read_tsv(path or resource("lexicons", "titles.tsv"))
    return {normalize(r["title"]): r["kind"] for r in rows if r.get("title")}


def load_nisbas(path: Path | None = None) -> dict[str, str]:
    """Normalised nationality adjective → state key."""
    rows = read_tsv(path or resource("lexicons", "nisba.tsv"))
    return {normalize(r["nisba"]): r["state"] for r in rows if r.get("nisba")}


def load_contextual(path: Path | None = None) -> dict[str, frozenset[str]]:
    """Normalised phrase → the ids a document must name for the phrase to name its actor
    (``resources/lexicons/contextual.tsv``: «المعارضة» is the Syrian opposition in news
    about Syria only)."""
    path = path or resource("lexicons", "contextual.tsv")
    out: dict[str, frozenset[str]] = {}
    for r in read_tsv(path):
        if not r.get("phrase"):
            continue
        about = frozenset(split_list(r.get("about", "")))
        if not about:
            raise DataFileError(f"{path.name}: {r['phrase']!r} is about nothing")
        out[" ".join(normalize(r["phrase"]).split())] = about
    return out


def write_gazetteer(
    entries: Iterable[GazetteerEntry],
    path: Path,
    comment: str = "",
    status: Mapping[str, str] | None = None,
) -> None:
    """Write entries in the gazetteer format (the user lexicon's export); with
    ``status`` (entry key → its status), a ``status`` column after the others."""
    lines = [f"# {line}" for line in comment.splitlines()] if comment else []
    lines.append("\t".join(COLUMNS if status is None else (*COLUMNS, STATUS)))
    for e in entries:
        cells = [
            e.key,
            e.type,
            e.name,
            e.name_en,
            "|".join(e.aliases),
            "|".join(e.roles),
            e.affiliation or "",
        ]
        if status is not None:
            cells.append(status.get(e.key, ""))
        lines.append("\t".join(c.replace("\t", " ").replace("\n", " ") for c in cells))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
