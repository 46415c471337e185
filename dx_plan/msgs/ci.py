"""Words of the CI outputs: GitHub annotations and step summary, several reports in one run."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
}
