"""Passage alignment: which sentences of two articles report the same thing.

Sentences become sets of content words (normalised, proclitics and the article
stripped, function words dropped) plus the actors they mention. Words are weighted by
inverse frequency over the sentences of both articles, so what every sentence says
(the outlet's boilerplate, the ever-present actor) weighs little. Pairs are scored by a
weighted cosine and matched one to one, best first.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from desktop.text.normalize import normalize
from desktop.text.tokens import WORD_RE

MIN_SCORE = 0.2
#: a sentence of fewer content words and actors says too little to be matched («جنيف-سانا»,
#: a dateline, was aligned with a sentence that named Geneva and quoted SANA)
MIN_FEATURES = 3
_ARTICLE_CLITICS = ("وبال", "وال", "فال", "بال", "كال", "لل", "ال")
_BARE = ("وب", "ول", "وك", "فب", "فل", "و", "ف", "ب", "ل", "ك")


def stem_word(word: str) -> str:
    """The word without proclitics and article (never shorter than three letters)."""
    for p in _ARTICLE_CLITICS:
        if word.startswith(p) and len(word) - len(p) >= 3:
            return word[len(p) :]
    for p in _BARE:
        if word.startswith(p) and len(word) - len(p) >= 3:
            return word[len(p) :]
    return word


_SUFFIXES = ("ات", "ون", "ين", "ها", "هم", "نا", "ه")
_VERB_PREFIXES = "ينتا"


def light_stem(word: str) -> str:
    """A rough stem for comparing passages (never for names): proclitics, the article,
    one plural or pronoun suffix and an imperfect-verb prefix removed
    (نتوقع/أتوقع → توقع)."""
    w = stem_word(word)
    for suffix in _SUFFIXES:
        if w.endswith(suffix) and len(w) - len(suffix) >= 3:
            w = w[: -len(suffix)]
            break
    if len(w) >= 5 and w[0] in _VERB_PREFIXES:
        w = w[1:]
    return w


def content_words(
    text: str, function_words: frozenset[str], seen: dict[str, str | None] | None = None
) -> set[str]:
    """The light stems of a passage's content words. ``seen`` keeps what each word gave
    (``None``: no content word) across the passages of one comparison: a long article
    says the same words again and again."""
    seen = {} if seen is None else seen
    out = set()
    for w in WORD_RE.findall(normalize(text)):
        if w in seen:
            s: str | None = seen[w]
        else:
            s = None
            if w not in function_words and len(w) >= 3:
                stem = light_stem(w)
                if stem not in function_words and stem_word(w) not in function_words:
                    s = stem
            seen[w] = s
        if s is not None:
            out.add(s)
    return out


@dataclass(frozen=True)
class AlignedPair:
    a: int
    b: int
    score: float
    shared: tuple[str, ...]


@dataclass(frozen=True)
class Alignment:
    pairs: list[AlignedPair]
    only_a: list[int]
    only_b: list[int]


def _prefix_index(
    b: Sequence[set[str]], nb: Sequence[float], w2: dict[str, float], min_score: float
) -> dict[str, list[int]]:
    """Term → the sentences of ``b`` that can be paired through it. A sentence is listed
    under its heavier terms only: its lightest terms, together lighter than ``min_score``
    of its weight (with a margin for rounding), cannot make a pair alone: by
    Cauchy–Schwarz, the words two sentences share among those terms score at most their
    share of the weight. Every pair that reaches ``min_score`` therefore shares a listed
    term, and only those pairs are scored, where every pair that shared any word was
    (the common words of two long reports on one subject made that nearly all pairs)."""
    index: dict[str, list[int]] = {}
    for j, fb in enumerate(b):
        budget = (min_score * 0.99 * nb[j]) ** 2
        light = 0.0
        for t in sorted(fb, key=lambda t: (w2[t], t)):
            light += w2[t]
            if light >= budget:
                index.setdefault(t, []).append(j)
    return index


def align(a: Sequence[set[str]], b: Sequence[set[str]], min_score: float = MIN_SCORE) -> Alignment:
    """Align two lists of sentence feature sets (see :func:`content_words`)."""
    df: Counter[str] = Counter()
    for feats in (*a, *b):
        df.update(feats)
    n = len(a) + len(b)
    # each term's squared weight, once: the pairs of two long articles ask for it
    # hundreds of thousands of times
    w2 = {t: math.log((n + 1) / (k + 0.5)) ** 2 for t, k in df.items()}
    squared = w2.__getitem__

    # fsum: a sum of floats exactly rounded whatever order a set gives them in, so that
    # the scores, and the pairs chosen by them, are the same in every run
    def norm(feats: Iterable[str]) -> float:
        return math.sqrt(math.fsum(map(squared, feats))) or 1.0

    na = [norm(f) for f in a]
    nb = [norm(f) for f in b]
    index = _prefix_index(b, nb, w2, min_score)
    scored = []
    for i, fa in enumerate(a):
        if len(fa) < MIN_FEATURES:
            continue
        candidates: set[int] = set()
        for t in fa:
            found = index.get(t)
            if found is not None:
                candidates.update(found)
        for j in candidates:
            if len(b[j]) < MIN_FEATURES:
                continue
            score = math.fsum(map(squared, fa & b[j])) / (na[i] * nb[j])
            if score >= min_score:
                scored.append((score, i, j))
    scored.sort(key=lambda x: (-x[0], x[1], x[2]))
    used_a: set[int] = set()
    used_b: set[int] = set()
    pairs = []
    for score, i, j in scored:
        if i in used_a or j in used_b:
            continue
        used_a.add(i)
        used_b.add(j)
        top = sorted(a[i] & b[j], key=lambda t: (-w2[t], t))[:6]
        pairs.append(AlignedPair(i, j, round(score, 3), tuple(top)))
    pairs.sort(key=lambda p: p.a)
    return Alignment(
        pairs,
        [i for i in range(len(a)) if i not in used_a],
        [j for j in range(len(b)) if j not in used_b],
    )
