from __future__ import annotations

import datetime as dt

import pytest

from desktop.text.dates import parse_date


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("2019-05-30T12:00:00Z", dt.date(2019, 5, 30)),
        ("2019/05/30", dt.date(2019, 5, 30)),
        ("30/05/2019", dt.date(2019, 5, 30)),
        ("05/30/2019", dt.date(2019, 5, 30)),
        ("الخميس، 30 مايو 2019 - 12:00", dt.date(2019, 5, 30)),
        ("29 من أيار 2019", dt.date(2019, 5, 29)),
        ("12 كانون الثاني/يناير 2017", dt.date(2017, 1, 12)),
        ("١٠ تموز ٢٠١٧", dt.date(2017, 7, 10)),
        ("30 كانون الأول 2016", dt.date(2016, 12, 30)),
        ("May 30, 2019", dt.date(2019, 5, 30)),
        ("Thu, 30 May 2019 12:00:00 GMT", dt.date(2019, 5, 30)),
        (1559217600, dt.date(2019, 5, 30)),
        ("1559217600000", dt.date(2019, 5, 30)),
        # micro- and nanoseconds, as Parquet and Spark keep times
        (1559217600000000, dt.date(2019, 5, 30)),
        ("1559217600000000000", dt.date(2019, 5, 30)),
        ("20190530", dt.date(2019, 5, 30)),
        ("20190530T120000Z", dt.date(2019, 5, 30)),
        ("م2019/05/30", dt.date(2019, 5, 30)),
    ],
)
def test_reads_metadata_dates(raw: object, expected: dt.date) -> None:
    assert parse_date(raw) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        # Saudi and Gulf outlets date by the Umm al-Qura calendar: 18 Shawwal 1438 was
        # Wednesday 12 July 2017, and 1 Ramadan 1445 Monday 11 March 2024
        ("1438/10/18 هـ", dt.date(2017, 7, 12)),
        ("18/10/1438هـ", dt.date(2017, 7, 12)),
        ("الأربعاء 18 شوال 1438 هـ", dt.date(2017, 7, 12)),
        ("1 رمضان 1445", dt.date(2024, 3, 11)),
        ("٢٩ ذي الحجة ١٤٤٤ هـ", dt.date(2023, 7, 17)),
        ("15 جمادى الآخرة 1440", dt.date(2019, 2, 20)),
        # both calendars: the Gregorian date is the one read, whichever comes first
        ("1438/10/18هـ الموافق 2017/07/11م", dt.date(2017, 7, 11)),
        ("الثلاثاء 17 شوال 1438 هـ - 11 يوليو 2017 م", dt.date(2017, 7, 11)),
    ],
)
def test_reads_hijri_dates_by_the_umm_al_qura_calendar(raw: str, expected: dt.date) -> None:
    found = parse_date(raw)
    assert found == expected
    assert type(found) is dt.date  # hijridate's subclass cannot be stored by SQLite


@pytest.mark.parametrize(
    "raw",
    [
        *(None, "", "garbage", "30 May", "2019", "31/02/2019", True),
        "30 شوال 1438",  # Shawwal 1438 had 29 days
        "1438-13-01",
        "1700-01-01",  # no news is dated so: a year of neither calendar
        "18 شوال",
    ],
)
def test_refuses_what_is_not_a_full_date(raw: object) -> None:
    assert parse_date(raw) is None
