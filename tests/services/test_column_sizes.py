"""Values against the sizes of their columns: SQLite keeps a text longer than its `String(n)`, PostgreSQL refuses
it, so every writer checks first and both answer alike: one message naming the field and its maximum, nothing
written. (Runs on SQLite and, with HRAPP_TEST_POSTGRES_URL, on PostgreSQL: tests/conftest.py.)"""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select, text

from hrapp.db.limits import check_values, column_limits, too_long
from hrapp.db.models import AuditLog, FamilyMember, Person
from hrapp.errors import ValidationError
from hrapp.io.excel_import import import_employees
from hrapp.queries.person_profile import load_profile
from hrapp.services import persons as ps
from tests.io.test_import import HEAD, book, row
from tests.services.test_persons import identity, new_person, units  # noqa: F401 - fixture

TODAY = date(2026, 6, 30)


def _count(ctx, model) -> int:
    with ctx.read() as s:
        return s.scalar(select(func.count()).select_from(model))


def test_limits_are_read_from_the_models():
    persons = column_limits("persons")
    assert (persons["birth_place"], persons["id_number"], persons["full_name"]) == (200, 12, 120)
    assert "history_notes" not in persons  # a Text column has no limit
    assert too_long("persons", {"birth_place": "x" * 200, "phone": "0" * 31, "height_cm": 10**9}) == [
        ("phone", 31, 30)]


@pytest.mark.parametrize(("length", "refused"), [(199, False), (200, False), (201, True)])
def test_the_editor_refuses_a_text_longer_than_its_column_at_the_edge(ctx, units, length, refused):  # noqa: F811
    dto = new_person(units["VP"], ident=identity(birth_place="x" * length))
    errors = dict(ps.check_new_person(ctx, dto, today=TODAY))
    assert ("birth_place" in errors) is refused
    if refused:
        assert "Nơi sinh" in errors["birth_place"] and "200" in errors["birth_place"]
        with pytest.raises(ValidationError) as err:
            ps.create_person(ctx, dto, today=TODAY)
        assert [f for f, _ in err.value.errors] == ["birth_place"]
        assert _count(ctx, Person) == 0
    else:
        ps.create_person(ctx, dto, today=TODAY)
        assert _count(ctx, Person) == 1


def test_every_orm_write_is_held_to_the_column_size_even_past_the_services(ctx, units):  # noqa: F811
    """The flush itself checks: a writer that forgot the check cannot store what PostgreSQL would refuse."""
    person = ps.create_person(ctx, new_person(units["VP"]), today=TODAY)
    audit = _count(ctx, AuditLog)
    with pytest.raises(ValidationError) as err, ctx.unit_of_work() as s:
        s.add(FamilyMember(person_id=person.id, relation="Mẹ" * 41, full_name="Nguyễn Thị Lan"))
    assert err.value.errors[0][0] == "relation" and "40" in err.value.errors[0][1]
    assert (_count(ctx, FamilyMember), _count(ctx, AuditLog)) == (0, audit)


def test_a_text_stored_too_long_before_does_not_stop_saving_another_field(ctx, units, backend):  # noqa: F811
    if backend != "sqlite":
        pytest.skip("only SQLite could have stored it")
    person = ps.create_person(ctx, new_person(units["VP"]), today=TODAY)
    with ctx.engine.begin() as conn:  # as an older version kept it
        conn.execute(text("UPDATE persons SET home_town = :t WHERE id = :i"), {"t": "y" * 201, "i": person.id})
    with ctx.unit_of_work() as s:  # a writer changing another field is not stopped by it
        s.get(Person, person.id).phone = "0912000111"
    with ctx.read() as s:
        p = s.get(Person, person.id)
        assert p.phone == "0912000111"
        assert check_values([p]) and not check_values([p], changed_only=True)
    profile = load_profile(ctx, person.id)  # the editor shows it under its field, to be shortened
    with pytest.raises(ValidationError) as err:
        ps.update_person(ctx, ps.PersonUpdate(person.id, profile.row_version, profile.identity))
    assert [f for f, _ in err.value.errors] == ["home_town"]


@pytest.mark.parametrize(("length", "refused"), [(200, False), (201, True)])
def test_the_import_refuses_a_cell_longer_than_its_column_on_its_cell(ctx, units, tmp_path, length, refused):  # noqa: F811
    head = [*HEAD, "Nơi sinh"]
    path = book(tmp_path / "long.xlsx", {"Nhân sự": [head, [*row(), "b" * length],
                                                     [*row(cccd="052185001235", name="Lê Văn Bình"), "Huế"]]})
    result = import_employees(ctx, path, today=TODAY)
    if not refused:
        assert result.ok, result.issues
        assert _count(ctx, Person) == 2
        return
    assert [(i.row, i.column) for i in result.issues] == [(2, "Nơi sinh")]
    assert "201" in result.issues[0].message and "200" in result.issues[0].message
    assert _count(ctx, Person) == 0  # all or nothing: the good row is not written either


def test_the_import_refuses_a_long_decision_number_of_a_salary_row(ctx, units, tmp_path):  # noqa: F811
    salary_head = ["Số CCCD (*)", "Mã ngạch/CDNN (*)", "Bậc lương (*)", "Hệ số lương (*)", "Ngày hưởng (*)",
                   "Số quyết định", "Ngày ký quyết định"]
    path = book(tmp_path / "salary.xlsx", {
        "Nhân sự": [HEAD, row()],
        "Quá trình lương": [salary_head, ["052185001234", "01.003", 2, "2,67", "01/09/2013", "9" * 61,
                                          "20/08/2013"]],
    })
    result = import_employees(ctx, path, today=TODAY)
    assert [(i.sheet, i.column) for i in result.issues] == [("Quá trình lương", "Số quyết định")]
    assert _count(ctx, Person) == 0


# ---------------------------------------------------------------------------------------------- numbers


def test_number_bounds_are_read_from_the_models():
    from decimal import Decimal

    from hrapp.db.limits import number_bounds, out_of_range

    assert number_bounds("headcount_quotas")["number"] == (Decimal(-2**31), Decimal(2**31 - 1))
    assert number_bounds("salary_steps")["coefficient"] == (Decimal("-999.999"), Decimal("999.999"))
    assert out_of_range("salary_steps", {"coefficient": Decimal("999.999"), "step": 2**31 - 1}) == []
    assert [c for c, *_ in out_of_range("salary_steps", {"coefficient": Decimal("1000"), "step": 2**31})] == [
        "coefficient", "step"]


def test_every_orm_write_is_held_to_the_number_its_column_stores(ctx, units):  # noqa: F811
    person = ps.create_person(ctx, new_person(units["VP"]), today=TODAY)
    with pytest.raises(ValidationError) as err, ctx.unit_of_work() as s:
        s.add(FamilyMember(person_id=person.id, relation="Mẹ", full_name="Nguyễn Thị Lan", birth_year=2**31))
    assert err.value.errors[0][0] == "birth_year" and "2147483647" in err.value.errors[0][1]
    assert _count(ctx, FamilyMember) == 0


@pytest.mark.parametrize(("number", "refused"), [(2**31 - 1, False), (2**31, True)])
def test_the_import_refuses_a_number_its_column_cannot_store_on_its_cell(ctx, units, tmp_path, number, refused):  # noqa: F811
    quotas = ["Năm (*)", "Mã đơn vị (*)", "Loại biên chế (*)", "Số được giao (*)", "Số quyết định giao (*)",
              "Ngày ký quyết định (*)"]
    path = book(tmp_path / "quota.xlsx", {"Biên chế": [quotas, [2025, "VP", "cong_chuc", number, "45/QĐ-UBND",
                                                                 "01/01/2025"]]})
    result = import_employees(ctx, path, today=TODAY)
    out_of_store = [i for i in result.issues if "2147483647" in i.message]
    assert bool(out_of_store) is refused
    if refused:
        assert out_of_store[0].column == "Số được giao (*)"
