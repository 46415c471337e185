"""The one message catalogue: every key in both languages, every problem from it."""

from __future__ import annotations

import datetime as dt
import string
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dx_plan.cli import app
from dx_plan.entries import PROBLEM_CODES
from dx_plan.i18n import CATALOGUE, Msg, OneOf, Span, msg, problem_line, say
from dx_plan.loader import load_catalog
from dx_plan.reader import ReadOptions
from dx_plan.service import run_validate

from .conftest import DATA, ROOT

LOGS = (".csv", ".txt", ".yaml", ".xlsx")
CORPUS = [
    *sorted(p for p in [*(DATA / "logs").iterdir(), ROOT / "logs" / "q1-broken.csv"]
            if p.suffix in LOGS and not p.name.startswith("plan-")),
    # The hostile corpus runs with the slow set, as the other hostile tests do.
    *(pytest.param(p, marks=pytest.mark.slow)
      for p in sorted((DATA / "hostile").iterdir()) if p.suffix in LOGS),
]


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


# Parameters one language needs and the other does not ("Quý I" / "Q1", "Tháng 03" / "March").
ONE_LANGUAGE = frozenset({"roman", "q", "month", "month_name"})


def test_every_key_has_both_languages_with_the_same_fields() -> None:
    empty = [key for key, (vi, en) in CATALOGUE.items() if not (vi.strip() and en.strip())]
    unlike = [key for key, (vi, en) in CATALOGUE.items()
              if _fields(vi) - ONE_LANGUAGE != _fields(en) - ONE_LANGUAGE]
    assert (empty, unlike) == ([], [])
    assert len(CATALOGUE) > 500  # every table of dx_plan/msgs is merged in


def test_every_problem_code_has_a_label() -> None:
    assert {f"code.{code}" for code in PROBLEM_CODES} <= CATALOGUE.keys()


def test_parameters_are_said_in_the_sentence_language() -> None:
    reason = msg("date.month_only")
    nested = msg("reader.bad_date", value="03/2024", reason=reason)
    assert say(nested, "vi") == "không đọc được ngày '03/2024': chỉ có tháng; hãy ghi cả ngày"
    assert say(nested, "en") == "cannot read date '03/2024': month only; give the day"
    period = msg("opt.outside_plan",
                 span=Span(dt.date(2023, 1, 1), dt.date(2023, 3, 31)),
                 plan=Span(dt.date(2024, 2, 1), dt.date(2024, 12, 31)))
    assert "01/01/2023 – 31/03/2023" in say(period, "vi")
    assert "2023-01-01..2023-03-31" in say(period, "en")
    choice = msg("cli.bad_choice", name="--sort", choices=OneOf(("a", "b", "c")))
    assert say(choice, "vi") == "giá trị của --sort phải là a, b hoặc c"
    assert say(choice, "en") == "the value of --sort must be a, b or c"


def test_a_problem_line_is_a_sentence_with_its_hint() -> None:
    empty, hint = msg("reader.empty", what=msg("reader.noun.unit")), msg("reader.hint.required")
    assert problem_line(empty, hint, "vi") == (
        "Thiếu đơn vị (Gợi ý: mỗi dòng cần có ngày, đơn vị và kênh)")
    assert problem_line(empty, None, "en") == "unit is empty"


def test_an_unknown_key_is_refused_when_the_message_is_built() -> None:
    with pytest.raises(KeyError, match="no message 'no.such.key'"):
        msg("no.such.key")


@pytest.mark.parametrize("path", CORPUS, ids=lambda p: getattr(p, "name", ""))
def test_every_problem_of_the_corpus_comes_from_the_catalogue(path: Path) -> None:
    catalog = load_catalog()
    options = ReadOptions(check_evidence=True, require_url=True,
                          future_after=dt.date(2024, 3, 1), owner=lambda _: "h-ben-luc")
    report = run_validate(catalog, [path], options)
    for problem in report.findings.problems:
        for text in (problem.message, problem.hint):
            if text is not None:
                assert isinstance(text, Msg), (problem.code, text)
                vi, en = CATALOGUE[text.key]
                assert vi != en or not _fields(vi) - {"option", "value", "reason"}, text.key


def test_validate_text_in_vietnamese() -> None:
    result = CliRunner().invoke(app, ["validate", str(ROOT / "logs" / "q1-broken.csv"),
                                      "--as-of", "2024-03-31"])
    assert result.exit_code == 1
    assert "Không đọc được ngày '32/01/2024': không có ngày này" in result.stdout
    assert "Số lượng 'hai' không phải là số" in result.stdout
    lines = CliRunner().invoke(app, ["validate", str(ROOT / "logs" / "q1-broken.csv"),
                                     "--as-of", "2024-03-31", "--format", "github"]).stdout
    assert "::error file=" in lines and "title=bad-date::Không đọc được ngày '32/01/2024'" in lines


def test_limit_errors_read_in_vietnamese(tmp_path: Path) -> None:
    log = tmp_path / "log.csv"
    log.write_text("date,unit,channel\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["check", str(log), "--limit", "rows=0"])
    assert (result.exit_code, result.stderr) == (
        2, "Lỗi: --limit 'rows=0': giá trị phải ít nhất là 1\n")


def test_usage_errors_read_in_the_users_language() -> None:
    runner = CliRunner()
    result = runner.invoke(app, ["check", str(ROOT / "logs" / "q1.csv"), "--sort", "worst"])
    assert result.exit_code == 2
    assert result.stderr.endswith(
        "Lỗi: Giá trị của --sort phải là compliance, shortfall hoặc unit\n")
    assert result.stderr.startswith("Cách dùng: dxplan check [TÙY_CHỌN] {TỆP...}\n")
    result = runner.invoke(app, ["chek", "--lang", "en"])
    assert (result.exit_code, result.stderr.splitlines()[-1]) == (
        2, "Error: No such command 'chek' (did you mean check?)")
    result = runner.invoke(app, ["docs", "extra"])
    assert result.stderr.splitlines()[-1] == "Lỗi: Thừa tham số: extra"


def test_dates_in_vietnamese_messages_are_day_first_and_typed_text_is_kept() -> None:
    outside = msg("reader.outside_period", day=dt.date(2024, 1, 15),
                  plan=Span(dt.date(2024, 2, 1), dt.date(2024, 12, 31)))
    assert say(outside, "vi") == ("ngày 15/01/2024 nằm ngoài thời gian của kế hoạch "
                                  "01/02/2024 – 31/12/2024; không tính")
    typed = msg("reader.bad_date", value="2024-13-45", reason=msg("date.no_such_day"))
    assert say(typed, "vi") == "không đọc được ngày '2024-13-45': không có ngày này"


def test_option_values_are_refused_for_what_is_wrong_with_them(
        monkeypatch: pytest.MonkeyPatch) -> None:
    runner = CliRunner()
    q1 = str(ROOT / "logs" / "q1.csv")
    flag = runner.invoke(app, ["check", q1, "--force=1"])
    assert (flag.exit_code, flag.stderr) == (
        2, "Lỗi: Tùy chọn --force không nhận giá trị (chỉ ghi --force)\n")
    bare = runner.invoke(app, ["check", q1, "--period"])
    assert (bare.exit_code, bare.stderr) == (2, "Lỗi: Tùy chọn --period cần một giá trị\n")
    monkeypatch.setenv("DXPLAN_LANG", "xx")
    env = runner.invoke(app, ["docs"])
    assert env.stderr.splitlines()[-1] == (
        "Lỗi: Giá trị 'xx' của biến môi trường DXPLAN_LANG phải là vi hoặc en")
    monkeypatch.setenv("DXPLAN_LANG", "EN")  # as people type it
    assert runner.invoke(app, ["docs"]).stdout.startswith(" " * 10)  # a table, in English
    assert "Appendix I" in runner.invoke(app, ["docs"]).stdout


def test_the_last_lang_wins_everywhere_and_the_root_takes_it_too() -> None:
    runner = CliRunner()
    result = runner.invoke(app, ["check", "nowhere.csv", "--lang", "en", "--lang", "vi"])
    assert result.stderr == "Lỗi: nowhere.csv: không tìm thấy tệp\n"
    assert runner.invoke(app, ["--lang", "en", "--help"]).stdout.startswith(
        "Usage: dxplan [OPTIONS] COMMAND [ARGS]...")
    assert runner.invoke(app, ["--help"]).stdout.startswith(
        "Cách dùng: dxplan [TÙY_CHỌN] LỆNH [THAM_SỐ]...")
