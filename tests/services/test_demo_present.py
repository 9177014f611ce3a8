"""The demo department carried to a given day: on that day nothing is overdue, every finished year is rated
within the HTXS cap, terms ended were renewed, the retired have left with their decisions, probation is over,
and every figure as of 30/06/2022 is exactly what it was before. Same day, same records.

The demo's 30/06/2022 snapshot is built once (its continuation switched off) and each test carries a copy of it
to a fixed day: the day after the snapshot, 28/11/2026 and 29/02/2028 (a leap day; 2026 and 2027 are rated by
score for civil servants under NĐ 335/2025).
"""

from __future__ import annotations

import shutil
import time
from collections import Counter, defaultdict
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import func, select, text

from hrapp import clock
from hrapp.context import ServiceContext
from hrapp.db.models import Decision, Employment, Evaluation, Person, PostHeld, SalaryStep
from hrapp.demo import department as demo
from hrapp.demo.present import AS_OF, continue_demo_to
from hrapp.domain.evaluation import htxs_cap_check, rating_from_score
from hrapp.domain.retirement import add_months, retirement
from hrapp.queries.quality import quality_stats
from hrapp.queries.staffing import staffing_view
from hrapp.services.alerts import alerts
from hrapp.services.planning import check_period

DAY_AFTER = AS_OF + timedelta(days=1)
TODAY = date(2026, 11, 28)
LEAP_DAY = date(2028, 2, 29)
DAYS = (DAY_AFTER, TODAY, LEAP_DAY)
OVERDUE_KINDS = ("pay_step", "pctnvk", "term_expiry", "probation_end")
ACTUAL_STAFF = {"cong_chuc": 37, "vien_chuc": 42, "hop_dong": 5, "vien_chuc_tu_chu": 66}


@pytest.fixture(scope="module")
def snapshot(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo as of 30/06/2022: loaded with the continuation switched off."""
    from hrapp.services.setup import init_database

    path = tmp_path_factory.mktemp("demo_present") / "snapshot.sqlite3"
    ctx = init_database(str(path))
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(demo, "continue_demo_to", lambda session, rulebook, today: {})
        demo.load_demo(ctx)
    with ctx.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    ctx.engine.dispose()
    return path


def _open(path: Path) -> ServiceContext:
    ctx = ServiceContext.open(str(path))
    ctx.user = "tester"
    return ctx


def _carry(snapshot: Path, folder: Path, day: date) -> tuple[ServiceContext, dict[str, int]]:
    path = folder / f"demo_{day.isoformat()}.sqlite3"
    shutil.copyfile(snapshot, path)
    ctx = _open(path)
    with ctx.unit_of_work() as s:
        counts = continue_demo_to(s, ctx.rulebook, day)
    return ctx, counts


@pytest.fixture(scope="module")
def carried(snapshot: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[date, ServiceContext]:
    folder = tmp_path_factory.mktemp("carried")
    out = {day: _carry(snapshot, folder, day)[0] for day in DAYS}
    yield out
    for ctx in out.values():
        ctx.engine.dispose()


@pytest.fixture(scope="module")
def base(snapshot: Path) -> ServiceContext:
    ctx = _open(snapshot)
    yield ctx
    ctx.engine.dispose()


def _rows(ctx: ServiceContext, sql: str, **params: object) -> list:
    with ctx.read() as s:
        return s.execute(text(sql), params).all()


# --------------------------------------------------------------------------------------------- on the day


@pytest.mark.parametrize("day", DAYS)
def test_nothing_is_overdue_on_the_day_only_what_falls_due_next(carried, day):
    due = alerts(carried[day], day, 90)
    late = [a for a in due if a.kind in OVERDUE_KINDS and a.due_date < day]
    assert late == [], [(a.kind, a.full_name, a.due_date) for a in late]
    # pay events show when they fall due in the period; a term shows from its reminder 6 months before its end
    assert all(a.due_date <= day + timedelta(days=90) for a in due if a.kind in ("pay_step", "pctnvk"))


def test_the_snapshot_itself_is_years_behind_on_28_november_2026(base):
    late = Counter(a.kind for a in alerts(base, TODAY, 90) if a.overdue)
    assert late["pay_step"] > 100 and late["term_expiry"] > 20 and late["probation_end"] == 3


def test_what_shows_on_28_november_2026_is_the_next_three_months(carried):
    due = alerts(carried[TODAY], TODAY, 90)
    kinds = Counter(a.kind for a in due)
    assert kinds["pay_step"] > 5 and kinds["term_expiry"] >= 1
    assert not any(a.overdue for a in due)


def test_the_shared_demo_is_loaded_up_to_the_machines_day(demo_ctx):
    # load_demo carries the demo to clock.today(): nothing of it is overdue today
    late = [a for a in alerts(demo_ctx, clock.today(), 0) if a.kind in OVERDUE_KINDS and a.overdue]
    assert late == []


# --------------------------------------------------------------------------------------------- ratings


@pytest.mark.parametrize("day", (TODAY, LEAP_DAY))
def test_everyone_on_staff_at_the_end_of_a_year_is_rated_for_it(carried, day):
    ctx = carried[day]
    for year in range(2022, day.year):
        end = date(year, 12, 31).isoformat()
        unrated = _rows(ctx, """SELECT p.full_name FROM employments e JOIN persons p ON p.id = e.person_id
                                  WHERE e.category != 'hop_dong' AND e.start_date <= :end
                                    AND (e.end_date IS NULL OR e.end_date >= :end)
                                    AND NOT EXISTS (SELECT 1 FROM evaluations v WHERE v.person_id = p.id
                                                      AND v.year = :year)""", end=end, year=year)
        assert unrated == [], year
    assert _rows(ctx, "SELECT count(*) FROM evaluations WHERE year >= :y", y=day.year)[0][0] == 0
    contract = _rows(ctx, """SELECT count(*) FROM evaluations v JOIN employments e ON e.person_id = v.person_id
                               WHERE e.category = 'hop_dong' AND v.year >= 2022""")[0][0]
    assert contract == 0


def test_the_only_kht_is_the_deliberate_one_of_2021(carried):
    rows = _rows(carried[LEAP_DAY], "SELECT year FROM evaluations WHERE rating = 'kht'")
    assert rows == [(2021,)]


def test_htxs_stays_within_the_cap_of_every_unit_each_year(carried):
    ctx = carried[LEAP_DAY]
    rows = _rows(ctx, """SELECT v.year, e.unit_id, e.category, v.rating FROM evaluations v
                           JOIN employments e ON e.person_id = v.person_id
                          WHERE v.year >= 2022 AND e.start_date <= v.year || '-12-31'
                            AND (e.end_date IS NULL OR e.end_date >= v.year || '-12-31')""")
    by_group: dict[tuple, list[str]] = defaultdict(list)
    for year, unit, category, rating in rows:
        by_group[(year, unit, category)].append(rating)
    assert by_group
    for (year, _unit, category), ratings in by_group.items():
        assert htxs_cap_check(ratings, ctx.rulebook, year, category).ok, (year, _unit, category)
    shares = Counter(r for ratings in by_group.values() for r in ratings)
    assert shares["htt"] > shares["htxs"] > shares["ht"] > 0


def test_civil_servants_are_rated_by_score_from_2026(carried):
    ctx = carried[LEAP_DAY]
    rows = _rows(ctx, """SELECT v.year, v.rating, v.score, v.regime, e.category FROM evaluations v
                           JOIN employments e ON e.person_id = v.person_id AND e.end_date IS NULL
                          WHERE v.year >= 2025""")
    assert {(y, c) for y, _r, _s, _g, c in rows} >= {(2025, "cong_chuc"), (2026, "cong_chuc"), (2027, "vien_chuc")}
    for year, rating, score, regime, category in rows:
        if year >= 2026 and category == "cong_chuc":
            assert regime == "nd335_2025" and score is not None
            assert rating_from_score(Decimal(str(score)), ctx.rulebook, year).rating.value == rating
        else:
            assert regime == "nd90_2020" and score is None


# --------------------------------------------------------------------------------------------- pay


def test_pay_rows_after_the_snapshot_are_dated_by_the_day_and_decided_after_it(carried):
    ctx = carried[TODAY]
    rows = _rows(ctx, """SELECT s.effective_date, s.step_since, s.reason, s.percent, d.sign_date, d.summary
                           FROM salary_steps s JOIN decisions d ON d.id = s.decision_id
                          WHERE s.effective_date > :as_of""", as_of=AS_OF)
    assert len(rows) > 150
    for effective, since, reason, percent, signed, _summary in rows:
        assert AS_OF.isoformat() < effective <= TODAY.isoformat()
        assert AS_OF.isoformat() < signed <= TODAY.isoformat()
        assert percent == 100
        if reason in ("thuong_xuyen", "keo_dai", "truoc_thoi_han"):
            assert since == effective
    yearly = {summary for *_x, summary in rows if summary.startswith("Về việc nâng bậc lương thường xuyên")}
    assert yearly == {f"Về việc nâng bậc lương thường xuyên và phụ cấp thâm niên vượt khung năm {y}"
                      for y in range(2022, 2027)}
    undecided = _rows(ctx, "SELECT count(*) FROM salary_steps WHERE effective_date > :d AND decision_id IS NULL",
                      d=AS_OF)
    assert undecided == [(0,)]


def test_a_regular_step_comes_one_interval_after_the_last(carried):
    ctx = carried[TODAY]
    rows = _rows(ctx, """SELECT person_id, effective_date, step_since, step, salary_class, reason, pctnvk_percent,
                                pctnvk_since FROM salary_steps ORDER BY person_id, effective_date, id""")
    previous: dict[int, tuple] = {}
    checked = 0
    for pid, effective, since, step, cls, reason, pct, pct_since in rows:
        before = previous.get(pid)
        previous[pid] = (effective, since, step, cls, pct, pct_since)
        if before is None or effective <= AS_OF.isoformat():
            continue
        if reason == "thuong_xuyen":  # 36 months for classes A0–A3, 24 for B and C (TT 08/2013)
            months = 36 if cls.startswith("A") else 24
            assert step == before[2] + 1
            assert effective == add_months(date.fromisoformat(before[1]), months).isoformat()
            checked += 1
        elif reason == "pctnvk":  # 5% first, then one point more every 12 months
            assert step == before[2] and pct_since == effective
            assert pct == (before[4] + 1 if before[4] else 5)
    assert checked > 100


def test_the_2021_kht_delays_that_persons_next_step(carried):
    ctx = carried[TODAY]
    (pid,) = _rows(ctx, "SELECT person_id FROM evaluations WHERE rating = 'kht' AND year = 2021")[0]
    delayed = _rows(ctx, """SELECT reason, note FROM salary_steps WHERE person_id = :p AND effective_date > :d
                              ORDER BY effective_date LIMIT 1""", p=pid, d=AS_OF)
    assert delayed and delayed[0][0] == "keo_dai" and delayed[0][1].startswith("Kéo dài")


def test_probation_ends_with_full_pay_the_day_after(carried):
    ctx = carried[TODAY]
    rows = _rows(ctx, """SELECT e.person_id, e.probation_end,
                                (SELECT s.effective_date || '/' || s.percent || '/' || s.note FROM salary_steps s
                                  WHERE s.person_id = e.person_id AND s.percent = 100 ORDER BY s.effective_date
                                  LIMIT 1)
                           FROM employments e WHERE e.probation_end IS NOT NULL""")
    assert len(rows) == 3
    for _pid, end, first_full in rows:
        day, percent, note = first_full.split("/", 2)
        assert day == (date.fromisoformat(end) + timedelta(days=1)).isoformat()
        assert percent == "100" and note.startswith("Hết thời gian tập sự")


def test_probation_recruits_from_2021_get_step_2_three_years_after_probation(carried):
    # Recruited 01/09/2021, 01/12/2021 and 01/03/2022 (after TT 03/2021/TT-BNV took effect on 15/08/2021): the
    # 12 months of probation do not count, so step 2 (36 months, class A1) falls a year later than recruitment + 36.
    ctx = carried[TODAY]
    rows = _rows(ctx, """SELECT e.person_id, e.probation_start, e.probation_end,
                                (SELECT min(s.step_since) FROM salary_steps s WHERE s.person_id = e.person_id),
                                (SELECT s.effective_date FROM salary_steps s WHERE s.person_id = e.person_id
                                  AND s.step = 2)
                           FROM employments e WHERE e.probation_end IS NOT NULL ORDER BY e.probation_start""")
    assert [(str(start), str(step2)) for _p, start, _e, _s, step2 in rows] == [
        ("2021-09-01", "2025-09-01"), ("2021-12-01", "2025-12-01"), ("2022-03-01", "2026-03-01")]
    for _pid, _start, end, first_since, _step2 in rows:
        assert first_since == (date.fromisoformat(str(end)) + timedelta(days=1)).isoformat()


@pytest.mark.parametrize("day", DAYS)
def test_no_demo_step_date_falls_inside_a_probation_that_does_not_count(carried, day):
    assert not [a for a in alerts(carried[day], day, 3650) if "Cảnh báo" in a.detail]


def test_the_day_after_the_snapshot_ends_no_probation_yet(carried):
    ctx = carried[DAY_AFTER]
    full = _rows(ctx, """SELECT count(*) FROM salary_steps s JOIN employments e ON e.person_id = s.person_id
                           WHERE e.probation_end IS NOT NULL AND s.percent = 100""")
    assert full == [(0,)]


# --------------------------------------------------------------------------------------------- terms


def test_every_open_term_runs_past_the_day_and_renewals_follow_the_rule(carried):
    ctx = carried[TODAY]
    with ctx.read() as s:
        people = {p.id: p for p in s.scalars(select(Person))}
        posts = s.scalars(select(PostHeld).order_by(PostHeld.person_id, PostHeld.start_date)).all()
        decisions = {d.id: d for d in s.scalars(select(Decision))}
    renewed = 0
    previous: dict[tuple[int, str, int], PostHeld] = {}
    for ph in posts:
        key = (ph.person_id, ph.post_code, ph.unit_id)
        before = previous.get(key)
        previous[key] = ph
        if ph.end_date is None:
            assert ph.term_end >= TODAY, (ph.post_title, ph.term_end)
        if ph.start_date <= AS_OF:
            continue
        renewed += 1
        p = people[ph.person_id]
        last_day = retirement(p.gender, p.birth_date, ctx.rulebook).last_working_day
        assert ph.kind in ("bo_nhiem_lai", "keo_dai")
        assert before is not None and before.end_date == ph.start_date - timedelta(days=1)
        assert before.end_decision_id == ph.decision_id
        five_years = ph.start_date.replace(year=ph.start_date.year + 5) - timedelta(days=1)
        assert ph.term_end == min(five_years, last_day)
        decision = decisions[ph.decision_id]
        assert decision.effective_date == ph.start_date and AS_OF < decision.sign_date < ph.start_date
        assert "bổ nhiệm lại" in decision.summary or "kéo dài" in decision.summary
        assert "Sở Sở" not in decision.summary
    assert renewed >= 20


# --------------------------------------------------------------------------------------------- retirement


def test_the_retired_have_left_with_a_notice_and_a_decision(carried):
    ctx = carried[TODAY]
    with ctx.read() as s:
        people = s.scalars(select(Person)).all()
        retired = 0
        for p in people:
            ret = retirement(p.gender, p.birth_date, ctx.rulebook)
            employments = s.scalars(select(Employment).where(Employment.person_id == p.id)).all()
            if ret.retirement_date > TODAY:
                assert p.status == "working", p.full_name
                continue
            retired += 1
            assert p.status == "retired"
            last = max(employments, key=lambda e: e.start_date)
            assert (last.end_date, last.end_reason) == (ret.last_working_day, "retired")
            decision = s.get(Decision, last.end_decision_id)
            assert decision.effective_date == ret.retirement_date
            assert decision.sign_date <= ret.retirement_date - timedelta(days=28)
            assert all(ph.end_date is not None and ph.end_date <= ret.last_working_day for ph in
                       s.scalars(select(PostHeld).where(PostHeld.person_id == p.id)))
            assert p.cur_post is None
            assert s.scalar(select(func.count()).select_from(SalaryStep).where(
                SalaryStep.person_id == p.id, SalaryStep.effective_date >= ret.retirement_date)) == 0
        notices = s.scalars(select(Decision).where(Decision.kind == "thong_bao")).all()
    assert retired == 4
    assert notices and all(n.number.endswith("/TB-SKH&CN") and n.sign_date > AS_OF for n in notices)


def test_working_and_retired_on_28_november_2026(carried):
    rows = dict(_rows(carried[TODAY], "SELECT status, count(*) FROM persons GROUP BY 1"))
    assert rows == {"working": 146, "retired": 4}
    working = dict(_rows(carried[TODAY], """SELECT cur_category, count(*) FROM persons WHERE status = 'working'
                                              GROUP BY 1"""))
    assert working == {"cong_chuc": 35, "vien_chuc": 41, "hop_dong": 4, "vien_chuc_tu_chu": 66}


# --------------------------------------------------------------------------------------------- the snapshot stays


def test_every_figure_as_of_30_june_2022_is_unchanged(base, carried):
    later = carried[LEAP_DAY]
    before_quality = quality_stats(base, AS_OF)
    after_quality = quality_stats(later, AS_OF)
    assert after_quality == before_quality
    t = after_quality.total
    assert (t.by_education["TS"], t.by_education["ThS"], t.doctoral_candidates, t.college_or_higher) == (2, 27, 2, 146)
    assert (t.by_political_theory["cao_cap"], t.by_political_theory["trung_cap"]) == (14, 20)
    before_staffing = staffing_view(base, 2022, AS_OF, with_positions=True)
    after_staffing = staffing_view(later, 2022, AS_OF, with_positions=True)
    assert after_staffing == before_staffing
    assert {c: after_staffing.totals[c].actual for c in ACTUAL_STAFF} == ACTUAL_STAFF
    assert {c: after_staffing.totals[c].quota for c in ("cong_chuc", "vien_chuc", "hop_dong")} == {
        "cong_chuc": 39, "vien_chuc": 57, "hop_dong": 5}
    assert after_staffing.totals["vien_chuc"].in_recruitment == 14
    assert alerts(later, AS_OF, 90) == alerts(base, AS_OF, 90)
    for period in ("2020-2025", "2026-2031"):
        assert check_period(later, period, AS_OF).to_json() == check_period(base, period, AS_OF).to_json()


def test_nothing_written_is_dated_on_or_before_30_june_2022(base, carried):
    later = carried[LEAP_DAY]
    counts = {}
    for table, column in (("decisions", "sign_date"), ("salary_steps", "effective_date"),
                          ("posts_held", "start_date"), ("allowances", "effective_date"), ("evaluations", "year")):
        bound = AS_OF.year if column == "year" else AS_OF.isoformat()
        sql = f"SELECT count(*) FROM {table} WHERE {column} <= :b"
        counts[table] = (_rows(base, sql, b=bound)[0][0], _rows(later, sql, b=bound)[0][0])
    assert counts["evaluations"][1] - counts["evaluations"][0] > 100  # the 2022 ratings: year 2022, decided 28/12
    for table in ("decisions", "salary_steps", "posts_held", "allowances"):
        assert counts[table][0] == counts[table][1], table
    ended = _rows(later, """SELECT count(*) FROM employments WHERE end_date IS NOT NULL AND end_date <= :d
                              AND end_reason = 'retired'""", d=AS_OF)
    assert ended == [(0,)]


def test_a_day_on_or_before_the_snapshot_writes_nothing(snapshot, tmp_path):
    ctx, counts = _carry(snapshot, tmp_path, AS_OF)
    try:
        assert counts == {}
        with ctx.read() as s:
            assert s.scalar(select(func.count()).select_from(Decision).where(Decision.sign_date > AS_OF)) == 0
    finally:
        ctx.engine.dispose()


# --------------------------------------------------------------------------------------------- determinism, time


def _dump(ctx: ServiceContext) -> list[tuple]:
    out: list[tuple] = []
    for sql in ("SELECT number, kind, sign_date, signer, issuer, effective_date, summary FROM decisions ORDER BY id",
                "SELECT person_id, effective_date, step, coefficient, pctnvk_percent, reason, decision_id, note "
                "FROM salary_steps ORDER BY id",
                "SELECT person_id, year, rating, score, decision_id FROM evaluations ORDER BY id",
                "SELECT person_id, kind, start_date, term_end, end_date, end_reason, decision_id FROM posts_held "
                "ORDER BY id",
                "SELECT id, status, cur_salary_step, cur_post, party_official_date FROM persons ORDER BY id"):
        out += [tuple(r) for r in _rows(ctx, sql)]
    return out


def test_the_same_day_gives_the_same_records_and_takes_a_few_seconds(snapshot, carried, tmp_path):
    started = time.perf_counter()
    again, counts = _carry(snapshot, tmp_path, TODAY)
    seconds = time.perf_counter() - started
    try:
        assert _dump(again) == _dump(carried[TODAY])
        assert counts["pay_steps"] > 150 and counts["retirements"] == 4 and counts["probation_ends"] == 3
        assert seconds < 30, seconds  # about a second on a developer machine; generous for busy CI runners
    finally:
        again.engine.dispose()


def test_decision_numbers_stay_unique_per_issuer_and_year(carried):
    dup = _rows(carried[LEAP_DAY], """SELECT number, issuer, strftime('%Y', sign_date), count(*) FROM decisions
                                        GROUP BY 1, 2, 3 HAVING count(*) > 1""")
    assert dup == []


def test_snapshot_columns_follow_the_day(carried):
    ctx = carried[TODAY]
    with ctx.read() as s:
        latest = dict(s.execute(select(SalaryStep.person_id, func.max(SalaryStep.effective_date))
                                .group_by(SalaryStep.person_id)).all())
        for p in s.scalars(select(Person)):
            row = s.scalars(select(SalaryStep).where(SalaryStep.person_id == p.id,
                                                     SalaryStep.effective_date == latest[p.id])
                            .order_by(SalaryStep.id.desc())).first()
            assert (p.cur_salary_step, Decimal(p.cur_coefficient)) == (row.step, Decimal(row.coefficient))
        rated = s.scalar(select(func.count()).select_from(Evaluation).where(Evaluation.year == 2025))
    assert rated > 130
