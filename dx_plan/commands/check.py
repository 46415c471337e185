"""`dxplan check`: each unit against each rule of the plan, what is met and what is short."""

from __future__ import annotations

import sys
from collections.abc import Collection
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NamedTuple

import typer

from .options import (
    EXIT_ERROR,
    MAX_PROBLEMS_DEFAULT,
    AllowBadRowsOpt,
    AsOfOpt,
    DebugOpt,
    FailOn,
    FailOnOpt,
    FilesArg,
    ForceOpt,
    FormatOpt,
    FromOpt,
    GroupOpt,
    LangOpt,
    LimitOpt,
    ListFormat,
    MaxProblemsOpt,
    OutputOpt,
    PeriodOpt,
    PlanOpt,
    SheetOpt,
    ToOpt,
    lang_of,
    load,
    refuse_output,
    say_err,
    terminal_width,
    write_or_emit,
)
from .reports import REPORT_OPTION, parse_reports, write_reports
from .run import (
    IgnoreOpt,
    WaiversOpt,
    run_check_with_progress,
    window_and_as_of,
    with_exceptions,
)

if TYPE_CHECKING:
    import datetime as dt

    from ..catalog import Catalog
    from ..engine import Selection
    from ..i18n import Lang
    from ..periods import Window
    from ..result import CheckReport
    from ..service import CheckRequest


class SortBy(StrEnum):
    """How `check --sort` orders units."""

    compliance = "compliance"
    shortfall = "shortfall"
    unit = "unit"


UnitsOpt = Annotated[list[str] | None, typer.Option(
    "--unit", "-u", help="help.check.unit", show_default=False, metavar="UNIT")]
TasksOpt = Annotated[list[str] | None, typer.Option(
    "--task", help="help.check.task", show_default=False, metavar="STT")]
OnlyFailingOpt = Annotated[bool, typer.Option("--only-failing", help="help.check.only_failing")]
SortOpt = Annotated[SortBy | None, typer.Option("--sort", help="help.check.sort",
                                                show_default=False)]
CalendarOpt = Annotated[bool, typer.Option("--calendar", help="help.check.calendar")]
DetailOpt = Annotated[bool, typer.Option("--detail", help="help.check.detail")]
NoBomOpt = Annotated[bool, typer.Option("--no-bom", help="help.check.no_bom")]
CheckReportOpt = Annotated[list[str] | None, typer.Option(
    REPORT_OPTION, help="help.check.report", show_default=False, metavar="FORMAT=PATH")]


def check_cmd(
    files: FilesArg,
    period: PeriodOpt = None,
    date_from: FromOpt = None,
    date_to: ToOpt = None,
    as_of: AsOfOpt = None,
    unit: UnitsOpt = None,
    group: GroupOpt = None,
    task: TasksOpt = None,
    only_failing: OnlyFailingOpt = False,
    sort: SortOpt = None,
    detail: DetailOpt = False,
    fmt: FormatOpt = ListFormat.table,
    output: OutputOpt = None,
    reports: CheckReportOpt = None,
    sheet: SheetOpt = None,
    allow_bad_rows: AllowBadRowsOpt = False,
    fail_on: FailOnOpt = FailOn.error,
    max_problems: MaxProblemsOpt = MAX_PROBLEMS_DEFAULT,
    calendar: CalendarOpt = False,
    no_bom: NoBomOpt = False,
    force: ForceOpt = False,
    limit: LimitOpt = None,
    waivers: WaiversOpt = None,
    ignore: IgnoreOpt = None,
    plan: PlanOpt = None,
    lang: LangOpt = None,
    debug: DebugOpt = False,
) -> int:
    """Check activity logs against the plan; return the exit code (0 met, 1 short, 2 unusable)."""
    from ..reader import expand_paths
    from ..service import build_selection, fail_severities

    language = lang_of(lang)
    specs = parse_reports(reports, output, ListFormat)
    catalog = load(plan)
    paths = expand_paths(files)
    window, day, from_logs = window_and_as_of(catalog, period, date_from, date_to, as_of)
    for target in [output, *(spec.path for spec in specs)]:
        refuse_output(target, force, paths)
    selection = build_selection(catalog, unit, group, task, only_failing,
                                sort.value if sort else None)
    fail = fail_severities(fail_on.value)
    request = with_exceptions(
        _check_request(paths, window, day, selection, sheet, limit, fail, calendar), catalog,
        waivers, ignore, from_logs)
    report = run_check_with_progress(catalog, request)
    code = check_exit_status(report, allow_bad_rows, fail, language)
    view = View(language, max_problems, calendar, detail or bool(unit) or bool(task))
    if output is None and fmt == ListFormat.table and sys.stdout.isatty():
        # On a terminal: colours and the real width; files and pipes get plain text.
        _print_check(report, catalog, view)
    elif output is None or code != EXIT_ERROR:  # a run that cannot be used writes no file
        write_or_emit(_check_text(report, catalog, fmt, view, no_bom), output, paths, force)
    if code != EXIT_ERROR:
        write_reports(specs, lambda kind: _check_text(report, catalog, ListFormat(kind), view,
                                                      no_bom), paths, force, language)
    return code


def _check_request(paths: list[Path], window: Window, day: dt.date, selection: Selection,
                   sheet: str | None, limit: list[str] | None, fail: Collection[str],
                   calendar: bool) -> CheckRequest:
    """The engine request of `check`: per-period detail only when the calendar is drawn."""
    from ..reader import ReadOptions
    from ..service import CheckRequest, parse_limits

    return CheckRequest(paths=paths, window=window, as_of=day, selection=selection,
                        read=ReadOptions(sheet=sheet, limits=parse_limits(limit)),
                        fail_on=fail, detail=calendar)


def check_exit_status(report: CheckReport, allow_bad_rows: bool, fail: Collection[str],
                      lang: Lang) -> int:
    """`service.check_exit_code`, saying on stderr how many rows have errors when it is 2."""
    from ..i18n import t
    from ..service import check_exit_code

    code = check_exit_code(report, allow_bad_rows, fail)
    if code == EXIT_ERROR:
        say_err(t("check.bad_rows", lang, n=report.problem_counts.get("error", 0)))
    return code


class View(NamedTuple):
    """How the table view of `check` is drawn."""

    lang: Lang
    max_problems: int
    calendar: bool
    detail: bool  # every quota of every unit (else a row per unit)


def _print_check(report: CheckReport, catalog: Catalog, view: View) -> None:
    """Draw the check on the terminal with rich (colours, real width), then the calendar."""
    from rich.console import Console

    from ..render.check import check_renderables

    console = Console()
    for renderable in check_renderables(report, catalog, view.lang, view.max_problems,
                                        console.width, view.detail):
        console.print(renderable)
    if view.calendar:
        from ..render.heatmap import heatmap_renderables

        for renderable in heatmap_renderables(report, catalog, view.lang):
            console.print(renderable)


def _check_text(report: CheckReport, catalog: Catalog, fmt: ListFormat, view: View,
                no_bom: bool = False) -> str:
    """The check as plain text in `fmt`, the table followed by the calendar if asked for
    (a CSV without its byte-order mark with --no-bom)."""
    text = _render_check(report, catalog, fmt, view)
    if no_bom:
        text = text.removeprefix("\ufeff")
    if view.calendar and fmt == ListFormat.table:
        from ..render.heatmap import heatmap_renderables
        from ..render.table import render_to_text

        text += render_to_text(heatmap_renderables(report, catalog, view.lang),
                               terminal_width())
    return text


def _render_check(report: CheckReport, catalog: Catalog, fmt: ListFormat, view: View) -> str:
    if fmt in (ListFormat.json, ListFormat.csv):
        from ..render.check_data import check_csv, check_json

        return check_json(report) if fmt == ListFormat.json else check_csv(report, view.lang)
    from ..render import check as render

    if fmt == ListFormat.markdown:
        return render.check_markdown(report, catalog, view.lang)
    from ..render.table import render_to_text

    width = terminal_width()
    return render_to_text(render.check_renderables(report, catalog, view.lang,
                                                   view.max_problems, width, view.detail),
                          width)
