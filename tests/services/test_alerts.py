"""What falls due: each kind of alert at the edges of its window, what counts as done, bulk loading."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import event

from hrapp.db.models import Employment
from hrapp.errors import ValidationError
from hrapp.services.alerts import KINDS, alerts
from tests.services import career_builders as b

AS_OF = date(2022, 6, 30)


@pytest.fixture
def units(ctx):
    return b.department(ctx)


def _kinds(rows, pid=None):
    return [(a.kind, a.due_date) for a in rows if pid is None or a.employee_id == pid]


@pytest.mark.parametrize("days, listed", [(0, False), (30, True), (31, True)])
def test_a_pay_step_shows_when_it_falls_due_within_the_days_asked(ctx, units, days, listed):
    # due 30/07/2022: 30 days after 30/06
    pid = b.person(ctx, "Lê Minh Khoa", units["VP"], rank="01.003", step=3, since=date(2019, 7, 30))
    got = _kinds(alerts(ctx, AS_OF, days), pid)
    assert (("pay_step", date(2022, 7, 30)) in got) is listed


def test_an_overdue_step_stays_until_a_newer_salary_row_is_recorded(ctx, units):
    pid = b.person(ctx, "Phạm Ngọc Lan", units["VP"], rank="01.003", step=3, since=date(2019, 1, 1))
    (alert,) = [a for a in alerts(ctx, AS_OF, 30) if a.employee_id == pid]
    assert alert.kind == "pay_step" and alert.overdue and alert.due_date == date(2022, 1, 1)
    assert alert.action == "pay_step_list" and alert.rule.startswith("TT 03/2021/TT-BNV")
    b.salary(ctx, pid, "01.003", 4, date(2022, 1, 1), signed=date(2022, 6, 1))
    assert _kinds(alerts(ctx, AS_OF, 30), pid) == []


def test_the_detail_of_a_delayed_step_says_why(ctx, units):
    pid = b.person(ctx, "Đặng Hữu Phúc", units["VP"], rank="01.003", step=3, since=date(2019, 1, 15))
    b.discipline(ctx, pid, "khien_trach", date(2020, 4, 1))
    (alert,) = [a for a in alerts(ctx, AS_OF, 30) if a.employee_id == pid]
    assert alert.due_date == date(2022, 7, 15)
    assert alert.detail == ("Chuyên viên (01.003) bậc 3/9, hệ số 3,00 → bậc 4, hệ số 3,33; kéo dài 6 tháng "
                            "(Khiển trách (01/04/2020): 6 tháng)")


def test_the_start_of_pctnvk_at_the_last_step_is_its_own_kind(ctx, units):
    pid = b.person(ctx, "Nguyễn Thanh Sơn", units["VP"], rank="01.003", step=9, since=date(2019, 7, 10))
    (alert,) = [a for a in alerts(ctx, AS_OF, 30) if a.employee_id == pid]
    assert (alert.kind, alert.due_date, alert.action) == ("pctnvk", date(2022, 7, 10), "pctnvk_list")
    assert "5%" in alert.detail


def test_retirement_notice_and_retirement_each_show_on_their_own_date(ctx, units):
    # born 15/01/1962: 60y6m, reached 15/07/2022, retires 01/08/2022, notice due 01/02/2022 (NĐ 46/2010)
    pid = b.person(ctx, "Trần Văn Đức", units["VP"], birth=date(1962, 1, 15), since=None, rank=None)
    assert _kinds(alerts(ctx, AS_OF, 31), pid) == [("retirement_notice", date(2022, 2, 1))]
    assert _kinds(alerts(ctx, AS_OF, 32), pid) == [("retirement_notice", date(2022, 2, 1)),
                                                   ("retirement", date(2022, 8, 1))]
    assert _kinds(alerts(ctx, date(2022, 1, 1), 30), pid) == []
    assert _kinds(alerts(ctx, date(2022, 1, 2), 30), pid) == [("retirement_notice", date(2022, 2, 1))]


def test_a_step_due_after_retirement_is_not_asked_for(ctx, units):
    pid = b.person(ctx, "Mai Văn Hùng", units["VP"], birth=date(1962, 1, 15), rank="01.003", step=5,
                   since=date(2019, 8, 1))
    assert "pay_step" not in [k for k, _ in _kinds(alerts(ctx, AS_OF, 60), pid)]


def test_people_who_left_are_not_listed_but_a_past_day_sees_them(ctx, units):
    pid = b.person(ctx, "Võ Thị Mỹ Hương", units["VP"], gender="F", rank="01.003", step=3, since=date(2019, 7, 1),
                   end=date(2022, 5, 31), status="resigned")
    assert _kinds(alerts(ctx, AS_OF, 30), pid) == []
    assert _kinds(alerts(ctx, date(2022, 5, 31), 31), pid) == [("pay_step", date(2022, 7, 1))]


def test_a_term_shows_on_the_day_its_next_reminder_falls_due_with_the_term_end_beside_it(ctx, units):
    pid = b.person(ctx, "Cao Văn Thắng", units["QLKH"], birth=date(1975, 5, 5), since=None, rank=None)
    b.post(ctx, pid, units["QLKH"], date(2018, 1, 1))  # term ends 31/12/2022; reminders 30/06 and 02/10
    assert _kinds(alerts(ctx, date(2022, 6, 29), 0), pid) == []
    (first,) = alerts(ctx, date(2022, 6, 30), 0)
    assert (first.kind, first.due_date, first.event_day, first.overdue) == (
        "term_expiry", date(2022, 6, 30), date(2022, 12, 31), False)
    assert first.detail.startswith("Còn 6 tháng hết thời hạn bổ nhiệm. Trưởng phòng: hết thời hạn bổ nhiệm ngày "
                                   "31/12/2022; hướng xử lý: bổ nhiệm lại")
    # between the reminders the next action is the 90-day one: not in a 30-day window three months ahead of it
    assert _kinds(alerts(ctx, date(2022, 7, 1), 30), pid) == []
    assert _kinds(alerts(ctx, date(2022, 9, 2), 30), pid) == [("term_expiry", date(2022, 10, 2))]
    (second,) = alerts(ctx, date(2022, 10, 2), 0)
    assert second.detail.startswith("Còn 90 ngày hết thời hạn bổ nhiệm.") and second.due_date == date(2022, 10, 2)
    # after the last reminder the term's end itself is due, and overdue once past with the post still held
    assert _kinds(alerts(ctx, date(2022, 10, 3), 30), pid) == []
    assert _kinds(alerts(ctx, date(2022, 12, 1), 30), pid) == [("term_expiry", date(2022, 12, 31))]
    (late,) = alerts(ctx, date(2023, 1, 10), 0)
    assert late.overdue and late.due_date == late.event_day == date(2022, 12, 31)


def test_a_retirement_notice_is_due_before_the_retirement_it_announces(ctx, units):
    pid = b.person(ctx, "Trần Văn Đức", units["VP"], birth=date(1962, 1, 15), since=None, rank=None)
    (notice,) = [a for a in alerts(ctx, date(2022, 1, 20), 30) if a.employee_id == pid]
    assert (notice.kind, notice.due_date, notice.event_day) == ("retirement_notice", date(2022, 2, 1),
                                                                date(2022, 8, 1))


def test_a_probation_past_its_end_stays_while_the_pay_is_still_85_percent(ctx, units):
    pid = b.person(ctx, "Phan Thị Ngọc Ánh", units["TT"], gender="F", birth=date(1998, 4, 2), category="vien_chuc",
                   rank="V.05.02.07", step=1, since=date(2021, 3, 1), percent=85, start=date(2021, 3, 1),
                   probation_start=date(2021, 3, 1))
    got = [a for a in alerts(ctx, AS_OF, 30) if a.kind == "probation_end"]
    assert [(a.employee_id, a.due_date, a.overdue) for a in got] == [(pid, date(2022, 2, 28), True)]
    b.salary(ctx, pid, "V.05.02.07", 1, date(2022, 3, 1))  # appointed: 100% from 01/03/2022
    assert [a for a in alerts(ctx, AS_OF, 30) if a.kind == "probation_end"] == []


@pytest.mark.parametrize("probation_on", ["older", "newer"])
def test_with_two_employments_in_force_the_probation_is_the_newer_ones(ctx, units, probation_on):
    pid = b.person(ctx, "Phan Thị Ngọc Ánh", units["TT"], gender="F", birth=date(1998, 4, 2), category="vien_chuc",
                   rank="V.05.02.07", step=1, since=date(2021, 3, 1), percent=85, start=date(2021, 3, 1),
                   probation_start=date(2021, 3, 1) if probation_on == "older" else None)
    with ctx.unit_of_work() as s:
        s.add(Employment(person_id=pid, category="vien_chuc", unit_id=units["TT"], start_date=date(2021, 3, 1),
                         probation_start=date(2021, 3, 1) if probation_on == "newer" else None))
    got = [(a.employee_id, a.due_date) for a in alerts(ctx, AS_OF, 30) if a.kind == "probation_end"]
    assert got == ([(pid, date(2022, 2, 28))] if probation_on == "newer" else [])


def test_a_certificate_shows_before_it_expires_unless_a_later_one_replaces_it(ctx, units):
    pid = b.person(ctx, "Hồ Thị Quỳnh", units["VP"], gender="F", since=None, rank=None)
    b.certificate(ctx, pid, date(2022, 7, 20))
    (alert,) = [a for a in alerts(ctx, AS_OF, 30) if a.employee_id == pid]
    assert alert.kind == "certificate_expiry" and "Tiếng Anh" in alert.detail and "B1" in alert.detail
    b.certificate(ctx, pid, date(2024, 7, 20), certificate_date=date(2022, 6, 1))
    assert _kinds(alerts(ctx, AS_OF, 30), pid) == []


def test_alerts_are_sorted_by_due_date_and_can_be_limited_to_some_kinds(ctx, units):
    a = b.person(ctx, "Bùi Thanh Bình", units["VP"], rank="01.003", step=3, since=date(2019, 7, 20))
    c = b.person(ctx, "Đỗ Đức Cường", units["TT"], rank="01.003", step=3, since=date(2019, 7, 5))
    b.certificate(ctx, a, date(2022, 7, 1))
    rows = alerts(ctx, AS_OF, 30)
    assert [x.due_date for x in rows] == sorted(x.due_date for x in rows)
    assert [(x.employee_id, x.kind) for x in rows] == [(a, "certificate_expiry"), (c, "pay_step"), (a, "pay_step")]
    assert {x.kind for x in alerts(ctx, AS_OF, 30, ("pay_step",))} == {"pay_step"}
    assert rows[0].to_json() == {"kind": "certificate_expiry", "employee_id": a, "full_name": "Bùi Thanh Bình",
                                 "due_date": "2022-07-01", "detail": rows[0].detail}


@pytest.mark.parametrize("days", [-1, 3661])
def test_the_number_of_days_is_checked(ctx, days):
    with pytest.raises(ValidationError):
        alerts(ctx, AS_OF, days)


def test_an_unknown_kind_is_refused(ctx):
    with pytest.raises(ValidationError):
        alerts(ctx, AS_OF, 30, ("birthday",))


def test_alerts_read_in_bulk_whatever_the_number_of_people(ctx, units):
    def statements(n_people: int) -> int:
        for i in range(n_people):
            pid = b.person(ctx, f"Nguyễn Văn Thứ {i}", units["VP"], birth=date(1962, 1 + i % 12, 3),
                           since=date(2019, 7, 1) + timedelta(days=i))
            b.discipline(ctx, pid, "khien_trach", date(2020, 1, 1))
            b.post(ctx, pid, units["VP"], date(2018, 1, 1))
            b.certificate(ctx, pid, date(2022, 7, 10))
        assert ctx.rulebook is not None  # rules are read once per context, not per call
        count = 0

        def seen(*_args) -> None:
            nonlocal count
            count += 1

        event.listen(ctx.engine, "before_cursor_execute", seen)
        try:
            rows = alerts(ctx, AS_OF, 30)
        finally:
            event.remove(ctx.engine, "before_cursor_execute", seen)
        assert {r.kind for r in rows} >= {"retirement_notice", "certificate_expiry", "term_expiry"}
        return count

    few = statements(3)
    many = statements(30)
    assert many == few
    assert set(KINDS) == {"pay_step", "pctnvk", "retirement_notice", "retirement", "term_expiry", "probation_end",
                          "certificate_expiry"}


def test_a_user_limited_to_a_unit_sees_only_its_alerts(ctx, units):
    vp = b.person(ctx, "Lê Minh Khoa", units["VP"], since=date(2019, 7, 20))
    b.person(ctx, "Đỗ Đức Cường", units["TT"], since=date(2019, 7, 5))
    ctx.sign_in("vanphong", "to_chuc_can_bo", (units["VP"],))
    assert [a.employee_id for a in alerts(ctx, AS_OF, 30)] == [vp]


def test_a_record_one_rule_cannot_use_does_not_hide_the_persons_other_alerts(ctx, units):
    # a driver's rank requires 'sơ cấp', which has no probation length: the pay step still shows
    pid = b.person(ctx, "Trương Văn Tài", units["VP"], rank="01.007", step=4, since=date(2020, 7, 20),
                   probation_start=date(2021, 1, 1), percent=85)
    assert _kinds(alerts(ctx, AS_OF, 30), pid) == [("pay_step", date(2022, 7, 20))]
