"""dxplan: check activity logs against Long An's 2024 digital-transformation communication plan."""

from __future__ import annotations

__version__ = "0.1.0"
