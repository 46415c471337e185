"""Words of the configuration file (dxplan.toml, [tool.dxplan]) and `dxplan config`."""

from __future__ import annotations

_EX = "\b\n"

MESSAGES: dict[str, tuple[str, str]] = {
    # --- mistakes in the file: "<file>:<line>: <key>: <problem>"
    "config.error": ("{where}: {key}: {problem}", "{where}: {key}: {problem}"),
    "config.unknown_key": ("khóa không có trong cấu hình (các khóa: {known})",
                           "unknown key (the keys are: {known})"),
    "config.not_for_command": ("lệnh {command} không có thiết lập này (các khóa của lệnh: "
                               "{known})",
                               "the {command} command has no such setting (its keys: {known})"),
    "config.want_text": ("phải là một chuỗi trong dấu nháy kép, ví dụ {example}",
                         "must be a quoted string, e.g. {example}"),
    "config.want_bool": ("phải là true hoặc false", "must be true or false"),
    "config.want_whole": ("phải là một số nguyên", "must be a whole number"),
    "config.want_table": ("phải là một bảng ([{key}])", "must be a table ([{key}])"),
    "config.bad_choice": ("phải là {choices}", "must be {choices}"),
    "config.too_small": ("phải từ {min} trở lên", "must be at least {min}"),
    "config.too_large": ("không được lớn hơn {most}", "must be at most {most}"),
    "config.empty_path": ("không được để trống", "must not be empty"),
    "config.syntax": ("{where}: tệp cấu hình không đúng cú pháp TOML ({detail})",
                      "{where}: the configuration file is not valid TOML ({detail})"),
    "config.not_utf8": ("{file}: tệp cấu hình phải được lưu với mã UTF-8",
                        "{file}: the configuration file must be saved as UTF-8"),
    "config.missing": ("{file}: không tìm thấy tệp cấu hình (do biến môi trường {env} chỉ "
                       "định)",
                       "{file}: no such configuration file (named by the {env} environment "
                       "variable)"),
    "config.unreadable": ("{file}: không đọc được tệp cấu hình ({reason})",
                          "{file}: cannot read the configuration file ({reason})"),
    "config.not_regular": ("{file}: tệp cấu hình không phải là một tệp thông thường",
                           "{file}: the configuration file is not a regular file"),
    "config.too_big": ("{file}: tệp cấu hình lớn hơn {most} KiB",
                       "{file}: the configuration file is larger than {most} KiB"),
    # --- `dxplan config`
    "config.file": ("Tệp cấu hình: {path}", "Configuration file: {path}"),
    "config.none": ("Không có tệp cấu hình: không thấy dxplan.toml hay [tool.dxplan] trong "
                    "pyproject.toml từ {dir} trở lên.",
                    "No configuration file: no dxplan.toml nor [tool.dxplan] in pyproject.toml "
                    "from {dir} upward."),
    "config.disabled": ("Không dùng tệp cấu hình: biến môi trường {env} để trống.",
                        "No configuration file: the {env} environment variable is empty."),
    "config.precedence": ("Thứ tự ưu tiên: tùy chọn dòng lệnh, rồi biến môi trường, rồi tệp "
                          "cấu hình, rồi giá trị mặc định.",
                          "Precedence: command-line options, then environment variables, then "
                          "the configuration file, then the defaults."),
    "config.col.key": ("Thiết lập", "Setting"),
    "config.col.command": ("Lệnh", "Command"),
    "config.col.value": ("Giá trị", "Value"),
    "config.col.source": ("Nguồn", "Source"),
    "config.all_commands": ("mọi lệnh", "all commands"),
    "config.source.default": ("mặc định", "default"),
    "config.source.env": ("biến môi trường {env}", "environment variable {env}"),
    # --- help
    "help.config": (
        "Hiện các thiết lập đang dùng và nguồn của từng thiết lập: giá trị mặc định, tệp cấu "
        "hình (dxplan.toml, hoặc [tool.dxplan] trong pyproject.toml, tìm từ thư mục hiện tại "
        "trở lên; tệp và dòng) hay biến môi trường. DXPLAN_CONFIG=TỆP chỉ định tệp, "
        "DXPLAN_CONFIG= (để trống) bỏ qua tệp. Mã thoát: 0, hoặc 2 khi tệp cấu hình sai.",
        "Show the settings in effect and where each comes from: the default, the configuration "
        "file (dxplan.toml, or [tool.dxplan] in pyproject.toml, searched from the current "
        "directory upward; file and line) or an environment variable. DXPLAN_CONFIG=FILE names "
        "the file, an empty DXPLAN_CONFIG= turns it off. Exit codes: 0, or 2 when the "
        "configuration file is invalid."),
    "help.config.examples": (
        _EX + "Ví dụ:\n  dxplan config\n  dxplan config --format json\n  "
        "DXPLAN_CONFIG=ci/dxplan.toml dxplan config",
        _EX + "Examples:\n  dxplan config --lang en\n  dxplan config --format json\n  "
        "DXPLAN_CONFIG=ci/dxplan.toml dxplan config"),
}
