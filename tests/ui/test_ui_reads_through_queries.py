"""The window never holds a database session nor writes SQL: every read goes through a query function of
hrapp/queries that takes the context, checks the READ permission and opens its own read session."""

from __future__ import annotations

import inspect
import re

import pytest
from sqlalchemy import select

from hrapp.db.models import OrgUnit, Person
from hrapp.errors import PermissionDeniedError
from hrapp.paths import ROOT
from hrapp.queries import lookups
from hrapp.queries.employees import EmployeeFilter

FORBIDDEN = {
    "a read session": re.compile(r"\bctx\.read\("),
    "a unit of work": re.compile(r"\bunit_of_work\("),
    "the session factory": re.compile(r"\bsession_factory\b"),
    "SQLAlchemy": re.compile(r"^\s*(?:from|import)\s+sqlalchemy\b", re.MULTILINE),
    "the mapped tables": re.compile(r"\bhrapp\.db\.models\b"),
}


def ui_sources() -> list:
    return sorted((ROOT / "ui").rglob("*.py"))


def test_the_scan_reads_the_ui_sources():
    names = {p.relative_to(ROOT).as_posix() for p in ui_sources()}
    assert {"ui/widgets/forms.py", "ui/models/employee_table_model.py", "ui/pages/admin_page.py"} <= names


@pytest.mark.parametrize("what", sorted(FORBIDDEN))
def test_no_ui_source_opens_a_session_or_writes_sql(what):
    pattern = FORBIDDEN[what]
    offenders = []
    for path in ui_sources():
        text = path.read_text(encoding="utf-8")
        for m in pattern.finditer(text):
            line = text.count("\n", 0, m.start()) + 1
            offenders.append(f"{path.relative_to(ROOT).as_posix()}:{line}")
    assert offenders == [], f"{what} in the window's code: use a query function of hrapp/queries"


@pytest.mark.parametrize("pattern", sorted(FORBIDDEN))
def test_the_scan_finds_what_it_looks_for(pattern):
    samples = {
        "a read session": "    with self.ctx.read() as s:\n",
        "a unit of work": "    with ctx.unit_of_work() as s:\n",
        "the session factory": "    s = ctx.session_factory()\n",
        "SQLAlchemy": "    from sqlalchemy import select\n",
        "the mapped tables": "from hrapp.db.models import OrgUnit\n",
    }
    assert FORBIDDEN[pattern].search(samples[pattern])


CALLS = {
    "unit_choices": lambda ctx: lookups.unit_choices(ctx),
    "unit_id_of_code": lambda ctx: lookups.unit_id_of_code(ctx, "VP"),
    "unit_code_of_id": lambda ctx: lookups.unit_code_of_id(ctx, 1),
    "unit_names": lambda ctx: lookups.unit_names(ctx),
    "open_units": lambda ctx: lookups.open_units(ctx),
    "units_on": lambda ctx: lookups.units_on(ctx, lookups.clock.today()),
    "staff_ids": lambda ctx: lookups.staff_ids(ctx, EmployeeFilter()),
    "staff_ids_and_names": lambda ctx: lookups.staff_ids_and_names(ctx, EmployeeFilter()),
    "staff_rows": lambda ctx: lookups.staff_rows(ctx, [1]),
    "staff_first_rows": lambda ctx: lookups.staff_first_rows(ctx, EmployeeFilter(), 10),
}


def test_every_lookup_is_called_here():
    public = {name for name, fn in inspect.getmembers(lookups, inspect.isfunction)
              if fn.__module__ == lookups.__name__ and not name.startswith("_")}
    assert public == set(CALLS)


@pytest.mark.parametrize("name", sorted(CALLS))
def test_a_lookup_is_refused_before_sign_in(staff_ctx, name):
    staff_ctx.accounts_on = True
    staff_ctx.sign_out()  # accounts on, nobody signed in: no right at all
    with pytest.raises(PermissionDeniedError) as caught:
        CALLS[name](staff_ctx)
    assert caught.value.code == "not_signed_in"


@pytest.mark.parametrize("name", sorted(CALLS))
def test_a_lookup_answers_a_viewer(staff_ctx, name):
    staff_ctx.accounts_on = True
    staff_ctx.sign_in("viewer", "xem")
    CALLS[name](staff_ctx)  # READ is enough


def test_an_account_limited_to_a_unit_reads_its_people_and_units_only(staff_ctx):
    with staff_ctx.read() as s:
        vp = s.scalar(select(OrgUnit.id).where(OrgUnit.code == "VP"))
        people = dict(s.execute(select(Person.id, Person.cur_unit_id)).all())
    inside = {p for p, u in people.items() if u == vp}
    assert inside and set(people) - inside  # people on both sides
    staff_ctx.sign_in("vp", "lanh_dao", (vp,))
    every = EmployeeFilter(statuses=None)
    assert set(lookups.staff_ids(staff_ctx, every)) == inside
    ids, first = lookups.staff_first_rows(staff_ctx, every, 1000)
    assert set(ids) == inside and {r.id for r in first} == inside
    assert {r.id for r in lookups.staff_rows(staff_ctx, list(people))} == inside
    assert set(lookups.staff_ids_and_names(staff_ctx, every)[0]) == inside
    assert [n.id for n in lookups.unit_choices(staff_ctx)] == [vp]
