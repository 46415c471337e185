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
from .entries import Problem
from .errors import UsageError
from .i18n import OneOf, Param, Span, msg
from .periods import PeriodError, Window, parse_period
from .provenance import Provenance
from .reader import LogReader, ProblemLog, ReadLimits, ReadOptions
from .reader.paths import walk_tree
from .reader.sources import FORMATS
from .result import CheckReport, ValidateReport
from .text import suggest
from .waivers import Waivers

Progress = Callable[[int, int], None]  # (bytes read so far, rows read so far)


WINDOW_OPTIONS = ("--period", "--from", "--to")
UNITS_OPTIONS = ("--unit", "--group", "--all")


def resolve_window(catalog: Catalog, period: str | None = None, start: dt.date | None = None,
                   end: dt.date | None = None,
                   options: tuple[str, str, str] = WINDOW_OPTIONS) -> Window:
    """The plan's period narrowed by a period or a range of days (UsageError when outside);
    `options` name the period, start and end options in errors."""
    meta = catalog.plan.plan
    plan_window = Window(meta.period_start, meta.period_end)
    period_option, start_option, end_option = options
    if period and (start or end):
        raise UsageError(msg("opt.not_both", first=period_option,
                             second=f"{start_option}/{end_option}"))
    wanted = plan_window
    if period:
        try:
            wanted = parse_period(period)
        except PeriodError as exc:
            raise UsageError(msg("opt.bad_period", option=period_option,
                                 reason=exc.message)) from None
    elif start or end:
        _check_range(start, end, plan_window, options)
        wanted = Window(start or plan_window.start, end or plan_window.end)
    window = wanted.intersect(plan_window)
    if window is None:
        raise UsageError(msg("opt.outside_plan", span=_span(wanted), plan=_span(plan_window)))
    return window


def _check_range(start: dt.date | None, end: dt.date | None, plan_window: Window,
                 options: tuple[str, str, str]) -> None:
    """UsageError for a start after the end, or a range wholly before or after the plan."""
    _, start_option, end_option = options
    if start and end and start > end:
        raise UsageError(msg("opt.start_after_end", start_option=start_option, start=start,
                             end_option=end_option, end=end))
    if end and end < plan_window.start:
        raise UsageError(msg("opt.before_plan", option=end_option, day=end,
                             plan=_span(plan_window)))
    if start and start > plan_window.end:
        raise UsageError(msg("opt.after_plan", option=start_option, day=start,
                             plan=_span(plan_window)))


def _span(window: Window) -> Span:
    return Span(window.start, window.end)


def resolve_as_of(window: Window, as_of: dt.date | None) -> dt.date:
    """The as-of date (default today) for a window: see `engine.clamp_as_of`."""
    return clamp_as_of(as_of or dt.date.today(), window)


def resolve_unit(catalog: Catalog, name: str, option: str = "--unit") -> str:
    """A unit id from an id, name or alias; UsageError with "did you mean" otherwise."""
    match = catalog.units.lookup(name)
    if match.item is None:
        hint = match.ambiguous or match.suggestions
        if hint:
            raise UsageError(msg("opt.unknown_unit_guess", option=option, unit=repr(name),
                                 guess=", ".join(hint)))
        raise UsageError(msg("opt.unknown_unit", option=option, unit=repr(name)))
    return match.item.id


def check_group(catalog: Catalog, group: str, option: str | None = "--group") -> None:
    """UsageError unless `group` is a group id of the plan (`option`: how it was given)."""
    if group in catalog.groups:
        return
    hint = suggest(group, list(catalog.groups))
    params: dict[str, Param] = {"group": repr(group), "groups": ", ".join(catalog.groups)}
    if hint:
        params["guess"] = repr(hint[0])
    if option:
        key = "opt.unknown_group_guess" if hint else "opt.unknown_group"
        raise UsageError(msg(key, option=option, **params))
    raise UsageError(msg("group.unknown_guess" if hint else "group.unknown", **params))


def ruled_unit(catalog: Catalog, unit_id: str, option: str = "--unit") -> str:
    """`unit_id` if some rule applies to it; else UsageError saying where its items count."""
    if unit_id not in catalog.ruled:
        parent = catalog.units.by_id[unit_id].parent
        if parent:
            raise UsageError(msg("opt.unruled_unit_parent", option=option, unit=repr(unit_id),
                                 parent=repr(parent)))
        raise UsageError(msg("opt.unruled_unit", option=option, unit=repr(unit_id)))
    return unit_id


def ruled_members(catalog: Catalog, group: str, option: str = "--group") -> set[str]:
    """The members of `group` that rules apply to; UsageError when there are none."""
    check_group(catalog, group, option)
    members = set(catalog.members.get(group, [])) & catalog.ruled
    if not members:
        raise UsageError(msg("opt.unruled_group", option=option, group=repr(group)))
    return members


def ruled_tasks(catalog: Catalog, tasks: Sequence[str], option: str = "--task") -> set[str]:
    """Task ids (Phụ lục II STT) from the command line; UsageError for one no rule encodes."""
    task_ids = {x.strip().rstrip(".") for x in tasks}
    known = {r.task for r in catalog.plan.rules}
    unknown = sorted(task_ids - known)
    if unknown:
        raise UsageError(msg("opt.unruled_task", option=option, tasks=", ".join(unknown),
                             known=", ".join(sorted(known))))
    return task_ids


def build_selection(catalog: Catalog, units: Sequence[str] | None = None,
                    group: str | None = None, tasks: Sequence[str] | None = None,
                    only_failing: bool = False, sort: str | None = None) -> Selection:
    """The engine's filters from command-line names (units by name, tasks by STT)."""
    unit_ids = ({ruled_unit(catalog, resolve_unit(catalog, name)) for name in units}
                if units else None)
    if group is not None:
        ruled_members(catalog, group)
    task_ids = ruled_tasks(catalog, tasks) if tasks else None
    return Selection(
        units=frozenset(unit_ids) if unit_ids is not None else None,
        groups=frozenset({group}) if group else None,
        tasks=frozenset(task_ids) if task_ids is not None else None,
        only_failing=only_failing,
        sort=sort,
    )


def report_units(catalog: Catalog, units: Sequence[str] | None, group: str | None,
                 all_units: bool, options: tuple[str, str, str] = UNITS_OPTIONS) -> list[str]:
    """The units `report` covers, in plan order; UsageError unless exactly one way is chosen
    (`options` name the unit, group and all-units options in errors).

    Only units that some rule applies to can be reported on.  `--all` means the
    accountable units (a commune's report is asked for by name or `--group communes`;
    its district's report holds its results too).
    """
    chosen = sum((bool(units), group is not None, all_units))
    if chosen == 0:
        raise UsageError(msg("opt.choose_one", options=OneOf(options)))
    if chosen > 1:
        raise UsageError(msg("opt.only_one", options=OneOf(options)))
    unit_option, group_option, _ = options
    if all_units:
        wanted: set[str] = {u for u in catalog.ruled if catalog.units.by_id[u].parent is None}
    elif group is not None:
        wanted = ruled_members(catalog, group, group_option)
    else:
        wanted = {ruled_unit(catalog, resolve_unit(catalog, name, unit_option), unit_option)
                  for name in units or ()}
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
    waivers: Waivers | None = None  # approved exceptions (`--waivers`)


def run_check(catalog: Catalog, request: CheckRequest, progress: Progress | None = None
              ) -> CheckReport:
    """Stream the logs through the reader into the engine and return the report."""
    problems = ProblemLog(keep=request.read.limits.problems, ignore=request.read.ignore)
    reader = LogReader(catalog, request.read, problems, on_progress=progress)
    acc = Accumulator(catalog, request.window, request.as_of, request.keep_evidence,
                      detail=request.detail, as_of_from_logs=request.as_of_from_logs,
                      waivers=request.waivers)
    reader.read_into(request.paths, acc.add)
    if progress is not None:
        progress(reader.bytes_read, reader.rows_read)
    report = acc.finish(request.selection, findings=problems.findings(),
                        rows_read=reader.rows_read, fail_on=request.fail_on)
    source = request.waivers.file if request.waivers else ""
    applied = tuple(f"{source}:{w.line}" for w in report.waivers)
    return replace(report, provenance=provenance(catalog, report.as_of, applied))


def provenance(catalog: Catalog, as_of: dt.date | None, waivers: tuple[str, ...] = ()
               ) -> Provenance:
    """What judges a run: the catalogue's plan and files, this dxplan, the as-of date and
    the waivers applied ("file:line")."""
    from . import __version__

    meta = catalog.plan.plan
    return Provenance(meta.id, meta.number, meta.issued, catalog.source, __version__, as_of,
                      waivers)


LIMIT_KEYS = {
    "file-mb": "max_file_bytes", "rows": "max_rows", "field-chars": "max_field_chars",
    "columns": "max_columns", "yaml-aliases": "max_aliases", "yaml-depth": "max_depth",
    "yaml-nodes": "max_nodes", "problems": "problems",
}


MAX_LIMIT = 2**31 - 1  # csv and the C library take limits as a C long


def parse_limits(specs: Sequence[str] | None, option: str = "--limit") -> ReadLimits:
    """Reader limits from `--limit KEY=N` options (defaults for the keys not given)."""
    limits = ReadLimits()
    reader: dict[str, int] = {}
    yaml_limits: dict[str, int] = {}
    for spec in specs or ():
        key, value = _limit(spec, option)
        field_name = LIMIT_KEYS[key]
        if key == "file-mb":
            value *= 1024 * 1024
        (yaml_limits if key.startswith("yaml-") else reader)[field_name] = value
    yaml = replace(limits.yaml, **yaml_limits)
    return replace(limits, yaml=yaml, **reader)


def _limit(spec: str, option: str) -> tuple[str, int]:
    """The key and value of one `KEY=N` spec; UsageError for an unknown key or a bad N."""
    key, _, raw = spec.partition("=")
    key = key.strip().lower()
    if key not in LIMIT_KEYS:
        raise UsageError(msg("opt.limit_unknown", option=option, spec=repr(spec),
                             keys=", ".join(f"{k}=N" for k in LIMIT_KEYS)))
    try:
        value = int(raw.strip())
    except ValueError:
        raise UsageError(msg("opt.limit_not_whole", option=option, spec=repr(spec))) from None
    if value < 1:
        raise UsageError(msg("opt.limit_too_small", option=option, spec=repr(spec)))
    if value > MAX_LIMIT:
        raise UsageError(msg("opt.limit_too_large", option=option, spec=repr(spec),
                             most=MAX_LIMIT))
    return key, value


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


def submission_owners(catalog: Catalog, root: Path, option: str = "--submissions-dir"
                      ) -> tuple[list[Path], dict[Path, str], list[Problem]]:
    """Files under `root/<unit-id>/**`, each mapped to its unit; unknown folders are errors."""
    if not root.is_dir():
        raise UsageError(msg("opt.not_dir", option=option, path=str(root)))
    paths: list[Path] = []
    owners: dict[Path, str] = {}
    files, links = walk_tree(root)
    problems = [Problem(str(link), None, "error", "bad-file", msg("submit.symlink"),
                        hint=msg("submit.symlink_hint"))
                for link in links]
    for path in files:
        if path.suffix.lower() not in FORMATS:
            continue
        parts = path.relative_to(root).parts
        folder = parts[0] if len(parts) > 1 else None
        if folder is None or folder not in catalog.units.by_id:
            problems.append(_unknown_submitter(catalog, root, path, folder))
            continue
        paths.append(path)
        owners[path] = folder
    return paths, owners, problems


def _unknown_submitter(catalog: Catalog, root: Path, path: Path, folder: str | None
                       ) -> Problem:
    """The problem of a file not in a unit's folder (`folder`: its top folder, if any)."""
    if folder is None:
        return Problem(str(path), None, "error", "unknown-submitter",
                       msg("submit.outside_folder", root=str(root)))
    close = catalog.units.lookup(folder)
    ids = [close.item.id] if close.item else list(close.suggestions)
    return Problem(str(path), None, "error", "unknown-submitter",
                   msg("submit.bad_folder", folder=repr(folder), root=str(root)),
                   hint=msg("submit.guess", guess=", ".join(ids)) if ids else None)


def run_validate(catalog: Catalog, paths: Sequence[Path], read: ReadOptions,
                 pre_problems: Sequence[Problem] = ()) -> ValidateReport:
    """Read every file with every check on; count all problems, keep the first of each."""
    problems = ProblemLog(keep=read.limits.problems, ignore=read.ignore)
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
        provenance=provenance(catalog, read.future_after),
    )
