"""Who holds which position (main or kiêm nhiệm), assigning and ending a position by decision, and what a
person lacks for one (with the waiver note kept on the record)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from hrapp import catalogs, clock, messages
from hrapp.context import ServiceContext
from hrapp.db.models import (
    Decision,
    Employment,
    JobPosition,
    Note,
    OrgUnit,
    Person,
    PositionAssignment,
    Qualification,
    Rank,
    RankAssignment,
    SalaryStep,
)
from hrapp.domain.decisions import effective_date
from hrapp.domain.history import day_before
from hrapp.domain.rules import RuleBook
from hrapp.errors import DomainError, NotFoundError, ValidationError
from hrapp.security import READ, WRITE, require
from hrapp.services.decisions import DecisionRef, add_decision
from hrapp.services.org import get_unit
from hrapp.services.position_records import (
    LIVE,
    REQUIREMENT_LABELS,
    clean_text,
    current_version,
    lineage_ids,
    position_row,
    require_open_unit,
)
from hrapp.services.snapshot import refresh_snapshot
from hrapp.text import fold

WAIVER_TOPIC = "vtvl_chua_dat_yeu_cau"



# ----------------------------------------------------------------------------------------------------
# DTOs


@dataclass(frozen=True)
class AssignPosition:
    """Bố trí a person to a position from the decision's effective date. `waiver_note` is required when the
    person lacks a requirement; it is kept as a note on the person's record."""

    person_id: int
    position_id: int
    decision: DecisionRef
    waiver_note: str | None = None


@dataclass(frozen=True)
class EndAssignment:
    """Thôi kiêm nhiệm: the assignment's last day is the day before the decision takes effect."""

    assignment_id: int
    decision: DecisionRef


@dataclass(frozen=True)
class RequirementGap:
    requirement: str  # key of REQUIREMENT_LABELS
    required: str
    held: str

    @property
    def label(self) -> str:
        return REQUIREMENT_LABELS.get(self.requirement, self.requirement)

    def text(self) -> str:
        return f"{self.label}: yêu cầu {self.required}, hiện có {self.held}"


@dataclass(frozen=True)
class AssignmentResult:
    person_id: int
    position_id: int
    position_name: str
    unit_name: str
    start_date: date
    concurrent: bool
    assignment_id: int | None
    gaps: tuple[RequirementGap, ...]


@dataclass(frozen=True)
class HeldPosition:
    position_id: int
    code: str
    name: str
    unit_id: int
    unit_name: str
    since: date
    until: date | None
    concurrent: bool
    assignment_id: int | None


@dataclass(frozen=True)
class PersonPositions:
    main: HeldPosition | None
    concurrent: tuple[HeldPosition, ...]


# ----------------------------------------------------------------------------------------------------
# Requirements of a person


def _best(quals: list[Qualification], kind: str) -> Qualification | None:
    ranked = [q for q in quals if q.kind == kind]
    return max(ranked, key=lambda q: _level_rank(q.level_code), default=None)


def _level_rank(code: str | None) -> int:
    if not code:
        return 0
    return int(catalogs.extra("qualification_level", code).get("rank", 0))


def _level_name(code: str | None) -> str:
    return catalogs.label("qualification_level", code, "chưa có")


def _rank_on(s: Session, person_id: int, on: date) -> str | None:
    ra = s.scalars(select(RankAssignment).where(
        RankAssignment.person_id == person_id, RankAssignment.effective_date <= on,
        or_(RankAssignment.end_date.is_(None), RankAssignment.end_date >= on),
    ).order_by(RankAssignment.effective_date.desc(), RankAssignment.id.desc())).first()
    if ra is not None:
        return ra.rank_code
    return s.scalar(select(SalaryStep.rank_code).where(SalaryStep.person_id == person_id,
                                                       SalaryStep.effective_date <= on)
                    .order_by(SalaryStep.effective_date.desc(), SalaryStep.id.desc()).limit(1))


def _class_order(rules: RuleBook, on: date) -> list[str]:
    """Salary classes from the highest (A3.1) down, in the order the salary-scale rule lists them."""
    return list(rules.get("salary_scale", on).params["classes"])


def _years_between(start: date, end: date) -> int:
    years = end.year - start.year
    if (end.month, end.day) < (start.month, start.day):
        years -= 1
    return max(years, 0)


def gaps_for(s: Session, rules: RuleBook, person_id: int, pos: JobPosition, on: date) -> list[RequirementGap]:
    """What the person lacks on `on` for the position's requirements (empty when every one is met)."""
    gaps: list[RequirementGap] = []
    quals = [q for q in s.scalars(select(Qualification).where(Qualification.person_id == person_id))
             if not q.in_progress and (q.year is None or q.year <= on.year)
             and (q.certificate_date is None or q.certificate_date <= on)]
    if pos.min_rank_code:
        need = s.get(Rank, pos.min_rank_code)
        have_code = _rank_on(s, person_id, on)
        have = s.get(Rank, have_code) if have_code else None
        order = _class_order(rules, on)
        ok = (have is not None and need is not None and have.salary_class in order and need.salary_class in order
              and order.index(have.salary_class) <= order.index(need.salary_class))
        if not ok:
            gaps.append(RequirementGap("min_rank", f"{need.name} ({need.salary_class})" if need else pos.min_rank_code,
                                       f"{have.name} ({have.salary_class})" if have else "chưa có"))
    if pos.req_education_level:
        best = _best(quals, "chuyen_mon")
        if _level_rank(best.level_code if best else None) < _level_rank(pos.req_education_level):
            gaps.append(RequirementGap("education_level", _level_name(pos.req_education_level),
                                       _level_name(best.level_code if best else None)))
    if pos.req_major:
        need_major = fold(pos.req_major)
        level = _level_rank(pos.req_education_level)
        majors = [q.major for q in quals if q.kind == "chuyen_mon" and q.major and _level_rank(q.level_code) >= level]
        if not any(need_major in fold(m) or fold(m) in need_major for m in majors):
            gaps.append(RequirementGap("major", pos.req_major, "; ".join(majors) or "chưa có"))
    for key, kind, required in (("political_theory", "llct", pos.req_political_theory),
                                ("state_management", "qlnn", pos.req_state_management),
                                ("it", "tin_hoc", pos.req_it), ("language", "ngoai_ngu", pos.req_language)):
        if not required:
            continue
        best = _best(quals, kind)
        if _level_rank(best.level_code if best else None) < _level_rank(required):
            gaps.append(RequirementGap(key, _level_name(required), _level_name(best.level_code if best else None)))
    if pos.req_experience_years:
        first = s.scalar(select(func.min(Employment.start_date)).where(Employment.person_id == person_id))
        recruited = s.scalar(select(func.min(Employment.recruitment_date)).where(Employment.person_id == person_id))
        start = min(d for d in (first, recruited) if d is not None) if (first or recruited) else None
        years = _years_between(start, on) if start and start <= on else 0
        if years < pos.req_experience_years:
            gaps.append(RequirementGap("experience_years", f"{pos.req_experience_years} năm", f"{years} năm"))
    return gaps


def requirement_gaps(ctx: ServiceContext, person_id: int, position_id: int, on: date) -> list[RequirementGap]:
    require(ctx, READ)
    with ctx.read() as s:
        if s.get(Person, person_id) is None:
            raise NotFoundError("person_not_found", "Không tìm thấy người này.", field="person_id")
        return gaps_for(s, ctx.rulebook, person_id, position_row(s, position_id), on)


# ----------------------------------------------------------------------------------------------------
# Who holds which position


def _employment_on(s: Session, person_id: int, on: date) -> Employment | None:
    return s.scalars(select(Employment).where(
        Employment.person_id == person_id, Employment.start_date <= on,
        or_(Employment.end_date.is_(None), Employment.end_date >= on),
    ).order_by(Employment.start_date.desc(), Employment.id.desc())).first()


def _assignable(s: Session, position_id: int, on: date) -> JobPosition:
    pos = current_version(s, position_row(s, position_id))
    if pos.status not in LIVE or (pos.effective_to is not None and pos.effective_to < on):
        raise DomainError("position_retired", f"Vị trí {pos.name} không còn hiệu lực vào ngày {on:%d/%m/%Y}.",
                          field="position_id")
    require_open_unit(get_unit(s, pos.unit_id))
    return pos


def _check_waiver(gaps: list[RequirementGap], note: str | None) -> None:
    if gaps and not (note or "").strip():
        raise DomainError(
            "requirements_not_met",
            "Chưa đáp ứng yêu cầu của vị trí: " + "; ".join(g.text() for g in gaps)
            + ". Nhập ghi chú (lý do) để vẫn bố trí.",
            field="waiver_note", gaps=tuple(gaps),
        )


def _record_waiver(s: Session, person_id: int, pos: JobPosition, on: date, gaps: list[RequirementGap],
                   note: str | None, concurrent: bool) -> None:
    if not gaps:
        return
    how = "kiêm nhiệm" if concurrent else "bố trí"
    s.add(Note(person_id=person_id, topic=WAIVER_TOPIC, text=(
        f"{how.capitalize()} vị trí {pos.name} ({pos.code}) từ ngày {on:%d/%m/%Y} khi chưa đáp ứng: "
        + "; ".join(g.text() for g in gaps) + f". Ghi chú: {note.strip() if note else ''}")))


def _require_assign(ctx: ServiceContext, s: Session, person: Person, position_id: int) -> None:
    """The right to write for the person's unit and for the position's unit, checked before anything is written."""
    require(ctx, WRITE, person.cur_unit_id)
    require(ctx, WRITE, s.scalar(select(JobPosition.unit_id).where(JobPosition.id == position_id)))


def _start_assignment(ctx: ServiceContext, s: Session, dto: AssignPosition
                      ) -> tuple[Person, Decision, date, JobPosition, Employment]:
    """The person (checked in scope), the decision recorded, its effective day, the position assignable on it
    and the person's employment that day."""
    person = s.get(Person, dto.person_id)
    if person is None:
        raise NotFoundError("person_not_found", "Không tìm thấy người này.", field="person_id")
    _require_assign(ctx, s, person, dto.position_id)
    dec = add_decision(s, dto.decision)
    on = effective_date(dec)
    pos = _assignable(s, dto.position_id, on)
    emp = _employment_on(s, person.id, on)
    if emp is None:
        raise DomainError("no_employment", f"{person.full_name} không có quá trình công tác vào ngày {on:%d/%m/%Y}.",
                          field="person_id")
    return person, dec, on, pos, emp


def assign_main_position(ctx: ServiceContext, dto: AssignPosition) -> AssignmentResult:
    """Make the position the person's main one from the decision's effective day E.

    The running employment row ends on E−1 and a new one starts on E in the position's unit (the same
    category); a row that starts on E is changed in place. A missing requirement needs `waiver_note`.
    """
    with ctx.unit_of_work() as s:
        person, dec, on, pos, emp = _start_assignment(ctx, s, dto)
        if emp.position_id in lineage_ids(s, pos):
            raise DomainError("already_held", f"{person.full_name} đang giữ vị trí {pos.name}.", field="position_id")
        gaps = gaps_for(s, ctx.rulebook, person.id, pos, on)
        _check_waiver(gaps, dto.waiver_note)
        if emp.start_date == on:
            emp.unit_id = pos.unit_id
            emp.position_id = pos.id
            emp.decision_id = dec.id
        else:
            s.add(Employment(
                person_id=person.id, category=emp.category, unit_id=pos.unit_id, position_id=pos.id,
                start_date=on, end_date=emp.end_date, end_reason=emp.end_reason,
                recruitment_date=emp.recruitment_date, recruitment_agency=emp.recruitment_agency,
                probation_start=emp.probation_start, probation_end=emp.probation_end,
                probation_pay_percent=emp.probation_pay_percent, decision_id=dec.id,
            ))
            emp.end_date = day_before(on)
            emp.end_reason = "moved"
        # Holding it as the main position ends holding it concurrently.
        for a in s.scalars(select(PositionAssignment).where(
                PositionAssignment.person_id == person.id, PositionAssignment.position_id.in_(lineage_ids(s, pos)),
                or_(PositionAssignment.end_date.is_(None), PositionAssignment.end_date >= on))):
            if a.start_date >= on:
                s.delete(a)
            else:
                a.end_date = day_before(on)
        _record_waiver(s, person.id, pos, on, gaps, dto.waiver_note, concurrent=False)
        s.flush()
        refresh_snapshot(s, person)
        unit = s.get_one(OrgUnit, pos.unit_id)
        return AssignmentResult(person.id, pos.id, pos.name, unit.name, on, False, None, tuple(gaps))


def assign_concurrent_position(ctx: ServiceContext, dto: AssignPosition) -> AssignmentResult:
    """Kiêm nhiệm: hold the position besides the main one, from the decision's effective day."""
    with ctx.unit_of_work() as s:
        person, dec, on, pos, emp = _start_assignment(ctx, s, dto)
        ids = lineage_ids(s, pos)
        if emp.position_id in ids:
            raise DomainError("already_held", f"{pos.name} đang là vị trí chính của {person.full_name}.",
                              field="position_id")
        running = s.scalar(select(PositionAssignment.id).where(
            PositionAssignment.person_id == person.id, PositionAssignment.position_id.in_(ids),
            or_(PositionAssignment.end_date.is_(None), PositionAssignment.end_date >= on)))
        if running is not None:
            raise DomainError("already_held", f"{person.full_name} đang kiêm nhiệm vị trí {pos.name}.",
                              field="position_id")
        gaps = gaps_for(s, ctx.rulebook, person.id, pos, on)
        _check_waiver(gaps, dto.waiver_note)
        a = PositionAssignment(person_id=person.id, position_id=pos.id, start_date=on, decision_id=dec.id,
                               note=clean_text(dto.waiver_note) if gaps else None)
        s.add(a)
        _record_waiver(s, person.id, pos, on, gaps, dto.waiver_note, concurrent=True)
        s.flush()
        unit = s.get_one(OrgUnit, pos.unit_id)
        return AssignmentResult(person.id, pos.id, pos.name, unit.name, on, True, a.id, tuple(gaps))


def end_concurrent_position(ctx: ServiceContext, dto: EndAssignment) -> None:
    require(ctx, WRITE)
    with ctx.unit_of_work() as s:
        a = s.get(PositionAssignment, dto.assignment_id)
        if a is None:
            raise NotFoundError("assignment_not_found", "Không tìm thấy quá trình kiêm nhiệm.", field="assignment_id")
        require(ctx, WRITE, s.get_one(JobPosition, a.position_id).unit_id)
        dec = add_decision(s, dto.decision)
        on = effective_date(dec)
        if on <= a.start_date:
            raise ValidationError([("decision.effective_date",
                                    messages.text("assignment_end_order", day=a.start_date))])
        if a.end_date is not None and a.end_date < on:
            raise DomainError("already_ended", f"Kiêm nhiệm đã kết thúc ngày {a.end_date:%d/%m/%Y}.",
                              field="assignment_id")
        a.end_date = day_before(on)


def _held(s: Session, pos_id: int, since: date, until: date | None, concurrent: bool, assignment_id: int | None,
          on: date) -> HeldPosition:
    pos = s.get_one(JobPosition, pos_id)
    # Show the version in force on the day (a newer approved version replaces the one first assigned).
    versions = s.scalars(select(JobPosition).where(JobPosition.unit_id == pos.unit_id, JobPosition.code == pos.code)
                         .order_by(JobPosition.version_no)).all()
    shown = next((v for v in reversed(versions) if v.effective_from is not None and v.effective_from <= on
                  and v.status != "draft"), pos)
    unit = s.get_one(OrgUnit, pos.unit_id)
    return HeldPosition(shown.id, shown.code, shown.name, unit.id, unit.name, since, until, concurrent, assignment_id)


def person_positions(ctx: ServiceContext, person_id: int, on: date | None = None) -> PersonPositions:
    """The person's main position (from the employment row) and concurrent ones on `on` (today by default)."""
    require(ctx, READ)
    on = on or clock.today()
    with ctx.read() as s:
        emp = _employment_on(s, person_id, on)
        main = None
        if emp is not None and emp.position_id is not None:
            main = _held(s, emp.position_id, emp.start_date, emp.end_date, False, None, on)
        rows = s.scalars(select(PositionAssignment).where(
            PositionAssignment.person_id == person_id, PositionAssignment.start_date <= on,
            or_(PositionAssignment.end_date.is_(None), PositionAssignment.end_date >= on),
        ).order_by(PositionAssignment.start_date)).all()
        return PersonPositions(main, tuple(_held(s, a.position_id, a.start_date, a.end_date, True, a.id, on)
                                           for a in rows))
