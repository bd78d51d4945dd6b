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

#: the type of a phrase that holds a trigger and tells of no event («تصريح عمل», a work
#: permit): listed so that the longest match, it, wins
NO_EVENT = "none"


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
    """Normalised trigger → event type; a future verb's dual and plural with it
    («سيلتقي» → «سيلتقيان», «سيلتقون»)."""
    path = path or resource("lexicons", "events.tsv")
    out: dict[str, str] = {}
    for r in read_tsv(path):
        if r.get("trigger"):
            etype = _check(r["type"], (*EVENT_TYPES, NO_EVENT), "type", path.name)
            trigger = _norm(r["trigger"])
            out.setdefault(trigger, etype)
            for form in sorted(_future_forms(trigger) - {trigger}):
                out.setdefault(form, etype)
    return out


PLANNED_PLACES = ("before", "after", "either", "between", "done")


@dataclass(frozen=True)
class PlannedWords:
    """The signs that an event is to come (``planned.tsv``), normalised."""

    #: phrases before the trigger, as tuples of words («من المقرر» → ("من", "المقرر"))
    before: frozenset[tuple[str, ...]] = frozenset()
    #: words after the trigger («المقبلة»)
    after: frozenset[str] = frozenset()
    #: words that may stand between a sign and the trigger («أن», «تعقد»)
    between: frozenset[str] = frozenset()
    #: past verbs that tell the event after them took place («وعقد الطرفان اجتماعاً»,
    #: «التقى»): a date after the article's is then no sign it is to come
    done: frozenset[str] = frozenset()

    @property
    def before_ends(self) -> frozenset[str]:
        """The last word of each phrase before the trigger, with «و» or «ف» before a
        phrase of one word («وستعقد»), as a document's tokens are."""
        ends = {p[-1] for p in self.before}
        return frozenset(ends | {c + e for e in ends for c in ("و", "ف") if (e,) in self.before})


def _future_forms(word: str) -> set[str]:
    """A future verb listed in the singular, with its dual and plural («سيعقد» →
    «سيعقدان», «سيعقدون»; «سيلتقي» → «سيلتقيان», «سيلتقون»), normalised; other words alone."""
    if " " in word or not word.startswith(("سي", "ست")) or len(word) < 4:
        return {word}
    stem = word[:-1] if word.endswith("ي") else word
    return {word, word + "ان", stem + "ون"}


def load_planned(path: Path | None = None) -> PlannedWords:
    path = path or resource("lexicons", "planned.tsv")
    before: set[tuple[str, ...]] = set()
    after: set[str] = set()
    between: set[str] = set()
    done: set[str] = set()
    for r in read_tsv(path):
        words = _norm(r.get("words") or "")
        if not words:
            continue
        where = _check(r["where"], PLANNED_PLACES, "where", path.name)
        if where in ("before", "either"):
            before.update((form,) for form in _future_forms(words))
            before.add(tuple(words.split()))
        if where in ("after", "either"):
            if " " in words:
                raise DataFileError(f"{path.name}: {words!r}: a word after the trigger is one word")
            after.update(_future_forms(words))
        if where == "between":
            between.add(words)
        if where == "done":
            if " " in words:
                raise DataFileError(f"{path.name}: {words!r}: a past verb is one word")
            done.add(words)
    return PlannedWords(frozenset(before), frozenset(after), frozenset(between), frozenset(done))
