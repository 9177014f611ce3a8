"""The end of a round: the head's tie decisions, withdrawals and the hiring of the winners into staff records."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from hrapp import catalogs, messages
from hrapp.context import ServiceContext
from hrapp.db.models import (
    Candidate,
    Employment,
    JobPosition,
    OrgUnit,
    Person,
    Qualification,
    Rank,
    RankAssignment,
    RecruitmentRound,
    RecruitmentTarget,
    SalaryStep,
)
from hrapp.db.scope import ALL_UNITS, scope_units
from hrapp.domain import recruitment as dr
from hrapp.domain import validation as v
from hrapp.domain.pay_steps import first_step_since
from hrapp.domain.probation import probation
from hrapp.errors import DomainError, NotFoundError, ValidationError
from hrapp.queries.recruitment import (
    WITHDRAWAL_REASONS,
    QualificationItem,
    RoundResults,
    RoundSetup,
    results,
)
from hrapp.queries.recruitment import _session as q
from hrapp.security import WRITE, require
from hrapp.services.agency import get_agency
from hrapp.services.decisions import add_decision
from hrapp.services.persons import (
    EmploymentInput,
    IdentityInput,
    NewPerson,
    QualificationInput,
    SalaryInput,
    new_person_errors,
)
from hrapp.services.recruitment._common import (
    _clean,
    _decision_ref_errors,
    _event,
    _round_for_update,
    _today,
    require_status,
)
from hrapp.services.recruitment.candidates import _candidate
from hrapp.services.recruitment.inputs import HiredPerson, HireInput, HireResult, TieDecision, Withdrawal
from hrapp.services.snapshot import refresh_snapshot, set_name

# ============================================================================================== results


def record_tie_decision(ctx: ServiceContext, dto: TieDecision, *, today: date | None = None) -> RoundResults:
    """The head of the agency picks the winner(s) among candidates tied at a position's last place."""
    require(ctx, WRITE)
    today = today or _today()
    with ctx.unit_of_work() as s:
        rnd = _round_for_update(s, dto.round_id)
        require_status(rnd, ("results",), "ghi quyết định của người đứng đầu")
        target = next((t for t in rnd.targets if t.id == dto.target_id), None)
        if target is None:
            raise NotFoundError("target_not_found", "Không có vị trí này trong kỳ tuyển dụng.", field="target_id")
        errors = _decision_ref_errors(dto.decision, "decision", True, "văn bản quyết định của người đứng đầu")
        current = q.compute_results(s, ctx.rulebook, rnd.id).position(target.id)
        tied = {r.candidate_id for r in current.with_outcome(dr.Outcome.CAN_QUYET_DINH)}
        if not tied:
            errors.append(("chosen", messages.text("no_tie_waiting", name=current.position_name)))
        elif not dto.chosen or any(cid not in tied for cid in dto.chosen):
            errors.append(("chosen", messages.text("tie_choice_outside")))
        v.raise_if(errors)
        decision = add_decision(s, dto.decision)
        _event(s, ctx, rnd, "tie_decision", decision.effective_date or decision.sign_date or today,
               target_id=target.id, chosen=list(dto.chosen), decision_id=decision.id, reason=_clean(dto.reason))
        s.flush()
        q.compute_results(s, ctx.rulebook, rnd.id)  # the domain checks the number chosen
        round_id = rnd.id
    return results(ctx, round_id)


def record_withdrawal(ctx: ServiceContext, dto: Withdrawal, *, today: date | None = None) -> RoundResults:
    """A winner withdraws or misses the dossier deadline: recorded with a decision, and the place goes to
    the next ranked candidate of the position."""
    require(ctx, WRITE)
    today = today or _today()
    with ctx.unit_of_work() as s:
        c = _candidate(s, dto.candidate_id)
        rnd = _round_for_update(s, c.round_id)
        require_status(rnd, ("results",), "ghi nhận rút hồ sơ")
        errors = _decision_ref_errors(dto.decision, "decision", True, "văn bản (quyết định hủy kết quả trúng tuyển)")
        if dto.reason_code not in WITHDRAWAL_REASONS:
            errors.append(("reason_code", messages.text("withdrawal_reason_missing")))
        if c.status == "hired":
            errors.append(("candidate_id", messages.text("withdrawal_hired", name=c.full_name)))
        res = q.compute_results(s, ctx.rulebook, rnd.id)
        holding = [p for p in res.positions for r in p.rows if r.candidate_id == c.id
                   and r.outcome in (dr.Outcome.TRUNG_TUYEN, dr.Outcome.CAN_QUYET_DINH)]
        if not holding and not errors:
            errors.append(("candidate_id", messages.text("withdrawal_not_selected", name=c.full_name)))
        v.raise_if(errors)
        decision = add_decision(s, dto.decision)
        day = dto.event_date or decision.effective_date or decision.sign_date or today
        _event(s, ctx, rnd, "withdrawal", day, candidate_id=c.id, target_id=holding[0].target_id,
               reason_code=dto.reason_code, reason=_clean(dto.note), decision_id=decision.id)
        s.flush()
        q.compute_results(s, ctx.rulebook, rnd.id)
        round_id = rnd.id
    return results(ctx, round_id)


# ============================================================================================== hiring


def _identity(c: Candidate) -> IdentityInput:
    return IdentityInput(
        full_name=c.full_name, gender=c.gender, birth_date=c.birth_date, id_number=c.id_number,
        birth_place=c.birth_place, home_town=c.home_town, ethnicity=c.ethnicity, religion=c.religion,
        id_issue_date=c.id_issue_date, id_issue_place=c.id_issue_place, permanent_address=c.permanent_address,
        current_address=c.current_address, phone=c.phone, email=c.email,
    )


def _qualifications(c: Candidate) -> tuple[QualificationInput, ...]:
    out: list[QualificationInput] = []
    if c.education_level:
        out.append(QualificationInput(kind="chuyen_mon", level_code=c.education_level, major=c.major,
                                      institution=c.institution, year=c.graduation_year,
                                      note=f"Xếp loại tốt nghiệp: {c.degree_grade}" if c.degree_grade else None))
    for raw in c.qualifications or ():
        item = QualificationItem.from_json(raw)
        out.append(QualificationInput(kind=item.kind, level_code=item.level_code, major=item.major,
                                      language=item.language, institution=item.institution, year=item.year))
    return tuple(out)


@dataclass(frozen=True)
class _Plan:
    candidate: Candidate
    target: RecruitmentTarget
    position: JobPosition
    unit: OrgUnit
    person: NewPerson
    existing: Person | None
    step: int
    coefficient: Decimal
    percent: int
    probation_end: date | None


def hire_winners(ctx: ServiceContext, dto: HireInput, *, today: date | None = None) -> HireResult:
    """One action turns the winners into staff records: person (or a new employment of an existing record
    with the same CCCD), employment in the position's unit with the round's category, rank or title, the
    starting step — at 85% with the probation period for viên chức (and công chức before NĐ 170/2025) —
    and the qualifications from the form, all linked to the recruitment decision, in one transaction."""
    require(ctx, WRITE)
    today = today or _today()
    agency = get_agency(ctx).name
    errors = _decision_ref_errors(dto.decision, "decision", True, "quyết định tuyển dụng")
    v.raise_if(errors)
    with ctx.unit_of_work() as s:
        rnd = _round_for_update(s, dto.round_id)
        require_status(rnd, ("results",), "tuyển dụng người trúng tuyển")
        setup = q.round_setup(s, ctx.rulebook, rnd)
        res = q.compute_results(s, ctx.rulebook, rnd.id)
        winners = {r.candidate_id: (p, r) for p, r in res.winners() if not r.hired}
        wanted = list(dto.candidate_ids) if dto.candidate_ids is not None else list(winners)
        errors = []
        if not wanted:
            errors.append(("candidate_ids", messages.text("no_winner_waiting")))
        for cid in wanted:
            if cid not in winners:
                c = s.get(Candidate, cid)
                name = c.full_name if c is not None else str(cid)
                errors.append(("candidate_ids", messages.text("not_a_waiting_winner", name=name)))
            elif winners[cid][0].provisional:
                errors.append(("candidate_ids", messages.text("hire_waits_other_decision", name=winners[cid][0].position_name)))
        v.raise_if(errors)
        decision = add_decision(s, dto.decision)
        start = dto.start_date or decision.effective_date or decision.sign_date
        plans: list[_Plan] = []
        for cid in wanted:
            p, _row = winners[cid]
            try:
                plans.append(_plan_hire(s, ctx, rnd, setup, cid, p.target_id, start, dto.steps.get(cid, 1),
                                        agency, decision.id, today))
            except ValidationError as exc:
                c = s.get(Candidate, cid)
                errors += [(f, f"{c.full_name if c else cid}: {m}") for f, m in exc.errors]
        v.raise_if(errors)
        hired: list[HiredPerson] = []
        for plan in plans:
            person = _write_hire(s, plan, decision.id)
            c = plan.candidate
            c.status = "hired"
            c.person_id = person.id
            c.hired_target_id = plan.target.id
            c.hire_decision_id = decision.id
            _event(s, ctx, rnd, "hire", start, candidate_id=c.id, target_id=plan.target.id, decision_id=decision.id)
            sal = plan.person.salary
            assert sal is not None and sal.rank_code
            hired.append(HiredPerson(c.id, person.id, person.full_name, plan.unit.name, plan.position.name,
                                     sal.rank_code, plan.step, plan.coefficient, plan.percent, plan.probation_end))
    return HireResult(tuple(hired))


def _plan_hire(s: Session, ctx: ServiceContext, rnd: RecruitmentRound, setup: RoundSetup, candidate_id: int,
               target_id: int, start: date, step: int, agency: str, decision_id: int, today: date) -> _Plan:
    c = _candidate(s, candidate_id)
    target = s.get(RecruitmentTarget, target_id)
    assert target is not None
    pos = s.get(JobPosition, target.position_id)
    assert pos is not None
    unit = s.get(OrgUnit, pos.unit_id)
    assert unit is not None
    rank_code = target.rank_code or pos.min_rank_code
    if not rank_code:
        raise ValidationError([("rank_code", messages.text("target_rank_missing", name=pos.name))])
    rank = s.get(Rank, rank_code)
    assert rank is not None
    prob = None
    if setup.regime.probation_required:
        try:
            prob = probation(rnd.category, rank.required_education or "DH", start, ctx.rulebook)
        except DomainError as exc:
            raise ValidationError([("probation", exc.message)]) from exc
    percent = int(prob.pay_percent) if prob is not None else 100
    try:
        coefficient = v.expected_coefficient(rank_code, step, ctx.rulebook, start)
    except DomainError as exc:
        raise ValidationError([("salary_step", exc.message)]) from exc
    employment = EmploymentInput(
        category=rnd.category, unit_id=unit.id, start_date=start, position_id=pos.id, recruitment_date=start,
        recruitment_agency=agency or None, probation_start=start if prob else None,
        probation_end=prob.end_date if prob else None, probation_pay_percent=percent if prob else None,
        note=f"Trúng tuyển {rnd.name}" + (f", SBD {c.sbd}" if c.sbd else ""), decision=decision_id,
    )
    # From 15/08/2021 probation does not count toward the first step (TT 03/2021/TT-BNV): it counts from the end.
    since = first_step_since(start, prob.end_date if prob else None, ctx.rulebook).since
    salary = SalaryInput(rank_code=rank_code, step=step, coefficient=coefficient, effective_date=start,
                         percent=percent, reason="tuyen_dung", decision=decision_id, step_since=since)
    person = NewPerson(identity=_identity(c), employment=employment, salary=salary,
                       qualifications=_qualifications(c))
    # every record, also outside the account's units (the number is unique); one outside is not named
    existing = s.scalar(select(Person).where(Person.id_number == c.id_number).execution_options(**{ALL_UNITS: True}))
    errors = new_person_errors(person, ctx.rulebook, max(today, start))
    scope = scope_units(s)
    if existing is not None and scope is not None and existing.cur_unit_id not in scope:
        errors = [(f, m) for f, m in errors if not f.startswith("id_number")]
        errors.append(("id_number", messages.text("cccd_taken_outside_scope", number=c.id_number)))
    elif existing is not None:
        # The record exists (e.g. a contract worker who won): identity and qualifications stay as kept there.
        errors = [(f, m) for f, m in errors if not f.startswith(("id_number", "qualifications"))]
        if existing.status in ("working", "seconded", "leave") and existing.cur_category == rnd.category:
            errors.append(("id_number", messages.text("hire_id_taken", number=c.id_number, name=existing.full_name, category=catalogs.label('category', rnd.category).lower())))
        later = s.scalar(select(func.max(Employment.start_date)).where(Employment.person_id == existing.id))
        if later is not None and later >= start:
            errors.append(("start_date", messages.text("hire_history_later", name=existing.full_name, later=later, start=start)))
    v.raise_if(errors)
    return _Plan(c, target, pos, unit, person, existing, step, coefficient, percent,
                 prob.end_date if prob else None)


def _write_hire(s: Session, plan: _Plan, decision_id: int) -> Person:
    dto = plan.person
    e = dto.employment
    sal = dto.salary
    assert sal is not None and sal.rank_code and sal.effective_date and e.start_date
    if plan.existing is None:
        i = dto.identity
        p = Person(status="working", gender=i.gender, birth_date=i.birth_date, id_number=i.id_number,
                   birth_place=i.birth_place, home_town=i.home_town, ethnicity=i.ethnicity, religion=i.religion,
                   id_issue_date=i.id_issue_date, id_issue_place=i.id_issue_place,
                   permanent_address=i.permanent_address, current_address=i.current_address, phone=i.phone,
                   email=i.email, occupation_at_recruitment=None)
        set_name(p, i.full_name)
        s.add(p)
        s.flush()
        for qual in dto.qualifications:
            s.add(Qualification(person_id=p.id, kind=qual.kind, level_code=qual.level_code, major=qual.major,
                                language=qual.language, institution=qual.institution, year=qual.year,
                                source="recruitment", note=qual.note))
    else:
        p = plan.existing
        last_day = e.start_date - timedelta(days=1)
        for r in s.scalars(select(Employment).where(Employment.person_id == p.id)):
            if r.end_date is None or r.end_date > last_day:
                r.end_date = last_day
                r.end_reason = r.end_reason or "moved"
        for ra in s.scalars(select(RankAssignment).where(RankAssignment.person_id == p.id)):
            if ra.end_date is None or ra.end_date > last_day:
                ra.end_date = last_day
        p.status = "working"
    s.add(Employment(person_id=p.id, category=e.category, unit_id=e.unit_id, position_id=e.position_id,
                     start_date=e.start_date, recruitment_date=e.recruitment_date,
                     recruitment_agency=e.recruitment_agency, probation_start=e.probation_start,
                     probation_end=e.probation_end, probation_pay_percent=e.probation_pay_percent, note=e.note,
                     decision_id=decision_id))
    s.add(RankAssignment(person_id=p.id, rank_code=sal.rank_code, effective_date=sal.effective_date,
                         decision_id=decision_id))
    s.add(SalaryStep(person_id=p.id, rank_code=sal.rank_code, salary_class=v.salary_class_of(sal.rank_code),
                     step=sal.step or 1, coefficient=sal.coefficient or Decimal(0), percent=sal.percent,
                     effective_date=sal.effective_date, step_since=sal.step_since or sal.effective_date, reason=sal.reason,
                     decision_id=decision_id))
    s.flush()
    refresh_snapshot(s, p)
    return p
