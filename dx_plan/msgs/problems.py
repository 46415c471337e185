"""Messages of the log readers: problems with rows and files, and their hints.

Conventions of the parameters:
- `value`, `text`, `header`, `url` …: what the user typed, made safe by `reader.problems.show`
  and quoted back as typed (never rewritten, dates in it included).
- Dates are `datetime.date` and ranges `Span`: ISO in English, dd/mm/yyyy in Vietnamese.
- `what`, `reason` (of a date), `kind`: a nested message (`reader.noun.*`, `date.*`,
  `reader.looks.*`), said in the language of the sentence around it.
- `path`: a file name as given; `reason` of a file: the operating system's own words.
- A message without parameters is not formatted: write its braces single
  ("{unit: …}"); with parameters, literal braces are doubled.
"""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # --- dates (the reasons of dates.parse_date, nested in "cannot read date …")
    "date.not_a_date": ("không phải ngày; hãy ghi theo DD/MM/YYYY",
                        "not a date; write DD/MM/YYYY"),
    "date.no_such_day": ("không có ngày này", "no such day"),
    "date.month_only": ("chỉ có tháng; hãy ghi cả ngày", "month only; give the day"),
    "date.quarter_only": ("chỉ có quý; hãy ghi cả ngày", "quarter only; give the day"),
    "date.year_only": ("chỉ có năm; hãy ghi cả ngày", "year only; give the day"),
    "date.hint.day_first": ("ngày ghi theo thứ tự ngày/tháng/năm: DD/MM/YYYY ({month} không "
                            "phải là tháng)",
                            "dates are day-first: DD/MM/YYYY ({month} is not a month)"),
    # --- nouns built into sentences ("unknown {what} …")
    "reader.noun.date": ("ngày", "date"),
    "reader.noun.unit": ("đơn vị", "unit"),
    "reader.noun.channel": ("kênh", "channel"),
    "reader.noun.kind": ("loại tin bài", "kind"),
    "reader.noun.document": ("văn bản", "document"),
    "reader.noun.file": ("tệp", "file"),
    "reader.noun.sheet": ("trang tính", "sheet"),
    # --- what a file that is not text looks like ("not a text file (looks like {what})")
    "reader.looks.png": ("ảnh PNG", "PNG image"),
    "reader.looks.jpeg": ("ảnh JPEG", "JPEG image"),
    "reader.looks.gif": ("ảnh GIF", "GIF image"),
    "reader.looks.pdf": ("tài liệu PDF", "PDF document"),
    "reader.looks.zip": ("tệp ZIP hoặc Excel", "ZIP archive or Excel workbook"),
    "reader.looks.ole": ("tệp Excel .xls cũ hoặc Word .doc", "old Excel .xls or Word .doc file"),
    "reader.looks.gzip": ("tệp nén gzip", "gzip archive"),
    "reader.looks.rar": ("tệp nén RAR", "RAR archive"),
    "reader.looks.7z": ("tệp nén 7-Zip", "7-Zip archive"),
    "reader.looks.program": ("chương trình", "program"),
    "reader.looks.rtf": ("tài liệu RTF", "RTF document"),
    "reader.looks.binary": ("dữ liệu nhị phân", "binary data"),
    # --- required cells and names
    "reader.bad_date": ("không đọc được ngày '{value}': {reason}",
                        "cannot read date '{value}': {reason}"),
    "reader.bad_end_date": ("không đọc được ngày kết thúc '{value}': {reason}",
                            "cannot read end_date '{value}': {reason}"),
    "reader.empty": ("thiếu {what}", "{what} is empty"),
    "reader.hint.required": ("mỗi dòng cần có ngày, đơn vị và kênh",
                             "every row needs a date, a unit and a channel"),
    "reader.ambiguous": ("{what} '{text}' ứng với nhiều {what}",
                         "{what} '{text}' fits several {what}s"),
    "reader.unknown_name": ("{what} '{text}' không có trong kế hoạch",
                            "unknown {what} '{text}'"),
    "reader.unknown_doc": ("văn bản '{text}' không có trong Phụ lục I",
                           "unknown document '{text}'"),
    "reader.unknown_task": ("nhiệm vụ '{text}' không có trong Phụ lục II",
                            "unknown task '{text}'"),
    "reader.hint.write_id": ("hãy ghi mã: {ids}", "write the id: {ids}"),
    "reader.hint.did_you_mean": ("có phải là {names}?", "did you mean {names}?"),
    "reader.hint.guess_ids": ("có phải là {names}? Các mã {what}: {ids}",
                              "did you mean {names}? {what}s: {ids}"),
    "reader.hint.ids": ("các mã {what}: {ids}", "{what}s: {ids}"),
    "reader.hint.unit_id": ("hãy ghi mã đơn vị (ví dụ h-ben-luc) hoặc tên đơn vị như trong "
                            "kế hoạch",
                            "write a unit id (e.g. h-ben-luc) or the unit's name as the plan "
                            "gives it"),
    "reader.hint.doc_id": ("hãy ghi mã hoặc số hiệu văn bản của Phụ lục I, ví dụ 749/QĐ-TTg",
                           "write a document id or number from Phụ lục I, e.g. 749/QĐ-TTg"),
    "reader.hint.task_id": ("hãy ghi STT của Phụ lục II (ví dụ 2.2, 3.2b) hoặc mục của kế "
                            "hoạch (ví dụ IV.1)",
                            "write a row number of Phụ lục II (e.g. 2.2, 3.2b) or a plan "
                            "section (e.g. IV.1)"),
    # --- quantity
    "reader.quantity.below_one": (
        "số lượng phải từ 1 trở lên (đang ghi {value})",
        "quantity must be at least 1, not {value}"),
    "reader.quantity.too_large": ("số lượng {number} lớn hơn {most}; hãy kiểm tra lại",
                                  "quantity {number} is more than {most}; check it"),
    "reader.quantity.thousands": ("số lượng '{value}' có dấu phân cách hàng nghìn; chỉ ghi "
                                  "chữ số",
                                  "quantity '{value}' has a thousands separator; write digits "
                                  "only"),
    "reader.quantity.not_whole": ("số lượng '{value}' không phải số nguyên",
                                  "quantity '{value}' is not a whole number"),
    "reader.quantity.not_number": ("số lượng '{value}' không phải là số",
                                   "quantity '{value}' is not a number"),
    # --- the row in time
    "reader.end_before_start": ("ngày kết thúc {end} trước ngày bắt đầu {day}",
                                "end_date {end} is before date {day}"),
    "reader.hint.end_date": ("ngày kết thúc là ngày cuối của một hoạt động kéo dài nhiều ngày",
                             "end_date is the last day of an activity that lasts several days"),
    "reader.outside_period": ("ngày {day} nằm ngoài thời gian của kế hoạch {plan}; không tính",
                              "date {day} is outside the plan period {plan}; not counted"),
    "reader.starts_before_period": ("hoạt động {span} bắt đầu trước thời gian của kế hoạch; "
                                    "chỉ tính {counted}",
                                    "the activity {span} starts before the plan period; only "
                                    "{counted} is counted"),
    "reader.future_date": (
        "ngày {day} sau ngày chốt số liệu {as_of}",
        "date {day} is after the as-of date {as_of}"),
    # --- duplicates, ownership, footers
    "reader.duplicate": ("trùng với dòng {line} của {file}", "same item as line {line} of {file}"),
    "reader.hint.duplicate": ("mục có cùng đơn vị, kênh, ngày và đường dẫn (hoặc tiêu đề) chỉ "
                              "được tính một lần",
                              "an item with the same unit, channel, date and URL (or title) is "
                              "counted once"),
    "reader.foreign_unit": ("dòng ghi đơn vị '{unit}' nhưng tệp là của '{owner}'",
                            "the row names unit '{unit}' but the file is from '{owner}'"),
    "reader.hint.foreign_unit": ("mỗi đơn vị chỉ báo cáo việc của mình (và của các xã trực "
                                 "thuộc); chuyển dòng này sang tệp của {unit}",
                                 "a unit reports its own work (and its communes'); move the "
                                 "row to {unit}'s file"),
    "reader.footer_row": ("'{text}' là dòng tổng cộng hoặc chữ ký, không phải hoạt động; "
                          "không tính",
                          "'{text}' is a total or signature line, not an activity; not "
                          "counted"),
    "reader.hint.footer": ("dưới dòng tiêu đề chỉ ghi các hoạt động",
                           "keep only activities under the header row"),
    # --- evidence (validate): tasks and URLs
    "reader.task_lead": ("nhiệm vụ {task} do {leads} chủ trì, không phải {unit}",
                         "task {task} is led by {leads}, not {unit}"),
    "reader.task_channel": ("nhiệm vụ {task} chỉ tính các mục trên kênh {channels}, không "
                            "phải {channel}",
                            "task {task} counts items on {channels}, not {channel}"),
    "reader.task_kind": ("nhiệm vụ {task} chỉ tính {kinds}, không tính {kind}; mục này không "
                         "được tính cho nhiệm vụ",
                         "task {task} counts {kinds}, not {kind}; this item counts for no "
                         "quota of the task"),
    "reader.missing_url": ("thiếu đường dẫn cho mục trên kênh trực tuyến '{channel}'",
                           "no URL for an item on '{channel}', an online channel"),
    "reader.hint.add_link": ("hãy thêm đường dẫn tới bài đã đăng",
                             "add the link to the published item"),
    "reader.bad_url": ("đường dẫn '{url}' không phải địa chỉ http(s)",
                       "URL '{url}' is not an http(s) address"),
    "reader.hint.full_url": ("hãy ghi địa chỉ đầy đủ của bài đã đăng, bắt đầu bằng https://",
                             "give the full address of the published item, starting with "
                             "https://"),
    "reader.credentials_in_url": ("đường dẫn '{url}' chứa tên đăng nhập hoặc mật khẩu",
                                  "URL '{url}' carries a user name or password"),
    "reader.hint.remove_credentials": ("hãy xóa tên đăng nhập và mật khẩu khỏi đường dẫn; ai "
                                       "đọc nhật ký cũng dùng được chúng",
                                       "remove the user name and password from the link; "
                                       "anyone who reads the log can use them"),
    "reader.foreign_domain": (
        "tên miền '{host}' không thuộc danh sách tên miền của {unit}",
        "URL host '{host}' is not a known domain of {unit}"),
    "reader.hint.known_domains": (
        "các tên miền của đơn vị: {domains}",
        "known domains: {domains}"),
    # --- headers
    "reader.header.lacks": ("dòng tiêu đề thiếu cột bắt buộc {missing}",
                            "the header row lacks the required column(s) {missing}"),
    "reader.header.lacks_seen": ("dòng tiêu đề thiếu cột bắt buộc {missing}; các tiêu đề khác "
                                 "đang có: {seen}",
                                 "the header row lacks the required column(s) {missing}; its "
                                 "other headers are {seen}"),
    "reader.header.none": ("không thấy dòng tiêu đề trong {rows} dòng đầu: không dòng nào có "
                           "các cột ngày, đơn vị và kênh",
                           "no header row in the first {rows} rows: no row names the columns "
                           "date, unit and channel"),
    "reader.hint.header": ("dòng tiêu đề cần có các cột {columns}; các cột khác không bắt buộc",
                           "the header row needs the columns {columns}; the others are "
                           "optional"),
    "reader.unknown_column": ("cột {header} không phải cột dxplan đọc; nội dung được giữ làm "
                              "ghi chú",
                              "the column {header} is not one dxplan reads; its cells are kept "
                              "as notes"),
    "reader.hint.column_guess": ("có phải là {column}? Các cột: {columns}",
                                 "did you mean {column}? columns: {columns}"),
    "reader.hint.columns": ("các cột: {columns}", "columns: {columns}"),
    # --- rows and fields
    "reader.row.too_many_cells": ("dòng có {cells} ô; giới hạn là {limit}",
                                  "the row has {cells} cells; the limit is {limit}"),
    "reader.row.more_cells": ("dòng có hơn {limit} ô", "the row has more than {limit} cells"),
    "reader.hint.stray_delimiters": ("hãy xóa dấu phân cách thừa hoặc cột trống",
                                     "remove stray delimiters or empty columns"),
    "reader.line_too_long": ("dòng dài hơn {limit} ký tự",
                             "the line is longer than {limit} characters"),
    "reader.hint.line_too_long": ("mỗi ô có tối đa {limit} ký tự; hãy kiểm tra dấu ngoặc kép "
                                  "(\") chưa được đóng",
                                  "a field may have at most {limit} characters; check for a "
                                  "quote (\") that is never closed"),
    "reader.field_too_long": ("một ô dài hơn {limit} ký tự",
                              "a field is longer than {limit} characters"),
    "reader.hint.shorten_or_quote": ("hãy rút ngắn ô, hoặc kiểm tra dấu ngoặc kép (\") chưa "
                                     "được đóng",
                                     "shorten the cell, or check for a quote (\") that is "
                                     "never closed"),
    "reader.hint.shorten_cell": ("hãy rút ngắn ô", "shorten the cell"),
    "reader.hint.shorten_value": ("hãy rút ngắn giá trị", "shorten the value"),
    "reader.quote.never_closed": ("một ô mở ngoặc kép ở dòng này không bao giờ được đóng",
                                  "a quoted field starting on this line is never closed"),
    "reader.hint.close_quote": ("hãy thêm dấu ngoặc kép đóng (\"), hoặc xóa dấu mở",
                                "add the closing quote (\"), or remove the opening one"),
    "reader.quote.text_after": ("có chữ ngay sau dấu ngoặc kép đóng của một ô",
                                "text follows a closing quote in a field"),
    "reader.hint.quote_cell": ("hãy đặt cả ô trong ngoặc kép, nhân đôi các dấu ngoặc kép bên "
                               "trong (\"\")",
                               "quote the whole cell, doubling quotes inside it (\"\")"),
    "reader.quote.swallowed_line": ("dòng {line} bị đọc như phần còn lại của ô có dấu ngoặc "
                                    "kép mở ở dòng {opened} và không được tính",
                                    "line {line} was read as the rest of a quoted field opened "
                                    "on line {opened} and not counted"),
    "reader.quote.swallowed_lines": ("dòng {first}–{last} bị đọc như phần còn lại của ô có dấu "
                                     "ngoặc kép mở ở dòng {opened} và không được tính",
                                     "lines {first}–{last} were read as the rest of a quoted "
                                     "field opened on line {opened} and not counted"),
    "reader.hint.unclosed_quote": ("hãy kiểm tra dòng đó: có dấu ngoặc kép (\") không được đóng",
                                   "check that line for a quote (\") that is never closed"),
    "reader.row.unreadable": ("không đọc được dòng: {reason}", "cannot read the row: {reason}"),
    "reader.too_many_rows": ("hơn {limit} dòng dữ liệu; phần còn lại của {what} không được đọc",
                             "more than {limit} data rows; the rest of the {what} is not read"),
    "reader.hint.split_file": ("hãy tách tệp", "split the file"),
    "reader.hint.split_workbook": ("hãy tách tệp Excel", "split the workbook"),
    # --- files
    "reader.file.unreadable": ("không đọc được tệp: {reason}", "cannot read the file: {reason}"),
    "reader.file.empty": ("tệp rỗng", "the file is empty"),
    "reader.file.no_rows": ("tệp không có dòng nào", "the file has no rows"),
    "reader.file.no_data_rows": ("tệp có dòng tiêu đề nhưng không có dữ liệu",
                                 "the file has a header but no data rows"),
    "reader.file.no_entries": ("tệp không có mục nào", "the file has no entries"),
    "reader.file.not_text": ("không phải tệp văn bản (có vẻ là {what})",
                             "not a text file (looks like {what})"),
    "reader.file.nul": ("không phải tệp văn bản (có ký tự NUL)",
                        "not a text file (it contains NUL characters)"),
    "reader.file.undecodable_byte": ("không giải mã được văn bản: byte {byte} ở vị trí {offset} "
                                     "không phải UTF-8 hay Windows-1258",
                                     "cannot decode the text: byte {byte} at offset {offset} is "
                                     "neither UTF-8 nor Windows-1258"),
    "reader.file.cannot_decode": ("không giải mã được văn bản theo {encoding}: {reason}",
                                  "cannot decode the text as {encoding}: {reason}"),
    "reader.file.replaced_bytes": ("{count} byte không phải văn bản UTF-8 hay Windows-1258; đã "
                                   "được đọc thành \ufffd",
                                   "{count} byte(s) are neither UTF-8 nor Windows-1258 text; "
                                   "they were read as \ufffd"),
    "reader.hint.save_csv_utf8": ("hãy lưu tệp dưới dạng CSV UTF-8", "save the file as CSV UTF-8"),
    "reader.hint.save_utf8": ("hãy lưu tệp dưới dạng UTF-8", "save the file as UTF-8"),
    "reader.hint.pdf": ("hãy xuất bảng từ tệp gốc của PDF ra CSV hoặc .xlsx",
                        "export the table from the PDF's source as CSV or .xlsx"),
    "reader.hint.zip": ("tệp Excel phải có đuôi .xlsx; nếu không, hãy lưu nhật ký dưới dạng CSV",
                        "an Excel workbook must be named .xlsx; otherwise save the log as CSV"),
    "reader.hint.save_xlsx_or_csv_utf8": ("hãy mở bằng Excel và lưu dưới dạng .xlsx hoặc CSV "
                                          "UTF-8",
                                          "save it in Excel as .xlsx or as CSV UTF-8"),
    "reader.hint.save_csv_or_xlsx": ("hãy lưu dưới dạng CSV hoặc .xlsx",
                                     "save it as CSV or .xlsx"),
    # --- Excel workbooks
    "reader.xlsx.not_xlsx": ("không phải tệp Excel .xlsx", "not an Excel .xlsx file"),
    "reader.hint.looks_text": ("có vẻ là tệp văn bản; nếu là CSV, hãy đặt đuôi .csv",
                               "it looks like a text file; if it is CSV, name it .csv"),
    "reader.hint.looks_like": ("có vẻ là {what}", "it looks like a {what}"),
    "reader.hint.old_or_protected": ("tệp .xls cũ hoặc tệp Excel có mật khẩu: hãy lưu một bản "
                                     "không khóa dưới dạng .xlsx",
                                     "an old .xls file or a password-protected workbook: save "
                                     "an unprotected copy as .xlsx"),
    "reader.xlsx.zip_bomb": (
        "nội dung nén quá lớn (có thể là zip bomb)",
        "compressed content too large (possible zip bomb)"),
    "reader.hint.unpacked": ("{unpacked} byte khi giải nén từ {packed}",
                             "{unpacked} bytes unpacked from {packed}"),
    "reader.hint.unpacked_part": ("{unpacked} byte khi giải nén từ {packed} trong {part}",
                                  "{unpacked} bytes unpacked from {packed} in {part}"),
    "reader.xlsx.wide_rows": ("hơn {rows} dòng rộng quá {columns} cột; phần còn lại của trang "
                              "tính không được đọc",
                              "more than {rows} rows are wider than {columns} columns; the "
                              "rest of the sheet is not read"),
    "reader.hint.stray_cells": ("hãy xóa các ô thừa bên phải bảng, hoặc lưu trang tính thành CSV",
                                "delete the stray cells right of the table, or save the sheet "
                                "as CSV"),
    "reader.xlsx.cannot_open": ("không mở được tệp Excel: {reason}",
                                "cannot open the Excel workbook: {reason}"),
    "reader.xlsx.cannot_read_sheet": ("không đọc được trang tính Excel: {reason}",
                                      "cannot read the Excel sheet: {reason}"),
    "reader.hint.resave": ("hãy mở và lưu lại bằng Excel, hoặc lưu dưới dạng CSV",
                           "open and re-save it in Excel, or save it as CSV"),
    "reader.xlsx.no_worksheet": ("tệp Excel không có trang tính nào",
                                 "the workbook has no worksheet"),
    "reader.xlsx.comments": ("XML của tệp Excel có chú thích (comment) hoặc CDATA, thứ mà Excel "
                             "không bao giờ ghi",
                             "the workbook's XML holds comments or CDATA, which Excel never "
                             "writes"),
    "reader.xlsx.cell_too_large": ("một ô lớn hơn {limit} byte; tệp Excel không được đọc",
                                   "a cell is larger than {limit} bytes; the workbook is not "
                                   "read"),
    "reader.xlsx.shared_too_large": ("một chuỗi văn bản dùng chung lớn hơn {limit} byte; tệp "
                                     "Excel không được đọc",
                                     "a shared string is larger than {limit} bytes; the "
                                     "workbook is not read"),
    "reader.hint.shorten_or_csv": ("hãy rút ngắn ô, hoặc lưu trang tính thành CSV",
                                   "shorten the cell, or save the sheet as CSV"),
    # --- YAML logs
    "reader.yaml.shape": ("nhật ký YAML phải là danh sách các mục, hoặc {unit: …, entries: [...]}",
                          "a YAML log must be a list of entries or {unit: …, entries: [...]}"),
    "reader.hint.yaml_shape": ("hãy ghi các mục '- date: 05/03/2024', hoặc các khóa 'unit:' và "
                               "'entries:'",
                               "write '- date: 05/03/2024' items, or 'unit:' and 'entries:' "
                               "keys"),
    "reader.yaml.entry_not_mapping": ("mỗi mục phải có dạng cột: giá trị",
                                      "an entry must be a mapping of column: value"),
    "reader.hint.yaml_entry": ("hãy bắt đầu mỗi mục bằng '- date: …' và thụt lề các khóa khác "
                               "bên dưới",
                               "start each entry with '- date: …' and indent its other keys "
                               "under it"),
    "reader.yaml.not_single": ("'{name}' phải là một giá trị, không phải danh sách hay ánh xạ",
                               "'{name}' must be a single value, not a list or mapping"),
    "reader.hint.one_line": ("hãy ghi trên một dòng", "write it on one line"),
    "reader.yaml.not_single_unit": ("'{name}' phải là một đơn vị",
                                    "'{name}' must be a single unit"),
    "reader.yaml.bad_value": ("không đọc được một giá trị YAML: {reason}",
                              "cannot read a YAML value: {reason}"),
    "reader.hint.quote_dates": (
        "hãy đặt ngày trong dấu nháy ('30/01/2024') hoặc sửa ngày không tồn tại",
        "quote dates as text ('30/01/2024') or fix the impossible date"),
    # --- the safe YAML loader (logs and the plan)
    "yaml.duplicate_key": ("khóa {name} bị lặp (lần đầu ở dòng {line}); chỉ giữ một",
                           "duplicate key {name} (first at line {line}); keep only one"),
    "yaml.tag": ("không được dùng thẻ YAML {tag}; hãy xóa", "YAML tag {tag} is not allowed; "
                 "remove it"),
    "yaml.aliases": ("quá {limit} lần dùng bí danh YAML (có thể là alias bomb); hãy ghi thẳng "
                     "các giá trị",
                     "more than {limit} YAML alias uses (an alias bomb?); write the values out"),
    "yaml.too_deep": ("YAML lồng sâu quá {limit} cấp", "YAML nested deeper than {limit} levels"),
    "yaml.too_many_nodes": ("quá {limit} nút YAML; hãy tách tệp",
                            "more than {limit} YAML nodes; split the file"),
    "yaml.invalid": ("YAML không hợp lệ: {reason}", "not valid YAML: {reason}"),
    "yaml.key_not_plain": ("khóa của ánh xạ phải là một giá trị đơn",
                           "a mapping key must be a plain value"),
    "yaml.merge_key": ("không được dùng khóa gộp YAML (<<)",
                       "YAML merge keys (<<) are not allowed"),
    # --- a log file that cannot be used at all (errors that stop the command)
    "reader.error.xls": ("{path}: không hỗ trợ tệp Excel .xls cũ; hãy mở bằng Excel và lưu dưới "
                         "dạng .xlsx hoặc CSV UTF-8",
                         "{path}: old Excel .xls files are not supported; save it in Excel as "
                         ".xlsx or as CSV UTF-8"),
    "reader.error.unsupported_type": ("{path}: không hỗ trợ loại tệp '{ext}'; hãy dùng {types}",
                                      "{path}: unsupported file type '{ext}'; use {types}"),
    "reader.error.no_extension": ("{path}: không hỗ trợ tệp không có phần mở rộng; hãy dùng "
                                  "{types}",
                                  "{path}: unsupported file type without an extension; use "
                                  "{types}"),
    "reader.error.not_found": ("{path}: không tìm thấy tệp", "{path}: file not found"),
    "reader.error.no_match": ("{path}: không có tệp nào khớp", "{path}: matches no files"),
    "reader.error.cannot_read": ("{path}: không đọc được: {reason}",
                                 "{path}: cannot read: {reason}"),
    "reader.error.is_dir": ("{path}: là một thư mục", "{path}: is a directory"),
    "reader.error.is_dir_example": ("{path}: là một thư mục; hãy chỉ ra các tệp, ví dụ "
                                    "'{example}'",
                                    "{path}: is a directory; give its files, e.g. '{example}'"),
    "reader.error.not_regular": ("{path}: không phải tệp thông thường",
                                 "{path}: not a regular file"),
    "reader.error.too_large": ("{path}: {size} byte vượt giới hạn {limit} byte; hãy tách tệp",
                               "{path}: {size} bytes is larger than the {limit}-byte limit; "
                               "split the file"),
    "reader.error.no_sheet": ("{path}: không có trang tính {sheet}; các trang tính: {sheets}",
                              "{path}: no sheet named {sheet}; its sheets are {sheets}"),
}
