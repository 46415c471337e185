"""The stable problem codes: a short label per code (the README lists them; tests assert them)."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "code.unknown-unit": ("Đơn vị không có trong kế hoạch", "the unit is not one the plan names"),
    "code.ambiguous-unit": (
        "Tên đơn vị trùng với nhiều đơn vị",
        "the unit name fits several units"),
    "code.unknown-channel": (
        "Kênh không có trong kế hoạch",
        "the channel is not one the plan names"),
    "code.missing-value": ("Thiếu giá trị bắt buộc", "a required column is empty"),
    "code.missing-column": ("Thiếu cột bắt buộc", "a required column is absent from the header"),
    "code.unknown-column": (
        "Cột không được dxplan đọc (giữ làm ghi chú)",
        "a header names no column dxplan reads (its cells are kept as notes)"),
    "code.bad-date": (
        "Ngày không đọc được (ghi theo ngày/tháng/năm)",
        "the date cannot be read (day-first)"),
    "code.bad-end-date": (
        "Ngày kết thúc không đọc được hoặc trước ngày bắt đầu",
        "end_date cannot be read or is before date"),
    "code.bad-quantity": ("Số lượng phải là số nguyên ≥ 1", "quantity is not a whole number ≥ 1"),
    "code.outside-period": (
        "Ngày nằm ngoài thời gian của kế hoạch (không tính)",
        "the date is outside the plan period (not counted)"),
    "code.future-date": (
        "Ngày sau ngày chốt số liệu",
        "the date is after the as-of date"),
    "code.duplicate": (
        "Mục bị trùng (chỉ tính một lần)",
        "the same item was already logged (counted once)"),
    "code.unknown-kind": (
        "Loại tin bài không có trong kế hoạch",
        "the kind is not one the plan names"),
    "code.unknown-doc": ("Văn bản không có trong Phụ lục I", "a docs id is not in Phụ lục I"),
    "code.unknown-task": (
        "Nhiệm vụ không có trong Phụ lục II",
        "the task is not a Phụ lục II row or plan section"),
    "code.task-mismatch": (
        "Nhiệm vụ không khớp với đơn vị, kênh hoặc loại tin bài của dòng",
        "the task does not fit the row's unit, channel or kind"),
    "code.bad-url": ("Đường dẫn không phải http(s)", "the evidence URL is not http(s)"),
    "code.foreign-domain": (
        "Đường dẫn không thuộc trang của đơn vị",
        "the URL is not on one of the unit's known domains"),
    "code.credentials-in-url": (
        "Đường dẫn chứa tên đăng nhập hoặc mật khẩu",
        "the URL carries a user name or password"),
    "code.missing-url": ("Thiếu đường dẫn minh chứng", "an online channel's row has no URL"),
    "code.foreign-unit": (
        "Dòng ghi tên đơn vị khác",
        "the row names a unit other than the submitter"),
    "code.unknown-submitter": (
        "Thư mục nộp không phải mã đơn vị",
        "a submissions folder is not a unit id"),
    "code.too-many-columns": ("Dòng có quá nhiều cột", "the row has more columns than the limit"),
    "code.field-too-large": ("Ô dữ liệu quá lớn", "a field is larger than the limit"),
    "code.bad-row": ("Dòng không đọc được", "the row cannot be read"),
    "code.bad-file": ("Tệp không đọc được", "the file cannot be read"),
    "code.empty-file": ("Tệp không có dữ liệu", "the file has no rows"),
    "code.footer-row": (
        "Dòng tổng cộng hoặc chữ ký dưới bảng (không tính)",
        "a total or signature line under the data (not counted)"),
}
