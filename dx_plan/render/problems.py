"""The problems of a run, for people: a summary by code, then identical problems grouped.

However many rows raise a problem, the text stays short: one row per code in the
summary, then per code at most `per_code` groups of identical problems, each with
its count and first lines ("76450 lần; logs/a.csv: dòng 4, 9, 12 …").
"""

from __future__ import annotations

from itertools import groupby

from rich.console import RenderableType
from rich.text import Text

from ..entries import GROUPS_LISTED, Findings, ProblemGroup
from ..i18n import Lang, code_label, problem_line, t
from .common import md_escape
from .table import simple_table

PER_CODE = GROUPS_LISTED  # all are counted; JSON has more


def places_text(group: ProblemGroup, lang: Lang) -> str:
    """'logs/a.csv: dòng 4, 9, 12 …' — where the first problems of a group are."""
    parts: list[str] = []
    for file, places in groupby(group.places, key=lambda place: place[0]):
        lines = [str(line) for _, line in places if line is not None]
        word = t("problems.line" if len(lines) == 1 else "problems.lines", lang)
        parts.append(f"{file}: {word} {', '.join(lines)}" if lines else file)
    more = " …" if group.count > len(group.places) else ""
    return "; ".join(parts) + more


def problem_markdown(findings: Findings, lang: Lang, per_code: int = PER_CODE) -> list[str]:
    """Markdown lines: a bullet per group of identical problems (at most `per_code` a code)."""
    lines: list[str] = []
    for code, groups in groupby(findings.groups, key=lambda g: g.code):
        for group in list(groups)[:per_code]:
            text = problem_line(group.message, group.hint, lang)
            lines.append(f"- **{code}** ×{group.count}: {md_escape(text)} "
                         f"({md_escape(places_text(group, lang))})")
    return lines


def problem_renderables(findings: Findings, lang: Lang, per_code: int = PER_CODE,
                        grouped: bool = True) -> list[RenderableType]:
    """A summary table by code, then (`grouped`) a table of grouped problems, or else a
    line saying where they are; [] when there are none."""
    ignored = _ignored_line(findings, lang)
    if not findings.counts:
        return ignored
    summary_rows = [
        [code, t(f"severity.{severity}", lang), n, code_label(code, lang)]
        for (severity, code), n in sorted(findings.counts.items(),
                                          key=lambda kv: (kv[0][0] != "error", kv[0][1]))]
    out: list[RenderableType] = [simple_table(
        t("check.problems", lang),
        [t(k, lang) for k in ("col.code", "col.severity", "problems.count", "col.message")],
        summary_rows, right=(2,), nowrap=(0,))]
    out += ignored
    if not grouped:
        return [*out, Text(t("problems.where_detail", lang), style="dim")]
    rows: list[list[object]] = []
    for code, groups in groupby(findings.groups, key=lambda g: g.code):
        listed = list(groups)
        for group in listed[:per_code]:
            rows.append([code, group.count, problem_line(group.message, group.hint, lang),
                         places_text(group, lang)])
        hidden = listed[per_code:]
        others = sum(g.count for g in hidden) + findings.ungrouped.get(code, 0)
        if others:
            rows.append([code, others, t("problems.others", lang), ""])
    out.append(simple_table(
        None, [t(k, lang) for k in ("col.code", "problems.count", "col.message",
                                    "problems.where")], rows, right=(1,), nowrap=(0,)))
    if findings.truncated:
        out.append(Text(t("problems.json", lang)))
    return out


def _ignored_line(findings: Findings, lang: Lang) -> list[RenderableType]:
    """'Bỏ qua theo yêu cầu: duplicate 3.' when codes were ignored on request."""
    if not findings.suppressed:
        return []
    codes = ", ".join(f"{code} {n}" for code, n in findings.suppressed.items())
    return [Text(t("problems.ignored", lang, codes=codes), style="dim")]
