"""`dxplan report --format html`: self-contained pages a unit can look at, print and sign.

Each page is one file: inline CSS, inline SVG heatmaps, one small inline script
(click-to-sort for the overview tables) and nothing fetched — no fonts, images,
stylesheets or scripts from anywhere, so it works offline and from file://.  A
Content-Security-Policy pins the inline style and script by hash, so even text
that slipped past escaping could neither run nor load anything.

Escaping: every string reaches the page through `esc` (text and attribute values),
and a log's link becomes an `<a href>` only when it is http(s).
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import html
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from ..entries import Problem
from ..i18n import Lang, problem_line, t
from ..periods import period_bounds
from ..report import Cell, Report, RuleHead, RuleLine, UnitReport
from ..text import shown_url
from .common import fmt_date, quota
from .report_md import (
    COMMUNE_COLUMNS,
    EVIDENCE_COLUMNS,
    GROUP_COLUMNS,
    RESULT_COLUMNS,
    UNIT_COLUMNS,
    evidence_row,
    result_rows,
)
from .report_words import (
    ROMAN,
    cell_label,
    cell_title,
    commune_rows,
    formal_name,
    generated,
    month_short,
    notes,
    overview_title,
    report_title,
    rule_title,
    shortfall_blocks,
    status_label,
    symbol,
    unit_name,
    verdict,
    window_line,
    window_span,
)

CELL_STATUSES = ("met", "short", "missing", "open", "waived")
# Okabe–Ito colours: told apart with every common colour-vision deficiency, and each
# status also has a pattern (hatching, cross-hatching) and a symbol, so a greyscale
# print still shows it.  "Đạt" is green, as officials expect (the bluish green darkened to
# 5.3:1 against its white text).
PALETTE = {"met": "#007A5E", "short": "#E69F00", "missing": "#D55E00", "open": "#E4E4E4",
           "waived": "#B9D7EA"}
STATUS_CLASS = {"met": "met", "behind": "short", "short": "short", "missing": "missing",
                "missed": "missing", "open": "open", "not-applicable": "na",
                "waived": "waived"}

CSS = "\n:root{" + "".join(f"--{k}:{v};" for k, v in PALETTE.items()) + """\
--ink:#1b1b1b;--muted:#5a5a5a;--line:#c8c8c8}
*{box-sizing:border-box}
body{margin:0;background:#f3f3f0;color:var(--ink);
font:15px/1.45 "Times New Roman","Liberation Serif","DejaVu Serif",Times,serif}
main{max-width:1060px;margin:24px auto;background:#fff;padding:28px 40px;
box-shadow:0 1px 4px rgba(0,0,0,.15)}
h1{font-size:20px;text-align:center;margin:18px 0 6px;text-transform:none}
h2{font-size:17px;margin:26px 0 8px;border-bottom:1px solid var(--line);padding-bottom:3px}
h3{font-size:15px;margin:16px 0 4px}
.sub{text-align:center;color:var(--muted);margin:0 0 14px}
.doc-head{display:flex;justify-content:space-between;gap:24px;text-align:center;
font-size:14px}
.doc-head .up{font-weight:bold;text-transform:uppercase}
.doc-head .rule{width:40%;margin:3px auto;border-top:1px solid var(--ink)}
.doc-head .place{font-style:italic;margin-top:6px}
dl.meta{display:grid;grid-template-columns:max-content 1fr;gap:2px 14px;margin:10px 0}
dl.meta dt{font-weight:bold}dl.meta dd{margin:0}
.verdict{border:2px solid var(--ink);border-left-width:10px;padding:8px 12px;margin:12px 0}
.verdict.met{border-color:var(--met)}.verdict.short{border-color:var(--short)}
.verdict.missing{border-color:var(--missing)}.verdict.open{border-color:#9a9a9a}
table{border-collapse:collapse;width:100%;margin:6px 0 10px;font-size:13.5px}
th,td{border:1px solid var(--line);padding:3px 6px;vertical-align:top;text-align:left}
th{background:#f0f0ec}
td.num,th.num{text-align:right;white-space:nowrap}
td.link{word-break:break-all;max-width:260px}
.st{display:inline-block;padding:0 6px;border-radius:3px;white-space:nowrap;
font-family:"DejaVu Sans",sans-serif;font-size:12px}
.st.met{background:var(--met);color:#fff}
.st.short{background:var(--short);color:#000}
.st.missing{background:var(--missing);color:#fff}
.st.open{background:var(--open);color:#000}
.st.na{background:#fff;color:var(--muted);border:1px solid var(--line)}
td.m{text-align:center;white-space:nowrap;font-family:"DejaVu Sans",sans-serif;
font-size:12px}
td.m.met{background:var(--met);color:#fff}
td.m.short{background:var(--short);color:#000}
td.m.missing{background:var(--missing);color:#fff}
td.m.open{background:var(--open)}
td.m.waived{background:var(--waived)}
.gaps li{margin:1px 0}
details.appendix{margin-top:28px;break-before:page}
details.appendix summary{font-weight:bold;font-size:17px;cursor:pointer;padding:4px 0}
.catch{font-weight:bold;margin:2px 0 10px}
ul.docs{columns:2;column-gap:28px;padding-left:18px;font-size:13.5px}
ul.docs li{break-inside:avoid}
.note{color:var(--muted);font-size:13px}
.hm{display:block;max-width:100%;height:auto;margin:4px 0 8px}
.hm text{font:11px "DejaVu Sans",sans-serif;fill:#222}
.hm .sym{pointer-events:none;text-anchor:middle;font-size:10px}
.hm .sym.met,.hm .sym.missing{fill:#fff}
.hm .axis{stroke:#999;stroke-width:.6}
.hm .asof{stroke:#000;stroke-width:1;stroke-dasharray:3 2}
.c-met{fill:var(--met)}.c-short{fill:url(#hm-short)}.c-missing{fill:url(#hm-missing)}
.c-open{fill:var(--open)}.c-waived{fill:var(--waived)}
.legend{display:flex;flex-wrap:wrap;gap:14px;font-size:13px;margin:4px 0}
.legend svg{vertical-align:middle;margin-right:4px}
.sign{display:flex;justify-content:space-between;margin-top:36px;text-align:center;
break-inside:avoid}
.sign div{width:45%;min-height:130px}.sign b{display:block}
.sign i{font-size:13px}
footer{margin-top:28px;color:var(--muted);font-size:12.5px;border-top:1px solid var(--line);
padding-top:6px}
table.sortable th button{all:unset;cursor:pointer}
table.sortable th button:focus-visible{outline:2px solid var(--met)}
th[aria-sort=descending] button::after{content:" ▼"}
th[aria-sort=ascending] button::after{content:" ▲"}
nav.units{columns:3;font-size:14px}
.defs{position:absolute;width:0;height:0;overflow:hidden}
section.unit+section.unit{margin-top:48px;border-top:3px double var(--line)}
@media (max-width:640px){
main{margin:0;padding:12px 10px;box-shadow:none}
.doc-head{flex-direction:column;gap:8px}
table{display:block;overflow-x:auto}
td:not(.num):not(.m){min-width:9em}
nav.units,ul.docs{columns:1}
dl.meta{grid-template-columns:1fr}
.sign{flex-direction:column}.sign div{width:100%;min-height:90px}
}
@page{size:A4;margin:14mm 14mm 16mm 18mm}
@page wide{size:A4 landscape}
@media print{
body{background:#fff;font-size:12pt}
main{box-shadow:none;margin:0;padding:0;max-width:none}
*{-webkit-print-color-adjust:exact;print-color-adjust:exact}
a{color:inherit;text-decoration:none}
h2,h3{break-after:avoid}
tr,li{break-inside:avoid}
thead{display:table-header-group}
.overview{page:wide}
section.unit{break-before:page;border-top:none}
.no-print{display:none}
}
"""

SCRIPT = """(function(){
function key(td){var v=td.getAttribute('data-sort');return v===null?td.textContent.trim():v;}
var lang=document.documentElement.lang;
document.querySelectorAll('table.sortable').forEach(function(table){
var heads=table.tHead.rows[0].cells;
Array.prototype.forEach.call(heads,function(th,i){
var b=document.createElement('button');b.type='button';b.textContent=th.textContent;
th.textContent='';th.appendChild(b);
b.addEventListener('click',function(){
var body=table.tBodies[0],rows=Array.prototype.slice.call(body.rows);
var desc=th.getAttribute('aria-sort')!=='descending';
Array.prototype.forEach.call(heads,function(h){h.removeAttribute('aria-sort');});
th.setAttribute('aria-sort',desc?'descending':'ascending');
rows.sort(function(a,b){var x=key(a.cells[i]),y=key(b.cells[i]);
var nx=parseFloat(x),ny=parseFloat(y);
var c=(!isNaN(nx)&&!isNaN(ny))?nx-ny:x.localeCompare(y,lang);return desc?-c:c;});
rows.forEach(function(r){body.appendChild(r);});});});});
})();"""

DEFS = (
    '<svg class="defs" aria-hidden="true" focusable="false"><defs>'
    '<pattern id="hm-short" width="6" height="6" patternUnits="userSpaceOnUse" '
    f'patternTransform="rotate(45)"><rect width="6" height="6" fill="{PALETTE["short"]}"/>'
    '<rect width="2.2" height="6" fill="#ffffff" fill-opacity="0.6"/></pattern>'
    '<pattern id="hm-missing" width="6" height="6" patternUnits="userSpaceOnUse">'
    f'<rect width="6" height="6" fill="{PALETTE["missing"]}"/>'
    '<path d="M0 0L6 6M6 0L0 6" stroke="#ffffff" stroke-width="1.1" stroke-opacity="0.7"/>'
    "</pattern></defs></svg>"
)


def _hash(text: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode()


CSP = (f"default-src 'none'; style-src '{_hash(CSS)}'; script-src '{_hash(SCRIPT)}'; "
       "img-src data:; base-uri 'none'; form-action 'none'")


def esc(value: object) -> str:
    """Text for HTML content or a quoted attribute value: & < > " ' escaped."""
    return html.escape("" if value is None else str(value), quote=True)


def safe_href(url: str) -> str | None:
    """A link target only for http(s) URLs (never javascript:, data:, file: …)."""
    lowered = url.strip().lower()
    return url.strip() if lowered.startswith(("http://", "https://")) else None


def _page(title: str, body: str, lang: Lang) -> str:
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{esc(lang)}">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{esc(CSP)}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="generator" content="dxplan">\n'
        '<link rel="icon" href="data:,">\n'
        f"<title>{esc(title)}</title>\n<style>{CSS}</style>\n</head>\n<body>\n{DEFS}\n"
        f"<main>\n{body}\n</main>\n<script>{SCRIPT}</script>\n</body>\n</html>\n"
    )


def _chip(status: str, text: str) -> str:
    return f'<span class="st {STATUS_CLASS.get(status, "na")}">{esc(text)}</span>'


def _table(header: Sequence[str], rows: Sequence[Sequence[str]], numeric: Sequence[int] = (),
           cls: str = "", classes: dict[int, str] | None = None) -> str:
    """A table of pre-escaped cell HTML (header cells are escaped here)."""
    names = dict.fromkeys(numeric, "num") | (classes or {})
    attr = {i: f' class="{c}"' for i, c in names.items()}
    head = "".join(f"<th{attr.get(i, '')}>{esc(h)}</th>" for i, h in enumerate(header))
    body = "".join("<tr>" + "".join(f"<td{attr.get(i, '')}>{c}</td>" for i, c in enumerate(row))
                   + "</tr>" for row in rows)
    klass = f' class="{cls}"' if cls else ""
    return f"<table{klass}><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


# --------------------------------------------------------------------------- heatmap


@dataclass(frozen=True, slots=True)
class HeatRow:
    """One row of a heatmap: a label and its cells (with the rule they belong to)."""

    label: str
    title: str
    line: RuleLine


LABEL_WIDTH = 190
TIMELINE_WIDTH = 760
ROW_HEIGHT = 18
ROW_GAP = 4
AXIS_HEIGHT = 18


def heatmap_svg(rows: Sequence[HeatRow], start: dt.date, end: dt.date, as_of: dt.date,
                lang: Lang, label: str) -> str:
    """A calendar heatmap: one row per rule (or unit), a cell per period on a day axis.

    Cells are placed by their dates, so a week, a month and a day line up across
    rows; each cell carries `data-status`, `data-rule` and `data-period` and a
    `<title>` tooltip with the period's dates and count.
    """
    days = (end - start).days + 1
    scale = TIMELINE_WIDTH / days
    width = LABEL_WIDTH + TIMELINE_WIDTH + 8
    height = AXIS_HEIGHT + len(rows) * (ROW_HEIGHT + ROW_GAP) + 4
    out = [f'<svg class="hm" role="img" aria-label="{esc(label)}" width="{width}" '
           f'height="{height}" viewBox="0 0 {width} {height}" '
           'xmlns="http://www.w3.org/2000/svg">']
    # Month ticks along the top, so a cell's place on the calendar reads at a glance.
    month = dt.date(start.year, start.month, 1)
    while month <= end:
        x = LABEL_WIDTH + max(0, (month - start).days) * scale
        name = month_short(month.month, lang)
        out.append(f'<line class="axis" x1="{x:.1f}" y1="2" x2="{x:.1f}" y2="{height - 2}"/>')
        out.append(f'<text x="{x + 3:.1f}" y="12">{esc(name)}</text>')
        month = period_bounds(month, "month")[1] + dt.timedelta(days=1)
    for index, row in enumerate(rows):
        y = AXIS_HEIGHT + index * (ROW_HEIGHT + ROW_GAP)
        short = row.label if len(row.label) <= 30 else row.label[:29] + "…"
        out.append(f'<text x="{LABEL_WIDTH - 6}" y="{y + 13}" text-anchor="end">'
                   f"<title>{esc(row.title)}</title>{esc(short)}</text>")
        for i, cell in enumerate(row.line.cells):
            out.append(_cell_svg(row.line, i, cell, start, end, scale, y, lang))
    if start <= as_of <= end:
        x = LABEL_WIDTH + ((as_of - start).days + 1) * scale
        tip = t("report.as_of", lang, as_of=fmt_date(as_of, lang))
        out.append(f'<line class="asof" x1="{x:.1f}" y1="{AXIS_HEIGHT - 4}" x2="{x:.1f}" '
                   f'y2="{height - 2}"><title>{esc(tip)}</title></line>')
    out.append("</svg>")
    return "".join(out)


def _cell_svg(line: RuleLine, index: int, cell: Cell, start: dt.date, end: dt.date,
              scale: float, y: int, lang: Lang) -> str:
    first, last = max(cell.start, start), min(cell.end, end)
    if first > last:  # a deadline whose span lies outside the window
        return ""
    x = LABEL_WIDTH + (first - start).days * scale
    w = ((last - first).days + 1) * scale
    gap = 1.0 if w >= 4 else 0.0
    rect = (f'<rect class="c c-{cell.status}" x="{x:.2f}" y="{y}" width="{max(w - gap, 0.6):.2f}" '
            f'height="{ROW_HEIGHT}" data-status="{cell.status}" data-rule="{esc(line.rule)}" '
            f'data-period="{esc(cell.label)}" data-count="{cell.delivered}">'
            f"<title>{esc(cell_title(line, index, lang))}</title></rect>")
    if w >= 13 and cell.status != "open":
        rect += (f'<text class="sym {cell.status}" x="{x + (w - gap) / 2:.2f}" y="{y + 13}">'
                 f"{symbol(cell.status)}</text>")
    return rect


def legend(lang: Lang) -> str:
    """The four cell statuses with colour, pattern and symbol."""
    items = []
    for status in CELL_STATUSES:
        items.append(f'<span><svg width="16" height="12" aria-hidden="true">'
                     f'<rect class="c c-{status}" width="16" height="12"/></svg>'
                     f"{esc(cell_label(status, lang))}</span>")
    return (f'<div class="legend"><b>{esc(t("report.legend", lang))}:</b>'
            + "".join(items) + "</div>")


def unit_heatmap(report: Report, unit: UnitReport, lang: Lang) -> str:
    """The unit's calendar: its rules × periods of the report window."""
    rows = [HeatRow(f"{line.result.task} · {quota(line.result, lang)}",
                    f"{line.result.task} — {rule_title(line, lang)}", line)
            for line in unit.rules if line.cells]
    if not rows:
        return ""
    return heatmap_svg(rows, report.window_start, report.window_end, report.as_of, lang,
                       f"{t('report.sec.calendar', lang)}: {unit_name(unit, lang)}")


def weekly_heatmaps(report: Report, lang: Lang) -> str:
    """The overview's heatmaps: for each weekly rule, the units it applies to × weeks."""
    parts = []
    for head in report.weekly_rules():
        rows = []
        for unit in report.units:
            line = next((ln for ln in unit.rules if ln.rule == head.id), None)
            if line is not None and line.cells:
                rows.append(HeatRow(unit_name(unit, lang), unit_name(unit, lang), line))
        if not rows:
            continue
        title = f"{head.task} — {head.title_en if lang == 'en' else head.title}"
        parts.append(f"<h3>{esc(title)}</h3>")
        parts.append(heatmap_svg(rows, report.window_start, report.window_end, report.as_of,
                                 lang, title))
    if not parts:
        return f'<p class="note">{esc(t("report.no_weekly", lang))}</p>'
    return legend(lang) + "".join(parts)


# --------------------------------------------------------------------------- unit page


def _problems_table(problems: Sequence[Problem], lang: Lang) -> str:
    rows = []
    for p in problems:
        text = problem_line(p.message, p.hint, lang)
        rows.append([esc(p.file), esc("" if p.line is None else p.line),
                     esc(t(f"severity.{p.severity}", lang)), esc(p.code), esc(text)])
    header = [t(k, lang) for k in ("col.file", "col.line", "col.severity", "col.code",
                                   "col.message")]
    return _table(header, rows, numeric=(1,))


def unit_section(report: Report, unit: UnitReport, lang: Lang) -> str:
    """The body of one unit's report (a page of its own, or a section of a combined page)."""
    number = iter(ROMAN)
    out = [f'<section class="unit" id="u-{esc(unit.unit)}" data-unit="{esc(unit.unit)}">',
           *_unit_head(report, unit, lang),
           *_results_part(unit, lang, next(number)),
           _heading(next(number), "report.sec.calendar", lang),
           legend(lang) + unit_heatmap(report, unit, lang),
           *_shortfall_part(unit, lang, next(number)),
           *_documents_part(report, unit, lang, next(number)),
           _heading(next(number), "report.sec.problems", lang),
           _problems_table(unit.problems, lang) if unit.problems
           else f"<p>{esc(t('report.no_problems', lang))}</p>",
           _signatures(lang),
           *_evidence_part(report, unit, lang),
           _footer(report, lang),
           "</section>"]
    return "\n".join(out)


def _heading(number: str, key: str, lang: Lang) -> str:
    """A numbered section heading of a unit's report ("II. Calendar")."""
    return f"<h2>{number}. {esc(t(key, lang))}</h2>"


def _unit_head(report: Report, unit: UnitReport, lang: Lang) -> list[str]:
    """The letterhead, title, facts about the unit and its verdict: the top of its report."""
    name = unit_name(unit, lang)
    status = STATUS_CLASS.get(unit.status, "open")
    place = t("place_date", lang, province=report.province, year=report.window_end.year)
    # The letterhead is the office that made the report (Sở TT&TT), not the unit judged.
    top = t("letterhead.top", lang, province=report.province)
    return [
        '<header class="doc-head">'
        f'<div><div class="up">{esc(top)}</div><div class="up">'
        f'{esc(t("letterhead.office", lang))}</div><div class="rule"></div></div>'
        f'<div><div class="up">{esc(t("nation", lang))}</div>'
        f'<div><b>{esc(t("motto", lang))}</b></div><div class="rule"></div>'
        f'<div class="place">{esc(place)}</div></div></header>',
        f"<h1>{esc(report_title(report, lang))}</h1>",
        f'<p class="sub unit-name">{esc(formal_name(unit, lang))}</p>',
        '<dl class="meta">'
        f"<dt>{esc(t('report.unit', lang))}</dt><dd>{esc(name)} "
        f"<span class=\"note\">({esc(unit.unit)})</span></dd>"
        f"<dt>{esc(t('report.group', lang))}</dt>"
        f"<dd>{esc(report.name(report.group_names, unit.group, lang))}</dd>"
        f"<dt>{esc(t('col.window', lang))}</dt><dd>{esc(window_span(report, lang))}</dd>"
        f"<dt>{esc(t('report.entries', lang))}</dt><dd>{unit.entries}</dd></dl>",
        f'<div class="verdict {status}" data-status="{esc(unit.status)}">'
        f"<b>{esc(t('report.status', lang))}:</b> "
        f"{_chip(unit.status, status_label(unit.status, lang))} "
        + " ".join(esc(s) for s in verdict(unit, report.as_of, lang)) + "</div>",
    ]


def _results_part(unit: UnitReport, lang: Lang, number: str) -> list[str]:
    """The results by rule: one table row per rule, with a note when a quota is interpreted."""
    explicit: list[list[str]] = []
    interpreted: list[list[str]] = []
    for line, cells in zip(unit.rules, result_rows(unit, lang), strict=True):
        (explicit if line.result.basis == "explicit" else interpreted).append(
            [esc(c) for c in cells[:-1]] + [_chip(line.result.status, cells[-1])])
    header = [t(k, lang) for k in RESULT_COLUMNS]
    out = [_heading(number, "report.sec.results", lang)]
    if explicit:
        out.append(_table(header, explicit, numeric=(3, 4, 5), cls="results"))
    if interpreted:
        out.append(f"<h3>{esc(t('interpreted.heading', lang))}</h3>")
        out.append(_table(header, interpreted, numeric=(3, 4, 5), cls="results"))
        out.append(f'<p class="note">{esc(t("report.interpreted", lang))}</p>')
    communes = [[esc(c) for c in row] for row in commune_rows(unit, lang)]
    if communes:
        out.append(f"<h3>{esc(t('report.sec.communes', lang))}</h3>")
        out.append(_table([t(k, lang) for k in COMMUNE_COLUMNS], communes, numeric=(2,),
                          cls="communes"))
    return out


def _shortfall_part(unit: UnitReport, lang: Lang, number: str) -> list[str]:
    """The shortfall in words: for each failing rule, its gaps and what to add."""
    out = [_heading(number, "report.sec.shortfall", lang)]
    blocks = shortfall_blocks(unit, lang)
    if not blocks:
        out.append(f'<p class="ok">{esc(t("report.none_short", lang))}</p>')
    for line, (heading, lines) in zip(unit.failing, blocks, strict=True):
        out.append(f'<h3 data-rule="{esc(line.rule)}">{esc(heading)}</h3><ul class="gaps">'
                   + "".join(f"<li>{esc(text)}</li>" for text in lines[:-1]) + "</ul>"
                   f'<p class="catch">{esc(lines[-1])}</p>')
    return out


def _evidence_part(report: Report, unit: UnitReport, lang: Lang) -> list[str]:
    """The appendix of the items the unit delivered, after the signatures and folded (a
    reader opens it, and then it prints too), so the report's pages hold the verdict and
    what is short; links are clickable only when they are http(s)."""
    title = t("report.appendix", lang, n=len(unit.evidence) + unit.evidence_more)
    out = [f'<details class="appendix"><summary>{esc(title)}</summary>']
    if not unit.evidence:
        return [*out, f"<p>{esc(t('report.no_evidence', lang))}</p></details>"]
    ev_rows = []
    for entry in unit.evidence:
        cells = evidence_row(report, entry, lang)
        url = shown_url(entry.url)  # no password in a page that gets forwarded
        href = safe_href(url)
        link = (f'<a href="{esc(href)}" rel="noopener noreferrer nofollow">{esc(url)}</a>'
                if href else esc(url))
        ev_rows.append([esc(c) for c in cells[:5]] + [link, esc(cells[6])])
    out.append(_table([t(k, lang) for k in EVIDENCE_COLUMNS], ev_rows,
                      classes={0: "num", 5: "link"}, cls="evidence"))
    if unit.evidence_more:
        out.append(f"<p>{esc(t('report.evidence_more', lang, n=unit.evidence_more))}</p>")
    return [*out, "</details>"]


def _documents_part(report: Report, unit: UnitReport, lang: Lang, number: str) -> list[str]:
    """The Phụ lục I documents the unit's items covered, then those they did not."""
    out = [_heading(number, "report.sec.docs", lang)]
    total = len(unit.docs_covered) + len(unit.docs_uncovered)
    for key, docs, cls in (("report.docs_covered", unit.docs_covered, "covered"),
                           ("report.docs_uncovered", unit.docs_uncovered, "uncovered")):
        out.append(f"<h3>{esc(t(key, lang, n=len(docs), total=total))}</h3>")
        items = "".join(f'<li data-doc="{esc(d)}"><b>{esc(report.documents[d][0])}</b> — '
                        f"{esc(report.documents[d][1])}</li>" for d in docs)
        out.append(f'<ul class="docs {cls}">{items}</ul>' if items
                   else f"<p>{esc(t('report.none', lang))}</p>")
    return out


def _signatures(lang: Lang) -> str:
    """The signature block: the preparer's and the head's, with the seal."""
    return ('<div class="sign">'
            f"<div><b>{esc(t('sign.preparer', lang))}</b><i>{esc(t('sign.name', lang))}</i>"
            f"</div><div><b>{esc(t('sign.head', lang))}</b><i>{esc(t('sign.seal', lang))}"
            "</i></div></div>")


def _footer(report: Report, lang: Lang) -> str:
    text = generated(report, lang, fmt_date(report.as_of, lang))
    return f"<footer>{esc(text)}</footer>"


def unit_html(report: Report, unit: UnitReport, lang: Lang) -> str:
    """A standalone page: one unit's report."""
    title = f"{report_title(report, lang)} — {unit_name(unit, lang)}"
    return _page(title, unit_section(report, unit, lang), lang)


# --------------------------------------------------------------------------- overview


def _matrix_cell(line: RuleLine | None, head: RuleHead, lang: Lang) -> str:
    if line is None:
        tip = esc(t("report.not_applicable", lang))
        return f'<td class="m na" data-sort="-1" title="{tip}"></td>'
    r = line.result
    tip = f"{head.task} — {rule_title(line, lang)}: {status_label(r.status, lang)}"
    if r.shortfall:
        tip += f" ({t('col.shortfall', lang)} {r.shortfall})"
    text = symbol(r.status) + (f" {r.shortfall}" if r.shortfall else "")
    return (f'<td class="m {STATUS_CLASS.get(r.status, "na")}" data-sort="{r.shortfall}" '
            f'data-status="{esc(r.status)}" title="{esc(tip)}">{esc(text)}</td>')


def overview_section(report: Report, lang: Lang, href: Callable[[str], str]) -> str:
    """The province overview: totals per group, units by shortfall, units × rules, weeks."""
    s = report.summary
    out = ['<section class="overview" id="overview">',
           f"<h1>{esc(overview_title(report, lang))}</h1>",
           f'<p class="sub">{esc(window_line(report, lang))}</p>',
           "<p><b>" + esc(t("check.summary", lang, units=s["units"], met=s["units_met"],
                                behind=s["units_behind"], missing=s["units_missing"],
                                open=s["units_open"], shortfall=s["shortfall"])) + "</b></p>"]
    out += [f'<p class="note">{esc(text)}</p>' for text in notes(report, lang)]
    number = iter(ROMAN)
    out.append(f"<h2>{next(number)}. {esc(t('report.sec.groups', lang))}</h2>")
    rows = [[esc(report.name(report.group_names, g.group, lang)), str(g.units), str(g.met),
             str(g.behind), str(g.missing), str(g.open), str(g.failing_rules), str(g.shortfall)]
            for g in report.groups]
    out.append(_table([t(k, lang) for k in GROUP_COLUMNS], rows,
                      numeric=(1, 2, 3, 4, 5, 6, 7), cls="groups"))
    out.append(f"<h2>{next(number)}. {esc(t('report.sec.units', lang))}</h2>")
    out.append(f'<p class="note no-print">{esc(t("report.sort_hint", lang))}</p>')
    rank = {"missing": 3, "behind": 2, "open": 1, "met": 0}
    head = [t(k, lang) for k in UNIT_COLUMNS]
    num, desc = ' class="num"', ' aria-sort="descending"'
    head_html = "".join(f"<th{num if i >= 3 else ''}{desc if i == 4 else ''}>{esc(h)}</th>"
                        for i, h in enumerate(head))
    body = []
    for u in report.by_shortfall():
        body.append(
            f'<tr data-unit="{esc(u.unit)}"><td><a href="{esc(href(u.unit))}">'
            f"{esc(unit_name(u, lang))}</a></td>"
            f"<td>{esc(report.name(report.group_names, u.group, lang))}</td>"
            f'<td data-sort="{rank.get(u.status, 0)}">'
            f"{_chip(u.status, status_label(u.status, lang))}"
            f'</td><td class="num">{u.failing_rules}</td><td class="num">{u.shortfall}</td>'
            f'<td class="num">{u.shortfall_all}</td></tr>')
    out.append(f'<table class="sortable units"><thead><tr>{head_html}</tr></thead>'
               f"<tbody>{''.join(body)}</tbody></table>")
    out.append(f"<h2>{next(number)}. {esc(t('report.sec.matrix', lang))}</h2>")
    m_head = (f"<th>{esc(t('col.unit', lang))}</th>"
              f'<th class="num">{esc(t("col.short_all", lang))}</th>'
              + "".join(f'<th title="{esc(r.title_en if lang == "en" else r.title)}">'
                        f"{esc(r.label(lang))}</th>" for r in report.rules))
    m_body = []
    for u in report.by_shortfall():
        lines = {line.rule: line for line in u.rules}
        m_body.append(f'<tr data-unit="{esc(u.unit)}"><td><a href="{esc(href(u.unit))}">'
                      f"{esc(unit_name(u, lang))}</a></td>"
                      f'<td class="num">{u.shortfall_all}</td>'
                      + "".join(_matrix_cell(lines.get(r.id), r, lang) for r in report.rules)
                      + "</tr>")
    out.append(f'<table class="sortable matrix"><thead><tr>{m_head}</tr></thead>'
               f"<tbody>{''.join(m_body)}</tbody></table>")
    out.append(f"<h2>{next(number)}. {esc(t('report.sec.weekly', lang))}</h2>")
    out.append(weekly_heatmaps(report, lang))
    if report.other_problems:
        out.append(f"<h2>{next(number)}. {esc(t('report.sec.other_problems', lang))}</h2>")
        out.append(_problems_table(report.other_problems, lang))
    out.append(_footer(report, lang))
    out.append("</section>")
    return "\n".join(out)


def index_html(report: Report, lang: Lang,
               href: Callable[[str], str] = lambda unit: f"{unit}.html") -> str:
    """The overview page of a directory of reports (links to `<unit-id>.html`)."""
    return _page(overview_title(report, lang), overview_section(report, lang, href), lang)


def report_html(report: Report, lang: Lang) -> str:
    """One page: a unit's report alone, or the overview followed by every unit's report."""
    if len(report.units) == 1:
        return unit_html(report, report.units[0], lang)
    body = [overview_section(report, lang, lambda unit: f"#u-{unit}")]
    body += [unit_section(report, u, lang) for u in report.units]
    return _page(overview_title(report, lang), "\n".join(body), lang)

