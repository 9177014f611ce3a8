"""The synthetic province: the same seed and day give the same data, every table is sane and linked, the
snapshot columns agree with the history, and the whole generation is one audit row."""

from __future__ import annotations

import shutil
from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select, text

from hrapp.db import audit
from hrapp.db.models import (
    AuditLog,
    Employment,
    Evaluation,
    HeadcountQuota,
    JobPosition,
    OrgUnit,
    Person,
    PlanningEntry,
    PostHeld,
    Qualification,
    RankAssignment,
    RecruitmentRound,
    SalaryStep,
    TrainingRecord,
)
from hrapp.demo.generator import generate_province
from hrapp.domain.retirement import add_months
from hrapp.errors import DomainError, ValidationError
from hrapp.services.snapshot import snapshot_values

AS_OF = date(2026, 6, 30)
TABLES = ("persons", "org_units", "job_positions", "employments", "rank_assignments", "salary_steps", "posts_held",
          "qualifications", "evaluations", "headcount_quotas", "decisions", "work_history", "recruitment_candidates",
          "planning_entries", "training_records")


@pytest.fixture(scope="module")
def province(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """500 people in 20 units, generated once for the module (tests read a copy)."""
    from hrapp.services.setup import init_database

    path = tmp_path_factory.mktemp("province") / "p.sqlite3"
    ctx = init_database(str(path))
    ctx.user = "tester"
    generate_province(ctx, 500, 20, seed=1, as_of=AS_OF)
    with ctx.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    ctx.engine.dispose()
    return path


@pytest.fixture
def pctx(province: Path, tmp_path: Path):
    from hrapp.context import ServiceContext

    path = tmp_path / "p.sqlite3"
    shutil.copyfile(province, path)
    ctx = ServiceContext.open(str(path))
    ctx.user = "tester"
    yield ctx
    ctx.engine.dispose()


def _dump(ctx) -> dict[str, list[tuple]]:
    with ctx.engine.connect() as conn:
        return {t: conn.exec_driver_sql(f"SELECT * FROM {t} ORDER BY id").all() for t in TABLES}


def test_counts_are_the_ones_asked_for(pctx):
    with pctx.read() as s:
        assert s.scalar(select(func.count()).select_from(Person)) == 500
        assert s.scalar(select(func.count()).select_from(OrgUnit)) == 20
        assert s.scalar(select(func.count()).select_from(RecruitmentRound)) == 1
        for model in (JobPosition, HeadcountQuota, PostHeld, Evaluation, PlanningEntry, TrainingRecord):
            assert s.scalar(select(func.count()).select_from(model)) > 0, model.__tablename__


def test_every_person_has_five_salary_rows_an_employment_a_rank_and_a_name_for_search(pctx):
    with pctx.read() as s:
        fewest = s.scalar(select(func.min(text("n"))).select_from(
            select(func.count().label("n")).select_from(Person).outerjoin(SalaryStep, SalaryStep.person_id == Person.id)
            .group_by(Person.id).subquery()))
        assert fewest >= 5
        for model in (Employment, RankAssignment):
            missing = s.scalar(select(func.count()).select_from(Person).where(
                ~select(model.id).where(model.person_id == Person.id).exists()))
            assert missing == 0, model.__tablename__
        assert s.scalar(select(func.count()).select_from(Person).where(
            (Person.name_folded == "") | (Person.sort_key == "") | Person.id_number.is_(None))) == 0
        assert s.scalar(select(func.count(func.distinct(Person.id_number)))) == 500


def test_references_hold_and_units_form_one_tree_per_department(pctx):
    with pctx.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA foreign_key_check").all() == []
        assert conn.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
    with pctx.read() as s:
        units = s.execute(select(OrgUnit.id, OrgUnit.parent_id, OrgUnit.kind)).all()
        ids = {u.id for u in units}
        assert all(u.parent_id in ids for u in units if u.parent_id is not None)
        assert all(u.kind == "so" for u in units if u.parent_id is None)
        # Everyone working is in a unit that exists and has a quota for a civil-service category.
        assert s.scalar(select(func.count()).select_from(Person).where(Person.cur_unit_id.is_(None))) == 0


def test_salary_rows_follow_the_scale_in_date_order(pctx):
    from hrapp.domain.salary import coefficient

    with pctx.read() as s:
        rows = s.execute(select(SalaryStep.person_id, SalaryStep.salary_class, SalaryStep.step,
                                SalaryStep.coefficient, SalaryStep.effective_date, SalaryStep.step_since)
                         .order_by(SalaryStep.person_id, SalaryStep.effective_date, SalaryStep.id)).all()
    previous = None
    for r in rows:
        assert r.coefficient == coefficient(r.salary_class, r.step, pctx.rulebook, r.effective_date)
        # A recruit from 15/08/2021 counts the first step from the end of probation (TT 03/2021/TT-BNV): the
        # probation row (85%) already says so, a date after the row's own.
        assert r.effective_date <= AS_OF and (r.step_since <= r.effective_date or (
            r.step == 1 and r.effective_date >= date(2021, 8, 15) and r.step_since == add_months(r.effective_date, 12)))
        if previous is not None and previous.person_id == r.person_id:
            assert previous.effective_date <= r.effective_date
        previous = r


def test_salary_rows_are_entered_in_date_order_and_follow_the_rank_held(pctx):
    """No step is dated before a row entered earlier (a promotion keeps the old step's date, so the next step
    could fall due before the promotion itself); each row's rank is the one held on its date."""
    with pctx.read() as s:
        rows = s.execute(select(SalaryStep.person_id, SalaryStep.rank_code, SalaryStep.effective_date)
                         .order_by(SalaryStep.person_id, SalaryStep.id)).all()
        held: dict[int, list] = {}
        for r in s.execute(select(RankAssignment.person_id, RankAssignment.rank_code, RankAssignment.effective_date,
                                  RankAssignment.end_date)):
            held.setdefault(r.person_id, []).append(r)
    previous = None
    for r in rows:
        if previous is not None and previous.person_id == r.person_id:
            assert previous.effective_date <= r.effective_date, r
        on_day = [a.rank_code for a in held[r.person_id]
                  if a.effective_date <= r.effective_date and (a.end_date is None or a.end_date >= r.effective_date)]
        assert on_day == [r.rank_code], r
        previous = r


def test_a_step_falling_due_before_a_promotion_is_not_dated_before_it(ctx):
    """Every step early (the 5% draw) and a promotion in any month of 15 years: the rows of the career, in the
    order they are entered, never go back in time."""
    from hrapp.demo.generator import _Generator
    from hrapp.domain.retirement import add_months

    with ctx.engine.connect() as conn:
        g = _Generator(conn, ctx.rulebook, 1, 1, seed=1, as_of=AS_OF, progress=None)
        g.rng.random = lambda: 0.04  # type: ignore[method-assign]
        g.decision = lambda *_a, **_k: 1  # type: ignore[method-assign]
        for months in range(0, 180, 1):
            on = add_months(date(2010, 1, 1), months)
            rows = g._salary(1, 0, "V.05.01.03", date(2003, 10, 1), None, [(on, "V.05.01.02")], AS_OF)
            days = [r["effective_date"] for r in rows]
            assert days == sorted(days), on
            assert all(r["rank_code"] == "V.05.01.02" for r in rows if r["effective_date"] >= on), on


def test_snapshot_columns_agree_with_the_history(pctx):
    with pctx.read() as s:
        def by_person(model):
            out: dict[int, list] = {}
            for row in s.scalars(select(model)):
                out.setdefault(row.person_id, []).append(row)
            return out

        emps, ranks, steps, posts = (by_person(m) for m in (Employment, RankAssignment, SalaryStep, PostHeld))
        edu: dict[int, list[str]] = {}
        for pid, level in s.execute(select(Qualification.person_id, Qualification.level_code)
                                    .where(Qualification.kind == "chuyen_mon")):
            edu.setdefault(pid, []).append(level)
        for p in s.scalars(select(Person)):
            expected = snapshot_values(emps[p.id], ranks[p.id], steps[p.id], posts.get(p.id, []), edu.get(p.id, []),
                                       AS_OF)
            actual = {k: getattr(p, k) for k in expected}
            assert actual == expected, p.id


def test_retired_people_left_on_their_last_working_day(pctx):
    from hrapp.domain.retirement import retirement

    with pctx.read() as s:
        retired = s.execute(select(Person.gender, Person.birth_date, Employment.end_date, Employment.end_reason)
                            .join(Employment, Employment.person_id == Person.id)
                            .where(Person.status == "retired", Employment.end_reason == "retired")).all()
        working_ended = s.scalar(select(func.count()).select_from(Person).join(
            Employment, Employment.person_id == Person.id).where(
            Person.status == "working", Employment.end_reason == "retired"))
    assert retired and working_ended == 0
    for gender, born, end, _reason in retired:
        assert end == retirement(gender, born, pctx.rulebook).last_working_day <= AS_OF


def test_a_leaders_term_never_runs_past_retirement(pctx):
    """A term of office runs five years, or ends the day before retirement when that comes first (the
    appointment rule, hrapp.domain.appointments); some of the province's leaders retire within their term."""
    from hrapp.domain.retirement import add_months, retirement

    with pctx.read() as s:
        terms = s.execute(select(Person.gender, Person.birth_date, PostHeld.start_date, PostHeld.term_end)
                          .join(PostHeld, PostHeld.person_id == Person.id)).all()
    assert terms
    cut_short = 0
    for gender, born, start, last in terms:
        retires = retirement(gender, born, pctx.rulebook).retirement_date
        assert last < retires, (born, start, last)
        assert last == min(add_months(start, 60), retires) - timedelta(days=1), (born, start, last)
        cut_short += add_months(start, 60) > retires
    assert cut_short


def test_same_seed_and_day_give_the_same_data_and_another_seed_does_not(province, tmp_path):
    from hrapp.context import ServiceContext
    from hrapp.services.setup import init_database

    first = ServiceContext.open(str(province))
    again = init_database(str(tmp_path / "again.sqlite3"))
    other = init_database(str(tmp_path / "other.sqlite3"))
    small = init_database(str(tmp_path / "small.sqlite3"))
    generate_province(again, 500, 20, seed=1, as_of=AS_OF)
    generate_province(other, 40, 5, seed=2, as_of=AS_OF)
    generate_province(small, 40, 5, seed=1, as_of=AS_OF)
    try:
        assert _dump(again) == _dump(first)
        assert _dump(other)["persons"] != _dump(small)["persons"]
    finally:
        for c in (first, again, other, small):
            c.engine.dispose()


def test_the_generation_is_one_audit_row(pctx):
    with pctx.read() as s:
        rows = s.execute(select(AuditLog.action, AuditLog.user, AuditLog.summary, AuditLog.changes)
                         .where(AuditLog.action == "generate")).all()
        per_person = s.scalar(select(func.count()).select_from(AuditLog).where(AuditLog.entity == "persons"))
    assert len(rows) == 1 and per_person == 0
    action, user, summary, changes = rows[0]
    assert user == "tester" and "500 người" in summary and "30/06/2026" in summary
    assert changes["persons"] == 500 and changes["salary_steps"] >= 2500


def test_a_database_with_data_is_refused_and_left_as_it_was(pctx):
    before = _dump(pctx)
    with pytest.raises(DomainError) as err:
        generate_province(pctx, 10, 5, seed=3, as_of=AS_OF)
    assert err.value.code == "not_empty"
    assert _dump(pctx) == before


def test_counts_out_of_range_are_refused(ctx):
    for employees, units, field in [(0, 5, "employees"), (10, 0, "units"), (1_000_001, 5, "employees"),
                                    (10, 10_001, "units")]:
        with pytest.raises(ValidationError) as err:
            generate_province(ctx, employees, units, seed=1, as_of=AS_OF)
        assert [f for f, _ in err.value.errors] == [field]


def test_one_unit_and_one_person_is_still_a_whole_record(ctx):
    summary = generate_province(ctx, 1, 1, seed=5, as_of=AS_OF)
    assert summary.units == 1 and summary.counts["persons"] == 1 and summary.counts["salary_steps"] >= 5


def test_progress_reports_the_people_up_to_the_total(ctx):
    seen: list[tuple[str, int, int]] = []
    generate_province(ctx, 30, 5, seed=1, as_of=AS_OF, progress=lambda *a: seen.append(a))
    people = [(done, total) for stage, done, total in seen if stage == "people"]
    assert people[-1] == (30, 30)
    assert [stage for stage, _d, _t in seen][0] == "units" and seen[-1][0] == "extras"


def test_bulk_audit_writes_one_row_instead_of_one_per_change(ctx):
    from hrapp.services.snapshot import set_name

    with ctx.unit_of_work() as s, audit.bulk(s, "bulk_test", "persons") as trail:
        for i in range(3):
            p = Person(gender="F", birth_date=date(1990, 1, 1 + i))
            set_name(p, f"Lê Thị Mai {chr(65 + i)}")
            s.add(p)
        trail.summary, trail.changes = "Ba hồ sơ", {"persons": 3}
    with ctx.unit_of_work() as s:  # after the block, changes are audited row by row again
        p = Person(gender="M", birth_date=date(1991, 2, 2))
        set_name(p, "Trần Văn Hùng")
        s.add(p)
    with ctx.read() as s:
        rows = s.execute(select(AuditLog.action, AuditLog.entity, AuditLog.summary)
                         .where(AuditLog.entity == "persons").order_by(AuditLog.id)).all()
    assert rows == [("bulk_test", "persons", "Ba hồ sơ"), ("insert", "persons", None)]


def test_bulk_audit_block_that_fails_leaves_no_row(ctx):
    with pytest.raises(RuntimeError), ctx.unit_of_work() as s, audit.bulk(s, "bulk_test", "persons"):
        raise RuntimeError("stop")
    with ctx.read() as s:
        assert s.scalar(select(func.count()).select_from(AuditLog).where(AuditLog.action == "bulk_test")) == 0
