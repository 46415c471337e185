"""Delimited text logs (.csv, .tsv, .txt): streamed, whatever their size.

Bytes → TextIOWrapper (encoding from `encoding.py`, `newline=''`) → `LineFeed`
(physical lines, NFC, bounded length) → `csv.reader(strict=True)`.  The feed
numbers physical lines itself, so a record's line is right even after rows it
had to drop, and it lets the reader resynchronise after a broken record:

* a physical line longer than `MAX_LINE_CHARS` never reaches csv.reader (which
  would build a list of a billion cells from a line of commas); it is consumed
  in pieces and reported as one `field-too-large` or `too-many-columns` row;
* after a field larger than the limit inside a quoted field that spans lines,
  the rest of that field is skipped, so its lines do not come back as rows.
"""

from __future__ import annotations

import csv
import io
import unicodedata
from collections.abc import Callable, Generator, Iterator
from typing import IO, Any, NamedTuple

from ..entries import Entry
from ..i18n import Msg, msg
from .columns import read_header
from .encoding import SNIFF_BYTES, Undecodable, decode_sample, detect_encoding
from .options import ReadLimits
from .problems import FileFailed, show
from .quotes import QuoteScan, ends_inside
from .rows import Converter

HEADER_SEARCH_ROWS = 20
PROGRESS_ROWS = 4096  # rows between progress reports
MAX_LINE_CHARS = 1 << 20  # longer physical lines are reported, never parsed
DELIMITERS = (",", ";", "\t")

Rows = Generator[tuple[int, list[str]], None, None]
Report = Callable[[int | None, str, Msg, Msg | None], None]
# (rows since the last report, position in the file): the reader's progress callback.
RowProgress = Callable[[int, int], None]
Emit = Callable[[Entry], None]  # where converted entries go (the engine's `add`)


class LongLine(NamedTuple):
    """An over-long physical line: how it leaves quoting, and its delimiter count."""

    ends_inside_from_outside: bool
    ends_inside_from_inside: bool
    delimiters: int


class LineFeed:
    """Physical lines for csv.reader: NFC, counted, bounded, skippable.

    An over-long physical line is consumed here and replaced by a line of
    `field_limit + 1` letters, which makes csv.reader raise its field-size error
    whatever state it is in; `long` then says what the real line was.  (Raising
    from the generator instead would end it for good.)
    """

    def __init__(self, readline: Callable[[int], str], delimiter: str, field_limit: int,
                 limit: int = MAX_LINE_CHARS) -> None:
        self.readline = readline
        self.delimiter = delimiter
        self.limit = limit
        self.lines = 0  # physical lines consumed so far
        self.last = ""  # the last line handed to csv.reader (for resynchronising)
        self.long: LongLine | None = None  # what the last over-long line held
        self._stand_in = "x" * (field_limit + 1)

    def __iter__(self) -> Iterator[str]:
        readline, limit = self.readline, self.limit
        while True:
            line = readline(limit)
            if not line:
                return
            self.lines += 1
            if len(line) == limit and line[-1] not in "\r\n":
                self.long = self._rest_of_line(line)
                self.last = ""
                yield self._stand_in
                continue
            self.last = line
            # No NFC here: names are normalised when a memo misses and free text
            # (title, notes) in the row converter, which is cheaper than every line.
            yield line

    def _rest_of_line(self, piece: str) -> LongLine:
        """Consume an over-long physical line; follow its quoting, count its delimiters."""
        from_outside = QuoteScan(self.delimiter, inside=False)
        from_inside = QuoteScan(self.delimiter, inside=True)
        delimiters = 0
        while True:
            from_outside.feed(piece)
            from_inside.feed(piece)
            delimiters += piece.count(self.delimiter)
            if piece[-1] in "\r\n" or len(piece) < self.limit:
                break
            piece = self.readline(self.limit)
            if not piece:
                break
        return LongLine(from_outside.inside, from_inside.inside, delimiters)

    def skip_quoted(self) -> int:
        """Drop lines up to and including the one that closes an open quoted field.

        Returns how many lines were dropped, for the reader to report: a stray quote
        must never make rows vanish without a word.
        """
        start = self.lines
        while True:
            piece = self.readline(self.limit)
            if not piece:
                break
            self.lines += 1
            if len(piece) == self.limit and piece[-1] not in "\r\n":
                still_inside = self._rest_of_line(piece).ends_inside_from_inside
            else:
                still_inside = ends_inside(piece, self.delimiter, inside=True)
            if not still_inside:
                break
        return self.lines - start


def sniff_delimiter(sample: str) -> str:
    """',' ';' or tab: the one that parses the sample into a header row, else the commonest.

    Trying each candidate on the first rows copes with title rows such as
    "BÁO CÁO KẾT QUẢ, NĂM 2024" above a semicolon-separated header.
    """
    best: tuple[int, int, str] | None = None  # (header row, -columns recognised, delimiter)
    lines = sample.splitlines()[: HEADER_SEARCH_ROWS * 4]
    for delim in DELIMITERS:
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
    counts = {d: _count_outside_quotes(first, d) for d in DELIMITERS}
    delim = max(DELIMITERS, key=lambda d: counts[d])
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
    which a record starts (1-based).  Call `close()` when done.
    """

    def __init__(self, fh: IO[bytes], size: int, limits: ReadLimits, report: Report) -> None:
        self.fh = fh
        self.size = size
        self.limits = limits
        self.report = report
        self.encoding = ""
        self.delimiter = ","
        self.data_rows = 0  # rows after the header, set by entries()
        self._reader: Any = None
        self._feed: LineFeed | None = None
        self._text: io.TextIOWrapper | None = None
        self._rows: Rows | None = None
        self._end = 0  # physical lines consumed up to the end of the last record
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
            raise FileFailed("empty-file", msg("reader.file.empty"))
        self.encoding = detect_encoding(head)
        sample = decode_sample(head, self.encoding)
        self.delimiter = sniff_delimiter(unicodedata.normalize("NFC", sample))
        self.fh.seek(0)
        self._text = io.TextIOWrapper(self.fh, encoding=self.encoding, errors="dxplan-mixed",
                                      newline="")
        self._undecodable = Undecodable.count
        self._feed = LineFeed(self._text.readline, self.delimiter,
                              self.limits.max_field_chars, MAX_LINE_CHARS)
        # csv's field limit is process-wide: set for the reading of this file only,
        # restored by close() (which the reader calls in a `finally`).
        self._old_limit = csv.field_size_limit(self.limits.max_field_chars)
        self._reader = csv.reader(self._feed, delimiter=self.delimiter, strict=True)
        return self._reader

    def rows(self) -> Rows:
        """(line, cells) from the current position; FileFailed if the file is not text."""
        if self._rows is None:
            self._rows = self._iter_rows()
        return self._rows

    def _iter_rows(self) -> Rows:
        reader = self._open()
        feed = self._feed
        assert feed is not None
        while True:
            try:
                for cells in reader:
                    line = self._end + 1
                    self._end = feed.lines
                    yield line, cells
                return
            except csv.Error as exc:
                line = self._end + 1
                if not self._recover(line, exc):
                    return

    def entries(self, convert: Converter, limit: int, progress: RowProgress,
                emit: Emit) -> None:
        """Convert the rows after the header, emitting each Entry; progress every 4096 rows."""
        reader, feed = self._reader, self._feed
        if reader is None or feed is None:
            return
        count = reported = 0
        try:
            while True:
                try:
                    for cells in reader:
                        line = self._end + 1
                        self._end = feed.lines
                        count += 1
                        if count - reported >= PROGRESS_ROWS or count > limit:
                            if count > limit:
                                count -= 1
                                self._too_many_rows(line, limit)
                                return
                            progress(count - reported, self.position())
                            reported = count
                        entry = convert(cells, line)
                        if entry is not None:
                            emit(entry)
                    return
                except csv.Error as exc:
                    count += 1  # the broken record is a row read (and reported)
                    if count > limit:
                        count -= 1
                        self._too_many_rows(self._end + 1, limit)
                        return
                    if not self._recover(self._end + 1, exc):
                        return
        finally:
            self.data_rows = count
            progress(count - reported, self.position())

    def _too_many_rows(self, line: int, limit: int) -> None:
        """Report the row at `line`, the first past the row limit (reading stops there)."""
        self.report(line, "bad-file",
                    msg("reader.too_many_rows", limit=limit, what=msg("reader.noun.file")),
                    msg("reader.hint.split_file"))

    def _recover(self, line: int, exc: csv.Error) -> bool:
        """Report a broken record starting at `line`; skip past it; False to stop."""
        feed = self._feed
        assert feed is not None
        limits = self.limits
        message = str(exc)
        # A record spans lines only inside a quoted field, so: open quote at the start
        # of the last line read, toggled by each quote on it (escaped "" count twice).
        spans = feed.lines > line
        if feed.long is not None:
            long = feed.long
            feed.long = None
            inside = (long.ends_inside_from_inside if spans
                      else long.ends_inside_from_outside)
            if long.delimiters >= limits.max_columns:
                self.report(line, "too-many-columns",
                            msg("reader.row.more_cells", limit=limits.max_columns),
                            msg("reader.hint.stray_delimiters"))
            else:
                self.report(line, "field-too-large",
                            msg("reader.line_too_long", limit=feed.limit),
                            msg("reader.hint.line_too_long", limit=limits.max_field_chars))
        elif "field larger than field limit" in message:
            inside = ends_inside(feed.last, self.delimiter, inside=spans)
            self.report(line, "field-too-large",
                        msg("reader.field_too_long", limit=limits.max_field_chars),
                        msg("reader.hint.shorten_or_quote"))
        elif "unexpected end of data" in message:
            self.report(line, "bad-row", msg("reader.quote.never_closed"),
                        msg("reader.hint.close_quote"))
            return False
        elif "expected after" in message:
            inside = False  # csv.reader stopped right after a closing quote
            self.report(line, "bad-row", msg("reader.quote.text_after"),
                        msg("reader.hint.quote_cell"))
        else:
            inside = False
            self.report(line, "bad-row", msg("reader.row.unreadable", reason=show(message)),
                        None)
        if inside:
            after = feed.lines + 1
            skipped = feed.skip_quoted()
            if skipped:  # never let lines vanish without a word, however the quote came
                self.report(after, "bad-row", swallowed(after, skipped, line),
                            msg("reader.hint.unclosed_quote"))
        self._end = feed.lines
        return True

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
            lost = Undecodable.count - self._undecodable
            if lost:
                self.report(None, "bad-file", msg("reader.file.replaced_bytes", count=lost),
                            msg("reader.hint.save_csv_utf8"))


def swallowed(after: int, skipped: int, opened: int) -> Msg:
    """'line(s) … were read as the rest of a quoted field opened on line …'."""
    if skipped == 1:
        return msg("reader.quote.swallowed_line", line=after, opened=opened)
    return msg("reader.quote.swallowed_lines", first=after, last=after + skipped - 1,
               opened=opened)
