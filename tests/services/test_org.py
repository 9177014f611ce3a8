"""Organisation: units by decision with history kept, merge and close, leaders and the deputy warning."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select

from hrapp import messages
from hrapp.db.models import Decision, Employment, JobPosition, OrgUnit, OrgUnitEvent, Person, PostHeld
from hrapp.errors import DomainError, ValidationError
from hrapp.queries.org_history import _names_at, _parents_at, _units_at
from hrapp.services.decisions import DecisionInput
from hrapp.services.org import (
    CloseUnit,
    MergeUnits,
    MoveUnit,
    NewUnit,
    RenameUnit,
    close_unit,
    create_unit,
    merge_units,
    move_unit,
    rename_unit,
    unit_history,
    unit_name_on,
)
from hrapp.services.positions import PositionInput, approve_position, create_position
from hrapp.services.quotas import set_quota
from hrapp.services.unit_leadership import deputy_warnings, unit_leadership
from tests.services.org_builders import dec, person, post, sample_org

D = date(2022, 6, 30)


def count(ctx, model) -> int:
    with ctx.read() as s:
        return s.scalar(select(func.count()).select_from(model))


@pytest.fixture
def org(ctx):
    return sample_org(ctx)


# -- create --------------------------------------------------------------------------------------------


def test_new_unit_is_active_from_the_decision_effective_date_with_a_create_event(ctx, org):
    info = create_unit(ctx, NewUnit("KHTC", "Phòng Kế hoạch - Tài chính", "phong", org["SO"],
                                    dec(date(2021, 4, 1), "1127/QĐ-UBND", signed=date(2021, 3, 25))))
    assert info.active_from == date(2021, 4, 1) and info.parent_code == "SO"
    history = unit_history(ctx, info.id)
    assert [(e.kind, e.event_date, e.decision_number) for e in history] == [
        ("create", date(2021, 4, 1), "1127/QĐ-UBND")]


def test_duplicate_unit_code_is_refused_at_the_code_field_and_nothing_is_saved(ctx, org):
    decisions = count(ctx, Decision)
    with pytest.raises(ValidationError) as err:
        create_unit(ctx, NewUnit("vp", "Văn phòng 2", "van_phong", org["SO"], dec()))
    assert err.value.field == "code"
    assert "đã có" in err.value.message
    assert count(ctx, Decision) == decisions


def test_decision_signed_after_its_effective_date_is_refused_and_nothing_is_saved(ctx, org):
    units, decisions = count(ctx, OrgUnit), count(ctx, Decision)
    bad = DecisionInput("2/QĐ-UBND", sign_date=date(2022, 3, 2), effective_date=date(2022, 3, 1))
    with pytest.raises(ValidationError) as err:
        create_unit(ctx, NewUnit("MOI", "Phòng Mới", "phong", org["SO"], bad))
    assert err.value.field == "decision.effective_date"
    assert "không được trước ngày ký" in err.value.message
    assert (count(ctx, OrgUnit), count(ctx, Decision)) == (units, decisions)


def test_decision_effective_on_its_signing_day_is_accepted(ctx, org):
    ok = DecisionInput("3/QĐ-UBND", sign_date=date(2022, 3, 1), effective_date=date(2022, 3, 1))
    assert create_unit(ctx, NewUnit("MOI", "Phòng Mới", "phong", org["SO"], ok)).active_from == date(2022, 3, 1)


def test_unknown_kind_and_empty_name_are_reported_together(ctx, org):
    with pytest.raises(ValidationError) as err:
        create_unit(ctx, NewUnit("X1", " ", "khong_co", org["SO"], dec()))
    assert {f for f, _ in err.value.errors} == {"name", "kind"}
    kind = dict(err.value.errors)["kind"]
    assert messages.say(kind, "vi") == "Chưa chọn loại đơn vị hợp lệ."
    assert messages.say(kind, "en") == "No valid kind of unit is chosen."
    assert "No valid kind of unit is chosen." in messages.render(err.value, "en")


def test_unit_under_a_closed_parent_is_refused(ctx, org):
    close_unit(ctx, CloseUnit(org["TT.KT"], dec(date(2020, 1, 1), "4/QĐ")))
    with pytest.raises(DomainError) as err:
        create_unit(ctx, NewUnit("KT.1", "Tổ kỹ thuật", "phong_thuoc", org["TT.KT"], dec(date(2021, 1, 1))))
    assert err.value.code == "unit_closed" and err.value.field == "parent_id"


# -- rename and move -----------------------------------------------------------------------------------


def test_renamed_unit_keeps_its_old_name_for_earlier_dates(ctx, org):
    rename_unit(ctx, RenameUnit(org["QLKH"], "Phòng Quản lý chuyên ngành", dec(date(2022, 7, 1), "20/QĐ")))
    assert unit_name_on(ctx, org["QLKH"], date(2022, 6, 30)) == "Phòng Quản lý khoa học"
    assert unit_name_on(ctx, org["QLKH"], date(2022, 7, 1)) == "Phòng Quản lý chuyên ngành"
    with ctx.read() as s:
        assert s.get(OrgUnit, org["QLKH"]).name == "Phòng Quản lý chuyên ngành"


def test_two_renames_each_show_in_their_own_period(ctx, org):
    rename_unit(ctx, RenameUnit(org["VP"], "Văn phòng", dec(date(2019, 1, 1), "21/QĐ")))
    rename_unit(ctx, RenameUnit(org["VP"], "Văn phòng Sở KH&CN", dec(date(2021, 1, 1), "22/QĐ")))
    with ctx.read() as s:
        assert _names_at(s, date(2018, 12, 31))[org["VP"]] == "Văn phòng Sở"
        assert _names_at(s, date(2020, 6, 1))[org["VP"]] == "Văn phòng"
        assert _names_at(s, date(2021, 1, 1))[org["VP"]] == "Văn phòng Sở KH&CN"


def test_rename_dated_before_the_last_recorded_change_is_refused(ctx, org):
    rename_unit(ctx, RenameUnit(org["VP"], "Văn phòng", dec(date(2021, 1, 1), "21/QĐ")))
    with pytest.raises(ValidationError) as err:
        rename_unit(ctx, RenameUnit(org["VP"], "Văn phòng cũ", dec(date(2020, 1, 1), "22/QĐ")))
    assert err.value.field == "decision.effective_date"


def test_rename_to_the_same_name_is_refused(ctx, org):
    with pytest.raises(ValidationError) as err:
        rename_unit(ctx, RenameUnit(org["VP"], "Văn phòng Sở", dec(date(2021, 1, 1))))
    assert err.value.field == "name"


def test_move_records_the_former_parent(ctx, org):
    move_unit(ctx, MoveUnit(org["TT.KT"], org["SO"], dec(date(2022, 1, 1), "30/QĐ")))
    with ctx.read() as s:
        assert _parents_at(s, date(2021, 12, 31))[org["TT.KT"]] == org["TT"]
        assert _parents_at(s, date(2022, 1, 1))[org["TT.KT"]] == org["SO"]
        ev = s.scalar(select(OrgUnitEvent).where(OrgUnitEvent.kind == "move"))
        assert (ev.old_value, ev.new_value) == ("TT", "SO")


def test_moving_a_unit_under_its_own_sub_unit_is_refused(ctx, org):
    with pytest.raises(ValidationError) as err:
        move_unit(ctx, MoveUnit(org["TT"], org["TT.KT"], dec(date(2022, 1, 1))))
    assert err.value.field == "parent_id"


# -- merge ---------------------------------------------------------------------------------------------


def test_merge_moves_people_positions_and_sub_units_and_closes_the_source(ctx, org):
    pos = create_position(ctx, PositionInput(org["TT"], "TT.CNTT", "Quản trị mạng", "chuyen_nganh"))
    approve_position(ctx, pos.id, dec(date(2020, 1, 1), "40/QĐ"))
    pid = person(ctx, "Nguyễn Văn Gộp", org["TT"], "vien_chuc", position_id=pos.id)
    post(ctx, pid, org["TT"], "giam_doc_trung_tam", "Giám đốc Trung tâm")
    result = merge_units(ctx, MergeUnits((org["TT"],), org["VP"], dec(date(2022, 7, 1), "41/QĐ-UBND")))

    assert (result.people_moved, result.positions_moved, result.units_moved, result.posts_ended) == (1, 1, 1, 1)
    with ctx.read() as s:
        tt = s.get(OrgUnit, org["TT"])
        assert tt.active_to == date(2022, 6, 30) and tt.merged_into_id == org["VP"]
        rows = s.scalars(select(Employment).where(Employment.person_id == pid).order_by(Employment.start_date)).all()
        assert [(r.unit_id, r.start_date, r.end_date) for r in rows] == [
            (org["TT"], date(2015, 1, 1), date(2022, 6, 30)), (org["VP"], date(2022, 7, 1), None)]
        new_pos = s.get(JobPosition, rows[1].position_id)
        assert (new_pos.unit_id, new_pos.code, new_pos.status) == (org["VP"], "TT.CNTT", "approved")
        assert s.get(JobPosition, pos.id).status == "retired"
        assert s.get(OrgUnit, org["TT.KT"]).parent_id == org["VP"]
        held = s.scalar(select(PostHeld).where(PostHeld.person_id == pid))
        assert held.end_date == date(2022, 6, 30) and "sáp nhập" in held.end_reason
        p = s.get(Person, pid)
        assert p.cur_unit_id == org["VP"] and p.cur_post is None
        kinds = s.execute(select(OrgUnitEvent.unit_id, OrgUnitEvent.kind)
                          .where(OrgUnitEvent.kind.in_(["merge", "merge_in"]))).all()
        assert set(kinds) == {(org["TT"], "merge"), (org["VP"], "merge_in")}
    assert [u.code for u in units_at_(ctx, date(2022, 7, 1))].count("TT") == 0
    assert "TT" in [u.code for u in units_at_(ctx, date(2022, 6, 30))]


def units_at_(ctx, on):
    with ctx.read() as s:
        return _units_at(s, on)


def test_merge_into_own_sub_unit_is_refused_and_nothing_changes(ctx, org):
    person(ctx, "Trần Văn Ở", org["TT"], "vien_chuc")
    with pytest.raises(ValidationError) as err:
        merge_units(ctx, MergeUnits((org["TT"],), org["TT.KT"], dec(date(2022, 7, 1))))
    assert err.value.field == "target_id"
    with ctx.read() as s:
        assert s.get(OrgUnit, org["TT"]).active_to is None


def test_merge_into_a_closed_unit_is_refused(ctx, org):
    close_unit(ctx, CloseUnit(org["QLKH"], dec(date(2021, 1, 1))))
    with pytest.raises(DomainError) as err:
        merge_units(ctx, MergeUnits((org["VP"],), org["QLKH"], dec(date(2022, 7, 1))))
    assert err.value.code == "unit_closed" and err.value.field == "target_id"


# -- close ---------------------------------------------------------------------------------------------


def test_closing_a_unit_with_staff_is_refused(ctx, org):
    person(ctx, "Lê Thị Còn", org["QLKH"], end=date(2022, 7, 1))
    with pytest.raises(DomainError) as err:
        close_unit(ctx, CloseUnit(org["QLKH"], dec(date(2022, 7, 1))))
    assert err.value.code == "unit_has_staff"


def test_closing_is_allowed_once_the_last_person_left_the_day_before(ctx, org):
    person(ctx, "Lê Thị Đi", org["QLKH"], end=date(2022, 6, 30))
    pos = create_position(ctx, PositionInput(org["QLKH"], "QL.1", "Chuyên viên quản lý", "chuyen_nganh"))
    info = close_unit(ctx, CloseUnit(org["QLKH"], dec(date(2022, 7, 1), "50/QĐ")))
    assert info.active_to == date(2022, 6, 30)
    with ctx.read() as s:
        assert s.get(JobPosition, pos.id).status == "retired"


def test_closing_a_unit_with_open_sub_units_is_refused(ctx, org):
    with pytest.raises(DomainError) as err:
        close_unit(ctx, CloseUnit(org["TT"], dec(date(2022, 7, 1))))
    assert err.value.code == "unit_has_children"


# -- leaders and deputies ------------------------------------------------------------------------------


def deputies(ctx, unit_id, n):
    for i in range(n):
        pid = person(ctx, f"Phó Văn {chr(65 + i)}", unit_id)
        post(ctx, pid, unit_id, "pho_truong_phong", "Phó Trưởng phòng")


@pytest.mark.parametrize(("headcount", "deputies_allowed"), [(7, 1), (8, 2), (14, 2), (15, 3)])
def test_deputy_limit_follows_the_headcount_bands(ctx, org, headcount, deputies_allowed):
    set_quota(ctx, 2022, org["QLKH"], "cong_chuc", headcount, dec(date(2022, 1, 5), "60/QĐ"))
    deputies(ctx, org["QLKH"], deputies_allowed)
    assert deputy_warnings(ctx, D) == []
    pid = person(ctx, "Phó Văn Thừa", org["QLKH"])
    post(ctx, pid, org["QLKH"], "pho_truong_phong", "Phó Trưởng phòng")
    [w] = deputy_warnings(ctx, D)
    assert (w.unit_code, w.headcount, w.headcount_source, w.deputies, w.allowed) == (
        "QLKH", headcount, "quota", deputies_allowed + 1, deputies_allowed)
    assert w.rule.startswith("NĐ 107/2020/NĐ-CP (")
    assert "vượt số tối đa" in w.message


def test_without_a_quota_the_deputy_limit_uses_the_civil_servants_present(ctx, org):
    deputies(ctx, org["VP"], 2)  # two công chức present, both deputies: fewer than 8 allows one
    post(ctx, person(ctx, "Chánh Văn Phòng", org["VP"]), org["VP"], "chanh_van_phong", "Chánh Văn phòng")
    leadership = unit_leadership(ctx, org["VP"], D)
    assert leadership.warning is not None and leadership.warning.headcount_source == "actual"
    assert leadership.warning.headcount == 3
    assert [r.post_code for r in leadership.leaders] == ["chanh_van_phong", "pho_truong_phong", "pho_truong_phong"]


def test_centres_are_not_subject_to_the_phong_deputy_rule(ctx, org):
    deputies(ctx, org["TT"], 3)
    assert unit_leadership(ctx, org["TT"], D).warning is None
    assert deputy_warnings(ctx, D) == []


def test_a_post_ended_the_day_before_is_no_longer_a_current_leader(ctx, org):
    pid = person(ctx, "Trưởng Văn Cũ", org["QLKH"])
    post(ctx, pid, org["QLKH"], "truong_phong", "Trưởng phòng", end=date(2022, 6, 29))
    assert unit_leadership(ctx, org["QLKH"], D).leaders == ()
    assert len(unit_leadership(ctx, org["QLKH"], date(2022, 6, 29)).leaders) == 1


def test_a_read_only_account_cannot_change_the_organisation(ctx, org):
    from hrapp.errors import PermissionDeniedError

    ctx.sign_in("xem1", "xem")
    with pytest.raises(PermissionDeniedError):
        rename_unit(ctx, RenameUnit(org["VP"], "Văn phòng", dec(date(2022, 1, 1))))
    assert unit_name_on(ctx, org["VP"], date(2022, 1, 1)) == "Văn phòng Sở"
