"""The staff list's id query at scale: SQLite walks the covering index in display order (no sort, no table
reads), and the ids come back in exactly the order of the plain query, for every kind of filter."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from hrapp.db.models import OrgUnit, Person
from hrapp.demo.generator import generate_province
from hrapp.domain.name_search import initials_index, narrow, narrows
from hrapp.queries.employees import (
    EmployeeFilter,
    _employee_ids,
    _employee_ids_and_haystacks,
    _employee_rows,
    _filtered,
    _list_employees,
)


@pytest.fixture(scope="module")
def province(tmp_path_factory: pytest.TempPathFactory):
    """400 people in 12 units, generated once; the tests only read."""
    from hrapp.services.setup import init_database

    ctx = init_database(str(tmp_path_factory.mktemp("list") / "p.sqlite3"))
    generate_province(ctx, 400, 12, seed=3, as_of=date(2026, 6, 30))
    yield ctx
    ctx.engine.dispose()


def _plain(session, f: EmployeeFilter) -> list[int]:
    return list(session.scalars(_filtered(session, f).order_by(Person.sort_key, Person.id)))


def test_ids_come_in_the_order_of_the_plain_query_for_every_filter(province):
    with province.read() as s:
        unit = s.scalar(select(OrgUnit.code).where(OrgUnit.parent_id.is_(None)))
        filters = [EmployeeFilter(), EmployeeFilter(search="n"), EmployeeFilter(search="nguyen van a"),
                   EmployeeFilter(search="thi"), EmployeeFilter(statuses=None), EmployeeFilter(unit_code=unit),
                   EmployeeFilter(search="h", unit_code=unit, category="cong_chuc"),
                   EmployeeFilter(search="khong co ai ten nay")]
        for f in filters:
            ids = _employee_ids(s, f)
            assert ids == _plain(s, f), f
        assert _employee_ids(s, EmployeeFilter(search="khong co ai ten nay")) == []
        assert len(_employee_ids(s, EmployeeFilter())) > 300


def test_a_search_reads_the_covering_index_in_display_order(province):
    with province.read() as s:
        stmt = _filtered(s, EmployeeFilter(search="nguyen van")).order_by(Person.sort_key, Person.id)
        sql = str(stmt.compile(dialect=s.get_bind().dialect, compile_kwargs={"literal_binds": True}))
        plan = " ".join(row[-1] for row in s.connection().exec_driver_sql("EXPLAIN QUERY PLAN " + sql))
    assert "COVERING INDEX ix_persons_list" in plan
    assert "TEMP B-TREE" not in plan


SEARCHES = ["n", "ng", "nguyen", "nguyen ", "nguyen v", "nguyen van", "nguyen van a", "van nguyen", "thi h", "đức",
            "DUC", "h h", "a_", "%", "khong co ai"]


def _check_narrowing(session, rests: list[EmployeeFilter]) -> None:
    for rest in rests:
        ids, haystacks = _employee_ids_and_haystacks(session, rest)
        initials = initials_index(haystacks)
        assert ids == _employee_ids(session, rest)
        previous = ("", ids, haystacks)
        for search in SEARCHES:
            f = EmployeeFilter(search=search, unit_code=rest.unit_code, statuses=rest.statuses)
            expected = _employee_ids(session, f)
            assert narrow(ids, haystacks, search)[0] == expected, search  # from the whole list
            assert narrow(ids, haystacks, search, initials)[0] == expected, search  # through its initials
            if narrows(previous[0], search):  # and from the previous keystroke's answer
                assert narrow(previous[1], previous[2], search)[0] == expected, (previous[0], search)
            previous = (search, *narrow(ids, haystacks, search))
    assert _employee_ids(session, EmployeeFilter(search="%")) == []  # typed % and _ are letters, not wildcards
    assert _employee_ids(session, EmployeeFilter(search="a_")) == []


def test_narrowing_in_memory_finds_exactly_what_the_database_finds(province):
    with province.read() as s:
        unit = s.scalar(select(OrgUnit.code).where(OrgUnit.parent_id.is_(None)))
        _check_narrowing(s, [EmployeeFilter(), EmployeeFilter(unit_code=unit, statuses=None)])


def test_narrowing_matches_the_database_on_every_backend(ctx):
    generate_province(ctx, 60, 3, seed=5, as_of=date(2026, 6, 30))
    with ctx.read() as s:
        assert len(_employee_ids(s, EmployeeFilter())) > 40
        _check_narrowing(s, [EmployeeFilter(), EmployeeFilter(statuses=None)])


def test_the_printed_list_has_the_rows_of_the_ids_in_display_order_on_every_backend(ctx):
    generate_province(ctx, 80, 4, seed=7, as_of=date(2026, 6, 30))
    with ctx.read() as s:
        unit = s.scalar(select(OrgUnit.code).where(OrgUnit.parent_id.is_(None)))
        leaf = s.scalar(select(OrgUnit.code).where(OrgUnit.parent_id.is_not(None)).order_by(OrgUnit.id))
        filters = [EmployeeFilter(), EmployeeFilter(statuses=None), EmployeeFilter(unit_code=unit),
                   EmployeeFilter(unit_code=leaf, include_subunits=False), EmployeeFilter(category="cong_chuc"),
                   EmployeeFilter(search="thi"), EmployeeFilter(unit_ids=frozenset()),
                   EmployeeFilter(search="khong co ai ten nay")]
        for f in filters:
            ids = _employee_ids(s, f)
            rows = _list_employees(s, f)
            assert [r.id for r in rows] == ids, f  # the whole list read at once, sorted by SQL, as the ids
            assert rows == _employee_rows(s, ids), f  # the same columns as a page of the screen's list
        assert len(_list_employees(s, EmployeeFilter(statuses=None))) == 80
        assert any(r.unit_name and r.rank_name and r.coefficient for r in _list_employees(s))


def test_a_search_narrows_another_when_each_old_word_starts_a_new_word():
    assert narrows("", "nguyen")
    assert narrows("ng", "nguyen")
    assert narrows("nguyen van", "nguyen van a")
    assert narrows("nguyen van", "van nguyen")
    assert narrows("Đức", "duc minh")
    assert not narrows("nguyen", "ngu")  # a deleted letter finds more people
    assert not narrows("nguyen van", "nguyen")
    assert not narrows("van", "an")  # "an" also finds "Anh"
