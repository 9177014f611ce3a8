"""A small department written through the ORM for the UI tests: units, people, histories and one leaver."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from hrapp.context import ServiceContext
from hrapp.db.models import (
    Decision,
    Employment,
    OrgUnit,
    Person,
    PostHeld,
    Qualification,
    RankAssignment,
    SalaryStep,
)
from hrapp.services.snapshot import refresh_snapshot, set_name

UNITS = [  # code, name, kind, parent code
    ("SKHCN", "Sở Khoa học và Công nghệ", "so", None),
    ("BGD", "Ban Giám đốc", "ban_giam_doc", "SKHCN"),
    ("VP", "Văn phòng Sở", "van_phong", "SKHCN"),
    ("TTRA", "Thanh tra Sở", "thanh_tra", "SKHCN"),
    ("QLKH", "Phòng Quản lý khoa học", "phong", "SKHCN"),
    ("CCTDC", "Chi cục Tiêu chuẩn Đo lường Chất lượng", "chi_cuc", "SKHCN"),
    ("CCTDC_DL", "Phòng Quản lý Đo lường", "phong_thuoc", "CCTDC"),
    ("TTTT", "Trung tâm Thông tin - Ứng dụng khoa học và công nghệ", "trung_tam", "SKHCN"),
]


@dataclass(frozen=True)
class P:
    name: str
    gender: str
    birth: date
    unit: str
    category: str
    rank: str
    salary_class: str
    step: int
    coefficient: str
    post: tuple[str, str] | None = None  # (post code, title)
    status: str = "working"
    education: str = "DH"


PEOPLE = [
    P("Nguyễn Văn An", "M", date(1970, 3, 12), "BGD", "cong_chuc", "01.002", "A2.1", 6, "6.10",
      ("giam_doc_so", "Giám đốc Sở"), education="TS"),
    P("Nguyễn Văn Bình", "M", date(1985, 11, 2), "QLKH", "cong_chuc", "01.003", "A1", 4, "3.33"),
    P("Trần Thị Đào", "F", date(1979, 7, 21), "VP", "cong_chuc", "01.002", "A2.1", 3, "5.08",
      ("chanh_van_phong", "Chánh Văn phòng"), education="ThS"),
    P("Lê Đức Anh", "M", date(1990, 1, 15), "TTTT", "vien_chuc", "V.05.02.07", "A1", 3, "3.00"),
    P("Phạm Thị Hoa", "F", date(1962, 5, 1), "QLKH", "cong_chuc", "01.002", "A2.1", 8, "6.78",
      status="retired"),
    P("Đặng Minh Đức", "M", date(1988, 9, 30), "CCTDC_DL", "cong_chuc", "13.282", "A1", 4, "3.33"),
    P("Võ Thị Ngọc Ánh", "F", date(1995, 12, 5), "TTTT", "vien_chuc_tu_chu", "V.05.01.03", "A1", 2, "2.67"),
    P("Huỳnh Văn Nam", "M", date(1975, 4, 18), "TTRA", "cong_chuc", "04.024", "A2.1", 5, "5.76",
      ("chanh_thanh_tra", "Chánh Thanh tra")),
    P("Bùi Thị Lan", "F", date(1983, 6, 9), "CCTDC", "hop_dong", "01.005", "C1", 5, "2.15", education="TC"),
    P("Nguyễn Thị Hồng Nhung", "F", date(1992, 2, 14), "VP", "cong_chuc", "06.031", "A1", 3, "3.00"),
]


def fill_staff(ctx: ServiceContext) -> dict[str, int]:
    """Write the units and people above; returns person ids by full name."""
    ids: dict[str, int] = {}
    with ctx.unit_of_work() as s:
        decision = Decision(number="76/QĐ-SKHCN", sign_date=date(2015, 3, 2), signer="Giám đốc Sở",
                            issuer="Sở Khoa học và Công nghệ", summary="Tuyển dụng công chức")
        s.add(decision)
        units: dict[str, OrgUnit] = {}
        for i, (code, name, kind, parent) in enumerate(UNITS):
            unit = OrgUnit(code=code, name=name, kind=kind, sort_order=i,
                           parent=units[parent] if parent else None)
            s.add(unit)
            units[code] = unit
        s.flush()
        for p in PEOPLE:
            person = Person(gender=p.gender, birth_date=p.birth, status=p.status, ethnicity="01",
                            religion="khong", birth_place="Quy Nhơn, Bình Định", id_number=None,
                            phone="0256 3822 000")
            set_name(person, p.name)
            s.add(person)
            s.flush()
            start = date(2010, 8, 1)
            left = date(2022, 6, 1) if p.status != "working" else None
            s.add(Employment(person_id=person.id, category=p.category, unit_id=units[p.unit].id,
                             start_date=start, end_date=left, end_reason="retired" if left else None,
                             recruitment_date=start, decision_id=decision.id))
            s.add(RankAssignment(person_id=person.id, rank_code=p.rank, effective_date=start,
                                 decision_id=decision.id))
            s.add(SalaryStep(person_id=person.id, rank_code=p.rank, salary_class=p.salary_class, step=p.step,
                             coefficient=Decimal(p.coefficient), effective_date=date(2021, 1, 1),
                             step_since=date(2021, 1, 1), decision_id=decision.id))
            if p.post:
                s.add(PostHeld(person_id=person.id, post_code=p.post[0], post_title=p.post[1],
                               unit_id=units[p.unit].id, start_date=date(2019, 5, 1), term_end=date(2024, 5, 1),
                               decision_id=decision.id))
            s.add(Qualification(person_id=person.id, kind="chuyen_mon", level_code=p.education,
                                major="Quản lý khoa học và công nghệ", institution="Trường Đại học Quy Nhơn",
                                mode="chinh_quy", year=2008))
            refresh_snapshot(s, person)
            ids[person.full_name] = person.id
    return ids
