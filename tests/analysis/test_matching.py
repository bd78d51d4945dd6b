"""Matching names in Arabic text: boundaries, proclitics, variants, skeletons, clusters."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.analysis.cluster import cluster_names, same_person
from desktop.analysis.doctext import DocText
from desktop.analysis.entities import _form_skeletons, _SkeletonIndex, _stripping_to
from desktop.analysis.matcher import AliasMatcher, MatcherGroup
from desktop.analysis.variants import is_particle_only, name_variants, skeleton
from desktop.text.normalize import normalize
from tests.conftest import SEEDS


def _found(forms: dict[str, str], text: str) -> list[tuple[str, str]]:
    matcher = AliasMatcher({normalize(k): [(v, "name")] for k, v in forms.items()})
    norm = normalize(text)
    return [(norm[h.start : h.end], h.payload[0][0]) for h in matcher.find(norm)]


def test_word_boundaries_and_proclitics() -> None:
    text = "روسيان وروسيا وبروسيا ولروسيا فروسيا كروسيا"
    assert [t for _, t in _found({"روسيا": "russia"}, text)] == ["russia"] * 5


def test_article_forms_and_fused_lam() -> None:
    text = "وللأمم المتحدة والأمم المتحدة بالأمم المتحدة"
    got = _found({"الأمم المتحدة": "un"}, text)
    assert [s for s, _ in got] == ["للامم المتحده", "الامم المتحده", "الامم المتحده"]


def test_longest_match_wins_after_boundary_checks() -> None:
    # a shorter key inside a longer word must not steal the longer name
    got = _found(
        {
            "لبيد": "labid",
            "بيدرسون": "pedersen",
            "مجلس الأمن": "unsc",
            "مجلس الأمن الدولي": "unsc-full",
        },
        "ولبيدرسون في مجلس الأمن الدولي",
    )
    assert got == [("بيدرسون", "pedersen"), ("مجلس الامن الدولي", "unsc-full")]


@pytest.mark.parametrize(
    ("name", "spellings"),
    [
        (
            "ستافان دي ميستورا",
            ["ستيفان دي مستورا", "ستافان دي مستورا", "ستيفان دي ميستورا", "ستافان ديمستورا"],
        ),
        ("غير بيدرسون", ["جير بيدرسون", "غير بيدرسن", "جير بيدرسن"]),
    ],
)
def test_person_spelling_variants_by_rule(name: str, spellings: list[str]) -> None:
    variants = set(name_variants(normalize(name), "person"))
    assert {normalize(s) for s in spellings} <= variants


def test_place_variants_only_swap_the_bound_ending() -> None:
    assert set(name_variants(normalize("سوريا"), "state")) == {"سوريا", "سوريه"}
    assert set(name_variants(normalize("أستانا"), "place")) == {"استانا", "استانه"}
    assert "سوره" not in name_variants(normalize("سوريا"), "state")  # سورة is another word


def test_particles_are_never_aliases_alone() -> None:
    assert is_particle_only(normalize("دي"))
    assert not is_particle_only(normalize("دي ميستورا"))


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("بيدرسون", "بيدرسن", True),
        ("دي ميستورا", "ديمستورا", True),
        ("غير بيدرسون", "جير بيدرسن", True),
        ("بيدرسون", "بيترسون", False),
        ("سوريا", "سورينام", False),
        ("دي ميستورا", "دي ميزورا", False),
    ],
)
def test_skeleton_keeps_variants_together_and_distractors_apart(a: str, b: str, same: bool) -> None:
    assert (skeleton(normalize(a)) == skeleton(normalize(b))) is same


def test_clusters_never_merge_people_sharing_a_first_name() -> None:
    names = {
        "k1": normalize("علي أصغر خاجي"),
        "k2": normalize("علي خاجي"),
        "k3": normalize("سيرغي لافروف"),
        "k4": normalize("سيرغي فيرشينين"),
        "k5": normalize("علي مملوك"),
    }
    redirects = cluster_names(names.items())
    assert redirects == {"k2": ("k1", pytest.approx(0.9))}
    assert same_person(names["k3"], names["k4"]) == 0.0


def _cluster_pairwise(names: dict[str, str]) -> dict[str, tuple[str, float]]:
    """Every name against every later one: what cluster_names must agree with."""
    items = sorted(names.items(), key=lambda kv: -len(kv[1].split()))
    redirects: dict[str, tuple[str, float]] = {}
    for i, (key, name) in enumerate(items):
        if key in redirects:
            continue
        for other_key, other_name in items[i + 1 :]:
            score = 0.0 if other_key in redirects else same_person(name, other_name)
            if score:
                redirects[other_key] = (key, score)
    return redirects


_FIRST = ["علي", "علي أصغر", "سيرغي", "ستافان", "ستيفان", "غير", "جير", "محمد", "دي"]
_FAMILY = ["خاجي", "لافروف", "دي ميستورا", "دي مستورا", "ديمستورا", "بيدرسون", "بيدرسن", "العمري"]


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.tuples(st.sampled_from(_FIRST), st.sampled_from(_FIRST), st.sampled_from(_FAMILY)),
        max_size=40,
    ),
    st.lists(st.integers(1, 3), min_size=40, max_size=40),
)
def test_clusters_compared_by_family_agree_with_every_pair(
    people: list[tuple[str, str, str]], widths: list[int]
) -> None:
    # names of one to three words over shared first names and family-name variants
    names = {}
    for i, ((first, middle, family), width) in enumerate(zip(people, widths, strict=False)):
        words = [first, middle, family][3 - width :]
        names[f"k{i}"] = normalize(" ".join(words))
    assert cluster_names(names.items()) == _cluster_pairwise(names)


def test_a_group_finds_what_each_of_its_matchers_finds_alone() -> None:
    # lexicons that share keys (الامم المتحده is a name and part of a label), overlap
    # inside one lexicon, and use the لل form
    names = AliasMatcher(
        {
            normalize(k): [(v, "name")]
            for k, v in {
                "الأمم المتحدة": "un",
                "دي ميستورا": "demistura",
                "ستافان دي ميستورا": "demistura",
                "سوريا": "syria",
                "جنيف": "geneva",
            }.items()
        }
    )
    labels = AliasMatcher(
        {normalize(k): [(k, "label")] for k in ("مبعوث الأمم المتحدة", "الأمم المتحدة", "النظام")}
    )
    events = AliasMatcher({normalize(k): [(k, "event")] for k in ("محادثات", "مفاوضات", "جولة")})
    empty = AliasMatcher({})
    alone = [names, labels, events, empty]
    MatcherGroup(alone)
    for path in sorted(SEEDS.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        norm = normalize(text)
        doc = DocText(text)
        for matcher in alone:
            assert doc.hits(matcher) == matcher.find(norm)
        assert doc.hits(names) and doc.hits(events)  # the seeds name them


_WORDS = [
    "ميستورا", "وميستورا", "بمستورا", "لافروف", "ولافروف", "بيدرسون", "فبيدرسن",
    "خاجي", "والعمري", "العمري", "للعمري", "الحكومة", "وقال", "سوريا", "بسوريا",
]  # fmt: skip


@settings(max_examples=150, deadline=None)
@given(
    st.lists(st.sets(st.sampled_from(_WORDS), max_size=10), min_size=1, max_size=6),
    st.lists(st.sets(st.sampled_from(_WORDS), max_size=3), min_size=6, max_size=6),
    st.integers(3, 40),
)
def test_the_skeleton_index_finds_what_each_word_would(
    documents: list[set[str]], surnames: list[set[str]], limit: int
) -> None:
    # documents read in turn by one index (small enough to start again now and then):
    # each gets the words whose forms share a skeleton with its family names
    index = _SkeletonIndex()
    index.LIMIT = limit
    for words, names in zip(documents, surnames, strict=False):
        words = {normalize(w) for w in words}
        skeletons = {skeleton(normalize(n)) for n in names}
        expected = {w for w in words if not skeletons.isdisjoint(_form_skeletons(w))}
        assert index.having(words, skeletons) == expected


def test_a_family_name_is_found_after_any_proclitic() -> None:
    words = {normalize(w) for w in ["ولافروف", "بلافروف", "لافروف", "الافروف", "لافروفي"]}
    found = set().union(*(words & _stripping_to(c) for c in ["لافروف"]))
    assert found == {normalize(w) for w in ["ولافروف", "بلافروف", "لافروف"]}
