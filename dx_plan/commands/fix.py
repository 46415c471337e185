"""`dxplan fix`: rewrite a log into canonical form, to a new file, reporting every change.

The work is `dx_plan.fixer`'s; this module chooses the format and the target, writes the
new file (atomically: to --output, never over the log unless --in-place) and says on
stderr what changed, row by row, in the user's language.  Only typer and the CLI helpers
are imported at module level.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from .options import (
    EXIT_ERROR,
    EXIT_FINDINGS,
    EXIT_OK,
    DebugOpt,
    ForceOpt,
    LangOpt,
    OutputOpt,
    PlanOpt,
    SheetOpt,
    emit,
    lang_of,
    load,
    refuse_output,
    say_err,
)

if TYPE_CHECKING:
    from ..entries import Problem
    from ..fixer import FixedRow, FixResult, Rendered
    from ..i18n import Lang

REPORT_LINES = 200  # rows described before "… and N more changes"
IN_PLACE, OUTPUT, FORMAT = "--in-place", "--output", "--format"


class FixFormat(StrEnum):
    """Formats `fix` writes."""

    csv = "csv"
    xlsx = "xlsx"
    yaml = "yaml"


SUFFIXES = {".csv": FixFormat.csv, ".xlsx": FixFormat.xlsx, ".yaml": FixFormat.yaml,
            ".yml": FixFormat.yaml}


def fix_cmd(
    log: Annotated[Path, typer.Argument(help="help.fix.log", show_default=False,
                                        metavar="LOG")],
    output: OutputOpt = None,
    fmt: Annotated[FixFormat | None, typer.Option(
        "--format", "-f", help="help.fix.format", show_default=False)] = None,
    in_place: Annotated[bool, typer.Option(IN_PLACE, help="help.fix.in_place")] = False,
    force: ForceOpt = False,
    unit: Annotated[str | None, typer.Option(
        "--unit", "-u", help="help.fix.unit", show_default=False, metavar="UNIT")] = None,
    sheet: SheetOpt = None,
    plan: PlanOpt = None,
    lang: LangOpt = None,
    debug: DebugOpt = False,
) -> int:
    """Rewrite LOG into canonical form; return 0 when every row was fixed or fine, 1 when
    some could not be fixed (kept as they were), 2 when nothing could be written."""
    from ..fixer import FixOptions, fix_log, render
    from ..service import resolve_unit

    language = lang_of(lang)
    kind = fix_format(fmt, output, log, in_place)
    if in_place and kind == FixFormat.xlsx:
        _one_sheet(log)
    refuse_output(output, force, [log])
    catalog = load(plan)
    owner = resolve_unit(catalog, unit) if unit is not None else None
    result = fix_log(catalog, log, FixOptions(sheet, owner, dt.date.today()))
    if result.blocking:
        say_err(_blocked(result, language))
        return EXIT_ERROR
    rendered = render(result, kind.value, language)
    done = _write(rendered, log, output, in_place, force, language)
    for line in report_lines(result, rendered, language):
        say_err(line)
    if done:
        say_err(done)
    return EXIT_FINDINGS if result.unfixable else EXIT_OK


def fix_format(fmt: FixFormat | None, output: Path | None, log: Path, in_place: bool
               ) -> FixFormat:
    """--format, else the suffix of the file written (--output's, or the log's with
    --in-place), else CSV; UsageError for options that do not go together."""
    from ..errors import UsageError
    from ..i18n import msg

    if in_place and output is not None:
        raise UsageError(msg("fix.in_place_and_output", in_place=IN_PLACE, output=OUTPUT))
    if in_place:
        own = SUFFIXES.get(log.suffix.lower())
        if own is None or log.suffix.lower() == ".xlsm":
            raise UsageError(msg("fix.in_place_type", in_place=IN_PLACE, path=str(log),
                                 output=OUTPUT))
        if fmt is not None and fmt != own:
            raise UsageError(msg("fix.in_place_format", in_place=IN_PLACE, format_option=FORMAT,
                                 format=fmt.value, path=str(log)))
        return own
    kind = fmt or (SUFFIXES.get(output.suffix.lower()) if output is not None else None)
    kind = kind or FixFormat.csv
    if kind == FixFormat.xlsx and output is None:
        raise UsageError(msg("fix.xlsx_needs_file", format_option=FORMAT, output=OUTPUT))
    return kind


def _one_sheet(log: Path) -> None:
    """--in-place rewrites a workbook as one sheet: refuse one with others, which it
    would lose (UsageError; write the fixed log with -o instead)."""
    from ..errors import UsageError
    from ..fixer import worksheets
    from ..i18n import msg

    sheets = worksheets(log)
    if sheets > 1:
        raise UsageError(msg("fix.in_place_sheets", in_place=IN_PLACE, path=str(log),
                             n=sheets, output=OUTPUT))


def _write(rendered: Rendered, log: Path, output: Path | None, in_place: bool, force: bool,
           lang: Lang) -> str | None:
    """Write the new file (or the CSV to stdout); the line saying where, if any."""
    from ..i18n import t
    from ..output import write_atomic
    from ..text import safe_text

    if in_place:
        write_atomic(log, rendered.data, inputs=[], force=True)
        return t("fix.replaced", lang, path=safe_text(str(log)))
    if output is not None:
        write_atomic(output, rendered.data, inputs=[log], force=force)
        return t("fix.written", lang, path=safe_text(str(output)))
    assert isinstance(rendered.data, str)  # fix_format refuses a workbook to stdout
    emit(rendered.data)
    return None


def report_lines(result: FixResult, rendered: Rendered, lang: Lang) -> list[str]:
    """What changed, a line per row (the first REPORT_LINES), then the summary line."""
    from ..i18n import t

    lines = [t("fix.file_warned", lang, file=_safe(result.file), problems=_problems(
        [p], lang)) for p in result.loose]
    if result.blank:
        lines.append(t("fix.blank_dropped", lang, n=result.blank))
    moved = any(row.line != new for row, new in zip(result.rows, rendered.lines, strict=True))
    if moved:
        header = result.header_line
        lines.append(t("fix.lines_moved.header", lang, header=header)
                     if header is not None and header > 1 else t("fix.lines_moved", lang))
    described = [text for row, new in zip(result.rows, rendered.lines, strict=True)
                 if (text := describe(row, new, moved, lang))]
    lines += described[:REPORT_LINES]
    if len(described) > REPORT_LINES:
        lines.append(t("fix.more", lang, n=len(described) - REPORT_LINES))
    lines.append(summary(result, lang))
    return lines


def describe(row: FixedRow, new: int, moved: bool, lang: Lang) -> str | None:
    """'dòng 7: đơn vị 'Huyện Bến Lức' → h-ben-luc; …', or None for a row left alone."""
    from ..i18n import t

    parts: list[str] = []
    warnings = [p for p in row.problems if p.severity != "error"]
    if row.unfixable:
        parts.append(t("fix.unfixable", lang, problems=_problems(list(row.problems), lang)))
    else:
        parts += [_change(column, old, value, lang) for column, old, value in row.changes]
        if row.footer:
            parts.append(t("fix.change.footer", lang))
        if row.duplicate_of is not None:
            parts.append(t("fix.change.duplicate", lang, line=row.duplicate_of))
        if warnings:
            parts.append(t("fix.warned", lang, problems=_problems(warnings, lang)))
    if not parts:
        return None
    where = (t("fix.line_moved", lang, line=row.line, new=new) if moved
             else t("fix.line", lang, line=row.line))
    return f"{where}: " + "; ".join(parts)


def _change(column: str, old: str, new: str, lang: Lang) -> str:
    """One cell's change, said: a value read, or only spaces and Unicode tidied."""
    from ..i18n import CATALOGUE, t
    from ..reader.problems import show
    from ..text import nfc

    key = f"fix.col.{column}"
    name = t(key, lang) if key in CATALOGUE else _safe(column)
    if nfc(old.strip()) == new or old.strip() == new:
        return t("fix.change.tidy", lang, column=name)
    if not new:
        return t("fix.change.blank", lang, column=name, old=show(old, 60))
    return t("fix.change.value", lang, column=name, old=show(old, 60), new=show(new, 60))


def _problems(problems: list[Problem], lang: Lang) -> str:
    """Problems said in a line: 'message [code]; …'."""
    from ..i18n import say

    return "; ".join(f"{_safe(say(p.message, lang))} [{p.code}]" for p in problems)


def summary(result: FixResult, lang: Lang) -> str:
    """'N dòng, M dòng đã sửa, K dòng không sửa được (lỗi: bad-date 3, …); W cảnh báo còn
    lại.'"""
    from ..i18n import t

    fixed = sum(row.fixed for row in result.rows)
    warnings = len(result.loose) + sum(p.severity != "error" for row in result.rows
                                       for p in row.problems)
    unfixable = result.unfixable
    rows = sum(not row.blank for row in result.rows)
    if not unfixable:
        return t("fix.summary.clean", lang, rows=rows, fixed=fixed, warnings=warnings)
    codes = Counter(p.code for row in unfixable for p in row.problems if p.severity == "error")
    listed = ", ".join(f"{code} {n}" for code, n in sorted(codes.items(),
                                                          key=lambda item: (-item[1], item[0])))
    return t("fix.summary", lang, rows=rows, fixed=fixed, unfixable=len(unfixable),
             codes=listed, warnings=warnings)


def _blocked(result: FixResult, lang: Lang) -> str:
    """Why nothing was written: the errors that leave rows or the file unreadable."""
    from ..i18n import t

    lines = [t("fix.blocked", lang, file=_safe(result.file))]
    for problem in result.blocking[:REPORT_LINES]:
        where = (t("fix.line", lang, line=problem.line) + ": " if problem.line is not None
                 else "")
        lines.append(f"  {where}{_problems([problem], lang)}")
    if len(result.blocking) > REPORT_LINES:
        lines.append("  " + t("fix.more_problems", lang,
                              n=len(result.blocking) - REPORT_LINES))
    return "\n".join(lines)


def _safe(text: str) -> str:
    """The user's text made safe for a terminal (no escapes)."""
    from ..text import safe_text

    return safe_text(text)
