"""The report model: what `check`, `report` and every renderer read.

`CheckReport.to_dict()` *is* the JSON contract `dxplan.check/2` (and
`ValidateReport.to_dict()` that of `dxplan.validate/2`); renderers take
the same object, so a table, a Markdown page and an HTML report can never
disagree about a number.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Literal

from .entries import Entry, Findings, Problem
from .provenance import Provenance, provenance_block
from .waivers import Waiver

Status = Literal["met", "behind", "missing", "open", "not-applicable", "missed"]
PeriodStatus = Literal["met", "short", "open", "waived"]
CHECK_SCHEMA = "dxplan.check/2"
VALIDATE_SCHEMA = "dxplan.validate/2"
FAILING: frozenset[str] = frozenset({"behind", "missing", "missed"})


@dataclass(frozen=True, slots=True)
class PeriodResult:
    """One period of one rule for one unit."""

    label: str
    start: dt.date
    end: dt.date
    delivered: int
    required: int
    status: PeriodStatus  # met, short (due and not met) or open (not ended by as-of)
    clipped: bool = False

    @property
    def shortfall(self) -> int:
        """Items missing in this period (0 unless it is due and short)."""
        return max(0, self.required - self.delivered) if self.status == "short" else 0

    def to_dict(self) -> dict[str, object]:
        """JSON shape of a period (used by `report --format json`)."""
        return {
            "label": self.label,
            "start": self.start.isoformat(),
            "end": self.end.isoformat(),
            "delivered": self.delivered,
            "min": self.required,
            "status": self.status,
        }


@dataclass(frozen=True, slots=True)
class RuleResult:
    """How one unit stands against one rule in the window."""

    unit: str
    unit_name: str
    group: str
    rule: str
    task: str
    type: str
    per: str | None
    min: int
    periods_due: int
    periods_met: int
    delivered: int
    shortfall: int
    compliance: float | None
    status: Status
    missed: tuple[str, ...]
    severity: str
    basis: str
    due: dt.date | None = None
    in_progress: str | None = None
    periods: tuple[PeriodResult, ...] = ()
    waived: tuple[str, ...] = ()  # periods a waiver excused (short, but neither due nor missed)
    waived_reason: str = ""  # why, as the waivers say it
    parent: str | None = None  # a commune's district
    # A rolled-up rule (2.5): how the unit's children did (None: the rule has no roll-up)
    children: int | None = None
    children_met: int | None = None
    children_failing: int | None = None
    children_shortfall: int = 0

    @property
    def failing(self) -> bool:
        """True when the unit fell short (behind, missing or a missed deadline)."""
        return self.status in FAILING

    def to_dict(self) -> dict[str, object]:
        """The result object of the `dxplan.check/2` JSON contract."""
        out: dict[str, object] = {
            "unit": self.unit,
            "unit_name": self.unit_name,
            "rule": self.rule,
            "task": self.task,
            "type": self.type,
            "per": self.per,
            "min": self.min,
            "periods_due": self.periods_due,
            "periods_met": self.periods_met,
            "delivered": self.delivered,
            "shortfall": self.shortfall,
            "compliance": self.compliance,
            "status": self.status,
            "missed": list(self.missed),
            "severity": self.severity,
            "basis": self.basis,
            "group": self.group,
        }
        if self.due is not None:
            out["due"] = self.due.isoformat()
        if self.in_progress is not None:
            out["in_progress"] = self.in_progress
        if self.waived:
            out["waived"] = list(self.waived)
            out["waived_reason"] = self.waived_reason
        if self.parent is not None:
            out["parent"] = self.parent
        if self.children is not None:
            out["children"] = {"total": self.children, "met": self.children_met,
                               "failing": self.children_failing,
                               "shortfall": self.children_shortfall}
        return out


@dataclass(frozen=True, slots=True)
class UnitSummary:
    """Roll-up of one unit's results."""

    unit: str
    unit_name: str
    group: str
    status: Literal["met", "behind", "missing", "open"]
    shortfall: int
    failing_rules: int
    entries: int
    # Over the rules whose severity counts: periods due and met (the share --sort ranks by)
    periods_due: int = 0
    periods_met: int = 0


@dataclass(frozen=True)
class CheckReport:
    """Everything one run of the engine found."""

    plan_id: str
    window_start: dt.date
    window_end: dt.date
    as_of: dt.date
    results: tuple[RuleResult, ...]
    units: tuple[UnitSummary, ...]
    findings: Findings = field(default_factory=Findings)
    rows_read: int = 0
    entries_counted: int = 0
    notes: tuple[dict[str, str], ...] = ()
    evidence: dict[str, tuple[Entry, ...]] = field(default_factory=dict)
    evidence_more: dict[str, int] = field(default_factory=dict)  # items past the limit
    docs_covered: dict[str, frozenset[str]] = field(default_factory=dict)
    # A shown district → its communes' results of the rolled-up rules (2.5, 3.2b, 3.5)
    children: dict[str, tuple[RuleResult, ...]] = field(default_factory=dict)
    # "given" (--as-of, or today for an explicit window) or "logs" (their last week)
    as_of_source: str = "given"
    sort: str | None = None  # how units are ordered (None: by group, in plan order)
    fail_on: frozenset[str] = frozenset({"error"})  # severities that make a unit behind
    only_failing: bool = False  # only the results (and units) that fall short are shown
    provenance: Provenance | None = None  # the plan and dxplan that judged the run
    waivers: tuple[Waiver, ...] = ()  # the waivers applied

    @property
    def problems(self) -> tuple[Problem, ...]:
        """The problems kept in full (the first of each code per file)."""
        return self.findings.problems

    @property
    def problem_counts(self) -> dict[str, int]:
        """Problems by severity, all of them counted."""
        return {"error": self.findings.errors, "warning": self.findings.warnings}

    def shortfall(self) -> int:
        """Items short over the results shown.

        A district answers for its communes (2.5): their shortfall is in its total,
        unless those communes' own results are shown too (then counted once, there).
        """
        shown = {(r.rule, r.parent) for r in self.results if r.parent is not None}
        return sum(r.shortfall + (0 if (r.rule, r.unit) in shown else r.children_shortfall)
                   for r in self.results)

    def summary(self) -> dict[str, int]:
        """Counts for the summary line and the JSON `summary` object."""
        statuses = [u.status for u in self.units]
        return {
            "units": len(self.units),
            "units_met": statuses.count("met"),
            "units_behind": statuses.count("behind"),
            "units_missing": statuses.count("missing"),
            "units_open": statuses.count("open"),
            "results": len(self.results),
            "results_failing": sum(1 for r in self.results if r.failing),
            "shortfall": self.shortfall(),
            "rows_read": self.rows_read,
            "entries_counted": self.entries_counted,
            "problems_error": self.problem_counts.get("error", 0),
            "problems_warning": self.problem_counts.get("warning", 0),
        }

    def to_dict(self) -> dict[str, object]:
        """The `dxplan.check/2` JSON document."""
        return {
            "schema": CHECK_SCHEMA,
            "plan": self.plan_id,
            **provenance_block(self.provenance),
            **({"waivers": [w.to_dict() for w in self.waivers]} if self.waivers else {}),
            "window": {
                "start": self.window_start.isoformat(),
                "end": self.window_end.isoformat(),
                "as_of": self.as_of.isoformat(),
                "as_of_source": self.as_of_source,
            },
            "results": [r.to_dict() for r in self.results],
            "problems": [p.to_dict() for p in self.problems],
            "problems_truncated": self.findings.truncated,
            "problem_groups": [g.to_dict() for g in self.findings.groups],
            "summary": {**self.summary(), "problems_by_code": self.findings.by_code(),
                        "problems_ignored": dict(self.findings.suppressed)},
            "notes": [dict(n) for n in self.notes],
        }


@dataclass(frozen=True)
class ValidateReport:
    """Everything `validate` found in a set of submissions."""

    files: tuple[str, ...]
    rows_read: int
    rows_by_file: dict[str, int]
    entries: int
    findings: Findings
    provenance: Provenance | None = None

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
            **provenance_block(self.provenance),
            "files": list(self.files),
            "problems": [p.to_dict() for p in self.problems],
            "problems_truncated": self.findings.truncated,
            "problem_groups": [g.to_dict() for g in self.findings.groups],
            "summary": {"files": len(self.files), "rows_read": self.rows_read,
                        "entries": self.entries, "errors": self.errors,
                        "warnings": self.warnings, "by_code": self.findings.by_code(),
                        "ignored": dict(self.findings.suppressed)},
        }

