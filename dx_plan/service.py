"""The use cases behind the commands: resolve options, read logs, run the engine.

Every command calls these; there is one reader and one engine.  No printing here:
progress is reported through a callback the CLI supplies.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from .catalog import Catalog
from .engine import Accumulator, Selection
from .errors import UsageError
from .periods import Window, parse_period
from .reader import LogReader, ProblemLog, ReadOptions
from .result import CheckReport

Progress = Callable[[int, int], None]  # (bytes read so far, rows read so far)
PROGRESS_EVERY = 20_000


def resolve_window(catalog: Catalog, period: str | None = None, start: dt.date | None = None,
                   end: dt.date | None = None) -> Window:
    """The plan's period narrowed by --period or --from/--to (UsageError when outside)."""
    meta = catalog.plan.plan
    plan_window = Window(meta.period_start, meta.period_end)
    if period and (start or end):
        raise UsageError("give either --period or --from/--to, not both")
    wanted = plan_window
    if period:
        try:
            wanted = parse_period(period)
        except ValueError as exc:
            raise UsageError(f"--period {exc}") from None
    elif start or end:
        wanted = Window(start or plan_window.start, end or plan_window.end)
        if wanted.start > wanted.end:
            raise UsageError(f"--from {wanted.start} is after --to {wanted.end}")
    window = wanted.intersect(plan_window)
    if window is None:
        raise UsageError(
            f"{wanted.start}..{wanted.end} is outside the plan period "
            f"{plan_window.start}..{plan_window.end}"
        )
    return window


@dataclass(frozen=True)
class CheckRequest:
    """Everything `check` and `report` need besides the plan."""

    paths: Sequence[Path]
    window: Window
    as_of: dt.date
    selection: Selection = field(default_factory=Selection)
    read: ReadOptions = field(default_factory=ReadOptions)
    keep_problems: int | None = None
    fail_on: Collection[str] = ("error",)
    keep_evidence: Collection[str] = ()


def run_check(catalog: Catalog, request: CheckRequest, progress: Progress | None = None
              ) -> CheckReport:
    """Stream the logs through the reader into the engine and return the report."""
    problems = ProblemLog(keep=request.keep_problems)
    reader = LogReader(catalog, request.read, problems)
    acc = Accumulator(catalog, request.window, request.as_of, request.keep_evidence)
    add = acc.add
    count = 0
    for entry in reader.read(request.paths):
        add(entry)
        count += 1
        if progress is not None and count % PROGRESS_EVERY == 0:
            progress(reader.bytes_read, reader.rows_read)
    if progress is not None:
        progress(reader.bytes_read, reader.rows_read)
    return acc.finish(
        request.selection,
        problems=problems.problems,
        problem_counts={"error": problems.errors, "warning": problems.warnings},
        rows_read=reader.rows_read,
        fail_on=request.fail_on,
    )


def check_exit_code(report: CheckReport, allow_bad_rows: bool, fail_on: Collection[str]) -> int:
    """0 all rules met or open; 1 a unit falls short; 2 rows with errors (unless allowed)."""
    if report.problem_counts.get("error", 0) and not allow_bad_rows:
        return 2
    if any(r.failing and r.severity in fail_on for r in report.results):
        return 1
    return 0
