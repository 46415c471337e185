"""Deterministic generator of large activity logs for the dxplan benchmark.

Usage::

    python bench/gen.py --rows 1000000 --seed 1 --out bench/out/log-1000000.csv
    python bench/gen.py --rows 100000 --seed 1 --out bench/out/log-100000.xlsx --xlsx

Rows are spread over 2024-02-01..2024-12-31; about half the dates are ISO
(``2024-03-05``) and half day-first (``05/03/2024``).  The unit column holds a unit
id ~80% of the time and a display name ~20% (half of those decomposed to NFD).
Titles are long Vietnamese sentences (~150 characters) so that a million rows weigh
about 250-300 MB.  Led-screen rows sometimes carry an ``end_date`` range, and ~0.5% of
rows repeat an earlier row exactly (duplicates).  Rows are written as they are
made: memory stays flat whatever ``--rows`` is.

With ``--dirty`` every row cites a document that Phụ lục I does not hold (one of a
few misspelt ids, the systematic mistake a unit really makes), so every row draws
an ``unknown-doc`` warning: the flood of problems the benchmark must stay bounded on.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import random
import sys
import unicodedata
from collections.abc import Iterator
from pathlib import Path

HEADER = ("date", "unit", "channel", "kind", "title", "url", "docs", "task", "quantity",
          "end_date", "notes")
START = dt.date(2024, 2, 1)
END = dt.date(2024, 12, 31)

WORDS = (
    "chuyển đổi số", "tuyên truyền", "người dân", "doanh nghiệp", "chính quyền số",
    "kinh tế số", "xã hội số", "dịch vụ công trực tuyến", "thanh toán không dùng tiền mặt",
    "nền tảng số", "kỹ năng số", "an toàn thông tin", "tổ công nghệ số cộng đồng",
    "hướng dẫn", "triển khai", "hiệu quả", "trên địa bàn", "tỉnh Long An", "năm 2024",
    "hội nghị", "phổ biến", "quán triệt", "định danh điện tử", "ứng dụng VNeID",
    "bản tin", "phóng sự", "cán bộ, công chức", "xã, phường, thị trấn", "mô hình điểm",
    "nâng cao nhận thức", "hạ tầng số", "dữ liệu số", "thương mại điện tử", "nông nghiệp",
)
NOTES = ("", "", "", "", "đã đăng", "phát lại", "kèm ảnh", "Ghi chú: bổ sung sau")
UNKNOWN_DOCS = ("ND-13-2023", "QĐ 749/TTg", "KH-01-2024", "NQ 52-NQ/TW")


def _plan_lists() -> tuple[list[str], list[str], list[str], list[str], list[str]]:
    """Unit ids, unit display names, channel ids, kind ids and task ids of the shipped plan."""
    from dx_plan.loader import load_plan

    plan = load_plan()
    return ([u.id for u in plan.units], [u.name for u in plan.units],
            [c.id for c in plan.channels], [k.id for k in plan.kinds],
            [t.id for t in plan.tasks])


def _title(rnd: random.Random) -> str:
    """A Vietnamese title of roughly 150 characters."""
    parts: list[str] = []
    size = 0
    target = rnd.randint(130, 170)
    while size < target:
        word = rnd.choice(WORDS)
        parts.append(word)
        size += len(word) + 1
    text = " ".join(parts)
    return text[0].upper() + text[1:]


def rows(n: int, seed: int, dirty: bool = False) -> Iterator[list[str]]:
    """Yield ``n`` data rows (header excluded), deterministically from ``seed``."""
    rnd = random.Random(seed)
    ids, names, channels, kinds, tasks = _plan_lists()
    nfd = [unicodedata.normalize("NFD", name) for name in names]
    # Display names shared by several units ("Xã Thạnh Hưng") are ambiguous by design;
    # for those units the id is written instead, so every row names one unit.
    unique = [names.count(name) == 1 for name in names]
    days = (END - START).days + 1
    recent: list[list[str]] = []
    for i in range(n):
        if recent and rnd.random() < 0.005:
            yield rnd.choice(recent)
            continue
        day = START + dt.timedelta(days=rnd.randrange(days))
        date = day.isoformat() if rnd.random() < 0.5 else day.strftime("%d/%m/%Y")
        u = rnd.randrange(len(ids))
        pick = rnd.random()
        if pick < 0.8 or not unique[u]:
            unit = ids[u]
        else:
            unit = names[u] if pick < 0.9 else nfd[u]
        channel = rnd.choice(channels)
        end_date = ""
        if channel == "led-screen" and rnd.random() < 0.3:
            end_date = (day + dt.timedelta(days=rnd.randint(1, 30))).isoformat()
        row = [
            date, unit, channel, rnd.choice(kinds), _title(rnd),
            f"https://longan.gov.vn/{ids[u][:10]}/{i}.html",
            _docs(rnd, dirty), rnd.choice(tasks),
            str(rnd.randint(1, 3)), end_date, rnd.choice(NOTES),
        ]
        if len(recent) < 64:
            recent.append(row)
        else:
            recent[rnd.randrange(64)] = row
        yield row


def _docs(rnd: random.Random, dirty: bool) -> str:
    """The docs cell: a known document on ~20% of rows; an unknown one on every dirty row."""
    if dirty:
        return rnd.choice(UNKNOWN_DOCS)
    return "749/QĐ-TTg" if rnd.random() < 0.2 else ""


def write_csv(path: Path, n: int, seed: int, dirty: bool = False) -> None:
    """Stream ``n`` rows plus a header to a UTF-8 CSV file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".part")
    with tmp.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(HEADER)
        writer.writerows(rows(n, seed, dirty))
    tmp.replace(path)


def write_xlsx(path: Path, n: int, seed: int) -> None:
    """Stream ``n`` rows plus a header to an .xlsx file (openpyxl write-only mode)."""
    from openpyxl import Workbook

    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".part.xlsx")
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("log")
    ws.append(list(HEADER))
    for row in rows(n, seed):
        ws.append(row)
    wb.save(tmp)
    tmp.replace(path)


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rows", type=int, required=True)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--xlsx", action="store_true", help="write .xlsx instead of CSV")
    ap.add_argument("--dirty", action="store_true",
                    help="every row cites an unknown document (CSV only)")
    args = ap.parse_args(argv)
    if args.xlsx:
        write_xlsx(args.out, args.rows, args.seed)
    else:
        write_csv(args.out, args.rows, args.seed, args.dirty)
    return 0


if __name__ == "__main__":
    sys.exit(main())
