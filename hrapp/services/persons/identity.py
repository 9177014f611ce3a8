"""A person's record itself: create it with its first employment, edit the identity, and the checks and warnings
a form asks before saving."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from hrapp import catalogs, messages
from hrapp.context import ServiceContext
from hrapp.db.models import (
    Employment,
    OrgUnit,
    Person,
    Qualification,
    RankAssignment,
)
from hrapp.domain import validation as v
from hrapp.domain.pay_steps import first_step_since
from hrapp.domain.person_input import (
    ACTIVE,
    PRECISIONS,
    NewPerson,
    PersonUpdate,
    identity_errors,
    new_person_errors,
)
from hrapp.errors import ConflictError
from hrapp.queries.person_profile import PersonProfile
from hrapp.security import WRITE, require
from hrapp.services.persons._shared import (
    _apply_identity,
    _db_errors_identity,
    _decision_id,
    _employment_row,
    _normalised_birth,
    _person,
    _person_unit,
    _position_errors,
    _profile,
    _qualification_row,
    _salary_row,
    _today,
    _unit_errors,
)
from hrapp.services.persons.career import step_since_warnings
from hrapp.services.snapshot import refresh_snapshot
from hrapp.text import fold, normalize_name

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
    e, sal = dto.employment, dto.salary
    if sal is not None and sal.step_since is not None and e.probation_start and e.probation_end:
        out += step_since_warnings(sal.step_since, [(e.probation_start, e.probation_end)], ctx.rulebook)
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
            if sal.step_since is None and e.probation_start is not None:
                # From 15/08/2021 the first step counts from the end of probation (TT 03/2021/TT-BNV).
                sal = replace(sal, step_since=first_step_since(e.probation_start, e.probation_end,
                                                               ctx.rulebook).since)
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
    for recruited in s.scalars(select(Employment.recruitment_date).where(
            Employment.person_id == person_id, Employment.recruitment_date.is_not(None))):
        if recruited is None:
            continue  # the query leaves these out; the column may hold them
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
