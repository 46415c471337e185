"""Commands that live in their own modules; importing one registers it on `cli.app`."""

from __future__ import annotations

import importlib

_MODULES = ("report", "validate")


def register_all() -> None:
    """Import every command module (each decorates its function with `@app.command`)."""
    for name in _MODULES:
        importlib.import_module(f"{__name__}.{name}")
