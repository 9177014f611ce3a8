"""The simulated province's fixed shapes: departments and their units, staffing weights, posts, rank
ladders, ratings and courses; the unit record and the small helpers of the draw."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from itertools import accumulate
from typing import Any

from hrapp.text import fold, name_sort_key

ProgressCallback = Callable[[str, int, int], None]

MAX_EMPLOYEES = 1_000_000
MAX_UNITS = 10_000
BATCH = 2_000  # people per round of inserts
NEW_SCALE = date(2004, 10, 1)  # NĐ 204/2004: salaries converted to the new scale on this day
NOT_EMPTY = "Cơ sở dữ liệu đã có dữ liệu; chỉ sinh dữ liệu giả lập vào cơ sở dữ liệu trống."

# (code, name, phòng, chi cục, trung tâm, kind of public service units (dvsn) and their name pattern)
DEPARTMENTS: tuple[tuple[str, str, tuple[str, ...], tuple[str, ...], tuple[str, ...], str], ...] = (
    ("SNV", "Sở Nội vụ", ("Phòng Tổ chức, biên chế", "Phòng Công chức, viên chức", "Phòng Xây dựng chính quyền",
                          "Phòng Cải cách hành chính"), ("Chi cục Văn thư - Lưu trữ",),
     ("Trung tâm Lưu trữ lịch sử",), ""),
    ("SGDDT", "Sở Giáo dục và Đào tạo", ("Phòng Giáo dục trung học", "Phòng Giáo dục mầm non và tiểu học",
                                         "Phòng Khảo thí và Kiểm định chất lượng", "Phòng Giáo dục thường xuyên"),
     (), ("Trung tâm Giáo dục thường xuyên tỉnh",), "Trường Trung học phổ thông số {n} {district}"),
    ("SYT", "Sở Y tế", ("Phòng Nghiệp vụ Y", "Phòng Nghiệp vụ Dược", "Phòng Kế hoạch - Tài chính"),
     ("Chi cục Dân số", "Chi cục An toàn vệ sinh thực phẩm"), ("Trung tâm Kiểm soát bệnh tật",),
     "Trung tâm Y tế {district}"),
    ("STC", "Sở Tài chính", ("Phòng Quản lý ngân sách", "Phòng Tài chính đầu tư", "Phòng Quản lý giá và công sản",
                             "Phòng Tài chính doanh nghiệp"), (), ("Trung tâm Thông tin và Dịch vụ tài chính",), ""),
    ("SNNMT", "Sở Nông nghiệp và Môi trường", ("Phòng Trồng trọt", "Phòng Quản lý đất đai",
                                               "Phòng Môi trường", "Phòng Kinh tế hợp tác"),
     ("Chi cục Kiểm lâm", "Chi cục Thủy lợi", "Chi cục Chăn nuôi và Thú y"), ("Trung tâm Khuyến nông",),
     "Ban Quản lý rừng phòng hộ {district}"),
    ("SXD", "Sở Xây dựng", ("Phòng Quản lý xây dựng", "Phòng Quy hoạch - Kiến trúc", "Phòng Quản lý vận tải",
                            "Phòng Quản lý nhà và thị trường bất động sản"), ("Chi cục Giám định xây dựng",),
     ("Trung tâm Đăng kiểm phương tiện",), "Ban Quản lý dự án giao thông {district}"),
    ("SCT", "Sở Công Thương", ("Phòng Quản lý công nghiệp", "Phòng Quản lý thương mại", "Phòng Quản lý năng lượng"),
     (), ("Trung tâm Khuyến công và Xúc tiến thương mại",), ""),
    ("STP", "Sở Tư pháp", ("Phòng Xây dựng và kiểm tra văn bản", "Phòng Hành chính tư pháp",
                           "Phòng Phổ biến, giáo dục pháp luật"), (),
     ("Trung tâm Trợ giúp pháp lý nhà nước", "Trung tâm Dịch vụ đấu giá tài sản"), ""),
    ("SKHCN", "Sở Khoa học và Công nghệ", ("Phòng Quản lý khoa học", "Phòng Quản lý công nghệ",
                                           "Phòng Chuyển đổi số"), ("Chi cục Tiêu chuẩn Đo lường Chất lượng",),
     ("Trung tâm Thông tin - Ứng dụng khoa học và công nghệ",), ""),
    ("SVHTTDL", "Sở Văn hóa, Thể thao và Du lịch", ("Phòng Quản lý văn hóa", "Phòng Quản lý thể dục thể thao",
                                                    "Phòng Quản lý du lịch"), (),
     ("Bảo tàng tỉnh", "Thư viện tỉnh", "Trung tâm Huấn luyện và Thi đấu thể thao"),
     "Trung tâm Văn hóa - Thể thao {district}"),
    ("SYTLD", "Sở Lao động - Thương binh và Xã hội", ("Phòng Lao động - Việc làm", "Phòng Người có công",
                                                      "Phòng Bảo trợ xã hội"), (),
     ("Trung tâm Dịch vụ việc làm",), "Trung tâm Công tác xã hội {district}"),
    ("STTTT", "Sở Thông tin và Truyền thông", ("Phòng Báo chí - Xuất bản", "Phòng Bưu chính - Viễn thông"), (),
     ("Trung tâm Công nghệ thông tin và Truyền thông",), ""),
    ("SDT", "Sở Dân tộc và Tôn giáo", ("Phòng Chính sách dân tộc", "Phòng Quản lý tôn giáo"), (), (), ""),
    ("TTT", "Thanh tra tỉnh", ("Phòng Thanh tra kinh tế - xã hội", "Phòng Tiếp công dân, xử lý đơn thư",
                               "Phòng Phòng, chống tham nhũng"), (), (), ""),
    ("VPUB", "Văn phòng Ủy ban nhân dân tỉnh", ("Phòng Tổng hợp", "Phòng Kinh tế", "Phòng Khoa giáo - Văn xã",
                                               "Phòng Nội chính"), (),
     ("Trung tâm Phục vụ hành chính công", "Nhà khách tỉnh"), ""),
    ("SNG", "Sở Ngoại vụ", ("Phòng Hợp tác quốc tế", "Phòng Lãnh sự"), (), (), ""),
)
OWN_UNITS = (("ban_giam_doc", "Ban Giám đốc"), ("van_phong", "Văn phòng Sở"), ("thanh_tra", "Thanh tra Sở"))
SUB_PHONG = {"chi_cuc": ("Phòng Hành chính - Tổng hợp", "Phòng Nghiệp vụ"),
             "trung_tam": ("Phòng Hành chính - Tổng hợp", "Phòng Chuyên môn")}
STAFF_WEIGHT = {"so": 0, "ban_giam_doc": 4, "van_phong": 18, "thanh_tra": 9, "phong": 11, "chi_cuc": 12,
                "phong_thuoc": 10, "trung_tam": 24, "dvsn": 130}
# Head and deputy posts by unit kind (phòng of a centre differ from phòng of a chi cục).
POSTS = {"ban_giam_doc": ("giam_doc_so", "pho_giam_doc_so", 3), "van_phong": ("chanh_van_phong", "pho_chanh_van_phong", 2),
         "thanh_tra": ("chanh_thanh_tra", "pho_chanh_thanh_tra", 1), "phong": ("truong_phong", "pho_truong_phong", 2),
         "chi_cuc": ("chi_cuc_truong", "pho_chi_cuc_truong", 2),
         "phong_chi_cuc": ("truong_phong_chi_cuc", "pho_truong_phong_chi_cuc", 1),
         "trung_tam": ("giam_doc_trung_tam", "pho_giam_doc_trung_tam", 2),
         "phong_trung_tam": ("truong_phong_trung_tam", "pho_truong_phong_trung_tam", 1),
         "dvsn": ("giam_doc_trung_tam", "pho_giam_doc_trung_tam", 3)}
# Rank ladders (lowest first) by kind of work; the salary class comes from the rank catalogue.
LADDERS = {
    "cc": ("01.003", "01.002", "01.001"), "thanh_tra": ("04.025", "04.024", "04.023"),
    "ke_toan": ("06.031", "06.030"), "kiem_soat": ("13.282", "13.281", "13.280"),
    "nghien_cuu": ("V.05.01.03", "V.05.01.02", "V.05.01.01"), "ky_su": ("V.05.02.07", "V.05.02.06", "V.05.02.05"),
    "bien_tap": ("V.11.01.03",), "van_hoa": ("V.10.05.17",), "ke_toan_vc": ("V.06.04.19",),
}
A0_RANK = {"cong_chuc": "01.004", "vien_chuc": "V.05.02.08", "vien_chuc_tu_chu": "V.05.01.04"}
WORKER_RANKS = ("01.005", "01.007", "01.008", "01.009")
RATINGS = (("htxs", 10), ("htt", 68), ("ht", 20), ("kht", 2))
LEVEL_ORDER = ("A0", "L0", "L1", "L2")  # A0 rank, then the steps of a ladder
COURSES = (  # the last two grant no qualification: last year's completed courses are taken from them
    ("llct_trung_cap", "Trung cấp lý luận chính trị - hành chính", "Trường Chính trị tỉnh", 8, "months"),
    ("qlnn_cv", "Bồi dưỡng kiến thức quản lý nhà nước ngạch chuyên viên", "Trường Chính trị tỉnh", 8, "weeks"),
    ("lanh_dao_phong", "Bồi dưỡng lãnh đạo, quản lý cấp phòng", "Trường Chính trị tỉnh", 4, "weeks"),
    ("vtvl", "Bồi dưỡng kiến thức, kỹ năng theo vị trí việc làm", "Sở Nội vụ", 2, "weeks"),
)


def vn_number(value: int) -> str:
    """10.000 as Vietnamese writes it."""
    return f"{value:,}".replace(",", ".")


@dataclass
class Unit:
    id: int
    code: str
    name: str
    kind: str
    parent_id: int | None
    dept: int  # index of the department (top unit) it belongs to
    post_kind: str  # key of POSTS
    admin: bool  # công chức unit (else viên chức)
    positions: list[int] = field(default_factory=list)
    leader_position: int | None = None


def weighted(pairs: Sequence[Sequence[Any]]) -> tuple[list[Any], list[float]]:
    values = [p[0] for p in pairs]
    return values, list(accumulate(float(p[1]) for p in pairs))


@lru_cache(maxsize=200_000)
def name_parts(full: str) -> tuple[str, str]:
    return fold(full), name_sort_key(full)
