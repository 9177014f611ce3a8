"""Training use cases of sending people to courses: the sending decision (tied to the plan line), attendance, results
and certificates (a completed course with a certificate adds its qualification to the person), the báo cáo thu
hoạch, and withdrawal."""


from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from hrapp import catalogs, clock, messages
from hrapp.context import ServiceContext
from hrapp.db.models import (
    Course,
    Employment,
    Person,
    Qualification,
    TrainingPlan,
    TrainingPlanLine,
    TrainingRecord,
)
from hrapp.domain import training as tr
from hrapp.errors import ConflictError, DomainError, NotFoundError, ValidationError
from hrapp.queries import _training_rows as q
from hrapp.queries._training_gaps import staff_on
from hrapp.security import WRITE, require
from hrapp.services.decisions import DecisionRef, add_decision
from hrapp.services.snapshot import refresh_snapshot
from hrapp.services.training._shared import clean, dates, get_record, money

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
        dates(dto.start_date, dto.end_date, "start_date", "end_date", errors)
    if dto.funding_source is not None and dto.funding_source not in catalogs.labels("training_funding"):
        errors.append(("funding_source", messages.text("funding_invalid")))
    cost = money(dto.cost_per_person, "cost_per_person", errors)
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
                             cost=cost, note=clean(dto.note))
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


def _record_row(ctx: ServiceContext, record_id: int) -> q.RecordRow:
    with ctx.read() as s:
        return q.list_records(s, record_ids=[record_id])[0]


def record_attendance(ctx: ServiceContext, dto: AttendanceInput) -> q.RecordRow:
    require(ctx, WRITE)
    if dto.attendance not in tr.ATTENDANCE:
        raise ValidationError([("attendance", messages.text("attendance_missing"))])
    with ctx.unit_of_work() as s:
        r = get_record(s, dto.record_id)
        if r.status == "withdrawn":
            raise DomainError("withdrawn", "Người này đã thôi học: không ghi chuyên cần.")
        r.attendance, r.attendance_note = dto.attendance, clean(dto.note)
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
    dates(dto.completed_on if isinstance(dto.completed_on, date) else None, dto.certificate_date, "completed_on",
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
    r.certificate_no = clean(dto.certificate_no)
    r.certificate_date = dto.certificate_date
    r.granted_level = clean(dto.granted_level)
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
        added = complete_in(s, get_record(s, dto.record_id), dto)
    return CompletionResult(_record_row(ctx, dto.record_id), added)


def mark_report(ctx: ServiceContext, record_id: int, received: bool, on: date | None = None) -> q.RecordRow:
    """The trainee's báo cáo thu hoạch received (with its date) or not yet."""
    require(ctx, WRITE)
    with ctx.unit_of_work() as s:
        r = get_record(s, record_id)
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
        r = get_record(s, record_id)
        if r.status != "sent":
            raise DomainError("not_attending", "Chỉ ghi thôi học cho người đang học.")
        r.status, r.withdrawn_reason, r.completed_on = "withdrawn", reason.strip(), on
    return _record_row(ctx, record_id)
