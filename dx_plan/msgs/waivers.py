"""Words of waivers: periods a unit is excused from, and problems suppressed on purpose."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
}
