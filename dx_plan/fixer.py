"""`dxplan fix`: a log rewritten into canonical form, with every change it made.

The one reader reads the log as `validate` does (every check on, every problem kept),
and `LogReader.on_row` shows the fixer each data row's cells as read.  So the fixer never
parses a file itself, and judges every row exactly as `validate` will judge the new file:

* a row with an error problem cannot be fixed: it is kept as it was (its cells under the
  canonical headers), and listed with its problems;
* every other row is rewritten cell by cell with the reader's own resolvers (plan ids,
  ISO dates, digits, text in NFC without outer spaces); a cell they cannot read (an
  unknown kind or document: a warning) is kept as written, so nothing is lost and the
  warning stays;
* a duplicate is kept and marked in its notes ("dxplan: duplicate of line 2"): a fix
  never loses a row; a total or signature line keeps its text, in the notes.

Rows stay in order under a one-line header, so a table without title rows keeps its line
numbers; `render` says where each row landed when they differ.  Errors that leave a row
without cells (a broken quote, a YAML entry that is no mapping) or the file without a
table stop the fix: nothing is written (`FixResult.blocking`).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NamedTuple

from .catalog import Catalog
from .entries import Problem
from .errors import OutputError
from .i18n import CATALOGUE, Lang, msg, t
from .reader import LogReader, ProblemLog, ReadLimits, ReadOptions
from .reader.columns import Layout
from .reader.problems import Fail
from .reader.resolve import CellResolvers
from .text import nfc

# The columns of a canonical log, in order; unknown columns follow, as they were.
CANONICAL = ("date", "end_date", "unit", "channel", "kind", "title", "url", "docs", "task",
             "quantity", "notes")
NOTES = CANONICAL.index("notes")
BOM = "\ufeff"  # Excel on Windows reads a CSV as UTF-8 only when it starts with one
# What the reader counts as one line break: in CSV (Python's universal newlines), in YAML.
_BREAK = re.compile(r"\r\n|\r|\n")
_YAML_BREAK = re.compile(r"\r\n|[\r\n\x85\u2028\u2029]")
# Problems that leave a row the fixer cannot copy whole (its cells past the column limit).
_UNCOPIABLE = frozenset({"too-many-columns"})

ExtraKey = tuple[str, int]  # an unknown column: its header, and which one of that name


@dataclass(frozen=True)
class FixOptions:
    """How to read the log: as `validate` would, with this sheet, submitter and date."""

    sheet: str | None = None
    owner: str | None = None  # the submitting unit: rows of other units are errors
    as_of: dt.date | None = None  # rows dated after it are warned of (validate: today)


class Change(NamedTuple):
    """One cell rewritten: its column (canonical, or an unknown column's header)."""

    column: str
    old: str
    new: str


@dataclass(frozen=True)
class FixedRow:
    """A data row of the new file, what was changed in it and what the reader still says."""

    line: int  # in the source
    cells: tuple[str, ...]  # canonical columns, then the unknown ones
    changes: tuple[Change, ...] = ()
    problems: tuple[Problem, ...] = ()  # every problem of the row (errors: not fixable)
    duplicate_of: int | None = None  # source line of the first occurrence, to mark
    footer: bool = False  # a total or signature line, its text moved to the notes

    @property
    def unfixable(self) -> bool:
        """Whether the row has an error, and so is kept as it was."""
        return any(p.severity == "error" for p in self.problems)

    @property
    def blank(self) -> bool:
        """Whether every cell is empty (a blank row kept inside the table)."""
        return not any(self.cells)

    @property
    def fixed(self) -> bool:
        """Whether the row was rewritten (not merely copied)."""
        return not self.unfixable and bool(self.changes or self.duplicate_of or self.footer)


@dataclass(frozen=True)
class FixResult:
    """The canonical log of one file, before it is written in a format."""

    file: str
    header: tuple[str, ...]
    rows: tuple[FixedRow, ...]
    header_line: int | None  # the source's header line (None: YAML has none)
    loose: tuple[Problem, ...] = ()  # warnings not on a data row (header, whole file)
    blocking: tuple[Problem, ...] = ()  # errors that stop the fix: nothing may be written
    blank: int = 0  # blank rows left out after the last row

    @property
    def unfixable(self) -> list[FixedRow]:
        """The rows kept as they were because of an error."""
        return [row for row in self.rows if row.unfixable]


class Tapped(NamedTuple):
    """A data row as the reader saw it: its header layout, line and cells."""

    layout: Layout
    line: int
    cells: list[str]


def fix_log(catalog: Catalog, path: Path, options: FixOptions) -> FixResult:
    """Read `path` with every check on and rewrite each row it can (see the module)."""
    tapped, problems = read_rows(catalog, path, options)
    lines = {row.line for row in tapped}
    by_line: dict[int, list[Problem]] = {}
    loose: list[Problem] = []
    blocking: list[Problem] = []
    for problem in problems:
        if problem.line in lines and problem.code not in _UNCOPIABLE:
            by_line.setdefault(problem.line, []).append(problem)
        elif problem.severity == "error":
            blocking.append(problem)
        else:
            loose.append(problem)
    # Blank rows inside the table stay (as blank rows: line numbers stay too); those
    # after the last row (Excel's formatted empty rows) are left out.
    last = max((i for i, row in enumerate(tapped) if any(c.strip() for c in row.cells)),
               default=-1)
    kept = tapped[: last + 1]
    extras = extra_columns(kept)
    resolvers = CellResolvers(catalog)
    rows = tuple(fix_row(resolvers, row, extras, tuple(by_line.get(row.line, ())))
                 for row in kept)
    header = (*CANONICAL, *(name for name, _ in extras))
    header_line = tapped[0].layout.line if tapped and not _is_yaml(path) else None
    return FixResult(str(path), header, rows, header_line, tuple(loose), tuple(blocking),
                     len(tapped) - len(kept))


def read_rows(catalog: Catalog, path: Path, options: FixOptions
              ) -> tuple[list[Tapped], list[Problem]]:
    """Every data row's cells, and every problem the reader finds (none dropped)."""
    everything = sys.maxsize
    read = ReadOptions(sheet=options.sheet, limits=ReadLimits(problems=everything),
                       future_after=options.as_of, check_evidence=True,
                       owner=(lambda _path: options.owner) if options.owner else None)
    log = ProblemLog(keep=everything)
    reader = LogReader(catalog, read, log)
    rows: list[Tapped] = []

    def keep(_file: str, layout: Layout, line: int, cells: list[str]) -> None:
        """Keep one row's cells as read."""
        rows.append(Tapped(layout, line, cells))

    reader.on_row = keep
    reader.count([path])
    return rows, log.problems


def worksheets(path: Path) -> int:
    """How many worksheets a workbook holds, from its zip listing (0 when it is not one:
    the reader says what is wrong with it)."""
    import zipfile

    try:
        with zipfile.ZipFile(path) as book:
            return sum(1 for n in book.namelist()
                       if n.startswith("xl/worksheets/") and n.endswith(".xml"))
    except (OSError, zipfile.BadZipFile):
        return 0


def _is_yaml(path: Path) -> bool:
    return path.suffix.lower() in (".yaml", ".yml")


# ------------------------------------------------------------ columns


def placed(layout: Layout, cells: list[str]) -> tuple[dict[str, str], dict[ExtraKey, str]]:
    """A row's cells by canonical column, and by unknown column (cells past the header's
    width are columns "column N", as the reader names them)."""
    known = {c: (cells[p] if (p := layout.index.get(c)) is not None and p < len(cells) else "")
             for c in CANONICAL}
    extra: dict[ExtraKey, str] = {}
    seen: dict[str, int] = {}
    for pos, name in layout.extra:
        seen[name] = seen.get(name, 0) + 1
        extra[(name, seen[name])] = cells[pos] if pos < len(cells) else ""
    for pos in range(layout.width, len(cells)):
        if cells[pos].strip():
            extra[(f"column {pos + 1}", 1)] = cells[pos]
    return known, extra


def extra_columns(rows: list[Tapped]) -> list[ExtraKey]:
    """The unknown columns of the new file, in the order first met: a table's own, then
    any cells rows hold past its header."""
    keys: dict[ExtraKey, None] = {}
    layouts: set[int] = set()
    for row in rows:
        if id(row.layout) not in layouts:  # a table shares one layout among its rows
            layouts.add(id(row.layout))
            keys.update(dict.fromkeys(placed(row.layout, [])[1]))
        keys.update(dict.fromkeys(placed(row.layout, row.cells)[1]))
    return list(keys)


# ------------------------------------------------------------ rows


def fix_row(resolvers: CellResolvers, row: Tapped, extras: list[ExtraKey],
            problems: tuple[Problem, ...]) -> FixedRow:
    """One row of the new file: kept as it was when it has an error, else rewritten."""
    known, extra = placed(row.layout, row.cells)
    old = [known[c] for c in CANONICAL] + [extra.get(key, "") for key in extras]
    if any(p.severity == "error" for p in problems):
        return FixedRow(row.line, tuple(old), problems=problems)
    if any(p.code == "footer-row" for p in problems):
        # Its text, in the notes: the reader still knows it for a total or a signature
        # (first text, no date, unit or channel), whatever columns the new file has.
        cells = ["" for _ in old]
        cells[NOTES] = nfc(" ".join(c.strip() for c in row.cells if c.strip()))
        return FixedRow(row.line, tuple(cells), problems=problems, footer=cells != old)
    new = [canonical(resolvers, column, known[column]) for column in CANONICAL]
    new += [nfc(value.strip()) for value in old[len(CANONICAL):]]
    names = [*CANONICAL, *(name for name, _ in extras)]
    changes = tuple(Change(name, a, b) for name, a, b in zip(names, old, new, strict=True)
                    if a != b)
    first = next((p for p in problems if p.code == "duplicate"), None)
    duplicate = _first_line(first) if first is not None and not marked(new[NOTES]) else None
    return FixedRow(row.line, tuple(new), changes, problems, duplicate)


def canonical(resolvers: CellResolvers, column: str, raw: str) -> str:
    """A cell in canonical form; a value the resolvers cannot read is kept as written."""
    if not raw.strip():
        return ""
    if column in ("title", "notes"):
        return nfc(raw.strip())
    if column == "url":
        return raw.strip()
    if column in ("date", "end_date"):
        day = resolvers.date(raw)
        return raw if isinstance(day, Fail) else day.isoformat()
    if column == "quantity":
        number = resolvers.quantity(raw)
        return raw if isinstance(number, Fail) else str(number)
    if column == "docs":
        ids, fails = resolvers.documents(raw)
        return ";".join(ids) if ids and not fails else nfc(raw.strip())
    if column == "task":
        task, _ = resolvers.task(raw)
        return task or nfc(raw.strip())
    resolve: dict[str, Callable[[str], str | Fail]] = {
        "unit": resolvers.unit, "channel": resolvers.channel, "kind": resolvers.kind}
    found = resolve[column](raw)
    return raw if isinstance(found, Fail) else found


def _first_line(problem: Problem) -> int | None:
    """The line of the first occurrence a `duplicate` problem names."""
    line = dict(problem.message.params).get("line")
    return line if isinstance(line, int) else None


def _marker_pattern() -> re.Pattern[str]:
    """The duplicate marker of either language, with any line number."""
    templates = CATALOGUE["fix.note.duplicate"]
    return re.compile("|".join(re.escape(x).replace(re.escape("{line}"), r"\d+")
                               for x in templates))


_MARKER = _marker_pattern()


def marked(notes: str) -> bool:
    """Whether a row's notes already begin with a duplicate marker (a fixed file again)."""
    return _MARKER.match(notes) is not None


# ------------------------------------------------------------ writing


class Rendered(NamedTuple):
    """The new file's content, and the line (or Excel row) each row landed on."""

    data: str | bytes
    lines: tuple[int, ...]  # by row of `FixResult.rows`


def render(result: FixResult, fmt: str, lang: Lang) -> Rendered:
    """The canonical log as CSV (UTF-8 with a BOM), XLSX or YAML.

    Duplicate markers name the first occurrence's line in the new file, so the rows are
    laid out first to learn their lines (a marker never adds one); only the rows that
    carry a marker are laid out again.
    """
    draft = [final_cells(row, {}, lang) for row in result.rows]
    if fmt == "xlsx":
        lines = list(range(2, len(draft) + 2))  # one row each, under the header
    else:
        records = [_RECORDS[fmt](result.header, cells) for cells in draft]
        lines = _lines(fmt, result.header, records)
    where = {row.line: new for row, new in zip(result.rows, lines, strict=True)}
    marked_rows = [i for i, row in enumerate(result.rows) if row.duplicate_of is not None]
    if fmt == "xlsx":
        for i in marked_rows:
            draft[i] = final_cells(result.rows[i], where, lang)
        return Rendered(_xlsx(result.header, draft, lines, lang), tuple(lines))
    for i in marked_rows:
        records[i] = _RECORDS[fmt](result.header, final_cells(result.rows[i], where, lang))
    if fmt == "csv":
        data = BOM + _csv_record(result.header) + "".join(records)
    else:
        data = "".join(records) or "[]\n"  # a YAML list of entries, one mapping a row
    return Rendered(data, tuple(lines))


def final_cells(row: FixedRow, where: dict[int, int], lang: Lang) -> list[str]:
    """A row's cells as written, a duplicate's notes beginning with its marker (naming
    the first occurrence's line in `where`, else in the source)."""
    cells = list(row.cells)
    if row.duplicate_of is not None:
        mark = t("fix.note.duplicate", lang, line=where.get(row.duplicate_of, row.duplicate_of))
        cells[NOTES] = f"{mark}; {cells[NOTES]}" if cells[NOTES] else mark
    return cells


def _lines(fmt: str, header: tuple[str, ...], records: list[str]) -> list[int]:
    """The line each record starts on, counted as the reader counts line breaks."""
    breaks = _BREAK if fmt == "csv" else _YAML_BREAK
    line = 1 + (len(breaks.findall(_csv_record(header))) if fmt == "csv" else 0)
    lines = []
    for record in records:
        lines.append(line)
        line += len(breaks.findall(record))
    return lines


def _csv_record(cells: tuple[str, ...] | list[str]) -> str:
    """One CSV record, never a cell altered (no formula quoting: the new file must say
    what the old one said)."""
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerow(cells)
    return buf.getvalue()


def _yaml_item(header: tuple[str, ...], cells: list[str]) -> dict[str, Any]:
    """A row as a YAML mapping: blank cells left out, canonical quantities as numbers, a
    repeated unknown header numbered (a mapping cannot hold a key twice)."""
    item: dict[str, Any] = {}
    for name, value in zip(header, cells, strict=True):
        if not value:
            continue
        key, n = name, 1
        while key in item:
            n += 1
            key = f"{name} ({n})"
        item[key] = _number(value) if name == "quantity" else value
    return item


def _number(value: str) -> str | int:
    """Digits as a number when nothing is lost ("007" stays text)."""
    return int(value) if value.isdigit() and str(int(value)) == value else value


def _yaml_record(header: tuple[str, ...], cells: list[str]) -> str:
    """One entry of the YAML list ("- date: '2024-03-05'\n  unit: …"), never folded."""
    import yaml

    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
    text: str = yaml.dump([_yaml_item(header, cells)], Dumper=dumper, allow_unicode=True,
                          sort_keys=False, default_flow_style=False, width=10**9)
    return text


def _xlsx(header: tuple[str, ...], table: list[list[str]], lines: list[int], lang: Lang
          ) -> bytes:
    """One sheet: the header on row 1, a row per row; every cell text (dates ISO), but
    canonical quantities as numbers; nothing ever a formula."""
    from openpyxl import Workbook  # type: ignore[import-untyped]
    from openpyxl.cell import WriteOnlyCell  # type: ignore[import-untyped]
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE  # type: ignore[import-untyped]

    for line, cells in [(1, list(header)), *zip(lines, table, strict=True)]:  # first
        if any(ILLEGAL_CHARACTERS_RE.search(value) for value in cells):
            raise OutputError(msg("fix.xlsx_control", line=line))
    book = Workbook(write_only=True)
    sheet = book.create_sheet(t("fix.sheet", lang))

    def cell(value: str | int) -> object:
        out = WriteOnlyCell(sheet, value=value)
        if isinstance(value, str) and value.startswith("="):
            out.data_type = "s"  # text, as written: never run as a formula
        return out

    sheet.append([cell(name) for name in header])
    for cells in table:
        sheet.append([cell(_number(v) if name == "quantity" else v) if v else None
                      for name, v in zip(header, cells, strict=True)])
    buf = io.BytesIO()
    book.save(buf)
    return buf.getvalue()


def _csv_row(_header: tuple[str, ...], cells: list[str]) -> str:
    return _csv_record(cells)


_RECORDS: dict[str, Callable[[tuple[str, ...], list[str]], str]] = {
    "csv": _csv_row, "yaml": _yaml_record}
