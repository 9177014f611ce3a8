"""A decision to retire at a lower or a higher age (NĐ 135/2020, Điều 5–6), recorded on the person and followed by
every date that depends on retirement: the career summary, the retirement list, the alerts, the term of a post,
planning and the quality report's count of people past the age."""

from __future__ import annotations

from datetime import date

import pytest

from hrapp.db.models import AuditLog, RetirementAdjustment
from hrapp.domain import planning as pl
from hrapp.errors import ValidationError
from hrapp.queries import _planning_rows
from hrapp.queries.person_profile import load_profile
from hrapp.services import persons as ps
from hrapp.services.alerts import alerts
from hrapp.services.career import career_summary, retirement_list
from hrapp.services.decisions import DecisionInput
from tests.services import career_builders as b

SIGNED = date(2026, 3, 2)


def decision(number: str = "15/QĐ-SKHCN", signed: date = SIGNED) -> DecisionInput:
    return DecisionInput(number, signed, signer="Giám đốc Sở")


def early(years: int, months: int = 0, reason: str = "suy_giam_kha_nang_lao_dong", **kw) -> ps.RetirementDecisionInput:
    return ps.RetirementDecisionInput("earlier", reason, years, months, kw.pop("decision", decision()), **kw)


@pytest.fixture
def units(ctx):
    return b.department(ctx)


@pytest.fixture
def man(ctx, units):
    """Born 15/06/1970: ordinary age 62, retirement from 01/07/2032."""
    return b.person(ctx, "Lê Văn Hùng", units["QLKH"], birth=date(1970, 6, 15))


def test_a_lower_age_by_decision_moves_the_retirement_and_names_the_decision(ctx, man):
    before = career_summary(ctx, man, date(2026, 6, 30)).retirement
    assert before.retirement_date == date(2032, 7, 1)
    profile = ps.add_retirement_decision(ctx, man, early(57))
    [row] = profile.retirement_decisions
    assert (row.direction_label, row.age_label, row.retirement_date) == ("Nghỉ hưu ở tuổi thấp hơn", "57 tuổi",
                                                                          date(2027, 7, 1))
    assert row.reason_label == "Bị suy giảm khả năng lao động từ 61% trở lên"
    assert row.basis == "Nghị định 135/2020/NĐ-CP, Điều 5, khoản 1, điểm c"
    assert row.decision.number == "15/QĐ-SKHCN"
    after = career_summary(ctx, man, date(2026, 6, 30)).retirement
    assert (after.last_working_day, after.retirement_date, after.notice_due) == (
        date(2027, 6, 30), date(2027, 7, 1), date(2027, 1, 1))
    assert "Quyết định số 15/QĐ-SKHCN ngày 02/03/2026" in after.basis()


def test_a_decision_signed_after_the_day_asked_about_is_not_known_then(ctx, man):
    ps.add_retirement_decision(ctx, man, early(57))
    assert career_summary(ctx, man, date(2026, 3, 1)).retirement.retirement_date == date(2032, 7, 1)
    assert career_summary(ctx, man, SIGNED).retirement.retirement_date == date(2027, 7, 1)


@pytest.mark.parametrize(("years", "months", "field", "message"), [
    (56, 5, "age_years", "Tuổi 56 tuổi 5 tháng vượt quá mức cho phép: giới hạn là 56 tuổi 6 tháng (Nghị định "
                         "135/2020/NĐ-CP, Điều 5, khoản 1 và Phụ lục II (không quá 05 tuổi))."),
    (62, 0, "age_years", "Tuổi theo quyết định phải thấp hơn tuổi nghỉ hưu bình thường của người này (62 tuổi)."),
    (None, 0, "age_years", "Nhập tuổi nghỉ hưu theo quyết định."),
])
def test_an_age_the_rule_does_not_allow_is_refused_next_to_the_field_and_nothing_is_saved(ctx, man, years, months,
                                                                                         field, message):
    with pytest.raises(ValidationError) as err:
        ps.add_retirement_decision(ctx, man, early(years, months))
    assert err.value.errors[0][0] == field and str(err.value.errors[0][1]) == message
    with ctx.read() as s:
        assert s.query(RetirementAdjustment).count() == 0


def test_the_decision_itself_is_required(ctx, man):
    with pytest.raises(ValidationError) as err:
        ps.add_retirement_decision(ctx, man, early(57, decision=None))
    assert err.value.errors[0][0].startswith("decision")


def test_the_newest_decision_counts_and_removing_it_brings_back_the_previous(ctx, man):
    ps.add_retirement_decision(ctx, man, early(57))
    profile = ps.add_retirement_decision(ctx, man, ps.RetirementDecisionInput(
        "later", "trinh_do_cao", 64, 6, decision("30/QĐ-SKHCN", date(2026, 9, 1))))
    assert [r.retirement_date for r in profile.retirement_decisions] == [date(2027, 7, 1), date(2035, 1, 1)]
    assert career_summary(ctx, man, date(2026, 12, 1)).retirement.retirement_date == date(2035, 1, 1)
    newest = profile.retirement_decisions[-1].id
    profile = ps.remove_retirement_decision(ctx, newest)
    assert len(profile.retirement_decisions) == 1
    assert career_summary(ctx, man, date(2026, 12, 1)).retirement.retirement_date == date(2027, 7, 1)
    with ctx.read() as s:
        actions = sorted(a.action for a in s.query(AuditLog).filter(AuditLog.entity == "retirement_adjustments"))
    assert actions == ["delete", "insert", "insert"]  # the audit trail keeps who did it


def test_the_retirement_list_and_the_alerts_follow_the_decision(ctx, man):
    assert [r.full_name for r in retirement_list(ctx, 2027).rows] == []
    ps.add_retirement_decision(ctx, man, early(57))
    [row] = retirement_list(ctx, 2027).rows
    assert (row.retirement_date, row.notice_due, row.age_label) == (date(2027, 7, 1), date(2027, 1, 1), "57 tuổi")
    assert "nghỉ hưu ở tuổi thấp hơn (57 tuổi) theo Quyết định số 15/QĐ-SKHCN" in row.rule
    assert row.legal_basis[-1] == ("Quyết định số 15/QĐ-SKHCN ngày 02/03/2026: Nghị định 135/2020/NĐ-CP, Điều 5, "
                                   "khoản 1, điểm c")
    kinds = ("retirement_notice", "retirement")
    due = [a for a in alerts(ctx, date(2026, 12, 20), days=30, kinds=kinds) if a.employee_id == man]
    assert [(a.kind, a.due_date) for a in due] == [("retirement_notice", date(2027, 1, 1))]
    assert "theo Quyết định số 15/QĐ-SKHCN" in due[0].rule
    later = [(a.kind, a.overdue) for a in alerts(ctx, date(2027, 6, 20), days=30, kinds=kinds) if a.employee_id == man]
    assert later == [("retirement_notice", True), ("retirement", False)]  # the notice, if not sent, is overdue


def test_a_later_age_keeps_a_leader_on_past_the_ordinary_date(ctx, units, man):
    b.post(ctx, man, units["QLKH"], date(2030, 1, 1))
    ps.add_retirement_decision(ctx, man, ps.RetirementDecisionInput("later", "lanh_dao_quan_ly", 65, 0,
                                                                    decision("40/QĐ-UBND", date(2029, 10, 1))))
    # planning: the months left to retirement count from the decided age
    with ctx.read() as s:
        facts = _planning_rows.cadre_facts(s, [man], date(2030, 1, 1))[man]
    months, retires = pl.months_left_to_retirement(facts.gender, facts.birth, date(2030, 1, 1), ctx.rulebook,
                                                   facts.retirement_exception)
    assert (months, retires) == (65 * 12 - (2030 * 12 + 1 - (1970 * 12 + 6)), date(2035, 7, 1))
    # a new appointment's term runs its full 5 years instead of stopping at the ordinary retirement
    profile = ps.add_post(ctx, man, ps.PostInput("pho_giam_doc_so", units["SO"], date(2030, 2, 1),
                                                 decision=decision("41/QĐ-UBND", date(2030, 1, 20))))
    post = next(p for p in profile.posts if p.post_code == "pho_giam_doc_so")
    assert post.term_end == date(2035, 1, 31)


def test_a_record_without_a_decision_shows_none(ctx, units):
    other = b.person(ctx, "Phạm Thị Lan", units["TT"], gender="F", birth=date(1975, 5, 20))
    assert load_profile(ctx, other).retirement_decisions == ()
