"""Write the reader's test fixtures (tiny logs in every supported format and encoding).

    python tests/data/logs/make_fixtures.py

Text fixtures are written from this script too, so that encodings (BOM, UTF-16,
Windows-1258 with combining tone marks) and binary files are exact and
reproducible.  Everything is deterministic; the outputs are committed and
tests/test_reader.py checks that they are current.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import sys
import unicodedata
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent

# Marks Windows-1258 writes as separate combining characters (tones); the others
# (circumflex, breve, horn) stay in precomposed letters such as ê, ă, ơ, ư.
_TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}
PNG_1X1 = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082")


def to_cp1258(text: str) -> bytes:
    """Encode like a legacy Vietnamese Windows program: base letter + tone mark."""
    out = []
    for ch in unicodedata.normalize("NFC", text):
        try:
            out.append(ch.encode("cp1258"))
            continue
        except UnicodeEncodeError:
            pass
        parts = unicodedata.normalize("NFD", ch)
        base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in _TONES))
        tones = "".join(c for c in parts if c in _TONES)
        out.append((base + tones).encode("cp1258"))
    return b"".join(out)


def lines(*rows: str) -> str:
    return "".join(row + "\n" for row in rows)


UTF8 = lines(
    "date,unit,channel,kind,title,url,docs,task,quantity,notes",
    "05/03/2024,h-ben-luc,grassroots-radio,bulletin,Bản tin chuyển đổi số tuần 10,,"
    "749/QĐ-TTg,2.5,1,",
    "2024-03-06,UBND huyện Bến Lức,unit-portal,article,Người dân dùng dịch vụ công trực tuyến,"
    "https://benluc.longan.gov.vn/tin/1,,3.3,,",
    '7/3/2024,Báo Long An,newspaper,article,"Chuyển đổi số, bắt đầu từ người dân",'
    "https://baolongan.vn/cds-1.html,QD-749-TTg-2020; 06/QĐ-TTg,2.2.,,số đặc biệt",
    "08.03.2024,so-tttt,led-screen,slide,Màn hình LED tại Sở,,,,3,",
)

UTF8_BOM = lines(
    "Ngày;Đơn vị;Kênh;Loại;Tiêu đề;Đường dẫn;Số lượng",
    "12/04/2024;H. Cần Đước;trang TTĐT;tin;Cần Đước triển khai nền tảng số;"
    "https://canduoc.longan.gov.vn/a;1",
    "13/04/2024;h-can-duoc;truyền thanh;bản tin;Bản tin tuần 15;;2",
)

UTF16 = lines(
    "date\tunit\tchannel\ttitle",
    "15/05/2024\th-ben-luc\tLED\tLịch tiếp dân",
)

UTF16_NOBOM = lines(
    "date,unit,channel,title",
    "16/05/2024,Bến Lức,zalo,Tin nhắn Zalo về dịch vụ công",
)

CP1258 = lines(
    "Ngày,Đơn vị,Kênh,Tiêu đề",
    "20/06/2024,UBND huyện Bến Lức,truyền thanh cơ sở,Bản tin số tháng Sáu",
)

TITLE_ROW = lines(
    '"BÁO CÁO KẾT QUẢ TUYÊN TRUYỀN CHUYỂN ĐỔI SỐ, QUÝ I/2024",,,,',
    "Đơn vị: UBND huyện Cần Đước,,,,",
    ",,,,",
    "STT,Ngày thực hiện,Đơn vị thực hiện,Hình thức,Nội dung",
    "1,01/03/2024,h-can-duoc,Hội nghị,Hội nghị quán triệt Kế hoạch",
)

VIETNAMESE_HEADERS = lines(
    "STT,Ngày đăng,Cơ quan,Kênh tuyên truyền,Thể loại,Tên tin bài,Liên kết,"
    "Văn bản tuyên truyền,STT nhiệm vụ,SL,Ghi chú,Người nhập",
    "1,02/04/2024,Sở TT&TT,Trang CĐS,tin,Hướng dẫn cài VNeID,"
    "https://chuyendoiso.longan.gov.vn/tin/2,KH-800-UBND-2022,3.2,1,,Nguyễn Văn A",
)

LOG_YAML = """\
- date: 2024-07-01
  unit: h-ben-luc
  channel: grassroots-radio
  kind: bulletin
  title: Bản tin tháng 7
- ngày: 02/07/2024
  đơn vị: Báo Long An
  kênh: báo điện tử
  tiêu đề: Chuyển đổi số ở Long An
  url: https://baolongan.vn/a.html
  văn bản: [749/QĐ-TTg, 06/QĐ-TTg]
  số lượng: 2
"""

UNIT_LOG_YAML = """\
unit: UBND huyện Cần Đước
entries:
  - date: 2024-08-05
    channel: zalo
    title: Zalo tuần 32
  - date: 2024-08-06
    unit: x-tan-chanh--h-can-duoc
    channel: truyền thanh
    title: Bản tin xã Tân Chánh
"""

# Every row-level problem code, one per line (see tests/test_reader.py for the
# expected problem on each line).
PROBLEMS = lines(
    "date,unit,channel,kind,title,url,docs,task,quantity,end_date,notes",   # 1
    "05/03/2024,h-ben-luc,grassroots-radio,bulletin,OK row,,,,,,",          # 2 entry
    ",h-ben-luc,grassroots-radio,,missing date,,,,,,",                      # 3
    "05/03/2024,Ben Lu,grassroots-radio,,unknown unit,,,,,,",               # 4
    "05/03/2024,Phường 1,grassroots-radio,,ambiguous,,,,,,",                # 5
    "05/03/2024,h-ben-luc,loa phat thanhh,,unknown channel,,,,,,",           # 6
    "31/02/2024,h-ben-luc,grassroots-radio,,no such day,,,,,,",             # 7
    "04/13/2024,h-ben-luc,grassroots-radio,,month first,,,,,,",             # 8
    "03/2024,h-ben-luc,grassroots-radio,,month only,,,,,,",                 # 9
    "05/03/2024,h-ben-luc,grassroots-radio,,end bad,,,,,xx/yy,",            # 10
    "05/03/2024,h-ben-luc,grassroots-radio,,end before,,,,,01/03/2024,",    # 11
    "05/03/2024,h-ben-luc,grassroots-radio,,qty zero,,,,0,,",               # 12
    "05/03/2024,h-ben-luc,grassroots-radio,,qty frac,,,,2.5,,",             # 13
    "05/03/2024,h-ben-luc,grassroots-radio,,qty big,,,,2000000,,",          # 14
    "15/01/2024,h-ben-luc,grassroots-radio,,before plan,,,,,,",             # 15
    "06/03/2024,h-ben-luc,grassroots-radio,radio drama,unknown kind,,,,,,",  # 16 entry
    "07/03/2024,h-ben-luc,grassroots-radio,,unknown doc,,999/QĐ-XYZ; 749/QĐ-TTg,,,,",  # 17
    "08/03/2024,h-ben-luc,grassroots-radio,,unknown task,,,9.9,,,",         # 18 entry
    "05/03/2024,H. Bến Lức,truyền thanh,,OK ROW!,,,,,,",                    # 19 duplicate
    "09/03/2024,h-ben-luc,grassroots-radio,,range,,,,,2025-01-10,",         # 20 entry
    "",                                                                     # 21 blank
    ",,,,,,,,,,",                                                           # 22 blank
    "10/03/2024,h-ben-luc,grassroots-radio,,too wide,,,,,,,,x",             # 23 13 cells
    "11/03/2024,h-ben-luc,grassroots-radio,,extra cell,,,,,,,surplus",      # 24 entry
    "28/12/2024,h-ben-luc,grassroots-radio,,future,,,,,,",                  # 25 entry
    "32/13/2024,Nowhere,nothing,,all bad,,,,-1,,",                          # 26
    "12/03/2024,h-ben-luc,grassroots-radio,,1.000 items,,,,1.000,,",        # 27
)

BROKEN = lines(
    "date,unit,channel,title",
    "05/03/2024,h-ben-luc,grassroots-radio,ok",                              # 2 entry
    '05/03/2024,h-ben-luc,grassroots-radio,"quoted"trailing',               # 3 bad-row
    '06/03/2024,h-ben-luc,grassroots-radio,"multi',                          # 4 entry
    'line title"',                                                           # 5
    "07/03/2024,h-ben-luc,grassroots-radio," + "A" * 200,                    # 6 too large
    '08/03/2024,h-ben-luc,grassroots-radio,"' + "B" * 60,                    # 7 too large
    "B" * 60,                                                                # 8 (skipped)
    'B" and the rest of the record,x',                                       # 9 (skipped)
    "09/03/2024,h-ben-luc,grassroots-radio,after",                           # 10 entry
    '10/03/2024,h-ben-luc,grassroots-radio,"never closed',                   # 11 bad-row
    "11/03/2024,h-ben-luc,grassroots-radio,lost",                            # 12
)

DUP_A = lines(
    "date,unit,channel,title,url",
    "05/03/2024,h-ben-luc,unit-portal,A,https://benluc.longan.gov.vn/1",     # 2 entry
    "05/03/2024,h-ben-luc,unit-portal,A again,https://benluc.longan.gov.vn/1",  # 3 dup of 2
    "05/03/2024,h-ben-luc,unit-portal,A,https://benluc.longan.gov.vn/2",     # 4 entry
    "05/03/2024,h-ben-luc,grassroots-radio,,",                               # 5 entry
    "05/03/2024,h-ben-luc,grassroots-radio,,",                               # 6 entry (no key)
    "05/03/2024,h-ben-luc,grassroots-radio,Bản tin Sáng,",                   # 7 entry
    "05/03/2024,h-ben-luc,grassroots-radio,ban tin  sang!,",                 # 8 dup of 7
    "05/03/2024,h-ben-luc,led-screen,Bản tin Sáng,",                         # 9 entry
)

DUP_B = lines(
    "date,unit,channel,title,url",
    "2024-03-05,Huyện Bến Lức,trang TTĐT,different title,https://benluc.longan.gov.vn/1",
    "2024-03-06,Huyện Bến Lức,trang TTĐT,different title,https://benluc.longan.gov.vn/1",
)

EVIDENCE = lines(
    "date,unit,channel,title,url,task",
    "05/03/2024,h-ben-luc,unit-portal,ok,https://benluc.longan.gov.vn/a,3.3",             # 2
    "05/03/2024,h-ben-luc,unit-portal,wrong task,https://benluc.longan.gov.vn/b,2.2",     # 3
    "05/03/2024,h-ben-luc,unit-portal,js,javascript:alert(1),3.3",                        # 4
    "05/03/2024,h-ben-luc,unit-portal,foreign,https://evil.example.com/x,3.3",            # 5
    "05/03/2024,h-ben-luc,newspaper,press,https://baolongan.vn/x,2.6",                    # 6
    "05/03/2024,h-ben-luc,unit-portal,no url,,3.3",                                       # 7
    "05/03/2024,h-ben-luc,social,fb,https://facebook.com/x,3.5",                          # 8
    "05/03/2024,x-tan-chanh--h-can-duoc,unit-portal,commune,"
    "https://www.canduoc.longan.gov.vn/x,3.5",                                            # 9
    "05/03/2024,h-tan-tru,unit-portal,no domains,https://tantru.example/x,3.3",           # 10
    "05/03/2024,h-ben-luc,grassroots-radio,radio,,2.5",                                   # 11
    "05/03/2024,x-tan-chanh--h-can-duoc,grassroots-radio,commune radio,,2.5",             # 12
    "05/03/2024,h-ben-luc,unit-portal,sub,https://sub.benluc.longan.gov.vn/c,IV.1",       # 13
)

OWNED = lines(
    "date,unit,channel,title",
    "05/03/2024,h-can-duoc,zalo,own",
    "05/03/2024,x-tan-chanh--h-can-duoc,zalo,commune",
    "05/03/2024,h-ben-luc,zalo,other",
)


def excel_serial(day: dt.date) -> int:
    return (day - dt.date(1899, 12, 30)).days


def log_xlsx() -> bytes:
    """A workbook as a unit would send it: a title row, a header, dates of every kind."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = "Nhật ký"
    sheet.append(["BÁO CÁO KẾT QUẢ TUYÊN TRUYỀN THÁNG 9/2024"])
    sheet.append(["Ngày", "Đơn vị", "Kênh", "Loại", "Tiêu đề", "Số lượng", "Ghi chú"])
    sheet.append([dt.datetime(2024, 9, 2, 8, 30), "h-ben-luc", "truyền thanh", "bản tin",
                  "Bản tin tuần 36", 2.0, None])
    sheet.append([excel_serial(dt.date(2024, 9, 3)), "Bến Lức", "LED", None,
                  "Lịch tiếp công dân", 1, "serial date"])
    sheet.append(["04/09/2024", "h-ben-luc", "Zalo", "tin", 2024, None, None])
    sheet.append([dt.date(2024, 9, 5), "h-ben-luc", "truyền thanh", None, "Bản tin ngắn", 1.5,
                  None])
    sheet.append([])
    sheet.append([None, None, None])
    other = book.create_sheet("Tháng 10")
    other.append(["date", "unit", "channel", "title"])
    other.append([dt.date(2024, 10, 1), "so-tttt", "dx-portal", "Tin tháng 10"])
    buf = io.BytesIO()
    book.save(buf)
    return _stable_zip(buf.getvalue())


def _stable_zip(data: bytes) -> bytes:
    """The same workbook with fixed timestamps (zip members and document properties).

    openpyxl stamps the save time into docProps/core.xml; pinning it keeps the
    committed bytes identical from one run of this script to the next.
    """
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            body = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                body = re.sub(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*",
                              rb"\g<1>2024-01-01T00:00:00Z", body)
            fixed = zipfile.ZipInfo(info.filename, date_time=(2024, 1, 1, 0, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            dst.writestr(fixed, body)
    return out.getvalue()


def fixtures() -> dict[str, bytes]:
    """name → bytes of every fixture."""
    return {
        "utf8.csv": UTF8.encode("utf-8"),
        "utf8-bom.csv": UTF8_BOM.encode("utf-8-sig"),
        "utf16.txt": UTF16.encode("utf-16"),  # with BOM (little-endian)
        "utf16-nobom.csv": UTF16_NOBOM.encode("utf-16-le"),
        "cp1258.csv": to_cp1258(CP1258),
        "title-row.csv": TITLE_ROW.encode("utf-8"),
        "vietnamese-headers.csv": VIETNAMESE_HEADERS.encode("utf-8"),
        "log.yaml": LOG_YAML.encode("utf-8"),
        "unit-log.yaml": UNIT_LOG_YAML.encode("utf-8"),
        "log.xlsx": log_xlsx(),
        "problems.csv": PROBLEMS.encode("utf-8"),
        "broken.csv": BROKEN.encode("utf-8"),
        "dup-a.csv": DUP_A.encode("utf-8"),
        "dup-b.csv": DUP_B.encode("utf-8"),
        "evidence.csv": EVIDENCE.encode("utf-8"),
        "owned.csv": OWNED.encode("utf-8"),
        "no-channel.csv": lines("Báo cáo tháng 3", "ngày,đơn vị,nội dung",
                                "05/03/2024,h-ben-luc,xyz").encode("utf-8"),
        "no-header.csv": lines("a,b,c", "1,2,3").encode("utf-8"),
        "empty.csv": b"",
        "blank.csv": b"\n  \n,,\n",
        "header-only.csv": lines("date,unit,channel").encode("utf-8"),
        "png.csv": PNG_1X1,
        "control.csv": bytes(range(1, 9)) * 64,
        "workbook.csv": log_xlsx()[:2048],
        "not-a-zip.xlsx": b"date,unit,channel\n",
        "scalar.yaml": b"just a string\n",
        "wrong-shape.yaml": b"unit: h-ben-luc\nentries:\n  date: 05/02/2024\n",
        "dup-key.yaml": b"- date: 05/03/2024\n  unit: h-ben-luc\n  unit: h-can-duoc\n"
                        b"  channel: zalo\n",
        "bad-items.yaml": b"- date: 05/03/2024\n  unit: h-ben-luc\n  channel: zalo\n"
                          b"  title: ok\n- just text\n- date: 06/03/2024\n  unit: h-ben-luc\n"
                          b"  channel: zalo\n  title: [a, b]\n",
        "bad-timestamp.yaml": b"- date: 2024-02-30\n  unit: h-ben-luc\n  channel: zalo\n",
        "empty-list.yaml": b"[]\n",
    }


def write(directory: Path = HERE) -> list[Path]:
    """Write every fixture into `directory`; return their paths."""
    paths = []
    for name, data in fixtures().items():
        path = directory / name
        path.write_bytes(data)
        paths.append(path)
    return paths


if __name__ == "__main__":
    for p in write(Path(sys.argv[1]) if len(sys.argv) > 1 else HERE):
        print(f"{p.name:24} {p.stat().st_size:6} bytes")
