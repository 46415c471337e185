"""dx_plan.reader: every format, encoding and problem code, with exact lines and messages.

Fixtures live in tests/data/logs/ and are written by make_fixtures.py (checked
to be current below).  Expected entries and problems are worked out by hand
from the fixture rows and the shipped plan (period 2024-02-01..2024-12-31).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import os
import sys
import tempfile
import zipfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dx_plan.catalog import Catalog
from dx_plan.entries import PROBLEM_CODES, Entry, Problem
from dx_plan.errors import InputError
from dx_plan.i18n import Msg, msg
from dx_plan.loader import load_plan
from dx_plan.reader import (
    LogReader,
    ProblemLog,
    ReadLimits,
    ReadOptions,
    delimited,
    excel,
    expand_paths,
)
from dx_plan.reader import problems as problems_module
from dx_plan.reader.dedupe import title_key
from dx_plan.reader.problems import Fail
from dx_plan.text import fold

LOGS = Path(__file__).resolve().parent / "data" / "logs"
sys.path.insert(0, str(LOGS))
_WRITES, sys.dont_write_bytecode = sys.dont_write_bytecode, True  # no __pycache__ in data/
import make_fixtures  # noqa: E402

sys.dont_write_bytecode = _WRITES

D = dt.date
# The hints list every code with its Vietnamese name from the plan: "leaflet (tờ gấp)".
CHANNEL_IDS = ", ".join(f"{c.id} ({c.name})" for c in load_plan().channels)
KIND_IDS = ("article (bài viết), news (tin), bulletin (bản tin), story (phóng sự), "
            "infographic, video, slide (nội dung trình chiếu), leaflet (tờ gấp), meeting (buổi "
            "tuyên truyền), guidance (văn bản hướng dẫn), support (đợt hỗ trợ người dân), plan "
            "(kế hoạch), talk (tọa đàm), award (tổng kết, trao giải), report (báo cáo)")
REQUIRED = "every row needs a date, a unit and a channel"
HEADER_HINT = ("the header row needs the columns date (ngày), unit (đơn vị), channel (kênh); "
               "the others are optional")
DUP_HINT = "an item with the same unit, channel, date and URL (or title) is counted once"


# ------------------------------------------------------------------ helpers


def read(catalog: Catalog, paths: Sequence[Path | str], **options: Any
         ) -> tuple[list[Entry], list[Problem], LogReader]:
    reader = LogReader(catalog, ReadOptions(**options))
    entries = list(reader.read([Path(p) for p in paths]))
    return entries, reader.problems.problems, reader


def said(message: Msg | None) -> str | None:
    """A problem's message or hint in English (the text of the JSON output)."""
    return None if message is None else str(message)


def probs(problems: list[Problem]) -> list[tuple[Any, ...]]:
    """(line, severity, code, column, message, hint) of each problem, in order."""
    return [(p.line, p.severity, p.code, p.column, str(p.message), said(p.hint))
            for p in problems]


def brief(entries: list[Entry]) -> list[tuple[Any, ...]]:
    return [(e.line, e.date, e.unit, e.channel, e.kind, e.title) for e in entries]


def log(name: str) -> Path:
    return LOGS / name


def test_fixtures_are_current() -> None:
    for name, data in make_fixtures.fixtures().items():
        assert (LOGS / name).read_bytes() == data, f"{name} is stale: run make_fixtures.py"


# ------------------------------------------------------------------ formats and encodings


def test_utf8_csv(catalog: Catalog) -> None:
    entries, problems, reader = read(catalog, [log("utf8.csv")])
    assert problems == []
    assert entries == [
        Entry(str(log("utf8.csv")), 2, D(2024, 3, 5), D(2024, 3, 5), "h-ben-luc",
              "grassroots-radio", "bulletin", "Bản tin chuyển đổi số tuần 10", "",
              ("QD-749-TTg-2020",), "2.5", 1, ""),
        Entry(str(log("utf8.csv")), 3, D(2024, 3, 6), D(2024, 3, 6), "h-ben-luc",
              "unit-portal", "article", "Người dân dùng dịch vụ công trực tuyến",
              "https://benluc.longan.gov.vn/tin/1", (), "3.3", 1, ""),
        Entry(str(log("utf8.csv")), 4, D(2024, 3, 7), D(2024, 3, 7), "bao-long-an",
              "newspaper", "article", "Chuyển đổi số, bắt đầu từ người dân",
              "https://baolongan.vn/cds-1.html", ("QD-749-TTg-2020", "QD-06-TTg-2022"), "2.2",
              1, "số đặc biệt"),
        Entry(str(log("utf8.csv")), 5, D(2024, 3, 8), D(2024, 3, 8), "so-tttt", "led-screen",
              "slide", "Màn hình LED tại Sở", "", (), None, 3, ""),
    ]
    assert reader.rows_read == 4
    assert reader.bytes_read == log("utf8.csv").stat().st_size


def test_utf8_bom_semicolons_vietnamese(catalog: Catalog) -> None:
    entries, problems, _ = read(catalog, [log("utf8-bom.csv")])
    assert problems == []
    assert brief(entries) == [
        (2, D(2024, 4, 12), "h-can-duoc", "unit-portal", "news",
         "Cần Đước triển khai nền tảng số"),
        (3, D(2024, 4, 13), "h-can-duoc", "grassroots-radio", "bulletin", "Bản tin tuần 15"),
    ]
    assert [e.quantity for e in entries] == [1, 2]
    assert entries[0].url == "https://canduoc.longan.gov.vn/a"


def test_utf16_with_bom_tab_separated(catalog: Catalog) -> None:
    assert log("utf16.txt").read_bytes()[:2] == b"\xff\xfe"
    entries, problems, _ = read(catalog, [log("utf16.txt")])
    assert problems == []
    assert brief(entries) == [(2, D(2024, 5, 15), "h-ben-luc", "led-screen", None,
                               "Lịch tiếp dân")]


def test_utf16_without_bom(catalog: Catalog) -> None:
    assert log("utf16-nobom.csv").read_bytes()[:4] == b"d\x00a\x00"
    entries, problems, _ = read(catalog, [log("utf16-nobom.csv")])
    assert problems == []
    assert brief(entries) == [(2, D(2024, 5, 16), "h-ben-luc", "zalo", None,
                               "Tin nhắn Zalo về dịch vụ công")]


def test_cp1258_with_combining_tones_becomes_nfc(catalog: Catalog) -> None:
    raw = log("cp1258.csv").read_bytes()
    assert b"Ba\xd2n tin s\xf4\xec" in raw  # "Bản tin số": a + hook, ô + acute (combining)
    entries, problems, _ = read(catalog, [log("cp1258.csv")])
    assert problems == []
    assert brief(entries) == [(2, D(2024, 6, 20), "h-ben-luc", "grassroots-radio", None,
                               "Bản tin số tháng Sáu")]
    assert entries[0].title == "B\u1ea3n tin s\u1ed1 th\u00e1ng S\u00e1u"  # precomposed (NFC)


def test_title_rows_above_the_header(catalog: Catalog) -> None:
    entries, problems, _ = read(catalog, [log("title-row.csv")])
    assert problems == []
    assert brief(entries) == [(5, D(2024, 3, 1), "h-can-duoc", "meeting", None,
                               "Hội nghị quán triệt Kế hoạch")]
    assert entries[0].extra == (("STT", "1"),)


def test_vietnamese_headers_and_extra_columns(catalog: Catalog) -> None:
    entries, problems, _ = read(catalog, [log("vietnamese-headers.csv")])
    # "STT" is the row-number column every Vietnamese table has; "Người nhập" is a column
    # dxplan does not read: said once, its cells kept.
    assert [(p.line, p.severity, p.code, str(p.message)) for p in problems] == [
        (1, "warning", "unknown-column",
         "the column 'Người nhập' is not one dxplan reads; its cells are kept as notes")]
    assert entries == [Entry(
        str(log("vietnamese-headers.csv")), 2, D(2024, 4, 2), D(2024, 4, 2), "so-tttt",
        "dx-portal", "news", "Hướng dẫn cài VNeID", "https://chuyendoiso.longan.gov.vn/tin/2",
        ("KH-800-UBND-2022",), "3.2", 1, "", (("STT", "1"), ("Người nhập", "Nguyễn Văn A")))]


def test_yaml_list(catalog: Catalog) -> None:
    entries, problems, reader = read(catalog, [log("log.yaml")])
    assert problems == []
    assert brief(entries) == [
        (1, D(2024, 7, 1), "h-ben-luc", "grassroots-radio", "bulletin", "Bản tin tháng 7"),
        (6, D(2024, 7, 2), "bao-long-an", "newspaper", None, "Chuyển đổi số ở Long An"),
    ]
    assert entries[1].docs == ("QD-749-TTg-2020", "QD-06-TTg-2022")
    assert entries[1].quantity == 2
    assert entries[1].url == "https://baolongan.vn/a.html"
    assert reader.rows_read == 2


def test_yaml_unit_with_entries(catalog: Catalog) -> None:
    entries, problems, _ = read(catalog, [log("unit-log.yaml")])
    assert problems == []
    assert brief(entries) == [
        (3, D(2024, 8, 5), "h-can-duoc", "zalo", None, "Zalo tuần 32"),  # inherited unit
        (6, D(2024, 8, 6), "x-tan-chanh--h-can-duoc", "grassroots-radio", None,
         "Bản tin xã Tân Chánh"),  # its own unit wins
    ]


def test_xlsx(catalog: Catalog) -> None:
    entries, problems, _ = read(catalog, [log("log.xlsx")])
    assert brief(entries) == [
        (3, D(2024, 9, 2), "h-ben-luc", "grassroots-radio", "bulletin", "Bản tin tuần 36"),
        (4, D(2024, 9, 3), "h-ben-luc", "led-screen", None, "Lịch tiếp công dân"),  # serial
        (5, D(2024, 9, 4), "h-ben-luc", "zalo", "news", "2024"),  # text date; number title
    ]
    assert [e.quantity for e in entries] == [2, 1, 1]  # 2.0 is 2
    assert entries[1].notes == "serial date"
    assert probs(problems) == [
        (6, "error", "bad-quantity", "quantity", "quantity '1.5' is not a whole number", None),
    ]


def test_xlsx_sheet_option(catalog: Catalog) -> None:
    entries, problems, _ = read(catalog, [log("log.xlsx")], sheet="Tháng 10")
    assert problems == []
    assert brief(entries) == [(2, D(2024, 10, 1), "so-tttt", "dx-portal", None, "Tin tháng 10")]
    with pytest.raises(InputError) as exc:
        read(catalog, [log("log.xlsx")], sheet="Tháng 11")
    assert str(exc.value) == (f"{log('log.xlsx')}: no sheet named 'Tháng 11'; "
                              "its sheets are 'Nhật ký', 'Tháng 10'")


def test_xlsx_huge_declared_dimension_is_ignored(catalog: Catalog, tmp_path: Path) -> None:
    src = log("log.xlsx").read_bytes()
    path = tmp_path / "dim.xlsx"
    with zipfile.ZipFile(io.BytesIO(src)) as zin, zipfile.ZipFile(path, "w") as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            if info.filename == "xl/worksheets/sheet1.xml":
                data = data.replace(b'<dimension ref="A1:G8" />',
                                    b'<dimension ref="A1:XFD1048576" />')
                assert b"XFD1048576" in data
            zout.writestr(info, data)
    entries, _, _ = read(catalog, [path])
    assert len(entries) == 3


def test_xlsx_serial_outside_the_plausible_range(catalog: Catalog, tmp_path: Path) -> None:
    from openpyxl import Workbook

    book = Workbook()
    book.active.append(["date", "unit", "channel"])
    book.active.append([12, "h-ben-luc", "zalo"])
    book.save(tmp_path / "serial.xlsx")
    _, problems, _ = read(catalog, [tmp_path / "serial.xlsx"])
    assert probs(problems) == [
        (2, "error", "bad-date", "date", "cannot read date '12': not a date; write DD/MM/YYYY",
         None)]


# ------------------------------------------------------------------ row problems


def test_every_row_problem(catalog: Catalog) -> None:
    entries, problems, reader = read(
        catalog, [log("problems.csv")], future_after=D(2024, 12, 1),
        limits=ReadLimits(max_columns=12))
    e = "error"
    w = "warning"
    assert probs(problems) == [
        (3, e, "missing-value", "date", "date is empty", REQUIRED),
        (4, e, "unknown-unit", "unit", "unknown unit 'Ben Lu'",
         "did you mean 'h-ben-luc' (Huyện Bến Lức)?"),
        (5, e, "ambiguous-unit", "unit", "unit 'Phường 1' fits several units",
         "write the id: p-1--tp-tan-an or p-1--tx-kien-tuong"),
        (6, e, "unknown-channel", "channel", "unknown channel 'loa phat thanhh'",
         "did you mean 'grassroots-radio' (Hệ thống truyền thanh cơ sở) or 'fm-radio' (Kênh "
         "phát thanh FM của Đài PT-TH Long An)? channels: " + CHANNEL_IDS),
        (7, e, "bad-date", "date", "cannot read date '31/02/2024': no such day", None),
        (8, e, "bad-date", "date", "cannot read date '04/13/2024': no such day",
         "dates are day-first: DD/MM/YYYY (13 is not a month)"),
        (9, e, "bad-date", "date", "cannot read date '03/2024': month only; give the day", None),
        (10, e, "bad-end-date", "end_date",
         "cannot read end_date 'xx/yy': not a date; write DD/MM/YYYY", None),
        (11, e, "bad-end-date", "end_date", "end_date 2024-03-01 is before date 2024-03-05",
         "end_date is the last day of an activity that lasts several days"),
        (12, e, "bad-quantity", "quantity", "quantity must be at least 1, not 0", None),
        (13, e, "bad-quantity", "quantity", "quantity '2.5' is not a whole number", None),
        (14, e, "bad-quantity", "quantity", "quantity 2000000 is more than 1000000; check it",
         None),
        (15, w, "outside-period", "date",
         "date 2024-01-15 is outside the plan period 2024-02-01..2024-12-31; not counted", None),
        (16, w, "unknown-kind", "kind", "unknown kind 'radio drama'", "kinds: " + KIND_IDS),
        (17, w, "unknown-doc", "docs", "unknown document '999/QĐ-XYZ'",
         "write a document id or number from Phụ lục I, e.g. 749/QĐ-TTg"),
        (18, w, "unknown-task", "task", "unknown task '9.9'",
         "write a row number of Phụ lục II (e.g. 2.2, 3.2b) or a plan section (e.g. IV.1)"),
        (19, w, "duplicate", None, f"same item as line 2 of {log('problems.csv')}", DUP_HINT),
        (23, e, "too-many-columns", None, "the row has 13 cells; the limit is 12",
         "remove stray delimiters or empty columns"),
        (25, w, "future-date", "date", "date 2024-12-28 is after the as-of date 2024-12-01",
         None),
        # every error of a row is reported, in column order
        (26, e, "bad-date", "date", "cannot read date '32/13/2024': no such day",
         "dates are day-first: DD/MM/YYYY (13 is not a month)"),
        (26, e, "unknown-unit", "unit", "unknown unit 'Nowhere'",
         "write a unit id (e.g. h-ben-luc) or the unit's name as the plan gives it"),
        (26, e, "unknown-channel", "channel", "unknown channel 'nothing'",
         "channels: " + CHANNEL_IDS),
        (26, e, "bad-quantity", "quantity", "quantity must be at least 1, not -1", None),
        (27, e, "bad-quantity", "quantity",
         "quantity '1.000' has a thousands separator; write digits only", None),
    ]
    assert [(x.line, x.kind, x.docs, x.task, x.end, x.extra) for x in entries] == [
        (2, "bulletin", (), None, D(2024, 3, 5), ()),
        (16, None, (), None, D(2024, 3, 6), ()),  # unknown kind: kept, kind None
        (17, None, ("QD-749-TTg-2020",), None, D(2024, 3, 7), ()),  # known doc kept
        (18, None, (), None, D(2024, 3, 8), ()),  # unknown task: kept, task None
        (20, None, (), None, D(2024, 12, 31), ()),  # end clipped to the plan's end
        (24, None, (), None, D(2024, 3, 11), (("column 12", "surplus"),)),
        (25, None, (), None, D(2024, 12, 28), ()),  # future: warned, still counted
    ]
    assert all(p.file == str(log("problems.csv")) for p in problems)
    assert reader.problems.errors == 18
    assert reader.problems.warnings == 6
    assert reader.problems.counts[("error", "bad-quantity")] == 5
    assert reader.rows_read == 26


def test_csv_level_problems_and_recovery(catalog: Catalog) -> None:
    entries, problems, _ = read(catalog, [log("broken.csv")],
                                limits=ReadLimits(max_field_chars=100))
    assert brief(entries) == [
        (2, D(2024, 3, 5), "h-ben-luc", "grassroots-radio", None, "ok"),
        (4, D(2024, 3, 6), "h-ben-luc", "grassroots-radio", None, "multi\nline title"),
        (10, D(2024, 3, 9), "h-ben-luc", "grassroots-radio", None, "after"),  # resynchronised
    ]
    too_large = ("a field is longer than 100 characters",
                 'shorten the cell, or check for a quote (") that is never closed')
    assert probs(problems) == [
        (3, "error", "bad-row", None, "text follows a closing quote in a field",
         'quote the whole cell, doubling quotes inside it ("")'),
        (6, "error", "field-too-large", None, *too_large),
        (7, "error", "field-too-large", None, *too_large),
        # Line 9 closes the quoted field of line 7: skipped with it, and said so.
        (9, "error", "bad-row", None, "line 9 was read as the rest of a quoted field opened "
         "on line 7 and not counted", 'check that line for a quote (") that is never closed'),
        (11, "error", "bad-row", None, "a quoted field starting on this line is never closed",
         'add the closing quote ("), or remove the opening one'),
    ]


def test_field_limit_is_inclusive(catalog: Catalog, tmp_path: Path) -> None:
    path = tmp_path / "limit.csv"
    path.write_text("date,unit,channel,title\n05/03/2024,h-ben-luc,zalo," + "a" * 100
                    + "\n06/03/2024,h-ben-luc,zalo," + "b" * 101 + "\n", encoding="utf-8")
    entries, problems, _ = read(catalog, [path], limits=ReadLimits(max_field_chars=100))
    assert [e.line for e in entries] == [2]
    assert [(p.line, p.code) for p in problems] == [(3, "field-too-large")]


def test_over_long_lines(catalog: Catalog, tmp_path: Path,
                         monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(delimited, "MAX_LINE_CHARS", 1000)
    path = tmp_path / "long.csv"
    path.write_text(
        "date,unit,channel,title\n"
        "05/03/2024,h-ben-luc,zalo," + "x" * 5000 + "\n"              # 2: one huge field
        "06/03/2024,h-ben-luc,zalo,ok\n"                               # 3
        "07/03/2024,h-ben-luc,zalo," + "," * 3000 + "\n"              # 4: a line of commas
        '08/03/2024,h-ben-luc,zalo,"' + ("y" * 50 + "\n") * 3         # 5-7: quoted, 3 lines
        + "z" * 2000 + '",tail\n'                                      # 8: long, closes it
        "09/03/2024,h-ben-luc,zalo,last\n",                            # 9
        encoding="utf-8")
    entries, problems, _ = read(catalog, [path])
    assert [(e.line, e.title) for e in entries] == [(3, "ok"), (9, "last")]
    assert probs(problems) == [
        (2, "error", "field-too-large", None, "the line is longer than 1000 characters",
         'a field may have at most 100000 characters; check for a quote (") that is never '
         "closed"),
        (4, "error", "too-many-columns", None, "the row has more than 500 cells",
         "remove stray delimiters or empty columns"),
        (5, "error", "field-too-large", None, "the line is longer than 1000 characters",
         'a field may have at most 100000 characters; check for a quote (") that is never '
         "closed"),
    ]


def test_too_many_rows(catalog: Catalog) -> None:
    entries, problems, reader = read(catalog, [log("utf8.csv")], limits=ReadLimits(max_rows=2))
    assert [e.line for e in entries] == [2, 3]
    assert probs(problems) == [(4, "error", "bad-file", None,
                                "more than 2 data rows; the rest of the file is not read",
                                "split the file")]
    assert reader.rows_read == 2


def test_duplicates_within_and_across_files(catalog: Catalog) -> None:
    a, b = log("dup-a.csv"), log("dup-b.csv")
    entries, problems, _ = read(catalog, [a, b])
    assert [(Path(e.file).name, e.line) for e in entries] == [
        ("dup-a.csv", 2), ("dup-a.csv", 4), ("dup-a.csv", 5), ("dup-a.csv", 6),
        ("dup-a.csv", 7), ("dup-a.csv", 9), ("dup-b.csv", 3)]
    assert [(p.file, p.line, p.code, str(p.message)) for p in problems] == [
        (str(a), 3, "duplicate", f"same item as line 2 of {a}"),  # same URL
        (str(a), 8, "duplicate", f"same item as line 7 of {a}"),  # same folded title
        (str(b), 2, "duplicate", f"same item as line 2 of {a}"),  # other file, other spelling
    ]
    assert all(p.severity == "warning" for p in problems)


def test_duplicates_are_per_reader(catalog: Catalog) -> None:
    for _ in range(2):
        _, problems, _ = read(catalog, [log("dup-b.csv")])
        assert problems == []


def test_evidence_checks(catalog: Catalog) -> None:
    entries, problems, _ = read(catalog, [log("evidence.csv")], check_evidence=True,
                                require_url=True)
    assert [e.line for e in entries] == list(range(2, 14))  # warnings never drop a row
    w = "warning"
    assert probs(problems) == [
        (3, w, "task-mismatch", "task", "task 2.2 is led by bao-long-an, not h-ben-luc", None),
        (3, w, "task-mismatch", "task", "task 2.2 counts items on newspaper, not unit-portal",
         None),
        (4, w, "bad-url", "url", "URL 'javascript:alert(1)' is not an http(s) address",
         "give the full address of the published item, starting with https://"),
        (5, w, "foreign-domain", "url",
         "URL host 'evil.example.com' is not a known domain of h-ben-luc",
         "known domains: benluc.longan.gov.vn"),
        (7, "error", "missing-url", "url",
         "no URL for an item on 'unit-portal', an online channel",
         "add the link to the published item"),
        (9, w, "task-mismatch", "task", "task 3.5 counts items on social, not unit-portal",
         None),
        (13, w, "task-mismatch", "task",
         "task IV.1 counts items on plan-doc, report, not unit-portal", None),
    ]


def test_evidence_checks_are_off_by_default(catalog: Catalog) -> None:
    _, problems, _ = read(catalog, [log("evidence.csv")])
    assert problems == []


def test_foreign_unit(catalog: Catalog) -> None:
    seen: list[Path] = []

    def owner(path: Path) -> str | None:
        seen.append(path)
        return "h-can-duoc"

    entries, problems, _ = read(catalog, [log("owned.csv")], owner=owner)
    assert seen == [log("owned.csv")]
    assert [(e.line, e.unit) for e in entries] == [(2, "h-can-duoc"),
                                                   (3, "x-tan-chanh--h-can-duoc")]
    assert probs(problems) == [
        (4, "error", "foreign-unit", "unit",
         "the row names unit 'h-ben-luc' but the file is from 'h-can-duoc'",
         "a unit reports its own work (and its communes'); move the row to h-ben-luc's file"),
    ]


def test_untrusted_text_in_messages_is_made_safe(catalog: Catalog, tmp_path: Path) -> None:
    path = tmp_path / "esc.csv"
    evil = "\x1b]8;;http://evil\x07click\x1b[31m" + "z" * 100
    path.write_text(f"date,unit,channel\n05/03/2024,{evil},zalo\n", encoding="utf-8")
    _, problems, _ = read(catalog, [path])
    (problem,) = problems
    assert problem.code == "unknown-unit"
    assert "\x1b" not in str(problem.message) and "\x07" not in str(problem.message)
    assert str(problem.message) == "unknown unit '" + "]8;;http://evilclick[31m" + "z" * 55 + "…'"


def test_nfd_text_in_utf8(catalog: Catalog, tmp_path: Path) -> None:
    import unicodedata

    text = "date,unit,channel,title\n05/03/2024,UBND huyện Bến Lức,truyền thanh,Bản tin\n"
    path = tmp_path / "nfd.csv"
    path.write_text(unicodedata.normalize("NFD", text), encoding="utf-8")
    entries, problems, _ = read(catalog, [path])
    assert problems == []
    assert [(e.unit, e.channel, e.title) for e in entries] == [
        ("h-ben-luc", "grassroots-radio", "Bản tin")]


def test_mixed_encodings(catalog: Catalog, tmp_path: Path) -> None:
    head = "date,unit,channel,title\n05/03/2024,h-ben-luc,zalo,Bản tin tuần 1\n"
    late = "06/03/2024,h-ben-luc,zalo,Bản tin Đà Nẵng\n"
    path = tmp_path / "mixed.csv"
    path.write_bytes(head.encode("utf-8") + make_fixtures.to_cp1258(late))
    entries, problems, _ = read(catalog, [path])
    assert problems == []
    assert [e.title for e in entries] == ["Bản tin tuần 1", "Bản tin Đà Nẵng"]
    # and when the cp1258 rows come after the first 64 KB
    rows = "".join(f"{1 + i % 28:02d}/02/2024,h-ben-luc,zalo,Tin số {i}\n" for i in range(2000))
    path.write_bytes((head + rows).encode("utf-8") + make_fixtures.to_cp1258(late))
    entries, problems, _ = read(catalog, [path])
    assert problems == []
    assert entries[-1].title == "Bản tin Đà Nẵng"


def test_bytes_no_encoding_explains(catalog: Catalog, tmp_path: Path) -> None:
    head = "date,unit,channel,title\n05/03/2024,h-ben-luc,zalo,Tin tức\n"
    path = tmp_path / "lost.csv"
    # In the first 64 KB nothing has been read yet: the file is refused.
    path.write_bytes(make_fixtures.to_cp1258(head) + b"06/03/2024,h-ben-luc,zalo,\x81\n")
    entries, problems, _ = read(catalog, [path])
    assert entries == []
    assert probs(problems) == [
        (None, "error", "bad-file", None,
         "cannot decode the text: byte 0x81 at offset 85 is neither UTF-8 nor Windows-1258",
         "save the file as CSV UTF-8")]
    # Later, in a UTF-8 file, such bytes are shown as U+FFFD and reported once.
    path.write_bytes(head.encode() + b"06/03/2024,h-ben-luc,zalo,Tin \x81\x8d\n")
    entries, problems, _ = read(catalog, [path])
    assert [e.title for e in entries] == ["Tin tức", "Tin \ufffd\ufffd"]
    assert probs(problems) == [
        (None, "error", "bad-file", None,
         "2 byte(s) are neither UTF-8 nor Windows-1258 text; they were read as \ufffd",
         "save the file as CSV UTF-8")]


def test_delimiter_found_below_a_title_with_commas(catalog: Catalog, tmp_path: Path) -> None:
    path = tmp_path / "semi.csv"
    path.write_text("BÁO CÁO, THÁNG 3, NĂM 2024\n\nngày;đơn vị;kênh;tiêu đề\n"
                    "05/03/2024;h-ben-luc;zalo;Tin, có dấu phẩy\n", encoding="utf-8")
    entries, problems, _ = read(catalog, [path])
    assert problems == []
    assert [(e.line, e.title) for e in entries] == [(4, "Tin, có dấu phẩy")]


# ------------------------------------------------------------------ file-level problems


@pytest.mark.parametrize(("name", "expected"), [
    ("no-channel.csv", (2, "error", "missing-column", None,
                        "the header row lacks the required column(s) channel (kênh)",
                        HEADER_HINT)),
    ("no-header.csv", (None, "error", "missing-column", None,
                       "no header row in the first 20 rows: no row names the columns date, "
                       "unit and channel", HEADER_HINT)),
    ("empty.csv", (None, "error", "empty-file", None, "the file is empty", None)),
    ("blank.csv", (None, "error", "empty-file", None, "the file has no rows", None)),
    ("header-only.csv", (1, "warning", "empty-file", None,
                         "the file has a header but no data rows", None)),
    ("png.csv", (None, "error", "bad-file", None, "not a text file (looks like PNG image)",
                 None)),
    ("control.csv", (None, "error", "bad-file", None,
                     "not a text file (looks like binary data)", None)),
    ("workbook.csv", (None, "error", "bad-file", None,
                      "not a text file (looks like ZIP archive or Excel workbook)",
                      "an Excel workbook must be named .xlsx; otherwise save the log as CSV")),
    ("not-a-zip.xlsx", (None, "error", "bad-file", None, "not an Excel .xlsx file",
                        "it looks like a text file; if it is CSV, name it .csv")),
    ("scalar.yaml", (None, "error", "bad-file", None,
                     "a YAML log must be a list of entries or {unit: …, entries: [...]}",
                     "write '- date: 05/03/2024' items, or 'unit:' and 'entries:' keys")),
    ("wrong-shape.yaml", (None, "error", "bad-file", None,
                          "a YAML log must be a list of entries or {unit: …, entries: [...]}",
                          "write '- date: 05/03/2024' items, or 'unit:' and 'entries:' keys")),
    ("dup-key.yaml", (3, "error", "bad-file", None,
                      "duplicate key 'unit' (first at line 2); keep only one", None)),
    ("bad-timestamp.yaml", (None, "error", "bad-file", None,
                            "cannot read a YAML value: day is out of range for month",
                            "quote dates as text ('30/01/2024') or fix the impossible date")),
    ("empty-list.yaml", (None, "warning", "empty-file", None, "the file has no entries", None)),
])
def test_file_level_problem(catalog: Catalog, name: str, expected: tuple[Any, ...]) -> None:
    entries, problems, _ = read(catalog, [log(name)])
    assert entries == []
    assert probs(problems) == [expected]
    assert problems[0].file == str(log(name))


def test_a_broken_file_does_not_stop_the_next(catalog: Catalog) -> None:
    entries, problems, _ = read(catalog, [log("png.csv"), log("utf16.txt")])
    assert [e.line for e in entries] == [2]
    assert [p.code for p in problems] == ["bad-file"]


def test_yaml_bad_items(catalog: Catalog) -> None:
    entries, problems, _ = read(catalog, [log("bad-items.yaml")])
    assert [(e.line, e.title) for e in entries] == [(1, "ok")]
    assert probs(problems) == [
        (5, "error", "bad-row", None, "an entry must be a mapping of column: value",
         "start each entry with '- date: …' and indent its other keys under it"),
        (6, "error", "bad-row", None, "'title' must be a single value, not a list or mapping",
         "write it on one line"),
    ]


def test_yaml_bombs_and_tags(catalog: Catalog, tmp_path: Path) -> None:
    laughs = ['a0: &a0 ["lol"]'] + [
        f"a{i}: &a{i} [{', '.join(f'*a{i - 1}' for _ in range(10))}]" for i in range(1, 9)]
    (tmp_path / "laughs.yaml").write_text("\n".join([*laughs, "entries: *a8", ""]),
                                          encoding="utf-8")
    (tmp_path / "tag.yaml").write_text("- !!python/object/apply:os.system ['echo hi']\n",
                                       encoding="utf-8")
    _, problems, _ = read(catalog, [tmp_path / "laughs.yaml", tmp_path / "tag.yaml"])
    assert [(Path(p.file).name, p.code) for p in problems] == [
        ("laughs.yaml", "bad-file"), ("tag.yaml", "bad-file")]
    assert "alias" in str(problems[0].message)
    assert str(problems[1].message) == (
        "YAML tag 'tag:yaml.org,2002:python/object/apply:os.system' is not allowed; remove it")


@pytest.mark.slow
def test_zip_bomb(catalog: Catalog, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(excel, "ZIP_MIN_BOMB", 1 << 20)
    path = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/worksheets/sheet1.xml", b"\0" * (4 << 20))
    size = path.stat().st_size
    _, problems, _ = read(catalog, [path])
    assert probs(problems) == [(None, "error", "bad-file", None,
                                "compressed content too large (possible zip bomb)",
                                f"{4 << 20} bytes unpacked from {size}")]


def test_corrupt_workbook(catalog: Catalog, tmp_path: Path) -> None:
    path = tmp_path / "corrupt.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("hello.txt", "not a workbook")
    _, problems, _ = read(catalog, [path])
    assert [(p.line, p.code) for p in problems] == [(None, "bad-file")]
    assert str(problems[0].message).startswith("cannot open the Excel workbook: ")


# ------------------------------------------------------------------ usage errors


def test_usage_errors(catalog: Catalog, tmp_path: Path) -> None:
    (tmp_path / "report.pdf").write_bytes(b"%PDF-1.4")
    (tmp_path / "old.xls").write_bytes(b"")
    (tmp_path / "big.csv").write_text("date,unit,channel\n", encoding="utf-8")
    cases = {
        tmp_path / "missing.csv": "file not found",
        tmp_path: "is a directory; give its files, e.g. '" + str(tmp_path) + "/*.csv'",
        tmp_path / "report.pdf": "unsupported file type '.pdf'; use .csv, .tsv, .txt, .yaml, "
                                 ".yml, .xlsx or .xlsm",
        tmp_path / "old.xls": "old Excel .xls files are not supported; save it in Excel as "
                              ".xlsx or as CSV UTF-8",
        tmp_path / "big.csv": "18 bytes is larger than the 10-byte limit; split the file",
    }
    for path, message in cases.items():
        with pytest.raises(InputError) as exc:
            read(catalog, [path], limits=ReadLimits(max_file_bytes=10))
        assert str(exc.value) == f"{path}: {message}"


def test_fifo_is_never_opened(catalog: Catalog, tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.csv"
    os.mkfifo(fifo)
    with pytest.raises(InputError) as exc:
        read(catalog, [fifo])
    assert str(exc.value) == f"{fifo}: not a regular file"


def test_all_paths_are_checked_before_reading(catalog: Catalog, tmp_path: Path) -> None:
    reader = LogReader(catalog)
    seen: list[Entry] = []
    with pytest.raises(InputError):
        reader.read_into([log("utf8.csv"), tmp_path / "missing.csv"], seen.append)
    assert reader.rows_read == 0 and seen == []


# ------------------------------------------------------------------ ProblemLog, progress


def note(text: str) -> Msg:
    """A message of its own for each `text` (ProblemLog groups by message)."""
    return msg("reader.row.unreadable", reason=text)


def test_problem_log_counts_all_keeps_some_of_each_code_and_file() -> None:
    log_ = ProblemLog(keep=2)
    for i in range(3):
        log_.add(Problem("f", i, "error", "bad-date", note("m")))
    log_.add(Problem("g", 5, "error", "bad-date", note("m")))  # another file: room of its own
    log_.add(Problem("f", 9, "warning", "duplicate", note("d")))
    log_.add_fail(Fail("bad-date", "error", note("other"), "date"), "f", 10, "h-ben-luc")
    assert [(p.file, p.line) for p in log_.problems] == [("f", 0), ("f", 1), ("g", 5),
                                                          ("f", 9)]
    assert log_.counts == {("error", "bad-date"): 5, ("warning", "duplicate"): 1}
    assert (log_.errors, log_.warnings) == (5, 1)
    findings = log_.findings()
    assert findings.truncated == 2  # f:2 and f:10 were counted, not kept
    assert [(g.code, g.message, g.count, g.places) for g in findings.groups] == [
        ("bad-date", note("m"), 4, [("f", 0), ("f", 1), ("f", 2), ("g", 5)]),
        ("bad-date", note("other"), 1, [("f", 10)]),
        ("duplicate", note("d"), 1, [("f", 9)]),
    ]
    empty = ProblemLog()
    assert (empty.problems, empty.errors, empty.warnings) == ([], 0, 0)


def test_problem_groups_are_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(problems_module, "GROUPS_PER_CODE", 3)
    log_ = ProblemLog(keep=1)
    for i in range(10):  # ten different messages, each twice
        log_.add(Problem("f", 2 * i, "warning", "unknown-doc", note(f"doc {i}")))
        log_.add(Problem("f", 2 * i + 1, "warning", "unknown-doc", note(f"doc {i}")))
    findings = log_.findings()
    assert [(g.message, g.count) for g in findings.groups] == [
        (note("doc 0"), 2), (note("doc 1"), 2), (note("doc 2"), 2)]
    assert findings.ungrouped == {"unknown-doc": 14}
    assert findings.counts == {("warning", "unknown-doc"): 20}
    assert len(findings.problems) == 1 and findings.truncated == 19


def test_progress_counters(catalog: Catalog, tmp_path: Path) -> None:
    path = tmp_path / "many.csv"
    rows = "".join(f"{1 + i % 28:02d}/03/2024,h-ben-luc,zalo,Tin {i}\n" for i in range(10_000))
    path.write_text("date,unit,channel,title\n" + rows, encoding="utf-8")
    reader = LogReader(catalog)
    entries: list[Entry] = []
    seen = []

    def emit(entry: Entry) -> None:
        """Note the progress counters as the 5000th entry arrives."""
        entries.append(entry)
        if len(entries) == 5000:
            seen.append((reader.rows_read, reader.bytes_read))

    reader.read_into([path, log("utf8.csv")], emit)
    # Counters move every 4096 rows while a file is read, and fully at its end.
    assert seen[0][0] == 4096 and 0 < seen[0][1] < path.stat().st_size
    assert reader.rows_read == 10_004
    assert reader.bytes_read == path.stat().st_size + log("utf8.csv").stat().st_size


# ------------------------------------------------------------------ expand_paths


def test_expand_paths(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    for name in ("b.csv", "a.csv", "sub/c.csv", "sub/deep/d.csv", "sub/.hidden/e.csv",
                 "x.yaml", "[v2].csv"):
        Path(name).parent.mkdir(parents=True, exist_ok=True)
        Path(name).write_text("x", encoding="utf-8")
    assert expand_paths(["*.csv"]) == [Path("[v2].csv"), Path("a.csv"), Path("b.csv")]
    assert expand_paths(["**/*.csv"]) == [
        Path("[v2].csv"), Path("a.csv"), Path("b.csv"), Path("sub/c.csv"),
        Path("sub/deep/d.csv")]
    # de-duplicated across patterns (first place kept), sorted within each
    assert expand_paths(["x.yaml", "*.csv", "a.csv", "./b.csv"]) == [
        Path("x.yaml"), Path("[v2].csv"), Path("a.csv"), Path("b.csv")]
    assert expand_paths(["[v2].csv"]) == [Path("[v2].csv")]  # an existing name is literal
    with pytest.raises(InputError, match=r"^\*\.pdf: matches no files$"):
        expand_paths(["*.pdf"])
    with pytest.raises(InputError, match=r"^sub: is a directory"):
        expand_paths(["sub"])
    with pytest.raises(InputError, match=r"^nope\.csv: file not found$"):
        expand_paths(["nope.csv"])


def test_expand_paths_survives_symlink_loops(tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    Path("a").mkdir()
    Path("a/log.csv").write_text("x", encoding="utf-8")
    Path("a/loop1").symlink_to(tmp_path / "a")
    Path("a/loop2").symlink_to(tmp_path / "a")  # glob.glob would walk 2**40 paths
    Path("a/self.csv").symlink_to(tmp_path / "a" / "self.csv")
    found = expand_paths(["a/**/*.csv"])
    assert found == [Path("a/log.csv"), Path("a/self.csv")]


# ------------------------------------------------------------------ properties


def test_title_key_is_fold_without_spaces_examples() -> None:
    for title in ("Bản tin Sáng", "ban tin  sang!", "ĐỔI MỚI", "Ðà", "Straße", "a中b", ""):
        assert title_key(title) == fold(title).replace(" ", "")


@given(st.text())
def test_title_key_is_fold_without_spaces(title: str) -> None:
    assert title_key(title) == fold(title).replace(" ", "")


def _check_problems(problems: list[Problem], path: Path) -> None:
    for p in problems:
        assert p.file == str(path)
        assert p.line is None or p.line >= 1
        assert p.code in PROBLEM_CODES
        assert p.severity in ("error", "warning")


@pytest.mark.slow
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=3000))
def test_arbitrary_bytes_never_crash(data: bytes) -> None:
    catalog = _catalog()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "fuzz.csv"
        path.write_bytes(data)
        reader = LogReader(catalog)
        try:
            entries = list(reader.read([path]))
        except InputError:
            return
        for entry in entries:
            assert isinstance(entry, Entry)
        _check_problems(reader.problems.problems, path)


@pytest.mark.slow
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=2000).map(lambda b: b"date,unit,channel,title\n" + b))
def test_arbitrary_bytes_after_a_header_never_crash(data: bytes) -> None:
    test_arbitrary_bytes_never_crash.hypothesis.inner_test(data)  # type: ignore[attr-defined]


COLUMN_NAMES = ["date", "unit", "channel", "kind", "title", "url", "docs", "task", "quantity",
                "end_date", "notes", "ngày", "Đơn vị", "STT", ""]
CELL = st.one_of(
    st.text(max_size=30),
    st.sampled_from(["05/03/2024", "2024-03-05", "31/02/2024", "h-ben-luc", "Phường 1",
                     "grassroots-radio", "zalo", "3", "0", "-1", "2.5", "749/QĐ-TTg",
                     "https://benluc.longan.gov.vn/x", "javascript:x", "2.2", '"', "\n"]),
)


@pytest.mark.slow
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(COLUMN_NAMES), min_size=1, max_size=8),
       st.lists(st.lists(CELL, max_size=10), max_size=12),
       st.sampled_from([",", ";", "\t"]),
       st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "cp1258"]))
def test_arbitrary_rows_never_crash(header: list[str], rows: list[list[str]], delimiter: str,
                                    encoding: str) -> None:
    catalog = _catalog()
    buf = io.StringIO()
    writer = csv.writer(buf, delimiter=delimiter)
    writer.writerow(header)
    writer.writerows(rows)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "rows.csv"
        path.write_bytes(buf.getvalue().encode(encoding, errors="replace"))
        reader = LogReader(catalog, ReadOptions(check_evidence=True, require_url=True,
                                                future_after=D(2024, 6, 1),
                                                owner=lambda _: "h-ben-luc"))
        try:
            entries = list(reader.read([path]))
        except InputError:
            return
        for entry in entries:
            assert entry.unit in catalog.units.by_id
            assert entry.channel in catalog.channels.by_id
            assert D(2024, 2, 1) <= entry.date <= entry.end <= D(2024, 12, 31)
            assert entry.quantity >= 1
        _check_problems(reader.problems.problems, path)


_CATALOG: list[Catalog] = []


def _catalog() -> Catalog:
    """The shipped plan's catalog, shared by the hypothesis tests (no fixture in @given)."""
    if not _CATALOG:
        from dx_plan.loader import load_plan

        _CATALOG.append(Catalog(load_plan()))
    return _CATALOG[0]


@given(st.one_of(
    st.text(max_size=40),
    st.builds(lambda s, h, rest: f"{s}://{h}{rest}",
              st.sampled_from(["http", "https", "HTTP", "Https", "ftp", "javascript"]),
              st.text(max_size=20), st.text(max_size=20)),
))
def test_split_url_agrees_with_urlsplit(url: str) -> None:
    from urllib.parse import urlsplit

    from dx_plan.reader.evidence import split_url

    try:
        parts = urlsplit(url)
        expected = (parts.scheme.lower(), (parts.hostname or "").rstrip("."))
    except ValueError:
        expected = ("", "")
    assert split_url(url) == expected


def test_a_row_written_in_nfd_reads_as_nfc(catalog: Catalog, tmp_path: Path) -> None:
    import unicodedata

    row = "05/03/2024,UBND huyện Bến Lức,truyền thanh,Bản tin số tháng Sáu,Ghi chú"
    path = tmp_path / "nfd.csv"
    path.write_text("date,unit,channel,title,notes\n" + unicodedata.normalize("NFD", row) + "\n",
                    encoding="utf-8")
    entries, problems, _ = read(catalog, [path])
    assert problems == []
    assert [(e.unit, e.channel, e.title, e.notes) for e in entries] == [
        ("h-ben-luc", "grassroots-radio", "B\u1ea3n tin s\u1ed1 th\u00e1ng S\u00e1u",
         "Ghi ch\u00fa")]


def test_progress_reports_the_rows_and_bytes_read(catalog: Catalog, tmp_path: Path) -> None:
    text = ("date,unit,channel\n"
            "2024-03-05,h-ben-luc,grassroots-radio\n"
            "2024-03-06,h-ben-luc,grassroots-radio\n"
            "not a date,h-ben-luc,grassroots-radio\n")
    path = tmp_path / "log.csv"
    path.write_text(text, encoding="utf-8")
    calls: list[tuple[int, int]] = []
    reader = LogReader(catalog, ReadOptions(), ProblemLog(),
                       on_progress=lambda done, rows: calls.append((done, rows)))
    assert len(reader.read([path])) == 2
    # Three data rows (the bad one is read too), and every byte of the 132-byte file.
    assert len(text.encode()) == 132
    assert calls[-1] == (132, 3)


def test_the_field_limit_holds_for_excel_and_yaml(catalog: Catalog, tmp_path: Path) -> None:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["date", "unit", "channel", "title"])
    sheet.append(["05/03/2024", "h-ben-luc", "zalo", "a" * 100])  # at the limit: kept
    sheet.append(["06/03/2024", "h-ben-luc", "zalo", "b" * 101])  # over it: reported
    book.save(tmp_path / "big.xlsx")
    (tmp_path / "big.yaml").write_text(
        "- {date: 05/03/2024, unit: h-ben-luc, channel: zalo, title: " + "c" * 100 + "}\n"
        "- {date: 06/03/2024, unit: h-ben-luc, channel: zalo, title: " + "d" * 101 + "}\n",
        encoding="utf-8")
    limits = ReadLimits(max_field_chars=100)
    for name, over in (("big.xlsx", 3), ("big.yaml", 2)):
        entries, problems, _ = read(catalog, [tmp_path / name], limits=limits)
        assert [e.title for e in entries] == [("a" if name == "big.xlsx" else "c") * 100]
        assert [(p.line, p.code, str(p.message)) for p in problems] == [
            (over, "field-too-large", "a field is longer than 100 characters")]


def test_a_stray_quote_in_a_long_line_never_hides_rows(catalog: Catalog, tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(delimited, "MAX_LINE_CHARS", 1000)
    path = tmp_path / "stray.csv"
    rows = "".join(f"{1 + i % 28:02d}/03/2024,h-ben-luc,zalo,Tin {i}\n" for i in range(1000))
    path.write_text("date,unit,channel,title\n"
                    "05/03/2024,h-ben-luc,zalo,ab\"c" + "x" * 5000 + "\n"  # 2: long, one quote
                    + rows, encoding="utf-8")
    entries, problems, _ = read(catalog, [path])
    # A quote inside an unquoted field is a literal character (as csv.reader reads
    # it), so it opens nothing: the long line is reported and the 1,000 rows after it
    # are read.  (Counting every quote once made the reader skip them all.)
    assert len(entries) == 1000
    assert [e.line for e in entries[:2]] == [3, 4]
    assert [(p.line, p.code, str(p.message)) for p in problems] == [
        (2, "field-too-large", "the line is longer than 1000 characters")]


def test_a_long_line_that_opens_a_quote_reports_what_it_swallows(
        catalog: Catalog, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(delimited, "MAX_LINE_CHARS", 1000)
    path = tmp_path / "open.csv"
    path.write_text("date,unit,channel,title\n"
                    '05/03/2024,h-ben-luc,zalo,"ab' + "x" * 5000 + "\n"  # 2: opens a quote
                    "still inside\n"                                    # 3
                    'closing" here,x,y\n'                               # 4: closes it
                    "06/03/2024,h-ben-luc,zalo,Tin\n", encoding="utf-8")  # 5
    entries, problems, _ = read(catalog, [path])
    assert [e.line for e in entries] == [5]
    assert [(p.line, p.code, str(p.message)) for p in problems] == [
        (2, "field-too-large", "the line is longer than 1000 characters"),
        (3, "bad-row", "lines 3–4 were read as the rest of a quoted field opened on "
                       "line 2 and not counted")]


def test_an_unclosed_quote_reports_every_line_it_swallows(catalog: Catalog,
                                                         tmp_path: Path) -> None:
    path = tmp_path / "unclosed.csv"
    rows = "".join(f"{1 + i % 28:02d}/03/2024,h-ben-luc,zalo,Tin {i}\n" for i in range(5000))
    path.write_text('date,unit,channel,title\n05/03/2024,h-ben-luc,zalo,"never closed\n' + rows,
                    encoding="utf-8")
    entries, problems, _ = read(catalog, [path], limits=ReadLimits(max_field_chars=1000))
    # csv reads the quoted field across lines until it passes the field limit: 13
    # characters on line 2, 32 a line for rows 0-9 (lines 3-12: 333), 33 a line after,
    # so past 1000 on line 33.  The rest of the file is then skipped looking for the
    # closing quote: all of it is reported, nothing silently dropped.
    assert entries == []
    assert [(p.line, p.code) for p in problems] == [(2, "field-too-large"), (34, "bad-row")]
    assert str(problems[1].message) == ("lines 34–5002 were read as the rest of a quoted field "
                                   "opened on line 2 and not counted")


def test_a_url_and_a_title_never_share_a_duplicate_key(catalog: Catalog, tmp_path: Path) -> None:
    path = tmp_path / "tilde.csv"
    path.write_text("date,unit,channel,title,url\n"
                    "05/03/2024,h-ben-luc,zalo,,~tinmoi\n"
                    "05/03/2024,h-ben-luc,zalo,Tin mới,\n", encoding="utf-8")
    entries, problems, _ = read(catalog, [path])
    assert [e.line for e in entries] == [2, 3] and problems == []


def test_headers_people_type_are_understood(catalog: Catalog, tmp_path: Path) -> None:
    path = tmp_path / "typed.csv"
    path.write_text("STT,Ngày đăng,Tên đơn vị,Kênh thông tin,Link bài viết,Linkk\n"
                    "1,05/02/2024,h-ben-luc,zalo,https://zalo.me/x,y\n", encoding="utf-8")
    entries, problems, _ = read(catalog, [path])
    assert [(e.unit, e.channel, e.url) for e in entries] == [
        ("h-ben-luc", "zalo", "https://zalo.me/x")]
    assert [(p.code, str(p.message), said(p.hint)) for p in problems] == [
        ("unknown-column", "the column 'Linkk' is not one dxplan reads; its cells are kept "
         "as notes", "did you mean url (đường dẫn)? columns: date (ngày), unit (đơn vị), "
         "channel (kênh), kind (loại), title (tiêu đề), url (đường dẫn), docs (văn bản), "
         "task (nhiệm vụ), quantity (số lượng), end_date (đến ngày), notes (ghi chú)")]


def test_a_missing_column_names_the_headers_it_saw(catalog: Catalog, tmp_path: Path) -> None:
    path = tmp_path / "noname.csv"
    path.write_text("Ngày,Tên,Kênh\n05/02/2024,h-ben-luc,zalo\n", encoding="utf-8")
    _, problems, _ = read(catalog, [path])
    assert [(p.code, str(p.message)) for p in problems] == [
        ("missing-column", "the header row lacks the required column(s) unit (đơn vị); its "
         "other headers are 'Tên'")]


def test_total_and_signature_lines_under_the_data_are_one_warning_each(
        catalog: Catalog, tmp_path: Path) -> None:
    path = tmp_path / "excel.csv"
    path.write_text("STT,Ngày,Đơn vị,Kênh,Tiêu đề,Số lượng\n"
                    "1,05/02/2024,h-ben-luc,zalo,Tin 1,1\n"
                    "2,06/02/2024,h-ben-luc,zalo,Tin 2,1\n"
                    "Tổng cộng,,,,,2\n"
                    ",,,,Người lập biểu,\n"
                    ",,,,Nguyễn Văn A,\n"
                    "3,,h-ben-luc,zalo,Tin 3,1\n", encoding="utf-8")  # a real row, no date
    entries, problems, _ = read(catalog, [path])
    assert len(entries) == 2
    assert [(p.line, p.severity, p.code) for p in problems] == [
        (4, "warning", "footer-row"), (5, "warning", "footer-row"), (6, "warning", "footer-row"),
        (7, "error", "missing-value")]
    assert str(problems[0].message) == (
        "'Tổng cộng' is a total or signature line, not an activity; not counted")


def test_real_rows_are_never_taken_for_footers(catalog: Catalog, tmp_path: Path) -> None:
    path = tmp_path / "rows.csv"
    path.write_text("Tiêu đề,Ngày,Đơn vị,Kênh\n"
                    "Công an tỉnh tuyên truyền,31/02/2024,h-ben-luc,zalo\n"   # "Công", not "Cộng"
                    "Cộng đồng số chung tay,31/02/2024,h-ben-luc,zalo\n"      # "Cộng đồng"
                    "Tin chưa ghi ngày,,,\n", encoding="utf-8")               # no footer before
    _, problems, _ = read(catalog, [path])
    assert {p.code for p in problems} == {"bad-date", "missing-value"}
    assert [p.line for p in problems if p.code == "bad-date"] == [2, 3]


def test_total_and_signature_rows_of_a_workbook_are_warnings_too(
        catalog: Catalog, tmp_path: Path) -> None:
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    for row in (["STT", "Ngày", "Đơn vị", "Kênh", "Tiêu đề", "Số lượng"],
                [1, dt.datetime(2024, 2, 5), "h-ben-luc", "zalo", "Tin 1", 1],
                [2, "06/02/2024", "Huyện Bến Lức", "Zalo", "Tin 2", 1],
                ["Tổng cộng", None, None, None, None, 2],
                [None, None, None, None, "Người lập biểu", None],
                [None, None, None, None, "Nguyễn Văn A", None]):
        ws.append(row)
    path = tmp_path / "bao-cao.xlsx"
    wb.save(path)
    entries, problems, _ = read(catalog, [path])
    assert [(e.line, e.unit, e.date) for e in entries] == [
        (2, "h-ben-luc", D(2024, 2, 5)), (3, "h-ben-luc", D(2024, 2, 6))]
    assert [(p.line, p.code) for p in problems] == [
        (4, "footer-row"), (5, "footer-row"), (6, "footer-row")]
