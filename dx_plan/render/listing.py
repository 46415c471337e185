"""The listing commands' views of the plan: rules, units, documents, tasks.

Each view is a header, rows of plain strings and a JSON payload; `render_listing`
turns one into table, JSON, CSV or Markdown text.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rich.console import RenderableType

from ..catalog import Catalog
from ..i18n import Lang, t
from ..models import Plan, PlanMeta, Rule, to_json_data
from .common import fmt_date, quota_text, to_csv, to_json, to_markdown
from .table import render_to_text, simple_table

PLAN_SCHEMA = "dxplan.plan/1"


@dataclass(frozen=True)
class Listing:
    """A table of strings plus the JSON document that carries the same data."""

    title: str
    header: list[str]
    rows: list[list[str]]
    payload: object
    nowrap: tuple[int, ...] = (0,)  # id columns: never fold an id across lines


def rule_quota(rule: Rule, meta: PlanMeta, lang: Lang) -> str:
    """'≥1/tuần', '≥1 trước 28/08/2024' or '≥1 đến hết 31/12/2024' for a rule."""
    return quota_text(rule.type, rule.min, rule.per, rule.dates(meta)[1], lang)


def rules_listing(catalog: Catalog, lang: Lang) -> Listing:
    """`dxplan plan show`: every rule with who, channel, quota, window, basis, severity."""
    plan = catalog.plan
    meta = plan.plan
    rows = []
    for rule in plan.rules:
        who = ", ".join(rule.applies_to)
        if rule.exclude:
            who += " (− " + ", ".join(rule.exclude) + ")"
        start, end = rule.dates(meta)
        rows.append([
            rule.task, rule.id, who, ", ".join(rule.channels), rule_quota(rule, meta, lang),
            f"{fmt_date(start, lang)}–{fmt_date(end, lang)}",
            t(f"basis.{rule.basis}", lang), t(f"severity.{rule.severity}", lang),
        ])
    header = [t(k, lang) for k in ("col.task", "col.rule", "col.who", "col.channel",
                                   "col.quota", "col.window", "col.basis", "col.severity")]
    title = meta.title if lang == "vi" else (meta.title_en or meta.title)
    return Listing(title, header, rows, plan_payload(plan), nowrap=(0, 1, 4, 5))


def plan_payload(plan: Plan) -> dict[str, object]:
    """The `dxplan.plan/1` JSON document."""
    return {
        "schema": PLAN_SCHEMA,
        "plan": to_json_data(plan.plan),
        "groups": [to_json_data(g) for g in plan.groups],
        "units": [to_json_data(u) for u in plan.units],
        "channels": [to_json_data(c) for c in plan.channels],
        "kinds": [to_json_data(k) for k in plan.kinds],
        "rules": [to_json_data(r) for r in plan.rules],
    }


def units_listing(catalog: Catalog, lang: Lang, group: str | None = None) -> Listing:
    """`dxplan units`: every unit (or one group's), with kind, groups and parent."""
    units = [u for u in catalog.plan.units if group is None or group in u.groups]
    rows = [[u.id, u.name, u.kind, ", ".join(u.groups), u.parent or "", ", ".join(u.domains)]
            for u in units]
    header = [t(k, lang) for k in ("col.id", "col.name", "col.kind", "col.groups",
                                   "col.parent", "col.domains")]
    title = catalog.groups[group].name if group else t("col.unit", lang)
    if group and lang == "en":
        title = catalog.groups[group].name_en
    return Listing(title, header, rows, [to_json_data(u) for u in units])


def docs_listing(catalog: Catalog, lang: Lang) -> Listing:
    """`dxplan docs`: the documents of Phụ lục I."""
    docs = catalog.plan.documents
    rows = [[d.id, d.row, t(f"level.{d.level}", lang), d.number, fmt_date(d.date, lang),
             d.issuer, d.title] for d in docs]
    header = [t(k, lang) for k in ("col.id", "col.row", "col.level", "col.number", "col.date",
                                   "col.issuer", "col.title")]
    return Listing(t("docs.title", lang), header, rows, [to_json_data(d) for d in docs])


def tasks_listing(catalog: Catalog, lang: Lang) -> Listing:
    """`dxplan tasks`: the rows of Phụ lục II, verbatim."""
    tasks = catalog.plan.tasks
    rows = [[tk.stt or tk.id, tk.text, tk.lead_text, tk.coordinating_text, tk.timeframe,
             tk.notes] for tk in tasks]
    header = [t(k, lang) for k in ("col.stt", "col.text", "col.lead", "col.coordinating",
                                   "col.timeframe", "col.notes")]
    payload = [to_json_data(tk) for tk in tasks]
    return Listing(t("tasks.title", lang), header, rows, payload)


def render_listing(listing: Listing, fmt: str, width: int) -> str:
    """Text of a listing in one of table, json, csv, markdown."""
    if fmt == "json":
        return to_json(listing.payload)
    if fmt == "csv":
        return to_csv(listing.header, listing.rows)
    if fmt == "markdown":
        return f"## {listing.title}\n\n" + to_markdown(listing.header, listing.rows)
    renderables: Sequence[RenderableType] = [
        simple_table(listing.title, listing.header, listing.rows, nowrap=listing.nowrap)]
    return render_to_text(renderables, width)
