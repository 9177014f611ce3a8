"""Recording a discipline: the form is held to the rule version in force on the decision date for the person's
category and post that day; the effect period is filled from it; appointment, planning and pay steps read the
version of the discipline's own date."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from hrapp.errors import ValidationError
from hrapp.services import persons as ps
from hrapp.services.career import career_summary
from tests.services import career_builders as b

TODAY = date(2026, 12, 1)


@pytest.fixture
def units(ctx):
    return b.department(ctx)


def decision(day: date) -> ps.DecisionInput:
    return ps.DecisionInput(f"{day:%d%m}/QĐ-SKHCN", day)


def add(ctx, pid: int, form: str, day: date, **kw) -> ps.PersonProfile:
    return ps.add_discipline(ctx, pid, ps.DisciplineInput(day, form, None, decision=decision(day), **kw),
                             today=TODAY)


@pytest.mark.parametrize("day, allowed", [
    (date(2025, 6, 30), True), (date(2025, 7, 1), False), (date(2025, 7, 2), False)])
def test_ha_bac_luong_for_a_cong_chuc_is_refused_from_1_july_2025(ctx, units, day, allowed):
    pid = b.person(ctx, "Phạm Ngọc Lan", units["VP"])
    if allowed:
        prof = add(ctx, pid, "ha_bac_luong", day)
        assert prof.disciplines[0].effect_to == date(2026, 6, 29)  # 12 months from 30/06/2025
    else:
        with pytest.raises(ValidationError) as err:
            add(ctx, pid, "ha_bac_luong", day)
        (field, message), = err.value.errors
        assert field == "form"
        assert "NĐ 172/2025/NĐ-CP" in message and "không giữ chức vụ lãnh đạo" in message


@pytest.mark.parametrize("day, allowed", [(date(2025, 6, 30), True), (date(2025, 7, 1), False)])
def test_giang_chuc_for_a_leader_ends_with_nd_172_and_cach_chuc_stays(ctx, units, day, allowed):
    pid = b.person(ctx, "Bùi Thanh Bình", units["VP"])
    b.post(ctx, pid, units["VP"], date(2022, 1, 1))
    if allowed:
        add(ctx, pid, "giang_chuc", day)
    else:
        with pytest.raises(ValidationError) as err:
            add(ctx, pid, "giang_chuc", day)
        assert "giữ chức vụ lãnh đạo" in err.value.errors[0][1]
    prof = add(ctx, pid, "cach_chuc", day)
    assert prof.disciplines[-1].effect_to == date(day.year + 2, day.month, day.day) - timedelta(days=1)  # 24 months


def test_cach_chuc_needs_a_post_held_on_the_decision_date(ctx, units):
    pid = b.person(ctx, "Lê Minh Khoa", units["VP"])
    with pytest.raises(ValidationError):
        add(ctx, pid, "cach_chuc", date(2025, 7, 1))


def test_the_category_is_the_one_on_the_decision_date(ctx, units):
    pid = b.person(ctx, "Võ Thị Mỹ Hương", units["TT"], category="vien_chuc", gender="F")
    with pytest.raises(ValidationError):  # no hạ bậc lương for a viên chức under either decree
        add(ctx, pid, "ha_bac_luong", date(2025, 6, 30))
    add(ctx, pid, "canh_cao", date(2025, 7, 2))


def test_a_discipline_before_the_rule_data_is_kept_as_recorded(ctx, units):
    pid = b.person(ctx, "Đỗ Đức Cường", units["VP"])
    prof = add(ctx, pid, "ha_bac_luong", date(2020, 9, 15))
    assert prof.disciplines[0].effect_to is None


def test_an_effect_end_typed_by_the_officer_is_kept(ctx, units):
    pid = b.person(ctx, "Huỳnh Quốc Tuấn", units["VP"])
    prof = ps.add_discipline(ctx, pid, ps.DisciplineInput(date(2025, 7, 1), "khien_trach", None, date(2025, 12, 31),
                                                          decision=decision(date(2025, 7, 1))), today=TODAY)
    assert prof.disciplines[0].effect_to == date(2025, 12, 31)


@pytest.mark.parametrize("day, barred", [(date(2025, 3, 15), False), (date(2025, 3, 16), True)])
def test_a_decision_after_the_limitation_period_is_saved_with_a_warning(ctx, units, day, barred):
    pid = b.person(ctx, "Lý Thị Mai", units["VP"], gender="F")
    prof = add(ctx, pid, "khien_trach", day, violation_date=date(2023, 3, 15), found_on=day)
    assert prof.disciplines[0].violation_date == date(2023, 3, 15)
    if barred:
        (field, message), = prof.warnings
        assert field == "violation_date" and "thời hiệu" in message and "15/03/2025" in message
    else:
        assert prof.warnings == ()


def test_a_violation_dated_after_the_decision_is_refused(ctx, units):
    pid = b.person(ctx, "Lý Văn Mạnh", units["VP"])
    with pytest.raises(ValidationError) as err:
        add(ctx, pid, "khien_trach", date(2025, 7, 1), violation_date=date(2025, 7, 2))
    assert err.value.errors[0][0] == "violation_date"


@pytest.mark.parametrize("complex_case, day, late", [
    (False, date(2025, 5, 30), False), (False, date(2025, 5, 31), True), (True, date(2025, 5, 31), False)])
def test_a_decision_after_the_time_limit_of_the_procedure_is_saved_with_a_warning(ctx, units, complex_case, day,
                                                                                    late):
    pid = b.person(ctx, "Phan Văn Lợi", units["VP"])
    prof = add(ctx, pid, "khien_trach", day, found_on=date(2025, 3, 1), complex_case=complex_case)
    assert len(prof.disciplines) == 1 and prof.disciplines[0].found_on == date(2025, 3, 1)
    if late:
        (field, message), = prof.warnings
        assert field == "found_on" and "30/05/2025" in message
    else:
        assert prof.warnings == ()


@pytest.mark.parametrize("start, refused", [(date(2026, 6, 30), True), (date(2026, 7, 1), False)])
def test_no_appointment_until_the_effect_period_has_ended(ctx, units, start, refused):
    pid = b.person(ctx, "Trần Văn Nam", units["VP"])
    add(ctx, pid, "khien_trach", date(2025, 7, 1))
    dto = ps.PostInput("pho_truong_phong", units["VP"], start, kind="bo_nhiem", decision=decision(start))
    if refused:
        with pytest.raises(ValidationError) as err:
            ps.add_post(ctx, pid, dto)
        assert err.value.errors[0][0] == "start_date" and "30/06/2026" in err.value.errors[0][1]
    else:
        assert ps.add_post(ctx, pid, dto).posts[0].start_date == start


@pytest.mark.parametrize("decided, due", [
    (date(2021, 8, 14), date(2025, 2, 1)),  # TT 08/2013 before TT 03/2021: a viên chức's khiển trách, 6 months
    (date(2021, 8, 15), date(2024, 11, 1)),  # TT 03/2021 from 15/08/2021: 3 months
])
def test_the_pay_step_delay_follows_the_rule_of_the_discipline_date(ctx, units, decided, due):
    pid = b.person(ctx, "Võ Thị Hồng", units["TT"], category="vien_chuc", gender="F", rank="V.05.02.07", step=2,
                   since=date(2021, 8, 1))
    b.discipline(ctx, pid, "khien_trach", decided)
    pay = career_summary(ctx, pid, date(2022, 6, 30)).pay_step
    assert pay.due_date == due
    # named where it differs from the version of the due date (TT 03/2021: 3 months)
    assert ("TT 08/2013" in pay.delays[0].label) is (decided < date(2021, 8, 15))
