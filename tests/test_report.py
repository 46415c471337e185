"""The report model and its words, on hand-worked cases.

The calendar facts used below (ISO weeks, Monday first):
  February 2024 has 29 days; 1 Feb is a Thursday.
  W05 = 29 Jan–4 Feb (cut by the plan's start: never due), W06 = 5–11, W07 = 12–18,
  W08 = 19–25, W09 = 26 Feb–3 Mar (judged in the window holding its Sunday, March).
"""

from __future__ import annotations

import datetime as dt
import json

from dx_plan.entries import Entry
from dx_plan.render.report_md import overview_markdown, unit_markdown
from dx_plan.render.report_words import (
    catch_up,
    gap_text,
    period_name,
    report_title,
    shortfall_blocks,
    verdict,
    window_name,
)
from dx_plan.report import REPORT_SCHEMA, build_report, cell_status
from dx_plan.result import PeriodResult

from .test_report_sample import (
    SAMPLE_UNITS,
    catalog,
    entry,
    run,
    sample_check,
    window,
)

D = dt.date
RADIO = "2.5-grassroots-radio-weekly"


def february_radio() -> list[Entry]:
    """Bến Lức's loudspeakers in W05 (Fri 2 Feb), W06 (Wed 7 Feb) and W08 (Tue 20 Feb) only."""
    return [entry(2, D(2024, 2, 2), "h-ben-luc", "grassroots-radio", "Bản tin 1"),
            entry(3, D(2024, 2, 7), "h-ben-luc", "grassroots-radio", "Bản tin 2"),
            entry(4, D(2024, 2, 20), "h-ben-luc", "grassroots-radio", "Bản tin 3")]


def test_missed_weeks_are_listed_with_their_dates() -> None:
    check = run(february_radio(), window("2024-02"), D(2024, 2, 29), ["h-ben-luc"])
    report = build_report(check, catalog(), ["h-ben-luc"])
    unit = report.unit("h-ben-luc")
    line = next(ln for ln in unit.rules if ln.rule == RADIO)
    # February judges the weeks that end in it: W06, W07, W08 (W05 is the stub week,
    # W09 ends on 3 March); W07 is empty.
    assert [(c.label, c.start, c.end, c.status) for c in line.cells] == [
        ("2024-W06", D(2024, 2, 5), D(2024, 2, 11), "met"),
        ("2024-W07", D(2024, 2, 12), D(2024, 2, 18), "missing"),
        ("2024-W08", D(2024, 2, 19), D(2024, 2, 25), "met"),
    ]
    assert [gap_text(line, g, "vi") for g in line.gaps] == [
        "Tuần 07 (12/02–18/02/2024): 0/1 bản tin/câu chuyện truyền thanh"]
    assert catch_up(line, "vi") == ("Còn thiếu 1 bản tin/câu chuyện truyền thanh so với chỉ "
                                    "tiêu (kênh: Hệ thống truyền thanh cơ sở).")
    assert [gap_text(line, g, "en") for g in line.gaps] == [
        "Week 07 (2024-02-12 to 2024-02-18): 0/1 bulletin"]
    assert catch_up(line, "en") == ("1 bulletin short of the quota (channel: Grassroots radio "
                                    "(district and commune loudspeaker systems)).")
    heading, lines = next(b for b in shortfall_blocks(unit, "vi") if b[0].startswith("2.5 "))
    assert heading == ("2.5 — Bản tin/câu chuyện truyền thanh về chuyển đổi số trên hệ thống "
                       "truyền thanh cấp huyện, cấp xã (≥1/tuần): thiếu 1; đạt 2/3 kỳ; 15/15 "
                       "đơn vị cấp xã chưa đạt, thiếu 45")
    # Its 15 communes logged nothing: 15 × 3 weeks, owed by the district too.
    assert lines[-3:] == [
        "15/15 đơn vị cấp xã chưa đạt: Thị trấn Bến Lức, Xã Thạnh Lợi, Xã Lương Bình, "
        "Xã Thạnh Hòa, Xã Lương Hòa và 10 đơn vị khác",  # the first five in the plan's order
        catch_up(line, "vi"),
        "Các đơn vị cấp xã chưa đạt còn thiếu 45 bản tin/câu chuyện truyền thanh."]
    assert report_title(report, "vi") == (
        "Báo cáo kết quả thực hiện Kế hoạch tuyên truyền về chuyển đổi số trên địa bàn tỉnh "
        "Long An năm 2024 — Tháng 02/2024")


def test_months_short_of_their_quota() -> None:
    report = build_report(sample_check(), catalog(), SAMPLE_UNITS)
    # Văn phòng UBND tỉnh: one portal article in February and one in March, quota two a month.
    portal = next(ln for ln in report.unit("vp-ubnd-tinh").rules
                  if ln.rule == "3.1-provincial-portal-monthly")
    assert portal.result.status == "behind"  # short, not missing: it delivered something
    assert [gap_text(portal, g, "vi") for g in portal.gaps] == [
        "Tháng 02/2024 (01/02–29/02/2024): 1/2 bài viết/bản tin",
        "Tháng 03/2024 (01/03–31/03/2024): 1/2 bài viết/bản tin",
    ]
    assert [c.status for c in portal.cells] == ["short", "short"]
    assert catch_up(portal, "vi") == ("Còn thiếu 2 bài viết/bản tin so với chỉ tiêu (kênh: "
                                      "Cổng thông tin điện tử của tỉnh).")
    # Bến Lức's own portal: February has its post, March none.
    unit_portal = next(ln for ln in report.unit("h-ben-luc").rules
                       if ln.rule == "3.3-unit-portal-monthly")
    assert [gap_text(unit_portal, g, "vi") for g in unit_portal.gaps] == [
        "Tháng 03/2024 (01/03–31/03/2024): 0/1 bài viết/bản tin"]
    assert [gap_text(unit_portal, g, "en") for g in unit_portal.gaps] == [
        "March 2024 (2024-03-01 to 2024-03-31): 0/1 article"]


def test_a_missed_deadline() -> None:
    # Sở TT&TT logs the contest's plan (kind 'plan') but never the award (kind 'award'),
    # so by 1 September the deadline of task 2.1 ("trước ngày 28/8/2024": 27 August is the
    # last day) has passed unmet.
    rows = [entry(2, D(2024, 3, 1), "so-tttt", "contest", "Kế hoạch cuộc thi", kind="plan")]
    check = run(rows, window("2024"), D(2024, 9, 1), ["so-tttt"])
    report = build_report(check, catalog(), ["so-tttt"])
    line = next(ln for ln in report.unit("so-tttt").rules if ln.rule == "2.1-contest-award")
    assert line.result.status == "missed"
    assert [gap_text(line, g, "vi") for g in line.gaps] == [
        "Hạn 27/08/2024: 0/1 tổng kết, trao giải — quá hạn"]
    assert [gap_text(line, g, "en") for g in line.gaps] == [
        "Deadline 2024-08-27: 0/1 award ceremony — missed"]
    assert catch_up(line, "vi") == ("Còn thiếu 1 tổng kết, trao giải so với chỉ tiêu (kênh: "
                                    "Cuộc thi sản xuất chương trình phát thanh, truyền hình).")
    assert [(c.start, c.end, c.status) for c in line.cells] == [
        (D(2024, 2, 1), D(2024, 8, 27), "missing")]
    # Before the deadline the same log is simply open.
    early = build_report(run(rows, window("2024"), D(2024, 8, 26), ["so-tttt"]), catalog(),
                         ["so-tttt"])
    line = next(ln for ln in early.unit("so-tttt").rules if ln.rule == "2.1-contest-award")
    assert (line.result.status, line.gaps, line.cells[0].status) == ("open", (), "open")


def test_missed_days_are_listed_as_runs() -> None:
    # Sở GD&ĐT's LED boards: 1–9 Feb, 15 Feb–19 Mar and 21–31 Mar (ranged rows), so
    # 10–14 Feb (five days) and 20 Mar (one day) are dark.
    rows = [entry(2, D(2024, 2, 1), "so-gddt", "led-screen", end=D(2024, 2, 9)),
            entry(3, D(2024, 2, 15), "so-gddt", "led-screen", end=D(2024, 3, 19)),
            entry(4, D(2024, 3, 21), "so-gddt", "led-screen", end=D(2024, 3, 31))]
    report = build_report(run(rows, window("2024-Q1"), D(2024, 3, 31), ["so-gddt"]), catalog(),
                          ["so-gddt"])
    line = next(ln for ln in report.unit("so-gddt").rules
                if ln.rule == "3.4-led-daily-departments")
    assert line.result.shortfall == 6
    assert [gap_text(line, g, "vi") for g in line.gaps] == [
        "Các ngày 10/02–14/02/2024 (5 ngày): 0/1 nội dung trình chiếu mỗi ngày",
        "Ngày 20/03/2024: 0/1 nội dung trình chiếu",
    ]
    assert len(line.cells) == 60  # every day of the quarter keeps its own heatmap cell


def test_a_unit_with_no_entries_lists_every_missed_period() -> None:
    report = build_report(sample_check(), catalog(), SAMPLE_UNITS)
    unit = report.unit("h-duc-hoa")
    assert (unit.status, unit.entries, unit.evidence) == ("missing", 0, ())
    assert verdict(unit, report.as_of, "vi") == [
        "Chưa thực hiện: nhật ký không có hoạt động nào của đơn vị; 4 chỉ tiêu chưa đạt, tổng số "
        "còn thiếu 231.",  # 8 weeks + 2 months + 60 days + 1 quarter, and 20 communes × 8
        "Trong đó, 160 là phần còn thiếu của các đơn vị cấp xã trực thuộc (đơn vị chịu trách "
        "nhiệm chung về phần này)."]
    # Every explicit rule is failing, every period listed; the 8 interpreted (presence)
    # rules are due only on 31/12/2024, so still open.
    assert (len(unit.failing), len(unit.rules)) == (4, 12)
    radio = next(ln for ln in unit.rules if ln.rule == RADIO)
    assert [gap_text(radio, g, "vi") for g in radio.gaps] == [
        "Tuần 06 (05/02–11/02/2024): 0/1 bản tin/câu chuyện truyền thanh",
        "Tuần 07 (12/02–18/02/2024): 0/1 bản tin/câu chuyện truyền thanh",
        "Tuần 08 (19/02–25/02/2024): 0/1 bản tin/câu chuyện truyền thanh",
        "Tuần 09 (26/02–03/03/2024): 0/1 bản tin/câu chuyện truyền thanh",
        "Tuần 10 (04/03–10/03/2024): 0/1 bản tin/câu chuyện truyền thanh",
        "Tuần 11 (11/03–17/03/2024): 0/1 bản tin/câu chuyện truyền thanh",
        "Tuần 12 (18/03–24/03/2024): 0/1 bản tin/câu chuyện truyền thanh",
        "Tuần 13 (25/03–31/03/2024): 0/1 bản tin/câu chuyện truyền thanh",
    ]
    for line in unit.rules:
        due = [p for p in line.result.periods if p.status != "open"]
        listed = sum(g.days for g in line.gaps)
        assert listed == len(due) == line.result.periods_due, line.rule
    text = unit_markdown(report, unit, "vi")
    assert "- Tuần 13 (25/03–31/03/2024): 0/1 bản tin/câu chuyện truyền thanh\n" in text
    assert "- Các ngày 01/02–31/03/2024 (60 ngày): 0/1 nội dung trình chiếu mỗi ngày\n" in text
    assert "- **Còn thiếu 1 báo cáo so với chỉ tiêu (kênh: Báo cáo kết quả thực hiện định kỳ " \
           "hàng quý).**\n" in text
    assert "Không có tin, bài, hoạt động nào trong nhật ký." in text


def test_a_compliant_unit_is_told_so() -> None:
    report = build_report(sample_check(), catalog(), SAMPLE_UNITS)
    unit = report.unit("bao-long-an")
    assert (unit.status, unit.shortfall, unit.failing) == ("met", 0, ())
    assert verdict(unit, report.as_of, "vi") == [
        "Đạt: đơn vị đã thực hiện đủ mọi chỉ tiêu đến hạn tính đến ngày 31/03/2024."]
    assert verdict(unit, report.as_of, "en") == [
        "Met: the unit has met every quota due by 2024-03-31."]
    text = unit_markdown(report, unit, "vi")
    assert "**Kết quả chung: ✔ đạt.** Đạt: đơn vị đã thực hiện đủ mọi chỉ tiêu đến hạn" in text
    assert "\nĐơn vị đã đạt mọi chỉ tiêu đến hạn.\n" in text
    assert len(unit.evidence) == 9  # 1 Feb and every Wednesday 7 Feb … 27 Mar


def test_evidence_documents_and_problems_belong_to_their_unit() -> None:
    report = build_report(sample_check(), catalog(), SAMPLE_UNITS)
    unit = report.unit("h-ben-luc")
    # The commune's row counts toward the district and is part of its evidence, by date.
    assert [(e.line, e.date, e.unit) for e in unit.evidence] == [
        (11, D(2024, 2, 2), "h-ben-luc"), (12, D(2024, 2, 7), "x-thanh-loi--h-ben-luc"),
        (15, D(2024, 2, 15), "h-ben-luc"), (13, D(2024, 2, 20), "h-ben-luc"),
        (14, D(2024, 3, 6), "h-ben-luc")]
    assert unit.docs_covered == ("QD-749-TTg-2020", "NQ-21-TU-2021")  # plan order
    assert len(unit.docs_uncovered) == len(catalog().plan.documents) - 2
    assert "QD-830-TTg-2021" in unit.docs_uncovered
    # The warning on line 12 is the commune's row, so Bến Lức's; line 99 made no entry.
    assert [(p.line, p.code) for p in unit.problems] == [(12, "missing-url")]
    assert [(p.line, p.code) for p in report.other_problems] == [(99, "unknown-unit")]
    assert report.unit("bao-long-an").problems == ()


def test_overview_orders_units_by_shortfall_and_totals_groups() -> None:
    report = build_report(sample_check(), catalog(), SAMPLE_UNITS)
    # Đức Hòa: 8 weeks + 2 months + 60 days + 1 report = 71, and its 20 communes' loud-
    # speakers 8 weeks each: 160.  Bến Lức's own system met W08 and W10 only (its
    # commune's W06 row is the commune's): 6 + 1 + 60 + 1 = 68, and 15 communes: 14 × 8
    # + 7 (Thạnh Lợi met W06) = 119.
    # VP UBND tỉnh: 1 + 1 portal items and 1 report = 3.  Sở TT&TT: 2 months of its
    # portal = 2 (it no longer reports to itself).  Neither logs a screen, so the daily
    # LED quota does not apply to them.  The interpreted rules are presence rules, open
    # until 31/12: nothing added.
    assert [(u.unit, u.shortfall, u.shortfall_all) for u in report.by_shortfall()] == [
        ("h-duc-hoa", 231, 231), ("h-ben-luc", 187, 187), ("vp-ubnd-tinh", 3, 3),
        ("so-tttt", 2, 2), ("bao-long-an", 0, 0)]
    assert [g.to_dict() for g in report.groups] == [
        {"group": "press", "units": 1, "met": 1, "behind": 0, "missing": 0, "open": 0,
         "failing_rules": 0, "shortfall": 0},
        {"group": "departments", "units": 2, "met": 0, "behind": 2, "missing": 0, "open": 0,
         "failing_rules": 3, "shortfall": 5},
        {"group": "districts", "units": 2, "met": 0, "behind": 1, "missing": 1, "open": 0,
         "failing_rules": 8, "shortfall": 418},
    ]
    assert [r.task for r in report.weekly_rules()] == ["2.2", "2.5"]
    text = overview_markdown(report, "vi")
    assert "| Huyện Đức Hòa | UBND cấp huyện | ✘ chưa thực hiện | 4 | 231 | 231 |" in text
    assert "| Báo Long An | Báo chí, phát thanh - truyền hình | ✔ đạt | 0 | 0 | 0 |" in text
    assert "unknown-unit" in text


def test_json_document() -> None:
    report = build_report(sample_check(), catalog(), SAMPLE_UNITS)
    doc = json.loads(json.dumps(report.to_dict()))
    assert list(doc) == ["schema", "plan", "window", "summary", "groups", "units", "problems",
                         "notes"]
    assert doc["schema"] == REPORT_SCHEMA == "dxplan.report/1"
    assert doc["window"] == {"start": "2024-02-01", "end": "2024-03-31", "as_of": "2024-03-31"}
    assert [u["unit"] for u in doc["units"]] == list(SAMPLE_UNITS)
    ben_luc = doc["units"][1]
    radio = next(r for r in ben_luc["results"] if r["rule"] == RADIO)
    assert radio["missed"] == ["2024-W06", "2024-W07", "2024-W09", "2024-W11", "2024-W12",
                               "2024-W13"]
    assert radio["periods"][1] == {"label": "2024-W07", "start": "2024-02-12",
                                   "end": "2024-02-18", "delivered": 0, "min": 1,
                                   "status": "short"}
    assert ben_luc["evidence"][1] == {
        "file": "logs/q1.csv", "line": 12, "date": "2024-02-07", "end": "2024-02-07",
        "unit": "x-thanh-loi--h-ben-luc", "channel": "grassroots-radio", "kind": None,
        "title": "Loa xã Thạnh Lợi", "url": "", "docs": [], "task": None, "quantity": 1}
    assert ben_luc["docs_covered"] == ["QD-749-TTg-2020", "NQ-21-TU-2021"]
    assert ben_luc["problems"][0]["line"] == 12
    assert [p["line"] for p in doc["problems"]] == [99]
    one = report.unit_dict("bao-long-an")
    assert list(one) == ["schema", "plan", "window", "unit"]
    assert one["unit"]["status"] == "met"  # type: ignore[index]


def test_period_and_window_names() -> None:
    start, end = D(2024, 2, 1), D(2024, 12, 31)
    assert window_name(D(2024, 2, 1), D(2024, 3, 31), start, end, "vi") == "Quý I"
    assert window_name(D(2024, 4, 1), D(2024, 6, 30), start, end, "en") == "Quarter 2"
    assert window_name(D(2024, 2, 1), D(2024, 2, 29), start, end, "vi") == "Tháng 02/2024"
    assert window_name(D(2024, 2, 1), D(2024, 2, 29), start, end, "en") == "February 2024"
    assert window_name(start, end, start, end, "vi") == "Năm 2024"
    assert window_name(D(2024, 2, 5), D(2024, 3, 15), start, end, "vi") == \
        "Từ 05/02/2024 đến 15/03/2024"
    # 30–31 December 2024 are ISO week 1 of 2025.
    assert period_name("2025-W01", D(2024, 12, 30), D(2024, 12, 31), "week", "vi") == \
        "Tuần 01/2025 (30/12–31/12/2024)"
    assert period_name("2024-Q2", D(2024, 4, 1), D(2024, 6, 30), "quarter", "vi") == \
        "Quý II/2024 (01/04–30/06/2024)"
    assert period_name("2024-03-05", D(2024, 3, 5), D(2024, 3, 5), "day", "en") == "2024-03-05"


def test_cell_status_tells_missing_from_short() -> None:
    def period(delivered: int, status: str) -> PeriodResult:
        return PeriodResult("2024-W07", D(2024, 2, 12), D(2024, 2, 18), delivered, 2,
                            status)  # type: ignore[arg-type]

    assert [cell_status(period(0, "short")), cell_status(period(1, "short")),
            cell_status(period(2, "met")), cell_status(period(0, "open"))] == [
        "missing", "short", "met", "open"]


def test_evidence_is_capped_and_the_rest_counted() -> None:
    from dx_plan.engine import Accumulator, Selection

    weeks = [D(2024, 2, 7) + dt.timedelta(weeks=n) for n in range(8)]
    acc = Accumulator(catalog(), window("2024-Q1"), D(2024, 3, 31), keep_evidence=["h-ben-luc"],
                      evidence_limit=3)
    for n, day in enumerate(weeks):
        acc.add(entry(n + 2, day, "h-ben-luc", "grassroots-radio", title=f"Bản tin {n}"))
    check = acc.finish(Selection(units=frozenset({"h-ben-luc"})))
    assert (len(check.evidence["h-ben-luc"]), check.evidence_more) == (3, {"h-ben-luc": 5})
    report = build_report(check, catalog(), ["h-ben-luc"])
    unit = report.units[0]
    assert (len(unit.evidence), unit.evidence_more) == (3, 5)
    assert unit.to_dict()["evidence_more"] == 5
    assert "… và 5 mục khác (không liệt kê để báo cáo gọn)." in unit_markdown(report, unit, "vi")
    # The radio rule still counts all eight weeks: the cap is on the listing only.
    radio = next(r for r in check.results if r.rule == RADIO)
    assert radio.delivered == 8


def test_a_report_on_the_whole_plan_is_titled_by_its_as_of_date() -> None:
    from .test_report_sample import sample_entries

    check = run(sample_entries(), window("2024"), D(2024, 3, 31), ["bao-long-an"])
    report = build_report(check, catalog(), ["bao-long-an"])
    assert report_title(report, "vi") == (
        "Báo cáo kết quả thực hiện Kế hoạch tuyên truyền về chuyển đổi số trên địa bàn tỉnh "
        "Long An năm 2024 — tính đến ngày 31/03/2024")  # not "… năm 2024 — Năm 2024"
