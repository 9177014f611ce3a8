"""Alerts keep only the people something can fall due for: each kind still shows on the last day of the window
and not the day after, whatever the sex, the month end or the salary row in force."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from hrapp.domain.retirement import retirement
from hrapp.services.alerts import alerts
from tests.services import career_builders as b

AS_OF = date(2022, 6, 30)


@pytest.fixture
def units(ctx):
    return b.department(ctx)


def _kinds(rows, pid):
    return [(a.kind, a.due_date) for a in rows if a.employee_id == pid]


@pytest.mark.parametrize("days, listed", [(29, False), (30, True)])
def test_a_step_due_on_the_last_day_of_the_window_shows_and_not_the_day_before_it_ends(ctx, units, days, listed):
    pid = b.person(ctx, "Lê Văn Biên", units["VP"], rank="01.003", step=3, since=date(2019, 7, 30))
    assert (("pay_step", date(2022, 7, 30)) in _kinds(alerts(ctx, AS_OF, days), pid)) is listed


@pytest.mark.parametrize("days, listed", [(29, False), (30, True)])
def test_a_step_counted_from_29_february_falls_due_on_28_february(ctx, units, days, listed):
    # 29/02/2016 + 36 months = 28/02/2019: the window ends on 28/02 with 30 days from 29/01
    pid = b.person(ctx, "Trần Nhuận", units["VP"], rank="01.003", step=3, since=date(2016, 2, 29))
    assert (("pay_step", date(2019, 2, 28)) in _kinds(alerts(ctx, date(2019, 1, 29), days), pid)) is listed


@pytest.mark.parametrize("days, listed", [(29, False), (30, True)])
def test_a_pctnvk_rise_shows_on_the_last_day_of_the_window(ctx, units, days, listed):
    pid = b.person(ctx, "Ngô Văn Khung", units["VP"], rank="01.003", step=9, since=date(2015, 7, 30), pctnvk=6,
                   pctnvk_since=date(2021, 7, 30))
    assert (("pctnvk", date(2022, 7, 30)) in _kinds(alerts(ctx, AS_OF, days), pid)) is listed


@pytest.mark.parametrize("gender, birth", [("F", date(1967, 3, 14)), ("M", date(1962, 11, 30)),
                                           ("F", date(1966, 12, 31))])
def test_retirement_notice_and_retirement_show_on_their_day_for_either_sex(ctx, units, gender, birth):
    pid = b.person(ctx, "Đoàn Thị Hưu", units["VP"], gender=gender, birth=birth, since=None, rank=None)
    ret = retirement(gender, birth, ctx.rulebook)
    assert ret.notice_due is not None
    before = ret.notice_due - timedelta(days=30)
    assert _kinds(alerts(ctx, before, 29), pid) == []
    assert _kinds(alerts(ctx, before, 30), pid) == [("retirement_notice", ret.notice_due)]
    on = ret.retirement_date - timedelta(days=10)
    assert ("retirement", ret.retirement_date) not in _kinds(alerts(ctx, on, 9), pid)
    assert ("retirement", ret.retirement_date) in _kinds(alerts(ctx, on, 10), pid)
    # still on staff after the retirement date: overdue, and listed
    assert ("retirement", ret.retirement_date) in _kinds(alerts(ctx, ret.retirement_date + timedelta(days=400), 0),
                                                         pid)


def test_a_step_decided_in_advance_is_not_due_again_but_one_decided_later_leaves_it_due(ctx, units):
    ahead = b.person(ctx, "Vũ Văn Trước", units["VP"], rank="01.003", step=3, since=date(2019, 7, 1))
    b.salary(ctx, ahead, "01.003", 4, date(2022, 7, 1), signed=date(2022, 6, 30))
    late = b.person(ctx, "Vũ Văn Sau", units["VP"], rank="01.003", step=3, since=date(2019, 7, 1))
    b.salary(ctx, late, "01.003", 4, date(2022, 7, 1), signed=date(2022, 7, 1))
    rows = alerts(ctx, AS_OF, 30)
    assert _kinds(rows, ahead) == []
    assert _kinds(rows, late) == [("pay_step", date(2022, 7, 1))]


@pytest.mark.parametrize("end, listed", [(date(2022, 6, 29), False), (date(2022, 6, 30), True),
                                         (date(2022, 7, 30), True), (date(2022, 7, 31), False)])
def test_a_recorded_probation_end_shows_within_the_window_once_the_pay_is_full(ctx, units, end, listed):
    pid = b.person(ctx, "Lý Thị Tập", units["TT"], gender="F", birth=date(1998, 4, 2), category="vien_chuc",
                   rank="V.05.02.07", step=1, since=date(2021, 8, 1), start=date(2021, 8, 1),
                   probation_start=date(2021, 8, 1), probation_end=end)
    assert (("probation_end", end) in _kinds(alerts(ctx, AS_OF, 30), pid)) is listed


def test_a_probation_past_its_end_is_listed_while_the_pay_is_85_percent(ctx, units):
    pid = b.person(ctx, "Lý Thị Chờ", units["TT"], gender="F", birth=date(1998, 4, 2), category="vien_chuc",
                   rank="V.05.02.07", step=1, since=date(2020, 8, 1), percent=85, start=date(2020, 8, 1),
                   probation_start=date(2020, 8, 1), probation_end=date(2021, 7, 31))
    assert _kinds(alerts(ctx, AS_OF, 30), pid) == [("probation_end", date(2021, 7, 31))]
