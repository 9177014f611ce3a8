"""The demo department's fixed figures and the plain objects its plan is made of (decisions, seats,
employment periods, posts, people); no database."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from hrapp.db.models import Decision

AS_OF = date(2022, 6, 30)
"""The day the demo department describes (the seed report covers the first half of 2022)."""
SEED = 2022
NOT_EMPTY_MESSAGE = "Cơ sở dữ liệu đã có dữ liệu; chỉ nạp dữ liệu mẫu vào cơ sở dữ liệu trống."

# The figures of the seed report the demo must reproduce (see hrapp.demo.department).
EXPECTED_EDUCATION = {"TS": 2, "NCS": 2, "ThS": 25, "CD": 9, "TC": 2, "SC": 2}  # ThS here: besides the NCS
EXPECTED_LLCT = {"cao_cap": 14, "trung_cap": 20}

NEW_SCALE = date(2004, 10, 1)  # NĐ 204/2004: salaries converted to the new scale on this day
FIRST_RECRUITMENT = date(1990, 1, 1)  # earlier careers are kept as work-history lines only
ID_ISSUE_PLACE = "Cục Cảnh sát quản lý hành chính về trật tự xã hội"
HISTORY_NOTES = ("Không bị bắt, bị tù; không làm việc trong chế độ cũ. Không tham gia, không có quan hệ với tổ "
                 "chức chính trị, kinh tế, xã hội nào ở nước ngoài. Không có thân nhân ở nước ngoài.")

# Promotion ladders: the rank one step below (A1 -> A2 -> A3).
BELOW = {"01.002": "01.003", "01.001": "01.002", "04.024": "04.025", "06.030": "06.031",
         "13.281": "13.282", "V.05.01.02": "V.05.01.03", "V.05.02.06": "V.05.02.07"}
# A rank of the same salary class for the other kind of staff (used for earlier periods of a career).
CC_BY_CLASS = {"A0": "01.004", "A1": "01.003", "A2.1": "01.002", "A3.1": "01.001"}
VC_BY_CLASS = {"A0": "V.05.01.04", "A1": "V.05.01.03", "A2.1": "V.05.01.02", "A3.1": "V.05.01.01"}
# Deputy post of each head post (a head was usually the deputy before).
DEPUTY = {"truong_phong": "pho_truong_phong", "chanh_van_phong": "pho_chanh_van_phong",
          "chanh_thanh_tra": "pho_chanh_thanh_tra", "chi_cuc_truong": "pho_chi_cuc_truong",
          "giam_doc_trung_tam": "pho_giam_doc_trung_tam", "truong_phong_chi_cuc": "pho_truong_phong_chi_cuc",
          "truong_phong_trung_tam": "pho_truong_phong_trung_tam", "giam_doc_so": "pho_giam_doc_so"}
# How a post is written before the unit's name in a work-history line.
POST_PREFIX = {"giam_doc_so": "Giám đốc", "pho_giam_doc_so": "Phó Giám đốc", "chanh_van_phong": "Chánh",
               "pho_chanh_van_phong": "Phó Chánh", "chanh_thanh_tra": "Chánh", "pho_chanh_thanh_tra": "Phó Chánh",
               "truong_phong": "Trưởng", "pho_truong_phong": "Phó Trưởng", "truong_phong_chi_cuc": "Trưởng",
               "pho_truong_phong_chi_cuc": "Phó Trưởng", "truong_phong_trung_tam": "Trưởng",
               "pho_truong_phong_trung_tam": "Phó Trưởng", "chi_cuc_truong": "Chi cục trưởng",
               "pho_chi_cuc_truong": "Phó Chi cục trưởng", "giam_doc_trung_tam": "Giám đốc",
               "pho_giam_doc_trung_tam": "Phó Giám đốc", "ke_toan_truong": "Kế toán trưởng"}
VC = ("vien_chuc", "vien_chuc_tu_chu")
HANG = re.compile(r"\s*\(?(hạng [IV]+|viên chức)\)?")
STRUCTURAL = {  # unit -> (day it started, the unit its staff worked in before)
    "QLCN": (date(2021, 5, 1), None),  # chosen per person: QLCNTT or QLCNG
    "QLCNTT": (date(2009, 3, 1), "QLKH"),
    "QLCNG": (date(2009, 3, 1), "QLKH"),
    "TTPT-TN": (date(2019, 1, 15), "TTPT"),
    "TTPT-KD": (date(2019, 1, 15), "TTPT"),
    "CCTDC-HCTH": (date(2014, 9, 1), "CCTDC"),
    "CCTDC-QL": (date(2014, 9, 1), "CCTDC"),
}
TTKP_ROUNDS = (date(2019, 9, 1), date(2020, 3, 1), date(2020, 10, 1), date(2021, 4, 1))
PROBATION_STARTS = (date(2021, 9, 1), date(2021, 12, 1), date(2022, 3, 1))
PROBATION_POSITIONS = ("TTPT-07", "TTPT-10", "TTUD-08")


def parse_day(text: str) -> date:
    """A day the data files give (ISO)."""
    return date.fromisoformat(text)


def parse_day_or_none(text: str | None) -> date | None:
    """A day the data files may leave out."""
    return date.fromisoformat(text) if text else None


def dmy(day: date) -> str:
    """A day as it is written in Vietnamese papers (dd/mm/yyyy)."""
    return f"{day:%d/%m/%Y}"


@dataclass(eq=False)
class Dec:
    """A decision to write; numbers of generated decisions are given at the end, in date order."""

    issuer: str
    sign_date: date
    summary: str
    kind: str = "quyet_dinh"
    number: str | None = None
    signer: str | None = None
    effective_date: date | None = None
    row: Decision | None = None

    @property
    def row_id(self) -> int:
        """The id of the decision once written (the writer writes every decision before what cites it)."""
        if self.row is None:
            raise LookupError(f"decision not written yet: {self.summary}")
        return self.row.id


@dataclass
class Seat:
    pos: dict[str, Any]
    index: int
    category: str
    edu: str  # TS, NCS, ThS, DH, CD, TC, SC
    llct: str | None
    special: dict[str, Any]

    @property
    def code(self) -> str:
        return self.pos["code"]

    @property
    def tier(self) -> str | None:
        return self.pos.get("tier")

    @property
    def is_leader(self) -> bool:
        return self.pos["group"] == "lanh_dao"


@dataclass
class Stint:
    unit: str
    category: str
    start: date
    decision: Dec | None = None  # given once the whole chain of periods is known
    note: str | None = None
    end: date | None = None

    @property
    def decided_by(self) -> Dec:
        """The decision of the period: the planner gives every period one before planning careers."""
        if self.decision is None:
            raise LookupError(f"no decision for the period in {self.unit} from {self.start}")
        return self.decision


@dataclass
class Post:
    unit: str
    post: str
    start: date
    kind: str
    term_end: date
    decision: Dec
    end: date | None = None
    end_reason: str | None = None


@dataclass
class PersonPlan:
    seat: Seat
    full_name: str
    gender: str
    birth: date
    birth_precision: str
    retirement_date: date
    ethnicity: str
    religion: str
    birth_place: str
    home_town: str
    district: str
    recruit: date
    grad: date
    fields: dict[str, Any] = field(default_factory=dict)
    stints: list[Stint] = field(default_factory=list)
    posts: list[Post] = field(default_factory=list)
    ranks: list[tuple[date, str, Dec, str]] = field(default_factory=list)  # (from, rank, decision, reason)
    salary: list[dict[str, Any]] = field(default_factory=list)
    quals: list[dict[str, Any]] = field(default_factory=list)
    evaluations: dict[int, tuple[str, Dec]] = field(default_factory=dict)
    awards: list[dict[str, Any]] = field(default_factory=list)
    disciplines: list[dict[str, Any]] = field(default_factory=list)
    family: list[dict[str, Any]] = field(default_factory=list)
    work: list[tuple[date, date | None, str]] = field(default_factory=list)
    outside: list[tuple[date, date, str]] = field(default_factory=list)
    early_year: int | None = None
    masters_year: int | None = None
    probation_end: date | None = None


@dataclass
class Plan:
    decisions: list[Dec]
    fixed: dict[str, Dec]
    persons: list[PersonPlan]
    settings: dict[str, str]


def pos_level(pos: dict[str, Any]) -> str:
    """The education level a position requires (university unless the data says otherwise)."""
    return pos.get("education", "DH")
