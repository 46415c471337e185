"""Errors that stop a command: files, options, outputs, the plan (shown after "Lỗi:").

Conventions of the parameters:
- `option`: a command-line option as the user typed it ("--unit"); the code that knows
  the command line passes it, so no sentence here is tied to one command.
- A value the user typed (a unit name, a period, a `--limit` spec) arrives already
  quoted, as Python writes it (`repr`): quotes and control characters in it are escaped.
- `path`: a file or folder name, as given; `reason`: the operating system's own words.
- Dates are `datetime.date` and ranges `Span`: ISO in English, dd/mm/yyyy in Vietnamese.
"""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # --- the plan file (loader)
    "plan_file.is_dir": ("{path}: là một thư mục, không phải tệp kế hoạch",
                         "{path}: is a directory, not a plan file"),
    "plan_file.not_regular": ("{path}: không phải tệp thông thường",
                              "{path}: not a regular file"),
    "plan_file.too_large": ("{path}: {size} byte vượt giới hạn {limit} byte",
                            "{path}: {size} bytes is larger than the {limit}-byte limit"),
    "plan_file.not_found": ("{path}: không tìm thấy tệp kế hoạch (kiểm tra --plan hoặc ${env})",
                            "{path}: plan file not found (check --plan or ${env})"),
    "plan_file.cannot_read": ("{path}: không đọc được tệp kế hoạch: {reason}",
                              "{path}: cannot read plan file: {reason}"),
    "plan_file.not_utf8": ("{path}: tệp kế hoạch không phải văn bản UTF-8 (byte {offset})",
                           "{path}: plan file is not UTF-8 text (byte {offset})"),
    # --- writing reports (output)
    "out.is_input": ("{path}: không ghi đè lên tệp đầu vào; hãy chọn tên khác",
                     "{path}: refusing to overwrite an input file; choose another name"),
    "out.exists": ("{path}: đã tồn tại; dùng --force để ghi đè",
                   "{path}: already exists; pass --force to replace it"),
    "out.exists_more": ("{path}: đã tồn tại (cùng {more} tệp khác); dùng --force để ghi đè",
                        "{path}: already exists (and {more} more); pass --force to replace it"),
    "out.is_dir": ("{path}: là một thư mục; hãy cho tên tệp",
                   "{path}: is a directory; give a file name"),
    "out.cannot_write": ("{path}: không ghi được: {reason}", "{path}: cannot write: {reason}"),
    "out.no_dir": ("{path}: thư mục không tồn tại", "{path}: directory does not exist"),
    "out.not_dir": ("{path}: đã có và không phải là thư mục",
                    "{path}: exists and is not a directory"),
    "out.cannot_create_dir": ("{path}: không tạo được thư mục: {reason}",
                              "{path}: cannot create directory: {reason}"),
    # --- a period written on the command line (periods.parse_period)
    "bad_period.no_week": ("{period}: năm {year} không có tuần ISO {week}",
                           "{period}: {year} has no ISO week {week}"),
    "bad_period.no_month": ("{period}: không có tháng {month}",
                            "{period}: there is no month {month}"),
    "bad_period.form": ("{period} không phải một kỳ; hãy ghi 2024-Q1 (quý), 2024-03 (tháng) "
                        "hoặc 2024-W10 (tuần ISO)",
                        "{period} is not a period; write 2024-Q1 (quarter), 2024-03 (month) "
                        "or 2024-W10 (ISO week)"),
    # --- options of check, report and validate (service)
    "opt.bad_period": ("{option} {reason}", "{option} {reason}"),
    "opt.not_both": ("chỉ dùng {first} hoặc {second}, không dùng cả hai",
                     "give either {first} or {second}, not both"),
    "opt.start_after_end": ("{start_option} {start} sau {end_option} {end}",
                            "{start_option} {start} is after {end_option} {end}"),
    "opt.before_plan": ("{option} {day} trước thời gian của kế hoạch {plan}",
                        "{option} {day} is before the plan period {plan}"),
    "opt.after_plan": ("{option} {day} sau thời gian của kế hoạch {plan}",
                       "{option} {day} is after the plan period {plan}"),
    "opt.outside_plan": ("{span} nằm ngoài thời gian của kế hoạch {plan}",
                         "{span} is outside the plan period {plan}"),
    "opt.unknown_unit": ("{option} {unit}: không có đơn vị này",
                         "{option} {unit}: unknown unit"),
    "opt.unknown_unit_guess": ("{option} {unit}: không có đơn vị này (có phải là {guess}?)",
                               "{option} {unit}: unknown unit (did you mean {guess}?)"),
    "opt.unknown_group": ("{option} {group}: không có nhóm này; các nhóm: {groups}",
                          "{option} {group}: unknown group; groups: {groups}"),
    "opt.unknown_group_guess": ("{option} {group}: không có nhóm này; các nhóm: {groups} "
                                "(có phải là {guess}?)",
                                "{option} {group}: unknown group; groups: {groups} "
                                "(did you mean {guess}?)"),
    "group.unknown": ("không có nhóm {group}; các nhóm: {groups}",
                      "unknown group {group}; groups: {groups}"),
    "group.unknown_guess": ("không có nhóm {group}; các nhóm: {groups} (có phải là {guess}?)",
                            "unknown group {group}; groups: {groups} (did you mean {guess}?)"),
    "opt.unruled_unit": ("{option} {unit}: không có quy định nào áp dụng cho đơn vị này",
                         "{option} {unit}: no rule of the plan applies to this unit"),
    "opt.unruled_unit_parent": ("{option} {unit}: không có quy định nào áp dụng cho đơn vị "
                                "này; các mục của đơn vị được tính cho {parent}",
                                "{option} {unit}: no rule of the plan applies to this unit; "
                                "its items count toward {parent}"),
    "opt.unruled_group": ("{option} {group}: không có quy định nào áp dụng cho các đơn vị "
                          "của nhóm",
                          "{option} {group}: no rule of the plan applies to its units"),
    "opt.unruled_task": ("{option} {tasks}: không có quy định nào cho nhiệm vụ này; các "
                         "nhiệm vụ có quy định: {known}",
                         "{option} {tasks}: no rule encodes that task; tasks with rules: "
                         "{known}"),
    "opt.choose_one": ("hãy chọn {options}", "choose {options}"),
    "opt.only_one": ("chỉ dùng một trong {options}", "give only one of {options}"),
    "opt.limit_unknown": ("{option} {spec}: không có giới hạn này; hãy dùng {keys}",
                          "{option} {spec}: unknown limit; use {keys}"),
    "opt.limit_not_whole": ("{option} {spec}: giá trị phải là số nguyên",
                            "{option} {spec}: the value must be a whole number"),
    "opt.limit_too_small": ("{option} {spec}: giá trị phải ít nhất là 1",
                            "{option} {spec}: the value must be at least 1"),
    "opt.limit_too_large": ("{option} {spec}: giá trị không được lớn hơn {most}",
                            "{option} {spec}: the value must be at most {most}"),
    "opt.not_dir": ("{option} {path}: không phải thư mục", "{option} {path}: not a directory"),
    # --- a submissions folder (service.submission_owners; problems, not errors)
    "submit.symlink": ("liên kết tượng trưng; chỉ đọc các tệp thật trong thư mục nộp, không "
                       "theo liên kết",
                       "a symbolic link; submissions are read only from real files in the "
                       "folder, links are not followed"),
    "submit.symlink_hint": ("hãy nộp chính tệp đó", "commit the file itself"),
    "submit.bad_folder": ("thư mục {folder} không phải mã đơn vị; hãy đặt tệp của mỗi đơn vị "
                          "trong {root}/<mã-đơn-vị>/",
                          "the folder {folder} is not a unit id; put each unit's files in "
                          "{root}/<unit-id>/"),
    "submit.outside_folder": ("tệp nằm ngoài thư mục của đơn vị; hãy đặt tệp của mỗi đơn vị "
                              "trong {root}/<mã-đơn-vị>/",
                              "a file outside any unit folder is not a unit id; put each "
                              "unit's files in {root}/<unit-id>/"),
    "submit.guess": ("có phải là {guess}?", "did you mean {guess}?"),
    # --- the command line (cli.py, commands/*.py)
    "cli.bad_date_option": ("{option} {value}: {reason}", "{option} {value}: {reason}"),
    "cli.need_files": (
        "hãy chỉ định các tệp nhật ký, hoặc {option} THƯ_MỤC",
        "give log files, or {option} DIR"),
    "cli.xlsx_needs_file": ("{format_option} xlsx ghi ra tệp Excel: hãy cho {output} TỆP hoặc "
                            "{out_dir} THƯ_MỤC",
                            "{format_option} xlsx writes a workbook: give {output} FILE or "
                            "{out_dir} DIR"),
}
