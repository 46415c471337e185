"""Limits and options of the log reader (kept apart so every reader module can import them)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from ..yamlsafe import YamlLimits
from .problems import KEEP_PER_CODE


@dataclass(frozen=True)
class ReadLimits:
    """Bounds that keep a hostile or broken file from exhausting memory or time."""

    max_file_bytes: int = 1 << 30  # 1 GiB per file
    max_rows: int = 10_000_000  # data rows per file
    max_field_chars: int = 100_000  # one cell
    max_columns: int = 500
    problems: int = KEEP_PER_CODE  # kept in full per code and file; the rest counted
    yaml: YamlLimits = field(default_factory=YamlLimits)


@dataclass(frozen=True)
class ReadOptions:
    """What to read and which extra checks to make."""

    sheet: str | None = None  # xlsx sheet name (default: the first sheet)
    limits: ReadLimits = field(default_factory=ReadLimits)
    future_after: dt.date | None = None  # rows dated after it get a `future-date` warning
    check_evidence: bool = False  # validate-only: task vs unit/channel, URL scheme and domain
    require_url: bool = False  # with check_evidence: an online channel's row needs a URL
    owner: Callable[[Path], str | None] | None = None  # unit id that submitted a file
    ignore: frozenset[str] = frozenset()  # problem codes not reported (counted apart)
