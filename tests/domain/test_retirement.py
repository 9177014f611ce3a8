"""Retirement age by birth month (NĐ 135/2020 Phụ lục I), retirement dates and the notice date."""

from __future__ import annotations

from datetime import date

import pytest

from hrapp.domain.retirement import (
    BirthDate,
    RetirementAge,
    add_months,
    months_between,
    retirement,
    retirement_age,
)
from hrapp.domain.rules import RuleBook, load_rulebook, versions_from_json
from hrapp.errors import DomainError


@pytest.fixture(scope="module")
def rules() -> RuleBook:
    return load_rulebook()


# Phụ lục I, lao động nam, written out by hand: (first birth month, last birth month, years, months).
MEN_BANDS = [
    ((1961, 1), (1961, 9), 60, 3),
    ((1961, 10), (1962, 6), 60, 6),
    ((1962, 7), (1963, 3), 60, 9),
    ((1963, 4), (1963, 12), 61, 0),
    ((1964, 1), (1964, 9), 61, 3),
    ((1964, 10), (1965, 6), 61, 6),
    ((1965, 7), (1966, 3), 61, 9),
]
# Phụ lục I, lao động nữ.
WOMEN_BANDS = [
    ((1966, 1), (1966, 8), 55, 4),
    ((1966, 9), (1967, 4), 55, 8),
    ((1967, 5), (1967, 12), 56, 0),
    ((1968, 1), (1968, 8), 56, 4),
    ((1968, 9), (1969, 4), 56, 8),
    ((1969, 5), (1969, 12), 57, 0),
    ((1970, 1), (1970, 8), 57, 4),
    ((1970, 9), (1971, 4), 57, 8),
    ((1971, 5), (1971, 12), 58, 0),
    ((1972, 1), (1972, 8), 58, 4),
    ((1972, 9), (1973, 4), 58, 8),
    ((1973, 5), (1973, 12), 59, 0),
    ((1974, 1), (1974, 8), 59, 4),
    ((1974, 9), (1975, 4), 59, 8),
]


def _edges(sex: str, bands: list) -> list:
    cases = []
    for first, last, years, months in bands:
        cases.append(pytest.param(sex, first, years, months, id=f"{sex}-{first[1]:02d}/{first[0]}-first"))
        cases.append(pytest.param(sex, last, years, months, id=f"{sex}-{last[1]:02d}/{last[0]}-last"))
    return cases


@pytest.mark.parametrize(
    "sex, born, years, months",
    _edges("M", MEN_BANDS)
    + _edges("F", WOMEN_BANDS)
    + [
        pytest.param("M", (1960, 12), 60, 0, id="M-12/1960-before-ramp"),
        pytest.param("M", (1955, 6), 60, 0, id="M-06/1955-long-before-ramp"),
        pytest.param("M", (1966, 4), 62, 0, id="M-04/1966-cap"),
        pytest.param("M", (1990, 7), 62, 0, id="M-07/1990-after-cap"),
        pytest.param("F", (1965, 12), 55, 0, id="F-12/1965-before-ramp"),
        pytest.param("F", (1975, 5), 60, 0, id="F-05/1975-cap"),
        pytest.param("F", (1995, 1), 60, 0, id="F-01/1995-after-cap"),
    ],
)
def test_retirement_age_follows_the_birth_month_table(rules, sex, born, years, months):
    result = retirement(sex, BirthDate(date(born[0], born[1], 15)), rules)
    assert (result.age_years, result.age_months) == (years, months)


def _yearly_roadmap_age(sex: str, born: date) -> int:
    """Điều 4 of NĐ 135/2020 as its year table says it: the age is the one set for the calendar year in which
    the person reaches it (men 60y3m in 2021 + 3 months a year up to 62 in 2028; women 55y4m + 4 a year up to
    60 in 2035; 60/55 before 2021). Independent of the code under test; used to check it month by month."""
    def age_in(year: int) -> int:
        if sex == "M":
            return 720 if year < 2021 else min(723 + 3 * (year - 2021), 744)
        return 660 if year < 2021 else min(664 + 4 * (year - 2021), 720)

    for year in range(born.year + 50, born.year + 70):
        total = age_in(year)
        reached_year = born.year + (born.month - 1 + total) // 12
        if reached_year == year:
            return total
    raise AssertionError("no year matches")


@pytest.mark.parametrize("sex", ["M", "F"])
def test_every_birth_month_from_1955_to_1980_matches_the_yearly_roadmap_of_article_4(rules, sex):
    for year in range(1955, 1981):
        for month in range(1, 13):
            born = date(year, month, 1)
            result = retirement(sex, born, rules)
            assert result.age_years * 12 + result.age_months == _yearly_roadmap_age(sex, born), born


def test_man_born_february_1965_retires_at_61y6m_as_in_hd06(rules):
    result = retirement("M", BirthDate.parse("1965-02"), rules)
    assert (result.age_years, result.age_months) == (61, 6)
    assert result.reached_on == date(2026, 8, 1)
    assert result.last_working_day == date(2026, 8, 31)
    assert result.retirement_date == date(2026, 9, 1)
    assert result.notice_due == date(2026, 3, 1)


def test_man_born_october_1961_retires_at_60y6m_with_pension_from_may_2022(rules):
    result = retirement("M", date(1961, 10, 20), rules)
    assert (result.age_years, result.age_months) == (60, 6)
    assert result.reached_on == date(2022, 4, 20)
    assert result.last_working_day == date(2022, 4, 30)
    assert result.retirement_date == date(2022, 5, 1)


def test_woman_born_may_1975_retires_at_60_in_may_2035(rules):
    result = retirement("F", date(1975, 5, 2), rules)
    assert (result.age_years, result.age_months) == (60, 0)
    assert result.last_working_day == date(2035, 5, 31)
    assert result.retirement_date == date(2035, 6, 1)


def test_born_on_the_31st_reaches_the_age_on_the_last_day_of_a_shorter_month(rules):
    # 31/10/1968 + 56y8m = "31/06/2025", which does not exist: the age is reached on 30/06/2025.
    result = retirement("F", date(1968, 10, 31), rules)
    assert (result.age_years, result.age_months) == (56, 8)
    assert result.reached_on == date(2025, 6, 30)
    assert result.last_working_day == date(2025, 6, 30)
    assert result.retirement_date == date(2025, 7, 1)
    assert result.notice_due == date(2025, 1, 1)


def test_man_born_31_january_1964_reaches_61y3m_on_30_april_2025(rules):
    result = retirement("M", date(1964, 1, 31), rules)
    assert result.reached_on == date(2025, 4, 30)
    assert result.retirement_date == date(2025, 5, 1)


def test_born_on_29_february_reaches_the_age_on_28_february_in_a_common_year(rules):
    result = retirement("M", date(1968, 2, 29), rules)
    assert (result.age_years, result.age_months) == (62, 0)
    assert result.reached_on == date(2030, 2, 28)
    assert result.last_working_day == date(2030, 2, 28)
    assert result.retirement_date == date(2030, 3, 1)
    assert result.notice_due == date(2029, 9, 1)


def test_born_on_29_february_keeps_the_29th_when_the_age_falls_in_another_month(rules):
    result = retirement("F", date(1972, 2, 29), rules)
    assert (result.age_years, result.age_months) == (58, 4)
    assert result.reached_on == date(2030, 6, 29)


def test_december_birth_ending_in_december_retires_on_1_january(rules):
    result = retirement("M", date(1963, 12, 5), rules)
    assert (result.age_years, result.age_months) == (61, 0)
    assert result.last_working_day == date(2024, 12, 31)
    assert result.retirement_date == date(2025, 1, 1)


def test_year_only_birth_counts_as_1_january(rules):
    result = retirement("M", BirthDate.parse("1964"), rules)
    assert (result.age_years, result.age_months) == (61, 3)
    assert result.reached_on == date(2025, 4, 1)
    assert result.retirement_date == date(2025, 5, 1)


def test_year_only_birth_uses_january_even_when_the_real_month_would_fall_in_a_later_band(rules):
    # A man really born 10/1964 would get 61y6m; with only "1964" on file NĐ 135 Điều 3 says use 01/01/1964.
    assert retirement("M", BirthDate.parse("1964"), rules).age_months == 3
    assert retirement("M", BirthDate.parse("1964-10"), rules).age_months == 6


def test_month_only_birth_counts_as_the_first_of_the_month(rules):
    result = retirement("F", BirthDate.parse("1970-09"), rules)
    assert (result.age_years, result.age_months) == (57, 8)
    assert result.reached_on == date(2028, 5, 1)
    assert result.last_working_day == date(2028, 5, 31)


def test_notice_is_due_six_months_before_the_pension_starts(rules):
    result = retirement("F", date(1971, 3, 10), rules)
    assert result.retirement_date == date(2028, 12, 1)
    assert result.notice_due == date(2028, 6, 1)


def test_retirement_before_2021_uses_the_old_60_55_rule_and_the_nd46_notice(rules):
    man = retirement("M", date(1960, 12, 15), rules)
    assert man.rule.version == "blld2012"
    assert man.retirement_date == date(2021, 1, 1)
    assert man.notice_due == date(2020, 7, 1)
    assert man.notice_rule is not None and man.notice_rule.version == "nd46_2010"


def test_a_retirement_before_any_notice_rule_has_no_notice_date(rules):
    assert retirement("M", date(1950, 1, 15), rules).notice_due is None
    woman = retirement("F", date(1960, 3, 1), rules)
    assert (woman.age_years, woman.age_months) == (55, 0)
    assert woman.rule.version == "blld2012"


def test_result_names_the_nd135_rule_and_serialises_to_json(rules):
    result = retirement("M", date(1965, 2, 14), rules)
    assert result.rule.label().startswith("NĐ 135/2020/NĐ-CP (Nghị định 135/2020/NĐ-CP, Điều 4")
    data = result.to_json()
    assert data["retirement_age"] == {"years": 61, "months": 6}
    assert data["reached_on"] == "2026-08-14"
    assert data["last_working_day"] == "2026-08-31"
    assert data["retirement_date"] == "2026-09-01"
    assert data["notice_due"] == "2026-03-01"
    assert data["rule"]["code"] == "retirement_age"
    assert data["rule"]["version"] == "nd135_2020"
    assert data["notice_rule"]["version"] == "nd170_2025"


def test_an_edited_rule_version_changes_the_result():
    data = {
        "code": "retirement_age",
        "versions": [{
            "version": "test", "effective_from": "2000-01-01", "effective_to": None, "legal_basis": "thử",
            "params": {"M": {"base_age": {"years": 60, "months": 0}, "ramp_start": "1961-01",
                             "band_birth_months": 12, "months_per_band": 6, "cap": {"years": 65, "months": 0}}},
        }],
    }
    (rule,) = versions_from_json(data)
    assert retirement_age("M", date(1962, 5, 1), rule) == RetirementAge(61, 0)


@pytest.mark.parametrize(
    "text, value, precision, shown",
    [
        ("1965-02-28", date(1965, 2, 28), "day", "28/02/1965"),
        ("1965-02", date(1965, 2, 1), "month", "02/1965"),
        ("1965", date(1965, 1, 1), "year", "1965"),
    ],
)
def test_birth_date_parses_each_precision(text, value, precision, shown):
    birth = BirthDate.parse(text)
    assert (birth.value, birth.precision) == (value, precision)
    assert birth.display() == shown
    assert birth.iso() == text


@pytest.mark.parametrize("text", ["", "65", "1965-13", "1965-02-30", "02/1965", "1965-2-30"])
def test_birth_date_rejects_bad_text_with_a_vietnamese_message(text):
    with pytest.raises(DomainError) as err:
        BirthDate.parse(text)
    assert err.value.field == "birth_date"
    assert "Ngày sinh" in err.value.message


def test_month_precision_birth_date_must_be_on_the_first():
    with pytest.raises(DomainError):
        BirthDate(date(1965, 2, 14), "month")


def test_unknown_sex_is_refused(rules):
    with pytest.raises(DomainError) as err:
        retirement("X", date(1965, 1, 1), rules)  # type: ignore[arg-type]
    assert err.value.field == "gender"


@pytest.mark.parametrize(
    "start, months, expected",
    [
        (date(2024, 1, 31), 1, date(2024, 2, 29)),
        (date(2023, 1, 31), 1, date(2023, 2, 28)),
        (date(2024, 2, 29), 12, date(2025, 2, 28)),
        (date(2024, 3, 31), -1, date(2024, 2, 29)),
        (date(2024, 12, 15), 1, date(2025, 1, 15)),
    ],
)
def test_add_months_clamps_to_the_end_of_a_shorter_month(start, months, expected):
    assert add_months(start, months) == expected


@pytest.mark.parametrize(
    "start, end, expected",
    [
        (date(2020, 3, 15), date(2021, 3, 14), 11),
        (date(2020, 3, 15), date(2021, 3, 15), 12),
        (date(2024, 1, 31), date(2024, 2, 29), 1),
        (date(2024, 2, 29), date(2025, 2, 28), 12),
        (date(2024, 5, 1), date(2024, 4, 1), 0),
    ],
)
def test_months_between_counts_whole_months_like_an_age(start, end, expected):
    assert months_between(start, end) == expected
