"""`--report FORMAT=PATH` (repeatable): one run, several outputs beside the console's.

`validate` and `check` share it; each command says which formats it writes.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NamedTuple, TypeVar

import typer

from .options import say_err

if TYPE_CHECKING:
    from ..i18n import Lang

REPORT_OPTION = "--report"
F = TypeVar("F", bound=StrEnum)

ReportOpt = Annotated[list[str] | None, typer.Option(
    REPORT_OPTION, help="help.validate.report", show_default=False, metavar="FORMAT=PATH")]


class ReportSpec(NamedTuple):
    """One `--report FORMAT=PATH`: what to write where."""

    fmt: StrEnum
    path: Path


def parse_reports(specs: Sequence[str] | None, output: Path | None, formats: type[F]
                  ) -> list[ReportSpec]:
    """The `--report` options, checked before anything is read: UsageError for a spec
    without a path, a format the command does not write, or a path another output of the
    run writes."""
    from ..errors import UsageError
    from ..i18n import OneOf, msg

    parsed: list[ReportSpec] = []
    taken = {os.path.abspath(output)} if output is not None else set()
    for spec in specs or ():
        name, _, raw = spec.partition("=")
        if not raw.strip():
            raise UsageError(msg("ci.report.no_path", option=REPORT_OPTION, spec=repr(spec)))
        key = name.strip().lower()
        if key not in formats.__members__:
            raise UsageError(msg("ci.report.bad_format", option=REPORT_OPTION, spec=repr(spec),
                                 format=name.strip(), formats=OneOf(tuple(formats))))
        path = Path(raw)
        if os.path.abspath(path) in taken:
            raise UsageError(msg("ci.report.twice", option=REPORT_OPTION, spec=repr(spec),
                                 path=str(path)))
        taken.add(os.path.abspath(path))
        parsed.append(ReportSpec(formats(key), path))
    return parsed


def write_reports(specs: Sequence[ReportSpec], text_of: Callable[[StrEnum], str],
                  inputs: list[Path], force: bool, lang: Lang) -> None:
    """Write each report atomically (never over an input; over a file only with --force)
    and say on stderr what was written, so CI logs show where reports are."""
    from ..i18n import t
    from ..output import write_atomic
    from ..text import safe_text

    for spec in specs:
        write_atomic(spec.path, text_of(spec.fmt), inputs=inputs, force=force)
        say_err(t("ci.report.written", lang, format=spec.fmt.value,
                  path=safe_text(str(spec.path))))
