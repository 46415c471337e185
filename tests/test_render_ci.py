"""CI renderers: GitHub workflow commands, JUnit XML, SARIF."""

from __future__ import annotations

import json
import re
from xml.etree import ElementTree as ET

from dx_plan.entries import Findings, Problem
from dx_plan.i18n import Msg, msg
from dx_plan.reader.problems import ProblemLog
from dx_plan.render import ci


def unread(text: str) -> Msg:
    """A message carrying `text` as it is (to test escaping)."""
    return msg("reader.row.unreadable", reason=text)


PROBLEMS = [
    Problem("sub/h-duc-hue/q1.csv", 7, "error", "foreign-unit",
            msg("reader.foreign_unit", unit="h-ben-luc", owner="h-duc-hue")),
    Problem("sub/h-duc-hue/q1.csv", 9, "warning", "duplicate",
            msg("reader.duplicate", line=3, file="50% off.csv")),
    Problem("sub/h-can-duoc/q1.csv", None, "error", "bad-file", unread("PNG\nline two")),
]
GH = re.compile(r"^::(error|warning) file=[^,:]+(,line=\d+)?,title=[a-z-]+::.+$")


def test_github_workflow_commands() -> None:
    log = ProblemLog()
    for problem in PROBLEMS:
        log.add(problem)
    lines = ci.github(log.findings(), "3 files: 2 errors, 1 warnings", "en").splitlines()
    assert lines[-1] == "3 files: 2 errors, 1 warnings"
    assert lines[:-1] == [
        "::error file=sub/h-duc-hue/q1.csv,line=7,title=foreign-unit::the row names unit "
        "'h-ben-luc' but the file is from 'h-duc-hue'",
        "::warning file=sub/h-duc-hue/q1.csv,line=9,title=duplicate::same item as line 3 of "
        "50%25 off.csv",
        "::error file=sub/h-can-duoc/q1.csv,title=bad-file::cannot read the row: PNG%0Aline two",
    ]
    assert all(GH.match(line) for line in lines[:-1])


def test_github_keeps_within_the_annotation_limits_and_counts_the_rest() -> None:
    errors = [Problem("a.csv", n, "error", "bad-date", unread(f"date {n}")) for n in range(2, 27)]
    warnings = [Problem("a.csv", 30, "warning", "duplicate", unread("same item"))]
    findings = Findings(tuple(errors + warnings), {("error", "bad-date"): 40,
                                                   ("warning", "duplicate"): 1})
    lines = ci.github(findings, "totals", "en").splitlines()
    # 10 errors shown, one for the other 30 counted (25 kept + 15 only counted), 1 warning.
    assert [line.split(" ", 1)[0] for line in lines] == (
        ["::error"] * 10 + ["::warning", "::error", "totals"])
    assert lines[10].startswith("::warning file=a.csv,line=30,")
    assert lines[11] == ("::error title=dxplan::… and 30 more of this severity "
                         "(see the totals and --format json).")


def test_junit_parses_and_has_the_failures() -> None:
    files = ["sub/h-ben-luc/q1.csv", "sub/h-duc-hue/q1.csv", "sub/h-can-duoc/q1.csv"]
    root = ET.fromstring(ci.junit(files, PROBLEMS, {"sub/h-ben-luc/q1.csv": 30}))
    assert (root.tag, root.get("tests"), root.get("failures")) == ("testsuites", "3", "2")
    suites = {s.get("name"): s for s in root.iter("testsuite")}
    assert list(suites) == files
    clean = suites["sub/h-ben-luc/q1.csv"]
    assert [c.get("name") for c in clean.iter("testcase")] == ["30 rows readable"]
    assert clean.find("testcase/failure") is None
    failures = [(c.get("name"), c.find("failure").get("type"))  # type: ignore[union-attr]
                for s in suites.values() for c in s.iter("testcase")
                if c.find("failure") is not None]
    assert failures == [("line 7: foreign-unit", "foreign-unit"), ("file: bad-file", "bad-file")]


def test_sarif() -> None:
    doc = json.loads(ci.sarif(PROBLEMS, "0.1.0"))
    results = doc["runs"][0]["results"]
    assert [(r["ruleId"], r["level"]) for r in results] == [
        ("foreign-unit", "error"), ("duplicate", "warning"), ("bad-file", "error")]
    assert results[0]["locations"][0]["physicalLocation"]["region"] == {"startLine": 7}
    # GitHub requires a line: a whole-file problem is on line 1.
    assert results[2]["locations"][0]["physicalLocation"]["region"] == {"startLine": 1}


def test_sarif_uris_are_uri_references() -> None:
    problem = Problem("sub/h-ben-luc/quý 1 #2.csv", 3, "error", "bad-date", unread("x"))
    doc = json.loads(ci.sarif([problem], "0.1.0"))
    location = doc["runs"][0]["results"][0]["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"] == "sub/h-ben-luc/qu%C3%BD%201%20%232.csv"


def test_junit_stays_well_formed_with_characters_xml_forbids() -> None:
    bad = [Problem("sub/a\ufffe.csv", 3, "error", "unknown-unit",
                   msg("reader.unknown_name", what=msg("reader.noun.unit"),
                       text="x\uffff\x1b[31m")),
           Problem("sub/a\ufffe.csv", 4, "warning", "unknown-doc",
                   msg("reader.unknown_doc", text="\ud800"))]
    text = ci.junit(["sub/a\ufffe.csv"], bad, {})
    root = ET.fromstring(text.encode("utf-8", "surrogatepass"))  # parses: well-formed XML
    failure = root.find(".//failure")
    assert failure is not None and failure.get("message") == "unknown unit 'x\ufffd[31m'"
    assert root.find(".//testsuite").get("name") == "sub/a\ufffd.csv"  # type: ignore[union-attr]


def _findings(problems: list[Problem]) -> Findings:
    log = ProblemLog()
    for problem in problems:
        log.add(problem)
    return log.findings()


def test_markdown_summary() -> None:
    files = ["sub/h-ben-luc/q1.csv", "sub/h-duc-hue/q1.csv", "sub/h-can-duoc/q1.csv"]
    rows = {"sub/h-ben-luc/q1.csv": 30, "sub/h-duc-hue/q1.csv": 12}
    text = ci.markdown_summary(_findings(PROBLEMS), files, rows, "3 files: 2 errors", "en")
    assert text == (
        "### Submission check (dxplan validate)\n"
        "\n"
        "❌ **3 files: 2 errors**\n"
        "\n"
        "#### Problems by code\n"
        "\n"
        "| Code | Severity | Count | What it means |\n"
        "|---|---|--:|---|\n"
        "| bad-file | error | 1 | the file cannot be read |\n"
        "| foreign-unit | error | 1 | the row names a unit other than the submitter |\n"
        "| duplicate | warning | 1 | the same item was already logged (counted once) |\n"
        "\n"
        "#### By file\n"
        "\n"
        "| File | Rows | Errors | Warnings |\n"
        "|---|--:|--:|--:|\n"
        "| sub/h-duc-hue/q1.csv | 12 | 1 | 1 |\n"
        "| sub/h-can-duoc/q1.csv | 0 | 1 | 0 |\n"
        "| sub/h-ben-luc/q1.csv | 30 | 0 | 0 |\n"
        "\n")


def test_markdown_summary_of_a_clean_run_in_vietnamese() -> None:
    text = ci.markdown_summary(Findings(), ["a.csv"], {"a.csv": 4}, "1 tệp: không có lỗi", "vi")
    assert text.splitlines() == [
        "### Kiểm tra nhật ký nộp (dxplan validate)", "", "✅ **1 tệp: không có lỗi**", "",
        "Không có vấn đề nào.", "", "#### Theo tệp", "",
        "| Tệp | Số dòng | Lỗi | Cảnh báo |", "|---|--:|--:|--:|", "| a.csv | 4 | 0 | 0 |",
        ""]  # a blank line ends the section (GitHub joins the steps' summaries)


def test_markdown_summary_escapes_file_names_and_caps_the_files_listed() -> None:
    files = [f"f{n:03d}.csv" for n in range(ci.SUMMARY_FILES + 5)] + ["a|b_*<x>.csv"]
    problems = [Problem("a|b_*<x>.csv", 2, "error", "bad-date", unread("x"))]
    text = ci.markdown_summary(_findings(problems), files, {}, "v", "en")
    lines = text.splitlines()
    table = [line for line in lines if line.startswith("| ") and ".csv" in line]
    assert len(table) == ci.SUMMARY_FILES
    assert table[0] == "| a\\|b\\_\\*\\<x\\>.csv | 0 | 1 | 0 |"  # problems first, escaped
    assert table[-1] == f"| f{ci.SUMMARY_FILES - 2:03d}.csv | 0 | 0 | 0 |"
    assert lines[-2:] == ["… and 6 more files (see the JSON or JUnit report).", ""]


def test_markdown_summary_says_when_file_counts_cover_only_the_kept_problems() -> None:
    kept = (Problem("a.csv", 2, "error", "bad-date", unread("x")),)
    findings = Findings(kept, {("error", "bad-date"): 5})
    text = ci.markdown_summary(findings, ["a.csv"], {"a.csv": 9}, "v", "en")
    assert "| bad-date | error | 5 |" in text  # all counted by code
    assert "| a.csv | 9 | 1 | 0 |" in text  # the kept one by file
    assert text.endswith("The counts by file cover the 1 problems kept in full; 4 more were "
                         "only counted (see the table by code).\n\n")
