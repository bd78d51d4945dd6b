"""Clustering discovered names across the corpus.

Two discovered names are one person when their family names share a phonetic skeleton
and the shorter name's words are a subset of the longer one's (علي خاجي ⊂ علي أصغر
خاجي), or when their whole skeletons are near-identical (rapidfuzz ratio ≥ 90, e.g. a
doubled or dropped letter the skeleton keeps). A shared first name alone never merges.
"""

from __future__ import annotations

from collections.abc import Iterable

from rapidfuzz import fuzz

from desktop.analysis.variants import skeleton

MIN_RATIO = 90.0


def same_person(a: str, b: str) -> float:
    """Confidence (0–1) that two normalised personal names name one person; 0 if not."""
    sa, sb = skeleton(a).split(), skeleton(b).split()
    if not sa or not sb or sa[-1] != sb[-1]:
        return 0.0
    short, long_ = (sa, sb) if len(sa) <= len(sb) else (sb, sa)
    if len(short) >= 2 and set(short) <= set(long_):
        return 0.9
    ratio = fuzz.ratio(" ".join(sa), " ".join(sb))
    if len(sa) == len(sb) and ratio >= MIN_RATIO:
        return ratio / 100
    return 0.0


def cluster_names(names: Iterable[tuple[str, str]]) -> dict[str, tuple[str, float]]:
    """``(key, normalised name)`` pairs → redirects ``key → (target key, confidence)``.

    Each cluster's target is its longest name (then the first seen). Names are compared
    only with names of the same family skeleton, the only ones :func:`same_person` can
    join: a corpus that names thousands of people is not compared pair by pair."""
    items = list(dict(names).items())
    items.sort(key=lambda kv: -len(kv[1].split()))
    by_family: dict[str, list[tuple[str, str]]] = {}
    for key, name in items:
        words = skeleton(name).split()
        if words:
            by_family.setdefault(words[-1], []).append((key, name))
    redirects: dict[str, tuple[str, float]] = {}
    for group in by_family.values():
        for i, (key, name) in enumerate(group):
            if key in redirects:
                continue
            for other_key, other_name in group[i + 1 :]:
                if other_key in redirects:
                    continue
                score = same_person(name, other_name)
                if score:
                    redirects[other_key] = (key, score)
    return redirects
