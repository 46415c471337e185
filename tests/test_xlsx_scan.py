"""The workbook pre-scan (reader/xlsx_scan.py) bounds a cell's size and nothing else."""

from __future__ import annotations

import io
import zipfile

import pytest

from dx_plan.reader.problems import FileFailed
from dx_plan.reader.xlsx_scan import scan_cells

HEAD = (b'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.'
        b'openxmlformats.org/spreadsheetml/2006/main"><sheetData>')
TAIL = b"</sheetData><mergeCells/></worksheet>"


def book(sheet: bytes, name: str = "xl/worksheets/sheet1.xml") -> zipfile.ZipFile:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr(name, sheet)
    return zipfile.ZipFile(io.BytesIO(buf.getvalue()))


def rows(n: int, text: bytes) -> bytes:
    return b"".join(b'<row r="%d"><c r="A%d" t="inlineStr"><is><t>%s</t></is></c></row>'
                    % (i, i, text) for i in range(1, n + 1))


def test_cells_under_the_cap_pass_whatever_the_block_size() -> None:
    # Each cell spans ~150 bytes; whichever block boundary falls inside the last cell,
    # the closing tags end the cells and nothing fails.
    archive = book(HEAD + rows(200, b"x" * 100) + TAIL)
    for cap in range(300, 4000, 37):
        scan_cells(archive, cap)


def test_a_cell_over_twice_the_cap_fails_naming_its_row() -> None:
    archive = book(HEAD + rows(5, b"y") + rows(1, b"z" * 5000).replace(b'r="1"', b'r="6"')
                   .replace(b'"A1"', b'"A6"') + TAIL)
    with pytest.raises(FileFailed) as failed:
        scan_cells(archive, 2000)
    assert (failed.value.code, failed.value.line) == ("field-too-large", 6)


def test_a_sheet_anywhere_in_the_package_is_scanned() -> None:
    archive = book(HEAD + rows(1, b"z" * 5000) + TAIL, name="xl/data/s1.xml")
    with pytest.raises(FileFailed):
        scan_cells(archive, 2000)


def test_comments_cannot_hide_a_huge_cell() -> None:
    fake = b"z" * 1500 + b"<!--<c>-->" + b"z" * 1500
    with pytest.raises(FileFailed) as failed:
        scan_cells(book(HEAD + rows(1, fake) + TAIL), 2000)
    assert failed.value.code == "bad-file"


def test_a_prefixed_row_is_named() -> None:
    sheet = (HEAD.replace(b"<sheetData>", b"<x:sheetData>") + b'<x:row r="7"><x:c r="A7" '
             b't="inlineStr"><x:is><x:t>' + b"z" * 5000 + b"</x:t></x:is></x:c></x:row>"
             + b"</x:sheetData></worksheet>")
    with pytest.raises(FileFailed) as failed:
        scan_cells(book(sheet), 2000)
    assert failed.value.line == 7
