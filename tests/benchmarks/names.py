"""Personal names no lexicon of the app knows, for benchmark corpora that, like real
coverage, name thousands of people the gazetteer has never heard of."""

from __future__ import annotations

import itertools
import random
from pathlib import Path

_ROWS = [
    line.split("\t")
    for line in (Path(__file__).with_name("names.tsv")).read_text(encoding="utf-8").splitlines()[1:]
]
FIRST = [name for kind, name in _ROWS if kind == "first"]
FAMILY = [name for kind, name in _ROWS if kind == "family"]


def name_pool(size: int, rng: random.Random) -> list[tuple[str, str]]:
    """``size`` distinct (full name, family name) pairs: two words, or three with a
    father's name, as Arabic coverage writes them."""
    pairs = [(f, s) for f, s in itertools.product(FIRST, FAMILY)]
    rng.shuffle(pairs)
    out: dict[str, str] = {}
    for first, family in pairs:
        if len(out) >= size:
            break
        out[f"{first} {family}"] = family
    while len(out) < size:
        first, father, family = rng.choice(FIRST), rng.choice(FIRST), rng.choice(FAMILY)
        if first != father:
            out[f"{first} {father} {family}"] = family
    return list(out.items())
