"""Every message and hint the reader writes has a Vietnamese translation."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dx_plan.cli import app
from dx_plan.i18n import problem_line
from dx_plan.i18n_problems import translate

from .conftest import DATA, ROOT

CORPUS = sorted(
    p for p in [*(DATA / "logs").iterdir(), *(DATA / "hostile").iterdir(),
                ROOT / "logs" / "q1-broken.csv", ROOT / "logs" / "q1.csv"]
    if p.suffix in (".csv", ".txt", ".yaml", ".xlsx") and not p.name.startswith("plan-"))


def _problems(path: Path) -> list[dict[str, object]]:
    result = CliRunner().invoke(app, ["validate", str(path), "--format", "json", "--as-of",
                                      "2024-03-01", "--require-url", "--unit", "h-ben-luc"])
    assert result.exit_code in (0, 1), result.stderr
    problems: list[dict[str, object]] = json.loads(result.stdout)["problems"]
    return problems


@pytest.mark.parametrize("path", CORPUS, ids=lambda p: p.name)
def test_every_problem_of_the_corpus_reads_in_vietnamese(path: Path) -> None:
    for problem in _problems(path):
        for key in ("message", "hint"):
            text = problem.get(key)
            if isinstance(text, str):
                assert translate(text) is not None, (problem["code"], text)


@pytest.mark.slow
def test_the_corpus_covers_many_messages() -> None:
    codes = {p["code"] for path in CORPUS for p in _problems(path)}
    assert len(codes) >= 20, sorted(codes)  # most problem codes appear in the corpus


def test_nested_and_listed_parts_are_translated() -> None:
    assert translate("cannot read date '03/2024': month only; give the day") == (
        "không đọc được ngày '03/2024': chỉ có tháng; hãy ghi cả ngày")
    assert translate("write the id: p-1--tp-tan-an or p-1--tx-kien-tuong") == (
        "hãy ghi mã: p-1--tp-tan-an hoặc p-1--tx-kien-tuong")
    assert translate("unknown channel 'tivi'") == "kênh 'tivi' không có trong kế hoạch"
    assert translate("something new") is None
    assert problem_line("bad-row", "something new", None, "vi") == (
        "Dòng không đọc được: something new")
    assert problem_line("missing-value", "unit is empty",
                        "every row needs a date, a unit and a channel", "vi") == (
        "Thiếu đơn vị (Gợi ý: mỗi dòng cần có ngày, đơn vị và kênh)")
    assert problem_line("missing-value", "unit is empty", None, "en") == "unit is empty"


def test_validate_text_in_vietnamese() -> None:
    result = CliRunner().invoke(app, ["validate", str(ROOT / "logs" / "q1-broken.csv"),
                                      "--as-of", "2024-03-31"])
    assert result.exit_code == 1
    assert "Không đọc được ngày '32/01/2024': không có ngày này" in result.stdout
    assert "Số lượng 'hai' không phải là số" in result.stdout
    lines = CliRunner().invoke(app, ["validate", str(ROOT / "logs" / "q1-broken.csv"),
                                     "--as-of", "2024-03-31", "--format", "github"]).stdout
    assert "::error file=" in lines and "title=bad-date::Không đọc được ngày '32/01/2024'" in lines


@pytest.mark.parametrize(("english", "vietnamese"), [
    ("shorten the cell", "hãy rút ngắn ô"),
    ("cannot read the file: Input/output error", "không đọc được tệp: Input/output error"),
    ("91226112 bytes unpacked from 88066 in xl/sharedStrings.xml",
     "91226112 byte khi giải nén từ 88066 trong xl/sharedStrings.xml"),
    ("URL 'https://x.vn/a' carries a user name or password",
     "đường dẫn 'https://x.vn/a' chứa tên đăng nhập hoặc mật khẩu"),
    ("line 9 was read as the rest of a quoted field opened on line 7 and not counted",
     "dòng 9 bị đọc như phần còn lại của ô có dấu ngoặc kép mở ở dòng 7 và không được tính"),
])
def test_the_new_hostile_input_messages_read_in_vietnamese(english: str, vietnamese: str) -> None:
    assert translate(english) == vietnamese


def test_limit_errors_read_in_vietnamese(tmp_path: Path) -> None:
    log = tmp_path / "log.csv"
    log.write_text("date,unit,channel\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["check", str(log), "--limit", "rows=0"])
    assert (result.exit_code, result.stderr) == (
        2, "Lỗi: --limit 'rows=0': giá trị phải ít nhất là 1\n")


def test_dates_in_vietnamese_messages_are_day_first() -> None:
    from dx_plan.i18n_problems import translate

    assert translate("date 2024-01-15 is outside the plan period 2024-02-01..2024-12-31; "
                     "not counted") == ("ngày 15/01/2024 nằm ngoài thời gian của kế hoạch "
                                        "01/02/2024 – 31/12/2024; không tính")
    # What the user typed is quoted back as typed.
    assert translate("cannot read date '2024-13-45': no such day") == (
        "không đọc được ngày '2024-13-45': không có ngày này")


def test_only_dates_standing_alone_are_rewritten() -> None:
    from dx_plan.i18n_problems import vi_dates

    assert vi_dates("đến 2024-12-31.") == "đến 31/12/2024."
    for untouched in ("x 2024-02-01T10:00", "bản 2024-02-01_v2", "tệp 2024-02-01.csv",
                      "https://x.vn/2024-02-01/a"):
        assert vi_dates(untouched) == untouched
