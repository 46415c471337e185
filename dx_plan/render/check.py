"""Renderers of a `CheckReport`: terminal table, JSON, CSV and Markdown."""

from __future__ import annotations

from rich.console import RenderableType
from rich.table import Table
from rich.text import Text

from ..catalog import Catalog
from ..i18n import Lang, t
from ..result import CheckReport, RuleResult
from .common import fmt_date, md_escape, note_lines, percent, quota, to_markdown
from .missed import missed_text
from .overview import overview_renderables
from .problems import PER_CODE, problem_markdown, problem_renderables
from .table import STATUS_STYLE, cell, simple_table, whole_words

HEADER_KEYS = ("col.unit", "col.task", "col.quota", "col.periods", "col.items",
               "col.shortfall", "col.compliance", "col.status", "col.missed")
STATUS_COLUMN = 7


def result_cells(result: RuleResult, lang: Lang) -> list[str]:
    """One result as the table and Markdown show it; `*` marks an interpreted rule."""
    symbol = STATUS_STYLE.get(result.status, ("?", ""))[0]
    status = f"{symbol} {t(f'status.{result.status}', lang)}"
    return [
        result.unit_name, result.task, quota(result, lang),
        f"{result.periods_met}/{result.periods_due}", str(result.delivered),
        str(result.shortfall or ""), percent(result.compliance, lang),
        status + ("" if result.severity == "error" else "*"), missed_text(result, lang),
    ]


# Under this many columns the table drops quota, items and compliance and keeps the
# answer: unit, task, periods met, shortfall, status, missed periods.
COMPACT_BELOW = 100
COMPACT = (0, 1, 3, 5, 7, 8)


def _row(result: RuleResult, lang: Lang, keep: tuple[int, ...]) -> list[Text]:
    cells = [cell(c) for c in result_cells(result, lang)]
    cells[STATUS_COLUMN].stylize(STATUS_STYLE.get(result.status, ("", ""))[1])
    return [cells[i] for i in keep]


def window_text(report: CheckReport, lang: Lang) -> str:
    """'Thời gian: … ; tính đến ngày …', saying when the logs set the as-of date."""
    key = "check.window_logs" if report.as_of_source == "logs" else "check.window"
    return t(key, lang, start=fmt_date(report.window_start, lang),
             end=fmt_date(report.window_end, lang), as_of=fmt_date(report.as_of, lang))


def group_title(catalog: Catalog, group: str, lang: Lang) -> str:
    """A group's heading in the user's language."""
    g = catalog.groups.get(group)
    if g is None:
        return t("group.none", lang)
    return g.name_en if lang == "en" else g.name


def _parts(results: tuple[RuleResult, ...]) -> list[tuple[str, list[RuleResult]]]:
    """The plan's own quotas first; then, under their own heading, the interpreted rules."""
    explicit = [r for r in results if r.basis == "explicit"]
    interpreted = [r for r in results if r.basis != "explicit"]
    parts = [("", explicit)] if explicit else []
    if interpreted:
        parts.append(("interpreted.heading", interpreted))
    return parts


def _group_tables(results: list[RuleResult], catalog: Catalog, lang: Lang,
                  sort: str | None = None, width: int | None = None) -> list[Table]:
    """A table per unit group (one table when sorted), a unit's name once, a rule a row;
    under COMPACT_BELOW columns, only the columns that answer."""
    keep = COMPACT if width is not None and width < COMPACT_BELOW else tuple(
        range(len(HEADER_KEYS)))
    header = [t(HEADER_KEYS[i], lang) for i in keep]
    right = tuple(i for i, k in enumerate(keep) if k in (3, 4, 5, 6))
    tables: list[Table] = []
    current: str | None = None
    previous_unit = ""
    for result in results:
        heading = t(f"check.sorted.{sort}", lang) if sort else group_title(
            catalog, result.group, lang)
        if heading != current:
            current = heading
            tables.append(simple_table(heading, header, [], right=right,
                                       nowrap=tuple(i for i, k in enumerate(keep)
                                                    if k in (1, 2, 3))))
            previous_unit = ""
        row = _row(result, lang, keep)
        if result.unit == previous_unit:
            row[0] = cell("")  # the unit's name once, on its first rule
        elif previous_unit:
            tables[-1].add_section()
        previous_unit = result.unit
        tables[-1].add_row(*row)
    for table in tables:
        whole_words(table)
    return tables


def check_renderables(report: CheckReport, catalog: Catalog, lang: Lang,
                      per_code: int = PER_CODE, width: int | None = None,
                      detail: bool = True) -> list[RenderableType]:
    """The terminal view, answer first: the verdict as of its date, what was read, the
    problems, then a row per unit (or, with `detail`, a table per group: the plan's
    quotas, then the interpreted rules), notes, and the verdict once more."""
    verdict = summary_lines(report, lang)
    out: list[RenderableType] = [Text(verdict[0], style="bold"), Text(verdict[1]),
                                 Text(window_text(report, lang))]
    if nothing_read(report):  # the files failed: say so, and nothing about the units
        out = [Text(verdict[1]), Text(window_text(report, lang))]
        out.extend(problem_renderables(report.findings, lang, per_code))
        out.append(Text(t("check.nothing_read", lang), style="bold"))
        return out
    # Errors are listed in full (they must be fixed); warnings alone only by code.
    grouped = detail or report.findings.errors > 0
    out.extend(problem_renderables(report.findings, lang, per_code, grouped=grouped))
    if not report.results:
        out.append(Text(t("check.no_results", lang)))
    elif detail:
        out.extend(_detail_tables(report, catalog, lang, width))
    else:
        out.extend(overview_renderables(report, lang, width))
    out.extend(Text(line, style="cyan") for line in note_lines(report.notes, lang))
    out.append(Text(verdict[0], style="bold"))  # again under a long table
    return out


def _detail_tables(report: CheckReport, catalog: Catalog, lang: Lang, width: int | None
                   ) -> list[RenderableType]:
    """A table per group, the plan's quotas first, then the interpreted rules."""
    plan = catalog.plan.plan
    out: list[RenderableType] = [Text(t("check.title", lang, plan=plan.title if lang == "vi"
                                        else (plan.title_en or plan.title)), style="bold")]
    for part, results in _parts(report.results):
        if part:
            out.append(Text(t(part, lang), style="bold"))
        out.extend(_group_tables(results, catalog, lang, report.sort, width))
    if any(r.severity != "error" for r in report.results):
        out.append(Text(t("check.star", lang), style="dim"))
    return out


FILE_CODES = frozenset({"bad-file", "empty-file", "missing-column"})


def nothing_read(report: CheckReport) -> bool:
    """True when no item was read because the files themselves failed: a table of
    "không có" for every unit would only hide that."""
    return report.entries_counted == 0 and bool(FILE_CODES & set(report.findings.by_code()))


def summary_lines(report: CheckReport, lang: Lang) -> tuple[str, str]:
    """The verdict over units, and what was read (rows, items, problems)."""
    s = report.summary()
    units = t("check.verdict", lang, as_of=fmt_date(report.as_of, lang), summary=t(
        "check.summary", lang, units=s["units"], met=s["units_met"], behind=s["units_behind"],
        missing=s["units_missing"], open=s["units_open"], shortfall=s["shortfall"]))
    rows = t("check.rows", lang, rows=s["rows_read"], entries=s["entries_counted"],
             errors=s["problems_error"], warnings=s["problems_warning"])
    return units, rows


def check_markdown(report: CheckReport, catalog: Catalog, lang: Lang) -> str:
    """A Markdown page, answer first: the verdict, the problems, then the tables."""
    plan = catalog.plan.plan
    title = plan.title if lang == "vi" else (plan.title_en or plan.title)
    lines = [f"# {md_escape(t('check.title', lang, plan=title))}",
             "",
             window_text(report, lang),
             ""]
    verdict = summary_lines(report, lang)
    lines += [f"**{md_escape(verdict[0])}** {md_escape(verdict[1])}", ""]
    if report.findings.groups:
        lines += [f"## {t('check.problems', lang)}", ""]
        lines += problem_markdown(report.findings, lang)
        lines.append("")
    header = [t(k, lang) for k in HEADER_KEYS]
    for part, results in _parts(report.results):
        if part:
            lines += [f"## {md_escape(t(part, lang))}", ""]
        current: str | None = None
        rows: list[list[str]] = []
        for r in results:
            heading = (t(f"check.sorted.{report.sort}", lang) if report.sort
                       else group_title(catalog, r.group, lang))
            if heading != current:
                if rows:
                    lines.append(to_markdown(header, rows))
                current, rows = heading, []
                lines += [f"### {md_escape(heading)}", ""]
            rows.append(result_cells(r, lang))
        if rows:
            lines.append(to_markdown(header, rows))
    if any(r.severity != "error" for r in report.results):
        lines.append(md_escape(t("check.star", lang)))
    lines.append("")
    return "\n".join(lines)
