"""The compliance engine: a pure function from (plan, entries, window, as-of) to results.

Entries are consumed one at a time (`Accumulator.add`) so a million-row log is
never held in memory: each entry adds its quantity to tuple-keyed counters for
the rules it matches.  `Accumulator.finish` then walks every rule × unit the plan
names (including units with no entries at all) and compares the counts with the
quota period by period.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, replace
from typing import Any, TypedDict

from .catalog import Catalog
from .entries import Entry, Findings, Problem
from .models import ONE_OFF, Rule
from .periods import ONE_DAY, Per, Period, Window, iter_periods, period_label
from .result import CheckReport, PeriodResult, PeriodStatus, RuleResult, Status, UnitSummary
from .text import fold
from .waivers import Waiver, Waivers, for_rule

EVIDENCE_LIMIT = 2000  # evidence items kept per unit for its report
DEADLINE = "deadline"  # the bucket key of a one-off rule's items
OUTLIER = dt.timedelta(days=28)  # a last item this far after the rest is worth a note
# With partial_periods "months", the periods that stay due when the plan's edge cuts them.
CUT_PERIODS = frozenset({"month", "quarter", "year"})

# (counter, period label of each day lo..hi or None for a one-off rule, lo, hi, task,
#  kinds, whether an entry without a kind counts, whether only entries naming the task count)
Target = tuple[dict[str, int], tuple[str, ...] | None, int, int, str, frozenset[str] | None,
               bool, bool]


class _Common(TypedDict):
    unit: str
    unit_name: str
    group: str
    rule: str
    task: str
    type: str
    min: int
    severity: str
    basis: str


@dataclass(frozen=True)
class Selection:
    """Which rules and units to report (filters never change the numbers)."""

    units: frozenset[str] | None = None
    groups: frozenset[str] | None = None
    tasks: frozenset[str] | None = None
    only_failing: bool = False
    # None: by group and plan order; "compliance": worst share of due periods met first;
    # "shortfall": most items short first; "unit": by name.
    sort: str | None = None


def sort_units(results: list[RuleResult], units: list[UnitSummary], by: str,
               fail_on: frozenset[str]) -> tuple[list[RuleResult], list[UnitSummary]]:
    """Units worst first (or by name), each unit's rules kept together in plan order.

    "compliance" ranks by the share of due periods met over the rules whose severity
    counts, so 60 missed LED days weigh what they are: 60 of 60, or 60 of 335.
    """
    by_unit = {u.unit: u for u in units}

    def key(unit: str) -> tuple[float, int, str]:
        summary = by_unit[unit]
        due, met = summary.periods_due, summary.periods_met
        share = met / due if due else 1.0
        if by == "compliance":
            return (share, -summary.shortfall, fold(summary.unit_name))
        if by == "shortfall":
            return (-summary.shortfall, 0, fold(summary.unit_name))
        return (0.0, 0, fold(summary.unit_name))

    order = {u: i for i, u in enumerate(sorted(by_unit, key=key))}
    return (sorted(results, key=lambda r: order[r.unit]),
            sorted(units, key=lambda u: order[u.unit]))


def logs_as_of(last: dt.date, bound: dt.date) -> dt.date:
    """The as-of date the logs themselves set: the end of the week of their last item,
    never past `bound` (today, or the window's end).

    So a Q1 log is judged as of 31 March, and a unit that stopped reporting in
    February is behind for March, not excused by a log that ends early.
    """
    return min(bound, last + dt.timedelta(days=6 - last.weekday()))


def clamp_as_of(as_of: dt.date, window: Window) -> dt.date:
    """The as-of date, no later than the window's end (today is usually past the plan year).

    An as-of date before the window is kept as it is: then nothing in the window is
    due yet and every period is open, rather than its first day falsely due.
    """
    return min(as_of, window.end)


class Accumulator:
    """Counts matching items per rule, unit and period as entries stream in."""

    def __init__(
        self,
        catalog: Catalog,
        window: Window,
        as_of: dt.date,
        keep_evidence: Collection[str] = (),
        detail: bool = True,
        evidence_limit: int = EVIDENCE_LIMIT,
        as_of_from_logs: bool = False,
        waivers: Waivers | None = None,
    ) -> None:
        self.catalog = catalog
        self.waivers = waivers
        self.waived: tuple[Waiver, ...] = ()  # the waivers applied (see `finish`)
        self.window = window
        self.as_of = clamp_as_of(as_of, window)
        # With no date asked for, judge up to what the logs cover (see `finish`); `as_of`
        # is then only the bound (today) that no item past is counted.
        self.as_of_from_logs = as_of_from_logs
        # The latest day an item covers, and the next latest item's (one far after all
        # the others may be a mistyped date, which would move the as-of date).
        self.latest = (dt.date.min, dt.date.min)
        self._last_day = min(self.as_of, window.end)
        self.rules = list(catalog.plan.rules)
        self.keep_evidence = frozenset(keep_evidence)
        # Per-period results (for reports and heatmaps); `check` without them is faster.
        self.detail = detail
        self._periods: dict[int, list[Period] | None] = {}
        self.evidence: dict[str, list[Entry]] = defaultdict(list)
        # Evidence is for people to read: past this many items a unit's list stops growing
        # (a million-row log would otherwise be held in memory) and the rest is counted.
        self.evidence_limit = evidence_limit
        self.evidence_more: dict[str, int] = defaultdict(int)
        self.docs: dict[str, set[str]] = defaultdict(set)
        self.entries_by_unit: dict[str, int] = {}
        self.entries_counted = 0
        self.first: dt.date | None = None
        self.last: dt.date | None = None
        # (rule index, unit id) → period label (or DEADLINE) → items
        self.counts: dict[tuple[int, str], dict[str, int]] = {}
        self._route = catalog.routes
        # Channels of rules that judge only the units that use them, and who did.
        self._watched = frozenset(c for r in self.rules if r.only_if_used for c in r.channels)
        self._used: dict[tuple[str, str], dt.date] = {}  # (unit, channel) → first item
        self.parents: dict[str, str | None] = {
            u.id: u.parent for u in catalog.plan.units}
        # Units whose entries are kept as evidence: the asked-for units and their communes.
        self.evidence_units = frozenset(
            u for u, parent in self.parents.items()
            if u in self.keep_evidence or (parent and parent in self.keep_evidence))
        # unit → channel → targets (see targets_for); nested, not tuple-keyed: both are
        # memoised plan ids, so each lookup is a hash-cached, identity-compared str key.
        self.targets: dict[str, dict[str, tuple[Target, ...]]] = {}
        self._label_tables: dict[tuple[str, int, int], tuple[str, ...]] = {}
        self._empty: dict[int, dict[str, Any]] = {}  # rule index → verdict with no items
        # Each rule's effective window: the rule's own dates inside the check window,
        # and never past the as-of date (later items are not yet delivered).
        self._spans: list[Window | None] = [
            self._span(index, rule) for index, rule in enumerate(self.rules)]

    def _span(self, index: int, rule: Rule) -> Window | None:
        """The days whose items count for a frequency rule: its judged periods, to as-of."""
        if rule.type in ONE_OFF:
            return None
        periods = self._rule_periods(index, rule)
        if not periods or periods[0].start > self.as_of:
            return None
        return Window(periods[0].start, min(periods[-1].end, self.as_of))

    def add(self, entry: Entry) -> None:
        """Credit one entry to every rule it matches."""
        day, end = entry.date, entry.end
        if self.first is None or day < self.first:
            self.first = day
        if self.last is None or day > self.last:
            self.last = day
        latest = self.latest  # the two latest days items cover, for the as-of date
        if end >= latest[0]:
            self.latest = (end, latest[0])
        elif end > latest[1]:
            self.latest = (latest[0], end)
        self.entries_counted += 1
        unit = entry.unit
        if entry.channel in self._watched and day <= self._last_day:
            key = (unit, entry.channel)  # it has such a channel (only_if_used), since `day`
            if day < self._used.get(key, day + ONE_DAY):
                self._used[key] = day
        # Only what was delivered inside the window, by the as-of date, makes a unit
        # "not missing" or becomes evidence in its report.
        if day <= self._last_day and end >= self.window.start:
            by_unit = self.entries_by_unit
            by_unit[unit] = by_unit.get(unit, 0) + 1
            parent = self.parents.get(unit)
            if parent:
                by_unit[parent] = by_unit.get(parent, 0) + 1
            if unit in self.evidence_units:
                self._keep(entry, parent)
        by_channel = self.targets.get(unit)
        targets = by_channel.get(entry.channel) if by_channel is not None else None
        if targets is None:
            targets = self.targets_for(unit, entry.channel)
        if not targets:
            return
        quantity, task, kind = entry.quantity, entry.task, entry.kind
        first = day.toordinal()
        last = first if end == day else end.toordinal()
        for bucket, labels, lo, hi, rule_task, kinds, kindless, tagged in targets:
            if task != rule_task and (task is not None or tagged):
                continue
            if kinds is not None and kind not in kinds and (kind is not None or not kindless):
                continue
            if labels is None:
                # A deadline is a one-off event, judged over the whole plan up to the
                # as-of date whatever the window, on the activity's first day.
                if lo <= first <= hi:
                    bucket[DEADLINE] = bucket.get(DEADLINE, 0) + quantity
                continue
            start, stop = max(first, lo), min(last, hi)
            if start > stop:
                continue
            if start == stop:
                label = labels[start - lo]
                bucket[label] = bucket.get(label, 0) + quantity
                continue
            # A ranged activity (an LED campaign) counts once in every period it covers.
            previous = None
            for label in labels[start - lo:stop - lo + 1]:
                if label is not previous:
                    bucket[label] = bucket.get(label, 0) + quantity
                    previous = label

    def _keep(self, entry: Entry, parent: str | None) -> None:
        """Keep an entry as evidence for the unit (or parent) whose report asked for it."""
        owner = entry.unit if entry.unit in self.keep_evidence else str(parent)
        kept = self.evidence[owner]
        if len(kept) < self.evidence_limit:
            kept.append(entry)
        else:
            self.evidence_more[owner] += 1
        self.docs[owner].update(entry.docs)

    def targets_for(self, unit: str, channel: str) -> tuple[Target, ...]:
        """The counters an entry of (unit, channel) may add to (memoised).

        A target is (bucket, labels, lo, hi, task, kinds): the rule × unit's counter
        dict, the period label of each day lo..hi (day ordinals; None for a
        deadline rule), the rule's effective window, and the rule's task and kinds
        (None: any kind), which an entry must fit.  Computed once per key, so a row
        costs a lookup and a slice per rule it feeds.
        """
        out: list[Target] = []
        for index, credited in self._route.get((unit, channel), ()):
            rule = self.rules[index]
            bucket = self.counts.setdefault((index, credited), {})
            kinds = frozenset(rule.kinds) if rule.kinds else None
            if rule.type in ONE_OFF:
                lower, due = rule.dates(self.catalog.plan.plan)
                upper = min(due, self.as_of)
                if lower <= upper:
                    # A one-off rule asks for a particular thing (an award, a plan): an
                    # entry that does not say what it is cannot be it.
                    out.append((bucket, None, lower.toordinal(), upper.toordinal(), rule.task,
                                kinds, False, rule.tagged_only))
                continue
            span = self._spans[index]
            if span is not None:
                lo, hi = span.start.toordinal(), span.end.toordinal()
                out.append((bucket, self._labels(rule.per or "month", lo, hi), lo, hi,
                            rule.task, kinds, True, rule.tagged_only))
        targets = tuple(out)
        self.targets.setdefault(unit, {})[channel] = targets  # plan ids: bounded
        return targets

    def _labels(self, per: Per, lo: int, hi: int) -> tuple[str, ...]:
        """Period labels of the days lo..hi (ordinals); one shared str per label."""
        key = (per, lo, hi)
        labels = self._label_tables.get(key)
        if labels is None:
            names: dict[str, str] = {}
            labels = tuple(names.setdefault(label, label) for label in
                           (period_label(dt.date.fromordinal(o), per) for o in range(lo, hi + 1)))
            self._label_tables[key] = labels
        return labels

    def finish(
        self,
        selection: Selection | None = None,
        findings: Findings | None = None,
        rows_read: int = 0,
        fail_on: Collection[str] = ("error",),
    ) -> CheckReport:
        """Compare the counts with every rule for every unit it applies to."""
        selection = selection or Selection()
        notes: list[dict[str, str]] = []
        if self.as_of_from_logs and self.last is not None:
            self.as_of = logs_as_of(self.latest[0], self.as_of)
            if dt.date.min < self.latest[1] < self.latest[0] - OUTLIER:
                # One item far after all the others: perhaps a mistyped date.
                notes.append({"code": "as-of-outlier", "date": self.latest[0].isoformat(),
                              "before": self.latest[1].isoformat()})
        notes += self._apply_waivers()
        every = self._roll_up(self._all_results(selection))
        every.sort(key=lambda pair: pair[0])
        ordered = [r for _, r in every if self._shown(r, selection)]
        children = self._children(every, {r.unit for r in ordered if r.children is not None})
        units = self._unit_summaries(ordered, frozenset(fail_on))
        if selection.sort is not None:
            ordered, units = sort_units(ordered, units, selection.sort, frozenset(fail_on))
        if selection.only_failing:
            ordered = [r for r in ordered if r.failing]
        if self.first and self.last and not self.as_of_from_logs:
            q_first = period_label(self.first, "quarter")
            if q_first == period_label(self.last, "quarter") and self.window.days > 92:
                notes.append({"code": "single-quarter", "period": q_first})
        return CheckReport(
            plan_id=self.catalog.plan.plan.id,
            window_start=self.window.start,
            window_end=self.window.end,
            as_of=self.as_of,
            results=tuple(ordered),
            units=tuple(units),
            findings=findings or Findings(),
            rows_read=rows_read,
            entries_counted=self.entries_counted,
            notes=tuple(notes),
            evidence={k: tuple(v) for k, v in self.evidence.items()},
            evidence_more=dict(self.evidence_more),
            docs_covered={k: frozenset(v) for k, v in self.docs.items()},
            children=children,
            as_of_source="logs" if self.as_of_from_logs and self.last else "given",
            sort=selection.sort,
            fail_on=frozenset(fail_on),
            only_failing=selection.only_failing,
            waivers=self.waived,
        )

    def _apply_waivers(self) -> list[dict[str, str]]:
        """Every waiver of the file holds (each for the periods that end by its expiry);
        a note for each that expired before the as-of date."""
        if self.waivers is None:
            return []
        self.waived = self.waivers.items
        return [{"code": "waiver-expired", "file": self.waivers.file, "line": str(w.line),
                 "label": w.label, "expires": w.expires.isoformat() if w.expires else ""}
                for w in self.waivers.expired(self.as_of)]

    @staticmethod
    def _children(results: list[tuple[tuple[int, int, int], RuleResult]],
                  parents: set[str]) -> dict[str, tuple[RuleResult, ...]]:
        """The communes' results behind each shown district's rolled-up verdicts."""
        out: dict[str, list[RuleResult]] = defaultdict(list)
        for _, r in results:
            if r.parent in parents:
                out[r.parent].append(r)
        return {parent: tuple(rows) for parent, rows in out.items()}

    def _all_results(self, selection: Selection
                     ) -> list[tuple[tuple[int, int, int], RuleResult]]:
        """Every rule × unit result of the selected tasks, with its sort key.

        Units are not filtered here: a district's rolled-up verdict needs its
        communes' results whichever units are shown.
        """
        catalog = self.catalog
        group_order = {g.id: i for i, g in enumerate(catalog.plan.groups)}
        results: list[tuple[tuple[int, int, int], RuleResult]] = []
        for index, rule in enumerate(self.rules):
            if selection.tasks is not None and rule.task not in selection.tasks:
                continue
            for unit_id in catalog.rule_units(rule):
                unit = catalog.units.by_id[unit_id]
                group = catalog.primary_group(unit_id)
                result = self._result(index, rule, unit_id, unit.name, group)
                if unit.parent is not None:
                    result = replace(result, parent=unit.parent)
                key = (group_order.get(group, len(group_order)), catalog.unit_index[unit_id],
                       index)
                results.append((key, result))
        return results

    def _shown(self, result: RuleResult, selection: Selection) -> bool:
        """Whether the selection shows a result; communes only when asked for."""
        units, groups = selection.units, selection.groups
        if units is not None and result.unit not in units:
            return False
        unit_groups = self.catalog.units.by_id[result.unit].groups
        if groups is not None and not groups & set(unit_groups):
            return False
        # A commune is shown when named, or its group asked for (--group communes).
        return result.parent is None or units is not None or groups is not None

    def _roll_up(self, results: list[tuple[tuple[int, int, int], RuleResult]]
                 ) -> list[tuple[tuple[int, int, int], RuleResult]]:
        """A parent's result of a roll-up rule (2.5) also holds its children's.

        The parent stays accountable: it is behind when any child is, whatever its own
        system did; its own shortfall stays its own, its children's is counted apart.
        """
        rolled = {rule.id for rule in self.rules if rule.rollup}
        kids: dict[tuple[str, str], list[RuleResult]] = defaultdict(list)
        for _, r in results:
            if r.parent is not None and r.rule in rolled:
                kids[(r.rule, r.parent)].append(r)
        out = []
        for key, r in results:
            children = kids.get((r.rule, r.unit))
            if r.rule in rolled and r.parent is None and children:
                failing = [c for c in children if c.failing]
                status: Status = "behind" if failing and not r.failing else r.status
                r = replace(r, status=status, children=len(children),
                            children_met=sum(1 for c in children if c.status == "met"),
                            children_failing=len(failing),
                            children_shortfall=sum(c.shortfall for c in failing))
            out.append((key, r))
        return out

    def _result(self, index: int, rule: Rule, unit_id: str, name: str, group: str) -> RuleResult:
        common = _Common(
            unit=unit_id, unit_name=name, group=group, rule=rule.id, task=rule.task,
            type=rule.type, min=rule.min, severity=rule.severity, basis=rule.basis,
        )
        if rule.type in ONE_OFF:
            return self._deadline(index, rule, unit_id, common)
        per: Per = rule.per or "month"
        rule_periods = self._rule_periods(index, rule)
        if rule.only_if_used and rule_periods:
            rule_periods = self._since_first_use(rule, unit_id, rule_periods)
        if not rule_periods:
            return RuleResult(per=per, periods_due=0, periods_met=0, delivered=0, shortfall=0,
                              compliance=None, status="not-applicable", missed=(), **common)
        counts = self.counts.get((index, unit_id))
        excused = for_rule(self.waived, rule.id, unit_id)
        if counts or rule.only_if_used or excused:  # (its periods or waivers are its own)
            fields = self._judge(rule, rule_periods, counts or {}, excused)
        else:
            # Most units of a short or partial log have nothing for most rules, and
            # every such unit gets the same verdict: judged once per rule.
            empty = self._empty.get(index)
            if empty is None:
                empty = self._empty[index] = self._judge(rule, rule_periods, {})
            fields = empty
        return RuleResult(per=per, **fields, **common)

    def _since_first_use(self, rule: Rule, unit_id: str, periods: list[Period]
                         ) -> list[Period]:
        """The periods from a unit's first item on the rule's channels (none: no use).

        A department is held to its screen from the day it shows one, so a quarter
        before that is not due, in a quarter's check or in the year's.
        """
        used = [self._used[(unit_id, c)] for c in rule.channels if (unit_id, c) in self._used]
        if not used:
            return []
        first = min(used)
        return [p for p in periods if p.end >= first]

    def _judge(self, rule: Rule, rule_periods: list[Period], counts: dict[str, int],
               excused: tuple[Waiver, ...] = ()) -> dict[str, Any]:
        """The period-by-period verdict of one rule × unit, as RuleResult fields; a period
        a waiver holds for is neither due nor missed (its items still count as delivered)."""
        periods: list[PeriodResult] = []
        due = met = shortfall = delivered = 0
        missed: list[str] = []
        waived: list[str] = []
        reasons: dict[str, None] = {}  # in order, once each
        in_progress: str | None = None
        for period in rule_periods:
            got = counts.get(period.label, 0)
            delivered += got
            status: PeriodStatus
            if covering := [w for w in excused if w.covers(period.start, period.end)]:
                status = "waived"
                waived.append(period.label)
                reasons.update(dict.fromkeys(w.reason for w in covering))
            elif self.as_of < period.end:
                status = "open"
                if period.start <= self.as_of:
                    in_progress = period.label
            elif got >= rule.min:
                status = "met"
                due += 1
                met += 1
            else:
                status = "short"
                due += 1
                shortfall += rule.min - got
                missed.append(period.label)
            if self.detail:
                periods.append(PeriodResult(period.label, period.start, period.end, got,
                                            rule.min, status, period.clipped))
        verdict: Status
        if due == 0 and waived and in_progress is None:
            verdict = "met"  # nothing owed: every period ended is met or waived
        elif due == 0:
            verdict = "open"
        elif delivered == 0:
            verdict = "missing"
        elif met < due:
            verdict = "behind"
        else:
            verdict = "met"
        return {"periods_due": due, "periods_met": met, "delivered": delivered,
                "shortfall": shortfall, "compliance": round(met / due, 3) if due else None,
                "status": verdict, "missed": tuple(missed), "in_progress": in_progress,
                "periods": tuple(periods), "waived": tuple(waived),
                "waived_reason": "; ".join(reasons)}

    def _rule_periods(self, index: int, rule: Rule) -> list[Period] | None:
        """The periods of a rule judged in the window (None: none is).

        Periods are cut only by the rule's own dates (the plan's period by default),
        and the plan's `partial_periods` says which cut ones are due: with "months",
        the stub week 1-4 Feb 2024 is not, February and Q1 are.  A period is judged
        in the window holding its last day, over all its days: adjacent windows
        (Q1 … Q4, or two months) judge every period exactly once.  The same for every
        unit the rule applies to, so computed once per rule.
        """
        if index in self._periods:
            return self._periods[index]
        meta = self.catalog.plan.plan
        start, end = rule.dates(meta)
        per: Per = rule.per or "month"
        policy = rule.partial_periods or meta.partial_periods
        partial = policy == "include" or (policy == "months" and per in CUT_PERIODS)
        window = self.window
        periods = [period for period in iter_periods(Window(start, end), per, partial)
                   if window.start <= period.end <= window.end]
        self._periods[index] = periods or None
        return periods or None

    def _deadline(self, index: int, rule: Rule, unit_id: str, common: _Common
                  ) -> RuleResult:
        due = rule.dates(self.catalog.plan.plan)[1]
        got = self.counts.get((index, unit_id), {}).get(DEADLINE, 0)
        passed = self.as_of >= due
        verdict: Status = "met" if got >= rule.min else ("missed" if passed else "open")
        short = max(0, rule.min - got) if verdict == "missed" else 0
        counted = 1 if passed or verdict == "met" else 0
        return RuleResult(
            per=None, periods_due=counted, periods_met=1 if verdict == "met" else 0,
            delivered=got, shortfall=short,
            compliance=(1.0 if verdict == "met" else 0.0) if counted else None,
            status=verdict, missed=(due.isoformat(),) if verdict == "missed" else (),
            due=due, **common,
        )

    def _unit_summaries(self, results: list[RuleResult], fail_on: frozenset[str]
                        ) -> list[UnitSummary]:
        by_unit: dict[str, list[RuleResult]] = {}
        for r in results:
            by_unit.setdefault(r.unit, []).append(r)
        out = []
        for unit_id, rows in by_unit.items():
            counted = [r for r in rows if r.severity in fail_on]
            failing = [r for r in counted if r.failing]
            # A rule whose every ended period was waived is met, not "not yet due".
            anything_due = any(r.periods_due or (r.waived and r.status == "met") for r in rows)
            entries = self.entries_by_unit.get(unit_id, 0)
            status: str
            if not anything_due:
                status = "open"
            elif entries == 0 and failing:
                status = "missing"
            elif failing:
                status = "behind"
            else:
                status = "met"
            out.append(UnitSummary(unit_id, rows[0].unit_name, rows[0].group, status,  # type: ignore[arg-type]
                                   sum(r.shortfall + r.children_shortfall for r in failing),
                                   len(failing), entries,
                                   sum(r.periods_due for r in counted),
                                   sum(r.periods_met for r in counted)))
        return out


def check(
    catalog: Catalog,
    entries: Iterable[Entry],
    window: Window,
    as_of: dt.date,
    selection: Selection | None = None,
    keep_evidence: Collection[str] = (),
    problems: Sequence[Problem] = (),
) -> CheckReport:
    """Compliance of every unit with every rule: the engine as one pure function.

    `problems` (the reader's findings) are carried into the report unchanged.
    """
    acc = Accumulator(catalog, window, as_of, keep_evidence)
    for entry in entries:
        acc.add(entry)
    from .reader.problems import ProblemLog

    log = ProblemLog(keep=max(1, len(problems)))  # every given problem kept, and grouped
    for problem in problems:
        log.add(problem)
    return acc.finish(selection, findings=log.findings())
