"""A unit's ratings for a year: NĐ 90 ratings, NĐ 335 scores, the HTXS cap, and their effect on pay steps."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy import func, select

from hrapp.db.models import Evaluation
from hrapp.errors import ValidationError
from hrapp.services.career import career_summary
from hrapp.services.evaluations import (
    RatingEntry,
    UnitRatingsInput,
    record_unit_ratings,
    score_rating,
    unit_ratings,
)
from tests.services import career_builders as b

TODAY = date(2026, 12, 20)


@pytest.fixture
def units(ctx):
    return b.department(ctx)


def _staff(ctx, unit_id, n, category="cong_chuc"):
    return [b.person(ctx, f"Nguyễn Văn Số {i}", unit_id, category=category,
                     rank="01.003" if category == "cong_chuc" else "V.05.02.07") for i in range(n)]


def _count(ctx) -> int:
    with ctx.read() as s:
        return s.scalar(select(func.count()).select_from(Evaluation))


def test_one_htxs_per_five_htt_is_accepted(ctx, units):
    ids = _staff(ctx, units["VP"], 6)
    entries = tuple(RatingEntry(pid, "htt") for pid in ids[:5]) + (RatingEntry(ids[5], "htxs"),)
    result = record_unit_ratings(ctx, UnitRatingsInput(2022, units["SO"], entries), today=TODAY)
    (cap,) = result.caps
    assert (cap.category, cap.allowed_max, cap.actual, cap.htt_count, cap.ok) == ("cong_chuc", 1, 1, 5, True)
    assert cap.rule.version == "nd90_2020"
    assert {r.rating for r in result.rows} == {"htt", "htxs"}
    assert _count(ctx) == 6


def test_an_htxs_over_20_percent_of_htt_is_refused_and_nothing_is_saved(ctx, units):
    ids = _staff(ctx, units["VP"], 5)
    entries = tuple(RatingEntry(pid, "htt") for pid in ids[:4]) + (RatingEntry(ids[4], "htxs"),)
    with pytest.raises(ValidationError, match="vượt tỷ lệ tối đa 0"):
        record_unit_ratings(ctx, UnitRatingsInput(2022, units["SO"], entries), today=TODAY)
    assert _count(ctx) == 0


def test_the_cap_counts_ratings_recorded_earlier_in_the_unit(ctx, units):
    ids = _staff(ctx, units["VP"], 6)
    record_unit_ratings(ctx, UnitRatingsInput(2022, units["SO"], tuple(RatingEntry(p, "htt") for p in ids[:5])),
                        today=TODAY)
    record_unit_ratings(ctx, UnitRatingsInput(2022, units["SO"], (RatingEntry(ids[5], "htxs"),)), today=TODAY)
    # a second HTXS now would make 2 of 5 HTT
    with pytest.raises(ValidationError):
        record_unit_ratings(ctx, UnitRatingsInput(2022, units["SO"], (RatingEntry(ids[0], "htxs"),)), today=TODAY)
    assert unit_ratings(ctx, 2022, units["SO"], today=TODAY).caps[0].actual == 1


def test_civil_servants_and_public_employees_are_capped_separately(ctx, units):
    cc = _staff(ctx, units["VP"], 5)
    vc = _staff(ctx, units["TT"], 1, "vien_chuc")
    entries = tuple(RatingEntry(p, "htt") for p in cc) + (RatingEntry(vc[0], "htxs"),)
    with pytest.raises(ValidationError, match="Viên chức"):
        record_unit_ratings(ctx, UnitRatingsInput(2022, units["SO"], entries), today=TODAY)


def test_from_2026_a_civil_servant_is_rated_by_score(ctx, units):
    (pid,) = _staff(ctx, units["VP"], 1)
    with pytest.raises(ValidationError, match="chưa nhập điểm"):
        record_unit_ratings(ctx, UnitRatingsInput(2026, units["SO"], (RatingEntry(pid, "htt"),)), today=TODAY)
    result = record_unit_ratings(ctx, UnitRatingsInput(2026, units["SO"], (RatingEntry(pid, score=Decimal("89.5")),)),
                                 today=TODAY)
    (row,) = result.rows
    assert (row.rating, row.score, row.regime, row.scored) == ("htt", Decimal("89.5"), "nd335_2025", True)


@pytest.mark.parametrize("score, rating", [("89.99", "htt"), ("90", "htxs"), ("70", "htt"), ("69.99", "ht"),
                                           ("50", "ht"), ("49.99", "kht")])
def test_a_score_gives_its_rating_at_the_band_edges(ctx, score, rating):
    assert score_rating(ctx, 2026, score).rating.value == rating


def test_a_rating_that_disagrees_with_the_score_is_refused(ctx, units):
    (pid,) = _staff(ctx, units["VP"], 1)
    with pytest.raises(ValidationError, match="tương ứng mức “Hoàn thành tốt nhiệm vụ”"):
        record_unit_ratings(ctx, UnitRatingsInput(2026, units["SO"], (RatingEntry(pid, "htxs", Decimal(75)),)),
                            today=TODAY)


def test_public_employees_keep_the_four_ratings_without_a_score_in_2026(ctx, units):
    (pid,) = _staff(ctx, units["TT"], 1, "vien_chuc")
    result = record_unit_ratings(ctx, UnitRatingsInput(2026, units["SO"], (RatingEntry(pid, "ht"),)), today=TODAY)
    assert [(r.rating, r.regime, r.scored) for r in result.rows] == [("ht", "nd90_2020", False)]


def test_someone_outside_the_unit_or_a_future_year_is_refused(ctx, units):
    tt = _staff(ctx, units["TT"], 1, "vien_chuc")[0]
    with pytest.raises(ValidationError, match="không thuộc đơn vị"):
        record_unit_ratings(ctx, UnitRatingsInput(2022, units["VP"], (RatingEntry(tt, "ht"),)), today=TODAY)
    with pytest.raises(ValidationError):
        record_unit_ratings(ctx, UnitRatingsInput(2027, units["TT"], (RatingEntry(tt, "ht"),)), today=TODAY)


def test_a_kht_rating_recorded_here_delays_the_next_pay_step(ctx, units):
    pid = b.person(ctx, "Lê Minh Khoa", units["VP"], since=date(2021, 7, 1))
    record_unit_ratings(ctx, UnitRatingsInput(2022, units["SO"], (RatingEntry(pid, "kht"),)), today=TODAY)
    pay = career_summary(ctx, pid, date(2023, 1, 10)).pay_step
    assert pay.due_date == date(2025, 1, 1) and pay.delays[0].kind == "kht"
