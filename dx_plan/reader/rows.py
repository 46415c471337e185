"""One row of cells → one Entry, or the problems that say why it is not counted.

A row goes through the same steps in every format: fit it to the header's width,
resolve the required cells (date, unit, channel, quantity), place it in time
(end date, plan period), check who may report it, drop it if it repeats an item
already seen, then read the optional cells (kind, documents, task, extra columns)
and, for `validate`, its evidence.  Lookups go through the memoised resolvers of
`resolve.py`, so a row costs a few dict hits.

A "blank" row is one whose recognised columns are all empty; it is skipped
silently, so Excel templates with a pre-numbered STT column and no content do
not raise a wall of `missing-value` errors.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

from ..catalog import Catalog
from ..entries import Entry, Problem
from ..i18n import Msg, Span, msg
from ..text import fold, nfc
from .columns import COLUMNS, Layout
from .dedupe import Deduper
from .evidence import EvidenceChecks
from .options import ReadOptions
from .problems import Fail, ProblemLog, show
from .resolve import CellResolvers

Converter = Callable[[list[str], int], Entry | None]
Extra = tuple[tuple[str, str], ...]
STRAY_DELIMITERS = msg("reader.hint.stray_delimiters")
DUPLICATE_HINT = msg("reader.hint.duplicate")


class RowChecker:
    """What every file of one reader shares: resolvers, duplicates, evidence checks."""

    def __init__(self, catalog: Catalog, options: ReadOptions, problems: ProblemLog,
                 deduper: Deduper) -> None:
        self.catalog = catalog
        self.options = options
        self.problems = problems
        self.deduper = deduper
        self.cells = CellResolvers(catalog)
        self.evidence = (EvidenceChecks(catalog, problems, options.require_url)
                         if options.check_evidence else None)

    def converter(self, file: str, file_index: int, layout: Layout,
                  owner: str | None) -> Converter:
        """The function that turns one row of this file and layout into an Entry."""
        return RowConverter(self, file, file_index, layout, owner)

    def owned(self, owner: str | None) -> frozenset[str] | None:
        """The units a submitter may report for: itself and its communes (None: anyone)."""
        if owner is None:
            return None
        return frozenset([owner, *self.catalog.children.get(owner, [])])


class RowConverter:
    """Rows of one file and header layout → Entries (a callable: `convert(cells, line)`)."""

    def __init__(self, checker: RowChecker, file: str, file_index: int, layout: Layout,
                 owner: str | None) -> None:
        self.checker = checker
        self.cells = checker.cells
        self.problems = checker.problems
        self.file = file
        self.file_index = file_index
        self.owner = owner
        self.allowed = checker.owned(owner)
        self.width = layout.width
        # Absent columns point at a blank cell appended after the row's own cells.
        at = {col: layout.index.get(col, layout.width) for col in COLUMNS}
        self.date_at, self.unit_at, self.channel_at = at["date"], at["unit"], at["channel"]
        self.kind_at, self.title_at, self.url_at = at["kind"], at["title"], at["url"]
        self.docs_at, self.task_at, self.quantity_at = at["docs"], at["task"], at["quantity"]
        self.end_at, self.notes_at = at["end_date"], at["notes"]
        self.pad = len(layout.index) < len(COLUMNS)
        self.known = sorted(set(at.values()))
        self.extra_columns = layout.extra
        meta = checker.catalog.plan.plan
        self.start: dt.date = meta.period_start
        self.stop: dt.date = meta.period_end
        self.future = checker.options.future_after or dt.date.max
        self.max_columns = checker.options.limits.max_columns
        self.footer_seen = False  # a total or signature line has been met in this file

    def __call__(self, cells: list[str], line: int) -> Entry | None:
        """The row's Entry, or None after recording why it is not counted."""
        more: Extra = ()
        if len(cells) != self.width:
            fitted = self._fit(cells, line)
            if fitted is None:
                return None
            more = fitted
        if self.pad:
            cells.append("")
        if "dxplan:" in cells[self.notes_at]:
            self.problems.ignore_row(self.file, line, row_ignores(cells[self.notes_at]))
        required = self._required(cells, line)
        if required is None:
            return None
        day, unit, channel, quantity = required
        end = day
        if cells[self.end_at] or not self.start <= day <= self.stop:
            span = self._span(cells, line, day, unit)
            if span is None:
                return None
            day, end = span
        if self.allowed is not None and not self._may_report(line, unit):
            return None
        title = nfc(cells[self.title_at].strip())
        url = cells[self.url_at].strip()
        earlier = self.checker.deduper.earlier(self.file_index, line, unit, channel,
                                               day.toordinal(), url, title)
        if earlier is not None:
            self._duplicate(line, unit, earlier)
            return None
        kind, docs, task = self._optional(cells, line, unit)
        if day > self.future:
            self._warn(line, "future-date",
                       msg("reader.future_date", day=day, as_of=self.future), "date", unit)
        if self.checker.evidence is not None:
            self.checker.evidence.check(self.file, line, unit, channel, task, url, kind)
        extra = self._extra(cells, more) if self.extra_columns else more
        return Entry(self.file, line, day, end, unit, channel, kind, title, url, docs, task,
                     quantity, nfc(cells[self.notes_at].strip()), extra)

    def _fit(self, cells: list[str], line: int) -> Extra | None:
        """Pad a short row, cut a long one (its extra cells kept); None if far too wide."""
        width = self.width
        if len(cells) > self.max_columns:
            self.problems.add(Problem(
                self.file, line, "error", "too-many-columns",
                msg("reader.row.too_many_cells", cells=len(cells), limit=self.max_columns),
                hint=STRAY_DELIMITERS))
            return None
        if len(cells) < width:
            cells.extend([""] * (width - len(cells)))
            return ()
        more = tuple((f"column {width + i + 1}", v.strip())
                     for i, v in enumerate(cells[width:]) if v.strip())
        del cells[width:]
        return more

    def _required(self, cells: list[str], line: int
                  ) -> tuple[dt.date, str, str, int] | None:
        """Date, unit, channel and quantity; None after reporting any that is wrong."""
        memo = self.cells
        raw = cells[self.date_at]
        day = memo.dates.get(raw) or memo.date(raw)
        raw = cells[self.unit_at]
        unit = memo.units.get(raw) or memo.unit(raw)
        raw = cells[self.channel_at]
        channel = memo.channels.get(raw) or memo.channel(raw)
        raw = cells[self.quantity_at]
        quantity = memo.quantities.get(raw) or memo.quantity(raw)
        if (isinstance(day, Fail) or isinstance(unit, Fail) or isinstance(channel, Fail)
                or isinstance(quantity, Fail)):
            self._reject(cells, line, (day, unit, channel, quantity))
            return None
        return day, unit, channel, quantity

    def _reject(self, cells: list[str], line: int, values: tuple[object, ...]) -> None:
        """Report every error of a row (nothing for a blank or template row; one warning
        for a total or signature line under the data)."""
        if not any(cells[p].strip() for p in self.known):
            return
        footer = self._footer(cells)
        if footer is not None:
            self.problems.add(Problem(
                self.file, line, "warning", "footer-row",
                msg("reader.footer_row", text=show(footer, 40)), hint=msg("reader.hint.footer")))
            return
        unit = values[1] if isinstance(values[1], str) else None
        for value in values:
            if isinstance(value, Fail):
                self.problems.add_fail(value, self.file, line, unit)
        raw_end = cells[self.end_at].strip()
        if raw_end:
            end = self.cells.date(raw_end)
            if isinstance(end, Fail):
                self.problems.add_fail(bad_end(end, raw_end), self.file, line, unit)

    def _span(self, cells: list[str], line: int, day: dt.date, unit: str
              ) -> tuple[dt.date, dt.date] | None:
        """(first, last) day counted, inside the plan period; None if the row is not counted."""
        end = day
        raw = cells[self.end_at].strip()
        if raw:
            got = self._end(raw, day, line, unit)
            if got is None:
                return None
            end = got
        if self.start <= day <= self.stop:
            return day, end
        start, stop = self.start, self.stop
        if day < start <= end:
            # A campaign running into the plan period counts from its first day.
            self._warn(line, "outside-period",
                       msg("reader.starts_before_period", span=Span(day, end),
                           counted=Span(start, end)), "date", unit)
            return start, end
        self._warn(line, "outside-period",
                   msg("reader.outside_period", day=day, plan=Span(start, stop)), "date", unit)
        return None

    def _end(self, text: str, day: dt.date, line: int, unit: str) -> dt.date | None:
        """The end date of a ranged activity (clipped to the plan end), or None if bad."""
        end = self.cells.dates.get(text) or self.cells.date(text)
        if isinstance(end, Fail):
            self.problems.add_fail(bad_end(end, text), self.file, line, unit)
            return None
        if end < day:
            self.problems.add(Problem(
                self.file, line, "error", "bad-end-date",
                msg("reader.end_before_start", end=end, day=day), "end_date",
                msg("reader.hint.end_date"), unit))
            return None
        # An activity running past the plan's end counts only inside the plan.
        return min(end, self.stop)

    def _may_report(self, line: int, unit: str) -> bool:
        """False, with an error, when a submitter's file names a unit not its own."""
        if self.allowed is None or unit in self.allowed:
            return True
        self.problems.add(Problem(
            self.file, line, "error", "foreign-unit",
            msg("reader.foreign_unit", unit=unit, owner=str(self.owner)), "unit",
            msg("reader.hint.foreign_unit", unit=unit), unit))
        return False

    def _duplicate(self, line: int, unit: str, earlier: tuple[str, int]) -> None:
        where, first_line = earlier
        self.problems.add(Problem(
            self.file, line, "warning", "duplicate",
            msg("reader.duplicate", line=first_line, file=where), hint=DUPLICATE_HINT, unit=unit))

    def _optional(self, cells: list[str], line: int, unit: str
                  ) -> tuple[str | None, tuple[str, ...], str | None]:
        """Kind, cited documents and task; unknown ones are warnings and left out."""
        memo = self.cells
        kind = task = None
        docs: tuple[str, ...] = ()
        raw = cells[self.kind_at]
        if raw and not raw.isspace():
            found = memo.kinds.get(raw) or memo.kind(raw)
            if isinstance(found, Fail):
                self.problems.add_fail(found, self.file, line, unit)
            else:
                kind = found
        raw = cells[self.docs_at]
        if raw:
            docs, fails = memo.docs.get(raw) or memo.documents(raw)
            for fail in fails:
                self.problems.add_fail(fail, self.file, line, unit)
        raw = cells[self.task_at]
        if raw:
            task, task_fail = memo.tasks.get(raw) or memo.task(raw)
            if task_fail is not None:
                self.problems.add_fail(task_fail, self.file, line, unit)
        return kind, docs, task

    def _extra(self, cells: list[str], more: Extra) -> Extra:
        """Non-blank cells of unknown columns, as (header, text), then cells past the header."""
        found = tuple((name, value) for at, name in self.extra_columns
                      if (value := cells[at].strip()))
        return (*found, *more) if more else found

    def _footer(self, cells: list[str]) -> str | None:
        """The text of a row that is a total or a signature (Excel habits), else None.

        Its first text begins with the whole words "Tổng cộng", "Người lập biểu"… (never
        "Công an…" or "Cộng đồng số…"); or, once such a line was seen, it has one text and
        no date, unit or channel (the signer's name under "Người lập biểu").
        """
        texts = [c.strip() for c in cells if c.strip()]
        if not texts:
            return None
        first = nfc(texts[0]).casefold()
        if (_starts_with_word(fold(texts[0]), FOOTER_PHRASES) or first in FOOTER_EXACT
                or first.startswith(FOOTER_TITLES)):
            self.footer_seen = True
            return texts[0]
        blank = not any(cells[p].strip() for p in (self.date_at, self.unit_at, self.channel_at))
        return texts[0] if self.footer_seen and blank and len(texts) == 1 else None

    def _warn(self, line: int, code: str, message: Msg, column: str, unit: str) -> None:
        self.problems.add(Problem(self.file, line, "warning", code, message, column, unit=unit))


# How total and signature lines under a table begin: phrases compared folded (typed with
# or without tones), short words only as written ("Cộng", never "Công an…").
FOOTER_PHRASES = tuple(fold(w) for w in (
    "tổng cộng", "tổng số", "người lập biểu", "người lập", "người tổng hợp",
    "thủ trưởng đơn vị", "thủ trưởng cơ quan", "lãnh đạo đơn vị", "xác nhận của", "ký tên"))
FOOTER_EXACT = ("cộng", "cộng:")  # the total line's label alone ("Cộng đồng số" is a title)
FOOTER_TITLES = ("kt. ", "tm. ")  # "KT. CHỦ TỊCH", "TM. ỦY BAN NHÂN DÂN"


def _starts_with_word(text: str, words: tuple[str, ...]) -> bool:
    """Whether `text` is one of `words`, or begins with one followed by a space or colon."""
    return any(text == w or text.startswith((w + " ", w + ":")) for w in words)


def bad_end(fail: Fail, raw: str) -> Fail:
    """The bad-end-date problem for an end-date cell that names no date (the reason is the
    one `fail`, the bad-date problem of the same text, gives)."""
    reason = dict(fail.message.params).get("reason", fail.message)
    return Fail("bad-end-date", "error", msg("reader.bad_end_date", value=show(raw), reason=reason),
                "end_date", fail.hint)


_IGNORE = re.compile(r"dxplan:\s*ignore\s*=\s*([a-z][a-z,\s-]*)", re.IGNORECASE)


def row_ignores(notes: str) -> frozenset[str]:
    """The problem codes a row's notes ask to ignore: 'dxplan: ignore=duplicate,footer-row'."""
    found = _IGNORE.search(notes)
    if found is None:
        return frozenset()
    return frozenset(c.strip().lower() for c in found[1].split(",") if c.strip())
