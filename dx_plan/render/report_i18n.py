"""Words of `dxplan report` (Vietnamese by default, English with `--lang en`).

Kept apart from `dx_plan.i18n` so the report can grow its vocabulary without
touching the shared table; `rt` falls back to `i18n.t` for the shared keys
(statuses, column headers).  The phrase builders here turn the report model's
numbers into the sentences every renderer prints, so the Markdown, the HTML page
and the workbook say exactly the same thing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from ..i18n import Lang, t
from ..models import ONE_OFF
from ..periods import period_bounds
from ..report import Gap, Report, RuleLine, UnitReport
from .common import fmt_date, note_lines, quota
from .table import STATUS_STYLE

ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII")
MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July", "August",
             "September", "October", "November", "December")


def month_short(month: int, lang: Lang) -> str:
    """A month's column label in a calendar: 'Feb' or 'Th2' ('T2' reads as Monday)."""
    return MONTHS_EN[month - 1][:3] if lang == "en" else f"Th{month}"


# English kind names that take no plural -s.
_UNCOUNTABLE = frozenset({"guidance", "infographic"})

_MESSAGES: dict[str, tuple[str, str]] = {
    "report.title": ("Báo cáo kết quả thực hiện {plan} — {period}",
                     "Report on the {plan} — {period}"),
    "report.overview_title": ("Tổng hợp kết quả thực hiện {plan} — {period}",
                              "Overview of the {plan} — {period}"),
    "report.unit": ("Đơn vị", "Unit"),
    "report.group": ("Nhóm", "Group"),
    "report.span": ("{start} – {end}; tính đến ngày {as_of}", "{start} – {end}; as of {as_of}"),
    "report.entries": ("Số mục trong nhật ký", "Items in the logs"),
    "report.status": ("Kết quả chung", "Overall"),
    "report.verdict.met": (
        "Đạt: đơn vị đã thực hiện đủ mọi chỉ tiêu đến hạn tính đến ngày {as_of}.",
        "Met: the unit has met every quota due by {as_of}.",
    ),
    "report.verdict.met_warn": (
        "Còn {n} nhiệm vụ kế hoạch không nêu số lượng chưa có kết quả (chỉ cảnh báo), xem "
        "bên dưới.",
        "{n} interpreted quotas (warnings) are not met; see below.",
    ),
    "report.verdict.communes": ("Trong đó {n} là phần thiếu của các đơn vị cấp xã (đơn vị "
                                "chịu trách nhiệm chung).",
                                "Of these, {n} are its communes' (the unit answers for them)."),
    "report.verdict.behind": ("Chưa đạt: {n} chỉ tiêu chưa đạt; tổng số còn thiếu {shortfall}.",
                              "Behind: {n} quotas not met; {shortfall} items short in all."),
    "report.verdict.missing": (
        "Không có báo cáo: nhật ký không có mục nào của đơn vị; {n} chỉ tiêu chưa đạt, tổng số "
        "còn thiếu {shortfall}.",
        "Missing: the logs have no items of this unit; {n} quotas not met, {shortfall} items "
        "short in all.",
    ),
    "report.verdict.open": ("Chưa đến hạn: chưa có kỳ nào đến hạn tính đến ngày {as_of}.",
                            "Open: no period is due yet by {as_of}."),
    "report.sec.results": ("Kết quả theo từng chỉ tiêu", "Results by quota"),
    "report.sec.calendar": ("Lịch thực hiện", "Calendar"),
    "report.sec.shortfall": ("Những chỉ tiêu chưa đạt và việc cần bổ sung",
                             "What is short and what to add"),
    "report.sec.evidence": ("Tin, bài, hoạt động đã thực hiện", "Items delivered (evidence)"),
    "report.sec.docs": ("Văn bản tại Phụ lục I", "Documents of Phụ lục I"),
    "report.sec.problems": ("Các vấn đề trong nhật ký của đơn vị",
                            "Problems in the unit's log rows"),
    "report.sec.groups": ("Tổng hợp theo nhóm", "Totals by group"),
    "report.sec.units": ("Kết quả từng đơn vị (thiếu nhiều nhất trước)",
                         "Units, largest shortfall first"),
    "report.sec.matrix": ("Đơn vị × chỉ tiêu", "Units × quotas"),
    "report.sec.weekly": ("Lịch các chỉ tiêu hằng tuần", "Weekly quotas by week"),
    "report.sec.other_problems": ("Các vấn đề khác trong nhật ký",
                                  "Other problems in the logs"),
    "report.none_short": ("Đơn vị đã đạt mọi chỉ tiêu đến hạn; không có gì cần bổ sung.",
                          "Every quota due is met; nothing to add."),
    "report.rule_heading_communes": (
        "{task} — {title} ({quota}): thiếu {shortfall}; đạt {met}/{due} kỳ; {failing}/{total} "
        "đơn vị cấp xã chưa đạt, thiếu {children}",
        "{task} — {title} ({quota}): {shortfall} short; {met}/{due} periods met; {failing} of "
        "{total} communes short by {children}"),
    "report.rule_heading": ("{task} — {title} ({quota}): thiếu {shortfall}; đạt {met}/{due} kỳ",
                            "{task} — {title} ({quota}): {shortfall} short; {met}/{due} "
                            "periods met"),
    "report.gap": ("{period}: {delivered}/{required} {noun}", "{period}: {delivered}/{required} "
                   "{noun}"),
    "report.gap.days": ("Các ngày {range} ({n} ngày): {delivered}/{required} {noun} mỗi ngày",
                        "Days {range} ({n} days): {delivered}/{required} {noun} a day"),
    "report.gap.deadline": ("Hạn {due}: {delivered}/{required} {noun} — quá hạn",
                            "Deadline {due}: {delivered}/{required} {noun} — missed"),
    "report.deadline_cell": ("Hạn {due}: {delivered}/{required}",
                             "Due {due}: {delivered}/{required}"),
    "report.communes_short": ("{n}/{total} đơn vị cấp xã chưa đạt: {names}",
                              "{n} of {total} communes short: {names}"),
    "report.and_more": (" và {n} đơn vị khác", " and {n} more"),
    "report.communes_catch_up": ("Các đơn vị cấp xã chưa đạt còn thiếu {n} {noun}.",
                                 "The communes short are {n} {noun} short."),
    "report.sec.communes": ("Các xã, phường, thị trấn (chỉ tiêu tính cho từng hệ thống)",
                            "Communes (quotas judged for each system)"),
    "col.commune": ("Xã, phường, thị trấn", "Commune"),
    # Past periods cannot be made up: say what was missed, not what to add.
    "report.catch_up": ("Còn thiếu {n} {noun} so với chỉ tiêu (kênh: {channels}).",
                        "{n} {noun} short of the quota (channel: {channels})."),
    "report.catch_up_many": ("Còn thiếu {n} {noun} so với chỉ tiêu (kênh: {channels}).",
                             "{n} {noun} short of the quota (channels: {channels})."),
    "report.evidence_more": ("… và {n} mục khác (không liệt kê để báo cáo gọn).",
                             "… and {n} more items (not listed, to keep the report short)."),
    "report.no_evidence": ("Không có tin, bài, hoạt động nào trong nhật ký.",
                           "No items in the logs."),
    "report.no_problems": ("Không có vấn đề nào.", "No problems."),
    "report.docs_covered": ("Đã tuyên truyền ({n}/{total})", "Covered ({n}/{total})"),
    "report.docs_uncovered": ("Chưa tuyên truyền ({n}/{total})", "Never covered ({n}/{total})"),
    "report.none": ("(không có)", "(none)"),
    "report.interpreted": ("* Kế hoạch không nêu số lượng cho nhiệm vụ này; chỉ tiêu được đọc "
                           "từ lời kế hoạch, chưa đạt chỉ là cảnh báo.",
                           "* The plan gives no number for this task; the quota is read from "
                           "its words, and falling short is only a warning."),
    "report.as_of": ("tính đến ngày {as_of}", "as of {as_of}"),
    "report.legend": ("Chú giải", "Legend"),
    "report.generated": ("Lập bằng dxplan theo kế hoạch {plan}; tính đến ngày {as_of}.",
                         "Made with dxplan from plan {plan}; as of {as_of}."),
    "report.written": ("Đã ghi {n} tệp vào {dir}.", "Wrote {n} files to {dir}."),
    "report.written_one": ("Đã ghi {path}.", "Wrote {path}."),
    "report.sort_hint": ("Bấm vào tiêu đề cột để sắp xếp.", "Click a column heading to sort."),
    "report.not_applicable": ("không áp dụng", "not applicable"),
    "report.no_weekly": ("Không có chỉ tiêu hằng tuần.", "No weekly quotas."),
    "cell.met": ("đạt", "met"),
    "cell.short": ("thiếu", "short"),
    "cell.missing": ("không có", "missing"),
    "cell.open": ("chưa đến hạn", "not yet due"),
    "period.week": ("Tuần {week:02d}", "Week {week:02d}"),
    "period.week_year": ("Tuần {week:02d}/{year}", "Week {week:02d} of {year}"),
    "period.month": ("Tháng {month:02d}/{year}", "{month_name} {year}"),
    "period.quarter": ("Quý {roman}/{year}", "Q{q} {year}"),
    "period.day": ("Ngày {date}", "{date}"),
    "period.year": ("Năm {year}", "Year {year}"),
    "window.year": ("Năm {year}", "Year {year}"),
    "window.as_of": ("tính đến ngày {as_of}", "as of {as_of}"),
    "window.quarter": ("Quý {roman}", "Quarter {q}"),
    "window.quarter_year": ("Quý {roman}/{year}", "Quarter {q} of {year}"),
    "window.range": ("Từ {start} đến {end}", "{start} to {end}"),
    "noun.default": ("tin, bài", "item"),
    "col.requirement": ("Nội dung", "Requirement"),
    "col.delivered": ("Đã thực hiện", "Delivered"),
    "col.from": ("Từ ngày", "From"),
    "col.to": ("Đến ngày", "To"),
    "col.required": ("Yêu cầu", "Required"),
    "col.end": ("Đến ngày", "Until"),
    "col.quantity": ("Số lượng", "Quantity"),
    "col.docs": ("Văn bản", "Documents"),
    "col.group": ("Nhóm", "Group"),
    "col.units": ("Số đơn vị", "Units"),
    "col.units_met": ("Đạt", "Met"),
    "col.units_behind": ("Chưa đạt", "Behind"),
    "col.units_missing": ("Không có", "Missing"),
    "col.units_open": ("Chưa đến hạn", "Open"),
    "col.failing": ("Chỉ tiêu chưa đạt", "Quotas not met"),
    "col.short_all": ("Thiếu (cả cảnh báo)", "Short (incl. warnings)"),
    "col.document": ("Văn bản", "Document"),
    "col.periods_met": ("Kỳ đạt", "Periods met"),
    "col.periods_due": ("Kỳ đến hạn", "Periods due"),
    "col.catch_up": ("Cần bổ sung", "To add"),
    "col.covered": ("Đã tuyên truyền", "Covered"),
    "col.missing_periods": ("Kỳ thiếu", "Missed periods"),
    "sheet.overview": ("Tổng hợp", "Overview"),
    "sign.preparer": ("NGƯỜI LẬP BÁO CÁO", "PREPARED BY"),
    "sign.head": ("THỦ TRƯỞNG ĐƠN VỊ", "HEAD OF UNIT"),
    "sign.name": ("(Ký, ghi rõ họ tên)", "(Signature and full name)"),
    "sign.seal": ("(Ký tên, đóng dấu)", "(Signature and seal)"),
    "letterhead.top": ("UBND tỉnh {province}", "{province} Provincial People's Committee"),
    "letterhead.office": ("Sở Thông tin và Truyền thông",
                          "Department of Information and Communications"),
    "nation": ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "SOCIALIST REPUBLIC OF VIET NAM"),
    "motto": ("Độc lập - Tự do - Hạnh phúc", "Independence - Freedom - Happiness"),
    "place_date": ("{province}, ngày ..... tháng ..... năm {year}",
                   "{province}, ..... / ..... / {year}"),
}


def rt(key: str, lang: Lang, **params: object) -> str:
    """The report message `key` in `lang` (shared keys come from `i18n.t`)."""
    pair = _MESSAGES.get(key)
    if pair is None:
        return t(key, lang, **params)
    text = pair[1] if lang == "en" else pair[0]
    return text.format(**params) if params else text


def date_range(start: dt.date, end: dt.date, lang: Lang) -> str:
    """'12/02–18/02/2024' (one year) or '30/12/2024–05/01/2025'; ISO dates in English."""
    if lang == "en":
        return start.isoformat() if start == end else f"{start.isoformat()} to {end.isoformat()}"
    if start == end:
        return start.strftime("%d/%m/%Y")
    if start.year == end.year:
        return f"{start.strftime('%d/%m')}–{end.strftime('%d/%m/%Y')}"
    return f"{start.strftime('%d/%m/%Y')}–{end.strftime('%d/%m/%Y')}"


def period_name(label: str, start: dt.date, end: dt.date, per: str | None, lang: Lang,
                with_dates: bool = True) -> str:
    """A period as people say it: 'Tuần 07 (12/02–18/02/2024)', 'Tháng 03/2024 (…)'.

    `label` is the engine's period label (2024-W07, 2024-03, 2024-Q1, 2024-03-05);
    the dates are the period's days inside the window (a clipped week shows only them).
    """
    name: str
    if per == "week":
        year, week = int(label[:4]), int(label.split("W")[1])
        # ISO weeks belong to their ISO year: 30–31/12/2024 are week 01 of 2025.
        key = "period.week" if year == start.year else "period.week_year"
        name = rt(key, lang, week=week, year=year)
    elif per == "month":
        year, month = int(label[:4]), int(label[5:7])
        name = rt("period.month", lang, month=month, year=year, month_name=MONTHS_EN[month - 1])
    elif per == "quarter":
        q = int(label[-1])
        name = rt("period.quarter", lang, roman=ROMAN[q - 1], q=q, year=label[:4])
    elif per == "day":
        return rt("period.day", lang, date=date_range(start, start, lang))
    else:
        name = rt("period.year", lang, year=label[:4])
    return f"{name} ({date_range(start, end, lang)})" if with_dates else name


def window_name(start: dt.date, end: dt.date, plan_start: dt.date, plan_end: dt.date,
                lang: Lang) -> str:
    """The report's period for its title: 'Quý I', 'Tháng 02/2024', 'Năm 2024' or a range.

    A quarter or month counts as such when the window is that period clipped to the
    plan (Quý I of this plan is 01/02–31/03/2024, the plan starting in February).
    """
    if (start, end) == (plan_start, plan_end) and start.year == end.year:
        return rt("window.year", lang, year=start.year)
    q_first, q_last = period_bounds(start, "quarter")
    if (start, end) == (max(q_first, plan_start), min(q_last, plan_end)):
        q = (start.month - 1) // 3 + 1
        key = "window.quarter" if start.year == plan_start.year else "window.quarter_year"
        return rt(key, lang, roman=ROMAN[q - 1], q=q, year=start.year)
    m_first, m_last = period_bounds(start, "month")
    if (start, end) == (max(m_first, plan_start), min(m_last, plan_end)):
        return period_name(f"{start.year}-{start.month:02d}", start, end, "month", lang,
                           with_dates=False)
    return rt("window.range", lang, start=fmt_date(start, lang), end=fmt_date(end, lang))


def noun(kind_names: Sequence[tuple[str, str]], count: int, lang: Lang) -> str:
    """What the quota counts, for '0/1 bản tin' and 'cần bổ sung 3 bản tin'.

    `kind_names` are the (vi, en) names of the rule's kinds; a rule that accepts any
    kind counts 'tin, bài' ('items').  Vietnamese names the first two as the plan does
    ('bài viết/bản tin'); English gets the first, plural for counts other than 1.
    """
    if kind_names:
        vi = "/".join(name for name, _ in kind_names[:2])
        en = kind_names[0][1]
    else:
        vi, en = _MESSAGES["noun.default"]
    if lang == "vi":
        return vi
    return en if count == 1 else plural(en)


def plural(word: str) -> str:
    """A naive English plural of the last word ('award ceremony' → 'award ceremonies')."""
    last = word.rsplit(" ", 1)[-1]
    if last in _UNCOUNTABLE or last.endswith("s"):
        return word
    if last.endswith("y") and last[-2:-1] not in ("a", "e", "o", "u"):
        return word[:-1] + "ies"
    return word + "s"


# --------------------------------------------------------------------------- phrases


def unit_name(unit: UnitReport, lang: Lang) -> str:
    """The unit's name in the report's language (Vietnamese when it has no English one)."""
    return unit.name_en if lang == "en" and unit.name_en else unit.name


def formal_name(unit: UnitReport, lang: Lang) -> str:
    """Who is answerable, as a document names it: 'UBND huyện Cần Đước' for a district or
    commune (the plan speaks to its People's Committee), else the unit's name."""
    if unit.group not in ("districts", "communes"):
        return unit_name(unit, lang)
    if lang == "en":
        return f"{unit.name_en or unit.name} People's Committee"
    return "UBND " + unit.name[:1].lower() + unit.name[1:]


def rule_title(line: RuleLine, lang: Lang) -> str:
    """What the rule asks for, with '*' marking an interpreted (warning) quota."""
    title = line.title_en if lang == "en" else line.title
    return title + ("" if line.result.severity == "error" else " *")


def report_period(report: Report, lang: Lang) -> str:
    """'Quý I', 'Tháng 02/2024' … for the titles; for the whole plan, the as-of date
    ("… năm 2024 — Năm 2024" would say the year twice)."""
    if (report.window_start, report.window_end) == (report.plan_start, report.plan_end):
        return rt("window.as_of", lang, as_of=fmt_date(report.as_of, lang))
    return window_name(report.window_start, report.window_end, report.plan_start,
                       report.plan_end, lang)


def report_title(report: Report, lang: Lang) -> str:
    """'Báo cáo kết quả thực hiện Kế hoạch … — Quý I'."""
    plan = report.plan_title_en if lang == "en" else report.plan_title
    return rt("report.title", lang, plan=plan, period=report_period(report, lang))


def overview_title(report: Report, lang: Lang) -> str:
    """'Tổng hợp kết quả thực hiện Kế hoạch … — Quý I'."""
    plan = report.plan_title_en if lang == "en" else report.plan_title
    return rt("report.overview_title", lang, plan=plan, period=report_period(report, lang))


def window_span(report: Report, lang: Lang) -> str:
    """'01/02/2024 – 31/03/2024; tính đến ngày 31/03/2024'."""
    return rt("report.span", lang, start=fmt_date(report.window_start, lang),
              end=fmt_date(report.window_end, lang), as_of=fmt_date(report.as_of, lang))


def window_line(report: Report, lang: Lang) -> str:
    """'Thời gian: 01/02/2024 – 31/03/2024; tính đến ngày 31/03/2024'."""
    return t("check.window", lang, start=fmt_date(report.window_start, lang),
             end=fmt_date(report.window_end, lang), as_of=fmt_date(report.as_of, lang))


def verdict(unit: UnitReport, as_of: dt.date, lang: Lang) -> list[str]:
    """The overall status in one or two sentences."""
    day = fmt_date(as_of, lang)
    if unit.status == "met":
        out = [rt("report.verdict.met", lang, as_of=day)]
    elif unit.status == "open":
        out = [rt("report.verdict.open", lang, as_of=day)]
    else:
        out = [rt(f"report.verdict.{unit.status}", lang, n=unit.failing_rules,
                  shortfall=unit.shortfall)]
        communes = sum(line.result.children_shortfall for line in unit.rules
                       if line.result.severity == "error")
        if communes:
            out.append(rt("report.verdict.communes", lang, n=communes))
    if unit.failing_warnings > 0:
        out.append(rt("report.verdict.met_warn", lang, n=unit.failing_warnings))
    return out


def gap_text(line: RuleLine, gap: Gap, lang: Lang) -> str:
    """'Tuần 07 (12/02–18/02/2024): 0/1 tin, bài', a run of days, or a missed deadline."""
    what = noun(line.kinds, gap.required, lang)
    if gap.kind == "deadline":
        return rt("report.gap.deadline", lang, due=fmt_date(gap.end, lang),
                  delivered=gap.delivered, required=gap.required, noun=what)
    if gap.kind == "days" and gap.days > 1:
        return rt("report.gap.days", lang, range=date_range(gap.start, gap.end, lang),
                  n=gap.days, delivered=gap.delivered, required=gap.required, noun=what)
    name = period_name(gap.label, gap.start, gap.end, line.result.per, lang)
    return rt("report.gap", lang, period=name, delivered=gap.delivered,
              required=gap.required, noun=what)


def channels_text(line: RuleLine, lang: Lang) -> str:
    """The rule's channels by name, '; '-separated."""
    return "; ".join(en if lang == "en" else vi for _, vi, en in line.channels)


def catch_up(line: RuleLine, lang: Lang) -> str:
    """'Cần bổ sung ít nhất 3 tin, bài (kênh: Hệ thống truyền thanh cơ sở).'"""
    n = line.result.shortfall
    key = "report.catch_up" if len(line.channels) == 1 else "report.catch_up_many"
    return rt(key, lang, n=n, noun=noun(line.kinds, n, lang),
              channels=channels_text(line, lang))


def rule_heading(line: RuleLine, lang: Lang) -> str:
    """'2.5 — Bản tin … (≥1/tuần): thiếu 2; đạt 3/5 kỳ'."""
    r = line.result
    if r.children_failing:
        return rt("report.rule_heading_communes", lang, task=r.task,
                  title=rule_title(line, lang), quota=quota(r, lang), shortfall=r.shortfall,
                  met=r.periods_met, due=r.periods_due, failing=r.children_failing,
                  total=r.children, children=r.children_shortfall)
    return rt("report.rule_heading", lang, task=r.task, title=rule_title(line, lang),
              quota=quota(r, lang), shortfall=r.shortfall, met=r.periods_met, due=r.periods_due)


COMMUNES_NAMED = 5  # communes named in a shortfall line; the rest counted


def shortfall_blocks(unit: UnitReport, lang: Lang) -> list[tuple[str, list[str]]]:
    """Per failing rule: its heading and lines (each gap, the communes short, then what
    to add)."""
    blocks = []
    for line in unit.failing:
        lines = [gap_text(line, gap, lang) for gap in line.gaps]
        short = [c for c in unit.communes if c.rule == line.rule and c.failing]
        if short:
            names = ", ".join(c.unit_name for c in short[:COMMUNES_NAMED])
            more = len(short) - COMMUNES_NAMED
            lines.append(rt("report.communes_short", lang, n=len(short),
                            total=line.result.children, names=names)
                         + (rt("report.and_more", lang, n=more) if more > 0 else ""))
        if line.result.shortfall or not short:
            lines.append(catch_up(line, lang))
        if short:
            lines.append(rt("report.communes_catch_up", lang,
                            n=line.result.children_shortfall,
                            noun=noun(line.kinds, line.result.children_shortfall, lang)))
        blocks.append((rule_heading(line, lang), lines))
    return blocks


def commune_rows(unit: UnitReport, lang: Lang) -> list[list[str]]:
    """A district's communes on its rolled-up rules: weekly ones always, others when short."""
    rows = []
    for r in unit.communes:
        if r.type != "frequency" and not r.failing:
            continue
        missed = ", ".join(short_period(label, r.per, lang) for label in r.missed)
        rows.append([r.unit_name, r.task, f"{r.periods_met}/{r.periods_due}",
                     status_label(r.status, lang), missed])
    return rows


def short_period(label: str, per: str | None, lang: Lang) -> str:
    """'Tuần 09', 'Tháng 03/2024', or a date: a missed period in a commune's row."""
    if per == "week":
        return rt("period.week", lang, week=int(label.split("W")[1]))
    if per == "month":
        return rt("period.month", lang, month=int(label[5:7]), year=int(label[:4]),
                  month_name=MONTHS_EN[int(label[5:7]) - 1])
    return fmt_date(dt.date.fromisoformat(label), lang) if len(label) == 10 else label


def cell_title(line: RuleLine, index: int, lang: Lang) -> str:
    """Tooltip of a heatmap cell: rule, period with dates, count and status."""
    cell = line.cells[index]
    if line.result.type in ONE_OFF:
        name = rt("report.deadline_cell", lang, due=fmt_date(cell.end, lang),
                  delivered=cell.delivered, required=cell.required)
    else:
        name = (period_name(cell.label, cell.start, cell.end, line.result.per, lang) + ": "
                + f"{cell.delivered}/{cell.required}")
    return f"{line.result.task} · {name} — {rt(f'cell.{cell.status}', lang)}"


def symbol(status: str) -> str:
    """The status's symbol (✔ ▲ ✘ …), so it reads without colour and in print."""
    return STATUS_STYLE.get(status, ("?", ""))[0]


def status_label(status: str, lang: Lang) -> str:
    """'✔ đạt', '▲ chưa đạt', '✘ không có' … for a rule or unit status."""
    return f"{symbol(status)} {t(f'status.{status}', lang)}"


def cell_label(status: str, lang: Lang) -> str:
    """'✔ đạt', '▲ thiếu', '✘ không có', '… chưa đến hạn' for a heatmap cell."""
    return f"{symbol(status)} {rt(f'cell.{status}', lang)}"


def matrix_text(line: RuleLine | None) -> str:
    """An overview matrix cell: the symbol and the shortfall ('▲ 2'), blank when n/a."""
    if line is None:
        return ""
    r = line.result
    return symbol(r.status) + (f" {r.shortfall}" if r.shortfall else "")


def notes(report: Report, lang: Lang) -> list[str]:
    """The engine's notes in words (see `common.note_lines`)."""
    return note_lines(report.notes, lang)
