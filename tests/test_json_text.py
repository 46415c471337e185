"""The fast indented JSON writer against the standard library's, byte for byte."""

from __future__ import annotations

import enum
import json
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dx_plan.render.common import to_json
from dx_plan.render.json_text import dumps_indented


class Level(enum.IntEnum):
    LOW = 1


class Tag(enum.StrEnum):
    A = "á"


class Name(str):
    pass


def _std(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, indent=2)


def test_exact_text_written_by_hand() -> None:
    value = {"unit": "Báo Long An", "missed": ["2024-W05", "2024-W06"], "n": 2,
             "rate": 0.5, "ok": False, "note": None, "empty": [], "more": {},
             "rows": [{"a": 1}, [True]]}
    assert to_json(value) == (
        '{\n'
        '  "unit": "Báo Long An",\n'
        '  "missed": [\n'
        '    "2024-W05",\n'
        '    "2024-W06"\n'
        '  ],\n'
        '  "n": 2,\n'
        '  "rate": 0.5,\n'
        '  "ok": false,\n'
        '  "note": null,\n'
        '  "empty": [],\n'
        '  "more": {},\n'
        '  "rows": [\n'
        '    {\n'
        '      "a": 1\n'
        '    },\n'
        '    [\n'
        '      true\n'
        '    ]\n'
        '  ]\n'
        '}\n'
    )


def test_odd_scalars_and_subclasses_as_json_writes_them() -> None:
    value = {"nan": float("nan"), "inf": [float("inf"), -float("inf")], "big": 10**30,
             "enum": Level.LOW, "tag": Tag.A, "names": [Name("x"), "y"], "tuple": (1, "z"),
             "ctl": "tab\tquote\"back\\slash\u2028\x00", "surrogate": "\ud800"}
    assert dumps_indented(value) == _std(value)


def test_non_string_keys_use_json_own_coercion() -> None:
    value = {"outer": [{7: "seven", 2.5: "x", True: "t", None: "n"}], "after": "kept"}
    assert dumps_indented(value) == _std(value)
    assert dumps_indented(value).splitlines()[3:7] == [
        '      "7": "seven",', '      "2.5": "x",', '      "true": "t",', '      "null": "n"']


class Public(dict):  # type: ignore[type-arg]
    """A dict that hides its private keys when iterated, as json sees it."""

    def items(self):  # type: ignore[no-untyped-def]
        return [(k, v) for k, v in super().items() if not k.startswith("_")]


class Hollow(list):  # type: ignore[type-arg]
    """A list whose length and iteration disagree."""

    def __iter__(self):  # type: ignore[no-untyped-def]
        return iter(())


def test_container_subclasses_are_written_by_json_itself() -> None:
    # Their own items()/__iter__ decide what json writes; the fast paths must not guess.
    for value in ({"a": Public(_x=1)}, {"a": Public(_x=1, y=2)}, [Hollow([1, 2])]):
        assert dumps_indented(value) == _std(value)
    assert dumps_indented({"a": Public(_x=1, y=2)}) == '{\n  "a": {\n    "y": 2\n  }\n}'


def test_unknown_types_and_cycles_raise_as_json_does() -> None:
    with pytest.raises(TypeError, match="Object of type set is not JSON serializable"):
        dumps_indented({"a": [1, {2}]})
    loop: list[Any] = []
    loop.append(loop)
    with pytest.raises(ValueError, match="Circular reference detected"):
        dumps_indented({"a": loop})


_scalars = (st.none() | st.booleans() | st.integers() | st.floats() | st.text()
            | st.sampled_from([Level.LOW, Tag.A, Name("n")]))
_keys = st.text() | st.integers() | st.floats(allow_nan=False) | st.booleans() | st.none()
_values = st.recursive(
    _scalars,
    lambda inner: (st.lists(inner, max_size=5) | st.lists(st.text(), max_size=5)
                   | st.tuples(inner, inner)
                   | st.dictionaries(st.text(max_size=5), inner, max_size=5)
                   | st.dictionaries(_keys, inner, max_size=3)),
    max_leaves=40,
)


@settings(max_examples=400, deadline=None)
@given(_values)
def test_same_text_as_json_dumps(value: object) -> None:
    assert dumps_indented(value) == _std(value)
