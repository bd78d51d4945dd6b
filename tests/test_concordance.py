"""Concordance lines (``tabayun kwic``, the actor view's concordance) of a word or phrase."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop.compare.corpus import kwic
from desktop.importing import import_paths
from desktop.store import sqlite
from desktop.store.store import Store
from desktop.text.normalize import normalize
from tests.conftest import one_article

#: the phrase «وقف إطلاق النار» with marks in it; its words in another order with a comma
#: between them; and split by a line end; a word ending in tanween («سلامٌ»)
ARTICLE = (
    "ثم أعلن الجيشُ وقفَ إطلاقِ النارِ في المدينة، وقال الأسدُ إنه سلامٌ عادلٌ.\n"
    "وتجددت النار، إطلاق وقف لم يُعلن بعد في الريف.\n"
    "وقالت الأمم المتحدة إن وقف إطلاق\n"
    "النار هشّ.\n"
)


@pytest.fixture
def article(tmp_path: Path) -> Iterator[tuple[Store, str]]:
    """A store holding :data:`ARTICLE` alone, and its text as stored."""
    with one_article(tmp_path, "kwic", ARTICLE) as held:
        yield held


def test_a_phrase_is_its_words_together_in_order(article: tuple[Store, str]) -> None:
    """Not the words in another order with punctuation between them, nor a line apart."""
    store, text = article
    for query in ("وقف إطلاق النار", "«وقف اطلاق النار»"):
        lines = kwic(store, query)
        assert [ln.match for ln in lines] == ["وقفَ إطلاقِ النارِ"], query
        (line,) = lines
        assert text[line.start : line.end] == line.match
        assert line.left.endswith("أعلن الجيشُ ") and line.right.startswith(" في المدينة")
    assert [ln.match for ln in kwic(store, "النار إطلاق")] == []
    assert [ln.match for ln in kwic(store, "إطلاق وقف")] == ["إطلاق وقف"]


def test_a_word_is_written_with_the_marks_on_its_last_letter(article: tuple[Store, str]) -> None:
    store, text = article
    for query, written in (
        ("سلام", ["سلامٌ"]),
        ("النار", ["النارِ", "النار", "النار"]),
        ("إطلاق", ["إطلاقِ", "إطلاق", "إطلاق"]),
    ):
        lines = kwic(store, query)
        assert [ln.match for ln in lines] == written, query
        assert all(text[ln.start : ln.end] == ln.match for ln in lines)
    (line,) = kwic(store, "سلام")
    assert line.right.startswith(" عادلٌ")


def test_phrase_lines_in_the_seed_articles(seeded_store: Store) -> None:
    """Each line is the phrase, its first word perhaps with a proclitic («ووقف»)."""
    texts = seeded_store.texts([r.id for r in seeded_store.documents()])
    for query, written in (("وقف إطلاق النار", "وقف اطلاق النار"), ("مجلس الأمن", "مجلس الامن")):
        lines = kwic(seeded_store, query)
        assert lines, query
        for ln in lines:
            assert re.fullmatch(rf"[وفبلك]{{0,2}}{written}", normalize(ln.match)), ln.match
            assert texts[ln.document_id][ln.start : ln.end] == ln.match


#: the phrase's words apart; its words together but parted by a comma or a line end (the
#: index cannot tell those from the phrase); the phrase, once in a longer article
APART = "طالب بوقف القصف ثم بوقف الغارات بعد تجدد إطلاق النار وإطلاق القذائف.\n"
PARTED = "قال إن وقف، إطلاق النار لم يتحقق بعد.\nوقال إن وقف إطلاق\nالنار هش.\n"
PHRASE = (
    "ذكرت مصادر محلية أن الهدوء عاد إلى المدينة صباح اليوم بعد أيام من القتال.\n"
    "وأعلن الطرفان وقف إطلاق النار في المدينة وريفها.\n"
    "وعاد بعض السكان إلى منازلهم، وفتحت الأسواق أبوابها، وبدأت فرق الإغاثة عملها.\n"
)


@pytest.mark.parametrize("spellings", [sqlite.PHRASE_SPELLINGS, 0])
def test_a_phrase_gives_its_lines_up_to_the_limit_however_many_articles_hold_its_words(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, spellings: int
) -> None:
    """The articles that best matched the phrase's words were taken first and only then
    read for the phrase: those holding the words apart used up the limit, and three
    articles holding the phrase gave none of their lines at a limit of three. (With no
    ``spellings`` the index is asked for the words anywhere, not side by side.)"""
    monkeypatch.setattr(sqlite, "PHRASE_SPELLINGS", spellings)
    folder = tmp_path / "articles"
    folder.mkdir()
    for n in range(40):  # told apart by a number: the same text twice is one article
        (folder / f"apart-{n:02d}.txt").write_text(f"{APART}({n})\n", encoding="utf-8")
        (folder / f"parted-{n:02d}.txt").write_text(f"{PARTED}({n})\n", encoding="utf-8")
    for n in range(3):
        (folder / f"phrase-{n}.txt").write_text(f"{PHRASE}({n})\n", encoding="utf-8")
    store = Store.open(tmp_path / "kwic.db")
    try:
        imported = import_paths(store, [folder]).imported
        assert len(imported) == 83
        with_phrase = sorted(d for path, d in imported if Path(path).name.startswith("phrase"))
        lines = kwic(store, "وقف إطلاق النار", limit=3)
        assert [(ln.document_id, ln.match) for ln in lines] == [
            (d, "وقف إطلاق النار") for d in with_phrase
        ]
        assert len(kwic(store, "وقف إطلاق النار", limit=2)) == 2
        assert len(kwic(store, "وقف إطلاق النار")) == 3
        # a word's lines, as before: every hit in the best articles
        assert len(kwic(store, "النار", limit=5)) == 5
    finally:
        store.close()


def test_a_word_gives_its_lines_up_to_the_limit_though_many_titles_hold_it(
    tmp_path: Path,
) -> None:
    """«عاجل» in the title of 30 articles and in the text of 30 others: the search index
    ranks the titles first, and the concordance read only the first 20 articles it
    ranked, none of which holds a line."""
    import json

    folder = tmp_path / "in"
    folder.mkdir()
    records = [
        {"title": f"عاجل: اجتماع في جنيف رقم {n}", "text": f"التقى الوفدان في جنيف للمرة {n}."}
        for n in range(30)
    ] + [{"title": f"تقرير {n}", "text": f"ورد خبر عاجل من دمشق في الساعة {n}."} for n in range(30)]
    (folder / "news.jsonl").write_text(
        "\n".join(json.dumps(r, ensure_ascii=False) for r in records), encoding="utf-8"
    )
    store = Store.open(tmp_path / "k.db")
    try:
        import_paths(store, [folder])
        lines = kwic(store, "عاجل", limit=20)
        assert len(lines) == 20 and {ln.match for ln in lines} == {"عاجل"}
        assert len(kwic(store, "عاجل", limit=100)) == 30
    finally:
        store.close()


def test_a_name_after_lam_is_the_same_spelling_of_its_actor(tmp_path: Path) -> None:
    """«للموصل» is «الموصل» after «لـ»: one spelling in the sidebar, the actor view's
    spellings and its concordance, and nothing to split off; «بالموصل» was always so."""
    from desktop.analysing import analyse_documents
    from desktop.compare.corpus import actor_kwic
    from desktop.entity_edits import split_candidates

    text = (
        "وصل وفد الحكومة العراقية إلى الموصل أمس. وقال المتحدث إن الدعم للموصل مستمر. "
        "وأضاف أن الأوضاع بالموصل تتحسن، وأن الأمم المتحدة أرسلت مساعدات للأمم المتحدة."
    )
    with one_article(tmp_path, "mosul", text) as (store, stored):
        analyse_documents(store)
        ((mosul, _name, _type),) = store.find_entities("الموصل")
        detail = store.entity_detail(mosul)
        assert detail.alias_counts == [("الموصل", 3)]
        assert detail.row.aliases_seen == ["الموصل"]
        (row,) = [r for r in store.entity_rows() if r.id == mosul]
        assert store.fill_entity_row(row).aliases_seen == ["الموصل"]
        assert store.entity_seen_forms()[mosul] == ["الموصل"]
        lines = actor_kwic(store, mosul, "الموصل")
        assert [ln.match for ln in lines] == ["الموصل", "للموصل", "الموصل"]
        assert all(stored[ln.start : ln.end] == ln.match for ln in lines)
        assert split_candidates(store, mosul) == []
        # the text is as written: only the listing counts the forms as one
        assert "للموصل" in stored and store.entity_written_forms(mosul) == ["الموصل"]
