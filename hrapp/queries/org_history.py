"""The organisation as it stood on a date: unit names and parents from the unit history, leaders, events. Session
helpers, read inside a query behind the boundary (hrapp.queries.lookups.units_on) or a use case's own session
(hrapp.services.org)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from hrapp import catalogs
from hrapp.db.models import Decision, OrgUnit, OrgUnitEvent, Person, PostHeld
from hrapp.db.scope import scope_units
from hrapp.domain.history import in_force


@dataclass(frozen=True)
class UnitAt:
    """A unit with the name and parent it had on the chosen day, in tree order (`depth` 0 = root)."""

    id: int
    code: str
    name: str
    short_name: str | None
    kind: str
    parent_id: int | None
    depth: int
    active_from: date | None
    active_to: date | None


@dataclass(frozen=True)
class UnitEventRow:
    """One line of a unit's history (create, rename, move, merge, merge_in, close)."""

    id: int
    unit_id: int
    kind: str
    event_date: date
    old_value: str | None
    new_value: str | None
    other_unit_id: int | None
    other_unit_code: str | None
    decision_id: int | None
    decision_number: str | None
    decision_sign_date: date | None
    note: str | None


@dataclass(frozen=True)
class LeaderRow:
    """A leadership post of a unit and who holds it on the day."""

    post_id: int
    post_code: str
    post_title: str
    person_id: int
    full_name: str
    start_date: date
    term_end: date | None
    is_concurrent: bool


def _later_events(session: Session, kinds: Iterable[str], on: date) -> dict[int, OrgUnitEvent]:
    """Per unit, the first event of these kinds that took effect after `on` (it holds the value before)."""
    rows = session.scalars(
        select(OrgUnitEvent)
        .where(OrgUnitEvent.kind.in_(list(kinds)), OrgUnitEvent.event_date > on)
        .order_by(OrgUnitEvent.event_date, OrgUnitEvent.id)
    ).all()
    first: dict[int, OrgUnitEvent] = {}
    for ev in rows:
        first.setdefault(ev.unit_id, ev)
    return first


def _names_at(session: Session, on: date) -> dict[int, str]:
    """Every unit's name valid on `on`: the name before the first rename after that day, else today's."""
    current = dict(session.execute(select(OrgUnit.id, OrgUnit.name)).all())
    for unit_id, ev in _later_events(session, ["rename"], on).items():
        if ev.old_value:
            current[unit_id] = ev.old_value
    return current


def _parents_at(session: Session, on: date) -> dict[int, int | None]:
    """Every unit's parent on `on`: the parent before the first move after that day, else today's."""
    current = dict(session.execute(select(OrgUnit.id, OrgUnit.parent_id)).all())
    for unit_id, ev in _later_events(session, ["move"], on).items():
        current[unit_id] = ev.previous_parent_id
    return current


def _unit_name_at(session: Session, unit_id: int, on: date) -> str:
    unit = session.get(OrgUnit, unit_id)
    if unit is None:
        return ""
    ev = session.scalars(
        select(OrgUnitEvent)
        .where(OrgUnitEvent.unit_id == unit_id, OrgUnitEvent.kind == "rename", OrgUnitEvent.event_date > on)
        .order_by(OrgUnitEvent.event_date, OrgUnitEvent.id)
        .limit(1)
    ).first()
    return ev.old_value if ev is not None and ev.old_value else unit.name


def _units_at(session: Session, on: date, *, include_inactive: bool = False) -> list[UnitAt]:
    """The unit tree as it stood on `on`, depth first, siblings by sort order then name.

    Units not yet founded or closed before that day are left out (unless `include_inactive`); a unit whose
    parent is not shown becomes a root so nothing disappears silently.
    """
    units = session.scalars(select(OrgUnit)).all()
    names = _names_at(session, on)
    parents = _parents_at(session, on)
    shown = [u for u in units if include_inactive or in_force(u.active_from, u.active_to, on)]
    present = {u.id for u in shown}
    children: dict[int | None, list[OrgUnit]] = {}
    for u in shown:
        parent = parents.get(u.id)
        children.setdefault(parent if parent in present else None, []).append(u)
    for siblings in children.values():
        siblings.sort(key=lambda u: (u.sort_order, names.get(u.id, u.name), u.id))
    out: list[UnitAt] = []
    stack: list[tuple[OrgUnit, int]] = [(u, 0) for u in reversed(children.get(None, []))]
    seen: set[int] = set()
    while stack:
        u, depth = stack.pop()
        if u.id in seen:  # defensive: a cycle in old data must not hang the report
            continue
        seen.add(u.id)
        parent = parents.get(u.id)
        out.append(UnitAt(
            id=u.id, code=u.code, name=names.get(u.id, u.name), short_name=u.short_name, kind=u.kind,
            parent_id=parent if parent in present else None, depth=depth, active_from=u.active_from,
            active_to=u.active_to,
        ))
        stack.extend((c, depth + 1) for c in reversed(children.get(u.id, [])))
    return out


def _within_scope(session: Session, tree: list[UnitAt]) -> list[UnitAt]:
    """The units of `tree` the session may read people of (all of them for an account of the whole department);
    a kept unit whose parent is left out becomes a root, its sub-units one level higher."""
    scope = scope_units(session)
    if scope is None:
        return tree
    out: list[UnitAt] = []
    depth: dict[int, int] = {}
    for u in tree:  # depth first: a parent comes before its children
        if u.id not in scope:
            continue
        parent = u.parent_id if u.parent_id in depth else None
        depth[u.id] = depth[parent] + 1 if parent is not None else 0
        out.append(replace(u, parent_id=parent, depth=depth[u.id]))
    return out


def _descendants(session: Session, unit_id: int) -> set[int]:
    """Ids of every unit below `unit_id` in today's tree (not including itself)."""
    pairs = session.execute(select(OrgUnit.id, OrgUnit.parent_id)).all()
    children: dict[int | None, list[int]] = {}
    for uid, parent in pairs:
        children.setdefault(parent, []).append(uid)
    out: set[int] = set()
    stack = list(children.get(unit_id, []))
    while stack:
        uid = stack.pop()
        if uid in out:
            continue
        out.add(uid)
        stack.extend(children.get(uid, []))
    return out


def _unit_events(session: Session, unit_id: int) -> list[UnitEventRow]:
    """The unit's history, oldest first."""
    q = (
        select(OrgUnitEvent, OrgUnit.code, Decision.number, Decision.sign_date)
        .outerjoin(OrgUnit, OrgUnit.id == OrgUnitEvent.other_unit_id)
        .outerjoin(Decision, Decision.id == OrgUnitEvent.decision_id)
        .where(OrgUnitEvent.unit_id == unit_id)
        .order_by(OrgUnitEvent.event_date, OrgUnitEvent.id)
    )
    return [
        UnitEventRow(
            id=ev.id, unit_id=ev.unit_id, kind=ev.kind, event_date=ev.event_date, old_value=ev.old_value,
            new_value=ev.new_value, other_unit_id=ev.other_unit_id, other_unit_code=other_code,
            decision_id=ev.decision_id, decision_number=number, decision_sign_date=signed, note=ev.note,
        )
        for ev, other_code, number, signed in session.execute(q)
    ]


def _leaders_at(session: Session, unit_id: int, on: date) -> list[LeaderRow]:
    """Posts held in the unit on `on` (start ≤ day ≤ end), heads before deputies, then by start date."""
    q = (
        select(PostHeld, Person.full_name)
        .join(Person, Person.id == PostHeld.person_id)
        .where(
            PostHeld.unit_id == unit_id,
            PostHeld.start_date <= on,
            (PostHeld.end_date.is_(None)) | (PostHeld.end_date >= on),
        )
    )
    rows = [
        LeaderRow(
            post_id=p.id, post_code=p.post_code, post_title=p.post_title, person_id=p.person_id,
            full_name=name, start_date=p.start_date, term_end=p.term_end, is_concurrent=p.is_concurrent,
        )
        for p, name in session.execute(q)
    ]
    rows.sort(key=lambda r: (-int(catalogs.extra("post", r.post_code).get("rank", 0)), r.start_date, r.post_id))
    return rows
