"""Pay steps (TT 08/2013/TT-BNV, TT 03/2021): regular step dates, delays, seniority allowance, early steps."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import ROUND_FLOOR, Decimal
from typing import Any

from hrapp import messages
from hrapp.domain.retirement import add_months, months_between, version_for_event
from hrapp.domain.rules import RuleBook, RuleVersion
from hrapp.domain.salary import check_step, class_rule, coefficient, lookup_by_class, max_step
from hrapp.domain.work_calendar import WorkCalendar
from hrapp.errors import DomainError

PAY_STEP = "pay_step"
PCTNVK = "pctnvk"
EARLY_STEP = "early_step"


# --------------------------------------------------------------------------- delays


@dataclass(frozen=True)
class NotCountedTime:
    """Periods that do not count toward the time for the regular step (unpaid leave, suspension, ...) converted
    to months (TT 08/2013/TT-BNV Đ.2.1.c): the whole calendar months of each period count as months; the odd
    days left over by all periods are added up in working days, fewer than 11 dropped, 11 to under 22 one month."""

    months: int
    whole_months: int
    odd_working_days: int
    odd_months: int
    days: int  # calendar days of the periods, for the record
    rule: RuleVersion  # the pay_step version that says how to convert
    calendar_rules: tuple[RuleVersion, ...]  # the work_calendar versions the working days came from

    def text(self) -> str:
        """One Vietnamese phrase: "45 ngày (1 tháng tròn và 11 ngày làm việc lẻ)"."""
        parts = [f"{self.whole_months} tháng tròn"] if self.whole_months else []
        if self.odd_working_days or not parts:
            parts.append(f"{self.odd_working_days} ngày làm việc lẻ")
        return f"{self.days} ngày ({' và '.join(parts)})"

    def to_json(self) -> dict[str, Any]:
        return {
            "months": self.months,
            "whole_months": self.whole_months,
            "odd_working_days": self.odd_working_days,
            "odd_months": self.odd_months,
            "days": self.days,
            "rule": self.rule.to_json(),
            "calendar_rules": [r.to_json() for r in self.calendar_rules],
        }


def whole_months(first: date, last: date) -> tuple[int, date]:
    """The whole calendar months of the period `first`..`last` (both included) counted from `first`, and the first
    day of what is left (after `last` when nothing is): 01/03–02/04 is 1 month and 01/04–02/04 left."""
    months = 0
    while add_months(first, months + 1) <= last + timedelta(days=1):
        months += 1
    return months, add_months(first, months)


def odd_days_to_months(working_days: int, rule: RuleVersion) -> int:
    """The odd working days of all periods as months: under `drop_below_working_days` (11) nothing, from 11 to
    under `one_month_below_working_days` (22) one month. The text stops at 22; a sum of 22 or more (several
    periods' odd days) is read as one month for every 22 working days and the rest by the same rule."""
    spec = rule.params["not_counted_time"]
    drop, month = int(spec["drop_below_working_days"]), int(spec["one_month_below_working_days"])
    whole, rest = divmod(working_days, month)
    return whole + (1 if rest >= drop else 0)


def months_not_counted(periods: Iterable[tuple[date, date]], rulebook: RuleBook, on: date) -> NotCountedTime:
    """Time not counted toward the regular step, in months, by the pay_step version in force on `on` and the
    working-day calendar of the days concerned. `periods` are (first day, last day) pairs, both included."""
    rule = rulebook.get(PAY_STEP, on)
    calendar = WorkCalendar(rulebook)
    months = odd = days = 0
    for first, last in periods:
        if last < first:
            raise DomainError("period_end_before_start", field="periods", first=first, last=last)
        whole, rest = whole_months(first, last)
        months += whole
        odd += calendar.working_days(rest, last)
        days += (last - first).days + 1
    odd_months = odd_days_to_months(odd, rule)
    return NotCountedTime(months + odd_months, months, odd, odd_months, days, rule, calendar.rules())


@dataclass(frozen=True)
class StepDelay:
    """Months by which a regular pay step is pushed back, and where they come from."""

    months: int
    discipline_months: int
    kht_months: int
    unpaid_leave_months: int
    rule: RuleVersion
    not_counted: NotCountedTime | None = None  # the conversion of the unpaid leave, when there was any

    def to_json(self) -> dict[str, Any]:
        return {
            "months": self.months,
            "discipline_months": self.discipline_months,
            "kht_months": self.kht_months,
            "unpaid_leave_months": self.unpaid_leave_months,
            "not_counted": self.not_counted.to_json() if self.not_counted is not None else None,
            "rule": self.rule.to_json(),
        }


def step_delay(
    disciplines: Iterable[str],
    kht_years: int,
    unpaid_leave: Iterable[tuple[date, date]],
    category: str,
    rulebook: RuleBook,
    on: date,
) -> StepDelay:
    """Delay of the regular step for what happened while holding the current step; the delays add up.

    `disciplines` are discipline form codes (khien_trach, canh_cao, ha_bac_luong, giang_chuc, cach_chuc) imposed in
    the period, `kht_years` the number of years rated "không hoàn thành nhiệm vụ", `unpaid_leave` the periods
    (first day, last day) of unpaid leave and other time not counted in the period, converted by
    `months_not_counted`; `category` (cong_chuc, vien_chuc, ...) matters because a viên chức's khiển trách weighs
    less. `on` picks the rule version, normally the regular due date.
    """
    rule = rulebook.get(PAY_STEP, on)
    forms = list(disciplines)
    discipline = 0
    if forms:
        table = rule.params["discipline_delay_months"].get(category)
        if table is None:
            raise DomainError("unknown_category", f"Quy định {rule.label()} không có thời gian kéo dài nâng lương "
                              f"khi bị kỷ luật cho loại '{category}'.", field="category")
        for form in forms:
            if form not in table:
                raise DomainError("discipline_not_applicable", f"Hình thức kỷ luật '{form}' không áp dụng hoặc "
                                  f"không có thời gian kéo dài nâng lương cho loại '{category}'.", field="form")
            discipline += int(table[form])
    if kht_years < 0:
        raise DomainError("invalid_count", "Số năm không hoàn thành nhiệm vụ không được âm.", field="kht_years")
    kht = kht_years * int(rule.params["kht_year_delay_months"])
    periods = list(unpaid_leave)
    not_counted = months_not_counted(periods, rulebook, on) if periods else None
    leave = not_counted.months if not_counted is not None else 0
    return StepDelay(discipline + kht + leave, discipline, kht, leave, rule, not_counted)


# --------------------------------------------------------------------------- probation and the first step


@dataclass(frozen=True)
class FirstStepStart:
    """The date the first regular step counts from for someone recruited with probation."""

    since: date
    probation_counts: bool  # the version in force on the recruitment date counts probation toward the step
    rule: RuleVersion

    def text(self) -> str:
        how = ("tính cả thời gian tập sự" if self.probation_counts
               else "thời gian tập sự không được tính, tính từ ngày hết tập sự")
        return f"Mốc tính nâng bậc lần đầu: {self.since:%d/%m/%Y} ({how}; {self.rule.label()})"

    def to_json(self) -> dict[str, Any]:
        return {"since": self.since.isoformat(), "probation_counts": self.probation_counts,
                "rule": self.rule.to_json()}


def first_step_since(recruited: date, probation_end: date | None, rulebook: RuleBook) -> FirstStepStart:
    """When the first regular step counts from: the recruitment date (the start of probation) under TT 08/2013 as
    first written; for people recruited from 15/08/2021 (TT 03/2021/TT-BNV, probation is time not counted) the
    day after the last day of probation, when the person is appointed to the rank. The version is the one in
    force on the recruitment date; without a probation the count starts on the recruitment date. Recruits from
    before the earliest version (TT 08/2013 took effect on 15/09/2013) take its counting: probation counted."""
    versions = rulebook.versions(PAY_STEP)
    rule = versions[0] if versions and recruited < versions[0].effective_from else rulebook.get(PAY_STEP, recruited)
    counts = bool(rule.params.get("probation_counts", True))
    if probation_end is not None and probation_end < recruited:
        raise DomainError("probation_end_before_start", field="probation_end", end=probation_end, start=recruited)
    if counts or probation_end is None:
        return FirstStepStart(recruited, counts, rule)
    return FirstStepStart(probation_end + timedelta(days=1), counts, rule)


def step_since_in_probation(step_since: date, probation_start: date, probation_end: date,
                            rulebook: RuleBook) -> FirstStepStart | None:
    """The right start (with its rule) when a salary row's "date the next step counts from" falls inside a
    probation that does not count toward the step (recruited from 15/08/2021); None when the date is fine."""
    start = first_step_since(probation_start, probation_end, rulebook)
    if start.probation_counts or not probation_start <= step_since <= probation_end:
        return None
    return start


def probation_step_warning(step_since: date, probation_start: date, probation_end: date,
                           rulebook: RuleBook) -> str | None:
    """The officer's warning for a step date inside a probation that does not count, in Vietnamese."""
    start = step_since_in_probation(step_since, probation_start, probation_end, rulebook)
    if start is None:
        return None
    return messages.text("warn_step_since_in_probation", since=step_since, start=probation_start,
                         end=probation_end, right=start.since, rule=start.rule.name)


# --------------------------------------------------------------------------- regular step and PCTNVK


@dataclass(frozen=True)
class PayStepResult:
    """The next regular step, or, at the last step, the start of the 5% seniority allowance (PCTNVK)."""

    kind: str  # 'nang_bac' (next step) or 'pctnvk' (already at the last step)
    next_step: int | None
    next_coefficient: Decimal | None  # None at the last step
    due_date: date
    pctnvk_percent: int | None  # the first PCTNVK percent at the last step, None otherwise
    rule: RuleVersion  # pay_step for a step, pctnvk at the last step
    scale_rule: RuleVersion

    def is_due(self, on: date) -> bool:
        return on >= self.due_date

    def to_json(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "next_step": self.next_step,
            "next_coefficient": format(self.next_coefficient, "f") if self.next_coefficient is not None else None,
            "due_date": self.due_date.isoformat(),
            "pctnvk_percent": self.pctnvk_percent,
            "rule": self.rule.to_json(),
            "scale_rule": self.scale_rule.to_json(),
        }


def _check_delay(delay_months: int) -> None:
    if delay_months < 0:
        raise DomainError("invalid_delay", "Thời gian kéo dài không được âm.", field="delay_months")


def next_pay_step(
    salary_class: str, step: int, since: date, rulebook: RuleBook, delay_months: int = 0
) -> PayStepResult:
    """When the next regular step is due: `since` (the date the current step counts from) + the class's interval
    (36 months for A0–A3, 24 for B and C) + `delay_months`. At the last step the result is the date the 5% PCTNVK
    starts instead. The rule version is the one in force on that due date."""
    _check_delay(delay_months)
    check_step(salary_class, step, rulebook, since)
    last = max_step(salary_class, rulebook, since)
    if step == last:
        def start_of(version: RuleVersion) -> tuple[date, date]:
            start = _pctnvk_start(salary_class, since, version, delay_months)
            return start, start

        rule, start = version_for_event(rulebook, PCTNVK, start_of)
        return PayStepResult("pctnvk", None, None, start, int(rule.params["first_percent"]), rule,
                             class_rule(salary_class, rulebook, start))

    def compute(version: RuleVersion) -> tuple[date, date]:
        due = add_months(since, int(lookup_by_class(version.params["interval_months"], salary_class)) + delay_months)
        return due, due

    rule, due = version_for_event(rulebook, PAY_STEP, compute)
    return PayStepResult("nang_bac", step + 1, coefficient(salary_class, step + 1, rulebook, due), due, None, rule,
                         class_rule(salary_class, rulebook, due))


def _pctnvk_start(salary_class: str, last_step_since: date, rule: RuleVersion, delay_months: int) -> date:
    months = int(lookup_by_class(rule.params["first_after_months"], salary_class))
    return add_months(last_step_since, months + delay_months)


@dataclass(frozen=True)
class PctnvkStatus:
    """The seniority allowance above the scale on a given day."""

    percent: int  # 0 before it starts
    starts_on: date  # the day the first percent starts
    percent_since: date | None  # the day the current percent started (None while 0)
    next_change_on: date  # the day the percent next rises
    rule: RuleVersion

    def to_json(self) -> dict[str, Any]:
        return {
            "percent": self.percent,
            "starts_on": self.starts_on.isoformat(),
            "percent_since": self.percent_since.isoformat() if self.percent_since else None,
            "next_change_on": self.next_change_on.isoformat(),
            "rule": self.rule.to_json(),
        }


def pctnvk_status(
    salary_class: str, last_step_since: date, on: date, rulebook: RuleBook, delay_months: int = 0
) -> PctnvkStatus:
    """PCTNVK on `on` for someone on the last step since `last_step_since`: 0 until 36 months (24 for B, C)
    plus any delay have passed, then 5%, then one more percent every further 12 months."""
    _check_delay(delay_months)
    rule = rulebook.get(PCTNVK, on)
    start = _pctnvk_start(salary_class, last_step_since, rule, delay_months)
    every = int(rule.params["increase_every_months"])
    if on < start:
        return PctnvkStatus(0, start, None, start, rule)
    rises = months_between(start, on) // every
    percent = int(rule.params["first_percent"]) + rises * int(rule.params["increase_percent"])
    return PctnvkStatus(percent, start, add_months(start, rises * every), add_months(start, (rises + 1) * every), rule)


def pctnvk_percent_on(
    salary_class: str, last_step_since: date, on: date, rulebook: RuleBook, delay_months: int = 0
) -> int:
    """The PCTNVK percent on `on`: 0 before it starts, then 5, 6, 7, …"""
    return pctnvk_status(salary_class, last_step_since, on, rulebook, delay_months).percent


# --------------------------------------------------------------------------- early steps


@dataclass(frozen=True)
class EarlyStepCandidate:
    """Whether a regular step due on `due_date` can be brought forward for achievements in `year`."""

    eligible: bool
    months_short: int  # whole months (rounded up) still missing at the end of 31/12 of the year
    earliest_date: date | None  # the earliest date the early step may take effect
    reason: str  # Vietnamese explanation, empty when eligible
    rule: RuleVersion

    def to_json(self) -> dict[str, Any]:
        return {
            "eligible": self.eligible,
            "months_short": self.months_short,
            "earliest_date": self.earliest_date.isoformat() if self.earliest_date else None,
            "reason": self.reason,
            "rule": self.rule.to_json(),
        }


def _months_short(cutoff: date, due: date) -> int:
    """Months still missing at `cutoff` before `due`, a started month counting as a whole one."""
    if due <= cutoff:
        return 0
    whole = months_between(cutoff, due)
    return whole if add_months(cutoff, whole) == due else whole + 1


def early_step_candidate(
    due_date: date, year: int, rulebook: RuleBook, last_step_was_early_in_same_rank: bool = False
) -> EarlyStepCandidate:
    """Early step for outstanding achievements: only if the regular step is at most 12 months away at the end of
    31/12 of `year`, at most 12 months early, and never twice in a row within the same rank."""
    cutoff = date(year + 1, 1, 1)  # the end of 31/12: someone whose step counts from 01/01/Y+1 is 0 months short
    rule = rulebook.get(EARLY_STEP, date(year, 12, 31))
    short = _months_short(cutoff, due_date)
    max_short = int(rule.params["max_months_short"])
    if due_date <= cutoff:
        return EarlyStepCandidate(False, 0, None, "Đã đến hạn nâng bậc lương thường xuyên trong năm.", rule)
    if due_date > add_months(cutoff, max_short):
        return EarlyStepCandidate(False, short, None, f"Còn thiếu quá {max_short} tháng tính đến ngày 31/12/{year}.",
                                  rule)
    if last_step_was_early_in_same_rank and rule.params.get("not_twice_in_a_row_in_same_rank", True):
        return EarlyStepCandidate(False, short, None, "Lần nâng bậc trước đã là nâng bậc lương trước thời hạn trong "
                                  "cùng ngạch.", rule)
    earliest = add_months(due_date, -int(rule.params["max_months_early"]))
    return EarlyStepCandidate(True, short, earliest, "", rule)


@dataclass(frozen=True)
class EarlyStepQuota:
    payroll_count: int
    max_count: int
    rule: RuleVersion

    def to_json(self) -> dict[str, Any]:
        return {"payroll_count": self.payroll_count, "max_count": self.max_count, "rule": self.rule.to_json()}


def early_step_quota(payroll_count: int, rulebook: RuleBook, year: int) -> EarlyStepQuota:
    """How many people of a payroll may get an early step for achievements in `year` (10% of the payroll)."""
    if payroll_count < 0:
        raise DomainError("invalid_count", "Số người trong danh sách trả lương không được âm.", field="payroll_count")
    rule = rulebook.get(EARLY_STEP, date(year, 12, 31))
    share = Decimal(payroll_count) * Decimal(str(rule.params["quota_percent"])) / 100
    # Rounded down: the text is a ceiling ("không quá 10%"), so 19 people allow 1 early step, not 2; rounding up
    # would let a unit exceed the share. A unit under 10 people therefore gets none in the year.
    return EarlyStepQuota(payroll_count, int(share.to_integral_value(rounding=ROUND_FLOOR)), rule)


@dataclass(frozen=True)
class RetirementEarlyStep:
    """Early step granted with a retirement notice when the regular step is close."""

    eligible: bool
    months_short: int  # months (rounded up) missing at the notice date
    rule: RuleVersion

    def to_json(self) -> dict[str, Any]:
        return {"eligible": self.eligible, "months_short": self.months_short, "rule": self.rule.to_json()}


def retirement_early_step(
    due_date: date, notice_date: date, rulebook: RuleBook, at_last_step: bool = False
) -> RetirementEarlyStep:
    """One step early when the retirement notice is issued at most 12 months before the regular step is due
    (and the person is not yet on the last step). A step already due is a regular step, not an early one."""
    rule = rulebook.get(EARLY_STEP, notice_date)
    short = _months_short(notice_date, due_date)
    limit = add_months(notice_date, int(rule.params["retirement_max_months_short"]))
    eligible = not at_last_step and notice_date < due_date <= limit
    return RetirementEarlyStep(eligible, short, rule)
