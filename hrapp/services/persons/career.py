"""A person's dated career by decision: employment periods and leaving, qualifications, rank, salary step,
allowances and posts; a new row closes the running one the day before."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date
from decimal import Decimal
from typing import TypeVar

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from hrapp import catalogs, messages
from hrapp.context import ServiceContext
from hrapp.db.models import (
    Allowance,
    Employment,
    Person,
    PostHeld,
    Qualification,
    RankAssignment,
    SalaryStep,
)
from hrapp.domain import validation as v
from hrapp.domain.allowances import appointed_allowance
from hrapp.domain.appointments import post_term_end, retirement_first_day
from hrapp.domain.history import day_before
from hrapp.domain.pay_steps import probation_step_warning
from hrapp.domain.person_input import (
    ACTIVE,
    ALLOWANCE_KINDS,
    LEAVE_KINDS,
    LEAVE_LABELS,
    AllowanceInput,
    EmploymentInput,
    LeaveInput,
    PostInput,
    QualificationInput,
    RankInput,
    SalaryInput,
    employment_errors,
    qualification_errors,
    salary_errors,
)
from hrapp.domain.person_input import clean_text as _clean
from hrapp.domain.person_input import decision_ref_errors as _decision_errors
from hrapp.domain.rules import RuleBook
from hrapp.errors import DomainError, NotFoundError, ValidationError
from hrapp.queries._retirement import retirement_exceptions
from hrapp.queries.person_profile import PersonProfile
from hrapp.security import WRITE, require
from hrapp.services.agency import agency_province
from hrapp.services.decisions import DecisionRef
from hrapp.services.history import Keep, supersede
from hrapp.services.persons._shared import (
    _dated,
    _decision_date,
    _decision_id,
    _employment_row,
    _open_rank,
    _person_unit,
    _position_errors,
    _qualification_row,
    _salary_row,
    _today,
    _unit_errors,
    _write,
)

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


_Owned = TypeVar("_Owned", Qualification, PostHeld)


def _owner(ctx: ServiceContext, model: type[_Owned], row_id: int, missing: NotFoundError) -> int:
    """The person a history row belongs to (read within the account's units); `missing` when there is none."""
    with ctx.read() as s:
        row = s.get(model, row_id)
        if row is None:
            raise missing
        return row.person_id


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
    person_id = _owner(ctx, Qualification, qualification_id, NotFoundError(
        "qualification_not_found", "Không tìm thấy trình độ này.", field="qualification"))

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


def _close_ranks(rows: Sequence[RankAssignment], start: date) -> None:
    supersede(rows, start, start="effective_date")


def _probations(s: Session, person_id: int) -> list[tuple[date, date]]:
    """The recorded probations (first and last day) of the person's employments."""
    rows = s.execute(select(Employment.probation_start, Employment.probation_end).where(
        Employment.person_id == person_id, Employment.probation_start.is_not(None),
        Employment.probation_end.is_not(None))).all()
    return [(a, b) for a, b in rows if a is not None and b is not None]


def step_since_warnings(since: date | None, probations: Sequence[tuple[date, date]], rulebook: RuleBook) -> v.Errors:
    """A warning on `step_since` when the date the next step counts from falls inside a probation that does not
    count toward the regular step (recruited from 15/08/2021, TT 03/2021/TT-BNV)."""
    if since is None:
        return []
    found = (probation_step_warning(since, start, end, rulebook) for start, end in probations)
    return [("step_since", w) for w in found if w]


def salary_warnings(ctx: ServiceContext, person_id: int, dto: SalaryInput) -> v.Errors:
    """What is possible but to be checked in a salary row before it is saved: its step date inside a probation
    that does not count."""
    require(ctx, WRITE, _person_unit(ctx, person_id))
    with ctx.read() as s:
        probations = _probations(s, person_id)
    return step_since_warnings(dto.step_since or dto.effective_date, probations, ctx.rulebook)


def add_salary_step(ctx: ServiceContext, person_id: int, dto: SalaryInput) -> PersonProfile:
    """A salary row by decision (nâng bậc, chuyển ngạch …). The coefficient must be the rank table's for that
    step; a rank other than the one held that day is recorded as a rank change by the same decision. The
    profile returned carries the warnings of `salary_warnings`."""
    warnings: v.Errors = []

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
        warnings.extend(step_since_warnings(sal.step_since or sal.effective_date, _probations(s, p.id),
                                            ctx.rulebook))

    return replace(_write(ctx, person_id, act), warnings=tuple(warnings))


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


def _retirement_first_day(s: Session, p: Person, rulebook: RuleBook) -> date | None:
    # the gender column holds "M" or "F" (the identity check refuses anything else); the column is typed str
    return retirement_first_day(p.gender, p.birth_date, p.birth_precision or "day", rulebook,  # type: ignore[arg-type]
                                retirement_exceptions(s, None, [p.id]).get(p.id))


def add_post(ctx: ServiceContext, person_id: int, dto: PostInput) -> PersonProfile:
    """Appointment (bổ nhiệm, bổ nhiệm lại, kéo dài, giao phụ trách, kiêm nhiệm …) by decision. The term ends
    after 5 years or at retirement (rule `appointment_term`); a new main post ends the main post held before."""
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
        retire = _retirement_first_day(s, p, ctx.rulebook)
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
        if allowance is None:
            allowance = appointed_allowance(d.post_code, agency_province(s), ctx.rulebook, d.start_date,
                                            catalogs.extra("post", d.post_code).get("allowance"))
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
    person_id = _owner(ctx, PostHeld, post_id, NotFoundError("post_not_found", "Không tìm thấy chức vụ này.",
                                                             field="post"))

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
