"""The use cases behind the commands: resolve options, read logs, run the engine.

Every command calls these; there is one reader and one engine.  No printing here:
progress is reported through a callback the CLI supplies.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from .catalog import Catalog
from .engine import Accumulator, Selection, clamp_as_of
from .entries import Findings, Problem
from .errors import UsageError
from .periods import Window, parse_period
from .reader import LogReader, ProblemLog, ReadLimits, ReadOptions
from .reader.paths import walk_tree
from .reader.sources import FORMATS
from .result import CheckReport
from .text import suggest

Progress = Callable[[int, int], None]  # (bytes read so far, rows read so far)


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
        if start and end and start > end:
            raise UsageError(f"--from {start} is after --to {end}")
        span = f"{plan_window.start}..{plan_window.end}"
        if end and end < plan_window.start:
            raise UsageError(f"--to {end} is before the plan period {span}")
        if start and start > plan_window.end:
            raise UsageError(f"--from {start} is after the plan period {span}")
        wanted = Window(start or plan_window.start, end or plan_window.end)
    window = wanted.intersect(plan_window)
    if window is None:
        raise UsageError(
            f"{wanted.start}..{wanted.end} is outside the plan period "
            f"{plan_window.start}..{plan_window.end}"
        )
    return window


def resolve_as_of(window: Window, as_of: dt.date | None) -> dt.date:
    """The as-of date (default today) for a window: see `engine.clamp_as_of`."""
    return clamp_as_of(as_of or dt.date.today(), window)


def resolve_unit(catalog: Catalog, name: str, option: str = "--unit") -> str:
    """A unit id from an id, name or alias; UsageError with "did you mean" otherwise."""
    match = catalog.units.lookup(name)
    if match.item is None:
        hint = match.ambiguous or match.suggestions
        raise UsageError(f"{option} {name!r}: unknown unit"
                         + (f" (did you mean {', '.join(hint)}?)" if hint else ""))
    return match.item.id


def check_group(catalog: Catalog, group: str, option: str | None = "--group") -> None:
    """UsageError unless `group` is a group id of the plan."""
    if group in catalog.groups:
        return
    hint = suggest(group, list(catalog.groups))
    where = f"{option} {group!r}: unknown group" if option else f"unknown group {group!r}"
    raise UsageError(f"{where}; groups: {', '.join(catalog.groups)}"
                     + (f" (did you mean {hint[0]!r}?)" if hint else ""))


def ruled_unit(catalog: Catalog, unit_id: str, option: str = "--unit") -> str:
    """`unit_id` if some rule applies to it; else UsageError saying where its items count."""
    if unit_id not in catalog.ruled:
        parent = catalog.units.by_id[unit_id].parent
        raise UsageError(f"{option} {unit_id!r}: no rule of the plan applies to this unit"
                         + (f"; its items count toward {parent!r}" if parent else ""))
    return unit_id


def ruled_members(catalog: Catalog, group: str) -> set[str]:
    """The members of `group` that rules apply to; UsageError when there are none."""
    check_group(catalog, group)
    members = set(catalog.members.get(group, [])) & catalog.ruled
    if not members:
        raise UsageError(f"--group {group!r}: no rule of the plan applies to its units")
    return members


def build_selection(catalog: Catalog, units: Sequence[str] | None = None,
                    group: str | None = None, tasks: Sequence[str] | None = None,
                    only_failing: bool = False, sort: str | None = None) -> Selection:
    """The engine's filters from command-line names (units by name, tasks by STT)."""
    unit_ids = ({ruled_unit(catalog, resolve_unit(catalog, name)) for name in units}
                if units else None)
    if group is not None:
        ruled_members(catalog, group)
    task_ids: set[str] | None = None
    if tasks:
        task_ids = {x.strip().rstrip(".") for x in tasks}
        known = {r.task for r in catalog.plan.rules}
        unknown = sorted(task_ids - known)
        if unknown:
            raise UsageError(f"--task {', '.join(unknown)}: no rule encodes that task; "
                             f"tasks with rules: {', '.join(sorted(known))}")
    return Selection(
        units=frozenset(unit_ids) if unit_ids is not None else None,
        groups=frozenset({group}) if group else None,
        tasks=frozenset(task_ids) if task_ids is not None else None,
        only_failing=only_failing,
        sort=sort,
    )


def report_units(catalog: Catalog, units: Sequence[str] | None, group: str | None,
                 all_units: bool) -> list[str]:
    """The units `report` covers, in plan order; UsageError unless exactly one way is chosen.

    Only units that some rule applies to can be reported on.  `--all` means the
    accountable units (a commune's report is asked for by name or `--group communes`;
    its district's report holds its results too).
    """
    chosen = sum((bool(units), group is not None, all_units))
    if chosen == 0:
        raise UsageError("choose --unit, --group or --all")
    if chosen > 1:
        raise UsageError("give only one of --unit, --group or --all")
    if all_units:
        wanted: set[str] = {u for u in catalog.ruled if catalog.units.by_id[u].parent is None}
    elif group is not None:
        wanted = ruled_members(catalog, group)
    else:
        wanted = {ruled_unit(catalog, resolve_unit(catalog, name)) for name in units or ()}
    return sorted(wanted, key=lambda u: catalog.unit_index[u])


@dataclass(frozen=True)
class CheckRequest:
    """Everything `check` and `report` need besides the plan."""

    paths: Sequence[Path]
    window: Window
    as_of: dt.date
    selection: Selection = field(default_factory=Selection)
    read: ReadOptions = field(default_factory=ReadOptions)
    fail_on: Collection[str] = ("error",)
    keep_evidence: Collection[str] = ()
    detail: bool = True  # per-period results (reports, heatmaps)
    as_of_from_logs: bool = False  # no window or date asked for: judge up to the logs' end


def run_check(catalog: Catalog, request: CheckRequest, progress: Progress | None = None
              ) -> CheckReport:
    """Stream the logs through the reader into the engine and return the report."""
    problems = ProblemLog(keep=request.read.limits.problems)
    reader = LogReader(catalog, request.read, problems, on_progress=progress)
    acc = Accumulator(catalog, request.window, request.as_of, request.keep_evidence,
                      detail=request.detail, as_of_from_logs=request.as_of_from_logs)
    reader.read_into(request.paths, acc.add)
    if progress is not None:
        progress(reader.bytes_read, reader.rows_read)
    return acc.finish(
        request.selection,
        findings=problems.findings(),
        rows_read=reader.rows_read,
        fail_on=request.fail_on,
    )


LIMIT_KEYS = {
    "file-mb": "max_file_bytes", "rows": "max_rows", "field-chars": "max_field_chars",
    "columns": "max_columns", "yaml-aliases": "max_aliases", "yaml-depth": "max_depth",
    "yaml-nodes": "max_nodes", "problems": "problems",
}


MAX_LIMIT = 2**31 - 1  # csv and the C library take limits as a C long


def parse_limits(specs: Sequence[str] | None) -> ReadLimits:
    """Reader limits from `--limit KEY=N` options (defaults for the keys not given)."""
    limits = ReadLimits()
    reader: dict[str, int] = {}
    yaml_limits: dict[str, int] = {}
    for spec in specs or ():
        key, _, raw = spec.partition("=")
        key = key.strip().lower()
        if key not in LIMIT_KEYS:
            raise UsageError(f"--limit {spec!r}: unknown limit; use "
                             + ", ".join(f"{k}=N" for k in LIMIT_KEYS))
        try:
            value = int(raw.strip())
        except ValueError:
            raise UsageError(f"--limit {spec!r}: the value must be a whole number") from None
        if value < 1:
            raise UsageError(f"--limit {spec!r}: the value must be at least 1")
        if value > MAX_LIMIT:
            raise UsageError(f"--limit {spec!r}: the value must be at most {MAX_LIMIT}")
        field_name = LIMIT_KEYS[key]
        if key == "file-mb":
            value *= 1024 * 1024
        (yaml_limits if key.startswith("yaml-") else reader)[field_name] = value
    yaml = replace(limits.yaml, **yaml_limits)
    return replace(limits, yaml=yaml, **reader)


def fail_severities(fail_on: str) -> tuple[str, ...]:
    """The severities whose shortfalls make the run exit 1 (`--fail-on error|warning`)."""
    return ("error", "warning") if fail_on == "warning" else ("error",)


def check_exit_code(report: CheckReport, allow_bad_rows: bool, fail_on: Collection[str]) -> int:
    """0 all rules met or open; 1 a unit falls short; 2 rows with errors (unless allowed)."""
    if report.problem_counts.get("error", 0) and not allow_bad_rows:
        return 2
    if any(r.failing and r.severity in fail_on for r in report.results):
        return 1
    return 0


VALIDATE_SCHEMA = "dxplan.validate/2"


@dataclass(frozen=True)
class ValidateReport:
    """Everything `validate` found in a set of submissions."""

    files: tuple[str, ...]
    rows_read: int
    rows_by_file: dict[str, int]
    entries: int
    findings: Findings

    @property
    def problems(self) -> tuple[Problem, ...]:
        """The problems kept in full (the first of each code per file)."""
        return self.findings.problems

    @property
    def errors(self) -> int:
        """Errors found, all of them counted."""
        return self.findings.errors

    @property
    def warnings(self) -> int:
        """Warnings found, all of them counted."""
        return self.findings.warnings

    def to_dict(self) -> dict[str, object]:
        """The `dxplan.validate/2` JSON document."""
        return {
            "schema": VALIDATE_SCHEMA,
            "files": list(self.files),
            "problems": [p.to_dict() for p in self.problems],
            "problems_truncated": self.findings.truncated,
            "problem_groups": [g.to_dict() for g in self.findings.groups],
            "summary": {"files": len(self.files), "rows_read": self.rows_read,
                        "entries": self.entries, "errors": self.errors,
                        "warnings": self.warnings, "by_code": self.findings.by_code()},
        }


def submission_owners(catalog: Catalog, root: Path) -> tuple[list[Path], dict[Path, str],
                                                              list[Problem]]:
    """Files under `root/<unit-id>/**`, each mapped to its unit; unknown folders are errors."""
    if not root.is_dir():
        raise UsageError(f"--submissions-dir {root}: not a directory")
    paths: list[Path] = []
    owners: dict[Path, str] = {}
    problems: list[Problem] = []
    files, links = walk_tree(root)
    problems += [Problem(str(link), None, "error", "bad-file",
                         "a symbolic link; submissions are read only from real files in the "
                         "folder, links are not followed", hint="commit the file itself")
                 for link in links]
    for path in files:
        if path.suffix.lower() not in FORMATS:
            continue
        parts = path.relative_to(root).parts
        folder = parts[0] if len(parts) > 1 else None
        if folder is None or folder not in catalog.units.by_id:
            hint = None
            if folder is not None:
                close = catalog.units.lookup(folder)
                ids = [close.item.id] if close.item else list(close.suggestions)
                hint = f"did you mean {', '.join(ids)}?" if ids else None
            problems.append(Problem(
                str(path), None, "error", "unknown-submitter",
                f"{'the folder ' + repr(folder) if folder else 'a file outside any unit folder'}"
                f" is not a unit id; put each unit's files in {root}/<unit-id>/",
                hint=hint))
            continue
        paths.append(path)
        owners[path] = folder
    return paths, owners, problems


def run_validate(catalog: Catalog, paths: Sequence[Path], read: ReadOptions,
                 pre_problems: Sequence[Problem] = ()) -> ValidateReport:
    """Read every file with every check on; count all problems, keep the first of each."""
    problems = ProblemLog(keep=read.limits.problems)
    for p in pre_problems:
        problems.add(p)
    reader = LogReader(catalog, read, problems)
    entries = reader.count(paths)
    files = [str(p) for p in paths] + [p.file for p in pre_problems]
    return ValidateReport(
        files=tuple(dict.fromkeys(files)),
        rows_read=reader.rows_read,
        rows_by_file=dict(reader.rows_by_file),
        entries=entries,
        findings=problems.findings(),
    )
