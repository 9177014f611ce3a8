"""The unit scope hook: a session marked for some units reads only the people of those units and their sub-units,
and only the rows those people own, whatever the shape of the query; unmarked sessions read everyone."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import aliased

from hrapp.db.models import Employment, OrgUnit, Person, SalaryStep
from hrapp.db.scope import ALL_UNITS, _person_owned, limit_to_units, reader, scope_units


@pytest.fixture
def world(ctx):
    """A department with a unit A (with a sub-unit A1) and a unit B, one person in each, each with a job."""
    with ctx.unit_of_work() as s:
        root = OrgUnit(code="SO", name="Sở", kind="so")
        s.add(root)
        s.flush()
        a = OrgUnit(code="A", name="Phòng A", kind="phong", parent_id=root.id)
        b = OrgUnit(code="B", name="Phòng B", kind="phong", parent_id=root.id)
        s.add_all([a, b])
        s.flush()
        a1 = OrgUnit(code="A1", name="Tổ A1", kind="to", parent_id=a.id)
        s.add(a1)
        s.flush()
        people = {}
        for name, unit in (("Người A", a), ("Người A1", a1), ("Người B", b)):
            p = Person(full_name=name, gender="F", birth_date=date(1990, 1, 1), cur_unit_id=unit.id, status="working")
            s.add(p)
            s.flush()
            s.add(Employment(person_id=p.id, category="hop_dong", unit_id=unit.id, start_date=date(2020, 1, 1)))
            s.add(SalaryStep(person_id=p.id, rank_code="01.003", salary_class="A1", step=1, coefficient=Decimal("2.34"),
                             effective_date=date(2020, 1, 1), step_since=date(2020, 1, 1), reason="tuyen_dung"))
            people[name] = p.id
        units = {"A": a.id, "A1": a1.id, "B": b.id}
    return units, people


def test_an_unmarked_session_reads_everyone(ctx, world):
    with ctx.read() as s:
        assert scope_units(s) is None
        assert s.scalar(select(func.count()).select_from(Person)) == 3


def test_a_marked_session_reads_the_units_people_and_sub_units_whatever_the_query(ctx, world):
    units, people = world
    own = {people["Người A"], people["Người A1"]}
    with ctx.read() as s:
        limit_to_units(s, (units["A"],))
        assert scope_units(s) == {units["A"], units["A1"]}
        assert {p.id for p in s.scalars(select(Person))} == own
        assert set(s.scalars(select(Person.id))) == own
        assert s.scalar(select(func.count(Person.id))) == 2
        assert s.get(Person, people["Người B"]) is None
        assert set(s.scalars(select(Employment.person_id))) == own  # rows a person owns
        latest = aliased(SalaryStep)
        joined = s.execute(select(Employment.person_id, latest.id).join(Person, Person.id == Employment.person_id)
                           .outerjoin(latest, latest.person_id == Employment.person_id)).all()
        assert {r[0] for r in joined} == own and all(r[1] is not None for r in joined)
        # the fast path of large lists: the bare connection when unlimited, the session (and the hook) when limited
        assert set(r[0] for r in reader(s).execute(select(Person.id))) == own
        # a uniqueness check sees everyone, and says so
        assert s.scalar(select(func.count(Person.id)).execution_options(**{ALL_UNITS: True})) == 3


def test_two_scopes_in_turn_each_get_their_own_people(ctx, world):
    units, people = world
    for unit, expected in (("A", {"Người A", "Người A1"}), ("B", {"Người B"}), ("A1", {"Người A1"})):
        ctx.sign_in("u", "xem", (units[unit],))
        with ctx.read() as s:
            assert set(s.scalars(select(Person.full_name))) == expected
        with ctx.unit_of_work() as s:
            assert set(s.scalars(select(Person.full_name))) == expected
    ctx.sign_out()


def test_every_table_holding_a_person_id_is_covered():
    names = {c.__tablename__ for c in _person_owned()}
    assert {"employments", "salary_steps", "family_members", "planning_entries", "training_records",
            "audit_log", "recruitment_candidates", "attachments"} <= names
