"""The compact duplicate table behaves like a dict of int → int."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from dx_plan.reader.dedupe import HashTable


@given(st.lists(st.tuples(st.integers(-(2**63), 2**63 - 1), st.integers(0, 2**62))))
def test_hash_table_matches_dict_setdefault(pairs: list[tuple[int, int]]) -> None:
    table = HashTable(capacity=4)  # tiny, so growth and wrap-around probing happen
    reference: dict[int, int] = {}
    for key, value in pairs:
        # Key 0 is stored as 1 (0 marks empty slots): mirror that in the reference.
        assert table.setdefault(key, value) == reference.setdefault(key or 1, value)
    assert len(table) == len(reference)


def test_colliding_keys_probe_to_the_next_slot() -> None:
    table = HashTable(capacity=16)
    # 3, 19 and 35 share slot 3 of a 16-slot table.
    assert [table.setdefault(k, k * 10) for k in (3, 19, 35)] == [30, 190, 350]
    assert [table.setdefault(k, -1) for k in (35, 19, 3)] == [350, 190, 30]
