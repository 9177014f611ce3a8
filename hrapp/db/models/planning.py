"""Succession planning (quy hoạch): periods under a rule version, the posts planned per unit, the people
planned for them by decision (with a snapshot at approval and their removal or appointment), yearly reviews."""

from __future__ import annotations

from datetime import date

from sqlalchemy import JSON, CheckConstraint, Date, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from hrapp.db.models.base import Base, IdMixin, StampMixin


class PlanningPeriod(IdMixin, StampMixin, Base):
    """A planning period such as 2026–2031 and the rule version (`planning` rules) its checks use."""

    __tablename__ = "planning_periods"
    __table_args__ = (CheckConstraint("end_year >= start_year", name="years_in_order"),)
    code: Mapped[str] = mapped_column(String(20), unique=True)  # "2026-2031"
    name: Mapped[str] = mapped_column(String(200))
    start_year: Mapped[int] = mapped_column(Integer)
    end_year: Mapped[int] = mapped_column(Integer)
    rule_version: Mapped[str] = mapped_column(String(40))  # qd50_2021, qd377_2025
    note: Mapped[str | None] = mapped_column(Text)


class PlanningPost(IdMixin, StampMixin, Base):
    """A leadership post of a unit to plan in a period; `max_people` may lower the rule's maximum."""

    __tablename__ = "planning_posts"
    __table_args__ = (
        UniqueConstraint("period_id", "unit_id", "post_code"),
        CheckConstraint("max_people IS NULL OR max_people > 0", name="max_people_positive"),
    )
    period_id: Mapped[int] = mapped_column(ForeignKey("planning_periods.id", ondelete="CASCADE"), index=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("org_units.id"))
    post_code: Mapped[str] = mapped_column(String(40))
    max_people: Mapped[int | None] = mapped_column(Integer)
    sort_order: Mapped[int] = mapped_column(Integer, default=0)
    note: Mapped[str | None] = mapped_column(Text)


class PlanningReview(IdMixin, StampMixin, Base):
    """A yearly review (rà soát, bổ sung quy hoạch) applied by one decision: its removals and additions point
    back here through the entries' `review_id` and `removal_review_id`."""

    __tablename__ = "planning_reviews"
    period_id: Mapped[int] = mapped_column(ForeignKey("planning_periods.id", ondelete="CASCADE"), index=True)
    year: Mapped[int] = mapped_column(Integer)
    review_date: Mapped[date] = mapped_column(Date)  # the day the checks were run
    decision_id: Mapped[int] = mapped_column(ForeignKey("decisions.id"))
    summary: Mapped[dict | None] = mapped_column(JSON)  # counts and the structure after the review
    note: Mapped[str | None] = mapped_column(Text)


class PlanningEntry(IdMixin, StampMixin, Base):
    """One person planned for one post of a period by a decision. Never deleted: a removal or an appointment
    changes `status` and keeps the reason and decision, so the history of the plan stays readable.

    `snapshot` keeps what the person was at approval (age, post, qualifications, last ratings, the checks)."""

    __tablename__ = "planning_entries"
    __table_args__ = (
        Index("ix_planning_entries_period_status", "period_id", "status"),
        CheckConstraint("kind IN ('initial', 'supplement')", name="kind_known"),
        CheckConstraint("status IN ('active', 'removed', 'appointed')", name="status_known"),
    )
    period_id: Mapped[int] = mapped_column(ForeignKey("planning_periods.id", ondelete="CASCADE"))
    post_id: Mapped[int] = mapped_column(ForeignKey("planning_posts.id"), index=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("persons.id"), index=True)
    kind: Mapped[str] = mapped_column(String(20), default="initial")
    decision_id: Mapped[int] = mapped_column(ForeignKey("decisions.id"))
    approved_on: Mapped[date] = mapped_column(Date)  # the decision's effective date
    review_id: Mapped[int | None] = mapped_column(ForeignKey("planning_reviews.id"))
    snapshot: Mapped[dict | None] = mapped_column(JSON)
    status: Mapped[str] = mapped_column(String(20), default="active")
    status_date: Mapped[date | None] = mapped_column(Date)
    removal_code: Mapped[str | None] = mapped_column(String(30))
    removal_reason: Mapped[str | None] = mapped_column(Text)
    removal_decision_id: Mapped[int | None] = mapped_column(ForeignKey("decisions.id"))
    removal_review_id: Mapped[int | None] = mapped_column(ForeignKey("planning_reviews.id"))
    appointed_post_id: Mapped[int | None] = mapped_column(ForeignKey("posts_held.id"))
    note: Mapped[str | None] = mapped_column(Text)
