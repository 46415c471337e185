"""`dxplan report` end to end: a CSV log through the reader, the engine and the renderers.

Exact exit codes and messages; the sample quarter is `test_report_sample`'s, written
as the CSV a unit would send.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

import openpyxl  # type: ignore[import-untyped]
import pytest
from typer.testing import CliRunner

from dx_plan.cli import app
from dx_plan.commands import report as report_command

from .test_report_sample import FORMULA, XSS, catalog, sample_entries

runner = CliRunner()
QUARTER = ("--period", "2024-Q1", "--as-of", "2024-03-31")


def run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, ["report", *args])
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture()
def log(tmp_path: Path) -> Path:
    """The sample quarter as a CSV (line numbers as in the sample: header on line 1)."""
    path = tmp_path / "q1.csv"
    docs = {d.id: d.number for d in catalog().plan.documents}
    with path.open("w", newline="", encoding="utf-8") as fh:
        out = csv.writer(fh)
        out.writerow(["date", "end_date", "unit", "channel", "kind", "title", "url", "docs"])
        for e in sample_entries():
            out.writerow([e.date.strftime("%d/%m/%Y"), e.end.strftime("%d/%m/%Y"), e.unit,
                          e.channel, e.kind or "", e.title, e.url,
                          "; ".join(docs[d] for d in e.docs)])
    return path


def ruled_units() -> set[str]:
    """The accountable units `--all` reports on (communes are in their district's report)."""
    return {u for rule in catalog().plan.rules for u in catalog().rule_units(rule)
            if catalog().units.by_id[u].parent is None}


def test_all_units_to_a_directory_of_pages(log: Path, tmp_path: Path) -> None:
    out = tmp_path / "r"
    code, stdout, stderr = run(str(log), "--all", "--out-dir", str(out), "--format", "html",
                               *QUARTER)
    assert code == 1  # some selected unit falls short
    assert stdout == ""
    assert stderr == f"Đã ghi 39 tệp vào {out}.\n"
    assert {p.name for p in out.iterdir()} == {f"{u}.html" for u in ruled_units()} | {
        "index.html"}
    assert len(ruled_units()) == 38
    # A unit with no entries lists every missed week; a compliant unit says so.
    duc_hoa = (out / "h-duc-hoa.html").read_text(encoding="utf-8")
    for week, dates in (("06", "05/02–11/02"), ("09", "26/02–03/03"), ("13", "25/03–31/03")):
        assert (f"<li>Tuần {week} ({dates}/2024): 0/1 bản tin/câu chuyện truyền thanh</li>"
                in duc_hoa)
    assert "Tuần 05" not in duc_hoa  # the stub week 1–4 Feb is never due
    assert "Chưa thực hiện: nhật ký không có hoạt động nào của đơn vị" in duc_hoa
    paper = (out / "bao-long-an.html").read_text(encoding="utf-8")
    assert "Đạt: đơn vị đã thực hiện đủ mọi chỉ tiêu đến hạn tính đến ngày 31/03/2024." in paper
    assert "Đơn vị đã đạt mọi chỉ tiêu đến hạn." in paper
    ben_luc = (out / "h-ben-luc.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in ben_luc and XSS not in ben_luc
    index = (out / "index.html").read_text(encoding="utf-8")
    assert index.count('<a href="h-ben-luc.html">') == 2  # units table and matrix


def test_existing_files_are_replaced_only_with_force(log: Path, tmp_path: Path) -> None:
    out = tmp_path / "r"
    assert run(str(log), "--unit", "bao-long-an", "--out-dir", str(out), *QUARTER)[0] == 0
    (out / "index.md").write_text("kept", encoding="utf-8")
    code, _, stderr = run(str(log), "--unit", "bao-long-an", "--out-dir", str(out), *QUARTER)
    assert code == 2
    assert stderr == f"Lỗi: {out / 'bao-long-an.md'}: đã tồn tại (cùng 1 tệp khác); dùng " \
                     "--force để ghi đè\n"
    assert (out / "index.md").read_text(encoding="utf-8") == "kept"  # nothing was written
    code, _, _ = run(str(log), "--unit", "bao-long-an", "--out-dir", str(out), "--force",
                     *QUARTER)
    assert code == 0
    assert (out / "index.md").read_text(encoding="utf-8").startswith("# Tổng hợp kết quả")
    target = tmp_path / "one.md"
    target.write_text("old", encoding="utf-8")
    code, _, stderr = run(str(log), "-u", "bao-long-an", "--output", str(target), *QUARTER)
    assert (code, stderr) == (2, f"Lỗi: {target}: đã tồn tại; dùng --force để ghi đè\n")


def test_one_unit_to_stdout(log: Path) -> None:
    code, out, err = run(str(log), "--unit", "Báo Long An", *QUARTER)
    assert (code, err) == (0, "")
    # Who made it first (Sở TT&TT), then what it is.
    assert out.startswith("UBND tỉnh Long An — Sở Thông tin và Truyền thông\n\n# Báo cáo kết "
                          "quả thực hiện Kế hoạch tuyên truyền về chuyển đổi số trên địa bàn "
                          "tỉnh Long An năm 2024 — Quý I\n")
    assert "**Kết quả chung: ✔ đạt.** Đạt: đơn vị đã thực hiện đủ mọi chỉ tiêu đến hạn tính " \
           "đến ngày 31/03/2024." in out
    code, out, _ = run(str(log), "-u", "h-ben-luc", "--lang", "en", *QUARTER)
    assert code == 1
    assert "- Week 07 (2024-02-12 to 2024-02-18): 0/1 bulletin\n" in out
    # Its own system is 6 weeks short; its 15 communes 14 × 8 + 7 = 119 (Thạnh Lợi met W06).
    assert "- 6 bulletins short of the quota (channel: Grassroots radio (district and " \
           "commune loudspeaker systems)).\n" in out
    assert "- 15 of 15 communes short: Thị trấn Bến Lức, Xã Thạnh Lợi, " in out
    assert "- **The communes short are 119 bulletins short.**\n" in out
    assert "\\<script\\>alert(1)\\</script\\>" in out


def test_terminal_gets_rich_markdown_and_the_calendar(log: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(report_command, "_is_terminal", lambda: True)
    code, out, _ = run(str(log), "-u", "h-ben-luc", *QUARTER)
    assert code == 1
    assert "# Báo cáo" not in out  # drawn, not raw Markdown
    assert "Báo cáo kết quả thực hiện Kế hoạch" in out
    assert "Lịch thực hiện" in out
    assert "✘✘✔✘✔✘✘✘" in out  # W06–W13: its own system met W08 and W10
    code, out, _ = run(str(log), "-u", "h-ben-luc", "-u", "h-duc-hoa", *QUARTER)
    assert "Lịch các chỉ tiêu hằng tuần" in out  # several units: the weekly calendar of all


def test_json_for_a_group(log: Path) -> None:
    code, out, _ = run(str(log), "--group", "districts", "--format", "json", *QUARTER)
    assert code == 1
    doc = json.loads(out)
    assert doc["schema"] == "dxplan.report/1"
    districts = catalog().members["districts"]
    assert [u["unit"] for u in doc["units"]] == districts
    ben_luc = next(u for u in doc["units"] if u["unit"] == "h-ben-luc")
    assert [e["title"] for e in ben_luc["evidence"]] == [
        XSS, "Loa xã Thạnh Lợi", "Bến Lức triển khai chuyển đổi số", FORMULA, "Bản tin tuần 10"]
    assert ben_luc["docs_covered"] == ["QD-749-TTg-2020", "NQ-21-TU-2021"]


def test_json_directory(log: Path, tmp_path: Path) -> None:
    out = tmp_path / "j"
    code, _, _ = run(str(log), "-u", "h-ben-luc", "-u", "bao-long-an", "-f", "json",
                     "--out-dir", str(out), *QUARTER)
    assert code == 1
    assert sorted(p.name for p in out.iterdir()) == ["bao-long-an.json", "h-ben-luc.json",
                                                    "index.json"]
    one = json.loads((out / "bao-long-an.json").read_text(encoding="utf-8"))
    assert (one["schema"], one["unit"]["unit"], one["unit"]["status"]) == (
        "dxplan.report/1", "bao-long-an", "met")
    index = json.loads((out / "index.json").read_text(encoding="utf-8"))
    assert [u["unit"] for u in index["units"]] == ["bao-long-an", "h-ben-luc"]


def test_workbook_output(log: Path, tmp_path: Path) -> None:
    target = tmp_path / "report.xlsx"
    code, out, err = run(str(log), "-g", "districts", "--format", "xlsx", "--output",
                         str(target), *QUARTER)
    assert (code, out, err) == (1, "", f"Đã ghi {target}.\n")
    wb = openpyxl.load_workbook(target)
    # Overview, groups, the 15 districts, then missed periods, items and documents.
    assert wb.sheetnames[:2] + wb.sheetnames[-3:] == [
        "Tổng hợp", "Theo nhóm", "Kỳ thiếu", "Tin, bài, hoạt động", "Văn bản Phụ lục I"]
    assert len(wb.sheetnames) == 2 + 15 + 3 and "Huyện Bến Lức" in wb.sheetnames
    ws = wb["Tin, bài, hoạt động"]
    titles = [ws.cell(r, 7).value for r in range(1, ws.max_row + 1)]
    assert "'" + FORMULA in titles and FORMULA not in titles


@pytest.mark.parametrize(("args", "message"), [
    ((), "choose --unit, --group or --all"),
    (("--all", "-u", "h-ben-luc"), "give only one of --unit, --group or --all"),
    (("-u", "qqqq"), "--unit 'qqqq': unknown unit"),
    (("-u", "ban-ql-kkt"), "--unit 'ban-ql-kkt': no rule of the plan applies to this unit"),
    (("-g", "nowhere"), "--group 'nowhere': unknown group; groups: press, departments, agencies, "
                        "districts, communes"),
    (("--all", "-f", "xlsx"), "--format xlsx writes a workbook: give --output FILE or --out-dir "
                              "DIR"),
    (("--all", "--out-dir", "d", "--output", "f"), "give either --out-dir or --output, not both"),
])
def test_usage_errors_exit_2(log: Path, args: tuple[str, ...], message: str) -> None:
    code, out, err = run(str(log), *args, "--lang", "en")
    assert (code, out, err) == (2, "", f"Error: {message}\n")
    code, out, err = run(str(log), *args)  # Vietnamese by default: translated, never English
    assert (code, out) == (2, "") and err.startswith("Lỗi: ") and message not in err


def test_never_writes_over_an_input(log: Path) -> None:
    code, _, err = run(str(log), "-u", "bao-long-an", "--output", str(log), "--force", *QUARTER)
    assert (code, err) == (2, f"Lỗi: {log}: không ghi đè lên tệp đầu vào; hãy chọn tên khác\n")


def test_rows_with_errors_exit_2_unless_allowed(log: Path, tmp_path: Path) -> None:
    with log.open("a", encoding="utf-8") as fh:
        fh.write("05/03/2024,05/03/2024,Huyện Không Có,truyền thanh,,Tin,,\n")
    out = tmp_path / "r"
    code, _, err = run(str(log), "-u", "bao-long-an", "--out-dir", str(out), *QUARTER)
    assert code == 2
    assert err.endswith("Nhật ký có 1 lỗi nên kết quả chưa đầy đủ. Hãy sửa các lỗi được liệt "
                        "kê, hoặc dùng --allow-bad-rows.\n")
    code, _, _ = run(str(log), "-u", "bao-long-an", "--out-dir", str(out), "--force",
                     "--allow-bad-rows", *QUARTER)
    assert code == 0
    index = (out / "index.md").read_text(encoding="utf-8")
    assert "## Các vấn đề khác trong nhật ký" in index and "unknown-unit" in index


def test_rejected_rows_are_listed_in_their_units_report(tmp_path: Path) -> None:
    log = tmp_path / "log.csv"
    # Row 2: Đức Hòa's own row with an impossible date; row 4: one of its communes with an
    # unknown channel. Neither is evidence, but both are Đức Hòa's to fix.
    log.write_text("date,unit,channel\n32/02/2024,h-duc-hoa,truyền thanh\n"
                   "05/03/2024,Xã Lộc Giang,truyền thanh\n06/03/2024,Xã Lộc Giang,tivi\n",
                   encoding="utf-8")
    result = CliRunner().invoke(app, ["report", str(log), "--unit", "h-duc-hoa", "--period",
                                      "2024-03", "--format", "json", "--allow-bad-rows"])
    assert result.exit_code == 1
    doc = json.loads(result.stdout)
    assert [(p["line"], p["code"], p["unit"]) for p in doc["units"][0]["problems"]] == [
        (2, "bad-date", "h-duc-hoa"), (4, "unknown-channel", "x-loc-giang--h-duc-hoa")]
    assert doc["problems"] == []  # nothing left unattributed


def test_english_html_xlsx_and_json(log: Path, tmp_path: Path) -> None:
    page = tmp_path / "r.html"
    code, _, _ = run(str(log), "-u", "h-duc-hoa", "--format", "html", "-o", str(page),
                     "--lang", "en", *QUARTER)
    assert code == 1
    html = page.read_text(encoding="utf-8")
    assert '<html lang="en">' in html
    assert "What is short" in html and "Những chỉ tiêu chưa đạt" not in html
    book = tmp_path / "r.xlsx"
    run(str(log), "-g", "press", "--format", "xlsx", "-o", str(book), "--lang", "en", *QUARTER)
    assert openpyxl.load_workbook(book).sheetnames[0] == "Overview"
    code, out, _ = run(str(log), "-u", "h-duc-hoa", "--format", "json", "--lang", "en",
                       *QUARTER)
    doc = json.loads(out)
    assert doc["schema"] == "dxplan.report/1" and doc["units"][0]["unit"] == "h-duc-hoa"
