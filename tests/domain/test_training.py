"""Training rules at their edges: postgraduate eligibility (3 years of service to the day, the last two ratings, the
age at the first nomination by rule version), the commitment period, the repayment pro rata, programme lengths,
the grants of course types and the gaps between required and held levels."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from hrapp.domain import training as tr
from hrapp.domain.rules import load_rulebook
from hrapp.errors import DomainError

BOOK = load_rulebook()
RULES_2022 = tr.training_rules(BOOK, date(2022, 6, 1))
RULES_2025 = tr.training_rules(BOOK, date(2025, 7, 1))
GOOD = {2023: "htt", 2024: "htxs"}


def facts(**kw) -> tr.PostgraduateFacts:
    base = {"category": "cong_chuc", "birth_date": date(1985, 3, 10), "service_start": date(2015, 3, 1),
            "probation_end": None, "ratings": {2020: "htt", 2021: "htt"}}
    base.update(kw)
    return tr.PostgraduateFacts(**base)


def test_rules_are_chosen_by_the_date_of_the_nomination():
    assert tr.training_rules(BOOK, date(2021, 11, 30)).version == "nd101_2017"
    assert tr.training_rules(BOOK, date(2021, 12, 1)).version == "nd89_2021"
    assert tr.training_rules(BOOK, date(2025, 6, 30)).version == "nd89_2021"
    assert tr.training_rules(BOOK, date(2025, 7, 1)).version == "nd171_2025"


# ---------------------------------------------------------------------------------------------- service years


def test_exactly_three_years_of_service_is_enough_and_a_day_short_is_not():
    start = date(2019, 3, 1)
    ok = tr.postgraduate_eligibility(facts(service_start=start), date(2022, 3, 1), RULES_2022)
    short = tr.postgraduate_eligibility(facts(service_start=start), date(2022, 2, 28), RULES_2022)
    assert ok.eligible and ok.service_years == 3
    assert not short.eligible and [r.code for r in short.reasons] == [tr.SERVICE]
    assert "chưa đủ 3 năm" in short.reasons[0].message and "mới 2 năm" in short.reasons[0].message


def test_probation_does_not_count_as_service():
    f = facts(service_start=date(2018, 9, 1), probation_end=date(2019, 8, 31))
    assert tr.postgraduate_eligibility(f, date(2022, 9, 1), RULES_2022).eligible
    late = tr.postgraduate_eligibility(f, date(2022, 8, 31), RULES_2022)
    assert [r.code for r in late.reasons] == [tr.SERVICE]


# ---------------------------------------------------------------------------------------------- ratings


def test_the_last_two_years_must_be_rated_htt_or_better():
    assert tr.postgraduate_eligibility(facts(ratings={2020: "htxs", 2021: "htt"}), date(2022, 5, 1),
                                       RULES_2022).eligible
    weak = tr.postgraduate_eligibility(facts(ratings={2020: "htt", 2021: "ht"}), date(2022, 5, 1), RULES_2022)
    assert [r.code for r in weak.reasons] == [tr.RATING]
    assert "Năm 2021 xếp loại Hoàn thành nhiệm vụ (HT)" in weak.reasons[0].message
    missing = tr.postgraduate_eligibility(facts(ratings={2021: "htt"}), date(2022, 5, 1), RULES_2022)
    assert [r.message for r in missing.reasons] == ["Chưa có kết quả đánh giá, xếp loại năm 2020."]
    assert missing.rating_years == (2020, 2021)


# ---------------------------------------------------------------------------------------------- age


def test_age_45_at_nomination_passes_and_46_fails_under_nd_171():
    nomination = date(2025, 9, 1)
    at_45 = tr.postgraduate_eligibility(facts(birth_date=date(1979, 9, 2), ratings=GOOD), nomination, RULES_2025)
    at_46 = tr.postgraduate_eligibility(facts(birth_date=date(1979, 9, 1), ratings=GOOD), nomination, RULES_2025)
    assert at_45.age_at_first == 45 and at_45.eligible
    assert at_46.age_at_first == 46 and [r.code for r in at_46.reasons] == [tr.AGE]
    assert "Quá 45 tuổi" in at_46.reasons[0].message


def test_before_nd_171_the_limit_was_40():
    nomination = date(2022, 9, 1)
    at_40 = tr.postgraduate_eligibility(facts(birth_date=date(1981, 9, 2)), nomination, RULES_2022)
    at_41 = tr.postgraduate_eligibility(facts(birth_date=date(1981, 9, 1)), nomination, RULES_2022)
    assert at_40.eligible and not at_41.eligible


def test_the_age_counts_at_the_first_nomination():
    later = tr.postgraduate_eligibility(facts(birth_date=date(1975, 1, 1), ratings=GOOD,
                                              first_nomination=date(2015, 9, 1)), date(2025, 9, 1), RULES_2025)
    assert later.age_at_first == 40 and later.eligible


def test_public_employees_need_only_the_end_of_probation_and_contract_workers_are_not_sent():
    vc = facts(category="vien_chuc", service_start=date(2021, 9, 1), probation_end=date(2022, 8, 31), ratings={},
               birth_date=date(1970, 1, 1))
    assert [r.code for r in tr.postgraduate_eligibility(vc, date(2022, 8, 31), RULES_2022).reasons] == [tr.PROBATION]
    assert tr.postgraduate_eligibility(vc, date(2022, 9, 1), RULES_2022).eligible
    contract = tr.postgraduate_eligibility(facts(category="hop_dong"), date(2022, 9, 1), RULES_2022)
    assert [r.code for r in contract.reasons] == [tr.CATEGORY]


# ---------------------------------------------------------------------------------------------- commitment, repayment


def test_commitment_is_twice_the_study_time_then_three_times_for_civil_servants_from_july_2025():
    c = tr.commitment("cong_chuc", date(2022, 9, 5), date(2024, 9, 4), RULES_2022)
    assert (c.study_months, c.multiplier, c.commitment_months) == (24, 2, 48)
    assert (c.service_from, c.service_until) == (date(2024, 9, 5), date(2028, 9, 4))
    assert tr.commitment("cong_chuc", date(2025, 9, 5), date(2027, 9, 4), RULES_2025).commitment_months == 72
    assert tr.commitment("vien_chuc", date(2025, 9, 5), date(2027, 9, 4), RULES_2025).commitment_months == 48


def test_months_round_from_fifteen_days():
    assert tr.rounded_months(date(2022, 1, 1), date(2022, 1, 14), 15) == 0
    assert tr.rounded_months(date(2022, 1, 1), date(2022, 1, 15), 15) == 1
    assert tr.rounded_months(date(2022, 1, 1), date(2022, 2, 28), 15) == 2


def test_repayment_is_pro_rata_to_the_months_still_owed():
    start = date(2024, 9, 5)
    half = tr.repayment("quit_after", Decimal(120_000_000), 48, start, date(2026, 9, 5), RULES_2022)
    assert (half.served_months, half.amount) == (24, Decimal(60_000_000))
    assert "F / T1 × (T1 − T2)" in half.formula and "60.000.000 đồng" in half.formula
    first_day = tr.repayment("quit_after", Decimal(120_000_000), 48, start, start, RULES_2022)
    assert first_day.amount == Decimal(120_000_000)
    one_month = tr.repayment("quit_after", Decimal(100_000_000), 48, start, date(2024, 10, 5), RULES_2022)
    assert one_month.amount == Decimal(97_916_667)  # 100 000 000 / 48 × 47, rounded to the đồng
    served = tr.repayment("quit_after", Decimal(120_000_000), 48, start, date(2028, 9, 5), RULES_2022)
    assert served.amount == 0


def test_quitting_during_the_course_or_without_a_degree_repays_everything():
    for case in ("quit_during", "no_degree"):
        r = tr.repayment(case, Decimal(80_000_000), 48, date(2024, 9, 5), date(2023, 3, 1), RULES_2022)
        assert r.amount == Decimal(80_000_000)
    with pytest.raises(DomainError):
        tr.repayment("resigned", Decimal(1), 1, date(2024, 1, 1), date(2024, 2, 1), RULES_2022)


# ---------------------------------------------------------------------------------------------- programmes, grants


def test_qlnn_programmes_longer_than_the_rule_allows_are_warned():
    assert tr.programme_length_warning("qlnn_cv", 4, "weeks", RULES_2022) is None
    assert "tối đa 4 tuần" in tr.programme_length_warning("qlnn_cv", 5, "weeks", RULES_2022)
    assert tr.programme_length_warning("qlnn_cvcc", 320, "periods", RULES_2022) is None  # 8 weeks of 40 periods
    assert tr.programme_length_warning("qlnn_cvcc", 321, "periods", RULES_2022) is not None
    assert tr.programme_length_warning("vtvl", 2, "weeks", RULES_2022) is not None
    assert tr.programme_length_warning("llct_cao_cap", 18, "months", RULES_2022) is None


def test_course_types_grant_their_level_or_the_one_the_course_names():
    assert tr.grant_for("llct_cao_cap", None, None) == ("llct", "cao_cap")
    assert tr.grant_for("ngoai_ngu", "ngoai_ngu", "B1") == ("ngoai_ngu", "B1")
    assert tr.grant_for("ngoai_ngu", "ngoai_ngu", None) is None
    assert tr.grant_for("vtvl", None, None) is None
    assert tr.course_type_for("qlnn", "CVC") == "qlnn_cvc"
    assert tr.course_type_for("ngoai_ngu", "B2") == "ngoai_ngu"
    assert tr.course_type_for("chuyen_mon", "ThS") == "sau_dai_hoc"
    assert tr.course_type_for("chuyen_mon", "DH") is None


# ---------------------------------------------------------------------------------------------- gaps


def test_gaps_keep_the_highest_requirement_of_a_source_and_ignore_what_is_held():
    reqs = (tr.requirements_from({"llct": "trung_cap", "qlnn": "CV"}, "position", "vị trí việc làm A")
            + tr.requirements_from({"llct": "cao_cap", "qlnn": "CVC"}, "planning", "Phó Giám đốc Sở")
            + tr.requirements_from({"llct": "trung_cap"}, "planning", "Trưởng phòng"))
    found = tr.gaps(reqs, {"llct": ["trung_cap"], "qlnn": ["CV"]})
    assert [(g.requirement.source, g.kind, g.level, g.held) for g in found] == [
        ("planning", "llct", "cao_cap", "trung_cap"), ("planning", "qlnn", "CVC", "CV")]
    assert found[0].requirement.label == "LLCT Cao cấp"
    assert found[0].course_type == "llct_cao_cap"
    assert "hiện có Trung cấp" in found[0].message and "Phó Giám đốc Sở" in found[0].message


def test_a_higher_level_meets_a_lower_requirement_and_nothing_held_is_a_gap():
    reqs = tr.requirements_from({"llct": "trung_cap", "ngoai_ngu": "B1"}, "position", "vị trí việc làm A")
    assert tr.gaps(reqs, {"llct": ["cu_nhan"], "ngoai_ngu": ["B2"]}) == []
    missing = tr.gaps(reqs, {})
    assert [(g.kind, g.held) for g in missing] == [("llct", None), ("ngoai_ngu", None)]
    assert "chưa có" in missing[0].message
