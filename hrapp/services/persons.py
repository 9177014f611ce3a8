"""Personnel records: create and edit a person, add dated history rows by decision, record leaving.

Each public function is one user action and one unit of work; it validates everything first (nothing is
written while an error stands), writes, refreshes the person's snapshot and returns the full profile.
"""

from __future__ import annotations

import mimetypes
from collections.abc import Callable
from dataclasses import replace
from datetime import date
from decimal import Decimal
from typing import TypeVar

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from hrapp import catalogs, clock, messages
from hrapp.context import ServiceContext
from hrapp.db.models import (
    Allowance,
    Attachment,
    Award,
    Decision,
    Discipline,
    Employment,
    Evaluation,
    FamilyMember,
    JobPosition,
    OrgUnit,
    Person,
    PostHeld,
    Qualification,
    RankAssignment,
    SalaryStep,
    WorkHistory,
)
from hrapp.db.scope import ALL_UNITS, scope_units
from hrapp.domain import validation as v
from hrapp.domain.history import day_before
from hrapp.domain.person_input import (  # moved to the domain; the names stay importable from here
    ACTIVE,
    ALLOWANCE_KINDS,
    ALLOWANCE_LABELS,
    ATTACHMENT_KINDS,
    FAMILY_SIDES,
    IDENTITY_FIELDS,
    LEAVE_KINDS,
    LEAVE_LABELS,
    MAX_ATTACHMENT_BYTES,
    NO_DECISION,
    PRECISIONS,
    REGIMES,
    AllowanceInput,
    AttachmentInput,
    AwardInput,
    DisciplineInput,
    EmploymentInput,
    EvaluationInput,
    FamilyInput,
    IdentityInput,
    LeaveInput,
    NewPerson,
    PersonUpdate,
    PostInput,
    QualificationInput,
    RankInput,
    SalaryInput,
    WorkInput,
    employment_errors,
    identity_errors,
    new_person_errors,
    qualification_errors,
    salary_errors,
)
from hrapp.domain.person_input import clean_text as _clean
from hrapp.domain.person_input import decision_ref_errors as _decision_errors
from hrapp.domain.rules import RuleBook
from hrapp.errors import ConflictError, DomainError, NotFoundError, ValidationError
from hrapp.queries.person_detail import _missing, _unit_of_person
from hrapp.queries.person_profile import PersonProfile, _profile_of
from hrapp.security import READ, WRITE, require
from hrapp.services.decisions import DecisionInput, DecisionRef, add_decision
from hrapp.services.history import Keep, supersede
from hrapp.services.snapshot import refresh_snapshot, set_name
from hrapp.text import fold, normalize_name

__all__ = [
    "ACTIVE", "ALLOWANCE_KINDS", "ALLOWANCE_LABELS", "ATTACHMENT_KINDS", "FAMILY_SIDES", "IDENTITY_FIELDS",
    "LEAVE_KINDS", "LEAVE_LABELS", "MAX_ATTACHMENT_BYTES", "NO_DECISION", "employment_errors",
    "AllowanceInput", "AttachmentInput", "AwardInput", "DecisionInput", "DisciplineInput", "EmploymentInput",
    "EvaluationInput", "FamilyInput", "IdentityInput", "LeaveInput", "NewPerson", "PersonUpdate", "PostInput",
    "QualificationInput", "RankInput", "SalaryInput", "WorkInput",
    "add_allowance", "add_attachment", "add_award", "add_discipline", "add_employment", "add_evaluation",
    "add_family_member", "add_post", "add_qualification", "add_rank", "add_salary_step", "add_work_history",
    "attachment_data", "complete_qualification", "create_person", "delete_attachment", "end_post",
    "identity_errors", "leave", "new_person_errors", "qualification_errors", "salary_errors", "set_photo",
    "update_person",
]

# ============================================================================================== helpers


def _person(s: Session, person_id: int) -> Person:
    p = s.get(Person, person_id)
    if p is None:
        raise _missing()
    return p


def _profile(ctx: ServiceContext, person_id: int) -> PersonProfile:
    """The record read back after a change (the writer's right was checked before it)."""
    with ctx.read() as s:
        return _profile_of(s, person_id)


def _db_errors_identity(s: Session, identity: IdentityInput, person_id: int | None) -> v.Errors:
    number = v.normalize_cccd(identity.id_number)
    if not number or v.cccd_error(number):
        return []
    # every person, also outside the account's units (the number is unique); only those it may see are named
    q = select(Person.id, Person.full_name, Person.cur_unit_id).where(Person.id_number == number) \
        .execution_options(**{ALL_UNITS: True})
    if person_id is not None:
        q = q.where(Person.id != person_id)
    other = s.execute(q).first()
    if other is None:
        return []
    scope = scope_units(s)
    if scope is not None and other.cur_unit_id not in scope:
        return [("id_number", messages.text("cccd_taken_outside_scope", number=number))]
    return [("id_number", v.duplicate_cccd_message(number, other.full_name))]


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


_T = TypeVar("_T")


def _dated(s: Session, dto: _T, attr: str, ref: DecisionRef | None) -> _T:
    """When the row's date is left empty it is the decision's effective date."""
    from dataclasses import replace

    if getattr(dto, attr) is None:
        day = _decision_date(s, ref)
        if day is not None:
            return replace(dto, **{attr: day})  # type: ignore[type-var]
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
    p.birth_date, p.birth_precision = _normalised_birth(i.birth_date, i.birth_precision)  # type: ignore[arg-type]
    p.id_number = v.normalize_cccd(i.id_number) or None
    if p.email:
        p.email = p.email.lower()


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


# ============================================================================================== person


def _new_person_db_errors(s: Session, dto: NewPerson) -> v.Errors:
    return (_db_errors_identity(s, dto.identity, None)
            + _unit_errors(s, dto.employment.unit_id, dto.employment.start_date)
            + _position_errors(s, dto.employment.position_id))


def check_new_person(ctx: ServiceContext, dto: NewPerson, *, today: date | None = None) -> v.Errors:
    """Every field error `create_person` would raise for `dto`, all at once, writing nothing (a form asks
    this while some of its fields cannot be read yet, so the officer sees every problem in one pass)."""
    require(ctx, WRITE)
    errors = new_person_errors(dto, ctx.rulebook, today or _today())
    with ctx.read() as s:
        return errors + _new_person_db_errors(s, dto)


def check_person_update(ctx: ServiceContext, dto: PersonUpdate, *, today: date | None = None) -> v.Errors:
    """Every field error of the identity `update_person` would raise, all at once, writing nothing."""
    require(ctx, WRITE, _person_unit(ctx, dto.person_id))
    today = today or _today()
    errors = identity_errors(dto.identity, today)
    with ctx.read() as s:
        errors += _db_errors_identity(s, dto.identity, dto.person_id)
        birth = dto.identity.birth_date
        if birth is not None and not any(f == "birth_date" for f, _ in errors):
            errors += _birth_consistency_errors(s, dto.person_id, birth, today)
    return errors


def same_person_candidates(s: Session, full_name: str, birth: date | None, precision: str, *,
                           id_number: str | None = None, person_id: int | None = None
                           ) -> list[tuple[str, str | None, str]]:
    """(name, CCCD, unit) of the people recorded with this full name and birth date under another CCCD. The
    session's unit scope (hrapp.db.scope) applies: a warning never shows, nor hints at, someone the user may not
    see."""
    name = normalize_name(full_name or "")
    if not name or birth is None:
        return []
    birth = _normalised_birth(birth, precision if precision in PRECISIONS else "day")[0]
    q = (select(Person.id, Person.full_name, Person.id_number, OrgUnit.name)
         .outerjoin(OrgUnit, OrgUnit.id == Person.cur_unit_id)
         .where(Person.name_folded == fold(name), Person.full_name == name, Person.birth_date == birth)
         .order_by(Person.id).limit(5))
    if person_id is not None:
        q = q.where(Person.id != person_id)
    number = v.normalize_cccd(id_number) or None
    out: list[tuple[str, str | None, str]] = []
    for row in s.execute(q):
        if number is not None and row.id_number == number:
            continue  # the same CCCD: that is the duplicate-CCCD refusal, not this warning
        out.append((row.full_name, row.id_number, row.name or ""))
    return out


def new_person_warnings(ctx: ServiceContext, dto: NewPerson, *, today: date | None = None) -> v.Errors:
    """What is possible but unlikely in a new record, to be confirmed rather than refused: an age outside a
    working life (hrapp.domain.validation), someone already recorded with the same name and birth date."""
    require(ctx, WRITE)
    today = today or _today()
    i = dto.identity
    out = v.age_warnings(i.birth_date, dto.employment.start_date, today)
    with ctx.read() as s:
        others = same_person_candidates(s, i.full_name, i.birth_date, i.birth_precision, id_number=i.id_number)
    if others and i.birth_date is not None:
        out += v.collect(("full_name", v.same_person_warning(normalize_name(i.full_name), i.birth_date, others)))
    return out


def person_update_warnings(ctx: ServiceContext, dto: PersonUpdate, *, today: date | None = None) -> v.Errors:
    """The same for an edited identity: said only about a name or birth date that changed."""
    require(ctx, WRITE, _person_unit(ctx, dto.person_id))
    today = today or _today()
    i = dto.identity
    with ctx.read() as s:
        p = _person(s, dto.person_id)
        name_or_birth_changed = (normalize_name(i.full_name or "") != p.full_name
                                 or i.birth_date is None or p.birth_date != _normalised_birth(
                                     i.birth_date, i.birth_precision if i.birth_precision in PRECISIONS else "day")[0])
        if not name_or_birth_changed:
            return []
        out = v.age_warnings(i.birth_date, None, today) if p.status in ACTIVE else []
        others = same_person_candidates(s, i.full_name, i.birth_date, i.birth_precision, id_number=i.id_number,
                                        person_id=p.id)
    if others and i.birth_date is not None:
        out += v.collect(("full_name", v.same_person_warning(normalize_name(i.full_name), i.birth_date, others)))
    return out


def create_person(ctx: ServiceContext, dto: NewPerson, *, today: date | None = None) -> PersonProfile:
    """A new record with its first employment, salary and qualifications, in one transaction."""
    require(ctx, WRITE, dto.employment.unit_id)
    today = today or _today()
    errors = new_person_errors(dto, ctx.rulebook, today)
    warnings = new_person_warnings(ctx, dto, today=today) if not errors else []
    with ctx.unit_of_work() as s:
        errors += _new_person_db_errors(s, dto)
        v.raise_if(errors)
        p = Person(status="working")
        _apply_identity(p, dto.identity)
        s.add(p)
        s.flush()
        e = dto.employment
        s.add(_employment_row(p.id, e, _decision_id(s, e.decision)))
        if dto.salary is not None and dto.salary.rank_code:
            sal = dto.salary
            dec = _decision_id(s, sal.decision) if sal.decision is not None else None
            s.add(RankAssignment(person_id=p.id, rank_code=sal.rank_code, effective_date=sal.effective_date,
                                 decision_id=dec))
            s.add(_salary_row(p.id, sal, dec))
        for q in dto.qualifications:
            s.add(_qualification_row(p.id, q))
        refresh_snapshot(s, p)
        person_id = p.id
    return replace(_profile(ctx, person_id), warnings=tuple(warnings))


def update_person(ctx: ServiceContext, dto: PersonUpdate, *, today: date | None = None) -> PersonProfile:
    """Save edited identity fields; refused when someone saved the record since `dto.version` was read."""
    require(ctx, WRITE, _person_unit(ctx, dto.person_id))
    today = today or _today()
    errors = identity_errors(dto.identity, today)
    warnings = person_update_warnings(ctx, dto, today=today) if not errors else []
    with ctx.unit_of_work() as s:
        p = _person(s, dto.person_id)
        if p.row_version != dto.version:
            raise ConflictError("conflict", "Hồ sơ đã được người khác sửa sau khi bạn mở. Hãy mở lại hồ sơ rồi "
                                "sửa tiếp; thay đổi của bạn chưa được lưu.")
        errors += _db_errors_identity(s, dto.identity, p.id)
        birth = dto.identity.birth_date
        if birth is not None and not any(f == "birth_date" for f, _ in errors):
            errors += _birth_consistency_errors(s, p.id, birth, today)
        v.raise_if(errors)
        _apply_identity(p, dto.identity)
        # A field set to the value it holds is no change (SQLAlchemy compares): with none, nothing is written,
        # no version is used up and no audit row appears. Identity fields do not enter the snapshot (cur_*),
        # so it is not recomputed either: a save of the phone records the phone alone.
    return replace(_profile(ctx, dto.person_id), warnings=tuple(warnings))


def _birth_consistency_errors(s: Session, person_id: int, birth: date, today: date) -> v.Errors:
    """A changed birth date must still fit the recorded start and recruitment dates and qualification years."""
    errors: v.Errors = []
    first_start = s.scalar(select(func.min(Employment.start_date)).where(Employment.person_id == person_id))
    msg = v.start_date_error(first_start, birth, date.max)  # only the working age: the start is already stored
    if msg:
        errors.append(("birth_date", messages.text("birth_mismatch_employment", detail=msg)))
        return errors
    for (recruited,) in s.execute(select(Employment.recruitment_date).where(
            Employment.person_id == person_id, Employment.recruitment_date.is_not(None))):
        msg = v.adult_at_recruitment_error(birth, recruited) if recruited >= birth else \
            v.not_before_birth_error(recruited, birth, "Ngày tuyển dụng")
        if msg:
            errors.append(("birth_date", messages.text("birth_mismatch_employment", detail=msg)))
            break
    for kind, level, year in s.execute(select(Qualification.kind, Qualification.level_code, Qualification.year)
                                       .where(Qualification.person_id == person_id,
                                              Qualification.year.is_not(None))):
        msg = v.qualification_year_error(birth, year, today)
        if msg:
            errors.append(("birth_date", messages.text("birth_mismatch_qualification", level=catalogs.label('qualification_level', level), kind=catalogs.label('qualification_kind', kind).lower(), detail=msg)))
            break
    return errors


# ============================================================================================== employment


def add_employment(ctx: ServiceContext, person_id: int, dto: EmploymentInput, *,
                   today: date | None = None) -> PersonProfile:
    """A move to another unit or category (or a rehire), by decision; the open period ends the day before."""
    today = today or _today()

    def act(s: Session, p: Person) -> None:
        e = _dated(s, dto, "start_date", dto.decision)
        errors = employment_errors(e, p.birth_date, today, decision_required=True)
        errors += _unit_errors(s, e.unit_id, e.start_date) + _position_errors(s, e.position_id)
        rows = s.scalars(select(Employment).where(Employment.person_id == p.id)).all()
        if e.start_date is not None:
            if any(r.start_date >= e.start_date for r in rows):
                last = max(r.start_date for r in rows)
                errors.append(("start_date", messages.text("employment_start_order", last=last)))
        v.raise_if(errors)
        assert e.start_date is not None
        supersede(rows, e.start_date, end_reason=Keep("moved"))
        s.add(_employment_row(p.id, e, _decision_id(s, e.decision)))
        if p.status not in ACTIVE and e.start_date <= today:
            p.status = "working"

    return _write(ctx, person_id, act, dto.unit_id)


def leave(ctx: ServiceContext, person_id: int, dto: LeaveInput, *, today: date | None = None) -> PersonProfile:
    """Retirement, resignation, transfer out or death: open periods and posts end the day before
    `effective_date`; the person keeps the record with the new status."""
    today = today or _today()

    def act(s: Session, p: Person) -> None:
        e = _dated(s, dto, "effective_date", dto.decision)
        errors: v.Errors = []
        if e.kind not in LEAVE_KINDS:
            errors.append(("kind", messages.text("leave_kind_missing")))
        if p.status not in ACTIVE:
            errors.append(("kind", messages.text("leave_already", name=p.full_name, status=catalogs.label('employment_status', p.status))))
        if e.effective_date is None:
            errors.append(("effective_date", messages.text("leave_date_missing")))
        elif e.effective_date > today:
            errors.append(("effective_date", messages.text("leave_date_future", day=e.effective_date)))
        emps = s.scalars(select(Employment).where(Employment.person_id == p.id)).all()
        if e.effective_date is not None and emps:
            first = min(r.start_date for r in emps)
            if e.effective_date <= first:
                errors.append(("effective_date", messages.text("leave_before_start", first=first)))
        errors += _decision_errors(e.decision, required=e.kind != "deceased")
        v.raise_if(errors)
        assert e.effective_date is not None
        last_day = day_before(e.effective_date)
        dec = _decision_id(s, e.decision)
        note = _clean(e.note)
        for r in supersede(emps, e.effective_date, end_reason=e.kind, end_decision_id=dec):
            if note:
                r.note = f"{r.note}\n{note}" if r.note else note
        reason = LEAVE_LABELS[e.kind]
        for post in s.scalars(select(PostHeld).where(PostHeld.person_id == p.id)):
            if post.end_date is None or post.end_date > last_day:
                post.end_date = max(last_day, post.start_date)
                post.end_reason = reason
                post.end_decision_id = dec
        for allowance in s.scalars(select(Allowance).where(Allowance.person_id == p.id)):
            if allowance.end_date is None or allowance.end_date > last_day:
                allowance.end_date = max(last_day, allowance.effective_date)
        p.status = e.kind

    return _write(ctx, person_id, act)


# ============================================================================================== qualifications


def add_qualification(ctx: ServiceContext, person_id: int, dto: QualificationInput, *,
                      today: date | None = None) -> PersonProfile:
    today = today or _today()

    def act(s: Session, p: Person) -> None:
        v.raise_if(qualification_errors(dto, p.birth_date, today))
        s.add(_qualification_row(p.id, dto))

    return _write(ctx, person_id, act)


def complete_qualification(ctx: ServiceContext, qualification_id: int, year: int, *, end_date: date | None = None,
                           certificate_no: str | None = None, certificate_date: date | None = None,
                           today: date | None = None) -> PersonProfile:
    """An ongoing study (e.g. a doctoral candidate) is finished: it becomes a completed qualification."""
    require(ctx, WRITE)
    today = today or _today()
    with ctx.read() as s:
        q = s.get(Qualification, qualification_id)
        if q is None:
            raise NotFoundError("qualification_not_found", "Không tìm thấy trình độ này.", field="qualification")
        person_id = q.person_id

    def act(s: Session, p: Person) -> None:
        q = s.get(Qualification, qualification_id)
        assert q is not None
        errors: v.Errors = []
        if not q.in_progress:
            errors.append(("year", messages.text("qualification_done")))
        errors += v.collect(
            ("year", v.qualification_year_error(p.birth_date, year, today)),
            ("end_date", v.order_error(q.start_date, end_date, "ngày bắt đầu học", "Ngày kết thúc")),
            ("certificate_date", v.not_future_error(certificate_date, today, "Ngày cấp văn bằng")),
        )
        if q.start_date and year < q.start_date.year:
            errors.append(("year", messages.text("graduation_before_start", year=year, start=q.start_date.year)))
        v.raise_if(errors)
        q.in_progress = False
        q.year = year
        q.end_date = end_date or q.end_date
        q.certificate_no = _clean(certificate_no) or q.certificate_no
        q.certificate_date = certificate_date or q.certificate_date

    return _write(ctx, person_id, act)


# ============================================================================================== rank and salary


def add_rank(ctx: ServiceContext, person_id: int, dto: RankInput) -> PersonProfile:
    """Appointment to a ngạch / chức danh nghề nghiệp by decision; the rank held before ends the day before."""

    def act(s: Session, p: Person) -> None:
        r = _dated(s, dto, "effective_date", dto.decision)
        errors = v.collect(("rank_code", v.rank_error(r.rank_code)))
        if r.effective_date is None:
            errors.append(("effective_date", messages.text("rank_date_missing")))
        errors += v.collect(("effective_date", v.not_before_birth_error(r.effective_date, p.birth_date,
                                                                        "Ngày bổ nhiệm ngạch")))
        rows = s.scalars(select(RankAssignment).where(RankAssignment.person_id == p.id)).all()
        if r.effective_date is not None and any(x.effective_date >= r.effective_date for x in rows):
            last = max(x.effective_date for x in rows)
            errors.append(("effective_date", messages.text("rank_date_order", last=last)))
        errors += _decision_errors(r.decision, required=True)
        v.raise_if(errors)
        assert r.effective_date is not None
        _close_ranks(rows, r.effective_date)
        s.add(RankAssignment(person_id=p.id, rank_code=r.rank_code, effective_date=r.effective_date,
                             decision_id=_decision_id(s, r.decision), note=_clean(r.note)))

    return _write(ctx, person_id, act)


def _close_ranks(rows: list[RankAssignment] | tuple[RankAssignment, ...], start: date) -> None:
    supersede(rows, start, start="effective_date")


def add_salary_step(ctx: ServiceContext, person_id: int, dto: SalaryInput) -> PersonProfile:
    """A salary row by decision (nâng bậc, chuyển ngạch …). The coefficient must be the rank table's for that
    step; a rank other than the one held that day is recorded as a rank change by the same decision."""

    def act(s: Session, p: Person) -> None:
        sal = _dated(s, dto, "effective_date", dto.decision)
        errors = salary_errors(sal, ctx.rulebook, p.birth_date, decision_required=True)
        if sal.effective_date is not None:
            taken = s.scalar(select(func.count()).select_from(SalaryStep).where(
                SalaryStep.person_id == p.id, SalaryStep.effective_date == sal.effective_date))
            if taken:
                errors.append(("salary_date", messages.text("salary_step_exists", day=sal.effective_date)))
        v.raise_if(errors)
        assert sal.effective_date is not None and sal.rank_code
        dec = _decision_id(s, sal.decision)
        held = _open_rank(s, p.id, sal.effective_date)
        if held is None or held.rank_code != sal.rank_code:
            later = s.scalars(select(RankAssignment).where(RankAssignment.person_id == p.id)).all()
            if any(x.effective_date > sal.effective_date for x in later):
                raise ValidationError([("rank_code", messages.text("rank_later_decision"))])
            _close_ranks(later, sal.effective_date)
            s.add(RankAssignment(person_id=p.id, rank_code=sal.rank_code, effective_date=sal.effective_date,
                                 decision_id=dec))
        s.add(_salary_row(p.id, sal, dec))

    return _write(ctx, person_id, act)


def add_allowance(ctx: ServiceContext, person_id: int, dto: AllowanceInput) -> PersonProfile:
    def act(s: Session, p: Person) -> None:
        a = _dated(s, dto, "effective_date", dto.decision)
        errors: v.Errors = []
        if a.kind not in ALLOWANCE_KINDS:
            errors.append(("kind", messages.text("allowance_kind_invalid", kind=a.kind)))
        if (a.coefficient is None) == (a.percent is None):
            errors.append(("coefficient", messages.text("allowance_amount_missing")))
        if a.coefficient is not None and not Decimal(0) < Decimal(str(a.coefficient)) <= Decimal(10):
            errors.append(("coefficient", messages.text("allowance_coefficient_range")))
        if a.percent is not None and not Decimal(0) < Decimal(str(a.percent)) <= Decimal(100):
            errors.append(("percent", messages.text("allowance_percent_range")))
        if a.effective_date is None:
            errors.append(("effective_date", messages.text("allowance_date_missing")))
        errors += v.collect(("end_date", v.order_error(a.effective_date, a.end_date, "ngày hưởng",
                                                       "Ngày thôi hưởng")))
        errors += _decision_errors(a.decision, required=True)
        v.raise_if(errors)
        assert a.effective_date is not None
        supersede(s.scalars(select(Allowance).where(Allowance.person_id == p.id, Allowance.kind == a.kind)),
                  a.effective_date, start="effective_date", started_before=True)
        s.add(Allowance(person_id=p.id, kind=a.kind, coefficient=a.coefficient, percent=a.percent,
                        effective_date=a.effective_date, end_date=a.end_date,
                        decision_id=_decision_id(s, a.decision)))

    return _write(ctx, person_id, act)


# ============================================================================================== posts


def _retirement_first_day(p: Person, rulebook: RuleBook) -> date | None:
    from hrapp.domain.appointments import retirement_first_day

    return retirement_first_day(p.gender, p.birth_date, p.birth_precision or "day", rulebook)  # type: ignore[arg-type]


def add_post(ctx: ServiceContext, person_id: int, dto: PostInput) -> PersonProfile:
    """Appointment (bổ nhiệm, bổ nhiệm lại, kéo dài, giao phụ trách, kiêm nhiệm …) by decision. The term ends
    after 5 years or at retirement (rule `appointment_term`); a new main post ends the main post held before."""
    from hrapp.domain.appointments import post_term_end

    def act(s: Session, p: Person) -> None:
        d = _dated(s, dto, "start_date", dto.decision)
        errors: v.Errors = []
        if d.post_code not in catalogs.labels("post"):
            errors.append(("post_code", messages.text("post_missing")))
        if d.kind not in catalogs.labels("appointment_kind"):
            errors.append(("kind", messages.text("appointment_kind_invalid", kind=d.kind)))
        if d.unit_id is None:
            errors.append(("unit_id", messages.text("unit_missing")))
        if d.start_date is None:
            errors.append(("start_date", messages.text("appointment_date_missing")))
        errors += _unit_errors(s, d.unit_id, d.start_date)
        errors += v.collect(("term_end", v.order_error(d.start_date, d.term_end, "ngày bổ nhiệm",
                                                       "Ngày hết nhiệm kỳ")))
        errors += _decision_errors(d.decision, required=True)
        retire = _retirement_first_day(p, ctx.rulebook)
        ends = d.term_end
        if not errors and d.start_date is not None and ends is None:
            try:
                ends = post_term_end(d.kind, d.start_date, retire, ctx.rulebook)
            except DomainError as exc:
                errors.append(("start_date", exc.message))
        v.raise_if(errors)
        assert d.start_date is not None and d.unit_id is not None
        dec = _decision_id(s, d.decision)
        if not d.is_concurrent:
            supersede(s.scalars(select(PostHeld).where(PostHeld.person_id == p.id,
                                                       PostHeld.is_concurrent.is_(False))),
                      d.start_date, started_before=True,
                      end_reason=Keep(catalogs.label("appointment_kind", d.kind)), end_decision_id=dec)
        allowance = d.allowance_coefficient
        if allowance is None and catalogs.extra("post", d.post_code).get("allowance"):
            allowance = Decimal(str(catalogs.extra("post", d.post_code)["allowance"]))
        s.add(PostHeld(
            person_id=p.id, post_code=d.post_code, post_title=_clean(d.post_title) or
            catalogs.label("post", d.post_code), unit_id=d.unit_id, kind=d.kind, start_date=d.start_date,
            term_end=ends, is_concurrent=d.is_concurrent, allowance_coefficient=allowance, decision_id=dec,
        ))

    return _write(ctx, person_id, act, dto.unit_id)


def end_post(ctx: ServiceContext, post_id: int, end_date: date | None, reason: str,
             decision: DecisionRef | None) -> PersonProfile:
    """A post ends (thôi giữ chức vụ, miễn nhiệm, hết nhiệm kỳ) by decision on `end_date` (its last day)."""
    require(ctx, WRITE)
    with ctx.read() as s:
        row = s.get(PostHeld, post_id)
        if row is None:
            raise NotFoundError("post_not_found", "Không tìm thấy chức vụ này.", field="post")
        person_id = row.person_id

    def act(s: Session, p: Person) -> None:
        post = s.get(PostHeld, post_id)
        assert post is not None
        day = end_date or _decision_date(s, decision)
        errors: v.Errors = []
        if post.end_date is not None:
            errors.append(("end_date", messages.text("post_already_ended", day=post.end_date)))
        if day is None:
            errors.append(("end_date", messages.text("post_end_missing")))
        errors += v.collect(("end_date", v.order_error(post.start_date, day, "ngày bổ nhiệm", "Ngày thôi giữ")))
        if not (reason or "").strip():
            errors.append(("reason", messages.text("reason_missing")))
        errors += _decision_errors(decision, required=True)
        v.raise_if(errors)
        post.end_date = day
        post.end_reason = reason.strip()
        post.end_decision_id = _decision_id(s, decision)

    return _write(ctx, person_id, act)


# ============================================================================================== other history


def work_errors(dto: WorkInput, birth: date | None) -> v.Errors:
    errors: v.Errors = []
    if dto.from_date is None:
        errors.append(("from_date", messages.text("history_start_missing")))
    if not (dto.description or "").strip():
        errors.append(("description", messages.text("history_description_missing")))
    return errors + v.collect(
        ("from_date", v.not_before_birth_error(dto.from_date, birth, "Thời gian bắt đầu")),
        ("to_date", v.order_error(dto.from_date, dto.to_date, "thời gian bắt đầu", "Thời gian kết thúc")),
    )


def family_errors(dto: FamilyInput, today: date) -> v.Errors:
    errors: v.Errors = []
    if dto.side not in FAMILY_SIDES:
        errors.append(("side", messages.text("relative_side_missing")))
    if not (dto.relation or "").strip():
        errors.append(("relation", messages.text("relation_missing")))
    if not (dto.full_name or "").strip():
        errors.append(("full_name", messages.text("person_name_missing")))
    if dto.birth_year is not None and not v.MIN_BIRTH_YEAR - 50 <= dto.birth_year <= today.year:
        errors.append(("birth_year", messages.text("birth_year", year=dto.birth_year)))
    return errors


def add_work_history(ctx: ServiceContext, person_id: int, dto: WorkInput) -> PersonProfile:
    def act(s: Session, p: Person) -> None:
        v.raise_if(work_errors(dto, p.birth_date))
        s.add(WorkHistory(person_id=p.id, from_date=dto.from_date, to_date=dto.to_date,
                          description=dto.description.strip()))

    return _write(ctx, person_id, act)


def add_family_member(ctx: ServiceContext, person_id: int, dto: FamilyInput, *,
                      today: date | None = None) -> PersonProfile:
    today = today or _today()

    def act(s: Session, p: Person) -> None:
        v.raise_if(family_errors(dto, today))
        s.add(FamilyMember(person_id=p.id, side=dto.side, relation=dto.relation.strip(),
                           full_name=normalize_name(dto.full_name), birth_year=dto.birth_year,
                           details=_clean(dto.details)))

    return _write(ctx, person_id, act)


def add_award(ctx: ServiceContext, person_id: int, dto: AwardInput, *, today: date | None = None) -> PersonProfile:
    today = today or _today()

    def act(s: Session, p: Person) -> None:
        a = _dated(s, dto, "award_date", dto.decision)
        errors: v.Errors = []
        if not (a.form or "").strip():
            errors.append(("form", messages.text("award_form_missing")))
        if a.award_date is None:
            errors.append(("award_date", messages.text("award_date_missing")))
        errors += v.collect(
            ("award_date", v.not_future_error(a.award_date, today, "Ngày khen thưởng")),
            ("award_date", v.not_before_birth_error(a.award_date, p.birth_date, "Ngày khen thưởng")),
        )
        errors += _decision_errors(a.decision, required=True)
        v.raise_if(errors)
        s.add(Award(person_id=p.id, award_date=a.award_date, form=a.form.strip(), level=_clean(a.level),
                    reason=_clean(a.reason), decision_id=_decision_id(s, a.decision)))

    return _write(ctx, person_id, act)


def add_discipline(ctx: ServiceContext, person_id: int, dto: DisciplineInput, *,
                   today: date | None = None) -> PersonProfile:
    today = today or _today()

    def act(s: Session, p: Person) -> None:
        d = _dated(s, dto, "decision_date", dto.decision)
        if d.effect_from is None and d.decision_date is not None:
            from dataclasses import replace

            d = replace(d, effect_from=d.decision_date)
        errors = v.collect(("form", v.code_error("discipline_form", d.form, "Hình thức kỷ luật")))
        if not d.form:
            errors.append(("form", messages.text("discipline_form_missing")))
        if d.decision_date is None:
            errors.append(("decision_date", messages.text("discipline_date_missing")))
        errors += v.collect(
            ("decision_date", v.not_future_error(d.decision_date, today, "Ngày quyết định kỷ luật")),
            ("effect_to", v.order_error(d.effect_from, d.effect_to, "ngày có hiệu lực", "Ngày hết hiệu lực")),
        )
        errors += _decision_errors(d.decision, required=True)
        v.raise_if(errors)
        s.add(Discipline(person_id=p.id, decision_date=d.decision_date, form=d.form, effect_from=d.effect_from,
                         effect_to=d.effect_to, reason=_clean(d.reason), decision_id=_decision_id(s, d.decision)))

    return _write(ctx, person_id, act)


def add_evaluation(ctx: ServiceContext, person_id: int, dto: EvaluationInput, *,
                   today: date | None = None) -> PersonProfile:
    """The yearly rating (NĐ 90/2020) or score /100 (NĐ 335/2025); one per year; a score fixes the rating."""
    from hrapp.domain.evaluation import rating_from_score

    today = today or _today()

    def act(s: Session, p: Person) -> None:
        errors: v.Errors = []
        rating = (dto.rating or "").strip().lower() or None
        if not (p.birth_date.year + v.ADULT_AGE <= dto.year <= today.year):
            errors.append(("year", messages.text("evaluation_year_invalid", year=dto.year)))
        elif s.scalar(select(func.count()).select_from(Evaluation).where(
                Evaluation.person_id == p.id, Evaluation.year == dto.year)):
            errors.append(("year", messages.text("evaluation_exists", year=dto.year)))
        if dto.regime not in REGIMES:
            errors.append(("regime", messages.text("evaluation_regime_invalid", regime=dto.regime)))
        if rating is not None and rating not in catalogs.labels("rating"):
            errors.append(("rating", messages.text("rating_unknown", rating=dto.rating)))
        if dto.score is not None and not errors:
            try:
                scored = rating_from_score(dto.score, ctx.rulebook, dto.year, p.cur_category or "cong_chuc")
            except DomainError as exc:
                errors.append(("score", exc.message))
            else:
                if rating is None:
                    rating = scored.rating.value
                elif rating != scored.rating.value:
                    errors.append(("rating", messages.text("score_rating_mismatch", score=dto.score, scored=scored.rating.label, rating=catalogs.label('rating', rating))))
        if rating is None and not errors:
            errors.append(("rating", messages.text("rating_missing")))
        errors += _decision_errors(dto.decision, required=False)
        v.raise_if(errors)
        s.add(Evaluation(person_id=p.id, year=dto.year, rating=rating, score=dto.score, regime=dto.regime,
                         note=_clean(dto.note), decision_id=_decision_id(s, dto.decision)))

    return _write(ctx, person_id, act)


# ============================================================================================== attachments


_IMAGE_MAGIC = {b"\xff\xd8\xff": "image/jpeg", b"\x89PNG\r\n\x1a\n": "image/png"}


def _attachment_errors(dto: AttachmentInput) -> v.Errors:
    errors: v.Errors = []
    if not (dto.filename or "").strip():
        errors.append(("filename", messages.text("file_not_chosen")))
    if not dto.data:
        errors.append(("filename", messages.text("file_empty")))
    elif len(dto.data) > MAX_ATTACHMENT_BYTES:
        errors.append(("filename", messages.text("attachment_too_big", limit=MAX_ATTACHMENT_BYTES // (1024 * 1024))))
    if dto.kind not in ATTACHMENT_KINDS:
        errors.append(("kind", messages.text("attachment_kind_invalid", kind=dto.kind)))
    return errors


def add_attachment(ctx: ServiceContext, person_id: int, dto: AttachmentInput) -> PersonProfile:
    """A scanned decision, degree or other document, stored in the database so backups include it."""

    def act(s: Session, p: Person) -> None:
        errors = _attachment_errors(dto)
        if dto.decision_id is not None and s.get(Decision, dto.decision_id) is None:
            errors.append(("decision", messages.text("decision_missing_record")))
        v.raise_if(errors)
        name = dto.filename.replace("\\", "/").rsplit("/", 1)[-1].strip()
        mime = mimetypes.guess_type(name)[0] or "application/octet-stream"
        s.add(Attachment(person_id=p.id, decision_id=dto.decision_id, kind=dto.kind, filename=name, mime=mime,
                         size=len(dto.data), data=dto.data, note=_clean(dto.note)))

    return _write(ctx, person_id, act)


def set_photo(ctx: ServiceContext, person_id: int, filename: str, data: bytes) -> PersonProfile:
    """The 4x6 photo (JPEG or PNG); earlier photos stay among the attachments."""

    def act(s: Session, p: Person) -> None:
        errors = _attachment_errors(AttachmentInput(filename, data, "photo"))
        mime = next((m for magic, m in _IMAGE_MAGIC.items() if data.startswith(magic)), None)
        if data and mime is None:
            errors.append(("photo", messages.text("photo_format")))
        v.raise_if(errors)
        name = filename.replace("\\", "/").rsplit("/", 1)[-1].strip()
        row = Attachment(person_id=p.id, kind="photo", filename=name, mime=mime, size=len(data), data=data)
        s.add(row)
        s.flush()
        p.photo_id = row.id

    return _write(ctx, person_id, act)


def delete_attachment(ctx: ServiceContext, attachment_id: int) -> PersonProfile:
    """Remove a wrongly attached file (the audit trail keeps the fact and its name)."""
    require(ctx, WRITE)
    with ctx.read() as s:
        row = s.get(Attachment, attachment_id)
        if row is None or row.person_id is None:
            raise NotFoundError("attachment_not_found", "Không tìm thấy tài liệu này.", field="attachment")
        person_id = row.person_id

    def act(s: Session, p: Person) -> None:
        row = s.get(Attachment, attachment_id)
        if p.photo_id == attachment_id:
            p.photo_id = None
        s.delete(row)

    return _write(ctx, person_id, act)


def attachment_data(ctx: ServiceContext, attachment_id: int) -> tuple[str, str, bytes]:
    """(file name, MIME type, content) of a stored attachment, to open or save it."""
    require(ctx, READ)
    with ctx.read() as s:
        row = s.get(Attachment, attachment_id)
        if row is None:
            raise NotFoundError("attachment_not_found", "Không tìm thấy tài liệu này.", field="attachment")
        filename, mime, data, person_id = row.filename, row.mime, bytes(row.data), row.person_id
    require(ctx, READ, _person_unit(ctx, person_id) if person_id else None)
    return filename, mime, data
