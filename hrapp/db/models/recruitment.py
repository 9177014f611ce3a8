"""Recruitment rounds (kỳ tuyển dụng): targets per job position, candidates and their preferences, scores with
their re-marking history, and the round's dated events (status changes, tie decisions, withdrawals)."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import (
    JSON,
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    Numeric,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from hrapp.db.models.base import Base, IdMixin, StampMixin, utcnow

SCORE = Numeric(6, 2)


class RecruitmentRound(IdMixin, StampMixin, Base):
    """A recruitment round under one regime (nd138_2020, nd170_2025, nd115_2020) and method, from its plan
    decision to the hiring of the winners. `status`: draft, open, round1, round2, results, closed."""

    __tablename__ = "recruitment_rounds"
    __table_args__ = (
        CheckConstraint("council_size IS NULL OR council_size > 0", name="council_size_positive"),
    )
    name: Mapped[str] = mapped_column(String(300))
    year: Mapped[int] = mapped_column(Integer, index=True)
    subject: Mapped[str] = mapped_column(String(20))  # cong_chuc, vien_chuc (from the regime)
    regime: Mapped[str] = mapped_column(String(30))
    method: Mapped[str] = mapped_column(String(20))  # thi_tuyen, xet_tuyen
    category: Mapped[str] = mapped_column(String(30))  # staff category the winners are hired into
    plan_decision_id: Mapped[int | None] = mapped_column(ForeignKey("decisions.id"))
    notice_date: Mapped[date | None] = mapped_column(Date)
    application_deadline: Mapped[date | None] = mapped_column(Date)
    round1_date: Mapped[date | None] = mapped_column(Date)
    round2_date: Mapped[date | None] = mapped_column(Date)
    council_size: Mapped[int | None] = mapped_column(Integer)
    council: Mapped[list | None] = mapped_column(JSON)  # [{"full_name", "title", "role"}]
    council_decision_id: Mapped[int | None] = mapped_column(ForeignKey("decisions.id"))
    round1_parts: Mapped[list | None] = mapped_column(JSON)  # [{"code", "questions"}] for a computer test
    round2_parts: Mapped[list | None] = mapped_column(JSON)  # [{"code", "max"}], maxima adding up to 100
    results_decision_id: Mapped[int | None] = mapped_column(ForeignKey("decisions.id"))
    status: Mapped[str] = mapped_column(String(20), default="draft", index=True)
    note: Mapped[str | None] = mapped_column(Text)

    targets: Mapped[list[RecruitmentTarget]] = relationship(
        back_populates="round", cascade="all, delete-orphan", order_by="RecruitmentTarget.sort_order"
    )


class RecruitmentTarget(IdMixin, StampMixin, Base):
    """A job position to fill in a round and its quota (chỉ tiêu). A quota above the position's vacancies
    needs the officer's reason; the vacancies seen when the quota was set are kept beside it."""

    __tablename__ = "recruitment_targets"
    __table_args__ = (
        UniqueConstraint("round_id", "position_id"),
        CheckConstraint("quota >= 1", name="quota_positive"),
    )
    round_id: Mapped[int] = mapped_column(ForeignKey("recruitment_rounds.id", ondelete="CASCADE"), index=True)
    position_id: Mapped[int] = mapped_column(ForeignKey("job_positions.id"))
    quota: Mapped[int] = mapped_column(Integer)
    vacancies_seen: Mapped[int | None] = mapped_column(Integer)
    over_vacancy_reason: Mapped[str | None] = mapped_column(Text)
    rank_code: Mapped[str | None] = mapped_column(ForeignKey("ranks.code"))  # ngạch / CDNN of the winners
    sort_order: Mapped[int] = mapped_column(Integer, default=0)
    note: Mapped[str | None] = mapped_column(Text)

    round: Mapped[RecruitmentRound] = relationship(back_populates="targets")


class Candidate(IdMixin, StampMixin, Base):
    """A person who applied in a round (Phiếu đăng ký dự tuyển): identity, qualifications, priority groups,
    exemptions, candidate number (SBD) and the result of the eligibility check. One CCCD per round."""

    __tablename__ = "recruitment_candidates"
    __table_args__ = (
        UniqueConstraint("round_id", "id_number"),
        UniqueConstraint("round_id", "sbd"),
        Index("ix_recruitment_candidates_round_sort", "round_id", "sort_key"),
    )
    round_id: Mapped[int] = mapped_column(ForeignKey("recruitment_rounds.id", ondelete="CASCADE"), index=True)
    sbd: Mapped[str | None] = mapped_column(String(20))  # số báo danh
    full_name: Mapped[str] = mapped_column(String(120))
    name_folded: Mapped[str] = mapped_column(String(120), default="")
    sort_key: Mapped[str] = mapped_column(String(400), default="")
    gender: Mapped[str] = mapped_column(String(1))
    birth_date: Mapped[date] = mapped_column(Date)
    birth_place: Mapped[str | None] = mapped_column(String(200))
    home_town: Mapped[str | None] = mapped_column(String(200))
    ethnicity: Mapped[str | None] = mapped_column(String(40))
    religion: Mapped[str | None] = mapped_column(String(60))
    id_number: Mapped[str] = mapped_column(String(12))
    id_issue_date: Mapped[date | None] = mapped_column(Date)
    id_issue_place: Mapped[str | None] = mapped_column(String(200))
    permanent_address: Mapped[str | None] = mapped_column(String(300))
    current_address: Mapped[str | None] = mapped_column(String(300))
    phone: Mapped[str | None] = mapped_column(String(30))
    email: Mapped[str | None] = mapped_column(String(120))
    # Highest professional degree, as on the form; further rows (LLCT, tin học, ngoại ngữ …) in `qualifications`.
    education_level: Mapped[str | None] = mapped_column(String(10))
    major: Mapped[str | None] = mapped_column(String(200))
    institution: Mapped[str | None] = mapped_column(String(200))
    graduation_year: Mapped[int | None] = mapped_column(Integer)
    degree_grade: Mapped[str | None] = mapped_column(String(40))  # xếp loại tốt nghiệp
    qualifications: Mapped[list | None] = mapped_column(JSON)  # [{"kind", "level_code", "major", ...}]
    experience_years: Mapped[int | None] = mapped_column(Integer)
    priority_groups: Mapped[list | None] = mapped_column(JSON)  # codes of the priority_points rule
    exemptions: Mapped[list | None] = mapped_column(JSON)  # round-1 part codes the candidate is exempt from
    exemption_note: Mapped[str | None] = mapped_column(Text)
    applied_on: Mapped[date | None] = mapped_column(Date)
    eligible: Mapped[bool | None] = mapped_column(Boolean)  # None: not checked yet
    ineligible_reasons: Mapped[list | None] = mapped_column(JSON)
    checked_on: Mapped[date | None] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(20), default="registered")  # registered, hired
    person_id: Mapped[int | None] = mapped_column(ForeignKey("persons.id"))
    hired_target_id: Mapped[int | None] = mapped_column(ForeignKey("recruitment_targets.id"))
    hire_decision_id: Mapped[int | None] = mapped_column(ForeignKey("decisions.id"))
    note: Mapped[str | None] = mapped_column(Text)

    preferences: Mapped[list[CandidatePreference]] = relationship(
        cascade="all, delete-orphan", order_by="CandidatePreference.choice"
    )
    scores: Mapped[list[Score]] = relationship(cascade="all, delete-orphan", order_by="Score.id")


class CandidatePreference(IdMixin, Base):
    """A position the candidate applied for, `choice` 1 = first preference; eligibility is per position."""

    __tablename__ = "recruitment_preferences"
    __table_args__ = (
        UniqueConstraint("candidate_id", "choice"),
        UniqueConstraint("candidate_id", "target_id"),
        CheckConstraint("choice >= 1", name="choice_positive"),
    )
    candidate_id: Mapped[int] = mapped_column(
        ForeignKey("recruitment_candidates.id", ondelete="CASCADE"), index=True
    )
    target_id: Mapped[int] = mapped_column(ForeignKey("recruitment_targets.id", ondelete="CASCADE"), index=True)
    choice: Mapped[int] = mapped_column(Integer)
    eligible: Mapped[bool | None] = mapped_column(Boolean)
    reasons: Mapped[list | None] = mapped_column(JSON)


class Score(IdMixin, Base):
    """A score of round 1 (correct answers of a part) or round 2 (a part, or 'tong' when not split)."""

    __tablename__ = "recruitment_scores"
    __table_args__ = (
        UniqueConstraint("candidate_id", "round_no", "part"),
        CheckConstraint("round_no IN (1, 2)", name="round_1_2"),
    )
    candidate_id: Mapped[int] = mapped_column(
        ForeignKey("recruitment_candidates.id", ondelete="CASCADE"), index=True
    )
    round_no: Mapped[int] = mapped_column(Integer)
    part: Mapped[str] = mapped_column(String(30))
    value: Mapped[Decimal | None] = mapped_column(SCORE)  # None when absent
    max_value: Mapped[Decimal] = mapped_column(SCORE)
    absent: Mapped[bool] = mapped_column(Boolean, default=False)
    entered_by: Mapped[str | None] = mapped_column(String(60))
    entered_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)

    changes: Mapped[list[ScoreChange]] = relationship(cascade="all, delete-orphan", order_by="ScoreChange.id")


class ScoreChange(IdMixin, Base):
    """A replaced score: correction before the results, or re-marking (phúc khảo) with its reason."""

    __tablename__ = "recruitment_score_changes"
    score_id: Mapped[int] = mapped_column(ForeignKey("recruitment_scores.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(20))  # sua (correction), phuc_khao (re-marking)
    old_value: Mapped[Decimal | None] = mapped_column(SCORE)
    new_value: Mapped[Decimal | None] = mapped_column(SCORE)
    old_absent: Mapped[bool] = mapped_column(Boolean, default=False)
    new_absent: Mapped[bool] = mapped_column(Boolean, default=False)
    reason: Mapped[str | None] = mapped_column(Text)
    decision_id: Mapped[int | None] = mapped_column(ForeignKey("decisions.id"))
    changed_by: Mapped[str | None] = mapped_column(String(60))
    changed_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class RoundEvent(IdMixin, Base):
    """What happened in a round, in order: status changes, the head's tie decisions, withdrawals, hiring.

    A tie decision names the chosen candidates (`chosen`) at a target; a withdrawal (`reason_code`
    rut_ho_so or khong_hoan_thien_ho_so) frees the winner's place for the next ranked candidate.
    """

    __tablename__ = "recruitment_events"
    __table_args__ = (Index("ix_recruitment_events_round_kind", "round_id", "kind"),)
    round_id: Mapped[int] = mapped_column(ForeignKey("recruitment_rounds.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(20))  # status, tie_decision, withdrawal, hire
    event_date: Mapped[date] = mapped_column(Date)
    from_status: Mapped[str | None] = mapped_column(String(20))
    to_status: Mapped[str | None] = mapped_column(String(20))
    target_id: Mapped[int | None] = mapped_column(ForeignKey("recruitment_targets.id", ondelete="CASCADE"))
    candidate_id: Mapped[int | None] = mapped_column(
        ForeignKey("recruitment_candidates.id", ondelete="CASCADE")
    )
    chosen: Mapped[list | None] = mapped_column(JSON)  # candidate ids chosen by the head of the agency
    reason_code: Mapped[str | None] = mapped_column(String(30))
    reason: Mapped[str | None] = mapped_column(Text)
    decision_id: Mapped[int | None] = mapped_column(ForeignKey("decisions.id"))
    user: Mapped[str | None] = mapped_column(String(60))
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
