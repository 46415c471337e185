"""The model of `dxplan report`: one report per unit and a province overview.

Built from a `CheckReport` (the engine's one computation) and the catalog, with no
I/O and no counting of its own: every number here is read off a `RuleResult` or a
`PeriodResult`.  What this module adds is arrangement — the periods a unit missed,
runs of missed days, the heatmap cells, evidence and documents per unit, problems
matched to the unit whose row they are about, totals per group — so that the
Markdown, HTML, XLSX and JSON renderers all print the same facts.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Literal

from .catalog import Catalog
from .entries import Entry, Problem
from .models import ONE_OFF, Rule
from .provenance import Provenance, provenance_block
from .result import CheckReport, PeriodResult, RuleResult

REPORT_SCHEMA = "dxplan.report/1"
CellStatus = Literal["met", "short", "missing", "open", "waived"]
ONE_DAY = dt.timedelta(days=1)


def cell_status(period: PeriodResult) -> CellStatus:
    """A period's heatmap status: a due period with nothing delivered is 'missing'."""
    if period.status == "short" and period.delivered == 0:
        return "missing"
    return period.status


@dataclass(frozen=True, slots=True)
class Cell:
    """One heatmap cell: a period of a rule (or a rule's deadline) and how it stands."""

    label: str
    start: dt.date
    end: dt.date
    delivered: int
    required: int
    status: CellStatus


@dataclass(frozen=True, slots=True)
class Gap:
    """One line of the shortfall in words: a missed period, a run of missed days, a deadline."""

    kind: Literal["period", "days", "deadline"]
    label: str
    start: dt.date
    end: dt.date
    delivered: int
    required: int
    days: int = 1  # number of days in a run (kind 'days')

    @property
    def status(self) -> Literal["missing", "short"]:
        """'missing' when nothing was delivered in the gap, else 'short'."""
        return "missing" if self.delivered == 0 else "short"


@dataclass(frozen=True, slots=True)
class RuleLine:
    """One rule as it applies to one unit: the engine's result plus what to say about it."""

    result: RuleResult
    title: str
    title_en: str
    channels: tuple[tuple[str, str, str], ...]  # (id, vi name, en name)
    kinds: tuple[tuple[str, str], ...]  # (vi name, en name) of the kinds that count
    cells: tuple[Cell, ...]
    gaps: tuple[Gap, ...]
    window_start: dt.date | None = None  # where a deadline's cell starts (not_before)

    @property
    def rule(self) -> str:
        """The rule id."""
        return self.result.rule

    @property
    def failing(self) -> bool:
        """True when the unit fell short of this rule."""
        return self.result.failing


@dataclass(frozen=True)
class UnitReport:
    """Everything one unit's report says."""

    unit: str
    name: str
    name_en: str | None
    group: str
    status: str  # met, behind, missing or open (the engine's unit summary)
    shortfall: int  # of the rules whose severity counts (`--fail-on`)
    failing_rules: int
    entries: int
    rules: tuple[RuleLine, ...]
    evidence: tuple[Entry, ...]
    evidence_more: int  # delivered items past the evidence limit, counted but not listed
    docs_covered: tuple[str, ...]
    docs_uncovered: tuple[str, ...]
    problems: tuple[Problem, ...]
    communes: tuple[RuleResult, ...] = ()  # its communes' results of rolled-up rules

    @property
    def failing(self) -> tuple[RuleLine, ...]:
        """The rules the unit fell short of (warnings included), in plan order."""
        return tuple(line for line in self.rules if line.failing)

    @property
    def shortfall_all(self) -> int:
        """Items short over every rule, interpreted (warning) quotas and communes included."""
        return sum(line.result.shortfall + line.result.children_shortfall for line in self.rules)

    @property
    def failing_warnings(self) -> int:
        """Rules that fell short but whose severity does not count toward the status."""
        return len(self.failing) - self.failing_rules

    def to_dict(self) -> dict[str, object]:
        """The unit object of the `dxplan.report/1` JSON document."""
        results = []
        for line in self.rules:
            item = line.result.to_dict()
            item["title"] = line.title
            item["title_en"] = line.title_en
            item["periods"] = [p.to_dict() for p in line.result.periods]
            results.append(item)
        return {
            "unit": self.unit,
            "unit_name": self.name,
            "unit_name_en": self.name_en,
            "group": self.group,
            "status": self.status,
            "shortfall": self.shortfall,
            "shortfall_all": self.shortfall_all,
            "failing_rules": self.failing_rules,
            "entries": self.entries,
            "results": results,
            "evidence": [entry_dict(e) for e in self.evidence],
            "evidence_more": self.evidence_more,
            "docs_covered": list(self.docs_covered),
            "docs_uncovered": list(self.docs_uncovered),
            "problems": [p.to_dict() for p in self.problems],
        }


@dataclass(frozen=True, slots=True)
class GroupTotal:
    """How the selected units of one group stand."""

    group: str
    units: int
    met: int
    behind: int
    missing: int
    open: int
    failing_rules: int
    shortfall: int

    def to_dict(self) -> dict[str, object]:
        """JSON shape of a group total."""
        return {"group": self.group, "units": self.units, "met": self.met,
                "behind": self.behind, "missing": self.missing, "open": self.open,
                "failing_rules": self.failing_rules, "shortfall": self.shortfall}


@dataclass(frozen=True, slots=True)
class RuleHead:
    """A rule as a column of the overview."""

    id: str
    task: str
    title: str
    title_en: str
    per: str | None
    type: str
    short: str | None = None
    short_en: str | None = None

    def label(self, lang: str) -> str:
        """The column heading: the task, and a word when the task has several rules."""
        word = self.short_en if lang == "en" else self.short
        return f"{self.task} {word}" if word else self.task


@dataclass(frozen=True)
class Report:
    """The province overview and every selected unit's report."""

    plan_id: str
    plan_title: str
    plan_title_en: str
    province: str
    plan_start: dt.date
    plan_end: dt.date
    window_start: dt.date
    window_end: dt.date
    as_of: dt.date
    units: tuple[UnitReport, ...]
    groups: tuple[GroupTotal, ...]
    rules: tuple[RuleHead, ...]
    other_problems: tuple[Problem, ...]
    summary: dict[str, int]
    notes: tuple[dict[str, str], ...] = ()
    # Display names the renderers need for ids in evidence rows: (vi, en) pairs.
    channel_names: dict[str, tuple[str, str]] = field(default_factory=dict)
    kind_names: dict[str, tuple[str, str]] = field(default_factory=dict)
    unit_names: dict[str, tuple[str, str]] = field(default_factory=dict)
    group_names: dict[str, tuple[str, str]] = field(default_factory=dict)
    documents: dict[str, tuple[str, str]] = field(default_factory=dict)  # id → (number, title)
    provenance: Provenance | None = None  # the plan and dxplan that judged it

    def name(self, table: dict[str, tuple[str, str]], key: str | None, lang: str) -> str:
        """The display name of `key` in one of the name tables (the id when unknown)."""
        if key is None:
            return ""
        pair = table.get(key)
        if pair is None:
            return key
        return pair[1] if lang == "en" and pair[1] else pair[0]

    def unit(self, unit_id: str) -> UnitReport:
        """The report of one unit (KeyError when it was not selected)."""
        for report in self.units:
            if report.unit == unit_id:
                return report
        raise KeyError(unit_id)

    def by_shortfall(self) -> tuple[UnitReport, ...]:
        """Units with the largest shortfall first (then warnings, then plan order)."""
        order = {u.unit: i for i, u in enumerate(self.units)}
        return tuple(sorted(self.units, key=lambda u: (-u.shortfall, -u.shortfall_all,
                                                       order[u.unit])))

    def weekly_rules(self) -> tuple[RuleHead, ...]:
        """The rules counted per ISO week (the overview heatmap's rows of weeks)."""
        return tuple(r for r in self.rules if r.per == "week" and r.type == "frequency")

    def _head(self) -> dict[str, object]:
        return {
            "schema": REPORT_SCHEMA,
            "plan": self.plan_id,
            **provenance_block(self.provenance),
            "window": {"start": self.window_start.isoformat(), "end": self.window_end.isoformat(),
                       "as_of": self.as_of.isoformat()},
        }

    def unit_dict(self, unit_id: str) -> dict[str, object]:
        """A `dxplan.report/1` document about one unit (`--out-dir`'s <unit-id>.json)."""
        return {**self._head(), "unit": self.unit(unit_id).to_dict()}

    def to_dict(self) -> dict[str, object]:
        """The `dxplan.report/1` JSON document."""
        return {
            **self._head(),
            "summary": dict(self.summary),
            "groups": [g.to_dict() for g in self.groups],
            "units": [u.to_dict() for u in self.units],
            "problems": [p.to_dict() for p in self.other_problems],
            "notes": [dict(n) for n in self.notes],
        }


def entry_dict(entry: Entry) -> dict[str, object]:
    """JSON shape of an evidence entry."""
    out: dict[str, object] = {
        "file": entry.file, "line": entry.line, "date": entry.date.isoformat(),
        "end": entry.end.isoformat(), "unit": entry.unit, "channel": entry.channel,
        "kind": entry.kind, "title": entry.title, "url": entry.url, "docs": list(entry.docs),
        "task": entry.task, "quantity": entry.quantity,
    }
    if entry.notes:
        out["notes"] = entry.notes
    return out


def build_report(check: CheckReport, catalog: Catalog, units: Sequence[str] | None = None,
                 fail_on: Collection[str] = ("error",)) -> Report:
    """Arrange one engine run into per-unit reports and an overview.

    `units` are the selected unit ids (default: every unit with a result); each
    must have results in `check` and should have been named in `keep_evidence`,
    or its evidence and documents come out empty.
    """
    plan = catalog.plan
    by_unit = _results_by_unit(check)
    wanted = list(units) if units is not None else list(by_unit)
    problems, other = _problems_by_unit(check, catalog, wanted)
    reports = _unit_reports(check, catalog, wanted, by_unit, problems)
    selected = {r.unit for r in reports}
    heads = tuple(RuleHead(r.id, r.task, r.title, r.title_en, r.per, r.type, r.short,
                           r.short_en) for r in plan.rules
                  if any(res.rule == r.id for u in selected for res in by_unit[u]))
    # `check` ran with exactly these units selected, so its summary is theirs.
    totals = check.summary()
    return Report(
        plan_id=plan.plan.id, plan_title=plan.plan.title,
        plan_title_en=plan.plan.title_en or plan.plan.title, province=plan.plan.province,
        plan_start=plan.plan.period_start, plan_end=plan.plan.period_end,
        window_start=check.window_start, window_end=check.window_end, as_of=check.as_of,
        units=tuple(reports), groups=tuple(_group_totals(reports, catalog)), rules=heads,
        other_problems=tuple(other), summary=totals, notes=check.notes,
        channel_names={c.id: (c.name, c.name_en) for c in plan.channels},
        kind_names={k.id: (k.name, k.name_en) for k in plan.kinds},
        unit_names={u.id: (u.name, u.name_en or "") for u in plan.units
                    if u.id in selected or u.parent in selected},
        group_names={g.id: (g.name, g.name_en) for g in plan.groups},
        documents={d.id: (d.number, d.title) for d in plan.documents},
        provenance=check.provenance,
    )


def _results_by_unit(check: CheckReport) -> dict[str, list[RuleResult]]:
    """The engine's results grouped by unit, each unit's in the engine's (plan) order."""
    by_unit: dict[str, list[RuleResult]] = {}
    for result in check.results:
        by_unit.setdefault(result.unit, []).append(result)
    return by_unit


def _problems_by_unit(check: CheckReport, catalog: Catalog, wanted: Sequence[str]
                      ) -> tuple[dict[str, list[Problem]], list[Problem]]:
    """Problems per selected unit (those of its rows and its communes' rows), and the rest."""
    owner = _row_owners(check.evidence, wanted)
    problems: dict[str, list[Problem]] = {u: [] for u in wanted}
    other: list[Problem] = []
    for problem in check.problems:
        unit = owner.get((problem.file, problem.line)) if problem.line is not None else None
        if unit is None and problem.unit is not None:
            # A rejected row is not evidence, but the reader knows whose row it was;
            # a commune's row belongs in its district's report.
            parent = catalog.units.by_id[problem.unit].parent
            unit = problem.unit if problem.unit in problems else parent
        (problems[unit] if unit in problems else other).append(problem)
    return problems, other


def _unit_reports(check: CheckReport, catalog: Catalog, wanted: Sequence[str],
                  by_unit: dict[str, list[RuleResult]], problems: dict[str, list[Problem]]
                  ) -> list[UnitReport]:
    """A UnitReport for each wanted unit that has results (units without any are left out)."""
    plan = catalog.plan
    rules = {r.id: r for r in plan.rules}
    summaries = {s.unit: s for s in check.units}
    doc_ids = [d.id for d in plan.documents]
    reports: list[UnitReport] = []
    for unit_id in wanted:
        results = by_unit.get(unit_id)
        if not results:
            continue
        plan_unit = catalog.units.by_id[unit_id]
        unit_summary = summaries.get(unit_id)
        covered = check.docs_covered.get(unit_id, frozenset())
        reports.append(UnitReport(
            unit=unit_id,
            name=plan_unit.name,
            name_en=plan_unit.name_en,
            group=results[0].group,
            status=unit_summary.status if unit_summary else "open",
            shortfall=unit_summary.shortfall if unit_summary else 0,
            failing_rules=unit_summary.failing_rules if unit_summary else 0,
            entries=unit_summary.entries if unit_summary else 0,
            # The plan's own quotas first, then the rules read into words without a number.
            rules=tuple(rule_line(r, rules[r.rule], catalog) for r in
                        sorted(results, key=lambda r: r.basis != "explicit")),
            evidence=tuple(sorted(check.evidence.get(unit_id, ()),
                                  key=lambda e: (e.date, e.file, e.line))),
            evidence_more=check.evidence_more.get(unit_id, 0),
            docs_covered=tuple(d for d in doc_ids if d in covered),
            docs_uncovered=tuple(d for d in doc_ids if d not in covered),
            problems=tuple(problems.get(unit_id, ())),
            communes=check.children.get(unit_id, ()),
        ))
    return reports


def _row_owners(evidence: dict[str, tuple[Entry, ...]], units: Iterable[str]
                ) -> dict[tuple[str, int], str]:
    """(file, line) → the selected unit whose evidence came from that row."""
    owner: dict[tuple[str, int], str] = {}
    for unit in units:
        for entry in evidence.get(unit, ()):
            owner.setdefault((entry.file, entry.line), unit)
    return owner


def _group_totals(reports: Sequence[UnitReport], catalog: Catalog) -> list[GroupTotal]:
    order = {g.id: i for i, g in enumerate(catalog.plan.groups)}
    groups: dict[str, list[UnitReport]] = {}
    for report in reports:
        groups.setdefault(report.group, []).append(report)
    out = []
    for group in sorted(groups, key=lambda g: order.get(g, len(order))):
        rows = groups[group]
        statuses = [u.status for u in rows]
        out.append(GroupTotal(group, len(rows), statuses.count("met"), statuses.count("behind"),
                              statuses.count("missing"), statuses.count("open"),
                              sum(u.failing_rules for u in rows),
                              sum(u.shortfall for u in rows)))
    return out


def rule_line(result: RuleResult, rule: Rule, catalog: Catalog) -> RuleLine:
    """A rule's result for one unit with its heatmap cells and its gaps."""
    channels = tuple((c, catalog.channels.by_id[c].name, catalog.channels.by_id[c].name_en)
                     for c in rule.channels if c in catalog.channels.by_id)
    kind_ids = list(rule.kinds)
    if not kind_ids and all(c in catalog.kinds.by_id for c in rule.channels):
        # A channel that is also a kind ('report', 'meeting') names its items best.
        kind_ids = list(rule.channels)
    kinds = tuple((catalog.kinds.by_id[k].name, catalog.kinds.by_id[k].name_en)
                  for k in kind_ids if k in catalog.kinds.by_id)
    if rule.items:  # the plan's own words for what counts (in Vietnamese)
        kinds = ((rule.items, kinds[0][1] if kinds else "item"),)
    if result.type in ONE_OFF:
        cells, gaps, start = _deadline_cells(result, rule, catalog)
        return RuleLine(result, rule.title, rule.title_en, channels, kinds, cells, gaps, start)
    cells = tuple(Cell(p.label, p.start, p.end, p.delivered, p.required, cell_status(p))
                  for p in result.periods)
    return RuleLine(result, rule.title, rule.title_en, channels, kinds, cells,
                    tuple(period_gaps(result)))


def _deadline_cells(result: RuleResult, rule: Rule, catalog: Catalog
                    ) -> tuple[tuple[Cell, ...], tuple[Gap, ...], dt.date | None]:
    if result.due is None:
        return (), (), None
    start = rule.dates(catalog.plan.plan)[0]
    status: CellStatus
    if result.status == "met":
        status = "met"
    elif result.status == "missed":
        status = "missing" if result.delivered == 0 else "short"
    else:
        status = "open"
    cell = Cell(result.due.isoformat(), start, result.due, result.delivered, result.min, status)
    gaps: tuple[Gap, ...] = ()
    if result.status == "missed":
        gaps = (Gap("deadline", result.due.isoformat(), start, result.due, result.delivered,
                    result.min),)
    return (cell,), gaps, start


def period_gaps(result: RuleResult) -> list[Gap]:
    """The periods a unit missed, in order; consecutive missed days become one run.

    A daily quota missed for a whole quarter would otherwise be ninety lines, and
    nobody reads those; a run keeps every missed day (its first and last date and
    how many) on one line.
    """
    gaps: list[Gap] = []
    for period in result.periods:
        if period.status != "short":
            continue
        if result.per == "day" and gaps:
            last = gaps[-1]
            if (last.end + ONE_DAY == period.start and last.delivered == period.delivered
                    and last.required == period.required):
                gaps[-1] = Gap("days", last.label, last.start, period.end, last.delivered,
                               last.required, last.days + 1)
                continue
        gaps.append(Gap("days" if result.per == "day" else "period", period.label,
                        period.start, period.end, period.delivered, period.required))
    return gaps
