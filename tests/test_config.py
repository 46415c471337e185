"""The configuration file: found upward, validated with file:line:key errors, below the
command line and the environment, per-command tables, and `dxplan config` in both
languages.  Every expected value is worked out from the files written here."""

from __future__ import annotations

import inspect
import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.main import get_command
from typer.testing import CliRunner

from dx_plan.cli import app
from dx_plan.commands import check, report, validate
from dx_plan.commands.config import command_named, default_map
from dx_plan.config import COMMANDS, KEYS, Config, Setting, load_config, parameters
from dx_plan.errors import InputError
from dx_plan.loader import default_plan_path

from .conftest import ROOT

runner = CliRunner()
KEYS_LISTED = ("plan, lang, fail-on, require-url, strict, submissions-dir, max-problems, limits, "
               "waivers, check, validate, report")
LIMITS_LISTED = ("file-mb, rows, field-chars, columns, yaml-aliases, yaml-depth, yaml-nodes, "
                 "problems")


def run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


Use = Callable[[str], Path]


@pytest.fixture()
def use(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Use:
    """Point DXPLAN_CONFIG at a dxplan.toml holding `text` (in tmp_path)."""
    def configure(text: str) -> Path:
        path = write(tmp_path / "dxplan.toml", text)
        monkeypatch.setenv("DXPLAN_CONFIG", str(path))
        return path
    return configure


# --- finding the file

def test_the_nearest_file_is_found_and_dxplan_toml_wins(tmp_path: Path) -> None:
    deep = tmp_path / "a" / "b"
    deep.mkdir(parents=True)
    top = write(tmp_path / "pyproject.toml", '[tool.dxplan]\nlang = "en"\n')
    # A pyproject.toml without [tool.dxplan] does not stop the search.
    write(tmp_path / "a" / "pyproject.toml", '[project]\nname = "dxplan"\n[tool.ruff]\n')
    found = load_config(deep, {})
    assert (found.path, found.search, found.settings) == (top, "found",
                                                          {"lang": Setting("en", 2)})
    # One directory nearer, both files: dxplan.toml is read.
    write(tmp_path / "a" / "pyproject.toml", '[tool.dxplan]\nlang = "en"\n')
    own = write(tmp_path / "a" / "dxplan.toml", '\nlang = "vi"\n')
    assert load_config(deep, {}).path == own
    assert load_config(deep, {}).settings == {"lang": Setting("vi", 2)}


def test_dxplan_config_names_the_file_or_turns_the_search_off(tmp_path: Path) -> None:
    write(tmp_path / "dxplan.toml", 'lang = "en"\n')
    elsewhere = write(tmp_path / "ci" / "settings.toml", 'strict = true\n')
    named = load_config(tmp_path, {"DXPLAN_CONFIG": str(elsewhere)})
    assert (named.path, named.search, named.settings) == (elsewhere, "explicit",
                                                          {"strict": Setting(True, 1)})
    assert load_config(tmp_path, {"DXPLAN_CONFIG": ""}) == Config(search="disabled")
    missing = tmp_path / "nowhere.toml"
    with pytest.raises(InputError) as caught:
        load_config(tmp_path, {"DXPLAN_CONFIG": str(missing)})
    assert str(caught.value) == (f"{missing}: no such configuration file (named by the "
                                 "DXPLAN_CONFIG environment variable)")


def test_the_search_starts_in_the_current_directory(tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    write(tmp_path / "dxplan.toml", 'lang = "en"\n')
    (tmp_path / "sub").mkdir()
    monkeypatch.chdir(tmp_path / "sub")
    monkeypatch.delenv("DXPLAN_CONFIG")
    assert run("docs")[1].startswith(" " * 10) and "Appendix I" in run("docs")[1]
    monkeypatch.setenv("DXPLAN_CONFIG", "")  # as the whole test suite runs: no file
    assert "Phụ lục I" in run("docs")[1]


# --- what the file says

PYPROJECT = """[project]
name = "x"

[tool.dxplan]
fail-on = "warning"
max-problems = 7

[tool.dxplan.limits]
rows = 50

[tool.dxplan.check]
fail-on = "error"
limits = { columns = 9 }
"""


def test_a_pyproject_table_with_a_command_table_and_the_lines(tmp_path: Path) -> None:
    config = load_config(tmp_path, {"DXPLAN_CONFIG": str(write(tmp_path / "pyproject.toml",
                                                                 PYPROJECT))})
    assert config.settings == {"fail-on": Setting("warning", 5), "max-problems": Setting(7, 6),
                               "limits.rows": Setting(50, 9)}
    assert config.commands == {"check": {"fail-on": Setting("error", 12),
                                         "limits.columns": Setting(9, 13)}}
    assert parameters(config, "check") == {"fail_on": "error", "max_problems": 7,
                                           "limit": ["rows=50", "columns=9"]}
    assert parameters(config, "report") == {"fail_on": "warning", "max_problems": 7,
                                            "limit": ["rows=50"]}


def test_default_map_gives_each_command_the_settings_it_has(tmp_path: Path) -> None:
    path = write(tmp_path / "dxplan.toml", 'plan = "my/plan.yaml"\nlang = "en"\nstrict = true\n'
                 "[validate]\nmax-problems = 3\nsubmissions-dir = '../subs'\n")
    config = load_config(tmp_path, {"DXPLAN_CONFIG": str(path)})
    plan = str(tmp_path / "my" / "plan.yaml")  # relative to the file's directory
    everyone = {"plan": plan, "lang": "en"}
    tree = default_map(get_command(app), config)
    assert tree == {
        "lang": "en",  # the root's own --lang
        "check": everyone, "report": everyone, "template": everyone, "fix": everyone,
        "units": everyone,
        "docs": everyone, "tasks": everyone, "config": {"lang": "en"},
        "validate": {**everyone, "strict": True, "max_problems": 3,
                     "submissions_dir": str(tmp_path / ".." / "subs")},
        "plan": {"show": everyone, "validate": everyone},  # not the [validate] table
    }
    assert default_map(get_command(app), Config(search="disabled")) is None


def test_the_keys_of_each_command_are_parameters_of_that_command() -> None:
    functions: dict[str, Callable[..., int]] = {
        "check": check.check_cmd, "validate": validate.validate_cmd, "report": report.report_cmd}
    for command, keys in COMMANDS.items():
        names = inspect.signature(functions[command]).parameters
        assert all(KEYS[key][1] in names for key in keys), command
    assert set(KEYS) == {key for keys in COMMANDS.values() for key in keys}


def test_the_command_is_found_before_parsing() -> None:
    assert command_named(["--lang", "en", "validate", "x.csv"]) == "validate"
    assert command_named(["--lang=en", "check", "--lang", "vi"]) == "check"
    assert command_named(["--help"]) is None
    assert command_named(["--", "check"]) is None


# --- mistakes, each naming the file, the line and the key

@pytest.mark.parametrize(("text", "said"), [
    ('lang = "en"\ncolour = "red"\n', f":2: colour: unknown key (the keys are: {KEYS_LISTED})"),
    ('lang = "en"\n\n[check]\nstrict = true\n',
     ":4: check.strict: the check command has no such setting (its keys: plan, lang, fail-on, "
     "max-problems, limits, waivers)"),
    ('max-problems = "5"\n', ":1: max-problems: must be a whole number"),
    ("[validate]\nmax-problems = 0\n", ":2: validate.max-problems: must be at least 1"),
    ('lang = "fr"\n', ":1: lang: must be vi or en"),
    ('[report]\nfail-on = "never"\n', ":2: report.fail-on: must be error or warning"),
    ('strict = "yes"\n', ":1: strict: must be true or false"),
    ("plan = 3\n", ':1: plan: must be a quoted string, e.g. "dir/file"'),
    ('plan = " "\n', ":1: plan: must not be empty"),
    ("check = 1\n", ":1: check: must be a table ([check])"),
    ("\n[limits]\nspeed = 3\n", f":3: limits.speed: unknown key (the keys are: {LIMITS_LISTED})"),
    ("limits = { rows = 0 }\n", ":1: limits.rows: must be at least 1"),
    ("limits.rows = 3000000000\n", ":1: limits.rows: must be at most 2147483647"),
    ("[check.limits]\n\ncolumns = true\n", ":3: check.limits.columns: must be a whole number"),
    ('lang = "en"\nfail-on = "x\n',
     ":2: the configuration file is not valid TOML (Illegal character '\\n')"),
])
def test_mistakes_name_the_file_the_line_and_the_key(tmp_path: Path, text: str,
                                                     said: str) -> None:
    path = write(tmp_path / "dxplan.toml", text)
    with pytest.raises(InputError) as caught:
        load_config(tmp_path, {"DXPLAN_CONFIG": str(path)})
    assert str(caught.value) == f"{path}{said}"


def test_a_mistake_in_pyproject_is_named_by_its_own_line(tmp_path: Path) -> None:
    path = write(tmp_path / "pyproject.toml",
                 '[project]\nname = "x"\n\n[tool.dxplan]\nlang = "en"\n\n[tool.dxplan.report]\n'
                 "strict = true\n")
    with pytest.raises(InputError) as caught:
        load_config(tmp_path, {})
    assert str(caught.value) == (f"{path}:8: report.strict: the report command has no such "
                                 "setting (its keys: plan, lang, fail-on, limits, waivers)")


def test_an_invalid_file_stops_every_command_with_exit_2(use: Use) -> None:
    path = use('lang = "en"\ncolour = "red"\n')
    assert run("docs") == (2, "", f"Lỗi: {path}:2: colour: khóa không có trong cấu hình (các "
                                  f"khóa: {KEYS_LISTED})\n")
    assert run("config", "--lang", "en") == (
        2, "", f"Error: {path}:2: colour: unknown key (the keys are: {KEYS_LISTED})\n")


# --- precedence: command line > environment > file > default

def test_language_file_then_environment_then_command_line(
        use: Use, monkeypatch: pytest.MonkeyPatch) -> None:
    use('lang = "en"\n')
    assert "Appendix I" in run("docs")[1]
    assert run("check", "--help")[1].startswith("Usage: dxplan check ")  # said before parsing
    assert run("check", "nowhere.csv")[2] == "Error: nowhere.csv: file not found\n"
    monkeypatch.setenv("DXPLAN_LANG", "vi")
    assert "Phụ lục I" in run("docs")[1]
    assert run("check", "--help")[1].startswith("Cách dùng: dxplan check ")
    assert "Appendix I" in run("docs", "--lang", "en")[1]


def test_a_command_table_sets_the_language_of_that_command(use: Use) -> None:
    use('[validate]\nlang = "en"\n')
    assert run("validate", "--help")[1].startswith("Usage: dxplan validate ")
    assert run("check", "--help")[1].startswith("Cách dùng: dxplan check ")


def test_plan_file_then_environment_then_command_line(
        use: Use, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    use('plan = "plans/from-file.yaml"\n')
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)  # the path is the file's directory's, not the current one
    missing = "không tìm thấy tệp kế hoạch (kiểm tra --plan hoặc $DXPLAN_PLAN)"
    assert run("units") == (2, "", f"Lỗi: {tmp_path}/plans/from-file.yaml: {missing}\n")
    monkeypatch.setenv("DXPLAN_PLAN", "from-env.yaml")
    assert run("units") == (2, "", f"Lỗi: from-env.yaml: {missing}\n")
    assert run("units", "--plan", "given.yaml") == (2, "", f"Lỗi: given.yaml: {missing}\n")


def _tv_log(tmp_path: Path) -> list[str]:
    """A log that misses only an interpreted (warning) rule: exit 0 unless fail-on warning."""
    log = write(tmp_path / "tv.csv", "date,unit,channel\n2024-03-05,dai-ptth-long-an,tv\n")
    return ["check", str(log), "--period", "2024-Q1", "--unit", "dai-ptth-long-an",
            "--task", "2.4", "--format", "json"]


def test_fail_on_from_the_file_its_check_table_and_the_command_line(use: Use,
                                                                    tmp_path: Path) -> None:
    args = _tv_log(tmp_path)
    use('fail-on = "warning"\n')
    assert run(*args)[0] == 1
    assert run(*args, "--fail-on", "error")[0] == 0
    use('fail-on = "warning"\n[check]\nfail-on = "error"\n')
    assert run(*args)[0] == 0
    assert run(*args, "--fail-on", "warning")[0] == 1


def test_validate_takes_strict_and_limits_from_its_table(use: Use, tmp_path: Path) -> None:
    log = write(tmp_path / "w.csv", "ngày,đơn vị,kênh,tiêu đề,màu\n"
                                    "05/03/2024,h-ben-luc,truyền thanh,Bản tin,đỏ\n")
    args = ["validate", str(log), "--unit", "h-ben-luc", "--as-of", "31/12/2024", "-f", "json"]

    def counts() -> tuple[int, int, int]:
        code, out, _ = run(*args)
        severities = [problem["severity"] for problem in json.loads(out)["problems"]]
        return code, severities.count("error"), severities.count("warning")

    assert counts() == (0, 0, 1)  # an unknown column: a warning
    use("strict = true\n")
    assert counts() == (1, 0, 1)
    use("[check]\nmax-problems = 2\n[validate]\nstrict = false\n[validate.limits]\ncolumns = 2\n")
    assert counts() == (1, 1, 0)  # five columns over the limit of two: the header is not found
    assert run(*args, "--limit", "columns=10")[0] == 0  # the command line's limits replace it


# --- dxplan config

def _cells(text: str) -> list[list[str]]:
    """The cells of a table drawn by rich, heading first."""
    return [[c.strip() for c in re.split("[│┃]", line)[1:-1]] for line in text.splitlines()
            if line.startswith(("│", "┃"))]


DEFAULT_LIMITS = [("limits.file-mb", "1024"), ("limits.rows", "10000000"),
                  ("limits.field-chars", "100000"), ("limits.columns", "500"),
                  ("limits.yaml-aliases", "100"), ("limits.yaml-depth", "64"),
                  ("limits.yaml-nodes", "2000000"), ("limits.problems", "100")]


def test_config_table_in_both_languages(use: Use, tmp_path: Path,
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    path = use('lang = "en"\n\n[limits]\nrows = 500\n\n[validate]\nstrict = true\n'
               'submissions-dir = "subs"\n')
    monkeypatch.setenv("COLUMNS", "400")  # no path folded
    code, out, err = run("config")
    assert (code, err) == (0, "")
    assert out.splitlines()[0] == f"Configuration file: {path}"
    assert out.splitlines()[-1] == ("Precedence: command-line options, then environment "
                                    "variables, then the configuration file, then the defaults.")
    everyone = "all commands"
    limits = [[k, everyone, v, "default"] for k, v in DEFAULT_LIMITS]
    limits[1] = ["limits.rows", everyone, "500", f"{path}:4"]
    assert _cells(out) == [
        ["Setting", "Command", "Value", "Source"],
        ["plan", everyone, str(default_plan_path()), "default"],
        ["lang", everyone, "en", f"{path}:1"],
        ["fail-on", everyone, "error", "default"],
        ["require-url", everyone, "false", "default"],
        ["strict", everyone, "false", "default"],
        ["submissions-dir", everyone, "—", "default"],
        ["max-problems", everyone, "10", "default"],
        ["waivers", everyone, "—", "default"],
        *limits,
        ["strict", "validate", "true", f"{path}:7"],
        ["submissions-dir", "validate", str(tmp_path / "subs"), f"{path}:8"],
    ]
    monkeypatch.setenv("DXPLAN_LANG", "vi")
    code, out, _ = run("config")
    rows = _cells(out)
    assert out.splitlines()[0] == f"Tệp cấu hình: {path}"
    assert rows[0] == ["Thiết lập", "Lệnh", "Giá trị", "Nguồn"]
    assert rows[1] == ["plan", "mọi lệnh", str(default_plan_path()), "mặc định"]
    assert rows[2] == ["lang", "mọi lệnh", "vi", "biến môi trường DXPLAN_LANG"]


def test_config_json_and_without_a_file(use: Use, monkeypatch: pytest.MonkeyPatch) -> None:
    path = use('[report]\nfail-on = "warning"\n')
    monkeypatch.setenv("DXPLAN_PLAN", "other.yaml")
    code, out, _ = run("config", "--format", "json")
    data = json.loads(out)
    assert (code, data["schema"], data["file"], data["search"]) == (
        0, "dxplan.config/1", str(path), "explicit")
    assert data["settings"][0] == {"key": "plan", "command": None, "value": "other.yaml",
                                   "source": "environment", "variable": "DXPLAN_PLAN"}
    assert data["settings"][1] == {"key": "lang", "command": None, "value": "vi",
                                   "source": "default"}
    assert data["settings"][-1] == {"key": "fail-on", "command": "report", "value": "warning",
                                    "source": "file", "file": str(path), "line": 2}
    assert len(data["settings"]) == 17  # 8 settings and 8 limits for all, 1 for report
    monkeypatch.setenv("DXPLAN_CONFIG", "")
    code, out, _ = run("config", "--lang", "en")
    assert (code, out.splitlines()[0]) == (
        0, "No configuration file: the DXPLAN_CONFIG environment variable is empty.")
    assert json.loads(run("config", "-f", "json")[1])["file"] is None


def test_the_readme_example_is_a_valid_configuration(tmp_path: Path) -> None:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text[text.index("## Configuration"):]
    example = re.search(r"```toml\n(.*?)```", section, flags=re.DOTALL)
    assert example is not None
    path = write(tmp_path / "dxplan.toml", example[1])
    config = load_config(tmp_path, {"DXPLAN_CONFIG": str(path)})
    assert parameters(config, "report")["fail_on"] == "error"
    assert parameters(config, "check")["fail_on"] == "warning"
    assert parameters(config, "validate")["strict"] is True
    assert parameters(config, "check")["plan"] == str(tmp_path / "data" / "plan.yaml")


def test_a_waivers_file_set_in_the_config_is_applied(use: Use, tmp_path: Path) -> None:
    write(tmp_path / "w.yaml", "waivers:\n  - unit: h-duc-hoa\n    task: \"2.5\"\n"
          "    from: 2024-W10\n    to: 2024-W11\n    reason: Sửa chữa\n    approved_by: Sở\n")
    use('waivers = "w.yaml"\n')  # relative to the config file's directory
    code, out, _ = run("check", str(ROOT / "logs" / "q1.csv"), "--period", "2024-Q1",
                       "--unit", "h-duc-hoa", "--task", "2.5", "--format", "json")
    doc = json.loads(out)
    assert (code, doc["results"][0]["waived"]) == (1, ["2024-W10", "2024-W11"])
    assert doc["provenance"]["waivers"] == [f"{tmp_path / 'w.yaml'}:2"]
