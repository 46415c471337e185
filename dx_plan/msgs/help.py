"""`--help` texts of every command and option, the command line's own errors, and the
few words typer prints ("typer.*" keys: their English side is typer's exact text).

Examples ("….examples") start with "\\b" so click keeps their lines as written.
"""

from __future__ import annotations

_EX = "\b\n"

MESSAGES: dict[str, tuple[str, str]] = {
    # --- the application and its commands
    "help.app": (
        "Kiểm tra nhật ký hoạt động tuyên truyền của các đơn vị theo Kế hoạch tuyên truyền về "
        "chuyển đổi số tỉnh Long An năm 2024. Mã thoát: 0 không có vấn đề, 1 có đơn vị chưa "
        "đạt hoặc tệp có lỗi, 2 không chạy được. Tiếng Anh: --lang en (hoặc DXPLAN_LANG=en).",
        "Check units' activity logs against Long An's 2024 plan for communicating digital "
        "transformation. Exit codes: 0 all good, 1 findings, 2 could not run."),
    "help.app.examples": (
        _EX + "Ví dụ:\n  dxplan check logs/q1.csv\n  dxplan validate logs/q1.csv --unit "
        "h-ben-luc\n  dxplan report logs/q1.csv --unit h-can-duoc -o can-duoc.html -f html",
        _EX + "Examples:\n  dxplan check logs/q1.csv --lang en\n  dxplan validate logs/q1.csv "
        "--unit h-ben-luc\n  dxplan report logs/q1.csv --unit h-can-duoc -o can-duoc.html -f html"),
    "help.check": (
        "Đối chiếu nhật ký với kế hoạch: từng đơn vị, từng chỉ tiêu, đã đạt gì và còn thiếu gì. "
        "Mã thoát: 0 mọi chỉ tiêu nêu rõ đều đạt (hoặc chưa đến hạn); 1 có đơn vị chưa đạt; "
        "2 không dùng được dữ liệu (tệp không đọc được, kế hoạch sai, tùy chọn sai, hoặc có dòng "
        "lỗi khi không dùng --allow-bad-rows).",
        "Check activity logs against the plan: each unit, each rule, what is met and what is "
        "short. Exit codes: 0 every error-severity rule met (or not yet due); 1 some unit falls "
        "short; 2 the input could not be used (unreadable file, invalid plan, bad option, rows "
        "with errors unless --allow-bad-rows)."),
    "help.check.examples": (
        _EX + "Ví dụ:\n  dxplan check logs/q1.csv\n  dxplan check logs/q1.csv --period 2024-Q1 "
        "--sort compliance --only-failing\n  dxplan check logs/q1.csv --group communes "
        "--format markdown -o ket-qua.md",
        _EX + "Examples:\n  dxplan check logs/q1.csv --lang en\n  dxplan check logs/q1.csv "
        "--period 2024-Q1 --sort compliance --only-failing\n  dxplan check logs/q1.csv --group "
        "communes --format markdown -o results.md"),
    "help.report": (
        "Lập báo cáo cho từng đơn vị: đã thực hiện gì, còn thiếu gì (từng kỳ thiếu, các tin, bài, "
        "hoạt động đã thực hiện, văn bản Phụ lục I đã tuyên truyền, các vấn đề trong nhật ký), "
        "và bản tổng hợp "
        "toàn tỉnh. Không có --out-dir hay --output thì in ra màn hình. Mã thoát như check.",
        "Report to each unit what it delivered and what it still owes (each missed period, the "
        "items delivered, the Phụ lục I documents covered, the problems in its rows), plus a "
        "province overview. Without --out-dir or --output the report goes to stdout. Exit "
        "codes as for check."),
    "help.report.examples": (
        _EX + "Ví dụ:\n  dxplan report logs/q1.csv --unit h-can-duoc\n  dxplan report logs/q1.csv "
        "--unit h-can-duoc -f html -o can-duoc.html\n  dxplan report logs/q1.csv --all -f xlsx "
        "--out-dir bao-cao",
        _EX + "Examples:\n  dxplan report logs/q1.csv --unit h-can-duoc --lang en\n  dxplan report "
        "logs/q1.csv --unit h-can-duoc -f html -o can-duoc.html\n  dxplan report logs/q1.csv "
        "--all -f xlsx --out-dir reports"),
    "help.validate": (
        "Kiểm tra tệp nhật ký đơn vị nộp (dùng trong CI): mỗi vấn đề kèm tệp, dòng, mã và gợi ý "
        "sửa. Mã thoát: 0 không có lỗi (cho phép cảnh báo trừ khi dùng --strict); 1 tệp có lỗi; "
        "2 không chạy được (thiếu tệp, kế hoạch sai, tùy chọn sai).",
        "Validate unit submissions for CI: every problem with file, line, code and a fix hint. "
        "Exit codes: 0 no errors (warnings allowed unless --strict); 1 errors found in the "
        "submission; 2 the command could not run (missing file, bad plan, bad option)."),
    "help.validate.examples": (
        _EX + "Ví dụ:\n  dxplan validate logs/q1.csv --unit h-ben-luc\n  dxplan validate "
        "--submissions-dir submissions --format github\n  dxplan validate logs/q1-broken.csv "
        "--format junit -o ket-qua.xml",
        _EX + "Examples:\n  dxplan validate logs/q1.csv --unit h-ben-luc --lang en\n  dxplan "
        "validate --submissions-dir submissions --format github\n  dxplan validate "
        "logs/q1-broken.csv --format junit -o results.xml"),
    "help.units": ("Liệt kê các đơn vị kế hoạch nêu (có thể chỉ một nhóm: press, departments, "
                   "agencies, districts, communes).",
                   "List the units the plan names (optionally one group: press, departments, "
                   "agencies, districts, communes)."),
    "help.units.examples": (_EX + "Ví dụ:\n  dxplan units\n  dxplan units --group districts",
                            _EX + "Examples:\n  dxplan units --lang en\n  dxplan units --group "
                            "districts --format csv"),
    "help.docs": ("Liệt kê các văn bản của Phụ lục I kèm mã (dùng cho cột văn bản của nhật ký).",
                  "List the legal documents of Phụ lục I with their ids (for the `docs` log "
                  "column)."),
    "help.docs.examples": (_EX + "Ví dụ:\n  dxplan docs\n  dxplan docs --format csv",
                           _EX + "Examples:\n  dxplan docs --lang en\n  dxplan docs --format "
                           "json"),
    "help.tasks": ("Liệt kê nguyên văn các nhiệm vụ của Phụ lục II: STT, nhiệm vụ, đơn vị chủ "
                   "trì, phối hợp, thời gian, ghi chú.",
                   "List the tasks of Phụ lục II verbatim: STT, task, lead, coordinating, "
                   "timeframe, notes."),
    "help.tasks.examples": (_EX + "Ví dụ:\n  dxplan tasks\n  dxplan tasks --format markdown",
                            _EX + "Examples:\n  dxplan tasks --lang en\n  dxplan tasks --format "
                            "markdown"),
    "help.plan": ("Xem hoặc kiểm tra dữ liệu kế hoạch (chỉ tiêu, đơn vị, kênh).",
                  "Show or validate the plan data (rules, units, channels)."),
    "help.plan.show": ("Trình bày các chỉ tiêu bằng lời: nhiệm vụ, đơn vị thực hiện, kênh, chỉ "
                       "tiêu, thời gian, căn cứ, mức.",
                       "Show the rules (quotas) in words: task, who, channel, quota, window, "
                       "basis, severity."),
    "help.plan.show.examples": (_EX + "Ví dụ:\n  dxplan plan show\n  dxplan plan show --format "
                                "markdown",
                                _EX + "Examples:\n  dxplan plan show --lang en\n  dxplan plan "
                                "show --format json"),
    "help.plan.validate": ("Kiểm tra một tệp kế hoạch và các phụ lục: mã thoát 0 hợp lệ, 2 không "
                           "hợp lệ (liệt kê mọi lỗi).",
                           "Validate a plan file and its appendices: exit 0 valid, 2 invalid "
                           "(all errors listed)."),
    "help.plan.validate.examples": (_EX + "Ví dụ:\n  dxplan plan validate\n  dxplan plan "
                                    "validate ke-hoach.yaml",
                                    _EX + "Examples:\n  dxplan plan validate --lang en\n  "
                                    "dxplan plan validate my-plan.yaml"),
    "help.plan.validate.path": ("Tệp kế hoạch cần kiểm tra.", "Plan file to validate."),
    # --- options shared by several commands
    "help.opt.plan": ("Tệp kế hoạch (mặc định: kế hoạch năm 2024 đi kèm).",
                      "Plan file (default: the shipped 2024 plan)."),
    "help.opt.lang": ("Ngôn ngữ: vi (mặc định) hoặc en.",
                      "Language of the output: vi (default) or en."),
    "help.opt.debug": ("Hiện chi tiết kỹ thuật (traceback) khi có lỗi nội bộ.",
                       "Show tracebacks of internal errors."),
    "help.opt.format": ("Định dạng kết quả.", "Output format."),
    "help.opt.group": ("Chỉ một nhóm: press, departments, agencies, districts, communes.",
                       "Only this group: press, departments, agencies, districts, communes."),
    "help.opt.period": ("Thu hẹp thời gian xét: 2024-Q1 (quý), 2024-03 (tháng), 2024-W10 "
                        "(tuần).",
                        "Narrow the window: 2024-Q1, 2024-03, 2024-W10."),
    "help.opt.from": ("Ngày đầu của thời gian xét (DD/MM/YYYY).",
                      "First day of the window (DD/MM/YYYY)."),
    "help.opt.to": ("Ngày cuối của thời gian xét (DD/MM/YYYY).",
                    "Last day of the window (DD/MM/YYYY)."),
    "help.opt.as_of": ("Tính các kỳ đến hạn đến ngày này (mặc định: hết tuần có mục cuối cùng "
                       "của nhật ký; khi có --period, --from hoặc --to: hôm nay, không quá ngày "
                       "cuối của thời gian xét).",
                       "Count periods due by this date (default: the end of the week of the "
                       "logs' last item; with --period, --from or --to: today, at most the "
                       "window's last day)."),
    "help.validate.as_of": ("Dòng ghi ngày sau ngày này là ngày trong tương lai (mặc định: hôm "
                            "nay).",
                            "Rows dated after this day are in the future (default: today)."),
    "help.opt.sheet": ("Trang tính Excel cần đọc (mặc định: trang đầu).",
                       "Excel sheet (default: the first)."),
    "help.opt.limit": ("Nâng một giới hạn đọc (dùng nhiều lần được): file-mb (1024), rows "
                       "(10000000 mỗi tệp), field-chars (100000), columns (500), yaml-aliases "
                       "(100), yaml-depth (64), yaml-nodes (2000000), problems (100 vấn đề ghi "
                       "đầy đủ cho mỗi mã và mỗi tệp).",
                       "Raise a reader limit (repeatable): file-mb (1024), rows (10000000 per "
                       "file), field-chars (100000), columns (500), yaml-aliases (100), "
                       "yaml-depth (64), yaml-nodes (2000000), problems (100 kept in full per "
                       "code and file)."),
    "help.opt.max_problems": ("Khi in văn bản, liệt kê tối đa N nhóm vấn đề giống nhau cho mỗi "
                              "mã (mọi vấn đề vẫn được đếm).",
                              "In text output, list at most N groups of identical problems per "
                              "code (every problem is still counted)."),
    "help.opt.output": ("Ghi kết quả vào tệp này (ghi trọn vẹn hoặc không ghi).",
                        "Write the report to this file (atomically)."),
    "help.opt.force": ("Ghi đè tệp --output đã có.", "Replace an --output file that exists."),
    "help.opt.allow_bad_rows": ("Vẫn thoát 0/1 khi có dòng lỗi (mặc định: thoát 2).",
                                "Exit 0/1 even when some rows have errors (default: exit 2)."),
    "help.opt.fail_on": ("error: thoát 1 chỉ khi chỉ tiêu nêu rõ chưa đạt; warning: cả chỉ tiêu "
                         "diễn giải.",
                         "error: exit 1 on explicit quotas only; warning: interpreted ones too."),
    "help.opt.version": ("In phiên bản dxplan, mã kế hoạch và mã băm (SHA-256) của dữ liệu kế "
                         "hoạch.",
                         "Print dxplan's version, and the plan's id and data fingerprint."),
    "help.opt.install_completion": ("Cài đặt gợi ý lệnh (phím Tab) cho shell đang dùng.",
                                    "Install completion for the current shell."),
    "help.opt.show_completion": ("In mã gợi ý lệnh (phím Tab) cho shell đang dùng, để sao "
                                 "chép hoặc tùy chỉnh.",
                                 "Show completion for the current shell, to copy it or "
                                 "customize the installation."),
    "help.opt.help": ("Hiện hướng dẫn này rồi thoát.", "Show this message and exit."),
    "help.arg.files": (
        "Các tệp nhật ký, hoặc mẫu có ký tự đại diện như logs/*.csv (CSV, YAML, "
        "XLSX).",
        "Log files or globs (CSV, YAML, XLSX)."),
    # --- check
    "help.check.unit": ("Chỉ đơn vị này (mã hoặc tên; dùng nhiều lần được).",
                        "Only this unit (id or name; repeatable)."),
    "help.check.task": ("Chỉ các chỉ tiêu của nhiệm vụ này, ví dụ 2.2 (dùng nhiều lần được).",
                        "Only rules of this task, e.g. 2.2 (repeatable)."),
    "help.check.only_failing": ("Chỉ hiện các kết quả chưa đạt.",
                                "Show only results that fall short."),
    "help.check.sort": (
        "Thứ tự sắp xếp: compliance (tỷ lệ kỳ đạt, thấp nhất trước), shortfall "
        "(số thiếu, nhiều nhất trước) hoặc unit (theo tên đơn vị); mặc định: theo"
        " nhóm, theo thứ tự trong kế hoạch.",
        "Units worst first: compliance (share of due periods met), shortfall "
        "(items short), or unit (by name); default: by group in plan order."),
    "help.check.detail": ("Hiện từng chỉ tiêu của từng đơn vị và các kỳ thiếu (mặc định: một "
                          "dòng cho mỗi đơn vị; --unit và --task luôn hiện chi tiết).",
                          "Show each quota of each unit and its missed periods (default: one "
                          "row per unit; --unit and --task always show the detail)."),
    "help.check.calendar": ("Sau bảng kết quả, vẽ lịch theo tuần của từng đơn vị.",
                            "After the table, draw the weekly heatmap of every unit."),
    "help.check.no_bom": ("Với --format csv: không ghi dấu BOM UTF-8 (Excel cần dấu này để đọc "
                          "tiếng Việt; chương trình khác có thể không).",
                          "With --format csv: no UTF-8 byte-order mark (Excel needs it to read "
                          "Vietnamese; scripts may not)."),
    # --- validate
    "help.validate.files": (
        "Các tệp nhật ký cần kiểm tra, hoặc mẫu có ký tự đại diện như "
        "submissions/*.csv.",
        "Log files or globs to validate."),
    "help.validate.unit": ("Đơn vị nộp tệp: dòng ghi đơn vị khác là lỗi.",
                           "The submitting unit: rows naming another unit are errors."),
    "help.validate.submissions_dir": (
        "Kiểm tra THƯ_MỤC/<mã-đơn-vị>/**; mỗi thư mục con chứa các tệp của đơn vị"
        " có mã trùng tên thư mục.",
        "Validate DIR/<unit-id>/** with each folder's unit as owner."),
    "help.validate.require_url": ("Dòng trên kênh trực tuyến không có đường dẫn là lỗi.",
                                  "A row on an online channel without a URL is an error."),
    "help.validate.strict": (
        "Có cảnh báo cũng trả mã thoát 1.",
        "Warnings fail too (exit 1)."),
    # --- report
    "help.report.unit": ("Lập báo cáo cho đơn vị này (mã hoặc tên; dùng nhiều lần được).",
                         "Report on this unit (id or name; repeatable)."),
    "help.report.group": ("Lập báo cáo cho mọi đơn vị của nhóm này.",
                          "Report on every unit of this group."),
    "help.report.all": ("Lập báo cáo cho mọi đơn vị có chỉ tiêu.",
                        "Report on every unit that has a rule."),
    "help.report.out_dir": ("Ghi THƯ_MỤC/<mã-đơn-vị>.<đuôi> cho từng đơn vị và "
                            "THƯ_MỤC/index.<đuôi>.",
                            "Write DIR/<unit-id>.<ext> for each unit plus DIR/index.<ext>."),
    "help.report.force": ("Ghi đè các tệp đã có.", "Replace files that exist."),
    # --- usage and its errors
    "help.usage": ("Cách dùng: ", "Usage: "),
    "help.try": ("Xem '{command} --help' để biết cách dùng.",
                 "Try '{command} --help' for help."),
    "cli.extra_args": ("thừa tham số: {args}", "unexpected extra arguments: {args}"),
    "cli.no_such_command": ("không có lệnh '{name}'; các lệnh: {commands}",
                            "no such command '{name}'; commands: {commands}"),
    "cli.no_such_command_close": ("không có lệnh '{name}' (có phải là {close}?)",
                                  "no such command '{name}' (did you mean {close}?)"),
    "cli.no_such_option": ("không có tùy chọn {option}", "no such option: {option}"),
    "cli.no_such_option_close": ("không có tùy chọn {option} (có phải là {close}?)",
                                 "no such option: {option} (did you mean {close}?)"),
    "cli.option_needs_value": ("tùy chọn {option} cần một giá trị",
                               "option {option} needs a value"),
    "cli.flag_takes_no_value": ("tùy chọn {option} không nhận giá trị (chỉ ghi {option})",
                                "option {option} takes no value (write just {option})"),
    "cli.bad_choice_env": ("giá trị '{value}' của biến môi trường {env} phải là {choices}",
                           "the value '{value}' of the environment variable {env} must be "
                           "{choices}"),
    "cli.missing": ("thiếu {name}", "missing {name}"),
    "cli.bad_choice": ("giá trị của {name} phải là {choices}",
                       "the value of {name} must be {choices}"),
    # Placeholders of --help ("--output TỆP"); the English side is the metavar as declared.
    "meta.FILE": ("TỆP", "FILE"),
    "meta.FILES...": ("TỆP...", "FILES..."),
    "meta.DIR": ("THƯ_MỤC", "DIR"),
    "meta.DATE": ("NGÀY", "DATE"),
    "meta.UNIT": ("ĐƠN_VỊ", "UNIT"),
    "meta.GROUP": ("NHÓM", "GROUP"),
    "meta.PERIOD": ("KỲ", "PERIOD"),
    "meta.NAME": ("TÊN", "NAME"),
    "meta.KEY=N": ("KHÓA=N", "KEY=N"),
    "meta.CODE": ("MÃ", "CODE"),
    "meta.[OPTIONS]": ("[TÙY_CHỌN]", "[OPTIONS]"),
    "meta.COMMAND [ARGS]...": ("LỆNH [THAM_SỐ]...", "COMMAND [ARGS]..."),
    "cli.bad_min": ("{name} phải là số nguyên từ {min} trở lên",
                    "{name} must be a whole number of at least {min}"),
    "cli.bad_value": ("giá trị của {name} không hợp lệ ({detail})",
                      "invalid value for {name} ({detail})"),
    "cli.usage": ("dòng lệnh không hợp lệ ({detail})", "invalid command line ({detail})"),
    # --- typer's own words (English side = typer's text, looked up by it)
    "typer.arguments": ("Tham số", "Arguments"),
    "typer.options": ("Tùy chọn", "Options"),
    "typer.commands": ("Lệnh", "Commands"),
    "typer.required": ("bắt buộc", "required"),
    "typer.default": ("mặc định: {default}", "default: {default}"),
    "typer.env_var": ("biến môi trường: {var}", "env var: {var}"),
    "typer.dynamic": ("(thay đổi)", "(dynamic)"),
    "typer.aborted": ("Đã dừng!", "Aborted!"),
}
