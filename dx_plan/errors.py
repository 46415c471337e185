"""The one exception hierarchy of dxplan.

Only the CLI turns these into exit codes; the core raises them with messages that
name the file, the line and the key, say what is wrong and how to fix it.
"""

from __future__ import annotations

from dataclasses import dataclass

from .i18n import Lang, Msg, say


@dataclass(frozen=True)
class Issue:
    """One problem found while loading a file: where it is and what is wrong (a catalogue
    `Msg`, said in the user's language by the CLI)."""

    file: str
    line: int | None
    key: str | None
    message: Msg

    def __str__(self) -> str:
        """'<file>:<line>: <key>: <message>' in English."""
        return self.say("en")

    def say(self, lang: Lang) -> str:
        """'<file>:<line>: <key>: <message>' with the message said in `lang`."""
        where = self.file
        if self.line is not None:
            where += f":{self.line}"
        if self.key:
            where += f": {self.key}"
        return f"{where}: {say(self.message, lang)}"


class DxplanError(Exception):
    """Root of every error dxplan raises on purpose; its message is a catalogue `Msg`
    (English in `str(exc)`, said in the user's language by the CLI)."""

    def __init__(self, message: Msg) -> None:
        super().__init__(str(message))
        self.message = message


class UsageError(DxplanError):
    """A bad option or argument given on the command line."""


class InputError(DxplanError):
    """A file could not be used at all (missing, unreadable, too large, wrong format)."""


class OutputError(DxplanError):
    """A report could not be written (would overwrite an input, exists without --force …)."""


class PlanError(DxplanError):
    """The plan data is invalid; carries every problem found, not just the first."""

    def __init__(self, issues: list[Issue]) -> None:
        self.issues = list(issues)
        Exception.__init__(self, "\n".join(str(i) for i in self.issues))
