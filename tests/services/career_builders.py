"""Builders for career tests: units and people with salary history, disciplines, ratings, leave and posts."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from hrapp.context import ServiceContext
from hrapp.db.models import (
    Decision,
    Discipline,
    Employment,
    Evaluation,
    LeavePeriod,
    OrgUnit,
    Person,
    PostHeld,
    Qualification,
    RankAssignment,
    SalaryStep,
)
from hrapp.domain.salary import coefficient
from hrapp.domain.validation import salary_class_of
from hrapp.services.snapshot import refresh_snapshot, set_name


def unit(ctx: ServiceContext, code: str, name: str, kind: str = "phong", parent: int | None = None) -> int:
    with ctx.unit_of_work() as s:
        u = OrgUnit(code=code, name=name, kind=kind, parent_id=parent, active_from=date(2000, 1, 1))
        s.add(u)
        s.flush()
        return u.id


def department(ctx: ServiceContext) -> dict[str, int]:
    """A Sở (one payroll with its office) and a centre with its own payroll."""
    so = unit(ctx, "SO", "Sở Khoa học và Công nghệ", "so")
    return {
        "SO": so,
        "VP": unit(ctx, "VP", "Văn phòng Sở", "van_phong", so),
        "QLKH": unit(ctx, "QLKH", "Phòng Quản lý khoa học", "phong", so),
        "TT": unit(ctx, "TT", "Trung tâm Thông tin - Ứng dụng KH&CN", "trung_tam", so),
    }


def person(ctx: ServiceContext, name: str, unit_id: int, *, gender: str = "M", birth: date = date(1980, 5, 17),
           precision: str = "day", category: str = "cong_chuc", start: date = date(2005, 1, 1),
           rank: str | None = "01.003", step: int = 3, since: date | None = date(2020, 7, 1),
           pctnvk: int | None = None, pctnvk_since: date | None = None, percent: int = 100,
           reason: str = "thuong_xuyen", probation_start: date | None = None, probation_end: date | None = None,
           staff_code: str | None = None, end: date | None = None, status: str = "working") -> int:
    """A person on staff from `start` with one salary row (rank, step) counted from `since`."""
    from hrapp.domain.rules import load_rulebook

    with ctx.unit_of_work() as s:
        p = Person(gender=gender, birth_date=birth, birth_precision=precision, status=status, staff_code=staff_code)
        set_name(p, name)
        s.add(p)
        s.flush()
        s.add(Employment(person_id=p.id, category=category, unit_id=unit_id, start_date=start, end_date=end,
                         probation_start=probation_start, probation_end=probation_end))
        if rank and since:
            cls = salary_class_of(rank)
            s.add(RankAssignment(person_id=p.id, rank_code=rank, effective_date=start))
            s.add(SalaryStep(person_id=p.id, rank_code=rank, salary_class=cls, step=step,
                             coefficient=coefficient(cls, step, load_rulebook(), since), percent=percent,
                             effective_date=since, step_since=since, pctnvk_percent=pctnvk,
                             pctnvk_since=pctnvk_since, reason=reason))
        s.flush()
        refresh_snapshot(s, p, date(2022, 6, 30))
        return p.id


def salary(ctx: ServiceContext, person_id: int, rank: str, step: int, since: date, *, signed: date | None = None,
           reason: str = "thuong_xuyen", pctnvk: int | None = None, pctnvk_since: date | None = None) -> int:
    """A later salary row, by a decision signed on `signed` (default: its effective date)."""
    from hrapp.domain.rules import load_rulebook

    with ctx.unit_of_work() as s:
        d = Decision(number=f"{person_id}{step}/QĐ-SKHCN", sign_date=signed or since, effective_date=since)
        s.add(d)
        s.flush()
        cls = salary_class_of(rank)
        row = SalaryStep(person_id=person_id, rank_code=rank, salary_class=cls, step=step,
                         coefficient=coefficient(cls, step, load_rulebook(), since), effective_date=since,
                         step_since=since, pctnvk_percent=pctnvk, pctnvk_since=pctnvk_since, reason=reason,
                         decision_id=d.id)
        s.add(row)
        s.flush()
        return row.id


def discipline(ctx: ServiceContext, person_id: int, form: str, on: date, until: date | None = None) -> None:
    with ctx.unit_of_work() as s:
        s.add(Discipline(person_id=person_id, decision_date=on, form=form, effect_from=on, effect_to=until))


def rating(ctx: ServiceContext, person_id: int, year: int, value: str) -> None:
    with ctx.unit_of_work() as s:
        s.add(Evaluation(person_id=person_id, year=year, rating=value))


def unpaid_leave(ctx: ServiceContext, person_id: int, start: date, end: date, kind: str = "khong_luong") -> None:
    with ctx.unit_of_work() as s:
        s.add(LeavePeriod(person_id=person_id, kind=kind, start_date=start, end_date=end))


def post(ctx: ServiceContext, person_id: int, unit_id: int, start: date, *, code: str = "truong_phong",
         title: str = "Trưởng phòng", kind: str = "bo_nhiem", term_end: date | None = None) -> int:
    with ctx.unit_of_work() as s:
        row = PostHeld(person_id=person_id, unit_id=unit_id, post_code=code, post_title=title, kind=kind,
                       start_date=start, term_end=term_end, allowance_coefficient=Decimal("0.40"))
        s.add(row)
        s.flush()
        return row.id


def certificate(ctx: ServiceContext, person_id: int, expiry: date, *, kind: str = "ngoai_ngu",
                level: str = "B1", language: str | None = "Tiếng Anh", certificate_date: date | None = None) -> int:
    with ctx.unit_of_work() as s:
        row = Qualification(person_id=person_id, kind=kind, level_code=level, language=language,
                            expiry_date=expiry, certificate_date=certificate_date, certificate_no="A123456")
        s.add(row)
        s.flush()
        return row.id


def education(ctx: ServiceContext, person_id: int, level: str = "DH", major: str = "Kinh tế") -> None:
    with ctx.unit_of_work() as s:
        s.add(Qualification(person_id=person_id, kind="chuyen_mon", level_code=level, major=major, year=2002))
