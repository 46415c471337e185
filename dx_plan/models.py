"""The plan as typed data: units, channels, tasks, documents and the rules (quotas).

Every model is frozen and forbids unknown keys, so a typo in `data/*.yaml` is an
error with a line number rather than a silently ignored setting.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

Per = Literal["day", "week", "month", "quarter", "year"]
Severity = Literal["error", "warning"]
Basis = Literal["explicit", "interpreted"]
PartialPeriods = Literal["include", "exclude"]


class _Model(BaseModel):
    # defer_build: a cached (pickled) plan never validates, so most runs skip building
    # the validators of every model at import (about 40 ms).
    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)


class Source(_Model):
    """Where a piece of data comes from in the plan: the exact words and their place."""

    text: str = Field(description="The exact Vietnamese sentence(s) of the plan encoded here.")
    where: str = Field(description="Where the text stands, e.g. 'Phụ lục II, STT 2.2'.")


class PlanMeta(_Model):
    """Identity and scope of the plan document."""

    id: str = Field(description="Stable id of the plan, used in reports and JSON.")
    number: str = Field(description="Document number as printed (may be blank in a draft).")
    title: str = Field(description="Title of the plan (Vietnamese).")
    title_en: str = Field(default="", description="English title.")
    issuer: str = Field(description="Issuing authority.")
    issued: str = Field(default="", description="Issue date as printed.")
    province: str = Field(description="Province the plan covers.")
    period_start: dt.date = Field(description="First day the plan's tasks run.")
    period_end: dt.date = Field(description="Last day the plan's tasks run.")
    timezone: str = Field(default="Asia/Ho_Chi_Minh", description="IANA zone of dates in logs.")
    week_start: Literal["monday"] = Field(default="monday", description="ISO weeks start Monday.")
    partial_periods: PartialPeriods = Field(
        default="include",
        description="Whether a period cut by the window's edge is due (include) or dropped.",
    )
    source: Source | None = Field(default=None, description="Sentence that sets the period.")


class Group(_Model):
    """A named set of units, e.g. `districts` for 'UBND cấp huyện'."""

    id: str = Field(description="Group id used in rules and tasks.")
    name: str = Field(description="Vietnamese name.")
    name_en: str = Field(description="English name.")


class Unit(_Model):
    """An organisation the plan gives work to."""

    id: str = Field(description="Stable id, e.g. `h-ben-luc`.")
    name: str = Field(description="Official Vietnamese name.")
    name_en: str | None = Field(default=None, description="English name, when there is one.")
    kind: str = Field(description="Kind of body: so, bao, dai, huyen, xa, …")
    groups: list[str] = Field(default_factory=list, description="Ids of the groups it belongs to.")
    parent: str | None = Field(default=None, description="Id of the unit above it (communes).")
    code: str | None = Field(default=None, description="Official (GSO) code when it has one.")
    aliases: list[str] = Field(default_factory=list, description="Other names people write.")
    domains: list[str] = Field(default_factory=list, description="Known website domains.")
    source: str | None = Field(default=None, description="Where the unit or its domains come from.")
    note: str | None = Field(default=None, description="Anything a reader should know.")


class Channel(_Model):
    """A medium an activity goes out on."""

    id: str = Field(description="Stable id, e.g. `grassroots-radio`.")
    name: str = Field(description="Vietnamese label.")
    name_en: str = Field(description="English label.")
    online: bool = Field(default=False, description="Whether items normally have a URL.")
    aliases: list[str] = Field(default_factory=list, description="Other names people write.")
    description: str = Field(default="", description="What the plan means by it.")


class Kind(_Model):
    """A kind of item (article, bulletin, report …) with the words used for it."""

    id: str = Field(description="Stable id, e.g. `bulletin`.")
    name: str = Field(description="Vietnamese label (used in 'cần bổ sung 3 bản tin').")
    name_en: str = Field(description="English label.")
    aliases: list[str] = Field(default_factory=list, description="Other words people write.")


class Section(_Model):
    """A numbered part of the plan's body that a rule can cite (e.g. IV.1)."""

    id: str = Field(description="Section id, e.g. `IV.1`.")
    title: str = Field(description="Heading as printed.")
    text: str = Field(description="The verbatim text of the section relevant to rules.")


class Task(_Model):
    """One row of Phụ lục II, every column kept."""

    id: str = Field(description="Normalised STT, e.g. `3.3`; `3.2b` for the unnumbered row.")
    stt: str = Field(description="STT exactly as printed.")
    parent: str | None = Field(default=None, description="Id of the heading row above it.")
    heading: bool = Field(default=False, description="True for section heading rows.")
    text: str = Field(description="Task text, verbatim.")
    lead: list[str] = Field(default_factory=list, description="Lead unit/group ids.")
    lead_text: str = Field(default="", description="Lead column verbatim.")
    lead_note: str | None = Field(default=None, description="How the lead text maps to ids.")
    coordinating: list[str] = Field(default_factory=list, description="Coordinating ids.")
    coordinating_text: str = Field(default="", description="Coordinating column verbatim.")
    timeframe: str = Field(default="", description="'Thời gian triển khai' verbatim.")
    notes: str = Field(default="", description="'Ghi chú' verbatim.")


class Document(_Model):
    """One legal document of Phụ lục I."""

    id: str = Field(description="Stable id, e.g. `QD-749-TTg-2020`.")
    row: str = Field(description="Section and STT of its row, e.g. `I.10`.")
    part: int | None = Field(default=None, description="Position within a row of several.")
    level: Literal["trung-uong", "tinh"] = Field(description="Central or provincial.")
    kind: str = Field(description="Kind id, e.g. `quyet-dinh`.")
    kind_label: str = Field(description="Kind as printed, e.g. 'Quyết định'.")
    number: str = Field(description="Number as printed, e.g. '749/QĐ-TTg'.")
    date: dt.date = Field(description="Date of issue.")
    issuer: str = Field(description="Issuing authority as printed.")
    title: str = Field(description="What it is about, as printed.")
    text: str = Field(description="The verbatim text of this document in the row.")
    aliases: list[str] = Field(default_factory=list, description="Forms people write in logs.")
    note: str | None = Field(default=None, description="Remarks on the encoding.")


class RuleWindow(_Model):
    """Dates a rule is limited to (inside the plan's period)."""

    start: dt.date | None = Field(default=None, description="First day (default: plan start).")
    end: dt.date | None = Field(default=None, description="Last day (default: plan end).")


class Rule(_Model):
    """A quota: who must deliver what, on which channel, how often or by when."""

    id: str = Field(description="Stable rule id, e.g. `2.2-newspaper-weekly`.")
    task: str = Field(description="Phụ lục II task id or plan section id it encodes.")
    title: str = Field(description="Short Vietnamese label of what is required.")
    title_en: str = Field(description="Short English label.")
    applies_to: list[str] = Field(description="Unit ids and/or group ids.")
    exclude: list[str] = Field(default_factory=list, description="Unit ids left out, with note.")
    include_children: bool = Field(
        default=False,
        description="Entries of a unit's children (a district's communes) count toward it.",
    )
    channels: list[str] = Field(description="Channel ids whose items count.")
    kinds: list[str] = Field(default_factory=list, description="Kind ids that count (empty: any).")
    type: Literal["frequency", "deadline"] = Field(description="Quota per period, or a deadline.")
    per: Per | None = Field(default=None, description="Period of a frequency rule.")
    min: int = Field(default=1, description="Items required per period (or by the deadline).")
    window: RuleWindow | None = Field(default=None, description="Dates the rule is limited to.")
    due: dt.date | None = Field(default=None, description="Deadline date (inclusive).")
    not_before: dt.date | None = Field(default=None, description="Deadline items must not predate.")
    partial_periods: PartialPeriods | None = Field(
        default=None, description="Override of the plan's partial_periods."
    )
    severity: Severity = Field(description="error for the plan's numbers, warning otherwise.")
    basis: Basis = Field(description="explicit: the plan states it; interpreted: we read it so.")
    source: Source = Field(description="The exact sentence of the plan this rule encodes.")
    note: str | None = Field(default=None, description="Why it is encoded this way.")

    def dates(self, meta: PlanMeta) -> tuple[dt.date, dt.date]:
        """First and last day the rule counts items: its own window inside the plan's.

        For a deadline rule: from `not_before` (default the plan's start) to `due`.
        """
        if self.type == "deadline":
            return self.not_before or meta.period_start, self.due or meta.period_end
        start = self.window.start if self.window and self.window.start else meta.period_start
        end = self.window.end if self.window and self.window.end else meta.period_end
        return start, end


class Plan(_Model):
    """The whole plan: metadata, who, where, what and the rules."""

    plan: PlanMeta = Field(description="Identity and period of the plan.")
    groups: list[Group] = Field(description="Unit groups.")
    units: list[Unit] = Field(description="Every unit the plan names.")
    channels: list[Channel] = Field(description="Channels activities go out on.")
    kinds: list[Kind] = Field(default_factory=list, description="Kinds of item.")
    sections: list[Section] = Field(default_factory=list, description="Citable plan sections.")
    rules: list[Rule] = Field(description="The quotas.")
    tasks: list[Task] = Field(default_factory=list, description="Phụ lục II rows.")
    documents: list[Document] = Field(default_factory=list, description="Phụ lục I documents.")
