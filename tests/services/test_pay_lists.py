"""Pay-step and PCTNVK lists for a period, early steps within the 10% quota, approving a list in one action."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy import func, select

from hrapp.db.models import Allowance, Decision, Person, SalaryStep
from hrapp.domain.rules import load_rulebook
from hrapp.errors import ConflictError, ValidationError
from hrapp.services.decisions import DecisionInput
from hrapp.services.pay_list_approval import ApprovalInput, ApprovalItem, approve_pay_list
from hrapp.services.pay_lists import (
    EARLY,
    EARLY_RETIREMENT,
    PCTNVK,
    REGULAR,
    base_salary_months,
    early_step_candidates,
    pay_step_due_list,
    pctnvk_due_list,
)
from tests.services import career_builders as b

DEC = DecisionInput("45/QĐ-SKHCN", date(2022, 6, 25), signer="Nguyễn Văn Nường", issuer="Sở Khoa học và Công nghệ")


@pytest.fixture
def units(ctx):
    return b.department(ctx)


def _count(ctx, model) -> int:
    with ctx.read() as s:
        return s.scalar(select(func.count()).select_from(model))


def test_the_list_holds_steps_due_in_the_period_and_those_still_overdue(ctx, units):
    before = b.person(ctx, "Lê Minh Khoa", units["VP"], since=date(2019, 6, 30))  # due 30/06/2022
    first = b.person(ctx, "Phạm Ngọc Lan", units["VP"], since=date(2019, 7, 1))  # due 01/07/2022
    last = b.person(ctx, "Đặng Hữu Phúc", units["VP"], since=date(2019, 12, 31))  # due 31/12/2022
    b.person(ctx, "Đỗ Đức Cường", units["VP"], since=date(2020, 1, 1))  # due 01/01/2023
    rows = pay_step_due_list(ctx, date(2022, 7, 1), date(2022, 12, 31)).rows
    assert [r.person_id for r in rows] == [before, first, last]
    assert [r.overdue for r in rows] == [True, False, False]
    only = pay_step_due_list(ctx, date(2022, 7, 1), date(2022, 12, 31), include_overdue=False).rows
    assert [r.person_id for r in only] == [first, last]


def test_a_row_carries_the_current_and_proposed_salary_and_the_extra_pay(ctx, units):
    pid = b.person(ctx, "Phạm Ngọc Lan", units["VP"], rank="01.003", step=3, since=date(2019, 7, 1),
                   staff_code="CB012")
    b.education(ctx, pid, "ThS", "Quản lý khoa học")
    (row,) = pay_step_due_list(ctx, date(2022, 7, 1), date(2022, 12, 31)).rows
    assert (row.rank_name, row.rank_code, row.step, row.coefficient) == ("Chuyên viên", "01.003", 3, Decimal("3.00"))
    assert (row.new_step, row.new_coefficient, row.new_date) == (4, Decimal("3.33"), date(2022, 7, 1))
    assert row.coefficient_increase == Decimal("0.33") and row.months_in_period == 6
    assert row.pay_increase == Decimal("0.33") * 1490000 * 6
    assert (row.education, row.staff_code, row.unit_name) == ("Thạc sĩ Quản lý khoa học", "CB012", "Văn phòng Sở")


def test_extra_pay_uses_the_base_salary_of_each_month():
    # 0.33 from 01/05/2023 to 31/08/2023: May and June at 1,490,000, July and August at 1,800,000
    months, total = base_salary_months(Decimal("0.33"), date(2023, 5, 1), date(2023, 8, 31), load_rulebook())
    assert months == 4
    assert total == Decimal("0.33") * (2 * 1490000 + 2 * 1800000)


def test_the_list_of_a_unit_includes_its_sub_units_only(ctx, units):
    b.person(ctx, "Lê Minh Khoa", units["VP"], since=date(2019, 7, 1))
    tt = b.person(ctx, "Phạm Ngọc Lan", units["TT"], since=date(2019, 7, 1))
    rows = pay_step_due_list(ctx, date(2022, 7, 1), date(2022, 12, 31), units["TT"]).rows
    assert [r.person_id for r in rows] == [tt]


def test_pctnvk_list_has_the_5_percent_start_and_the_yearly_rise(ctx, units):
    start = b.person(ctx, "Nguyễn Thanh Sơn", units["VP"], rank="01.002", step=8, since=date(2019, 9, 1))
    rise = b.person(ctx, "Trần Văn Đức", units["VP"], rank="01.002", step=8, since=date(2015, 3, 1), pctnvk=6,
                    pctnvk_since=date(2021, 10, 1))
    b.person(ctx, "Đỗ Đức Cường", units["VP"], since=date(2019, 7, 1))  # a regular step: not in this list
    rows = pctnvk_due_list(ctx, date(2022, 7, 1), date(2022, 12, 31)).rows
    assert [(r.person_id, r.pctnvk_percent, r.new_pctnvk_percent, r.new_date) for r in rows] == [
        (start, None, 5, date(2022, 9, 1)), (rise, 6, 7, date(2022, 10, 1))]
    assert rows[1].new_pctnvk_coefficient == Decimal("0.475")  # 7% of 6.78
    assert rows[1].coefficient_increase == Decimal("0.068")


def test_approving_writes_every_new_row_with_one_decision_and_refreshes_the_record(ctx, units):
    a = b.person(ctx, "Lê Minh Khoa", units["VP"], since=date(2019, 7, 1))
    c = b.person(ctx, "Phạm Ngọc Lan", units["VP"], rank="01.002", step=8, since=date(2019, 7, 1))
    rows = pay_step_due_list(ctx, date(2022, 7, 1), date(2022, 12, 31)).rows
    prc = pctnvk_due_list(ctx, date(2022, 7, 1), date(2022, 12, 31)).rows
    items = tuple(ApprovalItem(r.person_id, REGULAR, r.salary_row_id) for r in rows) + tuple(
        ApprovalItem(r.person_id, PCTNVK, r.salary_row_id) for r in prc)
    result = approve_pay_list(ctx, ApprovalInput(DEC, items), today=date(2022, 7, 5))
    assert result.decision.number == "45/QĐ-SKHCN" and len(result.rows) == 2
    with ctx.read() as s:
        new = s.scalars(select(SalaryStep).where(SalaryStep.decision_id == result.decision.id)
                        .order_by(SalaryStep.person_id)).all()
        assert [(r.person_id, r.step, r.coefficient, r.effective_date, r.step_since, r.reason) for r in new] == [
            (a, 4, Decimal("3.33"), date(2022, 7, 1), date(2022, 7, 1), "thuong_xuyen"),
            (c, 8, Decimal("6.78"), date(2022, 7, 1), date(2019, 7, 1), "vuot_khung")]
        assert (new[1].pctnvk_percent, new[1].pctnvk_since) == (5, date(2022, 7, 1))
        allowance = s.scalars(select(Allowance).where(Allowance.person_id == c)).one()
        assert (allowance.kind, allowance.percent, allowance.decision_id) == (
            "tham_nien_vuot_khung", Decimal(5), result.decision.id)
        assert s.get(Person, a).cur_salary_step == 4
        assert s.scalar(select(func.count()).select_from(Decision)) == 1
    # done: the list no longer asks for them
    assert pay_step_due_list(ctx, date(2022, 7, 1), date(2022, 12, 31)).rows == ()


def test_a_record_changed_since_the_list_was_made_stops_the_whole_approval(ctx, units):
    a = b.person(ctx, "Lê Minh Khoa", units["VP"], since=date(2019, 7, 1))
    c = b.person(ctx, "Phạm Ngọc Lan", units["VP"], since=date(2019, 8, 1))
    rows = pay_step_due_list(ctx, date(2022, 7, 1), date(2022, 12, 31)).rows
    b.salary(ctx, c, "01.003", 4, date(2022, 8, 1))
    items = tuple(ApprovalItem(r.person_id, REGULAR, r.salary_row_id) for r in rows)
    with pytest.raises(ConflictError):
        approve_pay_list(ctx, ApprovalInput(DEC, items), today=date(2022, 6, 30))
    assert _count(ctx, Decision) == 1  # only the one the builder recorded
    with ctx.read() as s:
        assert s.scalar(select(func.count()).select_from(SalaryStep).where(SalaryStep.person_id == a)) == 1


def test_a_step_not_yet_due_or_a_date_before_it_is_refused(ctx, units):
    pid = b.person(ctx, "Lê Minh Khoa", units["VP"], since=date(2019, 7, 1))
    (row,) = pay_step_due_list(ctx, date(2022, 7, 1), date(2022, 12, 31)).rows
    early = ApprovalItem(pid, REGULAR, row.salary_row_id, date(2022, 6, 30))
    with pytest.raises(ValidationError, match="chưa đến hạn nâng bậc lương thường xuyên"):
        approve_pay_list(ctx, ApprovalInput(DEC, (early,)), today=date(2022, 6, 30))
    pct = ApprovalItem(pid, PCTNVK, row.salary_row_id)
    with pytest.raises(ValidationError, match="chưa xếp bậc cuối cùng"):
        approve_pay_list(ctx, ApprovalInput(DEC, (pct,)), today=date(2022, 6, 30))
    with pytest.raises(ValidationError):
        approve_pay_list(ctx, ApprovalInput(DEC, ()), today=date(2022, 6, 30))
    assert _count(ctx, SalaryStep) == 1


def _payroll(ctx, unit_id, n, since=date(2021, 7, 1)) -> list[int]:
    return [b.person(ctx, f"Nguyễn Văn Số {i}", unit_id, since=since) for i in range(n)]


def test_early_step_candidates_are_at_most_12_months_short_by_31_december(ctx, units):
    _payroll(ctx, units["VP"], 10)
    in12 = b.person(ctx, "Lê Minh Khoa", units["VP"], since=date(2020, 1, 1))  # due 01/01/2023: 0 short
    short12 = b.person(ctx, "Phạm Ngọc Lan", units["VP"], since=date(2021, 1, 1))  # due 01/01/2024: 12 short
    short13 = b.person(ctx, "Đặng Hữu Phúc", units["VP"], since=date(2021, 2, 1))  # due 01/02/2024: 13 short
    report = early_step_candidates(ctx, 2022, as_of=date(2022, 6, 30))
    by_id = {c.person_id: c for c in report.achievement}
    assert in12 not in by_id  # a regular step in the year is no early step
    assert by_id[short12].eligible and by_id[short12].months_short == 12
    assert by_id[short12].row.new_date == date(2023, 1, 1) and by_id[short12].row.months_early == 12
    assert not by_id[short13].eligible and "quá 12 tháng" in by_id[short13].reason
    (quota,) = report.quotas
    assert (quota.unit_name, quota.payroll_count, quota.max_count, quota.granted) == (
        "Sở Khoa học và Công nghệ", 13, 1, 0)


def test_early_steps_beyond_10_percent_of_the_payroll_are_refused_and_nothing_is_written(ctx, units):
    _payroll(ctx, units["VP"], 17)
    x = b.person(ctx, "Lê Minh Khoa", units["QLKH"], since=date(2020, 3, 1))  # due 01/03/2023: 2 months short
    y = b.person(ctx, "Phạm Ngọc Lan", units["VP"], since=date(2020, 4, 1))
    report = early_step_candidates(ctx, 2022, as_of=date(2022, 6, 30))
    assert report.quotas[0].max_count == 1  # 19 on the Sở's payroll: 1.9 rounds down
    rows = {c.person_id: c.row for c in report.achievement if c.eligible}
    items = tuple(ApprovalItem(pid, EARLY, rows[pid].salary_row_id) for pid in (x, y))
    with pytest.raises(ValidationError, match="tối đa 1 người năm 2022"):
        approve_pay_list(ctx, ApprovalInput(DEC, items, year=2022), today=date(2022, 6, 30))
    assert _count(ctx, Decision) == 0
    result = approve_pay_list(ctx, ApprovalInput(DEC, items[:1], year=2022), today=date(2022, 6, 30))
    assert [(r.person_id, r.kind, r.new_step, r.effective_date) for r in result.rows] == [
        (x, EARLY, 4, date(2022, 3, 1))]
    with ctx.read() as s:
        row = s.get(SalaryStep, result.rows[0].salary_row_id)
        assert (row.reason, row.step_since) == ("truoc_thoi_han", date(2022, 3, 1))
    # the quota is used up for the year
    again = early_step_candidates(ctx, 2022, as_of=date(2022, 6, 30))
    assert again.quotas[0].granted == 1 and again.quotas[0].remaining == 0
    with pytest.raises(ValidationError, match="đã có 1"):
        approve_pay_list(ctx, ApprovalInput(DEC, items[1:], year=2022), today=date(2022, 6, 30))


def test_a_centre_has_its_own_payroll_and_quota(ctx, units):
    _payroll(ctx, units["TT"], 9)
    c = b.person(ctx, "Lê Minh Khoa", units["TT"], since=date(2020, 3, 1))
    report = early_step_candidates(ctx, 2022, units["TT"], as_of=date(2022, 6, 30))
    (quota,) = report.quotas
    assert (quota.unit_name, quota.payroll_count, quota.max_count) == ("Trung tâm Thông tin - Ứng dụng KH&CN", 10, 1)
    assert [x.person_id for x in report.achievement if x.eligible] == [c]


def test_no_second_early_step_in_a_row_in_the_same_rank(ctx, units):
    pid = b.person(ctx, "Lê Minh Khoa", units["VP"], since=date(2020, 3, 1), reason=EARLY)
    (cand,) = [x for x in early_step_candidates(ctx, 2022, as_of=date(2022, 6, 30)).achievement
               if x.person_id == pid]
    assert not cand.eligible and "trước thời hạn" in cand.reason


def test_a_retirement_notice_in_the_year_brings_the_step_forward(ctx, units):
    # born 10/03/1963: 60y9m, retires 01/01/2024, notice due 01/07/2023; the step due 01/11/2023 is 4 months away
    pid = b.person(ctx, "Trần Văn Đức", units["VP"], birth=date(1963, 3, 10), since=date(2020, 11, 1))
    report = early_step_candidates(ctx, 2023, as_of=date(2023, 6, 30))
    (row,) = report.retirement
    assert (row.person_id, row.kind, row.new_date, row.regular_date) == (
        pid, EARLY_RETIREMENT, date(2023, 7, 1), date(2023, 11, 1))
    result = approve_pay_list(ctx, ApprovalInput(DEC, (ApprovalItem(pid, EARLY_RETIREMENT, row.salary_row_id),)),
                              today=date(2023, 6, 30))
    assert result.rows[0].new_step == 4 and result.rows[0].effective_date == date(2023, 7, 1)


def test_only_a_role_that_approves_lists_may_approve_one(ctx, units):
    from hrapp.errors import PermissionDeniedError

    pid = b.person(ctx, "Lê Minh Khoa", units["VP"], since=date(2019, 7, 1))
    (row,) = pay_step_due_list(ctx, date(2022, 7, 1), date(2022, 12, 31)).rows
    ctx.sign_in("chuyenvien", "to_chuc_can_bo")
    with pytest.raises(PermissionDeniedError):
        approve_pay_list(ctx, ApprovalInput(DEC, (ApprovalItem(pid, REGULAR, row.salary_row_id),)),
                         today=date(2022, 7, 5))
    ctx.sign_in("giamdoc", "lanh_dao")
    assert len(approve_pay_list(ctx, ApprovalInput(DEC, (ApprovalItem(pid, REGULAR, row.salary_row_id),)),
                                today=date(2022, 7, 5)).rows) == 1
