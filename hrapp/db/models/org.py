"""Organisation: decisions, units with their history, headcount quotas, job positions and competencies."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    JSON,
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from hrapp.db.models.base import Base, IdMixin, StampMixin, utcnow


class Decision(IdMixin, StampMixin, Base):
    """A signed document (quyết định, kế hoạch, thông báo) that every process row links to."""

    __tablename__ = "decisions"
    number: Mapped[str] = mapped_column(String(60))  # Số, e.g. 76/QĐ-SKHCN
    kind: Mapped[str] = mapped_column(String(30), default="quyet_dinh")
    sign_date: Mapped[date] = mapped_column(Date)
    signer: Mapped[str | None] = mapped_column(String(120))
    issuer: Mapped[str | None] = mapped_column(String(200))  # cơ quan ban hành
    effective_date: Mapped[date | None] = mapped_column(Date)
    summary: Mapped[str | None] = mapped_column(Text)  # trích yếu


class Attachment(IdMixin, Base):
    """A stored file (scanned decision, degree, photo) kept inside the database so backups include it."""

    __tablename__ = "attachments"
    person_id: Mapped[int | None] = mapped_column(ForeignKey("persons.id", ondelete="CASCADE"), index=True)
    decision_id: Mapped[int | None] = mapped_column(ForeignKey("decisions.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(30), default="document")
    filename: Mapped[str] = mapped_column(String(255))
    mime: Mapped[str] = mapped_column(String(100), default="application/octet-stream")
    size: Mapped[int] = mapped_column(Integer, default=0)
    data: Mapped[bytes] = mapped_column(LargeBinary)
    note: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class OrgUnit(IdMixin, StampMixin, Base):
    """A unit of the organisation tree (Sở, phòng, chi cục, trung tâm ...), active between two dates."""

    __tablename__ = "org_units"
    code: Mapped[str] = mapped_column(String(40), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    short_name: Mapped[str | None] = mapped_column(String(80))
    kind: Mapped[str] = mapped_column(String(30))
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("org_units.id"), index=True)
    sort_order: Mapped[int] = mapped_column(Integer, default=0)
    active_from: Mapped[date | None] = mapped_column(Date)
    active_to: Mapped[date | None] = mapped_column(Date)
    decision_id: Mapped[int | None] = mapped_column(ForeignKey("decisions.id"))
    merged_into_id: Mapped[int | None] = mapped_column(ForeignKey("org_units.id"))
    note: Mapped[str | None] = mapped_column(Text)

    parent: Mapped[OrgUnit | None] = relationship(remote_side="OrgUnit.id", foreign_keys=[parent_id])


class OrgUnitEvent(IdMixin, Base):
    """History of a unit: created, renamed, moved, merged, closed; each by a decision.

    Renames keep `old_value`/`new_value` so a report at a past date prints the name valid then.
    """

    __tablename__ = "org_unit_events"
    unit_id: Mapped[int] = mapped_column(ForeignKey("org_units.id"), index=True)
    kind: Mapped[str] = mapped_column(String(20))  # create, rename, move, merge, close, reopen
    event_date: Mapped[date] = mapped_column(Date)
    old_value: Mapped[str | None] = mapped_column(String(200))
    new_value: Mapped[str | None] = mapped_column(String(200))
    other_unit_id: Mapped[int | None] = mapped_column(ForeignKey("org_units.id"))
    # A move keeps the parent before the event so the tree can be drawn as it stood on a past date.
    previous_parent_id: Mapped[int | None] = mapped_column(ForeignKey("org_units.id"))
    decision_id: Mapped[int | None] = mapped_column(ForeignKey("decisions.id"))
    note: Mapped[str | None] = mapped_column(Text)


class HeadcountQuota(IdMixin, StampMixin, Base):
    """Biên chế / số lượng người làm việc assigned for a year, unit and staff category, by a decision."""

    __tablename__ = "headcount_quotas"
    __table_args__ = (
        UniqueConstraint("year", "unit_id", "category"),
        CheckConstraint("number >= 0", name="number_not_negative"),
    )
    year: Mapped[int] = mapped_column(Integer, index=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("org_units.id"), index=True)
    category: Mapped[str] = mapped_column(String(30))
    number: Mapped[int] = mapped_column(Integer)
    decision_id: Mapped[int | None] = mapped_column(ForeignKey("decisions.id"))
    note: Mapped[str | None] = mapped_column(Text)


class JobPosition(IdMixin, StampMixin, Base):
    """Vị trí việc làm of a unit with its job description and requirements; versions kept via `previous_id`."""

    __tablename__ = "job_positions"
    __table_args__ = (Index("ix_job_positions_unit_code", "unit_id", "code"),)
    code: Mapped[str] = mapped_column(String(40))
    name: Mapped[str] = mapped_column(String(200))
    unit_id: Mapped[int] = mapped_column(ForeignKey("org_units.id"), index=True)
    group: Mapped[str] = mapped_column(String(30))  # lanh_dao, chuyen_nganh, dung_chung, ho_tro
    min_rank_code: Mapped[str | None] = mapped_column(ForeignKey("ranks.code"))
    number_needed: Mapped[int] = mapped_column(Integer, default=1)
    status: Mapped[str] = mapped_column(String(20), default="draft")  # draft, approved, retired
    decision_id: Mapped[int | None] = mapped_column(ForeignKey("decisions.id"))
    effective_from: Mapped[date | None] = mapped_column(Date)
    effective_to: Mapped[date | None] = mapped_column(Date)
    version_no: Mapped[int] = mapped_column(Integer, default=1)
    previous_id: Mapped[int | None] = mapped_column(ForeignKey("job_positions.id"))
    # Bản mô tả công việc
    purpose: Mapped[str | None] = mapped_column(Text)
    tasks: Mapped[list | None] = mapped_column(JSON)  # [{"task", "product", "frequency"}]
    relationships: Mapped[str | None] = mapped_column(Text)
    authority: Mapped[str | None] = mapped_column(Text)
    conditions: Mapped[str | None] = mapped_column(Text)
    # Yêu cầu về trình độ, năng lực
    req_education_level: Mapped[str | None] = mapped_column(String(10))
    req_major: Mapped[str | None] = mapped_column(String(200))
    req_political_theory: Mapped[str | None] = mapped_column(String(20))
    req_state_management: Mapped[str | None] = mapped_column(String(20))
    req_it: Mapped[str | None] = mapped_column(String(60))
    req_language: Mapped[str | None] = mapped_column(String(60))
    req_experience_years: Mapped[int | None] = mapped_column(Integer)
    is_leadership: Mapped[bool] = mapped_column(Boolean, default=False)

    competencies: Mapped[list[PositionCompetency]] = relationship(
        cascade="all, delete-orphan", order_by="PositionCompetency.id"
    )


class PositionCompetency(IdMixin, Base):
    """One row of a position's competency framework: a catalogue competency and its required level 1-5."""

    __tablename__ = "position_competencies"
    __table_args__ = (CheckConstraint("level BETWEEN 1 AND 5", name="level_1_5"),)
    position_id: Mapped[int] = mapped_column(ForeignKey("job_positions.id", ondelete="CASCADE"), index=True)
    competency_code: Mapped[str] = mapped_column(String(40))
    level: Mapped[int] = mapped_column(Integer)


class PositionAssignment(IdMixin, StampMixin, Base):
    """A job position a person holds besides the main one (kiêm nhiệm), for a period, by a decision.

    The main position lives on the person's Employment row (`position_id`).
    """

    __tablename__ = "position_assignments"
    __table_args__ = (Index("ix_position_assignments_position", "position_id", "start_date"),)
    person_id: Mapped[int] = mapped_column(ForeignKey("persons.id", ondelete="CASCADE"), index=True)
    position_id: Mapped[int] = mapped_column(ForeignKey("job_positions.id"))
    start_date: Mapped[date] = mapped_column(Date)
    end_date: Mapped[date | None] = mapped_column(Date)
    decision_id: Mapped[int | None] = mapped_column(ForeignKey("decisions.id"))
    note: Mapped[str | None] = mapped_column(Text)
