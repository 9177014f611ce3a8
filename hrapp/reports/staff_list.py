"""Danh sách cán bộ, công chức, viên chức (domain.md §4 item 1): STT, họ tên, ngày sinh, giới tính, chức vụ,
ngạch, mã ngạch, bậc, hệ số, phụ cấp, trình độ, đơn vị; one unit (with its sub-units) or all, grouped
by unit, leaders first. PDF (landscape) and Excel; CSV/JSON of the same rows."""

from __future__ import annotations

import os
from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import IO

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from hrapp import catalogs, clock
from hrapp.context import ServiceContext
from hrapp.db.models import Allowance, Person, PostHeld, SalaryStep
from hrapp.db.scope import reader
from hrapp.domain.allowances import allowance_or_recorded
from hrapp.domain.rules import RuleBook
from hrapp.queries.employees import EmployeeFilter, EmployeeRow, _list_employees
from hrapp.queries.org_history import _units_at
from hrapp.reports.catalogue import export
from hrapp.reports.csvjson import write_csv, write_json
from hrapp.reports.document import (
    MERGE,
    CancelCallback,
    Column,
    Letterhead,
    ProgressCallback,
    RowType,
    SectionRow,
    TableSpec,
    build_pdf,
)
from hrapp.reports.excel import build_xlsx
from hrapp.reports.format import fmt_date, fmt_decimal
from hrapp.security import READ, require
from hrapp.services.agency import get_agency

PCTNVK = "tham_nien_vuot_khung"
ALLOWANCE_SHORT = {"chuc_vu": "CV", PCTNVK: "VK", "kiem_nhiem": "KN", "trach_nhiem": "TN"}
GENDER = {"M": "Nam", "F": "Nữ"}


@dataclass(frozen=True)
class StaffListRow:
    person_id: int
    full_name: str
    birth_date: date
    gender: str
    post: str | None
    rank_name: str | None
    rank_code: str | None
    salary_step: int | None
    coefficient: Decimal | None
    allowances: str
    education: str | None
    unit_id: int | None
    unit_name: str | None
    post_rank: int


@dataclass(frozen=True)
class StaffList:
    on: date
    unit_code: str | None
    unit_name: str | None
    groups: tuple[tuple[str, tuple[StaffListRow, ...]], ...]  # (unit name, rows) in tree order

    @property
    def count(self) -> int:
        return sum(len(rows) for _, rows in self.groups)

    @property
    def women(self) -> int:
        return sum(1 for _, rows in self.groups for r in rows if r.gender == "F")


_WHOLE_TABLE_FROM = 2000


def _of(session: Session, q, col, ids: list[int]) -> list:
    """The rows of `q` for the people `ids`. A table with a few rows per hundred people is read whole for a
    long list (thousands of ids cost more to send than the rows they leave out) and kept for `ids`; a short
    list is read in chunks of ids. Core rows: the ORM's row processing is not needed here."""
    conn = reader(session)
    if len(ids) > _WHOLE_TABLE_FROM:
        wanted = set(ids)
        return [r for r in conn.execute(q) if r[0] in wanted]
    return [r for i in range(0, len(ids), 900) for r in conn.execute(q.where(col.in_(ids[i:i + 900])))]


def _posts(session: Session, ids: list[int], on: date) -> list:
    """(person, post code, allowance coefficient, concurrent) of the posts held on the day, oldest first."""
    return _of(session, select(PostHeld.person_id, PostHeld.post_code, PostHeld.allowance_coefficient,
                               PostHeld.is_concurrent)
               .where(PostHeld.start_date <= on, or_(PostHeld.end_date.is_(None), PostHeld.end_date >= on))
               .order_by(PostHeld.id), PostHeld.person_id, ids)


def _allowances(session: Session, ids: list[int], posts: list, on: date, rulebook: RuleBook | None = None,
                province: str | None = None) -> dict[int, str]:
    """'CV 0,60; VK 5%' per person: post allowance (by the post_allowance rule in force on `on` for the agency's
    province group, else the decision's recorded coefficient), seniority above the scale, other coefficients."""
    parts: dict[int, dict[str, str]] = defaultdict(dict)
    for pid, code, coef, concurrent in posts:
        if rulebook is not None and not concurrent:
            coef = allowance_or_recorded(code, coef, province, rulebook, on)
        if coef is not None and not concurrent:
            parts[pid]["chuc_vu"] = f"CV {fmt_decimal(coef, 2)}"
    for pid, kind, percent, coefficient in _of(
            session, select(Allowance.person_id, Allowance.kind, Allowance.percent, Allowance.coefficient)
            .where(Allowance.effective_date <= on, or_(Allowance.end_date.is_(None), Allowance.end_date >= on))
            .order_by(Allowance.id), Allowance.person_id, ids):
        short = ALLOWANCE_SHORT.get(kind, kind)
        if percent is not None:
            parts[pid][kind] = f"{short} {fmt_decimal(percent, None)}%"
        elif coefficient is not None:
            parts[pid][kind] = f"{short} {fmt_decimal(coefficient, 2)}"
    # PCTNVK kept on the latest salary row when no allowance row was written for it: one search per person
    # of the salary history's covering index, newest row first (a list of 10,000 people has a hundred
    # thousand salary rows)
    latest = (select(SalaryStep.pctnvk_percent)
              .where(SalaryStep.person_id == Person.id, SalaryStep.effective_date <= on)
              .order_by(SalaryStep.effective_date.desc(), SalaryStep.id.desc()).limit(1).scalar_subquery())
    conn = reader(session)
    for i in range(0, len(ids), 900):
        for pid, pct in conn.execute(select(Person.id, latest).where(Person.id.in_(ids[i:i + 900]))):
            if pct and PCTNVK not in parts[pid]:
                parts[pid][PCTNVK] = f"VK {pct}%"
    order = ["chuc_vu", PCTNVK]
    return {pid: "; ".join(v for _, v in sorted(d.items(), key=lambda kv: (
        order.index(kv[0]) if kv[0] in order else len(order), kv[0]))) for pid, d in parts.items()}


def _post_ranks(posts: list) -> dict[int, int]:
    out: dict[int, int] = {}
    for pid, code, _coef, _concurrent in posts:
        out[pid] = max(out.get(pid, 0), int(catalogs.extra("post", code).get("rank", 0)))
    return out


def staff_list(ctx: ServiceContext, unit_code: str | None = None, on: date | None = None) -> StaffList:
    """The people working now (status working, seconded or on leave) of the unit and its sub-units, or all."""
    require(ctx, READ)
    on = on or clock.today()
    rulebook, province = ctx.rulebook, get_agency(ctx).province
    with ctx.read() as s:
        rows: list[EmployeeRow] = _list_employees(s, EmployeeFilter(unit_code=unit_code))
        ids = [r.id for r in rows]
        posts = _posts(s, ids, on)
        allowances = _allowances(s, ids, posts, on, rulebook, province)
        ranks = _post_ranks(posts)
        tree = _units_at(s, on, include_inactive=True)
    order = {u.id: i for i, u in enumerate(tree)}
    ids_by_code = {u.code: u.id for u in tree}
    unit_name = next((u.name for u in tree if u.code == unit_code), None) if unit_code else None
    items = [
        StaffListRow(
            person_id=r.id, full_name=r.full_name, birth_date=r.birth_date, gender=r.gender, post=r.post,
            rank_name=r.rank_name, rank_code=r.rank_code, salary_step=r.salary_step, coefficient=r.coefficient,
            allowances=allowances.get(r.id, ""),
            education=catalogs.label("qualification_level", r.education) if r.education else None,
            unit_id=ids_by_code.get(r.unit_code or ""), unit_name=r.unit_name, post_rank=ranks.get(r.id, 0),
        )
        for r in rows
    ]
    by_unit: dict[int | None, list[StaffListRow]] = defaultdict(list)
    for item in items:  # `rows` come in given-name order; it is kept within a unit
        by_unit[item.unit_id].append(item)
    groups = []
    for uid in sorted(by_unit, key=lambda u: order.get(u, len(order)) if u is not None else len(order) + 1):
        members = sorted(by_unit[uid], key=lambda r: -r.post_rank)  # stable: leaders first, then by name
        name = members[0].unit_name or "Chưa xác định đơn vị"
        groups.append((name, tuple(members)))
    return StaffList(on=on, unit_code=unit_code, unit_name=unit_name, groups=tuple(groups))


def staff_list_spec(data: StaffList, sections: bool = True) -> TableSpec:
    columns = [
        Column("STT", 10, "center"), Column("Họ và tên", 40, key="full_name"),
        Column("Ngày sinh", 20, "center", key="birth_date"), Column("Giới tính", 12, "center", key="gender"),
        Column("Chức vụ", 30, wrap=True, key="post"), Column("Ngạch", 34, wrap=True, key="rank_name"),
        Column("Mã ngạch", 19, "center", key="rank_code"), Column("Bậc", 9, "center", key="salary_step"),
        Column("Hệ số", 12, "right", places=2, key="coefficient"),
        Column("Phụ cấp", 22, wrap=True, key="allowances"), Column("Trình độ", 17, wrap=True, key="education"),
        Column("Đơn vị", 38, wrap=True, key="unit"),
    ]
    rows: list[RowType] = []
    n = 0
    for name, members in data.groups:
        if sections and len(data.groups) > 1:
            rows.append(SectionRow(name))
        for r in members:
            n += 1
            rows.append([n, r.full_name, r.birth_date, GENDER.get(r.gender, r.gender), r.post, r.rank_name,
                         r.rank_code, r.salary_step, r.coefficient, r.allowances or None, r.education, r.unit_name])
    totals = [f"Tổng cộng: {data.count} người (trong đó nữ: {data.women})", MERGE, MERGE, MERGE, MERGE,
              None, None, None, None, None, None, None]
    return TableSpec(columns=columns, rows=rows, numbering=True, totals=totals, font_size=10.5,
                     header_font_size=10.5)


def _title(data: StaffList) -> tuple[str, list[str]]:
    title = "Danh sách cán bộ, công chức, viên chức và người lao động"
    if data.unit_name:
        title += f"\n{data.unit_name}"
    return title, [f"(Tính đến ngày {fmt_date(data.on)})"]


def write_staff_list(target: str | os.PathLike[str] | IO[bytes], data: StaffList, letterhead: Letterhead | None,
                     fmt: str, *, printed_on: date | None = None, progress: ProgressCallback | None = None,
                     cancel: CancelCallback | None = None) -> None:
    title, subtitles = _title(data)
    day = printed_on or clock.today()
    if fmt == ".pdf":
        build_pdf(target, letterhead, title, staff_list_spec(data), subtitles=subtitles, day=day, landscape=True,
                  progress=progress, cancel=cancel)
    elif fmt == ".xlsx":
        build_xlsx(target, letterhead, title, staff_list_spec(data), subtitles=subtitles, day=day, landscape=True,
                   sheet_title="Danh sách CCVC", progress=progress, cancel=cancel)
    elif fmt == ".csv":
        write_csv(target, staff_list_spec(data, sections=False))
    else:
        write_json(target, staff_list_spec(data, sections=False), title,
                   {"as_of": data.on.isoformat(), "unit_code": data.unit_code})


def export_staff_list(ctx: ServiceContext, target: str | os.PathLike[str], unit_code: str | None = None, *,
                      printed_on: date | None = None, progress: ProgressCallback | None = None,
                      cancel: CancelCallback | None = None) -> StaffList:
    """The catalogue's "staff_list" document (hrapp.reports.catalogue.export)."""
    return export(ctx, "staff_list", {"unit": unit_code}, target, progress, cancel, printed_on=printed_on).data
