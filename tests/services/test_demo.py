"""The demo department reproduces the seed report's figures, is deterministic, and loads only into an empty database.

Counts are computed here with plain SQL, independently of the report code. The staff deliberately leave vacancies:
37 of 39 công chức (Chi cục TĐC and Phòng Quản lý khoa học one short), 42 of 57 viên chức (the Discovery centre
is recruiting 12 under Kế hoạch 148/KH-SKHCN, the Analysis centre 2 under Kế hoạch 173/KH-SKHCN, the Information
centre has one vacancy), all 5 contract workers, plus 66 viên chức paid from the centres' own revenue.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections import Counter
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import func, select, text

from hrapp import clock
from hrapp.db.models import AuditLog, Decision, OrgUnit, Person
from hrapp.demo.department import NOT_EMPTY_MESSAGE, load_demo
from hrapp.domain.retirement import retirement
from hrapp.errors import DomainError
from hrapp.paths import RULES

ROOT = Path(__file__).resolve().parents[2]
AS_OF = date(2022, 6, 30)

ACTUAL_STAFF = {"cong_chuc": 37, "vien_chuc": 42, "hop_dong": 5, "vien_chuc_tu_chu": 66}
QUOTAS = {"cong_chuc": 39, "vien_chuc": 57, "hop_dong": 5}
VACANCIES = {("CCTDC", "cong_chuc"): 1, ("QLKH", "cong_chuc"): 1, ("TTUD", "vien_chuc"): 1,
             ("TTPT", "vien_chuc"): 2, ("TTKP", "vien_chuc"): 12}

# Highest completed professional level of each person (a TS still in progress does not count).
HIGHEST_LEVEL = """
    SELECT p.id,
           (SELECT q.level_code FROM qualifications q
             WHERE q.person_id = p.id AND q.kind = 'chuyen_mon' AND q.in_progress = 0
             ORDER BY CASE q.level_code WHEN 'TS' THEN 6 WHEN 'ThS' THEN 5 WHEN 'DH' THEN 4 WHEN 'CD' THEN 3
                                         WHEN 'TC' THEN 2 WHEN 'SC' THEN 1 ELSE 0 END DESC
             LIMIT 1) AS level,
           EXISTS (SELECT 1 FROM qualifications q WHERE q.person_id = p.id AND q.kind = 'chuyen_mon'
                   AND q.level_code = 'TS' AND q.in_progress = 1) AS doctoral_candidate
      FROM persons p
"""

# Top-level unit (child of the Sở) of every unit, to count a Chi cục or a centre with its internal phòng.
TOP_UNIT = """
    WITH RECURSIVE top(id, root) AS (
        SELECT id, id FROM org_units WHERE parent_id = (SELECT id FROM org_units WHERE code = 'SKHCN')
        UNION ALL SELECT u.id, t.root FROM org_units u JOIN top t ON u.parent_id = t.id)
"""


def _rows(ctx, sql: str, **params) -> list:
    with ctx.read() as s:
        return s.execute(text(sql), params).all()


def _scale() -> dict[str, list[Decimal]]:
    """Every class of the scale (Bảng 2, 3) and of Bảng 4 (drivers, guards, service staff)."""
    out: dict[str, list[Decimal]] = {}
    for name in ("salary_scale.json", "salary_table_4.json"):
        data = json.loads((RULES / name).read_text(encoding="utf-8"))
        (version,) = data["versions"]
        out.update({cls: [Decimal(c) for c in spec["coefficients"]]
                    for cls, spec in version["params"]["classes"].items()})
    return out


# --------------------------------------------------------------------------------------------- seed figures


def test_qualified_staff_match_the_seed_report(demo_ctx):
    rows = _rows(demo_ctx, HIGHEST_LEVEL)
    levels = Counter(level for _id, level, _ncs in rows)
    assert len(rows) == 150
    assert levels["TS"] + levels["ThS"] + levels["DH"] + levels["CD"] == 146
    assert levels["TS"] == 2
    assert levels["ThS"] == 27
    assert levels["TC"] + levels["SC"] + levels[None] == 4


def test_doctoral_candidates_hold_a_masters_degree_and_do_not_count_as_doctors(demo_ctx):
    candidates = [level for _id, level, ncs in _rows(demo_ctx, HIGHEST_LEVEL) if ncs]
    assert candidates == ["ThS", "ThS"]
    (snapshot_doctors,) = _rows(demo_ctx, "SELECT count(*) FROM persons WHERE cur_education = 'TS'")[0]
    assert snapshot_doctors == 2


def test_political_theory_counts_each_person_once(demo_ctx):
    rows = _rows(demo_ctx, "SELECT person_id, level_code FROM qualifications WHERE kind = 'llct'")
    assert len({pid for pid, _ in rows}) == len(rows)
    levels = Counter(level for _, level in rows)
    assert levels["cao_cap"] == 14
    assert levels["trung_cap"] == 20
    assert levels["cu_nhan"] == 0


def test_headcount_quotas_2022_are_39_civil_servants_57_public_employees_and_5_contracts(demo_ctx):
    rows = _rows(demo_ctx, "SELECT category, sum(number) FROM headcount_quotas WHERE year = 2022 GROUP BY category")
    assert dict(rows) == QUOTAS


def test_staff_per_category_stay_within_the_quotas(demo_ctx):
    # as of 30/06/2022: the demo goes on to today (retirements since), so the snapshot columns are not the seed's
    rows = _rows(demo_ctx, """SELECT category, count(DISTINCT person_id) FROM employments
                                WHERE start_date <= :day AND (end_date IS NULL OR end_date >= :day) GROUP BY 1""",
                 day=AS_OF)
    assert dict(rows) == ACTUAL_STAFF
    for category, quota in QUOTAS.items():
        assert ACTUAL_STAFF[category] <= quota


def test_vacancies_per_unit_are_the_ones_documented(demo_ctx):
    actual = dict(((code, cat), n) for code, cat, n in _rows(demo_ctx, TOP_UNIT + """
        SELECT u.code, p.cur_category, count(*) FROM persons p JOIN top t ON t.id = p.cur_unit_id
          JOIN org_units u ON u.id = t.root GROUP BY 1, 2"""))
    quotas = _rows(demo_ctx, """SELECT u.code, q.category, q.number FROM headcount_quotas q
                                  JOIN org_units u ON u.id = q.unit_id""")
    vacancies = {(code, cat): number - actual.get((code, cat), 0) for code, cat, number in quotas}
    assert all(v >= 0 for v in vacancies.values())
    assert {k: v for k, v in vacancies.items() if v} == VACANCIES


def test_recruitment_plans_of_2022_cover_the_centres_vacancies(demo_ctx):
    plans = set(_rows(demo_ctx, "SELECT number, sign_date FROM decisions WHERE kind = 'ke_hoach'"))
    assert plans == {("148/KH-SKHCN", "2022-03-04"), ("173/KH-SKHCN", "2022-03-14"), ("43/KH-SKH&CN", "2022-01-19")}


# --------------------------------------------------------------------------------------------- organisation


def test_structure_has_director_board_five_offices_one_branch_and_three_centres(demo_ctx):
    rows = _rows(demo_ctx, """SELECT u.code, u.kind, u.name FROM org_units u JOIN org_units p ON p.id = u.parent_id
                                WHERE p.code = 'SKHCN' AND (u.active_to IS NULL OR u.active_to >= :day)
                                  AND u.active_from <= :day""", day=AS_OF)
    kinds = Counter(kind for _code, kind, _name in rows)
    assert kinds["ban_giam_doc"] == 1
    assert kinds["van_phong"] + kinds["thanh_tra"] + kinds["phong"] == 5
    assert kinds["chi_cuc"] == 1
    centres = sorted(name for _code, kind, name in rows if kind == "trung_tam")
    assert centres == ["Trung tâm Khám phá khoa học và Đổi mới sáng tạo",
                       "Trung tâm Phân tích và Đo lường Chất lượng",
                       "Trung tâm Thông tin - Ứng dụng khoa học và công nghệ"]
    chi_cuc_phong = _rows(demo_ctx, """SELECT count(*) FROM org_units u JOIN org_units p ON p.id = u.parent_id
                                         WHERE p.code = 'CCTDC'""")[0][0]
    assert chi_cuc_phong == 2


def test_every_unit_has_a_founding_decision_and_a_creation_event(demo_ctx):
    rows = _rows(demo_ctx, """SELECT u.code, u.active_from, u.decision_id,
                                     (SELECT count(*) FROM org_unit_events e WHERE e.unit_id = u.id
                                       AND e.kind = 'create') FROM org_units u""")
    assert rows
    for code, active_from, decision_id, created in rows:
        assert active_from and decision_id and created == 1, code


def test_merged_offices_close_the_day_before_the_merger_and_their_staff_move(demo_ctx):
    rows = _rows(demo_ctx, """SELECT u.code, u.active_to, t.code FROM org_units u JOIN org_units t
                                ON t.id = u.merged_into_id ORDER BY u.code""")
    assert rows == [("QLCNG", "2021-04-30", "QLCN"), ("QLCNTT", "2021-04-30", "QLCN")]
    still_there = _rows(demo_ctx, """SELECT count(*) FROM employments e JOIN org_units u ON u.id = e.unit_id
                                       WHERE u.code IN ('QLCNTT', 'QLCNG')
                                         AND (e.end_date IS NULL OR e.end_date > '2021-04-30')""")[0][0]
    assert still_there == 0


def test_seed_decisions_are_recorded_with_their_numbers_and_dates(demo_ctx):
    rows = set(_rows(demo_ctx, "SELECT number, sign_date FROM decisions"))
    assert {("4366/QĐ-UBND", "2021-11-01"), ("248/QĐ-UBND", "2022-01-23"), ("326/QĐ-SKH&CN", "2021-10-19"),
            ("3800/QĐ-UBND", "2021-09-14"), ("1127/QĐ-UBND", "2021-04-01"),
            ("01/2022/QĐ-UBND", "2022-01-07")} <= rows


def test_decision_numbers_are_unique_per_issuer_and_year(demo_ctx):
    dup = _rows(demo_ctx, """SELECT number, issuer, strftime('%Y', sign_date), count(*) FROM decisions
                               GROUP BY 1, 2, 3 HAVING count(*) > 1""")
    assert dup == []


def test_job_positions_are_approved_by_qd_4366_or_qd_248_for_the_discovery_centre(demo_ctx):
    rows = _rows(demo_ctx, """SELECT u.code, d.number, j.status FROM job_positions j
                                JOIN org_units u ON u.id = j.unit_id JOIN decisions d ON d.id = j.decision_id""")
    assert len(rows) > 50
    for unit, number, status in rows:
        assert status == "approved"
        assert number == ("248/QĐ-UBND" if unit == "TTKP" else "4366/QĐ-UBND"), unit


def test_positions_needed_cover_the_quota_of_each_unit_and_everyone_holding_them(demo_ctx):
    needed = dict(_rows(demo_ctx, TOP_UNIT + """SELECT u.code, sum(j.number_needed) FROM job_positions j
        JOIN top t ON t.id = j.unit_id JOIN org_units u ON u.id = t.root GROUP BY 1"""))
    quota = dict(_rows(demo_ctx, """SELECT u.code, sum(q.number) FROM headcount_quotas q
                                      JOIN org_units u ON u.id = q.unit_id GROUP BY 1"""))
    for unit, number in quota.items():
        if unit.startswith("TT"):  # centres also need posts for staff paid from their own revenue
            assert needed[unit] >= number, unit
        else:
            assert needed[unit] == number, unit
    over = _rows(demo_ctx, """SELECT j.code FROM job_positions j JOIN persons p ON p.cur_position_id = j.id
                                GROUP BY j.id HAVING count(*) > j.number_needed""")
    assert over == []


def test_job_descriptions_and_competency_frameworks_are_complete(demo_ctx):
    from hrapp import catalogs

    competencies = set(catalogs.labels("competency"))
    with demo_ctx.read() as s:
        from hrapp.db.models import JobPosition

        positions = s.scalars(select(JobPosition)).all()
        for pos in positions:
            assert pos.purpose and pos.relationships and pos.authority and pos.conditions, pos.code
            assert pos.tasks and all(t["task"] and t["product"] and t["frequency"] for t in pos.tasks), pos.code
            assert pos.req_education_level in ("DH", "CD", "SC"), pos.code
            assert pos.min_rank_code, pos.code
            assert pos.competencies, pos.code
            for row in pos.competencies:
                assert row.competency_code in competencies and 1 <= row.level <= 5, pos.code
        leaders = [p for p in positions if p.is_leadership]
        assert {"Giám đốc Sở", "Phó Giám đốc Sở", "Chánh Văn phòng", "Chánh Thanh tra", "Chi cục trưởng"} <= \
            {p.name for p in leaders}
        assert all(any(c.competency_code.startswith("NLQL") for c in p.competencies) for p in leaders)


# --------------------------------------------------------------------------------------------- people


def test_director_board_has_one_director_and_two_deputies_in_office(demo_ctx):
    rows = _rows(demo_ctx, """SELECT h.post_code, p.cur_unit_id = u.id FROM posts_held h
                                JOIN persons p ON p.id = h.person_id JOIN org_units u ON u.id = h.unit_id
                               WHERE u.code = 'BGD' AND h.start_date <= :day
                                 AND (h.end_date IS NULL OR h.end_date >= :day)""", day=AS_OF)
    assert sorted(code for code, _ in rows) == ["giam_doc_so", "pho_giam_doc_so", "pho_giam_doc_so"]
    assert all(in_board for _, in_board in rows)


def test_every_leader_post_has_a_term_of_five_years_or_up_to_retirement(demo_ctx):
    with demo_ctx.read() as s:
        rows = s.execute(text("""SELECT p.gender, p.birth_date, h.kind, h.start_date, h.term_end, h.end_date
                                   FROM posts_held h JOIN persons p ON p.id = h.person_id""")).all()
        rulebook = demo_ctx.rulebook
    assert len(rows) > 30
    kinds = Counter()
    for gender, birth, kind, start, term_end, end in rows:
        start, term_end = date.fromisoformat(start), date.fromisoformat(term_end)
        five_years = start.replace(year=start.year + 5)
        kinds[kind] += 1
        if kind == "keo_dai":
            last_day = retirement(gender, date.fromisoformat(birth), rulebook).last_working_day
            assert term_end == last_day
        else:
            assert (five_years - term_end).days == 1, (kind, start, term_end)
        if end is None:
            assert term_end >= AS_OF
    assert kinds["bo_nhiem"] and kinds["bo_nhiem_lai"] and kinds["keo_dai"] == 1 and kinds["dieu_dong"] == 1


def test_identity_numbers_are_unique_twelve_digit_binh_dinh_cccd(demo_ctx):
    rows = _rows(demo_ctx, "SELECT id_number, gender, birth_date FROM persons")
    numbers = [n for n, _, _ in rows]
    assert len(set(numbers)) == len(numbers) == 150
    for number, gender, birth in rows:
        assert len(number) == 12 and number.isdigit()
        assert number[:3] == "052"  # Bình Định
        year = int(birth[:4])
        century = 0 if year < 2000 else 2
        assert number[3] == str(century + (0 if gender == "M" else 1))
        assert number[4:6] == birth[2:4]


def test_every_salary_coefficient_matches_the_scale_for_its_class_and_step(demo_ctx):
    scale = _scale()
    rows = _rows(demo_ctx, """SELECT s.salary_class, s.step, s.coefficient, r.salary_class, s.percent
                                FROM salary_steps s JOIN ranks r ON r.code = s.rank_code""")
    assert len(rows) > 450
    for cls, step, coefficient, rank_class, percent in rows:
        assert cls == rank_class
        assert Decimal(str(coefficient)).quantize(Decimal("0.01")) == scale[cls][step - 1], (cls, step)
        assert percent in (85, 100)
    per_person = _rows(demo_ctx, "SELECT count(*) FROM salary_steps GROUP BY person_id")
    assert len(per_person) == 150 and sum(1 for (n,) in per_person if n >= 3) > 100


def test_salary_history_moves_forward_and_current_step_is_the_snapshot(demo_ctx):
    rows = _rows(demo_ctx, """SELECT person_id, effective_date, step_since, step, coefficient, percent
                                FROM salary_steps ORDER BY person_id, effective_date, id""")
    # Recruited from 15/08/2021, probation does not count toward the step (TT 03/2021/TT-BNV): the probation row
    # already counts the first step from the day after probation.
    first_step = {pid: (date.fromisoformat(str(end)) + timedelta(days=1)).isoformat() for pid, end in _rows(
        demo_ctx, "SELECT person_id, probation_end FROM employments WHERE probation_start >= '2021-08-15'")}
    last: dict[int, tuple] = {}
    for pid, effective, since, step, coefficient, percent in rows:
        assert effective <= clock.today().isoformat()  # the demo's records are kept up to today
        assert since <= effective or (percent == 85 and since == first_step[pid])
        if pid in last:
            assert effective >= last[pid][0]
        last[pid] = (effective, step, coefficient)
    snapshot = dict(((pid, (step, Decimal(str(c)))) for pid, step, c in
                     _rows(demo_ctx, "SELECT id, cur_salary_step, cur_coefficient FROM persons")))
    for pid, (_effective, step, coefficient) in last.items():
        assert snapshot[pid] == (step, Decimal(str(coefficient)))


def test_everyone_is_working_on_30_june_2022_aged_24_to_60_and_not_yet_retired(demo_ctx):
    with demo_ctx.read() as s:
        people = s.scalars(select(Person)).all()
        on_staff = dict(s.execute(text("""SELECT person_id, count(*) FROM employments
                                            WHERE start_date <= :day AND (end_date IS NULL OR end_date >= :day)
                                            GROUP BY 1"""), {"day": AS_OF}).all())
        rulebook = demo_ctx.rulebook
        ages = []
        for p in people:
            assert on_staff.get(p.id) == 1, p.full_name
            ages.append(AS_OF.year - p.birth_date.year
                        - ((AS_OF.month, AS_OF.day) < (p.birth_date.month, p.birth_date.day)))
            assert retirement(p.gender, p.birth_date, rulebook).retirement_date > AS_OF, p.full_name
    assert min(ages) == 24 and max(ages) == 60


def test_names_are_vietnamese_and_include_nguyen_van_nuong(demo_ctx):
    rows = _rows(demo_ctx, "SELECT full_name, family_name, ethnicity FROM persons")
    names = [n for n, _, _ in rows]
    assert len(set(names)) == len(names)
    assert names.count("Nguyễn Văn Nường") == 1
    assert sum(1 for n in names if n.startswith("Nguyễn Văn ")) >= 3
    families = Counter(f for _, f, _ in rows)
    assert families.most_common(1)[0][0] == "Nguyễn"
    assert {"Trần", "Lê", "Phạm", "Huỳnh", "Võ"} <= set(families)
    minorities = sorted(e for _, _, e in rows if e != "01")  # the catalogue's codes, '01' Kinh
    assert minorities == ["12", "14", "18"]  # Ba Na, Chăm, Hrê


def test_personal_records_are_filled_for_the_cv_form(demo_ctx):
    with demo_ctx.read() as s:
        people = s.scalars(select(Person)).all()
        for p in people:
            for value in (p.birth_place, p.home_town, p.religion, p.permanent_address, p.current_address,
                          p.id_issue_date, p.id_issue_place, p.occupation_at_recruitment, p.general_education,
                          p.health, p.social_insurance_no, p.cur_unit_id, p.cur_rank_code):
                assert value, p.full_name
            assert "tỉnh Bình Định" in p.birth_place
        counts = dict(s.execute(text("""SELECT 'work', count(DISTINCT person_id) FROM work_history
                                          UNION ALL SELECT 'family', count(DISTINCT person_id) FROM family_members
                                          UNION ALL SELECT 'evaluated', count(DISTINCT person_id) FROM evaluations
                                          UNION ALL SELECT 'awards', count(*) FROM awards
                                          UNION ALL SELECT 'disciplines', count(*) FROM disciplines
                                          UNION ALL SELECT 'party', count(*) FROM persons
                                                    WHERE party_join_date IS NOT NULL""")).all())
    assert counts["work"] == 150
    assert 40 <= counts["family"] < 150
    assert counts["evaluated"] > 130
    assert 5 <= counts["awards"] <= 30
    assert counts["disciplines"] == 2
    assert counts["party"] >= 34  # at least everyone with political theory


def test_probation_recruits_are_paid_85_percent(demo_ctx):
    rows = _rows(demo_ctx, """SELECT e.category, e.probation_start, e.probation_end, e.probation_pay_percent,
                                     (SELECT percent FROM salary_steps s WHERE s.person_id = e.person_id
                                         AND s.effective_date <= :day ORDER BY s.effective_date DESC LIMIT 1)
                                FROM employments e WHERE e.probation_end IS NOT NULL""", day=AS_OF)
    assert len(rows) == 3
    for category, start, end, pay, salary_percent in rows:
        assert category.startswith("vien_chuc") and pay == 85 and salary_percent == 85
        assert start <= AS_OF.isoformat() < end


def test_letterhead_names_the_director_and_the_hr_officer(demo_ctx):
    from hrapp.services.setup import settings

    values = settings(demo_ctx)
    director = _rows(demo_ctx, "SELECT full_name FROM persons WHERE cur_post = 'Giám đốc Sở'")[0][0]
    assert values["head_name"] == director
    assert values["preparer_name"]
    assert values["agency_name"] == "SỞ KHOA HỌC VÀ CÔNG NGHỆ"


# --------------------------------------------------------------------------------------------- loading


def _plain(value):
    """Raw SQL gives dates as text and numbers as floats on SQLite, as date and Decimal on PostgreSQL."""
    if isinstance(value, (int, str)) or value is None:
        return str(value) if isinstance(value, str) else value
    if isinstance(value, (float, Decimal)):
        return f"{value:.3f}"
    return value.isoformat()


def _person_tuples(ctx) -> list[tuple]:
    steps: dict[int, list[tuple]] = {}
    for pid, day, step in _rows(ctx, "SELECT person_id, effective_date, step FROM salary_steps "
                                     "ORDER BY person_id, effective_date, step"):
        steps.setdefault(pid, []).append((_plain(day), step))
    rows = []
    for r in _rows(ctx, """
        SELECT p.id, p.full_name, p.gender, p.birth_date, p.id_number, p.cur_category, u.code, p.cur_rank_code,
               p.cur_salary_step, p.cur_coefficient, p.cur_post, p.cur_education, p.party_join_date
          FROM persons p LEFT JOIN org_units u ON u.id = p.cur_unit_id ORDER BY p.id"""):
        values = [_plain(v) for v in r[1:]]
        values[8] = None if r[9] is None else f"{Decimal(str(r[9])):.3f}"  # SQLite gives 3 for 3.000
        rows.append(tuple(values) + (tuple(steps.get(r[0], ())),))
    return rows


def test_two_loads_into_two_databases_give_identical_people(ctx, demo_ctx):
    load_demo(ctx)
    assert _person_tuples(ctx) == _person_tuples(demo_ctx)


def test_load_is_recorded_in_the_audit_under_the_current_user(ctx):
    ctx.user = "can_bo_to_chuc"
    summary = load_demo(ctx)
    assert summary == {"units": 17, "positions": 67, "persons": 150, "quotas": 12,
                       "decisions": summary["decisions"]}
    with ctx.read() as s:
        users = set(s.scalars(select(AuditLog.user).where(AuditLog.entity.in_(["persons", "database"]))))
        loaded = s.scalar(select(func.count()).select_from(AuditLog).where(AuditLog.action == "demo_load"))
    assert users == {"can_bo_to_chuc"}
    assert loaded == 1


def _counts(ctx) -> tuple[int, int, int, int]:
    with ctx.read() as s:
        return tuple(s.scalar(select(func.count()).select_from(m)) for m in (Person, OrgUnit, Decision, AuditLog))


def test_refuses_a_database_that_already_has_data_and_writes_nothing(demo_ctx):
    before = _counts(demo_ctx)
    with pytest.raises(DomainError) as err:
        load_demo(demo_ctx)
    assert err.value.code == "not_empty"
    assert str(err.value) == NOT_EMPTY_MESSAGE
    assert _counts(demo_ctx) == before


def test_a_database_with_only_units_is_not_empty(ctx):
    with ctx.unit_of_work() as s:
        s.add(OrgUnit(code="X", name="Đơn vị thử", kind="so"))
    with pytest.raises(DomainError):
        load_demo(ctx)
    assert _counts(ctx)[0] == 0


def test_a_failure_midway_leaves_the_database_empty(ctx, monkeypatch):
    from hrapp.demo.writer import Writer

    def broken(self):
        raise RuntimeError("disk gone")

    monkeypatch.setattr(Writer, "_settings", broken)
    with pytest.raises(RuntimeError):
        load_demo(ctx)
    persons, units, decisions, _audit = _counts(ctx)
    assert (persons, units, decisions) == (0, 0, 0)


# --------------------------------------------------------------------------------------------- command line


def _cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *args], cwd=ROOT, capture_output=True,
                          text=True, encoding="utf-8", timeout=120)


def test_cli_demo_twice_refuses_the_second_time_and_search_finds_nuong(tmp_path):
    db = str(tmp_path / "cli.sqlite3")
    assert _cli("--db", db, "init").returncode == 0
    first = _cli("--db", db, "demo")
    assert first.returncode == 0, first.stderr
    assert first.stdout.strip() == ("Đã nạp dữ liệu mẫu: 17 đơn vị, 67 vị trí việc làm, 150 người, "
                                    "12 chỉ tiêu biên chế, " + first.stdout.split("chỉ tiêu biên chế, ")[1].strip())
    assert "{" not in first.stdout and first.stdout.strip().endswith("quyết định.")

    second = _cli("--db", db, "demo")
    assert second.returncode != 0
    assert NOT_EMPTY_MESSAGE in second.stderr
    assert "Traceback" not in second.stderr

    found = _cli("--db", db, "employees", "list", "--format", "json", "--search", "nguyen van nuong")
    assert found.returncode == 0, found.stderr
    rows = json.loads(found.stdout)
    assert [r["full_name"] for r in rows] == ["Nguyễn Văn Nường"]
    assert rows[0]["unit_code"] == "VP" and rows[0]["post"] == "Chánh Văn phòng"

