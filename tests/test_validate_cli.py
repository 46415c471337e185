"""`dxplan validate`: the CI gate for unit submissions (exit codes, formats, options)."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dx_plan.cli import app
from dx_plan.entries import PROBLEM_CODES

PNG_1X1 = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082")
HEADER = "date,unit,channel,kind,title,url,quantity\n"
AS_OF = ["--as-of", "2024-12-31"]
GITHUB_LINE = re.compile(r"^::(error|warning) file=[^,]+(,line=\d+)?,title=[a-z-]+::.+$")


def csv_rows(unit: str, n: int, start_day: int = 5, title: str = "Bản tin") -> str:
    return "".join(
        f"{start_day + i:02d}/02/2024,{unit},grassroots-radio,bulletin,{title} {i + 1},,1\n"
        for i in range(n))


SO_TTTT_YAML = """\
unit: so-tttt
entries:
  - date: 05/02/2024
    channel: unit-portal
    kind: article
    title: Chuyển đổi số là gì
    url: https://chuyendoiso.longan.gov.vn/bai-1
  - date: 12/02/2024
    channel: unit-portal
    kind: article
    title: Công dân số
    url: https://chuyendoiso.longan.gov.vn/bai-2
"""


@pytest.fixture()
def tree(tmp_path: Path) -> Path:
    """The sample submissions tree (as scripts/make_samples.py describes it)."""
    root = tmp_path / "submissions"
    for folder in ("h-ben-luc", "h-duc-hue", "h-can-duoc", "so-tttt", "not-a-unit"):
        (root / folder).mkdir(parents=True)
    (root / "h-ben-luc" / "2024-q1.csv").write_text(
        HEADER + csv_rows("h-ben-luc", 6), encoding="utf-8")
    (root / "h-duc-hue" / "2024-q1.csv").write_text(
        HEADER + csv_rows("h-duc-hue", 3)
        + "20/02/2024,h-ben-luc,grassroots-radio,bulletin,Bản tin Bến Lức,,1\n"
        + csv_rows("h-duc-hue", 2, start_day=21, title="Tin"), encoding="utf-8")
    (root / "h-can-duoc" / "2024-q1.csv").write_bytes(PNG_1X1)
    (root / "so-tttt" / "2024-q1.yaml").write_text(SO_TTTT_YAML, encoding="utf-8")
    (root / "not-a-unit" / "log.csv").write_text(HEADER + csv_rows("h-ben-luc", 1),
                                                 encoding="utf-8")
    return root


EXPECTED = {
    ("h-duc-hue/2024-q1.csv", 5, "foreign-unit"),
    ("h-can-duoc/2024-q1.csv", None, "bad-file"),
    ("not-a-unit/log.csv", None, "unknown-submitter"),
}


def invoke(*args: str):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(app, [*args, "--lang", "en"])


def rel(root: Path, file: str) -> str:
    return Path(file).relative_to(root).as_posix()


def test_submissions_json(tree: Path) -> None:
    result = invoke("validate", "--submissions-dir", str(tree), *AS_OF, "-f", "json")
    assert result.exit_code == 1, result.stderr
    doc = json.loads(result.stdout)
    errors = {(rel(tree, p["file"]), p["line"], p["code"])
              for p in doc["problems"] if p["severity"] == "error"}
    assert errors == EXPECTED
    assert doc["summary"]["errors"] == 3
    assert doc["summary"]["warnings"] == 0, doc["problems"]
    assert all(p["code"] in PROBLEM_CODES for p in doc["problems"])
    assert {rel(tree, f) for f in doc["files"]} == {
        "h-ben-luc/2024-q1.csv", "h-duc-hue/2024-q1.csv", "h-can-duoc/2024-q1.csv",
        "so-tttt/2024-q1.yaml", "not-a-unit/log.csv"}
    foreign = next(p for p in doc["problems"] if p["code"] == "foreign-unit")
    assert "h-ben-luc" in foreign["message"] and "h-duc-hue" in foreign["message"]
    hint = next(p for p in doc["problems"] if p["code"] == "unknown-submitter")
    assert "'not-a-unit'" in hint["message"]


def test_submissions_text(tree: Path) -> None:
    result = invoke("validate", "--submissions-dir", str(tree), *AS_OF)
    assert result.exit_code == 1
    assert result.stdout.splitlines()[0] == "5 files, 14 rows: 3 errors, 0 warnings."
    for code in ("foreign-unit", "bad-file", "unknown-submitter"):
        assert code in result.stdout
    assert result.stderr == ""


def test_submissions_junit(tree: Path) -> None:
    result = invoke("validate", "--submissions-dir", str(tree), *AS_OF, "-f", "junit")
    assert result.exit_code == 1
    root = ET.fromstring(result.stdout)
    failures = root.findall(".//failure")
    assert len(failures) == 3
    text = " ".join((f.get("message") or "") + (f.text or "") + (f.get("type") or "")
                    for f in failures)
    for code in ("foreign-unit", "bad-file", "unknown-submitter"):
        assert code in text
    cases = root.findall(".//testcase")
    assert len(cases) >= 5  # every file is a test case, clean ones pass


def test_submissions_github(tree: Path) -> None:
    result = invoke("validate", "--submissions-dir", str(tree), *AS_OF, "-f", "github")
    assert result.exit_code == 1
    lines = result.stdout.strip().splitlines()
    assert len(lines) == 4
    for line in lines[:3]:
        assert GITHUB_LINE.match(line), line
    assert lines[3] == "5 files, 14 rows: 3 errors, 0 warnings."
    assert any(",line=5,title=foreign-unit::" in line for line in lines)


def test_submissions_sarif(tree: Path) -> None:
    result = invoke("validate", "--submissions-dir", str(tree), *AS_OF, "-f", "sarif")
    assert result.exit_code == 1
    doc = json.loads(result.stdout)
    results = doc["runs"][0]["results"]
    assert sorted(r["ruleId"] for r in results) == sorted(c for _, _, c in EXPECTED)


def test_clean_file_exit_0(tree: Path) -> None:
    result = invoke("validate", str(tree / "h-ben-luc" / "2024-q1.csv"), "--unit", "h-ben-luc",
                    *AS_OF)
    assert result.exit_code == 0, result.stdout
    assert result.stdout.strip().splitlines()[-1] == "1 files, 6 rows: no errors (0 warnings)."


def test_unit_option_foreign_row(tree: Path) -> None:
    result = invoke("validate", str(tree / "h-duc-hue" / "2024-q1.csv"), "--unit", "h-ben-luc",
                    *AS_OF, "-f", "json")
    assert result.exit_code == 1
    doc = json.loads(result.stdout)
    lines = sorted(p["line"] for p in doc["problems"] if p["code"] == "foreign-unit")
    assert lines == [2, 3, 4, 6, 7]  # every row but the one naming h-ben-luc


def test_unit_option_by_name(tree: Path) -> None:
    result = invoke("validate", str(tree / "h-ben-luc" / "2024-q1.csv"), "--unit",
                    "Huyện Bến Lức", *AS_OF)
    assert result.exit_code == 0, result.stdout + result.stderr


def test_unknown_unit_option(tree: Path) -> None:
    result = invoke("validate", str(tree / "h-ben-luc" / "2024-q1.csv"), "--unit", "h-ben-lux",
                    *AS_OF)
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("Error: --unit 'h-ben-lux': unknown unit")
    assert "h-ben-luc" in lines[0]


def test_max_problems_caps_the_groups_listed_per_code(tmp_path: Path) -> None:
    path = tmp_path / "docs.csv"
    # Three rows citing three different unknown documents: three groups of unknown-doc.
    path.write_text("date,unit,channel,docs\n"
                    "05/03/2024,h-ben-luc,grassroots-radio,ND-1\n"
                    "06/03/2024,h-ben-luc,grassroots-radio,ND-2\n"
                    "07/03/2024,h-ben-luc,grassroots-radio,ND-3\n", encoding="utf-8")
    text = invoke("validate", str(path), *AS_OF, "--max-problems", "1", "--lang", "en")
    assert text.exit_code == 0
    assert text.stdout.splitlines()[0] == "1 files, 3 rows: no errors (3 warnings)."
    assert "'ND-1'" in text.stdout and "'ND-2'" not in text.stdout
    assert "(other messages with this code)" in text.stdout
    doc = json.loads(invoke("validate", str(path), *AS_OF, "-f", "json",
                            "--max-problems", "1").stdout)
    assert len(doc["problems"]) == 3  # JSON is not capped by the text option
    assert doc["summary"]["by_code"] == {"unknown-doc": 3}


def test_strict_turns_warnings_into_failure(tmp_path: Path) -> None:
    path = tmp_path / "dup.csv"
    path.write_text(HEADER + csv_rows("h-ben-luc", 1) + csv_rows("h-ben-luc", 1),
                    encoding="utf-8")
    plain = invoke("validate", str(path), *AS_OF, "-f", "json")
    assert plain.exit_code == 0
    doc = json.loads(plain.stdout)
    assert [(p["line"], p["severity"], p["code"]) for p in doc["problems"]] == [
        (3, "warning", "duplicate")]
    strict = invoke("validate", str(path), *AS_OF, "--strict")
    assert strict.exit_code == 1
    assert strict.stdout.splitlines()[0] == "1 files, 2 rows: no errors (1 warnings)."


def test_future_date_is_warning(tmp_path: Path) -> None:
    path = tmp_path / "future.csv"
    path.write_text(HEADER + csv_rows("h-ben-luc", 1), encoding="utf-8")
    result = invoke("validate", str(path), "--as-of", "2024-02-01", "-f", "json")
    assert result.exit_code == 0
    assert [p["code"] for p in json.loads(result.stdout)["problems"]] == ["future-date"]
    assert invoke("validate", str(path), "--as-of", "2024-02-01", "--strict").exit_code == 1


def test_require_url(tmp_path: Path) -> None:
    path = tmp_path / "portal.csv"
    path.write_text(HEADER + "05/02/2024,h-ben-luc,unit-portal,article,Bài 1,,1\n"
                    "06/02/2024,h-ben-luc,unit-portal,article,Bài 2,"
                    "https://benluc.longan.gov.vn/bai-2,1\n"
                    "07/02/2024,h-ben-luc,grassroots-radio,bulletin,Bản tin,,1\n",
                    encoding="utf-8")
    plain = invoke("validate", str(path), *AS_OF, "-f", "json")
    assert plain.exit_code == 0
    assert not [p for p in json.loads(plain.stdout)["problems"] if p["severity"] == "error"]
    required = invoke("validate", str(path), *AS_OF, "-f", "json", "--require-url")
    assert required.exit_code == 1
    errs = [(p["line"], p["code"]) for p in json.loads(required.stdout)["problems"]
            if p["severity"] == "error"]
    assert errs == [(2, "missing-url")]


def test_bad_url_and_foreign_domain(tmp_path: Path) -> None:
    path = tmp_path / "urls.csv"
    path.write_text(HEADER + "05/02/2024,h-ben-luc,unit-portal,article,Bài 1,"
                    "javascript:alert(1),1\n"
                    "06/02/2024,h-ben-luc,unit-portal,article,Bài 2,"
                    "https://evil.example.com/x,1\n", encoding="utf-8")
    result = invoke("validate", str(path), *AS_OF, "-f", "json")
    assert result.exit_code in (0, 1)
    got = {(p["line"], p["code"]) for p in json.loads(result.stdout)["problems"]}
    assert (2, "bad-url") in got
    assert (3, "foreign-domain") in got


def test_missing_file_exit_2(tmp_path: Path) -> None:
    result = invoke("validate", str(tmp_path / "nope.csv"), *AS_OF)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.strip() == f"Error: {tmp_path / 'nope.csv'}: file not found"


def test_missing_file_fails_before_reading(tree: Path, tmp_path: Path) -> None:
    result = invoke("validate", str(tree / "h-ben-luc" / "2024-q1.csv"),
                    str(tmp_path / "nope.csv"), *AS_OF)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert len(result.stderr.strip().splitlines()) == 1


def test_glob_matching_nothing(tmp_path: Path) -> None:
    result = invoke("validate", str(tmp_path / "*.csv"), *AS_OF)
    assert result.exit_code == 2
    assert result.stderr.strip() == f"Error: {tmp_path / '*.csv'}: matches no files"


def test_no_input(tmp_path: Path) -> None:
    result = invoke("validate", *AS_OF)
    assert result.exit_code == 2
    assert result.stderr.strip() == "Error: give log files, or --submissions-dir DIR"


def test_submissions_dir_not_a_dir(tmp_path: Path) -> None:
    result = invoke("validate", "--submissions-dir", str(tmp_path / "nope"), *AS_OF)
    assert result.exit_code == 2
    assert result.stderr.strip() == f"Error: --submissions-dir {tmp_path / 'nope'}: not a directory"


def test_bad_as_of(tmp_path: Path) -> None:
    path = tmp_path / "a.csv"
    path.write_text(HEADER + csv_rows("h-ben-luc", 1), encoding="utf-8")
    result = invoke("validate", str(path), "--as-of", "31/02/2024")
    assert result.exit_code == 2
    assert len(result.stderr.strip().splitlines()) == 1
    assert result.stderr.startswith("Error: --as-of '31/02/2024'")


def test_unsupported_extension(tmp_path: Path) -> None:
    path = tmp_path / "a.pdf"
    path.write_bytes(b"%PDF-1.4")
    result = invoke("validate", str(path), *AS_OF)
    assert result.exit_code == 2
    assert "unsupported file type '.pdf'" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_output_file(tree: Path, tmp_path: Path) -> None:
    out = tmp_path / "report.json"
    result = invoke("validate", "--submissions-dir", str(tree), *AS_OF, "-f", "json",
                    "-o", str(out))
    assert result.exit_code == 1
    assert result.stdout == ""
    assert json.loads(out.read_text(encoding="utf-8"))["summary"]["errors"] == 3


def test_file_outside_unit_folder(tree: Path) -> None:
    (tree / "stray.csv").write_text(HEADER + csv_rows("h-ben-luc", 1), encoding="utf-8")
    result = invoke("validate", "--submissions-dir", str(tree), *AS_OF, "-f", "json")
    doc = json.loads(result.stdout)
    stray = [p for p in doc["problems"] if p["file"].endswith("stray.csv")]
    assert [(p["line"], p["code"]) for p in stray] == [(None, "unknown-submitter")]
    assert "outside any unit folder" in stray[0]["message"]


def test_junit_names_the_rows_of_each_clean_file() -> None:
    import csv as csv_module

    from .conftest import ROOT

    q1 = ROOT / "logs" / "q1.csv"
    with q1.open(encoding="utf-8-sig", newline="") as handle:
        data_rows = sum(1 for _ in csv_module.reader(handle)) - 1  # less the header
    result = CliRunner().invoke(app, ["validate", str(q1), "--format", "junit",
                                      "--as-of", "2024-12-31"])
    assert result.exit_code == 0
    root = ET.fromstring(result.stdout)
    assert [c.get("name") for c in root.iter("testcase")] == [f"{data_rows} rows readable"]


def test_submissions_dir_with_a_symlink_loop_terminates(tmp_path: Path) -> None:
    unit_dir = tmp_path / "subs" / "h-ben-luc"
    unit_dir.mkdir(parents=True)
    (unit_dir / "q1.csv").write_text("date,unit,channel\n05/03/2024,h-ben-luc,truyền thanh\n",
                                     encoding="utf-8")
    (unit_dir / "loop").symlink_to("..")  # subs/h-ben-luc/loop -> subs
    result = CliRunner().invoke(app, ["validate", "--submissions-dir", str(tmp_path / "subs"),
                                      "--as-of", "2024-12-31", "--format", "json"])
    # The link is reported (an error), not walked: the gate ends at once.
    assert result.exit_code == 1
    doc = json.loads(result.stdout)
    assert doc["files"] == [str(unit_dir / "q1.csv"), str(unit_dir / "loop")]
    assert [(p["file"], p["code"]) for p in doc["problems"]] == [
        (str(unit_dir / "loop"), "bad-file")]


def test_submission_links_are_reported_never_followed(tree: Path, tmp_path: Path) -> None:
    outside = tmp_path / "outside.csv"
    outside.write_text(HEADER + csv_rows("h-ben-luc", 2), encoding="utf-8")
    (tree / "h-ben-luc" / "root").symlink_to("/")
    (tree / "h-ben-luc" / "outside.csv").symlink_to(outside)
    (tree / ".github").mkdir()
    (tree / ".github" / "ci.yml").write_text("on: push\n", encoding="utf-8")  # hidden: skipped
    result = invoke("validate", "--submissions-dir", str(tree), *AS_OF, "-f", "json")
    doc = json.loads(result.stdout)
    links = [(rel(tree, p["file"]), p["message"]) for p in doc["problems"]
             if "symbolic link" in p["message"]]
    message = ("a symbolic link; submissions are read only from real files in the folder, "
               "links are not followed")
    assert links == [("h-ben-luc/outside.csv", message), ("h-ben-luc/root", message)]
    # The five files plus the two links named in problems; the same 14 rows as without
    # the links: nothing outside the folder was read.
    assert doc["summary"]["files"] == 7 and doc["summary"]["rows_read"] == 14
    assert doc["summary"]["errors"] == 3 + 2


def test_credentials_in_a_url_are_a_warning_and_never_shown(tmp_path: Path) -> None:
    path = tmp_path / "creds.csv"
    path.write_text("date,unit,channel,url\n"
                    "05/03/2024,h-ben-luc,unit-portal,https://admin:s3cret@benluc.longan.gov.vn/a\n",
                    encoding="utf-8")
    result = invoke("validate", str(path), *AS_OF, "-f", "json")
    doc = json.loads(result.stdout)
    assert [(p["code"], p["message"]) for p in doc["problems"]] == [
        ("credentials-in-url", "URL 'https://benluc.longan.gov.vn/a' carries a user name or "
                               "password")]
    assert "s3cret" not in result.stdout
    text = CliRunner().invoke(app, ["validate", str(path), *AS_OF, "--lang", "vi"]).stdout
    assert "chứa tên đăng nhập hoặc mật khẩu" in text and "s3cret" not in text


def test_a_user_info_part_is_flagged_and_the_real_host_still_judged(tmp_path: Path) -> None:
    path = tmp_path / "creds.csv"
    path.write_text("date,unit,channel,url\n"
                    "05/03/2024,h-ben-luc,unit-portal,https://benluc.longan.gov.vn@evil.com/a\n"
                    "06/03/2024,h-ben-luc,unit-portal,https://benluc.longan.gov.vn?ref=a@b\n",
                    encoding="utf-8")
    doc = json.loads(invoke("validate", str(path), *AS_OF, "-f", "json").stdout)
    assert [(p["line"], p["code"]) for p in doc["problems"]] == [
        (2, "credentials-in-url"), (2, "foreign-domain")]  # an @ in the query is no user


def test_an_item_of_a_kind_its_task_does_not_count_is_pointed_out(tmp_path: Path) -> None:
    """2.3 counts TV bulletins and stories ("bản tin/phóng sự"); a talk show tagged 2.3
    counts for nothing, and validate says so."""
    log = tmp_path / "tv.csv"
    log.write_text("date,unit,channel,kind,title,task\n"
                   "05/03/2024,dai-ptth-long-an,truyền hình,tọa đàm,Tọa đàm CĐS,2.3\n"
                   "06/03/2024,dai-ptth-long-an,tv,bản tin,Bản tin CĐS,2.3\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["validate", str(log), "--as-of", "31/12/2024",
                                      "--format", "json"])
    assert result.exit_code == 0
    problems = json.loads(result.stdout)["problems"]
    assert [(p["line"], p["code"], p["message"]) for p in problems] == [
        (2, "task-mismatch", "task 2.3 counts bản tin or phóng sự, not tọa đàm; this item "
                             "counts for no quota of the task")]
