"""Hostile inputs for dxplan's readers, CLI and plan loader.

    python tests/data/hostile/make_hostile.py      # (re)write the small committed files

Small cases (each well under 200 KB) are committed next to this script.  Large
cases (a 50 MB field, a ZIP bomb, a huge declared sheet dimension) are never
committed: tests build them into `tmp_path` with the `make_*` functions below.
Everything is deterministic (no randomness, no clock).
"""

from __future__ import annotations

import io
import sys
import unicodedata
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
HEADER = "date,unit,channel,kind,title,url,quantity\n"
GOOD_ROW = "05/02/2024,h-ben-luc,grassroots-radio,bulletin,Bản tin tuần 1,,1\n"
PNG_1X1 = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082")
MARKUP = "[red]x[/red]"
OSC8 = "\x1b]8;;http://evil\x07click\x1b]8;;\x07"
CSI = "\x1b[31m"


def laughs_yaml(levels: int = 12, fan: int = 10) -> str:
    """A YAML 'billion laughs': `fan`**`levels` nodes through aliases, ~1 KB on disk."""
    lines = ['a0: &a0 ["lol"]']
    for i in range(1, levels):
        refs = ", ".join(f"*a{i - 1}" for _ in range(fan))
        lines.append(f"a{i}: &a{i} [{refs}]")
    lines.append(f"entries: *a{levels - 1}")
    return "\n".join(lines) + "\n"


def small_files() -> dict[str, bytes]:
    """name → bytes of every committed hostile file."""
    # Windows-1258 writes tones as combining marks: encode the NFD form.
    cp1258_line = unicodedata.normalize(
        "NFD", "06/02/2024,h-ben-luc,grassroots-radio,bulletin,Bản tin Đà,,1\n")
    files: dict[str, bytes] = {
        "empty.csv": b"",
        "header-only.csv": HEADER.encode(),
        "garbage.csv": bytes((i * 151 + 7) % 256 for i in range(4096)),
        "png-renamed.csv": PNG_1X1,
        "unterminated-quote.csv": (HEADER + GOOD_ROW
                                   + '06/02/2024,h-ben-luc,grassroots-radio,bulletin,"never '
                                   'closed,,1\n07/02/2024,h-ben-luc,grassroots-radio,bulletin,'
                                   'x,,1\n').encode(),
        "nul-bytes.csv": (HEADER + GOOD_ROW).encode() + b"06/02/2024,h-ben-luc,grass\x00roots"
                         b"-radio,bulletin,a\x00b,,1\n",
        "mixed-encoding.csv": (HEADER + GOOD_ROW).encode("utf-8")
                              + cp1258_line.encode("cp1258"),
        "utf16-nobom.csv": (HEADER + GOOD_ROW).encode("utf-16-le"),
        "wide-10000.csv": (HEADER.rstrip("\n") + "\n"
                           + GOOD_ROW.rstrip("\n") + "," * 10_000 + "\n").encode(),
        "laughs.yaml": laughs_yaml().encode(),
        "python-tag.yaml": b"unit: h-ben-luc\nentries:\n  - !!python/object/apply:os.system"
                           b" ['echo pwned']\n  - date: 05/02/2024\n"
                           b"    channel: !!python/object:builtins.object {}\n",
        "deep.yaml": b"entries: " + b"[" * 10_000 + b"]" * 10_000 + b"\n",
        "scalar.yaml": b"just a string\n",
        "wrong-shape.yaml": b"unit: h-ben-luc\nentries:\n  date: 05/02/2024\n  channel: tv\n",
        "markup.csv": (HEADER
                       + f"05/02/2024,h-ben-luc,{MARKUP},bulletin,{MARKUP},,1\n"
                       + f"06/02/2024,h-ben-luc,grassroots-radio,{OSC8}{CSI}k,{OSC8},,1\n"
                       + f"07/02/2024,{CSI}h-ben-luc{OSC8},grassroots-radio,bulletin,{CSI},,1\n"
                       ).encode(),
        "plan-laughs.yaml": laughs_yaml().replace("entries:", "units:").encode(),
        "plan-python-tag.yaml": b"plan: !!python/object/apply:os.system ['echo pwned']\n",
    }
    files.update(issue_14_files())
    return files


def _misspelt(i: int) -> str:
    """The i-th of many distinct misspellings (deterministic, no randomness)."""
    letters = "abcdeghiklmnopqrstuvxy"
    word = ""
    for _ in range(10):
        i, r = divmod(i * 7 + 3, len(letters))
        word += letters[r]
    return word


def issue_14_files() -> dict[str, bytes]:
    """One small file for each input attack of issue 14 (rows 1, 6, 10 and 12).

    Rows 2-5 need files too large to commit: tests build them with `make_*` below.
    """
    header = "date,unit,channel,kind,title,url,docs\n"
    misspelt = header + "".join(
        f"05/02/2024,Huyen {_misspelt(i)},kenh {_misspelt(i + 1)},bulletin,Tin {i},,"
        f"doc {_misspelt(i + 2)}\n" for i in range(2000))
    stray = (HEADER + '05/02/2024,h-ben-luc,grassroots-radio,bulletin,say "hi '
             + "A" * 100_001 + ",,1\n" + "".join(
                 GOOD_ROW.replace("Bản tin tuần 1", f"Bản tin số {i}") for i in range(50)))
    nonchars = (HEADER + "05/02/2024,h-ben-luc,loa\uffff\ufffe\x0b\x1bmoi,bulletin,"
                "a\uffffb,,1\n")  # the unknown channel is quoted back in an error
    urls = (header
            + "05/02/2024,h-ben-luc,website,article,Tin 1,"
              "https://user:secret@benluc.longan.gov.vn/a,\n"
            + "06/02/2024,h-ben-luc,website,article,Tin 2,"
              "https://benluc.longan.gov.vn/\u202egpj.exe,\n")
    return {
        "row01-misspelt-names.csv": misspelt.encode(),
        "row06-stray-quote.csv": stray.encode(),
        "row10-xml-nonchars.csv": nonchars.encode(),
        "row12-credential-urls.csv": urls.encode(),
    }


def write_small(directory: Path = HERE) -> list[Path]:
    """Write the committed files into `directory`; return their paths."""
    out = []
    for name, data in small_files().items():
        path = directory / name
        path.write_bytes(data)
        out.append(path)
    return out


# ------------------------------------------------------------- generated at test time


def make_big_field_csv(path: Path, mb: int = 50) -> Path:
    """A CSV whose one data row has a single `mb`-MiB title field."""
    with open(path, "wb") as fh:
        fh.write(HEADER.encode())
        fh.write(b"05/02/2024,h-ben-luc,grassroots-radio,bulletin,")
        chunk = b"A" * (1 << 20)
        for _ in range(mb):
            fh.write(chunk)
        fh.write(b",,1\n")
        fh.write(GOOD_ROW.encode())
    return path


def make_big_quoted_field_csv(path: Path, mb: int = 50) -> Path:
    """Like make_big_field_csv but the field is quoted and contains newlines."""
    with open(path, "wb") as fh:
        fh.write(HEADER.encode())
        fh.write(b'05/02/2024,h-ben-luc,grassroots-radio,bulletin,"')
        chunk = (b"A" * 1023 + b"\n") * 1024
        for _ in range(mb):
            fh.write(chunk)
        fh.write(b'",,1\n')
        fh.write(GOOD_ROW.encode())
    return path


def _small_xlsx_bytes() -> bytes:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = "Sheet1"
    ws.append(HEADER.strip().split(","))
    ws.append(GOOD_ROW.strip().split(","))
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def _rewrite_zip(src: bytes, path: Path, replace: dict[str, object]) -> Path:
    """Copy the zip `src` to `path`, replacing (or adding) members: bytes, or chunks."""
    with zipfile.ZipFile(io.BytesIO(src)) as zin, \
            zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zout:
        for info in zin.infolist():
            if info.filename in replace:
                new = replace[info.filename]
                if isinstance(new, bytes):
                    zout.writestr(info.filename, new)
                else:
                    with zout.open(info.filename, "w", force_zip64=True) as member:
                        for chunk in new:  # type: ignore[attr-defined]
                            member.write(chunk)
            else:
                zout.writestr(info, zin.read(info.filename))
        for name in replace.keys() - set(zin.namelist()):  # new members
            with zout.open(name, "w", force_zip64=True) as member:
                new = replace[name]
                for chunk in [new] if isinstance(new, bytes) else new:  # type: ignore[attr-defined]
                    member.write(chunk)
    return path


SHEET = "xl/worksheets/sheet1.xml"
_NS = b'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'


def make_huge_dimension_xlsx(path: Path) -> Path:
    """A small valid workbook whose sheet declares <dimension ref="A1:XFD1048576"/>."""
    src = _small_xlsx_bytes()
    with zipfile.ZipFile(io.BytesIO(src)) as z:
        xml = z.read(SHEET)
    import re

    xml, n = re.subn(rb'<dimension ref="[^"]*"\s*/>', b'<dimension ref="A1:XFD1048576"/>', xml)
    if not n:
        xml = xml.replace(b"<sheetData", b'<dimension ref="A1:XFD1048576"/><sheetData', 1)
    return _rewrite_zip(src, path, {SHEET: xml})


def make_far_cells_xlsx(path: Path, rows: int = 5000) -> Path:
    """A header row, then `rows` rows whose only cell is in column XFD (16,384)."""
    src = _small_xlsx_bytes()
    head = (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet ' + _NS
            + b'><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>date</t></is></c>'
            b'<c r="B1" t="inlineStr"><is><t>unit</t></is></c>'
            b'<c r="C1" t="inlineStr"><is><t>channel</t></is></c></row>')
    body = b"".join(b'<row r="%d"><c r="XFD%d" t="inlineStr"><is><t>x</t></is></c></row>'
                    % (r, r) for r in range(2, rows + 2))
    return _rewrite_zip(src, path, {SHEET: head + body + b"</sheetData></worksheet>"})


def make_zip_bomb_xlsx(path: Path, mb: int = 400) -> Path:
    """A workbook whose sheet XML inflates to ~`mb` MiB (a few hundred KB on disk)."""
    src = _small_xlsx_bytes()

    def chunks():  # type: ignore[no-untyped-def]
        yield (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet '
               + _NS + b'><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>')
        block = b"A" * (1 << 20)
        for _ in range(mb):
            yield block
        yield b"</t></is></c></row></sheetData></worksheet>"

    return _rewrite_zip(src, path, {SHEET: chunks()})


def make_shared_strings_bomb_xlsx(path: Path, mb: int = 85) -> Path:
    """A workbook whose sharedStrings.xml inflates to ~`mb` MiB, under the total limit."""
    src = _small_xlsx_bytes()

    def chunks():  # type: ignore[no-untyped-def]
        yield (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst ' + _NS
               + b' count="1" uniqueCount="1"><si><t>')
        block = b"A" * (1 << 20)
        for _ in range(mb):
            yield block
        yield b"</t></si></sst>"

    return _rewrite_zip(src, path, {"xl/sharedStrings.xml": chunks()})


def make_long_yaml(path: Path, rows: int = 300_000) -> Path:
    """A YAML list of `rows` flow mappings (16 MB for 300,000): many nodes, shallow."""
    with path.open("w", encoding="utf-8") as fh:
        for _ in range(rows):
            fh.write("- {date: 05/03/2024, unit: h-ben-luc, channel: zalo}\n")
    return path


def make_zip_bomb_rows_xlsx(path: Path, rows: int = 3_000_000) -> Path:
    """A workbook with millions of tiny empty rows (compresses to almost nothing)."""
    src = _small_xlsx_bytes()

    def chunks():  # type: ignore[no-untyped-def]
        yield (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet '
               + _NS + b"><sheetData>")
        step = 10_000
        for start in range(1, rows + 1, step):
            yield b"".join(b'<row r="%d"/>' % r for r in range(start, min(start + step, rows + 1)))
        yield b"</sheetData></worksheet>"

    return _rewrite_zip(src, path, {SHEET: chunks()})


def _cell_xml(text: bytes, column: str = "E") -> bytes:
    return b'<c r="%s2" t="inlineStr"><is><t>%s</t></is></c>' % (column.encode(), text)


def make_huge_cell_xlsx(path: Path, mb: int = 90, runs: int = 1) -> Path:
    """A valid header and one row whose title cell holds `mb` MiB of barely
    compressible text (so no zip-bomb ratio catches it), split into `runs` rich-text
    runs of one shared string when `runs` > 1."""
    src = _small_xlsx_bytes()
    import random

    letters = bytes(b"abcdefghijklmnopqrstuvwxyz0123456789"[i % 36] for i in range(256))
    block = random.Random(7).randbytes(1 << 20).translate(letters)
    head = (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet ' + _NS
            + b'><sheetData><row r="1">' + b"".join(
                b'<c r="%s1" t="inlineStr"><is><t>%s</t></is></c>' % (col, name)
                for col, name in zip((b"A", b"B", b"C", b"D", b"E"),
                                     (b"date", b"unit", b"channel", b"kind", b"title"),
                                     strict=True))
            + b'</row><row r="2">' + _cell_xml(b"05/02/2024", "A") + _cell_xml(b"h-ben-luc", "B")
            + _cell_xml(b"zalo", "C") + _cell_xml(b"post", "D"))
    if runs == 1:
        def sheet():  # type: ignore[no-untyped-def]
            yield head + b'<c r="E2" t="inlineStr"><is><t>'
            for _ in range(mb):
                yield block
            yield b"</t></is></c></row></sheetData></worksheet>"
        return _rewrite_zip(src, path, {SHEET: sheet()})
    per = (mb << 20) // runs

    def strings():  # type: ignore[no-untyped-def]
        yield (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst ' + _NS
               + b' count="1" uniqueCount="1"><si>')
        for i in range(runs):
            yield b"<r><t>" + block[(i * 17) % 1024:][:per] + b"</t></r>"
        yield b"</si></sst>"
    sheet_xml = head + b'<c r="E2" t="s"><v>0</v></c></row></sheetData></worksheet>'
    return _rewrite_zip(src, path, {SHEET: sheet_xml, "xl/sharedStrings.xml": strings()})


if __name__ == "__main__":
    for p in write_small(Path(sys.argv[1]) if len(sys.argv) > 1 else HERE):
        print(p, p.stat().st_size)
