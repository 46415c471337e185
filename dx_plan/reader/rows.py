"""One row of cells → one Entry, or problems saying why not.  The reader's hot path.

A year of a province's logs is a million rows but only a few hundred distinct
spellings of units, channels, kinds and dates, so every lookup is memoised per
raw cell text (a dict hit is ~50 ns; a fold + resolve is tens of µs).  The
per-file `convert` closure binds everything it touches to local names, and the
rare cases (errors, end dates, extra columns, evidence checks) live off the
straight path.

A "blank" row is one whose recognised columns are all empty; it is skipped
silently, so Excel templates with a pre-numbered STT column and no content do
not raise a wall of `missing-value` errors.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Callable, Sequence
from typing import Any, Final
from urllib.parse import urlsplit

from ..accel import speedups
from ..catalog import Catalog, Match, Resolver
from ..dates import day_first_hint, parse_date
from ..entries import Entry, Problem, ProblemSeverity
from ..text import nfc
from .columns import COLUMNS, Layout
from .dedupe import Deduper, title_key
from .options import ReadOptions
from .problems import Fail, ProblemLog, show

MEMO_CAP = 100_000  # distinct spellings remembered per memo (bounds hostile input)
HOSTS_CAP = 4096  # (host, unit, channel) verdicts remembered by validate
MAX_QUANTITY = 1_000_000
# Coverage of a unit's work by the provincial newspaper or broadcaster is fine
# evidence for it on these channels.
PRESS_CHANNELS = frozenset({"newspaper", "tv", "fm-radio"})
PRESS_UNITS = ("bao-long-an", "dai-ptth-long-an")
# Posts on Facebook, Zalo … live on the platform's domain, never on the unit's.
PLATFORM_CHANNELS = frozenset({"social", "zalo"})
REQUIRED_HINT = "every row needs a date, a unit and a channel"

_WHOLE = re.compile(r"\+?([0-9]+)(?:[.,]0{1,2})?")
_THOUSANDS = re.compile(r"[0-9]{1,3}(?:[.,][0-9]{3})+")
_DECIMAL = re.compile(r"[+-]?[0-9]+(?:[.,][0-9]+)?")
_DOC_SPLIT = re.compile(r"[;,\n]+")
_TASK_PREFIX = re.compile(r"(?:nhiệm vụ|nhiem vu|task|nv|mục|muc)\s*", re.IGNORECASE)
_SECTION = re.compile(r"[IVX]+\.[0-9]+", re.IGNORECASE)

Converter = Callable[[list[str], int], Entry | None]


_MISS: Final = object()
_NONE: Final[dict[Any, Any]] = {}  # an empty table for chained .get() (never written)


def _remember(memo: dict[str, Any], key: str, value: Any) -> Any:
    if len(memo) < MEMO_CAP:
        memo[key] = value
    return value


def _alternatives(words: Sequence[str], last: str = "or") -> str:
    return words[0] if len(words) == 1 else f"{', '.join(words[:-1])} {last} {words[-1]}"


def _named(resolver: Resolver[Any], text: str, what: str, code: str,
           severity: ProblemSeverity, ids: Sequence[str] = (),
           hint: Callable[[Match[Any]], str] | None = None,
           ambiguous_code: str | None = None) -> str | Fail:
    """Resolve a unit, channel or kind cell: its id, or a problem with "did you mean".

    Without a `hint` function the hint suggests close ids and lists all `ids`.
    """
    match = resolver.lookup(text)
    if match.item is not None:
        return str(match.item.id)
    if match.ambiguous:
        return Fail(ambiguous_code or code, severity, f"{what} '{show(text)}' fits several {what}s",
                    what, f"write the id: {_alternatives(match.ambiguous)}")
    if hint is not None:
        return Fail(code, severity, f"unknown {what} '{show(text)}'", what, hint(match))
    guess = ""
    if match.suggestions:
        guess = f"did you mean {_alternatives([repr(s) for s in match.suggestions])}? "
    return Fail(code, severity, f"unknown {what} '{show(text)}'", what,
                f"{guess}{what}s: {', '.join(ids)}")


_ODD_HOST = re.compile(r"[\[\]@\\ %]")  # hosts urlsplit must judge (IPv6, user info, …)


def split_url(url: str) -> tuple[str, str]:
    """(scheme, host) of a URL, lower-cased; ("", "") when it cannot be parsed.

    Plain http(s) addresses, nearly every row, are split by `plain_host` with string
    methods; anything unusual (IPv6, user info, backslashes, spaces) goes to urlsplit.
    """
    host = plain_host(url)
    if host is not None:
        return ("https" if url[4] in "sS" else "http"), host
    try:
        parts = urlsplit(url)
        return parts.scheme.lower(), (parts.hostname or "").rstrip(".")
    except ValueError:
        return "", ""


def plain_host(url: str) -> str | None:
    """The host of a plain http(s) URL, lower-cased, without port or trailing dot.

    None for any other URL, and when the host comes out empty: such a URL is a
    `bad-url`, whose message quotes the whole URL, so it cannot be judged by its
    host alone.  `_speedups.c` has the twin (ASCII hosts only; others come back here).
    """
    head = url[:8].lower()
    if head.startswith("https://"):
        rest = url[8:]
    elif head.startswith("http://"):
        rest = url[7:]
    else:
        return None
    host = rest.split("/", 1)[0].split("?", 1)[0].split("#", 1)[0]
    if not host or not host.isprintable() or _ODD_HOST.search(host):
        return None
    return host.partition(":")[0].lower().rstrip(".") or None


class RowChecker:
    """Memo tables and checks shared by all files of one reader."""

    def __init__(self, catalog: Catalog, options: ReadOptions, problems: ProblemLog,
                 deduper: Deduper) -> None:
        self.catalog = catalog
        self.options = options
        self.problems = problems
        self.deduper = deduper
        meta = catalog.plan.plan
        self.start: dt.date = meta.period_start
        self.stop: dt.date = meta.period_end
        self.dates: dict[str, dt.date | Fail] = {}
        self.units: dict[str, str | Fail] = {}
        self.channels: dict[str, str | Fail] = {}
        self.kinds: dict[str, str | Fail | None] = {}
        self.quantities: dict[str, int | Fail] = {}
        self.docs: dict[str, tuple[tuple[str, ...], tuple[Fail, ...]]] = {}
        self.tasks: dict[str, tuple[str | None, Fail | None]] = {}
        # validate's memoised verdicts (None: no problem); the C row loop reads them too
        # two-level tables (task → unit, task → channel, host → unit → channel) rather
        # than tuple keys: no tuple per lookup, and memoised ids compare by identity
        self.lead_fits: dict[str, dict[str, Fail | None]] = {}
        self.channel_fits: dict[str, dict[str, Fail | None]] = {}
        self.host_fits: dict[str, dict[str, dict[str, Fail | None]]] = {}
        self.missing_urls: dict[str, Fail] = {
            c.id: Fail("missing-url", "error",
                       f"no URL for an item on '{c.id}', an online channel", "url",
                       "add the link to the published item")
            for c in catalog.plan.channels if c.online}
        self._task_info: dict[str, tuple[frozenset[str], frozenset[str]]] = {}
        self._domains: dict[tuple[str, str], tuple[str, ...] | None] = {}

    # ------------------------------------------------------------ resolvers

    def date(self, raw: str) -> dt.date | Fail:
        """The date a cell names (memoised), or why it names none."""
        text = raw.strip()
        value: dt.date | Fail
        if not text:
            value = Fail("missing-value", "error", "date is empty", "date", REQUIRED_HINT)
        else:
            try:
                value = parse_date(text)
            except ValueError as exc:
                value = Fail("bad-date", "error", f"cannot read date '{show(text)}': {exc}",
                             "date", day_first_hint(text))
        return _remember(self.dates, raw, value)  # type: ignore[no-any-return]

    def unit(self, raw: str) -> str | Fail:
        """The unit id a cell names (memoised), or why it names none."""
        text = nfc(raw.strip())
        value: str | Fail
        if not text:
            value = Fail("missing-value", "error", "unit is empty", "unit", REQUIRED_HINT)
        else:
            value = _named(self.catalog.units, text, "unit", "unknown-unit", "error",
                           hint=self._unit_hint, ambiguous_code="ambiguous-unit")
        return _remember(self.units, raw, value)  # type: ignore[no-any-return]

    def _unit_hint(self, match: Match[Any]) -> str:
        if not match.suggestions:
            return "write a unit id (e.g. h-ben-luc) or the unit's name as the plan gives it"
        names = [f"'{uid}' ({self.catalog.units.by_id[uid].name})" for uid in match.suggestions]
        return f"did you mean {_alternatives(names)}?"

    def channel(self, raw: str) -> str | Fail:
        """The channel id a cell names (memoised), or why it names none."""
        text = nfc(raw.strip())
        value: str | Fail
        if not text:
            value = Fail("missing-value", "error", "channel is empty", "channel", REQUIRED_HINT)
        else:
            value = _named(self.catalog.channels, text, "channel", "unknown-channel", "error",
                           [c.id for c in self.catalog.plan.channels])
        return _remember(self.channels, raw, value)  # type: ignore[no-any-return]

    def kind(self, raw: str) -> str | Fail | None:
        """The kind id a cell names (None when blank); an unknown kind is a warning."""
        text = nfc(raw.strip())
        value: str | Fail | None = None
        if text:
            value = _named(self.catalog.kinds, text, "kind", "unknown-kind", "warning",
                           [k.id for k in self.catalog.plan.kinds])
        return _remember(self.kinds, raw, value)  # type: ignore[no-any-return]

    def quantity(self, raw: str) -> int | Fail:
        """A whole number ≥ 1 (1 when blank), or why the cell is not one."""
        text = raw.strip()
        value: int | Fail
        if not text:
            value = 1
        elif (m := _WHOLE.fullmatch(text)) is not None and 1 <= int(m[1]) <= MAX_QUANTITY:
            value = int(m[1])
        else:
            value = Fail("bad-quantity", "error", self._quantity_reason(text, m), "quantity")
        return _remember(self.quantities, raw, value)  # type: ignore[no-any-return]

    @staticmethod
    def _quantity_reason(text: str, whole: re.Match[str] | None) -> str:
        shown = show(text, 40)
        if whole is not None:
            number = int(whole[1])
            if number < 1:
                return f"quantity must be at least 1, not {shown}"
            return f"quantity {number} is more than {MAX_QUANTITY}; check it"
        if _THOUSANDS.fullmatch(text):
            return f"quantity '{shown}' has a thousands separator; write digits only"
        if _DECIMAL.fullmatch(text):
            if text.startswith("-"):
                return f"quantity must be at least 1, not {shown}"
            return f"quantity '{shown}' is not a whole number"
        return f"quantity '{shown}' is not a number"

    def documents(self, raw: str) -> tuple[tuple[str, ...], tuple[Fail, ...]]:
        """Ids of the documents a cell cites, and warnings for those not in Phụ lục I."""
        ids: list[str] = []
        fails: list[Fail] = []
        for part in _DOC_SPLIT.split(nfc(raw)):
            text = part.strip()
            if not text:
                continue
            match = self.catalog.documents.lookup(text)
            if match.item is not None:
                if match.item.id not in ids:
                    ids.append(match.item.id)
            elif match.ambiguous:
                fails.append(Fail("unknown-doc", "warning",
                                  f"document '{show(text)}' fits several documents", "docs",
                                  f"write the id: {_alternatives(match.ambiguous)}"))
            else:
                hint = "write a document id or number from Phụ lục I, e.g. 749/QĐ-TTg"
                if match.suggestions:
                    docs = self.catalog.documents.by_id
                    names = [f"'{d}' ({docs[d].number})" for d in match.suggestions]
                    hint = f"did you mean {_alternatives(names)}?"
                fails.append(Fail("unknown-doc", "warning", f"unknown document '{show(text)}'",
                                  "docs", hint))
        value = (tuple(ids), tuple(fails))
        return _remember(self.docs, raw, value)  # type: ignore[no-any-return]

    def task(self, raw: str) -> tuple[str | None, Fail | None]:
        """The Phụ lục II task or plan section a cell names, or a warning."""
        text = _TASK_PREFIX.sub("", raw.strip(), count=1).replace(" ", "").rstrip(".")
        if re.fullmatch(r"[0-9]+,[0-9]+", text):
            text = text.replace(",", ".")  # a number typed with a Vietnamese decimal comma
        value: tuple[str | None, Fail | None]
        if _SECTION.fullmatch(text) and text.upper() in self.catalog.sections:
            value = (text.upper(), None)
        elif text.lower() in self.catalog.tasks:
            value = (text.lower(), None)
        elif not text:
            value = (None, None)
        else:
            value = (None, Fail("unknown-task", "warning", f"unknown task '{show(raw.strip())}'",
                                "task", "write a row number of Phụ lục II (e.g. 2.2, 3.2b) "
                                "or a plan section (e.g. IV.1)"))
        return _remember(self.tasks, raw, value)  # type: ignore[no-any-return]

    # ------------------------------------------------------------ the row

    def converter(self, file: str, file_index: int, layout: Layout,
                  owner: str | None) -> Converter:
        """A function turning one row of this layout into an Entry (or None, with problems)."""
        width = layout.width
        positions = {col: layout.index.get(col, width) for col in COLUMNS}
        known = tuple(sorted(set(positions.values())))
        di, ui, ci = positions["date"], positions["unit"], positions["channel"]
        ki, ti, ri = positions["kind"], positions["title"], positions["url"]
        oi, ai, qi = positions["docs"], positions["task"], positions["quantity"]
        ei, ni = positions["end_date"], positions["notes"]
        needs_slot = len(layout.index) < len(COLUMNS)  # some column reads the padding cell
        extra_cols = layout.extra
        max_columns = self.options.limits.max_columns
        start, stop = self.start, self.stop
        # date.max when unset: one comparison per row instead of two.
        future = self.options.future_after or dt.date.max
        one_extra, one_name = extra_cols[0] if len(extra_cols) == 1 else (None, "")
        allowed = self._owned(owner)
        evidence = self._evidence if self.options.check_evidence else None
        first_seen = self.deduper.first.setdefault
        base = file_index << 32
        log = self.problems
        add = log.add
        add_fail = log.add_fail
        # Typed Any on purpose: the values are narrowed by `__class__ is fail_cls`
        # tests, which mypy cannot follow and isinstance() would slow down.
        dates: dict[str, Any] = self.dates
        units: dict[str, Any] = self.units
        channels: dict[str, Any] = self.channels
        kinds: dict[str, Any] = self.kinds
        quantities: dict[str, Any] = self.quantities
        docs_memo: dict[str, Any] = self.docs
        tasks: dict[str, Any] = self.tasks
        resolve_date: Callable[[str], Any] = self.date
        resolve_unit: Callable[[str], Any] = self.unit
        resolve_channel: Callable[[str], Any] = self.channel
        resolve_kind: Callable[[str], Any] = self.kind
        resolve_quantity: Callable[[str], Any] = self.quantity
        resolve_docs: Callable[[str], Any] = self.documents
        resolve_task: Callable[[str], Any] = self.task
        fail_cls, miss = Fail, _MISS

        def reject(cells: list[str], line: int, values: tuple[Any, ...]) -> None:
            """Report every error of a row (nothing for a blank or template row)."""
            if not any(cells[p].strip() for p in known):
                return  # a blank or template row
            for value in values:
                if value.__class__ is fail_cls:
                    add_fail(value, file, line)
            raw_end = cells[ei].strip()
            if raw_end:
                end = resolve_date(raw_end)
                if isinstance(end, Fail):
                    add_fail(self._bad_end(end, raw_end), file, line)

        def convert(cells: list[str], line: int) -> Entry | None:
            """The row's Entry, or None after recording why it is not counted."""
            log.current_unit = None
            n = len(cells)
            more: tuple[tuple[str, str], ...] = ()
            if n != width:
                if n > max_columns:
                    add(Problem(file, line, "error", "too-many-columns",
                                f"the row has {n} cells; the limit is {max_columns}",
                                hint="remove stray delimiters or empty columns"))
                    return None
                if n < width:
                    cells.extend([""] * (width - n))
                else:
                    more = tuple((f"column {width + i + 1}", v.strip())
                                 for i, v in enumerate(cells[width:]) if v.strip())
                    del cells[width:]
            if needs_slot:
                cells.append("")
            day = dates.get(cells[di]) or resolve_date(cells[di])
            unit = units.get(cells[ui]) or resolve_unit(cells[ui])
            channel = channels.get(cells[ci]) or resolve_channel(cells[ci])
            quantity = quantities.get(cells[qi]) or resolve_quantity(cells[qi])
            if unit.__class__ is not fail_cls:
                log.current_unit = unit
            if (day.__class__ is fail_cls or unit.__class__ is fail_cls
                    or channel.__class__ is fail_cls or quantity.__class__ is fail_cls):
                reject(cells, line, (day, unit, channel, quantity))
                return None
            end = day
            raw = cells[ei]
            if raw:
                got = self._end(raw, day, file, line)
                if got is None:
                    return None
                end = got
            if not start <= day <= stop:
                if day < start <= end:
                    # A campaign running into the plan period counts from its first day.
                    add(Problem(file, line, "warning", "outside-period",
                                f"the activity {day.isoformat()}..{end.isoformat()} starts "
                                f"before the plan period; only {start.isoformat()}.."
                                f"{end.isoformat()} is counted", "date"))
                    day = start
                else:
                    add(Problem(file, line, "warning", "outside-period",
                                f"date {day.isoformat()} is outside the plan period "
                                f"{start.isoformat()}..{stop.isoformat()}; not counted", "date"))
                    return None
            if allowed is not None and unit not in allowed:
                add(Problem(file, line, "error", "foreign-unit",
                            f"the row names unit '{unit}' but the file is from '{owner}'", "unit",
                            f"a unit reports its own work (and its communes'); "
                            f"move the row to {unit}'s file"))
                return None
            title = nfc(cells[ti].strip())
            url = cells[ri].strip()
            key = None
            if url:
                key = hash((unit, channel, day, url))
            elif title:
                folded = title_key(title)
                if folded:
                    key = hash((unit, channel, day, folded))
            if key is not None:
                here = base | line
                first = first_seen(key, here)
                if first != here:
                    where, first_line = self.deduper.where(first)
                    add(Problem(file, line, "warning", "duplicate",
                                f"same item as line {first_line} of {where}",
                                hint="an item with the same unit, channel, date and URL "
                                "(or title) is counted once"))
                    return None
            raw = cells[ki]
            kind = kinds.get(raw, miss)
            if kind is miss:
                kind = resolve_kind(raw)
            if kind.__class__ is fail_cls:
                add_fail(kind, file, line)
                kind = None
            raw = cells[oi]
            docs: tuple[str, ...] = ()
            if raw:
                docs, doc_fails = docs_memo.get(raw) or resolve_docs(raw)
                for fail in doc_fails:
                    add_fail(fail, file, line)
            raw = cells[ai]
            task = None
            if raw:
                task, task_fail = tasks.get(raw) or resolve_task(raw)
                if task_fail is not None:
                    add_fail(task_fail, file, line)
            extra = more
            if one_extra is not None:  # the usual case: an STT column
                v = cells[one_extra].strip()
                if v:
                    extra = ((one_name, v), *more)
            elif extra_cols:
                found = None
                for p, h in extra_cols:  # a plain loop: a comprehension costs a frame in 3.11
                    v = cells[p].strip()
                    if v:
                        if found is None:
                            found = [(h, v)]
                        else:
                            found.append((h, v))
                if found is not None:
                    extra = (*found, *more)
            if day > future:
                add(Problem(file, line, "warning", "future-date",
                            f"date {day.isoformat()} is after the as-of date "
                            f"{future.isoformat()}", "date"))
            if evidence is not None:
                evidence(file, line, unit, channel, task, url)
            notes = nfc(cells[ni].strip())
            return Entry(file, line, day, end, unit, channel, kind, title, url, docs, task,
                         quantity, notes, extra)

        return convert

    def fast(self, file: str, file_index: int, layout: Layout, owner: str | None) -> Any:
        """The C row loop for this layout (`_speedups.Rows`), or None without the accelerator.

        It takes the rows `converter` would take without reporting anything, from
        the same memo tables and duplicate table, and hands every other row back
        to that converter; see reader/delimited.py `TextSource.entries`.
        """
        accel = speedups()
        if accel is None or not isinstance(self.deduper.first, accel.HashTable):
            return None
        width = layout.width
        future = self.options.future_after or dt.date.max
        return accel.Rows(
            file=file, width=width,
            # COLUMNS order, which the column enum of _speedups.c follows
            positions=tuple(layout.index.get(col, width) for col in COLUMNS),
            extra=tuple(layout.extra), start=self.start.toordinal(),
            stop=self.stop.toordinal(), future=future.toordinal(),
            allowed=self._owned(owner),
            evidence=self._evidence_tables() if self.options.check_evidence else None,
            log=self.problems, dates=self.dates, units=self.units, channels=self.channels,
            quantities=self.quantities, kinds=self.kinds, docs=self.docs, tasks=self.tasks,
            fail_cls=Fail, table=self.deduper.first, base=file_index << 32,
            title_key=title_key, is_normalized=unicodedata.is_normalized,
            normalize=unicodedata.normalize, entry_cls=Entry)

    def _evidence_tables(self) -> tuple[Any, ...]:
        """What the C row loop needs to make `_evidence`'s checks (same tables, same order)."""
        log = self.problems
        return (self.lead_fits, self.channel_fits, self.host_fits,
                self.missing_urls if self.options.require_url else None,
                self.fit_miss, self.host_miss, self._check_url, log.add_fail,
                log.problems, log.counts, -1 if log.keep is None else log.keep)

    def _bad_end(self, fail: Fail, raw: str) -> Fail:
        reason = fail.message.split(": ", 1)[-1]
        return Fail("bad-end-date", "error", f"cannot read end_date '{show(raw)}': {reason}",
                    "end_date", fail.hint)

    def _end(self, raw: str, day: dt.date, file: str, line: int) -> dt.date | None:
        """The end date of a ranged activity (clipped to the plan end), or None if bad."""
        text = raw.strip()
        if not text:
            return day
        end = self.dates.get(text) or self.date(text)
        if isinstance(end, Fail):
            self.problems.add_fail(self._bad_end(end, text), file, line)
            return None
        if end < day:
            self.problems.add(Problem(
                file, line, "error", "bad-end-date",
                f"end_date {end.isoformat()} is before date {day.isoformat()}", "end_date",
                "end_date is the last day of an activity that lasts several days"))
            return None
        # An activity running past the plan's end counts only inside the plan.
        return min(end, self.stop)

    def _owned(self, owner: str | None) -> frozenset[str] | None:
        if owner is None:
            return None
        return frozenset([owner, *self.catalog.children.get(owner, [])])

    # ------------------------------------------------------------ evidence (validate)

    def _evidence(self, file: str, line: int, unit: str, channel: str, task: str | None,
                  url: str) -> None:
        """Validate's checks of a counted row: task fit, URL scheme and domain, URL presence.

        Every verdict is memoised on what it depends on, (task, unit), (task, channel)
        and (host, unit, channel), in tables the C row loop reads too.
        """
        add_fail = self.problems.add_fail
        if task is not None:
            lead = self.lead_fits.get(task, _NONE).get(unit, _MISS)
            wanted = self.channel_fits.get(task, _NONE).get(channel, _MISS)
            if lead is _MISS or wanted is _MISS:
                self.fit_miss(task, unit, channel)
                lead = self.lead_fits[task][unit]
                wanted = self.channel_fits[task][channel]
            if lead is not None:
                add_fail(lead, file, line)
            if wanted is not None:
                add_fail(wanted, file, line)
        if url:
            host = plain_host(url)
            if host is None:
                self._check_url(file, line, unit, channel, url)
                return
            verdict = self.host_fits.get(host, _NONE).get(unit, _NONE).get(channel, _MISS)
            if verdict is _MISS:
                verdict = self.host_miss(host, unit, channel)
            if verdict is not None:
                add_fail(verdict, file, line)
        elif self.options.require_url:
            fail = self.missing_urls.get(channel)
            if fail is not None:
                add_fail(fail, file, line)

    def fit_miss(self, task: str, unit: str, channel: str) -> None:
        """Fill `lead_fits[(task, unit)]` and `channel_fits[(task, channel)]`."""
        info = self._task_info.get(task)
        if info is None:
            # Per task, once: expanding groups and scanning rules is too slow per row.
            row = self.catalog.tasks.get(task)
            leads = frozenset(self.catalog.expand(row.lead)) if row is not None else frozenset()
            wanted = frozenset(c for rule in self.catalog.plan.rules if rule.task == task
                               for c in rule.channels)
            info = self._task_info[task] = (leads, wanted)
        leads, wanted = info
        lead_fail = channel_fail = None
        if leads:
            parent = self.catalog.units.by_id[unit].parent
            if unit not in leads and parent not in leads:
                lead = self.catalog.tasks[task].lead
                lead_fail = Fail("task-mismatch", "warning",
                                 f"task {task} is led by {', '.join(lead)}, not {unit}", "task")
        if wanted and channel not in wanted:
            channel_fail = Fail("task-mismatch", "warning",
                                f"task {task} counts items on {', '.join(sorted(wanted))}, "
                                f"not {channel}", "task")
        # Both keys are plan ids (tasks × units, tasks × channels): bounded by the plan.
        self.lead_fits.setdefault(task, {})[unit] = lead_fail
        self.channel_fits.setdefault(task, {})[channel] = channel_fail

    def host_miss(self, host: str, unit: str, channel: str) -> Fail | None:
        """The foreign-domain warning for a URL host of this unit and channel, or None."""
        key = (unit, channel)
        if key not in self._domains:
            self._domains[key] = self._known_domains(unit, channel)
        domains = self._domains[key]
        verdict = None
        if domains is not None and not any(host == d or host.endswith("." + d)
                                           for d in domains):
            verdict = Fail("foreign-domain", "warning",
                           f"URL host '{show(host)}' is not a known domain of {unit}", "url",
                           f"known domains: {', '.join(domains)}")
        # Hosts are the user's text: at most HOSTS_CAP of them (real logs have a few
        # dozen); units and channels under each are plan ids.
        if host in self.host_fits or len(self.host_fits) < HOSTS_CAP:
            self.host_fits.setdefault(host, {}).setdefault(unit, {})[channel] = verdict
        return verdict

    def _check_url(self, file: str, line: int, unit: str, channel: str, url: str) -> None:
        """The general URL check (what `plain_host` leaves: other schemes, IPv6, oddities)."""
        scheme, host = split_url(url)
        if scheme not in ("http", "https") or not host:
            self.problems.add(Problem(
                file, line, "warning", "bad-url", f"URL '{show(url)}' is not an http(s) address",
                "url", "give the full address of the published item, starting with https://"))
            return
        verdict = self.host_fits.get(host, _NONE).get(unit, _NONE).get(channel, _MISS)
        if verdict is _MISS:
            verdict = self.host_miss(host, unit, channel)
        if verdict is not None:
            self.problems.add_fail(verdict, file, line)

    def _known_domains(self, unit: str, channel: str) -> tuple[str, ...] | None:
        """Domains a URL of this unit on this channel may be on; None: cannot tell."""
        if channel in PLATFORM_CHANNELS:
            return None
        by_id = self.catalog.units.by_id
        item = by_id[unit]
        domains = list(item.domains)
        if item.parent and item.parent in by_id:
            domains += by_id[item.parent].domains  # a commune may publish on its district's site
        if not domains:
            return None
        if channel in PRESS_CHANNELS:
            for press in PRESS_UNITS:
                if press in by_id:
                    domains += by_id[press].domains
        return tuple(dict.fromkeys(d.lower() for d in domains))
