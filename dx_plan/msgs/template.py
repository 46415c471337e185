"""`dxplan template`: the words of the log templates units fill in (headers, instructions)."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
}
