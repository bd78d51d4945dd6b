"""Entities in one document: gazetteer matches, discovered names, surnames and roles.

Pure: text and knowledge in, mention drafts out (offsets into the original text). The
corpus-level steps (clustering discovered names, applying user merges) are in
:mod:`desktop.analysis.corpus`.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Mapping
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from functools import lru_cache

from desktop.analysis.doctext import DocText, Token
from desktop.analysis.knowledge import DocumentSubjects, Knowledge, surname_of
from desktop.analysis.matcher import Hit
from desktop.analysis.spans import Spans
from desktop.analysis.variants import particles, skeleton
from desktop.text.normalize import OffsetMap, normalize
from desktop.text.tokens import strip_proclitic, words_stripping_to

MAX_NAME_WORDS = 3
#: a family name shorter than this (مون of بان كي مون) is too ambiguous alone
MIN_SURNAME = 4
#: words after which a person's name is given («ويدعى», «واسمه»), normalised
CALLED = frozenset({"ويدعي", "يدعي", "تدعي", "وتدعي", "واسمه", "واسمها"})
#: words that end a title read after a name, unless a body follows (normalised)
_TITLE_ENDS = frozenset(
    {"في", "من", "عن", "علي", "الي", "خلال", "امام", "بعد", "قبل", "ان", "انه", "انها",
     "الذي", "التي"}
)  # fmt: skip
MAX_DESCRIPTOR_WORDS = 7
#: role mentions this close to a name mention of the same actor are appositions, not
#: separate mentions (issue: «مبعوث الأمم المتحدة الخاص إلى سوريا جير بيدرسون»)
APPOSITION_GAP = 3


#: words between a title and a name: «المتحدث باسم الجيش», «الممثل الخاص لشؤون سوريا»
_DESCRIPTOR_PREFIXES = ("ال", "لل", "لشؤون", "لحقوق", "لوزير", "لوزاره", "باسم", "لدي")
_DESCRIPTOR_WORDS = frozenset(
    {"باسم", "لدي", "شؤون", "حقوق", "خارجيه", "عن", "وزاره", "وفد", "مجلس", "لجنه", "هيئه",
     "بلديه", "اداره", "امناء"}
)  # fmt: skip
#: nouns a party's name begins with, a country's name often next («حزب مصر القوية»)
PARTY_HEADS = frozenset({"حزب", "حركه", "تيار", "ائتلاف", "تحالف", "جبهه"})
_PARTY_WORDS = words_stripping_to(PARTY_HEADS)
#: what a title's word may end with: a pronoun («رئيس تحريرها», «وزير خارجيتها»)
_PRONOUN_ENDINGS = ("ها", "هم", "هما")
#: after these a body is named, not a person (normalised)
_BODY_AFTER = frozenset({"باسم", "لدي"})
#: what ends a sentence or a heading: no name runs on from a title past it
_SENTENCE_ENDS = frozenset(".:!?؟\n")
#: what follows a dateline's places: a credit in brackets, then a dash or a colon; a dash;
#: or the end of a line of its own («(CNN) --», «(أ ف ب) -», « - »). A colon alone is a
#: headline's topic («العراق: مصادرة أملاك …»), which the article is about
_DATELINE_CREDIT = re.compile(r"\s*(?:\([^()\n]{1,30}\)\s*(?:--|[-–—:])|--|[-–—]|(?:\n|$))")
#: what follows an agency after a dateline's places («جنيف- سانا», «دمشق - سانا: …»)
_AGENCY_CREDIT = re.compile(r"\s*(?:--|[-–—:]|(?:\n|$))")
#: quotation marks: no name starts right after one
_QUOTE_MARKS = frozenset('"«“‘')
#: tanween: a word that carries it is an indefinite noun («قراراً»), never a name
_TANWEEN = frozenset("\u064b\u064c\u064d")
#: the first half of a name made of two words, the second with the article («عبد
#: القادر فايز», «نور الدين»): the article does not end the name there (normalised)
_COMPOUND_FIRST = frozenset({"عبد", "ابو", "نور", "سيف", "عز", "صلاح", "بدر", "شمس"})
#: the second half of such a name after any first word («جار الله», «عماد الدين»), as the
#: name's second word (normalised)
_COMPOUND_SECOND = frozenset({"الله", "الدين", "الاسلام"})
#: the office any state's head holds («رئيس الجمهورية», «العاهل»: roles.tsv)
HEAD_OF_STATE = "head-of-state"
#: «إن» and «أن» after a name: it has ended («وقال العميد أحمد رضا بوردستان إن»)
_THAT = frozenset({"ان", "انه", "انها", "انهم"})
#: what a subject spoke in, after «في», «خلال», «عبر» («في بيان», «خلال مؤتمر صحفي»,
#: «عبر حسابه»), normalised, without the article
SAID_IN = frozenset(
    {"بيان", "تصريح", "تصريحات", "تصريحه", "حديث", "حديثه", "مؤتمر", "موتمر", "مقابله",
     "مقابلته", "كلمه", "كلمته", "تغريده", "تغريدات", "منشور", "حسابه", "حسابها", "رساله",
     "لقاء", "اتصال", "اجتماع", "جلسه", "ندوه", "برنامج", "تقرير", "خطاب", "حوار", "مداخله",
     "ايجاز", "افاده"}
)  # fmt: skip
#: the prepositions before what a speaker spoke in
_SPOKE_IN = frozenset({"في", "خلال", "عبر"})
#: the article, alone or after a proclitic: no name starts with it
_ARTICLE_STARTS = ("ال", "بال", "وال", "فال", "كال", "لل")
#: a proclitic and the article that end a name when its next word starts with them
#: («وزير … والوفد المرافق», «للصحفيين»); «فال» and «كال» hardly follow a name in
#: news prose, and foreign family names begin with them («مارغوت فالستروم», «كايا
#: كالاس», «إبراهيم كالن»)
_ARTICLE_AFTER_NAME = ("بال", "وال", "لل")
#: whose office a role is when a body the analysis does not know follows it
_ANOTHER_BODY = "another body"
#: the short vowels, tanween, shadda and sukun a word may end with as written
_MARKS = "".join(chr(c) for c in range(0x064B, 0x0653))
#: «منصتي الرياض والقاهرة», «منصات موسكو والقاهرة»: the cities after them name the
#: opposition platforms (normalised, with the proclitics they take)
_PLATFORM_WORDS = ("منصتي", "منصات", "منصتا")
_PLATFORMS = frozenset(p + w for w in _PLATFORM_WORDS for p in ("", "و", "ل", "ب", "ول", "وب"))


@dataclass
class MentionDraft:
    start: int
    end: int
    surface: str
    key: str
    kind: str  # name | surname | role | discovered
    sentence_idx: int | None = None
    confidence: float = 1.0


@dataclass
class DiscoveredName:
    """A person name found by a pattern, not in the gazetteer."""

    key: str
    name: str  # as written (original text)
    norm: str
    affiliation: str | None = None
    title: str | None = None


@dataclass
class DocumentEntities:
    mentions: list[MentionDraft] = field(default_factory=list)
    discovered: dict[str, DiscoveredName] = field(default_factory=dict)
    #: (original start, original end, normalised form) of the names in a speaker slot
    #: that nothing in the document resolved
    unresolved_speakers: list[tuple[int, int, str]] = field(default_factory=list)


_Tok = Token  # a normalised word


def discovered_key(norm_name: str) -> str:
    return "found:" + skeleton(norm_name).replace(" ", "-")


def _any_within(positions: list[int], lo: int, hi: int) -> bool:
    """Is one of these sorted positions in ``[lo, hi]``?"""
    i = bisect.bisect_left(positions, lo)
    return i < len(positions) and positions[i] <= hi


@lru_cache(maxsize=200_000)
def _form_skeletons(word: str) -> frozenset[str]:
    """Skeletons of the forms of a word long enough to be told apart by one."""
    return frozenset(skeleton(f) for f in strip_proclitic(word) if len(f) >= 5)


@lru_cache(maxsize=50_000)
def _stripping_to(surname: str) -> frozenset[str]:
    """The words that are ``surname`` once a proclitic is stripped (a document's
    candidates are the same few family names again and again)."""
    return words_stripping_to((surname,))


class _SkeletonIndex:
    """Skeleton → the words seen so far that have it among :func:`_form_skeletons`: a
    document's words are then matched against its family names' skeletons by set
    operations, and each word's skeletons are computed once in the process, not once
    in every document that uses it."""

    LIMIT = 300_000  # words; past it the index starts again (a cache, nothing more)

    def __init__(self) -> None:
        self.seen: set[str] = set()
        self.words: dict[str, set[str]] = {}

    def having(self, words: set[str], skeletons: Iterable[str]) -> set[str]:
        """Those of ``words`` with one of ``skeletons`` among their forms' skeletons."""
        new = words - self.seen
        if new:
            if len(self.seen) + len(new) > self.LIMIT:
                self.seen.clear()
                self.words.clear()
                new = words
            index = self.words
            for w in new:
                for sk in _form_skeletons(w):
                    found = index.get(sk)
                    if found is None:
                        index[sk] = {w}
                    else:
                        found.add(w)
            self.seen |= new
        out: set[str] = set()
        for sk in skeletons:
            found = self.words.get(sk)
            if found:
                out |= found & words
        return out


_SKELETON_WORDS = _SkeletonIndex()


def _spelt_variously(surname: str) -> bool:
    """Whether a family name is matched in its other spellings too (by its skeleton:
    «مستورا» for «ميستورا», «بيدرسن» for «بيدرسون»): a foreign name written in Arabic
    letters, whose vowels writers spell each their way. A name with the article is
    Arabic («السيسي», «الحلو») and written one way: its skeleton is that of common
    words («السياسي», «الحالي», «حاليا»)."""
    return len(surname) >= 5 and not surname.startswith("ال")


def _another_spelling(word: str, surname: str) -> bool:
    """Whether a word with the skeleton of a foreign family name spells it: the name
    with a long vowel more or less («بيدرسن», «مستورا»), or «ج» for «غ» («شويجو»); not a
    word of the same letters with another vowel in place of one («رئاسي», «بدنيا» are no
    «رئيسي», «بايدن»), nor longer or shorter by more («سيركز» is no «ساركوزي»). Never
    with the article a foreign name does not take («السلام», «الرئيسية» are no «سلامي»,
    «رئيسي»), the feminine ending of Arabic words («سلامة», «رئاسة») or the adverb's
    «ا» after a nisba («سلميا», «رئيسيا»)."""
    if word.startswith("ال") or (word.endswith("ه") and not surname.endswith("ه")):
        return False
    if word.endswith("ا") and surname.endswith("ي"):
        return False
    w, s = word.replace("غ", "ج"), surname.replace("غ", "ج")
    if w == s:
        return True
    if abs(len(w) - len(s)) != 1:
        return False
    longer, shorter = (w, s) if len(w) > len(s) else (s, w)
    return any(
        longer[i] in "اوي" and longer[:i] + longer[i + 1 :] == shorter for i in range(len(longer))
    )


def _conjoined(rest: str, function_words: AbstractSet[str], titles: Mapping[str, str]) -> bool:
    """Whether a word «و» + ``rest`` is the conjunction before a word no name begins
    with: a function word («وفي»), the article («والمهندس»), another «و» («وواصل»), the
    prefix of a verb in the present («ويعود», «وتتمتع») or a title («ووزير»). Names
    that begin with «و» (وليد، وائل، وسام) begin with none of those."""
    return rest in function_words or rest in titles or rest.startswith(("ال", "و", "ي", "ت"))


class _DocumentAnalyser:
    def __init__(
        self, doc: DocText, kb: Knowledge, skip: list[tuple[int, int]], sentence_starts: list[int]
    ) -> None:
        self.doc = doc
        self.text = doc.text
        self.kb = kb
        self.norm: str = doc.norm
        self.omap: OffsetMap = doc.omap
        self.skip = skip
        self._skip = Spans(skip)
        self.sentence_starts = sentence_starts
        self.tokens = doc.tokens
        self.token_starts = doc.token_starts
        #: normalised spans already taken: (start, end, entity or role key, kind)
        self.covered: list[tuple[int, int, str, str]] = []
        #: per normalised character, the index in ``covered`` of the span over it, or -1
        self._owner = [-1] * (len(self.norm) + 1)
        self.result = DocumentEntities()

    # ---- helpers ----------------------------------------------------------------------
    def _skipped(self, start: int) -> bool:
        if not self.skip:
            return False
        return self._skip.covers(self.omap.to_original(start))

    def _cover(self, start: int, end: int, key: str, kind: str) -> None:
        index = len(self.covered)
        self.covered.append((start, end, key, kind))
        self._owner[start:end] = [index] * (end - start)

    def _is_covered(self, start: int, end: int) -> bool:
        return end > start and max(self._owner[start:end]) >= 0

    def _covering(self, start: int, end: int) -> tuple[str, str] | None:
        for i in self._owner[start:end]:
            if i >= 0:
                _s, _e, key, kind = self.covered[i]
                return key, kind
        return None

    def _is_person(self, key: str) -> bool:
        info = self.kb.entities.get(key)
        return key.startswith("found:") or (info is not None and info.type == "person")

    def _sentence(self, orig_start: int) -> int | None:
        if not self.sentence_starts:
            return None
        return max(0, bisect.bisect_right(self.sentence_starts, orig_start) - 1)

    def _add(self, start: int, end: int, key: str, kind: str, confidence: float = 1.0) -> None:
        a, b = self.omap.span_to_original(start, end)
        self._cover(start, end, key, kind)
        self.result.mentions.append(
            MentionDraft(a, b, self.text[a:b], key, kind, self._sentence(a), confidence)
        )

    def _gap_is_punct_only(self, a: int, b: int) -> bool:
        return all(not ch.isalnum() for ch in self.norm[a:b])

    def _adjective_not_place(self, hit: Hit, key: str) -> bool:
        """«طائرات روسية»: the generated ة form of a country after an indefinite feminine
        noun is an adjective (Russian), not the country (سورية is, after في)."""
        if not hit.key.endswith("يه") or hit.key in self.kb.written_forms.get(key, ()):
            return False
        i = self._token_index_at(hit.start) - 1
        if i < 0 or self.norm[self.tokens[i].end : hit.start].strip():
            return False
        prev = self.tokens[i].text
        return (
            not prev.startswith("ال")
            and prev.endswith(("ات", "ه"))
            and prev not in self.kb.function_words
        )

    def _named_in_a_party(self, hit: Hit, key: str) -> bool:
        """«حزب مصر القوية», «تيار مصر الشعبي»: a country between a party's noun and the
        definite word that ends its name is part of the name, not the country."""
        i = self._token_index_at(hit.start)
        if i == 0 or i >= len(self.tokens) or self.doc.texts[i - 1] not in _PARTY_WORDS:
            return False
        info = self.kb.entities.get(key)
        if info is None or info.type not in ("state", "place"):
            return False
        if (
            self.tokens[i].start != hit.start
            or self.norm[self.tokens[i - 1].end : hit.start].strip()
        ):
            return False
        k = bisect.bisect_left(self.token_starts, hit.end)
        if k >= len(self.tokens) or self.norm[hit.end : self.tokens[k].start].strip():
            return False
        nxt = self.tokens[k].text
        return nxt.startswith("ال") and nxt not in self.kb.function_words

    def _token_index_at(self, pos: int) -> int:
        return bisect.bisect_left(self.token_starts, pos)

    # ---- passes -------------------------------------------------------------------------
    def gazetteer(self) -> list[Hit]:
        roles: list[Hit] = []
        platform_end = -1  # where the last city named as a platform ends
        # («منصتي», «منصات»: rare, so looked for once)
        platforms = any(w in self.norm for w in _PLATFORM_WORDS)
        parties = not _PARTY_WORDS.isdisjoint(self.doc.texts)  # «حزب مصر القوية»
        #: names that stand for their actor only in news about its country, read last
        contextual: list[tuple[Hit, str, frozenset[str]]] = []
        for hit in self.doc.hits(self.kb.matcher):
            if self._skipped(hit.start):
                continue
            names = [t for t, kind in hit.payload if kind == "name" and t not in self.kb.ignored]
            if names and self._adjective_not_place(hit, names[0]):
                continue
            if parties and names and self._named_in_a_party(hit, names[0]):
                self._cover(hit.start, hit.end, names[0], "name")
                continue
            if platforms and names and self._names_a_platform(hit, names[0], platform_end):
                platform_end = hit.end
                platform = [
                    k for k, kind in self.kb.forms.get(f"منصه {hit.key}", ()) if kind == "name"
                ]
                if platform:
                    self._add(hit.start, hit.end, platform[0], "name")
                else:  # no place, and no platform the analysis knows
                    self._cover(hit.start, hit.end, names[0], "name")
                continue
            if names:
                about = self.kb.contextual.get(hit.key)
                if about is not None:
                    contextual.append((hit, names[0], about))
                    continue
                if " " not in hit.key and self._family_of_another(hit, names[0]):
                    continue  # «عبد الرحمن الحريري» is not «نصر الحريري»
                self._add(hit.start, hit.end, names[0], "name")
            elif any(kind == "role" for _t, kind in hit.payload):
                roles.append(hit)
                self._cover(hit.start, hit.end, hit.key, "role-phrase")
        if contextual:
            self._contextual(contextual)
        return roles

    def _contextual(self, found: list[tuple[Hit, str, frozenset[str]]]) -> None:
        """Names that stand for their actor only in news about its country
        (``contextual.tsv``): «المعارضة» is the Syrian opposition where the document
        names Syria or something Syrian, not in one about Senegal, nor before another
        nationality («الائتلاف الوطني العراقي»)."""
        subjects = DocumentSubjects(self.kb, [m.key for m in self.result.mentions], self.doc.texts)
        for hit, key, about in found:
            after = self.doc.word_after(hit.end)
            if subjects.names(about, after.text if after else None):
                self._add(hit.start, hit.end, key, "name")
        self.result.mentions.sort(key=lambda m: m.start)

    def _names_a_platform(self, hit: Hit, key: str, platform_end: int) -> bool:
        """Whether the city at ``hit`` names an opposition platform: after «منصتي» or
        «منصات», or joined by «و» to a city that does («منصات موسكو والقاهرة والرياض»)."""
        info = self.kb.entities.get(key)
        if info is None or info.type != "place":
            return False
        i = bisect.bisect_right(self.token_starts, hit.start) - 1  # the city's token
        if i < 0:
            return False
        tok = self.tokens[i]
        if tok.start < hit.start:  # a proclitic fused to it: «والقاهرة» after a platform's
            return (
                self.norm[tok.start : hit.start] == "و"
                and platform_end >= 0
                and not self.norm[platform_end : tok.start].strip(" ،,")
            )
        if i == 0:
            return False
        prev = self.tokens[i - 1]
        return prev.text in _PLATFORMS and not self.norm[prev.end : hit.start].strip()

    def _name_after(self, i: int) -> tuple[int, int] | None:
        """Token range [i, j) of a personal name starting at token i, or None."""
        fw = self.kb.function_words
        toks = self.tokens
        j = i
        # a particle («بن») and the first word of a compound («عبد اللطيف») are no words
        # of their own: «عبد اللطيف بن راشد الزياني» is a name of three
        limit = MAX_NAME_WORDS + 1
        while j < len(toks) and j - i < limit:
            t = toks[j].text
            if j > i and not self._gap_is_punct_only(toks[j - 1].end, toks[j].start):
                break
            if j > i and self.norm[toks[j - 1].end : toks[j].start].strip():
                break  # punctuation ends the name
            first = j == i
            if t in fw and not self._written_as_name(toks[j]):
                break
            if first and self._opens_title(j):
                return None  # «وقال ولي العهد الأمير …»: a title, not a name
            if t.isdigit() or len(t) < 2 or self._is_covered(toks[j].start, toks[j].end):
                break
            if t in self.kb.not_names:  # «وزير الخارجية يجري محادثات»
                if first:
                    return None
                break
            if (
                first
                and not self._written_as_name(toks[j])
                and any(f in fw or f in self.kb.verbs for f in strip_proclitic(t))
            ):
                return None
            if t in self.kb.titles or t in self.kb.nisbas or t in self.kb.verbs:
                break
            if self._has_tanween(toks[j]):
                if first:
                    return None  # «وزير شؤون الرئاسة قراراً بإنشاء المكتب»
                break
            if (
                first
                and (
                    t.startswith(_ARTICLE_STARTS) or (t[-1] == "ه" and self._ta_marbuta(toks[j], 6))
                )
                and t not in self.kb.article_first_names
                and t not in self.kb.ta_marbuta_first_names
                and not (t.startswith("ال") and self._hamza_initial(toks[j]))
            ):
                return None  # «بالمعهد العالي» after «أستاذ الفوتوغرافيا»
            if (
                first
                and t.startswith("و")
                and (
                    _conjoined(t[1:], fw, self.kb.titles)
                    or t[1:] in self.kb.anchor_first_words  # «وأمين عام وزارة الصناعة»
                )
            ):
                return None  # «، ووزير النقل», «وتوفيت إحدى الموظفات», «وفي المقابل»
            if (
                not first
                and t[-1] == "ه"
                and t not in particles()
                and self._ta_marbuta(toks[j])
                and not self._family_in_ta(i, j)
            ):
                break
            if not first and t[0] == "و" and t not in self.kb.surnames:
                break
            if not first and t.startswith(_ARTICLE_AFTER_NAME):
                break  # «رئيس جديد للبلاد», «مفوض … يندد بالأجواء»
            if not first and t.startswith("ال") and t[2:] in self.kb.body_heads:
                break  # «أقحم الأمير محمد الجيش السعودي في …»: a body, no family name
            if (
                not first
                and t.startswith("ال")
                and j - i >= 2
                and toks[j - 1].text.startswith("ال")
                and not (j - 1 == i + 1 and toks[j - 1].text in _COMPOUND_SECOND)
                and toks[j - 2].text not in _COMPOUND_FIRST  # «عبد الرحمن الحريري»
            ):
                break
            if (
                j - i > MAX_NAME_WORDS
                and t.startswith("ال")
                and (t[2:] in _DESCRIPTOR_WORDS or t[2:] in self.kb.body_heads or t in fw)
            ):
                break  # past the usual length, «فهد بن عبد الله الوفد» was received
            j += 1
            if limit < MAX_NAME_WORDS + 3 and (
                t in particles()
                or (t in _COMPOUND_FIRST and j < len(toks) and toks[j].text.startswith("ال"))
            ):
                limit += 1
            if (
                not first
                and t.startswith("ال")
                and toks[j - 2].text not in _COMPOUND_FIRST
                and not (t in _COMPOUND_SECOND and j - 2 == i)
            ):
                break  # an Arabic family name with the article closes the name
        n_words = j - i - sum(1 for t in self.doc.texts[i:j] if t in particles())
        # «نور الدين» is one name, as «عبد القادر» is
        n_words -= sum(
            1
            for k in range(i, j - 1)
            if (
                self.doc.texts[k] in _COMPOUND_FIRST
                and self.doc.texts[k] not in particles()
                and self.doc.texts[k + 1].startswith("ال")
            )
            or (k == i and self.doc.texts[k + 1] in _COMPOUND_SECOND)
        )
        if n_words < 2 or j - i > limit:
            return None
        # a name does not end on a particle: «الشيخ زايد بن حمدان بن زايد آل نهيان»
        # takes the word after «بن» or «آل», past the usual length
        texts = self.doc.texts
        while (
            texts[j - 1] in particles()
            and j < len(toks)
            and j - i < MAX_NAME_WORDS + 5
            and not self.norm[toks[j - 1].end : toks[j].start].strip()
            and toks[j].text not in fw
            and not self._is_covered(toks[j].start, toks[j].end)
        ):
            j += 1
            if toks[j - 1].text.startswith("ال"):
                break
        while j - i > 2 and texts[j - 1] in particles():
            j -= 1
        if texts[j - 1] in particles():
            return None
        if j - i > MAX_NAME_WORDS + 1:
            return i, j
        if n_words == MAX_NAME_WORDS and j < len(toks):
            # a third name word is believed only when the name visibly ends after it
            # («علي أصغر خاجي،», «بان كي مون الأطراف»), not before a verb or preposition
            gap = self.norm[toks[j - 1].end : toks[j].start]
            # («إلى» is «الي» once normalised: no article, a preposition)
            if (
                not gap.strip()
                and (not toks[j].text.startswith("ال") or toks[j].text in fw)
                and toks[j].text not in _THAT
                and not self._said_in_after(j)
            ):
                j -= 1
        return i, j

    def _said_in_after(self, j: int) -> bool:
        """Whether tokens ``j`` and after tell what a speaker spoke in («العميد أحمد رضا
        بوردستان في بيان إن», «… خلال مؤتمر صحفي»): the name visibly ends before them."""
        toks = self.tokens
        return (
            j + 1 < len(toks)
            and toks[j].text in _SPOKE_IN
            and not self.norm[toks[j].end : toks[j + 1].start].strip()
            and toks[j + 1].text.removeprefix("ال") in SAID_IN
        )

    def _family_in_ta(self, i: int, j: int) -> bool:
        """Whether token ``j``, a definite word in «ة» right after the given name at ``i``
        with a comma and a title after it, is a family name («المحامية سعاد البراهمة،
        عضو الجمعية»), not a noun («وزار الشيخ محمد المنطقة، ثم …»)."""
        toks = self.tokens
        return (
            j == i + 1
            and j + 1 < len(toks)
            and toks[j].text.startswith("ال")
            and toks[i].text in self.kb.given_names
            and self.norm[toks[j].end : toks[j + 1].start].strip() in ("،", ",")
            and self._opens_title(j + 1)
        )

    def _nationality_after(self, end: int) -> tuple[str | None, int]:
        """Whose office a role phrase ending at ``end`` (normalised) is, when the words
        right after it say so, with nothing but spaces between: the state of a
        nationality adjective («وزير الخارجية الألماني»), or a state or body named
        («وزيرة خارجية الاتحاد الأوروبي»); with the original offset where they end. Else
        ``(None, -1)``."""
        tok = self.doc.word_after(end)
        if tok is None:
            return None, -1
        state = self.kb.nisbas.get(tok.text)
        if state is not None:
            return state, self.omap.span_to_original(tok.start, tok.end)[1]
        # «لـ» before a body: «الأمين العام للحركة الشعبية» is not the UN's
        of = tok.text.startswith("ل") and len(tok.text) > 3
        owner = self._owner[tok.start + 1 if of else tok.start]
        if owner < 0:
            if of and tok.text.startswith("لل"):
                return _ANOTHER_BODY, self.omap.span_to_original(tok.start, tok.end)[1]
            return None, -1
        start, stop, key, kind = self.covered[owner]
        info = self.kb.entities.get(key)
        if kind != "name" or start != tok.start + of or info is None:
            return None, -1
        if info.type not in ("state", "organisation"):
            return None, -1
        return key, self.omap.span_to_original(start, stop)[1]

    def _ta_marbuta(self, tok: _Tok, long: int = 7) -> bool:
        """Whether a word that ends in «ه» once normalised is a noun: written with «ة»
        («الدولة»), or with a short word's pronoun («بلاده», «نجله», «تعاقده»), not a
        name of ``long`` letters or more written with «ه» («فيسترفيله», «سيجورنيه»; as a
        first name, «أندريه بابيس») or «الله» («فهد بن عبد الله»)."""
        if tok.text == "الله":
            return False
        if len(tok.text) == 2:  # «ربوار طه»: too short for a word and its pronoun
            return self._last_written(tok) != "ه"
        return len(tok.text) < long or self._last_written(tok) != "ه"

    def _last_written(self, tok: _Tok) -> str:
        """The word's last letter as written, past its marks («ة» of «الدولة»)."""
        a, b = self.omap.span_to_original(tok.start, tok.end)
        return self.text[a:b].rstrip(_MARKS)[-1:]

    def _hamza_initial(self, tok: _Tok) -> bool:
        """Whether the word begins with an alef with hamza as written: «ألكسندر»,
        «إلياس» fold to «ال…» but begin with no article, which is written «ال»."""
        return self.text[self.omap.to_original(tok.start)] in "أإآ"

    def _has_tanween(self, tok: _Tok) -> bool:
        """Whether the word carries tanween as written («قراراً»)."""
        a, b = self.doc.span(tok.start, tok.end)
        return not _TANWEEN.isdisjoint(self.text[a:b])

    def _written_as_name(self, tok: _Tok) -> bool:
        """علي (Ali) and على (on) fold together; the original spelling tells them apart."""
        if tok.text != "علي":
            return False
        a, b = self.omap.span_to_original(tok.start, tok.end)
        return self.text[a:b].endswith("ي")

    def discover(self) -> None:
        """Role + name patterns: «وزير الخارجية الروسي سيرغي لافروف»,
        «الممثل الأمريكي الخاص لشؤون سوريا، جيمس جيفري»."""
        toks = self.tokens
        titles = self.kb.titles
        anchors = self.kb.title_anchors
        # tokens under a role phrase: the only ones examined without a title anchor
        in_phrase: set[int] = set()
        for start, end, _key, kind in self.covered:
            if kind == "role-phrase":
                first = bisect.bisect_right(self.token_starts, start) - 1
                last = bisect.bisect_left(self.token_starts, end)
                in_phrase.update(range(max(first, 0), last))
        # only a role phrase or a title can open a name: the pass visits those tokens
        starts = sorted(in_phrase.union(self.doc.token_indices(self.kb.name_openers)))
        i = 0
        for at in starts:
            if at < i:
                continue  # inside what the last title or name took
            i = at
            t = toks[i].text
            if i not in in_phrase and not self._opens_title(i):
                continue
            cover = self._covering(toks[i].start, toks[i].end)
            if cover and cover[1] == "role-phrase":
                # a role phrase works as a title: «المتحدث باسم الجيش الروسي» + name
                j = i
                while j < len(toks) and self._covering(toks[j].start, toks[j].end) == cover:
                    j += 1
            else:
                stripped = next((f for f in strip_proclitic(t) if f in anchors), None)
                two = f"{t} {toks[i + 1].text}" if i + 1 < len(toks) else ""
                if two in anchors:
                    stripped = two
                if stripped is None or cover:
                    i += 1
                    continue
                j = i + len(stripped.split())
            title_start = i
            affiliation = None
            # descriptors: ministry words, nisbas, organisations (with the article), لشؤون…
            k = j
            while k < len(toks) and k - j < MAX_DESCRIPTOR_WORDS:
                w = toks[k].text
                if w in self.kb.nisbas:
                    affiliation = self.kb.nisbas[w]
                inside = self._covering(toks[k].start, toks[k].end)
                if inside:
                    if self._is_person(inside[0]):
                        k = -1  # the name is already known
                        break
                    k += 1  # a known organisation or place inside the descriptor
                    continue
                if (
                    w == "في"
                    and k + 1 < len(toks)
                    and self._covering(toks[k + 1].start, toks[k + 1].end)
                ):
                    k += 1  # «القيادي في حركة حماس خليل الحية»: a body after «في»
                    continue
                if w == "الي":  # «إلى» (not an article): only before a place or a body,
                    # «المبعوث الخاص إلى سوريا»; «الأمين العام إلى وقف إطلاق النار» is
                    # no title of a man named «وقف إطلاق النار»
                    nxt = k + 1 < len(toks) and self._covering(toks[k + 1].start, toks[k + 1].end)
                    if not nxt:
                        break
                    k += 1
                    continue
                if w in self.kb.function_words and w not in _DESCRIPTOR_WORDS:
                    break  # «التي», «الذي»: a clause, no descriptor
                if w in self.kb.article_first_names and self._name_word_after(k):
                    break  # a first name, no descriptor: «وزير العدل الطيب لوح»
                if w.startswith("ال") and w not in self.kb.nisbas and self._hamza_initial(toks[k]):
                    # no article: «نائب وزير الخارجية الروسي ألكسندر غروشكو» (but a
                    # nationality is one, however written: «وزير الداخلية إلإيراني»)
                    break
                if k + 1 < len(toks) and f"{w} {toks[k + 1].text}" in titles:
                    k += 2  # a second title of two words: «وزير العدل حافظ الأختام»
                    continue
                if (
                    w.startswith(_DESCRIPTOR_PREFIXES)
                    or w in titles
                    or w in _DESCRIPTOR_WORDS
                    or w in self.kb.of_bodies  # «الأمين العام لحركة الشعب»
                ):
                    k += 1
                    continue
                if (
                    w.startswith("وال")
                    and k > j
                    and toks[k - 1].text.startswith("ال")
                    and w[1:] not in self.kb.name_openers
                    and w[1:] not in self.kb.anchor_words
                ):
                    k += 1  # a ministry of two: «وزير الوظيفة العمومية والحوكمة السابق»
                    continue
                if len(w) >= 5 and (
                    w.endswith(_PRONOUN_ENDINGS)
                    or (w.endswith("ته") and self._last_written(toks[k]) != "ة")
                ):
                    k += 1  # «ورئيس تحريرها ماد صابونجو», «المنتهية ولايته»
                    continue
                break
            found = (
                self._name_after(k) if 0 <= k < len(toks) and self._may_follow_title(k) else None
            )
            if found is None:
                i = max(i + 1, j)
                continue
            a, b = found
            for word in self.doc.texts[title_start:a]:
                affiliation = self.kb.nisbas.get(word, affiliation)
            start, end = toks[a].start, toks[b - 1].end
            if self._is_covered(start, end) or self._skipped(start):
                i = b
                continue
            oa = self.omap.to_original(start)
            title_text = self.text[self.omap.to_original(toks[title_start].start) : oa]
            self._name_found(a, b, affiliation, title_text.strip(" ،,"))
            i = b

    def _name_found(self, a: int, b: int, affiliation: str | None, title: str) -> None:
        """Tokens ``[a, b)`` name a person: one the gazetteer knows by that full name, else
        a name discovered with the title it came with (unless the user ignored it)."""
        toks = self.tokens
        start, end = toks[a].start, toks[b - 1].end
        norm_name = " ".join(self.doc.texts[a:b])
        if norm_name in self.kb.ignored_forms:  # the user ignored whom it names
            return
        known = self._known_person(norm_name)
        if known:
            self._add(start, end, known, "name", 0.9)
            return
        key = discovered_key(norm_name)
        oa, ob = self.omap.span_to_original(start, end)
        self.result.discovered.setdefault(
            key, DiscoveredName(key, self.text[oa:ob], norm_name, affiliation, title)
        )
        self._add(start, end, key, "discovered", 0.8)

    def _name_ends_at(self, b: int) -> bool:
        """Whether a name may end before token ``b``: at punctuation or the text's end,
        or before «إن»/«أن», «و» or «لـ» («وقال محمد خطاب وهو», «سالم زهران لـ»), or after a
        family name with the article, before a participle and «في» («منصف الباروني
        المقيم في»), not before a noun («ونفى شاكر الاتهام الموجه إليه»)."""
        toks = self.tokens
        if b >= len(toks) or self.norm[toks[b - 1].end : toks[b].start].strip():
            return True
        t = toks[b].text
        if (
            t.startswith("الم")
            and len(t) > 4
            and t[-1] != "ه"
            and b + 1 < len(toks)
            and toks[b + 1].text == "في"
            and toks[b - 1].text.startswith("ال")
        ):
            return True  # «ويقول منصف الباروني المقيم في بلدة نابل»: who he is
        return t in _THAT or t[0] in "ول"

    def discover_before_titles(self) -> None:
        """A name nobody knows right after a reporting verb, with its title after it
        between commas: «وقال يوري يفتوشينكو، رئيس مركز المصالحة الروسي، إن …», or
        right after a name of two words or more: «وقال بكر بوزداغ نائب الرئيس التركي»."""
        toks, kb = self.tokens, self.kb
        for idx in self.doc.token_indices(kb.verbs_stripped):
            found = self._name_after(idx + 1) if idx + 1 < len(toks) else None
            if found is None:
                continue
            a, b = found
            # the name ends where a title begins («بكر بوزداغ نائب الرئيس»)
            b = next((c for c in range(a + 1, b) if self._opens_title(c)), b)
            if (
                b + 1 < len(toks)
                and toks[b].text.startswith("و")
                and self.norm[toks[b].end : toks[b + 1].start].strip() in ("،", ",")
                and self._opens_title(b + 1)
                and not self.norm[toks[b - 1].end : toks[b].start].strip()
            ):
                b += 1  # «سارة ليا ويتسن، مديرة …»: a name's «و» is no conjunction
            if b >= len(toks) or self._is_covered(toks[a].start, toks[b - 1].end):
                continue
            if self._skipped(toks[a].start) or self.norm[toks[idx].end : toks[a].start].strip():
                continue  # «وقال، يوري …»: no subject right after the verb
            if (
                toks[a].text in kb.given_names
                and b - a >= 2
                and self._name_ends_at(b)
                and not (b < len(toks) and self._opens_title(b))
            ):
                # «وقال محمد خطاب وهو عضو في الائتلاف»: an Arabic given name and more
                # name words are a name with no title, where the name visibly ends
                self._name_found(a, b, None, "")
                continue
            gap = self.norm[toks[b - 1].end : toks[b].start].strip()
            if gap not in ("،", ",") and (gap or b - a < 2):
                continue
            titled = self._opens_title(b)
            cover = self._covering(toks[b].start, toks[b].end)
            if not titled and not (cover and cover[1] == "role-phrase"):
                continue
            # the title runs to the next comma, or a few words, up to a preposition or
            # a complementiser that no body follows («نائب الرئيس التركي في مؤتمر صحفي
            # إن»; «سفير الكويت في الأمم المتحدة» goes on)
            k = b
            while k + 1 < len(toks) and k - b < MAX_DESCRIPTOR_WORDS:
                if self.norm[toks[k].end : toks[k + 1].start].strip():
                    break
                nxt = toks[k + 1]
                if nxt.text in _TITLE_ENDS and not (
                    k + 2 < len(toks) and self._is_covered(toks[k + 2].start, toks[k + 2].end)
                ):
                    break
                k += 1
            oa, ob = self.omap.span_to_original(toks[b].start, toks[k].end)
            affiliation = next(
                (kb.nisbas[w] for w in self.doc.texts[b : k + 1] if w in kb.nisbas), None
            )
            self._name_found(a, b, affiliation, self.text[oa:ob])

    def discover_called(self) -> None:
        """A name given after «ويدعى» or «واسمه» («وقال صديق آخر، ويدعى توران
        كيسلاكشي، …»), with the words before it as its title («صديق آخر»)."""
        toks = self.tokens
        for idx in self.doc.token_indices(CALLED):
            found = self._name_after(idx + 1) if idx + 1 < len(toks) else None
            if found is None:
                continue
            a, b = found
            if self._is_covered(toks[a].start, toks[b - 1].end) or self._skipped(toks[a].start):
                continue
            if self.norm[toks[idx].end : toks[a].start].strip():
                continue
            # what he is: up to three words before «، ويدعى», after the verb
            title = ""
            if idx > 0 and self.norm[toks[idx - 1].end : toks[idx].start].strip() in ("،", ","):
                k = idx - 1
                while (
                    k > 0
                    and idx - 1 - k < 2
                    and not self.norm[toks[k - 1].end : toks[k].start].strip()
                    and toks[k - 1].text not in self.kb.verbs_stripped
                ):
                    k -= 1
                oa, ob = self.omap.span_to_original(toks[k].start, toks[idx - 1].end)
                title = self.text[oa:ob]
            self._name_found(a, b, None, title)

    def _opens_title(self, k: int) -> bool:
        """Whether token ``k`` opens a title («نائب», «وزير الخارجية»)."""
        toks, kb = self.tokens, self.kb
        t = toks[k].text
        return t in kb.anchor_words or (
            t in kb.anchor_first_words
            and k + 1 < len(toks)
            and f"{t} {toks[k + 1].text}" in kb.title_anchors
        )

    def _name_word_after(self, k: int) -> bool:
        """Whether the token after ``k`` may go on a name begun at ``k``: right after it
        with nothing but a space between, and no function word, title, nationality,
        reporting verb or known name («الطيب لوح», not «الطيب في» nor «الحسن التونسي»)."""
        toks = self.tokens
        if k + 1 >= len(toks) or self.norm[toks[k].end : toks[k + 1].start].strip():
            return False
        t = toks[k + 1].text
        kb = self.kb
        return not (
            t in kb.function_words
            or t in kb.titles
            or t in kb.nisbas
            or t in kb.verbs
            or t.isdigit()
            or self._is_covered(toks[k + 1].start, toks[k + 1].end)
        )

    def _may_follow_title(self, k: int) -> bool:
        """Whether a name may start at token ``k``, after a title and its descriptors:
        not past the end of a sentence («الفريق الأول. وواصل فليك العمل»), nor right after
        «باسم» or «لدى», where a body is named («المتحدث باسم تمويل الخدمات العامة»)."""
        prev = self.tokens[k - 1]
        if prev.text in _BODY_AFTER:
            return False
        gap = self.norm[prev.end : self.tokens[k].start]
        # nor inside quotation marks: «رئيس الوزراء الإسرائيلي "عملاء إيرانيين"» quotes
        return not any(ch in _SENTENCE_ENDS or ch in _QUOTE_MARKS for ch in gap)

    def _known_person(self, norm_name: str) -> str | None:
        """A gazetteer person whose full name has this skeleton."""
        sk = skeleton(norm_name)
        sur = surname_of(norm_name)
        for key in self.kb.surnames.get(sur or "", ()):
            info = self.kb.entities[key]
            for alias in info.aliases or [info.name]:
                if skeleton(normalize(alias)) == sk:
                    return key
        return None

    def surnames(self) -> None:
        """A family name alone refers to the person named in full in this document."""
        by_surname: dict[str, str] = {}
        by_skeleton: dict[str, tuple[str, str]] = {}  # skeleton → (key, family name)
        short: dict[str, str] = {}  # three-letter family names («بري», «عون»)
        #: key → the given name it is named with in full («محمد» of «محمد مرسي»)
        given: dict[str, str] = {}
        for m in self.result.mentions:
            if m.kind not in ("name", "discovered"):
                continue
            info = self.kb.entities.get(m.key)
            if m.kind == "name" and (info is None or info.type != "person"):
                continue
            named = normalize(m.surface).split()
            if len(named) == 2:
                given.setdefault(m.key, named[0])
            sur = self.kb.family_name(" ".join(named))
            if sur and len(sur.replace(" ", "")) >= MIN_SURNAME:
                by_surname.setdefault(sur, m.key)
                if _spelt_variously(sur):
                    by_skeleton.setdefault(skeleton(sur), (m.key, sur))
            elif sur and len(sur) == MIN_SURNAME - 1:
                short.setdefault(sur, m.key)
        if short:
            self._short_surnames(short)
        if not by_surname:
            return
        self._rekey_family_aliases(by_surname)
        candidates = set(by_surname) | {k.split()[1] for k in by_surname if " " in k}

        # most words are no surname: they are ruled out by set operations
        words = set(self.doc.texts)
        wanted: set[str] = set()
        for c in candidates:
            wanted |= words & _stripping_to(c)
            if c.startswith("ال") and "لل" + c[2:] in words:
                wanted.add("لل" + c[2:])  # «في تغريدة للصدر»
        if by_skeleton:
            wanted |= _SKELETON_WORDS.having(words, by_skeleton)
        fw = self.kb.function_words
        for idx in self.doc.token_indices(wanted):
            tok = self.tokens[idx]
            forms = strip_proclitic(tok.text)
            if tok.text.startswith("لل"):
                forms = (*forms, "ال" + tok.text[2:])
            if self._is_covered(tok.start, tok.end) or self._skipped(tok.start):
                continue
            if self._after_given_name(idx):
                continue  # «عبد الرحمن الحريري» is not «نصر الحريري»
            # a function word with a conjunction is no spelling of a name («والتي» has
            # the skeleton of «ولايتي»)
            spelt = by_skeleton and not any(f in fw for f in forms)
            for form in forms:
                prev = self.tokens[idx - 1] if idx > 0 else None
                two = f"{prev.text} {form}" if prev else ""
                if prev and two in by_surname and not self._is_covered(prev.start, prev.end):
                    self._add(prev.start, tok.end, by_surname[two], "surname", 0.9)
                    break
                key = by_surname.get(form)
                if key is None and spelt and len(form) >= 5:
                    key, sur = by_skeleton.get(skeleton(form), (None, ""))
                    if key is not None and not _another_spelling(form, sur):
                        key = None
                if key:
                    offset = len(tok.text) - len(form)
                    start = tok.start + offset
                    if (
                        prev is not None
                        and offset == 0
                        and given.get(key) == prev.text.removeprefix("و")
                        and not self.norm[prev.end : tok.start].strip()
                        and not self._is_covered(prev.start, prev.end)
                    ):
                        # «خلف كل من محمد مرسي»: named in full again, after the
                        # document found the name
                        start = prev.start + (len(prev.text) - len(given[key]))
                    self._add(start, tok.end, key, "surname", 0.9)
                    break

    def _rekey_family_aliases(self, by_surname: dict[str, str]) -> None:
        """A one-word alias the gazetteer gives one person («الحريري», Nasr al-Hariri's)
        refers to another of that family the document names in full («سعد الحريري»),
        unless it names the alias's own person in full too, or both serve the same
        state («الأسد» stays the president's beside «ماهر الأسد»)."""
        in_full = {
            m.key
            for m in self.result.mentions
            if m.kind in ("name", "discovered") and " " in m.surface
        }
        for m in self.result.mentions:
            if m.kind != "name" or " " in m.surface or m.key in in_full:
                continue
            info = self.kb.entities.get(m.key)
            if info is None or info.type != "person":
                continue  # «سوريا» is a place, whatever title ends with it
            key = by_surname.get(normalize(m.surface))
            if (
                key is not None
                and key != m.key
                and (self.kb.chain(key) - {key}).isdisjoint(self.kb.chain(m.key) - {m.key})
            ):
                m.key, m.kind, m.confidence = key, "surname", 0.9

    def _family_of_another(self, hit: Hit, key: str) -> bool:
        """Whether a one-word name of a person is another's: after another given name
        («عبد الرحمن الحريري»), or a spelling made by rule that a family name follows
        («سوسن الشاعر» is a woman, not «سوسان» spelt without its «ا»)."""
        info = self.kb.entities.get(key)
        if info is None or info.type != "person":
            return False
        toks = self.tokens
        i = self._token_index_at(hit.start)
        if i >= len(toks) or toks[i].start != hit.start:
            return False
        if self._after_given_name(i) or self._other_given_name(i, key):
            return True
        if hit.key in self.kb.written_forms.get(key, ()) or i + 1 >= len(toks):
            return False
        nxt = toks[i + 1]
        return (
            nxt.text.startswith("ال")
            and not self.norm[toks[i].end : nxt.start].strip()
            and nxt.text not in self.kb.function_words
            and nxt.text not in self.kb.titles
            and nxt.text not in self.kb.nisbas
        )

    def _after_given_name(self, idx: int) -> bool:
        """Whether token ``idx`` follows a given name of another person: «عبد الرحمن»,
        «عبدالله», «أبو محمد» right before it (a person known by such a name in full is
        matched whole by the gazetteer)."""
        toks = self.tokens
        if idx >= 1 and not self.norm[toks[idx - 1].end : toks[idx].start].strip():
            prev = toks[idx - 1].text.removeprefix("و")
            if prev.startswith("عبد") and len(prev) > 4:
                return True
            if idx >= 2 and not self.norm[toks[idx - 2].end : toks[idx - 1].start].strip():
                return toks[idx - 2].text.removeprefix("و") in ("عبد", "ابو")
        return False

    def _other_given_name(self, idx: int, key: str) -> bool:
        """Whether token ``idx`` follows a listed given name that is none of the words
        of the names of ``key``: «رئيس الأركان السابق سامي عنان» is not Kofi Annan, «جواد
        ظريف» is Mohammad Javad Zarif."""
        toks = self.tokens
        if idx < 1 or self.norm[toks[idx - 1].end : toks[idx].start].strip():
            return False
        given = toks[idx - 1].text
        if given not in self.kb.given_names:
            given = given[1:] if given.startswith("و") else ""  # «وسامي»; «وليد» is one
            if given not in self.kb.given_names:
                return False
        if self._is_covered(toks[idx - 1].start, toks[idx - 1].end) or (
            given == "علي" and not self._written_as_name(toks[idx - 1])
        ):
            return False  # «ردا على نتنياهو»: «على» and «علي» fold together
        return not any(given in name.split() for name in self.kb.written_forms.get(key, ()))

    def _short_surnames(self, short: dict[str, str]) -> None:
        """A family name of three letters is a common word too («بري», «عون»): alone, it
        refers to the person named in full only where a speaker is named, right after
        a reporting verb («وقال بري إن») or as the source a verb relays («على لسان بري
        قوله», «عن عون قوله»)."""
        tokens = self.tokens
        for idx in self.doc.token_indices(set(short)):
            tok = tokens[idx]
            if idx == 0 or self._is_covered(tok.start, tok.end) or self._skipped(tok.start):
                continue
            prev = tokens[idx - 1]
            if self.norm[prev.end : tok.start].strip():
                continue  # «قال: بري …»
            nxt = tokens[idx + 1].text if idx + 1 < len(tokens) else ""
            if (
                prev.text in self.kb.verbs_stripped
                or prev.text == "لسان"
                or (prev.text == "عن" and nxt.startswith("قول"))
            ):
                self._add(tok.start, tok.end, short[tok.text], "surname", 0.9)

    def speakers(self) -> None:
        """A reporting verb followed by an unknown one-word name: remember it for the
        corpus pass («وأكد خاجي»)."""
        for idx in self.doc.token_indices(self.kb.verbs_stripped):
            if idx + 1 == len(self.tokens):
                break
            tok, nxt = self.tokens[idx], self.tokens[idx + 1]
            w = nxt.text
            if (
                self._is_covered(nxt.start, nxt.end)
                or w in self.kb.function_words
                or w.startswith("ال")
                or len(w) < 4
                or w[-1] == "ه"
                or w in self.kb.titles
                or w in self.kb.verbs
            ):
                continue
            if self.norm[tok.end : nxt.start].strip():
                continue
            self.result.unresolved_speakers.append(
                (*self.omap.span_to_original(nxt.start, nxt.end), w)
            )
            if idx + 2 < len(self.tokens):
                nn = self.tokens[idx + 2]
                if not self.norm[nxt.end : nn.start].strip() and not self._is_covered(
                    nn.start, nn.end
                ):
                    self.result.unresolved_speakers.append(
                        (*self.omap.span_to_original(nxt.start, nn.end), f"{w} {nn.text}")
                    )

    def roles(self, role_hits: list[Hit]) -> None:
        """«المبعوث الأممي» → the envoy named in this document."""
        present: dict[str, list[int]] = {}
        ends: dict[str, list[int]] = {}
        for m in self.result.mentions:
            present.setdefault(m.key, []).append(m.start)
            ends.setdefault(m.key, []).append(m.end)
        for positions in (*present.values(), *ends.values()):
            positions.sort()
        # each actor's mention starts and ends, kept sorted as role mentions are added
        starts = {k: list(v) for k, v in present.items()}
        # where people are named: a role phrase right before a name is its apposition,
        # whoever else holds the role («وقال وزير الدفاع، خلوصي آكار، أمس» is no mention
        # of the defence minister named before); one right after a name is its
        # apposition only if that person holds it («واستقبل الأسد وزير الخارجية
        # الإيراني»: the minister received)
        people_starts: list[int] | None = None  # made when a role phrase is first read
        for hit in role_hits:
            a, b = self.omap.span_to_original(hit.start, hit.end)
            for role_key, kind in hit.payload:
                if kind != "role":
                    continue
                holders = [k for k in self.kb.role_holders(role_key) if k in present]
                if not holders:
                    continue
                # a nationality after the phrase says whose office it is: «وزير الخارجية
                # الألماني» is no mention of the British foreign secretary named before
                state, after = self._nationality_after(hit.end)
                if state is not None:
                    holders = [k for k in holders if state in self.kb.chain(k)]
                    if not holders:
                        break
                if people_starts is None:
                    people_starts = sorted(
                        m.start for m in self.result.mentions if self._is_person(m.key)
                    )
                if _any_within(people_starts, b, max(b, after) + APPOSITION_GAP):
                    break  # before a name: its apposition

                # nearest mention before the role phrase, else the first after it
                def distance(k: str, a: int = a) -> tuple[int, int]:
                    before = bisect.bisect_right(present[k], a)
                    return (0, a - present[k][before - 1]) if before else (1, present[k][0] - a)

                if role_key == HEAD_OF_STATE and state is None and len(holders) > 1:
                    # «رئيس الجمهورية» with no nationality: the head of the state the
                    # text is most about («… دعوته للرئيس المصري عبد الفتاح السيسي لزيارة
                    # تونس، محذرا رئيس الجمهورية» in news of Tunisia), the nearest of
                    # those
                    weight = self._state_weights(present, holders)
                    key = min(holders, key=lambda k: (-weight[k], distance(k)))
                else:
                    key = min(holders, key=distance)
                if _any_within(starts.get(key, []), b, b + APPOSITION_GAP) or _any_within(
                    ends.get(key, []), a - APPOSITION_GAP, a
                ):
                    break  # an apposition of a name mention, not a mention of its own
                self._add(hit.start, hit.end, key, "role", 0.8)
                added = self.result.mentions[-1]
                bisect.insort(starts.setdefault(key, []), added.start)
                bisect.insort(ends.setdefault(key, []), added.end)
                break

    def _state_weights(self, present: dict[str, list[int]], holders: list[str]) -> dict[str, int]:
        """For each holder of an office, how many of the document's mentions are of his
        state or of what belongs to it (its cities, its government, its people)."""
        weights = {}
        for k in holders:
            states = self.kb.chain(k) - {k}
            weights[k] = sum(
                len(starts)
                for m, starts in present.items()
                if not states.isdisjoint(self.kb.chain(m))
            )
        return weights

    def _trim_discovered(self) -> None:
        """«ستافان دي ميستورا اطلعنا» beside «ستافان دي ميستورا»: keep the shorter name."""
        found = self.result.discovered
        for key, d in list(found.items()):
            words = d.norm.split()
            for other in list(found.values()):
                ow = other.norm.split()
                if other.key != key and len(ow) < len(words) and words[: len(ow)] == ow:
                    del found[key]
                    for m in self.result.mentions:
                        if m.key == key:
                            m.key = other.key
                            cut = len(other.name)
                            m.end = (
                                m.start + cut
                                if self.text[m.start : m.start + cut] == other.name
                                else m.end
                            )
                            m.surface = self.text[m.start : m.end]
                    break

    def run(self) -> DocumentEntities:
        role_hits = self.gazetteer()
        self.discover()
        self.discover_before_titles()
        self.discover_called()
        self._trim_discovered()
        self.surnames()
        self.roles(role_hits)
        self.speakers()
        self.result.mentions.sort(key=lambda m: m.start)
        datelines = self._dateline_places(self.result.mentions)
        self.result.mentions = [
            m for m in self.result.mentions if not self._credit(m) and id(m) not in datelines
        ]
        return self.result

    def _dateline_places(self, mentions: list[MentionDraft]) -> set[int]:
        """The places of datelines («دبي، الإمارات العربية المتحدة (CNN) --», «جنيف- سانا»):
        places opening a line, with nothing but commas between, then a credit in brackets
        or an agency, and a dash or a colon. Where a report was filed is no actor of it:
        CNN's «دبي، الإمارات العربية المتحدة» opened each of its articles, and the UAE
        spoke the words of the first sentence. Returns the ``id()`` of those mentions."""
        text, out = self.text, set[int]()
        i = 0
        while i < len(mentions):
            m = mentions[i]
            line_start = text.rfind("\n", 0, m.start) + 1
            before = text[line_start : m.start].strip()
            # a city the gazetteer does not know may open it («دبي، الإمارات …»)
            opens = not before or (before[-1] in "،," and len(before.split()) <= 2)
            if not opens or not self._is_place(m):
                i += 1
                continue
            run = [m]
            j = i + 1
            while (
                j < len(mentions)
                and self._is_place(mentions[j])
                and not text[run[-1].end : mentions[j].start].strip(" ،,")
            ):
                run.append(mentions[j])
                j += 1
            rest = text[run[-1].end : run[-1].end + 40]
            credit = _DATELINE_CREDIT.match(rest)
            if credit is None and j < len(mentions):
                agency = mentions[j]
                info = self.kb.entities.get(agency.key)
                gap = text[run[-1].end : agency.start]
                if info is not None and info.type == "media" and gap.strip(" -–—") == "":
                    credit = _AGENCY_CREDIT.match(text[agency.end : agency.end + 40])
            if credit is not None:
                out.update(id(x) for x in run)
            i = j
        return out

    def _is_place(self, m: MentionDraft) -> bool:
        info = self.kb.entities.get(m.key)
        return info is not None and info.type in ("place", "state") and m.kind == "name"

    def _credit(self, m: MentionDraft) -> bool:
        """Whether a mention of a news agency or outlet is a dateline's credit, not a
        mention of an actor: on a short line of its own with at most a place («جنيف-
        سانا»: SANA counted as mentioning itself), or opening a line before a dash or a
        colon («دمشق - سانا: …», «(أ ف ب) -»)."""
        info = self.kb.entities.get(m.key)
        if info is None or info.type != "media":
            return False
        text = self.text
        line_start = text.rfind("\n", 0, m.start) + 1
        line_end = text.find("\n", m.end)
        line_end = len(text) if line_end == -1 else line_end
        before, after = text[line_start : m.start], text[m.end : line_end]
        if len(before.split()) <= 2 and len(after.split()) <= 1 and len(before) + len(after) < 30:
            return not any(ch.isalpha() for ch in after) and (
                not before.strip() or any(ch in before for ch in "-–—(/")
            )
        head = after.lstrip(" )")
        return (
            m.start - line_start < 30
            and len(before.split()) <= 2
            and (not before.strip() or any(ch in before for ch in "-–—(/"))
            and head[:1] in ("-", "–", "—", ":")
        )


def analyse_entities(
    text: str | DocText,
    kb: Knowledge,
    *,
    skip: list[tuple[int, int]] | None = None,
    sentence_starts: list[int] | None = None,
) -> DocumentEntities:
    """Mentions of entities in ``text``; ``skip`` lists original spans not to analyse
    (repeated paragraphs)."""
    doc = text if isinstance(text, DocText) else DocText(text)
    return _DocumentAnalyser(doc, kb, skip or [], sentence_starts or []).run()
