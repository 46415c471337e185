"""Collecting problems without letting a million bad rows eat the memory."""

from __future__ import annotations

from collections import Counter

from ..entries import Problem, ProblemSeverity
from ..text import safe_text

SHOW_CHARS = 80


class ProblemLog:
    """Collects problems: counts every one, keeps at most `keep` (None = all) in order."""

    def __init__(self, keep: int | None = None) -> None:
        self.keep = keep
        # Never replaced, only appended to and counted into: the C row loop holds on
        # to both objects for the length of a file.
        self.problems: list[Problem] = []
        # (severity, code) → problems; the C row loop adds to it directly (see add_fail)
        self.counts: Counter[tuple[str, str]] = Counter()
        # The unit of the row being converted (set by the row converter), so that a
        # report can give each unit the problems of its own rows.
        self.current_unit: str | None = None

    @property
    def errors(self) -> int:
        """Problems of severity error, kept or not."""
        return sum(n for (severity, _), n in self.counts.items() if severity == "error")

    @property
    def warnings(self) -> int:
        """Problems of severity warning, kept or not."""
        return sum(n for (severity, _), n in self.counts.items() if severity != "error")

    def add(self, problem: Problem) -> None:
        """Count `problem` and keep it while fewer than `keep` are kept."""
        unit = self.current_unit
        if unit is not None and problem.unit is None and problem.line is not None:
            # Built directly: dataclasses.replace costs ~4 µs, felt at 100k problems.
            problem = Problem(problem.file, problem.line, problem.severity, problem.code,
                              problem.message, problem.column, problem.hint, unit)
        self.counts[(problem.severity, problem.code)] += 1
        if self.keep is None or len(self.problems) < self.keep:
            self.problems.append(problem)

    def add_fail(self, fail: Fail, file: str, line: int) -> None:
        """Add the problem `fail` stands for at this place (with the row's unit).

        No Problem is built when it would not be kept.

        Validate's hot path: a log of random tasks has more problems than rows.
        """
        self.counts[fail.key] += 1
        if self.keep is None or len(self.problems) < self.keep:
            self.problems.append(Problem(file, line, fail.severity, fail.code, fail.message,
                                         fail.column, fail.hint, self.current_unit))


class Fail:
    """A memoised problem: everything of a Problem except where it occurred."""

    __slots__ = ("code", "severity", "message", "column", "hint", "key")

    def __init__(self, code: str, severity: ProblemSeverity, message: str,
                 column: str | None, hint: str | None = None) -> None:
        self.code = code
        self.severity: ProblemSeverity = severity
        self.message = message
        self.column = column
        self.hint = hint
        self.key = (severity, code)  # what ProblemLog counts


class FileFailed(Exception):
    """Raised inside a source when the rest of a file cannot be read (becomes a Problem)."""

    def __init__(self, code: str, message: str, line: int | None = None,
                 hint: str | None = None, severity: ProblemSeverity = "error") -> None:
        super().__init__(message)
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
