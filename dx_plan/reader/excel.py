"""Excel logs (.xlsx/.xlsm), read with openpyxl in read-only streaming mode.

Before openpyxl sees a workbook it must be a ZIP whose members do not inflate
to absurd sizes (a "zip bomb"), and the sheet's declared dimension is ignored:
`<dimension ref="A1:XFD1048576"/>` must not make openpyxl pad every row to
16 384 cells.  openpyxl is imported lazily: it costs CLI start-up time.
"""

from __future__ import annotations

import unicodedata
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

from ..dates import from_excel_serial
from ..errors import InputError
from ..i18n import Msg, msg
from .cells import scalar_text
from .delimited import PROGRESS_ROWS, Emit, Report, RowProgress, Rows
from .encoding import OLD_OFFICE, magic_kind
from .options import ReadLimits
from .problems import FileFailed, show
from .rows import Converter
from .xlsx_scan import scan_cells

ZIP_RATIO = 50
ZIP_MIN_BOMB = 100 * 1024 * 1024
PART_RATIO = 100  # real sheets compress 5-30×
PART_MIN_BOMB = 16 * 1024 * 1024
# Rows reaching past the column limit that a sheet may have before it is given up:
# such a sheet is not a log, and openpyxl's XML parsing costs ~0.1 ms a row.
WIDE_ROWS = 1000
# openpyxl holds a cell whole: cells over this many times `field-chars` fail the file
# before it is parsed (shorter ones over the limit fail only their row).
CELL_CAP = 10


def check_zip(fh: IO[bytes], size: int, max_cell_chars: int) -> None:
    """FileFailed unless `fh` is a ZIP whose content is plausibly a workbook, not a bomb."""
    try:
        with zipfile.ZipFile(fh) as archive:
            parts = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        fh.seek(0)
        raise FileFailed("bad-file", msg("reader.xlsx.not_xlsx"),
                         hint=not_xlsx_hint(fh.read(1024))) from None
    total = sum(info.file_size for info in parts)
    if total > ZIP_MIN_BOMB and total > ZIP_RATIO * max(size, 1):
        raise FileFailed("bad-file", msg("reader.xlsx.zip_bomb"),
                         hint=msg("reader.hint.unpacked", unpacked=total, packed=size))
    for info in parts:
        # One part packed far tighter than any real sheet (a sharedStrings.xml of one
        # repeated letter) is a bomb even when the whole stays under the total limit.
        if info.file_size > PART_MIN_BOMB and info.file_size > PART_RATIO * max(
                info.compress_size, 1):
            raise FileFailed("bad-file", msg("reader.xlsx.zip_bomb"),
                             hint=msg("reader.hint.unpacked_part", unpacked=info.file_size,
                                      packed=info.compress_size, part=show(info.filename)))
    fh.seek(0)
    with zipfile.ZipFile(fh) as archive:
        scan_cells(archive, max_cell_chars)
    fh.seek(0)


def not_xlsx_hint(head: bytes) -> Msg | None:
    """What a file named .xlsx that is no ZIP seems to be, from its first bytes."""
    kind = magic_kind(head)
    if kind is not None and kind[0] == OLD_OFFICE:
        # Also what a password-protected .xlsx is: an OLE2 container.
        return msg("reader.hint.old_or_protected")
    if kind is not None:
        return msg("reader.hint.looks_like", what=kind[0])
    if b"\x00" not in head:
        return msg("reader.hint.looks_text")
    return None


class XlsxSource:
    """Rows of one worksheet as (Excel row number, cells), streamed by openpyxl.

    `date_columns` is set by the reader once the header is known: numbers in
    those columns are Excel serial dates, elsewhere they are plain numbers.
    """

    def __init__(self, fh: IO[bytes], size: int, path: Path, sheet: str | None,
                 limits: ReadLimits, report: Report) -> None:
        self.fh = fh
        self.size = size
        self.path = path
        self.sheet = sheet
        self.limits = limits
        self.report = report
        self.date_columns: frozenset[int] = frozenset()
        self.epoch1904 = False
        self.data_rows = 0
        self._rows: Rows | None = None
        self._rows_done = 0

    def position(self) -> int:
        """Progress in bytes, estimated from rows (the XML is read inside openpyxl)."""
        return min(self.size, self._rows_done * 64)

    def rows(self) -> Rows:
        """(row number, cells) from the current position; FileFailed if unreadable."""
        if self._rows is None:
            self._rows = self._iter_rows()
        return self._rows

    def entries(self, convert: Converter, limit: int, progress: RowProgress,
                emit: Emit) -> None:
        """Convert the rows after the header, emitting each Entry; progress every 4096 rows."""
        count = reported = wide = 0
        try:
            for line, cells in self.rows():
                if count == limit:
                    self.report(line, "bad-file",
                                msg("reader.too_many_rows", limit=limit,
                                    what=msg("reader.noun.sheet")),
                                msg("reader.hint.split_workbook"))
                    return
                count += 1
                if len(cells) > self.limits.max_columns:
                    wide += 1
                    if wide > WIDE_ROWS:
                        self._stop_wide(line)
                        return
                elif self._too_large(cells, line):
                    continue
                entry = convert(cells, line)
                if entry is not None:
                    emit(entry)
                if count - reported >= PROGRESS_ROWS:
                    progress(count - reported, self.position())
                    reported = count
        finally:
            self.data_rows = count
            progress(count - reported, self.position())

    def _stop_wide(self, line: int) -> None:
        """Stop reading a sheet whose rows keep reaching past the column limit."""
        self.report(line, "bad-file",
                    msg("reader.xlsx.wide_rows", rows=WIDE_ROWS, columns=self.limits.max_columns),
                    msg("reader.hint.stray_cells"))

    def _too_large(self, cells: list[str], line: int) -> bool:
        """True, with an error, when a cell is longer than the field limit (as in CSV)."""
        limit = self.limits.max_field_chars
        if len(cells) > self.limits.max_columns or max(map(len, cells), default=0) <= limit:
            return False  # a far too wide row is reported by the row converter
        self.report(line, "field-too-large", msg("reader.field_too_long", limit=limit),
                    msg("reader.hint.shorten_cell"))
        return True

    def close(self) -> None:
        """Close the workbook (through its row generator)."""
        if self._rows is not None:
            self._rows.close()

    def _iter_rows(self) -> Rows:
        check_zip(self.fh, self.size, CELL_CAP * self.limits.max_field_chars)
        # Lazy: importing openpyxl costs a noticeable part of CLI start-up.
        import openpyxl  # type: ignore[import-untyped]
        from openpyxl.utils.datetime import CALENDAR_MAC_1904  # type: ignore[import-untyped]

        try:
            with _no_dimension_scan():
                book = openpyxl.load_workbook(self.fh, read_only=True, data_only=True)
        except Exception as exc:  # noqa: BLE001 - any parser failure means "cannot read"
            raise FileFailed("bad-file", msg("reader.xlsx.cannot_open", reason=_why(exc)),
                             hint=msg("reader.hint.resave")) from None
        try:
            self.epoch1904 = book.epoch == CALENDAR_MAC_1904
            sheet = self._sheet(book)
            # The declared <dimension> may claim A1:XFD1048576; forget it so that
            # openpyxl neither pads every row to 16 384 cells nor invents empty rows.
            sheet.reset_dimensions()
            _bound_row_width(sheet, self.limits.max_columns)
            try:
                for number, values in enumerate(sheet.iter_rows(values_only=True), start=1):
                    self._rows_done = number
                    yield number, self._cells(values)
            except (FileFailed, InputError):
                raise
            except Exception as exc:  # noqa: BLE001 - corrupt XML inside the zip
                raise FileFailed("bad-file", msg("reader.xlsx.cannot_read_sheet", reason=_why(exc)),
                                 line=self._rows_done + 1 if self._rows_done else None,
                                 hint=msg("reader.hint.resave")) from None
        finally:
            book.close()

    def _sheet(self, book: Any) -> Any:
        if self.sheet is None:
            if not book.worksheets:
                raise FileFailed("empty-file", msg("reader.xlsx.no_worksheet"))
            return book.worksheets[0]
        if self.sheet in book.sheetnames:
            return book[self.sheet]
        names = ", ".join(repr(n) for n in book.sheetnames)
        raise InputError(msg("reader.error.no_sheet", path=str(self.path),
                             sheet=repr(self.sheet), sheets=names))

    def _cells(self, values: tuple[Any, ...]) -> list[str]:
        if isinstance(values, _Wide):
            return [""] * values.width
        last = len(values)
        while last and (values[last - 1] is None or values[last - 1] == ""):
            last -= 1
        if last > self.limits.max_columns:
            # Far too wide (a cell in column XFD): the row converter reports its width;
            # converting 16,384 cells first would cost a second per thousand rows.
            return [""] * last
        dates = self.date_columns
        out: list[str] = []
        for pos in range(last):
            out.append(xlsx_text(values[pos], pos in dates, self.epoch1904))
        return out


@contextmanager
def _no_dimension_scan() -> Iterator[None]:
    """Open a workbook without openpyxl reading each sheet for its <dimension>.

    openpyxl looks for it when it opens a read-only sheet; a sheet without one is parsed
    to its end first, which doubles the cost of a large sheet.  The dimension is thrown
    away anyway (`reset_dimensions` below), so the look is skipped while opening.
    """
    from openpyxl.worksheet._read_only import ReadOnlyWorksheet  # type: ignore[import-untyped]

    original = ReadOnlyWorksheet._get_size
    ReadOnlyWorksheet._get_size = lambda self: None
    try:
        yield
    finally:
        ReadOnlyWorksheet._get_size = original


class _Wide(tuple[Any, ...]):
    """An empty stand-in for a row whose last cell lies beyond the column limit."""

    width = 0


def _bound_row_width(sheet: Any, limit: int) -> None:
    """Make openpyxl skip building rows wider than `limit` cells.

    openpyxl pads each row to its last cell: one cell in column XFD costs a
    16,384-value tuple.  Its `_get_row` is wrapped on this sheet only; an openpyxl
    without it is still correct, only slower on such rows.
    """
    build = getattr(sheet, "_get_row", None)
    if build is None:
        return

    def bounded(row: list[dict[str, Any]], *args: Any, **kwargs: Any) -> tuple[Any, ...]:
        if row and row[-1]["column"] > limit:
            # Judge by the last cell with a value: a formatted empty cell far right is
            # no data, and trimmed as before.
            last = len(row)
            while last and row[last - 1]["value"] in (None, ""):
                last -= 1
            if last and row[last - 1]["column"] > limit:
                wide = _Wide()
                wide.width = row[last - 1]["column"]
                return wide
            row = row[:last]
        result: tuple[Any, ...] = build(row, *args, **kwargs)
        return result

    sheet._get_row = bounded


def xlsx_text(value: Any, is_date: bool, epoch1904: bool = False) -> str:
    """One Excel cell as the text a CSV export would give (dates as ISO)."""
    if is_date and isinstance(value, int | float) and not isinstance(value, bool):
        day = from_excel_serial(float(value), epoch1904)
        if day is not None:
            return day.isoformat()
    text = scalar_text(value)
    return unicodedata.normalize("NFC", str(value) if text is None else text)


def _why(exc: BaseException) -> str:
    text = str(exc) or type(exc).__name__
    return show(text, 120)


