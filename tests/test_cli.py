"""The command line as a user runs it: a real database file, JSON output, exit codes."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.__main__ import dispatch as main
from desktop.datafiles import read_tsv
from tests.conftest import SEEDS


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    try:
        code = main(list(argv))
    except SystemExit as exc:  # argparse usage errors
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


def run_json(capsys: pytest.CaptureFixture[str], *argv: str) -> object:
    code, out, err = run(capsys, *argv, "--json")
    assert code == 0, err
    return json.loads(out)


@pytest.fixture
def db(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    path = str(tmp_path / "x.db")
    report = run_json(capsys, "--db", path, "import", str(SEEDS))
    assert isinstance(report, dict)
    assert report["imported"] == 5 and report["duplicates"] == 0 and report["skipped"] == []
    return path


def test_import_twice_then_list(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    again = run_json(capsys, "--db", db, "import", str(SEEDS))
    assert isinstance(again, dict)
    assert (again["imported"], again["duplicates"]) == (0, 5)
    docs = run_json(capsys, "--db", db, "docs")
    assert isinstance(docs, list) and len(docs) == 5
    outlets = {d["stem"][:3]: d["outlet"] for d in docs}
    assert outlets["002"] == "UN News" and outlets["003"] == "SANA"
    assert all(d["title"] for d in docs)


def test_search_finds_proclitic_and_hamza_forms(
    db: str, capsys: pytest.CaptureFixture[str]
) -> None:
    hits = run_json(capsys, "--db", db, "search", "جنيف")
    assert isinstance(hits, list)
    forms = {f for h in hits for f in h["matched"]}
    assert {"جنيف", "بجنيف"} <= forms
    assert {h["stem"][:3] for h in hits} == {"002", "003", "004"}
    for h in hits:  # marks sit on the words in the snippet
        assert all(h["snippet"][a:b] in h["matched"] for a, b in h["marks"])

    hits = run_json(capsys, "--db", db, "search", "الامم المتحده")
    forms = {f for h in hits for f in h["matched"]}  # type: ignore[union-attr]
    assert {"الأمم", "المتحدة"} <= forms
    hits = run_json(capsys, "--db", db, "search", "«الأمم المتحدة»", "--outlet", "SANA")
    assert [h["stem"][:3] for h in hits] == ["003"]  # type: ignore[union-attr,index]
    hits = run_json(capsys, "--db", db, "search", "استانا")
    assert {h["stem"][:3] for h in hits} == {"000", "003", "004"}  # type: ignore[union-attr,index]


def test_search_in_an_outlet_it_does_not_know_says_so_and_json_goes_before_the_command(
    db: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """`search --outlet Nowhere` printed «0 results» and succeeded where every other
    command says the outlet is unknown; `--json` before the command, where `--db` goes,
    was refused."""
    code, out, err = run(capsys, "--db", db, "search", "جنيف", "--outlet", "Nowhere")
    assert (code, out) == (1, "")
    assert err == "tabayun: no outlet named 'Nowhere' (see 'tabayun outlets')\n"
    code, out, _err = run(capsys, "--db", db, "--json", "search", "جنيف", "--outlet", "SANA")
    assert code == 0
    assert [h["stem"][:3] for h in json.loads(out)] == ["003"]


def test_undo_names_the_edit_it_undid_in_words(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    """It printed the stored operation: «Undid the last edit (alias_add)»."""
    run(capsys, "--db", db, "entity", "alias-add", "ستافان دي ميستورا", "المبعوث دي مستورا")
    run(capsys, "--db", db, "entity", "type", "جون كيري", "organisation")
    code, out, _err = run(capsys, "--db", db, "entity", "undo")
    assert (code, out) == (0, "Undid the last edit: a change of type\n")
    undone = run_json(capsys, "--db", db, "entity", "undo")
    assert undone == {"undone": "alias_add", "message": "Undid the last edit: an alias added"}


def test_search_says_when_a_common_query_was_ranked_in_the_window(
    db: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from desktop.store import sqlite

    code, out, _err = run(capsys, "--db", db, "search", "جنيف")
    assert code == 0 and out.splitlines()[-1] == "3 results"
    # fewer than match: «2 results» read as a total
    code, out, _err = run(capsys, "--db", db, "search", "جنيف", "--limit", "2")
    assert code == 0 and out.splitlines()[-1] == "the first 2 of 3 results (--limit N shows more)"
    monkeypatch.setattr(sqlite, "RANK_WINDOW", 2)  # جنيف is in three seed articles
    code, out, _err = run(capsys, "--db", db, "search", "جنيف", "--limit", "2")
    assert out.splitlines()[-1] == (
        "the first 2 results (--limit N shows more) "
        "(a very common query: ranked among its 2 most recent matches)"
    )
    hits = run_json(capsys, "--db", db, "search", "جنيف", "--limit", "2")
    assert isinstance(hits, list) and all(h["ranked_among_recent"] for h in hits)


@pytest.mark.parametrize("query", ['"', "NEAR(", "*", ")(", "-", "AND OR NOT", "جنيف*", '"جنيف'])
def test_search_survives_syntax(db: str, capsys: pytest.CaptureFixture[str], query: str) -> None:
    code, out, err = run(capsys, "--db", db, "search", query, "--json")
    assert code == 0, err
    assert isinstance(json.loads(out), list)


def test_show_by_stem_prefix_and_id(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    doc = run_json(capsys, "--db", db, "show", "003")
    assert isinstance(doc, dict) and doc["outlet"] == "SANA"
    assert doc["text"].endswith("جنيف- سانا")
    for s in doc["sentences"]:
        assert doc["text"][s["start"] : s["end"]].strip() == doc["text"][s["start"] : s["end"]]
    same = run_json(capsys, "--db", db, "show", str(doc["id"]))
    assert isinstance(same, dict) and same["stem"] == doc["stem"]


def test_outlet_rename_and_doc_set(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    run_json(capsys, "--db", db, "outlet", "rename", "SANA", "سانا")
    outlets = run_json(capsys, "--db", db, "outlets")
    assert isinstance(outlets, list)
    assert {o["name"] for o in outlets} == {"سانا", "UN News"}
    row = run_json(
        capsys,
        "--db",
        db,
        "doc",
        "set",
        "000_e48a2abc179f913e",
        "--outlet",
        "Anadolu Agency",
        "--date",
        "2024-11-27",
    )
    assert (
        isinstance(row, dict) and row["outlet"] == "Anadolu Agency" and row["date"] == "2024-11-27"
    )
    docs = run_json(capsys, "--db", db, "docs", "--outlet", "Anadolu Agency")
    assert [d["stem"][:3] for d in docs] == ["000"]  # type: ignore[union-attr,index]
    # the renamed outlet is found by its old name, and by the Arabic one it is known by:
    # no second «SANA» with one article next to «سانا»
    for name in ("SANA", "الوكالة العربية السورية للأنباء"):
        row = run_json(capsys, "--db", db, "doc", "set", "001", "--outlet", name)
        assert isinstance(row, dict) and row["outlet"] == "سانا"
    outlets = run_json(capsys, "--db", db, "outlets")
    assert isinstance(outlets, list)
    assert sorted(o["name"] for o in outlets) == ["Anadolu Agency", "UN News", "سانا"]
    # filters find it by its old name too
    docs = run_json(capsys, "--db", db, "docs", "--outlet", "SANA")
    assert isinstance(docs, list) and {d["outlet"] for d in docs} == {"سانا"}
    # renamed onto another outlet, the merged one keeps answering to the old name
    run_json(capsys, "--db", db, "doc", "set", "000", "--outlet", "سانا الرسمية")
    run_json(capsys, "--db", db, "outlet", "rename", "سانا", "سانا الرسمية")
    row = run_json(capsys, "--db", db, "doc", "set", "002", "--outlet", "SANA")
    assert isinstance(row, dict) and row["outlet"] == "سانا الرسمية"
    # and the outlets their last documents left, which the user never edited, are gone
    outlets = run_json(capsys, "--db", db, "outlets")
    assert isinstance(outlets, list)
    assert sorted(o["name"] for o in outlets) == ["سانا الرسمية"]


def test_articles_of_a_renamed_outlet_imported_later_join_it(
    db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run_json(capsys, "--db", db, "outlet", "rename", "SANA", "سانا")
    before = run_json(capsys, "--db", db, "outlets")
    assert isinstance(before, list)
    sana = {o["name"]: o["documents"] for o in before}["سانا"]
    more = tmp_path / "more.jsonl"
    more.write_text(
        json.dumps(
            {"text": "قال المبعوث الأممي إن جولة جديدة ستعقد في جنيف.", "source": "SANA"},
            ensure_ascii=False,
        )
        + "\n",
        encoding="utf-8",
    )
    report = run_json(capsys, "--db", db, "import", str(more))
    assert isinstance(report, dict) and report["imported"] == 1
    outlets = run_json(capsys, "--db", db, "outlets")
    assert isinstance(outlets, list)
    assert {o["name"]: o["documents"] for o in outlets}["سانا"] == sana + 1
    assert "SANA" not in {o["name"] for o in outlets}


def _import_one(
    capsys: pytest.CaptureFixture[str], db: str, path: Path, outlet: str, text: str
) -> None:
    """Import one article of ``outlet`` from a JSON Lines file at ``path``."""
    record = {"text": text, "source": outlet}
    path.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    report = run_json(capsys, "--db", db, "import", str(path))
    assert isinstance(report, dict) and report["imported"] == 1


def _outlet_counts(capsys: pytest.CaptureFixture[str], db: str) -> dict[str, int]:
    listed = run_json(capsys, "--db", db, "outlets")
    assert isinstance(listed, list)
    return {o["name"]: o["documents"] for o in listed}


def test_a_renamed_outlet_keeps_its_name_when_its_last_document_is_removed(
    db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Removing the last document of an outlet the user had renamed removed the outlet
    too: its articles imported again came in under the name the import gave it, and
    those of an outlet no directory knows did so even while it had documents."""

    def imported(name: str, outlet: str, text: str) -> None:
        _import_one(capsys, db, tmp_path / name, outlet, text)

    def outlets() -> dict[str, int]:
        return _outlet_counts(capsys, db)

    def remove_all(outlet: str) -> dict[str, object]:
        docs = run_json(capsys, "--db", db, "docs", "--outlet", outlet)
        assert isinstance(docs, list) and docs
        removed = run_json(capsys, "--db", db, "doc", "delete", *(str(d["id"]) for d in docs))
        assert isinstance(removed, dict)
        return removed

    un = "أخبار الأمم المتحدة"
    run_json(capsys, "--db", db, "outlet", "rename", "UN News", un)
    removed = remove_all(un)
    assert outlets().get(un) == 0
    assert (removed["outlets_removed"], removed["outlets_kept"]) == ([], [un])
    imported("un.jsonl", "UN News", "قال المبعوث الأممي إن جولة جديدة من المحادثات ستعقد في جنيف.")
    assert outlets()[un] == 1 and "UN News" not in outlets()
    # an outlet no directory knows, renamed: its articles join it, before and after
    imported("balad.jsonl", "جريدة البلد اليومية", "وقال الوفد إن محادثات أستانا كانت إيجابية.")
    run_json(capsys, "--db", db, "outlet", "rename", "جريدة البلد اليومية", "البلد")
    imported("balad2.jsonl", "جريدة البلد اليومية", "وانتهت في أستانا اجتماعات الدول الضامنة.")
    assert outlets()["البلد"] == 2
    code, out, _err = run(
        capsys,
        "--db",
        db,
        "doc",
        "delete",
        *(
            str(d["id"])
            for d in run_json(capsys, "--db", db, "docs", "--outlet", "البلد")  # type: ignore[union-attr]
        ),
    )
    assert code == 0
    assert "  outlet 'البلد' had no other document: kept, as you edited it" in out
    imported("balad3.jsonl", "جريدة البلد اليومية", "وتستضيف أستانا الجولة المقبلة من المحادثات.")
    assert outlets()["البلد"] == 1 and "جريدة البلد اليومية" not in outlets()
    # renamed back to the name it came with, it goes with its last document as others do
    run_json(capsys, "--db", db, "outlet", "rename", "البلد", "جريدة البلد اليومية")
    removed = remove_all("جريدة البلد اليومية")
    assert (removed["outlets_removed"], removed["outlets_kept"]) == (["جريدة البلد اليومية"], [])
    assert "جريدة البلد اليومية" not in outlets()


def test_doc_delete_removes_documents_together(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    docs = run_json(capsys, "--db", db, "docs")
    assert isinstance(docs, list)
    ids = {d["stem"][:3]: d["id"] for d in docs}
    before = {h["id"] for h in run_json(capsys, "--db", db, "search", "جنيف")}  # type: ignore[union-attr]
    entities = run_json(capsys, "--db", db, "entities")
    assert isinstance(entities, list)
    mistura = next(e for e in entities if e["name"] == "ستافان دي ميستورا")["documents"]
    assert {ids["002"], ids["004"]} <= before
    # by id and by file name; the UN News article is its outlet's only one
    removed = run_json(capsys, "--db", db, "doc", "delete", str(ids["002"]), "004")
    assert isinstance(removed, dict)
    assert removed["removed"] == sorted([ids["002"], ids["004"]])
    assert [d["stem"][:3] for d in removed["documents"]] == ["002", "004"]
    assert removed["outlets_removed"] == ["UN News"] and removed["entities_removed"] == 0
    left = run_json(capsys, "--db", db, "docs")
    assert isinstance(left, list) and sorted(d["stem"][:3] for d in left) == ["000", "001", "003"]
    after = {h["id"] for h in run_json(capsys, "--db", db, "search", "جنيف")}  # type: ignore[union-attr]
    assert after == before - {ids["002"], ids["004"]}
    outlets = run_json(capsys, "--db", db, "outlets")
    assert isinstance(outlets, list) and [o["name"] for o in outlets] == ["SANA"]
    # the actors' counts are those of the articles left: both named de Mistura
    entities = run_json(capsys, "--db", db, "entities")
    assert isinstance(entities, list)
    assert next(e for e in entities if e["name"] == "ستافان دي ميستورا")["documents"] == (
        mistura - 2
    )
    code, out, err = run(capsys, "--db", db, "doc", "delete", "000")
    assert code == 0 and err == ""
    assert out.splitlines()[0] == "Removed 1 document"
    assert out.splitlines()[1].startswith(f"  #{ids['000']}  (unknown)")


def test_doc_delete_of_a_document_not_there_removes_nothing(
    db: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(capsys, "--db", db, "doc", "delete", "1", "999")
    assert code == 2 and out == ""
    assert "no document '999'" in err and "nothing was removed" in err
    docs = run_json(capsys, "--db", db, "docs")
    assert isinstance(docs, list) and len(docs) == 5


def test_doc_delete_while_another_job_writes_removes_nothing(
    db: str, capsys: pytest.CaptureFixture[str]
) -> None:
    from desktop.store.store import Store

    other = Store.open(db)
    try:
        with other.writing("import"):
            code, _out, err = run(capsys, "--db", db, "doc", "delete", "1")
    finally:
        other.close()
    assert code == 1 and "busy: an import" in err
    docs = run_json(capsys, "--db", db, "docs")
    assert isinstance(docs, list) and len(docs) == 5


def test_import_says_which_dates_could_not_be_read(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "news.csv"
    rows = [
        ("منذ 3 ساعات", "قال المبعوث الأممي إن جولة جديدة من المحادثات ستعقد في جنيف."),
        ("31/02/2017", "أعلنت وزارة الخارجية الروسية أن لافروف سيلتقي نظيره في موسكو."),
        ("2017-13-45", "أكد وفد المعارضة السورية تمسكه بالانتقال السياسي في سوريا."),
        ("قبل يومين", "اجتمع ممثلو الدول الضامنة في أستانا لبحث وقف إطلاق النار."),
        ("n/a", "دعت الأمم المتحدة إلى إيصال المساعدات الإنسانية إلى المناطق المحاصرة."),
        ("", "قال مسؤول تركي إن أنقرة تدعم الحل السياسي للأزمة السورية."),
        ("12/07/2017", "أعلن مجلس الأمن الدولي أنه سيعقد جلسة طارئة لبحث الوضع في حلب."),
    ]
    path.write_text(
        "title,date,text\n" + "".join(f"خبر {i},{d},{t}\n" for i, (d, t) in enumerate(rows)),
        encoding="utf-8",
    )
    db = str(tmp_path / "d.db")
    code, out, err = run(capsys, "--db", db, "import", str(path))
    assert code == 0, err
    note = (
        '5 dates in column "date" could not be read and were left empty '
        '(e.g. "منذ 3 ساعات", "31/02/2017")'
    )
    assert f"  note {path}: {note}\n" in out
    assert out.count("could not be read") == 1
    again = tmp_path / "again.db"
    report = run_json(capsys, "--db", str(again), "import", str(path))
    assert isinstance(report, dict) and report["notes"] == [{"source": str(path), "note": note}]
    docs = run_json(capsys, "--db", str(again), "docs")
    assert isinstance(docs, list)
    assert sorted(d["date"] or "" for d in docs) == [""] * 6 + ["2017-07-12"]


@pytest.mark.parametrize(
    "argv",
    [
        ["search"],
        ["import"],
        ["docs", "--from", "yesterday"],
        ["search", "x", "--limit", "0"],
        ["import", "seeds", "--field", "nonsense"],
        ["import", "seeds", "--field", "colour=red"],
        ["doc", "set", "1"],
        ["doc", "delete"],
        ["frobnicate"],
    ],
)
def test_usage_errors_exit_2_with_a_message(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], argv: list[str]
) -> None:
    code, _out, err = run(capsys, "--db", str(tmp_path / "u.db"), *argv)
    assert code == 2
    assert "error" in err


def test_unknown_document_is_a_clear_error(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, _out, err = run(capsys, "--db", db, "show", "999")
    assert code == 1 and "no document" in err


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(query=st.text(max_size=40))
def test_random_queries_never_raise(seeded_store, query: str) -> None:  # type: ignore[no-untyped-def]
    from desktop.search import search

    for hit in search(seeded_store, query, limit=5):
        assert hit.row.id > 0


def test_console_script_runs_headless(tmp_path: Path) -> None:
    """`python -m desktop` with a sub-command never imports Qt."""
    code = (
        "import sys; from desktop.__main__ import dispatch; rc = dispatch(sys.argv[1:]); "
        "assert 'PySide6' not in sys.modules, 'Qt imported by the CLI'; sys.exit(rc)"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code, "--db", str(tmp_path / "h.db"), "docs", "--json"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout) == []


def test_entities_and_entity_commands(
    db: str, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    people = run_json(capsys, "--db", db, "entities", "--type", "person", "--min-docs", "2")
    assert isinstance(people, list)
    assert {p["name"] for p in people} == {"ستافان دي ميستورا", "غير بيدرسون", "بشار الجعفري"}
    mistura = next(p for p in people if p["name"] == "ستافان دي ميستورا")
    assert mistura["documents"] == 3 and set(mistura["outlets"]) == {"SANA", "UN News"}

    one = run_json(capsys, "--db", db, "entity", "دي مستورا")
    assert isinstance(one, dict) and one["id"] == mistura["id"]
    assert {a["alias"] for a in one["aliases"]} >= {"دي مستورا", "ستافان دي ميستورا"}
    for m in one["mention_list"]:
        assert m["surface"] in m["sentence"]

    merged = run_json(capsys, "--db", db, "entity", "merge", "سيرغي لافروف", "جون كيري")
    assert isinstance(merged, dict) and merged["name"] == "سيرغي لافروف"
    run_json(capsys, "--db", db, "analyse")
    names = {e["name"] for e in run_json(capsys, "--db", db, "entities", "--type", "person")}  # type: ignore[union-attr]
    assert "جون كيري" not in names and "سيرغي لافروف" in names
    out = tmp_path / "lex.tsv"
    exported = run_json(capsys, "--db", db, "lexicon", "export", str(out))
    # the target, and the merged entity with the merge as its status
    assert isinstance(exported, dict) and exported["entries"] == 2 and out.exists()
    rows = {r["id"]: r for r in read_tsv(out)}
    assert rows["kerry"]["status"] == "merged:lavrov" and rows["lavrov"]["status"] == ""
    # imported into the corpus it came from, it has nothing new: it said «Imported 2
    # lexicon entries» and analysed the whole corpus again, to change nothing
    edits_before = run_json(capsys, "--db", db, "entity", "undo")  # the merge, undone…
    assert isinstance(edits_before, dict) and edits_before["undone"] == "merge"
    code, said, _err = run(capsys, "--db", db, "lexicon", "import", str(out))
    assert (code, said) == (
        0,
        f"Imported 2 lexicon entries ({out}): 1 edit made, the articles analysed again\n",
    )  # …made again from the file
    code, said, _err = run(capsys, "--db", db, "lexicon", "import", str(out))
    assert (code, said) == (0, f"Read 2 lexicon entries ({out}): nothing new, nothing changed\n")
    code, _o, err = run(capsys, "--db", db, "entity", "merge", "سيرغي لافروف")
    assert code == 2 and "takes 2" in err
    code, _o, err = run(capsys, "--db", db, "entity", "لا أحد")
    assert code == 1 and "no entity" in err


def test_framing_commands(db: str, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    comp = run_json(capsys, "--db", db, "compare", "003", "004")
    assert isinstance(comp, dict)
    names = {a["name"] for a in comp["shared_actors"]}
    assert {"بشار الجعفري", "ستافان دي ميستورا", "أستانا", "جنيف"} <= names
    assert comp["aligned_passages"]

    outlets = run_json(capsys, "--db", db, "compare", "SANA", "UN News", "--outlets")
    assert isinstance(outlets, dict) and outlets["a"]["label"] == "SANA"

    table = run_json(capsys, "--db", db, "frame", "syria-government-delegation")
    assert isinstance(table, dict)
    labels = {row["label"]: row for row in table["labels"]}
    assert labels["وفد الجمهورية العربية السورية"]["counts"]["SANA"] == 2
    assert labels["وفد الجمهورية العربية السورية"]["category"] == "official"
    assert table["coverage"] == {"SANA": {"undated": 1}}  # named in 003; 004 labels it only
    # the documents covering it, per outlet, count 004 with its labels (it said 0 of them)
    assert table["documents"] == {"SANA": 1, "(unknown)": 1}

    quotes = run_json(capsys, "--db", db, "quotes", "--speaker", "de-mistura", "--kind", "direct")
    assert isinstance(quotes, list) and len(quotes) >= 4
    assert all(q["speaker"] == "ستافان دي ميستورا" for q in quotes)
    sana = run_json(capsys, "--db", db, "quotes", "--outlet", "SANA")
    assert isinstance(sana, list) and {q["document"] for q in sana} == {
        outlets["a"]["documents"][0]
    }

    events = run_json(capsys, "--db", db, "events")
    assert isinstance(events, list) and {"talks", "displacement", "casualties"} <= {
        e["type"] for e in events
    }

    lines = run_json(capsys, "--db", db, "kwic", "الأمم المتحدة", "--width", "20")
    assert isinstance(lines, list) and lines
    assert all(ln["match"].replace("للأمم", "الأمم").endswith("المتحدة") for ln in lines)
    assert all(len(ln["left"]) <= 20 for ln in lines)

    key = run_json(capsys, "--db", db, "keyness", "SANA", "UN News", "--top", "8")
    assert isinstance(key, list) and len(key) == 8
    assert all(k["a"] > 0 for k in key)
    # each term is shown as SANA writes it («الجولة», «أستانا»), not as it is matched
    # («الجوله», «استانا», which read as misspellings)
    from desktop.compare.align import stem_word
    from desktop.text.normalize import normalize

    assert all(stem_word(normalize(k["written"])) == k["term"] for k in key)
    assert {"الجولة", "أستانا"} <= {k["written"] for k in key}

    html_path = tmp_path / "c.html"
    code, _o, err = run(
        capsys,
        "--db",
        db,
        "export",
        "comparison",
        "003",
        "004",
        "--format",
        "html",
        "-o",
        str(html_path),
    )
    assert code == 0, err
    html_text = html_path.read_text(encoding="utf-8")
    assert 'dir="rtl"' in html_text and "وفد الحكومة السورية" in html_text
    assert "@font-face" in html_text  # self-contained
    code, out, err = run(
        capsys, "--db", db, "export", "comparison", "003", "004", "--format", "csv"
    )
    assert code == 0 and out.splitlines()[0].startswith("actor,type,side")
    code, _o, err = run(capsys, "--db", db, "export", "comparison", "003", "004", "--format", "pdf")
    assert code == 2 and "--output" in err


def test_pdf_export_renders_arabic(db: str, tmp_path: Path) -> None:
    """The PDF goes through Qt's text engine in a separate process (it needs a GUI app)."""
    pdf = tmp_path / "c.pdf"
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "desktop",
            "--db",
            db,
            "export",
            "comparison",
            "003",
            "004",
            "--format",
            "pdf",
            "-o",
            str(pdf),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        # no display and no platform named: the command line draws offscreen itself
        env={
            k: v
            for k, v in __import__("os").environ.items()
            if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
        },
    )
    assert proc.returncode == 0, proc.stderr
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF") and len(data) > 5000
    assert b"NotoNaskhArabic" in data  # the Arabic font is embedded


def test_import_says_what_it_imported_before_the_analysis_starts(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import desktop.cli as cli

    said_before: list[str] = []
    analyse = cli.analyse_left_over

    def watching(*args, **kwargs):  # type: ignore[no-untyped-def]
        said_before.append(capsys.readouterr().out)
        return analyse(*args, **kwargs)

    monkeypatch.setattr(cli, "analyse_left_over", watching)
    code, out, err = run(capsys, "--db", str(tmp_path / "x.db"), "import", str(SEEDS))
    assert code == 0, err
    assert said_before and said_before[0].startswith("Imported 5, duplicates 0, skipped 0")
    assert out.startswith("Analysed 5 documents")


def test_kwic_prints_each_line_in_the_order_of_the_text(
    db: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """What precedes the match, the match, what follows: a terminal that lays Arabic
    out right to left then shows it as it is read (it printed what follows first)."""
    code, out, err = run(capsys, "--db", db, "kwic", "المعارضة", "--width", "30")
    assert code == 0, err
    lines = run_json(capsys, "--db", db, "kwic", "المعارضة", "--width", "30")
    assert isinstance(lines, list) and lines
    printed = out.splitlines()
    assert len(printed) == len(lines)
    for text, line in zip(printed, lines, strict=True):
        assert text.split(maxsplit=1)[1].strip() == (
            f"{line['left']} [{line['match']}] {line['right']}".strip()
        )
    # the matches line up: the preceding context is padded to the width at its start
    assert len({t.index("[") for t in printed}) == 1


def test_the_command_line_says_what_is_wrong_instead_of_a_traceback(
    db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "no-such-folder"
    code, _out, err = run(
        capsys, "--db", db, "export", "comparison", "003", "004", "--format", "html",
        "-o", str(missing / "c.html"),
    )  # fmt: skip
    assert (code, err) == (
        1,
        f"tabayun: cannot write {missing / 'c.html'}: the folder {missing} does not exist\n",
    )
    # a typo in --db's folder: no folder and no empty database made
    code, _out, err = run(capsys, "--db", str(missing / "x.db"), "docs")
    assert code == 1 and "does not exist" in err and not missing.exists()
    not_db = tmp_path / "notes.db"
    not_db.write_text("ملاحظات وليست قاعدة بيانات\n" * 50, encoding="utf-8")
    code, _out, err = run(capsys, "--db", str(not_db), "docs")
    assert (code, err) == (1, f"tabayun: cannot open database {not_db}: file is not a database\n")


def test_import_fails_when_nothing_named_could_be_read(
    db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A script can tell: a path that does not exist, or files without one readable
    article, exit 1; a bad file among good ones is reported and the import succeeds."""
    code, out, _err = run(capsys, "--db", db, "import", str(tmp_path / "nowhere"))
    assert code == 1 and "no such file" in out
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "a.json").write_text("{ليس JSON", encoding="utf-8")
    code, _out, _err = run(capsys, "--db", db, "import", str(bad))
    assert code == 1
    (bad / "b.txt").write_text("قال المبعوث الأممي إن المحادثات ستستأنف في جنيف.", encoding="utf-8")
    code, out, _err = run(capsys, "--db", db, "import", str(bad))
    assert code == 0 and "Imported 1" in out and "skipped 1" in out
    code, _out, _err = run(capsys, "--db", db, "import", str(SEEDS))  # all stored already
    assert code == 0


def test_output_piped_into_a_reader_that_stops_early_ends_quietly(db: str) -> None:
    """`tabayun entities | head -1`: no traceback when the reader goes away."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "desktop", "--db", db, "entities"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.close()  # gone before the first line is written, as `head -0` would be
    err = proc.stderr.read().decode()
    assert proc.wait(timeout=60) in (0, 141)
    assert "Traceback" not in err and "BrokenPipe" not in err


@pytest.mark.parametrize(
    ("argv", "said"),
    [
        (["compare", "003", "4"], "are the same document"),  # 003 is the article of id 4
        (["compare", "--outlets", "SANA", "sana"], "are the same outlet"),
        (["keyness", "SANA", "SANA"], "are the same outlet"),
        (["search", "  "], "the query is empty"),
        (["kwic", ""], "the term is empty"),
        (["entity", "type", "دي ميستورا", "planet"], "unknown type 'planet'"),
    ],
)
def test_requests_that_cannot_mean_anything_are_usage_errors(
    db: str, capsys: pytest.CaptureFixture[str], argv: list[str], said: str
) -> None:
    """They printed nothing, or compared an article with itself, and exited 0."""
    code, out, err = run(capsys, "--db", db, *argv)
    assert (code, out) == (2, "") and said in err


def test_counts_of_one_are_singular_and_a_csv_file_opens_in_excel(
    db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """«1 results», «1 documents», «— 1 files» for three files given; «is now a
    organisation»; a CSV without a byte order mark, which Excel reads as Windows-1252."""
    code, out, _err = run(capsys, "--db", db, "search", "جيمس جيفري")
    assert code == 0 and out.splitlines()[-1] == "1 result"
    code, out, _err = run(capsys, "--db", db, "docs", "--outlet", "SANA")
    assert code == 0 and out.splitlines()[-1] == "1 document"
    code, out, _err = run(capsys, "--db", db, "entity", "type", "منصة إكس", "organisation")
    assert code == 0 and out.rstrip().endswith("is now of type organisation")
    (tmp_path / "one.txt").write_text("خبر واحد عن اجتماع في جنيف بين الوفدين.\n", "utf-8")
    code, out, _err = run(capsys, "--db", db, "import", str(tmp_path / "one.txt"))
    assert code == 0 and " — 1 file read in " in out.splitlines()[0]
    target = tmp_path / "c.csv"
    code, _o, err = run(
        capsys, "--db", db, "export", "comparison", "003", "004", "--format", "csv",
        "-o", str(target),
    )  # fmt: skip
    assert code == 0, err
    data = target.read_bytes()
    assert data.startswith(b"\xef\xbb\xbfactor,type,side")
    assert "وفد الحكومة السورية" in data.decode("utf-8-sig")


def test_a_comparison_says_an_actor_is_labelled_where_it_is_never_named(
    db: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """«وفد الجمهورية العربية السورية — mentions 2 / 0» over B's «وفد الحكومة السورية»
    labels read as a contradiction; B's outlet was a blank where the rest say unknown."""
    code, out, err = run(capsys, "--db", db, "compare", "003", "004")
    assert code == 0, err
    lines = out.splitlines()
    assert lines[1].startswith("B: #5 (unknown)  قال ستافان")
    (delegation,) = [ln for ln in lines if "وفد الجمهورية العربية السورية (organisation)" in ln]
    assert delegation.endswith("— named 2 / 0, labelled 2 / 2")
    # SANA's «وفد "المعارضة"»: a scare quote, which said only «(neutral)», the word's own
    opposition = lines[
        lines.index(" * المعارضة السورية (organisation) — named 1 / 2, labelled 1 / 3") + 1
    ]
    assert (
        opposition
        == "     A: labels: المعارضة (in scare quotes, neutral); verbs: —; quotes: 0, reported: 0;"
        " voice 0%"
    )


def test_a_merge_names_the_actor_merged_not_the_id_it_was_given_as(
    db: str, capsys: pytest.CaptureFixture[str]
) -> None:
    kerry = run_json(capsys, "--db", db, "entity", "جون كيري")
    assert isinstance(kerry, dict)
    code, out, err = run(capsys, "--db", db, "entity", "merge", "سيرغي لافروف", str(kerry["id"]))
    assert code == 0, err
    assert out.startswith(f"Merged #{kerry['id']} جون كيري into #")


def test_an_id_is_never_hidden_by_a_file_named_like_it(
    db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A corpus of files named 1.txt, 2.txt… (SANAD): `show 3` opened the file 3.txt
    (#8), and `show 1` was refused as naming several files, though 1 is an id."""
    folder = tmp_path / "Khaleej" / "Culture"
    folder.mkdir(parents=True)
    for i in (1, 3):
        (folder / f"{i}.txt").write_text(f"خبر ثقافي رقم {i} عن مهرجان في الشارقة.", "utf-8")
    other = tmp_path / "Khaleej" / "Sports"
    other.mkdir()
    (other / "1.txt").write_text("خبر رياضي عن مباراة في دبي.", encoding="utf-8")
    run_json(capsys, "--db", db, "import", str(tmp_path / "Khaleej"))
    for ref in ("1", "3"):
        shown = run_json(capsys, "--db", db, "show", ref)
        assert isinstance(shown, dict) and shown["id"] == int(ref)


def test_text_listings_say_what_their_columns_are_and_count_in_words(
    db: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _err = run(capsys, "--db", db, "outlets")
    lines = out.splitlines()
    assert code == 0 and lines[0].split() == ["id", "docs", "outlet", "(Arabic", "name)"]
    assert any(line.endswith("SANA  (سانا)") for line in lines[1:])
    code, out, _err = run(capsys, "--db", db, "entities")
    counts = [line for line in out.splitlines() if " mention" in line]
    assert any(" 1 doc " in line for line in counts)  # «1 docs» before
    assert not any(" 1 docs" in line or " 1 mentions" in line for line in counts)


def test_importing_again_analyses_what_an_interrupted_import_left(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from desktop.importing import import_paths
    from desktop.store.store import Store

    db = tmp_path / "x.db"
    import_paths(Store.open(db), [SEEDS])  # stored, then interrupted before the analysis
    code, out, err = run(capsys, "--db", str(db), "import", str(SEEDS))
    assert code == 0, err
    assert out.splitlines()[0].startswith("Imported 0, duplicates 5")
    assert out.splitlines()[-1].startswith("Analysed 5 documents:")


def test_an_import_analyses_its_own_articles_not_those_an_earlier_version_analysed(
    db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """After an upgrade every import analysed the whole corpus again (minutes at 30,000
    articles); those are taken up in the background when the window starts."""
    import sqlite3

    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE documents SET analysis_version = 2")
    (tmp_path / "one.txt").write_text("خبر واحد عن اجتماع في جنيف بين الوفدين.\n", "utf-8")
    code, out, err = run(capsys, "--db", db, "import", str(tmp_path / "one.txt"))
    assert code == 0, err
    assert out.splitlines()[-1].startswith("Analysed 1 document:")


def test_import_notes_the_columns_of_a_table_it_reads_nothing_from(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A column the import did not use went without a word: the report names it, once
    for the file, as a note (the file is imported, not skipped), with how to read it."""
    table = tmp_path / "أخبار.csv"
    table.write_text(
        "العنوان,النص,الصحيفة,التصنيف,وقت الإضافة\n"
        "الجعفري في جنيف,وقال الجعفري في جنيف إن المحادثات ستستمر.,سانا,سياسة,2017-07-10\n"
        "الحريري,وتعهد نصر الحريري بمواصلة الضغط من أجل انتقال سياسي.,سانا,سياسة,2017-07-11\n",
        encoding="utf-8",
    )
    note = (
        "columns not read: التصنيف, وقت الإضافة (no column found for: date, author, url); "
        "to read one, name its field: --field date=COLUMN"
    )
    code, out, err = run(capsys, "--db", str(tmp_path / "x.db"), "import", str(table))
    assert code == 0, err
    said = out.splitlines()
    assert said[0].startswith("Imported 2, duplicates 0, skipped 0")
    assert said[1] == f"  note {table}: {note}"
    report = run_json(capsys, "--db", str(tmp_path / "y.db"), "import", str(table))
    assert isinstance(report, dict)
    assert (report["skipped"], report["notes"]) == ([], [{"source": str(table), "note": note}])


def test_ctrl_c_while_the_program_starts_says_so_in_one_line(tmp_path: Path) -> None:
    """Its modules take a second or so to load: a Ctrl+C then printed a traceback of
    25 lines, and the program died of the signal."""
    code = (
        "import signal, sys\n"
        "class CtrlC:  # pressed as the database modules load\n"
        "    def find_spec(self, name, path=None, target=None):\n"
        "        if name == 'sqlalchemy':\n"
        "            signal.raise_signal(signal.SIGINT)\n"
        "sys.meta_path.insert(0, CtrlC())\n"
        "from desktop.__main__ import main\n"
        "main()\n"
    )
    db = tmp_path / "x.db"
    proc = subprocess.run(
        [sys.executable, "-c", code, "--db", str(db), "import", str(SEEDS)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.returncode == 130
    assert proc.stderr == "tabayun: interrupted before it began; nothing was changed\n"
    assert not db.exists()


def _alive_in_group(group: int) -> list[int]:
    """The processes of a process group not yet ended (a zombie has ended)."""
    ps = subprocess.run(["ps", "-A", "-o", "pid=,pgid=,stat="], capture_output=True, text=True)
    rows = (line.split() for line in ps.stdout.splitlines())
    return [int(r[0]) for r in rows if len(r) >= 3 and int(r[1]) == group and r[2][0] != "Z"]


def _stored(db: Path) -> tuple[int, int]:
    """(documents, analysed documents) committed so far; (0, 0) before the tables exist."""
    import sqlite3

    if not db.exists():
        return 0, 0
    conn = sqlite3.connect(db, timeout=5)
    try:
        stored, analysed = conn.execute(
            "SELECT count(*), count(analysis_version) FROM documents"
        ).fetchone()
    except sqlite3.OperationalError:  # no table yet
        return 0, 0
    finally:
        conn.close()
    return stored, analysed


@pytest.mark.skipif(sys.platform == "win32", reason="Ctrl+C as a POSIX terminal sends it")
@pytest.mark.parametrize(("articles", "phase"), [(4000, "importing"), (1200, "analysing")])
def test_ctrl_c_during_an_import_ends_quietly_and_says_what_was_saved(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, articles: int, phase: str
) -> None:
    """The terminal sends SIGINT to the whole process group, the worker processes too:
    they printed tracebacks, and the message said neither how many articles were saved
    nor that some were left to analyse."""
    import os
    import re
    import signal
    import time

    from tests.benchmarks.corpus import write_corpus

    write_corpus(tmp_path / "corpus", articles, per_file=400)  # 4,000: parallel import
    monkeypatch.setenv("TABAYUN_WORKERS", "2")
    db = tmp_path / "x.db"
    proc = subprocess.Popen(
        [sys.executable, "-m", "desktop", "--db", str(db), "import", str(tmp_path / "corpus")],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,  # a group of its own, as a terminal's foreground job
    )
    try:
        deadline = time.monotonic() + 60
        # written to: the import's first files, or the analysis's first batch
        while _stored(db)[phase == "analysing"] == 0 and proc.poll() is None:
            assert time.monotonic() < deadline, "nothing written"
            time.sleep(0.02)
        os.killpg(proc.pid, signal.SIGINT)
        _out, err = proc.communicate(timeout=30)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
    assert proc.returncode == 130, err
    assert "Traceback" not in err
    from desktop.analysing import unfinished_documents
    from desktop.store.store import Store

    store = Store.open(db)
    try:  # analysed by the run Ctrl+C stopped: analysed again by the next (not counted)
        again = unfinished_documents(store)
        stored, analysed, _waiting = store.import_tally(0, again or ())
    finally:
        store.close()
    said = re.fullmatch(
        r"tabayun: interrupted: ([\d,]+) articles? imported and saved"
        r"(?:, ([\d,]+) of them analysed|, all analysed)?"
        r"(?:; the other ([\d,]+) (?:is|are) analysed by the next `tabayun import` or "
        r"`tabayun analyse`)?\n",
        err,
    )
    assert said is not None, err
    number = [int(n.replace(",", "")) if n else None for n in said.groups()]
    assert number[0] == stored > 0
    assert (analysed if analysed < stored else None) == number[1]
    assert (stored - analysed or None) == number[2]
    if phase == "analysing":
        assert again and analysed < stored
    assert not Path(f"{db}.writing").exists()
    wait_until = time.monotonic() + 10
    while _alive_in_group(proc.pid) and time.monotonic() < wait_until:
        time.sleep(0.05)  # (the resource tracker ends once it sees the program gone)
    assert _alive_in_group(proc.pid) == []


def test_an_interrupted_import_says_what_it_left_to_analyse_and_what_an_earlier_one_left(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from desktop import cli

    def ctrl_c(*_args: object, **_kwargs: object) -> None:
        raise KeyboardInterrupt

    db = str(tmp_path / "x.db")
    monkeypatch.setattr(cli, "analyse_left_over", ctrl_c)  # stored, then Ctrl+C
    code, _out, err = run(capsys, "--db", db, "import", str(SEEDS))
    assert code == 130
    assert err == (
        "tabayun: interrupted: 5 articles imported and saved, 0 of them analysed; the other 5"
        " are analysed by the next `tabayun import` or `tabayun analyse`\n"
    )
    monkeypatch.setattr(cli, "import_paths", ctrl_c)  # Ctrl+C before a file is written
    code, _out, err = run(capsys, "--db", db, "import", str(SEEDS))
    assert code == 130
    assert err == (
        "tabayun: interrupted: 0 articles imported and saved; 5 articles an earlier import"
        " left are analysed by the next `tabayun import` or `tabayun analyse`\n"
    )
    monkeypatch.undo()
    code, out, err = run(capsys, "--db", db, "import", str(SEEDS))
    assert code == 0, err
    assert out.splitlines()[-1].startswith("Analysed 5 documents:")


def test_ctrl_c_in_the_last_steps_of_an_analysis_leaves_them_to_the_next_import(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Ctrl+C while the analysis grouped the spellings of names said «all analysed», and
    the next import, finding only duplicates, analysed nothing: actors stayed split, with
    a fraction of their mentions, until a full analysis."""
    from desktop import analysing

    cluster = analysing._cluster

    def ctrl_c(*_args: object, **_kwargs: object) -> None:
        raise KeyboardInterrupt

    db = str(tmp_path / "x.db")
    monkeypatch.setattr(analysing, "_cluster", ctrl_c)
    code, _out, err = run(capsys, "--db", db, "import", str(SEEDS))
    assert code == 130
    assert err == (
        "tabayun: interrupted: 5 articles imported and saved, 0 of them analysed; the other 5"
        " are analysed by the next `tabayun import` or `tabayun analyse`\n"
    )
    monkeypatch.setattr(analysing, "_cluster", cluster)
    code, out, err = run(capsys, "--db", db, "import", str(SEEDS))
    assert code == 0, err
    assert out.splitlines()[-1].startswith("Analysed 5 documents:")
    fresh = str(tmp_path / "fresh.db")
    assert run(capsys, "--db", fresh, "import", str(SEEDS))[0] == 0
    listed = [run_json(capsys, "--db", d, "entities") for d in (db, fresh)]
    assert listed[0] == listed[1]


def test_an_alias_that_is_another_actors_name_is_refused_and_one_that_takes_mentions_says_so(
    db: str, capsys: pytest.CaptureFixture[str]
) -> None:
    kerry = run_json(capsys, "--db", db, "entity", "جون كيري")
    mistura = run_json(capsys, "--db", db, "entity", "ستافان دي ميستورا")
    assert isinstance(kerry, dict) and isinstance(mistura, dict)
    code, _out, err = run(capsys, "--db", db, "entity", "alias-add", "de-mistura", "جون كيري")
    assert code == 1
    assert err == (
        f"tabayun: 'جون كيري' is the name of #{kerry['id']} جون كيري (1 mention), not an "
        f"alias to take: to make them one actor, 'tabayun entity merge {mistura['id']} "
        f"{kerry['id']}'\n"
    )
    code, out, err = run(capsys, "--db", db, "entity", "alias-add", "de-mistura", "المبعوث الأممي")
    assert code == 0, err
    pedersen = run_json(capsys, "--db", db, "entity", "غير بيدرسون")
    assert isinstance(pedersen, dict)
    assert out == (
        f"Added alias 'المبعوث الأممي' to #{mistura['id']} ستافان دي ميستورا; it also named "
        f"#{pedersen['id']} غير بيدرسون (2 mentions written so, now #{mistura['id']}'s)\n"
    )


def test_renaming_to_another_actors_name_is_refused(
    db: str, capsys: pytest.CaptureFixture[str]
) -> None:
    kerry = run_json(capsys, "--db", db, "entity", "جون كيري")
    lavrov = run_json(capsys, "--db", db, "entity", "سيرغي لافروف")
    assert isinstance(kerry, dict) and isinstance(lavrov, dict)
    code, _out, err = run(capsys, "--db", db, "entity", "rename", "جون كيري", "سيرغي لافروف")
    assert (code, err) == (
        1,
        f"tabayun: «سيرغي لافروف» is already the name of another actor, #{lavrov['id']} "
        f"سيرغي لافروف; to make them one actor, merge them ('tabayun entity merge "
        f"{lavrov['id']} {kerry['id']}')\n",
    )
    again = run_json(capsys, "--db", db, "entity", "سيرغي لافروف")
    assert isinstance(again, dict) and again["id"] == lavrov["id"]


def test_renaming_to_another_actors_alias_is_refused_unless_yes(
    db: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """``entity rename "جون كيري" "دي ميستورا"`` renamed John Kerry after de Mistura's
    alias without a word."""
    kerry = run_json(capsys, "--db", db, "entity", "جون كيري")
    mistura = run_json(capsys, "--db", db, "entity", "ستافان دي ميستورا")
    assert isinstance(kerry, dict) and isinstance(mistura, dict)
    code, out, err = run(capsys, "--db", db, "entity", "rename", "جون كيري", "دي ميستورا")
    assert (code, out) == (1, "")
    assert err == (
        f"tabayun: «دي ميستورا» is already a name of another actor, #{mistura['id']} "
        f"ستافان دي ميستورا (12 mentions written so): in an article it counts as "
        f"#{mistura['id']}'s, not #{kerry['id']}'s; to give #{kerry['id']} جون كيري that "
        "name all the same, add --yes\n"
    )
    code, out, err = run(capsys, "--db", db, "entity", "undo")
    assert (code, out) == (0, "Nothing to undo\n")

    code, out, err = run(capsys, "--db", db, "entity", "rename", "جون كيري", "دي ميستورا", "--yes")
    assert (code, err) == (0, "")
    assert out == (
        f"Renamed to #{kerry['id']} دي ميستورا; it is also a name of #{mistura['id']} "
        f"ستافان دي ميستورا (12 mentions written so, still #{mistura['id']}'s)\n"
    )
    renamed = run_json(capsys, "--db", db, "entity", str(kerry["id"]))
    assert isinstance(renamed, dict)
    assert (renamed["name"], renamed["mentions"]) == ("دي ميستورا", kerry["mentions"])
    again = run_json(capsys, "--db", db, "entity", str(mistura["id"]))
    assert isinstance(again, dict) and again["mentions"] == mistura["mentions"]
    # a name nobody goes by says nothing more, and --yes is for a rename only
    renamed = run_json(capsys, "--db", db, "entity", "rename", str(kerry["id"]), "جون كيري")
    assert isinstance(renamed, dict) and renamed["alias_of"] == []
    code, _out, err = run(capsys, "--db", db, "entity", "type", "جون كيري", "state", "--yes")
    assert code == 2 and err.endswith("tabayun: error: --yes is for 'entity rename' only\n")


def test_an_ignored_actor_is_listed_said_to_be_ignored_and_brought_back(
    db: str, capsys: pytest.CaptureFixture[str]
) -> None:
    ferry = run_json(capsys, "--db", db, "entity", "جان مارك فيري")
    assert isinstance(ferry, dict) and ferry["ignored"] is False and ferry["mentions"] == 1
    code, out, err = run(capsys, "--db", db, "entities", "--ignored")
    assert (code, out) == (0, "0 ignored entities\n")
    run_json(capsys, "--db", db, "entity", "ignore", "جان مارك فيري")
    code, out, err = run(capsys, "--db", db, "entities", "--ignored")
    assert (code, out) == (
        0,
        f"{ferry['id']:>5}  person        جان مارك فيري  (ignored)\n1 ignored entity\n",
    )
    code, out, err = run(capsys, "--db", db, "entity", "جان مارك فيري")
    assert out.splitlines()[:2] == [
        f"#{ferry['id']} جان مارك فيري (person, gazetteer, ignored) — 0 documents, 0 mentions",
        f"ignored: its mentions are not counted ('tabayun entity unignore {ferry['id']}' "
        "counts them again)",
    ]
    code, out, err = run(capsys, "--db", db, "entity", "rename", "جون كيري", "جان مارك فيري")
    assert (code, err) == (
        1,
        f"tabayun: «جان مارك فيري» is already the name of #{ferry['id']} جان مارك فيري, an "
        f"actor you ignore ('tabayun entity unignore {ferry['id']}' brings it back)\n",
    )
    code, out, err = run(capsys, "--db", db, "entity", "unignore", "جان مارك فيري")
    assert (code, out) == (0, f"No longer ignoring #{ferry['id']} جان مارك فيري\n")
    back = run_json(capsys, "--db", db, "entity", "جان مارك فيري")
    assert isinstance(back, dict) and back["ignored"] is False and back["mentions"] == 1
    assert run_json(capsys, "--db", db, "entities", "--ignored") == []
    code, _out, err = run(capsys, "--db", db, "entity", "unignore", "جان مارك فيري")
    assert (code, err) == (1, "tabayun: «جان مارك فيري» is not ignored: nothing to change\n")


def test_an_edit_that_changes_nothing_is_refused(
    db: str, capsys: pytest.CaptureFixture[str]
) -> None:
    for argv, message in (
        (("rename", "de-mistura", "ستافان  دي ميستورا"), "«ستافان دي ميستورا» is already its name"),
        (("type", "جون كيري", "person"), "«جون كيري» already of type person"),
        (("confirm", "جون كيري"), "«جون كيري» is already confirmed"),
    ):
        code, _out, err = run(capsys, "--db", db, "entity", *argv)
        assert (code, err) == (1, f"tabayun: {message}: nothing to change\n")
    code, out, _err = run(capsys, "--db", db, "entity", "undo")
    assert (code, out) == (0, "Nothing to undo\n")


def test_events_print_the_day_a_date_was_resolved_to_and_the_figures(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The text output showed «الثلاثاء» and no figure, where --json had the date and the
    count of the dead."""
    record = {
        "title": "قصف على إدلب",
        "text": "قُتل 12 مدنياً في قصف على ريف إدلب يوم الثلاثاء.",
        "date": "2017-07-12",
        "outlet": "عنب بلدي",
    }
    (tmp_path / "a.jsonl").write_text(json.dumps(record, ensure_ascii=False) + "\n", "utf-8")
    db = str(tmp_path / "e.db")
    run(capsys, "--db", db, "import", str(tmp_path / "a.jsonl"))
    code, out, _err = run(capsys, "--db", db, "events")
    assert code == 0
    assert out.splitlines()[0] == (
        "doc 1 casualties   قُتل | الثلاثاء (2017-07-11) | ريف إدلب | — | 12 مدنياً"
    )


def test_renaming_an_outlet_onto_another_says_the_two_are_merged(
    db: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """It said «Outlet 'UN News' is now 'SANA' (2 documents)», as for a rename, where the
    two outlets became one."""
    code, out, _err = run(capsys, "--db", db, "outlet", "rename", "UN News", "SANA")
    assert (code, out) == (
        0,
        "Outlet 'UN News' merged into 'SANA': its 1 document moved there (2 documents now)\n",
    )
    code, out, _err = run(capsys, "--db", db, "outlet", "rename", "SANA", "سانا")
    assert (code, out) == (0, "Outlet 'SANA' is now 'سانا' (2 documents)\n")


def test_quotes_name_the_channel_they_came_through(
    db: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """«(via un-envoy-office)»: the channel a quotation came through was shown by its
    internal key; it is named as the actor list names it."""
    code, out, _err = run(capsys, "--db", db, "quotes", "--speaker", "بيدرسون")
    assert code == 0
    via = [line for line in out.splitlines() if "(via" in line]
    assert via and all("un-envoy-office" not in line for line in via)
    assert any("(via مكتب المبعوث الخاص" in line for line in via), via
    quotes = run_json(capsys, "--db", db, "quotes", "--speaker", "بيدرسون")
    assert isinstance(quotes, list)
    named = [q for q in quotes if q["details"].get("via")]
    assert named and all(q["via"].startswith("مكتب المبعوث الخاص") for q in named)


def test_doc_set_reads_a_date_as_the_import_does(
    db: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """«doc set --date 30/05/2019» was refused (ISO only), though the import reads it."""
    for written in ("30/05/2019", "30 أيار 2019"):
        code, out, err = run(capsys, "--db", db, "doc", "set", "1", "--date", written)
        assert code == 0, err
        assert "date 2019-05-30" in out
    code, _out, err = run(capsys, "--db", db, "doc", "set", "1", "--date", "أمس")
    assert code == 2 and "not a date: 'أمس'" in err


def test_frame_of_an_actor_the_corpus_never_names_says_so(
    db: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """It printed the name and an empty table."""
    code, out, _err = run(capsys, "--db", db, "frame", "فلاديمير بوتين")
    assert code == 0
    assert out == "فلاديمير بوتين: not named or labelled in this corpus\n"


def test_compare_counts_what_an_actor_said_in_the_outlets_words(
    db: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """«quotes: 0» beside a 12% share of voice: al-Jaafari's two statements reported
    without quotation marks were not counted anywhere."""
    code, out, _err = run(capsys, "--db", db, "compare", "4", "5")
    assert code == 0
    lines = out.splitlines()
    at = next(i for i, ln in enumerate(lines) if ln.lstrip(" *").startswith("بشار الجعفري"))
    assert "quotes: 0, reported: 2;" in lines[at + 2], lines[at : at + 3]
    data = run_json(capsys, "--db", db, "compare", "4", "5")
    assert isinstance(data, dict)
    jaafari = next(r for r in data["shared_actors"] if r["name"] == "بشار الجعفري")
    assert jaafari["b"]["reported"] == 2


def test_an_article_the_analysis_fails_on_is_named_and_the_rest_analysed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """«مقتل 1.500.000 شخص» raised ValueError in the analysis, and the import of a whole
    folder ended with a traceback: the others were left unanalysed."""
    import desktop.analysing as analysing

    real = analysing.analyse_one

    def failing(job, kb, fk, lex):  # type: ignore[no-untyped-def]
        if "الجعفري" in job[1]:
            raise ValueError("could not read a figure")
        return real(job, kb, fk, lex)

    monkeypatch.setattr(analysing, "analyse_one", failing)
    db = str(tmp_path / "x.db")
    code, out, _err = run(capsys, "--db", db, "import", str(SEEDS))
    assert code == 0
    assert "2 documents could not be analysed and show no marks: #" in out
    assert "(ValueError: could not read a figure)" in out
    report = run_json(capsys, "--db", db, "analyse")
    assert isinstance(report, dict) and report["documents"] == 5
    assert len(report["failed"]) == 2
    assert run_json(capsys, "--db", db, "entities")  # the other three were analysed


def test_events_are_filtered_by_type_actor_place_outlet_document_and_date(
    db: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """`events` printed every event of the corpus, with no filter: half a million lines
    at 30,000 articles, all held in memory first."""
    run(capsys, "--db", db, "doc", "set", "3", "--date", "2016-03-01")
    run(capsys, "--db", db, "doc", "set", "4", "--date", "2017-07-10")
    every = run_json(capsys, "--db", db, "events")
    assert isinstance(every, list) and len(every) > 50
    docs = run_json(capsys, "--db", db, "docs")
    assert isinstance(docs, list)
    outlet = {d["id"]: d["outlet"] for d in docs}
    published = {d["id"]: d["date"] for d in docs}

    def ids(*args: str) -> list[int]:
        found = run_json(capsys, "--db", db, "events", *args)
        assert isinstance(found, list)
        return [e["id"] for e in found]

    def expected(keep: Callable[[dict[str, Any]], bool]) -> list[int]:
        return [e["id"] for e in every if keep(e)]

    assert ids("--type", "casualties") == expected(lambda e: e["type"] == "casualties") != []
    assert ids("--actor", "دي ميستورا") == expected(
        lambda e: "ستافان دي ميستورا" in e["participants"]
    )
    assert len(ids("--actor", "دي ميستورا")) > 20
    assert ids("--place", "أستانا") == expected(lambda e: e["place"] == "أستانا") != []
    assert ids("--outlet", "SANA") == expected(lambda e: outlet[e["document"]] == "SANA") != []
    assert ids("--doc", "2", "--doc", "5") == expected(lambda e: e["document"] in (2, 5))
    # the event's own date, else its article's: undated articles' events are left out
    in_2017 = expected(lambda e: (e["date"] or published[e["document"]] or "") >= "2017-01-01")
    assert ids("--from", "2017-01-01") == in_2017 != []
    assert (
        ids("--to", "2016-12-31")
        == expected(lambda e: "" < (e["date"] or published[e["document"]] or "") <= "2016-12-31")
        != []
    )
    assert (
        ids("--type", "talks", "--actor", "دي ميستورا", "--limit", "3")
        == expected(lambda e: e["type"] == "talks" and "ستافان دي ميستورا" in e["participants"])[:3]
    )
    code, out, _err = run(capsys, "--db", db, "events", "--place", "أستانا")
    assert code == 0 and out.endswith(f"\n{len(ids('--place', 'أستانا'))} events\n")
    # an actor the corpus never names takes part in nothing; a name nobody has is said
    assert run(capsys, "--db", db, "events", "--actor", "فلاديمير بوتين") == (0, "0 events\n", "")
    code, _out, err = run(capsys, "--db", db, "events", "--place", "مدينة لا اسم لها")
    assert code != 0 and "مدينة لا اسم لها" in err


def test_events_and_quotes_are_read_a_few_documents_at_a_time(
    db: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Read a document at a time, the listings are the same, in the same order, and
    their JSON is what one list gives."""
    import desktop.cli

    whole = {c: run(capsys, "--db", db, *c.split()) for c in ("events", "quotes", "events --json")}
    monkeypatch.setattr(desktop.cli, "STREAM_DOCUMENTS", 1)
    for command, (code, out, _err) in whole.items():
        assert code == 0
        assert run(capsys, "--db", db, *command.split()) == (0, out, "")
    listed = json.loads(whole["events --json"][1])
    assert isinstance(listed, list) and len(listed) > 50
    assert whole["events --json"][1] == json.dumps(listed, ensure_ascii=False, indent=2) + "\n"
    for limit in ("1", "2"):
        code, out, _err = run(capsys, "--db", db, "events", "--json", "--limit", limit)
        assert out == json.dumps(listed[: int(limit)], ensure_ascii=False, indent=2) + "\n"
    code, out, _err = run(capsys, "--db", db, "events", "--json", "--type", "visit", "--doc", "1")
    assert (code, out) == (0, "[]\n")


def test_quotes_are_filtered_by_document_and_article_date(
    db: str, capsys: pytest.CaptureFixture[str]
) -> None:
    run(capsys, "--db", db, "doc", "set", "3", "--date", "2016-03-01")
    every = run_json(capsys, "--db", db, "quotes")
    assert isinstance(every, list)
    in_doc_3 = [q for q in every if q["document"] == 3]
    assert in_doc_3 and len(in_doc_3) < len(every)
    assert run_json(capsys, "--db", db, "quotes", "--doc", "3") == in_doc_3
    assert run_json(capsys, "--db", db, "quotes", "--from", "2016-01-01") == in_doc_3
    assert run_json(capsys, "--db", db, "quotes", "--to", "2015-12-31") == []
    direct = [q for q in every if q["kind"] == "direct"]
    assert run_json(capsys, "--db", db, "quotes", "--kind", "direct", "--limit", "2") == direct[:2]
    code, out, _err = run(capsys, "--db", db, "quotes", "--doc", "3")
    assert code == 0 and out.endswith(f"\n{len(in_doc_3)} quotations\n")


def test_a_new_date_dates_the_articles_events_again(
    db: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """«اليوم» and «أمس» are read against the article's date: given one after the import,
    the events kept no date of their own."""
    before = run_json(capsys, "--db", db, "events", "--doc", "3")
    assert isinstance(before, list) and all(e["date"] is None for e in before)
    code, out, _err = run(capsys, "--db", db, "doc", "set", "3", "--date", "2016-03-01")
    assert (code, out) == (0, "#3: outlet UN News, date 2016-03-01\n")
    after = run_json(capsys, "--db", db, "events", "--doc", "3")
    assert isinstance(after, list)
    dated = {(e["trigger"], e["date_text"], e["date"]) for e in after if e["date"]}
    # («في ختام محادثاته في روسيا …، قال … إنه يأمل بحذر في عودة عملية وقف الأعمال
    # العدائية إلى مسارها "ربما في وقت لاحق اليوم»: today is the truce's return)
    assert ("وقف الأعمال العدائية", "اليوم", "2016-03-01") in dated
    assert ("التقى", "أمس", "2016-02-29") in dated
    # the rest of the analysis is as it was
    assert [(e["type"], e["start"]) for e in after] == [(e["type"], e["start"]) for e in before]


def _import_records(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], records: list[dict[str, str]]
) -> str:
    """A database with ``records`` imported from a JSON Lines file (and analysed)."""
    (tmp_path / "a.jsonl").write_text(
        "\n".join(json.dumps(r, ensure_ascii=False) for r in records) + "\n", "utf-8"
    )
    db = str(tmp_path / "records.db")
    run(capsys, "--db", db, "import", str(tmp_path / "a.jsonl"))
    return db


def _import_two_outlets(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], sana: list[str], enab: list[str]
) -> str:
    """A database of articles of SANA and Enab Baladi, each text its own title."""
    records = [{"title": t, "text": t, "outlet": "SANA"} for t in sana]
    records += [{"title": t, "text": t, "outlet": "Enab Baladi"} for t in enab]
    return _import_records(tmp_path, capsys, records)


def test_an_event_the_text_denies_is_listed_with_the_words_that_deny_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """An agreement not reached and one reached were listed alike, and compared as the
    same event."""
    records = [
        {"title": "جولة", "text": "وانتهت جولة أستانا دون التوصل إلى اتفاق بين روسيا وتركيا.",
         "outlet": "SANA"},
        {"title": "اتفاق", "text": "وأعلنت روسيا وتركيا التوصل إلى اتفاق في أستانا.",
         "outlet": "Enab Baladi"},
    ]  # fmt: skip
    db = _import_records(tmp_path, capsys, records)
    code, out, _err = run(capsys, "--db", db, "events", "--type", "agreement")
    assert code == 0
    assert out.splitlines()[0].startswith("doc 1 agreement    دون التوصل إلى اتفاق | ")
    assert out.splitlines()[1].startswith("doc 2 agreement    اتفاق | ")
    listed = run_json(capsys, "--db", db, "events", "--type", "agreement")
    assert isinstance(listed, list)
    assert [e["negated"] for e in listed] == ["دون التوصل إلى", None]
    assert [e["wished"] for e in listed] == [None, None]
    comparison = run_json(capsys, "--db", db, "compare", "1", "2")
    assert isinstance(comparison, dict)
    assert not [p for p in comparison["shared_events"] if p[0]["type"] == "agreement"]


def test_frame_lists_a_label_a_line_with_the_outlets_that_use_it(
    db: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """A column per outlet made lines of a thousand characters at 64 outlets and cut
    their names to 12 characters («Al-Watan (Sa», «Al-Watan (Sy»); an actor no outlet
    labels showed an empty table; «quoted 0 times» stood beside its reporting verbs."""
    code, out, _err = run(capsys, "--db", db, "frame", "syria-government-delegation")
    assert code == 0
    lines = out.splitlines()
    assert lines[:3] == [
        "وفد الجمهورية العربية السورية",
        "Labels (the outlets' own words):",
        "  وفد الجمهورية العربية السورية (official): 2 — SANA 2",
    ]
    assert max(len(line) for line in lines) < 120
    code, out, _err = run(capsys, "--db", db, "frame", "جنيف")
    assert out.splitlines()[1:3] == [
        "Labels (the outlets' own words):",
        "  none: the outlets only name it",
    ]
    code, out, _err = run(capsys, "--db", db, "frame", "الجعفري")
    assert "  (unknown): 1 document; quoted 0 times, reported 2 times; verbs: قال ×1، وصف ×1" in (
        out.splitlines()
    )
    table = run_json(capsys, "--db", db, "frame", "الجعفري")
    assert isinstance(table, dict) and table["reported"] == {"(unknown)": 2}


def test_an_entity_lists_the_documents_that_name_it_most_up_to_a_limit(
    db: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """`entity سوريا` printed a line for each of 29,158 documents at 30,000 articles."""
    code, whole, _err = run(capsys, "--db", db, "entity", "دي ميستورا")
    assert code == 0
    listed = [line for line in whole.splitlines() if line.startswith("  doc ")]
    assert len(listed) == 3 and "more document" not in whole
    code, out, _err = run(capsys, "--db", db, "entity", "دي ميستورا", "--limit", "2")
    assert [line for line in out.splitlines() if line.startswith("  doc ")] == listed[:2]
    assert "  … and 1 more document (--limit N lists more)" in out.splitlines()
    data = run_json(capsys, "--db", db, "entity", "دي ميستورا", "--limit", "1")
    assert isinstance(data, dict) and len(data["documents_list"]) == 3  # JSON lists all


def test_talks_to_come_are_listed_so_and_can_be_told_apart(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """«ومن المقرر أن تعقد الجولة المقبلة من المحادثات» was listed as talks held, and
    compared as the same talks as those an outlet reports held."""
    records = [
        {"title": "جولة", "text": "ومن المقرر أن تعقد روسيا وتركيا محادثات في أستانا.",
         "outlet": "SANA"},
        {"title": "محادثات", "text": "وعقدت روسيا وتركيا محادثات في أستانا.",
         "outlet": "Enab Baladi"},
        {"title": "دعوة", "text": "ودعا المبعوث إلى وقف إطلاق النار، ولم تعقد أي محادثات في أستانا.",
         "outlet": "Enab Baladi"},
    ]  # fmt: skip
    db = _import_records(tmp_path, capsys, records)
    code, out, _err = run(capsys, "--db", db, "events", "--type", "talks")
    assert code == 0
    assert out.splitlines()[0].startswith(
        "doc 1 talks        ومن المقرر أن تعقد روسيا وتركيا محادثات | "
    )
    listed = run_json(capsys, "--db", db, "events", "--type", "talks")
    assert isinstance(listed, list)
    assert [e["planned"] for e in listed] == ["ومن المقرر أن تعقد روسيا وتركيا", None, None]
    told = {}
    for how in ("done", "denied", "asked", "planned"):
        found = run_json(capsys, "--db", db, "events", "--told", how)
        assert isinstance(found, list)
        told[how] = [(e["document"], e["type"]) for e in found]
    assert told == {
        "done": [(2, "talks")],
        "denied": [(3, "talks")],
        "asked": [(3, "ceasefire")],
        "planned": [(1, "talks")],
    }
    comparison = run_json(capsys, "--db", db, "compare", "1", "2")
    assert isinstance(comparison, dict)
    assert not [p for p in comparison["shared_events"] if p[0]["type"] == "talks"]


def test_talks_refused_are_listed_as_denied_with_who_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """«ورفض وفد المعارضة إجراء محادثات مباشرة مع وفد النظام» was listed as talks held."""
    records = [
        {"title": "رفض", "text": "ورفض وفد المعارضة إجراء محادثات مباشرة مع وفد النظام.",
         "outlet": "Enab Baladi"},
    ]  # fmt: skip
    db = _import_records(tmp_path, capsys, records)
    code, out, _err = run(capsys, "--db", db, "events", "--told", "denied")
    assert code == 0
    assert out.splitlines()[0].startswith("doc 1 talks        ورفض وفد المعارضة إجراء محادثات | ")
    listed = run_json(capsys, "--db", db, "events", "--told", "denied")
    assert isinstance(listed, list)
    assert [(e["negated"], e["details"]["refused_by"]) for e in listed] == [
        ("ورفض وفد المعارضة إجراء", "opposition-delegation")
    ]
    assert run_json(capsys, "--db", db, "events", "--told", "done") == []


def _csv(path: Path, rows: list[dict[str, str]]) -> Path:
    import csv

    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    return path


_YESTERDAY = "وعقد دي ميستورا أمس محادثات مع وفد المعارضة في جنيف."
_TALKS = "وقال المبعوث إن المحادثات في أستانا كانت مفيدة."


def test_importing_a_file_again_gives_its_articles_what_they_lacked(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A table imported again once its dates were fixed was all duplicates: the articles
    stayed undated, and so did the events they tell of («أمس»)."""
    db = str(tmp_path / "c.db")
    first = _csv(
        tmp_path / "a.csv",
        [
            {"title": "محادثات", "outlet": "SANA", "date": "n/a", "url": "", "text": _YESTERDAY},
            {"title": "أستانا", "outlet": "SANA", "date": "2017-01-24", "url": "",
             "text": _TALKS},
        ],
    )  # fmt: skip
    assert run(capsys, "--db", db, "import", str(first))[0] == 0
    before = run_json(capsys, "--db", db, "events", "--doc", "1")
    assert isinstance(before, list) and [e["date"] for e in before] == [None]
    fixed = _csv(
        tmp_path / "b.csv",
        [
            {"title": "محادثات", "outlet": "SANA", "date": "2017-03-01",
             "url": "https://sana.sy/?p=1", "text": _YESTERDAY},
            # a date it has is kept
            {"title": "أستانا", "outlet": "SANA", "date": "2017-02-01", "url": "",
             "text": _TALKS},
        ],
    )  # fmt: skip
    code, out, _err = run(capsys, "--db", db, "import", str(fixed))
    assert code == 0
    assert out.startswith("Imported 0, duplicates 2, skipped 0")
    assert "  Gave 1 article already stored what it lacked: a date to 1, a link to 1.\n" in out
    docs = run_json(capsys, "--db", db, "docs")
    assert isinstance(docs, list)
    assert [(d["date"], d["url"]) for d in docs] == [
        ("2017-03-01", "https://sana.sy/?p=1"),
        ("2017-01-24", None),
    ]
    after = run_json(capsys, "--db", db, "events", "--doc", "1")
    assert isinstance(after, list)
    assert [(e["date_text"], e["date"]) for e in after] == [("أمس", "2017-02-28")]
    report = run_json(capsys, "--db", db, "import", str(fixed), "--json")
    assert isinstance(report, dict) and report["filled"] == []


def test_a_table_naming_the_outlets_of_texts_imported_alone_names_them(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Text files imported without an outlet, then the table that names their outlets:
    every article was stored twice, once without its outlet."""
    db = str(tmp_path / "c.db")
    (tmp_path / "texts").mkdir()
    (tmp_path / "texts" / "1.txt").write_text(_YESTERDAY, encoding="utf-8")
    (tmp_path / "texts" / "2.txt").write_text(_TALKS, encoding="utf-8")
    assert run(capsys, "--db", db, "import", str(tmp_path / "texts"))[0] == 0
    table = _csv(
        tmp_path / "outlets.csv",
        [
            {"outlet": "SANA", "date": "2017-03-01", "text": _YESTERDAY},
            {"outlet": "Enab Baladi", "date": "2017-01-24", "text": _TALKS},
            # the same text run by a second outlet is a second article
            {"outlet": "UN News", "date": "2017-01-25", "text": _TALKS},
        ],
    )
    report = run_json(capsys, "--db", db, "import", str(table), "--json")
    assert isinstance(report, dict)
    assert (report["imported"], report["duplicates"]) == (1, 2)
    assert [(f["id"], f["given"]) for f in report["filled"]] == [
        (1, ["date", "outlet"]),
        (2, ["date", "outlet"]),
    ]
    docs = run_json(capsys, "--db", db, "docs")
    assert isinstance(docs, list)
    assert sorted((d["id"], d["outlet"], d["date"]) for d in docs) == [
        (1, "SANA", "2017-03-01"),
        (2, "Enab Baladi", "2017-01-24"),
        (3, "UN News", "2017-01-25"),
    ]


def test_keyness_counts_the_spellings_of_a_name_as_one_term(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """SANA writes «أستانا», another outlet «آستانة»: each spelling was distinctive of
    the outlet writing it, as if they named two places."""
    sana = [
        "وعقدت الجولة الأولى من المحادثات في أستانا بحضور الوفود.",
        "وقال الوفد إن محادثات أستانا كانت إيجابية.",
        "وانتهت في أستانا اجتماعات الدول الضامنة.",
        "وتستضيف أستانا الجولة المقبلة من المحادثات.",
        "وقال الجعفري إن الحوار مستمر.",
    ]
    other = [
        "وعقدت الجولة الأولى من المحادثات في آستانة بحضور الوفود.",
        "وقال المعارضون إن الحوار صعب.",
        "وقال المعارضون إن القصف مستمر.",
        "وقال المعارضون إن القصف مستمر على الغوطة.",
        "وقال المعارضون إن القصف مستمر على إدلب.",
    ]
    db = _import_two_outlets(tmp_path, capsys, sana, other)
    key = run_json(capsys, "--db", db, "keyness", "SANA", "Enab Baladi", "--top", "50")
    assert isinstance(key, list)
    astana = [k for k in key if k["term"] == "استانا"]
    assert [(k["written"], k["a"], k["b"], k["spellings"]) for k in astana] == [
        ("أستانا", 4, 1, ["آستانة"])
    ]
    code, out, _err = run(capsys, "--db", db, "keyness", "SANA", "Enab Baladi", "--top", "50")
    assert code == 0 and "  أستانا  (with آستانة)\n" in out
    back = run_json(capsys, "--db", db, "keyness", "Enab Baladi", "SANA", "--top", "50")
    assert isinstance(back, list)
    assert not [k for k in back if k["term"] in ("استانه", "استانا")]


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("استانا", "استانه", True),
        ("ميستورا", "مستورا", True),
        ("بنتاغون", "بنتاجون", True),
        ("ستافان", "ستيفان", True),
        ("روسي", "روسيا", False),  # an adjective of the name
        ("نظام", "نظامي", False),
        ("حكومي", "حكومه", False),  # an adjective's two genders
        ("فصائل", "صائل", False),  # a letter taken for a proclitic
        ("بشار", "اسد", False),
        ("حلب", "حمص", False),
    ],
)
def test_spellings_of_one_word(a: str, b: str, same: bool) -> None:
    from desktop.compare.align import stem_word
    from desktop.compare.corpus import spelling_groups

    groups = spelling_groups([(1, a), (1, b)])
    assert (groups == [frozenset({stem_word(a), stem_word(b)})]) is same
    # the words of one place in names of as many words; not of different actors
    assert bool(spelling_groups([(1, f"دي {a}"), (1, f"دي {b}")])) is same
    assert spelling_groups([(1, a), (2, b)]) == []


def test_texts_imported_again_after_the_table_that_named_their_outlets_are_duplicates(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Once the table had named the outlet of a text stored without one, the folder of
    texts imported again stored every article a second time."""
    db = str(tmp_path / "c.db")
    (tmp_path / "texts").mkdir()
    (tmp_path / "texts" / "1.txt").write_text(_YESTERDAY, encoding="utf-8")
    run(capsys, "--db", db, "import", str(tmp_path / "texts"))
    table = _csv(tmp_path / "t.csv", [{"outlet": "SANA", "text": _YESTERDAY}])
    run(capsys, "--db", db, "import", str(table))
    again = run_json(capsys, "--db", db, "import", str(tmp_path / "texts"), "--json")
    assert isinstance(again, dict) and (again["imported"], again["duplicates"]) == (0, 1)


def test_copies_of_a_stored_text_in_one_file_give_it_all_they_have_and_say_it_once(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Only the first copy of a stored text filled it in (a later copy's date was lost),
    and a text read twice was said to give a date to two articles."""
    db = str(tmp_path / "c.db")
    (tmp_path / "texts").mkdir()
    (tmp_path / "texts" / "1.txt").write_text(_YESTERDAY, encoding="utf-8")
    run(capsys, "--db", db, "import", str(tmp_path / "texts"))
    table = _csv(
        tmp_path / "t.csv",
        [
            {"outlet": "", "date": "", "url": "https://sana.sy/?p=1", "text": _YESTERDAY},
            {"outlet": "", "date": "2017-03-01", "url": "", "text": _YESTERDAY},
            {"outlet": "", "date": "2017-03-02", "url": "", "text": _YESTERDAY},
        ],
    )
    code, out, _err = run(capsys, "--db", db, "import", str(table))
    assert code == 0
    # (the link names the outlet)
    said = (
        "  Gave 1 article already stored what it lacked: a date to 1, an outlet to 1, a link to 1."
    )
    assert said + "\n" in out
    docs = run_json(capsys, "--db", db, "docs")
    assert isinstance(docs, list)
    assert [(d["outlet"], d["date"], d["url"]) for d in docs] == [
        ("SANA", "2017-03-01", "https://sana.sy/?p=1")
    ]


def test_keyness_keeps_an_adjective_apart_from_the_name_its_letters_spell(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """«السورية» (Syrian) has the stem of «سورية» (Syria): folding the spellings of Syria
    counted every «السورية» as the country."""
    sana = [f"وقال الوفد {n} إن الحكومة السورية والدولة السورية والقوات السورية في سورية."
            for n in range(3)]  # fmt: skip
    other = [f"وقال المعارضون {n} إن سوريا تحتاج إلى الحل السياسي." for n in range(3)]
    db = _import_two_outlets(tmp_path, capsys, sana, other)
    key = run_json(capsys, "--db", db, "keyness", "SANA", "Enab Baladi", "--top", "50")
    assert isinstance(key, list)
    found = {k["written"]: (k["a"], k["b"], k["spellings"]) for k in key}
    assert found["السورية"] == (9, 0, [])
    # Syria, written «سورية» by one outlet and «سوريا» by the other, is distinctive of
    # neither; each spelling is named once
    assert not {"سورية", "سوريا"} & set(found)
    back = run_json(capsys, "--db", db, "keyness", "Enab Baladi", "SANA", "--top", "50")
    assert isinstance(back, list)
    syria = [(k["written"], k["a"], k["b"], k["spellings"]) for k in back if "سوري" in k["term"]]
    assert syria == [("سوريا", 3, 3, ["سورية"])]


def test_keyness_counts_a_name_always_written_with_the_article_as_one_term(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """«البنتاغون» and «البنتاجون» were two terms once names written with the article were
    kept apart from their spellings."""
    a = [f"وقال الوفد {n} إن البنتاغون أرسل قوات." for n in range(3)]
    b = [f"وقال المعارضون {n} إن البنتاجون أرسل قوات إضافية." for n in range(3)]
    db = _import_two_outlets(tmp_path, capsys, a, b)
    key = run_json(capsys, "--db", db, "keyness", "SANA", "Enab Baladi", "--top", "50")
    assert isinstance(key, list)
    pentagon = [(k["a"], k["b"], k["spellings"]) for k in key if "بنتا" in k["term"]]
    assert pentagon in ([], [(3, 3, ["البنتاجون"])])
    assert not [k for k in key if k["written"] == "البنتاغون" and k["b"] == 0]


def test_articles_of_an_outlet_merged_into_another_imported_later_join_it(
    db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """An outlet merged into another was forgotten: its articles imported later made it
    again, whether the outlet directory knew it («UN News», merged into SANA, which has a
    key of its own) or not («جريدة البلد اليومية»)."""

    def imported(name: str, outlet: str, text: str) -> None:
        _import_one(capsys, db, tmp_path / name, outlet, text)

    def outlets() -> dict[str, int]:
        return _outlet_counts(capsys, db)

    run_json(capsys, "--db", db, "outlet", "rename", "UN News", "SANA")
    sana = outlets()["SANA"]
    imported("un.jsonl", "UN News", "قال المبعوث الأممي إن جولة جديدة من المحادثات ستعقد في جنيف.")
    assert outlets()["SANA"] == sana + 1 and "UN News" not in outlets()

    imported("a.jsonl", "جريدة البلد اليومية", "وقال الوفد إن محادثات أستانا كانت إيجابية.")
    imported("b.jsonl", "البلد", "وانتهت في أستانا اجتماعات الدول الضامنة.")
    run_json(capsys, "--db", db, "outlet", "rename", "جريدة البلد اليومية", "البلد")
    imported("c.jsonl", "جريدة البلد اليومية", "وأعلنت الدول الضامنة موعد الجولة المقبلة.")
    assert outlets()["البلد"] == 3 and "جريدة البلد اليومية" not in outlets()
    # the merged outlet answers to the old name where the user names an outlet
    row = run_json(capsys, "--db", db, "doc", "set", "000", "--outlet", "جريدة البلد اليومية")
    assert isinstance(row, dict) and row["outlet"] == "البلد"

    # merged outlets' names follow a merge of the outlet they were merged into
    run_json(capsys, "--db", db, "outlet", "rename", "البلد", "SANA")
    imported("d.jsonl", "جريدة البلد اليومية", "واختتمت في جنيف جولة المحادثات الثامنة.")
    assert "جريدة البلد اليومية" not in outlets() and "البلد" not in outlets()

    # and the outlet is kept, knowing them, when its last document is removed
    docs = run_json(capsys, "--db", db, "docs", "--outlet", "SANA")
    assert isinstance(docs, list) and docs
    removed = run_json(capsys, "--db", db, "doc", "delete", *(str(d["id"]) for d in docs))
    assert isinstance(removed, dict) and removed["outlets_kept"] == ["SANA"]
    imported("g.jsonl", "جريدة البلد اليومية", "وعقدت في جنيف جولة جديدة من المحادثات.")
    assert outlets()["SANA"] == 1 and "جريدة البلد اليومية" not in outlets()

    # an outlet given a merged one's name again is that outlet, not the merged one
    imported("e.jsonl", "Anadolu Agency", "وأكد المبعوث الأممي أن المحادثات مستمرة في جنيف.")
    run_json(capsys, "--db", db, "outlet", "rename", "Anadolu Agency", "UN News")
    imported("f.jsonl", "UN News", "وقال المبعوث الأممي إن الجولة المقبلة ستعقد في جنيف.")
    assert outlets()["UN News"] == 2
