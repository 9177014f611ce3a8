"""A công chức's monthly scores under NĐ 335/2025 kept per person and period, the year rated from them, and a unit's
higher HTXS share recorded with its decision (NĐ 48/2023; NĐ 335/2025 Điều 20 khoản 5 điểm b)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from hrapp.errors import ValidationError
from hrapp.services import persons as ps
from hrapp.services.evaluations import (
    CapExceptionInput,
    RatingEntry,
    UnitRatingsInput,
    record_cap_exception,
    record_unit_ratings,
    unit_ratings,
)
from hrapp.services.persons import DecisionInput
from tests.services import career_builders as b

TODAY = date(2026, 12, 20)
D = Decimal


@pytest.fixture
def units(ctx):
    return b.department(ctx)


def _staff(ctx, unit_id, n):
    return [b.person(ctx, f"Nguyễn Văn Số {i}", unit_id, since=date(2020, 1, 1)) for i in range(n)]


def _months(ctx, pid, *totals, year=2026):
    for n, total in enumerate(totals, start=1):
        ps.add_period_score(ctx, pid, ps.PeriodScoreInput(year, "month", n, D(30), D(total) - 30), today=TODAY)


def test_monthly_scores_are_kept_per_person_and_period(ctx, units):
    (pid,) = _staff(ctx, units["VP"], 1)
    _months(ctx, pid, "92", "88.5")
    profile = ps.add_period_score(ctx, pid, ps.PeriodScoreInput(2026, "month", 3, D("29.5"), D(61)), today=TODAY)
    rows = [(r.year, r.period_kind, r.period_no, r.total, r.rule_version) for r in profile.evaluation_periods]
    assert rows == [(2026, "month", 1, D(92), "nd335_2025"), (2026, "month", 2, D("88.5"), "nd335_2025"),
                    (2026, "month", 3, D("90.5"), "nd335_2025")]
    with pytest.raises(ValidationError) as again:
        ps.add_period_score(ctx, pid, ps.PeriodScoreInput(2026, "month", 3, D(30), D(60)), today=TODAY)
    assert again.value.errors[0][0] == "period_no"


def test_a_period_of_2025_or_one_not_begun_is_refused(ctx, units):
    (pid,) = _staff(ctx, units["VP"], 1)
    with pytest.raises(ValidationError, match="31/12/2025"):
        ps.add_period_score(ctx, pid, ps.PeriodScoreInput(2025, "month", 12, D(30), D(60)), today=TODAY)
    with pytest.raises(ValidationError, match="01/01/2027"):
        ps.add_period_score(ctx, pid, ps.PeriodScoreInput(2027, "month", 1, D(30), D(60)), today=TODAY)
    ps.add_period_score(ctx, pid, ps.PeriodScoreInput(2026, "month", 1, D(30), D(60)), today=date(2026, 1, 1))
    with pytest.raises(ValidationError) as missing:
        ps.add_period_score(ctx, pid, ps.PeriodScoreInput(2026, "month", 2, None, D(60)), today=TODAY)
    assert missing.value.errors[0][0] == "general_score"


def test_the_year_is_rated_from_the_mean_of_its_months(ctx, units):
    (pid,) = _staff(ctx, units["VP"], 1)
    _months(ctx, pid, "90", "90", "89.99")  # mean 89.9966…
    profile = ps.rate_year_from_periods(ctx, pid, ps.YearFromPeriodsInput(2026), today=TODAY)
    (e,) = [e for e in profile.evaluations if e.year == 2026]
    assert (e.rating, e.score, e.regime) == ("htt", D("89.99"), "nd335_2025")
    assert "Điểm trung bình 3 tháng: 89,99" in e.note and "Điều 21" in e.note
    with pytest.raises(ValidationError, match="Đã có kết quả đánh giá năm 2026"):
        ps.rate_year_from_periods(ctx, pid, ps.YearFromPeriodsInput(2026), today=TODAY)


def test_a_discipline_of_the_year_rates_it_kht(ctx, units):
    a, c = _staff(ctx, units["VP"], 2)
    for pid in (a, c):
        _months(ctx, pid, "95", "96")
    ps.add_discipline(ctx, a, ps.DisciplineInput(date(2026, 3, 2), "khien_trach", None, None, "Vi phạm giờ giấc",
                                                  DecisionInput("05/QĐ-SKHCN", date(2026, 3, 2))), today=TODAY)
    ps.add_discipline(ctx, c, ps.DisciplineInput(date(2025, 12, 31), "khien_trach", None, None, "Năm trước",
                                                  DecisionInput("99/QĐ-SKHCN", date(2025, 12, 31))), today=TODAY)
    rated = ps.rate_year_from_periods(ctx, a, ps.YearFromPeriodsInput(2026), today=TODAY)
    assert [(e.rating, e.score) for e in rated.evaluations if e.year == 2026] == [("kht", D("95.50"))]
    assert "khoản 4 điểm c" in rated.evaluations[-1].note
    other = ps.rate_year_from_periods(ctx, c, ps.YearFromPeriodsInput(2026), today=TODAY)  # disciplined in 2025
    assert [e.rating for e in other.evaluations if e.year == 2026] == ["htxs"]


def test_a_fact_recorded_by_the_officer_rates_the_year_kht(ctx, units):
    (pid,) = _staff(ctx, units["VP"], 1)
    _months(ctx, pid, "99")
    profile = ps.rate_year_from_periods(ctx, pid, ps.YearFromPeriodsInput(2026, ("degradation",)), today=TODAY)
    assert [e.rating for e in profile.evaluations if e.year == 2026] == ["kht"]


def _ratings(ctx, units, ids, htt, htxs):
    entries = tuple(RatingEntry(p, score=D(80)) for p in ids[:htt]) + tuple(
        RatingEntry(p, score=D(95)) for p in ids[htt:htt + htxs])
    return record_unit_ratings(ctx, UnitRatingsInput(2026, units["SO"], entries), today=TODAY)


@pytest.mark.parametrize("htt, htxs, ok", [(5, 1, True), (4, 1, False), (9, 2, False), (10, 2, True)])
def test_the_20_percent_cap_without_a_decision(ctx, units, htt, htxs, ok):
    ids = _staff(ctx, units["VP"], htt + htxs)
    if ok:
        (cap,) = _ratings(ctx, units, ids, htt, htxs).caps
        assert cap.ok and cap.exception is None and cap.percent == D(20)
    else:
        with pytest.raises(ValidationError, match="vượt tỷ lệ tối đa"):
            _ratings(ctx, units, ids, htt, htxs)


@pytest.mark.parametrize("htt, htxs, ok", [(4, 1, True), (4, 2, False), (8, 2, True), (8, 3, False)])
def test_the_cap_with_a_decision_allowing_25_percent(ctx, units, htt, htxs, ok):
    ids = _staff(ctx, units["VP"], htt + htxs)
    found = record_cap_exception(ctx, CapExceptionInput(
        units["SO"], 2026, "25", DecisionInput("12/QĐ-UBND", date(2026, 12, 1), summary="Tỷ lệ HTXS năm 2026")),
        today=TODAY)
    assert (found.percent, found.decision.number) == (D(25), "12/QĐ-UBND")
    if ok:
        result = _ratings(ctx, units, ids, htt, htxs)
        (cap,) = result.caps
        assert cap.ok and cap.exception is not None and cap.percent == D(25)
        assert "theo quyết định 12/QĐ-UBND" in cap.message
        assert unit_ratings(ctx, 2026, units["SO"], today=TODAY).exception.percent == D(25)
    else:
        with pytest.raises(ValidationError, match="theo quyết định 12/QĐ-UBND"):
            _ratings(ctx, units, ids, htt, htxs)


def test_a_higher_share_needs_its_decision_and_a_share_above_20(ctx, units):
    with pytest.raises(ValidationError) as err:
        record_cap_exception(ctx, CapExceptionInput(units["SO"], 2026, "20", None), today=TODAY)
    assert sorted(f for f, _m in err.value.errors) == ["decision", "percent"]
    decision = DecisionInput("12/QĐ-UBND", date(2026, 12, 1))
    record_cap_exception(ctx, CapExceptionInput(units["SO"], 2026, "30", decision), today=TODAY)
    with pytest.raises(ValidationError, match="đã có quyết định"):
        record_cap_exception(ctx, CapExceptionInput(units["SO"], 2026, "40", decision), today=TODAY)
    # another year keeps the usual share
    assert all(c.percent == D(20) for c in unit_ratings(ctx, 2025, units["SO"], today=TODAY).caps)
