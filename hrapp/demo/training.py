"""The demo department's training: a course catalogue and the 2022 plan (Kế hoạch 43/KH-SKH&CN ngày 19/01/2022:
political theory, state management and professional courses by need; each trainee writes a báo cáo thu hoạch),
executed up to the demo date (30/06/2022).

The plan's lines come from the gap analysis on the plan's day (people lacking the QLNN their job position needs),
from needs by development (LLCT cao cấp for deputy heads, QLNN chuyên viên chính for deputies, leadership courses
for new deputies, languages, IT, QP-AN, one master's degree) and a group line for the Discovery centre; a
supplement adds the person planned in 2022 for a post she lacks LLCT for. By 30/06/2022 the QLNN, leadership,
job-position, language and IT courses are finished (their certificates become qualifications: QLNN, tin học,
ngoại ngữ, never chuyên môn or LLCT, so the seed's figures stay as they are); the LLCT courses are still running,
the master's student is sent for the autumn with a service commitment, two lines wait for the second half-year.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from hrapp.db.models import (
    Course,
    Decision,
    OrgUnit,
    Person,
    PostHeld,
    Qualification,
    TrainingPlan,
    TrainingPlanLine,
    TrainingRecord,
)
from hrapp.demo.department_decisions import director_on, next_number
from hrapp.domain import training as tr
from hrapp.domain.rules import RuleBook
from hrapp.queries import _training_gaps as q
from hrapp.queries._training_rows import postgraduate_facts
from hrapp.services.training import (
    CommitmentInput,
    GapPick,
    LineInput,
    ResultInput,
    SendInput,
    add_gaps_in,
    add_line_in,
    complete_in,
    create_commitment_in,
    default_plan_name,
    send_in,
)

AS_OF = date(2022, 6, 30)
PLAN_DAY = date(2022, 1, 19)
SKHCN = "Sở Khoa học và Công nghệ tỉnh Bình Định"
PROVINCE_SCHOOL = "Trường Chính trị tỉnh Bình Định"

# code, name, type, organiser, mode, duration, unit, certificate, level granted (types whose level varies)
COURSES = (
    ("LLCT-CC", "Cao cấp lý luận chính trị (hệ không tập trung)", "llct_cao_cap", "Học viện Chính trị khu vực III",
     "khong_tap_trung", 18, "months", "Bằng tốt nghiệp cao cấp lý luận chính trị", None),
    ("LLCT-TC", "Trung cấp lý luận chính trị - hành chính", "llct_trung_cap", PROVINCE_SCHOOL, "khong_tap_trung", 9,
     "months", "Bằng tốt nghiệp trung cấp lý luận chính trị - hành chính", None),
    ("QLNN-CV", "Bồi dưỡng kiến thức quản lý nhà nước chương trình chuyên viên", "qlnn_cv", PROVINCE_SCHOOL,
     "tap_trung", 4, "weeks", "Chứng chỉ", None),
    ("QLNN-CVC", "Bồi dưỡng kiến thức quản lý nhà nước chương trình chuyên viên chính", "qlnn_cvc",
     "Học viện Hành chính Quốc gia", "tap_trung", 6, "weeks", "Chứng chỉ", None),
    ("QLNN-CVCC", "Bồi dưỡng kiến thức quản lý nhà nước chương trình chuyên viên cao cấp", "qlnn_cvcc",
     "Học viện Chính trị quốc gia Hồ Chí Minh", "tap_trung", 8, "weeks", "Chứng chỉ", None),
    ("LD-PHONG", "Bồi dưỡng lãnh đạo, quản lý cấp phòng", "lanh_dao_phong", PROVINCE_SCHOOL, "tap_trung", 2, "weeks",
     "Chứng chỉ", None),
    ("VTVL-KHCN", "Bồi dưỡng nghiệp vụ quản lý khoa học, công nghệ và đổi mới sáng tạo", "vtvl",
     "Trường Quản lý khoa học và công nghệ (Bộ Khoa học và Công nghệ)", "tap_trung", 1, "weeks", "Giấy chứng nhận",
     None),
    ("QPAN-3", "Bồi dưỡng kiến thức quốc phòng và an ninh đối tượng 3", "qpan", "Bộ Chỉ huy Quân sự tỉnh Bình Định",
     "tap_trung", 4, "weeks", "Giấy chứng nhận", "qpan_doi_tuong_3"),
    ("TH-NC", "Ứng dụng công nghệ thông tin nâng cao", "tin_hoc", "Trường Đại học Quy Nhơn", "khong_tap_trung", 120,
     "periods", "Chứng chỉ ứng dụng CNTT nâng cao", "tin_hoc_nang_cao"),
    ("NN-B1", "Tiếng Anh bậc 3 (B1) theo khung năng lực ngoại ngữ 6 bậc", "ngoai_ngu",
     "Trung tâm Ngoại ngữ - Tin học, Trường Đại học Quy Nhơn", "khong_tap_trung", 3, "months", "Chứng chỉ", "B1"),
    ("THS-QLKT", "Thạc sĩ Quản lý kinh tế", "sau_dai_hoc", "Trường Đại học Quy Nhơn", "vua_lam_vua_hoc", 24,
     "months", "Bằng thạc sĩ", "ThS"),
)
# Estimated cost per person (đồng) by course type
COST = {"llct_cao_cap": 25_000_000, "llct_trung_cap": 9_000_000, "qlnn_cv": 4_500_000, "qlnn_cvc": 8_000_000,
        "lanh_dao_phong": 4_000_000, "vtvl": 3_500_000, "qpan": 5_000_000, "tin_hoc": 2_000_000,
        "ngoai_ngu": 6_000_000, "sau_dai_hoc": 60_000_000}
# Planned dates by course type
DATES = {"llct_cao_cap": (date(2022, 4, 4), date(2023, 9, 30)), "llct_trung_cap": (date(2022, 6, 20), date(2023, 3, 17)),
         "qlnn_cv": (date(2022, 4, 4), date(2022, 4, 29)), "qlnn_cvc": (date(2022, 3, 7), date(2022, 4, 15)),
         "lanh_dao_phong": (date(2022, 5, 16), date(2022, 5, 27)), "vtvl": (date(2022, 6, 6), date(2022, 6, 10)),
         "qpan": (date(2022, 9, 5), date(2022, 9, 30)), "tin_hoc": (date(2022, 3, 1), date(2022, 5, 20)),
         "ngoai_ngu": (date(2022, 2, 21), date(2022, 5, 27)), "sau_dai_hoc": (date(2022, 9, 5), date(2024, 8, 31))}
FUNDING = {"sau_dai_hoc": "ngan_sach_don_vi", "ngoai_ngu": "ngan_sach_don_vi", "tin_hoc": "ngan_sach_don_vi"}


class _Demo:
    def __init__(self, session: Session, rulebook: RuleBook):
        self.s = session
        self.book = rulebook
        self.units = {u.code: u for u in session.scalars(select(OrgUnit))}
        self.courses: dict[str, Course] = {}

    # ---- people

    def posts_on(self, day: date) -> dict[int, list[PostHeld]]:
        out: dict[int, list[PostHeld]] = {}
        for ph in self.s.scalars(select(PostHeld).where(PostHeld.start_date <= day, or_(
                PostHeld.end_date.is_(None), PostHeld.end_date >= day)).order_by(PostHeld.id)):
            out.setdefault(ph.person_id, []).append(ph)
        return out

    def held(self, ids: list[int], day: date) -> dict[int, dict[str, list[str]]]:
        return q.held_levels(self.s, ids, day)

    def people(self, ids: list[int]) -> dict[int, Person]:
        return {p.id: p for p in self.s.scalars(select(Person).where(Person.id.in_(ids)))}

    def decision(self, day: date, summary: str, kind: str = "quyet_dinh", number: str | None = None) -> Decision:
        if number is None:
            number = next_number(self.s, day)
        row = Decision(number=number, kind=kind, sign_date=day, effective_date=day, issuer=SKHCN,
                       signer=director_on(self.s, day), summary=summary)
        self.s.add(row)
        self.s.flush()
        return row

    # ---- catalogue and plan

    def catalogue(self) -> None:
        for code, name, ctype, organiser, mode, value, unit, cert, level in COURSES:
            kind, fixed = tr.grants_of_type(ctype)
            c = Course(code=code, name=name, course_type=ctype, organiser=organiser, mode=mode, duration_value=value,
                       duration_unit=unit, certificate_type=cert, grants_kind=kind, grants_level=fixed or level,
                       active=True)
            self.s.add(c)
            self.courses[ctype] = c
        self.s.flush()

    def line(self, plan: TrainingPlan, ctype: str, person_id: int | None = None, *, unit: str | None = None,
             people: int = 1, requirement: str | None = None) -> None:
        start, end = DATES[ctype]
        cost = COST[ctype] * people
        add_line_in(self.s, LineInput(
            plan.id, ctype, person_id=person_id, unit_id=self.units[unit].id if unit else None, people=people,
            course_id=self.courses[ctype].id, planned_start=start, planned_end=end,
            funding_source=FUNDING.get(ctype, "ngan_sach_tinh"), estimated_cost=cost, requirement=requirement,
            origin="manual"))

    def choose(self) -> dict[str, list[int]]:
        """The people of each need, picked from the demo staff as it stood on the plan's day (stable order)."""
        day = PLAN_DAY
        staff = q.staff_on(self.s, day)
        posts = self.posts_on(day)
        ids = sorted(staff)
        held = self.held(ids, day)
        persons = self.people(ids)

        def best(pid: int, kind: str) -> str | None:
            return tr.highest(kind, held.get(pid, {}).get(kind, ()))

        def age(pid: int) -> int:
            return day.year - persons[pid].birth_date.year

        heads = {"truong_phong", "chanh_van_phong", "chanh_thanh_tra", "chi_cuc_truong", "giam_doc_trung_tam"}
        head_ids = [pid for pid in ids if any(p.post_code in heads for p in posts.get(pid, []))]
        deputies = [pid for pid in ids if any(p.post_code.startswith("pho_") and p.post_code != "pho_giam_doc_so"
                                              for p in posts.get(pid, []))]
        leaders = set(posts)
        chosen: dict[str, list[int]] = {}
        chosen["llct_cao_cap"] = sorted((pid for pid in deputies if best(pid, "llct") == "trung_cap"),
                                        key=lambda pid: (-persons[pid].birth_date.toordinal(), pid))[:2]
        chosen["qlnn_cvc"] = [pid for pid in deputies if best(pid, "qlnn") == "CV"][:2]
        recent = [pid for pid in deputies if min(p.start_date for p in posts[pid]) >= date(2020, 1, 1)]
        chosen["lanh_dao_phong"] = recent[:2]
        taken = {pid for v in chosen.values() for pid in v}
        young = [pid for pid in ids if pid not in leaders and pid not in taken and age(pid) < 40
                 and staff[pid].category in ("cong_chuc", "vien_chuc")]
        chosen["ngoai_ngu"] = [pid for pid in young if best(pid, "ngoai_ngu") == "A2"][:2]
        chosen["tin_hoc"] = [pid for pid in young if best(pid, "tin_hoc") == "tin_hoc_co_ban"
                             and pid not in chosen["ngoai_ngu"]][:1]
        chosen["qpan"] = [pid for pid in head_ids if not best(pid, "qpan")][:2]
        masters = []
        for pid in young:
            if staff[pid].category != "cong_chuc" or best(pid, "chuyen_mon") != "DH":
                continue
            facts = postgraduate_facts(self.s, pid, date(2022, 6, 20))
            if tr.postgraduate_eligibility(facts, date(2022, 6, 20), tr.training_rules(self.book, date(2022, 6, 20))
                                           ).eligible:
                masters.append(pid)
        chosen["sau_dai_hoc"] = masters[:1]
        ttkp = self.units["TTKP"].id
        chosen["vtvl"] = [pid for pid in ids if staff[pid].unit_id == ttkp and pid not in leaders][:5]
        return chosen

    def plan(self) -> tuple[TrainingPlan, dict[str, list[int]]]:
        plan = TrainingPlan(year=2022, name=default_plan_name(2022), status="draft", note=(
            "Đào tạo, bồi dưỡng lý luận chính trị, quản lý nhà nước và chuyên môn, nghiệp vụ theo nhu cầu; người được "
            "cử đi học viết báo cáo thu hoạch gửi Văn phòng Sở sau khóa học."))
        self.s.add(plan)
        self.s.flush()
        gaps = q.gap_rows(self.s, self.book, PLAN_DAY)
        add_gaps_in(self.s, plan, [GapPick(g.person_id, g.gap.kind, g.gap.level, g.gap.need)
                                   for g in gaps], planned_start=DATES["qlnn_cv"][0], planned_end=DATES["qlnn_cv"][1],
                    funding_source="ngan_sach_tinh")
        chosen = self.choose()
        needs = {"llct_cao_cap": "Chuẩn bị nguồn cán bộ lãnh đạo cấp Sở", "qlnn_cvc": "Tiêu chuẩn ngạch chuyên viên "
                 "chính", "lanh_dao_phong": "Mới được bổ nhiệm lãnh đạo cấp phòng", "ngoai_ngu": "Nâng trình độ "
                 "ngoại ngữ theo vị trí việc làm", "tin_hoc": "Nâng trình độ tin học theo vị trí việc làm",
                 "qpan": "Bồi dưỡng kiến thức QP-AN theo đối tượng", "sau_dai_hoc": "Đào tạo thạc sĩ theo vị trí "
                 "việc làm"}
        for ctype in ("llct_cao_cap", "qlnn_cvc", "lanh_dao_phong", "qpan", "tin_hoc", "ngoai_ngu", "sau_dai_hoc"):
            for pid in chosen[ctype]:
                self.line(plan, ctype, pid, requirement=needs[ctype])
        self.line(plan, "vtvl", unit="TTKP", people=6, requirement="Viên chức mới tuyển của Trung tâm")
        for ln in plan_lines(self.s, plan):
            ln.course_id = ln.course_id or self.courses[ln.course_type].id
            ln.estimated_cost = ln.estimated_cost or Decimal(COST[ln.course_type])
        approval = self.s.scalar(select(Decision).where(Decision.number == "43/KH-SKH&CN",
                                                         Decision.sign_date == PLAN_DAY)) \
            or self.decision(PLAN_DAY, "Kế hoạch đào tạo, bồi dưỡng công chức, viên chức năm 2022", kind="ke_hoach",
                             number="43/KH-SKH&CN")
        plan.status, plan.decision_id, plan.approved_on = "approved", approval.id, PLAN_DAY
        return plan, chosen

    # ---- execution up to 30/06/2022

    def send(self, ctype: str, ids: list[int], day: date, summary: str) -> list[TrainingRecord]:
        if not ids:
            return []
        start, end = DATES[ctype]
        records, _unplanned = send_in(self.s, SendInput(
            self.courses[ctype].id, tuple(ids), start, self.decision(day, summary).id, end_date=end,
            cost_per_person=COST[ctype], funding_source=FUNDING.get(ctype, "ngan_sach_tinh")))
        return records

    def finish(self, records: list[TrainingRecord], certificate_day: date, prefix: str, *, results: tuple[str, ...],
               reports_missing: int = 0) -> None:
        for i, r in enumerate(records):
            end = r.end_date or certificate_day
            complete_in(self.s, r, ResultInput(
                r.id, results[i % len(results)], end, certificate_no=f"{prefix}{2200 + r.id:05d}",
                certificate_date=certificate_day, report_received=i < len(records) - reports_missing,
                report_date=min(AS_OF, date.fromordinal(end.toordinal() + 10))))

    def execute(self, plan: TrainingPlan, chosen: dict[str, list[int]]) -> None:
        gap_ids = [ln.person_id for ln in plan_lines(self.s, plan) if ln.origin == "gap" and ln.person_id]
        qlnn = self.send("qlnn_cv", gap_ids[:4], date(2022, 3, 25), "Cử công chức, viên chức dự lớp bồi dưỡng kiến "
                         "thức quản lý nhà nước chương trình chuyên viên")
        self.finish(qlnn, date(2022, 5, 20), "CV", results=("kha", "gioi"), reports_missing=1)
        cvc = self.send("qlnn_cvc", chosen["qlnn_cvc"], date(2022, 2, 25), "Cử công chức dự lớp bồi dưỡng kiến thức "
                        "quản lý nhà nước chương trình chuyên viên chính")
        self.finish(cvc, date(2022, 5, 6), "CVC", results=("gioi", "kha"))
        lead = self.send("lanh_dao_phong", chosen["lanh_dao_phong"], date(2022, 5, 5), "Cử cán bộ dự lớp bồi dưỡng "
                         "lãnh đạo, quản lý cấp phòng")
        self.finish(lead, date(2022, 6, 3), "LĐP", results=("kha",))
        vtvl = self.send("vtvl", chosen["vtvl"], date(2022, 5, 30), "Cử viên chức dự lớp bồi dưỡng nghiệp vụ quản lý "
                         "khoa học, công nghệ và đổi mới sáng tạo")
        self.finish(vtvl, date(2022, 6, 10), "KHCN", results=("dat",), reports_missing=1)
        lang = self.send("ngoai_ngu", chosen["ngoai_ngu"][:1], date(2022, 2, 15), "Cử công chức, viên chức học tiếng "
                         "Anh bậc 3 (B1)")
        self.finish(lang, date(2022, 6, 15), "B1-", results=("dat",))
        it = self.send("tin_hoc", chosen["tin_hoc"], date(2022, 2, 22), "Cử viên chức học ứng dụng công nghệ thông "
                       "tin nâng cao")
        self.finish(it, date(2022, 5, 31), "CNTT", results=("dat",))
        self.send("llct_cao_cap", chosen["llct_cao_cap"][:1], date(2022, 3, 28), "Cử cán bộ đi học cao cấp lý luận "
                  "chính trị hệ không tập trung")
        masters = self.send("sau_dai_hoc", chosen["sau_dai_hoc"], date(2022, 6, 20), "Cử công chức đi đào tạo trình "
                            "độ thạc sĩ")
        for r in masters:
            create_commitment_in(self.s, self.book, CommitmentInput(
                r.person_id, self.courses["sau_dai_hoc"].name, r.start_date, r.end_date or r.start_date,
                COST["sau_dai_hoc"], record_id=r.id, decision=r.decision_id,
                note="Cam kết phục vụ tại Sở sau khi hoàn thành chương trình đào tạo."))

    def supplement(self, plan: TrainingPlan) -> None:
        """The 2026–2031 plan (approved after the training plan) names someone without the LLCT her planned post
        needs: a supplement adds her to the trung cấp course and she is sent with the others."""
        gaps = [g for g in q.gap_rows(self.s, self.book, date(2022, 6, 1)) if g.source == "planning"]
        lines, _skipped = add_gaps_in(self.s, plan, [GapPick(g.person_id, g.gap.kind, g.gap.level,
                                                             g.gap.need) for g in gaps],
                                      planned_start=DATES["llct_trung_cap"][0], planned_end=DATES["llct_trung_cap"][1],
                                      funding_source="ngan_sach_tinh")
        for ln in lines:
            ln.course_id = self.courses[ln.course_type].id
            ln.estimated_cost = Decimal(COST.get(ln.course_type, 0))
        llct = sorted({ln.person_id for ln in lines if ln.course_type == "llct_trung_cap" and ln.person_id})
        self.send("llct_trung_cap", llct, date(2022, 6, 10), "Cử công chức đi học trung cấp lý luận chính trị - hành "
                  "chính hệ không tập trung")


def plan_lines(s: Session, plan: TrainingPlan) -> list[TrainingPlanLine]:
    s.flush()
    return list(s.scalars(select(TrainingPlanLine).where(TrainingPlanLine.plan_id == plan.id)
                          .order_by(TrainingPlanLine.id)))


def load_demo_training(session: Session, rulebook: RuleBook) -> dict[str, int]:
    """Write the demo's course catalogue and 2022 training plan with its execution; returns a few counts."""
    demo = _Demo(session, rulebook)
    demo.catalogue()
    plan, chosen = demo.plan()
    demo.execute(plan, chosen)
    demo.supplement(plan)
    session.flush()
    records = list(session.scalars(select(TrainingRecord)))
    return {
        "courses": len(demo.courses),
        "plan_lines": len(plan_lines(session, plan)),
        "sent": len(records),
        "completed": sum(1 for r in records if r.status == "completed"),
        "qualifications": len(list(session.scalars(select(Qualification.id).where(Qualification.source == "training")))),
    }
