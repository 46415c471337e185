# Types of the C accelerator (dx_plan/_speedups.c); see accel.py.
from collections.abc import Callable, Iterator
from typing import Any

DONE: int
BUDGET: int
SLOW: int
ENTRY: int

class HashTable:
    def __init__(self, capacity: int = ...) -> None: ...
    def setdefault(self, key: int, value: int, /) -> int: ...
    def __len__(self) -> int: ...

class Tally:
    counted: int
    first: int
    last: int
    def __init__(self, targets: dict[Any, Any] | None, targets_for: Callable[[Any], Any] | None,
                 parents: dict[str, str | None] | None, by_unit: dict[str, int] | None,
                 keep: frozenset[str] | None, last_day: int, window_start: int) -> None: ...

class Lines:
    lines: int
    last: str
    def __init__(self, readline: Callable[[int], str], limit: int,
                 on_long: Callable[[str], str]) -> None: ...
    def __iter__(self) -> Lines: ...
    def __next__(self) -> str: ...

class Rows:
    end: int
    taken: int
    def __init__(self, *, file: str, width: int, positions: tuple[int, ...],
                 extra: tuple[tuple[int, str], ...], start: int, stop: int, future: int,
                 allowed: frozenset[str] | None, evidence: tuple[Any, ...] | None,
                 log: object, dates: dict[str, Any], units: dict[str, Any],
                 channels: dict[str, Any], quantities: dict[str, Any], kinds: dict[str, Any],
                 docs: dict[str, Any], tasks: dict[str, Any], fail_cls: type,
                 table: HashTable, base: int, title_key: Callable[[str], bytes],
                 is_normalized: Callable[[str, str], bool], normalize: Callable[[str, str], str],
                 entry_cls: type) -> None: ...
    def run(self, reader: Iterator[list[str]], feed: object, budget: int,
            tally: Tally | None, /) -> tuple[int, Any]: ...
