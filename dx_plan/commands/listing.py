"""`dxplan units`, `docs`, `tasks`, `plan show` and `plan validate`: the plan itself."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from .options import (
    EXIT_OK,
    DebugOpt,
    FormatOpt,
    GroupOpt,
    LangOpt,
    ListFormat,
    PlanOpt,
    emit,
    lang_of,
    load,
    terminal_width,
)


def plan_show(plan: PlanOpt = None, fmt: FormatOpt = ListFormat.table, lang: LangOpt = None,
              debug: DebugOpt = False) -> int:
    """The rules in words: task, who, channel, quota, window, basis, severity."""
    from ..render.listing import render_listing, rules_listing

    emit(render_listing(rules_listing(load(plan), lang_of(lang)), fmt.value, terminal_width()))
    return EXIT_OK


def plan_validate(
    path: Annotated[Path | None, typer.Argument(help="help.plan.validate.path",
                                                metavar="FILE")] = None,
    plan: PlanOpt = None, lang: LangOpt = None, debug: DebugOpt = False,
) -> int:
    """Validate a plan file and its appendices (PlanError lists every problem)."""
    from ..i18n import t

    p = load(path or plan).plan
    typer.echo(t("plan.valid", lang_of(lang), units=len(p.units), channels=len(p.channels),
                 rules=len(p.rules), tasks=len(p.tasks), documents=len(p.documents)))
    return EXIT_OK


def units_cmd(group: GroupOpt = None, plan: PlanOpt = None, fmt: FormatOpt = ListFormat.table,
              lang: LangOpt = None, debug: DebugOpt = False) -> int:
    """The units the plan names (optionally one group)."""
    from ..render.listing import render_listing, units_listing
    from ..service import check_group

    catalog = load(plan)
    if group is not None:
        check_group(catalog, group, option=None)
    emit(render_listing(units_listing(catalog, lang_of(lang), group), fmt.value, terminal_width()))
    return EXIT_OK


def docs_cmd(plan: PlanOpt = None, fmt: FormatOpt = ListFormat.table, lang: LangOpt = None,
             debug: DebugOpt = False) -> int:
    """The legal documents of Phụ lục I with their ids (for the `docs` log column)."""
    from ..render.listing import docs_listing, render_listing

    emit(render_listing(docs_listing(load(plan), lang_of(lang)), fmt.value, terminal_width()))
    return EXIT_OK


def tasks_cmd(plan: PlanOpt = None, fmt: FormatOpt = ListFormat.table, lang: LangOpt = None,
              debug: DebugOpt = False) -> int:
    """The tasks of Phụ lục II verbatim: STT, task, lead, coordinating, timeframe, notes."""
    from ..render.listing import render_listing, tasks_listing

    emit(render_listing(tasks_listing(load(plan), lang_of(lang)), fmt.value, terminal_width()))
    return EXIT_OK
