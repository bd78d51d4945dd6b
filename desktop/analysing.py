"""Analysis of stored documents: entities now (framing later), with the user's edits.

Runs at import on the new documents and on demand (``tabayun analyse``) over the whole
store. The user's edits to the entity lexicon are a log in the database, replayed on
every run, so a merge, split or rename survives re-analysis.
"""

from __future__ import annotations

import bisect
import datetime as dt
import gc
import itertools
import time
from collections.abc import Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from desktop.analysis.cluster import cluster_names, same_person
from desktop.analysis.doctext import DocText
from desktop.analysis.entities import (
    DiscoveredName,
    DocumentEntities,
    analyse_entities,
    discovered_key,
)
from desktop.analysis.framing import (
    FramingKnowledge,
    FramingResult,
    MentionIn,
    analyse_framing,
)
from desktop.analysis.knowledge import EntityInfo, Knowledge, LexiconEdits
from desktop.progress import CancelToken, NullProgress, Progress
from desktop.store.entities import LEFT_BY_EDIT, EntityRecord, FoundSeen, NewMention
from desktop.store.framing import FramingRows, encode_details
from desktop.store.store import Store
from desktop.store.writer import exclusive
from desktop.text.normalize import normalize
from desktop.text.sentences import document_sentences
from desktop.text.tokens import article_form
from desktop.workers import (
    BULK_GC_THRESHOLDS,
    exit_with_parent,
    fewer_collections,
    worker_count,
    worker_override,
    worker_pool,
)

#: bump when the analysis changes what it stores: documents are then analysed again
#: (in the background when the window starts). 3: capitals as the city, the outlet's own
#: quoted terms, indirect quotations ending at a joined reporting verb; 4: a capital
#: after a place noun or preposition that has a conjunction («وريف دمشق») is the city, a
#: title that is a label is not an apposition as well, «وقال ناشطون إن» is their speech,
#: «قُتل 12 مدنياً» a casualties event, a scare quote leaves its verb the words it
#: introduces; 5: casualty and displacement figures in words («ثلاثة أطفال»), before
#: their trigger («12 قتيلاً», «لقي ثلاثة أطفال مصرعهم»), their word as written; no
#: «إراقة الدماء» event; the last word of an alias that describes a person («رئيس وفد
#: الحكومة السورية») is no family name, a label inside quotation marks is its speaker's;
#: reported speech runs through a few quoted words and ends where a second speaker's
#: clause begins («، لكن أعضاء المجلس أكدوا أن»), plural reporting verbs; an event's place
#: is where it happened («في جنيف»), not a city naming a platform («منصة موسكو»); a
#: subject nobody named is not the previous speaker («وأكد مصدر عسكري سوري أن»); an
#: event's parties and place are those of its clause («…، بينما يبحث المبعوث …»); 6: a
#: reporting verb right after «فيما», «بينما» or «في حين» ends the speech before it and
#: a title after it speaks for itself («، فيما أشار وزير الخارجية التركي إلى …»); a
#: process or text named after a city is no place («لعملية أستانا», «بيان جنيف»); an
#: event the text denies keeps the words denying it («دون التوصل إلى اتفاق»); a number of
#: days or hours is no figure («خلال 10 أيام»); a title is the person's own, not an office
#: it depends on («لوزير الخارجية …», «مساعد وزير الخارجية الروسي»); an event asked for or
#: feared keeps the words that ask for it («دعا إلى وقف إطلاق النار», «احتمال نزوح»); an
#: agency in a dateline is a credit, not a mention («جنيف- سانا»); 7: an event to come
#: keeps the words that say so («ومن المقرر أن تعقد», «المحادثات المقبلة»); 8: only a
#: foreign family name is found in its other spellings («بيدرسن»), not an Arabic one in
#: words that look like it («السياسي» was el-Sisi), nor in a function word («والتي»), nor
#: in a word with the article or a feminine ending, or longer or shorter by two letters
#: («السلام», «سلامة» were Hossein Salami); «الثلاثاء المقبل» and «غداً» are days to come,
#: and so is the weekday of an event to come («ستعقد المحادثات يوم الثلاثاء»); whom a
#: source spoke to and how are not its name («مصادر محلية في حديث لعنب بلدي»), and an
#: office nobody named speaks when nobody spoke before («وقال المتحدث باسم الجيش الروسي»);
#: a label after «لـ» is listed with its article («للتحالف الدولي»); an event's place is
#: not another event's («وقف إطلاق النار في إدلب واجتماع اللجنة»), what it is about
#: («بشأن …، وخاصة مدينة إدلب») or in what a quotation says; where an unnamed source is
#: is part of it («مصدر في المعارضة السورية»). 9: an event dated after its article is to
#: come; more events asked for («ونريد وقفاً لإطلاق النار», «في أقرب وقت») or denied;
#: an office after a verb speaks for itself, «الوزارة» is a ministry; the cities after
#: «منصتي» are platforms; when and how a subject spoke are not what it said; an office
#: beside a name is its apposition; a country an event was held in is its place; who
#: reports an event is no party to it; each event takes its own date in the sentence.
#: 10: a date after «اعتباراً من» is the start of the event right before it alone: a
#: future one tells it is to come; so does «بحثا عقد»; what «وصف» described is part of
#: what was said, and the name after a speaker's title is not. 11: hopes («عن أمله في»,
#: «رغبته في») and a round asked for («إمكانية عقد جولة جديدة من المحادثات»); «يبحث
#: المبعوث عقد» to come; a past verb outweighs a date after the article; the person named
#: after a member's title speaks, not the body in the title; two events of a type in
#: clauses of their own are two; agencies that sign are parties, and so is the government
#: a capital stands for. 12: the capitals of the states in the news stand for their
#: governments as «دمشق» does («وقالت موسكو إن», «ورحبت أنقرة»), and a capital that speaks
#: is its government («وقالت دمشق إن …» was no quotation); a capital in a visit, a name, a
#: dateline or after an event is the city («وزار لافروف أنقرة», «منصة موسكو», «دمشق -
#: سانا:», «محادثات موسكو»). 13: an event refused («ورفض وفد المعارضة إجراء محادثات») is
#: denied, with who refused it; how they spoke may stand between «بحث» and «عقد» («وناقش
#: بوتين وأردوغان في اتصال هاتفي عقد قمة»), and a title before the name; a meeting agreed
#: for later («واتفقا على أن يلتقيا مجدداً في 8 آذار») is to come, on the date to come, and
#: gives its date to no event held. 14: a capital the labels take as its government where
#: another acts on it, or one dealt with («مع»), is a party to the sentence's events, not
#: their place («واتهمت موسكو واشنطن بعرقلة المحادثات», «اتفاقاً مع أنقرة»). 15: a name
#: that stands for a Syrian side only in news about Syria («المعارضة», «النظام», «الحكومة
#: الشرعية», ``contextual.tsv``) names it only where the document does not name another
#: state instead, nor another nationality follows it; more states are known. A name
#: discovered after a title has no tanween, runs past no full stop, does not follow
#: «باسم» or start with «و» and a verb or title, and does not end on «بن» or «آل». 16:
#: a first name with the article opens a name after a title («وزير العدل الطيب لوح»); a
#: body named after its verb speaks («وشددت الحركة الشعبية على»), a government or an
#: agency named by its nationality is that state's («الحكومة السودانية»), one named in
#: construct is a speaker («وقالت وكالة الأنباء الكورية الشمالية»); the places of a
#: dateline are no mentions («دبي، الإمارات العربية المتحدة (CNN) --»); more actors;
#: the agency spoken to is no speaker («وقال لرويترز»), nor a name in quotation marks
#: anybody's words («معبر "صوفا"»); a family name alone speaks («وأضاف البريكي»). 17:
#: a family name may begin with «فال» or «كال» («مارغوت فالستروم»); what an office
#: holder does is no name («الرئيس يأمر باستحداث», ``not_names.txt``); «غرد», and «كتب»
#: on a platform («وكتب ترامب على تويتر»), report speech; a source's wish not to be
#: named is not its name («مسؤول أمريكي، طلب عدم الكشف عن اسمه، إن»); a verb with no
#: subject goes on with a speaker of its gender («قال بوتين … وأضافت» is not his). 18:
#: the source of «قوله» follows the last «عن» or «على لسان» before it, whoever relays
#: it («ونقلت الوكالة اللبنانية على لسان بري قوله»), and «قوله»/«قولها» gives its
#: gender; a family name of three letters speaks after a reporting verb («وقال بري»);
#: a one-word alias is the person of that family the document names («سعد الحريري»);
#: relatives, spokesmen and bodies named again speak («خطيبة خاشقجي», «متحدث عسكري»,
#: «وقالت المحكمة»); a platform does not; names after titles are taken whole («عبد
#: اللطيف بن راشد الزياني»); quoted names after more nouns («وكالة "فارس"») are no speech.
#: 19: a family name after another Arabic given name is another person's («سامي عنان»,
#: ``given_names.txt``); a title of two words opens no name («ولي العهد الأمير …»); a
#: body named in construct speaks, not the person after it («واتهمت قيادة الجيش عنان»),
#: nor does a plural in «ين» («ودعا الفاعلين الاقتصاديين»); a spokeswoman named after
#: whom she speaks for does; a title may hold two ministries («وزير الصناعة والتجارة»);
#: a quotation mark left out no longer shifts the paragraph's quotations; a subject
#: between «كان» and the verb speaks («وكانت وكالة الأنباء العمانية أكدت»), and so do a
#: platform's users («أحد مستخدمي موقع تويتر»); a name found is taken whole where it
#: comes again («محمد مرسي»); a country in a party's name is no place («حزب مصر
#: القوية»); an actor right before a verb is its subject («تركيا تؤكد وجود …»). 20:
#: «طرابلس» is Libya's capital in news about Libya (``contextual.tsv``); a council, a
#: committee, a board or a municipality may come between a title and a name («رئيس مجلس
#: المدينة، سيد أحمد دستغيب»); a first name written with «أ» or «إ» has no article
#: («ألكسندر غروشكو»); a body after a plural in «ات» is no subject («تعتبر ممارسات حزب
#: الله»); a crowd speaks («وأعرب عشرات الأكراد»); a clause after an unnamed speaker's
#: comma is not its name («متحدث باسم الخارجية الأمريكية، رافق تيلرسون …»); the subject
#: after «كان» may be eight words long; a given name after a reporting verb opens a name
#: with no title («وقال محمد خطاب وهو»); «طه» is a name word, and a third name word
#: before «إن» is kept; more actors («جبهة بوليساريو», «هيومان رايتس ووتش»). 21: a
#: title of two words, neither a title alone («أركان حرب»); a third name word before
#: what was spoken in («… بوردستان في بيان»); a present verb after an indefinite noun and
#: a comma is that noun's («رجل بريطاني الجنسية، يقول إنه»), and reported speech ends
#: before another speaker's verb; a feminine participle goes on with its verb's speaker
#: («مضيفةً»); a newspaper quoted after its noun speaks («صحيفة "الأهرام"»); a name's
#: word is no verb («جان مارك فيري» is no «فيرى»). 22: a people in the plural speaks
#: («ويقول فلسطينيون إن»); «وكالة "فارس"» is an agency named, not «و» and «كالة»; an
#: office of another state than the speaker before's speaks («وقال الرئيس التونسي إن»
#: after Putin); the adjectives of 62 more states («الجزائري», «العماني», «المغربي»). 23:
#: a one-word name no lexicon knows speaks («وقال كوهين إن»), as the speaker named in
#: full before if it is his family name; a former office holder speaks («وقال الرئيس
#: الصومالي السابق إن»); an office with nobody before speaks («وقال الرئيس إن»), with its
#: state («العاهل المغربي»); unnamed sources before «إلى أن» («وأشار مسؤولون إلى أن»); a
#: title in construct and a name between commas («واعتبر رئيس التجمع …، ديمتري دلياني،»).
#: 24: a body no lexicon knows speaks with its whole name («الفيدرالية العربية لحقوق
#: الإنسان»), what it described after it; a phrase of type ``none`` in events.tsv keeps
#: its trigger from firing («تصريح عمل» is no statement). 25: a statement's words are
#: whose statement it is («وجاء في بيان مونشن:», «ونقل بيان عن وزارة العدل "…"»), and
#: «في بيان وصل لموقع … نسخة منه:» does not end a subject's reading. 26: «رئيس الجمهورية»
#: with no nationality is the head of the state the text is most about. 27: actors of the
#: subject's kind joined on to it by «و» are not what was said («أعلنت سرايا القدس وكتائب
#: عز الدين القسام مسؤوليتهما»). 28: an office no lexicon lists speaks, not the speaker
#: before («وقال مدير المستشفى إن», «وقال محافظ حمص:»). 29: so does one in indefinite
#: construct, through a body's noun («وقال قائد شرطة محافظة ظفار إن», «وقال مدير مستشفى:»)
ANALYSIS_VERSION = 29
#: the analysis version since which stored sentences are split as the splitter does now
SENTENCES_SPLIT_SINCE = 16
BATCH = 200


@dataclass
class UserLexicon:
    """The effect of the user's edit log, replayed in order."""

    added: dict[str, list[str]] = field(default_factory=dict)
    removed: dict[str, list[str]] = field(default_factory=dict)
    created: dict[str, EntityInfo] = field(default_factory=dict)
    ignored: set[str] = field(default_factory=set)
    merged: dict[str, str] = field(default_factory=dict)
    names: dict[str, str] = field(default_factory=dict)
    types: dict[str, str] = field(default_factory=dict)
    confirmed: set[str] = field(default_factory=set)

    def target(self, key: str) -> str:
        if key not in self.merged:  # the usual case, asked hundreds of thousands of times
            return key
        seen = set()
        while key in self.merged and key not in seen:
            seen.add(key)
            key = self.merged[key]
        return key

    def lexicon_edits(self) -> LexiconEdits:
        return LexiconEdits(self.added, self.removed, list(self.created.values()), self.ignored)


def _strings(value: object) -> list[str]:
    return [str(v) for v in value] if isinstance(value, list) else []


def _same(a: str, b: str) -> bool:
    """Whether two names are one once normalised."""
    return normalize(a).split() == normalize(b).split()


def replay(edits: Iterable[tuple[int, str, dict[str, object]]]) -> UserLexicon:
    lex = UserLexicon()
    for _id, op, p in edits:
        key = str(p.get("key", ""))
        if op == "alias_add":
            alias = str(p["alias"])
            lex.added.setdefault(key, []).append(alias)
            if key in lex.removed:  # split off before: it names the entity again
                lex.removed[key] = [a for a in lex.removed[key] if not _same(a, alias)]
        elif op == "split":
            alias = str(p["alias"])
            lex.removed.setdefault(key, []).append(alias)
            new_key = str(p["new_key"])
            lex.created[new_key] = EntityInfo(
                new_key, alias, "", str(p.get("type", "person")), "user", aliases=[alias]
            )
            lex.confirmed.add(new_key)
        elif op == "create":
            lex.created[key] = EntityInfo(
                key,
                str(p["name"]),
                str(p.get("name_en", "")),
                str(p.get("type", "person")),
                "user",
                frozenset(_strings(p.get("roles"))),
                str(p["affiliation"]) if p.get("affiliation") else None,
                aliases=_strings(p.get("aliases")) or [str(p["name"])],
            )
            lex.confirmed.add(key)
        elif op == "merge":
            source, target = str(p["source"]), str(p["target"])
            if lex.target(target) != source:
                lex.merged[source] = target
        elif op == "rename":
            lex.names[key] = str(p["name"])
            lex.confirmed.add(key)
        elif op == "retype":
            lex.types[key] = str(p["type"])
            lex.confirmed.add(key)
        elif op == "ignore":
            lex.ignored.add(key)
        elif op == "unignore":
            lex.ignored.discard(key)
        elif op == "confirm":
            lex.confirmed.add(key)
    return lex


@dataclass
class AnalysisReport:
    documents: int = 0
    mentions: int = 0
    discovered: int = 0
    seconds: float = 0.0
    cancelled: bool = False
    #: (document id, why): documents the analysis failed on, stored without marks
    failed: list[tuple[int, str]] = field(default_factory=list)

    def then(self, other: AnalysisReport) -> AnalysisReport:
        """This run and ``other``, run after it, as one."""
        return AnalysisReport(
            self.documents + other.documents,
            self.mentions + other.mentions,
            self.discovered + other.discovered,
            self.seconds + other.seconds,
            self.cancelled or other.cancelled,
            self.failed + other.failed,
        )

    def as_dict(self) -> dict[str, object]:
        return {
            "documents": self.documents,
            "mentions": self.mentions,
            "discovered": self.discovered,
            "seconds": round(self.seconds, 3),
            "cancelled": self.cancelled,
            "failed": [{"document": d, "error": why} for d, why in self.failed],
        }

    def failures_said(self) -> str | None:
        """One line on the documents the analysis failed on, if any."""
        if not self.failed:
            return None
        shown = "; ".join(f"#{d} ({why})" for d, why in self.failed[:5])
        more = f" and {len(self.failed) - 5} more" if len(self.failed) > 5 else ""
        n = len(self.failed)
        return (
            f"{n} document{'s' if n != 1 else ''} could not be analysed and show no marks: "
            f"{shown}{more}"
        )


def _record(info: EntityInfo) -> EntityRecord:
    return EntityRecord(
        info.key, info.name, info.name_en or None, info.type, info.origin, tuple(info.aliases)
    )


#: what discovery finds: people (the user may retype one; undone, it is a person again)
FOUND_TYPE = "person"
#: the key of a found name's ``details`` that keeps the name as it was found
FOUND_AS = "found_as"


def _info(rec: EntityRecord, lex: UserLexicon) -> EntityInfo:
    """A found name as the analysis knows it: under the name it was found as (a rename
    is a display name), with the type the user gave it, if any (the spellings it is
    matched in depend on its type)."""
    details = rec.details or {}
    found_type = FOUND_TYPE if rec.origin == "discovered" else rec.type
    return EntityInfo(
        rec.key,
        str(details.get(FOUND_AS) or rec.name),
        rec.name_en or "",
        lex.types.get(rec.key, found_type),
        rec.origin,
        affiliation=details.get("affiliation"),
        aliases=list(rec.aliases),
    )


def _knowledge(
    lex: UserLexicon, previous: Sequence[EntityRecord]
) -> tuple[Knowledge, FramingKnowledge]:
    """The gazetteer with the user's edits and the names found before, and the framing
    lexicons: built once per analysing process."""
    kb = Knowledge.load(lex.lexicon_edits(), [_info(r, lex) for r in previous])
    return kb, FramingKnowledge.load(kb)


def load_knowledge(store: Store) -> tuple[UserLexicon, Knowledge, FramingKnowledge]:
    """What analysing one document of this store needs: the user's edits replayed, the
    gazetteer with the names found before, and the framing lexicons."""
    lex = replay(store.edits())
    return lex, *_knowledge(lex, store.discovered_records())


@exclusive("analysis")
@fewer_collections()
def analyse_documents(
    store: Store,
    doc_ids: Sequence[int] | None = None,
    *,
    full: bool = False,
    as_full: bool = False,
    progress: Progress | None = None,
    cancel: CancelToken | None = None,
    workers: int | None = None,
    label: str = "Analysing",
) -> AnalysisReport:
    """Find the entities of ``doc_ids`` (default: every document not analysed by this
    version; ``full``: every document, rediscovering names from scratch).

    ``as_full``: these documents as a full analysis would have them (what an edit of the
    lexicon wants): names found before are matched only when confirmed, not wherever
    written as an import matches them; the names found are clustered with every found
    name the corpus still uses; found names no longer used are dropped.

    Large runs analyse documents in ``workers`` processes (default: one per core when
    there are enough documents to pay for starting them); this process writes.

    ``cancel`` stops it between batches of documents: each batch written is whole, and
    marked analysed; the corpus-wide steps (clustering the names found, the speakers
    named by a family name, the user's names and merges) follow what was written.
    ``label`` names the step on ``progress``."""
    progress = progress or NullProgress()
    began = time.perf_counter()
    report = AnalysisReport()
    lex = replay(store.edits())
    # a run that ended without its corpus-wide steps (Ctrl+C, its process killed) left
    # the names its batches found unclustered, and the speakers they name by a family
    # name alone unresolved: its articles stay noted until a run analyses them again,
    # and the next runs as a full analysis would (the names it found not taken as known)
    before = unfinished_documents(store)
    unfinished = before is not None
    exact = full or as_full or unfinished
    # exactly: only the found names that edits in force confirm are known beforehand
    previous = [r for r in store.discovered_records() if not exact or r.key in lex.confirmed]
    kb, fk = _knowledge(lex, previous)
    key_ids = store.sync_entities(
        (_record(i) for i in kb.entities.values()), names=lex.names, types=lex.types
    )
    if doc_ids is None:
        doc_ids = (
            [r.id for r in store.documents()]
            if full
            else store.documents_needing_analysis(ANALYSIS_VERSION)
        )
    discovered: dict[str, str] = {}  # key → normalised name, found in this run
    speakers: dict[int, list[_Slot]] = {}
    workers = _worker_count(len(doc_ids)) if workers is None else workers
    left = sorted(set(before or ()) - set(doc_ids))
    in_use: dict[str, str] = {}  # the found names in use, for a run as a full one would
    if doc_ids:
        store.set_meta(UNFINISHED_KEY, _id_ranges(sorted({*doc_ids, *left})))
    progress.start(len(doc_ids), label)
    try:
        pools = _pool(workers, lex, previous) if workers > 1 else nullcontext()
        with pools as pool:

            def submit(batch: Sequence[int]) -> tuple[list[Job], Iterable[Packed], _Resplit]:
                jobs, resplit = _jobs(store, batch)
                if pool is not None:  # map() submits every job now; results are read later
                    return jobs, pool.map(_analyse_in_worker, jobs, chunksize=10), resplit
                return jobs, (analyse_packed(job, kb, fk, lex) for job in jobs), resplit

            def run(ids: Sequence[int], progress: Progress) -> None:
                batches = [ids[lo : lo + BATCH] for lo in range(0, len(ids), BATCH)]
                upcoming = submit(batches[0]) if batches else None
                for number in range(len(batches)):
                    if cancel is not None and cancel.cancelled:
                        report.cancelled = True
                        break
                    assert upcoming is not None
                    jobs, results, resplit = upcoming
                    # the workers start on the next batch while this process writes this one
                    upcoming = submit(batches[number + 1]) if number + 1 < len(batches) else None
                    written: list[tuple[int, list[NewMention]]] = []
                    framing = FramingRows([], [], [])
                    done = list(zip(jobs, results, strict=True))
                    key_ids.update(store.add_entities(_new_names(done, key_ids)))
                    for job, found in done:
                        doc_id, text = job[0], job[1]
                        if found.failure is not None:
                            report.failed.append((doc_id, found.failure))
                        for d in found.discovered.values():
                            discovered[d.key] = d.norm
                        rows = _mention_rows(found, key_ids)
                        if found.unresolved_speakers:
                            slots = _free_slots(found.unresolved_speakers, rows, text, job[3])
                            if slots:
                                speakers[doc_id] = slots
                        written.append((doc_id, rows))
                        _add_framing(framing, doc_id, found, key_ids)
                        progress.advance(1)
                    store.write_analysis(written, framing, ANALYSIS_VERSION, sentences=resplit)
                    report.documents += len(written)
                    report.mentions += sum(len(ms) for _, ms in written)

            run(doc_ids, progress)
            if (as_full or unfinished) and not full:
                in_use, lost = _found_in_use(store.found_names_seen(FOUND_AS), lex)
                again = (
                    sorted(set(store.documents_referring_to(lost)) - set(doc_ids)) if lost else []
                )
                if again and not report.cancelled:
                    # a found name no article discovers by its own name any more, which
                    # holds names clustered into it (undoing the ignore of «عادل الجبير»
                    # makes «إيغور عادل الجبير» no name, «إيغور الجابري» was clustered into
                    # it): a full analysis finds them as themselves, and so do their
                    # articles analysed again (a few as a rule, not shown apart on the
                    # bar: a second start would show the edit's list again, half made)
                    store.set_meta(UNFINISHED_KEY, _id_ranges(sorted({*doc_ids, *left, *again})))
                    run(again, NullProgress())
                    if report.cancelled:  # those it did not reach are still to do
                        left = sorted({*left, *again})
                    # the names those articles found again, in their places among the rest
                    in_use, _lost = _found_in_use(store.found_names_seen(FOUND_AS), lex)
        report.discovered = len(discovered)
        if in_use:  # the corpus's found names, this run's too
            discovered = {**in_use, **{k: v for k, v in discovered.items() if k not in in_use}}
        _cluster(store, discovered, lex, key_ids)
        report.mentions += _resolve_speakers(store, kb, speakers, lex, key_ids)
        store.apply_entity_state(
            names=lex.names,
            types=lex.types,
            found_type=FOUND_TYPE,
            found_as=FOUND_AS,
            ignored=lex.ignored,
            merged=lex.merged,
            user_aliases=lex.added,
            confirmed=lex.confirmed,
        )
        if not report.cancelled:
            store.drop_unused_entities(lex.created, discovered_too=exact or unfinished)
        if left:  # noted before and not analysed by this run: still to do
            store.set_meta(UNFINISHED_KEY, _id_ranges(left))
        elif doc_ids or unfinished:  # (a run on nothing wrote no note)
            store.delete_meta(UNFINISHED_KEY)
    finally:
        progress.finish()
        report.seconds = time.perf_counter() - began
    return report


#: the articles an analysis runs on, in the store's meta while it runs (as ranges of
#: ids, «1-4000,4012»), removed once its corpus-wide steps are done: an analysis that
#: finds them there was preceded by one that ended halfway, and they are analysed again
UNFINISHED_KEY = "analysis_unfinished"


def _id_ranges(ids: Sequence[int]) -> str:
    """Sorted ids as ranges: «1-4000,4012» (an import's articles are numbered in a row)."""
    out: list[str] = []
    for _k, run in itertools.groupby(enumerate(ids), lambda p: p[1] - p[0]):
        span = [doc_id for _i, doc_id in run]
        out.append(f"{span[0]}-{span[-1]}" if len(span) > 1 else str(span[0]))
    return ",".join(out)


def unfinished_documents(store: Store) -> list[int] | None:
    """The articles of an analysis that ended before its corpus-wide steps (``[]`` when
    it had none left to analyse), or None when the last one ended as it should."""
    noted = store.get_meta(UNFINISHED_KEY)
    if noted is None:
        return None
    ids: list[int] = []
    for part in filter(None, noted.split(",")):
        first, _dash, last = part.partition("-")
        if first.isdigit() and (not last or last.isdigit()):
            ids.extend(range(int(first), int(last or first) + 1))
    return ids


#: the step of :func:`analyse_left_over` that finishes what edits left, on ``progress``
FINISHING_EDITS = "Finishing edits"


@exclusive("analysis")
def analyse_left_over(
    store: Store,
    doc_ids: Sequence[int] | None = None,
    *,
    progress: Progress | None = None,
    cancel: CancelToken | None = None,
) -> AnalysisReport:
    """Analyse what was left for later: first the documents an edit of the lexicon did
    not reach (stopped halfway: the window closed, its process killed), as the edit would
    have analysed them; then ``doc_ids`` (default: every other document not analysed by
    this version: after an upgrade, or an import stopped before its analysis ended) with
    those an analysis that ended before its last steps had analysed."""
    edited = store.documents_left_by_edits()
    report = AnalysisReport()
    if edited:
        report = analyse_documents(
            store, edited, as_full=True, progress=progress, cancel=cancel, label=FINISHING_EDITS
        )
    if doc_ids is None:
        doc_ids = store.documents_needing_analysis(ANALYSIS_VERSION)
    done = set(edited)
    # with what an analysis that ended halfway analysed, again (see UNFINISHED_KEY)
    again = unfinished_documents(store)
    rest = sorted({*doc_ids, *(again or ())} - done)
    if (rest or again is not None) and not (cancel is not None and cancel.cancelled):
        # (nothing left to analyse, but an analysis ended before its corpus-wide steps:
        # they are made now)
        report = report.then(analyse_documents(store, rest, progress=progress, cancel=cancel))
    return report


#: below this many documents, starting worker processes costs more than it saves
PARALLEL_THRESHOLD = 400

Job = tuple[int, str, list[tuple[int, int]], list[tuple[int, int]], "dt.date | None"]


class Packed(NamedTuple):
    """One document's analysis as plain tuples, as close to the rows written as the worker
    can make them (pickled between processes several times faster than dataclasses, and
    the one writing process has less to do): entity keys already followed through the
    user's merges, details already JSON, dates already ISO."""

    #: (start, end, surface, entity key, kind, sentence, confidence), ignored keys left out
    mentions: list[tuple[int, int, str, str, str, int | None, float]]
    discovered: dict[str, DiscoveredName]
    unresolved_speakers: list[tuple[int, int, str]]
    #: ``LABEL_COLUMNS`` but with entity keys, without the document
    labels: list[tuple[Any, ...]]
    #: ``QUOTE_COLUMNS`` the same way
    quotes: list[tuple[Any, ...]]
    #: ``EVENT_COLUMNS`` the same way, then the participants' keys
    events: list[tuple[tuple[Any, ...], tuple[str, ...]]]
    #: why the analysis failed on the document (then it has nothing else), or None
    failure: str | None = None


def pack(found: DocumentEntities, framing: FramingResult, lex: UserLexicon) -> Packed:
    target, ignored = lex.target, lex.ignored

    def key_of(key: str | None) -> str | None:
        return None if key is None else target(key)

    mentions = []
    for m in found.mentions:
        key = target(m.key)
        if key not in ignored:
            mentions.append((m.start, m.end, m.surface, key, m.kind, m.sentence_idx, m.confidence))
    return Packed(
        mentions,
        found.discovered,
        found.unresolved_speakers,
        [
            (
                key_of(lb.entity_key),
                lb.start,
                lb.end,
                article_form(lb.text) if lb.kind == "label" else lb.text,
                lb.key,
                lb.category,
                lb.kind,
                key_of(lb.speaker_key),
                lb.sentence_idx,
                encode_details(lb.details),
            )
            for lb in framing.labels
        ],
        [
            (
                key_of(q.speaker_key),
                q.speaker_text,
                q.verb,
                q.verb_category,
                q.kind,
                q.start,
                q.end,
                q.word_count,
                q.sentence_idx,
                encode_details(q.details),
            )
            for q in framing.quotes
        ],
        [
            (
                (
                    e.type,
                    e.trigger[:200],
                    e.start,
                    e.end,
                    e.date.isoformat() if e.date is not None else None,
                    e.date_text,
                    key_of(e.place_key),
                    e.sentence_idx,
                    encode_details(e.details),
                ),
                tuple(target(k) for k in e.participants),
            )
            for e in framing.events
        ],
    )


#: documents whose sentences the splitter now reads otherwise: ``(paragraph, start, end)``
_Resplit = dict[int, list[tuple[int, int, int]]]


def _jobs(store: Store, batch: Sequence[int]) -> tuple[list[Job], _Resplit]:
    """The analysis jobs of these documents, and those of them whose sentences are split
    again. Sentences are split at import; a document last analysed by a version before
    :data:`SENTENCES_SPLIT_SINCE` was imported before the splitter learnt more («… .وأوضح»
    glued two): its sentences are split again here (once), and rewritten by the writer
    where they differ."""
    inputs = store.analysis_inputs(batch)
    jobs: list[Job] = []
    resplit: _Resplit = {}
    for doc_id in batch:
        if doc_id not in inputs:
            continue
        text, repeated, spans, published, version = inputs[doc_id]
        if version is not None and LEFT_BY_EDIT < version < SENTENCES_SPLIT_SINCE:
            fresh = document_sentences(text)
            fresh_spans = [(a, b) for _p, a, b in fresh]
            if fresh_spans != spans:
                spans, resplit[doc_id] = fresh_spans, fresh
        jobs.append((doc_id, text, repeated, spans, published))
    return jobs, resplit


def _worker_count(n_docs: int) -> int:
    return worker_count() if n_docs >= PARALLEL_THRESHOLD or worker_override() else 1


def analyse_one(
    job: Job, kb: Knowledge, fk: FramingKnowledge, lex: UserLexicon
) -> tuple[DocumentEntities, FramingResult]:
    """The pure part of analysing one document: entities, then framing."""
    _doc_id, text, repeated, sentences, published = job
    doc = DocText(text)
    found = analyse_entities(doc, kb, skip=repeated, sentence_starts=[a for a, _b in sentences])
    mentions = [
        MentionIn(m.start, m.end, lex.target(m.key), _type_of(lex.target(m.key), kb, lex), m.kind)
        for m in found.mentions
        if lex.target(m.key) not in lex.ignored
    ]
    framing = analyse_framing(doc, sentences, mentions, fk, published=published, skip=repeated)
    return found, framing


_WORKER: dict[str, object] = {}


def _init_worker(lex: UserLexicon, previous: list[EntityRecord]) -> None:
    exit_with_parent()
    gc.set_threshold(*BULK_GC_THRESHOLDS)  # a process of ours, for this work only
    kb, fk = _knowledge(lex, previous)
    _WORKER.update(kb=kb, fk=fk, lex=lex)


def analyse_packed(job: Job, kb: Knowledge, fk: FramingKnowledge, lex: UserLexicon) -> Packed:
    """:func:`analyse_one`, packed; a document the analysis fails on (a text no rule
    foresaw) gets nothing and says why, and the run goes on: one article stopped the
    analysis of the whole corpus."""
    try:
        return pack(*analyse_one(job, kb, fk, lex), lex)
    except Exception as exc:  # reported with the document, not raised
        empty = pack(DocumentEntities(), FramingResult(), lex)
        return empty._replace(failure=f"{type(exc).__name__}: {exc}"[:200])


def _analyse_in_worker(job: Job) -> Packed:
    kb, fk, lex = _WORKER["kb"], _WORKER["fk"], _WORKER["lex"]
    assert isinstance(kb, Knowledge) and isinstance(fk, FramingKnowledge)
    assert isinstance(lex, UserLexicon)
    return analyse_packed(job, kb, fk, lex)


def _pool(
    workers: int, lex: UserLexicon, previous: list[EntityRecord]
) -> AbstractContextManager[ProcessPoolExecutor]:
    """``workers`` processes that know the lexicon (:func:`~desktop.workers.worker_pool`)."""
    return worker_pool(workers, initializer=_init_worker, initargs=(lex, previous))


def _new_names(done: Sequence[tuple[Job, Packed]], key_ids: dict[str, int]) -> list[EntityRecord]:
    """The names a batch found that have no entity yet, each once, as its first
    document found it."""
    new: dict[str, DiscoveredName] = {}
    for _job, found in done:
        for key, d in found.discovered.items():
            if key not in key_ids:
                new.setdefault(key, d)
    return [
        EntityRecord(
            d.key,
            d.name,
            None,
            FOUND_TYPE,
            "discovered",
            (d.name,),
            # the name as found: a rename undone gives it back
            {"title": d.title, "affiliation": d.affiliation, FOUND_AS: d.name},
        )
        for d in new.values()
    ]


def _found_in_use(seen: Sequence[FoundSeen], lex: UserLexicon) -> tuple[dict[str, str], list[int]]:
    """What clustering takes from the found names the mentions use, as a full analysis
    would find them: key → normalised name of each name an article discovers, the name's
    own or one the user merged into it, in the order of their first places (article, then
    offset). And the ids of the names no article discovers by their own name any more
    that hold a name clustering merged into that name: not a name the user merged into
    them, nor one clustered into such a name, which stay theirs."""
    firsts: dict[str, tuple[int, str]] = {}
    lost: list[int] = []
    for found in seen:
        names = {form: " ".join(normalize(form).split()) for form in found.forms}
        keys = {form: discovered_key(name) for form, name in names.items()}
        # its own name, or one the user merged into it
        merged = [f for f, k in keys.items() if k == found.key or lex.target(k) == found.key]
        for form in merged:
            key, at = keys[form], found.forms[form]
            if key not in firsts or at < firsts[key][0]:
                firsts[key] = (at, found.name if key == found.key else names[form])
        if any(keys[f] == found.key for f in merged):
            continue
        if any(
            not any(
                len(names[m].split()) >= len(names[f].split()) and same_person(names[m], names[f])
                for m in merged
            )
            for f in found.forms
            if f not in merged
        ):
            lost.append(found.entity_id)
    return {key: name for key, (_at, name) in sorted(firsts.items(), key=lambda kv: kv[1])}, lost


def _type_of(key: str, kb: Knowledge, lex: UserLexicon) -> str:
    if key in lex.types:
        return lex.types[key]
    info = kb.entities.get(key)
    return info.type if info is not None else "person"  # discovered names are people


def _add_framing(out: FramingRows, doc_id: int, f: Packed, key_ids: dict[str, int]) -> None:
    """A document's labels, quotes and events as rows, entity keys made ids."""
    eid = key_ids.get  # None for None
    out.labels.extend(
        (
            doc_id,
            eid(ent),
            a,
            b,
            text,
            key,
            cat,
            kind,
            eid(spk),
            sent,
            details,
        )
        for ent, a, b, text, key, cat, kind, spk, sent, details in f.labels
    )
    out.quotes.extend((doc_id, eid(spk), *rest) for spk, *rest in f.quotes)
    for (etype, trigger, a, b, date, date_text, place, sent, details), people in f.events:
        ids = tuple(i for i in map(eid, people) if i is not None)
        out.events.append(
            ((doc_id, etype, trigger, a, b, date, date_text, eid(place), sent, details), ids)
        )


def _mention_rows(f: Packed, key_ids: dict[str, int]) -> list[NewMention]:
    return [
        NewMention(start, end, surface, key_ids[key], kind, sentence, confidence)
        for start, end, surface, key, kind, sentence, confidence in f.mentions
        if key in key_ids
    ]


def _cluster(
    store: Store, discovered: dict[str, str], lex: UserLexicon, key_ids: dict[str, int]
) -> None:
    """Merge spelling variants of discovered names found across the corpus."""
    for source, (target, _score) in cluster_names(discovered.items()).items():
        if source not in lex.merged:
            lex.merged[source] = target
    moves = []
    for source, target in lex.merged.items():
        final = lex.target(target)
        if source in key_ids and final in key_ids:
            moves.append((key_ids[source], key_ids[final]))
    store.reassign_mentions(moves)


#: a name after a reporting verb that the document alone could not resolve, and that no
#: mention covers: (original start, original end, normalised form, surface, sentence)
_Slot = tuple[int, int, str, str, "int | None"]


def _free_slots(
    unresolved: Sequence[tuple[int, int, str]],
    mentions: Sequence[NewMention],
    text: str,
    sentences: Sequence[tuple[int, int]],
) -> list[_Slot]:
    """The slots no mention overlaps, with what resolving them later needs (kept for the
    whole run, so only these few tuples, not the document's mentions)."""
    spans = sorted((m.start, m.end) for m in mentions)
    starts = [a for a, _b in spans]
    #: the furthest end of the mentions up to each one
    reach = list(itertools.accumulate((b for _a, b in spans), max))
    sentence_starts = [a for a, _b in sentences]
    out: list[_Slot] = []
    for a, b, form in unresolved:
        i = bisect.bisect_left(starts, b)  # mentions starting before the slot ends
        if i and reach[i - 1] > a:
            continue  # a mention already stands on these words
        sentence = max(0, bisect.bisect_right(sentence_starts, a) - 1) if sentences else None
        out.append((a, b, form, text[a:b], sentence))
    return out


def _resolve_speakers(
    store: Store,
    kb: Knowledge,
    speakers: dict[int, list[_Slot]],
    lex: UserLexicon,
    key_ids: dict[str, int],
) -> int:
    """«وأكد خاجي» in a document that never names him in full: the corpus knows one
    person of that family name (or full name)."""
    if not speakers:
        return 0
    index: dict[str, set[str]] = {}
    for key, info in kb.entities.items():
        if info.type == "person":
            for alias in info.aliases or [info.name]:
                index.setdefault(" ".join(normalize(alias).split()), set()).add(key)
    for form, keys in kb.surnames.items():
        index.setdefault(form, set()).update(keys)
    # found names by their names and by every spelling they were found under: the
    # spellings clustering merged into a name have lost their own entities once an
    # analysis ends, and an edit analysing a few articles must still know them
    people = set()
    named = []
    for key, name, etype, origin in store.discovered_names():
        # the type and the ignores the edits in force give (the stored ones are set
        # after this run)
        if key in lex.ignored:
            continue
        if lex.types.get(key, FOUND_TYPE if origin == "discovered" else etype) == "person":
            people.add(key)
            named.append((key, name))
    for key, name in [*named, *((k, f) for k, f in store.found_forms() if k in people)]:
        index.setdefault(name, set()).add(key)
        words = name.split()
        if len(words) >= 2 and len(words[-1]) >= 4:
            index.setdefault(words[-1], set()).add(key)
    found: list[tuple[int, list[NewMention]]] = []
    said: list[tuple[int, str, int]] = []  # the quotations of the names resolved
    for doc_id, slots in speakers.items():
        rows = []
        taken: list[tuple[int, int]] = []
        for a, b, form, surface, sentence in slots:
            keys = {lex.target(k) for k in index.get(form, set())}
            if len(keys) != 1:
                continue
            key = keys.pop()
            if key in lex.ignored or key not in key_ids:
                continue
            if any(a < e and s < b for s, e in taken):
                continue  # two slots over the same words («خاجي» and «خاجي قوله»)
            taken.append((a, b))
            rows.append(NewMention(a, b, surface, key_ids[key], "surname", sentence, 0.7))
            said.append((doc_id, surface, key_ids[key]))
        if rows:
            found.append((doc_id, rows))
    store.add_mentions_many(found, said)
    return sum(len(rows) for _d, rows in found)
