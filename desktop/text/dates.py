"""Dates from metadata strings (ISO, numeric, RFC 2822, Arabic and English month names).

Month names are data: ``resources/lexicons/months.tsv``. A dual form such as
«12 كانون الثاني/يناير 2017» is read as one month.
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
def month_names() -> dict[str, int]:
    """Normalised month name → month number."""
    return {
        normalize(row["name"]).lower(): int(row["month"])
        for row in read_tsv(resource("lexicons", "months.tsv"))
    }


@cache
def _month_re() -> re.Pattern[str]:
    names = sorted(month_names(), key=len, reverse=True)
    alt = "|".join(re.escape(n).replace(r"\ ", r"\s+") for n in names)
    return re.compile(rf"(?<![^\W\d_])({alt})(?![^\W\d_])", re.IGNORECASE)


_ISO_RE = re.compile(r"\b(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)")
_DMY_RE = re.compile(r"\b(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})\b")
_EPOCH_RE = re.compile(r"^\s*(\d{9,10}|\d{12,13})(?:\.\d+)?\s*$")
_YEAR_RE = re.compile(r"(?<!\d)(1[89]\d\d|20\d\d|21\d\d)(?!\d)")
_DAY_RE = re.compile(r"(?<!\d)(\d{1,2})(?!\d)")


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _from_month_name(text: str) -> dt.date | None:
    m = _month_re().search(text)
    if not m:
        return None
    month = month_names()[" ".join(m.group(1).lower().split())]
    before, after = text[: m.start()], text[m.end() :]
    # «12 كانون الثاني/يناير 2017»: skip the second name of a dual form
    dual = re.match(r"\s*/\s*", after)
    if dual:
        m2 = _month_re().match(after, dual.end())
        if m2:
            after = after[m2.end() :]
    day_m = list(_DAY_RE.finditer(before))
    year_m = _YEAR_RE.search(after)
    day = int(day_m[-1].group(1)) if day_m else None
    if day is None:  # "May 30, 2019"
        after_day = _DAY_RE.match(after.lstrip())
        day = int(after_day.group(1)) if after_day else None
    if year_m is None:
        year_m = _YEAR_RE.search(before)
    if day is None or year_m is None:
        return None
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
        if value > 10**11:
            value //= 1000
        try:
            return dt.datetime.fromtimestamp(value, tz=dt.UTC).date()
        except (OverflowError, OSError, ValueError):
            return None
    m = _ISO_RE.search(text)
    if m:
        return _safe_date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    m = _DMY_RE.search(text)
    if m:
        a, b, year = int(m.group(1)), int(m.group(2)), int(m.group(3))
        day, month = (b, a) if b > 12 >= a else (a, b)  # day first unless impossible
        return _safe_date(year, month, day)
    named = _from_month_name(text)
    if named:
        return named
    try:
        return parsedate_to_datetime(text).date()
    except (TypeError, ValueError, IndexError):
        return None
