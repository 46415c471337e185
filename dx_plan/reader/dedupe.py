"""Spotting the same item logged twice, across all the files one reader reads.

An item is identified by (unit, channel, date, URL) or, when it has no URL, by
(unit, channel, date, folded title).  Rows with neither URL nor title are never
called duplicates: nothing tells two of them apart.

The key is not kept itself: a year of a province's logs is a million items, and a
dict of their keys (or of any Python objects per item) costs over 100 MiB.  Each
key is reduced to its 128-bit BLAKE2b digest, stored in a compact open-addressing
table of three `array` columns (digest halves, first place), about 40 bytes an item
at most.  Two different items share a digest with probability about n²/2¹²⁹
(10⁻²⁵ for ten million items): a real row is never dropped in practice.
"""

from __future__ import annotations

import unicodedata
from array import array
from hashlib import blake2b

# bytes.translate(None, delete=…) drops every byte that is not an ASCII digit or
# lower-case letter.
_KEEP = frozenset(b"0123456789abcdefghijklmnopqrstuvwxyz")
_DROP = bytes(b for b in range(256) if b not in _KEEP)
_LOW = (1 << 64) - 1


def title_key(title: str) -> str:
    """`text.fold(title)` without its spaces: spelling, case, accents and spacing ignored.

    NFD decomposition, an ASCII encode that drops the combining marks and a
    bytes.translate, all in C; the tests check it equals ``fold(title).replace(" ", "")``.
    """
    lowered = title.casefold().replace("đ", "d").replace("ð", "d")
    return (unicodedata.normalize("NFD", lowered).encode("ascii", "ignore")
            .translate(None, delete=_DROP).decode("ascii"))


def item_digest(unit: str, channel: str, day: int, tail: str) -> int:
    """The 128-bit digest of an item key (`tail` is the URL, or "~" + the folded title)."""
    text = f"{unit}\x1f{channel}\x1f{day}\x1f{tail}"
    return int.from_bytes(blake2b(text.encode("utf-8", "surrogatepass"),
                                  digest_size=16).digest(), "little")


class SeenItems:
    """Item digest → place of its first occurrence (an `int`), in flat arrays."""

    def __init__(self, capacity: int = 1 << 12) -> None:
        self._alloc(1 << max(4, (capacity - 1).bit_length()))
        self._used = 0

    def _alloc(self, size: int) -> None:
        self._low = array("Q", bytes(8 * size))
        self._high = array("Q", bytes(8 * size))
        self._place = array("q", bytes(8 * size))
        self._mask = size - 1

    def __len__(self) -> int:
        return self._used

    def first(self, digest: int, place: int) -> int:
        """The place stored for `digest`, storing `place` first when the digest is new."""
        low, high = (digest & _LOW) | 1, digest >> 64  # low 0 marks an empty slot
        slot = low & self._mask
        while True:
            found = self._low[slot]
            if found == 0:
                self._store(slot, low, high, place)
                return place
            if found == low and self._high[slot] == high:
                return self._place[slot]
            slot = (slot + 1) & self._mask

    def _store(self, slot: int, low: int, high: int, place: int) -> None:
        self._low[slot], self._high[slot], self._place[slot] = low, high, place
        self._used += 1
        if 3 * self._used > 2 * (self._mask + 1):
            self._grow()

    def _grow(self) -> None:
        old = zip(self._low, self._high, self._place, strict=True)
        self._alloc(2 * (self._mask + 1))
        for low, high, place in old:
            if low:
                slot = low & self._mask
                while self._low[slot]:
                    slot = (slot + 1) & self._mask
                self._low[slot], self._high[slot], self._place[slot] = low, high, place


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
            tail = "~" + folded
        else:
            return None  # no URL, and no title (or one of punctuation only)
        here = (file_index << 32) | line
        first = self.seen.first(item_digest(unit, channel, day, tail), here)
        if first == here:
            return None
        return self.files[first >> 32], first & 0xFFFFFFFF
