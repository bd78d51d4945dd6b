"""The user's edits of entities, and that they survive a full re-analysis."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from desktop import entity_edits as edits
from desktop.analysing import analyse_documents
from desktop.store.store import Store
from tests.analysis.written import analysis_rows
from tests.databases import copy_database


def _names(store: Store) -> dict[str, tuple[int, int]]:
    return {r.name: (r.documents, r.mentions) for r in store.entity_rows()}


def test_merge_split_rename_survive_reanalysis(analysed: Store) -> None:
    lavrov = edits.resolve_entity(analysed, "سيرغي لافروف")
    kerry_mentions = analysed.entity_detail(
        edits.resolve_entity(analysed, "جون كيري").id
    ).row.mentions
    lavrov_mentions = analysed.entity_detail(lavrov.id).row.mentions
    edits.merge(analysed, "سيرغي لافروف", "جون كيري")
    edits.split(analysed, "de-mistura", "المبعوث الخاص")
    edits.rename(analysed, "pedersen", "غير أوتو بيدرسون")

    for _ in range(2):  # after the edit, and again after a full analysis
        names = _names(analysed)
        assert "جون كيري" not in names
        assert names["سيرغي لافروف"][1] == lavrov_mentions + kerry_mentions
        assert "المبعوث الخاص" in names
        mistura = analysed.entity_detail(edits.resolve_entity(analysed, "de-mistura").id)
        assert "المبعوث الخاص" not in dict(mistura.alias_counts)
        assert "غير أوتو بيدرسون" in names and "غير بيدرسون" not in names
        analyse_documents(analysed, full=True)
    # the merged-away name now leads to the merged entity
    assert edits.resolve_entity(analysed, "جون كيري").id == lavrov.id


def test_undo_restores_the_previous_state(analysed: Store) -> None:
    before = _names(analysed)
    edits.merge(analysed, "سيرغي لافروف", "جون كيري")
    assert _names(analysed) != before
    assert edits.undo_last(analysed) == "merge"
    assert _names(analysed) == before
    assert edits.undo_last(analysed) is None


def test_alias_add_finds_new_mentions_and_ignore_hides(analysed: Store) -> None:
    edits.add_alias(analysed, "جيمس جيفري", "الممثل الأمريكي الخاص لشؤون سوريا")
    detail = analysed.entity_detail(edits.resolve_entity(analysed, "جيمس جيفري").id)
    assert "الممثل الأمريكي الخاص لشؤون سوريا" in dict(detail.alias_counts)
    edits.ignore(analysed, "جان مارك فيري")
    assert "جان مارك فيري" not in _names(analysed)
    analyse_documents(analysed, full=True)
    assert "جان مارك فيري" not in _names(analysed)


_EDITS = {
    "merge": lambda s: edits.merge(s, "سيرغي لافروف", "جون كيري"),
    "merge into a person": lambda s: edits.merge(s, "ستافان دي ميستورا", "غير بيدرسون"),
    "split": lambda s: edits.split(s, "de-mistura", "المبعوث الخاص"),
    "rename": lambda s: edits.rename(s, "pedersen", "غير أوتو بيدرسون"),
    "retype": lambda s: edits.retype(s, "جيمس جيفري", "organisation"),
    "retype a found name": lambda s: edits.retype(s, "سيرغي فيرشينين", "place"),
    "alias": lambda s: edits.add_alias(s, "جيمس جيفري", "الممثل الأمريكي الخاص لشؤون سوريا"),
    "ignore": lambda s: edits.ignore(s, "غير بيدرسون"),
    "ignore a found name": lambda s: edits.ignore(s, "سيرغي فيرشينين"),
    "ignore a place": lambda s: edits.ignore(s, "جنيف"),
}


@pytest.mark.parametrize("edit", list(_EDITS))
def test_an_edit_gives_what_a_full_analysis_gives_and_its_undo_what_was_before(
    analysed: Store, db_path: Path, edit: str
) -> None:
    before = analysis_rows(db_path)
    _EDITS[edit](analysed)
    after = analysis_rows(db_path)
    assert after != before or edit == "rename"
    analyse_documents(analysed, full=True)
    assert analysis_rows(db_path) == after
    edits.undo_last(analysed)
    assert analysis_rows(db_path) == before


def test_a_persons_alias_ending_with_a_place_makes_no_family_name(analysed: Store) -> None:
    """«الممثل الأمريكي الخاص لشؤون سوريا» as James Jeffrey's alias made «سوريا» his family
    name, and «سوريا:» at the head of a line a quotation of his."""
    edits.add_alias(analysed, "جيمس جيفري", "الممثل الأمريكي الخاص لشؤون سوريا")
    analyse_documents(analysed, full=True)
    jeffrey = analysed.entity_detail(edits.resolve_entity(analysed, "جيمس جيفري").id)
    assert "سوريا" not in dict(jeffrey.alias_counts)
    assert "الممثل الأمريكي الخاص لشؤون سوريا" in dict(jeffrey.alias_counts)


def test_retype_analyses_again_what_the_type_decides(analysed: Store) -> None:
    """A place never speaks: retyping a speaker as a place takes its quotations away at
    once, as a full re-analysis would, and undoing gives them back."""
    envoy = edits.resolve_entity(analysed, "ستافان دي ميستورا")
    quoted = analysed.quote_count(speaker_id=envoy.id)
    assert quoted >= 10
    edits.retype(analysed, "ستافان دي ميستورا", "place")
    assert analysed.quote_count(speaker_id=envoy.id) == 0
    analyse_documents(analysed, full=True)
    assert analysed.quote_count(speaker_id=envoy.id) == 0
    assert edits.undo_last(analysed) == "retype"
    assert analysed.quote_count(speaker_id=envoy.id) == quoted


def test_an_edit_reports_progress_over_the_documents_it_analyses_again(analysed: Store) -> None:
    from desktop.progress import Progress

    class Recorder(Progress):
        def __init__(self) -> None:
            self.calls: list[tuple[str, int]] = []

        def start(self, total: int, label: str) -> None:
            self.calls.append(("start", total))

        def advance(self, step: int = 1, note: str = "") -> None:
            self.calls.append(("advance", step))

        def finish(self) -> None:
            self.calls.append(("finish", 0))

    pair = [edits.resolve_entity(analysed, n).id for n in ("سيرغي لافروف", "جون كيري")]
    touched = len(analysed.documents_mentioning(pair))
    seen = Recorder()
    edits.merge(analysed, "سيرغي لافروف", "جون كيري", progress=seen)
    assert seen.calls[0] == ("start", touched) and touched >= 1
    assert sum(n for kind, n in seen.calls if kind == "advance") >= touched
    assert seen.calls[-1] == ("finish", 0)
    # several entities at once: their articles analysed again once, not once each
    two = [edits.resolve_entity(analysed, n).id for n in ("جيمس جيفري", "غير بيدرسون")]
    touched_by_either = len(set(analysed.documents_mentioning(two)))
    both = Recorder()
    edits.ignore_many(analysed, [str(i) for i in two], progress=both)
    starts = [c for c in both.calls if c[0] == "start"]
    assert starts == [("start", touched_by_either)] and touched_by_either >= 2
    assert not {"جيمس جيفري", "غير بيدرسون"} & set(_names(analysed))
    renamed = Recorder()
    edits.rename(analysed, "pedersen", "غير أوتو بيدرسون", progress=renamed)
    assert edits.undo_last(analysed, progress=renamed) == "rename"
    assert [c for c in renamed.calls if c[0] == "start"] == [("start", 0), ("start", 0)]


def test_several_sources_merge_into_one_target_in_one_analysis(analysed: Store) -> None:
    from desktop.progress import NullProgress

    class Starts(NullProgress):
        def __init__(self) -> None:
            self.totals: list[int] = []

        def start(self, total: int, label: str) -> None:
            self.totals.append(total)

    names = ("سيرغي لافروف", "جون كيري", "جيمس جيفري")
    ids = [edits.resolve_entity(analysed, n).id for n in names]
    touched = len(set(analysed.documents_mentioning(ids)))
    before = {r.name: r.mentions for r in analysed.entity_rows()}
    with pytest.raises(edits.EditError):
        edits.merge_many(analysed, "سيرغي لافروف", ["جون كيري", "سيرغي لافروف"])
    assert analysed.edits() == []  # refused before any edit
    seen = Starts()
    target = edits.merge_many(analysed, "سيرغي لافروف", ["جون كيري", "جيمس جيفري"], progress=seen)
    assert seen.totals == [touched]
    rows = {r.name: r for r in analysed.entity_rows()}
    assert target.name == "سيرغي لافروف" and not {"جون كيري", "جيمس جيفري"} & set(rows)
    assert rows["سيرغي لافروف"].mentions == sum(before[n] for n in names)
    # each merge is its own edit: undo gives back the last source only
    assert edits.undo_last(analysed) == "merge"
    rows = {r.name: r for r in analysed.entity_rows()}
    assert "جيمس جيفري" in rows and "جون كيري" not in rows
    assert rows["جيمس جيفري"].mentions == before["جيمس جيفري"]


def test_a_merge_shows_before_its_articles_are_analysed_again(analysed: Store) -> None:
    """When the analysis of a merge's articles begins, the merge is already what the
    store shows: the source is gone from the list, and its mentions, labels, quotations
    and events are the target's; the analysis then gives the same."""
    from desktop.progress import NullProgress

    target, source = "ستافان دي ميستورا", "غير بيدرسون"
    ids = {edits.resolve_entity(analysed, n).id: n for n in (target, source)}

    def shown() -> list[object]:
        return [
            {n: v for n, v in _names(analysed).items() if n in (target, source)},
            *(
                Counter(ids.get(e) for e in found)
                for found in (
                    [q.speaker_entity_id for q in analysed.quotes_for()],
                    [lb.entity_id for lb in analysed.labels_for()],
                    [p[0] for e in analysed.events_for() for p in e.participants],
                )
            ),
        ]

    before = shown()
    for counts in before[1:]:  # both speak, are labelled and take part in events
        assert isinstance(counts, Counter) and counts[target] and counts[source]

    class AtStart(NullProgress):
        def __init__(self) -> None:
            self.seen: list[object] = []

        def start(self, total: int, label: str) -> None:
            self.seen = shown()

    progress = AtStart()
    edits.merge(analysed, target, source, progress=progress)
    after = shown()
    assert progress.seen == after
    assert after[0] == {
        target: (
            len(analysed.documents_mentioning(list(ids))),
            sum(mentions for _docs, mentions in before[0].values()),  # type: ignore[attr-defined]
        )
    }
    for was, now in zip(before[1:], after[1:], strict=True):
        assert isinstance(was, Counter) and isinstance(now, Counter)
        assert now[source] == 0 and now[target] == was[target] + was[source]


def test_an_ignored_actor_leaves_the_list_before_its_articles_are_analysed_again(
    analysed: Store,
) -> None:
    """An actor ignored is gone from the list, and among those ignored, when the analysis
    of its articles begins, as after it."""
    from desktop.progress import NullProgress

    name = "جيمس جيفري"

    def shown() -> tuple[bool, list[str]]:
        return (
            name in _names(analysed),
            [e.name for e in edits.ignored_entities(analysed)],
        )

    class AtStart(NullProgress):
        def __init__(self) -> None:
            self.seen: list[tuple[bool, list[str]]] = []

        def start(self, total: int, label: str) -> None:
            self.seen.append(shown())

    assert shown() == (True, [])
    progress = AtStart()
    edits.ignore(analysed, name, progress=progress)
    assert progress.seen == [(False, [name])]
    assert shown() == (False, [name])


def test_an_analysis_shows_the_users_names_and_types_throughout(analysed: Store) -> None:
    """An actor renamed or retyped showed the lexicon's name and type while any analysis
    ran (an import's takes minutes at corpus scale), and until the next one ended when
    it was stopped; a retype shows at once, before its articles are analysed again."""
    from desktop.progress import NullProgress

    def shown() -> list[tuple[str, str]]:
        return sorted(
            (r.name, r.type)
            for r in analysed.entity_rows()
            if r.name in ("غير أوتو بيدرسون", "غير بيدرسون", "قناة الحرة")
        )

    class Seen(NullProgress):
        def __init__(self) -> None:
            self.seen: list[list[tuple[str, str]]] = []

        def start(self, total: int, label: str) -> None:
            self.seen.append(shown())

    edits.rename(analysed, "pedersen", "غير أوتو بيدرسون")
    retyping = Seen()
    edits.retype(analysed, "الحرة", "organisation", progress=retyping)
    edited = [("غير أوتو بيدرسون", "person"), ("قناة الحرة", "organisation")]
    assert retyping.seen == [edited] and shown() == edited
    analysing = Seen()
    analyse_documents(analysed, full=True, progress=analysing)
    assert analysing.seen == [edited] and shown() == edited


def test_retype_checks_the_type(analysed: Store) -> None:
    assert edits.retype(analysed, "الحرة", "organisation").type == "organisation"
    with pytest.raises(edits.EditError, match="unknown type"):
        edits.retype(analysed, "الحرة", "planet")


def test_lexicon_export_then_import_elsewhere(analysed: Store, tmp_path: Path) -> None:
    edits.rename(analysed, "pedersen", "غير أوتو بيدرسون")
    edits.split(analysed, "de-mistura", "المبعوث الخاص")
    path = tmp_path / "shared.tsv"
    assert edits.export_lexicon(analysed, path) == 2
    text = path.read_text(encoding="utf-8")
    assert "غير أوتو بيدرسون" in text and "user:" in text

    other = Store.open(tmp_path / "other.db")
    from desktop.importing import import_paths
    from tests.conftest import SEEDS

    import_paths(other, [SEEDS])
    analyse_documents(other)
    assert edits.import_lexicon(other, path).entries == 2
    names = _names(other)
    assert "غير أوتو بيدرسون" in names
    assert "المبعوث الخاص" in names
    other.close()


def test_unknown_entity_is_a_clear_error(analysed: Store) -> None:
    with pytest.raises(edits.EditError, match="no entity"):
        edits.rename(analysed, "لا أحد", "x")


def test_kept_entity_counts_follow_edits_and_deletions(analysed: Store) -> None:
    """The sidebar's stored counts and forms equal counting the mentions directly."""

    def stored() -> dict[int, tuple[int, int]]:
        return {r.id: (r.documents, r.mentions) for r in analysed.entity_summaries()}

    def counted() -> dict[int, tuple[int, int]]:
        return {r.id: (r.documents, r.mentions) for r in analysed.entity_rows()}

    def forms_stored() -> dict[int, list[str]]:
        return {i: sorted(f) for i, f in analysed.entity_seen_forms().items()}

    def forms_counted() -> dict[int, list[str]]:
        return {r.id: sorted(r.aliases_seen) for r in analysed.entity_rows()}

    assert stored() == counted() and forms_stored() == forms_counted()
    lavrov = edits.resolve_entity(analysed, "سيرغي لافروف")
    edits.merge(analysed, "سيرغي لافروف", "جون كيري")
    assert stored() == counted() and forms_stored() == forms_counted()
    assert "كيري" in " ".join(forms_stored()[lavrov.id])  # Kerry's forms now count for Lavrov
    first = analysed.documents_mentioning([lavrov.id])[0]
    analysed.delete_document(first)
    assert stored() == counted() and forms_stored() == forms_counted()


def test_retyping_a_found_name_gives_what_a_full_analysis_gives(tmp_path: Path) -> None:
    """A name the analysis found is matched in the spellings of its type, a person's
    family name alone too: retyping it reads again the articles those spellings are in,
    including one that never named it in full (and undoing it does the same)."""
    store = _store_with_a_found_name(tmp_path)

    def mentions() -> list[tuple[str, int, str]]:
        """(article, start, "surname" or "full"): a full name found again in a partial
        analysis is a known name, in a full one a discovered name, as for any edit."""
        return sorted(
            (d.stem, m.start, "surname" if m.kind == "surname" else "full")
            for d in store.documents()
            for m, name, _type in store.document_mentions(d.id)
            if "هافيستو" in name
        )

    as_person = mentions()
    assert [(stem, kind) for stem, _s, kind in as_person] == [
        ("a", "full"),
        ("a", "surname"),
        ("b", "surname"),
    ]
    edits.retype(store, "بيكا هافيستو", "organisation")
    as_organisation = mentions()
    assert [(stem, kind) for stem, _s, kind in as_organisation] == [("a", "full")]
    analyse_documents(store, full=True)
    assert mentions() == as_organisation
    assert edits.undo_last(store) == "retype"
    assert mentions() == as_person  # «هافيستو» alone in b is his again
    analyse_documents(store, full=True)
    assert mentions() == as_person
    store.close()


def _store_with_a_found_name(tmp_path: Path) -> Store:
    """Two articles naming a Finnish minister the gazetteer does not know: in full (and
    by his family name) in one, by his family name alone in the other."""
    from desktop.importing import import_paths

    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(
        "قال وزير الخارجية الفنلندي بيكا هافيستو إن بلاده تدعم الحل السياسي في سوريا.\n"
        "وأضاف هافيستو أن المفاوضات يجب أن تستمر في جنيف.",
        encoding="utf-8",
    )
    (folder / "b.txt").write_text(
        "وأكد هافيستو في مؤتمر صحفي في هلسنكي أن الوضع في سوريا صعب.", encoding="utf-8"
    )
    store = Store.open(tmp_path / "found.db")
    import_paths(store, [folder])
    analyse_documents(store)
    return store


def test_renaming_a_found_name_changes_what_is_shown_not_what_is_matched(
    tmp_path: Path,
) -> None:
    store = _store_with_a_found_name(tmp_path)
    found = edits.resolve_entity(store, "بيكا هافيستو")
    assert store.entity_by_id(found.id)[3] == "discovered"
    edits.rename(store, str(found.id), "بيكا هافيستو (فنلندا)")
    analyse_documents(store, [d.id for d in store.documents()])  # the next import's
    assert store.entity_by_id(found.id)[1] == "بيكا هافيستو (فنلندا)"
    assert [a for a, _origin in store.entity_aliases(found.id)] == ["بيكا هافيستو"]
    assert edits.undo_last(store) == "rename"
    assert store.entity_by_id(found.id)[1] == "بيكا هافيستو"
    analyse_documents(store, full=True)
    assert store.entity_by_id(found.id)[1] == "بيكا هافيستو"
    store.close()


def _store_of(tmp_path: Path, articles: dict[str, str]) -> tuple[Store, Path]:
    from desktop.importing import import_paths

    folder = tmp_path / "in"
    folder.mkdir()
    for stem, text in articles.items():
        (folder / f"{stem}.txt").write_text(text, encoding="utf-8")
    db = tmp_path / "edits.db"
    store = Store.open(db)
    import_paths(store, [folder])
    analyse_documents(store, full=True)
    return store, db


def _mentions_of(store: Store, stem: str) -> list[tuple[int, str, str]]:
    doc = next(d for d in store.documents() if d.stem == stem)
    return [(m.start, m.kind, name) for m, name, _type in store.document_mentions(doc.id)]


def test_an_edit_resolves_a_speaker_through_a_spelling_merged_into_a_found_name(
    tmp_path: Path,
) -> None:
    """«بيكا هافيستو» in a is clustered into «ماتي بيكا هافيستو» of c, and its own entity
    is gone once the analysis ends; b names him only after «وأكد». An edit that
    analyses b again (it mentions جنيف) must still know that spelling."""
    store, db = _store_of(
        tmp_path,
        {
            "a": "قال وزير الخارجية الفنلندي بيكا هافيستو إن بلاده تدعم الحل السياسي في سوريا.",
            "c": "وقال المستشار الفنلندي للشؤون السياسية ماتي بيكا هافيستو، إن بلاده تدعم "
            "المفاوضات.",
            "b": "وأكد بيكا هافيستو في مؤتمر صحفي في هلسنكي أن الوضع في سوريا صعب وأن الحل في "
            "جنيف.",
        },
    )
    assert (5, "surname", "ماتي بيكا هافيستو") in _mentions_of(store, "b")
    before = analysis_rows(db)
    edits.ignore(store, "جنيف")
    after = analysis_rows(db)
    assert (5, "surname", "ماتي بيكا هافيستو") in _mentions_of(store, "b")
    analyse_documents(store, full=True)
    assert analysis_rows(db) == after
    edits.undo_last(store)
    assert analysis_rows(db) == before
    store.close()


def test_undoing_the_ignore_of_a_found_name_brings_back_all_its_mentions(
    tmp_path: Path,
) -> None:
    """The ignored found name has no mention left; it is kept, so that the undo finds
    the articles that spell it, and the corpus pass gives it back «وأكد هافيستو» in b
    (the stored flag still says ignored while that pass runs)."""
    store = _store_with_a_found_name(tmp_path)
    db = tmp_path / "found.db"
    before = analysis_rows(db)
    assert (5, "surname", "بيكا هافيستو") in _mentions_of(store, "b")
    edits.ignore(store, "بيكا هافيستو")
    after = analysis_rows(db)
    assert not [m for stem in "ab" for m in _mentions_of(store, stem) if "هافيستو" in m[2]]
    analyse_documents(store, full=True)
    assert analysis_rows(db) == after
    assert edits.undo_last(store) == "ignore"
    assert analysis_rows(db) == before
    store.close()


#: a names «إيغور عادل الجبير» («عادل الجبير» is known), b «إيغور الجابري» (a found name of
#: the same family skeleton, its words a subset of a's), c the Saudi minister
JUBEIR = {
    "a": "وقال المتحدث باسم الجيش الروسي إيغور عادل الجبير في بيان إن الهدنة صامدة.",
    "b": "وقال المتحدث باسم الجيش الروسي إيغور الجابري في بيان إن الهدنة صامدة. "
    "وأضاف الجابري أن المحادثات مستمرة.",
    "c": "وقال وزير الخارجية السعودي عادل الجبير في مؤتمر صحفي إن المملكة تدعم الحل السياسي.",
}


def test_undoing_an_ignore_gives_back_a_found_name_clustered_into_a_longer_one(
    tmp_path: Path,
) -> None:
    """Once «عادل الجبير» is ignored, a names «إيغور عادل الجبير», and b's «إيغور الجابري»
    is clustered into that longer name. The undo analyses a and c again only, and a no
    longer finds that name: b's spelling must be a name of its own again, as before the
    ignore, not left under a name nobody writes any more."""
    store, db = _store_of(tmp_path, JUBEIR)
    before = analysis_rows(db)
    assert [m for m in _mentions_of(store, "b") if m[1] == "discovered"] == [
        (31, "discovered", "إيغور الجابري")
    ]
    edits.ignore(store, "عادل الجبير")
    after = analysis_rows(db)
    assert {name for _a, _k, name in _mentions_of(store, "b")} == {"إيغور عادل الجبير"}
    analyse_documents(store, full=True)
    assert analysis_rows(db) == after
    assert edits.undo_last(store) == "ignore"
    assert analysis_rows(db) == before
    assert "إيغور عادل الجبير" not in _names(store)
    assert _names(store)["إيغور الجابري"] == (1, 2)
    store.close()


def test_a_name_the_user_merged_into_a_name_no_longer_found_stays_merged_alone(
    tmp_path: Path,
) -> None:
    """With «عادل الجبير» ignored, the user merges d's «ألكسي ترافيموف» into «إيغور عادل
    الجبير». Brought back, «عادل الجبير» leaves that name found nowhere: it keeps what the
    user merged into it, but b's «إيغور الجابري», which clustering merged into it, is a
    name of its own again, and no longer clustered into it, as a full analysis has them."""
    store, db = _store_of(
        tmp_path,
        {**JUBEIR, "d": "وقال المتحدث باسم البحرية الروسية ألكسي ترافيموف في بيان إن السفن وصلت."},
    )
    edits.ignore(store, "عادل الجبير")
    edits.merge(store, "إيغور عادل الجبير", "ألكسي ترافيموف")
    assert _names(store)["إيغور عادل الجبير"] == (3, 4)
    edits.unignore(store, "عادل الجبير")
    assert _names(store)["إيغور الجابري"] == (1, 2)
    assert _names(store)["إيغور عادل الجبير"] == (1, 1)  # d's
    assert _as_full_analysis(store, db, tmp_path)
    store.close()


def _as_full_analysis(store: Store, db: Path, tmp_path: Path) -> bool:
    """Whether the store is what a full analysis of a copy of it gives."""
    full = Store.open(copy_database(db, tmp_path / "full.db"))
    analyse_documents(full, full=True)
    full.close()
    return analysis_rows(db) == analysis_rows(tmp_path / "full.db")


def test_names_found_again_after_an_edit_are_clustered_in_their_first_places(
    tmp_path: Path,
) -> None:
    """Brought back, «عادل الجبير» leaves «كونستانتين عادل الجبير» found nowhere, and b's
    «كونستانتين الجابري» is found again as itself, with its variant «قونستانتين الجابري» in
    c: b comes first, so b's spelling is the one they are clustered under, as in a full
    analysis, not c's."""
    store, db = _store_of(
        tmp_path,
        {
            "a": "وقال المتحدث باسم الجيش الروسي كونستانتين عادل الجبير في بيان إن الهدنة صامدة.",
            "b": "وقال المتحدث باسم الجيش الروسي كونستانتين الجابري في بيان إن الهدنة صامدة. "
            "وأضاف الجابري أن المحادثات مستمرة.",
            "c": "وقال وزير الخارجية السعودي عادل الجبير في مؤتمر صحفي إن المملكة تدعم الحل "
            "السياسي. وقال المتحدث باسم الجيش الروسي قونستانتين الجابري في بيان إن الهدنة صامدة.",
        },
    )
    edits.ignore(store, "عادل الجبير")
    edits.unignore(store, "عادل الجبير")
    assert _names(store)["كونستانتين الجابري"] == (2, 3)
    assert "قونستانتين الجابري" not in _names(store)
    assert _as_full_analysis(store, db, tmp_path)
    store.close()


def test_a_name_merged_away_by_the_user_still_gathers_its_spellings(tmp_path: Path) -> None:
    """Merging «ألكسي إيفانوفيتش ترافيموف» into «إيغور الجابري» takes along the spellings
    clustered under it, «ألكسي ترافيموف» (e) and «ألكسندر إيفانوفيتش ترافيموف» (g), as a
    full analysis does: they are not left as names of their own."""
    store, db = _store_of(
        tmp_path,
        {
            "d": "وقال المتحدث باسم البحرية الروسية ألكسي إيفانوفيتش ترافيموف في بيان إن السفن "
            "وصلت.",
            "e": "وقال المتحدث باسم البحرية الروسية ألكسي ترافيموف في بيان إن السفن وصلت.",
            "f": "وقال المتحدث باسم الجيش الروسي إيغور الجابري في بيان إن الهدنة صامدة.",
            "g": "وقال المتحدث باسم البحرية الروسية ألكسندر إيفانوفيتش ترافيموف في بيان إن السفن "
            "وصلت.",
        },
    )
    assert _names(store)["ألكسي إيفانوفيتش ترافيموف"] == (3, 3)
    edits.merge(store, "إيغور الجابري", "ألكسي إيفانوفيتش ترافيموف")
    assert _names(store)["إيغور الجابري"] == (4, 4)
    assert _as_full_analysis(store, db, tmp_path)
    store.close()


def test_an_edit_of_an_actor_analyses_the_articles_whose_labels_name_it(tmp_path: Path) -> None:
    """«بالعدوان الروسي» labels the Russian army in y, which never names it: merging the
    army into another actor must relabel y too."""
    store, db = _store_of(
        tmp_path,
        {
            "x": "قال وزير الخارجية الروسي سيرغي لافروف إن الجيش الروسي يواصل عملياته في سوريا.",
            "y": "ندد البيان بالعدوان الروسي على مدينة حلب.",
        },
    )
    before = analysis_rows(db)
    edits.merge(store, "سيرغي لافروف", "الجيش الروسي")
    after = analysis_rows(db)
    y = next(d.id for d in store.documents() if d.stem == "y")
    assert [lb.entity_name for lb in store.labels_for(documents=[y])] == ["سيرغي لافروف"]
    analyse_documents(store, full=True)
    assert analysis_rows(db) == after
    edits.undo_last(store)
    assert analysis_rows(db) == before
    store.close()


@pytest.mark.parametrize(
    ("entity", "alias", "other", "written"),
    [
        # a role phrase the analysis gave Pedersen
        ("ستافان دي ميستورا", "المبعوث الأممي", "غير بيدرسون", 2),
        # a spelling of de Mistura's alias: the user's alias is matched before it
        ("جون كيري", "دي مستورا", "ستافان دي ميستورا", 2),
    ],
)
def test_an_alias_says_whose_mentions_it_takes_and_takes_those(
    analysed: Store, entity: str, alias: str, other: str, written: int
) -> None:
    """«المبعوث الأممي» added to de Mistura took two of Pedersen's mentions without a
    word: what an alias would take from other actors is known before it is added, and
    it is what the alias takes."""
    holders = edits.alias_holders(analysed, entity, alias)
    assert [(h.name, h.named, h.written) for h in holders] == [(other, False, written)]
    before = _names(analysed)
    edits.add_alias(analysed, entity, alias)
    after = _names(analysed)
    assert after[other][1] == before[other][1] - written
    assert after[entity][1] == before[entity][1] + written
    analyse_documents(analysed, full=True)
    assert _names(analysed) == after


def test_an_alias_that_is_another_actors_name_is_said_to_be_its_name(analysed: Store) -> None:
    kerry = edits.resolve_entity(analysed, "جون كيري")
    for alias in ("جون كيري", " جونْ  كيرى "):  # as the list compares names
        holders = edits.alias_holders(analysed, "ستافان دي ميستورا", alias)
        assert [(h.id, h.named, h.mentions) for h in holders] == [(kerry.id, True, 1)]
    # nobody's name, alias or spelling; the entity's own name is not another's
    assert edits.alias_holders(analysed, "جيمس جيفري", "الممثل الأمريكي الخاص لشؤون سوريا") == []
    with pytest.raises(edits.EditError, match="nothing to change"):
        edits.alias_holders(analysed, "جون كيري", "جون كيري")
    with pytest.raises(edits.EditError, match="empty"):
        edits.alias_holders(analysed, "جون كيري", "ـ")


def test_renaming_to_another_actors_name_is_refused(analysed: Store) -> None:
    """Renaming John Kerry «سيرغي لافروف» gave two rows of that name, and the command
    line then refused the name as naming several actors."""
    lavrov = edits.resolve_entity(analysed, "سيرغي لافروف")
    for name in ("سيرغي لافروف", " سيرغى  لافروفْ"):  # as the list compares names
        taken = edits.name_taken(analysed, "جون كيري", name)
        assert taken is not None and (taken.id, taken.named) == (lavrov.id, True)
        with pytest.raises(edits.EditError, match="already the name of another actor"):
            edits.rename(analysed, "جون كيري", name)
    assert analysed.edits() == []
    assert edits.resolve_entity(analysed, "سيرغي لافروف") == lavrov
    # its own name written otherwise, or a name nobody has, is a rename
    assert edits.name_taken(analysed, "جون كيري", "جونْ كيري") is None
    assert edits.rename(analysed, "جون كيري", "جون فوربس كيري").name == "جون فوربس كيري"


def test_renaming_to_another_actors_alias_is_refused_unless_asked_for(analysed: Store) -> None:
    """Renaming John Kerry «دي ميستورا», de Mistura's alias, was made without a word:
    the list showed Kerry under a name whose every mention in the articles is de
    Mistura's."""
    mistura = edits.resolve_entity(analysed, "ستافان دي ميستورا")
    kerry = edits.resolve_entity(analysed, "جون كيري")
    for name, written in (
        (" دي  ميستورا", 12),  # his alias, as the list compares names
        ("دي مستورا", 2),  # a form his mentions are written in
        ("المبعوث الخاص", 2),  # a role phrase that refers to him
    ):
        holders = edits.alias_of_others(analysed, "جون كيري", name)
        assert [(h.id, h.named, h.written) for h in holders] == [(mistura.id, False, written)]
        with pytest.raises(edits.EditError) as refused:
            edits.rename(analysed, "جون كيري", name)
        assert str(refused.value) == (
            f"«{' '.join(name.split())}» is already a name of another actor, #{mistura.id} "
            f"ستافان دي ميستورا ({written} mentions written so): in an article it counts "
            f"as #{mistura.id}'s, not #{kerry.id}'s; to give #{kerry.id} جون كيري that name "
            "all the same, add --yes"
        )
    assert analysed.edits() == []
    # its own alias, or a name nobody goes by, is a rename
    assert edits.alias_of_others(analysed, "جون كيري", "كيري") == []
    assert edits.alias_of_others(analysed, "جون كيري", "جون فوربس كيري") == []
    # asked for, it is made, and what is written so stays de Mistura's
    counts = _names(analysed)
    renamed = edits.rename(analysed, "جون كيري", "دي ميستورا", even_if_alias=True)
    assert (renamed.id, renamed.name) == (kerry.id, "دي ميستورا")
    assert _names(analysed)["دي ميستورا"] == counts["جون كيري"]
    assert _names(analysed)["ستافان دي ميستورا"] == counts["ستافان دي ميستورا"]
    # an alias split off an actor is no longer its alias, but the name of another
    edits.undo_last(analysed)
    split_off = edits.split(analysed, "de-mistura", "دي ميستورا")
    assert edits.alias_of_others(analysed, "جون كيري", "دي ميستورا") == []
    taken = edits.name_taken(analysed, "جون كيري", "دي ميستورا")
    assert taken is not None and taken.id == split_off.id


def test_renaming_to_the_alias_of_an_ignored_actor_is_refused_too(analysed: Store) -> None:
    """Ignore de Mistura, rename Kerry «دي ميستورا», restore de Mistura: Kerry was listed
    under a name whose every mention is de Mistura's, and nothing was said at any point."""
    mistura = edits.resolve_entity(analysed, "ستافان دي ميستورا")
    edits.ignore(analysed, "ستافان دي ميستورا")
    holders = edits.alias_of_others(analysed, "جون كيري", "دي ميستورا")
    assert [(h.id, h.ignored) for h in holders] == [(mistura.id, True)]
    with pytest.raises(edits.EditError) as refused:
        edits.rename(analysed, "جون كيري", "دي ميستورا")
    assert f"#{mistura.id} ستافان دي ميستورا (ignored, " in str(refused.value)


def test_an_alias_added_back_after_it_was_split_off_names_the_entity_again(
    analysed: Store, db_path: Path
) -> None:
    """Split «دي ميستورا» off de Mistura, then add it back as his alias: the counts stayed
    as they were after the split, though the edit was logged and could be undone."""
    before = analysis_rows(db_path)
    counts = _names(analysed)
    edits.split(analysed, "de-mistura", "دي ميستورا")
    split = analysis_rows(db_path)
    assert _names(analysed)["ستافان دي ميستورا"][1] < counts["ستافان دي ميستورا"][1]
    edits.add_alias(analysed, "de-mistura", "دي ميستورا")
    assert _names(analysed) == counts  # the split-off actor has no mention left
    assert analysis_rows(db_path) == before
    analyse_documents(analysed, full=True)
    assert _names(analysed) == counts
    assert edits.undo_last(analysed) == "alias_add"
    assert analysis_rows(db_path) == split


def test_an_ignored_actor_is_brought_back_after_later_edits(analysed: Store, db_path: Path) -> None:
    """Only undo, while the ignore was the newest edit, brought an ignored actor back."""
    before = analysis_rows(db_path)
    edits.ignore(analysed, "غير بيدرسون")
    ignored = analysis_rows(db_path)
    edits.rename(analysed, "جون كيري", "جون فوربس كيري")  # a later edit: undo undoes it
    assert [e.name for e in edits.ignored_entities(analysed)] == ["غير بيدرسون"]
    assert analysed.entity_detail(edits.resolve_entity(analysed, "غير بيدرسون").id).ignored
    back = edits.unignore(analysed, "غير بيدرسون")
    assert back.name == "غير بيدرسون" and edits.ignored_entities(analysed) == []
    assert not analysed.entity_detail(back.id).ignored
    assert analysis_rows(db_path) == before
    analyse_documents(analysed, full=True)
    assert analysis_rows(db_path) == before
    with pytest.raises(edits.EditError, match="is not ignored"):
        edits.unignore(analysed, "غير بيدرسون")
    assert [op for _i, op, _p in analysed.edits()] == ["ignore", "rename", "unignore"]
    assert edits.undo_last(analysed) == "unignore"
    assert analysis_rows(db_path) == ignored


_NO_CHANGE = {
    "rename to the name spaced otherwise": (
        lambda s: edits.rename(s, "pedersen", " غير  بيدرسون "),
        "«غير بيدرسون» is already its name",
    ),
    "an alias it has": (
        lambda s: edits.add_alias(s, "ستافان دي ميستورا", "دي  ميستورا"),
        "«دي  ميستورا» is already a name of «ستافان دي ميستورا»",
    ),
    "an alias it was given": (
        lambda s: edits.add_alias(s, "جيمس جيفري", "المبعوث الأمريكي الخاص"),
        "«المبعوث الأمريكي الخاص» is already a name of «جيمس جيفري»",
    ),
    "its own type": (
        lambda s: edits.retype(s, "جون كيري", "person"),
        "«جون كيري» already of type person",
    ),
    "confirm a confirmed actor": (
        lambda s: edits.confirm(s, "جون كيري"),
        "«جون كيري» is already confirmed",
    ),
    "ignore an ignored actor": (
        lambda s: edits.ignore(s, "جان مارك فيري"),
        "«جان مارك فيري» is already ignored",
    ),
    "split off what is split off": (
        lambda s: edits.split(s, "de-mistura", "المبعوث الخاص"),
        "«المبعوث الخاص» is already split off «ستافان دي ميستورا»",
    ),
}


@pytest.mark.parametrize("edit", list(_NO_CHANGE))
def test_an_edit_that_changes_nothing_is_refused(analysed: Store, edit: str) -> None:
    """A rename differing only in spaces, or an alias the actor has, was logged and took
    an undo step."""
    edits.add_alias(analysed, "جيمس جيفري", "المبعوث الأمريكي الخاص")
    edits.ignore(analysed, "جان مارك فيري")
    edits.split(analysed, "de-mistura", "المبعوث الخاص")
    logged = analysed.edits()
    make, message = _NO_CHANGE[edit]
    with pytest.raises(edits.EditError) as refused:
        make(analysed)
    assert str(refused.value) == f"{message}: nothing to change"
    assert analysed.edits() == logged


@pytest.mark.parametrize(
    ("entity", "alias"),
    [
        ("بشار الجعفري", "رئيس وفد الحكومة السورية"),
        ("جيمس جيفري", "المبعوث الأمريكي"),
        ("سيرغي لافروف", "وزير الخارجية"),
    ],
)
def test_a_role_phrase_alias_lends_its_last_word_to_nobody(
    analysed: Store, entity: str, alias: str
) -> None:
    """An alias that describes the person («رئيس وفد الحكومة السورية») made its last
    word a family name: «الشعب السوري», «المجال الجوي السوري» and «الأجواء السورية»
    became mentions of al-Jaafari, «التعاون الأمريكي» one of Jeffrey."""
    edits.add_alias(analysed, entity, alias)
    for _ in range(2):  # after the edit, and after a full analysis
        detail = analysed.entity_detail(edits.resolve_entity(analysed, entity).id)
        for m in detail.mentions:
            assert m.kind != "surname" or m.surface not in alias, (m.surface, m.kind)
        analyse_documents(analysed, full=True)


def test_a_speaker_named_by_family_name_alone_gets_his_quotations(tmp_path: Path) -> None:
    """«وأكد هافيستو أن» in an article that names him nowhere in full: the corpus knows
    one Haavisto, and the words are his, not those of the speaker before («أردوغان»)."""
    store, _db = _store_of(
        tmp_path,
        {
            "a": "قال وزير الخارجية الفنلندي بيكا هافيستو إن بلاده تدعم الحل السياسي في سوريا.",
            "b": "قال أردوغان إن بلاده لن تسمح بذلك.\nوأكد هافيستو أن الوضع في سوريا صعب.",
        },
    )
    b = next(d for d in store.documents() if d.stem == "b")
    said = [(q.speaker_name, q.speaker_text, q.text) for q in store.quotes_for(documents=[b.id])]
    assert said == [
        ("رجب طيب أردوغان", "أردوغان", "بلاده لن تسمح بذلك"),
        ("بيكا هافيستو", "هافيستو", "الوضع في سوريا صعب"),
    ]
    store.close()
