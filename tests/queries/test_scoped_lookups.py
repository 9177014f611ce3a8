"""The window's reads run as an account limited to one unit: unit choices, the staff list, planning lists."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from hrapp.db.models import PlanningEntry
from hrapp.queries import lookups, planning
from hrapp.queries.employees import EmployeeFilter
from tests.queries.conftest import SCOPE_UNIT

COVERED = {f"hrapp.queries.lookups.{name}" for name in (
    "unit_choices", "unit_id_of_code", "unit_code_of_id", "unit_names", "open_units", "units_on", "staff_ids",
    "staff_ids_and_names", "staff_rows", "staff_first_rows")}

EVERYONE = EmployeeFilter(statuses=None)


def test_the_units_to_choose_from_are_the_accounts(scoped, facts):
    assert [u.code for u in lookups.unit_choices(scoped, date(2022, 6, 30))] == [SCOPE_UNIT]


def test_units_are_named_by_code_and_id_without_people(scoped, facts):
    # unit names and codes are the department's structure, not personal data: every account reads them
    assert lookups.unit_id_of_code(scoped, SCOPE_UNIT) == facts.unit_id
    assert lookups.unit_code_of_id(scoped, facts.unit_id) == SCOPE_UNIT
    names = lookups.unit_names(scoped)
    assert set(names) == set(facts.units.values())
    assert facts.leaked(names) == set()
    assert facts.leaked(lookups.open_units(scoped)) == set()
    assert facts.leaked(lookups.units_on(scoped, date(2022, 6, 30))) == set()


def test_the_staff_list_holds_the_units_people_only(scoped, facts):
    assert sorted(lookups.staff_ids(scoped, EVERYONE)) == facts.inside_ids
    ids, haystacks = lookups.staff_ids_and_names(scoped, EVERYONE)
    assert sorted(ids) == facts.inside_ids and len(haystacks) == len(ids)
    first_ids, rows = lookups.staff_first_rows(scoped, EVERYONE, 5)
    assert sorted(first_ids) == facts.inside_ids and facts.leaked(rows) == set()
    assert {r.id for r in rows} <= set(facts.inside_ids)


def test_a_person_outside_reads_as_missing(scoped, facts):
    assert lookups.staff_rows(scoped, facts.outside_ids) == []
    rows = lookups.staff_rows(scoped, facts.inside_ids + facts.outside_ids)
    assert [r.id for r in rows] == facts.inside_ids and facts.leaked(rows) == set()


def test_planning_lists_hold_the_units_people_only(demo_ctx, facts):
    with demo_ctx.read() as s:
        statuses = tuple(s.scalars(select(PlanningEntry.status).distinct()))
    periods = planning.list_periods(demo_ctx)
    whole = {p.id: planning.list_entries(demo_ctx, p.id, statuses) for p in periods}
    reviewed = {p.id: planning.has_review(demo_ctx, p.id) for p in periods}
    demo_ctx.sign_in("ttud.lanhdao", "lanh_dao", (facts.unit_id,))
    seen = planning.list_periods(demo_ctx)
    assert [p.id for p in seen] == [p.id for p in periods]
    # a period counts the unit's people only
    assert [p.active_entries for p in seen] == [
        sum(e.status == "active" and e.person_id in set(facts.inside_ids) for e in whole[p.id]) for p in periods]
    inside = set(facts.inside_ids)
    for period in periods:
        entries = planning.list_entries(demo_ctx, period.id, statuses)
        assert facts.leaked(entries) == set()
        assert entries == [e for e in whole[period.id] if e.person_id in inside]
        assert planning.has_review(demo_ctx, period.id) == reviewed[period.id]
    assert any(e.person_id not in inside for entries in whole.values() for e in entries)
