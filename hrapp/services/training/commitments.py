"""Training use cases of study commitments: the months of service a postgraduate course commits the person to, and
the repayment owed when they leave before serving them."""


from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from hrapp import messages
from hrapp.context import ServiceContext
from hrapp.db.models import (
    Person,
    StudyCommitment,
)
from hrapp.domain import training as tr
from hrapp.domain.rules import RuleBook
from hrapp.errors import ConflictError, DomainError, NotFoundError, ValidationError
from hrapp.queries import _training_rows as q
from hrapp.security import WRITE, require
from hrapp.services.decisions import DecisionRef, add_decision
from hrapp.services.training._shared import clean, dates, get_record, money

# ============================================================================================== postgraduate


@dataclass(frozen=True)
class CommitmentInput:
    person_id: int
    programme: str
    study_start: date
    study_end: date
    cost: Decimal | int | str
    record_id: int | None = None
    decision: DecisionRef | None = None
    note: str | None = None


@dataclass(frozen=True)
class LeavingInput:
    commitment_id: int
    left_on: date
    case: str  # quit_during, no_degree, quit_after


@dataclass(frozen=True)
class CommitmentResult:
    commitment: q.CommitmentRow
    repayment: tr.Repayment | None = None
    warnings: tuple[str, ...] = field(default=())


def create_commitment_in(s: Session, rulebook: RuleBook, dto: CommitmentInput) -> StudyCommitment:
    errors: list[tuple[str, str]] = []
    if not (dto.programme or "").strip():
        errors.append(("programme", messages.text("history_course_missing")))
    if not isinstance(dto.study_start, date) or not isinstance(dto.study_end, date):
        errors.append(("study_start", messages.text("history_period_missing")))
    else:
        dates(dto.study_start, dto.study_end, "study_start", "study_end", errors)
    cost = money(dto.cost, "cost", errors)
    if cost is None and not any(f == "cost" for f, _ in errors):
        errors.append(("cost", messages.text("history_cost_missing")))
    if errors:
        raise ValidationError(errors)
    person = s.get(Person, dto.person_id)
    if person is None:
        raise NotFoundError("person_not_found", "Không tìm thấy người này.", field="person_id")
    if dto.record_id is not None:
        rec = get_record(s, dto.record_id)
        if rec.person_id != dto.person_id:
            raise ValidationError([("record_id", messages.text("record_other_person"))])
        if s.scalar(select(StudyCommitment.id).where(StudyCommitment.record_id == dto.record_id)) is not None:
            raise ConflictError("commitment_exists", "Lượt cử đi học này đã có cam kết.", field="record_id")
    facts = q.postgraduate_facts(s, dto.person_id, dto.study_start)
    rules = tr.training_rules(rulebook, dto.study_start)
    c = tr.commitment(facts.category, dto.study_start, dto.study_end, rules)
    decision_id = add_decision(s, dto.decision).id if dto.decision is not None else None
    row = StudyCommitment(
        person_id=dto.person_id, record_id=dto.record_id, programme=dto.programme.strip(),
        study_start=dto.study_start, study_end=dto.study_end, study_months=c.study_months, multiplier=c.multiplier,
        commitment_months=c.commitment_months, service_from=c.service_from, service_until=c.service_until,
        cost=cost, rule_version=rules.version, decision_id=decision_id, status="active", note=clean(dto.note))
    s.add(row)
    s.flush()
    return row


def _commitment_row(ctx: ServiceContext, commitment_id: int) -> q.CommitmentRow:
    with ctx.read() as s:
        return next(c for c in q.list_commitments(s) if c.id == commitment_id)


def create_commitment(ctx: ServiceContext, dto: CommitmentInput) -> CommitmentResult:
    """The service commitment for a course: its months (the rule's multiple of the study time) and end date."""
    require(ctx, WRITE)
    with ctx.unit_of_work() as s:
        commitment_id = create_commitment_in(s, ctx.rulebook, dto).id
    return CommitmentResult(_commitment_row(ctx, commitment_id))


def record_leaving(ctx: ServiceContext, dto: LeavingInput) -> CommitmentResult:
    """The person left before serving the commitment: the repayment is computed and kept with the commitment."""
    require(ctx, WRITE)
    if dto.case not in tr.LEAVE_CASES:
        raise ValidationError([("case", messages.text("repayment_case_missing"))])
    with ctx.unit_of_work() as s:
        c = s.get(StudyCommitment, dto.commitment_id)
        if c is None:
            raise NotFoundError("commitment_not_found", "Không tìm thấy cam kết này.", field="commitment_id")
        if c.status != "active":
            raise DomainError("commitment_closed", "Cam kết này đã kết thúc.")
        if dto.case == "quit_after" and dto.left_on < c.service_from:
            raise ValidationError([("left_on", messages.text("service_from_later", day=c.service_from))])
        if dto.left_on < c.study_start:
            raise ValidationError([("left_on", messages.text("leaving_before_study"))])
        if dto.case == "quit_after" and dto.left_on > c.service_until:
            raise DomainError("commitment_served", f"Đã phục vụ đủ thời gian cam kết (đến {c.service_until:%d/%m/%Y}):"
                              " không phải đền bù.", field="left_on")
        rep = q.repayment_for(ctx.rulebook, c, dto.left_on, dto.case)
        c.status, c.left_on, c.leave_case = "broken", dto.left_on, dto.case
        c.served_months, c.repayment = rep.served_months, rep.amount
    return CommitmentResult(_commitment_row(ctx, dto.commitment_id), rep)
