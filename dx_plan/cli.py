"""The `dxplan` command line: parse options, call the core, render, exit with a code.

Exit codes: 0 all good; 1 findings (a unit falls short, a submission has errors);
2 could not run (unreadable input, invalid plan, bad option).
"""

from __future__ import annotations

import datetime as dt
import functools
import os
import sys
from collections.abc import Callable, Collection
from dataclasses import replace
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, TypeVar

import typer

from .entries import GROUPS_LISTED
from .errors import DxplanError, PlanError
from .i18n import Lang, resolve_lang, t
from .text import safe_text

if TYPE_CHECKING:
    from .catalog import Catalog
    from .engine import Selection
    from .periods import Window
    from .result import CheckReport
    from .service import CheckRequest

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2

app = typer.Typer(
    name="dxplan",
    help=(
        "Kiểm tra nhật ký hoạt động tuyên truyền của các đơn vị theo Kế hoạch tuyên truyền về "
        "chuyển đổi số tỉnh Long An năm 2024.\n\n"
        "Check units' activity logs against Long An's 2024 plan for communicating digital "
        "transformation. Exit codes: 0 all good, 1 findings, 2 could not run."
    ),
    no_args_is_help=True,
    add_completion=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)
def _show_version(value: bool) -> None:
    """`dxplan --version`: the package, and the plan it reads with a fingerprint of its data."""
    if not value:
        return
    import hashlib
    import json

    from . import __version__
    from .loader import load_plan, resolve_plan_path
    from .models import to_json_data

    try:
        plan = load_plan()
    except DxplanError as exc:
        typer.echo(f"dxplan {__version__}")
        typer.echo(safe_text(str(exc)).splitlines()[0], err=True)
        raise typer.Exit(EXIT_ERROR) from None
    data = json.dumps(to_json_data(plan), sort_keys=True, ensure_ascii=False)
    fingerprint = hashlib.sha256(data.encode()).hexdigest()[:12]
    typer.echo(f"dxplan {__version__}\n{plan.plan.id} {fingerprint} "
               f"({safe_text(str(resolve_plan_path(None)))})")
    raise typer.Exit()


@app.callback()
def _root(version: Annotated[bool, typer.Option(
        "--version", callback=_show_version, is_eager=True,
        help="Print dxplan's version, and the plan's id and data fingerprint (of DXPLAN_PLAN "
             "or the shipped plan).")] = False) -> None:
    """Kiểm tra nhật ký hoạt động tuyên truyền theo Kế hoạch chuyển đổi số Long An 2024."""


plan_app = typer.Typer(help="Show or validate the plan data (rules, units, channels).",
                       no_args_is_help=True, rich_markup_mode=None)
app.add_typer(plan_app, name="plan")


class ListFormat(StrEnum):
    """Output formats of the listing commands and of `check`."""

    table = "table"
    json = "json"
    csv = "csv"
    markdown = "markdown"


class LangChoice(StrEnum):
    """Languages of user-facing text."""

    vi = "vi"
    en = "en"


PlanOpt = Annotated[
    Path | None,
    typer.Option("--plan", envvar="DXPLAN_PLAN", help="Plan file (default: the shipped 2024 plan).",
                 show_default=False),
]
LangOpt = Annotated[
    LangChoice | None,
    typer.Option("--lang", envvar="DXPLAN_LANG", help="Language of the output: vi (default) or en.",
                 show_default=False),
]
DebugOpt = Annotated[bool, typer.Option("--debug", help="Show tracebacks of internal errors.")]
FormatOpt = Annotated[ListFormat, typer.Option("--format", "-f", help="Output format.")]
GroupOpt = Annotated[str | None, typer.Option(
    "--group", "-g", help="Only this group: press, departments, agencies, districts, communes.",
    show_default=False)]

F = TypeVar("F", bound=Callable[..., Any])


def _width() -> int:
    env = os.environ.get("COLUMNS")
    if env and env.isdigit():
        return max(60, int(env))
    try:
        return max(100, os.get_terminal_size(sys.stdout.fileno()).columns)
    except (OSError, ValueError):
        return 160


def guarded(func: F) -> F:
    """Turn DxplanError into a one-line message and exit 2; hide tracebacks unless --debug."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        lang = resolve_lang(_enum_value(kwargs.get("lang")))
        debug = bool(kwargs.get("debug"))
        try:
            return func(*args, **kwargs)
        except typer.Exit:
            raise
        except PlanError as exc:
            typer.echo(t("error.plan_invalid", lang, n=len(exc.issues)), err=True)
            for issue in exc.issues:
                typer.echo(f"  {safe_text(str(issue))}", err=True)
            raise typer.Exit(EXIT_ERROR) from None
        except DxplanError as exc:
            message = str(exc)
            if lang == "vi":
                from .i18n_problems import translate_error

                message = translate_error(message) or message
            # File names and option values are the user's text: no terminal escapes.
            typer.echo(f"{t('error.prefix', lang)}: {safe_text(message)}", err=True)
            raise typer.Exit(EXIT_ERROR) from None
        except KeyboardInterrupt:
            typer.echo(t("error.interrupted", lang), err=True)
            raise typer.Exit(130) from None
        except Exception as exc:
            if debug:
                raise
            error = safe_text(f"{type(exc).__name__}: {exc}")
            typer.echo(t("error.internal", lang, error=error), err=True)
            raise typer.Exit(EXIT_ERROR) from None

    return wrapper  # type: ignore[return-value]


def _enum_value(value: object) -> str | None:
    if value is None:
        return None
    return str(getattr(value, "value", value))


def _lang(value: LangChoice | None) -> Lang:
    return resolve_lang(_enum_value(value))


def _catalog(plan: Path | None) -> Any:
    from .loader import load_catalog

    return load_catalog(plan)


def emit(text: str) -> None:
    """Write text to stdout as UTF-8 whatever the locale."""
    out = sys.stdout
    try:
        out.write(text)
    except UnicodeEncodeError:
        out.buffer.write(text.encode("utf-8"))
    out.flush()


def _parse_date(value: str | None, option: str) -> dt.date | None:
    if value is None:
        return None
    from .dates import parse_date
    from .errors import UsageError

    try:
        return parse_date(value)
    except ValueError as exc:
        raise UsageError(f"{option} {value!r}: {exc}") from None


# --------------------------------------------------------------------------- plan


@plan_app.command("show")
@guarded
def plan_show(plan: PlanOpt = None, fmt: FormatOpt = ListFormat.table, lang: LangOpt = None,
              debug: DebugOpt = False) -> None:
    """Show the rules (quotas): task, who, channel, quota, window, basis, severity."""
    from .render.listing import render_listing, rules_listing

    catalog = _catalog(plan)
    emit(render_listing(rules_listing(catalog, _lang(lang)), fmt.value, _width()))


@plan_app.command("validate")
@guarded
def plan_validate(
    path: Annotated[Path | None, typer.Argument(help="Plan file to validate.")] = None,
    plan: PlanOpt = None, lang: LangOpt = None, debug: DebugOpt = False,
) -> None:
    """Validate a plan file and its appendices: exit 0 valid, 2 invalid (all errors listed)."""
    catalog = _catalog(path or plan)
    p = catalog.plan
    typer.echo(t("plan.valid", _lang(lang), units=len(p.units), channels=len(p.channels),
                 rules=len(p.rules), tasks=len(p.tasks), documents=len(p.documents)))


@app.command("units")
@guarded
def units_cmd(
    group: GroupOpt = None,
    plan: PlanOpt = None, fmt: FormatOpt = ListFormat.table, lang: LangOpt = None,
    debug: DebugOpt = False,
) -> None:
    """List the units the plan names (optionally one group: press, departments, districts…)."""
    from .render.listing import render_listing, units_listing
    from .service import check_group

    catalog = _catalog(plan)
    if group is not None:
        check_group(catalog, group, option=None)
    emit(render_listing(units_listing(catalog, _lang(lang), group), fmt.value, _width()))


@app.command("docs")
@guarded
def docs_cmd(plan: PlanOpt = None, fmt: FormatOpt = ListFormat.table, lang: LangOpt = None,
             debug: DebugOpt = False) -> None:
    """List the legal documents of Phụ lục I with their ids (for the `docs` log column)."""
    from .render.listing import docs_listing, render_listing

    emit(render_listing(docs_listing(_catalog(plan), _lang(lang)), fmt.value, _width()))


@app.command("tasks")
@guarded
def tasks_cmd(plan: PlanOpt = None, fmt: FormatOpt = ListFormat.table, lang: LangOpt = None,
              debug: DebugOpt = False) -> None:
    """List the tasks of Phụ lục II verbatim: STT, task, lead, coordinating, timeframe, notes."""
    from .render.listing import render_listing, tasks_listing

    emit(render_listing(tasks_listing(_catalog(plan), _lang(lang)), fmt.value, _width()))


def main() -> None:
    """Console-script entry point; SIGTERM ends a run like Ctrl-C (temp files removed)."""
    import signal

    def terminate(signum: int, frame: object) -> None:
        raise KeyboardInterrupt

    if hasattr(signal, "SIGTERM"):
        signal.signal(signal.SIGTERM, terminate)
    app()


# --------------------------------------------------------------------------- check


class SortBy(StrEnum):
    """How `check --sort` orders units."""

    compliance = "compliance"
    shortfall = "shortfall"
    unit = "unit"


class FailOn(StrEnum):
    """Which severities make `check` exit 1."""

    error = "error"
    warning = "warning"


FilesArg = Annotated[list[str], typer.Argument(help="Log files or globs (CSV, YAML, XLSX).",
                                               show_default=False)]
PeriodOpt = Annotated[str | None, typer.Option(
    "--period", help="Narrow the window: 2024-Q1, 2024-03, 2024-W10.", show_default=False)]
FromOpt = Annotated[str | None, typer.Option("--from", help="First day of the window.",
                                             show_default=False)]
ToOpt = Annotated[str | None, typer.Option("--to", help="Last day of the window.",
                                           show_default=False)]
AsOfOpt = Annotated[str | None, typer.Option(
    "--as-of", help="Count periods due by this date (default: today, clamped to the window).",
    show_default=False)]
SheetOpt = Annotated[str | None, typer.Option("--sheet", help="Excel sheet (default: the first).",
                                              show_default=False)]
LimitOpt = Annotated[list[str] | None, typer.Option(
    "--limit", metavar="KEY=N",
    help="Raise a reader limit (repeatable): file-mb (1024), rows (10000000 per file), "
         "field-chars (100000), columns (500), yaml-aliases (100), yaml-depth (64), "
         "yaml-nodes (2000000), problems (100 kept in full per code and file).",
    show_default=False)]
MaxProblemsOpt = Annotated[int, typer.Option(
    "--max-problems", min=1,
    help="In text output, list at most N groups of identical problems per code "
         "(every problem is still counted).")]
OutputOpt = Annotated[Path | None, typer.Option(
    "--output", "-o", help="Write the report to this file (atomically).", show_default=False)]
AllowBadRowsOpt = Annotated[bool, typer.Option(
    "--allow-bad-rows", help="Exit 0/1 even when some rows have errors (default: exit 2).")]
FailOnOpt = Annotated[FailOn, typer.Option(
    "--fail-on", help="error: exit 1 on explicit quotas only; warning: interpreted ones too.")]


def _window_and_as_of(catalog: Any, period: str | None, start: str | None, end: str | None,
                      as_of: str | None) -> tuple[Any, dt.date, bool]:
    """The window, the as-of date (default today), and whether the logs set the as-of
    date instead: when no window and no date was asked for."""
    from .service import resolve_as_of, resolve_window

    window = resolve_window(catalog, period, _parse_date(start, "--from"),
                            _parse_date(end, "--to"))
    from_logs = period is None and start is None and end is None and as_of is None
    return window, resolve_as_of(window, _parse_date(as_of, "--as-of")), from_logs


def _selection(catalog: Any, units: list[str] | None, group: str | None,
               tasks: list[str] | None, only_failing: bool, sort: str | None = None) -> Any:
    from .service import build_selection

    return build_selection(catalog, units, group, tasks, only_failing, sort)


def run_check_with_progress(catalog: Any, request: Any) -> Any:
    """`service.run_check`, with a progress bar on stderr for long runs on a terminal."""
    from .service import run_check

    bar, callback = _progress(list(request.paths))
    try:
        return run_check(catalog, request, callback)
    finally:
        if bar is not None:
            bar.stop()


def _progress(paths: list[Path]) -> Any:
    """A rich progress bar on stderr for long runs, or None when stderr is not a terminal."""
    if not sys.stderr.isatty():
        return None, None
    total = sum(p.stat().st_size for p in paths if p.is_file())
    if total < 20 * 1024 * 1024 and len(paths) < 20:
        return None, None
    from rich.console import Console
    from rich.progress import BarColumn, DownloadColumn, Progress, TimeRemainingColumn

    bar = Progress("[progress.description]{task.description}", BarColumn(), DownloadColumn(),
                   TimeRemainingColumn(), console=Console(stderr=True), transient=True)
    task = bar.add_task("dxplan", total=total)
    bar.start()
    return bar, (lambda done, _rows: bar.update(task, completed=done))


@app.command("check")
@guarded
def check_cmd(
    files: FilesArg,
    period: PeriodOpt = None,
    date_from: FromOpt = None,
    date_to: ToOpt = None,
    as_of: AsOfOpt = None,
    unit: Annotated[list[str] | None, typer.Option(
        "--unit", "-u", help="Only this unit (id or name; repeatable).", show_default=False)
    ] = None,
    group: GroupOpt = None,
    task: Annotated[list[str] | None, typer.Option(
        "--task", help="Only rules of this task, e.g. 2.2 (repeatable).", show_default=False)
    ] = None,
    only_failing: Annotated[bool, typer.Option("--only-failing",
                                               help="Show only results that fall short.")] = False,
    sort: Annotated[SortBy | None, typer.Option(
        "--sort", help="Units worst first: compliance (share of due periods met), shortfall "
        "(items short), or unit (by name); default: by group in plan order.",
        show_default=False)] = None,
    fmt: FormatOpt = ListFormat.table,
    output: OutputOpt = None,
    sheet: SheetOpt = None,
    allow_bad_rows: AllowBadRowsOpt = False,
    fail_on: FailOnOpt = FailOn.error,
    max_problems: MaxProblemsOpt = GROUPS_LISTED,
    calendar: Annotated[bool, typer.Option(
        "--calendar", help="After the table, draw the weekly heatmap of every unit.")] = False,
    no_bom: Annotated[bool, typer.Option(
        "--no-bom", help="With --format csv: no UTF-8 byte-order mark (Excel needs it to "
        "read Vietnamese; scripts may not).")] = False,
    force: ForceOpt = False,
    limit: LimitOpt = None,
    plan: PlanOpt = None,
    lang: LangOpt = None,
    debug: DebugOpt = False,
) -> None:
    """Check activity logs against the plan: each unit, each rule, what is met and what is short.

    Exit codes: 0 every error-severity rule met (or not yet due); 1 some unit falls short;
    2 the input could not be used (unreadable file, invalid plan, bad option, rows with errors
    unless --allow-bad-rows).
    """
    from .reader import expand_paths
    from .service import fail_severities

    language = _lang(lang)
    catalog = _catalog(plan)
    paths = expand_paths(files)
    window, day, from_logs = _window_and_as_of(catalog, period, date_from, date_to, as_of)
    refuse_output(output, force, paths)
    selection = _selection(catalog, unit, group, task, only_failing, _enum_value(sort))
    fail = fail_severities(fail_on.value)
    request = _check_request(paths, window, day, selection, sheet, limit, fail, calendar)
    request = replace(request, as_of_from_logs=from_logs)
    report = run_check_with_progress(catalog, request)
    code = check_exit_status(report, allow_bad_rows, fail, language)
    if output is None and fmt == ListFormat.table and sys.stdout.isatty():
        # On a terminal: colours and the real width; files and pipes get plain text.
        _print_check(report, catalog, language, max_problems, calendar)
    elif output is None or code != EXIT_ERROR:  # a run that cannot be used writes no file
        text = _check_text(report, catalog, fmt, language, max_problems, calendar)
        if no_bom:
            text = text.removeprefix("\ufeff")
        write_or_emit(text, output, paths, force)
    raise typer.Exit(code)


def _check_request(paths: list[Path], window: Window, day: dt.date, selection: Selection,
                   sheet: str | None, limit: list[str] | None, fail: Collection[str],
                   calendar: bool) -> CheckRequest:
    """The engine request of `check`: per-period detail only when the calendar is drawn."""
    from .reader import ReadOptions
    from .service import CheckRequest, parse_limits

    return CheckRequest(paths=paths, window=window, as_of=day, selection=selection,
                        read=ReadOptions(sheet=sheet, limits=parse_limits(limit)),
                        fail_on=fail, detail=calendar)


def _print_check(report: CheckReport, catalog: Catalog, lang: Lang, max_problems: int,
                 calendar: bool) -> None:
    """Draw the check on the terminal with rich (colours, real width), then the calendar."""
    from rich.console import Console

    from .render.check import check_renderables

    console = Console()
    for renderable in check_renderables(report, catalog, lang, max_problems, console.width):
        console.print(renderable)
    if calendar:
        from .render.heatmap import heatmap_renderables

        for renderable in heatmap_renderables(report, catalog, lang):
            console.print(renderable)


def _check_text(report: CheckReport, catalog: Catalog, fmt: ListFormat, lang: Lang,
                max_problems: int, calendar: bool) -> str:
    """The check as plain text in `fmt`, the table followed by the calendar if asked for."""
    text = _render_check(report, catalog, fmt, lang, max_problems)
    if calendar and fmt == ListFormat.table:
        from .render.heatmap import heatmap_renderables
        from .render.table import render_to_text

        text += render_to_text(heatmap_renderables(report, catalog, lang), _width())
    return text


def write_or_emit(text: str, output: Path | None, inputs: list[Path],
                  force: bool = False) -> None:
    """Write `text` atomically to --output (never over an input, nor over an existing file
    without --force), else to stdout."""
    if output is not None:
        from .output import write_atomic

        write_atomic(output, text, inputs=inputs, force=force)
    else:
        emit(text)


def refuse_output(output: Path | None, force: bool, inputs: list[Path]) -> None:
    """Before the run: an --output that is an input is refused, and one that exists needs
    --force (as `report` has always had)."""
    if output is not None:
        from .output import check_output

        check_output(output, force, inputs)


ForceOpt = Annotated[bool, typer.Option("--force", help="Replace an --output file that exists.")]


def check_exit_status(report: CheckReport, allow_bad_rows: bool, fail: Collection[str],
                      lang: Lang) -> int:
    """`service.check_exit_code`, saying on stderr how many rows have errors when it is 2."""
    from .service import check_exit_code

    code = check_exit_code(report, allow_bad_rows, fail)
    if code == EXIT_ERROR:
        bad = report.problem_counts.get("error", 0)
        typer.echo(t("check.bad_rows", lang, n=bad), err=True)
    return code


def _render_check(report: Any, catalog: Any, fmt: ListFormat, lang: Lang, max_problems: int
                  ) -> str:
    if fmt in (ListFormat.json, ListFormat.csv):
        from .render.check_data import check_csv, check_json

        return check_json(report) if fmt == ListFormat.json else check_csv(report, lang)
    from .render import check as render

    if fmt == ListFormat.markdown:
        return render.check_markdown(report, catalog, lang)
    from .render.table import render_to_text

    width = _width()
    return render_to_text(render.check_renderables(report, catalog, lang, max_problems, width),
                          width)


# Commands defined in their own modules register themselves on `app` when imported.
from .commands import register_all  # noqa: E402

register_all()
