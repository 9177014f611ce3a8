"""Record a rank promotion (nâng ngạch, thăng hạng) or a rank change (chuyển ngạch) by its decision: the new rank
from the day the decision is signed and the salary row placed on it by TT 02/2007/TT-BNV Mục II, in one unit of
work. A promotion is refused when the person was not eligible on the day of the council's list."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sqlalchemy import func, select

from hrapp import messages
from hrapp.context import ServiceContext
from hrapp.db.models import Person, RankAssignment, SalaryStep
from hrapp.domain import validation as v
from hrapp.domain.promotion import (
    NANG_NGACH,
    CurrentPay,
    Placement,
    change_kind,
    eligibility,
    place,
    rank_name,
)
from hrapp.errors import NotFoundError, ValidationError
from hrapp.queries._promotion_rows import promotion_facts, staff_on
from hrapp.security import WRITE, require
from hrapp.services.decisions import DecisionRef, add_decision
from hrapp.services.history import supersede
from hrapp.services.snapshot import refresh_snapshot


@dataclass(frozen=True)
class PromotionInput:
    """The target rank, the decision appointing to it, and for a promotion the day of the council's list (the day
    eligibility is judged on; default: the decision's signing day)."""

    target_rank: str
    decision: DecisionRef | None
    list_date: date | None = None
    note: str | None = None


@dataclass(frozen=True)
class PromotionResult:
    person_id: int
    full_name: str
    kind: str  # nang_ngach, chuyen_ngach
    old_rank: str
    new_rank: str
    new_rank_name: str
    placement: Placement
    decision_id: int
    rule_label: str

    def detail(self) -> str:
        return f"{rank_name(self.old_rank)} → {self.new_rank_name}: {self.placement.detail()}"


def _missing() -> NotFoundError:
    return NotFoundError("person_not_found", "Không tìm thấy hồ sơ này (có thể đã bị xóa).", field="person")


def record_promotion(ctx: ServiceContext, person_id: int, dto: PromotionInput) -> PromotionResult:
    """Appoint the person to `dto.target_rank` from the decision's signing day: the rank held ends the day before,
    the salary row of the new rank is placed from the one in force (step, coefficient, from when the next step
    counts, allowance and reserved difference), the decision linked to both. One transaction."""
    if dto.decision is None:
        raise ValidationError([("decision", messages.text("decision_needed"))])
    with ctx.read() as s:
        person = s.get(Person, person_id)
        if person is None:
            raise _missing()
        unit = person.cur_unit_id
    require(ctx, WRITE, unit)
    with ctx.unit_of_work() as s:
        person = s.get(Person, person_id)
        if person is None:
            raise _missing()
        decision = add_decision(s, dto.decision)
        on = decision.sign_date
        line = staff_on(s, on, [person_id]).get(person_id)
        if line is None or line.salary is None:
            raise ValidationError([("decision.sign_date", messages.text("promotion_no_salary", day=on))])
        facts = promotion_facts(s, {person_id: line}, on)[person_id]
        current = facts.rank_on(on)
        if current is None:
            raise ValidationError([("decision.sign_date", messages.text("promotion_no_salary", day=on))])
        kind = change_kind(current.rank_code, dto.target_rank)
        last = max([current.start, line.salary.effective_date])
        if on <= last:
            raise ValidationError([("decision.sign_date", messages.text("promotion_date_order", last=v.dmy(last)))])
        if kind == NANG_NGACH:
            list_date = dto.list_date or on
            then = staff_on(s, list_date, [person_id]).get(person_id, line)
            judged = eligibility(promotion_facts(s, {person_id: then}, list_date)[person_id], dto.target_rank,
                                 list_date, ctx.rulebook)
            if not judged.eligible:
                raise ValidationError([("target_rank", messages.text("promotion_not_eligible", day=v.dmy(list_date),
                                                                     reasons=judged.reasons()))])
        sal = line.salary
        pay = CurrentPay(sal.salary_class, sal.step, Decimal(sal.coefficient), sal.step_since, sal.pctnvk_percent,
                         sal.pctnvk_since, sal.reserved_coefficient)
        new_class = v.salary_class_of(dto.target_rank)
        placed = place(kind, pay, new_class, on, ctx.rulebook)
        taken = s.scalar(select(func.count()).select_from(SalaryStep).where(
            SalaryStep.person_id == person_id, SalaryStep.effective_date == on))
        if taken:
            raise ValidationError([("decision.sign_date", messages.text("salary_step_exists", day=on))])
        supersede(s.scalars(select(RankAssignment).where(RankAssignment.person_id == person_id)).all(), on,
                  start="effective_date")
        note = (dto.note or "").strip() or None
        s.add(RankAssignment(person_id=person_id, rank_code=dto.target_rank, effective_date=on,
                             decision_id=decision.id, note=note))
        s.add(SalaryStep(person_id=person_id, rank_code=dto.target_rank, salary_class=new_class, step=placed.step,
                         coefficient=placed.coefficient, percent=100, effective_date=on, step_since=placed.step_since,
                         pctnvk_percent=placed.pctnvk_percent, pctnvk_since=placed.pctnvk_since,
                         reserved_coefficient=placed.reserved, reason=kind, decision_id=decision.id,
                         note=placed.clause))
        s.flush()
        refresh_snapshot(s, person)
        result = PromotionResult(person_id, person.full_name, kind, current.rank_code, dto.target_rank,
                                 rank_name(dto.target_rank), placed, decision.id, placed.rule.label())
    return result
