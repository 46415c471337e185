"""The report's renderers: HTML escaping and self-containment, XLSX content, the terminal."""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import io
import re
from typing import Any

import openpyxl  # type: ignore[import-untyped]
import pytest

from dx_plan.render.heatmap import heatmap_renderables, unit_renderables
from dx_plan.render.html import CSS, SCRIPT, index_html, report_html, unit_html
from dx_plan.render.report_md import unit_markdown
from dx_plan.render.table import render_to_text
from dx_plan.render.xlsx import STATUS_FILL, report_xlsx, sheet_name
from dx_plan.report import Report, build_report

from .test_report_sample import (
    FORMULA,
    SAMPLE_UNITS,
    catalog,
    entry,
    run,
    sample_check,
    window,
)


@pytest.fixture(scope="module")
def report() -> Report:
    return build_report(sample_check(), catalog(), SAMPLE_UNITS)


# --------------------------------------------------------------------------- HTML


def test_html_escapes_text_from_logs(report: Report) -> None:
    page = unit_html(report, report.unit("h-ben-luc"), "vi")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "<script>alert" not in page
    # The only script is the page's own (the sort helper), pinned by its hash.
    assert page.count("<script") == 1
    # A javascript: link is shown as text, never made a link; https links are.
    assert "javascript:alert(1)" in page
    assert 'href="javascript' not in page.lower()
    assert '<a href="https://benluc.longan.gov.vn/cds" rel="noopener noreferrer nofollow">' in page
    # The formula is plain text in HTML (quotes escaped in attributes and text alike).
    assert "=HYPERLINK(&quot;http://evil.example&quot;,&quot;click&quot;)" in page


def test_html_is_self_contained(report: Report) -> None:
    for page in (unit_html(report, report.unit("h-ben-luc"), "vi"), index_html(report, "en"),
                 report_html(report, "vi")):
        assert " src=" not in page
        assert "<link rel=\"stylesheet\"" not in page and "@import" not in page
        assert not re.search(r"url\((?!#)", page)  # only in-page SVG patterns
        assert '<link rel="icon" href="data:,">' in page  # no favicon request
        csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', page)
        assert csp is not None
        for text in (CSS, SCRIPT):
            digest = base64.b64encode(hashlib.sha256(text.encode()).digest()).decode()
            assert f"sha256-{digest}" in csp[1]
        assert "default-src &#x27;none&#x27;" in csp[1]
        assert "@page{size:A4" in page and "@media print" in page


def test_html_unit_page_says_what_is_short(report: Report) -> None:
    page = unit_html(report, report.unit("h-ben-luc"), "vi")
    assert "<h1>Báo cáo kết quả thực hiện Kế hoạch tuyên truyền về chuyển đổi số trên địa bàn " \
           "tỉnh Long An năm 2024 — Quý I</h1>" in page
    # Made by Sở TT&TT about the district's People's Committee, not by the district.
    assert ('<div class="up">UBND tỉnh Long An</div><div class="up">Sở Thông tin và Truyền '
            "thông</div>") in page
    assert '<p class="sub unit-name">UBND huyện Bến Lức</p>' in page
    assert "<li>Tuần 07 (12/02–18/02/2024): 0/1 bản tin/câu chuyện truyền thanh</li>" in page
    assert ("<li>Còn thiếu 6 bản tin/câu chuyện truyền thanh so với chỉ tiêu (kênh: Hệ "
            "thống truyền thanh cơ sở).</li>") in page
    assert ('<p class="catch">Các đơn vị cấp xã chưa đạt còn thiếu 119 bản tin/câu chuyện '
            "truyền thanh.</p>") in page
    # Its communes, one row each: Thạnh Lợi met W06 of W06–W13.
    assert ("<tr><td>Xã Thạnh Lợi</td><td>2.5</td><td class=\"num\">1/8</td><td>▲ chưa đạt</td>"
            "<td>Tuần 07, Tuần 08, Tuần 09, Tuần 10, Tuần 11, Tuần 12, Tuần 13</td></tr>") in page
    # The calendar: a cell per period, with status, rule, period and tooltip.
    cell = re.search(r'<rect class="c c-missing"[^>]*data-rule="2.5-grassroots-radio-weekly" '
                     r'data-period="2024-W07"[^>]*><title>([^<]+)</title>', page)
    assert cell is not None and cell[1] == "2.5 · Tuần 07 (12/02–18/02/2024): 0/1 — chưa thực hiện"
    assert page.count('data-rule="3.4-led-daily" data-period=') == 60  # a cell a day
    assert "THỦ TRƯỞNG ĐƠN VỊ" in page  # signature block for the printed copy
    ok = unit_html(report, report.unit("bao-long-an"), "en")
    assert "Every quota due is met." in ok
    assert 'class="verdict met" data-status="met"' in ok


def test_html_overview_links_every_unit(report: Report) -> None:
    page = index_html(report, "vi")
    for unit in SAMPLE_UNITS:
        assert f'<a href="{unit}.html">' in page
    combined = report_html(report, "vi")
    assert '<a href="#u-h-ben-luc">' in combined and 'id="u-h-ben-luc"' in combined
    assert combined.count('<section class="unit"') == len(SAMPLE_UNITS)


def test_markdown_escapes_text_from_logs(report: Report) -> None:
    text = unit_markdown(report, report.unit("h-ben-luc"), "vi")
    assert "\\<script\\>alert(1)\\</script\\>" in text
    assert "<script>" not in text


# --------------------------------------------------------------------------- XLSX


def _book(report: Report) -> Any:
    return openpyxl.load_workbook(io.BytesIO(report_xlsx(report, "vi")))


def _row(ws: Any, first: str) -> int:
    return next(r for r in range(1, ws.max_row + 1) if ws.cell(r, 1).value == first)


def test_xlsx_sheets_headers_and_filters(report: Report) -> None:
    wb = _book(report)
    # One table per sheet; unit tabs named as people know the units (31 characters).
    assert wb.sheetnames == [
        "Tổng hợp", "Theo nhóm", "Báo Long An", "Huyện Bến Lức", "Huyện Đức Hòa",
        "Văn phòng Ủy ban nhân dân tỉnh", "Sở Thông tin và Truyền thông", "Kỳ thiếu",
        "Tin, bài, hoạt động", "Văn bản Phụ lục I", "Vấn đề trong nhật ký"]
    ws = wb["Tổng hợp"]
    assert [c.value for c in ws[5]] == [
        "Nhóm", "Đơn vị", "Nhiệm vụ", "Nội dung", "Chỉ tiêu", "Đã thực hiện", "Kỳ đạt",
        "Kỳ đến hạn", "Thiếu", "Trạng thái", "Cách xác định", "Kỳ thiếu"]  # no ids, no "Mức"
    assert ws.freeze_panes == "A6"
    # Rule rows: Báo Long An 1, VP UBND tỉnh 8, Sở TT&TT 13, two districts 12 each = 46.
    assert (ws.auto_filter.ref, ws.max_row) == ("A5:L51", 51)
    # The unit most short first, its explicit rules before the interpreted ones.
    assert [ws.cell(6, c).value for c in (2, 3, 9, 10, 11)] == [
        "Huyện Đức Hòa", "2.5", 8, "✘ chưa thực hiện", "kế hoạch nêu rõ"]
    assert ws.column_dimensions["D"].width > 30
    unit = wb["Huyện Bến Lức"]
    assert unit["A1"].value.endswith("— Quý I")
    assert [c.value for c in unit[6]] == [
        "Nhiệm vụ", "Nội dung", "Chỉ tiêu", "Đã thực hiện", "Kỳ đạt", "Kỳ đến hạn", "Thiếu",
        "Trạng thái", "Cách xác định", "Còn thiếu so với chỉ tiêu"]
    # 12 rules and nothing under them: the other tables have sheets of their own.
    assert (unit.freeze_panes, unit.auto_filter.ref, unit.max_row) == ("A7", "A6:J18", 18)
    groups = wb["Theo nhóm"]
    # The sample's units are in 3 groups: press, departments (VP UBND, Sở TT&TT), districts.
    assert groups["A1"].value == "Nhóm" and groups.max_row == 1 + 3


def _first(ws: Any, col: int, value: str) -> int:
    return next(r for r in range(2, ws.max_row + 1) if ws.cell(r, col).value == value)


def test_xlsx_dates_are_real_dates(report: Report) -> None:
    wb = _book(report)
    items = wb["Tin, bài, hoạt động"]
    first = items.cell(_first(items, 1, "Huyện Bến Lức"), 2)
    assert first.is_date and first.value == dt.datetime(2024, 2, 2)
    assert first.number_format == "DD/MM/YYYY"
    gaps = wb["Kỳ thiếu"]
    week7 = next(r for r in range(2, gaps.max_row + 1)
                 if gaps.cell(r, 1).value == "Huyện Bến Lức"
                 and str(gaps.cell(r, 3).value).startswith("Tuần 07"))
    assert [gaps.cell(week7, c).value for c in (2, 4, 5)] == [
        "2.5", dt.datetime(2024, 2, 12), dt.datetime(2024, 2, 18)]


def test_xlsx_neutralises_formulas(report: Report) -> None:
    ws = _book(report)["Tin, bài, hoạt động"]
    titles = {ws.cell(r, 7).value: ws.cell(r, 7) for r in range(1, ws.max_row + 1)}
    cell = titles["'" + FORMULA]
    assert cell.data_type == "s"  # text, not a formula
    assert all(not (isinstance(c.value, str) and c.value.startswith("="))
               for row in ws.iter_rows() for c in row)
    # The javascript: URL is text without a hyperlink; an https URL is a link.
    links = {ws.cell(r, 8).value: ws.cell(r, 8).hyperlink for r in range(1, ws.max_row + 1)}
    assert links["javascript:alert(1)"] is None
    assert links["https://benluc.longan.gov.vn/cds"].target == "https://benluc.longan.gov.vn/cds"


@pytest.mark.parametrize("title", ["=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\r=x"])
def test_xlsx_neutralises_every_formula_start(title: str) -> None:
    rows = [entry(2, dt.date(2024, 2, 7), "bao-long-an", "newspaper", title)]
    small = build_report(run(rows, window("2024-02"), dt.date(2024, 2, 29), ["bao-long-an"]),
                         catalog(), ["bao-long-an"])
    ws = openpyxl.load_workbook(io.BytesIO(report_xlsx(small, "vi")))["Tin, bài, hoạt động"]
    cell = ws.cell(2, 7)
    assert cell.data_type == "s" and cell.value.startswith("'")


def test_xlsx_status_colours(report: Report) -> None:
    ws = _book(report)["Huyện Bến Lức"]
    status = {ws.cell(r, 1).value: ws.cell(r, 8) for r in range(7, 11)}  # explicit rules
    assert status["2.5"].value == "▲ chưa đạt"
    assert status["2.5"].fill.fgColor.rgb == STATUS_FILL["behind"] == "FFE69F00"
    assert status["IV.1"].fill.fgColor.rgb == STATUS_FILL["missing"] == "FFD55E00"
    met = _book(report)["Báo Long An"].cell(7, 8)
    assert met.fill.fgColor.rgb == STATUS_FILL["met"] == "FF007A5E"  # green
    assert met.font.color.rgb == "FFFFFFFF"


def test_xlsx_one_unit_workbook(report: Report) -> None:
    data = report_xlsx(report, "en", units=[report.unit("bao-long-an")], overview=False)
    wb = openpyxl.load_workbook(io.BytesIO(data))
    # Its English name, in English; its missed periods, items and documents.
    assert wb.sheetnames == ["Long An Newspaper", "Missed periods", "Items delivered",
                             "Phụ lục I documents"]
    assert wb["Long An Newspaper"]["A4"].value.startswith("Overall: ✔ met. Met: the unit has met")
    assert wb["Missed periods"].max_row == 1  # met: a header and no row


def test_sheet_names_are_valid_and_unique() -> None:
    taken: set[str] = set()
    assert sheet_name("a" * 40, taken) == "a" * 31
    assert sheet_name("a" * 40, taken) == "a" * 29 + "~2"
    assert sheet_name("x/y:z?", taken) == "x-y-z-"


# --------------------------------------------------------------------------- terminal


def test_terminal_weekly_heatmap(report: Report) -> None:
    text = render_to_text(heatmap_renderables(sample_check(), catalog(), "vi"), 120)
    assert "2.5 — Bản tin/câu chuyện truyền thanh" in text
    assert "Huyện Bến Lức  ✘✘✔✘✔✘✘✘\n" in text  # W06–W13: its own system, W08 and W10
    assert "Th2 Th3" in text  # months, not "T2 T3", which read as Monday and Tuesday
    assert "Huyện Đức Hòa  ✘✘✘✘✘✘✘✘\n" in text
    assert "Báo Long An  ✔✔✔✔✔✔✔✔\n" in text
    assert "✔ đạt   ▲ chưa đạt   ✘ chưa thực hiện   · chưa đến hạn" in text
    unit = render_to_text(unit_renderables(report, report.unit("h-ben-luc"), "en"), 120)
    assert re.search(r"2\.5 +Radio bulletins/stories.* +✘✘✔✘✔✘✘✘", unit)
    assert re.search(r"3\.3 +Articles/bulletins.* +✔02 ✘03", unit)
    assert re.search(r"3\.4 +Daily messages.* +✘ 0/60 day", unit)


def test_a_deadline_outside_the_window_draws_no_cell() -> None:
    # 2.1's deadline (28/08) lies before the fourth quarter: no cell, and no broken SVG.
    rows = [entry(2, dt.date(2024, 10, 2), "so-tttt", "dx-portal", "Tin tháng 10")]
    q4 = build_report(run(rows, window("2024-Q4"), dt.date(2024, 12, 31), ["so-tttt"]),
                      catalog(), ["so-tttt"])
    page = unit_html(q4, q4.unit("so-tttt"), "vi")
    assert "— Quý IV</h1>" in page
    assert 'data-rule="2.1-contest-award" data-period' not in page
    assert not re.search(r'width="-', page)


def test_rendered_links_carry_no_credentials_or_bidi_controls() -> None:
    from dx_plan.text import shown_url

    assert shown_url("https://admin:s3cret@benluc.longan.gov.vn/a?b=1") == (
        "https://benluc.longan.gov.vn/a?b=1")
    assert shown_url("https://x.vn/\u202egpj.exe") == "https://x.vn/gpj.exe"
    assert shown_url("http://user@x.vn") == "http://x.vn"
    assert shown_url("no scheme@here") == "no scheme@here"


def test_missed_periods_read_as_runs() -> None:
    from dx_plan.render.missed import missed_runs

    weeks = [f"2024-W{w:02d}" for w in (7, *range(14, 53))]
    # Week 7 alone with its dates; weeks 14 to 52 as one run of 39.
    assert missed_runs(weeks, "week", "vi") == "Tuần 07 (12/02–18/02); Tuần 14–52 (39 tuần)"
    assert missed_runs(weeks, "week", "en") == (
        "Week 07 (02-12 to 02-18); Weeks 14–52 (39 weeks)")
    days = [(dt.date(2024, 4, 1) + dt.timedelta(days=i)).isoformat() for i in range(275)]
    assert missed_runs(days, "day", "vi") == "01/04–31/12 (275 ngày)"  # 30+31+30+31+31+30+31+30+31
    assert missed_runs(["2024-03", "2024-04", "2024-05", "2024-09"], "month", "vi") == (
        "Tháng 3–5/2024; Tháng 9/2024")
    assert missed_runs(["2024-Q2", "2024-Q3"], "quarter", "vi") == "Quý II/2024; Quý III/2024"
    assert missed_runs([f"2024-W{w:02d}" for w in (6, 8, 10, 12, 14, 16)], "week", "vi") == (
        "Tuần 06 (05/02–11/02); Tuần 08 (19/02–25/02); Tuần 10 (04/03–10/03); "
        "Tuần 12 (18/03–24/03) … và 2 kỳ khác")


def test_xlsx_sheets_print_landscape_on_a4_one_page_wide(report: Report) -> None:
    wb = _book(report)
    for ws in wb.worksheets:
        setup = ws.page_setup
        assert (setup.orientation, setup.paperSize, setup.fitToWidth, setup.fitToHeight) == (
            "landscape", 9, 1, 0), ws.title
        assert ws.sheet_properties.pageSetUpPr.fitToPage is True
    assert wb["Tổng hợp"].print_title_rows == "$5:$5"  # the table's header on every page
    assert wb["Huyện Bến Lức"].print_title_rows == "$6:$6"


def test_runs_across_the_new_year_say_both_years() -> None:
    from dx_plan.render.missed import missed_runs

    assert missed_runs(["2024-W52", "2025-W01", "2025-W02"], "week", "vi") == (
        "Tuần 52/2024–02/2025 (3 tuần)")
    assert missed_runs(["2024-12", "2025-01", "2025-02"], "month", "vi") == "Tháng 12/2024–2/2025"
    assert missed_runs(["2024-12-30", "2024-12-31", "2025-01-01"], "day", "vi") == (
        "30/12/2024–01/01/2025 (3 ngày)")


def test_rules_of_one_task_have_headings_of_their_own(report: Report) -> None:
    labels = [r.label("vi") for r in report.rules]
    assert len(labels) == len(set(labels))  # no two columns called "IV.1"
    assert {"IV.1 báo cáo quý", "IV.1 kế hoạch", "3.4 cấp huyện", "3.4 sở, ngành"} <= set(labels)
    assert "2.5" in labels  # a task with one rule keeps its number alone
    assert "IV.1 quarterly report" in [r.label("en") for r in report.rules]
