"""Dates from metadata strings (ISO, numeric, RFC 2822, Arabic and English month names,
and Hijri dates as Saudi and Gulf outlets print them).

Month names are data: ``resources/lexicons/months.tsv``. A dual form such as
«12 كانون الثاني/يناير 2017» is read as one month. A Gregorian date is preferred when a
value holds both («18 شوال 1438 هـ الموافق 12 يوليو 2017 م»); a Hijri one alone (a year
from 1343 to 1500, «1438/10/18 هـ», «18 شوال 1438») is converted by the Umm al-Qura
calendar, which Saudi Arabia uses (``hijridate``: its month lengths are observations, not
a formula, so a table beats an arithmetic calendar that is a day or two out).
"""

from __future__ import annotations

import datetime as dt
import re
from email.utils import parsedate_to_datetime
from functools import cache

from desktop.datafiles import read_tsv
from desktop.paths import resource
from desktop.text.normalize import normalize


@cache
def _months(hijri: bool) -> dict[str, int]:
    return {
        normalize(row["name"]).lower(): int(row["month"])
        for row in read_tsv(resource("lexicons", "months.tsv"))
        if (row["system"] == "hijri") == hijri
    }


def month_names() -> dict[str, int]:
    """Normalised month name → month number (Gregorian calendar)."""
    return _months(False)


def hijri_month_names() -> dict[str, int]:
    """Normalised Hijri month name → month number."""
    return _months(True)


@cache
def _month_re(hijri: bool = False) -> re.Pattern[str]:
    names = sorted(_months(hijri), key=len, reverse=True)
    alt = "|".join(re.escape(n).replace(r"\ ", r"\s+") for n in names)
    return re.compile(rf"(?<![^\W\d_])({alt})(?![^\W\d_])", re.IGNORECASE)


_ISO_RE = re.compile(r"(?<!\d)(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)")
_DMY_RE = re.compile(r"(?<!\d)(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})(?!\d)")
_EPOCH_RE = re.compile(r"^\s*(\d{9,10}|\d{12,13}|\d{15,16}|\d{18,19})(?:\.\d+)?\s*$")
_YEAR_RE = re.compile(r"(?<!\d)(1[89]\d\d|20\d\d|21\d\d)(?!\d)")
_HIJRI_YEAR_RE = re.compile(r"(?<!\d)(13[4-9]\d|14\d\d|1500)(?!\d)")
#: 20170712, alone or before a time
_COMPACT_RE = re.compile(
    r"^((?:19|20)\d\d)(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?:T[\d:.]*Z?)?$", re.IGNORECASE
)
_DAY_RE = re.compile(r"(?<!\d)(\d{1,2})(?!\d)")


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _from_hijri(year: int, month: int, day: int) -> dt.date | None:
    """The Gregorian date of a Hijri one (Umm al-Qura), or None outside 1343–1500 AH or
    for a day its month does not have."""
    from hijridate import Hijri  # a small table, read when a Hijri date first appears

    try:
        g = Hijri(year, month, day).to_gregorian()
    except (ValueError, OverflowError):
        return None
    # a plain date: hijridate's Gregorian is a subclass that SQLite cannot store (one
    # Hijri date in a CSV row or a sidecar ended the whole import)
    return dt.date(g.year, g.month, g.day)


def _from_numbers(text: str, hijri: bool) -> dt.date | None:
    """The first date written in numbers (year first, or day first) whose year is of the
    calendar asked for."""
    found = [(m.start(), int(m[1]), int(m[2]), int(m[3])) for m in _ISO_RE.finditer(text)]
    for m in _DMY_RE.finditer(text):
        a, b, year = int(m[1]), int(m[2]), int(m[3])
        day, month = (b, a) if b > 12 >= a else (a, b)  # day first unless impossible
        found.append((m.start(), year, month, day))
    for _at, year, month, day in sorted(found):
        if hijri and 1343 <= year <= 1500:
            return _from_hijri(year, month, day)
        if not hijri and 1800 <= year <= 2199:
            return _safe_date(year, month, day)
    return None


def _from_month_name(text: str, hijri: bool = False) -> dt.date | None:
    m = _month_re(hijri).search(text)
    if not m:
        return None
    month = _months(hijri)[" ".join(m.group(1).lower().split())]
    before, after = text[: m.start()], text[m.end() :]
    # «12 كانون الثاني/يناير 2017»: skip the second name of a dual form
    dual = re.match(r"\s*/\s*", after)
    if dual:
        m2 = _month_re(hijri).match(after, dual.end())
        if m2:
            after = after[m2.end() :]
    years = _HIJRI_YEAR_RE if hijri else _YEAR_RE
    day_m = list(_DAY_RE.finditer(before))
    year_m = years.search(after)
    day = int(day_m[-1].group(1)) if day_m else None
    if day is None:  # "May 30, 2019"
        after_day = _DAY_RE.match(after.lstrip())
        day = int(after_day.group(1)) if after_day else None
    if year_m is None:
        year_m = years.search(before)
    if day is None or year_m is None:
        return None
    if hijri:
        return _from_hijri(int(year_m.group(1)), month, day)
    return _safe_date(int(year_m.group(1)), month, day)


def parse_date(raw: object) -> dt.date | None:
    """A calendar date from a metadata value, or None when it cannot be read safely."""
    if raw is None:
        return None
    if isinstance(raw, dt.datetime):
        return raw.date()
    if isinstance(raw, dt.date):
        return raw
    if isinstance(raw, (int, float)) and not isinstance(raw, bool):
        raw = str(int(raw))
    text = normalize(str(raw)).strip()
    if not text:
        return None
    epoch = _EPOCH_RE.match(text)
    if epoch:
        value = int(epoch.group(1))
        while value > 10**11:  # milli-, micro- or nanoseconds
            value //= 1000
        try:
            return dt.datetime.fromtimestamp(value, tz=dt.UTC).date()
        except (OverflowError, OSError, ValueError):
            return None
    compact = _COMPACT_RE.match(text)
    if compact:
        return _safe_date(int(compact[1]), int(compact[2]), int(compact[3]))
    found = (
        _from_numbers(text, hijri=False)
        or _from_month_name(text)
        or _from_numbers(text, hijri=True)
        or _from_month_name(text, hijri=True)
    )
    if found:
        return found
    try:
        return parsedate_to_datetime(text).date()
    except (TypeError, ValueError, IndexError):
        return None
