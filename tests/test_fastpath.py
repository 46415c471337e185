"""The C accelerator (dx_plan._speedups) against the pure-Python reference path.

Every run below is made twice, once with ``DXPLAN_PURE=1`` (the Python converter,
line feed, duplicate table and `Accumulator.add`) and once with the accelerator,
and the JSON documents must be equal byte for byte: entries, counts, problems,
their order, lines and units.  The logs are random (hypothesis) and meant to be
awkward: every column spelled several ways, blanks, unknown values, duplicates,
NFD text, ranged rows, short and long rows, broken quoting, extra columns,
missing optional columns, row limits, ownership and evidence checks.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import shutil
import unicodedata
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dx_plan.accel import speedups
from dx_plan.catalog import Catalog
from dx_plan.engine import Selection
from dx_plan.periods import Window
from dx_plan.reader import LogReader, ProblemLog, ReadLimits, ReadOptions
from dx_plan.service import CheckRequest, run_check, run_validate

needs_accel = pytest.mark.skipif(speedups() is None, reason="the C accelerator is not built")

D = dt.date

# Per column: (usual values, odd values); rows draw mostly usual ones, so that most
# rows are counted and the odd ones still turn up in every few logs.
DATES = (("2024-03-05", "05/03/2024", "5/3/2024", "2024-02-01", "31/12/2024", "2024-12-30",
          "2024-06-10", "10/06/2024", "2024-04-01"),
         (" 2024-03-06 ", "2024-01-15", "2025-01-02", "32/01/2024", "", "abc"))
UNITS = (("h-ben-luc", "h-can-giuoc", "bao-long-an", "Huyện Bến Lức",
          "x-phuoc-lai--h-can-giuoc", "x-kien-binh--h-tan-thanh", "so-tt-tt"),
         (" h-ben-luc ", unicodedata.normalize("NFD", "Huyện Bến Lức"), "không rõ", "",
          "dai-ptth"))
CHANNELS = (("grassroots-radio", "unit-portal", "newspaper", "tv", "led-screen", "social"),
            ("zalo", "Cổng thông tin", "radio??", "", "meeting", "report"))
KINDS = (("article", "news", "bulletin", ""), ("award", "weird-kind", "report"))
TITLES = (("Bản tin chuyển đổi số", "Digital transformation news", "Tuyên truyền Đề án 06",
           "Tin số 1", "Tin số 2", "Tin số 3"),
          (unicodedata.normalize("NFD", "Bản tin chuyển đổi số"), "", "  Tin  ngắn  ",
           "Bản tin chuyển đổi số!"))
URLS = (("", "https://longan.gov.vn/a/1.html", "https://benluc.longan.gov.vn/x",
         "https://baolongan.vn/p?id=3", "https://longan.gov.vn/a/2.html"),
        ("HTTPS://LONGAN.GOV.VN/B", "https://example.com/z", "ftp://longan.gov.vn/f",
         "http://[::1]/x", "https://www.facebook.com/p/1", "not a url"))
DOCS = (("", "749/QĐ-TTg"), ("unknown doc", "749/QĐ-TTg; 06/QĐ-TTg", "1"))
TASKS = (("", "2.2", "3.2b"), ("IV.1", "zzz", "nv 2.2", "2,2"))
QUANTITIES = (("", "1", "2", "3"), ("0", "x", "1.000"))
ENDS = (("",), ("2024-03-20", "2024-01-01", "bad", "2025-02-01", "2024-02-10"))
NOTES = (("", "ghi chú", "note"), (unicodedata.normalize("NFD", "ghi chú"),))
COLUMNS = ("date", "unit", "channel", "kind", "title", "url", "docs", "task", "quantity",
           "end_date", "notes")
VALUES = dict(zip(COLUMNS, (DATES, UNITS, CHANNELS, KINDS, TITLES, URLS, DOCS, TASKS,
                            QUANTITIES, ENDS, NOTES), strict=True))


def _cell(draw: st.DrawFn, column: str) -> str:
    usual, odd = VALUES[column]
    return draw(st.sampled_from(odd if draw(st.integers(0, 9)) == 0 else usual))


@contextmanager
def pure(on: bool) -> Iterator[None]:
    """Run the block on the pure-Python path (on=True) or the accelerated one."""
    mp = pytest.MonkeyPatch()
    if on:
        mp.setenv("DXPLAN_PURE", "1")
    else:
        mp.delenv("DXPLAN_PURE", raising=False)
    try:
        yield
    finally:
        mp.undo()


@st.composite
def log_text(draw: st.DrawFn) -> str:
    """A CSV log: a random header (order, optional columns, an STT column) and rows."""
    optional = [c for c in COLUMNS[3:] if draw(st.booleans())]
    header = ["date", "unit", "channel", *optional]
    header = draw(st.permutations(header))
    extra = draw(st.sampled_from(((), ("STT",), ("STT", "Ghi chú thêm"))))
    names = [*extra, *header]
    out = io.StringIO()
    writer = csv.writer(out, lineterminator=draw(st.sampled_from(("\n", "\r\n"))))
    writer.writerow(names)
    for _ in range(draw(st.integers(0, 30))):
        row = [draw(st.sampled_from(("1", "", " 7 "))) for _ in extra]
        row += [_cell(draw, c) for c in header]
        shape = draw(st.integers(0, 39))
        if shape == 0:
            row = row[:-1]  # a short row
        elif shape == 1:
            row = [*row, "stray"]  # a long row
        elif shape == 2:
            row = ["" for _ in row]  # a blank (template) row
        if shape == 3:
            out.write('2024-03-05,h-ben-luc,"broken"x,more\n')  # text after a closing quote
        else:
            writer.writerow(row)
    if draw(st.integers(0, 9)) == 0:
        out.write('2024-03-05,h-ben-luc,"never closed\n')
    return out.getvalue()


def _files(tmp: Path, texts: list[str]) -> list[Path]:
    paths = []
    for n, text in enumerate(texts):
        path = tmp / f"log{n}.csv"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def _both(run: Callable[[], dict[str, Any]]) -> tuple[str, str]:
    with pure(True):
        slow = json.dumps(run(), ensure_ascii=False, indent=1, default=str)
    with pure(False):
        fast = json.dumps(run(), ensure_ascii=False, indent=1, default=str)
    return slow, fast


def _problems(log: ProblemLog) -> list[dict[str, object]]:
    return [p.to_dict() | {"unit": p.unit} for p in log.problems]


SETTINGS = settings(max_examples=150, deadline=None,
                    suppress_health_check=[HealthCheck.function_scoped_fixture,
                                           HealthCheck.too_slow])


@needs_accel
@SETTINGS
@given(texts=st.lists(log_text(), min_size=1, max_size=2),
       as_of=st.sampled_from((D(2024, 12, 31), D(2024, 3, 10), D(2024, 6, 30))),
       keep=st.sampled_from(((), ("h-ben-luc",), ("h-can-giuoc", "bao-long-an"))),
       max_rows=st.sampled_from((10_000_000, 3, 12)))
def test_check_is_identical_on_both_paths(catalog: Catalog, tmp_path_factory: Any,
                                          texts: list[str], as_of: dt.date,
                                          keep: tuple[str, ...], max_rows: int) -> None:
    paths = _files(tmp_path_factory.mktemp("logs"), texts)
    request = CheckRequest(paths=paths, window=Window(D(2024, 2, 1), D(2024, 12, 31)),
                           as_of=as_of, selection=Selection(), keep_evidence=keep,
                           read=ReadOptions(limits=ReadLimits(max_rows=max_rows)), detail=True)

    def run() -> dict[str, Any]:
        report = run_check(catalog, request)
        return {"report": report.to_dict(),
                "problem_units": [p.unit for p in report.problems],
                "evidence": {k: [list(e) for e in v] for k, v in report.evidence.items()},
                "evidence_more": report.evidence_more,
                "docs": {k: sorted(v) for k, v in report.docs_covered.items()}}

    slow, fast = _both(run)
    assert fast == slow


@needs_accel
@SETTINGS
@given(texts=st.lists(log_text(), min_size=1, max_size=2),
       owned=st.booleans(), require_url=st.booleans(),
       future=st.sampled_from((None, D(2024, 3, 5), D(2024, 6, 1))))
def test_validate_is_identical_on_both_paths(catalog: Catalog, tmp_path_factory: Any,
                                             texts: list[str], owned: bool, require_url: bool,
                                             future: dt.date | None) -> None:
    paths = _files(tmp_path_factory.mktemp("logs"), texts)
    owner = (lambda path: "h-ben-luc") if owned else None
    options = ReadOptions(future_after=future, check_evidence=True, require_url=require_url,
                          owner=owner)

    def run() -> dict[str, Any]:
        report = run_validate(catalog, paths, options)
        return {"report": report.to_dict(), "units": [p.unit for p in report.problems],
                "rows": report.rows_by_file, "entries": report.entries}

    slow, fast = _both(run)
    assert fast == slow


@needs_accel
@SETTINGS
@given(texts=st.lists(log_text(), min_size=1, max_size=2))
def test_read_yields_the_same_entries_on_both_paths(catalog: Catalog, tmp_path_factory: Any,
                                                   texts: list[str]) -> None:
    paths = _files(tmp_path_factory.mktemp("logs"), texts)

    def run() -> dict[str, Any]:
        log = ProblemLog()
        reader = LogReader(catalog, ReadOptions(), log)
        entries = [list(e) for e in reader.read(paths)]
        return {"entries": entries, "problems": _problems(log), "rows": reader.rows_read}

    slow, fast = _both(run)
    assert fast == slow


@needs_accel
def test_the_shipped_sample_is_identical_on_both_paths(catalog: Catalog) -> None:
    sample = Path(__file__).resolve().parent.parent / "logs" / "q1.csv"
    request = CheckRequest(paths=[sample], window=Window(D(2024, 2, 1), D(2024, 3, 31)),
                           as_of=D(2024, 3, 31), detail=True)
    slow, fast = _both(lambda: run_check(catalog, request).to_dict())
    assert fast == slow
    assert json.loads(fast)["summary"]["entries_counted"] > 0  # the sample has entries


def test_latin_and_vietnamese_letters_are_nfc_in_any_sequence() -> None:
    # _speedups.c `surely_nfc` takes text whose characters all lie below U+0300 or in
    # U+1E00..U+1EFF as NFC without asking unicodedata.  That holds when no such
    # character is a combining mark and no two of them compose.
    chars = [chr(c) for c in [*range(0x300), *range(0x1E00, 0x1F00)]]
    assert not [c for c in chars if unicodedata.combining(c)]
    assert not [a + b for a in chars for b in chars
                if not unicodedata.is_normalized("NFC", a + b)]


def test_the_accelerator_is_built_where_a_compiler_is() -> None:
    # The wheel compiles it (hatch_build.py) when a C compiler is at hand; without it
    # dxplan is correct but several times slower, which should not pass unnoticed.
    if not (shutil.which("cc") or shutil.which("gcc")):
        pytest.skip("no C compiler on this machine")
    module = speedups()
    assert module is not None
    assert {"HashTable", "Tally", "Lines", "Rows"} <= set(dir(module))


@needs_accel
def test_uninitialised_accelerator_objects_raise_instead_of_crashing() -> None:
    module = speedups()
    assert module is not None
    with pytest.raises(ValueError, match="HashTable is not initialised"):
        module.HashTable.__new__(module.HashTable).setdefault(1, 2)
    with pytest.raises(ValueError, match="Rows is not initialised"):
        module.Rows.__new__(module.Rows).run(iter([["a"]]), None, 1, None)


def test_the_column_order_is_the_c_enum_order() -> None:
    # RowChecker.fast passes column positions in COLUMNS order; _speedups.c reads them
    # through an enum written in this order.
    from dx_plan.reader.columns import COLUMNS as READER_COLUMNS

    assert READER_COLUMNS == ("date", "unit", "channel", "kind", "title", "url", "docs",
                              "task", "quantity", "end_date", "notes")


@pytest.mark.parametrize("pure_path", [True, False])
def test_progress_reports_the_rows_and_bytes_read(catalog: Catalog, tmp_path: Path,
                                                  pure_path: bool) -> None:
    text = ("date,unit,channel\n"
            "2024-03-05,h-ben-luc,grassroots-radio\n"
            "2024-03-06,h-ben-luc,grassroots-radio\n"
            "not a date,h-ben-luc,grassroots-radio\n")
    path = tmp_path / "log.csv"
    path.write_text(text, encoding="utf-8")
    calls: list[tuple[int, int]] = []
    with pure(pure_path):
        reader = LogReader(catalog, ReadOptions(), ProblemLog(),
                           on_progress=lambda done, rows: calls.append((done, rows)))
        entries = list(reader.read([path]))
    assert len(entries) == 2
    # Three data rows (the bad one is read too), and every byte of the 132-byte file.
    assert len(text.encode()) == 132
    assert calls[-1] == (132, 3)
