"""`dxplan report`: what each unit owes, as a page, Markdown, a workbook or JSON.

The numbers come from one `service.run_check` (with `keep_evidence` naming the
selected units, so their delivered items are kept); `dx_plan.report` arranges
them and the renderers print them.  Only typer and the CLI helpers are imported
at module level: the renderers and openpyxl load inside the command.
"""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Collection, Iterator
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from ..i18n import Lang, t
from .check import check_exit_status
from .options import (
    EXIT_ERROR,
    AllowBadRowsOpt,
    AsOfOpt,
    DebugOpt,
    FailOn,
    FailOnOpt,
    FilesArg,
    FromOpt,
    LangOpt,
    LimitOpt,
    OutputOpt,
    PeriodOpt,
    PlanOpt,
    SheetOpt,
    ToOpt,
    emit,
    lang_of,
    load,
    say_err,
    terminal_width,
)
from .run import (
    IgnoreOpt,
    WaiversOpt,
    run_check_with_progress,
    window_and_as_of,
    with_exceptions,
)

if TYPE_CHECKING:
    from ..catalog import Catalog
    from ..periods import Window
    from ..report import Report
    from ..result import CheckReport
    from ..service import CheckRequest


class ReportFormat(StrEnum):
    """Output formats of `report`."""

    markdown = "markdown"
    html = "html"
    xlsx = "xlsx"
    json = "json"


EXTENSIONS = {ReportFormat.markdown: "md", ReportFormat.html: "html", ReportFormat.xlsx: "xlsx",
              ReportFormat.json: "json"}


def report_cmd(
    files: FilesArg,
    unit: Annotated[list[str] | None, typer.Option(
        "--unit", "-u", help="help.report.unit", show_default=False, metavar="UNIT")
    ] = None,
    group: Annotated[str | None, typer.Option(
        "--group", "-g", help="help.report.group", show_default=False, metavar="GROUP")] = None,
    all_units: Annotated[bool, typer.Option(
        "--all", help="help.report.all")] = False,
    period: PeriodOpt = None,
    date_from: FromOpt = None,
    date_to: ToOpt = None,
    as_of: AsOfOpt = None,
    fmt: Annotated[ReportFormat, typer.Option("--format", "-f", help="help.opt.format")
                   ] = ReportFormat.markdown,
    out_dir: Annotated[Path | None, typer.Option(
        "--out-dir", help="help.report.out_dir", show_default=False, metavar="DIR")] = None,
    output: OutputOpt = None,
    force: Annotated[bool, typer.Option("--force", help="help.report.force")] = False,
    sheet: SheetOpt = None,
    allow_bad_rows: AllowBadRowsOpt = False,
    fail_on: FailOnOpt = FailOn.error,
    limit: LimitOpt = None,
    waivers: WaiversOpt = None,
    ignore: IgnoreOpt = None,
    plan: PlanOpt = None,
    lang: LangOpt = None,
    debug: DebugOpt = False,
) -> int:
    """Report to each unit what it delivered and what it still owes, plus a province
    overview; return the exit code (0 met, 1 a selected unit short, 2 unusable).

    Without --out-dir or --output the report goes to stdout (Markdown is drawn by rich
    on a terminal).
    """
    from ..reader import expand_paths
    from ..service import fail_severities, report_units

    language = lang_of(lang)
    catalog = load(plan)
    units = report_units(catalog, unit, group, all_units)
    _check_destination(fmt, out_dir, output)
    paths = expand_paths(files)
    window, day, from_logs = window_and_as_of(catalog, period, date_from, date_to, as_of)
    # Refuse to replace files before the (possibly long) run, not after it.
    names = [f"{u}.{EXTENSIONS[fmt]}" for u in units] + [f"index.{EXTENSIONS[fmt]}"]
    _refuse_to_replace(out_dir, output, names, force)
    fail = fail_severities(fail_on.value)
    request = with_exceptions(_report_request(paths, window, day, units, sheet, limit, fail),
                              catalog, waivers, ignore, from_logs)
    check, report = _run_report(catalog, request, units, fail)
    code = _finish(report, check, language, allow_bad_rows, fail)
    if out_dir is None and output is None:
        _print_report(report, check, catalog, fmt, language)
    elif code != EXIT_ERROR:  # a run that cannot be used writes no file
        _write_report(report, fmt, language, out_dir, output, paths, force, len(names))
    return code


def _check_destination(fmt: ReportFormat, out_dir: Path | None, output: Path | None) -> None:
    """UsageError for --out-dir with --output, or a workbook with neither (before any reading)."""
    from ..errors import UsageError
    from ..i18n import msg

    if out_dir is not None and output is not None:
        raise UsageError(msg("opt.not_both", first="--out-dir", second="--output"))
    if fmt == ReportFormat.xlsx and out_dir is None and output is None:
        raise UsageError(msg("cli.xlsx_needs_file", format_option="--format", output="--output",
                             out_dir="--out-dir"))


def _refuse_to_replace(out_dir: Path | None, output: Path | None, names: list[str],
                       force: bool) -> None:
    """OutputError when a file the report would write exists (unless --force)."""
    from ..output import check_targets

    if out_dir is not None:
        check_targets(out_dir, names, force)
    elif output is not None:
        check_targets(output.parent, [output.name], force)


def _report_request(paths: list[Path], window: Window, day: dt.date, units: list[str],
                    sheet: str | None, limit: list[str] | None, fail: Collection[str]
                    ) -> CheckRequest:
    """The engine request: only the selected units, their delivered items kept as evidence."""
    from ..engine import Selection
    from ..reader import ReadOptions
    from ..service import CheckRequest, parse_limits

    return CheckRequest(paths=paths, window=window, as_of=day,
                        selection=Selection(units=frozenset(units)),
                        read=ReadOptions(sheet=sheet, limits=parse_limits(limit)),
                        fail_on=fail, keep_evidence=units)


def _run_report(catalog: Catalog, request: CheckRequest, units: list[str],
                fail: Collection[str]) -> tuple[CheckReport, Report]:
    """Run the engine once (progress bar on a terminal) and arrange its results as the report."""
    from ..report import build_report

    check = run_check_with_progress(catalog, request)
    return check, build_report(check, catalog, units, fail)


def _print_report(report: Report, check: CheckReport, catalog: Catalog, fmt: ReportFormat,
                  lang: Lang) -> None:
    """The report on stdout: drawn by rich on a terminal when Markdown, else as one document."""
    if fmt == ReportFormat.markdown and _is_terminal():
        _print_terminal(report, check, catalog, lang)
    else:
        text = single_document(report, fmt, lang)
        assert isinstance(text, str)  # a workbook needs --output or --out-dir (checked above)
        emit(text)


def _write_report(report: Report, fmt: ReportFormat, lang: Lang, out_dir: Path | None,
                  output: Path | None, inputs: list[Path], force: bool, n_files: int) -> None:
    """Write the report to --out-dir or --output, then say on stderr what was written."""

    if out_dir is not None:
        write_directory(out_dir, report, fmt, lang, inputs, force)
        say_err(t("report.written", lang, n=n_files, dir=out_dir))
    elif output is not None:
        from ..output import write_atomic

        write_atomic(output, single_document(report, fmt, lang), inputs=inputs, force=force)
        say_err(t("report.written_one", lang, path=output))


def _finish(report: Report, check: CheckReport, lang: Lang, allow_bad_rows: bool,
            fail: Collection[str]) -> int:
    """Print the engine's notes on stderr and return the exit code of the run."""
    from ..render.report_words import notes

    for note in notes(report, lang):
        say_err(note)
    return check_exit_status(check, allow_bad_rows, fail, lang)


def _is_terminal() -> bool:
    return sys.stdout.isatty()


def single_document(report: Report, fmt: ReportFormat, lang: Lang) -> str | bytes:
    """The whole report as one document (stdout or --output)."""
    if fmt == ReportFormat.json:
        from ..render.common import to_json

        return to_json(report.to_dict())
    if fmt == ReportFormat.html:
        from ..render.html import report_html

        return report_html(report, lang)
    if fmt == ReportFormat.xlsx:
        from ..render.xlsx import report_xlsx

        return report_xlsx(report, lang)
    from ..render.report_md import report_markdown

    return report_markdown(report, lang)


def directory_documents(report: Report, fmt: ReportFormat, lang: Lang
                        ) -> Iterator[tuple[str, str | bytes]]:
    """(file name, content) for --out-dir: `<unit-id>.<ext>` per unit, then `index.<ext>`.

    A generator, so a large run holds one unit's page in memory at a time.
    """
    ext = EXTENSIONS[fmt]
    if fmt == ReportFormat.json:
        from ..render.common import to_json

        for u in report.units:
            yield f"{u.unit}.{ext}", to_json(report.unit_dict(u.unit))
        yield f"index.{ext}", to_json(report.to_dict())
    elif fmt == ReportFormat.html:
        from ..render.html import index_html, unit_html

        for u in report.units:
            yield f"{u.unit}.{ext}", unit_html(report, u, lang)
        yield f"index.{ext}", index_html(report, lang, lambda unit: f"{unit}.{ext}")
    elif fmt == ReportFormat.xlsx:
        from ..render.xlsx import report_xlsx

        for u in report.units:
            yield f"{u.unit}.{ext}", report_xlsx(report, lang, units=[u], overview=False)
        yield f"index.{ext}", report_xlsx(report, lang)
    else:
        from ..render.report_md import overview_markdown, unit_markdown

        for u in report.units:
            yield f"{u.unit}.{ext}", unit_markdown(report, u, lang)
        yield f"index.{ext}", overview_markdown(report, lang)


def write_directory(out_dir: Path, report: Report, fmt: ReportFormat, lang: Lang,
                    inputs: list[Path], force: bool) -> None:
    """Write every document atomically (each still refused if it appeared meanwhile)."""
    from ..errors import OutputError
    from ..i18n import msg
    from ..output import write_atomic

    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(msg("out.cannot_create_dir", path=str(out_dir),
                              reason=str(exc.strerror or exc))) from None
    done = 0
    try:
        for name, data in directory_documents(report, fmt, lang):
            write_atomic(out_dir / name, data, inputs=inputs, force=force)
            done += 1
    except BaseException:
        if done:  # say which pages are there, so no one sends a half set as complete
            say_err(t("report.partial", lang, done=done, total=len(report.units) + 1,
                      dir=out_dir))
        raise


def _print_terminal(report: Report, check: CheckReport, catalog: Catalog, lang: Lang) -> None:
    """Markdown drawn by rich, then the calendar in small."""
    from rich.console import Console
    from rich.markdown import Markdown

    from ..render.heatmap import heatmap_renderables, unit_renderables
    from ..render.report_md import report_markdown

    console = Console(width=terminal_width())
    console.print(Markdown(report_markdown(report, lang)))
    if len(report.units) == 1:
        renderables = unit_renderables(report, report.units[0], lang)
    else:
        renderables = heatmap_renderables(check, catalog, lang)
    for renderable in renderables:
        console.print(renderable)
