"""`dxplan fix`: the words of rewriting a log into canonical form."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
}
