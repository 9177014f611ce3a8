"""Retiring at a lower or a higher age by a decision (NĐ 135/2020, Điều 5–6; Phụ lục II): the bounds counted from
the ordinary age of the year of retirement, the cases of the rule, and the dates that follow from the decided age."""

from __future__ import annotations

from datetime import date

import pytest

from hrapp.domain.retirement import (
    EARLIER,
    LATER,
    RetirementAge,
    RetirementException,
    check_exception,
    exception_bounds,
    exception_reasons,
    ordinary_age_in_year,
    retirement,
)
from hrapp.domain.rules import load_rulebook
from hrapp.errors import DomainError

RB = load_rulebook()


def age(years: int, months: int = 0) -> RetirementAge:
    return RetirementAge(years, months)


def early(years: int, months: int = 0, reason: str = "suy_giam_kha_nang_lao_dong") -> RetirementException:
    return RetirementException(EARLIER, reason, age(years, months), "Quyết định số 5/QĐ-SKHCN ngày 02/03/2026")


def late(years: int, months: int = 0, reason: str = "trinh_do_cao") -> RetirementException:
    return RetirementException(LATER, reason, age(years, months))


@pytest.mark.parametrize(("year", "men", "women"), [
    (2020, age(60), age(55)),  # BLLĐ 2012, Điều 187
    (2021, age(60, 3), age(55, 4)),  # BLLĐ 2019, Điều 169, khoản 2: the first year of the ramp
    (2022, age(60, 6), age(55, 8)),
    (2027, age(61, 9), age(57, 4)),
    (2028, age(62), age(57, 8)),  # men reach 62 in 2028
    (2034, age(62), age(59, 8)),
    (2035, age(62), age(60)),  # women reach 60 in 2035
    (2040, age(62), age(60)),
])
def test_the_ordinary_age_of_the_year_of_retirement_follows_article_169(year, men, women):
    assert ordinary_age_in_year("M", year, RB) == men
    assert ordinary_age_in_year("F", year, RB) == women


@pytest.mark.parametrize(("sex", "born", "lowest"), [
    # Phụ lục II: the lowest age by birth month, 5 years under the ordinary age of the year of retirement
    ("M", date(1966, 1, 1), age(55, 3)),  # retires from 04/2021
    ("M", date(1966, 9, 1), age(55, 3)),  # the last month of the first band
    ("M", date(1966, 10, 1), age(55, 6)),  # the first month of the next
    ("M", date(1971, 3, 1), age(56, 9)),
    ("M", date(1971, 4, 1), age(57)),  # from 04/1971 the lowest is 57
    ("M", date(1980, 6, 15), age(57)),
    ("F", date(1971, 1, 1), age(50, 4)),
    ("F", date(1971, 8, 1), age(50, 4)),
    ("F", date(1971, 9, 1), age(50, 8)),
    ("F", date(1980, 4, 1), age(54, 8)),
    ("F", date(1980, 5, 1), age(55)),  # from 05/1980 the lowest is 55
])
def test_the_lowest_age_is_the_age_of_annex_ii(sex, born, lowest):
    assert exception_bounds(sex, born, EARLIER, RB)[0] == lowest


def test_the_highest_age_is_5_years_over_the_ordinary_age_of_the_year_of_retirement():
    # a man born 01/1966: ordinary 61y9m (2027); at 67 he retires in 2033, when the ordinary age is 62
    assert exception_bounds("M", date(1966, 1, 1), LATER, RB) == (age(61, 10), age(67))
    assert exception_bounds("F", date(1971, 1, 1), LATER, RB) == (age(57, 9), age(65))


@pytest.mark.parametrize(("decided", "ok"), [
    (age(56, 5), False),  # a month under the lowest (56y6m in 2026): refused
    (age(56, 6), True),  # the lowest: Phụ lục II, 2026
    (age(61, 11), True),  # a month under his own ordinary age
    (age(62), False),  # his own ordinary age is not lower
])
def test_a_lower_age_is_allowed_from_the_lowest_up_to_a_month_under_the_ordinary_age(decided, ok):
    born = date(1970, 6, 15)
    if ok:
        assert check_exception("M", born, early(decided.years, decided.months), RB).version == "nd135_2020"
    else:
        with pytest.raises(DomainError) as err:
            check_exception("M", born, early(decided.years, decided.months), RB)
        assert err.value.code in ("retirement_exception_out_of_bounds", "retirement_exception_not_lower")


@pytest.mark.parametrize(("decided", "code"), [
    (age(62), "retirement_exception_not_higher"),  # his own ordinary age
    (age(62, 1), None),
    (age(67), None),  # 62 + 5 (Điều 6, khoản 1)
    (age(67, 1), "retirement_exception_out_of_bounds"),
])
def test_a_higher_age_is_allowed_up_to_5_years_over(decided, code):
    born = date(1970, 6, 15)
    if code is None:
        check_exception("M", born, late(decided.years, decided.months), RB)
    else:
        with pytest.raises(DomainError) as err:
            check_exception("M", born, late(decided.years, decided.months), RB)
        assert err.value.code == code


def test_the_out_of_bounds_message_names_the_limit_and_the_article():
    with pytest.raises(DomainError) as err:
        check_exception("M", date(1970, 6, 15), early(55), RB)
    assert err.value.message == ("Tuổi 55 tuổi vượt quá mức cho phép: giới hạn là 56 tuổi 6 tháng (Nghị định "
                                 "135/2020/NĐ-CP, Điều 5, khoản 1 và Phụ lục II (không quá 05 tuổi)).")
    assert err.value.worded("en").startswith("The age 55 tuổi is beyond what the rule allows")


@pytest.mark.parametrize(("born", "allowed"), [
    (date(1962, 12, 31), False),  # 58 reached on 31/12/2020: the old Labour Code's version, without these cases
    (date(1963, 1, 1), True),  # reached on 01/01/2021, the day NĐ 135/2020 takes effect
    (date(1963, 1, 2), True),
])
def test_the_cases_are_those_of_the_version_in_force_on_the_day_the_decided_age_is_reached(born, allowed):
    if allowed:
        assert retirement("M", born, RB, early(58)).rule.version == "nd135_2020"
    else:
        with pytest.raises(DomainError) as err:
            retirement("M", born, RB, early(58))
        assert err.value.code == "retirement_exception_not_in_rule"


def test_each_case_carries_its_legal_point():
    rule = RB.get("retirement_age", date(2026, 1, 1))
    earlier = {r.code: r.basis for r in exception_reasons(rule, EARLIER)}
    assert earlier == {
        "nang_nhoc_doc_hai": "Nghị định 135/2020/NĐ-CP, Điều 5, khoản 1, điểm a",
        "vung_dac_biet_kho_khan": "Nghị định 135/2020/NĐ-CP, Điều 5, khoản 1, điểm b",
        "suy_giam_kha_nang_lao_dong": "Nghị định 135/2020/NĐ-CP, Điều 5, khoản 1, điểm c",
        "tong_thoi_gian": "Nghị định 135/2020/NĐ-CP, Điều 5, khoản 1, điểm d",
    }
    assert {r.code for r in exception_reasons(rule, LATER)} == {"trinh_do_cao", "lanh_dao_quan_ly",
                                                                "truong_hop_dac_biet"}
    with pytest.raises(DomainError) as err:
        check_exception("M", date(1970, 6, 15), early(58, reason="trinh_do_cao"), RB)
    assert err.value.code == "retirement_exception_reason"
    with pytest.raises(DomainError) as err:
        check_exception("M", date(1970, 6, 15), RetirementException("sooner", "x", age(58)), RB)
    assert err.value.code == "retirement_exception_direction"


def test_the_dates_follow_the_decided_age_as_article_3_sets_them():
    ordinary = retirement("M", date(1970, 6, 15), RB)
    assert (ordinary.age, ordinary.retirement_date) == (age(62), date(2032, 7, 1))
    moved = retirement("M", date(1970, 6, 15), RB, early(57))
    assert moved.reached_on == date(2027, 6, 15)
    assert moved.last_working_day == date(2027, 6, 30)  # the last day of the month the age is reached
    assert moved.retirement_date == date(2027, 7, 1)  # the pension from the 1st of the next month
    assert moved.notice_due == date(2027, 1, 1)  # 6 months before (NĐ 170/2025, Điều 62)
    assert moved.exception_basis() == "Nghị định 135/2020/NĐ-CP, Điều 5, khoản 1, điểm c"
    assert moved.basis().endswith("nghỉ hưu ở tuổi thấp hơn (57 tuổi) theo Quyết định số 5/QĐ-SKHCN ngày "
                                  "02/03/2026")
    later = retirement("F", date(1975, 5, 20), RB, late(62))
    assert (later.last_working_day, later.retirement_date) == (date(2037, 5, 31), date(2037, 6, 1))
    assert later.to_json()["exception"] == {"direction": "later", "reason": "trinh_do_cao",
                                            "age": {"years": 62, "months": 0}, "decision": ""}
