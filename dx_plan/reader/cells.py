"""Typed cell values (from YAML or Excel) as the text a CSV export would give."""

from __future__ import annotations

import datetime as dt
from typing import Any

from ..dates import VIETNAM


def scalar_text(value: Any) -> str | None:
    """None → '', dates → ISO, 3.0 → '3', text as is; None for anything else (lists …).

    A timezone-aware timestamp is an instant: the log's day is its day in Vietnam.
    """
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.datetime):
        if value.tzinfo is not None:
            return value.astimezone(VIETNAM).date().isoformat()
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))  # 3.0 typed as a quantity is 3
    if isinstance(value, int | float):
        return str(value)
    return None
