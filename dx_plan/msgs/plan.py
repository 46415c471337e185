"""Problems with the plan data itself (`dxplan plan validate`, a bad --plan): schema and
cross-reference issues, each with file, line and key.

Conventions of the parameters:
- `id`, `ref`, `alias`, `other`, `schema`, `guess` …: ids and names from the plan file,
  already quoted as Python writes them (`repr`), as the English has always shown them.
- `what`: a nested noun (`plan.noun.*`), said in the language of the sentence around it.
- Dates are `datetime.date` and ranges `Span`: ISO in English, dd/mm/yyyy in Vietnamese.
- `detail`: pydantic's own (English) words for a value it refused.
- Keys of the YAML file ('per', 'due', period_end …) stay as written in the file.
"""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # --- the shape of the plan file and its includes
    "plan.not_mapping": ("tệp kế hoạch phải là một ánh xạ YAML (các dòng khóa: giá trị)",
                         "a plan file must be a YAML mapping"),
    "plan.schema": ("không hỗ trợ lược đồ {schema}; phiên bản dxplan này đọc lược đồ {supported}",
                    "unsupported schema {schema}; this dxplan reads {supported}"),
    "plan.include_not_mapping": ("phải ghi 'documents' và/hoặc 'tasks' kèm tên tệp tương ứng",
                                 "must map 'documents'/'tasks' to file names"),
    "plan.include_unknown": ("mục include không được hỗ trợ; chỉ dùng 'documents' hoặc 'tasks'",
                             "unknown include; use 'documents' or 'tasks'"),
    "plan.include_shape": ("tệp phải là một ánh xạ có danh sách '{name}'",
                           "expected a mapping with a '{name}' list"),
    # --- validation of keys and values (the data model)
    "plan.invalid_value": ("giá trị không hợp lệ: {detail}", "{detail}"),
    "plan.unknown_key": ("khóa không có trong mô hình dữ liệu; hãy kiểm tra chính tả theo "
                         "mô tả mô hình dữ liệu trong README",
                         "unknown key; check its spelling against the data model in the README"),
    "plan.missing_key": ("thiếu khóa bắt buộc", "required key is missing"),
    "plan.not_a_mapping_value": ("phải là một ánh xạ gồm các dòng khóa: giá trị, không phải "
                                 "một giá trị đơn hay một danh sách",
                                 "must be a mapping of keys (key: value lines), not a single "
                                 "value or a list"),
    # --- ids, aliases and references between plan objects
    "plan.duplicate_id": ("mã {id} bị trùng; mỗi mã (id) phải là duy nhất",
                          "duplicate id {id}; ids must be unique"),
    "plan.unit_and_group": ("{id} vừa là mã đơn vị vừa là mã nhóm; hãy đổi một trong hai",
                            "{id} is both a unit and a group id"),
    "plan.alias_clash": ("tên gọi khác {alias} trùng với tên của {other}; hãy sửa để không "
                         "trùng",
                         "alias {alias} also names {other}; make it unique"),
    "plan.unknown_ref": ("{what} {ref} không có trong kế hoạch", "unknown {what} {ref}"),
    "plan.unknown_ref_guess": ("{what} {ref} không có trong kế hoạch; có phải là {guess}?",
                               "unknown {what} {ref}; did you mean {guess}?"),
    "plan.noun.group": ("nhóm", "group"),
    "plan.noun.unit": ("đơn vị", "unit"),
    "plan.noun.unit_or_group": ("đơn vị hoặc nhóm", "unit or group"),
    "plan.noun.task": ("nhiệm vụ", "task"),
    "plan.noun.task_or_section": ("nhiệm vụ hoặc mục", "task or section"),
    "plan.noun.channel": ("kênh", "channel"),
    "plan.noun.kind": ("loại tin bài", "kind"),
    # --- rules: values and dates
    "plan.period_reversed": ("ngày kết thúc kế hoạch (period_end) sớm hơn ngày bắt đầu "
                             "(period_start)",
                             "period_end is before period_start"),
    "plan.rule_no_applies_to": ("quy định phải áp dụng cho ít nhất một đơn vị hoặc nhóm",
                                "a rule must apply to at least one unit or group"),
    "plan.rule_no_channels": ("quy định phải nêu ít nhất một kênh",
                              "a rule must name at least one channel"),
    "plan.rule_min": ("min phải từ 1 trở lên (đang là {min})",
                      "min must be at least 1, not {min}"),
    "plan.rule_no_per": ("quy định định kỳ (frequency) cần khóa 'per' (day, week, month, "
                         "quarter hoặc year)",
                         "a frequency rule needs 'per' (day, week, month, quarter or year)"),
    "plan.rule_no_due": ("quy định có thời hạn (deadline) cần khóa 'due' (một ngày)",
                         "a deadline rule needs 'due' (a date)"),
    "plan.due_outside": ("hạn {due} nằm ngoài thời gian của kế hoạch {period}",
                         "{due} is outside the plan period {period}"),
    "plan.not_before_after_due": ("ngày not_before muộn hơn hạn due",
                                  "not_before is after due"),
    "plan.window_outside": ("khoảng thời gian áp dụng (window) {window} nằm ngoài thời gian "
                            "của kế hoạch {period}",
                            "window {window} is outside the plan period {period}"),
    "plan.window_reversed": ("khoảng thời gian áp dụng (window) có ngày kết thúc sớm hơn ngày "
                             "bắt đầu",
                             "window end is before its start"),
}
