"""Lookups over a loaded plan: members of groups, and names → ids.

People write "UBND huyện Bến Lức", "H. Bến Lức", "Ben Luc" or paste NFD text from a
PDF; all of them must find `h-ben-luc`.  Names are folded (see `text.fold`); a
name that several objects share is reported as ambiguous rather than guessed.
"""

from __future__ import annotations

import copy
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import Generic, Protocol, TypeVar

from .models import Channel, Document, Kind, Plan, Rule, Unit
from .provenance import PlanSource
from .text import fold, suggest


class _Named(Protocol):
    @property
    def id(self) -> str: ...

    @property
    def aliases(self) -> list[str]: ...


T = TypeVar("T", bound=_Named)


@dataclass(frozen=True)
class Match(Generic[T]):
    """Result of a lookup: the object, or why there is none."""

    item: T | None
    ambiguous: tuple[str, ...] = ()
    suggestions: tuple[str, ...] = ()


SUGGESTIONS = 50  # unknown spellings per resolver and run that get "did you mean"


class Resolver(Generic[T]):
    """Find objects by id, name or alias, ignoring case, accents and punctuation."""

    def __init__(self, items: Sequence[T], names: Iterable[tuple[T, str]] = ()) -> None:
        self.items = list(items)
        self.by_id = {item.id: item for item in self.items}
        self._keys: dict[str, list[T]] = {}
        # Ids and aliases first: an exact alias beats a shared display name.
        for item in self.items:
            for word in (item.id, *item.aliases):
                self._add(word, item)
        for item, name in names:
            self._add(name, item)
        self._memo: dict[str, Match[T]] = {}
        self._suggested = 0  # "did you mean" searches made (each compares every known key)

    def for_run(self) -> Resolver[T]:
        """This resolver with a run's own memo and "did you mean" budget (the indexes are
        shared): a catalogue reused in one process must not carry one run's lookups over."""
        fresh = copy.copy(self)
        fresh._memo = {}
        fresh._suggested = 0
        return fresh

    def _add(self, word: str, item: T) -> None:
        key = fold(word)
        if not key:
            return
        bucket = self._keys.setdefault(key, [])
        if item not in bucket:
            bucket.append(item)

    def lookup(self, text: str) -> Match[T]:
        """Resolve `text`; memoised, since logs repeat the same few hundred spellings."""
        memo = self._memo.get(text)
        if memo is not None:
            return memo
        item = self.by_id.get(text)
        if item is not None:
            match: Match[T] = Match(item)
        else:
            bucket = self._keys.get(fold(text), [])
            if len(bucket) == 1:
                match = Match(bucket[0])
            elif bucket:
                match = Match(None, ambiguous=tuple(i.id for i in bucket))
            else:
                match = Match(None, suggestions=tuple(self._suggest(text)))
        if len(self._memo) < 100_000:
            self._memo[text] = match
        return match

    def _suggest(self, text: str) -> list[str]:
        """Close ids for "did you mean", for the first SUGGESTIONS unknown spellings of a run.

        A search compares the text with every known name (16 ms for the 1,428 unit names):
        a file of thousands of distinct misspellings must not cost minutes.
        """
        if self._suggested >= SUGGESTIONS:
            return []
        self._suggested += 1
        close = suggest(text, list(self._keys))
        ids: list[str] = []
        for key in close:
            for item in self._keys[fold(key)]:
                if item.id not in ids:
                    ids.append(item.id)
        return ids[:3]


class Catalog:
    """Indexes over one plan, built once and shared by readers, engine and renderers."""

    def __init__(self, plan: Plan) -> None:
        self.plan = plan
        self.units = Resolver[Unit](plan.units, [(u, u.name) for u in plan.units]
                                    + [(u, u.name_en) for u in plan.units if u.name_en])
        self.channels = Resolver[Channel](
            plan.channels,
            [(c, c.name) for c in plan.channels] + [(c, c.name_en) for c in plan.channels],
        )
        self.kinds = Resolver[Kind](
            plan.kinds, [(k, k.name) for k in plan.kinds] + [(k, k.name_en) for k in plan.kinds]
        )
        self.documents = Resolver[Document](
            plan.documents, [(d, d.number) for d in plan.documents]
        )
        self.unit_index = {u.id: i for i, u in enumerate(plan.units)}
        self.groups = {g.id: g for g in plan.groups}
        self.tasks = {t.id: t for t in plan.tasks}
        self.sections = {s.id: s for s in plan.sections}
        # The files it was built from (set by the loader; empty for a plan built in code).
        self.source = PlanSource()

    def for_run(self) -> Catalog:
        """This catalogue for one more run in the same process: the plan and indexes shared,
        the resolvers' per-run state fresh (see `Resolver.for_run`)."""
        fresh = copy.copy(self)
        fresh.units = self.units.for_run()
        fresh.channels = self.channels.for_run()
        fresh.kinds = self.kinds.for_run()
        fresh.documents = self.documents.for_run()
        return fresh

    @cached_property
    def members(self) -> dict[str, list[str]]:
        """Group id → unit ids, in plan order."""
        out: dict[str, list[str]] = {g.id: [] for g in self.plan.groups}
        for unit in self.plan.units:
            for g in unit.groups:
                out.setdefault(g, []).append(unit.id)
        return out

    @cached_property
    def children(self) -> dict[str, list[str]]:
        """Unit id → ids of the units whose parent it is."""
        out: dict[str, list[str]] = {}
        for unit in self.plan.units:
            if unit.parent:
                out.setdefault(unit.parent, []).append(unit.id)
        return out

    @cached_property
    def ruled(self) -> frozenset[str]:
        """Ids of the units at least one rule applies to (those `check` reports on)."""
        return frozenset(u for rule in self.plan.rules for u in self.rule_units(rule))

    def expand(self, refs: Iterable[str], exclude: Iterable[str] = ()) -> list[str]:
        """Unit and group ids → unit ids (deduplicated, plan order), less `exclude`."""
        wanted: set[str] = set()
        for ref in refs:
            wanted.update(self.members.get(ref, [ref]))
        wanted.difference_update(exclude)
        return sorted(wanted, key=lambda uid: self.unit_index.get(uid, len(self.unit_index)))

    def rule_units(self, rule: Rule) -> list[str]:
        """The unit ids a rule yields one result for."""
        return self.expand(rule.applies_to, rule.exclude)

    @cached_property
    def routes(self) -> dict[tuple[str, str], list[tuple[int, str]]]:
        """(unit that logs an item, channel) → [(rule index, unit credited)]: where an item
        counts.  A rule that includes children credits a commune's items to its district."""
        routes: dict[tuple[str, str], list[tuple[int, str]]] = {}
        for index, rule in enumerate(self.plan.rules):
            for unit in self.rule_units(rule):
                sources = [unit]
                if rule.include_children:
                    sources += self.children.get(unit, [])
                for source in sources:
                    for channel in rule.channels:
                        routes.setdefault((source, channel), []).append((index, unit))
        return routes

    def primary_group(self, unit_id: str) -> str:
        """The first group of a unit (its table section), or '' when it has none."""
        unit = self.units.by_id[unit_id]
        return unit.groups[0] if unit.groups else ""
