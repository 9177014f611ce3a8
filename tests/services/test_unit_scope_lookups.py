"""Lookups, pickers, alerts and checks of an account limited to one unit (the demo's TTUD) return nobody of the
other units; a new record with the CCCD of someone outside is refused without naming them."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from hrapp.db.models import OrgUnit, Person, PlanningPeriod
from hrapp.errors import ValidationError
from hrapp.services import persons as ps


@pytest.fixture
def demo(demo_ctx):
    with demo_ctx.read() as s:
        ttud = s.scalar(select(OrgUnit.id).where(OrgUnit.code == "TTUD"))
        people = s.execute(select(Person.id, Person.cur_unit_id, Person.full_name)).all()
        period = s.scalar(select(PlanningPeriod.id).order_by(PlanningPeriod.id))
    demo_ctx.sign_in("ttud.lanhdao", "lanh_dao", (ttud,))
    inside = {pid for pid, unit, _ in people if unit == ttud}
    return demo_ctx, ttud, inside, {pid for pid, unit, _ in people if unit != ttud}, period


def test_name_lookups_find_only_the_units_people(demo):
    from hrapp.queries.planning import candidates
    from hrapp.queries.training import staff_candidates

    ctx, _ttud, inside, outside, _period = demo
    found = {c.person_id for c in candidates(ctx, "n", limit=1000)} | \
        {c.person_id for c in staff_candidates(ctx, "n", limit=1000)}
    assert found and found <= inside


def test_the_employee_list_and_its_search_keep_to_the_unit(demo):
    from hrapp.queries.employees import EmployeeFilter, _employee_ids, _employee_rows, list_employees

    ctx, _ttud, inside, outside, _period = demo
    with ctx.read() as s:
        assert {r.id for r in list_employees(ctx, EmployeeFilter(statuses=()))} == inside
        assert set(_employee_ids(s, EmployeeFilter(search="nguyen"))) <= inside
        # a page of rows asked by id returns nobody outside, whatever ids it is given
        assert _employee_rows(s, sorted(outside)) == []


def test_alerts_and_the_planning_check_name_only_the_units_people(demo):
    from hrapp.services.alerts import alerts
    from hrapp.services.planning import check_period

    ctx, _ttud, inside, outside, period = demo
    found = alerts(ctx, date(2026, 1, 1), days=3650)
    assert found and {a.employee_id for a in found} <= inside
    check = check_period(ctx, period)
    assert check.entries and {e.entry.person_id for e in check.entries} <= inside


def test_a_new_record_with_the_cccd_of_someone_outside_does_not_name_them(demo):
    ctx, ttud, _inside, outside, _period = demo
    with ctx.read() as s:
        s.info.clear()  # read as the administrator would, to know the number
        number, name = s.execute(select(Person.id_number, Person.full_name)
                                 .where(Person.id == min(outside))).one()
    ctx.sign_in("ttud.tccb", "to_chuc_can_bo", (ttud,))
    dto = ps.NewPerson(
        identity=ps.IdentityInput(full_name="Ngô Thị Mới", gender="F", birth_date=date(1990, 4, 2),
                                  id_number=number),
        employment=ps.EmploymentInput(category="hop_dong", unit_id=ttud, start_date=date(2020, 1, 2)))
    with pytest.raises(ValidationError) as refused:
        ps.create_person(ctx, dto)
    assert refused.value.errors[0][0] == "id_number"
    assert name not in refused.value.message


def test_the_audit_trail_of_an_administrator_limited_to_a_unit_shows_only_its_peoples_rows(demo):
    from hrapp.queries.audit import AuditFilter, audit_entries

    ctx, ttud, inside, outside, _period = demo
    ctx.sign_in("ttud.quantri", "quan_tri", (ttud,))
    rows = audit_entries(ctx, AuditFilter())
    people = {r.person_id for r in rows if r.person_id is not None}
    assert people and people <= inside


def test_hiring_a_winner_whose_cccd_is_someone_outsides_does_not_name_them(demo_ctx):
    from hrapp.db.models import Candidate
    from hrapp.queries import recruitment as rq
    from hrapp.services import recruitment as rec
    from tests.services.test_demo_recruitment import DISCOVERY, _rounds, _sign

    info = _rounds(demo_ctx)[DISCOVERY]
    winner = rq.results(demo_ctx, info.id).winners()[0][1]
    with demo_ctx.unit_of_work() as s:
        ttkp = s.scalar(select(OrgUnit.id).where(OrgUnit.code == "TTKP"))
        number, name = s.execute(select(Person.id_number, Person.full_name).join(OrgUnit, OrgUnit.id == Person.cur_unit_id)
                                 .where(OrgUnit.code == "BGD").order_by(Person.id)).first()
        s.get(Candidate, winner.candidate_id).id_number = number
    demo_ctx.sign_in("ttkp.tccb", "to_chuc_can_bo", (ttkp,))
    with pytest.raises(ValidationError) as refused:
        rec.hire_winners(demo_ctx, rec.HireInput(info.id, _sign("200/QĐ-SKH&CN", date(2022, 6, 28)),
                                                 start_date=date(2022, 7, 1)))
    assert "id_number" in {f for f, _ in refused.value.errors}
    assert name not in refused.value.message
