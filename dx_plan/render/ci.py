"""CI formats for `validate`: GitHub workflow commands, JUnit XML and SARIF."""

from __future__ import annotations

from collections.abc import Sequence
from xml.etree import ElementTree as ET

from ..entries import PROBLEM_CODES, Findings, Problem
from ..i18n import Lang, code_label, problem_line, say, sentence, t
from ..text import safe_text, xml_text
from .common import to_json

GITHUB_ANNOTATIONS = 10  # annotations GitHub shows per severity and step


def _gh_escape(value: str, prop: bool = False) -> str:
    # GitHub's workflow-command escaping: % CR LF always; ':' and ',' in properties.
    text = safe_text(value).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if prop:
        text = text.replace(":", "%3A").replace(",", "%2C")
    return text


def github(findings: Findings, totals: str, lang: Lang = "en") -> str:
    """Workflow-command annotations, within GitHub's limits, then the totals line.

    GitHub shows at most 10 error and 10 warning annotations of a step; past that,
    one more annotation per severity says how many were left out, so none vanish.
    """
    lines = []
    shown = {"error": 0, "warning": 0}
    for p in findings.problems:
        level = "error" if p.severity == "error" else "warning"
        if shown[level] >= GITHUB_ANNOTATIONS:
            continue
        shown[level] += 1
        props = [f"file={_gh_escape(p.file, True)}"]
        if p.line is not None:
            props.append(f"line={p.line}")
        props.append(f"title={_gh_escape(p.code, True)}")
        message = problem_line(p.message, p.hint, lang)
        lines.append(f"::{level} {','.join(props)}::{_gh_escape(message)}")
    for level, total in (("error", findings.errors), ("warning", findings.warnings)):
        if total > shown[level]:
            lines.append(f"::{level} title=dxplan::"
                         f"{_gh_escape(t('github.more', lang, n=total - shown[level]))}")
    lines.append(_gh_escape(totals))
    return "\n".join(lines) + "\n"


def junit(files: Sequence[str], problems: Sequence[Problem], rows: dict[str, int],
          lang: Lang = "en") -> str:
    """JUnit XML: a testsuite per file; a failing testcase per error, a passing one when clean.

    Warnings are recorded as passing testcases with `<system-out>` so reporters show them
    without failing the build.
    """
    suites = ET.Element("testsuites", name="dxplan validate")
    by_file: dict[str, list[Problem]] = {f: [] for f in files}
    for p in problems:
        by_file.setdefault(p.file, []).append(p)
    total_tests = total_failures = 0
    for file, items in by_file.items():
        errors = [p for p in items if p.severity == "error"]
        suite = ET.SubElement(suites, "testsuite", name=xml_text(file))
        cases = 0
        if not errors:
            case = ET.SubElement(suite, "testcase", classname=xml_text(file),
                                 name=f"{rows.get(file, 0)} rows readable")
            cases += 1
            warnings = [p for p in items if p.severity == "warning"]
            if warnings:
                out = ET.SubElement(case, "system-out")
                out.text = "\n".join(
                    f"line {p.line}: [{p.code}] "
                    f"{xml_text(problem_line(p.message, p.hint, lang))}"
                    for p in warnings)
        for p in items:
            if p.severity != "error":
                continue
            where = "file" if p.line is None else f"line {p.line}"
            case = ET.SubElement(suite, "testcase", classname=xml_text(file),
                                 name=f"{where}: {p.code}")
            text = xml_text(sentence(p.message, lang) if lang == "vi" else say(p.message, lang))
            failure = ET.SubElement(case, "failure", type=p.code, message=text[:500])
            failure.text = text + (f"\n{t('hint', lang)}: {xml_text(say(p.hint, lang))}"
                                   if p.hint else "")
            cases += 1
        suite.set("tests", str(cases))
        suite.set("failures", str(len(errors)))
        suite.set("errors", "0")
        total_tests += cases
        total_failures += len(errors)
    suites.set("tests", str(total_tests))
    suites.set("failures", str(total_failures))
    ET.indent(suites)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(
        suites, encoding="unicode") + "\n"


def sarif(problems: Sequence[Problem], version: str, truncated: int = 0) -> str:
    """SARIF 2.1.0 for code-scanning dashboards (`truncated`: problems counted, not listed)."""
    rules = [{"id": code, "shortDescription": {"text": code_label(code, "en")}}
             for code in PROBLEM_CODES]
    results = []
    for p in problems:
        location: dict[str, object] = {"artifactLocation": {"uri": p.file}}
        if p.line is not None:
            location["region"] = {"startLine": p.line}
        results.append({
            "ruleId": p.code,
            "level": "error" if p.severity == "error" else "warning",
            "message": {"text": safe_text(str(p.message))},
            "locations": [{"physicalLocation": location}],
        })
    run: dict[str, object] = {
        "tool": {"driver": {"name": "dxplan", "version": version, "rules": rules}},
        "results": results}
    if truncated:
        run["properties"] = {"problemsTruncated": truncated}
    doc = {
        "version": "2.1.0",
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "runs": [run],
    }
    return to_json(doc)
