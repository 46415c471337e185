"""The engine run shared by `check` and `report`: the window, the as-of date, progress."""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from .options import parse_date_option

if TYPE_CHECKING:
    from rich.progress import Progress

    from ..catalog import Catalog
    from ..periods import Window
    from ..result import CheckReport
    from ..service import CheckRequest
    from ..waivers import Waivers


def window_and_as_of(catalog: Catalog, period: str | None, start: str | None, end: str | None,
                     as_of: str | None) -> tuple[Window, dt.date, bool]:
    """The window, the as-of date (default today), and whether the logs set the as-of
    date instead: when no window and no date was asked for."""
    from ..service import resolve_as_of, resolve_window

    window = resolve_window(catalog, period, parse_date_option(start, "--from"),
                            parse_date_option(end, "--to"))
    from_logs = period is None and start is None and end is None and as_of is None
    return window, resolve_as_of(window, parse_date_option(as_of, "--as-of")), from_logs


def run_check_with_progress(catalog: Catalog, request: CheckRequest) -> CheckReport:
    """`service.run_check`, with a progress bar on stderr for long runs on a terminal."""
    from ..service import run_check

    bar, callback = _progress(list(request.paths))
    try:
        return run_check(catalog, request, callback)
    finally:
        if bar is not None:
            bar.stop()


def _progress(paths: list[Path]
              ) -> tuple[Progress | None, Callable[[int, int], None] | None]:
    """A rich progress bar on stderr for long runs, or None when stderr is not a terminal."""
    if not sys.stderr.isatty():
        return None, None
    total = sum(p.stat().st_size for p in paths if p.is_file())
    if total < 20 * 1024 * 1024 and len(paths) < 20:
        return None, None
    from rich.console import Console
    from rich.progress import BarColumn, DownloadColumn, Progress, TimeRemainingColumn

    bar = Progress("[progress.description]{task.description}", BarColumn(), DownloadColumn(),
                   TimeRemainingColumn(), console=Console(stderr=True), transient=True)
    task = bar.add_task("dxplan", total=total)
    bar.start()

    def advance(done: int, _rows: int) -> None:
        bar.update(task, completed=done)

    return bar, advance


WaiversOpt = Annotated[Path | None, typer.Option(
    "--waivers", help="help.opt.waivers", show_default=False, metavar="FILE")]


def load_waivers_option(catalog: Catalog, path: Path | None) -> Waivers | None:
    """The waivers file given with --waivers, read and checked (None without one)."""
    if path is None:
        return None
    from ..waivers import load_waivers

    return load_waivers(path, catalog)


IgnoreOpt = Annotated[list[str] | None, typer.Option(
    "--ignore", help="help.opt.ignore", show_default=False, metavar="CODE")]


def ignored_codes(codes: list[str] | None) -> frozenset[str]:
    """--ignore codes, each a problem code dxplan has (UsageError otherwise)."""
    from ..entries import PROBLEM_CODES
    from ..errors import UsageError
    from ..i18n import msg

    wanted = frozenset(c.strip() for c in codes or ())
    unknown = sorted(wanted - set(PROBLEM_CODES))
    if unknown:
        raise UsageError(msg("cli.unknown_code", option="--ignore", code=unknown[0],
                             codes=", ".join(PROBLEM_CODES)))
    return wanted


def with_exceptions(request: CheckRequest, catalog: Catalog, waivers: Path | None,
                    ignore: list[str] | None, from_logs: bool) -> CheckRequest:
    """The request of `check` or `report` with what the user set aside: the waivers
    file, the problem codes to ignore, and whether the logs set the as-of date."""
    from dataclasses import replace

    return replace(request, as_of_from_logs=from_logs,
                   waivers=load_waivers_option(catalog, waivers),
                   read=replace(request.read, ignore=ignored_codes(ignore)))
