"""Training use cases: the course catalogue, the annual plan (lines per person or group, approval by decision, a copy
of last year's plan), sending people to courses by decision, attendance, results and certificates (a completed
course with a certificate adds its qualification to the person), the báo cáo thu hoạch, postgraduate eligibility
and study commitments with the repayment owed, the gap analysis and turning selected gaps into plan lines."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal, InvalidOperation

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from hrapp import catalogs, clock, messages
from hrapp.context import ServiceContext
from hrapp.db.models import (
    Course,
    Employment,
    JobPosition,
    OrgUnit,
    Person,
    Qualification,
    StudyCommitment,
    TrainingPlan,
    TrainingPlanLine,
    TrainingRecord,
)
from hrapp.domain import training as tr
from hrapp.domain.rules import RuleBook
from hrapp.errors import ConflictError, DomainError, NotFoundError, ValidationError
from hrapp.queries import _training_rows as q
from hrapp.queries._training_gaps import staff_on
from hrapp.security import WRITE, require
from hrapp.services.decisions import MAX_YEAR, MIN_YEAR, DecisionRef, add_decision
from hrapp.services.snapshot import refresh_snapshot

MAX_COST = Decimal("100000000000")  # 100 tỷ đồng: anything above is a typing mistake


def _clean(text: str | None) -> str | None:
    text = (text or "").strip()
    return text or None


def _money(value: Decimal | int | str | None, field_name: str, errors: list[tuple[str, str]]) -> Decimal | None:
    if value is None or value == "":
        return None
    try:
        amount = Decimal(str(value))
    except (InvalidOperation, ValueError):
        errors.append((field_name, messages.text("amount_invalid")))
        return None
    if amount < 0 or amount > MAX_COST or amount != amount.to_integral_value():
        errors.append((field_name, messages.text("amount_whole")))
        return None
    return amount


def _dates(start: date | None, end: date | None, start_field: str, end_field: str,
           errors: list[tuple[str, str]]) -> None:
    for name, day in ((start_field, start), (end_field, end)):
        if day is not None and not MIN_YEAR <= day.year <= MAX_YEAR:
            errors.append((name, messages.text("date_year_range", first=MIN_YEAR, last=MAX_YEAR)))
    if start and end and end < start:
        errors.append((end_field, messages.text("end_before_start", end=end, start=start)))


# ============================================================================================== courses


@dataclass(frozen=True)
class CourseInput:
    code: str
    name: str
    course_type: str
    organiser: str | None = None
    mode: str = "tap_trung"
    duration_value: int | None = None
    duration_unit: str = "weeks"
    certificate_type: str | None = None
    grants_level: str | None = None  # for types whose level varies (tin học, ngoại ngữ, sau đại học, QP-AN)
    active: bool = True
    note: str | None = None


@dataclass(frozen=True)
class CourseResult:
    course: q.CourseRow
    warnings: tuple[str, ...] = ()


def _course_errors(dto: CourseInput) -> list[tuple[str, str]]:
    errors: list[tuple[str, str]] = []
    code = (dto.code or "").strip()
    if not code:
        errors.append(("code", messages.text("course_code_missing")))
    elif len(code) > 40:
        errors.append(("code", messages.text("course_code_too_long")))
    name = (dto.name or "").strip()
    if not name:
        errors.append(("name", messages.text("course_name_missing")))
    elif len(name) > 300:
        errors.append(("name", messages.text("course_name_too_long")))
    if dto.course_type not in catalogs.labels(tr.COURSE_TYPE):
        errors.append(("course_type", messages.text("course_kind_missing")))
    if dto.mode not in tr.MODES:
        errors.append(("mode", messages.text("course_mode_invalid")))
    if dto.duration_unit not in tr.DURATION_UNITS:
        errors.append(("duration_unit", messages.text("duration_unit_invalid")))
    if dto.duration_value is not None and (not isinstance(dto.duration_value, int) or not 0 < dto.duration_value
                                           <= 2000):
        errors.append(("duration_value", messages.text("duration_positive")))
    if dto.organiser and len(dto.organiser) > 200:
        errors.append(("organiser", messages.text("provider_too_long")))
    if dto.course_type in catalogs.labels(tr.COURSE_TYPE):
        kind, fixed = tr.grants_of_type(dto.course_type)
        if dto.grants_level and (kind is None or fixed is not None):
            errors.append(("grants_level", messages.text("course_grants_no_level")))
        elif dto.grants_level and tr.level_rank(kind or "", dto.grants_level) is None:
            errors.append(("grants_level", messages.text("course_level_wrong_kind", level=dto.grants_level, kind=tr.KIND_LABELS.get(kind or '', kind or '').lower())))
    return errors


def _fill_course(c: Course, dto: CourseInput) -> None:
    kind, fixed = tr.grants_of_type(dto.course_type)
    c.code, c.name, c.course_type = dto.code.strip(), dto.name.strip(), dto.course_type
    c.organiser, c.mode = _clean(dto.organiser), dto.mode
    c.duration_value, c.duration_unit = dto.duration_value, dto.duration_unit
    c.certificate_type = _clean(dto.certificate_type)
    c.grants_kind = kind
    c.grants_level = fixed or _clean(dto.grants_level)
    c.active, c.note = dto.active, _clean(dto.note)


def _course_warnings(rulebook: RuleBook, dto: CourseInput, on: date) -> tuple[str, ...]:
    warning = tr.programme_length_warning(dto.course_type, dto.duration_value, dto.duration_unit,
                                          tr.training_rules(rulebook, on))
    return (warning,) if warning else ()


def save_course(ctx: ServiceContext, dto: CourseInput, course_id: int | None = None, *,
                today: date | None = None) -> CourseResult:
    """Create (no id) or change a course of the catalogue; a programme longer than the rule allows is a warning."""
    require(ctx, WRITE)
    errors = _course_errors(dto)
    if errors:
        raise ValidationError(errors)
    with ctx.unit_of_work() as s:
        other = s.scalar(select(Course.id).where(Course.code == dto.code.strip()))
        if other is not None and other != course_id:
            raise ConflictError("duplicate_code", f"Mã khóa học {dto.code.strip()} đã có.", field="code")
        if course_id is None:
            c = Course()
            s.add(c)
        else:
            c = s.get(Course, course_id)
            if c is None:
                raise NotFoundError("course_not_found", "Không tìm thấy khóa học này.", field="course_id")
        _fill_course(c, dto)
        s.flush()
        new_id = c.id
    with ctx.read() as s:
        return CourseResult(q.get_course(s, new_id), _course_warnings(ctx.rulebook, dto, today or clock.today()))


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
        p = TrainingPlan(year=dto.year, name=_clean(dto.name) or default_plan_name(dto.year), status="draft",
                         note=_clean(dto.note))
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
        plan = TrainingPlan(year=to_year, name=_clean(name) or default_plan_name(to_year), status="draft",
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
    _dates(dto.planned_start, dto.planned_end, "planned_start", "planned_end", errors)
    if dto.requirement and len(dto.requirement) > 300:
        errors.append(("requirement", messages.text("plan_need_too_long")))
    return errors


def add_line_in(s: Session, dto: LineInput) -> TrainingPlanLine:
    """Add a line inside the caller's unit of work (validated); a line added to an approved plan is a supplement."""
    errors = _line_errors(s, dto)
    cost = _money(dto.estimated_cost, "estimated_cost", errors)
    if errors:
        raise ValidationError(errors)
    plan = _plan(s, dto.plan_id)
    if dto.person_id is not None:
        same = s.scalar(select(TrainingPlanLine.id).where(
            TrainingPlanLine.plan_id == plan.id, TrainingPlanLine.person_id == dto.person_id,
            TrainingPlanLine.course_type == dto.course_type))
        if same is not None:
            name = s.get(Person, dto.person_id).full_name  # type: ignore[union-attr]
            raise ConflictError("line_exists", f"{name} đã có trong kế hoạch năm {plan.year} với loại khóa "
                                f"{tr.course_type_label(dto.course_type).lower()}.", field="person_id")
    origin = dto.origin if plan.status == "draft" else "supplement"
    line = TrainingPlanLine(
        plan_id=plan.id, person_id=dto.person_id, unit_id=dto.unit_id, position_id=dto.position_id,
        people=dto.people, course_type=dto.course_type, course_id=dto.course_id, planned_start=dto.planned_start,
        planned_end=dto.planned_end, funding_source=dto.funding_source, estimated_cost=cost, origin=origin,
        requirement=_clean(dto.requirement), note=_clean(dto.note))
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


def update_line(ctx: ServiceContext, line_id: int, dto: LineInput) -> q.LineRow:
    """Change a line of a draft plan."""
    require(ctx, WRITE, dto.unit_id)
    with ctx.unit_of_work() as s:
        line = s.get(TrainingPlanLine, line_id)
        if line is None:
            raise NotFoundError("line_not_found", "Không tìm thấy dòng kế hoạch này.", field="line_id")
        plan = _plan(s, line.plan_id)
        if plan.status != "draft":
            raise DomainError("plan_approved", f"Kế hoạch năm {plan.year} đã được phê duyệt: không sửa dòng đã duyệt, "
                              "chỉ bổ sung dòng mới.")
        errors = _line_errors(s, dto)
        cost = _money(dto.estimated_cost, "estimated_cost", errors)
        if errors:
            raise ValidationError(errors)
        for name in ("person_id", "unit_id", "position_id", "people", "course_type", "course_id", "planned_start",
                     "planned_end", "funding_source"):
            setattr(line, name, getattr(dto, name))
        line.estimated_cost, line.requirement, line.note = cost, _clean(dto.requirement), _clean(dto.note)
        plan_id = line.plan_id
    return _line(ctx, plan_id, line_id)


def delete_line(ctx: ServiceContext, line_id: int) -> None:
    """Remove a line of a draft plan (a line someone was sent under stays)."""
    require(ctx, WRITE)
    with ctx.unit_of_work() as s:
        line = s.get(TrainingPlanLine, line_id)
        if line is None:
            raise NotFoundError("line_not_found", "Không tìm thấy dòng kế hoạch này.", field="line_id")
        plan = _plan(s, line.plan_id)
        if plan.status != "draft":
            raise DomainError("plan_approved", f"Kế hoạch năm {plan.year} đã được phê duyệt: không xóa dòng đã duyệt.")
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
            funding_source=funding_source, requirement=_clean(pick.requirement) or what, note=note, origin="gap")))
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


# ============================================================================================== execution


@dataclass(frozen=True)
class SendInput:
    """A sending decision (quyết định cử đi học): who, which course, when, cost per person."""

    course_id: int
    person_ids: tuple[int, ...]
    start_date: date
    decision: DecisionRef
    end_date: date | None = None
    cost_per_person: Decimal | int | str | None = None
    funding_source: str | None = None
    note: str | None = None


@dataclass(frozen=True)
class SendResult:
    records: tuple[q.RecordRow, ...]
    unplanned: tuple[str, ...]  # people sent without a line in the plan of that year


@dataclass(frozen=True)
class AttendanceInput:
    record_id: int
    attendance: str
    note: str | None = None


@dataclass(frozen=True)
class ResultInput:
    """The result of a course; a passed result with a certificate completes it and adds the qualification."""

    record_id: int
    result: str
    completed_on: date
    certificate_no: str | None = None
    certificate_date: date | None = None
    granted_level: str | None = None  # the level on the certificate when the course's level varies
    report_received: bool | None = None
    report_date: date | None = None


@dataclass(frozen=True)
class CompletionResult:
    record: q.RecordRow
    qualification_added: str  # '' when the course grants no qualification or the result failed


def _on_staff(s: Session, person_id: int, on: date) -> bool:
    return (s.scalar(select(func.count(Employment.id)).where(
        Employment.person_id == person_id, Employment.start_date <= on,
        (Employment.end_date.is_(None)) | (Employment.end_date >= on))) or 0) > 0


def _plan_line_for(s: Session, person_id: int, course: Course, start: date) -> TrainingPlanLine | None:
    """The plan line this sending answers: the person's own line for the course type (the plan of the start year, or
    of the year before for courses planned late), else a group line of the person's unit with room left."""
    plans = list(s.scalars(select(TrainingPlan).where(TrainingPlan.year.in_((start.year, start.year - 1)))
                           .order_by(TrainingPlan.year.desc())))
    for plan in plans:
        own = s.scalars(select(TrainingPlanLine).where(
            TrainingPlanLine.plan_id == plan.id, TrainingPlanLine.person_id == person_id,
            TrainingPlanLine.course_type == course.course_type)).first()
        if own is not None:
            return own
    emp = staff_on(s, start).get(person_id)
    if emp is None:
        return None
    for plan in plans:
        for line in s.scalars(select(TrainingPlanLine).where(
                TrainingPlanLine.plan_id == plan.id, TrainingPlanLine.person_id.is_(None),
                TrainingPlanLine.unit_id == emp.unit_id, TrainingPlanLine.course_type == course.course_type)
                .order_by(TrainingPlanLine.id)):
            if line.position_id is not None and line.position_id != emp.position_id:
                continue
            used = s.scalar(select(func.count(TrainingRecord.id)).where(
                TrainingRecord.plan_line_id == line.id, TrainingRecord.status != "withdrawn")) or 0
            if used < line.people:
                return line
    return None


def send_in(s: Session, dto: SendInput) -> tuple[list[TrainingRecord], list[str]]:
    errors: list[tuple[str, str]] = []
    course = s.get(Course, dto.course_id)
    if course is None:
        errors.append(("course_id", messages.text("send_course_missing")))
    elif not course.active:
        errors.append(("course_id", messages.text("course_retired", name=course.name)))
    if not dto.person_ids:
        errors.append(("person_ids", messages.text("send_people_missing")))
    if len(set(dto.person_ids)) != len(dto.person_ids):
        errors.append(("person_ids", messages.text("send_person_twice")))
    if not isinstance(dto.start_date, date):
        errors.append(("start_date", messages.text("send_start_missing")))
    else:
        _dates(dto.start_date, dto.end_date, "start_date", "end_date", errors)
    if dto.funding_source is not None and dto.funding_source not in catalogs.labels("training_funding"):
        errors.append(("funding_source", messages.text("funding_invalid")))
    cost = _money(dto.cost_per_person, "cost_per_person", errors)
    if errors:
        raise ValidationError(errors)
    assert course is not None
    decision = add_decision(s, dto.decision)
    records, unplanned = [], []
    for pid in dto.person_ids:
        person = s.get(Person, pid)
        if person is None:
            raise NotFoundError("person_not_found", "Không tìm thấy người này.", field="person_ids")
        if not _on_staff(s, pid, dto.start_date) or person.status not in ("working", "seconded", "leave"):
            raise DomainError("not_on_staff", f"{person.full_name} không còn công tác vào ngày "
                              f"{dto.start_date:%d/%m/%Y}: không cử đi học được.", field="person_ids")
        busy = s.scalar(select(TrainingRecord.id).where(
            TrainingRecord.person_id == pid, TrainingRecord.course_id == course.id,
            TrainingRecord.status.in_(("sent", "completed"))))
        if busy is not None:
            raise ConflictError("already_sent", f"{person.full_name} đã được cử đi khóa {course.name}.",
                                field="person_ids")
        line = _plan_line_for(s, pid, course, dto.start_date)
        if line is None:
            unplanned.append(person.full_name)
        rec = TrainingRecord(person_id=pid, course_id=course.id, plan_line_id=line.id if line else None,
                             decision_id=decision.id, start_date=dto.start_date, end_date=dto.end_date, status="sent",
                             funding_source=dto.funding_source or (line.funding_source if line else None),
                             cost=cost, note=_clean(dto.note))
        s.add(rec)
        records.append(rec)
    s.flush()
    return records, unplanned


def send(ctx: ServiceContext, dto: SendInput) -> SendResult:
    """Record a sending decision for one or more people (all or nothing); each record is tied to its plan line."""
    require(ctx, WRITE)
    with ctx.unit_of_work() as s:
        records, unplanned = send_in(s, dto)
        ids = [r.id for r in records]
    with ctx.read() as s:
        return SendResult(tuple(q.list_records(s, record_ids=ids)), tuple(unplanned))


def _record(s: Session, record_id: int) -> TrainingRecord:
    r = s.get(TrainingRecord, record_id)
    if r is None:
        raise NotFoundError("record_not_found", "Không tìm thấy lượt cử đi học này.", field="record_id")
    return r


def _record_row(ctx: ServiceContext, record_id: int) -> q.RecordRow:
    with ctx.read() as s:
        return q.list_records(s, record_ids=[record_id])[0]


def record_attendance(ctx: ServiceContext, dto: AttendanceInput) -> q.RecordRow:
    require(ctx, WRITE)
    if dto.attendance not in tr.ATTENDANCE:
        raise ValidationError([("attendance", messages.text("attendance_missing"))])
    with ctx.unit_of_work() as s:
        r = _record(s, dto.record_id)
        if r.status == "withdrawn":
            raise DomainError("withdrawn", "Người này đã thôi học: không ghi chuyên cần.")
        r.attendance, r.attendance_note = dto.attendance, _clean(dto.note)
    return _record_row(ctx, dto.record_id)


def complete_in(s: Session, r: TrainingRecord, dto: ResultInput, *, today: date | None = None) -> str:
    """Write the result inside the caller's unit of work; returns the qualification added ('' for none)."""
    errors: list[tuple[str, str]] = []
    passed_codes = {it["code"] for it in catalogs.items("training_result") if (it.get("extra") or {}).get("passed")}
    if dto.result not in catalogs.labels("training_result"):
        errors.append(("result", messages.text("result_missing")))
    if not isinstance(dto.completed_on, date):
        errors.append(("completed_on", messages.text("course_end_missing")))
    elif dto.completed_on < r.start_date:
        errors.append(("completed_on", messages.text("course_end_before_start", start=r.start_date)))
    _dates(dto.completed_on if isinstance(dto.completed_on, date) else None, dto.certificate_date, "completed_on",
           "certificate_date", errors)
    if dto.certificate_no and len(dto.certificate_no) > 60:
        errors.append(("certificate_no", messages.text("certificate_number_too_long")))
    if dto.certificate_date and not (dto.certificate_no or "").strip():
        errors.append(("certificate_no", messages.text("certificate_number_missing")))
    if dto.report_date and isinstance(dto.completed_on, date) and dto.report_date < r.start_date:
        errors.append(("report_date", messages.text("report_before_start")))
    course = s.get(Course, r.course_id)
    assert course is not None
    kind, fixed = tr.grants_of_type(course.course_type)
    if dto.granted_level and (kind is None or tr.level_rank(kind, dto.granted_level) is None):
        errors.append(("granted_level", messages.text("certificate_level_invalid")))
    if errors:
        raise ValidationError(errors)
    if r.status in ("completed", "failed"):
        raise DomainError("already_done", "Đã ghi kết quả của lượt học này.")
    if r.status == "withdrawn":
        raise DomainError("withdrawn", "Người này đã thôi học: không ghi kết quả.")
    passed = dto.result in passed_codes
    r.result, r.completed_on = dto.result, dto.completed_on
    r.status = "completed" if passed else "failed"
    r.certificate_no = _clean(dto.certificate_no)
    r.certificate_date = dto.certificate_date
    r.granted_level = _clean(dto.granted_level)
    if dto.report_received is not None:
        r.report_received = dto.report_received
        r.report_date = (dto.report_date or dto.completed_on) if dto.report_received else None
    grant = tr.grant_for(course.course_type, course.grants_kind, course.grants_level, r.granted_level)
    if not passed or grant is None or not r.certificate_no:
        return ""
    g_kind, g_level = grant
    qual = Qualification(
        person_id=r.person_id, kind=g_kind, level_code=g_level,
        major=course.name if g_kind == "chuyen_mon" else None, institution=course.organiser,
        mode="boi_duong" if g_kind in ("qlnn", "qpan", "tin_hoc", "ngoai_ngu") else "tai_chuc",
        start_date=r.start_date, end_date=r.completed_on, year=(r.certificate_date or r.completed_on).year,
        certificate_no=r.certificate_no, certificate_date=r.certificate_date or r.completed_on, source="training",
        note=f"Khóa {course.name}" + (f" ({course.organiser})" if course.organiser else ""))
    s.add(qual)
    s.flush()
    r.qualification_id = qual.id
    person = s.get(Person, r.person_id)
    assert person is not None
    refresh_snapshot(s, person, today)
    return tr.requirement_label(g_kind, g_level)


def record_result(ctx: ServiceContext, dto: ResultInput) -> CompletionResult:
    """Result, certificate and (optionally) the report of one person; the qualification is added at once."""
    require(ctx, WRITE)
    with ctx.unit_of_work() as s:
        added = complete_in(s, _record(s, dto.record_id), dto)
    return CompletionResult(_record_row(ctx, dto.record_id), added)


def mark_report(ctx: ServiceContext, record_id: int, received: bool, on: date | None = None) -> q.RecordRow:
    """The trainee's báo cáo thu hoạch received (with its date) or not yet."""
    require(ctx, WRITE)
    with ctx.unit_of_work() as s:
        r = _record(s, record_id)
        if r.status == "withdrawn":
            raise DomainError("withdrawn", "Người này đã thôi học: không có báo cáo thu hoạch.")
        day = on or clock.today()
        if received and day < r.start_date:
            raise ValidationError([("report_date", messages.text("report_before_start"))])
        r.report_received = received
        r.report_date = day if received else None
    return _record_row(ctx, record_id)


def withdraw(ctx: ServiceContext, record_id: int, reason: str, on: date) -> q.RecordRow:
    """The person stops the course (thôi học); a study commitment tied to it is then broken during the course."""
    require(ctx, WRITE)
    if not (reason or "").strip():
        raise ValidationError([("reason", messages.text("withdrawal_reason_missing_training"))])
    with ctx.unit_of_work() as s:
        r = _record(s, record_id)
        if r.status != "sent":
            raise DomainError("not_attending", "Chỉ ghi thôi học cho người đang học.")
        r.status, r.withdrawn_reason, r.completed_on = "withdrawn", reason.strip(), on
    return _record_row(ctx, record_id)


# ============================================================================================== postgraduate


@dataclass(frozen=True)
class CommitmentInput:
    person_id: int
    programme: str
    study_start: date
    study_end: date
    cost: Decimal | int | str
    record_id: int | None = None
    decision: DecisionRef | None = None
    note: str | None = None


@dataclass(frozen=True)
class LeavingInput:
    commitment_id: int
    left_on: date
    case: str  # quit_during, no_degree, quit_after


@dataclass(frozen=True)
class CommitmentResult:
    commitment: q.CommitmentRow
    repayment: tr.Repayment | None = None
    warnings: tuple[str, ...] = field(default=())


def create_commitment_in(s: Session, rulebook: RuleBook, dto: CommitmentInput) -> StudyCommitment:
    errors: list[tuple[str, str]] = []
    if not (dto.programme or "").strip():
        errors.append(("programme", messages.text("history_course_missing")))
    if not isinstance(dto.study_start, date) or not isinstance(dto.study_end, date):
        errors.append(("study_start", messages.text("history_period_missing")))
    else:
        _dates(dto.study_start, dto.study_end, "study_start", "study_end", errors)
    cost = _money(dto.cost, "cost", errors)
    if cost is None and not any(f == "cost" for f, _ in errors):
        errors.append(("cost", messages.text("history_cost_missing")))
    if errors:
        raise ValidationError(errors)
    person = s.get(Person, dto.person_id)
    if person is None:
        raise NotFoundError("person_not_found", "Không tìm thấy người này.", field="person_id")
    if dto.record_id is not None:
        rec = _record(s, dto.record_id)
        if rec.person_id != dto.person_id:
            raise ValidationError([("record_id", messages.text("record_other_person"))])
        if s.scalar(select(StudyCommitment.id).where(StudyCommitment.record_id == dto.record_id)) is not None:
            raise ConflictError("commitment_exists", "Lượt cử đi học này đã có cam kết.", field="record_id")
    facts = q.postgraduate_facts(s, dto.person_id, dto.study_start)
    rules = tr.training_rules(rulebook, dto.study_start)
    c = tr.commitment(facts.category, dto.study_start, dto.study_end, rules)
    decision_id = add_decision(s, dto.decision).id if dto.decision is not None else None
    row = StudyCommitment(
        person_id=dto.person_id, record_id=dto.record_id, programme=dto.programme.strip(),
        study_start=dto.study_start, study_end=dto.study_end, study_months=c.study_months, multiplier=c.multiplier,
        commitment_months=c.commitment_months, service_from=c.service_from, service_until=c.service_until,
        cost=cost, rule_version=rules.version, decision_id=decision_id, status="active", note=_clean(dto.note))
    s.add(row)
    s.flush()
    return row


def _commitment_row(ctx: ServiceContext, commitment_id: int) -> q.CommitmentRow:
    with ctx.read() as s:
        return next(c for c in q.list_commitments(s) if c.id == commitment_id)


def create_commitment(ctx: ServiceContext, dto: CommitmentInput) -> CommitmentResult:
    """The service commitment for a course: its months (the rule's multiple of the study time) and end date."""
    require(ctx, WRITE)
    with ctx.unit_of_work() as s:
        commitment_id = create_commitment_in(s, ctx.rulebook, dto).id
    return CommitmentResult(_commitment_row(ctx, commitment_id))


def record_leaving(ctx: ServiceContext, dto: LeavingInput) -> CommitmentResult:
    """The person left before serving the commitment: the repayment is computed and kept with the commitment."""
    require(ctx, WRITE)
    if dto.case not in tr.LEAVE_CASES:
        raise ValidationError([("case", messages.text("repayment_case_missing"))])
    with ctx.unit_of_work() as s:
        c = s.get(StudyCommitment, dto.commitment_id)
        if c is None:
            raise NotFoundError("commitment_not_found", "Không tìm thấy cam kết này.", field="commitment_id")
        if c.status != "active":
            raise DomainError("commitment_closed", "Cam kết này đã kết thúc.")
        if dto.case == "quit_after" and dto.left_on < c.service_from:
            raise ValidationError([("left_on", messages.text("service_from_later", day=c.service_from))])
        if dto.left_on < c.study_start:
            raise ValidationError([("left_on", messages.text("leaving_before_study"))])
        if dto.case == "quit_after" and dto.left_on > c.service_until:
            raise DomainError("commitment_served", f"Đã phục vụ đủ thời gian cam kết (đến {c.service_until:%d/%m/%Y}):"
                              " không phải đền bù.", field="left_on")
        rep = q.repayment_for(ctx.rulebook, c, dto.left_on, dto.case)
        c.status, c.left_on, c.leave_case = "broken", dto.left_on, dto.case
        c.served_months, c.repayment = rep.served_months, rep.amount
    return CommitmentResult(_commitment_row(ctx, dto.commitment_id), rep)
