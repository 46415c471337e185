"""`dxplan template`: write the log template a unit fills in (a workbook, or a CSV header).

Only typer and the CLI helpers are imported at module level: the renderer and openpyxl
load inside the command.
"""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from .options import (
    EXIT_OK,
    DebugOpt,
    ForceOpt,
    LangOpt,
    PlanOpt,
    lang_of,
    load,
    say_err,
    write_or_emit,
)


class TemplateFormat(StrEnum):
    """Formats of `template`."""

    xlsx = "xlsx"
    csv = "csv"


SUFFIXES = {".xlsx": TemplateFormat.xlsx, ".csv": TemplateFormat.csv}


def template_cmd(
    unit: Annotated[str | None, typer.Option(
        "--unit", "-u", help="help.template.unit", show_default=False, metavar="UNIT")] = None,
    output: Annotated[Path | None, typer.Option(
        "--output", "-o", help="help.template.output", show_default=False, metavar="FILE")
    ] = None,
    fmt: Annotated[TemplateFormat | None, typer.Option(
        "--format", "-f", help="help.template.format", show_default=False)] = None,
    force: ForceOpt = False,
    plan: PlanOpt = None,
    lang: LangOpt = None,
    debug: DebugOpt = False,
) -> int:
    """Write a log template for one unit (its communes in the unit list) or for every unit;
    return 0 (2 for a bad option or a file that cannot be written)."""
    from ..i18n import t
    from ..service import resolve_unit

    language = lang_of(lang)
    kind = template_format(fmt, output)
    catalog = load(plan)
    unit_id = resolve_unit(catalog, unit) if unit is not None else None
    if kind == TemplateFormat.csv:
        from ..render.template import template_csv

        write_or_emit(template_csv(language), output, [], force)
    else:
        from ..output import write_atomic
        from ..render.template import template_xlsx

        assert output is not None  # template_format refuses a workbook without a file
        write_atomic(output, template_xlsx(catalog, unit_id, language), inputs=[], force=force)
    if output is not None:
        say_err(t("template.written", language, path=output))
    return EXIT_OK


def template_format(fmt: TemplateFormat | None, output: Path | None) -> TemplateFormat:
    """--format, else the suffix of --output (.xlsx, .csv), else xlsx; UsageError for a
    workbook without a file, or a file whose suffix names neither format."""
    from ..errors import UsageError
    from ..i18n import msg

    if fmt is None and output is not None:
        fmt = SUFFIXES.get(output.suffix.lower())
        if fmt is None:
            raise UsageError(msg("template.unknown_suffix", path=str(output),
                                 format_option="--format"))
    kind = fmt or TemplateFormat.xlsx
    if kind == TemplateFormat.xlsx and output is None:
        raise UsageError(msg("template.xlsx_needs_file", format_option="--format",
                             output="--output"))
    return kind
