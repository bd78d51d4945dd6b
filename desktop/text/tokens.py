"""Word tokens with offsets into the original text, and Arabic proclitics."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

# A word: letters or digits of any script, with the Arabic marks and tatweel that may sit
# inside it (they are letters' companions, not separators). Underscore is not a letter.
_MARKS = "\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640\u200c\u200d"
WORD_RE = re.compile(rf"(?:[^\W_]|[{_MARKS}])+")
#: A word of *normalised* text: the normaliser deletes every mark ``WORD_RE`` lets into a
#: word, so plain word characters suffice (and match about twice as fast).
NORM_WORD_RE = re.compile(r"[^\W_]+")
#: splits normalised text into the runs between words and the words (captured)
NORM_WORD_SPLIT_RE = re.compile(r"([^\W_]+)")


#: Proclitic sequences that may stand before a word, longest first (normalised forms).
PROCLITICS: tuple[str, ...] = (
    "وبال",
    "وكال",
    "فبال",
    "وال",
    "فال",
    "بال",
    "كال",
    "ولل",
    "فلل",
    "لل",
    "وب",
    "ول",
    "وك",
    "فب",
    "فل",
    "و",
    "ف",
    "ب",
    "ل",
    "ك",
)
#: Proclitics allowed before a word that does not start with the article.
BARE_PROCLITICS: tuple[str, ...] = ("وب", "ول", "وك", "فب", "فل", "و", "ف", "ب", "ل", "ك")


@dataclass(frozen=True, slots=True)
class Token:
    start: int
    end: int
    text: str


def tokenize(text: str) -> list[Token]:
    """Word tokens of ``text`` with code-point offsets; punctuation is not a token."""
    return [Token(m.start(), m.end(), m.group()) for m in WORD_RE.finditer(text)]


def words(text: str) -> list[str]:
    """The words of ``text`` without offsets."""
    return WORD_RE.findall(text)


def proclitic_forms(word: str) -> list[str]:
    """Surface forms of a normalised ``word`` with each allowed proclitic in front.

    For a word with the article (الامم) the forms include لل (للامم) and the forms with
    و ف ب ك before the article; for any word the bare proclitics.
    """
    forms = [word]
    if word.startswith("ال") and len(word) > 2:
        stem = word[2:]
        forms += [p + word for p in ("و", "ف", "ب", "ك", "وب", "فب", "وك")]
        forms += ["لل" + stem, "ولل" + stem, "فلل" + stem]
    else:
        forms += [p + word for p in BARE_PROCLITICS]
    return forms


_CLITIC_LETTERS = frozenset("وفبلك")
_ARTICLE_PROCLITICS = ("وال", "فال", "بال", "كال")


@lru_cache(maxsize=200_000)
def strip_proclitic(word: str) -> tuple[str, ...]:
    """A normalised word and its forms without a leading proclitic (longest first)."""
    if word.startswith(("ال", "لل")):
        return (word,)
    for p in _ARTICLE_PROCLITICS:
        if word.startswith(p):
            return (word, word[len(p) - 2 :])
    forms = [word]
    if word[:1] in _CLITIC_LETTERS:
        for p in BARE_PROCLITICS:
            if word.startswith(p) and len(word) - len(p) >= 3:
                forms.append(word[len(p) :])
    return tuple(forms)


def words_stripping_to(targets: Iterable[str]) -> frozenset[str]:
    """Every word that is one of ``targets`` once a proclitic is stripped: ``w`` is in it
    exactly when a form of :func:`strip_proclitic` of ``w`` is a target. A pass over a
    document's words then needs one set lookup a word."""
    wanted = frozenset(targets)
    made = set(wanted)
    for t in wanted:
        made.update(p + t for p in BARE_PROCLITICS)
        if t.startswith("ال"):
            made.update(p + t[2:] for p in _ARTICLE_PROCLITICS)
    return frozenset(w for w in made if not wanted.isdisjoint(strip_proclitic(w)))


def article_form(written: str) -> str:
    """A name or label as written after «لـ», which takes the alif of its article
    («للتحالف الدولي», «للإرهابيين»), with its article back («التحالف الدولي»): how it
    is listed and counted, as the same name written without «لـ» is."""
    if len(written) > 3 and written.startswith("لل") and written[2] not in "ّ":
        return "ا" + written[1:]
    return written


def with_lam_forms(written: str) -> list[str]:
    """The ways a name written ``written`` is written in the articles and counted as one
    (:func:`article_form`): itself, and after «لـ» when it opens with the article
    («الموصل» and «للموصل»)."""
    after_lam = "ل" + written[1:]
    if written.startswith("ال") and article_form(after_lam) == written:
        return [written, after_lam]
    return [written]


def folded_forms(counts: Iterable[tuple[str, int]]) -> list[tuple[str, int]]:
    """Written forms and their counts with a name written after «لـ» counted as the name
    («للموصل» as «الموصل»), most frequent first, then in text order."""
    folded: dict[str, int] = {}
    for form, n in counts:
        key = article_form(form)
        folded[key] = folded.get(key, 0) + n
    return sorted(folded.items(), key=lambda kv: (-kv[1], kv[0]))
