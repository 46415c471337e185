"""`dxplan config`: the settings in effect and where each comes from; and the bridge from
the configuration file (`dx_plan.config`) to click's `default_map`.

click takes a value from the command line, else the option's environment variable
(DXPLAN_PLAN, DXPLAN_LANG), else the `default_map`, else the declared default: so the
file, given as the `default_map`, sits below the command line and the environment.
"""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from .options import EXIT_OK, DebugOpt, LangOpt, emit, lang_of, terminal_width

if TYPE_CHECKING:
    from typer._click import Command

    from ..config import Config, Effective
    from ..errors import DxplanError
    from ..i18n import Lang


class ConfigFormat(StrEnum):
    """Output formats of `config`."""

    table = "table"
    json = "json"


CONFIG_SCHEMA = "dxplan.config/1"


def config_cmd(
    fmt: Annotated[ConfigFormat, typer.Option("--format", "-f", help="help.opt.format")
                   ] = ConfigFormat.table,
    lang: LangOpt = None,
    debug: DebugOpt = False,
) -> int:
    """Print the effective settings and their sources; an invalid file has already stopped
    the run (exit 2) when `DxRoot.main` read it."""
    from ..config import effective, load_config

    config = load_config()
    rows = effective(config)
    if fmt == ConfigFormat.json:
        from ..render.common import to_json

        emit(to_json(config_json(config, rows)))
    else:
        emit(config_table(config, rows, lang_of(lang)))
    return EXIT_OK


def shown(value: object) -> str:
    """A value as it is written in the file: true/false, numbers, paths; none is '—'."""
    if value is None:
        return "—"
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def source_text(row: Effective, lang: Lang) -> str:
    """'mặc định', 'biến môi trường DXPLAN_LANG' or '<file>:<line>'."""
    from ..i18n import t

    source = row.source
    if source.kind == "environment":
        return t("config.source.env", lang, env=source.variable)
    if source.kind == "file":
        return f"{source.file}:{source.line}" if source.line else str(source.file)
    return t("config.source.default", lang)


def heading(config: Config, lang: Lang) -> str:
    """Which file is read, or why none is."""
    from ..config import CONFIG_ENV
    from ..i18n import t

    if config.path is not None:
        return t("config.file", lang, path=config.path)
    if config.search == "disabled":
        return t("config.disabled", lang, env=CONFIG_ENV)
    return t("config.none", lang, dir=Path.cwd())


def config_table(config: Config, rows: list[Effective], lang: Lang) -> str:
    """The heading, a table of setting, command, value and source, and the precedence."""
    from rich.text import Text

    from ..i18n import t
    from ..render.table import render_to_text, simple_table

    header = [t(f"config.col.{k}", lang) for k in ("key", "command", "value", "source")]
    everyone = t("config.all_commands", lang)
    table = simple_table(None, header, [
        [row.key, row.command or everyone, shown(row.value), source_text(row, lang)]
        for row in rows], nowrap=(0, 1))
    return render_to_text([Text(heading(config, lang)), table,
                           Text(t("config.precedence", lang))], terminal_width())


def config_json(config: Config, rows: list[Effective]) -> dict[str, object]:
    """The same as a JSON document: the file, and each setting with its source."""
    settings = []
    for row in rows:
        value = str(row.value) if isinstance(row.value, Path) else row.value
        item: dict[str, object] = {"key": row.key, "command": row.command, "value": value,
                                "source": row.source.kind}
        if row.source.kind == "file":
            item |= {"file": str(row.source.file), "line": row.source.line}
        elif row.source.kind == "environment":
            item["variable"] = row.source.variable
        settings.append(item)
    return {"schema": CONFIG_SCHEMA, "file": str(config.path) if config.path else None,
            "search": config.search, "settings": settings}


def read_config() -> tuple[Config | None, DxplanError | None]:
    """The configuration of this run, or the error that makes the run exit 2 (raised
    inside `cli.guarded`, so it is said like every other error)."""
    from ..config import load_config
    from ..errors import DxplanError

    try:
        return load_config(), None
    except DxplanError as exc:
        return None, exc


def default_map(root: Command, config: Config | None) -> dict[str, object] | None:
    """click's `default_map` for the command tree: each command gets the settings it has
    a parameter for (`check`, `validate`, `report` with their own tables; the commands of
    `plan` only the top-level ones); None without a file."""
    if config is None or config.path is None:
        return None
    return _defaults(root, config, None, top=True)


def _defaults(command: Command, config: Config, name: str | None, top: bool
              ) -> dict[str, object]:
    from ..config import parameters

    names = {param.name for param in command.params}
    out: dict[str, object] = {k: v for k, v in parameters(config, name).items() if k in names}
    subcommands: dict[str, Command] = getattr(command, "commands", {})
    for sub_name, sub in subcommands.items():
        out[sub_name] = _defaults(sub, config, sub_name if top else None, top=False)
    return out


def command_named(argv: list[str]) -> str | None:
    """The command the arguments run ("check"), read before click parses them: the first
    word that is not an option (nor --lang's value)."""
    skip = False
    for arg in argv:
        if arg == "--":
            return None
        if skip:
            skip = False
        elif arg == "--lang":
            skip = True
        elif not arg.startswith("-"):
            return arg
    return None
