"""Calendar periods (day, ISO week, month, quarter, year), clipped to a window.

ISO weeks run Monday–Sunday and belong to their ISO year: 30–31 December 2024 are
in 2025-W01.  A period cut by the window's edge keeps only the window's days and
is due once the as-of date reaches its (clipped) last day.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal

from .i18n import Msg, msg

Per = Literal["day", "week", "month", "quarter", "year"]
ONE_DAY = dt.timedelta(days=1)


@dataclass(frozen=True, slots=True)
class Window:
    """An inclusive range of days."""

    start: dt.date
    end: dt.date

    def intersect(self, other: Window) -> Window | None:
        """The overlap of two windows, or None when they do not meet."""
        start, end = max(self.start, other.start), min(self.end, other.end)
        return Window(start, end) if start <= end else None

    @property
    def days(self) -> int:
        """Number of days in the window."""
        return (self.end - self.start).days + 1


@dataclass(frozen=True, slots=True)
class Period:
    """One period of a rule, possibly clipped: its label and its days."""

    label: str
    start: dt.date
    end: dt.date
    full_start: dt.date
    full_end: dt.date

    @property
    def clipped(self) -> bool:
        """True when the window cut part of this period off."""
        return self.start != self.full_start or self.end != self.full_end


def period_label(day: dt.date, per: Per) -> str:
    """The label of the period containing `day`: 2024-W07, 2024-03, 2024-Q1, 2024-03-05, 2024."""
    if per == "day":
        return day.isoformat()
    if per == "week":
        year, week, _ = day.isocalendar()
        return f"{year}-W{week:02d}"
    if per == "month":
        return f"{day.year}-{day.month:02d}"
    if per == "quarter":
        return f"{day.year}-Q{(day.month - 1) // 3 + 1}"
    return str(day.year)


def period_bounds(day: dt.date, per: Per) -> tuple[dt.date, dt.date]:
    """First and last day of the (unclipped) period containing `day`."""
    if per == "day":
        return day, day
    if per == "week":
        start = day - dt.timedelta(days=day.weekday())
        return start, start + dt.timedelta(days=6)
    if per == "month":
        start = day.replace(day=1)
        return start, _next_month(start) - ONE_DAY
    if per == "quarter":
        start = dt.date(day.year, 3 * ((day.month - 1) // 3) + 1, 1)
        return start, _next_month(_next_month(_next_month(start))) - ONE_DAY
    return dt.date(day.year, 1, 1), dt.date(day.year, 12, 31)


def _next_month(first: dt.date) -> dt.date:
    return dt.date(first.year + first.month // 12, first.month % 12 + 1, 1)


def iter_periods(window: Window, per: Per, partial: bool = True) -> Iterator[Period]:
    """The periods meeting `window`, clipped to it; without `partial`, only whole ones."""
    day = window.start
    while day <= window.end:
        full_start, full_end = period_bounds(day, per)
        start, end = max(full_start, window.start), min(full_end, window.end)
        if partial or (start == full_start and end == full_end):
            yield Period(period_label(day, per), start, end, full_start, full_end)
        day = full_end + ONE_DAY


_PERIOD_RE = {
    "quarter": re.compile(r"^(\d{4})-?Q([1-4])$", re.I),
    "week": re.compile(r"^(\d{4})-?W(\d{1,2})$", re.I),
    "month": re.compile(r"^(\d{4})-(\d{1,2})$"),
    "year": re.compile(r"^(\d{4})$"),
}


class PeriodError(ValueError):
    """A period that cannot be read; `message` says why (English in `str(exc)`)."""

    def __init__(self, message: Msg) -> None:
        super().__init__(str(message))
        self.message = message


def parse_period(text: str) -> Window:
    """Window of a period written as 2024-Q1, 2024-03, 2024-W10 or 2024; PeriodError otherwise."""
    value = text.strip()
    if m := _PERIOD_RE["quarter"].match(value):
        first = dt.date(int(m[1]), 3 * (int(m[2]) - 1) + 1, 1)
        return Window(*period_bounds(first, "quarter"))
    if m := _PERIOD_RE["week"].match(value):
        try:
            monday = dt.date.fromisocalendar(int(m[1]), int(m[2]), 1)
        except ValueError:
            raise PeriodError(msg("bad_period.no_week", period=repr(text), year=m[1],
                                  week=int(m[2]))) from None
        return Window(monday, monday + dt.timedelta(days=6))
    if m := _PERIOD_RE["month"].match(value):
        if not 1 <= int(m[2]) <= 12:
            raise PeriodError(msg("bad_period.no_month", period=repr(text), month=int(m[2])))
        return Window(*period_bounds(dt.date(int(m[1]), int(m[2]), 1), "month"))
    if m := _PERIOD_RE["year"].match(value):
        return Window(dt.date(int(m[1]), 1, 1), dt.date(int(m[1]), 12, 31))
    raise PeriodError(msg("bad_period.form", period=repr(text)))
