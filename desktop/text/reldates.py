"""Dates written in article text: «الأربعاء 29 من أيار», «30 من كانون الأول»,
«12 كانون الثاني/يناير 2017», «أمس», «اليوم», «غداً», «الثلاثاء الماضي», «الثلاثاء
المقبل», resolved against the article's own date when it is known."""

from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import dataclass
from functools import cache

from desktop.text.dates import month_names
from desktop.text.normalize import normalize

WEEKDAYS = {
    "الاثنين": 0,
    "الثلاثاء": 1,
    "الاربعاء": 2,
    "الخميس": 3,
    "الجمعه": 4,
    "السبت": 5,
    "الاحد": 6,
}


@dataclass(frozen=True)
class DateMention:
    start: int  # offsets in the normalised text given
    end: int
    text: str
    date: dt.date | None
    day: int | None = None
    month: int | None = None
    year: int | None = None
    weekday: int | None = None
    #: «منذ 29 من نيسان»: a period that began then
    since: bool = False


@cache
def _explicit_re() -> re.Pattern[str]:
    """A day and a month (the year optional): what every explicit date has. What may
    stand before the day is matched afterwards (:func:`_lead_re`), so the engine tries
    this only at digits, not at every ا and م of the text."""
    names = sorted(month_names(), key=len, reverse=True)
    arabic = [n for n in names if not n.isascii()]
    alt = "|".join(re.escape(n).replace(r"\ ", r"\s+") for n in arabic)
    return re.compile(
        rf"(?P<day>\d{{1,2}})\s+(?:من\s+)?"
        rf"(?P<month>{alt})(?:\s*/\s*(?:{alt}))?(?:\s*\((?:{alt})\))?"
        rf"(?:\s+(?P<year>(?:19|20)\d\d))?(?:\s+الماضي)?"
    )


@cache
def _lead_re() -> re.Pattern[str]:
    """«منذ» (a few words and «في» may follow it) and a weekday right before a date's
    day, matched at the end of the text before it."""
    wd = "|".join(WEEKDAYS)
    # «منذ 29 من نيسان», «منذ بداية تطبيقه في 30 من كانون الأول»
    return re.compile(
        rf"(?P<since>منذ\s+(?:(?:{_BEGAN})\s+(?:[^\W\d_]+\s+){{0,2}}في\s+)?)?"
        rf"(?:(?P<wd>{wd})\s*،?\s*)?\Z"
    )


#: what began on a date after «منذ» («منذ بداية تطبيقه في», «منذ توقيع الاتفاق في»);
#: «منذ أشهر في 12 آذار» is the date of what happened after months, normalised
_BEGAN = (
    "(?:"
    + "|".join(
        ("بدايه", "بدايت", "بدء", "توقيع", "انطلاق", "اعلان", "دخول", "تطبيق", "اندلاع", "سريان")
    )
    + ")(?:ه|ها|هم|هما)?|مطلع"
)

#: what :func:`_lead_re` may match is shorter than this
_LEAD_WINDOW = 40


# every alternative begins with ال, ام or غد: the lookahead skips the rest
_RELATIVE_RE = re.compile(
    r"(?=ا[لم]|غد)(?<![^\W\d_])(?:(?P<ago>امس\s+الاول)|(?P<yesterday>امس)|(?P<today>اليوم)|"
    r"(?P<tomorrow>غدا)|"
    r"(?P<wd>" + "|".join(WEEKDAYS) + r")"
    r"(?:(?P<last>\s+(?:الماضي|الفائت|المنصرم))|(?P<next>\s+(?:المقبل|القادم)))?)(?![^\W\d_])"
)


def _year_for(day: int, month: int, ref: dt.date) -> int:
    """The year that puts day/month at or before the article's date (news reports the past)."""
    try:
        candidate = dt.date(ref.year, month, day)
    except ValueError:
        return ref.year
    return ref.year if candidate <= ref + dt.timedelta(days=7) else ref.year - 1


_WEEKDAY_NAMES = tuple(WEEKDAYS)


def _became(norm: str, start: int, end: int) -> bool:
    """Whether «غدا» at ``[start, end)`` is the verb «became» («غدا الوضع أكثر تعقيداً»): it
    begins its clause and a noun with the article follows. After a verb it is tomorrow
    («وتنطلق غداً الجولة الجديدة»)."""
    before = norm[max(0, start - 3) : start].rstrip()
    opens = not before or before[-1] in '،,.:;؛!?«»"' or before.endswith(("و", " و"))
    after = norm[end : end + 12].lstrip()
    return opens and after.startswith("ال") and not after.startswith(_WEEKDAY_NAMES)


def find_dates(norm: str, published: dt.date | None) -> list[DateMention]:
    """Dates in normalised text, resolved when the article date is known."""
    out: list[DateMention] = []
    taken: list[tuple[int, int]] = []
    lead_re = _lead_re()
    previous_end = 0
    for m in _explicit_re().finditer(norm):
        day = int(m.group("day"))
        month = month_names()[" ".join(m.group("month").split())]
        year = int(m.group("year")) if m.group("year") else None
        window = max(previous_end, m.start() - _LEAD_WINDOW)
        lead = lead_re.search(norm, window, m.start())
        assert lead is not None  # it matches the empty string at the end
        wd = WEEKDAYS.get(lead.group("wd") or "")
        date = None
        year_guess: int | None = year
        if year is None and published is not None:
            year_guess = _year_for(day, month, published)
        if year_guess is not None:
            try:
                date = dt.date(year_guess, month, day)
            except ValueError:
                date = None
        start = lead.start("wd") if lead.group("wd") else m.start()
        out.append(
            DateMention(
                start,
                m.end(),
                norm[start : m.end()].strip(),
                date,
                day,
                month,
                year,
                wd,
                since=bool(lead.group("since")),
            )
        )
        taken.append((lead.start(), m.end()))
        previous_end = m.end()
    taken_starts = [a for a, _b in taken]
    for m in _RELATIVE_RE.finditer(norm):
        i = bisect.bisect_right(taken_starts, m.start()) - 1
        if i >= 0 and m.start() < taken[i][1]:
            continue  # inside an explicit date (those are in order and never overlap)
        date = None
        wd = None
        if m.group("wd"):
            wd = WEEKDAYS[m.group("wd")]
        if published is not None:
            if m.group("today"):
                date = published
            elif m.group("yesterday"):
                date = published - dt.timedelta(days=1)
            elif m.group("ago"):
                date = published - dt.timedelta(days=2)
            elif m.group("tomorrow"):
                if _became(norm, m.start(), m.end()):
                    continue
                date = published + dt.timedelta(days=1)
            elif wd is not None and m.group("next"):  # «الثلاثاء المقبل»: the one to come
                date = published + dt.timedelta(days=(wd - published.weekday()) % 7 or 7)
            elif wd is not None:
                back = (published.weekday() - wd) % 7
                if back == 0 and m.group("last"):
                    back = 7
                date = published - dt.timedelta(days=back)
        out.append(DateMention(m.start(), m.end(), m.group().strip(), date, weekday=wd))
    out.sort(key=lambda d: d.start)
    return out


def dates_in(text: str, published: dt.date | None) -> list[DateMention]:
    """Convenience for un-normalised text (offsets then refer to the normalised copy)."""
    return find_dates(normalize(text), published)
