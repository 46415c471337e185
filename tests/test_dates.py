"""dx_plan.dates: day-first dates as Vietnamese logs write them, and clear refusals."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dx_plan.dates import (
    MONTH_ONLY,
    NO_SUCH_DAY,
    NOT_A_DATE,
    QUARTER_ONLY,
    YEAR_ONLY,
    DateError,
    day_first_hint,
    from_excel_serial,
    parse_date,
    parse_date_cached,
)
from dx_plan.i18n import Msg, say

MARCH_5 = dt.date(2024, 3, 5)


@pytest.mark.parametrize("text", [
    # ISO, with and without a time
    "2024-03-05",
    "2024-3-5",
    "2024-03-05T10:00:00",
    "2024-03-05T10:00",
    "2024-03-05 10:00",
    "2024-03-05 10:00:00.123",
    "2024-03-05T10:00:00+07:00",
    "2024/03/05",
    # day-first, any separator, two- or four-digit year
    "05/03/2024",
    "5/3/2024",
    "5-3-2024",
    "5.3.2024",
    "05.03.2024",
    "05/03/24",
    "5/3/24",
    # day-first followed by a time
    "05/03/2024 08:30",
    "05/03/2024 8:30:15",
    "05/03/2024, 08:30",
    "05/03/2024 08:30 SA",
    "05/03/2024 8:30 PM",
    "05/03/2024 8h30",
    "05/03/2024 8h",
    # in words, with or without diacritics, any case
    "ngày 5 tháng 3 năm 2024",
    "Ngày 05 tháng 03 năm 2024",
    "NGÀY 5 THÁNG 3 NĂM 2024",
    "ngay 5 thang 3 nam 2024",
    "5 tháng 3, 2024",
    "5 tháng 3 2024",
    "Ngày 05/03/2024",
    # surrounding blanks
    "  05/03/2024\t",
])
def test_accepted_forms(text: str) -> None:
    assert parse_date(text) == MARCH_5


def test_iso_is_year_month_day_and_slashes_are_day_first() -> None:
    # The trap: a day-first parser applied to ISO swaps day and month.
    assert parse_date("2024-03-05") == dt.date(2024, 3, 5)
    assert parse_date("05/03/2024") == dt.date(2024, 3, 5)
    assert parse_date("2024-05-03") == dt.date(2024, 5, 3)
    assert parse_date("03/05/2024") == dt.date(2024, 5, 3)
    assert parse_date("12/01/2024") == dt.date(2024, 1, 12)  # never month-first


def test_two_digit_years_are_this_century() -> None:
    assert parse_date("05/03/24") == dt.date(2024, 3, 5)
    assert parse_date("31/12/99") == dt.date(2099, 12, 31)
    assert parse_date("01/01/00") == dt.date(2000, 1, 1)


def test_utc_timestamps_are_dates_in_vietnam() -> None:
    # 20:00 UTC on 4 March is 03:00 on 5 March in Vietnam (UTC+7).
    assert parse_date("2024-03-04T20:00:00Z") == MARCH_5
    assert parse_date("2024-03-04T16:59:59Z") == dt.date(2024, 3, 4)
    assert parse_date("2024-03-05T01:00:00+09:00") == dt.date(2024, 3, 4)
    assert parse_date("2024-03-05T10:00:00+0700") == MARCH_5


@pytest.mark.parametrize(("text", "reason"), [
    ("03/2024", MONTH_ONLY),
    ("3/2024", MONTH_ONLY),
    ("2024-03", MONTH_ONLY),
    ("tháng 3/2024", MONTH_ONLY),
    ("Tháng 3 năm 2024", MONTH_ONLY),
    ("T3/2024", MONTH_ONLY),
    ("Quý 1/2024", QUARTER_ONLY),
    ("quý I năm 2024", QUARTER_ONLY),
    ("2024", YEAR_ONLY),
    ("năm 2024", YEAR_ONLY),
    ("31/02/2024", NO_SUCH_DAY),
    ("29/02/2023", NO_SUCH_DAY),
    ("00/03/2024", NO_SUCH_DAY),
    ("04/13/2024", NO_SUCH_DAY),
    ("2024-02-30", NO_SUCH_DAY),
    ("2024-13-01", NO_SUCH_DAY),
    ("ngày 30 tháng 2 năm 2024", NO_SUCH_DAY),
    ("9999-12-31T23:00:00Z", NO_SUCH_DAY),
    ("", NOT_A_DATE),
    ("hôm qua", NOT_A_DATE),
    ("05/03-2024", NOT_A_DATE),
    ("2024-03-05T25:00:00Z", NOT_A_DATE),
    ("05/03/2024 hello", NOT_A_DATE),
    ("March 5, 2024", NOT_A_DATE),
    ("٠٥/٠٣/٢٠٢٤", NOT_A_DATE),  # Arabic-Indic digits are not taken as digits
])
def test_rejections_say_why(text: str, reason: Msg) -> None:
    with pytest.raises(DateError) as exc:
        parse_date(text)
    assert exc.value.message == reason
    assert str(exc.value) == str(reason)  # a ValueError whose text is the English reason


def test_reason_texts() -> None:
    assert str(MONTH_ONLY) == "month only; give the day"
    assert str(NO_SUCH_DAY) == "no such day"
    assert str(NOT_A_DATE) == "not a date; write DD/MM/YYYY"
    assert say(NO_SUCH_DAY, "vi") == "không có ngày này"


@pytest.mark.parametrize(("text", "hint"), [
    ("04/13/2024", "dates are day-first: DD/MM/YYYY (13 is not a month)"),
    ("12/31/2024", "dates are day-first: DD/MM/YYYY (31 is not a month)"),
    ("03/04/2024", None),
    ("31/02/2024", None),
    ("2024-13-01", None),
    ("hello", None),
])
def test_day_first_hint(text: str, hint: str | None) -> None:
    found = day_first_hint(text)
    assert (None if found is None else str(found)) == hint


def test_excel_serial_numbers() -> None:
    assert from_excel_serial(45356) == MARCH_5
    assert from_excel_serial(45356.75) == MARCH_5  # a time of day is dropped
    assert from_excel_serial(43894, epoch1904=True) == MARCH_5  # day 0 is 1904-01-01
    assert from_excel_serial(20000) is None
    assert from_excel_serial(80000) is None
    assert from_excel_serial(3) is None


def test_cached_wrapper() -> None:
    assert parse_date_cached("05/03/2024") == MARCH_5
    assert parse_date_cached("05/03/2024") is parse_date_cached("05/03/2024")
    with pytest.raises(ValueError, match="no such day"):
        parse_date_cached("31/02/2024")


@given(st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2099, 12, 31)))
def test_round_trip(day: dt.date) -> None:
    assert parse_date(f"{day:%d/%m/%Y}") == day
    assert parse_date(day.isoformat()) == day
    assert parse_date(f"{day.day}/{day.month}/{day:%y}") == day
    assert parse_date(f"ngày {day.day} tháng {day.month} năm {day.year}") == day


@pytest.mark.slow
@given(st.text())
def test_arbitrary_text_raises_only_value_error(text: str) -> None:
    try:
        result = parse_date(text)
    except ValueError as exc:
        assert isinstance(exc, DateError)
        assert exc.message in (MONTH_ONLY, QUARTER_ONLY, YEAR_ONLY, NO_SUCH_DAY, NOT_A_DATE)
    else:
        assert isinstance(result, dt.date)


@given(st.from_regex(r"[0-9]{1,4}[/.\-][0-9]{1,4}[/.\-][0-9]{1,4}( [0-9:]{1,8})?",
                     fullmatch=True))
def test_date_shaped_text_raises_only_value_error(text: str) -> None:
    try:
        parse_date(text)
    except ValueError:
        pass
