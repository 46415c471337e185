"""CI formats for `validate`: GitHub workflow commands, JUnit XML, SARIF and a Markdown
summary (GitHub's step summary, or any CI page that shows Markdown)."""

from __future__ import annotations

import os
from collections.abc import Sequence
from urllib.parse import quote
from xml.etree import ElementTree as ET

from ..entries import PROBLEM_CODES, Findings, Problem
from ..i18n import Lang, code_label, problem_line, say, sentence, t
from ..text import safe_text, xml_text
from .common import md_escape, to_json

GITHUB_ANNOTATIONS = 10  # annotations GitHub shows per severity and step
SUMMARY_FILES = 100  # files listed in the Markdown summary (GitHub caps a step's at 1 MiB)


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


def sarif_uri(file: str) -> str:
    """A file name as a SARIF URI reference: '/' separators, spaces and non-ASCII
    percent-encoded ('h-ben-luc/quý 1.csv' → 'h-ben-luc/qu%C3%BD%201.csv')."""
    return quote(safe_text(file).replace(os.sep, "/"), safe="/")


def sarif(problems: Sequence[Problem], version: str, truncated: int = 0) -> str:
    """SARIF 2.1.0 for code-scanning dashboards (`truncated`: problems counted, not listed)."""
    rules = [{"id": code, "shortDescription": {"text": code_label(code, "en")}}
             for code in PROBLEM_CODES]
    results = []
    for p in problems:
        # GitHub requires a region with startLine >= 1: a whole-file problem is on line 1.
        location: dict[str, object] = {"artifactLocation": {"uri": sarif_uri(p.file)},
                                       "region": {"startLine": max(1, p.line or 1)}}
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


def markdown_summary(findings: Findings, files: Sequence[str], rows: dict[str, int],
                     verdict: str, lang: Lang = "en") -> str:
    """A Markdown summary of a run: the verdict, a table of problems by code (all counted)
    and a table of files (rows read, errors and warnings of each).

    Made for GitHub's step summary, which concatenates what the steps append, so it is
    one self-contained section that starts with its own heading and ends with a blank line.
    """
    mark = "❌" if findings.errors else "✅"
    lines = [f"### {md_escape(t('ci.summary.title', lang))}", "",
             f"{mark} **{md_escape(verdict)}**", ""]
    if not findings.counts:
        lines += [md_escape(t("ci.summary.none", lang)), ""]
    else:
        lines += [f"#### {md_escape(t('ci.summary.by_code', lang))}", "",
                  *_code_table(findings, lang), ""]
    if files:
        lines += [f"#### {md_escape(t('ci.summary.by_file', lang))}", "",
                  *_file_table(findings, files, rows, lang), ""]
    return "\n".join(lines) + "\n"


def _md_row(cells: Sequence[object]) -> str:
    return "| " + " | ".join(md_escape(str(c)) for c in cells) + " |"


def _code_table(findings: Findings, lang: Lang) -> list[str]:
    """Problems by code, errors first: code, severity, count, the code's label."""
    header = [t(k, lang) for k in ("ci.col.code", "ci.col.severity", "ci.col.count",
                                   "ci.col.label")]
    lines = [_md_row(header), "|---|---|--:|---|"]
    for (severity, code), n in sorted(findings.counts.items(),
                                      key=lambda kv: (kv[0][0] != "error", kv[0][1])):
        lines.append(_md_row([code, t(f"severity.{severity}", lang), n,
                              code_label(code, lang)]))
    return lines


def _file_table(findings: Findings, files: Sequence[str], rows: dict[str, int],
                lang: Lang) -> list[str]:
    """A row per file, those with problems first (at most SUMMARY_FILES listed).

    The counts by file are of the problems kept in full (all of them unless a file has
    more than `--limit problems` of one code); a note says so when some were only counted.
    """
    counts = {f: [0, 0] for f in files}
    for p in findings.problems:
        counts.setdefault(p.file, [0, 0])[0 if p.severity == "error" else 1] += 1
    order = sorted(counts, key=lambda f: (-counts[f][0], -counts[f][1]))
    header = [t(k, lang) for k in ("ci.col.file", "ci.col.rows", "ci.col.errors",
                                   "ci.col.warnings")]
    lines = [_md_row(header), "|---|--:|--:|--:|"]
    for file in order[:SUMMARY_FILES]:
        lines.append(_md_row([file, rows.get(file, 0), *counts[file]]))
    notes = []
    if len(order) > SUMMARY_FILES:
        notes.append(t("ci.summary.more_files", lang, n=len(order) - SUMMARY_FILES))
    if findings.truncated:
        notes.append(t("ci.summary.kept_only", lang, kept=len(findings.problems),
                       more=findings.truncated))
    for note in notes:
        lines += ["", md_escape(note)]
    return lines
