"""LogReader: files in, entries out, problems on the side.

`read` checks every path before reading any (so a typo in the last file name
fails before minutes of work), then streams the files in order.  A file whose
content is broken becomes a file-level problem and the reader moves on; only a
path that cannot be used at all (missing, a directory, a FIFO, too large, an
unknown extension, an absent --sheet) raises InputError.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import IO, Any

from ..catalog import Catalog
from ..entries import Entry, Problem
from ..i18n import msg
from ..yamlsafe import YamlLoadError, load_yaml
from .columns import (
    COLUMNS,
    Layout,
    column_of,
    named,
    read_header,
    required_hint,
    unknown_headers,
)
from .dedupe import Deduper
from .delimited import HEADER_SEARCH_ROWS, Emit, Rows, TextSource
from .excel import XlsxSource
from .options import ReadOptions
from .problems import FileFailed, ProblemLog, show
from .rows import Converter, RowChecker
from .sources import check_file, file_format, open_file, report_to
from .yamllog import read_yaml_text, yaml_items, yaml_text

HEADER_SCAN_LIMIT = 10_000  # rows (blank ones included) searched for the header
# (file, header layout, line, the row's cells as read): what `LogReader.on_row` is shown.
RowTap = Callable[[str, Layout, int, list[str]], None]


class LogReader:
    """Reads activity logs (CSV/TSV/TXT, YAML, XLSX) into plan-resolved Entries."""

    def __init__(self, catalog: Catalog, options: ReadOptions | None = None,
                 problems: ProblemLog | None = None,
                 on_progress: Callable[[int, int], None] | None = None) -> None:
        self.catalog = catalog
        # (bytes read, rows read), every few thousand rows: for a progress bar.
        self.on_progress = on_progress
        self.options = options or ReadOptions()
        self.problems = problems if problems is not None else ProblemLog()
        self.rows_read = 0  # rows after the header (blank ones too); updated every 4096 rows
        self.bytes_read = 0  # bytes of finished files plus the current file's position
        self.rows_by_file: dict[str, int] = {}  # data rows of each finished file
        self._dedupe = Deduper()
        # Shown every data row's cells before they are converted (`dxplan fix` keeps them).
        self.on_row: RowTap | None = None
        self._checker = RowChecker(catalog, self.options, self.problems, self._dedupe)

    def read(self, paths: Sequence[Path]) -> list[Entry]:
        """The entries of all files, in order (small logs and tests; see `read_into`)."""
        entries: list[Entry] = []
        self.read_into(paths, entries.append)
        return entries

    def count(self, paths: Sequence[Path]) -> int:
        """Read all files (problems go to the log) and return how many entries they hold."""
        counted = [0]

        def tally(_entry: Entry) -> None:
            counted[0] += 1

        self.read_into(paths, tally)
        return counted[0]

    def read_into(self, paths: Sequence[Path], emit: Emit) -> None:
        """Stream every entry of all files, in order, into `emit` (the engine's `add`).

        Every path is checked before any is read; duplicates are found across files.
        """
        limits = self.options.limits
        formats = []
        for path in paths:
            path = Path(path)
            check_file(path, limits)  # usage problems first, before any work
            formats.append((path, file_format(path)))
        for path, fmt in formats:
            self._read_file(path, fmt, emit)

    def _read_file(self, path: Path, fmt: str, emit: Emit) -> None:
        display = str(path)
        limits = self.options.limits
        fh, size = open_file(path, limits)
        base = self.bytes_read
        index = self._dedupe.add_file(display)
        owner = self.options.owner(path) if self.options.owner is not None else None
        rows_before = self.rows_read
        with fh:
            try:
                if fmt == "yaml":
                    self._yaml(fh, display, index, owner, emit)
                else:
                    report = report_to(self.problems, display)
                    source: TextSource | XlsxSource
                    if fmt == "text":
                        source = TextSource(fh, size, limits, report)
                    else:
                        source = XlsxSource(fh, size, path, self.options.sheet, limits, report)
                    try:
                        self._table(source, display, index, owner, base, emit)
                    finally:
                        source.close()
            except FileFailed as failed:
                self.problems.add(failed.problem(display))
            except OSError as exc:  # the device or file system failed under a regular path
                self.problems.add(Problem(
                    display, None, "error", "bad-file",
                    msg("reader.file.unreadable", reason=str(exc.strerror or exc))))
        self.bytes_read = base + size
        self.rows_by_file[display] = self.rows_read - rows_before

    # ------------------------------------------------------------ tables

    def _table(self, source: TextSource | XlsxSource, display: str, index: int,
               owner: str | None, base: int, emit: Emit) -> None:
        layout = self._find_header(source.rows(), display)
        if layout is None:
            return
        self._unknown_columns(layout, display)
        if isinstance(source, XlsxSource):
            source.date_columns = frozenset(
                layout.index[c] for c in ("date", "end_date") if c in layout.index)
        convert = self._checker.converter(display, index, layout, owner)
        if self.on_row is not None:
            convert = _tapped(convert, self.on_row, display, layout)

        def progress(rows: int, position: int) -> None:
            """Count rows read and the file position, for a progress bar."""
            self.rows_read += rows
            self.bytes_read = base + position
            if self.on_progress is not None:
                self.on_progress(self.bytes_read, self.rows_read)

        source.entries(convert, self.options.limits.max_rows, progress, emit)
        if source.data_rows == 0:
            self.problems.add(Problem(display, layout.line, "warning", "empty-file",
                                      msg("reader.file.no_data_rows")))

    def _unknown_columns(self, layout: Layout, display: str) -> None:
        """A warning for each header dxplan does not read (its cells are kept as notes):
        a "Link bài viết" dxplan cannot place is evidence that would be lost unseen."""
        columns = ", ".join(named(c) for c in COLUMNS)
        for header, near in unknown_headers(layout):
            hint = (msg("reader.hint.column_guess", column=named(near), columns=columns) if near
                    else msg("reader.hint.columns", columns=columns))
            self.problems.add(Problem(
                display, layout.line, "warning", "unknown-column",
                msg("reader.unknown_column", header=repr(show(header, 60))), hint=hint))

    def _find_header(self, rows: Rows, display: str) -> Layout | None:
        """Consume rows up to the header (skipping title rows); report when there is none."""
        best: Layout | None = None
        seen = 0
        max_columns = self.options.limits.max_columns
        for scanned, (line, cells) in enumerate(rows, start=1):
            if not any(c.strip() for c in cells):
                if scanned >= HEADER_SCAN_LIMIT:
                    break  # thousands of empty rows (an Excel gap bomb): give up
                continue
            seen += 1
            if len(cells) <= max_columns:
                layout = read_header(cells, line)
                if not layout.missing():
                    return layout
                if best is None or len(layout.missing()) < len(best.missing()):
                    best = layout
            if seen >= HEADER_SEARCH_ROWS:
                break
        if seen == 0:
            self.problems.add(Problem(display, None, "error", "empty-file",
                                      msg("reader.file.no_rows")))
        elif best is not None and len(best.missing()) < 3:
            missing = ", ".join(named(c) for c in best.missing())
            seen_headers = ", ".join(repr(show(h, 40)) for _, h in best.extra[:12])
            self.problems.add(Problem(
                display, best.line, "error", "missing-column",
                msg("reader.header.lacks_seen", missing=missing, seen=seen_headers)
                if seen_headers else msg("reader.header.lacks", missing=missing),
                hint=required_hint()))
        else:
            self.problems.add(Problem(
                display, None, "error", "missing-column",
                msg("reader.header.none", rows=HEADER_SEARCH_ROWS), hint=required_hint()))
        return None

    # ------------------------------------------------------------ YAML

    def _yaml(self, fh: IO[bytes], display: str, index: int, owner: str | None,
              emit: Emit) -> None:
        text = read_yaml_text(fh, self.options.limits)
        try:
            loaded = load_yaml(text, display, self.options.limits.yaml)
        except YamlLoadError as exc:
            for fault in exc.faults:
                self.problems.add(Problem(display, fault.line, "error", "bad-file",
                                          fault.message))
            return
        except (ValueError, TypeError, OverflowError) as exc:
            # PyYAML builds "2024-02-30" as a timestamp and raises ValueError, with
            # no line; the file as a whole cannot be trusted then.
            raise FileFailed("bad-file", msg("reader.yaml.bad_value", reason=show(str(exc))),
                             hint=msg("reader.hint.quote_dates")) from None
        items, prefix, inherited = yaml_items(loaded.data)
        if not items:
            self.problems.add(Problem(display, None, "warning", "empty-file",
                                      msg("reader.file.no_entries")))
            return
        converters: dict[tuple[str, ...], Converter] = {}
        for number, item in enumerate(items):
            line = loaded.line_of((*prefix, number)) or 1
            self.rows_read += 1
            row = self._yaml_row(item, inherited, display, line)
            if row is None:
                continue
            headers, cells = row
            if self.on_row is not None:
                self.on_row(display, read_header(headers, line), line, list(cells))
            key = tuple(headers)
            convert = converters.get(key)
            if convert is None:
                layout = read_header(headers, line)
                convert = self._checker.converter(display, index, layout, owner)
                if len(converters) < 1000:
                    converters[key] = convert
            entry = convert(cells, line)
            if entry is not None:
                emit(entry)

    def _yaml_row(self, item: Any, inherited: str, display: str,
                  line: int) -> tuple[list[str], list[str]] | None:
        if not isinstance(item, dict):
            self.problems.add(Problem(display, line, "error", "bad-row",
                                      msg("reader.yaml.entry_not_mapping"),
                                      hint=msg("reader.hint.yaml_entry")))
            return None
        headers: list[str] = []
        cells: list[str] = []
        unit_at = -1
        for key, value in item.items():
            header = str(key)
            column = column_of(header)
            value_text = yaml_text(value, many=column == "docs")
            if value_text is None:
                self.problems.add(Problem(display, line, "error", "bad-row",
                                          msg("reader.yaml.not_single", name=show(header)),
                                          hint=msg("reader.hint.one_line")))
                return None
            if len(value_text) > self.options.limits.max_field_chars:
                self.problems.add(Problem(
                    display, line, "error", "field-too-large",
                    msg("reader.field_too_long", limit=self.options.limits.max_field_chars),
                    hint=msg("reader.hint.shorten_value")))
                return None
            if column == "unit" and unit_at < 0:
                unit_at = len(cells)
            headers.append(header)
            cells.append(value_text)
        if inherited:
            if unit_at < 0:
                headers.append("unit")
                cells.append(inherited)
            elif not cells[unit_at].strip():
                cells[unit_at] = inherited  # an entry's own unit wins; a blank one inherits
        return headers, cells


def _tapped(convert: Converter, tap: RowTap, file: str, layout: Layout) -> Converter:
    """`convert`, showing `tap` each row first (a copy: conversion pads and cuts cells)."""

    def tapped(cells: list[str], line: int) -> Entry | None:
        tap(file, layout, line, list(cells))
        return convert(cells, line)

    return tapped
