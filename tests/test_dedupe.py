"""The duplicate table: a dict of (key hash, CRC) → first place, and items told apart."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from dx_plan.reader import dedupe
from dx_plan.reader.dedupe import Deduper, SeenItems, item_checks

KEYS = st.integers(-(2**63), 2**63 - 1)
CRCS = st.integers(0, 2**32 - 1)


@given(st.lists(st.tuples(KEYS, CRCS, st.integers(0, 2**62))))
def test_seen_items_match_dict_setdefault(items: list[tuple[int, int, int]]) -> None:
    table = SeenItems()
    reference: dict[tuple[int, int], int] = {}
    for key, crc, place in items:
        assert table.first(key, crc, place) == reference.setdefault((key, crc), place)
    assert len(table) == len(reference)


def test_items_sharing_a_bucket_or_a_key_hash_stay_apart() -> None:
    table = SeenItems()
    bucket = 7
    same_bucket = [bucket, bucket + dedupe.BUCKETS, bucket + 5 * dedupe.BUCKETS]
    assert [table.first(k, 1, n) for n, k in enumerate(same_bucket)] == [0, 1, 2]
    # The same key hash with another CRC is another item.
    assert table.first(bucket, 2, 3) == 3
    assert [table.first(k, 1, 9) for k in reversed(same_bucket)] == [2, 1, 0]
    assert table.first(bucket, 2, 9) == 3
    assert len(table) == 4


def test_a_match_straddling_two_records_is_not_taken() -> None:
    table = SeenItems()
    # Records are (key 8 bytes, CRC 4, place 8).  Record 1's place spells the key of
    # the probe and record 2's key starts with its CRC, so the probe's 12 bytes appear
    # at offset 12, across the two records; find() must not take that match.
    key, crc = 1 << 16, 5 << 16  # both keys below land in bucket 0
    assert table.first(0, 9, key) == key
    assert table.first(crc | (7 << 32), 0, 5) == 5
    bucket = table._buckets[0]
    assert bucket is not None and bucket.find(dedupe._CHECKS.pack(key, crc)) == 12
    assert table.first(key, crc, 7) == 7  # a new item, not the straddling bytes
    assert table.first(key, crc, 8) == 7
    assert len(table) == 3


def test_the_checks_cover_every_part_of_the_key() -> None:
    base = item_checks("h-ben-luc", "portal", 738946, "https://a.vn/1")
    assert base == item_checks("h-ben-luc", "portal", 738946, "https://a.vn/1")
    others = {item_checks("h-duc-hoa", "portal", 738946, "https://a.vn/1"),
              item_checks("h-ben-luc", "zalo", 738946, "https://a.vn/1"),
              item_checks("h-ben-luc", "portal", 738947, "https://a.vn/1"),
              item_checks("h-ben-luc", "portal", 738946, "https://a.vn/2")}
    assert base not in others and len(others) == 4
    # Different URLs differ in their CRC as well as in their key hash.
    assert base[1] != item_checks("h-ben-luc", "portal", 738946, "https://a.vn/2")[1]


def test_deduper_names_the_first_place_across_files() -> None:
    seen = Deduper()
    first, second = seen.add_file("a.csv"), seen.add_file("b.csv")
    args = ("h-ben-luc", "portal", 738946)
    assert seen.earlier(first, 5, *args, "https://a.vn/1", "") is None
    assert seen.earlier(second, 2, *args, "https://a.vn/1", "other title") == ("a.csv", 5)
    # Without a URL the folded title identifies the item; case and accents do not matter.
    assert seen.earlier(first, 6, *args, "", "Hội nghị Chuyển đổi số") is None
    assert seen.earlier(second, 3, *args, "", "hoi nghi chuyen doi so") == ("a.csv", 6)
    # Neither URL nor a title with letters: nothing tells two such rows apart.
    assert seen.earlier(first, 7, *args, "", "") is None
    assert seen.earlier(first, 8, *args, "", " -- ") is None
    assert seen.earlier(first, 9, *args, "", " -- ") is None
