"""The staff list: search (diacritics ignored), filters and Vietnamese given-name order, all in SQL."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass
from datetime import date
from decimal import Decimal

from sqlalchemy import Select, and_, or_, select
from sqlalchemy.orm import Session, aliased

from hrapp.db.models import OrgUnit, Person, Rank
from hrapp.errors import NotFoundError
from hrapp.text import fold

ACTIVE_STATUSES = ("working", "seconded", "leave")


@dataclass(frozen=True)
class EmployeeFilter:
    search: str = ""
    unit_code: str | None = None
    include_subunits: bool = True
    category: str | None = None
    statuses: tuple[str, ...] | None = ACTIVE_STATUSES  # None = every status


@dataclass(frozen=True)
class EmployeeRow:
    id: int
    full_name: str
    birth_date: date
    gender: str
    unit_code: str | None
    unit_name: str | None
    category: str | None
    rank_code: str | None
    rank_name: str | None
    post: str | None
    salary_step: int | None
    coefficient: Decimal | None
    education: str | None
    status: str

    def to_json(self) -> dict:
        d = asdict(self)
        d["birth_date"] = self.birth_date.isoformat()
        d["coefficient"] = str(self.coefficient) if self.coefficient is not None else None
        return d


def search_terms(text: str) -> list[str]:
    return [t for t in fold(text).split(" ") if t]


def unit_ids_under(session: Session, unit_code: str, include_subunits: bool = True) -> list[int]:
    root = session.scalar(select(OrgUnit.id).where(OrgUnit.code == unit_code))
    if root is None:
        raise NotFoundError("unit_not_found", f"Không có đơn vị mã '{unit_code}'.", field="unit")
    if not include_subunits:
        return [root]
    pairs = session.execute(select(OrgUnit.id, OrgUnit.parent_id)).all()
    children: dict[int | None, list[int]] = {}
    for uid, parent in pairs:
        children.setdefault(parent, []).append(uid)
    out, stack = [], [root]
    while stack:
        uid = stack.pop()
        out.append(uid)
        stack.extend(children.get(uid, []))
    return out


def _filtered(session: Session, f: EmployeeFilter) -> Select:
    q = select(Person.id)
    conds = []
    for term in search_terms(f.search):
        # Each typed word must start a word of the name: "nguyen van a" finds "Nguyễn Văn An".
        conds.append(or_(Person.name_folded.like(f"{term}%"), Person.name_folded.like(f"% {term}%")))
    if f.unit_code:
        conds.append(Person.cur_unit_id.in_(unit_ids_under(session, f.unit_code, f.include_subunits)))
    if f.category:
        conds.append(Person.cur_category == f.category)
    if f.statuses:
        conds.append(Person.status.in_(f.statuses))
    if conds:
        q = q.where(and_(*conds))
    return q


def employee_ids(session: Session, f: EmployeeFilter = EmployeeFilter()) -> list[int]:
    """Ids of the matching people in display order (given name, middle, family; Vietnamese collation)."""
    q = _filtered(session, f).order_by(Person.sort_key, Person.id)
    return list(session.scalars(q))


def employee_rows(session: Session, ids: Sequence[int]) -> list[EmployeeRow]:
    """The rows for a page of ids, returned in the order of `ids`."""
    if not ids:
        return []
    unit = aliased(OrgUnit)
    q = (
        select(Person, unit.code, unit.name, Rank.name)
        .outerjoin(unit, unit.id == Person.cur_unit_id)
        .outerjoin(Rank, Rank.code == Person.cur_rank_code)
        .where(Person.id.in_(list(ids)))
    )
    by_id = {}
    for p, ucode, uname, rname in session.execute(q):
        by_id[p.id] = EmployeeRow(
            id=p.id, full_name=p.full_name, birth_date=p.birth_date, gender=p.gender, unit_code=ucode,
            unit_name=uname, category=p.cur_category, rank_code=p.cur_rank_code, rank_name=rname,
            post=p.cur_post, salary_step=p.cur_salary_step, coefficient=p.cur_coefficient,
            education=p.cur_education, status=p.status,
        )
    return [by_id[i] for i in ids if i in by_id]


def list_employees(session: Session, f: EmployeeFilter = EmployeeFilter()) -> list[EmployeeRow]:
    ids = employee_ids(session, f)
    out: list[EmployeeRow] = []
    for start in range(0, len(ids), 900):  # stay under SQLite's bound-parameter limit
        out.extend(employee_rows(session, ids[start:start + 900]))
    return out
