"""Read side of the organisation: the unit tree as frozen rows in display order (parent before children), read in
the session of a query behind the boundary (hrapp.queries.lookups.unit_choices)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from hrapp.db.models import OrgUnit
from hrapp.db.scope import scope_units
from hrapp.domain.history import in_force


@dataclass(frozen=True)
class UnitNode:
    id: int
    code: str
    name: str
    parent_id: int | None
    kind: str
    depth: int


def _unit_tree(session: Session, active_on: date | None = None) -> list[UnitNode]:
    """Every unit depth-first (siblings by sort order, then name); `active_on` keeps only units open that day.

    A unit whose parent is filtered out (or missing) is shown as a root so nothing disappears silently.
    """
    rows = session.execute(
        select(OrgUnit.id, OrgUnit.code, OrgUnit.name, OrgUnit.parent_id, OrgUnit.kind, OrgUnit.sort_order,
               OrgUnit.active_from, OrgUnit.active_to)
    ).all()
    if active_on is not None:
        rows = [r for r in rows if in_force(r.active_from, r.active_to, active_on)]
    scope = scope_units(session)
    if scope is not None:  # an account limited to some units chooses among those (combos, pickers)
        rows = [r for r in rows if r.id in scope]
    present = {r.id for r in rows}
    children: dict[int | None, list] = {}
    for r in rows:
        parent = r.parent_id if r.parent_id in present else None
        children.setdefault(parent, []).append(r)
    for siblings in children.values():
        siblings.sort(key=lambda r: (r.sort_order, r.name, r.id))
    out: list[UnitNode] = []
    stack = [(r, 0) for r in reversed(children.get(None, []))]
    while stack:
        r, depth = stack.pop()
        parent = r.parent_id if r.parent_id in present else None
        out.append(UnitNode(id=r.id, code=r.code, name=r.name, parent_id=parent, kind=r.kind, depth=depth))
        stack.extend((c, depth + 1) for c in reversed(children.get(r.id, [])))
    return out
