"""Words of the configuration file (dxplan.toml, [tool.dxplan]) and `dxplan config`."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
}
