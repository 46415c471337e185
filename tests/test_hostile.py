"""Hostile inputs: no traceback, no hang, no unbounded memory; a clear problem or exit 2.

Small inputs are committed in tests/data/hostile/ (written by make_hostile.py); large
ones (50 MB field, ZIP bomb, huge sheet dimension) are generated into tmp_path.
"""

from __future__ import annotations

import csv
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from dx_plan.cli import app
from dx_plan.entries import PROBLEM_CODES
from tests.conftest import run_measured

# Hostile inputs run with the slow set (`pytest -m slow`, which .ci/run runs too).
pytestmark = pytest.mark.slow

HOSTILE = Path(__file__).resolve().parent / "data" / "hostile"
sys.path.insert(0, str(HOSTILE))
# No __pycache__ in the committed corpus folder; only for this import, since pytest keeps its
# rewritten test modules only while bytecode may be written.
_WRITES, sys.dont_write_bytecode = sys.dont_write_bytecode, True
import make_hostile as mh  # noqa: E402

sys.dont_write_bytecode = _WRITES

DXPLAN = Path(sys.executable).with_name("dxplan")
if not DXPLAN.exists():
    DXPLAN = Path("/work/venv/bin/dxplan")
AS_OF = ["--as-of", "2024-12-31"]
INTERNAL = ("internal error", "Lỗi nội bộ", "Traceback")


# ------------------------------------------------------------------ helpers


def invoke(args: list[str], cwd: Path | None = None):  # type: ignore[no-untyped-def]
    runner = CliRunner()
    if cwd is None:
        return runner.invoke(app, args)
    old = os.getcwd()
    os.chdir(cwd)
    try:
        return runner.invoke(app, args)
    finally:
        os.chdir(old)


def assert_clean(result) -> None:  # type: ignore[no-untyped-def]
    """No exception escaped and nothing looks like a crash."""
    assert result.exception is None or isinstance(result.exception, SystemExit), (
        repr(result.exception))
    for marker in INTERNAL:
        assert marker not in result.stdout, result.stdout
        assert marker not in result.stderr, result.stderr


def validate_json(path: Path, *extra: str):  # type: ignore[no-untyped-def]
    result = invoke(["validate", str(path), *AS_OF, "--lang", "en", "-f", "json", *extra])
    assert_clean(result)
    doc = json.loads(result.stdout) if result.exit_code in (0, 1) else None
    return result, doc


def codes(doc: dict) -> set[str]:  # type: ignore[type-arg]
    return {p["code"] for p in doc["problems"]}


def assert_problem_shape(doc: dict) -> None:  # type: ignore[type-arg]
    for p in doc["problems"]:
        assert isinstance(p["file"], str) and p["file"]
        assert p["line"] is None or (isinstance(p["line"], int) and p["line"] >= 1)
        assert p["code"] in PROBLEM_CODES
        assert p["severity"] in ("error", "warning")
        assert "\n" not in p["message"]


def _limit_memory() -> None:  # runs in the child before exec
    limit = 1536 * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))


def run_bounded(args: list[str], timeout: float = 60, cwd: Path | None = None
                ) -> subprocess.CompletedProcess[str]:
    """Run the installed dxplan with a timeout and a 1.5 GiB address-space cap."""
    env = {**os.environ, "COLUMNS": "160", "NO_COLOR": "1", "DXPLAN_LANG": "en"}
    env.pop("DXPLAN_PLAN", None)
    return subprocess.run([str(DXPLAN), *args], capture_output=True, text=True,
                          timeout=timeout, cwd=cwd, env=env, preexec_fn=_limit_memory)


def assert_bounded_clean(proc: subprocess.CompletedProcess[str]) -> None:
    for marker in (*INTERNAL, "MemoryError", "Killed"):
        assert marker not in proc.stdout and marker not in proc.stderr, proc.stderr[-2000:]
    assert proc.returncode in (0, 1, 2), (proc.returncode, proc.stderr[-2000:])


@pytest.fixture()
def hostile(tmp_path: Path) -> Path:
    """A fresh copy of the committed hostile files (so paths in messages are short)."""
    mh.write_small(tmp_path)
    return tmp_path


def test_committed_files_are_current_and_small() -> None:
    for name, data in mh.small_files().items():
        path = HOSTILE / name
        assert path.read_bytes() == data, f"{name} is stale: run make_hostile.py"
        assert len(data) < 200 * 1024
    for path in HOSTILE.iterdir():
        assert path.stat().st_size < 200 * 1024, path


# ------------------------------------------------------------------ validate: one file each

# name → (exit code, problem codes that must appear, entries read)
CASES = {
    "empty.csv": (1, {"empty-file"}, 0),
    "header-only.csv": (0, {"empty-file"}, 0),
    "garbage.csv": (1, {"bad-file"}, 0),
    "png-renamed.csv": (1, {"bad-file"}, 0),
    "unterminated-quote.csv": (1, {"bad-row"}, 1),
    "nul-bytes.csv": (1, {"bad-file"}, 0),
    "wide-10000.csv": (1, {"too-many-columns"}, 0),
    "laughs.yaml": (1, {"bad-file"}, 0),
    "python-tag.yaml": (1, {"bad-file"}, 0),
    "deep.yaml": (1, {"bad-file"}, 0),
    "scalar.yaml": (1, {"bad-file"}, 0),
    "wrong-shape.yaml": (1, {"bad-file"}, 0),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_validate_hostile_file(hostile: Path, name: str) -> None:
    code, want, entries = CASES[name]
    start = time.monotonic()
    result, doc = validate_json(hostile / name)
    assert time.monotonic() - start < 20
    assert result.exit_code == code, (result.stdout, result.stderr)
    assert want <= codes(doc), doc["problems"]
    assert doc["summary"]["entries"] == entries
    assert_problem_shape(doc)
    assert all(p["file"] == str(hostile / name) for p in doc["problems"])


def test_png_message_names_the_format(hostile: Path) -> None:
    result = invoke(["validate", str(hostile / "png-renamed.csv"), *AS_OF, "--lang", "en",
                     "-f", "github"])
    assert_clean(result)
    assert result.stdout.splitlines() == [
        f"::error file={hostile / 'png-renamed.csv'},title=bad-file::"
        "not a text file (looks like PNG image)",
        "1 files, 0 rows: 1 errors, 0 warnings."]


def test_unterminated_quote_names_its_line(hostile: Path) -> None:
    _, doc = validate_json(hostile / "unterminated-quote.csv")
    bad = [p for p in doc["problems"] if p["code"] == "bad-row"]
    assert [p["line"] for p in bad] == [3]
    assert "never closed" in bad[0]["message"]


def test_python_tag_is_not_executed(hostile: Path, tmp_path: Path) -> None:
    marker = tmp_path / "pwned"
    (hostile / "tag.yaml").write_text(
        "unit: h-ben-luc\nentries:\n  - !!python/object/apply:os.system "
        f"['touch {marker}']\n", encoding="utf-8")
    result, doc = validate_json(hostile / "tag.yaml")
    assert result.exit_code == 1
    assert not marker.exists()
    assert any("not allowed" in p["message"] for p in doc["problems"])


def test_laughs_yaml_is_fast(hostile: Path) -> None:
    (hostile / "laughs-big.yaml").write_text(mh.laughs_yaml(levels=30, fan=10),
                                             encoding="utf-8")
    proc = run_bounded(["validate", str(hostile / "laughs-big.yaml"), *AS_OF], timeout=30)
    assert_bounded_clean(proc)
    assert proc.returncode == 1
    assert "alias" in proc.stdout


def test_mixed_encoding_later_lines(tmp_path: Path) -> None:
    """cp1258 rows after 64 KB of UTF-8 rows: both kinds decode correctly."""
    import unicodedata

    from dx_plan.catalog import Catalog
    from dx_plan.loader import load_plan
    from dx_plan.reader import LogReader

    path = tmp_path / "mixed-late.csv"
    rows = [mh.HEADER] + [
        f"{d:02d}/02/2024,h-ben-luc,grassroots-radio,bulletin,Bản tin số {i},,1\n"
        for i, d in ((i, 1 + i % 28) for i in range(1500))]
    late = unicodedata.normalize(
        "NFD", "01/03/2024,h-ben-luc,grassroots-radio,bulletin,Bản tin Đà,,1\n")
    path.write_bytes("".join(rows).encode("utf-8") + late.encode("cp1258"))
    reader = LogReader(Catalog(load_plan()))
    titles = [e.title for e in reader.read([path])]
    assert titles[0] == "Bản tin số 0"
    assert titles[-1] == "Bản tin Đà"


def test_mixed_encoding_in_head(hostile: Path) -> None:
    from dx_plan.catalog import Catalog
    from dx_plan.loader import load_plan
    from dx_plan.reader import LogReader, ProblemLog

    problems = ProblemLog()
    reader = LogReader(Catalog(load_plan()), problems=problems)
    titles = [e.title for e in reader.read([hostile / "mixed-encoding.csv"])]
    # The Windows-1258 line after a UTF-8 head is decoded, not reported.
    assert (titles, list(problems.problems)) == (["Bản tin tuần 1", "Bản tin Đà"], [])


def test_utf16_without_bom_is_read(hostile: Path) -> None:
    result, doc = validate_json(hostile / "utf16-nobom.csv")
    assert result.exit_code == 0, doc["problems"]
    assert doc["summary"]["entries"] == 1


def test_utf16_with_bom_is_read(tmp_path: Path) -> None:
    path = tmp_path / "bom.csv"
    path.write_bytes((mh.HEADER + mh.GOOD_ROW).encode("utf-16"))
    result, doc = validate_json(path)
    assert result.exit_code == 0, doc["problems"]
    assert doc["summary"]["entries"] == 1


# ------------------------------------------------------------------ large, generated


@pytest.mark.slow
def test_big_field(tmp_path: Path) -> None:
    path = mh.make_big_field_csv(tmp_path / "big-field.csv", mb=50)
    start = time.monotonic()
    proc = run_bounded(["validate", str(path), *AS_OF, "-f", "json"], timeout=120)
    assert_bounded_clean(proc)
    assert time.monotonic() - start < 120
    assert proc.returncode == 1, proc.stderr
    doc = json.loads(proc.stdout)
    assert_problem_shape(doc)
    assert [(p["line"], p["code"]) for p in doc["problems"]] == [(2, "field-too-large")]
    assert doc["summary"]["entries"] == 1  # the row after the big one is still read
    assert all(len(p["message"]) < 500 for p in doc["problems"])


@pytest.mark.slow
def test_big_quoted_field(tmp_path: Path) -> None:
    path = mh.make_big_quoted_field_csv(tmp_path / "big-quoted.csv", mb=50)
    proc = run_bounded(["validate", str(path), *AS_OF, "-f", "json"], timeout=120)
    assert_bounded_clean(proc)
    assert proc.returncode == 1, proc.stderr
    doc = json.loads(proc.stdout)
    assert_problem_shape(doc)
    assert {p["code"] for p in doc["problems"]} <= {"field-too-large", "bad-row"}
    assert doc["problems"][0]["line"] == 2


@pytest.mark.slow
def test_zip_bomb_xlsx(tmp_path: Path) -> None:
    path = mh.make_zip_bomb_xlsx(tmp_path / "bomb.xlsx", mb=400)
    assert path.stat().st_size < 5 * 1024 * 1024
    proc = run_bounded(["validate", str(path), *AS_OF, "-f", "json"], timeout=120)
    assert_bounded_clean(proc)
    if proc.returncode == 2:
        assert len(proc.stderr.strip().splitlines()) == 1, proc.stderr
    else:
        assert proc.returncode == 1, proc.stderr
        doc = json.loads(proc.stdout)
        assert_problem_shape(doc)
        assert codes(doc) & {"bad-file", "field-too-large"}


@pytest.mark.slow
def test_zip_bomb_rows_xlsx(tmp_path: Path) -> None:
    path = mh.make_zip_bomb_rows_xlsx(tmp_path / "rows.xlsx", rows=3_000_000)
    proc = run_bounded(["validate", str(path), *AS_OF, "-f", "json"], timeout=180)
    assert_bounded_clean(proc)
    assert proc.returncode in (1, 2), proc.stderr


@pytest.mark.slow
def test_huge_dimension_xlsx(tmp_path: Path) -> None:
    path = mh.make_huge_dimension_xlsx(tmp_path / "dim.xlsx")
    start = time.monotonic()
    proc = run_bounded(["validate", str(path), *AS_OF, "-f", "json"], timeout=60)
    assert_bounded_clean(proc)
    assert time.monotonic() - start < 60
    assert proc.returncode == 0, proc.stdout + proc.stderr
    doc = json.loads(proc.stdout)
    assert doc["summary"]["entries"] == 1


@pytest.mark.slow
def test_far_cells_xlsx_are_rejected_before_conversion(tmp_path: Path) -> None:
    # Each row's one cell is in column XFD: openpyxl padded it to 16,384 values, which
    # were all converted before the row was found too wide (about 10 ms a row).  Now
    # such rows are never built, and a sheet is given up after 1,000 of them.
    path = mh.make_far_cells_xlsx(tmp_path / "far.xlsx", rows=100_000)
    start = time.monotonic()
    proc = run_bounded(["validate", str(path), *AS_OF, "-f", "json"], timeout=120)
    assert_bounded_clean(proc)
    assert time.monotonic() - start < 10
    doc = json.loads(proc.stdout)
    assert doc["summary"]["by_code"] == {"too-many-columns": 1000, "bad-file": 1}
    first, stop = doc["problems"][0], doc["problems"][-1]
    assert (first["line"], first["message"]) == (2, "the row has 16384 cells; the limit is 500")
    assert (stop["line"], stop["message"]) == (
        1002, "more than 1000 rows are wider than 500 columns; the rest of the sheet is not read")


def test_a_few_far_cells_are_each_reported(tmp_path: Path) -> None:
    path = mh.make_far_cells_xlsx(tmp_path / "far.xlsx", rows=1000)
    result, doc = validate_json(path)
    assert result.exit_code == 1
    assert doc["summary"]["by_code"] == {"too-many-columns": 1000}


@pytest.mark.slow
def test_shared_strings_bomb_under_the_total_limit(tmp_path: Path) -> None:
    # 85 MiB of one letter in sharedStrings.xml packs into a few hundred KB: below the
    # 100 MiB total limit, so it was unpacked and parsed (58 s, 500 MB).
    path = mh.make_shared_strings_bomb_xlsx(tmp_path / "sst.xlsx", mb=85)
    assert path.stat().st_size < 1_000_000
    start = time.monotonic()
    proc = run_bounded(["validate", str(path), *AS_OF, "-f", "json"], timeout=120)
    assert_bounded_clean(proc)
    assert time.monotonic() - start < 10
    doc = json.loads(proc.stdout)
    assert [(p["code"], p["message"]) for p in doc["problems"]] == [
        ("bad-file", "compressed content too large (possible zip bomb)")]
    assert "in xl/sharedStrings.xml" in doc["problems"][0]["hint"]


def test_huge_cell_fails_the_workbook_before_openpyxl_reads_it(tmp_path: Path) -> None:
    # A cell of barely compressible text passes every zip-bomb test; openpyxl held
    # it whole several times over (a 90 MB cell: 455 MB to 1 GB).
    path = mh.make_huge_cell_xlsx(tmp_path / "cell.xlsx", mb=3)
    result, doc = validate_json(path)
    assert result.exit_code == 1
    assert [(p["line"], p["code"], p["message"]) for p in doc["problems"]] == [
        (2, "field-too-large", "a cell is larger than 1000000 bytes; the workbook is not read")]


def test_rich_text_runs_of_one_shared_string_add_up(tmp_path: Path) -> None:
    path = mh.make_huge_cell_xlsx(tmp_path / "runs.xlsx", mb=3, runs=600)  # 5 KiB a run
    result, doc = validate_json(path)
    assert [(p["line"], p["code"], p["message"]) for p in doc["problems"]] == [
        (None, "field-too-large",
         "a shared string is larger than 1000000 bytes; the workbook is not read")]


def test_a_cell_over_the_limit_but_under_the_cap_fails_only_its_row(tmp_path: Path) -> None:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["date", "unit", "channel", "kind", "title"])
    sheet.append(["05/02/2024", "h-ben-luc", "zalo", "post", "x" * 5000])  # > 1000, < 10×
    sheet.append(["06/02/2024", "h-ben-luc", "zalo", "post", "short"])
    book.save(tmp_path / "row.xlsx")
    result, doc = validate_json(tmp_path / "row.xlsx", "--limit", "field-chars=1000")
    assert [(p["line"], p["code"]) for p in doc["problems"]] == [(2, "field-too-large")]
    assert doc["summary"]["entries"] == 1


def test_formatted_empty_cells_far_right_are_not_data(tmp_path: Path) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    sheet = book.active
    sheet.append(["date", "unit", "channel", "kind", "title"])
    for i in range(2, 40):
        sheet.append(["05/02/2024", "h-ben-luc", "zalo", "post", f"Tin {i}"])
        sheet.cell(i, 600).font = Font(bold=True)  # styled, no value
    book.save(tmp_path / "styled.xlsx")
    result, doc = validate_json(tmp_path / "styled.xlsx")
    assert (result.exit_code, doc["problems"], doc["summary"]["entries"]) == (0, [], 38)


@pytest.mark.slow
def test_huge_cell_memory_is_bounded(tmp_path: Path) -> None:
    path = mh.make_huge_cell_xlsx(tmp_path / "cell.xlsx", mb=40)
    assert path.stat().st_size > 25 * 1024 * 1024  # no ratio limit applies
    start = time.monotonic()
    code, peak_kib = run_measured([str(DXPLAN), "validate", str(path), *AS_OF])
    assert time.monotonic() - start < 10
    assert code == 1
    assert peak_kib < 100 * 1024


@pytest.mark.slow
def test_yaml_node_limit_holds_while_parsing(tmp_path: Path) -> None:
    # A 16 MB YAML list: composed whole before the node limit was checked (1.3 GB).
    path = mh.make_long_yaml(tmp_path / "big.yaml", rows=300_000)
    env = {**os.environ, "DXPLAN_LANG": "en"}
    start = time.monotonic()
    proc = subprocess.Popen([str(DXPLAN), "validate", str(path), *AS_OF, "-f", "json",
                             "--limit", "yaml-nodes=100000"], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, env=env)
    out, _ = proc.communicate(timeout=120)
    assert time.monotonic() - start < 10
    doc = json.loads(out)
    assert [(p["code"], p["message"]) for p in doc["problems"]] == [
        ("bad-file", "more than 100000 YAML nodes; split the file")]


@pytest.mark.slow
def test_yaml_node_limit_bounds_memory(tmp_path: Path) -> None:
    path = mh.make_long_yaml(tmp_path / "big.yaml", rows=300_000)
    code, peak_kib = run_measured([str(DXPLAN), "validate", str(path), *AS_OF,
                                   "--limit", "yaml-nodes=100000"])
    assert code == 1
    assert peak_kib < 150 * 1024  # the text and its NFC copy, no node tree


def test_xlsx_that_is_a_png(tmp_path: Path) -> None:
    path = tmp_path / "pic.xlsx"
    path.write_bytes(mh.PNG_1X1)
    result, doc = validate_json(path)
    assert result.exit_code in (1, 2)
    if result.exit_code == 1:
        assert codes(doc) == {"bad-file"}
    else:
        assert len(result.stderr.strip().splitlines()) == 1


# ------------------------------------------------------------------ paths


def test_directory_argument(tmp_path: Path) -> None:
    for command in (["validate"], ["check"]):
        result = invoke([*command, str(tmp_path), *AS_OF, "--lang", "en"])
        assert_clean(result)
        assert result.exit_code == 2
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1 and "is a directory" in lines[0], result.stderr


def test_missing_file(tmp_path: Path) -> None:
    for command in (["validate"], ["check"]):
        result = invoke([*command, str(tmp_path / "nope.csv"), *AS_OF, "--lang", "en"])
        assert_clean(result)
        assert result.exit_code == 2
        assert result.stderr.strip() == f"Error: {tmp_path / 'nope.csv'}: file not found"


@pytest.mark.slow
def test_fifo_does_not_block(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.csv"
    os.mkfifo(fifo)
    for command in ("validate", "check"):
        proc = run_bounded([command, str(fifo), *AS_OF], timeout=20)
        assert_bounded_clean(proc)
        assert proc.returncode == 2
        lines = proc.stderr.strip().splitlines()
        assert lines == [f"Error: {fifo}: not a regular file"], proc.stderr


@pytest.mark.slow
def test_fifo_in_glob_does_not_block(tmp_path: Path) -> None:
    (tmp_path / "a.csv").write_text(mh.HEADER + mh.GOOD_ROW, encoding="utf-8")
    os.mkfifo(tmp_path / "b.csv")
    proc = run_bounded(["validate", str(tmp_path / "*.csv"), *AS_OF], timeout=20)
    assert_bounded_clean(proc)
    assert proc.returncode == 2
    assert "not a regular file" in proc.stderr


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their mode")
def test_unreadable_file(tmp_path: Path) -> None:
    path = tmp_path / "secret.csv"
    path.write_text(mh.HEADER + mh.GOOD_ROW, encoding="utf-8")
    path.chmod(0)
    result = invoke(["validate", str(path), *AS_OF, "--lang", "en"])
    assert_clean(result)
    assert result.exit_code == 2
    assert len(result.stderr.strip().splitlines()) == 1
    assert "cannot read" in result.stderr


def test_symlink_loop_in_glob_terminates(tmp_path: Path) -> None:
    a = tmp_path / "a"
    a.mkdir()
    (a / "log.csv").write_text(mh.HEADER + mh.GOOD_ROW, encoding="utf-8")
    (a / "loop").symlink_to(a)
    (a / "loop2").symlink_to(a)
    (a / "self.csv").symlink_to(a / "self.csv")  # a symlink loop posing as a file
    proc = run_bounded(["validate", "a/**/*.csv", *AS_OF, "-f", "json"], timeout=30,
                       cwd=tmp_path)
    assert_bounded_clean(proc)
    if proc.returncode == 2:
        assert len(proc.stderr.strip().splitlines()) == 1, proc.stderr
        assert "self.csv" in proc.stderr
    else:
        doc = json.loads(proc.stdout)
        assert "a/log.csv" in doc["files"]


def test_symlink_dir_loop_only(tmp_path: Path) -> None:
    a = tmp_path / "a"
    a.mkdir()
    (a / "log.csv").write_text(mh.HEADER + mh.GOOD_ROW, encoding="utf-8")
    (a / "loop").symlink_to(a)
    proc = run_bounded(["validate", "a/**/*.csv", *AS_OF, "-f", "json"], timeout=30,
                       cwd=tmp_path)
    assert_bounded_clean(proc)
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["files"] == ["a/log.csv"]


# ------------------------------------------------------------------ check command


CHECK_CASES = ["empty.csv", "garbage.csv", "png-renamed.csv", "unterminated-quote.csv",
               "nul-bytes.csv", "wide-10000.csv", "laughs.yaml", "python-tag.yaml",
               "deep.yaml", "scalar.yaml", "wrong-shape.yaml"]


@pytest.mark.parametrize("name", CHECK_CASES)
def test_check_hostile_file(hostile: Path, name: str) -> None:
    result = invoke(["check", str(hostile / name), *AS_OF, "--lang", "en", "-f", "json"])
    assert_clean(result)
    assert result.exit_code == 2, result.stderr
    doc = json.loads(result.stdout)
    problems = doc.get("problems", [])
    assert problems, doc.keys()
    for p in problems:
        assert p["code"] in PROBLEM_CODES
    assert "errors, so the result is incomplete" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_check_header_only(hostile: Path) -> None:
    result = invoke(["check", str(hostile / "header-only.csv"), *AS_OF, "--lang", "en"])
    assert_clean(result)
    assert result.exit_code in (0, 1)


@pytest.mark.slow
def test_check_big_field_and_dimension(tmp_path: Path) -> None:
    big = mh.make_big_field_csv(tmp_path / "big.csv", mb=50)
    dim = mh.make_huge_dimension_xlsx(tmp_path / "dim.xlsx")
    proc = run_bounded(["check", str(big), str(dim), *AS_OF, "-f", "json"], timeout=120)
    assert_bounded_clean(proc)
    assert proc.returncode == 2
    assert "field-too-large" in proc.stdout


@pytest.mark.slow
def test_check_fifo(tmp_path: Path) -> None:
    fifo = tmp_path / "p.yaml"
    os.mkfifo(fifo)
    proc = run_bounded(["check", str(fifo), *AS_OF], timeout=20)
    assert proc.returncode == 2
    assert proc.stderr.strip() == f"Error: {fifo}: not a regular file"


# ------------------------------------------------------------------ plan loader


@pytest.mark.parametrize("name,needle", [
    ("plan-laughs.yaml", "alias"),
    ("plan-python-tag.yaml", "not allowed"),
])
def test_plan_hostile(hostile: Path, name: str, needle: str) -> None:
    log = hostile / "header-only.csv"
    for args in (["validate", str(log), *AS_OF], ["check", str(log), *AS_OF],
                 ["plan", "validate", str(hostile / name)], ["units"]):
        if args[0] != "plan":
            args = [*args, "--plan", str(hostile / name)]
        result = invoke([*args, "--lang", "en"])
        assert_clean(result)
        assert result.exit_code == 2, (args, result.stdout, result.stderr)
        assert result.stdout == ""
        lines = result.stderr.strip().splitlines()
        assert (lines[0], len(lines)) == ("The plan is invalid (1 errors):", 2), lines
        assert needle in result.stderr


def test_plan_is_directory(tmp_path: Path) -> None:
    for args in (["validate", "x.csv"], ["check", "x.csv"], ["units"]):
        result = invoke([*args, "--plan", str(tmp_path), "--lang", "en"])
        assert_clean(result)
        assert result.exit_code == 2
        assert result.stderr.strip() == f"Error: {tmp_path}: is a directory, not a plan file"


@pytest.mark.parametrize("content", [b"", b"\x89PNG\r\n\x1a\n\x00\x00", b"[" * 10_000,
                                     b"- just\n- a list\n", b"\xff\xfe\x00\x00"])
def test_plan_garbage(tmp_path: Path, content: bytes) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_bytes(content)
    result = invoke(["units", "--plan", str(plan), "--lang", "en"])
    assert_clean(result)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.strip()


@pytest.mark.slow
def test_plan_fifo_does_not_block(tmp_path: Path) -> None:
    fifo = tmp_path / "plan.yaml"
    os.mkfifo(fifo)
    proc = run_bounded(["units", "--plan", str(fifo)], timeout=8)
    assert_bounded_clean(proc)
    assert proc.returncode == 2
    assert proc.stderr == f"Error: {fifo}: not a regular file\n"


# ------------------------------------------------------------------ untrusted text


def _assert_inert(text: str) -> None:
    assert "\x1b" not in text
    assert "\x07" not in text
    assert "\x9b" not in text


def test_markup_in_validate_text(hostile: Path) -> None:
    result = invoke(["validate", str(hostile / "markup.csv"), *AS_OF, "--lang", "en"])
    assert_clean(result)
    assert result.exit_code == 1
    _assert_inert(result.stdout)
    _assert_inert(result.stderr)
    assert "'[red]x[/red]'" in result.stdout  # printed literally, not styled away


@pytest.mark.parametrize("fmt", ["json", "github", "junit", "sarif"])
def test_markup_in_validate_formats(hostile: Path, fmt: str) -> None:
    result = invoke(["validate", str(hostile / "markup.csv"), *AS_OF, "--lang", "en",
                     "-f", fmt])
    assert_clean(result)
    assert result.exit_code == 1
    _assert_inert(result.stdout)
    assert "[red]x[/red]" in result.stdout


@pytest.mark.parametrize("fmt", ["table", "json", "csv", "markdown"])
def test_markup_in_check(hostile: Path, fmt: str) -> None:
    result = invoke(["check", str(hostile / "markup.csv"), *AS_OF, "--lang", "en",
                     "-f", fmt])
    assert_clean(result)
    assert result.exit_code == 2
    _assert_inert(result.stdout)
    _assert_inert(result.stderr)
    if fmt in ("table", "json"):
        assert "[red]x[/red]" in result.stdout


def test_markup_title_in_duplicate(tmp_path: Path) -> None:
    path = tmp_path / "dup.csv"
    title = f"{mh.MARKUP}{mh.OSC8}{mh.CSI}"
    row = f"05/02/2024,h-ben-luc,grassroots-radio,bulletin,{title},,1\n"
    path.write_text(mh.HEADER + row + row, encoding="utf-8")
    for args in (["validate", str(path), *AS_OF], ["check", str(path), *AS_OF]):
        result = invoke([*args, "--lang", "en"])
        assert_clean(result)
        _assert_inert(result.stdout)
        if "[red]" in result.stdout or "x[/red]" in result.stdout:
            assert "[red]x[/red]" in result.stdout


def test_markup_in_file_name(tmp_path: Path) -> None:
    path = tmp_path / "[red]x[red].csv"
    path.write_bytes(mh.PNG_1X1)
    result = invoke(["validate", str(path), *AS_OF, "--lang", "en"])
    assert_clean(result)
    assert result.exit_code == 1
    assert "[red]x[red].csv" in result.stdout


def test_markup_in_unit_option(tmp_path: Path) -> None:
    path = tmp_path / "a.csv"
    path.write_text(mh.HEADER + mh.GOOD_ROW, encoding="utf-8")
    result = invoke(["validate", str(path), "--unit", f"{mh.MARKUP}{mh.CSI}", *AS_OF,
                     "--lang", "en"])
    assert_clean(result)
    assert result.exit_code == 2
    _assert_inert(result.stderr)
    assert "[red]x[/red]" in result.stderr


# ------------------------------------------------------------------ hypothesis

FUZZ = settings(max_examples=50, deadline=None,
                suppress_health_check=[HealthCheck.function_scoped_fixture,
                                       HealthCheck.too_slow])
COLUMNS = ["date", "unit", "channel", "kind", "title", "url", "quantity", "end_date"]


def _fuzz_validate(path: Path) -> None:
    result = invoke(["validate", str(path), *AS_OF, "--lang", "en", "-f", "json"])
    assert result.exception is None or isinstance(result.exception, SystemExit), (
        repr(result.exception))
    assert result.exit_code in (0, 1, 2)
    for marker in INTERNAL:
        assert marker not in result.stderr, result.stderr
    if result.exit_code == 2:
        assert len(result.stderr.strip().splitlines()) == 1, result.stderr
        return
    doc = json.loads(result.stdout)
    assert_problem_shape(doc)
    assert (doc["summary"]["errors"] > 0) == (result.exit_code == 1)


@pytest.mark.slow
@FUZZ
@given(data=st.binary(max_size=2048))
def test_fuzz_bytes(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "fuzz.csv"
    path.write_bytes(data)
    _fuzz_validate(path)


@pytest.mark.slow
@FUZZ
@given(rows=st.lists(st.dictionaries(st.sampled_from(COLUMNS), st.text(max_size=30)),
                     max_size=8))
def test_fuzz_rows(tmp_path: Path, rows: list[dict[str, str]]) -> None:
    path = tmp_path / "rows.csv"
    with open(path, "w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=COLUMNS)
        writer.writeheader()
        writer.writerows(rows)
    _fuzz_validate(path)


@pytest.mark.slow
@FUZZ
@given(rows=st.lists(st.dictionaries(st.sampled_from(COLUMNS), st.text(max_size=30)),
                     max_size=8))
def test_fuzz_rows_check(tmp_path: Path, rows: list[dict[str, str]]) -> None:
    path = tmp_path / "rows.csv"
    with open(path, "w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=COLUMNS)
        writer.writeheader()
        writer.writerows(rows)
    result = invoke(["check", str(path), *AS_OF, "--lang", "en", "-f", "json"])
    assert result.exception is None or isinstance(result.exception, SystemExit), (
        repr(result.exception))
    assert result.exit_code in (0, 1, 2)
    for marker in INTERNAL:
        assert marker not in result.stderr, result.stderr
    _assert_inert(result.stdout)



