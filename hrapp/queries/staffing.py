"""The staffing view: per unit (and job position) and staff category on a date, the quota for the year,
the people actually employed, the places in open recruitment and the vacancies, rolled up to parents.

Rules (domain.md §2): a person counts for (unit, category) on day D when an employment row of that unit
and category runs on D (start ≤ D ≤ end, open end = still running). Secondments do not move anyone: a
seconded person counts at the home unit. Status (retired, resigned…) does not matter, only the row's
dates. A category with no quota decision for a unit (staff paid from the unit's own revenue) has no
vacancy and is never over quota. Units show the name valid on D; units closed before D are left out, and whatever still points at
them (a quota of the year, a late row) counts at the unit they merged into, else at their parent.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date
from types import MappingProxyType
from typing import NamedTuple

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import Session

from hrapp import clock
from hrapp.catalogs import CATEGORIES
from hrapp.context import ServiceContext
from hrapp.db.models import Employment, HeadcountQuota, JobPosition, OrgUnit
from hrapp.queries.org_history import UnitAt, _units_at, _within_scope
from hrapp.queries.recruitment._places import places_in_rounds
from hrapp.queries.recruitment.dtos import RecruitmentPlaces
from hrapp.security import READ, require

# ----------------------------------------------------------------------------------------------------
# Rows


@dataclass(frozen=True)
class Figures:
    """Quota, actual, in recruitment; vacancy = quota − actual − in recruitment (negative = over quota).

    `assigned` is False when no quota decision covers the figures at all (e.g. staff paid from the unit's
    own revenue, outside the assigned numbers): then there is no vacancy and nothing is over quota.
    """

    quota: int = 0
    actual: int = 0
    in_recruitment: int = 0
    assigned: bool = False

    @property
    def vacancy(self) -> int | None:
        if not self.assigned:
            return None
        return self.quota - self.actual - self.in_recruitment

    @property
    def over_quota(self) -> bool:
        vacancy = self.vacancy
        return vacancy is not None and vacancy < 0

    @property
    def empty(self) -> bool:
        return not (self.assigned or self.actual or self.in_recruitment)

    def __add__(self, other: Figures) -> Figures:
        return Figures(self.quota + other.quota, self.actual + other.actual,
                       self.in_recruitment + other.in_recruitment, self.assigned or other.assigned)

    def to_json(self) -> dict[str, int | None]:
        """Counts as numbers; quota and vacancy null where no quota was assigned."""
        return {"quota": self.quota if self.assigned else None, "actual": self.actual,
                "in_recruitment": self.in_recruitment, "vacancy": self.vacancy}


ZERO = Figures()


def _frozen(d: dict[str, Figures]) -> Mapping[str, Figures]:
    return MappingProxyType(dict(d))


@dataclass(frozen=True)
class StaffingUnitRow:
    """A unit on the day: its own figures and the rolled-up ones (itself plus every unit below it)."""

    unit_id: int
    code: str
    name: str
    short_name: str | None
    kind: str
    parent_id: int | None
    parent_code: str | None
    depth: int
    has_children: bool
    own: Mapping[str, Figures]
    total: Mapping[str, Figures]

    def figures(self, category: str, rolled: bool = True) -> Figures:
        return (self.total if rolled else self.own).get(category, ZERO)

    @property
    def overall(self) -> Figures:
        """The categories under a quota, added up (so that quota − actual − in recruitment holds)."""
        return sum((f for f in self.total.values() if f.assigned), ZERO)

    @property
    def has_quota(self) -> bool:
        """Whether any quota decision covers the year."""
        return any(f.assigned for f in self.total.values())

    @property
    def outside_quota(self) -> int:
        """People of categories without any quota here (paid from the unit's own revenue)."""
        return sum(f.actual for f in self.total.values() if not f.assigned)

    @property
    def people(self) -> int:
        return sum(f.actual for f in self.total.values())

    @property
    def over_quota(self) -> bool:
        return any(f.over_quota for f in self.total.values())


@dataclass(frozen=True)
class StaffingPositionRow:
    """A job position of a unit on the day: people needed, holders by category, places in recruitment.
    `position_id` None is the row of the unit's people who have no position."""

    unit_id: int
    position_id: int | None
    code: str
    name: str
    group: str | None
    status: str | None
    number_needed: int
    actual: Mapping[str, int]
    in_recruitment: int

    @property
    def actual_total(self) -> int:
        return sum(self.actual.values())

    @property
    def vacancy(self) -> int:
        return self.number_needed - self.actual_total - self.in_recruitment

    @property
    def over_quota(self) -> bool:
        return self.position_id is not None and self.vacancy < 0


@dataclass(frozen=True)
class StaffingTable:
    year: int
    as_of: date
    categories: tuple[str, ...]  # the categories with any figure, in catalogue order
    units: tuple[StaffingUnitRow, ...]
    totals: Mapping[str, Figures]  # every category of the catalogue
    positions: tuple[StaffingPositionRow, ...] = field(default=())

    @property
    def overall(self) -> Figures:
        """Every category under a quota, added up."""
        return sum((f for f in self.totals.values() if f.assigned), ZERO)

    @property
    def has_quota(self) -> bool:
        """Whether any quota decision covers the year."""
        return any(f.assigned for f in self.totals.values())

    @property
    def outside_quota(self) -> int:
        """People of categories no quota decision covers."""
        return sum(f.actual for f in self.totals.values() if not f.assigned)

    @property
    def people(self) -> int:
        return sum(f.actual for f in self.totals.values())

    def positions_of(self, unit_id: int) -> list[StaffingPositionRow]:
        return [p for p in self.positions if p.unit_id == unit_id]

    def json_rows(self) -> list[dict[str, object]]:
        """One row per unit and category with any figure; parent rows include their sub-units."""
        rows: list[dict[str, object]] = []
        for u in self.units:
            for cat in self.categories:
                f = u.figures(cat)
                if f.empty:
                    continue
                rows.append({"code": u.code, "name": u.name, "parent_code": u.parent_code, "category": cat,
                             **f.to_json()})
        return rows

    def to_json(self) -> dict[str, object]:
        return {
            "year": self.year,
            "as_of": self.as_of.isoformat(),
            "units": self.json_rows(),
            "totals": {cat: self.totals.get(cat, ZERO).to_json() for cat in CATEGORIES},
            "overall": self.overall.to_json(),
            "outside_quota": {"actual": self.outside_quota},
        }


# ----------------------------------------------------------------------------------------------------
# The query


class _Count(NamedTuple):
    """People counted together: the same unit, category and job position."""

    unit_id: int
    category: str
    position_id: int | None
    n: int


def _counts_on(session: Session, on: date) -> list[_Count]:
    """People per unit, category and job position on `on`, counted in the database: one running employment
    per person (the latest started, then the latest recorded, if records overlap). The running rows are
    counted by group, then the few people with overlapping rows have their other rows taken off."""
    e = Employment
    running = and_(e.start_date <= on, or_(e.end_date.is_(None), e.end_date >= on))
    counts: dict[tuple[int, str, int | None], int] = {
        (unit, cat, pos): n for unit, cat, pos, n in session.execute(
            select(e.unit_id, e.category, e.position_id, func.count()).where(running)
            .group_by(e.unit_id, e.category, e.position_id))
    }
    overlapping = select(e.person_id).where(running).group_by(e.person_id).having(func.count() > 1)
    held: dict[int, tuple] = {}
    for pid, rid, start, unit, cat, pos in session.execute(
        select(e.person_id, e.id, e.start_date, e.unit_id, e.category, e.position_id)
        .where(running, e.person_id.in_(overlapping))
    ):
        other = held.get(pid)
        if other is None or (start, rid) > other[:2]:
            held[pid], dropped = (start, rid, unit, cat, pos), other
        else:
            dropped = (start, rid, unit, cat, pos)
        if dropped is not None:
            counts[dropped[2:]] -= 1
    return [_Count(unit, cat, pos, n) for (unit, cat, pos), n in counts.items() if n]


def _resolver(session: Session, shown: dict[int, UnitAt]) -> Callable[[int], int | None]:
    """Map a unit id to the shown unit that stands for it on the day: itself, else the unit it merged
    into, else its parent (repeatedly); None if nothing shown is reachable."""
    info = {uid: (merged, parent) for uid, merged, parent in
            session.execute(select(OrgUnit.id, OrgUnit.merged_into_id, OrgUnit.parent_id))}
    cache: dict[int, int | None] = {}

    def resolve(uid: int) -> int | None:
        if uid in cache:
            return cache[uid]
        seen: list[int] = []
        cur: int | None = uid
        while cur is not None and cur not in shown and cur not in seen:
            seen.append(cur)
            merged, parent = info.get(cur, (None, None))
            cur = merged if merged is not None else parent
        result = cur if cur in shown else None
        for s in seen:
            cache[s] = result
        return result

    return resolve


def _staffing_table(session: Session, year: int, on: date, *, with_positions: bool = False) -> StaffingTable:
    """The staffing view for the quota `year` as it stood on `on` (see the module docstring)."""
    tree = _within_scope(session, _units_at(session, on))  # an account limited to some units sees those
    shown = {u.id: u for u in tree}
    resolve = _resolver(session, shown)
    own: dict[int, dict[str, Figures]] = {u.id: {} for u in tree}
    orphan: dict[str, Figures] = {}

    def add(uid: int, category: str, f: Figures) -> None:
        target = resolve(uid)
        bucket = own[target] if target is not None else orphan
        bucket[category] = bucket.get(category, ZERO) + f

    for q in session.scalars(select(HeadcountQuota).where(HeadcountQuota.year == year)):
        add(q.unit_id, q.category, Figures(quota=q.number, assigned=True))
    employments = _counts_on(session, on)
    for e in employments:
        add(e.unit_id, e.category, Figures(actual=e.n))
    places = places_in_rounds(session, year, on)
    for p in places:
        add(p.unit_id, p.category, Figures(in_recruitment=p.places))

    total: dict[int, dict[str, Figures]] = {uid: dict(v) for uid, v in own.items()}
    children: set[int] = set()
    for u in reversed(tree):  # children come after their parent in depth-first order
        if u.parent_id is not None:
            children.add(u.parent_id)
            bucket = total[u.parent_id]
            for cat, f in total[u.id].items():
                bucket[cat] = bucket.get(cat, ZERO) + f

    totals: dict[str, Figures] = {cat: ZERO for cat in CATEGORIES}
    for u in tree:
        if u.parent_id is None:
            for cat, f in total[u.id].items():
                totals[cat] = totals.get(cat, ZERO) + f
    for cat, f in orphan.items():
        totals[cat] = totals.get(cat, ZERO) + f
    categories = tuple(c for c in CATEGORIES if not totals.get(c, ZERO).empty)
    codes = {u.id: u.code for u in tree}
    rows = tuple(
        StaffingUnitRow(
            unit_id=u.id, code=u.code, name=u.name, short_name=u.short_name, kind=u.kind, parent_id=u.parent_id,
            parent_code=codes.get(u.parent_id) if u.parent_id else None, depth=u.depth,
            has_children=u.id in children, own=_frozen(own[u.id]), total=_frozen(total[u.id]),
        )
        for u in tree
    )
    positions = _position_rows(session, tree, employments, places, on) if with_positions else ()
    return StaffingTable(year=year, as_of=on, categories=categories, units=rows,
                         totals=_frozen(totals), positions=positions)


def _position_rows(session: Session, tree: list[UnitAt], employments: list[_Count],
                   places: list[RecruitmentPlaces], on: date) -> tuple[StaffingPositionRow, ...]:
    """Per shown unit: one row per position lineage in force on the day (or still a draft, or held), then
    a row for the unit's people without a position."""
    shown_ids = [u.id for u in tree]
    versions = session.scalars(select(JobPosition).where(JobPosition.unit_id.in_(shown_ids))
                               .order_by(JobPosition.version_no)).all()
    lineage: dict[int, tuple[int, str]] = {}
    by_key: dict[tuple[int, str], list[JobPosition]] = {}
    for v in versions:
        key = (v.unit_id, v.code)
        lineage[v.id] = key
        by_key.setdefault(key, []).append(v)
    # People and places by lineage; positions outside the shown units (or none) fall to "no position".
    held: dict[tuple[int, str], dict[str, int]] = {}
    loose: dict[int, dict[str, int]] = {}
    for e in employments:
        line = lineage.get(e.position_id) if e.position_id is not None else None
        if line is not None and line[0] == e.unit_id:
            d = held.setdefault(line, {})
        elif e.unit_id in loose or e.unit_id in shown_ids:
            d = loose.setdefault(e.unit_id, {})
        else:
            continue
        d[e.category] = d.get(e.category, 0) + e.n
    recruiting: dict[tuple[int, str], int] = {}
    for p in places:
        line = lineage.get(p.position_id) if p.position_id is not None else None
        if line is not None:
            recruiting[line] = recruiting.get(line, 0) + p.places

    def in_force(v: JobPosition) -> bool:
        if v.status == "draft":
            return False
        return v.effective_from is not None and v.effective_from <= on and (
            v.effective_to is None or v.effective_to >= on)

    out: list[StaffingPositionRow] = []
    for u in tree:
        keys = sorted((k for k in by_key if k[0] == u.id), key=lambda k: k[1])
        for key in keys:
            vs = by_key[key]
            current = next((v for v in reversed(vs) if in_force(v)), None)
            pending = all(v.status == "draft" for v in vs)
            if current is None and pending:
                current = vs[-1]
            if current is None and key in held:
                current = vs[-1]
            if current is None:
                continue
            out.append(StaffingPositionRow(
                unit_id=u.id, position_id=current.id, code=current.code, name=current.name, group=current.group,
                status=current.status, number_needed=current.number_needed,
                actual=MappingProxyType(dict(held.get(key, {}))), in_recruitment=recruiting.get(key, 0),
            ))
        if u.id in loose:
            out.append(StaffingPositionRow(
                unit_id=u.id, position_id=None, code="", name="Chưa bố trí vị trí việc làm", group=None,
                status=None, number_needed=0, actual=MappingProxyType(dict(loose[u.id])), in_recruitment=0,
            ))
    return tuple(out)


def _default_quota_year(years: list[int], today: date) -> int:
    """The year a staffing screen opens on: the latest year with quotas up to this one (else the first later
    one), or this year when no quota exists."""
    past = [y for y in years if y <= today.year]
    if past:
        return past[-1]
    return years[0] if years else today.year


def opening_quota_year(ctx: ServiceContext) -> int:
    """The quota year a staffing screen opens on (`_default_quota_year` of the years some quota is assigned for)."""
    require(ctx, READ)
    with ctx.read() as s:
        years = sorted(s.scalars(select(HeadcountQuota.year).distinct()))
    return _default_quota_year(years, clock.today())


def staffing_view(ctx: ServiceContext, year: int, on: date, *, with_positions: bool = False) -> StaffingTable:
    """The staffing table read in its own session (for the UI, the CLI and the printed documents); `_staffing_table`
    is the same read inside a use case's session."""
    require(ctx, READ)
    with ctx.read() as s:
        return _staffing_table(s, year, on, with_positions=with_positions)
