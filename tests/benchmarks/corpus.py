"""A generated corpus for benchmarks: real Arabic sentences from the seeds, recombined,
with the actors swapped for others from the gazetteer, spread over outlets and dates.

Articles have 5 to 23 sentences (about 2,300 characters on average, the seeds have
2,700): 30,000 of them are about 130 MB of text, the size the speed targets are set for.
"""

from __future__ import annotations

import datetime as dt
import itertools
import json
import random
import re
from collections.abc import Iterator
from pathlib import Path

from desktop.corpus.outlets import OutletDirectory
from desktop.lexicon.gazetteer import load_gazetteer
from desktop.text.sentences import split_document
from tests.benchmarks.names import name_pool

REPO = Path(__file__).resolve().parents[2]
SWAPPABLE = (
    "دي ميستورا",
    "دي مستورا",
    "بيدرسون",
    "جيفري",
    "لافروف",
    "الجعفري",
    "الحريري",
    "كوناشنكوف",
    "خاجي",
)


def _sentences() -> list[str]:
    out = []
    for path in sorted((REPO / "seeds").glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        for _para, spans in split_document(text):
            out += [text[a:b] for a, b in spans if b - a > 40]
    return out


class _NewNames:
    """People no lexicon knows: each article casts one to three of them, drawn with
    weights falling as 1/rank (a few are in the news every day, most once or twice),
    named in full or by the family name alone."""

    def __init__(self, n: int, seed: int) -> None:
        self.rng = random.Random(seed + 1)
        pool = name_pool(max(100, n // 2), self.rng)
        self.names = pool
        self.weights = list(itertools.accumulate(1 / (r + 1) ** 0.9 for r in range(len(pool))))

    def cast(self) -> list[tuple[str, str]]:
        return self.rng.choices(self.names, cum_weights=self.weights, k=self.rng.randint(1, 3))

    def form(self, cast: list[tuple[str, str]]) -> str:
        full, family = self.rng.choice(cast)
        return family if self.rng.random() < 0.35 else full


def articles(n: int, seed: int = 7, new_names: float = 0.0) -> Iterator[dict[str, str]]:
    """``new_names``: the share of actors named by :class:`_NewNames` rather than the
    gazetteer (0 leaves the corpus as it always was)."""
    rng = random.Random(seed)
    sentences = _sentences()
    people = [e for e in load_gazetteer() if e.type == "person"]
    outlets = [s.name for s in OutletDirectory.default().signatures]
    swap = re.compile("|".join(SWAPPABLE))
    start = dt.date(2012, 1, 1)
    new = _NewNames(n, seed) if new_names > 0 else None
    for i in range(n):
        body = []
        cast = new.cast() if new is not None else []
        for _ in range(rng.randint(5, 23)):
            s = rng.choice(sentences)
            person = rng.choice(people)
            name = rng.choice(person.names)
            if new is not None and new.rng.random() < new_names:
                name = new.form(cast)
            body.append(swap.sub(name, s, count=1))
        paragraphs = ["\n".join(body[j : j + 3]) for j in range(0, len(body), 3)]
        yield {
            "title": body[0][:90],
            "content": "\n".join(paragraphs) + f"\n({i})",
            "source": rng.choice(outlets),
            "date": (start + dt.timedelta(days=rng.randint(0, 4600))).isoformat(),
            "url": f"https://example.org/{i}",
        }


def write_corpus(folder: Path, n: int, per_file: int = 1000, new_names: float = 0.0) -> int:
    """JSON Lines files of ``per_file`` articles; returns the bytes of text written."""
    folder.mkdir(parents=True, exist_ok=True)
    total = 0
    batch: list[str] = []
    k = 0
    for art in articles(n, new_names=new_names):
        line = json.dumps(art, ensure_ascii=False)
        total += len(art["content"].encode("utf-8"))
        batch.append(line)
        if len(batch) == per_file:
            (folder / f"part-{k:04d}.jsonl").write_text("\n".join(batch), encoding="utf-8")
            batch, k = [], k + 1
    if batch:
        (folder / f"part-{k:04d}.jsonl").write_text("\n".join(batch), encoding="utf-8")
    return total
