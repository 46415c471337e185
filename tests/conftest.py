"""Shared fixtures: the shipped plan, its catalog, fixed-width deterministic output."""

from __future__ import annotations

import functools
import os
import sys
from pathlib import Path

import pytest
import typer.testing

# pytest keeps its assertion-rewritten test modules (and Python its bytecode) only while
# bytecode may be written; a machine with PYTHONDONTWRITEBYTECODE=1 would otherwise rewrite
# and compile every module in every xdist worker on every run (about 5 s of each run).
sys.dont_write_bytecode = False

# typer builds the click command tree from the functions' signatures on every
# `CliRunner.invoke` (about 27 ms; a real run pays it once).  Build it once per app: each
# run still says the tree in its own language (`commands.words.localise` keeps the keys).
typer.testing._get_command = functools.cache(typer.testing._get_command)

from dx_plan.catalog import Catalog  # noqa: E402  (after the bytecode setting above)
from dx_plan.loader import load_plan  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"
SEED = ROOT.parent / "shared" / "seed" / "000_caf928c9374c524b.txt"


@pytest.fixture(autouse=True)
def _fixed_env(monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory
               ) -> None:
    """Deterministic output: fixed width, no colour, Vietnamese, shipped plan, own cache."""
    monkeypatch.setenv("DXPLAN_CACHE_DIR", str(tmp_path_factory.getbasetemp() / "plan-cache"))
    # The cache's signing secret too: never the real ~/.config of whoever runs the tests.
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path_factory.getbasetemp() / "config"))
    monkeypatch.delenv("DXPLAN_NO_CACHE", raising=False)
    monkeypatch.setenv("COLUMNS", "160")
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.delenv("DXPLAN_LANG", raising=False)
    monkeypatch.delenv("DXPLAN_PLAN", raising=False)
    monkeypatch.setenv("DXPLAN_CONFIG", "")
    os.environ.pop("FORCE_COLOR", None)


@pytest.fixture(scope="session")
def catalog() -> Catalog:
    """The shipped plan, loaded once."""
    return Catalog(load_plan())


_LAUNCHER = """
import os, subprocess, sys
with open(os.devnull, "wb") as null:
    child = subprocess.Popen(sys.argv[1:], stdout=null, stderr=null)
    _, status, usage = os.wait4(child.pid, 0)
print(os.waitstatus_to_exitcode(status), usage.ru_maxrss)
"""


def run_measured(argv: list[str]) -> tuple[int, int]:
    """(exit code, peak RSS in KiB) of a command, measured through a small launcher.

    On Linux a child's ru_maxrss starts from its parent's RSS at spawn, and a pytest
    process that has run many tests is large; a fresh launcher is not.
    """
    import subprocess
    import sys

    out = subprocess.run([sys.executable, "-c", _LAUNCHER, *argv], capture_output=True,
                         text=True, check=True).stdout.split()
    return int(out[0]), int(out[1])


GOLDEN_DIR = Path(__file__).resolve().parent / "golden"


def assert_golden(name: str, text: str) -> None:
    """`text` equals tests/golden/NAME; with DXPLAN_GOLDEN=update, (re)write it instead.

    Regenerate them with ``DXPLAN_GOLDEN=update pytest -n 0 -m "" tests/test_golden.py
    tests/test_problem_flood.py`` (README, Development; ``-m ""`` includes the slow flood)
    and review the diff.
    """
    path = GOLDEN_DIR / name
    if os.environ.get("DXPLAN_GOLDEN") == "update":
        path.write_text(text, encoding="utf-8")
    assert path.exists(), f"no golden file {name}: run with DXPLAN_GOLDEN=update"
    assert text == path.read_text(encoding="utf-8"), f"{name} differs (DXPLAN_GOLDEN=update)"
