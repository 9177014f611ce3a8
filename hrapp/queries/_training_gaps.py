"""The session-level reads of the training gap analysis (the requirements of the current position and of the
planned posts against the qualifications held, with the needs per unit) and of plan against actual for a year."""


from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import false, or_, select
from sqlalchemy.orm import Session

from hrapp.db.models import (
    Course,
    Employment,
    JobPosition,
    OrgUnit,
    Person,
    PlanningEntry,
    PlanningPeriod,
    PlanningPost,
    Qualification,
    TrainingPlan,
    TrainingPlanLine,
    TrainingRecord,
)
from hrapp.db.scope import check_unit
from hrapp.domain import planning as pl
from hrapp.domain import training as tr
from hrapp.domain.planning import planning_rules
from hrapp.domain.rules import RuleBook
from hrapp.errors import NotFoundError
from hrapp.queries._training_rows import chunks, obtained_by, person_info

# ============================================================================================== gaps


def held_levels(s: Session, person_ids: Iterable[int], on: date) -> dict[int, dict[str, list[str]]]:
    ids = sorted(set(person_ids))
    out: dict[int, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for chunk in chunks(ids):
        for q in s.scalars(select(Qualification).where(Qualification.person_id.in_(chunk))):
            if obtained_by(q, on):
                out[q.person_id][q.kind].append(q.level_code)
    return out


@dataclass(frozen=True)
class GapRow:
    person_id: int
    full_name: str
    unit_id: int | None
    unit_code: str
    unit_name: str
    post: str
    gap: tr.Gap
    in_plan: str  # "" or where the need is already answered ('Kế hoạch 2022', 'Đang học …')

    @property
    def source(self) -> str:
        return self.gap.requirement.source

    def to_json(self) -> dict[str, Any]:
        g = self.gap
        return {"employee_id": self.person_id, "full_name": self.full_name, "requirement": g.requirement.label,
                "source": self.source, "missing": g.message, "kind": g.kind, "required_level": g.level,
                "held_level": g.held, "required_for": g.requirement.required_for, "unit_code": self.unit_code,
                "course_type": g.course_type, "in_plan": self.in_plan or None}


_POSITION_FIELDS = (("chuyen_mon", "req_education_level"), ("llct", "req_political_theory"),
                    ("qlnn", "req_state_management"), ("tin_hoc", "req_it"), ("ngoai_ngu", "req_language"))


def _subtree(s: Session, unit_ids: Iterable[int]) -> set[int]:
    children: dict[int | None, list[int]] = defaultdict(list)
    for uid, parent in s.execute(select(OrgUnit.id, OrgUnit.parent_id)):
        children[parent].append(uid)
    seen: set[int] = set()
    stack = list(unit_ids)
    while stack:
        uid = stack.pop()
        if uid not in seen:
            seen.add(uid)
            stack.extend(children.get(uid, []))
    return seen


def staff_on(s: Session, on: date, unit_ids: set[int] | None = None) -> dict[int, Employment]:
    """The employment covering `on` of every person on staff (the latest when two overlap)."""
    out: dict[int, Employment] = {}
    for e in s.scalars(select(Employment).where(Employment.start_date <= on,
                                                or_(Employment.end_date.is_(None), Employment.end_date >= on))
                       .order_by(Employment.start_date, Employment.id)):
        if unit_ids is None or e.unit_id in unit_ids:
            out[e.person_id] = e
    working = set(s.scalars(select(Person.id).where(Person.status.in_(("working", "seconded", "leave")))))
    return {pid: e for pid, e in out.items() if pid in working}


def requirements_on(s: Session, rulebook: RuleBook, staff: dict[int, Employment], on: date
                    ) -> dict[int, list[tr.Requirement]]:
    """Per person: the requirements of the main job position held on `on` and of every post they are planned for
    in a period not over by then (the period's own rule version says what each post needs)."""
    out: dict[int, list[tr.Requirement]] = defaultdict(list)
    pos_ids = {e.position_id for e in staff.values() if e.position_id}
    positions = {p.id: p for p in s.scalars(select(JobPosition).where(JobPosition.id.in_(pos_ids)))} if pos_ids else {}
    for pid, e in staff.items():
        pos = positions.get(e.position_id) if e.position_id else None
        if pos is None:
            continue
        levels = {kind: getattr(pos, attr) for kind, attr in _POSITION_FIELDS}
        out[pid] += tr.requirements_from(levels, "position", f"vị trí việc làm {pos.name}")
    units = {u.id: u for u in s.scalars(select(OrgUnit))}
    rules_cache: dict[str, Any] = {}
    q = (select(PlanningEntry.person_id, PlanningPost.post_code, PlanningPost.unit_id, PlanningPeriod.rule_version,
                PlanningPeriod.code)
         .join(PlanningPost, PlanningPost.id == PlanningEntry.post_id)
         .join(PlanningPeriod, PlanningPeriod.id == PlanningEntry.period_id)
         .where(PlanningEntry.status == "active", PlanningPeriod.end_year >= on.year,
                PlanningEntry.approved_on <= on))
    for pid, post_code, unit_id, version, period_code in s.execute(q):
        if pid not in staff:
            continue
        if version not in rules_cache:
            rules_cache[version] = planning_rules(rulebook, version)
        unit = units.get(unit_id)
        title = pl.post_title(post_code, unit.name if unit else "", unit.kind if unit else None)
        out[pid] += tr.requirements_from(rules_cache[version].requirement(post_code), "planning",
                                         f"{title} (quy hoạch {period_code.replace('-', '–')})")
    return out


def gap_rows(s: Session, rulebook: RuleBook, on: date, unit_ids: Iterable[int] | None = None,
             person_ids: Iterable[int] | None = None) -> list[GapRow]:
    """Every person on staff (within the units and their sub-units) with the requirements they do not meet."""
    scope = _subtree(s, unit_ids) if unit_ids is not None else None
    staff = staff_on(s, on, scope)
    if person_ids is not None:
        wanted = set(person_ids)
        staff = {pid: e for pid, e in staff.items() if pid in wanted}
    reqs = requirements_on(s, rulebook, staff, on)
    held = held_levels(s, reqs.keys(), on)
    found: dict[int, list[tr.Gap]] = {}
    for pid, rs in reqs.items():
        missing = tr.gaps(rs, held.get(pid, {}))
        if missing:
            found[pid] = missing
    if not found:
        return []
    info = person_info(s, found.keys(), on)
    answered = answered_needs(s, found.keys(), on)
    rows = []
    for pid, gs in found.items():
        i = info[pid]
        for g in gs:
            rows.append(GapRow(pid, i.full_name, i.unit_id, i.unit_code, i.unit_name, i.post, g,
                               answered.get((pid, g.course_type or ""), "")))
    units = {u.id: (u.sort_order, u.id) for u in s.scalars(select(OrgUnit))}
    sort_keys = dict(s.execute(select(Person.id, Person.sort_key).where(Person.id.in_(list(found)))).all())
    rows.sort(key=lambda r: (units.get(r.unit_id or -1, (999, 0)), sort_keys.get(r.person_id) or "", r.person_id,
                             r.source != "position"))
    return rows


def answered_needs(s: Session, person_ids: Iterable[int], on: date) -> dict[tuple[int, str], str]:
    """(person, course type) → how the need is already answered: sent to a course, or a line of this year's (or a
    later) plan."""
    ids = sorted(set(person_ids))
    out: dict[tuple[int, str], str] = {}
    for chunk in chunks(ids):
        for pid, ctype, name, start in s.execute(
                select(TrainingRecord.person_id, Course.course_type, Course.name, TrainingRecord.start_date)
                .join(Course, Course.id == TrainingRecord.course_id)
                .where(TrainingRecord.person_id.in_(chunk), TrainingRecord.status == "sent")):
            out[(pid, ctype)] = f"Đang học: {name} (từ {start:%d/%m/%Y})"
        for line_person, ctype, year in s.execute(
                select(TrainingPlanLine.person_id, TrainingPlanLine.course_type, TrainingPlan.year)
                .join(TrainingPlan, TrainingPlan.id == TrainingPlanLine.plan_id)
                .where(TrainingPlanLine.person_id.in_(chunk), TrainingPlan.year >= on.year)
                .order_by(TrainingPlan.year)):
            if line_person is not None:  # always: the lines asked for name these people
                out.setdefault((line_person, ctype), f"Có trong kế hoạch năm {year}")
    return out


@dataclass(frozen=True)
class NeedRow:
    unit_code: str
    unit_name: str
    counts: dict[str, int]  # course type → people

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    @classmethod
    def of_gaps(cls, rows: Sequence[GapRow]) -> tuple[list[str], list[NeedRow]]:
        """(course types present, per unit the number of people needing each): one person counts once per type."""
        seen: set[tuple[int, str]] = set()
        acc: dict[str, NeedRow] = {}
        types: set[str] = set()
        for r in rows:
            ctype = r.gap.course_type or f"{r.gap.kind}:khac"
            if (r.person_id, ctype) in seen:
                continue
            seen.add((r.person_id, ctype))
            types.add(ctype)
            row = acc.setdefault(r.unit_code, cls(r.unit_code, r.unit_name, {}))
            row.counts[ctype] = row.counts.get(ctype, 0) + 1
        order = {it["code"]: i for i, it in enumerate(tr.course_types())}
        return sorted(types, key=lambda t: (order.get(t, 99), t)), list(acc.values())


# ============================================================================================== plan vs actual


@dataclass(frozen=True)
class ActualRow:
    course_type: str
    planned: int
    sent: int
    completed: int
    planned_cost: Decimal
    actual_cost: Decimal
    outside_plan: int

    @property
    def label(self) -> str:
        return tr.course_type_label(self.course_type)

    def to_json(self) -> dict[str, Any]:
        return {"course_type": self.course_type, "label": self.label, "planned": self.planned, "sent": self.sent,
                "completed": self.completed, "planned_cost": str(self.planned_cost),
                "actual_cost": str(self.actual_cost), "outside_plan": self.outside_plan}


def plan_vs_actual(s: Session, year: int) -> list[ActualRow]:
    """Per course type: people planned, sent (the plan's lines and courses started that year), completed, cost."""
    plan = s.scalar(select(TrainingPlan).where(TrainingPlan.year == year))
    planned: dict[str, list[Any]] = defaultdict(lambda: [0, Decimal(0)])
    line_ids: set[int] = set()
    if plan is not None:
        for ln in s.scalars(select(TrainingPlanLine).where(TrainingPlanLine.plan_id == plan.id)):
            planned[ln.course_type][0] += ln.people
            planned[ln.course_type][1] += ln.estimated_cost or Decimal(0)
            line_ids.add(ln.id)
    actual: dict[str, list[Any]] = defaultdict(lambda: [0, 0, Decimal(0), 0])
    q = (select(TrainingRecord, Course.course_type).join(Course, Course.id == TrainingRecord.course_id)
         .where(or_(TrainingRecord.plan_line_id.in_(line_ids) if line_ids else false(),
                    TrainingRecord.start_date.between(date(year, 1, 1), date(year, 12, 31)))))
    for rec, ctype in s.execute(q):
        if rec.status == "withdrawn":
            continue
        a = actual[ctype]
        a[0] += 1
        a[1] += rec.status == "completed"
        a[2] += rec.cost or Decimal(0)
        a[3] += rec.plan_line_id not in line_ids
    order = {it["code"]: i for i, it in enumerate(tr.course_types())}
    keys = sorted(set(planned) | set(actual), key=lambda k: (order.get(k, 99), k))
    return [ActualRow(k, planned[k][0], actual[k][0], actual[k][1], planned[k][1], actual[k][2], actual[k][3])
            for k in keys]


def unit_ids(s: Session, unit: int | str | None) -> list[int] | None:
    """The unit asked for by id or code (None for every unit); one outside the account's units reads as missing."""
    if unit is None or unit == "":
        return None
    if isinstance(unit, int):
        check_unit(s, unit)
        return [unit]
    uid = s.scalar(select(OrgUnit.id).where(OrgUnit.code == unit))
    check_unit(s, uid)  # the same words for a unit outside the account's units and for one that does not exist
    if uid is None:
        raise NotFoundError("unit_not_found", f"Không có đơn vị mã {unit}.", field="unit")
    return [uid]


@dataclass(frozen=True)
class CandidateRow:
    person_id: int
    full_name: str
    birth_date: date
    unit_name: str
    post: str


def staff_candidates(s: Session, folded: str, on: date, limit: int) -> list[CandidateRow]:
    """People on staff on `on` whose folded name contains `folded`, in given-name order."""
    staff = staff_on(s, on)
    ids = list(s.scalars(select(Person.id).where(Person.id.in_(list(staff)), Person.name_folded.contains(folded))
                         .order_by(Person.sort_key).limit(limit)))
    info = person_info(s, ids, on)
    return [CandidateRow(pid, info[pid].full_name, info[pid].birth_date, info[pid].unit_name, info[pid].post)
            for pid in ids]
