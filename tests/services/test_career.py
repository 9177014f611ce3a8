"""Career events of one person: retirement, the next pay step with its delays, PCTNVK, probation end, term ends."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from hrapp.db.models import LeavePeriod
from hrapp.errors import ValidationError
from hrapp.services.career import LeavePeriodInput, add_leave_period, career_summary
from hrapp.services.decisions import DecisionInput
from tests.services import career_builders as b

AS_OF = date(2022, 6, 30)


@pytest.fixture
def units(ctx):
    return b.department(ctx)


def test_a_man_known_only_by_birth_month_02_1965_retires_at_61y6m_on_1_september_2026(ctx, units):
    pid = b.person(ctx, "Nguyễn Văn Nường", units["VP"], birth=date(1965, 2, 1), precision="month")
    r = career_summary(ctx, pid, AS_OF).retirement
    assert (r.age_years, r.age_months) == (61, 6)
    assert r.reached_on == date(2026, 8, 1)
    assert r.last_working_day == date(2026, 8, 31)
    assert r.retirement_date == date(2026, 9, 1)
    assert r.notice_due == date(2026, 3, 1)
    assert r.rule.version == "nd135_2020"


def test_a_woman_known_only_by_birth_year_counts_from_1_january(ctx, units):
    pid = b.person(ctx, "Trần Thị Thu Hà", units["VP"], gender="F", birth=date(1970, 1, 1), precision="year")
    r = career_summary(ctx, pid, AS_OF).retirement
    assert (r.age_years, r.age_months) == (57, 4)
    assert r.retirement_date == date(2027, 6, 1)


def test_a1_step_without_events_is_due_36_months_after_the_step_started(ctx, units):
    pid = b.person(ctx, "Lê Minh Khoa", units["VP"], rank="01.003", step=3, since=date(2020, 7, 1))
    pay = career_summary(ctx, pid, AS_OF).pay_step
    assert pay.kind == "nang_bac"
    assert (pay.next_step, pay.next_coefficient) == (4, Decimal("3.33"))
    assert pay.due_date == pay.regular_date == date(2023, 7, 1)
    assert pay.delay_months == 0 and pay.delays == ()
    assert pay.rule.code == "pay_step" and pay.rule.version == "tt03_2021"


def test_a_c1_step_is_due_after_24_months(ctx, units):
    pid = b.person(ctx, "Hồ Văn Tài", units["VP"], rank="01.005", step=4, since=date(2020, 7, 1))
    assert career_summary(ctx, pid, AS_OF).pay_step.due_date == date(2022, 7, 1)


@pytest.mark.parametrize(
    "on, counted",
    [
        (date(2020, 6, 30), False),  # the day before the step started: another period
        (date(2020, 7, 1), True),  # the day the step started
        (date(2023, 6, 30), True),  # the last day before the regular due date
    ],
)
def test_a_khien_trach_within_the_step_period_delays_a_cong_chuc_6_months(ctx, units, on, counted):
    pid = b.person(ctx, "Phạm Ngọc Lan", units["VP"], rank="01.003", step=3, since=date(2020, 7, 1))
    b.discipline(ctx, pid, "khien_trach", on)
    pay = career_summary(ctx, pid, date(2023, 6, 30)).pay_step
    assert pay.due_date == (date(2024, 1, 1) if counted else date(2023, 7, 1))
    assert pay.delay_months == (6 if counted else 0)
    if counted:
        assert pay.delays[0].kind == "discipline" and "Khiển trách" in pay.delays[0].label


def test_a_vien_chuc_khien_trach_delays_only_3_months(ctx, units):
    pid = b.person(ctx, "Võ Thị Mỹ Hương", units["TT"], category="vien_chuc", rank="V.05.02.07", step=2,
                   since=date(2021, 9, 1))
    b.discipline(ctx, pid, "khien_trach", date(2022, 3, 1))
    pay = career_summary(ctx, pid, AS_OF).pay_step
    assert pay.due_date == date(2024, 12, 1)


def test_each_year_rated_kht_in_the_period_delays_6_months_and_earlier_years_do_not(ctx, units):
    pid = b.person(ctx, "Đặng Hữu Phúc", units["VP"], rank="01.003", step=3, since=date(2020, 7, 1))
    b.rating(ctx, pid, 2019, "kht")  # 31/12/2019 is before the step started
    b.rating(ctx, pid, 2020, "kht")
    b.rating(ctx, pid, 2021, "kht")
    pay = career_summary(ctx, pid, AS_OF).pay_step
    assert pay.delay_months == 12
    assert [d.label for d in pay.delays] == ["Năm 2020 không hoàn thành nhiệm vụ", "Năm 2021 không hoàn thành nhiệm vụ"]
    assert pay.due_date == date(2024, 7, 1)


def test_delays_across_a_khien_trach_and_a_kht_year_add_up(ctx, units):
    pid = b.person(ctx, "Bùi Thanh Bình", units["VP"], rank="01.002", step=2, since=date(2019, 10, 1))
    b.discipline(ctx, pid, "khien_trach", date(2020, 5, 4))
    b.rating(ctx, pid, 2021, "kht")
    pay = career_summary(ctx, pid, AS_OF).pay_step
    assert pay.regular_date == date(2022, 10, 1)
    assert pay.due_date == date(2023, 10, 1)
    assert "kéo dài 12 tháng" in pay.detail()


def test_unpaid_leave_falling_into_the_extra_months_also_counts(ctx, units):
    pid = b.person(ctx, "Đỗ Đức Cường", units["VP"], rank="01.003", step=3, since=date(2019, 3, 1))
    b.discipline(ctx, pid, "khien_trach", date(2020, 5, 1))  # due 01/03/2022 → 01/09/2022
    # After the regular date: April 2022 is a whole month; 01–15/05/2022 has 8 working days (02 and 03/05 are the
    # days off in lieu of 30/04 and 01/05, which fell on the weekend), fewer than 11: dropped → 1 month.
    b.unpaid_leave(ctx, pid, date(2022, 4, 1), date(2022, 5, 15))
    pay = career_summary(ctx, pid, AS_OF).pay_step
    assert pay.delay_months == 7
    assert pay.due_date == date(2022, 10, 1)
    assert "1 tháng tròn và 8 ngày làm việc lẻ" in pay.detail()


@pytest.mark.parametrize("last_day, months", [(date(2021, 3, 12), 0), (date(2021, 3, 14), 0),
                                              (date(2021, 3, 15), 1)])
def test_unpaid_leave_odd_days_count_in_working_days_from_11_as_a_month(ctx, units, last_day, months):
    pid = b.person(ctx, "Huỳnh Quốc Tuấn", units["VP"], rank="01.003", step=3, since=date(2020, 7, 1))
    b.unpaid_leave(ctx, pid, date(2021, 3, 1), last_day)  # 10, 10 (a weekend more), 11 working days
    pay = career_summary(ctx, pid, AS_OF).pay_step
    assert pay.delay_months == months
    assert "tt03_2021" in [pay.rule.version, pay.delay_rule.version if pay.delay_rule else ""]


def test_a_discipline_form_without_delay_for_the_category_is_noted_not_counted(ctx, units):
    pid = b.person(ctx, "Phan Văn Lợi", units["TT"], category="vien_chuc", rank="V.05.02.07", step=2,
                   since=date(2021, 9, 1))
    b.discipline(ctx, pid, "ha_bac_luong", date(2022, 1, 10))
    pay = career_summary(ctx, pid, AS_OF).pay_step
    assert pay.delay_months == 0
    assert pay.ignored_disciplines == ("Hạ bậc lương",)


def test_a_discipline_decided_after_the_day_asked_about_is_not_known_then(ctx, units):
    pid = b.person(ctx, "Lý Thị Mai", units["VP"], gender="F", rank="01.003", step=3, since=date(2020, 7, 1))
    b.discipline(ctx, pid, "canh_cao", date(2022, 8, 1))
    assert career_summary(ctx, pid, AS_OF).pay_step.due_date == date(2023, 7, 1)
    assert career_summary(ctx, pid, date(2022, 8, 1)).pay_step.due_date == date(2024, 1, 1)


def test_a_step_decided_in_advance_is_the_salary_in_force(ctx, units):
    pid = b.person(ctx, "Mai Văn Hùng", units["VP"], rank="01.003", step=3, since=date(2019, 7, 1))
    b.salary(ctx, pid, "01.003", 4, date(2022, 7, 1), signed=date(2022, 6, 20))
    pay = career_summary(ctx, pid, AS_OF).pay_step
    assert pay.salary.step == 4 and pay.due_date == date(2025, 7, 1)
    # the day before the decision was signed, the step was still due
    assert career_summary(ctx, pid, date(2022, 6, 19)).pay_step.due_date == date(2022, 7, 1)


def test_at_the_last_step_the_5_percent_pctnvk_starts_36_months_later(ctx, units):
    pid = b.person(ctx, "Nguyễn Thanh Sơn", units["VP"], rank="01.003", step=9, since=date(2020, 1, 15))
    pay = career_summary(ctx, pid, AS_OF).pay_step
    assert pay.kind == "pctnvk_start"
    assert pay.next_step is None and pay.pctnvk_percent == 5
    assert pay.due_date == date(2023, 1, 15)
    assert pay.rule.code == "pctnvk"


def test_pctnvk_rises_one_percent_a_year_after_the_current_percent_started(ctx, units):
    pid = b.person(ctx, "Trần Văn Đức", units["VP"], rank="01.002", step=8, since=date(2016, 3, 1), pctnvk=6,
                   pctnvk_since=date(2021, 3, 1))
    pay = career_summary(ctx, pid, AS_OF).pay_step
    assert pay.kind == "pctnvk_raise"
    assert (pay.pctnvk_percent, pay.due_date) == (7, date(2022, 3, 1))


def test_a_kht_year_delays_the_pctnvk_rise_too(ctx, units):
    pid = b.person(ctx, "Trương Văn Nam", units["VP"], rank="01.002", step=8, since=date(2016, 3, 1), pctnvk=6,
                   pctnvk_since=date(2021, 3, 1))
    b.rating(ctx, pid, 2021, "kht")
    assert career_summary(ctx, pid, AS_OF).pay_step.due_date == date(2022, 9, 1)


def test_probation_end_follows_the_level_the_title_requires(ctx, units):
    pid = b.person(ctx, "Phan Thị Ngọc Ánh", units["TT"], gender="F", birth=date(1998, 4, 2), category="vien_chuc",
                   rank="V.05.02.07", step=1, since=date(2022, 3, 1), percent=85, start=date(2022, 3, 1),
                   probation_start=date(2022, 3, 1))
    prob = career_summary(ctx, pid, AS_OF).probation
    assert prob.recorded is False and prob.months == 12
    assert prob.end_date == date(2023, 2, 28)
    assert prob.rule.code == "probation"


def test_leave_of_14_days_or_more_during_probation_moves_its_end(ctx, units):
    pid = b.person(ctx, "Lê Thị Hoa", units["TT"], gender="F", birth=date(1998, 4, 2), category="vien_chuc",
                   rank="V.05.02.07", step=1, since=date(2022, 3, 1), percent=85, start=date(2022, 3, 1),
                   probation_start=date(2022, 3, 1))
    b.unpaid_leave(ctx, pid, date(2022, 5, 1), date(2022, 5, 13), kind="om_dau")  # 13 days: counts
    b.unpaid_leave(ctx, pid, date(2022, 8, 1), date(2022, 8, 14), kind="om_dau")  # 14 days: does not
    assert career_summary(ctx, pid, date(2022, 9, 30)).probation.end_date == date(2023, 3, 14)


def test_a_recorded_probation_end_is_used_as_written(ctx, units):
    pid = b.person(ctx, "Vũ Minh Châu", units["TT"], category="vien_chuc", rank="V.05.02.07", step=1,
                   since=date(2022, 3, 1), percent=85, probation_start=date(2022, 3, 1),
                   probation_end=date(2023, 3, 31))
    prob = career_summary(ctx, pid, AS_OF).probation
    assert prob.recorded and prob.end_date == date(2023, 3, 31)


def test_a_term_runs_5_years_and_ends_at_retirement_when_that_comes_first(ctx, units):
    young = b.person(ctx, "Cao Văn Thắng", units["QLKH"], birth=date(1975, 5, 5))
    old = b.person(ctx, "Đinh Văn Lộc", units["VP"], birth=date(1963, 1, 20))
    b.post(ctx, young, units["QLKH"], date(2020, 3, 1))
    b.post(ctx, old, units["VP"], date(2020, 3, 1), code="chanh_van_phong", title="Chánh Văn phòng")
    term = career_summary(ctx, young, AS_OF).terms[0]
    assert term.term_end == date(2025, 2, 28) and not term.until_retirement
    assert term.next_kind.value == "bo_nhiem_lai"
    cut = career_summary(ctx, old, AS_OF).terms[0]
    # born 01/1963: 60 years 9 months, retirement on 01/11/2023; the term ends on his last working day
    assert cut.until_retirement and cut.term_end == date(2023, 10, 31)
    assert cut.next_kind is None
    assert [a.code for a in cut.alerts] == ["truoc_6_thang", "truoc_90_ngay"]


def test_a_recorded_term_end_is_kept(ctx, units):
    pid = b.person(ctx, "Kiều Văn Sang", units["QLKH"], birth=date(1978, 5, 5))
    b.post(ctx, pid, units["QLKH"], date(2021, 1, 1), term_end=date(2025, 12, 31))
    term = career_summary(ctx, pid, AS_OF).terms[0]
    assert term.recorded and term.term_end == date(2025, 12, 31)


def test_leave_period_by_decision_is_recorded_and_may_not_overlap_another(ctx, units):
    pid = b.person(ctx, "Tôn Nữ Thảo", units["VP"], gender="F")
    dec = DecisionInput("12/QĐ-SKHCN", date(2022, 1, 5))
    info = add_leave_period(ctx, pid, LeavePeriodInput("khong_luong", date(2022, 2, 1), date(2022, 3, 2), dec))
    assert info.days == 30 and info.kind_label == "Nghỉ không hưởng lương"
    with pytest.raises(ValidationError) as err:
        add_leave_period(ctx, pid, LeavePeriodInput("khong_luong", date(2022, 3, 2), date(2022, 3, 10), dec))
    assert err.value.errors[0][0] == "start_date"
    with pytest.raises(ValidationError) as err:
        add_leave_period(ctx, pid, LeavePeriodInput("khong_luong", date(2022, 5, 10), date(2022, 5, 1), None))
    assert {f for f, _ in err.value.errors} == {"end_date", "decision"}
    with ctx.read() as s:
        assert s.query(LeavePeriod).count() == 1
