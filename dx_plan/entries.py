"""What the log readers produce: entries (one per usable row) and problems.

An `Entry` is a slotted, immutable record, deliberately not a pydantic model: a
year of a province's logs is a million rows, and validation happens once per
distinct spelling in the reader's memo tables, not once per row.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Literal, NamedTuple

ProblemSeverity = Literal["error", "warning"]

# Stable problem codes (documented in the README; tests assert them).
PROBLEM_CODES: dict[str, str] = {
    "unknown-unit": "the unit is not one the plan names",
    "ambiguous-unit": "the unit name fits several units",
    "unknown-channel": "the channel is not one the plan names",
    "missing-value": "a required column is empty",
    "missing-column": "a required column is absent from the header",
    "unknown-column": "a header names no column dxplan reads (its cells are kept as notes)",
    "bad-date": "the date cannot be read (day-first)",
    "bad-end-date": "end_date cannot be read or is before date",
    "bad-quantity": "quantity is not a whole number ≥ 1",
    "outside-period": "the date is outside the plan period (not counted)",
    "future-date": "the date is after the as-of date",
    "duplicate": "the same item was already logged (counted once)",
    "unknown-kind": "the kind is not one the plan names",
    "unknown-doc": "a docs id is not in Phụ lục I",
    "unknown-task": "the task is not a Phụ lục II row or plan section",
    "task-mismatch": "the task does not fit the row's unit or channel",
    "bad-url": "the evidence URL is not http(s)",
    "foreign-domain": "the URL is not on one of the unit's known domains",
    "credentials-in-url": "the URL carries a user name or password",
    "missing-url": "an online channel's row has no URL",
    "foreign-unit": "the row names a unit other than the submitter",
    "unknown-submitter": "a submissions folder is not a unit id",
    "too-many-columns": "the row has more columns than the limit",
    "field-too-large": "a field is larger than the limit",
    "bad-row": "the row cannot be read",
    "bad-file": "the file cannot be read",
    "empty-file": "the file has no rows",
    "footer-row": "a total or signature line under the data (not counted)",
}


@dataclass(frozen=True, slots=True)
class Problem:
    """A finding about one row (or a whole file when line is None)."""

    file: str
    line: int | None
    severity: ProblemSeverity
    code: str
    message: str
    column: str | None = None
    hint: str | None = None
    unit: str | None = None  # the unit the row names, when the reader could tell

    def to_dict(self) -> dict[str, object]:
        """The JSON shape shared by `check` and `validate`."""
        out: dict[str, object] = {
            "file": self.file,
            "line": self.line,
            "severity": self.severity,
            "code": self.code,
            "message": self.message,
        }
        if self.column is not None:
            out["column"] = self.column
        if self.hint is not None:
            out["hint"] = self.hint
        if self.unit is not None:
            out["unit"] = self.unit
        return out


GROUPS_LISTED = 10  # groups of identical problems listed per code in text (`--max-problems`)


@dataclass(slots=True)
class ProblemGroup:
    """Identical problems (same code, severity and message): how many, and the first places."""

    code: str
    severity: ProblemSeverity
    message: str
    hint: str | None
    count: int = 0
    places: list[tuple[str, int | None]] = field(default_factory=list)

    def to_dict(self) -> dict[str, object]:
        """The JSON shape of a group (`problem_groups` in check and validate)."""
        return {"code": self.code, "severity": self.severity, "message": self.message,
                "count": self.count,
                "first": [{"file": f, "line": line} for f, line in self.places]}


def by_code(counts: dict[tuple[str, str], int]) -> dict[str, int]:
    """(severity, code) → n counts as code → n, in code order (for JSON summaries)."""
    out: dict[str, int] = {}
    for (_, code), n in sorted(counts.items(), key=lambda item: item[0][1]):
        out[code] = out.get(code, 0) + n
    return out


@dataclass(frozen=True)
class Findings:
    """The reader's problems, bounded: the first of each code per file in full, all counted."""

    problems: tuple[Problem, ...] = ()
    counts: dict[tuple[str, str], int] = field(default_factory=dict)  # (severity, code) → n
    groups: tuple[ProblemGroup, ...] = ()  # errors first, then by code and frequency
    ungrouped: dict[str, int] = field(default_factory=dict)  # code → past the group cap

    @property
    def errors(self) -> int:
        """Problems of severity error, kept or not."""
        return sum(n for (severity, _), n in self.counts.items() if severity == "error")

    @property
    def warnings(self) -> int:
        """Problems of severity warning, kept or not."""
        return sum(n for (severity, _), n in self.counts.items() if severity != "error")

    @property
    def truncated(self) -> int:
        """Problems counted but not kept in full."""
        return sum(self.counts.values()) - len(self.problems)

    def by_code(self) -> dict[str, int]:
        """Code → number of problems, in code order."""
        return by_code(self.counts)


class Entry(NamedTuple):
    """One logged activity, resolved against the plan (ids, not spellings).

    A named tuple rather than a dataclass: immutable all the same, and built about
    twice as fast, which matters at a million rows.
    """

    file: str
    line: int
    date: dt.date
    end: dt.date  # equal to date for one-day activities
    unit: str
    channel: str
    kind: str | None = None
    title: str = ""
    url: str = ""
    docs: tuple[str, ...] = ()
    task: str | None = None
    quantity: int = 1
    notes: str = ""
    extra: tuple[tuple[str, str], ...] = ()
