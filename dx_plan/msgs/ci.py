"""Words of the CI outputs: GitHub annotations and step summary, several reports in one run."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # --- validate --report FORMAT=PATH
    "help.check.report": (
        "Ghi thêm kết quả vào tệp, bên cạnh kết quả in ra (dùng nhiều lần được): ĐỊNH_DẠNG=TỆP, "
        "ĐỊNH_DẠNG là table, json, csv hoặc markdown; ví dụ --report json=ket-qua.json "
        "--report csv=ket-qua.csv. Tệp đã có chỉ được ghi đè khi có --force.",
        "Also write the results to a file, next to the console output (repeatable): "
        "FORMAT=PATH, FORMAT one of table, json, csv or markdown; e.g. --report "
        "json=results.json --report csv=results.csv. Existing files are replaced only with "
        "--force."),
    "help.validate.report": (
        "Ghi thêm một báo cáo vào tệp, bên cạnh kết quả in ra (dùng nhiều lần được): "
        "ĐỊNH_DẠNG=TỆP, ĐỊNH_DẠNG là json, junit, sarif, github, text hoặc markdown; ví dụ "
        "--report junit=ket-qua.xml --report sarif=ket-qua.sarif. Tệp đã có chỉ được ghi đè "
        "khi có --force.",
        "Also write a report to a file, next to the console output (repeatable): FORMAT=PATH, "
        "FORMAT one of json, junit, sarif, github, text or markdown; e.g. "
        "--report junit=results.xml --report sarif=results.sarif. An existing file is "
        "replaced only with --force."),
    "meta.FORMAT=PATH": ("ĐỊNH_DẠNG=TỆP", "FORMAT=PATH"),
    "ci.report.no_path": (
        "{option} {spec}: thiếu tệp; hãy viết {option} ĐỊNH_DẠNG=TỆP, ví dụ "
        "{option} junit=ket-qua.xml",
        "{option} {spec}: no file given; write {option} FORMAT=PATH, e.g. "
        "{option} junit=results.xml"),
    "ci.report.bad_format": (
        "{option} {spec}: không có định dạng báo cáo '{format}'; hãy dùng {formats}",
        "{option} {spec}: no report format '{format}'; use {formats}"),
    "ci.report.twice": (
        "{option} {spec}: tệp {path} đã được dùng cho một kết quả khác trong cùng lần chạy",
        "{option} {spec}: {path} is already the target of another output of this run"),
    "ci.report.written": ("Đã ghi báo cáo {format}: {path}", "Wrote the {format} report: {path}"),
    # --- the GitHub step summary ($GITHUB_STEP_SUMMARY)
    "ci.summary.cannot_write": (
        "không ghi thêm được tóm tắt vào {env} ({path}): {reason}",
        "cannot append the summary to {env} ({path}): {reason}"),
    "ci.summary.is_input": (
        "{env} ({path}) là một tệp đang được kiểm tra; không ghi tóm tắt vào đó",
        "{env} ({path}) is one of the files being validated; the summary is not written there"),
    "ci.summary.title": ("Kiểm tra nhật ký nộp (dxplan validate)",
                         "Submission check (dxplan validate)"),
    "ci.summary.by_code": ("Vấn đề theo mã", "Problems by code"),
    "ci.summary.by_file": ("Theo tệp", "By file"),
    "ci.summary.none": ("Không có vấn đề nào.", "No problems."),
    "ci.summary.more_files": ("… và {n} tệp khác (xem báo cáo JSON hoặc JUnit).",
                              "… and {n} more files (see the JSON or JUnit report)."),
    "ci.summary.kept_only": (
        "Số theo tệp chỉ tính {kept} vấn đề được ghi đầy đủ; {more} vấn đề khác chỉ được đếm "
        "(xem bảng theo mã).",
        "The counts by file cover the {kept} problems kept in full; {more} more were only "
        "counted (see the table by code)."),
    "ci.col.code": ("Mã", "Code"),
    "ci.col.severity": ("Mức", "Severity"),
    "ci.col.count": ("Số lần", "Count"),
    "ci.col.label": ("Nội dung", "What it means"),
    "ci.col.file": ("Tệp", "File"),
    "ci.col.rows": ("Số dòng", "Rows"),
    "ci.col.errors": ("Lỗi", "Errors"),
    "ci.col.warnings": ("Cảnh báo", "Warnings"),
}
