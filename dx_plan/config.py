"""The configuration file: settings a repository pins for every run of dxplan.

`dxplan.toml` (its top-level keys) or the `[tool.dxplan]` table of `pyproject.toml`,
in the nearest directory from the current one upward that has either (`dxplan.toml`
first in one directory); `DXPLAN_CONFIG=FILE` names the file instead, and
`DXPLAN_CONFIG=` (empty) turns the search off (tests, CI).  Keys: `plan`, `lang`,
`fail-on`, `require-url`, `strict`, `submissions-dir`, `max-problems`, a `limits`
table of the `--limit` keys, and `[check]`, `[validate]`, `[report]` tables that
override them for one command.  Paths are relative to the file's directory.

This module finds, parses and validates the file (no typer, no rich; `tomllib` is
imported only when there is a file to read, so a run without one pays nothing).
`dx_plan.commands.config` turns it into click's `default_map`, below the command
line and the environment variables.  Every mistake is an `InputError` naming the
file, the line and the key.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, TypeAlias

from .errors import InputError
from .i18n import Msg, OneOf, msg

if TYPE_CHECKING:
    from collections.abc import Sequence

CONFIG_ENV = "DXPLAN_CONFIG"
FILE_NAME = "dxplan.toml"
PYPROJECT = "pyproject.toml"
MAX_BYTES = 1 << 20  # a configuration is a few lines; anything larger is not one

Value: TypeAlias = "str | bool | int | Path | None"
Kind = Literal["path", "choice", "bool", "count", "limits"]

# config key → (kind, the parameter name the commands declare)
KEYS: dict[str, tuple[Kind, str]] = {
    "plan": ("path", "plan"),
    "lang": ("choice", "lang"),
    "fail-on": ("choice", "fail_on"),
    "require-url": ("bool", "require_url"),
    "strict": ("bool", "strict"),
    "submissions-dir": ("path", "submissions_dir"),
    "max-problems": ("count", "max_problems"),
    "limits": ("limits", "limit"),
    "waivers": ("path", "waivers"),
}
CHOICES: dict[str, tuple[str, ...]] = {"lang": ("vi", "en"), "fail-on": ("error", "warning")}
# The settings an environment variable also gives (it wins over the file).
ENVIRONMENT: dict[str, str] = {"plan": "DXPLAN_PLAN", "lang": "DXPLAN_LANG"}
# The commands with a table of their own, and the keys each takes.
COMMANDS: dict[str, tuple[str, ...]] = {
    "check": ("plan", "lang", "fail-on", "max-problems", "limits", "waivers"),
    "validate": ("plan", "lang", "require-url", "strict", "submissions-dir", "max-problems",
                 "limits"),
    "report": ("plan", "lang", "fail-on", "limits", "waivers"),
}


@dataclass(frozen=True)
class Setting:
    """One value the file sets (paths made absolute) and the line that sets it."""

    value: Value
    line: int | None


@dataclass(frozen=True)
class Config:
    """The file found (None: none, or the search is off) and what it sets: `settings` for
    every command, `commands` per command; limits as "limits.<key>" settings."""

    path: Path | None = None
    search: Literal["found", "explicit", "none", "disabled"] = "none"
    settings: dict[str, Setting] = field(default_factory=dict)
    commands: dict[str, dict[str, Setting]] = field(default_factory=dict)

    def for_command(self, command: str | None) -> dict[str, Setting]:
        """The settings of `command`: its own table over the top-level ones."""
        return {**self.settings, **self.commands.get(command or "", {})}


def load_config(start: Path | None = None, environ: Mapping[str, str] | None = None) -> Config:
    """The configuration for a run from `start` (default: the current directory)."""
    env = os.environ if environ is None else environ
    path, search = find_config(start, env)
    if path is None:
        return Config(search=search)
    text = _read(path, env)
    settings, commands = _validate(path, text)
    return Config(path, search, settings, commands)


def find_config(start: Path | None, environ: Mapping[str, str]
                ) -> tuple[Path | None, Literal["found", "explicit", "none", "disabled"]]:
    """$DXPLAN_CONFIG (empty: no file), else the nearest dxplan.toml or pyproject.toml
    with a [tool.dxplan] table from `start` upward."""
    named = environ.get(CONFIG_ENV)
    if named is not None:
        return (Path(named).expanduser(), "explicit") if named.strip() else (None, "disabled")
    try:
        here = (start or Path.cwd()).absolute()
    except OSError:  # the current directory was removed
        return None, "none"
    for folder in (here, *here.parents):
        if (folder / FILE_NAME).is_file():
            return folder / FILE_NAME, "found"
        pyproject = folder / PYPROJECT
        if pyproject.is_file() and _has_dxplan_table(pyproject):
            return pyproject, "found"
    return None, "none"


# A [tool.dxplan…] header, a dotted tool.dxplan… key, or a bare [tool] table (which may
# hold `dxplan = {…}`): only then is a pyproject.toml parsed (tomllib costs start-up time).
_MENTIONS = re.compile(rb"""(?m)^[ \t]*(\[[ \t]*tool[ \t]*\.[ \t]*["']?dxplan\b"""
                       rb"""|tool[ \t]*\.[ \t]*["']?dxplan\b|\[[ \t]*tool[ \t]*\])""")


def _has_dxplan_table(path: Path) -> bool:
    """Whether a pyproject.toml has a [tool.dxplan] table (unreadable: it has none)."""
    try:
        data = path.read_bytes()[: MAX_BYTES + 1]
    except OSError:
        return False
    if not _MENTIONS.search(data):
        return False
    try:
        tool = _parse(path, data.decode("utf-8")).get("tool")
    except (InputError, UnicodeDecodeError):
        # Say what is wrong with it when it is read, if it is about dxplan at all: a
        # broken pyproject.toml of another tool must not stop every command.
        return b"dxplan" in data
    return isinstance(tool, dict) and "dxplan" in tool


def _read(path: Path, environ: Mapping[str, str]) -> str:
    """The text of the file; InputError when it is missing, not a file, too large or
    not UTF-8 (a FIFO would block a read forever)."""
    import stat

    name = str(path)
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            raise InputError(msg("config.not_regular", file=name))
        if info.st_size > MAX_BYTES:
            raise InputError(msg("config.too_big", file=name, most=MAX_BYTES // 1024))
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputError(msg("config.missing", file=name, env=CONFIG_ENV)) from None
    except OSError as exc:
        raise InputError(msg("config.unreadable", file=name,
                             reason=str(exc.strerror or exc))) from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InputError(msg("config.not_utf8", file=name)) from None


def _parse(path: Path, text: str) -> dict[str, Any]:
    """The TOML document; InputError with tomllib's line and words when it is not TOML."""
    import tomllib

    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        detail = str(exc)
        at = re.search(r"\s*\(at line (\d+), column \d+\)|\s*\(at end of document\)", detail)
        line = at[1] if at and at[1] else str(text.count("\n") + 1)
        where = f"{path}:{line}"
        raise InputError(msg("config.syntax", where=where,
                             detail=detail[: at.start()] if at else detail)) from None


@dataclass(frozen=True)
class _Doc:
    """The file being validated: its path, its lines, and where its dxplan table sits."""

    path: Path
    lines: Sequence[str]
    prefix: tuple[str, ...]  # ("tool", "dxplan") in a pyproject.toml

    def error(self, keys: tuple[str, ...], problem: Msg) -> InputError:
        """'<file>:<line>: <key>: <problem>' for the key at `keys` in the dxplan table."""
        line = key_line(self.lines, self.prefix + keys[:-1], keys[-1])
        where = f"{self.path}:{line}" if line else str(self.path)
        return InputError(msg("config.error", where=where, key=".".join(keys), problem=problem))

    def line(self, keys: tuple[str, ...]) -> int | None:
        return key_line(self.lines, self.prefix + keys[:-1], keys[-1])


def _validate(path: Path, text: str) -> tuple[dict[str, Setting], dict[str, dict[str, Setting]]]:
    """The settings of the file, top-level and per command, each checked."""
    data = _parse(path, text)
    is_pyproject = path.name == PYPROJECT
    doc = _Doc(path, text.splitlines(), ("tool", "dxplan") if is_pyproject else ())
    if is_pyproject:
        tool = data.get("tool", {})
        data = tool.get("dxplan", {}) if isinstance(tool, dict) else {}
        if not isinstance(data, dict):
            line = key_line(doc.lines, ("tool",), "dxplan")
            raise InputError(msg("config.error", where=f"{path}:{line}" if line else str(path),
                                 key="tool.dxplan",
                                 problem=msg("config.want_table", key="tool.dxplan")))
    settings = _table(doc, data, None)
    commands: dict[str, dict[str, Setting]] = {}
    for name in COMMANDS:
        if name in data:
            table = data[name]
            if not isinstance(table, dict):
                raise doc.error((name,), msg("config.want_table", key=name))
            commands[name] = _table(doc, table, name)
    return settings, commands


def _table(doc: _Doc, table: dict[str, Any], command: str | None) -> dict[str, Setting]:
    """The settings of the top-level table (`command` None) or of one command's table."""
    scope = (command,) if command else ()
    allowed = COMMANDS[command] if command else tuple(KEYS)
    out: dict[str, Setting] = {}
    for key, value in table.items():
        if command is None and key in COMMANDS:
            continue
        if key not in allowed:
            known = ", ".join(allowed + (() if command else tuple(COMMANDS)))
            problem = (msg("config.not_for_command", command=command, known=known)
                       if command and key in KEYS else msg("config.unknown_key", known=known))
            raise doc.error((*scope, key), problem)
        if key == "limits":
            out.update(_limits(doc, (*scope, key), value))
        else:
            out[key] = Setting(_value(doc, (*scope, key), value), doc.line((*scope, key)))
    return out


def _value(doc: _Doc, keys: tuple[str, ...], value: object) -> Value:
    """One setting checked against its kind; paths relative to the file's directory."""
    key = keys[-1]
    kind = KEYS[key][0]
    if kind == "bool":
        if not isinstance(value, bool):
            raise doc.error(keys, msg("config.want_bool"))
        return value
    if kind == "count":
        return _whole(doc, keys, value, None)
    if not isinstance(value, str):
        example = '"vi"' if key == "lang" else '"error"' if key == "fail-on" else '"dir/file"'
        raise doc.error(keys, msg("config.want_text", example=example))
    if kind == "choice":
        if value not in CHOICES[key]:
            raise doc.error(keys, msg("config.bad_choice", choices=OneOf(CHOICES[key])))
        return value
    if not value.strip():
        raise doc.error(keys, msg("config.empty_path"))
    return doc.path.absolute().parent / Path(value).expanduser()


def _whole(doc: _Doc, keys: tuple[str, ...], value: object, most: int | None) -> int:
    """A whole number from 1 to `most`."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise doc.error(keys, msg("config.want_whole"))
    if value < 1:
        raise doc.error(keys, msg("config.too_small", min=1))
    if most is not None and value > most:
        raise doc.error(keys, msg("config.too_large", most=most))
    return value


def _limits(doc: _Doc, keys: tuple[str, ...], value: object) -> dict[str, Setting]:
    """The `limits` table: "limits.<key>" settings, each a whole number the reader takes."""
    from .service import LIMIT_KEYS, MAX_LIMIT

    if not isinstance(value, dict):
        raise doc.error(keys, msg("config.want_table", key=".".join(keys)))
    out: dict[str, Setting] = {}
    for name, number in value.items():
        if name not in LIMIT_KEYS:
            raise doc.error((*keys, name), msg("config.unknown_key", known=", ".join(LIMIT_KEYS)))
        out[f"limits.{name}"] = Setting(_whole(doc, (*keys, name), number, MAX_LIMIT),
                                        doc.line((*keys, name)))
    return out


def key_line(lines: Sequence[str], table: tuple[str, ...], key: str) -> int | None:
    """The line (1-based) that sets `key` in `table`, by a plain scan of the text: `key =`
    under the table's header, or a dotted `a.key =` under a parent; else the line of the
    table itself (an inline table, a header); None when nothing is found."""
    current: tuple[str, ...] = ()
    header: int | None = None
    for number, text in enumerate(lines, 1):
        found = _HEADER.match(text)
        if found:
            current = _dotted(found[1])
            header = number if current == table else header
            continue
        if table[: len(current)] == current and _assigns(text, (*table[len(current):], key)):
            return number
    if header is not None:
        return header
    return key_line(lines, table[:-1], table[-1]) if table else None


_HEADER = re.compile(r"^\s*\[(?!\[)\s*([^\[\]]+?)\s*\]\s*(?:#.*)?$")


def _dotted(text: str) -> tuple[str, ...]:
    return tuple(part.strip().strip("\"'") for part in text.split("."))


def _assigns(text: str, keys: tuple[str, ...]) -> bool:
    """Whether the line is `a.b.key = …` for `keys` (bare or quoted)."""
    dotted = r"\s*\.\s*".join(rf"""["']?{re.escape(k)}["']?""" for k in keys)
    return re.match(rf"^\s*{dotted}\s*=", text) is not None


def parameters(config: Config, command: str | None) -> dict[str, object]:
    """click `default_map` entries of one command (None: the top-level settings only), as
    the command's parameters are named: paths as text, limits as ["KEY=N", …]."""
    out: dict[str, object] = {}
    limits: list[str] = []
    for key, setting in config.for_command(command).items():
        if key.startswith("limits."):
            limits.append(f"{key.removeprefix('limits.')}={setting.value}")
        else:
            value = setting.value
            out[KEYS[key][1]] = str(value) if isinstance(value, Path) else value
    if limits:
        out["limit"] = limits
    return out


def config_lang(config: Config, command: str | None) -> str | None:
    """The language the file sets for `command` (for --help and errors said before
    click parses anything)."""
    setting = config.for_command(command).get("lang")
    return str(setting.value) if setting is not None else None


@dataclass(frozen=True)
class Source:
    """Where a setting comes from: the built-in default, the file (and line), or an
    environment variable."""

    kind: Literal["default", "file", "environment"]
    file: Path | None = None
    line: int | None = None
    variable: str | None = None


@dataclass(frozen=True)
class Effective:
    """A setting as a run sees it: for every command (`command` None) or for one."""

    key: str
    command: str | None
    value: Value
    source: Source


def effective(config: Config, environ: Mapping[str, str] | None = None) -> list[Effective]:
    """Every setting's value and source for all commands, then each command's own (the
    keys its table sets): an environment variable over the file over the default."""
    env = os.environ if environ is None else environ
    rows = []
    for key, default in defaults().items():
        rows.append(_effective(config, None, key, default, env))
    for command in COMMANDS:
        for key in config.commands.get(command, {}):
            rows.append(_effective(config, command, key, None, env))
    return rows


def _effective(config: Config, command: str | None, key: str, default: Value,
               environ: Mapping[str, str]) -> Effective:
    variable = ENVIRONMENT.get(key)
    if variable and environ.get(variable):
        raw = environ[variable]
        return Effective(key, command, Path(raw) if key == "plan" else raw,
                         Source("environment", variable=variable))
    setting = config.for_command(command).get(key)
    if setting is not None:
        return Effective(key, command, setting.value, Source("file", config.path, setting.line))
    return Effective(key, command, default, Source("default"))


def defaults() -> dict[str, Value]:
    """The built-in value of every setting, limits as "limits.<key>" (file-mb in MiB)."""
    from .entries import GROUPS_LISTED
    from .loader import default_plan_path
    from .reader import ReadLimits
    from .service import LIMIT_KEYS

    limits = ReadLimits()
    out: dict[str, Value] = {
        "plan": default_plan_path(), "lang": "vi", "fail-on": "error", "require-url": False,
        "strict": False, "submissions-dir": None, "max-problems": GROUPS_LISTED,
        "waivers": None}
    for key, name in LIMIT_KEYS.items():
        holder = limits.yaml if key.startswith("yaml-") else limits
        number = getattr(holder, name)
        out[f"limits.{key}"] = number // (1 << 20) if key == "file-mb" else number
    return out
