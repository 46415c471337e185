"""The first screen of `dxplan check`: one row per unit, the answer before the detail.

An analyst's first question is who met the plan and who did not; the rule-by-rule
tables (`--detail`, or `--unit`/`--task`) answer the next one.  A unit's row says its
verdict, the share of its due periods met (the measure `--sort compliance` ranks by),
the items short, and which of the plan's quotas it missed and for how many periods.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from rich.console import RenderableType
from rich.table import Table
from rich.text import Text

from ..i18n import Lang, t
from ..result import CheckReport, RuleResult, UnitSummary
from .common import percent
from .table import STATUS_STYLE, cell, simple_table, whole_words

HEADER_KEYS = ("col.unit", "col.status", "overview.col.periods", "col.compliance",
               "col.shortfall", "overview.col.short", "overview.col.warnings")
SHARE, WARNINGS = 3, 6  # the share of periods met; the interpreted quotas not met
COMPACT_BELOW = 100


def unit_table(report: CheckReport, lang: Lang, width: int | None = None) -> Table:
    """A row per unit, in the order of the report (by group, or as --sort asked); with
    --only-failing, only the units behind or missing.  Under COMPACT_BELOW columns the
    share column goes and names wrap, between words."""
    by_unit: dict[str, list[RuleResult]] = defaultdict(list)
    for result in report.results:
        by_unit[result.unit].append(result)
    units = [u for u in report.units
             if not report.only_failing or u.status in ("behind", "missing")]
    rows = [_row(unit, by_unit[unit.unit], lang, report.fail_on) for unit in units]
    keep = [i for i in range(len(HEADER_KEYS))
            if (i != WARNINGS or any(row[WARNINGS] for row in rows))
            and (i != SHARE or width is None or width >= COMPACT_BELOW)]
    title = t(f"check.sorted.{report.sort}" if report.sort else "overview.title", lang)
    table = simple_table(title, [t(HEADER_KEYS[i], lang) for i in keep],
                         [[row[i] for i in keep] for row in rows],
                         right=[n for n, i in enumerate(keep) if i in (2, 3, 4, 6)],
                         nowrap=[n for n, i in enumerate(keep)
                                 if i in (1, 2, 3) or (i == 0 and SHARE in keep)])
    whole_words(table)
    return table


def _row(unit: UnitSummary, results: Sequence[RuleResult], lang: Lang,
         fail_on: frozenset[str]) -> list[object]:
    counted = [r for r in results if r.severity in fail_on]
    due, met = unit.periods_due, unit.periods_met
    symbol, style = STATUS_STYLE.get(unit.status, ("?", ""))
    status = cell(f"{symbol} {t(f'status.{unit.status}', lang)}", style)
    failing = [r for r in counted if r.failing]
    short = ("; ".join(short_quota(r, lang) for r in failing) if unit.status != "missing"
             else t("overview.all", lang, n=len(failing)))
    warnings = sum(1 for r in results if r.severity not in fail_on and r.failing)
    return [unit.unit_name, status, f"{met}/{due}" if due else "–",
            percent(met / due, lang) if due else "", unit.shortfall or "", short, warnings or ""]


def short_quota(result: RuleResult, lang: Lang) -> str:
    """'2.5 (2 tuần)', '3.4 (29 ngày)', '2.5 (2/17 xã)': a quota missed, and how much."""
    if result.missed and result.per:
        return f"{result.task} ({periods(len(result.missed), result.per, lang)})"
    if result.children:
        failing = result.children_failing or 0
        return f"{result.task} ({t('overview.communes', lang, n=failing, total=result.children)})"
    return result.task


def periods(n: int, per: str, lang: Lang) -> str:
    """'1 tuần', '29 ngày'; '1 week', '29 days'."""
    return t(f"overview.{per}", lang, n=n) if n > 1 else t(f"overview.one.{per}", lang)


def overview_renderables(report: CheckReport, lang: Lang, width: int | None = None
                         ) -> list[RenderableType]:
    """The unit table and the line that says how to see each quota."""
    return [unit_table(report, lang, width), Text(t("overview.more", lang), style="dim")]
