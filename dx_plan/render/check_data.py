"""Machine-readable renderings of a `CheckReport` (JSON, CSV), free of rich so that
`check --format json` does not pay for the terminal stack."""

from __future__ import annotations

from ..i18n import Lang, t
from ..result import CheckReport
from .common import to_csv, to_json

RESULT_COLUMNS = ["group", "unit", "unit_name", "rule", "task", "type", "per", "min",
                  "periods_due", "periods_met", "delivered", "shortfall", "compliance",
                  "status", "severity", "basis", "missed", "waived", "waived_reason"]

_WORDS = ("status", "severity", "basis")  # columns whose values have Vietnamese words


def check_csv(report: CheckReport, lang: Lang = "en", bom: bool = True) -> str:
    """One CSV row per result, for Excel: a BOM, and in Vietnamese the headers and the
    words (status, severity, basis); ids and period labels stay as they are."""
    rows = []
    for r in report.results:
        d = r.to_dict()
        row: list[object] = []
        for c in RESULT_COLUMNS:
            value = (" ".join(getattr(r, c)) if c in ("missed", "waived")
                     else r.waived_reason if c == "waived_reason" else d.get(c))
            if lang == "vi" and c in _WORDS and isinstance(value, str):
                value = t(f"{c}.{value}", lang)
            row.append("" if value is None else value)
        rows.append(row)
    # In Vietnamese, for the people who open it in Excel; the English keeps the JSON names.
    header = [t(f"csv.{c}", lang) for c in RESULT_COLUMNS]
    return to_csv(header, rows, bom=bom)



def check_json(report: CheckReport) -> str:
    """The `dxplan.check/2` document."""
    return to_json(report.to_dict())
