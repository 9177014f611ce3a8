"""Appointment from the plan: the person takes the post (a held post with its term), their entry for it is closed as
appointed; appointing someone not planned for the post needs a reason, kept as a note."""


from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from hrapp import catalogs, messages
from hrapp.context import ServiceContext
from hrapp.db.models import (
    Note,
    OrgUnit,
    Person,
    PlanningEntry,
    PlanningPeriod,
    PlanningPost,
    PostHeld,
)
from hrapp.domain import planning as pl
from hrapp.domain.allowances import appointed_allowance
from hrapp.domain.appointments import term_end
from hrapp.domain.decisions import effective_date
from hrapp.domain.retirement import retirement
from hrapp.domain.validation import dmy
from hrapp.errors import DomainError, NotFoundError, ValidationError
from hrapp.queries import _planning_rows as q
from hrapp.queries._retirement import retirement_exceptions
from hrapp.security import READ, WRITE, require
from hrapp.services.agency import agency_province
from hrapp.services.decisions import DecisionRef, add_decision
from hrapp.services.planning._shared import (
    clean,
)
from hrapp.services.planning.entries import close_entry
from hrapp.services.snapshot import refresh_snapshot

OVERRIDE_TOPIC = "bo_nhiem_ngoai_quy_hoach"
APPOINT_KINDS = ("bo_nhiem", "giao_phu_trach", "dieu_dong", "luan_chuyen")


@dataclass(frozen=True)
class AppointInput:
    """Appointing a person to a post; `override_reason` is required when the person is not planned for it."""

    person_id: int
    unit_id: int
    post_code: str
    decision: DecisionRef
    start_date: date | None = None  # None: the decision's effective date
    kind: str = "bo_nhiem"
    override_reason: str | None = None


@dataclass(frozen=True)
class AppointResult:
    post_held_id: int
    entry_id: int | None
    override: bool
    term_end: date | None
    warnings: tuple[str, ...] = field(default=())


def planned_entry(ctx: ServiceContext, person_id: int, unit_id: int, post_code: str, on: date) -> q.EntryRow | None:
    """The person's active entry for this post usable for an appointment on `on` (None: not planned for it)."""
    require(ctx, READ)
    with ctx.read() as s:
        entry_id = _planned_entry_id(s, person_id, unit_id, post_code, on)
        if entry_id is None:
            return None
        entry = s.get(PlanningEntry, entry_id)
        assert entry is not None
        return next(e for e in q.list_entries(s, entry.period_id) if e.id == entry_id)


def _planned_entry_id(s: Session, person_id: int, unit_id: int, post_code: str, on: date) -> int | None:
    """The active entry for the post approved by `on` in a period not over by then (the current term's plan
    first, then the next term's, which appointments may also draw on)."""
    rows = s.execute(
        select(PlanningEntry.id, PlanningPeriod.start_year, PlanningEntry.approved_on)
        .join(PlanningPost, PlanningPost.id == PlanningEntry.post_id)
        .join(PlanningPeriod, PlanningPeriod.id == PlanningEntry.period_id)
        .where(PlanningEntry.person_id == person_id, PlanningEntry.status == "active",
               PlanningPost.unit_id == unit_id, PlanningPost.post_code == post_code,
               PlanningPeriod.end_year >= on.year, PlanningEntry.approved_on <= on)
    ).all()
    if not rows:
        return None
    return min(rows, key=lambda r: (r.start_year > on.year, r.start_year, -r.approved_on.toordinal())).id


def appoint(ctx: ServiceContext, dto: AppointInput) -> AppointResult:
    """Appoint a person to a post in one transaction: the post held (term of 5 years or to retirement, the
    previous main post ended the day before) and the planning entry marked appointed. Someone not planned
    for the post needs an explicit override reason, kept as a note on the person's record."""
    require(ctx, WRITE)
    with ctx.unit_of_work() as s:
        person = s.get(Person, dto.person_id)
        if person is None:
            raise NotFoundError("person_not_found", "Không tìm thấy hồ sơ này.", field="person_id")
        decision = add_decision(s, dto.decision)
        start = dto.start_date or effective_date(decision)
        errors: list[tuple[str, str]] = []
        if dto.post_code not in catalogs.labels("post"):
            errors.append(("post_code", messages.text("post_missing")))
        if dto.kind not in APPOINT_KINDS:
            errors.append(("kind", messages.text("appointment_kind_invalid", kind=dto.kind)))
        unit = s.get(OrgUnit, dto.unit_id) if dto.unit_id is not None else None  # no unit chosen yet
        if unit is None:
            errors.append(("unit_id", messages.text("plan_unit_missing")))
        elif (unit.active_to is not None and start > unit.active_to) or \
                (unit.active_from is not None and start < unit.active_from):
            errors.append(("unit_id", messages.text("unit_inactive_on", unit=unit.name, day=start)))
        if person.status not in ("working", "seconded", "leave"):
            errors.append(("person_id", messages.text("person_not_working", name=person.full_name)))
        if errors:
            raise ValidationError(errors)
        assert unit is not None
        title = pl.post_title(dto.post_code, unit.name, unit.kind)
        entry_id = _planned_entry_id(s, person.id, unit.id, dto.post_code, start)
        override = clean(dto.override_reason)
        if entry_id is None and override is None:
            raise DomainError("not_planned", f"{person.full_name} không có trong quy hoạch chức danh {title}. Bổ nhiệm "
                              "người ngoài quy hoạch phải ghi rõ lý do.", field="override_reason")
        retire = retirement(q.sex_of(person.gender), q.birth_of(person.birth_date, person.birth_precision),
                            ctx.rulebook, retirement_exceptions(s, None, [person.id]).get(person.id)).retirement_date
        try:
            term = term_end(start, retire, ctx.rulebook)
        except DomainError as exc:
            raise ValidationError([("start_date", exc.message)]) from None
        for old in s.scalars(select(PostHeld).where(PostHeld.person_id == person.id,
                                                    PostHeld.is_concurrent.is_(False))):
            if old.start_date < start and (old.end_date is None or old.end_date >= start):
                old.end_date = start - timedelta(days=1)
                old.end_reason = old.end_reason or catalogs.label("appointment_kind", dto.kind)
                old.end_decision_id = decision.id
        allowance = appointed_allowance(dto.post_code, agency_province(s), ctx.rulebook, start,
                                        catalogs.extra("post", dto.post_code).get("allowance"))
        held = PostHeld(person_id=person.id, post_code=dto.post_code, post_title=catalogs.label("post", dto.post_code),
                        unit_id=unit.id, kind=dto.kind, start_date=start, term_end=term.end, is_concurrent=False,
                        allowance_coefficient=allowance,
                        decision_id=decision.id)
        s.add(held)
        s.flush()
        warnings: list[str] = []
        if entry_id is not None:
            entry = s.get(PlanningEntry, entry_id)
            assert entry is not None
            close_entry(s, entry, pl.HOLDS_POST, f"Được bổ nhiệm {title} từ ngày {dmy(start)}.", decision.id, start, None,
                   held.id)
        else:
            s.add(Note(person_id=person.id, topic=OVERRIDE_TOPIC,
                       text=f"Bổ nhiệm {title} từ ngày {dmy(start)} khi không có trong quy hoạch chức danh này. "
                            f"Lý do: {override}"))
            warnings.append(f"{person.full_name} được bổ nhiệm ngoài quy hoạch: {override}")
        refresh_snapshot(s, person)
        held_id = held.id
    return AppointResult(held_id, entry_id, entry_id is None, term.end, tuple(warnings))
