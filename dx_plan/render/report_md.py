"""`dxplan report --format markdown`: a unit's report and the overview as Markdown.

Text to paste into a message or a document.  Every piece of text that came from a
log (titles, links, file names, problem messages) goes through `md_escape`.
"""

from __future__ import annotations

from ..entries import Entry, Problem
from ..i18n import Lang, t
from ..i18n import problem_line as problem_message
from ..report import Report, UnitReport
from ..text import shown_url
from .common import md_escape, quota, to_markdown
from .report_words import (
    ROMAN,
    commune_rows,
    date_range,
    formal_name,
    generated,
    matrix_text,
    notes,
    overview_title,
    report_title,
    rule_title,
    shortfall_blocks,
    status_label,
    status_text,
    unit_name,
    verdict,
    window_line,
)

RESULT_COLUMNS = ("col.task", "col.requirement", "col.quota", "col.delivered", "col.periods",
                  "col.shortfall", "col.status")
COMMUNE_COLUMNS = ("col.commune", "col.task", "col.periods", "col.status", "col.missed")
EVIDENCE_COLUMNS = ("col.date", "col.unit", "col.channel", "col.kind", "col.title", "col.link",
                    "col.docs")
GROUP_COLUMNS = ("col.group", "col.units", "col.units_met", "col.units_behind",
                 "col.units_missing", "col.units_open", "col.failing", "col.shortfall")
UNIT_COLUMNS = ("col.unit", "col.group", "col.status", "col.failing", "col.shortfall",
                "col.short_all")


def _table(header: list[str], rows: list[list[str]]) -> list[str]:
    return to_markdown(header, rows).splitlines()


def result_rows(unit: UnitReport, lang: Lang) -> list[list[str]]:
    """The rows of a unit's results table (also used by the HTML page)."""
    return [[line.result.task, rule_title(line, lang), quota(line.result, lang),
             str(line.result.delivered), f"{line.result.periods_met}/{line.result.periods_due}",
             str(line.result.shortfall or ""), status_text(line.result, lang)]
            for line in unit.rules]


def evidence_row(report: Report, entry: Entry, lang: Lang) -> list[str]:
    """Date(s), unit, channel, kind, title, link and documents of one delivered item."""
    docs = ", ".join(report.documents.get(d, (d, ""))[0] for d in entry.docs)
    qty = f" ×{entry.quantity}" if entry.quantity != 1 else ""
    return [date_range(entry.date, entry.end, lang), report.name(report.unit_names, entry.unit,
                                                                 lang),
            report.name(report.channel_names, entry.channel, lang),
            report.name(report.kind_names, entry.kind, lang), entry.title + qty,
            shown_url(entry.url), docs]


def problem_line(problem: Problem, lang: Lang) -> str:
    """'`q1.csv:7` **duplicate**: …' with every part escaped."""
    where = problem.file + (f":{problem.line}" if problem.line is not None else "")
    text = problem_message(problem.message, problem.hint, lang)
    return (f"- {md_escape(where)} — {t(f'severity.{problem.severity}', lang)} "
            f"**{md_escape(problem.code)}**: {md_escape(text)}")


def unit_markdown(report: Report, unit: UnitReport, lang: Lang) -> str:
    """One unit's report: status, results, shortfall in words, evidence, documents, problems."""
    maker = (t("letterhead.top", lang, province=report.province) + " — "
             + t("letterhead.office", lang))
    out = [md_escape(maker), "", f"# {md_escape(report_title(report, lang))}", ""]
    out.append(f"**{t('report.unit', lang)}:** {md_escape(formal_name(unit, lang))} "
               f"({md_escape(unit.unit)}) · **{t('report.group', lang)}:** "
               f"{md_escape(report.name(report.group_names, unit.group, lang))}  ")
    out.append(md_escape(window_line(report, lang)) + "  ")
    out.append(f"**{t('report.entries', lang)}:** {unit.entries}")
    out += ["", f"**{t('report.status', lang)}: {status_label(unit.status, lang)}.** "
            + md_escape(" ".join(verdict(unit, report.as_of, lang))), ""]
    number = iter(ROMAN)
    out += [f"## {next(number)}. {t('report.sec.results', lang)}", ""]
    rows = result_rows(unit, lang)
    explicit = [row for row, line in zip(rows, unit.rules, strict=True)
                if line.result.basis == "explicit"]
    interpreted = rows[len(explicit):]
    out += _table([t(k, lang) for k in RESULT_COLUMNS], explicit) if explicit else []
    if interpreted:
        out += ["", f"### {md_escape(t('interpreted.heading', lang))}", ""]
        out += _table([t(k, lang) for k in RESULT_COLUMNS], interpreted)
        out += ["", md_escape(t("report.interpreted", lang))]
    communes = commune_rows(unit, lang)
    if communes:
        out += ["", f"### {md_escape(t('report.sec.communes', lang))}", ""]
        out += _table([t(k, lang) for k in COMMUNE_COLUMNS], communes)
    out += ["", f"## {next(number)}. {t('report.sec.shortfall', lang)}", ""]
    blocks = shortfall_blocks(unit, lang)
    if not blocks:
        out.append(md_escape(t("report.none_short", lang)))
    for heading, lines in blocks:
        out += [f"### {md_escape(heading)}", ""]
        out += [f"- {md_escape(text)}" for text in lines[:-1]]
        out += [f"- **{md_escape(lines[-1])}**", ""]
    out += ["", f"## {next(number)}. {t('report.sec.evidence', lang)}", ""]
    if unit.evidence:
        out += _table([t(k, lang) for k in EVIDENCE_COLUMNS],
                      [evidence_row(report, e, lang) for e in unit.evidence])
        if unit.evidence_more:
            out.append(md_escape(t("report.evidence_more", lang, n=unit.evidence_more)))
    else:
        out.append(md_escape(t("report.no_evidence", lang)))
    out += ["", f"## {next(number)}. {t('report.sec.docs', lang)}", ""]
    total = len(unit.docs_covered) + len(unit.docs_uncovered)
    for key, docs in (("report.docs_covered", unit.docs_covered),
                      ("report.docs_uncovered", unit.docs_uncovered)):
        out += [f"**{t(key, lang, n=len(docs), total=total)}:**", ""]
        out += [f"- {md_escape(report.documents[d][0])} — {md_escape(report.documents[d][1])}"
                for d in docs] or [f"- {t('report.none', lang)}"]
        out.append("")
    out += [f"## {next(number)}. {t('report.sec.problems', lang)}", ""]
    out += [problem_line(p, lang) for p in unit.problems] or [t("report.no_problems", lang)]
    out += ["", "---", "", _footer(report, lang), ""]
    return "\n".join(out)


def _footer(report: Report, lang: Lang) -> str:
    day = date_range(report.as_of, report.as_of, lang)
    return f"_{md_escape(generated(report, lang, day))}_"


def overview_markdown(report: Report, lang: Lang) -> str:
    """The province overview: totals per group, units by shortfall, units × rules."""
    s = report.summary
    out = [f"# {md_escape(overview_title(report, lang))}", "",
           md_escape(window_line(report, lang)), "",
           md_escape(t("check.summary", lang, units=s["units"], met=s["units_met"],
                       behind=s["units_behind"], missing=s["units_missing"],
                       open=s["units_open"], shortfall=s["shortfall"])), ""]
    out += [f"_{md_escape(text)}_\n" for text in notes(report, lang)]
    out += [f"## {t('report.sec.groups', lang)}", ""]
    out += _table([t(k, lang) for k in GROUP_COLUMNS], [
        [report.name(report.group_names, g.group, lang), str(g.units), str(g.met),
         str(g.behind), str(g.missing), str(g.open), str(g.failing_rules), str(g.shortfall)]
        for g in report.groups])
    out += ["", f"## {t('report.sec.units', lang)}", ""]
    out += _table([t(k, lang) for k in UNIT_COLUMNS], [
        [unit_name(u, lang), report.name(report.group_names, u.group, lang),
         status_label(u.status, lang), str(u.failing_rules), str(u.shortfall),
         str(u.shortfall_all)] for u in report.by_shortfall()])
    out += ["", f"## {t('report.sec.matrix', lang)}", ""]
    rows = []
    for u in report.by_shortfall():
        lines = {line.rule: line for line in u.rules}
        rows.append([unit_name(u, lang)] + [matrix_text(lines.get(r.id)) for r in report.rules])
    out += _table([t("col.unit", lang)] + [r.label(lang) for r in report.rules], rows)
    if report.other_problems:
        out += ["", f"## {t('report.sec.other_problems', lang)}", ""]
        out += [problem_line(p, lang) for p in report.other_problems]
    out += ["", "---", "", _footer(report, lang), ""]
    return "\n".join(out)


def report_markdown(report: Report, lang: Lang) -> str:
    """One document: the unit's report alone, or the overview followed by every unit's."""
    if len(report.units) == 1:
        return unit_markdown(report, report.units[0], lang)
    parts = [overview_markdown(report, lang)]
    parts += [unit_markdown(report, u, lang) for u in report.units]
    return "\n\n".join(parts)
