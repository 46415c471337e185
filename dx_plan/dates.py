"""Dates as people write them in Vietnamese activity logs.

Vietnam writes dates day-first (05/03/2024 is 5 March), so this module never
guesses month-first and never hands a string to a general-purpose parser:
`dateutil` with ``dayfirst=True`` swaps day and month of ISO dates, the very
trap a log checker must avoid.  Every accepted form is an explicit regex:

* ISO ``2024-03-05``, ``2024-03-05T10:00:00``, ``2024-03-05 10:00``, ``2024/03/05``;
* day-first ``05/03/2024``, ``5/3/2024``, ``5-3-2024``, ``5.3.2024``, ``05/03/24``
  (two-digit years are 20xx), optionally followed by a time (``05/03/2024 08:30``);
* in words ``ngày 5 tháng 3 năm 2024``, ``5 tháng 3, 2024`` (any case, with or
  without diacritics).

Rejections raise `DateError` (a ValueError) carrying the reason as a catalogue message,
for the reader to nest in its own ("cannot read date '…': {reason}"); `str()` of it is
the English reason.
Digits are ASCII only (`[0-9]`, not `\\d`, which also takes Arabic-Indic digits).
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from .i18n import Msg, msg
from .text import fold

NOT_A_DATE = msg("date.not_a_date")
NO_SUCH_DAY = msg("date.no_such_day")
MONTH_ONLY = msg("date.month_only")
QUARTER_ONLY = msg("date.quarter_only")
YEAR_ONLY = msg("date.year_only")


class DateError(ValueError):
    """A text that is not a date; `message` says why (English in `str()`)."""

    def __init__(self, message: Msg) -> None:
        super().__init__(str(message))
        self.message = message

# Vietnam has kept UTC+7 without daylight saving since 1975, so a fixed offset is
# exact and needs no tz database.
VIETNAM = dt.timezone(dt.timedelta(hours=7))

_TIME = r"[0-9]{1,2}(?::[0-9]{2}){1,2}(?:[.,][0-9]+)?(?:\s*(?:[ap]\.?m\.?|sa|ch))?"
# After a date: nothing, or a time such as "08:30", "8:30:15 SA", ", 08:30" or "8h30".
_TIME_TAIL = rf"(?:(?:\s+|\s*,\s*|T){_TIME}|\s+[0-9]{{1,2}}h(?:[0-9]{{2}})?)?"
_ISO = re.compile(
    r"([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})"
    r"(?:[T ]([0-9]{1,2}):([0-9]{2})(?::([0-9]{2})(?:[.,][0-9]+)?)?"
    r"\s*(Z|[+-][0-9]{2}(?::?[0-9]{2})?)?)?",
    re.IGNORECASE,
)
_YMD_SLASH = re.compile(
    rf"([0-9]{{4}})/([0-9]{{1,2}})/([0-9]{{1,2}}){_TIME_TAIL}", re.IGNORECASE
)
_DMY = re.compile(
    rf"([0-9]{{1,2}})([/.\-])([0-9]{{1,2}})\2([0-9]{{4}}|[0-9]{{2}}){_TIME_TAIL}", re.IGNORECASE
)
_NGAY_PREFIX = re.compile(r"ng(?:ày|ay)\s+", re.IGNORECASE)
# Matched on text.fold(...) output: lower-case ASCII words separated by single spaces.
_WORDS = re.compile(r"(?:ngay )?([0-9]{1,2}) thang ([0-9]{1,2})(?: nam)? ([0-9]{4})")
_MONTH_ONLY = (
    re.compile(r"[0-9]{1,2}[/.\-][0-9]{4}"),
    re.compile(r"[0-9]{4}[/\-][0-9]{1,2}"),
)
_MONTH_ONLY_WORDS = re.compile(r"(?:thang|t) ?[0-9]{1,2}(?: nam)? [0-9]{4}")
_QUARTER_WORDS = re.compile(r"(?:quy|q) ?[1-4iv]{1,3}(?: nam)? [0-9]{4}")
_YEAR_ONLY = re.compile(r"(?:nam )?[0-9]{4}")


def parse_date(text: str) -> dt.date:
    """Read one date, day-first; raise DateError whose message says why it is not one."""
    s = text.strip()
    m = _ISO.fullmatch(s)
    if m:
        return _iso(m)
    m = _YMD_SLASH.fullmatch(s)
    if m:
        return _make(int(m[1]), int(m[2]), int(m[3]))
    s = _NGAY_PREFIX.sub("", s, count=1) if s[:1] in "nN" else s
    m = _DMY.fullmatch(s)
    if m:
        return _make(_year(m[4]), int(m[3]), int(m[1]))
    folded = fold(s)
    m = _WORDS.fullmatch(folded)
    if m:
        return _make(int(m[3]), int(m[2]), int(m[1]))
    raise DateError(_reason(s, folded))


parse_date_cached = lru_cache(maxsize=8192)(parse_date)
"""`parse_date` memoised: a log repeats the same few hundred date spellings."""


def day_first_hint(text: str) -> Msg | None:
    """A hint for a day-first date whose month part cannot be a month (04/13/2024)."""
    m = _DMY.fullmatch(text.strip())
    if m and int(m[3]) > 12:
        return msg("date.hint.day_first", month=int(m[3]))
    return None


def from_excel_serial(serial: float, epoch1904: bool = False) -> dt.date | None:
    """The date of an Excel serial day number, or None when it is implausible as a date.

    Only 20000 < serial < 80000 (1954..2119) is taken as a date: smaller numbers in
    a date column are far more likely quantities or typos than dates.
    """
    if not 20000 < serial < 80000:
        return None
    # 1899-12-30, not 12-31: Excel counts the non-existent 1900-02-29.
    base = dt.date(1904, 1, 1) if epoch1904 else dt.date(1899, 12, 30)
    return base + dt.timedelta(days=int(serial))


def _iso(m: re.Match[str]) -> dt.date:
    day = _make(int(m[1]), int(m[2]), int(m[3]))
    offset = m[7]
    if not offset:
        return day
    # A timestamp with an offset (often UTC "Z" from web forms) names an instant;
    # the log's date is that instant's date in Vietnam.
    hour, minute, second = int(m[4]), int(m[5]), int(m[6] or 0)
    if hour > 23 or minute > 59 or second > 59:
        raise DateError(NOT_A_DATE)
    if offset.upper() == "Z":
        tz = dt.UTC
    else:
        digits = offset[1:].replace(":", "")
        hours, minutes = int(digits[:2]), int(digits[2:] or 0)
        if hours > 23 or minutes > 59:
            raise DateError(NOT_A_DATE)
        delta = dt.timedelta(hours=hours, minutes=minutes)
        tz = dt.timezone(delta if offset[0] == "+" else -delta)
    stamp = dt.datetime(day.year, day.month, day.day, hour, minute, second, tzinfo=tz)
    try:
        return stamp.astimezone(VIETNAM).date()
    except OverflowError:
        raise DateError(NO_SUCH_DAY) from None


def _year(text: str) -> int:
    # Two-digit years are this century's: logs are about 2024, not 1924.
    return 2000 + int(text) if len(text) == 2 else int(text)


def _make(year: int, month: int, day: int) -> dt.date:
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise DateError(NO_SUCH_DAY) from None


def _reason(s: str, folded: str) -> Msg:
    if any(p.fullmatch(s) for p in _MONTH_ONLY) or _MONTH_ONLY_WORDS.fullmatch(folded):
        return MONTH_ONLY
    if _QUARTER_WORDS.fullmatch(folded):
        return QUARTER_ONLY
    if _YEAR_ONLY.fullmatch(folded):
        return YEAR_ONLY
    return NOT_A_DATE
