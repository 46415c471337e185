"""The engine on hand-worked cases (expected numbers worked out in the comments)."""

from __future__ import annotations

import datetime as dt

from dx_plan.catalog import Catalog
from dx_plan.engine import Selection, check
from dx_plan.entries import Entry
from dx_plan.periods import Window

D = dt.date
Q1 = Window(D(2024, 2, 1), D(2024, 3, 31))  # the plan starts on Thursday 1 February


def e(unit: str, channel: str, day: dt.date, end: dt.date | None = None, qty: int = 1,
      kind: str | None = None, task: str | None = None) -> Entry:
    return Entry(file="log.csv", line=0, date=day, end=end or day, unit=unit, channel=channel,
                 kind=kind, task=task, quantity=qty)


ENTRIES = [
    # Báo Long An, weekly newspaper: W05 (Fri 2 Feb), W06 ×2 (one row, quantity 2), W08, W10–W13.
    e("bao-long-an", "newspaper", D(2024, 2, 2)),
    e("bao-long-an", "newspaper", D(2024, 2, 6), qty=2),
    e("bao-long-an", "newspaper", D(2024, 2, 20)),
    e("bao-long-an", "newspaper", D(2024, 3, 5)),
    e("bao-long-an", "newspaper", D(2024, 3, 12)),
    e("bao-long-an", "newspaper", D(2024, 3, 19)),
    e("bao-long-an", "newspaper", D(2024, 3, 26)),
    # Provincial portal, ≥2 a month: three in February, one in March.
    e("vp-ubnd-tinh", "provincial-portal", D(2024, 2, 5)),
    e("vp-ubnd-tinh", "provincial-portal", D(2024, 2, 15)),
    e("vp-ubnd-tinh", "provincial-portal", D(2024, 2, 25)),
    e("vp-ubnd-tinh", "provincial-portal", D(2024, 3, 8)),
    # LED boards every day: 1–9 Feb and 15 Feb–31 Mar as two ranged rows (10–14 Feb dark).
    e("so-gddt", "led-screen", D(2024, 2, 1), D(2024, 2, 9)),
    e("so-gddt", "led-screen", D(2024, 2, 15), D(2024, 3, 31)),
    # Bến Lức radio: W05 logged by one of its communes, W06–W13 by the district itself.
    e("x-thanh-loi--h-ben-luc", "grassroots-radio", D(2024, 2, 3)),
    *[e("h-ben-luc", "grassroots-radio", D(2024, 2, 6) + dt.timedelta(weeks=n)) for n in range(8)],
    # A radio row that names another task does not count for 2.5.
    e("h-duc-hoa", "grassroots-radio", D(2024, 2, 6), task="2.6"),
]


def result(report, unit: str, rule: str):  # type: ignore[no-untyped-def]
    matches = [r for r in report.results if r.unit == unit and r.rule == rule]
    assert len(matches) == 1
    return matches[0]


def test_weekly_quota_across_feb_and_march(catalog: Catalog) -> None:
    report = check(catalog, ENTRIES, Q1, D(2024, 3, 31))
    r = result(report, "bao-long-an", "2.2-newspaper-weekly")
    # The stub week W05 (1–4 Feb, cut by the plan's start) is not due, and its item on
    # Fri 2 Feb counts for nothing.  W06 … W13: 8 due; W07 and W09 empty;
    # 2+1+1+1+1+1 = 7 items; 6/8 = 0.75.
    assert r.to_dict() == {
        "unit": "bao-long-an", "unit_name": "Báo Long An", "rule": "2.2-newspaper-weekly",
        "task": "2.2", "type": "frequency", "per": "week", "min": 1, "periods_due": 8,
        "periods_met": 6, "delivered": 7, "shortfall": 2, "compliance": 0.75,
        "status": "behind", "missed": ["2024-W07", "2024-W09"], "severity": "error",
        "basis": "explicit", "group": "press",
    }
    assert (r.periods[0].label, r.periods[0].start, r.periods[0].end) == (
        "2024-W06", D(2024, 2, 5), D(2024, 2, 11))


def test_monthly_quota_of_two(catalog: Catalog) -> None:
    r = result(check(catalog, ENTRIES, Q1, D(2024, 3, 31)), "vp-ubnd-tinh",
               "3.1-provincial-portal-monthly")
    assert (r.periods_due, r.periods_met, r.delivered, r.shortfall, r.compliance, r.status,
            r.missed) == (2, 1, 4, 1, 0.5, "behind", ("2024-03",))


def test_ranged_led_entries_cover_every_day(catalog: Catalog) -> None:
    r = result(check(catalog, ENTRIES, Q1, D(2024, 3, 31)), "so-gddt",
               "3.4-led-daily-departments")
    # 29 + 31 = 60 days due; 10–14 Feb missed; 9 + 15 + 31 = 55 item-days.
    assert (r.periods_due, r.periods_met, r.delivered, r.shortfall, r.compliance) == (
        60, 55, 55, 5, 0.917)
    assert r.missed == ("2024-02-10", "2024-02-11", "2024-02-12", "2024-02-13", "2024-02-14")


def test_a_district_is_judged_with_its_communes_and_task_column_restricts(
        catalog: Catalog) -> None:
    report = check(catalog, ENTRIES, Q1, D(2024, 3, 31))
    r = result(report, "h-ben-luc", "2.5-grassroots-radio-weekly")
    # Its own system broadcast every week W06–W13; its communes did not (the one
    # commune row is in the stub week W05), so the district is not met.
    communes = len(catalog.children["h-ben-luc"])
    assert (r.periods_due, r.periods_met, r.delivered, r.status) == (8, 8, 8, "behind")
    assert (r.children, r.children_met, r.children_failing) == (communes, 0, communes)
    r = result(report, "h-duc-hoa", "2.5-grassroots-radio-weekly")
    assert (r.delivered, r.shortfall, r.status) == (0, 8, "missing")
    # 2.6 counts press and broadcast items tagged 2.6, never loudspeaker broadcasts.
    r = result(report, "h-duc-hoa", "2.6-mass-media")
    assert (r.delivered, r.status) == (0, "open")


def test_as_of_mid_week_leaves_the_week_in_progress(catalog: Catalog) -> None:
    # Wednesday 20 March: W12 (18–24 Mar) has not ended, so only W05–W11 are due.
    r = result(check(catalog, ENTRIES, Q1, D(2024, 3, 20)), "bao-long-an", "2.2-newspaper-weekly")
    # W06–W11 due (W05 is the stub week); W07 and W09 empty; 2+1+1+1 items in them and
    # 1 (19 Mar) in the week in progress.
    assert (r.periods_due, r.periods_met, r.delivered, r.shortfall, r.in_progress) == (
        6, 4, 6, 2, "2024-W12")
    assert r.missed == ("2024-W07", "2024-W09")


def test_units_without_entries_appear(catalog: Catalog) -> None:
    report = check(catalog, ENTRIES, Q1, D(2024, 3, 31))
    r = result(report, "h-tan-hung", "2.5-grassroots-radio-weekly")
    assert (r.periods_due, r.delivered, r.shortfall, r.status) == (8, 0, 8, "missing")
    units = {u.unit: u for u in report.units}
    assert units["h-tan-hung"].status == "missing"
    assert units["bao-long-an"].status == "behind"
    # Every district, department and press unit the rules name is reported; communes
    # only when asked for.
    expected = {u for rule in catalog.plan.rules for u in catalog.rule_units(rule)
                if catalog.units.by_id[u].parent is None}
    assert {u.unit for u in report.units} == expected


def test_results_are_sorted_by_group_unit_and_task(catalog: Catalog) -> None:
    report = check(catalog, ENTRIES, Q1, D(2024, 3, 31))
    groups = [r.group for r in report.results]
    assert groups == sorted(groups, key=["press", "departments", "agencies", "districts"].index)
    assert report.results[0].unit == "bao-long-an"
    assert report.results[0].rule == "2.2-newspaper-weekly"


def test_deadline_rule_met_missed_open(catalog: Catalog) -> None:
    year = Window(D(2024, 2, 1), D(2024, 12, 31))
    r = result(check(catalog, [], year, D(2024, 9, 1)), "so-tttt", "2.1-contest-award")
    assert (r.status, r.shortfall, r.missed, r.periods_due) == ("missed", 1, ("2024-08-27",), 1)
    r = result(check(catalog, [], year, D(2024, 3, 31)), "so-tttt", "2.1-contest-award")
    assert (r.status, r.shortfall, r.periods_due) == ("open", 0, 0)
    award = e("so-tttt", "contest", D(2024, 8, 20), kind="award")
    r = result(check(catalog, [award], year, D(2024, 9, 1)), "so-tttt", "2.1-contest-award")
    assert (r.status, r.delivered) == ("met", 1)
    plan_doc = e("so-tttt", "contest", D(2024, 3, 1), kind="plan")
    r = result(check(catalog, [plan_doc], year, D(2024, 9, 1)), "so-tttt", "2.1-contest-award")
    assert r.status == "missed"


def test_selection_filters_without_changing_numbers(catalog: Catalog) -> None:
    report = check(catalog, ENTRIES, Q1, D(2024, 3, 31),
                   Selection(units=frozenset({"bao-long-an"}), only_failing=True))
    assert [r.rule for r in report.results] == ["2.2-newspaper-weekly"]
    report = check(catalog, ENTRIES, Q1, D(2024, 3, 31), Selection(tasks=frozenset({"2.5"}),
                                                                  groups=frozenset({"districts"})))
    assert len(report.results) == 15 and {r.task for r in report.results} == {"2.5"}


def test_single_quarter_note(catalog: Catalog) -> None:
    year = Window(D(2024, 2, 1), D(2024, 12, 31))
    assert check(catalog, ENTRIES, year, D(2024, 12, 31)).notes == (
        {"code": "single-quarter", "period": "2024-Q1"},)
    assert check(catalog, ENTRIES, Q1, D(2024, 3, 31)).notes == ()


def test_a_deadline_met_before_the_window_stays_met(catalog: Catalog) -> None:
    award = e("so-tttt", "contest", D(2024, 5, 20), kind="award")
    q3 = Window(D(2024, 7, 1), D(2024, 9, 30))
    r = result(check(catalog, [award], q3, D(2024, 9, 30)), "so-tttt", "2.1-contest-award")
    assert (r.status, r.delivered, r.due) == ("met", 1, D(2024, 8, 27))
