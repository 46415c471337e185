"""`dxplan fix`: the words of rewriting a log into canonical form."""

from __future__ import annotations

_EX = "\b\n"

MESSAGES: dict[str, tuple[str, str]] = {
    "fix.in_place_sheets": ("{in_place}: {path} có {n} trang tính; ghi đè sẽ chỉ còn trang "
                            "nhật ký. Hãy ghi bản đã sửa ra tệp khác bằng {output}",
                            "{in_place}: {path} has {n} sheets; rewriting it would keep only "
                            "the log's. Write the fixed log to another file with {output}"),
    # --- --help
    "help.fix": (
        "Viết lại một tệp nhật ký theo dạng chuẩn vào tệp mới: tiêu đề cột chuẩn, mã đơn vị, "
        "kênh, loại, văn bản và nhiệm vụ theo kế hoạch, ngày YYYY-MM-DD, số lượng bằng chữ số; "
        "dòng trùng được giữ và đánh dấu trong ghi chú. Dòng có lỗi không sửa được thì giữ "
        "nguyên. Mọi thay đổi được liệt kê (stderr). Không có --output hay --in-place thì in "
        "CSV ra màn hình. Mã thoát: 0 mọi dòng đã sửa hoặc không cần sửa; 1 có dòng không sửa "
        "được; 2 không chạy được.",
        "Rewrite a log into canonical form, to a new file: canonical headers, the plan's ids "
        "for units, channels, kinds, documents and tasks, dates as YYYY-MM-DD, quantities as "
        "digits; duplicates kept and marked in the notes. Rows with errors it cannot fix are "
        "kept as they were. Every change is listed (stderr). Without --output or --in-place "
        "the CSV goes to stdout. Exit codes: 0 every row fixed or fine; 1 some rows could not "
        "be fixed; 2 could not run."),
    "help.fix.examples": (
        _EX + "Ví dụ:\n  dxplan fix logs/q1-broken.csv -o q1-sua.csv\n  dxplan fix "
        "nhat-ky.xlsx --unit h-ben-luc -o nhat-ky-sua.xlsx\n  dxplan fix nhat-ky.csv --in-place",
        _EX + "Examples:\n  dxplan fix logs/q1-broken.csv -o q1-fixed.csv --lang en\n  dxplan "
        "fix log.xlsx --unit h-ben-luc -o log-fixed.xlsx\n  dxplan fix log.csv --in-place"),
    "meta.LOG": ("NHẬT_KÝ", "LOG"),
    "help.fix.log": ("Tệp nhật ký cần sửa (.csv, .tsv, .txt, .xlsx, .yaml).",
                     "The log to fix (.csv, .tsv, .txt, .xlsx, .yaml)."),
    "help.fix.format": ("Định dạng tệp mới (mặc định: theo đuôi tên tệp --output, nếu không "
                        "thì csv).",
                        "Format of the new file (default: from --output's suffix, else csv)."),
    "help.fix.in_place": ("Thay chính tệp nhật ký bằng bản đã sửa (ghi trọn vẹn hoặc không "
                          "ghi).",
                          "Replace the log itself with the fixed one (atomically)."),
    "help.fix.unit": ("Đơn vị nộp tệp: dòng ghi đơn vị khác là lỗi (như validate --unit).",
                      "The submitting unit: rows naming another unit are errors (as for "
                      "validate --unit)."),
    # --- options used wrongly
    "fix.in_place_and_output": ("không dùng {in_place} cùng với {output}",
                                "{in_place} and {output} cannot be used together"),
    "fix.in_place_type": (
        "{in_place} chỉ dùng cho tệp .csv, .xlsx hoặc .yaml ({path}); hãy ghi ra tệp khác với "
        "{output}",
        "{in_place} works on .csv, .xlsx and .yaml files only ({path}); write another file "
        "with {output}"),
    "fix.in_place_format": (
        "{in_place} giữ định dạng của tệp: {format_option} {format} không hợp với {path}",
        "{in_place} keeps the file's format: {format_option} {format} does not fit {path}"),
    "fix.xlsx_needs_file": ("{format_option} xlsx cần {output} (tệp Excel không in ra màn hình "
                            "được)",
                            "{format_option} xlsx needs {output} (a workbook cannot go to "
                            "stdout)"),
    "fix.xlsx_control": (
        "dòng {line} có ký tự điều khiển mà tệp Excel không chứa được; hãy ghi CSV hoặc YAML",
        "line {line} holds control characters an Excel file cannot hold; write CSV or YAML"),
    # --- what the new file holds
    "fix.note.duplicate": ("dxplan: trùng dòng {line}", "dxplan: duplicate of line {line}"),
    "fix.sheet": ("Nhật ký", "Log"),
    # --- the report of changes (stderr)
    "fix.col.date": ("ngày", "date"),
    "fix.col.end_date": ("đến ngày", "end date"),
    "fix.col.unit": ("đơn vị", "unit"),
    "fix.col.channel": ("kênh", "channel"),
    "fix.col.kind": ("loại", "kind"),
    "fix.col.title": ("tiêu đề", "title"),
    "fix.col.url": ("đường dẫn", "URL"),
    "fix.col.docs": ("văn bản", "documents"),
    "fix.col.task": ("nhiệm vụ", "task"),
    "fix.col.quantity": ("số lượng", "quantity"),
    "fix.col.notes": ("ghi chú", "notes"),
    "fix.line": ("dòng {line}", "line {line}"),
    "fix.line_moved": ("dòng {line} (dòng {new} của tệp mới)",
                       "line {line} (line {new} of the new file)"),
    "fix.change.value": ("{column} '{old}' → {new}", "{column} '{old}' → {new}"),
    "fix.change.blank": ("{column} '{old}' → để trống", "{column} '{old}' → blank"),
    "fix.change.tidy": ("{column}: bỏ khoảng trắng thừa, chuẩn hoá Unicode",
                        "{column}: spaces trimmed, Unicode normalised"),
    "fix.change.duplicate": ("trùng dòng {line}: đã ghi vào ghi chú",
                             "duplicate of line {line}: marked in the notes"),
    "fix.change.footer": ("dòng tổng cộng hoặc chữ ký: chữ chuyển vào ghi chú",
                          "a total or signature line: its text moved to the notes"),
    "fix.unfixable": ("không sửa được, giữ nguyên: {problems}",
                      "cannot be fixed, kept as it was: {problems}"),
    "fix.warned": ("còn cảnh báo: {problems}", "still warned: {problems}"),
    "fix.file_warned": ("{file}: còn cảnh báo: {problems}", "{file}: still warned: {problems}"),
    "fix.more": ("… và {n} thay đổi khác", "… and {n} more changes"),
    "fix.more_problems": ("… và {n} lỗi khác", "… and {n} more errors"),
    "fix.lines_moved": (
        "Số dòng của tệp mới khác tệp gốc: mỗi dòng dưới đây ghi cả số dòng mới.",
        "Line numbers of the new file differ from the source's: each line below gives the "
        "new line too."),
    "fix.lines_moved.header": (
        "Số dòng của tệp mới khác tệp gốc (tiêu đề cột ở dòng {header} của tệp gốc, dòng 1 "
        "của tệp mới): mỗi dòng dưới đây ghi cả số dòng mới.",
        "Line numbers of the new file differ from the source's (the header is on line "
        "{header} of the source, line 1 of the new file): each line below gives the new "
        "line too."),
    "fix.blank_dropped": ("{n} dòng trống sau dòng cuối của bảng không được chép.",
                          "{n} blank rows after the table's last row left out."),
    "fix.summary": (
        "{rows} dòng, {fixed} dòng đã sửa, {unfixable} dòng không sửa được (lỗi: {codes}); "
        "{warnings} cảnh báo còn lại.",
        "{rows} rows, {fixed} fixed, {unfixable} could not be fixed (errors: {codes}); "
        "{warnings} warnings left."),
    "fix.summary.clean": (
        "{rows} dòng, {fixed} dòng đã sửa, không có dòng nào không sửa được; {warnings} cảnh "
        "báo còn lại.",
        "{rows} rows, {fixed} fixed, none that could not be fixed; {warnings} warnings left."),
    "fix.written": ("Đã ghi nhật ký đã sửa: {path}", "Fixed log written: {path}"),
    "fix.replaced": ("Đã thay {path} bằng nhật ký đã sửa", "Replaced {path} with the fixed log"),
    "fix.blocked": ("Không sửa được {file}, không ghi gì (sửa tay các chỗ sau rồi chạy lại):",
                    "Cannot fix {file}, nothing written (fix these by hand and run again):"),
}
