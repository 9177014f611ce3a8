"""Training (đào tạo, bồi dưỡng): the course catalogue, the annual plan and its lines, the record of each person
sent to a course (decision, attendance, result, certificate, báo cáo thu hoạch) and postgraduate study
commitments with the repayment owed when the person leaves early."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from sqlalchemy import Boolean, CheckConstraint, Date, ForeignKey, Index, Integer, Numeric, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from hrapp.db.models.base import Base, IdMixin, StampMixin

MONEY = Numeric(16, 0)  # đồng, no fractions


class Course(IdMixin, StampMixin, Base):
    """A course of the catalogue: its type (resources/catalogs/course_type.json), organiser, mode, duration and
    the certificate and qualification level it grants (None: a certificate that is not a qualification)."""

    __tablename__ = "courses"
    __table_args__ = (
        CheckConstraint("duration_value IS NULL OR duration_value > 0", name="duration_positive"),
        CheckConstraint("duration_unit IN ('weeks', 'periods', 'months')", name="duration_unit_known"),
    )
    code: Mapped[str] = mapped_column(String(40), unique=True)
    name: Mapped[str] = mapped_column(String(300))
    course_type: Mapped[str] = mapped_column(String(30), index=True)
    organiser: Mapped[str | None] = mapped_column(String(200))
    mode: Mapped[str] = mapped_column(String(30), default="tap_trung")
    duration_value: Mapped[int | None] = mapped_column(Integer)
    duration_unit: Mapped[str] = mapped_column(String(10), default="weeks")
    certificate_type: Mapped[str | None] = mapped_column(String(120))
    grants_kind: Mapped[str | None] = mapped_column(String(20))
    grants_level: Mapped[str | None] = mapped_column(String(20))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    note: Mapped[str | None] = mapped_column(Text)


class TrainingPlan(IdMixin, StampMixin, Base):
    """The annual training plan (kế hoạch đào tạo, bồi dưỡng) of a year, approved by a decision."""

    __tablename__ = "training_plans"
    __table_args__ = (CheckConstraint("status IN ('draft', 'approved')", name="status_known"),)
    year: Mapped[int] = mapped_column(Integer, unique=True)
    name: Mapped[str] = mapped_column(String(300))
    status: Mapped[str] = mapped_column(String(20), default="draft")
    decision_id: Mapped[int | None] = mapped_column(ForeignKey("decisions.id"))
    approved_on: Mapped[date | None] = mapped_column(Date)
    copied_from_id: Mapped[int | None] = mapped_column(ForeignKey("training_plans.id"))
    note: Mapped[str | None] = mapped_column(Text)


class TrainingPlanLine(IdMixin, StampMixin, Base):
    """One line of a plan: a named person, or a group (a unit, optionally one job position, and a number of people),
    for a course type (optionally a catalogue course), with the planned dates, funding and estimated cost."""

    __tablename__ = "training_plan_lines"
    __table_args__ = (
        Index("ix_training_plan_lines_plan_person", "plan_id", "person_id"),
        CheckConstraint("people > 0", name="people_positive"),
        CheckConstraint("estimated_cost IS NULL OR estimated_cost >= 0", name="cost_not_negative"),
        CheckConstraint("person_id IS NOT NULL OR unit_id IS NOT NULL", name="person_or_group"),
    )
    plan_id: Mapped[int] = mapped_column(ForeignKey("training_plans.id", ondelete="CASCADE"), index=True)
    person_id: Mapped[int | None] = mapped_column(ForeignKey("persons.id"))
    unit_id: Mapped[int | None] = mapped_column(ForeignKey("org_units.id"))
    position_id: Mapped[int | None] = mapped_column(ForeignKey("job_positions.id"))
    people: Mapped[int] = mapped_column(Integer, default=1)
    course_type: Mapped[str] = mapped_column(String(30))
    course_id: Mapped[int | None] = mapped_column(ForeignKey("courses.id"))
    planned_start: Mapped[date | None] = mapped_column(Date)
    planned_end: Mapped[date | None] = mapped_column(Date)
    funding_source: Mapped[str | None] = mapped_column(String(30))
    estimated_cost: Mapped[Decimal | None] = mapped_column(MONEY)
    origin: Mapped[str] = mapped_column(String(20), default="manual")  # manual, gap, copy, supplement
    requirement: Mapped[str | None] = mapped_column(String(300))  # the need it answers (gap analysis)
    note: Mapped[str | None] = mapped_column(Text)


class TrainingRecord(IdMixin, StampMixin, Base):
    """A person sent to a course by a decision: dates, attendance, result, certificate, the báo cáo thu hoạch,
    cost, and the qualification the completed course added to the person's record."""

    __tablename__ = "training_records"
    __table_args__ = (
        Index("ix_training_records_person", "person_id", "start_date"),
        CheckConstraint("status IN ('sent', 'completed', 'failed', 'withdrawn')", name="status_known"),
        CheckConstraint("cost IS NULL OR cost >= 0", name="cost_not_negative"),
    )
    person_id: Mapped[int] = mapped_column(ForeignKey("persons.id"))
    course_id: Mapped[int] = mapped_column(ForeignKey("courses.id"), index=True)
    plan_line_id: Mapped[int | None] = mapped_column(ForeignKey("training_plan_lines.id"), index=True)
    decision_id: Mapped[int] = mapped_column(ForeignKey("decisions.id"))  # quyết định cử đi học
    start_date: Mapped[date] = mapped_column(Date)
    end_date: Mapped[date | None] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(20), default="sent")
    attendance: Mapped[str | None] = mapped_column(String(20))  # full, partial, absent
    attendance_note: Mapped[str | None] = mapped_column(Text)
    result: Mapped[str | None] = mapped_column(String(20))  # training_result catalogue
    completed_on: Mapped[date | None] = mapped_column(Date)
    certificate_no: Mapped[str | None] = mapped_column(String(60))
    certificate_date: Mapped[date | None] = mapped_column(Date)
    granted_level: Mapped[str | None] = mapped_column(String(20))  # the level granted when the course's varies
    qualification_id: Mapped[int | None] = mapped_column(ForeignKey("qualifications.id", ondelete="SET NULL"))
    report_received: Mapped[bool] = mapped_column(Boolean, default=False)  # báo cáo thu hoạch
    report_date: Mapped[date | None] = mapped_column(Date)
    funding_source: Mapped[str | None] = mapped_column(String(30))
    cost: Mapped[Decimal | None] = mapped_column(MONEY)
    withdrawn_reason: Mapped[str | None] = mapped_column(Text)
    note: Mapped[str | None] = mapped_column(Text)


class StudyCommitment(IdMixin, StampMixin, Base):
    """The service commitment of a person sent for postgraduate study (or another course of trung cấp or higher):
    the study period, the months to serve afterwards and, when the person leaves early, the repayment owed."""

    __tablename__ = "study_commitments"
    __table_args__ = (
        CheckConstraint("status IN ('active', 'fulfilled', 'broken')", name="status_known"),
        CheckConstraint("commitment_months > 0", name="months_positive"),
        CheckConstraint("cost >= 0", name="cost_not_negative"),
    )
    person_id: Mapped[int] = mapped_column(ForeignKey("persons.id"), index=True)
    record_id: Mapped[int | None] = mapped_column(ForeignKey("training_records.id"), unique=True)
    programme: Mapped[str] = mapped_column(String(300))
    study_start: Mapped[date] = mapped_column(Date)
    study_end: Mapped[date] = mapped_column(Date)
    study_months: Mapped[int] = mapped_column(Integer)
    multiplier: Mapped[int] = mapped_column(Integer)
    commitment_months: Mapped[int] = mapped_column(Integer)
    service_from: Mapped[date] = mapped_column(Date)
    service_until: Mapped[date] = mapped_column(Date)
    cost: Mapped[Decimal] = mapped_column(MONEY)  # F: what the agency paid for this person
    rule_version: Mapped[str] = mapped_column(String(40))
    decision_id: Mapped[int | None] = mapped_column(ForeignKey("decisions.id"))
    status: Mapped[str] = mapped_column(String(20), default="active")
    left_on: Mapped[date | None] = mapped_column(Date)
    leave_case: Mapped[str | None] = mapped_column(String(20))  # quit_during, no_degree, quit_after
    served_months: Mapped[int | None] = mapped_column(Integer)
    repayment: Mapped[Decimal | None] = mapped_column(MONEY)
    note: Mapped[str | None] = mapped_column(Text)
