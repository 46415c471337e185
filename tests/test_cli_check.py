"""`dxplan check` through the CLI on the shipped samples and tiny logs."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dx_plan.cli import app

from .conftest import ROOT

runner = CliRunner()
Q1 = str(ROOT / "logs" / "q1.csv")
BROKEN = str(ROOT / "logs" / "q1-broken.csv")


def run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def results(out: str) -> dict[tuple[str, str], dict[str, object]]:
    doc = json.loads(out)
    return {(r["unit"], r["task"]): r for r in doc["results"]}


def test_sample_q1_json(tmp_path: Path) -> None:
    code, out, _ = run("check", Q1, "--period", "2024-Q1", "--format", "json")
    assert code == 1  # shortfalls, no error rows
    doc = json.loads(out)
    assert doc["schema"] == "dxplan.check/2"
    assert doc["window"] == {"start": "2024-02-01", "end": "2024-03-31", "as_of": "2024-03-31",
        "as_of_source": "given"}
    by = results(out)
    assert by[("bao-long-an", "2.2")]["periods_due"] == 8  # W06 … W13 (W05 is a stub)
    assert by[("bao-long-an", "2.2")]["status"] == "met"
    duc_hoa = by[("h-duc-hoa", "2.5")]
    assert (duc_hoa["missed"], duc_hoa["shortfall"], duc_hoa["periods_met"]) == (
        ["2024-W07", "2024-W10"], 2, 6)
    assert by[("h-tan-hung", "2.5")]["status"] == "missing"
    assert by[("h-can-giuoc", "3.3")]["missed"] == ["2024-03"]
    # Cần Đước's own system met every week; two of its 17 communes did not (Long Trạch
    # missed W09, Long Khê W11 and W12: 1 + 2 items short).
    can_duoc = by[("h-can-duoc", "2.5")]
    assert (can_duoc["status"], can_duoc["missed"], can_duoc["children"]) == (
        "behind", [], {"total": 17, "met": 15, "failing": 2, "shortfall": 3})
    rules = {r["rule"]: r["status"] for r in json.loads(out)["results"] if r["unit"] == "so-tttt"}
    assert (rules["2.1-contest-plan"], rules["2.1-contest-award"]) == ("met", "open")
    assert sorted({p["code"] for p in doc["problems"]}) == ["duplicate", "outside-period",
                                                            "unknown-kind"]
    assert {p["severity"] for p in doc["problems"]} == {"warning"}
    assert doc["summary"]["units_missing"] == 4


def test_xlsx_twin_gives_the_same_results() -> None:
    _, csv_out, _ = run("check", Q1, "--period", "2024-Q1", "--format", "json")
    code, xlsx_out, _ = run("check", str(ROOT / "logs" / "q1.xlsx"), "--period", "2024-Q1",
                            "--format", "json")
    assert code == 1
    assert json.loads(csv_out)["results"] == json.loads(xlsx_out)["results"]


def test_table_in_vietnamese_and_english() -> None:
    code, out, _ = run("check", Q1, "--period", "2024-Q1", "--unit", "h-duc-hoa", "--task", "2.5")
    assert code == 1
    assert "Thời gian: 01/02/2024 – 31/03/2024; tính đến ngày 31/03/2024" in out
    assert "│ Huyện Đức Hòa │ 2.5      │ ≥1/tuần  │            6/8 │" in out
    assert "▲ chưa đạt" in out
    assert re.search(r"│ Tuần 07 \(12/02–18/02\); Tuần 10 \(04/03–10/03\); 20/20 +│", out)
    assert "1 đơn vị: 0 đạt, 1 chưa đạt, 0 chưa thực hiện, 0 chưa đến hạn; tổng số còn thiếu 2." \
        in out
    code, out, _ = run("check", Q1, "--period", "2024-Q1", "--unit", "Đức Hòa", "--task", "2.5",
                       "--lang", "en")
    assert "▲ behind" in out
    assert "1 units: 0 compliant, 1 behind, 0 with no entries, 0 not yet due; total shortfall 2." \
        in out


def test_without_a_window_the_logs_set_the_as_of_date(tmp_path: Path) -> None:
    # The Q1 sample ends on Sunday 31 March: judged as of then, not as of today, so the
    # newspaper (every week met) is met and nothing later is called missing.
    code, out, _ = run("check", Q1, "--unit", "bao-long-an")
    assert code == 0
    assert ("Thời gian: 01/02/2024 – 31/12/2024; tính đến ngày 31/03/2024, hết tuần có mục "
            "cuối cùng (ngày khác: --as-of)") in out
    assert "--period 2024-Q1." not in out  # no need to suggest the quarter any more
    # A log whose last item is Wednesday 20 March is judged to Sunday 24 March (W12): a
    # unit that stopped in February is behind for the March weeks, not excused.
    log = tmp_path / "log.csv"
    log.write_text("date,unit,channel,kind\n06/02/2024,bao-long-an,newspaper,article\n"
                   "20/03/2024,dai-ptth-long-an,tv,bulletin\n", encoding="utf-8")
    code, out, _ = run("check", str(log), "--unit", "bao-long-an", "--format", "json")
    doc = json.loads(out)
    assert (doc["window"]["as_of"], doc["window"]["as_of_source"]) == ("2024-03-24", "logs")
    paper = doc["results"][0]
    # W06 … W12 due (7), W06 met; W13 has not ended by the 24th.
    assert (code, paper["periods_due"], paper["periods_met"], paper["status"]) == (
        1, 7, 1, "behind")


def test_broken_rows_exit_2_unless_allowed() -> None:
    code, out, err = run("check", BROKEN, "--period", "2024-Q1", "--format", "json")
    assert code == 2
    errors = sum(p["severity"] == "error" for p in json.loads(out)["problems"])
    assert err == (f"Nhật ký có {errors} lỗi nên kết quả chưa đầy đủ. Hãy sửa các lỗi được liệt "
                   "kê, hoặc dùng --allow-bad-rows.\n")
    codes = {p["code"] for p in json.loads(out)["problems"]}
    assert {"unknown-unit", "unknown-channel", "bad-date", "bad-quantity", "bad-end-date",
            "missing-value"} <= codes
    code, _, _ = run("check", BROKEN, "--period", "2024-Q1", "--allow-bad-rows", "-f", "json")
    assert code == 1


def test_exit_0_when_everything_due_is_met(tmp_path: Path) -> None:
    log = tmp_path / "bao.csv"
    log.write_text("ngày,đơn vị,kênh\n05/03/2024,Báo Long An,báo\n12/03/2024,bao-long-an,báo\n",
                   encoding="utf-8")
    code, out, _ = run("check", str(log), "--from", "04/03/2024", "--to", "17/03/2024",
                       "--unit", "bao-long-an", "--task", "2.2", "--format", "json")
    assert code == 0
    r = json.loads(out)["results"]
    assert [(x["periods_due"], x["periods_met"], x["status"]) for x in r] == [(2, 2, "met")]


def test_fail_on_warning(tmp_path: Path) -> None:
    log = tmp_path / "tv.csv"
    log.write_text("date,unit,channel\n2024-03-05,dai-ptth-long-an,tv\n", encoding="utf-8")
    # 2.4 (FM ≥1 a quarter) is interpreted: missing it is a warning, not a failure …
    args = ["check", str(log), "--period", "2024-Q1", "--unit", "dai-ptth-long-an",
            "--task", "2.4"]
    assert run(*args)[0] == 0
    # … unless --fail-on warning.
    assert run(*args, "--fail-on", "warning")[0] == 1


def test_output_is_atomic_and_never_overwrites_an_input(tmp_path: Path) -> None:
    out_file = tmp_path / "r.json"
    code, out, _ = run("check", Q1, "--period", "2024-Q1", "--format", "json", "-o",
                       str(out_file))
    assert (code, out) == (1, "")
    assert json.loads(out_file.read_text(encoding="utf-8"))["schema"] == "dxplan.check/2"
    log = tmp_path / "log.csv"
    log.write_text("date,unit,channel\n2024-03-05,bao-long-an,newspaper\n", encoding="utf-8")
    code, _, err = run("check", str(log), "-o", str(log))
    assert code == 2
    assert err == f"Lỗi: {log}: không ghi đè lên tệp đầu vào; hãy chọn tên khác\n"
    assert log.read_text(encoding="utf-8") == (
        "date,unit,channel\n2024-03-05,bao-long-an,newspaper\n")


def test_bad_options_exit_2() -> None:
    code, _, err = run("check", Q1, "--period", "2024-13")
    assert (code, err) == (2, "Lỗi: --period '2024-13': không có tháng 13\n")
    code, _, err = run("check", Q1, "--period", "2024-13", "--lang", "en")
    assert (code, err) == (2, "Error: --period '2024-13': there is no month 13\n")
    code, _, err = run("check", Q1, "--period", "2023-Q1")
    assert (code, err) == (2, "Lỗi: 01/01/2023 – 31/03/2023 nằm ngoài thời gian của kế hoạch "
                              "01/02/2024 – 31/12/2024\n")
    code, _, err = run("check", Q1, "--unit", "Ben Lucc")
    assert (code, err) == (2, "Lỗi: --unit 'Ben Lucc': không có đơn vị này (có phải là "
                              "h-ben-luc?)\n")
    code, _, err = run("check", Q1, "--unit", "Ben Lucc", "--lang", "en")
    assert (code, err) == (2, "Error: --unit 'Ben Lucc': unknown unit (did you mean "
                              "h-ben-luc?)\n")
    code, _, err = run("check", "/nonexistent/q9.csv")
    assert code == 2 and err.startswith("Lỗi: ") and err.count("\n") == 1


def test_calendar_draws_the_weekly_heatmap() -> None:
    code, out, _ = run("check", Q1, "--period", "2024-Q1", "--group", "press", "--calendar")
    assert code == 0  # both press units met every explicit weekly quota in Q1
    assert "Báo Long An  ✔✔✔✔✔✔✔✔\n" in out  # eight ISO weeks, W06–W13, all met


def _tv_items_in_q1() -> int:
    """TV items of the radio-TV station in the sample, counted independently of the reader."""
    from dx_plan.catalog import Catalog
    from dx_plan.loader import load_plan

    cat = Catalog(load_plan())
    total = 0
    with open(Q1, encoding="utf-8-sig", newline="") as handle:
        for row in csv.DictReader(handle):
            unit = cat.units.lookup(row["Đơn vị"]).item
            channel = cat.channels.lookup(row["Kênh"]).item
            day = row["Ngày"]
            when = (day[5:7], day[8:10]) if "-" in day[:5] else tuple(day.split("/")[1::-1])
            # Weeks W06–W13: 5 February to 31 March (the stub week 1–4 Feb is not due).
            if unit and channel and (unit.id, channel.id) == ("dai-ptth-long-an", "tv") \
                    and ("02", "05") <= when <= ("03", "31"):
                total += int(row["Số lượng"] or 1)
    return total


def test_markdown_and_csv_formats() -> None:
    tv = _tv_items_in_q1()
    args = ["check", Q1, "--period", "2024-Q1", "--unit", "dai-ptth-long-an"]
    code, out, _ = run(*args, "--format", "markdown")
    assert code == 0
    assert f"| Đài Phát thanh và Truyền hình Long An | 2.3 | ≥1/tuần | 8/8 | {tv} |  | 100,0% | " \
           "✔ đạt |  |" in out
    assert re.search(r"\| Đài Phát thanh và Truyền hình Long An \| 2\.4 \| ≥1/tuần \| 8/8 \| "
                     r"\d+ \|  \| 100,0% \| ✔ đạt\\\* \|  \|", out)
    assert "\\* Kế hoạch không nêu số lượng cho nhiệm vụ này" in out
    code, out, _ = run(*args, "--format", "csv")  # for Excel: a BOM, Vietnamese words
    assert out.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(out[1:])))
    assert rows[0] == ["Nhóm", "Mã đơn vị", "Đơn vị", "Mã chỉ tiêu", "Nhiệm vụ", "Loại",
                       "Chu kỳ", "Tối thiểu", "Kỳ đến hạn", "Kỳ đạt", "Đã thực hiện", "Thiếu",
                       "Tỷ lệ đạt", "Trạng thái", "Mức độ", "Cách xác định", "Kỳ thiếu",
                       "Kỳ được miễn", "Lý do miễn"]
    assert rows[1] == ["press", "dai-ptth-long-an", "Đài Phát thanh và Truyền hình Long An",
                       "2.3-tv-weekly", "2.3", "frequency", "week", "1", "8", "8", str(tv), "0",
                       "1.0", "đạt", "lỗi", "kế hoạch nêu rõ", "", "", ""]
    code, out, _ = run(*args, "--format", "csv", "--lang", "en", "--no-bom")
    rows = list(csv.reader(io.StringIO(out)))
    assert rows[0] == ["group", "unit", "unit_name", "rule", "task", "type", "per", "min",
                       "periods_due", "periods_met", "delivered", "shortfall", "compliance",
                       "status", "severity", "basis", "missed", "waived", "waived_reason"]
    assert rows[1][13:16] == ["met", "error", "explicit"]


def test_week_and_month_periods_and_several_files(tmp_path: Path) -> None:
    (tmp_path / "a.csv").write_text("date,unit,channel\n05/03/2024,bao-long-an,newspaper\n",
                                    encoding="utf-8")
    (tmp_path / "b.csv").write_text("date,unit,channel\n20/03/2024,bao-long-an,newspaper\n",
                                    encoding="utf-8")
    pattern = str(tmp_path / "*.csv")
    base = ["check", pattern, "--unit", "bao-long-an", "--format", "json"]
    # ISO week 10 of 2024 is Monday 4 – Sunday 10 March: one week, met by the 5 March item.
    doc = json.loads(run(*base, "--period", "2024-W10")[1])
    assert doc["window"] == {"start": "2024-03-04", "end": "2024-03-10", "as_of": "2024-03-10",
        "as_of_source": "given"}
    assert [(r["periods_due"], r["periods_met"], r["delivered"]) for r in doc["results"]] == [
        (1, 1, 1)]
    # March 2024: W09 (1–3 Mar, clipped) … W13 (25–31 Mar) = 5 weeks; items in W10 and W12.
    code, out, _ = run(*base, "--period", "2024-03")
    r = json.loads(out)["results"][0]
    assert (code, r["periods_due"], r["periods_met"], r["delivered"], r["missed"]) == (
        1, 5, 2, 2, ["2024-W09", "2024-W11", "2024-W13"])


def test_only_failing_lists_only_shortfalls() -> None:
    code, out, _ = run("check", Q1, "--period", "2024-Q1", "--group", "press",
                       "--only-failing", "--format", "json")
    assert (code, json.loads(out)["results"]) == (0, [])  # both press units met everything
    code, out, _ = run("check", Q1, "--period", "2024-Q1", "--unit", "h-duc-hoa",
                       "--only-failing", "--format", "json")
    assert {r["status"] for r in json.loads(out)["results"]} <= {"behind", "missing", "missed"}
    assert ("h-duc-hoa", "2.5") in {(r["unit"], r["task"]) for r in json.loads(out)["results"]}


def test_missing_excel_sheet_exits_2() -> None:
    code, out, err = run("check", str(ROOT / "logs" / "q1.xlsx"), "--sheet", "Nope")
    assert (code, out) == (2, "")
    assert err == (f"Lỗi: {ROOT / 'logs' / 'q1.xlsx'}: không có trang tính 'Nope'; các trang "
                   "tính: 'Nhật ký Q1'\n")


def test_limits_can_be_raised_and_bad_limits_are_refused(tmp_path: Path) -> None:
    log = tmp_path / "wide.csv"
    cells = ",".join(f"c{i}" for i in range(600))
    log.write_text(f"date,unit,channel\n05/03/2024,bao-long-an,newspaper,{cells}\n",
                   encoding="utf-8")
    base = ["check", str(log), "--period", "2024-W10", "--unit", "bao-long-an",
            "--format", "json"]
    code, out, _ = run(*base)  # 603 cells: over the default limit of 500 columns
    assert code == 2
    assert [p["code"] for p in json.loads(out)["problems"]] == ["too-many-columns"]
    code, out, _ = run(*base, "--limit", "columns=1000")
    assert code == 0 and json.loads(out)["problems"] == []
    code, _, err = run(*base, "--limit", "colums=1000", "--lang", "en")
    assert (code, err) == (2, "Error: --limit 'colums=1000': unknown limit; use file-mb=N, "
                              "rows=N, field-chars=N, columns=N, yaml-aliases=N, yaml-depth=N, "
                              "yaml-nodes=N, problems=N\n")
    code, _, err = run(*base, "--limit", "rows=0", "--lang", "en")
    assert (code, err) == (2, "Error: --limit 'rows=0': the value must be at least 1\n")
    code, _, err = run(*base, "--limit", f"field-chars={10**20}", "--lang", "en")
    assert (code, err) == (2, f"Error: --limit 'field-chars={10**20}': the value must be at "
                              "most 2147483647\n")


def test_escapes_in_a_file_name_never_reach_the_terminal(tmp_path: Path) -> None:
    # An OSC title sequence and a right-to-left override in a file name that does not exist.
    name = str(tmp_path / "q1\x1b]0;pwned\x07\u202egpj.csv")
    code, out, err = run("check", name, "--lang", "en")
    assert (code, out) == (2, "")
    shown = str(tmp_path / "q1]0;pwnedgpj.csv")
    assert err == f"Error: {shown}: file not found\n"


def test_sort_puts_the_worst_units_first(tmp_path: Path) -> None:
    log = tmp_path / "log.csv"
    log.write_text("date,unit,channel,kind\n05/02/2024,dai-ptth-long-an,tv,bulletin\n"
                   "12/02/2024,dai-ptth-long-an,tv,bulletin\n", encoding="utf-8")
    base = ["check", str(log), "--period", "2024-Q1", "--format", "json",
            "-u", "bao-long-an", "-u", "vp-ubnd-tinh", "-u", "dai-ptth-long-an",
            "--task", "2.2", "--task", "2.3", "--task", "3.1"]

    def order(*extra: str) -> list[str]:
        code, out, _ = run(*base, *extra)
        return [r["unit"] for r in json.loads(out)["results"]]

    # Báo Long An 0/8 weeks (8 short), VP UBND tỉnh 0/2 months (2 + 2 = 4 short), the
    # station 2/8 weeks (6 short, 25%).
    assert order("--sort", "compliance") == ["bao-long-an", "vp-ubnd-tinh", "dai-ptth-long-an"]
    assert order("--sort", "shortfall") == ["bao-long-an", "dai-ptth-long-an", "vp-ubnd-tinh"]
    assert order("--sort", "unit") == ["bao-long-an", "dai-ptth-long-an", "vp-ubnd-tinh"]
    assert order() == ["bao-long-an", "dai-ptth-long-an", "vp-ubnd-tinh"]  # by group: press
    code, out, _ = run("check", str(log), "--period", "2024-Q1", "-u", "bao-long-an",
                       "-u", "dai-ptth-long-an", "--task", "2.2", "--task", "2.3",
                       "--sort", "shortfall", "--only-failing")
    assert "Đơn vị theo số thiếu, nhiều nhất trước" in out
    assert out.index("Báo Long An") < out.index("Đài Phát thanh")


def test_no_command_replaces_a_file_without_force_and_a_failed_run_writes_none(
        tmp_path: Path) -> None:
    out = tmp_path / "out.json"
    out.write_text("mine", encoding="utf-8")
    for command in (["check", Q1, "--period", "2024-Q1", "-f", "json"],
                    ["validate", Q1, "-f", "json"]):
        code, _, err = run(*command, "-o", str(out))
        assert (code, err) == (2, f"Lỗi: {out}: đã tồn tại; dùng --force để ghi đè\n")
        assert out.read_text(encoding="utf-8") == "mine"
    code, _, _ = run("check", Q1, "--period", "2024-Q1", "-f", "json", "-o", str(out),
                     "--force")
    assert code == 1 and json.loads(out.read_text(encoding="utf-8"))["schema"]
    # Rows with errors make the run unusable (exit 2): no file is written at all.
    fresh = tmp_path / "fresh.json"
    code, _, _ = run("check", BROKEN, "--period", "2024-Q1", "-f", "json", "-o", str(fresh))
    assert (code, fresh.exists()) == (2, False)
    code, _, _ = run("report", BROKEN, "--period", "2024-Q1", "-u", "h-ben-luc",
                     "--out-dir", str(tmp_path / "r"))
    assert (code, (tmp_path / "r").exists() and any((tmp_path / "r").iterdir())) == (2, False)


def test_an_80_column_terminal_gets_the_compact_table_and_whole_words(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    _, doc, _ = run("check", Q1, "--period", "2024-Q1", "--format", "json")
    names = {r["unit_name"] for r in json.loads(doc)["results"]}
    assert len(names) == 38
    # The detail of the departments (the longest names) is enough for its columns.
    for view in ((), ("--detail", "--group", "departments")):
        code, out, _ = run("check", Q1, "--period", "2024-Q1", *view)
        lines = out.splitlines()
        assert max(len(line) for line in lines) <= 80
        assert "┃ Đơn vị " in out and "Tỷ lệ" not in out  # the share column is dropped
        # No word is broken across lines: every word of every unit name is found whole.
        tokens = {w for line in lines for w in line.replace("│", " ").split()}
        for name in names if not view else sorted(_departments()):
            assert set(name.split()) <= tokens, (view, name)
    # The detail keeps unit, task, periods met, shortfall, status and missed periods.
    assert "┃ Kỳ thiếu ┃" in out


def test_a_file_that_cannot_be_read_stops_before_any_table(tmp_path: Path) -> None:
    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"")
    code, out, err = run("check", str(empty), "--lang", "en")
    assert code == 2
    assert out.splitlines()[0] == "Read 0 rows, counted 0 items; 1 errors, 0 warnings."
    assert out.splitlines()[-1] == ("No item could be read: fix the files as the problems "
                                    "above say, then run again (no results table).")
    assert "Báo Long An" not in out and "units" not in out  # no table, no unit verdict


def test_the_logs_as_of_date_counts_ranges_and_flags_a_lone_late_item(tmp_path: Path) -> None:
    log = tmp_path / "led.csv"
    log.write_text("date,end_date,unit,channel\n05/02/2024,,bao-long-an,newspaper\n"
                   "01/02/2024,31/03/2024,so-tu-phap,led-screen\n", encoding="utf-8")
    code, out, _ = run("check", str(log), "-u", "so-tu-phap", "--task", "3.4",
                       "--format", "json")
    doc = json.loads(out)
    # The campaign runs to Sunday 31 March: judged as of then, all 60 days met.
    assert doc["window"]["as_of"] == "2024-03-31"
    assert [(r["periods_due"], r["periods_met"]) for r in doc["results"]] == [(60, 60)]
    typo = tmp_path / "typo.csv"
    typo.write_text("date,unit,channel\n05/02/2024,bao-long-an,newspaper\n"
                    "12/02/2024,bao-long-an,newspaper\n01/12/2024,bao-long-an,newspaper\n",
                    encoding="utf-8")  # 01/12 for 01/02?
    code, out, _ = run("check", str(typo), "-u", "bao-long-an", "--lang", "en")
    # Sunday 1 December ends its week: as of then, and said to be worth a look.
    assert "as of 2024-12-01" in out
    assert ("The as-of date comes from the last item (2024-12-01), more than four weeks after "
            "every other (the next latest: 2024-02-12); if that date is a typo, fix it or use "
            "--as-of.") in " ".join(out.split())  # (the terminal wraps it)


def test_the_first_screen_answers_in_under_60_lines(monkeypatch: pytest.MonkeyPatch) -> None:
    """With no options, the sample quarter is judged as of its last week (31/03/2024): 20
    units met, 14 behind, 4 with no rows (see tests/test_samples.py), on one screen."""
    monkeypatch.setenv("COLUMNS", "120")
    code, out, _ = run("check", Q1)
    lines = out.splitlines()
    assert (code, len(lines) < 60, max(map(len, lines)) <= 120) == (1, True, True)
    verdict = ("Tính đến ngày 31/03/2024, 38 đơn vị: 20 đạt, 14 chưa đạt, 4 chưa thực hiện, "
               "0 chưa đến hạn; tổng số còn thiếu 389.")
    assert (lines[0], lines[-1]) == (verdict, verdict)
    # A unit a row: Sở GTVT missed 16 LED days; Cần Đước 2 of its 17 communes' radio.
    assert re.search(r"│ Sở Giao thông vận tải +│ ▲ chưa đạt +│ +47/63 │ +74,6% │ +16 │ "
                     r"3\.4 \(16 ngày\) +│", out)
    assert re.search(r"│ Huyện Cần Đước +│ ▲ chưa đạt +│ +71/71 │ +100,0% │ +3 │ "
                     r"2\.5 \(2/17 xã chưa đạt\) +│", out)
    assert re.search(r"│ Huyện Tân Hưng +│ ✘ chưa thực hiện │ +0/71 │ +0,0% │ +167 │ "
                     r"cả 4 chỉ tiêu +│", out)
    # Only the problems' codes (all warnings); the detail is one option away.
    assert "Trùng với dòng" not in out and "thêm --detail" in out
    # The same verdicts as the explicit quarter.
    by_logs = json.loads(run("check", Q1, "--format", "json")[1])["results"]
    by_period = json.loads(run("check", Q1, "--period", "2024-Q1", "--format", "json")[1])
    assert by_logs == by_period["results"]


def test_one_check_writes_several_reports(tmp_path: Path) -> None:
    """--report FORMAT=PATH beside the console output: JSON and CSV of the same run."""
    result = CliRunner().invoke(app, [
        "check", Q1, "--period", "2024-Q1", "--report", f"json={tmp_path / 'r.json'}",
        "--report", f"csv={tmp_path / 'r.csv'}"])
    assert result.exit_code == 1
    assert result.stdout.startswith("Tính đến ngày 31/03/2024, 38 đơn vị")
    doc = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))
    assert doc["summary"]["units_met"] == 20  # as the design of the sample says
    rows = (tmp_path / "r.csv").read_text(encoding="utf-8-sig").splitlines()
    assert rows[0].startswith("Nhóm,Mã đơn vị,Đơn vị,") and len(rows) == 1 + len(doc["results"])
    assert result.stderr.splitlines()[-2:] == [
        f"Đã ghi báo cáo json: {tmp_path / 'r.json'}",
        f"Đã ghi báo cáo csv: {tmp_path / 'r.csv'}"]
    again = CliRunner().invoke(app, ["check", Q1, "--report", f"json={tmp_path / 'r.json'}"])
    assert again.exit_code == 2 and "--force" in again.stderr  # no silent overwrite


def _departments() -> set[str]:
    from dx_plan.loader import load_catalog

    catalog = load_catalog()
    return {catalog.units.by_id[u].name for u in catalog.members["departments"]}


def test_a_run_that_cannot_be_used_writes_no_report(tmp_path: Path) -> None:
    report = tmp_path / "r.json"
    result = CliRunner().invoke(app, ["check", BROKEN, "--period", "2024-Q1", "--report",
                                      f"json={report}"])
    assert (result.exit_code, report.exists()) == (2, False)
