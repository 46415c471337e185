"""Every shell example in README.md runs, with the exit code and a line of output it
promises.  An example added, changed or removed in the README must be mirrored in
EXPECTED below, so the README cannot drift from what dxplan does.

The examples run with the installed `dxplan` in a scratch copy of the repository's
logs/ and submissions/; `my-plan/` is made as the README says (a copy of data/ whose
plan.yaml is the README's YAML example), with a 2025 log of one bulletin a week.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import ROOT

pytestmark = pytest.mark.slow

README = ROOT / "README.md"
# command as written in README.md → (exit code, text its stdout or stderr must hold)
EXPECTED = {
    "dxplan check logs/q1.csv": (1, "Tính đến ngày 31/03/2024, 38 đơn vị: 20 đạt, 14 chưa đạt"),
    "dxplan check logs/q1.csv --period 2024-Q1": (1, "2.5 (2/17 xã chưa đạt)"),
    "dxplan check logs/q1.csv --period 2024-Q1 --detail": (1, "đơn vị cấp xã đạt"),
    "dxplan check submissions/h-ben-luc/*.csv submissions/so-tttt/*.yaml --period 2024-Q1":
        (1, "Huyện Bến Lức"),
    "dxplan check logs/q1.csv --from 01/02/2024 --to 15/03/2024 --as-of 15/03/2024":
        (1, "15/03/2024"),
    "dxplan check logs/q1.csv --group districts --task 2.5 --only-failing":
        (1, "Huyện Cần Đước"),
    "dxplan check logs/q1.csv --format json --output q1.json": (1, ""),
    "dxplan check logs/q1.csv --report csv=q1.csv --report markdown=q1.md":
        (1, "Đã ghi báo cáo markdown: q1.md"),
    "dxplan check logs/q1.csv --sort compliance --only-failing":
        (1, "Đơn vị theo tỷ lệ kỳ đạt, thấp nhất trước"),
    "dxplan validate submissions/h-ben-luc/*.csv --unit h-ben-luc": (0, ""),
    "dxplan validate --submissions-dir submissions/ --format junit --output validate.xml":
        (1, ""),
    "dxplan validate --submissions-dir submissions/ --format github "
    "--report junit=dxplan-junit.xml --report sarif=dxplan.sarif":
        (1, "::error file=submissions/h-duc-hue/2024-q1.csv,line=16,title=foreign-unit::"),
    "dxplan report logs/q1.csv --unit h-duc-hoa --period 2024-Q1": (1, "# Báo cáo"),
    "dxplan report logs/q1.csv --all --period 2024-Q1 --format html --out-dir reports/":
        (1, "39"),
    "dxplan report logs/q1.csv --group districts --format xlsx -o districts.xlsx": (1, ""),
    "dxplan template --unit h-ben-luc -o mau-ben-luc.xlsx":
        (0, "Đã ghi mẫu nhật ký: mau-ben-luc.xlsx"),
    "dxplan template --format csv -o mau.csv": (0, "Đã ghi mẫu nhật ký: mau.csv"),
    "dxplan fix logs/q1-broken.csv -o q1-fixed.csv":
        (1, "20 dòng, 10 dòng đã sửa, 10 dòng không sửa được (lỗi: bad-date 3,"),
    "dxplan fix logs/q1.xlsx -o q1-fixed.yaml":
        (0, "2704 dòng, 2395 dòng đã sửa, không có dòng nào không sửa được"),
    "dxplan plan validate my-plan/plan.yaml": (0, "1 chỉ tiêu"),
    "DXPLAN_PLAN=my-plan/plan.yaml dxplan check logs/2025.csv": (0, "Huyện Bến Lức"),
    "dxplan config": (0, "max-problems"),
    "dxplan config --format json": (0, '"schema": "dxplan.config/1"'),
}
OUTPUTS = {"--output q1.json": "q1.json", "--report csv=q1.csv": "q1.csv",
           "--output validate.xml": "validate.xml",
           "--out-dir reports/": "reports/index.html", "-o districts.xlsx": "districts.xlsx",
           "-o mau-ben-luc.xlsx": "mau-ben-luc.xlsx", "-o mau.csv": "mau.csv",
           "-o q1-fixed.csv": "q1-fixed.csv", "-o q1-fixed.yaml": "q1-fixed.yaml",
           "--report junit=dxplan-junit.xml": "dxplan-junit.xml",
           "--report sarif=dxplan.sarif": "dxplan.sarif"}


def readme_commands() -> list[str]:
    """The dxplan commands of README.md's ```sh blocks, comments dropped."""
    text = README.read_text(encoding="utf-8")
    commands = []
    for block in re.findall(r"```sh\n(.*?)```", text, flags=re.DOTALL):
        for line in block.splitlines():
            line = re.sub(r"\s+#.*$", "", line).strip()
            line = line.split("&&")[-1].strip()
            if line.startswith(("dxplan ", "DXPLAN_PLAN=")):
                commands.append(line)
    return commands


def test_every_example_is_expected() -> None:
    assert sorted(readme_commands()) == sorted(EXPECTED)


def _my_plan(tmp: Path) -> None:
    shutil.copytree(ROOT / "data", tmp / "my-plan")
    text = README.read_text(encoding="utf-8")
    section = text[text.index("### A plan for 2025"):]
    example = re.search(r"```yaml\n(.*?)```", section, flags=re.DOTALL)
    assert example is not None
    (tmp / "my-plan" / "plan.yaml").write_text(example[1], encoding="utf-8")
    day = dt.date(2025, 1, 1)
    rows = []
    while day.year == 2025:
        rows.append(f"{day:%d/%m/%Y},UBND huyện Bến Lức,truyền thanh,Bản tin {day:%d/%m}")
        day += dt.timedelta(days=7)
    (tmp / "logs" / "2025.csv").write_text("Ngày,Đơn vị,Kênh,Tiêu đề\n" + "\n".join(rows)
                                            + "\n", encoding="utf-8")


@pytest.fixture(scope="module")
def scratch(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tmp = tmp_path_factory.mktemp("readme")
    shutil.copytree(ROOT / "logs", tmp / "logs")
    shutil.copytree(ROOT / "submissions", tmp / "submissions")
    _my_plan(tmp)
    return tmp


@pytest.mark.parametrize("command", sorted(EXPECTED))
def test_readme_example(scratch: Path, command: str) -> None:
    code, words = EXPECTED[command]
    bindir = str(Path(sys.executable).parent)
    env = {**os.environ, "PATH": bindir + os.pathsep + os.environ.get("PATH", ""),
           "COLUMNS": "160", "NO_COLOR": "1"}
    env.pop("DXPLAN_LANG", None)
    proc = subprocess.run(["bash", "-c", command], cwd=scratch, env=env, capture_output=True,
                          text=True, timeout=300)
    assert proc.returncode == code, (proc.stdout[-1500:], proc.stderr[-1500:])
    assert "Traceback" not in proc.stderr
    assert words in proc.stdout + proc.stderr, (proc.stdout[-1500:], proc.stderr[-1500:])
    for option, output in OUTPUTS.items():
        if option in command:
            assert (scratch / output).stat().st_size > 0
