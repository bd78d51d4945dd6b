"""Sentences stored by an import before the splitter learnt to read a text are split again
by the next analysis, and what the analysis stores follows the new sentences."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import delete, update

from desktop.analysing import analyse_documents
from desktop.store.models import Document, Sentence
from tests.conftest import one_article

GLUED = (
    "قال سيرغي لافروف إن الحل في سوريا سياسي ويجب أن يبقى كذلك .وأوضح أن اللجنة الدستورية "
    "ستجتمع في جنيف الشهر المقبل.\n"
)


def test_sentences_glued_by_an_older_import_are_split_by_the_analysis(tmp_path: Path) -> None:
    with one_article(tmp_path, "glued", GLUED) as (store, text):
        (doc_id,) = [r.id for r in store.documents()]
        stored = store.document(doc_id).sentences
        assert [text[a:b][:5] for _p, a, b in stored] == ["قال س", "وأوضح"]
        # as an import before the splitter read « .و» stored it (one sentence), last
        # analysed by version 15
        with store.transaction() as s:
            s.execute(delete(Sentence).where(Sentence.document_id == doc_id))
            s.add(Sentence(document_id=doc_id, idx=0, paragraph_idx=0, start=0, end=len(text)))
            s.execute(update(Document).values(analysis_version=15))
        assert len(store.document(doc_id).sentences) == 1

        analyse_documents(store)

        assert store.document(doc_id).sentences == stored
        quotes = store.quotes_for(documents=[doc_id])
        said = {q.text: q.sentence_idx for q in quotes}
        # Lavrov's words end at the full stop, and the second sentence is his too
        assert said == {
            "الحل في سوريا سياسي ويجب أن يبقى كذلك": 0,
            "اللجنة الدستورية ستجتمع في جنيف الشهر المقبل": 1,
        }
        assert {q.speaker_name for q in quotes} == {"سيرغي لافروف"}

        # analysed again with nothing to change, the sentences stay as they are
        analyse_documents(store, full=True)
        assert store.document(doc_id).sentences == stored
