"""Waivers: periods a unit is excused from, approved and dated, read from a YAML file.

Real life has exceptions (a district's radio station off the air for repairs, a
department with no screen yet).  A waiver names a unit (or a group), a rule (by id, or
every rule of a task), a range of days, why, who approved it and until when it holds:

    waivers:
      - unit: h-ben-luc
        task: "2.5"
        from: 2024-W10          # a day (04/03/2024) or a period (its first day)
        to: 2024-W11            # a day or a period (its last day)
        reason: Đài truyền thanh huyện sửa chữa
        approved_by: Sở TT&TT, Công văn số 123/STTTT
        expires: 31/12/2024

A period of the rule the waiver holds for (at least half of its days) is *waived*: neither
due nor missed, whatever was delivered in it (the items still count as delivered), so a
waiver never turns a delivered item into a missed one.  A waiver holds only for periods that end
by its `expires` date, and a run judged later says it has expired; one naming no unit,
rule or period rule of the plan is an error of the file.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TypeAlias

from .catalog import Catalog
from .dates import DateError, parse_date
from .errors import InputError
from .i18n import Msg, msg
from .models import ONE_OFF
from .periods import PeriodError, parse_period
from .yamlsafe import LoadedYaml, YamlLimits, YamlLoadError, load_yaml

KEYS = frozenset({"unit", "group", "rule", "task", "from", "to", "reason", "approved_by",
                  "expires"})
MAX_BYTES = 1024 * 1024
_Fail: TypeAlias = Callable[[str, Msg], InputError]  # builds an entry's error for one key


@dataclass(frozen=True, slots=True)
class Waiver:
    """One approved exception: these units, these rules, these days."""

    line: int
    units: frozenset[str]
    rules: frozenset[str]
    start: dt.date
    end: dt.date
    reason: str
    approved_by: str
    expires: dt.date | None
    label: str  # the unit or group and the rule or task, as the file names them

    def covers(self, start: dt.date, end: dt.date) -> bool:
        """Whether the waiver holds for at least half of the days of the period start..end
        (a fortnight's repairs from a Tuesday excuse two weeks, not three), a period that
        ends by its expiry: so a week's verdict never depends on when it is looked at."""
        if self.expires is not None and end > self.expires:
            return False
        first, last = max(start, self.start), min(end, self.end)
        covered = (last - first).days + 1
        return covered > 0 and 2 * covered >= (end - start).days + 1

    def to_dict(self) -> dict[str, object]:
        """The JSON shape of a waiver (`provenance.waivers` and `waivers`)."""
        return {"line": self.line, "applies_to": self.label, "from": self.start.isoformat(),
                "to": self.end.isoformat(), "reason": self.reason,
                "approved_by": self.approved_by,
                "expires": self.expires.isoformat() if self.expires else None}


@dataclass(frozen=True)
class Waivers:
    """The waivers of a file, and the file's name (for provenance)."""

    file: str
    items: tuple[Waiver, ...] = ()

    def expired(self, as_of: dt.date) -> tuple[Waiver, ...]:
        """The waivers whose expiry is before the as-of date (they still hold for the
        periods that ended by then)."""
        return tuple(w for w in self.items if w.expires is not None and w.expires < as_of)


def load_waivers(path: Path, catalog: Catalog) -> Waivers:
    """Read and check a waivers file; InputError naming file, line and key otherwise."""
    doc = _parse(path)
    entries = doc.data.get("waivers") if isinstance(doc.data, dict) else None
    if not isinstance(entries, list):
        raise InputError(msg("waiver.shape", file=str(path)))
    items = [_waiver(path, doc, i, entry, catalog) for i, entry in enumerate(entries)]
    return Waivers(str(path), tuple(items))


def _parse(path: Path) -> LoadedYaml:
    try:
        raw = path.read_bytes()[: MAX_BYTES + 1]
    except OSError as exc:
        raise InputError(msg("waiver.cannot_read", file=str(path),
                             reason=str(exc.strerror or exc))) from None
    if len(raw) > MAX_BYTES:
        raise InputError(msg("waiver.too_large", file=str(path), limit=MAX_BYTES))
    try:
        return load_yaml(raw.decode("utf-8-sig", "replace"), str(path), YamlLimits(max_aliases=0))
    except YamlLoadError as exc:
        first = exc.faults[0]
        raise InputError(msg("waiver.bad_yaml", file=str(path), line=first.line or 1,
                             reason=first.message)) from None


def _waiver(path: Path, doc: LoadedYaml, index: int, entry: object, catalog: Catalog
            ) -> Waiver:
    line = doc.line_of(("waivers", index)) or 1

    def fail(key: str, problem: Msg) -> InputError:
        where = doc.line_of(("waivers", index, key)) or line
        return InputError(msg("waiver.invalid", file=str(path), line=where, key=key,
                              problem=problem))

    if not isinstance(entry, dict):
        raise fail("-", msg("waiver.not_mapping"))
    fields = {str(k): v for k, v in entry.items()}
    unknown = sorted(set(fields) - KEYS)
    if unknown:
        raise fail(unknown[0], msg("waiver.unknown_key", keys=", ".join(sorted(KEYS))))
    for one, other in (("unit", "group"), ("rule", "task")):
        if one in fields and other in fields:
            raise fail(other, msg("waiver.both", one=one, other=other))
    for key in ("reason", "approved_by"):
        if key in fields and not isinstance(fields[key], str | int | float):
            raise fail(key, msg("waiver.text"))
    units, who = _units(fields, catalog, fail)
    rules, what = _rules(fields, catalog, fail)
    if not any(rule in rules for unit in units for rule in _periodic(catalog, unit)):
        raise fail("rule" if "rule" in fields else "task",
                   msg("waiver.no_match", unit=who, rule=what))
    start, end = _day(fields, "from", fail, first=True), _day(fields, "to", fail, first=False)
    if end < start:
        raise fail("to", msg("waiver.end_before_start"))
    for key in ("reason", "approved_by"):
        if not str(fields.get(key) or "").strip():
            raise fail(key, msg("waiver.required", key=key))
    expires = (_day(fields, "expires", fail, first=False)
               if fields.get("expires") is not None else None)
    return Waiver(line, units, rules, start, end, str(fields["reason"]).strip(),
                  str(fields["approved_by"]).strip(), expires, f"{who} · {what}")


def _units(fields: Mapping[str, object], catalog: Catalog, fail: _Fail
           ) -> tuple[frozenset[str], str]:
    """The units of `unit:` (an id or name) or `group:` (a group id)."""
    if "group" in fields:
        group = str(fields["group"]).strip()
        if group not in catalog.groups:
            raise fail("group", msg("waiver.unknown_group", group=group,
                                    groups=", ".join(catalog.groups)))
        return frozenset(catalog.members[group]), group
    text = str(fields.get("unit") or "").strip()
    match = catalog.units.lookup(text)
    if match.item is None:
        raise fail("unit", msg("waiver.unknown_unit", unit=text))
    return frozenset({match.item.id}), match.item.id


def _rules(fields: Mapping[str, object], catalog: Catalog, fail: _Fail
           ) -> tuple[frozenset[str], str]:
    """The rules of `rule:` (an id) or `task:` (every rule of a Phụ lục II row or section)."""
    rules = catalog.plan.rules
    if "rule" in fields:
        rule = str(fields["rule"]).strip()
        if rule not in {r.id for r in rules}:
            raise fail("rule", msg("waiver.unknown_rule", rule=rule))
        return frozenset({rule}), rule
    task = str(fields.get("task") or "").strip()
    ids = frozenset(r.id for r in rules if r.task == task)
    if not ids:
        raise fail("task", msg("waiver.unknown_task", task=task,
                               tasks=", ".join(sorted({r.task for r in rules}))))
    return ids, task


def _periodic(catalog: Catalog, unit: str) -> set[str]:
    """The rules with periods (not a deadline or presence) that judge `unit`."""
    return {r.id for r in catalog.plan.rules if r.type not in ONE_OFF
            and unit in catalog.rule_units(r)}


def _day(fields: Mapping[str, object], key: str, fail: _Fail, first: bool) -> dt.date:
    """A day written day-first, or a period (2024-W10) taken by its first or last day."""
    value = fields.get(key)
    if isinstance(value, dt.datetime):  # YAML reads "2024-03-04 10:00" as a time of day
        return value.date()
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str | None):
        raise fail(key, msg("waiver.not_a_day"))
    text = str(value or "").strip()
    if not text:
        raise fail(key, msg("waiver.required", key=key))
    try:
        window = parse_period(text)
        return window.start if first else window.end
    except PeriodError:
        pass
    try:
        return parse_date(text)
    except DateError as exc:
        raise fail(key, exc.message) from None


def for_rule(waivers: Iterable[Waiver], rule: str, unit: str) -> tuple[Waiver, ...]:
    """The waivers of one rule × unit."""
    return tuple(w for w in waivers if rule in w.rules and unit in w.units)
