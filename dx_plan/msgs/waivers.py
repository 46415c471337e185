"""Words of waivers: periods a unit is excused from, and problems suppressed on purpose."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "waiver.shape": ("{file}: tệp miễn trừ phải có khóa 'waivers:' là danh sách các mục miễn",
                     "{file}: a waivers file must have a 'waivers:' list"),
    "waiver.cannot_read": ("{file}: không đọc được: {reason}", "{file}: cannot read: {reason}"),
    "waiver.too_large": ("{file}: tệp miễn trừ lớn hơn {limit} byte",
                         "{file}: a waivers file is larger than {limit} bytes"),
    "waiver.bad_yaml": ("{file}:{line}: YAML không hợp lệ: {reason}",
                        "{file}:{line}: not valid YAML: {reason}"),
    "waiver.invalid": ("{file}:{line}: {key}: {problem}", "{file}:{line}: {key}: {problem}"),
    "waiver.not_mapping": ("mỗi mục miễn phải có dạng khóa: giá trị",
                           "each waiver must be a mapping of key: value"),
    "waiver.unknown_key": ("khóa này không dùng trong tệp miễn trừ; các khóa: {keys}",
                           "not a key of a waiver; keys: {keys}"),
    "waiver.unknown_unit": ("không có đơn vị '{unit}' trong kế hoạch",
                            "no unit '{unit}' in the plan"),
    "waiver.unknown_group": ("không có nhóm '{group}'; các nhóm: {groups}",
                             "no group '{group}'; groups: {groups}"),
    "waiver.unknown_rule": ("không có quy định '{rule}' (xem dxplan plan show --format json)",
                            "no rule '{rule}' (see dxplan plan show --format json)"),
    "waiver.unknown_task": ("không có quy định nào cho nhiệm vụ '{task}'; các nhiệm vụ: {tasks}",
                            "no rule encodes task '{task}'; tasks: {tasks}"),
    "waiver.both": ("chỉ ghi một trong hai khóa {one} và {other}",
                    "give {one} or {other}, not both"),
    "waiver.text": ("phải là một dòng chữ", "must be text"),
    "waiver.not_a_day": ("phải là một ngày (DD/MM/YYYY) hoặc một kỳ (2024-W10)",
                         "must be a day (DD/MM/YYYY) or a period (2024-W10)"),
    "waiver.no_match": ("không có chỉ tiêu theo kỳ nào của {rule} áp dụng cho {unit} (chỉ miễn "
                        "được các kỳ: ngày, tuần, tháng, quý)",
                        "no periodic rule of {rule} applies to {unit} (a waiver excuses periods: "
                        "days, weeks, months, quarters)"),
    "waiver.required": ("thiếu {key}", "{key} is missing"),
    "waiver.end_before_start": ("ngày cuối trước ngày đầu", "'to' is before 'from'"),
    # notes of a run (check, report)
    "waiver.applied": ("Miễn theo {file}: {count} mục ({label}).",
                       "Waived by {file}: {count} entries ({label})."),
    "waiver.expired": ("Mục miễn ở dòng {line} của {file} ({label}) đã hết hạn ngày {expires}: "
                       "chỉ miễn các kỳ kết thúc đến ngày đó.",
                       "The waiver on line {line} of {file} ({label}) expired on {expires}: it "
                       "excuses only the periods that ended by then."),
    "waiver.period": ("miễn", "waived"),
    "waiver.missed": ("miễn {periods}, lý do: {reason}", "waived {periods}, because: {reason}"),
    "cli.unknown_code": ("{option} {code}: không có mã vấn đề này; các mã: {codes}",
                         "{option} {code}: no such problem code; codes: {codes}"),
    "problems.ignored": ("Bỏ qua theo yêu cầu (--ignore, hoặc 'dxplan: ignore=…' trong ghi "
                         "chú của dòng): {codes}.",
                         "Ignored on request (--ignore, or 'dxplan: ignore=…' in a row's notes): "
                         "{codes}."),
    "help.opt.ignore": ("Không báo vấn đề có mã này (dùng nhiều lần được); vẫn được đếm riêng. "
                        "Một dòng tự bỏ qua bằng 'dxplan: ignore=mã' trong cột ghi chú.",
                        "Do not report problems with this code (repeatable); they are still "
                        "counted apart. A row ignores its own with 'dxplan: ignore=CODE' in its "
                        "notes."),
    "help.opt.waivers": ("Tệp YAML các mục miễn (đơn vị, quy định hoặc nhiệm vụ, từ ngày, đến "
                         "ngày, lý do, người duyệt, hạn): các kỳ được miễn không tính là đến "
                         "hạn hay thiếu.",
                         "A YAML file of waivers (unit, rule or task, from, to, reason, who "
                         "approved, expiry): waived periods are neither due nor missed."),
}
