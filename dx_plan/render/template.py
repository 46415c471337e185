"""`dxplan template`: the log template units fill in, as a workbook or a CSV header row.

Units' staff used to start from nothing and invent headers and spellings.  The
template's headers are names the reader knows (`reader.columns.SYNONYMS`), and its
drop-down lists hold only spellings the reader resolves to exactly one object of the
plan: a unit's name, or where several units share it ("Xã Tân Hòa") the first alias
that is its own ("Xã Tân Hòa, huyện Bến Lức"); a channel's or kind's name; a Phụ lục I
document's number; a task id.  So a row filled from the lists validates without a
warning.  The lists live on a hidden sheet (a list longer than 255 characters cannot be
written inline in Excel) and the validations refer to their ranges.

The log sheet comes first: the reader reads the first sheet of a workbook.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Sequence
from typing import Any

# openpyxl ships no type information (as in dx_plan.render.xlsx).
from openpyxl import Workbook  # type: ignore[import-untyped]
from openpyxl.styles import Alignment, Font, PatternFill  # type: ignore[import-untyped]
from openpyxl.utils import get_column_letter, quote_sheetname  # type: ignore[import-untyped]
from openpyxl.worksheet.datavalidation import DataValidation  # type: ignore[import-untyped]
from openpyxl.worksheet.worksheet import Worksheet  # type: ignore[import-untyped]

from ..catalog import Catalog, Resolver
from ..i18n import Lang, Span, msg, say, t
from ..models import Channel, Document, Kind, Rule, Unit
from ..reader.columns import REQUIRED
from ..reader.evidence import PLATFORM_CHANNELS
from ..reader.resolve import MAX_QUANTITY, CellResolvers
from ..text import safe_text
from .common import to_csv

# The log's columns, in the order of the sheet.
LOG_COLUMNS = ("date", "end_date", "unit", "channel", "kind", "title", "url", "docs", "task",
               "quantity", "notes")
# Columns with a drop-down list, in the order of the lists sheet, and their list's name.
LIST_COLUMNS = {"unit": "units", "channel": "channels", "kind": "kinds", "task": "tasks",
                "docs": "docs"}
DATE_COLUMNS = ("date", "end_date")
LAST_ROW = 5001  # validations and formats cover rows 2..LAST_ROW of the log
DATE_FORMAT = "DD/MM/YYYY"
TEXT_FORMAT = "@"  # typed as text: "1.1" stays a task id, "- Bản tin" never a formula
WIDTHS = {"date": 13, "end_date": 13, "title": 50, "url": 40, "quantity": 11, "notes": 30}
MAX_WIDTH = 50
GUIDE_WIDTHS = (24, 12, 70, 42)
BOLD = Font(bold=True)
TITLE = Font(bold=True, size=13)
HEADER_FILL = PatternFill(fill_type="solid", fgColor="FFF0F0EC")
WRAP = Alignment(wrap_text=True, vertical="top")

Lists = dict[str, tuple[str, ...]]


def template_csv(lang: Lang) -> str:
    """The template as CSV: the header row only (every other row is data), with a BOM."""
    return to_csv([t(f"template.header.{c}", lang) for c in LOG_COLUMNS], [])


def template_xlsx(catalog: Catalog, unit_id: str | None, lang: Lang) -> bytes:
    """The template workbook for `unit_id` (None: every unit): log, instructions, lists."""
    lists = template_lists(catalog, unit_id)
    book = Workbook()
    book.properties.creator = "dxplan"
    log = book.active
    log.title = t("template.sheet.log", lang)
    guide = book.create_sheet(t("template.sheet.guide", lang))
    names = book.create_sheet(t("template.sheet.lists", lang))
    names.sheet_state = "hidden"
    formulas = _write_lists(names, lists, lang)
    _write_log(log, catalog, lists, formulas, lang)
    _write_guide(guide, catalog, unit_id, lists, lang)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


# ------------------------------------------------------------------ the lists


def template_lists(catalog: Catalog, unit_id: str | None) -> Lists:
    """The values of each drop-down, by log column: spellings the reader resolves."""
    return {
        "unit": tuple(unit_spelling(catalog, u) for u in template_units(catalog, unit_id)),
        "channel": tuple(_spelling(catalog.channels, c) for c in catalog.plan.channels),
        "kind": tuple(_spelling(catalog.kinds, k) for k in catalog.plan.kinds),
        "task": tuple(template_tasks(catalog, unit_id)),
        "docs": tuple(dict.fromkeys(name for name, _ in document_spellings(catalog))),
    }


def document_spellings(catalog: Catalog) -> list[tuple[str, Document]]:
    """Each Phụ lục I document as the list gives it: its number when the reader's document
    column resolves that to this document alone, else its id."""
    cells = CellResolvers(catalog)
    return [(d.number if cells.documents(d.number) == ((d.id,), ()) else d.id, d)
            for d in catalog.plan.documents]


def template_units(catalog: Catalog, unit_id: str | None) -> list[Unit]:
    """The unit and the communes under it; every unit of the plan for the blank template."""
    if unit_id is None:
        return list(catalog.plan.units)
    by_id = catalog.units.by_id
    return [by_id[unit_id], *(by_id[c] for c in catalog.children.get(unit_id, []))]


def unit_spelling(catalog: Catalog, unit: Unit) -> str:
    """The unit's name, or when other units share it its first alias that is its own
    ("Xã Tân Hòa, huyện Bến Lức"); its id when no name is its alone."""
    for name in (unit.name, *unit.aliases):
        found = catalog.units.lookup(name).item
        if found is not None and found.id == unit.id:
            return name
    return unit.id


def _spelling(resolver: Resolver[Channel] | Resolver[Kind], item: Channel | Kind) -> str:
    """A channel's or kind's name when it names it alone, else its id."""
    found = resolver.lookup(item.name).item
    return item.name if found is not None and found.id == item.id else item.id


def template_tasks(catalog: Catalog, unit_id: str | None) -> list[str]:
    """Task ids (Phụ lục II STT, plan sections) with rules, in plan order: for a unit, those
    of the rules that count its items or its communes' (all of them if none does)."""
    rules = catalog.plan.rules
    wanted = [r.task for r in rules if unit_id is None or _counts_for(catalog, r, unit_id)]
    if not wanted:
        wanted = [r.task for r in rules]
    order = [x.id for x in catalog.plan.tasks] + [s.id for s in catalog.plan.sections]
    known = [x for x in order if x in wanted]
    cells = CellResolvers(catalog)
    return [x for x in known if cells.task(x) == (x, None)]


def _counts_for(catalog: Catalog, rule: Rule, unit_id: str) -> bool:
    """Whether items of the unit (or of its communes) can count toward `rule`."""
    units = set(catalog.rule_units(rule))
    scope = {unit_id, *catalog.children.get(unit_id, [])}
    parent = catalog.units.by_id[unit_id].parent
    return bool(units & scope) or (rule.include_children and parent is not None
                                   and parent in units)


# ------------------------------------------------------------------ the sheets


def _write_lists(sheet: Worksheet, lists: Lists, lang: Lang) -> dict[str, str]:
    """One list per column of the hidden sheet; the range formula of each non-empty list."""
    formulas: dict[str, str] = {}
    for number, (column, name) in enumerate(LIST_COLUMNS.items(), start=1):
        letter = get_column_letter(number)
        values = lists[column]
        _put(sheet, 1, number, t(f"template.list.{name}", lang), BOLD)
        for row, value in enumerate(values, start=2):
            _put(sheet, row, number, value)
        sheet.column_dimensions[letter].width = _width(values, 20)
        if values:
            formulas[column] = (f"{quote_sheetname(sheet.title)}!${letter}$2:"
                                f"${letter}${len(values) + 1}")
    return formulas


def _write_log(sheet: Worksheet, catalog: Catalog, lists: Lists, formulas: dict[str, str],
               lang: Lang) -> None:
    """The header row (bold, frozen), column widths and formats, and the validations."""
    for number, column in enumerate(LOG_COLUMNS, start=1):
        header = t(f"template.header.{column}", lang)
        cell = _put(sheet, 1, number, header, BOLD)
        cell.fill = HEADER_FILL
        dimension = sheet.column_dimensions[get_column_letter(number)]
        dimension.width = WIDTHS.get(column) or _width((header, *lists.get(column, ())), 14)
        if column in DATE_COLUMNS:
            dimension.number_format = DATE_FORMAT
        elif column != "quantity":
            dimension.number_format = TEXT_FORMAT
    sheet.freeze_panes = "A2"
    for column, validation in _validations(catalog, formulas, lang).items():
        letter = get_column_letter(LOG_COLUMNS.index(column) + 1)
        validation.add(f"{letter}2:{letter}{LAST_ROW}")
        sheet.add_data_validation(validation)


def _validations(catalog: Catalog, formulas: dict[str, str], lang: Lang
                 ) -> dict[str, DataValidation]:
    """Excel's checks by column: drop-downs, dates in the plan period, a whole quantity.

    A date outside the period only warns (a campaign may start before it); several
    documents may be typed into one cell, so the document list only warns too.
    """
    found: dict[str, DataValidation] = {}
    for column, formula in formulas.items():
        key = "template.dv.docs_error" if column == "docs" else "template.dv.list_error"
        found[column] = _check(DataValidation(type="list", formula1=formula),
                               t("template.dv.list_title", lang), t(key, lang),
                               "warning" if column == "docs" else "stop")
    meta = catalog.plan.plan
    start, end = _excel_date(meta.period_start), _excel_date(meta.period_end)
    title, error = t("template.dv.date_title", lang), t("template.dv.date_error", lang)
    found["date"] = _check(DataValidation(type="date", operator="between", formula1=start,
                                          formula2=end), title, error, "warning")
    found["end_date"] = _check(DataValidation(type="date", operator="greaterThanOrEqual",
                                              formula1=start), title, error, "warning")
    found["quantity"] = _check(
        DataValidation(type="whole", operator="between", formula1="1",
                       formula2=str(MAX_QUANTITY)),
        t("template.dv.quantity_title", lang),
        t("template.dv.quantity_error", lang, most=MAX_QUANTITY), "stop")
    return found


def _check(validation: DataValidation, title: str, error: str, style: str) -> DataValidation:
    """A validation that allows blanks and says `error` when it refuses (or warns)."""
    validation.allow_blank = True
    validation.showErrorMessage = True
    validation.errorStyle = style
    validation.errorTitle = title[:32]  # Excel's limits
    validation.error = error[:255]
    return validation


def _excel_date(day: dt.date) -> str:
    return f"DATE({day.year},{day.month},{day.day})"


def _width(values: Sequence[str], least: int) -> int:
    return min(MAX_WIDTH, max([least - 2, *map(len, values)]) + 2)


def _put(sheet: Worksheet, row: int, column: int, value: str, font: Font | None = None,
         wrap: bool = False) -> Any:
    """Write a text cell: never a formula (an "=" first stays text), controls stripped."""
    cell = sheet.cell(row=row, column=column)
    cell.value = safe_text(value)
    if isinstance(cell.value, str) and cell.value.startswith("="):
        cell.data_type = "s"
    if font is not None:
        cell.font = font
    if wrap:
        cell.alignment = WRAP
    return cell


# ------------------------------------------------------------------ the instructions


class _Lines:
    """Rows of the instructions sheet, written one after the other."""

    def __init__(self, sheet: Worksheet) -> None:
        self.sheet = sheet
        self.row = 1

    def add(self, *values: str, font: Font | None = None, fill: bool = False) -> None:
        """One row: `values` from column A; long text wraps."""
        for number, value in enumerate(values, start=1):
            if value:
                cell = _put(self.sheet, self.row, number, value, font, wrap=number > 2)
                if fill:
                    cell.fill = HEADER_FILL
        self.row += 1

    def gap(self) -> None:
        self.row += 1


def _write_guide(sheet: Worksheet, catalog: Catalog, unit_id: str | None, lists: Lists,
                 lang: Lang) -> None:
    """Instructions: what the file is, each column, how to write dates, tasks, documents."""
    for number, width in enumerate(GUIDE_WIDTHS, start=1):
        sheet.column_dimensions[get_column_letter(number)].width = width
    lines = _Lines(sheet)
    _guide_intro(lines, catalog, unit_id, lang)
    lines.gap()
    _guide_columns(lines, catalog, unit_id, lists, lang)
    lines.gap()
    _guide_dates(lines, catalog, lang)
    lines.gap()
    _guide_tasks(lines, catalog, lists, lang)
    lines.gap()
    _guide_docs(lines, catalog, lists, lang)


def _guide_intro(lines: _Lines, catalog: Catalog, unit_id: str | None, lang: Lang) -> None:
    meta = catalog.plan.plan
    lines.add(t("template.guide.title", lang), font=TITLE)
    lines.add(t("template.guide.plan", lang,
                plan=meta.title_en if lang == "en" and meta.title_en else meta.title))
    if unit_id is None:
        lines.add(t("template.guide.for_all", lang))
    else:
        unit = catalog.units.by_id[unit_id]
        lines.add(t("template.guide.for_unit", lang, unit=unit.name, id=unit.id))
    lines.add(t("template.guide.rows", lang, sheet=t("template.sheet.log", lang)))
    lines.add(t("template.guide.lists", lang))
    command = (f"dxplan validate {t('template.guide.file', lang)} --unit "
               f"{unit_id or t('template.guide.unit_id', lang)}")
    lines.add(t("template.guide.check", lang, command=command))


def _guide_columns(lines: _Lines, catalog: Catalog, unit_id: str | None, lists: Lists,
                   lang: Lang) -> None:
    """A row per column: its header, required or not, what to write, an example row."""
    example = example_row(catalog, unit_id, lists, lang)
    lines.add(t("template.guide.columns", lang), font=BOLD)
    lines.add(t("template.guide.column", lang), t("template.guide.required", lang),
              t("template.guide.what", lang), t("template.guide.example", lang),
              font=BOLD, fill=True)
    for column in LOG_COLUMNS:
        required = t("template.yes" if column in REQUIRED else "template.no", lang)
        lines.add(t(f"template.header.{column}", lang), required,
                  t(f"template.what.{column}", lang),
                  example[column] or t("template.blank", lang))


def _guide_dates(lines: _Lines, catalog: Catalog, lang: Lang) -> None:
    meta = catalog.plan.plan
    lines.add(t("template.guide.dates", lang), font=BOLD)
    for key in ("day_first", "forms", "month_only"):
        lines.add("", "", t(f"template.dates.{key}", lang))
    span = Span(meta.period_start, meta.period_end)
    lines.add("", "", say(msg("template.dates.period", span=span), lang))


def _guide_tasks(lines: _Lines, catalog: Catalog, lists: Lists, lang: Lang) -> None:
    """The tasks of the drop-down with their text (Phụ lục II) or title (plan section)."""
    lines.add(t("template.guide.tasks", lang), font=BOLD)
    lines.add(t("template.guide.task_id", lang), "", t("template.guide.task_text", lang),
              font=BOLD, fill=True)
    for task in lists["task"]:
        row = catalog.tasks.get(task)
        if row is not None:
            lines.add(task, "", row.text)
        else:  # a plan section: its heading, then the sentence the rules cite
            section = catalog.sections[task]
            lines.add(task, "", f"{section.title}\n{section.text}")


def _guide_docs(lines: _Lines, catalog: Catalog, lists: Lists, lang: Lang) -> None:
    """The documents of the drop-down, each with its full text as Phụ lục I gives it."""
    lines.add(t("template.guide.docs", lang), font=BOLD)
    lines.add(t("template.guide.doc_number", lang), "", t("template.guide.doc_text", lang),
              font=BOLD, fill=True)
    shown = set(lists["docs"])
    for name, doc in document_spellings(catalog):
        if name in shown:
            shown.discard(name)  # each spelling once, as in the list
            lines.add(name, "", doc.text)


# ------------------------------------------------------------------ the example


def example_row(catalog: Catalog, unit_id: str | None, lists: Lists, lang: Lang = "vi"
                ) -> dict[str, str]:
    """One row filled in as the template means it, by log column ('' for blank cells).

    It follows a rule that counts the unit's items (one with kinds on an online channel
    when there is one), so it shows a channel, kind and task that go together.
    """
    rule, unit = _example_rule(catalog, unit_id)
    channel = catalog.channels.by_id[rule.channels[0]] if rule else catalog.plan.channels[0]
    row = dict.fromkeys(LOG_COLUMNS, "")
    row.update(date=catalog.plan.plan.period_start.strftime("%d/%m/%Y"),
               unit=unit_spelling(catalog, unit), channel=_spelling(catalog.channels, channel),
               title=t("template.example.title", lang), quantity="1")
    if rule is not None and rule.kinds:
        row["kind"] = _spelling(catalog.kinds, catalog.kinds.by_id[rule.kinds[0]])
    if rule is not None and rule.task in lists["task"]:
        row["task"] = rule.task
    if lists["docs"]:
        row["docs"] = lists["docs"][0]
    row["url"] = _example_url(catalog, unit, channel)
    return row


def _example_rule(catalog: Catalog, unit_id: str | None) -> tuple[Rule | None, Unit]:
    """(rule, unit) of the example: a rule counting the unit's items, preferably with kinds
    on an online channel; for a commune one crediting its district; else (None, unit)."""
    by_id = catalog.units.by_id
    unit = by_id[unit_id] if unit_id is not None else catalog.plan.units[0]
    pairs = [(r, u) for r in catalog.plan.rules for u in catalog.rule_units(r)
             if unit_id is None or u == unit_id]
    if not pairs and unit.parent:
        pairs = [(r, unit.id) for r in catalog.plan.rules
                 if r.include_children and unit.parent in catalog.rule_units(r)]
    if not pairs:
        return None, unit
    good = [(r, u) for r, u in pairs
            if r.kinds and catalog.channels.by_id[r.channels[0]].online]
    rule, chosen = (good or pairs)[0]
    return rule, by_id[chosen]


def _example_url(catalog: Catalog, unit: Unit, channel: Channel) -> str:
    """An address on the unit's (or its district's) site for an online channel, else ''."""
    if not channel.online or channel.id in PLATFORM_CHANNELS:
        return ""
    domains = list(unit.domains)
    if not domains and unit.parent:
        domains = list(catalog.units.by_id[unit.parent].domains)
    return f"https://{domains[0]}/chuyen-doi-so" if domains else ""
