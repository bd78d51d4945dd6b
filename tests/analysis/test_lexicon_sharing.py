"""The user lexicon shared: every edit exported, and imported into another database of
the same articles, gives the same analysis there."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop import entity_edits as edits
from desktop.analysing import analyse_documents, replay
from desktop.datafiles import read_tsv
from desktop.importing import import_paths
from desktop.store.store import Store
from tests.analysis.written import analysis_rows
from tests.conftest import SEEDS


def _state(store: Store) -> dict[str, tuple[str, str, bool, str | None]]:
    """Every entity by key: name, type, ignored, the key it is merged into."""
    entities = list(store.iter_entities())
    keys = {e.id: e.key for e in entities}
    return {
        e.key: (e.name, e.type, e.ignored, keys.get(e.merged_into_id or 0))
        for e in entities
        if e.key
    }


def _fresh(path: Path) -> Store:
    store = Store.open(path)
    import_paths(store, [SEEDS])
    analyse_documents(store)
    return store


def _edit(store: Store) -> None:
    """What a tester did, following the README."""
    edits.merge(store, "سيرغي لافروف", "جون كيري")
    edits.merge(store, "سيرغي لافروف", "rubio")
    edits.retype(store, "منصة إكس", "organisation")
    edits.ignore(store, "منصة إكس")
    edits.rename(store, "pedersen", "غير أوتو بيدرسون")
    edits.add_alias(store, "جيمس جيفري", "الممثل الأمريكي الخاص")
    edits.split(store, "de-mistura", "المبعوث الخاص")


def test_exported_edits_imported_elsewhere_give_the_same_analysis(
    analysed: Store, db_path: Path, tmp_path: Path
) -> None:
    before = analysis_rows(db_path)
    _edit(analysed)
    edited = analysis_rows(db_path)
    assert edited != before  # the edits change what the analysis finds
    path = tmp_path / "my-lexicon.tsv"
    edits.export_lexicon(analysed, path)

    other_path = tmp_path / "other.db"
    other = _fresh(other_path)
    try:
        assert analysis_rows(other_path) == before
        edits.import_lexicon(other, path)
        assert analysis_rows(other_path) == edited
        mine, theirs = _state(analysed), _state(other)
        for key in ("kerry", "rubio", "x-platform", "pedersen", "jeffrey", "lavrov"):
            assert theirs[key] == mine[key]
        assert theirs["rubio"][3] == theirs["kerry"][3] == "lavrov"
        assert theirs["x-platform"][1:3] == ("organisation", True)
        assert theirs["pedersen"][0] == "غير أوتو بيدرسون"
        assert "user:المبعوث-الخاص" in theirs
        # a second import of the same file changes nothing
        logged = len(other.edits())
        edits.import_lexicon(other, path)
        assert len(other.edits()) == logged
        assert analysis_rows(other_path) == edited
        # and after a full analysis the edits still hold
        analyse_documents(other, full=True)
        assert analysis_rows(other_path) == edited
    finally:
        other.close()


def test_export_keeps_the_gazetteers_roles_and_affiliation(analysed: Store, tmp_path: Path) -> None:
    _edit(analysed)
    path = tmp_path / "my-lexicon.tsv"
    n = edits.export_lexicon(analysed, path)
    rows = {r["id"]: r for r in read_tsv(path)}
    assert n == len(rows)
    assert rows["lavrov"]["roles"] == "foreign-minister|russian-foreign-minister"
    assert rows["lavrov"]["affiliation"] == "russia"
    assert rows["pedersen"]["roles"] == "un-envoy-syria"
    assert rows["pedersen"]["affiliation"] == "un"
    assert rows["pedersen"]["ar"] == "غير أوتو بيدرسون"
    assert rows["rubio"]["status"] == "merged:lavrov"
    assert rows["kerry"]["status"] == "merged:lavrov"
    assert rows["x-platform"]["status"] == "ignored"
    assert rows["x-platform"]["type"] == "organisation"
    assert rows["user:المبعوث-الخاص"]["status"] == "split:de-mistura"
    assert rows["lavrov"]["status"] == ""


def test_a_lexicon_in_the_gazetteer_format_without_a_status_column_imports(
    analysed: Store, tmp_path: Path
) -> None:
    path = tmp_path / "old.tsv"
    path.write_text(
        "# an export of an earlier version\n"
        "id\ttype\tar\ten\taliases\troles\taffiliation\n"
        "pedersen\tperson\tغير أوتو بيدرسون\tGeir Pedersen\tغير بيدرسون\t\t\n"
        "x-platform\tmedia\tمنصة إكس\tX\tإكس\t\t\n"
        "helsinki-fm\tperson\tبيكا هافيستو\tPekka Haavisto\tهافيستو\tforeign-minister\tfinland\n",
        encoding="utf-8",
    )
    assert edits.import_lexicon(analysed, path).entries == 3
    state = _state(analysed)
    assert state["pedersen"][0] == "غير أوتو بيدرسون"
    assert state["x-platform"][1:3] == ("media", False)
    # an actor the database does not know comes with its roles and affiliation
    added = replay(analysed.edits()).created["helsinki-fm"]
    assert (added.roles, added.affiliation) == (frozenset({"foreign-minister"}), "finland")


@pytest.mark.parametrize(
    ("row", "said"),
    [
        ("pedersen\tperson\tغير بيدرسون\tGeir Pedersen\t\t\t\tdeleted", "unknown status"),
        # «merged:user:nothing» was logged as a merge, and Raqqa's mentions were hidden
        # under an actor that does not exist, even after an undo
        (
            "raqqa\tplace\tالرقة\tRaqqa\t\t\t\tmerged:user:nothing",
            "neither in the file nor in this corpus",
        ),
    ],
)
def test_a_status_that_cannot_be_made_is_a_clear_error_before_any_edit(
    analysed: Store, tmp_path: Path, row: str, said: str
) -> None:
    path = tmp_path / "bad.tsv"
    path.write_text(
        f"id\ttype\tar\ten\taliases\troles\taffiliation\tstatus\n{row}\n", encoding="utf-8"
    )
    logged = len(analysed.edits())
    with pytest.raises(edits.EditError, match=said):
        edits.import_lexicon(analysed, path)
    assert len(analysed.edits()) == logged


_FOUND = {
    "a": "قال وزير الخارجية الفنلندي بيكا هافيستو إن بلاده تدعم الحل السياسي في سوريا.\n"
    "وأضاف هافيستو أن المفاوضات يجب أن تستمر في جنيف.",
    "b": "وأكد هافيستو في مؤتمر صحفي في هلسنكي أن الوضع في سوريا صعب.",
    "c": "وقال وزير الخارجية النرويجي إسبن بارث إن بلاده ترحب بالمحادثات في جنيف.\n"
    "والتقى المبعوث الأممي غير بيدرسون وزير الخارجية السويدي توبياس بيلستروم في ستوكهولم.",
}


def _found_store(folder: Path, db: Path) -> Store:
    folder.mkdir()
    for stem, text in _FOUND.items():
        (folder / f"{stem}.txt").write_text(text, encoding="utf-8")
    store = Store.open(db)
    import_paths(store, [folder])
    analyse_documents(store)
    return store


def test_edits_of_found_names_are_shared_too(tmp_path: Path) -> None:
    """Names the analysis found (no gazetteer entry): confirmed, renamed, merged into
    an actor the gazetteer knows, ignored; a colleague's analysis finds them under the
    same keys, and the file gives them the same edits."""
    mine = _found_store(tmp_path / "mine", tmp_path / "mine.db")
    found = {e.name: e.key for e in mine.iter_entities() if e.origin == "discovered"}
    assert {"بيكا هافيستو", "إسبن بارث", "توبياس بيلستروم"} <= set(found)
    before = analysis_rows(tmp_path / "mine.db")
    edits.confirm(mine, "توبياس بيلستروم")
    edits.rename(mine, "بيكا هافيستو", "بيكا هافيستو (فنلندا)")
    edits.merge(mine, "غير بيدرسون", "إسبن بارث")
    # a found name the analysis of an edit matches is a known name, a full one's finds
    # it again: what the import's full analysis gives is what a full analysis gives here
    analyse_documents(mine, full=True)
    edited = analysis_rows(tmp_path / "mine.db")
    assert edited != before
    path = tmp_path / "found.tsv"
    edits.export_lexicon(mine, path)
    status = {r["id"]: r["status"] for r in read_tsv(path)}
    assert status[found["توبياس بيلستروم"]] == "confirmed"
    assert status[found["إسبن بارث"]] == "merged:pedersen"

    theirs = _found_store(tmp_path / "theirs", tmp_path / "theirs.db")
    try:
        assert analysis_rows(tmp_path / "theirs.db") == before
        edits.import_lexicon(theirs, path)
        assert analysis_rows(tmp_path / "theirs.db") == edited
        assert _state(theirs) == _state(mine)
        confirmed = {e.key for e in theirs.iter_entities() if e.confirmed}
        assert found["توبياس بيلستروم"] in confirmed
    finally:
        theirs.close()
        mine.close()
