"""`dxplan template`: the log template a unit fills in, and what the reader makes of it."""

from __future__ import annotations

import datetime as dt
import io
import json
from pathlib import Path
from typing import Any

import openpyxl  # type: ignore[import-untyped]
import pytest
from typer.testing import CliRunner

from dx_plan.catalog import Catalog
from dx_plan.cli import app
from dx_plan.reader.columns import column_of
from dx_plan.reader.resolve import CellResolvers
from dx_plan.render.template import (
    LOG_COLUMNS,
    example_row,
    template_csv,
    template_lists,
    template_xlsx,
)

runner = CliRunner()

HEADERS_VI = ["Ngày", "Đến ngày", "Đơn vị", "Kênh", "Loại", "Tiêu đề", "Đường dẫn", "Văn bản",
              "Nhiệm vụ", "Số lượng", "Ghi chú"]
HEADERS_EN = ["Date", "End date", "Unit", "Channel", "Kind", "Title", "URL", "Documents", "Task",
              "Quantity", "Notes"]
# Bến Lức and its 15 communes, in plan order; two commune names are shared with communes
# of other districts, so the list gives them with their district (an alias of theirs).
BEN_LUC_UNITS = (
    "Huyện Bến Lức", "Thị trấn Bến Lức", "Xã Thạnh Lợi", "Xã Lương Bình", "Xã Thạnh Hòa",
    "Xã Lương Hòa", "Xã Tân Hòa, huyện Bến Lức", "Xã Tân Bửu", "Xã An Thạnh", "Xã Bình Đức",
    "Xã Mỹ Yên", "Xã Thanh Phú, huyện Bến Lức", "Xã Long Hiệp", "Xã Thạnh Đức", "Xã Phước Lợi",
    "Xã Nhựt Chánh")
# Tasks whose rules count a district's or its communes' items (Phụ lục II leads
# "UBND cấp huyện" / "cấp xã", and section IV.1's own plan and quarterly report).
BEN_LUC_TASKS = ("1.1", "1.2", "2.5", "2.6", "3.2b", "3.3", "3.4", "3.5", "4", "6", "IV.1")
PORTAL = "Cổng/trang thông tin điện tử của cơ quan, địa phương"
RADIO = "Hệ thống truyền thanh cơ sở"


def run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def validate_json(path: Path, unit: str) -> dict[str, Any]:
    code, out, _ = run("validate", str(path), "--unit", unit, "--as-of", "31/12/2024",
                       "--format", "json")
    assert code == 0, out
    doc: dict[str, Any] = json.loads(out)
    return doc


def fill(path: Path, rows: list[list[object]]) -> None:
    """Fill the log sheet of the template at `path` with `rows`, as a person would."""
    book = openpyxl.load_workbook(path)
    sheet = book.worksheets[0]
    for number, values in enumerate(rows, start=2):
        for column, value in enumerate(values, start=1):
            sheet.cell(row=number, column=column, value=value)
    book.save(path)


def lists_of(path: Path) -> dict[str, list[str]]:
    """The lists sheet read back: its header → its values."""
    sheet = openpyxl.load_workbook(path)["Danh mục"]
    columns = zip(*sheet.iter_rows(values_only=True), strict=True)
    return {str(col[0]): [v for v in col[1:] if v is not None] for col in columns}


@pytest.fixture
def ben_luc(tmp_path: Path) -> Path:
    path = tmp_path / "t.xlsx"
    code, out, err = run("template", "--unit", "h-ben-luc", "-o", str(path))
    assert (code, out, err) == (0, "", f"Đã ghi mẫu nhật ký: {path}\n")
    return path


def test_a_filled_template_validates_without_a_warning(ben_luc: Path) -> None:
    lists = lists_of(ben_luc)
    assert lists["Đơn vị"] == list(BEN_LUC_UNITS)
    commune = "Xã Tân Hòa, huyện Bến Lức"
    for column, value in (("Đơn vị", "Huyện Bến Lức"), ("Đơn vị", commune), ("Kênh", RADIO),
                          ("Kênh", PORTAL), ("Loại", "bản tin"), ("Loại", "bài viết"),
                          ("Nhiệm vụ", "2.5"), ("Nhiệm vụ", "3.3"),
                          ("Văn bản Phụ lục I", "749/QĐ-TTg")):
        assert value in lists[column], (column, value)
    fill(ben_luc, [
        [dt.datetime(2024, 3, 4), None, "Huyện Bến Lức", RADIO, "bản tin",
         "Bản tin chuyển đổi số tuần 10", None, "749/QĐ-TTg", "2.5", 1, None],
        [dt.datetime(2024, 3, 5), None, commune, RADIO, "bản tin", "Bản tin xã Tân Hòa",
         None, None, "2.5", None, None],
        [dt.datetime(2024, 3, 6), None, "Huyện Bến Lức", PORTAL, "bài viết",
         "Người dân nộp hồ sơ trực tuyến", "https://benluc.longan.gov.vn/tin-tuc/cds-1",
         "749/QĐ-TTg", "3.3", None, "chuyên mục Chuyển đổi số"],
    ])
    code, out, _ = run("validate", str(ben_luc), "--unit", "h-ben-luc", "--as-of", "31/12/2024")
    assert (code, out.splitlines()[0]) == (0, "1 tệp, 3 dòng: không có lỗi (0 cảnh báo).")
    doc = validate_json(ben_luc, "h-ben-luc")
    assert doc["problems"] == []
    assert (doc["summary"]["rows_read"], doc["summary"]["entries"]) == (3, 3)


def test_the_log_sheet_has_headers_formats_and_drop_downs(ben_luc: Path,
                                                          catalog: Catalog) -> None:
    book = openpyxl.load_workbook(ben_luc)
    assert book.sheetnames == ["Nhật ký", "Hướng dẫn", "Danh mục"]
    assert [s.sheet_state for s in book.worksheets] == ["visible", "visible", "hidden"]
    log = book["Nhật ký"]
    assert [c.value for c in log[1]] == HEADERS_VI
    assert all(c.font.bold for c in log[1])
    assert log.freeze_panes == "A2" and log.max_row == 1
    formats = {k: d.number_format for k, d in log.column_dimensions.items()}
    assert (formats["A"], formats["B"], formats["I"], formats["J"]) == (
        "DD/MM/YYYY", "DD/MM/YYYY", "@", "General")
    assert log.column_dimensions["F"].width == 50
    found = {str(v.sqref): (v.type, v.operator, v.formula1, v.formula2, v.errorStyle)
             for v in log.data_validations.dataValidation}
    kinds, docs = len(catalog.plan.kinds) + 1, len(catalog.plan.documents) + 1
    assert found == {
        "C2:C5001": ("list", None, "'Danh mục'!$A$2:$A$17", None, "stop"),  # 16 units
        "D2:D5001": ("list", None, "'Danh mục'!$B$2:$B$18", None, "stop"),  # 17 channels
        "E2:E5001": ("list", None, f"'Danh mục'!$C$2:$C${kinds}", None, "stop"),
        "I2:I5001": ("list", None, "'Danh mục'!$D$2:$D$12", None, "stop"),  # 11 tasks
        "H2:H5001": ("list", None, f"'Danh mục'!$E$2:$E${docs}", None, "warning"),
        "A2:A5001": ("date", "between", "DATE(2024,2,1)", "DATE(2024,12,31)", "warning"),
        "B2:B5001": ("date", "greaterThanOrEqual", "DATE(2024,2,1)", None, "warning"),
        "J2:J5001": ("whole", "between", "1", "1000000", "stop"),
    }
    lists = lists_of(ben_luc)
    assert lists["Nhiệm vụ"] == list(BEN_LUC_TASKS)
    assert len(lists["Kênh"]) == 17 and lists["Kênh"][3] == RADIO


def test_every_drop_down_value_resolves_to_one_plan_object(catalog: Catalog) -> None:
    lists = template_lists(catalog, None)
    units = [catalog.units.lookup(v).item for v in lists["unit"]]
    assert [u.id if u else None for u in units] == [u.id for u in catalog.plan.units]
    assert "Xã Tân Thành, huyện Thủ Thừa" in lists["unit"]  # three communes share the name
    channels = [catalog.channels.lookup(v).item for v in lists["channel"]]
    assert [c.id if c else None for c in channels] == [c.id for c in catalog.plan.channels]
    kinds = [catalog.kinds.lookup(v).item for v in lists["kind"]]
    assert [k.id if k else None for k in kinds] == [k.id for k in catalog.plan.kinds]
    cells = CellResolvers(catalog)
    assert [cells.documents(v) for v in lists["docs"]] == [
        ((d.id,), ()) for d in catalog.plan.documents]
    assert lists["docs"][:2] == ("749/QĐ-TTg", "830/QĐ-TTg")
    assert all(cells.task(v) == (v, None) for v in lists["task"])
    assert set(lists["task"]) == {r.task for r in catalog.plan.rules}
    assert template_lists(catalog, "h-ben-luc")["task"] == BEN_LUC_TASKS


@pytest.mark.parametrize("unit", ["h-ben-luc", None])
def test_the_example_row_of_the_instructions_validates(unit: str | None, catalog: Catalog,
                                                       tmp_path: Path) -> None:
    path = tmp_path / "t.xlsx"
    path.write_bytes(template_xlsx(catalog, unit, "vi"))
    example = example_row(catalog, unit, template_lists(catalog, unit))
    fill(path, [[example[c] or None for c in LOG_COLUMNS]])
    owner = catalog.units.lookup(example["unit"]).item
    assert owner is not None
    doc = validate_json(path, owner.id)
    assert (doc["problems"], doc["summary"]["entries"]) == ([], 1)
    if unit == "h-ben-luc":
        assert {k: v for k, v in example.items() if v} == {
            "date": "01/02/2024", "unit": "Huyện Bến Lức", "channel": PORTAL, "kind": "bài viết",
            "title": "Chuyển đổi số: hướng dẫn người dân nộp hồ sơ trực tuyến",
            "url": "https://benluc.longan.gov.vn/chuyen-doi-so", "docs": "749/QĐ-TTg",
            "task": "3.3", "quantity": "1"}


def test_the_instructions_sheet(ben_luc: Path) -> None:
    rows = list(openpyxl.load_workbook(ben_luc)["Hướng dẫn"].iter_rows(values_only=True))
    texts = [" | ".join(str(v) for v in row if v is not None) for row in rows]
    assert texts[0] == "Hướng dẫn ghi nhật ký hoạt động tuyên truyền về chuyển đổi số"
    assert "Mẫu của đơn vị: Huyện Bến Lức (mã h-ben-luc)." in texts
    assert ("Trước khi nộp, kiểm tra tệp bằng lệnh: dxplan validate TỆP.xlsx --unit h-ben-luc"
            in texts)
    header = texts.index("Cột | Bắt buộc | Cách ghi | Ví dụ (một dòng điền đúng)")
    table = [row[:2] for row in rows[header + 1: header + 12]]
    assert table == [(h, "Có" if h in ("Ngày", "Đơn vị", "Kênh") else "Không")
                     for h in HEADERS_VI]
    assert rows[header + 1][3] == "01/02/2024" and rows[header + 2][3] == "(để trống)"
    assert any(t.startswith("Ghi ngày trước, tháng sau") and "05/03/2024" in t for t in texts)
    assert ("Kế hoạch tính các ngày 01/02/2024 – 31/12/2024; dòng ngoài thời gian này không "
            "được tính.") in texts
    assert any(t.startswith("2.5 | - Mở chuyên mục riêng") for t in texts)
    assert any(t.startswith("749/QĐ-TTg | Quyết định số 749/QĐ-TTg ngày 03/6/2020") for t in texts)


def test_english_template_and_every_header_is_one_the_reader_knows(catalog: Catalog) -> None:
    book = openpyxl.load_workbook(io.BytesIO(template_xlsx(catalog, None, "en")))
    assert book.sheetnames == ["Log", "Instructions", "Lists"]
    assert [c.value for c in book["Log"][1]] == HEADERS_EN
    formulas = {v.formula1 for v in book["Log"].data_validations.dataValidation}
    assert f"'Lists'!$A$2:$A${len(catalog.plan.units) + 1}" in formulas
    for headers in (HEADERS_VI, HEADERS_EN):
        assert [column_of(h) for h in headers] == list(LOG_COLUMNS)


def test_csv_is_the_header_row_and_the_reader_calls_it_empty(tmp_path: Path) -> None:
    code, out, err = run("template", "--format", "csv")
    assert (code, out, err) == (0, "\ufeff" + ",".join(HEADERS_VI) + "\n", "")
    assert template_csv("en") == "\ufeff" + ",".join(HEADERS_EN) + "\n"
    path = tmp_path / "mau.csv"  # the suffix chooses the format
    assert run("template", "-o", str(path))[0] == 0
    assert path.read_bytes() == out.encode("utf-8")
    doc = validate_json(path, "h-ben-luc")
    assert [(p["code"], p["severity"], p["line"]) for p in doc["problems"]] == [
        ("empty-file", "warning", 1)]


def test_usage_errors_exit_2(tmp_path: Path) -> None:
    assert run("template") == (2, "", "Lỗi: --format xlsx ghi ra tệp Excel: hãy cho --output "
                                      "TỆP.xlsx (hoặc dùng --format csv để in dòng tiêu đề ra "
                                      "màn hình)\n")
    code, _, err = run("template", "-o", str(tmp_path / "mau.txt"), "--lang", "en")
    assert (code, err) == (2, f"Error: cannot tell which format to write {tmp_path / 'mau.txt'} "
                              "in: name it .xlsx or .csv, or give --format xlsx or --format csv\n")
    code, _, err = run("template", "--unit", "Bến Lứcc", "-o", str(tmp_path / "t.xlsx"))
    assert code == 2 and "h-ben-luc" in err
    assert not (tmp_path / "t.xlsx").exists()


def test_an_existing_file_is_replaced_only_with_force(tmp_path: Path) -> None:
    path = tmp_path / "t.xlsx"
    path.write_text("old", encoding="utf-8")
    assert run("template", "-o", str(path)) == (
        2, "", f"Lỗi: {path}: đã tồn tại; dùng --force để ghi đè\n")
    assert path.read_text(encoding="utf-8") == "old"
    assert run("template", "-u", "UBND huyện Bến Lức", "-o", str(path), "--force")[0] == 0
    assert openpyxl.load_workbook(path).sheetnames[0] == "Nhật ký"
