"""Verdicts an official would sign (issue 12): each reading of the plan pinned on a
small hand-made log, with the expected numbers worked out in the comments.

Calendar: 1 Feb 2024 is a Thursday; ISO week W05 is 29 Jan–4 Feb (cut by the plan's
start), W06 = 5–11 Feb, …, W13 = 25–31 Mar, W14 = 1–7 Apr, W26 ends Sun 30 Jun,
W39 ends Sun 29 Sep, W40 = 30 Sep–6 Oct, W52 = 23–29 Dec, and 30–31 Dec are W01 of 2025.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from typer.testing import CliRunner

from dx_plan.catalog import Catalog
from dx_plan.cli import app
from dx_plan.engine import Selection, check
from dx_plan.entries import Entry
from dx_plan.periods import Window, parse_period
from dx_plan.result import CheckReport, RuleResult

D = dt.date
YEAR = Window(D(2024, 2, 1), D(2024, 12, 31))
Q1 = Window(D(2024, 2, 1), D(2024, 3, 31))


def e(unit: str, channel: str, day: dt.date, kind: str | None = None,
      task: str | None = None) -> Entry:
    return Entry(file="log.csv", line=0, date=day, end=day, unit=unit, channel=channel,
                 kind=kind, task=task)


def mondays(first: dt.date, last: dt.date) -> list[dt.date]:
    day = first + dt.timedelta(days=-first.weekday() % 7)
    out = []
    while day <= last:
        out.append(day)
        day += dt.timedelta(weeks=1)
    return out


def one(report: CheckReport, unit: str, rule: str) -> RuleResult:
    found = [r for r in report.results if r.unit == unit and r.rule == rule]
    assert len(found) == 1, (unit, rule, len(found))
    return found[0]


RADIO = "2.5-grassroots-radio-weekly"


def test_a_newspaper_publishing_every_monday_from_5_february_meets_q1(catalog: Catalog) -> None:
    rows = [e("bao-long-an", "newspaper", day, "article") for day in
            mondays(D(2024, 2, 5), D(2024, 3, 31))]
    r = one(check(catalog, rows, Q1, D(2024, 3, 31)), "bao-long-an", "2.2-newspaper-weekly")
    # Eight Mondays, 5 Feb … 25 Mar: weeks W06–W13 all met; the stub week W05 is not due.
    assert (r.status, r.periods_due, r.periods_met, r.missed) == ("met", 8, 8, ())


def test_only_one_commune_broadcasting_does_not_make_the_district_met(
        catalog: Catalog) -> None:
    commune = "x-thanh-loi--h-ben-luc"
    rows = [e(commune, "grassroots-radio", day, "bulletin")
            for day in mondays(D(2024, 2, 5), D(2024, 3, 31))]
    report = check(catalog, rows, Q1, D(2024, 3, 31))
    district = one(report, "h-ben-luc", RADIO)
    communes = len(catalog.children["h-ben-luc"])  # 15
    # Its own system broadcast nothing; one commune every week; the other 14 nothing.
    assert (district.status, district.delivered, district.shortfall) == ("missing", 0, 8)
    assert (district.children, district.children_met, district.children_failing,
            district.children_shortfall) == (communes, 1, communes - 1, (communes - 1) * 8)
    # Communes are shown when asked for, each judged on its own broadcasts.
    shown = check(catalog, rows, Q1, D(2024, 3, 31),
                  Selection(groups=frozenset({"communes"}), tasks=frozenset({"2.5"})))
    assert len(shown.results) == 188
    mine = one(shown, commune, RADIO)
    assert (mine.status, mine.periods_met, mine.parent, mine.group) == (
        "met", 8, "h-ben-luc", "communes")


def test_a_district_is_met_when_its_system_and_every_commune_are(catalog: Catalog) -> None:
    units = ["h-ben-luc", *catalog.children["h-ben-luc"]]
    rows = [e(u, "grassroots-radio", day, "news") for u in units
            for day in mondays(D(2024, 2, 5), D(2024, 3, 31))]
    r = one(check(catalog, rows, Q1, D(2024, 3, 31)), "h-ben-luc", RADIO)
    assert (r.status, r.children, r.children_met, r.children_shortfall) == ("met", 15, 15, 0)


def test_the_timeframe_is_not_a_frequency(catalog: Catalog) -> None:
    # One leaflet in February: task 4 ("Quý I đến Quý IV") is met for the year, with no
    # quarterly quota; before 31/12 a unit with nothing yet is open, not failing.
    rows = [e("so-tu-phap", "print", D(2024, 2, 20), "leaflet")]
    report = check(catalog, rows, YEAR, D(2024, 12, 31))
    r = one(report, "so-tu-phap", "4-print")
    assert (r.type, r.status, r.periods_due, r.due) == ("presence", "met", 1, D(2024, 12, 31))
    assert (r.basis, r.severity) == ("interpreted", "warning")
    r = one(check(catalog, [], YEAR, D(2024, 9, 30)), "so-tu-phap", "4-print")
    assert (r.status, r.failing) == ("open", False)
    r = one(check(catalog, [], YEAR, D(2024, 12, 31)), "so-tu-phap", "4-print")
    assert (r.status, r.shortfall) == ("missed", 1)
    every = {rule.id: rule for rule in catalog.plan.rules}
    assert "IV.4-postal" in every and every["IV.4-postal"].type == "presence"
    for rule in catalog.plan.rules:
        if rule.basis == "interpreted":
            assert rule.note and rule.severity == "warning", rule.id
        if rule.per in ("quarter", "month") and rule.type == "frequency":
            assert rule.basis == "explicit", rule.id  # only the plan's own numbers recur


def test_the_obligations_the_plan_states(catalog: Catalog) -> None:
    own_plan = {r.unit for r in check(catalog, [], YEAR, D(2024, 12, 31)).results
                if r.rule == "IV.1-own-plan"}
    assert own_plan == set(catalog.members["departments"]) | set(catalog.members["districts"])
    plan_doc = e("so-tttt", "contest", D(2024, 3, 12), "plan")
    report = check(catalog, [plan_doc], YEAR, D(2024, 9, 1))
    assert one(report, "so-tttt", "2.1-contest-plan").status == "met"
    assert one(report, "so-tttt", "2.1-contest-award").status == "missed"


def test_an_award_on_28_august_is_too_late(catalog: Catalog) -> None:
    for day, status in ((D(2024, 8, 27), "met"), (D(2024, 8, 28), "missed")):
        award = e("so-tttt", "contest", day, "award")
        r = one(check(catalog, [award], YEAR, D(2024, 9, 1)), "so-tttt", "2.1-contest-award")
        assert r.status == status, day


def test_grassroots_radio_never_meets_2_6_and_only_tagged_items_do(catalog: Catalog) -> None:
    rows = [e("h-duc-hoa", "grassroots-radio", D(2024, 2, 6), "bulletin", task="2.6"),
            e("h-duc-hoa", "tv", D(2024, 2, 7), "story"),  # untagged: no sign of its funding
            e("h-duc-hue", "tv", D(2024, 2, 8), "story", task="2.6")]
    report = check(catalog, rows, YEAR, D(2024, 12, 31))
    assert one(report, "h-duc-hoa", "2.6-mass-media").status == "missed"
    assert one(report, "h-duc-hue", "2.6-mass-media").status == "met"


def test_the_note_of_1_2_is_true(catalog: Catalog) -> None:
    untagged = [e("so-tu-phap", "meeting", D(2024, 2, 19), "meeting")]
    report = check(catalog, untagged, YEAR, D(2024, 12, 31))
    assert one(report, "so-tu-phap", "1.1-internal").status == "met"
    assert one(report, "so-tu-phap", "1.2-long-an-so").status == "missed"
    tagged = [e("so-tu-phap", "meeting", D(2024, 2, 19), "meeting", task="1.2")]
    report = check(catalog, tagged, YEAR, D(2024, 12, 31))
    assert one(report, "so-tu-phap", "1.1-internal").status == "missed"
    assert one(report, "so-tu-phap", "1.2-long-an-so").status == "met"


def test_fm_is_weekly_and_explicit_quotas_count_the_kinds_the_plan_names(
        catalog: Catalog) -> None:
    rows = [e("dai-ptth-long-an", "fm-radio", day, "bulletin")
            for day in mondays(D(2024, 2, 5), D(2024, 3, 31))]
    rows += [e("bao-long-an", "newspaper", D(2024, 2, 6), "news"),  # "tin", not the quota's
             e("bao-long-an", "newspaper", D(2024, 2, 13))]  # no kind written: counted
    report = check(catalog, rows, Q1, D(2024, 3, 31))
    fm = one(report, "dai-ptth-long-an", "2.4-fm-weekly")
    assert (fm.per, fm.status, fm.periods_met, fm.severity) == ("week", "met", 8, "warning")
    paper = one(report, "bao-long-an", "2.2-newspaper-weekly")
    assert (paper.delivered, paper.missed[:2]) == (1, ("2024-W06", "2024-W08"))


def test_commune_screens_count_for_their_district(catalog: Catalog) -> None:
    rows = [Entry(file="log.csv", line=0, date=D(2024, 2, 1), end=D(2024, 3, 31),
                  unit="tt-ben-luc--h-ben-luc", channel="led-screen")]
    r = one(check(catalog, rows, Q1, D(2024, 3, 31)), "h-ben-luc", "3.4-led-daily")
    assert (r.status, r.periods_met) == ("met", 60)


def test_who_is_judged_for_what(catalog: Catalog) -> None:
    report = check(catalog, [], YEAR, D(2024, 12, 31))
    units = {r.unit for r in report.results}
    assert "ban-ql-kkt" not in units  # not named by the plan
    reporters = {r.unit for r in report.results if r.rule == "IV.1-quarterly-report"}
    assert "so-tttt" not in reporters and "so-tu-phap" in reporters
    assert one(report, "so-tttt", "IV.2-synthesis").type == "presence"
    assert catalog.plan.plan.signer == ("TM. ỦY BAN NHÂN DÂN, KT. CHỦ TỊCH, PHÓ CHỦ TỊCH "
                                        "Phạm Tấn Hòa")


def test_corrected_document_numbers_are_understood(catalog: Catalog) -> None:
    assert catalog.documents.lookup("2568/QĐ-BTTTT").item.id == "QD-2568-TTg-2023"
    assert catalog.documents.lookup("Công văn 11898/UBND-VHXH").item.id == "CV-11898-UBND-2023"
    assert catalog.documents.lookup("2568/QĐ-TTg").item.id == "QD-2568-TTg-2023"  # as printed


def test_adjacent_windows_judge_every_period_once(catalog: Catalog) -> None:
    rows = [e("bao-long-an", "newspaper", day, "article")
            for day in mondays(D(2024, 2, 5), D(2024, 12, 31))]
    quarters = [check(catalog, rows, parse_period(f"2024-Q{q}").intersect(YEAR) or YEAR,
                      D(2024, 12, 31)) for q in (1, 2, 3, 4)]
    year = check(catalog, rows, YEAR, D(2024, 12, 31))
    units = {"2.2-newspaper-weekly": "bao-long-an", "3.3-unit-portal-monthly": "so-tu-phap",
             "3.4-led-daily": "h-ben-luc"}
    for rule, unit in units.items():
        labels = [p.label for q in quarters for p in one(q, unit, rule).periods]
        assert len(labels) == len(set(labels)) == one(year, unit, rule).periods_due, rule
    # Weeks W06 … W52: 47.  W14 (1–7 Apr) is Q2's, W40 (30 Sep–6 Oct) Q4's; the stub
    # weeks at either end (W05, and 2025-W01 = 30–31 Dec) are not due.
    assert [one(q, "bao-long-an", "2.2-newspaper-weekly").periods_due for q in quarters] == [
        8, 13, 13, 13]
    weeks = [p.label for p in one(quarters[1], "bao-long-an", "2.2-newspaper-weekly").periods]
    assert (weeks[0], weeks[-1]) == ("2024-W14", "2024-W26")


def test_march_alone_judges_the_week_that_ends_in_it(tmp_path: Path) -> None:
    log = tmp_path / "log.csv"
    log.write_text("date,unit,channel,kind\n28/02/2024,bao-long-an,newspaper,article\n",
                   encoding="utf-8")
    result = CliRunner().invoke(app, ["check", str(log), "--period", "2024-03", "--unit",
                                      "bao-long-an", "--format", "json"])
    doc = json.loads(result.stdout)
    paper = next(r for r in doc["results"] if r["task"] == "2.2")
    # W09 (26 Feb–3 Mar) ends in March: judged there, over all its days, so the item
    # of 28 February counts; W10–W13 are empty.
    assert (paper["periods_due"], paper["periods_met"], paper["missed"]) == (
        5, 1, ["2024-W10", "2024-W11", "2024-W12", "2024-W13"])


def test_a_department_without_a_screen_is_not_held_to_the_daily_quota(
        catalog: Catalog) -> None:
    rule = "3.4-led-daily-departments"
    r = one(check(catalog, [], Q1, D(2024, 3, 31)), "so-tu-phap", rule)
    assert (r.status, r.periods_due, r.failing) == ("not-applicable", 0, False)
    # One screen item on 1 March shows it has a screen: from then on every day counts
    # (31 March days, 30 of them dark).
    shown = [e("so-tu-phap", "led-screen", D(2024, 3, 1), "slide")]
    r = one(check(catalog, shown, Q1, D(2024, 3, 31)), "so-tu-phap", rule)
    assert (r.status, r.periods_due, r.periods_met, r.shortfall) == ("behind", 31, 1, 30)


def test_a_row_that_does_not_say_what_it_is_is_no_award(catalog: Catalog) -> None:
    launch = [e("so-tttt", "contest", D(2024, 3, 10))]  # no kind: "Phát động cuộc thi"
    report = check(catalog, launch, YEAR, D(2024, 9, 1))
    assert one(report, "so-tttt", "2.1-contest-award").status == "missed"
    assert one(report, "so-tttt", "2.1-contest-plan").status == "missed"


def test_a_screen_first_shown_in_june_is_owed_from_june(catalog: Catalog) -> None:
    rule = "3.4-led-daily-departments"
    rows = [Entry(file="log.csv", line=0, date=D(2024, 6, 1), end=D(2024, 12, 31),
                  unit="so-tu-phap", channel="led-screen")]
    q1 = one(check(catalog, rows, Q1, D(2024, 12, 31)), "so-tu-phap", rule)
    assert q1.status == "not-applicable"
    year = one(check(catalog, rows, YEAR, D(2024, 12, 31)), "so-tu-phap", rule)
    # 1 June … 31 December: 30 + 31 + 31 + 30 + 31 + 30 + 31 = 214 days, all met.
    assert (year.status, year.periods_due, year.periods_met) == ("met", 214, 214)


def test_a_commune_shown_beside_its_district_is_counted_once(catalog: Catalog) -> None:
    units = ["h-can-duoc", *catalog.children["h-can-duoc"]]
    late = "x-long-trach--h-can-duoc"  # misses W09 only
    rows = [e(u, "grassroots-radio", day, "bulletin") for u in units
            for day in mondays(D(2024, 2, 5), D(2024, 3, 31))
            if not (u == late and day == D(2024, 2, 26))]
    alone = check(catalog, rows, Q1, D(2024, 3, 31),
                  Selection(units=frozenset({"h-can-duoc"}), tasks=frozenset({"2.5"})))
    both = check(catalog, rows, Q1, D(2024, 3, 31),
                 Selection(units=frozenset({"h-can-duoc", late}), tasks=frozenset({"2.5"})))
    assert alone.summary()["shortfall"] == both.summary()["shortfall"] == 1


def test_the_names_people_give_channels_are_understood(catalog: Catalog) -> None:
    for written, channel in (("Đài truyền thanh huyện", "grassroots-radio"),
                             ("loa", "grassroots-radio"),
                             ("Trang thông tin điện tử huyện", "unit-portal")):
        found = catalog.channels.lookup(written).item
        assert found is not None and found.id == channel, written
