"""`dxplan report --format xlsx`: one table per sheet, for people who work in Excel.

The overview and the group totals, a sheet per unit (its verdict and its quotas),
then the missed periods, the items, the Phụ lục I documents and the problems of all
the units, each one table with a unit column to filter on.

Each table has a frozen header and filters, columns sized to their content, dates
as real Excel dates (dd/mm/yyyy) and status cells filled with the report's
colour-blind-safe palette (the symbol ✔ ▲ ✘ is in the text too).  Every string goes
through `_text`: control characters stripped, and a leading = + - @ tab or CR
neutralised so a log's title can never become a formula.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial

# openpyxl ships no type information (as in dx_plan.reader.sources).
from openpyxl import Workbook  # type: ignore[import-untyped]
from openpyxl.cell import WriteOnlyCell  # type: ignore[import-untyped]
from openpyxl.styles import Font, PatternFill  # type: ignore[import-untyped]
from openpyxl.utils import get_column_letter  # type: ignore[import-untyped]
from openpyxl.worksheet.worksheet import Worksheet  # type: ignore[import-untyped]

from ..entries import Problem
from ..i18n import Lang, problem_line, t
from ..report import Report, UnitReport
from ..text import safe_text, shown_url
from .common import fmt_date, neutralise, quota
from .html import PALETTE, STATUS_CLASS, safe_href
from .missed import missed_text
from .report_md import GROUP_COLUMNS
from .report_words import (
    catch_up,
    gap_text,
    generated,
    overview_title,
    report_title,
    rule_title,
    status_label,
    status_text,
    unit_name,
    verdict,
    window_line,
)

# ARGB fills from the HTML palette (Okabe–Ito), so the workbook and the page agree.
STATUS_FILL = {status: "FF" + PALETTE[cls].lstrip("#").upper()
               for status, cls in STATUS_CLASS.items() if cls in PALETTE}
STATUS_FILL["not-applicable"] = "FFFFFFFF"
WHITE_TEXT = frozenset({"met", "missing", "missed"})
HEADER_FILL = PatternFill(fill_type="solid", fgColor="FFF0F0EC")
# Style objects are shared: openpyxl hashes a style each time it is set on a cell.
BOLD = Font(bold=True)
TITLE = Font(bold=True, size=13)
WHITE_BOLD = Font(color="FFFFFFFF", bold=True)
PLAIN_FILL = PatternFill(fill_type="solid", fgColor="FFFFFFFF")
STATUS_FILLS = {status: PatternFill(fill_type="solid", fgColor=colour)
                for status, colour in STATUS_FILL.items()}
DATE_FORMAT = "DD/MM/YYYY"
MAX_WIDTH = 60
INVALID_SHEET_CHARS = str.maketrans(dict.fromkeys("[]:*?/\\", "-"))

Value = str | int | float | dt.date | None


def _text(value: str) -> str:
    """A string cell's value: controls stripped, formulas neutralised."""
    return neutralise(safe_text(value))


@dataclass(slots=True)
class _Cell:
    """A cell waiting to be written: its value and the styles it needs."""

    value: Value
    font: Font | None = None
    fill: PatternFill | None = None
    date: bool = False
    link: str | None = None


class _Sheet:
    """Collects a sheet's rows, then writes them in one pass (openpyxl's write-only mode).

    Column widths and frozen panes must reach the file before its first row, and widths
    are known only once every row is in: rows wait here as small `_Cell` lists (a unit's
    sheet is bounded by the report's evidence limit), never as openpyxl cell objects.
    """

    def __init__(self, ws: Worksheet) -> None:
        self.ws = ws
        self.rows: list[list[_Cell]] = []
        self.widths: dict[int, int] = {}
        self.freeze: str | None = None
        self.filter: str | None = None
        self.title_row: int | None = None  # the first table's header, repeated when printed

    @property
    def row(self) -> int:
        """The number of the last row written (1-based; 0 before any)."""
        return len(self.rows)

    def put(self, values: Sequence[Value], bold: bool = False) -> int:
        """Add a row (strings made inert, dates as dates); return its number."""
        cells = []
        for col, value in enumerate(values, start=1):
            is_date = isinstance(value, dt.date)
            cells.append(_Cell(_text(value) if isinstance(value, str) else value,
                               BOLD if bold else None, date=is_date))
            length = 10 if is_date else len(str(value or ""))
            self.widths[col] = max(self.widths.get(col, 0), min(length, MAX_WIDTH))
        self.rows.append(cells)
        return self.row

    def note(self, text: str, bold: bool = False) -> None:
        """A line of text in column A that must not widen the column."""
        self.rows.append([_Cell(_text(text), TITLE if bold else None)])

    def header(self, names: Sequence[str]) -> int:
        """Add a bold, shaded header row; return its number."""
        row = self.put(names, bold=True)
        for cell in self.rows[-1]:
            cell.fill = HEADER_FILL
        return row

    def _last(self, col: int) -> _Cell:
        cells = self.rows[-1]
        while len(cells) < col:
            cells.append(_Cell(None))
        return cells[col - 1]

    def status(self, col: int, status: str) -> None:
        """Colour the last row's cell in `col` by status."""
        cell = self._last(col)
        cell.fill = STATUS_FILLS.get(status, PLAIN_FILL)
        if status in WHITE_TEXT:
            cell.font = WHITE_BOLD

    def link(self, col: int, href: str) -> None:
        """Make the last row's cell in `col` a hyperlink."""
        self._last(col).link = href

    def skip(self, n: int = 1) -> None:
        """Leave `n` empty rows."""
        self.rows.extend([] for _ in range(n))

    def table(self, header_row: int, columns: int, freeze: bool = True) -> None:
        """Freeze panes below `header_row` and put a filter on the table under it."""
        last = max(self.row, header_row)
        if freeze:
            self.freeze = f"A{header_row + 1}"
        if self.title_row is None:
            self.title_row = header_row
        self.filter = f"A{header_row}:{get_column_letter(columns)}{last}"

    def finish(self) -> None:
        """Write the sheet: column widths and panes first, then every row in order."""
        for col, width in self.widths.items():
            self.ws.column_dimensions[get_column_letter(col)].width = max(8, width + 2)
        if self.freeze:
            self.ws.freeze_panes = self.freeze
        self._print_setup()  # before the first row: write-only sheets stream their head
        for cells in self.rows:
            self.ws.append([self._written(cell) for cell in cells])
        if self.filter:
            self.ws.auto_filter.ref = self.filter
        self.rows = []

    def _print_setup(self) -> None:
        """Landscape A4, fitted to one page wide, the header row repeated on every page."""
        setup = self.ws.page_setup
        setup.orientation = "landscape"
        setup.paperSize = "9"  # A4
        setup.fitToWidth = 1
        setup.fitToHeight = 0
        self.ws.sheet_properties.pageSetUpPr.fitToPage = True
        if self.title_row is not None:
            self.ws.print_title_rows = f"{self.title_row}:{self.title_row}"

    def _written(self, cell: _Cell) -> object:
        if cell.font is None and cell.fill is None and not cell.date and cell.link is None:
            return cell.value
        out = WriteOnlyCell(self.ws, value=cell.value)
        if cell.font is not None:
            out.font = cell.font
        if cell.fill is not None:
            out.fill = cell.fill
        if cell.date:
            out.number_format = DATE_FORMAT
        if cell.link is not None:
            out.hyperlink = cell.link
        return out


def sheet_name(name: str, taken: set[str]) -> str:
    """An Excel sheet name: ≤ 31 characters, none of []:*?/\\, unique in the workbook."""
    base = name.translate(INVALID_SHEET_CHARS)[:31] or "Sheet"
    candidate, n = base, 1
    while candidate.lower() in taken:
        n += 1
        suffix = f"~{n}"
        candidate = base[:31 - len(suffix)] + suffix
    taken.add(candidate.lower())
    return candidate


def _overview(sheet: _Sheet, report: Report, lang: Lang) -> None:
    """Every unit × rule, worst units first: one table under the verdict."""
    s = report.summary
    sheet.note(overview_title(report, lang), bold=True)
    sheet.note(window_line(report, lang))
    sheet.note(t("check.summary", lang, units=s["units"], met=s["units_met"],
                 behind=s["units_behind"], missing=s["units_missing"], open=s["units_open"],
                 shortfall=s["shortfall"]))
    sheet.skip()
    names = [t(k, lang) for k in ("col.group", "col.unit", "col.task", "col.requirement",
                                   "col.quota", "col.delivered", "col.periods_met",
                                   "col.periods_due", "col.shortfall", "col.status",
                                   "col.basis", "col.missing_periods")]
    head = sheet.header(names)
    for unit in report.by_shortfall():
        for line in unit.rules:
            r = line.result
            sheet.put([report.name(report.group_names, unit.group, lang),
                       unit_name(unit, lang), r.task, rule_title(line, lang), quota(r, lang),
                       r.delivered, r.periods_met, r.periods_due, r.shortfall,
                       status_label(r.status, lang), t(f"basis.{r.basis}", lang),
                       missed_text(r, lang)])
            sheet.status(10, r.status)
    sheet.table(head, len(names))


def _groups(sheet: _Sheet, report: Report, lang: Lang) -> None:
    head = sheet.header([t(k, lang) for k in GROUP_COLUMNS])
    for g in report.groups:
        sheet.put([report.name(report.group_names, g.group, lang), g.units, g.met, g.behind,
                   g.missing, g.open, g.failing_rules, g.shortfall])
    sheet.table(head, len(GROUP_COLUMNS))


def _unit(sheet: _Sheet, report: Report, unit: UnitReport, lang: Lang) -> None:
    """A unit's sheet: its verdict and one table, a row per quota."""
    sheet.note(report_title(report, lang), bold=True)
    sheet.note(f"{t('report.unit', lang)}: {unit_name(unit, lang)}")
    sheet.note(window_line(report, lang))
    sheet.note(f"{t('report.status', lang)}: {status_label(unit.status, lang)}. "
               + " ".join(verdict(unit, report.as_of, lang)))
    sheet.status(1, unit.status)
    sheet.skip()
    names = [t(k, lang) for k in ("col.task", "col.requirement", "col.quota", "col.delivered",
                                   "col.periods_met", "col.periods_due", "col.shortfall",
                                   "col.status", "col.basis", "col.catch_up")]
    head = sheet.header(names)
    for line in unit.rules:
        r = line.result
        sheet.put([r.task, rule_title(line, lang), quota(r, lang), r.delivered,
                   r.periods_met, r.periods_due, r.shortfall, status_text(r, lang),
                   t(f"basis.{r.basis}", lang), catch_up(line, lang) if r.failing else ""])
        sheet.status(8, r.status)
    sheet.table(head, len(names))


def _gaps(sheet: _Sheet, units: Sequence[UnitReport], lang: Lang) -> None:
    """Every missed period of every unit: one row each, with its dates."""
    names = [t(k, lang) for k in ("col.unit", "col.task", "col.missing_periods", "col.from",
                                   "col.to", "col.delivered", "col.required", "col.status")]
    head = sheet.header(names)
    for unit in units:
        for line in unit.failing:
            for gap in line.gaps:
                sheet.put([unit_name(unit, lang), line.result.task, gap_text(line, gap, lang),
                           gap.start, gap.end, gap.delivered, gap.required,
                           t(f"cell.{gap.status}", lang)])
                sheet.status(8, gap.status)
    sheet.table(head, len(names))


def _evidence(sheet: _Sheet, report: Report, units: Sequence[UnitReport], lang: Lang) -> None:
    """The items each unit delivered (its communes' too), with their links."""
    names = [t(k, lang) for k in ("col.report_unit", "col.date", "col.end", "col.unit",
                                   "col.channel", "col.kind", "col.title", "col.link",
                                   "col.docs", "col.quantity", "col.file", "col.line")]
    head = sheet.header(names)
    for unit in units:
        for e in unit.evidence:
            sheet.put([unit_name(unit, lang), e.date, e.end,
                       report.name(report.unit_names, e.unit, lang),
                       report.name(report.channel_names, e.channel, lang),
                       report.name(report.kind_names, e.kind, lang), e.title, shown_url(e.url),
                       ", ".join(report.documents.get(d, (d, ""))[0] for d in e.docs),
                       e.quantity, e.file, e.line])
            href = safe_href(shown_url(e.url))
            if href:
                sheet.link(8, href)
        if unit.evidence_more:
            sheet.put([unit_name(unit, lang), None, None, None, None, None,
                       t("report.evidence_more", lang, n=unit.evidence_more)])
    sheet.table(head, len(names))


def _docs(sheet: _Sheet, report: Report, units: Sequence[UnitReport], lang: Lang) -> None:
    """Which Phụ lục I documents each unit's items publicised."""
    names = [t(k, lang) for k in ("col.unit", "col.document", "col.title", "col.covered")]
    head = sheet.header(names)
    for unit in units:
        covered = set(unit.docs_covered)
        for doc in (*unit.docs_covered, *unit.docs_uncovered):
            number, title = report.documents[doc]
            sheet.put([unit_name(unit, lang), number, title,
                       t("yes" if doc in covered else "no", lang)])
            sheet.status(4, "met" if doc in covered else "open")
    sheet.table(head, len(names))


def _problems(sheet: _Sheet, rows: Sequence[tuple[str, Problem]], lang: Lang) -> None:
    """The problems in the logs, each with the unit whose rows raised it."""
    names = [t(k, lang) for k in ("col.unit", "col.file", "col.line", "col.severity",
                                   "col.code", "col.message")]
    head = sheet.header(names)
    for who, p in rows:
        sheet.put([who, p.file, p.line, t(f"severity.{p.severity}", lang), p.code,
                   problem_line(p.message, p.hint, lang)])
    sheet.table(head, len(names))


def _problem_rows(report: Report, units: Sequence[UnitReport], overview: bool, lang: Lang
                  ) -> list[tuple[str, Problem]]:
    rows = [(unit_name(u, lang), p) for u in units for p in u.problems]
    if overview:
        rows += [("", p) for p in report.other_problems]
    return rows


def report_xlsx(report: Report, lang: Lang, units: Sequence[UnitReport] | None = None,
                overview: bool = True) -> bytes:
    """The workbook, one table per sheet: the overview and the groups (unless `overview`
    is False), a sheet per unit, then the missed periods, the items, the Phụ lục I
    documents and the problems of every unit, each a table with a unit column.

    Written in openpyxl's write-only mode: cells stream to the file sheet by sheet.
    """
    wb = Workbook(write_only=True)
    _properties(wb, report, lang)
    chosen = list(report.units if units is None else units)
    book = _Book(wb, lang)
    if overview:
        book.sheet("sheet.overview", lambda sh: _overview(sh, report, lang))
        book.sheet("sheet.groups", lambda sh: _groups(sh, report, lang))
    for unit in chosen:
        # Tabs named as people know the units (Excel's 31 characters; ids stay in JSON).
        book.sheet(unit_name(unit, lang), partial(_unit, report=report, unit=unit, lang=lang),
                   key=False)
    book.sheet("sheet.gaps", lambda sh: _gaps(sh, chosen, lang))
    book.sheet("sheet.evidence", lambda sh: _evidence(sh, report, chosen, lang))
    book.sheet("sheet.docs", lambda sh: _docs(sh, report, chosen, lang))
    problems = _problem_rows(report, chosen, overview, lang)
    if problems:
        book.sheet("sheet.problems", lambda sh: _problems(sh, problems, lang))
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def _properties(wb: Workbook, report: Report, lang: Lang) -> None:
    """The workbook's document properties say what produced it (File › Info in Excel)."""
    props = wb.properties
    props.creator = "dxplan"
    props.title = overview_title(report, lang)
    props.description = generated(report, lang, fmt_date(report.as_of, lang))
    if report.provenance is not None:
        props.identifier = f"{report.plan_id} sha256:{report.provenance.source.sha256}"
        props.version = report.provenance.version


class _Book:
    """Sheets added one after another, each written in full before the next starts."""

    def __init__(self, wb: Workbook, lang: Lang) -> None:
        self.wb, self.lang = wb, lang
        self.taken: set[str] = set()

    def sheet(self, name: str, fill: Callable[[_Sheet], None], key: bool = True) -> None:
        title = sheet_name(t(name, self.lang) if key else name, self.taken)
        sheet = _Sheet(self.wb.create_sheet(title))
        fill(sheet)
        sheet.finish()
