"""Training use cases of the annual plan: create it or copy last year's, its lines per person or group, approval by
decision, and turning selected gaps of the gap analysis into plan lines."""


from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from hrapp import catalogs, messages
from hrapp.context import ServiceContext
from hrapp.db.models import (
    Course,
    JobPosition,
    OrgUnit,
    Person,
    TrainingPlan,
    TrainingPlanLine,
    TrainingRecord,
)
from hrapp.domain import training as tr
from hrapp.errors import ConflictError, DomainError, NotFoundError, ValidationError
from hrapp.queries import _training_rows as q
from hrapp.queries._training_gaps import staff_on
from hrapp.security import WRITE, require
from hrapp.services.decisions import MAX_YEAR, MIN_YEAR, DecisionRef, add_decision
from hrapp.services.training._shared import clean, dates, money

# ============================================================================================== plans


@dataclass(frozen=True)
class PlanInput:
    year: int
    name: str | None = None
    note: str | None = None


@dataclass(frozen=True)
class LineInput:
    """A plan line: a person (person_id), or a group (unit_id, optional position_id, number of people)."""

    plan_id: int
    course_type: str
    person_id: int | None = None
    unit_id: int | None = None
    position_id: int | None = None
    people: int = 1
    course_id: int | None = None
    planned_start: date | None = None
    planned_end: date | None = None
    funding_source: str | None = None
    estimated_cost: Decimal | int | str | None = None
    requirement: str | None = None
    note: str | None = None
    origin: str = "manual"


@dataclass(frozen=True)
class GapPick:
    """A gap chosen in the gap analysis to become a plan line."""

    person_id: int
    kind: str
    level: str
    requirement: str = ""  # the text of the need (what and for which post)
    course_type: str | None = None  # None: the type that grants the missing level


@dataclass(frozen=True)
class GapsToPlanResult:
    lines: tuple[q.LineRow, ...]
    skipped: tuple[str, ...]  # gaps already in the plan, or without a course type


def default_plan_name(year: int) -> str:
    return f"Kế hoạch đào tạo, bồi dưỡng cán bộ, công chức, viên chức năm {year}"


def _plan(s: Session, plan_id: int) -> TrainingPlan:
    p = s.get(TrainingPlan, plan_id)
    if p is None:
        raise NotFoundError("plan_not_found", "Không tìm thấy kế hoạch đào tạo, bồi dưỡng này.", field="plan_id")
    return p


def _year_errors(year: object, field_name: str = "year") -> list[tuple[str, str]]:
    if not isinstance(year, int) or isinstance(year, bool) or not MIN_YEAR <= year <= MAX_YEAR:
        return [(field_name, f"Năm phải là số nguyên trong khoảng {MIN_YEAR}–{MAX_YEAR}.")]
    return []


def create_plan(ctx: ServiceContext, dto: PlanInput) -> q.PlanRow:
    """An empty draft plan for a year (one plan per year)."""
    require(ctx, WRITE)
    errors = _year_errors(dto.year)
    if errors:
        raise ValidationError(errors)
    with ctx.unit_of_work() as s:
        if s.scalar(select(TrainingPlan.id).where(TrainingPlan.year == dto.year)) is not None:
            raise ConflictError("plan_exists", f"Đã có kế hoạch đào tạo, bồi dưỡng năm {dto.year}.", field="year")
        p = TrainingPlan(year=dto.year, name=clean(dto.name) or default_plan_name(dto.year), status="draft",
                         note=clean(dto.note))
        s.add(p)
        s.flush()
        plan_id = p.id
    with ctx.read() as s:
        return q.get_plan(s, plan_id)


def _shift_year(day: date | None, years: int) -> date | None:
    if day is None:
        return None
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29/02
        return date(day.year + years, 2, 28)


def copy_plan(ctx: ServiceContext, from_year: int, to_year: int, name: str | None = None) -> q.PlanRow:
    """Start the plan of `to_year` from the plan of `from_year`: every line copied as a draft with its dates moved
    by the years between; lines of people no longer on staff on 1 January are left out."""
    require(ctx, WRITE)
    errors = _year_errors(from_year, "from_year") + _year_errors(to_year)
    if errors:
        raise ValidationError(errors)
    if from_year == to_year:
        raise ValidationError([("year", messages.text("plan_copy_same_year"))])
    with ctx.unit_of_work() as s:
        source = s.scalar(select(TrainingPlan).where(TrainingPlan.year == from_year))
        if source is None:
            raise NotFoundError("plan_not_found", f"Chưa có kế hoạch đào tạo, bồi dưỡng năm {from_year} để sao chép.",
                                field="from_year")
        if s.scalar(select(TrainingPlan.id).where(TrainingPlan.year == to_year)) is not None:
            raise ConflictError("plan_exists", f"Đã có kế hoạch đào tạo, bồi dưỡng năm {to_year}.", field="year")
        plan = TrainingPlan(year=to_year, name=clean(name) or default_plan_name(to_year), status="draft",
                            copied_from_id=source.id, note=f"Lập từ kế hoạch năm {from_year}.")
        s.add(plan)
        s.flush()
        on_staff = set(staff_on(s, date(to_year, 1, 1)))
        shift = to_year - from_year
        for ln in s.scalars(select(TrainingPlanLine).where(TrainingPlanLine.plan_id == source.id)
                            .order_by(TrainingPlanLine.id)):
            if ln.person_id is not None and ln.person_id not in on_staff:
                continue
            s.add(TrainingPlanLine(
                plan_id=plan.id, person_id=ln.person_id, unit_id=ln.unit_id, position_id=ln.position_id,
                people=ln.people, course_type=ln.course_type, course_id=ln.course_id,
                planned_start=_shift_year(ln.planned_start, shift), planned_end=_shift_year(ln.planned_end, shift),
                funding_source=ln.funding_source, estimated_cost=ln.estimated_cost, origin="copy",
                requirement=ln.requirement, note=ln.note))
        plan_id = plan.id
    with ctx.read() as s:
        return q.get_plan(s, plan_id)


def _line_errors(s: Session, dto: LineInput) -> list[tuple[str, str]]:
    errors: list[tuple[str, str]] = []
    if dto.course_type not in catalogs.labels(tr.COURSE_TYPE):
        errors.append(("course_type", messages.text("course_kind_missing")))
    if dto.person_id is None and dto.unit_id is None:
        errors.append(("person_id", messages.text("plan_line_who")))
    if dto.person_id is not None and s.get(Person, dto.person_id) is None:
        errors.append(("person_id", messages.text("plan_person_not_found")))
    if dto.unit_id is not None and s.get(OrgUnit, dto.unit_id) is None:
        errors.append(("unit_id", messages.text("plan_unit_missing")))
    if dto.position_id is not None:
        pos = s.get(JobPosition, dto.position_id)
        if pos is None:
            errors.append(("position_id", messages.text("plan_position_missing")))
        elif dto.unit_id is not None and pos.unit_id != dto.unit_id:
            errors.append(("position_id", messages.text("plan_position_other_unit")))
    if not isinstance(dto.people, int) or isinstance(dto.people, bool) or not 1 <= dto.people <= 1000:
        errors.append(("people", messages.text("plan_people_range")))
    elif dto.person_id is not None and dto.people != 1:
        errors.append(("people", messages.text("plan_one_person")))
    if dto.course_id is not None:
        c = s.get(Course, dto.course_id)
        if c is None:
            errors.append(("course_id", messages.text("plan_course_not_found")))
        elif c.course_type != dto.course_type:
            errors.append(("course_id", messages.text("plan_course_other_kind")))
    if dto.funding_source is not None and dto.funding_source not in catalogs.labels("training_funding"):
        errors.append(("funding_source", messages.text("funding_invalid")))
    dates(dto.planned_start, dto.planned_end, "planned_start", "planned_end", errors)
    if dto.requirement and len(dto.requirement) > 300:
        errors.append(("requirement", messages.text("plan_need_too_long")))
    return errors


def add_line_in(s: Session, dto: LineInput) -> TrainingPlanLine:
    """Add a line inside the caller's unit of work (validated); a line added to an approved plan is a supplement."""
    errors = _line_errors(s, dto)
    cost = money(dto.estimated_cost, "estimated_cost", errors)
    if errors:
        raise ValidationError(errors)
    plan = _plan(s, dto.plan_id)
    if dto.person_id is not None:
        same = s.scalar(select(TrainingPlanLine.id).where(
            TrainingPlanLine.plan_id == plan.id, TrainingPlanLine.person_id == dto.person_id,
            TrainingPlanLine.course_type == dto.course_type))
        if same is not None:
            person = s.get(Person, dto.person_id)
            name = person.full_name if person is not None else str(dto.person_id)
            raise ConflictError("line_exists", f"{name} đã có trong kế hoạch năm {plan.year} với loại khóa "
                                f"{tr.course_type_label(dto.course_type).lower()}.", field="person_id")
    origin = dto.origin if plan.status == "draft" else "supplement"
    line = TrainingPlanLine(
        plan_id=plan.id, person_id=dto.person_id, unit_id=dto.unit_id, position_id=dto.position_id,
        people=dto.people, course_type=dto.course_type, course_id=dto.course_id, planned_start=dto.planned_start,
        planned_end=dto.planned_end, funding_source=dto.funding_source, estimated_cost=cost, origin=origin,
        requirement=clean(dto.requirement), note=clean(dto.note))
    s.add(line)
    s.flush()
    return line


def add_line(ctx: ServiceContext, dto: LineInput) -> q.LineRow:
    require(ctx, WRITE, dto.unit_id)
    with ctx.unit_of_work() as s:
        line_id = add_line_in(s, dto).id
    return _line(ctx, dto.plan_id, line_id)


def _line(ctx: ServiceContext, plan_id: int, line_id: int) -> q.LineRow:
    with ctx.read() as s:
        return next(r for r in q.list_lines(s, plan_id) if r.id == line_id)


def _draft_line(s: Session, line_id: int, refused: str) -> TrainingPlanLine:
    """A line of a draft plan; on an approved plan the refusal ends with `refused` (what may not be done)."""
    line = s.get(TrainingPlanLine, line_id)
    if line is None:
        raise NotFoundError("line_not_found", "Không tìm thấy dòng kế hoạch này.", field="line_id")
    plan = _plan(s, line.plan_id)
    if plan.status != "draft":
        raise DomainError("plan_approved", f"Kế hoạch năm {plan.year} đã được phê duyệt: {refused}")
    return line


def update_line(ctx: ServiceContext, line_id: int, dto: LineInput) -> q.LineRow:
    """Change a line of a draft plan."""
    require(ctx, WRITE, dto.unit_id)
    with ctx.unit_of_work() as s:
        line = _draft_line(s, line_id, "không sửa dòng đã duyệt, chỉ bổ sung dòng mới.")
        errors = _line_errors(s, dto)
        cost = money(dto.estimated_cost, "estimated_cost", errors)
        if errors:
            raise ValidationError(errors)
        for name in ("person_id", "unit_id", "position_id", "people", "course_type", "course_id", "planned_start",
                     "planned_end", "funding_source"):
            setattr(line, name, getattr(dto, name))
        line.estimated_cost, line.requirement, line.note = cost, clean(dto.requirement), clean(dto.note)
        plan_id = line.plan_id
    return _line(ctx, plan_id, line_id)


def delete_line(ctx: ServiceContext, line_id: int) -> None:
    """Remove a line of a draft plan (a line someone was sent under stays)."""
    require(ctx, WRITE)
    with ctx.unit_of_work() as s:
        line = _draft_line(s, line_id, "không xóa dòng đã duyệt.")
        if s.scalar(select(func.count(TrainingRecord.id)).where(TrainingRecord.plan_line_id == line_id)):
            raise DomainError("line_used", "Đã có người được cử đi học theo dòng kế hoạch này: không xóa được.")
        s.delete(line)


def approve_plan(ctx: ServiceContext, plan_id: int, decision: DecisionRef) -> q.PlanRow:
    """Approve a draft plan by a decision (or the plan document itself, e.g. Kế hoạch 43/KH-SKH&CN)."""
    require(ctx, WRITE)
    with ctx.unit_of_work() as s:
        plan = _plan(s, plan_id)
        if plan.status == "approved":
            raise DomainError("plan_approved", f"Kế hoạch năm {plan.year} đã được phê duyệt.")
        if not s.scalar(select(func.count(TrainingPlanLine.id)).where(TrainingPlanLine.plan_id == plan_id)):
            raise DomainError("plan_empty", f"Kế hoạch năm {plan.year} chưa có dòng nào để phê duyệt.")
        d = add_decision(s, decision)
        plan.status, plan.decision_id, plan.approved_on = "approved", d.id, d.effective_date or d.sign_date
    with ctx.read() as s:
        return q.get_plan(s, plan_id)


def add_gaps_in(s: Session, plan: TrainingPlan, picks: Iterable[GapPick], *, planned_start: date | None = None,
                planned_end: date | None = None, funding_source: str | None = None
                ) -> tuple[list[TrainingPlanLine], list[str]]:
    lines, skipped = [], []
    for pick in picks:
        ctype = pick.course_type or tr.course_type_for(pick.kind, pick.level)
        person = s.get(Person, pick.person_id)
        if person is None:
            raise NotFoundError("person_not_found", "Không tìm thấy người này.", field="person_id")
        what = tr.requirement_label(pick.kind, pick.level) if tr.level_rank(pick.kind, pick.level) else pick.level
        if ctype is None:
            skipped.append(f"{person.full_name}: chưa có loại khóa học cấp {what}.")
            continue
        exists = s.scalar(select(TrainingPlanLine.id).where(
            TrainingPlanLine.plan_id == plan.id, TrainingPlanLine.person_id == person.id,
            TrainingPlanLine.course_type == ctype))
        if exists is not None:
            skipped.append(f"{person.full_name}: đã có trong kế hoạch ({tr.course_type_label(ctype).lower()}).")
            continue
        grant_kind, fixed = tr.grants_of_type(ctype)
        note = None if fixed or grant_kind is None else f"Trình độ cần đạt: {what}"
        lines.append(add_line_in(s, LineInput(
            plan.id, ctype, person_id=person.id, planned_start=planned_start, planned_end=planned_end,
            funding_source=funding_source, requirement=clean(pick.requirement) or what, note=note, origin="gap")))
    return lines, skipped


def add_gaps_to_plan(ctx: ServiceContext, plan_id: int, picks: Sequence[GapPick], *, planned_start: date | None = None,
                     planned_end: date | None = None, funding_source: str | None = None) -> GapsToPlanResult:
    """Turn the selected gaps into lines of the plan (one transaction); gaps already planned are skipped."""
    require(ctx, WRITE)
    if not picks:
        raise ValidationError([("gaps", messages.text("plan_needs_none"))])
    with ctx.unit_of_work() as s:
        plan = _plan(s, plan_id)
        lines, skipped = add_gaps_in(s, plan, picks, planned_start=planned_start, planned_end=planned_end,
                                     funding_source=funding_source)
        ids = {ln.id for ln in lines}
    with ctx.read() as s:
        rows = tuple(r for r in q.list_lines(s, plan_id) if r.id in ids)
    return GapsToPlanResult(rows, tuple(skipped))
