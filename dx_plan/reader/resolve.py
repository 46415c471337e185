"""Cell text → plan ids and values, memoised per spelling.

A year of a province's logs is a million rows but only a few hundred distinct
spellings of units, channels, kinds, quantities and dates, so each resolver keeps
one plain dict from the raw cell text to its result (a value, or the `Fail` that
says why the cell names nothing).  Results are never None or empty, so a row reads
``memo.get(raw) or resolve(raw)``.  Each dict holds at most `MEMO_CAP` spellings,
which bounds a hostile file of distinct misspellings.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from ..catalog import Catalog, Match, Resolver
from ..dates import DateError, day_first_hint, parse_date
from ..entries import ProblemSeverity
from ..i18n import Msg, OneOf, msg
from ..text import nfc
from .problems import Fail, show

MEMO_CAP = 100_000  # distinct spellings remembered per resolver
MAX_QUANTITY = 1_000_000
REQUIRED_HINT = msg("reader.hint.required")
# The nouns messages build in ("unknown {what} …"), by the column they name.
NOUNS: dict[str, Msg] = {what: msg(f"reader.noun.{what}")
                         for what in ("date", "unit", "channel", "kind", "document")}

_WHOLE = re.compile(r"\+?([0-9]+)(?:[.,]0{1,2})?")
_THOUSANDS = re.compile(r"[0-9]{1,3}(?:[.,][0-9]{3})+")
_DECIMAL = re.compile(r"[+-]?[0-9]+(?:[.,][0-9]+)?")
_DOC_SPLIT = re.compile(r"[;,\n]+")
_TASK_PREFIX = re.compile(r"(?:nhiệm vụ|nhiem vu|task|nv|mục|muc)\s*", re.IGNORECASE)
_SECTION = re.compile(r"[IVX]+\.[0-9]+", re.IGNORECASE)
_DECIMAL_COMMA = re.compile(r"[0-9]+,[0-9]+")

V = TypeVar("V")
Docs = tuple[tuple[str, ...], tuple[Fail, ...]]
Task = tuple[str | None, Fail | None]


def remember(memo: dict[str, V], raw: str, value: V) -> V:
    """Store `value` for `raw` while the memo has room; return it."""
    if len(memo) < MEMO_CAP:
        memo[raw] = value
    return value


class CellResolvers:
    """The memoised resolvers of one reader: date, unit, channel, kind, quantity, docs, task."""

    def __init__(self, catalog: Catalog) -> None:
        self.catalog = catalog
        self.dates: dict[str, dt.date | Fail] = {}
        self.units: dict[str, str | Fail] = {}
        self.channels: dict[str, str | Fail] = {}
        self.kinds: dict[str, str | Fail] = {}
        self.quantities: dict[str, int | Fail] = {}
        self.docs: dict[str, Docs] = {}
        self.tasks: dict[str, Task] = {}
        self._channel_ids = [c.id for c in catalog.plan.channels]
        self._kind_ids = [k.id for k in catalog.plan.kinds]

    def date(self, raw: str) -> dt.date | Fail:
        """The date a cell names, or why it names none."""
        text = raw.strip()
        value: dt.date | Fail | None = required(text, "date")
        if value is None:
            try:
                value = parse_date(text)
            except DateError as exc:
                value = Fail("bad-date", "error",
                             msg("reader.bad_date", value=show(text), reason=exc.message),
                             "date", day_first_hint(text))
        return remember(self.dates, raw, value)

    def unit(self, raw: str) -> str | Fail:
        """The unit id a cell names, or why it names none."""
        text = nfc(raw.strip())
        value = required(text, "unit") or named(
            self.catalog.units, text, "unit", "unknown-unit", "error", hint=self._unit_hint,
            ambiguous_code="ambiguous-unit")
        return remember(self.units, raw, value)

    def _unit_hint(self, match: Match[Any]) -> Msg:
        if not match.suggestions:
            return msg("reader.hint.unit_id")
        names = [f"'{uid}' ({self.catalog.units.by_id[uid].name})" for uid in match.suggestions]
        return msg("reader.hint.did_you_mean", names=OneOf(tuple(names)))

    def channel(self, raw: str) -> str | Fail:
        """The channel id a cell names, or why it names none."""
        text = nfc(raw.strip())
        value = required(text, "channel") or named(
            self.catalog.channels, text, "channel", "unknown-channel", "error", self._channel_ids)
        return remember(self.channels, raw, value)

    def kind(self, raw: str) -> str | Fail:
        """The kind id a non-blank cell names; an unknown kind is a warning."""
        value = named(self.catalog.kinds, nfc(raw.strip()), "kind", "unknown-kind", "warning",
                      self._kind_ids)
        return remember(self.kinds, raw, value)

    def quantity(self, raw: str) -> int | Fail:
        """A whole number ≥ 1 (1 when blank), or why the cell is not one."""
        text = raw.strip()
        value: int | Fail
        if not text:
            value = 1
        elif (m := _WHOLE.fullmatch(text)) is not None and 1 <= int(m[1]) <= MAX_QUANTITY:
            value = int(m[1])
        else:
            value = Fail("bad-quantity", "error", quantity_reason(text, m), "quantity")
        return remember(self.quantities, raw, value)

    def documents(self, raw: str) -> Docs:
        """Ids of the documents a cell cites, and warnings for those not in Phụ lục I."""
        ids: list[str] = []
        fails: list[Fail] = []
        for part in _DOC_SPLIT.split(nfc(raw)):
            text = part.strip()
            if not text:
                continue
            found = self._document(text)
            if isinstance(found, Fail):
                fails.append(found)
            elif found not in ids:
                ids.append(found)
        return remember(self.docs, raw, (tuple(ids), tuple(fails)))

    def _document(self, text: str) -> str | Fail:
        match = self.catalog.documents.lookup(text)
        if match.item is not None:
            return str(match.item.id)
        if match.ambiguous:
            return Fail("unknown-doc", "warning",
                        msg("reader.ambiguous", what=NOUNS["document"], text=show(text)),
                        "docs", msg("reader.hint.write_id", ids=OneOf(tuple(match.ambiguous))))
        hint = msg("reader.hint.doc_id")
        if match.suggestions:
            docs = self.catalog.documents.by_id
            names = tuple(f"'{d}' ({docs[d].number})" for d in match.suggestions)
            hint = msg("reader.hint.did_you_mean", names=OneOf(names))
        return Fail("unknown-doc", "warning", msg("reader.unknown_doc", text=show(text)), "docs",
                    hint)

    def task(self, raw: str) -> Task:
        """The Phụ lục II task or plan section a non-blank cell names, or a warning."""
        text = _TASK_PREFIX.sub("", raw.strip(), count=1).replace(" ", "").rstrip(".")
        if _DECIMAL_COMMA.fullmatch(text):
            text = text.replace(",", ".")  # a number typed with a Vietnamese decimal comma
        value: Task
        if _SECTION.fullmatch(text) and text.upper() in self.catalog.sections:
            value = (text.upper(), None)
        elif text.lower() in self.catalog.tasks:
            value = (text.lower(), None)
        elif not text:
            value = (None, None)
        else:
            value = (None, Fail("unknown-task", "warning",
                                msg("reader.unknown_task", text=show(raw.strip())), "task",
                                msg("reader.hint.task_id")))
        return remember(self.tasks, raw, value)


def required(text: str, column: str) -> Fail | None:
    """The missing-value error of a required column left blank, or None."""
    if text:
        return None
    return Fail("missing-value", "error", msg("reader.empty", what=NOUNS[column]), column,
                REQUIRED_HINT)


def named(resolver: Resolver[Any], text: str, what: str, code: str,
          severity: ProblemSeverity,
          ids: Sequence[str] = (), hint: Callable[[Match[Any]], Msg] | None = None,
          ambiguous_code: str | None = None) -> str | Fail:
    """Resolve a unit, channel or kind name: its id, or a problem with "did you mean".

    Without a `hint` function the hint suggests close ids and lists all `ids`.
    """
    match = resolver.lookup(text)
    if match.item is not None:
        return str(match.item.id)
    noun = NOUNS[what]
    if match.ambiguous:
        return Fail(ambiguous_code or code, severity,
                    msg("reader.ambiguous", what=noun, text=show(text)), what,
                    msg("reader.hint.write_id", ids=OneOf(tuple(match.ambiguous))))
    message = msg("reader.unknown_name", what=noun, text=show(text))
    if hint is not None:
        return Fail(code, severity, message, what, hint(match))
    listing = ", ".join(labelled(resolver, i, quote=False) for i in ids)
    if not match.suggestions:
        return Fail(code, severity, message, what, msg("reader.hint.ids", what=noun, ids=listing))
    names = OneOf(tuple(labelled(resolver, s) for s in match.suggestions))
    return Fail(code, severity, message, what,
                msg("reader.hint.guess_ids", names=names, what=noun, ids=listing))


def labelled(resolver: Resolver[Any], ident: str, quote: bool = True) -> str:
    """A code with its Vietnamese name, as people know it: "'leaflet' (tờ gấp)"."""
    item = resolver.by_id.get(ident)
    name = getattr(item, "name", None)
    shown = repr(ident) if quote else ident
    return f"{shown} ({name})" if name and name != ident else shown


def quantity_reason(text: str, whole: re.Match[str] | None) -> Msg:
    """Why a quantity cell is not a whole number from 1 to MAX_QUANTITY."""
    shown = show(text, 40)
    if whole is not None:
        number = int(whole[1])
        if number < 1:
            return msg("reader.quantity.below_one", value=shown)
        return msg("reader.quantity.too_large", number=number, most=MAX_QUANTITY)
    if _THOUSANDS.fullmatch(text):
        return msg("reader.quantity.thousands", value=shown)
    if _DECIMAL.fullmatch(text):
        if text.startswith("-"):
            return msg("reader.quantity.below_one", value=shown)
        return msg("reader.quantity.not_whole", value=shown)
    return msg("reader.quantity.not_number", value=shown)
