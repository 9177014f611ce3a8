"""The demo department's two recruitment rounds of 2022 (xét tuyển viên chức under NĐ 115/2020), as they stood on
30/06/2022, written through the recruitment services.

Kế hoạch 148/KH-SKHCN (04/03/2022): 12 viên chức for the Trung tâm Khám phá khoa học và Đổi mới sáng tạo, within
the vacancies of four job positions; 24 registration forms, the conditions checked (three candidates fail),
candidate numbers, round-2 interviews scored and the results recognised by decision, the winners not yet hired.
Kế hoạch 173/KH-SKHCN (14/03/2022): 2 viên chức for the Trung tâm Phân tích và Đo lường Chất lượng (one place
above its position's vacancies, with the reason); 7 forms, the interviews of 28/06/2022 scored, round 2 still
open. Both rounds hold their 14 places "in recruitment" in the staffing view; the officer finishes them in the app.
The candidates are synthetic; their CCCD numbers differ from every staff member's.
"""

from __future__ import annotations

import json
import random
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from hrapp import catalogs
from hrapp.context import ServiceContext
from hrapp.db.models import Candidate, Decision, JobPosition, OrgUnit, Person, PostHeld, RecruitmentRound
from hrapp.demo.present import DemoDecisions
from hrapp.paths import DEMO
from hrapp.queries.recruitment import TOTAL_PART, CouncilMember, QualificationItem
from hrapp.services.recruitment import (
    CandidateInput,
    RoundInput,
    ScoreEntry,
    ScoreSheet,
    StatusChange,
    TargetInput,
    assign_sbd_in,
    change_status_in,
    create_round_in,
    enter_scores_in,
    save_candidate_in,
    set_target_in,
)
from hrapp.text import fold

AS_OF = date(2022, 6, 30)
"""The demo department's date (hrapp.demo.department.AS_OF)."""
SEED = "demo-recruitment-2022"
ID_ISSUE_PLACE = "Cục Cảnh sát quản lý hành chính về trật tự xã hội"
REGIME, METHOD = "nd115_2020", "xet_tuyen"
IT_BASIC = QualificationItem("tin_hoc", "tin_hoc_co_ban", institution="Trường Đại học Quy Nhơn")


@dataclass(frozen=True)
class _Form:
    """One registration form: first and second choice (position codes), degree, English level (None: no
    certificate), priority group, round-2 score (None: absent)."""

    name: str
    gender: str
    birth: date
    choices: tuple[str, ...]
    major: str
    school: str
    graduated: int
    english: str | None
    score: str | None
    level: str = "DH"
    grade: str = "Khá"
    priority: str | None = None
    ethnicity: str = "01"
    district: str | None = None


_UNI_QN = "Trường Đại học Quy Nhơn"
_HUE_EDU = "Trường Đại học Sư phạm - Đại học Huế"
_DN_EDU = "Trường Đại học Sư phạm - Đại học Đà Nẵng"
_DN_TECH = "Trường Đại học Bách khoa - Đại học Đà Nẵng"
_HCM_SCI = "Trường Đại học Khoa học Tự nhiên - ĐHQG TP. Hồ Chí Minh"
_HUE_ECON = "Trường Đại học Kinh tế - Đại học Huế"
_NOI_VU = "Trường Đại học Nội vụ Hà Nội"
_NHA_TRANG = "Trường Đại học Nha Trang"
_CD_QN = "Trường Cao đẳng Kỹ thuật Công nghệ Quy Nhơn"
_TC_BD = "Trường Trung cấp nghề Bình Định"

# Trung tâm Khám phá khoa học và Đổi mới sáng tạo: guides (6 places), start-up support (3), planetarium and
# models (2), administration (1). Three forms fail the conditions: a major the position does not take, a
# college degree for a university post, no language certificate.
_DISCOVERY = (
    _Form("Nguyễn Thị Thu Hiền", "F", date(1997, 4, 12), ("TTKP-04",), "Sư phạm Vật lý", _UNI_QN, 2019, "B1", "91.5",
          grade="Giỏi"),
    _Form("Trần Minh Khôi", "M", date(1996, 9, 3), ("TTKP-04",), "Sư phạm Vật lý", _HUE_EDU, 2018, "B1", "88"),
    _Form("Lê Thị Ngọc Ánh", "F", date(1998, 6, 25), ("TTKP-04",), "Quản trị dịch vụ du lịch và lữ hành", _UNI_QN,
          2020, "B1", "86", grade="Giỏi"),
    _Form("Đinh Văn Lới", "M", date(1995, 2, 20), ("TTKP-04",), "Sư phạm Sinh học", _UNI_QN, 2018, "A2", "79",
          priority="dan_toc_thieu_so", ethnicity="12", district="huyện Vĩnh Thạnh"),
    _Form("Phạm Quốc Bảo", "M", date(1997, 11, 8), ("TTKP-04",), "Sư phạm Sinh học", _DN_EDU, 2019, "B1", "82.5"),
    _Form("Võ Thị Mỹ Duyên", "F", date(1999, 1, 15), ("TTKP-04",), "Sư phạm Vật lý", _UNI_QN, 2021, "A2", "80"),
    _Form("Huỳnh Văn Tài", "M", date(1996, 3, 30), ("TTKP-04",), "Quản trị dịch vụ du lịch và lữ hành", _HUE_ECON,
          2018, "B1", "77", priority="nghia_vu_quan_su"),
    _Form("Đặng Thị Bích Ngọc", "F", date(1998, 8, 19), ("TTKP-04",), "Sư phạm Sinh học", _UNI_QN, 2020, "B1", "74"),
    _Form("Bùi Văn Hậu", "M", date(1995, 12, 2), ("TTKP-04",), "Sư phạm Vật lý", _UNI_QN, 2017, "A2", None),
    _Form("Ngô Thị Kiều Oanh", "F", date(1997, 5, 5), ("TTKP-04",), "Sư phạm Sinh học", _HUE_EDU, 2019, "B1", "46"),
    _Form("Trương Công Danh", "M", date(1996, 7, 21), ("TTKP-04",), "Kế toán", _UNI_QN, 2018, "B1", None),
    _Form("Nguyễn Hoàng Phúc", "M", date(1995, 10, 10), ("TTKP-05",), "Quản trị kinh doanh", _HUE_ECON, 2017, "B1",
          "87"),
    _Form("Lê Thị Thanh Tâm", "F", date(1997, 2, 14), ("TTKP-05",), "Công nghệ thông tin", _UNI_QN, 2019, "B1", "84",
          grade="Giỏi"),
    _Form("Hồ Văn Quang", "M", date(1996, 6, 6), ("TTKP-05",), "Công nghệ thông tin", _DN_TECH, 2018, "B2", "78.5"),
    _Form("Phan Thị Hồng Nhung", "F", date(1998, 9, 9), ("TTKP-05", "TTKP-08"),
          "Quản trị văn phòng - Quản trị kinh doanh (song ngành)", _UNI_QN, 2020, "B1", "76"),
    _Form("Tô Văn Lực", "M", date(1997, 3, 3), ("TTKP-05",), "Quản trị kinh doanh", "Trường Cao đẳng Bình Định",
          2018, "A2", None, level="CD"),
    _Form("Trần Đức Thắng", "M", date(1996, 12, 12), ("TTKP-06",), "Điện tử - Viễn thông", _DN_TECH, 2019, "B1", "85"),
    _Form("Nguyễn Thị Lệ Quyên", "F", date(1997, 7, 7), ("TTKP-06",), "Vật lý", _HCM_SCI, 2019, "B1", "76",
          priority="con_liet_si"),
    _Form("Lý Văn Hòa", "M", date(1995, 5, 25), ("TTKP-06",), "Điện tử - Viễn thông", _UNI_QN, 2017, "A2", "79.5"),
    _Form("Châu Thị Yến", "F", date(1998, 4, 4), ("TTKP-06",), "Vật lý", _UNI_QN, 2020, None, None),
    _Form("Mai Xuân Trường", "M", date(1996, 1, 18), ("TTKP-06", "TTKP-04"), "Sư phạm Vật lý", _UNI_QN, 2018, "A2",
          "64"),
    _Form("Võ Thị Thu Trang", "F", date(1996, 10, 30), ("TTKP-08",), "Quản trị văn phòng", _NOI_VU, 2018, "B1", "83"),
    _Form("Lương Văn Nhân", "M", date(1997, 8, 8), ("TTKP-08",), "Quản trị văn phòng", _UNI_QN, 2019, "A2", "71"),
    _Form("Đỗ Thị Kim Chi", "F", date(1998, 2, 28), ("TTKP-08",), "Quản trị văn phòng", _NOI_VU, 2020, "B1", "68"),
)
# Trung tâm Phân tích và Đo lường Chất lượng: chemical and microbiological testing (1), laboratory technician
# (1, college level). A biotechnology degree and a vocational certificate do not meet the conditions.
_ANALYSIS = (
    _Form("Nguyễn Thị Hồng Vân", "F", date(1996, 5, 12), ("TTPT-07",), "Hóa học", _UNI_QN, 2018, "B1", "84",
          grade="Giỏi"),
    _Form("Phạm Văn Khánh", "M", date(1995, 9, 19), ("TTPT-07",), "Công nghệ thực phẩm", _NHA_TRANG, 2017, "B1",
          "80.5"),
    _Form("Lê Thị Phương Thảo", "F", date(1997, 12, 1), ("TTPT-07",), "Vi sinh vật học", _HCM_SCI, 2019, "B2", "82",
          priority="con_thuong_binh"),
    _Form("Trần Quốc Việt", "M", date(1996, 2, 22), ("TTPT-07",), "Công nghệ sinh học", _UNI_QN, 2018, "B1", None),
    _Form("Huỳnh Thị Mỹ Linh", "F", date(1999, 3, 17), ("TTPT-08",), "Công nghệ kỹ thuật hóa học", _CD_QN, 2020, None,
          "78", level="CD"),
    _Form("Đoàn Văn Sơn", "M", date(1998, 11, 11), ("TTPT-08",), "Công nghệ kỹ thuật hóa học", _CD_QN, 2019, None,
          "73", level="CD"),
    _Form("Phan Văn Lâm", "M", date(2000, 6, 6), ("TTPT-08",), "Công nghệ kỹ thuật hóa học", _TC_BD, 2019, None, None,
          level="TC"),
)


@dataclass(frozen=True)
class _Round:
    centre: str
    plan: str  # number of the plan (kế hoạch) already in the demo's decisions
    notice: date
    round1: date  # the day the conditions were checked (round 1 of xét tuyển)
    round2_start: date
    interview: date
    places: tuple[tuple[str, int, str | None], ...]  # (position code, quota, reason when above the vacancies)
    forms: tuple[_Form, ...]
    council_day: date
    prefix: str
    results_day: date | None  # the results decision; None: round 2 is still open


_ROUNDS = (
    _Round("TTKP", "148/KH-SKHCN", date(2022, 3, 10), date(2022, 4, 12), date(2022, 4, 18), date(2022, 5, 20),
           (("TTKP-04", 6, None), ("TTKP-05", 3, None), ("TTKP-06", 2, None), ("TTKP-08", 1, None)),
           _DISCOVERY, date(2022, 3, 25), "KP", date(2022, 6, 17)),
    _Round("TTPT", "173/KH-SKHCN", date(2022, 3, 21), date(2022, 4, 25), date(2022, 5, 5), date(2022, 6, 28),
           (("TTPT-08", 1, None),
            ("TTPT-07", 1, "Số người làm việc hưởng lương từ ngân sách nhà nước năm 2022 của Trung tâm còn thiếu 02 "
                           "so với số được giao (Quyết định số 5161/QĐ-UBND); vị trí đang bố trí viên chức hưởng "
                           "lương từ nguồn thu sự nghiệp")),
           _ANALYSIS, date(2022, 4, 5), "PT", None),
)


def load_demo_recruitment(session: Session, ctx: ServiceContext) -> dict[str, int]:
    """Write both rounds inside the demo loader's unit of work; returns counts for its summary."""
    return _Recruitment(session, ctx).run()


class _Recruitment:
    def __init__(self, session: Session, ctx: ServiceContext):
        self.s = session
        self.ctx = ctx
        self.rng = random.Random(SEED)
        self.people = json.loads((DEMO / "people.json").read_text(encoding="utf-8"))
        self.units = {u.code: u for u in session.scalars(select(OrgUnit))}
        self.positions = {p.code: p for p in session.scalars(select(JobPosition))}
        self.ids = set(session.scalars(select(Person.id_number)))
        self.phones = set(session.scalars(select(Person.phone)))

    def run(self) -> dict[str, int]:
        decisions = DemoDecisions(self.s)
        councils, results = {}, {}
        for r in _ROUNDS:
            centre = self.units[r.centre].name
            councils[r.centre] = decisions.get("SKHCN", r.council_day, "Về việc thành lập Hội đồng xét tuyển viên "
                                               f"chức năm 2022 tại {centre}")
            if r.results_day is not None:
                results[r.centre] = decisions.get("SKHCN", r.results_day, "Về việc công nhận kết quả xét tuyển viên "
                                                  f"chức năm 2022 tại {centre}", effective_date=r.results_day)
        decisions.write()
        counts = {"recruitment_rounds": 0, "candidates": 0}
        for r in _ROUNDS:
            rnd = self._round(r, councils[r.centre].id)
            result = results.get(r.centre)
            self._advance(rnd, r, result.id if result is not None else None)
            counts["recruitment_rounds"] += 1
            counts["candidates"] += len(r.forms)
        return counts

    # ---- the round, its places and council

    def _plan_id(self, number: str) -> int:
        plan = self.s.scalar(select(Decision.id).where(Decision.number == number, Decision.kind == "ke_hoach"))
        assert plan is not None, number
        return plan

    def _holder(self, post_code: str, unit_code: str, day: date) -> tuple[str, int]:
        """The first holder of a post on `day`: name and staff record."""
        row = self.s.execute(
            select(Person.full_name, Person.id).join(PostHeld, PostHeld.person_id == Person.id)
            .where(PostHeld.post_code == post_code, PostHeld.unit_id == self.units[unit_code].id,
                   PostHeld.start_date <= day, or_(PostHeld.end_date.is_(None), PostHeld.end_date >= day))
            .order_by(PostHeld.start_date, PostHeld.id)).first()
        assert row is not None, (post_code, unit_code, day)
        return row[0], row[1]

    def _council(self, r: _Round) -> tuple[CouncilMember, ...]:
        """The director chairs; a deputy director; the centre's director; the head of the office; the HR officer
        (VP-03) is the secretary — each linked to the staff record, as the council picker does."""
        day = r.council_day
        centre = self.units[r.centre]
        officer = self.s.execute(select(Person.full_name, Person.id).where(
            Person.cur_position_id == self.positions["VP-03"].id).order_by(Person.id)).first()
        members = (
            (self._holder("giam_doc_so", "BGD", day), "Giám đốc Sở", "chu_tich"),
            (self._holder("pho_giam_doc_so", "BGD", day), "Phó Giám đốc Sở", "pho_chu_tich"),
            (self._holder("giam_doc_trung_tam", r.centre, day), f"Giám đốc {centre.name}", "uy_vien"),
            (self._holder("chanh_van_phong", "VP", day), "Chánh Văn phòng Sở", "uy_vien"),
            ((officer[0], officer[1]) if officer else ("", None), "Chuyên viên Văn phòng Sở", "uy_vien_thu_ky"),
        )
        return tuple(CouncilMember(name, title, role, pid) for (name, pid), title, role in members)

    def _round(self, r: _Round, council_decision: int) -> RecruitmentRound:
        centre = self.units[r.centre].name
        rnd = create_round_in(self.s, self.ctx, RoundInput(
            name=f"Xét tuyển viên chức năm 2022 – {centre}", year=2022, regime=REGIME, method=METHOD,
            category="vien_chuc", plan_decision=self._plan_id(r.plan), notice_date=r.notice, round1_date=r.round1,
            round2_date=r.interview, council=self._council(r), council_decision=council_decision,
            note=f"Xét tuyển theo Kế hoạch số {r.plan}; vòng 2 phỏng vấn ngày {r.interview:%d/%m/%Y}."))
        for code, quota, reason in r.places:
            set_target_in(self.s, TargetInput(rnd.id, self.positions[code].id, quota, over_vacancy_reason=reason),
                          r.notice)
        return rnd

    # ---- the candidates and the steps of the round

    def _advance(self, rnd: RecruitmentRound, r: _Round, results_decision: int | None) -> None:
        self._status(rnd, "open", r.notice)
        targets = {t.position_id: t.id for t in rnd.targets}
        assert rnd.application_deadline is not None
        days = (rnd.application_deadline - r.notice).days
        for n, form in enumerate(r.forms):
            applied = r.notice + timedelta(days=1 + (n * 7919) % days)
            prefs = tuple(targets[self.positions[code].id] for code in form.choices)
            save_candidate_in(self.s, self.ctx, rnd, self._candidate(form, prefs, applied), AS_OF)
        self._status(rnd, "round1", r.round1)  # the conditions are checked on the application deadline
        assign_sbd_in(self.s, rnd.id, r.prefix)
        self._status(rnd, "round2", r.round2_start)
        self.s.flush()
        by_name = {c.full_name: c for c in self.s.scalars(select(Candidate).where(Candidate.round_id == rnd.id))}
        entries = []
        for form in r.forms:
            c = by_name[form.name]
            if c.sbd is None:
                continue  # not admitted to round 2
            entries.append(ScoreEntry(c.id, TOTAL_PART, None if form.score is None else Decimal(form.score),
                                      absent=form.score is None))
        enter_scores_in(self.s, self.ctx, ScoreSheet(rnd.id, 2, tuple(entries)))
        if results_decision is not None:
            assert r.results_day is not None
            self._status(rnd, "results", r.results_day, results_decision)

    def _status(self, rnd: RecruitmentRound, to: str, day: date, decision: int | None = None) -> None:
        change_status_in(self.s, self.ctx, StatusChange(rnd.id, to, day, decision=decision), AS_OF)

    def _candidate(self, form: _Form, prefs: tuple[int, ...], applied: date) -> CandidateInput:
        rng = self.rng
        name = form.district or self._weighted_district()
        district = next(d for d in self.people["districts"] if d["name"] == name)
        commune = rng.choice(district["communes"])
        province = self.people["province"]
        birth_place = f"{commune}, {district['name']}, {province}"
        if rng.random() < 0.5:
            address = f"Số {rng.randint(2, 320)} {rng.choice(self.people['quy_nhon_streets'])}, thành phố Quy Nhơn, " \
                      f"{province}"
        else:
            address = f"Thôn {rng.choice(self.people['villages'])}, {birth_place}"
        quals = []
        if form.level != "TC":
            quals.append(IT_BASIC)
        if form.english:
            quals.append(QualificationItem("ngoai_ngu", form.english, language="Tiếng Anh",
                                           institution="Trường Đại học Quy Nhơn", year=form.graduated))
        parts = fold(form.name).split(" ")
        email = f"{''.join(p[0] for p in parts[:-1])}{parts[-1]}{form.birth.year % 100:02d}@gmail.com"
        return CandidateInput(
            full_name=form.name, gender=form.gender, birth_date=form.birth, id_number=self._cccd(form),
            preferences=prefs, birth_place=birth_place, home_town=birth_place, ethnicity=form.ethnicity,
            religion="khong" if rng.random() < 0.8 else "phat_giao",
            id_issue_date=date(2021, rng.randint(3, 12), rng.randint(1, 28)), id_issue_place=ID_ISSUE_PLACE,
            permanent_address=address, current_address=address, phone=self._phone(), email=email,
            education_level=form.level, major=form.major, institution=form.school, graduation_year=form.graduated,
            degree_grade=form.grade, qualifications=tuple(quals),
            experience_years=max(0, min(3, AS_OF.year - form.graduated - 1)),
            priority_groups=(form.priority,) if form.priority else (), applied_on=applied,
            note=self._priority_note(form))

    def _weighted_district(self) -> str:
        districts = self.people["districts"]
        return self.rng.choices([d["name"] for d in districts], weights=[d["weight"] for d in districts])[0]

    @staticmethod
    def _priority_note(form: _Form) -> str | None:
        if form.priority is None:
            return None
        evidence = {
            "dan_toc_thieu_so": f"Dân tộc {catalogs.label('ethnicity', form.ethnicity)} (giấy khai sinh)",
            "con_liet_si": "Giấy chứng nhận gia đình liệt sĩ",
            "con_thuong_binh": "Giấy chứng nhận thương binh của cha",
            "nghia_vu_quan_su": "Giấy chứng nhận hoàn thành nghĩa vụ quân sự",
        }
        return f"Diện ưu tiên: {evidence.get(form.priority, form.priority)}."

    def _cccd(self, form: _Form) -> str:
        """A Bình Định CCCD (052) with the sex and century digit and the year of birth, unused by anyone else."""
        digit = (0 if form.birth.year < 2000 else 2) + (0 if form.gender == "M" else 1)
        while True:
            number = f"052{digit}{form.birth.year % 100:02d}{self.rng.randint(0, 999999):06d}"
            if number not in self.ids:
                self.ids.add(number)
                return number

    def _phone(self) -> str:
        while True:
            phone = self.rng.choice(["090", "091", "093", "097", "098", "035", "036", "038", "077", "079"]) + \
                f"{self.rng.randint(0, 9999999):07d}"
            if phone not in self.phones:
                self.phones.add(phone)
                return phone
