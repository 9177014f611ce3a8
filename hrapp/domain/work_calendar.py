"""Working days of state agencies: Saturdays and Sundays off (QĐ 188/1999/QĐ-TTg), the public holidays and Tết of
the Labour Code (the `holidays` package's Vietnam calendar, with its days off in lieu), and each year's swapped days
off and make-up working days decided by the Prime Minister (rule data `work_calendar`, one version a year).

A day is a working day when it is not a weekly day off, not a public holiday and not a swapped day off; a make-up
Saturday (làm bù) is a working day although it falls on a weekend.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from typing import Any

import holidays

from hrapp.domain.rules import RuleBook, RuleVersion
from hrapp.errors import DomainError

WORK_CALENDAR = "work_calendar"
PACKAGE_CALENDAR = "holidays:VN"  # the only public-holiday source the rule data can name


@lru_cache(maxsize=128)
def public_holidays(year: int) -> frozenset[date]:
    """The public holidays, Tết days and days off in lieu of the year, from the `holidays` package."""
    return frozenset(holidays.country_holidays("VN", years=year))


@dataclass(frozen=True)
class _Spec:
    weekly_days_off: frozenset[int]
    days_off: frozenset[date]
    working_days: frozenset[date]


def _dates(values: Iterable[Any], rule: RuleVersion, key: str) -> frozenset[date]:
    try:
        return frozenset(date.fromisoformat(str(v)) for v in values)
    except ValueError:
        raise DomainError("work_calendar_not_dates", field="params", rule=rule.label(), key=key) from None


def _spec(rule: RuleVersion) -> _Spec:
    params = rule.params
    source = params.get("public_holidays", PACKAGE_CALENDAR)
    if source != PACKAGE_CALENDAR:
        raise DomainError("work_calendar_source", field="params", rule=rule.label(), source=source,
                          supported=PACKAGE_CALENDAR)
    weekly = frozenset(int(d) for d in params.get("weekly_days_off", [5, 6]))
    if any(not 0 <= d <= 6 for d in weekly):
        raise DomainError("work_calendar_weekday", field="params", rule=rule.label())
    off: set[date] = set()
    work: set[date] = set()
    for change in params.get("changes", []):
        off |= _dates(change.get("days_off", []), rule, "days_off")
        work |= _dates(change.get("working_days", []), rule, "working_days")
    if off & work:
        raise DomainError("work_calendar_both", field="params", rule=rule.label(),
                          days=", ".join(f"{d:%d/%m/%Y}" for d in sorted(off & work)))
    return _Spec(weekly, frozenset(off), frozenset(work))


class WorkCalendar:
    """Answers "is this a working day" from the rule book, reading each version of the calendar once."""

    def __init__(self, rulebook: RuleBook):
        self.rulebook = rulebook
        self._specs: dict[int, tuple[RuleVersion, _Spec]] = {}
        self.used: dict[str, RuleVersion] = {}  # the versions that answered, by version id

    def _for(self, day: date) -> _Spec:
        rule = self.rulebook.get(WORK_CALENDAR, day)
        held = self._specs.get(id(rule))
        if held is None or held[0] is not rule:
            held = (rule, _spec(rule))
            self._specs[id(rule)] = held
        self.used.setdefault(rule.version, rule)
        return held[1]

    def is_working_day(self, day: date) -> bool:
        spec = self._for(day)
        if day in spec.working_days:
            return True
        if day.weekday() in spec.weekly_days_off or day in spec.days_off:
            return False
        return day not in public_holidays(day.year)

    def working_days(self, first: date, last: date) -> int:
        """Working days from `first` to `last`, both included (0 when `last` is before `first`)."""
        count, day = 0, first
        while day <= last:
            count += self.is_working_day(day)
            day += timedelta(days=1)
        return count

    def rules(self) -> tuple[RuleVersion, ...]:
        return tuple(sorted(self.used.values(), key=lambda r: r.effective_from))


def is_working_day(day: date, rulebook: RuleBook) -> bool:
    return WorkCalendar(rulebook).is_working_day(day)


def working_days(first: date, last: date, rulebook: RuleBook) -> int:
    return WorkCalendar(rulebook).working_days(first, last)
