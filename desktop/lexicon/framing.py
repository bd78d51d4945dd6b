"""The framing lexicons: labels with their framing category, distancing phrases, event
triggers (formats in ``resources/lexicons/README.md``)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from desktop.datafiles import DataFileError, read_tsv
from desktop.paths import resource
from desktop.text.normalize import normalize

LABEL_CATEGORIES = ("official", "neutral", "delegitimising", "legitimising")
DISTANCING_POSITIONS = ("before", "after", "adjective")
DISTANCING_KINDS = ("attribution", "doubt")
EVENT_TYPES = (
    "talks",
    "meeting",
    "call",
    "statement",
    "visit",
    "ceasefire",
    "offensive",
    "casualties",
    "displacement",
    "resolution",
    "agreement",
)


def _norm(text: str) -> str:
    return " ".join(normalize(text).split())


@dataclass(frozen=True)
class LabelEntry:
    label: str
    actor: str | None
    category: str
    en: str


@dataclass(frozen=True)
class DistancingEntry:
    phrase: str
    position: str
    kind: str
    en: str


def _check(value: str, allowed: tuple[str, ...], what: str, where: str) -> str:
    if value not in allowed:
        raise DataFileError(f"{where}: {what} {value!r} is not one of {', '.join(allowed)}")
    return value


def load_labels(path: Path | None = None) -> list[LabelEntry]:
    path = path or resource("lexicons", "labels.tsv")
    return [
        LabelEntry(
            r["label"],
            r.get("actor") or None,
            _check(r["category"], LABEL_CATEGORIES, "category", path.name),
            r.get("en", ""),
        )
        for r in read_tsv(path)
        if r.get("label")
    ]


def load_distancing(path: Path | None = None) -> list[DistancingEntry]:
    path = path or resource("lexicons", "distancing.tsv")
    return [
        DistancingEntry(
            r["phrase"],
            _check(r["position"], DISTANCING_POSITIONS, "position", path.name),
            _check(r["kind"], DISTANCING_KINDS, "kind", path.name),
            r.get("en", ""),
        )
        for r in read_tsv(path)
        if r.get("phrase")
    ]


def load_event_triggers(path: Path | None = None) -> dict[str, str]:
    """Normalised trigger → event type."""
    path = path or resource("lexicons", "events.tsv")
    out: dict[str, str] = {}
    for r in read_tsv(path):
        if r.get("trigger"):
            out.setdefault(_norm(r["trigger"]), _check(r["type"], EVENT_TYPES, "type", path.name))
    return out
