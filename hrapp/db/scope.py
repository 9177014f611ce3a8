"""Unit scope below every query: a session opened for an account limited to some units reads only the people
of those units (and their sub-units), and only the rows of those people, whatever query runs in it.

The service context marks its sessions (`limit_to_units`); one `do_orm_execute` hook adds the criteria to
every ORM select of a person or of a row that belongs to a person (any mapped class with a `person_id`), in
joins, aliases, `Session.get` and relationship loads alike. A person is in scope when the unit of their
current post (`persons.cur_unit_id`) is. Nothing above the session has to remember it.

The only way round it is the execution option `ALL_UNITS`, for checks that must see every person and
then say nothing about them (a CCCD already used elsewhere, before an insert that would break its unique
index). Not filtered, because no mapped class appears in them: statements run on the bare connection
(`session.connection().execute`) and selects of plain `Table` columns (`Person.__table__.c.id`). Queries
that want the bare connection's speed call `reader(session)`, which hands them the session when it is
limited; the few selects of plain table columns (the Excel import's own reads, the export's rows of ids
already narrowed) must only ever be given ids read through the hook.

People a limited session creates are `admit`ted to it until its transaction ends: their unit is recorded
by the snapshot, computed from their rows in the same transaction.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import ColumnElement, Connection, event, or_, select
from sqlalchemy.orm import ORMExecuteState, Session, with_loader_criteria
from sqlalchemy.sql.base import ExecutableOption

from hrapp.db.models import Base, OrgUnit, Person
from hrapp.errors import PermissionDeniedError

ALL_UNITS = "hrapp_all_units"
"""Execution option: this select sees every person (a uniqueness check that reveals nothing of the owner)."""

_ROOTS = "hrapp_unit_scope_roots"
_UNITS = "hrapp_unit_scope_units"
_ADMITTED = "hrapp_unit_scope_admitted"


def limit_to_units(session: Session, roots: Iterable[int] | None) -> None:
    """From now on this session reads only the people of these units and their sub-units (None: everyone)."""
    session.info.pop(_UNITS, None)
    session.info.pop(_ADMITTED, None)
    if roots is None:
        session.info.pop(_ROOTS, None)
    else:
        session.info[_ROOTS] = tuple(roots)


def scope_units(session: Session) -> frozenset[int] | None:
    """The unit ids the session may read people of (sub-units included), or None when it is not limited."""
    roots = session.info.get(_ROOTS)
    if roots is None:
        return None
    units = session.info.get(_UNITS)
    if units is None:
        units = session.info[_UNITS] = unit_closure(session, roots)
    return units


def admit(session: Session, person_ids: Iterable[int]) -> None:
    """People this session has just created: visible to it although their current unit is not recorded yet
    (the snapshot that sets it is computed from their rows, read in the same transaction)."""
    if session.info.get(_ROOTS) is not None:
        session.info[_ADMITTED] = session.info.get(_ADMITTED, frozenset()) | frozenset(person_ids)


@event.listens_for(Session, "after_flush")
def _admit_new_people(session: Session, _context: object) -> None:
    if session.info.get(_ROOTS) is not None:
        admit(session, [o.id for o in session.new if isinstance(o, Person) and o.id is not None])


def unit_closure(session: Session, roots: Iterable[int]) -> frozenset[int]:
    """The units and all their sub-units (read on the bare connection: no ORM hook, no recursion)."""
    units = OrgUnit.__table__
    children: dict[int | None, list[int]] = {}
    for uid, parent in session.connection().execute(select(units.c.id, units.c.parent_id)):
        children.setdefault(parent, []).append(uid)
    seen: set[int] = set()
    stack = list(roots)
    while stack:
        uid = stack.pop()
        if uid in seen:
            continue
        seen.add(uid)
        stack.extend(children.get(uid, []))
    return frozenset(seen)


def visible_person_ids(units: frozenset[int], admitted: frozenset[int] = frozenset()):
    """The ids of the people whose current unit is in `units`, and of those `admitted` (uncorrelated, for
    `person_id IN (...)`)."""
    people = Person.__table__
    rule: ColumnElement[bool] = people.c.cur_unit_id.in_(sorted(units))
    if admitted:
        rule = or_(rule, people.c.id.in_(sorted(admitted)))
    return select(people.c.id).where(rule).correlate(None)


def _person_owned() -> list[type[Base]]:
    """Every mapped class with a `person_id` column: the rows that belong to one person."""
    return sorted((m.class_ for m in Base.registry.mappers if "person_id" in m.columns and m.class_ is not Person),
                  key=lambda c: c.__name__)


def criteria(units: frozenset[int], admitted: frozenset[int] = frozenset()) -> list[ExecutableOption]:
    """The loader criteria that keep a statement to the people of `units` (and those `admitted`) and the rows
    they own."""
    # Lambdas, so that an aliased table (a join to the latest salary row) gets the rule on its own alias.
    ordered, new = sorted(units), sorted(admitted)
    if new:
        person = with_loader_criteria(Person, lambda cls: or_(cls.cur_unit_id.in_(ordered), cls.id.in_(new)),
                                      include_aliases=True)
    else:
        person = with_loader_criteria(Person, lambda cls: cls.cur_unit_id.in_(ordered), include_aliases=True)
    options: list[ExecutableOption] = [person]
    visible = visible_person_ids(units, admitted)
    for owned in _person_owned():
        if owned.__mapper__.columns["person_id"].nullable:  # a group's row, a candidate not hired, names nobody
            options.append(with_loader_criteria(
                owned, lambda cls: or_(cls.person_id.is_(None), cls.person_id.in_(visible)), include_aliases=True))
        else:
            options.append(with_loader_criteria(owned, lambda cls: cls.person_id.in_(visible), include_aliases=True))
    return options


@event.listens_for(Session, "do_orm_execute")
def _keep_to_units(state: ORMExecuteState) -> None:
    if not state.is_select or state.execution_options.get(ALL_UNITS):
        return
    units = scope_units(state.session)
    if units is None:
        return
    state.statement = state.statement.options(*criteria(units, state.session.info.get(_ADMITTED, frozenset())))


def reader(session: Session) -> Connection | Session:
    """What a query runs its plain Core selects on: the bare connection when the session reads everyone (no
    ORM result layer: a third less time for large lists), the session itself when it is limited to some units
    (the hook above then narrows the statement)."""
    return session if scope_units(session) is not None else session.connection()


def check_unit(session: Session, unit_id: int | None) -> None:
    """Refuse a unit asked for by name or id (a list of another unit) when it is outside the session's scope,
    in the same words whether it exists or not: the refusal tells nothing about the other units."""
    units = scope_units(session)
    if units is not None and unit_id not in units:
        raise PermissionDeniedError("out_of_scope", user=session.info.get("user", ""), field="unit")
