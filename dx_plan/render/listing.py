"""The listing commands' views of the plan: rules, units, documents, tasks.

Each view is a header, rows of plain strings and a JSON payload; `render_listing`
turns one into table, JSON, CSV or Markdown text.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.console import RenderableType
from rich.text import Text

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
    # Titled parts of `rows` shown as tables of their own (table and Markdown)
    sections: tuple[tuple[str, list[list[str]]], ...] = ()


def rule_quota(rule: Rule, meta: PlanMeta, lang: Lang) -> str:
    """'≥1/tuần', '≥1 trước 28/08/2024' or '≥1 đến hết 31/12/2024' for a rule."""
    return quota_text(rule.type, rule.min, rule.per, rule.dates(meta)[1], lang)


def rules_listing(catalog: Catalog, lang: Lang) -> Listing:
    """`dxplan plan show`: every rule in words, the plan's own quotas apart from the
    rules dxplan reads into words that name no number.  JSON keeps the ids."""
    plan = catalog.plan
    meta = plan.plan
    explicit: list[list[str]] = []
    interpreted: list[list[str]] = []
    for rule in plan.rules:
        start, end = rule.dates(meta)
        row = [rule.task, rule.title if lang == "vi" else rule.title_en,
               _who(catalog, rule, lang), _channels(catalog, rule.channels, lang),
               rule_quota(rule, meta, lang), f"{fmt_date(start, lang)}–{fmt_date(end, lang)}",
               t(f"basis.{rule.basis}", lang), t(f"severity.{rule.severity}", lang),
               rule.source.text]
        (explicit if rule.basis == "explicit" else interpreted).append(row)
    header = [t(k, lang) for k in ("col.task", "col.rule", "col.who", "col.channel",
                                   "col.quota", "col.window", "col.basis", "col.severity",
                                   "col.source")]
    title = meta.title if lang == "vi" else (meta.title_en or meta.title)
    sections = ((t("plan.explicit", lang), explicit), (t("interpreted.heading", lang), interpreted))
    return Listing(title, header, explicit + interpreted, plan_payload(plan),
                   nowrap=(0, 4, 5), sections=sections)


def _who(catalog: Catalog, rule: Rule, lang: Lang) -> str:
    """The units a rule names, in words: group names, unit names, '(trừ …)'."""
    def name(ident: str) -> str:
        group = catalog.groups.get(ident)
        if group is not None:
            return group.name if lang == "vi" else group.name_en
        unit = catalog.units.by_id[ident]
        return unit.name if lang == "vi" else (unit.name_en or unit.name)

    if rule.rollup:  # the communes are judged, and answered for by their district
        shown = [name(i) for i in rule.applies_to if i != "communes"]
        who = ", ".join(shown) + f" ({t('plan.with_communes', lang)})"
    else:
        who = ", ".join(name(i) for i in rule.applies_to)
    if rule.exclude:
        who += f" ({t('plan.except', lang)} " + ", ".join(name(i) for i in rule.exclude) + ")"
    return who


def _channels(catalog: Catalog, ids: list[str], lang: Lang) -> str:
    by_id = catalog.channels.by_id
    return "; ".join(by_id[c].name if lang == "vi" else by_id[c].name_en for c in ids)


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
    parts = listing.sections or ((listing.title, listing.rows),)
    if fmt == "markdown":
        heads = [f"## {listing.title}\n\n"] if listing.sections else []
        return "".join(heads) + "\n".join(
            f"{'###' if listing.sections else '##'} {title}\n\n"
            + to_markdown(listing.header, rows) for title, rows in parts if rows)
    if listing.sections:  # the terminal: the sentence of the plan is for --format markdown
        header, keep = listing.header[:-1], len(listing.header) - 1
        parts = tuple((title, [row[:keep] for row in rows]) for title, rows in parts)
    else:
        header = listing.header
    renderables: list[RenderableType] = [Text(listing.title, style="bold")] if (
        listing.sections) else []
    renderables += [simple_table(title, header, rows, nowrap=listing.nowrap)
                    for title, rows in parts if rows]
    return render_to_text(renderables, width)
