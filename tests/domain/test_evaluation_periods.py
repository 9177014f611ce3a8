"""NĐ 335/2025 for công chức: the monthly or quarterly scores (30 general + 70 results, Điều 20), the year's score as
their mean (Điều 21) and its rating at the band edges (Điều 20 khoản 1–4), the facts that rate a year KHT whatever
its score (khoản 4 b–d), the HTXS cap of 20% of HTT (khoản 5 a) and the higher share a decision allows (khoản 5 b;
NĐ 48/2023 before 2026), and the change of regime between 31/12/2025 and 01/01/2026."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from hrapp.domain.evaluation import (
    EVALUATION,
    PeriodScore,
    Rating,
    annual_score,
    check_exception_percent,
    check_period_score,
    htxs_cap_check,
    kht_fact_codes,
    period_end,
)
from hrapp.domain.rules import RuleBook, load_rulebook
from hrapp.errors import DomainError

D = Decimal


@pytest.fixture(scope="module")
def rules() -> RuleBook:
    return load_rulebook()


def months(*totals: str) -> list[PeriodScore]:
    """Monthly scores whose totals are `totals` (30 general, the rest results)."""
    return [PeriodScore("month", n, D(30), D(t) - 30) for n, t in enumerate(totals, start=1)]


def test_the_rule_changes_between_31_12_2025_and_01_01_2026(rules):
    assert rules.get(EVALUATION, date(2025, 12, 31)).version == "nd90_2020"
    assert rules.get(EVALUATION, date(2026, 1, 1)).version == "nd335_2025"
    spec = rules.get(EVALUATION, date(2026, 1, 1)).params["cong_chuc"]
    assert (spec["general_max"], spec["results_max"], spec["max_score"]) == ("30", "70", "100")
    assert "Điều 21" in spec["annual_score"]["legal_basis"]


def test_december_2025_has_no_score_and_january_2026_has_one(rules):
    with pytest.raises(DomainError) as err:
        check_period_score(rules, 2025, PeriodScore("month", 12, D(30), D(60)))
    assert err.value.code == "no_periodic_tracking" and "31/12/2025" in err.value.message
    assert check_period_score(rules, 2026, PeriodScore("month", 1, D(30), D(60))).version == "nd335_2025"
    # the fourth quarter of 2025 ends on 31/12/2025: still NĐ 90/2020
    with pytest.raises(DomainError):
        check_period_score(rules, 2025, PeriodScore("quarter", 4, D(30), D(60)))


def test_period_ends_are_the_last_day_of_the_month_or_quarter():
    assert period_end(2026, "month", 2) == date(2026, 2, 28)
    assert period_end(2028, "month", 2) == date(2028, 2, 29)
    assert period_end(2026, "quarter", 1) == date(2026, 3, 31)
    assert period_end(2026, "month", 12) == date(2026, 12, 31)


@pytest.mark.parametrize("general, results, field", [
    ("30", "70", None), ("0", "0", None), ("30.01", "60", "general_score"), ("-0.01", "60", "general_score"),
    ("30", "70.01", "results_score"), ("30", "-1", "results_score"),
])
def test_the_split_30_general_and_70_results_at_its_edges(rules, general, results, field):
    score = PeriodScore("month", 3, D(general), D(results))
    if field is None:
        assert check_period_score(rules, 2026, score).version == "nd335_2025"
    else:
        with pytest.raises(DomainError) as err:
            check_period_score(rules, 2026, score)
        assert err.value.field == field


@pytest.mark.parametrize("kind, number, ok", [("month", 0, False), ("month", 1, True), ("month", 12, True),
                                              ("month", 13, False), ("quarter", 4, True), ("quarter", 5, False),
                                              ("week", 1, False)])
def test_the_periods_of_a_year(rules, kind, number, ok):
    score = PeriodScore(kind, number, D(20), D(50))
    if ok:
        check_period_score(rules, 2026, score)
    else:
        with pytest.raises(DomainError):
            check_period_score(rules, 2026, score)


@pytest.mark.parametrize("totals, rating", [
    (("49.99",) * 12, Rating.KHT), (("50",) * 12, Rating.HT),
    (("69.99",) * 12, Rating.HT), (("70",) * 12, Rating.HTT),
    (("89.99",) * 12, Rating.HTT), (("90",) * 12, Rating.HTXS),
    (("49", "51"), Rating.HT), (("49", "50.98"), Rating.KHT),
    (("69", "71"), Rating.HTT), (("69", "70.98"), Rating.HT),
    (("89", "91"), Rating.HTXS), (("89", "90.98"), Rating.HTT),
])
def test_the_year_is_the_mean_of_its_months_rated_at_the_band_edges(rules, totals, rating):
    result = annual_score(months(*totals), rules, 2026)
    assert result.rating is rating and result.by_score is rating
    assert result.rule.version == "nd335_2025" and "Điều 21" in result.legal_basis


@pytest.mark.parametrize("totals, mean_cut, rating", [
    (("90", "90", "89.99"), "89.99", Rating.HTT),   # 89.9966…: not carried up to 90
    (("70", "70", "69.99"), "69.99", Rating.HT),    # 69.9966…
    (("50", "50", "49.99"), "49.99", Rating.KHT),   # 49.9966…
    (("90", "90", "90.01"), "90.00", Rating.HTXS),  # 90.0033…
    (("89.99", "90.01"), "90.00", Rating.HTXS),     # exactly 90
])
def test_a_fraction_of_a_point_is_cut_never_carried_across_a_band_edge(rules, totals, mean_cut, rating):
    result = annual_score(months(*totals), rules, 2026)
    assert result.score == D(mean_cut) and result.rating is rating


def test_quarters_count_the_same_way(rules):
    quarters = [PeriodScore("quarter", q, D(28), D(r)) for q, r in ((1, 60), (2, 62), (3, 64), (4, 66))]
    result = annual_score(quarters, rules, 2026)
    assert (result.score, result.rating, result.kind, result.periods) == (D("91.00"), Rating.HTXS, "quarter", 4)


def test_the_months_worked_are_what_count(rules):
    """Điều 21: someone away on sick or maternity leave is rated on the periods actually worked."""
    result = annual_score(months("95", "93", "91"), rules, 2026)
    assert (result.periods, result.rating) == (3, Rating.HTXS)


def test_a_year_needs_scores_of_one_kind_each_period_once(rules):
    with pytest.raises(DomainError, match="chưa có điểm"):
        annual_score([], rules, 2026)
    with pytest.raises(DomainError) as mixed:
        annual_score(months("80") + [PeriodScore("quarter", 2, D(30), D(50))], rules, 2026)
    assert mixed.value.code == "period_kinds_mixed"
    with pytest.raises(DomainError) as twice:
        annual_score(months("80") * 2, rules, 2026)
    assert twice.value.code == "period_twice"


@pytest.mark.parametrize("fact", ["degradation", "disciplined", "corruption_in_charge"])
def test_a_disqualifying_fact_rates_the_year_kht_whatever_the_score(rules, fact):
    result = annual_score(months(*("100",) * 12), rules, 2026, facts=[fact])
    assert (result.by_score, result.rating, result.facts) == (Rating.HTXS, Rating.KHT, (fact,))


def test_the_facts_are_those_of_dieu_20_khoan_4(rules):
    assert kht_fact_codes(rules, 2026) == ("degradation", "disciplined", "corruption_in_charge")
    spec = rules.get(EVALUATION, date(2026, 1, 1)).params["cong_chuc"]
    assert [f["legal_basis"][-8:] for f in spec["kht_facts"]] == ["4 điểm b", "4 điểm c", "4 điểm d"]
    with pytest.raises(DomainError) as err:
        annual_score(months("80"), rules, 2026, facts=["late"])
    assert err.value.code == "kht_fact_unknown"


def test_a_2025_year_has_no_periodic_score(rules):
    with pytest.raises(DomainError) as err:
        annual_score(months("80"), rules, 2025)
    assert err.value.code == "no_periodic_tracking"


def test_public_employees_are_not_scored_by_period_in_2026(rules):
    with pytest.raises(DomainError):
        annual_score(months("80"), rules, 2026, category="vien_chuc")


@pytest.mark.parametrize("htt, htxs, ok, allowed", [(4, 0, True, 0), (4, 1, False, 0), (5, 1, True, 1),
                                                    (9, 1, True, 1), (9, 2, False, 1), (10, 2, True, 2),
                                                    (14, 3, False, 2), (15, 3, True, 3)])
def test_htxs_cap_20_percent_of_htt_at_its_edges(rules, htt, htxs, ok, allowed):
    for year in (2025, 2026):
        check = htxs_cap_check(["htt"] * htt + ["htxs"] * htxs + ["ht"] * 3, rules, year)
        assert (check.ok, check.allowed_max, check.htt_count, check.by_exception) == (ok, allowed, htt, False)
        assert check.percent == D(20)


@pytest.mark.parametrize("htt, htxs, percent, ok, allowed", [(4, 1, "25", True, 1), (4, 2, "25", False, 1),
                                                             (3, 1, "30", False, 0), (10, 3, "30", True, 3),
                                                             (10, 4, "30", False, 3), (10, 4, "40", True, 4)])
def test_the_share_a_decision_allows_an_outstanding_unit(rules, htt, htxs, percent, ok, allowed):
    check = htxs_cap_check(["htt"] * htt + ["htxs"] * htxs, rules, 2026, exception_percent=D(percent))
    assert (check.ok, check.allowed_max, check.by_exception, check.percent) == (ok, allowed, True, D(percent))


@pytest.mark.parametrize("percent, ok", [("20", False), ("20.01", True), ("100", True), ("100.01", False),
                                         ("", False), ("abc", False)])
def test_the_decisions_share_is_above_the_usual_and_at_most_100(rules, percent, ok):
    if ok:
        assert check_exception_percent(percent, rules, 2026) == D(percent)
    else:
        with pytest.raises(DomainError) as err:
            check_exception_percent(percent, rules, 2026)
        assert err.value.field == "percent"


def test_both_regimes_name_the_exception_and_its_basis(rules):
    for day, basis in ((date(2025, 12, 31), "48/2023"), (date(2026, 1, 1), "Điều 20 khoản 5 điểm b")):
        exception = rules.get(EVALUATION, day).params["cong_chuc"]["htxs_cap"]["exception"]
        assert basis in exception["legal_basis"] and exception["by_decision"] is True
