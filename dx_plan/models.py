"""The plan as typed data: units, channels, tasks, documents and the rules (quotas).

Every class is a frozen, slotted standard-library dataclass that pydantic validates
(`validate_plan` below) with unknown keys forbidden, so a typo in `data/*.yaml` is an
error with a line number rather than a silently ignored setting.  Each field's
description lives in its metadata, where pydantic reads it for the JSON schema.

Why not `pydantic.BaseModel`: defining a BaseModel class imports pydantic's whole
schema machinery, about 25 ms, and every command needs these classes to unpickle the
cached plan.  As dataclasses they cost next to nothing until a plan file has to be
validated, which happens once per plan version (the cache keeps the result).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, fields
from typing import Any, ClassVar, Literal

Per = Literal["day", "week", "month", "quarter", "year"]
Severity = Literal["error", "warning"]
Basis = Literal["explicit", "interpreted"]
# "months": a period cut by the plan's own start or end is due when it is a month,
# quarter or year, never when it is a week or a day (see README "Cách đọc kế hoạch").
PartialPeriods = Literal["include", "exclude", "months"]

# Rule types judged once over their dates (at least `min` items by the last day).
ONE_OFF = frozenset({"deadline", "presence"})

# pydantic's config for every plan class: unknown keys are errors.  (A dict, because
# importing pydantic.ConfigDict would cost what this module saves.)
FORBID_EXTRA: dict[str, Any] = {"extra": "forbid"}

def _field(description: str, **kwargs: Any) -> Any:
    """A dataclass field carrying its description for pydantic and the JSON schema."""
    return field(metadata={"description": description}, **kwargs)


@dataclass(frozen=True, slots=True, kw_only=True)
class Source:
    """Where a piece of data comes from in the plan: the exact words and their place."""

    __pydantic_config__: ClassVar[dict[str, Any]] = FORBID_EXTRA

    text: str = _field("The exact Vietnamese sentence(s) of the plan encoded here.")
    where: str = _field("Where the text stands, e.g. 'Phụ lục II, STT 2.2'.")


@dataclass(frozen=True, slots=True, kw_only=True)
class PlanMeta:
    """Identity and scope of the plan document."""

    __pydantic_config__: ClassVar[dict[str, Any]] = FORBID_EXTRA

    id: str = _field("Stable id of the plan, used in reports and JSON.")
    number: str = _field("Document number as printed (may be blank in a draft).")
    title: str = _field("Title of the plan (Vietnamese).")
    title_en: str = _field("English title.", default="")
    issuer: str = _field("Issuing authority.")
    issued: str = _field("Issue date as printed.", default="")
    province: str = _field("Province the plan covers.")
    period_start: dt.date = _field("First day the plan's tasks run.")
    period_end: dt.date = _field("Last day the plan's tasks run.")
    timezone: str = _field("IANA zone of dates in logs.", default="Asia/Ho_Chi_Minh")
    week_start: Literal["monday"] = _field("ISO weeks start Monday.", default="monday")
    partial_periods: PartialPeriods = _field(
        "Whether a period cut by the plan's start or end is due (include), dropped "
        "(exclude), or due only when a month, quarter or year (months).",
        default="include",
    )
    signer: str = _field("Who signed it, as printed (e.g. 'KT. CHỦ TỊCH …').", default="")
    source: Source | None = _field("Sentence that sets the period.", default=None)


@dataclass(frozen=True, slots=True, kw_only=True)
class Group:
    """A named set of units, e.g. `districts` for 'UBND cấp huyện'."""

    __pydantic_config__: ClassVar[dict[str, Any]] = FORBID_EXTRA

    id: str = _field("Group id used in rules and tasks.")
    name: str = _field("Vietnamese name.")
    name_en: str = _field("English name.")


@dataclass(frozen=True, slots=True, kw_only=True)
class Unit:
    """An organisation the plan gives work to."""

    __pydantic_config__: ClassVar[dict[str, Any]] = FORBID_EXTRA

    id: str = _field("Stable id, e.g. `h-ben-luc`.")
    name: str = _field("Official Vietnamese name.")
    name_en: str | None = _field("English name, when there is one.", default=None)
    kind: str = _field("Kind of body: so, bao, dai, huyen, xa, …")
    groups: list[str] = _field("Ids of the groups it belongs to.", default_factory=list)
    parent: str | None = _field("Id of the unit above it (communes).", default=None)
    code: str | None = _field("Official (GSO) code when it has one.", default=None)
    aliases: list[str] = _field("Other names people write.", default_factory=list)
    domains: list[str] = _field("Known website domains.", default_factory=list)
    source: str | None = _field("Where the unit or its domains come from.", default=None)
    note: str | None = _field("Anything a reader should know.", default=None)


@dataclass(frozen=True, slots=True, kw_only=True)
class Channel:
    """A medium an activity goes out on."""

    __pydantic_config__: ClassVar[dict[str, Any]] = FORBID_EXTRA

    id: str = _field("Stable id, e.g. `grassroots-radio`.")
    name: str = _field("Vietnamese label.")
    name_en: str = _field("English label.")
    online: bool = _field("Whether items normally have a URL.", default=False)
    aliases: list[str] = _field("Other names people write.", default_factory=list)
    description: str = _field("What the plan means by it.", default="")


@dataclass(frozen=True, slots=True, kw_only=True)
class Kind:
    """A kind of item (article, bulletin, report …) with the words used for it."""

    __pydantic_config__: ClassVar[dict[str, Any]] = FORBID_EXTRA

    id: str = _field("Stable id, e.g. `bulletin`.")
    name: str = _field("Vietnamese label (used in 'cần bổ sung 3 bản tin').")
    name_en: str = _field("English label.")
    aliases: list[str] = _field("Other words people write.", default_factory=list)


@dataclass(frozen=True, slots=True, kw_only=True)
class Section:
    """A numbered part of the plan's body that a rule can cite (e.g. IV.1)."""

    __pydantic_config__: ClassVar[dict[str, Any]] = FORBID_EXTRA

    id: str = _field("Section id, e.g. `IV.1`.")
    title: str = _field("Heading as printed.")
    text: str = _field("The verbatim text of the section relevant to rules.")


@dataclass(frozen=True, slots=True, kw_only=True)
class Task:
    """One row of Phụ lục II, every column kept."""

    __pydantic_config__: ClassVar[dict[str, Any]] = FORBID_EXTRA

    id: str = _field("Normalised STT, e.g. `3.3`; `3.2b` for the unnumbered row.")
    stt: str = _field("STT exactly as printed.")
    parent: str | None = _field("Id of the heading row above it.", default=None)
    heading: bool = _field("True for section heading rows.", default=False)
    text: str = _field("Task text, verbatim.")
    lead: list[str] = _field("Lead unit/group ids.", default_factory=list)
    lead_text: str = _field("Lead column verbatim.", default="")
    lead_note: str | None = _field("How the lead text maps to ids.", default=None)
    coordinating: list[str] = _field("Coordinating ids.", default_factory=list)
    coordinating_text: str = _field("Coordinating column verbatim.", default="")
    timeframe: str = _field("'Thời gian triển khai' verbatim.", default="")
    notes: str = _field("'Ghi chú' verbatim.", default="")


@dataclass(frozen=True, slots=True, kw_only=True)
class Document:
    """One legal document of Phụ lục I."""

    __pydantic_config__: ClassVar[dict[str, Any]] = FORBID_EXTRA

    id: str = _field("Stable id, e.g. `QD-749-TTg-2020`.")
    row: str = _field("Section and STT of its row, e.g. `I.10`.")
    part: int | None = _field("Position within a row of several.", default=None)
    level: Literal["trung-uong", "tinh"] = _field("Central or provincial.")
    kind: str = _field("Kind id, e.g. `quyet-dinh`.")
    kind_label: str = _field("Kind as printed, e.g. 'Quyết định'.")
    number: str = _field("Number as printed, e.g. '749/QĐ-TTg'.")
    date: dt.date = _field("Date of issue.")
    issuer: str = _field("Issuing authority as printed.")
    title: str = _field("What it is about, as printed.")
    text: str = _field("The verbatim text of this document in the row.")
    aliases: list[str] = _field("Forms people write in logs.", default_factory=list)
    note: str | None = _field("Remarks on the encoding.", default=None)


@dataclass(frozen=True, slots=True, kw_only=True)
class RuleWindow:
    """Dates a rule is limited to (inside the plan's period)."""

    __pydantic_config__: ClassVar[dict[str, Any]] = FORBID_EXTRA

    start: dt.date | None = _field("First day (default: plan start).", default=None)
    end: dt.date | None = _field("Last day (default: plan end).", default=None)


@dataclass(frozen=True, slots=True, kw_only=True)
class Rule:
    """A quota: who must deliver what, on which channel, how often or by when."""

    __pydantic_config__: ClassVar[dict[str, Any]] = FORBID_EXTRA

    id: str = _field("Stable rule id, e.g. `2.2-newspaper-weekly`.")
    task: str = _field("Phụ lục II task id or plan section id it encodes.")
    title: str = _field("Short Vietnamese label of what is required.")
    title_en: str = _field("Short English label.")
    short: str | None = _field(
        "A word telling apart rules of the same task in column headings ('IV.1 báo cáo quý'; "
        "default: none, the task alone).", default=None)
    short_en: str | None = _field("English of `short`.", default=None)
    applies_to: list[str] = _field("Unit ids and/or group ids.")
    exclude: list[str] = _field("Unit ids left out, with note.", default_factory=list)
    include_children: bool = _field(
        "Entries of a unit's children (a district's communes) count toward it.", default=False
    )
    channels: list[str] = _field("Channel ids whose items count.")
    kinds: list[str] = _field("Kind ids that count (empty: any; an entry without a kind "
                              "counts).", default_factory=list)
    items: str = _field("What the quota counts as the plan words it (Vietnamese), e.g. "
                        "'bản tin/câu chuyện truyền thanh'; default: the kinds' names.",
                        default="")
    tagged_only: bool = _field(
        "Only entries whose task column names this rule's task count.", default=False)
    only_if_used: bool = _field(
        "A unit with no item on the rule's channels in the plan period, up to the as-of "
        "date, is not judged: the plan asks it only of units that have such a channel "
        "(a screen they manage).", default=False)
    rollup: bool = _field(
        "Each unit is judged on its own entries, and a unit's verdict also holds its "
        "children's (a district and its communes).", default=False)
    type: Literal["frequency", "deadline", "presence"] = _field(
        "Quota per period; a deadline; or presence: at least `min` items in the rule's "
        "dates (the reading of a timeframe that names no number).")
    per: Per | None = _field("Period of a frequency rule.", default=None)
    min: int = _field("Items required per period (or by the deadline).", default=1)
    window: RuleWindow | None = _field("Dates the rule is limited to.", default=None)
    due: dt.date | None = _field("Deadline date (inclusive).", default=None)
    not_before: dt.date | None = _field("Deadline items must not predate.", default=None)
    partial_periods: PartialPeriods | None = _field(
        "Override of the plan's partial_periods.", default=None
    )
    severity: Severity = _field("error for the plan's numbers, warning otherwise.")
    basis: Basis = _field("explicit: the plan states it; interpreted: we read it so.")
    source: Source = _field("The exact sentence of the plan this rule encodes.")
    note: str | None = _field("Why it is encoded this way.", default=None)

    def dates(self, meta: PlanMeta) -> tuple[dt.date, dt.date]:
        """First and last day the rule counts items: its own window inside the plan's.

        For a deadline rule: from `not_before` (default the plan's start) to `due`; a
        presence rule is due on its last day.
        """
        if self.type == "deadline":
            return self.not_before or meta.period_start, self.due or meta.period_end
        start = self.window.start if self.window and self.window.start else meta.period_start
        end = self.window.end if self.window and self.window.end else meta.period_end
        return start, end


@dataclass(frozen=True, slots=True, kw_only=True)
class Plan:
    """The whole plan: metadata, who, where, what and the rules."""

    __pydantic_config__: ClassVar[dict[str, Any]] = FORBID_EXTRA

    plan: PlanMeta = _field("Identity and period of the plan.")
    groups: list[Group] = _field("Unit groups.")
    units: list[Unit] = _field("Every unit the plan names.")
    channels: list[Channel] = _field("Channels activities go out on.")
    kinds: list[Kind] = _field("Kinds of item.", default_factory=list)
    sections: list[Section] = _field("Citable plan sections.", default_factory=list)
    rules: list[Rule] = _field("The quotas.")
    tasks: list[Task] = _field("Phụ lục II rows.", default_factory=list)
    documents: list[Document] = _field("Phụ lục I documents.", default_factory=list)


PLAN_CLASSES = (Source, PlanMeta, Group, Unit, Channel, Kind, Section, Task, Document,
                RuleWindow, Rule, Plan)


def plan_shape() -> str:
    """The classes and their fields in order: part of the plan cache's key.

    A slotted dataclass pickles its fields by position, so a cache written before a
    field was added, removed or reordered would load into the wrong fields.
    """
    return ";".join(f"{cls.__name__}:{','.join(f.name for f in fields(cls))}"
                    for cls in PLAN_CLASSES)


_ADAPTERS: dict[type[Any], Any] = {}


def _adapter(cls: type[Any]) -> Any:
    """pydantic's TypeAdapter of a plan class, built on first use (validation, dumps)."""
    adapter = _ADAPTERS.get(cls)
    if adapter is None:
        from pydantic import TypeAdapter

        adapter = _ADAPTERS[cls] = TypeAdapter(cls)
    return adapter


def validate_plan(data: object) -> Plan:
    """Validate plan data (parsed YAML) into a Plan; raise pydantic's ValidationError."""
    plan: Plan = _adapter(Plan).validate_python(data)
    return plan


def to_json_data(obj: object) -> Any:
    """A plan object as JSON-ready data: fields in order, dates as ISO strings."""
    return _adapter(type(obj)).dump_python(obj, mode="json")
