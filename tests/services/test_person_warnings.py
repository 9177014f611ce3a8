"""The services say what is unlikely without refusing it, and refuse what cannot be, for every caller alike: the
warnings come back in the saved profile (and beforehand from `new_person_warnings`), a start out of range is a field
error, and a warning never names someone outside the user's units."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy import select

from hrapp.db.models import Employment, Person, SalaryStep
from hrapp.errors import ValidationError
from hrapp.queries.person_profile import load_profile
from hrapp.services import persons as ps
from tests.services.test_persons import identity, new_person, units  # noqa: F401 - fixture

TODAY = date(2026, 6, 30)


def test_a_second_record_with_the_same_name_and_birth_is_saved_with_a_warning_in_its_profile(ctx, units):  # noqa: F811
    first = ps.create_person(ctx, new_person(units["VP"]), today=TODAY)
    assert first.warnings == ()
    dto = new_person(units["QLKH"], ident=identity(id_number="052185009876"))
    before = ps.new_person_warnings(ctx, dto, today=TODAY)
    assert [f for f, _ in before] == ["full_name"]
    assert "052185001234" in before[0][1] and "Văn phòng Sở" in before[0][1]
    second = ps.create_person(ctx, dto, today=TODAY)
    assert second.warnings == tuple(before)
    with ctx.read() as s:
        assert len(s.scalars(select(Person.id)).all()) == 2


def test_another_name_or_birth_is_no_warning(ctx, units):  # noqa: F811
    ps.create_person(ctx, new_person(units["VP"]), today=TODAY)
    for other in (identity(id_number="052185009876", birth_date=date(1985, 3, 6)),
                  identity(id_number="052185009877", full_name="Trần Thị Thu Hạ")):
        assert ps.new_person_warnings(ctx, new_person(units["VP"], ident=other), today=TODAY) == []


def test_an_edit_warns_only_when_name_or_birth_changes_into_someone_elses(ctx, units):  # noqa: F811
    ps.create_person(ctx, new_person(units["VP"]), today=TODAY)
    other = ps.create_person(ctx, new_person(units["VP"], ident=identity(
        id_number="052185009876", full_name="Lê Văn Bình", gender="M")), today=TODAY)
    phone = ps.PersonUpdate(other.id, other.row_version, replace(other.identity, phone="0912000111"))
    assert ps.person_update_warnings(ctx, phone, today=TODAY) == []
    renamed = ps.PersonUpdate(other.id, other.row_version, replace(other.identity, full_name="Trần Thị Thu Hà",
                                                                   gender="F"))
    assert [f for f, _ in ps.person_update_warnings(ctx, renamed, today=TODAY)] == ["full_name"]
    assert [f for f, _ in ps.update_person(ctx, renamed, today=TODAY).warnings] == ["full_name"]


def test_a_warning_does_not_name_nor_hint_at_someone_outside_the_users_units(ctx, units):  # noqa: F811
    ps.create_person(ctx, new_person(units["QLKH"]), today=TODAY)
    dto = new_person(units["VP"], ident=identity(id_number="052185009876"))
    assert [f for f, _ in ps.new_person_warnings(ctx, dto, today=TODAY)] == ["full_name"]  # the whole department
    ctx.sign_in("vp_officer", "to_chuc_can_bo", (units["VP"],))
    assert ps.new_person_warnings(ctx, dto, today=TODAY) == []
    assert ps.create_person(ctx, dto, today=TODAY).warnings == ()


def test_an_age_no_one_works_at_is_a_warning_and_1899_an_error(ctx, units):  # noqa: F811
    old = new_person(units["VP"], category="hop_dong", recruited=None,
                     ident=identity(birth_date=date(1900, 1, 1)))
    assert [f for f, _ in ps.new_person_warnings(ctx, old, today=TODAY)] == ["birth_date"]
    assert [f for f, _ in ps.create_person(ctx, old, today=TODAY).warnings] == ["birth_date"]
    older = new_person(units["VP"], category="hop_dong", recruited=None,
                       ident=identity(id_number="052185009876", birth_date=date(1899, 12, 31)))
    with pytest.raises(ValidationError) as err:
        ps.create_person(ctx, older, today=TODAY)
    assert "birth_date" in [f for f, _ in err.value.errors]


@pytest.mark.parametrize(("start", "refused"), [(date(2027, 6, 30), False), (date(2027, 7, 1), True),
                                                (date(9999, 12, 31), True)])
def test_a_start_more_than_a_year_ahead_is_refused_by_the_service(ctx, units, start, refused):  # noqa: F811
    dto = new_person(units["VP"], category="hop_dong", recruited=None)
    dto = replace(dto, employment=replace(dto.employment, start_date=start))
    if refused:
        with pytest.raises(ValidationError) as err:
            ps.create_person(ctx, dto, today=TODAY)
        assert [f for f, _ in err.value.errors] == ["start_date"]
    else:
        ps.create_person(ctx, dto, today=TODAY)


def test_a_birth_changed_so_that_work_began_before_fifteen_is_refused(ctx, units):  # noqa: F811
    saved = ps.create_person(ctx, new_person(units["VP"], category="hop_dong", recruited=None), today=TODAY)
    with ctx.read() as s:
        start = s.scalar(select(Employment.start_date).where(Employment.person_id == saved.id))
    assert start == date(2010, 9, 1)
    for birth, refused in ((date(1995, 9, 1), False), (date(1995, 9, 2), True)):
        profile = load_profile(ctx, saved.id)
        dto = ps.PersonUpdate(saved.id, profile.row_version, replace(profile.identity, birth_date=birth))
        if refused:
            with pytest.raises(ValidationError) as err:
                ps.update_person(ctx, dto, today=TODAY)
            assert [f for f, _ in err.value.errors] == ["birth_date"] and "15 tuổi" in err.value.errors[0][1]
        else:
            ps.update_person(ctx, dto, today=TODAY)


# ------------------------------------------------------------------ a step date inside a probation that does not count

RECRUITED, PROBATION_END = date(2022, 3, 1), date(2023, 2, 28)


def _recruit(units) -> ps.NewPerson:  # noqa: F811 - the fixture's name
    dto = new_person(units["VP"], category="vien_chuc", recruited=RECRUITED,
                     salary=ps.SalaryInput("01.003", 1, Decimal("2.34"), RECRUITED, percent=85, reason="tuyen_dung"))
    return replace(dto, employment=replace(dto.employment, start_date=RECRUITED, probation_start=RECRUITED,
                                           probation_end=PROBATION_END, probation_pay_percent=85))


def test_a_new_recruit_counts_the_first_step_from_the_end_of_probation(ctx, units):  # noqa: F811
    made = ps.create_person(ctx, _recruit(units), today=TODAY)
    with ctx.read() as s:
        assert s.scalar(select(SalaryStep.step_since).where(SalaryStep.person_id == made.id)) == date(2023, 3, 1)
    assert made.warnings == ()


@pytest.mark.parametrize("since, warned", [(date(2022, 2, 28), False), (RECRUITED, True), (PROBATION_END, True),
                                           (date(2023, 3, 1), False)])
def test_a_salary_row_whose_step_date_falls_inside_probation_is_saved_with_a_warning(ctx, units, since, warned):  # noqa: F811
    pid = ps.create_person(ctx, _recruit(units), today=TODAY).id
    dto = ps.SalaryInput("01.003", 1, Decimal("2.34"), date(2023, 3, 1), step_since=since, reason="tuyen_dung",
                         decision=ps.DecisionInput("5/QĐ-SKHCN", date(2023, 2, 20)))
    before = ps.salary_warnings(ctx, pid, dto)
    assert [f for f, _ in before] == (["step_since"] if warned else [])
    if warned:
        assert "01/03/2023" in before[0][1] and "TT 03/2021/TT-BNV" in before[0][1]
    assert ps.add_salary_step(ctx, pid, dto).warnings == tuple(before)
