"""The calendar heatmap in small, for the terminal (rich).

One character per period — ✔ met, ▲ short, ✘ missing, · not yet due — coloured
when the terminal has colour; the symbol carries the status without it.  Unit
names come from the plan (never from a log), and every cell is a `Text`, so no
markup is ever interpreted.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from ..catalog import Catalog
from ..i18n import Lang, t
from ..models import ONE_OFF
from ..report import Report, RuleLine, UnitReport, cell_status
from ..result import CheckReport, PeriodResult, RuleResult
from .common import fmt_date, quota
from .report_words import month_short, rule_title

CELL = {"met": ("✔", "green"), "short": ("▲", "yellow"), "missing": ("✘", "red"),
        "open": ("·", "dim"), "waived": ("○", "blue")}
STATUS_CELL = {"met": "met", "behind": "short", "missing": "missing", "open": "open"}


def _cells(periods: Sequence[PeriodResult]) -> Text:
    text = Text()
    for period in periods:
        char, style = CELL[cell_status(period)]
        text.append(char, style=style)
    return text


def _axis(periods: Sequence[PeriodResult], lang: Lang) -> Text:
    """Month names over the first week that starts in each month."""
    axis = [" "] * (len(periods) + 4)
    previous = None
    for index, period in enumerate(periods):
        month = period.start.month
        if month == previous:
            continue
        previous = month
        name = month_short(month, lang)
        if all(c == " " for c in axis[max(0, index - 1):index + len(name)]):
            axis[index:index + len(name)] = list(name)
    return Text("".join(axis).rstrip(), style="dim")


def legend(lang: Lang) -> Text:
    """'✔ đạt  ▲ thiếu  ✘ không có  · chưa đến hạn'."""
    text = Text()
    for index, (status, (char, style)) in enumerate(CELL.items()):
        text.append(("   " if index else "") + char, style=style)
        text.append(" " + t(f"cell.{status}", lang))
    return text


def heatmap_renderables(report: CheckReport, catalog: Catalog, lang: Lang
                        ) -> list[RenderableType]:
    """The weekly heatmap of a check: for each weekly rule, its units × ISO weeks.

    For `dxplan check --calendar` and the terminal view of `dxplan report`.
    """
    rules = {r.id: r for r in catalog.plan.rules}
    by_rule: dict[str, list[RuleResult]] = {}
    for result in report.results:
        if result.type == "frequency" and result.per == "week" and result.periods:
            by_rule.setdefault(result.rule, []).append(result)
    if not by_rule:
        return []
    out: list[RenderableType] = [Text(t("report.sec.weekly", lang), style="bold")]
    for rule_id, results in by_rule.items():
        rule = rules[rule_id]
        title = rule.title_en if lang == "en" else rule.title
        out.append(Text(f"{rule.task} — {title} ({quota(results[0], lang)})"))
        grid = Table.grid(padding=(0, 2))
        grid.add_column(no_wrap=True, overflow="ellipsis", max_width=34)
        grid.add_column(no_wrap=True)
        grid.add_row(Text(""), _axis(results[0].periods, lang))
        for result in results:
            unit = catalog.units.by_id.get(result.unit)
            name = (unit.name_en if lang == "en" and unit and unit.name_en
                    else result.unit_name)
            grid.add_row(Text(name), _cells(result.periods))
        out.append(grid)
    out.append(legend(lang))
    return out


def _line_cells(line: RuleLine, lang: Lang) -> Text:
    """A rule's periods in one line: a character per week, labelled cells otherwise."""
    r = line.result
    if r.type in ONE_OFF:
        text = Text()
        for cell in line.cells:
            char, style = CELL[cell.status]
            text.append(f"{char} ", style=style)
            text.append(t("report.deadline_cell", lang, due=fmt_date(cell.end, lang),
                           delivered=cell.delivered, required=cell.required))
        return text
    if r.per == "week":
        return _cells(r.periods)
    if r.per == "day":
        # Three hundred days do not fit a line: say how many were met.
        status = "open" if not r.periods_due else STATUS_CELL.get(r.status, "short")
        char, style = CELL[status]
        text = Text(f"{char} ", style=style)
        text.append(f"{r.periods_met}/{r.periods_due} {t('per.day', lang)}")
        return text
    text = Text()
    for period in r.periods:
        char, style = CELL[cell_status(period)]
        text.append(char, style=style)
        name = period.label[5:] if r.per != "year" else period.label
        text.append(f"{name} ")
    return text


def unit_renderables(report: Report, unit: UnitReport, lang: Lang) -> list[RenderableType]:
    """One unit's calendar for the terminal: a line per rule (weeks one character each)."""
    grid = Table.grid(padding=(0, 2))
    grid.add_column(no_wrap=True)
    grid.add_column(no_wrap=True, overflow="ellipsis", max_width=40)
    grid.add_column(no_wrap=True)
    weekly = next((ln for ln in unit.rules if ln.result.per == "week" and ln.result.periods),
                  None)
    if weekly is not None:
        grid.add_row(Text(""), Text(""), _axis(weekly.result.periods, lang))
    for line in unit.rules:
        grid.add_row(Text(line.result.task), Text(rule_title(line, lang)),
                     _line_cells(line, lang))
    return [Group(Text(t("report.sec.calendar", lang), style="bold"), grid, legend(lang))]
