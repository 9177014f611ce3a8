"""The reads the window makes, each behind the boundary: `fn(ctx, …)` checks the READ permission and runs in a read
session of its own (an account limited to some units reads only their people: the session narrows itself,
hrapp.db.scope). The UI calls these and never holds a session or writes SQL.

They return frozen rows or plain values (unit choices, the staff list's ids and rows)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from sqlalchemy import select

from hrapp import clock
from hrapp.context import ServiceContext
from hrapp.db.models import OrgUnit
from hrapp.queries import employees
from hrapp.queries.employees import EmployeeFilter, EmployeeRow
from hrapp.queries.org import UnitNode, _unit_tree
from hrapp.queries.org_history import UnitAt, _units_at
from hrapp.security import READ, require

# --- units -------------------------------------------------------------------------------------------------


def unit_choices(ctx: ServiceContext, active_on: date | None = None) -> list[UnitNode]:
    """The units to choose from, as a tree in display order, open on `active_on` (today by default); an account
    limited to some units is offered those only."""
    require(ctx, READ)
    with ctx.read() as s:
        return _unit_tree(s, active_on=active_on or clock.today())


def unit_id_of_code(ctx: ServiceContext, code: str | None) -> int | None:
    """The id of the unit with this code (None for no code or an unknown one)."""
    if not code:
        return None
    require(ctx, READ)
    with ctx.read() as s:
        return s.scalar(select(OrgUnit.id).where(OrgUnit.code == code))


def unit_code_of_id(ctx: ServiceContext, unit_id: int | None) -> str | None:
    """The code of the unit with this id (None for no id or an unknown one)."""
    if not unit_id:
        return None
    require(ctx, READ)
    with ctx.read() as s:
        return s.scalar(select(OrgUnit.code).where(OrgUnit.id == unit_id))


def unit_names(ctx: ServiceContext) -> dict[int, str]:
    """Every unit's name by id, closed units included (an account's scope may name one)."""
    require(ctx, READ)
    with ctx.read() as s:
        return {uid: name for uid, name in s.execute(select(OrgUnit.id, OrgUnit.name))}


def open_units(ctx: ServiceContext) -> list[tuple[int, str]]:
    """(id, name) of the units not closed, in their sort order."""
    require(ctx, READ)
    with ctx.read() as s:
        return [(uid, name) for uid, name in s.execute(
            select(OrgUnit.id, OrgUnit.name).where(OrgUnit.active_to.is_(None))
            .order_by(OrgUnit.sort_order, OrgUnit.id))]


def units_on(ctx: ServiceContext, day: date) -> list[UnitAt]:
    """The organisation as it stood on `day` (hrapp.queries.org_history)."""
    require(ctx, READ)
    with ctx.read() as s:
        return _units_at(s, day)


# --- the staff list ----------------------------------------------------------------------------------------


def staff_ids(ctx: ServiceContext, f: EmployeeFilter) -> list[int]:
    """The ids of the people the filter finds, in the list's order."""
    require(ctx, READ)
    with ctx.read() as s:
        return employees._employee_ids(s, f)


def staff_ids_and_names(ctx: ServiceContext, f: EmployeeFilter) -> tuple[list[int], list[str]]:
    """The ids the filter finds and each one's folded name (for narrowing a search without the database)."""
    require(ctx, READ)
    with ctx.read() as s:
        return employees._employee_ids_and_haystacks(s, f)


def staff_rows(ctx: ServiceContext, ids: Sequence[int]) -> list[EmployeeRow]:
    """The list's rows of these people (those the account may not see, or deleted since, are left out)."""
    require(ctx, READ)
    with ctx.read() as s:
        return employees._employee_rows(s, list(ids))


def staff_first_rows(ctx: ServiceContext, f: EmployeeFilter, first: int) -> tuple[list[int], list[EmployeeRow]]:
    """The ids the filter finds and the rows of the `first` of them, in one read (one snapshot)."""
    require(ctx, READ)
    with ctx.read() as s:
        ids = employees._employee_ids(s, f)
        return ids, employees._employee_rows(s, ids[:first])
