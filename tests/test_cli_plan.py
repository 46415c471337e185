"""CLI tests of the plan listing commands (CliRunner; exact text and exit codes)."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest
import typer
from typer.main import get_command
from typer.testing import CliRunner

from dx_plan.cli import app

from .conftest import ROOT

runner = CliRunner()


def run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_plan_show_json_is_the_contract() -> None:
    code, out, _ = run("plan", "show", "--format", "json")
    assert code == 0
    doc = json.loads(out)
    assert list(doc) == ["schema", "plan", "groups", "units", "channels", "kinds", "rules"]
    assert doc["schema"] == "dxplan.plan/1"
    assert (doc["plan"]["period_start"], doc["plan"]["period_end"]) == ("2024-02-01", "2024-12-31")
    rule = next(r for r in doc["rules"] if r["id"] == "3.1-provincial-portal-monthly")
    assert {k: rule[k] for k in ("task", "type", "applies_to", "channels", "kinds", "per", "min",
                                 "severity", "basis")} == {
        "task": "3.1", "type": "frequency", "applies_to": ["vp-ubnd-tinh"],
        "channels": ["provincial-portal"], "kinds": [], "per": "month", "min": 2,
        "severity": "error", "basis": "explicit"}
    assert rule["source"]["text"] == "Mỗi tháng đăng tải ít nhất 2 bài viết/bản tin tại chuyên " \
                                     "mục này"
    channel_ids = [c["id"] for c in doc["channels"]]
    assert channel_ids == ["newspaper", "tv", "fm-radio", "grassroots-radio", "provincial-portal",
                           "unit-portal", "dx-portal", "zalo", "social", "led-screen", "print",
                           "meeting", "school", "community", "contest", "report"]


def test_plan_show_table_in_both_languages() -> None:
    code, out, _ = run("plan", "show")
    assert code == 0
    assert "Kế hoạch tuyên truyền về chuyển đổi số trên địa bàn tỉnh Long An năm 2024" in out
    assert re.search(r"│ 2\.2 +│ 2\.2-newspaper-weekly +│ bao-long-an +│ newspaper +│ ≥1/tuần +│ "
                     r"01/02/2024–31/12/2024 │ nêu rõ +│ lỗi", out)
    code, out, _ = run("plan", "show", "--lang", "en")
    assert re.search(r"│ 3\.1 +│ 3\.1-provincial-portal-monthly +│ vp-ubnd-tinh +│ "
                     r"provincial-portal +│ ≥2/month +│ 2024-02-01–2024-12-31 │ explicit +│ error",
                     out)


def test_units_group_districts_json() -> None:
    code, out, _ = run("units", "--group", "districts", "--format", "json")
    assert code == 0
    units = json.loads(out)
    assert [u["id"] for u in units] == [
        "tp-tan-an", "tx-kien-tuong", "h-tan-hung", "h-vinh-hung", "h-moc-hoa", "h-tan-thanh",
        "h-thanh-hoa", "h-duc-hue", "h-duc-hoa", "h-ben-luc", "h-thu-thua", "h-tan-tru",
        "h-can-duoc", "h-can-giuoc", "h-chau-thanh"]
    assert set(units[0]) >= {"id", "name", "kind", "groups", "parent", "aliases", "domains"}


def test_units_csv_and_markdown() -> None:
    code, out, _ = run("units", "--group", "press", "--format", "csv")
    rows = list(csv.reader(io.StringIO(out)))
    assert rows[0] == ["Mã", "Tên", "Loại", "Nhóm", "Trực thuộc", "Tên miền"]
    assert rows[1][:4] == ["bao-long-an", "Báo Long An", "bao", "press"]
    code, out, _ = run("units", "--group", "press", "--format", "markdown", "--lang", "en")
    assert out.splitlines()[:3] == [
        "## Press and broadcasting", "", "| Id | Name | Kind | Groups | Parent | Domains |"]


def test_unknown_group_exits_2_with_a_suggestion() -> None:
    code, out, err = run("units", "--group", "distrcts")
    assert (code, out) == (2, "")
    assert err == ("Lỗi: không có nhóm 'distrcts'; các nhóm: press, departments, agencies, "
                   "districts, communes (có phải là 'districts'?)\n")


def test_docs_and_tasks() -> None:
    code, out, _ = run("docs", "--format", "json")
    docs = json.loads(out)
    assert len(docs) == 43 and docs[0]["id"] == "QD-749-TTg-2020"
    code, out, _ = run("tasks", "--format", "json")
    tasks = json.loads(out)
    row = next(t for t in tasks if t["id"] == "2.5")
    assert row["lead"] == ["districts"] and row["timeframe"] == "Hàng tuần"


def test_plan_validate(tmp_path: Path) -> None:
    code, out, _ = run("plan", "validate")
    assert (code, out) == (0, "Kế hoạch hợp lệ: 227 đơn vị, 16 kênh, 20 quy định, 21 nhiệm vụ, "
                              "43 văn bản.\n")
    bad = tmp_path / "plan.yaml"
    bad.write_text("plan: {id: x}\nplan: {id: y}\n", encoding="utf-8")
    code, out, err = run("plan", "validate", str(bad))
    assert code == 2
    assert err == (f"Kế hoạch không hợp lệ (1 lỗi):\n  {bad}:2: plan: duplicate key 'plan' "
                   "(first at line 1); keep only one\n")


def test_plan_env_var_selects_another_plan(tmp_path: Path, monkeypatch: pytest.MonkeyPatch
                                           ) -> None:
    monkeypatch.setenv("DXPLAN_PLAN", str(tmp_path / "missing.yaml"))
    code, _, err = run("units")
    assert code == 2
    assert err == f"Lỗi: {tmp_path / 'missing.yaml'}: không tìm thấy tệp kế hoạch (kiểm tra " \
                  "--plan hoặc $DXPLAN_PLAN)\n"


def _commands(group: typer.Typer, prefix: str = "") -> list[str]:
    cmd = get_command(group)
    names = []
    for name, sub in cmd.commands.items():  # type: ignore[attr-defined]
        full = f"{prefix}{name}"
        if hasattr(sub, "commands"):
            names += [f"{full} {n}" for n in sub.commands]
        else:
            names.append(full)
    return names


def test_every_command_has_help_and_is_in_the_readme() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    commands = _commands(app)
    assert {"check", "plan show", "plan validate", "units", "docs", "tasks"} <= set(commands)
    for name in commands:
        result = runner.invoke(app, [*name.split(), "--help"])
        assert result.exit_code == 0, name
        assert "Usage:" in result.stdout
        assert f"dxplan {name}" in readme, name


def test_docs_and_tasks_in_every_format_and_language() -> None:
    code, out, _ = run("docs", "--lang", "en")
    assert code == 0
    assert "Appendix I — Documents to publicise" in out
    assert re.search(r"│ QD-749-TTg-2020 +│ I\.1 +│ central +│ 749/QĐ-TTg +│ 2020-06-03 │", out)
    code, out, _ = run("docs", "--format", "markdown")
    assert out.splitlines()[0] == "## Phụ lục I — Một số văn bản cần tập trung tuyên truyền"
    assert "| QD-749-TTg-2020 | I.1 | Trung ương | 749/QĐ-TTg | 03/06/2020 |" in out
    code, out, _ = run("tasks", "--format", "csv")
    rows = list(csv.reader(io.StringIO(out)))
    assert rows[0] == ["STT", "Nhiệm vụ, công việc", "Đơn vị chủ trì", "Đơn vị phối hợp",
                       "Thời gian triển khai", "Ghi chú"]
    assert len(rows) == 1 + 21
    assert rows[[r[0] for r in rows].index("2.2")][4:] == [
        "Hàng tuần", "Mỗi tuần đăng tải ít nhất 1 bài viết/bản tin tại chuyên mục này"]
    code, out, _ = run("tasks", "--lang", "en")
    assert "Appendix II — Key tasks" in out


def test_plan_show_csv_and_markdown() -> None:
    code, out, _ = run("plan", "show", "--format", "csv", "--lang", "en")
    rows = list(csv.reader(io.StringIO(out)))
    assert rows[0] == ["Task", "Rule", "Who", "Channel", "Quota", "Window", "Basis", "Severity"]
    assert ["2.1", "2.1-contest-award", "so-tttt", "contest", "≥1 by 2024-08-28",
            "2024-02-01–2024-08-28", "explicit", "error"] in rows
    assert len(rows) == 1 + 20
    code, out, _ = run("plan", "show", "--format", "markdown")
    assert "| 2.5 | 2.5-grassroots-radio-weekly | districts | grassroots-radio | ≥1/tuần | " \
           "01/02/2024–31/12/2024 | nêu rõ | lỗi |" in out
