"""Smoke test of the benchmark harness: it runs and prints its table (no timing asserted)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
RUN = ROOT / "bench" / "run.py"

pytestmark = pytest.mark.slow


def test_bench_run_prints_the_table(tmp_path: Path) -> None:
    if not (Path(sys.executable).parent / "dxplan").exists() and not shutil.which("dxplan"):
        pytest.skip("the dxplan console script is not installed in this environment")
    proc = subprocess.run(
        [sys.executable, str(RUN), "--rows", "1000", "--repeat", "1", "--out-dir",
         str(tmp_path)],
        capture_output=True, text=True, timeout=120, check=False)
    assert proc.returncode == 0, proc.stderr
    out = proc.stdout
    assert out.startswith("dxplan package: "), out
    assert out.splitlines()[0].endswith("(pure Python)")
    assert ("| case | median s | ratio to floor | target | peak RSS MiB | target | lines | ok? |"
            in out)
    names = [line.split(" | ")[0].lstrip("| ") for line in out.splitlines()
             if line.startswith("| ") and " | " in line]
    for case in ("check (1,000 rows)", "check (1,000 rows, dirty)",
                 "validate text (1,000 rows)", "validate sarif (1,000 rows, dirty)",
                 "report --all html (1,000 rows)", "report --all xlsx (1,000 rows)",
                 "startup (check, 10 rows)"):
        assert case in names, out
