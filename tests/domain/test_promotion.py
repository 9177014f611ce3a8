"""Rank promotion: eligibility at its edges (years held to the day, the equivalent rank's last year, ratings,
discipline, qualifications) and the salary on the new rank by TT 02/2007/TT-BNV Mục II, with the circular's own
worked examples."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from hrapp.domain.promotion import (
    CHUYEN_NGACH,
    NANG_NGACH,
    CurrentPay,
    DisciplineSpan,
    PromotionFacts,
    RankPeriod,
    change_kind,
    eligibility,
    months_held,
    place,
)
from hrapp.domain.rules import load_rulebook
from hrapp.errors import DomainError

RULES = load_rulebook()
CVC = "01.002"


def specialist(**changes) -> PromotionFacts:
    """A công chức appointed chuyên viên on 01/03/2017, rated HTT in 2025, university degree, QLNN CVC."""
    base = dict(category="cong_chuc", ranks=(RankPeriod("01.003", date(2017, 3, 1)),), ratings={2025: "htt"},
                education="DH", state_management="CVC")
    base.update(changes)
    return PromotionFacts(**base)


def failed(result) -> set[str]:
    return {c.code for c in result.checks if not c.ok}


# ---------------------------------------------------------------------------------------------- years held


def test_nine_years_to_the_day_is_enough_and_a_day_short_is_not():
    exactly = eligibility(specialist(), CVC, date(2026, 2, 28), RULES)
    assert exactly.eligible and exactly.months_held == 108
    short = eligibility(specialist(), CVC, date(2026, 2, 27), RULES)
    assert failed(short) == {"years"}
    assert "8 năm 11 tháng" in short.reasons() and "chưa đủ 9 năm" in short.reasons()


def test_probation_is_not_counted_in_the_years_held():
    facts = specialist(probations=((date(2017, 3, 1), date(2018, 2, 28)),), ratings={2026: "htt"})
    assert eligibility(facts, CVC, date(2027, 2, 28), RULES).eligible
    assert failed(eligibility(facts, CVC, date(2027, 2, 27), RULES)) == {"years"}


def test_an_equivalent_rank_counts_but_the_current_one_needs_a_full_year():
    facts = specialist(ranks=(RankPeriod("V.05.02.07", date(2016, 3, 1), date(2025, 2, 28)),
                              RankPeriod("01.003", date(2025, 3, 1))))
    on_day = eligibility(facts, CVC, date(2026, 2, 28), RULES)
    assert on_day.eligible and on_day.months_held == 120
    day_before = eligibility(facts, CVC, date(2026, 2, 27), RULES)
    assert failed(day_before) == {"current"}
    assert "11 tháng" in day_before.reasons()


def test_separate_periods_add_their_odd_days_thirty_to_a_month():
    periods = (RankPeriod("01.003", date(2020, 1, 1), date(2020, 1, 15)),
               RankPeriod("01.003", date(2020, 3, 1), date(2020, 3, 15)))
    assert months_held(periods, date(2021, 1, 1)) == 1
    assert months_held(periods[:1], date(2021, 1, 1)) == 0


# ---------------------------------------------------------------------------------------------- ratings


@pytest.mark.parametrize("rating, ok", [("htxs", True), ("htt", True), ("ht", False), ("kht", False)])
def test_the_year_before_the_list_must_be_rated_good_or_better(rating, ok):
    result = eligibility(specialist(ratings={2025: rating}), CVC, date(2026, 3, 1), RULES)
    assert result.eligible is ok
    if not ok:
        assert failed(result) == {"rating"} and "Năm 2025" in result.reasons()


def test_only_the_year_before_counts_and_a_missing_one_is_a_reason():
    assert eligibility(specialist(ratings={2024: "kht", 2025: "htt"}), CVC, date(2026, 3, 1), RULES).eligible
    missing = eligibility(specialist(ratings={2026: "htxs"}), CVC, date(2026, 3, 1), RULES)
    assert failed(missing) == {"rating"} and "Chưa có kết quả đánh giá năm 2025" in missing.reasons()
    # on 01/01/2027 the year before is 2026
    assert failed(eligibility(specialist(), CVC, date(2027, 1, 1), RULES)) == {"rating"}


# ---------------------------------------------------------------------------------------------- discipline


def test_a_discipline_blocks_until_its_last_day_and_not_the_day_after():
    d = DisciplineSpan("khien_trach", date(2025, 6, 1), date(2026, 2, 28))
    assert failed(eligibility(specialist(disciplines=(d,)), CVC, date(2026, 2, 28), RULES)) == {"discipline"}
    assert eligibility(specialist(disciplines=(d,)), CVC, date(2026, 3, 1), RULES).eligible


def test_a_discipline_without_an_end_runs_the_rule_default_of_twelve_months():
    d = DisciplineSpan("canh_cao", date(2025, 3, 1))
    result = eligibility(specialist(disciplines=(d,)), CVC, date(2026, 2, 28), RULES)
    assert failed(result) == {"discipline"} and "28/02/2026" in result.reasons()
    assert eligibility(specialist(disciplines=(d,)), CVC, date(2026, 3, 1), RULES).eligible


# ---------------------------------------------------------------------------------------------- qualifications, level


def test_qualifications_below_the_rank_are_reasons():
    result = eligibility(specialist(education="CD", state_management="CV"), CVC, date(2026, 3, 1), RULES)
    assert failed(result) == {"education", "qlnn"}
    assert eligibility(specialist(education="ThS"), CVC, date(2026, 3, 1), RULES).eligible


def test_a_rank_two_levels_below_or_of_the_other_kind_is_not_a_candidate():
    clerk = specialist(ranks=(RankPeriod("01.004", date(2010, 1, 1)),))
    assert failed(eligibility(clerk, CVC, date(2026, 3, 1), RULES)) == {"level"}
    employee = specialist(category="vien_chuc")
    assert "category" in failed(eligibility(employee, CVC, date(2026, 3, 1), RULES))


def test_a_public_employee_is_promoted_to_grade_ii_without_the_state_management_certificate():
    engineer = specialist(category="vien_chuc", ranks=(RankPeriod("V.05.02.07", date(2017, 3, 1)),),
                          state_management=None)
    result = eligibility(engineer, "V.05.02.06", date(2026, 2, 28), RULES)
    assert result.eligible and "qlnn" not in {c.code for c in result.checks}


def test_the_rule_version_is_chosen_by_the_day_of_the_list():
    assert eligibility(specialist(), CVC, date(2025, 6, 30), RULES).rule.version == "nd85_2023"
    assert eligibility(specialist(), CVC, date(2025, 7, 1), RULES).rule.version == "nd170_2025"
    assert eligibility(specialist(ratings={2022: "htt"}), CVC, date(2023, 12, 6), RULES).rule.version == "nd138_2020"
    assert eligibility(specialist(ratings={2022: "htt"}), CVC, date(2023, 12, 7), RULES).rule.version == "nd85_2023"


# ---------------------------------------------------------------------------------------------- placement


DECIDED = date(2008, 2, 1)


def test_circular_example_1_allowance_counts_into_the_nearest_higher_step():
    # TT 02/2007 Mục II.1.b, ví dụ 1: 4,98 + 6% VK = 5,28 -> 5,42 bậc 4 chuyên viên chính, from the decision
    p = place(NANG_NGACH, CurrentPay("A1", 9, Decimal("4.98"), date(2004, 4, 1), 6, date(2007, 4, 1)), "A2.1", DECIDED,
              RULES)
    assert (p.step, p.coefficient, p.step_since, p.pctnvk_percent, p.reserved) == (4, Decimal("5.42"), DECIDED, None, None)
    assert p.clause.endswith("khoản 1 điểm b")


def test_circular_example_2_above_the_last_step_keeps_a_reserved_difference_then_drops_it():
    # ví dụ 2: 3,63 + 15% VK = 4,17 > 4,06 (bậc 12 cán sự, loại B): bậc 12 and 0,11 reserved
    first = place(NANG_NGACH, CurrentPay("C1", 12, Decimal("3.63"), date(2000, 1, 1), 15, date(2007, 2, 1)), "B",
                  date(2007, 10, 1), RULES)
    assert (first.step, first.coefficient, first.reserved, first.step_since) == (12, Decimal("4.06"), Decimal("0.11"),
                                                                                 date(2007, 10, 1))
    assert "khoản 3 điểm c" in first.clause
    # then 4,06 + 0,11 + 5% VK = 4,37 -> 4,65 bậc 8 chuyên viên, the reserved difference ends
    second = place(NANG_NGACH, CurrentPay("B", 12, Decimal("4.06"), date(2007, 10, 1), 5, date(2009, 10, 1), Decimal("0.11")),
                   "A1", date(2010, 3, 1), RULES)
    assert (second.step, second.coefficient, second.reserved, second.step_since) == (8, Decimal("4.65"), None,
                                                                                     date(2010, 3, 1))


def test_a_coefficient_equal_to_a_step_takes_that_step_and_keeps_the_time_counted():
    since = date(2024, 1, 1)
    p = place(NANG_NGACH, CurrentPay("B", 10, Decimal("3.66"), since), "A1", DECIDED, RULES)
    assert (p.step, p.coefficient, p.step_since) == (5, Decimal("3.66"), since)


def test_a_coefficient_between_steps_takes_the_next_and_the_gap_decides_the_count():
    since = date(2023, 5, 1)
    near = place(NANG_NGACH, CurrentPay("A1", 9, Decimal("4.98"), since), "A2.1", DECIDED, RULES)
    assert (near.step, near.coefficient, near.step_since) == (3, Decimal("5.08"), since)  # 0,10 < 0,33
    far = place(NANG_NGACH, CurrentPay("A1", 3, Decimal("3.00"), since), "A2.1", DECIDED, RULES)
    assert (far.step, far.coefficient, far.step_since) == (1, Decimal("4.40"), DECIDED)  # 1,40 >= 0,33


@pytest.mark.parametrize("reserved, step_since", [("0.10", DECIDED), ("0.11", date(2020, 1, 1))])
def test_a_gap_exactly_one_step_of_the_old_rank_counts_from_the_decision(reserved, step_since):
    # 4,65 + 0,10 = 4,75 -> 5,08: a gap of 0,33, one A1 step; 4,76 -> 5,08 is 0,32, less than a step
    pay = CurrentPay("A1", 8, Decimal("4.65"), date(2020, 1, 1), reserved=Decimal(reserved))
    p = place(NANG_NGACH, pay, "A2.1", DECIDED, RULES)
    assert (p.coefficient, p.step_since) == (Decimal("5.08"), step_since)


def test_a_change_in_the_same_group_keeps_step_allowance_and_dates():
    pay = CurrentPay("A1", 9, Decimal("4.98"), date(2019, 1, 1), 7, date(2024, 1, 1))
    p = place(CHUYEN_NGACH, pay, "A1", DECIDED, RULES)
    assert (p.step, p.coefficient, p.step_since, p.pctnvk_percent, p.pctnvk_since) == (
        9, Decimal("4.98"), date(2019, 1, 1), 7, date(2024, 1, 1))


def test_a_change_to_a_lower_group_keeps_the_step_and_reserves_the_difference():
    p = place(CHUYEN_NGACH, CurrentPay("A2.1", 3, Decimal("5.08"), date(2022, 1, 1)), "A2.2", DECIDED, RULES)
    assert (p.step, p.coefficient, p.reserved, p.step_since) == (3, Decimal("4.68"), Decimal("0.40"), date(2022, 1, 1))


def test_a_change_to_a_higher_group_is_placed_as_a_promotion():
    p = place(CHUYEN_NGACH, CurrentPay("A2.2", 3, Decimal("4.68"), date(2022, 1, 1)), "A2.1", DECIDED, RULES)
    assert (p.step, p.coefficient, p.step_since) == (2, Decimal("4.74"), date(2022, 1, 1))


def test_the_kind_of_change_follows_the_levels():
    assert change_kind("01.003", "01.002") == NANG_NGACH
    assert change_kind("01.003", "04.025") == CHUYEN_NGACH
    with pytest.raises(DomainError) as err:
        change_kind("01.002", "01.003")
    assert err.value.code == "promotion_not_higher"
