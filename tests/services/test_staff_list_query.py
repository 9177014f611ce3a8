"""The staff list's id query at scale: SQLite walks the covering index in display order (no sort, no table
reads), and the ids come back in exactly the order of the plain query, for every kind of filter."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from hrapp.db.models import OrgUnit, Person
from hrapp.queries.employees import EmployeeFilter, _filtered, employee_ids
from hrapp.services.generator import generate_province


@pytest.fixture(scope="module")
def province(tmp_path_factory: pytest.TempPathFactory):
    """400 people in 12 units, generated once; the tests only read."""
    from hrapp.services.setup import init_database

    ctx = init_database(str(tmp_path_factory.mktemp("list") / "p.sqlite3"))
    generate_province(ctx, 400, 12, seed=3, as_of=date(2026, 6, 30))
    yield ctx
    ctx.engine.dispose()


def _plain(session, f: EmployeeFilter) -> list[int]:  # noqa: ANN001
    return list(session.scalars(_filtered(session, f).order_by(Person.sort_key, Person.id)))


def test_ids_come_in_the_order_of_the_plain_query_for_every_filter(province):
    with province.read() as s:
        unit = s.scalar(select(OrgUnit.code).where(OrgUnit.parent_id.is_(None)))
        filters = [EmployeeFilter(), EmployeeFilter(search="n"), EmployeeFilter(search="nguyen van a"),
                   EmployeeFilter(search="thi"), EmployeeFilter(statuses=None), EmployeeFilter(unit_code=unit),
                   EmployeeFilter(search="h", unit_code=unit, category="cong_chuc"),
                   EmployeeFilter(search="khong co ai ten nay")]
        for f in filters:
            ids = employee_ids(s, f)
            assert ids == _plain(s, f), f
        assert employee_ids(s, EmployeeFilter(search="khong co ai ten nay")) == []
        assert len(employee_ids(s, EmployeeFilter())) > 300


def test_a_search_reads_the_covering_index_in_display_order(province):
    with province.read() as s:
        stmt = _filtered(s, EmployeeFilter(search="nguyen van")).order_by(Person.sort_key, Person.id)
        sql = str(stmt.compile(dialect=s.get_bind().dialect, compile_kwargs={"literal_binds": True}))
        plan = " ".join(row[-1] for row in s.connection().exec_driver_sql("EXPLAIN QUERY PLAN " + sql))
    assert "COVERING INDEX ix_persons_list" in plan
    assert "TEMP B-TREE" not in plan
