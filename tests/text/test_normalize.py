from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pyarabic import araby

from desktop.text.normalize import (
    _fast_table,
    _tables,
    fingerprint_text,
    normalize,
    normalize_with_map,
)
from desktop.text.tokens import _MARKS, NORM_WORD_RE, WORD_RE


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("الأمم المتحدة", "الامم المتحده"),
        ("إدلب", "ادلب"),
        ("آستانة", "استانه"),  # not ءءستانة (pyarabic's 'uniform' hamza trap)
        ("ٱلله", "الله"),
        ("مُحَمَّدٌ", "محمد"),
        ("سوريـــــا", "سوريا"),
        ("على", "علي"),
        ("جنيف ٢٠١٧ و۲۰۲۴", "جنيف 2017 و2024"),
        ("مسؤول رئيس", "مسؤول رئيس"),  # ؤ and ئ are letters, kept
        ("فارسی کتاب", "فارسي كتاب"),
        ("UN Security Council", "un security council"),
        ("\u200fسانا\u200e", "سانا"),
    ],
)
def test_folds_arabic_for_matching(raw: str, expected: str) -> None:
    assert normalize(raw) == expected


def test_every_pyarabic_tashkeel_mark_is_removed() -> None:
    for mark in (*araby.TASHKEEL, araby.TATWEEL, "\u0670"):
        assert normalize("ب" + mark + "ب") == "بب"


def test_offset_map_points_back_to_original() -> None:
    text = "قَالَ دي ميستـــورا: «الأُمَمُ المُتَّحِدَة»"
    norm, omap = normalize_with_map(text)
    i = norm.index("الامم")
    a, b = omap.span_to_original(i, i + len("الامم المتحده"))
    assert text[a:b] == "الأُمَمُ المُتَّحِدَة"
    j = norm.index("ميستورا")
    a, b = omap.span_to_original(j, j + len("ميستورا"))
    assert text[a:b] == "ميستـــورا"


def test_display_text_is_untouched() -> None:
    text = "وفد الجمهورية العربية السورية"
    copy = str(text)
    normalize_with_map(text)
    assert text == copy


@given(st.text(alphabet=st.sampled_from(list("اأإآبةىيـًٌٍَُِّْ ٠١a\u200f\U0001f600")), max_size=60))
def test_offset_map_property(text: str) -> None:
    norm, omap = normalize_with_map(text)
    assert len(norm) <= len(text)
    for i, ch in enumerate(norm):
        o = omap.to_original(i)
        assert normalize(text[o]) == ch
    assert omap.to_original(len(norm)) <= len(text)


def test_fingerprint_ignores_spacing_and_diacritics() -> None:
    assert fingerprint_text("قال  دي ميستورا\n\nإنه") == fingerprint_text("قَالَ دي ميستورا إنه")


def test_normalised_words_need_no_marks() -> None:
    """Every mark the tokeniser lets into a word is deleted by the normaliser (or is a
    word character), so the plain word pattern tokenises normalised text the same."""
    marks = re.compile(f"[{_MARKS}]")
    for cp in (*range(0x0600, 0x0700), 0x200C, 0x200D):
        ch = chr(cp)
        if marks.match(ch):
            folded = normalize(ch)
            assert folded == "" or NORM_WORD_RE.fullmatch(folded), hex(cp)
    text = "قَالَ المبعوثُ الأمميُّ ستـيفان دي ميستورا: «إنّ ۝١ جنيفَ ٰأولاً»"
    norm = normalize(text)
    assert [m.span() for m in NORM_WORD_RE.finditer(norm)] == [
        m.span() for m in WORD_RE.finditer(norm)
    ]


_FOLDED = sorted(chr(cp) for cp in _tables()[0])


@given(
    st.text(alphabet=st.sampled_from([*_FOLDED, *"سوريا دمشق، abc.١٢"]), max_size=200),
    st.text(alphabet=st.sampled_from(list("ةأإآٱىًٌَّـ وزير الخارجية")), min_size=40, max_size=600),
)
def test_fast_folding_is_the_table(rare: str, common: str) -> None:
    """Long texts are folded by replacing the common characters when none of the others
    is there: the result is the table's, with or without the others, at every length."""
    table = _fast_table()
    for text in (common, rare + common, common + rare, rare):
        assert normalize(text) == text.translate(table)


def test_article_length_text_folds_as_the_table() -> None:
    text = (
        "أكّد المبعوثُ الأمميّ إلى سوريةَ، ستيفان دي ميستورا، أنّ الجولةَ القادمة ستُعقد في جنيـــف. " * 8
    )
    assert normalize(text) == text.translate(_fast_table())
    assert normalize(text).startswith("اكد المبعوث الاممي الي سوريه، ستيفان دي ميستورا، ان الجوله")
    assert normalize(text + "ﻻ") == (text + "ﻻ").translate(_fast_table())  # a presentation form
