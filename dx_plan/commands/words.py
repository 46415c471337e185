"""The command line in the user's language: help texts, usage lines and typer's own words.

Commands and options declare catalogue keys as their help ("help.check.unit");
`localise` replaces them with the text in the chosen language before click parses
anything, so `--help` and usage errors speak it.  typer marks its few words
("Options", "required", "default: …") for gettext; `typer_words` gives it those
from the catalogue, whose English side is typer's own text.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import typer.core
from typer._click import Command
from typer._click.exceptions import UsageError
from typer.core import TyperArgument, TyperCommand, TyperGroup, TyperOption

from ..i18n import CATALOGUE, Lang, t

if TYPE_CHECKING:
    from typer._click import Context, HelpFormatter

    from ..i18n import Msg


def localise(command: Command, lang: Lang) -> None:
    """Say every help key of `command` and its subcommands in `lang` (in place; the keys
    are remembered, so a tree can be said again in the other language)."""
    keys: dict[str, str | None] = command.__dict__.setdefault(
        "_help_keys", {"help": command.help, "epilog": command.epilog,
                       "options": command.options_metavar})
    command.help = _said(keys["help"], lang)
    command.epilog = _said(keys["epilog"], lang)
    command.options_metavar = _meta(keys["options"], lang)
    if isinstance(command, DxCommand | DxGroup):
        command.lang = lang
    for param in command.params:
        if isinstance(param, TyperOption | TyperArgument):
            said: dict[str, str | None] = param.__dict__.setdefault(
                "_help_keys", {"help": param.help, "metavar": param.metavar})
            param.help = _typer_help(param, lang) or _said(said["help"], lang)
            param.metavar = _meta(said["metavar"], lang)
    if isinstance(command, TyperGroup):
        sub_key: str = command.__dict__.setdefault("_sub_key", command.subcommand_metavar)
        command.subcommand_metavar = _meta(sub_key, lang) or sub_key
        for sub in command.commands.values():
            localise(sub, lang)
    typer.core._ = typer_words(lang)  # type: ignore[attr-defined,assignment]


_TYPER_OPTIONS = frozenset({"install_completion", "show_completion"})


def _meta(metavar: str | None, lang: Lang) -> str | None:
    """A placeholder ("FILE", "[OPTIONS]") in the user's language ("TỆP", "[TÙY_CHỌN]")."""
    key = f"meta.{metavar}"
    return t(key, lang) if key in CATALOGUE else metavar


def _said(text: str | None, lang: Lang) -> str | None:
    return t(text, lang) if text is not None and text in CATALOGUE else text


def _typer_help(param: TyperOption | TyperArgument, lang: Lang) -> str | None:
    """typer's completion options carry English help; ours has their words."""
    key = f"help.opt.{param.name}"
    return t(key, lang) if key in CATALOGUE and param.name in _TYPER_OPTIONS else None


def typer_words(lang: Lang) -> Callable[[str], str]:
    """A gettext function for typer: its English words, or the catalogue's Vietnamese."""
    table = {en: vi for key, (vi, en) in CATALOGUE.items() if key.startswith("typer.")}

    def gettext(message: str) -> str:
        return message if lang == "en" else table.get(message, message)

    return gettext


class _Words:
    """What a command says outside its help keys: the usage line and the --help option."""

    lang: Lang = "vi"

    def format_usage(self, ctx: Context, formatter: HelpFormatter) -> None:
        pieces = self.collect_usage_pieces(ctx)  # type: ignore[attr-defined]
        formatter.write_usage(ctx.command_path, " ".join(pieces),
                              prefix=t("help.usage", self.lang))

    def get_help_option(self, ctx: Context) -> TyperOption | None:
        option = super().get_help_option(ctx)  # type: ignore[misc]
        if option is not None:
            option.help = t("help.opt.help", self.lang)
        return option  # type: ignore[no-any-return]


class DxCommand(_Words, TyperCommand):
    """A dxplan command: its help and usage in the user's language."""

    allow_extra_args = True  # refused below, in the user's words

    def parse_args(self, ctx: Context, args: list[str]) -> list[str]:
        rest = super().parse_args(ctx, args)
        extra_args_error(ctx)
        return rest


class DxGroup(_Words, TyperGroup):
    """A group of dxplan commands (the root and `plan`)."""

    def resolve_command(self, ctx: Context, args: list[str]
                        ) -> tuple[str | None, Command | None, list[str]]:
        name = args[0] if args else ""
        if args and self.get_command(ctx, name) is None and not name.startswith("-"):
            from difflib import get_close_matches

            from ..i18n import OneOf, msg

            close = tuple(get_close_matches(name, list(self.commands), n=3))
            raise UsageProblem(ctx, msg("cli.no_such_command_close", name=name,
                                        close=OneOf(close)) if close
                               else msg("cli.no_such_command", name=name,
                                        commands=", ".join(self.commands)))
        return super().resolve_command(ctx, args)


def extra_args_error(ctx: Context) -> None:
    """A command given arguments it does not take: a usage error in the user's words."""
    if ctx.args and not ctx.resilient_parsing:
        from ..i18n import msg

        raise UsageProblem(ctx, msg("cli.extra_args", args=" ".join(ctx.args)))


class UsageProblem(UsageError):
    """A usage error whose message is a catalogue `Msg` (said in the user's language)."""

    def __init__(self, ctx: Context | None, message: Msg) -> None:
        super().__init__(str(message), ctx)
        self.said = message
