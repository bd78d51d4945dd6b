"""Reading the shipped, human-editable data files (tab-separated, ``#`` comments)."""

from __future__ import annotations

from pathlib import Path


class DataFileError(ValueError):
    """A data file is malformed; the message names the file and line."""


def read_tsv(path: Path) -> list[dict[str, str]]:
    """Rows of a TSV file as dicts keyed by its header (the first non-comment line).

    Blank lines and lines starting with ``#`` are skipped; missing trailing cells are
    empty strings; cells are stripped of surrounding white space.
    """
    header: list[str] | None = None
    rows: list[dict[str, str]] = []
    for number, raw in enumerate(path.read_text(encoding="utf-8-sig").splitlines(), 1):
        if not raw.strip() or raw.lstrip().startswith("#"):
            continue
        cells = [c.strip() for c in raw.split("\t")]
        if header is None:
            header = cells
            continue
        if len(cells) > len(header):
            raise DataFileError(
                f"{path.name}:{number}: {len(cells)} cells for {len(header)} columns"
            )
        cells += [""] * (len(header) - len(cells))
        rows.append(dict(zip(header, cells, strict=True)))
    return rows


def split_list(cell: str) -> list[str]:
    """A ``|``-separated cell as a list of non-empty items."""
    return [item.strip() for item in cell.split("|") if item.strip()]
