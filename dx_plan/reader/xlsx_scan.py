"""A streaming look at a workbook's cells before openpyxl builds them.

openpyxl holds each cell's text whole, several times over while parsing: one
90-million-character cell cost a gigabyte.  This pass streams the worksheets and
the shared-string table in blocks of `max_bytes` and requires, between the first
cell and the end of the cells, a cell, row or shared-string start (`<c`, `<row`,
`<si`) in every block.  A block without one lies inside a single cell, which is
then larger than `max_bytes`, however many rich-text runs it is split into, and
the file fails naming the row.  A cell up to `max_bytes` always passes; one over
twice that never does.  The cap is well above the per-cell limit (`field-chars`),
which still rejects single rows after openpyxl has read them: this pass only
keeps memory bounded, with two C-level searches a block.
"""

from __future__ import annotations

import re
import zipfile

from ..i18n import msg
from .problems import FileFailed

START = re.compile(rb"<(?:\w+:)?(?:c|si|row)[\s>/]")
END = re.compile(rb"</(?:\w+:)?(?:sheetData|sst)>")
ROW = re.compile(rb'<(?:\w+:)?row\s[^>]{0,200}?\br="(\d{1,7})"')
OVERLAP = 64  # bytes carried between blocks so that a start cut in two is still found


def scan_cells(archive: zipfile.ZipFile, max_bytes: int) -> None:
    """FileFailed if a cell or shared string in `archive` is larger than `max_bytes`.

    Every XML part over the cap is scanned, wherever it lies (openpyxl finds sheets
    through the workbook's relationships, not by their names); a part with no cell in
    it passes.
    """
    for info in archive.infolist():
        if info.file_size > max_bytes and info.filename.endswith(".xml"):
            _scan_part(archive, info, max_bytes)


def _scan_part(archive: zipfile.ZipFile, info: zipfile.ZipInfo, max_bytes: int) -> None:
    """Stream one part in blocks; fail at a block inside the cells with no start."""
    started = False
    row: int | None = None
    tail = b""
    with archive.open(info) as member:
        while block := member.read(max_bytes):
            data = tail + block
            if b"<!--" in data or b"<![CDATA[" in data:
                # Excel writes neither; inside them a '<c' would fool the count.
                raise FileFailed("bad-file", msg("reader.xlsx.comments"),
                                 hint=msg("reader.hint.resave"))
            ended = (b"</" in data and (b"sheetData>" in data or b"sst>" in data)
                     and END.search(data) is not None)
            if START.search(data) is not None:
                started = True
            elif started and not ended:
                _too_long(info.filename, row, max_bytes)
            if ended:
                return  # the cells have ended: what follows is layout, not text
            row = _last_row(data) or row
            tail = data[-OVERLAP:]


def _last_row(data: bytes) -> int | None:
    at = data.rfind(b"row ")  # '<row ' or a prefixed '<x:row '
    while at > 0 and data[at - 1:at] not in (b"<", b":"):
        at = data.rfind(b"row ", 0, at)
    start = data.rfind(b"<", 0, at) if at > 0 else -1
    match = ROW.match(data, start) if start >= 0 else None
    return int(match.group(1)) if match else None


def _too_long(part: str, row: int | None, max_bytes: int) -> None:
    shared = part == "xl/sharedStrings.xml"
    key = "reader.xlsx.shared_too_large" if shared else "reader.xlsx.cell_too_large"
    raise FileFailed("field-too-large", msg(key, limit=max_bytes),
                     line=None if shared else row, hint=msg("reader.hint.shorten_or_csv"))
