"""The one history writer at its edges: a row opening on E closes the running row on E−1, the same day and an
earlier day are refused by the services as before, and the ORM and bulk paths give the same rows and the same
audit rows."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from hrapp.db.models import AuditLog, Employment, OrgUnit, PostHeld
from hrapp.domain.history import chain_ends, day_before, superseded_end
from hrapp.errors import DomainError, ValidationError
from hrapp.services import persons as ps
from hrapp.services.history import Keep, audit_inserted, chain, insert_rows, supersede, supersede_rows
from tests.services.test_persons import DEC, new_person, units  # noqa: F401  (fixture)

E = date(2021, 3, 1)


# ------------------------------------------------------------------------------------------- the rule


def test_a_row_opening_on_e_closes_the_running_row_on_the_day_before():
    assert day_before(E) == date(2021, 2, 28)
    assert superseded_end(date(2010, 9, 1), None, E) == date(2021, 2, 28)
    assert superseded_end(date(2010, 9, 1), date(2030, 1, 1), E) == date(2021, 2, 28)  # ends later: cut
    assert superseded_end(date(2010, 9, 1), E, E) == date(2021, 2, 28)  # its last day is E itself
    assert superseded_end(date(2010, 9, 1), date(2021, 2, 28), E) is None  # already ends the day before
    assert superseded_end(date(2010, 9, 1), date(2015, 1, 1), E) is None  # ended long before


def test_a_row_opening_on_the_same_day_or_later_is_only_left_alone_when_asked():
    assert superseded_end(E, None, E, started_before=True) is None
    assert superseded_end(date(2022, 1, 1), None, E, started_before=True) is None
    # the rule of the employment and rank writers, which refuse such rows before writing: it would be closed
    assert superseded_end(E, None, E) == date(2021, 2, 28)


def test_consecutive_rows_chain_each_to_the_day_before_the_next():
    assert chain_ends([date(2010, 9, 1), date(2016, 9, 1), E]) == [date(2016, 8, 31), date(2021, 2, 28), None]
    assert chain_ends([E]) == [None]
    assert chain_ends([]) == []


# ------------------------------------------------------------------------------------------- the writer


def _history() -> list[tuple[date, date | None, str | None]]:
    return [(date(2005, 1, 1), date(2009, 12, 31), "moved"), (date(2010, 1, 1), None, None),
            (date(2012, 1, 1), date(2030, 1, 1), "transfer"), (E, None, None)]


def test_orm_and_bulk_paths_close_the_same_rows_with_the_same_values():
    mapped = [Employment(start_date=a, end_date=b, end_reason=r) for a, b, r in _history()]
    plain = [{"start_date": a, "end_date": b, "end_reason": r} for a, b, r in _history()]
    closed = supersede(mapped, E, started_before=True, end_reason=Keep("moved"), end_decision_id=7)
    closed_rows = supersede_rows(plain, E, started_before=True, end_reason=Keep("moved"), end_decision_id=7)
    assert [m.start_date for m in closed] == [r["start_date"] for r in closed_rows] == [date(2010, 1, 1),
                                                                                         date(2012, 1, 1)]
    assert [(m.start_date, m.end_date, m.end_reason) for m in mapped] == \
        [(r["start_date"], r["end_date"], r["end_reason"]) for r in plain] == [
            (date(2005, 1, 1), date(2009, 12, 31), "moved"), (date(2010, 1, 1), date(2021, 2, 28), "moved"),
            (date(2012, 1, 1), date(2021, 2, 28), "transfer"), (E, None, None)]
    assert [m.end_decision_id for m in closed] == [r["end_decision_id"] for r in closed_rows] == [7, 7]
    assert chain([{"effective_date": date(2010, 1, 1)}, {"effective_date": E}], start="effective_date") == [
        {"effective_date": date(2010, 1, 1), "end_date": date(2021, 2, 28)}, {"effective_date": E, "end_date": None}]


def test_bulk_insert_and_its_one_audit_call_give_the_rows_the_orm_path_gives(ctx):
    with ctx.unit_of_work() as s:
        s.add(OrgUnit(code="ORM", name="Phòng ORM", kind="phong", active_from=date(2020, 1, 1)))
    with ctx.unit_of_work() as s:
        conn = s.connection()
        insert_rows(conn, OrgUnit.__table__, [{"code": "BULK", "name": "Phòng Bulk", "kind": "phong",
                                               "active_from": date(2020, 1, 1)}])
        pk = s.scalar(select(OrgUnit.id).where(OrgUnit.code == "BULK"))
        orm_row = s.scalar(select(AuditLog).where(AuditLog.entity == "org_units"))
        assert audit_inserted(conn, s.info.get("user", "system"), orm_row.at, "org_units",
                              [(pk, {"code": [None, "BULK"], "name": [None, "Phòng Bulk"]})], "",
                              person_ids=False) == 1
    with ctx.read() as s:
        units_ = {u.code: u for u in s.scalars(select(OrgUnit))}
        rows = s.scalars(select(AuditLog).where(AuditLog.entity == "org_units").order_by(AuditLog.id)).all()
        orm, bulk = units_["ORM"], units_["BULK"]
        assert (orm.kind, orm.active_from, orm.active_to) == (bulk.kind, bulk.active_from, bulk.active_to)
        assert [(r.action, r.entity, r.user, r.person_id) for r in rows] == [("insert", "org_units", "tester", None)] * 2
        assert [r.entity_id for r in rows] == [str(orm.id), str(bulk.id)]
        assert rows[1].changes == {"code": [None, "BULK"], "name": [None, "Phòng Bulk"]}
        assert rows[0].changes["code"] == [None, "ORM"]


# ------------------------------------------------------------------------------------------- through the services


def test_a_move_on_the_same_day_or_before_the_running_period_is_refused_and_writes_nothing(ctx, units):  # noqa: F811
    prof = ps.create_person(ctx, new_person(units["VP"]))
    for day in (date(2010, 9, 1), date(2009, 1, 1)):
        with pytest.raises(ValidationError) as err:
            ps.add_employment(ctx, prof.id, ps.EmploymentInput("cong_chuc", units["QLKH"], day, decision=DEC))
        assert err.value.errors[0][0] == "start_date"
    with ctx.read() as s:
        assert [(e.start_date, e.end_date) for e in s.scalars(select(Employment))] == [(date(2010, 9, 1), None)]


def test_a_new_main_post_closes_the_running_one_and_a_concurrent_post_closes_nothing(ctx, units):  # noqa: F811
    prof = ps.create_person(ctx, new_person(units["VP"]))
    ps.add_post(ctx, prof.id, ps.PostInput("pho_chanh_van_phong", units["VP"], date(2020, 5, 1), decision=DEC))
    ps.add_post(ctx, prof.id, ps.PostInput("truong_phong", units["QLKH"], date(2020, 9, 1), is_concurrent=True,
                                           decision=DEC))
    ps.add_post(ctx, prof.id, ps.PostInput("chanh_van_phong", units["VP"], date(2021, 3, 1), decision=DEC))
    with ctx.read() as s:
        posts = {p.post_code: p for p in s.scalars(select(PostHeld))}
    assert posts["pho_chanh_van_phong"].end_date == date(2021, 2, 28)
    assert posts["pho_chanh_van_phong"].end_reason and posts["pho_chanh_van_phong"].end_decision_id
    assert posts["truong_phong"].end_date is None and posts["chanh_van_phong"].end_date is None


# ------------------------------------------------------------------------------------------- appointment terms


def test_the_editor_and_the_importer_read_one_appointment_term_rule():
    from hrapp.domain.appointments import post_term_end, retirement_first_day, term_end
    from hrapp.domain.rules import load_rulebook

    rules = load_rulebook()
    start = date(2021, 3, 1)
    retire = retirement_first_day("F", date(1985, 3, 5), "day", rules)
    assert retire is not None and retire > start
    assert post_term_end("bo_nhiem", start, retire, rules) == term_end(start, retire, rules).end == date(2026, 2, 28)
    assert post_term_end("bo_nhiem_lai", start, date(2023, 7, 1), rules) == date(2023, 6, 30)  # cut at retirement
    assert post_term_end("keo_dai", start, date(2023, 7, 1), rules) == date(2023, 6, 30)
    assert post_term_end("keo_dai", start, None, rules) is None
    assert post_term_end("giao_phu_trach", start, retire, rules) is None
    assert retirement_first_day("F", date(1985, 3, 5), "not-a-precision", rules) is None
    with pytest.raises(DomainError) as err:
        post_term_end("bo_nhiem", start, start, rules)
    assert err.value.code == "retired_before_term"
