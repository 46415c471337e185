"""Two-space-indented JSON, byte for byte what ``json.dumps(..., indent=2)`` writes, faster.

With ``indent`` set, Python 3.11 and 3.12 fall back to the pure-Python encoder: one
generator step per value.  A check report lists every missed day of every daily rule
(about 450 kB for the plan's units even on a ten-row log), which made writing it about
5 ms of a 0.18 s start-up.  This writer walks the same containers with plain recursion
and joins lists of strings (the missed-period lists, nearly all of the output) through the
C string encoder in one call.

Only plain ``dict``, ``list`` and ``tuple`` take the fast paths: subclasses (which may
override iteration), dicts with keys other than strings and values of unknown types are
handed to ``json.dumps`` itself, re-indented to their depth, so the output and the errors
stay the standard library's.  From Python 3.13 the C encoder handles ``indent`` and is
faster than this writer, so there ``json.dumps`` writes everything.
``tests/test_json_text.py`` compares both on random values.
"""

from __future__ import annotations

import json
import sys
from json.encoder import encode_basestring  # the C version when _json is present

_INDENT = "  "
_INF = float("inf")
_C_INDENT = sys.version_info >= (3, 13)


def dumps_indented(value: object) -> str:
    """``json.dumps(value, ensure_ascii=False, indent=2)``, without the trailing newline."""
    if _C_INDENT:
        return json.dumps(value, ensure_ascii=False, indent=2)
    out: list[str] = []
    try:
        _write(value, "\n", out)
    except RecursionError:
        # Deep or circular: let the standard library say which, in its own words.
        return json.dumps(value, ensure_ascii=False, indent=2)
    return "".join(out)


def _std(value: object, newline: str) -> str:
    """The standard library's text for ``value``, indented to the depth ``newline`` marks."""
    return json.dumps(value, ensure_ascii=False, indent=2).replace("\n", newline)


def _float(value: float) -> str:
    # json's floatstr with allow_nan=True (the default).
    if value != value:
        return "NaN"
    if value == _INF:
        return "Infinity"
    if value == -_INF:
        return "-Infinity"
    return float.__repr__(value)


def _write(value: object, newline: str, out: list[str]) -> None:
    """Append the text of ``value``; ``newline`` is a newline plus the current indent.

    The tests are json's own, in its order (str, None, True, False, int, float, list or
    tuple, dict), so str, int and float subclasses come out as json writes them.
    """
    if isinstance(value, str):
        out.append(encode_basestring(value))
    elif value is None:
        out.append("null")
    elif value is True:
        out.append("true")
    elif value is False:
        out.append("false")
    elif isinstance(value, int):
        out.append(int.__repr__(value))
    elif isinstance(value, float):
        out.append(_float(value))
    elif type(value) is list or type(value) is tuple:
        assert isinstance(value, (list, tuple))
        if not value:
            out.append("[]")
            return
        inner = newline + _INDENT
        try:
            # A list of strings in one C call; TypeError at the first item of another type.
            out.append("[" + inner + ("," + inner).join(map(encode_basestring, value))
                       + newline + "]")
            return
        except TypeError:
            pass
        lead = "[" + inner
        for item in value:
            out.append(lead)
            _write(item, inner, out)
            lead = "," + inner
        out.append(newline + "]")
    elif type(value) is dict:
        assert isinstance(value, dict)
        if not value:
            out.append("{}")
            return
        mark = len(out)
        inner = newline + _INDENT
        lead = "{" + inner
        for key, item in value.items():
            if not isinstance(key, str):
                # json's own key coercion rules (numbers, booleans, None) and errors.
                del out[mark:]
                out.append(_std(value, newline))
                return
            out.append(lead + encode_basestring(key) + ": ")
            _write(item, inner, out)
            lead = "," + inner
        out.append(newline + "}")
    else:
        # Container subclasses, unknown types (json's TypeError) and anything else.
        out.append(_std(value, newline))
