"""`dxplan validate`: the CI gate for unit submissions."""

from __future__ import annotations

import datetime as dt
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

if TYPE_CHECKING:
    from ..catalog import Catalog
    from ..reader import ReadOptions
    from ..result import ValidateReport


class ValidateFormat(StrEnum):
    """Output formats of `validate`."""

    text = "text"
    json = "json"
    github = "github"
    junit = "junit"
    sarif = "sarif"


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
    force: ForceOpt = False,
    sheet: SheetOpt = None,
    limit: LimitOpt = None,
    plan: PlanOpt = None,
    lang: LangOpt = None,
    debug: DebugOpt = False,
) -> int:
    """Validate unit submissions for CI: every problem with file, line, code and a fix hint;
    return 0 no errors (warnings allowed unless --strict), 1 errors found."""
    from ..service import run_validate

    language = lang_of(lang)
    catalog = load(plan)
    paths, owners, pre = _submission_paths(catalog, files, submissions_dir)
    refuse_output(output, force, paths)
    options = _read_options(catalog, unit, owners, as_of, sheet, limit, require_url)
    report = run_validate(catalog, paths, options, pre_problems=pre)
    write_or_emit(_render_text(report, fmt, language, max_problems), output, paths, force)
    failed = report.errors > 0 or (strict and report.warnings > 0)
    return EXIT_FINDINGS if failed else EXIT_OK


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


def _render_text(report: ValidateReport, fmt: ValidateFormat, lang: Lang, max_problems: int
                 ) -> str:
    """The validation report as text in the chosen format, the verdict first where it fits."""
    from .. import __version__
    from ..render import ci

    key = "validate.fail" if report.errors else "validate.ok"
    verdict = t(key, lang, files=len(report.files), rows=report.rows_read,
                errors=report.errors, warnings=report.warnings)
    if fmt == ValidateFormat.json:
        from ..render.common import to_json

        return to_json(report.to_dict())
    if fmt == ValidateFormat.github:
        return ci.github(report.findings, verdict, lang)
    if fmt == ValidateFormat.junit:
        return ci.junit(report.files, report.problems, report.rows_by_file, lang)
    if fmt == ValidateFormat.sarif:
        return ci.sarif(report.problems, __version__, report.findings.truncated)
    from rich.text import Text

    from ..render.problems import problem_renderables
    from ..render.table import render_to_text

    listing = problem_renderables(report.findings, lang, max_problems)
    return render_to_text([Text(verdict, style="bold"), *listing], terminal_width())
