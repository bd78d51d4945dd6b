"""Full-text search against the straightforward way of doing the same: the ranked ids of a
plain join-and-sort query, hits found by running the whole pattern over the whole
normalised text, and filters applied afterwards."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.importing import import_paths
from desktop.search import (
    _fold,
    find_hits,
    find_hits_and_phrases,
    find_in_text,
    hit_finder,
    phrase_groups,
    query_groups,
    search,
)
from desktop.store import sqlite
from desktop.store.store import Store
from desktop.text.normalize import extend_over_marks, normalize, normalize_with_map
from tests.conftest import one_article

QUERIES = (
    "جنيف",
    "سوريا",
    "سورية",
    "استانا",
    "أستانة",
    "الامم المتحده",
    "الأمم المتحدة",
    "مجلس الأمن",
    "دي ميستورا",
    "وقف إطلاق النار",
    "المعارضة السورية",
    "الحكومة",
    "روسيا إيران تركيا",
    "كورونا",
)


def plain_ranking(
    store: Store,
    groups: list[list[str]],
    *,
    outlet_id: int | None = None,
    date_from: dt.date | None = None,
    date_to: dt.date | None = None,
    limit: int = 20,
) -> list[tuple[int, float]]:
    """The query as first written: every form in the MATCH, documents joined, then sorted."""
    match = sqlite.match_expression(groups)
    where, params = ["doc_fts MATCH ?"], [match]
    if outlet_id is not None:
        where.append("d.outlet_id = ?")
        params.append(outlet_id)
    if date_from is not None:
        where.append("d.published >= ?")
        params.append(date_from.isoformat())
    if date_to is not None:
        where.append("d.published <= ?")
        params.append(date_to.isoformat())
    sql = (
        "SELECT d.id, bm25(doc_fts, 4.0, 1.0) AS score FROM doc_fts "
        "JOIN documents AS d ON d.id = doc_fts.rowid "
        f"WHERE {' AND '.join(where)} ORDER BY score, d.id LIMIT ?"
    )
    with store.engine.connect() as conn:
        rows = conn.exec_driver_sql(sql, (*params, limit)).all()
    return [(int(i), float(r)) for i, r in rows]


def assert_same_ranking(got: list[tuple[int, float]], want: list[tuple[int, float]]) -> None:
    assert [i for i, _ in got] == [i for i, _ in want]
    assert [r for _, r in got] == pytest.approx([r for _, r in want])


def plain_hits(text: str, groups: list[list[str]]) -> list[tuple[int, int]]:
    """The whole alternation tried at every character of the normalised text, each hit
    mapped back to the original and moved past the marks on its last letter."""
    forms = sorted({f for g in groups for f in g}, key=len, reverse=True)
    if not forms:
        return []
    alt = "|".join(re.escape(f) for f in forms)
    pattern = re.compile(rf"(?<![^\W_])(?:{alt})(?![^\W_])", re.IGNORECASE)
    return _plain_spans(text, pattern)


def _plain_spans(text: str, pattern: re.Pattern[str]) -> list[tuple[int, int]]:
    norm, omap = normalize_with_map(text)
    spans = [omap.span_to_original(m.start(), m.end()) for m in pattern.finditer(norm)]
    return [(a, extend_over_marks(text, b)) for a, b in spans]


def plain_phrases(text: str, phrase: list[list[str]]) -> list[tuple[int, int]]:
    """The phrase as one pattern over the normalised text: each word's forms, white space
    but no line break between them."""
    if len(phrase) < 2:
        return []
    words = [
        "(?:" + "|".join(re.escape(f) for f in sorted(g, key=len, reverse=True)) + ")"
        for g in phrase
    ]
    body = r"[^\S\n\r\u2028\u2029]+".join(words)
    return _plain_spans(text, re.compile(rf"(?<![^\W_]){body}(?![^\W_])", re.IGNORECASE))


@pytest.fixture
def dated_store(seeded_store: Store) -> Store:
    """The seeds with two outlets and a date each, a year apart."""
    for i, row in enumerate(seeded_store.documents()):
        seeded_store.set_document_meta(
            row.id,
            outlet="SANA" if i % 2 else "UN News",
            published=dt.date(2016 + i, 3, 1),
        )
    return seeded_store


@pytest.mark.parametrize("query", QUERIES)
def test_ranking_equals_the_plain_query(seeded_store: Store, query: str) -> None:
    groups = query_groups(query)
    for limit in (1, 3, 20, 100):
        want = plain_ranking(seeded_store, groups, limit=limit)
        assert_same_ranking(seeded_store.search_ranked(groups, limit=limit).ids, want)


def test_queries_find_what_they_should(seeded_store: Store) -> None:
    found = {q: {h.row.stem[:3] for h in search(seeded_store, q)} for q in QUERIES}
    assert found["جنيف"] == {"002", "003", "004"}
    assert found["استانا"] == found["أستانة"] == {"000", "003", "004"}
    assert found["سوريا"] == found["سورية"]
    assert found["الامم المتحده"] == found["الأمم المتحدة"] != set()
    assert found["كورونا"] == set()
    # every word must be there: one absent word empties the result
    assert search(seeded_store, "جنيف كورونا") == []


def test_a_short_word_is_not_found_inside_another_word(tmp_path: Path) -> None:
    """«دي» of «دي ميستورا» with ل in front is «لدى» («at»), normalised «لدي»: an article
    with «لدى» and «ميستورا» apart is not a hit for the name; one with «ودي ميستورا» is."""
    store = Store.open(tmp_path / "s.db")
    try:
        apart = "قال مندوب روسيا الدائم لدى الأمم المتحدة إن المبعوث ميستورا سيزور دمشق."
        joined = "التقى لافروف ودي ميستورا في موسكو."
        for stem, text in (("apart", apart), ("joined", joined)):
            (tmp_path / f"{stem}.txt").write_text(text, encoding="utf-8")
        import_paths(store, [tmp_path / "apart.txt", tmp_path / "joined.txt"])
        assert [h.row.stem for h in search(store, "دي ميستورا")] == ["joined"]
        assert query_groups("دي")[0] == ["دي", "ودي", "فدي"]
    finally:
        store.close()


def test_filters_apply(dated_store: Store) -> None:
    sana = dated_store.outlet_id("SANA")
    assert sana is not None
    cases: list[dict[str, object]] = [
        {"outlet_id": sana},
        {"date_from": dt.date(2017, 1, 1)},
        {"date_to": dt.date(2018, 12, 31)},
        {"outlet_id": sana, "date_from": dt.date(2017, 1, 1), "date_to": dt.date(2019, 12, 31)},
        {"date_from": dt.date(2030, 1, 1)},
    ]
    rows = {r.id: r for r in dated_store.documents()}
    for query in ("سوريا", "الأمم المتحدة", "جنيف"):
        groups = query_groups(query)
        everything = [i for i, _ in dated_store.search_ranked(groups, limit=100).ids]
        for filters in cases:
            got = dated_store.search_ranked(groups, limit=100, **filters).ids  # type: ignore[arg-type]
            want = plain_ranking(dated_store, groups, limit=100, **filters)  # type: ignore[arg-type]
            assert_same_ranking(got, want)

            def keep(doc_id: int, f: dict[str, object] = filters) -> bool:
                row = rows[doc_id]
                lo, hi = f.get("date_from"), f.get("date_to")
                return (
                    f.get("outlet_id") in (None, row.outlet_id)
                    and (lo is None or (row.published is not None and row.published >= lo))  # type: ignore[operator]
                    and (hi is None or (row.published is not None and row.published <= hi))  # type: ignore[operator]
                )

            assert [i for i, _ in got] == [i for i in everything if keep(i)]
    hits = search(dated_store, "جنيف", outlet="SANA", date_from=dt.date(2017, 1, 1))
    assert hits and all(
        h.row.outlet == "SANA" and h.row.published and h.row.published >= dt.date(2017, 1, 1)
        for h in hits
    )


def test_snippets_mark_the_matched_words(seeded_store: Store) -> None:
    texts = seeded_store.texts([r.id for r in seeded_store.documents()])
    for query in QUERIES:
        groups = query_groups(query)
        forms = {f for g in groups for f in g}
        for hit in search(seeded_store, query):
            text = texts[hit.row.id]
            assert hit.marks and hit.matched
            for a, b in hit.marks:
                assert normalize(hit.snippet[a:b]).lower() in forms
            assert {normalize(m).lower() for m in hit.matched} <= forms
            assert set(hit.matched) == {text[a:b] for a, b in plain_hits(text, groups)}
            # opened where the words stand together, else at the first of them
            phrases = plain_phrases(text, phrase_groups(query))
            first = (phrases or plain_hits(text, groups))[0]
            assert hit.first_offset == first[0]
            assert hit.first_form == text[first[0] : first[1]]
            assert hit.first_form in hit.snippet


#: «النار» stands alone before the phrase «وقفَ إطلاقِ النارِ»; words end in marks
MARKED_ARTICLE = (
    "اشتعلت النارُ في الحقول قرب المدينة صباح الأحد.\n"
    "ثم أعلن الجيشُ وقفَ إطلاقِ النارِ في المدينة، وقال الأسدُ إنه سلامٌ عادلٌ.\n"
    "ورحّبت الأممُ المتّحدةُ\u200f بالاتفاق، وقالت إن وقف إطلاق\nالنار هشّ.\n"
)


@pytest.fixture
def marked_store(tmp_path: Path) -> Iterator[tuple[Store, str]]:
    """A store holding :data:`MARKED_ARTICLE` alone, and its text as stored."""
    with one_article(tmp_path, "marked", MARKED_ARTICLE) as held:
        yield held


def test_a_hit_is_written_with_the_marks_on_its_last_letter(
    marked_store: tuple[Store, str],
) -> None:
    """The normaliser deletes the diacritics; a hit, its snippet mark and the form it is
    opened at keep those on the word's last letter, not the invisible marks after it."""
    store, text = marked_store
    for query, written in (
        ("سلام", ["سلامٌ"]),
        ("الأسد", ["الأسدُ"]),
        ("عادلٌ", ["عادلٌ"]),
        ("الأمم المتحدة", ["الأممُ", "المتّحدةُ"]),
    ):
        assert [text[a:b] for a, b in find_hits(text, hit_finder(query_groups(query)))] == written
        (hit,) = search(store, query)
        assert list(hit.matched) == written
        assert [hit.snippet[a:b] for a, b in hit.marks] == written
        assert hit.first_form == " ".join(written)
        assert hit.first_offset == text.index(hit.first_form)


def test_a_phrase_is_opened_where_its_words_stand_together(
    marked_store: tuple[Store, str],
) -> None:
    store, text = marked_store
    for query, written in (
        # not at «النارُ» alone before it, nor across the line break after «إطلاق»
        ("وقف إطلاق النار", "وقفَ إطلاقِ النارِ"),
        ("«إطلاق النار»", "إطلاقِ النارِ"),
        ('"الجيش وقف اطلاق النار"', "الجيشُ وقفَ إطلاقِ النارِ"),
        # words that never stand together in the query's order: the first of them
        ("النار الجيش", "النارُ"),
        ("الأسد الجيش", "الجيشُ"),
    ):
        (hit,) = search(store, query)
        assert hit.first_form == written, query
        assert hit.first_offset == text.index(written)
        assert written in hit.snippet
    query = "وقف إطلاق النار"
    _hits, found = find_hits_and_phrases(
        text, hit_finder(query_groups(query)), phrase_groups(query)
    )
    assert [text[a:b] for a, b in found] == ["وقفَ إطلاقِ النارِ"]
    # a word repeated in the phrase is looked for each time
    assert phrase_groups("من أجل من")[0] == phrase_groups("من أجل من")[2]
    assert len(query_groups("من أجل من")) == 2


def test_find_in_text_keeps_the_marks_ending_what_it_finds(
    marked_store: tuple[Store, str],
) -> None:
    """The reader's find: the query as typed, diacritics and hamza forms ignored, what it
    finds written whole (not the invisible marks after it)."""
    _store, text = marked_store
    for query, written in (
        ("سلام", ["سلامٌ"]),
        ("الاسد", ["الأسدُ"]),
        ("عادلٌ", ["عادلٌ"]),
        ("المتحده", ["المتّحدةُ"]),
        ("النار", ["النارُ", "النارِ", "النار"]),
        ("مدين", ["مدين", "مدين"]),  # inside a word, as a find bar does
        # a phrase whole, not across the line break after the last «إطلاق»
        ("وقف إطلاق النار", ["وقفَ إطلاقِ النارِ"]),
        ("  وقف \t اطلاق ", ["وقفَ إطلاقِ", "وقف إطلاق"]),
        ("النار إطلاق", []),
        ("", []),
        (" ", []),
        ("ً", []),
    ):
        assert [text[a:b] for a, b in find_in_text(text, query)] == written, query


def test_first_page_of_a_longer_list_is_the_short_list(seeded_store: Store) -> None:
    for query in ("سوريا", "الأمم المتحدة"):
        short = search(seeded_store, query, limit=2)
        long = search(seeded_store, query, limit=100)
        assert short == long[:2]


def test_a_deleted_document_is_not_found(seeded_store: Store) -> None:
    hits = search(seeded_store, "جنيف")
    seeded_store.delete_document(hits[0].row.id)
    assert hits[0].row.id not in {h.row.id for h in search(seeded_store, "جنيف")}


def test_hits_in_the_seed_texts_equal_the_whole_pattern(seeded_store: Store) -> None:
    texts = seeded_store.texts([r.id for r in seeded_store.documents()])
    for query in (*QUERIES, "في", "و", "UN", "ال", "2254"):
        groups = query_groups(query)
        finder = hit_finder(groups)
        for text in texts.values():
            assert find_hits(text, finder) == plain_hits(text, groups)


# ---- odd text: diacritics, tatweel, joiners, presentation forms, Latin, digits ----------------
PIECES = (
    "سوريا", "سورية", "بسوريا", "لسوريةَ", "وسُورِيَا", "السورية", "الأمم", "للأمم", "الأُمَمُ",
    "المتّحدة", "المتحدہ", "أستانة", "آستانا", "جنيف", "بجنيفٍ", "ـجنيف", "جنـيف", "ﺟﻨﻴﻒ",
    "و", "ب", "ال", "لل", "ة", "ا", "ً", "ّ", "\u200c", "\u200f", "\u0640", "\ufeff", "\u06d7",
    "Syria", "SYRIA", "ſyria", "K", "٢٢٥٤", "2254", "_", "-", " ", " ", "\n", "،", "«", "»", ".",
)  # fmt: skip
WORDS = ("سوريا", "سورية", "الامم", "المتحده", "استانا", "جنيف", "syria", "2254", "و", "ال")


@settings(max_examples=300, deadline=None)
@given(
    text=st.lists(st.sampled_from(PIECES), max_size=40).map("".join),
    query=st.lists(st.sampled_from(WORDS + PIECES), min_size=1, max_size=3).map(" ".join),
)
def test_hits_equal_the_whole_pattern(text: str, query: str) -> None:
    groups = query_groups(query)
    assert find_hits(text, hit_finder(groups)) == plain_hits(text, groups)


#: what stands between the query's words in the texts below (GAPS), and after each (ENDINGS)
GAPS = (" ", "  ", "\u00a0", "\n", "، ", " ـ", "\u200c ", " \u200f", "-")
ENDINGS = ("", "", "ً", "ُّ", "ـ", "\u200f")
NOISE = st.lists(st.sampled_from(PIECES), max_size=12).map("".join)
EDGE = st.sampled_from(("", " ", "\n"))


@settings(max_examples=300, deadline=None)
@given(data=st.data(), words=st.lists(st.sampled_from(WORDS + PIECES[:18]), min_size=2, max_size=3))
def test_phrases_equal_the_whole_phrase_pattern(data: st.DataObject, words: list[str]) -> None:
    """The query's words written into odd text, apart or together (about half the texts
    hold the phrase)."""
    parts = [data.draw(NOISE), data.draw(EDGE)]
    for i, word in enumerate(words):
        parts += [data.draw(st.sampled_from(GAPS))] if i else []
        parts += [word, data.draw(st.sampled_from(ENDINGS))]
    text = "".join([*parts, data.draw(EDGE), data.draw(NOISE)])
    query = " ".join(words)
    groups, phrase = query_groups(query), phrase_groups(query)
    hits, phrases = find_hits_and_phrases(text, hit_finder(groups), phrase)
    assert hits == plain_hits(text, groups)
    assert phrases == plain_phrases(text, phrase)


@settings(max_examples=300, deadline=None)
@given(
    text=st.lists(st.sampled_from(PIECES), max_size=40).map("".join),
    query=st.lists(st.sampled_from(WORDS + PIECES), min_size=1, max_size=3).map(" ".join),
)
def test_find_in_text_equals_the_whole_pattern(text: str, query: str) -> None:
    words = normalize(query).split()
    pattern = re.compile(r"[^\S\n\r\u2028\u2029]+".join(re.escape(w) for w in words))
    assert find_in_text(text, query) == (_plain_spans(text, pattern) if words else [])


@settings(max_examples=300, deadline=None)
@given(text=st.text(max_size=60) | st.lists(st.sampled_from(PIECES), max_size=30).map("".join))
def test_fold_is_the_normaliser(text: str) -> None:
    norm, deleted = _fold(text)
    assert norm == normalize(text)
    kept = [text[i] for i in range(len(text)) if i not in set(deleted)]
    assert len(kept) == len(norm)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(query=st.text(max_size=30) | st.lists(st.sampled_from(PIECES), max_size=4).map(" ".join))
def test_odd_queries_rank_as_the_plain_query(seeded_store: Store, query: str) -> None:
    groups = query_groups(query)
    if not groups:
        return
    assert_same_ranking(seeded_store.search_ranked(groups).ids, plain_ranking(seeded_store, groups))


def test_a_query_with_more_matches_than_the_window_is_ranked_among_the_newest(
    seeded_store: Store,
) -> None:
    teeth = []  # for some query the newest two are not the best two: the window shows
    for query in ("جنيف", "سوريا", "الأمم المتحدة"):
        _check_window(seeded_store, query, teeth)
    assert any(teeth)


def _check_window(seeded_store: Store, query: str, teeth: list[bool]) -> None:
    groups = query_groups(query)
    everything = plain_ranking(seeded_store, groups, limit=100)
    assert len(everything) >= 3  # the seed articles that contain it
    with seeded_store.engine.connect() as conn:
        match = sqlite.match_expression(sqlite.present_groups(conn, groups))

        def ranked(window: int, limit: int) -> list[tuple[int, float]]:
            return sqlite.fts_search(
                conn,
                match,
                outlet_id=None,
                date_from=None,
                date_to=None,
                limit=limit,
                window=window,
            ).ids

        # a window as large as the matches: the exact ranking
        assert_same_ranking(ranked(len(everything), 20), everything)

        # a smaller window: the best of the most recent (highest id) matches, in bm25 order
        def best_of_newest(n: int) -> list[tuple[int, float]]:
            newest = sorted(i for i, _ in everything)[-n:]
            return [(i, r) for i, r in everything if i in newest]

        assert_same_ranking(ranked(2, 2), best_of_newest(2))
        teeth.append(best_of_newest(2) != everything[:2])
        # the window never holds fewer documents than were asked for
        assert_same_ranking(ranked(1, 3), best_of_newest(3))


def test_hits_say_when_a_query_was_ranked_in_the_window(
    seeded_store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert not any(h.windowed for h in search(seeded_store, "سوريا"))
    monkeypatch.setattr(sqlite, "RANK_WINDOW", 2)
    narrow = search(seeded_store, "سوريا", limit=2)
    assert narrow and all(h.windowed for h in narrow)
    assert narrow[0].as_dict()["ranked_among_recent"] is True
    # a query with no more matches than the window is ranked exactly, and says so
    rare = search(seeded_store, "بيدرسون", limit=2)
    assert len(rare) == 2 and not any(h.windowed for h in rare)


def test_an_article_found_by_its_title_alone_has_the_hit_marked_in_its_title(
    seeded_store: Store,
) -> None:
    """A hit in the title was never marked there: an article found by its title alone
    (its text saying «مواقع مدنية» where the title said «مدنيا») showed a snippet with
    nothing marked. «متفائل» is in the UN News article's title (and text)."""
    (hit,) = search(seeded_store, "متفائل")
    assert hit.row.title == "سوريا: ستيفان دي مستورا متفائل بحذر بعودة الهدنة إلى مسارها"
    assert hit.marked_title() == "سوريا: ستيفان دي مستورا [متفائل] بحذر بعودة الهدنة إلى مسارها"
    assert hit.as_dict()["title_marks"] == [[24, 30]]
    # a hit in the text only marks nothing in the title
    (agreement,) = [h for h in search(seeded_store, "جنيف") if h.row.stem.startswith("003")]
    assert agreement.title_marks == ()
