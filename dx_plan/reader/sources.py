"""Opening log files and turning their bytes into rows of text cells.

Three formats: delimited text (.csv/.tsv/.txt), YAML, Excel (.xlsx/.xlsm).  Text
files are streamed (a province's year of logs can be hundreds of MB), decoded
with an encoding chosen from the bytes (BOMs, UTF-16 without BOM, UTF-8, else the
legacy Vietnamese Windows-1258), and NFC-normalised line by line because
Windows-1258 writes tones as combining marks.

A file that cannot be used at all because of how it was *named or given* (missing,
a directory, a FIFO, too large, an unknown extension) raises InputError; a file
whose *content* is broken raises FileFailed, which the reader records as a
problem before moving on to the next file.
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import io
import os
import stat
import unicodedata
import zipfile
from collections.abc import Callable, Generator, Iterator
from functools import partial
from pathlib import Path
from typing import IO, Any

from ..entries import Entry, Problem
from ..errors import InputError
from ..text import fold
from .columns import column_of, read_header
from .options import ReadLimits
from .problems import FileFailed, show

FORMATS = {
    ".csv": "text", ".tsv": "text", ".txt": "text",
    ".yaml": "yaml", ".yml": "yaml",
    ".xlsx": "xlsx", ".xlsm": "xlsx",
}
SNIFF_BYTES = 64 * 1024
HEADER_SEARCH_ROWS = 20
PROGRESS_ROWS = 4096  # rows between progress reports
# csv.reader holds a whole record in memory before checking its width; reading
# lines in bounded pieces keeps a 1 GB line of commas from becoming a 1 G-cell list.
MAX_LINE_CHARS = 1 << 20

_NFC = partial(unicodedata.normalize, "NFC")
_MAGIC: tuple[tuple[bytes, str, str | None], ...] = (
    (b"\x89PNG\r\n\x1a\n", "PNG image", None),
    (b"\xff\xd8\xff", "JPEG image", None),
    (b"GIF87a", "GIF image", None),
    (b"GIF89a", "GIF image", None),
    (b"%PDF", "PDF document", "export the table from the PDF's source as CSV or .xlsx"),
    (b"PK\x03\x04", "ZIP archive or Excel workbook",
     "an Excel workbook must be named .xlsx; otherwise save the log as CSV"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "old Excel .xls or Word .doc file",
     "save it in Excel as .xlsx or as CSV UTF-8"),
    (b"\x1f\x8b", "gzip archive", None),
    (b"Rar!\x1a\x07", "RAR archive", None),
    (b"7z\xbc\xaf\x27\x1c", "7-Zip archive", None),
    (b"\x7fELF", "program", None),
    (b"{\\rtf", "RTF document", "save it as CSV or .xlsx"),
)
# Bytes that are control characters in every text encoding we accept (not \t \n \r \f).
_CONTROL = bytes([*range(0x00, 0x09), 0x0B, *range(0x0E, 0x1B), *range(0x1C, 0x20)])
_DELIMITERS = (",", ";", "\t")

Rows = Generator[tuple[int, list[str]], None, None]
Report = Callable[[int | None, str, str, str | None], None]


def file_format(path: Path) -> str:
    """'text', 'yaml' or 'xlsx' from the extension; InputError for any other."""
    ext = path.suffix.lower()
    fmt = FORMATS.get(ext)
    if fmt is not None:
        return fmt
    if ext == ".xls":
        raise InputError(f"{path}: old Excel .xls files are not supported; "
                         "save it in Excel as .xlsx or as CSV UTF-8")
    what = f"'{ext}'" if ext else "without an extension"
    raise InputError(f"{path}: unsupported file type {what}; "
                     "use .csv, .tsv, .txt, .yaml, .yml, .xlsx or .xlsm")


def check_file(path: Path, limits: ReadLimits) -> int:
    """Size of a readable regular file; InputError (without opening it) for anything else."""
    try:
        st = os.stat(path)
    except FileNotFoundError:
        raise InputError(f"{path}: file not found") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror or exc}") from None
    _check_stat(path, st, limits)
    return st.st_size


def _check_stat(path: Path, st: os.stat_result, limits: ReadLimits) -> None:
    if stat.S_ISDIR(st.st_mode):
        raise InputError(f"{path}: is a directory; give its files, e.g. '{path}/*.csv'")
    if not stat.S_ISREG(st.st_mode):
        # FIFOs and devices would block or never end; they are never opened.
        raise InputError(f"{path}: not a regular file")
    if st.st_size > limits.max_file_bytes:
        raise InputError(f"{path}: {st.st_size} bytes is larger than the "
                         f"{limits.max_file_bytes}-byte limit; split the file")


def open_file(path: Path, limits: ReadLimits) -> tuple[IO[bytes], int]:
    """Open a regular file for binary reading, re-checking it after opening.

    The path may have been swapped for a FIFO since `check_file`; opening with
    O_NONBLOCK cannot hang on one, and fstat of the open descriptor is the truth.
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except FileNotFoundError:
        raise InputError(f"{path}: file not found") from None
    except OSError as exc:
        if os.path.isdir(path):
            raise InputError(f"{path}: is a directory") from None
        raise InputError(f"{path}: cannot read: {exc.strerror or exc}") from None
    try:
        st = os.fstat(fd)
        _check_stat(path, st, limits)
    except BaseException:
        os.close(fd)
        raise
    return os.fdopen(fd, "rb"), st.st_size


# ---------------------------------------------------------------- encodings


def binary_kind(head: bytes) -> tuple[str, str | None] | None:
    """(what it looks like, hint) when the first bytes are not text, else None."""
    for magic, what, hint in _MAGIC:
        if head.startswith(magic):
            return what, hint
    first = head[:1024]
    if first and len(first.translate(None, delete=_CONTROL_KEEP)) * 10 > len(first):
        return "binary data", None
    return None


# `bytes.translate(None, delete=…)` keeps what is not deleted: delete every
# non-control byte so the length left is the number of control bytes.
_CONTROL_KEEP = bytes(b for b in range(256) if b not in _CONTROL)


def _utf16_without_bom(head: bytes) -> str | None:
    """'utf-16-le'/'utf-16-be' when NULs sit at odd/even positions of the first 4 KB."""
    sample = head[:4096]
    half = len(sample) // 2
    if half < 2:
        return None
    even = sample[0::2].count(0)
    odd = sample[1::2].count(0)
    # ASCII text in UTF-16 has a NUL in every other byte; Vietnamese letters
    # (U+1Exx) do not, so a third is already a strong signal.
    if odd * 3 >= half and even * 20 < half:
        return "utf-16-le"
    if even * 3 >= half and odd * 20 < half:
        return "utf-16-be"
    return None


def detect_encoding(head: bytes) -> str:
    """Encoding of a text file from its first bytes; FileFailed when it is not text.

    Without a BOM, the first 64 KB decide: valid UTF-8 means UTF-8, else the
    legacy Vietnamese Windows-1258 (what Excel assumes).  Later bytes that are
    not UTF-8 (a file with rows appended in another encoding) are decoded as
    Windows-1258 by the `dxplan-mixed` error handler, in the same single pass:
    no byte is decoded twice and no row is ever re-read.
    """
    if head.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    found = binary_kind(head)
    if found is None:
        utf16 = _utf16_without_bom(head)
        if utf16 is not None:
            return utf16
    if found is not None or b"\x00" in head:
        what, hint = found or ("binary data", None)
        raise FileFailed("bad-file", f"not a text file (looks like {what})", hint=hint)
    try:
        codecs.getincrementaldecoder("utf-8")().decode(head, final=False)
        return "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        head.decode("cp1258")
    except UnicodeDecodeError as exc:
        raise FileFailed(
            "bad-file",
            f"cannot decode the text: byte 0x{head[exc.start]:02x} at offset {exc.start} "
            "is neither UTF-8 nor Windows-1258",
            hint="save the file as CSV UTF-8",
        ) from None
    return "cp1258"


class _Undecodable:
    """Counts bytes the `dxplan-mixed` handler could not decode (shown as U+FFFD)."""

    count = 0


def _mixed(exc: UnicodeError) -> tuple[str, int]:
    """Codec error handler: bytes that are not UTF-8 are read as Windows-1258."""
    if not isinstance(exc, UnicodeDecodeError):
        raise exc
    bad = bytes(exc.object[exc.start:exc.end])
    if exc.encoding.replace("-", "").replace("_", "").lower().startswith("utf8"):
        try:
            return bad.decode("cp1258"), exc.end
        except UnicodeDecodeError:
            pass
    _Undecodable.count += len(bad)
    return "\ufffd", exc.end


codecs.register_error("dxplan-mixed", _mixed)


def decode_sample(head: bytes, encoding: str) -> str:
    """The decodable prefix of `head` (a cut multi-byte character at the end is dropped)."""
    decoder = codecs.getincrementaldecoder(encoding)(errors="strict")
    try:
        text: str = decoder.decode(head, final=False)
    except UnicodeDecodeError as exc:
        raise FileFailed("bad-file", f"cannot decode the text as {encoding}: {exc.reason}",
                         hint="save the file as CSV UTF-8") from None
    if "\x00" in text:
        raise FileFailed("bad-file", "not a text file (it contains NUL characters)")
    return text


# ---------------------------------------------------------------- delimited text


def sniff_delimiter(sample: str) -> str:
    """',' ';' or tab: the one that parses the sample into a header row, else the commonest.

    Trying each candidate on the first rows copes with title rows such as
    "BÁO CÁO KẾT QUẢ, NĂM 2024" above a semicolon-separated header.
    """
    best: tuple[int, int, str] | None = None  # (header row, -columns recognised, delimiter)
    lines = sample.splitlines()[: HEADER_SEARCH_ROWS * 4]
    for delim in _DELIMITERS:
        try:
            rows = list(_first_rows(lines, delim))
        except csv.Error:
            continue
        for row_no, cells in enumerate(rows):
            layout = read_header(cells, row_no)
            if not layout.missing():
                score = (row_no, -len(layout.index), delim)
                if best is None or score < best:
                    best = score
                break
    if best is not None:
        return best[2]
    first = next((ln for ln in lines if ln.strip()), "")
    counts = {d: _count_outside_quotes(first, d) for d in _DELIMITERS}
    delim = max(_DELIMITERS, key=lambda d: counts[d])
    return delim if counts[delim] else ","


def _first_rows(lines: list[str], delim: str) -> Iterator[list[str]]:
    reader = csv.reader(lines, delimiter=delim)
    for count, row in enumerate(reader):
        if count >= HEADER_SEARCH_ROWS:
            return
        yield row


def _count_outside_quotes(line: str, delim: str) -> int:
    count = 0
    quoted = False
    for ch in line:
        if ch == '"':
            quoted = not quoted
        elif ch == delim and not quoted:
            count += 1
    return count


class TextSource:
    """Rows of a delimited text file, streamed.

    `rows()` yields (line, cells) and is used up to the header; `entries()` then
    runs the hot loop on the same csv reader, calling `convert` directly so that
    each row costs one generator resume, not two.  `line` is the physical line on
    which a record starts (1-based), so a title cell with embedded newlines does
    not shift the numbers of later rows.  Call `close()` when done.
    """

    def __init__(self, fh: IO[bytes], size: int, limits: ReadLimits, report: Report) -> None:
        self.fh = fh
        self.size = size
        self.limits = limits
        self.report = report
        self.encoding = ""
        self.data_rows = 0  # rows after the header, set by entries()
        self._reader: Any = None
        self._text: io.TextIOWrapper | None = None
        self._rows: Rows | None = None
        self._end = 0  # reader.line_num after the last record read
        self._old_limit: int | None = None
        self._undecodable = 0

    def position(self) -> int:
        """Bytes consumed so far (approximate: read-ahead buffers count as read)."""
        try:
            return self.fh.tell()
        except (OSError, ValueError):
            return 0

    def _open(self) -> Any:
        head = self.fh.read(SNIFF_BYTES)
        if not head:
            raise FileFailed("empty-file", "the file is empty")
        self.encoding = detect_encoding(head)
        sample = decode_sample(head, self.encoding)
        delimiter = sniff_delimiter(_NFC(sample))
        self.fh.seek(0)
        self._text = io.TextIOWrapper(self.fh, encoding=self.encoding, errors="dxplan-mixed",
                                      newline="")
        self._undecodable = _Undecodable.count
        # Everything in this pipeline runs in C: bounded readline, NFC per line, csv.
        lines = map(_NFC, iter(partial(self._text.readline, MAX_LINE_CHARS), ""))
        self._old_limit = csv.field_size_limit(self.limits.max_field_chars)
        self._reader = csv.reader(lines, delimiter=delimiter, strict=True)
        return self._reader

    def rows(self) -> Rows:
        """(line, cells) from the current position; FileFailed if the file is not text."""
        if self._rows is None:
            self._rows = self._iter_rows()
        return self._rows

    def _iter_rows(self) -> Rows:
        reader = self._open()
        while True:
            try:
                for cells in reader:
                    line = self._end + 1
                    self._end = reader.line_num
                    yield line, cells
                return
            except csv.Error as exc:
                line = self._end + 1
                self._end = reader.line_num
                if not self._csv_error(line, str(exc)):
                    return

    def entries(self, convert: Callable[[list[str], int], Entry | None], limit: int,
                progress: Callable[[int, int], None]) -> Iterator[Entry]:
        """Convert the rows after the header; progress(rows, bytes) every 4096 rows."""
        reader = self._reader
        if reader is None:
            return
        end = self._end
        count = reported = 0
        check = min(PROGRESS_ROWS, limit + 1)
        try:
            while True:
                try:
                    for cells in reader:
                        line = end + 1
                        end = reader.line_num
                        count += 1
                        if count == check:  # one comparison per row for both limits
                            if count > limit:
                                count -= 1
                                self.report(line, "bad-file", f"more than {limit} data rows; "
                                            "the rest of the file is not read", "split the file")
                                return
                            progress(count - reported, self.position())
                            reported = count
                            check = min(count + PROGRESS_ROWS, limit + 1)
                        entry = convert(cells, line)
                        if entry is not None:
                            yield entry
                    return
                except csv.Error as exc:
                    line = end + 1
                    end = reader.line_num
                    if not self._csv_error(line, str(exc)):
                        return
        finally:
            self._end = end
            self.data_rows = count
            progress(count - reported, self.position())

    def close(self) -> None:
        """Release the decoder, restore the csv field limit, report undecodable bytes."""
        if self._rows is not None:
            self._rows.close()
        if self._old_limit is not None:
            csv.field_size_limit(self._old_limit)
            self._old_limit = None
        if self._text is not None:
            self._text.detach()  # the caller closes the binary file
            self._text = None
            lost = _Undecodable.count - self._undecodable
            if lost:
                self.report(None, "bad-file",
                            f"{lost} byte(s) are neither UTF-8 nor Windows-1258 text; "
                            "they were read as \ufffd", "save the file as CSV UTF-8")

    def _csv_error(self, line: int, message: str) -> bool:
        """Report a csv.Error; True when reading can go on with the next record."""
        if "field larger than field limit" in message:
            self.report(line, "field-too-large",
                        f"a field is longer than {self.limits.max_field_chars} characters",
                        "shorten the cell, or check for a quote (\") that is never closed")
            return True
        if "unexpected end of data" in message:
            self.report(line, "bad-row",
                        "a quoted field starting on this line is never closed",
                        "add the closing quote (\"), or remove the opening one")
            return False
        if "expected after" in message:
            self.report(line, "bad-row", "text follows a closing quote in a field",
                        'quote the whole cell and double quotes inside it ("")')
            return True
        self.report(line, "bad-row", f"cannot read the row: {show(message)}", None)
        return True


# ---------------------------------------------------------------- YAML

YAML_SHAPE = "a YAML log must be a list of entries or {unit: …, entries: [...]}"
_ENTRIES_KEYS = ("entries", "hoat dong")


def read_yaml_text(fh: IO[bytes], limits: ReadLimits) -> str:
    """The whole text of a YAML log (YAML logs are small; they are parsed in memory)."""
    head = fh.read(SNIFF_BYTES)
    if not head.strip():
        raise FileFailed("empty-file", "the file is empty")
    fh.seek(0)
    raw = fh.read(limits.max_file_bytes + 1)
    # YAML is parsed whole, so the encoding is decided on all of it.
    encoding = detect_encoding(raw)
    try:
        return _NFC(raw.decode(encoding))
    except UnicodeDecodeError as exc:
        raise FileFailed("bad-file", f"cannot decode the text as {encoding}: {exc.reason}",
                         hint="save the file as UTF-8") from None


def yaml_items(data: Any) -> tuple[list[Any], tuple[str, ...], str]:
    """(entries, their location prefix, inherited unit) of a YAML log's data.

    FileFailed for an empty document or any shape other than a list of entries
    or a mapping `{unit: …, entries: [...]}`.
    """
    if data is None:
        raise FileFailed("empty-file", "the file has no entries")
    if isinstance(data, list):
        return data, (), ""
    if isinstance(data, dict):
        keys = [k for k in data if isinstance(k, str)]
        entries_key = next((k for k in keys if fold(k) in _ENTRIES_KEYS), None)
        unit_key = next((k for k in keys if column_of(k) == "unit"), None)
        if entries_key is not None and isinstance(data[entries_key], list | None):
            unit = yaml_text(data[unit_key]) if unit_key is not None else ""
            if unit is None:
                raise FileFailed("bad-file", f"'{show(unit_key or '')}' must be a single unit")
            return data[entries_key] or [], (entries_key,), unit
    raise FileFailed("bad-file", YAML_SHAPE,
                     hint="write '- date: 05/03/2024' items, or 'unit:' and 'entries:' keys")


def yaml_text(value: Any, many: bool = False) -> str | None:
    """A YAML scalar as cell text (dates as ISO); a list only when `many`; else None."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.datetime):
        if value.tzinfo is not None:
            # An instant: the log's day is its day in Vietnam.
            from ..dates import VIETNAM

            return value.astimezone(VIETNAM).date().isoformat()
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, int | float):
        return str(value)
    if many and isinstance(value, list):
        parts = [yaml_text(v) for v in value]
        if all(p is not None for p in parts):
            return "; ".join(p for p in parts if p)
    return None


# ---------------------------------------------------------------- Excel

ZIP_RATIO = 50
ZIP_MIN_BOMB = 100 * 1024 * 1024


def check_zip(fh: IO[bytes], size: int) -> None:
    """FileFailed unless `fh` is a ZIP whose content is plausibly a workbook, not a bomb."""
    try:
        with zipfile.ZipFile(fh) as archive:
            total = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        fh.seek(0)
        kind = binary_kind(fh.read(1024))
        hint = "password-protected workbooks cannot be read; save an unprotected copy"
        if kind is not None and kind[0].startswith("old Excel"):
            hint = kind[1] or hint
        raise FileFailed("bad-file", "not an Excel .xlsx file", hint=hint) from None
    if total > ZIP_MIN_BOMB and total > ZIP_RATIO * max(size, 1):
        raise FileFailed("bad-file", "compressed content too large (possible zip bomb)",
                         hint=f"{total} bytes unpacked from {size}")
    fh.seek(0)


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

    def entries(self, convert: Callable[[list[str], int], Entry | None], limit: int,
                progress: Callable[[int, int], None]) -> Iterator[Entry]:
        """Convert the rows after the header; progress(rows, bytes) every 4096 rows."""
        count = reported = 0
        try:
            for line, cells in self.rows():
                if count == limit:
                    self.report(line, "bad-file", f"more than {limit} data rows; "
                                "the rest of the sheet is not read", "split the workbook")
                    return
                count += 1
                entry = convert(cells, line)
                if entry is not None:
                    yield entry
                if count - reported >= PROGRESS_ROWS:
                    progress(count - reported, self.position())
                    reported = count
        finally:
            self.data_rows = count
            progress(count - reported, self.position())

    def close(self) -> None:
        """Close the workbook (through its row generator)."""
        if self._rows is not None:
            self._rows.close()

    def _iter_rows(self) -> Rows:
        check_zip(self.fh, self.size)
        # Lazy: importing openpyxl costs a noticeable part of CLI start-up.
        import openpyxl  # type: ignore[import-untyped]
        from openpyxl.utils.datetime import CALENDAR_MAC_1904  # type: ignore[import-untyped]

        try:
            book = openpyxl.load_workbook(self.fh, read_only=True, data_only=True)
        except Exception as exc:  # noqa: BLE001 - any parser failure means "cannot read"
            raise FileFailed("bad-file", f"cannot open the Excel workbook: {_why(exc)}",
                             hint="open and re-save it in Excel, or save it as CSV") from None
        try:
            self.epoch1904 = book.epoch == CALENDAR_MAC_1904
            sheet = self._sheet(book)
            # The declared <dimension> may claim A1:XFD1048576; forget it so that
            # openpyxl neither pads every row to 16 384 cells nor invents empty rows.
            sheet.reset_dimensions()
            try:
                for number, values in enumerate(sheet.iter_rows(values_only=True), start=1):
                    self._rows_done = number
                    yield number, self._cells(values)
            except (FileFailed, InputError):
                raise
            except Exception as exc:  # noqa: BLE001 - corrupt XML inside the zip
                raise FileFailed("bad-file", f"cannot read the Excel sheet: {_why(exc)}",
                                 line=self._rows_done + 1 if self._rows_done else None,
                                 hint="open and re-save it in Excel, or save it as CSV"
                                 ) from None
        finally:
            book.close()

    def _sheet(self, book: Any) -> Any:
        if self.sheet is None:
            if not book.worksheets:
                raise FileFailed("empty-file", "the workbook has no worksheet")
            return book.worksheets[0]
        if self.sheet in book.sheetnames:
            return book[self.sheet]
        names = ", ".join(repr(n) for n in book.sheetnames)
        raise InputError(f"{self.path}: no sheet named {self.sheet!r}; its sheets are {names}")

    def _cells(self, values: tuple[Any, ...]) -> list[str]:
        last = len(values)
        while last and (values[last - 1] is None or values[last - 1] == ""):
            last -= 1
        dates = self.date_columns
        out: list[str] = []
        for pos in range(last):
            out.append(xlsx_text(values[pos], pos in dates, self.epoch1904))
        return out


def xlsx_text(value: Any, is_date: bool, epoch1904: bool = False) -> str:
    """One Excel cell as the text a CSV export would give (dates as ISO)."""
    if value is None:
        return ""
    if isinstance(value, str):
        return _NFC(value)
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, int | float):
        if is_date:
            from ..dates import from_excel_serial

            day = from_excel_serial(float(value), epoch1904)
            if day is not None:
                return day.isoformat()
        if isinstance(value, float) and value.is_integer():
            return str(int(value))  # 3.0 typed as a quantity is 3
        return str(value)
    return _NFC(str(value))


def _why(exc: BaseException) -> str:
    text = str(exc) or type(exc).__name__
    return show(text, 120)


def report_to(problems: Any, file: str) -> Report:
    """A `report(line, code, message, hint)` callable adding error Problems for `file`."""

    def report(line: int | None, code: str, message: str, hint: str | None) -> None:
        problems.add(Problem(file, line, "error", code, message, hint=hint))

    return report
