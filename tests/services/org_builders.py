"""Small builders for organisation and staffing tests: decisions, units, people with employment rows."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from hrapp.context import ServiceContext
from hrapp.db.models import (
    Employment,
    Person,
    PostHeld,
    Qualification,
    RankAssignment,
    SalaryStep,
    Secondment,
)
from hrapp.services.decisions import DecisionInput
from hrapp.services.org import NewUnit, create_unit
from hrapp.services.snapshot import refresh_snapshot, set_name

FOUNDED = date(2015, 1, 1)


def dec(on: date = FOUNDED, number: str = "01/QĐ-UBND", signed: date | None = None) -> DecisionInput:
    """A decision signed and effective on `on` (or signed earlier when `signed` is given)."""
    return DecisionInput(number=number, sign_date=signed or on, signer="Nguyễn Văn A",
                         issuer="UBND tỉnh Bình Định", effective_date=on, summary="Quyết định")


def unit(ctx: ServiceContext, code: str, name: str, kind: str = "phong", parent: int | None = None,
         on: date = FOUNDED) -> int:
    return create_unit(ctx, NewUnit(code=code, name=name, kind=kind, parent_id=parent, decision=dec(on))).id


def sample_org(ctx: ServiceContext) -> dict[str, int]:
    """A Sở with two phòng and a centre that has one sub-unit."""
    so = unit(ctx, "SO", "Sở Khoa học và Công nghệ", "so")
    return {
        "SO": so,
        "VP": unit(ctx, "VP", "Văn phòng Sở", "van_phong", so),
        "QLKH": unit(ctx, "QLKH", "Phòng Quản lý khoa học", "phong", so),
        "TT": (tt := unit(ctx, "TT", "Trung tâm Thông tin - Ứng dụng KH&CN", "trung_tam", so)),
        "TT.KT": unit(ctx, "TT.KT", "Phòng Kỹ thuật", "phong_thuoc", tt),
    }


def person(ctx: ServiceContext, name: str, unit_id: int, category: str = "cong_chuc",
           start: date = FOUNDED, end: date | None = None, *, position_id: int | None = None,
           status: str = "working", gender: str = "M", birth: date = date(1980, 5, 17)) -> int:
    """A person with one employment row from `start` to `end` (inclusive)."""
    with ctx.unit_of_work() as s:
        p = Person(gender=gender, birth_date=birth, status=status)
        set_name(p, name)
        s.add(p)
        s.flush()
        s.add(Employment(person_id=p.id, category=category, unit_id=unit_id, position_id=position_id,
                         start_date=start, end_date=end))
        s.flush()
        refresh_snapshot(s, p)
        return p.id


def employ(ctx: ServiceContext, person_id: int, unit_id: int, category: str, start: date,
           end: date | None = None) -> None:
    with ctx.unit_of_work() as s:
        s.add(Employment(person_id=person_id, category=category, unit_id=unit_id, start_date=start, end_date=end))


def second(ctx: ServiceContext, person_id: int, start: date, end: date | None = None,
           destination: str = "Sở Nội vụ") -> None:
    with ctx.unit_of_work() as s:
        s.add(Secondment(person_id=person_id, destination=destination, start_date=start, end_date=end))


def post(ctx: ServiceContext, person_id: int, unit_id: int, code: str, title: str,
         start: date = FOUNDED, end: date | None = None) -> None:
    with ctx.unit_of_work() as s:
        s.add(PostHeld(person_id=person_id, unit_id=unit_id, post_code=code, post_title=title, start_date=start,
                       end_date=end))
        s.flush()
        refresh_snapshot(s, s.get(Person, person_id))


def qualify(ctx: ServiceContext, person_id: int, kind: str, level: str, major: str | None = None,
            year: int = 2005) -> None:
    with ctx.unit_of_work() as s:
        s.add(Qualification(person_id=person_id, kind=kind, level_code=level, major=major, year=year))


def rank(ctx: ServiceContext, person_id: int, rank_code: str, salary_class: str, on: date = FOUNDED,
         step: int = 3, coefficient: str = "3.00") -> None:
    with ctx.unit_of_work() as s:
        s.add(RankAssignment(person_id=person_id, rank_code=rank_code, effective_date=on))
        s.add(SalaryStep(person_id=person_id, rank_code=rank_code, salary_class=salary_class, step=step,
                         coefficient=Decimal(coefficient), effective_date=on, step_since=on))
        s.flush()
        refresh_snapshot(s, s.get(Person, person_id))


BINH_DINH_SKHCN = dict(name="SỞ KHOA HỌC VÀ CÔNG NGHỆ", parent_agency="UBND TỈNH BÌNH ĐỊNH", province="gia_lai",
                       place="Bình Định", head_title="GIÁM ĐỐC", short="SKHCN")


def own_agency(ctx, **changes: str):
    """The agency the documents of a test are printed under (a new database names none)."""
    from hrapp.services.agency import Agency, set_agency

    return set_agency(ctx, Agency(**{**BINH_DINH_SKHCN, **changes}))
