"""Vietnamese for the reader's and loader's messages.

The core writes its messages once, in English, with their values in them (that
English is the stable text of the JSON contract).  For people reading Vietnamese,
each message and hint is matched against the patterns below and rewritten; a part
marked `{t1}` is itself translated (a date's reason inside "cannot read date …"),
`{o1}` turns the English "a, b or c" into "a, b hoặc c".  A text no pattern matches
is shown in English behind the problem code's Vietnamese label, never lost.
"""

from __future__ import annotations

import re
from functools import lru_cache

# English nouns that messages build in ("unknown channel …") → Vietnamese.
_WORDS = {
    "unit": "đơn vị", "channel": "kênh", "kind": "loại tin bài", "document": "văn bản",
    "task": "nhiệm vụ", "date": "ngày", "file": "tệp", "sheet": "trang tính",
    "PNG image": "ảnh PNG", "JPEG image": "ảnh JPEG", "GIF image": "ảnh GIF",
    "PDF document": "tài liệu PDF", "ZIP archive or Excel workbook": "tệp ZIP hoặc Excel",
    "old Excel .xls or Word .doc file": "tệp Excel .xls cũ hoặc Word .doc",
    "gzip archive": "tệp nén gzip", "RAR archive": "tệp nén RAR", "7-Zip archive": "tệp nén 7-Zip",
    "program": "chương trình", "RTF document": "tài liệu RTF", "binary data": "dữ liệu nhị phân",
    "workbook": "tệp Excel",
}

_PATTERNS: tuple[tuple[str, str], ...] = (
    # --- dates (the reasons of dates.parse_date) and their hints
    (r"not a date; write DD/MM/YYYY", "không phải ngày; hãy ghi theo DD/MM/YYYY"),
    (r"no such day", "không có ngày này"),
    (r"month only; give the day", "chỉ có tháng; hãy ghi cả ngày"),
    (r"quarter only; give the day", "chỉ có quý; hãy ghi cả ngày"),
    (r"year only; give the day", "chỉ có năm; hãy ghi cả ngày"),
    (r"dates are day-first: DD/MM/YYYY \((\d+) is not a month\)",
     "ngày ghi theo thứ tự ngày/tháng/năm: DD/MM/YYYY ({1} không phải là tháng)"),
    (r"cannot read date '(.*)': (.+)", "không đọc được ngày '{1}': {t2}"),
    (r"cannot read end_date '(.*)': (.+)", "không đọc được ngày kết thúc '{1}': {t2}"),
    (r"end_date (\S+) is before date (\S+)", "ngày kết thúc {1} trước ngày bắt đầu {2}"),
    (r"end_date is the last day of an activity that lasts several days",
     "ngày kết thúc là ngày cuối của một hoạt động kéo dài nhiều ngày"),
    (r"date (\S+) is outside the plan period (\S+); not counted",
     "ngày {1} nằm ngoài thời gian của kế hoạch {2}; không tính"),
    (r"the activity (\S+)\.\.(\S+) starts before the plan period; only (\S+)\.\.(\S+) is "
     r"counted", "hoạt động {1}..{2} bắt đầu trước thời gian của kế hoạch; chỉ tính {3}..{4}"),
    (r"date (\S+) is after the as-of date (\S+)", "ngày {1} sau ngày tính kết quả {2}"),
    # --- required values, names
    (r"(date|unit|channel) is empty", "thiếu {w1}"),
    (r"every row needs a date, a unit and a channel", "mỗi dòng cần có ngày, đơn vị và kênh"),
    (r"(unit|channel|kind|document) '(.*)' fits several (?:units|channels|kinds|documents)",
     "{w1} '{2}' ứng với nhiều {w1}"),
    (r"unknown (unit|channel|kind) '(.*)'", "{w1} '{2}' không có trong kế hoạch"),
    (r"unknown document '(.*)'", "văn bản '{1}' không có trong Phụ lục I"),
    (r"unknown task '(.*)'", "nhiệm vụ '{1}' không có trong Phụ lục II"),
    (r"write the id: (.+)", "hãy ghi mã: {o1}"),
    (r"did you mean (.+?)\? (channel|kind)s: (.+)", "có phải là {o1}? Các mã {w2}: {3}"),
    (r"(channel|kind)s: (.+)", "các mã {w1}: {2}"),
    (r"did you mean (.+)\?", "có phải là {o1}?"),
    (r"write a unit id \(e\.g\. h-ben-luc\) or the unit's name as the plan gives it",
     "hãy ghi mã đơn vị (ví dụ h-ben-luc) hoặc tên đơn vị như trong kế hoạch"),
    (r"write a document id or number from Phụ lục I, e\.g\. 749/QĐ-TTg",
     "hãy ghi mã hoặc số hiệu văn bản của Phụ lục I, ví dụ 749/QĐ-TTg"),
    (r"write a row number of Phụ lục II \(e\.g\. 2\.2, 3\.2b\) or a plan section "
     r"\(e\.g\. IV\.1\)",
     "hãy ghi STT của Phụ lục II (ví dụ 2.2, 3.2b) hoặc mục của kế hoạch (ví dụ IV.1)"),
    # --- quantity
    (r"quantity must be at least 1, not (.+)", "số lượng phải ít nhất là 1, không phải {1}"),
    (r"quantity (\d+) is more than (\d+); check it", "số lượng {1} lớn hơn {2}; hãy kiểm tra lại"),
    (r"quantity '(.*)' has a thousands separator; write digits only",
     "số lượng '{1}' có dấu phân cách hàng nghìn; chỉ ghi chữ số"),
    (r"quantity '(.*)' is not a whole number", "số lượng '{1}' không phải số nguyên"),
    (r"quantity '(.*)' is not a number", "số lượng '{1}' không phải là số"),
    # --- duplicates, ownership, tasks, evidence
    (r"same item as line (\d+) of (.+)", "trùng với dòng {1} của {2}"),
    (r"an item with the same unit, channel, date and URL \(or title\) is counted once",
     "mục có cùng đơn vị, kênh, ngày và đường dẫn (hoặc tiêu đề) chỉ được tính một lần"),
    (r"the row names unit '(.*)' but the file is from '(.*)'",
     "dòng ghi đơn vị '{1}' nhưng tệp là của '{2}'"),
    (r"a unit reports its own work \(and its communes'\); move the row to (\S+)'s file",
     "mỗi đơn vị chỉ báo cáo việc của mình (và của các xã trực thuộc); chuyển dòng này sang "
     "tệp của {1}"),
    (r"task (\S+) is led by (.+), not (\S+)", "nhiệm vụ {1} do {2} chủ trì, không phải {3}"),
    (r"task (\S+) counts items on (.+), not (\S+)",
     "nhiệm vụ {1} chỉ tính các mục trên kênh {2}, không phải {3}"),
    (r"no URL for an item on '(.*)', an online channel",
     "thiếu đường dẫn cho mục trên kênh trực tuyến '{1}'"),
    (r"add the link to the published item", "hãy thêm đường dẫn tới bài đã đăng"),
    (r"URL '(.*)' is not an http\(s\) address", "đường dẫn '{1}' không phải địa chỉ http(s)"),
    (r"give the full address of the published item, starting with https://",
     "hãy ghi địa chỉ đầy đủ của bài đã đăng, bắt đầu bằng https://"),
    (r"URL host '(.*)' is not a known domain of (\S+)",
     "tên miền '{1}' không phải tên miền đã biết của {2}"),
    (r"known domains: (.+)", "các tên miền đã biết: {1}"),
    (r"URL '(.*)' carries a user name or password",
     "đường dẫn '{1}' chứa tên đăng nhập hoặc mật khẩu"),
    (r"remove the user name and password from the link; anyone who reads the log can use them",
     "hãy xóa tên đăng nhập và mật khẩu khỏi đường dẫn; ai đọc nhật ký cũng dùng được chúng"),
    (r"a symbolic link; submissions are read only from real files in the folder, links are not "
     r"followed", "liên kết tượng trưng; chỉ đọc các tệp thật trong thư mục nộp, không theo "
     "liên kết"),
    (r"commit the file itself", "hãy nộp chính tệp đó"),
    (r"lines? (\S+) (?:was|were) read as the rest of a quoted field opened on line (\d+) and "
     r"not counted", "dòng {1} bị đọc như phần còn lại của ô có dấu ngoặc kép mở ở dòng {2} "
     "và không được tính"),
    (r"check that line for a quote \(\"\) that is never closed",
     "hãy kiểm tra dòng đó: có dấu ngoặc kép (\") không được đóng"),
    (r"the folder '(.*)' is not a unit id; put each unit's files in (.+)",
     "thư mục '{1}' không phải mã đơn vị; hãy đặt tệp của mỗi đơn vị trong {2}"),
    (r"a file outside any unit folder is not a unit id; put each unit's files in (.+)",
     "tệp nằm ngoài thư mục của đơn vị; hãy đặt tệp của mỗi đơn vị trong {1}"),
    # --- headers and rows
    (r"the header row lacks the required column\(s\) (.+?); its other headers are (.+)",
     "dòng tiêu đề thiếu cột bắt buộc {1}; các tiêu đề khác đang có: {2}"),
    (r"the header row lacks the required column\(s\) (.+)",
     "dòng tiêu đề thiếu cột bắt buộc {1}"),
    (r"'(.*)' is a total or signature line, not an activity; not counted",
     "'{1}' là dòng tổng cộng hoặc chữ ký, không phải hoạt động; không tính"),
    (r"keep only activities under the header row",
     "dưới dòng tiêu đề chỉ ghi các hoạt động"),
    (r"the column '(.*)' is not one dxplan reads; its cells are kept as notes",
     "cột '{1}' không phải cột dxplan đọc; nội dung được giữ làm ghi chú"),
    (r"did you mean (\w+ \([^)]*\))\? columns: (.+)", "có phải là {1}? Các cột: {2}"),
    (r"columns: (.+)", "các cột: {1}"),
    (r"no header row in the first (\d+) rows: no row names the columns date, unit and channel",
     "không thấy dòng tiêu đề trong {1} dòng đầu: không dòng nào có các cột ngày, đơn vị và "
     "kênh"),
    (r"the header row needs the columns (.+); the others are optional",
     "dòng tiêu đề cần có các cột {1}; các cột khác không bắt buộc"),
    (r"the file has a header but no data rows", "tệp có dòng tiêu đề nhưng không có dữ liệu"),
    (r"the file has no rows", "tệp không có dòng nào"),
    (r"the file has no entries", "tệp không có mục nào"),
    (r"the file is empty", "tệp rỗng"),
    (r"the row has (\d+) cells; the limit is (\d+)", "dòng có {1} ô; giới hạn là {2}"),
    (r"the row has more than (\d+) cells", "dòng có hơn {1} ô"),
    (r"remove stray delimiters or empty columns", "hãy xóa dấu phân cách thừa hoặc cột trống"),
    (r"the line is longer than (\d+) characters", "dòng dài hơn {1} ký tự"),
    (r"a field is longer than (\d+) characters", "một ô dài hơn {1} ký tự"),
    (r"a field may have at most (\d+) characters; check for a quote \(\"\) that is never "
     r"closed", "mỗi ô có tối đa {1} ký tự; hãy kiểm tra dấu ngoặc kép (\") chưa được đóng"),
    (r"shorten the cell, or check for a quote \(\"\) that is never closed",
     "hãy rút ngắn ô, hoặc kiểm tra dấu ngoặc kép (\") chưa được đóng"),
    (r"a quoted field starting on this line is never closed",
     "một ô mở ngoặc kép ở dòng này không bao giờ được đóng"),
    (r"add the closing quote \(\"\), or remove the opening one",
     "hãy thêm dấu ngoặc kép đóng (\"), hoặc xóa dấu mở"),
    (r"text follows a closing quote in a field", "có chữ ngay sau dấu ngoặc kép đóng của một ô"),
    (r"quote the whole cell, doubling quotes inside it \(\"\"\)",
     "hãy đặt cả ô trong ngoặc kép, nhân đôi các dấu ngoặc kép bên trong (\"\")"),
    (r"cannot read the row: (.+)", "không đọc được dòng: {1}"),
    (r"more than (\d+) data rows; the rest of the (file|sheet) is not read",
     "hơn {1} dòng dữ liệu; phần còn lại của {w2} không được đọc"),
    (r"more than (\d+) rows are wider than (\d+) columns; the rest of the sheet is not read",
     "hơn {1} dòng rộng quá {2} cột; phần còn lại của trang tính không được đọc"),
    (r"delete the stray cells right of the table, or save the sheet as CSV",
     "hãy xóa các ô thừa bên phải bảng, hoặc lưu trang tính thành CSV"),
    (r"split the file", "hãy tách tệp"),
    (r"split the workbook", "hãy tách tệp Excel"),
    # --- files
    (r"not a text file \(looks like (.+)\)", "không phải tệp văn bản (có vẻ là {w1})"),
    (r"not a text file \(it contains NUL characters\)", "không phải tệp văn bản (có ký tự NUL)"),
    (r"cannot decode the text: byte (0x[0-9a-f]+) at offset (\d+) is neither UTF-8 nor "
     r"Windows-1258",
     "không giải mã được văn bản: byte {1} ở vị trí {2} không phải UTF-8 hay Windows-1258"),
    (r"cannot decode the text as (\S+): (.+)", "không giải mã được văn bản theo {1}: {2}"),
    (r"(\d+) byte\(s\) are neither UTF-8 nor Windows-1258 text; they were read as \ufffd",
     "{1} byte không phải văn bản UTF-8 hay Windows-1258; đã được đọc thành \ufffd"),
    (r"save the file as CSV UTF-8", "hãy lưu tệp dưới dạng CSV UTF-8"),
    (r"save the file as UTF-8", "hãy lưu tệp dưới dạng UTF-8"),
    (r"export the table from the PDF's source as CSV or \.xlsx",
     "hãy xuất bảng từ tệp gốc của PDF ra CSV hoặc .xlsx"),
    (r"an Excel workbook must be named \.xlsx; otherwise save the log as CSV",
     "tệp Excel phải có đuôi .xlsx; nếu không, hãy lưu nhật ký dưới dạng CSV"),
    (r"save it in Excel as \.xlsx or as CSV UTF-8",
     "hãy mở bằng Excel và lưu dưới dạng .xlsx hoặc CSV UTF-8"),
    (r"save it as CSV or \.xlsx", "hãy lưu dưới dạng CSV hoặc .xlsx"),
    (r"not an Excel \.xlsx file", "không phải tệp Excel .xlsx"),
    (r"it looks like a text file; if it is CSV, name it \.csv",
     "có vẻ là tệp văn bản; nếu là CSV, hãy đặt đuôi .csv"),
    (r"it looks like a (.+)", "có vẻ là {w1}"),
    (r"an old \.xls file or a password-protected workbook: save an unprotected copy as \.xlsx",
     "tệp .xls cũ hoặc tệp Excel có mật khẩu: hãy lưu một bản không khóa dưới dạng .xlsx"),
    (r"compressed content too large \(possible zip bomb\)",
     "nội dung nén quá lớn (có thể là zip bomb)"),
    (r"(\d+) bytes unpacked from (\d+)", "{1} byte khi giải nén từ {2}"),
    (r"(\d+) bytes unpacked from (\d+) in (.+)", "{1} byte khi giải nén từ {2} trong {3}"),
    (r"shorten the cell", "hãy rút ngắn ô"),
    (r"shorten the cell, or save the sheet as CSV",
     "hãy rút ngắn ô, hoặc lưu trang tính thành CSV"),
    (r"a cell is larger than (\d+) bytes; the workbook is not read",
     "một ô lớn hơn {1} byte; tệp Excel không được đọc"),
    (r"a shared string is larger than (\d+) bytes; the workbook is not read",
     "một chuỗi văn bản dùng chung lớn hơn {1} byte; tệp Excel không được đọc"),
    (r"shorten the value", "hãy rút ngắn giá trị"),
    (r"cannot read the file: (.+)", "không đọc được tệp: {1}"),
    (r"'(.*)': the value must be at least 1", "'{1}': giá trị phải ít nhất là 1"),
    (r"'(.*)': the value must be at most (\d+)", "'{1}': giá trị không được lớn hơn {2}"),
    (r"cannot open the Excel workbook: (.+)", "không mở được tệp Excel: {1}"),
    (r"cannot read the Excel sheet: (.+)", "không đọc được trang tính Excel: {1}"),
    (r"open and re-save it in Excel, or save it as CSV",
     "hãy mở và lưu lại bằng Excel, hoặc lưu dưới dạng CSV"),
    (r"the workbook has no worksheet", "tệp Excel không có trang tính nào"),
    # --- YAML logs
    (r"a YAML log must be a list of entries or \{unit: …, entries: \[\.\.\.\]\}",
     "nhật ký YAML phải là danh sách các mục, hoặc {unit: …, entries: [...]}"),
    (r"write '- date: 05/03/2024' items, or 'unit:' and 'entries:' keys",
     "hãy ghi các mục '- date: 05/03/2024', hoặc các khóa 'unit:' và 'entries:'"),
    (r"an entry must be a mapping of column: value", "mỗi mục phải có dạng cột: giá trị"),
    (r"start each entry with '- date: …' and indent its other keys under it",
     "hãy bắt đầu mỗi mục bằng '- date: …' và thụt lề các khóa khác bên dưới"),
    (r"'(.*)' must be a single value, not a list or mapping",
     "'{1}' phải là một giá trị, không phải danh sách hay ánh xạ"),
    (r"write it on one line", "hãy ghi trên một dòng"),
    (r"'(.*)' must be a single unit", "'{1}' phải là một đơn vị"),
    (r"cannot read a YAML value: (.+)", "không đọc được một giá trị YAML: {1}"),
    (r"quote dates as text \('30/01/2024'\) or fix the impossible date",
     "hãy ghi ngày trong ngoặc ('30/01/2024') hoặc sửa ngày không tồn tại"),
    (r"duplicate key '(.*)' \(first at line (\d+)\); keep only one",
     "khóa '{1}' bị lặp (lần đầu ở dòng {2}); chỉ giữ một"),
    (r"YAML tag '(.*)' is not allowed; remove it", "không được dùng thẻ YAML '{1}'; hãy xóa"),
    (r"more than (\d+) YAML alias uses \(an alias bomb\?\); write the values out",
     "quá {1} lần dùng bí danh YAML (có thể là alias bomb); hãy ghi thẳng các giá trị"),
    (r"YAML nested deeper than (\d+) levels", "YAML lồng sâu quá {1} cấp"),
    (r"more than (\d+) YAML nodes; split the file", "quá {1} nút YAML; hãy tách tệp"),
    (r"not valid YAML: (.+)", "YAML không hợp lệ: {1}"),
    (r"a mapping key must be a plain value", "khóa của ánh xạ phải là một giá trị đơn"),
    (r"YAML merge keys \(<<\) are not allowed", "không được dùng khóa gộp YAML (<<)"),
)

# Errors that stop a command (usage, input, output); shown after "Lỗi:".
_ERRORS: tuple[tuple[str, str], ...] = (
    (r"file not found", "không tìm thấy tệp"),
    (r"matches no files", "không có tệp nào khớp"),
    (r"is a directory; give its files, e\.g\. '(.+)'",
     "là một thư mục; hãy chỉ ra các tệp, ví dụ '{1}'"),
    (r"is a directory", "là một thư mục"),
    (r"is a directory, not a plan file", "là một thư mục, không phải tệp kế hoạch"),
    (r"is a directory; give a file name", "là một thư mục; hãy cho tên tệp"),
    (r"not a regular file", "không phải tệp thông thường"),
    (r"cannot read: (.+)", "không đọc được: {1}"),
    (r"cannot write: (.+)", "không ghi được: {1}"),
    (r"directory does not exist", "thư mục không tồn tại"),
    (r"exists and is not a directory", "đã có và không phải là thư mục"),
    (r"cannot create directory: (.+)", "không tạo được thư mục: {1}"),
    (r"(\d+) bytes is larger than the (\d+)-byte limit(?:; split the file)?",
     "{1} byte vượt giới hạn {2} byte; hãy tách tệp"),
    (r"unsupported file type (.+); use (.+)", "không hỗ trợ loại tệp {1}; hãy dùng {2}"),
    (r"old Excel \.xls files are not supported; save it in Excel as \.xlsx or as CSV UTF-8",
     "không hỗ trợ tệp Excel .xls cũ; hãy mở bằng Excel và lưu dưới dạng .xlsx hoặc CSV UTF-8"),
    (r"no sheet named '(.*)'; its sheets are (.+)",
     "không có trang tính '{1}'; các trang tính: {2}"),
    (r"plan file not found \(check --plan or \$DXPLAN_PLAN\)",
     "không tìm thấy tệp kế hoạch (kiểm tra --plan hoặc $DXPLAN_PLAN)"),
    (r"cannot read plan file: (.+)", "không đọc được tệp kế hoạch: {1}"),
    (r"plan file is not UTF-8 text \(byte (\d+)\)",
     "tệp kế hoạch không phải văn bản UTF-8 (byte {1})"),
    (r"refusing to overwrite an input file; choose another name",
     "không ghi đè lên tệp đầu vào; hãy chọn tên khác"),
    (r"already exists; pass --force to replace it", "đã tồn tại; dùng --force để ghi đè"),
    (r"already exists \(and (\d+) more\); pass --force to replace it",
     "đã tồn tại (cùng {1} tệp khác); dùng --force để ghi đè"),
    (r"'(.*)': there is no month (\d+)", "'{1}': không có tháng {2}"),
    (r"'(.*)': (\d+) has no ISO week (\d+)", "'{1}': năm {2} không có tuần ISO {3}"),
    (r"'(.*)' is not a period; write 2024-Q1 \(quarter\), 2024-03 \(month\) or 2024-W10 "
     r"\(ISO week\)",
     "'{1}' không phải một kỳ; hãy ghi 2024-Q1 (quý), 2024-03 (tháng) hoặc 2024-W10 (tuần ISO)"),
    (r"'(.*)': unknown unit \(did you mean (.+)\?\)",
     "'{1}': không có đơn vị này (có phải là {o2}?)"),
    (r"'(.*)': unknown unit", "'{1}': không có đơn vị này"),
    (r"'(.*)': unknown group; groups: (.+?)(?: \(did you mean (.+)\?\))?",
     "'{1}': không có nhóm này; các nhóm: {2}{q3}"),
    (r"unknown group '(.*)'; groups: (.+?)(?: \(did you mean (.+)\?\))?",
     "không có nhóm '{1}'; các nhóm: {2}{q3}"),
    (r"'(.*)': no rule of the plan applies to this unit; its items count toward '(.*)'",
     "'{1}': không có quy định nào áp dụng cho đơn vị này; các mục của đơn vị được tính cho "
     "'{2}'"),
    (r"'(.*)': no rule of the plan applies to this unit",
     "'{1}': không có quy định nào áp dụng cho đơn vị này"),
    (r"'(.*)': no rule of the plan applies to its units",
     "'{1}': không có quy định nào áp dụng cho các đơn vị của nhóm"),
    (r"(.+): no rule encodes that task; tasks with rules: (.+)",
     "{1}: không có quy định nào cho nhiệm vụ này; các nhiệm vụ có quy định: {2}"),
    (r"(\S+) is after --to (\S+)", "{1} sau --to {2}"),
    (r"(\S+) is before the plan period (\S+)", "{1} trước thời gian của kế hoạch {2}"),
    (r"(\S+) is after the plan period (\S+)", "{1} sau thời gian của kế hoạch {2}"),
    (r"(\S+) is outside the plan period (\S+)", "{1} nằm ngoài thời gian của kế hoạch {2}"),
    (r"(\S+): not a directory", "{1}: không phải thư mục"),
    (r"give either --period or --from/--to, not both",
     "chỉ dùng --period hoặc --from/--to, không dùng cả hai"),
    (r"give either --out-dir or --output, not both",
     "chỉ dùng --out-dir hoặc --output, không dùng cả hai"),
    (r"--format xlsx writes a workbook: give --output FILE or --out-dir DIR",
     "--format xlsx ghi ra tệp Excel: hãy cho --output TỆP hoặc --out-dir THƯ_MỤC"),
    (r"choose --unit, --group or --all", "hãy chọn --unit, --group hoặc --all"),
    (r"give only one of --unit, --group or --all", "chỉ dùng một trong --unit, --group, --all"),
    (r"give log files, or --submissions-dir DIR",
     "hãy cho các tệp nhật ký, hoặc --submissions-dir THƯ_MỤC"),
    # Last: "<option> <rest>", the rest translated on its own.
    (r"(--[a-z-]+) (.+)", "{1} {t2}"),
)

_COMPILED = tuple((re.compile(p, re.DOTALL), v) for p, v in _PATTERNS)
_COMPILED_ERRORS = tuple((re.compile(p, re.DOTALL), v) for p, v in _ERRORS)
_FIELD = re.compile(r"\{([twoq]?)(\d)\}")


def _apply(patterns: tuple[tuple[re.Pattern[str], str], ...], text: str) -> str | None:
    for pattern, template in patterns:
        match = pattern.fullmatch(text)
        if match is None:
            continue

        def field(m: re.Match[str], match: re.Match[str] = match) -> str:
            how, index = m[1], int(m[2])
            value = match[index] or ""
            if how == "t":
                return translate(value) or translate_error(value) or value
            if how == "w":
                return _WORDS.get(value, value)
            if how == "o":
                return value.replace(" or ", " hoặc ")
            if how == "q":
                return f" (có phải là {value.replace(' or ', ' hoặc ')}?)" if value else ""
            return value

        return _FIELD.sub(field, template)
    return None


# A date stands alone: not inside a word, a path, a time stamp or a file name.
_ISO_RANGE = re.compile(r"(?<![\w/.-])(\d{4})-(\d{2})-(\d{2})\.\.(\d{4})-(\d{2})-(\d{2})"
                        r"(?![\w/:-]|\.\w)")
_ISO_DAY = re.compile(r"(?<![\w/.-])(\d{4})-(\d{2})-(\d{2})(?![\w/:-]|\.\w)")
_QUOTED = re.compile(r"('[^']*')")


def vi_dates(text: str) -> str:
    """ISO dates and ranges in a Vietnamese sentence written as people here write them,
    "15/01/2024", "01/02/2024 – 31/12/2024"; quoted text (what the user typed) untouched."""
    parts = _QUOTED.split(text)
    for i in range(0, len(parts), 2):  # the even parts are outside quotes
        part = _ISO_RANGE.sub(r"\3/\2/\1 – \6/\5/\4", parts[i])
        parts[i] = _ISO_DAY.sub(r"\3/\2/\1", part)
    return "".join(parts)


@lru_cache(maxsize=4096)
def translate(text: str) -> str | None:
    """Vietnamese for one English message or hint, or None when no pattern knows it."""
    result = _apply(_COMPILED, text)
    return None if result is None else vi_dates(result)


def translate_error(text: str) -> str | None:
    """Vietnamese for an error that stops a command: '<path>: <reason>' or '<option> …'.

    The leading file name is kept as it is; only the reason after it is translated.
    """
    whole = _apply(_COMPILED_ERRORS, text)
    if whole is not None:
        return whole
    start = 0
    while (cut := text.find(": ", start)) != -1:
        reason = _apply(_COMPILED_ERRORS, text[cut + 2:])
        if reason is not None:
            return f"{text[:cut]}: {reason}"
        start = cut + 2
    return None
