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
    ],
)
def test_reads_metadata_dates(raw: object, expected: dt.date) -> None:
    assert parse_date(raw) == expected


@pytest.mark.parametrize("raw", [None, "", "garbage", "30 May", "2019", "31/02/2019", True])
def test_refuses_what_is_not_a_full_date(raw: object) -> None:
    assert parse_date(raw) is None
