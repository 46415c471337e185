"""A small, hand-made quarter of logs shared by the report tests (and a check that it is).

The report tests feed the engine `Entry` objects directly (`engine.check` with
`keep_evidence`, as `service.run_check` does after reading), so that the expected
numbers follow from the rows written here; the CLI tests go through the reader.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from functools import cache

from dx_plan.catalog import Catalog
from dx_plan.engine import Selection, check
from dx_plan.entries import Entry, Problem
from dx_plan.i18n import msg
from dx_plan.loader import load_plan
from dx_plan.periods import Window, parse_period
from dx_plan.result import CheckReport

D = dt.date
XSS = "<script>alert(1)</script>"
FORMULA = '=HYPERLINK("http://evil.example","click")'
SAMPLE_UNITS = ("bao-long-an", "h-ben-luc", "h-duc-hoa", "vp-ubnd-tinh", "so-tttt")


@cache
def catalog() -> Catalog:
    """The shipped plan (loaded once per test session)."""
    return Catalog(load_plan())


def entry(line: int, day: dt.date, unit: str, channel: str, title: str = "", url: str = "",
          docs: Sequence[str] = (), kind: str | None = None, end: dt.date | None = None,
          file: str = "logs/q1.csv") -> Entry:
    """An entry as the reader would produce it for one row."""
    return Entry(file=file, line=line, date=day, end=end or day, unit=unit, channel=channel,
                 kind=kind, title=title, url=url, docs=tuple(docs))


def window(period: str) -> Window:
    """A --period window clipped to the plan, as `service.resolve_window` makes it."""
    meta = catalog().plan.plan
    clipped = parse_period(period).intersect(Window(meta.period_start, meta.period_end))
    assert clipped is not None
    return clipped


def run(entries: Iterable[Entry], window: Window, as_of: dt.date, units: Sequence[str],
        problems: Sequence[Problem] = ()) -> CheckReport:
    """The engine over `entries`, keeping evidence of `units` (what `report` asks for)."""
    return check(catalog(), entries, window, as_of, Selection(units=frozenset(units)),
                 keep_evidence=units, problems=problems)


def weekly(start: dt.date, end: dt.date) -> list[dt.date]:
    """Every Wednesday from `start` to `end` (one item a week)."""
    day = start + dt.timedelta(days=(2 - start.weekday()) % 7)
    out = []
    while day <= end:
        out.append(day)
        day += dt.timedelta(days=7)
    return out


def sample_entries() -> list[Entry]:
    """Quý I/2024: a compliant newspaper, a district short of weeks, a portal short of items."""
    rows: list[Entry] = []
    line = 1

    def add(*args: object, **kwargs: object) -> None:
        nonlocal line
        line += 1
        rows.append(entry(line, *args, **kwargs))  # type: ignore[arg-type]

    # Báo Long An: one article every week from 1 Feb to 31 Mar (compliant).
    add(D(2024, 2, 1), "bao-long-an", "newspaper", "Chuyển đổi số ở Long An",
        "https://baolongan.vn/cds-1.html", ["QD-749-TTg-2020"], "article")
    for day in weekly(D(2024, 2, 5), D(2024, 3, 31)):
        add(day, "bao-long-an", "newspaper", f"Bản tin chuyển đổi số {day:%d/%m}",
            f"https://baolongan.vn/cds-{day:%m%d}.html", ["NQ-21-TU-2021"], "bulletin")
    # Bến Lức: grassroots radio in W05, W06, W08, W10 only (one by a commune), two
    # unit-portal posts (February and March), a title that is markup and a formula.
    add(D(2024, 2, 2), "h-ben-luc", "grassroots-radio", XSS, "javascript:alert(1)")
    add(D(2024, 2, 7), "x-thanh-loi--h-ben-luc", "grassroots-radio", "Loa xã Thạnh Lợi")
    add(D(2024, 2, 20), "h-ben-luc", "grassroots-radio", FORMULA)
    add(D(2024, 3, 6), "h-ben-luc", "grassroots-radio", "Bản tin tuần 10")
    add(D(2024, 2, 15), "h-ben-luc", "unit-portal", "Bến Lức triển khai chuyển đổi số",
        "https://benluc.longan.gov.vn/cds", ["QD-749-TTg-2020", "NQ-21-TU-2021"])
    # Văn phòng UBND tỉnh: one portal article a month against a quota of two.
    add(D(2024, 2, 10), "vp-ubnd-tinh", "provincial-portal", "Bài 1",
        "https://www.longan.gov.vn/a1")
    add(D(2024, 3, 10), "vp-ubnd-tinh", "provincial-portal", "Bài 2",
        "https://www.longan.gov.vn/a2")
    # Sở TT&TT: the DX portal every month.
    add(D(2024, 2, 20), "so-tttt", "dx-portal", "Tin CĐS tháng 2",
        "https://chuyendoiso.longan.gov.vn/t2")
    add(D(2024, 3, 20), "so-tttt", "dx-portal", "Tin CĐS tháng 3",
        "https://chuyendoiso.longan.gov.vn/t3")
    return rows


def sample_problems() -> list[Problem]:
    """A warning on a Bến Lức commune's row (line 12) and an error on a row with no entry."""
    return [
        Problem("logs/q1.csv", 12, "warning", "missing-url",
                msg("reader.missing_url", channel="dai-truyen-thanh-xa")),
        Problem("logs/q1.csv", 99, "error", "unknown-unit",
                msg("reader.unknown_name", what=msg("reader.noun.unit"), text="Huyện X"),
                column="unit"),
    ]


def sample_check(units: Sequence[str] = SAMPLE_UNITS) -> CheckReport:
    """The engine over the sample quarter, as of 31/03/2024."""
    return run(sample_entries(), window("2024-Q1"), D(2024, 3, 31), units,
               sample_problems())


def test_sample_rows_are_where_the_tests_expect_them() -> None:
    report = sample_check()
    assert {u.unit: u.status for u in report.units} == {
        "bao-long-an": "met", "h-ben-luc": "behind", "h-duc-hoa": "missing",
        "vp-ubnd-tinh": "behind", "so-tttt": "behind"}
