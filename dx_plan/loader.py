"""Load a plan from YAML: parse safely, validate the models, check every cross-reference.

The shipped plan lives in `data/` of the source tree and in `dx_plan/_data` of an
installed wheel (hatch force-include), so there is one copy of it.  `--plan PATH`
or `DXPLAN_PLAN` selects another plan file; its appendices are found next to it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import stat
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from . import plan_cache
from .catalog import Catalog
from .errors import InputError, Issue, PlanError
from .i18n import Msg, Span, msg
from .models import Plan, PlanMeta, Rule, Task, Unit, plan_shape, validate_plan
from .plan_cache import code_digest
from .provenance import PlanSource
from .text import fold
from .yamlsafe import LoadedYaml, YamlLimits, YamlLoadError, load_yaml

if TYPE_CHECKING:
    from pydantic import ValidationError

PLAN_ENV = "DXPLAN_PLAN"
MAX_PLAN_BYTES = 20 * 1024 * 1024
PLAN_SCHEMA = "dxplan.plan/1"


def default_plan_path() -> Path:
    """Path of the shipped plan: the wheel's `_data` or the source tree's `data/`."""
    packaged = resources.files("dx_plan") / "_data" / "plan.yaml"
    if packaged.is_file():
        return Path(str(packaged))
    return Path(__file__).resolve().parent.parent / "data" / "plan.yaml"


def resolve_plan_path(option: str | os.PathLike[str] | None) -> Path:
    """The plan file to use: the option, else $DXPLAN_PLAN, else the shipped plan."""
    if option:
        return Path(option)
    env = os.environ.get(PLAN_ENV)
    if env:
        return Path(env)
    return default_plan_path()


@dataclass(frozen=True)
class _Part:
    name: str
    loaded: LoadedYaml
    key: str | None = None  # the top-level key this file contributes (None: the main file)


def _read_bytes(path: Path) -> bytes:
    try:
        if path.is_dir():
            raise InputError(msg("plan_file.is_dir", path=str(path)))
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            # A FIFO or device would block read_bytes() forever.
            raise InputError(msg("plan_file.not_regular", path=str(path)))
        size = info.st_size
        if size > MAX_PLAN_BYTES:
            raise InputError(msg("plan_file.too_large", path=str(path), size=size,
                                  limit=MAX_PLAN_BYTES))
        return path.read_bytes()
    except FileNotFoundError:
        raise InputError(msg("plan_file.not_found", path=str(path), env=PLAN_ENV)) from None
    except OSError as exc:
        raise InputError(msg("plan_file.cannot_read", path=str(path),
                              reason=str(exc.strerror or exc))) from None


def _parse(path: Path, raw: bytes | None = None) -> LoadedYaml:
    data = _read_bytes(path) if raw is None else raw
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(msg("plan_file.not_utf8", path=str(path), offset=exc.start)) from None
    try:
        return load_yaml(text, str(path), YamlLimits(max_aliases=0))
    except YamlLoadError as exc:
        raise PlanError(exc.issues) from None


CACHE_ENV = "DXPLAN_CACHE_DIR"
NO_CACHE_ENV = "DXPLAN_NO_CACHE"
# Part of the cache key, with the plan classes' fields (models.plan_shape): bump it when
# what is pickled changes in another way, so a cache written by an older build of the
# same version is never read.
CACHE_FORMAT = 2  # 2: plan classes are dataclasses, no longer pydantic models


def _cache_dir() -> Path | None:
    if os.environ.get(NO_CACHE_ENV):
        return None
    explicit = os.environ.get(CACHE_ENV)
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "dxplan"


def _cache_file(plan_path: Path, raw: bytes) -> Path | None:
    directory = _cache_dir()
    if directory is None:
        return None
    from . import __version__

    head = f"{__version__}\0{CACHE_FORMAT}\0{plan_shape()}\0{code_digest()}\0".encode()
    # os.fsencode: a path may hold bytes that are not UTF-8 (surrogate-escaped).
    key = hashlib.sha256(head + os.fsencode(plan_path.resolve()) + b"\0" + raw).hexdigest()[:32]
    return directory / f"plan-{key}.pickle"


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _cached(cache: Path | None) -> tuple[Plan, Catalog] | None:
    """The validated plan (and its catalog) stored for these bytes, if its included files
    are unchanged too."""
    if cache is None:
        return None
    try:
        loaded = plan_cache.load(cache)  # None unless signed with the user's secret
        if not isinstance(loaded, tuple) or len(loaded) != 3:
            return None
        plan, includes, catalog = loaded
        if not isinstance(plan, Plan) or not isinstance(catalog, Catalog):
            return None
        if not isinstance(includes, dict):
            return None
        for name, digest in includes.items():
            if _digest(Path(name)) != digest:
                return None
        return plan, catalog
    except Exception:  # a stale, foreign or unreadable cache is simply rebuilt
        return None


def _store(cache: Path | None, plan: Plan, catalog: Catalog, parts: list[_Part]) -> None:
    if cache is None:
        return
    try:
        includes = {str(Path(part.name).resolve()): _digest(Path(part.name))
                    for part in parts[1:]}
        # The catalog (name lookups folded for matching) is cached too: building it
        # costs more than unpickling it.
        plan_cache.store(cache, (plan, includes, catalog))
    except OSError:
        pass  # caching is an optimisation: a read-only home must not stop a run


def load_catalog(path: str | os.PathLike[str] | None = None) -> Catalog:
    """`load_plan`, returning the plan's Catalog (cached with the plan)."""
    return _load(path)[1]


def load_plan(path: str | os.PathLike[str] | None = None) -> Plan:
    """Load, validate and cross-check a plan; raise PlanError listing every problem.

    A plan that passed validation is cached (pickled and signed with the user's secret,
    see `plan_cache`, in ``$DXPLAN_CACHE_DIR`` or ``~/.cache/dxplan``) under the hash of
    its bytes, of its included files and of the code that builds it, so
    the next run skips YAML parsing and validation; ``DXPLAN_NO_CACHE=1`` turns it off.
    """
    return _load(path)[0]


# Plans already loaded in this process, by path and bytes (a library or test session
# loads the same plan many times); each use gets the catalogue's per-run state fresh.
_LOADED: dict[tuple[str, bytes], tuple[Plan, Catalog]] = {}


def _load(path: str | os.PathLike[str] | None) -> tuple[Plan, Catalog]:
    plan_path = resolve_plan_path(path)
    raw = _read_bytes(plan_path)
    key = (str(plan_path.resolve()), hashlib.sha256(raw).digest())
    known = _LOADED.get(key)
    if known is not None and _includes_unchanged(plan_path, known[1]):
        return known[0], known[1].for_run()
    cache = _cache_file(plan_path, raw)
    hit = _cached(cache)
    if hit is None:
        plan, catalog, parts = _build(plan_path, raw)
        _store(cache, plan, catalog, parts)
        hit = plan, catalog
    if len(_LOADED) < 8:
        _LOADED[key] = hit
    return hit[0], hit[1].for_run()


def _includes_unchanged(plan_path: Path, catalog: Catalog) -> bool:
    """Whether the included files still have the digests the catalogue was built from."""
    for name, digest in catalog.source.files[1:]:
        try:
            if hashlib.sha256((plan_path.parent / name).read_bytes()).hexdigest() != digest:
                return False
        except OSError:
            return False
    return True


def _source(plan_path: Path, raw: bytes, includes: dict[str, str]) -> PlanSource:
    """The plan file's digest, then each included file's (by file name)."""
    return PlanSource(((plan_path.name, hashlib.sha256(raw).hexdigest()),
                       *((Path(name).name, digest) for name, digest in includes.items())))


def _build(plan_path: Path, raw: bytes) -> tuple[Plan, Catalog, list[_Part]]:
    """Parse, validate and cross-check the plan; its catalogue names the files' digests."""
    parts, data = _assemble(plan_path, _parse(plan_path, raw))
    from pydantic import ValidationError  # only a cache miss validates

    try:
        plan = validate_plan(data)
    except ValidationError as exc:
        raise PlanError(_validation_issues(exc, parts)) from None
    problems = cross_check(plan, parts)
    if problems:
        raise PlanError(problems)
    catalog = Catalog(plan)
    catalog.source = _source(plan_path, raw, {part.name: hashlib.sha256(
        _read_bytes(Path(part.name))).hexdigest() for part in parts[1:]})
    return plan, catalog, parts


def _assemble(plan_path: Path, main: LoadedYaml) -> tuple[list[_Part], dict[str, Any]]:
    """The plan's files (main first, then its includes) and their data as one mapping;
    raise PlanError on a bad shape, schema or include."""
    if not isinstance(main.data, dict):
        raise PlanError([Issue(str(plan_path), 1, None, msg("plan.not_mapping"))])
    issues: list[Issue] = []
    schema = main.data.get("schema", PLAN_SCHEMA)
    if schema != PLAN_SCHEMA:
        issues.append(Issue(str(plan_path), main.line_of(("schema",)), "schema",
                            msg("plan.schema", schema=repr(schema), supported=repr(PLAN_SCHEMA))))
    parts = [_Part(str(plan_path), main), *_included(plan_path, main, issues)]
    if issues:
        raise PlanError(issues)
    data: dict[str, Any] = {k: v for k, v in main.data.items() if k not in ("include", "schema")}
    for part in parts[1:]:
        data[str(part.key)] = part.loaded.data[part.key]
    return parts, data


def _included(plan_path: Path, main: LoadedYaml, issues: list[Issue]) -> list[_Part]:
    """The files named by the plan's `include:` (documents, tasks); adds to `issues` what
    is wrong with them."""
    include = main.data.get("include") or {}
    if not isinstance(include, dict):
        issues.append(Issue(str(plan_path), main.line_of(("include",)), "include",
                            msg("plan.include_not_mapping")))
        return []
    parts = []
    for key, name in include.items():
        if key not in ("documents", "tasks"):
            issues.append(Issue(str(plan_path), main.line_of(("include", key)), f"include.{key}",
                                msg("plan.include_unknown")))
            continue
        sub_path = plan_path.parent / str(name)
        sub = _parse(sub_path)
        if not isinstance(sub.data, dict) or key not in sub.data:
            issues.append(Issue(str(sub_path), 1, key, msg("plan.include_shape", name=key)))
            continue
        parts.append(_Part(str(sub_path), sub, key))
    return parts


def _where(parts: list[_Part], loc: tuple[Any, ...]) -> tuple[str, int | None]:
    top = loc[0] if loc else None
    for part in parts[1:]:
        if top == part.key:
            return part.name, part.loaded.line_of(loc)
    return parts[0].name, parts[0].loaded.line_of(loc)


def _validation_issues(exc: ValidationError, parts: list[_Part]) -> list[Issue]:
    issues = []
    for err in exc.errors():
        loc = tuple(err["loc"])
        name, line = _where(parts, loc)
        issues.append(Issue(name, line, ".".join(str(p) for p in loc),
                            _validation_message(err["type"], err["msg"])))
    return issues


_REPHRASED = {
    "extra_forbidden": "plan.unknown_key",
    "unexpected_keyword_argument": "plan.unknown_key",
    "missing": "plan.missing_key",
    # pydantic's wording names the Python class; say what to write instead.
    "dataclass_type": "plan.not_a_mapping_value",
    "model_type": "plan.not_a_mapping_value",
}


def _validation_message(kind: str, detail: str) -> Msg:
    """What a pydantic error means for the plan's author; pydantic's own (English) words
    for the kinds of error the plan does not rephrase."""
    key = _REPHRASED.get(kind)
    return msg(key) if key else msg("plan.invalid_value", detail=detail)


def cross_check(plan: Plan, parts: list[_Part] | None = None) -> list[Issue]:
    """Every reference between plan objects must resolve; return what does not."""
    parts = parts or [_Part("<plan>", LoadedYaml({}, {}))]
    issues: list[Issue] = []

    def add(loc: tuple[Any, ...], message: Msg) -> None:
        name, line = _where(parts, loc)
        issues.append(Issue(name, line, ".".join(str(p) for p in loc), message))

    ids = _plan_ids(plan, add)
    meta = plan.plan
    if meta.period_start > meta.period_end:
        add(("plan", "period_end"), msg("plan.period_reversed"))
    _check_units(plan.units, ids, add)
    _check_aliases(plan.units, "units", add)
    _check_aliases(plan.channels, "channels", add)
    _check_aliases(plan.kinds, "kinds", add)
    _check_aliases(plan.documents, "documents", add)
    _check_tasks(plan.tasks, ids, add)
    for index, rule in enumerate(plan.rules):
        at = ("rules", index)
        _check_rule_refs(rule, at, ids, add)
        _check_rule_values(rule, at, add)
        _check_rule_dates(rule, at, meta, add)
    return issues


_Add = Callable[[tuple[str | int, ...], Msg], None]  # report an issue at a location


class _Identified(Protocol):
    """A plan object with an id (group, unit, channel, kind, task, section, rule, document)."""

    @property
    def id(self) -> str: ...


@dataclass(frozen=True)
class _PlanIds:
    """The ids the plan defines, by kind, for resolving references between its objects."""

    groups: set[str]
    units: set[str]
    channels: set[str]
    kinds: set[str]
    tasks: set[str]
    sections: set[str]
    who: set[str]  # a unit or a group: what tasks and rules may name


def _unique(key: str, items: Sequence[_Identified], add: _Add) -> set[str]:
    """The ids of `items`, reporting each repeated one (ids must be unique)."""
    seen: set[str] = set()
    for index, item in enumerate(items):
        if item.id in seen:
            add((key, index, "id"), msg("plan.duplicate_id", id=repr(item.id)))
        seen.add(item.id)
    return seen


def _plan_ids(plan: Plan, add: _Add) -> _PlanIds:
    """The ids the plan defines, by kind; reports duplicates and ids both of a unit and a group."""
    group_ids = _unique("groups", plan.groups, add)
    unit_ids = _unique("units", plan.units, add)
    channel_ids = _unique("channels", plan.channels, add)
    kind_ids = _unique("kinds", plan.kinds, add)
    task_ids = _unique("tasks", plan.tasks, add)
    section_ids = _unique("sections", plan.sections, add)
    _unique("rules", plan.rules, add)
    _unique("documents", plan.documents, add)
    both = group_ids & unit_ids
    for index, unit in enumerate(plan.units):
        if unit.id in both:
            add(("units", index, "id"), msg("plan.unit_and_group", id=repr(unit.id)))
    return _PlanIds(group_ids, unit_ids, channel_ids, kind_ids, task_ids, section_ids,
                    who=group_ids | unit_ids)


def _check_units(units: Sequence[Unit], ids: _PlanIds, add: _Add) -> None:
    """Each unit's groups and parent must exist."""
    for index, unit in enumerate(units):
        for g in unit.groups:
            if g not in ids.groups:
                add(("units", index, "groups"), _unknown("group", g, ids.groups))
        if unit.parent is not None and unit.parent not in ids.units:
            add(("units", index, "parent"), _unknown("unit", unit.parent, ids.units))


def _check_tasks(tasks: Sequence[Task], ids: _PlanIds, add: _Add) -> None:
    """Each task's lead and coordinating units or groups, and its parent task, must exist."""
    for index, task in enumerate(tasks):
        for col in ("lead", "coordinating"):
            for ref in getattr(task, col):
                if ref not in ids.who:
                    add(("tasks", index, col), _unknown("unit_or_group", ref, ids.who))
        if task.parent is not None and task.parent not in ids.tasks:
            add(("tasks", index, "parent"), _unknown("task", task.parent, ids.tasks))


def _check_rule_refs(rule: Rule, at: tuple[str, int], ids: _PlanIds, add: _Add) -> None:
    """Whom a rule applies to, whom it excludes, its channels, kinds and task must exist."""
    lists = (("applies_to", rule.applies_to, "unit_or_group", ids.who),
             ("exclude", rule.exclude, "unit", ids.units),
             ("channels", rule.channels, "channel", ids.channels),
             ("kinds", rule.kinds, "kind", ids.kinds))
    for key, refs, what, known in lists:
        for ref in refs:
            if ref not in known:
                add((*at, key), _unknown(what, ref, known))
    if rule.task not in ids.tasks | ids.sections:
        add((*at, "task"), _unknown("task_or_section", rule.task, ids.tasks | ids.sections))


def _check_rule_values(rule: Rule, at: tuple[str, int], add: _Add) -> None:
    """A rule needs whom it applies to, a channel, a quota of at least 1 and, per period, 'per'."""
    if not rule.applies_to:
        add((*at, "applies_to"), msg("plan.rule_no_applies_to"))
    if not rule.channels:
        add((*at, "channels"), msg("plan.rule_no_channels"))
    if rule.min < 1:
        add((*at, "min"), msg("plan.rule_min", min=rule.min))
    if rule.type == "frequency" and rule.per is None:
        add((*at, "per"), msg("plan.rule_no_per"))


def _check_rule_dates(rule: Rule, at: tuple[str, int], meta: PlanMeta, add: _Add) -> None:
    """A deadline and a rule's window must lie in the plan period and in order."""
    period = Span(meta.period_start, meta.period_end)
    if rule.type == "deadline":
        _check_due(rule, at, period, add)
    if rule.window is not None:
        start = rule.window.start or meta.period_start
        end = rule.window.end or meta.period_end
        if start < period.start or end > period.end:
            add((*at, "window"), msg("plan.window_outside", window=Span(start, end),
                                     period=period))
        if start > end:
            add((*at, "window"), msg("plan.window_reversed"))


def _check_due(rule: Rule, at: tuple[str, int], period: Span, add: _Add) -> None:
    """A deadline rule needs a due date inside the plan period, not before its not_before."""
    if rule.due is None:
        add((*at, "due"), msg("plan.rule_no_due"))
    elif not _within(rule.due, period):
        add((*at, "due"), msg("plan.due_outside", due=rule.due, period=period))
    if rule.not_before and rule.due and rule.not_before > rule.due:
        add((*at, "not_before"), msg("plan.not_before_after_due"))


def _within(day: dt.date, period: Span) -> bool:
    return period.start <= day <= period.end


def _check_aliases(items: list[Any], key: str, add: _Add) -> None:
    """Ids and aliases must not fold to the same key for two different objects."""
    owner: dict[str, str] = {}
    for index, item in enumerate(items):
        for alias_index, alias in enumerate([item.id, *item.aliases]):
            folded = fold(alias)
            if not folded:
                continue
            other = owner.get(folded)
            if other is not None and other != item.id:
                loc = (key, index, "id") if alias_index == 0 else (
                    key, index, "aliases", alias_index - 1)
                add(loc, msg("plan.alias_clash", alias=repr(alias), other=repr(other)))
            owner.setdefault(folded, item.id)


def _unknown(what: str, ref: str, known: set[str]) -> Msg:
    """'unknown unit 'x'; did you mean 'y'?' — `what` names a `plan.noun.*`."""
    from .text import suggest

    noun = msg(f"plan.noun.{what}")
    hint = suggest(ref, sorted(known))
    if not hint:
        return msg("plan.unknown_ref", what=noun, ref=repr(ref))
    return msg("plan.unknown_ref_guess", what=noun, ref=repr(ref),
               guess=", ".join(repr(h) for h in hint))
