"""Waivers: approved exceptions make short periods neither due nor missed, nothing more."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dx_plan.catalog import Catalog
from dx_plan.cli import app
from dx_plan.errors import InputError
from dx_plan.waivers import load_waivers

from .conftest import ROOT

Q1 = str(ROOT / "logs" / "q1.csv")
WAIVER = """waivers:
  - unit: h-duc-hoa
    task: "2.5"
    from: 2024-W10
    to: 2024-W11
    reason: Đài truyền thanh huyện sửa chữa
    approved_by: Sở TT&TT, Công văn số 123/STTTT
    expires: 31/12/2024
"""


def _file(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "waivers.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def _result(tmp_path: Path, text: str, unit: str = "h-duc-hoa") -> dict[str, object]:
    out = CliRunner().invoke(app, ["check", Q1, "--period", "2024-Q1", "--unit", unit,
                                   "--task", "2.5", "--format", "json", "--waivers",
                                   str(_file(tmp_path, text))]).stdout
    doc: dict[str, object] = json.loads(out)
    return doc


def test_waived_weeks_are_neither_due_nor_missed_and_their_items_still_count(
        tmp_path: Path) -> None:
    # Đức Hòa's own loudspeakers missed W07 and W10 (the sample's design); the waiver
    # holds for W10–W11: both are excused (W11 had been met), W07 is still missed.
    doc = _result(tmp_path, WAIVER)
    (r,) = doc["results"]  # type: ignore[misc]
    assert (r["periods_due"], r["periods_met"], r["shortfall"], r["missed"], r["waived"]) == (
        6, 5, 1, ["2024-W07"], ["2024-W10", "2024-W11"])
    assert (r["delivered"], r["waived_reason"]) == (10, "Đài truyền thanh huyện sửa chữa")
    assert doc["provenance"]["waivers"] == [f"{tmp_path / 'waivers.yaml'}:2"]  # type: ignore[index]


def test_a_waiver_for_ben_luc_weeks_10_and_11_shows_in_check_report_and_json(
        tmp_path: Path) -> None:
    # Bến Lức met every week; W10–W11 waived are "miễn", the other six met: still met.
    path = _file(tmp_path, WAIVER.replace("h-duc-hoa", "h-ben-luc"))
    doc = _result(tmp_path, WAIVER.replace("h-duc-hoa", "h-ben-luc"), unit="h-ben-luc")
    (r,) = doc["results"]  # type: ignore[misc]
    assert (r["status"], r["periods_due"], r["periods_met"], r["waived"]) == (
        "met", 6, 6, ["2024-W10", "2024-W11"])
    args = ["--period", "2024-Q1", "-u", "h-ben-luc", "--waivers", str(path)]
    check = CliRunner().invoke(app, ["check", Q1, "--task", "2.5", *args]).stdout
    assert "miễn Tuần 10–11 (2 tuần), lý do: Đài truyền thanh huyện sửa chữa" in " ".join(
        line.strip("│ ") for line in check.splitlines())
    report = CliRunner().invoke(app, ["report", Q1, *args]).stdout
    assert "✔ đạt; miễn Tuần 10–11 (2 tuần), lý do: Đài truyền thanh huyện sửa chữa" in report
    page = CliRunner().invoke(app, ["report", Q1, *args, "--format", "html"]).stdout
    assert page.count('data-status="waived" data-rule="2.5-grassroots-radio-weekly"') == 2


def test_a_waiver_holds_for_a_period_when_it_covers_half_its_days_or_more(
        tmp_path: Path) -> None:
    # Tuesday 05/03 to Monday 18/03: 6 days of W10, all of W11, 1 day of W12.
    text = WAIVER.replace("from: 2024-W10", "from: 05/03/2024").replace(
        "to: 2024-W11", "to: 18/03/2024")
    (r,) = _result(tmp_path, text)["results"]  # type: ignore[misc]
    assert r["waived"] == ["2024-W10", "2024-W11"]


def test_a_waiver_holds_for_the_periods_that_end_by_its_expiry_whenever_judged(
        tmp_path: Path) -> None:
    # Expiring 31/03: W10–W11 stay waived in a run judged as of 30/04, which says it expired.
    path = _file(tmp_path, WAIVER.replace("31/12/2024", "31/03/2024"))
    out = CliRunner().invoke(app, ["check", Q1, "--from", "01/02/2024", "--to", "30/04/2024",
                                   "--as-of", "30/04/2024", "--unit", "h-duc-hoa", "--task",
                                   "2.5", "--format", "json", "--waivers", str(path)]).stdout
    doc = json.loads(out)
    assert doc["results"][0]["waived"] == ["2024-W10", "2024-W11"]
    assert doc["notes"] == [{"code": "waiver-expired", "file": str(path), "line": "2",
                             "label": "h-duc-hoa · 2.5", "expires": "2024-03-31"}]
    text = CliRunner().invoke(app, ["check", Q1, "--from", "01/02/2024", "--to", "30/04/2024",
                                    "--as-of", "30/04/2024", "--unit", "h-duc-hoa",
                                    "--waivers", str(path)]).stdout
    note = (f"Mục miễn ở dòng 2 của {path} (h-duc-hoa · 2.5) đã hết hạn ngày 31/03/2024: chỉ "
            "miễn các kỳ kết thúc đến ngày đó.")
    assert " ".join(note.split()) in " ".join(text.split())  # wrapped as the width allows
    # Expiring Wednesday 06/03: W10 ends on the 10th, after it: nothing is waived.
    doc = _result(tmp_path, WAIVER.replace("31/12/2024", "06/03/2024"))
    (r,) = doc["results"]  # type: ignore[misc]
    assert (r["missed"], "waived" in r) == (["2024-W07", "2024-W10"], False)


def test_a_row_sets_aside_its_warnings_never_its_errors(tmp_path: Path) -> None:
    log = tmp_path / "log.csv"
    log.write_text("date,unit,channel,notes\n"
                   "31/02/2024,bao-long-an,newspaper,dxplan: ignore=bad-date\n",
                   encoding="utf-8")
    result = CliRunner().invoke(app, ["validate", str(log), "--format", "json"])
    assert result.exit_code == 1  # the gate still fails
    assert [p["code"] for p in json.loads(result.stdout)["problems"]] == ["bad-date"]


@pytest.mark.parametrize(("change", "message"), [
    (("unit: h-duc-hoa", "unit: Huyện Đâu Đó"), ":2: unit: no unit 'Huyện Đâu Đó' in the plan"),
    (("task: \"2.5\"", "task: \"9.9\""), ":3: task: no rule encodes task '9.9'; tasks: "),
    (("to: 2024-W11", "to: 01/03/2024"), ":5: to: 'to' is before 'from'"),
    (("reason: Đài truyền thanh huyện sửa chữa", "why: x"), ":6: why: not a key of a waiver"),
    (("from: 2024-W10", "from: 31/02/2024"), ":4: from: no such day"),
    (("task: \"2.5\"", "task: \"2.5\"\n    rule: 2.5-grassroots-radio-weekly"),
     ":3: task: give rule or task, not both"),
    (("task: \"2.5\"", "task: \"1.1\""),
     ":3: task: no periodic rule of 1.1 applies to h-duc-hoa (a waiver excuses periods"),
    (("expires: 31/12/2024", "expires: 0"), ":8: expires: must be a day (DD/MM/YYYY)"),
])
def test_a_bad_waiver_names_file_line_and_key(tmp_path: Path, catalog: Catalog,
                                               change: tuple[str, str], message: str) -> None:
    path = _file(tmp_path, WAIVER.replace(*change))
    with pytest.raises(InputError) as caught:
        load_waivers(path, catalog)
    assert str(caught.value).startswith(f"{path}{message}")


def test_a_bad_waiver_stops_the_run_in_the_users_language(tmp_path: Path) -> None:
    path = _file(tmp_path, WAIVER.replace("unit: h-duc-hoa", "unit: Huyện Đâu Đó"))
    result = CliRunner().invoke(app, ["check", Q1, "--waivers", str(path)])
    assert (result.exit_code, result.stderr) == (
        2, f"Lỗi: {path}:2: unit: không có đơn vị 'Huyện Đâu Đó' trong kế hoạch\n")


def test_codes_ignored_on_request_are_counted_apart(tmp_path: Path) -> None:
    log = tmp_path / "log.csv"
    log.write_text("date,unit,channel,kind,notes\n"
                   "05/03/2024,bao-long-an,newspaper,tiểu phẩm,dxplan: ignore=unknown-kind\n"
                   "06/03/2024,bao-long-an,newspaper,tiểu phẩm,\n"
                   "15/01/2024,bao-long-an,newspaper,article,\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["check", str(log), "--format", "json",
                                      "--ignore", "outside-period"])
    doc = json.loads(result.stdout)
    # Line 2 ignores its own unknown kind; line 3's is reported; line 4 is before the plan.
    assert [(p["line"], p["code"]) for p in doc["problems"]] == [(3, "unknown-kind")]
    assert doc["summary"]["problems_ignored"] == {"outside-period": 1, "unknown-kind": 1}
    text = CliRunner().invoke(app, ["check", str(log), "--ignore", "outside-period"]).stdout
    assert ("Bỏ qua theo yêu cầu (--ignore, hoặc 'dxplan: ignore=…' trong ghi chú của dòng): "
            "outside-period 1, unknown-kind 1.") in text
    bad = CliRunner().invoke(app, ["check", str(log), "--ignore", "dup", "--lang", "en"])
    assert bad.exit_code == 2 and bad.stderr.startswith(
        "Error: --ignore dup: no such problem code; codes: unknown-unit, ")


def test_a_day_with_a_time_is_read_as_that_day(tmp_path: Path, catalog: Catalog) -> None:
    path = _file(tmp_path, WAIVER.replace("from: 2024-W10", "from: 2024-03-04 10:00:00"))
    (waiver,) = load_waivers(path, catalog).items
    assert waiver.start.isoformat() == "2024-03-04"


def test_csv_and_workbook_say_which_periods_were_waived_and_why(tmp_path: Path) -> None:
    import csv
    import io

    import openpyxl

    path = _file(tmp_path, WAIVER)
    out = CliRunner().invoke(app, ["check", Q1, "--period", "2024-Q1", "-u", "h-duc-hoa",
                                   "--task", "2.5", "--format", "csv", "--waivers",
                                   str(path)]).stdout
    header, row = list(csv.reader(io.StringIO(out.lstrip("\ufeff"))))
    assert dict(zip(header, row, strict=True))["Kỳ được miễn"] == "2024-W10 2024-W11"
    assert row[-1] == "Đài truyền thanh huyện sửa chữa"
    book = tmp_path / "r.xlsx"
    CliRunner().invoke(app, ["report", Q1, "--period", "2024-Q1", "-u", "h-duc-hoa", "-f",
                             "xlsx", "-o", str(book), "--waivers", str(path)])
    sheet = openpyxl.load_workbook(book)["Huyện Đức Hòa"]
    cells = [str(c.value) for row_ in sheet.iter_rows() for c in row_ if c.value]
    assert any(c.startswith("▲ chưa đạt; miễn Tuần 10–11 (2 tuần), lý do: Đài truyền thanh")
               for c in cells)
