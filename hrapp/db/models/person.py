"""Persons (Sơ yếu lý lịch fields), employment periods and the dated history rows of a career."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    ForeignKey,
    Index,
    Integer,
    Numeric,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from hrapp.db.models.base import Base, IdMixin, StampMixin

COEF = Numeric(6, 3)


class Person(IdMixin, StampMixin, Base):
    """One person's record. History lives in the tables below; the `cur_*` columns are a snapshot of the
    current state, rewritten by the services after every change, so lists of 100,000 rows need no joins."""

    __tablename__ = "persons"
    __table_args__ = (
        Index("ix_persons_sort", "sort_key"),
        Index("ix_persons_unit_sort", "cur_unit_id", "sort_key"),
        # The staff list reads only this index, in its order, whatever the search and filters (100,000 rows).
        Index("ix_persons_list", "sort_key", "id", "status", "name_folded", "cur_unit_id", "cur_category"),
    )
    staff_code: Mapped[str | None] = mapped_column(String(30))  # số hiệu cán bộ, công chức
    full_name: Mapped[str] = mapped_column(String(120))
    family_name: Mapped[str] = mapped_column(String(40), default="")
    middle_name: Mapped[str] = mapped_column(String(80), default="")
    given_name: Mapped[str] = mapped_column(String(40), default="")
    name_folded: Mapped[str] = mapped_column(String(120), default="", index=True)
    sort_key: Mapped[str] = mapped_column(String(400), default="")
    other_names: Mapped[str | None] = mapped_column(String(120))
    gender: Mapped[str] = mapped_column(String(1))  # 'M' / 'F'
    birth_date: Mapped[date] = mapped_column(Date)
    birth_precision: Mapped[str] = mapped_column(String(5), default="day")  # day, month, year
    birth_place: Mapped[str | None] = mapped_column(String(200))
    home_town: Mapped[str | None] = mapped_column(String(200))  # quê quán
    # the official unit each place names (hrapp.domain.places: a commune's 5 digits or a province's 2), where
    # the text names one without doubt; the text above stays as written
    birth_place_code: Mapped[str | None] = mapped_column(String(5))
    home_town_code: Mapped[str | None] = mapped_column(String(5))
    permanent_address_code: Mapped[str | None] = mapped_column(String(5))
    current_address_code: Mapped[str | None] = mapped_column(String(5))
    ethnicity: Mapped[str | None] = mapped_column(String(40))
    religion: Mapped[str | None] = mapped_column(String(60))
    id_number: Mapped[str | None] = mapped_column(String(12), unique=True)  # số CCCD
    id_issue_date: Mapped[date | None] = mapped_column(Date)
    id_issue_place: Mapped[str | None] = mapped_column(String(200))
    permanent_address: Mapped[str | None] = mapped_column(String(300))
    current_address: Mapped[str | None] = mapped_column(String(300))
    phone: Mapped[str | None] = mapped_column(String(30))
    email: Mapped[str | None] = mapped_column(String(120))
    photo_id: Mapped[int | None] = mapped_column(Integer)  # attachments.id (no FK: attachments point here)
    social_insurance_no: Mapped[str | None] = mapped_column(String(20))
    general_education: Mapped[str | None] = mapped_column(String(20))  # "12/12"
    occupation_at_recruitment: Mapped[str | None] = mapped_column(String(200))
    main_duties: Mapped[str | None] = mapped_column(Text)
    strengths: Mapped[str | None] = mapped_column(Text)  # sở trường công tác
    highest_title: Mapped[str | None] = mapped_column(String(200))  # danh hiệu được phong tặng
    party_join_date: Mapped[date | None] = mapped_column(Date)
    party_official_date: Mapped[date | None] = mapped_column(Date)
    union_join_info: Mapped[str | None] = mapped_column(String(300))  # tổ chức chính trị - xã hội
    army_join_date: Mapped[date | None] = mapped_column(Date)
    army_leave_date: Mapped[date | None] = mapped_column(Date)
    army_rank: Mapped[str | None] = mapped_column(String(60))
    war_invalid_grade: Mapped[str | None] = mapped_column(String(20))  # thương binh hạng
    policy_family: Mapped[str | None] = mapped_column(String(120))  # con gia đình chính sách
    health: Mapped[str | None] = mapped_column(String(60))
    height_cm: Mapped[int | None] = mapped_column(Integer)
    weight_kg: Mapped[int | None] = mapped_column(Integer)
    blood_type: Mapped[str | None] = mapped_column(String(5))
    history_notes: Mapped[str | None] = mapped_column(Text)  # đặc điểm lịch sử bản thân
    # Fields of the Sơ yếu lý lịch of the national CBCCVC database (TT 06/2023/TT-BNV) that 2C-BNV/2008 lacks
    personal_id: Mapped[str | None] = mapped_column(String(12), unique=True)  # mã số định danh (số định danh cá nhân)
    health_insurance_no: Mapped[str | None] = mapped_column(String(20))  # số thẻ BHYT (15 characters, typed spaced)
    managing_agency: Mapped[str | None] = mapped_column(String(200))  # cơ quan quản lý CBCCVC
    family_background: Mapped[str | None] = mapped_column(String(120))  # thành phần gia đình xuất thân
    longest_work: Mapped[str | None] = mapped_column(String(200))  # công việc làm lâu nhất
    party_post: Mapped[str | None] = mapped_column(String(120))  # chức vụ Đảng hiện tại
    party_concurrent_post: Mapped[str | None] = mapped_column(String(120))  # chức vụ Đảng kiêm nhiệm
    status: Mapped[str] = mapped_column(String(20), default="working", index=True)
    # Snapshot of the current state (see class docstring)
    cur_unit_id: Mapped[int | None] = mapped_column(ForeignKey("org_units.id"))
    cur_category: Mapped[str | None] = mapped_column(String(30))
    cur_position_id: Mapped[int | None] = mapped_column(ForeignKey("job_positions.id"))
    cur_rank_code: Mapped[str | None] = mapped_column(String(20))
    cur_salary_step: Mapped[int | None] = mapped_column(Integer)
    cur_coefficient: Mapped[Decimal | None] = mapped_column(COEF)
    cur_post: Mapped[str | None] = mapped_column(String(120))
    cur_education: Mapped[str | None] = mapped_column(String(10))
    row_version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": row_version}


class Employment(IdMixin, StampMixin, Base):
    """A period of work in one unit and category. A move is a new row; the old one gets its end date."""

    __tablename__ = "employments"
    __table_args__ = (Index("ix_employments_unit_dates", "unit_id", "start_date", "end_date"),
                      # covers the staffing count: running rows grouped by unit, category and position
                      Index("ix_employments_count", "unit_id", "category", "position_id", "start_date",
                            "end_date", "person_id"))
    person_id: Mapped[int] = mapped_column(ForeignKey("persons.id", ondelete="CASCADE"), index=True)
    category: Mapped[str] = mapped_column(String(30))
    unit_id: Mapped[int] = mapped_column(ForeignKey("org_units.id"))
    position_id: Mapped[int | None] = mapped_column(ForeignKey("job_positions.id"))
    start_date: Mapped[date] = mapped_column(Date)
    end_date: Mapped[date | None] = mapped_column(Date)
    end_reason: Mapped[str | None] = mapped_column(String(30))  # retired, resigned, transferred, moved
    end_decision_id: Mapped[int | None] = mapped_column(ForeignKey("decisions.id"))  # retirement, resignation …
    recruitment_date: Mapped[date | None] = mapped_column(Date)
    recruitment_agency: Mapped[str | None] = mapped_column(String(200))
    probation_start: Mapped[date | None] = mapped_column(Date)
    probation_end: Mapped[date | None] = mapped_column(Date)
    probation_pay_percent: Mapped[int | None] = mapped_column(Integer)
    decision_id: Mapped[int | None] = mapped_column(ForeignKey("decisions.id"))
    note: Mapped[str | None] = mapped_column(Text)


class Secondment(IdMixin, Base):
    """Biệt phái / cử đi: the person works elsewhere but still counts at the home unit."""

    __tablename__ = "secondments"
    person_id: Mapped[int] = mapped_column(ForeignKey("persons.id", ondelete="CASCADE"), index=True)
    destination: Mapped[str] = mapped_column(String(200))
    start_date: Mapped[date] = mapped_column(Date)
    end_date: Mapped[date | None] = mapped_column(Date)
    decision_id: Mapped[int | None] = mapped_column(ForeignKey("decisions.id"))


class Qualification(IdMixin, Base):
    """A degree, certificate or ongoing study; kinds and level codes are in the catalogue."""

    __tablename__ = "qualifications"
    person_id: Mapped[int] = mapped_column(ForeignKey("persons.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(20))  # chuyen_mon, llct, qlnn, tin_hoc, ngoai_ngu, hoc_ham, qpan
    level_code: Mapped[str] = mapped_column(String(20))
    major: Mapped[str | None] = mapped_column(String(200))
    language: Mapped[str | None] = mapped_column(String(40))
    institution: Mapped[str | None] = mapped_column(String(200))
    mode: Mapped[str | None] = mapped_column(String(30))  # chinh_quy, tai_chuc, tu_xa, boi_duong
    start_date: Mapped[date | None] = mapped_column(Date)
    end_date: Mapped[date | None] = mapped_column(Date)
    year: Mapped[int | None] = mapped_column(Integer)  # year obtained
    certificate_no: Mapped[str | None] = mapped_column(String(60))
    certificate_date: Mapped[date | None] = mapped_column(Date)
    expiry_date: Mapped[date | None] = mapped_column(Date)
    in_progress: Mapped[bool] = mapped_column(Boolean, default=False)
    source: Mapped[str | None] = mapped_column(String(30))  # manual, import, training
    note: Mapped[str | None] = mapped_column(Text)


class RankAssignment(IdMixin, Base):
    """Ngạch / chức danh nghề nghiệp held from a date, by a decision."""

    __tablename__ = "rank_assignments"
    person_id: Mapped[int] = mapped_column(ForeignKey("persons.id", ondelete="CASCADE"), index=True)
    rank_code: Mapped[str] = mapped_column(ForeignKey("ranks.code"))
    effective_date: Mapped[date] = mapped_column(Date)
    end_date: Mapped[date | None] = mapped_column(Date)
    decision_id: Mapped[int | None] = mapped_column(ForeignKey("decisions.id"))
    note: Mapped[str | None] = mapped_column(Text)


class SalaryStep(IdMixin, Base):
    """One row of the salary history: rank, step and coefficient from a date (Decimal, never float)."""

    __tablename__ = "salary_steps"
    # covering: the row in force per person (by date, then id, with its decision) and its PCTNVK, read from
    # the index alone
    __table_args__ = (Index("ix_salary_steps_current", "person_id", "effective_date", "id", "decision_id",
                            "pctnvk_percent"),)
    person_id: Mapped[int] = mapped_column(ForeignKey("persons.id", ondelete="CASCADE"))
    rank_code: Mapped[str] = mapped_column(ForeignKey("ranks.code"))
    salary_class: Mapped[str] = mapped_column(String(10))
    step: Mapped[int] = mapped_column(Integer)
    coefficient: Mapped[Decimal] = mapped_column(COEF)
    percent: Mapped[int] = mapped_column(Integer, default=100)  # 85 during probation
    effective_date: Mapped[date] = mapped_column(Date)
    step_since: Mapped[date] = mapped_column(Date)  # the date the next step counts from
    pctnvk_percent: Mapped[int | None] = mapped_column(Integer)
    pctnvk_since: Mapped[date | None] = mapped_column(Date)
    # hệ số chênh lệch bảo lưu kept on the new rank (TT 02/2007/TT-BNV Mục II khoản 1 điểm c, khoản 2 điểm c)
    reserved_coefficient: Mapped[Decimal | None] = mapped_column(COEF)
    reason: Mapped[str] = mapped_column(String(30), default="thuong_xuyen")  # truoc_thoi_han, keo_dai ...
    decision_id: Mapped[int | None] = mapped_column(ForeignKey("decisions.id"))
    note: Mapped[str | None] = mapped_column(Text)


class Allowance(IdMixin, Base):
    """Phụ cấp: chức vụ, thâm niên vượt khung, kiêm nhiệm, trách nhiệm ... as a coefficient or a percent."""

    __tablename__ = "allowances"
    person_id: Mapped[int] = mapped_column(ForeignKey("persons.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(30))
    coefficient: Mapped[Decimal | None] = mapped_column(COEF)
    percent: Mapped[Decimal | None] = mapped_column(Numeric(6, 2))
    effective_date: Mapped[date] = mapped_column(Date)
    end_date: Mapped[date | None] = mapped_column(Date)
    decision_id: Mapped[int | None] = mapped_column(ForeignKey("decisions.id"))


class PostHeld(IdMixin, Base):
    """A leadership post (chức vụ) held: appointment kind, start, term end and how it ended."""

    __tablename__ = "posts_held"
    __table_args__ = (Index("ix_posts_held_unit_post", "unit_id", "post_code"),)
    person_id: Mapped[int] = mapped_column(ForeignKey("persons.id", ondelete="CASCADE"), index=True)
    post_code: Mapped[str] = mapped_column(String(40))
    post_title: Mapped[str] = mapped_column(String(120))
    unit_id: Mapped[int] = mapped_column(ForeignKey("org_units.id"))
    kind: Mapped[str] = mapped_column(String(30), default="bo_nhiem")
    start_date: Mapped[date] = mapped_column(Date)
    term_end: Mapped[date | None] = mapped_column(Date)
    end_date: Mapped[date | None] = mapped_column(Date)
    end_reason: Mapped[str | None] = mapped_column(String(60))
    end_decision_id: Mapped[int | None] = mapped_column(ForeignKey("decisions.id"))  # thôi giữ chức vụ, miễn nhiệm
    is_concurrent: Mapped[bool] = mapped_column(Boolean, default=False)  # kiêm nhiệm
    allowance_coefficient: Mapped[Decimal | None] = mapped_column(COEF)
    decision_id: Mapped[int | None] = mapped_column(ForeignKey("decisions.id"))


class WorkHistory(IdMixin, Base):
    """A line of 'Tóm tắt quá trình công tác'."""

    __tablename__ = "work_history"
    person_id: Mapped[int] = mapped_column(ForeignKey("persons.id", ondelete="CASCADE"), index=True)
    from_date: Mapped[date] = mapped_column(Date)
    to_date: Mapped[date | None] = mapped_column(Date)
    description: Mapped[str] = mapped_column(Text)


class FamilyMember(IdMixin, Base):
    """'Quan hệ gia đình': side 'self' (about oneself) or 'spouse' (the spouse's side)."""

    __tablename__ = "family_members"
    person_id: Mapped[int] = mapped_column(ForeignKey("persons.id", ondelete="CASCADE"), index=True)
    side: Mapped[str] = mapped_column(String(10), default="self")
    relation: Mapped[str] = mapped_column(String(40))
    full_name: Mapped[str] = mapped_column(String(120))
    birth_year: Mapped[int | None] = mapped_column(Integer)
    details: Mapped[str | None] = mapped_column(Text)


class Award(IdMixin, Base):
    __tablename__ = "awards"
    person_id: Mapped[int] = mapped_column(ForeignKey("persons.id", ondelete="CASCADE"), index=True)
    award_date: Mapped[date] = mapped_column(Date)
    form: Mapped[str] = mapped_column(String(120))
    level: Mapped[str | None] = mapped_column(String(60))
    reason: Mapped[str | None] = mapped_column(Text)
    decision_id: Mapped[int | None] = mapped_column(ForeignKey("decisions.id"))


class Discipline(IdMixin, Base):
    """Kỷ luật: form (khien_trach, canh_cao, ha_bac_luong, giang_chuc, cach_chuc, buoc_thoi_viec, bai_nhiem) and
    effect; the violation date and the day it was found, when known, for the limitation period and the time limit
    of the procedure (rule `discipline`)."""

    __tablename__ = "disciplines"
    person_id: Mapped[int] = mapped_column(ForeignKey("persons.id", ondelete="CASCADE"), index=True)
    decision_date: Mapped[date] = mapped_column(Date)
    form: Mapped[str] = mapped_column(String(30))
    effect_from: Mapped[date] = mapped_column(Date)
    effect_to: Mapped[date | None] = mapped_column(Date)
    violation_date: Mapped[date | None] = mapped_column(Date)
    found_on: Mapped[date | None] = mapped_column(Date)
    complex_case: Mapped[bool] = mapped_column(Boolean, default=False)
    reason: Mapped[str | None] = mapped_column(Text)
    decision_id: Mapped[int | None] = mapped_column(ForeignKey("decisions.id"))


class Evaluation(IdMixin, Base):
    """Yearly evaluation: rating htxs/htt/ht/kht (NĐ 90/2020) or a score /100 (NĐ 335/2025)."""

    __tablename__ = "evaluations"
    __table_args__ = (UniqueConstraint("person_id", "year"),)
    person_id: Mapped[int] = mapped_column(ForeignKey("persons.id", ondelete="CASCADE"), index=True)
    year: Mapped[int] = mapped_column(Integer)
    rating: Mapped[str] = mapped_column(String(10))
    score: Mapped[Decimal | None] = mapped_column(Numeric(5, 2))
    regime: Mapped[str] = mapped_column(String(20), default="nd90_2020")
    note: Mapped[str | None] = mapped_column(Text)
    decision_id: Mapped[int | None] = mapped_column(ForeignKey("decisions.id"))


class EvaluationPeriod(IdMixin, Base):
    """The monthly or quarterly tracking of a công chức under NĐ 335/2025 (Điều 20, 21): the general criteria
    (/30) and the results (/70) of one month or quarter; the year's score is the mean of a year's periods."""

    __tablename__ = "evaluation_periods"
    __table_args__ = (
        UniqueConstraint("person_id", "year", "period_kind", "period_no"),
        CheckConstraint("period_kind IN ('month', 'quarter')", name="kind_known"),
        CheckConstraint("period_no >= 1 AND period_no <= 12", name="number_in_range"),
    )
    person_id: Mapped[int] = mapped_column(ForeignKey("persons.id", ondelete="CASCADE"), index=True)
    year: Mapped[int] = mapped_column(Integer)
    period_kind: Mapped[str] = mapped_column(String(10))
    period_no: Mapped[int] = mapped_column(Integer)
    general_score: Mapped[Decimal] = mapped_column(Numeric(5, 2))
    results_score: Mapped[Decimal] = mapped_column(Numeric(5, 2))
    rule_version: Mapped[str] = mapped_column(String(40))
    note: Mapped[str | None] = mapped_column(Text)


class HtxsCapException(IdMixin, Base):
    """A unit allowed more "hoàn thành xuất sắc" ratings in a year than the usual share, for its outstanding
    results, by the decision of the competent authority (NĐ 90/2020 as amended by NĐ 48/2023; NĐ 335/2025
    Điều 20 khoản 5 điểm b): the share the decision allows, kept with the decision."""

    __tablename__ = "htxs_cap_exceptions"
    __table_args__ = (
        UniqueConstraint("unit_id", "year"),
        CheckConstraint("percent > 0 AND percent <= 100", name="percent_in_range"),
    )
    unit_id: Mapped[int] = mapped_column(ForeignKey("org_units.id"), index=True)
    year: Mapped[int] = mapped_column(Integer)
    percent: Mapped[Decimal] = mapped_column(Numeric(5, 2))
    decision_id: Mapped[int] = mapped_column(ForeignKey("decisions.id"))
    note: Mapped[str | None] = mapped_column(Text)


class LeavePeriod(IdMixin, Base):
    """Unpaid leave and other absences that delay pay steps or probation."""

    __tablename__ = "leave_periods"
    person_id: Mapped[int] = mapped_column(ForeignKey("persons.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(30), default="khong_luong")
    start_date: Mapped[date] = mapped_column(Date)
    end_date: Mapped[date] = mapped_column(Date)
    decision_id: Mapped[int | None] = mapped_column(ForeignKey("decisions.id"))
    note: Mapped[str | None] = mapped_column(Text)


class RetirementAdjustment(IdMixin, Base):
    """Nghỉ hưu ở tuổi thấp hơn (NĐ 135/2020, Điều 5) hoặc cao hơn (Điều 6) by a decision: the age it sets, in
    months, and the case of the rule it relies on. The newest decision counts."""

    __tablename__ = "retirement_adjustments"
    person_id: Mapped[int] = mapped_column(ForeignKey("persons.id", ondelete="CASCADE"), index=True)
    direction: Mapped[str] = mapped_column(String(10))  # earlier / later
    reason: Mapped[str] = mapped_column(String(40))  # a case code of the rule version
    age_months: Mapped[int] = mapped_column(Integer)
    decision_id: Mapped[int | None] = mapped_column(ForeignKey("decisions.id"))
    note: Mapped[str | None] = mapped_column(Text)


class Note(IdMixin, StampMixin, Base):
    """Free remarks on a person (e.g. a requirement waived when assigned to a position)."""

    __tablename__ = "person_notes"
    person_id: Mapped[int] = mapped_column(ForeignKey("persons.id", ondelete="CASCADE"), index=True)
    topic: Mapped[str] = mapped_column(String(40))
    text: Mapped[str] = mapped_column(Text)
