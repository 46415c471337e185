"""The sentences of `dxplan report`, built from the report model's numbers.

Every renderer (Markdown, HTML, workbook) prints these, so they all say exactly the
same thing; the words themselves come from the one catalogue (`dx_plan.msgs.report`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from ..i18n import Lang, t
from ..models import ONE_OFF
from ..periods import period_bounds
from ..report import Gap, Report, RuleLine, UnitReport
from ..result import RuleResult
from .common import fmt_date, note_lines, quota
from .missed import waived_text
from .table import STATUS_STYLE

ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII")
MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July", "August",
             "September", "October", "November", "December")


def month_short(month: int, lang: Lang) -> str:
    """A month's column label in a calendar: 'Feb' or 'Th2' ('T2' reads as Monday)."""
    return MONTHS_EN[month - 1][:3] if lang == "en" else f"Th{month}"


# English kind names that take no plural -s.
_UNCOUNTABLE = frozenset({"guidance", "infographic"})

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
        name = t(key, lang, week=week, year=year)
    elif per == "month":
        year, month = int(label[:4]), int(label[5:7])
        name = t("period.month", lang, month=month, year=year, month_name=MONTHS_EN[month - 1])
    elif per == "quarter":
        q = int(label[-1])
        name = t("period.quarter", lang, roman=ROMAN[q - 1], q=q, year=label[:4])
    elif per == "day":
        return t("period.day", lang, date=date_range(start, start, lang))
    else:
        name = t("period.year", lang, year=label[:4])
    return f"{name} ({date_range(start, end, lang)})" if with_dates else name


def window_name(start: dt.date, end: dt.date, plan_start: dt.date, plan_end: dt.date,
                lang: Lang) -> str:
    """The report's period for its title: 'Quý I', 'Tháng 02/2024', 'Năm 2024' or a range.

    A quarter or month counts as such when the window is that period clipped to the
    plan (Quý I of this plan is 01/02–31/03/2024, the plan starting in February).
    """
    if (start, end) == (plan_start, plan_end) and start.year == end.year:
        return t("window.year", lang, year=start.year)
    q_first, q_last = period_bounds(start, "quarter")
    if (start, end) == (max(q_first, plan_start), min(q_last, plan_end)):
        q = (start.month - 1) // 3 + 1
        key = "window.quarter" if start.year == plan_start.year else "window.quarter_year"
        return t(key, lang, roman=ROMAN[q - 1], q=q, year=start.year)
    m_first, m_last = period_bounds(start, "month")
    if (start, end) == (max(m_first, plan_start), min(m_last, plan_end)):
        return period_name(f"{start.year}-{start.month:02d}", start, end, "month", lang,
                           with_dates=False)
    return t("window.range", lang, start=fmt_date(start, lang), end=fmt_date(end, lang))


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
        vi, en = t("noun.default", "vi"), t("noun.default", "en")
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
        return t("window.as_of", lang, as_of=fmt_date(report.as_of, lang))
    return window_name(report.window_start, report.window_end, report.plan_start,
                       report.plan_end, lang)


def report_title(report: Report, lang: Lang) -> str:
    """'Báo cáo kết quả thực hiện Kế hoạch … — Quý I'."""
    plan = report.plan_title_en if lang == "en" else report.plan_title
    return t("report.title", lang, plan=plan, period=report_period(report, lang))


def overview_title(report: Report, lang: Lang) -> str:
    """'Tổng hợp kết quả thực hiện Kế hoạch … — Quý I'."""
    plan = report.plan_title_en if lang == "en" else report.plan_title
    return t("report.overview_title", lang, plan=plan, period=report_period(report, lang))


def window_span(report: Report, lang: Lang) -> str:
    """'01/02/2024 – 31/03/2024; tính đến ngày 31/03/2024'."""
    return t("report.span", lang, start=fmt_date(report.window_start, lang),
              end=fmt_date(report.window_end, lang), as_of=fmt_date(report.as_of, lang))


def window_line(report: Report, lang: Lang) -> str:
    """'Thời gian: 01/02/2024 – 31/03/2024; tính đến ngày 31/03/2024'."""
    return t("check.window", lang, start=fmt_date(report.window_start, lang),
             end=fmt_date(report.window_end, lang), as_of=fmt_date(report.as_of, lang))


def verdict(unit: UnitReport, as_of: dt.date, lang: Lang) -> list[str]:
    """The overall status in one or two sentences."""
    day = fmt_date(as_of, lang)
    if unit.status == "met":
        out = [t("report.verdict.met", lang, as_of=day)]
    elif unit.status == "open":
        out = [t("report.verdict.open", lang, as_of=day)]
    else:
        out = [t(f"report.verdict.{unit.status}", lang, n=unit.failing_rules,
                  shortfall=unit.shortfall)]
        communes = sum(line.result.children_shortfall for line in unit.rules
                       if line.result.severity == "error")
        if communes:
            out.append(t("report.verdict.communes", lang, n=communes))
    if unit.failing_warnings > 0:
        out.append(t("report.verdict.met_warn", lang, n=unit.failing_warnings))
    return out


def gap_text(line: RuleLine, gap: Gap, lang: Lang) -> str:
    """'Tuần 07 (12/02–18/02/2024): 0/1 tin, bài', a run of days, or a missed deadline."""
    what = noun(line.kinds, gap.required, lang)
    if gap.kind == "deadline":
        return t("report.gap.deadline", lang, due=fmt_date(gap.end, lang),
                  delivered=gap.delivered, required=gap.required, noun=what)
    if gap.kind == "days" and gap.days > 1:
        return t("report.gap.days", lang, range=date_range(gap.start, gap.end, lang),
                  n=gap.days, delivered=gap.delivered, required=gap.required, noun=what)
    name = period_name(gap.label, gap.start, gap.end, line.result.per, lang)
    return t("report.gap", lang, period=name, delivered=gap.delivered,
              required=gap.required, noun=what)


def channels_text(line: RuleLine, lang: Lang) -> str:
    """The rule's channels by name, '; '-separated."""
    return "; ".join(en if lang == "en" else vi for _, vi, en in line.channels)


def catch_up(line: RuleLine, lang: Lang) -> str:
    """'Cần bổ sung ít nhất 3 tin, bài (kênh: Hệ thống truyền thanh cơ sở).'"""
    n = line.result.shortfall
    key = "report.catch_up" if len(line.channels) == 1 else "report.catch_up_many"
    return t(key, lang, n=n, noun=noun(line.kinds, n, lang),
              channels=channels_text(line, lang))


def rule_heading(line: RuleLine, lang: Lang) -> str:
    """'2.5 — Bản tin … (≥1/tuần): thiếu 2; đạt 3/5 kỳ'."""
    r = line.result
    if r.children_failing:
        return t("report.rule_heading_communes", lang, task=r.task,
                  title=rule_title(line, lang), quota=quota(r, lang), shortfall=r.shortfall,
                  met=r.periods_met, due=r.periods_due, failing=r.children_failing,
                  total=r.children, children=r.children_shortfall)
    return t("report.rule_heading", lang, task=r.task, title=rule_title(line, lang),
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
            lines.append(t("report.communes_short", lang, n=len(short),
                            total=line.result.children, names=names)
                         + (t("report.and_more", lang, n=more) if more > 0 else ""))
        if line.result.shortfall or not short:
            lines.append(catch_up(line, lang))
        if short:
            lines.append(t("report.communes_catch_up", lang,
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
        return t("period.week", lang, week=int(label.split("W")[1]))
    if per == "month":
        return t("period.month", lang, month=int(label[5:7]), year=int(label[:4]),
                  month_name=MONTHS_EN[int(label[5:7]) - 1])
    return fmt_date(dt.date.fromisoformat(label), lang) if len(label) == 10 else label


def cell_title(line: RuleLine, index: int, lang: Lang) -> str:
    """Tooltip of a heatmap cell: rule, period with dates, count and status."""
    cell = line.cells[index]
    if line.result.type in ONE_OFF:
        name = t("report.deadline_cell", lang, due=fmt_date(cell.end, lang),
                  delivered=cell.delivered, required=cell.required)
    else:
        name = (period_name(cell.label, cell.start, cell.end, line.result.per, lang) + ": "
                + f"{cell.delivered}/{cell.required}")
    return f"{line.result.task} · {name} — {t(f'cell.{cell.status}', lang)}"


def symbol(status: str) -> str:
    """The status's symbol (✔ ▲ ✘ …), so it reads without colour and in print."""
    return STATUS_STYLE.get(status, ("?", ""))[0]


def status_label(status: str, lang: Lang) -> str:
    """'✔ đạt', '▲ chưa đạt', '✘ không có' … for a rule or unit status."""
    return f"{symbol(status)} {t(f'status.{status}', lang)}"


def cell_label(status: str, lang: Lang) -> str:
    """'✔ đạt', '▲ thiếu', '✘ không có', '… chưa đến hạn' for a heatmap cell."""
    return f"{symbol(status)} {t(f'cell.{status}', lang)}"


def matrix_text(line: RuleLine | None) -> str:
    """An overview matrix cell: the symbol and the shortfall ('▲ 2'), blank when n/a."""
    if line is None:
        return ""
    r = line.result
    return symbol(r.status) + (f" {r.shortfall}" if r.shortfall else "")


def notes(report: Report, lang: Lang) -> list[str]:
    """The engine's notes in words (see `common.note_lines`)."""
    return note_lines(report.notes, lang)


def generated(report: Report, lang: Lang, day: str) -> str:
    """Who made the report from what: dxplan's version, the plan and its digest, as-of."""
    p = report.provenance
    return t("report.generated", lang, version=p.version if p else "?", plan=report.plan_id,
             digest=p.short if p else "?", as_of=day)


def status_text(result: RuleResult, lang: Lang) -> str:
    """The status, and the periods a waiver excused, with why."""
    text = status_label(result.status, lang)
    return f"{text}; {waived_text(result, lang)}" if result.waived else text
