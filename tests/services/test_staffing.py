"""Staffing view: actual staff by employment dates, vacancies at date edges, roll-up, unit history."""

from __future__ import annotations

from datetime import date

import pytest

from hrapp.db.models import Person
from hrapp.queries import staffing
from hrapp.queries.recruitment import RecruitmentPlaces
from hrapp.queries.staffing import staffing_view
from hrapp.services.org import MergeUnits, MoveUnit, RenameUnit, merge_units, move_unit, rename_unit
from hrapp.services.positions import PositionInput, approve_position, create_position
from hrapp.services.quotas import QuotaEntry, QuotaInput, set_quotas
from tests.services.org_builders import dec, employ, person, sample_org, second

D = date(2022, 6, 30)


@pytest.fixture
def org(ctx):
    units = sample_org(ctx)
    set_quotas(ctx, QuotaInput(2022, (
        QuotaEntry(units["VP"], "cong_chuc", 5),
        QuotaEntry(units["QLKH"], "cong_chuc", 4),
        QuotaEntry(units["TT"], "vien_chuc", 6),
        QuotaEntry(units["TT.KT"], "vien_chuc", 3),
        QuotaEntry(units["VP"], "hop_dong", 2),
    ), dec(date(2022, 1, 5), "10/QĐ-UBND")))
    return units


def row(table, code):
    return next(u for u in table.units if u.code == code)


def vp(ctx, org, on=D):
    return row(staffing_view(ctx, 2022, on), "VP").figures("cong_chuc")


def test_person_who_joined_that_day_counts(ctx, org):
    person(ctx, "Lê Văn Mới", org["VP"], start=D)
    assert vp(ctx, org).actual == 1
    assert vp(ctx, org).vacancy == 4


def test_person_joining_the_next_day_does_not_count_yet(ctx, org):
    person(ctx, "Lê Văn Mai", org["VP"], start=date(2022, 7, 1))
    assert vp(ctx, org).actual == 0
    assert vp(ctx, org).vacancy == 5


def test_person_who_left_the_day_before_no_longer_counts(ctx, org):
    person(ctx, "Trần Thị Đi", org["VP"], end=date(2022, 6, 29))
    assert vp(ctx, org).actual == 0
    assert vp(ctx, org, date(2022, 6, 29)).actual == 1


def test_person_whose_last_day_is_the_date_still_counts(ctx, org):
    person(ctx, "Trần Thị Ở", org["VP"], end=D)
    assert vp(ctx, org).actual == 1


def test_seconded_staff_count_at_their_home_unit(ctx, org):
    pid = person(ctx, "Phạm Văn Biệt", org["QLKH"])
    second(ctx, pid, date(2022, 1, 1), date(2023, 12, 31))
    table = staffing_view(ctx, 2022, D)
    assert row(table, "QLKH").figures("cong_chuc").actual == 1
    assert row(table, "QLKH").figures("cong_chuc").vacancy == 3


def test_retired_person_counts_up_to_the_employment_end_date(ctx, org):
    person(ctx, "Võ Văn Hưu", org["VP"], end=date(2022, 8, 31), status="retired")
    assert vp(ctx, org).actual == 1
    assert vp(ctx, org, date(2022, 9, 1)).actual == 0


def test_person_moved_between_units_counts_once_on_each_side_of_the_move(ctx, org):
    pid = person(ctx, "Đỗ Thị Chuyển", org["VP"], end=date(2022, 6, 29))
    employ(ctx, pid, org["QLKH"], "cong_chuc", D)
    before = staffing_view(ctx, 2022, date(2022, 6, 29))
    after = staffing_view(ctx, 2022, D)
    assert (row(before, "VP").figures("cong_chuc").actual, row(before, "QLKH").figures("cong_chuc").actual) == (1, 0)
    assert (row(after, "VP").figures("cong_chuc").actual, row(after, "QLKH").figures("cong_chuc").actual) == (0, 1)
    assert after.totals["cong_chuc"].actual == 1


def test_overlapping_employment_rows_count_the_person_once_at_the_latest_started(ctx, org):
    pid = person(ctx, "Đặng Văn Chồng", org["VP"])  # the old row was never closed
    employ(ctx, pid, org["QLKH"], "cong_chuc", D)
    other = person(ctx, "Phan Thị Trùng", org["VP"], start=D)
    employ(ctx, other, org["QLKH"], "cong_chuc", D)  # the same start: the row recorded last wins
    before = staffing_view(ctx, 2022, date(2022, 6, 29))
    table = staffing_view(ctx, 2022, D)
    assert (row(before, "VP").figures("cong_chuc").actual, row(before, "QLKH").figures("cong_chuc").actual) == (1, 0)
    assert (row(table, "VP").figures("cong_chuc").actual, row(table, "QLKH").figures("cong_chuc").actual) == (0, 2)
    assert table.totals["cong_chuc"].actual == 2


def test_category_is_taken_from_the_employment_row(ctx, org):
    person(ctx, "Hồ Văn Lái", org["VP"], "hop_dong")
    table = staffing_view(ctx, 2022, D)
    assert row(table, "VP").figures("hop_dong").actual == 1
    assert row(table, "VP").figures("cong_chuc").actual == 0


def test_places_in_recruitment_reduce_vacancies(ctx, org, monkeypatch):
    def open_rounds(session, year, on):
        return [RecruitmentPlaces(org["TT.KT"], "vien_chuc", 2)] if year == 2022 else []

    with monkeypatch.context() as patched:
        patched.setattr(staffing, "places_in_rounds", open_rounds)
        person(ctx, "Ngô Thị Kỹ", org["TT.KT"], "vien_chuc")
        f = row(staffing_view(ctx, 2022, D), "TT.KT").figures("vien_chuc")
    assert (f.quota, f.actual, f.in_recruitment, f.vacancy) == (3, 1, 2, 0)
    assert row(staffing_view(ctx, 2022, D), "TT.KT").figures("vien_chuc").in_recruitment == 0


def test_more_staff_than_quota_is_flagged_over_quota(ctx, org):
    for i in range(5):
        person(ctx, f"Nguyễn Văn Số{i}", org["QLKH"])
    r = row(staffing_view(ctx, 2022, D), "QLKH")
    assert r.figures("cong_chuc").vacancy == -1
    assert r.over_quota
    assert not row(staffing_view(ctx, 2022, D), "VP").over_quota


def test_parent_rows_sum_their_sub_units(ctx, org):
    person(ctx, "Bùi Văn Tâm", org["TT"], "vien_chuc")
    person(ctx, "Bùi Thị Kỹ", org["TT.KT"], "vien_chuc")
    person(ctx, "Bùi Thị Hai", org["TT.KT"], "vien_chuc")
    table = staffing_view(ctx, 2022, D)
    tt = row(table, "TT")
    assert tt.figures("vien_chuc", rolled=False).actual == 1
    assert (tt.figures("vien_chuc").quota, tt.figures("vien_chuc").actual, tt.figures("vien_chuc").vacancy) == (9, 3, 6)
    assert tt.has_children and not row(table, "TT.KT").has_children
    so = row(table, "SO")
    assert so.figures("vien_chuc").quota == 9
    assert so.figures("cong_chuc").quota == 9


def test_totals_per_category_and_overall(ctx, org):
    person(ctx, "Lý Văn Một", org["VP"])
    person(ctx, "Lý Văn Hai", org["TT.KT"], "vien_chuc")
    table = staffing_view(ctx, 2022, D)
    assert table.totals["cong_chuc"].quota == 9 and table.totals["cong_chuc"].actual == 1
    assert table.totals["vien_chuc"].quota == 9 and table.totals["vien_chuc"].actual == 1
    assert table.totals["hop_dong"].quota == 2
    assert table.totals["vien_chuc_tu_chu"].empty
    assert table.categories == ("cong_chuc", "vien_chuc", "hop_dong")
    assert (table.overall.quota, table.overall.actual, table.overall.vacancy) == (20, 2, 18)


def test_quota_of_another_year_is_not_used(ctx, org):
    assert staffing_view(ctx, 2023, D).totals["cong_chuc"].quota == 0


def test_renamed_unit_shows_the_name_valid_on_the_date(ctx, org):
    rename_unit(ctx, RenameUnit(org["QLKH"], "Phòng Quản lý khoa học và công nghệ", dec(date(2022, 7, 1), "5/QĐ")))
    assert row(staffing_view(ctx, 2022, D), "QLKH").name == "Phòng Quản lý khoa học"
    assert row(staffing_view(ctx, 2022, date(2022, 7, 1)), "QLKH").name == "Phòng Quản lý khoa học và công nghệ"


def test_moved_unit_rolls_up_under_the_parent_it_had_on_the_date(ctx, org):
    person(ctx, "Mai Thị Dời", org["TT.KT"], "vien_chuc")
    move_unit(ctx, MoveUnit(org["TT.KT"], org["SO"], dec(date(2022, 7, 1), "6/QĐ")))
    before = staffing_view(ctx, 2022, D)
    after = staffing_view(ctx, 2022, date(2022, 7, 1))
    assert row(before, "TT.KT").parent_code == "TT" and row(before, "TT").figures("vien_chuc").actual == 1
    assert row(after, "TT.KT").parent_code == "SO" and row(after, "TT").figures("vien_chuc").actual == 0


def test_merged_unit_disappears_from_the_day_of_the_merge_and_its_quota_and_people_count_at_the_target(ctx, org):
    person(ctx, "Đinh Văn Nhập", org["QLKH"])
    merge_units(ctx, MergeUnits((org["QLKH"],), org["VP"], dec(date(2022, 7, 1), "7/QĐ")))
    before = staffing_view(ctx, 2022, D)
    after = staffing_view(ctx, 2022, date(2022, 7, 1))
    assert row(before, "QLKH").figures("cong_chuc").actual == 1
    assert all(u.code != "QLKH" for u in after.units)
    f = row(after, "VP").figures("cong_chuc")
    assert (f.quota, f.actual) == (9, 1)
    assert after.totals["cong_chuc"].quota == before.totals["cong_chuc"].quota == 9


def test_unit_not_yet_founded_is_not_shown(ctx, org):
    from tests.services.org_builders import unit

    unit(ctx, "NEW", "Trung tâm Khám phá khoa học", "trung_tam", org["SO"], on=date(2022, 7, 1))
    assert all(u.code != "NEW" for u in staffing_view(ctx, 2022, D).units)
    assert any(u.code == "NEW" for u in staffing_view(ctx, 2022, date(2022, 7, 1)).units)


def test_position_rows_show_needed_actual_and_vacancy(ctx, org):
    pos = create_position(ctx, PositionInput(org["VP"], "VP.KT", "Kế toán", "dung_chung", number_needed=2))
    approve_position(ctx, pos.id, dec(date(2022, 1, 10), "8/QĐ"))
    person(ctx, "Tạ Thị Toán", org["VP"], position_id=pos.id)
    person(ctx, "Tạ Văn Trống", org["VP"])
    table = staffing_view(ctx, 2022, D, with_positions=True)
    rows = table.positions_of(org["VP"])
    assert [(r.code, r.number_needed, r.actual_total, r.vacancy) for r in rows] == [
        ("VP.KT", 2, 1, 1), ("", 0, 1, -1)]
    assert rows[1].position_id is None and not rows[1].over_quota


def test_position_approved_after_the_date_is_not_listed(ctx, org):
    pos = create_position(ctx, PositionInput(org["VP"], "VP.TH", "Tổng hợp", "chuyen_nganh"))
    approve_position(ctx, pos.id, dec(date(2022, 7, 1), "9/QĐ"))
    assert staffing_view(ctx, 2022, D, with_positions=True).positions_of(org["VP"]) == []
    assert len(staffing_view(ctx, 2022, date(2022, 7, 1), with_positions=True).positions_of(org["VP"])) == 1


def test_json_has_the_documented_shape(ctx, org):
    person(ctx, "Lương Văn Json", org["VP"])
    data = staffing_view(ctx, 2022, D).to_json()
    assert data["year"] == 2022 and data["as_of"] == "2022-06-30"
    vp_row = next(r for r in data["units"] if r["code"] == "VP" and r["category"] == "cong_chuc")
    assert vp_row == {"code": "VP", "name": "Văn phòng Sở", "parent_code": "SO", "category": "cong_chuc",
                      "quota": 5, "actual": 1, "in_recruitment": 0, "vacancy": 4}
    assert data["totals"]["cong_chuc"] == {"quota": 9, "actual": 1, "in_recruitment": 0, "vacancy": 8}
    assert set(data["totals"]) == {"cong_chuc", "vien_chuc", "vien_chuc_tu_chu", "hop_dong", "hop_dong_nv_cong_chuc"}


def test_status_of_the_person_does_not_change_the_count(ctx, org):
    pid = person(ctx, "Châu Văn Nghỉ", org["VP"], end=date(2022, 12, 31))
    with ctx.unit_of_work() as s:
        s.get(Person, pid).status = "resigned"
    assert vp(ctx, org).actual == 1


def test_staff_of_a_category_without_any_quota_are_counted_but_never_over_quota(ctx, org):
    person(ctx, "Phan Thị Tự", org["TT.KT"], "vien_chuc_tu_chu")
    table = staffing_view(ctx, 2022, D)
    f = row(table, "TT.KT").figures("vien_chuc_tu_chu")
    assert (f.actual, f.assigned, f.vacancy, f.over_quota) == (1, False, None, False)
    assert table.totals["vien_chuc_tu_chu"].to_json() == {"quota": None, "actual": 1, "in_recruitment": 0,
                                                          "vacancy": None}
    assert table.outside_quota == 1 and table.people == 1
    assert table.overall.actual == 0
    assert "vien_chuc_tu_chu" in table.categories


def test_a_quota_of_zero_makes_anyone_there_over_quota(ctx, org):
    from hrapp.services.quotas import set_quota

    set_quota(ctx, 2022, org["QLKH"], "hop_dong", 0, dec(date(2022, 1, 5), "11/QĐ"))
    person(ctx, "Trịnh Văn Thừa", org["QLKH"], "hop_dong")
    f = row(staffing_view(ctx, 2022, D), "QLKH").figures("hop_dong")
    assert (f.quota, f.actual, f.vacancy, f.over_quota) == (0, 1, -1, True)


# -- the demo department (Sở KH&CN Bình Định, mid-2022) -------------------------------------------------


def test_demo_department_2022_quotas_are_those_of_the_seed_report(demo_ctx):
    table = staffing_view(demo_ctx, 2022, D)
    assert {c: table.totals[c].quota for c in ("cong_chuc", "vien_chuc", "hop_dong")} == {
        "cong_chuc": 39, "vien_chuc": 57, "hop_dong": 5}
    assert table.totals["cong_chuc"].quota + table.totals["vien_chuc"].quota == 96


def test_demo_department_actual_staff_match_the_demo_data(demo_ctx):
    import json

    from sqlalchemy import func, or_, select

    from hrapp.db.models import Employment
    from hrapp.paths import DEMO

    seed = json.loads((DEMO / "department.json").read_text(encoding="utf-8"))
    expected: dict[str, int] = {}
    for pos in seed["positions"]:
        for cat, n in pos.get("staff", {}).items():
            expected[cat] = expected.get(cat, 0) + n
    table = staffing_view(demo_ctx, 2022, D)
    assert {c: table.totals[c].actual for c in expected} == expected
    with demo_ctx.read() as s:
        rows = s.execute(select(Employment.category, func.count(func.distinct(Employment.person_id))).where(
            Employment.start_date <= D, or_(Employment.end_date.is_(None), Employment.end_date >= D))
            .group_by(Employment.category)).all()
    assert {c: n for c, n in rows} == {c: table.totals[c].actual for c in table.categories}
