"""Header matching: which cell of a row holds the date, the unit, the channel …

Logs come with English or Vietnamese headers in any case, with or without
diacritics, sometimes with a format note ("Ngày (dd/mm/yyyy)") or a required-mark
("Đơn vị*").  Header cells are compared folded (`text.fold`), so "NGÀY THỰC HIỆN",
"Ngay thuc hien" and "ngày-thực-hiện" all name the date column.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from ..i18n import Msg, msg
from ..text import fold

REQUIRED = ("date", "unit", "channel")
OPTIONAL = ("kind", "title", "url", "docs", "task", "quantity", "end_date", "notes")
COLUMNS = REQUIRED + OPTIONAL

# Canonical column → the names people give it (folded before use).
SYNONYMS: dict[str, tuple[str, ...]] = {
    "date": ("date", "start date", "ngày", "ngày thực hiện", "ngày đăng", "ngày phát",
             "thời gian", "ngày bắt đầu", "từ ngày", "ngày đăng tin", "ngày phát sóng",
             "ngày tuyên truyền", "ngày, tháng", "thời gian thực hiện"),
    "unit": ("unit", "đơn vị", "đơn vị thực hiện", "cơ quan", "cơ quan, đơn vị",
             "tên đơn vị", "đơn vị báo cáo", "tên cơ quan", "cơ quan thực hiện", "địa phương"),
    "channel": ("channel", "kênh", "hình thức", "kênh tuyên truyền", "hình thức tuyên truyền",
                "kênh thông tin", "phương tiện", "phương tiện tuyên truyền"),
    "kind": ("kind", "loại", "loại tin bài", "thể loại", "loại hình", "loại tin"),
    "title": ("title", "tiêu đề", "tên tin bài", "nội dung", "tên bài", "tên tin, bài",
              "tiêu đề tin bài", "tên bài viết", "nội dung tuyên truyền"),
    "url": ("url", "link", "đường dẫn", "liên kết", "link bài viết", "link bài", "đường link",
            "địa chỉ", "địa chỉ đăng tải", "link tin bài"),
    "docs": ("docs", "documents", "văn bản", "văn bản tuyên truyền", "văn bản liên quan"),
    "task": ("task", "nhiệm vụ", "stt nhiệm vụ"),
    "quantity": ("quantity", "qty", "số lượng", "sl"),
    "end_date": ("end_date", "end date", "đến ngày", "ngày kết thúc"),
    "notes": ("notes", "note", "ghi chú"),
}

# How each column is called in Vietnamese, for messages and hints.
VIETNAMESE = {"date": "ngày", "unit": "đơn vị", "channel": "kênh", "kind": "loại",
              "title": "tiêu đề", "url": "đường dẫn", "docs": "văn bản", "task": "nhiệm vụ",
              "quantity": "số lượng", "end_date": "đến ngày", "notes": "ghi chú"}
# Headers of the row-number column Vietnamese tables begin with: not data, never warned.
ROW_NUMBER = frozenset(fold(h) for h in ("stt", "tt", "số tt", "số thứ tự", "no", "no.", "#"))

_BY_KEY: dict[str, str] = {fold(name): col for col, names in SYNONYMS.items() for name in names}
_PARENS = re.compile(r"\([^)]*\)|\[[^\]]*\]")


def column_of(header: str) -> str | None:
    """The canonical column a header cell names, or None for an unknown (extra) column."""
    key = fold(header)
    col = _BY_KEY.get(key)
    if col is None and ("(" in header or "[" in header):
        # "Ngày (dd/mm/yyyy)", "Số lượng [bản tin]": the bracketed note is not the name.
        col = _BY_KEY.get(fold(_PARENS.sub(" ", header)))
    return col


@dataclass(frozen=True)
class Layout:
    """Where each column of a table stands, found from its header row."""

    line: int  # line (or Excel row) of the header
    width: int  # number of header cells
    index: dict[str, int]  # canonical column → cell position
    extra: tuple[tuple[int, str], ...]  # unknown columns: (position, header as written)

    def missing(self) -> list[str]:
        """Required columns the header lacks, in canonical order."""
        return [c for c in REQUIRED if c not in self.index]


def read_header(cells: Sequence[str], line: int) -> Layout:
    """Map a candidate header row; the first cell naming a column wins, others are extra."""
    index: dict[str, int] = {}
    extra: list[tuple[int, str]] = []
    for pos, cell in enumerate(cells):
        text = cell.strip()
        col = column_of(text) if text else None
        if col is not None and col not in index:
            index[col] = pos
        else:
            extra.append((pos, text or f"column {pos + 1}"))
    return Layout(line, len(cells), index, tuple(extra))


def named(column: str) -> str:
    """'unit (đơn vị)': a column as messages name it."""
    return f"{column} ({VIETNAMESE[column]})"


def unknown_headers(layout: Layout) -> list[tuple[str, str | None]]:
    """(header, closest known column or None) for each header cell dxplan does not read,
    the row-number column and blank headers left out."""
    from ..text import suggest

    names = {fold(name): col for col, syn in SYNONYMS.items() for name in syn}
    out = []
    for _, header in layout.extra:
        key = fold(header)
        if not header or key in ROW_NUMBER or header.startswith("column "):
            continue
        near = suggest(key, list(names), n=1)
        out.append((header, names[near[0]] if near else None))
    return out


def required_hint() -> Msg:
    """How to fix a header: the required columns with their Vietnamese names."""
    return msg("reader.hint.header", columns=", ".join(named(c) for c in REQUIRED))
