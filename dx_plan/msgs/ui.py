"""Words of the command-line output: statuses, columns, check and validate lines, errors.

Each key maps to (Vietnamese, English); `dx_plan.i18n` merges every table of this
package into the one catalogue.
"""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # statuses
    "status.met": ("đạt", "met"),
    "status.behind": ("chưa đạt", "behind"),
    "status.missing": (
        "chưa thực hiện",
        "missing"),
    "status.open": (
        "chưa đến hạn",
        "open"),
    "status.not-applicable": ("không áp dụng", "not applicable"),
    "status.missed": ("quá hạn", "missed"),
    "status.short": ("thiếu", "short"),
    # periods
    "per.day": ("ngày", "day"),
    "per.week": ("tuần", "week"),
    "per.month": ("tháng", "month"),
    "per.quarter": ("quý", "quarter"),
    "per.year": ("năm", "year"),
    "quota.frequency": ("≥{min}/{per}", "≥{min}/{per}"),
    "quota.deadline": ("≥{min} trước {due}", "≥{min} by {due}"),
    "check.sorted.compliance": ("Đơn vị theo tỷ lệ kỳ đạt, thấp nhất trước",
                                "Units by share of due periods met, lowest first"),
    "check.sorted.shortfall": ("Đơn vị theo số thiếu, nhiều nhất trước",
                               "Units by items short, most first"),
    "check.sorted.unit": ("Đơn vị theo tên", "Units by name"),
    # the columns of check --format csv (English: the JSON names)
    "csv.group": ("Nhóm", "group"),
    "csv.unit": ("Mã đơn vị", "unit"),
    "csv.unit_name": ("Đơn vị", "unit_name"),
    "csv.rule": ("Mã chỉ tiêu", "rule"),
    "csv.task": ("Nhiệm vụ", "task"),
    "csv.type": ("Loại", "type"),
    "csv.per": ("Chu kỳ", "per"),
    "csv.min": ("Tối thiểu", "min"),
    "csv.periods_due": ("Kỳ đến hạn", "periods_due"),
    "csv.periods_met": ("Kỳ đạt", "periods_met"),
    "csv.delivered": ("Đã thực hiện", "delivered"),
    "csv.shortfall": ("Thiếu", "shortfall"),
    "csv.compliance": ("Tỷ lệ đạt", "compliance"),
    "csv.status": ("Trạng thái", "status"),
    "csv.severity": ("Mức độ", "severity"),
    "csv.basis": ("Cách xác định", "basis"),
    "csv.missed": ("Kỳ thiếu", "missed"),
    "csv.waived": ("Kỳ được miễn", "waived"),
    "csv.waived_reason": ("Lý do miễn", "waived_reason"),
    # the first screen of check: a row per unit (render/overview.py)
    "overview.title": ("Kết quả từng đơn vị", "Results by unit"),
    "overview.col.short": (
        "Nhiệm vụ chưa đạt",
        "Tasks short"),
    "overview.col.warnings": ("Cảnh báo", "Warnings"),
    "overview.communes": (
        "{n}/{total} xã chưa đạt",
        "{n}/{total} communes short"),
    "overview.all": (
        "cả {n} chỉ tiêu",
        "all {n} quotas"),
    "overview.col.periods": ("Kỳ đạt", "Met"),
    "overview.more": (
        "Để xem từng chỉ tiêu và các kỳ thiếu, thêm --detail hoặc --unit <đơn "
        "vị>; để lập báo cáo gửi đơn vị, dùng dxplan report.",
        "Each quota and its missed periods: add --detail, or --unit <unit>. A "
        "report to send a unit: dxplan report."),
    "overview.one.day": ("1 ngày", "1 day"),
    "overview.one.week": ("1 tuần", "1 week"),
    "overview.one.month": ("1 tháng", "1 month"),
    "overview.one.quarter": ("1 quý", "1 quarter"),
    "overview.one.year": ("1 năm", "1 year"),
    "overview.day": ("{n} ngày", "{n} days"),
    "overview.week": ("{n} tuần", "{n} weeks"),
    "overview.month": ("{n} tháng", "{n} months"),
    "overview.quarter": ("{n} quý", "{n} quarters"),
    "overview.year": ("{n} năm", "{n} years"),
    "check.children": ("{met}/{total} đơn vị cấp xã đạt", "{met}/{total} communes met"),
    # The heading of the interpreted rules in check, plan show and the reports.
    "interpreted.heading": (
        "Nhiệm vụ kế hoạch không nêu số lượng — dxplan diễn giải (chỉ cảnh báo)",
        "Tasks the plan gives no number for — as dxplan reads them (warnings only)"),
    "plan.explicit": (
        "Chỉ tiêu kế hoạch nêu rõ (chưa đạt là lỗi)",
        "Quotas the plan states (errors)"),
    "plan.except": ("trừ", "except"),
    "plan.with_communes": ("và từng đơn vị cấp xã", "and each commune"),
    "col.source": (
        "Nguyên văn kế hoạch",
        "The plan's words"),
    "quota.presence": ("≥{min} đến hết {due}", "≥{min} by {due}"),
    # column headers
    "col.unit": ("Đơn vị", "Unit"),
    "col.task": ("Nhiệm vụ", "Task"),
    "col.rule": (
        "Nội dung",
        "Rule"),
    "col.quota": ("Chỉ tiêu", "Quota"),
    "col.periods": ("Kỳ đạt/đến hạn", "Periods met/due"),
    "col.items": (
        "Đã thực hiện",
        "Delivered"),
    "col.shortfall": ("Thiếu", "Shortfall"),
    "col.compliance": (
        "Tỷ lệ đạt",
        "Compliance"),
    "col.status": ("Trạng thái", "Status"),
    "col.missed": ("Kỳ thiếu", "Missed periods"),
    "col.who": ("Đơn vị thực hiện", "Who"),
    "col.channel": ("Kênh", "Channel"),
    "col.window": ("Thời gian", "Window"),
    "col.basis": (
        "Cách xác định",
        "Basis"),
    "col.severity": (
        "Mức độ",
        "Severity"),
    "col.id": ("Mã", "Id"),
    "col.name": ("Tên", "Name"),
    "col.kind": ("Loại", "Kind"),
    "col.groups": ("Nhóm", "Groups"),
    "col.parent": ("Trực thuộc", "Parent"),
    "col.domains": ("Tên miền", "Domains"),
    "col.row": ("Dòng", "Row"),
    "col.number": ("Số hiệu", "Number"),
    "col.date": ("Ngày", "Date"),
    "col.issuer": ("Cơ quan ban hành", "Issuer"),
    "col.level": ("Cấp", "Level"),
    "col.stt": ("STT", "No."),
    "col.text": ("Nhiệm vụ, công việc", "Task"),
    "col.lead": ("Đơn vị chủ trì", "Lead"),
    "col.coordinating": ("Đơn vị phối hợp", "Coordinating"),
    "col.timeframe": ("Thời gian triển khai", "Timeframe"),
    "col.notes": ("Ghi chú", "Notes"),
    "col.file": ("Tệp", "File"),
    "col.line": ("Dòng", "Line"),
    "col.code": (
        "Mã",
        "Code"),
    "col.message": ("Nội dung", "Message"),
    "col.title": ("Tiêu đề", "Title"),
    "col.link": (
        "Đường dẫn",
        "Link"),
    "docs.title": ("Phụ lục I — Một số văn bản cần tập trung tuyên truyền",
                   "Appendix I — Documents to publicise"),
    "tasks.title": ("Phụ lục II — Một số nhiệm vụ trọng tâm", "Appendix II — Key tasks"),
    "basis.explicit": (
        "kế hoạch nêu rõ",
        "explicit"),
    "basis.interpreted": (
        "dxplan diễn giải",
        "interpreted"),
    "severity.error": ("lỗi", "error"),
    "severity.warning": ("cảnh báo", "warning"),
    "level.trung-uong": ("Trung ương", "central"),
    "level.tinh": ("Tỉnh", "provincial"),
    # check output
    "check.title": ("Kết quả thực hiện {plan}", "Compliance with {plan}"),
    "check.window": ("Thời gian: {start} – {end}; tính đến ngày {as_of}",
                     "Window: {start} – {end}; as of {as_of}"),
    "check.window_logs": ("Thời gian: {start} – {end}; tính đến ngày {as_of}, hết tuần có mục "
                          "cuối cùng (ngày khác: --as-of)",
                          "Window: {start} – {end}; as of {as_of}, the end of the week of the "
                          "last item (another date: --as-of)"),
    "check.summary": (
        "{units} đơn vị: {met} đạt, {behind} chưa đạt, {missing} chưa thực hiện, "
        "{open} chưa đến hạn; tổng số còn thiếu {shortfall}.",
        "{units} units: {met} compliant, {behind} behind, {missing} with no "
        "entries, {open} not yet due; total shortfall {shortfall}."),
    "check.verdict": ("Tính đến ngày {as_of}, {summary}", "As of {as_of}, {summary}"),
    "check.rows": (
        "Đã đọc {rows} dòng, tính {entries} mục; {errors} lỗi, {warnings} cảnh báo.",
        "Read {rows} rows, counted {entries} items; {errors} errors, {warnings} warnings.",
    ),
    "check.as_of_outlier": (
        "Ngày tính đến được lấy theo mục cuối cùng ({date}), muộn hơn mọi mục khác (mục gần nhất "
        "trước đó: {before}) quá 4 tuần; nếu ngày đó ghi nhầm, hãy sửa, hoặc dùng --as-of.",
        "The as-of date comes from the last item ({date}), more than four weeks after every "
        "other (the next latest: {before}); if that date is a typo, fix it or use --as-of."),
    "check.single_quarter": (
        "Mọi mục trong nhật ký đều thuộc {period}; để chỉ xét kỳ này, dùng --period {period}.",
        "Every entry falls in {period}; to check only that period, use --period {period}.",
    ),
    "check.bad_rows": (
        "Nhật ký có {n} lỗi nên kết quả chưa đầy đủ. Hãy sửa các lỗi được liệt "
        "kê, hoặc dùng --allow-bad-rows.",
        "The logs have {n} errors, so the result is incomplete. Fix them, or pass"
        " --allow-bad-rows."),
    "check.star": (
        "* Kế hoạch không nêu số lượng cho nhiệm vụ này; chưa đạt chỉ là cảnh báo"
        " (mã thoát không đổi, trừ khi dùng --fail-on warning).",
        "* rule interpreted from the plan (warning severity: fails the run only "
        "with --fail-on warning)."),
    "check.problems": ("Các vấn đề trong nhật ký", "Problems in the logs"),
    "check.nothing_read": ("Không đọc được mục nào: sửa tệp theo các vấn đề trên rồi chạy lại "
                           "(không lập bảng kết quả).",
                           "No item could be read: fix the files as the problems above say, "
                           "then run again (no results table)."),
    "problems.where_detail": (
        "Để xem nội dung và vị trí từng vấn đề, thêm --detail hoặc dùng dxplan "
        "validate.",
        "What each problem is and where: add --detail, or dxplan validate."),
    "problems.count": ("Số lần", "Count"),
    "problems.where": ("Vị trí đầu tiên", "First at"),
    "problems.line": ("dòng", "line"),
    "problems.lines": ("dòng", "lines"),
    "problems.others": ("(các nội dung khác cùng mã)", "(other messages with this code)"),
    "problems.json": (
        "Mọi vấn đề đều được đếm; --format json ghi chi tiết các vấn đề đầu tiên của mỗi mã "
        "trong mỗi tệp (--limit problems=N để ghi nhiều hơn).",
        "Every problem is counted; --format json details the first problems of each code in "
        "each file (--limit problems=N for more)."),
    "check.no_results": ("Không có kết quả nào khớp bộ lọc.", "No results match the filters."),
    # groups fallback
    "group.none": ("Khác", "Other"),
    "yes": ("có", "yes"),
    "no": ("không", "no"),
    # validate
    "validate.ok": ("{files} tệp, {rows} dòng: không có lỗi ({warnings} cảnh báo).",
                    "{files} files, {rows} rows: no errors ({warnings} warnings)."),
    "validate.fail": ("{files} tệp, {rows} dòng: {errors} lỗi, {warnings} cảnh báo.",
                      "{files} files, {rows} rows: {errors} errors, {warnings} warnings."),
    "github.more": ("… và {n} vấn đề khác cùng mức (xem tổng kết và --format json).",
                    "… and {n} more of this severity (see the totals and --format json)."),
    "hint": ("Gợi ý", "Hint"),
    # errors
    "error.prefix": ("Lỗi", "Error"),
    "error.interrupted": ("Đã dừng theo yêu cầu; không có tệp ghi dở nào được để lại.",
                          "Interrupted; no half-written file was left behind."),
    "report.partial": ("Đã dừng giữa chừng: đã ghi {done}/{total} tệp vào {dir}.",
                       "Stopped part-way: {done} of {total} files were written to {dir}."),
    "error.internal": (
        "Lỗi nội bộ của dxplan: {error}. Chạy lại với --debug để xem chi tiết và báo cho nhóm phát "
        "triển.",
        "dxplan internal error: {error}. Run again with --debug for details and report it.",
    ),
    "error.plan_invalid": ("Kế hoạch không hợp lệ ({n} lỗi):", "The plan is invalid ({n} errors):"),
    "plan.valid": (
        "Kế hoạch hợp lệ: {units} đơn vị, {channels} kênh, {rules} chỉ tiêu, "
        "{tasks} nhiệm vụ, {documents} văn bản.",
        "The plan is valid: {units} units, {channels} channels, {rules} rules, "
        "{tasks} tasks, {documents} documents."),
}
