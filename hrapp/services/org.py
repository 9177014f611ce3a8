"""Organisation use cases: create, rename, move, merge and close units by decision, keeping unit history."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from hrapp import catalogs, messages
from hrapp.context import ServiceContext
from hrapp.db.models import (
    Decision,
    Employment,
    JobPosition,
    OrgUnit,
    OrgUnitEvent,
    Person,
    PositionAssignment,
    PostHeld,
)
from hrapp.domain.decisions import effective_date
from hrapp.domain.history import day_before, in_force
from hrapp.errors import DomainError, NotFoundError, ValidationError
from hrapp.queries.org_history import (
    UnitEventRow,
    _descendants,
    _unit_events,
    _unit_name_at,
)
from hrapp.security import READ, WRITE, require
from hrapp.services.decisions import DecisionRef, add_decision
from hrapp.services.position_records import LIVE, clone_position
from hrapp.services.snapshot import refresh_snapshot

CODE_RE = re.compile(r"^[\w.\-/]+$")


# ----------------------------------------------------------------------------------------------------
# DTOs


@dataclass(frozen=True)
class NewUnit:
    """Found a unit (thành lập) by a decision; it is active from the decision's effective date."""

    code: str
    name: str
    kind: str
    parent_id: int | None
    decision: DecisionRef
    short_name: str | None = None
    sort_order: int = 0
    note: str | None = None


@dataclass(frozen=True)
class RenameUnit:
    unit_id: int
    name: str
    decision: DecisionRef
    short_name: str | None = None  # None keeps the current short name


@dataclass(frozen=True)
class MoveUnit:
    unit_id: int
    parent_id: int
    decision: DecisionRef


@dataclass(frozen=True)
class MergeUnits:
    """Sáp nhập: each source unit closes the day before the decision takes effect; its people, sub-units
    and live job positions pass to the target unit from that day."""

    source_ids: tuple[int, ...]
    target_id: int
    decision: DecisionRef


@dataclass(frozen=True)
class CloseUnit:
    """Giải thể: the unit's last day is the day before the decision takes effect."""

    unit_id: int
    decision: DecisionRef


@dataclass(frozen=True)
class UnitDetails:
    """Details that need no decision: short name, display order, remarks."""

    unit_id: int
    short_name: str | None
    sort_order: int
    note: str | None = None


@dataclass(frozen=True)
class UnitInfo:
    id: int
    code: str
    name: str
    short_name: str | None
    kind: str
    parent_id: int | None
    parent_code: str | None
    active_from: date | None
    active_to: date | None
    merged_into_id: int | None
    sort_order: int
    note: str | None

    @property
    def kind_label(self) -> str:
        return catalogs.label("unit_kind", self.kind)


@dataclass(frozen=True)
class MergeResult:
    target: UnitInfo
    closed: tuple[UnitInfo, ...]
    people_moved: int
    positions_moved: int
    units_moved: int
    posts_ended: int




# ----------------------------------------------------------------------------------------------------
# Helpers


def unit_info(session: Session, unit: OrgUnit) -> UnitInfo:
    parent_code = session.scalar(select(OrgUnit.code).where(OrgUnit.id == unit.parent_id)) if unit.parent_id else None
    return UnitInfo(
        id=unit.id, code=unit.code, name=unit.name, short_name=unit.short_name, kind=unit.kind,
        parent_id=unit.parent_id, parent_code=parent_code, active_from=unit.active_from, active_to=unit.active_to,
        merged_into_id=unit.merged_into_id, sort_order=unit.sort_order, note=unit.note,
    )


def get_unit(session: Session, unit_id: int | None, field: str = "unit_id") -> OrgUnit:
    unit = session.get(OrgUnit, unit_id) if unit_id is not None else None
    if unit is None:
        raise NotFoundError("unit_not_found", "Không tìm thấy đơn vị.", field=field)
    return unit


def unit_by_code(session: Session, code: str, field: str = "unit") -> OrgUnit:
    unit = session.scalar(select(OrgUnit).where(OrgUnit.code == code))
    if unit is None:
        raise NotFoundError("unit_not_found", f"Không có đơn vị mã '{code}'.", field=field)
    return unit


def require_active(unit: OrgUnit, on: date, field: str = "unit_id") -> None:
    """Refuse a change on a day the unit does not exist (closed, merged or not yet founded)."""
    if unit.active_to is not None and unit.active_to < on:
        raise DomainError(
            "unit_closed",
            f"Đơn vị {unit.name} đã giải thể hoặc sáp nhập từ ngày {unit.active_to + timedelta(days=1):%d/%m/%Y}.",
            field=field,
        )
    if unit.active_from is not None and unit.active_from > on:
        raise DomainError(
            "unit_not_founded",
            f"Đơn vị {unit.name} chỉ hoạt động từ ngày {unit.active_from:%d/%m/%Y}.",
            field=field,
        )


def _check_after_history(session: Session, unit: OrgUnit, on: date) -> None:
    """History is written in order: a change may not take effect before the unit's latest recorded change."""
    last = session.scalar(select(func.max(OrgUnitEvent.event_date)).where(OrgUnitEvent.unit_id == unit.id))
    if last is not None and on < last:
        raise ValidationError([(
            "decision.effective_date",
            messages.text("unit_change_date_order", last=last, unit=unit.name),
        )])


def _event(session: Session, unit: OrgUnit, kind: str, on: date, decision_id: int, **values: object) -> None:
    session.add(OrgUnitEvent(unit_id=unit.id, kind=kind, event_date=on, decision_id=decision_id, **values))


def _clean(text: str | None) -> str | None:
    text = (text or "").strip()
    return text or None


def _name_errors(name: str | None, field: str = "name") -> list[tuple[str, str]]:
    name = (name or "").strip()
    if not name:
        return [(field, "Chưa nhập tên đơn vị.")]
    if len(name) > 200:
        return [(field, "Tên đơn vị dài quá 200 ký tự.")]
    return []


def _code_errors(session: Session, code: str | None) -> list[tuple[str, str]]:
    code = (code or "").strip()
    if not code:
        return [("code", "Chưa nhập mã đơn vị.")]
    if len(code) > 40 or not CODE_RE.match(code):
        return [("code", "Mã đơn vị chỉ gồm chữ, số và các dấu . - / _ (tối đa 40 ký tự).")]
    if session.scalar(select(OrgUnit.id).where(func.lower(OrgUnit.code) == code.lower())) is not None:
        return [("code", f"Mã đơn vị '{code}' đã có.")]
    return []


def _active_employments(session: Session, unit_ids: list[int], on: date) -> list[Employment]:
    """Employment rows in these units still running on `on` or starting later."""
    return list(session.scalars(
        select(Employment).where(
            Employment.unit_id.in_(unit_ids),
            or_(Employment.end_date.is_(None), Employment.end_date >= on),
        )
    ))


# ----------------------------------------------------------------------------------------------------
# Use cases


def create_unit(ctx: ServiceContext, dto: NewUnit) -> UnitInfo:
    require(ctx, WRITE, dto.parent_id)
    with ctx.unit_of_work() as s:
        errors = _code_errors(s, dto.code) + _name_errors(dto.name)
        if dto.kind not in catalogs.labels("unit_kind"):
            errors.append(("kind", messages.text("unit_kind_missing")))
        if not isinstance(dto.sort_order, int) or isinstance(dto.sort_order, bool):
            errors.append(("sort_order", messages.text("sort_order_integer")))
        if errors:
            raise ValidationError(errors)
        decision = add_decision(s, dto.decision)
        on = effective_date(decision)
        if dto.parent_id is not None:
            require_active(get_unit(s, dto.parent_id, "parent_id"), on, "parent_id")
        unit = OrgUnit(
            code=dto.code.strip(), name=dto.name.strip(), short_name=_clean(dto.short_name), kind=dto.kind,
            parent_id=dto.parent_id, sort_order=dto.sort_order, active_from=on, decision_id=decision.id,
            note=_clean(dto.note),
        )
        s.add(unit)
        s.flush()
        _event(s, unit, "create", on, decision.id, new_value=unit.name)
        return unit_info(s, unit)


def rename_unit(ctx: ServiceContext, dto: RenameUnit) -> UnitInfo:
    """Đổi tên: the old name stays in the history so reports dated earlier print it."""
    require(ctx, WRITE, dto.unit_id)
    with ctx.unit_of_work() as s:
        errors = _name_errors(dto.name)
        if errors:
            raise ValidationError(errors)
        unit = get_unit(s, dto.unit_id)
        name = dto.name.strip()
        if name == unit.name and (dto.short_name is None or _clean(dto.short_name) == unit.short_name):
            raise ValidationError([("name", messages.text("unit_same_name"))])
        decision = add_decision(s, dto.decision)
        on = effective_date(decision)
        require_active(unit, on)
        _check_after_history(s, unit, on)
        if name != unit.name:
            _event(s, unit, "rename", on, decision.id, old_value=unit.name, new_value=name)
            unit.name = name
        if dto.short_name is not None:
            unit.short_name = _clean(dto.short_name)
        return unit_info(s, unit)


def move_unit(ctx: ServiceContext, dto: MoveUnit) -> UnitInfo:
    """Chuyển đơn vị sang trực thuộc đơn vị khác; the former parent is kept in the history."""
    require(ctx, WRITE, dto.unit_id)
    require(ctx, WRITE, dto.parent_id)
    with ctx.unit_of_work() as s:
        unit = get_unit(s, dto.unit_id)
        parent = get_unit(s, dto.parent_id, "parent_id")
        if parent.id == unit.parent_id:
            raise ValidationError([("parent_id", messages.text("unit_already_under", unit=unit.name, parent=parent.name))])
        if parent.id == unit.id or parent.id in _descendants(s, unit.id):
            raise ValidationError([("parent_id", messages.text("unit_move_into_itself"))])
        decision = add_decision(s, dto.decision)
        on = effective_date(decision)
        require_active(unit, on)
        require_active(parent, on, "parent_id")
        _check_after_history(s, unit, on)
        _move(s, unit, parent, on, decision.id)
        return unit_info(s, unit)


def _move(s: Session, unit: OrgUnit, parent: OrgUnit, on: date, decision_id: int, note: str | None = None) -> None:
    old_code = s.scalar(select(OrgUnit.code).where(OrgUnit.id == unit.parent_id)) if unit.parent_id else None
    _event(s, unit, "move", on, decision_id, old_value=old_code, new_value=parent.code, other_unit_id=parent.id,
           previous_parent_id=unit.parent_id, note=note)
    unit.parent_id = parent.id


def merge_units(ctx: ServiceContext, dto: MergeUnits) -> MergeResult:
    """Sáp nhập one or more units into a target, all in one transaction.

    From the effective day E: each source closes on E−1 and is marked merged into the target; its staff get
    a new employment row in the target from E (the old row ends on E−1, history untouched); its live job
    positions continue in the target (reusing a target position of the same code) and the old ones retire;
    secondary positions follow; its sub-units move under the target; leadership posts of the source end on
    E−1 (the merged unit's leaders are appointed anew). Headcount quotas stay with their decisions; the
    staffing view counts a merged unit's quota at the unit it merged into.
    """
    for uid in (dto.target_id, *dto.source_ids):
        require(ctx, WRITE, uid)
    with ctx.unit_of_work() as s:
        sources_ids = tuple(dict.fromkeys(dto.source_ids))
        if not sources_ids:
            raise ValidationError([("source_ids", messages.text("merge_sources_missing"))])
        target = get_unit(s, dto.target_id, "target_id")
        sources = [get_unit(s, sid, "source_ids") for sid in sources_ids]
        for src in sources:
            if src.id == target.id:
                raise ValidationError([("target_id", messages.text("merge_target_same"))])
            if target.id in _descendants(s, src.id):
                raise ValidationError([(
                    "target_id", messages.text("merge_target_below", target=target.name, source=src.name))])
        decision = add_decision(s, dto.decision)
        return merge_into(s, sources, target, decision)


def merge_into(s: Session, sources: list[OrgUnit], target: OrgUnit, decision: Decision) -> MergeResult:
    """The merge itself, inside the caller's unit of work (merge_units, the reorganisation use case)."""
    on = effective_date(decision)
    require_active(target, on, "target_id")
    _check_after_history(s, target, on)
    last_day = day_before(on)
    people = positions = units_moved = posts = 0
    for src in sources:
        require_active(src, on, "source_ids")
        _check_after_history(s, src, on)
        if src.active_from is not None and src.active_from >= on:
            raise ValidationError([(
                "decision.effective_date",
                messages.text("merge_before_founded", unit=src.name, founded=src.active_from))])
        for child in s.scalars(select(OrgUnit).where(OrgUnit.parent_id == src.id)).all():
            if in_force(child.active_from, child.active_to, on) or (child.active_from or on) > on:
                _move(s, child, target, on, decision.id, note=f"Do sáp nhập {src.name}")
                units_moved += 1
        mapping = _carry_positions(s, src, target, on, last_day, decision.id)
        positions += len(mapping)
        people += _carry_people(s, src, target, on, last_day, decision.id, mapping)
        _carry_assignments(s, on, last_day, decision.id, mapping)
        posts += _end_posts(s, src, on, last_day, _reason(f"Đơn vị sáp nhập vào {target.short_name or target.name}"))
        src.active_to = last_day
        src.merged_into_id = target.id
        _event(s, src, "merge", on, decision.id, other_unit_id=target.id, old_value=src.name,
               new_value=target.name)
        _event(s, target, "merge_in", on, decision.id, other_unit_id=src.id, old_value=src.name,
               new_value=target.name)
    s.flush()
    return MergeResult(
        target=unit_info(s, target), closed=tuple(unit_info(s, u) for u in sources), people_moved=people,
        positions_moved=positions, units_moved=units_moved, posts_ended=posts,
    )


def _carry_positions(s: Session, src: OrgUnit, target: OrgUnit, on: date, last_day: date,
                     decision_id: int) -> dict[int, int]:
    """Copy the source's live positions into the target; returns {old position id: new position id}."""
    mapping: dict[int, int] = {}
    live = s.scalars(
        select(JobPosition).where(
            JobPosition.unit_id == src.id, JobPosition.status.in_(LIVE),
            or_(JobPosition.effective_to.is_(None), JobPosition.effective_to >= on),
        )
    ).all()
    for pos in live:
        same = s.scalar(
            select(JobPosition).where(
                JobPosition.unit_id == target.id, JobPosition.code == pos.code,
                JobPosition.status.in_(LIVE),
            ).order_by(JobPosition.version_no.desc())
        )
        if same is None:
            same = clone_position(s, pos, target.id, pos.code)
            if pos.status == "approved":
                same.status = "approved"
                same.decision_id = decision_id
                same.effective_from = on
        mapping[pos.id] = same.id
        pos.status = "retired"
        pos.effective_to = last_day
    # Superseded versions of those positions map to the same successor, so holders of any version follow.
    for old in s.scalars(select(JobPosition).where(JobPosition.unit_id == src.id)).all():
        if old.id not in mapping:
            newer = next((p for p in live if p.code == old.code), None)
            if newer is not None:
                mapping[old.id] = mapping[newer.id]
    return mapping


def _carry_people(s: Session, src: OrgUnit, target: OrgUnit, on: date, last_day: date, decision_id: int,
                  mapping: dict[int, int]) -> int:
    moved: set[int] = set()
    for emp in _active_employments(s, [src.id], on):
        new_position = mapping.get(emp.position_id) if emp.position_id else None
        if emp.start_date >= on:
            # Starts on or after the merge day: it simply belongs to the target.
            emp.unit_id = target.id
            emp.position_id = new_position
        else:
            s.add(Employment(
                person_id=emp.person_id, category=emp.category, unit_id=target.id, position_id=new_position,
                start_date=on, end_date=emp.end_date, end_reason=emp.end_reason,
                recruitment_date=emp.recruitment_date, recruitment_agency=emp.recruitment_agency,
                probation_start=emp.probation_start, probation_end=emp.probation_end,
                probation_pay_percent=emp.probation_pay_percent, decision_id=decision_id,
                note=f"Chuyển do sáp nhập {src.name} vào {target.name}",
            ))
            emp.end_date = last_day
            emp.end_reason = "moved"
        moved.add(emp.person_id)
    s.flush()
    for pid in moved:
        refresh_snapshot(s, s.get_one(Person, pid))
    return len(moved)


def _carry_assignments(s: Session, on: date, last_day: date, decision_id: int, mapping: dict[int, int]) -> None:
    if not mapping:
        return
    rows = s.scalars(
        select(PositionAssignment).where(
            PositionAssignment.position_id.in_(list(mapping)),
            or_(PositionAssignment.end_date.is_(None), PositionAssignment.end_date >= on),
        )
    ).all()
    for a in rows:
        if a.start_date >= on:
            a.position_id = mapping[a.position_id]
            continue
        s.add(PositionAssignment(person_id=a.person_id, position_id=mapping[a.position_id], start_date=on,
                                 end_date=a.end_date, decision_id=decision_id, note=a.note))
        a.end_date = last_day


def _reason(text: str, width: int = 60) -> str:
    """A post's end reason within its column (posts_held.end_reason holds 60 characters): a long unit name is
    cut with an ellipsis rather than refusing the merger or the closing."""
    return text if len(text) <= width else text[: width - 1] + "…"


def _end_posts(s: Session, unit: OrgUnit, on: date, last_day: date, reason: str) -> int:
    rows = s.scalars(
        select(PostHeld).where(PostHeld.unit_id == unit.id, or_(PostHeld.end_date.is_(None), PostHeld.end_date >= on))
    ).all()
    people = set()
    for p in rows:
        if p.start_date >= on:
            raise DomainError("post_after_close",
                              f"Có chức vụ tại {unit.name} bắt đầu từ {p.start_date:%d/%m/%Y}, sau ngày đơn vị "
                              "thôi hoạt động; hãy sửa quá trình chức vụ trước.", field="decision.effective_date")
        p.end_date = last_day
        p.end_reason = reason
        people.add(p.person_id)
    s.flush()
    for pid in people:
        refresh_snapshot(s, s.get_one(Person, pid))
    return len(rows)


def close_unit(ctx: ServiceContext, dto: CloseUnit) -> UnitInfo:
    """Giải thể: refused while people still work there or sub-units are open; live positions retire."""
    require(ctx, WRITE, dto.unit_id)
    with ctx.unit_of_work() as s:
        unit = get_unit(s, dto.unit_id)
        decision = add_decision(s, dto.decision)
        on = effective_date(decision)
        require_active(unit, on)
        _check_after_history(s, unit, on)
        if unit.active_from is not None and unit.active_from >= on:
            raise ValidationError([("decision.effective_date",
                                    messages.text("dissolve_before_founded", founded=unit.active_from))])
        open_children = [
            c.name for c in s.scalars(select(OrgUnit).where(OrgUnit.parent_id == unit.id))
            if c.active_to is None or c.active_to >= on
        ]
        if open_children:
            raise DomainError("unit_has_children",
                              f"Còn đơn vị trực thuộc đang hoạt động: {', '.join(open_children)}. "
                              "Hãy chuyển hoặc giải thể các đơn vị này trước.", field="unit_id")
        staff = {e.person_id for e in _active_employments(s, [unit.id], on)}
        if staff:
            raise DomainError("unit_has_staff",
                              f"Còn {len(staff)} người làm việc tại {unit.name} từ ngày {on:%d/%m/%Y}. "
                              "Hãy điều động họ sang đơn vị khác hoặc dùng sáp nhập.", field="unit_id")
        last_day = day_before(on)
        _end_posts(s, unit, on, last_day, _reason(f"Giải thể {unit.short_name or unit.name}"))
        for pos in s.scalars(select(JobPosition).where(JobPosition.unit_id == unit.id,
                                                       JobPosition.status.in_(LIVE))):
            pos.status = "retired"
            pos.effective_to = last_day
        unit.active_to = last_day
        _event(s, unit, "close", on, decision.id, old_value=unit.name)
        return unit_info(s, unit)


def edit_unit_details(ctx: ServiceContext, dto: UnitDetails) -> UnitInfo:
    require(ctx, WRITE, dto.unit_id)
    with ctx.unit_of_work() as s:
        unit = get_unit(s, dto.unit_id)
        if not isinstance(dto.sort_order, int) or isinstance(dto.sort_order, bool):
            raise ValidationError([("sort_order", messages.text("sort_order_integer"))])
        short = _clean(dto.short_name)
        if short is not None and len(short) > 80:
            raise ValidationError([("short_name", messages.text("short_name_too_long"))])
        unit.short_name = short
        unit.sort_order = dto.sort_order
        unit.note = _clean(dto.note)
        return unit_info(s, unit)


# ----------------------------------------------------------------------------------------------------
# Reading


def get_unit_info(ctx: ServiceContext, unit_id: int) -> UnitInfo:
    require(ctx, READ)
    with ctx.read() as s:
        return unit_info(s, get_unit(s, unit_id))


def unit_history(ctx: ServiceContext, unit_id: int) -> list[UnitEventRow]:
    require(ctx, READ)
    with ctx.read() as s:
        get_unit(s, unit_id)
        return _unit_events(s, unit_id)


def unit_name_on(ctx: ServiceContext, unit_id: int, on: date) -> str:
    require(ctx, READ)
    with ctx.read() as s:
        return _unit_name_at(s, unit_id, on)
