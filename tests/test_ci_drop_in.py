"""The CI drop-ins work as shipped: the commands of docs/ci/github.yml and
docs/ci/gitlab-ci.yml run on the sample submissions and write reports in the shapes
GitHub and GitLab read; the pre-commit hook names a dxplan command that exists; bad
`--report` specs are usage errors said in the user's language before anything is read.

The sample submissions (scripts/make_samples.py) hold two errors: h-can-duoc's log is a
PNG image (bad-file, the whole file) and line 16 of h-duc-hue's names h-ben-luc
(foreign-unit); 4 files, 30 + 0 + 25 + 10 = 65 rows.
"""

from __future__ import annotations

import json
import re
import shlex
import shutil
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml
from typer.testing import CliRunner

from dx_plan.cli import app

from .conftest import ROOT

GITHUB = ROOT / "docs" / "ci" / "github.yml"
GITLAB = ROOT / "docs" / "ci" / "gitlab-ci.yml"
HOOKS = ROOT / ".pre-commit-hooks.yaml"
SUMMARY_ENV = "GITHUB_STEP_SUMMARY"

FILES = ["submissions/h-ben-luc/2024-q1.csv", "submissions/h-can-duoc/2024-q1.csv",
         "submissions/h-duc-hue/2024-q1.csv", "submissions/so-tttt/2024-q1.yaml"]
BAD_FILE = "submissions/h-can-duoc/2024-q1.csv"
FOREIGN = "submissions/h-duc-hue/2024-q1.csv"
VERDICT_VI = "4 tệp, 65 dòng: 2 lỗi, 0 cảnh báo."

# What GitHub code scanning requires of an uploaded SARIF file (the fields it reads),
# written by hand from its documentation: the official schema is not fetched.
def _obj(required: list[str], **properties: Any) -> dict[str, Any]:
    return {"type": "object", "required": required, "properties": properties}


TEXT = {"type": "string", "minLength": 1}
LOCATION = _obj(["physicalLocation"], physicalLocation=_obj(
    ["artifactLocation", "region"],
    artifactLocation=_obj(["uri"], uri=TEXT),
    region=_obj(["startLine"], startLine={"type": "integer", "minimum": 1})))
RESULT = _obj(["ruleId", "level", "message", "locations"],
              ruleId=TEXT, level={"enum": ["none", "note", "warning", "error"]},
              message=_obj(["text"], text=TEXT),
              locations={"type": "array", "minItems": 1, "items": LOCATION})
DRIVER = _obj(["name", "rules"], name=TEXT,
              rules={"type": "array", "items": _obj(["id"], id=TEXT)})
SARIF_SCHEMA = _obj(["version", "runs"], version={"const": "2.1.0"}, runs={
    "type": "array", "minItems": 1,
    "items": _obj(["tool", "results"], tool=_obj(["driver"], driver=DRIVER),
                  results={"type": "array", "items": RESULT})})


def _load(path: Path) -> Any:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def github_command() -> str:
    """The `run:` of the workflow's step that runs dxplan validate (there is one)."""
    runs = [step["run"] for job in _load(GITHUB)["jobs"].values() for step in job["steps"]
            if "dxplan validate" in step.get("run", "")]
    assert len(runs) == 1, runs
    return str(runs[0])


def gitlab_job() -> dict[str, Any]:
    """The GitLab job whose script runs dxplan validate (there is one)."""
    jobs = [job for job in _load(GITLAB).values() if isinstance(job, dict)
            and any("dxplan validate" in line for line in job.get("script", []))]
    assert len(jobs) == 1
    job: dict[str, Any] = jobs[0]
    return job


def dxplan_args(command: str) -> list[str]:
    """The arguments after `dxplan` of a shell command line."""
    words = shlex.split(command)
    assert words[:2] == ["dxplan", "validate"], words
    return words[1:]


def report_paths(args: list[str]) -> dict[str, str]:
    """format → path of each `--report FORMAT=PATH` in `args`."""
    specs = [args[i + 1] for i, arg in enumerate(args) if arg == "--report"]
    return dict(spec.split("=", 1) for spec in specs)


@pytest.fixture()
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A scratch copy of the repository's submissions/ and logs/, as the working directory
    (as tests/test_readme.py makes it); no step summary unless a test sets one."""
    shutil.copytree(ROOT / "submissions", tmp_path / "submissions")
    shutil.copytree(ROOT / "logs", tmp_path / "logs")
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv(SUMMARY_ENV, raising=False)
    return tmp_path


def invoke(args: list[str]):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(app, args)


# --- the GitHub Actions workflow


def test_the_github_workflow_runs_and_writes_what_github_reads(
        repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    args = dxplan_args(github_command())
    assert args[args.index("--format") + 1] == "github"
    reports = report_paths(args)
    assert set(reports) == {"junit", "sarif"}
    summary = repo / "step-summary.md"
    summary.write_text("## An earlier step\n", encoding="utf-8")
    monkeypatch.setenv(SUMMARY_ENV, str(summary))

    result = invoke(args)

    assert result.exit_code == 1, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == (f"::error file={BAD_FILE},title=bad-file::"
                        "Không phải tệp văn bản (có vẻ là ảnh PNG)")
    assert lines[1].startswith(f"::error file={FOREIGN},line=16,title=foreign-unit::"
                               "Dòng ghi đơn vị 'h-ben-luc' nhưng tệp là của 'h-duc-hue'")
    assert lines[2:] == [VERDICT_VI]
    assert result.stderr.splitlines() == [
        f"Đã ghi báo cáo junit: {reports['junit']}", f"Đã ghi báo cáo sarif: {reports['sarif']}"]
    check_junit(repo / reports["junit"])
    check_sarif(repo / reports["sarif"])
    check_summary(summary.read_text(encoding="utf-8"))


def check_junit(path: Path) -> None:
    """JUnit as GitLab and the JUnit actions read it: <testsuites>, a <testsuite> named
    after each file, <testcase name classname>, <failure type message> per error."""
    root = ET.parse(path).getroot()
    assert (root.tag, root.get("tests"), root.get("failures")) == ("testsuites", "4", "2")
    suites = root.findall("testsuite")
    assert [s.get("name") for s in suites] == FILES
    assert [(s.get("tests"), s.get("failures")) for s in suites] == [
        ("1", "0"), ("1", "1"), ("1", "1"), ("1", "0")]
    cases = [(s.get("name"), c.get("classname"), c.get("name"))
             for s in suites for c in s.findall("testcase")]
    assert cases == [(FILES[0], FILES[0], "30 rows readable"),
                     (BAD_FILE, BAD_FILE, "file: bad-file"),
                     (FOREIGN, FOREIGN, "line 16: foreign-unit"),
                     (FILES[3], FILES[3], "10 rows readable")]
    failures = [(s.get("name"), f.get("type"), f.get("message"))
                for s in suites for f in s.iter("failure")]
    assert failures == [
        (BAD_FILE, "bad-file", "Không phải tệp văn bản (có vẻ là ảnh PNG)"),
        (FOREIGN, "foreign-unit", "Dòng ghi đơn vị 'h-ben-luc' nhưng tệp là của 'h-duc-hue'")]


def check_sarif(path: Path) -> None:
    """SARIF 2.1.0 with every field GitHub code scanning requires."""
    doc = json.loads(path.read_text(encoding="utf-8"))
    jsonschema.validate(doc, SARIF_SCHEMA)
    run = doc["runs"][0]
    assert run["tool"]["driver"]["name"] == "dxplan"
    results = [(r["ruleId"], r["level"],
                r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
                r["locations"][0]["physicalLocation"]["region"]["startLine"])
               for r in run["results"]]
    # A whole-file problem is put on line 1 (GitHub needs a line).
    assert results == [("bad-file", "error", BAD_FILE, 1),
                       ("foreign-unit", "error", FOREIGN, 16)]
    rules = {rule["id"] for rule in run["tool"]["driver"]["rules"]}
    assert {"bad-file", "foreign-unit"} <= rules


def check_summary(text: str) -> None:
    """The step summary was appended after what an earlier step wrote, in Vietnamese."""
    assert text.startswith("## An earlier step\n\n### Kiểm tra nhật ký nộp (dxplan validate)\n")
    assert f"❌ **{VERDICT_VI}**" in text
    assert ("| Mã | Mức | Số lần | Nội dung |\n"
            "|---|---|--:|---|\n"
            "| bad-file | lỗi | 1 | Tệp không đọc được |\n"
            "| foreign-unit | lỗi | 1 | Dòng ghi tên đơn vị khác |\n") in text
    assert ("| Tệp | Số dòng | Lỗi | Cảnh báo |\n"
            "|---|--:|--:|--:|\n"
            "| submissions/h-can-duoc/2024-q1.csv | 0 | 1 | 0 |\n"
            "| submissions/h-duc-hue/2024-q1.csv | 25 | 1 | 0 |\n"
            "| submissions/h-ben-luc/2024-q1.csv | 30 | 0 | 0 |\n"
            "| submissions/so-tttt/2024-q1.yaml | 10 | 0 | 0 |\n") in text


def test_a_second_run_appends_a_second_summary(repo: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    summary = repo / "summary.md"
    monkeypatch.setenv(SUMMARY_ENV, str(summary))
    args = ["validate", "--submissions-dir", "submissions", "--format", "github"]
    assert invoke(args).exit_code == 1
    assert invoke([*args, "--lang", "en"]).exit_code == 1
    text = summary.read_text(encoding="utf-8")
    assert text.count("### Kiểm tra nhật ký nộp (dxplan validate)") == 1
    assert text.index("Kiểm tra nhật ký") < text.index("### Submission check (dxplan validate)")
    assert "| bad-file | error | 1 | the file cannot be read |" in text


def test_the_summary_is_only_written_with_format_github(repo: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    summary = repo / "summary.md"
    summary.write_text("kept\n", encoding="utf-8")
    monkeypatch.setenv(SUMMARY_ENV, str(summary))
    for fmt in ("text", "json", "junit", "sarif", "markdown"):
        result = invoke(["validate", "--submissions-dir", "submissions", "--format", fmt])
        assert result.exit_code == 1, fmt
    assert summary.read_text(encoding="utf-8") == "kept\n"


def test_a_summary_that_cannot_be_written_is_an_output_error(
        repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = repo / "a-folder"
    folder.mkdir()
    monkeypatch.setenv(SUMMARY_ENV, str(folder))
    result = invoke(["validate", "--submissions-dir", "submissions", "--format", "github",
                     "--lang", "en"])
    assert result.exit_code == 2
    assert result.stderr.strip() == (
        f"Error: cannot append the summary to GITHUB_STEP_SUMMARY ({folder}): Is a directory")


def test_the_summary_is_never_appended_to_an_input(repo: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    log = repo / FILES[0]
    before = log.read_bytes()
    monkeypatch.setenv(SUMMARY_ENV, FILES[0])
    result = invoke(["validate", "--submissions-dir", "submissions", "--format", "github",
                     "--lang", "en"])
    assert result.exit_code == 2
    assert result.stdout == ""  # refused before the run
    assert result.stderr.strip() == (
        f"Error: GITHUB_STEP_SUMMARY ({FILES[0]}) is one of the files being validated; "
        "the summary is not written there")
    assert log.read_bytes() == before


# --- the GitLab CI job


def test_the_gitlab_job_runs_and_declares_its_junit_report(repo: Path) -> None:
    job = gitlab_job()
    command = next(line for line in job["script"] if "dxplan validate" in line)
    args = dxplan_args(command)
    reports = report_paths(args)
    assert job["artifacts"]["reports"]["junit"] == reports["junit"]
    assert job["artifacts"]["when"] == "always"  # the reports of a failing job are kept

    result = invoke(args)

    assert result.exit_code == 1, result.stderr
    assert result.stdout.splitlines()[0] == VERDICT_VI
    for path in job["artifacts"]["paths"]:
        assert (repo / path).stat().st_size > 0, path
    check_junit(repo / reports["junit"])
    check_sarif(repo / reports["sarif"])
    markdown = (repo / reports["markdown"]).read_text(encoding="utf-8")
    assert markdown.startswith("### Kiểm tra nhật ký nộp (dxplan validate)\n")
    check_summary("## An earlier step\n\n" + markdown)


def test_both_examples_install_dxplan_from_a_checkout_not_from_pypi() -> None:
    steps = [step.get("run", "") for job in _load(GITHUB)["jobs"].values()
             for step in job["steps"]]
    assert "pip install ." in steps
    assert "pip install ." in gitlab_job()["script"]
    assert "pip install dxplan" not in GITHUB.read_text(encoding="utf-8")
    assert "pip install dxplan" not in GITLAB.read_text(encoding="utf-8")


def test_the_github_workflow_uploads_sarif_and_publishes_junit() -> None:
    args = dxplan_args(github_command())
    reports = report_paths(args)
    steps = [step for job in _load(GITHUB)["jobs"].values() for step in job["steps"]]
    uses = {step.get("uses", "").split("@")[0]: step for step in steps}
    assert uses["github/codeql-action/upload-sarif"]["with"]["sarif_file"] == reports["sarif"]
    assert reports["junit"] in uses["mikepenz/action-junit-report"]["with"]["report_paths"]
    assert "3.11" in str(uses["actions/setup-python"]["with"]["python-version"])


# --- the pre-commit hook


def test_the_pre_commit_hook_runs_an_existing_dxplan_command(repo: Path) -> None:
    hooks = _load(HOOKS)
    assert [hook["id"] for hook in hooks] == ["dxplan-validate"]
    hook = hooks[0]
    assert (hook["entry"], hook["language"], hook["pass_filenames"]) == (
        "dxplan validate", "python", True)
    files = re.compile(hook["files"])
    assert [bool(files.search(name)) for name in (
        "a/q1.csv", "a/q1.xlsx", "a/q1.yaml", "a/q1.yml", "README.md", "q1.csv.bak")] == [
        True, True, True, True, False, False]
    entry = shlex.split(hook["entry"])
    scripts = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert scripts["project"]["scripts"][entry[0]] == "dx_plan.cli:main"
    # pre-commit runs the entry with the staged files that match `files` after it.
    clean = invoke([*entry[1:], FILES[0], FILES[3]])
    assert clean.exit_code == 0, clean.stdout + clean.stderr
    assert invoke([*entry[1:], BAD_FILE]).exit_code == 1


# --- bad --report specs


BAD_SPECS = {
    ("xml=a.xml",): (
        "Lỗi: --report 'xml=a.xml': không có định dạng báo cáo 'xml'; hãy dùng text, json, "
        "github, junit, sarif hoặc markdown",
        "Error: --report 'xml=a.xml': no report format 'xml'; use text, json, github, junit, "
        "sarif or markdown"),
    ("junit",): (
        "Lỗi: --report 'junit': thiếu tệp; hãy viết --report ĐỊNH_DẠNG=TỆP, ví dụ "
        "--report junit=ket-qua.xml",
        "Error: --report 'junit': no file given; write --report FORMAT=PATH, e.g. "
        "--report junit=results.xml"),
    ("sarif=",): (
        "Lỗi: --report 'sarif=': thiếu tệp; hãy viết --report ĐỊNH_DẠNG=TỆP, ví dụ "
        "--report junit=ket-qua.xml",
        "Error: --report 'sarif=': no file given; write --report FORMAT=PATH, e.g. "
        "--report junit=results.xml"),
    ("junit=out.xml", "sarif=out.xml"): (
        "Lỗi: --report 'sarif=out.xml': tệp out.xml đã được dùng cho một kết quả khác trong "
        "cùng lần chạy",
        "Error: --report 'sarif=out.xml': out.xml is already the target of another output "
        "of this run"),
}


@pytest.mark.parametrize("specs", list(BAD_SPECS), ids=" ".join)
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_a_bad_report_spec_is_a_usage_error_before_anything_is_read(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, specs: tuple[str, ...],
        lang: str) -> None:
    monkeypatch.chdir(tmp_path)
    # Neither the plan nor the submissions exist: the spec is refused before either is read.
    args = ["validate", "--submissions-dir", "nowhere", "--plan", "no-plan.yaml"]
    for spec in specs:
        args += ["--report", spec]
    result = invoke(args + (["--lang", "en"] if lang == "en" else []))
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.strip() == BAD_SPECS[specs][0 if lang == "vi" else 1]
    assert list(tmp_path.iterdir()) == []


def test_a_report_on_the_output_file_is_refused(tmp_path: Path) -> None:
    result = invoke(["validate", "--submissions-dir", "nowhere", "-o", str(tmp_path / "r.xml"),
                     "--report", f"junit={tmp_path / 'r.xml'}", "--lang", "en"])
    assert result.exit_code == 2
    assert "is already the target of another output of this run" in result.stderr


def test_an_existing_report_needs_force(repo: Path) -> None:
    (repo / "j.xml").write_text("old", encoding="utf-8")
    args = ["validate", "--submissions-dir", "submissions", "--report", "junit=j.xml",
            "--lang", "en"]
    refused = invoke(args)
    assert refused.exit_code == 2
    assert refused.stdout == ""  # refused before the run
    assert refused.stderr.strip() == "Error: j.xml: already exists; pass --force to replace it"
    assert (repo / "j.xml").read_text(encoding="utf-8") == "old"
    forced = invoke([*args, "--force"])
    assert forced.exit_code == 1
    assert ET.parse(repo / "j.xml").getroot().tag == "testsuites"


def test_a_report_never_replaces_an_input(repo: Path) -> None:
    before = (repo / FILES[0]).read_bytes()
    result = invoke(["validate", FILES[0], "--report", f"json={FILES[0]}", "--force",
                     "--lang", "en"])
    assert result.exit_code == 2
    assert result.stderr.strip() == (
        f"Error: {FILES[0]}: refusing to overwrite an input file; choose another name")
    assert (repo / FILES[0]).read_bytes() == before


def test_every_format_can_be_a_report_of_one_run(repo: Path) -> None:
    kinds = ["json", "junit", "sarif", "github", "text", "markdown"]
    args = ["validate", "--submissions-dir", "submissions", "--format", "json", "--lang", "en"]
    for kind in kinds:
        args += ["--report", f"{kind.upper()}=out.{kind}"]  # format names in any case
    result = invoke(args)
    assert result.exit_code == 1
    console = json.loads(result.stdout)
    assert json.loads((repo / "out.json").read_text(encoding="utf-8")) == console
    assert (repo / "out.text").read_text(encoding="utf-8").startswith(
        "4 files, 65 rows: 2 errors, 0 warnings.\n")
    assert (repo / "out.github").read_text(encoding="utf-8").endswith(
        "\n4 files, 65 rows: 2 errors, 0 warnings.\n")
    assert (repo / "out.markdown").read_text(encoding="utf-8").startswith(
        "### Submission check (dxplan validate)\n\n❌ **4 files, 65 rows: 2 errors, "
        "0 warnings.**\n")
    assert result.stderr.splitlines() == [f"Wrote the {k} report: out.{k}" for k in kinds]
