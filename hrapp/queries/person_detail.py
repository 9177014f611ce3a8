"""Read side of one person's record: identity, employment, rank and salary, posts and qualifications, as the
read-only record view shows them (`load_person_detail(ctx, person_id)`)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import TypeVar

from sqlalchemy import select
from sqlalchemy.orm import InstrumentedAttribute, Session

from hrapp import catalogs
from hrapp.catalogs import END_REASONS, SALARY_REASONS, STUDY_MODES
from hrapp.context import ServiceContext
from hrapp.db.models import (
    Decision,
    Employment,
    OrgUnit,
    Person,
    PostHeld,
    Qualification,
    Rank,
    RankAssignment,
    SalaryStep,
)
from hrapp.domain import places
from hrapp.errors import NotFoundError
from hrapp.masking import mask_dto
from hrapp.security import READ, require

_Row = TypeVar("_Row", Employment, RankAssignment, SalaryStep, PostHeld)

@dataclass(frozen=True)
class EmploymentItem:
    category: str
    unit_name: str
    start_date: date
    end_date: date | None
    end_reason: str
    recruitment_date: date | None
    recruitment_agency: str
    probation_end: date | None
    decision: str


@dataclass(frozen=True)
class RankItem:
    rank_code: str
    rank_name: str
    effective_date: date
    end_date: date | None
    decision: str


@dataclass(frozen=True)
class SalaryItem:
    rank_name: str
    salary_class: str
    step: int
    coefficient: Decimal
    percent: int
    effective_date: date
    step_since: date
    pctnvk_percent: int | None
    reason: str
    decision: str


@dataclass(frozen=True)
class PostItem:
    title: str
    unit_name: str
    kind: str
    start_date: date
    term_end: date | None
    end_date: date | None
    is_concurrent: bool
    decision: str


@dataclass(frozen=True)
class QualificationItem:
    kind: str
    level: str
    major: str
    institution: str
    mode: str
    year: int | None
    in_progress: bool


@dataclass(frozen=True)
class PersonDetail:
    id: int
    full_name: str
    other_names: str
    gender: str  # 'M' / 'F'
    birth_date: date
    birth_precision: str  # day, month, year
    birth_place: str
    home_town: str
    ethnicity: str
    religion: str
    id_number: str
    id_issue_date: date | None
    id_issue_place: str
    permanent_address: str
    current_address: str
    # the official unit (after 01/07/2025) each place is coded to, as printed; '' when it has no code
    birth_place_unit: str
    home_town_unit: str
    permanent_address_unit: str
    current_address_unit: str
    phone: str
    email: str
    staff_code: str
    social_insurance_no: str
    personal_id: str
    health_insurance_no: str
    managing_agency: str
    general_education: str
    party_join_date: date | None
    party_official_date: date | None
    status: str
    status_label: str
    unit_name: str
    category: str
    rank_name: str
    salary_step: int | None
    coefficient: Decimal | None
    post: str
    education: str
    employments: tuple[EmploymentItem, ...]
    ranks: tuple[RankItem, ...]
    salary_steps: tuple[SalaryItem, ...]
    posts: tuple[PostItem, ...]
    qualifications: tuple[QualificationItem, ...]


def _unit_label(code: str | None) -> str:
    """The printed name of a place's official unit, or '' when it has none."""
    found = places.place(code)
    return found.label if found else ""


def _missing() -> NotFoundError:
    """The error for a person not found, or outside the reader's units (the same words for both)."""
    return NotFoundError("person_not_found", "Không tìm thấy hồ sơ này (có thể đã bị xóa).", field="person")


def _unit_of_person(session: Session, person_id: int) -> int | None:
    """The unit of the person's current post, read through the session's unit scope: someone outside it, like
    someone who does not exist, raises the not-found error."""
    found = session.execute(select(Person.id, Person.cur_unit_id).where(Person.id == person_id)).first()
    if found is None:
        raise _missing()
    return found.cur_unit_id


def _decision_labels(session: Session, ids: set[int]) -> dict[int, str]:
    if not ids:
        return {}
    rows = session.execute(select(Decision.id, Decision.number, Decision.sign_date).where(Decision.id.in_(ids)))
    return {i: f"{number}, {signed:%d/%m/%Y}" for i, number, signed in rows}


def _newest_first(session: Session, model: type[_Row], person_id: int, day: InstrumentedAttribute[date]
                  ) -> Sequence[_Row]:
    """The person's rows of one history, the latest `day` first (the later row first on the same day)."""
    return session.scalars(select(model).where(model.person_id == person_id)
                           .order_by(day.desc(), model.id.desc())).all()


def _person_detail(session: Session, person_id: int) -> PersonDetail:
    """Everything the read-only record view shows; histories newest first."""
    p = session.get(Person, person_id)
    if p is None:
        raise _missing()
    units = {uid: name for uid, name in session.execute(select(OrgUnit.id, OrgUnit.name))}
    rank_names = {code: name for code, name in session.execute(select(Rank.code, Rank.name))}

    employments = _newest_first(session, Employment, person_id, Employment.start_date)
    ranks = _newest_first(session, RankAssignment, person_id, RankAssignment.effective_date)
    steps = _newest_first(session, SalaryStep, person_id, SalaryStep.effective_date)
    posts = _newest_first(session, PostHeld, person_id, PostHeld.start_date)
    quals = session.scalars(
        select(Qualification).where(Qualification.person_id == person_id)
        .order_by(Qualification.kind, Qualification.year.desc(), Qualification.id)
    ).all()
    decisions = _decision_labels(
        session, {r.decision_id for group in (employments, ranks, steps, posts) for r in group if r.decision_id}
    )

    def dec(decision_id: int | None) -> str:
        return decisions.get(decision_id, "") if decision_id else ""

    return PersonDetail(
        id=p.id, full_name=p.full_name, other_names=p.other_names or "", gender=p.gender,
        birth_date=p.birth_date, birth_precision=p.birth_precision or "day",
        birth_place=p.birth_place or "", home_town=p.home_town or "",
        ethnicity=catalogs.label("ethnicity", p.ethnicity), religion=catalogs.label("religion", p.religion),
        id_number=p.id_number or "", id_issue_date=p.id_issue_date, id_issue_place=p.id_issue_place or "",
        permanent_address=p.permanent_address or "", current_address=p.current_address or "",
        birth_place_unit=_unit_label(p.birth_place_code), home_town_unit=_unit_label(p.home_town_code),
        permanent_address_unit=_unit_label(p.permanent_address_code),
        current_address_unit=_unit_label(p.current_address_code),
        phone=p.phone or "", email=p.email or "", staff_code=p.staff_code or "",
        social_insurance_no=p.social_insurance_no or "", personal_id=p.personal_id or "",
        health_insurance_no=p.health_insurance_no or "", managing_agency=p.managing_agency or "",
        general_education=p.general_education or "",
        party_join_date=p.party_join_date, party_official_date=p.party_official_date,
        status=p.status, status_label=catalogs.label("employment_status", p.status),
        unit_name=units.get(p.cur_unit_id, "") if p.cur_unit_id else "",
        category=catalogs.label("category", p.cur_category),
        rank_name=rank_names.get(p.cur_rank_code, p.cur_rank_code or "") if p.cur_rank_code else "",
        salary_step=p.cur_salary_step, coefficient=p.cur_coefficient, post=p.cur_post or "",
        education=catalogs.label("qualification_level", p.cur_education),
        employments=tuple(
            EmploymentItem(
                category=catalogs.label("category", e.category), unit_name=units.get(e.unit_id, ""),
                start_date=e.start_date, end_date=e.end_date,
                end_reason=END_REASONS.get(e.end_reason, e.end_reason) if e.end_reason else "",
                recruitment_date=e.recruitment_date, recruitment_agency=e.recruitment_agency or "",
                probation_end=e.probation_end, decision=dec(e.decision_id),
            )
            for e in employments
        ),
        ranks=tuple(
            RankItem(rank_code=r.rank_code, rank_name=rank_names.get(r.rank_code, r.rank_code),
                     effective_date=r.effective_date, end_date=r.end_date, decision=dec(r.decision_id))
            for r in ranks
        ),
        salary_steps=tuple(
            SalaryItem(
                rank_name=rank_names.get(s.rank_code, s.rank_code), salary_class=s.salary_class, step=s.step,
                coefficient=s.coefficient, percent=s.percent, effective_date=s.effective_date,
                step_since=s.step_since, pctnvk_percent=s.pctnvk_percent,
                reason=SALARY_REASONS.get(s.reason, s.reason), decision=dec(s.decision_id),
            )
            for s in steps
        ),
        posts=tuple(
            PostItem(
                title=h.post_title, unit_name=units.get(h.unit_id, ""),
                kind=catalogs.label("appointment_kind", h.kind), start_date=h.start_date, term_end=h.term_end,
                end_date=h.end_date, is_concurrent=h.is_concurrent, decision=dec(h.decision_id),
            )
            for h in posts
        ),
        qualifications=tuple(
            QualificationItem(
                kind=catalogs.label("qualification_kind", q.kind),
                level=catalogs.label("qualification_level", q.level_code),
                major=q.major or (q.language or ""), institution=q.institution or "",
                mode=STUDY_MODES.get(q.mode, q.mode) if q.mode else "", year=q.year, in_progress=q.in_progress,
            )
            for q in quals
        ),
    )


def load_person_detail(ctx: ServiceContext, person_id: int) -> PersonDetail:
    """The record view for the signed-in user: read right within its units; CCCD, phone, addresses, e-mail and
    insurance number masked for roles without the right to personal data (NĐ 13/2023). Someone outside the
    reader's units reads as missing."""
    require(ctx, READ)
    with ctx.read() as s:
        require(ctx, READ, _unit_of_person(s, person_id))
        detail = _person_detail(s, person_id)
    return mask_dto(ctx, detail)
