"""The outputs people read, byte for byte, on the sample log (logs/q1.csv, 2024-Q1):
the check table and Markdown, a district's report in Markdown and HTML, `plan show`.

A change to any of them shows up as a diff of tests/golden/ in review; regenerate
with DXPLAN_GOLDEN=update (see `tests/conftest.py:assert_golden`).
"""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from dx_plan.cli import app

from .conftest import ROOT, assert_golden

Q1 = ["--period", "2024-Q1", "--as-of", "2024-03-31"]
LOG = "logs/q1.csv"
CASES = {
    "check-q1.txt": (["check", LOG, *Q1], 1),
    "check-q1-detail.txt": (["check", LOG, *Q1, "--detail"], 1),
    "check-q1.md": (["check", LOG, *Q1, "--format", "markdown"], 1),
    "check-q1-communes-en.txt": (["check", LOG, *Q1, "--group", "communes", "--task", "2.5",
                                  "--only-failing", "--lang", "en"], 1),
    "report-h-can-duoc.md": (["report", LOG, *Q1, "--unit", "h-can-duoc"], 1),
    "report-h-can-duoc.html": (["report", LOG, *Q1, "--unit", "h-can-duoc", "--format",
                                "html"], 1),
    "plan-show.md": (["plan", "show", "--format", "markdown"], 0),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_golden(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    args, code = CASES[name]
    monkeypatch.chdir(ROOT)  # file names in the outputs are the relative ones people type
    result = CliRunner().invoke(app, args)
    assert (result.exit_code, result.stderr) == (code, "")
    assert_golden(name, result.stdout)
