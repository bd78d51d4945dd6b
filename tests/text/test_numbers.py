"""Figures read from Arabic news text: digits and number words, with the word counted."""

from __future__ import annotations

import pytest

from desktop.analysis.doctext import DocText
from desktop.text.numbers import number_words, read_figures


def figures(text: str) -> list[tuple[int, str]]:
    doc = DocText(text)
    return [(f.value, f.unit) for f in read_figures(text, doc.tokens_between(0, len(text)))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("قتل 12 مدنيا", [(12, "مدنيا")]),
        ("قتل ١٢ مدنياً", [(12, "مدنياً")]),  # Arabic-Indic digits, the word as written
        ("نزوح 65,452 عائلة", [(65452, "عائلة")]),
        ("نزوح 2.5 مليون شخص", [(2500000, "شخص")]),
        ("نزوح ٢٫٥ مليون شخص", [(2500000, "شخص")]),
        ("و12 جريحاً", [(12, "جريحاً")]),
        ("مقتل 12 (مدنيا)", [(12, "مدنيا")]),
        ("مقتل ثلاثة أطفال", [(3, "أطفال")]),
        ("مقتل ثلاثةُ عشرَ طفلاً", [(13, "طفلاً")]),
        ("مقتل أحد عشر مدنيا", [(11, "مدنيا")]),
        ("مقتل اثني عشر مدنيا", [(12, "مدنيا")]),
        ("مقتل خمسة وعشرين مدنيا", [(25, "مدنيا")]),
        ("مقتل مئة وعشرين شخصا", [(120, "شخصا")]),
        ("نزوح ثلاث مئة عائلة", [(300, "عائلة")]),
        ("نزوح ثلاثمائة عائلة", [(300, "عائلة")]),
        ("نزوح ثلاثة آلاف شخص", [(3000, "شخص")]),
        ("نزوح ألف وخمسمئة شخص", [(1500, "شخص")]),
        ("نزوح ألفي شخص", [(2000, "شخص")]),
        ("نزوح مئتي عائلة", [(200, "عائلة")]),
        ("نزوح مليون شخص", [(1000000, "شخص")]),
        ("نزوح 4.1 مليون شخص", [(4100000, "شخص")]),
        ("مقتل 1.500.000 شخص", [(1500000, "شخص")]),
        ("مقتل ٢٫٥٠٠٫٠٠٠ شخص", [(2500000, "شخص")]),
        ("مقتل 1.500 شخص", [(1500, "شخص")]),
        ("مقتل 3.5.7 شخص", [(357, "شخص")]),
        ("مقتل " + "9" * 400 + " شخص", [(int("9" * 18), "شخص")]),
        ("نزح خمسون ألفاً من السكان", [(50000, "من")]),
        ("نزح 50 ألفاً من السكان", [(50000, "من")]),
        ("مقتل 3 مدنيين وإصابة خمسة آخرين", [(3, "مدنيين"), (5, "آخرين")]),
        # not figures
        ("مقتل آلاف المدنيين", []),
        ("مقتل أحد المدنيين", []),
        ("وصل 12", []),
        ("مقتل ثلاثة، وأربعة جرحى", [(4, "جرحى")]),  # «ثلاثة،» counts nothing
    ],
)
def test_figures(text: str, expected: list[tuple[int, str]]) -> None:
    assert figures(text) == expected


def test_number_words_are_read_normalised() -> None:
    words = number_words()
    assert words["ثلاثه"] == (3, "unit")  # ة folded
    assert words["اربعين"] == (40, "tens")  # hamza folded
    assert words["الاف"] == (1000, "thousands")
