"""A generated corpus for benchmarks: real Arabic sentences from the seeds, recombined,
with the actors swapped for others from the gazetteer, spread over outlets and dates.

Articles have 5 to 23 sentences (about 2,300 characters on average, the seeds have
2,700): 30,000 of them are about 130 MB of text, the size the speed targets are set for.
"""

from __future__ import annotations

import datetime as dt
import json
import random
import re
from collections.abc import Iterator
from pathlib import Path

from desktop.corpus.outlets import OutletDirectory
from desktop.lexicon.gazetteer import load_gazetteer
from desktop.text.sentences import split_document

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


def articles(n: int, seed: int = 7) -> Iterator[dict[str, str]]:
    rng = random.Random(seed)
    sentences = _sentences()
    people = [e for e in load_gazetteer() if e.type == "person"]
    outlets = [s.name for s in OutletDirectory.default().signatures]
    swap = re.compile("|".join(SWAPPABLE))
    start = dt.date(2012, 1, 1)
    for i in range(n):
        body = []
        for _ in range(rng.randint(5, 23)):
            s = rng.choice(sentences)
            person = rng.choice(people)
            body.append(swap.sub(rng.choice(person.names), s, count=1))
        paragraphs = ["\n".join(body[j : j + 3]) for j in range(0, len(body), 3)]
        yield {
            "title": body[0][:90],
            "content": "\n".join(paragraphs) + f"\n({i})",
            "source": rng.choice(outlets),
            "date": (start + dt.timedelta(days=rng.randint(0, 4600))).isoformat(),
            "url": f"https://example.org/{i}",
        }


def write_corpus(folder: Path, n: int, per_file: int = 1000) -> int:
    """JSON Lines files of ``per_file`` articles; returns the bytes of text written."""
    folder.mkdir(parents=True, exist_ok=True)
    total = 0
    batch: list[str] = []
    k = 0
    for art in articles(n):
        line = json.dumps(art, ensure_ascii=False)
        total += len(art["content"].encode("utf-8"))
        batch.append(line)
        if len(batch) == per_file:
            (folder / f"part-{k:04d}.jsonl").write_text("\n".join(batch), encoding="utf-8")
            batch, k = [], k + 1
    if batch:
        (folder / f"part-{k:04d}.jsonl").write_text("\n".join(batch), encoding="utf-8")
    return total
