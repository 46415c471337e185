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


def test_a_waived_week_is_neither_due_nor_missed_and_a_met_week_stays_met(
        tmp_path: Path) -> None:
    # Đức Hòa's own loudspeakers missed W07 and W10 (the sample's design); the waiver
    # covers W10–W11: W10 is excused, W11 (met) stays met, W07 is still missed.
    doc = _result(tmp_path, WAIVER)
    (r,) = doc["results"]  # type: ignore[misc]
    assert (r["periods_due"], r["periods_met"], r["shortfall"], r["missed"], r["waived"]) == (
        7, 6, 1, ["2024-W07"], ["2024-W10"])
    assert r["waived_reason"] == "Đài truyền thanh huyện sửa chữa"
    assert doc["provenance"]["waivers"] == [f"{tmp_path / 'waivers.yaml'}:2"]  # type: ignore[index]
    text = CliRunner().invoke(app, ["check", Q1, "--period", "2024-Q1", "--unit", "h-duc-hoa",
                                    "--task", "2.5", "--waivers",
                                    str(tmp_path / "waivers.yaml")]).stdout
    assert "miễn Tuần 10 (04/03–10/03), lý do: Đài truyền thanh huyện sửa chữa" in " ".join(
        line.strip("│ ") for line in text.splitlines())
    report = CliRunner().invoke(app, ["report", Q1, "--period", "2024-Q1", "-u", "h-duc-hoa",
                                      "--waivers", str(tmp_path / "waivers.yaml")]).stdout
    assert "▲ chưa đạt; miễn Tuần 10 (04/03–10/03), lý do: Đài truyền thanh" in report


def test_an_expired_waiver_is_not_applied_and_says_so(tmp_path: Path) -> None:
    doc = _result(tmp_path, WAIVER.replace("31/12/2024", "01/03/2024"))
    (r,) = doc["results"]  # type: ignore[misc]
    assert (r["missed"], "waived" in r) == (["2024-W07", "2024-W10"], False)
    assert doc["notes"] == [{"code": "waiver-expired", "file": str(tmp_path / "waivers.yaml"),
                             "line": "2", "label": "h-duc-hoa · 2.5", "expires": "2024-03-01"}]
    text = CliRunner().invoke(app, ["check", Q1, "--period", "2024-Q1", "--unit", "h-duc-hoa",
                                    "--waivers", str(tmp_path / "waivers.yaml")]).stdout
    note = (f"Mục miễn ở dòng 2 của {tmp_path / 'waivers.yaml'} (h-duc-hoa · 2.5) đã hết hạn "
            "ngày 01/03/2024, không áp dụng.")
    assert " ".join(note.split()) in " ".join(text.split())  # wrapped as the width allows


def test_a_waiver_over_met_weeks_changes_nothing(tmp_path: Path) -> None:
    doc = _result(tmp_path, WAIVER.replace("h-duc-hoa", "h-ben-luc"), unit="h-ben-luc")
    (r,) = doc["results"]  # type: ignore[misc]
    assert (r["status"], r["periods_due"], r["periods_met"], "waived" in r) == (
        "met", 8, 8, False)


@pytest.mark.parametrize(("change", "message"), [
    (("unit: h-duc-hoa", "unit: Huyện Đâu Đó"), ":2: unit: no unit 'Huyện Đâu Đó' in the plan"),
    (("task: \"2.5\"", "task: \"9.9\""), ":3: task: no rule encodes task '9.9'; tasks: "),
    (("to: 2024-W11", "to: 01/03/2024"), ":5: to: 'to' is before 'from'"),
    (("reason: Đài truyền thanh huyện sửa chữa", "why: x"), ":6: why: not a key of a waiver"),
    (("from: 2024-W10", "from: 31/02/2024"), ":4: from: no such day"),
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
