"""Words of normalised text: proclitics stripped, words found by lookup, tokens with
offsets, dates written in the text."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from desktop.analysis.doctext import DocText
from desktop.text.normalize import normalize
from desktop.text.reldates import find_dates
from desktop.text.tokens import (
    BARE_PROCLITICS,
    NORM_WORD_RE,
    WORD_RE,
    strip_proclitic,
    words_stripping_to,
)
from tests.conftest import SEEDS


def _seed_words() -> list[str]:
    words: set[str] = set()
    for path in sorted(SEEDS.glob("*.txt")):
        words.update(NORM_WORD_RE.findall(normalize(path.read_text(encoding="utf-8"))))
    return sorted(words)


SEED_WORDS = _seed_words()


@pytest.mark.parametrize(
    ("word", "forms"),
    [
        ("وقال", ("وقال", "قال")),
        ("فأكد", ("فأكد", "أكد")),
        ("وللأمم", ("وللأمم", "لأمم", "للأمم")),  # longest proclitic first: ول, then و
        ("والحكومه", ("والحكومه", "الحكومه")),
        ("بالمعارضه", ("بالمعارضه", "المعارضه")),
        ("الحكومه", ("الحكومه",)),
        ("للامم", ("للامم",)),
        ("وبلافروف", ("وبلافروف", "لافروف", "بلافروف")),
        ("ولد", ("ولد",)),  # what is left would be too short to be a word
        ("سوريا", ("سوريا",)),
    ],
)
def test_strip_proclitic(word: str, forms: tuple[str, ...]) -> None:
    assert strip_proclitic(word) == forms


def test_words_stripping_to_finds_the_prefixed_forms() -> None:
    found = words_stripping_to({"قال", "اكد", "الحكومه"})
    assert {"قال", "وقال", "فقال", "اكد", "واكد", "الحكومه", "والحكومه", "بالحكومه"} <= found
    assert "للحكومه" not in found  # لل fuses with the article: not a proclitic + الحكومه
    assert "قالت" not in found and "مقال" not in found


@given(
    targets=st.sets(st.sampled_from(SEED_WORDS), min_size=1, max_size=30),
    prefix=st.sampled_from(("", *BARE_PROCLITICS, "وال", "فال", "بال", "كال", "لل")),
    word=st.sampled_from(SEED_WORDS),
)
def test_words_stripping_to_is_exactly_the_words_whose_forms_meet_the_targets(
    targets: set[str], prefix: str, word: str
) -> None:
    closure = words_stripping_to(targets)
    for w in (word, prefix + word, *(prefix + t for t in targets)):
        assert (w in closure) == (not targets.isdisjoint(strip_proclitic(w))), w


def _finditer_tokens(norm: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group()) for m in NORM_WORD_RE.finditer(norm)]


def test_doctext_tokens_are_the_words_of_the_seed_articles() -> None:
    for path in sorted(SEEDS.glob("*.txt"))[:20]:
        doc = DocText(path.read_text(encoding="utf-8"))
        assert [tuple(t) for t in doc.tokens] == _finditer_tokens(doc.norm)
        assert doc.texts == [t.text for t in doc.tokens]
        assert doc.token_starts == [t.start for t in doc.tokens]


@given(st.text(alphabet="وقال بيدرسون، «جنيف» 2017-_.\n؟ٌ", max_size=60))
def test_doctext_tokens_on_any_text(text: str) -> None:
    doc = DocText(text)
    assert [tuple(t) for t in doc.tokens] == _finditer_tokens(doc.norm)


def test_token_indices_and_tokens_between() -> None:
    doc = DocText("وقال بيدرسون إن المحادثات في جنيف ستستأنف، وقال لافروف كذلك.")
    assert doc.token_indices({"وقال"}) == [0, 7]
    first_three = doc.tokens_between(0, len(doc.text), limit=3)
    assert [t for _a, _b, t in first_three] == ["وقال", "بيدرسون", "ان"]
    a, b, _t = first_three[1]
    assert doc.text[a:b] == "بيدرسون"


_SOME_WORDS = ["وقال", "قال", "في", "جنيف", "ان", "المحادثات", "لافروف", "سوريا"]


@given(
    st.lists(st.sampled_from([*_SOME_WORDS, "،", ".", " "]), max_size=40),
    st.lists(st.sampled_from(_SOME_WORDS), max_size=4),
    st.sampled_from([set, frozenset, lambda ws: dict.fromkeys(ws).keys()]),
)
def test_token_indices_are_those_of_a_scan(parts: list[str], wanted: list[str], kind) -> None:  # type: ignore[no-untyped-def]
    """Looked up through the document's word index, for a set or a dict's keys, asked
    several times: the indices a scan of every token gives."""
    doc = DocText(" ".join(parts))
    words = kind(wanted)
    expected = [i for i, w in enumerate(doc.texts) if w in words]
    assert doc.token_indices(words) == expected
    assert doc.token_indices(words) == expected


PUBLISHED = dt.date(2017, 5, 31)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # (matched normalised text, date, weekday, since)
        ("التقى الوفد الأربعاء 29 من أيار", [("الاربعاء 29 من ايار", dt.date(2017, 5, 29), 2, False)]),
        ("منذ 29 من نيسان", [("29 من نيسان", dt.date(2017, 4, 29), None, True)]),
        ("منذ الأحد 14 أيار الماضي", [("الاحد 14 ايار الماضي", dt.date(2017, 5, 14), 6, True)]),
        # since what happened then; a clause between is another sentence's
        ("منذ بداية تطبيقه في 30 من نيسان", [("30 من نيسان", dt.date(2017, 4, 30), None, True)]),
        ("منذ سنوات، عقد في 3 أيار", [("3 ايار", dt.date(2017, 5, 3), None, False)]),
        ("أول جلسة له منذ أشهر في 12 أيار", [("12 ايار", dt.date(2017, 5, 12), None, False)]),
        ("في 12 كانون الثاني/يناير 2016", [("12 كانون الثاني/يناير 2016", dt.date(2016, 1, 12), None, False)]),
        ("12 أيار والأحد 13 أيار", [
            ("12 ايار", dt.date(2017, 5, 12), None, False),
            ("الاحد 13 ايار", dt.date(2017, 5, 13), 6, False),
        ]),
        ("قال أمس إن", [("امس", dt.date(2017, 5, 30), None, False)]),
        # 2017-05-31 is a Wednesday: the Tuesday before it, and the ones to come
        ("الثلاثاء الماضي", [("الثلاثاء الماضي", dt.date(2017, 5, 30), 1, False)]),
        ("يوم الثلاثاء المقبل", [("الثلاثاء المقبل", dt.date(2017, 6, 6), 1, False)]),
        ("الخميس القادم", [("الخميس القادم", dt.date(2017, 6, 1), 3, False)]),
        ("الأربعاء المقبل", [("الاربعاء المقبل", dt.date(2017, 6, 7), 2, False)]),
        ("وتعقد غداً جلسة", [("غدا", dt.date(2017, 6, 1), None, False)]),
        ("تعقد الجلسة غدا.", [("غدا", dt.date(2017, 6, 1), None, False)]),
        # the verb «became»; tomorrow after a verb, its subject after it
        ("غدا الوضع أكثر تعقيداً", []),
        ("وتنطلق غداً الجولة الجديدة", [("غدا", dt.date(2017, 6, 1), None, False)]),
        ("المغدار", []),
    ],
)  # fmt: skip
def test_find_dates(text: str, expected: list[tuple[str, dt.date, int | None, bool]]) -> None:
    found = find_dates(normalize(text), PUBLISHED)
    assert [(d.text, d.date, d.weekday, d.since) for d in found] == expected


@given(
    st.text(alphabet=st.sampled_from(list("قال إن سوريا،.«»\u064b\u0640\u200f_7٣ a")), max_size=80),
    st.data(),
)
def test_a_span_holds_the_words_findall_finds_in_it(text: str, data: st.DataObject) -> None:
    """A quotation's length in words, counted over the document's tokens: what findall
    finds in its text (but for a mark standing alone, which the normaliser deletes, and
    a right-to-left mark, which it deletes between two words)."""
    a = data.draw(st.integers(0, len(text)))
    b = data.draw(st.integers(a, len(text)))
    expected = len(WORD_RE.findall(text[a:b]))
    assume(not re.search(r"(?<![^\W_])[\u064b\u0640\u200f]|\u200f", text))
    assert DocText(text).word_count(a, b) == expected


def test_planned_words_load_normalised_and_a_bad_row_is_named(tmp_path: Path) -> None:
    from desktop.datafiles import DataFileError
    from desktop.lexicon.framing import load_planned

    pw = load_planned()
    assert ("من", "المقرر") in pw.before and ("ستعقد",) in pw.before
    assert {"المقبله", "القادمه", "المقرر"} <= pw.after  # ة folded; «either» is both
    assert ("المقرر",) in pw.before
    assert "وستعقد" in pw.before_ends and "المقرر" in pw.before_ends
    # a future verb's dual and plural; no other word's; past verbs that tell it was done
    assert {("سيعقدان",), ("سيعقدون",), ("سيلتقيان",), ("سيلتقون",)} <= pw.before
    assert {"ستعقدان", "سيعقدون"} <= pw.after and ("المقررون",) not in pw.before
    assert {"وعقد", "التقي", "اجتمعا"} <= pw.done and "عقد" not in pw.done
    bad = tmp_path / "planned.tsv"
    bad.write_text("where\twords\ten\nafter\tفي الأسبوع المقبل\tnext week\n", encoding="utf-8")
    with pytest.raises(DataFileError, match="one word"):
        load_planned(bad)
    bad.write_text("where\twords\ten\ndone\tوعقد الطرفان\theld\n", encoding="utf-8")
    with pytest.raises(DataFileError, match="one word"):
        load_planned(bad)
    bad.write_text("where\twords\ten\nlater\tالمقبل\tnext\n", encoding="utf-8")
    with pytest.raises(DataFileError, match="where 'later'"):
        load_planned(bad)


@pytest.mark.parametrize(
    ("written", "listed"),
    [
        ("للتحالف الدولي", "التحالف الدولي"),
        ("للإرهابيين", "الإرهابيين"),
        ("للموصل", "الموصل"),
        ("التحالف الدولي", "التحالف الدولي"),
        ("لافروف", "لافروف"),
        ("لله", "لله"),
    ],
)
def test_a_name_after_lam_is_listed_with_its_article(written: str, listed: str) -> None:
    from desktop.text.tokens import article_form

    assert article_form(written) == listed


@pytest.mark.parametrize(
    ("written", "forms"),
    [
        ("الموصل", ["الموصل", "للموصل"]),
        ("الأمم المتحدة", ["الأمم المتحدة", "للأمم المتحدة"]),
        ("موسكو", ["موسكو"]),  # no article: «لموسكو» is read as «موسكو» after a proclitic
    ],
)
def test_the_forms_a_name_takes_after_lam(written: str, forms: list[str]) -> None:
    from desktop.text.tokens import with_lam_forms

    assert with_lam_forms(written) == forms


def test_written_forms_count_a_name_after_lam_as_the_name() -> None:
    from desktop.text.tokens import folded_forms

    counts = [("للموصل", 4), ("الموصل", 3), ("موصل", 5), ("للأمم المتحدة", 1)]
    assert folded_forms(counts) == [("الموصل", 7), ("موصل", 5), ("الأمم المتحدة", 1)]
