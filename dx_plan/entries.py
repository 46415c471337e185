"""What the log readers produce: entries (one per usable row) and problems.

An `Entry` is a slotted, immutable record, deliberately not a pydantic model: a
year of a province's logs is a million rows, and validation happens once per
distinct spelling in the reader's memo tables, not once per row.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Literal, NamedTuple

from .i18n import Msg

ProblemSeverity = Literal["error", "warning"]

# The stable problem codes: each has a label `code.<code>` in the message catalogue.
PROBLEM_CODES: tuple[str, ...] = (
    "unknown-unit", "ambiguous-unit", "unknown-channel", "missing-value", "missing-column",
    "unknown-column", "bad-date", "bad-end-date", "bad-quantity", "outside-period",
    "future-date", "duplicate", "unknown-kind", "unknown-doc", "unknown-task", "task-mismatch",
    "bad-url", "foreign-domain", "credentials-in-url", "missing-url", "foreign-unit",
    "unknown-submitter", "too-many-columns", "field-too-large", "bad-row", "bad-file",
    "empty-file", "footer-row",
)


@dataclass(frozen=True, slots=True)
class Problem:
    """A finding about one row (or a whole file when line is None)."""

    file: str
    line: int | None
    severity: ProblemSeverity
    code: str
    message: Msg
    column: str | None = None
    hint: Msg | None = None
    unit: str | None = None  # the unit the row names, when the reader could tell

    def to_dict(self) -> dict[str, object]:
        """The JSON shape shared by `check` and `validate`."""
        out: dict[str, object] = {
            "file": self.file,
            "line": self.line,
            "severity": self.severity,
            "code": self.code,
            "message": str(self.message),
        }
        if self.column is not None:
            out["column"] = self.column
        if self.hint is not None:
            out["hint"] = str(self.hint)
        if self.unit is not None:
            out["unit"] = self.unit
        return out


GROUPS_LISTED = 10  # groups of identical problems listed per code in text (`--max-problems`)


@dataclass(slots=True)
class ProblemGroup:
    """Identical problems (same code, severity and message): how many, and the first places."""

    code: str
    severity: ProblemSeverity
    message: Msg
    hint: Msg | None
    count: int = 0
    places: list[tuple[str, int | None]] = field(default_factory=list)

    def to_dict(self) -> dict[str, object]:
        """The JSON shape of a group (`problem_groups` in check and validate)."""
        return {"code": self.code, "severity": self.severity, "message": str(self.message),
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
    suppressed: dict[str, int] = field(default_factory=dict)  # code → ignored on request

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
