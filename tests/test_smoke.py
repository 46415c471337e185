"""Subprocess smoke test of the installed `dxplan` console script, from another directory."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from dx_plan import __version__


def _dxplan() -> str:
    here = Path(sys.executable).parent / "dxplan"
    found = str(here) if here.exists() else shutil.which("dxplan")
    if not found:
        pytest.skip("the dxplan console script is not installed in this environment")
    return found


def test_installed_dxplan_runs_from_any_directory(tmp_path: Path) -> None:
    env = {**os.environ, "COLUMNS": "120"}
    env.pop("DXPLAN_PLAN", None)
    proc = subprocess.run([_dxplan(), "plan", "show", "--format", "json"], cwd=tmp_path,
                          capture_output=True, text=True, env=env, timeout=60, check=False)
    assert proc.returncode == 0, proc.stderr
    doc = json.loads(proc.stdout)
    assert doc["schema"] == "dxplan.plan/1"
    assert len(doc["rules"]) == 24


@pytest.mark.slow  # a subprocess; the fast set keeps one smoke run
def test_installed_dxplan_reports_errors_without_traceback(tmp_path: Path) -> None:
    proc = subprocess.run([_dxplan(), "check", str(tmp_path / "nope.csv")], cwd=tmp_path,
                          capture_output=True, text=True, timeout=60, check=False)
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr
    assert proc.stderr.count("\n") == 1


# What a `check` run imported, beyond typer: run in a fresh interpreter so that the
# test process's own imports do not count.
_IMPORTS_OF_A_RUN = """
import sys
from dx_plan.cli import main
sys.argv = ["dxplan", "check", sys.argv[1], "--format", "json", "--output", sys.argv[2]]
try:
    main()
except SystemExit:
    pass
heavy = ("pydantic", "pydantic_core", "yaml", "openpyxl", "rich", "dateutil")
print(" ".join(sorted({m.split(".")[0] for m in sys.modules} & set(heavy))))
"""


def _typer_imports_pydantic() -> bool:
    # typer 0.29 imports pydantic to coerce option values (see pyproject.toml).
    import typer

    return tuple(int(p) for p in typer.__version__.split(".")[:2]) >= (0, 29)


@pytest.mark.slow
def test_a_cached_check_run_imports_no_heavy_library(tmp_path: Path) -> None:
    # Start-up (bench/README.md) depends on it: with the plan cached, a CSV `check`
    # needs none of pydantic, PyYAML, openpyxl, rich or dateutil.  The first run
    # validates the plan (pydantic, PyYAML), which shows the probe sees imports.
    log = tmp_path / "q1.csv"
    log.write_text("date,unit,channel\n05/03/2024,bao-long-an,newspaper\n", encoding="utf-8")
    env = {**os.environ, "DXPLAN_CACHE_DIR": str(tmp_path / "cache")}
    env.pop("DXPLAN_NO_CACHE", None)
    runs = [subprocess.run([sys.executable, "-c", _IMPORTS_OF_A_RUN, str(log),
                            str(tmp_path / "out.json")], capture_output=True, text=True,
                           env=env, timeout=60, check=True).stdout
            for _ in range(2)]
    cached = "pydantic pydantic_core\n" if _typer_imports_pydantic() else "\n"
    assert runs == ["pydantic pydantic_core yaml\n", cached]


@pytest.mark.slow  # a subprocess; the fast set keeps one smoke run
def test_version_names_the_package_and_the_plan(tmp_path: Path) -> None:
    proc = subprocess.run([_dxplan(), "--version"], cwd=tmp_path, capture_output=True,
                          text=True, timeout=60, check=False)
    assert proc.returncode == 0, proc.stderr
    first, second = proc.stdout.splitlines()
    assert first == f"dxplan {__version__}"
    assert re.fullmatch(r"long-an-dx-comms-2024 [0-9a-f]{12} \(.+plan\.yaml\)", second), second
