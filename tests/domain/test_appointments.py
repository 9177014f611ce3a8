"""Appointment terms, the age for a first appointment, reappointment near retirement and term alerts."""

from __future__ import annotations

from datetime import date

import pytest

from hrapp.domain.appointments import (
    ReappointmentKind,
    appointment_age_ok,
    reappointment_kind,
    term_alerts,
    term_end,
)
from hrapp.domain.rules import RuleBook, load_rulebook
from hrapp.errors import DomainError


@pytest.fixture(scope="module")
def rules() -> RuleBook:
    return load_rulebook()


def test_a_term_lasts_five_years_and_ends_the_day_before_the_anniversary(rules):
    term = term_end(date(2023, 3, 15), date(2040, 1, 1), rules)
    assert term.end == date(2028, 3, 14)
    assert not term.until_retirement


def test_a_term_without_a_known_retirement_date_lasts_five_years(rules):
    assert term_end(date(2024, 1, 1), None, rules).end == date(2028, 12, 31)


def test_a_term_is_cut_at_retirement_on_the_last_working_day(rules):
    term = term_end(date(2023, 3, 15), date(2026, 9, 1), rules)
    assert term.end == date(2026, 8, 31)
    assert term.until_retirement


def test_retirement_the_day_after_a_full_term_does_not_cut_it(rules):
    term = term_end(date(2023, 3, 15), date(2028, 3, 15), rules)
    assert term.end == date(2028, 3, 14)
    assert not term.until_retirement


# A man born 15/05/1970 retires at 62 (744 months). His age counts in calendar months (HD 06-HD/BTCTW): in 05/2027
# he is 57y0m (684 months) whatever the day, 60 months left; from 01/06/2027, 59.
@pytest.mark.parametrize(
    "proposal, months_left, ok",
    [
        (date(2027, 4, 15), 61, True),
        (date(2027, 4, 30), 61, True),
        (date(2027, 5, 1), 60, True),
        (date(2027, 5, 14), 60, True),
        (date(2027, 5, 15), 60, True),
        (date(2027, 5, 31), 60, True),
        (date(2027, 6, 1), 59, False),
        (date(2027, 6, 15), 59, False),
    ],
)
def test_first_appointment_needs_60_months_before_retirement_age(rules, proposal, months_left, ok):
    check = appointment_age_ok("M", date(1970, 5, 15), proposal, rules)
    assert check.months_left == months_left
    assert check.ok is ok
    assert check.rule.code == "appointment_term"


def test_age_check_unpacks_as_ok_months_left_rule(rules):
    ok, months_left, rule = appointment_age_ok("F", date(1980, 1, 1), date(2025, 1, 1), rules)
    # A woman born 01/1980 retires at 60 (720 months); on 01/01/2025 she is 45 (540 months): 180 left.
    assert (ok, months_left, rule.code) == (True, 180, "appointment_term")


def test_age_check_uses_the_nd135_age_of_the_birth_month(rules):
    # Born 02/1965 → 61y6m = 738 months. On 01/08/2021 he is 56y6m = 678 months: exactly 60 left.
    assert appointment_age_ok("M", date(1965, 2, 1), date(2021, 8, 1), rules).months_left == 60


@pytest.mark.parametrize(
    "retirement_date, kind, term_last_day",
    [
        (date(2031, 1, 1), ReappointmentKind.BO_NHIEM_LAI, date(2030, 12, 31)),
        (date(2035, 6, 1), ReappointmentKind.BO_NHIEM_LAI, date(2030, 12, 31)),
        (date(2030, 12, 1), ReappointmentKind.BO_NHIEM_LAI_DEN_NGHI_HUU, date(2030, 11, 30)),
        (date(2028, 1, 1), ReappointmentKind.BO_NHIEM_LAI_DEN_NGHI_HUU, date(2027, 12, 31)),
        (date(2027, 12, 1), ReappointmentKind.KEO_DAI_DEN_NGHI_HUU, date(2027, 11, 30)),
        (date(2026, 6, 1), ReappointmentKind.KEO_DAI_DEN_NGHI_HUU, date(2026, 5, 31)),
    ],
)
def test_reappointment_depends_on_the_time_left_before_retirement(rules, retirement_date, kind, term_last_day):
    result = reappointment_kind(date(2026, 1, 1), retirement_date, rules)
    assert result.kind == kind
    assert result.term.end == term_last_day


def test_reappointment_kind_is_a_plain_code_with_a_vietnamese_label(rules):
    result = reappointment_kind(date(2026, 1, 1), date(2027, 12, 1), rules)
    assert result.kind == "keo_dai_den_nghi_huu"
    assert result.kind.label.startswith("Kéo dài")
    assert result.to_json()["kind"] == "keo_dai_den_nghi_huu"


def test_reappointment_after_retirement_is_refused(rules):
    with pytest.raises(DomainError):
        reappointment_kind(date(2026, 1, 1), date(2026, 1, 1), rules)


def test_term_alerts_are_six_months_and_ninety_days_before_the_last_day(rules):
    alerts = term_alerts(date(2026, 8, 31), rules)
    assert [(a.code, a.on) for a in alerts] == [
        ("truoc_6_thang", date(2026, 2, 28)),
        ("truoc_90_ngay", date(2026, 6, 2)),
    ]
    assert all(a.rule.code == "appointment_term" for a in alerts)


@pytest.mark.parametrize("born", [date(1969, 2, 1), date(1969, 2, 15), date(1969, 2, 28)])
def test_a_first_appointment_gives_the_same_answer_to_everyone_born_in_the_same_month(rules, born):
    # retiring on 01/03/2031 (62 years reached in 02/2031): on 01/03/2026, 59 months left, not a full term
    assert tuple(appointment_age_ok("M", born, date(2026, 3, 1), rules))[:2] == (False, 59)
