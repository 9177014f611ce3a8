"""Recording a promotion or a rank change: the new rank and the salary placed by TT 02/2007/TT-BNV in one
transaction with its decision; refused for someone not eligible on the day of the list, and nothing written."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy import func, select

from hrapp.db.models import AuditLog, Person, Qualification, RankAssignment, SalaryStep
from hrapp.domain.decisions import DecisionInput
from hrapp.errors import DomainError, ValidationError
from hrapp.queries.promotion import promotion_candidates
from hrapp.services.promotion import PromotionInput, record_promotion
from tests.services import career_builders as b

LIST_DAY = date(2026, 3, 1)
SIGNED = date(2026, 3, 10)


@pytest.fixture
def units(ctx):
    return b.department(ctx)


def _specialist(ctx, unit_id, rating="htt", qlnn="CVC"):
    """Chuyên viên since 01/03/2016, step 9 (4,98) since 01/05/2023, university degree, QLNN certificate."""
    pid = b.person(ctx, "Lê Văn Thăng", unit_id, start=date(2016, 3, 1), step=9, since=date(2023, 5, 1))
    b.rating(ctx, pid, 2025, rating)
    b.education(ctx, pid, "DH")
    if qlnn:
        with ctx.unit_of_work() as s:
            s.add(Qualification(person_id=pid, kind="qlnn", level_code=qlnn, year=2020, in_progress=False))
    return pid


def _decision(number="15/QĐ-UBND", signed=SIGNED):
    return DecisionInput(number, signed, signer="Nguyễn Văn A", summary="Bổ nhiệm ngạch")


def _rows(ctx, pid):
    with ctx.read() as s:
        ranks = s.scalars(select(RankAssignment).where(RankAssignment.person_id == pid)
                          .order_by(RankAssignment.effective_date)).all()
        salaries = s.scalars(select(SalaryStep).where(SalaryStep.person_id == pid)
                             .order_by(SalaryStep.effective_date)).all()
        person = s.get(Person, pid)
        return list(ranks), list(salaries), person


def test_a_promotion_writes_the_rank_and_the_placed_salary_with_one_decision(ctx, units):
    pid = _specialist(ctx, units["VP"])
    listed = promotion_candidates(ctx, "01.002", LIST_DAY)
    assert [r.person_id for r in listed.eligible] == [pid]
    result = record_promotion(ctx, pid, PromotionInput("01.002", _decision(), LIST_DAY))
    assert result.kind == "nang_ngach" and result.old_rank == "01.003"
    p = result.placement
    # 4,98 -> 5,08 bậc 3; the gap 0,10 is under one A1 step (0,33): the next step still counts from 01/05/2023
    assert (p.step, p.coefficient, p.step_since) == (3, Decimal("5.08"), date(2023, 5, 1))
    ranks, salaries, person = _rows(ctx, pid)
    assert [(r.rank_code, r.effective_date, r.end_date) for r in ranks] == [
        ("01.003", date(2016, 3, 1), date(2026, 3, 9)), ("01.002", SIGNED, None)]
    new = salaries[-1]
    assert (new.rank_code, new.salary_class, new.step, new.coefficient, new.effective_date, new.step_since,
            new.reason) == ("01.002", "A2.1", 3, Decimal("5.080"), SIGNED, date(2023, 5, 1), "nang_ngach")
    assert new.decision_id == ranks[-1].decision_id == result.decision_id
    assert (person.cur_rank_code, person.cur_salary_step) == ("01.002", 3)
    assert "NĐ 170/2025" in listed.rule_name and "TT 02/2007/TT-BNV" in result.rule_label
    with ctx.read() as s:  # the new rows are in the audit trail
        audited = set(s.scalars(select(AuditLog.entity).where(AuditLog.action == "insert", AuditLog.person_id == pid)))
    assert {"rank_assignments", "salary_steps"} <= audited


def test_someone_not_eligible_on_the_day_of_the_list_is_refused_and_nothing_is_written(ctx, units):
    pid = _specialist(ctx, units["VP"], rating="ht")
    before = _rows(ctx, pid)
    with pytest.raises(ValidationError) as err:
        record_promotion(ctx, pid, PromotionInput("01.002", _decision(), LIST_DAY))
    assert "Năm 2025" in str(err.value)
    after = _rows(ctx, pid)
    assert (len(after[0]), len(after[1])) == (len(before[0]), len(before[1]))


def test_a_rank_change_at_the_same_level_keeps_the_step_without_an_eligibility_check(ctx, units):
    pid = _specialist(ctx, units["VP"], rating="kht", qlnn=None)
    result = record_promotion(ctx, pid, PromotionInput("04.025", _decision()))
    assert result.kind == "chuyen_ngach"
    assert (result.placement.step, result.placement.coefficient, result.placement.step_since) == (
        9, Decimal("4.98"), date(2023, 5, 1))


def test_a_lower_rank_and_a_decision_before_the_last_change_are_refused(ctx, units):
    pid = _specialist(ctx, units["VP"])
    with pytest.raises(DomainError) as lower:
        record_promotion(ctx, pid, PromotionInput("01.004", _decision()))
    assert lower.value.code == "promotion_not_higher"
    with pytest.raises(ValidationError):
        record_promotion(ctx, pid, PromotionInput("04.025", _decision(signed=date(2023, 5, 1))))
    with ctx.read() as s:
        assert s.scalar(select(func.count()).select_from(RankAssignment)
                        .where(RankAssignment.person_id == pid)) == 1
