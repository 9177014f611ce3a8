"""The import keeps data in shape, alike on SQLite and PostgreSQL (tests/conftest.py runs this file on both when
HRAPP_TEST_POSTGRES_URL is set): a CCCD typed as a number is taken only whole, a year only whole, a start date only
within a working life and at most a year ahead; what is only unlikely (an age no one works at, the same name and
birth under another CCCD) is imported with a warning row."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import func, select

from hrapp.db.models import Person
from hrapp.domain.validation import birthday
from hrapp.io.excel_import import import_employees
from tests.io.test_import import HEAD, book, row

TODAY = date(2026, 6, 30)


@pytest.fixture
def units(ctx):
    from hrapp.db.models import OrgUnit

    with ctx.unit_of_work() as s:
        s.add_all([OrgUnit(code="VP", name="Văn phòng Sở", kind="van_phong"),
                   OrgUnit(code="QLKH", name="Phòng Quản lý khoa học", kind="phong")])


def contract(**kw) -> list:
    """A labour contract row: no rank, no recruitment date."""
    base = dict(category="hop_dong", recruited=None, rank=None, step=None, coef=None, salary=None)
    return row(**{**base, **kw})


def persons(ctx) -> int:
    with ctx.read() as s:
        return s.scalar(select(func.count()).select_from(Person))


def run(ctx, tmp_path, *rows, dry_run=False):
    return import_employees(ctx, book(tmp_path / "x.xlsx", {"Nhân sự": [HEAD, *rows]}), today=TODAY,
                            dry_run=dry_run)


def dmy(day: date) -> str:
    return f"{day:%d/%m/%Y}"


# ------------------------------------------------------------------------------------------ CCCD cells


@pytest.mark.parametrize("cell", [52091000127.5, -520910001275])
def test_a_number_cell_that_is_not_a_whole_cccd_is_refused_not_stored_without_its_dot(ctx, units, tmp_path, cell):
    result = run(ctx, tmp_path, row(cccd=cell))
    assert [i.column for i in result.issues] == ["Số CCCD (*)"]
    assert "không nguyên" in result.issues[0].message
    assert persons(ctx) == 0


def test_a_number_cell_that_lost_its_leading_zero_is_refused_with_the_way_to_fix_it(ctx, units, tmp_path):
    result = run(ctx, tmp_path, row(cccd=52091000127))  # 052091000127 typed into a General cell
    assert [i.column for i in result.issues] == ["Số CCCD (*)"]
    assert "mất số 0 ở đầu" in result.issues[0].message and "11" in result.issues[0].message


def test_a_whole_number_cell_of_twelve_digits_is_the_cccd(ctx, units, tmp_path):
    result = run(ctx, tmp_path, row(cccd=520910001275.0))
    assert result.ok, result.issues
    with ctx.read() as s:
        assert s.scalar(select(Person.id_number)) == "520910001275"


# ------------------------------------------------------------------------------------------ years and dates


@pytest.mark.parametrize(("cell", "ok"), [(1980.7, False), (1980.0, True), (1980, True)])
def test_a_birth_year_must_be_whole(ctx, units, tmp_path, cell, ok):
    result = run(ctx, tmp_path, row(birth=cell))
    if ok:
        assert result.ok, result.issues
        with ctx.read() as s:
            assert s.execute(select(Person.birth_date, Person.birth_precision)).one() == (date(1980, 1, 1), "year")
    else:
        assert [(i.column, "số nguyên" in i.message) for i in result.issues] == [("Ngày sinh (*)", True)]
        assert persons(ctx) == 0


@pytest.mark.parametrize(("start", "ok"), [
    (birthday(TODAY, 1) - timedelta(days=1), True),  # the day before a year from today
    (birthday(TODAY, 1), True),  # a year from today
    (birthday(TODAY, 1) + timedelta(days=1), False),  # the day after
    (date(9999, 12, 31), False),
])
def test_a_start_date_may_be_at_most_a_year_ahead(ctx, units, tmp_path, start, ok):
    result = run(ctx, tmp_path, contract(start=dmy(start)))
    assert result.ok is ok, result.issues
    if not ok:
        assert [i.column for i in result.issues] == ["Ngày vào cơ quan (*)"]
        assert "quá xa" in result.issues[0].message and dmy(birthday(TODAY, 1)) in result.issues[0].message


@pytest.mark.parametrize(("days_after_15th_birthday", "ok"), [(-1, False), (0, True), (1, True)])
def test_nobody_starts_work_before_fifteen(ctx, units, tmp_path, days_after_15th_birthday, ok):
    birth = date(2005, 3, 5)
    start = date(2020, 3, 5) + timedelta(days=days_after_15th_birthday)
    result = run(ctx, tmp_path, contract(birth=dmy(birth), start=dmy(start)))
    assert result.ok is ok, result.issues
    if ok:  # possible for a contract, unlikely: said
        assert [(w.column, "chưa đủ 18" in w.message) for w in result.warnings] == [("Ngày vào cơ quan (*)", True)]
    else:
        assert [i.column for i in result.issues] == ["Ngày vào cơ quan (*)"]
        assert "15 tuổi" in result.issues[0].message


def test_a_start_on_the_18th_birthday_is_no_warning(ctx, units, tmp_path):
    result = run(ctx, tmp_path, contract(birth="05/03/2002", start="05/03/2020"))
    assert result.ok and result.warnings == ()


@pytest.mark.parametrize(("age_today", "warned"), [(75, False), (76, True)])
def test_a_working_person_older_than_any_working_age_is_imported_with_a_warning(ctx, units, tmp_path, age_today,
                                                                                warned):
    birth = birthday(TODAY, -(age_today + 1)) + timedelta(days=1)  # the last day of that age: the edge
    result = run(ctx, tmp_path, contract(birth=dmy(birth), start="01/09/2010"))
    assert result.ok, result.issues
    assert [w.column for w in result.warnings] == (["Ngày sinh (*)"] if warned else [])
    assert persons(ctx) == 1  # a warning does not stop the row


def test_a_birth_in_1900_is_warned_and_1899_refused(ctx, units, tmp_path):
    result = run(ctx, tmp_path, contract(birth="01/01/1900"))
    assert result.ok and [w.column for w in result.warnings] == ["Ngày sinh (*)"]
    assert "126" in result.warnings[0].message
    result = run(ctx, tmp_path, contract(cccd="052185009999", name="Lê Văn Bình", birth="31/12/1899"))
    assert [i.column for i in result.issues] == ["Ngày sinh (*)"]


# ------------------------------------------------------------------------------------------ the same person twice


def test_the_same_name_and_birth_under_a_new_cccd_is_imported_with_a_warning_naming_the_stored_one(ctx, units,
                                                                                                 tmp_path):
    assert run(ctx, tmp_path, row()).ok
    again = run(ctx, tmp_path, row(cccd="052185009876"), dry_run=True)
    assert again.ok and again.created == 1
    assert [(w.row, w.column) for w in again.warnings] == [(2, "Họ và tên (*)")]
    assert "052185001234" in again.warnings[0].message and "Văn phòng Sở" in again.warnings[0].message
    assert "cảnh báo" in again.summary()
    done = run(ctx, tmp_path, row(cccd="052185009876"))
    assert done.created == 1 and len(done.warnings) == 1 and persons(ctx) == 2


def test_the_same_file_imported_again_warns_about_nobody(ctx, units, tmp_path):
    assert run(ctx, tmp_path, row()).ok
    again = run(ctx, tmp_path, row())
    assert (again.unchanged, again.warnings) == (1, ())


def test_another_birth_date_or_name_is_no_warning(ctx, units, tmp_path):
    assert run(ctx, tmp_path, row()).ok
    result = run(ctx, tmp_path, row(cccd="052185009876", birth="06/03/1985"),
                 row(cccd="052185009877", name="Trần Thị Thu Hạ"))
    assert result.ok and result.warnings == ()


def test_two_rows_of_one_file_with_the_same_name_and_birth_warn_on_the_second(ctx, units, tmp_path):
    result = run(ctx, tmp_path, row(), row(cccd="052185009876"))
    assert result.ok and result.created == 2
    assert [(w.row, w.column) for w in result.warnings] == [(3, "Họ và tên (*)")]
    assert "dòng 2" in result.warnings[0].message


@pytest.mark.parametrize(("cell", "ok"), [("52091000127.5", False), ("5209100012.75", False),
                                          ("052 091 000 127", True), ("0520.9100.0127", True),
                                          ("052091-000127", True), ("052091000127", True)])
def test_a_cccd_text_may_group_its_digits_but_not_hide_a_fraction(ctx, units, tmp_path, cell, ok):
    result = run(ctx, tmp_path, row(cccd=cell))
    assert result.ok is ok, result.issues
    if ok:
        with ctx.read() as s:
            assert s.scalar(select(Person.id_number)) == "052091000127"
    else:
        assert [i.column for i in result.issues] == ["Số CCCD (*)"] and "ngắn hơn 3" in result.issues[0].message


def test_a_scoped_import_warns_about_nobody_outside_its_units(ctx, units, tmp_path):
    from hrapp.db.models import OrgUnit

    assert run(ctx, tmp_path, row(unit="QLKH")).ok
    with ctx.read() as s:
        vp = s.scalar(select(OrgUnit.id).where(OrgUnit.code == "VP"))
    ctx.sign_in("vp_officer", "to_chuc_can_bo", (vp,))
    result = run(ctx, tmp_path, row(cccd="052185009876"))
    assert result.ok and result.created == 1 and result.warnings == ()
