"""A flood of identical problems costs what its rows cost: short text, exact counts, small memory.

The golden text is regenerated as `tests/conftest.py:assert_golden` says.
"""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

import pytest

from tests.conftest import assert_golden, run_measured
from tests.test_validate_cli import invoke

# 50,000 rows, each a problem: a hostile input, run with the slow set (`pytest -m slow`).
pytestmark = pytest.mark.slow

ROWS = 50_000
AS_OF = ("--as-of", "31/12/2024")


@pytest.fixture(scope="module")
def flood(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """50,000 good rows of Bến Lức's radio, each citing the unknown document ND-13-2023,
    and two bad dates (two different messages of one code)."""
    path = tmp_path_factory.mktemp("flood") / "flood.csv"
    with path.open("w", encoding="utf-8") as fh:
        fh.write("date,unit,channel,title,docs\n")
        for i in range(ROWS):
            fh.write(f"{1 + i % 28:02d}/03/2024,h-ben-luc,grassroots-radio,Bản tin {i},"
                     "ND-13-2023\n")
        fh.write("31/02/2024,h-ben-luc,grassroots-radio,x,\n")
        fh.write("hôm qua,h-ben-luc,grassroots-radio,y,\n")
    return path


def test_text_output_is_grouped_and_short(flood: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(flood.parent)
    monkeypatch.setenv("COLUMNS", "104")
    result = invoke("validate", "flood.csv", *AS_OF)
    assert result.exit_code == 1
    # 50,002 problems in 20 lines: a row per code, then one per group of identical ones
    # (the counts, lines and groups in the golden file were checked by hand).
    assert_golden("validate-flood.txt", result.stdout)
    lines = result.stdout.splitlines()
    assert lines[0] == f"1 files, {ROWS + 2} rows: 2 errors, {ROWS} warnings."
    assert len(lines) == 20


def test_json_counts_every_problem_and_keeps_the_first(flood: Path) -> None:
    result = invoke("validate", str(flood), *AS_OF, "-f", "json")
    doc = json.loads(result.stdout)
    assert doc["summary"]["by_code"] == {"bad-date": 2, "unknown-doc": ROWS}
    assert (doc["summary"]["errors"], doc["summary"]["warnings"]) == (2, ROWS)
    assert doc["summary"]["entries"] == ROWS
    # The first 100 of each code in full: 100 unknown-doc + both bad dates.
    assert len(doc["problems"]) == 102
    assert doc["problems_truncated"] == ROWS - 100
    assert [p["line"] for p in doc["problems"] if p["code"] == "unknown-doc"] == list(
        range(2, 102))
    docs_group = [g for g in doc["problem_groups"] if g["code"] == "unknown-doc"]
    assert [(g["count"], [p["line"] for p in g["first"]]) for g in docs_group] == [
        (ROWS, [2, 3, 4, 5, 6])]
    assert sorted(g["count"] for g in doc["problem_groups"] if g["code"] == "bad-date") == [1, 1]


@pytest.mark.slow
def test_the_limit_keeps_more_problems_on_request(flood: Path) -> None:
    result = invoke("validate", str(flood), *AS_OF, "-f", "json", "--limit", "problems=1000")
    doc = json.loads(result.stdout)
    assert len(doc["problems"]) == 1002
    assert doc["problems_truncated"] == ROWS - 1000


@pytest.mark.slow
def test_validate_and_check_stay_small_in_memory(flood: Path, tmp_path: Path) -> None:
    exe = Path(sys.executable).parent / "dxplan"
    dxplan = str(exe) if exe.exists() else shutil.which("dxplan")
    if dxplan is None:
        pytest.skip("the dxplan console script is not installed")
    for argv in (["validate", str(flood), *AS_OF],
                 ["validate", str(flood), *AS_OF, "-f", "json", "-o", str(tmp_path / "v.json")],
                 ["check", str(flood), "--allow-bad-rows", "-o", str(tmp_path / "c.txt")]):
        code, peak_kib = run_measured([dxplan, *argv])
        assert code in (0, 1), argv
        assert peak_kib < 100 * 1024, (argv, peak_kib)
