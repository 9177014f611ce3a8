"""The session-level reads of training, for the public queries (hrapp.queries.training) and for the services that
read inside their own unit of work: the course catalogue, plans with their lines and totals, training records,
the people they name, and study commitments."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from hrapp import catalogs
from hrapp.db.models import (
    Course,
    Decision,
    Employment,
    Evaluation,
    JobPosition,
    OrgUnit,
    Person,
    PostHeld,
    Qualification,
    StudyCommitment,
    TrainingPlan,
    TrainingPlanLine,
    TrainingRecord,
)
from hrapp.domain import training as tr
from hrapp.domain.rules import RuleBook
from hrapp.errors import NotFoundError


def chunks(ids: Iterable[int], size: int = 900) -> Iterator[list[int]]:
    """The ids, each once and in order, in lists short enough for one IN (…) of SQLite."""
    ids = sorted(set(ids))
    for i in range(0, len(ids), size):
        yield ids[i:i + size]


def _decision_label(number: str | None, sign_date: date | None) -> str:
    if not number:
        return ""
    return f"{number} ngày {sign_date:%d/%m/%Y}" if sign_date else number


def obtained_by(q: Qualification, on: date) -> bool:
    """A qualification counts from the day it was obtained (certificate date, end of study, or its year)."""
    if q.in_progress:
        return False
    if q.certificate_date is not None:
        return q.certificate_date <= on
    if q.end_date is not None:
        return q.end_date <= on
    return q.year is None or q.year <= on.year


# ============================================================================================== courses


@dataclass(frozen=True)
class CourseRow:
    id: int
    code: str
    name: str
    course_type: str
    organiser: str
    mode: str
    duration_value: int | None
    duration_unit: str
    certificate_type: str
    grants_kind: str | None
    grants_level: str | None
    active: bool
    note: str

    @property
    def type_label(self) -> str:
        return tr.course_type_label(self.course_type)

    @property
    def mode_label(self) -> str:
        return tr.MODES.get(self.mode, self.mode)

    @property
    def duration_text(self) -> str:
        if not self.duration_value:
            return ""
        return f"{self.duration_value} {tr.DURATION_UNITS.get(self.duration_unit, self.duration_unit)}"

    @property
    def grant(self) -> tuple[str, str] | None:
        return tr.grant_for(self.course_type, self.grants_kind, self.grants_level)

    @property
    def grants_text(self) -> str:
        g = self.grant
        return tr.requirement_label(*g) if g else ""


def _course_row(c: Course) -> CourseRow:
    return CourseRow(c.id, c.code, c.name, c.course_type, c.organiser or "", c.mode, c.duration_value, c.duration_unit,
                     c.certificate_type or "", c.grants_kind, c.grants_level, c.active, c.note or "")


def list_courses(s: Session, *, active_only: bool = False) -> list[CourseRow]:
    order = {it["code"]: i for i, it in enumerate(tr.course_types())}
    q = select(Course)
    if active_only:
        q = q.where(Course.active.is_(True))
    rows = [_course_row(c) for c in s.scalars(q)]
    return sorted(rows, key=lambda r: (order.get(r.course_type, 99), r.name))


def get_course(s: Session, course_id: int) -> CourseRow:
    c = s.get(Course, course_id)
    if c is None:
        raise NotFoundError("course_not_found", "Không tìm thấy khóa học này.", field="course_id")
    return _course_row(c)


# ============================================================================================== plans


@dataclass(frozen=True)
class PlanRow:
    id: int
    year: int
    name: str
    status: str
    decision_id: int | None
    decision_label: str
    decision_kind: str | None
    approved_on: date | None
    copied_from_year: int | None
    lines: int
    people: int
    cost: Decimal
    note: str

    @property
    def approved(self) -> bool:
        return self.status == "approved"

    @property
    def status_label(self) -> str:
        return "Đã phê duyệt" if self.approved else "Dự thảo"


def _plan_row(s: Session, p: TrainingPlan) -> PlanRow:
    lines, people, cost = s.execute(select(func.count(TrainingPlanLine.id), func.coalesce(func.sum(TrainingPlanLine.people), 0),
                                           func.coalesce(func.sum(TrainingPlanLine.estimated_cost), 0))
                                    .where(TrainingPlanLine.plan_id == p.id)).one()
    d = s.get(Decision, p.decision_id) if p.decision_id else None
    source = s.get(TrainingPlan, p.copied_from_id) if p.copied_from_id else None
    return PlanRow(p.id, p.year, p.name, p.status, p.decision_id, _decision_label(d.number, d.sign_date) if d else "",
                   d.kind if d else None, p.approved_on, source.year if source else None, int(lines), int(people), Decimal(cost or 0),
                   p.note or "")


def list_plans(s: Session) -> list[PlanRow]:
    return [_plan_row(s, p) for p in s.scalars(select(TrainingPlan).order_by(TrainingPlan.year.desc()))]


def get_plan(s: Session, plan: int | str) -> PlanRow:
    """A plan by id, or by year given as text ('2022')."""
    if isinstance(plan, str):
        text = plan.strip()
        row = s.scalar(select(TrainingPlan).where(TrainingPlan.year == int(text))) if text.isdigit() else None
        if row is None:
            raise NotFoundError("plan_not_found", f"Chưa có kế hoạch đào tạo, bồi dưỡng năm {text}.", field="year")
        return _plan_row(s, row)
    row = s.get(TrainingPlan, plan)
    if row is None:
        raise NotFoundError("plan_not_found", "Không tìm thấy kế hoạch đào tạo, bồi dưỡng này.", field="plan_id")
    return _plan_row(s, row)


def plan_for_year(s: Session, year: int) -> PlanRow | None:
    row = s.scalar(select(TrainingPlan).where(TrainingPlan.year == year))
    return _plan_row(s, row) if row else None


@dataclass(frozen=True)
class PersonInfo:
    """Name and where the person works on a day, for lists."""

    person_id: int
    full_name: str
    birth_date: date
    gender: str
    unit_id: int | None
    unit_code: str
    unit_name: str
    post: str  # chức vụ or job position
    category: str | None


def person_info(s: Session, person_ids: Iterable[int], on: date) -> dict[int, PersonInfo]:
    ids = sorted(set(person_ids))
    units = {u.id: u for u in s.scalars(select(OrgUnit))}
    out: dict[int, PersonInfo] = {}
    for chunk in chunks(ids):
        emp: dict[int, Employment] = {}
        for e in s.scalars(select(Employment).where(Employment.person_id.in_(chunk), Employment.start_date <= on)
                           .order_by(Employment.start_date, Employment.id)):
            if e.end_date is None or e.end_date >= on or e.person_id not in emp:
                emp[e.person_id] = e
        posts: dict[int, str] = {}
        for ph in s.scalars(select(PostHeld).where(PostHeld.person_id.in_(chunk), PostHeld.start_date <= on,
                                                   or_(PostHeld.end_date.is_(None), PostHeld.end_date >= on))
                            .order_by(PostHeld.is_concurrent, PostHeld.start_date)):
            posts.setdefault(ph.person_id, ph.post_title)
        pos_ids = {e.position_id for e in emp.values() if e.position_id}
        positions = dict(s.execute(select(JobPosition.id, JobPosition.name).where(JobPosition.id.in_(pos_ids))).all()) \
            if pos_ids else {}
        for p in s.scalars(select(Person).where(Person.id.in_(chunk))):
            job = emp.get(p.id)
            unit = units.get(job.unit_id) if job else units.get(p.cur_unit_id or -1)
            post = posts.get(p.id) or (positions.get(job.position_id, "") if job and job.position_id else "") \
                or "Chuyên viên"
            out[p.id] = PersonInfo(p.id, p.full_name, p.birth_date, p.gender, unit.id if unit else None,
                                   unit.code if unit else "", unit.name if unit else "", post,
                                   job.category if job else p.cur_category)
    return out


@dataclass(frozen=True)
class LineRow:
    id: int
    plan_id: int
    person_id: int | None
    full_name: str
    post: str
    unit_id: int | None
    unit_code: str
    unit_name: str
    position_id: int | None
    position_name: str
    people: int
    course_type: str
    course_id: int | None
    course_name: str
    organiser: str
    planned_start: date | None
    planned_end: date | None
    funding_source: str | None
    estimated_cost: Decimal | None
    origin: str
    requirement: str
    note: str
    sent: int
    completed: int

    @property
    def who(self) -> str:
        """The person, or the group: 'Viên chức Trung tâm …' with its position."""
        if self.person_id is not None:
            return self.full_name
        what = f"{self.position_name}, " if self.position_name else ""
        return f"{what}{self.unit_name}".strip(", ")

    @property
    def type_label(self) -> str:
        return tr.course_type_label(self.course_type)

    @property
    def funding_label(self) -> str:
        return catalogs.label("training_funding", self.funding_source)

    @property
    def dates_text(self) -> str:
        a, b = self.planned_start, self.planned_end
        if a and b:
            return f"{a:%d/%m/%Y} – {b:%d/%m/%Y}"
        if a:
            return f"Từ {a:%d/%m/%Y}"
        return ""

    def to_json(self) -> dict[str, Any]:
        return {"line_id": self.id, "employee_id": self.person_id, "full_name": self.full_name or None,
                "unit_code": self.unit_code or None, "unit": self.unit_name or None,
                "position": self.position_name or None, "people": self.people, "course_type": self.course_type,
                "course_type_label": self.type_label, "course": self.course_name or None,
                "organiser": self.organiser or None,
                "planned_start": self.planned_start.isoformat() if self.planned_start else None,
                "planned_end": self.planned_end.isoformat() if self.planned_end else None,
                "funding_source": self.funding_source, "estimated_cost": str(self.estimated_cost)
                if self.estimated_cost is not None else None, "origin": self.origin,
                "requirement": self.requirement or None, "sent": self.sent, "completed": self.completed}


def list_lines(s: Session, plan_id: int, on: date | None = None) -> list[LineRow]:
    plan = s.get(TrainingPlan, plan_id)
    if plan is None:
        raise NotFoundError("plan_not_found", "Không tìm thấy kế hoạch đào tạo, bồi dưỡng này.", field="plan_id")
    on = on or date(plan.year, 1, 1)
    lines = list(s.scalars(select(TrainingPlanLine).where(TrainingPlanLine.plan_id == plan_id)))
    people = person_info(s, [ln.person_id for ln in lines if ln.person_id], on)
    units = {u.id: u for u in s.scalars(select(OrgUnit))}
    pos_ids = {ln.position_id for ln in lines if ln.position_id}
    positions = dict(s.execute(select(JobPosition.id, JobPosition.name).where(JobPosition.id.in_(pos_ids))).all()) \
        if pos_ids else {}
    courses = {c.id: c for c in s.scalars(select(Course))}
    sent: dict[int, int] = defaultdict(int)
    done: dict[int, int] = defaultdict(int)
    if lines:
        for line_id, status in s.execute(select(TrainingRecord.plan_line_id, TrainingRecord.status).where(
                TrainingRecord.plan_line_id.in_([ln.id for ln in lines]))):
            if line_id is None:  # not reached: the records asked for are those of these lines
                continue
            if status != "withdrawn":
                sent[line_id] += 1
            if status == "completed":
                done[line_id] += 1
    order = {it["code"]: i for i, it in enumerate(tr.course_types())}
    unit_order = {u.id: (u.sort_order, u.id) for u in units.values()}
    rows = []
    for ln in lines:
        info = people.get(ln.person_id) if ln.person_id else None
        unit = units.get(ln.unit_id) if ln.unit_id else (units.get(info.unit_id) if info and info.unit_id else None)
        course = courses.get(ln.course_id) if ln.course_id else None
        rows.append(LineRow(
            ln.id, ln.plan_id, ln.person_id, info.full_name if info else "", info.post if info else "",
            unit.id if unit else None, unit.code if unit else "", unit.name if unit else "", ln.position_id,
            positions.get(ln.position_id, "") if ln.position_id else "", ln.people, ln.course_type, ln.course_id,
            course.name if course else "", (course.organiser or "") if course else "", ln.planned_start,
            ln.planned_end, ln.funding_source, ln.estimated_cost, ln.origin, ln.requirement or "", ln.note or "",
            sent[ln.id], done[ln.id]))
    rows.sort(key=lambda r: (order.get(r.course_type, 99), unit_order.get(r.unit_id or -1, (999, 0)),
                             r.full_name or "~", r.id))
    return rows


@dataclass(frozen=True)
class TotalRow:
    key: str
    label: str
    lines: int
    people: int
    cost: Decimal

    @classmethod
    def of_lines(cls, lines: Sequence[LineRow], by: str) -> list[TotalRow]:
        """Totals of a plan's lines by course type ('type') or by unit ('unit'), in catalogue / unit order."""
        acc: dict[str, list[Any]] = {}
        for ln in lines:
            if by == "type":
                key, label = ln.course_type, ln.type_label
            else:
                key, label = ln.unit_code or "-", ln.unit_name or "Chưa rõ đơn vị"
            row = acc.setdefault(key, [label, 0, 0, Decimal(0)])
            row[1] += 1
            row[2] += ln.people
            row[3] += ln.estimated_cost or Decimal(0)
        return [cls(k, v[0], v[1], v[2], v[3]) for k, v in acc.items()]


# ============================================================================================== records


@dataclass(frozen=True)
class RecordRow:
    id: int
    person_id: int
    full_name: str
    post: str
    unit_name: str
    course_id: int
    course_name: str
    course_type: str
    organiser: str
    decision_id: int
    decision_label: str
    start_date: date
    end_date: date | None
    status: str
    attendance: str | None
    attendance_note: str
    result: str | None
    completed_on: date | None
    certificate_no: str
    certificate_date: date | None
    granted: str
    qualification_id: int | None
    report_received: bool
    report_date: date | None
    funding_source: str | None
    cost: Decimal | None
    plan_line_id: int | None
    note: str

    @property
    def status_label(self) -> str:
        return tr.RECORD_STATUSES.get(self.status, self.status)

    @property
    def result_label(self) -> str:
        return catalogs.label("training_result", self.result)

    @property
    def attendance_label(self) -> str:
        return tr.ATTENDANCE.get(self.attendance or "", "")

    @property
    def type_label(self) -> str:
        return tr.course_type_label(self.course_type)

    @property
    def dates_text(self) -> str:
        end = f" – {self.end_date:%d/%m/%Y}" if self.end_date else ""
        return f"{self.start_date:%d/%m/%Y}{end}"

    @property
    def certificate_text(self) -> str:
        if not self.certificate_no and not self.certificate_date:
            return ""
        day = f" ngày {self.certificate_date:%d/%m/%Y}" if self.certificate_date else ""
        return f"Số {self.certificate_no}{day}" if self.certificate_no else day.strip()

    @property
    def report_text(self) -> str:
        if self.report_received:
            return f"Đã nộp {self.report_date:%d/%m/%Y}" if self.report_date else "Đã nộp"
        return "Chưa nộp" if self.status in ("completed", "failed") else ""

    def to_json(self) -> dict[str, Any]:
        return {"record_id": self.id, "employee_id": self.person_id, "full_name": self.full_name,
                "course": self.course_name, "course_type": self.course_type, "organiser": self.organiser,
                "decision": self.decision_label, "start_date": self.start_date.isoformat(),
                "end_date": self.end_date.isoformat() if self.end_date else None, "status": self.status,
                "result": self.result, "certificate_no": self.certificate_no or None,
                "certificate_date": self.certificate_date.isoformat() if self.certificate_date else None,
                "qualification_added": self.qualification_id is not None, "report_received": self.report_received,
                "cost": str(self.cost) if self.cost is not None else None}


def list_records(s: Session, *, year: int | None = None, plan_id: int | None = None, person_id: int | None = None,
                 record_ids: Iterable[int] | None = None) -> list[RecordRow]:
    """Training records: those of a plan's lines or starting in `year` (both when both are given), of a person."""
    q = select(TrainingRecord)
    if record_ids is not None:
        q = q.where(TrainingRecord.id.in_(list(record_ids)))
    if person_id is not None:
        q = q.where(TrainingRecord.person_id == person_id)
    conditions = []
    if plan_id is not None:
        conditions.append(TrainingRecord.plan_line_id.in_(select(TrainingPlanLine.id)
                                                         .where(TrainingPlanLine.plan_id == plan_id)))
    if year is not None:
        conditions.append(TrainingRecord.start_date.between(date(year, 1, 1), date(year, 12, 31)))
    if conditions:
        q = q.where(or_(*conditions))
    records = list(s.scalars(q))
    if not records:
        return []
    on = max(r.start_date for r in records)
    people = person_info(s, [r.person_id for r in records], on)
    courses = {c.id: c for c in s.scalars(select(Course))}
    decisions = {d.id: d for d in s.scalars(select(Decision).where(Decision.id.in_({r.decision_id for r in records})))}
    quals = {q.id: q for q in s.scalars(select(Qualification).where(
        Qualification.id.in_({r.qualification_id for r in records if r.qualification_id})))}
    rows = []
    for r in records:
        info = people[r.person_id]
        c = courses[r.course_id]
        d = decisions.get(r.decision_id)
        q_ = quals.get(r.qualification_id) if r.qualification_id else None
        rows.append(RecordRow(
            r.id, r.person_id, info.full_name, info.post, info.unit_name, c.id, c.name, c.course_type,
            c.organiser or "", r.decision_id, _decision_label(d.number, d.sign_date) if d else "", r.start_date,
            r.end_date, r.status, r.attendance, r.attendance_note or "", r.result, r.completed_on,
            r.certificate_no or "", r.certificate_date, tr.requirement_label(q_.kind, q_.level_code) if q_ else "",
            r.qualification_id, r.report_received, r.report_date, r.funding_source, r.cost, r.plan_line_id,
            r.note or ""))
    order = {it["code"]: i for i, it in enumerate(tr.course_types())}
    rows.sort(key=lambda x: (order.get(x.course_type, 99), x.course_name, x.start_date, x.full_name, x.id))
    return rows


# ============================================================================================== commitments


@dataclass(frozen=True)
class CommitmentRow:
    id: int
    person_id: int
    full_name: str
    programme: str
    study_start: date
    study_end: date
    study_months: int
    multiplier: int
    commitment_months: int
    service_from: date
    service_until: date
    cost: Decimal
    rule_version: str
    status: str
    left_on: date | None
    leave_case: str | None
    served_months: int | None
    repayment: Decimal | None
    record_id: int | None
    note: str

    @property
    def status_label(self) -> str:
        return tr.COMMITMENT_STATUSES.get(self.status, self.status)


def list_commitments(s: Session, person_id: int | None = None) -> list[CommitmentRow]:
    q = select(StudyCommitment, Person.full_name).join(Person, Person.id == StudyCommitment.person_id)
    if person_id is not None:
        q = q.where(StudyCommitment.person_id == person_id)
    out = []
    for c, name in s.execute(q.order_by(StudyCommitment.study_start, StudyCommitment.id)):
        out.append(CommitmentRow(c.id, c.person_id, name, c.programme, c.study_start, c.study_end, c.study_months,
                                 c.multiplier, c.commitment_months, c.service_from, c.service_until, c.cost,
                                 c.rule_version, c.status, c.left_on, c.leave_case, c.served_months, c.repayment,
                                 c.record_id, c.note or ""))
    return out


def postgraduate_facts(s: Session, person_id: int, nomination: date) -> tr.PostgraduateFacts:
    """What the postgraduate rule asks of the person's record on the nomination day."""
    person = s.get(Person, person_id)
    if person is None:
        raise NotFoundError("person_not_found", "Không tìm thấy người này.", field="person_id")
    emps = list(s.scalars(select(Employment).where(Employment.person_id == person_id)
                          .order_by(Employment.start_date)))
    current = next((e for e in reversed(emps) if e.start_date <= nomination
                    and (e.end_date is None or e.end_date >= nomination)), None)
    starts = [d for e in emps for d in (e.recruitment_date, e.start_date) if d is not None]
    probation = max((e.probation_end for e in emps if e.probation_end), default=None)
    ratings = dict(s.execute(select(Evaluation.year, Evaluation.rating).where(Evaluation.person_id == person_id))
                   .all())
    earlier = s.scalar(select(func.min(TrainingRecord.start_date)).join(Course, Course.id == TrainingRecord.course_id)
                       .where(TrainingRecord.person_id == person_id, Course.course_type == "sau_dai_hoc",
                              TrainingRecord.start_date < nomination))
    return tr.PostgraduateFacts(
        category=current.category if current else person.cur_category, birth_date=person.birth_date,
        service_start=min(starts) if starts else None, probation_end=probation, ratings=ratings,
        first_nomination=earlier)


def repayment_for(rulebook: RuleBook, c: StudyCommitment, left_on: date, case: str) -> tr.Repayment:
    """What leaving on `left_on` costs under the commitment, by the rule version it was made under."""
    rules = tr.training_rules_by_version(rulebook, c.rule_version)
    return tr.repayment(case, c.cost, c.commitment_months, c.service_from, left_on, rules)


def commitment_repayment(s: Session, rulebook: RuleBook, commitment_id: int, left_on: date, case: str
                         ) -> tr.Repayment:
    """What the person would owe on leaving on `left_on` under this commitment (nothing is written)."""
    c = s.get(StudyCommitment, commitment_id)
    if c is None:
        raise NotFoundError("commitment_not_found", "Không tìm thấy cam kết này.", field="commitment_id")
    return repayment_for(rulebook, c, left_on, case)
