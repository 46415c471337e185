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

DATA = ROOT / "data"
# Provenance does not depend on the log: a small one (its last item, Tuesday 5 March,
# puts the as-of date at Sunday 10 March).
SMALL = ("date,unit,channel,kind,title\n"
         "05/02/2024,h-ben-luc,grassroots-radio,bulletin,Bản tin 1\n"
         "05/03/2024,bao-long-an,newspaper,article,Bài 1\n")


def _digests() -> dict[str, str]:
    return {name: hashlib.sha256((DATA / name).read_bytes()).hexdigest()
            for name in ("plan.yaml", "appendix_i.yaml", "appendix_ii.yaml")}


def _whole(files: dict[str, str]) -> str:
    whole = hashlib.sha256()
    for name, digest in files.items():  # the plan file, then its includes in order
        whole.update(f"{name}\0{digest}\n".encode())
    return whole.hexdigest()


def _log(tmp_path: Path) -> Path:
    path = tmp_path / "log.csv"
    path.write_text(SMALL, encoding="utf-8")
    return path


def run(*args: str) -> str:
    result = CliRunner().invoke(app, list(args))
    assert result.exit_code in (0, 1), result.stderr
    return result.stdout


def test_json_of_check_validate_and_report_names_the_plan_files(tmp_path: Path) -> None:
    log = str(_log(tmp_path))
    files = _digests()
    expected = {"plan": {"id": "long-an-dx-comms-2024", "number": "/KH-UBND",
                         "issued": "Long An, ngày tháng 02 năm 2024", "sha256": _whole(files),
                         "files": files},
                "dxplan": __version__, "as_of": "2024-03-10", "waivers": []}
    check = json.loads(run("check", log, "--format", "json"))["provenance"]
    assert check == expected
    report = json.loads(run("report", log, "-u", "h-ben-luc", "--format", "json"))
    assert report["provenance"] == expected
    validate = json.loads(run("validate", log, "--format", "json", "--as-of", "10/03/2024"))
    assert validate["provenance"] == expected


def test_reports_say_it_in_their_footer_and_properties(tmp_path: Path) -> None:
    log = str(_log(tmp_path))
    short = _whole(_digests())[:12]
    page = run("report", log, "-u", "h-ben-luc", "--period", "2024-Q1")
    assert (f"Lập bằng dxplan {__version__} theo kế hoạch long-an-dx-comms-2024 (SHA-256 "
            f"{short}); tính đến ngày 31/03/2024.") in page
    book = tmp_path / "r.xlsx"
    run("report", log, "-u", "h-ben-luc", "--format", "xlsx", "-o", str(book))
    props = openpyxl.load_workbook(io.BytesIO(book.read_bytes())).properties
    assert props.identifier == f"long-an-dx-comms-2024 sha256:{_whole(_digests())}"
    assert props.version == __version__ and short in props.description
    assert run("--version").splitlines()[1].startswith(f"long-an-dx-comms-2024 {short} (")
