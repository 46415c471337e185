"""Write dxplan's sample data: a realistic 2024-Q1 activity log and its companions.

    python scripts/make_samples.py            # (re)write every output below
    python scripts/make_samples.py --check    # exit 1 if a committed CSV/YAML output is stale

Outputs (paths relative to the repository root):

    logs/q1.csv                      the log, UTF-8 with BOM, CRLF, as Excel's "CSV UTF-8"
    logs/q1.xlsx                     the same rows in a workbook (sheet "Nhật ký Q1")
    logs/q1-broken.csv               one row of each kind of error, plus good rows
    submissions/h-ben-luc/2024-q1.csv    clean, 30 rows (the district and two communes)
    submissions/h-duc-hue/2024-q1.csv    clean except one row naming h-ben-luc
    submissions/so-tttt/2024-q1.yaml     a YAML log {unit, entries} with 10 clean entries
    submissions/h-can-duoc/2024-q1.csv   a 1×1 PNG image renamed to .csv (a broken file)

Everything comes from one `random.Random(2024)` and the plan (`data/plan.yaml`); there
is no wall-clock input, so two runs write the same bytes.  The workbook's zip entries
and document properties get fixed timestamps, so it is byte-stable with a given
openpyxl version; `--check` compares only the CSV/YAML outputs, which do not depend on
openpyxl.

The log covers 1 February – 31 March 2024 (the plan starts on 1 February), so
`dxplan check logs/q1.csv --period 2024-Q1` has these due periods: ISO weeks
2024-W06 … 2024-W13 (the stub week W05, 1–4 Feb, is cut by the plan's start and not
due; rows in it are made anyway, as units really log them); months 2024-02 and
2024-03; quarter 2024-Q1 (1 Feb – 31 Mar); and 60 days for the daily LED rule 3.4.

Design: error-severity rules (explicit quotas) per unit
=========================================================

Legend: met = every due period met; "-" = rule does not apply to the unit;
2.1's award is due 27/08/2024 and only its plan (a warning rule) is issued in Q1.

Press (rules 2.2 newspaper weekly, 2.3 TV weekly):

    bao-long-an        2.2 met (3–5 items every week)
    dai-ptth-long-an   2.3 met (1–3 items every week)

Departments, agencies and districts (2.5 = grassroots radio weekly, the district's own
system and every commune's; 3.1 = ≥2 provincial-portal items a month, vp-ubnd-tinh
only; 3.3 = unit-portal monthly; 3.4 = LED/LCD every day, for a department only once
it logs a screen; IV.1 = quarterly report,
dated 20–29 March, not asked of so-tttt, which synthesises them):

    unit               2.5                   3.3              3.4                     IV.1
    vp-ubnd-tinh       -                     - (3.1 met)      met                     met
    so-tttt            -                     met              met                     -
    so-gddt            -                     met              behind: 10–14/02 short  met
    so-noi-vu          -                     met              n/a (no screen logged)  met
    so-khdt            -                     behind: 2024-02  met                     met
    so-cong-thuong     -                     met              n/a (no screen logged)  missing
    so-nnptnt          -                     met              met                     missing
    so-gtvt            -                     met              behind: 16–31/03 short  met
    so-ldtbxh          -                     behind: 2024-03  met                     met
    so-ngoai-vu        MISSING: no rows at all (every rule missing)
    thanh-tra-tinh     MISSING: no rows at all (every rule missing)
    (every other department: met on every error rule)
    ban-ql-kkt         not named by the plan: no rule applies, no rows
    ttpvhcc-tinh       -                     met              met                     -
    tx-kien-tuong      behind: own W07       met              met                     met
    h-tan-hung         MISSING: no rows at all, nor any of its communes
    h-vinh-hung        MISSING: no rows at all, nor any of its communes
    h-moc-hoa          met                   met              behind: Feb short       met
    h-tan-thanh        met                   met              met                     missing
    h-duc-hoa          behind: own W07, W10  met              met                     met
    h-thu-thua         behind: own W06       met              met                     met
    h-can-duoc         behind: 15/17 xã      met              met                     met
                       (Long Trạch misses W09, Long Khê W11–W12)
    h-can-giuoc        met                   behind: 2024-03  met                     met
    h-chau-thanh       behind: 12/13 xã      behind: 2024-02  met                     met
                       (Bình Quới misses W13)
    (tp-tan-an, h-thanh-hoa, h-duc-hue, h-ben-luc, h-tan-tru: met on every error rule)

Every commune of the other districts broadcasts once every week.
h-can-giuoc posts exactly one unit-portal article in February and none in March.
so-gddt's LED campaigns run 01–09/02, 15–29/02 and all of March (the Tết gap).
h-moc-hoa's LED campaigns start on 01/03; so-gtvt's stop on 15/03.

Design: warning-severity (interpreted) rules
============================================

Presence rules are due on 31/12/2024, so in Q1 they are met or still open:

    so-khdt, so-gtvt, h-moc-hoa   1.2 (Long An Số, tagged rows only): open, no row
    so-ldtbxh, h-tan-thanh        1.1 (internal meetings): open, no row
    so-noi-vu, so-khcn, h-chau-thanh   4 (print): open, no row
    so-cong-thuong, h-tan-thanh   IV.1 own plan: open, no row
    2.4 (FM, weekly): met every week.  2.1's plan: issued 11–15/03, met.
    About 30% of communes post once on 3.2b (Zalo) and on 3.5 (social media);
    the others are open.

2.6 counts only press and broadcast rows tagged 2.6 (commissioned TV/FM items).

Rows that draw warnings but no errors (q1.csv has no error rows):

    * one exact duplicate of a Báo Long An newspaper row (same unit, channel, date, URL);
    * one so-tttt meeting dated 15/01/2024, before the plan period (not counted);
    * one dai-ptth-long-an TV row whose kind is "tiểu phẩm" (a sketch), a word the plan does
      not know
      (an extra item in a week that is met anyway).

Row mix: unit written as its id on ~60% of rows, else a Vietnamese name or alias
(district radio rows as "TTVH-TT&TT …" or "Đài Truyền thanh …", communes as
"Xã Thạnh Lợi, huyện Bến Lức"); channel and kind as ids or Vietnamese aliases;
~7% of rows with ISO dates; docs on ~30% of rows; task on ~50% (always the task of
the rule the row was made for, and always present where an untasked row would fill a
deliberate gap of another rule); quantity 2 or 3 on some radio rows.  Rows are sorted
by date, then unit (plan order); STT runs 1..N.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import filecmp
import io
import json
import random
import re
import struct
import sys
import tempfile
import zipfile
import zlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # run as a plain script from a checkout
    sys.path.insert(0, str(ROOT))

from dx_plan.catalog import Catalog  # noqa: E402
from dx_plan.loader import load_plan  # noqa: E402
from dx_plan.models import Rule, Unit  # noqa: E402
from dx_plan.periods import Window, iter_periods  # noqa: E402
from dx_plan.text import fold  # noqa: E402

SEED = 2024
START = dt.date(2024, 2, 1)
END = dt.date(2024, 3, 31)
TET = {dt.date(2024, 2, d) for d in range(8, 15)}  # Tết Giáp Thìn holiday of civil servants
FIXED_TIME = dt.datetime(2024, 4, 5, 8, 0, 0)

HEADER = ("STT", "Ngày", "Đến ngày", "Đơn vị", "Kênh", "Loại", "Tiêu đề", "Đường dẫn",
          "Văn bản", "Nhiệm vụ", "Số lượng", "Ghi chú")

Q1_CSV = "logs/q1.csv"
Q1_XLSX = "logs/q1.xlsx"
BROKEN_CSV = "logs/q1-broken.csv"
SUB_BEN_LUC = "submissions/h-ben-luc/2024-q1.csv"
SUB_DUC_HUE = "submissions/h-duc-hue/2024-q1.csv"
SUB_SO_TTTT = "submissions/so-tttt/2024-q1.yaml"
SUB_CAN_DUOC = "submissions/h-can-duoc/2024-q1.csv"
# What --check compares (the workbook depends on the openpyxl version, so it is left out).
CHECKED = (Q1_CSV, BROKEN_CSV, SUB_BEN_LUC, SUB_DUC_HUE, SUB_SO_TTTT, SUB_CAN_DUOC)

# ---------------------------------------------------------------------------------------
# The compliance design (see the module docstring; keep the two in step).
# ---------------------------------------------------------------------------------------

MISSING = frozenset({"h-tan-hung", "h-vinh-hung", "so-ngoai-vu", "thanh-tra-tinh"})
ALL = "*"  # every period of the rule


def _days(first: str, last: str) -> tuple[str, ...]:
    """ISO labels of the days first..last (inclusive), for gaps in the daily rule."""
    a, b = dt.date.fromisoformat(first), dt.date.fromisoformat(last)
    return tuple((a + dt.timedelta(days=i)).isoformat() for i in range((b - a).days + 1))


# unit → rule id → labels of the periods left short (ALL: the rule is not served at all)
GAPS: dict[str, dict[str, tuple[str, ...]]] = {
    "h-duc-hoa": {"2.5-grassroots-radio-weekly": ("2024-W07", "2024-W10"),
                  "3.5-social": ("2024-02",)},
    "h-thu-thua": {"2.5-grassroots-radio-weekly": ("2024-W06",)},
    "tx-kien-tuong": {"2.5-grassroots-radio-weekly": ("2024-W07",)},
    "h-can-giuoc": {"3.3-unit-portal-monthly": ("2024-03",),
                    "3.2b-local-zalo": ("2024-03",)},
    "h-chau-thanh": {"3.3-unit-portal-monthly": ("2024-02",), "4-print": (ALL,)},
    "so-khdt": {"3.3-unit-portal-monthly": ("2024-02",), "1.2-long-an-so": (ALL,)},
    "so-ldtbxh": {"3.3-unit-portal-monthly": ("2024-03",), "1.1-internal": (ALL,)},
    "so-gddt": {"3.4-led-daily-departments": _days("2024-02-10", "2024-02-14")},
    "h-moc-hoa": {"3.4-led-daily": _days("2024-02-01", "2024-02-29"),
                  "1.2-long-an-so": (ALL,)},
    "so-gtvt": {"3.4-led-daily-departments": _days("2024-03-16", "2024-03-31"),
                "1.2-long-an-so": (ALL,)},
    "so-noi-vu": {"3.4-led-daily-departments": (ALL,), "4-print": (ALL,)},
    "so-cong-thuong": {"3.4-led-daily-departments": (ALL,), "IV.1-quarterly-report": (ALL,),
                       "IV.1-own-plan": (ALL,)},
    "so-nnptnt": {"IV.1-quarterly-report": (ALL,), "3.5-social": ("2024-02",)},
    "h-tan-thanh": {"IV.1-quarterly-report": (ALL,), "IV.1-own-plan": (ALL,),
                    "1.1-internal": (ALL,)},
    "tp-tan-an": {"3.5-social": ("2024-03",)},
    "so-khcn": {"4-print": (ALL,)},
    "h-can-duoc": {"3.2b-local-zalo": ("2024-02",)},
}

# Commune loudspeaker systems (2.5) that miss weeks: their districts are then behind.
COMMUNE_RADIO_GAPS: dict[str, tuple[str, ...]] = {
    "x-long-trach--h-can-duoc": ("2024-W09",),
    "x-long-khe--h-can-duoc": ("2024-W11", "2024-W12"),
    "x-binh-quoi--h-chau-thanh": ("2024-W13",),
}
# Share of the communes that post once in Q1 on rules judged at both levels (3.2b, 3.5).
COMMUNE_POSTS = 0.3

# (unit, rule id) → exactly this many items in every period served (else random).
EXACT: dict[tuple[str, str], int] = {("h-can-giuoc", "3.3-unit-portal-monthly"): 1}

# Items per served period of each rule: (fewest, most).
VOLUME: dict[str, tuple[int, int]] = {
    "1.1-internal": (1, 3),
    "1.2-long-an-so": (1, 2),
    "1.3-security-guidance": (2, 3),
    "2.2-newspaper-weekly": (3, 5),
    "2.3-tv-weekly": (1, 3),
    "2.4-fm-weekly": (1, 2),
    "2.6-mass-media": (2, 3),
    "3.1-provincial-portal-monthly": (4, 7),
    "3.2-dx-portal": (5, 8),
    "3.2b-local-zalo": (3, 5),
    "3.3-unit-portal-monthly": (2, 6),
    "3.5-social": (4, 8),
    "4-print": (1, 2),
    "5-schools": (4, 6),
    "6-community": (4, 8),
    "IV.1-quarterly-report": (1, 1),
    "IV.1-own-plan": (1, 1),
    "IV.2-synthesis": (1, 1),
    "IV.4-postal": (2, 3),
}

# Share of a rule's items logged by one of the district's communes (include_children).
COMMUNE_SHARE: dict[str, float] = {
    "6-community": 0.5,
}

# ---------------------------------------------------------------------------------------
# Words: what clerks write.
# ---------------------------------------------------------------------------------------

# Vietnamese aliases people use for each channel (checked to resolve at start-up).
CHANNEL_WORDS: dict[str, tuple[str, ...]] = {
    "newspaper": ("báo điện tử", "Báo Long An", "báo in"),
    "tv": ("truyền hình", "kênh truyền hình", "THLA"),
    "fm-radio": ("phát thanh", "FM", "kênh FM"),
    "grassroots-radio": ("truyền thanh", "truyền thanh cơ sở", "hệ thống truyền thanh",
                         "Hệ thống truyền thanh cơ sở"),
    "provincial-portal": ("Cổng TTĐT tỉnh", "Cổng thông tin điện tử tỉnh"),
    "unit-portal": ("trang TTĐT", "cổng TTĐT", "cổng/trang TTĐT", "trang thông tin điện tử"),
    "dx-portal": ("trang chuyển đổi số", "trang CĐS", "chuyendoiso.longan.gov.vn"),
    "zalo": ("Zalo", "Zalo OA", "Zalo Chính quyền số"),
    "social": ("Facebook", "fanpage", "mạng xã hội"),
    "led-screen": ("màn hình LED", "bảng tin điện tử", "LED"),
    "print": ("tờ gấp", "áp phích", "băng rôn", "pano"),
    "meeting": ("sinh hoạt đầu tuần", "hội nghị", "tập huấn"),
    "school": ("trường học", "nhà trường"),
    "community": ("Tổ CNSCĐ", "tổ công nghệ số cộng đồng", "đoàn thanh niên"),
    "report": ("báo cáo", "báo cáo quý"),
    "contest": ("cuộc thi",),
    "plan-doc": ("kế hoạch", "kế hoạch tuyên truyền"),
}

# Kinds of item on each channel.
CHANNEL_KINDS: dict[str, tuple[str, ...]] = {
    "newspaper": ("article", "article", "news", "infographic", "video"),
    "tv": ("story", "bulletin", "bulletin"),
    "fm-radio": ("bulletin", "story"),
    "grassroots-radio": ("bulletin", "bulletin", "story"),
    "provincial-portal": ("article", "news", "news", "infographic"),
    "unit-portal": ("article", "news", "news", "infographic"),
    "dx-portal": ("article", "news", "infographic", "guidance"),
    "zalo": ("news", "infographic", "video"),
    "social": ("news", "infographic", "video", "article"),
    "led-screen": ("slide",),
    "print": ("leaflet",),
    "meeting": ("meeting",),
    "school": ("meeting",),
    "community": ("support",),
    "report": ("report",),
    "contest": ("plan",),
    "plan-doc": ("plan",),
}

# Vietnamese words for each kind (besides its id and name).
KIND_WORDS: dict[str, tuple[str, ...]] = {
    "article": ("bài viết", "bài", "bài báo"),
    "news": ("tin", "tin tức", "tin bài"),
    "bulletin": ("bản tin", "bản tin truyền thanh", "bản tin truyền hình"),
    "story": ("phóng sự", "câu chuyện truyền thanh", "phóng sự truyền hình"),
    "infographic": ("infographic", "đồ họa"),
    "video": ("video", "clip"),
    "slide": ("trình chiếu", "nội dung trình chiếu"),
    "leaflet": ("tờ gấp", "áp phích", "băng rôn"),
    "meeting": ("hội nghị", "buổi tuyên truyền", "tập huấn"),
    "guidance": ("hướng dẫn", "văn bản hướng dẫn"),
    "support": ("hỗ trợ", "đợt hỗ trợ người dân", "ra quân"),
    "plan": ("kế hoạch", "thể lệ"),
    "award": ("trao giải",),
    "report": ("báo cáo", "báo cáo quý"),
}
SCHOOL_KIND_WORDS = ("buổi tuyên truyền", "buổi sinh hoạt")

# A topic: headlines ({place} is a district or commune) and the Phụ lục I documents behind it.
TOPICS: tuple[tuple[tuple[str, ...], tuple[str, ...]], ...] = (
    (("{place} đẩy mạnh tuyên truyền cài đặt ứng dụng Long An Số",
      "Hướng dẫn người dân phản ánh hiện trường qua ứng dụng Long An Số",
      "Long An Số: kênh kết nối chính quyền với người dân {place}"),
     ("KH-3848-UBND-2023", "NQ-21-TU-2021")),
    (("Nộp hồ sơ trực tuyến toàn trình, giảm 50% lệ phí",
      "{place}: tăng tỷ lệ hồ sơ dịch vụ công trực tuyến toàn trình",
      "Người dân {place} làm thủ tục hành chính không cần đến trụ sở"),
     ("QD-27-2023-UBND", "NQ-06-2023-HDND", "QD-6366-UBND-2023")),
    (("Hướng dẫn kích hoạt tài khoản định danh điện tử VNeID mức độ 2",
      "{place} ra quân hỗ trợ người dân kích hoạt VNeID",
      "Lợi ích của tài khoản định danh điện tử trong giao dịch hằng ngày"),
     ("QD-06-TTg-2022", "KH-800-UBND-2022", "CT-51-TU-2023")),
    (("Thanh toán không dùng tiền mặt lan tỏa ở chợ truyền thống {place}",
      "Thanh toán học phí, viện phí qua mã QR",
      "Chi trả an sinh xã hội qua tài khoản ngân hàng tại {place}"),
     ("QD-411-TTg-2022", "KH-1563-UBND-2022")),
    (("Kỹ năng cơ bản bảo đảm an toàn thông tin mạng cho người dân",
      "Cảnh giác với thủ đoạn lừa đảo qua mạng",
      "Không cung cấp mã OTP cho người lạ: khuyến cáo từ Công an {place}"),
     ("QD-964-TTg-2022", "KH-3625-UBND-2022", "KH-1541-UBND-2022")),
    (("Bảo vệ dữ liệu cá nhân trên không gian mạng",
      "Những điều cần biết về Nghị định 13/2023/NĐ-CP bảo vệ dữ liệu cá nhân"),
     ("ND-13-2023-CP",)),
    (("Luật Giao dịch điện tử năm 2023 có hiệu lực từ 01/7/2024: những điểm mới",
      "Chữ ký số cá nhân: dễ đăng ký, dễ sử dụng"),
     ("LUAT-20-2023-QH15", "QD-1198-TTg-2023", "KH-3323-UBND-2023")),
    (("Tổ công nghệ số cộng đồng {place}: cầu nối đưa người dân lên môi trường số",
      "Phát huy vai trò Tổ công nghệ số cộng đồng ở ấp, khu phố"),
     ("QD-146-TTg-2022", "KH-881-UBND-2022")),
    (("Nông dân {place} bán nông sản trên sàn thương mại điện tử",
      "Đưa thanh long, lúa gạo Long An lên sàn thương mại điện tử",
      "Chuyển đổi số trong xây dựng nông thôn mới ở {place}"),
     ("KH-246-UBND-2023", "QD-2294-BTTTT-2023", "KH-2062-UBND-2022")),
    (("Doanh nghiệp nhỏ và vừa {place} bắt nhịp chuyển đổi số",
      "Hỗ trợ doanh nghiệp nhỏ và vừa sử dụng nền tảng số"),
     ("QD-377-BTTTT-2021", "KH-856-UBND-2022")),
    (("Theo dõi Kênh Zalo Chính quyền số tỉnh Long An để nhận thông tin chính thống",
      "Quét mã QR theo dõi Zalo Chính quyền số {place}"),
     ("KH-3848-UBND-2023",)),
    (("Sổ sức khỏe điện tử: tiện ích cho người dân khi khám chữa bệnh",
      "Khám chữa bệnh bằng căn cước công dân gắn chip tại {place}"),
     ("QD-06-TTg-2022", "QD-749-TTg-2020")),
    (("Chuyển đổi số: nhận thức là then chốt",
      "Chính quyền số {place}: người dân là trung tâm",
      "Chuyển đổi số tỉnh Long An năm 2024: 6 nhóm nhiệm vụ trọng tâm"),
     ("QD-749-TTg-2020", "NQ-21-TU-2021", "CTR-3288-UBND-2021", "KH-3848-UBND-2023")),
    (("Lộ trình dừng công nghệ di động 2G: người dân cần làm gì?",
      "Hỗ trợ người dân {place} chuyển đổi điện thoại 2G sang 4G"),
     ("CV-4833-BTTTT-2022", "CV-3095-BTTTT-2023")),
    (("Cơ sở dữ liệu dùng chung và dữ liệu mở của tỉnh Long An",),
     ("QD-7361-UBND-2023", "QD-7360-UBND-2023")),
)

LED_MESSAGES = (
    "thông điệp “Chuyển đổi số - Người dân là trung tâm”",
    "hướng dẫn cài đặt ứng dụng Long An Số",
    "hướng dẫn nộp hồ sơ trực tuyến qua Cổng Dịch vụ công tỉnh",
    "kích hoạt tài khoản định danh điện tử VNeID mức độ 2",
    "thông điệp thanh toán không dùng tiền mặt",
    "mã QR theo dõi Kênh Zalo Chính quyền số tỉnh Long An",
    "cảnh báo lừa đảo trên không gian mạng",
)
LED_PLACES = ("trụ sở", "sảnh Bộ phận một cửa", "Trung tâm hành chính công", "hội trường")

MEETINGS = (  # (title, channel word, kind word)
    ("Sinh hoạt đầu tuần: quán triệt Kế hoạch tuyên truyền chuyển đổi số năm 2024",
     "sinh hoạt đầu tuần", "sinh hoạt đầu tuần"),
    ("Sinh hoạt đầu tuần: phổ biến kỹ năng an toàn thông tin cho cán bộ, công chức",
     "sinh hoạt đầu tuần", "buổi sinh hoạt"),
    ("Hội nghị quán triệt Kế hoạch 3848/KH-UBND thực hiện chuyển đổi số năm 2024",
     "hội nghị", "hội nghị"),
    ("Hội nghị triển khai nhiệm vụ chuyển đổi số và cải cách hành chính năm 2024",
     "hội nghị", "hội nghị"),
    ("Tập huấn sử dụng chữ ký số và hệ thống quản lý văn bản điều hành",
     "tập huấn", "tập huấn"),
    ("Tập huấn kỹ năng số cho cán bộ, công chức, viên chức", "lớp tập huấn", "lớp"),
    ("Hội thảo giới thiệu Luật Giao dịch điện tử năm 2023", "hội thảo", "hội thảo"),
)
LONG_AN_SO = (  # (title, channel) for rule 1.2
    ("Vận động cán bộ, công chức, viên chức cài đặt ứng dụng Long An Số", "meeting"),
    ("Hướng dẫn CBCCVC theo dõi Kênh Zalo Chính quyền số tỉnh Long An", "meeting"),
    ("Phát động cài đặt Long An Số và theo dõi Zalo “Chuyển đổi số quốc gia”", "zalo"),
    ("Kêu gọi đoàn viên, công chức cài ứng dụng Long An Số", "social"),
)
PRINTS = (
    "In, phát hành {n} tờ gấp hướng dẫn cài đặt ứng dụng Long An Số",
    "Treo băng rôn, khẩu hiệu hưởng ứng chuyển đổi số tại trụ sở",
    "Pano tuyên truyền dịch vụ công trực tuyến toàn trình",
    "Áp phích mã QR Cổng Dịch vụ công tỉnh tại Bộ phận một cửa",
    "Phát {n} tờ rơi cảnh báo lừa đảo qua mạng",
)
COMMUNITY = (
    "Tổ công nghệ số cộng đồng hỗ trợ người dân kích hoạt VNeID mức độ 2",
    "Đoàn viên thanh niên ra quân hướng dẫn nộp hồ sơ trực tuyến",
    "Tổ công nghệ số cộng đồng hướng dẫn cài đặt Long An Số tại chợ",
    "Hỗ trợ tiểu thương mở tài khoản, thanh toán bằng mã QR",
    "“Ngày thứ Bảy chuyển đổi số”: hỗ trợ người dân sử dụng dịch vụ công",
)
SCHOOLS = (
    "Chuyên đề “Em làm chủ không gian mạng” cho học sinh THCS",
    "Tuyên truyền kỹ năng an toàn trên môi trường mạng cho học sinh tiểu học",
    "Ngoại khóa “Sử dụng mạng xã hội an toàn” tại các trường THPT",
    "Hướng dẫn phụ huynh bảo vệ trẻ em trên không gian mạng",
    "Sinh hoạt dưới cờ: phòng, chống lừa đảo trực tuyến cho học sinh",
    "Tập huấn giáo viên chủ nhiệm về an toàn thông tin cho trẻ em",
)
POSTAL = (
    ("Tập huấn nhân viên bưu điện hướng dẫn nộp hồ sơ trực tuyến", "meeting"),
    ("Phát tờ gấp dịch vụ bưu chính công ích tiếp nhận, trả kết quả thủ tục hành chính",
     "print"),
    ("Nhân viên bưu điện hỗ trợ người dân nộp hồ sơ trực tuyến tại điểm phục vụ", "community"),
)
NOTES = {
    "grassroots-radio": ("Phát lúc 6h00 và 17h00", "Phát 2 lần/ngày", "Tiếp sóng tại các ấp",
                         "Phát trên loa truyền thanh thông minh"),
    "tv": ("Phát sóng trong chương trình Thời sự tối", "Phát lại 11h30 hôm sau"),
    "fm-radio": ("Chương trình Thời sự sáng", "Tần số FM 97,3 MHz"),
    "newspaper": ("Chuyên mục Chuyển đổi số", "Đăng cả báo in và báo điện tử"),
    "social": ("Lượt tiếp cận: {n}", "Chia sẻ lại từ Kênh Zalo Chính quyền số"),
    "community": ("Hỗ trợ {n} lượt người dân", "Phối hợp Đoàn Thanh niên"),
    "meeting": ("{n} đại biểu tham dự", "Lồng ghép họp giao ban"),
    "led-screen": ("Trình chiếu liên tục giờ hành chính",),
}

# Report-number suffixes (“Số 45/BC-STTTT”) for units whose aliases hold none.
REPORT_SUFFIX = {"vp-ubnd-tinh": "VPUBND", "ban-ql-kkt": "BQLKKT", "thanh-tra-tinh": "TTr"}


@dataclass(frozen=True)
class _Nothing:
    id: str = ""


_NONE = _Nothing()

# ---------------------------------------------------------------------------------------
# Rows
# ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Row:
    """One log row: what the clerk wrote, plus the resolved ids it was made from."""

    date: dt.date
    end: dt.date | None
    unit: str  # resolved unit id (the writer: a district, department or commune)
    unit_text: str
    channel: str
    channel_text: str
    kind_text: str
    title: str
    url: str = ""
    docs: str = ""
    task: str = ""
    quantity: str = ""
    notes: str = ""
    iso: bool = False  # write the dates as 2024-03-05 rather than 05/03/2024

    def cells(self, stt: int | str) -> list[str]:
        """The CSV cells of this row, STT first."""
        return [str(stt), self.date_text(self.date), self.date_text(self.end), self.unit_text,
                self.channel_text, self.kind_text, self.title, self.url, self.docs, self.task,
                self.quantity, self.notes]

    def date_text(self, day: dt.date | None) -> str:
        """A date as the clerk typed it."""
        if day is None:
            return ""
        return day.isoformat() if self.iso else day.strftime("%d/%m/%Y")


class Samples:
    """Builds the sample rows from the plan, with one seeded random generator."""

    def __init__(self, catalog: Catalog) -> None:
        self.cat = catalog
        self.rng = random.Random(SEED)
        self.rules = {r.id: r for r in catalog.plan.rules}
        self.rows: list[Row] = []
        self.used: set[tuple[str, str, dt.date]] = set()
        self.url_serial = 0
        self._check_words()

    # -- lookups -----------------------------------------------------------------------

    def unit(self, uid: str) -> Unit:
        """The plan's unit with this id."""
        return self.cat.units.by_id[uid]

    def _check_words(self) -> None:
        """Fail early if a channel or kind word would not resolve to what we mean."""
        for cid, words in CHANNEL_WORDS.items():
            for word in words:
                if (self.cat.channels.lookup(word).item or _NONE).id != cid:
                    raise SystemExit(f"channel word {word!r} does not resolve to {cid}")
        for kid, words in KIND_WORDS.items():
            for word in words:
                if (self.cat.kinds.lookup(word).item or _NONE).id != kid:
                    raise SystemExit(f"kind word {word!r} does not resolve to {kid}")
        for word in SCHOOL_KIND_WORDS:
            if (self.cat.kinds.lookup(word).item or _NONE).id != "meeting":
                raise SystemExit(f"kind word {word!r} does not resolve to meeting")
        for _, channel_word, kind_word in MEETINGS:
            if (self.cat.channels.lookup(channel_word).item or _NONE).id != "meeting" or (
                    self.cat.kinds.lookup(kind_word).item or _NONE).id != "meeting":
                raise SystemExit(f"meeting words {channel_word!r}/{kind_word!r} do not resolve")
        for _, docs in TOPICS:
            for doc in docs:
                if doc not in self.cat.documents.by_id:
                    raise SystemExit(f"document {doc!r} is not in Phụ lục I")

    def place(self, uid: str) -> str:
        """How a headline names the unit's place: 'Bến Lức', 'TP. Tân An', 'xã Thạnh Lợi'."""
        unit = self.unit(uid)
        if unit.parent:
            head, _, rest = unit.name.partition(" ")
            if head == "Thị":  # Thị trấn
                return "thị trấn " + rest.partition(" ")[2]
            return head.lower() + " " + rest
        if unit.kind == "thanh-pho":
            return "TP. " + unit.name.removeprefix("Thành phố ")
        if unit.kind == "thi-xa":
            return "TX. " + unit.name.removeprefix("Thị xã ")
        if unit.kind == "huyen":
            return unit.name.removeprefix("Huyện ")
        if self.rng.random() < 0.6:  # provincial bodies write about the whole province
            return "Long An"
        district = self.rng.choice(self.cat.members["districts"])
        return self.place(district)

    def short(self, uid: str) -> str:
        """'Bến Lức' for h-ben-luc, 'Tân An' for tp-tan-an."""
        name = self.unit(uid).name
        for prefix in ("Thành phố ", "Thị xã ", "Huyện "):
            name = name.removeprefix(prefix)
        return name

    def issuer(self, uid: str) -> str:
        """'Sở Tư pháp', 'UBND huyện Bến Lức': who signs the unit's documents."""
        name = self.unit(uid).name
        if name.startswith(("Huyện ", "Thị xã ", "Thành phố ")):
            return "UBND " + name[0].lower() + name[1:]
        return name

    # -- spelling ----------------------------------------------------------------------

    def unit_words(self, uid: str, channel: str) -> list[str]:
        """The names and aliases a clerk might write for a unit on a channel."""
        unit = self.unit(uid)
        english = {"newspaper", "radio", "television", "youth", "union", "post", "vietnam"}
        words = []
        for word in (unit.name, *unit.aliases):
            lowered = set(word.lower().split())
            if lowered & english or (word.isascii() and fold(word) == fold(unit.name)):
                continue
            match = self.cat.units.lookup(word).item
            if match is not None and match.id == uid:
                words.append(word)
        if unit.kind in {"huyen", "thanh-pho", "thi-xa"}:
            prefer: tuple[str, ...]
            if channel == "grassroots-radio":
                prefer = ("TTVH", "Trung tâm Văn hóa", "Đài Truyền thanh")
            elif channel == "led-screen":
                prefer = ("Trung tâm hành chính công", "UBND")
            else:
                prefer = ("UBND", "Ủy ban", "H. ", "TP", "TX", "Phòng Văn hóa")
            narrowed = [w for w in words if w.startswith(prefer)]
            words = narrowed or words
        elif uid == "vp-ubnd-tinh":  # its portal team signs the portal's articles
            editors = channel == "provincial-portal"
            words = [w for w in words if w.startswith(("Ban Biên tập", "BBT")) == editors]
        return words

    def spell_unit(self, uid: str, channel: str) -> str:
        """The unit as written: its id on ~60% of rows (~20% for communes), else a name."""
        share = 0.3 if self.unit(uid).parent else 0.68
        if self.rng.random() < share:
            return uid
        return self.rng.choice(self.unit_words(uid, channel))

    def spell_channel(self, channel: str) -> str:
        """The channel as written: id or a Vietnamese alias."""
        if self.rng.random() < 0.6:
            return channel
        return self.rng.choice(CHANNEL_WORDS[channel])

    def spell_kind(self, kind: str, channel: str) -> str:
        """The kind as written: id, a Vietnamese word that fits the channel, or empty."""
        roll = self.rng.random()
        if roll < 0.35:
            return kind
        if roll < 0.85:
            words = SCHOOL_KIND_WORDS if channel == "school" else KIND_WORDS[kind]
            radio = channel in {"fm-radio", "grassroots-radio"}
            fitting = [w for w in words if ("truyền thanh" not in w or radio)
                       and ("truyền hình" not in w or channel == "tv")]
            return self.rng.choice(fitting)
        return ""

    def spell_docs(self, docs: Sequence[str]) -> str:
        """The Phụ lục I documents behind a row (~30% of rows), as ids or numbers."""
        if not docs or self.rng.random() >= 0.38:
            return ""
        picked = self.rng.sample(list(docs), k=min(len(docs), self.rng.choice((1, 1, 2))))
        out = []
        for doc_id in picked:
            doc = self.cat.documents.by_id[doc_id]
            out.append(doc_id if self.rng.random() < 0.5 else doc.number)
        return ";".join(out)

    # -- URLs ---------------------------------------------------------------------------

    def slug(self, title: str) -> str:
        """A URL slug of a Vietnamese title, as Vietnamese CMSs make them."""
        return "-".join(fold(title).split()[:10])

    def serial(self) -> int:
        """A fresh article number (each URL is unique)."""
        self.url_serial += 1
        return self.url_serial

    def site(self, uid: str) -> str:
        """The unit's own website: its known domain, else a plausible *.longan.gov.vn one."""
        unit = self.unit(uid)
        if unit.domains:
            return unit.domains[0]
        if unit.parent:
            return self.site(unit.parent)
        if unit.groups and unit.groups[0] == "districts":
            return fold(self.short(uid)).replace(" ", "") + ".longan.gov.vn"
        return fold(self.report_suffix(uid)).replace(" ", "") + ".longan.gov.vn"

    def page(self, uid: str) -> str:
        """A social-media or Zalo page name for a unit."""
        unit = self.unit(uid)
        base = fold(unit.name).replace(" ", "")
        if unit.parent:
            base += fold(self.short(unit.parent)).replace(" ", "")
        return base

    def url(self, uid: str, channel: str, title: str, kind: str) -> str:
        """Evidence URL of an online item (empty for offline channels)."""
        slug, n = self.slug(title), self.serial()
        if channel == "newspaper":
            return f"https://baolongan.vn/{slug}-a{184000 + n}.html"
        if channel == "tv":  # the station's own items, when it put them online
            if uid != "dai-ptth-long-an" or self.rng.random() < 0.4:
                return ""
            return f"https://la34.com.vn/{slug}-{121000 + n}.html"
        if channel == "provincial-portal":
            return f"https://www.longan.gov.vn/tin-tuc/Pages/{slug}-{n}.aspx"
        if channel == "dx-portal":
            return f"https://chuyendoiso.longan.gov.vn/tin-tuc/{slug}-{n}.html"
        if channel == "unit-portal":
            return f"https://{self.site(uid)}/tin-tuc/{slug}-{n}.html"
        if channel == "zalo":
            return f"https://zalo.me/s/{self.page(uid)}/{slug}-{n}"
        if channel == "social":
            if kind == "video" and self.rng.random() < 0.4:
                code = "".join(self.rng.choice("abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ"
                                               "0123456789_-") for _ in range(11))
                return f"https://www.youtube.com/watch?v={code}"
            return f"https://www.facebook.com/{self.page(uid)}/posts/{7200000000 + n * 7919}"
        return ""

    def report_suffix(self, uid: str) -> str:
        """'STTTT' for so-tttt: the compact abbreviation used in document numbers."""
        if uid in REPORT_SUFFIX:
            return REPORT_SUFFIX[uid]
        unit = self.unit(uid)
        if unit.groups and unit.groups[0] == "districts":
            return "UBND"
        for alias in unit.aliases:
            if " " not in alias and alias[:1] == "S" and alias.upper() == alias:
                return alias
        return "UBND"

    # -- calendar -----------------------------------------------------------------------

    def periods(self, rule: Rule) -> list[tuple[str, dt.date, dt.date]]:
        """(label, first day, last day) of each due period of a rule in Feb–Mar 2024.

        A presence rule has one: the whole of Feb–Mar."""
        if rule.type != "frequency":
            return [("Q1", START, END)]
        return [(p.label, p.start, p.end)
                for p in iter_periods(Window(START, END), rule.per or "month")]

    def pick_days(self, writer: str, channel: str, first: dt.date, last: dt.date, n: int,
                  office: bool) -> list[dt.date]:
        """Up to n distinct free days in first..last for (writer, channel), sorted."""
        days = [first + dt.timedelta(days=i) for i in range((last - first).days + 1)]
        free = [d for d in days if (writer, channel, d) not in self.used]
        if office:
            working = [d for d in free if d.weekday() < 5 and d not in TET]
            free = working or free
        picked = sorted(self.rng.sample(free, k=min(n, len(free))))
        for day in picked:
            self.used.add((writer, channel, day))
        return picked

    # -- task column ---------------------------------------------------------------------

    def task_for(self, rule: Rule, writer: str, channel: str, credited: str) -> str:
        """The task column: forced for a rule that counts only tagged rows, and when an
        untasked row would fill another rule's gap."""
        if rule.tagged_only:
            return rule.task
        for index, unit in self.cat.routes.get((writer, channel), []):
            other = self.cat.plan.rules[index].id
            if (other, unit) != (rule.id, credited) and GAPS.get(unit, {}).get(other):
                return rule.task
        return rule.task if self.rng.random() < 0.5 else ""

    # -- building rows --------------------------------------------------------------------

    def add(self, *, rule: Rule, credited: str, writer: str, channel: str, kind: str,
            title: str, day: dt.date, end: dt.date | None = None, docs: Sequence[str] = (),
            quantity: str = "", notes: str = "") -> None:
        """Append one row made for `rule` (credited to `credited`)."""
        self.rows.append(Row(
            date=day, end=end, unit=writer, unit_text=self.spell_unit(writer, channel),
            channel=channel, channel_text=self.spell_channel(channel),
            kind_text=self.spell_kind(kind, channel), title=title,
            url=self.url(writer, channel, title, kind), docs=self.spell_docs(docs),
            task=self.task_for(rule, writer, channel, credited), quantity=quantity,
            notes=notes, iso=self.rng.random() < 0.07,
        ))

    def headline(self, writer: str) -> tuple[str, tuple[str, ...]]:
        """A topical headline about the writer's place, and the documents behind it."""
        headlines, docs = self.rng.choice(TOPICS)
        return self.rng.choice(headlines).format(place=self.place(writer)), docs

    def note(self, channel: str) -> str:
        """A note on ~20% of rows."""
        options = NOTES.get(channel)
        if not options or self.rng.random() >= 0.2:
            return ""
        return self.rng.choice(options).format(n=self.rng.randrange(40, 2000, 10))

    def count(self, rule: Rule, uid: str) -> int:
        """Items to log in one served period."""
        if (uid, rule.id) in EXACT:
            return EXACT[(uid, rule.id)]
        if self.unit(uid).parent:
            return 1  # a commune's one post on a rule judged at both levels
        lo, hi = VOLUME[rule.id]
        return self.rng.randint(max(lo, rule.min), max(hi, rule.min))

    def writer_for(self, rule: Rule, uid: str) -> str:
        """The district itself, or one of its communes for rules that include children."""
        share = COMMUNE_SHARE.get(rule.id, 0.0)
        children = self.cat.children.get(uid, [])
        if rule.include_children and children and self.rng.random() < share:
            return self.rng.choice(children)
        return uid

    def build(self) -> list[Row]:
        """Every row of logs/q1.csv, sorted, with the designed warnings included."""
        for rule in self.cat.plan.rules:
            for uid in self.cat.rule_units(rule):
                if uid in MISSING or self.unit(uid).parent in MISSING:
                    continue
                gaps = GAPS.get(uid, {}).get(rule.id, ())
                if ALL in gaps:
                    continue
                if self.unit(uid).parent and rule.id != "2.5-grassroots-radio-weekly" and (
                        self.rng.random() >= COMMUNE_POSTS):
                    continue
                if rule.type == "deadline":
                    self.contest(rule, uid)
                elif rule.per == "day":
                    self.led(rule, uid, set(gaps))
                elif rule.id == "2.5-grassroots-radio-weekly":
                    self.radio(rule, uid, set(gaps))
                else:
                    self.periodic(rule, uid, set(gaps))
        self.warnings()
        order = self.cat.unit_index
        self.rows.sort(key=lambda r: (r.date, order[r.unit], r.channel, r.title))
        return self.rows

    def periodic(self, rule: Rule, uid: str, gaps: set[str]) -> None:
        """Monthly, weekly and quarterly rules other than grassroots radio."""
        for label, first, last in self.periods(rule):
            if label in gaps:
                continue
            wanted = self.count(rule, uid)
            made = 0
            for _ in range(wanted * 3):
                if made == wanted:
                    break
                made += self.item(rule, uid, first, last)
            if made < rule.min:
                raise SystemExit(f"could not place {rule.id} for {uid} in {label}")

    def item(self, rule: Rule, uid: str, first: dt.date, last: dt.date) -> int:
        """Make one item of `rule` for `uid` in first..last; 0 if no day was free."""
        writer = self.writer_for(rule, uid)
        task = rule.task
        channel = rule.channels[0]
        kind = self.rng.choice([k for k in CHANNEL_KINDS[channel]
                                if not rule.kinds or k in rule.kinds])
        docs: tuple[str, ...] = ()
        office = True
        if task in {"2.2", "2.3", "2.4"}:
            office = False
            title, docs = self.headline(writer)
            if task == "2.3" and ":" not in title:
                title = self.rng.choice(("Chuyên mục Chuyển đổi số: ", "Phóng sự: ", "")) + title
            elif task == "2.4":
                if kind == "story" and ":" not in title:
                    title = "Câu chuyện truyền thanh: " + title
        elif task == "1.1":
            title, channel_word, kind_word = self.rng.choice(MEETINGS)
            return self.meeting(rule, uid, first, last, title, channel_word, kind_word)
        elif task == "1.2":
            title, channel = self.rng.choice(LONG_AN_SO)
            kind = self.rng.choice(CHANNEL_KINDS[channel])
            docs = ("KH-3848-UBND-2023",)
        elif task == "1.3":
            channel = "dx-portal"
            kind = "guidance"
            title = self.rng.choice((
                "Hướng dẫn kỹ năng cơ bản bảo đảm an toàn thông tin mạng cho người dân",
                "Cẩm nang nhận diện tin nhắn, cuộc gọi lừa đảo",
                "Hướng dẫn đặt mật khẩu mạnh và xác thực hai lớp"))
            docs = ("QD-964-TTg-2022", "KH-3625-UBND-2022")
        elif task == "2.6":
            channel = self.rng.choice(("tv", "fm-radio"))
            kind = self.rng.choice(CHANNEL_KINDS[channel])
            title, docs = self.headline(writer)
            title = "Đặt hàng tuyên truyền: " + title
            office = False
        elif task in {"3.1", "3.2", "3.2b", "3.3", "3.5"}:
            if task == "3.2":
                channel = self.rng.choice(("dx-portal", "dx-portal", "zalo"))
                kind = self.rng.choice(CHANNEL_KINDS[channel])
            title, docs = self.headline(writer)
            if channel == "social" and kind == "video":
                title = "[Video] " + title
            office = channel in {"provincial-portal", "unit-portal", "dx-portal"}
        elif task == "4":
            title = self.rng.choice(PRINTS).format(n=self.rng.choice((500, 1000, 2000, 3000)))
        elif task == "5":
            title = self.rng.choice(SCHOOLS)
            docs = ("QD-830-TTg-2021",)
        elif task == "6":
            title = self.rng.choice(COMMUNITY)
            if self.unit(writer).parent:
                title += " " + self.place(writer)
            office = False
        elif task == "IV.1" and channel == "plan-doc":
            return self.own_plan(rule, uid)
        elif task in {"IV.1", "IV.2"}:
            return self.report(rule, uid)
        elif task == "IV.4":
            title, channel = self.rng.choice(POSTAL)
            kind = self.rng.choice(CHANNEL_KINDS[channel])
        else:
            raise SystemExit(f"no sample recipe for rule {rule.id}")
        days = self.pick_days(writer, channel, first, last, 1, office)
        if not days:
            return 0
        self.add(rule=rule, credited=uid, writer=writer, channel=channel, kind=kind,
                 title=title, day=days[0], docs=docs, notes=self.note(channel))
        return 1

    def meeting(self, rule: Rule, uid: str, first: dt.date, last: dt.date, title: str,
                channel_word: str, kind_word: str) -> int:
        """An internal meeting (1.1), written with the word that fits its title."""
        days = self.pick_days(uid, "meeting", first, last, 1, office=True)
        if not days:
            return 0
        if title.startswith("Sinh hoạt đầu tuần"):  # Monday meetings fall on a Monday
            monday = days[0] - dt.timedelta(days=days[0].weekday())
            if monday >= first and (uid, "meeting", monday) not in self.used:
                self.used.discard((uid, "meeting", days[0]))
                self.used.add((uid, "meeting", monday))
                days = [monday]
        self.add(rule=rule, credited=uid, writer=uid, channel="meeting", kind="meeting",
                 title=title, day=days[0], docs=("KH-3848-UBND-2023",),
                 notes=self.note("meeting"))
        row = self.rows[-1]
        self.rows[-1] = replace(
            row,
            channel_text=channel_word if row.channel_text != "meeting" else "meeting",
            kind_text=kind_word if row.kind_text else "",
        )
        return 1

    def report(self, rule: Rule, uid: str) -> int:
        """The quarterly report (IV.1), dated 20–29 March."""
        days = self.pick_days(uid, "report", dt.date(2024, 3, 20), dt.date(2024, 3, 29), 1,
                              office=True)
        number = self.rng.randint(30, 480)
        title = ("Báo cáo kết quả thực hiện Kế hoạch tuyên truyền chuyển đổi số quý I/2024 "
                 "(lồng ghép báo cáo chuyển đổi số)")
        if rule.task == "IV.2":
            title = ("Báo cáo tổng hợp kết quả thực hiện Kế hoạch tuyên truyền về chuyển đổi "
                     "số quý I/2024 của các sở, ngành tỉnh, UBND cấp huyện")
        self.add(rule=rule, credited=uid, writer=uid, channel="report", kind="report",
                 title=title, day=days[0], docs=("KH-3848-UBND-2023",),
                 notes=f"Số {number}/BC-{self.report_suffix(uid)}")
        return 1

    def own_plan(self, rule: Rule, uid: str) -> int:
        """The unit's own 2024 plan (IV.1), issued 15/02–15/03."""
        days = self.pick_days(uid, "plan-doc", dt.date(2024, 2, 15), dt.date(2024, 3, 15), 1,
                              office=True)
        number = self.rng.randint(20, 300)
        self.add(rule=rule, credited=uid, writer=uid, channel="plan-doc", kind="plan",
                 title="Kế hoạch tuyên truyền về chuyển đổi số năm 2024 của "
                       + self.issuer(uid), day=days[0], docs=("KH-3848-UBND-2023",),
                 notes=f"Số {number}/KH-{self.report_suffix(uid)}")
        return 1

    def radio(self, rule: Rule, uid: str, gaps: set[str]) -> None:
        """Grassroots radio (2.5): the district's own system and every commune's, weekly."""
        if self.unit(uid).parent:  # a commune's system is made with its district's
            return
        children = self.cat.children.get(uid, [])
        for label, first, last in self.periods(rule):
            week = int(label[-2:])
            writers = [] if label in gaps else [(uid, self.rng.choice((1, 1, 2, 3)))]
            writers += [(c, 1) for c in children if label not in COMMUNE_RADIO_GAPS.get(c, ())]
            for writer, n in writers:
                for day in self.pick_days(writer, "grassroots-radio", first, last, n,
                                          office=False):
                    headline, docs = self.headline(writer)
                    kind = self.rng.choice(CHANNEL_KINDS["grassroots-radio"])
                    if ":" in headline:
                        title = headline
                    elif kind == "story":
                        title = "Câu chuyện truyền thanh: " + headline
                    else:
                        title = self.rng.choice((
                            f"Bản tin Chuyển đổi số số {week:02d}/2024: {headline}",
                            f"Chuyên mục Chuyển đổi số: {headline}", headline))
                    quantity = ""
                    if writer == uid and self.rng.random() < 0.15:
                        quantity = self.rng.choice(("2", "2", "3"))
                    self.add(rule=rule, credited=uid, writer=writer,
                             channel="grassroots-radio", kind=kind, title=title, day=day,
                             docs=docs, quantity=quantity, notes=self.note("grassroots-radio"))

    def led(self, rule: Rule, uid: str, gaps: set[str]) -> None:
        """LED/LCD campaigns (3.4): ranged rows covering every day outside the gaps."""
        days = [START + dt.timedelta(days=i) for i in range((END - START).days + 1)]
        shown = [d for d in days if d.isoformat() not in gaps]
        runs: list[list[dt.date]] = []
        for day in shown:
            if (runs and runs[-1][-1] + dt.timedelta(days=1) == day
                    and runs[-1][0].month == day.month):
                runs[-1].append(day)
            else:
                runs.append([day])
        style = self.rng.choice(("month", "month", "half"))
        for run in runs:
            pieces = [run]
            if style == "half" and len(run) > 20:
                cut = self.rng.randint(12, 17)
                pieces = [run[:cut], run[cut:]]
            for piece in pieces:
                message = self.rng.choice(LED_MESSAGES)
                where = self.rng.choice(LED_PLACES)
                title = f"Trình chiếu trên màn hình LED tại {where}: {message}"
                end = piece[-1] if len(piece) > 1 else None
                self.used.add((uid, "led-screen", piece[0]))
                self.add(rule=rule, credited=uid, writer=uid, channel="led-screen",
                         kind="slide", title=title, day=piece[0], end=end,
                         notes=self.note("led-screen"))

    def contest(self, rule: Rule, uid: str) -> None:
        """Rule 2.1: in Q1 the contest's plan and rules are issued; the award is August's."""
        if "plan" not in rule.kinds:
            return
        day = self.pick_days(uid, "contest", dt.date(2024, 3, 11), dt.date(2024, 3, 15), 1,
                             office=True)[0]
        self.add(rule=rule, credited=uid, writer=uid, channel="contest", kind="plan",
                 title="Ban hành Kế hoạch và Thể lệ Cuộc thi sản xuất chương trình phát thanh, "
                       "truyền hình về chuyển đổi số năm 2024",
                 day=day, docs=("KH-3848-UBND-2023",))

    def warnings(self) -> None:
        """The three designed warning rows: a duplicate, a January date, an unknown kind."""
        paper = [r for r in self.rows if r.unit == "bao-long-an" and r.date.month == 3]
        self.rows.append(paper[len(paper) // 2])  # exact duplicate (same unit/channel/date/URL)
        rule_11 = self.rules["1.1-internal"]
        self.rows.append(Row(
            date=dt.date(2024, 1, 15), end=None, unit="so-tttt", unit_text="Sở TT&TT",
            channel="meeting", channel_text="hội nghị", kind_text="hội nghị",
            title="Hội nghị triển khai nhiệm vụ chuyển đổi số năm 2024 của tỉnh",
            docs="KH-3848-UBND-2023", task=rule_11.task,
            notes="Tổ chức trước khi ban hành Kế hoạch tuyên truyền"))
        week = (dt.date(2024, 3, 4), dt.date(2024, 3, 10))
        day = self.pick_days("dai-ptth-long-an", "tv", *week, 1, office=False)[0]
        self.rows.append(Row(
            date=day, end=None, unit="dai-ptth-long-an", unit_text="Đài PT-TH Long An",
            channel="tv", channel_text="truyền hình", kind_text="tiểu phẩm",
            title="Tiểu phẩm: Chuyển đổi số - từ chủ trương đến hành động", task="2.3",
            notes="Phát sóng trực tiếp 20h00"))


# ---------------------------------------------------------------------------------------
# Writers
# ---------------------------------------------------------------------------------------


def write_csv(path: Path, rows: Iterable[Sequence[str]]) -> None:
    """Write rows as Excel's 'CSV UTF-8' does: BOM, comma, CRLF, minimal quoting."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\r\n")
        writer.writerow(HEADER)
        writer.writerows(rows)


def numbered(rows: Sequence[Row]) -> list[list[str]]:
    """CSV cells of rows with STT 1..N."""
    return [row.cells(i) for i, row in enumerate(rows, start=1)]


def write_xlsx(path: Path, rows: Sequence[Row]) -> None:
    """The log as a workbook a clerk would send: title, blank row, header, real date cells."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "Nhật ký Q1"
    ws["A1"] = "BÁO CÁO KẾT QUẢ TUYÊN TRUYỀN CHUYỂN ĐỔI SỐ QUÝ I/2024"
    ws["A1"].font = Font(bold=True, size=14)
    ws["A1"].alignment = Alignment(horizontal="center")
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(HEADER))
    fill = PatternFill("solid", fgColor="DDEBF7")
    for col, name in enumerate(HEADER, start=1):
        cell = ws.cell(row=3, column=col, value=name)
        cell.font = Font(bold=True)
        cell.fill = fill
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    for i, row in enumerate(rows, start=1):
        r = i + 3
        values: list[object] = [i, row.date, row.end, row.unit_text, row.channel_text,
                                row.kind_text, row.title, row.url, row.docs, row.task,
                                int(row.quantity) if row.quantity else None, row.notes]
        for col, value in enumerate(values, start=1):
            if value is None or value == "":
                continue
            cell = ws.cell(row=r, column=col, value=value)
            if isinstance(value, dt.date):
                cell.number_format = "dd/mm/yyyy"
    widths = (6, 12, 12, 34, 20, 14, 70, 60, 30, 9, 9, 30)
    for col, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(col)].width = width
    ws.freeze_panes = "A4"
    wb.properties.creator = "Sở Thông tin và Truyền thông tỉnh Long An"
    wb.properties.title = "Nhật ký tuyên truyền chuyển đổi số quý I/2024"
    wb.properties.created = FIXED_TIME
    wb.properties.modified = FIXED_TIME
    wb.properties.lastModifiedBy = "dxplan make_samples"
    buffer = io.BytesIO()
    wb.save(buffer)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(restamp_zip(buffer.getvalue()))


def restamp_zip(data: bytes) -> bytes:
    """The same workbook with FIXED_TIME as every zip member's time and as the document's
    modification time (openpyxl stamps both with 'now' when it saves)."""
    modified = f"<dcterms:modified xsi:type=\"dcterms:W3CDTF\">{FIXED_TIME:%Y-%m-%dT%H:%M:%S}Z<"
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            body = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                body = re.sub(rb"<dcterms:modified [^>]*>[^<]*<", modified.encode(), body)
            stamped = zipfile.ZipInfo(info.filename, date_time=FIXED_TIME.timetuple()[:6])
            stamped.compress_type = zipfile.ZIP_DEFLATED
            stamped.external_attr = 0o600 << 16
            dst.writestr(stamped, body)
    return out.getvalue()


def broken_rows(rows: Sequence[Row]) -> list[list[str]]:
    """logs/q1-broken.csv: one row of each error (and two warnings) among good rows."""
    def pick(unit: str, channel: str) -> Row:
        mine = [r for r in rows if r.unit == unit and r.channel == channel and r.end is None]
        return next((r for r in mine if not r.iso), mine[0])

    good = [pick("bao-long-an", "newspaper"), pick("h-ben-luc", "grassroots-radio"),
            pick("vp-ubnd-tinh", "provincial-portal"), pick("so-tttt", "dx-portal"),
            pick("h-can-duoc", "unit-portal"), pick("dai-ptth-long-an", "tv"),
            pick("tp-tan-an", "meeting"), pick("h-duc-hue", "social"),
            pick("so-y-te", "unit-portal")]
    radio = good[1]
    led = next(r for r in rows if r.unit == "h-can-duoc" and r.channel == "led-screen")
    cases: list[tuple[list[str], str]] = [
        (good[0].cells(0), ""),
        (replace(radio, unit_text="UBND huyen Ben Lucc").cells(0),
         "lỗi: đơn vị gõ sai (gợi ý h-ben-luc)"),
        (good[2].cells(0), ""),
        (replace(good[5], channel_text="tivi").cells(0), "lỗi: kênh không có trong kế hoạch"),
        (good[3].cells(0), ""),
        (_with(good[6].cells(0), 1, "32/01/2024"), "lỗi: ngày không đọc được"),
        (_with(good[4].cells(0), 1, "03/2024"), "lỗi: chỉ có tháng, không có ngày"),
        (_with(good[7].cells(0), 1, "02/13/2024"), "lỗi: ngày viết kiểu tháng trước"),
        (good[8].cells(0), ""),
        (replace(radio, quantity="0").cells(0), "lỗi: số lượng bằng 0"),
        (replace(radio, quantity="-2").cells(0), "lỗi: số lượng âm"),
        (replace(radio, quantity="hai").cells(0), "lỗi: số lượng viết bằng chữ"),
        (_with(_with(led.cells(0), 1, "29/02/2024"), 2, "01/02/2024"),
         "lỗi: đến ngày trước ngày"),
        (replace(good[2], unit_text="").cells(0), "lỗi: thiếu đơn vị"),
        (good[0].cells(0), "cảnh báo: trùng dòng 1"),
        (replace(good[6], date=dt.date(2024, 1, 15)).cells(0),
         "cảnh báo: ngoài thời gian kế hoạch"),
        (led.cells(0), ""),
        (pick("so-gddt", "school").cells(0), ""),
        (pick("h-duc-hoa", "community").cells(0), ""),
        (pick("so-tai-chinh", "report").cells(0), ""),
    ]
    out = []
    for i, (cells, note) in enumerate(cases, start=1):
        cells = _with(cells, 0, str(i))
        if note:
            cells = _with(cells, 11, note)
        out.append(cells)
    return out


def _with(cells: list[str], index: int, value: str) -> list[str]:
    """A copy of `cells` with one cell replaced."""
    copy = list(cells)
    copy[index] = value
    return copy


def submission_rows(rows: Sequence[Row], catalog: Catalog) -> dict[str, list[list[str]]]:
    """The two CSV submissions: h-ben-luc (with communes) and h-duc-hue (one foreign row)."""
    rng = random.Random(SEED + 1)
    ben_luc_children = set(catalog.children["h-ben-luc"])
    own = [r for r in rows if r.unit == "h-ben-luc" and r.date >= START]
    communes = [r for r in rows if r.unit in ben_luc_children]
    ben_luc = sorted(rng.sample(own, 28) + rng.sample(communes, 2),
                     key=lambda r: (r.date, catalog.unit_index[r.unit], r.title))
    duc_hue = [r for r in rows if r.unit == "h-duc-hue" and r.date >= START]
    foreign = next(r for r in own if r.channel == "grassroots-radio" and r.date.month == 3)
    mixed = sorted(rng.sample(duc_hue, 24) + [foreign],
                   key=lambda r: (r.date, catalog.unit_index[r.unit], r.title))
    return {SUB_BEN_LUC: numbered(ben_luc), SUB_DUC_HUE: numbered(mixed)}


def yaml_submission(rows: Sequence[Row]) -> str:
    """submissions/so-tttt/2024-q1.yaml: {unit: so-tttt, entries: [...]}, 10 clean entries."""
    rng = random.Random(SEED + 2)
    mine = [r for r in rows if r.unit == "so-tttt" and r.date >= START]
    picked = sorted(rng.sample(mine, 10), key=lambda r: (r.date, r.title))
    lines = [
        "# Nhật ký tuyên truyền chuyển đổi số quý I/2024 - Sở Thông tin và Truyền thông",
        "unit: so-tttt",
        "entries:",
    ]
    for row in picked:
        fields: list[tuple[str, str]] = [("date", row.date.isoformat())]
        if row.end is not None:
            fields.append(("end_date", row.end.isoformat()))
        fields += [("channel", row.channel_text), ("kind", row.kind_text),
                   ("title", row.title), ("url", row.url), ("docs", row.docs),
                   ("task", row.task), ("quantity", row.quantity), ("notes", row.notes)]
        first = True
        for key, value in fields:
            if not value:
                continue
            scalar = value if key in {"date", "end_date"} else json.dumps(value,
                                                                           ensure_ascii=False)
            lines.append(f"  {'- ' if first else '  '}{key}: {scalar}")
            first = False
    return "\n".join(lines) + "\n"


def png_bytes() -> bytes:
    """A valid 1×1 grey PNG: what a clerk's screenshot renamed to .csv looks like."""
    def chunk(tag: bytes, body: bytes) -> bytes:
        return (struct.pack(">I", len(body)) + tag + body
                + struct.pack(">I", zlib.crc32(tag + body) & 0xFFFFFFFF))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 0, 0, 0, 0)  # 1×1, 8-bit greyscale
    pixels = zlib.compress(b"\x00\x80", 9)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels)
            + chunk(b"IEND", b""))


def generate(root: Path, xlsx: bool = True) -> dict[str, int]:
    """Write every output under `root`; return row counts by output path."""
    catalog = Catalog(load_plan())
    rows = Samples(catalog).build()
    counts: dict[str, int] = {}
    write_csv(root / Q1_CSV, numbered(rows))
    counts[Q1_CSV] = len(rows)
    if xlsx:
        write_xlsx(root / Q1_XLSX, rows)
        counts[Q1_XLSX] = len(rows)
    broken = broken_rows(rows)
    write_csv(root / BROKEN_CSV, broken)
    counts[BROKEN_CSV] = len(broken)
    for path, cells in submission_rows(rows, catalog).items():
        write_csv(root / path, cells)
        counts[path] = len(cells)
    yaml_path = root / SUB_SO_TTTT
    yaml_path.parent.mkdir(parents=True, exist_ok=True)
    yaml_path.write_text(yaml_submission(rows), encoding="utf-8", newline="\n")
    counts[SUB_SO_TTTT] = 10
    png_path = root / SUB_CAN_DUOC
    png_path.parent.mkdir(parents=True, exist_ok=True)
    png_path.write_bytes(png_bytes())
    counts[SUB_CAN_DUOC] = 0
    return counts


def check(root: Path) -> int:
    """Regenerate into a temporary directory; 1 if a committed CSV/YAML output differs."""
    with tempfile.TemporaryDirectory() as tmp:
        generate(Path(tmp), xlsx=False)
        stale = [path for path in CHECKED
                 if not (root / path).is_file()
                 or not filecmp.cmp(Path(tmp) / path, root / path, shallow=False)]
    for path in stale:
        print(f"stale: {path} (run python scripts/make_samples.py)", file=sys.stderr)
    return 1 if stale else 0


def main(argv: Sequence[str] | None = None) -> int:
    """Command line: write the samples, or --check that the committed ones are current."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n", 1)[0])
    parser.add_argument("--check", action="store_true",
                        help="exit 1 if a committed CSV/YAML output differs from a fresh run")
    parser.add_argument("--root", type=Path, default=ROOT,
                        help="directory to write under (default: the repository root)")
    args = parser.parse_args(argv)
    if args.check:
        return check(args.root)
    for path, n in generate(args.root).items():
        print(f"{path}: {n} rows" if n else f"{path}: written")
    return 0


if __name__ == "__main__":
    sys.exit(main())
