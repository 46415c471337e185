"""Shared formatting helpers: quotas, dates, percentages and escaping."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections.abc import Sequence

from ..i18n import Lang, t
from ..result import RuleResult
from ..text import safe_text

# Cells starting with these are formulas to Excel/LibreOffice (CSV/XLSX injection).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def fmt_date(day: dt.date, lang: Lang) -> str:
    """A date as people in the province write it (dd/mm/yyyy), ISO in English."""
    return day.isoformat() if lang == "en" else day.strftime("%d/%m/%Y")


def quota_text(kind: str, minimum: int, per: str | None, due: dt.date | None, lang: Lang) -> str:
    """'≥1/tuần', '≥2/month', '≥1 trước 28/08/2024', '≥1 đến hết 31/12/2024'.

    A deadline is inclusive (`due` is the last day allowed); in Vietnamese it reads as
    the plan writes it, "trước ngày" the next day.
    """
    if kind == "deadline" and due is not None:
        shown = due + dt.timedelta(days=1) if lang == "vi" else due
        return t("quota.deadline", lang, min=minimum, due=fmt_date(shown, lang))
    if kind == "presence" and due is not None:
        return t("quota.presence", lang, min=minimum, due=fmt_date(due, lang))
    return t("quota.frequency", lang, min=minimum, per=t(f"per.{per}", lang))


def quota(result: RuleResult, lang: Lang) -> str:
    """The quota of a result (see `quota_text`)."""
    return quota_text(result.type, result.min, result.per, result.due, lang)


def percent(value: float | None, lang: Lang = "en") -> str:
    """0.889 → '88.9%' ('88,9%' in Vietnamese, whose decimal mark is a comma); None → '—'."""
    if value is None:
        return "—"
    text = f"{value * 100:.1f}%"
    return text.replace(".", ",") if lang == "vi" else text


def neutralise(value: str) -> str:
    """Make a spreadsheet cell inert: a leading formula character gets a quote prefix."""
    return "'" + value if value.startswith(_FORMULA_START) else value


BOM = "\ufeff"  # Excel on Windows reads a CSV as UTF-8 only when it starts with one


def to_csv(header: Sequence[str], rows: Sequence[Sequence[object]], bom: bool = True) -> str:
    """CSV text for Excel: a UTF-8 byte-order mark (unless `bom` is False), formulas
    neutralised."""
    buf = io.StringIO()
    if bom:
        buf.write(BOM)
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow([neutralise(str(c)) if isinstance(c, str) else c for c in row])
    return buf.getvalue()


def md_escape(value: str) -> str:
    """Escape text for a Markdown table cell (pipes, newlines, HTML, markup characters)."""
    text = safe_text(value).replace("\r", " ").replace("\n", " ")
    for ch in ("\\", "|", "*", "_", "`", "[", "]", "<", ">"):
        text = text.replace(ch, "\\" + ch)
    return text


def to_markdown(header: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    """A GitHub-flavoured Markdown table."""
    lines = ["| " + " | ".join(md_escape(h) for h in header) + " |",
             "|" + "|".join("---" for _ in header) + "|"]
    for row in rows:
        lines.append("| " + " | ".join(md_escape(str(c)) for c in row) + " |")
    return "\n".join(lines) + "\n"


def to_json(payload: object) -> str:
    """Stable JSON: UTF-8 characters kept, two-space indent, trailing newline."""
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"


def note_lines(notes: tuple[dict[str, str], ...], lang: Lang) -> list[str]:
    """The engine's notes in words: one quarter in the logs; a last item far after the rest."""
    out = []
    for note in notes:
        if note.get("code") == "single-quarter":
            out.append(t("check.single_quarter", lang, period=note["period"]))
        elif note.get("code") == "waiver-expired":
            out.append(t("waiver.expired", lang, line=note["line"], file=note["file"],
                         label=note["label"],
                         expires=fmt_date(dt.date.fromisoformat(note["expires"]), lang)))
        elif note.get("code") == "as-of-outlier":
            out.append(t("check.as_of_outlier", lang,
                         date=fmt_date(dt.date.fromisoformat(note["date"]), lang),
                         before=fmt_date(dt.date.fromisoformat(note["before"]), lang)))
    return out
