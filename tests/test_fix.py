"""`dxplan fix`: canonical rewriting of logs, every change listed (expected values by hand)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dx_plan.catalog import Catalog
from dx_plan.cli import app
from dx_plan.fixer import CANONICAL, Change, FixOptions, fix_log, render
from dx_plan.reader.columns import COLUMNS

from .conftest import DATA, ROOT

runner = CliRunner()
BOM = "\ufeff"
HEADER = "date,end_date,unit,channel,kind,title,url,docs,task,quantity,notes"

TINY = ("STT,Ngày,Đơn vị,Kênh,Loại,Tiêu đề,Văn bản,Nhiệm vụ,Số lượng,Ghi chú\n"
        "1,05/03/2024,Huyện Bến Lức,truyền thanh,bản tin,  Bản tin tuần 10 ,749/QĐ-TTg,"
        "Nhiệm vụ 2.5,02,\n"
        "2,2024-03-12,h-ben-luc,grassroots-radio,bulletin,Bản tin tuần 11,,,,\n")
TINY_FIXED = (BOM + HEADER + ",STT\n"
              "2024-03-05,,h-ben-luc,grassroots-radio,bulletin,Bản tin tuần 10,,"
              "QD-749-TTg-2020,2.5,2,,1\n"
              "2024-03-12,,h-ben-luc,grassroots-radio,bulletin,Bản tin tuần 11,,,,,,2\n")
TINY_CHANGES = ("dòng 2: ngày '05/03/2024' → 2024-03-05; đơn vị 'Huyện Bến Lức' → h-ben-luc; "
                "kênh 'truyền thanh' → grassroots-radio; loại 'bản tin' → bulletin; tiêu đề: "
                "bỏ khoảng trắng thừa, chuẩn hoá Unicode; văn bản '749/QĐ-TTg' → "
                "QD-749-TTg-2020; nhiệm vụ 'Nhiệm vụ 2.5' → 2.5; số lượng '02' → 2\n")


def run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def said(line: str, start: str, code: str, quoted: str) -> bool:
    """Whether a report line is `start`, a problem's message quoting `quoted`, and its code
    (the reader's messages are the reader's tests' business)."""
    return (line.startswith(start) and line.endswith(f" [{code}]")
            and quoted in line[len(start):])


def problems_of(path: Path) -> list[tuple[int, str]]:
    """(line, code) of every problem `dxplan validate` finds in `path`."""
    code, out, _ = run("validate", str(path), "--format", "json")
    assert code in (0, 1)
    return [(p["line"], p["code"]) for p in json.loads(out)["problems"]]


def test_the_broken_sample_then_validate_shows_only_what_fix_could_not_fix(
        tmp_path: Path) -> None:
    fixed = tmp_path / "fixed.csv"
    code, out, err = run("fix", str(ROOT / "logs" / "q1-broken.csv"), "-o", str(fixed))
    assert (code, out) == (1, "")
    lines = err.splitlines()
    # A line per row with something to say (20 data rows, lines 2-21), in order.
    assert [line.split(":")[0] for line in lines[:20]] == [f"dòng {n}" for n in range(2, 22)]
    assert lines[0] == "dòng 2: ngày '01/02/2024' → 2024-02-01; đơn vị 'Báo Long An' → bao-long-an"
    # The reader's own message between the fixer's words and the problem code.
    assert said(lines[1], "dòng 3: không sửa được, giữ nguyên: ", "unknown-unit",
                "'UBND huyen Ben Lucc'")
    assert lines[2] == ("dòng 4: ngày '05/02/2024' → 2024-02-05; kênh 'Cổng thông tin điện tử "
                        "tỉnh' → provincial-portal; văn bản '06/QĐ-TTg;KH-800-UBND-2022' → "
                        "QD-06-TTg-2022;KH-800-UBND-2022")
    assert said(lines[14], "dòng 16: ngày '01/02/2024' → 2024-02-01; đơn vị 'Báo Long An' → "
                "bao-long-an; trùng dòng 2: đã ghi vào ghi chú; còn cảnh báo: ", "duplicate",
                str(ROOT / "logs" / "q1-broken.csv"))
    assert lines[20:] == [
        "20 dòng, 10 dòng đã sửa, 10 dòng không sửa được (lỗi: bad-date 3, bad-quantity 3, "
        "bad-end-date 1, missing-value 1, unknown-channel 1, unknown-unit 1); 2 cảnh báo còn "
        "lại.",
        f"Đã ghi nhật ký đã sửa: {fixed}"]
    listed = {(int(line.split(":")[0].removeprefix("dòng ")), line.rsplit("[", 1)[1][:-1])
              for line in lines[:20] if "[" in line}
    assert listed == {(3, "unknown-unit"), (5, "unknown-channel"), (7, "bad-date"),
                      (8, "bad-date"), (9, "bad-date"), (11, "bad-quantity"),
                      (12, "bad-quantity"), (13, "bad-quantity"), (14, "bad-end-date"),
                      (15, "missing-value"), (16, "duplicate"), (17, "outside-period")}
    # The same lines in the new file: the rows stay in order under a one-line header.
    assert set(problems_of(fixed)) == listed
    text = fixed.read_text(encoding="utf-8").splitlines()
    assert text[0] == BOM + HEADER + ",STT"
    assert text[1] == ("2024-02-01,,bao-long-an,newspaper,article,Theo dõi Kênh Zalo Chính "
                       "quyền số tỉnh Long An để nhận thông tin chính thống,https://baolongan.vn/"
                       "theo-doi-kenh-zalo-chinh-quyen-so-tinh-long-an-a184094.html,"
                       "KH-3848-UBND-2023,2.2,,,1")
    # Unfixable: the original cells, under the canonical headers.
    assert text[6] == ("32/01/2024,,tp-tan-an,sinh hoạt đầu tuần,,\"Sinh hoạt đầu tuần: phổ "
                       "biến kỹ năng an toàn thông tin cho cán bộ, công chức\",,,,,lỗi: ngày "
                       "không đọc được,6")
    # The duplicate kept, marked.
    assert text[15].endswith(",,dxplan: trùng dòng 2; cảnh báo: trùng dòng 1,15")


def test_fixing_a_fixed_log_changes_nothing_more(tmp_path: Path) -> None:
    fixed = tmp_path / "fixed.csv"
    run("fix", str(ROOT / "logs" / "q1-broken.csv"), "-o", str(fixed))
    before = fixed.read_bytes()
    code, _, err = run("fix", str(fixed), "--in-place")
    assert code == 1
    assert fixed.read_bytes() == before  # the duplicate is not marked twice
    again = next(line for line in err.splitlines() if line.startswith("dòng 16:"))
    assert said(again, "dòng 16: còn cảnh báo: ", "duplicate", str(fixed))
    assert "20 dòng, 0 dòng đã sửa, 10 dòng không sửa được" in err


def test_vietnamese_headers_names_and_dates_become_ids_and_iso(tmp_path: Path) -> None:
    log = tmp_path / "tiny.csv"
    log.write_text(TINY, encoding="utf-8")
    code, out, err = run("fix", str(log))
    assert (code, out) == (0, TINY_FIXED)  # no --output: the CSV on stdout
    assert err == (TINY_CHANGES + "2 dòng, 1 dòng đã sửa, không có dòng nào không sửa được; "
                   "0 cảnh báo còn lại.\n")
    code, _, err = run("fix", str(log), "--lang", "en")
    assert err.splitlines() == [
        "line 2: date '05/03/2024' → 2024-03-05; unit 'Huyện Bến Lức' → h-ben-luc; channel "
        "'truyền thanh' → grassroots-radio; kind 'bản tin' → bulletin; title: spaces trimmed, "
        "Unicode normalised; documents '749/QĐ-TTg' → QD-749-TTg-2020; task 'Nhiệm vụ 2.5' → "
        "2.5; quantity '02' → 2",
        "2 rows, 1 fixed, none that could not be fixed; 0 warnings left."]


def test_the_fixer_is_pure(catalog: Catalog, tmp_path: Path) -> None:
    log = tmp_path / "tiny.csv"
    log.write_text(TINY, encoding="utf-8")
    assert sorted(CANONICAL) == sorted(COLUMNS)  # every column the reader knows, reordered
    result = fix_log(catalog, log, FixOptions())
    assert result.header == (*HEADER.split(","), "STT")
    assert [row.line for row in result.rows] == [2, 3]
    assert result.rows[0].changes[:3] == (
        Change("date", "05/03/2024", "2024-03-05"), Change("unit", "Huyện Bến Lức", "h-ben-luc"),
        Change("channel", "truyền thanh", "grassroots-radio"))
    assert (result.rows[1].changes, result.unfixable, result.blocking) == ((), [], ())
    rendered = render(result, "csv", "vi")
    assert (rendered.data, rendered.lines) == (TINY_FIXED, (2, 3))


def test_in_place_replaces_the_log_and_only_then(tmp_path: Path) -> None:
    log = tmp_path / "tiny.csv"
    log.write_text(TINY, encoding="utf-8")
    code, out, err = run("fix", str(log), "--in-place")
    assert (code, out) == (0, "")
    assert err == (TINY_CHANGES + "2 dòng, 1 dòng đã sửa, không có dòng nào không sửa được; "
                   f"0 cảnh báo còn lại.\nĐã thay {log} bằng nhật ký đã sửa\n")
    assert log.read_text(encoding="utf-8") == TINY_FIXED
    assert [p.name for p in tmp_path.iterdir()] == ["tiny.csv"]  # no temporary file left
    code, _, err = run("fix", str(log), "--in-place", "-o", str(tmp_path / "x.csv"))
    assert (code, err) == (2, "Lỗi: không dùng --in-place cùng với --output\n")
    tsv = tmp_path / "log.tsv"
    tsv.write_text(TINY.replace(",", "\t"), encoding="utf-8")
    code, _, err = run("fix", str(tsv), "--in-place")
    assert code == 2 and "--in-place chỉ dùng cho tệp .csv, .xlsx hoặc .yaml" in err
    assert tsv.read_text(encoding="utf-8") == TINY.replace(",", "\t")


def test_output_never_overwrites_without_force_nor_the_log(tmp_path: Path) -> None:
    log = tmp_path / "tiny.csv"
    log.write_text(TINY, encoding="utf-8")
    target = tmp_path / "fixed.csv"
    target.write_text("keep me", encoding="utf-8")
    code, out, err = run("fix", str(log), "-o", str(target))
    assert (code, out, err) == (2, "", f"Lỗi: {target}: đã tồn tại; dùng --force để ghi đè\n")
    assert target.read_text(encoding="utf-8") == "keep me"
    code, _, err = run("fix", str(log), "-o", str(log), "--force")
    assert (code, err) == (2, f"Lỗi: {log}: không ghi đè lên tệp đầu vào; hãy chọn tên khác\n")
    assert log.read_text(encoding="utf-8") == TINY
    code, _, _ = run("fix", str(log), "-o", str(target), "--force")
    assert (code, target.read_text(encoding="utf-8")) == (0, TINY_FIXED)
    code, _, err = run("fix", str(log), "--format", "xlsx")
    assert (code, err) == (2, "Lỗi: --format xlsx cần --output (tệp Excel không in ra màn hình "
                              "được)\n")


def test_a_yaml_log(tmp_path: Path) -> None:
    fixed = tmp_path / "fixed.yaml"
    code, _, err = run("fix", str(DATA / "logs" / "log.yaml"), "-o", str(fixed), "--lang", "en")
    assert code == 0
    assert err.splitlines() == [
        "line 6: date '02/07/2024' → 2024-07-02; unit 'Báo Long An' → bao-long-an; channel "
        "'báo điện tử' → newspaper; documents '749/QĐ-TTg; 06/QĐ-TTg' → "
        "QD-749-TTg-2020;QD-06-TTg-2022",
        "2 rows, 1 fixed, none that could not be fixed; 0 warnings left.",
        f"Fixed log written: {fixed}"]
    assert fixed.read_text(encoding="utf-8") == (
        "- date: '2024-07-01'\n  unit: h-ben-luc\n  channel: grassroots-radio\n"
        "  kind: bulletin\n  title: Bản tin tháng 7\n"
        "- date: '2024-07-02'\n  unit: bao-long-an\n  channel: newspaper\n"
        "  title: Chuyển đổi số ở Long An\n  url: https://baolongan.vn/a.html\n"
        "  docs: QD-749-TTg-2020;QD-06-TTg-2022\n  quantity: 2\n")
    assert problems_of(fixed) == []


def test_an_xlsx_log_with_a_title_row_says_where_rows_moved(tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    fixed = tmp_path / "fixed.xlsx"
    code, _, err = run("fix", str(DATA / "logs" / "log.xlsx"), "-o", str(fixed))
    assert code == 1
    lines = err.splitlines()
    assert said(lines.pop(5), "dòng 6 (dòng 5 của tệp mới): không sửa được, giữ nguyên: ",
                "bad-quantity", "'1.5'")
    assert lines == [
        "2 dòng trống sau dòng cuối của bảng không được chép.",  # Excel's formatted rows
        "Số dòng của tệp mới khác tệp gốc (tiêu đề cột ở dòng 2 của tệp gốc, dòng 1 của tệp "
        "mới): mỗi dòng dưới đây ghi cả số dòng mới.",
        "dòng 3 (dòng 2 của tệp mới): kênh 'truyền thanh' → grassroots-radio; loại 'bản tin' → "
        "bulletin",
        "dòng 4 (dòng 3 của tệp mới): đơn vị 'Bến Lức' → h-ben-luc; kênh 'LED' → led-screen",
        "dòng 5 (dòng 4 của tệp mới): ngày '04/09/2024' → 2024-09-04; kênh 'Zalo' → zalo; loại "
        "'tin' → news",
        "4 dòng, 3 dòng đã sửa, 1 dòng không sửa được (lỗi: bad-quantity 1); 0 cảnh báo còn lại.",
        f"Đã ghi nhật ký đã sửa: {fixed}"]
    sheet = openpyxl.load_workbook(fixed).worksheets[0]
    assert [list(r) for r in sheet.iter_rows(values_only=True)] == [
        HEADER.split(","),
        ["2024-09-02", None, "h-ben-luc", "grassroots-radio", "bulletin", "Bản tin tuần 36",
         None, None, None, 2, None],
        ["2024-09-03", None, "h-ben-luc", "led-screen", None, "Lịch tiếp công dân", None, None,
         None, 1, "serial date"],
        ["2024-09-04", None, "h-ben-luc", "zalo", "news", "2024", None, None, None, None, None],
        ["2024-09-05", None, "h-ben-luc", "truyền thanh", None, "Bản tin ngắn", None, None,
         None, "1.5", None]]
    assert problems_of(fixed) == [(5, "bad-quantity")]


def test_a_row_that_cannot_be_read_into_cells_stops_the_fix(tmp_path: Path) -> None:
    log = tmp_path / "broken.csv"
    shutil.copy(DATA / "logs" / "broken.csv", log)
    target = tmp_path / "fixed.csv"
    code, out, err = run("fix", str(log), "-o", str(target))
    assert (code, out) == (2, "")
    assert err.startswith(f"Không sửa được {log}, không ghi gì (sửa tay các chỗ sau rồi chạy "
                          "lại):\n  dòng 3: ")
    assert "[bad-row]" in err
    assert not target.exists()


def test_an_excel_file_cannot_hold_control_characters(tmp_path: Path) -> None:
    log = tmp_path / "log.csv"
    log.write_text("Ngày,Đơn vị,Kênh,Tiêu đề\n01/03/2024,h-can-duoc,Hội nghị,a\x01b\n",
                   encoding="utf-8")
    code, _, err = run("fix", str(log), "-o", str(tmp_path / "fixed.xlsx"))
    assert (code, err) == (2, "Lỗi: dòng 2 có ký tự điều khiển mà tệp Excel không chứa được; "
                              "hãy ghi CSV hoặc YAML\n")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["log.csv"]


def test_in_place_refuses_a_workbook_whose_other_sheets_it_would_lose(tmp_path: Path) -> None:
    book = tmp_path / "log.xlsx"
    shutil.copy(DATA / "logs" / "log.xlsx", book)  # "Nhật ký" and "Tháng 10"
    before = book.read_bytes()
    result = CliRunner().invoke(app, ["fix", str(book), "--in-place"])
    assert result.exit_code == 2
    assert result.stderr == (f"Lỗi: --in-place: {book} có 2 trang tính; ghi đè sẽ chỉ còn "
                             "trang nhật ký. Hãy ghi bản đã sửa ra tệp khác bằng --output\n")
    assert book.read_bytes() == before
