"""An officer limited to one unit cannot learn from an import who works where: a row with the CCCD of someone of
another unit is refused in words that name neither that person nor the unit, and a history row for such a
CCCD reads exactly as one for a CCCD that nobody has."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from hrapp.db.models import OrgUnit, Person
from hrapp.io.excel_import import import_employees
from tests.io.test_import import HEAD, TODAY, book, row

OTHER_NAME = "Trần Thị Thu Hà"
OTHER_CCCD = "052185001234"
NOBODY_CCCD = "052185009999"
QHEAD = ["Số CCCD", "Loại trình độ", "Mã trình độ", "Chuyên ngành", "Năm tốt nghiệp"]


def _setup(ctx, tmp_path: Path) -> int:
    """VP and QLKH; someone of QLKH stored by the administrator; returns VP's id."""
    with ctx.unit_of_work() as s:
        s.add_all([OrgUnit(code="VP", name="Văn phòng Sở", kind="van_phong"),
                   OrgUnit(code="QLKH", name="Phòng Quản lý khoa học", kind="phong")])
    stored = import_employees(ctx, book(tmp_path / "admin.xlsx", {"Nhân sự": [HEAD, row(unit="QLKH")]}), today=TODAY)
    assert stored.ok, stored.issues
    with ctx.read() as s:
        return s.scalar(select(OrgUnit.id).where(OrgUnit.code == "VP"))


def test_a_cccd_of_another_unit_is_refused_without_naming_the_person_or_the_unit(ctx, tmp_path):
    vp = _setup(ctx, tmp_path)
    ctx.sign_in("vp.tccb", "to_chuc_can_bo", (vp,))
    for name in (OTHER_NAME, "Nguyễn Văn Khác"):  # the stored name, and another one
        result = import_employees(ctx, book(tmp_path / "vp.xlsx", {"Nhân sự": [HEAD, row(name=name, unit="VP")]}),
                                  today=TODAY)
        assert [(i.row, i.column) for i in result.issues] == [(2, "Số CCCD (*)")]
        message = result.issues[0].message
        assert OTHER_NAME not in message and "Quản lý khoa học" not in message and "QLKH" not in message
    with ctx.read() as s:
        assert s.scalar(select(Person.cur_unit_id)) != vp  # nothing moved


def test_a_history_row_of_another_units_person_reads_like_one_of_nobody(ctx, tmp_path):
    vp = _setup(ctx, tmp_path)
    ctx.sign_in("vp.tccb", "to_chuc_can_bo", (vp,))
    path = book(tmp_path / "q.xlsx", {"Nhân sự": [HEAD], "Trình độ": [
        QHEAD, [OTHER_CCCD, "chuyen_mon", "ThS", "Vật lý", 2015], [NOBODY_CCCD, "chuyen_mon", "ThS", "Vật lý", 2015]]})
    result = import_employees(ctx, path, today=TODAY)
    assert [i.row for i in result.issues] == [2, 3]
    first, second = result.issues
    assert first.message == second.message
    assert OTHER_NAME not in first.message


def test_the_officer_imports_and_creates_the_people_of_its_own_unit(ctx, tmp_path):
    from datetime import date

    from hrapp.services import persons as ps

    vp = _setup(ctx, tmp_path)
    ctx.sign_in("vp.tccb", "to_chuc_can_bo", (vp,))
    result = import_employees(ctx, book(tmp_path / "vp.xlsx", {"Nhân sự": [HEAD, row(cccd="052185000002", unit="VP")]}),
                              today=TODAY)
    assert result.ok and result.created == 1, result.issues
    profile = ps.create_person(ctx, ps.NewPerson(
        identity=ps.IdentityInput(full_name="Ngô Thị Mới", gender="F", birth_date=date(1990, 4, 2),
                                  id_number="052190004321"),
        employment=ps.EmploymentInput(category="hop_dong", unit_id=vp, start_date=date(2020, 1, 2))))
    with ctx.read() as s:
        mine = s.execute(select(Person.id_number, Person.cur_unit_id).order_by(Person.id_number)).all()
    assert mine == [("052185000002", vp), ("052190004321", vp)]
    assert profile.identity.full_name == "Ngô Thị Mới"
