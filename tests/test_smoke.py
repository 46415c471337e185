"""Subprocess smoke test of the installed `dxplan` console script, from another directory."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest


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
    assert len(doc["rules"]) == 20


def test_installed_dxplan_reports_errors_without_traceback(tmp_path: Path) -> None:
    proc = subprocess.run([_dxplan(), "check", str(tmp_path / "nope.csv")], cwd=tmp_path,
                          capture_output=True, text=True, timeout=60, check=False)
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr
    assert proc.stderr.count("\n") == 1
