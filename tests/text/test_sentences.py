from __future__ import annotations

from desktop.text.paragraphs import repeated_paragraphs
from desktop.text.sentences import paragraph_spans, sentence_spans, split_document


def _sentences(text: str) -> list[str]:
    return [text[a:b] for a, b in sentence_spans(text)]


def test_splits_on_arabic_and_latin_ends_not_on_commas() -> None:
    text = "قال دي ميستورا، في جنيف: إن المحادثات مهمة. هل تنجح؟ نأمل ذلك!"
    assert _sentences(text) == [
        "قال دي ميستورا، في جنيف: إن المحادثات مهمة.",
        "هل تنجح؟",
        "نأمل ذلك!",
    ]


def test_keeps_closing_quote_with_its_sentence() -> None:
    text = 'وقال "ربما في وقت لاحق اليوم." وأضاف أنه متفائل.'
    assert _sentences(text) == ['وقال "ربما في وقت لاحق اليوم."', "وأضاف أنه متفائل."]


def test_abbreviations_and_decimals_do_not_end_sentences() -> None:
    text = "قال د. بشار الجعفري إن النمو بلغ 2.5 بالمئة. وأضاف."
    assert _sentences(text) == ["قال د. بشار الجعفري إن النمو بلغ 2.5 بالمئة.", "وأضاف."]


def test_glued_sentence_end_from_scraping() -> None:
    text = "على الأرض.ويتوسط دي ميستورا في جولة محادثات"
    assert _sentences(text) == ["على الأرض.", "ويتوسط دي ميستورا في جولة محادثات"]
    # the space before the full stop instead of after it, as one scraped source writes
    text = "وتعهد بدعم الحوار الوطني .وأوضح أن الوفد سيصل غدا"
    assert _sentences(text) == ["وتعهد بدعم الحوار الوطني .", "وأوضح أن الوفد سيصل غدا"]
    # an initial before its dot stays an abbreviation
    assert len(_sentences("قال د .بشار الجعفري إن الحل سياسي")) == 1


def test_double_dot_pause_and_elision_stay_inside() -> None:
    text = 'وقال "لا أتوقع معجزات.. لا أتوقع انفراجة" وأعلن تطويق الرقة (...) لا صلة له بالواقع.'
    assert len(_sentences(text)) == 1


def test_paragraphs_are_lines_with_offsets_into_the_original() -> None:
    text = "  سطر أول.\n\nسطر ثان. جملة ثانية.\n"
    paras = paragraph_spans(text)
    assert [text[a:b] for a, b in paras] == ["سطر أول.", "سطر ثان. جملة ثانية."]
    doc = split_document(text)
    assert [text[a:b] for a, b in doc[1][1]] == ["سطر ثان.", "جملة ثانية."]


def test_scraped_teaser_and_repeated_caption_are_flagged(seeds_copy) -> None:  # type: ignore[no-untyped-def]
    text = (seeds_copy / "004_792cef1ee868a0bc.txt").read_text(encoding="utf-8")
    spans = paragraph_spans(text)
    assert repeated_paragraphs(text, spans) == {0}  # the cut-off teaser only
    text2 = (seeds_copy / "002_87e3e8d310a74f3f.txt").read_text(encoding="utf-8")
    spans2 = paragraph_spans(text2)
    flagged = repeated_paragraphs(text2, spans2)
    assert [text2[spans2[i][0] : spans2[i][1]][:20] for i in sorted(flagged)] == [
        "مبعوث الأمم المتحدة ",
        "سوريا: ستيفان دي مست",
    ]
