"""The full editable profile of one person: identity (as the editor's input DTO), every history table with
row ids and the decisions behind them, attachments without their content. Histories run oldest first.

`load_profile(ctx, person_id)` is the read behind the boundary (read right within the person's unit, personal
fields masked); the services read the record back after a change through the session helper `_profile_of`."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from hrapp import catalogs
from hrapp.catalogs import ABSENCE_KINDS, END_REASONS, SALARY_REASONS, STUDY_MODES
from hrapp.context import ServiceContext
from hrapp.db.models import (
    Allowance,
    Attachment,
    Award,
    Decision,
    Discipline,
    Employment,
    Evaluation,
    EvaluationPeriod,
    FamilyMember,
    JobPosition,
    LeavePeriod,
    OrgUnit,
    Person,
    PostHeld,
    Qualification,
    Rank,
    RankAssignment,
    RetirementAdjustment,
    SalaryStep,
    StudyCommitment,
    WorkHistory,
)
from hrapp.domain.decisions import DecisionInfo, decision_info
from hrapp.domain.person_input import ALLOWANCE_LABELS, IDENTITY_FIELDS, IdentityInput
from hrapp.domain.retirement import (
    DIRECTION_LABELS,
    BirthDate,
    RetirementAge,
    RetirementException,
    exception_reasons,
    retirement,
)
from hrapp.domain.rules import RuleBook
from hrapp.errors import DomainError
from hrapp.masking import mask_dto
from hrapp.queries.person_detail import _missing, _unit_of_person
from hrapp.security import READ, require


@dataclass(frozen=True)
class EmploymentRow:
    id: int
    category: str
    category_label: str
    unit_id: int
    unit_name: str
    position_id: int | None
    position_name: str
    start_date: date
    end_date: date | None
    end_reason: str | None
    end_reason_label: str
    recruitment_date: date | None
    recruitment_agency: str
    probation_start: date | None
    probation_end: date | None
    probation_pay_percent: int | None
    note: str
    decision: DecisionInfo | None
    end_decision: DecisionInfo | None


@dataclass(frozen=True)
class QualificationRow:
    id: int
    kind: str
    kind_label: str
    level_code: str
    level_label: str
    major: str
    language: str
    institution: str
    mode: str | None
    mode_label: str
    start_date: date | None
    end_date: date | None
    year: int | None
    certificate_no: str
    certificate_date: date | None
    expiry_date: date | None
    in_progress: bool
    note: str

    def expired_on(self, day: date) -> bool:
        return self.expiry_date is not None and self.expiry_date < day


@dataclass(frozen=True)
class RankRow:
    id: int
    rank_code: str
    rank_name: str
    salary_class: str
    effective_date: date
    end_date: date | None
    note: str
    decision: DecisionInfo | None


@dataclass(frozen=True)
class SalaryRow:
    id: int
    rank_code: str
    rank_name: str
    salary_class: str
    step: int
    coefficient: Decimal
    percent: int
    effective_date: date
    step_since: date
    pctnvk_percent: int | None
    pctnvk_since: date | None
    reason: str
    reason_label: str
    note: str
    decision: DecisionInfo | None


@dataclass(frozen=True)
class AllowanceRow:
    id: int
    kind: str
    kind_label: str
    coefficient: Decimal | None
    percent: Decimal | None
    effective_date: date
    end_date: date | None
    decision: DecisionInfo | None


@dataclass(frozen=True)
class PostRow:
    id: int
    post_code: str
    post_title: str
    unit_id: int
    unit_name: str
    kind: str
    kind_label: str
    start_date: date
    term_end: date | None
    end_date: date | None
    end_reason: str
    is_concurrent: bool
    allowance_coefficient: Decimal | None
    decision: DecisionInfo | None
    end_decision: DecisionInfo | None


@dataclass(frozen=True)
class WorkRow:
    id: int
    from_date: date
    to_date: date | None
    description: str


@dataclass(frozen=True)
class FamilyRow:
    id: int
    side: str
    relation: str
    full_name: str
    birth_year: int | None
    details: str


@dataclass(frozen=True)
class AwardRow:
    id: int
    award_date: date
    form: str
    level: str
    reason: str
    decision: DecisionInfo | None


@dataclass(frozen=True)
class DisciplineRow:
    id: int
    decision_date: date
    form: str
    form_label: str
    effect_from: date
    effect_to: date | None
    reason: str
    decision: DecisionInfo | None
    violation_date: date | None = None
    found_on: date | None = None


@dataclass(frozen=True)
class EvaluationRow:
    id: int
    year: int
    rating: str
    rating_label: str
    score: Decimal | None
    regime: str
    note: str
    decision: DecisionInfo | None


@dataclass(frozen=True)
class EvaluationPeriodRow:
    """A công chức's score for one month or quarter (NĐ 335/2025): general criteria /30 + results /70."""

    id: int
    year: int
    period_kind: str
    period_no: int
    general_score: Decimal
    results_score: Decimal
    rule_version: str
    note: str

    @property
    def total(self) -> Decimal:
        return self.general_score + self.results_score


@dataclass(frozen=True)
class LeaveRow:
    """A leave period by decision; unpaid leave delays the pay step (as the pay-step rule counts it)."""

    id: int
    kind: str
    kind_label: str
    start_date: date
    end_date: date
    days: int
    note: str
    decision: DecisionInfo | None


@dataclass(frozen=True)
class RetirementDecisionRow:
    """A decision to retire earlier or later (NĐ 135/2020, Điều 5–6), with the dates it gives."""

    id: int
    direction: str  # earlier / later
    direction_label: str
    reason: str
    reason_label: str
    basis: str  # the legal point of the case
    age_label: str
    retirement_date: date | None  # the first day of retirement by this decision (None: the rule refuses it)
    problem: str  # why the rule refuses it, when it does
    note: str
    decision: DecisionInfo | None


@dataclass(frozen=True)
class CommitmentRow:
    """A postgraduate study's service commitment and, once broken, the repayment owed."""

    id: int
    programme: str
    study_start: date
    study_end: date
    commitment_months: int
    service_until: date
    cost: Decimal
    status: str
    left_on: date | None
    repayment: Decimal | None
    rule_version: str
    decision: DecisionInfo | None


@dataclass(frozen=True)
class AttachmentRow:
    id: int
    kind: str
    filename: str
    mime: str
    size: int
    note: str
    created_at: datetime
    decision: DecisionInfo | None


@dataclass(frozen=True)
class PersonProfile:
    """One person's whole record as the editor and the Sơ yếu lý lịch need it."""

    id: int
    row_version: int
    status: str
    status_label: str
    identity: IdentityInput
    photo: bytes | None
    photo_mime: str | None
    unit_id: int | None
    unit_name: str
    category: str | None
    category_label: str
    rank_code: str | None
    rank_name: str
    salary_step: int | None
    coefficient: Decimal | None
    post: str
    education: str | None
    employments: tuple[EmploymentRow, ...]
    qualifications: tuple[QualificationRow, ...]
    ranks: tuple[RankRow, ...]
    salary_steps: tuple[SalaryRow, ...]
    allowances: tuple[AllowanceRow, ...]
    posts: tuple[PostRow, ...]
    work_history: tuple[WorkRow, ...]
    family: tuple[FamilyRow, ...]
    awards: tuple[AwardRow, ...]
    disciplines: tuple[DisciplineRow, ...]
    evaluations: tuple[EvaluationRow, ...]
    attachments: tuple[AttachmentRow, ...]
    evaluation_periods: tuple[EvaluationPeriodRow, ...] = ()
    leave_periods: tuple[LeaveRow, ...] = ()
    commitments: tuple[CommitmentRow, ...] = ()
    retirement_decisions: tuple[RetirementDecisionRow, ...] = ()  # the newest counts
    warnings: tuple[tuple[str, str], ...] = ()  # (field, message) a save went through with (unlikely, not wrong)

    @property
    def full_name(self) -> str:
        return self.identity.full_name

    @property
    def current_employment(self) -> EmploymentRow | None:
        """The open period (or the last one, for a person who left)."""
        open_rows = [e for e in self.employments if e.end_date is None]
        pool = open_rows or list(self.employments)
        return pool[-1] if pool else None

    def qualifications_of(self, kind: str, *, completed: bool = True) -> list[QualificationRow]:
        return [q for q in self.qualifications if q.kind == kind and (not completed or not q.in_progress)]


def load_profile(ctx: ServiceContext, person_id: int) -> PersonProfile:
    """The full record for the editor and the Sơ yếu lý lịch, for the signed-in user: read right within the
    person's unit (someone outside reads as missing); personal fields masked for roles that may not see them
    (NĐ 13/2023)."""
    require(ctx, READ)
    with ctx.read() as s:
        require(ctx, READ, _unit_of_person(s, person_id))
        profile = _profile_of(s, person_id, ctx.rulebook)
    return mask_dto(ctx, profile)


def _identity_of(p: Person) -> IdentityInput:
    """The editable identity of a stored person (what the editor starts from)."""
    values: dict[str, Any] = {name: getattr(p, name) for name in IDENTITY_FIELDS}
    return IdentityInput(**values)


def _rows(session: Session, model: Any, person_id: int, *order: Any) -> list[Any]:
    return list(session.scalars(select(model).where(model.person_id == person_id).order_by(*order, model.id)))


def _profile_of(session: Session, person_id: int, rulebook: RuleBook | None = None) -> PersonProfile:
    """The whole record read in this session, unmasked (the services read a record back after a change); with
    the rule book, the dates the decisions to retire earlier or later give."""
    p = session.get(Person, person_id)
    if p is None:
        raise _missing()
    employments = _rows(session, Employment, person_id, Employment.start_date)
    quals = _rows(session, Qualification, person_id, Qualification.kind, Qualification.start_date,
                  Qualification.year)
    ranks = _rows(session, RankAssignment, person_id, RankAssignment.effective_date)
    steps = _rows(session, SalaryStep, person_id, SalaryStep.effective_date)
    allowances = _rows(session, Allowance, person_id, Allowance.effective_date)
    posts = _rows(session, PostHeld, person_id, PostHeld.start_date)
    work = _rows(session, WorkHistory, person_id, WorkHistory.from_date)
    family = _rows(session, FamilyMember, person_id, FamilyMember.side.desc())
    awards = _rows(session, Award, person_id, Award.award_date)
    disciplines = _rows(session, Discipline, person_id, Discipline.decision_date)
    evaluations = _rows(session, Evaluation, person_id, Evaluation.year)
    periods = _rows(session, EvaluationPeriod, person_id, EvaluationPeriod.year, EvaluationPeriod.period_kind,
                    EvaluationPeriod.period_no)
    leaves = _rows(session, LeavePeriod, person_id, LeavePeriod.start_date)
    commitments = _rows(session, StudyCommitment, person_id, StudyCommitment.study_start)
    retiring = list(session.execute(
        select(RetirementAdjustment, Decision.sign_date).outerjoin(Decision, Decision.id == RetirementAdjustment.decision_id)
        .where(RetirementAdjustment.person_id == person_id).order_by(Decision.sign_date, RetirementAdjustment.id)
    ).scalars())
    attachments = list(session.execute(
        select(Attachment.id, Attachment.kind, Attachment.filename, Attachment.mime, Attachment.size,
               Attachment.note, Attachment.created_at, Attachment.decision_id)
        .where(Attachment.person_id == person_id).order_by(Attachment.created_at, Attachment.id)
    ))

    decision_ids = {r.decision_id for group in (employments, ranks, steps, allowances, posts, awards, disciplines,
                                                evaluations, leaves, commitments, retiring) for r in group if r.decision_id}
    decision_ids |= {r.end_decision_id for group in (employments, posts) for r in group if r.end_decision_id}
    decision_ids |= {a.decision_id for a in attachments if a.decision_id}
    decisions = {d.id: decision_info(d) for d in session.scalars(
        select(Decision).where(Decision.id.in_(decision_ids)))} if decision_ids else {}

    def dec(decision_id: int | None) -> DecisionInfo | None:
        return decisions.get(decision_id) if decision_id else None

    unit_names = dict(session.execute(select(OrgUnit.id, OrgUnit.name)).all())
    ranks_by_code = {r.code: r for r in session.scalars(select(Rank))}
    position_ids = {e.position_id for e in employments if e.position_id}
    positions = dict(session.execute(select(JobPosition.id, JobPosition.name)
                                     .where(JobPosition.id.in_(position_ids))).all()) if position_ids else {}
    photo = session.get(Attachment, p.photo_id) if p.photo_id else None

    def rank_name(code: str | None) -> str:
        return ranks_by_code[code].name if code in ranks_by_code else (code or "")

    return PersonProfile(
        id=p.id, row_version=p.row_version, status=p.status,
        status_label=catalogs.label("employment_status", p.status), identity=_identity_of(p),
        photo=bytes(photo.data) if photo else None, photo_mime=photo.mime if photo else None,
        unit_id=p.cur_unit_id, unit_name=unit_names.get(p.cur_unit_id, "") if p.cur_unit_id else "",
        category=p.cur_category, category_label=catalogs.label("category", p.cur_category),
        rank_code=p.cur_rank_code, rank_name=rank_name(p.cur_rank_code), salary_step=p.cur_salary_step,
        coefficient=p.cur_coefficient, post=p.cur_post or "", education=p.cur_education,
        employments=tuple(EmploymentRow(
            id=e.id, category=e.category, category_label=catalogs.label("category", e.category),
            unit_id=e.unit_id, unit_name=unit_names.get(e.unit_id, ""), position_id=e.position_id,
            position_name=positions.get(e.position_id, "") if e.position_id else "", start_date=e.start_date,
            end_date=e.end_date, end_reason=e.end_reason,
            end_reason_label=END_REASONS.get(e.end_reason, e.end_reason) if e.end_reason else "",
            recruitment_date=e.recruitment_date, recruitment_agency=e.recruitment_agency or "",
            probation_start=e.probation_start, probation_end=e.probation_end,
            probation_pay_percent=e.probation_pay_percent, note=e.note or "", decision=dec(e.decision_id),
            end_decision=dec(e.end_decision_id),
        ) for e in employments),
        qualifications=tuple(QualificationRow(
            id=q.id, kind=q.kind, kind_label=catalogs.label("qualification_kind", q.kind), level_code=q.level_code,
            level_label=catalogs.label("qualification_level", q.level_code), major=q.major or "",
            language=q.language or "", institution=q.institution or "", mode=q.mode,
            mode_label=STUDY_MODES.get(q.mode, q.mode) if q.mode else "", start_date=q.start_date,
            end_date=q.end_date, year=q.year, certificate_no=q.certificate_no or "",
            certificate_date=q.certificate_date, expiry_date=q.expiry_date, in_progress=q.in_progress,
            note=q.note or "",
        ) for q in quals),
        ranks=tuple(RankRow(
            id=r.id, rank_code=r.rank_code, rank_name=rank_name(r.rank_code),
            salary_class=ranks_by_code[r.rank_code].salary_class if r.rank_code in ranks_by_code else "",
            effective_date=r.effective_date, end_date=r.end_date, note=r.note or "", decision=dec(r.decision_id),
        ) for r in ranks),
        salary_steps=tuple(SalaryRow(
            id=s.id, rank_code=s.rank_code, rank_name=rank_name(s.rank_code), salary_class=s.salary_class,
            step=s.step, coefficient=s.coefficient, percent=s.percent, effective_date=s.effective_date,
            step_since=s.step_since, pctnvk_percent=s.pctnvk_percent, pctnvk_since=s.pctnvk_since,
            reason=s.reason, reason_label=SALARY_REASONS.get(s.reason, s.reason), note=s.note or "",
            decision=dec(s.decision_id),
        ) for s in steps),
        allowances=tuple(AllowanceRow(
            id=a.id, kind=a.kind, kind_label=ALLOWANCE_LABELS.get(a.kind, a.kind), coefficient=a.coefficient,
            percent=a.percent, effective_date=a.effective_date, end_date=a.end_date, decision=dec(a.decision_id),
        ) for a in allowances),
        posts=tuple(PostRow(
            id=h.id, post_code=h.post_code, post_title=h.post_title, unit_id=h.unit_id,
            unit_name=unit_names.get(h.unit_id, ""), kind=h.kind,
            kind_label=catalogs.label("appointment_kind", h.kind), start_date=h.start_date, term_end=h.term_end,
            end_date=h.end_date, end_reason=h.end_reason or "", is_concurrent=h.is_concurrent,
            allowance_coefficient=h.allowance_coefficient, decision=dec(h.decision_id),
            end_decision=dec(h.end_decision_id),
        ) for h in posts),
        work_history=tuple(WorkRow(id=w.id, from_date=w.from_date, to_date=w.to_date, description=w.description)
                           for w in work),
        family=tuple(FamilyRow(id=f.id, side=f.side, relation=f.relation, full_name=f.full_name,
                               birth_year=f.birth_year, details=f.details or "") for f in family),
        awards=tuple(AwardRow(id=a.id, award_date=a.award_date, form=a.form, level=a.level or "",
                              reason=a.reason or "", decision=dec(a.decision_id)) for a in awards),
        disciplines=tuple(DisciplineRow(
            id=d.id, decision_date=d.decision_date, form=d.form,
            form_label=catalogs.label("discipline_form", d.form), effect_from=d.effect_from, effect_to=d.effect_to,
            reason=d.reason or "", decision=dec(d.decision_id), violation_date=d.violation_date, found_on=d.found_on,
        ) for d in disciplines),
        evaluations=tuple(EvaluationRow(
            id=e.id, year=e.year, rating=e.rating, rating_label=catalogs.label("rating", e.rating), score=e.score,
            regime=e.regime, note=e.note or "", decision=dec(e.decision_id),
        ) for e in evaluations),
        attachments=tuple(AttachmentRow(
            id=a.id, kind=a.kind, filename=a.filename, mime=a.mime, size=a.size, note=a.note or "",
            created_at=a.created_at, decision=dec(a.decision_id),
        ) for a in attachments),
        evaluation_periods=tuple(EvaluationPeriodRow(
            id=e.id, year=e.year, period_kind=e.period_kind, period_no=e.period_no,
            general_score=Decimal(e.general_score), results_score=Decimal(e.results_score),
            rule_version=e.rule_version, note=e.note or "",
        ) for e in periods),
        leave_periods=tuple(LeaveRow(
            id=q.id, kind=q.kind, kind_label=ABSENCE_KINDS.get(q.kind, q.kind), start_date=q.start_date,
            end_date=q.end_date, days=(q.end_date - q.start_date).days + 1, note=q.note or "",
            decision=dec(q.decision_id),
        ) for q in leaves),
        commitments=tuple(CommitmentRow(
            id=c.id, programme=c.programme, study_start=c.study_start, study_end=c.study_end,
            commitment_months=c.commitment_months, service_until=c.service_until, cost=c.cost, status=c.status,
            left_on=c.left_on, repayment=c.repayment, rule_version=c.rule_version, decision=dec(c.decision_id),
        ) for c in commitments),
        retirement_decisions=tuple(_retirement_row(p, r, dec(r.decision_id), rulebook) for r in retiring),
    )


def _retirement_row(p: Person, r: RetirementAdjustment, decision: DecisionInfo | None,
                    rulebook: RuleBook | None) -> RetirementDecisionRow:
    age = RetirementAge.from_months(r.age_months)
    exception = RetirementException(r.direction, r.reason, age)
    label, basis, retires, problem = r.reason, "", None, ""
    if rulebook is not None:
        try:
            birth = BirthDate(p.birth_date, p.birth_precision or "day")  # type: ignore[arg-type]  # a stored precision
            result = retirement(p.gender, birth, rulebook, exception)  # type: ignore[arg-type]  # a stored gender
            found = [c for c in exception_reasons(result.rule, r.direction) if c.code == r.reason]
            label, basis, retires = (found[0].label if found else r.reason), result.exception_basis(), \
                result.retirement_date
        except DomainError as exc:
            problem = exc.message
    return RetirementDecisionRow(
        id=r.id, direction=r.direction, direction_label=DIRECTION_LABELS.get(r.direction, r.direction),
        reason=r.reason, reason_label=label, basis=basis, age_label=age.label(), retirement_date=retires,
        problem=problem, note=r.note or "", decision=decision)
