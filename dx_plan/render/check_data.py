"""Machine-readable renderings of a `CheckReport` (JSON, CSV), free of rich so that
`check --format json` does not pay for the terminal stack."""

from __future__ import annotations

from ..result import CheckReport
from .common import to_csv, to_json

RESULT_COLUMNS = ["group", "unit", "unit_name", "rule", "task", "type", "per", "min",
                  "periods_due", "periods_met", "delivered", "shortfall", "compliance",
                  "status", "severity", "basis", "missed"]


def check_csv(report: CheckReport) -> str:
    """One CSV row per result (machine-readable; English column names and codes)."""
    rows = []
    for r in report.results:
        d = r.to_dict()
        rows.append([" ".join(r.missed) if c == "missed" else
                     ("" if d.get(c) is None else d.get(c)) for c in RESULT_COLUMNS])
    return to_csv(RESULT_COLUMNS, rows)



def check_json(report: CheckReport) -> str:
    """The `dxplan.check/2` document."""
    return to_json(report.to_dict())
