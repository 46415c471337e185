"""Collecting problems so that a flood of them costs no more than the rows that raise it.

Every problem is counted.  The first `keep` problems of each code in each file are
kept in full (file, line, unit, message, hint); past that, a problem only adds to
counters.  Identical problems (same code, severity and message: the same unknown
document id on 76,450 rows) are also grouped, with their count and first lines, so
that the text outputs can say so in one line.  Memory is bounded by
codes × files × `keep`, whatever the number of rows.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from ..entries import Findings, Problem, ProblemGroup, ProblemSeverity
from ..i18n import Msg
from ..text import safe_text

SHOW_CHARS = 80
KEEP_PER_CODE = 100  # problems kept in full per code and file (`--limit problems=N`)
GROUPS_PER_CODE = 1000  # distinct messages grouped per code; the rest are counted apart
GROUP_LINES = 5  # lines remembered per group ("first at lines 4, 9, 12 …")


class ProblemLog:
    """Counts every problem; keeps the first `keep` of each code per file; groups them."""

    def __init__(self, keep: int = KEEP_PER_CODE, ignore: frozenset[str] = frozenset()) -> None:
        self.keep = keep
        # Codes the user chose to ignore (`--ignore`), and a row's own (`dxplan: ignore=…`
        # in its notes): not reported, but counted apart, so nothing vanishes unsaid.
        self.ignore = ignore
        self.suppressed: dict[str, int] = {}
        self._row: tuple[str, int, frozenset[str]] | None = None
        self.problems: list[Problem] = []  # the kept ones, in the order found
        # Plain dicts, not Counters: this runs once per problem, and a log can hold more
        # problems than rows.
        self.counts: dict[tuple[str, str], int] = {}  # (severity, code) → all
        self.groups: dict[tuple[str, str, Msg], ProblemGroup] = {}
        self.ungrouped: Counter[str] = Counter()  # code → problems past GROUPS_PER_CODE
        self._kept: dict[tuple[str, str], int] = {}  # (file, code) → kept
        self._groups_per_code: Counter[str] = Counter()

    @property
    def errors(self) -> int:
        """Problems of severity error, kept or not."""
        return Findings(counts=self.counts).errors

    @property
    def warnings(self) -> int:
        """Problems of severity warning, kept or not."""
        return Findings(counts=self.counts).warnings

    def ignore_row(self, file: str, line: int, codes: frozenset[str]) -> None:
        """The codes one row asks to be ignored (until the next row says otherwise)."""
        self._row = (file, line, codes) if codes else None

    def _ignored(self, code: str, severity: str, file: str, line: int | None) -> bool:
        # A row may set aside its own warnings, never its errors: a submission must not
        # hide from the gate what makes it unusable.
        row = self._row
        if code in self.ignore or (row is not None and severity == "warning" and code in row[2]
                                   and line == row[1] and file == row[0]):
            self.suppressed[code] = self.suppressed.get(code, 0) + 1
            return True
        return False

    def add(self, problem: Problem) -> None:
        """Count `problem`, group it, and keep it while its (file, code) has room."""
        if (self.ignore or self._row) and self._ignored(problem.code, problem.severity,
                                                        problem.file, problem.line):
            return
        self._count(problem.code, problem.severity, problem.message, problem.hint,
                    problem.file, problem.line)
        place = (problem.file, problem.code)
        kept = self._kept.get(place, 0)
        if kept < self.keep:
            self._kept[place] = kept + 1
            self.problems.append(problem)

    def add_fail(self, fail: Fail, file: str, line: int, unit: str | None = None) -> None:
        """Add the problem a memoised `fail` stands for at this place (row of `unit`).

        No Problem is built unless it is kept.
        """
        if (self.ignore or self._row) and self._ignored(fail.code, fail.severity, file, line):
            return
        self._count(fail.code, fail.severity, fail.message, fail.hint, file, line)
        place = (file, fail.code)
        kept = self._kept.get(place, 0)
        if kept < self.keep:
            self._kept[place] = kept + 1
            self.problems.append(Problem(file, line, fail.severity, fail.code, fail.message,
                                         fail.column, fail.hint, unit))

    def findings(self) -> Findings:
        """A snapshot for reports; groups by severity (errors first), code, frequency."""
        groups = sorted(self.groups.values(),
                        key=lambda g: (g.severity != "error", g.code, -g.count))
        return Findings(tuple(self.problems), dict(self.counts), tuple(groups),
                        dict(self.ungrouped), dict(sorted(self.suppressed.items())))

    def _count(self, code: str, severity: ProblemSeverity, message: Msg, hint: Msg | None,
               file: str, line: int | None) -> None:
        counted = (severity, code)
        self.counts[counted] = self.counts.get(counted, 0) + 1
        key = (code, severity, message)
        group = self.groups.get(key)
        if group is None:
            if self._groups_per_code[code] >= GROUPS_PER_CODE:
                self.ungrouped[code] += 1
                return
            self._groups_per_code[code] += 1
            group = self.groups[key] = ProblemGroup(code, severity, message, hint)
        group.count += 1
        if len(group.places) < GROUP_LINES:
            group.places.append((file, line))


@dataclass(frozen=True, slots=True)
class Fail:
    """A memoised problem: everything of a Problem except where it occurred."""

    code: str
    severity: ProblemSeverity
    message: Msg
    column: str | None
    hint: Msg | None = None


class FileFailed(Exception):
    """Raised inside a source when the rest of a file cannot be read (becomes a Problem)."""

    def __init__(self, code: str, message: Msg, line: int | None = None,
                 hint: Msg | None = None, severity: ProblemSeverity = "error") -> None:
        super().__init__(str(message))
        self.code = code
        self.message = message
        self.line = line
        self.hint = hint
        self.severity: ProblemSeverity = severity

    def problem(self, file: str) -> Problem:
        """The file-level Problem this failure stands for."""
        return Problem(file, self.line, self.severity, self.code, self.message, hint=self.hint)


def show(value: str, limit: int = SHOW_CHARS) -> str:
    """Untrusted cell text made safe to quote in a message: no control codes, truncated."""
    text = safe_text(value).replace("\n", " ").replace("\r", " ")
    return text if len(text) <= limit else text[: limit - 1] + "…"
