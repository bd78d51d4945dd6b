"""Framing in one document: labels, appositions, scare quotes, distancing, reporting
verbs, quotes (direct, partial, indirect) with their speakers, and events.

Pure: the text, its sentences and its entity mentions in; drafts out, with offsets into
the original text.
"""

from __future__ import annotations

import bisect
import contextlib
import datetime as dt
import itertools
import re
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from desktop.analysis.doctext import DocText
from desktop.analysis.entities import CALLED, PARTY_HEADS, SAID_IN
from desktop.analysis.knowledge import DocumentSubjects, Knowledge
from desktop.analysis.matcher import AliasMatcher, MatcherGroup
from desktop.analysis.spans import Spans
from desktop.lexicon.framing import (
    NO_EVENT,
    DistancingEntry,
    LabelEntry,
    PlannedWords,
    load_distancing,
    load_event_triggers,
    load_labels,
    load_planned,
)
from desktop.lexicon.words import (
    load_body_heads,
    load_name_heads,
    load_relatives,
    load_time_units,
    load_unnamed_sources,
    load_written_on,
)
from desktop.text.dates import month_names
from desktop.text.normalize import OffsetMap, normalize
from desktop.text.numbers import Figure, read_figures
from desktop.text.reldates import WEEKDAYS, DateMention, find_dates
from desktop.text.tokens import strip_proclitic

SPEAKER_TYPES = frozenset({"person", "organisation", "state", "media", "group"})
ACTOR_TYPES = SPEAKER_TYPES
#: quoted spans up to this many words are labels or fragments, not speeches
SHORT_QUOTE = 3
#: verbs that name or describe someone: a quoted label after them is the speaker's word
DESCRIBING_VERBS = frozenset({"وصف", "اعتبر", "سمي", "اطلق", "نعت"})
#: «بحسب X», «وفق X»: the sentence is attributed to X
ACCORDING_TO = ("بحسب", "حسب", "وفق", "وفقا ل", "نقلا عن", "طبقا ل")
#: words that make a reporting verb after them no speech: «لم يذكر», «دون ذكر»
_NEGATING = frozenset(c + w for w in ("لم", "لن", "دون", "بدون", "عدم") for c in ("", "و", "ف"))
#: definite nouns ending in «ة» that name men and take a masculine verb (normalised)
_MASCULINE_IN_TA = frozenset({"الداعيه", "الخليفه", "العلامه", "الرحاله"})
#: nouns that refer back to a named body: «وقال المكتب» → the office named before
ANAPHORS = {
    "المكتب": "مكتب",
    "الوكاله": "وكاله",
    "الوزاره": "وزاره",
    "الجيش": "الجيش",
    "الخارجيه": "الخارجيه",
    "الفريق": "فريق",
    "المنظمه": "منظمه",
    "البيان": "بيان",
    "الهيئه": "هيئه",
    "المجلس": "مجلس",
    "الحكومه": "الحكومه",
    "المنصه": "منصه",
}
#: when no earlier name starts with the noun, the latest entity of this type
ANAPHOR_TYPES = {
    "الوكاله": "media",
    "المنظمه": "organisation",
    "الهيئه": "organisation",
    "الحكومه": "state",
}
#: what a ministry's name may begin with, without «وزارة» («الخارجية الروسية»), normalised
_MINISTRIES = ("الخارجيه", "الدفاع", "الداخليه")
#: what begins the name of media that are no news agency, normalised
_NO_AGENCY = ("قناه", "منصه", "صحيفه", "موقع", "تلفزيون", "اذاعه", "مجله", "جريده", "شبكه")
#: what the name of any media begins with, an agency's included, normalised
_MEDIA_NOUNS = frozenset({*_NO_AGENCY, "وكاله"})
_LOCATIVES = frozenset(
    {
        "حول",
        "قرب",
        "ريف",
        "مدينه",
        "شمال",
        "جنوب",
        "شرق",
        "غرب",
        "داخل",
        "خارج",
        "محيط",
        "اطراف",
        "ضواحي",
        "وسط",
        "الي",
        "نحو",
        "باتجاه",
        # the city itself: «محافظتي دمشق واللاذقية», «العاصمة دمشق», «أحياء دمشق»
        "محافظه",
        "محافظتي",
        "محافظات",
        "مدينتي",
        "العاصمه",
        "عاصمه",
        "احياء",
        "شوارع",
        "قلب",
        "سكان",
        "اهل",
        "اهالي",
        "جامعه",
        "مطار",
        "بلديه",
    }
)
#: «نسخة منه»: a statement's copy that the outlet had, normalised
_COPIES = frozenset({"نسخه منه", "نسخه عنه", "نسخه منها", "نسخه عنها"})
#: what opens a sentence that quotes a statement without a reporting verb («وجاء في
#: بيان مونشن:», «وورد في التقرير»), normalised
_CAME_IN = frozenset({"جاء", "وجاء", "فجاء", "ورد", "وورد"})
#: reporting verbs whose object comes before «بأن» and is part of what was said
#: («وصف المحادثات بأنها إيجابية»)
_DESCRIBING = frozenset({"وصف"})
#: an object pronoun standing alone («واصفاً إياه بأنه»), normalised
_OBJECT_PRONOUNS = frozenset({"اياه", "اياها", "اياهم", "اياهما", "اياهن"})
_COMPLEMENTISERS = frozenset(
    {"ان", "انه", "انها", "انهم", "انهما", "اننا", "انني", "بان", "بانه", "بانها", "بانهم",
     "بانهما", "باننا", "بانني"}
)  # fmt: skip
#: words right after a reporting verb that are not its subject (when, how, to or of whom:
#: «وقال أمس إن», «وأكد مجددا أن», «وقال عنه إن»), normalised
_NOT_SUBJECTS = frozenset(
    {
        "امس", "اليوم", "غدا", "مساء", "صباح", "سابقا", "لاحقا", "مجددا", "حينها", "انذاك",
        "بدوره", "بدورها", "بدورهم", "ايضا", "كذلك", "خلال", "عبر", "بعد", "قبل", "بعدها",
        "حين", "عندما", "اثناء", "فيما", "مرارا", "صراحه", "بوضوح", "اخيرا", "مؤخرا", "مره",
        "ثم", "كما", "لكن", "عنه", "عنها", "عنهم", "فيه", "فيها", "منه", "منها", "هنا", "هناك",
        "بدون", "دون", "حاليا", "مرات", "ساعات", "وقت", "يوم", "يومين", "مسبقا", "رسميا",
    }
)  # fmt: skip
#: «السابق», «السابقة» after an office: who held it before (normalised)
_FORMER = frozenset({"السابق", "السابقه", "الاسبق", "الاسبقه"})
_RELATIVES = frozenset({"الذي", "التي", "الذين", "اللذان", "اللتان"})
#: what must be done, said without quotation marks («وأضاف يجب أن»): no speaker's name
_MODALS = frozenset({"يجب", "ينبغي", "لابد", "يتعين", "يمكن", "نريد", "اريد", "علينا"})
#: how someone spoke, in «ب» («يقول بانتظام إن»), normalised
_MANNER_ADVERBS = frozenset(
    {"بانتظام", "باستمرار", "بشده", "بقوه", "بحزم", "بصراحه", "بدقه", "بوضوح", "بثقه", "بحسم"}
)
#: when or how a subject spoke, right after it and before what it said («، الأربعاء، إلى»,
#: «أمس»), normalised
_WHEN_SAID = frozenset(
    {"امس", "اليوم", "يوم", "مساء", "صباح", "مجددا", "ايضا", "كذلك", "بدوره", "بدورها",
     "بدورهم", "اخيرا", "مؤخرا", "سابقا", "لاحقا", "حينها", "رسميا", "صراحه", "بوضوح"}
)  # fmt: skip
#: a clause naming the sentence's source after what was said («، بحسب ما نقلت…»)
_SOURCE_CLAUSE_RE = re.compile(
    r"[،,]\s*و?(?:بحسب|حسب|وفقا|وفقاً|وفق|طبقا|طبقاً|حسبما|بحسبما)(?![^\W\d_])"
)
#: «بحسب ما», «وفقاً لما» right before a verb: it names a source («بحسب ما نقلت وكالة»),
#: where «في ما قالت الوزارة إن…» and «على ما قالت المعارضة إنه…» report speech
_MA_BEFORE = re.compile(
    r"(?<![^\W\d_])(?:(?:بحسب|حسب|وفق|وفقا|وفقاً|طبقا|طبقاً)\s+ل?ما|ب?حسبما)\s+\Z"
)
#: nouns before a place name that make it the name of something else («منصة موسكو»,
#: «مسار أستانا»), normalised
_NAMING_HEADS = frozenset(
    {"منصه", "منصتي", "منصات", "عمليه", "مسار", "صيغه", "محور", "جماعه", "اعلان", "بيان"}
)
#: words that open a clause setting one speech against another, normalised
_CLAUSE_OPENERS = frozenset(
    {"فيما", "وفيما", "بينما", "وبينما", "لكن", "ولكن", "لكنه", "حين", "اما", "واما"}
)
#: words too common to look for a sign of an event to come by, where they end one
#: («اتفقا على أن»), normalised
_COMMON_ENDS = frozenset({"ان", "عقد", "اجراء", "استئناف"})
#: what the actors spoke in between a verb and what they discussed («وناقش بوتين
#: وأردوغان في اتصال هاتفي عقد قمة», «خلال لقائهما»), normalised, without the article
_HOW_SPOKE = frozenset(
    {"اتصال", "اتصالا", "اتصاله", "اتصالهما", "مكالمه", "محادثه", "لقاء", "لقائه",
     "لقائها", "لقائهما", "لقائهم", "اجتماع", "اجتماعه", "اجتماعها", "اجتماعهما", "قمه",
     "محادثات", "مباحثات", "جلسه", "مؤتمر", "موتمر"}
)  # fmt: skip
#: the words of such a phrase after its noun («هاتفي», «عبر تقنية الفيديو»,
#: «جرى بينهما»), normalised
_HOW_SPOKE_TAIL = frozenset(
    {"هاتفي", "هاتفيا", "الهاتفي", "هاتفيه", "الهاتفيه", "مرئي", "مرئيا", "المرئي", "عبر",
     "الفيديو", "تقنيه", "جري", "جرت", "بينهما", "بينهم", "مغلق", "مغلقه", "ثنائي",
     "ثنائيه", "الثنائي", "الثنائيه", "امس", "اليوم"}
)  # fmt: skip
#: how they spoke in one word («وبحث الرئيسان هاتفياً عقد قمة»)
_HOW_SPOKE_ALONE = frozenset({"هاتفيا"})
#: an opener of a clause of its own subject right before a verb («، فيما نفى المرصد ذلك»,
#: «بينما أشار الوزير», «في حين»): a reporting verb after one is another speaker's
_WHILE_RE = re.compile(r"(?<![^\W\d_])(و?(?:فيما|بينما|في\s+حين))\s+\Z")
#: words before an office that make it somebody else's («مساعد وزير الخارجية», «نائب
#: رئيس الوزراء»), normalised
_DEPUTIES = frozenset(
    {"مساعد", "مساعده", "نائب", "نائبه", "معاون", "معاونه", "مستشار", "مستشاره", "وكيل",
     "كبير", "مدير", "ناطق", "متحدث", "سفير", "مبعوث", "ممثل"}
)  # fmt: skip
#: words that deny what follows them («لم», «دون», «عدم»), normalised
_NEGATORS = frozenset(
    {"لم", "ولم", "فلم", "لن", "ولن", "فلن", "لا", "ولا", "فلا", "ليس", "وليس", "ليست",
     "وليست", "عدم", "وعدم", "دون", "ودون", "بدون", "وبدون", "غياب", "وغياب"}
)  # fmt: skip
#: words that may stand between a negator and the event it denies («لم يتم التوصل إلى
#: اتفاق», «لن تعقد أي محادثات», «لم نرَ وقفاً لإطلاق النار»), normalised; anything else
#: between them («لا يزال وقف إطلاق النار صامداً») and the event is not denied
_NEGATED_THROUGH = frozenset(
    {"اي", "الي", "التوصل", "يتم", "تتم", "يجر", "تجر", "يجري", "تجري", "يعقد", "تعقد",
     "نر", "نري", "ير", "يري", "تر", "تري", "يوجد", "توجد", "هناك", "يحصل", "يحدث", "تحدث",
     "يتوصل", "تتوصل", "يتوصلوا", "يتوصلا", "نتوصل", "ابرام", "توقيع", "يوقع", "توقع",
     "يبرم", "تبرم", "اعلان", "يعلن", "تعلن", "بعد", "حتي", "الان", "تبدا", "يبدا",
     "خطوات", "خطوه", "مثل", "نريد", "تريد", "يريد", "يريدون", "ينبغي", "يجب", "عقد",
     "اجراء"}
)  # fmt: skip
#: «رفض» (refused) as a verb, without a conjunction: its subject may stand right before
#: it («إن الحكومة السورية ترفض»), normalised
_REFUSING_VERBS = frozenset(
    {"رفض", "رفضت", "رفضا", "رفضتا", "رفضوا", "يرفض", "ترفض", "نرفض", "ارفض", "يرفضون",
     "يرفضان", "ترفضان"}
)  # fmt: skip
#: «رفض» and its forms, with a conjunction, as a document's words are: a verb («ورفض وفد
#: المعارضة إجراء محادثات»), a noun with its pronoun («وأعلن الائتلاف رفضه حضور
#: الاجتماع») or a participle («رافضاً المشاركة في المفاوضات»), normalised
_REFUSALS = frozenset(
    c + w
    for c in ("", "و", "ف")
    for w in _REFUSING_VERBS
    | {"رفضه", "رفضها", "رفضهم", "رفضهما", "رفضنا", "رافضا", "رافضه", "رافضين", "رافضون"}
)
#: what may stand between a refusal and the event refused: taking part in it («إجراء»,
#: «المشاركة في», «حضور», «الجلوس إلى طاولة», «التوقيع على»), normalised; with «بـ» or
#: «لـ» fused to them too («دعوة للمشاركة في»). Anything else («رفض الاتهامات بعرقلة
#: المحادثات») and the event is not refused
_REFUSED_THROUGH = frozenset(
    {"اجراء", "عقد", "المشاركه", "مشاركه", "حضور", "الحضور", "الدخول", "الانخراط", "الجلوس",
     "العوده", "الذهاب", "التوجه", "استئناف", "قبول", "التوقيع", "توقيع", "ابرام",
     "الانضمام", "دعوه", "الدعوه", "في", "الي", "علي", "اي", "طاوله", "جوله", "جولات",
     "الجوله", "من", "جديده", "جديد", "المقبله", "ان", "يشارك", "تشارك", "يحضر", "تحضر"}
)  # fmt: skip
#: of those, the acts of making an agreement: an agreement refused without one («رفضت
#: المعارضة الاتفاق الروسي التركي») was made, and only one party rejects it
_MAKING = frozenset({"التوقيع", "توقيع", "ابرام", "الانضمام", "الدخول", "قبول", "اي"})
#: events a party may refuse to hold or take part in; a statement, a resolution or a
#: strike refused («رفضت الخارجية البيان», «رفض الهجوم على إدلب») is there, and rejected
_REFUSABLE = frozenset({"talks", "meeting", "call", "visit", "ceasefire", "agreement"})
#: words that make what follows them wished, asked for or feared rather than done
#: («دعا إلى وقف إطلاق النار», «طالب بعقد محادثات», «احتمال نزوح»), normalised
_WISHES = frozenset(
    {"دعا", "دعت", "يدعو", "تدعو", "ندعو", "دعوا", "دعوه", "دعوات", "طالب", "طالبت",
     "يطالب", "تطالب", "نطالب", "طالبوا", "مطالبه", "مطالبات", "حث", "حثت", "يحث", "تحث",
     "ناشد", "ناشدت", "يناشد", "تناشد", "اقترح", "اقترحت", "يقترح", "تقترح", "مقترح",
     "اقتراح", "احتمال", "احتمالات", "امكانيه", "امكان", "خطر", "مخاطر", "مخاوف",
     "يامل", "تامل", "نامل", "يسعي", "تسعي", "نسعي", "سعي", "جهود", "الجهود",
     "مطالبا", "داعيا", "دعوته", "دعوتها", "دعوتهم", "نريد", "يريد", "تريد", "يريدون",
     "ينبغي", "يجب", "ضروره", "اهميه", "امله", "املها", "املهم", "املنا", "امال",
     "يتطلع", "تتطلع", "نتطلع", "رغبته", "رغبتها", "رغبتهم"}
)  # fmt: skip
#: hopes that lead to what they hope for with «في» («عن أمله في عودة …», «يأمل في»)
_HOPING_IN = frozenset(
    {"يامل", "تامل", "نامل", "امله", "املها", "املهم", "املنا", "رغبته", "رغبتها", "رغبتهم"}
)
#: what, asked for, keeps an event that is there («الالتزام بوقف إطلاق النار»), normalised
_KEEPING = frozenset(
    {"احترام", "الاحترام", "الالتزام", "التزام", "تطبيق", "تنفيذ", "دعم", "تثبيت", "تمديد",
     "استمرار", "حمايه", "صون", "المحافظه", "الحفاظ", "تعزيز", "يلتزم", "تلتزم", "صمود"}
)  # fmt: skip
#: an agreement, named after a place or a body when it is one that was made
_AGREEMENTS = frozenset({"اتفاق", "الاتفاق", "اتفاقيه", "الاتفاقيه", "تفاهمات", "مذكره"})
#: asking words that are nouns: what they ask for is near them («جهود التوصل إلى اتفاق»)
_EFFORTS = frozenset({"جهود", "الجهود", "سعي"})
#: those that also stand right before the event they ask for, no «إلى» between («نريد
#: وقفاً لإطلاق النار», «ضرورة وقف إطلاق النار», «ينبغي عقد محادثات»)
_WANTS = frozenset({"نريد", "يريد", "تريد", "يريدون", "ينبغي", "يجب", "ضروره", "اهميه"})
#: what after an event asks for it («وقف إطلاق النار في أقرب وقت ممكن»), normalised
_SOON = (("في", "اقرب", "وقت"), ("في", "اسرع", "وقت"), ("باسرع", "وقت"), ("باقرب", "وقت"))
_SOON_HEADS = frozenset(w for phrase in _SOON for w in phrase[:2] if w != "في")
#: those that may stand right before the event, no «إلى» between («احتمال نزوح»)
_FEARS = frozenset({"احتمال", "احتمالات", "امكانيه", "امكان", "خطر", "مخاطر", "مخاوف"})
#: events nobody asks for: only a fear of them is read («مخاوف من نزوح»)
_NOT_ASKED_FOR = frozenset({"offensive", "casualties", "displacement"})
#: words after which a place is where the event is held («باستضافة من العاصمة القطرية
#: الدوحة», «تستضيف أستانا»), normalised
_HOSTING = frozenset(
    {"استضافه", "باستضافه", "واستضافه", "تستضيف", "يستضيف", "استضافت", "تستضيفها",
     "تحتضن", "يحتضن", "احتضنت", "تحتضنها"}
)  # fmt: skip
#: what after a weekday makes it the one gone by («الثلاثاء الماضي»), normalised
_GONE_BY = tuple(normalize(w) for w in ("الماضي", "الفائت", "المنصرم"))
#: words after which a place is what an event is about, not where («بشأن إدلب»)
_ABOUT = frozenset(
    {"بشان", "حول", "عن", "حيال", "تجاه", "بخصوص", "ازاء", "لبحث", "بحث", "لمناقشه",
     "مناقشه", "لبحثه", "وبحث"}
)  # fmt: skip
#: a participle after an event that says it took place («اتفاق سوتشي الموقع»),
#: normalised
_DONE_SO = frozenset(
    {"الموقع", "الموقعه", "المبرم", "المبرمه", "المنعقد", "المنعقده", "الصادر", "الصادره"}
)
#: words that make a date after them qualify a noun («الاتفاق الموقع في 5 آذار»),
#: normalised
_ATTRIBUTIVE = _DONE_SO | {
    "المعلن", "المعلنه", "المقرر", "المقرره", "المزمع", "المزمعه", "الذي", "التي"
}  # fmt: skip
#: past verbs after «الذي»/«التي» that say an event took place («الاجتماع الذي عقد»)
_DONE_VERBS = frozenset(
    {"عقد", "عقدت", "جري", "جرت", "تم", "وقع", "وقعت", "ابرم", "اعلن", "اعلنت", "انعقد",
     "انعقدت", "شهد", "شهدت", "اجري", "اجريت", "دخل", "بدا", "بدات", "سري", "توصل",
     "توصلت"}
)  # fmt: skip
#: the two sides as a subject («وعقد الطرفان اجتماعاً»), normalised
_BOTH_SIDES = frozenset(
    {"الطرفان", "الجانبان", "الوفدان", "البلدان", "الوزيران", "الرئيسان", "الزعيمان"}
)
#: words that open a clause of its own after a comma («، كما أجرت»), normalised
_NEW_CLAUSE = _CLAUSE_OPENERS | {"كما", "ثم", "كذلك", "فيما", "بينما", "حيث"}
#: what after a date makes it the day something was said («، الأحد، أن»), normalised
_SAID_THAT = ("ان ", "انه", "انها", "انهم", "بان", ":")
#: words that make a date after them an end («تمديد الهدنة حتى 15 آذار»), normalised
_UNTIL = frozenset(
    {"حتي", "لغايه", "غايه", "ينتهي", "تنتهي", "انتهاء", "نهايه", "مهله", "موعد", "اقصاه",
     "قبل", "بحلول"}
)  # fmt: skip
#: words that make a date after them a start («اعتباراً من 6 آذار»), normalised: the
#: start of the event right before them («وقف إطلاق النار اعتباراً من»), of no other
#: («أعلنا في ختام المحادثات فتح المعابر اعتباراً من الأربعاء المقبل»: the opening's)
_FROM = frozenset({"اعتبارا", "ابتداء", "بدءا", "يسري", "تسري"})
#: what may stand between an event and the start word of its date («وقف إطلاق النار
#: الذي يدخل حيز التنفيذ اعتباراً من»), normalised
_TAKING_EFFECT = frozenset(
    {"الذي", "التي", "يدخل", "تدخل", "حيز", "التنفيذ", "يبدا", "تبدا", "سريانه",
     "سريانها", "تنفيذه", "تنفيذها", "العمل", "به", "بها", "مجددا"}
)  # fmt: skip
#: a verb between an event and where it was held («اجتماع عقد في أذربيجان»), normalised
_HELD = frozenset(
    {"عقد", "عقدت", "تعقد", "يعقد", "ستعقد", "سيعقد", "انعقد", "انعقدت", "المنعقد",
     "المنعقده", "جري", "جرت", "تجري", "يجري", "اجري", "اجريت", "اقيم", "اقيمت"}
)  # fmt: skip
#: words after which «عن» is on whose behalf, not what about («ممثلين عن»), normalised
_ON_BEHALF = frozenset(
    {"ممثل", "ممثلا", "ممثلين", "ممثلي", "ممثلو", "ممثله", "ممثلون", "نيابه", "بالنيابه",
     "مندوب", "مندوبين", "مندوبي", "وفد", "وفدا"}
)  # fmt: skip
#: a preposition that begins how a subject spoke, after it and before «إن» («وقال المتحدث
#: باسم الجيش الروسي في بيان إن», «… خلال مؤتمر صحفي إن», «… عبر حسابه في تويتر إن»)
_MANNER = frozenset({"في", "خلال", "عبر", "ضمن"})
#: who speaks «باسم» a body (normalised)
_SPOKESPEOPLE = frozenset({"المتحدث", "الناطق", "المتحدثه", "الناطقه", "والمتحدث", "والناطق"})
#: a source's wish not to be named, between commas after it («مسؤول أمريكي، طلب عدم
#: الكشف عن اسمه، إن …»), normalised: the words of each place in turn, a set of forms
_UNNAMED_CLAUSE: tuple[frozenset[str], ...] = (
    frozenset({"الذي", "التي", "الذين", "والذي", "والتي"}),  # optional
    frozenset({"طلب", "طلبت", "طلبا", "طلبوا", "فضل", "فضلت", "فضلوا", "رفض", "رفضت", "رفضوا",
               "مفضلا", "طالبا"}),
    frozenset({"عدم"}),  # optional after «رفض»
    frozenset({"الكشف", "ذكر", "نشر", "الافصاح", "كشف"}),
    frozenset({"عن"}),  # optional after «ذكر», «نشر»
    frozenset({"اسمه", "اسمها", "اسمهم", "اسمائهم", "هويته", "هويتها", "هويتهم", "هوياتهم",
               "اسمهما", "هويتهما"}),
)  # fmt: skip
#: after a word that tells of what is to come, what makes it «coming from» or «to» a place
#: («العائلات القادمة من حلب», «الحافلات القادمة إلى دمشق»), normalised
_COMING_FROM = frozenset({"من", "الي", "عبر", "نحو", "باتجاه"})
#: what may follow a future verb after an event: when or where it comes («المحادثات التي
#: ستعقد في جنيف», «… ستبدأ الأسبوع المقبل»), not a subject or an object of its own
_WHEN_TO_COME = frozenset(
    {"في", "خلال", "يوم", "غدا", "بعد", "قبل", "مطلع", "منتصف", "اواخر", "اوائل", "نهايه",
     "بدايه", "الاسبوع", "الشهر", "العام", "الاسابيع", "الايام", "الاشهر", "قريبا", "مجددا",
     "لاحقا", "اليوم", "الاثنين", "الثلاثاء", "الاربعاء", "الخميس", "الجمعه", "السبت",
     "الاحد", "بين", "بحضور", "برعايه", "بمشاركه", "حتي"}
)  # fmt: skip
#: the same with a conjunction before them («ودعا», «فطالب»), as a document's words are
#: («آمل» is read as written: «أمل» is also a name, below)
_WISH_FORMS = _WISHES | {c + w for w in _WISHES | {"امل"} for c in ("", "و", "ف")}
#: words that may stand between such a word and the event («دعا إلى عقد محادثات»)
_WISHED_THROUGH = frozenset(
    {"الي", "اي", "التوصل", "عقد", "اجراء", "ابرام", "تحقيق", "حدوث", "وقوع", "موجه",
     "اعلان", "جديده", "جديد", "فوري", "فوريه", "شامل", "شامله", "الفوري", "المزيد",
     "مزيد", "من", "اعاده", "عوده", "استئناف", "التوجه", "فورا", "يعقد", "تعقد", "يتم",
     "تتم", "يجري", "تجري", "يبدا", "تبدا", "جوله", "جولات", "طاوله"}
)  # fmt: skip
#: what leads from an asking word to the event as «إلى» does: «الدخول في مفاوضات»
_ENTERING = frozenset({"الدخول", "بالدخول", "للدخول", "الانخراط", "بالانخراط"})
#: «بحسب», «وفق»: what follows is the source of the sentence
_ACCORDING_TO = frozenset({"بحسب", "حسب", "وفق"})
#: how many words after a relaying verb's subject «قوله» is looked for («ونقل بيان صادر عن
#: وزارة الإعلام عن النائب العام الشيخ سعود بن عبد الله المعجب قوله»)
_RELAY_WITHIN = 24
#: «قوله» after a subject: its words follow (normalised)
_SAYING = frozenset({"قوله", "قولها", "قولهم", "قولهما"})
#: what opens words about a speaker after the name, before what was said, normalised
_ASIDES = frozenset({"وهي", "وهو", "وهم", "الذي", "التي", "الذين"})
_PREPOSITIONS = frozenset({"مع", "الي", "عن", "من", "علي", "في", "لدي", "ضد", "بين"})
#: how many speak when a crowd does («وأعرب عشرات الأكراد»), normalised
_HOW_MANY = frozenset({"عشرات", "مئات", "الاف", "الوف", "ملايين"})
#: words that govern the name after them as prepositions do («أطلقت باتجاه إسرائيل»): it
#: is no subject of the sentence (normalised)
_GOVERNING = frozenset(
    {"باتجاه", "تجاه", "نحو", "صوب", "حول", "بشان", "ازاء", "بحق", "امام", "عبر", "داخل",
     "خارج", "قرب", "بالقرب", "ضمن", "لصالح", "بدعم", "بمشاركه"}
)  # fmt: skip
#: reporting verbs that, right before «أن», are impersonal («يُذكر أن», «يُشار إلى»
#: aside), the writer's own note (normalised)
_IMPERSONAL = frozenset({"يذكر", "يقال"})
#: verbs of writing: they report only where words are written for others follow them
#: (:attr:`FramingKnowledge.written_on`), lemmas normalised
_WRITING = frozenset({"كتب"})
#: how many words after a verb of writing may name where it was written
_WRITTEN_ON_WITHIN = 8
#: «إنه», «أنها» …: a verb right after has the pronoun for its subject (normalised)
_PRONOUN_THAT = frozenset({"انه", "انها", "انهم", "انهما", "بانه", "بانها", "بانهم"})
#: words after an anaphoric noun that any such body has («الوكالة الرسمية»), normalised
_ANY_ONES = frozenset({"الرسميه", "الرسمي", "المذكوره", "المذكور", "نفسها", "نفسه", "ذاتها"})
#: nouns that, with a nationality, stand for its state («الحكومة السودانية», «الجانب
#: الروسي»), normalised
_SIDES = frozenset({"الحكومه", "الجانب", "السلطات"})
#: reporting verbs whose words follow a preposition rather than «أن», and that
#: preposition («وشددت الحركة الشعبية على ضرورة …», «ودعا المجلس العسكري إلى …»): the
#: definite words between verb and preposition are its subject, normalised
_SAID_AFTER = {
    "شدد": "علي",
    "اكد": "علي",
    "حث": "علي",
    "ركز": "علي",
    "دعا": "الي",
    "اشار": "الي",
    "لفت": "الي",
    "نوه": "الي",
}
#: what, right before a capital, makes it a place rather than its government
_PLACE_BEFORE = _PREPOSITIONS | _LOCATIVES
#: verbs whose object a capital after them is, where it stays a place («وزار المبعوث
#: دمشق», «ووصل الوفد دمشق», «وقصفت طائرات دمشق», «واستضافت دمشق»), normalised
_TO_A_PLACE = frozenset(
    {"زار", "زارت", "يزور", "تزور", "سيزور", "ستزور", "زياره", "زيارته", "زيارتها", "وصل",
     "وصلت", "يصل", "تصل", "سيصل", "ستصل", "غادر", "غادرت", "يغادر", "تغادر", "عاد", "عادت",
     "يعود", "تعود", "قصف", "قصفت", "يقصف", "تقصف", "استهدف", "استهدفت", "يستهدف",
     "تستهدف", "دخل", "دخلت", "يدخل", "تدخل", "شهدت", "تشهد", "استضافت", "تستضيف",
     "احتضنت", "تحتضن", "تعرضت", "تتعرض", "حاصر", "حاصرت", "هاجم", "هاجمت"}
)  # fmt: skip
#: verbs of doing, besides those of saying and of events, whose subject a capital right
#: after them is («ورحبت أنقرة», «ورفضت دمشق», «وتدعم موسكو»): the feminine forms a
#: capital takes, as written
_ACTING = frozenset(
    normalize(w)
    for w in (
        "رحبت", "ترحب", "رفضت", "ترفض", "نددت", "تندد", "أدانت", "تدين", "دانت", "قررت",
        "تقرر", "هددت", "تهدد", "ردت", "ترد", "وافقت", "توافق", "قبلت", "تقبل", "أرسلت",
        "ترسل", "طردت", "تطرد", "استدعت", "تستدعي", "فرضت", "تفرض", "أيدت", "تؤيد", "دعمت",
        "تدعم", "اقترحت", "تقترح", "عرضت", "تعرض", "سحبت", "تسحب", "اعترضت", "تعترض", "أبلغت",
        "تبلغ", "طلبت", "تطلب", "سعت", "تسعى", "أرادت", "تريد", "حاولت", "تحاول", "اتخذت",
        "تتخذ", "استنكرت", "تستنكر", "أبدت", "تبدي", "عبرت", "تعبر", "تمسكت", "تتمسك", "أصرت",
        "تصر", "انتقدت", "تنتقد", "اعترفت", "تعترف", "اعتزمت", "تعتزم", "واصلت", "تواصل",
        "استبعدت", "تستبعد", "خشيت", "تخشى", "شنت", "تشن"
    )
)  # fmt: skip
#: nouns after which a capital names what was held or founded there, not its government
#: («منصة موسكو», «مؤتمر الرياض», «وفد الرياض», «مسار أستانا»), normalised; the event
#: triggers of events.tsv count as well («محادثات موسكو», «قمة طهران», «زيارة أنقرة»)
_NAMED_AFTER = frozenset(
    {"منصه", "منصتي", "منصات", "مؤتمر", "هيئه", "مجموعه", "معارضه", "مسار", "عمليه", "وثيقه",
     "صيغه", "مخرجات", "تفاهمات", "تفاهم", "وفد", "اتفاق", "اتفاقيه", "اعلان", "جوله"}
)  # fmt: skip
_DOUBLE = '"“”″„‟'
_OPEN_SINGLE, _CLOSE_SINGLE = "‘", "’"
_AFTER_CLOSING = frozenset(".،,:;!?؟)]-–—")


def _names_whole(m: MentionIn | None, a: int, b: int) -> bool:
    """Whether the mention ``m`` is the whole quotation ``[a, b)``, its marks aside: a
    name in quotation marks, no speech."""
    return m is not None and m.start <= a + 1 and m.end >= b - 1


def _opens_only(line: str, i: int) -> bool:
    """Whether the quotation mark at ``line[i]`` can only open a quotation: a space (or
    nothing, or a bracket) before it and a letter after it («قال "نعم»)."""
    return (i == 0 or line[i - 1].isspace() or line[i - 1] in "([") and (
        i + 1 < len(line) and line[i + 1].isalpha()
    )


def _closes_only(line: str, i: int) -> bool:
    """Whether the quotation mark at ``line[i]`` can only close a quotation: a letter or
    a full stop before it, and a space, a punctuation mark or the line's end after it."""
    return (
        i > 0
        and (line[i - 1].isalpha() or line[i - 1] in ".!?؟")
        and (i + 1 == len(line) or line[i + 1].isspace() or line[i + 1] in _AFTER_CLOSING)
    )


def _left_open(line: str, opened: int, i: int) -> int:
    """Where the words of the quotation opened at ``line[opened]`` end when the mark at
    ``line[i]`` opens another, so that the first was never closed (a mark is missing in
    the line): at the end of the last sentence between them; -1 if the mark at ``i`` may
    close it."""
    if not _opens_only(line, i):
        return -1
    return max(line.rfind(c, opened + 1, i) for c in ".!?؟")


def _odd_marks(line: str) -> bool:
    """Whether ``line`` has an odd number of double quotation marks: one is missing."""
    return sum(line.count(c) for c in _DOUBLE) % 2 == 1


_QUOTE_MARK_RE = re.compile("[" + re.escape(_DOUBLE + "«»" + _OPEN_SINGLE + _CLOSE_SINGLE) + "]")
#: casualty triggers that are the object of «لقي» («لقي ثلاثة أطفال مصرعهم»), normalised
_DEATH_OBJECTS = frozenset(
    {"مصرعه", "مصرعها", "مصرعهم", "مصرعهما", "حتفه", "حتفها", "حتفهم", "حتفهما"}
)
#: «لقي» (met) and its forms, with a conjunction, normalised
_MET_DEATH = frozenset(
    p + v for p in ("", "و", "ف") for v in ("لقي", "لقيت", "لقوا", "لقيا", "لقيتا", "لقين")
)


class _DatePoint(NamedTuple):
    """A date in a sentence, as events are dated by it."""

    at: int
    date: DateMention
    #: the start of the trigger it follows (the head of triggers written together)
    owner: int | None
    #: it qualifies a noun («الاتفاق الموقع في 5 آذار»): its event's alone
    attributive: bool
    #: an end («حتى 15 آذار»), no day the event happens on
    deadline: bool
    #: the day something was said («أعلنت، الأحد، أن»): no event's own
    said: bool


@dataclass
class MentionIn:
    """An entity mention as the framing analysis needs it (original offsets)."""

    start: int
    end: int
    key: str
    type: str
    kind: str


@dataclass
class LabelDraft:
    start: int
    end: int
    text: str
    kind: str  # label | apposition | scare_quote | distancing
    category: str | None = None
    key: str | None = None
    entity_key: str | None = None
    speaker_key: str | None = None
    sentence_idx: int | None = None
    details: dict[str, Any] = field(default_factory=dict)


@dataclass
class QuoteDraft:
    start: int
    end: int
    kind: str  # direct | partial | indirect
    speaker_key: str | None
    speaker_text: str | None
    verb: str | None
    verb_category: str | None
    sentence_idx: int | None
    word_count: int
    details: dict[str, Any] = field(default_factory=dict)


@dataclass
class EventDraft:
    type: str
    trigger: str
    start: int
    end: int
    sentence_idx: int | None
    date: dt.date | None
    date_text: str | None
    place_key: str | None
    participants: list[str]
    details: dict[str, Any] = field(default_factory=dict)


@dataclass
class FramingResult:
    labels: list[LabelDraft] = field(default_factory=list)
    quotes: list[QuoteDraft] = field(default_factory=list)
    events: list[EventDraft] = field(default_factory=list)


class FramingKnowledge:
    """The framing lexicons compiled once per analysis run."""

    def __init__(
        self,
        kb: Knowledge,
        labels: Sequence[LabelEntry],
        distancing: Sequence[DistancingEntry],
        events: dict[str, str],
        unnamed_sources: frozenset[str] = frozenset(),
        time_units: frozenset[str] = frozenset(),
        planned: PlannedWords | None = None,
        body_heads: frozenset[str] = frozenset(),
        name_heads: frozenset[str] = frozenset(),
        written_on: frozenset[str] = frozenset(),
        relatives: frozenset[str] = frozenset(),
    ) -> None:
        self.kb = kb
        #: a person's relatives and lawyers («خطيبة», «محاميه»), normalised
        self.relatives = relatives
        #: where words are written for others («تويتر», «تغريدة»), normalised
        self.written_on = written_on
        #: nouns that name a body with the definite words after them (normalised)
        self.body_heads = body_heads
        #: nouns a name in quotation marks follows (normalised)
        self.name_heads = name_heads
        #: nouns that speak for nobody named, after a reporting verb (normalised)
        self.unnamed_sources = unnamed_sources
        #: units of time («أيام»): a number counting one is no figure (normalised)
        self.time_units = time_units
        #: the signs that an event is to come («ستعقد», «المقبلة»), normalised
        self.planned = planned or PlannedWords()
        # a phrase that ends in a word as common as «أن» («اتفقا على أن», «بحث عقد») is
        # looked for by its first word, further back (its subject may stand after it)
        ends_common = {p for p in self.planned.before if len(p) > 1 and p[-1] in _COMMON_ENDS}
        #: the words near an event that make it worth looking for a sign it is to come
        self.planned_heads = (
            (self.planned.before_ends - _COMMON_ENDS)
            | {p[-1] for p in self.planned.before - ends_common}
            | self.planned.after
        )
        #: the first words of the phrases that end in a common word, with «و» or «ف»
        self.planned_firsts = frozenset(c + p[0] for p in ends_common for c in ("", "و", "ف"))
        #: the past verbs of events with «و» or «ف», as a document's tokens are
        self.joined_done = frozenset(c + w for w in self.planned.done for c in ("و", "ف"))
        #: the words the events' modality looks for (:meth:`_Framer._head_before`)
        self.signals = (
            _NEGATORS
            | _WISH_FORMS
            | self.planned_heads
            | self.planned_firsts
            | _SOON_HEADS
            | _REFUSALS
        )
        #: the phrases of more than one word before the trigger, by their last word
        self.planned_phrases: dict[str, list[tuple[str, ...]]] = {}
        for phrase in sorted(self.planned.before, key=len, reverse=True):
            if len(phrase) > 1:
                self.planned_phrases.setdefault(phrase[-1], []).append(phrase)
        self.labels: dict[str, LabelEntry] = {}
        for e in labels:
            self.labels.setdefault(" ".join(normalize(e.label).split()), e)
        self.label_matcher = AliasMatcher({k: [(k, "label")] for k in self.labels})
        self.distancing: dict[str, DistancingEntry] = {}
        for d in distancing:
            self.distancing.setdefault(" ".join(normalize(d.phrase).split()), d)
        self.distancing_matcher = AliasMatcher({k: [(k, "distancing")] for k in self.distancing})
        self.events = events
        #: the triggers that tell by themselves of an event to come («الجولة المقبلة»)
        self.planned_triggers = frozenset(
            k
            for k in events
            if any(w in self.planned.after for w in k.split())
            or (k.split()[0],) in self.planned.before
        )
        self.event_matcher = AliasMatcher({k: [(t, "event")] for k, t in events.items()})
        #: a document is read once for the entities and the three framing lexicons
        self.group = MatcherGroup(
            [kb.matcher, self.label_matcher, self.distancing_matcher, self.event_matcher]
        )

    @classmethod
    def load(cls, kb: Knowledge) -> FramingKnowledge:
        return cls(
            kb,
            load_labels(),
            load_distancing(),
            load_event_triggers(),
            load_unnamed_sources(),
            load_time_units(),
            load_planned(),
            load_body_heads(),
            load_name_heads(),
            load_written_on(),
            load_relatives(),
        )


@dataclass
class _Verb:
    start: int  # original offsets
    end: int
    lemma: str
    category: str
    sentence: int
    #: where the subject after the verb ends (the verb's end when there is none)
    subject_end: int = 0
    #: an active participle used adverbially (مؤكداً, واصفاً): it has no subject of its own
    participle: bool = False
    speaker: tuple[str | None, str | None, dict[str, Any]] = (None, None, {})


def _unnamed_clause(words: Sequence[str]) -> int:
    """How many of ``words`` (normalised) tell a source's wish not to be named («طلب
    عدم الكشف عن اسمه», «الذي رفض ذكر اسمه»), from the first: 0 if they do not."""
    n = 0
    for place, forms in enumerate(_UNNAMED_CLAUSE):
        if n < len(words) and words[n] in forms:
            n += 1
        elif place in (1, 3, 5):  # the verb, what is not done, the name: required
            return 0
    return n


class _Framer:
    def __init__(
        self,
        doc: DocText,
        sentences: Sequence[tuple[int, int]],
        mentions: Sequence[MentionIn],
        fk: FramingKnowledge,
        published: dt.date | None,
        skip: Sequence[tuple[int, int]],
    ) -> None:
        text = self.text = doc.text
        self.sentences = list(sentences) or [(0, len(text))]
        self.starts = [s for s, _e in self.sentences]
        self.mentions = sorted(mentions, key=lambda m: m.start)
        self.mention_starts = [m.start for m in self.mentions]
        self.fk = fk
        self.kb = fk.kb
        self.published = published
        self.skip = list(skip)
        self._skip = Spans(self.skip)
        self.doc = doc
        self.norm: str = doc.norm
        self.omap: OffsetMap = doc.omap
        self.tokens = doc.tokens
        self.result = FramingResult()
        self.quote_spans: list[tuple[int, int]] = []
        self._quotes = Spans(())
        #: the quotation spans that are scare quotes (labels), not speech
        self._scare_quotes: set[tuple[int, int]] = set()
        self._date_cache: list[DateMention] | None = None
        self._mention_indices: dict[str, list[int]] = {}
        self._mention_forms: list[str] | None = None
        #: words in a span of the text (a quotation's length)
        self._words = doc.word_count
        #: spans of quoted labels: they replace the plain labels found on their words
        self._quoted_labels: list[tuple[int, int]] = []
        #: quotation marks around a name (of an actor, a crossing, an operation)
        self._quoted_names: set[tuple[int, int]] = set()
        #: where the clause openers are («بينما», «فيما»: :meth:`_clause_of`), found once
        self._openers: list[int] | None = None
        self._metonyms: dict[int, str] | None = None
        self._event_governments: dict[int, str] | None = None
        #: capitals joined by «و» to one that stands for its government («وأنقرة»)
        self._joined_capitals: set[int] = set()
        #: where the negators and the asking words are (original offsets), found once:
        #: most events have none before them, and are passed over by bisection
        self._heads: dict[str, list[int]] = {}
        #: (where, word) of the document's tokens that are one of those
        self._signals: list[tuple[int, str]] | None = None
        #: the refusal read before an event's trigger, by the trigger's start: where its
        #: word is, for whose refusal it is (:meth:`_refused`)
        self._refusals: dict[int, tuple[int, int]] = {}
        #: whether the document has a «رفض», and a first word of a phrase looked for by it
        #: («اتفقا» of «اتفقا على أن»): set by :meth:`events`, most have neither
        self._refusing = self._firsts = True
        #: the spans of quotations and reported speech, once the events ask
        self._speech: Spans | None = None
        #: (start, entity) of the labels, by start, once the events ask
        self._labelled: list[tuple[int, str]] | None = None
        #: quotations of a few words (partial): reported speech runs on through them
        self._partials: set[tuple[int, int]] = set()
        #: the verbs of clauses that describe a noun between commas («رجل، يقول إنه
        #: صيدلاني، في سوريا»): what they say ends at the next comma
        self._noun_clauses: set[int] = set()
        #: what the document names, once a name that depends on it is read
        self._subjects: DocumentSubjects | None = None
        self.role_spans = [
            self.span(h.start, h.end)
            for h in doc.hits(self.kb.matcher)
            if any(kind == "role" for _t, kind in h.payload)
        ]
        self._roles = Spans(self.role_spans)

    # ---- helpers ------------------------------------------------------------------------
    def _dates(self) -> list[DateMention]:
        if self._date_cache is None:
            self._date_cache = find_dates(self.norm, self.published)
        return self._date_cache

    def sentence_of(self, pos: int) -> int:
        return max(0, bisect.bisect_right(self.starts, pos) - 1)

    def skipped(self, pos: int) -> bool:
        return self._skip.covers(pos)

    def span(self, nstart: int, nend: int) -> tuple[int, int]:
        return self.doc.span(nstart, nend)

    def mentions_in(self, start: int, end: int) -> list[MentionIn]:
        lo = bisect.bisect_left(self.mention_starts, start)
        hi = bisect.bisect_left(self.mention_starts, end)
        return [m for m in self.mentions[lo:hi] if m.end <= end]

    def mention_at(self, start: int, end: int) -> MentionIn | None:
        """The mention overlapping [start, end), if any (mentions never overlap)."""
        i = bisect.bisect_left(self.mention_starts, end) - 1
        if i >= 0 and self.mentions[i].end > start:
            return self.mentions[i]
        return None

    def norm_tokens_between(
        self, a: int, b: int, limit: int | None = None
    ) -> list[tuple[int, int, str]]:
        """Normalised tokens whose original span starts in [a, b) (the first ``limit``)."""
        return self.doc.tokens_between(a, b, limit)

    # ---- labels ----------------------------------------------------------------------
    def labels(self) -> None:
        for hit in self.doc.hits(self.fk.label_matcher):
            a, b = self.span(hit.start, hit.end)
            if self.skipped(a):
                continue
            entry = self.fk.labels[hit.key]
            metonym = "metonym" in entry.en.lower()
            if metonym and (
                self._the_city(hit.start, a, b)
                or (self._locative(hit.start) and not self._joined_government(a))
            ):
                continue  # «حول دمشق» is the city, «تركيز دمشق» the government
            if (
                " " not in hit.key
                and self._qualified(hit.end)
                # the object of a capital that acts: «ورفضت دمشق المقترح», «وأعلنت
                # أنقرة وموسكو وطهران التزامها»
                and not (metonym and (a in self._joined_capitals or self._subject_after_verb(a, b)))
            ):
                continue  # «النظام الدولي» is not «النظام», «دمشق القديمة» the city
            about = self.kb.contextual.get(hit.key)
            if about is not None and not self._about(about, hit.end):
                continue  # «المعارضة» in news about Senegal, «النظام المصري»
            mention = self.mention_at(a, b)
            entity = entry.actor or (mention.key if mention else None)
            self.result.labels.append(
                LabelDraft(
                    a,
                    b,
                    self.text[a:b],
                    "label",
                    entry.category,
                    hit.key,
                    entity,
                    None,
                    self.sentence_of(a),
                    {"en": entry.en} if entry.en else {},
                )
            )

    def _about(self, about: frozenset[str], nend: int) -> bool:
        """Whether a name that stands for its actor only in news about its country
        (``contextual.tsv``), ending at ``nend``, does here: the document names one of
        ``about``, and no other nationality follows the name."""
        if self._subjects is None:
            self._subjects = DocumentSubjects(
                self.kb, [m.key for m in self.mentions], self.doc.texts
            )
        after = self.doc.word_after(nend)
        return self._subjects.names(about, after.text if after else None)

    def _qualified(self, nend: int) -> bool:
        """A one-word label followed by a definite adjective that is no nationality."""
        after = self.doc.word_after(nend)
        return (
            after is not None and after.text.startswith("ال") and after.text not in self.kb.nisbas
        )

    def _the_city(self, nstart: int, a: int, b: int) -> bool:
        """Whether a capital at ``[a, b)`` (``nstart`` normalised) names the city though
        no preposition or place noun stands before it: inside another name («منصة
        موسكو»), opening a dateline («موسكو - سانا:»), after an event or a name made of
        one («محادثات موسكو», «زيارة أنقرة», «مؤتمر الرياض»), the object of a visit or a
        strike, past its subject too («وزار لافروف أنقرة»), or an adjective («القوة
        القاهرة»)."""
        m = self.mention_at(a, b)
        if m is not None and (m.start < a or m.end > b):
            return True
        line = self.text.rfind("\n", 0, a) + 1
        after = self.text[b : b + 12].lstrip(" )")
        if not self.text[line:a].strip() and after[:1] and after[0] in "-–—(/":
            return True
        i = bisect.bisect_left(self.doc.token_starts, nstart)
        if i == 0:
            return False
        _ps, prev_end, prev = self.tokens[i - 1]
        if prev_end > nstart or self.norm[prev_end:nstart].strip():
            return False  # a proclitic before it, or punctuation
        head = _head_word(prev)
        event = self.fk.events.get(head) or self.fk.events.get(prev)
        if (
            head in _TO_A_PLACE
            or prev in _TO_A_PLACE
            or head in _NAMED_AFTER
            # «محادثات موسكو», not «والتقت موسكو وأنقرة» or «وشنت واشنطن»
            or (event is not None and event != "statement" and not self._acts(prev))
            or (prev.startswith("ال") and self.norm.startswith("ال", nstart))
        ):
            return True
        # «وزار لافروف أنقرة», «ووصل الرئيس الإيراني دمشق»: its subject between, a name
        # or words with the article
        texts, spans = self.doc.texts, self.doc.original_tokens()
        for k in range(i - 2, max(-1, i - 10), -1):
            t = texts[k]
            if _head_word(t) in _TO_A_PLACE or t in _TO_A_PLACE:
                return self._unpunctuated(spans[k][1], a) is not None
            oa, ob = spans[k]
            if not (t.startswith("ال") or self.mention_at(oa, ob) or self._roles.covers(oa)):
                return False
        return False

    def _joined_government(self, a: int) -> bool:
        """Whether the capital at ``a`` is joined by «و» to one that stands for its
        government («إن "موسكو وواشنطن تستكشفان …"»): a government too, and the subject
        of the verb with it when that one is («ووقعت موسكو وأنقرة», «وقالت دمشق
        وموسكو»)."""
        if self.text[a - 1 : a] != "و" or not self.result.labels:
            return False
        last = self.result.labels[-1]
        if (
            self.text[last.end : a - 1].strip()
            or "metonym" not in str(last.details.get("en", "")).lower()
        ):
            return False
        if last.start in self._joined_capitals or self._subject_after_verb(last.start, last.end):
            self._joined_capitals.add(a)
        return True

    def _locative(self, nstart: int) -> bool:
        """Preceded by a preposition or a place noun (حول، في، قرب، ريف…)."""
        i = bisect.bisect_left(self.doc.token_starts, nstart)
        if i == 0:
            return False
        _prev_start, prev_end, prev = self.tokens[i - 1]
        if self.norm[prev_end:nstart].strip():
            return False
        fused = nstart > 0 and self.norm[nstart - 1].isalpha()
        # «وريف دمشق», «وفي دمشق»: the conjunction before a place noun or «في» (not
        # «وعلى دمشق أن تختار», «ومع دمشق تقف موسكو»: the government)
        bare = prev[1:] if len(prev) > 2 and prev[0] in "وف" else prev
        if fused or prev in _PLACE_BEFORE or bare in _LOCATIVES or bare == "في":
            return True
        # «العاصمة السورية دمشق»: a place noun and its adjective of nationality
        return i >= 2 and prev in self.kb.nisbas and self.tokens[i - 2][2] in _LOCATIVES

    def appositions(self) -> None:
        """Role phrases right before or after a person's name: «بشار الجعفري رئيس وفد
        الحكومة السورية», «مبعوث الأمم المتحدة الخاص إلى سوريا جير بيدرسون»."""
        # role spans are in text order and never overlap: those within three characters
        # of a name are found by bisection, then checked as before
        role_starts = [a for a, _b in self.role_spans]
        role_ends = [b for _a, b in self.role_spans]
        # a role phrase that is a label of the actor already («رئيس النظام السوري بشار
        # الأسد»): counted once, with the label's category, not again as an apposition
        labelled = {(lb.start, lb.entity_key) for lb in self.result.labels}
        for m in self.mentions:
            if m.type != "person" or self.skipped(m.start):
                continue
            after = range(
                bisect.bisect_left(role_starts, m.end), bisect.bisect_right(role_starts, m.end + 3)
            )
            before = range(
                bisect.bisect_left(role_ends, m.start - 3), bisect.bisect_right(role_ends, m.start)
            )
            for k in sorted({*after, *before}):
                a, b = self.role_spans[k]
                if self.skipped(a) or self._deputy_of(a):
                    continue
                gap_after = self.text[m.end : a] if a >= m.end else None
                gap_before = self.text[b : m.start] if b <= m.start else None
                near = any(
                    gap is not None
                    and len(gap) <= 3
                    and "\n" not in gap
                    and not any(ch.isalnum() for ch in gap)
                    for gap in (gap_after, gap_before)
                )
                if near and (a, m.key) not in labelled:
                    self.result.labels.append(
                        LabelDraft(
                            a,
                            b,
                            self.text[a:b],
                            "apposition",
                            None,
                            None,
                            m.key,
                            None,
                            self.sentence_of(a),
                        )
                    )
        # the descriptive title before a name that discovery read («وزير الخارجية الروسي»),
        # unless an apposition of that actor already ends within three characters before it
        ends = {(lb.entity_key, lb.end) for lb in self.result.labels if lb.kind == "apposition"}
        honorifics = {t for t, kind in self.kb.titles.items() if kind == "honorific"}
        for m in self.mentions:
            if m.type != "person" or m.kind not in ("name", "discovered"):
                continue
            j = self._title_before(m.start, m.key)
            if (
                j is not None
                # «الدكتور», «السيد» alone is courtesy, not a description of the person
                and " ".join(normalize(self.text[j : m.start]).split()).removeprefix("و")
                not in honorifics
                # the label starts after a proclitic the title's first word has («ورئيس»)
                and not any((k, m.key) in labelled for k in range(j, j + 3))
                and not any((m.key, end) in ends for end in range(m.start - 3, m.start + 1))
            ):
                ends.add((m.key, m.start))
                self.result.labels.append(
                    LabelDraft(
                        j,
                        m.start,
                        self.text[j : m.start].strip(" ،,"),
                        "apposition",
                        None,
                        None,
                        m.key,
                        None,
                        self.sentence_of(j),
                    )
                )

    def _deputy_of(self, a: int) -> bool:
        """Whether the role phrase at ``a`` is another's office, named by the word before
        it («مساعد وزير الخارجية الروسي», «كبير مستشاري …»): not the person's title."""
        lo, _hi = self.doc.token_range(a, a + 1)
        return lo > 0 and _head_word(self.doc.texts[lo - 1]) in _DEPUTIES  # «ومساعد»

    def _title_before(self, start: int, key: str | None = None) -> int | None:
        """Start of a title + descriptor chain ending right before ``start`` (the name of
        ``key``: a role of that person inside the chain is part of it)."""
        spans, words = self.doc.original_tokens(), self.doc.texts
        lo, hi = self.doc.token_range(max(0, start - 120), start)
        anchors = self.kb.title_anchors
        begin = None
        #: where a title with «ل» before it begins («لوزير»): the person's own only when
        #: no other title stands before it («رسالة لرئيس الوزراء العراقي حيدر العبادي»)
        dependent = None
        for i in range(hi - 1, lo - 1, -1):
            oa, ob = spans[i]
            t = words[i]
            stripped = t[1:] if t[:1] in "ول" and t[1:] in anchors else t
            if stripped in anchors:
                begin = oa
                if t[:1] == "ل" and stripped != t:
                    # «المستشار الخاص لوزير الخارجية …»: the minister is somebody else,
                    # the person's title is the word it depends on, further back
                    dependent, begin = oa + 1, None  # without its «ل»
                    continue
                # a title of two words whose second is one too: «مساعد وزير», «نائب رئيس»,
                # or another's office («مستشار وزير الخارجية», «ومساعد وزير»)
                while i > lo and (
                    f"{words[i - 1]} {stripped}" in anchors or _head_word(words[i - 1]) in _DEPUTIES
                ):
                    i -= 1
                    begin, stripped = spans[i][0], words[i]
                head = _head_word(words[i])
                if head != words[i] and (head in anchors or head in _DEPUTIES):
                    # «ومساعد وزير …»: the title without its conjunction («وزير» has none)
                    begin += len(words[i]) - len(head)
                break
            mention = self.mention_at(oa, ob)
            if mention is not None and mention.type == "person" and mention.key != key:
                return None  # the title before another person's name is theirs
            if not (
                t.startswith(("ال", "لل"))
                or t in self.kb.titles
                or t in self.kb.nisbas
                or mention is not None
                # «القيادي في حركة حماس»: a body after «في»
                or (t == "في" and i + 1 < hi and self.mention_at(*spans[i + 1]) is not None)
            ):
                break
        if begin is None:
            begin = dependent
        if begin is None:
            return None
        if any(ch in self.text[begin:start] for ch in ".!?؟\n"):
            return None
        return begin

    # ---- quotes --------------------------------------------------------------------------
    def _quote_marks(self) -> list[tuple[int, int, bool]]:
        """(content start, content end, closed) of every quoted span, paragraph by paragraph."""
        spans: list[tuple[int, int, bool]] = []
        pos = 0
        for line in self.text.split("\n"):
            base = pos
            pos += len(line) + 1
            open_double: int | None = None
            odd: bool | None = None  # whether a double mark is missing, once asked
            guillemets: list[int] = []
            open_single: int | None = None
            for mark in _QUOTE_MARK_RE.finditer(line):
                ch = mark.group()
                at = base + mark.start()
                if ch in _DOUBLE:
                    # a straight or curly mark is either; when a writer left one out (an
                    # odd number in the paragraph), which it is shows in the words around
                    if odd is None:
                        odd = _odd_marks(line)
                    if open_double is None:
                        if not (odd and _closes_only(line, mark.start())):
                            open_double = at
                    elif odd and (stop := _left_open(line, open_double - base, mark.start())) >= 0:
                        # «وهو "ما يتطلب … الظاهرة. وأكد أن "تونس …"»: the mark before was
                        # never closed, and its words end with their sentence
                        spans.append((open_double + 1, base + stop + 1, False))
                        open_double = at
                    else:
                        spans.append((open_double + 1, at, True))
                        open_double = None
                elif ch == "«":
                    guillemets.append(at)
                elif ch == "»" and guillemets:
                    spans.append((guillemets.pop() + 1, at, True))
                elif ch == _OPEN_SINGLE:
                    open_single = at
                elif ch == _CLOSE_SINGLE and open_single is not None:
                    spans.append((open_single + 1, at, True))
                    open_single = None
            end = base + len(line)
            for opened in [open_double, *guillemets]:
                if opened is not None:
                    spans.append((opened + 1, end, False))  # the closing mark is missing
        out = []
        for a, b, closed in spans:
            while a < b and (self.text[a].isspace() or self.text[a] in ":"):
                a += 1
            while b > a and (self.text[b - 1].isspace() or self.text[b - 1] in ".،,:"):
                b -= 1
            if b > a and any(ch.isalpha() for ch in self.text[a:b]):
                out.append((a, b, closed))
        return sorted(out)

    def _verbs(self) -> list[_Verb]:
        out = []
        verb_words = self.kb.verb_words
        for i in self.doc.token_indices(verb_words.keys()):
            ts, te, t = self.tokens[i]
            form = verb_words[t]
            verb = self.kb.verbs[form]
            a, b = self.span(ts, te)
            if self.skipped(a):
                continue
            named = self.mention_at(a, b)
            if named is not None and named.start <= a and b <= named.end:
                continue  # «جان مارك فيري»: a name's word, no «فيرى»
            if (
                form in _IMPERSONAL
                and i + 1 < len(self.doc.texts)
                and self.doc.texts[i + 1] in _COMPLEMENTISERS
            ):
                continue  # «ويُذكر أن …»: the writer's note, nobody's words
            if i + 1 < len(self.doc.texts) and self.doc.texts[i + 1] in _UNNAMED_CLAUSE[-1]:
                continue  # «رفض ذكر اسمه»: a source not named, no words reported
            if self._negated(i):
                continue  # «ولم تذكر سانا», «دون ذكر المزيد»: nothing was said
            if t in CALLED and i + 1 < len(self.doc.texts):
                m = self.mention_at(*self.doc.original_tokens()[i + 1])
                if m is not None and m.type == "person":
                    continue  # «ويدعى توران كيسلاكشي»: his name, no claim
            lemma, sentence = normalize(verb.lemma), self.sentence_of(a)
            if lemma in _WRITING and not self._written_on(i, self.sentences[sentence][1]):
                continue  # «وكتبت الصحيفة عنواناً عريضاً»: no words of anyone's
            # «مؤكداً», «قائلاً», not the plural «أكدوا»; «مضيفةً», «مشيرة» in the feminine
            participle = form != lemma and (
                (form.endswith("ا") and not form.endswith("وا"))
                or (form.startswith("م") and form.endswith("ه") and not lemma.startswith("م"))
            )
            out.append(_Verb(a, b, verb.lemma, verb.category, sentence, participle=participle))
        return out

    def _negated(self, i: int) -> bool:
        """Whether the reporting verb at token ``i`` is negated or a verbal noun after
        «دون»: «ولم تذكر الوكالة …», «دون ذكر المزيد من التفاصيل», «دون أن يذكر»."""
        texts = self.doc.texts
        prev = texts[i - 1] if i > 0 else ""
        if prev in _NEGATING:
            return True
        return prev == "ان" and i > 1 and _head_word(texts[i - 2]) in ("دون", "بدون")

    def _written_on(self, i: int, sentence_end: int) -> bool:
        """Whether a word after the verb of writing at token ``i``, before its sentence's
        end (original offset), says where it was written for others («وكتب ترامب على
        تويتر», «في تغريدة»)."""
        texts, where = self.doc.texts, self.fk.written_on
        spans = self.doc.original_tokens()
        for k in range(i + 1, min(len(texts), i + 1 + _WRITTEN_ON_WITHIN)):
            if spans[k][0] >= sentence_end:
                break
            if any(f in where for f in strip_proclitic(texts[k])):
                return True
        return False

    def _speaker_after(self, verb: _Verb, limit: int) -> tuple[MentionIn | None, str | None, int]:
        """The subject after a verb (VS order), or an anaphoric noun («المكتب»)."""
        s_end = min(limit, self.sentences[verb.sentence][1])
        toks = self.norm_tokens_between(verb.end, s_end, 12)
        titled = in_title = False
        told = -1  # where the agency spoken to ends
        pair_end = -1  # where a title of two words ends
        called = self._called_after(toks)
        if called is not None:  # «وقال صديق آخر، ويدعى توران كيسلاكشي، …»
            return called, None, self._past_joined(called)
        if len(toks) == 1 and toks[0][2] in _MEDIA_NOUNS:
            named = self._quoted_medium(toks[0], limit)
            if named is not None:  # «وذكرت صحيفة "الأهرام" الحكومية أن»
                inside = self.mentions_in(toks[0][1], named)
                if inside and inside[0].type in SPEAKER_TYPES:
                    return inside[0], None, named  # «وقالت قناة "الجزيرة"»
                return None, self.text[toks[0][0] : named], named
        for i, (oa, ob, t) in enumerate(toks):
            if ob <= told:
                continue
            if i == 0 and self._object_after(verb, t):
                m = self.mention_at(oa, ob)
                if m is None or m.type != "person":
                    break  # «ودعا الهيئة …»: whom he called on, he was named before
            if i == 0 and t in PARTY_HEADS:
                party = self._party_name(toks)
                if party is not None:  # «وقال حزب مصر القوية إن»: the party, not Egypt
                    return None, self.text[oa:party], party
            if i == 0 and t in self.fk.body_heads:
                # «واتهمت قيادة الجيش عنان بـ…»: a body named in construct is the
                # subject, and the person right after it is the object
                construct = self._construct_before_person(toks)
                if construct is not None:
                    return None, self.text[oa:construct], construct
            if i == 0 and t in self.fk.relatives:
                # «وقالت خطيبة خاشقجي إنها», «وقالت زوجته إن»: the relative speaks
                nxt = self.mention_at(*toks[1][:2]) if len(toks) > 1 else None
                if nxt is not None and nxt.type == "person" and nxt.start <= toks[1][0]:
                    return None, self.text[oa : nxt.end], nxt.end
                if t.endswith(("ه", "ها")) and t not in self.kb.function_words:
                    return None, self.text[oa:ob], ob
            m = self.mention_at(oa, ob)
            if (
                m is not None
                and m.type == "media"
                and m.start > oa
                and normalize(self.text[oa : m.start]) in ("ل", "ول")
            ):
                told = m.end
                continue  # «وقالت لرويترز»: the agency was told, the speaker goes on
            if m is not None and m.type == "media" and in_title and m.start >= oa:
                told = m.end
                continue  # «وأفاد … عضو المكتب السياسي … وكالة فرانس برس أن»: told
            if (
                m is not None
                and m.type != "person"
                and i > 0
                and toks[i - 1][2] in self.kb.of_bodies
            ):
                continue  # «عضو المكتب السياسي لحزب مصر القوية»: the party's name
            if m is not None and m.type in SPEAKER_TYPES:
                if in_title and m.type != "person" and i > 0 and toks[i - 1][2] == "في":
                    # «وقال السفير الروسي في الأمم المتحدة فاسيلي نيبنزيا»: the body is
                    # where the title holder serves, and the person named after it speaks
                    holder = self._person_right_after(m)
                    if holder is None:
                        # «وحذر السفير الروسي في الولايات المتحدة من أن»: nobody named,
                        # the office speaks, not the speaker before
                        return None, self.text[toks[0][0] : m.end], m.end
                    m = holder
                m = self._office_holder(m) or self._titled_holder(m) or m
                if normalize(verb.lemma) == "نقل":
                    # «نقلت نوفوستي عن بورودافكين قوله», «… على لسان بري»: the source
                    # relays the speaker
                    source = self._relay_source(m.end, s_end)
                    if source is not None:
                        inner, words = source
                        if inner is None:  # «عن الوزارة», «عن مصدرين في …»
                            return None, words, m.end
                        return (
                            MentionIn(
                                inner.start, inner.end, inner.key, inner.type, f"via:{m.key}"
                            ),
                            None,
                            inner.end,
                        )
                return m, None, self._past_joined(m)
            if self._roles.covers(oa):
                titled = True  # the body of the office may follow, with «لـ»
                continue  # «اعتبر مبعوث الأمم المتحدة إلى سوريا، غير بيدرسون»
            if t in self.kb.titles or ob <= pair_end:
                in_title = True
            elif (
                m is None
                and i + 1 < len(toks)
                and f"{t} {toks[i + 1][2]}" in self.kb.titles
                and toks[i + 1][2] != "باسم"  # «الناطق باسم …»: read with its words below
                and not self.text[ob : toks[i + 1][0]].strip()
            ):
                # a title of two words neither of which is one («وأكد أركان حرب المنطقة
                # العسكرية الخامسة العميد عمر جوهر، أن»)
                in_title, pair_end = True, toks[i + 1][1]
            elif in_title and m is None and t in self.fk.body_heads:
                continue  # «رئيس مركز الدراسات الاستراتيجية في الجيش الإيراني …»
            if (
                t == "في"
                and (in_title or titled)
                and i + 1 < len(toks)
                and self.mention_at(toks[i + 1][0], toks[i + 1][1]) is not None
            ):
                continue  # «وقال القيادي في حركة حماس سامي أبو زهري»: the title's body
            if t == "باسم" and i + 1 < len(toks) and f"{toks[i - 1][2]} {t}" in self.kb.titles:
                # «وذكرت المتحدثة باسم البيت الأبيض، سارة ساندرز، للصحفيين عندما سئلت»:
                # the spokeswoman named after whom she speaks for
                body = self.mention_at(toks[i + 1][0], toks[i + 1][1])
                holder = self._person_right_after(body) if body is not None else None
                if holder is not None:
                    return holder, None, holder.end
            if t in _COMPLEMENTISERS or t in ("ان", "إن") or t in _PREPOSITIONS:
                break
            if i == 0 and t in ANAPHORS:
                if self._described(toks, verb) and self._subject_words(verb, limit):
                    # «وأكدت الحكومة السودانية», «ودعا المجلس العسكري الانتقالي»: a body
                    # of its own, read with its words (:meth:`_subject_words`)
                    return None, None, verb.end
                return None, self.text[oa:ob], ob
            if i == 0 and m is None and self._plural_governs_body(toks):
                # «إن دول المجلس تعتبر ممارسات حزب الله …»: the body is the plural's
                # genitive, what is considered, not who considers it
                break
            if i == 0 and m is None:
                unnamed = self._unnamed_subject(toks)
                if unnamed is not None:  # «وقال ناشطون إن…»: they speak, nobody named
                    return None, self.text[oa:unnamed], unnamed
                if (
                    t in ("احد", "احدي")
                    and len(toks) > 1
                    and toks[1][2].removeprefix("ال") in self.fk.unnamed_sources
                ):
                    # «وقال أحد السكان لوكالة فرانس برس»: one of them, nobody named
                    return None, self.text[oa : toks[1][1]], toks[1][1]
                if (
                    t in _HOW_MANY
                    and len(toks) > 1
                    and toks[1][2].startswith("ال")
                    and toks[1][2] not in self.kb.function_words
                    and self.mention_at(toks[1][0], toks[1][1]) is None
                    and not self.text[ob : toks[1][0]].strip()
                ):
                    # «وأعرب عشرات الأكراد، الذين توجهوا إلى المحكمة، عن ارتياحهم»: a
                    # crowd nobody names speaks, not the speaker before
                    return None, self.text[oa : toks[1][1]], toks[1][1]
            if (
                i >= 1
                and m is None
                and not t.startswith("ال")
                and not ((t.startswith("لل") or t in self.kb.of_bodies) and (titled or in_title))
                and t not in self.kb.titles
                and ob > pair_end
                # «وزير الصناعة والتجارة محمد الحسن»: a ministry of two
                and not (in_title and t.startswith("وال") and toks[i - 1][2].startswith("ال"))
            ):
                break  # past «للحركة الشعبية» of «الأمين العام للحركة الشعبية باقان أموم»
        return None, None, verb.end

    def _quoted_medium(self, tok: tuple[int, int, str], limit: int) -> int | None:
        """Where the name of a newspaper, channel or site ends when it is quoted right
        after its noun («صحيفة "الأهرام" الحكومية أن»), its adjectives included, or None.
        ``limit`` is where the quotation begins."""
        if len(self.text[tok[1] : limit].strip()) > 1:  # the opening mark alone
            return None
        k = self._quotes.first_starting_in(limit, limit + 1)
        if k is None:
            return None
        qa, qb = self.quote_spans[k]
        if self._words(qa, qb) > 3:
            return None
        end = qb + 1 if qb < len(self.text) and not self.text[qb].isspace() else qb
        s_end = self.sentences[self.sentence_of(qa)][1]
        for oa, ob, t in self.norm_tokens_between(qb, s_end, 3):
            if self.text[end:oa].strip() or not t.startswith("ال") or t in self.kb.function_words:
                break
            end = ob  # «الحكومية», «المصرية»
        if self.text[end : end + 2].strip()[:1] in ("،", ",", "."):
            return None  # «كما أعلنت وكالة "إيلنا"، في حين …»: what it said came before
        return end

    def _foreign_office_after(self, v: _Verb, last: str | None) -> str | None:
        """The words of an office of a state right after the verb and before what was
        said («وقال الرئيس التونسي إن», «وأكد وزير الخارجية الجزائري أن»), when the
        speaker before is not of that state (or there is none), else None: a title
        alone of the speaker's own state is the speaker going on («وأضاف الرئيس
        الروسي» after Putin)."""
        s_end = self.sentences[v.sentence][1]
        toks = self.norm_tokens_between(v.end, s_end, 6)
        if len(toks) < 2 or toks[0][2] not in self.kb.titles:
            return None
        for n in range(1, len(toks)):
            oa, ob, t = toks[n]
            if self.text[toks[n - 1][1] : oa].strip():
                return None
            state = self.kb.nisbas.get(t)
            if state is not None:
                if not self._said_next(toks, n):
                    return None
                if last is not None and state in self.kb.chain(last):
                    return None
                return self.text[toks[0][0] : ob]
            if not t.startswith("ال") or self.mention_at(oa, ob) is not None:
                return None
        return None

    def _title_alone_after(self, v: _Verb) -> tuple[int, int] | None:
        """The span of a title right after the verb, then «إن»/«أن» or a colon («وقال
        الرئيس إن»), else None."""
        s_end = self.sentences[v.sentence][1]
        toks = self.norm_tokens_between(v.end, s_end, 2)
        if len(toks) < 2 or toks[0][0] - v.end > 2 or self.text[toks[0][1] : toks[1][0]].strip():
            return None
        a, b, t = toks[0]
        titled = t in self.kb.titles or t.removeprefix("ال") in self.kb.titles
        if (
            not (titled or t in _SPOKESPEOPLE)
            or not t.startswith("ال")
            or toks[1][2] not in _COMPLEMENTISERS
        ):
            return None
        return (a, b) if self._can_be_subject(v, (a, b)) else None

    def _titled_name_after(self, v: _Verb) -> tuple[int, int, str | None] | None:
        """A title in construct right after the verb, the words of its office, then a
        name between commas («واعتبر رئيس التجمع الوطني المسيحي في الأراضي المقدسة،
        ديمتري دلياني، …»): the span from the title to the name's end and the person's
        key (None when no lexicon knows the name); else None."""
        s_end = self.sentences[v.sentence][1]
        toks = self.norm_tokens_between(v.end, s_end, 16)
        if len(toks) < 4 or toks[0][0] - v.end > 2:
            return None
        first = toks[0][2]
        if first.startswith("ال") or first not in self.kb.titles:
            return None
        for n in range(1, len(toks) - 1):
            between = self.text[toks[n - 1][1] : toks[n][0]]
            if "،" not in between and "," not in between:
                if between.strip():
                    return None  # a quotation mark, a bracket: not an office's words
                continue
            for m in range(n + 1, min(n + 4, len(toks))):
                after = self.text[toks[m - 1][1] : toks[m][0]]
                if "،" not in after and "," not in after:
                    continue
                words = [w for _a, _b, w in toks[n:m]]
                if any(
                    w.startswith("ال") or w in self.kb.function_words or w in self.kb.verbs
                    for w in words
                ):
                    return None
                named = self.mention_at(toks[n][0], toks[m - 1][1])
                key = named.key if named is not None and named.type == "person" else None
                return toks[0][0], toks[m - 1][1], key
            return None
        return None

    def _office_words_after(self, v: _Verb, limit: int) -> tuple[int, int] | None:
        """The span of an office right after the verb, a title in construct with what it
        heads and nobody named («وقال مدير المستشفى:», «وقال قائد شرطة محافظة ظفار:»,
        «وقال محافظ حمص إن», «وقال رئيس المجلس المحلي في المدينة لعنب بلدي إن»), then
        «إن»/«أن», a colon or the quotation; else None. Whom the words were said to
        («لعنب بلدي») is not part of it."""
        s_end = min(limit, self.sentences[v.sentence][1])
        toks = self.norm_tokens_between(v.end, s_end, 1)  # (most verbs have no title)
        if not toks or toks[0][0] - v.end > 2 or self.kb.titles.get(toks[0][2]) != "office":
            return None
        if toks[0][2].startswith("ال"):
            return None
        toks = self.norm_tokens_between(v.end, s_end, 10)
        if len(toks) < 2:
            return None
        end = -1  # where the words end: a definite word's end, or a name's
        aside = False  # when or to whom it was said, between them and what was said
        where = False  # «في …»: where the office is, or where it was said
        n = 1
        while n < len(toks):
            oa, ob, t = toks[n]
            if self.text[toks[n - 1][1] : oa].strip():  # a comma, a colon, a mark
                break
            where = where or t == "في"
            if _says_that(t):
                break
            if end == toks[n - 1][1] and (
                (t.startswith("ل") and not t.startswith("ال"))
                or t in _NOT_SUBJECTS
                or t.removeprefix("ال") in self.fk.time_units
            ):
                # «لعنب بلدي», «للصحفيين», «اليوم»: to whom or when, then what was said
                aside = True
                n = next(
                    (
                        k
                        for k in range(n + 1, min(n + 4, len(toks)))
                        if _says_that(toks[k][2]) or ":" in self.text[toks[k - 1][1] : toks[k][0]]
                    ),
                    len(toks) + 1,
                )
                break
            m = self.mention_at(oa, ob)
            if m is not None and m.type == "person":
                return None  # a person named: he speaks (read before)
            if t in self.kb.verbs or (
                t in self.kb.function_words and t != "في" and t not in self.fk.body_heads
            ):
                return None  # (but «محافظة», «مجلس»: an office heads a body)
            if m is not None or t.startswith("ال"):
                if t in _NOT_SUBJECTS or t.removeprefix("ال") in self.fk.time_units:
                    return None
                end = max(ob, m.end if m is not None else ob)
                while n + 1 < len(toks) and toks[n + 1][0] < end:
                    n += 1  # the other words of the name
            n += 1
        if n > len(toks):
            return None
        if n == len(toks):  # the words run to the quotation or the sentence's end
            last = toks[-1][1]
            rest = self.text[last : min(s_end + 1, len(self.text))].strip()
            if not rest or not (rest[0] == ":" or (rest[0] in "«" + _DOUBLE and s_end == limit)):
                return None
        else:
            last = toks[n - 1][1]
            if not (_says_that(toks[n][2]) or ":" in self.text[last : toks[n][0]]):
                return None
        if end != last and not aside:
            if where:
                return None  # «… في مؤتمر صحفي»: not the office's own words
            # nouns in construct to the end, the last a name no gazetteer knows or
            # indefinite («قائد شرطة محافظة ظفار», «مدير مستشفى»): all the office's
            end = last
        return toks[0][0], end

    def _named_after_words(self, a: int, b: int) -> str | None:
        """The person the text named right after these words of an office before them
        («… رئيس الوزراء العراقي حيدر العبادي …» for «رئيس الوزراء», a state's adjective
        between them), the latest; or None."""
        words = normalize(self.text[a:b]).split()
        n = len(words)

        def fits(lead: list[str]) -> bool:
            lead = lead[-n - 2 :]
            return any(
                lead[i : i + n] == words and all(w in self.kb.nisbas for w in lead[i + n :])
                for i in range(len(lead) - n + 1)
            )

        return self._person_named_after(a, 120, fits)

    def _person_named_after(
        self, a: int, reach: int, fits: Callable[[list[str]], bool]
    ) -> str | None:
        """The latest person named before ``a`` whose words before his name, read back
        ``reach`` characters, ``fits`` (an office's words, a former office's); or None."""
        for i in range(bisect.bisect_left(self.mention_starts, a) - 1, -1, -1):
            m = self.mentions[i]
            if m.type == "person":
                before = self.norm_tokens_between(max(0, m.start - reach), m.start)
                if fits([t for _a, _b, t in before]):
                    return m.key
        return None

    def _nationality_end(self, b: int) -> int:
        """Where the state's adjective right after ``b`` ends («العاهل| المغربي»), else
        ``b``."""
        toks = self.norm_tokens_between(b, b + 2, 1)
        if toks and not self.text[b : toks[0][0]].strip() and toks[0][2] in self.kb.nisbas:
            return toks[0][1]
        return b

    def _former_office_after(self, v: _Verb) -> tuple[int, int] | None:
        """The span of a former office right after the verb and before what was said: a
        title, at most three definite words, «السابق» or «السابقة», then «إن»/«أن», a
        colon or a quotation mark («وقال الرئيس الصومالي السابق إن»), else None."""
        s_end = self.sentences[v.sentence][1]
        toks = self.norm_tokens_between(v.end, s_end, 6)
        if len(toks) < 2 or toks[0][0] - v.end > 2 or toks[0][2] not in self.kb.titles:
            return None
        for n in range(1, len(toks)):
            oa, ob, t = toks[n]
            if self.text[toks[n - 1][1] : oa].strip() or not t.startswith("ال"):
                return None
            if t in _FORMER:
                return (toks[0][0], ob) if self._said_next(toks, n) else None
            if self.mention_at(oa, ob) is not None:
                return None
        return None

    def _said_next(self, toks: Sequence[tuple[int, int, str]], n: int) -> bool:
        """Whether what was said begins right after the token ``n``: «إن»/«أن», a colon
        or a quotation mark."""
        nxt = toks[n + 1][2] if n + 1 < len(toks) else ""
        rest = self.text[toks[n][1] : toks[n][1] + 4].lstrip()
        return nxt in _COMPLEMENTISERS or rest[:1] in (":", "«", *_DOUBLE)

    def _former_named(self, a: int, b: int) -> str | None:
        """The person the text named before right after the same former office («الرئيس
        الأمريكي السابق باراك أوباما» for «الرئيس السابق»), the latest; or None."""
        words = {t for _a, _b, t in self.norm_tokens_between(a, b)} - _FORMER

        def fits(lead: list[str]) -> bool:
            # «الرئيس الصومالي الأسبق، الشيخ شريف شيخ أحمد»: an honorific may come between
            before = lead[-6:]
            return any(t in _FORMER for t in before[-3:]) and words <= set(before)

        return self._person_named_after(a, 60, fits)

    def _party_name(self, toks: Sequence[tuple[int, int, str]]) -> int | None:
        """Where a party's name ends when a word without the article, which names
        nobody, comes between its noun and the definite words after it («حزب مصر القوية
        إن»: the entity pass leaves Egypt out of it), or None."""
        if (
            len(toks) < 3
            or toks[1][2].startswith("ال")
            or self.mention_at(toks[1][0], toks[1][1]) is not None
        ):
            return None
        k = 2
        while (
            k < len(toks)
            and toks[k][2].startswith("ال")
            and toks[k][2] not in self.kb.function_words
            and not self.text[toks[k - 1][1] : toks[k][0]].strip()
        ):
            k += 1
        return toks[k - 1][1] if k > 2 else None

    def _construct_before_person(self, toks: Sequence[tuple[int, int, str]]) -> int | None:
        """Where a body named in construct ends when a person follows it at once
        («قيادة الجيش عنان»: the command accuses Anan), or None."""
        k = 1
        while k < len(toks) and k <= 3 and toks[k][2].startswith("ال"):
            if self.text[toks[k - 1][1] : toks[k][0]].strip() or self.mention_at(
                toks[k][0], toks[k][1]
            ):
                return None
            k += 1
        if k == 1 or k >= len(toks) or self.text[toks[k - 1][1] : toks[k][0]].strip():
            return None
        m = self.mention_at(toks[k][0], toks[k][1])
        if m is None or m.type != "person" or m.start != toks[k][0]:
            return None
        if toks[k][2].startswith("لل"):
            return None  # «قناة المسيرة التابعة للحوثي»: whose body it is
        return toks[k - 1][1]

    def _plural_governs_body(self, toks: Sequence[tuple[int, int, str]]) -> bool:
        """Whether the first word after a verb is a plural in «ات» that names nobody and
        has a body or a state right after it as its genitive («تعتبر ممارسات حزب الله»,
        «وأدان تصريحات الخارجية الروسية»)."""
        t = toks[0][2]
        if (
            len(toks) < 2
            or len(t) < 5
            or not t.endswith("ات")
            or t in self.fk.body_heads
            or f"{t[:-2]}ه" in self.fk.body_heads  # «وقالت قيادات حزب الله»: they speak
            or t in self.fk.unnamed_sources
            or t in self.kb.titles
            or self.text[toks[0][1] : toks[1][0]].strip()
        ):
            return False
        m = self.mention_at(toks[1][0], toks[1][1])
        return m is not None and m.type != "person" and m.start == toks[1][0]

    def _called_after(self, toks: Sequence[tuple[int, int, str]]) -> MentionIn | None:
        """The person named after «، ويدعى» or «، واسمه» in the first words after a verb,
        past who he is («صديق آخر»)."""
        for i in range(1, min(len(toks) - 1, 4)):
            if toks[i][2] in CALLED and "،" in self.text[toks[i - 1][1] : toks[i][0]]:
                m = self.mention_at(toks[i + 1][0], toks[i + 1][1])
                return m if m is not None and m.type == "person" else None
            if toks[i][2] in _COMPLEMENTISERS or toks[i][2] in ("ان", "إن"):
                return None
        return None

    def _pronoun_before(self, v: _Verb) -> bool:
        """Whether the verb's subject is the pronoun of «إنه»/«أنها» right before it."""
        i = self.doc.token_at(v.start)
        if i < 1 or self.doc.original_tokens()[i][0] != v.start:
            return False
        return self.doc.texts[i - 1] in _PRONOUN_THAT

    def _person_right_after(self, m: MentionIn) -> MentionIn | None:
        """The person named right after the body ``m`` of a title, with nothing but spaces,
        commas or a rank between, or None."""
        i = bisect.bisect_right(self.mention_starts, m.start)
        if i >= len(self.mentions):
            return None
        nxt = self.mentions[i]
        if nxt.type != "person":
            return None
        # a rank may stand between («في الجيش الإيراني العميد أحمد رضا»)
        between = normalize(self.text[m.end : nxt.start]).replace("،", " ").split()
        if len(between) > 2 or any(w not in self.kb.titles for w in between):
            return None
        return nxt

    def _past_joined(self, m: MentionIn) -> int:
        """Where the subject ``m`` ends with the actors joined on to it by «و»: capitals,
        which stand for their governments as it does («وأعلنت أنقرة وموسكو وطهران
        التزامها»), and actors of its kind («أعلنت سرايا القدس وكتائب عز الدين القسام
        مسؤوليتهما», «وأعلن بوتين وأردوغان»). They are not what was said."""
        end = m.end
        i = bisect.bisect_right(self.mention_starts, m.start)
        while (
            i < len(self.mentions)
            and (
                self.mentions[i].start in self._joined_capitals
                or (self.mentions[i].type == m.type and m.type in SPEAKER_TYPES)
            )
            and self.text[end : self.mentions[i].start].strip() == "و"
        ):
            end = self.mentions[i].end
            i += 1
        return end

    def _name_between_commas(self, toks: Sequence[tuple[int, int, str]], n: int) -> bool:
        """Whether the words from ``toks[n]``, after a comma, are a name between commas
        right before «إن» («المتحدث باسم الجيش، جوناثان كونريكس، إن»): at most three
        words, the first without «و» («، وهي مظلة تضم جماعات، أن» is a clause)."""
        if toks[n][2].startswith("و"):
            return False
        for k in range(n + 1, min(n + 4, len(toks))):
            gap = self.text[toks[k - 1][1] : toks[k][0]]
            if "،" in gap or "," in gap:
                return toks[k][2] == "ان" or toks[k][2] in _COMPLEMENTISERS
            if gap.strip():
                return False
        return False

    def _subject_words(self, v: _Verb, limit: int) -> tuple[MentionIn | None, str, int] | None:
        """A subject after the verb that names nobody the analysis knows: definite words
        or a listed unnamed source, then «إن»/«أن», a quotation mark or a colon («وأكد
        مصدر عسكري سوري أن», «وقال المحلل السياسي حسن أحمد إن», «وقال الناطق باسم
        الهيئة العليا للمفاوضات "…"»). Returns the actor it speaks for (a body after
        «باسم», a person among the words), the words, and where they end. Without it the
        speaker of the sentence before was given the words."""
        s_end = min(limit, self.sentences[v.sentence][1])
        toks = self.norm_tokens_between(v.end, s_end, 15)
        if not toks or v.end < toks[0][0] - 2:
            return None
        first = toks[0][2]
        if self._object_after(v, first):
            return None  # «ودعا الهيئة العليا … إلى»: whom he called on
        if len(toks) > 1 and all(
            len(w) > 6 and w.startswith("ال") and w.endswith("ين") for _a, _b, w in toks[:2]
        ):
            return None  # «ودعا الفاعلين الاقتصاديين»: a plural in «ين» is no subject
        # a body named in construct, «وكالة الأنباء الكورية الشمالية»
        construct = first in self.fk.body_heads and len(toks) > 1 and toks[1][2].startswith("ال")
        if not (
            (first.startswith("ال") and first not in _NOT_SUBJECTS)
            or first in self.fk.unnamed_sources
            or construct
        ):
            return None
        n = 1
        # where the subject ends and how it spoke begins («… في بيان إن», «… خلال مؤتمر
        # صحفي إن»): those words are not the speaker
        manner: int | None = None
        said_after = _SAID_AFTER.get(normalize(v.lemma))
        by_preposition = False
        # where the source's wish not to be named begins, if it is told
        unnamed_at: int | None = None
        while n < len(toks):
            t = toks[n][2]
            after = self.text[toks[n - 1][1] : toks[n][0]]
            if (
                t in _COMPLEMENTISERS
                or t == "ان"
                or t in _SAYING  # «وأضاف الهاشمي قوله "…"»
                or any(c in after for c in ":«" + _DOUBLE)
            ):
                break
            if manner is None and self._body_name_goes_on(toks, n, len(toks)):
                # «وصفت الفيدرالية العربية لحقوق الإنسان الحكم بالسجن … بأنه»: the name
                # ends with the noun after «ل», and what was described follows
                n += 2
                break
            if unnamed_at is None and manner is None and ("،" in after or "," in after):
                wish = _unnamed_clause([w for _a, _b, w in toks[n : n + 6]])
                if wish:  # «مسؤول أمريكي، طلب عدم الكشف عن اسمه، إن»: not the speaker's
                    unnamed_at = n
                    n += wish
                    continue
                if (
                    n >= 2
                    and not t.startswith("ال")
                    and t not in _MANNER
                    and t not in _PREPOSITIONS
                    and self.mention_at(toks[n][0], toks[n][1]) is None
                    and not self._name_between_commas(toks, n)
                ):
                    # «وصف متحدث باسم الخارجية الأمريكية، رافق تيلرسون في رحلته،
                    # المحادثات بأنها»: a clause about the speaker, whom it names too
                    break
            if (
                t == said_after
                and manner is None
                and (first in self.fk.unnamed_sources or self._definite_subject(toks[:n], v))
            ):
                by_preposition = True  # «وشددت الحركة الشعبية على …», «وأشار مسؤولون إلى»
                break
            if manner is None and t in _MANNER:
                nxt = toks[n + 1][2] if n + 1 < len(toks) else ""
                if _head_word(nxt).removeprefix("ال") in SAID_IN:
                    manner = n
                    n += 1
                    continue
                if first in self.fk.unnamed_sources:
                    n += 1  # where the source is: «مصدر في المعارضة السورية»
                    continue
            if manner is not None and f"{toks[n - 1][2]} {t}" in _COPIES:
                # «في بيان وصل لموقع CNN بالعربية نسخة منه:»: how the outlet had the words
                n += 1
                break
            if (
                (t in _NOT_SUBJECTS and manner is None)  # «في بيان في وقت مبكر»: how
                or t in self.kb.verbs
                or (manner is None and (t in _PREPOSITIONS or n >= 9))
                or (manner is not None and n - manner > 5 and not self._copy_ahead(toks, n))
            ):
                return None  # no subject, or how it spoke runs on too long
            n += 1
        else:  # the words run to a quotation (the limit) or a colon, or go on
            rest = self.text[toks[-1][1] : min(s_end + 1, len(self.text))].strip()
            if not rest or not (rest[0] == ":" or (rest[0] in "«" + _DOUBLE and s_end == limit)):
                return None
        end = toks[n - 1][1]
        # whom it was said to is not the speaker («مصادر محلية لعنب بلدي», «مصدر عسكري
        # لـ"سانا"»), a body's own name is («الهيئة العليا للمفاوضات»)
        cut = manner or n
        if unnamed_at is not None:
            cut = min(cut, unnamed_at)
        told = next(
            (
                k
                for k in range(1, cut)
                if toks[k][2].startswith("ل")
                and not toks[k][2].startswith("ال")
                and not self._inside_a_name(toks[k][0], toks[k][1])
            ),
            cut,
        )
        # «الفيدرالية العربية لحقوق الإنسان»: the body's name ends with the noun after
        # «ل»; what follows is what it described («الحكم بأنه»)
        body_name = told < cut and self._body_name_goes_on(toks, told, cut)
        if body_name:
            told += 2
        words = toks[:told]
        speaker: MentionIn | None = None
        on_behalf = False
        for oa, ob, t in words:
            m = self.mention_at(oa, ob)
            if t == "باسم":
                on_behalf = True
            elif m is not None and m.type == "person":
                speaker = m
                break
            elif m is not None and on_behalf and m.type in SPEAKER_TYPES and speaker is None:
                speaker = m  # the spokesman's body, unless he is named after it
        # Nobody named: only a listed unnamed source («مصدر عسكري سوري»), or a title and
        # a name the lexicons do not know («المحلل السياسي حسن أحمد»: its last two words
        # without the article). A time («الثلاثاء», «الأسبوع الماضي»), an object
        # («وجدد التأكيد أن») or a title alone («وأكد الوزير الروسي أن», who was named
        # before) is no new speaker: the speaker of the sentence before goes on.
        if speaker is None and first not in self.fk.unnamed_sources:
            named = len(words) >= 3 and not any(t.startswith("ال") for _a, _b, t in words[-2:])
            named = named or by_preposition or self._definite_subject(words, v)
            named = named or (construct and self._definite_subject(words[1:], v, construct=True))
            named = named or self._family_name_alone(words)
            named = named or body_name
            # a spokesman names whom he speaks for, known or not («وقال المتحدث باسم
            # الجيش إن»): he speaks, not the speaker before
            named = named or (on_behalf and words[0][2] in _SPOKESPEOPLE)
            body = self._body_again(words, v)
            named = named or body is not None
            if not named or self._dates_in(words[0][0], end):
                return None
            speaker = self._side_of(words)
            if body is not None:  # «وقالت المحكمة إن» after «محكمة العدل الأوروبية»
                return body[0], body[1], end
        return speaker, self.text[words[0][0] : words[-1][1]], end

    def _body_again(
        self, words: Sequence[tuple[int, int, str]], v: _Verb
    ) -> tuple[MentionIn | None, str] | None:
        """A body named again by its noun with the article («وقالت المحكمة إن»): the one
        named before in the document with that noun, an actor («حركة النهضة», «المرصد
        السوري لحقوق الإنسان») or a name no lexicon knows («محكمة العدل الأوروبية»), else
        the noun alone. None for anything else, or a noun not of the verb's gender (then
        the object: «وانتقد المحكمة»)."""
        if len(words) != 1:
            return None
        a, b, t = words[0]
        head = t.removeprefix("ال")
        if (
            head == t
            or head not in self.kb.body_heads
            or t in ANAPHORS
            or self._feminine_verb(v) != t.endswith("ه")
        ):
            return None
        texts, spans = self.doc.texts, self.doc.original_tokens()
        for i in range(self.doc.token_at(a) - 1, -1, -1):
            forms = strip_proclitic(texts[i])
            if head not in forms and t not in forms:
                continue
            m = self.mention_at(*spans[i])
            if m is not None and m.type in SPEAKER_TYPES and m.end > spans[i][1]:
                return m, self.text[m.start : m.end]
            if head not in forms:
                continue  # the noun again, with the article: further back
            j = i + 1
            while (
                j < len(texts)
                and j - i <= 4
                and texts[j].startswith("ال")
                and self.mention_at(*spans[j]) is None  # «… الصحراء الغربية»: its object
            ):
                j += 1
                if texts[j - 1] in self.kb.nisbas:
                    break  # a body's name ends with its nationality
            if j > i + 1:
                start = spans[i][0] + len(texts[i]) - len(head)
                return None, self.text[start : spans[j - 1][1]]
        return None, self.text[a:b]

    def _described(self, toks: Sequence[tuple[int, int, str]], verb: _Verb) -> bool:
        """Whether the anaphoric noun ``toks[0]`` («الحكومة», «المجلس») comes with definite
        words that say which one it is («الحكومة السودانية», «المجلس العسكري»), not
        those that any would have («الوكالة الرسمية» is the agency named before)."""
        if len(toks) < 2 or self.text[toks[0][1] : toks[1][0]].strip():
            return False
        t = toks[1][2]
        return t.startswith("ال") and t not in _ANY_ONES and self._definite_subject(toks[:2], verb)

    def _side_of(self, words: Sequence[tuple[int, int, str]]) -> MentionIn | None:
        """Whom a noun with a nationality stands for, as a mention of the words: a
        government, side or authorities, its state's («الحكومة السودانية», «الجانب
        الروسي»); an agency or body, the last of that kind of that state named before
        («الوكالة الإيرانية» after «إرنا»), else nobody known."""
        if len(words) != 2:
            return None
        noun = words[0][2]
        state = self.kb.nisbas.get(words[1][2])
        if state is None:
            return None
        if noun in _SIDES:
            government = f"{state}-government"  # the gazetteer's, where it has one
            key = government if government in self.kb.entities else state
            return MentionIn(words[0][0], words[1][1], key, "state", "nisba")
        wanted = ANAPHOR_TYPES.get(noun)
        if wanted is None:
            return None
        k = bisect.bisect_left(self.mention_starts, words[0][0]) - 1
        while k >= 0:
            m = self.mentions[k]
            if m.type == wanted and state in self.kb.chain(m.key):
                return MentionIn(words[0][0], words[1][1], m.key, wanted, "anaphor")
            k -= 1
        return None

    def _definite_subject(
        self, words: Sequence[tuple[int, int, str]], verb: _Verb, *, construct: bool = False
    ) -> bool:
        """Whether these words after ``verb``, before «أن» or the preposition its words
        follow, are a subject of their own: two or more definite words naming nobody
        known, no time, the first no title and of the verb's gender («الحركة الشعبية»,
        «المجلس العسكري الانتقالي»; not «الوزير الروسي», who was named before, nor «الأسبوع
        الماضي», nor the object of «ونفى الاتهامات الروسية بأن»)."""
        if len(words) < (1 if construct else 2) or len(words) > 5:
            return False
        first = words[0][2]
        if not construct:  # (the words after a body's noun in construct: its name)
            if first in self.kb.titles or first.removeprefix("ال") in self.kb.titles:
                return False
            if self._feminine_verb(verb) != first.endswith(("ه", "ات")):
                return False
        return all(self._plain_definite(a, b, t) for a, b, t in words)

    def _plain_definite(self, a: int, b: int, t: str) -> bool:
        """Whether the word ``t`` at ``[a, b)`` has the article and names nobody known,
        no time and no function word («الي» is «إلى»): one of a subject's own words."""
        return (
            t.startswith("ال")
            and t not in _NOT_SUBJECTS
            and t not in self.kb.function_words
            and t.removeprefix("ال") not in self.fk.time_units
            and self.mention_at(a, b) is None
        )

    def _family_name_alone(self, words: Sequence[tuple[int, int, str]]) -> bool:
        """Whether one word after a verb is a family name no lexicon knows («وأضاف البريكي
        "…"», «وتابعت الجريبي»): a nisba's shape with the article, not a nationality, a
        title, a time or an anaphoric noun. Without it the speaker before went on."""
        if len(words) != 1:
            return False
        (a, b, t) = words[0]
        return (
            t.endswith("ي")
            and len(t) >= 6
            and t not in self.kb.nisbas
            and t not in self.kb.titles
            and t not in ANAPHORS
            and self._plain_definite(a, b, t)
        )

    def _bare_name_after(self, v: _Verb, limit: int) -> tuple[int, int] | None:
        """The span of one word right after the verb, then «إن»/«أن», a colon or a
        quotation mark, that can only be a name («وقال كوهين إن»): no article, no word of
        any lexicon, no time, adverb («مجددا», «ساخرا») or pronoun («وقتها»). Without it
        the speaker before went on with the words."""
        s_end = min(limit, self.sentences[v.sentence][1])
        toks = self.norm_tokens_between(v.end, s_end, 2)
        if not toks or toks[0][0] - v.end > 2 or self._after_relative(v):
            return None  # «روحاني الذي يقول بانتظام إن»: the relative's antecedent speaks
        a, b, t = toks[0]
        if len(toks) > 1 and not self.text[b : toks[1][0]].strip():
            if toks[1][2] not in _COMPLEMENTISERS:
                return None
        elif not self.text[b:s_end].lstrip().startswith(":"):
            return None  # («تعهد برد "ساحق"»: a quotation right after a word is no speech)
        if (
            len(t) < 3
            or not t.isalpha()
            or t.startswith(("ال", "بال", "كال"))  # «وقال بالعربية إن»: how
            or t.endswith(("ا", "ها", "هم", "ته", "وه"))  # «سيادته», «سموه»
            or t == "معاليه"
            or self._told_to(t)
            or self._possessed(t)
            or t in _COMPLEMENTISERS
            or t in _NOT_SUBJECTS
            or t in _MODALS
            or t in _MANNER_ADVERBS
            or t in ANAPHORS
            or t in self.kb.function_words
            or t in self.kb.titles
            or t in self.kb.verbs
            or t in self.kb.nisbas
            or t in self.fk.unnamed_sources
            or t in self.fk.body_heads
            or t in self.fk.time_units
            or self.mention_at(a, b) is not None
        ):
            return None
        return a, b

    def _told_to(self, t: str) -> bool:
        """Whether ``t`` says whom the words were said to («للصحفيين», «لمراسلنا», «لقناة»,
        «لهم»): «لل», or «ل» before a noun of the lexicons or a short word."""
        if not t.startswith("ل"):
            return False
        stem = t[1:]
        return (
            t.startswith("لل")
            or len(t) <= 4
            or stem in _MEDIA_NOUNS
            or stem in self.fk.unnamed_sources
            or stem in self.fk.body_heads
            or stem in self.kb.titles
        )

    def _after_relative(self, v: _Verb) -> bool:
        """Whether the verb opens a relative clause («الذي يقول», «التي أكدت»)."""
        i = self.doc.token_at(v.start)
        return i > 0 and self.doc.texts[i - 1] in _RELATIVES

    def _possessed(self, t: str) -> bool:
        """Whether ``t`` is a noun of the lexicons with a pronoun after it («وزارته»,
        «مكتبه», «نظيره»), no name."""
        if not t.endswith("ه"):
            return False
        stem = t[:-1]
        stem = stem[:-1] + "ه" if stem.endswith("ت") else stem
        return any(
            stem in words
            for words in (
                self.fk.body_heads,
                self.fk.unnamed_sources,
                self.kb.titles,
                self.kb.function_words,
            )
        )

    def _feminine_verb(self, verb: _Verb) -> bool:
        """Whether a reporting verb is written in the feminine, past («أكدت», «لفتت») or
        present («تؤكد»)."""
        word = _head_word(normalize(self.text[verb.start : verb.end]))
        lemma = normalize(verb.lemma)
        if word.startswith("ت") and not lemma.startswith("ت"):
            return True
        return word.endswith("تت" if lemma.endswith("ت") else "ت")

    def _masculine_verb(self, verb: _Verb) -> bool:
        """Whether a reporting verb is written in the masculine singular, past as its
        lemma («دعا», «وقال») or present («يدعو»)."""
        word = _head_word(normalize(self.text[verb.start : verb.end]))
        return word == normalize(verb.lemma) or word.startswith("ي")

    def _object_after(self, verb: _Verb, word: str) -> bool:
        """Whether the definite feminine noun right after a masculine verb is its object,
        not its subject: «ودعا الهيئة العليا المستقلة للإنتخابات إلى …» (he called on
        the commission; a commission that calls is «دعت»)."""
        return (
            word.startswith("ال")
            and word.endswith("ه")
            and word not in _MASCULINE_IN_TA
            and word not in self.kb.titles  # «قال الإعلامية البحرينية، سوسن الشاعر»
            and word[2:] not in self.kb.ta_marbuta_first_names
            and self._masculine_verb(verb)
        )

    @staticmethod
    def _copy_ahead(toks: Sequence[tuple[int, int, str]], n: int) -> bool:
        """Whether «نسخة منه» (or «عنه», «منها») comes within the next few words: the
        clause that tells how the outlet had the statement («في بيان تلقت "الجزيرة نت"
        نسخة منه»)."""
        words = [w for _a, _b, w in toks[n : n + 6]]
        return any(f"{a} {b}" in _COPIES for a, b in itertools.pairwise(words))

    def _body_name_goes_on(self, toks: Sequence[tuple[int, int, str]], k: int, cut: int) -> bool:
        """Whether the «ل» word ``toks[k]`` goes on the name of a body no lexicon knows,
        begun by its noun with the article: «الفيدرالية العربية لحقوق الإنسان», not whom
        the words were said to («للصحفيين», «لوكالة الأنباء», «لمراسلنا», «المرصد لأعضاء
        البرلمان»). The body's noun and an adjective or more come before, a definite noun
        after."""
        t = toks[k][2]
        if (
            k < 2
            or k + 1 >= cut
            or not t.startswith("ل")
            or t.startswith("لل")
            or self._told_to(t)
            or t[1:] in self.fk.relatives
            or not toks[0][2].startswith("ال")
            or toks[0][2][2:] not in self.fk.body_heads
            or not all(self._plain_definite(*w) for w in toks[1:k])
        ):
            return False
        nxt = toks[k + 1]
        return (
            self._plain_definite(*nxt)
            and not self.text[toks[k][1] : nxt[0]].strip()
            and not self.text[toks[k - 1][1] : toks[k][0]].strip()
        )

    def _inside_a_name(self, a: int, b: int) -> bool:
        """Whether the word at [a, b) goes on a name begun before it («للمفاوضات» of «الهيئة
        العليا للمفاوضات»)."""
        m = self.mention_at(a, b)
        return m is not None and m.start < a

    def _dates_in(self, a: int, b: int) -> bool:
        """Whether a date or a time the date reader found starts in ``[a, b)``."""
        return any(a <= self.span(d.start, d.end)[0] < b for d in self._dates())

    def _unnamed_subject(self, toks: Sequence[tuple[int, int, str]]) -> int | None:
        """Where an unnamed subject right after a verb ends: a noun of
        ``resources/lexicons/unnamed_sources.txt``, perhaps with its adjective, then
        «إن»/«أن» («وقال ناشطون إن», «وقالت مصادر مطلعة إن»). Without it, the quotation went
        to the first actor of the sentence («وسط هدوء حذر في درعا … وقال ناشطون إن»: to
        سوريا). A listed noun, not any word: «وأضاف بالعربية أن», «وأكد سيادته أن», «وأكد
        أهمية أن» name no speaker."""
        if not toks or not (toks[0][2] in self.fk.unnamed_sources or self._people_of(toks[0][2])):
            return None
        for n in (1, 2):
            if len(toks) <= n or toks[n][2] not in _COMPLEMENTISERS:  # «إن»/«أن» among them
                continue
            words = toks[:n]
            last = words[-1][2]
            if n == 2 and (not last.isalpha() or last.startswith("ال") or last in _NOT_SUBJECTS):
                continue
            if all(self.mention_at(a, b) is None for a, b, _t in words):
                return words[-1][1]
        return None

    def _people_of(self, word: str) -> bool:
        """Whether a word is a people named by its nationality in the plural, with no
        article («ويقول فلسطينيون إن»: some of them speak, nobody named)."""
        return word.endswith(("ون", "يين")) and f"ال{word}" in self.kb.nisbas

    def _relayed(self, verb: _Verb, after: int, limit: int) -> tuple[str | None, str] | None:
        """After «نقلت الوكالة», «عن الوزارة» or «على لسان الوزير» names who actually
        speaks: its key (None for a body the analysis cannot name) and its words."""
        if normalize(verb.lemma) != "نقل":
            return None
        s_end = min(limit, self.sentences[verb.sentence][1])
        if after <= verb.end:
            # «ونقل بيان عن وزارة العدل "…"», «ونقل بيان صادر عن الوزارة»: a statement
            # relays, and is nobody
            toks = self.norm_tokens_between(after, s_end, 2)
            if toks and toks[0][2].removeprefix("ال") in SAID_IN:
                after = toks[0][1]
                if len(toks) > 1 and toks[1][2] in ("صادر", "الصادر"):
                    after = toks[1][1]
        return self._relayed_source(after, s_end, verb.start)

    def _relayed_source(self, after: int, s_end: int, at: int) -> tuple[str | None, str] | None:
        """:meth:`_relay_source` as a speaker: the key of the person or body named
        (None for one the analysis cannot name: its words, or the noun named before
        ``at`` that they refer back to) and its words."""
        source = self._relay_source(after, s_end)
        if source is None:
            return None
        m, words = source
        if m is not None:
            return m.key, self.text[m.start : m.end]
        return self._resolve_anaphor(words, at)[0], words

    def _relayed_feminine(self, verb: _Verb, limit: int) -> bool | None:
        """The gender of whom a relaying verb quotes, by «قوله» or «قولها» after it;
        None for a plural («قولهم») or without either."""
        s_end = min(limit, self.sentences[verb.sentence][1])
        for _oa, _ob, t in self.norm_tokens_between(verb.end, s_end, _RELAY_WITHIN):
            if t == "قوله":
                return False
            if t == "قولها":
                return True
            if t.startswith("قول") or t in _COMPLEMENTISERS:
                return None
        return None

    def _relay_source(self, after: int, s_end: int) -> tuple[MentionIn | None, str] | None:
        """Whom «عن» or «على لسان» right after ``after`` names, up to «قوله»: the first
        person named there, past a title between commas («على لسان منسق مكافحة الإرهاب،
        السفير ناثان سايلز، قوله»), else the first body; or the words of an unnamed source
        («عن مصدرين في الجبهة الوطنية للتحرير قولهما») or an anaphoric noun, with no
        mention. None when nothing is relayed."""
        toks = self.norm_tokens_between(after, s_end, _RELAY_WITHIN)
        # the source follows the last «عن» or «على لسان» before «قوله»: «ونقلت الوكالة
        # اللبنانية على لسان بري قوله», «ونقل بيان صادر عن وزارة الإعلام عن النائب العام
        # … قوله»; without «قوله», only right after the verb's subject
        said = len(toks)
        for j, (_oa, _ob, t) in enumerate(toks):
            if t in _COMPLEMENTISERS or t in ("ان", "إن"):
                break
            if t.startswith("قول"):
                said = j
                break
        marker = -1
        for j in range(said if said < len(toks) else min(1, len(toks))):
            t = toks[j][2]
            if t == "عن" and j + 1 < len(toks):
                marker = j + 1
            elif t == "علي" and j + 2 < len(toks) and toks[j + 1][2] == "لسان":
                marker = j + 2
        if marker < 0:
            return None
        rest = toks[marker:]
        body: MentionIn | None = None
        upto = len(rest)
        first = rest[0][2]
        titled = first in self.kb.titles
        for j, (oa, ob, t) in enumerate(rest):
            if t.startswith("قول") or t in _COMPLEMENTISERS or j >= 10:
                upto = j
                break
            m = self.mention_at(oa, ob)
            if m is not None and m.type == "person":
                return m, self.text[m.start : m.end]
            if titled and j > 0 and rest[j - 1][2] == "في":
                continue  # «عن رئيس مركز المراقبة الروسية في سوريا …»: where he serves
            if m is not None and m.type in SPEAKER_TYPES and body is None:
                body = m
        if body is not None:
            return body, self.text[body.start : body.end]
        if (first in self.fk.unnamed_sources or titled) and upto > 0:
            # «عن مصدرين في الجبهة الوطنية للتحرير قولهما»; a title whose holder the
            # analysis cannot name
            return None, self.text[rest[0][0] : rest[upto - 1][1]]
        if first in ANAPHORS:
            return None, self.text[rest[0][0] : rest[0][1]]
        if first in self.fk.body_heads and upto > 1 and rest[1][2].startswith("ال"):
            # «عن وزارة العدل»: a body no lexicon knows, its noun and its definite words
            end = 2
            while end < upto and rest[end][2].startswith("ال") and end < 5:
                end += 1
            return None, self.text[rest[0][0] : rest[end - 1][1]]
        if (
            0 < upto <= 3
            and upto < len(rest)
            and rest[upto][2] in _SAYING
            and not any(
                t in self.kb.function_words or t in self.kb.verbs for _a, _b, t in rest[:upto]
            )
        ):
            # «على لسان بري قوله»: a name no lexicon knows, right before «قوله»
            return None, self.text[rest[0][0] : rest[upto - 1][1]]
        return None

    def _office_holder(self, m: MentionIn) -> MentionIn | None:
        """«مكتب مبعوث الأمم المتحدة … جير بيدرسون»: the office speaks for the person
        named right after it."""
        if not normalize(self.text[m.start : m.end]).startswith("مكتب"):
            return None
        i = bisect.bisect_right(self.mention_starts, m.start)
        nxt = self.mentions[i] if i < len(self.mentions) else None
        if nxt is not None and nxt.type == "person" and 0 <= nxt.start - m.end <= 2:
            return MentionIn(nxt.start, nxt.end, nxt.key, nxt.type, f"via:{m.key}")
        return None

    def _titled_holder(self, m: MentionIn) -> MentionIn | None:
        """«وقال عضو الائتلاف أحمد رمضان»: the body or place in a title speaks for the
        person named right after it (the gazetteer's, or a name read after the title),
        past an adjective of the body or between commas («عضو الائتلاف المعارض هادي
        البحرة», «عضو الهيئة العليا للمفاوضات، يحيى العريضي، إن»)."""
        if m.type == "person":
            return None
        i = bisect.bisect_right(self.mention_starts, m.start)
        nxt = self.mentions[i] if i < len(self.mentions) else None
        if (
            nxt is None
            or nxt.type != "person"
            or nxt.kind not in ("name", "discovered")
            or not 0 < nxt.start - m.end <= 30
        ):
            return None
        gap = self.text[m.end : nxt.start]
        words = gap.replace("،", " ").replace(",", " ").split()
        if len(words) > 2 or any(
            not (w.isalpha() and (normalize(w).startswith("ال") or normalize(w) in self.kb.nisbas))
            for w in words
        ):
            return None
        # between commas the name is the title's («…، يحيى العريضي، إن»); else a
        # gazetteer name of another body is whom was spoken of («واتهم عضو الائتلاف بشار
        # الأسد بعرقلة …»)
        after = self.text[nxt.end : nxt.end + 2].lstrip()
        between_commas = ("،" in gap or "," in gap) and after[:1] in ("،", ",")
        if nxt.kind == "name" and not between_commas and not self._belongs_to(nxt.key, m.key):
            return None
        begin = self._title_before(nxt.start, nxt.key)
        return nxt if begin is not None and begin <= m.start else None

    def _belongs_to(self, key: str, body: str) -> bool:
        """Whether the gazetteer puts ``key`` in ``body``, or in a body of it."""
        for _step in range(4):
            info = self.kb.entities.get(key)
            if info is None or not info.affiliation:
                return False
            if info.affiliation == body:
                return True
            key = info.affiliation
        return False

    def _subject_right_before(self, verb: _Verb) -> MentionIn | None:
        """An actor named right before a verb without «و» or «ف», in its sentence and
        governed by no preposition: its subject, whatever follows the verb («تركيا تؤكد
        وجود جمال خاشقجي», «إن الأسد أكد»)."""
        if verb.participle:
            return None
        i = bisect.bisect_left(self.mention_starts, verb.start) - 1
        if i < 0:
            return None
        m = self.mentions[i]
        s_start = self.sentences[verb.sentence][0]
        if (
            m.start < s_start
            or m.end > verb.start
            or m.type not in SPEAKER_TYPES
            or self.text[m.end : verb.start].strip()
        ):
            return None
        first = self.text[verb.start]
        if first in "وف" and not verb.lemma.startswith(first):
            return None  # «… أردوغان وقال»: another clause
        if normalize(self.text[m.start : m.start + 3]) in ("لل", "بال", "كال"):
            return None  # «طلبا للمحكمة الجنائية الدولية يدعو»: governed
        if self._governed(m, s_start):
            return None
        prev = self._word_before(m, s_start)
        if prev is not None:
            _a, b, t = prev
            # a noun in construct governs it too («وعقب تعيين صالح أعلنت»); a title, the
            # article or a function word does not
            if (
                not self.text[b : m.start].strip()
                and not t.startswith("ال")
                and t not in self.kb.function_words
                and t not in self.kb.name_openers
                and t not in self.kb.titles
            ):
                return None
        return m

    def _word_before(self, m: MentionIn, s_start: int) -> tuple[int, int, str] | None:
        """The word right before the mention in its sentence, or None."""
        before = self.norm_tokens_between(max(s_start, m.start - 30), m.start)
        return before[-1] if before else None

    def _governed(self, m: MentionIn, s_start: int) -> bool:
        """Is the mention the object of a preposition (مع بيدرسون, لمجلس الأمن)?"""
        if m.start > 0 and self.text[m.start - 1].isalpha():
            return True  # a proclitic preposition fused to the name
        prev = self._word_before(m, s_start)
        return prev is not None and (prev[2] in _PREPOSITIONS or prev[2] in _GOVERNING)

    def _clause_subject(self, verb: _Verb) -> tuple[MentionIn | None, str] | None:
        """The subject between a clause opener and its verb («…، لكن أعضاء المجلس أكدوا
        أن», «بينما الوزير قال»): an actor named there, else its words (a few, no
        preposition among them). None when no opener stands in the few words before."""
        s_start = self.sentences[verb.sentence][0]
        before = self.norm_tokens_between(max(s_start, verb.start - 60), verb.start)[-5:]
        at = next(
            (i for i in range(len(before) - 1, -1, -1) if before[i][2] in _CLAUSE_OPENERS),
            None,
        )
        if at is None or at == len(before) - 1:
            return None
        words = before[at + 1 :]
        for oa, ob, _t in words:
            m = self.mention_at(oa, ob)
            if m is not None and m.type in SPEAKER_TYPES and m.start >= words[0][0]:
                return m, self.text[m.start : m.end]
        if len(words) > 3 or any(
            t in _PREPOSITIONS or t in self.kb.function_words for _a, _b, t in words
        ):
            return None
        return None, self.text[words[0][0] : words[-1][1]]

    def _described_noun(self, verb: _Verb) -> str | None:
        """The words of an indefinite noun a present verb describes, right after it and a
        comma («باحتجاز رجل بريطاني الجنسية، يقول إنه صيدلاني»: the man says so, who
        reported his detention does not), or None. A clause with no relative pronoun
        describes an indefinite noun alone; a definite one or a name is no such noun."""
        written = normalize(self.text[verb.start : verb.end])
        if written[:1] not in ("ي", "ت") or written.startswith(normalize(verb.lemma)):
            return None  # «تابع», «تحدث»: the past
        if self._char_before(verb.start) not in ("،", ","):
            return None
        s_start = self.sentences[verb.sentence][0]
        before = self.norm_tokens_between(max(s_start, verb.start - 60), verb.start)[-4:]
        if not before or self.text[before[-1][1] : verb.start].strip() not in ("،", ","):
            return None
        head = None
        for k in range(len(before) - 1, -1, -1):
            oa, ob, t = before[k]
            if k < len(before) - 1 and self.text[ob : before[k + 1][0]].strip():
                break  # punctuation: the phrase began after it
            if not t.isalpha() or t in self.fk.time_units:
                break  # «منذ قيام الثورة عام 1979، يدعو قادة البلاد»: a time, no noun
            if f"ال{t}" in self.kb.nisbas:
                continue  # «بريطاني»: an adjective of the noun, no name
            if self.mention_at(oa, ob) is not None or t in self.kb.function_words:
                break
            if (t[:1] in ("ب", "ل", "ك") and len(t) > 4) or t in _PREPOSITIONS:
                break  # «باحتجاز»: what governs the noun
            head = k
        if head is None:
            return None
        first = before[head][2]
        if first.startswith("ال") or first in self.kb.titles:
            return None  # «المرصد، يقول»: the verb goes on with its subject
        return self.text[before[head][0] : before[-1][1]]

    def _subject_after_kana(self, verb: _Verb) -> str | None:
        """The words between «كان» (or «كانت»), opening the verb's sentence, and the verb,
        when they can be its subject: a definite noun, a body in construct or an unnamed
        source first, a few words, no verb or complementiser among them («وكان المتحدث
        باسم الجيش قد قال إن»: «قد» left out)."""
        s_start = self.sentences[verb.sentence][0]
        words = self.norm_tokens_between(s_start, verb.start, 12)
        if len(words) < 2 or words[0][2].removeprefix("و") not in ("كان", "كانت"):
            return None
        words = words[1:]
        if words[-1][2] == "قد":
            words = words[:-1]
        if not words or len(words) > 8 or words[-1][1] > verb.start:
            return None
        first = words[0][2]
        if not (
            (first.startswith("ال") and first not in _NOT_SUBJECTS)
            or first in self.fk.body_heads
            or first in self.fk.unnamed_sources
        ):
            return None
        if any(
            t in _COMPLEMENTISERS or t in self.kb.verbs or (t in _PREPOSITIONS and t != "في")
            for _a, _b, t in words
        ) or any(c in self.text[words[0][0] : words[-1][1]] for c in "،,:" + _DOUBLE + "«"):
            return None
        return self.text[words[0][0] : words[-1][1]]

    def _speaker_before(self, verb: _Verb) -> MentionIn | None:
        """The subject before the verb (SV order): the sentence's first actor that no
        preposition governs, and no platform words are written on («في تغريدة للصدر على
        صفحته بموقع التواصل الاجتماعي، تويتر، حيث قال»)."""
        s_start = self.sentences[verb.sentence][0]
        # looked at in order until one is found (a text without punctuation is one
        # sentence: listing every mention before each verb made it quadratic)
        lo = bisect.bisect_left(self.mention_starts, s_start)
        hi = bisect.bisect_left(self.mention_starts, verb.start)
        for i in range(lo, hi):
            m = self.mentions[i]
            if m.end > verb.start or m.type not in SPEAKER_TYPES or self._governed(m, s_start):
                continue
            if m.type == "media" and self._forms()[i].split()[-1] in self.fk.written_on:
                continue
            if not self._quotes.covers(m.start):
                return m
        return None

    def _resolve_anaphor(self, noun: str, before: int) -> tuple[str | None, str | None]:
        """«المكتب» → (speaker key, the body it stands for). The office of a person speaks
        for that person."""
        norm = normalize(noun)
        stem = ANAPHORS.get(norm)
        if stem is None:
            return None, None
        if norm == "الوزاره":  # the last ministry named, «وزارة …» or «الخارجية …»
            return self._last_named((stem, *_MINISTRIES), before)
        found = self._anaphor_by_name(stem, before)
        if found != (None, None):
            return found
        wanted = ANAPHOR_TYPES.get(norm)
        if wanted is None:
            return None, None
        # the last mention of that type before the noun; an agency is no channel or
        # platform («وأضافت الوكالة» after «قناة الحرة»)
        forms = self._forms()
        of_type = self._mention_index(
            f"type:{wanted}",
            lambda i: self.mentions[i].type == wanted and not forms[i].startswith(_NO_AGENCY),
        )
        last = bisect.bisect_left(of_type, bisect.bisect_left(self.mention_starts, before)) - 1
        return (self.mentions[of_type[last]].key, None) if last >= 0 else (None, None)

    def _forms(self) -> list[str]:
        """Each mention as written, normalised (made once per document, when asked)."""
        if self._mention_forms is None:
            text = self.text
            self._mention_forms = [normalize(text[m.start : m.end]) for m in self.mentions]
        return self._mention_forms

    def _mention_index(self, name: str, test: Callable[[int], bool]) -> list[int]:
        """Indices of the mentions whose index passes ``test``, in order; made once per
        document for each ``name`` (the anaphor passes ask for the last one before a
        position)."""
        found = self._mention_indices.get(name)
        if found is None:
            found = self._mention_indices[name] = [i for i in range(len(self.mentions)) if test(i)]
        return found

    def _named_so(self, stem: str) -> list[int]:
        """Indices of the mentions whose name has ``stem`` in its first word or starts
        with it, in order."""
        forms = self._forms()
        return self._mention_index(
            f"stem:{stem}", lambda i: stem in forms[i].split()[0] or forms[i].startswith(stem)
        )

    def _last_named(self, stems: Sequence[str], before: int) -> tuple[str | None, str | None]:
        """The last mention before ``before`` named with one of ``stems``."""
        at = bisect.bisect_left(self.mention_starts, before)
        best = -1
        for stem in stems:
            if stem not in self.doc.norm:
                continue  # most documents name no ministry so
            named_so = self._named_so(stem)
            k = bisect.bisect_left(named_so, at) - 1
            if k >= 0:
                best = max(best, named_so[k])
        return (self.mentions[best].key, None) if best >= 0 else (None, None)

    def _anaphor_by_name(self, stem: str, before: int) -> tuple[str | None, str | None]:
        """The last mention before ``before`` whose name has ``stem`` in its first word or
        starts with it («المكتب» → «مكتب المبعوث الخاص»)."""
        named_so = self._named_so(stem)
        last = bisect.bisect_left(named_so, bisect.bisect_left(self.mention_starts, before)) - 1
        if last < 0:
            return None, None
        i = named_so[last]
        m = self.mentions[i]
        nxt = self.mentions[i + 1] if i + 1 < len(self.mentions) else None
        if nxt is not None and nxt.type == "person" and nxt.start - m.end <= 2 and stem == "مكتب":
            return nxt.key, m.key
        return m.key, None

    def quotes(self) -> None:
        marks = self._quote_marks()
        self.quote_spans = [(a, b) for a, b, _c in marks]
        self._quotes = Spans(self.quote_spans)
        mark_starts = [a for a, _b, _c in marks]  # sorted
        verbs = self._verbs()
        used_verbs: set[int] = set()
        last_speaker: tuple[str | None, str | None, dict[str, Any]] = (None, None, {})
        # whether the last speaker's verb was feminine, and the speakers named so far with
        # their verbs' gender: a verb that goes on with nobody named agrees with its speaker
        last_feminine: bool | None = None
        told_by: list[tuple[str | None, str | None, dict[str, Any], bool]] = []
        speakers_by_sentence: dict[int, tuple[str | None, str | None, dict[str, Any], _Verb]] = {}
        previous: _Verb | None = None
        speakers_named: list[tuple[str | None, str]] = []  # (key, words), in order
        for v in verbs:
            if self._quotes.covers(v.start):
                continue  # a verb inside a quotation belongs to the quoted speech
            if (
                previous is not None
                and previous.sentence == v.sentence
                and (v.participle or self._pronoun_before(v))
            ):
                # «… مؤكداً», «واصفاً …»: the same subject; so is the pronoun of «قال
                # ترامب إنه حذر الملك سلمان …» (the king was warned, he did not speak)
                v.speaker = previous.speaker
                v.subject_end = v.end
                continue
            previous = v
            feminine = self._feminine_verb(v)
            k = bisect.bisect_right(mark_starts, v.end)
            limit = marks[k][0] if k < len(marks) else len(self.text)
            mention: MentionIn | None = self._subject_right_before(v)
            noun: str | None = None
            after = v.end
            if mention is None:  # else «تركيا تؤكد وجود …»: the subject comes first
                mention, noun, after = self._speaker_after(v, limit)
            v.subject_end = after
            details: dict[str, Any] = {}
            key = mention.key if mention else None
            text = self.text[mention.start : mention.end] if mention else noun
            if mention is not None and mention.kind.startswith("via:"):
                details["via"] = mention.kind[4:]
            if mention is None:
                if noun:
                    key, via = self._resolve_anaphor(noun, v.start)
                    if via:
                        details["via"] = via
                # «نقلت الوكالة عن الوزارة قولها»; «ونقلت وكالة الأنباء الرسمية عن الرئيس
                # … قوله», whoever relays it
                relayed = self._relayed(v, after, limit)
                if relayed is not None:
                    if key is not None:
                        details["via"] = key
                    key, text = relayed
                    noun = noun or text
            else:
                relayed = None
            if key is None and noun is None:
                named = self._subject_words(v, limit)
                if named is not None:  # «وأكد مصدر عسكري سوري أن», «وقال الناطق باسم …»
                    m2, noun, v.subject_end = named
                    key = m2.key if m2 else None
                    text = noun
            if key is None and noun is None:
                bare = self._bare_name_after(v, limit)
                if bare is not None:  # «وقال كوهين إن»: a name no lexicon knows speaks
                    noun = text = self.text[bare[0] : bare[1]]
                    v.subject_end = bare[1]
                    # the family name of a speaker named in full before («وقال مسؤول
                    # كبير … بريان هوك» … «وتابع هوك أن»): that speaker
                    word = normalize(noun)
                    for named_key, said_as in reversed(speakers_named):
                        if said_as and normalize(said_as).split()[-1] == word:
                            key, text = named_key, said_as
                            break
            after_while = self._after_while(v) is not None
            if key is None and noun is None and after_while:
                # «…، فيما أشار وزير الخارجية التركي إلى …»: a title after the verb is a
                # speaker of its own here, not the one before going on; so are unnamed
                # sources («…، فيما نفى ناشطون معارضون ذلك»)
                role = self._role_after(v)
                if role is not None:
                    ra, rb = role
                    noun, text, v.subject_end = self.text[ra:rb], self.text[ra:rb], rb
                else:
                    toks = self.norm_tokens_between(v.end, limit, 2)
                    if toks and toks[0][2] in self.fk.unnamed_sources:
                        rb = toks[0][1]
                        if len(toks) > 1 and _adjective_like(toks[1][2], self.kb.function_words):
                            rb = toks[1][1]
                        noun = text = self.text[toks[0][0] : rb]
                        v.subject_end = rb
            if key is None and noun is None:
                clause = self._clause_subject(v)
                if clause is not None:  # «…، لكن أعضاء المجلس أكدوا أن»: they spoke
                    m2, noun = clause
                    key = m2.key if m2 else None
                    text = self.text[m2.start : m2.end] if m2 else noun
            if key is None and noun is None and not after_while:
                described = self._described_noun(v)
                if described is not None:  # «رجل بريطاني، يقول إنه»: the man speaks
                    noun = text = described
                    self._noun_clauses.add(v.start)
            if key is None and noun is None and not after_while:
                m2 = self._speaker_before(v)  # the sentence's first actor: not after «فيما»
                if m2 is not None:
                    key, text = m2.key, self.text[m2.start : m2.end]
                else:
                    # «وكانت وكالة الأنباء العمانية الرسمية أكدت»: nobody the analysis
                    # knows, named between «كان» and the verb
                    noun = text = self._subject_after_kana(v)
                    if noun:  # «وكانت الوزارة قد أكدت»: the ministry named before
                        key, via = self._resolve_anaphor(noun, v.start)
                        if via:
                            details["via"] = via
            if key is None and noun is None and not after_while:
                role = self._role_after(v)
                if (former := self._former_office_after(v)) is not None:
                    # «وقال الرئيس الصومالي السابق إن»: who held an office speaks, not the
                    # speaker before (its holder now), unless the text named him so before
                    fa, fb = former
                    key = self._former_named(fa, fb)
                    text, details, v.subject_end = self.text[fa:fb], {}, fb
                elif role is not None and self._can_be_subject(v, role):
                    # an office the analysis cannot name is a speaker of its own, not
                    # the one before going on («قال بوتين … وأكد المبعوث الخاص أن»;
                    # «وقال المتحدث باسم الجيش الروسي في بيان إن» with nobody before),
                    # unless the text named its holder with it before («وقال رئيس
                    # الائتلاف بدر جاموس … وأضاف رئيس الائتلاف أن»)
                    ra, rb = role
                    key = self._named_with(ra, rb)
                    rb = self._nationality_end(rb)  # «العاهل المغربي», not «العاهل»
                    text, details, v.subject_end = self.text[ra:rb], {}, rb
                elif (office := self._foreign_office_after(v, last_speaker[0])) is not None:
                    # «وقال بوتين … وقال الرئيس التونسي إن»: an office of another state
                    # speaks, not the speaker before
                    key, text, details = None, office, {}
                elif (titled := self._titled_name_after(v)) is not None:
                    # «واعتبر رئيس التجمع الوطني المسيحي في الأراضي المقدسة، ديمتري
                    # دلياني، …»: the office and the name between commas speak
                    ta, tb, key = titled
                    text, details, v.subject_end = self.text[ta:tb], {}, tb
                elif (office_words := self._office_words_after(v, limit)) is not None:
                    # «وقال مدير المستشفى:», «وقال قائد شرطة محافظة ظفار:»: an office no
                    # lexicon lists speaks (its holder, when the text named him with
                    # it before), not the speaker before
                    oa, ob = office_words
                    key = self._named_after_words(oa, ob)
                    text, details, v.subject_end = self.text[oa:ob], {}, ob
                else:
                    # «وأضاف:» continues the previous speaker; «…، فيما نفى ناشطون ذلك»
                    # is somebody else's, named or not
                    key, text, details = last_speaker
                    if last_feminine is not None and feminine != last_feminine:
                        # «وقال بوتين … وأضافت أن»: not him, but the last speaker told of
                        # in her verb's gender, else nobody
                        key, text, details = next(
                            (
                                (k, t, d)
                                for k, t, d, f in reversed(told_by)
                                if f == feminine and (k is not None or t)
                            ),
                            (None, None, {}),
                        )
                    details = dict(details, continued=True)
                    alone = self._title_alone_after(v) if key is None and not text else None
                    if alone is not None:
                        # «وقال الرئيس إن» with nobody before (or nobody of the verb's
                        # gender): the office speaks, and its words are not lost
                        text, details, v.subject_end = self.text[alone[0] : alone[1]], {}, alone[1]
            if key is not None or text:
                speakers_by_sentence.setdefault(v.sentence, (key, text, details, v))
                via_of = {k: d for k, d in details.items() if k == "via"}
                last_speaker = (key, text, via_of)
                # the verb of words relayed is the relayer's («ونقلت الوكالة عن الوزير»):
                # it tells nothing of the speaker's gender, «قوله» or «قولها» does
                if relayed is not None or (via_of and normalize(v.lemma) == "نقل"):
                    last_feminine = self._relayed_feminine(v, limit)
                else:
                    last_feminine = None if via_of else feminine
                if last_feminine is not None and not details.get("continued"):
                    told_by.append((key, text, via_of, last_feminine))
                if text and not details.get("continued"):
                    speakers_named.append((key, text))
            v.speaker = (key, text, details)
        verbs_in: dict[int, list[_Verb]] = {}
        for v in verbs:
            verbs_in.setdefault(v.sentence, []).append(v)
        for a, b, closed in marks:
            if self.skipped(a):
                continue
            words = self._words(a, b)
            sentence = self.sentence_of(a)
            # the verb that introduces it: the last before it in its sentence, else the next
            preceding = [v for v in verbs_in.get(sentence, ()) if v.end <= a]
            following = [v for v in verbs_in.get(self.sentence_of(b), ()) if v.start >= b]
            verb = preceding[-1] if preceding else (following[0] if following else None)
            key, text, details = verb.speaker if verb else (None, None, {})
            if not preceding and (source := self._statement_source(a, sentence)) is not None:
                # «وجاء في بيان مونشن: "…"»: whose statement it is, no verb before
                key, text, details = source.key, self.text[source.start : source.end], {}
            elif verb is not None and (tongue := self._tongue_source(verb, a)) is not None:
                # «وقالت الشرطة … نقلا على لسان العميد قائد شرطة محافظة ظفار: "…"»:
                # the subject relays, the one it quotes speaks
                relayer = key
                key, text = tongue
                details = {"via": relayer} if relayer is not None and relayer != key else {}
            elif verb is None and self._opens_sentence(a, sentence):
                # a paragraph that is all quotation, after the speaker's words: the last
                # speaker quoted in the two sentences before (quotes so far are in text
                # order, so the search walks back only over those). A quotation inside
                # the outlet's own sentence («واتفاق "وقف الاقتتال" هش») is not theirs.
                for q in reversed(self.result.quotes):
                    q_sentence = q.sentence_idx or 0
                    if q_sentence < sentence - 2:
                        break
                    if q.speaker_key and q_sentence < sentence:
                        key, text = q.speaker_key, q.speaker_text
                        details = {"continued": True}
                        break
            if words > SHORT_QUOTE and _names_whole(self.mention_at(a, b), a, b):
                # a long name in quotation marks is no speech either: «تطالب جبهة
                # بوليساريو "الجبهة الشعبية لتحرير الساقية الحمراء ووادي الذهب"»
                self._quoted_names.add((a, b))
                continue
            if words <= SHORT_QUOTE:
                if self._short_quote(a, b, verb, key):
                    # a scare quote or a quoted name, not speech: the verb keeps its own
                    # words («وزعم الجعفري أن الفصائل "جماعات إرهابية"» lost his claim)
                    continue
                if verb is not None and not (verb.end <= a and self._reports_before(verb, a)):
                    # a few quoted words inside reported speech («قال إنه ينبغي … الوضع
                    # "المقلق"»): the verb's speech runs on through them (below)
                    used_verbs.add(id(verb))
                if key is None and not text:
                    # quotation marks of the outlet's own, around a term («وقف الاقتتال»)
                    self.result.labels.append(
                        LabelDraft(
                            a,
                            b,
                            self.text[a:b],
                            "quoted_term",
                            None,
                            None,
                            None,
                            None,
                            sentence,
                            {"voice": "outlet"},
                        )
                    )
                    continue
                kind = "partial"
                self._partials.add((a, b))
            else:
                if verb is not None:
                    used_verbs.add(id(verb))
                kind = "direct"
            if not closed:
                details = dict(details, unclosed=True)
            self.result.quotes.append(
                QuoteDraft(
                    a,
                    b,
                    kind,
                    key,
                    text,
                    verb.lemma if verb else None,
                    verb.category if verb else None,
                    sentence,
                    words,
                    dict(details),
                )
            )
        by_start = sorted(verbs, key=lambda v: v.start)
        verb_starts = [v.start for v in by_start]
        self._scare_quotes = set(self._quoted_labels)
        for v in verbs:
            if id(v) in used_verbs:
                continue
            key, text, details = v.speaker
            if key is None and not text:
                continue
            if _MA_BEFORE.search(self.text, max(0, v.start - 16), v.start):
                continue  # «وفق ما نقلت وكالة…»: a source named, no words of its own
            a, b = self._indirect_span(v, by_start, verb_starts)
            in_marks = sum(
                self._words(*self.quote_spans[i])
                for i in self._quotes.starting_in(a, b)
                if self.quote_spans[i] in self._partials
            )
            if self._words(a, b) - in_marks < (1 if v.start in self._noun_clauses else 2):
                # a word is no speech («نقلت وكالة»: the verb's own subject), nor words
                # quoted already («وقال إن الوضع "مقلق للغاية"»)
                continue
            self.result.quotes.append(
                QuoteDraft(
                    a,
                    b,
                    "indirect",
                    key,
                    text,
                    v.lemma,
                    v.category,
                    v.sentence,
                    self._words(a, b),
                    dict(details),
                )
            )
        self._according_to()
        if self._quoted_labels:  # once: a long document can have hundreds
            quoted = Spans(self._quoted_labels)
            self.result.labels = [
                lb
                for lb in self.result.labels
                if not (lb.kind == "label" and quoted.covers(lb.start))
            ]

    def _statement_source(self, a: int, sentence: int) -> MentionIn | None:
        """Whose statement a quotation (its text from ``a``) is when its sentence opens
        with «جاء في» or «ورد في» and the statement («وجاء في بيان مونشن:», «وورد في تقرير
        لمنظمة العفو الدولية أن "…"», «وجاء في رسالة وجهها الجعفري:»): the first actor
        that can speak named after the statement's noun, a few words before the mark;
        else None («وجاء في البيان:» names nobody)."""
        toks = self.norm_tokens_between(self.sentences[sentence][0], a, 9)
        if (
            len(toks) < 4
            or toks[0][2] not in _CAME_IN
            or toks[1][2] != "في"
            or toks[2][2].removeprefix("ال") not in SAID_IN
        ):
            return None
        return next((m for m in self.mentions_in(toks[2][1], a) if m.type in SPEAKER_TYPES), None)

    def _tongue_source(self, verb: _Verb, a: int) -> tuple[str | None, str] | None:
        """Whom the words are relayed from when «نقلا عن» or «نقلا على لسان» comes after
        the verb and right before them, with a colon («وقالت الشرطة العمانية في
        تحذيرات نشرتها …، نقلا على لسان العميد قائد شرطة محافظة ظفار: "…"»): the
        person named there, the words of a title, else None."""
        if verb.end > a or not self.text[max(0, a - 8) : a].rstrip(" \t«" + _DOUBLE).endswith(":"):
            return None
        toks = self.norm_tokens_between(verb.end, a, _RELAY_WITHIN)
        # the last «نقلا» within the ten words before the quotation
        last_ten = range(len(toks) - 1, max(-1, len(toks) - 11), -1)
        at = next((j for j in last_ten if toks[j][2] == "نقلا"), None)
        if at is None or at + 1 >= len(toks) or toks[at + 1][2] not in ("عن", "علي"):
            return None
        return self._relayed_source(toks[at][1], a, verb.start)

    def _opens_sentence(self, a: int, sentence: int) -> bool:
        """Whether a quotation (its text from ``a``) opens its sentence: nothing before
        it but its quotation mark, white space, a conjunction or a dash."""
        before = self.text[self.sentences[sentence][0] : a].strip(" \t\n-–—.…()«" + _DOUBLE)
        return before in ("", "و", "ف") or before.endswith(":")

    def _short_quote(self, a: int, b: int, verb: _Verb | None, speaker: str | None) -> bool:
        """A quoted label is a scare quote (or a quoted label of the speaker's), a quoted
        name is just a name; returns True when the span is not speech."""
        content = " ".join(normalize(self.text[a:b]).split())
        entry = None
        for hit in self.fk.label_matcher.find(content):
            if hit.start == 0 and hit.end >= len(content) - 1:
                entry = self.fk.labels[hit.key]
        mention = self.mention_at(a, b)
        if entry is not None:
            describing = verb is not None and normalize(verb.lemma) in DESCRIBING_VERBS
            entity = entry.actor or (mention.key if mention else None)
            self._quoted_labels.append((a, b))  # replaces the plain label on its words
            self.result.labels.append(
                LabelDraft(
                    a,
                    b,
                    self.text[a:b],
                    "scare_quote",
                    entry.category,
                    content,
                    entity,
                    speaker if describing else None,
                    self.sentence_of(a),
                    {"voice": "speaker" if describing else "outlet"},
                )
            )
            return True
        # a name, or a name after the noun it names: «معبر "صوفا"», «عملية "غصن الزيتون"»;
        # not an adjective of it («عملية "مؤقتة"»)
        before = self.text[max(0, a - 25) : a].rstrip().rstrip(_OPENERS + '"').split()
        head = normalize(before[-1]) if before else ""
        if head == "ب" and len(before) > 1:
            head = normalize(before[-2])  # «والمعروفة بـ"اتفاقية تيران وصنافير"»
        named = (
            bool(head)
            # «وكالة» is no «و» and «كالة»
            and (
                head in self.fk.name_heads
                or not self.fk.name_heads.isdisjoint(strip_proclitic(_head_word(head)))
            )
            and not (" " not in content and content.endswith(("ه", "ي", "يه")))
        )
        if named or _names_whole(mention, a, b):
            self._quoted_names.add((a, b))
            return True
        return False

    @staticmethod
    def _same_speaker(one: _Verb, other: _Verb) -> bool:
        """Whether two verbs have one speaker: the same actor, or words of the one's
        among the other's («ونقلت الوكالة عن شاهد عيان، يقول»: the witness relayed)."""
        (k1, t1, _d1), (k2, t2, _d2) = one.speaker, other.speaker
        if k1 is not None or k2 is not None:
            return k1 == k2
        return bool(t1 and t2 and (t1 in t2 or t2 in t1))

    def _indirect_span(
        self, v: _Verb, by_start: list[_Verb], verb_starts: list[int]
    ) -> tuple[int, int]:
        """From the complementiser after the verb (إن/أن) or the subject to the sentence end,
        stopping at a direct quote or where another speech begins («… وقف التصعيد وقال
        "…"»): a reporting verb joined on by «و»/«ف» that introduces words of its own."""
        s_end = self.sentences[v.sentence][1]
        start = max(v.end, v.subject_end)
        # the first words only: a sentence can be a whole unpunctuated text
        object_first = complementiser = False
        speaker_at = s_end  # where another speaker's verb stands before any «إن»
        aside = False  # «، وهي مظلة تضم جماعات تقول إنها …»: words about the subject
        for oa, ob, t in self.norm_tokens_between(v.end, s_end, 14):
            if oa < start:
                continue  # «بان كي مون»: a name can look like a complementiser
            aside = aside or t in _ASIDES
            k = bisect.bisect_left(verb_starts, oa)
            if not aside and k < len(verb_starts) and verb_starts[k] < ob and by_start[k] is not v:
                other = by_start[k]
                if (
                    not other.participle
                    and (other.speaker[0] is not None or other.speaker[1])
                    and not self._same_speaker(other, v)
                    and self._introduces_words(other)
                ):
                    # «أفادت تقارير باحتجاز رجل، يقول إنه صيدلاني»: the «إن» is the
                    # man's, and the reports told of his detention
                    speaker_at = other.start
                    break
            if t in _COMPLEMENTISERS or t == "ان":
                # «ووصف الجعفري المحادثات بأنها إيجابية»: what he described, and how
                complementiser = not (object_first and v.lemma in _DESCRIBING)
                if complementiser:
                    start = ob
                break
            # «واصفاً إياه بأنه»: a pronoun is no object that was described
            object_first = object_first or t not in _OBJECT_PRONOUNS
        if not complementiser:
            # the subject's title after its name is not what was said («… الجعفري رئيس وفد…»)
            k = bisect.bisect_left(self.role_spans, (start, -1))
            if k < len(self.role_spans) and self.role_spans[k][0] - start <= 3:
                start = self.role_spans[k][1]
            # nor the name of the title's holder after it («المتحدث باسم الكرملين ديمتري
            # بيسكوف»; a first name the gazetteer does not know may stand before it)
            j = bisect.bisect_left(self.role_spans, (start + 1, -1)) - 1
            m = bisect.bisect_left(self.mention_starts, start)
            if (
                j >= 0
                and 0 <= start - self.role_spans[j][1] <= 3
                and m < len(self.mentions)
                and self.mentions[m].type == "person"
            ):
                gap = self.text[start : self.mention_starts[m]]
                if len(gap.split()) <= 1 and all(c.isalpha() or c.isspace() for c in gap):
                    start = self.mentions[m].end
            start = self._past_when_and_how(start, s_end)
        end = speaker_at if speaker_at > start else s_end
        if v.start in self._noun_clauses:
            comma = self.text.find("،", start, end)
            end = comma if comma > start else end
        first = self._quotes.first_starting_in(start, end)
        # a scare quote is no speech of its own: the reported speech runs on through it
        # («وقال المعلم إن ما يسمى "المعارضة المعتدلة" ليست سوى واجهة…» gave «ما يسمى»)
        # and so do a few quoted words inside it («… الوضع "المقلق" على الأرض»)
        while first is not None and (
            self.quote_spans[first] in self._scare_quotes
            or self.quote_spans[first] in self._partials
            or self.quote_spans[first] in self._quoted_names
        ):
            first = self._quotes.first_starting_in(self.quote_spans[first][1], end)
        if first is not None:
            end = self.quote_spans[first][0] - 1
        # «…، بحسب ما نقلت وكالة…»: the source of the sentence is not what was said
        # (looked for in the first words only: a sentence can be a whole text)
        source = _SOURCE_CLAUSE_RE.search(self.text, start, min(end, start + 600))
        if source is not None:
            end = source.start()
        k = bisect.bisect_right(verb_starts, start)
        while k < len(verb_starts) and verb_starts[k] < end:
            other = by_start[k]
            if self._introduces_words(other):
                if self._joined(other, start):
                    end = other.start
                    break
                # «…، لكن أعضاء المجلس أكدوا أن …», «…، فيما قال … إن …»: a clause of
                # another speaker
                opener = self._clause_opener(start, other.start)
                if opener is not None:
                    end = opener
                    break
            else:
                # «…، فيما نفى المرصد ذلك»: another speaker's act, not what was said
                opener = self._after_while(other)
                if opener is not None and opener > start:
                    end = opener
                    break
                # «…، وشددت الحركة الشعبية على …»: after a comma, a reporting verb
                # joined on by «و» tells another act, the same speaker's or another's
                if (
                    not other.participle
                    and self._joined(other, start)
                    and self._char_before(other.start) in ("،", ",")
                ):
                    end = other.start
                    break
            k += 1
        start = _start_of_words(self.text, start, end)
        return start, _end_of_words(self.text, start, end)

    def _past_when_and_how(self, start: int, s_end: int) -> int:
        """``start`` moved past when and how the subject spoke, right after it: «،
        الأربعاء، إلى رؤية …», «أمس»; «في تصريح للصحفيين ببذل جهود», «في بيان له»."""
        toks = self.norm_tokens_between(start, s_end, 2)
        if not toks or (
            toks[0][2] not in _MANNER
            and toks[0][2] not in WEEKDAYS
            and toks[0][2] not in _WHEN_SAID
        ):
            return start  # most subjects: what was said follows
        toks = self.norm_tokens_between(start, s_end, 6)
        k = 0
        while k < len(toks):
            t = toks[k][2]
            nxt = toks[k + 1][2] if k + 1 < len(toks) else ""
            if t in _MANNER and (nxt[2:] if nxt.startswith("ال") else nxt) in SAID_IN:
                k += 2  # and «له», «للصحفيين», «صحفي» after it
                if k < len(toks) and (
                    toks[k][2][:1] == "ل" or toks[k][2] in ("صحفي", "صحافي", "متلفز")
                ):
                    k += 1
                continue
            if t in WEEKDAYS or t in _WHEN_SAID:
                k += 1
                continue
            break
        if k == 0:
            return start
        return toks[k][0] if k < len(toks) else toks[-1][1]

    def _reports_before(self, v: _Verb, a: int) -> bool:
        """Whether «إن»/«أن» stands between a verb (and its subject) and ``a``: a few
        quoted words there are inside the verb's reported speech («قال دي ميستورا،
        مبعوث…، إنه ينبغي … الوضع "المقلق"»)."""
        start = max(v.end, v.subject_end)
        return any(
            t in _COMPLEMENTISERS or t == "ان"
            for _a, _b, t in self.norm_tokens_between(start, a, 20)
        )

    def _clause_opener(self, start: int, verb_start: int) -> int | None:
        """Where a clause that sets a second speech against the first opens, when one of
        «فيما», «بينما», «لكن», «في حين», «أما» stands in the few words before its verb
        («، لكن أعضاء المجلس أكدوا»)."""
        before = self.norm_tokens_between(max(start, verb_start - 60), verb_start)[-5:]
        for k, (oa, _ob, t) in enumerate(before):
            if t in _CLAUSE_OPENERS:
                if t == "حين" and k and before[k - 1][2] in ("في", "وفي"):
                    return max(start, before[k - 1][0])  # «في حين» whole
                return oa
        return None

    def _after_while(self, v: _Verb) -> int | None:
        """Where «فيما», «بينما» or «في حين» opens, when it stands right before the verb
        («، فيما نفى», «في حين أشار»)."""
        found = _WHILE_RE.search(self.text, max(0, v.start - 12), v.start)
        return found.start(1) if found is not None else None

    def _char_before(self, pos: int) -> str:
        """The character before ``pos`` past white space, or "" at the text's start (read
        back from ``pos``: a long text is not copied for it)."""
        text = self.text
        while pos > 0 and text[pos - 1].isspace():
            pos -= 1
        return text[pos - 1] if pos > 0 else ""

    def _joined(self, v: _Verb, after: int) -> bool:
        """Whether a verb is joined on by «و» or «ف» («وقال», «فأضاف»), not a verb whose
        own first letter is «و» («وصف»), nor one that continues a clause without it
        («قال إنه، في إحاطته، لفت…»: what was said)."""
        written = normalize(self.text[v.start : v.end])
        lemma = normalize(v.lemma)
        if v.start <= after or written[:1] not in ("و", "ف"):
            return False
        if self.text[v.start - 1].isalnum():
            return False
        return not written.startswith(lemma) or written[1:].startswith(lemma)

    def _introduces_words(self, v: _Verb) -> bool:
        """Whether a quotation mark, a colon or «إن/أن» comes right after the verb (and
        its subject): words of its own begin, not an act («وأعلن السيطرة عليها»)."""
        end = max(v.end, v.subject_end)
        after = self.text[end : end + 3].lstrip()
        if after[:1] and after[0] in "«:" + _DOUBLE:
            return True
        rest = self.norm_tokens_between(end, len(self.text), 1)
        return bool(rest) and (rest[0][2] in _COMPLEMENTISERS or rest[0][2] == "ان")

    def _according_to(self) -> None:
        """«بحسب فريق منسقو الاستجابة»: the sentence reports what that source says."""
        for i in self.doc.token_indices(_ACCORDING_TO):
            ts, te, _t = self.tokens[i]
            a, b = self.span(ts, te)
            if self.skipped(a):
                continue
            sentence = self.sentence_of(a)
            s_start, s_end = self.sentences[sentence]
            source = next(
                (m for m in self.mentions_in(b, min(s_end, b + 80)) if m.type in SPEAKER_TYPES),
                None,
            )
            if source is None:
                continue
            quoted = [
                q
                for q in self.result.quotes
                if q.sentence_idx == sentence
                and (
                    q.kind in ("direct", "partial")
                    or (q.start < a and not q.details.get("according_to"))
                )
            ]
            if quoted:
                # «وأكد بيدرسون، بحسب قناة الحرة، “…”», «وكانت الوزارة أعلنت أنها …،
                # بحسب وكالة الأناضول»: the source relays a speaker's words
                for q in quoted:
                    q.details["reported_via"] = source.key
                continue
            qa, qb = s_start, a
            while qb > qa and not self.text[qb - 1].isalnum():
                qb -= 1
            if self._words(qa, qb) < 4:
                continue
            self.result.quotes.append(
                QuoteDraft(
                    qa,
                    qb,
                    "indirect",
                    source.key,
                    self.text[source.start : source.end],
                    self.text[a:b],
                    "neutral",
                    sentence,
                    self._words(qa, qb),
                    {"according_to": True},
                )
            )

    # ---- distancing ----------------------------------------------------------------------
    def distancing(self) -> None:
        labels = [lb for lb in self.result.labels if lb.kind in ("label", "scare_quote")]
        for hit in self.doc.hits(self.fk.distancing_matcher):
            a, b = self.span(hit.start, hit.end)
            if self.skipped(a):
                continue
            entry = self.fk.distancing[hit.key]
            sentence = self.sentence_of(a)
            target: LabelDraft | None = None
            if entry.position in ("after", "adjective"):
                before = [
                    lb
                    for lb in labels
                    if lb.end <= a and a - lb.end <= 4 and lb.sentence_idx == sentence
                ]
                target = before[-1] if before else None
            else:
                after = [lb for lb in labels if lb.start >= b and lb.start - b <= 6]
                target = after[0] if after else None
            speaker = self._whose_words(a, sentence) if entry.kind == "attribution" else None
            details: dict[str, Any] = {"kind": entry.kind, "position": entry.position}
            if target is not None:
                target.details["distanced_by"] = self.text[a:b]
                target.details["distancing"] = entry.kind
                if speaker:
                    target.speaker_key = speaker
                details["qualifies"] = [target.start, target.end]
                details["label"] = target.text
            self.result.labels.append(
                LabelDraft(
                    a,
                    b,
                    self.text[a:b],
                    "distancing",
                    target.category if target else None,
                    hit.key,
                    target.entity_key if target else None,
                    speaker,
                    sentence,
                    details,
                )
            )

    def _whose_words(self, pos: int, sentence: int) -> str | None:
        """«على حد وصفه»: the subject of the reported clause, a person not governed by a
        preposition («خاجي أجرى محادثات مع بيدرسون … على حد وصفه» → خاجي)."""
        s_start = self.sentences[sentence][0]
        for m in self.mentions_in(s_start, pos):
            if m.type != "person" or self._governed(m, s_start):
                continue
            return m.key
        return None

    # ---- events ------------------------------------------------------------------------
    def events(self) -> None:
        dates = self._dates()
        self._refusing = bool(self._heads_of("refusals", _REFUSALS))
        self._firsts = bool(self._heads_of("firsts", self.fk.planned_firsts))
        date_spans = [(*self.span(d.start, d.end), d) for d in dates]
        hits = self.doc.hits(self.fk.event_matcher)
        by_sentence: dict[int, list[tuple[int, int, str, str]]] = {}
        for hit in hits:
            a, b = self.span(hit.start, hit.end)
            if self.skipped(a):
                continue
            inside = self.mention_at(a, b)
            if (
                inside is not None
                and inside.type != "person"
                and inside.start <= a
                and b <= inside.end
            ):
                continue  # «الهيئة العليا للمفاوضات» names a body, it reports no talks
            etype = hit.payload[0][0]
            if etype == NO_EVENT:
                continue  # «تصريح عمل»: a permit, no statement
            by_sentence.setdefault(self.sentence_of(a), []).append((a, b, etype, hit.key))
        speaker_of = list(
            {
                (q.start, q.end): q.speaker_key
                for q in self.result.quotes
                if q.kind in ("direct", "partial") and q.speaker_key
            }.items()
        )
        quoted_in = Spans(span for span, _k in speaker_of)
        date_starts = [a for a, _b, _d in date_spans]  # in text order, as the dates
        sources: dict[int | None, str | None] = {}
        for q in self.result.quotes:
            if q.details.get("according_to"):
                sources.setdefault(q.sentence_idx, q.speaker_key)
        media = {m.key for m in self.mentions if m.type == "media"}
        media_at = [m.end for m in self.mentions if m.type == "media"] if media else []
        for sentence, found in sorted(by_sentence.items()):
            s_start, s_end = self.sentences[sentence]
            in_sentence = self.mentions_in(s_start, s_end)
            source = sources.get(sentence)
            k = bisect.bisect_left(media_at, s_start)
            media_before = media_at[k] if k < len(media_at) and media_at[k] < s_end else None
            # who reports it is no party to it: the media («بحسب وكالة الأناضول», «في
            # منشور على منصة إكس») and the sentence's source («بحسب منسقو الاستجابة»)
            reporters = media | {source}
            # a capital that stands for its government («ووقعت دمشق وموسكو اتفاقاً»,
            # «واتهمت موسكو واشنطن بعرقلة المحادثات», «اتفاقاً مع أنقرة») is a party, not
            # where it happened
            governing = self._capital_parties()
            as_government = [m for m in in_sentence if m.start in governing]
            if as_government:
                in_sentence = [m for m in in_sentence if m.start not in governing]
            participants = list(
                dict.fromkeys(
                    [
                        *(
                            m.key
                            for m in in_sentence
                            if m.type in ACTOR_TYPES and m.key not in reporters
                        ),
                        *(governing[m.start] for m in as_government),
                    ]
                )
            )
            sent_dates = date_spans[
                bisect.bisect_left(date_starts, s_start) : bisect.bisect_left(date_starts, s_end)
            ]
            # an event's date is the last before its trigger in the sentence, else the
            # first after it («أجريت، الثلاثاء الماضي، اتصالاً …، كما أجريت، الأربعاء،
            # اتصالاً» called twice on two days)
            since = next((d for _a, _b, d in sent_dates if d.since), None)
            found.sort()
            trigger_starts = [f[0] for f in found]
            points = []
            for da, db, d in sent_dates:
                if d.since:
                    continue
                lead = {
                    _head_word(w)
                    for w in normalize(self.text[max(s_start, da - 50) : da]).split()[-5:]
                }
                # the trigger it follows, the head of those written together («اتفاق وقف
                # إطلاق النار الموقع في 5 آذار» is the agreement's)
                k = bisect.bisect_left(trigger_starts, da) - 1
                if k >= 0 and self._opens_clause(found[k][1], da):
                    k = -1  # «…، كما أجرت، الأربعاء، اتصالاً»: the next one's
                # a start dates the event right before it alone, else none: «… في ختام
                # المحادثات فتح المعابر اعتباراً من الأربعاء المقبل» is the opening's
                starts = not lead.isdisjoint(_FROM)
                if starts and k >= 0 and not self._starts_right_after(found[k][1], da):
                    k = -1
                while k > 0 and not self.text[found[k - 1][1] : found[k][0]].strip():
                    k -= 1
                points.append(
                    _DatePoint(
                        da,
                        d,
                        found[k][0] if k >= 0 else None,
                        # «الاتفاق الموقع في 5 آذار», «القمة المقررة الأربعاء المقبل»
                        starts or not lead.isdisjoint(_ATTRIBUTIVE),
                        not lead.isdisjoint(_UNTIL),
                        # «وقال بيدرسون، الجمعة، إن …»: the day he spoke
                        normalize(self.text[db : db + 12]).lstrip(" ،,").startswith(_SAID_THAT),
                    )
                )
            # one event of a type a sentence: the first trigger that tells it happened,
            # else the first («بعد جولات دون التوصل إلى اتفاق، وقع الطرفان اتفاقاً» is
            # an agreement signed); a few looked at, a text may be one long sentence
            modality: dict[int, tuple[str, str] | None] = {}
            chosen: dict[str, int] = {}
            looked: Counter[str] = Counter()
            for i, (a, b, etype, key) in enumerate(found):
                if looked[etype] >= 3:
                    continue
                looked[etype] += 1
                modality[i] = self._modality(s_start, s_end, a, b, etype, key)
                if etype not in chosen or (
                    modality[chosen[etype]] is not None and modality[i] is None
                ):
                    chosen[etype] = i
            picked = set(chosen.values())
            # the triggers of events told as to come: a date of theirs is no date of one
            # told as done before them (:meth:`_event_date`)
            to_come = {found[i][0] for i, told in modality.items() if told and told[0] == "planned"}
            # another of a type in a clause of its own, told by a verb or as a new one
            # («والتقى لافروف المعلم في موسكو، فيما التقى ظريف جاويش أوغلو في أنقرة»; «،
            # والتقى …»), is another event, of that clause's actors and place
            split = self._own_clauses(s_start, s_end, found, modality, chosen, picked, in_sentence)
            days: dict[int, tuple[DateMention | None, bool, bool]] = {}
            if points:
                # another of a type on a day of its own is another event («أجريت،
                # الثلاثاء الماضي، اتصالاً …، كما أجريت، الأربعاء، اتصالاً …»)
                days = {
                    i: self._event_date(points, found[i][0], found[i][1], trigger_starts, to_come)
                    for i in modality
                }
                for i in modality:
                    one = chosen[found[i][2]]
                    day, _deadline, own = days[i]
                    theirs = days[one][0]
                    if (
                        i != one
                        and own
                        and day is not None
                        and (theirs is None or day.date != theirs.date)
                    ):
                        picked.add(i)
            for i, (a, b, etype, _key) in enumerate(found):
                if i not in picked:
                    continue
                details: dict[str, Any] = {}
                point, deadline, _own = days.get(i) or self._event_date(
                    points, a, b, trigger_starts, to_come
                )
                began = since
                if since is not None and "منذ" in self.text[max(s_start, a - 25) : a]:
                    # «منذ توقيع اتفاق سوتشي في 17 أيلول 2018»: the date the period began
                    # is the agreement's own
                    at_since = next((da for da, _db, d in sent_dates if d is since), -1)
                    if a < at_since < a + 60 and self._unpunctuated(a, at_since) is not None:
                        point, began = since, None
                first = quoted_in.first_containing(a)
                quoted = speaker_of[first][1] if first is not None else None
                clause = split.get(i) or self._clause_of(s_start, s_end, a)
                people = (
                    participants
                    if clause is None
                    else [k for k in self._clause_actors(in_sentence, clause) if k not in reporters]
                )
                if i in split and not people:
                    # «وعقد الاجتماع في أستانا، فيما التقى …»: the sentence's actors, but
                    # for those of the other event's clause
                    others = {
                        k
                        for j, where in split.items()
                        if j != i
                        for k in self._clause_actors(in_sentence, where)
                    }
                    clause = self._clause_of(s_start, s_end, a)
                    people = [k for k in participants if k not in others]
                if media_before is not None and media_before < a:
                    # the media as the subject of its verb are its parties («ووقعت وكالة
                    # سانا ووكالة نوفوستي اتفاقية تعاون»)
                    doers = [k for k in self._doers(s_start, a) if k in media]
                    if doers:
                        people = list(dict.fromkeys([*doers, *people]))
                if quoted:
                    details["reported_by"] = quoted  # «أجريت اتصالاً» in the envoy's words
                    if quoted not in reporters:  # an agency's own words report
                        people = list(dict.fromkeys([quoted, *people]))
                if etype in ("casualties", "displacement"):
                    # this trigger's figures, else those of the next of its type in the
                    # sentence («حصيلة ضحايا القصف إلى 12 قتيلاً»: «ضحايا» has none)
                    tried = 0
                    for k in range(i, len(found)):
                        ka, kb, ktype, kkey = found[k]
                        if ktype != etype:
                            continue
                        tried += 1
                        if tried > 3:  # a long unpunctuated text is one sentence
                            break
                        nxt = next((f[0] for f in found[k + 1 :] if f[2] != etype), s_end)
                        prev = max((f[1] for f in found[:k] if f[2] != etype), default=s_start)
                        figures = self._figures(ka, kb, prev, nxt, kkey)
                        if figures:
                            details["figures"] = figures
                            break
                if began is not None:
                    details["since"] = {
                        "day": began.day,
                        "month": began.month,
                        "date": began.date.isoformat() if began.date else None,
                    }
                if source:
                    details["source"] = source
                date = point.date if point else None
                date_text = None
                if point is not None:
                    da, db = self.span(point.start, point.end)
                    date_text = self.text[da:db]
                told = modality[i]
                if (
                    told is None
                    and point is not None
                    and date is not None
                    and date_text
                    and self.published is not None
                    and date > self.published
                    and (point.day is None or point.year is not None)
                    and not deadline
                    and not self._told_done(s_start, a, _key)
                ):
                    # «تعقد المحادثات في جنيف غداً», «الخميس المقبل», «في 14 آذار 2017»
                    # after an article of 20 February: its date says it is to come (a day
                    # and month alone, «في 30 من كانون الأول», may be a year back)
                    # as words after it, or before it («غداً تنطلق المحادثات»)
                    told = ("planned", f" {date_text}" if da >= b else f"{date_text} ")
                if told is not None:
                    # «لم يتم التوصل إلى اتفاق», «دعا إلى وقف إطلاق النار»: the words that
                    # deny or ask for it
                    kind, words = told
                    details[kind] = words
                    if kind == "negated" and a in self._refusals:
                        # «ورفض وفد المعارضة إجراء محادثات»: who refused it
                        refuser = self._refuser(a, s_start, in_sentence, reporters) or quoted
                        if refuser:
                            details["refused_by"] = refuser
                if (
                    date is not None
                    and point is not None
                    and told is not None
                    and told[0] == "planned"
                    and point.weekday is not None
                    and point.day is None
                    and not any(w in point.text for w in _GONE_BY)
                    and self.published is not None
                    and date < self.published
                    and self.span(point.start, point.end)[0] > self._sign_at(told[1], a)
                ):
                    # «ستعقد المحادثات يوم الثلاثاء»: the Tuesday to come, not the last
                    # («قال المبعوث الثلاثاء إن الجولة المقبلة …»: the day he spoke)
                    date += dt.timedelta(days=7)
                elif (
                    date is not None
                    and point is not None
                    and told is not None
                    and told[0] == "planned"
                    and point.day is not None
                    and point.year is None
                    and self.published is not None
                    and date.year < self.published.year
                    and self.span(point.start, point.end)[0] > self._sign_at(told[1], a)
                ):
                    # «واتفقا على أن يلتقيا مجدداً في 8 آذار» in an article of 20 February:
                    # the 8 March to come, not the last (a day and month alone are put in
                    # the year gone by when they come more than a week after the article)
                    with contextlib.suppress(ValueError):  # 29 February
                        date = date.replace(year=self.published.year)
                if point is not None:
                    details["day"], details["month"] = point.day, point.month
                self.result.events.append(
                    EventDraft(
                        etype,
                        self.text[a:b],
                        a,
                        b,
                        sentence,
                        date,
                        date_text,
                        self._event_place(
                            in_sentence
                            if clause is None
                            else [m for m in in_sentence if clause[0] <= m.start < clause[1]],
                            a,
                            b,
                            etype,
                            # and those of its type told apart («والتقى لافروف المعلم في
                            # موسكو، واتفقا على أن يلتقيا مجدداً»: not in Moscow)
                            [
                                (fa, ft)
                                for j, (fa, _fb, ft, _k) in enumerate(found)
                                if ft != etype or (j in picked and j != i)
                            ],
                        ),
                        people,
                        details,
                    )
                )

    def _told_done(self, s_start: int, a: int, key: str) -> bool:
        """Whether a past verb tells the event at ``a`` took place: the trigger's own
        («التقى», «وعقد اجتماعاً»), or one before it with only actors between («وعقد
        الطرفان اجتماعاً», «اجتمع لافروف والمعلم»)."""
        done = self.fk.planned.done
        own = self.doc.token_at(a)
        if own >= 0 and (self.doc.texts[own] in done or _head_word(key.split()[0]) in done):
            return True
        before = self.norm_tokens_between(max(s_start, a - 60), a)[-6:]
        for k in range(len(before) - 1, -1, -1):
            oa, ob, t = before[k]
            if ob > a:
                continue
            if (
                t in done
                or _head_word(t) in done
                # «عقد مجلس الأمن جلسة» opening the sentence: «عقد» is listed with «و»
                or ("و" + t in done and not self.text[s_start:oa].strip())
            ):
                return self._unpunctuated(oa, a) is not None
            if (
                self.mention_at(oa, ob) is None
                and not self._roles.covers(oa)
                and t not in _BOTH_SIDES
            ):
                return False
        return False

    def _governing(self) -> dict[int, str]:
        """Where a place name stands for a government (a label marked so: «أكدت دمشق»,
        not «في دمشق»), and the government's key."""
        if self._metonyms is None:
            self._metonyms = {
                lb.start: lb.entity_key
                for lb in self.result.labels
                if lb.kind == "label"
                and lb.entity_key
                and "metonym" in str(lb.details.get("en", "")).lower()
                and (
                    lb.start in self._joined_capitals or self._subject_after_verb(lb.start, lb.end)
                )
            }
        return self._metonyms

    def _governments_act(self) -> None:
        """The capitals that stand for their governments are those governments from here
        on: «وقالت موسكو إن …» is the Russian government's speech (Moscow, a place, spoke
        for nobody), «ووقعت موسكو وأنقرة اتفاقاً» theirs."""
        governing = self._governing()
        if governing:
            self.mentions = [
                MentionIn(m.start, m.end, governing[m.start], "state", m.kind)
                if m.start in governing and m.type == "place"
                else m
                for m in self.mentions
            ]

    def _capital_parties(self) -> dict[int, str]:
        """The capitals that stand for their governments in an event's sentence: those
        that act (:meth:`_governing`), those the labels took as the government where
        another acts on them («واتهمت موسكو واشنطن بعرقلة المحادثات»: the talks were not
        in Washington), and those after «مع» («اتفاقاً مع أنقرة», «المحادثات مع واشنطن»),
        with the government's key."""
        if self._event_governments is None:
            found = dict(self._governing())
            for lb in self.result.labels:
                if (
                    lb.kind == "label"
                    and lb.entity_key
                    and lb.start not in found
                    and "metonym" in str(lb.details.get("en", "")).lower()
                    and not self._gone_to(lb.start)
                ):
                    found[lb.start] = lb.entity_key
            texts, spans = self.doc.texts, self.doc.original_tokens()
            for m in self.mentions:
                if m.type != "place" or m.start in found:
                    continue
                k = self.doc.token_at(m.start)
                if k <= 0 or spans[k][0] != m.start or texts[k - 1] not in ("مع", "ومع"):
                    continue
                entry = self.fk.labels.get(texts[k])
                if entry is not None and entry.actor and "metonym" in entry.en.lower():
                    found[m.start] = entry.actor
            self._event_governments = found
        return self._event_governments

    def _gone_to(self, a: int) -> bool:
        """Whether a verb of going, striking or hosting comes before ``a`` in its clause,
        whatever stands between («وقصفت طائرات إسرائيلية دمشق»): what it reaches is a
        place."""
        for _oa, _ob, t in reversed(self.norm_tokens_between(max(0, a - 80), a)[-8:]):
            if t in _TO_A_PLACE or _head_word(t) in _TO_A_PLACE:
                return self._unpunctuated(_oa, a) is not None
        return False

    def _subject_after_verb(self, start: int, end: int) -> bool:
        """Whether a capital at ``[start, end)`` is the subject of a verb of saying or
        doing: right after it («وأعلنت دمشق», «ووقعت دمشق»), or opening a clause before
        it («موسكو ترحب …»). Not after a verb of going, striking or hosting, whose object
        it is («وزار المبعوث دمشق», «وصل الوفد دمشق», «وقصفت طائرات دمشق»), nor after a
        noun («زيارة دمشق»), nor after a masculine verb, whose subject a capital is not
        («واتهم واشنطن بـ…»: he accused Washington)."""
        k = self.doc.token_at(start)
        spans = self.doc.original_tokens()
        if k < 0 or spans[k][0] < start:
            return False  # a proclitic on it: «ودمشق», «لدمشق»
        texts = self.doc.texts
        prev = texts[k - 1] if k > 0 else ""
        if (
            k == 0
            or spans[k - 1][0] < start - 30
            or any(c in self.text[spans[k - 1][1] : start] for c in ".،,:;؛!?")
            # «أن موسكو تسعى», «لكن أنقرة ترفض», «وكانت موسكو قد أعلنت»
            or prev in _COMPLEMENTISERS
            or prev in _NEW_CLAUSE
            or _head_word(prev) == "كانت"
        ):
            # «دمشق ترفض …» opening the clause: the verb after it
            lo, hi = self.doc.token_range(end, end + 30)
            if lo + 1 < hi and texts[lo] == "قد":
                lo += 1
            return (
                lo < hi
                and self._unpunctuated(end, spans[lo][0]) is not None
                and self._acts(texts[lo])
            )
        if not self._acts(prev):
            return False
        # «طهران تحذر واشنطن»: a verb after its subject, whose object the capital is
        return not (
            k >= 2
            and self._unpunctuated(spans[k - 2][1], spans[k - 1][0]) is not None
            and self.mention_at(*spans[k - 2]) is not None
        )

    def _acts(self, word: str) -> bool:
        """Whether ``word`` (normalised) is a verb of saying or doing in a form a capital
        is the subject of: feminine, singular («قالت», «تؤكد», «وقعت», «رحبت»)."""
        head = _head_word(word)
        if head in _TO_A_PLACE or word in _TO_A_PLACE:
            return False
        if head in _ACTING:
            return True
        form = self.kb.verb_words.get(word) or self.kb.verb_words.get(head)
        if form is not None:
            lemma = normalize(self.kb.verbs[form].lemma)
            return (
                form != lemma
                and not form.endswith("وا")
                and (form.endswith("ت") or form.startswith("ت"))
            )
        done = self.fk.planned.done
        return (head in done or word in done) and head.endswith("ت")

    def _doers(self, s_start: int, a: int) -> list[str]:
        """The actors between a past verb of an event and its trigger at ``a``, nothing
        else between them («ووقعت وكالة سانا ووكالة نوفوستي اتفاقية»), else none."""
        done = self.fk.planned.done
        before = self.norm_tokens_between(max(s_start, a - 80), a)[-10:]
        keys: list[str] = []
        for k in range(len(before) - 1, -1, -1):
            oa, ob, t = before[k]
            if ob > a:
                continue
            if t in done or _head_word(t) in done:
                return keys[::-1] if self._unpunctuated(oa, a) is not None else []
            m = self.mention_at(oa, ob)
            if m is None:
                return []
            if not keys or keys[-1] != m.key:
                keys.append(m.key)
        return []

    def _opens_clause(self, a: int, b: int) -> bool:
        """Whether a comma and a word that opens a clause stand in ``[a, b)`` («،
        كما أجرت، »)."""
        between = self.text[a:b]
        cut = max(between.find("،"), between.find(","))
        if cut < 0:
            return False
        return any(_head_word(w) in _NEW_CLAUSE for w in normalize(between[cut:]).split())

    def _starts_right_after(self, end: int, date_at: int) -> bool:
        """Whether the start word before a date follows an event ending at ``end`` with
        nothing between but what says it takes effect, or where («وقف إطلاق النار اعتباراً
        من», «… الذي يدخل حيز التنفيذ اعتباراً من», «المحادثات في جنيف اعتباراً من»)."""
        if any(c in "،,.:;؛" for c in self.text[end:date_at]):
            return False
        words = iter(normalize(self.text[end:date_at]).split())
        for word in words:
            if _head_word(word) in _FROM:
                return True
            if word == "في":  # where: «المحادثات في جنيف اعتباراً من»
                next(words, None)
            elif _head_word(word) not in _TAKING_EFFECT:
                return False
        return False

    def _event_date(
        self,
        points: Sequence[_DatePoint],
        a: int,
        b: int,
        triggers: Sequence[int],
        to_come: AbstractSet[int] = frozenset(),
    ) -> tuple[DateMention | None, bool, bool]:
        """The date of the event at ``[a, b)``, whether it is a deadline («حتى 15 آذار»),
        and whether it is the event's own: the first date after it before any other
        event's trigger («قتل 12 مدنياً بغارات روسية …، اليوم الخميس»; «عقد السبت»
        after «أعلنت، الأحد، أن الاجتماع»); else the last date before it (its own if
        no trigger stands between them: «أجريت، الأربعاء، اتصالاً»); else the first
        after it in its clause, not that of an event to come (``to_come``, the starts of
        their triggers) when this one is not. A date that qualifies a noun («الاتفاق
        الموقع في 5 آذار», «القمة المقررة الأربعاء المقبل») dates that noun's event
        alone."""
        before: _DatePoint | None = None
        owned: _DatePoint | None = None
        for p in points:
            if p.owner == a and p.at >= b:
                if p.attributive:
                    return p.date, p.deadline, True  # «الاتفاق الموقع في 5 آذار»
                owned = owned or p
            if p.attributive and p.owner != a:
                continue
            if p.at < a:
                before = p
        if before is not None and not before.said and before.owner is None:
            k = bisect.bisect_right(triggers, before.at)
            if k >= len(triggers) or triggers[k] >= a:  # «أجريت، الأربعاء، اتصالاً»
                return before.date, before.deadline, True
        if owned is not None:
            return owned.date, owned.deadline, True
        if before is not None:
            return before.date, before.deadline, False
        for p in points:
            if p.at < b or (p.attributive and p.owner != a):
                continue
            # the trigger it follows is in this event's clause («قتل 12 مدنياً بغارات
            # …، اليوم»), not past a comma («ووقع الطرفان اتفاقاً …، على أن تبدأ
            # المفاوضات غداً»: tomorrow is the talks')
            if p.owner is not None and not any(c in "،,.:;؛!?" for c in self.text[b : p.owner]):
                if p.owner in to_come and a not in to_come:
                    break  # «واتفق الجانبان على أن يجتمعا مجدداً في 8 آذار»: the meeting's
                return p.date, p.deadline, False
            break
        return None, False, False

    def _role_after(self, v: _Verb) -> tuple[int, int] | None:
        """The role phrase right after a verb («المتحدث باسم الجيش الروسي»), if any."""
        k = bisect.bisect_left(self.role_spans, (v.end, -1))
        if k < len(self.role_spans) and self.role_spans[k][0] - v.end <= 2:
            return self.role_spans[k]
        return None

    def _named_with(self, ra: int, rb: int) -> str | None:
        """The person an earlier office of the same words was the title of, named right
        after it («رئيس الائتلاف الوطني السوري بدر جاموس» for «رئيس الائتلاف»), the
        latest; or None."""
        words = normalize(self.text[ra:rb]).split()
        k = bisect.bisect_left(self.role_spans, (ra, -1))
        for pa, pb in reversed(self.role_spans[:k]):
            earlier = normalize(self.text[pa:pb]).split()
            n = min(len(words), len(earlier))
            if n < 2 or words[:n] != earlier[:n]:
                continue
            i = bisect.bisect_left(self.mention_starts, pb)
            m = self.mentions[i] if i < len(self.mentions) else None
            if m is not None and m.type == "person" and m.start - pb <= 3:
                return m.key
        return None

    def _can_be_subject(self, v: _Verb, role: tuple[int, int]) -> bool:
        """Whether a role phrase after a verb can be its subject: a feminine verb's
        masculine office is its object («ودعت المبعوث الأممي إلى …»)."""
        verb = normalize(self.text[v.start : v.end])
        words = normalize(self.text[role[0] : role[1]]).split()
        return not (verb.endswith("ت") and words and not words[0].endswith("ه"))

    def _sign_at(self, words: str, at: int) -> int:
        """Where the words that tell the event at ``at`` is to come begin: before it, or
        at it (its own words, or those after it)."""
        if words[:1].isspace() or self.text.startswith(words, at):
            return at
        found = self.text.rfind(words.rstrip(), max(0, at - len(words) - 8), at)
        return found if found >= 0 else at

    def _head_before(self, kind: str, words: AbstractSet[str], a: int, b: int) -> bool:
        """Whether one of ``words`` (a token of the document) starts in ``[a, b)``."""
        found = self._heads.get(kind)
        if found is None:
            found = self._heads_of(kind, words)
        k = bisect.bisect_left(found, a)
        return k < len(found) and found[k] < b

    def _heads_of(self, kind: str, words: AbstractSet[str]) -> list[int]:
        """Where the document's tokens that are one of ``words`` start, found once (most
        documents have no «رفض» at all: their events are not looked at for one)."""
        found = self._heads.get(kind)
        if found is None:
            signals = self._signals
            if signals is None:  # the words of every kind, in one pass over the tokens
                spans, texts = self.doc.original_tokens(), self.doc.texts
                signals = self._signals = [
                    (spans[i][0], texts[i]) for i in self.doc.token_indices(self.fk.signals)
                ]
            found = self._heads[kind] = [at for at, w in signals if w in words]
        return found

    def _modality(
        self, s_start: int, s_end: int, at: int, end: int, etype: str, key: str
    ) -> tuple[str, str] | None:
        """("negated", "wished" or "planned", the words as written up to the trigger at
        ``at``: with the space before it, or none after a proclitic fused to it, «وطالب
        المجلس بـ»), or None for an event told as done. The words that tell an event is
        to come may also follow it, from its end on («المحادثات السورية القادمة» keeps
        « السورية القادمة»), or be its own («الجولة المقبلة», «سيزور»)."""
        denied = self._denied(s_start, at)
        if denied is None and self._refusing and etype in _REFUSABLE:
            denied = self._refused(s_start, at, etype, key)  # «ورفض الوفد إجراء محادثات»
        found = ("negated", denied) if denied is not None else None
        if found is None:
            wished = self._wished(s_start, at, etype, end)
            found = ("wished", wished) if wished is not None else None
        if found is None:
            planned = self._planned(s_start, s_end, at, end, key, etype)
            if planned is not None or etype in _NOT_ASKED_FOR:
                return planned
            soon = self._soon(end, s_end)
            return ("wished", soon) if soon is not None else None
        words = self.text[found[1] : at]
        return found[0], words.rstrip() + (" " if words[-1:].isspace() else "")

    def _planned(
        self, s_start: int, s_end: int, at: int, end: int, key: str, etype: str
    ) -> tuple[str, str] | None:
        """("planned", the words that tell the event at [at, end) is to come), or None:
        a sign before it with only words that may stand between them («ستعقد جولة
        جديدة من المحادثات», «من المقرر أن يعقد مجلس الأمن جلسة»), a sign after it
        past a few of its own words («الاجتماع المقبل», «المحادثات التي ستعقد»), or
        its own («الجولة المقبلة»). Punctuation between them, and it is no sign."""
        pw = self.fk.planned
        heads = self.fk.planned_heads
        # a word after another noun before a strike, deaths or displacement is that
        # noun's («وقبيل المحادثات المقبلة قتل 5 مدنيين»); after them it is theirs («الهجوم
        # المرتقب على إدلب», «العملية العسكرية ستبدأ خلال أيام»)
        explicit = etype in _NOT_ASKED_FOR
        own = ("planned", self.text[at:end]) if key in self.fk.planned_triggers else None
        # a phrase looked for by its first word, its subject may stand after it («واتفق
        # الجانبان على أن»: :attr:`FramingKnowledge.planned_firsts`)
        firsts = self.fk.planned_firsts
        first_before = self._firsts and self._head_before(
            "firsts", firsts, max(s_start, at - 160), at
        )
        if not first_before and not self._head_before(
            "planned", heads, max(s_start, at - 70), min(s_end, end + 60)
        ):
            return own  # most events: no sign near them
        if first_before or self._head_before("planned", heads, max(s_start, at - 70), at):
            start = self._planned_before(s_start, at, fallback=not explicit)
            if start is not None:
                words = self.text[start:at]
                return "planned", words.rstrip() + (" " if words[-1:].isspace() else "")
        if own is not None:
            return own
        if self._head_before("planned", heads, end, min(s_end, end + 60)):
            after = self.norm_tokens_between(end, s_end, 6)
            for k, (oa, ob, t) in enumerate(after[:4]):
                if t in pw.after:
                    if self._unpunctuated(end, ob) is None:
                        return None
                    nxt = after[k + 1] if k + 1 < len(after) else None
                    if nxt is not None and self._unpunctuated(ob, nxt[0]) is not None:
                        if nxt[2] in _COMING_FROM:
                            return None  # «العائلات القادمة من حلب»: coming from it
                        if (t,) in pw.before and (
                            self.mention_at(nxt[0], nxt[1]) is not None
                            or (nxt[2].startswith("ال") and nxt[2] not in _WHEN_TO_COME)
                        ):
                            # «الهجوم الذي ستجري الأمم المتحدة تحقيقاً فيه», «… الذي سيبدأ
                            # التحقيق فيه»: the verb has a subject or an object of its own
                            return None
                    return "planned", self.text[end:ob]
                if not (
                    t in pw.between
                    or t.startswith("ال")
                    # what it is for: «المعركة لاستعادة الرقة ستبدأ», «للسيطرة على»
                    or (t.startswith(("لا", "لل")) and len(t) > 4)
                    or self.mention_at(oa, ob)
                ):
                    return None
        return None

    def _planned_before(self, s_start: int, at: int, fallback: bool = True) -> int | None:
        """Where a sign before the event at ``at`` that it is to come begins: a sign
        further back is looked for past a word that follows what it names («الجولة
        المقبلة من المحادثات»), which is the sign when there is none (and ``fallback``);
        a word that follows another noun («المحادثات المقبلة قتل») is no sign of it."""
        pw = self.fk.planned
        following: int | None = None
        before = self.norm_tokens_between(max(s_start, at - 70), at)[-9:]
        #: the word before the actors before each word a phrase's rest begins at
        subjects: dict[int, tuple[int, str]] = {}
        for k in range(len(before) - 1, -1, -1):
            oa, ob, t = before[k]
            if ob > at:
                continue  # the trigger's own word, after a proclitic («لعقد»)
            phrases = self.fk.planned_phrases.get(t, ())
            if t == "ان" and phrases and not self._verb_after(before, k, at):
                phrases = ()  # «واتفقا على أن وقف إطلاق النار يشمل …»: that it is so
            for phrase in phrases:
                lo = k - len(phrase) + 1
                if lo >= 0:
                    words = [w for _a, _b, w in before[lo : k + 1]]
                    first = words[0]
                    if first[:1] in ("و", "ف") and first[1:] == phrase[0]:
                        words[0] = first[1:]
                    if tuple(words) == phrase:
                        return self._unpunctuated(before[lo][0], at)
                # the verb's subject, and whom with, between its first word and the
                # rest: «ويبحث المبعوث الأممي عقد لقاءات», «وبحث وزير الخارجية السوري وليد
                # المعلم مع المبعوث الأممي ستافان دي ميستورا عقد جولة», «واتفق الجانبان على
                # أن يجتمعا»
                rest = k - len(phrase) + 2
                if rest < 0 or any(before[rest + n][2] != w for n, w in enumerate(phrase[1:-1])):
                    continue
                if rest not in subjects:
                    subjects[rest] = self._word_before_actors(s_start, before[rest][0])
                pos, verb = subjects[rest]
                if verb == phrase[0] or (verb[:1] in ("و", "ف") and verb[1:] == phrase[0]):
                    return self._unpunctuated(pos, at)
            if (t,) in pw.before or (t[:1] in ("و", "ف") and (t[1:],) in pw.before):
                return self._unpunctuated(oa, at)
            if t in pw.after:
                named = before[k - 1][2] if k > 0 else ""
                if fallback and named in pw.between:
                    following = self._unpunctuated(oa, at)
                    if following is None:
                        return None
                continue  # a sign further back may be the event's («وستشهد الأيام المقبلة»)
            if t in pw.between or (t[:1] in ("ب", "ل", "و") and t[1:] in pw.between):
                continue
            if self.mention_at(oa, ob) is None:  # an actor may be its subject
                break
        return following

    def _verb_after(self, before: Sequence[tuple[int, int, str]], k: int, at: int) -> bool:
        """Whether the word after ``before[k]`` (or the trigger at ``at`` after the last)
        is a verb of the present («أن يلتقيا», «أن تعقد»), as what is agreed to be done."""
        if k + 1 < len(before):
            word = before[k + 1][2]
        else:
            i = self.doc.token_at(at)
            word = self.doc.texts[i] if i >= 0 else ""
        return word[:1] in ("ي", "ت", "ن") and len(word) > 3

    def _word_before_actors(self, s_start: int, at: int) -> tuple[int, str]:
        """The word before the actors, roles, «مع» and how they spoke («في اتصال هاتفي»,
        «خلال لقائهما», «هاتفياً») that stand right before ``at``, and where it begins;
        (-1, "") when none of those stands there."""
        back = self.norm_tokens_between(max(s_start, at - 160), at)[-16:]
        j = len(back) - 1
        while j >= 0:
            oa, ob, t = back[j]
            if (
                t == "مع"
                or t in _BOTH_SIDES
                or t in _HOW_SPOKE_ALONE
                or self.mention_at(oa, ob) is not None
                or self._roles.covers(oa)
                # where they spoke, a title before a name: «… خلال لقائهما في موسكو
                # عقد», «وبحث الرئيس الأسد عقد»
                or (
                    (t == "في" or t in self.kb.titles)
                    and j + 1 < len(back)
                    and self.mention_at(*back[j + 1][:2]) is not None
                )
            ):
                j -= 1
                continue
            how = self._how_they_spoke(back, j)
            if how is None:
                break
            j = how - 1
        if j < 0 or j == len(back) - 1:
            return -1, ""
        return back[j][0], back[j][2]

    def _how_they_spoke(self, back: Sequence[tuple[int, int, str]], j: int) -> int | None:
        """Where a phrase of how the actors spoke that ends at ``back[j]`` begins: «في»,
        «خلال» or «عبر», a word of a call or a meeting, then a few words of its own or
        names («في اتصال هاتفي», «خلال لقائهما في موسكو», «عبر تقنية الفيديو»); or None."""
        for i in range(j, max(-1, j - 5), -1):
            t = back[i][2]
            if (
                t in _MANNER
                and i < j
                and _head_word(back[i + 1][2]).removeprefix("ال") in (_HOW_SPOKE)
            ):
                return i
            if not (
                t in _HOW_SPOKE
                or t.removeprefix("ال") in _HOW_SPOKE
                or t in _HOW_SPOKE_TAIL
                or (t == "في" and i < j)
                or self.mention_at(back[i][0], back[i][1]) is not None
            ):
                return None
        return None

    def _denied(self, s_start: int, at: int) -> int | None:
        """Where the words denying the event at ``at`` begin: a negator, then only words
        of ``_NEGATED_THROUGH`` up to it, with no punctuation between."""
        if not self._head_before("negators", _NEGATORS, max(s_start, at - 48), at):
            return None
        before = self.norm_tokens_between(max(s_start, at - 48), at)[-6:]
        for k in range(len(before) - 1, -1, -1):
            oa, ob, t = before[k]
            if ob > at:
                continue  # the trigger's own word, after a proclitic («لاتفاق»)
            if t in _NEGATORS:
                return self._unpunctuated(oa, at)
            bare = t[1:] if t[:1] in ("ب", "ل") and t[1:] in _NEGATED_THROUGH else t
            if bare not in _NEGATED_THROUGH:
                return None
        return None

    def _refused(self, s_start: int, at: int, etype: str, key: str) -> int | None:
        """Where the words refusing the event at ``at`` begin: «رفض» or one of its forms,
        its subject (actors, roles, or up to three words with the article: «رفضت الحكومة
        المشاركة»), then only actors («مع» among them) and words of taking part up to it
        («ورفض وفد المعارضة إجراء محادثات», «رفضه حضور الاجتماع»), with no punctuation
        between; not after a negator («لم ترفض»). An object before a fused «لـ» is what
        is refused («رفض الشروط المسبقة لعقد المحادثات»), not the event. An agreement
        is refused by a refusal to make it («رفض التوقيع على الاتفاق», «رفض أي اتفاق»),
        not by its rejection («رفض الاتفاق الروسي التركي»)."""
        if not self._head_before("refusals", _REFUSALS, max(s_start, at - 120), at):
            return None
        before = self.norm_tokens_between(max(s_start, at - 120), at)[-14:]
        while before and before[-1][1] > at:
            before.pop()  # the trigger's own word, after a proclitic («للمفاوضات»)
        r = next((k for k in range(len(before) - 1, -1, -1) if before[k][2] in _REFUSALS), -1)
        if r < 0 or (r > 0 and before[r - 1][2] in _NEGATORS):
            return None  # «لم ترفض المعارضة المشاركة في المفاوضات»
        k, plain = r + 1, 0
        while k < len(before):  # its subject
            oa, ob, t = before[k]
            if self.mention_at(oa, ob) is not None or self._roles.covers(oa) or t in _BOTH_SIDES:
                k += 1
            elif t.startswith("ال") and t not in _REFUSED_THROUGH and plain < 3:
                plain += 1
                k += 1
            else:
                break
        if plain and k < len(before) and before[k][2] not in _REFUSED_THROUGH:
            return None  # «رفض الشروط المسبقة لعقد المحادثات»: the conditions
        making = _head_word(key.split()[0]).removeprefix("ال") in {"توقيع", "ابرام"}
        for oa, ob, t in before[k:]:
            bare = t[1:] if t[:1] in ("ب", "ل") and t[1:] in _REFUSED_THROUGH else t
            if bare in _REFUSED_THROUGH:
                making = making or bare in _MAKING
            elif not (t == "مع" or self.mention_at(oa, ob) is not None or self._roles.covers(oa)):
                return None
        if etype == "agreement" and not making:
            return None
        oa, ob, _t = before[r]
        start = self._unpunctuated(oa, at)
        if start is not None:
            self._refusals[at] = (oa, ob)
        return start

    def _refuser(
        self,
        at: int,
        s_start: int,
        mentions: Sequence[MentionIn],
        reporters: AbstractSet[str | None],
    ) -> str | None:
        """Who refuses the event at ``at`` (:meth:`_refused`): the first actor (or label
        of one: «النظام») after the refusal's word, before any «مع» («ورفض وفد المعارضة
        إجراء محادثات مع وفد النظام»); else, before a verb, its subject right before it
        («وقال المعلم إن الحكومة السورية ترفض …»; none for a place: «إن دمشق ترفض»), and
        before a noun or a participle the last actor before it in the sentence («وأعلن
        الائتلاف رفضه حضور الاجتماع», «وغادر الوفد جنيف رافضاً المشاركة»)."""
        oa, ob = self._refusals[at]
        governing = self._governing()
        # (where, whose): a place that stands for nobody named is nobody's
        named: dict[int, str | None] = {}
        for m in mentions:
            if m.start in governing:
                named[m.start] = governing[m.start]
            elif m.type in ACTOR_TYPES:
                if m.key not in reporters:
                    named[m.start] = m.key
            elif s_start <= m.start < at:
                named[m.start] = None
        labelled = self._labels_by_start()
        i = bisect.bisect_left(labelled, (s_start, ""))
        while i < len(labelled) and labelled[i][0] < at:
            start, key = labelled[i]
            named.setdefault(start, key)  # «النظام», not a capital named as a place
            i += 1
        with_at = self.text.find(" مع ", ob, at)
        stop = with_at if with_at >= 0 else at
        after = [named[k] for k in sorted(named) if ob <= k < stop and named[k]]
        if after:
            return after[0]
        before = [named[k] for k in sorted(named) if s_start <= k < oa]
        if not before:
            return None
        if _head_word(self.doc.texts[self.doc.token_at(oa)]) in _REFUSING_VERBS:
            return before[-1]
        return next((k for k in reversed(before) if k), None)

    def _wished(self, s_start: int, at: int, etype: str = "", end: int = -1) -> int | None:
        """Where the words that make the event at ``at`` one called for, feared or
        possible begin: such a word right before it («احتمال نزوح»), or before «إلى» or
        a fused «بـ» that leads to it, a few words of its object between («ودعا
        الطرفين إلى احترام وقف إطلاق النار», «وطالب المجلس بوقف إطلاق النار»).
        Punctuation between them, and nothing is wished. Strikes, deaths and
        displacement are asked for by nobody: only feared («احتمال نزوح»; «قتل طالب
        بقصف» is a student killed)."""
        if not self._head_before("wishes", _WISH_FORMS, max(s_start, at - 100), at):
            return None
        fears_only = etype in _NOT_ASKED_FOR
        before = self.norm_tokens_between(max(s_start, at - 100), at)[-12:]
        led = False  # «إلى» or a fused «ب» leads to the event
        k = len(before) - 1
        while k >= 0:
            oa, ob, t = before[k]
            if ob > at:  # the trigger's own word, after a proclitic («بوقف», «بـوقف»)
                led = led or self.text[oa:at].strip().rstrip("ـ") in ("ب", "وب", "ل")
            elif t in ("الي", "ب"):  # «إلى», «بـ وقف»
                led = True
            elif t == "في" and k > 0 and before[k - 1][2] in _ENTERING:
                led = True  # «مطالباً الأطراف الدخول في مفاوضات»
                k -= 1
            elif t == "في" and k > 0 and _head_word(before[k - 1][2]) in _HOPING_IN:
                if fears_only:
                    return None
                # «عن أمله في عقد جولة جديدة من المحادثات»
                return self._unpunctuated(before[k - 1][0], at)
            elif t in ("ان", "بان"):  # «وآمل أن يعقد اجتماع», «وطالب بأن تعقد»
                if k > 0 and self._hopes(before[k - 1]):
                    if fears_only:
                        return None
                    return self._unpunctuated(before[k - 1][0], at)
                return None
            elif _head_word(t) in _WANTS and not led:
                if fears_only or self._told_done_after(end):
                    return None  # «ضرورة الاتفاق الذي عقد أمس»: it was
                return self._unpunctuated(oa, at)
            elif _head_word(t) in _FEARS or (_head_word(t) in _WISHES and led):
                if fears_only and _head_word(t) not in _FEARS:
                    return None
                return self._unpunctuated(oa, at)
            elif _head_word(t) in _WISHES:
                return None  # «طالب» right before the event: a student as often as a demand
            else:
                bare = t[1:] if t[:1] in ("ب", "ل") and t[1:] in _WISHED_THROUGH else t
                if bare not in _WISHED_THROUGH:
                    break
                led = led or bare != t
            k -= 1
        if not led or fears_only:
            return None
        if k >= 0 and _head_word(before[k][2]) in _KEEPING:
            return None  # «إلى الالتزام بوقف إطلاق النار»: the ceasefire is there
        # the asking word, a few words of its subject or object before «إلى», names
        # and offices not counted after a verb («ودعا الأمين العام بان كي مون الأطراف
        # المتحاربة إلى …»; «أسفرت جهود الأمم المتحدة وروسيا وتركيا عن التوصل إلى اتفاق»
        # is an agreement reached)
        budget, plain = 4, 0
        while k >= 0 and budget > 0:
            oa, ob, t = before[k]
            if _head_word(t) in _WISHES and (plain < 4 or _head_word(t) not in _EFFORTS):
                return self._unpunctuated(oa, at)
            if (
                _head_word(t) in _AGREEMENTS
                and k + 1 < len(before)
                and self.mention_at(before[k + 1][0], before[k + 1][1]) is not None
            ):
                return None  # part of an agreement named so: «أهمية اتفاق موسكو لوقف …»
            if _head_word(t) in _KEEPING:
                # «عن أمله في التزام جميع الأطراف بوقف إطلاق النار»: the ceasefire is there
                return None
            plain += 1
            # «في» and the words that may lead to the event are not counted («عن أمله
            # بحذر في عودة الأطراف إلى طاولة المفاوضات»)
            if (
                t != "في"
                and t not in _WISHED_THROUGH
                and self.mention_at(oa, ob) is None
                and not self._roles.covers(oa)
            ):
                budget -= 1
            k -= 1
        return None

    def _hopes(self, token: tuple[int, int, str]) -> bool:
        """Whether a word before «أن» asks or hopes for what follows: «دعا», «يأمل», and
        «آمل» as written (not «أمل», the Amal movement's name: «وأعلنت حركة أمل أن»)."""
        oa, ob, t = token
        if _head_word(t) in _WISHES:
            return True
        written = self.text[oa:ob]
        return written in ("آمل", "وآمل", "فآمل")

    def _told_done_after(self, end: int) -> bool:
        """Whether words right after an event say it took place («أهمية الاجتماع الذي
        عقد أمس», «أهمية اتفاق سوتشي الموقع»)."""
        if end < 0:
            return False
        after = self.norm_tokens_between(end, end + 40, 3)
        if after and self.mention_at(after[0][0], after[0][1]) is not None:
            return True  # named after a place, so it is one: «أهمية اتفاق موسكو»
        words = [_head_word(t) for _a, _b, t in after]
        for k, w in enumerate(words):
            if w in _DONE_SO:
                return True
            if w in ("الذي", "التي") and k + 1 < len(words) and words[k + 1] in _DONE_VERBS:
                return True
        return False

    def _soon(self, end: int, s_end: int) -> str | None:
        """The words from the end of an event up to «في أقرب وقت» («باسرع وقت») a few
        words after it, with no punctuation between: what asks for it («ووقف إطلاق النار
        بإدلب في أقرب وقت»), or None."""
        if not self._head_before("soon", _SOON_HEADS, end, min(s_end, end + 60)):
            return None
        after = self.norm_tokens_between(end, min(s_end, end + 60))[:9]
        words = [t for _a, _b, t in after]
        for phrase in _SOON:
            # a few words between («بإدلب في أقرب وقت»); further on it is another's
            # («اتفاق يقضي بإجلاء الجرحى … في أقرب وقت»)
            for k in range(min(4, len(words) - len(phrase) + 1)):
                if tuple(words[k : k + len(phrase)]) == phrase:
                    if any(w.startswith(("لا", "لل")) and len(w) > 4 for w in words[:k]):
                        return None  # what it is for is wanted soon: «اتفاق لإجلاء الجرحى …»
                    stop = after[k + len(phrase) - 1][1]
                    if self._unpunctuated(end, stop) is None:
                        return None
                    return self.text[end:stop]
        return None

    def _unpunctuated(self, a: int, b: int) -> int | None:
        between = self.text[a:b]
        return None if any(c in between for c in "،,.:;؛!?«»" + _DOUBLE) else a

    def _clause_actors(self, mentions: Sequence[MentionIn], clause: tuple[int, int]) -> list[str]:
        """The actors of the clause of the sentence the trigger at ``at`` is in, when a
        clause opener («بينما», «فيما», «لكن», «في حين») parts the sentence: «شنت طائرات
        روسية غارات …، بينما يبحث المبعوث الدولي …» made the envoy a party to the air
        strikes. An actor a label names counts («طائرات روسية»)."""
        lo, hi = clause
        keys = [m.key for m in mentions if m.type in ACTOR_TYPES and lo <= m.start < hi]
        starts = self._labels_by_start()
        i = bisect.bisect_left(starts, (lo, ""))
        while i < len(starts) and starts[i][0] < hi:
            keys.append(starts[i][1])
            i += 1
        return list(dict.fromkeys(keys))

    def _labels_by_start(self) -> list[tuple[int, str]]:
        """(start, actor) of the labels that name an actor, by start."""
        if self._labelled is None:  # sorted once: a report has thousands of labels
            self._labelled = sorted(
                (lb.start, lb.entity_key)
                for lb in self.result.labels
                if lb.kind == "label" and lb.entity_key
            )
        return self._labelled

    def _own_clauses(
        self,
        s_start: int,
        s_end: int,
        found: Sequence[tuple[int, int, str, str]],
        modality: Mapping[int, tuple[str, str] | None],
        chosen: dict[str, int],
        picked: set[int],
        in_sentence: Sequence[MentionIn],
    ) -> dict[int, tuple[int, int]]:
        """The events of a type each in a clause of its own, where a sentence has more
        than one, each with its clause: a clause opener («فيما», «بينما») or a comma and
        a trigger that is a past verb with «و» («، والتقى») parts them. Another event is
        one a verb tells as done or to come, with actors of its own («…، فيما التقى ظريف
        جاويش أوغلو»), and it is added to ``picked``; the same event named again («،
        فيما قال الجعفري إن محادثات جنيف لم تحقق …»), refused («بينما رفض إجراء محادثات
        مباشرة») or told again of the same people («، والتقى الرئيسان لثلاث ساعات») is not."""
        if len(found) < 2 or len({f[2] for f in found}) == len(found):
            return {}  # most sentences: no type twice
        inner = [at for at in self._verb_clauses(found) if s_start < at < s_end]
        if not inner and self._clause_of(s_start, s_end, s_start) is None:
            return {}

        def part(at: int) -> tuple[int, int]:
            clause = self._clause_of(s_start, s_end, at) or (s_start, s_end)
            k = bisect.bisect_right(inner, at)
            a = max(clause[0], inner[k - 1]) if k else clause[0]
            b = min(clause[1], inner[k]) if k < len(inner) else clause[1]
            return a, b

        parts: dict[int, tuple[int, int]] = {}
        taken: dict[tuple[str, tuple[int, int]], int] = {}
        for i in sorted(modality):
            a, _b, etype, key = found[i]
            where = part(a)
            if i == chosen.get(etype):
                taken.setdefault((etype, where), i)
                parts[i] = where
                continue
            if (etype, where) in taken:
                continue
            told = modality[i]
            if not (
                (told is not None and told[0] == "planned") or self._told_done(where[0], a, key)
            ):
                continue
            one = chosen[etype]
            theirs = set(self._clause_actors(in_sentence, part(found[one][0])))
            mine = set(self._clause_actors(in_sentence, where))
            if not mine or mine <= theirs:
                continue
            taken[(etype, where)] = i
            parts[i] = where
        several = Counter(etype for (etype, _where) in taken)
        out = {}
        for i, where in parts.items():
            if several[found[i][2]] > 1:
                picked.add(i)
                out[i] = where
        return out

    def _verb_clauses(self, found: Sequence[tuple[int, int, str, str]]) -> list[int]:
        """Where a comma and a past verb of an event with «و» or «ف» begin a clause at one
        of a sentence's triggers («، والتقى ظريف», «، واجتمع»), in order."""
        joined = self.fk.joined_done
        spans, texts = self.doc.original_tokens(), self.doc.texts
        starts = []
        for a, _b, _t, _k in found:
            i = self.doc.token_at(a)
            if i > 0 and texts[i] in joined:
                gap = self.text[spans[i - 1][1] : spans[i][0]]
                if "،" in gap or "," in gap:
                    starts.append(spans[i][0])
        return starts

    def _clause_of(self, s_start: int, s_end: int, at: int) -> tuple[int, int] | None:
        """The clause of the sentence holding ``at``, when a clause opener parts it."""
        if self._openers is None:  # once a document: a text can be one long sentence
            spans, texts = self.doc.original_tokens(), self.doc.texts
            self._openers = [
                spans[i - 1 if t == "حين" and i and texts[i - 1] in ("في", "وفي") else i][0]
                for i in self.doc.token_indices(_CLAUSE_OPENERS)
                for t in (texts[i],)
            ]
        openers = self._openers
        lo = bisect.bisect_left(openers, s_start)
        hi = bisect.bisect_left(openers, s_end, lo)
        if lo == hi:
            return None
        k = bisect.bisect_right(openers, at, lo, hi)
        return (openers[k - 1] if k > lo else s_start), (openers[k] if k < hi else s_end)

    def _event_place(
        self,
        mentions: Sequence[MentionIn],
        at: int,
        end: int,
        etype: str,
        others: Sequence[tuple[int, str]] = (),
    ) -> str | None:
        """Where the event at ``[at, end)`` took place: of the sentence's places, the
        nearest after «في» or a fused «ب» («في جنيف», «بجنيف»); else, for a strike, deaths
        or displacement, the first that does not name something else («منصة موسكو»,
        «بصيغة أستانا», «عملية أستانا», and the places joined on to it: «منصات موسكو
        والقاهرة»), and for another event such a place with no punctuation between them,
        not after «بشأن» or «حول» («محادثات جنيف», «وصل الوفد إلى جنيف لحضور الاجتماع»). The
        sentence's first place made a Doha meeting «بصيغة أستانا» one in Astana. A place
        past another event's trigger (``others``: where, and of what type) is that
        one's («وقف إطلاق النار في إدلب واجتماع اللجنة»), and one in a quotation the
        event is not in is what was said («في بيان إن "… تطويق الرقة"»); neither is this
        event's. A place is the
        event's whose trigger comes last before it, or first after it."""
        if not any(m.type == "place" for m in mentions):
            # a country it was held in, right after it («اجتماع عقد في أذربيجان»)
            texts = self.doc.texts
            for m in mentions:
                if m.type == "state" and self._held_in(end, m):
                    k = self.doc.token_at(m.start)
                    if (
                        k > 0
                        and texts[k - 1] in ("في", "وفي", "ففي")
                        and self.doc.original_tokens()[k][0] == m.start
                        and self._speech_covers(m.start) == self._speech_covers(at)
                    ):
                        return m.key
            return None
        located: list[MentionIn] = []
        kept: list[MentionIn] = []
        naming = False
        quoted = self._speech_covers(at)
        speech = self._speech
        assert speech is not None
        # deaths and displacement are where the strike is («قتل 12 مدنياً في قصف على ريف
        # إدلب»)
        related = _NOT_ASKED_FOR if etype in _NOT_ASKED_FOR else frozenset()
        triggers = sorted({at, *(o for o, t in others if t not in related)})
        for m in mentions:
            if m.type not in ("place", "state"):
                continue  # a capital named as its government still names a platform
            # a place is the event's whose trigger comes last before it (or first after
            # it, when it comes before them all)
            # (one cut off from it by punctuation is the next one's: «وبعد اتفاق وقف
            # إطلاق النار، عقدت في أستانا جولة من المحادثات»)
            k = bisect.bisect_left(triggers, m.start) - 1
            owner = triggers[k] if k >= 0 else triggers[0]
            if k + 1 < len(triggers) and self._unpunctuated(owner, m.start) is None:
                owner = triggers[k + 1]
            # said or not said as the event is («وقال لافروف في موسكو: "ستعقد المحادثات
            # في أستانا"»: the talks are not in Moscow)
            if owner != at or speech.covers(m.start) != quoted:
                naming = False
                continue
            lo = self.doc.token_at(m.start)
            own = self.doc.texts[lo] if lo >= 0 else ""
            prev = self.doc.texts[lo - 1] if lo > 0 else ""
            # with or without its proclitics («بصيغة», «لعملية», «ولعملية»), and a head
            # whose own first letter is one («بيان جنيف»)
            forms = {prev, prev[1:] if prev[:1] in ("و", "ف", "ب", "ل") else prev}
            if prev[:1] in ("و", "ف") and prev[1:2] in ("ب", "ل"):
                forms.add(prev[2:])
            fused = m.start > self.doc.original_tokens()[lo][0] if lo >= 0 else False
            if (
                (m.type == "place" or (prev in ("في", "وفي", "ففي") and self._held_in(end, m)))
                and (
                    prev in ("في", "وفي", "ففي")
                    # «بجنيف»: a proclitic «ب» before the name, not a name's «ب» («بيروت»)
                    or (fused and (own[:1] == "ب" or own[:2] in ("وب", "فب")))
                    # «باستضافة من العاصمة القطرية الدوحة»
                    or not _HOSTING.isdisjoint(self.doc.texts[max(0, lo - 4) : lo])
                )
                # not what it is about: «جلسة طارئة بشأن التصعيد في إدلب», «لبحث الأوضاع
                # في إدلب»
                and not (
                    m.start > end and self._about_in(max(self.doc.token_at(end) + 1, lo - 12), lo)
                )
            ):
                located.append(m)
            joined = own[:1] == "و" and naming  # «منصات موسكو والقاهرة»
            naming = not forms.isdisjoint(_NAMING_HEADS) or joined
            if m.type != "place":
                continue
            if not naming:
                kept.append(m)
        if located:
            return min(located, key=lambda m: abs(m.start - at)).key
        if etype in _NOT_ASKED_FOR:  # «قصف إدلب», «تطويق الرقة»
            return kept[0].key if kept else None
        # another event's place is in its clause, not what it is about («جلسة … بشأن
        # الأزمة السورية، وخاصة مدينة إدلب»)
        for m in kept:
            lo, hi = (end, m.start) if m.start >= end else (m.end, at)
            k = self.doc.token_at(m.start)
            if self._unpunctuated(lo, hi) is not None and not self._about_in(max(0, k - 3), k):
                return m.key
        return None

    def _speech_covers(self, pos: int) -> bool:
        """Whether a quotation or reported speech holds ``pos``."""
        if self._speech is None:  # quotations and reported speech, once
            self._speech = Spans((q.start, q.end) for q in self.result.quotes)
        return self._speech.covers(pos)

    def _held_in(self, end: int, m: MentionIn) -> bool:
        """Whether a country after «في» is where the event ending at ``end`` was held:
        right after it, or after one word («اجتماع عقد في أذربيجان», «محادثاته في
        روسيا»); further on it is what was spoken of («الوضع في سوريا»)."""
        if m.type != "state" or m.start < end:
            return False
        t, k = self.doc.token_at(end), self.doc.token_at(m.start)
        return k - t <= 2 or (k - t == 3 and self.doc.texts[t + 1] in _HELD)

    def _about_in(self, lo: int, hi: int) -> bool:
        """Whether a word saying what something is about («بشأن», «حول», «لبحث») is
        among the tokens ``[lo, hi)``; «عن» after «ممثلين» is on whose behalf
        («ممثلين عن مجلس الأمن في جنيف»)."""
        texts = self.doc.texts
        for k in range(max(0, lo), hi):
            t = texts[k]
            if t in _ABOUT and not (t == "عن" and k > 0 and texts[k - 1] in _ON_BEHALF):
                return True
        return False

    def _figures(self, a: int, b: int, lo: int, hi: int, key: str) -> list[dict[str, Any]]:
        """The figures of the trigger at ``[a, b)``, looked for in ``[lo, hi)``: the number
        it counts («12 قتيلاً»), or for «مصرعهم» those after the verb before it («لقي ثلاثة
        أطفال مصرعهم»), then those after it («مقتل 12 مدنياً»)."""
        found = self._read_figures(b, hi)
        before = self.norm_tokens_between(lo, a)
        if key in _DEATH_OBJECTS:  # the dead, then any after («وأصيب خمسة آخرون»)
            verb = next(
                (k for k in range(len(before) - 1, -1, -1) if before[k][2] in _MET_DEATH), None
            )
            if verb is not None:
                return self._read_figures(before[verb][1], a) + found
            return found
        # the number the trigger counts first («سقط 12 قتيلاً و30 جريحاً»), then those after
        counted = read_figures(self.text, [*before[-8:], *self.norm_tokens_between(a, b, 1)])
        return self._kept_figures(f for f in counted if f.end == b) + found

    def _read_figures(self, a: int, b: int) -> list[dict[str, Any]]:
        return self._kept_figures(read_figures(self.text, self.norm_tokens_between(a, b)))

    def _kept_figures(self, figures: Iterable[Figure]) -> list[dict[str, Any]]:
        """As stored: without those counting a function word, a month or a unit of time
        («12 من», «12 أيار», «خلال 10 أيام»)."""
        months, times = month_names(), self.fk.time_units
        return [
            {"value": f.value, "unit": f.unit}
            for f in figures
            if f.unit_key not in self.kb.function_words
            and f.unit_key not in months
            and f.unit_key not in times
        ]

    def date_quotes(self) -> None:
        """«وقال جيفري أمس، الأربعاء 29 من أيار، إن …»: when the speech was made."""
        dates = [d for d in self._dates() if not d.since]
        # The sentence's date outside the quotation that names a day if one does, else
        # any, the last of them; found by bisection in each kind's dates (in text order,
        # as the dates): a text without punctuation is one sentence with every date.
        kinds: tuple[list[tuple[int, int, DateMention]], ...] = ([], [])
        for d in dates:
            kinds[d.day is None].append((*self.span(d.start, d.end), d))
        starts = [[a for a, _b, _d in kind] for kind in kinds]
        for q in self.result.quotes:
            if q.sentence_idx is None:
                continue
            s_start, s_end = self.sentences[q.sentence_idx]
            found = None
            for kind, at in zip(kinds, starts, strict=True):
                lo = bisect.bisect_left(at, s_start)
                hi = bisect.bisect_left(at, s_end, lo)
                j = hi - 1
                if j >= lo and q.start <= at[j] < q.end:  # the last is quoted: the last before
                    j = bisect.bisect_left(at, q.start, lo, hi) - 1
                if j >= lo:
                    while j > lo and at[j - 1] == at[j]:
                        j -= 1  # of two dates at one place, the first (as max gave)
                    found = kind[j]
                    break
            if found is None:
                continue
            a, b, d = found
            q.details["date_text"] = self.text[a:b]
            if d.date:
                q.details["date"] = d.date.isoformat()
            for name in ("day", "month", "weekday"):
                if getattr(d, name) is not None:
                    q.details[name] = getattr(d, name)

    def voice_labels(self) -> None:
        """A label inside quotation marks is its speaker's word, not the outlet's: «… بأن
        نظام الأسد يفهم…» in James Jeffrey's words was counted as the outlet calling the
        government a regime. Reported speech without the marks is the outlet's telling,
        in its own words (SANA's «وفد الجمهورية العربية السورية» in what the envoy
        said): its labels stay the outlet's."""
        quotes = [q for q in self.result.quotes if q.kind in ("direct", "partial")]
        if not quotes:
            return
        spans = Spans((q.start, q.end) for q in quotes)
        for lb in self.result.labels:
            if lb.kind not in ("label", "apposition"):
                continue
            i = spans.first_containing(lb.start)
            if i is None or quotes[i].end < lb.end:
                continue
            lb.details["quoted"] = quotes[i].kind
            if lb.speaker_key is None:
                lb.speaker_key = quotes[i].speaker_key

    def run(self) -> FramingResult:
        self.labels()
        self.appositions()
        self._governments_act()
        self.quotes()
        self.distancing()
        self.voice_labels()
        self.events()
        self.date_quotes()
        return self.result


_OPENERS, _CLOSERS = "«“‘", "»”’"


def _start_of_words(text: str, start: int, end: int) -> int:
    """``start`` moved on over what is not a word, except a quotation mark that opens one
    closed inside the span («إن "المعارضة المعتدلة" ليست …» lost its opening mark and
    kept its closing one)."""
    while start < end and not text[start].isalnum():
        c = text[start]
        if c in _OPENERS:
            closer = _CLOSERS[_OPENERS.index(c)]
            inside = text[start + 1 : end]
            if inside.count(closer) > inside.count(c):
                break
        elif c == '"' and text.count('"', start + 1, end) % 2 == 1:
            break
        start += 1
    return start


def _says_that(word: str) -> bool:
    """Whether a normalised word is «إن»/«أن», alone or with its pronoun or «ب»."""
    return word in _COMPLEMENTISERS or word == "ان"


def _adjective_like(word: str, function_words: AbstractSet[str]) -> bool:
    """Whether the word after an unnamed source may be its adjective («ناشطون معارضون»,
    «مصادر مطلعة»): not a function word, a demonstrative or a complementiser."""
    return (
        word.isalpha()
        and word not in function_words
        and word not in _COMPLEMENTISERS
        and word not in ("ان", "ذلك", "هذا", "هذه", "الي", "علي", "من", "في")
    )


def _head_word(word: str) -> str:
    """A normalised word without the conjunction before it («ودعا» → «دعا»)."""
    return word[1:] if word[:1] in ("و", "ف") and len(word) > 3 else word


def _end_of_words(text: str, start: int, end: int) -> int:
    """``end`` moved back over what ends a span of words but is not a word, except a
    quotation mark that closes one opened inside it («… «تعمل بكفاءة»»; it was cut,
    and the span showed «… «تعمل بكفاءة»)."""
    while end > start and not text[end - 1].isalnum():
        c = text[end - 1]
        if c in _CLOSERS:
            opener = _OPENERS[_CLOSERS.index(c)]
            inside = text[start : end - 1]
            if inside.count(opener) > inside.count(c):
                break
        elif c == '"' and text.count('"', start, end - 1) % 2 == 1:
            break
        end -= 1
    return end


def analyse_framing(
    text: str | DocText,
    sentences: Sequence[tuple[int, int]],
    mentions: Sequence[MentionIn],
    fk: FramingKnowledge,
    *,
    published: dt.date | None = None,
    skip: Sequence[tuple[int, int]] = (),
) -> FramingResult:
    doc = text if isinstance(text, DocText) else DocText(text)
    return _Framer(doc, sentences, mentions, fk, published, skip).run()
