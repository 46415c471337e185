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
        "channels": ["provincial-portal"], "kinds": ["article", "bulletin", "infographic"],
        "per": "month", "min": 2,
        "severity": "error", "basis": "explicit"}
    assert rule["source"]["text"] == "Mỗi tháng đăng tải ít nhất 2 bài viết/bản tin tại chuyên " \
                                     "mục này"
    channel_ids = [c["id"] for c in doc["channels"]]
    assert channel_ids == ["newspaper", "tv", "fm-radio", "grassroots-radio", "provincial-portal",
                           "unit-portal", "dx-portal", "zalo", "social", "led-screen", "print",
                           "meeting", "school", "community", "contest", "plan-doc", "report"]


def test_plan_show_table_in_both_languages() -> None:
    code, out, _ = run("plan", "show")
    assert code == 0
    assert "Kế hoạch tuyên truyền về chuyển đổi số trên địa bàn tỉnh Long An năm 2024" in out
    assert re.search(r"│ 2\.2 +│ Bài viết/bản tin[^│]*│ Báo Long An +│ Báo in, báo điện tử +│ "
                     r"≥1/tuần +│ 01/02/2024–31/12/2024 │ kế hoạch nêu rõ +│ lỗi", out)
    code, out, _ = run("plan", "show", "--lang", "en")
    assert re.search(r"│ 3\.1 +│ Articles/bulletins in the +│ Office of the Provincial +│ "
                     r"Provincial web portal +│ ≥2/month +│ 2024-02-01–2024-12-31 │ explicit +│ "
                     r"error", out)


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
    assert out.startswith("\ufeff")  # Excel reads Vietnamese CSV as UTF-8 only with a BOM
    rows = list(csv.reader(io.StringIO(out[1:])))
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
    assert (code, out) == (0, "Kế hoạch hợp lệ: 227 đơn vị, 17 kênh, 24 chỉ tiêu, 21 nhiệm vụ, "
                              "43 văn bản.\n")
    bad = tmp_path / "plan.yaml"
    bad.write_text("plan: {id: x}\nplan: {id: y}\n", encoding="utf-8")
    code, out, err = run("plan", "validate", str(bad))
    assert code == 2
    assert err == (f"Kế hoạch không hợp lệ (1 lỗi):\n  {bad}:2: plan: khóa 'plan' bị lặp "
                   "(lần đầu ở dòng 1); chỉ giữ một\n")
    code, out, err = run("plan", "validate", str(bad), "--lang", "en")
    assert (code, err) == (2, f"The plan is invalid (1 errors):\n  {bad}:2: plan: duplicate key "
                              "'plan' (first at line 1); keep only one\n")


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
        assert result.stdout.startswith(f"Cách dùng: dxplan {name} "), name
        assert "\nTùy chọn:\n" in result.stdout and "\n  Ví dụ:\n" in result.stdout, name
        assert result.stdout.count(f"\n    dxplan {name}") >= 2, name  # two examples or more
        english = runner.invoke(app, [*name.split(), "--help", "--lang", "en"]).stdout
        assert english.startswith(f"Usage: dxplan {name} "), name
        assert "\nOptions:\n" in english and "\n  Examples:\n" in english, name
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
    assert out.startswith("\ufeff")  # Excel reads Vietnamese CSV as UTF-8 only with a BOM
    rows = list(csv.reader(io.StringIO(out[1:])))
    assert rows[0] == ["STT", "Nhiệm vụ, công việc", "Đơn vị chủ trì", "Đơn vị phối hợp",
                       "Thời gian triển khai", "Ghi chú"]
    assert len(rows) == 1 + 21
    assert rows[[r[0] for r in rows].index("2.2")][4:] == [
        "Hàng tuần", "Mỗi tuần đăng tải ít nhất 1 bài viết/bản tin tại chuyên mục này"]
    code, out, _ = run("tasks", "--lang", "en")
    assert "Appendix II — Key tasks" in out


def test_plan_show_csv_and_markdown() -> None:
    code, out, _ = run("plan", "show", "--format", "csv", "--lang", "en")
    assert out.startswith("\ufeff")  # Excel reads Vietnamese CSV as UTF-8 only with a BOM
    rows = list(csv.reader(io.StringIO(out[1:])))
    assert rows[0] == ["Task", "Rule", "Who", "Channel", "Quota", "Window", "Basis", "Severity",
                       "The plan's words"]
    # In words (ids stay in JSON); "trước ngày 28/8/2024" is on or before 27 August.
    assert ["2.1", "Award the radio/TV production contest on digital transformation",
            "Department of Information and Communications", "Radio and TV production contest",
            "≥1 by 2024-08-27", "2024-02-01–2024-08-27", "explicit", "error",
            "Tổng kết, trao giải thưởng trước ngày 28/8/2024"] in rows
    assert len(rows) == 1 + 24
    # The plan's own quotas first, every interpreted rule after them.
    bases = [r[6] for r in rows[1:]]
    assert bases == sorted(bases, key=["explicit", "interpreted"].index)
    code, out, _ = run("plan", "show", "--format", "markdown")
    assert out.index("### Chỉ tiêu kế hoạch nêu rõ") < out.index(
        "### Nhiệm vụ kế hoạch không nêu số lượng")
    assert ("| 2.5 | Bản tin/câu chuyện truyền thanh về chuyển đổi số trên hệ thống truyền "
            "thanh cấp huyện, cấp xã | UBND cấp huyện (và từng đơn vị cấp xã) | Hệ thống "
            "truyền thanh cơ sở | ≥1/tuần | 01/02/2024–31/12/2024 | kế hoạch nêu rõ | lỗi |") in out
    code, out, _ = run("plan", "show")
    assert "≥1 trước 28/08/2024" in out and "2.1-contest-award" not in out
