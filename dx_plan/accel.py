"""The optional C accelerator, `dx_plan._speedups`, or None.

The wheel builds it when a C compiler is at hand (hatch_build.py); without it, or
with ``DXPLAN_PURE=1`` in the environment, every path is pure Python.  The Python
code stays the reference: the tests run both paths and compare their output
byte for byte (tests/test_fastpath.py).
"""

from __future__ import annotations

import os
from types import ModuleType

_loaded: ModuleType | None = None
_tried = False


def speedups() -> ModuleType | None:
    """The C module, unless it is missing or DXPLAN_PURE asks for pure Python."""
    global _loaded, _tried
    if os.environ.get("DXPLAN_PURE", "") not in ("", "0"):
        return None
    if not _tried:
        _tried = True
        try:
            from . import _speedups
        except ImportError:
            _loaded = None
        else:
            _loaded = _speedups
    return _loaded
