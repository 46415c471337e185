"""The duplicate table: a dict of digest → first place, and items told apart by their real key."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from dx_plan.reader.dedupe import Deduper, SeenItems, item_digest


@given(st.lists(st.tuples(st.integers(0, 2**128 - 1), st.integers(0, 2**62))))
def test_seen_items_match_dict_setdefault(pairs: list[tuple[int, int]]) -> None:
    table = SeenItems(capacity=4)  # tiny, so growth and wrap-around probing happen
    reference: dict[int, int] = {}
    for digest, place in pairs:
        # The lowest bit is not stored (a low half of 0 marks an empty slot).
        assert table.first(digest, place) == reference.setdefault(digest | 1, place)
    assert len(table) == len(reference)


def test_digests_sharing_a_slot_and_a_low_half_stay_apart() -> None:
    table = SeenItems(capacity=16)
    # Same low 64 bits (so the same slot), different high halves: different items.
    a, b, c = (1 << 64) | 3, (2 << 64) | 3, (3 << 64) | 19
    assert [table.first(d, n) for n, d in enumerate((a, b, c))] == [0, 1, 2]
    assert [table.first(d, 9) for d in (c, b, a)] == [2, 1, 0]


def test_the_digest_covers_every_part_of_the_key() -> None:
    base = item_digest("h-ben-luc", "portal", 738946, "https://a.vn/1")
    assert base == item_digest("h-ben-luc", "portal", 738946, "https://a.vn/1")
    others = {item_digest("h-duc-hoa", "portal", 738946, "https://a.vn/1"),
              item_digest("h-ben-luc", "zalo", 738946, "https://a.vn/1"),
              item_digest("h-ben-luc", "portal", 738947, "https://a.vn/1"),
              item_digest("h-ben-luc", "portal", 738946, "https://a.vn/2")}
    assert base not in others and len(others) == 4
    assert base < 2**128


def test_deduper_names_the_first_place_across_files() -> None:
    dedupe = Deduper()
    first, second = dedupe.add_file("a.csv"), dedupe.add_file("b.csv")
    args = ("h-ben-luc", "portal", 738946)
    assert dedupe.earlier(first, 5, *args, "https://a.vn/1", "") is None
    assert dedupe.earlier(second, 2, *args, "https://a.vn/1", "other title") == ("a.csv", 5)
    # Without a URL the folded title identifies the item; case and accents do not matter.
    assert dedupe.earlier(first, 6, *args, "", "Hội nghị Chuyển đổi số") is None
    assert dedupe.earlier(second, 3, *args, "", "hoi nghi chuyen doi so") == ("a.csv", 6)
    # Neither URL nor a title with letters: nothing tells two such rows apart.
    assert dedupe.earlier(first, 7, *args, "", "") is None
    assert dedupe.earlier(first, 8, *args, "", " -- ") is None
    assert dedupe.earlier(first, 9, *args, "", " -- ") is None
