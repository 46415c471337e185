"""What every command shares: its options (declared once), and the small helpers that
load the plan, parse dates given on the command line and write outputs.

Help texts are catalogue keys ("help.opt.plan"); `dx_plan.cli` says them in the
user's language when it builds the command tree.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from ..entries import GROUPS_LISTED

if TYPE_CHECKING:
    from ..catalog import Catalog
    from ..i18n import Lang

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
MAX_PROBLEMS_DEFAULT = GROUPS_LISTED


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


class FailOn(StrEnum):
    """Which severities make `check` and `report` exit 1."""

    error = "error"
    warning = "warning"


PlanOpt = Annotated[Path | None, typer.Option(
    "--plan", envvar="DXPLAN_PLAN", help="help.opt.plan", show_default=False,
    metavar="FILE")]
LangOpt = Annotated[LangChoice | None, typer.Option(
    "--lang", envvar="DXPLAN_LANG", help="help.opt.lang", show_default=False,
    case_sensitive=False)]
DebugOpt = Annotated[bool, typer.Option("--debug", help="help.opt.debug")]
FormatOpt = Annotated[ListFormat, typer.Option("--format", "-f", help="help.opt.format")]
GroupOpt = Annotated[str | None, typer.Option(
    "--group", "-g", help="help.opt.group", show_default=False, metavar="GROUP")]
FilesArg = Annotated[list[str], typer.Argument(help="help.arg.files", show_default=False,
                                               metavar="FILES...")]
PeriodOpt = Annotated[str | None, typer.Option(
    "--period", help="help.opt.period", show_default=False, metavar="PERIOD")]
FromOpt = Annotated[str | None, typer.Option("--from", help="help.opt.from",
                                             show_default=False, metavar="DATE")]
ToOpt = Annotated[str | None, typer.Option("--to", help="help.opt.to", show_default=False,
                                           metavar="DATE")]
AsOfOpt = Annotated[str | None, typer.Option("--as-of", help="help.opt.as_of",
                                             show_default=False, metavar="DATE")]
# validate: a date after which rows are in the future (default: today)
FutureAfterOpt = Annotated[str | None, typer.Option("--as-of", help="help.validate.as_of",
                                                    show_default=False, metavar="DATE")]
SheetOpt = Annotated[str | None, typer.Option("--sheet", help="help.opt.sheet",
                                              show_default=False, metavar="NAME")]
LimitOpt = Annotated[list[str] | None, typer.Option(
    "--limit", metavar="KEY=N", help="help.opt.limit", show_default=False)]
MaxProblemsOpt = Annotated[int, typer.Option("--max-problems", min=1, metavar="N",
                                             help="help.opt.max_problems")]
OutputOpt = Annotated[Path | None, typer.Option(
    "--output", "-o", help="help.opt.output", show_default=False, metavar="FILE")]
ForceOpt = Annotated[bool, typer.Option("--force", help="help.opt.force")]
AllowBadRowsOpt = Annotated[bool, typer.Option("--allow-bad-rows", help="help.opt.allow_bad_rows")]
FailOnOpt = Annotated[FailOn, typer.Option("--fail-on", help="help.opt.fail_on")]


def lang_of(option: LangChoice | None) -> Lang:
    """The language of the output: --lang, else $DXPLAN_LANG, else Vietnamese."""
    from ..i18n import resolve_lang

    return resolve_lang(option.value if option else None)


def terminal_width() -> int:
    """The width to draw tables at: $COLUMNS, the terminal's, or 160 for files and pipes."""
    env = os.environ.get("COLUMNS")
    if env and env.isdigit():
        return max(60, int(env))
    try:
        return max(100, os.get_terminal_size(sys.stdout.fileno()).columns)
    except (OSError, ValueError):
        return 160


def load(plan: Path | None) -> Catalog:
    """The plan's catalogue (from --plan, $DXPLAN_PLAN or the shipped plan)."""
    from ..loader import load_catalog

    return load_catalog(plan)


def emit(text: str) -> None:
    """Write text to stdout as UTF-8 whatever the locale."""
    out = sys.stdout
    try:
        out.write(text)
    except UnicodeEncodeError:
        out.buffer.write(text.encode("utf-8"))
    out.flush()


def say_err(text: str) -> None:
    """A line for the user on stderr (notes, what was written)."""
    typer.echo(text, err=True)


def parse_date_option(value: str | None, option: str) -> dt.date | None:
    """A date given on the command line (day-first), or UsageError naming the option."""
    if value is None:
        return None
    from ..dates import DateError, parse_date
    from ..errors import UsageError
    from ..i18n import msg

    try:
        return parse_date(value)
    except DateError as exc:
        raise UsageError(msg("cli.bad_date_option", option=option, value=repr(value),
                             reason=exc.message)) from None




def write_or_emit(text: str, output: Path | None, inputs: list[Path],
                  force: bool = False) -> None:
    """Write `text` atomically to --output (never over an input, nor over an existing file
    without --force), else to stdout."""
    if output is not None:
        from ..output import write_atomic

        write_atomic(output, text, inputs=inputs, force=force)
    else:
        emit(text)


def refuse_output(output: Path | None, force: bool, inputs: list[Path]) -> None:
    """Before the run: an --output that is an input is refused, and one that exists needs
    --force."""
    if output is not None:
        from ..output import check_output

        check_output(output, force, inputs)
