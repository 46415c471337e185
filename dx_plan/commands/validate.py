"""`dxplan validate`: the CI gate for unit submissions.

One run writes its console output (`--format`, or `--output`) and any number of reports
(`--report junit=j.xml --report sarif=s.sarif`), each atomically; with `--format github`
it also appends a Markdown summary to `$GITHUB_STEP_SUMMARY` when GitHub Actions sets it.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import replace
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from ..entries import Problem
from ..i18n import Lang, t
from .options import (
    EXIT_FINDINGS,
    EXIT_OK,
    MAX_PROBLEMS_DEFAULT,
    DebugOpt,
    ForceOpt,
    FutureAfterOpt,
    LangOpt,
    LimitOpt,
    MaxProblemsOpt,
    OutputOpt,
    PlanOpt,
    SheetOpt,
    lang_of,
    load,
    parse_date_option,
    refuse_output,
    terminal_width,
    write_or_emit,
)
from .reports import ReportOpt, parse_reports, write_reports
from .run import IgnoreOpt, ignored_codes

if TYPE_CHECKING:
    from ..catalog import Catalog
    from ..reader import ReadOptions
    from ..result import ValidateReport

SUMMARY_ENV = "GITHUB_STEP_SUMMARY"  # the file GitHub Actions shows as the step's summary


class ValidateFormat(StrEnum):
    """Output formats of `validate` (console and `--report`)."""

    text = "text"
    json = "json"
    github = "github"
    junit = "junit"
    sarif = "sarif"
    markdown = "markdown"


def validate_cmd(
    files: Annotated[list[str] | None, typer.Argument(
        help="help.validate.files", show_default=False, metavar="FILES...")] = None,
    unit: Annotated[str | None, typer.Option(
        "--unit", "-u", help="help.validate.unit", show_default=False, metavar="UNIT")] = None,
    submissions_dir: Annotated[Path | None, typer.Option(
        "--submissions-dir", help="help.validate.submissions_dir", show_default=False,
        metavar="DIR")] = None,
    as_of: FutureAfterOpt = None,
    require_url: Annotated[bool, typer.Option(
        "--require-url", help="help.validate.require_url")] = False,
    strict: Annotated[bool, typer.Option("--strict", help="help.validate.strict")] = False,
    max_problems: MaxProblemsOpt = MAX_PROBLEMS_DEFAULT,
    fmt: Annotated[ValidateFormat, typer.Option("--format", "-f", help="help.opt.format")
                   ] = ValidateFormat.text,
    output: OutputOpt = None,
    reports: ReportOpt = None,
    force: ForceOpt = False,
    sheet: SheetOpt = None,
    limit: LimitOpt = None,
    ignore: IgnoreOpt = None,
    plan: PlanOpt = None,
    lang: LangOpt = None,
    debug: DebugOpt = False,
) -> int:
    """Validate unit submissions for CI: every problem with file, line, code and a fix hint;
    return 0 no errors (warnings allowed unless --strict), 1 errors found."""
    from ..service import run_validate

    language = lang_of(lang)
    specs = parse_reports(reports, output, ValidateFormat)
    catalog = load(plan)
    paths, owners, pre = _submission_paths(catalog, files, submissions_dir)
    for target in [output, *(spec.path for spec in specs)]:
        refuse_output(target, force, paths)
    summary = step_summary_path(paths) if fmt == ValidateFormat.github else None
    options = replace(_read_options(catalog, unit, owners, as_of, sheet, limit, require_url),
                      ignore=ignored_codes(ignore))
    report = run_validate(catalog, paths, options, pre_problems=pre)
    wanted = {fmt, *(ValidateFormat(spec.fmt) for spec in specs)}
    if summary is not None:
        wanted.add(ValidateFormat.markdown)
    texts = {kind: _render_text(report, kind, language, max_problems) for kind in wanted}
    write_or_emit(texts[fmt], output, paths, force)
    write_reports(specs, lambda kind: texts[ValidateFormat(kind)], paths, force, language)
    if summary is not None:
        append_summary(summary, texts[ValidateFormat.markdown])
    failed = report.errors > 0 or (strict and report.warnings > 0)
    return EXIT_FINDINGS if failed else EXIT_OK


def step_summary_path(inputs: list[Path]) -> Path | None:
    """`$GITHUB_STEP_SUMMARY` when set (GitHub Actions sets it for every step), else None;
    OutputError, before the run, when it names one of the files being validated."""
    from ..errors import OutputError
    from ..i18n import msg

    value = os.environ.get(SUMMARY_ENV, "")
    if not value:
        return None
    path = Path(value)
    target = os.path.realpath(path)
    if any(os.path.realpath(source) == target for source in inputs):
        raise OutputError(msg("ci.summary.is_input", env=SUMMARY_ENV, path=value))
    return path


def append_summary(path: Path, text: str) -> None:
    """Append `text` to the step summary file: GitHub concatenates what each step appends,
    so it is never overwritten; a blank line first keeps the heading a heading."""
    from ..errors import OutputError
    from ..i18n import msg

    try:
        with open(path, "a", encoding="utf-8") as handle:
            handle.write("\n" + text)
    except OSError as exc:
        raise OutputError(msg("ci.summary.cannot_write", env=SUMMARY_ENV, path=str(path),
                              reason=str(exc.strerror or exc))) from None


def _submission_paths(catalog: Catalog, files: list[str] | None, submissions_dir: Path | None
                      ) -> tuple[list[Path], dict[Path, str], list[Problem]]:
    """The files to validate, the unit owning each --submissions-dir file, problems met there."""
    from ..errors import UsageError
    from ..i18n import msg
    from ..reader import expand_paths
    from ..service import submission_owners

    if not files and submissions_dir is None:
        raise UsageError(msg("cli.need_files", option="--submissions-dir"))
    paths = expand_paths(files) if files else []
    owners: dict[Path, str] = {}
    pre: list[Problem] = []
    if submissions_dir is not None:
        found, owners, pre = submission_owners(catalog, submissions_dir)
        paths += found
    return paths, owners, pre


def _read_options(catalog: Catalog, unit: str | None, owners: dict[Path, str],
                  as_of: str | None, sheet: str | None, limit: list[str] | None,
                  require_url: bool) -> ReadOptions:
    """Reader options for a submission: evidence checked, each file's rows owned by its unit."""
    from ..reader import ReadOptions
    from ..service import parse_limits, resolve_unit

    owner_id = resolve_unit(catalog, unit) if unit is not None else None

    def owner(path: Path) -> str | None:
        return owners.get(path, owner_id)

    day = parse_date_option(as_of, "--as-of") or dt.date.today()
    limits = parse_limits(limit)
    return ReadOptions(sheet=sheet, limits=limits, future_after=day, check_evidence=True,
                       require_url=require_url, owner=owner)


def _verdict(report: ValidateReport, lang: Lang) -> str:
    """'4 files, 65 rows: 2 errors, 0 warnings.' (or '…: no errors (0 warnings).')."""
    key = "validate.fail" if report.errors else "validate.ok"
    return t(key, lang, files=len(report.files), rows=report.rows_read,
             errors=report.errors, warnings=report.warnings)


def _render_text(report: ValidateReport, fmt: ValidateFormat, lang: Lang, max_problems: int
                 ) -> str:
    """The validation report as text in the chosen format, the verdict first where it fits."""
    from .. import __version__
    from ..render import ci

    verdict = _verdict(report, lang)
    if fmt == ValidateFormat.json:
        from ..render.common import to_json

        return to_json(report.to_dict())
    if fmt == ValidateFormat.github:
        return ci.github(report.findings, verdict, lang)
    if fmt == ValidateFormat.junit:
        return ci.junit(report.files, report.problems, report.rows_by_file, lang)
    if fmt == ValidateFormat.sarif:
        return ci.sarif(report.problems, __version__, report.findings.truncated)
    if fmt == ValidateFormat.markdown:
        return ci.markdown_summary(report.findings, report.files, report.rows_by_file,
                                   verdict, lang)
    from rich.text import Text

    from ..render.problems import problem_renderables
    from ..render.table import render_to_text

    listing = problem_renderables(report.findings, lang, max_problems)
    return render_to_text([Text(verdict, style="bold"), *listing], terminal_width())
