"""Disciplinary measures (NĐ 112/2020/NĐ-CP, then NĐ 172/2025/NĐ-CP from 01/07/2025): the forms that apply to a
person by category and post on the decision date, the period a measure stays in effect (no promotion, planning or
appointment), the limitation period (thời hiệu) and the time limit of the procedure (thời hạn xử lý).

Every answer reads the rule version in force on the date of the discipline's own decision, never today's.
Periods follow the Civil Code 2015 (Điều 147–148): a period in days or years starts the day after the event and a
period in years ends on the corresponding day of its last year; the effect period counts the day the decision
takes effect as its first day, so 12 months from 01/07/2025 end on 30/06/2026 and 12 months from 29/02/2024 on
28/02/2025.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from hrapp import catalogs
from hrapp.domain.retirement import add_months
from hrapp.domain.rules import RuleBook, RuleVersion
from hrapp.errors import DomainError

DISCIPLINE = "discipline"
CATEGORIES = ("can_bo", "cong_chuc", "vien_chuc", "vien_chuc_tu_chu")


def rule_on(rulebook: RuleBook, day: date) -> RuleVersion | None:
    """The discipline rule version in force on `day`; None before the first version (20/09/2020): no rule data."""
    for v in reversed(rulebook.versions(DISCIPLINE)):
        if v.applies_on(day):
            return v
    return None


def allowed_forms(rule: RuleVersion, category: str | None, leader: bool) -> tuple[str, ...]:
    """The forms the version allows for the category, for a person holding a leadership post or not (empty for a
    category the decree does not cover, e.g. contract workers under the Labour Code)."""
    table = rule.params.get("forms", {}).get(category or "", {})
    return tuple(table.get("leader" if leader else "staff", ()))


def _labels(codes: Iterable[str]) -> str:
    return ", ".join(catalogs.label("discipline_form", c, c).lower() for c in codes)


def check_form(rule: RuleVersion, category: str | None, leader: bool, form: str, decided: date) -> None:
    """Refuse a form the version in force on the decision date does not allow for this person."""
    allowed = allowed_forms(rule, category, leader)
    if form in allowed:
        return
    who = catalogs.label("category", category or "", category or "?")
    who = who[:1].lower() + who[1:]
    label = catalogs.label("discipline_form", form, form).lower()
    day = f"{decided:%d/%m/%Y}"
    if not allowed:
        raise DomainError("discipline_category_not_covered", field="form", category=who, version=rule.name, day=day)
    code = "discipline_form_not_allowed_leader" if leader else "discipline_form_not_allowed_staff"
    raise DomainError(code, field="form", form=label, category=who, version=rule.name, day=day,
                      allowed=_labels(allowed))


def effect_months(rule: RuleVersion, form: str) -> int | None:
    """Months the measure stays in effect; None for a measure that ends the service (buộc thôi việc, bãi nhiệm)."""
    months = rule.params.get("effect_months", {}).get(form)
    return int(months) if months is not None else None


def effect_end(rule: RuleVersion, form: str, effect_from: date) -> date | None:
    """The last day of the effect period, or None when the form has none."""
    months = effect_months(rule, form)
    # Civil Code Điều 147–148: counted from the day before the first day, ending on the corresponding day (the
    # month's last day when it has none): 12 months from 29/02/2024 end on 28/02/2025
    return None if months is None else add_months(effect_from - timedelta(days=1), months)


def limitation_years(rule: RuleVersion, form: str) -> int:
    table = rule.params.get("limitation_years", {})
    return int(table.get(form, table["other_forms"]))


def limitation_last_day(rule: RuleVersion, form: str, violation: date) -> date:
    """The last day a decision may be taken for a violation committed on `violation` (thời hiệu)."""
    return add_months(violation, 12 * limitation_years(rule, form))


def processing_last_day(rule: RuleVersion, found_on: date, complex_case: bool) -> date:
    """The last day of the procedure counted from the day the violation was found (thời hạn xử lý)."""
    days = rule.params["processing_days_complex" if complex_case else "processing_days"]
    return found_on + timedelta(days=int(days))


@dataclass(frozen=True)
class Timing:
    """What the rule says of one discipline's dates; `rule` names the version it used."""

    rule: RuleVersion
    limitation_last_day: date | None
    processing_last_day: date | None


def check_timing(rule: RuleVersion, form: str, decided: date, violation: date | None, found_on: date | None,
                 complex_case: bool) -> Timing:
    """Refuse a decision taken after the limitation period or after the time limit of the procedure."""
    limit = limitation_last_day(rule, form, violation) if violation is not None else None
    if violation is not None and violation > decided:
        raise DomainError("discipline_violation_after_decision", field="violation_date")
    if limit is not None and decided > limit:
        raise DomainError("discipline_time_barred", field="decision_date", day=f"{decided:%d/%m/%Y}",
                          last=f"{limit:%d/%m/%Y}", years=limitation_years(rule, form), version=rule.name)
    deadline = processing_last_day(rule, found_on, complex_case) if found_on is not None else None
    if found_on is not None and found_on > decided:
        raise DomainError("discipline_found_after_decision", field="found_on")
    if deadline is not None and decided > deadline:
        days = int(rule.params["processing_days_complex" if complex_case else "processing_days"])
        raise DomainError("discipline_procedure_too_long", field="decision_date", day=f"{decided:%d/%m/%Y}",
                          last=f"{deadline:%d/%m/%Y}", days=days, version=rule.name)
    return Timing(rule, limit, deadline)


def in_effect_until(rulebook: RuleBook, form: str, decided: date, effect_from: date,
                    effect_to: date | None) -> date | None:
    """The last day a recorded discipline bars promotion, planning and appointment: its own end date when the
    decision gives one, else the period of the version in force on its decision date (None: no period known)."""
    if effect_to is not None:
        return effect_to
    rule = rule_on(rulebook, decided)
    return effect_end(rule, form, effect_from) if rule is not None else None


def category_on(periods: Iterable[tuple[date, date | None, str]], day: date, fallback: str | None) -> str | None:
    """The person's category on `day`: the employment period covering it (start, last day, category), else the
    latest one begun by then, else `fallback` (the current category)."""
    begun = sorted((p for p in periods if p[0] <= day), key=lambda p: p[0])
    covering = [p for p in begun if p[1] is None or p[1] >= day]
    chosen = covering[-1] if covering else (begun[-1] if begun else None)
    return chosen[2] if chosen else fallback


def leader_on(posts: Iterable[tuple[date, date | None]], day: date) -> bool:
    """Whether a leadership post (start, last day) covers `day`."""
    return any(start <= day and (end is None or end >= day) for start, end in posts)


@dataclass(frozen=True)
class RecordedDiscipline:
    """A discipline as recorded, for the checks that read it later (appointment, planning, pay steps)."""

    form: str
    decision_date: date
    effect_from: date
    effect_to: date | None = None


def check_appointment(rulebook: RuleBook, kind: str, start: date, disciplines: Iterable[RecordedDiscipline]) -> None:
    """Refuse an appointment of a barred kind that starts while a discipline is in effect; the period and the
    barred kinds are those of the version in force on the discipline's decision date."""
    for d in sorted(disciplines, key=lambda x: x.decision_date):
        rule = rule_on(rulebook, d.decision_date)
        if rule is None or kind not in rule.params.get("barred_appointment_kinds", ()):
            continue
        until = in_effect_until(rulebook, d.form, d.decision_date, d.effect_from, d.effect_to)
        if until is not None and d.effect_from <= start <= until:
            raise DomainError("appointment_under_discipline", field="start_date",
                              form=catalogs.label("discipline_form", d.form, d.form).lower(),
                              decided=f"{d.decision_date:%d/%m/%Y}", until=f"{until:%d/%m/%Y}")
