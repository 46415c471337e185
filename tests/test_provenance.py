"""Every output names what judged it: the plan, the SHA-256 of its files, dxplan, as-of."""

from __future__ import annotations

import hashlib
import io
import json
from pathlib import Path

import openpyxl
from typer.testing import CliRunner

from dx_plan import __version__
from dx_plan.cli import app

from .conftest import ROOT

Q1 = str(ROOT / "logs" / "q1.csv")
DATA = ROOT / "data"


def _digests() -> dict[str, str]:
    return {name: hashlib.sha256((DATA / name).read_bytes()).hexdigest()
            for name in ("plan.yaml", "appendix_i.yaml", "appendix_ii.yaml")}


def _whole(files: dict[str, str]) -> str:
    whole = hashlib.sha256()
    for name, digest in files.items():  # the plan file, then its includes in order
        whole.update(f"{name}\0{digest}\n".encode())
    return whole.hexdigest()


def run(*args: str) -> str:
    result = CliRunner().invoke(app, list(args))
    assert result.exit_code in (0, 1), result.stderr
    return result.stdout


def test_json_of_check_validate_and_report_names_the_plan_files() -> None:
    files = _digests()
    expected = {"plan": {"id": "long-an-dx-comms-2024", "number": "/KH-UBND",
                         "issued": "Long An, ngày tháng 02 năm 2024", "sha256": _whole(files),
                         "files": files},
                "dxplan": __version__, "as_of": "2024-03-31", "waivers": []}
    check = json.loads(run("check", Q1, "--format", "json"))["provenance"]
    assert check == expected
    report = json.loads(run("report", Q1, "-u", "h-ben-luc", "--format", "json"))
    assert report["provenance"] == expected
    validate = json.loads(run("validate", Q1, "--format", "json", "--as-of", "31/03/2024"))
    assert validate["provenance"] == expected


def test_reports_say_it_in_their_footer_and_properties(tmp_path: Path) -> None:
    short = _whole(_digests())[:12]
    page = run("report", Q1, "-u", "h-ben-luc", "--period", "2024-Q1")
    assert (f"Lập bằng dxplan {__version__} theo kế hoạch long-an-dx-comms-2024 (SHA-256 "
            f"{short}); tính đến ngày 31/03/2024.") in page
    book = tmp_path / "r.xlsx"
    run("report", Q1, "-u", "h-ben-luc", "--format", "xlsx", "-o", str(book))
    props = openpyxl.load_workbook(io.BytesIO(book.read_bytes())).properties
    assert props.identifier == f"long-an-dx-comms-2024 sha256:{_whole(_digests())}"
    assert props.version == __version__ and short in props.description
    assert run("--version").splitlines()[1].startswith(f"long-an-dx-comms-2024 {short} (")
