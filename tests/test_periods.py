from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dx_plan.periods import Window, iter_periods, parse_period, period_bounds, period_label

D = dt.date


def test_iso_week_labels_use_the_iso_year() -> None:
    assert period_label(D(2024, 12, 30), "week") == "2025-W01"
    assert period_label(D(2024, 12, 31), "week") == "2025-W01"
    assert period_label(D(2024, 2, 1), "week") == "2024-W05"
    assert period_label(D(2024, 3, 31), "week") == "2024-W13"


def test_labels_for_every_period() -> None:
    day = D(2024, 3, 5)
    assert period_label(day, "day") == "2024-03-05"
    assert period_label(day, "month") == "2024-03"
    assert period_label(day, "quarter") == "2024-Q1"
    assert period_label(day, "year") == "2024"


def test_q1_weeks_of_the_plan_are_clipped_at_both_edges() -> None:
    # Plan starts Thu 1 Feb 2024: W05 is Mon 29 Jan – Sun 4 Feb, clipped to 1–4 Feb.
    weeks = list(iter_periods(Window(D(2024, 2, 1), D(2024, 3, 31)), "week"))
    assert [w.label for w in weeks] == [f"2024-W{n:02d}" for n in range(5, 14)]
    assert (weeks[0].start, weeks[0].end, weeks[0].clipped) == (D(2024, 2, 1), D(2024, 2, 4), True)
    # W13 is Mon 25 – Sun 31 March: whole.
    assert (weeks[-1].start, weeks[-1].end, weeks[-1].clipped) == (
        D(2024, 3, 25), D(2024, 3, 31), False)


def test_partial_periods_can_be_excluded() -> None:
    window = Window(D(2024, 2, 1), D(2024, 3, 31))
    labels = [p.label for p in iter_periods(window, "week", partial=False)]
    assert labels == [f"2024-W{n:02d}" for n in range(6, 14)]
    assert [p.label for p in iter_periods(window, "quarter", partial=False)] == []


def test_quarter_and_month_bounds() -> None:
    assert period_bounds(D(2024, 2, 10), "quarter") == (D(2024, 1, 1), D(2024, 3, 31))
    assert period_bounds(D(2024, 12, 10), "quarter") == (D(2024, 10, 1), D(2024, 12, 31))
    assert period_bounds(D(2024, 2, 10), "month") == (D(2024, 2, 1), D(2024, 2, 29))


def test_parse_period_forms() -> None:
    assert parse_period("2024-Q1") == Window(D(2024, 1, 1), D(2024, 3, 31))
    assert parse_period("2024-03") == Window(D(2024, 3, 1), D(2024, 3, 31))
    assert parse_period("2024-W10") == Window(D(2024, 3, 4), D(2024, 3, 10))
    assert parse_period("2024") == Window(D(2024, 1, 1), D(2024, 12, 31))


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("2024-13", "'2024-13': there is no month 13"),
        ("2024-W54", "'2024-W54': 2024 has no ISO week 54"),
        ("Q1", "'Q1' is not a period; write 2024-Q1 (quarter), 2024-03 (month) or 2024-W10 "
               "(ISO week)"),
    ],
)
def test_parse_period_rejects(text: str, message: str) -> None:
    with pytest.raises(ValueError) as info:
        parse_period(text)
    assert str(info.value) == message


@given(st.dates(min_value=D(2000, 1, 1), max_value=D(2099, 12, 31)),
       st.integers(min_value=0, max_value=400),
       st.sampled_from(["day", "week", "month", "quarter", "year"]))
def test_periods_tile_the_window_exactly(start: dt.date, length: int, per: str) -> None:
    window = Window(start, start + dt.timedelta(days=length))
    periods = list(iter_periods(window, per))  # type: ignore[arg-type]
    assert periods[0].start == window.start and periods[-1].end == window.end
    for before, after in zip(periods, periods[1:], strict=False):
        assert after.start == before.end + dt.timedelta(days=1)
    for p in periods:
        assert period_label(p.start, per) == p.label == period_label(p.end, per)  # type: ignore[arg-type]
