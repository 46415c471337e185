"""`dxplan template`: the words of the log templates units fill in (headers, instructions)."""

from __future__ import annotations

_EX = "\b\n"

MESSAGES: dict[str, tuple[str, str]] = {
    # --- the command's help
    "help.template": (
        "Tạo mẫu nhật ký để đơn vị điền: trang Nhật ký có tiêu đề cột dxplan đọc được, danh "
        "sách thả xuống (đơn vị, kênh, loại, nhiệm vụ, văn bản Phụ lục I), ô ngày dạng "
        "dd/mm/yyyy, và trang Hướng dẫn. Mặc định ghi tệp Excel (cần -o); --format csv chỉ có "
        "dòng tiêu đề.",
        "Write a log template for units to fill in: a Log sheet with headers dxplan reads, "
        "drop-down lists (unit, channel, kind, task, Phụ lục I documents), dd/mm/yyyy date "
        "cells, and an Instructions sheet. A workbook by default (needs -o); --format csv "
        "writes the header row only."),
    "help.template.examples": (
        _EX + "Ví dụ:\n  dxplan template --unit h-ben-luc -o mau-ben-luc.xlsx\n  dxplan "
        "template -o mau-chung.xlsx\n  dxplan template --format csv > mau.csv",
        _EX + "Examples:\n  dxplan template --unit h-ben-luc -o ben-luc.xlsx --lang en\n  "
        "dxplan template -o template.xlsx\n  dxplan template --format csv > template.csv"),
    "help.template.unit": (
        "Đơn vị dùng mẫu (mã, tên hoặc tên khác): danh sách đơn vị là đơn vị đó và các xã, "
        "phường, thị trấn trực thuộc. Không có: mẫu chung cho mọi đơn vị.",
        "The unit the template is for (id, name or alias): the unit list holds it and its "
        "communes. Without it: one template for every unit."),
    "help.template.output": (
        "Ghi mẫu vào tệp này (ghi trọn vẹn hoặc không ghi); không có --format thì định dạng "
        "theo đuôi .xlsx hoặc .csv.",
        "Write the template to this file (atomically); without --format the suffix .xlsx or "
        ".csv chooses the format."),
    "help.template.format": (
        "xlsx: bảng tính có danh sách thả xuống và hướng dẫn (mặc định); csv: chỉ dòng tiêu "
        "đề, UTF-8 có BOM.",
        "xlsx: a workbook with drop-down lists and instructions (default); csv: the header "
        "row only, UTF-8 with a BOM."),
    # --- errors and notes of the command
    "template.xlsx_needs_file": (
        "{format_option} xlsx ghi ra tệp Excel: hãy cho {output} TỆP.xlsx (hoặc dùng "
        "{format_option} csv để in dòng tiêu đề ra màn hình)",
        "{format_option} xlsx writes a workbook: give {output} FILE.xlsx (or use "
        "{format_option} csv to print the header row)"),
    "template.unknown_suffix": (
        "không biết ghi {path} theo định dạng nào: hãy đặt tên đuôi .xlsx hoặc .csv, hoặc "
        "cho {format_option} xlsx hay {format_option} csv",
        "cannot tell which format to write {path} in: name it .xlsx or .csv, or give "
        "{format_option} xlsx or {format_option} csv"),
    "template.written": ("Đã ghi mẫu nhật ký: {path}", "Log template written: {path}"),
    # --- sheet names (at most 31 characters, none of []:*?/\)
    "template.sheet.log": ("Nhật ký", "Log"),
    "template.sheet.guide": ("Hướng dẫn", "Instructions"),
    "template.sheet.lists": ("Danh mục", "Lists"),
    # --- column headers (each one a name `dx_plan.reader.columns.SYNONYMS` knows)
    "template.header.date": ("Ngày", "Date"),
    "template.header.end_date": ("Đến ngày", "End date"),
    "template.header.unit": ("Đơn vị", "Unit"),
    "template.header.channel": ("Kênh", "Channel"),
    "template.header.kind": ("Loại", "Kind"),
    "template.header.title": ("Tiêu đề", "Title"),
    "template.header.url": ("Đường dẫn", "URL"),
    "template.header.docs": ("Văn bản", "Documents"),
    "template.header.task": ("Nhiệm vụ", "Task"),
    "template.header.quantity": ("Số lượng", "Quantity"),
    "template.header.notes": ("Ghi chú", "Notes"),
    # --- the hidden sheet of drop-down lists
    "template.list.units": ("Đơn vị", "Units"),
    "template.list.channels": ("Kênh", "Channels"),
    "template.list.kinds": ("Loại", "Kinds"),
    "template.list.tasks": ("Nhiệm vụ", "Tasks"),
    "template.list.docs": ("Văn bản Phụ lục I", "Phụ lục I documents"),
    # --- the instructions sheet
    "template.guide.title": (
        "Hướng dẫn ghi nhật ký hoạt động tuyên truyền về chuyển đổi số",
        "How to fill in the log of digital-transformation communication"),
    "template.guide.plan": ("Theo {plan}.", "Under the {plan}."),
    "template.guide.for_unit": ("Mẫu của đơn vị: {unit} (mã {id}).",
                                "Template of the unit {unit} (id {id})."),
    "template.guide.for_all": ("Mẫu chung cho mọi đơn vị.", "One template for every unit."),
    "template.guide.rows": (
        "Mỗi dòng của trang “{sheet}” là một tin, bài hoặc hoạt động đã thực hiện. Dòng đầu là "
        "tiêu đề cột: không sửa, không xóa, không chèn dòng tiêu đề khác.",
        "Each row of the “{sheet}” sheet is one news item, article or activity carried out. "
        "The first row holds the column headers: do not change or delete it."),
    "template.guide.lists": (
        "Các cột đơn vị, kênh, loại, nhiệm vụ và văn bản có danh sách thả xuống: hãy chọn "
        "trong danh sách, không tự gõ tên khác.",
        "The unit, channel, kind, task and document columns have drop-down lists: pick from "
        "them rather than typing other names."),
    "template.guide.check": ("Trước khi nộp, kiểm tra tệp bằng lệnh: {command}",
                             "Before sending it, check the file with: {command}"),
    "template.guide.file": ("TỆP.xlsx", "FILE.xlsx"),
    "template.guide.unit_id": ("MÃ_ĐƠN_VỊ", "UNIT_ID"),
    "template.guide.columns": ("Các cột", "Columns"),
    "template.guide.column": ("Cột", "Column"),
    "template.guide.required": ("Bắt buộc", "Required"),
    "template.guide.what": ("Cách ghi", "What to write"),
    "template.guide.example": ("Ví dụ (một dòng điền đúng)", "Example (one row filled in)"),
    "template.yes": ("Có", "Yes"),
    "template.no": ("Không", "No"),
    "template.blank": ("(để trống)", "(blank)"),
    "template.what.date": (
        "Ngày thực hiện hoặc ngày đăng, phát: ngày trước, tháng sau (dd/mm/yyyy).",
        "The day it was done or published: day first, then month (dd/mm/yyyy)."),
    "template.what.end_date": (
        "Chỉ ghi khi hoạt động kéo dài nhiều ngày (như trình chiếu trên màn hình LED): ngày "
        "cuối; còn lại để trống.",
        "Only for an activity over several days (a campaign on LED screens): its last day; "
        "otherwise leave it blank."),
    "template.what.unit": (
        "Chọn trong danh sách: đơn vị đã thực hiện.",
        "Pick from the list: the unit that carried it out."),
    "template.what.channel": (
        "Chọn trong danh sách: kênh, hình thức tuyên truyền.",
        "Pick from the list: the channel or form of communication."),
    "template.what.kind": (
        "Chọn trong danh sách: bài viết, tin, bản tin, phóng sự…",
        "Pick from the list: article, news item, bulletin, feature story…"),
    "template.what.title": ("Tên tin, bài hoặc nội dung hoạt động.",
                            "The title of the item or what the activity was."),
    "template.what.url": (
        "Đường dẫn đầy đủ (https://…) tới tin, bài đã đăng, trên trang của đơn vị khi có.",
        "The full address (https://…) of the published item, on the unit's own site where "
        "it has one."),
    "template.what.docs": (
        "Số hiệu văn bản Phụ lục I được tuyên truyền (chọn trong danh sách); nhiều văn bản thì "
        "cách nhau bởi dấu chấm phẩy (;).",
        "The number of the Phụ lục I document communicated (pick from the list); several "
        "documents are separated by semicolons (;)."),
    "template.what.task": (
        "Nhiệm vụ của Phụ lục II (STT, như 2.5) hoặc mục của kế hoạch (như IV.1) mà hoạt động "
        "thực hiện; danh sách ở cuối trang này.",
        "The Phụ lục II task (its STT, such as 2.5) or plan section (such as IV.1) the "
        "activity carries out; listed at the end of this sheet."),
    "template.what.quantity": (
        "Số tin, bài, buổi gộp trong dòng này (số nguyên); để trống là 1.",
        "How many items or sessions the row stands for (a whole number); blank means 1."),
    "template.what.notes": ("Ghi chú thêm, nếu có.", "Anything else worth noting."),
    "template.guide.dates": ("Cách ghi ngày", "Dates"),
    "template.dates.day_first": (
        "Ghi ngày trước, tháng sau, năm đủ bốn chữ số: 05/03/2024 là ngày 5 tháng 3 năm 2024, "
        "không phải ngày 3 tháng 5.",
        "Day first, then month, then the full year: 05/03/2024 is 5 March 2024, never 3 May."),
    "template.dates.forms": (
        "Cũng đọc được: 5/3/2024, 5-3-2024, 5.3.2024, ngày 5 tháng 3 năm 2024, 2024-03-05 và ô "
        "ngày của Excel.",
        "Also read: 5/3/2024, 5-3-2024, 5.3.2024, ngày 5 tháng 3 năm 2024, 2024-03-05 and "
        "Excel date cells."),
    "template.dates.month_only": (
        "Không ghi riêng tháng (03/2024): mỗi dòng cần một ngày cụ thể.",
        "Never a month alone (03/2024): every row needs a day."),
    "template.dates.period": (
        "Kế hoạch tính các ngày {span}; dòng ngoài thời gian này không được tính.",
        "The plan counts the days {span}; rows outside them are not counted."),
    "template.guide.tasks": ("Nhiệm vụ trong danh sách", "Tasks in the list"),
    "template.guide.task_id": ("Nhiệm vụ", "Task"),
    "template.guide.task_text": ("Nội dung", "What it is"),
    "template.guide.docs": ("Văn bản trong danh sách (Phụ lục I)",
                            "Documents in the list (Phụ lục I)"),
    "template.guide.doc_number": ("Số hiệu", "Number"),
    "template.guide.doc_text": ("Văn bản", "Document"),
    "template.example.title": (
        "Chuyển đổi số: hướng dẫn người dân nộp hồ sơ trực tuyến",
        "Digital transformation: helping citizens file applications online"),
    # --- Excel's messages for a value the drop-down or the date check refuses
    "template.dv.list_title": ("Không có trong danh sách", "Not in the list"),
    "template.dv.list_error": (
        "Giá trị này không có trong danh sách; hãy chọn trong danh sách thả xuống.",
        "This value is not in the list; pick one from the drop-down."),
    "template.dv.docs_error": (
        "Văn bản này không có trong danh sách Phụ lục I. Nhiều văn bản thì cách nhau bởi dấu "
        "chấm phẩy (;).",
        "This document is not in the Phụ lục I list. Separate several documents with "
        "semicolons (;)."),
    "template.dv.date_title": ("Ngày chưa đúng", "Check the date"),
    "template.dv.date_error": (
        "Hãy ghi một ngày trong thời gian của kế hoạch, ngày trước tháng: 05/03/2024.",
        "Give a day within the plan's period, day first: 05/03/2024."),
    "template.dv.quantity_title": ("Số lượng chưa đúng", "Check the quantity"),
    "template.dv.quantity_error": (
        "Số lượng là số nguyên từ 1 đến {most}.",
        "The quantity is a whole number from 1 to {most}."),
}
