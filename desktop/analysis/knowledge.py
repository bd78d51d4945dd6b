"""What the analysis knows, compiled once per run: entities, their matchable forms, roles,
titles, nationality adjectives, reporting verbs and function words."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from desktop.analysis.matcher import AliasMatcher
from desktop.analysis.variants import is_particle_only, name_variants, particles
from desktop.lexicon.gazetteer import (
    GazetteerEntry,
    Role,
    load_contextual,
    load_gazetteer,
    load_nisbas,
    load_roles,
    load_titles,
)
from desktop.lexicon.words import (
    ReportingVerb,
    load_article_first_names,
    load_body_heads,
    load_function_words,
    load_given_names,
    load_not_names,
    load_reporting_verbs,
    load_ta_marbuta_first_names,
)
from desktop.text.normalize import normalize
from desktop.text.tokens import words_stripping_to

MIN_ALIAS = 3
#: what a document that names no state is read as news about, as the corpus is
#: (``contextual.tsv``)
DEFAULT_SUBJECT = "syria"


@dataclass
class EntityInfo:
    key: str
    name: str
    name_en: str
    type: str
    origin: str = "gazetteer"
    roles: frozenset[str] = frozenset()
    affiliation: str | None = None
    aliases: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class LexiconEdits:
    """The user's edits that change matching (replayed on every analysis)."""

    #: entity key → aliases the user added
    added: Mapping[str, Iterable[str]] = field(default_factory=dict)
    #: entity key → normalised aliases the user split off (no longer matched for it)
    removed: Mapping[str, Iterable[str]] = field(default_factory=dict)
    #: entities the user created (e.g. by splitting an alias off)
    created: Iterable[EntityInfo] = ()
    #: entity keys whose mentions are dropped
    ignored: Iterable[str] = ()


def surname_of(norm_name: str) -> str | None:
    """The family-name part of a normalised multi-word personal name (with its particle)."""
    words = norm_name.split()
    if len(words) < 2:
        return None
    if len(words) >= 3 and words[-2] in particles():
        return " ".join(words[-2:])
    return words[-1]


class Knowledge:
    def __init__(
        self,
        entries: Iterable[GazetteerEntry],
        roles: Iterable[Role],
        *,
        titles: Mapping[str, str],
        nisbas: Mapping[str, str],
        verbs: Mapping[str, ReportingVerb],
        function_words: frozenset[str],
        edits: LexiconEdits | None = None,
        extra_entities: Iterable[EntityInfo] = (),
        contextual: Mapping[str, frozenset[str]] | None = None,
        article_first_names: frozenset[str] = frozenset(),
        ta_marbuta_first_names: frozenset[str] = frozenset(),
        not_names: frozenset[str] = frozenset(),
        body_heads: frozenset[str] = frozenset(),
        given_names: frozenset[str] = frozenset(),
    ) -> None:
        edits = edits or LexiconEdits()
        #: nouns that name a body with the definite words after them («حركة», «حزب»);
        #: with «لـ» they go on a title («الأمين العام لحركة الشعب»)
        self.body_heads = body_heads
        self.of_bodies = frozenset("ل" + w for w in body_heads)
        self.titles = dict(titles)
        #: titles that can introduce a name (not the ministry words that complete them)
        self.title_anchors = {t for t, kind in titles.items() if kind != "ministry"}
        #: first words of the title anchors of two or more words
        self.anchor_first_words = {t.split()[0] for t in self.title_anchors if " " in t}
        #: words that are a title anchor once a proclitic is stripped
        self.anchor_words = words_stripping_to(self.title_anchors)
        #: the words a title before a name can start with
        self.name_openers = self.anchor_words | self.anchor_first_words
        self.nisbas = dict(nisbas)
        self.verbs = dict(verbs)
        #: word → the verb form in it: the verb itself, or و/ف + a verb (a word of four
        #: letters or more); one lookup per word of a document
        self.verb_words: dict[str, str] = {}
        for form in self.verbs:
            for prefix in ("و", "ف"):
                if len(prefix + form) > 3:
                    self.verb_words.setdefault(prefix + form, form)
        for form in self.verbs:
            self.verb_words[form] = form  # a verb spelled like و/ف + verb is that verb
        #: words that are a reporting verb once a proclitic is stripped
        self.verbs_stripped = words_stripping_to(self.verbs)
        self.function_words = function_words
        #: first names written with the article («الطيب»): after a title, a name's start
        self.article_first_names = article_first_names
        #: first names that end in «ة» («أسامة»): after a title, a name's start
        self.ta_marbuta_first_names = ta_marbuta_first_names
        #: words after a title that make no name («يجري محادثات», «وفدا رفيعا»), with the
        #: future «س» before the verbs
        self.not_names = not_names | {"س" + w for w in not_names if w[0] in "يت"}
        self.roles = {r.key: r for r in roles}
        self.entities: dict[str, EntityInfo] = {}
        for e in entries:
            self.entities[e.key] = EntityInfo(
                e.key,
                e.name,
                e.name_en,
                e.type,
                "gazetteer",
                frozenset(e.roles),
                e.affiliation,
                list(e.names),
            )
        for info in (*extra_entities, *edits.created):
            self.entities[info.key] = info
        for key, aliases in edits.added.items():
            if key in self.entities:
                self.entities[key].aliases += list(aliases)
        removed = {k: {normalize(a) for a in v} for k, v in edits.removed.items()}
        #: the aliases the user gave each entity: where another's name or alias is written
        #: the same, the user's alias is the one matched (the sidebar said whose it takes)
        users = {k: {" ".join(normalize(a).split()) for a in v} for k, v in edits.added.items()}
        self.ignored = frozenset(edits.ignored)

        forms: dict[str, list[tuple[str, str]]] = {}
        self.surnames: dict[str, set[str]] = {}
        #: entity key → its names as written in the lexicon (normalised), not generated
        self.written_forms: dict[str, set[str]] = {}
        #: spellings of the entities the user ignored: discovery does not bring them back
        self.ignored_forms: set[str] = set()
        for info in self.entities.values():
            if info.key in self.ignored:
                for alias in info.aliases or [info.name]:
                    norm = " ".join(normalize(alias).split())
                    self.ignored_forms.update(name_variants(norm, info.type))
                continue
            gone = removed.get(info.key, set())
            for alias in dict.fromkeys(info.aliases or [info.name]):
                norm = " ".join(normalize(alias).split())
                if not self._usable(norm) or norm in gone:
                    continue
                self.written_forms.setdefault(info.key, set()).add(norm)
                mine = norm in users.get(info.key, ())
                for form in name_variants(norm, info.type):
                    if form not in gone:
                        hits = forms.setdefault(form, [])
                        hits.insert(0 if mine else len(hits), (info.key, "name"))
                if info.type == "person":
                    sur = self.family_name(norm)
                    if sur and self._usable(sur) and sur not in gone:
                        for form in name_variants(sur, "person"):
                            self.surnames.setdefault(form, set()).add(info.key)
        #: Arabic given names («سامي», «فاطمة»)
        self.given_names = given_names | ta_marbuta_first_names
        # a name of a place, a state or an organisation is nobody's family name, even when
        # a person's alias ends with it (the user's «الممثل الأمريكي الخاص لشؤون سوريا»
        # made «سوريا:» at the head of a line a quotation of James Jeffrey)
        elsewhere = {
            form
            for form, hits in forms.items()
            if any(kind == "name" and self.entities[k].type != "person" for k, kind in hits)
        }
        self.surnames = {f: keys for f, keys in self.surnames.items() if f not in elsewhere}
        for role in self.roles.values():
            for phrase in role.phrases:
                norm = " ".join(normalize(phrase).split())
                if self._usable(norm):
                    forms.setdefault(norm, []).append((role.key, "role"))
        self.forms = forms
        self.matcher = AliasMatcher(forms)
        self._holders: dict[str, set[str]] | None = None
        #: normalised form → the ids a document must name for the form to name its
        #: actor (``contextual.tsv``); an alias the user gave is theirs wherever it stands
        self.contextual: dict[str, frozenset[str]] = {}
        user_forms = set().union(*users.values())
        for phrase, about in (contextual or {}).items():
            for form in name_variants(phrase, "organisation"):
                if form not in user_forms:
                    self.contextual[form] = about
        self._chains: dict[str, frozenset[str]] = {}

    def chain(self, key: str) -> frozenset[str]:
        """``key`` and what it is affiliated to, up the chain (دمشق → سوريا)."""
        found = self._chains.get(key)
        if found is None:
            ids = [key]
            info = self.entities.get(key)
            while info is not None and info.affiliation and info.affiliation not in ids:
                ids.append(info.affiliation)
                info = self.entities.get(info.affiliation)
            found = self._chains[key] = frozenset(ids)
        return found

    def foreign_nationality(self, word: str, about: frozenset[str]) -> bool:
        """Whether ``word`` is the nationality adjective of none of ``about``
        («العراقي» after «الائتلاف الوطني»)."""
        state = self.nisbas.get(word)
        return state is not None and self.chain(state).isdisjoint(about)

    def family_name(self, norm_name: str) -> str | None:
        """The family name of a person's normalised name or alias, if it has one: not
        the last word of an alias that describes the person («رئيس وفد الحكومة
        السورية», «المبعوث الأمريكي», «وزير الخارجية»), a nationality, title or function
        word (it made «الشعب السوري» a mention of al-Jaafari)."""
        sur = surname_of(norm_name)
        if sur is None:
            return None
        last = sur.split()[-1]
        if last in self.nisbas or last in self.titles or last in self.function_words:
            return None
        return sur

    def _usable(self, norm: str) -> bool:
        return (
            len(norm.replace(" ", "")) >= MIN_ALIAS
            and not is_particle_only(norm)
            and norm not in self.function_words
        )

    def role_holders(self, role_key: str) -> set[str]:
        """Keys of the entities that hold the role (indexed on first use)."""
        if self._holders is None:
            holders: dict[str, set[str]] = {}
            for k, e in self.entities.items():
                for role in e.roles:
                    holders.setdefault(role, set()).add(k)
            self._holders = holders
        return self._holders.get(role_key, set())

    @classmethod
    def load(
        cls, edits: LexiconEdits | None = None, extra_entities: Iterable[EntityInfo] = ()
    ) -> Knowledge:
        """Everything shipped in ``resources/``, plus the user's edits."""
        return cls(
            load_gazetteer(),
            load_roles(),
            titles=load_titles(),
            nisbas=load_nisbas(),
            verbs=load_reporting_verbs(),
            function_words=load_function_words(),
            edits=edits,
            extra_entities=extra_entities,
            contextual=load_contextual(),
            article_first_names=load_article_first_names(),
            ta_marbuta_first_names=load_ta_marbuta_first_names(),
            not_names=load_not_names(),
            body_heads=load_body_heads(),
            given_names=load_given_names(),
        )


class DocumentSubjects:
    """What a document names, for the names that stand for an actor only in news about
    its country (``contextual.tsv``): the entities of its mentions and what they are
    affiliated to, then, if need be, the states of its nationality adjectives."""

    def __init__(self, kb: Knowledge, keys: Iterable[str], words: Iterable[str]) -> None:
        self.kb = kb
        self._keys = keys
        self._words = words
        self._named: set[str] | None = None
        #: the states named as such, by name or nationality (not through a city)
        self._states: set[str] = set()
        self._read_words = False

    def names(self, ids: frozenset[str], word_after: str | None) -> bool:
        """Whether a name that stands for its actor only in news about one of ``ids``
        does here, followed by ``word_after``: no other nationality follows it
        («الائتلاف الوطني العراقي»), and the document may be about one of them."""
        if word_after is not None and self.kb.foreign_nationality(word_after, ids):
            return False
        return self.about(ids)

    def about(self, ids: frozenset[str]) -> bool:
        """Whether the document may be about one of ``ids``: it names one, or something
        affiliated to one (دمشق, «السوري»), or no state at all and one of them is Syria:
        «ورفض وفد المعارضة إجراء محادثات مع وفد النظام» and «وعقدت المحادثات مع المعارضة
        في موسكو» are read as the corpus is, about Syria; «المعارضة» in an article that
        names Senegal, or is «المصرية», is not Syria's, and «طرابلس» is Libya's capital
        only where Libya or something Libyan is named."""
        named = self._named
        entities = self.kb.entities
        if named is None:
            named = self._named = set()
            for key in set(self._keys):
                named |= self.kb.chain(key)
                info = entities.get(key)
                if info is not None and info.type == "state":
                    self._states.add(key)
        if not named.isdisjoint(ids):
            return True
        if not self._read_words:
            self._read_words = True
            nisbas = self.kb.nisbas
            for word in set(self._words):
                state = nisbas.get(word)
                if state is not None:
                    named |= self.kb.chain(state)
                    self._states.add(state)
            if not named.isdisjoint(ids):
                return True
        return not self._states and DEFAULT_SUBJECT in ids
