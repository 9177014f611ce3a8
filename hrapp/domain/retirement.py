"""Retirement age and dates by birth month (NĐ 135/2020 Phụ lục I), the retirement notice, date arithmetic."""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from typing import Any, Literal, TypeVar

from hrapp.domain.rules import RuleBook, RuleVersion
from hrapp.errors import DomainError

Sex = Literal["M", "F"]
Precision = Literal["day", "month", "year"]

RETIREMENT_AGE = "retirement_age"
RETIREMENT_NOTICE = "retirement_notice"

_T = TypeVar("_T")


# --------------------------------------------------------------------------- calendar arithmetic


def last_day_of_month(day: date) -> date:
    return day.replace(day=calendar.monthrange(day.year, day.month)[1])


def add_months(day: date, months: int) -> date:
    """The same day `months` later (or earlier); a missing day (31/04, 29/02) becomes the month's last day.

    This is how the Civil Code ends a period counted in months or years (BLDS 2015, Điều 148): 31/01 plus one
    month is 28/02 (29/02 in a leap year), and 29/02 plus one year is 28/02.
    """
    index = day.year * 12 + (day.month - 1) + months
    year, month0 = divmod(index, 12)
    last = calendar.monthrange(year, month0 + 1)[1]
    return date(year, month0 + 1, min(day.day, last))


def months_between(start: date, end: date) -> int:
    """Whole months completed from `start` to `end` (0 if `end` is before `start`), counted like an age."""
    if end < start:
        return 0
    months = (end.year - start.year) * 12 + (end.month - start.month)
    if add_months(start, months) > end:
        months -= 1
    return months


def calendar_months(start: date, end: date) -> int:
    """Calendar months from the month of `start` to the month of `end`, whatever the days (negative when `end`'s
    month is earlier): how HD 06-HD/BTCTW counts an age for the time left before retirement (month of the
    proposal minus month of birth), so two people born in the same month get the same answer on any day."""
    return (end.year - start.year) * 12 + (end.month - start.month)


def version_for_event(
    rulebook: RuleBook, code: str, compute: Callable[[RuleVersion], tuple[date, _T]]
) -> tuple[RuleVersion, _T]:
    """Pick the version of `code` in force on the date of the event it computes.

    Some events are themselves produced by the rule (the day a retirement age is reached, the day a pay step is
    due), so each version is tried, newest first, and the first whose validity covers its own event date wins.
    """
    for version in reversed(rulebook.versions(code)):
        event_day, value = compute(version)
        if version.applies_on(event_day):
            return version, value
    raise DomainError("rule_not_found", f"Không có quy định '{code}' áp dụng cho trường hợp này.")


# --------------------------------------------------------------------------- birth date with precision

_BIRTH_RE = re.compile(r"^\s*(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?\s*$")


@dataclass(frozen=True)
class BirthDate:
    """A date of birth as recorded: a full date, only month and year, or only the year.

    An unknown day counts as the 1st of the month and an unknown month as 1 January (NĐ 135/2020, Điều 3,
    khoản 3), so `value` is always a usable date and `precision` says how much of it is real.
    """

    value: date
    precision: Precision = "day"

    def __post_init__(self) -> None:
        if self.precision not in ("day", "month", "year"):
            raise DomainError("invalid_birth_precision", "Độ chính xác của ngày sinh không hợp lệ.",
                              field="birth_precision")
        if self.precision == "month" and self.value.day != 1:
            raise DomainError("invalid_birth_date", "Ngày sinh chỉ có tháng, năm phải ghi ngày 01.",
                              field="birth_date")
        if self.precision == "year" and (self.value.month, self.value.day) != (1, 1):
            raise DomainError("invalid_birth_date", "Ngày sinh chỉ có năm phải ghi ngày 01/01.", field="birth_date")

    @classmethod
    def parse(cls, text: str) -> BirthDate:
        """'1965-02-28' (day), '1965-02' (month) or '1965' (year)."""
        match = _BIRTH_RE.match(text or "")
        if not match:
            raise DomainError("invalid_birth_date", f"Ngày sinh '{text}' không hợp lệ (dạng YYYY-MM-DD, YYYY-MM "
                              "hoặc YYYY).", field="birth_date")
        year, month, day = match.group(1), match.group(2), match.group(3)
        try:
            if day is not None:
                return cls(date(int(year), int(month), int(day)), "day")
            if month is not None:
                return cls(date(int(year), int(month), 1), "month")
            return cls(date(int(year), 1, 1), "year")
        except ValueError:
            raise DomainError("invalid_birth_date", f"Ngày sinh '{text}' không tồn tại.", field="birth_date") from None

    @classmethod
    def of(cls, value: BirthDate | date) -> BirthDate:
        return value if isinstance(value, BirthDate) else cls(value, "day")

    def iso(self) -> str:
        """The stored text form, inverse of `parse`."""
        if self.precision == "year":
            return f"{self.value.year:04d}"
        if self.precision == "month":
            return f"{self.value.year:04d}-{self.value.month:02d}"
        return self.value.isoformat()

    def display(self) -> str:
        """As printed on Vietnamese forms: dd/mm/yyyy, mm/yyyy or yyyy."""
        if self.precision == "year":
            return f"{self.value.year:04d}"
        if self.precision == "month":
            return f"{self.value.month:02d}/{self.value.year:04d}"
        return f"{self.value.day:02d}/{self.value.month:02d}/{self.value.year:04d}"

    def __str__(self) -> str:
        return self.display()


# --------------------------------------------------------------------------- retirement age


@dataclass(frozen=True)
class RetirementAge:
    years: int
    months: int

    @property
    def total_months(self) -> int:
        return self.years * 12 + self.months

    @classmethod
    def from_months(cls, total: int) -> RetirementAge:
        return cls(*divmod(total, 12))

    def label(self) -> str:
        """'61 tuổi 6 tháng' or '62 tuổi'."""
        return f"{self.years} tuổi {self.months} tháng" if self.months else f"{self.years} tuổi"


def _age_months(spec: dict[str, Any]) -> int:
    return int(spec["years"]) * 12 + int(spec.get("months", 0))


def _sex_params(rule: RuleVersion, sex: str) -> dict[str, Any]:
    if sex not in ("M", "F"):
        raise DomainError("invalid_sex", "Giới tính phải là nam (M) hoặc nữ (F).", field="gender")
    try:
        return rule.params[sex]
    except KeyError:
        raise DomainError("rule_incomplete", f"Quy định {rule.label()} thiếu tham số cho giới tính '{sex}'.") from None


def retirement_age(sex: Sex, birth: BirthDate | date, rule: RuleVersion) -> RetirementAge:
    """The retirement age that one version of the rule gives for this sex and birth month.

    From `ramp_start`, each run of `band_birth_months` consecutive birth months adds `months_per_band` months
    (the first run already gets it), up to `cap`: men born 01–09/1961 → 60y3m, 10/1961–06/1962 → 60y6m, …
    """
    params = _sex_params(rule, sex)
    born = BirthDate.of(birth).value
    total = _age_months(params["base_age"])
    ramp = params.get("ramp_start")
    if ramp:
        ramp_year, ramp_month = (int(p) for p in str(ramp).split("-")[:2])
        index = (born.year * 12 + born.month - 1) - (ramp_year * 12 + ramp_month - 1)
        if index >= 0:
            bands = index // int(params["band_birth_months"]) + 1
            total = min(total + bands * int(params["months_per_band"]), _age_months(params["cap"]))
    return RetirementAge.from_months(total)


@dataclass(frozen=True)
class RetirementResult:
    """When a person reaches retirement age, stops working, starts the pension and must be notified."""

    age_years: int
    age_months: int
    reached_on: date  # the day the retirement age is reached
    last_working_day: date  # the last day of that month: the time of retirement (NĐ 135/2020, Điều 3)
    retirement_date: date  # the 1st of the next month: pension starts
    notice_due: date | None  # the written notice is due by this day (None when no notice rule covers the date)
    rule: RuleVersion
    notice_rule: RuleVersion | None = None
    exception: RetirementException | None = None  # retiring earlier or later by a decision (NĐ 135/2020 Đ.5–6)

    @property
    def age(self) -> RetirementAge:
        return RetirementAge(self.age_years, self.age_months)

    def basis(self) -> str:
        """The rule the dates come from, as shown: the age rule's version, and the decision that moved it."""
        text = self.rule.label()
        if self.exception is not None:
            text += f"; {self.exception.describe()}"
        return text

    def exception_basis(self) -> str:
        """The legal point of the case the decision relies on ("Nghị định 135/2020/NĐ-CP, Điều 5, khoản 1, điểm
        c"); empty without a decision."""
        if self.exception is None:
            return ""
        found = [r.basis for r in exception_reasons(self.rule, self.exception.direction)
                 if r.code == self.exception.reason]
        return found[0] if found else ""

    def to_json(self) -> dict[str, Any]:
        return {
            "retirement_age": {"years": self.age_years, "months": self.age_months},
            "reached_on": self.reached_on.isoformat(),
            "last_working_day": self.last_working_day.isoformat(),
            "retirement_date": self.retirement_date.isoformat(),
            "notice_due": self.notice_due.isoformat() if self.notice_due else None,
            "rule": self.rule.to_json(),
            "notice_rule": self.notice_rule.to_json() if self.notice_rule else None,
            "exception": self.exception.to_json() if self.exception else None,
        }


def retirement(sex: Sex, birth: BirthDate | date, rulebook: RuleBook,
               exception: RetirementException | None = None) -> RetirementResult:
    """Retirement age and dates; the rule version is the one in force on the day the age is reached.

    With an `exception` (a decision to retire earlier or later, NĐ 135/2020 Điều 5–6) the age is the decided
    one, checked against the bounds of the version in force on the day it is reached (`check_exception`); the
    dates then follow from it the same way (Điều 3: the last day of that month, the pension from the next 1st).
    """
    born = BirthDate.of(birth).value
    if exception is not None:
        rule = check_exception(sex, born, exception, rulebook)
        age = exception.age
    else:
        def compute(version: RuleVersion) -> tuple[date, RetirementAge]:
            age = retirement_age(sex, born, version)
            return add_months(born, age.total_months), age

        rule, age = version_for_event(rulebook, RETIREMENT_AGE, compute)
    reached = add_months(born, age.total_months)
    last_day = last_day_of_month(reached)
    pension_start = last_day + timedelta(days=1)
    notice_rule = _notice_rule(rulebook, pension_start)
    notice_due = None
    if notice_rule is not None:
        notice_due = add_months(pension_start, -int(notice_rule.params["months_before"]))
    return RetirementResult(age.years, age.months, reached, last_day, pension_start, notice_due, rule, notice_rule,
                            exception)


# --------------------------------------------------------------------------- retiring earlier or later by decision

EARLIER = "earlier"
LATER = "later"
DIRECTIONS = (EARLIER, LATER)
DIRECTION_LABELS = {EARLIER: "Nghỉ hưu ở tuổi thấp hơn", LATER: "Nghỉ hưu ở tuổi cao hơn"}


@dataclass(frozen=True)
class RetirementException:
    """A decision to retire at a lower age (NĐ 135/2020, Điều 5: heavy or hazardous work, areas with special
    difficulty, reduced working capacity) or a higher one (Điều 6: high qualifications, some posts), with the age
    it decides and the decision as it is cited."""

    direction: str  # EARLIER or LATER
    reason: str  # a code of the rule version's reasons for that direction
    age: RetirementAge
    decision: str = ""  # "Quyết định số 12/QĐ-SKHCN ngày 02/03/2026"

    def describe(self) -> str:
        kind = "nghỉ hưu ở tuổi thấp hơn" if self.direction == EARLIER else "nghỉ hưu ở tuổi cao hơn"
        text = f"{kind} ({self.age.label()})"
        return f"{text} theo {self.decision}" if self.decision else text

    def to_json(self) -> dict[str, Any]:
        return {"direction": self.direction, "reason": self.reason,
                "age": {"years": self.age.years, "months": self.age.months}, "decision": self.decision}


@dataclass(frozen=True)
class ExceptionReason:
    code: str
    label: str
    basis: str  # the article, clause and point


def _exception_params(rule: RuleVersion, direction: str) -> dict[str, Any]:
    if direction not in DIRECTIONS:
        raise DomainError("retirement_exception_direction", "Chọn nghỉ hưu ở tuổi thấp hơn hoặc cao hơn.",
                          field="direction")
    spec = rule.params.get("exceptions", {}).get(direction)
    if not isinstance(spec, dict):
        raise DomainError("retirement_exception_not_in_rule",
                          f"Quy định {rule.label()} không có trường hợp nghỉ hưu này.", field="direction",
                          rule=rule.label())
    return spec


def exception_reasons(rule: RuleVersion, direction: str) -> tuple[ExceptionReason, ...]:
    """The cases a version of the age rule allows for retiring earlier or later, each with its legal point."""
    spec = _exception_params(rule, direction)
    return tuple(ExceptionReason(str(r["code"]), str(r["label"]), f"{r['basis']}") for r in spec.get("reasons", ()))


def ordinary_age_in_year(sex: Sex, year: int, rulebook: RuleBook) -> RetirementAge:
    """The retirement age under ordinary conditions of the people who reach it in `year` (BLLĐ 2019, Điều 169,
    khoản 2: 60y3m for men in 2021, 3 months more each year…): the age of the birth months whose retirement falls
    in that year (Phụ lục I is built so that they all share it)."""
    return _ordinary_age_in_year(sex, year, rulebook)


@lru_cache(maxsize=512)
def _ordinary_age_in_year(sex: Sex, year: int, rulebook: RuleBook) -> RetirementAge:
    ages = []
    for index in range((year - 75) * 12, (year - 45) * 12):
        born = date(index // 12, index % 12 + 1, 1)
        result = retirement(sex, born, rulebook)
        if result.reached_on.year == year:
            ages.append(result.age.total_months)
    if not ages:
        raise DomainError("rule_not_found", f"Không có quy định tuổi nghỉ hưu cho năm {year}.")
    return RetirementAge.from_months(max(ages))


def exception_bounds(sex: Sex, birth: BirthDate | date, direction: str, rulebook: RuleBook
                     ) -> tuple[RetirementAge, RetirementAge]:
    """The lowest and highest age a decision can set for this person: earlier, from the lowest age of Phụ lục II
    (the ordinary age in the year of retirement less `max_months`) to a month under the person's own ordinary
    age; later, from a month over it to the ordinary age of the year of retirement plus `max_months`."""
    born = BirthDate.of(birth).value
    own = retirement(sex, born, rulebook).age.total_months
    ok = [m for m in (range(own - 150, own) if direction == EARLIER else range(own + 1, own + 150))
          if _within(sex, born, direction, RetirementAge.from_months(m), rulebook)]
    if not ok:
        raise DomainError("retirement_exception_impossible", "Quy định không cho phép trường hợp này với người này.",
                          field="direction")
    return RetirementAge.from_months(min(ok)), RetirementAge.from_months(max(ok))


def _within(sex: Sex, born: date, direction: str, age: RetirementAge, rulebook: RuleBook) -> bool:
    reached = add_months(born, age.total_months)
    try:
        rule = rulebook.get(RETIREMENT_AGE, reached)
        spec = _exception_params(rule, direction)
        ordinary = _ordinary_age_in_year(sex, reached.year, rulebook).total_months
    except DomainError:
        return False
    limit = int(spec["max_months"])
    return ordinary - limit <= age.total_months if direction == EARLIER else age.total_months <= ordinary + limit


def check_exception(sex: Sex, birth: BirthDate | date, exception: RetirementException, rulebook: RuleBook
                    ) -> RuleVersion:
    """The version of the age rule in force on the day the decided age is reached, when it allows the decision:
    the reason is one of its cases, and the age is lower (higher) than the person's ordinary age by no more than
    `max_months` from the ordinary age of the year of retirement (NĐ 135/2020, Điều 5, khoản 1 and Phụ lục II;
    Điều 6, khoản 1). DomainError naming the field otherwise."""
    born = BirthDate.of(birth).value
    reached = add_months(born, exception.age.total_months)
    rule = rulebook.get(RETIREMENT_AGE, reached)
    spec = _exception_params(rule, exception.direction)
    if exception.reason not in {str(r.get("code")) for r in spec.get("reasons", ())}:
        raise DomainError("retirement_exception_reason", f"Trường hợp này không có trong quy định {rule.label()}.",
                          field="reason", rule=rule.label())
    own = retirement(sex, born, rulebook).age
    earlier = exception.direction == EARLIER
    if earlier and exception.age.total_months >= own.total_months:
        raise DomainError("retirement_exception_not_lower", f"Tuổi theo quyết định phải thấp hơn tuổi nghỉ hưu bình "
                          f"thường của người này ({own.label()}).", field="age", ordinary=own.label())
    if not earlier and exception.age.total_months <= own.total_months:
        raise DomainError("retirement_exception_not_higher", f"Tuổi theo quyết định phải cao hơn tuổi nghỉ hưu bình "
                          f"thường của người này ({own.label()}).", field="age", ordinary=own.label())
    if not _within(sex, born, exception.direction, exception.age, rulebook):
        low, high = exception_bounds(sex, born, exception.direction, rulebook)
        bound = low if earlier else high
        raise DomainError("retirement_exception_out_of_bounds",
                          f"Tuổi {exception.age.label()} vượt quá mức cho phép: giới hạn là {bound.label()} "
                          f"({spec['basis']}).",
                          field="age", age=exception.age.label(), bound=bound.label(), basis=str(spec["basis"]))
    return rule


def _notice_rule(rulebook: RuleBook, retirement_date: date) -> RuleVersion | None:
    # The notice rule (NĐ 170/2025) only exists from 01/07/2025; earlier retirements simply have no notice date.
    for version in reversed(rulebook.versions(RETIREMENT_NOTICE)):
        if version.applies_on(retirement_date):
            return version
    return None


# --------------------------------------------------------------------------- who can reach retirement by a day


def _latest_day(ok: Callable[[date], bool], lo: date, hi: date) -> date | None:
    """The latest day in [lo, hi] for which `ok`, a test that holds up to some day and fails after it."""
    a, b = lo.toordinal(), hi.toordinal()
    if not ok(lo):
        return None
    while a < b:
        mid = (a + b + 1) // 2
        if ok(date.fromordinal(mid)):
            a = mid
        else:
            b = mid - 1
    return date.fromordinal(a)


def latest_births_retiring_by(rulebook: RuleBook, day: date, earliest: date, latest: date) -> dict[Sex, date | None]:
    """Per sex, the latest birth date in [earliest, latest] whose retirement notice or retirement can fall by `day`
    (`earliest` when none can); None for a sex whose rule this cannot read.

    A version of the age rule gives the retirement day only when that day falls in its validity, and its age
    grows with the birth month: so, per version, the latest birth date with its notice (at most the longest
    notice period before the day) by `day` and the retirement not after the version's end is found by bisection,
    and the latest of the versions is kept."""
    notice = max([int(ver.params.get("months_before", 0)) for ver in rulebook.versions(RETIREMENT_NOTICE)] + [0])
    out: dict[Sex, date | None] = {}
    sexes: tuple[Sex, ...] = ("M", "F")
    for sex in sexes:
        try:
            cuts = []
            for ver in rulebook.versions(RETIREMENT_AGE):
                if int(ver.params[sex].get("months_per_band", 0)) < 0:
                    raise ValueError(sex)

                def reach(born: date, ver: RuleVersion = ver, sex: Sex = sex) -> date:
                    return add_months(born, retirement_age(sex, born, ver).total_months)

                def noticed(born: date, reach: Callable[[date], date] = reach) -> bool:
                    return add_months(reach(born), -notice) <= day

                last = _latest_day(noticed, earliest, latest)
                if last is not None and ver.effective_to is not None:
                    end = ver.effective_to

                    def in_force(born: date, reach: Callable[[date], date] = reach, end: date = end) -> bool:
                        return reach(born) <= end

                    last = _latest_day(in_force, earliest, last)
                if last is not None:
                    cuts.append(last)
            out[sex] = max(cuts, default=earliest)
        except (DomainError, KeyError, TypeError, ValueError, AttributeError):
            out[sex] = None
    return out


def youngest_notice_months(rulebook: RuleBook) -> int:
    """The lowest retirement age of any version and sex less the longest notice period, in months: people
    younger than that on a day have neither a notice nor a retirement by then."""
    ages = []
    for version in rulebook.versions(RETIREMENT_AGE):
        for sex in ("M", "F"):
            spec = version.params.get(sex, {}).get("base_age")
            if spec:
                ages.append(_age_months(spec))
    notice = [int(v.params.get("months_before", 0)) for v in rulebook.versions(RETIREMENT_NOTICE)]
    return (min(ages) if ages else 0) - max(notice, default=0) - 1
