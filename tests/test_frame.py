"""An actor's frame (``tabayun frame``, the actor view's heatmap): its labels, counted in
SQL by outlet, against the same labels read one by one."""

from __future__ import annotations

from collections import Counter

from desktop.compare.corpus import FRAME_LABEL_KINDS, UNKNOWN_OUTLET, coverage, frame
from desktop.store.store import Store


def _naming(store: Store) -> set[tuple[int, int]]:
    """(entity, document) of every mention."""
    return {
        (m.entity_id, m.document_id)
        for r in store.documents()
        for m, _name, _type in store.document_mentions(r.id)
    }


def _read_one_by_one(store: Store, entity_id: int) -> tuple[Counter, Counter, dict, Counter]:
    """Counts, labels in quotation marks, examples (document, offset) and documents by
    outlet, from every label and mention of the actor."""
    outlet = {r.id: r.outlet or UNKNOWN_OUTLET for r in store.documents()}
    counts: Counter[tuple[str, str]] = Counter()
    quoted: Counter[tuple[str, str | None, str, str]] = Counter()
    examples: dict[tuple[str, str], tuple[int, int]] = {}
    labels = store.labels_for(entity_id=entity_id)
    for lb in labels:  # in document and text order
        if lb.kind not in FRAME_LABEL_KINDS:
            continue
        text = " ".join(lb.text.split())
        where = outlet[lb.document_id]
        if lb.details.get("quoted"):
            quoted[(text, lb.category, where, lb.speaker_name or "")] += 1
            continue
        counts[(text, where)] += 1
        examples.setdefault((text, where), (lb.document_id, lb.start))
    named = {d for e, d in _naming(store) if e == entity_id}
    covered = named | {lb.document_id for lb in labels}
    return counts, quoted, examples, Counter(outlet[d] for d in covered)


def test_the_frame_counts_every_label_as_reading_them_one_by_one_does(analysed: Store) -> None:
    """Counted in SQL (a frame read each of the 71,000 labels of the most labelled actor
    at 100,000 articles, 1.8 s): for every labelled actor of the seeds, the same counts,
    the same labels in quotation marks, each outlet's first label its example, and the
    documents that name or label it."""
    labelled = {lb.entity_id for lb in analysed.labels_for() if lb.entity_id is not None}
    assert len(labelled) >= 10
    for entity_id in sorted(labelled):
        table = frame(analysed, entity_id)
        counts, quoted, examples, documents = _read_one_by_one(analysed, entity_id)
        assert table.counts == dict(counts), entity_id
        assert table.in_quotes == quoted, entity_id
        assert {k: (d, table.example_starts[k]) for k, (d, _s) in table.examples.items()} == (
            examples
        ), entity_id
        assert table.documents == documents, entity_id
        texts = analysed.texts(sorted({d for d, _s in examples.values()}))
        for (label, _outlet), (d, start) in examples.items():
            written = texts[d][start:]
            assert " ".join(written.split())[: len(label)] == label
            assert written.split("\n")[0][:12] in table.examples[(label, _outlet)][1]
    assert sum(sum(frame(analysed, e).counts.values()) for e in labelled) > 20


def test_coverage_counts_each_document_naming_the_actor_once_by_outlet_and_month(
    analysed: Store,
) -> None:
    """By the months of the documents' dates («undated» without one)."""
    dates = {r.id: (r.outlet or UNKNOWN_OUTLET, r.published) for r in analysed.documents()}
    naming = _naming(analysed)
    for entity_id in {e for e, _d in naming}:
        expected: Counter[tuple[str, str]] = Counter()
        for d in {d for e, d in naming if e == entity_id}:
            outlet, published = dates[d]
            expected[(outlet, published.strftime("%Y-%m") if published else "undated")] += 1
        found = coverage(analysed, entity_id)
        assert {(o, m): n for o, months in found.items() for m, n in months.items()} == (expected)
