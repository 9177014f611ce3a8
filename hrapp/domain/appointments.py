"""Leadership appointment terms: term end, age for a first appointment, reappointment near retirement, alerts."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum
from typing import Any, NamedTuple

from hrapp.domain.retirement import (
    BirthDate,
    RetirementException,
    Sex,
    add_months,
    calendar_months,
    months_between,
    retirement,
)
from hrapp.domain.rules import RuleBook, RuleVersion
from hrapp.errors import DomainError

APPOINTMENT_TERM = "appointment_term"


def _term_months(rule: RuleVersion) -> int:
    return int(rule.params["term_years"]) * 12


@dataclass(frozen=True)
class AppointmentTerm:
    """A term of office: `end` is its last day; a reappointment starts the day after."""

    start: date
    end: date
    until_retirement: bool  # cut short by retirement (ends on the last working day)
    rule: RuleVersion

    def to_json(self) -> dict[str, Any]:
        return {
            "start": self.start.isoformat(),
            "end": self.end.isoformat(),
            "until_retirement": self.until_retirement,
            "rule": self.rule.to_json(),
        }


def term_end(start: date, retirement_date: date | None, rulebook: RuleBook) -> AppointmentTerm:
    """Term from `start` (the decision's effective date): 5 years, or up to retirement if that comes first.

    `retirement_date` is the first day of retirement (RetirementResult.retirement_date), so a term cut by
    retirement ends the day before, the last working day.
    """
    rule = rulebook.get(APPOINTMENT_TERM, start)
    full_end = add_months(start, _term_months(rule)) - timedelta(days=1)
    if retirement_date is not None and retirement_date <= start:
        raise DomainError("retired_before_term", "Ngày bổ nhiệm không được sau thời điểm nghỉ hưu.",
                          field="start_date")
    if retirement_date is not None and retirement_date <= full_end:
        return AppointmentTerm(start, retirement_date - timedelta(days=1), True, rule)
    return AppointmentTerm(start, full_end, False, rule)


def retirement_first_day(sex: Sex, birth: date, precision: str | None, rulebook: RuleBook,
                         exception: RetirementException | None = None) -> date | None:
    """The first day of retirement (moved by a decision to retire earlier or later, when there is one), or None
    when the birth or sex given does not let it be computed."""
    try:
        return retirement(sex, BirthDate(birth, precision), rulebook,  # type: ignore[arg-type]  # stored values; the rule refuses a gender not M/F
                          exception).retirement_date
    except DomainError:
        return None


def post_term_end(kind: str, start: date, retirement_date: date | None, rulebook: RuleBook) -> date | None:
    """The last day of an appointment's term when the decision does not give it: an appointment or
    reappointment (bo_nhiem, bo_nhiem_lai) runs its `term_end`, raising DomainError retired_before_term
    when retirement comes first; an extension (keo_dai) ends the day before retirement; other kinds have
    no term."""
    if kind in ("bo_nhiem", "bo_nhiem_lai"):
        return term_end(start, retirement_date, rulebook).end
    if kind == "keo_dai" and retirement_date is not None:
        return retirement_date - timedelta(days=1)
    return None


class AgeCheck(NamedTuple):
    """Whether a person is young enough for a first appointment: unpacks as (ok, months_left, rule)."""

    ok: bool
    months_left: int
    rule: RuleVersion


def appointment_age_ok(sex: Sex, birth: BirthDate | date, proposal_date: date, rulebook: RuleBook,
                       exception: RetirementException | None = None) -> AgeCheck:
    """First appointment: (retirement age, NĐ 135) − (age when the proposal is received) must be at least 60
    months, so the person can serve a full term (HD 06-HD/BTCTW). The age is counted in calendar months (month of
    the proposal − month of birth, `calendar_months`): the answer is the month the retirement age is reached minus
    the month of the proposal, the same for everyone born in the same month whatever the day."""
    rule = rulebook.get(APPOINTMENT_TERM, proposal_date)
    born = BirthDate.of(birth).value
    if proposal_date < born:
        raise DomainError("invalid_date", "Ngày nhận hồ sơ đề nghị bổ nhiệm không được trước ngày sinh.",
                          field="proposal_date")
    result = retirement(sex, born, rulebook, exception)  # the age a decision to retire earlier or later sets
    months_left = result.age.total_months - calendar_months(born, proposal_date)
    return AgeCheck(months_left >= int(rule.params["first_appointment_min_months_left"]), months_left, rule)


class ReappointmentKind(StrEnum):
    BO_NHIEM_LAI = "bo_nhiem_lai"
    BO_NHIEM_LAI_DEN_NGHI_HUU = "bo_nhiem_lai_den_nghi_huu"
    KEO_DAI_DEN_NGHI_HUU = "keo_dai_den_nghi_huu"

    @property
    def label(self) -> str:
        return {
            "bo_nhiem_lai": "Bổ nhiệm lại",
            "bo_nhiem_lai_den_nghi_huu": "Bổ nhiệm lại, thời hạn đến thời điểm nghỉ hưu",
            "keo_dai_den_nghi_huu": "Kéo dài thời gian giữ chức vụ đến thời điểm nghỉ hưu",
        }[self.value]


@dataclass(frozen=True)
class Reappointment:
    kind: ReappointmentKind
    months_left: int  # whole months from the new term's start to retirement
    term: AppointmentTerm
    rule: RuleVersion

    def to_json(self) -> dict[str, Any]:
        return {
            "kind": self.kind.value,
            "months_left": self.months_left,
            "term": self.term.to_json(),
            "rule": self.rule.to_json(),
        }


def reappointment_kind(term_start: date, retirement_date: date, rulebook: RuleBook) -> Reappointment:
    """What happens when a term ends and the next would start on `term_start`: a full reappointment; a
    reappointment running only to retirement when less than 5 years remain; or, when less than 2 years remain,
    no reappointment but the post is extended to retirement."""
    rule = rulebook.get(APPOINTMENT_TERM, term_start)
    if retirement_date <= term_start:
        raise DomainError("retired_before_term", "Người này đã đến thời điểm nghỉ hưu trước khi bắt đầu nhiệm kỳ "
                          "mới.", field="term_start")
    if retirement_date < add_months(term_start, int(rule.params["no_reappointment_below_months"])):
        kind = ReappointmentKind.KEO_DAI_DEN_NGHI_HUU
    elif retirement_date < add_months(term_start, int(rule.params["reappoint_to_retirement_below_months"])):
        kind = ReappointmentKind.BO_NHIEM_LAI_DEN_NGHI_HUU
    else:
        kind = ReappointmentKind.BO_NHIEM_LAI
    term = term_end(term_start, retirement_date, rulebook)
    return Reappointment(kind, months_between(term_start, retirement_date), term, rule)


@dataclass(frozen=True)
class TermAlert:
    code: str  # 'truoc_6_thang', 'truoc_90_ngay'
    on: date  # the day the alert should show
    label: str
    rule: RuleVersion

    def to_json(self) -> dict[str, Any]:
        return {"code": self.code, "on": self.on.isoformat(), "label": self.label, "rule": self.rule.to_json()}


def term_alerts(term_end: date, rulebook: RuleBook) -> tuple[TermAlert, ...]:
    """The days before a term's last day on which to warn the HR officer (6 months and 90 days before)."""
    rule = rulebook.get(APPOINTMENT_TERM, term_end)
    alerts = []
    for spec in rule.params["alerts"]:
        if "months_before" in spec:
            on = add_months(term_end, -int(spec["months_before"]))
        else:
            on = term_end - timedelta(days=int(spec["days_before"]))
        alerts.append(TermAlert(spec["code"], on, spec["label"], rule))
    return tuple(sorted(alerts, key=lambda a: a.on))
