"""Spotting the same item logged twice, across all the files one reader reads.

An item is identified by (unit, channel, date, URL) or, when it has no URL, by
(unit, channel, date, folded title).  Rows with neither URL nor title are never
called duplicates: nothing tells two of them apart.

The key itself is not kept: a year of a province's logs is a million items, and a
dict of their keys (or of any Python object per item) costs over 100 MiB.  Each
key is reduced to two independent checks, Python's 64-bit `hash` of the key (SipHash,
keyed at random per process) and the CRC-32 of its URL or title, stored with the
place of the item's first row in 20 bytes (see `SeenItems`).  Two items with different URLs
(or titles) are confused only when both checks collide, about n²/2⁹⁷ for n items
(10⁻¹⁵ for ten million): a real row is never dropped in practice.
"""

from __future__ import annotations

import unicodedata
from struct import Struct
from zlib import crc32

# bytes.translate(None, delete=…) drops every byte that is not an ASCII digit or
# lower-case letter.
_KEEP = frozenset(b"0123456789abcdefghijklmnopqrstuvwxyz")
_DROP = bytes(b for b in range(256) if b not in _KEEP)
BUCKETS = 1 << 16
_CHECKS = Struct("<qI")  # key hash, CRC-32
_PLACE = Struct("<q")  # (file index << 32) | line
_RECORD = Struct("<qIq")


def title_key(title: str) -> str:
    """`text.fold(title)` without its spaces: spelling, case, accents and spacing ignored.

    NFD decomposition, an ASCII encode that drops the combining marks and a
    bytes.translate, all in C; the tests check it equals ``fold(title).replace(" ", "")``.
    """
    lowered = title.casefold().replace("đ", "d").replace("ð", "d")
    return (unicodedata.normalize("NFD", lowered).encode("ascii", "ignore")
            .translate(None, delete=_DROP).decode("ascii"))


def item_checks(unit: str, channel: str, day: int, tail: str) -> tuple[int, int]:
    """(64-bit key hash, CRC-32 of `tail`) of an item; `tail` is the URL or NUL + title key."""
    return hash((unit, channel, day, tail)) or 1, crc32(tail.encode("utf-8", "surrogatepass"))


class SeenItems:
    """Item checks → place of the item's first occurrence, packed in 65,536 byte buckets.

    A bucket (chosen by the low bits of the key hash) is a `bytearray` of 20-byte
    records (key hash, CRC-32, place); a lookup is one `find` in C over a bucket of
    n/65,536 records.
    """

    def __init__(self) -> None:
        self._buckets: list[bytearray | None] = [None] * BUCKETS
        self._used = 0

    def __len__(self) -> int:
        return self._used

    def first(self, key: int, crc: int, place: int) -> int:
        """The place stored for (key, crc), storing `place` first when the item is new."""
        index = key & (BUCKETS - 1)
        bucket = self._buckets[index]
        if bucket is None:
            bucket = self._buckets[index] = bytearray()
        probe = _CHECKS.pack(key, crc)
        at = bucket.find(probe)
        while at > 0 and at % _RECORD.size:  # a match across two records: look further
            at = bucket.find(probe, at + 1)
        if at < 0:
            bucket += _RECORD.pack(key, crc, place)
            self._used += 1
            return place
        return int(_PLACE.unpack_from(bucket, at + _CHECKS.size)[0])


class Deduper:
    """First occurrences of items across files: digest → packed (file index, line)."""

    def __init__(self) -> None:
        self.seen = SeenItems()
        self.files: list[str] = []

    def add_file(self, name: str) -> int:
        """Register a file; return its index for packed places."""
        self.files.append(name)
        return len(self.files) - 1

    def earlier(self, file_index: int, line: int, unit: str, channel: str, day: int,
                url: str, title: str) -> tuple[str, int] | None:
        """(file, line) of an earlier row with the same item, or None (this row is first)."""
        if url:
            tail = url
        elif title and (folded := title_key(title)):
            tail = "\0" + folded  # no URL starts with NUL: a title never meets a URL
        else:
            return None  # no URL, and no title (or one of punctuation only)
        here = (file_index << 32) | line
        first = self.seen.first(*item_checks(unit, channel, day, tail), here)
        if first == here:
            return None
        return self.files[first >> 32], first & 0xFFFFFFFF
