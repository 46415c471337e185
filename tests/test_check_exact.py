"""`check` end to end — reader, engine, JSON — on a log worked out by hand.

The log below mixes the date forms people write, a duplicate, a quantity of 2,
a stub first week (the plan starts Thursday 1 Feb 2024: W05, 1–4 Feb, is not due),
a month quota of 2, and ranged LED rows, one starting before the plan period.
"""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from dx_plan.cli import app

from .conftest import ROOT

LOG = """\
Ngày,Đến ngày,Đơn vị,Kênh,Loại,Tiêu đề,Đường dẫn,Số lượng
02/02/2024,,Báo Long An,báo,bài viết,CĐS tuần 5,https://baolongan.vn/a1,
2024-02-06,,bao-long-an,newspaper,,Tin 1,https://baolongan.vn/a2,2
06/02/2024,,bao-long-an,newspaper,,Tin 1 (gửi lại),https://baolongan.vn/a2,
20-2-2024,,bao-long-an,newspaper,,Tin 3,https://baolongan.vn/a3,
5.3.2024,,bao-long-an,newspaper,,Tin 4,https://baolongan.vn/a4,
ngày 12 tháng 3 năm 2024,,bao-long-an,newspaper,,Tin 5,https://baolongan.vn/a5,
19/03/2024,,bao-long-an,newspaper,,Tin 6,https://baolongan.vn/a6,
26/03/2024,,bao-long-an,newspaper,,Tin 7,https://baolongan.vn/a7,
05/02/2024,,vp-ubnd-tinh,Cổng TTĐT tỉnh,,P1,https://www.longan.gov.vn/p1,
15/02/2024,,vp-ubnd-tinh,Cổng TTĐT tỉnh,,P2,https://www.longan.gov.vn/p2,
25/02/2024,,vp-ubnd-tinh,Cổng TTĐT tỉnh,,P3,https://www.longan.gov.vn/p3,
08/03/2024,,vp-ubnd-tinh,Cổng TTĐT tỉnh,,P4,https://www.longan.gov.vn/p4,
25/01/2024,09/02/2024,so-gddt,màn hình LED,,Long An Số,,
15/02/2024,31/03/2024,so-gddt,LED,,Dịch vụ công,,
"""


def common(unit: str, name: str, group: str, rule: str, task: str, per: str,
           minimum: int) -> dict[str, object]:
    return {"unit": unit, "unit_name": name, "rule": rule, "task": task, "type": "frequency",
            "per": per, "min": minimum, "severity": "error", "basis": "explicit",
            "group": group}


def test_hand_worked_q1_log(tmp_path: Path) -> None:
    log = tmp_path / "q1.csv"
    log.write_text(LOG, encoding="utf-8-sig")
    result = CliRunner().invoke(app, [
        "check", str(log), "--period", "2024-Q1", "--format", "json",
        "--unit", "bao-long-an", "--unit", "vp-ubnd-tinh", "--unit", "so-gddt",
        "--task", "2.2", "--task", "3.1", "--task", "3.4"])
    assert result.exit_code == 1
    doc = json.loads(result.stdout)
    assert doc["window"] == {"start": "2024-02-01", "end": "2024-03-31", "as_of": "2024-03-31",
        "as_of_source": "given"}
    # The filters cross units and tasks: VP UBND tỉnh's own 3.4 (LED) result comes too.
    pairs = [(r["unit"], r["task"]) for r in doc["results"]]
    assert pairs == [("bao-long-an", "2.2"), ("vp-ubnd-tinh", "3.1"), ("vp-ubnd-tinh", "3.4"),
                     ("so-gddt", "3.4")]  # by group, then unit in plan order, then task
    del doc["results"][2]
    assert doc["results"] == [
        # W06..W13 due (8; the stub week W05 and its row 2 count for nothing); W07 and
        # W09 empty; 2 + 1 + 1 + 1 + 1 + 1 = 7 items (the re-sent row 4 is the same
        # unit, channel, date and URL as row 3: once); 6/8 = 0.75.
        {**common("bao-long-an", "Báo Long An", "press", "2.2-newspaper-weekly", "2.2",
                  "week", 1),
         "periods_due": 8, "periods_met": 6, "delivered": 7, "shortfall": 2,
         "compliance": 0.75, "status": "behind", "missed": ["2024-W07", "2024-W09"]},
        # Provincial portal, ≥2 a month: 3 in February, 1 in March.
        {**common("vp-ubnd-tinh", "Văn phòng Ủy ban nhân dân tỉnh", "departments",
                  "3.1-provincial-portal-monthly", "3.1", "month", 2),
         "periods_due": 2, "periods_met": 1, "delivered": 4, "shortfall": 1,
         "compliance": 0.5, "status": "behind", "missed": ["2024-03"]},
        # Sở GD&ĐT's LED boards: 1–9 Feb (the row from 25 Jan counts from 1 Feb) and
        # 15 Feb–31 Mar: 9 + 15 + 31 = 55 of 60 days; 10–14 Feb dark.
        {**common("so-gddt", "Sở Giáo dục và Đào tạo", "departments",
                  "3.4-led-daily-departments", "3.4", "day", 1),
         "periods_due": 60, "periods_met": 55, "delivered": 55, "shortfall": 5,
         "compliance": 0.917, "status": "behind",
         "missed": ["2024-02-10", "2024-02-11", "2024-02-12", "2024-02-13", "2024-02-14"]},
    ]
    assert doc["problems"] == [
        {"file": str(log), "line": 4, "severity": "warning", "code": "duplicate",
         "message": f"same item as line 3 of {log}",
         "hint": "an item with the same unit, channel, date and URL (or title) is counted once",
         "unit": "bao-long-an"},
        {"file": str(log), "line": 14, "severity": "warning", "code": "outside-period",
         "message": "the activity 2024-01-25..2024-02-09 starts before the plan period; only "
                    "2024-02-01..2024-02-09 is counted", "column": "date", "unit": "so-gddt"},
    ]
    assert (doc["summary"]["rows_read"], doc["summary"]["entries_counted"]) == (14, 13)


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_a_unit_with_entries_only_outside_the_window_is_missing() -> None:
    # Bến Lức logged plenty in Q1 (logs/q1.csv) but nothing in Q2.
    code, out, _ = run("check", str(ROOT / "logs" / "q1.csv"), "--period", "2024-Q2",
                       "--unit", "h-ben-luc", "--format", "json")
    assert code == 1
    summary = json.loads(out)["summary"]
    assert (summary["units"], summary["units_missing"], summary["units_behind"]) == (1, 1, 0)


def test_as_of_before_the_window_leaves_everything_open() -> None:
    code, out, _ = run("check", str(ROOT / "logs" / "q1.csv"), "--period", "2024-Q2",
                       "--as-of", "2024-02-01", "--format", "json")
    assert code == 0
    doc = json.loads(out)
    assert doc["window"]["as_of"] == "2024-02-01"
    # No period has ended; a one-off rule (presence, deadline) is met by an item of
    # 1 February, the as-of day, and is otherwise open.
    # (A department's screen quota does not apply before it has logged a screen.)
    assert {r["status"] for r in doc["results"] if r["type"] == "frequency"} == {
        "open", "not-applicable"}
    assert sum(r["periods_due"] for r in doc["results"] if r["type"] == "frequency") == 0
    assert {r["status"] for r in doc["results"] if r["type"] != "frequency"} <= {"open", "met"}


def test_from_and_to_messages_name_what_was_given() -> None:
    q1 = str(ROOT / "logs" / "q1.csv")
    assert run("check", q1, "--to", "2024-01-15", "--lang", "en")[1:] == (
        "", "Error: --to 2024-01-15 is before the plan period 2024-02-01..2024-12-31\n")
    assert run("check", q1, "--from", "01/01/2025", "--lang", "en")[1:] == (
        "", "Error: --from 2025-01-01 is after the plan period 2024-02-01..2024-12-31\n")
    assert run("check", q1, "--from", "2024-03-01", "--to", "2024-02-01")[2] == (
        "Lỗi: --from 01/03/2024 sau --to 01/02/2024\n")
    assert run("check", q1, "--to", "2024-01-15")[2] == (
        "Lỗi: --to 15/01/2024 trước thời gian của kế hoạch 01/02/2024 – 31/12/2024\n")
    code, out, _ = run("check", q1, "--from", "2024-01-01", "--to", "2024-02-10",
                       "--format", "json", "--unit", "bao-long-an")
    assert json.loads(out)["window"] == {"start": "2024-02-01", "end": "2024-02-10",
                                         "as_of": "2024-02-10",
        "as_of_source": "given"}


def test_communes_are_judged_and_shown_when_asked_for() -> None:
    q1 = str(ROOT / "logs" / "q1.csv")
    code, out, _ = run("check", q1, "--period", "2024-Q1", "--group", "communes",
                       "--format", "json", "--task", "2.5")
    results = json.loads(out)["results"]
    assert len(results) == 188  # every commune's loudspeaker system, with its district
    assert all(r["group"] == "communes" and r["parent"].startswith(("h-", "tx-", "tp-"))
               for r in results)
    code, out, _ = run("check", q1, "--period", "2024-Q1", "--unit", "x-thanh-loi--h-ben-luc",
                       "--format", "json")
    assert [(r["task"], r["parent"]) for r in json.loads(out)["results"]] == [
        ("2.5", "h-ben-luc"), ("3.2b", "h-ben-luc"), ("3.5", "h-ben-luc")]
    # By default only the accountable units are listed: no commune among them.
    code, out, _ = run("check", q1, "--period", "2024-Q1", "--format", "json")
    assert not [r for r in json.loads(out)["results"] if "parent" in r]
