"""Evaluation ratings: labels, rating from a score (NĐ 335/2025) and the HTXS cap."""

from __future__ import annotations

from decimal import Decimal

import pytest

from hrapp.domain.evaluation import Rating, htxs_cap_check, rating_from_score
from hrapp.domain.rules import RuleBook, load_rulebook
from hrapp.errors import DomainError


@pytest.fixture(scope="module")
def rules() -> RuleBook:
    return load_rulebook()


def test_ratings_have_codes_and_vietnamese_labels():
    assert [r.value for r in Rating] == ["htxs", "htt", "ht", "kht"]
    assert Rating.HTXS.label == "Hoàn thành xuất sắc nhiệm vụ"
    assert Rating.KHT.label == "Không hoàn thành nhiệm vụ"
    assert Rating.parse("HTT") is Rating.HTT


@pytest.mark.parametrize(
    "score, rating",
    [
        ("0", Rating.KHT),
        ("49.99", Rating.KHT),
        ("50", Rating.HT),
        ("69.99", Rating.HT),
        ("70", Rating.HTT),
        ("89.99", Rating.HTT),
        ("90", Rating.HTXS),
        ("100", Rating.HTXS),
    ],
)
def test_score_bands_of_nd335_from_2026(rules, score, rating):
    result = rating_from_score(Decimal(score), rules, 2026)
    assert result.rating is rating
    assert result.rule.version == "nd335_2025"


def test_a_2025_evaluation_has_no_score_bands(rules):
    with pytest.raises(DomainError) as err:
        rating_from_score(Decimal("80"), rules, 2025)
    assert err.value.code == "no_score_regime"


def test_vien_chuc_stay_on_ratings_without_score_in_2026(rules):
    with pytest.raises(DomainError):
        rating_from_score(Decimal("80"), rules, 2026, category="vien_chuc")


@pytest.mark.parametrize("score", ["-1", "100.01"])
def test_a_score_outside_0_to_100_is_refused(rules, score):
    with pytest.raises(DomainError) as err:
        rating_from_score(Decimal(score), rules, 2026)
    assert err.value.field == "score"


@pytest.mark.parametrize(
    "htxs, htt, others, allowed, ok",
    [
        (1, 5, 3, 1, True),   # 20% of 5 HTT = 1
        (2, 5, 0, 1, False),
        (0, 4, 6, 0, True),   # 0.8 rounds down to 0
        (1, 4, 6, 0, False),  # the unit's size does not matter, only its HTT count
        (1, 9, 0, 1, True),   # 1.8 rounds down to 1
        (2, 10, 0, 2, True),
        (3, 10, 20, 2, False),
    ],
)
def test_htxs_is_capped_at_20_percent_of_those_rated_htt_rounded_down(rules, htxs, htt, others, allowed, ok):
    ratings = ["htxs"] * htxs + ["htt"] * htt + ["ht"] * others
    allowed_max, actual, passed = htxs_cap_check(ratings, rules, 2026)
    assert (allowed_max, actual, passed) == (allowed, htxs, ok)


def test_the_cap_applies_under_nd90_too_and_names_its_rule(rules):
    result = htxs_cap_check(["htxs", "htt", "htt", "htt", "htt", "htt"], rules, 2024)
    assert result.ok
    assert result.rule.version == "nd90_2020"


def test_an_unknown_rating_is_refused(rules):
    with pytest.raises(DomainError):
        htxs_cap_check(["xuat_sac"], rules, 2026)
