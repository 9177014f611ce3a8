"""The person services' shared steps: finding the person, checks against the database, building rows, the one
write (right, unit of work, snapshot, record read back)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, Any, TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from hrapp import clock, messages
from hrapp.context import ServiceContext
from hrapp.db.models import (
    Decision,
    Employment,
    JobPosition,
    OrgUnit,
    Person,
    Qualification,
    RankAssignment,
    SalaryStep,
)
from hrapp.db.scope import ALL_UNITS, scope_units
from hrapp.domain import places
from hrapp.domain import validation as v
from hrapp.domain.person_input import (
    IDENTITY_FIELDS,
    PLACE_FIELDS,
    EmploymentInput,
    IdentityInput,
    QualificationInput,
    SalaryInput,
)
from hrapp.domain.person_input import clean_text as _clean
from hrapp.queries.person_detail import _missing, _unit_of_person
from hrapp.queries.person_profile import PersonProfile, _profile_of
from hrapp.security import WRITE, require
from hrapp.services.decisions import DecisionInput, DecisionRef, add_decision
from hrapp.services.snapshot import refresh_snapshot, set_name

if TYPE_CHECKING:
    from _typeshed import DataclassInstance


def _person(s: Session, person_id: int) -> Person:
    p = s.get(Person, person_id)
    if p is None:
        raise _missing()
    return p


def _profile(ctx: ServiceContext, person_id: int) -> PersonProfile:
    """The record read back after a change (the writer's right was checked before it)."""
    with ctx.read() as s:
        return _profile_of(s, person_id, ctx.rulebook)


def _db_errors_identity(s: Session, identity: IdentityInput, person_id: int | None) -> v.Errors:
    return _cccd_taken(s, identity, person_id) + _personal_id_taken(s, identity, person_id)


def _personal_id_taken(s: Session, identity: IdentityInput, person_id: int | None) -> v.Errors:
    """The identification number is the record's key in the national database: one record per number."""
    number = v.normalize_cccd(identity.personal_id)
    if not number or v.personal_id_error(number, None):
        return []
    return _number_taken(s, Person.personal_id, number, person_id, "personal_id",
                         messages.text("personal_id_taken_outside_scope", number=number),
                         lambda name: messages.text("personal_id_duplicate", number=number, name=name))


def _cccd_taken(s: Session, identity: IdentityInput, person_id: int | None) -> v.Errors:
    number = v.normalize_cccd(identity.id_number)
    if not number or v.cccd_error(number):
        return []
    return _number_taken(s, Person.id_number, number, person_id, "id_number",
                         messages.text("cccd_taken_outside_scope", number=number),
                         lambda name: v.duplicate_cccd_message(number, name))


def _number_taken(s: Session, column: Any, number: str, person_id: int | None, field: str, outside: str,
                  duplicate: Callable[[str], str]) -> v.Errors:
    """A number that is unique per person (CCCD, identification number), already another person's: looked for
    among everyone, also outside the account's units; only someone the account may see is named."""
    q = select(Person.id, Person.full_name, Person.cur_unit_id).where(column == number) \
        .execution_options(**{ALL_UNITS: True})
    if person_id is not None:
        q = q.where(Person.id != person_id)
    other = s.execute(q).first()
    if other is None:
        return []
    scope = scope_units(s)
    if scope is not None and other.cur_unit_id not in scope:
        return [(field, outside)]
    return [(field, duplicate(other.full_name))]


def _unit_errors(s: Session, unit_id: int | None, day: date | None, field: str = "unit_id") -> v.Errors:
    if unit_id is None:
        return []
    unit = s.get(OrgUnit, unit_id)
    if unit is None:
        return [(field, "Đơn vị không tồn tại.")]
    if day is not None and unit.active_to is not None and day > unit.active_to:
        return [(field, f"{unit.name} đã thôi hoạt động từ sau ngày {v.dmy(unit.active_to)}.")]
    if day is not None and unit.active_from is not None and day < unit.active_from:
        return [(field, f"{unit.name} chỉ hoạt động từ ngày {v.dmy(unit.active_from)}.")]
    return []


def _position_errors(s: Session, position_id: int | None) -> v.Errors:
    if position_id is not None and s.get(JobPosition, position_id) is None:
        return [("position_id", "Vị trí việc làm không tồn tại.")]
    return []


def _decision_id(s: Session, ref: DecisionRef | None) -> int | None:
    return None if ref is None else add_decision(s, ref).id


def _decision_date(s: Session, ref: DecisionRef | None) -> date | None:
    """The effective date of the decision: a new one's, or a stored one's."""
    if isinstance(ref, DecisionInput):
        return ref.effective
    if isinstance(ref, int) and not isinstance(ref, bool):
        d = s.get(Decision, ref)
        return (d.effective_date or d.sign_date) if d else None
    return None


_T = TypeVar("_T", bound="DataclassInstance")


def _dated(s: Session, dto: _T, attr: str, ref: DecisionRef | None) -> _T:
    """When the row's date is left empty it is the decision's effective date."""
    if getattr(dto, attr) is None:
        day = _decision_date(s, ref)
        if day is not None:
            return replace(dto, **{attr: day})
    return dto


def _apply_identity(p: Person, i: IdentityInput) -> None:
    for name in IDENTITY_FIELDS:
        if name in ("full_name", "birth_date", "birth_precision", "id_number"):
            continue
        value = getattr(i, name)
        setattr(p, name, _clean(value) if isinstance(value, str) or value is None else value)
    set_name(p, i.full_name)
    p.ethnicity = v.catalog_code("ethnicity", p.ethnicity) or p.ethnicity
    p.religion = v.catalog_code("religion", p.religion) or p.religion
    # identity_errors refused a missing birth date before any write
    p.birth_date, p.birth_precision = _normalised_birth(i.birth_date, i.birth_precision)  # type: ignore[arg-type]
    p.id_number = v.normalize_cccd(i.id_number) or None
    p.personal_id = v.normalize_cccd(i.personal_id) or None
    p.social_insurance_no = v.normalize_insurance(i.social_insurance_no)
    p.health_insurance_no = v.normalize_insurance(i.health_insurance_no)
    for text_field, code_field in PLACE_FIELDS:
        setattr(p, code_field, _place_code(getattr(p, text_field), getattr(i, code_field)))
    if p.email:
        p.email = p.email.lower()


def _place_code(text: str | None, picked: str | None) -> str | None:
    """The official unit of a place: the one picked while it still fits the text, else the one the text names
    without doubt (old or new names), else none (a foreign place, a name several units share)."""
    if not text:
        return None
    if picked and places.fits(text, picked):
        return picked
    return places.resolve(text).code


def _normalised_birth(birth: date, precision: str) -> tuple[date, str]:
    """A birth known by month is stored as the 1st, by year as 01/01 (NĐ 135/2020 Điều 3)."""
    if precision == "month":
        return birth.replace(day=1), precision
    if precision == "year":
        return date(birth.year, 1, 1), precision
    return birth, "day"


def _employment_row(person_id: int, e: EmploymentInput, decision_id: int | None) -> Employment:
    return Employment(
        person_id=person_id, category=e.category, unit_id=e.unit_id, position_id=e.position_id,
        start_date=e.start_date, recruitment_date=e.recruitment_date,
        recruitment_agency=_clean(e.recruitment_agency), probation_start=e.probation_start,
        probation_end=e.probation_end, probation_pay_percent=e.probation_pay_percent, note=_clean(e.note),
        decision_id=decision_id,
    )


def _salary_row(person_id: int, sal: SalaryInput, decision_id: int | None) -> SalaryStep:
    assert sal.rank_code and sal.step and sal.effective_date and sal.coefficient is not None
    return SalaryStep(
        person_id=person_id, rank_code=sal.rank_code, salary_class=v.salary_class_of(sal.rank_code),
        step=sal.step, coefficient=Decimal(str(sal.coefficient)), percent=sal.percent,
        effective_date=sal.effective_date, step_since=sal.step_since or sal.effective_date,
        pctnvk_percent=sal.pctnvk_percent, pctnvk_since=sal.pctnvk_since, reason=sal.reason,
        decision_id=decision_id, note=_clean(sal.note),
    )


def _qualification_row(person_id: int, q: QualificationInput, source: str = "manual") -> Qualification:
    return Qualification(
        person_id=person_id, kind=q.kind, level_code=q.level_code, major=_clean(q.major),
        language=_clean(q.language), institution=_clean(q.institution), mode=q.mode, start_date=q.start_date,
        end_date=q.end_date, year=q.year, certificate_no=_clean(q.certificate_no),
        certificate_date=q.certificate_date, expiry_date=q.expiry_date, in_progress=q.in_progress,
        source=source, note=_clean(q.note),
    )


def _open_rank(s: Session, person_id: int, on: date) -> RankAssignment | None:
    rows = s.scalars(select(RankAssignment).where(
        RankAssignment.person_id == person_id, RankAssignment.effective_date <= on,
    ).order_by(RankAssignment.effective_date.desc(), RankAssignment.id.desc())).all()
    return next((r for r in rows if r.end_date is None or r.end_date >= on), None)


def _person_unit(ctx: ServiceContext, person_id: int) -> int | None:
    with ctx.read() as s:
        return _unit_of_person(s, person_id)


def _write(ctx: ServiceContext, person_id: int, action: Callable[[Session, Person], None],
           other_unit: int | None = None) -> PersonProfile:
    """Check the right to change this person (and the unit moved to), run the change in one unit of work,
    refresh the snapshot, return the new profile."""
    require(ctx, WRITE, _person_unit(ctx, person_id))
    if other_unit is not None:
        require(ctx, WRITE, other_unit)
    with ctx.unit_of_work() as s:
        p = _person(s, person_id)
        action(s, p)
        refresh_snapshot(s, p)
    return _profile(ctx, person_id)


def _today() -> date:
    return clock.today()
