"""The staff list's query run as an account limited to one unit: only that unit's people, a unit outside refused."""

from __future__ import annotations

import pytest

from hrapp.errors import PermissionDeniedError
from hrapp.queries.employees import EmployeeFilter, list_employees
from tests.queries.conftest import SCOPE_UNIT

COVERED = {"hrapp.queries.employees.list_employees"}


def test_the_list_holds_the_units_people_only(scoped, facts):
    rows = list_employees(scoped, EmployeeFilter(statuses=None))
    assert facts.leaked(rows) == set()
    assert sorted(r.id for r in rows) == facts.inside_ids
    assert {r.unit_code for r in rows} == {SCOPE_UNIT}


def test_a_search_finds_nobody_outside_the_unit(scoped, facts):
    someone_outside = sorted(facts.outside)[0]
    assert list_employees(scoped, EmployeeFilter(search=someone_outside, statuses=None)) == []


def test_a_unit_outside_is_refused_whether_it_exists_or_not(scoped, facts):
    other = next(code for code in facts.units if code != SCOPE_UNIT)
    for code in (other, "KHONG_CO"):
        with pytest.raises(PermissionDeniedError):
            list_employees(scoped, EmployeeFilter(unit_code=code))
