"""Word lists: reporting verbs (with categories) and function words."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from desktop.datafiles import read_tsv, split_list
from desktop.paths import resource
from desktop.text.normalize import normalize


@dataclass(frozen=True)
class ReportingVerb:
    lemma: str
    category: str
    en: str


def load_reporting_verbs(path: Path | None = None) -> dict[str, ReportingVerb]:
    """Normalised written form → its verb (lemma, category)."""
    out: dict[str, ReportingVerb] = {}
    for row in read_tsv(path or resource("lexicons", "reporting_verbs.tsv")):
        verb = ReportingVerb(row["verb"], row["category"], row.get("en", ""))
        for form in (row["verb"], *split_list(row.get("forms", ""))):
            out.setdefault(normalize(form), verb)
    return out


def load_function_words(path: Path | None = None) -> frozenset[str]:
    return load_word_list(path or resource("lexicons", "function_words.txt"))


def load_unnamed_sources(path: Path | None = None) -> frozenset[str]:
    """Nouns that speak for nobody named («ناشطون», «مصادر»), normalised."""
    return load_word_list(path or resource("lexicons", "unnamed_sources.txt"))


def load_relatives(path: Path | None = None) -> frozenset[str]:
    """Nouns that put a person's relative or lawyer in the speaker's place («خطيبة»,
    «محامي»), normalised, with the forms of «ه» and «ها» (his, her: «زوجته»)."""
    words = load_word_list(path or resource("lexicons", "relatives.txt"))
    out = set(words)
    for w in words:
        stem = w[:-1] + "ت" if w.endswith("ه") else w
        out.update((stem + "ه", stem + "ها"))
    return frozenset(out)


def load_article_first_names(path: Path | None = None) -> frozenset[str]:
    """First names written with the article («الطيب», «الحبيب»), normalised: after a title
    they open a name rather than describe the title."""
    return load_word_list(path or resource("lexicons", "article_first_names.txt"))


def load_body_heads(path: Path | None = None) -> frozenset[str]:
    """Nouns that name a body with the definite words after them («وكالة الأنباء …»),
    normalised."""
    return load_word_list(path or resource("lexicons", "body_heads.txt"))


def load_name_heads(path: Path | None = None) -> frozenset[str]:
    """Nouns a quoted name follows («معبر "صوفا"», «عملية "غصن الزيتون"»), normalised."""
    return load_word_list(path or resource("lexicons", "name_heads.txt"))


def load_not_names(path: Path | None = None) -> frozenset[str]:
    """Words that follow a title but never make a name («يجري», «محادثات»), normalised."""
    return load_word_list(path or resource("lexicons", "not_names.txt"))


def load_written_on(path: Path | None = None) -> frozenset[str]:
    """Where words are written for others («تويتر», «تغريدة», «حسابه»), normalised: a
    verb of writing reports only with one of them after it."""
    return load_word_list(path or resource("lexicons", "written_on.txt"))


def load_ta_marbuta_first_names(path: Path | None = None) -> frozenset[str]:
    """First names that end in «ة» («أسامة», «فاطمة»), normalised: after a title they
    open a name rather than being a noun."""
    return load_word_list(path or resource("lexicons", "ta_marbuta_first_names.txt"))


def load_given_names(path: Path | None = None) -> frozenset[str]:
    """Arabic given names («سامي», «ليلى»), normalised: right before a family name the
    gazetteer gives one person, one that is none of that person's names names another."""
    return load_word_list(path or resource("lexicons", "given_names.txt"))


def load_time_units(path: Path | None = None) -> frozenset[str]:
    """Units of time («أيام», «ساعات»): a number counting one is no casualty figure."""
    return load_word_list(path or resource("lexicons", "time_units.txt"))


def load_word_list(path: Path) -> frozenset[str]:
    """A lexicon of one word a line (``#`` comments), normalised."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(normalize(w.strip()) for w in lines if w.strip() and not w.startswith("#"))
