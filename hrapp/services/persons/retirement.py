"""Retiring earlier or later than the ordinary age by a decision (NĐ 135/2020, Điều 5: heavy or hazardous work,
areas with special difficulty, reduced working capacity; Điều 6: high qualifications, some posts). The newest
decision sets the person's retirement age; every date that depends on retirement (the notice, the retirement
list and alerts, the term of a post, planning and appointment checks, the pay steps before retirement) follows
it, because they all compute retirement through the person's facts."""

from __future__ import annotations

from datetime import date

from sqlalchemy.orm import Session

from hrapp import messages
from hrapp.context import ServiceContext
from hrapp.db.models import Person, RetirementAdjustment
from hrapp.domain import validation as v
from hrapp.domain.person_input import RetirementDecisionInput
from hrapp.domain.person_input import clean_text as _clean
from hrapp.domain.person_input import decision_ref_errors as _decision_errors
from hrapp.domain.retirement import (
    DIRECTIONS,
    RETIREMENT_AGE,
    BirthDate,
    ExceptionReason,
    RetirementAge,
    RetirementException,
    check_exception,
    exception_reasons,
)
from hrapp.errors import DomainError, NotFoundError, ValidationError
from hrapp.queries.person_profile import PersonProfile
from hrapp.security import READ, WRITE, require
from hrapp.services.persons._shared import _decision_id, _write

MAX_AGE_YEARS = 80


def retirement_cases(ctx: ServiceContext, direction: str, on: date) -> tuple[ExceptionReason, ...]:
    """The cases the age rule in force on `on` allows for retiring earlier or later, with their legal points (the
    list the officer picks from)."""
    require(ctx, READ)
    try:
        return exception_reasons(ctx.rulebook.get(RETIREMENT_AGE, on), direction)
    except DomainError:
        return ()


def _errors(dto: RetirementDecisionInput) -> v.Errors:
    errors: v.Errors = []
    if dto.direction not in DIRECTIONS:
        errors.append(("direction", messages.text("retirement_exception_direction")))
    if dto.age_years is None or dto.age_years <= 0:
        errors.append(("age_years", messages.text("retirement_exception_age_missing")))
    elif not 0 < dto.age_years <= MAX_AGE_YEARS or not 0 <= dto.age_months <= 11:
        errors.append(("age_years", messages.text("retirement_exception_age_missing")))
    return errors + _decision_errors(dto.decision, required=True)


def add_retirement_decision(ctx: ServiceContext, person_id: int, dto: RetirementDecisionInput) -> PersonProfile:
    """Record a decision to retire earlier or later. Refused, with the reason next to the field, when the rule in
    force on the day the decided age is reached does not allow it (the case is not one of its own, the age is not
    lower / higher than the person's ordinary age, or it is beyond the 5 years of Điều 5 khoản 1 / Điều 6 khoản 1,
    counted from the ordinary age of the year of retirement, Phụ lục II)."""

    def act(s: Session, p: Person) -> None:
        v.raise_if(_errors(dto))
        assert dto.age_years is not None  # _errors refused a missing age
        exception = RetirementException(dto.direction, dto.reason, RetirementAge(dto.age_years, dto.age_months))
        try:
            check_exception(p.gender, BirthDate(p.birth_date, p.birth_precision or "day"),  # type: ignore[arg-type]  # stored gender and precision; the rule refuses others
                            exception, ctx.rulebook)
        except DomainError as exc:
            field = {"age": "age_years"}.get(exc.field or "", exc.field or "age_years")
            raise ValidationError([(field, exc.message)]) from None
        s.add(RetirementAdjustment(person_id=p.id, direction=dto.direction, reason=dto.reason,
                                   age_months=exception.age.total_months, decision_id=_decision_id(s, dto.decision),
                                   note=_clean(dto.note)))

    return _write(ctx, person_id, act)


def remove_retirement_decision(ctx: ServiceContext, adjustment_id: int) -> PersonProfile:
    """Take back a decision recorded by mistake (the audit trail keeps it): the person's dates follow the previous
    decision, or the ordinary age."""
    require(ctx, WRITE)
    with ctx.read() as s:
        row = s.get(RetirementAdjustment, adjustment_id)
        if row is None:
            raise NotFoundError("retirement_decision_not_found", "Không tìm thấy quyết định nghỉ hưu này.",
                                field="retirement_decision")
        person_id = row.person_id

    def act(s: Session, _p: Person) -> None:
        s.delete(s.get(RetirementAdjustment, adjustment_id))

    return _write(ctx, person_id, act)
