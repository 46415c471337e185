"""The `dxplan` application: its command tree, and the one place errors become exit codes.

Exit codes: 0 all good; 1 findings (a unit falls short, a submission has errors);
2 could not run (unreadable input, invalid plan, bad option).  Commands return their
code; `DxRoot.main` says every error in the user's language (found on the command
line before parsing, so `--help` and usage errors speak it too).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Sequence
from typing import Annotated, NamedTuple

import typer
from typer._click import Command, Context, Parameter, exceptions
from typer._click.types import IntRange
from typer._types import TyperChoice
from typer.core import TyperOption

from .commands import check, fix, listing, report, template, validate
from .commands import config as config_command
from .commands.options import EXIT_ERROR, EXIT_OK, LangOpt
from .commands.words import DxCommand, DxGroup, UsageProblem, localise
from .config import Config, config_lang
from .errors import DxplanError, PlanError
from .i18n import LANG_ENV, Lang, Msg, OneOf, msg, resolve_lang, say, sentence, t
from .text import safe_text

INTERRUPTED = 130


class DxRoot(DxGroup):
    """The root command: localises the tree, runs it, and turns errors into exit codes."""

    def main(self, args: Sequence[str] | None = None, prog_name: str | None = None,
             complete_var: str | None = None, standalone_mode: bool = True,
             windows_expand_args: bool = True, **extra: object) -> int:
        argv = list(sys.argv[1:] if args is None else args)
        # The configuration file gives the defaults below the command line and DXPLAN_*.
        config, config_error = config_command.read_config()
        lang, debug = _language(argv, config), _flag(argv, "--debug")
        localise(self, lang)

        def run() -> object:
            if config_error is not None:
                raise config_error
            given = {"default_map": config_command.default_map(self, config), **extra}
            return super(DxRoot, self).main(argv, prog_name or "dxplan", complete_var,
                                            False, windows_expand_args, **given)

        code = guarded(run, lang, debug, Usage(self, argv))
        if standalone_mode:
            sys.exit(code)
        return code


app = typer.Typer(name="dxplan", cls=DxRoot, help="help.app", epilog="help.app.examples",
                  no_args_is_help=True, add_completion=True, pretty_exceptions_enable=False,
                  rich_markup_mode=None)
plan_app = typer.Typer(cls=DxGroup, help="help.plan", no_args_is_help=True,
                       rich_markup_mode=None)
app.add_typer(plan_app, name="plan")


def _show_version(value: bool) -> None:
    """`dxplan --version`: the package, and the plan it reads with the SHA-256 of its files
    (the digest reports and JSON name, see `dx_plan.provenance`)."""
    if not value:
        return
    from . import __version__
    from .loader import load_catalog, resolve_plan_path

    typer.echo(f"dxplan {__version__}")
    catalog = load_catalog()
    typer.echo(f"{catalog.plan.plan.id} {catalog.source.sha256[:12]} "
               f"({safe_text(str(resolve_plan_path(None)))})")
    raise typer.Exit()


@app.callback()
def _root(version: Annotated[bool, typer.Option(
        "--version", callback=_show_version, is_eager=True, help="help.opt.version")] = False,
          lang: LangOpt = None) -> None:
    """The root of the command tree (its help is the catalogue's "help.app"); its --lang,
    like every command's, is read before parsing (`_language`)."""


_COMMANDS: tuple[tuple[typer.Typer, str, Callable[..., int]], ...] = (
    (app, "check", check.check_cmd),
    (app, "report", report.report_cmd),
    (app, "validate", validate.validate_cmd),
    (app, "template", template.template_cmd),
    (app, "fix", fix.fix_cmd),
    (app, "units", listing.units_cmd),
    (app, "docs", listing.docs_cmd),
    (app, "tasks", listing.tasks_cmd),
    (app, "config", config_command.config_cmd),
    (plan_app, "show", listing.plan_show),
    (plan_app, "validate", listing.plan_validate),
)
for _app, _name, _func in _COMMANDS:
    _key = f"help.{'plan.' if _app is plan_app else ''}{_name}"
    _app.command(_name, cls=DxCommand, help=_key, epilog=f"{_key}.examples")(_func)


def main() -> None:
    """Console-script entry point; SIGTERM ends a run like Ctrl-C (temp files removed)."""
    import signal

    def terminate(signum: int, frame: object) -> None:
        raise KeyboardInterrupt

    if hasattr(signal, "SIGTERM"):
        signal.signal(signal.SIGTERM, terminate)
    app()


def _language(argv: list[str], config: Config | None = None) -> Lang:
    """--lang as given on the command line (the last one, as click takes it; read before
    click parses anything), else $DXPLAN_LANG, else the configuration file's `lang` (of
    the command the arguments name)."""
    given: str | None = None
    for i, arg in enumerate(argv):
        if arg == "--":
            break
        if arg == "--lang" and i + 1 < len(argv):
            given = argv[i + 1]
        elif arg.startswith("--lang="):
            given = arg.removeprefix("--lang=")
    if given is None and not os.environ.get(LANG_ENV) and config is not None:
        given = config_lang(config, config_command.command_named(argv))
    return resolve_lang(given)


def _flag(argv: list[str], name: str) -> bool:
    return name in argv[: argv.index("--")] if "--" in argv else name in argv


class Usage(NamedTuple):
    """What a usage error is said against: the command tree and the arguments given."""

    root: Command
    argv: list[str]


def guarded(run: Callable[[], object], lang: Lang, debug: bool, usage: Usage) -> int:
    """Run the command tree; every error becomes a message in `lang` and an exit code."""
    try:
        code = run()  # typer turns Ctrl-C (and SIGTERM, see main) into exit code 130
    except typer.Exit as exc:
        code = exc.exit_code
    except exceptions.NoArgsIsHelpError as exc:
        typer.echo(exc.ctx.get_help(), err=True)
        return EXIT_ERROR
    except exceptions.UsageError as exc:
        _usage_error(exc, lang, usage)
        return EXIT_ERROR
    except (typer.Abort, KeyboardInterrupt):
        typer.echo(t("error.interrupted", lang), err=True)
        return INTERRUPTED
    except PlanError as exc:
        typer.echo(t("error.plan_invalid", lang, n=len(exc.issues)), err=True)
        for issue in exc.issues:
            typer.echo(f"  {safe_text(issue.say(lang))}", err=True)
        return EXIT_ERROR
    except DxplanError as exc:
        # File names and option values are the user's text: no terminal escapes.
        typer.echo(f"{t('error.prefix', lang)}: {safe_text(say(exc.message, lang))}", err=True)
        return EXIT_ERROR
    except Exception as exc:
        if debug:
            raise
        error = safe_text(f"{type(exc).__name__}: {exc}")
        typer.echo(t("error.internal", lang, error=error), err=True)
        return EXIT_ERROR
    if code == INTERRUPTED:
        typer.echo(t("error.interrupted", lang), err=True)
    return code if isinstance(code, int) else EXIT_OK


def _usage_error(exc: exceptions.UsageError, lang: Lang, usage: Usage) -> None:
    """Usage line, where to find help, and what is wrong, as click says it, in `lang`."""
    ctx = exc.ctx
    if ctx is not None:
        typer.echo(ctx.get_usage(), err=True)
        typer.echo(t("help.try", lang, command=ctx.command_path) + "\n", err=True)
    text = sentence(_usage_message(exc, usage), lang)
    typer.echo(f"{t('error.prefix', lang)}: {safe_text(text)}", err=True)


def _usage_message(exc: exceptions.UsageError, usage: Usage) -> Msg:
    """The catalogue message for one of click's usage errors."""
    if isinstance(exc, UsageProblem):
        return exc.said
    if isinstance(exc, exceptions.NoSuchOption):
        if exc.possibilities:
            return msg("cli.no_such_option_close", option=exc.option_name,
                       close=OneOf(tuple(sorted(exc.possibilities))))
        return msg("cli.no_such_option", option=exc.option_name)
    if isinstance(exc, exceptions.BadOptionUsage):
        flag = any(getattr(p, "is_flag", False) for p in _options(usage.root, exc.option_name))
        return msg("cli.flag_takes_no_value" if flag else "cli.option_needs_value",
                   option=exc.option_name)
    if isinstance(exc, exceptions.MissingParameter):
        return msg("cli.missing", name=_param_name(exc.param, exc.ctx))
    if isinstance(exc, exceptions.BadParameter):
        return _bad_value(exc, usage.argv)
    return msg("cli.usage", detail=exc.format_message())


def _options(command: Command, name: str) -> list[Parameter]:
    """Every option of the tree called `name` (click does not say which command's)."""
    found = [p for p in command.params if name in getattr(p, "opts", ())]
    for sub in getattr(command, "commands", {}).values():
        found += _options(sub, name)
    return found


def _bad_value(exc: exceptions.BadParameter, argv: list[str]) -> Msg:
    """A value click refused: the choices it accepts, or the least it accepts; a value from
    an environment variable is named as such."""
    name = _param_name(exc.param, exc.ctx)
    kind = getattr(exc.param, "type", None)
    env = _from_environment(exc.param, argv)
    if isinstance(kind, TyperChoice) and env is not None:
        return msg("cli.bad_choice_env", env=env[0], value=env[1],
                   choices=OneOf(tuple(map(str, kind.choices))))
    if isinstance(kind, TyperChoice):
        return msg("cli.bad_choice", name=name, choices=OneOf(tuple(map(str, kind.choices))))
    if isinstance(kind, IntRange) and kind.min is not None:
        return msg("cli.bad_min", name=name, min=int(kind.min))
    return msg("cli.bad_value", name=name, detail=exc.message)


def _from_environment(param: Parameter | None, argv: list[str]) -> tuple[str, str] | None:
    """(variable, value) when the option was not given and its variable was set."""
    envvar = getattr(param, "envvar", None)
    if not isinstance(envvar, str) or envvar not in os.environ:
        return None
    opts: Sequence[str] = getattr(param, "opts", ())
    given = any(a == o or a.startswith(f"{o}=") for a in argv for o in opts)
    return None if given else (envvar, os.environ[envvar])


def _param_name(param: Parameter | None, ctx: Context | None) -> str:
    if param is None:
        return "?"
    if isinstance(param, TyperOption):
        return "/".join(param.opts)
    return param.make_metavar(ctx) if ctx is not None else str(param.name)
