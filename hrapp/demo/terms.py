"""Terms of leadership posts in the demo department and the generated province: the appointment rule of
`hrapp.domain.appointments` (5 years, ending no later than the day before retirement), with terms that began
before the oldest stored version of the rule computed with that version (the 5-year term is older than the
rule data)."""

from __future__ import annotations

from datetime import date, timedelta

from hrapp.domain.appointments import APPOINTMENT_TERM, ReappointmentKind, reappointment_kind, term_end
from hrapp.domain.retirement import add_months
from hrapp.domain.rules import RuleBook


def rule_day(start: date, rulebook: RuleBook) -> date:
    """The day whose version of the appointment rule governs a term starting on `start`."""
    return max(start, rulebook.versions(APPOINTMENT_TERM)[0].effective_from)


def term_last_day(start: date, retirement_date: date, rulebook: RuleBook) -> date:
    """The last day of a term starting on `start`: its full length, or the day before `retirement_date` (the
    first day of retirement) when that comes first."""
    ruled = rule_day(start, rulebook)
    if ruled == start:
        return term_end(start, retirement_date, rulebook).end
    months = int(rulebook.get(APPOINTMENT_TERM, ruled).params["term_years"]) * 12
    return min(add_months(start, months) - timedelta(days=1), retirement_date - timedelta(days=1))


def next_term_kind(start: date, retirement_date: date, rulebook: RuleBook) -> ReappointmentKind:
    """What follows a term when the next one would start on `start`: a reappointment, one running only to
    retirement, or an extension to retirement."""
    ruled = rule_day(start, rulebook)
    if ruled == start:
        return reappointment_kind(start, retirement_date, rulebook).kind
    params = rulebook.get(APPOINTMENT_TERM, ruled).params
    if retirement_date < add_months(start, int(params["no_reappointment_below_months"])):
        return ReappointmentKind.KEO_DAI_DEN_NGHI_HUU
    if retirement_date < add_months(start, int(params["reappoint_to_retirement_below_months"])):
        return ReappointmentKind.BO_NHIEM_LAI_DEN_NGHI_HUU
    return ReappointmentKind.BO_NHIEM_LAI
