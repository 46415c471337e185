"""Problems with the plan data itself (`dxplan plan validate`, a bad --plan): schema and
cross-reference issues, each with file, line and key."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
}
