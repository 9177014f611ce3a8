"""Session-level reads for rank promotion: the facts the eligibility rule needs for many people on one day, and
the salary row in force, used by the list query and by the promotion service inside its own unit of work."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from hrapp.db.models import (
    Discipline,
    Employment,
    Evaluation,
    OrgUnit,
    Person,
    Qualification,
    RankAssignment,
    SalaryStep,
)
from hrapp.domain.promotion import DisciplineSpan, PromotionFacts, RankPeriod

_CHUNK = 900


@dataclass(frozen=True)
class PersonLine:
    """Who the person is on the day: name, unit, category, the salary row in force."""

    person_id: int
    full_name: str
    birth_date: date
    gender: str
    unit_id: int
    unit_name: str
    category: str
    salary: SalaryStep | None


def _chunks(ids: list[int]) -> Iterable[list[int]]:
    for i in range(0, len(ids), _CHUNK):
        yield ids[i:i + _CHUNK]


def staff_on(session: Session, on: date, person_ids: Iterable[int] | None = None) -> dict[int, PersonLine]:
    """The people on staff on `on` (their latest employment in force that day), with the salary row in force."""
    query = (select(Person.id, Person.full_name, Person.birth_date, Person.gender, Employment.unit_id, OrgUnit.name,
                    Employment.category, Employment.start_date, Employment.id)
             .join(Employment, Employment.person_id == Person.id).join(OrgUnit, OrgUnit.id == Employment.unit_id)
             .where(Employment.start_date <= on, or_(Employment.end_date.is_(None), Employment.end_date >= on)))
    wanted = sorted(set(person_ids)) if person_ids is not None else None
    rows = []
    if wanted is None:
        rows = list(session.execute(query).all())
    else:
        for chunk in _chunks(wanted):
            rows += session.execute(query.where(Person.id.in_(chunk))).all()
    latest: dict[int, tuple] = {}
    for r in rows:
        if r[0] not in latest or (r[7], r[8]) > (latest[r[0]][7], latest[r[0]][8]):
            latest[r[0]] = r
    salaries = salary_in_force(session, list(latest), on)
    return {pid: PersonLine(pid, r[1], r[2], r[3], r[4], r[5], r[6], salaries.get(pid)) for pid, r in latest.items()}


def salary_in_force(session: Session, ids: list[int], on: date) -> dict[int, SalaryStep]:
    """The latest salary row of each person that took effect on or before `on`."""
    out: dict[int, SalaryStep] = {}
    for chunk in _chunks(sorted(ids)):
        for row in session.scalars(select(SalaryStep).where(SalaryStep.person_id.in_(chunk),
                                                            SalaryStep.effective_date <= on)
                                   .order_by(SalaryStep.effective_date, SalaryStep.id)):
            out[row.person_id] = row
    return out


def _highest(levels: dict[str, int], codes: Iterable[str]) -> str | None:
    best = max(codes, key=lambda c: levels.get(c, 0), default=None)
    return best if best is not None and levels.get(best, 0) > 0 else None


def promotion_facts(session: Session, lines: dict[int, PersonLine], on: date) -> dict[int, PromotionFacts]:
    """The facts of each person of `lines` as recorded on `on`: ranks held, probation, ratings, disciplines and the
    highest chuyên môn and QLNN levels completed by then."""
    from hrapp import catalogs

    levels = {it["code"]: int((it.get("extra") or {}).get("rank", 0)) for it in catalogs.items("qualification_level")}
    ids = sorted(lines)
    ranks: dict[int, list[RankPeriod]] = defaultdict(list)
    probations: dict[int, list[tuple[date, date]]] = defaultdict(list)
    ratings: dict[int, dict[int, str]] = defaultdict(dict)
    disciplines: dict[int, list[DisciplineSpan]] = defaultdict(list)
    education: dict[int, list[str]] = defaultdict(list)
    qlnn: dict[int, list[str]] = defaultdict(list)
    for chunk in _chunks(ids):
        for r in session.scalars(select(RankAssignment).where(RankAssignment.person_id.in_(chunk),
                                                              RankAssignment.effective_date <= on)):
            ranks[r.person_id].append(RankPeriod(r.rank_code, r.effective_date, r.end_date))
        for pid, start, end in session.execute(select(Employment.person_id, Employment.probation_start,
                                                      Employment.probation_end)
                                               .where(Employment.person_id.in_(chunk),
                                                      Employment.probation_start.is_not(None),
                                                      Employment.probation_end.is_not(None))):
            if start is not None and end is not None:  # the query asks for both; the columns are optional
                probations[pid].append((start, end))
        for pid, year, rating in session.execute(select(Evaluation.person_id, Evaluation.year, Evaluation.rating)
                                                 .where(Evaluation.person_id.in_(chunk), Evaluation.year < on.year)):
            ratings[pid][year] = rating
        for d in session.scalars(select(Discipline).where(Discipline.person_id.in_(chunk),
                                                          Discipline.effect_from <= on)):
            disciplines[d.person_id].append(DisciplineSpan(d.form, d.effect_from, d.effect_to))
        for q in session.scalars(select(Qualification).where(Qualification.person_id.in_(chunk),
                                                             Qualification.kind.in_(("chuyen_mon", "qlnn")),
                                                             Qualification.in_progress.is_(False))):
            done = q.end_date or q.certificate_date or (date(q.year, 12, 31) if q.year else None)
            if done is not None and done > on:
                continue
            (education if q.kind == "chuyen_mon" else qlnn)[q.person_id].append(q.level_code)
    return {pid: PromotionFacts(lines[pid].category, tuple(sorted(ranks[pid], key=lambda p: p.start)),
                                tuple(probations[pid]), dict(ratings[pid]), tuple(disciplines[pid]),
                                _highest(levels, education[pid]), _highest(levels, qlnn[pid]))
            for pid in ids}


def reserved_of(salary: SalaryStep | None) -> Decimal | None:
    return salary.reserved_coefficient if salary is not None else None
